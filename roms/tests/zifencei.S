/*
 * roms/tests/zifencei.S: fence.i makes stores to instruction memory visible
 * to instruction fetch.  A routine is written into a RAM buffer, run, run
 * many times (so it is surely translated/cached), rewritten (whole words,
 * a single immediate byte, compressed instructions), fenced, and run again:
 * the new code must run every time.
 */
#include "test.h"

    .equ    LI_A0_42, 0x02a00513        /* addi a0, x0, 42 */
    .equ    LI_A0_43, 0x02b00513        /* addi a0, x0, 43 */
    .equ    RET, 0x00008067             /* jalr x0, 0(ra) */
    .equ    C_LI_A0_5_C_RET, 0x80824515 /* c.li a0, 5 ; c.jr ra */

    .data
    .align 3
code_buf:
    .space 64

    .text
    .globl main
main:
    la      s0, code_buf
    li      t0, LI_A0_42
    sw      t0, 0(s0)
    li      t0, RET
    sw      t0, 4(s0)
    fence.i
    li      a0, 0
    jalr    ra, 0(s0)
    CHECK   1, a0, 42
    /* run it often */
    li      s1, 200
1:  li      a0, 0
    jalr    ra, 0(s0)
    addi    s1, s1, -1
    bnez    s1, 1b
    CHECK   2, a0, 42
    GROUP_OK "run code written to RAM"

    li      t0, LI_A0_43
    sw      t0, 0(s0)
    fence.i
    jalr    ra, 0(s0)
    CHECK   10, a0, 43
    li      t0, 0x2c                    /* byte 3 = bits 31:24 = imm[11:4] */
    sb      t0, 3(s0)
    fence.i
    jalr    ra, 0(s0)
    CHECK   11, a0, 0x2cb               /* imm[3:0] = 0xb kept from 43 */
    GROUP_OK "rewrite and fence.i"

    /* compressed code in the same place */
    li      t0, C_LI_A0_5_C_RET
    sw      t0, 0(s0)
    fence.i
    jalr    ra, 0(s0)
    CHECK   20, a0, 5
    /* back to the 32-bit version, in a loop that rewrites each time */
    li      s1, 50
    li      s2, 0
2:  slli    t0, s2, 20
    li      t1, 0x00000513              /* addi a0, x0, s2 */
    or      t0, t0, t1
    sw      t0, 0(s0)
    li      t0, RET
    sw      t0, 4(s0)
    fence.i
    jalr    ra, 0(s0)
    CHECKR  21, a0, s2
    addi    s2, s2, 1
    bne     s2, s1, 2b
    GROUP_OK "compressed and repeated rewrites"

    TEST_PASS
