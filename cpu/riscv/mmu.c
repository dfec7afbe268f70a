/*
 * cpu/riscv/mmu.c: virtual-to-physical translation for tlb_fill: satp modes
 * Bare, Sv39, Sv48 and Sv57, the page-table walk with its permission rules
 * (U bit, SUM, MXR, superpage alignment, reserved encodings), the
 * accessed/dirty bits (set by the walk, or a page fault when the hart is
 * configured to leave them to software), and PMP on the walk's own reads
 * and writes.  Privileged spec v1.12, section 4.3-4.5.
 */
#include "config.h"

#include "cpu/riscv/mmu.h"
#include "cpu/riscv/pmp.h"

#define PTE_V (1ull << 0)
#define PTE_R (1ull << 1)
#define PTE_W (1ull << 2)
#define PTE_X (1ull << 3)
#define PTE_U (1ull << 4)
#define PTE_G (1ull << 5)
#define PTE_A (1ull << 6)
#define PTE_D (1ull << 7)
#define PTE_PPN_SHIFT 10
#define PTE_PPN_MASK ((1ull << 44) - 1)
/* N (Svnapot), PBMT (Svpbmt) and the reserved bits: none is implemented. */
#define PTE_RESERVED (~0ull << 54)

#define SATP_MODE_SHIFT 60
#define SATP_PPN_MASK ((1ull << 44) - 1)

unsigned riscv_mmu_idx_priv(int mmu_idx)
{
    switch (mmu_idx) {
    case RISCV_MMU_IDX_U:
        return PRV_U;
    case RISCV_MMU_IDX_S:
    case RISCV_MMU_IDX_S_SUM:
        return PRV_S;
    default:
        return PRV_M;
    }
}

unsigned riscv_satp_levels(uint64_t mode)
{
    switch (mode) {
    case RISCV_SATP_SV39: return 3;
    case RISCV_SATP_SV48: return 4;
    case RISCV_SATP_SV57: return 5;
    default: return 0;
    }
}

/* A read or write of a page-table entry, checked by PMP as an S-mode access. */
static bool pte_access(CPURISCVState *env, AddressSpace *as, uint64_t addr, uint64_t *pte,
                       bool write)
{
    bool whole;
    if (!riscv_pmp_check(env, addr, 8, write ? MMU_DATA_STORE : MMU_DATA_LOAD, PRV_S,
                         &whole)) {
        return false;
    }
    MemTxResult r;
    if (write) {
        address_space_stq_le(as, addr, *pte, MEMTXATTRS_UNSPECIFIED, &r);
    } else {
        *pte = address_space_ldq_le(as, addr, MEMTXATTRS_UNSPECIFIED, &r);
    }
    return r == MEMTX_OK;
}

RiscvTranslateResult riscv_mmu_translate(CPURISCVState *env, AddressSpace *as, uint64_t va,
                                         MMUAccessType type, int mmu_idx, uint64_t *pa,
                                         int *prot, uint64_t *page_size)
{
    unsigned priv = riscv_mmu_idx_priv(mmu_idx);
    uint64_t mode = env->satp >> SATP_MODE_SHIFT;
    unsigned levels = riscv_satp_levels(mode);

    *page_size = TARGET_PAGE_SIZE;
    if (priv == PRV_M || levels == 0) {
        *pa = va;
        *prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
        return RISCV_XLATE_OK;
    }

    /* The bits above the translated ones must copy the top translated bit. */
    unsigned va_bits = TARGET_PAGE_BITS + 9 * levels;
    int64_t top = (int64_t)va >> (va_bits - 1);
    if (top != 0 && top != -1) {
        return RISCV_XLATE_PAGE_FAULT;
    }

    uint64_t table = (env->satp & SATP_PPN_MASK) << TARGET_PAGE_BITS;
    bool sum = mmu_idx == RISCV_MMU_IDX_S_SUM;
    bool mxr = env->mstatus & MSTATUS_MXR;

    for (int level = (int)levels - 1; level >= 0; level--) {
        unsigned shift = TARGET_PAGE_BITS + 9 * (unsigned)level;
        uint64_t pte_addr = table + ((va >> shift) & 511) * 8;
        uint64_t pte;
        if (!pte_access(env, as, pte_addr, &pte, false)) {
            return RISCV_XLATE_ACCESS_FAULT;
        }
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)) || (pte & PTE_RESERVED)) {
            return RISCV_XLATE_PAGE_FAULT;
        }
        uint64_t ppn = (pte >> PTE_PPN_SHIFT) & PTE_PPN_MASK;
        if (!(pte & (PTE_R | PTE_X))) {
            /* A pointer to the next level. */
            if (level == 0) {
                return RISCV_XLATE_PAGE_FAULT;
            }
            table = ppn << TARGET_PAGE_BITS;
            continue;
        }

        /* A leaf: superpages must be aligned to their size. */
        uint64_t span_pages = 1ull << (9 * (unsigned)level);
        if (ppn & (span_pages - 1)) {
            return RISCV_XLATE_PAGE_FAULT;
        }
        /* U pages: only U-mode, or S-mode data accesses with SUM; never S fetches. */
        if (pte & PTE_U) {
            if (priv == PRV_S && (type == MMU_INST_FETCH || !sum)) {
                return RISCV_XLATE_PAGE_FAULT;
            }
        } else if (priv == PRV_U) {
            return RISCV_XLATE_PAGE_FAULT;
        }
        bool readable = (pte & PTE_R) || (mxr && (pte & PTE_X));
        bool allowed = type == MMU_INST_FETCH ? (pte & PTE_X) != 0
                     : type == MMU_DATA_LOAD ? readable
                                             : (pte & PTE_W) != 0;
        if (!allowed) {
            return RISCV_XLATE_PAGE_FAULT;
        }

        uint64_t want = PTE_A | (type == MMU_DATA_STORE ? PTE_D : 0);
        if ((pte & want) != want) {
            if (!env->hw_ad_update) {
                return RISCV_XLATE_PAGE_FAULT;
            }
            pte |= want;
            if (!pte_access(env, as, pte_addr, &pte, true)) {
                return RISCV_XLATE_ACCESS_FAULT;
            }
        }

        *page_size = span_pages << TARGET_PAGE_BITS;
        *pa = (ppn << TARGET_PAGE_BITS) | (va & (*page_size - 1));
        *prot = 0;
        if (readable) {
            *prot |= PAGE_READ;
        }
        /* Without D, a store must come back here to set it: no write access cached. */
        if ((pte & PTE_W) && (pte & PTE_D)) {
            *prot |= PAGE_WRITE;
        }
        if ((pte & PTE_X) && !(priv == PRV_S && (pte & PTE_U))) {
            *prot |= PAGE_EXEC;
        }
        return RISCV_XLATE_OK;
    }
    return RISCV_XLATE_PAGE_FAULT;
}
