/*
 * cpu/riscv/translate.c: RISC-V guest code to tcg-lite IR, one block at a
 * time.  One trans_* function per instruction family; searching for an
 * operation name (RV_OP_ADDI) finds the code that implements it.
 *
 * Block structure: a TB starts with the exit check (insn_count >=
 * insn_stop -> back to the loop, which uses it for time slices and
 * cpu_exit), then one insn_start per guest instruction.  A TB ends at a
 * jump or branch, at an instruction that changes translation state (CSR
 * writes, mret, fence.i, wfi), at the end of the guest page, or after
 * max_insns.
 *
 * Retired-instruction count (minstret) is exact without counting every
 * instruction at run time: each exit path adds the number of instructions
 * it retired, statically known; an exception in the middle of a block adds
 * the instructions before the faulting one (insn_start word 1, see
 * riscv_restore_state); CSR helpers that read or write the counters get the
 * same number as an argument.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cpu/riscv/cpu.h"
#include "cpu/riscv/fpu_helper.h"
#include "cpu/riscv/helper.h"
#include "cpu/riscv/translate.h"
#include "lemu/log.h"

/* Longest block: bounds the per-TB tables and the latency of exit checks. */
#define RISCV_MAX_TB_INSNS 512

TCGLv_i64 cpu_gpr[32];
TCGLv_i64 cpu_pc;
TCGLv_i64 cpu_insn_count;
TCGLv_i64 cpu_insn_stop;
TCGLv_i64 cpu_load_res;
TCGLv_i64 cpu_load_val;

static const char *const gpr_global_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
    "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5",
    "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

void riscv_translate_init(void)
{
    static bool done;
    if (done) {
        return;
    }
    done = true;
    for (int i = 1; i < 32; i++) {
        cpu_gpr[i] = tcgl_global_i64(offsetof(CPURISCVState, gpr[i]), gpr_global_names[i]);
    }
    cpu_pc = tcgl_global_i64(offsetof(CPURISCVState, pc), "pc");
    cpu_load_res = tcgl_global_i64(offsetof(CPURISCVState, load_res), "load_res");
    cpu_load_val = tcgl_global_i64(offsetof(CPURISCVState, load_val), "load_val");
    cpu_insn_count = tcgl_global_i64(CPU_NEG_OFFSET(insn_count), "insn_count");
    cpu_insn_stop = tcgl_global_i64(CPU_NEG_OFFSET(insn_stop), "insn_stop");
    riscv_helpers_register();
    riscv_fpu_helpers_register();
}


static bool use_goto_tb(DisasContext *ctx, uint64_t dest)
{
    /* Chain only within the page the block started on: its mapping is the block's. */
    return !ctx->nochain &&
           ((dest ^ ctx->pc_first) & TARGET_PAGE_MASK) == 0;
}

/* Leave the block towards a static target, chained through slot n if possible. */
static void gen_goto_tb(DisasContext *ctx, unsigned n, uint64_t dest)
{
    gen_count_retired(ctx, ctx->pending + 1);
    if (use_goto_tb(ctx, dest)) {
        tcgl_gen_goto_tb(n);
        tcgl_gen_movi_i64(cpu_pc, (int64_t)dest);
        tcgl_gen_exit_tb(ctx->tb, n);
    } else {
        tcgl_gen_movi_i64(cpu_pc, (int64_t)dest);
        if (ctx->nochain) {
            tcgl_gen_exit_tb(NULL, 0);
        } else {
            tcgl_gen_lookup_and_goto_ptr();
        }
    }
}

/* Leave the block towards the (dynamic) pc already stored. */
static void gen_goto_dynamic(DisasContext *ctx)
{
    gen_count_retired(ctx, ctx->pending + 1);
    if (ctx->nochain) {
        tcgl_gen_exit_tb(NULL, 0);
    } else {
        tcgl_gen_lookup_and_goto_ptr();
    }
}

static bool check_target_alignment(DisasContext *ctx, uint64_t target)
{
    if (!(ctx->ext & RV_EXT_C) && (target & 2)) {
        gen_exception(ctx, RISCV_EXCP_INST_ADDR_MIS, target);
        return false;
    }
    return true;
}

/* ---- small helpers ------------------------------------------------------------ */

TCGLv_i64 get_gpr(unsigned r)
{
    return r ? cpu_gpr[r] : tcgl_constant_i64(0);
}

/* Where to put a result: x0 results go to a scratch temp and vanish. */
TCGLv_i64 dest_gpr(unsigned r)
{
    return r ? cpu_gpr[r] : tcgl_temp_new_i64();
}

void gen_set_gpr(unsigned r, TCGLv_i64 v)
{
    if (r) {
        tcgl_gen_mov_i64(cpu_gpr[r], v);
    }
}

/* The instructions retired on leaving the block after the current one. */
void gen_count_retired(DisasContext *ctx, unsigned n)
{
    if (n) {
        tcgl_gen_addi_i64(cpu_insn_count, cpu_insn_count, n);
    }
}

void gen_helper_call(const TCGLHelperInfo *h, TCGLTemp *ret, unsigned nargs, ...)
{
    TCGLTemp *args[TCGL_MAX_HELPER_ARGS];
    va_list ap;
    va_start(ap, nargs);
    for (unsigned i = 0; i < nargs; i++) {
        args[i] = va_arg(ap, TCGLTemp *);
    }
    va_end(ap);
    tcgl_gen_call(h, ret, args);
}

TCGLTemp *const_arg32(int32_t v)
{
    return tcgl_temp_i32(tcgl_constant_i32(v));
}

TCGLTemp *const_arg64(int64_t v)
{
    return tcgl_temp_i64(tcgl_constant_i64(v));
}

/* Raise an exception at the current instruction (ends the block). */
void gen_exception(DisasContext *ctx, int cause, uint64_t tval)
{
    gen_helper_call(riscv_helper_raise_exception, NULL, 3, tcgl_env(), const_arg32(cause),
                    const_arg64((int64_t)tval));
    ctx->is_jmp = DISAS_NORETURN;
}

void gen_illegal(DisasContext *ctx)
{
    gen_exception(ctx, RISCV_EXCP_ILLEGAL_INST, ctx->insn.raw);
}

/* ---- RV64I ------------------------------------------------------------------- */

static void trans_lui(DisasContext *ctx)
{
    if (ctx->insn.rd) {
        tcgl_gen_movi_i64(cpu_gpr[ctx->insn.rd], ctx->insn.imm);
    }
}

static void trans_auipc(DisasContext *ctx)
{
    if (ctx->insn.rd) {
        tcgl_gen_movi_i64(cpu_gpr[ctx->insn.rd], (int64_t)(ctx->pc + (uint64_t)ctx->insn.imm));
    }
}

static void trans_jal(DisasContext *ctx)
{
    uint64_t target = ctx->pc + (uint64_t)ctx->insn.imm;
    if (!check_target_alignment(ctx, target)) {
        return;
    }
    if (ctx->insn.rd) {
        tcgl_gen_movi_i64(cpu_gpr[ctx->insn.rd], (int64_t)ctx->pc_next);
    }
    gen_goto_tb(ctx, 0, target);
    ctx->is_jmp = DISAS_NORETURN;
}

static void trans_jalr(DisasContext *ctx)
{
    TCGLv_i64 target = tcgl_temp_new_i64();
    tcgl_gen_addi_i64(target, get_gpr(ctx->insn.rs1), ctx->insn.imm);
    tcgl_gen_andi_i64(target, target, ~(int64_t)1);
    if (!(ctx->ext & RV_EXT_C)) {
        TCGLLabel *ok = tcgl_label_new();
        TCGLv_i64 bit = tcgl_temp_new_i64();
        tcgl_gen_andi_i64(bit, target, 2);
        tcgl_gen_brcondi_i64(TCGL_COND_EQ, bit, 0, ok);
        gen_helper_call(riscv_helper_raise_exception_dyn, NULL, 3, tcgl_env(),
                        const_arg32(RISCV_EXCP_INST_ADDR_MIS), tcgl_temp_i64(target));
        tcgl_set_label(ok);
    }
    if (ctx->insn.rd) {
        tcgl_gen_movi_i64(cpu_gpr[ctx->insn.rd], (int64_t)ctx->pc_next);
    }
    tcgl_gen_mov_i64(cpu_pc, target);
    gen_goto_dynamic(ctx);
    ctx->is_jmp = DISAS_NORETURN;
}

static void trans_branch(DisasContext *ctx, TCGLCond cond)
{
    uint64_t target = ctx->pc + (uint64_t)ctx->insn.imm;
    TCGLLabel *taken = tcgl_label_new();
    tcgl_gen_brcond_i64(cond, get_gpr(ctx->insn.rs1), get_gpr(ctx->insn.rs2), taken);
    gen_goto_tb(ctx, 0, ctx->pc_next);
    tcgl_set_label(taken);
    if (!(ctx->ext & RV_EXT_C) && (target & 2)) {
        gen_exception(ctx, RISCV_EXCP_INST_ADDR_MIS, target);
    } else {
        gen_goto_tb(ctx, 1, target);
    }
    ctx->is_jmp = DISAS_NORETURN;
}

static void trans_load(DisasContext *ctx, MemOp op)
{
    TCGLv_i64 addr = tcgl_temp_new_i64();
    tcgl_gen_addi_i64(addr, get_gpr(ctx->insn.rs1), ctx->insn.imm);
    tcgl_gen_qemu_ld_i64(dest_gpr(ctx->insn.rd), addr, ctx->mem_idx, op);
}

static void trans_store(DisasContext *ctx, MemOp op)
{
    TCGLv_i64 addr = tcgl_temp_new_i64();
    tcgl_gen_addi_i64(addr, get_gpr(ctx->insn.rs1), ctx->insn.imm);
    tcgl_gen_qemu_st_i64(get_gpr(ctx->insn.rs2), addr, ctx->mem_idx, op);
}

typedef void GenArithI(TCGLv_i64, TCGLv_i64, int64_t);
typedef void GenArith(TCGLv_i64, TCGLv_i64, TCGLv_i64);
typedef void GenShiftI(TCGLv_i64, TCGLv_i64, unsigned);

static void trans_arith_imm(DisasContext *ctx, GenArithI *fn, bool word)
{
    if (!ctx->insn.rd) {
        return;    /* hints and nops */
    }
    TCGLv_i64 rd = cpu_gpr[ctx->insn.rd];
    if (word && ctx->insn.imm == 0) {
        /* addiw rd, rs, 0 (sext.w): one extension, no add. */
        tcgl_gen_ext32s_i64(rd, get_gpr(ctx->insn.rs1));
        return;
    }
    fn(rd, get_gpr(ctx->insn.rs1), ctx->insn.imm);
    if (word) {
        tcgl_gen_ext32s_i64(rd, rd);
    }
}

static void trans_arith(DisasContext *ctx, GenArith *fn, bool word)
{
    if (!ctx->insn.rd) {
        return;
    }
    TCGLv_i64 rd = cpu_gpr[ctx->insn.rd];
    fn(rd, get_gpr(ctx->insn.rs1), get_gpr(ctx->insn.rs2));
    if (word) {
        tcgl_gen_ext32s_i64(rd, rd);
    }
}

static void trans_shift_imm(DisasContext *ctx, GenShiftI *fn)
{
    if (ctx->insn.rd) {
        fn(cpu_gpr[ctx->insn.rd], get_gpr(ctx->insn.rs1), (unsigned)ctx->insn.imm & 63);
    }
}

/* slliw/srliw/sraiw: shift the low word, sign-extend the 32-bit result. */
static void trans_shift_imm_w(DisasContext *ctx, RiscvOp op)
{
    if (!ctx->insn.rd) {
        return;
    }
    TCGLv_i64 rd = cpu_gpr[ctx->insn.rd];
    unsigned sh = (unsigned)ctx->insn.imm & 31;
    TCGLv_i64 src = get_gpr(ctx->insn.rs1);
    switch (op) {
    case RV_OP_SLLIW:
        tcgl_gen_shli_i64(rd, src, sh);
        break;
    case RV_OP_SRLIW:
        tcgl_gen_ext32u_i64(rd, src);
        tcgl_gen_shri_i64(rd, rd, sh);
        /* Shifted right by at least one, the word is below 2^31: already extended. */
        if (sh) {
            return;
        }
        break;
    default: /* RV_OP_SRAIW */
        /* An arithmetic shift of the sign-extended word stays sign-extended. */
        tcgl_gen_ext32s_i64(rd, src);
        tcgl_gen_sari_i64(rd, rd, sh);
        return;
    }
    tcgl_gen_ext32s_i64(rd, rd);
}

/* sll/srl/sra (mask 63) and sllw/srlw/sraw (mask 31 on the low word). */
static void trans_shift(DisasContext *ctx, RiscvOp op)
{
    if (!ctx->insn.rd) {
        return;
    }
    TCGLv_i64 rd = cpu_gpr[ctx->insn.rd];
    TCGLv_i64 src = get_gpr(ctx->insn.rs1);
    TCGLv_i64 sh = tcgl_temp_new_i64();
    bool word = op == RV_OP_SLLW || op == RV_OP_SRLW || op == RV_OP_SRAW;
    tcgl_gen_andi_i64(sh, get_gpr(ctx->insn.rs2), word ? 31 : 63);
    TCGLv_i64 val = tcgl_temp_new_i64();
    switch (op) {
    case RV_OP_SLL:
    case RV_OP_SLLW:
        tcgl_gen_shl_i64(val, src, sh);
        break;
    case RV_OP_SRL:
        tcgl_gen_shr_i64(val, src, sh);
        break;
    case RV_OP_SRLW:
        tcgl_gen_ext32u_i64(val, src);
        tcgl_gen_shr_i64(val, val, sh);
        break;
    case RV_OP_SRA:
        tcgl_gen_sar_i64(val, src, sh);
        break;
    default: /* RV_OP_SRAW */
        tcgl_gen_ext32s_i64(val, src);
        tcgl_gen_sar_i64(val, val, sh);
        break;
    }
    if (word) {
        tcgl_gen_ext32s_i64(val, val);
    }
    tcgl_gen_mov_i64(rd, val);
}

static void trans_setcond(DisasContext *ctx, TCGLCond cond, bool imm)
{
    if (!ctx->insn.rd) {
        return;
    }
    if (imm) {
        tcgl_gen_setcondi_i64(cond, cpu_gpr[ctx->insn.rd], get_gpr(ctx->insn.rs1),
                              ctx->insn.imm);
    } else {
        tcgl_gen_setcond_i64(cond, cpu_gpr[ctx->insn.rd], get_gpr(ctx->insn.rs1),
                             get_gpr(ctx->insn.rs2));
    }
}

/* ---- M ---------------------------------------------------------------------- */

/* mulhsu: high part of signed(a) * unsigned(b) = mulhu(a, b) - (a < 0 ? b : 0). */
static void gen_mulhsu(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    TCGLv_i64 hi = tcgl_temp_new_i64();
    TCGLv_i64 fix = tcgl_temp_new_i64();
    tcgl_gen_muluh_i64(hi, a, b);
    tcgl_gen_sari_i64(fix, a, 63);
    tcgl_gen_and_i64(fix, fix, b);
    tcgl_gen_sub_i64(ret, hi, fix);
}

/*
 * Word division: the operands sign- (or zero-) extended from 32 bits; the
 * 64-bit ops' defined results for x/0 and overflow then give RISC-V's.
 */
static void trans_divw(DisasContext *ctx, GenArith *fn, bool is_unsigned)
{
    if (!ctx->insn.rd) {
        return;
    }
    TCGLv_i64 a = tcgl_temp_new_i64();
    TCGLv_i64 b = tcgl_temp_new_i64();
    if (is_unsigned) {
        tcgl_gen_ext32u_i64(a, get_gpr(ctx->insn.rs1));
        tcgl_gen_ext32u_i64(b, get_gpr(ctx->insn.rs2));
    } else {
        tcgl_gen_ext32s_i64(a, get_gpr(ctx->insn.rs1));
        tcgl_gen_ext32s_i64(b, get_gpr(ctx->insn.rs2));
    }
    fn(cpu_gpr[ctx->insn.rd], a, b);
    tcgl_gen_ext32s_i64(cpu_gpr[ctx->insn.rd], cpu_gpr[ctx->insn.rd]);
}

/* ---- A ---------------------------------------------------------------------- */

static void trans_lr(DisasContext *ctx, MemOp op)
{
    TCGLv_i64 addr = tcgl_temp_new_i64();
    TCGLv_i64 val = tcgl_temp_new_i64();
    tcgl_gen_mov_i64(addr, get_gpr(ctx->insn.rs1));
    tcgl_gen_qemu_ld_i64(val, addr, ctx->mem_idx, op | MO_ALIGN);
    tcgl_gen_mov_i64(cpu_load_res, addr);
    tcgl_gen_mov_i64(cpu_load_val, val);
    gen_set_gpr(ctx->insn.rd, val);
}

static void trans_sc(DisasContext *ctx, MemOp op)
{
    TCGLv_i64 res = tcgl_temp_new_i64();
    gen_helper_call(riscv_helper_sc, tcgl_temp_i64(res), 4, tcgl_env(),
                    tcgl_temp_i64(get_gpr(ctx->insn.rs1)), tcgl_temp_i64(get_gpr(ctx->insn.rs2)),
                    const_arg32(riscv_sc_desc(op, ctx->mem_idx, ctx->insn.rd)));
    gen_set_gpr(ctx->insn.rd, res);
}

static void trans_amo(DisasContext *ctx, unsigned amo_op, MemOp op)
{
    TCGLv_i64 res = tcgl_temp_new_i64();
    gen_helper_call(riscv_helper_amo, tcgl_temp_i64(res), 4, tcgl_env(),
                    tcgl_temp_i64(get_gpr(ctx->insn.rs1)), tcgl_temp_i64(get_gpr(ctx->insn.rs2)),
                    const_arg32(riscv_amo_desc(amo_op, op, ctx->mem_idx, ctx->insn.rd)));
    gen_set_gpr(ctx->insn.rd, res);
}

/* ---- Zicsr, system ------------------------------------------------------------ */

/*
 * csrrw/csrrs/csrrc and immediate forms.  rd = x0 on csrrw skips the read
 * (and its side effects); rs1 = x0 (or zimm 0) on csrrs/csrrc skips the
 * write (so reading a read-only CSR that way is legal).
 */
static void trans_csr(DisasContext *ctx, RiscvOp op)
{
    const RiscvInsn *in = &ctx->insn;
    bool imm = op == RV_OP_CSRRWI || op == RV_OP_CSRRSI || op == RV_OP_CSRRCI;
    bool is_rw = op == RV_OP_CSRRW || op == RV_OP_CSRRWI;
    bool is_set = op == RV_OP_CSRRS || op == RV_OP_CSRRSI;
    TCGLv_i64 src = imm ? tcgl_constant_i64(in->imm & 31) : get_gpr(in->rs1);
    bool writes = is_rw || (imm ? (in->imm & 31) != 0 : in->rs1 != 0);
    bool reads = !is_rw || in->rd != 0;

    /* wval/wmask: csrrw writes all bits; csrrs sets src bits; csrrc clears them. */
    TCGLv_i64 wval, wmask;
    if (is_rw) {
        wval = src;
        wmask = tcgl_constant_i64(-1);
    } else if (is_set) {
        wval = tcgl_constant_i64(-1);
        wmask = src;
    } else {
        wval = tcgl_constant_i64(0);
        wmask = src;
    }
    uint32_t desc = riscv_csr_desc(in->csr, writes, reads, ctx->pending);
    TCGLv_i64 old = tcgl_temp_new_i64();
    gen_helper_call(riscv_helper_csrrw, tcgl_temp_i64(old), 5, tcgl_env(), const_arg32(desc),
                    tcgl_temp_i64(wval), tcgl_temp_i64(wmask), const_arg32((int32_t)in->raw));
    if (reads) {
        gen_set_gpr(in->rd, old);
    }
    /* A CSR write may enable interrupts or change translation state. */
    if (writes) {
        ctx->is_jmp = DISAS_EXIT;
    }
}

static void trans_system(DisasContext *ctx, RiscvOp op)
{
    switch (op) {
    case RV_OP_ECALL:
        gen_exception(ctx, RISCV_EXCP_U_ECALL + ctx->priv, 0);
        break;
    case RV_OP_EBREAK:
        gen_exception(ctx, RISCV_EXCP_BREAKPOINT, ctx->pc);
        break;
    case RV_OP_MRET:
    case RV_OP_SRET:
        if (ctx->priv < (op == RV_OP_MRET ? PRV_M : PRV_S)) {
            gen_illegal(ctx);
            break;
        }
        /* The helper checks mstatus.TSR for sret and may raise illegal. */
        gen_helper_call(op == RV_OP_MRET ? riscv_helper_mret : riscv_helper_sret, NULL, 2,
                        tcgl_env(), const_arg32((int32_t)ctx->insn.raw));
        gen_count_retired(ctx, ctx->pending + 1);
        tcgl_gen_exit_tb(NULL, 0);
        ctx->is_jmp = DISAS_NORETURN;
        break;
    case RV_OP_WFI:
        if (ctx->priv == PRV_U) {
            gen_illegal(ctx);
            break;
        }
        /* The helper checks mstatus.TW (S-mode) and may raise illegal. */
        gen_helper_call(riscv_helper_wfi, NULL, 2, tcgl_env(),
                        const_arg32((int32_t)ctx->insn.raw));
        gen_count_retired(ctx, ctx->pending + 1);
        tcgl_gen_movi_i64(cpu_pc, (int64_t)ctx->pc_next);
        tcgl_gen_exit_tb(NULL, 0);
        ctx->is_jmp = DISAS_NORETURN;
        break;
    case RV_OP_SFENCE_VMA:
        if (ctx->priv < PRV_S) {
            gen_illegal(ctx);
            break;
        }
        /* The helper checks mstatus.TVM; translations change: leave the block. */
        gen_helper_call(riscv_helper_sfence_vma, NULL, 4, tcgl_env(),
                        tcgl_temp_i64(get_gpr(ctx->insn.rs1)),
                        tcgl_temp_i64(get_gpr(ctx->insn.rs2)), const_arg32((int32_t)ctx->insn.raw));
        ctx->is_jmp = DISAS_EXIT;
        break;
    default:
        gen_illegal(ctx);
        break;
    }
}

/* ---- dispatch ------------------------------------------------------------------ */

static void translate_insn(DisasContext *ctx)
{
    const RiscvInsn *in = &ctx->insn;
    switch (in->op) {
    case RV_OP_LUI: trans_lui(ctx); break;
    case RV_OP_AUIPC: trans_auipc(ctx); break;
    case RV_OP_JAL: trans_jal(ctx); break;
    case RV_OP_JALR: trans_jalr(ctx); break;
    case RV_OP_BEQ: trans_branch(ctx, TCGL_COND_EQ); break;
    case RV_OP_BNE: trans_branch(ctx, TCGL_COND_NE); break;
    case RV_OP_BLT: trans_branch(ctx, TCGL_COND_LT); break;
    case RV_OP_BGE: trans_branch(ctx, TCGL_COND_GE); break;
    case RV_OP_BLTU: trans_branch(ctx, TCGL_COND_LTU); break;
    case RV_OP_BGEU: trans_branch(ctx, TCGL_COND_GEU); break;

    case RV_OP_LB: trans_load(ctx, MO_SB); break;
    case RV_OP_LH: trans_load(ctx, MO_LESW); break;
    case RV_OP_LW: trans_load(ctx, MO_LESL); break;
    case RV_OP_LD: trans_load(ctx, MO_LEUQ); break;
    case RV_OP_LBU: trans_load(ctx, MO_UB); break;
    case RV_OP_LHU: trans_load(ctx, MO_LEUW); break;
    case RV_OP_LWU: trans_load(ctx, MO_LEUL); break;
    case RV_OP_SB: trans_store(ctx, MO_UB); break;
    case RV_OP_SH: trans_store(ctx, MO_LEUW); break;
    case RV_OP_SW: trans_store(ctx, MO_LEUL); break;
    case RV_OP_SD: trans_store(ctx, MO_LEUQ); break;

    case RV_OP_ADDI: trans_arith_imm(ctx, tcgl_gen_addi_i64, false); break;
    case RV_OP_ADDIW: trans_arith_imm(ctx, tcgl_gen_addi_i64, true); break;
    case RV_OP_XORI: trans_arith_imm(ctx, tcgl_gen_xori_i64, false); break;
    case RV_OP_ORI: trans_arith_imm(ctx, tcgl_gen_ori_i64, false); break;
    case RV_OP_ANDI: trans_arith_imm(ctx, tcgl_gen_andi_i64, false); break;
    case RV_OP_SLTI: trans_setcond(ctx, TCGL_COND_LT, true); break;
    case RV_OP_SLTIU: trans_setcond(ctx, TCGL_COND_LTU, true); break;
    case RV_OP_SLLI: trans_shift_imm(ctx, tcgl_gen_shli_i64); break;
    case RV_OP_SRLI: trans_shift_imm(ctx, tcgl_gen_shri_i64); break;
    case RV_OP_SRAI: trans_shift_imm(ctx, tcgl_gen_sari_i64); break;
    case RV_OP_SLLIW:
    case RV_OP_SRLIW:
    case RV_OP_SRAIW: trans_shift_imm_w(ctx, in->op); break;

    case RV_OP_ADD: trans_arith(ctx, tcgl_gen_add_i64, false); break;
    case RV_OP_SUB: trans_arith(ctx, tcgl_gen_sub_i64, false); break;
    case RV_OP_ADDW: trans_arith(ctx, tcgl_gen_add_i64, true); break;
    case RV_OP_SUBW: trans_arith(ctx, tcgl_gen_sub_i64, true); break;
    case RV_OP_XOR: trans_arith(ctx, tcgl_gen_xor_i64, false); break;
    case RV_OP_OR: trans_arith(ctx, tcgl_gen_or_i64, false); break;
    case RV_OP_AND: trans_arith(ctx, tcgl_gen_and_i64, false); break;
    case RV_OP_SLT: trans_setcond(ctx, TCGL_COND_LT, false); break;
    case RV_OP_SLTU: trans_setcond(ctx, TCGL_COND_LTU, false); break;
    case RV_OP_SLL:
    case RV_OP_SRL:
    case RV_OP_SRA:
    case RV_OP_SLLW:
    case RV_OP_SRLW:
    case RV_OP_SRAW: trans_shift(ctx, in->op); break;

    case RV_OP_MUL: trans_arith(ctx, tcgl_gen_mul_i64, false); break;
    case RV_OP_MULH: trans_arith(ctx, tcgl_gen_mulsh_i64, false); break;
    case RV_OP_MULHU: trans_arith(ctx, tcgl_gen_muluh_i64, false); break;
    case RV_OP_MULHSU: trans_arith(ctx, gen_mulhsu, false); break;
    case RV_OP_MULW: trans_arith(ctx, tcgl_gen_mul_i64, true); break;
    case RV_OP_DIV: trans_arith(ctx, tcgl_gen_div_i64, false); break;
    case RV_OP_DIVU: trans_arith(ctx, tcgl_gen_divu_i64, false); break;
    case RV_OP_REM: trans_arith(ctx, tcgl_gen_rem_i64, false); break;
    case RV_OP_REMU: trans_arith(ctx, tcgl_gen_remu_i64, false); break;
    case RV_OP_DIVW: trans_divw(ctx, tcgl_gen_div_i64, false); break;
    case RV_OP_DIVUW: trans_divw(ctx, tcgl_gen_divu_i64, true); break;
    case RV_OP_REMW: trans_divw(ctx, tcgl_gen_rem_i64, false); break;
    case RV_OP_REMUW: trans_divw(ctx, tcgl_gen_remu_i64, true); break;

    case RV_OP_LR_W: trans_lr(ctx, MO_LESL); break;
    case RV_OP_LR_D: trans_lr(ctx, MO_LEUQ); break;
    case RV_OP_SC_W: trans_sc(ctx, MO_LESL); break;
    case RV_OP_SC_D: trans_sc(ctx, MO_LEUQ); break;
    case RV_OP_AMOSWAP_W: trans_amo(ctx, RISCV_AMO_SWAP, MO_LESL); break;
    case RV_OP_AMOADD_W: trans_amo(ctx, RISCV_AMO_ADD, MO_LESL); break;
    case RV_OP_AMOXOR_W: trans_amo(ctx, RISCV_AMO_XOR, MO_LESL); break;
    case RV_OP_AMOAND_W: trans_amo(ctx, RISCV_AMO_AND, MO_LESL); break;
    case RV_OP_AMOOR_W: trans_amo(ctx, RISCV_AMO_OR, MO_LESL); break;
    case RV_OP_AMOMIN_W: trans_amo(ctx, RISCV_AMO_MIN, MO_LESL); break;
    case RV_OP_AMOMAX_W: trans_amo(ctx, RISCV_AMO_MAX, MO_LESL); break;
    case RV_OP_AMOMINU_W: trans_amo(ctx, RISCV_AMO_MINU, MO_LESL); break;
    case RV_OP_AMOMAXU_W: trans_amo(ctx, RISCV_AMO_MAXU, MO_LESL); break;
    case RV_OP_AMOSWAP_D: trans_amo(ctx, RISCV_AMO_SWAP, MO_LEUQ); break;
    case RV_OP_AMOADD_D: trans_amo(ctx, RISCV_AMO_ADD, MO_LEUQ); break;
    case RV_OP_AMOXOR_D: trans_amo(ctx, RISCV_AMO_XOR, MO_LEUQ); break;
    case RV_OP_AMOAND_D: trans_amo(ctx, RISCV_AMO_AND, MO_LEUQ); break;
    case RV_OP_AMOOR_D: trans_amo(ctx, RISCV_AMO_OR, MO_LEUQ); break;
    case RV_OP_AMOMIN_D: trans_amo(ctx, RISCV_AMO_MIN, MO_LEUQ); break;
    case RV_OP_AMOMAX_D: trans_amo(ctx, RISCV_AMO_MAX, MO_LEUQ); break;
    case RV_OP_AMOMINU_D: trans_amo(ctx, RISCV_AMO_MINU, MO_LEUQ); break;
    case RV_OP_AMOMAXU_D: trans_amo(ctx, RISCV_AMO_MAXU, MO_LEUQ); break;

    case RV_OP_FENCE:
        break;   /* one hart, in-order memory: nothing to order */
    case RV_OP_FENCE_I:
        /*
         * Stores to translated code already invalidated it (DIRTY_MEMORY_CODE);
         * ending the block makes the next instruction come from a fresh lookup.
         */
        ctx->is_jmp = DISAS_EXIT;
        break;

    case RV_OP_CSRRW:
    case RV_OP_CSRRS:
    case RV_OP_CSRRC:
    case RV_OP_CSRRWI:
    case RV_OP_CSRRSI:
    case RV_OP_CSRRCI: trans_csr(ctx, in->op); break;

    case RV_OP_ECALL:
    case RV_OP_EBREAK:
    case RV_OP_MRET:
    case RV_OP_SRET:
    case RV_OP_WFI:
    case RV_OP_SFENCE_VMA: trans_system(ctx, in->op); break;

    default:
        if (!riscv_trans_fp(ctx) && !riscv_trans_bitmanip(ctx)) {
            gen_illegal(ctx);
        }
        break;
    }
}

/* ---- the block ------------------------------------------------------------------ */

typedef enum FetchResult {
    FETCH_OK,
    FETCH_STOP,    /* end the block before this instruction */
    FETCH_FAULT,   /* its second half is not executable: raise the fault */
} FetchResult;

/*
 * Fetch the instruction at ctx->pc into ctx->insn.  Only the block's first
 * instruction may straddle a page boundary: its second half comes from the
 * next page, which the block then spans, and nothing follows it.
 */
static FetchResult fetch_insn(DisasContext *ctx, const uint8_t *page_host, size_t page_avail,
                              uint64_t page_pc, uint64_t *fault_addr)
{
    size_t off = ctx->pc - page_pc;
    if (off + 2 > page_avail) {
        return FETCH_STOP;
    }
    uint16_t lo;
    memcpy(&lo, page_host + off, 2);
    uint32_t raw = lo;
    unsigned len = riscv_insn_length(lo);
    if (len == 4) {
        uint16_t hi;
        if (off + 4 <= page_avail) {
            memcpy(&hi, page_host + off + 2, 2);
        } else {
            if (ctx->pc != ctx->pc_first) {
                return FETCH_STOP;
            }
            const uint8_t *host2;
            size_t avail2;
            uint64_t pc2 = ctx->pc + 2;
            ram_addr_t ra2 = tlb_get_code_probe(ctx->cs, pc2, &host2, &avail2);
            if (ra2 == RAM_ADDR_INVALID || avail2 < 2) {
                *fault_addr = pc2;
                return FETCH_FAULT;
            }
            memcpy(&hi, host2, 2);
            if ((ra2 & TARGET_PAGE_MASK) != (ctx->tb->page_addr[0] & TARGET_PAGE_MASK)) {
                ctx->tb->page_addr[1] = ra2 & TARGET_PAGE_MASK;
            }
        }
        raw |= (uint32_t)hi << 16;
    }
    riscv_decode(raw, ctx->xlen, ctx->ext, &ctx->insn);
    ctx->insn.raw = raw;
    ctx->insn.len = len;
    return FETCH_OK;
}

void riscv_translate(CPUState *cs, TranslationBlock *tb, unsigned max_insns)
{
    CPURISCVState *env = riscv_env(cs);
    DisasContext ctx = {
        .cs = cs,
        .env = env,
        .tb = tb,
        .pc_first = tb->pc,
        .pc = tb->pc,
        .priv = tb->flags & TB_FLAGS_PRIV_MASK,
        .ext = env->ext,
        .xlen = env->xlen,
        .nochain = (tb->cflags & CF_NO_GOTO_TB) != 0,
        .is_jmp = DISAS_NEXT,
    };
    ctx.mem_idx = (tb->flags & TB_FLAGS_MEM_IDX_MASK) >> TB_FLAGS_MEM_IDX_SHIFT;
    if (max_insns == 0 || max_insns > RISCV_MAX_TB_INSNS) {
        max_insns = RISCV_MAX_TB_INSNS;
    }

    const uint8_t *host;
    size_t avail;
    /* The caller fetched this page already (it cannot fault here). */
    tlb_get_code(cs, tb->pc, &host, &avail);
    uint64_t page_pc = tb->pc;

    tcgl_func_start();
    ctx.exit_label = tcgl_label_new();
    tcgl_gen_brcond_i64(TCGL_COND_GEU, cpu_insn_count, cpu_insn_stop, ctx.exit_label);

    unsigned n = 0;
    while (ctx.is_jmp == DISAS_NEXT) {
        uint64_t fault_addr = 0;
        FetchResult fr = fetch_insn(&ctx, host, avail, page_pc, &fault_addr);
        if (fr == FETCH_STOP) {
            ctx.is_jmp = DISAS_TOO_MANY;
            ctx.pending--;
            break;
        }
        tcgl_gen_insn_start(ctx.pc, ctx.pending);
        n++;
        if (fr == FETCH_FAULT) {
            /*
             * Which fault (page or access), or none once the page is
             * mapped, is decided when the block runs.
             */
            ctx.pc_next = ctx.pc + 2;
            gen_helper_call(riscv_helper_fetch_fault, NULL, 2, tcgl_env(),
                            const_arg64((int64_t)fault_addr));
            ctx.is_jmp = DISAS_NORETURN;
            break;
        }
        ctx.pc_next = ctx.pc + ctx.insn.len;
        translate_insn(&ctx);
        if (ctx.is_jmp != DISAS_NEXT) {
            break;
        }
        ctx.pending++;
        ctx.pc = ctx.pc_next;
        if (n >= max_insns || ((ctx.pc ^ ctx.pc_first) & TARGET_PAGE_MASK) ||
            tb->page_addr[1] != TB_PAGE_ADDR_INVALID) {
            ctx.is_jmp = DISAS_TOO_MANY;
            ctx.pending--;
        }
    }

    switch (ctx.is_jmp) {
    case DISAS_TOO_MANY:
        /* Fell off the end: ctx.pc is the instruction after the last one. */
        gen_goto_tb(&ctx, 0, ctx.pc);
        break;
    case DISAS_EXIT:
        gen_count_retired(&ctx, ctx.pending + 1);
        tcgl_gen_movi_i64(cpu_pc, (int64_t)ctx.pc_next);
        tcgl_gen_exit_tb(NULL, 0);
        break;
    default:
        break;
    }
    tcgl_set_label(ctx.exit_label);
    tcgl_gen_exit_tb(tb, TB_EXIT_REQUESTED);
    tcgl_func_end();

    tb->icount = n;
    uint64_t end = ctx.is_jmp == DISAS_TOO_MANY ? ctx.pc : ctx.pc_next;
    tb->size = (uint32_t)(end - tb->pc);
}
