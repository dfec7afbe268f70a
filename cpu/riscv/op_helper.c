/*
 * cpu/riscv/op_helper.c: the run-time helpers of translated RISC-V code:
 * exceptions, CSR accesses, mret, wfi, store-conditional and AMOs.  Each
 * receives the guest state (env) and finds the faulting instruction for a
 * precise trap through tcgl_getpc().
 */
#include "config.h"
#include <inttypes.h>

#include "cpu/riscv/cpu.h"
#include "cpu/riscv/helper.h"
#include "lemu/log.h"

const TCGLHelperInfo *riscv_helper_raise_exception;
const TCGLHelperInfo *riscv_helper_raise_exception_dyn;
const TCGLHelperInfo *riscv_helper_fetch_fault;
const TCGLHelperInfo *riscv_helper_csrrw;
const TCGLHelperInfo *riscv_helper_mret;
const TCGLHelperInfo *riscv_helper_sret;
const TCGLHelperInfo *riscv_helper_sfence_vma;
const TCGLHelperInfo *riscv_helper_wfi;
const TCGLHelperInfo *riscv_helper_sc;
const TCGLHelperInfo *riscv_helper_amo;

static void helper_raise_exception(CPURISCVState *env, int32_t cause, int64_t tval)
{
    riscv_raise_exception(env, cause, (uint64_t)tval, tcgl_getpc());
}

static void helper_fetch_fault(CPURISCVState *env, int64_t addr)
{
    CPUState *cs = env_cpu(env);
    const uint8_t *host;
    size_t avail;
    cpu_restore_state(cs, tcgl_getpc());
    /* Raises the instruction page or access fault, with tval = addr. */
    tlb_get_code(cs, (uint64_t)addr, &host, &avail);
    tb_phys_invalidate(tcgl_exec_tb);
    cpu_loop_exit(cs);
}

static int64_t helper_csrrw(CPURISCVState *env, int32_t desc, int64_t wval, int64_t wmask,
                            int32_t insn)
{
    unsigned csrno = (uint32_t)desc & 0xfff;
    bool writes = (uint32_t)desc & RISCV_CSR_DESC_WRITE;
    CPUState *cs = env_cpu(env);
    unsigned pending = (uint32_t)desc >> RISCV_CSR_DESC_PENDING_SHIFT;
    uint64_t old = 0;

    /* Make the counters exact for this instruction: count what went before. */
    cs->insn_count += pending;
    int r = riscv_csr_rmw(env, csrno, &old, (uint64_t)wval, writes ? (uint64_t)wmask : 0);
    if (r < 0 || (writes && (csrno >> 10) == 3)) {
        cs->insn_count -= pending;   /* the restore below counts them again */
        riscv_raise_exception(env, RISCV_EXCP_ILLEGAL_INST, (uint32_t)insn, tcgl_getpc());
    }
    /* The block's exit adds pending + 1 for this instruction and those before it. */
    cs->insn_count -= pending;
    return (int64_t)old;
}

static void helper_mret(CPURISCVState *env, int32_t insn)
{
    (void)insn;
    uint64_t ms = env->mstatus;
    unsigned mpp = (ms & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    env->pc = env->mepc;
    ms = (ms & ~MSTATUS_MIE) | ((ms & MSTATUS_MPIE) ? MSTATUS_MIE : 0);
    ms |= MSTATUS_MPIE;
    /* MPP becomes the least-privileged mode supported: U. */
    ms &= ~MSTATUS_MPP;
    if (mpp != PRV_M) {
        ms &= ~MSTATUS_MPRV;
    }
    env->mstatus = ms;
    env->priv = mpp;
    /* A trap return ends any reservation, as a trap does (QEMU and Spike agree). */
    env->load_res = UINT64_MAX;
}

static void helper_sret(CPURISCVState *env, int32_t insn)
{
    if (env->priv == PRV_S && (env->mstatus & MSTATUS_TSR)) {
        riscv_raise_exception(env, RISCV_EXCP_ILLEGAL_INST, (uint32_t)insn, tcgl_getpc());
    }
    uint64_t ms = env->mstatus;
    unsigned spp = (ms & MSTATUS_SPP) ? PRV_S : PRV_U;
    env->pc = env->sepc;
    ms = (ms & ~MSTATUS_SIE) | ((ms & MSTATUS_SPIE) ? MSTATUS_SIE : 0);
    ms |= MSTATUS_SPIE;
    ms &= ~MSTATUS_SPP;
    /* Returning to a mode below M clears MPRV (privileged spec 1.12). */
    ms &= ~MSTATUS_MPRV;
    env->mstatus = ms;
    env->priv = spp;
    env->load_res = UINT64_MAX;
}

static void helper_wfi(CPURISCVState *env, int32_t insn)
{
    CPUState *cs = env_cpu(env);
    if (env->priv == PRV_S && (env->mstatus & MSTATUS_TW)) {
        riscv_raise_exception(env, RISCV_EXCP_ILLEGAL_INST, (uint32_t)insn, tcgl_getpc());
    }
    if (!riscv_has_work(cs)) {
        cs->halted = true;
    } else if (first_cpu && first_cpu->next_cpu) {
        /*
         * An interrupt is pending and enabled in mie but masked globally, so
         * wfi does not sleep and the guest polls around it (OpenSBI parks
         * its harts this way).  wfi is a hint that the hart may be
         * descheduled: give the rest of the slice to the other harts instead
         * of spinning through it.
         */
        cs->exit_request = 1;
    }
}

/*
 * sfence.vma rs1, rs2.  The TLB keeps no ASIDs: a write to satp that
 * changes it flushes the TLB, so every entry was made under the current
 * satp and its ASID.  A fence for another ASID has nothing to flush (its
 * non-global entries cannot be here, and global ones are exempt); a fence
 * for the current ASID flushes as much as one with rs2 = x0 (global
 * entries included, which the spec allows).  An address flushes that page
 * in every S/U index (superpages through the TLB's large-page tracking).
 * Under -d mmu each fence says what it flushed.
 */
static void helper_sfence_vma(CPURISCVState *env, int64_t addr, int64_t asid, int32_t insn)
{
    CPUState *cs = env_cpu(env);
    unsigned rs1 = ((uint32_t)insn >> 15) & 31, rs2 = ((uint32_t)insn >> 20) & 31;
    if (env->priv == PRV_S && (env->mstatus & MSTATUS_TVM)) {
        riscv_raise_exception(env, RISCV_EXCP_ILLEGAL_INST, (uint32_t)insn, tcgl_getpc());
    }
    uint64_t cur = (env->satp >> 44) & 0xffff;
    if (rs2 && ((uint64_t)asid & 0xffff) != cur) {
        lemu_log_mask(CPU_LOG_MMU,
                      "sfence.vma: asid 0x%" PRIx64 " is not the current 0x%" PRIx64
                      ": nothing to flush\n", (uint64_t)asid & 0xffff, cur);
        return;
    }
    uint16_t idxmap = (1u << RISCV_MMU_IDX_U) | (1u << RISCV_MMU_IDX_S) |
                      (1u << RISCV_MMU_IDX_S_SUM);
    if (rs1 == 0) {
        lemu_log_mask(CPU_LOG_MMU, "sfence.vma: flush all S/U entries\n");
        tlb_flush_by_mmuidx(cs, idxmap);
    } else {
        lemu_log_mask(CPU_LOG_MMU, "sfence.vma: flush the page of 0x%016" PRIx64 "\n",
                      (uint64_t)addr);
        tlb_flush_page_by_mmuidx(cs, (uint64_t)addr, idxmap);
    }
}

static uint64_t riscv_extend(uint64_t v, MemOp op)
{
    switch (op & (MO_SIZE | MO_SIGN)) {
    case MO_SL:
        return (uint64_t)(int64_t)(int32_t)v;
    case MO_UL:
        return (uint32_t)v;
    default:
        return v;
    }
}

static int64_t helper_sc(CPURISCVState *env, int64_t addr, int64_t val, int32_t desc)
{
    MemOp op = (MemOp)(desc & 0xff);
    unsigned mmu_idx = ((uint32_t)desc >> 8) & 0xff;
    unsigned rd = ((uint32_t)desc >> 16) & 31;
    uintptr_t ra = tcgl_getpc();
    CPUState *cs = env_cpu(env);
    unsigned size = memop_size(op);

    if ((uint64_t)addr & (size - 1)) {
        riscv_raise_exception(env, RISCV_EXCP_STORE_AMO_ADDR_MIS, (uint64_t)addr, ra);
    }
    uint64_t res = env->load_res;
    env->load_res = UINT64_MAX;
    if (res != (uint64_t)addr) {
        return 1;
    }
    /*
     * Like QEMU, succeed only if memory still holds what LR read: the
     * reservation set is the value (a store of a different value to it
     * between LR and SC makes SC fail).
     */
    tlb_probe_access(cs, (uint64_t)addr, size, MMU_DATA_STORE, mmu_idx, ra);
    uint64_t cur = cpu_ld_mmu_rmw(cs, (uint64_t)addr, make_memop_idx(op, mmu_idx), ra);
    if (riscv_extend(cur, op) != env->load_val) {
        return 1;
    }
    bool rewrote_block = cpu_st_mmu_rmw(cs, (uint64_t)addr, (uint64_t)val,
                                        make_memop_idx(op & ~MO_SIGN, mmu_idx), ra);
    if (rewrote_block) {
        /* The store changed this very block: finish the instruction, then leave. */
        if (rd) {
            env->gpr[rd] = 0;
        }
        cpu_loop_exit_after_insn(cs, ra);
    }
    return 0;
}

static int64_t helper_amo(CPURISCVState *env, int64_t addr, int64_t val, int32_t desc)
{
    unsigned amo = (uint32_t)desc & 0xff;
    MemOp op = (MemOp)(((uint32_t)desc >> 8) & 0xff);
    unsigned mmu_idx = ((uint32_t)desc >> 16) & 0xff;
    unsigned rd = ((uint32_t)desc >> 24) & 31;
    uintptr_t ra = tcgl_getpc();
    CPUState *cs = env_cpu(env);
    unsigned size = memop_size(op);

    if ((uint64_t)addr & (size - 1)) {
        riscv_raise_exception(env, RISCV_EXCP_STORE_AMO_ADDR_MIS, (uint64_t)addr, ra);
    }
    /* An AMO that cannot store faults as a store, before reading anything. */
    tlb_probe_access(cs, (uint64_t)addr, size, MMU_DATA_STORE, mmu_idx, ra);
    uint64_t old = riscv_extend(cpu_ld_mmu_rmw(cs, (uint64_t)addr, make_memop_idx(op, mmu_idx), ra),
                                op);
    uint64_t b = riscv_extend((uint64_t)val, op);
    /* Unsigned comparisons look at the operand width only. */
    uint64_t width_mask = size == 4 ? UINT32_MAX : UINT64_MAX;
    uint64_t uo = old & width_mask, ub = b & width_mask;
    uint64_t n;
    switch (amo) {
    case RISCV_AMO_SWAP: n = b; break;
    case RISCV_AMO_ADD: n = old + b; break;
    case RISCV_AMO_XOR: n = old ^ b; break;
    case RISCV_AMO_AND: n = old & b; break;
    case RISCV_AMO_OR: n = old | b; break;
    case RISCV_AMO_MIN: n = (int64_t)old < (int64_t)b ? old : b; break;
    case RISCV_AMO_MAX: n = (int64_t)old > (int64_t)b ? old : b; break;
    case RISCV_AMO_MINU: n = uo < ub ? old : b; break;
    default: /* RISCV_AMO_MAXU */ n = uo > ub ? old : b; break;
    }
    if (cpu_st_mmu_rmw(cs, (uint64_t)addr, n, make_memop_idx(op & ~MO_SIGN, mmu_idx), ra)) {
        /* The store changed this very block: finish the instruction, then leave. */
        if (rd) {
            env->gpr[rd] = old;
        }
        cpu_loop_exit_after_insn(cs, ra);
    }
    return (int64_t)old;
}

static const TCGLHelperInfo *reg(const char *name, void *fn, unsigned flags, TCGLHelperType ret,
                                 unsigned nargs, TCGLHelperType a0, TCGLHelperType a1,
                                 TCGLHelperType a2, TCGLHelperType a3, TCGLHelperType a4)
{
    const TCGLHelperType args[5] = { a0, a1, a2, a3, a4 };
    return tcgl_helper_register(name, fn, flags, ret, nargs, args);
}

void riscv_helpers_register(void)
{
    const TCGLHelperType P = TCGL_HT_PTR, I32 = TCGL_HT_I32, I64 = TCGL_HT_I64,
                         V = TCGL_HT_VOID;
    riscv_helper_raise_exception =
        reg("raise_exception", (void *)helper_raise_exception, 0, V, 3, P, I32, I64, V, V);
    riscv_helper_raise_exception_dyn =
        reg("raise_exception_dyn", (void *)helper_raise_exception, 0, V, 3, P, I32, I64, V, V);
    riscv_helper_fetch_fault =
        reg("fetch_fault", (void *)helper_fetch_fault, 0, V, 2, P, I64, V, V, V);
    riscv_helper_csrrw = reg("csrrw", (void *)helper_csrrw, 0, I64, 5, P, I32, I64, I64, I32);
    riscv_helper_mret = reg("mret", (void *)helper_mret, 0, V, 2, P, I32, V, V, V);
    riscv_helper_sret = reg("sret", (void *)helper_sret, 0, V, 2, P, I32, V, V, V);
    riscv_helper_wfi = reg("wfi", (void *)helper_wfi, 0, V, 2, P, I32, V, V, V);
    riscv_helper_sfence_vma =
        reg("sfence_vma", (void *)helper_sfence_vma, 0, V, 4, P, I64, I64, I32, V);
    riscv_helper_sc = reg("sc", (void *)helper_sc, 0, I64, 4, P, I64, I64, I32, V);
    riscv_helper_amo = reg("amo", (void *)helper_amo, 0, I64, 4, P, I64, I64, I32, V);
}
