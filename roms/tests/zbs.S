/*
 * roms/tests/zbs.S: Zbs, single-bit operations: bclr, bset, binv, bext with
 * the bit index from rs2 (modulo 64) and the immediate forms bclri, bseti,
 * binvi, bexti. Expected values follow from the bit-manipulation spec's
 * definitions.
 */
#include "zb-test.h"

    .text
    .globl main
main:
    ZB_RR 1, bclr, 0x123456789abcdef0, 0x123456789abcdef0, 0x0000000000000000
    ZB_RR 2, bclr, 0x123456789abcdee0, 0x123456789abcdef0, 0x0000000000000004
    ZB_RR 3, bclr, 0x123456789abcdef0, 0x123456789abcdef0, 0x000000000000003f
    ZB_RR 4, bclr, 0xffffffff7fffffff, 0xffffffffffffffff, 0x000000000000001f
    ZB_RR 5, bclr, 0x0000000000000000, 0x0000000000000000, 0x0000000000000020
    ZB_RR 6, bclr, 0x123456789abcdef0, 0x123456789abcdef0, 0x0000000000000043   /* index modulo 64 */
    ZB_RR 7, bclr, 0x7edcba9876543210, 0xfedcba9876543210, 0xffffffffffffffff   /* index 63 */
    ZB_RR 8, bset, 0x123456789abcdef1, 0x123456789abcdef0, 0x0000000000000000
    ZB_RR 9, bset, 0x123456789abcdef0, 0x123456789abcdef0, 0x0000000000000004
    ZB_RR 10, bset, 0x923456789abcdef0, 0x123456789abcdef0, 0x000000000000003f
    ZB_RR 11, bset, 0xffffffffffffffff, 0xffffffffffffffff, 0x000000000000001f
    ZB_RR 12, bset, 0x0000000100000000, 0x0000000000000000, 0x0000000000000020
    ZB_RR 13, bset, 0x123456789abcdef8, 0x123456789abcdef0, 0x0000000000000043   /* index modulo 64 */
    ZB_RR 14, bset, 0xfedcba9876543210, 0xfedcba9876543210, 0xffffffffffffffff   /* index 63 */
    ZB_RR 15, binv, 0x123456789abcdef1, 0x123456789abcdef0, 0x0000000000000000
    ZB_RR 16, binv, 0x123456789abcdee0, 0x123456789abcdef0, 0x0000000000000004
    ZB_RR 17, binv, 0x923456789abcdef0, 0x123456789abcdef0, 0x000000000000003f
    ZB_RR 18, binv, 0xffffffff7fffffff, 0xffffffffffffffff, 0x000000000000001f
    ZB_RR 19, binv, 0x0000000100000000, 0x0000000000000000, 0x0000000000000020
    ZB_RR 20, binv, 0x123456789abcdef8, 0x123456789abcdef0, 0x0000000000000043   /* index modulo 64 */
    ZB_RR 21, binv, 0x7edcba9876543210, 0xfedcba9876543210, 0xffffffffffffffff   /* index 63 */
    ZB_RR 22, bext, 0x0000000000000000, 0x123456789abcdef0, 0x0000000000000000
    ZB_RR 23, bext, 0x0000000000000001, 0x123456789abcdef0, 0x0000000000000004
    ZB_RR 24, bext, 0x0000000000000000, 0x123456789abcdef0, 0x000000000000003f
    ZB_RR 25, bext, 0x0000000000000001, 0xffffffffffffffff, 0x000000000000001f
    ZB_RR 26, bext, 0x0000000000000000, 0x0000000000000000, 0x0000000000000020
    ZB_RR 27, bext, 0x0000000000000000, 0x123456789abcdef0, 0x0000000000000043   /* index modulo 64 */
    ZB_RR 28, bext, 0x0000000000000001, 0xfedcba9876543210, 0xffffffffffffffff   /* index 63 */
    TEST_RR_RD_IS_RS1 29, bset, 0x0000000000000020, 0x0000000000000000, 0x0000000000000005
    TEST_RR_RD_IS_RS2 30, binv, 0x0000000000000020, 0x0000000000000000, 0x0000000000000005
    TEST_RR_X0_DEST 31, bclr, 0xffffffffffffffff, 0x0000000000000000
    GROUP_OK "bclr/bset/binv/bext"

    ZB_RI 41, bclri, 0x123456789abcdef0, 0x123456789abcdef0, 0
    ZB_RI 42, bclri, 0x123456789abcded0, 0x123456789abcdef0, 5
    ZB_RI 43, bclri, 0x123456781abcdef0, 0x123456789abcdef0, 31
    ZB_RI 44, bclri, 0x123456789abcdef0, 0x123456789abcdef0, 32
    ZB_RI 45, bclri, 0x123456789abcdef0, 0x123456789abcdef0, 63
    ZB_RI 46, bclri, 0xfffffeffffffffff, 0xffffffffffffffff, 40
    ZB_RI 47, bclri, 0x0000000000000000, 0x0000000000000000, 40
    ZB_RI 48, bseti, 0x123456789abcdef1, 0x123456789abcdef0, 0
    ZB_RI 49, bseti, 0x123456789abcdef0, 0x123456789abcdef0, 5
    ZB_RI 50, bseti, 0x123456789abcdef0, 0x123456789abcdef0, 31
    ZB_RI 51, bseti, 0x123456799abcdef0, 0x123456789abcdef0, 32
    ZB_RI 52, bseti, 0x923456789abcdef0, 0x123456789abcdef0, 63
    ZB_RI 53, bseti, 0xffffffffffffffff, 0xffffffffffffffff, 40
    ZB_RI 54, bseti, 0x0000010000000000, 0x0000000000000000, 40
    ZB_RI 55, binvi, 0x123456789abcdef1, 0x123456789abcdef0, 0
    ZB_RI 56, binvi, 0x123456789abcded0, 0x123456789abcdef0, 5
    ZB_RI 57, binvi, 0x123456781abcdef0, 0x123456789abcdef0, 31
    ZB_RI 58, binvi, 0x123456799abcdef0, 0x123456789abcdef0, 32
    ZB_RI 59, binvi, 0x923456789abcdef0, 0x123456789abcdef0, 63
    ZB_RI 60, binvi, 0xfffffeffffffffff, 0xffffffffffffffff, 40
    ZB_RI 61, binvi, 0x0000010000000000, 0x0000000000000000, 40
    ZB_RI 62, bexti, 0x0000000000000000, 0x123456789abcdef0, 0
    ZB_RI 63, bexti, 0x0000000000000001, 0x123456789abcdef0, 5
    ZB_RI 64, bexti, 0x0000000000000001, 0x123456789abcdef0, 31
    ZB_RI 65, bexti, 0x0000000000000000, 0x123456789abcdef0, 32
    ZB_RI 66, bexti, 0x0000000000000000, 0x123456789abcdef0, 63
    ZB_RI 67, bexti, 0x0000000000000001, 0xffffffffffffffff, 40
    ZB_RI 68, bexti, 0x0000000000000000, 0x0000000000000000, 40
    GROUP_OK "bclri/bseti/binvi/bexti"

    TEST_PASS
