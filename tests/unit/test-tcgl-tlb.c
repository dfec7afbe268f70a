/*
 * test-tcgl-tlb: the interpreter's inline TLB fast path (tcgl_set_tlb_layout).
 * A fake softmmu TLB sits right before env, as CPUState does before a
 * target's state: two MMU indexes of 16 entries.  A load or store whose
 * entry matches reads or writes host memory itself, with its width and
 * extension, and never calls TCGLMemOps; a miss, a flagged comparator, a
 * misaligned address, a byte-swapped access or a block lowered without a
 * layout calls TCGLMemOps with the memop, the MMU index and the ra of its
 * instruction.
 */
#include <setjmp.h>

#include "test-tcgl-common.h"

#define FAKE_INDEX_BITS 4
#define FAKE_PAGE_BITS 12
#define FAKE_PAGE_SIZE (1u << FAKE_PAGE_BITS)
#define FAKE_FLAG (1u << 8)          /* a flag bit in the page offset */
#define GUEST_PAGE 0x80003000u       /* entry 3 */
#define MISS_PAGE 0x80004000u        /* entry 4: never mapped */
#define FAULT_ADDR 0x90000000u       /* the slow path raises a fault */

typedef struct FakeEntry {
    uint64_t addr_read, addr_write, addr_code;
    uintptr_t addend;
} FakeEntry;

typedef struct FakeCpu {
    FakeEntry table[2][1 << FAKE_INDEX_BITS];
    TestEnv env;
} FakeCpu;

static FakeCpu cpu;
static uint8_t ram[FAKE_PAGE_SIZE] __attribute__((aligned(FAKE_PAGE_SIZE)));
static uint8_t miss_ram[FAKE_PAGE_SIZE];
static jmp_buf fault_jmp;

/* ------------------------------------------------------------------ */
/* The slow path: the whole MemOp, on the same RAM, counted             */

typedef struct SlowAccess {
    int count;
    uint64_t addr, val;
    MemOpIdx oi;
    uintptr_t ra, exec_ra;
} SlowAccess;

static SlowAccess slow_load, slow_store;

static uint8_t *guest_byte(uint64_t addr)
{
    if (addr >= FAULT_ADDR) {
        longjmp(fault_jmp, 1);
    }
    if ((addr & ~(uint64_t)(FAKE_PAGE_SIZE - 1)) == GUEST_PAGE) {
        return &ram[addr & (FAKE_PAGE_SIZE - 1)];
    }
    return &miss_ram[addr & (FAKE_PAGE_SIZE - 1)];
}

static uint64_t slow_ld(void *env, uint64_t addr, MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);
    uint64_t v = 0;

    (void)env;
    slow_load = (SlowAccess){ slow_load.count + 1, addr, 0, oi, ra, tcgl_exec_ra };
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = (mop & MO_BSWAP) ? 8 * (size - 1 - i) : 8 * i;
        v |= (uint64_t)*guest_byte(addr + i) << shift;
    }
    if ((mop & MO_SIGN) && size < 8) {
        unsigned s = 64 - 8 * size;
        v = (uint64_t)((int64_t)(v << s) >> s);
    }
    return v;
}

static void slow_st(void *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);

    (void)env;
    slow_store = (SlowAccess){ slow_store.count + 1, addr, val, oi, ra, tcgl_exec_ra };
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = (mop & MO_BSWAP) ? 8 * (size - 1 - i) : 8 * i;
        *guest_byte(addr + i) = (uint8_t)(val >> shift);
    }
}

static const TCGLMemOps slow_ops = { slow_ld, slow_st };

/* ------------------------------------------------------------------ */

static void fake_layout(void)
{
    TCGLTlbLayout layout = {
        .index_bits = FAKE_INDEX_BITS,
        .page_bits = FAKE_PAGE_BITS,
        .entry_size = sizeof(FakeEntry),
        .read_offset = offsetof(FakeEntry, addr_read),
        .write_offset = offsetof(FakeEntry, addr_write),
        .addend_offset = offsetof(FakeEntry, addend),
    };
    for (unsigned i = 0; i < 2; i++) {
        layout.table_offset[i] = (ptrdiff_t)offsetof(FakeCpu, table[i]) -
                                 (ptrdiff_t)offsetof(FakeCpu, env);
    }
    tcgl_set_tlb_layout(&layout);
}

/* Map GUEST_PAGE to ram in MMU index mmu, with extra comparator bits. */
static void map_page(unsigned mmu, uint64_t read_flags, uint64_t write_flags)
{
    FakeEntry *e = &cpu.table[mmu][(GUEST_PAGE >> FAKE_PAGE_BITS) & 15];
    e->addr_read = GUEST_PAGE | read_flags;
    e->addr_write = GUEST_PAGE | write_flags;
    e->addr_code = UINT64_MAX;
    e->addend = (uintptr_t)ram - GUEST_PAGE;
}

static void setup(void)
{
    test_declare_globals();
    tcgl_set_mem_ops(&slow_ops);
    fake_layout();
    memset(&cpu, 0xff, sizeof(cpu));       /* every comparator invalid */
    memset(&cpu.env, 0, sizeof(cpu.env));
    for (unsigned i = 0; i < sizeof(ram); i++) {
        ram[i] = (uint8_t)(0x80 + i);
    }
    memset(miss_ram, 0, sizeof(miss_ram));
    map_page(0, 0, 0);
}

TestSuite(tcgl_tlb, .init = setup);

/* Lower text (optimized, as a translation is) into a TB and run it on cpu.env. */
static TranslationBlock *run(const char *text)
{
    test_parse(text);
    tcgl_optimize();
    tcgl_liveness();
    TranslationBlock *tb = test_tb_gen();
    tcgl_interp_backend.exec(&cpu.env, tb);
    return tb;
}

Test(tcgl_tlb, loads_that_hit_read_host_memory_with_their_width_and_extension)
{
    cpu.env.x[0] = GUEST_PAGE + 0x10;       /* bytes 0x90, 0x91, ... */
    test_tb_free(run("qemu_ld x1,x0,ub,0; qemu_ld x2,x0,sb,0; qemu_ld x3,x0,uw,0;"
                     "qemu_ld x4,x0,sw,0; qemu_ld x5,x0,ul,0; qemu_ld x6,x0,sl,0;"
                     "qemu_ld x7,x0,uq,0; exit_tb 0"));
    cr_assert_eq(cpu.env.x[1], 0x90);
    cr_assert_eq(cpu.env.x[2], 0xffffffffffffff90ull);
    cr_assert_eq(cpu.env.x[3], 0x9190);
    cr_assert_eq(cpu.env.x[4], 0xffffffffffff9190ull);
    cr_assert_eq(cpu.env.x[5], 0x93929190);
    cr_assert_eq(cpu.env.x[6], 0xffffffff93929190ull);
    cr_assert_eq(cpu.env.x[7], 0x9796959493929190ull);
    cr_assert_eq(slow_load.count, 0, "a hit never calls TCGLMemOps");
}

Test(tcgl_tlb, loads_into_locals_and_from_local_addresses_hit_too)
{
    cpu.env.x[0] = GUEST_PAGE + 0x20;
    test_tb_free(run("add t0,x0,$0x10; qemu_ld t1,t0,sw,0; add x1,t1,$1;"
                     "mul t2,x0,$1; qemu_ld t3,t2,ub,0; mov x2,t3; exit_tb 0"));
    cr_assert_eq(cpu.env.x[1], 0xffffffffffffb1b0ull + 1);
    cr_assert_eq(cpu.env.x[2], 0xa0);
    cr_assert_eq(slow_load.count, 0);
}

Test(tcgl_tlb, stores_that_hit_write_only_their_width)
{
    cpu.env.x[0] = GUEST_PAGE + 0x100;
    cpu.env.x[1] = 0x1122334455667788ull;
    test_tb_free(run("qemu_st x1,x0,ub,0; add t0,x0,$0x10; qemu_st x1,t0,uw,0;"
                     "add t1,x0,$0x20; qemu_st x1,t1,ul,0; add t2,x0,$0x30;"
                     "qemu_st x1,t2,uq,0; exit_tb 0"));
    static const uint8_t le[8] = { 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11 };
    const unsigned widths[4] = { 1, 2, 4, 8 };
    for (unsigned k = 0; k < 4; k++) {
        const uint8_t *p = &ram[0x100 + 0x10 * k];
        for (unsigned i = 0; i < 9; i++) {
            uint8_t want = i < widths[k] ? le[i] : (uint8_t)(0x80 + 0x100 + 0x10 * k + i);
            cr_assert_eq(p[i], want, "width %u, byte %u: %#x", widths[k], i, p[i]);
        }
        cr_assert_eq(p[-1], (uint8_t)(0x80 + 0x100 + 0x10 * k - 1), "the byte before");
    }
    cr_assert_eq(slow_store.count, 0, "a hit never calls TCGLMemOps");
}

Test(tcgl_tlb, a_miss_calls_mem_ops_with_memop_mmu_index_and_instruction_ra)
{
    cpu.env.x[0] = MISS_PAGE + 8;
    cpu.env.x[1] = 0xabcdef;
    memcpy(&miss_ram[8], &(uint32_t){ 0x80000001u }, 4);
    TranslationBlock *tb = run("---- 0x100 0; movi x3,3;"
                               "---- 0x104 0; qemu_ld x2,x0,sl,0;"
                               "---- 0x108 0; qemu_st x1,x0,uw,0; exit_tb 0");
    cr_assert_eq(slow_load.count, 1);
    cr_assert_eq(slow_load.addr, MISS_PAGE + 8);
    cr_assert_eq(slow_load.oi, make_memop_idx(MO_SL, 0));
    cr_assert_eq(slow_load.ra, slow_load.exec_ra, "tcgl_exec_ra set for the slow path");
    cr_assert_eq(tcgl_tb_find_insn(tb, slow_load.ra), 1);
    cr_assert_eq(cpu.env.x[2], 0xffffffff80000001ull, "the callee's value, unchanged");
    cr_assert_eq(slow_store.count, 1);
    cr_assert_eq(slow_store.val, 0xabcdef);
    cr_assert_eq(slow_store.oi, make_memop_idx(MO_UW, 0));
    cr_assert_eq(tcgl_tb_find_insn(tb, slow_store.ra), 2);
    test_tb_free(tb);
}

Test(tcgl_tlb, the_mmu_index_picks_the_table)
{
    memset(cpu.table[0], 0xff, sizeof(cpu.table[0]));
    map_page(1, 0, 0);
    cpu.env.x[0] = GUEST_PAGE + 4;
    test_tb_free(run("qemu_ld x1,x0,ub,1; exit_tb 0"));
    cr_assert_eq(cpu.env.x[1], 0x84);
    cr_assert_eq(slow_load.count, 0, "index 1 maps the page");
    test_tb_free(run("qemu_ld x2,x0,ub,0; exit_tb 0"));
    cr_assert_eq(slow_load.count, 1, "index 0 does not");
    cr_assert_eq(slow_load.oi, make_memop_idx(MO_UB, 0));
}

Test(tcgl_tlb, a_flagged_comparator_takes_the_slow_path)
{
    map_page(0, FAKE_FLAG, 0);
    cpu.env.x[0] = GUEST_PAGE + 0x40;
    cpu.env.x[1] = 0x55;
    test_tb_free(run("qemu_ld x2,x0,ul,0; qemu_st x1,x0,ub,0; exit_tb 0"));
    cr_assert_eq(slow_load.count, 1, "read comparator flagged");
    cr_assert_eq(cpu.env.x[2], 0xc3c2c1c0);
    cr_assert_eq(slow_store.count, 0, "write comparator clean");
    cr_assert_eq(ram[0x40], 0x55);

    map_page(0, 0, FAKE_FLAG);
    test_tb_free(run("qemu_ld x2,x0,ul,0; qemu_st x1,x0,ub,0; exit_tb 0"));
    cr_assert_eq(slow_load.count, 1, "read comparator clean");
    cr_assert_eq(slow_store.count, 1, "write comparator flagged");
    cr_assert_eq(slow_store.addr, GUEST_PAGE + 0x40);
}

Test(tcgl_tlb, misaligned_accesses_take_the_slow_path_aligned_ones_do_not)
{
    static const struct {
        const char *text;
        unsigned offset;
        bool slow;
    } cases[] = {
        { "qemu_ld x1,x0,ub,0; exit_tb 0", 0x201, false },
        { "qemu_ld x1,x0,uw,0; exit_tb 0", 0x202, false },
        { "qemu_ld x1,x0,uw,0; exit_tb 0", 0x201, true },
        { "qemu_ld x1,x0,ul,0; exit_tb 0", 0x204, false },
        { "qemu_ld x1,x0,ul,0; exit_tb 0", 0x202, true },
        { "qemu_ld x1,x0,uq,0; exit_tb 0", 0x208, false },
        { "qemu_ld x1,x0,uq,0; exit_tb 0", 0x204, true },
        { "qemu_ld x1,x0,uq,0; exit_tb 0", 0xffd, true },
        { "qemu_st x2,x0,uq,0; exit_tb 0", 0x209, true },
        { "qemu_st x2,x0,ul,0; exit_tb 0", 0x20c, false },
        { "qemu_st x2,x0,uw,0; exit_tb 0", 0x20f, true },
    };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int loads = slow_load.count, stores = slow_store.count;
        cpu.env.x[0] = GUEST_PAGE + cases[i].offset;
        cpu.env.x[2] = 0x0102030405060708ull;
        test_tb_free(run(cases[i].text));
        int slow = slow_load.count - loads + slow_store.count - stores;
        cr_assert_eq(slow, cases[i].slow, "case %u (%s at +%#x)", i, cases[i].text,
                     cases[i].offset);
    }
    cr_assert_eq(slow_load.addr, GUEST_PAGE + 0xffd, "the slow path gets the address as is");
}

Test(tcgl_tlb, byte_swapped_accesses_always_take_the_slow_path)
{
    cpu.env.x[0] = GUEST_PAGE + 0x10;
    cpu.env.x[1] = 0xaabb;
    test_tb_free(run("qemu_ld x2,x0,be_ul,0; qemu_st x1,x0,be_uw,0; exit_tb 0"));
    cr_assert_eq(slow_load.count, 1);
    cr_assert_eq(cpu.env.x[2], 0x90919293);
    cr_assert_eq(slow_store.count, 1);
    cr_assert_eq(ram[0x10], 0xaa);
    cr_assert_eq(ram[0x11], 0xbb);
}

Test(tcgl_tlb, an_address_computed_by_an_add_is_folded_into_the_access)
{
    cpu.env.x[0] = GUEST_PAGE + 0x100;
    cpu.env.x[1] = 0x77;
    test_tb_free(run("add t0,x0,$-8; qemu_ld x2,t0,uq,0; sub t1,x0,$-0x20;"
                     "qemu_st x1,t1,ub,0; add t2,x0,$0x30; qemu_ld x3,t2,ub,0;"
                     "add x4,t2,$1; exit_tb 0"));
    cr_assert_eq(cpu.env.x[2], 0x7f7e7d7c7b7a7978ull, "x0 - 8");
    cr_assert_eq(ram[0x120], 0x77, "x0 + 0x20");
    cr_assert_eq(cpu.env.x[3], (uint8_t)(0x80 + 0x130));
    cr_assert_eq(cpu.env.x[4], GUEST_PAGE + 0x131, "an address still used after the access");
    cr_assert_eq(slow_load.count + slow_store.count, 0);
}

Test(tcgl_tlb, a_faulting_slow_access_leaves_earlier_instructions_done_and_its_rd_alone)
{
    cpu.env.x[0] = FAULT_ADDR - 0x10;
    cpu.env.x[2] = 0x2222;
    test_parse("---- 0x200 0; add x1,x1,$1;"
               "---- 0x204 0; add t0,x0,$0x10; qemu_ld x2,t0,ul,0;"
               "---- 0x208 0; movi x3,3; exit_tb 0");
    tcgl_optimize();
    tcgl_liveness();
    TranslationBlock *tb = test_tb_gen();
    if (setjmp(fault_jmp) == 0) {
        tcgl_interp_backend.exec(&cpu.env, tb);
        cr_assert_fail("the load did not fault");
    }
    cr_assert_eq(slow_load.addr, FAULT_ADDR);
    cr_assert_eq(tcgl_tb_find_insn(tb, tcgl_exec_ra), 1);
    cr_assert_eq(cpu.env.x[1], 1);
    cr_assert_eq(cpu.env.x[2], 0x2222);
    cr_assert_eq(cpu.env.x[3], 0);
    test_tb_free(tb);
}

Test(tcgl_tlb, without_a_layout_every_access_calls_mem_ops)
{
    tcgl_set_tlb_layout(NULL);
    cpu.env.x[0] = GUEST_PAGE + 0x10;
    cpu.env.x[1] = 0x66;
    test_tb_free(run("qemu_ld x2,x0,uw,0; qemu_st x1,x0,ub,0; exit_tb 0"));
    cr_assert_eq(slow_load.count, 1);
    cr_assert_eq(cpu.env.x[2], 0x9190);
    cr_assert_eq(slow_store.count, 1);
    cr_assert_eq(ram[0x10], 0x66);
}

Test(tcgl_tlb, a_load_and_the_simple_op_after_it_see_each_other_on_both_paths)
{
    static const char *const loads[] = { "ub", "ul", "sl", "uq", "sw" };
    static const uint64_t want[] = {
        0x90, 0x93929190, 0xffffffff93929190ull, 0x9796959493929190ull,
        0xffffffffffff9190ull,
    };
    for (unsigned i = 0; i < 5; i++) {
        for (int miss = 0; miss < 2; miss++) {
            char text[256];
            uint64_t page = miss ? MISS_PAGE : GUEST_PAGE;
            memcpy(&miss_ram[0x10], &ram[0x10], 8);
            cpu.env.x[0] = page + 0x18;
            int slow = slow_load.count;
            snprintf(text, sizeof(text),
                     "---- 0x100 0; add t0,x0,$-8; qemu_ld x1,t0,%s,0;"
                     "---- 0x104 0; add x2,x1,$1;"
                     "---- 0x108 0; qemu_ld x3,x0,%s,0; xor x4,x3,x1; exit_tb 0",
                     loads[i], loads[i]);
            test_tb_free(run(text));
            cr_assert_eq(cpu.env.x[1], want[i], "%s %s", loads[i], miss ? "miss" : "hit");
            cr_assert_eq(cpu.env.x[2], want[i] + 1, "%s: the next op reads the load", loads[i]);
            cr_assert_eq(cpu.env.x[4], cpu.env.x[3] ^ want[i], "%s", loads[i]);
            cr_assert_eq(slow_load.count - slow, miss ? 2 : 0, "%s", loads[i]);
        }
    }
}

Test(tcgl_tlb, a_faulting_load_stops_before_the_op_fused_after_it)
{
    cpu.env.x[0] = FAULT_ADDR;
    cpu.env.x[1] = 0x1111;
    cpu.env.x[2] = 0x2222;
    test_parse("---- 0x200 0; qemu_ld x1,x0,uq,0;"
               "---- 0x204 0; add x2,x2,$1; exit_tb 0");
    tcgl_optimize();
    tcgl_liveness();
    TranslationBlock *tb = test_tb_gen();
    if (setjmp(fault_jmp) == 0) {
        tcgl_interp_backend.exec(&cpu.env, tb);
        cr_assert_fail("the load did not fault");
    }
    cr_assert_eq(tcgl_tb_find_insn(tb, tcgl_exec_ra), 0, "the fault is the load's");
    cr_assert_eq(cpu.env.x[1], 0x1111);
    cr_assert_eq(cpu.env.x[2], 0x2222, "the next instruction did not run");
    test_tb_free(tb);
}
