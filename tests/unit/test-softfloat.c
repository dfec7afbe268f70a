/*
 * tests/unit/test-softfloat.c: hand-picked operands for every softfloat
 * operation (cpu/riscv/softfloat.c), each checked in the rounding modes where
 * it matters: signed zeros, infinities, quiet and signalling NaNs,
 * subnormals, the extreme normals, ties, results that round differently in
 * each mode, tininess after rounding, the sign of exact zeros from fused
 * multiply-add, fmin/fmax and compare NaN rules, fclass, and the RISC-V
 * saturation of float -> integer conversions.  The expected values are
 * worked out by hand from IEEE 754-2019 and the RISC-V F/D chapters.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdint.h>

#include "cpu/riscv/softfloat.h"

enum { RNE, RTZ, RDN, RUP, RMM };
#define NX RISCV_FFLAG_NX
#define UF RISCV_FFLAG_UF
#define OF RISCV_FFLAG_OF
#define DZ RISCV_FFLAG_DZ
#define NV RISCV_FFLAG_NV

/* binary32 */
#define P0 0x00000000u
#define N0 0x80000000u
#define ONE 0x3f800000u
#define MONE 0xbf800000u
#define TWO 0x40000000u
#define THREE 0x40400000u
#define HALF 0x3f000000u
#define PINF 0x7f800000u
#define NINF 0xff800000u
#define QNAN 0x7fc00000u
#define QNAN_PAYLOAD 0x7fc12345u
#define NQNAN 0xffc00000u
#define SNAN 0x7f800001u
#define NSNAN 0xff812345u
#define MIN_SUB 0x00000001u
#define MAX_SUB 0x007fffffu
#define MIN_NORM 0x00800000u
#define MAX_NORM 0x7f7fffffu
#define NMAX_NORM 0xff7fffffu
#define CNAN RISCV_F32_DEFAULT_NAN

/* binary64 */
#define D_P0 UINT64_C(0x0000000000000000)
#define D_N0 UINT64_C(0x8000000000000000)
#define D_ONE UINT64_C(0x3ff0000000000000)
#define D_MONE UINT64_C(0xbff0000000000000)
#define D_TWO UINT64_C(0x4000000000000000)
#define D_THREE UINT64_C(0x4008000000000000)
#define D_PINF UINT64_C(0x7ff0000000000000)
#define D_NINF UINT64_C(0xfff0000000000000)
#define D_QNAN UINT64_C(0x7ff8000000000000)
#define D_QNAN_PAYLOAD UINT64_C(0x7ffc0000deadbeef)
#define D_SNAN UINT64_C(0x7ff0000000000001)
#define D_MIN_SUB UINT64_C(0x0000000000000001)
#define D_MAX_SUB UINT64_C(0x000fffffffffffff)
#define D_MIN_NORM UINT64_C(0x0010000000000000)
#define D_MAX_NORM UINT64_C(0x7fefffffffffffff)
#define D_CNAN RISCV_F64_DEFAULT_NAN

/* One operation on fixed operands, with its result and flags in each mode. */
typedef struct Row32 {
    uint32_t a, b, c;
    uint32_t want[5];
    unsigned flags[5];
} Row32;

typedef struct Row64 {
    uint64_t a, b, c;
    uint64_t want[5];
    unsigned flags[5];
} Row64;

#define ALL5(x) { x, x, x, x, x }

typedef enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMADD, OP_FMSUB,
               OP_FNMSUB, OP_FNMADD } Op;

static const char *const op_names[] = {
    "add", "sub", "mul", "div", "sqrt", "fmadd", "fmsub", "fnmsub", "fnmadd"
};

static uint32_t run32(Op op, uint32_t a, uint32_t b, uint32_t c,
                      RiscvFloatStatus *s)
{
    switch (op) {
    case OP_ADD: return f32_add(a, b, s);
    case OP_SUB: return f32_sub(a, b, s);
    case OP_MUL: return f32_mul(a, b, s);
    case OP_DIV: return f32_div(a, b, s);
    case OP_SQRT: return f32_sqrt(a, s);
    case OP_FMADD: return f32_muladd(a, b, c, false, false, s);
    case OP_FMSUB: return f32_muladd(a, b, c, false, true, s);
    case OP_FNMSUB: return f32_muladd(a, b, c, true, false, s);
    case OP_FNMADD: return f32_muladd(a, b, c, true, true, s);
    }
    return 0;
}

static uint64_t run64(Op op, uint64_t a, uint64_t b, uint64_t c,
                      RiscvFloatStatus *s)
{
    switch (op) {
    case OP_ADD: return f64_add(a, b, s);
    case OP_SUB: return f64_sub(a, b, s);
    case OP_MUL: return f64_mul(a, b, s);
    case OP_DIV: return f64_div(a, b, s);
    case OP_SQRT: return f64_sqrt(a, s);
    case OP_FMADD: return f64_muladd(a, b, c, false, false, s);
    case OP_FMSUB: return f64_muladd(a, b, c, false, true, s);
    case OP_FNMSUB: return f64_muladd(a, b, c, true, false, s);
    case OP_FNMADD: return f64_muladd(a, b, c, true, true, s);
    }
    return 0;
}

static void check32(Op op, const Row32 *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (unsigned rm = 0; rm < 5; rm++) {
            RiscvFloatStatus s = { .rm = rm, .flags = 0 };
            uint32_t got = run32(op, rows[i].a, rows[i].b, rows[i].c, &s);
            cr_expect(got == rows[i].want[rm] && s.flags == rows[i].flags[rm],
                      "f32_%s row %zu (%08x, %08x, %08x) rm %u: got %08x "
                      "flags %02x, want %08x flags %02x", op_names[op], i,
                      rows[i].a, rows[i].b, rows[i].c, rm, got, s.flags,
                      rows[i].want[rm], rows[i].flags[rm]);
        }
    }
}

static void check64(Op op, const Row64 *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (unsigned rm = 0; rm < 5; rm++) {
            RiscvFloatStatus s = { .rm = rm, .flags = 0 };
            uint64_t got = run64(op, rows[i].a, rows[i].b, rows[i].c, &s);
            cr_expect(got == rows[i].want[rm] && s.flags == rows[i].flags[rm],
                      "f64_%s row %zu (%016lx, %016lx, %016lx) rm %u: got "
                      "%016lx flags %02x, want %016lx flags %02x",
                      op_names[op], i, rows[i].a, rows[i].b, rows[i].c, rm,
                      got, s.flags, rows[i].want[rm], rows[i].flags[rm]);
        }
    }
}

#define CHECK32(op, rows) check32(op, rows, sizeof(rows) / sizeof(rows[0]))
#define CHECK64(op, rows) check64(op, rows, sizeof(rows) / sizeof(rows[0]))

/* ---- add / sub ------------------------------------------------------------ */

Test(softfloat_add, signed_zeros_follow_the_rounding_mode)
{
    static const Row32 rows[] = {
        { P0, N0, 0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { N0, P0, 0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { N0, N0, 0, ALL5(N0), ALL5(0) },
        { P0, P0, 0, ALL5(P0), ALL5(0) },
        /* x + (-x) is an exact zero: +0, or -0 when rounding down */
        { ONE, MONE, 0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { MIN_SUB, 0x80000001u, 0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        /* x + 0 is x, whatever the sign of the zero */
        { MIN_SUB, N0, 0, ALL5(MIN_SUB), ALL5(0) },
        { N0, MONE, 0, ALL5(MONE), ALL5(0) },
    };
    CHECK32(OP_ADD, rows);
    static const Row64 rows64[] = {
        { D_P0, D_N0, 0, { D_P0, D_P0, D_N0, D_P0, D_P0 }, ALL5(0) },
        { D_ONE, D_MONE, 0, { D_P0, D_P0, D_N0, D_P0, D_P0 }, ALL5(0) },
        { D_N0, D_N0, 0, ALL5(D_N0), ALL5(0) },
    };
    CHECK64(OP_ADD, rows64);
}

Test(softfloat_add, sub_of_equal_values_is_an_exact_zero)
{
    static const Row32 rows[] = {
        { THREE, THREE, 0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { P0, P0, 0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { N0, P0, 0, ALL5(N0), ALL5(0) },
        { P0, N0, 0, ALL5(P0), ALL5(0) },
        { ONE, N0, 0, ALL5(ONE), ALL5(0) },
        { P0, ONE, 0, ALL5(MONE), ALL5(0) },
    };
    CHECK32(OP_SUB, rows);
}

Test(softfloat_add, infinities_and_nans)
{
    static const Row32 rows[] = {
        { PINF, NINF, 0, ALL5(CNAN), ALL5(NV) },
        { NINF, PINF, 0, ALL5(CNAN), ALL5(NV) },
        { PINF, PINF, 0, ALL5(PINF), ALL5(0) },
        { PINF, MAX_NORM, 0, ALL5(PINF), ALL5(0) },
        { NMAX_NORM, NINF, 0, ALL5(NINF), ALL5(0) },
        { QNAN_PAYLOAD, ONE, 0, ALL5(CNAN), ALL5(0) },
        { ONE, NQNAN, 0, ALL5(CNAN), ALL5(0) },
        { SNAN, ONE, 0, ALL5(CNAN), ALL5(NV) },
        { QNAN, NSNAN, 0, ALL5(CNAN), ALL5(NV) },
        { PINF, SNAN, 0, ALL5(CNAN), ALL5(NV) },
        { QNAN, PINF, 0, ALL5(CNAN), ALL5(0) },
    };
    CHECK32(OP_ADD, rows);
    static const Row32 sub_rows[] = {
        { PINF, PINF, 0, ALL5(CNAN), ALL5(NV) },
        { PINF, NINF, 0, ALL5(PINF), ALL5(0) },
    };
    CHECK32(OP_SUB, sub_rows);
    static const Row64 rows64[] = {
        { D_PINF, D_NINF, 0, ALL5(D_CNAN), ALL5(NV) },
        { D_QNAN_PAYLOAD, D_ONE, 0, ALL5(D_CNAN), ALL5(0) },
        { D_ONE, D_SNAN, 0, ALL5(D_CNAN), ALL5(NV) },
    };
    CHECK64(OP_ADD, rows64);
}

Test(softfloat_add, ties_and_directed_rounding)
{
    static const Row32 rows[] = {
        /* 1 + 2^-24: exactly half an ulp above 1 */
        { ONE, 0x33800000u, 0,
          { ONE, ONE, ONE, 0x3f800001u, 0x3f800001u }, ALL5(NX) },
        { MONE, 0xb3800000u, 0,
          { MONE, MONE, 0xbf800001u, MONE, 0xbf800001u }, ALL5(NX) },
        /* (1 + 2^-23) + 2^-24: a tie whose even neighbour is above */
        { 0x3f800001u, 0x33800000u, 0,
          { 0x3f800002u, 0x3f800001u, 0x3f800001u, 0x3f800002u, 0x3f800002u },
          ALL5(NX) },
        /* 1 + 0.75 ulp: nearest is up in both nearest modes */
        { ONE, 0x33c00000u, 0,
          { 0x3f800001u, ONE, ONE, 0x3f800001u, 0x3f800001u }, ALL5(NX) },
        /* 1 + 0.25 ulp */
        { ONE, 0x33000000u, 0,
          { ONE, ONE, ONE, 0x3f800001u, ONE }, ALL5(NX) },
        /* 1 - 2^-25 (a quarter ulp below 1 is half an ulp of [0.5, 1)) */
        { ONE, 0xb3000000u, 0,
          { ONE, 0x3f7fffffu, 0x3f7fffffu, ONE, ONE }, ALL5(NX) },
        /* a tiny addend only moves the directed modes */
        { ONE, MIN_SUB, 0,
          { ONE, ONE, ONE, 0x3f800001u, ONE }, ALL5(NX) },
        { ONE, 0x80000001u, 0,
          { ONE, 0x3f7fffffu, 0x3f7fffffu, ONE, ONE }, ALL5(NX) },
    };
    CHECK32(OP_ADD, rows);
    static const Row64 rows64[] = {
        /* 1 + 2^-53 */
        { D_ONE, UINT64_C(0x3ca0000000000000), 0,
          { D_ONE, D_ONE, D_ONE, D_ONE + 1, D_ONE + 1 }, ALL5(NX) },
        { D_ONE + 1, UINT64_C(0x3ca0000000000000), 0,
          { D_ONE + 2, D_ONE + 1, D_ONE + 1, D_ONE + 2, D_ONE + 2 }, ALL5(NX) },
    };
    CHECK64(OP_ADD, rows64);
}

Test(softfloat_add, overflow_goes_to_inf_or_max_per_mode)
{
    static const Row32 rows[] = {
        { MAX_NORM, MAX_NORM, 0,
          { PINF, MAX_NORM, MAX_NORM, PINF, PINF }, ALL5(OF | NX) },
        { NMAX_NORM, NMAX_NORM, 0,
          { NINF, NMAX_NORM, NINF, NMAX_NORM, NINF }, ALL5(OF | NX) },
        /* max + half an ulp of max: a tie whose even neighbour is 2^128 */
        { MAX_NORM, 0x73000000u, 0,
          { PINF, MAX_NORM, MAX_NORM, PINF, PINF },
          { OF | NX, NX, NX, OF | NX, OF | NX } },
        /* max + a quarter ulp: only rounding up overflows */
        { MAX_NORM, 0x72800000u, 0,
          { MAX_NORM, MAX_NORM, MAX_NORM, PINF, MAX_NORM },
          { NX, NX, NX, OF | NX, NX } },
    };
    CHECK32(OP_ADD, rows);
    static const Row64 rows64[] = {
        { D_MAX_NORM, D_MAX_NORM, 0,
          { D_PINF, D_MAX_NORM, D_MAX_NORM, D_PINF, D_PINF }, ALL5(OF | NX) },
    };
    CHECK64(OP_ADD, rows64);
}

Test(softfloat_add, subnormal_sums_are_exact_without_underflow)
{
    static const Row32 rows[] = {
        { MIN_SUB, MIN_SUB, 0, ALL5(0x00000002u), ALL5(0) },
        /* the largest subnormal plus the smallest is the smallest normal */
        { MAX_SUB, MIN_SUB, 0, ALL5(MIN_NORM), ALL5(0) },
        { MIN_NORM, 0x80000001u, 0, ALL5(MAX_SUB), ALL5(0) },
    };
    CHECK32(OP_ADD, rows);
    static const Row64 rows64[] = {
        { D_MAX_SUB, D_MIN_SUB, 0, ALL5(D_MIN_NORM), ALL5(0) },
    };
    CHECK64(OP_ADD, rows64);
}

/* ---- mul ------------------------------------------------------------------ */

Test(softfloat_mul, specials)
{
    static const Row32 rows[] = {
        { PINF, P0, 0, ALL5(CNAN), ALL5(NV) },
        { N0, NINF, 0, ALL5(CNAN), ALL5(NV) },
        { NINF, MONE, 0, ALL5(PINF), ALL5(0) },
        { N0, ONE, 0, ALL5(N0), ALL5(0) },
        { N0, N0, 0, ALL5(P0), ALL5(0) },
        { QNAN, P0, 0, ALL5(CNAN), ALL5(0) },
        { SNAN, P0, 0, ALL5(CNAN), ALL5(NV) },
        { THREE, MONE, 0, ALL5(0xc0400000u), ALL5(0) },
    };
    CHECK32(OP_MUL, rows);
}

Test(softfloat_mul, underflow_to_zero_and_to_min_subnormal_per_mode)
{
    static const Row32 rows[] = {
        /* 2^-149 * 0.5: a tie between 0 and the smallest subnormal */
        { MIN_SUB, HALF, 0,
          { P0, P0, P0, MIN_SUB, MIN_SUB }, ALL5(UF | NX) },
        { 0x80000001u, HALF, 0,
          { N0, N0, 0x80000001u, N0, 0x80000001u }, ALL5(UF | NX) },
        /* 2^-149 * 0.25 */
        { MIN_SUB, 0x3e800000u, 0,
          { P0, P0, P0, MIN_SUB, P0 }, ALL5(UF | NX) },
        /* an exact subnormal product does not underflow */
        { 0x00000004u, HALF, 0, ALL5(0x00000002u), ALL5(0) },
        /* 1.5 * 2^-149 * 1 = tie between 1 and 2 subnormal units */
        { 0x00000003u, HALF, 0,
          { 0x00000002u, MIN_SUB, MIN_SUB, 0x00000002u, 0x00000002u },
          ALL5(UF | NX) },
    };
    CHECK32(OP_MUL, rows);
    static const Row64 rows64[] = {
        { D_MIN_SUB, UINT64_C(0x3fe0000000000000), 0,
          { D_P0, D_P0, D_P0, D_MIN_SUB, D_MIN_SUB }, ALL5(UF | NX) },
    };
    CHECK64(OP_MUL, rows64);
}

Test(softfloat_mul, tininess_is_detected_after_rounding)
{
    static const Row32 rows[] = {
        /*
         * (1 - 2^-24) * 2^-126 = 2^-126 - 2^-150: exact with 24 bits, so
         * tiny after rounding with an unbounded exponent, but a tie in the
         * subnormal format.  Rounding up reaches 2^-126 and still underflows.
         */
        { 0x3f7fffffu, MIN_NORM, 0,
          { MIN_NORM, MAX_SUB, MAX_SUB, MIN_NORM, MIN_NORM }, ALL5(UF | NX) },
        /* (1 - 2^-23) * 2^-126: exact subnormal, no flags */
        { 0x3f7ffffeu, MIN_NORM, 0, ALL5(MAX_SUB), ALL5(0) },
    };
    CHECK32(OP_MUL, rows);
    static const Row64 rows64[] = {
        { UINT64_C(0x3fefffffffffffff), D_MIN_NORM, 0,
          { D_MIN_NORM, D_MAX_SUB, D_MAX_SUB, D_MIN_NORM, D_MIN_NORM },
          ALL5(UF | NX) },
    };
    CHECK64(OP_MUL, rows64);
}

Test(softfloat_mul, overflow)
{
    static const Row32 rows[] = {
        { MAX_NORM, TWO, 0,
          { PINF, MAX_NORM, MAX_NORM, PINF, PINF }, ALL5(OF | NX) },
        { MAX_NORM, 0xc0000000u, 0,
          { NINF, NMAX_NORM, NINF, NMAX_NORM, NINF }, ALL5(OF | NX) },
        /* (2^127) * 2 = 2^128 exactly: still an overflow */
        { 0x7f000000u, TWO, 0,
          { PINF, MAX_NORM, MAX_NORM, PINF, PINF }, ALL5(OF | NX) },
    };
    CHECK32(OP_MUL, rows);
}

/* ---- div ------------------------------------------------------------------ */

Test(softfloat_div, division_by_zero_and_invalid)
{
    static const Row32 rows[] = {
        { ONE, P0, 0, ALL5(PINF), ALL5(DZ) },
        { MONE, P0, 0, ALL5(NINF), ALL5(DZ) },
        { ONE, N0, 0, ALL5(NINF), ALL5(DZ) },
        { MIN_SUB, N0, 0, ALL5(NINF), ALL5(DZ) },
        { P0, P0, 0, ALL5(CNAN), ALL5(NV) },
        { PINF, NINF, 0, ALL5(CNAN), ALL5(NV) },
        { PINF, P0, 0, ALL5(PINF), ALL5(0) },
        { P0, PINF, 0, ALL5(P0), ALL5(0) },
        { MONE, PINF, 0, ALL5(N0), ALL5(0) },
        { N0, THREE, 0, ALL5(N0), ALL5(0) },
        { QNAN, P0, 0, ALL5(CNAN), ALL5(0) },
        { SNAN, P0, 0, ALL5(CNAN), ALL5(NV) },
    };
    CHECK32(OP_DIV, rows);
    static const Row64 rows64[] = {
        { D_ONE, D_P0, 0, ALL5(D_PINF), ALL5(DZ) },
        { D_P0, D_P0, 0, ALL5(D_CNAN), ALL5(NV) },
    };
    CHECK64(OP_DIV, rows64);
}

Test(softfloat_div, one_third_in_each_mode)
{
    static const Row32 rows[] = {
        { ONE, THREE, 0,
          { 0x3eaaaaabu, 0x3eaaaaaau, 0x3eaaaaaau, 0x3eaaaaabu, 0x3eaaaaabu },
          ALL5(NX) },
        { MONE, THREE, 0,
          { 0xbeaaaaabu, 0xbeaaaaaau, 0xbeaaaaabu, 0xbeaaaaaau, 0xbeaaaaabu },
          ALL5(NX) },
        { THREE, THREE, 0, ALL5(ONE), ALL5(0) },
        /* the largest normal over the smallest subnormal overflows */
        { MAX_NORM, MIN_SUB, 0,
          { PINF, MAX_NORM, MAX_NORM, PINF, PINF }, ALL5(OF | NX) },
        /* the smallest normal over 2: exact subnormal */
        { MIN_NORM, TWO, 0, ALL5(0x00400000u), ALL5(0) },
    };
    CHECK32(OP_DIV, rows);
    static const Row64 rows64[] = {
        { D_ONE, D_THREE, 0,
          { UINT64_C(0x3fd5555555555555), UINT64_C(0x3fd5555555555555),
            UINT64_C(0x3fd5555555555555), UINT64_C(0x3fd5555555555556),
            UINT64_C(0x3fd5555555555555) }, ALL5(NX) },
        { D_TWO, D_THREE, 0,
          { UINT64_C(0x3fe5555555555555), UINT64_C(0x3fe5555555555555),
            UINT64_C(0x3fe5555555555555), UINT64_C(0x3fe5555555555556),
            UINT64_C(0x3fe5555555555555) }, ALL5(NX) },
    };
    CHECK64(OP_DIV, rows64);
}

/* ---- sqrt ----------------------------------------------------------------- */

Test(softfloat_sqrt, specials_and_rounding)
{
    static const Row32 rows[] = {
        { N0, 0, 0, ALL5(N0), ALL5(0) },
        { P0, 0, 0, ALL5(P0), ALL5(0) },
        { PINF, 0, 0, ALL5(PINF), ALL5(0) },
        { NINF, 0, 0, ALL5(CNAN), ALL5(NV) },
        { MONE, 0, 0, ALL5(CNAN), ALL5(NV) },
        { 0x80000001u, 0, 0, ALL5(CNAN), ALL5(NV) },
        { QNAN, 0, 0, ALL5(CNAN), ALL5(0) },
        { SNAN, 0, 0, ALL5(CNAN), ALL5(NV) },
        { 0x40800000u, 0, 0, ALL5(TWO), ALL5(0) },
        { TWO, 0, 0,
          { 0x3fb504f3u, 0x3fb504f3u, 0x3fb504f3u, 0x3fb504f4u, 0x3fb504f3u },
          ALL5(NX) },
        /* sqrt(2^-148) = 2^-74 exactly */
        { 0x00000002u, 0, 0, ALL5(0x1a800000u), ALL5(0) },
        /* sqrt(2^-149) = 2^-74.5 = 0x1a3504f3.33.. */
        { MIN_SUB, 0, 0,
          { 0x1a3504f3u, 0x1a3504f3u, 0x1a3504f3u, 0x1a3504f4u, 0x1a3504f3u },
          ALL5(NX) },
        /* sqrt((2 - 2^-23) * 2^127) = 2^64 - 2^39 - 2^13 - ...: just below
           the midpoint of 2^64 - 2^40 and 2^64 */
        { MAX_NORM, 0, 0,
          { 0x5f7fffffu, 0x5f7fffffu, 0x5f7fffffu, 0x5f800000u, 0x5f7fffffu },
          ALL5(NX) },
    };
    CHECK32(OP_SQRT, rows);
    static const Row64 rows64[] = {
        { D_TWO, 0, 0,
          { UINT64_C(0x3ff6a09e667f3bcd), UINT64_C(0x3ff6a09e667f3bcc),
            UINT64_C(0x3ff6a09e667f3bcc), UINT64_C(0x3ff6a09e667f3bcd),
            UINT64_C(0x3ff6a09e667f3bcd) }, ALL5(NX) },
        { UINT64_C(0x4010000000000000), 0, 0, ALL5(D_TWO), ALL5(0) },
        { D_N0, 0, 0, ALL5(D_N0), ALL5(0) },
        { D_MONE, 0, 0, ALL5(D_CNAN), ALL5(NV) },
        /* sqrt(2^-1074) = 2^-537 exactly; sqrt(2^-1073) = 2^-537 * sqrt(2) */
        { D_MIN_SUB, 0, 0, ALL5(UINT64_C(0x1e60000000000000)), ALL5(0) },
        { UINT64_C(0x0000000000000002), 0, 0,
          { UINT64_C(0x1e66a09e667f3bcd), UINT64_C(0x1e66a09e667f3bcc),
            UINT64_C(0x1e66a09e667f3bcc), UINT64_C(0x1e66a09e667f3bcd),
            UINT64_C(0x1e66a09e667f3bcd) }, ALL5(NX) },
    };
    CHECK64(OP_SQRT, rows64);
}

/* ---- fused multiply-add --------------------------------------------------- */

Test(softfloat_muladd, rounds_once)
{
    static const Row32 rows[] = {
        /* (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24, exact only without a
           rounding of the product */
        { 0x3f800800u, 0x3f800800u, MONE, ALL5(0x3a000400u), ALL5(0) },
        /* 1 * 1 + 2^-149: only the directed modes see the addend */
        { ONE, ONE, MIN_SUB, { ONE, ONE, ONE, 0x3f800001u, ONE }, ALL5(NX) },
        { ONE, ONE, 0x80000001u,
          { ONE, 0x3f7fffffu, 0x3f7fffffu, ONE, ONE }, ALL5(NX) },
        /* 3 * 2^-150 * 1 + 0: 1.5 units of the smallest subnormal */
        { 0x00000003u, HALF, P0,
          { 0x00000002u, MIN_SUB, MIN_SUB, 0x00000002u, 0x00000002u },
          ALL5(UF | NX) },
        /* (1 + 2^-23)(1 - 2^-23) = 1 - 2^-46 */
        { 0x3f800001u, 0x3f7ffffeu, P0,
          { ONE, 0x3f7fffffu, 0x3f7fffffu, ONE, ONE }, ALL5(NX) },
    };
    CHECK32(OP_FMADD, rows);
    static const Row64 rows64[] = {
        /* (1 + 2^-27)^2 - 1 = 2^-26 + 2^-54 */
        { UINT64_C(0x3ff0000002000000), UINT64_C(0x3ff0000002000000), D_MONE,
          ALL5(UINT64_C(0x3e50000001000000)), ALL5(0) },
    };
    CHECK64(OP_FMADD, rows64);
}

Test(softfloat_muladd, exact_zero_signs)
{
    /* fmadd: a*b + c */
    static const Row32 madd[] = {
        { ONE, ONE, MONE, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { P0, ONE, P0, ALL5(P0), ALL5(0) },
        { N0, ONE, P0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { N0, ONE, N0, ALL5(N0), ALL5(0) },
        /* a zero product leaves a nonzero addend untouched */
        { P0, PINF - 1, MIN_SUB, ALL5(MIN_SUB), ALL5(0) },
    };
    CHECK32(OP_FMADD, madd);
    /* fmsub: a*b - c */
    static const Row32 msub[] = {
        { P0, ONE, P0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { P0, ONE, N0, ALL5(P0), ALL5(0) },
        { ONE, ONE, ONE, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { P0, ONE, ONE, ALL5(MONE), ALL5(0) },
    };
    CHECK32(OP_FMSUB, msub);
    /* fnmsub: -(a*b) + c */
    static const Row32 nmsub[] = {
        { P0, ONE, P0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { P0, ONE, N0, ALL5(N0), ALL5(0) },
        { ONE, ONE, ONE, { P0, P0, N0, P0, P0 }, ALL5(0) },
    };
    CHECK32(OP_FNMSUB, nmsub);
    /* fnmadd: -(a*b) - c; -(1*1) - (-1) is an exact zero, +0 unless RDN */
    static const Row32 nmadd[] = {
        { P0, ONE, P0, ALL5(N0), ALL5(0) },
        { N0, ONE, P0, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { ONE, ONE, MONE, { P0, P0, N0, P0, P0 }, ALL5(0) },
        { ONE, TWO, ONE, ALL5(0xc0400000u), ALL5(0) },
    };
    CHECK32(OP_FNMADD, nmadd);
    static const Row64 madd64[] = {
        { D_ONE, D_ONE, D_MONE, { D_P0, D_P0, D_N0, D_P0, D_P0 }, ALL5(0) },
        { D_N0, D_ONE, D_N0, ALL5(D_N0), ALL5(0) },
    };
    CHECK64(OP_FMADD, madd64);
}

Test(softfloat_muladd, invalid_cases)
{
    static const Row32 rows[] = {
        /* RISC-V: inf * 0 is invalid even with a quiet NaN addend */
        { PINF, P0, QNAN, ALL5(CNAN), ALL5(NV) },
        { P0, NINF, QNAN_PAYLOAD, ALL5(CNAN), ALL5(NV) },
        { PINF, P0, ONE, ALL5(CNAN), ALL5(NV) },
        /* inf - inf after the product */
        { PINF, TWO, NINF, ALL5(CNAN), ALL5(NV) },
        { PINF, TWO, PINF, ALL5(PINF), ALL5(0) },
        { ONE, TWO, NINF, ALL5(NINF), ALL5(0) },
        { QNAN, ONE, ONE, ALL5(CNAN), ALL5(0) },
        { ONE, ONE, SNAN, ALL5(CNAN), ALL5(NV) },
        { SNAN, P0, PINF, ALL5(CNAN), ALL5(NV) },
        { ONE, QNAN, SNAN, ALL5(CNAN), ALL5(NV) },
    };
    CHECK32(OP_FMADD, rows);
    static const Row32 nm[] = {
        /* fnmadd: -(inf * 2) - (-inf) = -inf + inf */
        { PINF, TWO, NINF, ALL5(CNAN), ALL5(NV) },
        { PINF, TWO, PINF, ALL5(NINF), ALL5(0) },
    };
    CHECK32(OP_FNMADD, nm);
    static const Row64 rows64[] = {
        { D_PINF, D_P0, D_QNAN, ALL5(D_CNAN), ALL5(NV) },
        { D_ONE, D_PINF, D_NINF, ALL5(D_CNAN), ALL5(NV) },
    };
    CHECK64(OP_FMADD, rows64);
}

Test(softfloat_muladd, overflow_and_underflow)
{
    static const Row32 rows[] = {
        { MAX_NORM, TWO, NMAX_NORM,
          ALL5(MAX_NORM), ALL5(0) },
        { MAX_NORM, TWO, P0,
          { PINF, MAX_NORM, MAX_NORM, PINF, PINF }, ALL5(OF | NX) },
        /* 2^-149 * 0.5 + 0: the tie between 0 and the smallest subnormal */
        { MIN_SUB, HALF, P0,
          { P0, P0, P0, MIN_SUB, MIN_SUB }, ALL5(UF | NX) },
        /* 2^-126 * (1 - 2^-24) + 0: tiny after rounding, as for mul */
        { 0x3f7fffffu, MIN_NORM, N0,
          { MIN_NORM, MAX_SUB, MAX_SUB, MIN_NORM, MIN_NORM }, ALL5(UF | NX) },
        /* a subnormal result from cancellation is exact */
        { MIN_NORM, ONE, 0x80800001u, ALL5(0x80000001u), ALL5(0) },
    };
    CHECK32(OP_FMADD, rows);
}

/* ---- min / max ------------------------------------------------------------ */

typedef uint32_t (*Fn32x2)(uint32_t, uint32_t, RiscvFloatStatus *);
typedef uint64_t (*Fn64x2)(uint64_t, uint64_t, RiscvFloatStatus *);

static void expect2_32(Fn32x2 fn, const char *name, uint32_t a, uint32_t b,
                       uint32_t want, unsigned want_flags)
{
    RiscvFloatStatus s = { .rm = RNE, .flags = 0 };
    uint32_t got = fn(a, b, &s);
    cr_expect(got == want && s.flags == want_flags,
              "%s(%08x, %08x): got %08x flags %02x, want %08x flags %02x",
              name, a, b, got, s.flags, want, want_flags);
}

static void expect2_64(Fn64x2 fn, const char *name, uint64_t a, uint64_t b,
                       uint64_t want, unsigned want_flags)
{
    RiscvFloatStatus s = { .rm = RNE, .flags = 0 };
    uint64_t got = fn(a, b, &s);
    cr_expect(got == want && s.flags == want_flags,
              "%s(%016lx, %016lx): got %016lx flags %02x, want %016lx "
              "flags %02x", name, a, b, got, s.flags, want, want_flags);
}

Test(softfloat_minmax, negative_zero_is_below_positive_zero)
{
    expect2_32(f32_min, "f32_min", P0, N0, N0, 0);
    expect2_32(f32_min, "f32_min", N0, P0, N0, 0);
    expect2_32(f32_max, "f32_max", P0, N0, P0, 0);
    expect2_32(f32_max, "f32_max", N0, P0, P0, 0);
    expect2_64(f64_min, "f64_min", D_P0, D_N0, D_N0, 0);
    expect2_64(f64_max, "f64_max", D_N0, D_P0, D_P0, 0);
}

Test(softfloat_minmax, ordinary_values)
{
    expect2_32(f32_min, "f32_min", ONE, TWO, ONE, 0);
    expect2_32(f32_min, "f32_min", TWO, ONE, ONE, 0);
    expect2_32(f32_max, "f32_max", ONE, TWO, TWO, 0);
    expect2_32(f32_min, "f32_min", MONE, 0xc0000000u, 0xc0000000u, 0);
    expect2_32(f32_max, "f32_max", MONE, 0xc0000000u, MONE, 0);
    expect2_32(f32_min, "f32_min", NINF, NMAX_NORM, NINF, 0);
    expect2_32(f32_max, "f32_max", PINF, MAX_NORM, PINF, 0);
    expect2_32(f32_min, "f32_min", MIN_SUB, 0x80000001u, 0x80000001u, 0);
    expect2_32(f32_max, "f32_max", MIN_SUB, MIN_SUB, MIN_SUB, 0);
    expect2_64(f64_min, "f64_min", D_ONE, D_TWO, D_ONE, 0);
    expect2_64(f64_max, "f64_max", D_MONE, D_NINF, D_MONE, 0);
}

Test(softfloat_minmax, nan_operands)
{
    /* one NaN: the other operand; quiet NaN raises nothing */
    expect2_32(f32_min, "f32_min", QNAN, ONE, ONE, 0);
    expect2_32(f32_max, "f32_max", ONE, NQNAN, ONE, 0);
    expect2_32(f32_min, "f32_min", QNAN_PAYLOAD, N0, N0, 0);
    /* a signalling NaN raises NV, and still yields the other operand */
    expect2_32(f32_min, "f32_min", SNAN, ONE, ONE, NV);
    expect2_32(f32_max, "f32_max", MONE, NSNAN, MONE, NV);
    /* two NaNs: the canonical NaN */
    expect2_32(f32_min, "f32_min", QNAN_PAYLOAD, NQNAN, CNAN, 0);
    expect2_32(f32_max, "f32_max", SNAN, QNAN, CNAN, NV);
    expect2_32(f32_max, "f32_max", QNAN, SNAN, CNAN, NV);
    expect2_64(f64_min, "f64_min", D_QNAN_PAYLOAD, D_ONE, D_ONE, 0);
    expect2_64(f64_max, "f64_max", D_SNAN, D_ONE, D_ONE, NV);
    expect2_64(f64_max, "f64_max", D_QNAN_PAYLOAD, D_SNAN, D_CNAN, NV);
}

/* ---- compare -------------------------------------------------------------- */

typedef int (*Cmp32)(uint32_t, uint32_t, RiscvFloatStatus *);
typedef int (*Cmp64)(uint64_t, uint64_t, RiscvFloatStatus *);

static void expect_cmp32(Cmp32 fn, const char *name, uint32_t a, uint32_t b,
                         int want, unsigned want_flags)
{
    RiscvFloatStatus s = { .rm = RNE, .flags = 0 };
    int got = fn(a, b, &s);
    cr_expect(got == want && s.flags == want_flags,
              "%s(%08x, %08x): got %d flags %02x, want %d flags %02x",
              name, a, b, got, s.flags, want, want_flags);
}

static void expect_cmp64(Cmp64 fn, const char *name, uint64_t a, uint64_t b,
                         int want, unsigned want_flags)
{
    RiscvFloatStatus s = { .rm = RNE, .flags = 0 };
    int got = fn(a, b, &s);
    cr_expect(got == want && s.flags == want_flags,
              "%s(%016lx, %016lx): got %d flags %02x, want %d flags %02x",
              name, a, b, got, s.flags, want, want_flags);
}

Test(softfloat_compare, ordering_and_zeros)
{
    expect_cmp32(f32_eq, "f32_eq", P0, N0, 1, 0);
    expect_cmp32(f32_lt, "f32_lt", N0, P0, 0, 0);
    expect_cmp32(f32_le, "f32_le", N0, P0, 1, 0);
    expect_cmp32(f32_le, "f32_le", P0, N0, 1, 0);
    expect_cmp32(f32_lt, "f32_lt", ONE, TWO, 1, 0);
    expect_cmp32(f32_lt, "f32_lt", TWO, ONE, 0, 0);
    expect_cmp32(f32_lt, "f32_lt", TWO, TWO, 0, 0);
    expect_cmp32(f32_le, "f32_le", TWO, TWO, 1, 0);
    expect_cmp32(f32_eq, "f32_eq", TWO, TWO, 1, 0);
    expect_cmp32(f32_eq, "f32_eq", TWO, ONE, 0, 0);
    expect_cmp32(f32_lt, "f32_lt", 0xc0000000u, MONE, 1, 0);
    expect_cmp32(f32_lt, "f32_lt", MONE, 0xc0000000u, 0, 0);
    expect_cmp32(f32_lt, "f32_lt", MONE, ONE, 1, 0);
    expect_cmp32(f32_lt, "f32_lt", NINF, PINF, 1, 0);
    expect_cmp32(f32_le, "f32_le", PINF, PINF, 1, 0);
    expect_cmp32(f32_lt, "f32_lt", 0x80000001u, P0, 1, 0);
    expect_cmp32(f32_le, "f32_le", MIN_SUB, N0, 0, 0);
    expect_cmp64(f64_eq, "f64_eq", D_N0, D_P0, 1, 0);
    expect_cmp64(f64_lt, "f64_lt", D_MONE, D_N0, 1, 0);
    expect_cmp64(f64_le, "f64_le", D_TWO, D_ONE, 0, 0);
}

Test(softfloat_compare, eq_is_quiet_lt_le_signal)
{
    expect_cmp32(f32_eq, "f32_eq", QNAN, QNAN, 0, 0);
    expect_cmp32(f32_eq, "f32_eq", QNAN, ONE, 0, 0);
    expect_cmp32(f32_eq, "f32_eq", SNAN, ONE, 0, NV);
    expect_cmp32(f32_eq, "f32_eq", ONE, SNAN, 0, NV);
    expect_cmp32(f32_lt, "f32_lt", QNAN, ONE, 0, NV);
    expect_cmp32(f32_lt, "f32_lt", ONE, NQNAN, 0, NV);
    expect_cmp32(f32_le, "f32_le", QNAN, QNAN, 0, NV);
    expect_cmp32(f32_le, "f32_le", SNAN, ONE, 0, NV);
    expect_cmp64(f64_eq, "f64_eq", D_QNAN, D_QNAN, 0, 0);
    expect_cmp64(f64_eq, "f64_eq", D_SNAN, D_ONE, 0, NV);
    expect_cmp64(f64_lt, "f64_lt", D_QNAN, D_ONE, 0, NV);
    expect_cmp64(f64_le, "f64_le", D_ONE, D_QNAN_PAYLOAD, 0, NV);
}

/* ---- classify ------------------------------------------------------------- */

Test(softfloat_classify, one_bit_per_class)
{
    static const struct { uint32_t v; unsigned cls; } t32[] = {
        { NINF, RISCV_FCLASS_NEG_INF }, { MONE, RISCV_FCLASS_NEG_NORMAL },
        { NMAX_NORM, RISCV_FCLASS_NEG_NORMAL },
        { 0x80800000u, RISCV_FCLASS_NEG_NORMAL },
        { 0x807fffffu, RISCV_FCLASS_NEG_SUBNORMAL },
        { 0x80000001u, RISCV_FCLASS_NEG_SUBNORMAL },
        { N0, RISCV_FCLASS_NEG_ZERO }, { P0, RISCV_FCLASS_POS_ZERO },
        { MIN_SUB, RISCV_FCLASS_POS_SUBNORMAL },
        { MAX_SUB, RISCV_FCLASS_POS_SUBNORMAL },
        { MIN_NORM, RISCV_FCLASS_POS_NORMAL }, { MAX_NORM, RISCV_FCLASS_POS_NORMAL },
        { PINF, RISCV_FCLASS_POS_INF }, { SNAN, RISCV_FCLASS_SNAN },
        { NSNAN, RISCV_FCLASS_SNAN }, { 0x7fbfffffu, RISCV_FCLASS_SNAN },
        { QNAN, RISCV_FCLASS_QNAN }, { NQNAN, RISCV_FCLASS_QNAN },
        { 0x7fffffffu, RISCV_FCLASS_QNAN },
    };
    for (size_t i = 0; i < sizeof(t32) / sizeof(t32[0]); i++) {
        cr_expect_eq(f32_classify(t32[i].v), t32[i].cls,
                     "f32_classify(%08x) = %03x, want %03x", t32[i].v,
                     f32_classify(t32[i].v), t32[i].cls);
    }
    static const struct { uint64_t v; unsigned cls; } t64[] = {
        { D_NINF, RISCV_FCLASS_NEG_INF }, { D_MONE, RISCV_FCLASS_NEG_NORMAL },
        { UINT64_C(0x800fffffffffffff), RISCV_FCLASS_NEG_SUBNORMAL },
        { D_N0, RISCV_FCLASS_NEG_ZERO }, { D_P0, RISCV_FCLASS_POS_ZERO },
        { D_MIN_SUB, RISCV_FCLASS_POS_SUBNORMAL },
        { D_MIN_NORM, RISCV_FCLASS_POS_NORMAL },
        { D_MAX_NORM, RISCV_FCLASS_POS_NORMAL },
        { D_PINF, RISCV_FCLASS_POS_INF }, { D_SNAN, RISCV_FCLASS_SNAN },
        { UINT64_C(0x7ff7ffffffffffff), RISCV_FCLASS_SNAN },
        { D_QNAN, RISCV_FCLASS_QNAN }, { UINT64_C(0xfff8000000000001), RISCV_FCLASS_QNAN },
    };
    for (size_t i = 0; i < sizeof(t64) / sizeof(t64[0]); i++) {
        cr_expect_eq(f64_classify(t64[i].v), t64[i].cls,
                     "f64_classify(%016lx) = %03x, want %03x", t64[i].v,
                     f64_classify(t64[i].v), t64[i].cls);
    }
}

/* ---- conversions between formats ------------------------------------------ */

Test(softfloat_convert, f32_to_f64_is_exact)
{
    static const struct { uint32_t a; uint64_t want; unsigned flags; } t[] = {
        { ONE, D_ONE, 0 }, { N0, D_N0, 0 }, { NINF, D_NINF, 0 },
        { MIN_SUB, UINT64_C(0x36a0000000000000), 0 },
        { MAX_NORM, UINT64_C(0x47efffffe0000000), 0 },
        { QNAN_PAYLOAD, D_CNAN, 0 }, { NQNAN, D_CNAN, 0 },
        { SNAN, D_CNAN, NV },
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        for (unsigned rm = 0; rm < 5; rm++) {
            RiscvFloatStatus s = { .rm = rm, .flags = 0 };
            uint64_t got = f32_to_f64(t[i].a, &s);
            cr_expect(got == t[i].want && s.flags == t[i].flags,
                      "f32_to_f64(%08x) rm %u: got %016lx flags %02x",
                      t[i].a, rm, got, s.flags);
        }
    }
}

static void check_f64_to_f32(uint64_t a, const uint32_t want[5],
                             const unsigned flags[5])
{
    for (unsigned rm = 0; rm < 5; rm++) {
        RiscvFloatStatus s = { .rm = rm, .flags = 0 };
        uint32_t got = f64_to_f32(a, &s);
        cr_expect(got == want[rm] && s.flags == flags[rm],
                  "f64_to_f32(%016lx) rm %u: got %08x flags %02x, want %08x "
                  "flags %02x", a, rm, got, s.flags, want[rm], flags[rm]);
    }
}

Test(softfloat_convert, f64_to_f32_rounds)
{
    static const struct { uint64_t a; uint32_t want[5]; unsigned flags[5]; } t[] = {
        { D_ONE, ALL5(ONE), ALL5(0) },
        { D_SNAN, ALL5(CNAN), ALL5(NV) },
        { D_QNAN_PAYLOAD, ALL5(CNAN), ALL5(0) },
        { D_NINF, ALL5(NINF), ALL5(0) },
        { D_N0, ALL5(N0), ALL5(0) },
        /* 1/3 */
        { UINT64_C(0x3fd5555555555555),
          { 0x3eaaaaabu, 0x3eaaaaaau, 0x3eaaaaaau, 0x3eaaaaabu, 0x3eaaaaabu },
          ALL5(NX) },
        /* the largest double overflows */
        { D_MAX_NORM, { PINF, MAX_NORM, MAX_NORM, PINF, PINF }, ALL5(OF | NX) },
        { UINT64_C(0xffefffffffffffff),
          { NINF, NMAX_NORM, NINF, NMAX_NORM, NINF }, ALL5(OF | NX) },
        /* 2^-150: tie between 0 and the smallest subnormal */
        { UINT64_C(0x3690000000000000),
          { P0, P0, P0, MIN_SUB, MIN_SUB }, ALL5(UF | NX) },
        /* the smallest double: far below, only the directed modes move */
        { D_MIN_SUB, { P0, P0, P0, MIN_SUB, P0 }, ALL5(UF | NX) },
        { UINT64_C(0x8000000000000001),
          { N0, N0, 0x80000001u, N0, N0 }, ALL5(UF | NX) },
        /*
         * 2^-126 * (1 - 2^-25): 25 significant bits.  To nearest (even or
         * away) and up it rounds to 2^-126 even with an unbounded exponent,
         * so it is not tiny: NX without UF.  Down/towards zero it is tiny.
         */
        { UINT64_C(0x380ffffff0000000),
          { MIN_NORM, MAX_SUB, MAX_SUB, MIN_NORM, MIN_NORM },
          { NX, UF | NX, UF | NX, NX, NX } },
        /* 2^-126 * (1 - 2^-24): tiny even after rounding in every mode */
        { UINT64_C(0x380fffffe0000000),
          { MIN_NORM, MAX_SUB, MAX_SUB, MIN_NORM, MIN_NORM }, ALL5(UF | NX) },
        /* the largest subnormal is exact */
        { UINT64_C(0x380fffffc0000000), ALL5(MAX_SUB), ALL5(0) },
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        check_f64_to_f32(t[i].a, t[i].want, t[i].flags);
    }
}

/* ---- float -> integer ----------------------------------------------------- */

typedef struct CvtRow {
    uint64_t a;
    uint64_t want[5];
    unsigned flags[5];
} CvtRow;

typedef enum { TO_I32, TO_U32, TO_I64, TO_U64 } IntKind;

static uint64_t cvt_f32(IntKind k, uint32_t a, RiscvFloatStatus *s)
{
    switch (k) {
    case TO_I32: return (uint64_t)(int64_t)f32_to_i32(a, s);
    case TO_U32: return f32_to_u32(a, s);
    case TO_I64: return (uint64_t)f32_to_i64(a, s);
    case TO_U64: return f32_to_u64(a, s);
    }
    return 0;
}

static uint64_t cvt_f64(IntKind k, uint64_t a, RiscvFloatStatus *s)
{
    switch (k) {
    case TO_I32: return (uint64_t)(int64_t)f64_to_i32(a, s);
    case TO_U32: return f64_to_u32(a, s);
    case TO_I64: return (uint64_t)f64_to_i64(a, s);
    case TO_U64: return f64_to_u64(a, s);
    }
    return 0;
}

static void check_cvt(bool is64, IntKind k, const CvtRow *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (unsigned rm = 0; rm < 5; rm++) {
            RiscvFloatStatus s = { .rm = rm, .flags = 0 };
            uint64_t got = is64 ? cvt_f64(k, rows[i].a, &s)
                                : cvt_f32(k, (uint32_t)rows[i].a, &s);
            cr_expect(got == rows[i].want[rm] && s.flags == rows[i].flags[rm],
                      "%s -> int kind %d row %zu (%016lx) rm %u: got %016lx "
                      "flags %02x, want %016lx flags %02x", is64 ? "f64" : "f32",
                      k, i, rows[i].a, rm, got, s.flags, rows[i].want[rm],
                      rows[i].flags[rm]);
        }
    }
}

#define CHECK_CVT(is64, k, rows) \
    check_cvt(is64, k, rows, sizeof(rows) / sizeof(rows[0]))

#define I32MIN UINT64_C(0xffffffff80000000)
#define I32MAX UINT64_C(0x7fffffff)
#define U32MAX UINT64_C(0xffffffff)
#define I64MIN UINT64_C(0x8000000000000000)
#define I64MAX UINT64_C(0x7fffffffffffffff)
#define M(x) ((uint64_t)(int64_t)(x))

Test(softfloat_to_int, saturation_table)
{
    static const CvtRow w[] = {
        { QNAN, ALL5(I32MAX), ALL5(NV) },
        { NQNAN, ALL5(I32MAX), ALL5(NV) },
        { SNAN, ALL5(I32MAX), ALL5(NV) },
        { PINF, ALL5(I32MAX), ALL5(NV) },
        { NINF, ALL5(I32MIN), ALL5(NV) },
        { 0x4f000000u /* 2^31 */, ALL5(I32MAX), ALL5(NV) },
        { 0xcf000000u /* -2^31 */, ALL5(I32MIN), ALL5(0) },
        { 0xcf000001u, ALL5(I32MIN), ALL5(NV) },
        { 0x4effffffu, ALL5(0x7fffff80u), ALL5(0) },
        { N0, ALL5(0), ALL5(0) },
    };
    CHECK_CVT(false, TO_I32, w);
    static const CvtRow wu[] = {
        { QNAN, ALL5(U32MAX), ALL5(NV) },
        { PINF, ALL5(U32MAX), ALL5(NV) },
        { NINF, ALL5(0), ALL5(NV) },
        { MONE, ALL5(0), ALL5(NV) },
        { 0x4f800000u /* 2^32 */, ALL5(U32MAX), ALL5(NV) },
        { 0x4f7fffffu, ALL5(0xffffff00u), ALL5(0) },
        /* -0.5 rounds to 0 (NX) except when rounding down (to -1: NV) */
        { 0xbf000000u, { 0, 0, 0, 0, 0 }, { NX, NX, NV, NX, NV } },
        { 0x80000001u, { 0, 0, 0, 0, 0 }, { NX, NX, NV, NX, NX } },
    };
    CHECK_CVT(false, TO_U32, wu);
    static const CvtRow l[] = {
        { QNAN, ALL5(I64MAX), ALL5(NV) },
        { NINF, ALL5(I64MIN), ALL5(NV) },
        { 0x5f000000u /* 2^63 */, ALL5(I64MAX), ALL5(NV) },
        { 0xdf000000u /* -2^63 */, ALL5(I64MIN), ALL5(0) },
        { 0x5effffffu, ALL5(UINT64_C(0x7fffff8000000000)), ALL5(0) },
    };
    CHECK_CVT(false, TO_I64, l);
    static const CvtRow lu[] = {
        { QNAN, ALL5(UINT64_MAX), ALL5(NV) },
        { PINF, ALL5(UINT64_MAX), ALL5(NV) },
        { NINF, ALL5(0), ALL5(NV) },
        { 0x5f800000u /* 2^64 */, ALL5(UINT64_MAX), ALL5(NV) },
        { 0x5f7fffffu, ALL5(UINT64_C(0xffffff0000000000)), ALL5(0) },
        { MONE, ALL5(0), ALL5(NV) },
    };
    CHECK_CVT(false, TO_U64, lu);
}

Test(softfloat_to_int, rounding_per_mode)
{
    static const CvtRow w[] = {
        /* 1.5, 2.5, -2.5, 0.4 (0x3ecccccd), -0.4 */
        { 0x3fc00000u, { 2, 1, 1, 2, 2 }, ALL5(NX) },
        { 0x40200000u, { 2, 2, 2, 3, 3 }, ALL5(NX) },
        { 0xc0200000u, { M(-2), M(-2), M(-3), M(-2), M(-3) }, ALL5(NX) },
        { 0x3ecccccdu, { 0, 0, 0, 1, 0 }, ALL5(NX) },
        { 0xbecccccdu, { 0, 0, M(-1), 0, 0 }, ALL5(NX) },
        { MIN_SUB, { 0, 0, 0, 1, 0 }, ALL5(NX) },
        { 0x80000001u, { 0, 0, M(-1), 0, 0 }, ALL5(NX) },
        /* 0.5 ties: to even is 0, to max magnitude is 1 */
        { HALF, { 0, 0, 0, 1, 1 }, ALL5(NX) },
        { THREE, ALL5(3), ALL5(0) },
    };
    CHECK_CVT(false, TO_I32, w);
    static const CvtRow d_w[] = {
        /* -2147483648.5: only the modes that stay at -2^31 are in range */
        { UINT64_C(0xc1e0000000100000),
          { I32MIN, I32MIN, I32MIN, I32MIN, I32MIN },
          { NX, NX, NV, NX, NV } },
        /* 2147483647.5 */
        { UINT64_C(0x41dfffffffe00000),
          { I32MAX, I32MAX, I32MAX, I32MAX, I32MAX },
          { NV, NX, NX, NV, NV } },
        { UINT64_C(0xc1e0000000000000), ALL5(I32MIN), ALL5(0) },
    };
    CHECK_CVT(true, TO_I32, d_w);
    static const CvtRow d_wu[] = {
        /* 4294967295.5 */
        { UINT64_C(0x41effffffff00000),
          ALL5(U32MAX), { NV, NX, NX, NV, NV } },
    };
    CHECK_CVT(true, TO_U32, d_wu);
    static const CvtRow d_l[] = {
        { UINT64_C(0x43e0000000000000), ALL5(I64MAX), ALL5(NV) },
        { UINT64_C(0xc3e0000000000000), ALL5(I64MIN), ALL5(0) },
        /* 2^52 + 1 */
        { UINT64_C(0x4330000000000001),
          ALL5(UINT64_C(0x10000000000001)), ALL5(0) },
        { UINT64_C(0x432ffffffffffffd) /* 2^52 - 1.5 */,
          { UINT64_C(0xffffffffffffe), UINT64_C(0xffffffffffffe),
            UINT64_C(0xffffffffffffe), UINT64_C(0xfffffffffffff),
            UINT64_C(0xfffffffffffff) }, ALL5(NX) },
    };
    CHECK_CVT(true, TO_I64, d_l);
    static const CvtRow d_lu[] = {
        { UINT64_C(0x43efffffffffffff), ALL5(UINT64_C(0xfffffffffffff800)), ALL5(0) },
        { UINT64_C(0x43f0000000000000), ALL5(UINT64_MAX), ALL5(NV) },
        { D_MONE, ALL5(0), ALL5(NV) },
        { D_SNAN, ALL5(UINT64_MAX), ALL5(NV) },
    };
    CHECK_CVT(true, TO_U64, d_lu);
}

/* ---- integer -> float ----------------------------------------------------- */

Test(softfloat_from_int, rounds_per_mode)
{
    static const struct { int64_t v; uint32_t want[5]; unsigned flags[5]; } s32[] = {
        { 0, ALL5(P0), ALL5(0) },
        { -1, ALL5(MONE), ALL5(0) },
        { INT32_MIN, ALL5(0xcf000000u), ALL5(0) },
        { INT32_MAX, { 0x4f000000u, 0x4effffffu, 0x4effffffu, 0x4f000000u,
                       0x4f000000u }, ALL5(NX) },
        /* 2^24 + 1: a tie */
        { 16777217, { 0x4b800000u, 0x4b800000u, 0x4b800000u, 0x4b800001u,
                      0x4b800001u }, ALL5(NX) },
        { -16777217, { 0xcb800000u, 0xcb800000u, 0xcb800001u, 0xcb800000u,
                       0xcb800001u }, ALL5(NX) },
        /* 2^24 + 3: a tie whose even neighbour is above */
        { 16777219, { 0x4b800002u, 0x4b800001u, 0x4b800001u, 0x4b800002u,
                      0x4b800002u }, ALL5(NX) },
    };
    for (size_t i = 0; i < sizeof(s32) / sizeof(s32[0]); i++) {
        for (unsigned rm = 0; rm < 5; rm++) {
            RiscvFloatStatus s = { .rm = rm, .flags = 0 };
            uint32_t got = i32_to_f32((int32_t)s32[i].v, &s);
            cr_expect(got == s32[i].want[rm] && s.flags == s32[i].flags[rm],
                      "i32_to_f32(%ld) rm %u: got %08x flags %02x",
                      (long)s32[i].v, rm, got, s.flags);
            s.flags = 0;
            got = i64_to_f32(s32[i].v, &s);
            cr_expect(got == s32[i].want[rm] && s.flags == s32[i].flags[rm],
                      "i64_to_f32(%ld) rm %u: got %08x flags %02x",
                      (long)s32[i].v, rm, got, s.flags);
        }
    }
    for (unsigned rm = 0; rm < 5; rm++) {
        static const uint32_t u32max[5] = { 0x4f800000u, 0x4f7fffffu,
            0x4f7fffffu, 0x4f800000u, 0x4f800000u };
        static const uint32_t u64max[5] = { 0x5f800000u, 0x5f7fffffu,
            0x5f7fffffu, 0x5f800000u, 0x5f800000u };
        static const uint64_t d_u64max[5] = { UINT64_C(0x43f0000000000000),
            UINT64_C(0x43efffffffffffff), UINT64_C(0x43efffffffffffff),
            UINT64_C(0x43f0000000000000), UINT64_C(0x43f0000000000000) };
        /* 2^53 + 1 */
        static const uint64_t d_2p53p1[5] = { UINT64_C(0x4340000000000000),
            UINT64_C(0x4340000000000000), UINT64_C(0x4340000000000000),
            UINT64_C(0x4340000000000001), UINT64_C(0x4340000000000001) };
        static const uint64_t d_m2p53p1[5] = { UINT64_C(0xc340000000000000),
            UINT64_C(0xc340000000000000), UINT64_C(0xc340000000000001),
            UINT64_C(0xc340000000000000), UINT64_C(0xc340000000000001) };
        RiscvFloatStatus s = { .rm = rm, .flags = 0 };
        cr_expect_eq(u32_to_f32(UINT32_MAX, &s), u32max[rm]);
        cr_expect_eq(s.flags, NX);
        s.flags = 0;
        cr_expect_eq(u64_to_f32(UINT64_MAX, &s), u64max[rm]);
        cr_expect_eq(s.flags, NX);
        s.flags = 0;
        cr_expect_eq(u64_to_f64(UINT64_MAX, &s), d_u64max[rm]);
        cr_expect_eq(s.flags, NX);
        s.flags = 0;
        cr_expect_eq(i64_to_f64((INT64_C(1) << 53) + 1, &s), d_2p53p1[rm]);
        cr_expect_eq(s.flags, NX);
        s.flags = 0;
        cr_expect_eq(i64_to_f64(-(INT64_C(1) << 53) - 1, &s), d_m2p53p1[rm]);
        cr_expect_eq(s.flags, NX);
        s.flags = 0;
        cr_expect_eq(i64_to_f64(INT64_MIN, &s), UINT64_C(0xc3e0000000000000));
        cr_expect_eq(i32_to_f64(INT32_MIN, &s), UINT64_C(0xc1e0000000000000));
        cr_expect_eq(i32_to_f64(-1, &s), D_MONE);
        cr_expect_eq(u32_to_f64(UINT32_MAX, &s), UINT64_C(0x41efffffffe00000));
        cr_expect_eq(u64_to_f64(0, &s), D_P0);
        cr_expect_eq(i64_to_f64(0, &s), D_P0);
        cr_expect_eq(s.flags, 0);
    }
}

Test(softfloat_status, flags_accrue_and_are_never_cleared)
{
    RiscvFloatStatus s = { .rm = RNE, .flags = DZ };
    f32_add(ONE, 0x33800000u, &s);          /* NX */
    f32_mul(MAX_NORM, TWO, &s);             /* OF | NX */
    f32_add(ONE, ONE, &s);                  /* exact: adds nothing */
    cr_expect_eq(s.flags, DZ | NX | OF);
    f32_sqrt(MONE, &s);
    cr_expect_eq(s.flags, DZ | NX | OF | NV);
    cr_expect_eq(s.rm, RNE);
}

#ifndef NDEBUG
/* The caller must resolve DYN and trap the reserved modes: 5..7 never get in. */
Test(softfloat_status, reserved_rounding_mode_is_a_programming_error,
     .signal = SIGABRT)
{
    RiscvFloatStatus s = { .rm = 5, .flags = 0 };
    f32_add(ONE, 0x33800000u, &s);
}
#endif
