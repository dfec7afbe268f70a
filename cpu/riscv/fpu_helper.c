/*
 * cpu/riscv/fpu_helper.c: the run-time helpers of the F and D extensions,
 * and the carry-less multiplies of Zbc (the one bit-manipulation family
 * that tcg-lite has no IR op for).  The arithmetic is cpu/riscv/softfloat.c;
 * what is RISC-V here is around it: resolving the dynamic rounding mode
 * (with the illegal-instruction trap for a reserved frm), NaN-boxing, the
 * sign extension of 32-bit integer results, and accruing fflags, which
 * marks mstatus.FS Dirty.  The calling convention is in fpu_helper.h.
 */
#include "config.h"

#include "cpu/riscv/cpu.h"
#include "cpu/riscv/fpu_helper.h"
#include "cpu/riscv/softfloat.h"

const TCGLHelperInfo *riscv_helper_fadd_s, *riscv_helper_fsub_s;
const TCGLHelperInfo *riscv_helper_fmul_s, *riscv_helper_fdiv_s;
const TCGLHelperInfo *riscv_helper_fadd_d, *riscv_helper_fsub_d;
const TCGLHelperInfo *riscv_helper_fmul_d, *riscv_helper_fdiv_d;
const TCGLHelperInfo *riscv_helper_fmuladd_s, *riscv_helper_fmuladd_d;
const TCGLHelperInfo *riscv_helper_fsqrt_s, *riscv_helper_fsqrt_d;
const TCGLHelperInfo *riscv_helper_fcvt_w_s, *riscv_helper_fcvt_wu_s;
const TCGLHelperInfo *riscv_helper_fcvt_l_s, *riscv_helper_fcvt_lu_s;
const TCGLHelperInfo *riscv_helper_fcvt_w_d, *riscv_helper_fcvt_wu_d;
const TCGLHelperInfo *riscv_helper_fcvt_l_d, *riscv_helper_fcvt_lu_d;
const TCGLHelperInfo *riscv_helper_fcvt_s_w, *riscv_helper_fcvt_s_wu;
const TCGLHelperInfo *riscv_helper_fcvt_s_l, *riscv_helper_fcvt_s_lu;
const TCGLHelperInfo *riscv_helper_fcvt_d_w, *riscv_helper_fcvt_d_wu;
const TCGLHelperInfo *riscv_helper_fcvt_d_l, *riscv_helper_fcvt_d_lu;
const TCGLHelperInfo *riscv_helper_fcvt_s_d, *riscv_helper_fcvt_d_s;
const TCGLHelperInfo *riscv_helper_fmin_s, *riscv_helper_fmax_s;
const TCGLHelperInfo *riscv_helper_fmin_d, *riscv_helper_fmax_d;
const TCGLHelperInfo *riscv_helper_feq_s, *riscv_helper_flt_s, *riscv_helper_fle_s;
const TCGLHelperInfo *riscv_helper_feq_d, *riscv_helper_flt_d, *riscv_helper_fle_d;
const TCGLHelperInfo *riscv_helper_fclass_s, *riscv_helper_fclass_d;
const TCGLHelperInfo *riscv_helper_clmul, *riscv_helper_clmulh, *riscv_helper_clmulr;

/* ---- conventions shared by every helper ------------------------------------- */

/* A single in a 64-bit register: valid only NaN-boxed (upper half all ones). */
static uint32_t fp_unbox_s(int64_t v)
{
    return ((uint64_t)v >> 32) == UINT32_MAX ? (uint32_t)v : RISCV_F32_DEFAULT_NAN;
}

static int64_t fp_box_s(uint32_t v)
{
    return (int64_t)(UINT64_C(0xffffffff00000000) | v);
}

/* fcvt.w[u].*: the 32-bit result is sign-extended to XLEN, unsigned included. */
static int64_t fp_sext32(uint32_t v)
{
    return (int64_t)(int32_t)v;
}

/*
 * The f register operands of the instruction described by desc, read from
 * env->fpr here rather than passed: every argument of a helper call costs
 * libffi time, and the operands are in the instruction word anyway.
 */
static uint64_t fp_rs1(const CPURISCVState *env, int64_t desc)
{
    return env->fpr[((uint64_t)desc >> (32 + 15)) & 31];
}

static uint64_t fp_rs2(const CPURISCVState *env, int64_t desc)
{
    return env->fpr[((uint64_t)desc >> (32 + 20)) & 31];
}

static uint64_t fp_rs3(const CPURISCVState *env, int64_t desc)
{
    return env->fpr[((uint64_t)desc >> (32 + 27)) & 31];
}

/*
 * The rounding mode of the instruction described by desc: its rm field, or
 * frm for 7.  A reserved mode (frm 5..7 here; rm 5/6 never get this far,
 * the translator rejects them) is an illegal instruction, raised precisely.
 */
static RiscvFloatStatus fp_status(CPURISCVState *env, int64_t desc)
{
    unsigned rm = (unsigned)desc & 7;
    if (rm == RISCV_RM_DYN) {
        rm = env->frm;
    }
    if (rm > RISCV_RM_RMM) {
        riscv_raise_exception(env, RISCV_EXCP_ILLEGAL_INST, (uint32_t)((uint64_t)desc >> 32),
                              tcgl_getpc());
    }
    return (RiscvFloatStatus){ .rm = (uint8_t)rm, .flags = 0 };
}

/* For the operations that never round: the mode does not matter. */
static RiscvFloatStatus fp_status_exact(void)
{
    return (RiscvFloatStatus){ .rm = RISCV_RM_RNE, .flags = 0 };
}

/* Accrue the flags an operation raised; changing fflags dirties the FP state. */
static void fp_accrue(CPURISCVState *env, const RiscvFloatStatus *st)
{
    if (st->flags) {
        env->fflags |= st->flags;
        env->mstatus |= MSTATUS_FS | MSTATUS64_SD;
    }
}

/* ---- arithmetic ------------------------------------------------------------------ */

static int64_t helper_fadd_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = f32_add(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fsub_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = f32_sub(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fmul_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = f32_mul(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fdiv_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = f32_div(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fsqrt_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = f32_sqrt(fp_unbox_s(a), &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

/*
 * Opcode bits 3:2 say which multiply-add: 00 fmadd, 01 fmsub (negated
 * addend), 10 fnmsub (negated product), 11 fnmadd (both negated).
 */
static int64_t helper_fmuladd_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc), c = fp_rs3(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    unsigned which = (unsigned)((uint64_t)desc >> 34) & 3;
    uint32_t r = f32_muladd(fp_unbox_s(a), fp_unbox_s(b), fp_unbox_s(c), which & 2, which & 1,
                            &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fadd_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = f64_add((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fsub_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = f64_sub((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fmul_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = f64_mul((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fdiv_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = f64_div((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fsqrt_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = f64_sqrt((uint64_t)a, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fmuladd_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc), c = fp_rs3(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    unsigned which = (unsigned)((uint64_t)desc >> 34) & 3;
    uint64_t r = f64_muladd((uint64_t)a, (uint64_t)b, (uint64_t)c, which & 2, which & 1, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

/* ---- min/max, compares, fclass (never round) ----------------------------------- */

static int64_t helper_fmin_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    uint32_t r = f32_min(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fmax_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    uint32_t r = f32_max(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fmin_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    uint64_t r = f64_min((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fmax_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    uint64_t r = f64_max((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_feq_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    int r = f32_eq(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_flt_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    int r = f32_lt(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_fle_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    int r = f32_le(fp_unbox_s(a), fp_unbox_s(b), &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_feq_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    int r = f64_eq((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_flt_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    int r = f64_lt((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_fle_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc);
    RiscvFloatStatus st = fp_status_exact();
    int r = f64_le((uint64_t)a, (uint64_t)b, &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_fclass_s(int64_t a)
{
    return f32_classify(fp_unbox_s(a));
}

static int64_t helper_fclass_d(int64_t a)
{
    return f64_classify((uint64_t)a);
}

/* ---- conversions ----------------------------------------------------------------- */

static int64_t helper_fcvt_w_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    int32_t r = f32_to_i32(fp_unbox_s(a), &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_fcvt_wu_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = f32_to_u32(fp_unbox_s(a), &st);
    fp_accrue(env, &st);
    return fp_sext32(r);
}

static int64_t helper_fcvt_l_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    int64_t r = f32_to_i64(fp_unbox_s(a), &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_fcvt_lu_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = f32_to_u64(fp_unbox_s(a), &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fcvt_w_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    int32_t r = f64_to_i32((uint64_t)a, &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_fcvt_wu_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = f64_to_u32((uint64_t)a, &st);
    fp_accrue(env, &st);
    return fp_sext32(r);
}

static int64_t helper_fcvt_l_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    int64_t r = f64_to_i64((uint64_t)a, &st);
    fp_accrue(env, &st);
    return r;
}

static int64_t helper_fcvt_lu_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = f64_to_u64((uint64_t)a, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

/* Integer sources: the low word of the x register for .w/.wu, all of it for .l/.lu. */
static int64_t helper_fcvt_s_w(CPURISCVState *env, int64_t a, int64_t desc)
{
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = i32_to_f32((int32_t)a, &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fcvt_s_wu(CPURISCVState *env, int64_t a, int64_t desc)
{
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = u32_to_f32((uint32_t)a, &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fcvt_s_l(CPURISCVState *env, int64_t a, int64_t desc)
{
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = i64_to_f32(a, &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fcvt_s_lu(CPURISCVState *env, int64_t a, int64_t desc)
{
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = u64_to_f32((uint64_t)a, &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fcvt_d_w(CPURISCVState *env, int64_t a, int64_t desc)
{
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = i32_to_f64((int32_t)a, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fcvt_d_wu(CPURISCVState *env, int64_t a, int64_t desc)
{
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = u32_to_f64((uint32_t)a, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fcvt_d_l(CPURISCVState *env, int64_t a, int64_t desc)
{
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = i64_to_f64(a, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fcvt_d_lu(CPURISCVState *env, int64_t a, int64_t desc)
{
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = u64_to_f64((uint64_t)a, &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

static int64_t helper_fcvt_s_d(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint32_t r = f64_to_f32((uint64_t)a, &st);
    fp_accrue(env, &st);
    return fp_box_s(r);
}

static int64_t helper_fcvt_d_s(CPURISCVState *env, int64_t desc)
{
    uint64_t a = fp_rs1(env, desc);
    RiscvFloatStatus st = fp_status(env, desc);
    uint64_t r = f32_to_f64(fp_unbox_s(a), &st);
    fp_accrue(env, &st);
    return (int64_t)r;
}

/* ---- Zbc: carry-less multiplication ------------------------------------------ */

/*
 * The 128-bit carry-less product of a and b: bit i of b selects a << i.
 * clmul is its low half, clmulh its high half, clmulr bits 126:63.
 */
static void clmul128(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi)
{
    uint64_t l = 0, h = 0;
    for (unsigned i = 0; i < 64; i++) {
        if ((b >> i) & 1) {
            l ^= a << i;
            h ^= i ? a >> (64 - i) : 0;
        }
    }
    *lo = l;
    *hi = h;
}

static int64_t helper_clmul(int64_t a, int64_t b)
{
    uint64_t lo, hi;
    clmul128((uint64_t)a, (uint64_t)b, &lo, &hi);
    return (int64_t)lo;
}

static int64_t helper_clmulh(int64_t a, int64_t b)
{
    uint64_t lo, hi;
    clmul128((uint64_t)a, (uint64_t)b, &lo, &hi);
    return (int64_t)hi;
}

static int64_t helper_clmulr(int64_t a, int64_t b)
{
    uint64_t lo, hi;
    clmul128((uint64_t)a, (uint64_t)b, &lo, &hi);
    return (int64_t)((hi << 1) | (lo >> 63));
}

/* ---- registration ---------------------------------------------------------------- */

static const TCGLHelperInfo *reg(const char *name, void *fn, unsigned flags, unsigned nargs,
                                 TCGLHelperType a0, TCGLHelperType a1, TCGLHelperType a2,
                                 TCGLHelperType a3, TCGLHelperType a4)
{
    const TCGLHelperType args[5] = { a0, a1, a2, a3, a4 };
    return tcgl_helper_register(name, fn, flags, TCGL_HT_I64, nargs, args);
}

void riscv_fpu_helpers_register(void)
{
    const TCGLHelperType P = TCGL_HT_PTR, I = TCGL_HT_I64, V = TCGL_HT_VOID;
    /* Flags and FS are env fields, not globals; the accrual is a side effect. */
    const unsigned fl = TCGL_CALL_NO_RWG;

    riscv_helper_fadd_s = reg("fadd_s", (void *)helper_fadd_s, fl, 2, P, I, V, V, V);
    riscv_helper_fsub_s = reg("fsub_s", (void *)helper_fsub_s, fl, 2, P, I, V, V, V);
    riscv_helper_fmul_s = reg("fmul_s", (void *)helper_fmul_s, fl, 2, P, I, V, V, V);
    riscv_helper_fdiv_s = reg("fdiv_s", (void *)helper_fdiv_s, fl, 2, P, I, V, V, V);
    riscv_helper_fadd_d = reg("fadd_d", (void *)helper_fadd_d, fl, 2, P, I, V, V, V);
    riscv_helper_fsub_d = reg("fsub_d", (void *)helper_fsub_d, fl, 2, P, I, V, V, V);
    riscv_helper_fmul_d = reg("fmul_d", (void *)helper_fmul_d, fl, 2, P, I, V, V, V);
    riscv_helper_fdiv_d = reg("fdiv_d", (void *)helper_fdiv_d, fl, 2, P, I, V, V, V);
    riscv_helper_fmuladd_s = reg("fmuladd_s", (void *)helper_fmuladd_s, fl, 2, P, I, V, V, V);
    riscv_helper_fmuladd_d = reg("fmuladd_d", (void *)helper_fmuladd_d, fl, 2, P, I, V, V, V);
    riscv_helper_fsqrt_s = reg("fsqrt_s", (void *)helper_fsqrt_s, fl, 2, P, I, V, V, V);
    riscv_helper_fsqrt_d = reg("fsqrt_d", (void *)helper_fsqrt_d, fl, 2, P, I, V, V, V);

    riscv_helper_fcvt_w_s = reg("fcvt_w_s", (void *)helper_fcvt_w_s, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_wu_s = reg("fcvt_wu_s", (void *)helper_fcvt_wu_s, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_l_s = reg("fcvt_l_s", (void *)helper_fcvt_l_s, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_lu_s = reg("fcvt_lu_s", (void *)helper_fcvt_lu_s, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_w_d = reg("fcvt_w_d", (void *)helper_fcvt_w_d, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_wu_d = reg("fcvt_wu_d", (void *)helper_fcvt_wu_d, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_l_d = reg("fcvt_l_d", (void *)helper_fcvt_l_d, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_lu_d = reg("fcvt_lu_d", (void *)helper_fcvt_lu_d, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_s_w = reg("fcvt_s_w", (void *)helper_fcvt_s_w, fl, 3, P, I, I, V, V);
    riscv_helper_fcvt_s_wu = reg("fcvt_s_wu", (void *)helper_fcvt_s_wu, fl, 3, P, I, I, V, V);
    riscv_helper_fcvt_s_l = reg("fcvt_s_l", (void *)helper_fcvt_s_l, fl, 3, P, I, I, V, V);
    riscv_helper_fcvt_s_lu = reg("fcvt_s_lu", (void *)helper_fcvt_s_lu, fl, 3, P, I, I, V, V);
    riscv_helper_fcvt_d_w = reg("fcvt_d_w", (void *)helper_fcvt_d_w, fl, 3, P, I, I, V, V);
    riscv_helper_fcvt_d_wu = reg("fcvt_d_wu", (void *)helper_fcvt_d_wu, fl, 3, P, I, I, V, V);
    riscv_helper_fcvt_d_l = reg("fcvt_d_l", (void *)helper_fcvt_d_l, fl, 3, P, I, I, V, V);
    riscv_helper_fcvt_d_lu = reg("fcvt_d_lu", (void *)helper_fcvt_d_lu, fl, 3, P, I, I, V, V);
    riscv_helper_fcvt_s_d = reg("fcvt_s_d", (void *)helper_fcvt_s_d, fl, 2, P, I, V, V, V);
    riscv_helper_fcvt_d_s = reg("fcvt_d_s", (void *)helper_fcvt_d_s, fl, 2, P, I, V, V, V);

    riscv_helper_fmin_s = reg("fmin_s", (void *)helper_fmin_s, fl, 2, P, I, V, V, V);
    riscv_helper_fmax_s = reg("fmax_s", (void *)helper_fmax_s, fl, 2, P, I, V, V, V);
    riscv_helper_fmin_d = reg("fmin_d", (void *)helper_fmin_d, fl, 2, P, I, V, V, V);
    riscv_helper_fmax_d = reg("fmax_d", (void *)helper_fmax_d, fl, 2, P, I, V, V, V);
    riscv_helper_feq_s = reg("feq_s", (void *)helper_feq_s, fl, 2, P, I, V, V, V);
    riscv_helper_flt_s = reg("flt_s", (void *)helper_flt_s, fl, 2, P, I, V, V, V);
    riscv_helper_fle_s = reg("fle_s", (void *)helper_fle_s, fl, 2, P, I, V, V, V);
    riscv_helper_feq_d = reg("feq_d", (void *)helper_feq_d, fl, 2, P, I, V, V, V);
    riscv_helper_flt_d = reg("flt_d", (void *)helper_flt_d, fl, 2, P, I, V, V, V);
    riscv_helper_fle_d = reg("fle_d", (void *)helper_fle_d, fl, 2, P, I, V, V, V);
    riscv_helper_fclass_s =
        reg("fclass_s", (void *)helper_fclass_s, TCGL_CALL_PURE, 1, I, V, V, V, V);
    riscv_helper_fclass_d =
        reg("fclass_d", (void *)helper_fclass_d, TCGL_CALL_PURE, 1, I, V, V, V, V);

    riscv_helper_clmul = reg("clmul", (void *)helper_clmul, TCGL_CALL_PURE, 2, I, I, V, V, V);
    riscv_helper_clmulh = reg("clmulh", (void *)helper_clmulh, TCGL_CALL_PURE, 2, I, I, V, V, V);
    riscv_helper_clmulr = reg("clmulr", (void *)helper_clmulr, TCGL_CALL_PURE, 2, I, I, V, V, V);
}
