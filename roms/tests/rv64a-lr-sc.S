/*
 * roms/tests/rv64a-lr-sc.S: load-reserved / store-conditional semantics in
 * both widths and all orderings: an SC after an LR of the same address
 * succeeds (rd = 0) and stores; an SC without a reservation fails (rd != 0)
 * and does not store; every SC, successful or not, ends the reservation;
 * an SC to an address outside the reservation set of the most recent LR
 * fails; lr.w sign-extends and sc.w writes only its word.  A retry loop of
 * lr/sc increments counts exactly.
 */
#include "test.h"

/* Fail with case n unless reg != 0 (SC failure codes are unspecified). */
.macro CHECK_NONZERO n, reg
    bnez    \reg, .Lnz_ok\@
    li      a0, \n
    tail    test_fail
.Lnz_ok\@:
.endm

    .bss
    .align 12
res_a:                                  /* two pages: res_b is in another */
    .space 4096                         /* reservation set on any hart */
res_b:
    .space 4096

    .text
    .globl main
main:
    la      s0, res_a
    la      s1, res_b
    li      a1, 0x1111111111111111
    sd      a1, 0(s0)
    sd      a1, 0(s1)

    lr.d    a3, (s0)
    CHECK   1, a3, 0x1111111111111111
    li      a2, 0x2222222222222222
    sc.d    a4, a2, (s0)
    CHECK   2, a4, 0
    ld      a3, 0(s0)
    CHECK   3, a3, 0x2222222222222222
    /* the reservation was used up: a second SC fails and leaves memory */
    li      a2, 0x3333333333333333
    sc.d    a4, a2, (s0)
    CHECK_NONZERO 4, a4
    ld      a3, 0(s0)
    CHECK   5, a3, 0x2222222222222222
    GROUP_OK "lr.d/sc.d"

    li      a1, 0x5555555580000000
    sd      a1, 0(s0)
    lr.w    a3, (s0)
    CHECK   10, a3, 0xffffffff80000000  /* sign-extended */
    li      a2, 0x123456789
    sc.w    a4, a2, (s0)
    CHECK   11, a4, 0
    ld      a3, 0(s0)
    CHECK   12, a3, 0x5555555523456789  /* only the low word written */
    addi    s3, s0, 4                   /* the upper word */
    lr.w    a3, (s3)
    CHECK   13, a3, 0x55555555
    li      a2, -1
    sc.w    a4, a2, (s3)
    CHECK   14, a4, 0
    ld      a3, 0(s0)
    CHECK   15, a3, 0xffffffff23456789
    sc.w    a4, a2, (s0)
    CHECK_NONZERO 16, a4
    ld      a3, 0(s0)
    CHECK   17, a3, 0xffffffff23456789
    GROUP_OK "lr.w/sc.w"

    /* SC outside the reservation set of the most recent LR fails... */
    li      a1, 7
    sd      a1, 0(s0)
    sd      a1, 0(s1)
    lr.d    a3, (s0)
    li      a2, 8
    sc.d    a4, a2, (s1)
    CHECK_NONZERO 20, a4
    ld      a3, 0(s1)
    CHECK   21, a3, 7
    /* ...and ends the reservation on res_a too */
    sc.d    a4, a2, (s0)
    CHECK_NONZERO 22, a4
    ld      a3, 0(s0)
    CHECK   23, a3, 7
    /* a newer LR replaces the older reservation */
    lr.d    a3, (s0)
    lr.d    a3, (s1)
    sc.d    a4, a2, (s0)
    CHECK_NONZERO 24, a4
    ld      a3, 0(s0)
    CHECK   25, a3, 7
    lr.d    a3, (s0)
    lr.d    a3, (s1)
    sc.d    a4, a2, (s1)
    CHECK   26, a4, 0
    ld      a3, 0(s1)
    CHECK   27, a3, 8
    GROUP_OK "reservation rules"

    /* ordering bits and rd = x0 */
    li      a1, 100
    sd      a1, 0(s0)
    lr.d.aq a3, (s0)
    addi    a3, a3, 1
    sc.d.rl a4, a3, (s0)
    CHECK   30, a4, 0
    lr.d.aqrl a3, (s0)
    addi    a3, a3, 1
    sc.d.aqrl a4, a3, (s0)
    CHECK   31, a4, 0
    lr.w.aq a3, (s0)
    addi    a3, a3, 1
    sc.w.aqrl a4, a3, (s0)
    CHECK   32, a4, 0
    lr.w.aqrl a3, (s0)
    addi    a3, a3, 1
    sc.w.rl a4, a3, (s0)
    CHECK   33, a4, 0
    lr.d.rl a3, (s0)
    addi    a3, a3, 1
    sc.d.aq a4, a3, (s0)
    CHECK   34, a4, 0
    lr.w.rl a3, (s0)
    addi    a3, a3, 1
    sc.w.aq a4, a3, (s0)
    CHECK   35, a4, 0
    lr.d    a3, (s0)
    addi    a3, a3, 1
    sc.d    x0, a3, (s0)
    CHECK   36, x0, 0
    ld      a3, 0(s0)
    CHECK   37, a3, 107
    GROUP_OK "orderings"

    /* the classic retry loop */
    sd      zero, 0(s0)
    li      s2, 1000
1:  lr.w.aq t0, (s0)
    addi    t0, t0, 1
    sc.w.rl t1, t0, (s0)
    bnez    t1, 1b
    addi    s2, s2, -1
    bnez    s2, 1b
    ld      a3, 0(s0)
    CHECK   40, a3, 1000
    GROUP_OK "retry loop"

    TEST_PASS
