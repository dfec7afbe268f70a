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

/* ---- the helpers, by table ----------------------------------------------------- */

/*
 * Opcode bits 3:2 (instruction word bits 3:2, desc bits 35:34) say which
 * multiply-add: 00 fmadd, 01 fmsub (negated addend), 10 fnmsub (negated
 * product), 11 fnmadd (both negated).
 */
static bool fp_fma_neg_product(int64_t desc)
{
    return ((uint64_t)desc >> 35) & 1;
}

static bool fp_fma_neg_addend(int64_t desc)
{
    return ((uint64_t)desc >> 34) & 1;
}

#define S(x) fp_unbox_s(x)

/*
 * i64 helper(env, desc): each result from the f operands a, b, c (read
 * from env->fpr, unused ones ignored), the descriptor desc and the status
 * st, which holds the rounding mode and collects the flags.
 */
#define FP_ROUNDING_HELPERS(X)                                                     \
    X(fadd_s, fp_box_s(f32_add(S(a), S(b), &st)))                                  \
    X(fsub_s, fp_box_s(f32_sub(S(a), S(b), &st)))                                  \
    X(fmul_s, fp_box_s(f32_mul(S(a), S(b), &st)))                                  \
    X(fdiv_s, fp_box_s(f32_div(S(a), S(b), &st)))                                  \
    X(fsqrt_s, fp_box_s(f32_sqrt(S(a), &st)))                                      \
    X(fmuladd_s, fp_box_s(f32_muladd(S(a), S(b), S(c), fp_fma_neg_product(desc),   \
                                     fp_fma_neg_addend(desc), &st)))                 \
    X(fadd_d, (int64_t)f64_add(a, b, &st))                                         \
    X(fsub_d, (int64_t)f64_sub(a, b, &st))                                         \
    X(fmul_d, (int64_t)f64_mul(a, b, &st))                                         \
    X(fdiv_d, (int64_t)f64_div(a, b, &st))                                         \
    X(fsqrt_d, (int64_t)f64_sqrt(a, &st))                                          \
    X(fmuladd_d, (int64_t)f64_muladd(a, b, c, fp_fma_neg_product(desc),             \
                                     fp_fma_neg_addend(desc), &st))                  \
    X(fcvt_w_s, f32_to_i32(S(a), &st))                                             \
    X(fcvt_wu_s, fp_sext32(f32_to_u32(S(a), &st)))                                 \
    X(fcvt_l_s, f32_to_i64(S(a), &st))                                             \
    X(fcvt_lu_s, (int64_t)f32_to_u64(S(a), &st))                                   \
    X(fcvt_w_d, f64_to_i32(a, &st))                                                \
    X(fcvt_wu_d, fp_sext32(f64_to_u32(a, &st)))                                    \
    X(fcvt_l_d, f64_to_i64(a, &st))                                                \
    X(fcvt_lu_d, (int64_t)f64_to_u64(a, &st))                                      \
    X(fcvt_s_d, fp_box_s(f64_to_f32(a, &st)))                                      \
    X(fcvt_d_s, (int64_t)f32_to_f64(S(a), &st))

/* i64 helper(env, desc) for the operations that never round: the same, exact. */
#define FP_EXACT_HELPERS(X)                                                        \
    X(fmin_s, fp_box_s(f32_min(S(a), S(b), &st)))                                  \
    X(fmax_s, fp_box_s(f32_max(S(a), S(b), &st)))                                  \
    X(fmin_d, (int64_t)f64_min(a, b, &st))                                         \
    X(fmax_d, (int64_t)f64_max(a, b, &st))                                         \
    X(feq_s, f32_eq(S(a), S(b), &st))                                              \
    X(flt_s, f32_lt(S(a), S(b), &st))                                              \
    X(fle_s, f32_le(S(a), S(b), &st))                                              \
    X(feq_d, f64_eq(a, b, &st))                                                    \
    X(flt_d, f64_lt(a, b, &st))                                                    \
    X(fle_d, f64_le(a, b, &st))

/*
 * i64 helper(env, x, desc): conversions from the integer x (its low word
 * for .w/.wu, all of it for .l/.lu).
 */
#define FP_FROM_INT_HELPERS(X)                                                     \
    X(fcvt_s_w, fp_box_s(i32_to_f32((int32_t)x, &st)))                             \
    X(fcvt_s_wu, fp_box_s(u32_to_f32((uint32_t)x, &st)))                           \
    X(fcvt_s_l, fp_box_s(i64_to_f32(x, &st)))                                      \
    X(fcvt_s_lu, fp_box_s(u64_to_f32((uint64_t)x, &st)))                           \
    X(fcvt_d_w, (int64_t)i32_to_f64((int32_t)x, &st))                              \
    X(fcvt_d_wu, (int64_t)u32_to_f64((uint32_t)x, &st))                            \
    X(fcvt_d_l, (int64_t)i64_to_f64(x, &st))                                       \
    X(fcvt_d_lu, (int64_t)u64_to_f64((uint64_t)x, &st))

#define FP_DEFINE(name, status, expr)                                              \
    static int64_t helper_##name(CPURISCVState *env, int64_t desc)                 \
    {                                                                              \
        RiscvFloatStatus st = (status);                                            \
        uint64_t a = fp_rs1(env, desc), b = fp_rs2(env, desc), c = fp_rs3(env, desc); \
        (void)b, (void)c;                                                          \
        int64_t r = (expr);                                                        \
        fp_accrue(env, &st);                                                       \
        return r;                                                                  \
    }
#define FP_DEFINE_ROUNDING(name, expr) FP_DEFINE(name, fp_status(env, desc), expr)
#define FP_DEFINE_EXACT(name, expr) FP_DEFINE(name, fp_status_exact(), expr)
#define FP_DEFINE_FROM_INT(name, expr)                                             \
    static int64_t helper_##name(CPURISCVState *env, int64_t x, int64_t desc)      \
    {                                                                              \
        RiscvFloatStatus st = fp_status(env, desc);                                \
        int64_t r = (expr);                                                        \
        fp_accrue(env, &st);                                                       \
        return r;                                                                  \
    }

FP_ROUNDING_HELPERS(FP_DEFINE_ROUNDING)
FP_EXACT_HELPERS(FP_DEFINE_EXACT)
FP_FROM_INT_HELPERS(FP_DEFINE_FROM_INT)
#undef S

#define FP_DECLARE(name, expr) const TCGLHelperInfo *riscv_helper_##name;
FP_ROUNDING_HELPERS(FP_DECLARE)
FP_EXACT_HELPERS(FP_DECLARE)
FP_FROM_INT_HELPERS(FP_DECLARE)
#undef FP_DECLARE

/* ---- fclass (pure) ----------------------------------------------------------------- */

static int64_t helper_fclass_s(int64_t a)
{
    return f32_classify(fp_unbox_s(a));
}

static int64_t helper_fclass_d(int64_t a)
{
    return f64_classify((uint64_t)a);
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

#define FP_REGISTER_2(name, expr) \
    riscv_helper_##name = reg(#name, (void *)helper_##name, fl, 2, P, I, V, V, V);
#define FP_REGISTER_3(name, expr) \
    riscv_helper_##name = reg(#name, (void *)helper_##name, fl, 3, P, I, I, V, V);
    FP_ROUNDING_HELPERS(FP_REGISTER_2)
    FP_EXACT_HELPERS(FP_REGISTER_2)
    FP_FROM_INT_HELPERS(FP_REGISTER_3)
#undef FP_REGISTER_2
#undef FP_REGISTER_3
    riscv_helper_fclass_s =
        reg("fclass_s", (void *)helper_fclass_s, TCGL_CALL_PURE, 1, I, V, V, V, V);
    riscv_helper_fclass_d =
        reg("fclass_d", (void *)helper_fclass_d, TCGL_CALL_PURE, 1, I, V, V, V, V);

    riscv_helper_clmul = reg("clmul", (void *)helper_clmul, TCGL_CALL_PURE, 2, I, I, V, V, V);
    riscv_helper_clmulh = reg("clmulh", (void *)helper_clmulh, TCGL_CALL_PURE, 2, I, I, V, V, V);
    riscv_helper_clmulr = reg("clmulr", (void *)helper_clmulr, TCGL_CALL_PURE, 2, I, I, V, V, V);
}
