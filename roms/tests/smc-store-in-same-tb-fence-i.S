/*
 * roms/tests/smc-store-in-same-tb-fence-i.S: the cases of
 * smc-store-in-same-tb.S with a fence.i between the store and the rewritten
 * instruction, which makes the new instruction architecturally visible
 * (Zifencei): every emulator must run it.
 */
#include "test.h"

    .equ    LI_A0_2, 0x00200513         /* addi a0, x0, 2 */
    .equ    LI_A0_3, 0x00300513         /* addi a0, x0, 3 */
    .equ    ADDI_A0_A0_10, 0x00a50513   /* addi a0, a0, 10 */
    .equ    C_LI_A0_7, 0x451d           /* c.li a0, 7 */

    .text
    .option norvc
    .globl main
main:
    li      a0, 0
    la      s0, 1f
    li      t0, LI_A0_2
    sw      t0, 0(s0)                   /* rewrites the next instruction */
    fence.i
1:  addi    a0, x0, 1
    CHECK   1, a0, 2

    li      a0, 0
    la      s0, 2f
    li      t0, LI_A0_3
    sw      t0, 0(s0)                   /* three instructions ahead */
    fence.i
    addi    a1, x0, 1
    addi    a1, a1, 1
    addi    a1, a1, 1
2:  addi    a0, x0, 1
    CHECK   2, a0, 3
    CHECK   3, a1, 3
    GROUP_OK "store rewrites a later instruction in its block"

    /* addi a0, x0, 0x001 -> the upper half holds imm[11:4] and
     * imm[3:0]|rs1[4]: write 0x0050 there to make the immediate 5 */
    li      a0, 0
    la      s0, 3f
    li      t0, 0x0050
    sh      t0, 2(s0)
    fence.i
3:  addi    a0, x0, 1
    CHECK   10, a0, 5

    li      a0, 0
    la      s0, 4f
    li      t0, C_LI_A0_7
    sh      t0, 0(s0)
    fence.i
    .option push
    .option rvc
4:  c.li    a0, 1
    c.nop
    .option pop
    CHECK   11, a0, 7
    GROUP_OK "partial and compressed rewrites"

    /* a loop body rewrites its own first instruction */
    li      a0, 0
    li      a1, 0
    la      s0, 5f
    li      t0, ADDI_A0_A0_10
5:  addi    a0, a0, 1                   /* iteration 1: +1, later: +10 */
    sw      t0, 0(s0)
    fence.i
    addi    a1, a1, 1
    li      t1, 3
    blt     a1, t1, 5b
    CHECK   20, a0, 21
    GROUP_OK "loop body rewrites itself"

    TEST_PASS
