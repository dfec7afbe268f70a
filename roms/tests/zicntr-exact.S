/*
 * roms/tests/zicntr-exact.S: instret counts retired instructions exactly
 * (unprivileged spec, Zicntr), also across block boundaries and traps; an
 * instruction that traps (ecall) does not retire (privileged spec: ECALL
 * and EBREAK "are not considered to retire"); a write to minstret is seen
 * by the next instruction as the written value, the writing instruction not
 * counted on top.  QEMU without -icount returns host ticks, so the
 * differential test expects this rom to differ there.
 */
#include "test.h"

    .text
    .globl main
main:
    csrr    a1, instret
    nop
    nop
    nop
    csrr    a2, instret
    sub     a3, a2, a1                  /* the first csrr and 3 nops */
    CHECK   1, a3, 4
    csrr    a1, instret
    j       1f                          /* across a block boundary */
1:  csrr    a2, instret
    sub     a3, a2, a1
    CHECK   2, a3, 2
    csrr    a1, instret
    li      t0, 10
2:  addi    t0, t0, -1                  /* 10 x 2 instructions */
    bnez    t0, 2b
    csrr    a2, instret
    sub     a3, a2, a1                  /* csrr + li + 20 */
    CHECK   3, a3, 22
    GROUP_OK "instret counts"

    li      a1, 1000
    csrw    minstret, a1
    csrr    a2, minstret
    CHECK   10, a2, 1000
    csrw    minstret, a1
    nop
    csrr    a2, minstret
    CHECK   11, a2, 1001
    csrwi   minstret, 0
    csrr    a2, instret
    CHECK   12, a2, 0
    GROUP_OK "minstret writes"

    /* across a trap: a handler of exactly 4 instructions */
    la      t0, count_handler
    csrw    mtvec, t0
    csrr    a1, instret
    ecall                               /* does not retire */
    csrr    a2, instret
    sub     a3, a2, a1                  /* csrr + 4 in the handler */
    CHECK   20, a3, 5
    GROUP_OK "instret across a trap"

    TEST_PASS

    .align 2
count_handler:
    csrr    t1, mepc
    addi    t1, t1, 4
    csrw    mepc, t1
    mret
