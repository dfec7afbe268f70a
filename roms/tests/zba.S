/*
 * roms/tests/zba.S: Zba, address generation: sh1add, sh2add, sh3add,
 * add.uw, sh1add.uw, sh2add.uw, sh3add.uw and slli.uw (the .uw forms take
 * the low word of rs1 zero-extended; results wrap modulo 2^64). Expected
 * values follow from the bit-manipulation spec's definitions.
 */
#include "zb-test.h"

    .text
    .globl main
main:
    ZB_RR 1, sh1add, 0x0000000000000004, 0x0000000000000001, 0x0000000000000002
    ZB_RR 2, sh1add, 0x1234567b9abcdef2, 0x8000000180000001, 0x123456789abcdef0   /* the top bits shift out */
    ZB_RR 3, sh1add, 0xfffffffffffffffe, 0xffffffffffffffff, 0x0000000000000000
    ZB_RR 4, sh1add, 0xffffffffffffffff, 0x7fffffffffffffff, 0x0000000000000001
    ZB_RR 5, sh2add, 0x0000000000000006, 0x0000000000000001, 0x0000000000000002
    ZB_RR 6, sh2add, 0x1234567e9abcdef4, 0x8000000180000001, 0x123456789abcdef0   /* the top bits shift out */
    ZB_RR 7, sh2add, 0xfffffffffffffffc, 0xffffffffffffffff, 0x0000000000000000
    ZB_RR 8, sh2add, 0xfffffffffffffffd, 0x7fffffffffffffff, 0x0000000000000001
    ZB_RR 9, sh3add, 0x000000000000000a, 0x0000000000000001, 0x0000000000000002
    ZB_RR 10, sh3add, 0x123456849abcdef8, 0x8000000180000001, 0x123456789abcdef0   /* the top bits shift out */
    ZB_RR 11, sh3add, 0xfffffffffffffff8, 0xffffffffffffffff, 0x0000000000000000
    ZB_RR 12, sh3add, 0xfffffffffffffff9, 0x7fffffffffffffff, 0x0000000000000001
    TEST_RR_RD_IS_RS1 13, sh3add, 0x000000000000002f, 0x0000000000000005, 0x0000000000000007
    TEST_RR_RD_IS_RS2 14, sh2add, 0x000000000000001b, 0x0000000000000005, 0x0000000000000007
    TEST_RR_SAME_SRC 15, sh1add, 0x00000000000000c0, 0x0000000000000040
    TEST_RR_X0_DEST 16, sh1add, 0x0000000000000001, 0x0000000000000002
    GROUP_OK "sh1add/sh2add/sh3add"

    ZB_RR 21, add.uw, 0x0000000000000003, 0x0000000000000001, 0x0000000000000002
    ZB_RR 22, add.uw, 0x123456791abcdef1, 0x8000000180000001, 0x123456789abcdef0   /* only the low word of rs1, zero-extended */
    ZB_RR 23, add.uw, 0x0000000100000000, 0xffffffffffffffff, 0x0000000000000001
    ZB_RR 24, add.uw, 0x0000000000000005, 0xffffffff00000000, 0x0000000000000005   /* upper half ignored */
    ZB_RR 25, sh1add.uw, 0x0000000000000004, 0x0000000000000001, 0x0000000000000002
    ZB_RR 26, sh1add.uw, 0x123456799abcdef2, 0x8000000180000001, 0x123456789abcdef0   /* only the low word of rs1, zero-extended */
    ZB_RR 27, sh1add.uw, 0x00000001ffffffff, 0xffffffffffffffff, 0x0000000000000001
    ZB_RR 28, sh1add.uw, 0x0000000000000005, 0xffffffff00000000, 0x0000000000000005   /* upper half ignored */
    ZB_RR 29, sh2add.uw, 0x0000000000000006, 0x0000000000000001, 0x0000000000000002
    ZB_RR 30, sh2add.uw, 0x1234567a9abcdef4, 0x8000000180000001, 0x123456789abcdef0   /* only the low word of rs1, zero-extended */
    ZB_RR 31, sh2add.uw, 0x00000003fffffffd, 0xffffffffffffffff, 0x0000000000000001
    ZB_RR 32, sh2add.uw, 0x0000000000000005, 0xffffffff00000000, 0x0000000000000005   /* upper half ignored */
    ZB_RR 33, sh3add.uw, 0x000000000000000a, 0x0000000000000001, 0x0000000000000002
    ZB_RR 34, sh3add.uw, 0x1234567c9abcdef8, 0x8000000180000001, 0x123456789abcdef0   /* only the low word of rs1, zero-extended */
    ZB_RR 35, sh3add.uw, 0x00000007fffffff9, 0xffffffffffffffff, 0x0000000000000001
    ZB_RR 36, sh3add.uw, 0x0000000000000005, 0xffffffff00000000, 0x0000000000000005   /* upper half ignored */
    TEST_RR_RD_IS_RS1 37, add.uw, 0x0000000100000000, 0xffffffffffffffff, 0x0000000000000001
    TEST_RR_RD_IS_RS2 38, sh3add.uw, 0x00000007fffffff9, 0xffffffffffffffff, 0x0000000000000001
    TEST_RR_X0_DEST 39, add.uw, 0x0000000000000001, 0x0000000000000002
    GROUP_OK "add.uw/shNadd.uw"

    ZB_RI 41, slli.uw, 0x00000000ffffffff, 0xffffffffffffffff, 0   /* zext.w */
    ZB_RI 42, slli.uw, 0x0000000100000002, 0x8000000180000001, 1
    ZB_RI 43, slli.uw, 0x4d5e6f7800000000, 0x123456789abcdef0, 31
    ZB_RI 44, slli.uw, 0xffffffff00000000, 0xffffffffffffffff, 32
    ZB_RI 45, slli.uw, 0x8000000000000000, 0xffffffffffffffff, 63   /* bit 0 to bit 63 */
    ZB_RI 46, slli.uw, 0x0000000876543210, 0x0000000087654321, 4   /* bit 31 is not a sign */
    GROUP_OK "slli.uw"

    TEST_PASS
