/*
 * roms/tests/misaligned-lr-traps.S: lr.w / lr.d at an address that is not
 * naturally aligned raise a load address-misaligned exception (mcause 4)
 * with mtval = the address, leave rd unwritten, and take no reservation:
 * a following aligned SC fails.
 */
#include "test.h"

/* Fail with case n unless reg != 0. */
.macro CHECK_NONZERO n, reg
    bnez    \reg, .Lnz_ok\@
    li      a0, \n
    tail    test_fail
.Lnz_ok\@:
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
    li      a3, 0x77

    addi    s1, s0, 1
1:  lr.w    a3, (s1)
    CHECK_TRAP_TVALR 1, 1, MCAUSE_LOAD_MISALIGNED, 1b, s1
    CHECK   2, a3, 0x77
    addi    s1, s0, 2
2:  lr.w    a3, (s1)
    CHECK_TRAP_TVALR 3, 2, MCAUSE_LOAD_MISALIGNED, 2b, s1
    addi    s1, s0, 4
3:  lr.d    a3, (s1)                    /* 4-aligned is not enough */
    CHECK_TRAP_TVALR 4, 3, MCAUSE_LOAD_MISALIGNED, 3b, s1
    addi    s1, s0, 7
4:  lr.d.aqrl a3, (s1)
    CHECK_TRAP_TVALR 5, 4, MCAUSE_LOAD_MISALIGNED, 4b, s1
    CHECK   6, a3, 0x77
    GROUP_OK "misaligned lr"

    /* no reservation was taken: an SC to the aligned word fails */
    li      a2, 5
    sc.d    a4, a2, (s0)
    CHECK_NONZERO 10, a4
    ld      a3, 0(s0)
    CHECK   11, a3, 0x1111111111111111
    GROUP_OK "no reservation"

    TEST_PASS
