/*
 * roms/tests/rv64f-arith.S: the F extension's arithmetic in single precision:
 * fadd, fsub, fmul, fdiv, fsqrt, fmadd, fmsub, fnmsub and fnmadd on signed
 * zeros, infinities, quiet and signalling NaNs, subnormals and the largest
 * and smallest normals, in every rounding mode where the result depends on
 * it; each case checks the result bits and the flags it raised (overflow,
 * underflow with tininess detected after rounding, inexact, invalid,
 * divide by zero).  Expected values follow from IEEE 754-2019 and the
 * RISC-V F/D chapters (canonical NaN results); u is one ulp of 1.0.
 */
#include "fp-test.h"

    .text
    .globl main
main:
    FP_ENABLE

    FP_S_RR 1, fadd.s, rne, 0x40000000, 0, 0x3f800000, 0x3f800000   /* 1 + 1 = 2 */
    FP_S_RR 2, fadd.s, rne, 0x00000000, 0, S_ONE, S_NONE   /* x + -x = +0 */
    FP_S_RR 3, fadd.s, rdn, 0x80000000, 0, S_ONE, S_NONE   /* x + -x = -0 when rounding down */
    FP_S_RR 4, fadd.s, rne, 0x00000000, 0, S_P0, S_N0   /* +0 + -0 = +0 */
    FP_S_RR 5, fadd.s, rdn, 0x80000000, 0, S_P0, S_N0   /* +0 + -0 = -0 when rounding down */
    FP_S_RR 6, fadd.s, rne, 0x80000000, 0, S_N0, S_N0   /* -0 + -0 = -0 */
    FP_S_RR 7, fadd.s, rne, 0x7f800000, 0, S_PINF, 0x3f800000   /* inf + 1 = inf */
    FP_S_RR 8, fadd.s, rne, 0xff800000, 0, S_NINF, S_NINF   /* -inf + -inf = -inf */
    FP_S_RR 9, fadd.s, rne, 0x7fc00000, NV, S_PINF, S_NINF   /* inf - inf: invalid */
    FP_S_RR 10, fadd.s, rne, 0x7fc00000, 0, S_QNAN, 0x3f800000   /* quiet NaN: canonical NaN, no flag */
    FP_S_RR 11, fadd.s, rne, 0x7fc00000, 0, 0x3f800000, S_NQNAN   /* NaN payload and sign are not propagated */
    FP_S_RR 12, fadd.s, rne, 0x7fc00000, NV, S_SNAN, 0x3f800000   /* signalling NaN: invalid */
    FP_S_RR 13, fadd.s, rne, 0x7fc00000, NV, S_QNAN, S_NSNAN   /* quiet and signalling: invalid */
    FP_S_RR 14, fadd.s, rne, 0x7f800000, OF|NX, S_MAX, S_MAX   /* overflow */
    FP_S_RR 15, fadd.s, rtz, 0x7f7fffff, OF|NX, S_MAX, S_MAX   /* overflow */
    FP_S_RR 16, fadd.s, rdn, 0x7f7fffff, OF|NX, S_MAX, S_MAX   /* overflow */
    FP_S_RR 17, fadd.s, rup, 0x7f800000, OF|NX, S_MAX, S_MAX   /* overflow */
    FP_S_RR 18, fadd.s, rmm, 0x7f800000, OF|NX, S_MAX, S_MAX   /* overflow */
    FP_S_RR 19, fadd.s, rdn, 0xff800000, OF|NX, S_NMAX, S_NMAX   /* negative overflow rounding down: -inf */
    FP_S_RR 20, fadd.s, rup, 0xff7fffff, OF|NX, S_NMAX, S_NMAX   /* negative overflow rounding up: -max */
    FP_S_RR 21, fadd.s, rne, 0x00000002, 0, S_MINS, S_MINS   /* subnormal sum, exact: no underflow */
    FP_S_RR 22, fadd.s, rne, 0x00800000, 0, S_MAXS, S_MINS   /* largest subnormal + smallest = smallest normal */
    FP_S_RR 23, fadd.s, rne, 0x3f800000, NX, 0x3f800000, 0x33800000   /* 1 + ulp/2: a tie */
    FP_S_RR 24, fadd.s, rtz, 0x3f800000, NX, 0x3f800000, 0x33800000   /* 1 + ulp/2: a tie */
    FP_S_RR 25, fadd.s, rdn, 0x3f800000, NX, 0x3f800000, 0x33800000   /* 1 + ulp/2: a tie */
    FP_S_RR 26, fadd.s, rup, 0x3f800001, NX, 0x3f800000, 0x33800000   /* 1 + ulp/2: a tie */
    FP_S_RR 27, fadd.s, rmm, 0x3f800001, NX, 0x3f800000, 0x33800000   /* 1 + ulp/2: a tie */
    FP_S_RR 28, fadd.s, rne, 0x3f800002, NX, 0x3f800001, 0x33800000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_S_RR 29, fadd.s, rtz, 0x3f800001, NX, 0x3f800001, 0x33800000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_S_RR 30, fadd.s, rdn, 0x3f800001, NX, 0x3f800001, 0x33800000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_S_RR 31, fadd.s, rup, 0x3f800002, NX, 0x3f800001, 0x33800000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_S_RR 32, fadd.s, rmm, 0x3f800002, NX, 0x3f800001, 0x33800000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_S_RR 33, fadd.s, rne, 0xbf800000, NX, 0xbf800000, 0xb3800000   /* -1 - ulp/2: a negative tie */
    FP_S_RR 34, fadd.s, rtz, 0xbf800000, NX, 0xbf800000, 0xb3800000   /* -1 - ulp/2: a negative tie */
    FP_S_RR 35, fadd.s, rdn, 0xbf800001, NX, 0xbf800000, 0xb3800000   /* -1 - ulp/2: a negative tie */
    FP_S_RR 36, fadd.s, rup, 0xbf800000, NX, 0xbf800000, 0xb3800000   /* -1 - ulp/2: a negative tie */
    FP_S_RR 37, fadd.s, rmm, 0xbf800001, NX, 0xbf800000, 0xb3800000   /* -1 - ulp/2: a negative tie */
    FP_S_RR 38, fadd.s, rne, 0x3f800001, NX, 0x3f800000, 0x33c00000   /* 1 + 3/4 ulp: above the midpoint */
    FP_S_RR 39, fadd.s, rtz, 0x3f800000, NX, 0x3f800000, 0x33c00000   /* 1 + 3/4 ulp: above the midpoint */
    FP_S_RR 40, fadd.s, rdn, 0x3f800000, NX, 0x3f800000, 0x33c00000   /* 1 + 3/4 ulp: above the midpoint */
    FP_S_RR 41, fadd.s, rup, 0x3f800001, NX, 0x3f800000, 0x33c00000   /* 1 + 3/4 ulp: above the midpoint */
    FP_S_RR 42, fadd.s, rmm, 0x3f800001, NX, 0x3f800000, 0x33c00000   /* 1 + 3/4 ulp: above the midpoint */
    FP_S_RR 43, fadd.s, rne, 0x3f800000, NX, 0x3f800000, 0x33000000   /* 1 + ulp/4: below the midpoint */
    FP_S_RR 44, fadd.s, rtz, 0x3f800000, NX, 0x3f800000, 0x33000000   /* 1 + ulp/4: below the midpoint */
    FP_S_RR 45, fadd.s, rdn, 0x3f800000, NX, 0x3f800000, 0x33000000   /* 1 + ulp/4: below the midpoint */
    FP_S_RR 46, fadd.s, rup, 0x3f800001, NX, 0x3f800000, 0x33000000   /* 1 + ulp/4: below the midpoint */
    FP_S_RR 47, fadd.s, rmm, 0x3f800000, NX, 0x3f800000, 0x33000000   /* 1 + ulp/4: below the midpoint */
    GROUP_OK "fadd.s"

    FP_S_RR 48, fsub.s, rne, 0x40000000, 0, 0x40400000, 0x3f800000   /* 3 - 1 = 2 */
    FP_S_RR 49, fsub.s, rne, 0x00000000, 0, S_ONE, S_ONE   /* x - x = +0 */
    FP_S_RR 50, fsub.s, rdn, 0x80000000, 0, S_ONE, S_ONE   /* x - x = -0 when rounding down */
    FP_S_RR 51, fsub.s, rne, 0x80000000, 0, S_N0, S_P0   /* -0 - +0 = -0 */
    FP_S_RR 52, fsub.s, rne, 0x7fc00000, NV, S_PINF, S_PINF   /* inf - inf: invalid */
    FP_S_RR 53, fsub.s, rne, 0xff800000, 0, S_NINF, S_PINF   /* -inf - inf = -inf */
    FP_S_RR 54, fsub.s, rne, 0x007fffff, 0, S_MINN, S_MINS   /* smallest normal - smallest subnormal: exact */
    FP_S_RR 55, fsub.s, rne, 0x7fc00000, NV, 0x3f800000, S_SNAN   /* signalling NaN: invalid */
    FP_S_RR 56, fsub.s, rne, 0x7fc00000, 0, S_QNAN, S_QNAN   /* NaN - NaN: canonical, no flag */
    FP_S_RR 57, fsub.s, rne, 0x3f800000, NX, 0x3f800000, 0x33000000   /* 1 - ulp/4: a tie below 1 */
    FP_S_RR 58, fsub.s, rtz, 0x3f7fffff, NX, 0x3f800000, 0x33000000   /* 1 - ulp/4: a tie below 1 */
    FP_S_RR 59, fsub.s, rdn, 0x3f7fffff, NX, 0x3f800000, 0x33000000   /* 1 - ulp/4: a tie below 1 */
    FP_S_RR 60, fsub.s, rup, 0x3f800000, NX, 0x3f800000, 0x33000000   /* 1 - ulp/4: a tie below 1 */
    FP_S_RR 61, fsub.s, rmm, 0x3f800000, NX, 0x3f800000, 0x33000000   /* 1 - ulp/4: a tie below 1 */
    FP_S_RR 62, fsub.s, rne, 0xff800000, OF|NX, S_NMAX, S_MAX   /* negative overflow */
    FP_S_RR 63, fsub.s, rtz, 0xff7fffff, OF|NX, S_NMAX, S_MAX   /* negative overflow */
    FP_S_RR 64, fsub.s, rdn, 0xff800000, OF|NX, S_NMAX, S_MAX   /* negative overflow */
    FP_S_RR 65, fsub.s, rup, 0xff7fffff, OF|NX, S_NMAX, S_MAX   /* negative overflow */
    FP_S_RR 66, fsub.s, rmm, 0xff800000, OF|NX, S_NMAX, S_MAX   /* negative overflow */
    GROUP_OK "fsub.s"

    FP_S_RR 67, fmul.s, rne, 0x40c00000, 0, 0x40000000, 0x40400000   /* 2 * 3 = 6 */
    FP_S_RR 68, fmul.s, rne, 0xc0c00000, 0, 0xc0000000, 0x40400000   /* -2 * 3 = -6 */
    FP_S_RR 69, fmul.s, rne, 0x80000000, 0, S_P0, S_NONE   /* +0 * -1 = -0 */
    FP_S_RR 70, fmul.s, rne, 0x00000000, 0, S_N0, S_N0   /* -0 * -0 = +0 */
    FP_S_RR 71, fmul.s, rne, 0x7fc00000, NV, S_PINF, S_P0   /* inf * 0: invalid */
    FP_S_RR 72, fmul.s, rne, 0x7fc00000, NV, S_N0, S_NINF   /* -0 * -inf: invalid */
    FP_S_RR 73, fmul.s, rne, 0xff800000, 0, S_PINF, 0xc0000000   /* inf * -2 = -inf */
    FP_S_RR 74, fmul.s, rne, 0x7f800000, 0, S_NINF, S_NINF   /* -inf * -inf = inf */
    FP_S_RR 75, fmul.s, rne, 0x7fc00000, 0, S_NQNAN, S_PINF   /* NaN * inf: canonical NaN, no flag */
    FP_S_RR 76, fmul.s, rne, 0x7fc00000, NV, S_SNAN, S_P0   /* signalling NaN * 0: invalid */
    FP_S_RR 77, fmul.s, rne, 0x7f800000, OF|NX, S_MAX, 0x40000000   /* overflow */
    FP_S_RR 78, fmul.s, rtz, 0x7f7fffff, OF|NX, S_MAX, 0x40000000   /* overflow */
    FP_S_RR 79, fmul.s, rdn, 0x7f7fffff, OF|NX, S_MAX, 0x40000000   /* overflow */
    FP_S_RR 80, fmul.s, rup, 0x7f800000, OF|NX, S_MAX, 0x40000000   /* overflow */
    FP_S_RR 81, fmul.s, rmm, 0x7f800000, OF|NX, S_MAX, 0x40000000   /* overflow */
    FP_S_RR 82, fmul.s, rne, 0x00400000, 0, S_MINN, 0x3f000000   /* exact subnormal result: no underflow */
    FP_S_RR 83, fmul.s, rne, 0x00000000, UF|NX, S_MINS, 0x3f000000   /* half the smallest subnormal: tie between 0 and it */
    FP_S_RR 84, fmul.s, rtz, 0x00000000, UF|NX, S_MINS, 0x3f000000   /* half the smallest subnormal: tie between 0 and it */
    FP_S_RR 85, fmul.s, rdn, 0x00000000, UF|NX, S_MINS, 0x3f000000   /* half the smallest subnormal: tie between 0 and it */
    FP_S_RR 86, fmul.s, rup, 0x00000001, UF|NX, S_MINS, 0x3f000000   /* half the smallest subnormal: tie between 0 and it */
    FP_S_RR 87, fmul.s, rmm, 0x00000001, UF|NX, S_MINS, 0x3f000000   /* half the smallest subnormal: tie between 0 and it */
    FP_S_RR 88, fmul.s, rne, 0x80000000, UF|NX, S_NMINS, 0x3e800000   /* a quarter of -smallest subnormal */
    FP_S_RR 89, fmul.s, rtz, 0x80000000, UF|NX, S_NMINS, 0x3e800000   /* a quarter of -smallest subnormal */
    FP_S_RR 90, fmul.s, rdn, 0x80000001, UF|NX, S_NMINS, 0x3e800000   /* a quarter of -smallest subnormal */
    FP_S_RR 91, fmul.s, rup, 0x80000000, UF|NX, S_NMINS, 0x3e800000   /* a quarter of -smallest subnormal */
    FP_S_RR 92, fmul.s, rmm, 0x80000000, UF|NX, S_NMINS, 0x3e800000   /* a quarter of -smallest subnormal */
    FP_S_RR 93, fmul.s, rne, 0x00800000, UF|NX, S_MINN, 0x3f7fffff   /* rounds to the smallest normal, tiny before and after rounding */
    FP_S_RR 94, fmul.s, rne, 0x00800000, NX, 0x3f800001, S_MAXS   /* minn(1 - u^2) rounds to minn, tiny only before rounding: no UF */
    FP_S_RR 95, fmul.s, rtz, 0x007fffff, UF|NX, 0x3f800001, S_MAXS   /* the same towards zero: tiny after rounding too, UF */
    FP_S_RR 96, fmul.s, rne, 0x3f800002, NX, 0x3f800001, 0x3f800001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_S_RR 97, fmul.s, rtz, 0x3f800002, NX, 0x3f800001, 0x3f800001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_S_RR 98, fmul.s, rdn, 0x3f800002, NX, 0x3f800001, 0x3f800001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_S_RR 99, fmul.s, rup, 0x3f800003, NX, 0x3f800001, 0x3f800001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_S_RR 100, fmul.s, rmm, 0x3f800002, NX, 0x3f800001, 0x3f800001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_S_RR 101, fmul.s, rne, 0xbf800003, NX, 0xbf800001, 0x3f800002   /* negative, just above the midpoint */
    FP_S_RR 102, fmul.s, rtz, 0xbf800003, NX, 0xbf800001, 0x3f800002   /* negative, just above the midpoint */
    FP_S_RR 103, fmul.s, rdn, 0xbf800004, NX, 0xbf800001, 0x3f800002   /* negative, just above the midpoint */
    FP_S_RR 104, fmul.s, rup, 0xbf800003, NX, 0xbf800001, 0x3f800002   /* negative, just above the midpoint */
    FP_S_RR 105, fmul.s, rmm, 0xbf800003, NX, 0xbf800001, 0x3f800002   /* negative, just above the midpoint */
    GROUP_OK "fmul.s"

    FP_S_RR 106, fdiv.s, rne, 0x40000000, 0, 0x40c00000, 0x40400000   /* 6 / 3 = 2 */
    FP_S_RR 107, fdiv.s, rne, 0x3eaaaaab, NX, 0x3f800000, 0x40400000   /* 1 / 3 */
    FP_S_RR 108, fdiv.s, rtz, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000   /* 1 / 3 */
    FP_S_RR 109, fdiv.s, rdn, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000   /* 1 / 3 */
    FP_S_RR 110, fdiv.s, rup, 0x3eaaaaab, NX, 0x3f800000, 0x40400000   /* 1 / 3 */
    FP_S_RR 111, fdiv.s, rmm, 0x3eaaaaab, NX, 0x3f800000, 0x40400000   /* 1 / 3 */
    FP_S_RR 112, fdiv.s, rne, 0xbf2aaaab, NX, 0xc0000000, 0x40400000   /* -2 / 3 */
    FP_S_RR 113, fdiv.s, rtz, 0xbf2aaaaa, NX, 0xc0000000, 0x40400000   /* -2 / 3 */
    FP_S_RR 114, fdiv.s, rdn, 0xbf2aaaab, NX, 0xc0000000, 0x40400000   /* -2 / 3 */
    FP_S_RR 115, fdiv.s, rup, 0xbf2aaaaa, NX, 0xc0000000, 0x40400000   /* -2 / 3 */
    FP_S_RR 116, fdiv.s, rmm, 0xbf2aaaab, NX, 0xc0000000, 0x40400000   /* -2 / 3 */
    FP_S_RR 117, fdiv.s, rne, 0x7f800000, DZ, 0x3f800000, S_P0   /* 1 / +0: divide by zero */
    FP_S_RR 118, fdiv.s, rne, 0xff800000, DZ, 0xbf800000, S_P0   /* -1 / +0 = -inf */
    FP_S_RR 119, fdiv.s, rne, 0xff800000, DZ, 0x3f800000, S_N0   /* 1 / -0 = -inf */
    FP_S_RR 120, fdiv.s, rne, 0x7fc00000, NV, S_P0, S_P0   /* 0 / 0: invalid */
    FP_S_RR 121, fdiv.s, rne, 0x7fc00000, NV, S_PINF, S_NINF   /* inf / inf: invalid */
    FP_S_RR 122, fdiv.s, rne, 0x7f800000, 0, S_PINF, S_P0   /* inf / 0 = inf, no flag */
    FP_S_RR 123, fdiv.s, rne, 0x80000000, 0, S_N0, 0x40400000   /* -0 / 3 = -0 */
    FP_S_RR 124, fdiv.s, rne, 0x80000000, 0, 0xbf800000, S_PINF   /* -1 / inf = -0 */
    FP_S_RR 125, fdiv.s, rne, 0x7fc00000, 0, S_QNAN, S_P0   /* NaN / 0: canonical NaN, no flag */
    FP_S_RR 126, fdiv.s, rne, 0x7fc00000, NV, 0x3f800000, S_SNAN   /* 1 / signalling NaN: invalid */
    FP_S_RR 127, fdiv.s, rne, 0x7f800000, OF|NX, S_MAX, 0x3f000000   /* overflow */
    FP_S_RR 128, fdiv.s, rtz, 0x7f7fffff, OF|NX, S_MAX, 0x3f000000   /* overflow */
    FP_S_RR 129, fdiv.s, rdn, 0x7f7fffff, OF|NX, S_MAX, 0x3f000000   /* overflow */
    FP_S_RR 130, fdiv.s, rup, 0x7f800000, OF|NX, S_MAX, 0x3f000000   /* overflow */
    FP_S_RR 131, fdiv.s, rmm, 0x7f800000, OF|NX, S_MAX, 0x3f000000   /* overflow */
    FP_S_RR 132, fdiv.s, rne, 0x00200000, 0, S_MINN, 0x40800000   /* exact subnormal */
    FP_S_RR 133, fdiv.s, rne, 0x00000000, UF|NX, S_MINS, 0x40400000   /* a third of the smallest subnormal */
    FP_S_RR 134, fdiv.s, rtz, 0x00000000, UF|NX, S_MINS, 0x40400000   /* a third of the smallest subnormal */
    FP_S_RR 135, fdiv.s, rdn, 0x00000000, UF|NX, S_MINS, 0x40400000   /* a third of the smallest subnormal */
    FP_S_RR 136, fdiv.s, rup, 0x00000001, UF|NX, S_MINS, 0x40400000   /* a third of the smallest subnormal */
    FP_S_RR 137, fdiv.s, rmm, 0x00000000, UF|NX, S_MINS, 0x40400000   /* a third of the smallest subnormal */
    FP_S_RR 138, fdiv.s, rne, 0x00200000, UF|NX, 0x3f800000, S_MAX   /* 1 / max: subnormal, inexact */
    GROUP_OK "fdiv.s"

    FP_S_R 139, fsqrt.s, rne, 0x40000000, 0, 0x40800000   /* sqrt(4) = 2 */
    FP_S_R 140, fsqrt.s, rne, 0x3f400000, 0, 0x3f100000   /* sqrt(9/16) = 3/4 */
    FP_S_R 141, fsqrt.s, rne, 0x3fb504f3, NX, 0x40000000   /* sqrt(2) */
    FP_S_R 142, fsqrt.s, rtz, 0x3fb504f3, NX, 0x40000000   /* sqrt(2) */
    FP_S_R 143, fsqrt.s, rdn, 0x3fb504f3, NX, 0x40000000   /* sqrt(2) */
    FP_S_R 144, fsqrt.s, rup, 0x3fb504f4, NX, 0x40000000   /* sqrt(2) */
    FP_S_R 145, fsqrt.s, rmm, 0x3fb504f3, NX, 0x40000000   /* sqrt(2) */
    FP_S_R 146, fsqrt.s, rne, 0x5f7fffff, NX, S_MAX   /* sqrt(largest) */
    FP_S_R 147, fsqrt.s, rtz, 0x5f7fffff, NX, S_MAX   /* sqrt(largest) */
    FP_S_R 148, fsqrt.s, rdn, 0x5f7fffff, NX, S_MAX   /* sqrt(largest) */
    FP_S_R 149, fsqrt.s, rup, 0x5f800000, NX, S_MAX   /* sqrt(largest) */
    FP_S_R 150, fsqrt.s, rmm, 0x5f7fffff, NX, S_MAX   /* sqrt(largest) */
    FP_S_R 151, fsqrt.s, rne, 0x1a3504f3, NX, S_MINS   /* sqrt(smallest subnormal) */
    FP_S_R 152, fsqrt.s, rne, 0x1fffffff, NX, S_MAXS   /* sqrt(largest subnormal) */
    FP_S_R 153, fsqrt.s, rne, 0x00000000, 0, S_P0   /* sqrt(+0) = +0 */
    FP_S_R 154, fsqrt.s, rne, 0x80000000, 0, S_N0   /* sqrt(-0) = -0 */
    FP_S_R 155, fsqrt.s, rne, 0x7fc00000, NV, S_NONE   /* sqrt(-1): invalid */
    FP_S_R 156, fsqrt.s, rne, 0x7fc00000, NV, S_NMINS   /* sqrt(-smallest subnormal): invalid */
    FP_S_R 157, fsqrt.s, rne, 0x7f800000, 0, S_PINF   /* sqrt(inf) = inf */
    FP_S_R 158, fsqrt.s, rne, 0x7fc00000, NV, S_NINF   /* sqrt(-inf): invalid */
    FP_S_R 159, fsqrt.s, rne, 0x7fc00000, 0, S_NQNAN   /* quiet NaN: canonical, no flag */
    FP_S_R 160, fsqrt.s, rne, 0x7fc00000, NV, S_SNAN   /* signalling NaN: invalid */
    GROUP_OK "fsqrt.s"

    FP_S_R4 161, fmadd.s, rne, 0x40e00000, 0, 0x40000000, 0x40400000, 0x3f800000   /* 2 * 3 + 1 = 7 */
    FP_S_R4 162, fmsub.s, rne, 0x40a00000, 0, 0x40000000, 0x40400000, 0x3f800000   /* 2 * 3 - 1 = 5 */
    FP_S_R4 163, fnmsub.s, rne, 0xc0a00000, 0, 0x40000000, 0x40400000, 0x3f800000   /* -(2 * 3) + 1 = -5 */
    FP_S_R4 164, fnmadd.s, rne, 0xc0e00000, 0, 0x40000000, 0x40400000, 0x3f800000   /* -(2 * 3) - 1 = -7 */
    FP_S_R4 165, fmadd.s, rne, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000   /* one rounding: (1 + u)(1 - u) - 1 = -u^2 exactly */
    FP_S_R4 166, fmsub.s, rne, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0x3f800000   /* the same through fmsub */
    FP_S_R4 167, fmadd.s, rne, 0x34800000, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_S_R4 168, fmadd.s, rtz, 0x34800000, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_S_R4 169, fmadd.s, rdn, 0x34800000, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_S_R4 170, fmadd.s, rup, 0x34800001, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_S_R4 171, fmadd.s, rmm, 0x34800001, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_S_R4 172, fnmadd.s, rne, 0xb4800000, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* -((1 + u)^2) + 1 */
    FP_S_R4 173, fnmadd.s, rtz, 0xb4800000, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* -((1 + u)^2) + 1 */
    FP_S_R4 174, fnmadd.s, rdn, 0xb4800001, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* -((1 + u)^2) + 1 */
    FP_S_R4 175, fnmadd.s, rup, 0xb4800000, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* -((1 + u)^2) + 1 */
    FP_S_R4 176, fnmadd.s, rmm, 0xb4800001, NX, 0x3f800001, 0x3f800001, 0xbf800000   /* -((1 + u)^2) + 1 */
    FP_S_R4 177, fmadd.s, rne, 0x7fc00000, NV, S_PINF, S_P0, S_QNAN   /* inf * 0 + quiet NaN: invalid all the same */
    FP_S_R4 178, fmadd.s, rne, 0x7fc00000, NV, S_P0, S_NINF, 0x3f800000   /* 0 * -inf + 1: invalid */
    FP_S_R4 179, fmadd.s, rne, 0x7fc00000, 0, S_QNAN, 0x3f800000, 0x3f800000   /* quiet NaN operand: canonical, no flag */
    FP_S_R4 180, fmadd.s, rne, 0x7fc00000, NV, 0x3f800000, 0x3f800000, S_SNAN   /* signalling NaN addend: invalid */
    FP_S_R4 181, fmadd.s, rne, 0x7fc00000, NV, S_PINF, 0x3f800000, S_NINF   /* inf - inf: invalid */
    FP_S_R4 182, fmsub.s, rne, 0x7fc00000, NV, S_PINF, 0x3f800000, S_PINF   /* inf - inf through fmsub: invalid */
    FP_S_R4 183, fmadd.s, rne, 0x7f800000, 0, S_PINF, 0x40000000, S_PINF   /* inf + inf = inf */
    FP_S_R4 184, fnmsub.s, rne, 0xff800000, 0, S_PINF, 0x40000000, 0x3f800000   /* -(inf * 2) + 1 = -inf */
    FP_S_R4 185, fmadd.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000, S_NONE   /* 1 * 1 - 1 = +0 */
    FP_S_R4 186, fmadd.s, rdn, 0x80000000, 0, 0x3f800000, 0x3f800000, S_NONE   /* 1 * 1 - 1 = -0 rounding down */
    FP_S_R4 187, fmadd.s, rne, 0x80000000, 0, S_P0, S_NONE, S_N0   /* +0 * -1 + -0 = -0 */
    FP_S_R4 188, fmadd.s, rne, 0x00000000, 0, S_P0, S_ONE, S_N0   /* +0 * 1 + -0 = +0 */
    FP_S_R4 189, fnmadd.s, rne, 0x80000000, 0, S_P0, S_ONE, S_P0   /* -(+0 * 1) - +0 = -0 */
    FP_S_R4 190, fmadd.s, rne, 0x7f7fffff, 0, S_MAX, 0x40000000, S_NMAX   /* product overflows, sum does not: exact */
    FP_S_R4 191, fmadd.s, rne, 0x7f800000, OF|NX, S_MAX, 0x40000000, S_P0   /* overflow */
    FP_S_R4 192, fmadd.s, rtz, 0x7f7fffff, OF|NX, S_MAX, 0x40000000, S_P0   /* overflow */
    FP_S_R4 193, fmadd.s, rdn, 0x7f7fffff, OF|NX, S_MAX, 0x40000000, S_P0   /* overflow */
    FP_S_R4 194, fmadd.s, rup, 0x7f800000, OF|NX, S_MAX, 0x40000000, S_P0   /* overflow */
    FP_S_R4 195, fmadd.s, rmm, 0x7f800000, OF|NX, S_MAX, 0x40000000, S_P0   /* overflow */
    FP_S_R4 196, fmadd.s, rne, 0x00400001, 0, S_MINN, 0x3f000000, S_MINS   /* exact subnormal sum */
    FP_S_R4 197, fmadd.s, rne, 0x00000000, UF|NX, S_MINS, 0x3f000000, S_P0   /* half the smallest subnormal + 0 */
    FP_S_R4 198, fmadd.s, rtz, 0x00000000, UF|NX, S_MINS, 0x3f000000, S_P0   /* half the smallest subnormal + 0 */
    FP_S_R4 199, fmadd.s, rdn, 0x00000000, UF|NX, S_MINS, 0x3f000000, S_P0   /* half the smallest subnormal + 0 */
    FP_S_R4 200, fmadd.s, rup, 0x00000001, UF|NX, S_MINS, 0x3f000000, S_P0   /* half the smallest subnormal + 0 */
    FP_S_R4 201, fmadd.s, rmm, 0x00000001, UF|NX, S_MINS, 0x3f000000, S_P0   /* half the smallest subnormal + 0 */
    FP_S_R4 202, fnmsub.s, rne, 0x00000001, UF|NX, S_MINS, 0x3e800000, S_MINS   /* smallest - quarter of it */
    FP_S_R4 203, fnmsub.s, rtz, 0x00000000, UF|NX, S_MINS, 0x3e800000, S_MINS   /* smallest - quarter of it */
    FP_S_R4 204, fnmsub.s, rdn, 0x00000000, UF|NX, S_MINS, 0x3e800000, S_MINS   /* smallest - quarter of it */
    FP_S_R4 205, fnmsub.s, rup, 0x00000001, UF|NX, S_MINS, 0x3e800000, S_MINS   /* smallest - quarter of it */
    FP_S_R4 206, fnmsub.s, rmm, 0x00000001, UF|NX, S_MINS, 0x3e800000, S_MINS   /* smallest - quarter of it */
    GROUP_OK "fmadd.s/fmsub.s/fnmsub.s/fnmadd.s"

    TEST_PASS
