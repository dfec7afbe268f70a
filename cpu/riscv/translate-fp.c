/*
 * cpu/riscv/translate-fp.c: the F and D extensions, RISC-V to tcg-lite IR.
 * Loads, stores, sign injection and fmv are bit moves done in IR; every
 * operation that rounds, raises flags or classifies calls a helper of
 * cpu/riscv/fpu_helper.c (see fpu_helper.h for their convention).
 *
 * The f registers are not tcg-lite globals: they are loaded from and stored
 * to env->fpr around each instruction, which keeps the helpers free of
 * globals (TCGL_CALL_NO_RWG).  The helpers read their f operands from
 * env->fpr themselves, found through the instruction word in their
 * descriptor: each argument of a call costs libffi time, and with env and
 * the descriptor only, an FP operation takes half the time.
 *
 * mstatus.FS comes with the block's flags (TB_FLAGS_FS_*): with FS = Off
 * every FP instruction is an illegal instruction, decided here; with FS
 * anything but Dirty an instruction that writes an f register also sets FS
 * to Dirty (and SD) at run time.  The block keeps its flags after that, so
 * later writes in it set Dirty again, harmlessly; the next lookup sees the
 * new state.  Helpers dirty FS themselves when they accrue flags.
 *
 * Rounding: a static rm of 5 or 6 is an illegal instruction, decided here;
 * rm 7 (dynamic) reads frm in the helper, which raises the trap for a
 * reserved frm.
 */
#include "config.h"

#include <stddef.h>

#include "cpu/riscv/fpu_helper.h"
#include "cpu/riscv/softfloat.h"
#include "cpu/riscv/translate.h"

#define FP_BOX_S INT64_C(-0x100000000)   /* upper 32 bits all ones */
#define FP_SIGN_S INT64_C(0x80000000)
#define FP_SIGN_D INT64_MIN

static unsigned fp_fs(const DisasContext *ctx)
{
    return (ctx->tb->flags & TB_FLAGS_FS_MASK) >> TB_FLAGS_FS_SHIFT;
}

static ptrdiff_t fpr_offset(unsigned r)
{
    return (ptrdiff_t)(offsetof(CPURISCVState, fpr) + r * sizeof(uint64_t));
}

static TCGLv_i64 get_fpr(unsigned r)
{
    TCGLv_i64 v = tcgl_temp_new_i64();
    tcgl_gen_ld_i64(v, fpr_offset(r));
    return v;
}

static void gen_mark_fs_dirty(DisasContext *ctx)
{
    if (fp_fs(ctx) == RISCV_FS_DIRTY) {
        return;
    }
    TCGLv_i64 ms = tcgl_temp_new_i64();
    tcgl_gen_ld_i64(ms, offsetof(CPURISCVState, mstatus));
    tcgl_gen_ori_i64(ms, ms, (int64_t)(MSTATUS_FS | MSTATUS64_SD));
    tcgl_gen_st_i64(ms, offsetof(CPURISCVState, mstatus));
}

/* Write f register r; the write makes the FP state Dirty. */
static void gen_set_fpr(DisasContext *ctx, unsigned r, TCGLv_i64 v)
{
    tcgl_gen_st_i64(v, fpr_offset(r));
    gen_mark_fs_dirty(ctx);
}

/* A single read from a register: its low half if NaN-boxed, else the canonical NaN. */
static TCGLv_i64 gen_unbox_s(TCGLv_i64 v)
{
    TCGLv_i64 hi = tcgl_temp_new_i64();
    TCGLv_i64 lo = tcgl_temp_new_i64();
    TCGLv_i64 r = tcgl_temp_new_i64();
    tcgl_gen_shri_i64(hi, v, 32);
    tcgl_gen_ext32u_i64(lo, v);
    tcgl_gen_movcond_i64(TCGL_COND_EQ, r, hi, tcgl_constant_i64(UINT32_MAX), lo,
                         tcgl_constant_i64(RISCV_F32_DEFAULT_NAN));
    return r;
}

/* Static rm 5 and 6 are reserved: illegal.  false when the trap was emitted. */
static bool check_rm(DisasContext *ctx)
{
    if (ctx->insn.rm == 5 || ctx->insn.rm == 6) {
        gen_illegal(ctx);
        return false;
    }
    return true;
}

static TCGLTemp *fp_desc_arg(DisasContext *ctx)
{
    return const_arg64(riscv_fp_desc(ctx->insn.rm, ctx->insn.raw));
}

/* ---- loads and stores (also c.fld, c.fsd, c.fldsp, c.fsdsp) -------------------- */

static void trans_fp_load(DisasContext *ctx, MemOp op)
{
    TCGLv_i64 addr = tcgl_temp_new_i64();
    TCGLv_i64 val = tcgl_temp_new_i64();
    tcgl_gen_addi_i64(addr, get_gpr(ctx->insn.rs1), ctx->insn.imm);
    tcgl_gen_qemu_ld_i64(val, addr, ctx->mem_idx, op);
    if (memop_size(op) == 4) {
        tcgl_gen_ori_i64(val, val, FP_BOX_S);
    }
    gen_set_fpr(ctx, ctx->insn.rd, val);
}

/* fsw stores the low 32 bits as they are, boxed or not. */
static void trans_fp_store(DisasContext *ctx, MemOp op)
{
    TCGLv_i64 addr = tcgl_temp_new_i64();
    tcgl_gen_addi_i64(addr, get_gpr(ctx->insn.rs1), ctx->insn.imm);
    tcgl_gen_qemu_st_i64(get_fpr(ctx->insn.rs2), addr, ctx->mem_idx, op);
}

/* ---- operations through helpers ---------------------------------------------------- */

/* fd = h(env, desc): add, sub, mul, div. */
static void trans_fp_arith(DisasContext *ctx, const TCGLHelperInfo *h)
{
    if (!check_rm(ctx)) {
        return;
    }
    TCGLv_i64 r = tcgl_temp_new_i64();
    gen_helper_call(h, tcgl_temp_i64(r), 2, tcgl_env(), fp_desc_arg(ctx));
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

/* fd = h(env, desc): the fused multiply-adds. */
static void trans_fp_muladd(DisasContext *ctx, const TCGLHelperInfo *h)
{
    if (!check_rm(ctx)) {
        return;
    }
    TCGLv_i64 r = tcgl_temp_new_i64();
    gen_helper_call(h, tcgl_temp_i64(r), 2, tcgl_env(), fp_desc_arg(ctx));
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

/* fd = h(env, desc): fsqrt, fcvt.s.d, fcvt.d.s. */
static void trans_fp_unary(DisasContext *ctx, const TCGLHelperInfo *h)
{
    if (!check_rm(ctx)) {
        return;
    }
    TCGLv_i64 r = tcgl_temp_new_i64();
    gen_helper_call(h, tcgl_temp_i64(r), 2, tcgl_env(), fp_desc_arg(ctx));
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

/* xd = h(env, desc): fcvt to an integer. */
static void trans_fp_to_int(DisasContext *ctx, const TCGLHelperInfo *h)
{
    if (!check_rm(ctx)) {
        return;
    }
    gen_helper_call(h, tcgl_temp_i64(dest_gpr(ctx->insn.rd)), 2, tcgl_env(), fp_desc_arg(ctx));
}

/* fd = h(env, xs1, desc): fcvt from an integer. */
static void trans_fp_from_int(DisasContext *ctx, const TCGLHelperInfo *h)
{
    if (!check_rm(ctx)) {
        return;
    }
    TCGLv_i64 r = tcgl_temp_new_i64();
    gen_helper_call(h, tcgl_temp_i64(r), 3, tcgl_env(), tcgl_temp_i64(get_gpr(ctx->insn.rs1)),
                    fp_desc_arg(ctx));
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

/* fd = h(env, desc): fmin, fmax. */
static void trans_fp_minmax(DisasContext *ctx, const TCGLHelperInfo *h)
{
    TCGLv_i64 r = tcgl_temp_new_i64();
    gen_helper_call(h, tcgl_temp_i64(r), 2, tcgl_env(), fp_desc_arg(ctx));
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

/* xd = h(env, desc): feq, flt, fle. */
static void trans_fp_compare(DisasContext *ctx, const TCGLHelperInfo *h)
{
    gen_helper_call(h, tcgl_temp_i64(dest_gpr(ctx->insn.rd)), 2, tcgl_env(), fp_desc_arg(ctx));
}

/* xd = h(fs1): fclass (pure: nothing happens for x0). */
static void trans_fp_class(DisasContext *ctx, const TCGLHelperInfo *h)
{
    if (ctx->insn.rd) {
        gen_helper_call(h, tcgl_temp_i64(cpu_gpr[ctx->insn.rd]), 1,
                        tcgl_temp_i64(get_fpr(ctx->insn.rs1)));
    }
}

/* ---- sign injection and moves: bit operations ------------------------------------- */

typedef enum FpSgnj { FP_SGNJ, FP_SGNJN, FP_SGNJX } FpSgnj;

/*
 * fsgnj.s / fsgnjn.s / fsgnjx.s: on the unboxed operands (a badly boxed
 * one reads as the canonical NaN), result boxed.
 */
static void trans_fsgnj_s(DisasContext *ctx, FpSgnj kind)
{
    TCGLv_i64 a = gen_unbox_s(get_fpr(ctx->insn.rs1));
    TCGLv_i64 b = gen_unbox_s(get_fpr(ctx->insn.rs2));
    TCGLv_i64 r = tcgl_temp_new_i64();
    switch (kind) {
    case FP_SGNJ:
        tcgl_gen_deposit_i64(r, b, a, 0, 31);
        break;
    case FP_SGNJN:
        tcgl_gen_not_i64(b, b);
        tcgl_gen_deposit_i64(r, b, a, 0, 31);
        break;
    case FP_SGNJX:
        tcgl_gen_andi_i64(b, b, FP_SIGN_S);
        tcgl_gen_xor_i64(r, a, b);
        break;
    }
    tcgl_gen_ori_i64(r, r, FP_BOX_S);
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

static void trans_fsgnj_d(DisasContext *ctx, FpSgnj kind)
{
    TCGLv_i64 a = get_fpr(ctx->insn.rs1);
    TCGLv_i64 b = get_fpr(ctx->insn.rs2);
    TCGLv_i64 r = tcgl_temp_new_i64();
    switch (kind) {
    case FP_SGNJ:
        tcgl_gen_deposit_i64(r, b, a, 0, 63);
        break;
    case FP_SGNJN:
        tcgl_gen_not_i64(b, b);
        tcgl_gen_deposit_i64(r, b, a, 0, 63);
        break;
    case FP_SGNJX:
        tcgl_gen_andi_i64(b, b, FP_SIGN_D);
        tcgl_gen_xor_i64(r, a, b);
        break;
    }
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

/* fmv.x.w: the low 32 bits sign-extended, boxed or not (no unboxing). */
static void trans_fmv_x_w(DisasContext *ctx)
{
    if (ctx->insn.rd) {
        tcgl_gen_ext32s_i64(cpu_gpr[ctx->insn.rd], get_fpr(ctx->insn.rs1));
    }
}

static void trans_fmv_w_x(DisasContext *ctx)
{
    TCGLv_i64 r = tcgl_temp_new_i64();
    tcgl_gen_ori_i64(r, get_gpr(ctx->insn.rs1), FP_BOX_S);
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

static void trans_fmv_x_d(DisasContext *ctx)
{
    if (ctx->insn.rd) {
        tcgl_gen_ld_i64(cpu_gpr[ctx->insn.rd], fpr_offset(ctx->insn.rs1));
    }
}

static void trans_fmv_d_x(DisasContext *ctx)
{
    TCGLv_i64 r = tcgl_temp_new_i64();
    tcgl_gen_mov_i64(r, get_gpr(ctx->insn.rs1));
    gen_set_fpr(ctx, ctx->insn.rd, r);
}

/* ---- dispatch ------------------------------------------------------------------------ */

/* The F and D blocks of decode-ops.h, each contiguous from its load to its last fmv. */
static bool is_fp_op(RiscvOp op)
{
    return (op >= RV_OP_FLW && op <= RV_OP_FMV_W_X) || (op >= RV_OP_FLD && op <= RV_OP_FMV_D_X);
}

bool riscv_trans_fp(DisasContext *ctx)
{
    RiscvOp op = ctx->insn.op;
    if (!is_fp_op(op)) {
        return false;
    }
    if (fp_fs(ctx) == RISCV_FS_OFF) {
        gen_illegal(ctx);
        return true;
    }
    switch (op) {
    case RV_OP_FLW: trans_fp_load(ctx, MO_LEUL); break;
    case RV_OP_FLD: trans_fp_load(ctx, MO_LEUQ); break;
    case RV_OP_FSW: trans_fp_store(ctx, MO_LEUL); break;
    case RV_OP_FSD: trans_fp_store(ctx, MO_LEUQ); break;

    case RV_OP_FADD_S: trans_fp_arith(ctx, riscv_helper_fadd_s); break;
    case RV_OP_FSUB_S: trans_fp_arith(ctx, riscv_helper_fsub_s); break;
    case RV_OP_FMUL_S: trans_fp_arith(ctx, riscv_helper_fmul_s); break;
    case RV_OP_FDIV_S: trans_fp_arith(ctx, riscv_helper_fdiv_s); break;
    case RV_OP_FADD_D: trans_fp_arith(ctx, riscv_helper_fadd_d); break;
    case RV_OP_FSUB_D: trans_fp_arith(ctx, riscv_helper_fsub_d); break;
    case RV_OP_FMUL_D: trans_fp_arith(ctx, riscv_helper_fmul_d); break;
    case RV_OP_FDIV_D: trans_fp_arith(ctx, riscv_helper_fdiv_d); break;
    case RV_OP_FSQRT_S: trans_fp_unary(ctx, riscv_helper_fsqrt_s); break;
    case RV_OP_FSQRT_D: trans_fp_unary(ctx, riscv_helper_fsqrt_d); break;

    case RV_OP_FMADD_S:
    case RV_OP_FMSUB_S:
    case RV_OP_FNMSUB_S:
    case RV_OP_FNMADD_S: trans_fp_muladd(ctx, riscv_helper_fmuladd_s); break;
    case RV_OP_FMADD_D:
    case RV_OP_FMSUB_D:
    case RV_OP_FNMSUB_D:
    case RV_OP_FNMADD_D: trans_fp_muladd(ctx, riscv_helper_fmuladd_d); break;

    case RV_OP_FSGNJ_S: trans_fsgnj_s(ctx, FP_SGNJ); break;
    case RV_OP_FSGNJN_S: trans_fsgnj_s(ctx, FP_SGNJN); break;
    case RV_OP_FSGNJX_S: trans_fsgnj_s(ctx, FP_SGNJX); break;
    case RV_OP_FSGNJ_D: trans_fsgnj_d(ctx, FP_SGNJ); break;
    case RV_OP_FSGNJN_D: trans_fsgnj_d(ctx, FP_SGNJN); break;
    case RV_OP_FSGNJX_D: trans_fsgnj_d(ctx, FP_SGNJX); break;

    case RV_OP_FMIN_S: trans_fp_minmax(ctx, riscv_helper_fmin_s); break;
    case RV_OP_FMAX_S: trans_fp_minmax(ctx, riscv_helper_fmax_s); break;
    case RV_OP_FMIN_D: trans_fp_minmax(ctx, riscv_helper_fmin_d); break;
    case RV_OP_FMAX_D: trans_fp_minmax(ctx, riscv_helper_fmax_d); break;

    case RV_OP_FEQ_S: trans_fp_compare(ctx, riscv_helper_feq_s); break;
    case RV_OP_FLT_S: trans_fp_compare(ctx, riscv_helper_flt_s); break;
    case RV_OP_FLE_S: trans_fp_compare(ctx, riscv_helper_fle_s); break;
    case RV_OP_FEQ_D: trans_fp_compare(ctx, riscv_helper_feq_d); break;
    case RV_OP_FLT_D: trans_fp_compare(ctx, riscv_helper_flt_d); break;
    case RV_OP_FLE_D: trans_fp_compare(ctx, riscv_helper_fle_d); break;
    case RV_OP_FCLASS_S: trans_fp_class(ctx, riscv_helper_fclass_s); break;
    case RV_OP_FCLASS_D: trans_fp_class(ctx, riscv_helper_fclass_d); break;

    case RV_OP_FCVT_W_S: trans_fp_to_int(ctx, riscv_helper_fcvt_w_s); break;
    case RV_OP_FCVT_WU_S: trans_fp_to_int(ctx, riscv_helper_fcvt_wu_s); break;
    case RV_OP_FCVT_L_S: trans_fp_to_int(ctx, riscv_helper_fcvt_l_s); break;
    case RV_OP_FCVT_LU_S: trans_fp_to_int(ctx, riscv_helper_fcvt_lu_s); break;
    case RV_OP_FCVT_W_D: trans_fp_to_int(ctx, riscv_helper_fcvt_w_d); break;
    case RV_OP_FCVT_WU_D: trans_fp_to_int(ctx, riscv_helper_fcvt_wu_d); break;
    case RV_OP_FCVT_L_D: trans_fp_to_int(ctx, riscv_helper_fcvt_l_d); break;
    case RV_OP_FCVT_LU_D: trans_fp_to_int(ctx, riscv_helper_fcvt_lu_d); break;
    case RV_OP_FCVT_S_W: trans_fp_from_int(ctx, riscv_helper_fcvt_s_w); break;
    case RV_OP_FCVT_S_WU: trans_fp_from_int(ctx, riscv_helper_fcvt_s_wu); break;
    case RV_OP_FCVT_S_L: trans_fp_from_int(ctx, riscv_helper_fcvt_s_l); break;
    case RV_OP_FCVT_S_LU: trans_fp_from_int(ctx, riscv_helper_fcvt_s_lu); break;
    case RV_OP_FCVT_D_W: trans_fp_from_int(ctx, riscv_helper_fcvt_d_w); break;
    case RV_OP_FCVT_D_WU: trans_fp_from_int(ctx, riscv_helper_fcvt_d_wu); break;
    case RV_OP_FCVT_D_L: trans_fp_from_int(ctx, riscv_helper_fcvt_d_l); break;
    case RV_OP_FCVT_D_LU: trans_fp_from_int(ctx, riscv_helper_fcvt_d_lu); break;
    case RV_OP_FCVT_S_D: trans_fp_unary(ctx, riscv_helper_fcvt_s_d); break;
    case RV_OP_FCVT_D_S: trans_fp_unary(ctx, riscv_helper_fcvt_d_s); break;

    case RV_OP_FMV_X_W: trans_fmv_x_w(ctx); break;
    case RV_OP_FMV_W_X: trans_fmv_w_x(ctx); break;
    case RV_OP_FMV_X_D: trans_fmv_x_d(ctx); break;
    case RV_OP_FMV_D_X: trans_fmv_d_x(ctx); break;

    default:
        return false;
    }
    return true;
}
