/*
 * tests/unit/test-softfloat-host.c: random differential test of the
 * softfloat library (cpu/riscv/softfloat.c) against the host x86-64 FPU.
 *
 * Operands are random, seeded, and biased towards the interesting places:
 * special values, subnormals, the extreme exponents, operand pairs whose sum
 * cancels or whose product/quotient lands near the underflow or overflow
 * thresholds, and fma addends close to minus the product.  Each operation
 * runs in RNE, RTZ, RDN and RUP against the SSE result under fesetround, with
 * the exception flags from fetestexcept (x86, like RISC-V, detects tininess
 * after rounding); a NaN from the host must be the canonical NaN from us.
 * The fused multiply-add is checked against C's fma()/fmaf() (correctly
 * rounded in glibc).  x86 has no RMM: it is checked against a slow reference
 * that computes the result in a wider format (double for binary32, x87 long
 * double for binary64) truncated, with the inexact flag as sticky bit, and
 * rounds that to nearest, ties away, by hand.  Float -> integer conversions
 * are checked against rint()/round() plus the RISC-V saturation rules.
 *
 * LEMU_SOFTFLOAT_SEED=n and LEMU_SOFTFLOAT_ITERS=n override the seed and the
 * number of operand sets per operation; a failure prints both.
 */
#include <criterion/criterion.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/softfloat.h"

/*
 * The references lean on x86-64 behaviour (SSE tininess after rounding, the
 * x87 64-bit long double): elsewhere the test reports itself skipped.
 */
#if !defined(__x86_64__)
Test(softfloat_vs_host, needs_an_x86_64_host)
{
    cr_skip_test("the host references are x86-64 specific");
}
#else

#define DEFAULT_SEED UINT64_C(0x5eed50f7f10a7)
#define DEFAULT_ITERS 100000

static uint64_t seed;
static uint64_t rng;
static long iters;

static void setup_rng(void)
{
    const char *s = getenv("LEMU_SOFTFLOAT_SEED");
    const char *n = getenv("LEMU_SOFTFLOAT_ITERS");
    seed = s ? strtoull(s, NULL, 0) : DEFAULT_SEED;
    iters = n ? strtol(n, NULL, 0) : DEFAULT_ITERS;
    rng = seed;
}

/* splitmix64 */
static uint64_t rnd(void)
{
    uint64_t z = (rng += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* ---- formats and operand generation --------------------------------------- */

typedef struct Fmt {
    int frac, ebits;
} Fmt;

static const Fmt F32 = { 23, 8 };
static const Fmt F64 = { 52, 11 };

#define EMAXF(f) ((1 << (f)->ebits) - 1)
#define BIAS(f) (EMAXF(f) >> 1)
#define SIGNBIT(f) (UINT64_C(1) << ((f)->frac + (f)->ebits))
#define FRACMASK(f) ((UINT64_C(1) << (f)->frac) - 1)

static uint64_t cnan(const Fmt *f)
{
    return f->frac == 23 ? RISCV_F32_DEFAULT_NAN : RISCV_F64_DEFAULT_NAN;
}

static int expf_of(const Fmt *f, uint64_t v)
{
    return (int)((v >> f->frac) & EMAXF(f));
}

static bool is_nan(const Fmt *f, uint64_t v)
{
    return expf_of(f, v) == EMAXF(f) && (v & FRACMASK(f));
}

static bool is_inf(const Fmt *f, uint64_t v)
{
    return expf_of(f, v) == EMAXF(f) && !(v & FRACMASK(f));
}

static bool is_snan(const Fmt *f, uint64_t v)
{
    return is_nan(f, v) && !((v >> (f->frac - 1)) & 1);
}

static bool is_zero(const Fmt *f, uint64_t v)
{
    return (v & ~SIGNBIT(f)) == 0;
}

static uint64_t gen_fraction(const Fmt *f)
{
    uint64_t r = rnd();
    int k = (int)(rnd() % (unsigned)f->frac);
    switch (rnd() % 8) {
    case 0: return 0;
    case 1: return FRACMASK(f);
    case 2: return UINT64_C(1) << k;
    case 3: return (UINT64_C(1) << k) - 1;
    case 4: return FRACMASK(f) & ~((UINT64_C(1) << k) - 1);
    case 5: return (FRACMASK(f) & ~((UINT64_C(1) << k) - 1)) | (r & 3);
    default: return r & FRACMASK(f);
    }
}

static uint64_t gen_special(const Fmt *f)
{
    uint64_t s = (rnd() & 1) ? SIGNBIT(f) : 0;
    uint64_t infv = (uint64_t)EMAXF(f) << f->frac;
    uint64_t one = (uint64_t)BIAS(f) << f->frac;
    switch (rnd() % 14) {
    case 0: return s;                                   /* zero */
    case 1: return s | infv;                            /* inf */
    case 2: return infv | (UINT64_C(1) << (f->frac - 1));          /* qNaN */
    case 3: return s | infv | (rnd() & FRACMASK(f)) | (UINT64_C(1) << (f->frac - 1));
    case 4: return s | infv | 1;                        /* sNaN */
    case 5: return s | infv | ((rnd() & (FRACMASK(f) >> 1)) | 1);
    case 6: return s | 1;                               /* min subnormal */
    case 7: return s | FRACMASK(f);                     /* max subnormal */
    case 8: return s | (UINT64_C(1) << f->frac);        /* min normal */
    case 9: return s | (infv - 1);                      /* max normal */
    case 10: return s | one;                            /* 1 */
    case 11: return s | (one + 1);
    case 12: return s | (one - 1);
    default: return s | (one + (UINT64_C(1) << f->frac)); /* 2 */
    }
}

/* A finite value with exponent field e (clamped to the finite range). */
static uint64_t make_value(const Fmt *f, long e)
{
    uint64_t s = (rnd() & 1) ? SIGNBIT(f) : 0;
    if (e < 0) {
        e = 0;
    }
    if (e > EMAXF(f) - 1) {
        e = EMAXF(f) - 1;
    }
    return s | (uint64_t)e << f->frac | gen_fraction(f);
}

static uint64_t gen_value(const Fmt *f)
{
    switch (rnd() % 16) {
    case 0: case 1: case 2:
        return gen_special(f);
    case 3:
        return make_value(f, 0);
    case 4:
        return make_value(f, 1 + (long)(rnd() % 3));
    case 5:
        return make_value(f, EMAXF(f) - 1 - (long)(rnd() % 3));
    case 6: case 7: case 8:
        return make_value(f, BIAS(f) - 8 + (long)(rnd() % 17));
    case 9:
        return rnd() & (SIGNBIT(f) | (SIGNBIT(f) - 1));
    default:
        return make_value(f, (long)(rnd() % (uint64_t)EMAXF(f)));
    }
}

/*
 * A second operand related to a: near it (cancellation, ties), or with an
 * exponent that puts a + b, a * b or a / b near the edges of the range.
 */
static uint64_t gen_partner(const Fmt *f, uint64_t a)
{
    long ea = expf_of(f, a), bias = BIAS(f);
    long p = f->frac + 1;
    long small = (long)(rnd() % 7) - 3;
    switch (rnd() % 8) {
    case 0: {
        uint64_t b = a ^ (rnd() & 7) ^ ((rnd() & 1) ? SIGNBIT(f) : 0);
        return is_nan(f, b) || is_inf(f, b) ? a : b;
    }
    case 1:
        return make_value(f, ea - (long)(rnd() % (uint64_t)(p + 4)));
    case 2:   /* product near underflow: ea + eb - 2 bias ~ emin - p */
        return make_value(f, (1 - bias) - (long)(rnd() % (uint64_t)(p + 2)) -
                             (ea - bias) + bias + small);
    case 3:   /* product near overflow */
        return make_value(f, bias - (ea - bias) + bias + small);
    case 4:   /* quotient near underflow: ea - eb ~ emin */
        return make_value(f, (ea - bias) - (1 - bias) + bias +
                             (long)(rnd() % (uint64_t)(p + 2)) + small);
    case 5:   /* quotient near overflow */
        return make_value(f, (ea - bias) - bias + bias + small);
    default:
        return gen_value(f);
    }
}

/* ---- host operations (under the host rounding mode) ----------------------- */

static float to_f(uint64_t v) { float x; uint32_t b = (uint32_t)v; memcpy(&x, &b, 4); return x; }
static double to_d(uint64_t v) { double x; memcpy(&x, &v, 8); return x; }
static uint64_t of_f(float x) { uint32_t b; memcpy(&b, &x, 4); return b; }
static uint64_t of_d(double x) { uint64_t b; memcpy(&b, &x, 8); return b; }

static unsigned host_flags(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    return (e & FE_INEXACT ? RISCV_FFLAG_NX : 0) |
           (e & FE_UNDERFLOW ? RISCV_FFLAG_UF : 0) |
           (e & FE_OVERFLOW ? RISCV_FFLAG_OF : 0) |
           (e & FE_DIVBYZERO ? RISCV_FFLAG_DZ : 0) |
           (e & FE_INVALID ? RISCV_FFLAG_NV : 0);
}

static const int host_modes[4] = {
    FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD
};

/*
 * Each operation: our function, the host's in the operand format, and the
 * same operation in the wider format (for the RMM reference).  The variant
 * picks fmadd/fmsub/fnmsub/fnmadd for the three-operand ones.
 */
typedef struct Op {
    const char *name;
    const Fmt *fmt;
    int nargs;
    uint64_t (*ours)(const uint64_t *in, int variant, RiscvFloatStatus *s);
    uint64_t (*host)(const uint64_t *in, int variant);
    long double (*wide)(const uint64_t *in, int variant);
} Op;

static uint64_t neg_if(const Fmt *f, uint64_t v, bool neg)
{
    return neg ? v ^ SIGNBIT(f) : v;
}

#define VNP(v) (((v) & 1) != 0)   /* negate product */
#define VNA(v) (((v) & 2) != 0)   /* negate addend */

/* binary32 */
static uint64_t o32_add(const uint64_t *x, int v, RiscvFloatStatus *s) { return f32_add(x[0], x[1], s); }
static uint64_t o32_sub(const uint64_t *x, int v, RiscvFloatStatus *s) { return f32_sub(x[0], x[1], s); }
static uint64_t o32_mul(const uint64_t *x, int v, RiscvFloatStatus *s) { return f32_mul(x[0], x[1], s); }
static uint64_t o32_div(const uint64_t *x, int v, RiscvFloatStatus *s) { return f32_div(x[0], x[1], s); }
static uint64_t o32_sqrt(const uint64_t *x, int v, RiscvFloatStatus *s) { return f32_sqrt(x[0], s); }
static uint64_t o32_fma(const uint64_t *x, int v, RiscvFloatStatus *s) { return f32_muladd(x[0], x[1], x[2], VNP(v), VNA(v), s); }

__attribute__((noinline)) static uint64_t h32_add(const uint64_t *x, int v) { volatile float a = to_f(x[0]), b = to_f(x[1]); return of_f(a + b); }
__attribute__((noinline)) static uint64_t h32_sub(const uint64_t *x, int v) { volatile float a = to_f(x[0]), b = to_f(x[1]); return of_f(a - b); }
__attribute__((noinline)) static uint64_t h32_mul(const uint64_t *x, int v) { volatile float a = to_f(x[0]), b = to_f(x[1]); return of_f(a * b); }
__attribute__((noinline)) static uint64_t h32_div(const uint64_t *x, int v) { volatile float a = to_f(x[0]), b = to_f(x[1]); return of_f(a / b); }
__attribute__((noinline)) static uint64_t h32_sqrt(const uint64_t *x, int v) { volatile float a = to_f(x[0]); return of_f(sqrtf(a)); }
__attribute__((noinline)) static uint64_t h32_fma(const uint64_t *x, int v)
{
    volatile float a = to_f(neg_if(&F32, x[0], VNP(v))), b = to_f(x[1]);
    volatile float c = to_f(neg_if(&F32, x[2], VNA(v)));
    return of_f(fmaf(a, b, c));
}
__attribute__((noinline)) static uint64_t h32_to_f64(const uint64_t *x, int v) { volatile float a = to_f(x[0]); return of_d((double)a); }

__attribute__((noinline)) static long double w32_add(const uint64_t *x, int v) { volatile double a = to_f(x[0]), b = to_f(x[1]); return a + b; }
__attribute__((noinline)) static long double w32_sub(const uint64_t *x, int v) { volatile double a = to_f(x[0]), b = to_f(x[1]); return a - b; }
__attribute__((noinline)) static long double w32_mul(const uint64_t *x, int v) { volatile double a = to_f(x[0]), b = to_f(x[1]); return a * b; }
__attribute__((noinline)) static long double w32_div(const uint64_t *x, int v) { volatile double a = to_f(x[0]), b = to_f(x[1]); return a / b; }
__attribute__((noinline)) static long double w32_sqrt(const uint64_t *x, int v) { volatile double a = to_f(x[0]); return sqrt(a); }
__attribute__((noinline)) static long double w32_fma(const uint64_t *x, int v)
{
    volatile double a = to_f(neg_if(&F32, x[0], VNP(v))), b = to_f(x[1]);
    volatile double c = to_f(neg_if(&F32, x[2], VNA(v)));
    return fma(a, b, c);
}

/* binary64 */
static uint64_t o64_add(const uint64_t *x, int v, RiscvFloatStatus *s) { return f64_add(x[0], x[1], s); }
static uint64_t o64_sub(const uint64_t *x, int v, RiscvFloatStatus *s) { return f64_sub(x[0], x[1], s); }
static uint64_t o64_mul(const uint64_t *x, int v, RiscvFloatStatus *s) { return f64_mul(x[0], x[1], s); }
static uint64_t o64_div(const uint64_t *x, int v, RiscvFloatStatus *s) { return f64_div(x[0], x[1], s); }
static uint64_t o64_sqrt(const uint64_t *x, int v, RiscvFloatStatus *s) { return f64_sqrt(x[0], s); }
static uint64_t o64_fma(const uint64_t *x, int v, RiscvFloatStatus *s) { return f64_muladd(x[0], x[1], x[2], VNP(v), VNA(v), s); }
static uint64_t o64_to_f32(const uint64_t *x, int v, RiscvFloatStatus *s) { return f64_to_f32(x[0], s); }

__attribute__((noinline)) static uint64_t h64_add(const uint64_t *x, int v) { volatile double a = to_d(x[0]), b = to_d(x[1]); return of_d(a + b); }
__attribute__((noinline)) static uint64_t h64_sub(const uint64_t *x, int v) { volatile double a = to_d(x[0]), b = to_d(x[1]); return of_d(a - b); }
__attribute__((noinline)) static uint64_t h64_mul(const uint64_t *x, int v) { volatile double a = to_d(x[0]), b = to_d(x[1]); return of_d(a * b); }
__attribute__((noinline)) static uint64_t h64_div(const uint64_t *x, int v) { volatile double a = to_d(x[0]), b = to_d(x[1]); return of_d(a / b); }
__attribute__((noinline)) static uint64_t h64_sqrt(const uint64_t *x, int v) { volatile double a = to_d(x[0]); return of_d(sqrt(a)); }
__attribute__((noinline)) static uint64_t h64_fma(const uint64_t *x, int v)
{
    volatile double a = to_d(neg_if(&F64, x[0], VNP(v))), b = to_d(x[1]);
    volatile double c = to_d(neg_if(&F64, x[2], VNA(v)));
    return of_d(fma(a, b, c));
}
__attribute__((noinline)) static uint64_t h64_to_f32(const uint64_t *x, int v) { volatile double a = to_d(x[0]); return of_f((float)a); }

__attribute__((noinline)) static long double w64_add(const uint64_t *x, int v) { volatile long double a = to_d(x[0]), b = to_d(x[1]); return a + b; }
__attribute__((noinline)) static long double w64_sub(const uint64_t *x, int v) { volatile long double a = to_d(x[0]), b = to_d(x[1]); return a - b; }
__attribute__((noinline)) static long double w64_mul(const uint64_t *x, int v) { volatile long double a = to_d(x[0]), b = to_d(x[1]); return a * b; }
__attribute__((noinline)) static long double w64_div(const uint64_t *x, int v) { volatile long double a = to_d(x[0]), b = to_d(x[1]); return a / b; }
__attribute__((noinline)) static long double w64_sqrt(const uint64_t *x, int v) { volatile long double a = to_d(x[0]); return sqrtl(a); }
__attribute__((noinline)) static long double w64_fma(const uint64_t *x, int v)
{
    volatile long double a = to_d(neg_if(&F64, x[0], VNP(v))), b = to_d(x[1]);
    volatile long double c = to_d(neg_if(&F64, x[2], VNA(v)));
    return fmal(a, b, c);
}
/* A conversion's "wide" value is its exact operand. */
__attribute__((noinline)) static long double w64_id(const uint64_t *x, int v) { return to_d(x[0]); }

/* ---- the RMM reference ---------------------------------------------------- */

/*
 * Round |v| (exact, or truncated with `sticky` telling that the exact value
 * is a little larger in magnitude) to the format, to nearest with ties away
 * from zero, by hand from its 64-bit significand.  Sets NX, UF (tiny after
 * rounding and inexact) and OF.
 */
static uint64_t rmm_round(const Fmt *f, long double v, bool sticky,
                          unsigned *flags)
{
    bool neg = signbit(v);
    int e;
    long double m = frexpl(fabsl(v), &e);            /* v = m * 2^e */
    uint64_t sig = (uint64_t)ldexpl(m, 64);           /* [2^63, 2^64) */
    int p = f->frac + 1;
    int emin = 1 - BIAS(f);                           /* of normals */
    int lead = e - 1;                                 /* exponent of leading bit */
    int drop = 64 - p + (lead < emin ? emin - lead : 0);
    uint64_t q;
    bool inexact;

    /* value = sig * 2^(e - 64); keep the bits above `drop` */
    if (drop >= 66) {
        q = 0;
        inexact = true;
    } else if (drop >= 64) {
        /* drop == 64: [1/2, 1) of a unit rounds up; drop == 65: below half */
        q = drop == 64;
        inexact = true;
    } else {
        uint64_t rem = sig & ((UINT64_C(1) << drop) - 1);
        q = (sig >> drop) + (rem >= (UINT64_C(1) << (drop - 1)));
        inexact = rem != 0 || sticky;
    }
    long double r = ldexpl((long double)q, e - 64 + drop);

    /* tiny: the same rounding with an unbounded exponent stays below 2^emin */
    int udrop = 64 - p;
    uint64_t urem = sig & ((UINT64_C(1) << udrop) - 1);
    uint64_t uq = (sig >> udrop) + (urem >= (UINT64_C(1) << (udrop - 1)));
    bool tiny = ldexpl((long double)uq, e - 64 + udrop) < ldexpl(1.0L, emin);

    *flags = inexact ? RISCV_FFLAG_NX : 0;
    if (tiny && inexact) {
        *flags |= RISCV_FFLAG_UF;
    }
    if (r >= ldexpl(1.0L, BIAS(f) + 1)) {
        *flags |= RISCV_FFLAG_OF | RISCV_FFLAG_NX;
        return (neg ? SIGNBIT(f) : 0) | (uint64_t)EMAXF(f) << f->frac;
    }
    if (neg) {
        r = -r;
    }
    return f->frac == 23 ? of_f((float)r) : of_d((double)r);
}

/*
 * The RMM expectation: the RNE answer when no rounding of a finite nonzero
 * value is involved (NaN/inf operands, invalid, division by zero, exact
 * zeros), otherwise the wide result computed towards zero, rounded by hand.
 */
static uint64_t rmm_expect(const Op *op, const Fmt *in_fmt, const uint64_t *in,
                           int variant, uint64_t rne, unsigned rne_flags,
                           unsigned *flags)
{
    for (int i = 0; i < op->nargs; i++) {
        if (is_nan(in_fmt, in[i]) || is_inf(in_fmt, in[i])) {
            *flags = rne_flags;
            return rne;
        }
    }
    if (rne_flags & (RISCV_FFLAG_NV | RISCV_FFLAG_DZ)) {
        *flags = rne_flags;
        return rne;
    }
    fesetround(FE_TOWARDZERO);
    feclearexcept(FE_ALL_EXCEPT);
    long double w = op->wide(in, variant);
    bool sticky = fetestexcept(FE_INEXACT) != 0;
    fesetround(FE_TONEAREST);
    if (w == 0 && !sticky) {
        *flags = rne_flags;
        return rne;
    }
    return rmm_round(op->fmt, w, sticky, flags);
}

/* ---- the driver ----------------------------------------------------------- */

static const char *const rm_names[5] = { "rne", "rtz", "rdn", "rup", "rmm" };

static void gen_operands(const Op *op, const Fmt *in_fmt, uint64_t *in,
                         int *variant)
{
    *variant = (int)(rnd() & 3);
    in[0] = gen_value(in_fmt);
    in[1] = gen_partner(in_fmt, in[0]);
    in[2] = 0;
    if (rnd() % 4 == 0) {
        uint64_t t = in[0];
        in[0] = in[1];
        in[1] = t;
    }
    bool is_sqrt = op->host == h32_sqrt || op->host == h64_sqrt;
    if (is_sqrt && rnd() % 4 != 0) {
        in[0] &= ~SIGNBIT(in_fmt);   /* mostly non-negative radicands */
    }
    if (is_sqrt && rnd() % 4 == 0) {
        /* an exact square, for sqrt: a value with a short significand, squared */
        int keep = (in_fmt->frac + 1) / 2 - 1;
        uint64_t x = in[0] & ~(FRACMASK(in_fmt) >> keep);
        in[0] = op->host == h32_sqrt ? h32_mul((uint64_t[]){ x, x }, 0)
                                     : h64_mul((uint64_t[]){ x, x }, 0);
    }
    if (op->nargs == 3) {
        switch (rnd() % 4) {
        case 0: case 1: {
            /* close to minus the product: massive cancellation */
            uint64_t ab[2] = { in[0], in[1] };
            uint64_t p = in_fmt->frac == 23 ? h32_mul(ab, 0) : h64_mul(ab, 0);
            bool sub = VNA(*variant) != VNP(*variant);
            in[2] = p ^ (sub ? 0 : SIGNBIT(in_fmt));
            if (!is_nan(in_fmt, in[2]) && !is_inf(in_fmt, in[2])) {
                in[2] ^= rnd() & 3;
            }
            break;
        }
        case 2: {
            uint64_t ab[2] = { in[0], in[1] };
            uint64_t p = in_fmt->frac == 23 ? h32_mul(ab, 0) : h64_mul(ab, 0);
            long ep = expf_of(in_fmt, p);
            in[2] = make_value(in_fmt, ep + (long)(rnd() % 60) - 30);
            break;
        }
        default:
            in[2] = gen_value(in_fmt);
            break;
        }
    }
}

static void run_op(const Op *op, const Fmt *in_fmt)
{
    setup_rng();
    for (long it = 0; it < iters; it++) {
        uint64_t in[3];
        int variant;
        uint64_t rne = 0;
        unsigned rne_flags = 0;

        gen_operands(op, in_fmt, in, &variant);
        for (unsigned rm = 0; rm < 5; rm++) {
            uint64_t want;
            unsigned want_flags;
            if (rm < 4) {
                fesetround(host_modes[rm]);
                feclearexcept(FE_ALL_EXCEPT);
                want = op->host(in, variant);
                want_flags = host_flags();
                fesetround(FE_TONEAREST);
                if (is_nan(op->fmt, want)) {
                    want = cnan(op->fmt);
                }
                /*
                 * RISC-V: inf * 0 + qNaN raises NV (IEEE leaves it to the
                 * implementation, and x86 may not).
                 */
                if (op->nargs == 3 &&
                    ((is_inf(in_fmt, in[0]) && is_zero(in_fmt, in[1])) ||
                     (is_zero(in_fmt, in[0]) && is_inf(in_fmt, in[1])))) {
                    want_flags |= RISCV_FFLAG_NV;
                }
                if (rm == 0) {
                    rne = want;
                    rne_flags = want_flags;
                }
            } else {
                want = rmm_expect(op, in_fmt, in, variant, rne, rne_flags,
                                  &want_flags);
            }
            RiscvFloatStatus s = { .rm = (uint8_t)rm, .flags = 0 };
            uint64_t got = op->ours(in, variant, &s);
            if (got != want || s.flags != want_flags) {
                cr_assert_fail("%s variant %d %s (%#lx, %#lx, %#lx): got %#lx "
                               "flags %#x, want %#lx flags %#x "
                               "[seed %#lx, iteration %ld]",
                               op->name, variant, rm_names[rm], in[0], in[1],
                               in[2], got, s.flags, want, want_flags, seed, it);
            }
        }
    }
}

#define OP(name, fmt, n, o, h, w) \
    static const Op op_##name = { #name, fmt, n, o, h, w }

OP(f32_add, &F32, 2, o32_add, h32_add, w32_add);
OP(f32_sub, &F32, 2, o32_sub, h32_sub, w32_sub);
OP(f32_mul, &F32, 2, o32_mul, h32_mul, w32_mul);
OP(f32_div, &F32, 2, o32_div, h32_div, w32_div);
OP(f32_sqrt, &F32, 1, o32_sqrt, h32_sqrt, w32_sqrt);
OP(f32_muladd, &F32, 3, o32_fma, h32_fma, w32_fma);
OP(f64_add, &F64, 2, o64_add, h64_add, w64_add);
OP(f64_sub, &F64, 2, o64_sub, h64_sub, w64_sub);
OP(f64_mul, &F64, 2, o64_mul, h64_mul, w64_mul);
OP(f64_div, &F64, 2, o64_div, h64_div, w64_div);
OP(f64_sqrt, &F64, 1, o64_sqrt, h64_sqrt, w64_sqrt);
OP(f64_muladd, &F64, 3, o64_fma, h64_fma, w64_fma);
/* conversions: output format F64/F32, operands in the other format */
OP(f64_to_f32, &F32, 1, o64_to_f32, h64_to_f32, w64_id);

Test(softfloat_vs_host, f32_add) { run_op(&op_f32_add, &F32); }
Test(softfloat_vs_host, f32_sub) { run_op(&op_f32_sub, &F32); }
Test(softfloat_vs_host, f32_mul) { run_op(&op_f32_mul, &F32); }
Test(softfloat_vs_host, f32_div) { run_op(&op_f32_div, &F32); }
Test(softfloat_vs_host, f32_sqrt) { run_op(&op_f32_sqrt, &F32); }
Test(softfloat_vs_host, f32_muladd) { run_op(&op_f32_muladd, &F32); }
Test(softfloat_vs_host, f64_add) { run_op(&op_f64_add, &F64); }
Test(softfloat_vs_host, f64_sub) { run_op(&op_f64_sub, &F64); }
Test(softfloat_vs_host, f64_mul) { run_op(&op_f64_mul, &F64); }
Test(softfloat_vs_host, f64_div) { run_op(&op_f64_div, &F64); }
Test(softfloat_vs_host, f64_sqrt) { run_op(&op_f64_sqrt, &F64); }
Test(softfloat_vs_host, f64_muladd) { run_op(&op_f64_muladd, &F64); }
Test(softfloat_vs_host, f64_to_f32) { run_op(&op_f64_to_f32, &F64); }

/* f32 -> f64 never rounds: no RMM reference needed beyond RNE's. */
Test(softfloat_vs_host, f32_to_f64)
{
    setup_rng();
    for (long it = 0; it < iters; it++) {
        uint64_t in[1] = { gen_value(&F32) };
        for (unsigned rm = 0; rm < 5; rm++) {
            fesetround(host_modes[rm < 4 ? rm : 0]);
            feclearexcept(FE_ALL_EXCEPT);
            uint64_t want = h32_to_f64(in, 0);
            unsigned want_flags = host_flags();
            fesetround(FE_TONEAREST);
            if (is_nan(&F64, want)) {
                want = RISCV_F64_DEFAULT_NAN;
            }
            RiscvFloatStatus s = { .rm = (uint8_t)rm, .flags = 0 };
            uint64_t got = f32_to_f64((uint32_t)in[0], &s);
            cr_assert(got == want && s.flags == want_flags,
                      "f32_to_f64 %s (%#lx): got %#lx flags %#x, want %#lx "
                      "flags %#x [seed %#lx, iteration %ld]", rm_names[rm],
                      in[0], got, s.flags, want, want_flags, seed, it);
        }
    }
}

/* ---- compare, min/max ----------------------------------------------------- */

__attribute__((noinline)) static int hc32(int k, uint64_t x, uint64_t y)
{
    volatile float a = to_f(x), b = to_f(y);
    return k == 0 ? a == b : k == 1 ? a < b : a <= b;
}

__attribute__((noinline)) static int hc64(int k, uint64_t x, uint64_t y)
{
    volatile double a = to_d(x), b = to_d(y);
    return k == 0 ? a == b : k == 1 ? a < b : a <= b;
}

/*
 * fmin/fmax reference: the host's comparison for ordered values, then the
 * RISC-V rules for NaNs (NV for a signalling one) and for -0 < +0.
 */
static uint64_t ref_minmax(const Fmt *f, bool is_max, uint64_t a, uint64_t b,
                           unsigned *flags)
{
    *flags = is_snan(f, a) || is_snan(f, b) ? RISCV_FFLAG_NV : 0;
    if (is_nan(f, a) && is_nan(f, b)) {
        return cnan(f);
    }
    if (is_nan(f, a)) {
        return b;
    }
    if (is_nan(f, b)) {
        return a;
    }
    if (is_zero(f, a) && is_zero(f, b)) {
        bool a_neg = (a & SIGNBIT(f)) != 0;
        return (a_neg != is_max) ? a : b;
    }
    bool a_lt_b = f->frac == 23 ? to_f(a) < to_f(b) : to_d(a) < to_d(b);
    return a_lt_b != is_max ? a : b;
}

static void run_compare(const Fmt *f)
{
    static const char *const names[3] = { "eq", "lt", "le" };
    bool is32 = f->frac == 23;

    setup_rng();
    for (long it = 0; it < iters; it++) {
        uint64_t a = gen_value(f);
        uint64_t b = rnd() % 4 == 0 ? a : gen_partner(f, a);
        for (int k = 0; k < 3; k++) {
            feclearexcept(FE_ALL_EXCEPT);
            int want = is32 ? hc32(k, a, b) : hc64(k, a, b);
            unsigned want_flags = host_flags();
            RiscvFloatStatus s = { .rm = RISCV_RM_RNE, .flags = 0 };
            int got;
            if (is32) {
                got = k == 0 ? f32_eq(a, b, &s) : k == 1 ? f32_lt(a, b, &s)
                                                         : f32_le(a, b, &s);
            } else {
                got = k == 0 ? f64_eq(a, b, &s) : k == 1 ? f64_lt(a, b, &s)
                                                         : f64_le(a, b, &s);
            }
            cr_assert(got == want && s.flags == want_flags,
                      "f%d_%s(%#lx, %#lx): got %d flags %#x, want %d flags "
                      "%#x [seed %#lx, iteration %ld]", is32 ? 32 : 64,
                      names[k], a, b, got, s.flags, want, want_flags, seed, it);
        }
        for (int is_max = 0; is_max < 2; is_max++) {
            unsigned want_flags;
            uint64_t want = ref_minmax(f, is_max, a, b, &want_flags);
            RiscvFloatStatus s = { .rm = RISCV_RM_RNE, .flags = 0 };
            uint64_t got;
            if (is32) {
                got = is_max ? f32_max(a, b, &s) : f32_min(a, b, &s);
            } else {
                got = is_max ? f64_max(a, b, &s) : f64_min(a, b, &s);
            }
            cr_assert(got == want && s.flags == want_flags,
                      "f%d_%s(%#lx, %#lx): got %#lx flags %#x, want %#lx "
                      "flags %#x [seed %#lx, iteration %ld]", is32 ? 32 : 64,
                      is_max ? "max" : "min", a, b, got, s.flags, want,
                      want_flags, seed, it);
        }
    }
}

Test(softfloat_vs_host, f32_compare_min_max) { run_compare(&F32); }
Test(softfloat_vs_host, f64_compare_min_max) { run_compare(&F64); }

/* ---- float -> integer ----------------------------------------------------- */

typedef enum { K_I32, K_U32, K_I64, K_U64 } IntKind;
static const char *const kind_names[4] = { "i32", "u32", "i64", "u64" };

/*
 * The reference: rint() (current mode) or round() (RMM, ties away) for the
 * rounding, then the RISC-V range rules.  Results are 64-bit patterns, 32-bit
 * ones sign-extended from their int32_t/uint32_t value as returned.
 */
static uint64_t ref_to_int(double x, bool nan, IntKind k, unsigned rm,
                           unsigned *flags)
{
    static const double lo[4] = { -2147483648.0, 0.0, -9223372036854775808.0, 0.0 };
    static const double hi[4] = { 2147483648.0, 4294967296.0,
                                  9223372036854775808.0, 18446744073709551616.0 };
    static const uint64_t maxv[4] = { 0x7fffffff, 0xffffffff,
                                      UINT64_C(0x7fffffffffffffff), UINT64_MAX };
    static const uint64_t minv[4] = { UINT64_C(0xffffffff80000000), 0,
                                      UINT64_C(0x8000000000000000), 0 };
    double r;

    *flags = 0;
    if (nan) {
        *flags = RISCV_FFLAG_NV;
        return maxv[k];
    }
    if (rm < 4) {
        fesetround(host_modes[rm]);
        r = rint(x);
        fesetround(FE_TONEAREST);
    } else {
        r = round(x);
    }
    if (r < lo[k]) {
        *flags = RISCV_FFLAG_NV;
        return minv[k];
    }
    if (r >= hi[k]) {
        *flags = RISCV_FFLAG_NV;
        return maxv[k];
    }
    if (r != x) {
        *flags = RISCV_FFLAG_NX;
    }
    if (k == K_U64) {
        return (uint64_t)r;
    }
    return (uint64_t)(int64_t)r;   /* in range: exact; -0 -> 0 */
}

static uint64_t ours_to_int(bool is32, uint64_t a, IntKind k,
                            RiscvFloatStatus *s)
{
    if (is32) {
        switch (k) {
        case K_I32: return (uint64_t)(int64_t)f32_to_i32((uint32_t)a, s);
        case K_U32: return f32_to_u32((uint32_t)a, s);
        case K_I64: return (uint64_t)f32_to_i64((uint32_t)a, s);
        case K_U64: return f32_to_u64((uint32_t)a, s);
        }
    }
    switch (k) {
    case K_I32: return (uint64_t)(int64_t)f64_to_i32(a, s);
    case K_U32: return f64_to_u32(a, s);
    case K_I64: return (uint64_t)f64_to_i64(a, s);
    case K_U64: return f64_to_u64(a, s);
    }
    return 0;
}

/* A value near an integer boundary of kind k, or anything. */
static uint64_t gen_int_operand(const Fmt *f, IntKind k)
{
    static const int bits[4] = { 31, 32, 63, 64 };
    long bias = BIAS(f);
    switch (rnd() % 6) {
    case 0:   /* near 2^bits: the top of the range */
        return make_value(f, bias + bits[k] - 2 + (long)(rnd() % 3));
    case 1:   /* small magnitudes: ties at .5 and the rounding modes */
        return make_value(f, bias - 2 + (long)(rnd() % 6));
    case 2: {
        /* an integer plus a half/quarter, from the host */
        double v = (double)(int64_t)(rnd() >> (rnd() % 64)) *
                   ((rnd() & 1) ? 1 : -1) + (double)(rnd() % 4) / 4;
        return f->frac == 23 ? of_f((float)v) : of_d(v);
    }
    default:
        return gen_value(f);
    }
}

static void run_to_int(const Fmt *f)
{
    bool is32 = f->frac == 23;

    setup_rng();
    for (long it = 0; it < iters; it++) {
        IntKind k = (IntKind)(rnd() % 4);
        uint64_t a = gen_int_operand(f, k);
        double x = is32 ? (double)to_f(a) : to_d(a);
        for (unsigned rm = 0; rm < 5; rm++) {
            unsigned want_flags;
            uint64_t want = ref_to_int(x, is_nan(f, a), k, rm, &want_flags);
            RiscvFloatStatus s = { .rm = (uint8_t)rm, .flags = 0 };
            uint64_t got = ours_to_int(is32, a, k, &s);
            cr_assert(got == want && s.flags == want_flags,
                      "f%d_to_%s %s (%#lx): got %#lx flags %#x, want %#lx "
                      "flags %#x [seed %#lx, iteration %ld]", is32 ? 32 : 64,
                      kind_names[k], rm_names[rm], a, got, s.flags, want,
                      want_flags, seed, it);
        }
    }
}

Test(softfloat_vs_host, f32_to_int) { run_to_int(&F32); }
Test(softfloat_vs_host, f64_to_int) { run_to_int(&F64); }

/* ---- integer -> float ----------------------------------------------------- */

__attribute__((noinline)) static uint64_t h_from_int(bool to32, IntKind k, uint64_t v)
{
    volatile uint64_t x = v;
    switch (k) {
    case K_I32: return to32 ? of_f((float)(int32_t)x) : of_d((double)(int32_t)x);
    case K_U32: return to32 ? of_f((float)(uint32_t)x) : of_d((double)(uint32_t)x);
    case K_I64: return to32 ? of_f((float)(int64_t)x) : of_d((double)(int64_t)x);
    case K_U64: return to32 ? of_f((float)x) : of_d((double)x);
    }
    return 0;
}

static uint64_t ours_from_int(bool to32, IntKind k, uint64_t v,
                              RiscvFloatStatus *s)
{
    switch (k) {
    case K_I32: return to32 ? i32_to_f32((int32_t)v, s) : i32_to_f64((int32_t)v, s);
    case K_U32: return to32 ? u32_to_f32((uint32_t)v, s) : u32_to_f64((uint32_t)v, s);
    case K_I64: return to32 ? i64_to_f32((int64_t)v, s) : i64_to_f64((int64_t)v, s);
    case K_U64: return to32 ? u64_to_f32(v, s) : u64_to_f64(v, s);
    }
    return 0;
}

static long double int_value(IntKind k, uint64_t v)
{
    switch (k) {
    case K_I32: return (int32_t)v;
    case K_U32: return (uint32_t)v;
    case K_I64: return (int64_t)v;
    case K_U64: return v;
    }
    return 0;
}

static void run_from_int(bool to32)
{
    const Fmt *f = to32 ? &F32 : &F64;

    setup_rng();
    for (long it = 0; it < iters; it++) {
        IntKind k = (IntKind)(rnd() % 4);
        uint64_t v;
        switch (rnd() % 4) {
        case 0:   /* few significant bits around a rounding boundary */
            v = (rnd() >> (rnd() % 64)) << (rnd() % 40);
            break;
        case 1:
            v = -(rnd() >> (rnd() % 64));
            break;
        case 2: {
            int sh = (int)(rnd() % 64);
            v = (UINT64_C(1) << sh) + (rnd() % 5) - 2;
            break;
        }
        default:
            v = rnd();
            break;
        }
        for (unsigned rm = 0; rm < 5; rm++) {
            uint64_t want;
            unsigned want_flags;
            if (rm < 4) {
                fesetround(host_modes[rm]);
                feclearexcept(FE_ALL_EXCEPT);
                want = h_from_int(to32, k, v);
                want_flags = host_flags();
                fesetround(FE_TONEAREST);
            } else {
                long double x = int_value(k, v);
                want = x == 0 ? 0 : rmm_round(f, x, false, &want_flags);
                if (x == 0) {
                    want_flags = 0;
                }
            }
            RiscvFloatStatus s = { .rm = (uint8_t)rm, .flags = 0 };
            uint64_t got = ours_from_int(to32, k, v, &s);
            cr_assert(got == want && s.flags == want_flags,
                      "%s_to_f%d %s (%#lx): got %#lx flags %#x, want %#lx "
                      "flags %#x [seed %#lx, iteration %ld]", kind_names[k],
                      to32 ? 32 : 64, rm_names[rm], v, got, s.flags, want,
                      want_flags, seed, it);
        }
    }
}

Test(softfloat_vs_host, int_to_f32) { run_from_int(true); }
Test(softfloat_vs_host, int_to_f64) { run_from_int(false); }

#endif /* __x86_64__ */
