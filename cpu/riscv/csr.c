/*
 * cpu/riscv/csr.c: the control and status registers: which exist, who may
 * access them, and the WARL rules of each write.  One switch over the CSR
 * number; each case states the legal values of its register.
 */
#include "config.h"

#include "cpu/riscv/cpu.h"
#include "cpu/riscv/mmu.h"
#include "lemu/log.h"

#define PMP_ENTRIES 16
#define PMP_LOCK 0x80

uint64_t riscv_instret(CPURISCVState *env)
{
    CPUState *cs = env_cpu(env);
    return cs->insn_count - cs->trapped_count + env->instret_offset;
}

static bool riscv_has_ext(const CPURISCVState *env, char letter)
{
    return (env->misa >> (letter - 'A')) & 1;
}

/* MPP/SPP values that exist: an unsupported mode becomes U (as Spike does). */
static uint64_t legalize_mpp(const CPURISCVState *env, uint64_t mpp)
{
    if (mpp == PRV_M || mpp == PRV_U) {
        return mpp;
    }
    if (mpp == PRV_S && riscv_has_ext(env, 'S')) {
        return mpp;
    }
    return PRV_U;
}

static uint64_t mstatus_write_mask(const CPURISCVState *env)
{
    uint64_t m = MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP;
    if (riscv_has_ext(env, 'U')) {
        m |= MSTATUS_MPRV | MSTATUS_TW;
    }
    if (riscv_has_ext(env, 'S')) {
        m |= MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR |
             MSTATUS_TVM | MSTATUS_TSR;
    }
    if (riscv_has_ext(env, 'F')) {
        m |= MSTATUS_FS;
    }
    return m;
}

/* fflags, frm and fcsr exist with F and are inaccessible while mstatus.FS is Off. */
static bool fp_csr_accessible(const CPURISCVState *env)
{
    return riscv_has_ext(env, 'F') && (env->mstatus & MSTATUS_FS) != 0;
}

/* A write of FP state (here: fflags/frm) makes FS Dirty, and so SD. */
static void fp_csr_mark_dirty(CPURISCVState *env)
{
    env->mstatus |= MSTATUS_FS | MSTATUS64_SD;
}

static void write_mstatus(CPURISCVState *env, uint64_t val)
{
    uint64_t mask = mstatus_write_mask(env);
    uint64_t ms = (env->mstatus & ~mask) | (val & mask);
    uint64_t mpp = legalize_mpp(env, (ms & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    ms = (ms & ~MSTATUS_MPP) | (mpp << MSTATUS_MPP_SHIFT);
    if (env->xlen == 64) {
        /* UXL/SXL are read-only 64 where the mode exists. */
        ms &= ~(MSTATUS_UXL | MSTATUS_SXL);
        if (riscv_has_ext(env, 'U')) {
            ms |= 2ull << 32;
        }
        if (riscv_has_ext(env, 'S')) {
            ms |= 2ull << 34;
        }
    }
    bool dirty = (ms & MSTATUS_FS) == MSTATUS_FS || (ms & MSTATUS_XS) == MSTATUS_XS;
    ms = dirty ? ms | MSTATUS64_SD : ms & ~MSTATUS64_SD;
    /*
     * MXR changes what a cached translation allows; SUM and MPRV select
     * other MMU indexes instead (and end the block: new TB flags).
     */
    if ((env->mstatus ^ ms) & MSTATUS_MXR) {
        tlb_flush(env_cpu(env));
    }
    env->mstatus = ms;
}

static uint64_t interrupt_mask(const CPURISCVState *env)
{
    uint64_t m = MIP_MSIP | MIP_MTIP | MIP_MEIP;
    if (riscv_has_ext(env, 'S')) {
        m |= MIP_SSIP | MIP_STIP | MIP_SEIP;
    }
    return m;
}

/* Software-writable bits of mip: the S-level ones, when S exists. */
static uint64_t mip_write_mask(const CPURISCVState *env)
{
    if (!riscv_has_ext(env, 'S')) {
        return 0;
    }
    /* With Sstc enabled, STIP follows stimecmp and is read-only. */
    return MIP_SSIP | MIP_SEIP | ((env->menvcfg & MENVCFG_STCE) ? 0 : MIP_STIP);
}

static bool counter_accessible(const CPURISCVState *env, unsigned csrno)
{
    unsigned bit = csrno & 31;
    if (env->priv == PRV_M) {
        return true;
    }
    if (!((env->mcounteren >> bit) & 1)) {
        return false;
    }
    if (env->priv == PRV_U && riscv_has_ext(env, 'S')) {
        return (env->scounteren >> bit) & 1;
    }
    return true;
}

static void pmpcfg_write(CPURISCVState *env, unsigned reg, uint64_t val)
{
    /* On RV64 pmpcfg0 holds entries 0-7, pmpcfg2 entries 8-15. */
    for (unsigned i = 0; i < 8; i++) {
        unsigned e = reg * 4 + i;
        if (e >= PMP_ENTRIES || (env->pmpcfg[e] & PMP_LOCK)) {
            continue;
        }
        uint8_t cfg = (val >> (8 * i)) & 0xff;
        /* R=0, W=1 is reserved: keep the entry without write permission. */
        if ((cfg & 3) == 2) {
            cfg &= ~2;
        }
        env->pmpcfg[e] = cfg & 0x9f;
    }
}

static uint64_t pmpcfg_read(const CPURISCVState *env, unsigned reg)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; i++) {
        unsigned e = reg * 4 + i;
        if (e < PMP_ENTRIES) {
            v |= (uint64_t)env->pmpcfg[e] << (8 * i);
        }
    }
    return v;
}

/*
 * PMP changed: cached translations may allow what is now forbidden, and
 * chained jumps between blocks skip the fetch checks, so drop both (PMP
 * is set up rarely: at boot, or per context switch by a monitor).
 */
static void riscv_pmp_changed(CPUState *cs)
{
    tlb_flush(cs);
    tb_flush();
}

int riscv_csr_rmw(CPURISCVState *env, unsigned csrno, uint64_t *old, uint64_t wval,
                  uint64_t wmask)
{
    CPUState *cs = env_cpu(env);
    unsigned min_priv = (csrno >> 8) & 3;
    if (env->priv < min_priv) {
        return -1;
    }
    bool wr = wmask != 0;
    uint64_t v = 0;
#define NEW(cur) (((cur) & ~wmask) | (wval & wmask))

    switch (csrno) {
    /* Floating point: fcsr = frm << 5 | fflags; bits 31:8 read 0, ignore writes. */
    case CSR_FFLAGS:
        if (!fp_csr_accessible(env)) {
            return -1;
        }
        v = env->fflags;
        if (wr) {
            env->fflags = (uint32_t)NEW(v) & 0x1f;
            fp_csr_mark_dirty(env);
        }
        break;
    case CSR_FRM:
        if (!fp_csr_accessible(env)) {
            return -1;
        }
        v = env->frm;
        if (wr) {
            env->frm = (uint32_t)NEW(v) & 7;
            fp_csr_mark_dirty(env);
        }
        break;
    case CSR_FCSR:
        if (!fp_csr_accessible(env)) {
            return -1;
        }
        v = ((uint64_t)env->frm << 5) | env->fflags;
        if (wr) {
            uint64_t n = NEW(v);
            env->fflags = (uint32_t)n & 0x1f;
            env->frm = (uint32_t)(n >> 5) & 7;
            fp_csr_mark_dirty(env);
        }
        break;

    /* Unprivileged counters. */
    case CSR_CYCLE:
        if (!counter_accessible(env, csrno)) {
            return -1;
        }
        v = cs->insn_count + env->cycle_offset;
        break;
    case CSR_INSTRET:
        if (!counter_accessible(env, csrno)) {
            return -1;
        }
        v = cs->insn_count - cs->trapped_count + env->instret_offset;
        break;
    case CSR_TIME:
        if (!env->rdtime || !counter_accessible(env, csrno)) {
            return -1;
        }
        v = env->rdtime(env->rdtime_opaque);
        break;

    /* Machine information, read-only. */
    case CSR_MVENDORID:
    case CSR_MARCHID:
    case CSR_MIMPID:
    case CSR_MCONFIGPTR:
        v = 0;
        break;
    case CSR_MHARTID:
        v = env->mhartid;
        break;

    case CSR_MSTATUS:
        v = env->mstatus;
        if (wr) {
            write_mstatus(env, NEW(v));
        }
        break;
    case CSR_MISA:
        /* WARL: the extensions are fixed; writes are ignored. */
        v = env->misa;
        break;
    case CSR_MEDELEG:
        v = env->medeleg;
        if (wr && riscv_has_ext(env, 'S')) {
            /* Every synchronous cause but M-mode ecall can be delegated. */
            env->medeleg = NEW(v) & 0xb3ffull & ~(1ull << RISCV_EXCP_M_ECALL);
        }
        break;
    case CSR_MIDELEG:
        v = env->mideleg;
        if (wr && riscv_has_ext(env, 'S')) {
            env->mideleg = NEW(v) & (MIP_SSIP | MIP_STIP | MIP_SEIP);
        }
        break;
    case CSR_MIE:
        v = env->mie;
        if (wr) {
            env->mie = NEW(v) & interrupt_mask(env);
        }
        break;
    case CSR_MIP: {
        uint64_t cur = __atomic_load_n(&env->mip, __ATOMIC_RELAXED);
        v = cur;
        if (wr) {
            uint64_t m = wmask & mip_write_mask(env);
            uint64_t bits = wval & m;
            __atomic_fetch_and(&env->mip, ~m, __ATOMIC_RELAXED);
            __atomic_fetch_or(&env->mip, bits, __ATOMIC_RELAXED);
        }
        break;
    }
    case CSR_MTVEC:
        v = env->mtvec;
        if (wr) {
            uint64_t n = NEW(v);
            /* Modes 2 and 3 are reserved: such writes leave mtvec unchanged. */
            if ((n & 3) < 2) {
                env->mtvec = n;
            } else {
                lemu_log_mask(LOG_GUEST_ERROR, "mtvec: reserved mode %u ignored\n",
                              (unsigned)(n & 3));
            }
        }
        break;
    case CSR_MCOUNTEREN:
        v = env->mcounteren;
        if (wr) {
            env->mcounteren = NEW(v) & 0xffffffffull;
        }
        break;
    case CSR_MCOUNTINHIBIT:
        v = env->mcountinhibit;
        if (wr) {
            env->mcountinhibit = NEW(v) & 0xfffffffdull;
        }
        break;
    case CSR_MENVCFG:
        v = env->menvcfg;
        if (wr) {
            /* FIOM, and STCE (Sstc) where S-mode exists. */
            uint64_t mask = 1 | (riscv_has_ext(env, 'S') ? MENVCFG_STCE : 0);
            env->menvcfg = NEW(v) & mask;
            riscv_update_stip(env);
        }
        break;

    /* Supervisor CSRs: views of the machine ones, and S's own. */
    case CSR_SSTATUS:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->mstatus & SSTATUS_MASK;
        if (wr) {
            uint64_t m = wmask & SSTATUS_WRITE_MASK;
            write_mstatus(env, (env->mstatus & ~m) | (wval & m));
        }
        break;
    case CSR_SIE:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->mie & env->mideleg;
        if (wr) {
            uint64_t m = wmask & env->mideleg & (MIP_SSIP | MIP_STIP | MIP_SEIP);
            env->mie = (env->mie & ~m) | (wval & m);
        }
        break;
    case CSR_SIP: {
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = __atomic_load_n(&env->mip, __ATOMIC_RELAXED) & env->mideleg;
        if (wr) {
            /* Only SSIP is writable through sip. */
            uint64_t m = wmask & env->mideleg & MIP_SSIP;
            __atomic_fetch_and(&env->mip, ~m, __ATOMIC_RELAXED);
            __atomic_fetch_or(&env->mip, wval & m, __ATOMIC_RELAXED);
        }
        break;
    }
    case CSR_STVEC:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->stvec;
        if (wr && (NEW(v) & 3) < 2) {
            env->stvec = NEW(v);
        }
        break;
    case CSR_SCOUNTEREN:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->scounteren;
        if (wr) {
            env->scounteren = NEW(v) & 0xffffffffull;
        }
        break;
    case CSR_SENVCFG:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->senvcfg;
        if (wr) {
            env->senvcfg = NEW(v) & 1;   /* FIOM */
        }
        break;
    case CSR_SSCRATCH:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->sscratch;
        if (wr) {
            env->sscratch = NEW(v);
        }
        break;
    case CSR_SEPC:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->sepc;
        if (wr) {
            env->sepc = NEW(v) & ~1ull;
        }
        break;
    case CSR_SCAUSE:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->scause;
        if (wr) {
            env->scause = NEW(v);
        }
        break;
    case CSR_STVAL:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        v = env->stval;
        if (wr) {
            env->stval = NEW(v);
        }
        break;
    case CSR_SATP: {
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        /* mstatus.TVM traps S-mode satp accesses. */
        if (env->priv == PRV_S && (env->mstatus & MSTATUS_TVM)) {
            return -1;
        }
        v = env->satp;
        if (wr) {
            uint64_t n = NEW(v);
            uint64_t mode = n >> 60;
            /* An unsupported mode makes the whole write have no effect. */
            bool ok = mode == 0 || (env->has_mmu && riscv_satp_levels(mode) != 0);
            if (ok) {
                /* ASIDLEN 16, PPN 44 bits; Bare keeps no ASID or PPN. */
                n &= (0xfull << 60) | (0xffffull << 44) | ((1ull << 44) - 1);
                if (mode == 0) {
                    n = 0;
                }
                if (n != env->satp) {
                    tlb_flush(cs);
                }
                env->satp = n;
            }
        }
        break;
    }
    case CSR_STIMECMP:
        if (!riscv_has_ext(env, 'S')) {
            return -1;
        }
        /* Sstc: S-mode needs menvcfg.STCE and mcounteren.TM. */
        if (env->priv < PRV_M &&
            (!(env->menvcfg & MENVCFG_STCE) || !((env->mcounteren >> 1) & 1))) {
            return -1;
        }
        v = env->stimecmp;
        if (wr) {
            env->stimecmp = NEW(v);
            riscv_update_stip(env);
        }
        break;
    case CSR_MSCRATCH:
        v = env->mscratch;
        if (wr) {
            env->mscratch = NEW(v);
        }
        break;
    case CSR_MEPC:
        v = env->mepc;
        if (wr) {
            env->mepc = NEW(v) & ~1ull;
        }
        break;
    case CSR_MCAUSE:
        v = env->mcause;
        if (wr) {
            env->mcause = NEW(v);
        }
        break;
    case CSR_MTVAL:
        v = env->mtval;
        if (wr) {
            env->mtval = NEW(v);
        }
        break;
    case CSR_MCYCLE:
        v = cs->insn_count + env->cycle_offset;
        if (wr) {
            /* The write is the value after this instruction, which retires. */
            env->cycle_offset = NEW(v) - (cs->insn_count + 1);
        }
        break;
    case CSR_MINSTRET:
        v = cs->insn_count - cs->trapped_count + env->instret_offset;
        if (wr) {
            /*
             * The written value is what minstret holds after this
             * instruction: it is not counted on top (privileged spec).
             * insn_count itself keeps counting what ran (--max-insns,
             * -icount time), so the write moves the offset.
             */
            env->instret_offset = NEW(v) - (cs->insn_count - cs->trapped_count + 1);
        }
        break;

    default:
        if (csrno >= CSR_PMPCFG0 && csrno <= CSR_PMPCFG15) {
            unsigned reg = csrno - CSR_PMPCFG0;
            if (env->xlen == 64 && (reg & 1)) {
                return -1;   /* odd pmpcfg registers do not exist on RV64 */
            }
            v = pmpcfg_read(env, reg);
            if (wr) {
                pmpcfg_write(env, reg, NEW(v));
                riscv_pmp_changed(cs);
            }
            break;
        }
        if (csrno >= CSR_PMPADDR0 && csrno <= CSR_PMPADDR63) {
            unsigned e = csrno - CSR_PMPADDR0;
            if (e >= PMP_ENTRIES) {
                v = 0;
                break;
            }
            v = env->pmpaddr[e];
            bool locked = env->pmpcfg[e] & PMP_LOCK;
            /* A locked TOR entry also locks the address below it. */
            if (e + 1 < PMP_ENTRIES && (env->pmpcfg[e + 1] & PMP_LOCK) &&
                ((env->pmpcfg[e + 1] >> 3) & 3) == 1) {
                locked = true;
            }
            if (wr && !locked) {
                env->pmpaddr[e] = NEW(v) & ((1ull << 54) - 1);
                riscv_pmp_changed(cs);
            }
            break;
        }
        if ((csrno >= CSR_MHPMCOUNTER3 && csrno <= CSR_MHPMCOUNTER31) ||
            (csrno >= CSR_MHPMEVENT3 && csrno <= CSR_MHPMEVENT31)) {
            v = 0;   /* no events are counted: hard-wired to zero */
            break;
        }
        if (csrno >= CSR_HPMCOUNTER3 && csrno <= CSR_HPMCOUNTER31) {
            if (!counter_accessible(env, csrno)) {
                return -1;
            }
            v = 0;
            break;
        }
        return -1;
    }
#undef NEW
    *old = v;
    return 0;
}
