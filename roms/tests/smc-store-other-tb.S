/*
 * roms/tests/smc-store-other-tb.S: a store rewrites an instruction of a
 * routine that has already run (so an emulator has it translated), then
 * the program jumps there: the new instruction runs, with fence.i (the
 * architectural way) and without (QEMU's behaviour, which lemu must match:
 * stores to translated code invalidate it).  Also a rewrite of a branch
 * offset, and of the routine's second block only.
 */
#include "test.h"

    .equ    LI_A0_2, 0x00200513         /* addi a0, x0, 2 */
    .equ    LI_A0_3, 0x00300513         /* addi a0, x0, 3 */
    .equ    LI_A0_4, 0x00400513         /* addi a0, x0, 4 */
    .equ    LI_A1_9, 0x00900593         /* addi a1, x0, 9 */

    .text
    .globl main
main:
    li      s1, 100
1:  call    routine                     /* warm: run it many times */
    addi    s1, s1, -1
    bnez    s1, 1b
    CHECK   1, a0, 1
    CHECK   2, a1, 8

    la      s0, routine_first
    li      t0, LI_A0_2
    sw      t0, 0(s0)                   /* no fence.i */
    call    routine
    CHECK   3, a0, 2
    li      t0, LI_A0_3
    sw      t0, 0(s0)
    fence.i
    call    routine
    CHECK   4, a0, 3
    GROUP_OK "rewrite a routine's first block"

    la      s0, routine_second
    li      t0, LI_A1_9
    sw      t0, 0(s0)
    call    routine
    CHECK   10, a0, 3
    CHECK   11, a1, 9
    GROUP_OK "rewrite a routine's second block"

    /* flip the branch in `chooser` from taken to not taken: beq x0, x0
     * becomes bne x0, x0 (funct3 000 -> 001 in bits 14:12) */
    call    chooser
    CHECK   20, a0, 20
    la      s0, chooser_branch
    lw      t0, 0(s0)
    li      t1, 0x1000
    or      t0, t0, t1
    sw      t0, 0(s0)
    call    chooser
    CHECK   21, a0, 10
    GROUP_OK "rewrite a branch"

    TEST_PASS

    .option push
    .option norvc
    .align  2
routine:
routine_first:
    addi    a0, x0, 1
    j       2f                          /* a block boundary */
2:
routine_second:
    addi    a1, x0, 8
    ret

chooser:
chooser_branch:
    beq     x0, x0, 3f
    li      a0, 10
    ret
3:  li      a0, 20
    ret
    .option pop
