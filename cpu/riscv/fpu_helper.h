/*
 * cpu/riscv/fpu_helper.h: the run-time helpers of the F and D extensions
 * (cpu/riscv/fpu_helper.c) that translate-fp.c calls, and the Zbc
 * carry-less multiplies that translate-bitmanip.c calls.
 *
 * Calling convention of the FP helpers: env and a descriptor built by
 * riscv_fp_desc(): the rm field of the instruction (0..4, or 7 for frm)
 * and the instruction word, which names the f register operands (rs1,
 * rs2, rs3: the helper reads them from env->fpr, as stored, so singles
 * arrive NaN-boxed or not and the helper unboxes them) and is the trap
 * value when dynamic rounding finds frm holding a reserved mode.  The
 * conversions from an integer take the whole x register as an argument
 * before the descriptor.  Results are returned raw (single results boxed,
 * 32-bit integer results sign-extended); the caller writes them.  Flags raised are ORed into fflags,
 * which also marks mstatus.FS Dirty.  No FP helper reads or writes a
 * tcg-lite global (TCGL_CALL_NO_RWG).
 */
#ifndef RISCV_FPU_HELPER_H
#define RISCV_FPU_HELPER_H

#include <stdint.h>

#include "lemu/tcgl.h"

/* The descriptor argument of a rounding helper. */
static inline int64_t riscv_fp_desc(unsigned rm, uint32_t insn)
{
    return (int64_t)(((uint64_t)insn << 32) | (rm & 7));
}

/* i64 op(env, i64 desc): add, sub, mul, div. */
extern const TCGLHelperInfo *riscv_helper_fadd_s, *riscv_helper_fsub_s;
extern const TCGLHelperInfo *riscv_helper_fmul_s, *riscv_helper_fdiv_s;
extern const TCGLHelperInfo *riscv_helper_fadd_d, *riscv_helper_fsub_d;
extern const TCGLHelperInfo *riscv_helper_fmul_d, *riscv_helper_fdiv_d;
/*
 * i64 op(env, i64 desc): the four fused multiply-adds; which one is in
 * bits 3:2 of the instruction word (the opcode).
 */
extern const TCGLHelperInfo *riscv_helper_fmuladd_s, *riscv_helper_fmuladd_d;
/*
 * i64 op(env, i64 desc): square root and the fcvt from an f register;
 * i64 op(env, i64 x, i64 desc): the fcvt from an integer (.s.w ... .d.lu).
 */
extern const TCGLHelperInfo *riscv_helper_fsqrt_s, *riscv_helper_fsqrt_d;
extern const TCGLHelperInfo *riscv_helper_fcvt_w_s, *riscv_helper_fcvt_wu_s;
extern const TCGLHelperInfo *riscv_helper_fcvt_l_s, *riscv_helper_fcvt_lu_s;
extern const TCGLHelperInfo *riscv_helper_fcvt_w_d, *riscv_helper_fcvt_wu_d;
extern const TCGLHelperInfo *riscv_helper_fcvt_l_d, *riscv_helper_fcvt_lu_d;
extern const TCGLHelperInfo *riscv_helper_fcvt_s_w, *riscv_helper_fcvt_s_wu;
extern const TCGLHelperInfo *riscv_helper_fcvt_s_l, *riscv_helper_fcvt_s_lu;
extern const TCGLHelperInfo *riscv_helper_fcvt_d_w, *riscv_helper_fcvt_d_wu;
extern const TCGLHelperInfo *riscv_helper_fcvt_d_l, *riscv_helper_fcvt_d_lu;
extern const TCGLHelperInfo *riscv_helper_fcvt_s_d, *riscv_helper_fcvt_d_s;
/* i64 op(env, i64 desc): min/max, compares (result 0 or 1). */
extern const TCGLHelperInfo *riscv_helper_fmin_s, *riscv_helper_fmax_s;
extern const TCGLHelperInfo *riscv_helper_fmin_d, *riscv_helper_fmax_d;
extern const TCGLHelperInfo *riscv_helper_feq_s, *riscv_helper_flt_s, *riscv_helper_fle_s;
extern const TCGLHelperInfo *riscv_helper_feq_d, *riscv_helper_flt_d, *riscv_helper_fle_d;
/* i64 fclass(i64 a): pure. */
extern const TCGLHelperInfo *riscv_helper_fclass_s, *riscv_helper_fclass_d;

/* i64 op(i64 a, i64 b): clmul, clmulh, clmulr (Zbc); pure. */
extern const TCGLHelperInfo *riscv_helper_clmul, *riscv_helper_clmulh, *riscv_helper_clmulr;

/* Register the helpers above (once, before the first translation). */
void riscv_fpu_helpers_register(void);

#endif
