/*
 * roms/tests/rv64fd-compare.S: feq, flt, fle (feq quiet: invalid only for a
 * signalling NaN; flt/fle signalling: invalid for any NaN; +0 = -0),
 * fmin/fmax (IEEE 754-2019 minimumNumber/maximumNumber: -0 < +0, one NaN
 * operand gives the other, two give the canonical NaN, a signalling NaN
 * raises invalid), fclass (each of the ten classes), in both formats, and
 * single-precision operands that are not NaN-boxed, which every single
 * operation reads as the canonical NaN.
 */
#include "fp-test.h"

    .text
    .globl main
main:
    FP_ENABLE

    FP_S_X_RR 1, feq.s, 0, 0, 0x3f800000, 0x40000000
    FP_S_X_RR 2, feq.s, 0, 0, 0x40000000, 0x3f800000
    FP_S_X_RR 3, feq.s, 1, 0, 0x3f800000, 0x3f800000
    FP_S_X_RR 4, feq.s, 1, 0, S_P0, S_N0   /* +0 = -0 */
    FP_S_X_RR 5, feq.s, 1, 0, S_N0, S_P0   /* -0 = +0 */
    FP_S_X_RR 6, feq.s, 0, 0, S_NINF, S_PINF
    FP_S_X_RR 7, feq.s, 1, 0, S_PINF, S_PINF
    FP_S_X_RR 8, feq.s, 0, 0, S_MINS, S_P0   /* subnormal > 0 */
    FP_S_X_RR 9, feq.s, 0, 0, S_NMINS, S_N0   /* -subnormal < -0 */
    FP_S_X_RR 10, feq.s, 0, 0, S_MAX, S_PINF
    FP_S_X_RR 11, feq.s, 0, 0, 0xc0000000, 0xbf800000
    FP_S_X_RR 12, feq.s, 0, 0, S_QNAN, 0x3f800000   /* quiet NaN: unordered */
    FP_S_X_RR 13, feq.s, 0, 0, 0x3f800000, S_NQNAN   /* quiet NaN: unordered */
    FP_S_X_RR 14, feq.s, 0, 0, S_QNAN, S_QNAN   /* NaN = NaN is false */
    FP_S_X_RR 15, feq.s, 0, NV, 0x3f800000, S_SNAN   /* signalling NaN */
    FP_S_X_RR 16, feq.s, 0, NV, S_NSNAN, S_QNAN   /* signalling NaN */
    GROUP_OK "feq.s"

    FP_S_X_RR 17, flt.s, 1, 0, 0x3f800000, 0x40000000
    FP_S_X_RR 18, flt.s, 0, 0, 0x40000000, 0x3f800000
    FP_S_X_RR 19, flt.s, 0, 0, 0x3f800000, 0x3f800000
    FP_S_X_RR 20, flt.s, 0, 0, S_P0, S_N0   /* +0 = -0 */
    FP_S_X_RR 21, flt.s, 0, 0, S_N0, S_P0   /* -0 = +0 */
    FP_S_X_RR 22, flt.s, 1, 0, S_NINF, S_PINF
    FP_S_X_RR 23, flt.s, 0, 0, S_PINF, S_PINF
    FP_S_X_RR 24, flt.s, 0, 0, S_MINS, S_P0   /* subnormal > 0 */
    FP_S_X_RR 25, flt.s, 1, 0, S_NMINS, S_N0   /* -subnormal < -0 */
    FP_S_X_RR 26, flt.s, 1, 0, S_MAX, S_PINF
    FP_S_X_RR 27, flt.s, 1, 0, 0xc0000000, 0xbf800000
    FP_S_X_RR 28, flt.s, 0, NV, S_QNAN, 0x3f800000   /* quiet NaN: unordered */
    FP_S_X_RR 29, flt.s, 0, NV, 0x3f800000, S_NQNAN   /* quiet NaN: unordered */
    FP_S_X_RR 30, flt.s, 0, NV, S_QNAN, S_QNAN   /* NaN = NaN is false */
    FP_S_X_RR 31, flt.s, 0, NV, 0x3f800000, S_SNAN   /* signalling NaN */
    FP_S_X_RR 32, flt.s, 0, NV, S_NSNAN, S_QNAN   /* signalling NaN */
    GROUP_OK "flt.s"

    FP_S_X_RR 33, fle.s, 1, 0, 0x3f800000, 0x40000000
    FP_S_X_RR 34, fle.s, 0, 0, 0x40000000, 0x3f800000
    FP_S_X_RR 35, fle.s, 1, 0, 0x3f800000, 0x3f800000
    FP_S_X_RR 36, fle.s, 1, 0, S_P0, S_N0   /* +0 = -0 */
    FP_S_X_RR 37, fle.s, 1, 0, S_N0, S_P0   /* -0 = +0 */
    FP_S_X_RR 38, fle.s, 1, 0, S_NINF, S_PINF
    FP_S_X_RR 39, fle.s, 1, 0, S_PINF, S_PINF
    FP_S_X_RR 40, fle.s, 0, 0, S_MINS, S_P0   /* subnormal > 0 */
    FP_S_X_RR 41, fle.s, 1, 0, S_NMINS, S_N0   /* -subnormal < -0 */
    FP_S_X_RR 42, fle.s, 1, 0, S_MAX, S_PINF
    FP_S_X_RR 43, fle.s, 1, 0, 0xc0000000, 0xbf800000
    FP_S_X_RR 44, fle.s, 0, NV, S_QNAN, 0x3f800000   /* quiet NaN: unordered */
    FP_S_X_RR 45, fle.s, 0, NV, 0x3f800000, S_NQNAN   /* quiet NaN: unordered */
    FP_S_X_RR 46, fle.s, 0, NV, S_QNAN, S_QNAN   /* NaN = NaN is false */
    FP_S_X_RR 47, fle.s, 0, NV, 0x3f800000, S_SNAN   /* signalling NaN */
    FP_S_X_RR 48, fle.s, 0, NV, S_NSNAN, S_QNAN   /* signalling NaN */
    GROUP_OK "fle.s"

    FP_D_X_RR 49, feq.d, 0, 0, 0x3ff0000000000000, 0x4000000000000000
    FP_D_X_RR 50, feq.d, 0, 0, 0x4000000000000000, 0x3ff0000000000000
    FP_D_X_RR 51, feq.d, 1, 0, 0x3ff0000000000000, 0x3ff0000000000000
    FP_D_X_RR 52, feq.d, 1, 0, D_P0, D_N0   /* +0 = -0 */
    FP_D_X_RR 53, feq.d, 1, 0, D_N0, D_P0   /* -0 = +0 */
    FP_D_X_RR 54, feq.d, 0, 0, D_NINF, D_PINF
    FP_D_X_RR 55, feq.d, 1, 0, D_PINF, D_PINF
    FP_D_X_RR 56, feq.d, 0, 0, D_MINS, D_P0   /* subnormal > 0 */
    FP_D_X_RR 57, feq.d, 0, 0, D_NMINS, D_N0   /* -subnormal < -0 */
    FP_D_X_RR 58, feq.d, 0, 0, D_MAX, D_PINF
    FP_D_X_RR 59, feq.d, 0, 0, 0xc000000000000000, 0xbff0000000000000
    FP_D_X_RR 60, feq.d, 0, 0, D_QNAN, 0x3ff0000000000000   /* quiet NaN: unordered */
    FP_D_X_RR 61, feq.d, 0, 0, 0x3ff0000000000000, D_NQNAN   /* quiet NaN: unordered */
    FP_D_X_RR 62, feq.d, 0, 0, D_QNAN, D_QNAN   /* NaN = NaN is false */
    FP_D_X_RR 63, feq.d, 0, NV, 0x3ff0000000000000, D_SNAN   /* signalling NaN */
    FP_D_X_RR 64, feq.d, 0, NV, D_NSNAN, D_QNAN   /* signalling NaN */
    GROUP_OK "feq.d"

    FP_D_X_RR 65, flt.d, 1, 0, 0x3ff0000000000000, 0x4000000000000000
    FP_D_X_RR 66, flt.d, 0, 0, 0x4000000000000000, 0x3ff0000000000000
    FP_D_X_RR 67, flt.d, 0, 0, 0x3ff0000000000000, 0x3ff0000000000000
    FP_D_X_RR 68, flt.d, 0, 0, D_P0, D_N0   /* +0 = -0 */
    FP_D_X_RR 69, flt.d, 0, 0, D_N0, D_P0   /* -0 = +0 */
    FP_D_X_RR 70, flt.d, 1, 0, D_NINF, D_PINF
    FP_D_X_RR 71, flt.d, 0, 0, D_PINF, D_PINF
    FP_D_X_RR 72, flt.d, 0, 0, D_MINS, D_P0   /* subnormal > 0 */
    FP_D_X_RR 73, flt.d, 1, 0, D_NMINS, D_N0   /* -subnormal < -0 */
    FP_D_X_RR 74, flt.d, 1, 0, D_MAX, D_PINF
    FP_D_X_RR 75, flt.d, 1, 0, 0xc000000000000000, 0xbff0000000000000
    FP_D_X_RR 76, flt.d, 0, NV, D_QNAN, 0x3ff0000000000000   /* quiet NaN: unordered */
    FP_D_X_RR 77, flt.d, 0, NV, 0x3ff0000000000000, D_NQNAN   /* quiet NaN: unordered */
    FP_D_X_RR 78, flt.d, 0, NV, D_QNAN, D_QNAN   /* NaN = NaN is false */
    FP_D_X_RR 79, flt.d, 0, NV, 0x3ff0000000000000, D_SNAN   /* signalling NaN */
    FP_D_X_RR 80, flt.d, 0, NV, D_NSNAN, D_QNAN   /* signalling NaN */
    GROUP_OK "flt.d"

    FP_D_X_RR 81, fle.d, 1, 0, 0x3ff0000000000000, 0x4000000000000000
    FP_D_X_RR 82, fle.d, 0, 0, 0x4000000000000000, 0x3ff0000000000000
    FP_D_X_RR 83, fle.d, 1, 0, 0x3ff0000000000000, 0x3ff0000000000000
    FP_D_X_RR 84, fle.d, 1, 0, D_P0, D_N0   /* +0 = -0 */
    FP_D_X_RR 85, fle.d, 1, 0, D_N0, D_P0   /* -0 = +0 */
    FP_D_X_RR 86, fle.d, 1, 0, D_NINF, D_PINF
    FP_D_X_RR 87, fle.d, 1, 0, D_PINF, D_PINF
    FP_D_X_RR 88, fle.d, 0, 0, D_MINS, D_P0   /* subnormal > 0 */
    FP_D_X_RR 89, fle.d, 1, 0, D_NMINS, D_N0   /* -subnormal < -0 */
    FP_D_X_RR 90, fle.d, 1, 0, D_MAX, D_PINF
    FP_D_X_RR 91, fle.d, 1, 0, 0xc000000000000000, 0xbff0000000000000
    FP_D_X_RR 92, fle.d, 0, NV, D_QNAN, 0x3ff0000000000000   /* quiet NaN: unordered */
    FP_D_X_RR 93, fle.d, 0, NV, 0x3ff0000000000000, D_NQNAN   /* quiet NaN: unordered */
    FP_D_X_RR 94, fle.d, 0, NV, D_QNAN, D_QNAN   /* NaN = NaN is false */
    FP_D_X_RR 95, fle.d, 0, NV, 0x3ff0000000000000, D_SNAN   /* signalling NaN */
    FP_D_X_RR 96, fle.d, 0, NV, D_NSNAN, D_QNAN   /* signalling NaN */
    GROUP_OK "fle.d"

    FP_S_RR 97, fmin.s, , 0x3f800000, 0, 0x3f800000, 0x40000000
    FP_S_RR 98, fmin.s, , 0x3f800000, 0, 0x40000000, 0x3f800000
    FP_S_RR 99, fmin.s, , 0xbf800000, 0, 0xbf800000, 0x3f800000
    FP_S_RR 100, fmin.s, , 0x80000000, 0, S_N0, S_P0   /* -0 < +0 */
    FP_S_RR 101, fmin.s, , 0x80000000, 0, S_P0, S_N0   /* -0 < +0 */
    FP_S_RR 102, fmin.s, , 0x80000000, 0, S_N0, S_N0
    FP_S_RR 103, fmin.s, , 0x3f800000, 0, S_QNAN, 0x3f800000   /* one NaN: the other operand */
    FP_S_RR 104, fmin.s, , 0xbf800000, 0, 0xbf800000, S_NQNAN   /* one NaN: the other operand */
    FP_S_RR 105, fmin.s, , 0x3f800000, NV, S_SNAN, 0x3f800000   /* signalling NaN: the other operand, invalid */
    FP_S_RR 106, fmin.s, , 0x3f800000, NV, 0x3f800000, S_NSNAN   /* signalling NaN: the other, invalid */
    FP_S_RR 107, fmin.s, , 0x7fc00000, 0, S_QNAN, S_NQNAN   /* two NaNs: canonical NaN */
    FP_S_RR 108, fmin.s, , 0x7fc00000, NV, S_SNAN, S_QNAN   /* two NaNs, one signalling: invalid */
    FP_S_RR 109, fmin.s, , 0xff800000, 0, S_NINF, S_NMAX
    FP_S_RR 110, fmin.s, , 0x7f7fffff, 0, S_PINF, S_MAX
    FP_S_RR 111, fmin.s, , 0x80000001, 0, S_MINS, S_NMINS
    FP_S_RR 112, fmin.s, , 0x007fffff, 0, S_MAXS, S_MINN
    GROUP_OK "fmin.s"

    FP_S_RR 113, fmax.s, , 0x40000000, 0, 0x3f800000, 0x40000000
    FP_S_RR 114, fmax.s, , 0x40000000, 0, 0x40000000, 0x3f800000
    FP_S_RR 115, fmax.s, , 0x3f800000, 0, 0xbf800000, 0x3f800000
    FP_S_RR 116, fmax.s, , 0x00000000, 0, S_N0, S_P0   /* -0 < +0 */
    FP_S_RR 117, fmax.s, , 0x00000000, 0, S_P0, S_N0   /* -0 < +0 */
    FP_S_RR 118, fmax.s, , 0x80000000, 0, S_N0, S_N0
    FP_S_RR 119, fmax.s, , 0x3f800000, 0, S_QNAN, 0x3f800000   /* one NaN: the other operand */
    FP_S_RR 120, fmax.s, , 0xbf800000, 0, 0xbf800000, S_NQNAN   /* one NaN: the other operand */
    FP_S_RR 121, fmax.s, , 0x3f800000, NV, S_SNAN, 0x3f800000   /* signalling NaN: the other operand, invalid */
    FP_S_RR 122, fmax.s, , 0x3f800000, NV, 0x3f800000, S_NSNAN   /* signalling NaN: the other, invalid */
    FP_S_RR 123, fmax.s, , 0x7fc00000, 0, S_QNAN, S_NQNAN   /* two NaNs: canonical NaN */
    FP_S_RR 124, fmax.s, , 0x7fc00000, NV, S_SNAN, S_QNAN   /* two NaNs, one signalling: invalid */
    FP_S_RR 125, fmax.s, , 0xff7fffff, 0, S_NINF, S_NMAX
    FP_S_RR 126, fmax.s, , 0x7f800000, 0, S_PINF, S_MAX
    FP_S_RR 127, fmax.s, , 0x00000001, 0, S_MINS, S_NMINS
    FP_S_RR 128, fmax.s, , 0x00800000, 0, S_MAXS, S_MINN
    GROUP_OK "fmax.s"

    FP_D_RR 129, fmin.d, , 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000
    FP_D_RR 130, fmin.d, , 0x3ff0000000000000, 0, 0x4000000000000000, 0x3ff0000000000000
    FP_D_RR 131, fmin.d, , 0xbff0000000000000, 0, 0xbff0000000000000, 0x3ff0000000000000
    FP_D_RR 132, fmin.d, , 0x8000000000000000, 0, D_N0, D_P0   /* -0 < +0 */
    FP_D_RR 133, fmin.d, , 0x8000000000000000, 0, D_P0, D_N0   /* -0 < +0 */
    FP_D_RR 134, fmin.d, , 0x8000000000000000, 0, D_N0, D_N0
    FP_D_RR 135, fmin.d, , 0x3ff0000000000000, 0, D_QNAN, 0x3ff0000000000000   /* one NaN: the other operand */
    FP_D_RR 136, fmin.d, , 0xbff0000000000000, 0, 0xbff0000000000000, D_NQNAN   /* one NaN: the other operand */
    FP_D_RR 137, fmin.d, , 0x3ff0000000000000, NV, D_SNAN, 0x3ff0000000000000   /* signalling NaN: the other operand, invalid */
    FP_D_RR 138, fmin.d, , 0x3ff0000000000000, NV, 0x3ff0000000000000, D_NSNAN   /* signalling NaN: the other, invalid */
    FP_D_RR 139, fmin.d, , 0x7ff8000000000000, 0, D_QNAN, D_NQNAN   /* two NaNs: canonical NaN */
    FP_D_RR 140, fmin.d, , 0x7ff8000000000000, NV, D_SNAN, D_QNAN   /* two NaNs, one signalling: invalid */
    FP_D_RR 141, fmin.d, , 0xfff0000000000000, 0, D_NINF, D_NMAX
    FP_D_RR 142, fmin.d, , 0x7fefffffffffffff, 0, D_PINF, D_MAX
    FP_D_RR 143, fmin.d, , 0x8000000000000001, 0, D_MINS, D_NMINS
    FP_D_RR 144, fmin.d, , 0x000fffffffffffff, 0, D_MAXS, D_MINN
    GROUP_OK "fmin.d"

    FP_D_RR 145, fmax.d, , 0x4000000000000000, 0, 0x3ff0000000000000, 0x4000000000000000
    FP_D_RR 146, fmax.d, , 0x4000000000000000, 0, 0x4000000000000000, 0x3ff0000000000000
    FP_D_RR 147, fmax.d, , 0x3ff0000000000000, 0, 0xbff0000000000000, 0x3ff0000000000000
    FP_D_RR 148, fmax.d, , 0x0000000000000000, 0, D_N0, D_P0   /* -0 < +0 */
    FP_D_RR 149, fmax.d, , 0x0000000000000000, 0, D_P0, D_N0   /* -0 < +0 */
    FP_D_RR 150, fmax.d, , 0x8000000000000000, 0, D_N0, D_N0
    FP_D_RR 151, fmax.d, , 0x3ff0000000000000, 0, D_QNAN, 0x3ff0000000000000   /* one NaN: the other operand */
    FP_D_RR 152, fmax.d, , 0xbff0000000000000, 0, 0xbff0000000000000, D_NQNAN   /* one NaN: the other operand */
    FP_D_RR 153, fmax.d, , 0x3ff0000000000000, NV, D_SNAN, 0x3ff0000000000000   /* signalling NaN: the other operand, invalid */
    FP_D_RR 154, fmax.d, , 0x3ff0000000000000, NV, 0x3ff0000000000000, D_NSNAN   /* signalling NaN: the other, invalid */
    FP_D_RR 155, fmax.d, , 0x7ff8000000000000, 0, D_QNAN, D_NQNAN   /* two NaNs: canonical NaN */
    FP_D_RR 156, fmax.d, , 0x7ff8000000000000, NV, D_SNAN, D_QNAN   /* two NaNs, one signalling: invalid */
    FP_D_RR 157, fmax.d, , 0xffefffffffffffff, 0, D_NINF, D_NMAX
    FP_D_RR 158, fmax.d, , 0x7ff0000000000000, 0, D_PINF, D_MAX
    FP_D_RR 159, fmax.d, , 0x0000000000000001, 0, D_MINS, D_NMINS
    FP_D_RR 160, fmax.d, , 0x0010000000000000, 0, D_MAXS, D_MINN
    GROUP_OK "fmax.d"

    FP_S_X_R 161, fclass.s, , 0x1, 0, S_NINF   /* -inf */
    FP_S_X_R 162, fclass.s, , 0x2, 0, 0xbf800000   /* negative normal */
    FP_S_X_R 163, fclass.s, , 0x4, 0, S_NMAXS   /* negative subnormal */
    FP_S_X_R 164, fclass.s, , 0x8, 0, S_N0   /* -0 */
    FP_S_X_R 165, fclass.s, , 0x10, 0, S_P0   /* +0 */
    FP_S_X_R 166, fclass.s, , 0x20, 0, S_MINS   /* positive subnormal */
    FP_S_X_R 167, fclass.s, , 0x40, 0, S_MAX   /* positive normal */
    FP_S_X_R 168, fclass.s, , 0x40, 0, S_MINN   /* positive normal */
    FP_S_X_R 169, fclass.s, , 0x80, 0, S_PINF   /* +inf */
    FP_S_X_R 170, fclass.s, , 0x100, 0, S_SNAN   /* signalling NaN */
    FP_S_X_R 171, fclass.s, , 0x100, 0, S_NSNAN   /* signalling NaN */
    FP_S_X_R 172, fclass.s, , 0x200, 0, S_QNAN   /* quiet NaN */
    FP_S_X_R 173, fclass.s, , 0x200, 0, S_NQNAN   /* quiet NaN */
    FP_X_R 174, fclass.s, , 0x200, 0, 0x000000003f800000   /* not NaN-boxed: the canonical (quiet) NaN */
    FP_X_R 175, fclass.s, , 0x200, 0, 0x7fffffff7f800001   /* upper half not all ones: quiet NaN, not sNaN */
    GROUP_OK "fclass.s"

    FP_D_X_R 176, fclass.d, , 0x1, 0, D_NINF   /* -inf */
    FP_D_X_R 177, fclass.d, , 0x2, 0, 0xbff0000000000000   /* negative normal */
    FP_D_X_R 178, fclass.d, , 0x4, 0, D_NMAXS   /* negative subnormal */
    FP_D_X_R 179, fclass.d, , 0x8, 0, D_N0   /* -0 */
    FP_D_X_R 180, fclass.d, , 0x10, 0, D_P0   /* +0 */
    FP_D_X_R 181, fclass.d, , 0x20, 0, D_MINS   /* positive subnormal */
    FP_D_X_R 182, fclass.d, , 0x40, 0, D_MAX   /* positive normal */
    FP_D_X_R 183, fclass.d, , 0x40, 0, D_MINN   /* positive normal */
    FP_D_X_R 184, fclass.d, , 0x80, 0, D_PINF   /* +inf */
    FP_D_X_R 185, fclass.d, , 0x100, 0, D_SNAN   /* signalling NaN */
    FP_D_X_R 186, fclass.d, , 0x100, 0, D_NSNAN   /* signalling NaN */
    FP_D_X_R 187, fclass.d, , 0x200, 0, D_QNAN   /* quiet NaN */
    FP_D_X_R 188, fclass.d, , 0x200, 0, D_NQNAN   /* quiet NaN */
    GROUP_OK "fclass.d"

    FP_X_RR 189, feq.s, 0, 0, 0x000000003f800000, BOX(S_ONE)   /* unboxed: quiet NaN, no flag */
    FP_X_RR 190, fle.s, 0, NV, BOX(S_ONE), 0xfffffffe3f800000   /* unboxed: NaN, invalid */
    FP_RR 191, fmin.s, , BOX(0x40000000), 0, 0x000000003f800000, BOX(0x40000000)   /* unboxed 1.0 is a NaN: min is 2.0 */
    FP_RR 192, fmax.s, , BOX(S_QNAN), 0, 0x7fc00000, 0x0   /* both unboxed: canonical NaN */
    FP_RR 193, fadd.s, rne, BOX(S_QNAN), 0, 0x3f800000, BOX(S_ONE)   /* arithmetic on an unboxed operand */
    FP_X_R 194, fcvt.w.s, rtz, 0x7fffffff, NV, 0xbf800000   /* unboxed -1.0: NaN, saturates */
    GROUP_OK "unboxed singles"

    TEST_PASS
