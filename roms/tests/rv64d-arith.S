/*
 * roms/tests/rv64d-arith.S: the D extension's arithmetic in double precision:
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

    FP_D_RR 1, fadd.d, rne, 0x4000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000   /* 1 + 1 = 2 */
    FP_D_RR 2, fadd.d, rne, 0x0000000000000000, 0, D_ONE, D_NONE   /* x + -x = +0 */
    FP_D_RR 3, fadd.d, rdn, 0x8000000000000000, 0, D_ONE, D_NONE   /* x + -x = -0 when rounding down */
    FP_D_RR 4, fadd.d, rne, 0x0000000000000000, 0, D_P0, D_N0   /* +0 + -0 = +0 */
    FP_D_RR 5, fadd.d, rdn, 0x8000000000000000, 0, D_P0, D_N0   /* +0 + -0 = -0 when rounding down */
    FP_D_RR 6, fadd.d, rne, 0x8000000000000000, 0, D_N0, D_N0   /* -0 + -0 = -0 */
    FP_D_RR 7, fadd.d, rne, 0x7ff0000000000000, 0, D_PINF, 0x3ff0000000000000   /* inf + 1 = inf */
    FP_D_RR 8, fadd.d, rne, 0xfff0000000000000, 0, D_NINF, D_NINF   /* -inf + -inf = -inf */
    FP_D_RR 9, fadd.d, rne, 0x7ff8000000000000, NV, D_PINF, D_NINF   /* inf - inf: invalid */
    FP_D_RR 10, fadd.d, rne, 0x7ff8000000000000, 0, D_QNAN, 0x3ff0000000000000   /* quiet NaN: canonical NaN, no flag */
    FP_D_RR 11, fadd.d, rne, 0x7ff8000000000000, 0, 0x3ff0000000000000, D_NQNAN   /* NaN payload and sign are not propagated */
    FP_D_RR 12, fadd.d, rne, 0x7ff8000000000000, NV, D_SNAN, 0x3ff0000000000000   /* signalling NaN: invalid */
    FP_D_RR 13, fadd.d, rne, 0x7ff8000000000000, NV, D_QNAN, D_NSNAN   /* quiet and signalling: invalid */
    FP_D_RR 14, fadd.d, rne, 0x7ff0000000000000, OF|NX, D_MAX, D_MAX   /* overflow */
    FP_D_RR 15, fadd.d, rtz, 0x7fefffffffffffff, OF|NX, D_MAX, D_MAX   /* overflow */
    FP_D_RR 16, fadd.d, rdn, 0x7fefffffffffffff, OF|NX, D_MAX, D_MAX   /* overflow */
    FP_D_RR 17, fadd.d, rup, 0x7ff0000000000000, OF|NX, D_MAX, D_MAX   /* overflow */
    FP_D_RR 18, fadd.d, rmm, 0x7ff0000000000000, OF|NX, D_MAX, D_MAX   /* overflow */
    FP_D_RR 19, fadd.d, rdn, 0xfff0000000000000, OF|NX, D_NMAX, D_NMAX   /* negative overflow rounding down: -inf */
    FP_D_RR 20, fadd.d, rup, 0xffefffffffffffff, OF|NX, D_NMAX, D_NMAX   /* negative overflow rounding up: -max */
    FP_D_RR 21, fadd.d, rne, 0x0000000000000002, 0, D_MINS, D_MINS   /* subnormal sum, exact: no underflow */
    FP_D_RR 22, fadd.d, rne, 0x0010000000000000, 0, D_MAXS, D_MINS   /* largest subnormal + smallest = smallest normal */
    FP_D_RR 23, fadd.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000   /* 1 + ulp/2: a tie */
    FP_D_RR 24, fadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000   /* 1 + ulp/2: a tie */
    FP_D_RR 25, fadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000   /* 1 + ulp/2: a tie */
    FP_D_RR 26, fadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000   /* 1 + ulp/2: a tie */
    FP_D_RR 27, fadd.d, rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000   /* 1 + ulp/2: a tie */
    FP_D_RR 28, fadd.d, rne, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_D_RR 29, fadd.d, rtz, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_D_RR 30, fadd.d, rdn, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_D_RR 31, fadd.d, rup, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_D_RR 32, fadd.d, rmm, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000   /* (1 + ulp) + ulp/2: a tie, away from even */
    FP_D_RR 33, fadd.d, rne, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000   /* -1 - ulp/2: a negative tie */
    FP_D_RR 34, fadd.d, rtz, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000   /* -1 - ulp/2: a negative tie */
    FP_D_RR 35, fadd.d, rdn, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000   /* -1 - ulp/2: a negative tie */
    FP_D_RR 36, fadd.d, rup, 0xbff0000000000000, NX, 0xbff0000000000000, 0xbca0000000000000   /* -1 - ulp/2: a negative tie */
    FP_D_RR 37, fadd.d, rmm, 0xbff0000000000001, NX, 0xbff0000000000000, 0xbca0000000000000   /* -1 - ulp/2: a negative tie */
    FP_D_RR 38, fadd.d, rne, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca8000000000000   /* 1 + 3/4 ulp: above the midpoint */
    FP_D_RR 39, fadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca8000000000000   /* 1 + 3/4 ulp: above the midpoint */
    FP_D_RR 40, fadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca8000000000000   /* 1 + 3/4 ulp: above the midpoint */
    FP_D_RR 41, fadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca8000000000000   /* 1 + 3/4 ulp: above the midpoint */
    FP_D_RR 42, fadd.d, rmm, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca8000000000000   /* 1 + 3/4 ulp: above the midpoint */
    FP_D_RR 43, fadd.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 + ulp/4: below the midpoint */
    FP_D_RR 44, fadd.d, rtz, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 + ulp/4: below the midpoint */
    FP_D_RR 45, fadd.d, rdn, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 + ulp/4: below the midpoint */
    FP_D_RR 46, fadd.d, rup, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 + ulp/4: below the midpoint */
    FP_D_RR 47, fadd.d, rmm, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 + ulp/4: below the midpoint */
    GROUP_OK "fadd.d"

    FP_D_RR 48, fsub.d, rne, 0x4000000000000000, 0, 0x4008000000000000, 0x3ff0000000000000   /* 3 - 1 = 2 */
    FP_D_RR 49, fsub.d, rne, 0x0000000000000000, 0, D_ONE, D_ONE   /* x - x = +0 */
    FP_D_RR 50, fsub.d, rdn, 0x8000000000000000, 0, D_ONE, D_ONE   /* x - x = -0 when rounding down */
    FP_D_RR 51, fsub.d, rne, 0x8000000000000000, 0, D_N0, D_P0   /* -0 - +0 = -0 */
    FP_D_RR 52, fsub.d, rne, 0x7ff8000000000000, NV, D_PINF, D_PINF   /* inf - inf: invalid */
    FP_D_RR 53, fsub.d, rne, 0xfff0000000000000, 0, D_NINF, D_PINF   /* -inf - inf = -inf */
    FP_D_RR 54, fsub.d, rne, 0x000fffffffffffff, 0, D_MINN, D_MINS   /* smallest normal - smallest subnormal: exact */
    FP_D_RR 55, fsub.d, rne, 0x7ff8000000000000, NV, 0x3ff0000000000000, D_SNAN   /* signalling NaN: invalid */
    FP_D_RR 56, fsub.d, rne, 0x7ff8000000000000, 0, D_QNAN, D_QNAN   /* NaN - NaN: canonical, no flag */
    FP_D_RR 57, fsub.d, rne, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 - ulp/4: a tie below 1 */
    FP_D_RR 58, fsub.d, rtz, 0x3fefffffffffffff, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 - ulp/4: a tie below 1 */
    FP_D_RR 59, fsub.d, rdn, 0x3fefffffffffffff, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 - ulp/4: a tie below 1 */
    FP_D_RR 60, fsub.d, rup, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 - ulp/4: a tie below 1 */
    FP_D_RR 61, fsub.d, rmm, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3c90000000000000   /* 1 - ulp/4: a tie below 1 */
    FP_D_RR 62, fsub.d, rne, 0xfff0000000000000, OF|NX, D_NMAX, D_MAX   /* negative overflow */
    FP_D_RR 63, fsub.d, rtz, 0xffefffffffffffff, OF|NX, D_NMAX, D_MAX   /* negative overflow */
    FP_D_RR 64, fsub.d, rdn, 0xfff0000000000000, OF|NX, D_NMAX, D_MAX   /* negative overflow */
    FP_D_RR 65, fsub.d, rup, 0xffefffffffffffff, OF|NX, D_NMAX, D_MAX   /* negative overflow */
    FP_D_RR 66, fsub.d, rmm, 0xfff0000000000000, OF|NX, D_NMAX, D_MAX   /* negative overflow */
    GROUP_OK "fsub.d"

    FP_D_RR 67, fmul.d, rne, 0x4018000000000000, 0, 0x4000000000000000, 0x4008000000000000   /* 2 * 3 = 6 */
    FP_D_RR 68, fmul.d, rne, 0xc018000000000000, 0, 0xc000000000000000, 0x4008000000000000   /* -2 * 3 = -6 */
    FP_D_RR 69, fmul.d, rne, 0x8000000000000000, 0, D_P0, D_NONE   /* +0 * -1 = -0 */
    FP_D_RR 70, fmul.d, rne, 0x0000000000000000, 0, D_N0, D_N0   /* -0 * -0 = +0 */
    FP_D_RR 71, fmul.d, rne, 0x7ff8000000000000, NV, D_PINF, D_P0   /* inf * 0: invalid */
    FP_D_RR 72, fmul.d, rne, 0x7ff8000000000000, NV, D_N0, D_NINF   /* -0 * -inf: invalid */
    FP_D_RR 73, fmul.d, rne, 0xfff0000000000000, 0, D_PINF, 0xc000000000000000   /* inf * -2 = -inf */
    FP_D_RR 74, fmul.d, rne, 0x7ff0000000000000, 0, D_NINF, D_NINF   /* -inf * -inf = inf */
    FP_D_RR 75, fmul.d, rne, 0x7ff8000000000000, 0, D_NQNAN, D_PINF   /* NaN * inf: canonical NaN, no flag */
    FP_D_RR 76, fmul.d, rne, 0x7ff8000000000000, NV, D_SNAN, D_P0   /* signalling NaN * 0: invalid */
    FP_D_RR 77, fmul.d, rne, 0x7ff0000000000000, OF|NX, D_MAX, 0x4000000000000000   /* overflow */
    FP_D_RR 78, fmul.d, rtz, 0x7fefffffffffffff, OF|NX, D_MAX, 0x4000000000000000   /* overflow */
    FP_D_RR 79, fmul.d, rdn, 0x7fefffffffffffff, OF|NX, D_MAX, 0x4000000000000000   /* overflow */
    FP_D_RR 80, fmul.d, rup, 0x7ff0000000000000, OF|NX, D_MAX, 0x4000000000000000   /* overflow */
    FP_D_RR 81, fmul.d, rmm, 0x7ff0000000000000, OF|NX, D_MAX, 0x4000000000000000   /* overflow */
    FP_D_RR 82, fmul.d, rne, 0x0008000000000000, 0, D_MINN, 0x3fe0000000000000   /* exact subnormal result: no underflow */
    FP_D_RR 83, fmul.d, rne, 0x0000000000000000, UF|NX, D_MINS, 0x3fe0000000000000   /* half the smallest subnormal: tie between 0 and it */
    FP_D_RR 84, fmul.d, rtz, 0x0000000000000000, UF|NX, D_MINS, 0x3fe0000000000000   /* half the smallest subnormal: tie between 0 and it */
    FP_D_RR 85, fmul.d, rdn, 0x0000000000000000, UF|NX, D_MINS, 0x3fe0000000000000   /* half the smallest subnormal: tie between 0 and it */
    FP_D_RR 86, fmul.d, rup, 0x0000000000000001, UF|NX, D_MINS, 0x3fe0000000000000   /* half the smallest subnormal: tie between 0 and it */
    FP_D_RR 87, fmul.d, rmm, 0x0000000000000001, UF|NX, D_MINS, 0x3fe0000000000000   /* half the smallest subnormal: tie between 0 and it */
    FP_D_RR 88, fmul.d, rne, 0x8000000000000000, UF|NX, D_NMINS, 0x3fd0000000000000   /* a quarter of -smallest subnormal */
    FP_D_RR 89, fmul.d, rtz, 0x8000000000000000, UF|NX, D_NMINS, 0x3fd0000000000000   /* a quarter of -smallest subnormal */
    FP_D_RR 90, fmul.d, rdn, 0x8000000000000001, UF|NX, D_NMINS, 0x3fd0000000000000   /* a quarter of -smallest subnormal */
    FP_D_RR 91, fmul.d, rup, 0x8000000000000000, UF|NX, D_NMINS, 0x3fd0000000000000   /* a quarter of -smallest subnormal */
    FP_D_RR 92, fmul.d, rmm, 0x8000000000000000, UF|NX, D_NMINS, 0x3fd0000000000000   /* a quarter of -smallest subnormal */
    FP_D_RR 93, fmul.d, rne, 0x0010000000000000, UF|NX, D_MINN, 0x3fefffffffffffff   /* rounds to the smallest normal, tiny before and after rounding */
    FP_D_RR 94, fmul.d, rne, 0x0010000000000000, NX, 0x3ff0000000000001, D_MAXS   /* minn(1 - u^2) rounds to minn, tiny only before rounding: no UF */
    FP_D_RR 95, fmul.d, rtz, 0x000fffffffffffff, UF|NX, 0x3ff0000000000001, D_MAXS   /* the same towards zero: tiny after rounding too, UF */
    FP_D_RR 96, fmul.d, rne, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_D_RR 97, fmul.d, rtz, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_D_RR 98, fmul.d, rdn, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_D_RR 99, fmul.d, rup, 0x3ff0000000000003, NX, 0x3ff0000000000001, 0x3ff0000000000001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_D_RR 100, fmul.d, rmm, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ff0000000000001   /* (1 + ulp)^2 = 1 + 2 ulp + ulp^2 */
    FP_D_RR 101, fmul.d, rne, 0xbff0000000000003, NX, 0xbff0000000000001, 0x3ff0000000000002   /* negative, just above the midpoint */
    FP_D_RR 102, fmul.d, rtz, 0xbff0000000000003, NX, 0xbff0000000000001, 0x3ff0000000000002   /* negative, just above the midpoint */
    FP_D_RR 103, fmul.d, rdn, 0xbff0000000000004, NX, 0xbff0000000000001, 0x3ff0000000000002   /* negative, just above the midpoint */
    FP_D_RR 104, fmul.d, rup, 0xbff0000000000003, NX, 0xbff0000000000001, 0x3ff0000000000002   /* negative, just above the midpoint */
    FP_D_RR 105, fmul.d, rmm, 0xbff0000000000003, NX, 0xbff0000000000001, 0x3ff0000000000002   /* negative, just above the midpoint */
    GROUP_OK "fmul.d"

    FP_D_RR 106, fdiv.d, rne, 0x4000000000000000, 0, 0x4018000000000000, 0x4008000000000000   /* 6 / 3 = 2 */
    FP_D_RR 107, fdiv.d, rne, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000   /* 1 / 3 */
    FP_D_RR 108, fdiv.d, rtz, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000   /* 1 / 3 */
    FP_D_RR 109, fdiv.d, rdn, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000   /* 1 / 3 */
    FP_D_RR 110, fdiv.d, rup, 0x3fd5555555555556, NX, 0x3ff0000000000000, 0x4008000000000000   /* 1 / 3 */
    FP_D_RR 111, fdiv.d, rmm, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000   /* 1 / 3 */
    FP_D_RR 112, fdiv.d, rne, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000   /* -2 / 3 */
    FP_D_RR 113, fdiv.d, rtz, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000   /* -2 / 3 */
    FP_D_RR 114, fdiv.d, rdn, 0xbfe5555555555556, NX, 0xc000000000000000, 0x4008000000000000   /* -2 / 3 */
    FP_D_RR 115, fdiv.d, rup, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000   /* -2 / 3 */
    FP_D_RR 116, fdiv.d, rmm, 0xbfe5555555555555, NX, 0xc000000000000000, 0x4008000000000000   /* -2 / 3 */
    FP_D_RR 117, fdiv.d, rne, 0x7ff0000000000000, DZ, 0x3ff0000000000000, D_P0   /* 1 / +0: divide by zero */
    FP_D_RR 118, fdiv.d, rne, 0xfff0000000000000, DZ, 0xbff0000000000000, D_P0   /* -1 / +0 = -inf */
    FP_D_RR 119, fdiv.d, rne, 0xfff0000000000000, DZ, 0x3ff0000000000000, D_N0   /* 1 / -0 = -inf */
    FP_D_RR 120, fdiv.d, rne, 0x7ff8000000000000, NV, D_P0, D_P0   /* 0 / 0: invalid */
    FP_D_RR 121, fdiv.d, rne, 0x7ff8000000000000, NV, D_PINF, D_NINF   /* inf / inf: invalid */
    FP_D_RR 122, fdiv.d, rne, 0x7ff0000000000000, 0, D_PINF, D_P0   /* inf / 0 = inf, no flag */
    FP_D_RR 123, fdiv.d, rne, 0x8000000000000000, 0, D_N0, 0x4008000000000000   /* -0 / 3 = -0 */
    FP_D_RR 124, fdiv.d, rne, 0x8000000000000000, 0, 0xbff0000000000000, D_PINF   /* -1 / inf = -0 */
    FP_D_RR 125, fdiv.d, rne, 0x7ff8000000000000, 0, D_QNAN, D_P0   /* NaN / 0: canonical NaN, no flag */
    FP_D_RR 126, fdiv.d, rne, 0x7ff8000000000000, NV, 0x3ff0000000000000, D_SNAN   /* 1 / signalling NaN: invalid */
    FP_D_RR 127, fdiv.d, rne, 0x7ff0000000000000, OF|NX, D_MAX, 0x3fe0000000000000   /* overflow */
    FP_D_RR 128, fdiv.d, rtz, 0x7fefffffffffffff, OF|NX, D_MAX, 0x3fe0000000000000   /* overflow */
    FP_D_RR 129, fdiv.d, rdn, 0x7fefffffffffffff, OF|NX, D_MAX, 0x3fe0000000000000   /* overflow */
    FP_D_RR 130, fdiv.d, rup, 0x7ff0000000000000, OF|NX, D_MAX, 0x3fe0000000000000   /* overflow */
    FP_D_RR 131, fdiv.d, rmm, 0x7ff0000000000000, OF|NX, D_MAX, 0x3fe0000000000000   /* overflow */
    FP_D_RR 132, fdiv.d, rne, 0x0004000000000000, 0, D_MINN, 0x4010000000000000   /* exact subnormal */
    FP_D_RR 133, fdiv.d, rne, 0x0000000000000000, UF|NX, D_MINS, 0x4008000000000000   /* a third of the smallest subnormal */
    FP_D_RR 134, fdiv.d, rtz, 0x0000000000000000, UF|NX, D_MINS, 0x4008000000000000   /* a third of the smallest subnormal */
    FP_D_RR 135, fdiv.d, rdn, 0x0000000000000000, UF|NX, D_MINS, 0x4008000000000000   /* a third of the smallest subnormal */
    FP_D_RR 136, fdiv.d, rup, 0x0000000000000001, UF|NX, D_MINS, 0x4008000000000000   /* a third of the smallest subnormal */
    FP_D_RR 137, fdiv.d, rmm, 0x0000000000000000, UF|NX, D_MINS, 0x4008000000000000   /* a third of the smallest subnormal */
    FP_D_RR 138, fdiv.d, rne, 0x0004000000000000, UF|NX, 0x3ff0000000000000, D_MAX   /* 1 / max: subnormal, inexact */
    GROUP_OK "fdiv.d"

    FP_D_R 139, fsqrt.d, rne, 0x4000000000000000, 0, 0x4010000000000000   /* sqrt(4) = 2 */
    FP_D_R 140, fsqrt.d, rne, 0x3fe8000000000000, 0, 0x3fe2000000000000   /* sqrt(9/16) = 3/4 */
    FP_D_R 141, fsqrt.d, rne, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000   /* sqrt(2) */
    FP_D_R 142, fsqrt.d, rtz, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000   /* sqrt(2) */
    FP_D_R 143, fsqrt.d, rdn, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000   /* sqrt(2) */
    FP_D_R 144, fsqrt.d, rup, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000   /* sqrt(2) */
    FP_D_R 145, fsqrt.d, rmm, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000   /* sqrt(2) */
    FP_D_R 146, fsqrt.d, rne, 0x5fefffffffffffff, NX, D_MAX   /* sqrt(largest) */
    FP_D_R 147, fsqrt.d, rtz, 0x5fefffffffffffff, NX, D_MAX   /* sqrt(largest) */
    FP_D_R 148, fsqrt.d, rdn, 0x5fefffffffffffff, NX, D_MAX   /* sqrt(largest) */
    FP_D_R 149, fsqrt.d, rup, 0x5ff0000000000000, NX, D_MAX   /* sqrt(largest) */
    FP_D_R 150, fsqrt.d, rmm, 0x5fefffffffffffff, NX, D_MAX   /* sqrt(largest) */
    FP_D_R 151, fsqrt.d, rne, 0x1e60000000000000, 0, D_MINS   /* sqrt(smallest subnormal) */
    FP_D_R 152, fsqrt.d, rne, 0x1fffffffffffffff, NX, D_MAXS   /* sqrt(largest subnormal) */
    FP_D_R 153, fsqrt.d, rne, 0x0000000000000000, 0, D_P0   /* sqrt(+0) = +0 */
    FP_D_R 154, fsqrt.d, rne, 0x8000000000000000, 0, D_N0   /* sqrt(-0) = -0 */
    FP_D_R 155, fsqrt.d, rne, 0x7ff8000000000000, NV, D_NONE   /* sqrt(-1): invalid */
    FP_D_R 156, fsqrt.d, rne, 0x7ff8000000000000, NV, D_NMINS   /* sqrt(-smallest subnormal): invalid */
    FP_D_R 157, fsqrt.d, rne, 0x7ff0000000000000, 0, D_PINF   /* sqrt(inf) = inf */
    FP_D_R 158, fsqrt.d, rne, 0x7ff8000000000000, NV, D_NINF   /* sqrt(-inf): invalid */
    FP_D_R 159, fsqrt.d, rne, 0x7ff8000000000000, 0, D_NQNAN   /* quiet NaN: canonical, no flag */
    FP_D_R 160, fsqrt.d, rne, 0x7ff8000000000000, NV, D_SNAN   /* signalling NaN: invalid */
    GROUP_OK "fsqrt.d"

    FP_D_R4 161, fmadd.d, rne, 0x401c000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000   /* 2 * 3 + 1 = 7 */
    FP_D_R4 162, fmsub.d, rne, 0x4014000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000   /* 2 * 3 - 1 = 5 */
    FP_D_R4 163, fnmsub.d, rne, 0xc014000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000   /* -(2 * 3) + 1 = -5 */
    FP_D_R4 164, fnmadd.d, rne, 0xc01c000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000   /* -(2 * 3) - 1 = -7 */
    FP_D_R4 165, fmadd.d, rne, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000   /* one rounding: (1 + u)(1 - u) - 1 = -u^2 exactly */
    FP_D_R4 166, fmsub.d, rne, 0xb970000000000000, 0, 0x3ff0000000000001, 0x3feffffffffffffe, 0x3ff0000000000000   /* the same through fmsub */
    FP_D_R4 167, fmadd.d, rne, 0x3cc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_D_R4 168, fmadd.d, rtz, 0x3cc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_D_R4 169, fmadd.d, rdn, 0x3cc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_D_R4 170, fmadd.d, rup, 0x3cc0000000000001, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_D_R4 171, fmadd.d, rmm, 0x3cc0000000000001, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* (1 + u)^2 - 1 = 2u + u^2: rounds */
    FP_D_R4 172, fnmadd.d, rne, 0xbcc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* -((1 + u)^2) + 1 */
    FP_D_R4 173, fnmadd.d, rtz, 0xbcc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* -((1 + u)^2) + 1 */
    FP_D_R4 174, fnmadd.d, rdn, 0xbcc0000000000001, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* -((1 + u)^2) + 1 */
    FP_D_R4 175, fnmadd.d, rup, 0xbcc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* -((1 + u)^2) + 1 */
    FP_D_R4 176, fnmadd.d, rmm, 0xbcc0000000000001, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0xbff0000000000000   /* -((1 + u)^2) + 1 */
    FP_D_R4 177, fmadd.d, rne, 0x7ff8000000000000, NV, D_PINF, D_P0, D_QNAN   /* inf * 0 + quiet NaN: invalid all the same */
    FP_D_R4 178, fmadd.d, rne, 0x7ff8000000000000, NV, D_P0, D_NINF, 0x3ff0000000000000   /* 0 * -inf + 1: invalid */
    FP_D_R4 179, fmadd.d, rne, 0x7ff8000000000000, 0, D_QNAN, 0x3ff0000000000000, 0x3ff0000000000000   /* quiet NaN operand: canonical, no flag */
    FP_D_R4 180, fmadd.d, rne, 0x7ff8000000000000, NV, 0x3ff0000000000000, 0x3ff0000000000000, D_SNAN   /* signalling NaN addend: invalid */
    FP_D_R4 181, fmadd.d, rne, 0x7ff8000000000000, NV, D_PINF, 0x3ff0000000000000, D_NINF   /* inf - inf: invalid */
    FP_D_R4 182, fmsub.d, rne, 0x7ff8000000000000, NV, D_PINF, 0x3ff0000000000000, D_PINF   /* inf - inf through fmsub: invalid */
    FP_D_R4 183, fmadd.d, rne, 0x7ff0000000000000, 0, D_PINF, 0x4000000000000000, D_PINF   /* inf + inf = inf */
    FP_D_R4 184, fnmsub.d, rne, 0xfff0000000000000, 0, D_PINF, 0x4000000000000000, 0x3ff0000000000000   /* -(inf * 2) + 1 = -inf */
    FP_D_R4 185, fmadd.d, rne, 0x0000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, D_NONE   /* 1 * 1 - 1 = +0 */
    FP_D_R4 186, fmadd.d, rdn, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, D_NONE   /* 1 * 1 - 1 = -0 rounding down */
    FP_D_R4 187, fmadd.d, rne, 0x8000000000000000, 0, D_P0, D_NONE, D_N0   /* +0 * -1 + -0 = -0 */
    FP_D_R4 188, fmadd.d, rne, 0x0000000000000000, 0, D_P0, D_ONE, D_N0   /* +0 * 1 + -0 = +0 */
    FP_D_R4 189, fnmadd.d, rne, 0x8000000000000000, 0, D_P0, D_ONE, D_P0   /* -(+0 * 1) - +0 = -0 */
    FP_D_R4 190, fmadd.d, rne, 0x7fefffffffffffff, 0, D_MAX, 0x4000000000000000, D_NMAX   /* product overflows, sum does not: exact */
    FP_D_R4 191, fmadd.d, rne, 0x7ff0000000000000, OF|NX, D_MAX, 0x4000000000000000, D_P0   /* overflow */
    FP_D_R4 192, fmadd.d, rtz, 0x7fefffffffffffff, OF|NX, D_MAX, 0x4000000000000000, D_P0   /* overflow */
    FP_D_R4 193, fmadd.d, rdn, 0x7fefffffffffffff, OF|NX, D_MAX, 0x4000000000000000, D_P0   /* overflow */
    FP_D_R4 194, fmadd.d, rup, 0x7ff0000000000000, OF|NX, D_MAX, 0x4000000000000000, D_P0   /* overflow */
    FP_D_R4 195, fmadd.d, rmm, 0x7ff0000000000000, OF|NX, D_MAX, 0x4000000000000000, D_P0   /* overflow */
    FP_D_R4 196, fmadd.d, rne, 0x0008000000000001, 0, D_MINN, 0x3fe0000000000000, D_MINS   /* exact subnormal sum */
    FP_D_R4 197, fmadd.d, rne, 0x0000000000000000, UF|NX, D_MINS, 0x3fe0000000000000, D_P0   /* half the smallest subnormal + 0 */
    FP_D_R4 198, fmadd.d, rtz, 0x0000000000000000, UF|NX, D_MINS, 0x3fe0000000000000, D_P0   /* half the smallest subnormal + 0 */
    FP_D_R4 199, fmadd.d, rdn, 0x0000000000000000, UF|NX, D_MINS, 0x3fe0000000000000, D_P0   /* half the smallest subnormal + 0 */
    FP_D_R4 200, fmadd.d, rup, 0x0000000000000001, UF|NX, D_MINS, 0x3fe0000000000000, D_P0   /* half the smallest subnormal + 0 */
    FP_D_R4 201, fmadd.d, rmm, 0x0000000000000001, UF|NX, D_MINS, 0x3fe0000000000000, D_P0   /* half the smallest subnormal + 0 */
    FP_D_R4 202, fnmsub.d, rne, 0x0000000000000001, UF|NX, D_MINS, 0x3fd0000000000000, D_MINS   /* smallest - quarter of it */
    FP_D_R4 203, fnmsub.d, rtz, 0x0000000000000000, UF|NX, D_MINS, 0x3fd0000000000000, D_MINS   /* smallest - quarter of it */
    FP_D_R4 204, fnmsub.d, rdn, 0x0000000000000000, UF|NX, D_MINS, 0x3fd0000000000000, D_MINS   /* smallest - quarter of it */
    FP_D_R4 205, fnmsub.d, rup, 0x0000000000000001, UF|NX, D_MINS, 0x3fd0000000000000, D_MINS   /* smallest - quarter of it */
    FP_D_R4 206, fnmsub.d, rmm, 0x0000000000000001, UF|NX, D_MINS, 0x3fd0000000000000, D_MINS   /* smallest - quarter of it */
    GROUP_OK "fmadd.d/fmsub.d/fnmsub.d/fnmadd.d"

    TEST_PASS
