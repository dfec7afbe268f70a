/*
 * cpu/riscv/helper.c: traps and interrupts (raising, delivering, priority),
 * and tlb_fill: the virtual-to-physical decision for each access.  With
 * satp in Bare mode (all there is before the MMU issue) the address is the
 * physical address; PMP checking belongs here too.
 */
#include "config.h"

#include <inttypes.h>

#include "cpu/riscv/cpu.h"
#include "cpu/riscv/mmu.h"
#include "cpu/riscv/pmp.h"
#include "lemu/log.h"

static const char *const riscv_excp_names[16] = {
    "misaligned_fetch", "fault_fetch", "illegal_instruction", "breakpoint",
    "misaligned_load", "fault_load", "misaligned_store", "fault_store",
    "user_ecall", "supervisor_ecall", "hypervisor_ecall", "machine_ecall",
    "exec_page_fault", "load_page_fault", "reserved", "store_page_fault",
};

static const char *const riscv_intr_names[12] = {
    "u_software", "s_software", "vs_software", "m_software",
    "u_timer", "s_timer", "vs_timer", "m_timer",
    "u_external", "s_external", "vs_external", "m_external",
};

const char *riscv_excp_name(unsigned cause, bool interrupt)
{
    if (interrupt) {
        return cause < 12 ? riscv_intr_names[cause] : "(unknown)";
    }
    return cause < 16 ? riscv_excp_names[cause] : "(unknown)";
}

void riscv_raise_exception(CPURISCVState *env, int cause, uint64_t tval, uintptr_t ra)
{
    CPUState *cs = env_cpu(env);
    env->badaddr = tval;
    cpu_raise_exception_ra(cs, cause, ra);
}

/*
 * Enter the trap handler for `cause` (interrupt or exception): the M-mode
 * trap of the privileged spec, or the S-mode one when delegated.
 */
static void riscv_trap(CPURISCVState *env, bool interrupt, uint64_t cause, uint64_t tval)
{
    uint64_t deleg = interrupt ? env->mideleg : env->medeleg;
    bool to_s = env->priv <= PRV_S && cause < 64 && ((deleg >> cause) & 1);

    if (lemu_loglevel_mask(CPU_LOG_INT)) {
        lemu_log("riscv_cpu_do_interrupt: hart:%u, async:%d, cause:%016" PRIx64
                 ", epc:0x%016" PRIx64 ", tval:0x%016" PRIx64 ", desc=%s\n",
                 (unsigned)env->mhartid, interrupt, cause, env->pc, tval,
                 riscv_excp_name((unsigned)cause, interrupt));
    }

    /* A trap ends any LR reservation. */
    env->load_res = UINT64_MAX;
    uint64_t mcause = cause | (interrupt ? 1ull << (env->xlen - 1) : 0);
    uint64_t ms = env->mstatus;
    uint64_t tvec;
    if (to_s) {
        env->scause = mcause;
        env->sepc = env->pc;
        env->stval = tval;
        ms = (ms & ~MSTATUS_SPIE) | ((ms & MSTATUS_SIE) ? MSTATUS_SPIE : 0);
        ms = (ms & ~MSTATUS_SPP) | (env->priv ? MSTATUS_SPP : 0);
        ms &= ~MSTATUS_SIE;
        tvec = env->stvec;
        env->priv = PRV_S;
    } else {
        env->mcause = mcause;
        env->mepc = env->pc;
        env->mtval = tval;
        ms = (ms & ~MSTATUS_MPIE) | ((ms & MSTATUS_MIE) ? MSTATUS_MPIE : 0);
        ms = (ms & ~MSTATUS_MPP) | (env->priv << MSTATUS_MPP_SHIFT);
        ms &= ~MSTATUS_MIE;
        tvec = env->mtvec;
        env->priv = PRV_M;
    }
    env->mstatus = ms;
    uint64_t base = tvec & ~3ull;
    env->pc = (interrupt && (tvec & 3) == 1) ? base + 4 * cause : base;
}

void riscv_do_interrupt(CPUState *cs)
{
    CPURISCVState *env = riscv_env(cs);
    int cause = cs->exception_index;
    uint64_t tval = 0;
    switch (cause) {
    case RISCV_EXCP_INST_ADDR_MIS:
    case RISCV_EXCP_INST_ACCESS_FAULT:
    case RISCV_EXCP_ILLEGAL_INST:
    case RISCV_EXCP_BREAKPOINT:
    case RISCV_EXCP_LOAD_ADDR_MIS:
    case RISCV_EXCP_LOAD_ACCESS_FAULT:
    case RISCV_EXCP_STORE_AMO_ADDR_MIS:
    case RISCV_EXCP_STORE_AMO_ACCESS_FAULT:
    case RISCV_EXCP_INST_PAGE_FAULT:
    case RISCV_EXCP_LOAD_PAGE_FAULT:
    case RISCV_EXCP_STORE_PAGE_FAULT:
        tval = env->badaddr;
        break;
    default:
        break;
    }
    riscv_trap(env, false, (uint64_t)cause, tval);
    cs->exception_index = EXCP_NONE;
}

/* The pending and enabled interrupt to take now, or -1. */
static int riscv_pending_interrupt(CPURISCVState *env)
{
    uint64_t pending = __atomic_load_n(&env->mip, __ATOMIC_RELAXED) & env->mie;
    if (!pending) {
        return -1;
    }
    bool m_enabled = env->priv < PRV_M || (env->mstatus & MSTATUS_MIE);
    bool s_enabled = env->priv < PRV_S || (env->priv == PRV_S && (env->mstatus & MSTATUS_SIE));
    uint64_t m_pending = pending & ~env->mideleg & (m_enabled ? ~0ull : 0);
    uint64_t s_pending = pending & env->mideleg & (s_enabled ? ~0ull : 0);
    /* M-level interrupts go first; within a level: external, software, timer. */
    static const int order[] = {
        RISCV_IRQ_M_EXT, RISCV_IRQ_M_SOFT, RISCV_IRQ_M_TIMER,
        RISCV_IRQ_S_EXT, RISCV_IRQ_S_SOFT, RISCV_IRQ_S_TIMER,
    };
    for (unsigned i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        if ((m_pending >> order[i]) & 1) {
            return order[i];
        }
    }
    for (unsigned i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        if ((s_pending >> order[i]) & 1) {
            return order[i];
        }
    }
    return -1;
}

bool riscv_exec_interrupt(CPUState *cs)
{
    CPURISCVState *env = riscv_env(cs);
    int irq = riscv_pending_interrupt(env);
    if (irq < 0) {
        return false;
    }
    riscv_trap(env, true, (uint64_t)irq, 0);
    return true;
}

void riscv_update_stip(CPURISCVState *env)
{
    if (!(env->menvcfg & MENVCFG_STCE) || !env->rdtime || !env->stimecmp_timer) {
        if (env->stimecmp_timer) {
            timer_del(env->stimecmp_timer);
        }
        return;
    }
    uint64_t now = env->rdtime(env->rdtime_opaque);
    if (now >= env->stimecmp) {
        timer_del(env->stimecmp_timer);
        if (!(__atomic_fetch_or(&env->mip, MIP_STIP, __ATOMIC_RELAXED) & MIP_STIP)) {
            cpu_exit(env_cpu(env));
        }
        return;
    }
    __atomic_fetch_and(&env->mip, ~MIP_STIP, __ATOMIC_RELAXED);
    /* Wake up when time reaches stimecmp (rounded up to whole nanoseconds). */
    uint64_t ticks = env->stimecmp - now;
    uint64_t freq = env->timebase_freq;
    uint64_t ns = ticks > UINT64_MAX / NANOSECONDS_PER_SECOND
                      ? UINT64_MAX / 2
                      : (ticks * NANOSECONDS_PER_SECOND + freq - 1) / freq;
    int64_t deadline = clock_get_ns(LEMU_CLOCK_VIRTUAL) + (int64_t)(ns > INT64_MAX / 2 ? INT64_MAX / 2 : ns);
    timer_mod(env->stimecmp_timer, deadline);
}

bool riscv_has_work(CPUState *cs)
{
    CPURISCVState *env = riscv_env(cs);
    /* wfi wakes on any pending enabled interrupt, even if globally masked. */
    return (__atomic_load_n(&env->mip, __ATOMIC_RELAXED) & env->mie) != 0;
}

int riscv_mmu_index(CPURISCVState *env, bool ifetch)
{
    uint64_t priv = env->priv;
    /* MPRV: M-mode loads and stores are translated and checked as MPP's. */
    if (!ifetch && priv == PRV_M && (env->mstatus & MSTATUS_MPRV)) {
        priv = (env->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    }
    switch (priv) {
    case PRV_U:
        return RISCV_MMU_IDX_U;
    case PRV_S:
        return !ifetch && (env->mstatus & MSTATUS_SUM) ? RISCV_MMU_IDX_S_SUM : RISCV_MMU_IDX_S;
    default:
        return RISCV_MMU_IDX_M;
    }
}

static int riscv_fault_cause(MMUAccessType type, bool page_fault)
{
    switch (type) {
    case MMU_INST_FETCH:
        return page_fault ? RISCV_EXCP_INST_PAGE_FAULT : RISCV_EXCP_INST_ACCESS_FAULT;
    case MMU_DATA_LOAD:
        return page_fault ? RISCV_EXCP_LOAD_PAGE_FAULT : RISCV_EXCP_LOAD_ACCESS_FAULT;
    default:
        return page_fault ? RISCV_EXCP_STORE_PAGE_FAULT : RISCV_EXCP_STORE_AMO_ACCESS_FAULT;
    }
}

/* What PMP lets this privilege do on the page of pa: the PAGE_* bits. */
static int riscv_pmp_prot(CPURISCVState *env, uint64_t pa, unsigned priv, bool *whole_page)
{
    static const struct {
        MMUAccessType type;
        int prot;
    } kinds[] = {
        { MMU_DATA_LOAD, PAGE_READ },
        { MMU_DATA_STORE, PAGE_WRITE },
        { MMU_INST_FETCH, PAGE_EXEC },
    };
    int prot = 0;
    for (unsigned i = 0; i < 3; i++) {
        bool whole;
        if (riscv_pmp_check(env, pa, 1, kinds[i].type, priv, &whole)) {
            prot |= kinds[i].prot;
        }
        *whole_page &= whole;
    }
    return prot;
}

bool riscv_tlb_fill(CPUState *cs, vaddr addr, int size, MMUAccessType type, int mmu_idx,
                    bool probe, uintptr_t ra)
{
    CPURISCVState *env = riscv_env(cs);
    uint64_t pa, page_size;
    int prot;
    RiscvTranslateResult r = riscv_mmu_translate(env, cs->as, addr, type, mmu_idx, &pa, &prot,
                                                 &page_size);
    if (r == RISCV_XLATE_OK) {
        unsigned priv = riscv_mmu_idx_priv(mmu_idx);
        bool whole = true;
        if (riscv_pmp_check(env, pa, size ? (unsigned)size : 1, type, priv, &whole)) {
            prot &= riscv_pmp_prot(env, pa, priv, &whole);
            /*
             * A PMP boundary inside the page: enter the translation for this
             * access only, so that others on the page are checked again.
             */
            tlb_set_page(cs, addr & TARGET_PAGE_MASK, pa & TARGET_PAGE_MASK,
                         MEMTXATTRS_UNSPECIFIED, prot, mmu_idx, whole ? page_size : 1);
            return true;
        }
        r = RISCV_XLATE_ACCESS_FAULT;
    }
    if (probe) {
        return false;
    }
    lemu_log_mask(CPU_LOG_MMU, "tlb_fill: %s fault at 0x%016" PRIx64 " (%s, mmu index %d)\n",
                  r == RISCV_XLATE_PAGE_FAULT ? "page" : "access", (uint64_t)addr,
                  type == MMU_INST_FETCH ? "fetch" : type == MMU_DATA_LOAD ? "load" : "store",
                  mmu_idx);
    riscv_raise_exception(env, riscv_fault_cause(type, r == RISCV_XLATE_PAGE_FAULT), addr, ra);
}

void riscv_do_transaction_failed(CPUState *cs, hwaddr pa, vaddr addr, unsigned size,
                                 MMUAccessType type, int mmu_idx, MemTxResult result,
                                 uintptr_t ra)
{
    (void)pa;
    (void)size;
    (void)mmu_idx;
    (void)result;
    riscv_raise_exception(riscv_env(cs), riscv_fault_cause(type, false), addr, ra);
}

void riscv_do_unaligned_access(CPUState *cs, vaddr addr, MMUAccessType type, int mmu_idx,
                               uintptr_t ra)
{
    (void)mmu_idx;
    int cause = type == MMU_INST_FETCH ? RISCV_EXCP_INST_ADDR_MIS
              : type == MMU_DATA_LOAD ? RISCV_EXCP_LOAD_ADDR_MIS
                                      : RISCV_EXCP_STORE_AMO_ADDR_MIS;
    riscv_raise_exception(riscv_env(cs), cause, addr, ra);
}
