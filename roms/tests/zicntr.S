/*
 * roms/tests/zicntr.S: the counters every emulator must provide: cycle and
 * instret (and mcycle/minstret) are readable, never go backwards and advance
 * over a loop; minstret and mcycle are writable and continue from the
 * written value.  The checks hold for exact counts (lemu, Spike) and for
 * QEMU's host-tick counters; exact counting is in zicntr-exact.S, the time
 * CSR in zicntr-time.S.
 */
#include "test.h"

    .text
    .globl main
main:
    rdinstret a1
    rdinstret a2
    bltu    a2, a1, 9f
    csrr    a1, minstret
    li      t0, 100
1:  addi    t0, t0, -1
    bnez    t0, 1b
    csrr    a2, minstret
    bgeu    a1, a2, 9f                  /* must have advanced */
    rdinstret a3
    bltu    a3, a2, 9f
    GROUP_OK "instret"

    rdcycle a1
    rdcycle a2
    bltu    a2, a1, 19f
    csrr    a1, mcycle
    li      t0, 100
1:  addi    t0, t0, -1
    bnez    t0, 1b
    csrr    a2, mcycle
    bgeu    a1, a2, 19f
    rdcycle a3
    bltu    a3, a2, 19f
    GROUP_OK "cycle"

    li      a1, 0x100000000
    csrw    minstret, a1
    csrr    a2, minstret
    sub     a3, a2, a1                  /* 0 <= a2 - a1 < 2^32 */
    srli    a3, a3, 32
    CHECK   20, a3, 0
    li      a1, 0x7000000000000000
    csrw    mcycle, a1
    csrr    a2, mcycle
    sub     a3, a2, a1
    srli    a3, a3, 32
    CHECK   21, a3, 0
    csrw    minstret, zero
    rdinstret a2
    srli    a3, a2, 32
    CHECK   22, a3, 0
    GROUP_OK "minstret/mcycle writes"

    TEST_PASS

9:  li      a0, 1
    tail    test_fail
19: li      a0, 11
    tail    test_fail
