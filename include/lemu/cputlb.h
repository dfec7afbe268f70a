/*
 * cputlb.h: the software TLB (softmmu/cputlb.c).  Every guest load, store
 * and instruction fetch goes through it.  Per CPU and per MMU index, a
 * direct-mapped table of CPUTLBEntry holds, for each cached virtual page,
 * one comparator per access type and the host addend: a hit on RAM is one
 * compare and one add.  Anything else — a miss, a misaligned access, I/O
 * (TLB_MMIO), a write to a page holding translated code (TLB_NOTDIRTY) —
 * takes a slow path.  A miss asks the CPU (cpu->ops->tlb_fill) for the
 * physical address and permissions, then asks the memory API
 * (address_space_translate_for_iotlb) what is there.
 */
#ifndef LEMU_CPUTLB_H
#define LEMU_CPUTLB_H

#include <stddef.h>
#include <stdint.h>

#include "lemu/memory.h"
#include "lemu/tcgl.h"

typedef uint64_t vaddr;
typedef struct CPUState CPUState;

typedef enum MMUAccessType {
    MMU_DATA_LOAD = 0,
    MMU_DATA_STORE = 1,
    MMU_INST_FETCH = 2,
} MMUAccessType;

/* Page protection bits given to tlb_set_page. */
#define PAGE_READ 1
#define PAGE_WRITE 2
#define PAGE_EXEC 4

/*
 * Sizing: 256 entries per MMU index cover 1 MiB of working set per mode,
 * plenty for bare-metal tests and firmware; the victim TLB catches the
 * conflict misses of a direct-mapped table (code and data pages whose page
 * numbers collide modulo 256).
 */
#define NB_MMU_MODES 8
#define CPU_TLB_BITS 8
#define CPU_TLB_SIZE (1 << CPU_TLB_BITS)
#define CPU_VTLB_SIZE 8

/*
 * Flags in the low (page offset) bits of a comparator.  Any flag makes the
 * fast-path compare fail, which is how each one forces the slow path.
 */
#define TLB_INVALID_MASK (1u << (TARGET_PAGE_BITS - 1))
#define TLB_NOTDIRTY (1u << (TARGET_PAGE_BITS - 2))
#define TLB_MMIO (1u << (TARGET_PAGE_BITS - 3))
#define TLB_WATCHPOINT (1u << (TARGET_PAGE_BITS - 4))
#define TLB_FLAGS_MASK (TLB_INVALID_MASK | TLB_NOTDIRTY | TLB_MMIO | TLB_WATCHPOINT)

typedef struct CPUTLBEntry {
    union {
        struct {
            uint64_t addr_read;
            uint64_t addr_write;
            uint64_t addr_code;
        };
        uint64_t addr_idx[3];   /* indexed by MMUAccessType */
    };
    uintptr_t addend;           /* host address - guest virtual address */
} CPUTLBEntry;

_Static_assert(offsetof(CPUTLBEntry, addr_read) ==
               offsetof(CPUTLBEntry, addr_idx[MMU_DATA_LOAD]), "addr_read index");
_Static_assert(offsetof(CPUTLBEntry, addr_write) ==
               offsetof(CPUTLBEntry, addr_idx[MMU_DATA_STORE]), "addr_write index");
_Static_assert(offsetof(CPUTLBEntry, addr_code) ==
               offsetof(CPUTLBEntry, addr_idx[MMU_INST_FETCH]), "addr_code index");
_Static_assert(sizeof(CPUTLBEntry) == 32, "a TLB entry is 32 bytes: index << 5");

/* What the slow paths need about a cached page (QEMU's IOTLB entry). */
typedef struct CPUTLBEntryFull {
    MemoryRegionSection *section;   /* what is mapped (MMIO pages) */
    hwaddr xlat;                    /* offset of the page in section->mr */
    hwaddr phys_addr;               /* guest physical page address */
    ram_addr_t ram_addr;            /* RAM pages: ram_addr of the page */
    const unsigned long *code_bitmap; /* translated bytes of a NOTDIRTY page */
    MemTxAttrs attrs;
    uint8_t prot;
} CPUTLBEntryFull;

typedef struct CPUTLBDesc {
    CPUTLBEntry table[CPU_TLB_SIZE];
    CPUTLBEntryFull full[CPU_TLB_SIZE];
    CPUTLBEntry vtable[CPU_VTLB_SIZE];
    CPUTLBEntryFull vfull[CPU_VTLB_SIZE];
    unsigned vindex;
    /* The span of superpages entered in this mode, for tlb_flush_page. */
    vaddr large_page_addr;
    vaddr large_page_mask;
} CPUTLBDesc;

typedef struct CPUTLB {
    CPUTLBDesc d[NB_MMU_MODES];
} CPUTLB;

/* Set up the TLB of a CPU and its memory listener (flushes on map changes). */
void tlb_init(CPUState *cpu);
void tlb_destroy(CPUState *cpu);

/* Drop every entry of every MMU index (and the CPU's TB jump cache). */
void tlb_flush(CPUState *cpu);
/* Drop the entries of the MMU indexes in idxmap (bit i = index i). */
void tlb_flush_by_mmuidx(CPUState *cpu, uint16_t idxmap);
/* Drop the page holding addr in every index / the indexes of idxmap. */
void tlb_flush_page(CPUState *cpu, vaddr addr);
void tlb_flush_page_by_mmuidx(CPUState *cpu, vaddr addr, uint16_t idxmap);

/*
 * Enter a translation (called by tlb_fill): virtual page va -> physical pa
 * with protection prot, for mmu_idx; size is the page size the CPU mapped
 * (>= TARGET_PAGE_SIZE for superpages, < for PMP granules finer than a page:
 * such an entry is used for the one access that asked and not cached).
 */
void tlb_set_page(CPUState *cpu, vaddr va, hwaddr pa, MemTxAttrs attrs, int prot,
                  int mmu_idx, uint64_t size);

/* The TCGLMemOps the backends call for qemu_ld/qemu_st. */
extern const TCGLMemOps tlb_mem_ops;

/*
 * Loads and stores for helpers (AMOs, LR/SC, page walks use physical
 * accesses instead): like the IR's qemu_ld/st, ra for precise faults.
 */
uint64_t cpu_ld_mmu(CPUState *cpu, vaddr addr, MemOpIdx oi, uintptr_t ra);
void cpu_st_mmu(CPUState *cpu, vaddr addr, uint64_t val, MemOpIdx oi, uintptr_t ra);
/*
 * The load half of a read-modify-write (AMO, SC): a failed access is
 * reported as a store, as the architecture reports AMO faults.
 */
uint64_t cpu_ld_mmu_rmw(CPUState *cpu, vaddr addr, MemOpIdx oi, uintptr_t ra);
/*
 * The store half of a read-modify-write: like cpu_st_mmu, but a store that
 * invalidates the executing block does not leave it; it returns true and the
 * caller, once it has written its results, calls cpu_loop_exit_after_insn.
 */
bool cpu_st_mmu_rmw(CPUState *cpu, vaddr addr, uint64_t val, MemOpIdx oi, uintptr_t ra);
/*
 * Check that an access of size bytes at addr would succeed (filling the TLB,
 * raising the guest fault if not), without performing it.
 */
void tlb_probe_access(CPUState *cpu, vaddr addr, unsigned size, MMUAccessType type,
                      int mmu_idx, uintptr_t ra);

/*
 * Instruction fetch for the translator: the ram_addr of the byte at pc (for
 * TB page tracking) and a host pointer to it, valid for *avail bytes (to the
 * end of the page or of the RAM section).  Raises the instruction fault
 * (access fault, page fault) through the CPU when pc is not executable.
 */
ram_addr_t tlb_get_code(CPUState *cpu, vaddr pc, const uint8_t **host, size_t *avail);
/* The same, returning RAM_ADDR_INVALID instead of raising the fault. */
ram_addr_t tlb_get_code_probe(CPUState *cpu, vaddr pc, const uint8_t **host, size_t *avail);

/*
 * Called by the TB cache: a RAM page now holds translated code (mark every
 * write entry mapping it TLB_NOTDIRTY, pointing at the page's bitmap of
 * translated bytes) / holds none any more.
 */
void tlb_protect_code(ram_addr_t page, const unsigned long *code_bitmap);
void tlb_unprotect_code(ram_addr_t page);

#endif
