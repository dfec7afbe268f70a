/*
 * roms/tests/rv64fd-convert.S: every F/D conversion: fcvt.{w,wu,l,lu}.{s,d}
 * (rounding in each mode; NaN and out-of-range values saturate to the end
 * of the range with only invalid raised, NaNs of either sign to the
 * largest value; 32-bit results, unsigned ones included, sign-extended),
 * fcvt.{s,d}.{w,wu,l,lu} (word forms read the low 32 bits; rounding to
 * single or double), and fcvt.s.d / fcvt.d.s (overflow, underflow,
 * canonical NaNs, signalling NaNs raising invalid, a single that is not
 * NaN-boxed read as the canonical NaN).  Expected values follow from IEEE
 * 754-2019 and the RISC-V F/D chapters.
 */
#include "fp-test.h"

    .text
    .globl main
main:
    FP_ENABLE

    FP_S_X_R 1, fcvt.w.s, rne, 0x0000000000000000, 0, S_P0   /* +0 = 0 */
    FP_S_X_R 2, fcvt.w.s, rne, 0x0000000000000000, 0, S_N0   /* -0 = 0, no flag */
    FP_S_X_R 3, fcvt.w.s, rne, 0x000000000000002a, 0, 0x42280000   /* exact */
    FP_S_X_R 4, fcvt.w.s, rne, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 5, fcvt.w.s, rtz, 0x0000000000000001, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 6, fcvt.w.s, rdn, 0x0000000000000001, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 7, fcvt.w.s, rup, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 8, fcvt.w.s, rmm, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 9, fcvt.w.s, rne, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 10, fcvt.w.s, rtz, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 11, fcvt.w.s, rdn, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 12, fcvt.w.s, rup, 0x0000000000000003, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 13, fcvt.w.s, rmm, 0x0000000000000003, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 14, fcvt.w.s, rne, 0xfffffffffffffffe, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 15, fcvt.w.s, rtz, 0xffffffffffffffff, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 16, fcvt.w.s, rdn, 0xfffffffffffffffe, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 17, fcvt.w.s, rup, 0xffffffffffffffff, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 18, fcvt.w.s, rmm, 0xfffffffffffffffe, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 19, fcvt.w.s, rne, 0x0000000000000000, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 20, fcvt.w.s, rtz, 0x0000000000000000, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 21, fcvt.w.s, rdn, 0xffffffffffffffff, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 22, fcvt.w.s, rup, 0x0000000000000000, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 23, fcvt.w.s, rmm, 0xffffffffffffffff, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 24, fcvt.w.s, rne, 0x0000000000000000, NX, S_MINS   /* smallest subnormal: 0, inexact */
    FP_S_X_R 25, fcvt.w.s, rup, 0x0000000000000001, NX, S_MINS   /* smallest subnormal rounded up: 1 */
    FP_S_X_R 26, fcvt.w.s, rdn, 0xffffffffffffffff, NX, S_NMINS   /* -smallest subnormal rounded down: -1 */
    FP_S_X_R 27, fcvt.w.s, rne, 0x000000007fffffff, NV, S_QNAN   /* NaN: the largest value, invalid */
    FP_S_X_R 28, fcvt.w.s, rne, 0x000000007fffffff, NV, S_NQNAN   /* negative NaN: the largest value too */
    FP_S_X_R 29, fcvt.w.s, rne, 0x000000007fffffff, NV, S_SNAN   /* signalling NaN */
    FP_S_X_R 30, fcvt.w.s, rne, 0x000000007fffffff, NV, S_PINF   /* +inf: the largest value, invalid */
    FP_S_X_R 31, fcvt.w.s, rne, 0xffffffff80000000, NV, S_NINF   /* -inf: the smallest value, invalid */
    FP_S_X_R 32, fcvt.w.s, rne, 0x000000007fffffff, NV, S_MAX   /* largest finite: out of range */
    FP_S_X_R 33, fcvt.w.s, rne, 0xffffffff80000000, NV, S_NMAX   /* -largest finite: out of range */
    FP_S_X_R 34, fcvt.w.s, rne, 0xffffffff80000000, 0, 0xcf000000   /* INT32_MIN exactly */
    FP_S_X_R 35, fcvt.w.s, rne, 0x000000007fffffff, NV, 0x4f000000   /* 2^31: out of range */
    FP_S_X_R 36, fcvt.w.s, rne, 0x000000007fffff80, 0, 0x4effffff   /* largest single below 2^31 */
    GROUP_OK "fcvt.w.s"

    FP_S_X_R 37, fcvt.wu.s, rne, 0x0000000000000000, 0, S_P0   /* +0 = 0 */
    FP_S_X_R 38, fcvt.wu.s, rne, 0x0000000000000000, 0, S_N0   /* -0 = 0, no flag */
    FP_S_X_R 39, fcvt.wu.s, rne, 0x000000000000002a, 0, 0x42280000   /* exact */
    FP_S_X_R 40, fcvt.wu.s, rne, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 41, fcvt.wu.s, rtz, 0x0000000000000001, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 42, fcvt.wu.s, rdn, 0x0000000000000001, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 43, fcvt.wu.s, rup, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 44, fcvt.wu.s, rmm, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 45, fcvt.wu.s, rne, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 46, fcvt.wu.s, rtz, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 47, fcvt.wu.s, rdn, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 48, fcvt.wu.s, rup, 0x0000000000000003, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 49, fcvt.wu.s, rmm, 0x0000000000000003, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 50, fcvt.wu.s, rne, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 51, fcvt.wu.s, rtz, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 52, fcvt.wu.s, rdn, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 53, fcvt.wu.s, rup, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 54, fcvt.wu.s, rmm, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 55, fcvt.wu.s, rne, 0x0000000000000000, NX, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 56, fcvt.wu.s, rtz, 0x0000000000000000, NX, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 57, fcvt.wu.s, rdn, 0x0000000000000000, NV, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 58, fcvt.wu.s, rup, 0x0000000000000000, NX, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 59, fcvt.wu.s, rmm, 0x0000000000000000, NV, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 60, fcvt.wu.s, rne, 0x0000000000000000, NX, S_MINS   /* smallest subnormal: 0, inexact */
    FP_S_X_R 61, fcvt.wu.s, rup, 0x0000000000000001, NX, S_MINS   /* smallest subnormal rounded up: 1 */
    FP_S_X_R 62, fcvt.wu.s, rdn, 0x0000000000000000, NV, S_NMINS   /* -smallest subnormal rounded down: -1, invalid */
    FP_S_X_R 63, fcvt.wu.s, rne, 0xffffffffffffffff, NV, S_QNAN   /* NaN: the largest value, invalid */
    FP_S_X_R 64, fcvt.wu.s, rne, 0xffffffffffffffff, NV, S_NQNAN   /* negative NaN: the largest value too */
    FP_S_X_R 65, fcvt.wu.s, rne, 0xffffffffffffffff, NV, S_SNAN   /* signalling NaN */
    FP_S_X_R 66, fcvt.wu.s, rne, 0xffffffffffffffff, NV, S_PINF   /* +inf: the largest value, invalid */
    FP_S_X_R 67, fcvt.wu.s, rne, 0x0000000000000000, NV, S_NINF   /* -inf: the smallest value, invalid */
    FP_S_X_R 68, fcvt.wu.s, rne, 0xffffffffffffffff, NV, S_MAX   /* largest finite: out of range */
    FP_S_X_R 69, fcvt.wu.s, rne, 0x0000000000000000, NV, S_NMAX   /* -largest finite: out of range */
    FP_S_X_R 70, fcvt.wu.s, rne, 0xffffffffb2d05e00, 0, 0x4f32d05e   /* above INT32_MAX: the 32-bit result is sign-extended */
    FP_S_X_R 71, fcvt.wu.s, rne, 0xffffffffffffffff, NV, 0x4f800000   /* 2^32: out of range */
    FP_S_X_R 72, fcvt.wu.s, rne, 0xffffffffffffff00, 0, 0x4f7fffff   /* largest single below 2^32 */
    FP_S_X_R 73, fcvt.wu.s, rne, 0x0000000000000000, NV, 0xbf800000   /* -1: invalid, 0 */
    GROUP_OK "fcvt.wu.s"

    FP_S_X_R 74, fcvt.l.s, rne, 0x0000000000000000, 0, S_P0   /* +0 = 0 */
    FP_S_X_R 75, fcvt.l.s, rne, 0x0000000000000000, 0, S_N0   /* -0 = 0, no flag */
    FP_S_X_R 76, fcvt.l.s, rne, 0x000000000000002a, 0, 0x42280000   /* exact */
    FP_S_X_R 77, fcvt.l.s, rne, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 78, fcvt.l.s, rtz, 0x0000000000000001, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 79, fcvt.l.s, rdn, 0x0000000000000001, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 80, fcvt.l.s, rup, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 81, fcvt.l.s, rmm, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 82, fcvt.l.s, rne, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 83, fcvt.l.s, rtz, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 84, fcvt.l.s, rdn, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 85, fcvt.l.s, rup, 0x0000000000000003, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 86, fcvt.l.s, rmm, 0x0000000000000003, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 87, fcvt.l.s, rne, 0xfffffffffffffffe, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 88, fcvt.l.s, rtz, 0xffffffffffffffff, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 89, fcvt.l.s, rdn, 0xfffffffffffffffe, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 90, fcvt.l.s, rup, 0xffffffffffffffff, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 91, fcvt.l.s, rmm, 0xfffffffffffffffe, NX, 0xbfc00000   /* -1.5 */
    FP_S_X_R 92, fcvt.l.s, rne, 0x0000000000000000, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 93, fcvt.l.s, rtz, 0x0000000000000000, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 94, fcvt.l.s, rdn, 0xffffffffffffffff, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 95, fcvt.l.s, rup, 0x0000000000000000, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 96, fcvt.l.s, rmm, 0xffffffffffffffff, NX, 0xbf000000   /* -0.5 */
    FP_S_X_R 97, fcvt.l.s, rne, 0x0000000000000000, NX, S_MINS   /* smallest subnormal: 0, inexact */
    FP_S_X_R 98, fcvt.l.s, rup, 0x0000000000000001, NX, S_MINS   /* smallest subnormal rounded up: 1 */
    FP_S_X_R 99, fcvt.l.s, rdn, 0xffffffffffffffff, NX, S_NMINS   /* -smallest subnormal rounded down: -1 */
    FP_S_X_R 100, fcvt.l.s, rne, 0x7fffffffffffffff, NV, S_QNAN   /* NaN: the largest value, invalid */
    FP_S_X_R 101, fcvt.l.s, rne, 0x7fffffffffffffff, NV, S_NQNAN   /* negative NaN: the largest value too */
    FP_S_X_R 102, fcvt.l.s, rne, 0x7fffffffffffffff, NV, S_SNAN   /* signalling NaN */
    FP_S_X_R 103, fcvt.l.s, rne, 0x7fffffffffffffff, NV, S_PINF   /* +inf: the largest value, invalid */
    FP_S_X_R 104, fcvt.l.s, rne, 0x8000000000000000, NV, S_NINF   /* -inf: the smallest value, invalid */
    FP_S_X_R 105, fcvt.l.s, rne, 0x7fffffffffffffff, NV, S_MAX   /* largest finite: out of range */
    FP_S_X_R 106, fcvt.l.s, rne, 0x8000000000000000, NV, S_NMAX   /* -largest finite: out of range */
    FP_S_X_R 107, fcvt.l.s, rne, 0x8000000000000000, 0, 0xdf000000   /* INT64_MIN exactly */
    FP_S_X_R 108, fcvt.l.s, rne, 0x7fffffffffffffff, NV, 0x5f000000   /* 2^63: out of range */
    FP_S_X_R 109, fcvt.l.s, rne, 0x7fffff8000000000, 0, 0x5effffff   /* largest value below 2^63 */
    FP_S_X_R 110, fcvt.l.s, rne, 0x0000010000000000, 0, 0x53800000   /* a large value */
    GROUP_OK "fcvt.l.s"

    FP_S_X_R 111, fcvt.lu.s, rne, 0x0000000000000000, 0, S_P0   /* +0 = 0 */
    FP_S_X_R 112, fcvt.lu.s, rne, 0x0000000000000000, 0, S_N0   /* -0 = 0, no flag */
    FP_S_X_R 113, fcvt.lu.s, rne, 0x000000000000002a, 0, 0x42280000   /* exact */
    FP_S_X_R 114, fcvt.lu.s, rne, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 115, fcvt.lu.s, rtz, 0x0000000000000001, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 116, fcvt.lu.s, rdn, 0x0000000000000001, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 117, fcvt.lu.s, rup, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 118, fcvt.lu.s, rmm, 0x0000000000000002, NX, 0x3fc00000   /* 1.5 */
    FP_S_X_R 119, fcvt.lu.s, rne, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 120, fcvt.lu.s, rtz, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 121, fcvt.lu.s, rdn, 0x0000000000000002, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 122, fcvt.lu.s, rup, 0x0000000000000003, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 123, fcvt.lu.s, rmm, 0x0000000000000003, NX, 0x40200000   /* 2.5 */
    FP_S_X_R 124, fcvt.lu.s, rne, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 125, fcvt.lu.s, rtz, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 126, fcvt.lu.s, rdn, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 127, fcvt.lu.s, rup, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 128, fcvt.lu.s, rmm, 0x0000000000000000, NV, 0xbfc00000   /* -1.5: below 0 whatever the mode, invalid */
    FP_S_X_R 129, fcvt.lu.s, rne, 0x0000000000000000, NX, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 130, fcvt.lu.s, rtz, 0x0000000000000000, NX, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 131, fcvt.lu.s, rdn, 0x0000000000000000, NV, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 132, fcvt.lu.s, rup, 0x0000000000000000, NX, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 133, fcvt.lu.s, rmm, 0x0000000000000000, NV, 0xbf000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_S_X_R 134, fcvt.lu.s, rne, 0x0000000000000000, NX, S_MINS   /* smallest subnormal: 0, inexact */
    FP_S_X_R 135, fcvt.lu.s, rup, 0x0000000000000001, NX, S_MINS   /* smallest subnormal rounded up: 1 */
    FP_S_X_R 136, fcvt.lu.s, rdn, 0x0000000000000000, NV, S_NMINS   /* -smallest subnormal rounded down: -1, invalid */
    FP_S_X_R 137, fcvt.lu.s, rne, 0xffffffffffffffff, NV, S_QNAN   /* NaN: the largest value, invalid */
    FP_S_X_R 138, fcvt.lu.s, rne, 0xffffffffffffffff, NV, S_NQNAN   /* negative NaN: the largest value too */
    FP_S_X_R 139, fcvt.lu.s, rne, 0xffffffffffffffff, NV, S_SNAN   /* signalling NaN */
    FP_S_X_R 140, fcvt.lu.s, rne, 0xffffffffffffffff, NV, S_PINF   /* +inf: the largest value, invalid */
    FP_S_X_R 141, fcvt.lu.s, rne, 0x0000000000000000, NV, S_NINF   /* -inf: the smallest value, invalid */
    FP_S_X_R 142, fcvt.lu.s, rne, 0xffffffffffffffff, NV, S_MAX   /* largest finite: out of range */
    FP_S_X_R 143, fcvt.lu.s, rne, 0x0000000000000000, NV, S_NMAX   /* -largest finite: out of range */
    FP_S_X_R 144, fcvt.lu.s, rne, 0xffffffffffffffff, NV, 0x5f800000   /* 2^64: out of range */
    FP_S_X_R 145, fcvt.lu.s, rne, 0xffffff0000000000, 0, 0x5f7fffff   /* largest value below 2^64 */
    FP_S_X_R 146, fcvt.lu.s, rne, 0x8000000000000000, 0, 0x5f000000   /* 2^63 fits */
    FP_S_X_R 147, fcvt.lu.s, rne, 0x0000000000000000, NV, 0xbf800000   /* -1: invalid, 0 */
    GROUP_OK "fcvt.lu.s"

    FP_D_X_R 148, fcvt.w.d, rne, 0x0000000000000000, 0, D_P0   /* +0 = 0 */
    FP_D_X_R 149, fcvt.w.d, rne, 0x0000000000000000, 0, D_N0   /* -0 = 0, no flag */
    FP_D_X_R 150, fcvt.w.d, rne, 0x000000000000002a, 0, 0x4045000000000000   /* exact */
    FP_D_X_R 151, fcvt.w.d, rne, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 152, fcvt.w.d, rtz, 0x0000000000000001, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 153, fcvt.w.d, rdn, 0x0000000000000001, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 154, fcvt.w.d, rup, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 155, fcvt.w.d, rmm, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 156, fcvt.w.d, rne, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 157, fcvt.w.d, rtz, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 158, fcvt.w.d, rdn, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 159, fcvt.w.d, rup, 0x0000000000000003, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 160, fcvt.w.d, rmm, 0x0000000000000003, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 161, fcvt.w.d, rne, 0xfffffffffffffffe, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 162, fcvt.w.d, rtz, 0xffffffffffffffff, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 163, fcvt.w.d, rdn, 0xfffffffffffffffe, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 164, fcvt.w.d, rup, 0xffffffffffffffff, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 165, fcvt.w.d, rmm, 0xfffffffffffffffe, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 166, fcvt.w.d, rne, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 167, fcvt.w.d, rtz, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 168, fcvt.w.d, rdn, 0xffffffffffffffff, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 169, fcvt.w.d, rup, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 170, fcvt.w.d, rmm, 0xffffffffffffffff, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 171, fcvt.w.d, rne, 0x0000000000000000, NX, D_MINS   /* smallest subnormal: 0, inexact */
    FP_D_X_R 172, fcvt.w.d, rup, 0x0000000000000001, NX, D_MINS   /* smallest subnormal rounded up: 1 */
    FP_D_X_R 173, fcvt.w.d, rdn, 0xffffffffffffffff, NX, D_NMINS   /* -smallest subnormal rounded down: -1 */
    FP_D_X_R 174, fcvt.w.d, rne, 0x000000007fffffff, NV, D_QNAN   /* NaN: the largest value, invalid */
    FP_D_X_R 175, fcvt.w.d, rne, 0x000000007fffffff, NV, D_NQNAN   /* negative NaN: the largest value too */
    FP_D_X_R 176, fcvt.w.d, rne, 0x000000007fffffff, NV, D_SNAN   /* signalling NaN */
    FP_D_X_R 177, fcvt.w.d, rne, 0x000000007fffffff, NV, D_PINF   /* +inf: the largest value, invalid */
    FP_D_X_R 178, fcvt.w.d, rne, 0xffffffff80000000, NV, D_NINF   /* -inf: the smallest value, invalid */
    FP_D_X_R 179, fcvt.w.d, rne, 0x000000007fffffff, NV, D_MAX   /* largest finite: out of range */
    FP_D_X_R 180, fcvt.w.d, rne, 0xffffffff80000000, NV, D_NMAX   /* -largest finite: out of range */
    FP_D_X_R 181, fcvt.w.d, rne, 0xffffffff80000000, 0, 0xc1e0000000000000   /* INT32_MIN exactly */
    FP_D_X_R 182, fcvt.w.d, rne, 0x000000007fffffff, NV, 0x41e0000000000000   /* 2^31: out of range */
    FP_D_X_R 183, fcvt.w.d, rne, 0x000000007fffffff, 0, 0x41dfffffffc00000   /* INT32_MAX exactly */
    FP_D_X_R 184, fcvt.w.d, rne, 0x000000007fffffff, NV, 0x41dfffffffe00000   /* INT32_MAX + 0.5: in range only if rounded down */
    FP_D_X_R 185, fcvt.w.d, rtz, 0x000000007fffffff, NX, 0x41dfffffffe00000   /* INT32_MAX + 0.5: in range only if rounded down */
    FP_D_X_R 186, fcvt.w.d, rup, 0x000000007fffffff, NV, 0x41dfffffffe00000   /* INT32_MAX + 0.5: in range only if rounded down */
    FP_D_X_R 187, fcvt.w.d, rne, 0xffffffff80000000, NV, 0xc1e0000000200000   /* INT32_MIN - 1: out of range */
    FP_D_X_R 188, fcvt.w.d, rne, 0xffffffff80000000, NX, 0xc1e0000000100000   /* INT32_MIN - 0.5 */
    FP_D_X_R 189, fcvt.w.d, rtz, 0xffffffff80000000, NX, 0xc1e0000000100000   /* INT32_MIN - 0.5 */
    FP_D_X_R 190, fcvt.w.d, rdn, 0xffffffff80000000, NV, 0xc1e0000000100000   /* INT32_MIN - 0.5 */
    GROUP_OK "fcvt.w.d"

    FP_D_X_R 191, fcvt.wu.d, rne, 0x0000000000000000, 0, D_P0   /* +0 = 0 */
    FP_D_X_R 192, fcvt.wu.d, rne, 0x0000000000000000, 0, D_N0   /* -0 = 0, no flag */
    FP_D_X_R 193, fcvt.wu.d, rne, 0x000000000000002a, 0, 0x4045000000000000   /* exact */
    FP_D_X_R 194, fcvt.wu.d, rne, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 195, fcvt.wu.d, rtz, 0x0000000000000001, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 196, fcvt.wu.d, rdn, 0x0000000000000001, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 197, fcvt.wu.d, rup, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 198, fcvt.wu.d, rmm, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 199, fcvt.wu.d, rne, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 200, fcvt.wu.d, rtz, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 201, fcvt.wu.d, rdn, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 202, fcvt.wu.d, rup, 0x0000000000000003, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 203, fcvt.wu.d, rmm, 0x0000000000000003, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 204, fcvt.wu.d, rne, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 205, fcvt.wu.d, rtz, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 206, fcvt.wu.d, rdn, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 207, fcvt.wu.d, rup, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 208, fcvt.wu.d, rmm, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 209, fcvt.wu.d, rne, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 210, fcvt.wu.d, rtz, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 211, fcvt.wu.d, rdn, 0x0000000000000000, NV, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 212, fcvt.wu.d, rup, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 213, fcvt.wu.d, rmm, 0x0000000000000000, NV, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 214, fcvt.wu.d, rne, 0x0000000000000000, NX, D_MINS   /* smallest subnormal: 0, inexact */
    FP_D_X_R 215, fcvt.wu.d, rup, 0x0000000000000001, NX, D_MINS   /* smallest subnormal rounded up: 1 */
    FP_D_X_R 216, fcvt.wu.d, rdn, 0x0000000000000000, NV, D_NMINS   /* -smallest subnormal rounded down: -1, invalid */
    FP_D_X_R 217, fcvt.wu.d, rne, 0xffffffffffffffff, NV, D_QNAN   /* NaN: the largest value, invalid */
    FP_D_X_R 218, fcvt.wu.d, rne, 0xffffffffffffffff, NV, D_NQNAN   /* negative NaN: the largest value too */
    FP_D_X_R 219, fcvt.wu.d, rne, 0xffffffffffffffff, NV, D_SNAN   /* signalling NaN */
    FP_D_X_R 220, fcvt.wu.d, rne, 0xffffffffffffffff, NV, D_PINF   /* +inf: the largest value, invalid */
    FP_D_X_R 221, fcvt.wu.d, rne, 0x0000000000000000, NV, D_NINF   /* -inf: the smallest value, invalid */
    FP_D_X_R 222, fcvt.wu.d, rne, 0xffffffffffffffff, NV, D_MAX   /* largest finite: out of range */
    FP_D_X_R 223, fcvt.wu.d, rne, 0x0000000000000000, NV, D_NMAX   /* -largest finite: out of range */
    FP_D_X_R 224, fcvt.wu.d, rne, 0xffffffffb2d05e00, 0, 0x41e65a0bc0000000   /* above INT32_MAX: the 32-bit result is sign-extended */
    FP_D_X_R 225, fcvt.wu.d, rne, 0xffffffffffffffff, NV, 0x41f0000000000000   /* 2^32: out of range */
    FP_D_X_R 226, fcvt.wu.d, rne, 0xffffffffffffffff, 0, 0x41efffffffe00000   /* UINT32_MAX exactly */
    FP_D_X_R 227, fcvt.wu.d, rne, 0xffffffffffffffff, NV, 0x41effffffff00000   /* UINT32_MAX + 0.5 */
    FP_D_X_R 228, fcvt.wu.d, rtz, 0xffffffffffffffff, NX, 0x41effffffff00000   /* UINT32_MAX + 0.5 */
    FP_D_X_R 229, fcvt.wu.d, rne, 0x0000000000000000, NV, 0xbff0000000000000   /* -1: invalid, 0 */
    GROUP_OK "fcvt.wu.d"

    FP_D_X_R 230, fcvt.l.d, rne, 0x0000000000000000, 0, D_P0   /* +0 = 0 */
    FP_D_X_R 231, fcvt.l.d, rne, 0x0000000000000000, 0, D_N0   /* -0 = 0, no flag */
    FP_D_X_R 232, fcvt.l.d, rne, 0x000000000000002a, 0, 0x4045000000000000   /* exact */
    FP_D_X_R 233, fcvt.l.d, rne, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 234, fcvt.l.d, rtz, 0x0000000000000001, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 235, fcvt.l.d, rdn, 0x0000000000000001, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 236, fcvt.l.d, rup, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 237, fcvt.l.d, rmm, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 238, fcvt.l.d, rne, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 239, fcvt.l.d, rtz, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 240, fcvt.l.d, rdn, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 241, fcvt.l.d, rup, 0x0000000000000003, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 242, fcvt.l.d, rmm, 0x0000000000000003, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 243, fcvt.l.d, rne, 0xfffffffffffffffe, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 244, fcvt.l.d, rtz, 0xffffffffffffffff, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 245, fcvt.l.d, rdn, 0xfffffffffffffffe, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 246, fcvt.l.d, rup, 0xffffffffffffffff, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 247, fcvt.l.d, rmm, 0xfffffffffffffffe, NX, 0xbff8000000000000   /* -1.5 */
    FP_D_X_R 248, fcvt.l.d, rne, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 249, fcvt.l.d, rtz, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 250, fcvt.l.d, rdn, 0xffffffffffffffff, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 251, fcvt.l.d, rup, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 252, fcvt.l.d, rmm, 0xffffffffffffffff, NX, 0xbfe0000000000000   /* -0.5 */
    FP_D_X_R 253, fcvt.l.d, rne, 0x0000000000000000, NX, D_MINS   /* smallest subnormal: 0, inexact */
    FP_D_X_R 254, fcvt.l.d, rup, 0x0000000000000001, NX, D_MINS   /* smallest subnormal rounded up: 1 */
    FP_D_X_R 255, fcvt.l.d, rdn, 0xffffffffffffffff, NX, D_NMINS   /* -smallest subnormal rounded down: -1 */
    FP_D_X_R 256, fcvt.l.d, rne, 0x7fffffffffffffff, NV, D_QNAN   /* NaN: the largest value, invalid */
    FP_D_X_R 257, fcvt.l.d, rne, 0x7fffffffffffffff, NV, D_NQNAN   /* negative NaN: the largest value too */
    FP_D_X_R 258, fcvt.l.d, rne, 0x7fffffffffffffff, NV, D_SNAN   /* signalling NaN */
    FP_D_X_R 259, fcvt.l.d, rne, 0x7fffffffffffffff, NV, D_PINF   /* +inf: the largest value, invalid */
    FP_D_X_R 260, fcvt.l.d, rne, 0x8000000000000000, NV, D_NINF   /* -inf: the smallest value, invalid */
    FP_D_X_R 261, fcvt.l.d, rne, 0x7fffffffffffffff, NV, D_MAX   /* largest finite: out of range */
    FP_D_X_R 262, fcvt.l.d, rne, 0x8000000000000000, NV, D_NMAX   /* -largest finite: out of range */
    FP_D_X_R 263, fcvt.l.d, rne, 0x8000000000000000, 0, 0xc3e0000000000000   /* INT64_MIN exactly */
    FP_D_X_R 264, fcvt.l.d, rne, 0x7fffffffffffffff, NV, 0x43e0000000000000   /* 2^63: out of range */
    FP_D_X_R 265, fcvt.l.d, rne, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff   /* largest value below 2^63 */
    FP_D_X_R 266, fcvt.l.d, rne, 0x0000010000000000, NX, 0x4270000000000800   /* a large value */
    GROUP_OK "fcvt.l.d"

    FP_D_X_R 267, fcvt.lu.d, rne, 0x0000000000000000, 0, D_P0   /* +0 = 0 */
    FP_D_X_R 268, fcvt.lu.d, rne, 0x0000000000000000, 0, D_N0   /* -0 = 0, no flag */
    FP_D_X_R 269, fcvt.lu.d, rne, 0x000000000000002a, 0, 0x4045000000000000   /* exact */
    FP_D_X_R 270, fcvt.lu.d, rne, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 271, fcvt.lu.d, rtz, 0x0000000000000001, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 272, fcvt.lu.d, rdn, 0x0000000000000001, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 273, fcvt.lu.d, rup, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 274, fcvt.lu.d, rmm, 0x0000000000000002, NX, 0x3ff8000000000000   /* 1.5 */
    FP_D_X_R 275, fcvt.lu.d, rne, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 276, fcvt.lu.d, rtz, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 277, fcvt.lu.d, rdn, 0x0000000000000002, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 278, fcvt.lu.d, rup, 0x0000000000000003, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 279, fcvt.lu.d, rmm, 0x0000000000000003, NX, 0x4004000000000000   /* 2.5 */
    FP_D_X_R 280, fcvt.lu.d, rne, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 281, fcvt.lu.d, rtz, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 282, fcvt.lu.d, rdn, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 283, fcvt.lu.d, rup, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 284, fcvt.lu.d, rmm, 0x0000000000000000, NV, 0xbff8000000000000   /* -1.5: below 0 whatever the mode, invalid */
    FP_D_X_R 285, fcvt.lu.d, rne, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 286, fcvt.lu.d, rtz, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 287, fcvt.lu.d, rdn, 0x0000000000000000, NV, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 288, fcvt.lu.d, rup, 0x0000000000000000, NX, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 289, fcvt.lu.d, rmm, 0x0000000000000000, NV, 0xbfe0000000000000   /* -0.5: inexact if it rounds to 0, invalid if to -1 */
    FP_D_X_R 290, fcvt.lu.d, rne, 0x0000000000000000, NX, D_MINS   /* smallest subnormal: 0, inexact */
    FP_D_X_R 291, fcvt.lu.d, rup, 0x0000000000000001, NX, D_MINS   /* smallest subnormal rounded up: 1 */
    FP_D_X_R 292, fcvt.lu.d, rdn, 0x0000000000000000, NV, D_NMINS   /* -smallest subnormal rounded down: -1, invalid */
    FP_D_X_R 293, fcvt.lu.d, rne, 0xffffffffffffffff, NV, D_QNAN   /* NaN: the largest value, invalid */
    FP_D_X_R 294, fcvt.lu.d, rne, 0xffffffffffffffff, NV, D_NQNAN   /* negative NaN: the largest value too */
    FP_D_X_R 295, fcvt.lu.d, rne, 0xffffffffffffffff, NV, D_SNAN   /* signalling NaN */
    FP_D_X_R 296, fcvt.lu.d, rne, 0xffffffffffffffff, NV, D_PINF   /* +inf: the largest value, invalid */
    FP_D_X_R 297, fcvt.lu.d, rne, 0x0000000000000000, NV, D_NINF   /* -inf: the smallest value, invalid */
    FP_D_X_R 298, fcvt.lu.d, rne, 0xffffffffffffffff, NV, D_MAX   /* largest finite: out of range */
    FP_D_X_R 299, fcvt.lu.d, rne, 0x0000000000000000, NV, D_NMAX   /* -largest finite: out of range */
    FP_D_X_R 300, fcvt.lu.d, rne, 0xffffffffffffffff, NV, 0x43f0000000000000   /* 2^64: out of range */
    FP_D_X_R 301, fcvt.lu.d, rne, 0xfffffffffffff800, 0, 0x43efffffffffffff   /* largest value below 2^64 */
    FP_D_X_R 302, fcvt.lu.d, rne, 0x8000000000000000, 0, 0x43e0000000000000   /* 2^63 fits */
    FP_D_X_R 303, fcvt.lu.d, rne, 0x0000000000000000, NV, 0xbff0000000000000   /* -1: invalid, 0 */
    GROUP_OK "fcvt.lu.d"

    FP_S_F_X 304, fcvt.s.w, rne, 0x00000000, 0, 0x0000000000000000   /* 0 = +0 */
    FP_S_F_X 305, fcvt.s.w, rne, 0x3f800000, 0, 0x0000000000000001   /* 1 */
    FP_S_F_X 306, fcvt.s.w, rne, 0xbf800000, 0, 0xffffffffffffffff   /* -1 */
    FP_S_F_X 307, fcvt.s.w, rne, 0x40a00000, 0, 0x0000000100000005   /* upper bits ignored by the word forms */
    FP_S_F_X 308, fcvt.s.w, rne, 0xcf000000, 0, 0x0000000080000000   /* bit 31: INT32_MIN or 2^31 */
    FP_S_F_X 309, fcvt.s.w, rne, 0x4f000000, NX, 0x000000007fffffff   /* INT32_MAX */
    FP_S_F_X 310, fcvt.s.w, rne, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 311, fcvt.s.w, rtz, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 312, fcvt.s.w, rdn, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 313, fcvt.s.w, rup, 0x4b800001, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 314, fcvt.s.w, rmm, 0x4b800001, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 315, fcvt.s.w, rne, 0xcb800002, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 316, fcvt.s.w, rtz, 0xcb800001, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 317, fcvt.s.w, rdn, 0xcb800002, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 318, fcvt.s.w, rup, 0xcb800001, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 319, fcvt.s.w, rmm, 0xcb800002, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 320, fcvt.s.w, rne, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 321, fcvt.s.w, rtz, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 322, fcvt.s.w, rdn, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 323, fcvt.s.w, rup, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 324, fcvt.s.w, rmm, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 325, fcvt.s.w, rne, 0xbf800000, 0, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 326, fcvt.s.w, rtz, 0xbf800000, 0, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 327, fcvt.s.w, rdn, 0xbf800000, 0, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 328, fcvt.s.w, rup, 0xbf800000, 0, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 329, fcvt.s.w, rmm, 0xbf800000, 0, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 330, fcvt.s.w, rne, 0x00000000, 0, 0x8000000000000000   /* bit 63: INT64_MIN or 2^63 */
    FP_S_F_X 331, fcvt.s.w, rtz, 0xbf800000, 0, 0xffffffffffffffff   /* all ones */
    GROUP_OK "fcvt.s.w"

    FP_S_F_X 332, fcvt.s.wu, rne, 0x00000000, 0, 0x0000000000000000   /* 0 = +0 */
    FP_S_F_X 333, fcvt.s.wu, rne, 0x3f800000, 0, 0x0000000000000001   /* 1 */
    FP_S_F_X 334, fcvt.s.wu, rne, 0x4f800000, NX, 0xffffffffffffffff   /* -1 (all ones: the largest unsigned) */
    FP_S_F_X 335, fcvt.s.wu, rne, 0x40a00000, 0, 0x0000000100000005   /* upper bits ignored by the word forms */
    FP_S_F_X 336, fcvt.s.wu, rne, 0x4f000000, 0, 0x0000000080000000   /* bit 31: INT32_MIN or 2^31 */
    FP_S_F_X 337, fcvt.s.wu, rne, 0x4f000000, NX, 0x000000007fffffff   /* INT32_MAX */
    FP_S_F_X 338, fcvt.s.wu, rne, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 339, fcvt.s.wu, rtz, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 340, fcvt.s.wu, rdn, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 341, fcvt.s.wu, rup, 0x4b800001, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 342, fcvt.s.wu, rmm, 0x4b800001, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 343, fcvt.s.wu, rne, 0x4f7f0000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 344, fcvt.s.wu, rtz, 0x4f7effff, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 345, fcvt.s.wu, rdn, 0x4f7effff, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 346, fcvt.s.wu, rup, 0x4f7f0000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 347, fcvt.s.wu, rmm, 0x4f7f0000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 348, fcvt.s.wu, rne, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 349, fcvt.s.wu, rtz, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 350, fcvt.s.wu, rdn, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 351, fcvt.s.wu, rup, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 352, fcvt.s.wu, rmm, 0x3f800000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 353, fcvt.s.wu, rne, 0x4f800000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 354, fcvt.s.wu, rtz, 0x4f7fffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 355, fcvt.s.wu, rdn, 0x4f7fffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 356, fcvt.s.wu, rup, 0x4f800000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 357, fcvt.s.wu, rmm, 0x4f800000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 358, fcvt.s.wu, rne, 0x00000000, 0, 0x8000000000000000   /* bit 63: INT64_MIN or 2^63 */
    FP_S_F_X 359, fcvt.s.wu, rtz, 0x4f7fffff, NX, 0xffffffffffffffff   /* all ones */
    GROUP_OK "fcvt.s.wu"

    FP_S_F_X 360, fcvt.s.l, rne, 0x00000000, 0, 0x0000000000000000   /* 0 = +0 */
    FP_S_F_X 361, fcvt.s.l, rne, 0x3f800000, 0, 0x0000000000000001   /* 1 */
    FP_S_F_X 362, fcvt.s.l, rne, 0xbf800000, 0, 0xffffffffffffffff   /* -1 */
    FP_S_F_X 363, fcvt.s.l, rne, 0x4f800000, NX, 0x0000000100000005   /* upper bits ignored by the word forms */
    FP_S_F_X 364, fcvt.s.l, rne, 0x4f000000, 0, 0x0000000080000000   /* bit 31: INT32_MIN or 2^31 */
    FP_S_F_X 365, fcvt.s.l, rne, 0x4f000000, NX, 0x000000007fffffff   /* INT32_MAX */
    FP_S_F_X 366, fcvt.s.l, rne, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 367, fcvt.s.l, rtz, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 368, fcvt.s.l, rdn, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 369, fcvt.s.l, rup, 0x4b800001, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 370, fcvt.s.l, rmm, 0x4b800001, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 371, fcvt.s.l, rne, 0xcb800002, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 372, fcvt.s.l, rtz, 0xcb800001, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 373, fcvt.s.l, rdn, 0xcb800002, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 374, fcvt.s.l, rup, 0xcb800001, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 375, fcvt.s.l, rmm, 0xcb800002, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 376, fcvt.s.l, rne, 0x5a000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 377, fcvt.s.l, rtz, 0x5a000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 378, fcvt.s.l, rdn, 0x5a000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 379, fcvt.s.l, rup, 0x5a000001, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 380, fcvt.s.l, rmm, 0x5a000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 381, fcvt.s.l, rne, 0x5f000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 382, fcvt.s.l, rtz, 0x5effffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 383, fcvt.s.l, rdn, 0x5effffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 384, fcvt.s.l, rup, 0x5f000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 385, fcvt.s.l, rmm, 0x5f000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 386, fcvt.s.l, rne, 0xdf000000, 0, 0x8000000000000000   /* bit 63: INT64_MIN or 2^63 */
    FP_S_F_X 387, fcvt.s.l, rtz, 0xbf800000, 0, 0xffffffffffffffff   /* all ones */
    GROUP_OK "fcvt.s.l"

    FP_S_F_X 388, fcvt.s.lu, rne, 0x00000000, 0, 0x0000000000000000   /* 0 = +0 */
    FP_S_F_X 389, fcvt.s.lu, rne, 0x3f800000, 0, 0x0000000000000001   /* 1 */
    FP_S_F_X 390, fcvt.s.lu, rne, 0x5f800000, NX, 0xffffffffffffffff   /* -1 (all ones: the largest unsigned) */
    FP_S_F_X 391, fcvt.s.lu, rne, 0x4f800000, NX, 0x0000000100000005   /* upper bits ignored by the word forms */
    FP_S_F_X 392, fcvt.s.lu, rne, 0x4f000000, 0, 0x0000000080000000   /* bit 31: INT32_MIN or 2^31 */
    FP_S_F_X 393, fcvt.s.lu, rne, 0x4f000000, NX, 0x000000007fffffff   /* INT32_MAX */
    FP_S_F_X 394, fcvt.s.lu, rne, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 395, fcvt.s.lu, rtz, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 396, fcvt.s.lu, rdn, 0x4b800000, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 397, fcvt.s.lu, rup, 0x4b800001, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 398, fcvt.s.lu, rmm, 0x4b800001, NX, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_S_F_X 399, fcvt.s.lu, rne, 0x5f800000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 400, fcvt.s.lu, rtz, 0x5f7fffff, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 401, fcvt.s.lu, rdn, 0x5f7fffff, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 402, fcvt.s.lu, rup, 0x5f800000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 403, fcvt.s.lu, rmm, 0x5f800000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_S_F_X 404, fcvt.s.lu, rne, 0x5a000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 405, fcvt.s.lu, rtz, 0x5a000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 406, fcvt.s.lu, rdn, 0x5a000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 407, fcvt.s.lu, rup, 0x5a000001, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 408, fcvt.s.lu, rmm, 0x5a000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_S_F_X 409, fcvt.s.lu, rne, 0x5f000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 410, fcvt.s.lu, rtz, 0x5effffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 411, fcvt.s.lu, rdn, 0x5effffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 412, fcvt.s.lu, rup, 0x5f000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 413, fcvt.s.lu, rmm, 0x5f000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_S_F_X 414, fcvt.s.lu, rne, 0x5f000000, 0, 0x8000000000000000   /* bit 63: INT64_MIN or 2^63 */
    FP_S_F_X 415, fcvt.s.lu, rtz, 0x5f7fffff, NX, 0xffffffffffffffff   /* all ones */
    GROUP_OK "fcvt.s.lu"

    FP_D_F_X 416, fcvt.d.w, , 0x0000000000000000, 0, 0x0000000000000000   /* 0 = +0 */
    FP_D_F_X 417, fcvt.d.w, , 0x3ff0000000000000, 0, 0x0000000000000001   /* 1 */
    FP_D_F_X 418, fcvt.d.w, , 0xbff0000000000000, 0, 0xffffffffffffffff   /* -1 */
    FP_D_F_X 419, fcvt.d.w, , 0x4014000000000000, 0, 0x0000000100000005   /* upper bits ignored by the word forms */
    FP_D_F_X 420, fcvt.d.w, , 0xc1e0000000000000, 0, 0x0000000080000000   /* bit 31: INT32_MIN or 2^31 */
    FP_D_F_X 421, fcvt.d.w, , 0x41dfffffffc00000, 0, 0x000000007fffffff   /* INT32_MAX */
    FP_D_F_X 422, fcvt.d.w, , 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 423, fcvt.d.w, , 0xc170000030000000, 0, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 424, fcvt.d.w, , 0x3ff0000000000000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 425, fcvt.d.w, , 0xbff0000000000000, 0, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 426, fcvt.d.w, , 0x0000000000000000, 0, 0x8000000000000000   /* bit 63: INT64_MIN or 2^63 */
    GROUP_OK "fcvt.d.w"

    FP_D_F_X 427, fcvt.d.wu, , 0x0000000000000000, 0, 0x0000000000000000   /* 0 = +0 */
    FP_D_F_X 428, fcvt.d.wu, , 0x3ff0000000000000, 0, 0x0000000000000001   /* 1 */
    FP_D_F_X 429, fcvt.d.wu, , 0x41efffffffe00000, 0, 0xffffffffffffffff   /* -1 (all ones: the largest unsigned) */
    FP_D_F_X 430, fcvt.d.wu, , 0x4014000000000000, 0, 0x0000000100000005   /* upper bits ignored by the word forms */
    FP_D_F_X 431, fcvt.d.wu, , 0x41e0000000000000, 0, 0x0000000080000000   /* bit 31: INT32_MIN or 2^31 */
    FP_D_F_X 432, fcvt.d.wu, , 0x41dfffffffc00000, 0, 0x000000007fffffff   /* INT32_MAX */
    FP_D_F_X 433, fcvt.d.wu, , 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 434, fcvt.d.wu, , 0x41efdfffffa00000, 0, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 435, fcvt.d.wu, , 0x3ff0000000000000, 0, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 436, fcvt.d.wu, , 0x41efffffffe00000, 0, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 437, fcvt.d.wu, , 0x0000000000000000, 0, 0x8000000000000000   /* bit 63: INT64_MIN or 2^63 */
    GROUP_OK "fcvt.d.wu"

    FP_D_F_X 438, fcvt.d.l, rne, 0x0000000000000000, 0, 0x0000000000000000   /* 0 = +0 */
    FP_D_F_X 439, fcvt.d.l, rne, 0x3ff0000000000000, 0, 0x0000000000000001   /* 1 */
    FP_D_F_X 440, fcvt.d.l, rne, 0xbff0000000000000, 0, 0xffffffffffffffff   /* -1 */
    FP_D_F_X 441, fcvt.d.l, rne, 0x41f0000000500000, 0, 0x0000000100000005   /* upper bits ignored by the word forms */
    FP_D_F_X 442, fcvt.d.l, rne, 0x41e0000000000000, 0, 0x0000000080000000   /* bit 31: INT32_MIN or 2^31 */
    FP_D_F_X 443, fcvt.d.l, rne, 0x41dfffffffc00000, 0, 0x000000007fffffff   /* INT32_MAX */
    FP_D_F_X 444, fcvt.d.l, rne, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 445, fcvt.d.l, rtz, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 446, fcvt.d.l, rdn, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 447, fcvt.d.l, rup, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 448, fcvt.d.l, rmm, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 449, fcvt.d.l, rne, 0xc170000030000000, 0, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 450, fcvt.d.l, rtz, 0xc170000030000000, 0, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 451, fcvt.d.l, rdn, 0xc170000030000000, 0, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 452, fcvt.d.l, rup, 0xc170000030000000, 0, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 453, fcvt.d.l, rmm, 0xc170000030000000, 0, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 454, fcvt.d.l, rne, 0x4340000000000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 455, fcvt.d.l, rtz, 0x4340000000000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 456, fcvt.d.l, rdn, 0x4340000000000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 457, fcvt.d.l, rup, 0x4340000000000001, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 458, fcvt.d.l, rmm, 0x4340000000000001, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 459, fcvt.d.l, rne, 0x43e0000000000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 460, fcvt.d.l, rtz, 0x43dfffffffffffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 461, fcvt.d.l, rdn, 0x43dfffffffffffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 462, fcvt.d.l, rup, 0x43e0000000000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 463, fcvt.d.l, rmm, 0x43e0000000000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 464, fcvt.d.l, rne, 0xc3e0000000000000, 0, 0x8000000000000000   /* bit 63: INT64_MIN or 2^63 */
    FP_D_F_X 465, fcvt.d.l, rtz, 0xbff0000000000000, 0, 0xffffffffffffffff   /* all ones */
    GROUP_OK "fcvt.d.l"

    FP_D_F_X 466, fcvt.d.lu, rne, 0x0000000000000000, 0, 0x0000000000000000   /* 0 = +0 */
    FP_D_F_X 467, fcvt.d.lu, rne, 0x3ff0000000000000, 0, 0x0000000000000001   /* 1 */
    FP_D_F_X 468, fcvt.d.lu, rne, 0x43f0000000000000, NX, 0xffffffffffffffff   /* -1 (all ones: the largest unsigned) */
    FP_D_F_X 469, fcvt.d.lu, rne, 0x41f0000000500000, 0, 0x0000000100000005   /* upper bits ignored by the word forms */
    FP_D_F_X 470, fcvt.d.lu, rne, 0x41e0000000000000, 0, 0x0000000080000000   /* bit 31: INT32_MIN or 2^31 */
    FP_D_F_X 471, fcvt.d.lu, rne, 0x41dfffffffc00000, 0, 0x000000007fffffff   /* INT32_MAX */
    FP_D_F_X 472, fcvt.d.lu, rne, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 473, fcvt.d.lu, rtz, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 474, fcvt.d.lu, rdn, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 475, fcvt.d.lu, rup, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 476, fcvt.d.lu, rmm, 0x4170000010000000, 0, 0x0000000001000001   /* 2^24 + 1: a tie in single precision */
    FP_D_F_X 477, fcvt.d.lu, rne, 0x43efffffffffe000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 478, fcvt.d.lu, rtz, 0x43efffffffffdfff, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 479, fcvt.d.lu, rdn, 0x43efffffffffdfff, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 480, fcvt.d.lu, rup, 0x43efffffffffe000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 481, fcvt.d.lu, rmm, 0x43efffffffffe000, NX, 0xfffffffffefffffd   /* -(2^24 + 3): a negative tie */
    FP_D_F_X 482, fcvt.d.lu, rne, 0x4340000000000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 483, fcvt.d.lu, rtz, 0x4340000000000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 484, fcvt.d.lu, rdn, 0x4340000000000000, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 485, fcvt.d.lu, rup, 0x4340000000000001, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 486, fcvt.d.lu, rmm, 0x4340000000000001, NX, 0x0020000000000001   /* 2^53 + 1: a tie in double precision */
    FP_D_F_X 487, fcvt.d.lu, rne, 0x43e0000000000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 488, fcvt.d.lu, rtz, 0x43dfffffffffffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 489, fcvt.d.lu, rdn, 0x43dfffffffffffff, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 490, fcvt.d.lu, rup, 0x43e0000000000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 491, fcvt.d.lu, rmm, 0x43e0000000000000, NX, 0x7fffffffffffffff   /* INT64_MAX */
    FP_D_F_X 492, fcvt.d.lu, rne, 0x43e0000000000000, 0, 0x8000000000000000   /* bit 63: INT64_MIN or 2^63 */
    FP_D_F_X 493, fcvt.d.lu, rtz, 0x43efffffffffffff, NX, 0xffffffffffffffff   /* all ones */
    GROUP_OK "fcvt.d.lu"

    FP_R 494, fcvt.s.d, rne, BOX(0x3f800000), 0, 0x3ff0000000000000   /* 1 exactly */
    FP_R 495, fcvt.s.d, rne, BOX(0x80000000), 0, D_N0   /* -0 */
    FP_R 496, fcvt.s.d, rne, BOX(0x7f800000), 0, D_PINF   /* inf */
    FP_R 497, fcvt.s.d, rne, BOX(0xff800000), 0, D_NINF   /* -inf */
    FP_R 498, fcvt.s.d, rne, BOX(0x7fc00000), 0, D_QNAN   /* NaN: canonical single NaN */
    FP_R 499, fcvt.s.d, rne, BOX(0x7fc00000), 0, D_NQNAN   /* NaN with payload: canonical */
    FP_R 500, fcvt.s.d, rne, BOX(0x7fc00000), NV, D_SNAN   /* signalling NaN: invalid */
    FP_R 501, fcvt.s.d, rne, BOX(0x3eaaaaab), NX, 0x3fd5555555555555   /* the double nearest 1/3 */
    FP_R 502, fcvt.s.d, rtz, BOX(0x3eaaaaaa), NX, 0x3fd5555555555555   /* the double nearest 1/3 */
    FP_R 503, fcvt.s.d, rdn, BOX(0x3eaaaaaa), NX, 0x3fd5555555555555   /* the double nearest 1/3 */
    FP_R 504, fcvt.s.d, rup, BOX(0x3eaaaaab), NX, 0x3fd5555555555555   /* the double nearest 1/3 */
    FP_R 505, fcvt.s.d, rmm, BOX(0x3eaaaaab), NX, 0x3fd5555555555555   /* the double nearest 1/3 */
    FP_R 506, fcvt.s.d, rne, BOX(0xbeaaaaab), NX, 0xbfd5555555555555   /* the double nearest -1/3 */
    FP_R 507, fcvt.s.d, rtz, BOX(0xbeaaaaaa), NX, 0xbfd5555555555555   /* the double nearest -1/3 */
    FP_R 508, fcvt.s.d, rdn, BOX(0xbeaaaaab), NX, 0xbfd5555555555555   /* the double nearest -1/3 */
    FP_R 509, fcvt.s.d, rup, BOX(0xbeaaaaaa), NX, 0xbfd5555555555555   /* the double nearest -1/3 */
    FP_R 510, fcvt.s.d, rmm, BOX(0xbeaaaaab), NX, 0xbfd5555555555555   /* the double nearest -1/3 */
    FP_R 511, fcvt.s.d, rne, BOX(0x7f800000), OF|NX, D_MAX   /* largest double: overflow */
    FP_R 512, fcvt.s.d, rtz, BOX(0x7f7fffff), OF|NX, D_MAX   /* largest double: overflow */
    FP_R 513, fcvt.s.d, rdn, BOX(0x7f7fffff), OF|NX, D_MAX   /* largest double: overflow */
    FP_R 514, fcvt.s.d, rup, BOX(0x7f800000), OF|NX, D_MAX   /* largest double: overflow */
    FP_R 515, fcvt.s.d, rmm, BOX(0x7f800000), OF|NX, D_MAX   /* largest double: overflow */
    FP_R 516, fcvt.s.d, rne, BOX(0x7f800000), OF|NX, 0x47effffff0000000   /* largest single + half an ulp: overflows only if rounded up */
    FP_R 517, fcvt.s.d, rtz, BOX(0x7f7fffff), NX, 0x47effffff0000000   /* largest single + half an ulp: overflows only if rounded up */
    FP_R 518, fcvt.s.d, rdn, BOX(0x7f7fffff), NX, 0x47effffff0000000   /* largest single + half an ulp: overflows only if rounded up */
    FP_R 519, fcvt.s.d, rup, BOX(0x7f800000), OF|NX, 0x47effffff0000000   /* largest single + half an ulp: overflows only if rounded up */
    FP_R 520, fcvt.s.d, rmm, BOX(0x7f800000), OF|NX, 0x47effffff0000000   /* largest single + half an ulp: overflows only if rounded up */
    FP_R 521, fcvt.s.d, rne, BOX(0x00000000), UF|NX, 0x0170000000000000   /* 2^-1000: underflow */
    FP_R 522, fcvt.s.d, rtz, BOX(0x00000000), UF|NX, 0x0170000000000000   /* 2^-1000: underflow */
    FP_R 523, fcvt.s.d, rdn, BOX(0x00000000), UF|NX, 0x0170000000000000   /* 2^-1000: underflow */
    FP_R 524, fcvt.s.d, rup, BOX(0x00000001), UF|NX, 0x0170000000000000   /* 2^-1000: underflow */
    FP_R 525, fcvt.s.d, rmm, BOX(0x00000000), UF|NX, 0x0170000000000000   /* 2^-1000: underflow */
    FP_R 526, fcvt.s.d, rne, BOX(0x00000001), UF|NX, 0x3698000000000000   /* 1.5 x the smallest single subnormal */
    FP_R 527, fcvt.s.d, rtz, BOX(0x00000000), UF|NX, 0x3698000000000000   /* 1.5 x the smallest single subnormal */
    FP_R 528, fcvt.s.d, rdn, BOX(0x00000000), UF|NX, 0x3698000000000000   /* 1.5 x the smallest single subnormal */
    FP_R 529, fcvt.s.d, rup, BOX(0x00000001), UF|NX, 0x3698000000000000   /* 1.5 x the smallest single subnormal */
    FP_R 530, fcvt.s.d, rmm, BOX(0x00000001), UF|NX, 0x3698000000000000   /* 1.5 x the smallest single subnormal */
    FP_R 531, fcvt.s.d, rne, BOX(0x00000001), 0, 0x36a0000000000000   /* the smallest single subnormal, exact */
    FP_R 532, fcvt.s.d, rne, BOX(0x00800000), UF|NX, 0x380fffffe0000000   /* just below the smallest normal single: tiny */
    GROUP_OK "fcvt.s.d"

    FP_R 533, fcvt.d.s, , 0x3ff0000000000000, 0, BOX(0x3f800000)   /* 1 */
    FP_R 534, fcvt.d.s, , 0x8000000000000000, 0, BOX(S_N0)   /* -0 */
    FP_R 535, fcvt.d.s, , 0x36a0000000000000, 0, BOX(S_MINS)   /* smallest subnormal single: a normal double */
    FP_R 536, fcvt.d.s, , 0xc7efffffe0000000, 0, BOX(S_NMAX)   /* -largest single */
    FP_R 537, fcvt.d.s, , 0xfff0000000000000, 0, BOX(S_NINF)   /* -inf */
    FP_R 538, fcvt.d.s, , 0x7ff8000000000000, 0, BOX(S_NQNAN)   /* NaN with payload: canonical double NaN */
    FP_R 539, fcvt.d.s, , 0x7ff8000000000000, NV, BOX(S_SNAN)   /* signalling NaN: invalid */
    FP_R 540, fcvt.d.s, , 0x3fd5555560000000, 0, BOX(0x3eaaaaab)   /* the single nearest 1/3: exact */
    FP_R 541, fcvt.d.s, , D_QNAN, 0, 0x000000003f800000   /* not NaN-boxed: canonical NaN */
    GROUP_OK "fcvt.d.s"


    TEST_PASS
