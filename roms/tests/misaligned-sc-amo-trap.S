/*
 * roms/tests/misaligned-sc-amo-trap.S: sc and every AMO at an address that
 * is not naturally aligned raise a store/AMO address-misaligned exception
 * (mcause 6) with mtval = the address, and change neither rd nor memory
 * (unprivileged spec, A extension: "an address-misaligned exception or an
 * access-fault exception will be generated"; privileged spec: AMOs report
 * store/AMO causes).  Spike does this.  qemu-system-riscv64 7.2 does not:
 * its misaligned SC fails without trapping and its AMOs report mcause 4, so
 * the differential test expects this rom to differ there.
 */
#include "test.h"

.macro TEST_MISALIGNED_AMO n, count, op, off
    addi    s1, s0, \off
    li      a3, 0x77
    li      a2, 0x5a5a
.Lamo\@:
    \op     a3, a2, (s1)
    CHECK_TRAP_TVALR \n, \count, MCAUSE_STORE_MISALIGNED, .Lamo\@, s1
    CHECK   \n, a3, 0x77
    ld      a4, 0(s0)
    CHECK   \n, a4, 0x1111111111111111
    ld      a4, 8(s0)
    CHECK   \n, a4, 0x2222222222222222
.endm

    .data
    .align 4
buf:
    .dword 0x1111111111111111, 0x2222222222222222

    .text
    .globl main
main:
    call    trap_install
    la      s0, buf

    /* SC with a reservation on the aligned word next to it */
    lr.d    a3, (s0)
    TEST_MISALIGNED_AMO 1, 1, sc.w, 2
    lr.d    a3, (s0)
    TEST_MISALIGNED_AMO 2, 2, sc.d, 4
    TEST_MISALIGNED_AMO 3, 3, sc.d.rl, 1
    GROUP_OK "misaligned sc"

    TEST_MISALIGNED_AMO 10, 4, amoswap.w, 1
    TEST_MISALIGNED_AMO 11, 5, amoadd.w, 2
    TEST_MISALIGNED_AMO 12, 6, amoxor.w, 3
    TEST_MISALIGNED_AMO 13, 7, amoand.w, 5
    TEST_MISALIGNED_AMO 14, 8, amoor.w, 6
    TEST_MISALIGNED_AMO 15, 9, amomin.w, 7
    TEST_MISALIGNED_AMO 16, 10, amomax.w, 9
    TEST_MISALIGNED_AMO 17, 11, amominu.w, 10
    TEST_MISALIGNED_AMO 18, 12, amomaxu.w.aqrl, 1
    TEST_MISALIGNED_AMO 20, 13, amoswap.d, 4
    TEST_MISALIGNED_AMO 21, 14, amoadd.d, 1
    TEST_MISALIGNED_AMO 22, 15, amoxor.d, 2
    TEST_MISALIGNED_AMO 23, 16, amoand.d, 3
    TEST_MISALIGNED_AMO 24, 17, amoor.d, 5
    TEST_MISALIGNED_AMO 25, 18, amomin.d, 6
    TEST_MISALIGNED_AMO 26, 19, amomax.d, 7
    TEST_MISALIGNED_AMO 27, 20, amominu.d, 4
    TEST_MISALIGNED_AMO 28, 21, amomaxu.d.aq, 1
    GROUP_OK "misaligned amo"

    TEST_PASS
