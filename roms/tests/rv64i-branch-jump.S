/*
 * roms/tests/rv64i-branch-jump.S: the six conditional branches (taken and
 * not taken, forward and backward, signed and unsigned edge values), jal and
 * jalr (link value, offsets, rd = x0, rd = rs1, the cleared low bit of the
 * jalr target).
 */
#include "test.h"

/* Fail with case n unless "op a1, a2" with a1 = v1, a2 = v2 is taken. */
.macro TEST_TAKEN n, op, v1, v2
    li      a1, \v1
    li      a2, \v2
    \op     a1, a2, .Ltaken\@
    li      a0, \n
    tail    test_fail
.Ltaken\@:
.endm

/* Fail with case n if "op a1, a2" is taken. */
.macro TEST_NOT_TAKEN n, op, v1, v2
    li      a1, \v1
    li      a2, \v2
    \op     a1, a2, .Lwrong\@
    j       .Lright\@
.Lwrong\@:
    li      a0, \n
    tail    test_fail
.Lright\@:
.endm

    .text
    .globl main
main:
    TEST_TAKEN      1, beq, 0, 0
    TEST_TAKEN      2, beq, -1, -1
    TEST_NOT_TAKEN  3, beq, 0, 1
    TEST_NOT_TAKEN  4, beq, 0x100000000, 0     /* all 64 bits compared */
    TEST_TAKEN      5, bne, 0x100000000, 0
    TEST_TAKEN      6, bne, 1, 0
    TEST_NOT_TAKEN  7, bne, -5, -5
    GROUP_OK "beq/bne"

    TEST_TAKEN      10, blt, -1, 0
    TEST_TAKEN      11, blt, 0x8000000000000000, 0x7fffffffffffffff
    TEST_NOT_TAKEN  12, blt, 0, 0
    TEST_NOT_TAKEN  13, blt, 1, -1
    TEST_TAKEN      14, bge, 0, 0
    TEST_TAKEN      15, bge, 1, -1
    TEST_TAKEN      16, bge, 0x7fffffffffffffff, 0x8000000000000000
    TEST_NOT_TAKEN  17, bge, -2, -1
    TEST_TAKEN      18, bltu, 0, -1
    TEST_TAKEN      19, bltu, 0x7fffffffffffffff, 0x8000000000000000
    TEST_NOT_TAKEN  20, bltu, -1, 0
    TEST_NOT_TAKEN  21, bltu, 5, 5
    TEST_TAKEN      22, bgeu, -1, 0
    TEST_TAKEN      23, bgeu, 5, 5
    TEST_NOT_TAKEN  24, bgeu, 0, 1
    TEST_NOT_TAKEN  25, bgeu, 0x7fffffffffffffff, 0x8000000000000000
    /* x0 as an operand */
    li      a1, -1
    blt     a1, x0, 1f
    li      a0, 26
    tail    test_fail
1:  bltu    x0, a1, 2f
    li      a0, 27
    tail    test_fail
2:  GROUP_OK "blt/bge/bltu/bgeu"

    /* a backward branch closing a loop: sum 1..10 */
    li      a1, 0
    li      a2, 10
3:  add     a1, a1, a2
    addi    a2, a2, -1
    bnez    a2, 3b
    CHECK   30, a1, 55
    /* a far branch (beyond the 32 instructions of one typical block) */
    li      a1, 1
    beqz    zero, 4f
    .rept 300
    addi    a1, a1, 1
    .endr
4:  CHECK   31, a1, 1
    GROUP_OK "loops and far branches"

    /* jal: link = address of the next instruction */
    jal     a3, 5f
6:  li      a0, 40
    tail    test_fail
5:  la      a4, 6b
    CHECKR  41, a3, a4
    jal     x0, 7f                      /* j: no link written */
    li      a0, 42
    tail    test_fail
7:  CHECK   43, x0, 0
    /* jal backward */
    li      a5, 0
8:  addi    a5, a5, 1
    li      a6, 3
    beq     a5, a6, 9f
    jal     a3, 8b
9:  CHECK   44, a5, 3
    GROUP_OK "jal"

    /* jalr: target = (rs1 + imm) & ~1 */
    la      a1, 10f
    jalr    a3, 0(a1)
11: li      a0, 50
    tail    test_fail
10: la      a4, 11b
    CHECKR  51, a3, a4
    la      a1, 12f - 8
    jalr    a3, 8(a1)                   /* positive offset */
    li      a0, 52
    tail    test_fail
12: la      a1, 13f + 16
    jalr    x0, -16(a1)                 /* negative offset, no link */
    li      a0, 53
    tail    test_fail
13: la      a1, 14f + 1                 /* bit 0 of the sum is cleared */
    jalr    a3, 0(a1)
    li      a0, 54
    tail    test_fail
14: la      a1, 15f
    jalr    a1, 0(a1)                   /* rd = rs1: target read first */
16: li      a0, 55
    tail    test_fail
15: la      a4, 16b
    CHECKR  56, a1, a4
    /* call/ret through a function */
    li      a0, 20
    call    double_it
    CHECK   57, a0, 40
    GROUP_OK "jalr"

    TEST_PASS

double_it:
    add     a0, a0, a0
    ret
