/*
 * softmmu/cputlb.c: the software TLB and every guest memory access of
 * translated code and helpers.
 *
 * Fast path (tlb_load/tlb_store, what the backends call): index the table
 * by page number, compare the page-and-alignment bits of the address with
 * the entry's comparator, add the addend, access host memory.  A comparator
 * carrying a flag never matches, so flagged pages, misaligned accesses and
 * misses all land in the slow paths below:
 *  - miss: victim TLB, then cpu->ops->tlb_fill, which calls tlb_set_page;
 *  - TLB_MMIO: memory_region_dispatch_read/write on the section's region;
 *  - TLB_NOTDIRTY (a RAM page holding translated code): a store that
 *    touches translated bytes invalidates those TBs (and ends the executing
 *    block right after the store if it was one of them); a store to the
 *    page's other bytes goes straight to RAM after one bitmap test;
 *  - misaligned: carried out piecewise; across a page boundary both pages
 *    are translated and checked before anything is written.
 */
#include "config.h"

#include <assert.h>
#include <inttypes.h>
#include <string.h>

#include "lemu/bitmap.h"
#include "lemu/cpu-exec.h"
#include "lemu/log.h"

/* The CPU executing now (set by cpu_exec), for the memory API's code-write hook. */
CPUState *tlb_current_cpu;

static inline unsigned tlb_index(vaddr addr)
{
    return (addr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1);
}

static void tlb_entry_invalidate(CPUTLBEntry *e)
{
    e->addr_read = e->addr_write = e->addr_code = UINT64_MAX;
    e->addend = 0;
}

static void tlb_flush_one_mmuidx(CPUState *cpu, unsigned idx)
{
    CPUTLBDesc *d = &cpu->tlb.d[idx];
    /* All-ones comparators carry TLB_INVALID_MASK: they never match. */
    memset(d->table, 0xff, sizeof(d->table));
    memset(d->vtable, 0xff, sizeof(d->vtable));
    d->vindex = 0;
    d->large_page_addr = UINT64_MAX;
    d->large_page_mask = 0;
}

static void tlb_jmp_cache_clear(CPUState *cpu)
{
    memset(cpu->tb_jmp_cache, 0, sizeof(cpu->tb_jmp_cache));
}

void tlb_flush_by_mmuidx(CPUState *cpu, uint16_t idxmap)
{
    for (unsigned i = 0; i < NB_MMU_MODES; i++) {
        if ((idxmap >> i) & 1) {
            tlb_flush_one_mmuidx(cpu, i);
        }
    }
    tlb_jmp_cache_clear(cpu);
}

void tlb_flush(CPUState *cpu)
{
    tlb_flush_by_mmuidx(cpu, (1u << NB_MMU_MODES) - 1);
}

static bool tlb_entry_is_page(const CPUTLBEntry *e, vaddr page)
{
    for (unsigned t = 0; t < 3; t++) {
        uint64_t c = e->addr_idx[t];
        if (c != UINT64_MAX && (c & TARGET_PAGE_MASK) == page) {
            return true;
        }
    }
    return false;
}

void tlb_flush_page_by_mmuidx(CPUState *cpu, vaddr addr, uint16_t idxmap)
{
    vaddr page = addr & TARGET_PAGE_MASK;
    for (unsigned i = 0; i < NB_MMU_MODES; i++) {
        if (!((idxmap >> i) & 1)) {
            continue;
        }
        CPUTLBDesc *d = &cpu->tlb.d[i];
        /* A superpage was entered page by page: flush the whole index. */
        if (d->large_page_mask && (page & d->large_page_mask) == d->large_page_addr) {
            tlb_flush_one_mmuidx(cpu, i);
            continue;
        }
        CPUTLBEntry *e = &d->table[tlb_index(page)];
        if (tlb_entry_is_page(e, page)) {
            tlb_entry_invalidate(e);
        }
        for (unsigned v = 0; v < CPU_VTLB_SIZE; v++) {
            if (tlb_entry_is_page(&d->vtable[v], page)) {
                tlb_entry_invalidate(&d->vtable[v]);
            }
        }
    }
    /* Page flushes are rare (sfence.vma with an address): clear the whole cache. */
    tlb_jmp_cache_clear(cpu);
}

void tlb_flush_page(CPUState *cpu, vaddr addr)
{
    tlb_flush_page_by_mmuidx(cpu, addr, (1u << NB_MMU_MODES) - 1);
}

/* Any change of the memory map invalidates the sections the TLB points at. */
static void tlb_listener_commit(MemoryListener *l)
{
    CPUState *cpu = (CPUState *)((char *)l - offsetof(CPUState, tlb_listener));
    tlb_flush(cpu);
}

void tlb_init(CPUState *cpu)
{
    for (unsigned i = 0; i < NB_MMU_MODES; i++) {
        tlb_flush_one_mmuidx(cpu, i);
    }
    cpu->tlb_listener = (MemoryListener){
        .commit = tlb_listener_commit,
        .priority = 10,   /* after the dispatch listener (0) has published */
        .name = "tlb",
    };
    memory_listener_register(&cpu->tlb_listener, cpu->as);
}

void tlb_destroy(CPUState *cpu)
{
    memory_listener_unregister(&cpu->tlb_listener);
}

/* ---- filling ------------------------------------------------------------------------ */

void tlb_set_page(CPUState *cpu, vaddr va, hwaddr pa, MemTxAttrs attrs, int prot,
                  int mmu_idx, uint64_t size)
{
    CPUTLBDesc *d = &cpu->tlb.d[mmu_idx];
    vaddr page = va & TARGET_PAGE_MASK;
    hwaddr ppage = pa & TARGET_PAGE_MASK;

    if (size > TARGET_PAGE_SIZE) {
        vaddr mask = ~(size - 1);
        if (d->large_page_mask == 0) {
            d->large_page_addr = page & mask;
            d->large_page_mask = mask;
        } else {
            /* Widen the recorded span until it covers both superpages. */
            vaddr lp_mask = d->large_page_mask & mask;
            while (((d->large_page_addr ^ page) & lp_mask) != 0) {
                lp_mask <<= 1;
            }
            d->large_page_mask = lp_mask;
            d->large_page_addr &= lp_mask;
        }
    }

    hwaddr xlat, plen = TARGET_PAGE_SIZE;
    MemoryRegionSection *section = address_space_translate_for_iotlb(cpu->as, ppage, &xlat,
                                                                     &plen);
    MemoryRegion *mr = section->mr;
    unsigned index = tlb_index(page);
    CPUTLBEntry *te = &d->table[index];
    CPUTLBEntryFull *full = &d->full[index];

    /* Keep the evicted translation in the victim TLB. */
    if (te->addr_read != UINT64_MAX || te->addr_write != UINT64_MAX ||
        te->addr_code != UINT64_MAX) {
        if (!tlb_entry_is_page(te, page)) {
            unsigned v = d->vindex++ % CPU_VTLB_SIZE;
            d->vtable[v] = *te;
            d->vfull[v] = *full;
        }
    }

    *full = (CPUTLBEntryFull){
        .section = section,
        .xlat = xlat,
        .phys_addr = ppage,
        .ram_addr = RAM_ADDR_INVALID,
        .attrs = attrs,
        .prot = (uint8_t)prot,
    };
    CPUTLBEntry n;
    bool direct = memory_region_is_ram(mr) && plen >= TARGET_PAGE_SIZE;
    if (direct) {
        uint8_t *host = (uint8_t *)memory_region_get_ram_ptr(mr) + xlat;
        full->ram_addr = memory_region_get_ram_addr(mr) + xlat;
        n.addend = (uintptr_t)host - page;
        n.addr_read = (prot & PAGE_READ) ? page : UINT64_MAX;
        n.addr_code = (prot & PAGE_EXEC) ? page : UINT64_MAX;
        if (!(prot & PAGE_WRITE)) {
            n.addr_write = UINT64_MAX;
        } else if (mr->readonly || section->readonly) {
            n.addr_write = page | TLB_MMIO;   /* ROM: the slow path ignores and logs */
        } else if (!ram_dirty_get_page(full->ram_addr, DIRTY_MEMORY_CODE)) {
            n.addr_write = page | TLB_NOTDIRTY;
            full->code_bitmap = tb_page_code_bitmap(full->ram_addr);
        } else {
            n.addr_write = page;
        }
    } else {
        n.addend = 0;
        n.addr_read = (prot & PAGE_READ) ? page | TLB_MMIO : UINT64_MAX;
        n.addr_write = (prot & PAGE_WRITE) ? page | TLB_MMIO : UINT64_MAX;
        n.addr_code = (prot & PAGE_EXEC) ? page | TLB_MMIO : UINT64_MAX;
    }
    if (size < TARGET_PAGE_SIZE) {
        /* Valid for the access that asked only: later accesses refill. */
        for (unsigned t = 0; t < 3; t++) {
            if (n.addr_idx[t] != UINT64_MAX) {
                n.addr_idx[t] |= TLB_INVALID_MASK;
            }
        }
    }
    *te = n;
}

/* Move a matching victim entry into the main table. */
static bool tlb_victim_lookup(CPUTLBDesc *d, unsigned index, MMUAccessType type, vaddr page)
{
    for (unsigned v = 0; v < CPU_VTLB_SIZE; v++) {
        uint64_t c = d->vtable[v].addr_idx[type];
        if (c != UINT64_MAX && !(c & TLB_INVALID_MASK) && (c & TARGET_PAGE_MASK) == page) {
            CPUTLBEntry te = d->table[index];
            CPUTLBEntryFull tf = d->full[index];
            d->table[index] = d->vtable[v];
            d->full[index] = d->vfull[v];
            d->vtable[v] = te;
            d->vfull[v] = tf;
            return true;
        }
    }
    return false;
}

static inline bool tlb_hit_page(uint64_t cmp, vaddr page)
{
    return (cmp & (TARGET_PAGE_MASK | TLB_INVALID_MASK)) == page;
}

/*
 * Find (or fill) the entry for an access to the page of addr.  Returns its
 * index, or -1 when a probe fails.  After a fill the entry is used even if it
 * is one-shot (TLB_INVALID_MASK).
 */
static int tlb_lookup_fill(CPUState *cpu, vaddr addr, unsigned size, MMUAccessType type,
                           int mmu_idx, bool probe, uintptr_t ra)
{
    CPUTLBDesc *d = &cpu->tlb.d[mmu_idx];
    vaddr page = addr & TARGET_PAGE_MASK;
    unsigned index = tlb_index(page);
    if (tlb_hit_page(d->table[index].addr_idx[type], page) ||
        tlb_victim_lookup(d, index, type, page)) {
        return (int)index;
    }
    if (!cpu->ops->tlb_fill(cpu, addr, (int)size, type, mmu_idx, probe, ra)) {
        return -1;
    }
    return (int)index;
}

/* ---- slow paths --------------------------------------------------------------------- */

static uint64_t memop_extend(uint64_t v, MemOp op)
{
    switch (op & (MO_SIZE | MO_SIGN)) {
    case MO_SB: return (uint64_t)(int64_t)(int8_t)v;
    case MO_SW: return (uint64_t)(int64_t)(int16_t)v;
    case MO_SL: return (uint64_t)(int64_t)(int32_t)v;
    case MO_UB: return (uint8_t)v;
    case MO_UW: return (uint16_t)v;
    case MO_UL: return (uint32_t)v;
    default: return v;
    }
}

static uint64_t host_load(const void *p, unsigned size)
{
    uint64_t v = 0;
    memcpy(&v, p, size);   /* little-endian host */
    return v;
}

static void host_store(void *p, uint64_t v, unsigned size)
{
    memcpy(p, &v, size);
}

static uint64_t io_read(CPUState *cpu, CPUTLBEntryFull *full, vaddr addr, unsigned size,
                        MMUAccessType type, int mmu_idx, uintptr_t ra)
{
    hwaddr off = addr & ~TARGET_PAGE_MASK;
    uint64_t val = 0;
    MemTxResult r = memory_region_dispatch_read(full->section->mr, full->xlat + off, &val,
                                                size_memop(size) | MO_LE, full->attrs);
    if (r != MEMTX_OK) {
        cpu->ops->do_transaction_failed(cpu, full->phys_addr + off, addr, size, type, mmu_idx,
                                        r, ra);
    }
    return val;
}

/* After a store that may have invalidated the executing block, leave it. */
static void tlb_check_current_invalidated(CPUState *cpu, uintptr_t ra)
{
    if (cpu->tb_invalidated_current && !cpu->smc_exit_deferred) {
        cpu->tb_invalidated_current = false;
        cpu_loop_exit_after_insn(cpu, ra);
    }
}

static void io_write(CPUState *cpu, CPUTLBEntryFull *full, vaddr addr, uint64_t val,
                     unsigned size, int mmu_idx, uintptr_t ra)
{
    hwaddr off = addr & ~TARGET_PAGE_MASK;
    MemoryRegion *mr = full->section->mr;
    if (mr->readonly || full->section->readonly) {
        lemu_log_mask(LOG_GUEST_ERROR,
                      "write of %u bytes to read-only memory '%s' at 0x%" PRIx64 " ignored\n",
                      size, memory_region_name(mr), (uint64_t)(full->phys_addr + off));
        return;
    }
    MemTxResult r = memory_region_dispatch_write(mr, full->xlat + off, val,
                                                 size_memop(size) | MO_LE, full->attrs);
    if (r != MEMTX_OK) {
        cpu->ops->do_transaction_failed(cpu, full->phys_addr + off, addr, size,
                                        MMU_DATA_STORE, mmu_idx, r, ra);
    }
    /*
     * A device (DMA) may have written translated code of the running block:
     * the code-write hook set tb_invalidated_current; store_slow leaves.
     */
}

/*
 * A store to a RAM page that holds translated code.  If it invalidates the
 * executing block, store_slow leaves that block once the whole store is
 * done (a misaligned store across pages comes here byte by byte).
 */
static void notdirty_write(CPUState *cpu, CPUTLBEntryFull *full, void *host, vaddr addr,
                           uint64_t val, unsigned size)
{
    ram_addr_t ram = full->ram_addr + (addr & ~TARGET_PAGE_MASK);
    if (tb_range_has_code(ram, ram + size) && tb_invalidate_phys_range(ram, ram + size)) {
        cpu->tb_invalidated_current = true;
    }
    host_store(host, val, size);
}

/* One access that stays inside a page. */
/*
 * fault_type is how a failed access is reported: MMU_DATA_STORE for the load
 * half of an AMO, which faults as a store/AMO access.
 */
static uint64_t load_in_page(CPUState *cpu, vaddr addr, unsigned size, int mmu_idx,
                             MMUAccessType type, MMUAccessType fault_type, uintptr_t ra)
{
    int index = tlb_lookup_fill(cpu, addr, size, type, mmu_idx, false, ra);
    CPUTLBDesc *d = &cpu->tlb.d[mmu_idx];
    CPUTLBEntry *te = &d->table[index];
    CPUTLBEntryFull *full = &d->full[index];
    if (te->addr_idx[type] & TLB_MMIO) {
        return io_read(cpu, full, addr, size, fault_type, mmu_idx, ra);
    }
    return host_load((void *)(addr + te->addend), size);
}

static void store_in_page(CPUState *cpu, vaddr addr, uint64_t val, unsigned size, int mmu_idx,
                          uintptr_t ra)
{
    int index = tlb_lookup_fill(cpu, addr, size, MMU_DATA_STORE, mmu_idx, false, ra);
    CPUTLBDesc *d = &cpu->tlb.d[mmu_idx];
    CPUTLBEntry *te = &d->table[index];
    CPUTLBEntryFull *full = &d->full[index];
    uint64_t cmp = te->addr_write;
    if (cmp & TLB_MMIO) {
        io_write(cpu, full, addr, val, size, mmu_idx, ra);
    } else if (cmp & TLB_NOTDIRTY) {
        notdirty_write(cpu, full, (void *)(addr + te->addend), addr, val, size);
    } else {
        host_store((void *)(addr + te->addend), val, size);
    }
}

/*
 * Before a store split into bytes writes anything: every byte that goes to
 * a device must be one the device accepts (a hole or a refused size would
 * fault half-way, after RAM bytes were written).
 */
static void store_check_devices(CPUState *cpu, vaddr addr, unsigned size, int mmu_idx,
                                uintptr_t ra)
{
    CPUTLBDesc *d = &cpu->tlb.d[mmu_idx];
    for (unsigned i = 0; i < size; i++) {
        vaddr a = addr + i;
        int index = tlb_lookup_fill(cpu, a, 1, MMU_DATA_STORE, mmu_idx, false, ra);
        if (!(d->table[index].addr_write & TLB_MMIO)) {
            continue;
        }
        CPUTLBEntryFull *full = &d->full[index];
        hwaddr pa = full->phys_addr + (a & ~TARGET_PAGE_MASK);
        hwaddr xlat, len = 1;
        MemoryRegionSection *sec = address_space_translate(cpu->as, pa, &xlat, &len);
        if (memory_region_is_unassigned(sec->mr) ||
            (!memory_region_is_ram(sec->mr) &&
             !memory_region_access_valid(sec->mr, xlat, 1, true, full->attrs))) {
            cpu->ops->do_transaction_failed(cpu, pa, a, 1, MMU_DATA_STORE, mmu_idx,
                                            MEMTX_DECODE_ERROR, ra);
        }
    }
}

static uint64_t load_slow(CPUState *cpu, vaddr addr, MemOp op, int mmu_idx, MMUAccessType type,
                          MMUAccessType fault_type, uintptr_t ra)
{
    unsigned size = memop_size(op);
    if ((addr & (size - 1)) && (op & MO_ALIGN)) {
        cpu->ops->do_unaligned_access(cpu, addr, fault_type, mmu_idx, ra);
    }
    if (fault_type != type) {
        /* A read-modify-write must be able to write: it faults as a store. */
        tlb_probe_access(cpu, addr, size, fault_type, mmu_idx, ra);
    }
    if (addr & (size - 1)) {
        unsigned in_page = TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK);
        if (in_page < size) {
            /* Both pages must be readable before either is read. */
            tlb_probe_access(cpu, addr, in_page, type, mmu_idx, ra);
            tlb_probe_access(cpu, addr + in_page, size - in_page, type, mmu_idx, ra);
            uint64_t v = 0;
            for (unsigned i = 0; i < size; i++) {
                v |= load_in_page(cpu, addr + i, 1, mmu_idx, type, fault_type, ra) << (8 * i);
            }
            return memop_extend(v, op);
        }
    }
    return memop_extend(load_in_page(cpu, addr, size, mmu_idx, type, fault_type, ra), op);
}

static void store_slow(CPUState *cpu, vaddr addr, uint64_t val, MemOp op, int mmu_idx,
                       uintptr_t ra)
{
    unsigned size = memop_size(op);
    if (addr & (size - 1)) {
        if (op & MO_ALIGN) {
            cpu->ops->do_unaligned_access(cpu, addr, MMU_DATA_STORE, mmu_idx, ra);
        }
        unsigned in_page = TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK);
        if (in_page < size) {
            /* Both pages must be writable before either is written. */
            tlb_probe_access(cpu, addr, in_page, MMU_DATA_STORE, mmu_idx, ra);
            tlb_probe_access(cpu, addr + in_page, size - in_page, MMU_DATA_STORE, mmu_idx, ra);
            store_check_devices(cpu, addr, size, mmu_idx, ra);
            for (unsigned i = 0; i < size; i++) {
                store_in_page(cpu, addr + i, (val >> (8 * i)) & 0xff, 1, mmu_idx, ra);
            }
            tlb_check_current_invalidated(cpu, ra);
            return;
        }
    }
    store_in_page(cpu, addr, val, size, mmu_idx, ra);
    tlb_check_current_invalidated(cpu, ra);
}

/* ---- what the backends and helpers call ------------------------------------------------ */

static uint64_t tlb_load(void *env, uint64_t addr, MemOpIdx oi, uintptr_t ra)
{
    CPUState *cpu = env_cpu(env);
    MemOp op = get_memop(oi);
    unsigned idx = get_mmuidx(oi);
    unsigned size = memop_size(op);
    CPUTLBEntry *te = &cpu->tlb.d[idx].table[tlb_index(addr)];
    if (__builtin_expect((addr & (TARGET_PAGE_MASK | (size - 1))) == te->addr_read, 1)) {
        return memop_extend(host_load((void *)(addr + te->addend), size), op);
    }
    return load_slow(cpu, addr, op, (int)idx, MMU_DATA_LOAD, MMU_DATA_LOAD, ra);
}

static void tlb_store(void *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    CPUState *cpu = env_cpu(env);
    MemOp op = get_memop(oi);
    unsigned idx = get_mmuidx(oi);
    unsigned size = memop_size(op);
    CPUTLBDesc *d = &cpu->tlb.d[idx];
    unsigned index = tlb_index(addr);
    CPUTLBEntry *te = &d->table[index];
    uint64_t key = addr & (TARGET_PAGE_MASK | (size - 1));
    if (__builtin_expect(key == te->addr_write, 1)) {
        host_store((void *)(addr + te->addend), val, size);
        return;
    }
    /*
     * A page that holds code: if the bytes written are not translated code,
     * store directly (an aligned access covers bits of one bitmap word).
     */
    if ((key | TLB_NOTDIRTY) == te->addr_write) {
        const unsigned long *bm = d->full[index].code_bitmap;
        unsigned off = addr & ~TARGET_PAGE_MASK;
        unsigned long bits = (1UL << size) - 1;
        if (bm && !((bm[off / BITS_PER_LONG] >> (off % BITS_PER_LONG)) & bits)) {
            host_store((void *)(addr + te->addend), val, size);
            return;
        }
    }
    store_slow(cpu, addr, val, op, (int)idx, ra);
}

const TCGLMemOps tlb_mem_ops = {
    .load = tlb_load,
    .store = tlb_store,
};

uint64_t cpu_ld_mmu(CPUState *cpu, vaddr addr, MemOpIdx oi, uintptr_t ra)
{
    return tlb_load(cpu_env(cpu), addr, oi, ra);
}

bool cpu_st_mmu_rmw(CPUState *cpu, vaddr addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    cpu->smc_exit_deferred = true;
    tlb_store(cpu_env(cpu), addr, val, oi, ra);
    cpu->smc_exit_deferred = false;
    bool hit = cpu->tb_invalidated_current;
    cpu->tb_invalidated_current = false;
    return hit;
}

uint64_t cpu_ld_mmu_rmw(CPUState *cpu, vaddr addr, MemOpIdx oi, uintptr_t ra)
{
    MemOp op = get_memop(oi);
    return load_slow(cpu, addr, op, (int)get_mmuidx(oi), MMU_DATA_LOAD, MMU_DATA_STORE, ra);
}

void cpu_st_mmu(CPUState *cpu, vaddr addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    tlb_store(cpu_env(cpu), addr, val, oi, ra);
}

void tlb_probe_access(CPUState *cpu, vaddr addr, unsigned size, MMUAccessType type,
                      int mmu_idx, uintptr_t ra)
{
    unsigned in_page = TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK);
    if (size > in_page) {
        tlb_lookup_fill(cpu, addr, in_page, type, mmu_idx, false, ra);
        tlb_lookup_fill(cpu, addr + in_page, size - in_page, type, mmu_idx, false, ra);
    } else {
        tlb_lookup_fill(cpu, addr, size, type, mmu_idx, false, ra);
    }
}

static ram_addr_t tlb_get_code_common(CPUState *cpu, vaddr pc, const uint8_t **host,
                                      size_t *avail, bool probe)
{
    int mmu_idx = cpu->ops->mmu_index(cpu, true);
    int index = tlb_lookup_fill(cpu, pc, 2, MMU_INST_FETCH, mmu_idx, probe, 0);
    if (index < 0) {
        return RAM_ADDR_INVALID;
    }
    CPUTLBDesc *d = &cpu->tlb.d[mmu_idx];
    CPUTLBEntry *te = &d->table[index];
    CPUTLBEntryFull *full = &d->full[index];
    hwaddr off = pc & ~TARGET_PAGE_MASK;
    /*
     * An entry valid for one access (PMP finer than a page) vouches for the
     * two bytes checked only: the translator fetches anything further
     * through another lookup.
     */
    cpu->code_page_partial = (te->addr_code & TLB_INVALID_MASK) != 0;
    size_t limit = cpu->code_page_partial ? 2 : TARGET_PAGE_SIZE;
    if (!(te->addr_code & TLB_MMIO)) {
        *host = (const uint8_t *)(pc + te->addend);
        *avail = TARGET_PAGE_SIZE - off < limit ? TARGET_PAGE_SIZE - off : limit;
        return full->ram_addr + off;
    }
    /* A page shared with devices (a subpage): execute only from its RAM parts. */
    hwaddr xlat, plen = TARGET_PAGE_SIZE - off;
    MemoryRegionSection *s = address_space_translate(cpu->as, full->phys_addr + off, &xlat,
                                                     &plen);
    if (memory_region_is_ram(s->mr)) {
        *host = (const uint8_t *)memory_region_get_ram_ptr(s->mr) + xlat;
        *avail = plen < limit ? plen : limit;
        return memory_region_get_ram_addr(s->mr) + xlat;
    }
    if (!probe) {
        cpu->ops->do_transaction_failed(cpu, full->phys_addr + off, pc, 2, MMU_INST_FETCH,
                                        mmu_idx, MEMTX_DECODE_ERROR, 0);
    }
    return RAM_ADDR_INVALID;
}

ram_addr_t tlb_get_code(CPUState *cpu, vaddr pc, const uint8_t **host, size_t *avail)
{
    return tlb_get_code_common(cpu, pc, host, avail, false);
}

ram_addr_t tlb_get_code_probe(CPUState *cpu, vaddr pc, const uint8_t **host, size_t *avail)
{
    return tlb_get_code_common(cpu, pc, host, avail, true);
}

/* ---- code protection ------------------------------------------------------------------- */

static void tlb_for_each_entry_of_page(ram_addr_t page,
                                       void (*fn)(CPUTLBEntry *, CPUTLBEntryFull *, void *),
                                       void *opaque)
{
    CPU_FOREACH(cpu) {
        for (unsigned i = 0; i < NB_MMU_MODES; i++) {
            CPUTLBDesc *d = &cpu->tlb.d[i];
            for (unsigned e = 0; e < CPU_TLB_SIZE; e++) {
                if (d->full[e].ram_addr == page && d->table[e].addr_write != UINT64_MAX) {
                    fn(&d->table[e], &d->full[e], opaque);
                }
            }
            for (unsigned v = 0; v < CPU_VTLB_SIZE; v++) {
                if (d->vfull[v].ram_addr == page && d->vtable[v].addr_write != UINT64_MAX) {
                    fn(&d->vtable[v], &d->vfull[v], opaque);
                }
            }
        }
    }
}

static void entry_protect(CPUTLBEntry *e, CPUTLBEntryFull *f, void *bitmap)
{
    if (!(e->addr_write & (TLB_MMIO | TLB_NOTDIRTY))) {
        e->addr_write |= TLB_NOTDIRTY;
    }
    f->code_bitmap = bitmap;
}

static void entry_unprotect(CPUTLBEntry *e, CPUTLBEntryFull *f, void *unused)
{
    (void)unused;
    e->addr_write &= ~(uint64_t)TLB_NOTDIRTY;
    f->code_bitmap = NULL;
}

void tlb_protect_code(ram_addr_t page, const unsigned long *code_bitmap)
{
    ram_dirty_test_and_clear(page, TARGET_PAGE_SIZE, DIRTY_MEMORY_CODE);
    tlb_for_each_entry_of_page(page, entry_protect, (void *)code_bitmap);
}

void tlb_unprotect_code(ram_addr_t page)
{
    ram_dirty_set_range(page, TARGET_PAGE_SIZE, 1u << DIRTY_MEMORY_CODE);
    tlb_for_each_entry_of_page(page, entry_unprotect, NULL);
}
