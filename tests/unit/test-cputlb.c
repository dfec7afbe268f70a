/*
 * test-cputlb.c: the software TLB (softmmu/cputlb.c) driven by a fake CPU
 * whose tlb_fill maps virtual = physical (and can be told to fail, to map
 * sub-page or superpage entries) over an address space holding RAM, a ROM,
 * an I/O device that records its accesses, a page that RAM shares with a
 * device, and holes.  Pins: fills happen once per page, MMIO reaches the
 * device with the right offset and size, ROM ignores writes, holes and
 * failed fills report the right access type, misaligned accesses inside
 * and across pages, the victim TLB, flushes (memory-map changes, one page,
 * superpages), one-shot entries, instruction fetch, and stores to pages
 * that hold translated code (TLB_NOTDIRTY), with real TBs on those pages.
 * A test marked .disabled pins a bug reported to the lead: enable it with
 * the fix.
 */
#include <criterion/criterion.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/cpu-exec.h"
#include "lemu/memory.h"
#include "lemu/tb.h"

#define PAGE TARGET_PAGE_SIZE

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (16ull << 20)
#define ROM_BASE 0x1000ull
#define DEV_BASE 0x10000000ull
#define SHARED_BASE 0x20000000ull   /* RAM page with a device at +0x800 */
#define HOLE 0x30000000ull

/* ---- the fake CPU ------------------------------------------------------------ */

typedef struct FakeEnv {
    uint64_t regs[4];
} FakeEnv;

typedef struct FakeCPU {
    CPUState parent;
    FakeEnv env;
} FakeCPU;

_Static_assert(offsetof(FakeCPU, env) == sizeof(CPUState), "env follows CPUState");

typedef enum FaultKind { FAULT_NONE, FAULT_FILL, FAULT_TX, FAULT_UNALIGNED } FaultKind;

typedef struct Fault {
    FaultKind kind;
    vaddr addr;
    hwaddr pa;
    unsigned size;
    MMUAccessType type;
    MemTxResult result;
} Fault;

static sigjmp_buf fault_jmp;
static Fault fault;
static unsigned nfills;
static MMUAccessType last_fill_type;
/* tlb_fill refuses [fail_start, fail_end); enters pages of fill_size bytes. */
static vaddr fail_start, fail_end;
static uint64_t fill_size = PAGE;

static __attribute__((noreturn)) void fake_raise(Fault f)
{
    fault = f;
    siglongjmp(fault_jmp, 1);
}

static bool fake_tlb_fill(CPUState *cpu, vaddr addr, int size, MMUAccessType type, int mmu_idx,
                          bool probe, uintptr_t ra)
{
    (void)ra;
    nfills++;
    last_fill_type = type;
    if (addr >= fail_start && addr < fail_end) {
        if (probe) {
            return false;
        }
        fake_raise((Fault){ .kind = FAULT_FILL, .addr = addr, .size = (unsigned)size,
                            .type = type });
    }
    /* A superpage is entered for the page asked for, with its size. */
    vaddr page = addr & TARGET_PAGE_MASK;
    tlb_set_page(cpu, page, page, MEMTXATTRS_UNSPECIFIED, PAGE_READ | PAGE_WRITE | PAGE_EXEC,
                 mmu_idx, fill_size);
    return true;
}

static void fake_transaction_failed(CPUState *cpu, hwaddr pa, vaddr addr, unsigned size,
                                    MMUAccessType type, int mmu_idx, MemTxResult result,
                                    uintptr_t ra)
{
    (void)cpu, (void)mmu_idx, (void)ra;
    fake_raise((Fault){ .kind = FAULT_TX, .addr = addr, .pa = pa, .size = size, .type = type,
                        .result = result });
}

static void fake_unaligned(CPUState *cpu, vaddr addr, MMUAccessType type, int mmu_idx,
                           uintptr_t ra)
{
    (void)cpu, (void)mmu_idx, (void)ra;
    fake_raise((Fault){ .kind = FAULT_UNALIGNED, .addr = addr, .type = type });
}

static int fake_mmu_index(CPUState *cpu, bool ifetch)
{
    (void)cpu, (void)ifetch;
    return 0;
}

static const CPUOps fake_ops = {
    .name = "fake",
    .tlb_fill = fake_tlb_fill,
    .do_transaction_failed = fake_transaction_failed,
    .do_unaligned_access = fake_unaligned,
    .mmu_index = fake_mmu_index,
};

/* ---- the recording device ------------------------------------------------------- */

typedef struct DevCall {
    bool write;
    hwaddr addr;
    unsigned size;
    uint64_t value;
} DevCall;

static DevCall dev_calls[32];
static unsigned ndev_calls;

static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
{
    (void)opaque;
    /* Byte i of the registers reads as 0x80 + i: sign bits set. */
    uint64_t v = 0;
    for (unsigned i = size; i-- > 0;) {
        v = (v << 8) | (0x80 + ((addr + i) & 0x7f));
    }
    if (ndev_calls < 32) {
        dev_calls[ndev_calls] = (DevCall){ false, addr, size, v };
    }
    ndev_calls++;
    return v;
}

static void dev_write(void *opaque, hwaddr addr, uint64_t data, unsigned size)
{
    (void)opaque;
    if (ndev_calls < 32) {
        dev_calls[ndev_calls] = (DevCall){ true, addr, size, data };
    }
    ndev_calls++;
}

static const MemoryRegionOps dev_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

/* ---- the machine ------------------------------------------------------------------- */

static MemoryRegion sysmem, ram, rom, dev, shared_ram, shared_dev;
static AddressSpace as;
static FakeCPU *fcpu;
static CPUState *cs;
static uint8_t *ram_host, *rom_host, *shared_host;

static void setup(void)
{
    memory_region_init(&sysmem, NULL, "system", UINT64_MAX);
    cr_assert(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, NULL));
    cr_assert(memory_region_init_rom(&rom, NULL, "rom", PAGE, NULL));
    memory_region_init_io(&dev, NULL, &dev_ops, NULL, "dev", PAGE);
    cr_assert(memory_region_init_ram(&shared_ram, NULL, "shared-ram", PAGE, NULL));
    memory_region_init_io(&shared_dev, NULL, &dev_ops, NULL, "shared-dev", 0x100);
    memory_region_add_subregion(&sysmem, RAM_BASE, &ram);
    memory_region_add_subregion(&sysmem, ROM_BASE, &rom);
    memory_region_add_subregion(&sysmem, DEV_BASE, &dev);
    memory_region_add_subregion(&sysmem, SHARED_BASE, &shared_ram);
    memory_region_add_subregion_overlap(&sysmem, SHARED_BASE + 0x800, &shared_dev, 1);
    address_space_init(&as, &sysmem, "memory");
    ram_host = memory_region_get_ram_ptr(&ram);
    rom_host = memory_region_get_ram_ptr(&rom);
    shared_host = memory_region_get_ram_ptr(&shared_ram);
    for (unsigned i = 0; i < PAGE; i++) {
        rom_host[i] = (uint8_t)(i * 7);
        shared_host[i] = (uint8_t)(0x40 + i);
    }

    fcpu = aligned_alloc(16, sizeof(FakeCPU));
    memset(fcpu, 0, sizeof(*fcpu));
    cs = &fcpu->parent;
    cs->ops = &fake_ops;
    cs->env_ptr = &fcpu->env;
    cs->as = &as;
    cpu_exec_realize(cs, NULL);
}

static uint64_t ld(vaddr addr, MemOp op)
{
    return cpu_ld_mmu(cs, addr, make_memop_idx(op, 0), 0);
}

static void st(vaddr addr, uint64_t val, MemOp op)
{
    cpu_st_mmu(cs, addr, val, make_memop_idx(op, 0), 0);
}

/* Run stmt; true if it raised a fault (recorded in `fault`). */
#define FAULTS(stmt)                                  \
    ({                                                \
        volatile bool faulted_ = true;                \
        fault = (Fault){ 0 };                         \
        if (sigsetjmp(fault_jmp, 0) == 0) {           \
            stmt;                                     \
            faulted_ = false;                         \
        }                                             \
        faulted_;                                     \
    })

static uint64_t host_ld64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* ---- RAM and the fast path ------------------------------------------------------------- */

Test(cputlb, a_ram_page_is_filled_once_then_hits, .init = setup)
{
    memcpy(ram_host + 0x10, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
    cr_expect_eq(ld(RAM_BASE + 0x10, MO_LEUQ), 0x8877665544332211ull);
    cr_expect_eq(nfills, 1);
    cr_expect_eq(ld(RAM_BASE + 0x14, MO_LESL), (uint64_t)(int64_t)(int32_t)0x88776655);
    cr_expect_eq(ld(RAM_BASE + 0x17, MO_UB), 0x88);
    st(RAM_BASE + 0xff8, 0x0102030405060708ull, MO_LEUQ);
    cr_expect_eq(host_ld64(ram_host + 0xff8), 0x0102030405060708ull);
    cr_expect_eq(nfills, 1, "loads and stores of one page share one fill");
    cr_expect_eq(ld(RAM_BASE + PAGE, MO_UB), 0);
    cr_expect_eq(nfills, 2, "the next page needs its own");
}

Test(cputlb, mmu_indexes_have_separate_entries, .init = setup)
{
    cpu_ld_mmu(cs, RAM_BASE, make_memop_idx(MO_UB, 0), 0);
    cpu_ld_mmu(cs, RAM_BASE, make_memop_idx(MO_UB, 3), 0);
    cr_expect_eq(nfills, 2);
    cpu_ld_mmu(cs, RAM_BASE, make_memop_idx(MO_UB, 3), 0);
    cr_expect_eq(nfills, 2);
}

Test(cputlb, backend_mem_ops_are_the_same_tlb, .init = setup)
{
    ram_host[0x20] = 0xfe;
    cr_expect_eq(tlb_mem_ops.load(cpu_env(cs), RAM_BASE + 0x20, make_memop_idx(MO_SB, 0), 0),
                 (uint64_t)-2);
    tlb_mem_ops.store(cpu_env(cs), RAM_BASE + 0x22, 0xabcd, make_memop_idx(MO_LEUW, 0), 0);
    cr_expect_eq(ram_host[0x22], 0xcd);
    cr_expect_eq(ram_host[0x23], 0xab);
    cr_expect_eq(nfills, 1);
}

/* ---- MMIO, ROM, holes ---------------------------------------------------------------------- */

Test(cputlb, mmio_accesses_reach_the_device_with_offset_and_size, .init = setup)
{
    uint64_t v = ld(DEV_BASE + 0x14, MO_LESL);
    cr_assert_eq(ndev_calls, 1);
    cr_expect(!dev_calls[0].write && dev_calls[0].addr == 0x14 && dev_calls[0].size == 4);
    cr_expect_eq(v, 0xffffffff97969594ull, "sign-extended device value, got 0x%lx",
                 (unsigned long)v);
    cr_expect_eq(ld(DEV_BASE + 0x14, MO_LEUL), 0x97969594ull, "zero-extended");
    cr_expect_eq(ndev_calls, 2, "every MMIO access reaches the device (nothing cached)");
    st(DEV_BASE + 0x22, 0xbeef, MO_LEUW);
    cr_assert_eq(ndev_calls, 3);
    cr_expect(dev_calls[2].write && dev_calls[2].addr == 0x22 && dev_calls[2].size == 2 &&
              dev_calls[2].value == 0xbeef);
    st(DEV_BASE + 0xff8, 0x1122334455667788ull, MO_LEUQ);
    cr_expect(dev_calls[3].write && dev_calls[3].addr == 0xff8 && dev_calls[3].size == 8 &&
              dev_calls[3].value == 0x1122334455667788ull);
    cr_expect_eq(nfills, 1, "one fill for the device page");
}

Test(cputlb, rom_is_read_directly_and_ignores_writes, .init = setup)
{
    cr_expect_eq(ld(ROM_BASE + 3, MO_UB), (uint8_t)(3 * 7));
    cr_expect_not(FAULTS(st(ROM_BASE + 3, 0xff, MO_UB)), "a ROM write does not fault");
    cr_expect_not(FAULTS(st(ROM_BASE + 8, 0, MO_LEUQ)));
    cr_expect_eq(rom_host[3], (uint8_t)(3 * 7), "ROM unchanged");
    cr_expect_eq(rom_host[8], (uint8_t)(8 * 7), "ROM unchanged");
    cr_expect_eq(ld(ROM_BASE + 3, MO_UB), (uint8_t)(3 * 7));
    cr_expect_eq(nfills, 1);
}

Test(cputlb, hole_reports_a_failed_transaction_of_the_access_type, .init = setup)
{
    cr_assert(FAULTS(ld(HOLE + 0x10, MO_LEUL)));
    cr_expect_eq(fault.kind, FAULT_TX);
    cr_expect_eq(fault.type, MMU_DATA_LOAD);
    cr_expect_eq(fault.addr, HOLE + 0x10);
    cr_expect_eq(fault.pa, HOLE + 0x10);
    cr_expect_eq(fault.size, 4);
    cr_expect_neq(fault.result, MEMTX_OK);

    cr_assert(FAULTS(st(HOLE + 0x21, 1, MO_UB)));
    cr_expect_eq(fault.kind, FAULT_TX);
    cr_expect_eq(fault.type, MMU_DATA_STORE);
    cr_expect_eq(fault.addr, HOLE + 0x21);
    cr_expect_eq(fault.size, 1);
}

Test(cputlb, rmw_load_from_a_hole_faults_as_a_store, .init = setup)
{
    cr_assert(FAULTS(cpu_ld_mmu_rmw(cs, HOLE + 8, make_memop_idx(MO_LEUQ, 0), 0)));
    cr_expect_eq(fault.kind, FAULT_TX);
    cr_expect_eq(fault.type, MMU_DATA_STORE);
    cr_expect_eq(fault.addr, HOLE + 8);
}

Test(cputlb, rmw_load_whose_fill_fails_faults_as_a_store, .init = setup)
{
    fail_start = RAM_BASE + 0x5000;
    fail_end = fail_start + PAGE;
    cr_assert(FAULTS(cpu_ld_mmu_rmw(cs, RAM_BASE + 0x5010, make_memop_idx(MO_LEUL, 0), 0)));
    cr_expect_eq(fault.kind, FAULT_FILL);
    cr_expect_eq(fault.type, MMU_DATA_STORE, "an AMO's read that cannot be done faults as a "
                 "store (cputlb.h), got type %d", fault.type);
}

Test(cputlb, failed_fill_reports_the_access_type, .init = setup)
{
    fail_start = RAM_BASE + 0x5000;
    fail_end = fail_start + PAGE;
    cr_assert(FAULTS(ld(RAM_BASE + 0x5008, MO_LEUQ)));
    cr_expect(fault.kind == FAULT_FILL && fault.type == MMU_DATA_LOAD &&
              fault.addr == RAM_BASE + 0x5008);
    cr_assert(FAULTS(st(RAM_BASE + 0x5ffe, 0, MO_LEUW)));
    cr_expect(fault.kind == FAULT_FILL && fault.type == MMU_DATA_STORE &&
              fault.addr == RAM_BASE + 0x5ffe);
}

/* ---- alignment ----------------------------------------------------------------------- */

Test(cputlb, misaligned_ram_access_inside_a_page, .init = setup)
{
    st(RAM_BASE + 0x103, 0x0807060504030201ull, MO_LEUQ);
    for (unsigned i = 0; i < 8; i++) {
        cr_expect_eq(ram_host[0x103 + i], i + 1, "byte %u", i);
    }
    cr_expect_eq(ram_host[0x102], 0);
    cr_expect_eq(ram_host[0x10b], 0);
    cr_expect_eq(ld(RAM_BASE + 0x103, MO_LEUQ), 0x0807060504030201ull);
    cr_expect_eq(ld(RAM_BASE + 0x105, MO_LEUL), 0x06050403ull);
    cr_expect_eq(ld(RAM_BASE + 0x109, MO_LESW), 0x0807ull);
    cr_expect_eq(nfills, 1);
}

Test(cputlb, misaligned_ram_access_across_pages, .init = setup)
{
    st(RAM_BASE + 0xffd, 0x8877665544332211ull, MO_LEUQ);
    static const uint8_t want[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
    cr_expect_eq(memcmp(ram_host + 0xffd, want, 8), 0);
    cr_expect_eq(ld(RAM_BASE + 0xffd, MO_LEUQ), 0x8877665544332211ull);
    cr_expect_eq(ld(RAM_BASE + 0xfff, MO_LESW), 0x4433ull);
    cr_expect_eq(ld(RAM_BASE + 0xffe, MO_LESL), (uint64_t)(int64_t)(int32_t)0x55443322);
    ram_host[0x1000] = 0x80;
    cr_expect_eq(ld(RAM_BASE + 0xfff, MO_LESW), 0xffffffffffff8033ull, "sign from page 2");
    cr_expect_eq(nfills, 2, "both pages filled once");
}

Test(cputlb, misaligned_store_into_a_failing_page_writes_nothing, .init = setup)
{
    fail_start = RAM_BASE + 0x2000;
    fail_end = fail_start + PAGE;
    memset(ram_host + 0x1ff0, 0xaa, 0x10);
    cr_assert(FAULTS(st(RAM_BASE + 0x1ffc, 0x1122334455667788ull, MO_LEUQ)));
    cr_expect_eq(fault.kind, FAULT_FILL);
    cr_expect_eq(fault.type, MMU_DATA_STORE);
    cr_expect(fault.addr >= fail_start && fault.addr < RAM_BASE + 0x1ffc + 8,
              "the fault names a byte of the failing page");
    for (unsigned i = 0x1ff0; i < 0x2000; i++) {
        cr_expect_eq(ram_host[i], 0xaa, "byte 0x%x of the first page written", i);
    }
    /* A load across faults the same way (as a load). */
    cr_assert(FAULTS(ld(RAM_BASE + 0x1ffe, MO_LEUL)));
    cr_expect(fault.kind == FAULT_FILL && fault.type == MMU_DATA_LOAD);
}

/*
 * RAM's last page followed by a hole: the hole's page translates (it is
 * there, as unassigned I/O) but the store cannot complete there, so the
 * faulting store must leave the RAM bytes unchanged.
 */
Test(cputlb, misaligned_store_into_a_hole_writes_nothing, .init = setup)
{
    uint8_t *last = ram_host + RAM_SIZE - PAGE;
    memset(last + PAGE - 0x10, 0xaa, 0x10);
    cr_assert(FAULTS(st(RAM_BASE + RAM_SIZE - 4, 0x1122334455667788ull, MO_LEUQ)));
    cr_expect_eq(fault.kind, FAULT_TX);
    cr_expect_eq(fault.type, MMU_DATA_STORE);
    for (unsigned i = PAGE - 0x10; i < PAGE; i++) {
        cr_expect_eq(last[i], 0xaa, "byte 0x%x of the RAM page written", i);
    }
}

Test(cputlb, align_required_access_reports_misalignment_first, .init = setup)
{
    cr_assert(FAULTS(ld(RAM_BASE + 0x102, MO_LEUL | MO_ALIGN)));
    cr_expect(fault.kind == FAULT_UNALIGNED && fault.type == MMU_DATA_LOAD &&
              fault.addr == RAM_BASE + 0x102);
    cr_assert(FAULTS(st(DEV_BASE + 0x4, 0, MO_LEUQ | MO_ALIGN)));
    cr_expect(fault.kind == FAULT_UNALIGNED && fault.type == MMU_DATA_STORE);
    cr_expect_eq(ndev_calls, 0, "the device saw nothing");
    cr_expect_eq(ld(RAM_BASE + 0x104, MO_LEUL | MO_ALIGN), 0, "aligned is fine");
}

/* ---- victim TLB, flushes, one-shot entries ---------------------------------------------- */

Test(cputlb, victim_tlb_keeps_two_pages_whose_index_collides, .init = setup)
{
    vaddr a = RAM_BASE + 0x3000, b = a + CPU_TLB_SIZE * PAGE;
    ram_host[0x3000] = 1;
    ram_host[0x3000 + CPU_TLB_SIZE * PAGE] = 2;
    for (unsigned round = 0; round < 4; round++) {
        cr_expect_eq(ld(a, MO_UB), 1);
        cr_expect_eq(ld(b, MO_UB), 2);
        st(a + 1, round, MO_UB);
        st(b + 1, round, MO_UB);
    }
    cr_expect_eq(nfills, 2, "ping-pong between colliding pages refilled (%u fills)", nfills);
}

Test(cputlb, memory_map_change_flushes_the_tlb, .init = setup)
{
    ram_host[0x10] = 0x5a;
    cr_expect_eq(ld(RAM_BASE + 0x10, MO_UB), 0x5a);
    cr_expect_eq(nfills, 1);

    /* Another RAM region now covers that page: the next access must see it. */
    static MemoryRegion overlay;
    cr_assert(memory_region_init_ram(&overlay, NULL, "overlay", PAGE, NULL));
    ((uint8_t *)memory_region_get_ram_ptr(&overlay))[0x10] = 0xa5;
    memory_region_add_subregion_overlap(&sysmem, RAM_BASE, &overlay, 2);
    cr_expect_eq(ld(RAM_BASE + 0x10, MO_UB), 0xa5, "stale TLB entry after a map change");
    cr_expect_eq(nfills, 2);
    st(RAM_BASE + 0x11, 0x77, MO_UB);
    cr_expect_eq(ram_host[0x11], 0, "the store went to the old RAM");

    memory_region_del_subregion(&sysmem, &overlay);
    cr_expect_eq(ld(RAM_BASE + 0x10, MO_UB), 0x5a);
    cr_expect_eq(nfills, 3);
}

Test(cputlb, flush_page_drops_that_page_only, .init = setup)
{
    ld(RAM_BASE, MO_UB);
    ld(RAM_BASE + PAGE, MO_UB);
    cr_assert_eq(nfills, 2);
    tlb_flush_page(cs, RAM_BASE + 0x123);
    ld(RAM_BASE + PAGE, MO_UB);
    cr_expect_eq(nfills, 2, "the other page survives");
    ld(RAM_BASE, MO_UB);
    cr_expect_eq(nfills, 3, "the flushed page is refilled");
    tlb_flush(cs);
    ld(RAM_BASE + PAGE, MO_UB);
    cr_expect_eq(nfills, 4, "a full flush drops everything");
}

Test(cputlb, flush_page_in_a_superpage_drops_the_superpage_entries, .init = setup)
{
    fill_size = 2u << 20;
    ld(RAM_BASE + 0x10, MO_UB);
    cr_assert_eq(nfills, 1);
    /* Another 4 KiB page of the same 2 MiB mapping, never accessed itself. */
    tlb_flush_page(cs, RAM_BASE + 0x5000);
    ld(RAM_BASE + 0x10, MO_UB);
    cr_expect_eq(nfills, 2, "an entry of the flushed superpage survived");
}

Test(cputlb, one_shot_entries_are_refilled_on_every_access, .init = setup)
{
    fill_size = 0x100;   /* e.g. a PMP region finer than a page */
    ram_host[0x40] = 9;
    cr_expect_eq(ld(RAM_BASE + 0x40, MO_UB), 9);
    cr_expect_eq(ld(RAM_BASE + 0x40, MO_UB), 9);
    cr_expect_eq(nfills, 2);
    st(RAM_BASE + 0x41, 0x33, MO_UB);
    cr_expect_eq(ram_host[0x41], 0x33);
    cr_expect_eq(nfills, 3);
    /* The victim TLB does not bring it back either. */
    ld(RAM_BASE + 0x40 + CPU_TLB_SIZE * PAGE, MO_UB);
    ld(RAM_BASE + 0x40, MO_UB);
    cr_expect_eq(nfills, 5);
}

/* ---- instruction fetch -------------------------------------------------------------------- */

Test(cputlb, code_fetch_from_ram_gives_host_pointer_and_ram_addr, .init = setup)
{
    const uint8_t *host = NULL;
    size_t avail = 0;
    ram_addr_t r = tlb_get_code(cs, RAM_BASE + 0x1ffe, &host, &avail);
    cr_expect_eq(r, memory_region_get_ram_addr(&ram) + 0x1ffe);
    cr_expect_eq(host, ram_host + 0x1ffe);
    cr_expect_eq(avail, 2, "up to the end of the page");
    cr_expect_eq(last_fill_type, MMU_INST_FETCH);
}

Test(cputlb, code_fetch_from_a_page_shared_with_a_device, .init = setup)
{
    const uint8_t *host = NULL;
    size_t avail = 0;
    ram_addr_t r = tlb_get_code(cs, SHARED_BASE + 0x10, &host, &avail);
    cr_expect_eq(r, memory_region_get_ram_addr(&shared_ram) + 0x10);
    cr_expect_eq(host, shared_host + 0x10);
    cr_expect_eq(avail, 0x7f0, "RAM up to the device");
    r = tlb_get_code(cs, SHARED_BASE + 0x900, &host, &avail);
    cr_expect_eq(r, memory_region_get_ram_addr(&shared_ram) + 0x900, "RAM after the device");
    cr_expect_eq(avail, 0x700);

    cr_expect_eq(tlb_get_code_probe(cs, SHARED_BASE + 0x810, &host, &avail), RAM_ADDR_INVALID);
    cr_assert(FAULTS(tlb_get_code(cs, SHARED_BASE + 0x810, &host, &avail)));
    cr_expect(fault.kind == FAULT_TX && fault.type == MMU_INST_FETCH &&
              fault.addr == SHARED_BASE + 0x810);
    cr_expect_eq(ndev_calls, 0, "fetching does not read the device");
}

Test(cputlb, code_fetch_from_a_device_or_hole_faults, .init = setup)
{
    const uint8_t *host;
    size_t avail;
    cr_assert(FAULTS(tlb_get_code(cs, DEV_BASE + 0x40, &host, &avail)));
    cr_expect(fault.kind == FAULT_TX && fault.type == MMU_INST_FETCH);
    cr_assert(FAULTS(tlb_get_code(cs, HOLE, &host, &avail)));
    cr_expect(fault.kind == FAULT_TX && fault.type == MMU_INST_FETCH && fault.addr == HOLE);
    fail_start = RAM_BASE;
    fail_end = RAM_BASE + PAGE;
    cr_expect_eq(tlb_get_code_probe(cs, RAM_BASE + 4, &host, &avail), RAM_ADDR_INVALID);
    cr_assert(FAULTS(tlb_get_code(cs, RAM_BASE + 4, &host, &avail)));
    cr_expect(fault.kind == FAULT_FILL && fault.type == MMU_INST_FETCH);
}

Test(cputlb, data_accesses_to_the_ram_of_a_shared_page, .init = setup)
{
    cr_expect_eq(ld(SHARED_BASE + 0x7fc, MO_LEUL), 0x3f3e3d3cull);
    st(SHARED_BASE + 0x10, 0xdeadbeef, MO_LEUL);
    cr_expect_eq(host_ld64(shared_host + 0x10) & 0xffffffff, 0xdeadbeef);
    st(SHARED_BASE + 0x804, 0x12, MO_UB);
    cr_assert_eq(ndev_calls, 1);
    cr_expect(dev_calls[0].write && dev_calls[0].addr == 4 && dev_calls[0].size == 1);
    cr_expect_eq(shared_host[0x804], 0x44, "RAM under the device untouched");
}

/* ---- stores to pages holding translated code --------------------------------------------- */

static ram_addr_t ram_addr_of(vaddr a)
{
    return memory_region_get_ram_addr(&ram) + (a - RAM_BASE);
}

/* A TB (no code: the TLB never runs it) over [a, a + size) of RAM. */
static TranslationBlock *code_at(vaddr a, uint32_t size)
{
    TranslationBlock *tb = tb_alloc();
    tb->pc = a;
    tb->phys_pc = ram_addr_of(a);
    tb->size = size;
    tb->page_addr[0] = tb->phys_pc & TARGET_PAGE_MASK;
    ram_addr_t last = (tb->phys_pc + size - 1) & TARGET_PAGE_MASK;
    if (last != tb->page_addr[0]) {
        tb->page_addr[1] = last;
    }
    tb_link(tb);
    return tb;
}

static const CPUTLBEntry *entry_of(vaddr a)
{
    return &cs->tlb.d[0].table[(a >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1)];
}

Test(cputlb, store_to_translated_bytes_invalidates_only_those_tbs, .init = setup)
{
    vaddr page = RAM_BASE + 0x3000;
    st(page, 0, MO_UB);   /* the write entry exists before the code does */
    TranslationBlock *a = code_at(page + 0x100, 0x10);
    TranslationBlock *b = code_at(page + 0x200, 0x10);
    cr_expect_not(ram_dirty_get_page(ram_addr_of(page), DIRTY_MEMORY_CODE),
                  "translating cleared the page's CODE bit");
    cr_expect(entry_of(page)->addr_write & TLB_NOTDIRTY, "the write entry was marked");
    unsigned long inval = tb_cache_stats().invalidated;

    st(page + 0x400, 0x11223344, MO_LEUL);
    st(page + 0x110, 0x55, MO_UB);   /* just after a */
    st(page + 0x0f8, 0x1122334455667788ull, MO_LEUQ);   /* just before a */
    cr_expect_eq(tb_cache_stats().invalidated, inval, "stores beside code invalidate nothing");
    cr_expect_eq(host_ld64(ram_host + 0x3400) & 0xffffffff, 0x11223344);
    cr_expect_eq(ram_host[0x3110], 0x55);

    st(page + 0x10f, 0x99, MO_UB);   /* a's last byte */
    cr_expect(a->invalid, "a store to a's bytes invalidates a");
    cr_expect_not(b->invalid);
    cr_expect_eq(ram_host[0x310f], 0x99, "and is carried out");

    st(page + 0x1fe, 0xaabbccdd, MO_LEUL);   /* misaligned, two bytes into b */
    cr_expect(b->invalid);
    cr_expect_eq(ram_host[0x3201], 0xaa);

    /* No code left: the page is an ordinary RAM page again. */
    cr_expect(ram_dirty_get_page(ram_addr_of(page), DIRTY_MEMORY_CODE));
    cr_expect_eq(entry_of(page)->addr_write & TLB_FLAGS_MASK, 0, "entry back on the fast path");
}

Test(cputlb, entry_filled_after_translation_protects_the_code, .init = setup)
{
    vaddr page = RAM_BASE + 0x7000;
    TranslationBlock *a = code_at(page + 0x80, 8);
    ld(page, MO_UB);   /* the fill sees the clean CODE bit */
    cr_expect(entry_of(page)->addr_write & TLB_NOTDIRTY);
    st(page + 0x40, 1, MO_LEUQ);
    cr_expect_not(a->invalid);
    st(page + 0x84, 1, MO_LEUW);
    cr_expect(a->invalid);
}

Test(cputlb, code_in_the_victim_tlb_is_protected_too, .init = setup)
{
    vaddr page = RAM_BASE + 0x7000, other = page + CPU_TLB_SIZE * PAGE;
    st(page, 0, MO_UB);
    st(other, 0, MO_UB);   /* page's entry now in the victim TLB */
    TranslationBlock *a = code_at(page + 0x80, 8);
    st(page + 0x80, 0x13, MO_UB);
    cr_expect(a->invalid, "a store through the victim entry missed the code");
}

Test(cputlb, dma_write_to_code_invalidates_it, .init = setup)
{
    TranslationBlock *a = code_at(RAM_BASE + 0x9000, 0x20);
    uint32_t w = 0x13;
    address_space_write(&as, RAM_BASE + 0x9010, MEMTXATTRS_UNSPECIFIED, &w, 4);
    cr_expect(a->invalid);
    cr_expect(ram_dirty_get_page(ram_addr_of(RAM_BASE + 0x9000), DIRTY_MEMORY_CODE));
}

Test(cputlb, store_to_the_executing_tb_ends_it_after_the_store, .init = setup)
{
    vaddr page = RAM_BASE + 0x4000;
    TranslationBlock *cur = code_at(page + 0x20, 0x10);
    tcgl_exec_tb = cur;
    volatile bool exited = false;
    if (sigsetjmp(cs->jmp_env, 0) == 0) {
        st(page + 0x24, 0x00100073, MO_LEUL);
    } else {
        exited = true;
    }
    tcgl_exec_tb = NULL;
    cr_expect(exited, "the executing block was left");
    cr_expect(cur->invalid);
    cr_expect_eq(host_ld64(ram_host + 0x4024) & 0xffffffff, 0x00100073, "the store happened");
    cr_expect_eq(cs->exception_index, EXCP_NONE, "an exit, not an exception");
}

Test(cputlb, misaligned_store_across_into_the_executing_tb_is_whole, .init = setup)
{
    vaddr page2 = RAM_BASE + 0x6000;
    TranslationBlock *cur = code_at(page2, 0x10);
    tcgl_exec_tb = cur;
    volatile bool exited = false;
    if (sigsetjmp(cs->jmp_env, 0) == 0) {
        st(page2 - 4, 0x8877665544332211ull, MO_LEUQ);
    } else {
        exited = true;
    }
    tcgl_exec_tb = NULL;
    cr_expect(exited);
    cr_expect(cur->invalid);
    cr_expect_eq(host_ld64(ram_host + 0x6000 - 4), 0x8877665544332211ull,
                 "every byte of the store is written before the block ends: 0x%lx",
                 (unsigned long)host_ld64(ram_host + 0x6000 - 4));
}
