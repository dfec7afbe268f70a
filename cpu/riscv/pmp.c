/*
 * cpu/riscv/pmp.c: physical memory protection checks (privileged spec
 * v1.12, section 3.7): 16 entries, address matching OFF/TOR/NA4/NAPOT with
 * 4-byte granularity, the L bit (locked entries bind M-mode too), lowest-
 * numbered match wins, and an S/U access that matches no entry fails (also
 * with every entry OFF: 16 entries are implemented).
 *
 * For the TLB the check also says whether its verdict holds for the whole
 * page: when an entry boundary falls inside the page, the translation is
 * entered for the one access only (tlb_set_page with a size below a page),
 * so that a later access to another part of the page is checked again.
 */
#include "config.h"

#include "cpu/riscv/pmp.h"

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_A_SHIFT 3
#define PMP_A_OFF 0
#define PMP_A_TOR 1
#define PMP_A_NA4 2
#define PMP_A_NAPOT 3
#define PMP_L 0x80

/* The byte range [*lo, *hi] entry i matches; false for OFF or an empty TOR. */
static bool pmp_entry_range(const CPURISCVState *env, unsigned i, uint64_t *lo, uint64_t *hi)
{
    uint8_t cfg = env->pmpcfg[i];
    uint64_t a = env->pmpaddr[i];
    switch ((cfg >> PMP_A_SHIFT) & 3) {
    case PMP_A_TOR: {
        uint64_t base = i ? env->pmpaddr[i - 1] << 2 : 0;
        uint64_t top = a << 2;
        if (top <= base) {
            return false;
        }
        *lo = base;
        *hi = top - 1;
        return true;
    }
    case PMP_A_NA4:
        *lo = a << 2;
        *hi = *lo + 3;
        return true;
    case PMP_A_NAPOT: {
        /* Trailing ones of pmpaddr give the size: 2^(ones + 3) bytes. */
        unsigned ones = (unsigned)__builtin_ctzll(~a);
        if (ones >= 54) {
            *lo = 0;
            *hi = UINT64_MAX;
            return true;
        }
        uint64_t size = 1ull << (ones + 3);
        *lo = (a << 2) & ~(size - 1);
        *hi = *lo + size - 1;
        return true;
    }
    default:
        return false;
    }
}

bool riscv_pmp_check(const CPURISCVState *env, uint64_t addr, unsigned size,
                     MMUAccessType type, unsigned priv, bool *whole_page)
{
    uint64_t last = addr + size - 1;
    uint64_t page_lo = addr & TARGET_PAGE_MASK;
    uint64_t page_hi = page_lo + TARGET_PAGE_SIZE - 1;
    *whole_page = true;

    for (unsigned i = 0; i < RISCV_PMP_ENTRIES; i++) {
        uint64_t lo, hi;
        if (!pmp_entry_range(env, i, &lo, &hi)) {
            continue;
        }
        bool touches_page = lo <= page_hi && hi >= page_lo;
        if (touches_page && (lo > page_lo || hi < page_hi)) {
            *whole_page = false;
        }
        bool first_in = addr >= lo && addr <= hi;
        bool last_in = last >= lo && last <= hi;
        if (!first_in && !last_in) {
            continue;
        }
        /* An access that only partly matches the highest-priority entry fails. */
        if (!first_in || !last_in) {
            return false;
        }
        uint8_t cfg = env->pmpcfg[i];
        if (priv == PRV_M && !(cfg & PMP_L)) {
            return true;
        }
        switch (type) {
        case MMU_DATA_LOAD:
            return cfg & PMP_R;
        case MMU_DATA_STORE:
            return cfg & PMP_W;
        default:
            return cfg & PMP_X;
        }
    }
    /*
     * No entry matches: M-mode is allowed; S and U fail, since entries are
     * implemented, even when all are OFF (Spike agrees; QEMU 7.2 instead
     * refuses the mret into S or U).
     */
    return priv == PRV_M;
}
