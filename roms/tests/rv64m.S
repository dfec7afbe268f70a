/*
 * roms/tests/rv64m.S: every RV64M instruction (mul mulh mulhsu mulhu div
 * divu rem remu, mulw divw divuw remw remuw) including the cases the spec
 * defines specially: division by zero (quotient all ones, remainder the
 * dividend) and signed overflow (quotient the dividend, remainder zero).
 */
#include "test.h"

    .text
    .globl main
main:
    TEST_RR 1, mul, 0, 0, 12345
    TEST_RR 2, mul, 42, 6, 7
    TEST_RR 3, mul, -42, -6, 7
    TEST_RR 4, mul, 0x0000000100000000, 0x10000, 0x10000
    TEST_RR 5, mul, 0x8000000000000000, 0x4000000000000000, 2  /* low 64 bits */
    TEST_RR 6, mul, 1, -1, -1
    TEST_RR 7, mulh, 0, 6, 7
    TEST_RR 8, mulh, -1, -6, 7
    TEST_RR 9, mulh, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff
    TEST_RR 10, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
    TEST_RR 11, mulh, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff
    TEST_RR 12, mulhu, 0, 6, 7
    TEST_RR 13, mulhu, 0xfffffffffffffffe, -1, -1
    TEST_RR 14, mulhu, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
    TEST_RR 15, mulhu, 1, 0x100000000, 0x100000000
    TEST_RR 16, mulhsu, -1, -1, 1        /* -1 * 1 = -1: high half all ones */
    TEST_RR 17, mulhsu, 0xffffffffffffffff, -1, -1   /* -1 * (2^64-1) */
    TEST_RR 18, mulhsu, 0x7ffffffffffffffe, 0x7fffffffffffffff, -1
    TEST_RR 19, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x8000000000000000
    TEST_RR 20, mulhsu, 0, 5, 7
    TEST_RR_RD_IS_RS1 21, mul, 143, 11, 13
    TEST_RR_RD_IS_RS2 22, mulhu, 0, 11, 13
    TEST_RR_SAME_SRC 23, mul, 0x0000000100000000, 0x10000
    TEST_RR_X0_DEST 24, mul, 3, 4
    GROUP_OK "mul/mulh/mulhsu/mulhu"

    TEST_RR 30, div, 3, 20, 6
    TEST_RR 31, div, -3, -20, 6           /* rounds toward zero */
    TEST_RR 32, div, -3, 20, -6
    TEST_RR 33, div, 3, -20, -6
    TEST_RR 34, div, -1, 1, 0             /* by zero: all ones */
    TEST_RR 35, div, -1, 0, 0
    TEST_RR 36, div, 0x8000000000000000, 0x8000000000000000, -1  /* overflow */
    TEST_RR 37, divu, 3, 20, 6
    TEST_RR 38, divu, 0x2aaaaaaaaaaaaaa7, -20, 6
    TEST_RR 39, divu, 0xffffffffffffffff, 5, 0
    TEST_RR 40, divu, 0, 0x8000000000000000, -1
    TEST_RR 41, rem, 2, 20, 6
    TEST_RR 42, rem, -2, -20, 6           /* sign of the dividend */
    TEST_RR 43, rem, 2, 20, -6
    TEST_RR 44, rem, -2, -20, -6
    TEST_RR 45, rem, 1, 1, 0              /* by zero: the dividend */
    TEST_RR 46, rem, -7, -7, 0
    TEST_RR 47, rem, 0, 0x8000000000000000, -1   /* overflow: zero */
    TEST_RR 48, remu, 2, 20, 6
    TEST_RR 49, remu, 2, -20, 6           /* 2^64 - 20 = 6 * 0x2aaaaaaaaaaaaaa7 + 2 */
    TEST_RR 50, remu, -20, -20, 0
    TEST_RR 51, remu, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000
    TEST_RR_X0_DEST 52, div, 7, 0
    GROUP_OK "div/divu/rem/remu"

    /* W forms: 32-bit operands (upper halves ignored), sign-extended result */
    TEST_RR 60, mulw, 42, 0xffffffff00000006, 0x1234500000007
    TEST_RR 61, mulw, 0xffffffff80000000, 0x10000, 0x8000
    TEST_RR 62, mulw, 0, 0x10000, 0x10000
    TEST_RR 63, mulw, 1, -1, -1
    TEST_RR 64, divw, -3, 0xffffffec, 6    /* low word -20 */
    TEST_RR 65, divw, -1, 1, 0x100000000   /* divisor's low word is 0 */
    TEST_RR 66, divw, 0xffffffff80000000, 0x80000000, -1   /* overflow */
    TEST_RR 67, divuw, 0x2aaaaaa7, 0xffffffec, 6
    TEST_RR 68, divuw, -1, 7, 0
    TEST_RR 69, divuw, 0xffffffff80000000, 0x80000000, 1   /* sign-extended */
    TEST_RR 70, remw, -2, 0xffffffec, 6
    TEST_RR 71, remw, 0, 0x80000000, -1
    TEST_RR 72, remw, 0xffffffff80000000, 0x80000000, 0  /* by zero: sext dividend */
    TEST_RR 73, remuw, 2, 0xffffffec, 6
    TEST_RR 74, remuw, 0xffffffffffffffec, 0xffffffec, 0
    TEST_RR 75, remuw, 5, 0x500000005, 0x100000007
    TEST_RR_X0_DEST 76, remw, 7, 0
    GROUP_OK "32-bit forms"

    TEST_PASS
