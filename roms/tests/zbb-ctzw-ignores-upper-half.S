/*
 * roms/tests/zbb-ctzw-ignores-upper-half.S: ctzw counts the trailing zeros
 * of the low word only: a zero low word gives 32 whatever the upper half
 * holds (QEMU 7.2 counts into the upper half: 35 for 0x1234567800000000).
 */
#include "zb-test.h"

    .text
    .globl main
main:
    ZB_R    1, ctzw, 32, 0x1234567800000000
    ZB_R    2, ctzw, 32, 0x8000000000000000
    ZB_R    3, ctzw, 32, 0x0000000100000000
    ZB_R    4, ctzw, 31, 0x0000000180000000
    GROUP_OK "ctzw of a zero low word"
    TEST_PASS
