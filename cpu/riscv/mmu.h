/*
 * cpu/riscv/mmu.h: address translation (cpu/riscv/mmu.c).
 */
#ifndef RISCV_MMU_H
#define RISCV_MMU_H

#include "cpu/riscv/cpu.h"

#define RISCV_SATP_BARE 0
#define RISCV_SATP_SV39 8
#define RISCV_SATP_SV48 9
#define RISCV_SATP_SV57 10

typedef enum RiscvTranslateResult {
    RISCV_XLATE_OK,
    RISCV_XLATE_PAGE_FAULT,
    RISCV_XLATE_ACCESS_FAULT,   /* the walk's own access failed (PMP, no memory) */
} RiscvTranslateResult;

/* The privilege an MMU index checks accesses with. */
unsigned riscv_mmu_idx_priv(int mmu_idx);
/* Page-table levels of a satp mode, 0 for Bare or an unsupported mode. */
unsigned riscv_satp_levels(uint64_t mode);

/*
 * Translate va for an access of `type` through MMU index mmu_idx: *pa, the
 * protection the mapping grants that index (PAGE_*), and the size of the
 * page it lies in (superpages).  Sets A/D bits when the hart does.
 */
RiscvTranslateResult riscv_mmu_translate(CPURISCVState *env, AddressSpace *as, uint64_t va,
                                         MMUAccessType type, int mmu_idx, uint64_t *pa,
                                         int *prot, uint64_t *page_size);

#endif
