/*
 * roms/tests/access-fault-amo-is-store-fault.S: every AMO at an unmapped
 * address raises a store/AMO access fault (mcause 7, mtval = the address),
 * not a load fault: the privileged spec files AMOs under "Store/AMO".
 * Spike does this; qemu-system-riscv64 7.2 reports mcause 5 for AMOs, so
 * the differential test expects this rom to differ there.
 */
#include "test.h"

.macro TEST_AMO_FAULT n, count, op
    li      a3, 0x77
.Lamo\@:
    \op     a3, a2, (s0)
    CHECK_TRAP_TVALR \n, \count, MCAUSE_STORE_ACCESS, .Lamo\@, s0
    CHECK   \n, a3, 0x77
.endm

    .equ    HOLE, 0x40000000

    .text
    .globl main
main:
    call    trap_install
    li      s0, HOLE
    li      a2, 1
    TEST_AMO_FAULT 1, 1, amoswap.w
    TEST_AMO_FAULT 2, 2, amoadd.d
    TEST_AMO_FAULT 3, 3, amoxor.w
    TEST_AMO_FAULT 4, 4, amoand.d
    TEST_AMO_FAULT 5, 5, amoor.w.aq
    TEST_AMO_FAULT 6, 6, amomin.d.rl
    TEST_AMO_FAULT 7, 7, amomax.w
    TEST_AMO_FAULT 8, 8, amominu.d
    TEST_AMO_FAULT 9, 9, amomaxu.w.aqrl
    GROUP_OK "amo access fault"

    TEST_PASS
