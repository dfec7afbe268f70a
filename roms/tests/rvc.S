/*
 * roms/tests/rvc.S: every RV64C instruction that is not floating point,
 * written with explicit c.* mnemonics: c.li, c.lui, c.addi, c.addiw,
 * c.addi16sp, c.addi4spn, c.mv, c.add, c.sub, c.xor, c.or, c.and, c.subw,
 * c.addw, c.andi, c.srli, c.srai, c.slli, c.lw, c.ld, c.sw, c.sd, c.lwsp,
 * c.ldsp, c.swsp, c.sdsp, c.j, c.beqz, c.bnez, c.jr, c.jalr, c.nop, at their
 * immediate limits, and the HINT encodings (which execute as no-ops).
 * c.ebreak is in trap-ebreak.S, the reserved encodings in
 * trap-illegal-instruction.S.
 */
#include "test.h"

    .data
    .align 4
buf:
    .space 256

    .text
    .option rvc
    .globl main
main:
    c.li    a3, 31
    CHECK   1, a3, 31
    c.li    a3, -32
    CHECK   2, a3, -32
    c.lui   a3, 1
    CHECK   3, a3, 0x1000
    c.lui   a3, 31
    CHECK   4, a3, 0x1f000
    c.lui   a3, 0xfffe0                 /* nzimm[17] set: sign-extends */
    CHECK   5, a3, 0xfffffffffffe0000
    c.lui   a3, 0xfffff
    CHECK   6, a3, 0xfffffffffffff000
    c.li    a3, 5
    c.addi  a3, 31
    CHECK   7, a3, 36
    c.addi  a3, -32
    CHECK   8, a3, 4
    li      a3, 0x7fffffff
    c.addiw a3, 1
    CHECK   9, a3, 0xffffffff80000000
    li      a3, 0x1ffffffff
    c.addiw a3, 0                       /* sext.w */
    CHECK   10, a3, -1
    li      a3, 0x100000005
    c.addiw a3, -6
    CHECK   11, a3, -1
    c.nop
    GROUP_OK "immediates"

    c.mv    s1, sp
    c.addi16sp sp, -512
    sub     a3, s1, sp
    CHECK   12, a3, 512
    c.addi16sp sp, 496
    sub     a3, s1, sp
    CHECK   13, a3, 16
    c.addi16sp sp, 16
    CHECKR  14, sp, s1
    c.addi4spn a3, sp, 4
    sub     a4, a3, sp
    CHECK   15, a4, 4
    c.addi4spn a3, sp, 1020
    sub     a4, a3, sp
    CHECK   16, a4, 1020
    GROUP_OK "stack-pointer immediates"

    li      a4, 0x0f0f
    li      a5, 0x00ff
    c.mv    a3, a4
    CHECK   20, a3, 0x0f0f
    c.add   a3, a5
    CHECK   21, a3, 0x100e
    c.mv    a3, a4
    c.sub   a3, a5
    CHECK   22, a3, 0x0e10
    c.mv    a3, a4
    c.xor   a3, a5
    CHECK   23, a3, 0x0ff0
    c.mv    a3, a4
    c.or    a3, a5
    CHECK   24, a3, 0x0fff
    c.mv    a3, a4
    c.and   a3, a5
    CHECK   25, a3, 0x000f
    li      a3, 0x7fffffff
    li      a5, 1
    c.addw  a3, a5
    CHECK   26, a3, 0xffffffff80000000
    li      a3, 0x80000000
    c.subw  a3, a5
    CHECK   27, a3, 0x7fffffff
    li      a3, 0x123400000000
    li      a5, 0
    c.subw  a3, a5
    CHECK   28, a3, 0
    li      a3, -1
    c.andi  a3, 0x15
    CHECK   29, a3, 0x15
    li      a3, 0x1234
    c.andi  a3, -16
    CHECK   30, a3, 0x1230
    li      a3, -1
    c.srli  a3, 63
    CHECK   31, a3, 1
    li      a3, 0x8000000000000000
    c.srai  a3, 63
    CHECK   32, a3, -1
    li      a3, 0x80
    c.srai  a3, 4
    CHECK   33, a3, 8
    li      a3, 0xf0
    c.srli  a3, 1
    CHECK   34, a3, 0x78
    li      a3, 1
    c.slli  a3, 63
    CHECK   35, a3, 0x8000000000000000
    li      a3, 3
    c.slli  a3, 32
    CHECK   36, a3, 0x300000000
    li      t1, 5                       /* c.slli/c.mv/c.add: any register */
    c.slli  t1, 2
    CHECK   37, t1, 20
    c.mv    t2, t1
    c.add   t2, t1
    CHECK   38, t2, 40
    GROUP_OK "register operations"

    la      s0, buf
    li      a5, 0x8877665544332211
    c.sd    a5, 0(s0)
    c.ld    a3, 0(s0)
    CHECK   40, a3, 0x8877665544332211
    c.sd    a5, 248(s0)
    c.ld    a3, 248(s0)
    CHECK   41, a3, 0x8877665544332211
    c.lw    a3, 4(s0)
    CHECK   42, a3, 0xffffffff88776655
    c.lw    a3, 0(s0)
    CHECK   43, a3, 0x44332211
    li      a4, -2
    c.sw    a4, 124(s0)
    c.lw    a3, 124(s0)
    CHECK   44, a3, -2
    ld      a3, 120(s0)
    CHECK   45, a3, 0xfffffffe00000000
    GROUP_OK "compressed loads/stores"

    li      a5, 0x8877665544332211      /* the call above clobbered them */
    li      a4, -2
    c.addi16sp sp, -512
    c.sdsp  a5, 504(sp)
    c.ldsp  a3, 504(sp)
    CHECK   50, a3, 0x8877665544332211
    c.sdsp  a5, 0(sp)
    c.ldsp  t1, 0(sp)
    CHECK   51, t1, 0x8877665544332211
    c.swsp  a4, 252(sp)
    c.lwsp  a3, 252(sp)
    CHECK   52, a3, -2
    c.lwsp  a3, 4(sp)
    CHECK   53, a3, 0xffffffff88776655
    c.addi16sp sp, 496
    c.addi16sp sp, 16
    GROUP_OK "stack loads/stores"

    li      a3, 0
    c.j     1f
    li      a3, 1
1:  CHECK   60, a3, 0
    c.li    a4, 0
    c.beqz  a4, 2f
    li      a0, 61
    tail    test_fail
2:  c.bnez  a4, fail_62
    c.li    a4, 1
    c.beqz  a4, fail_63
    c.bnez  a4, 3f
    li      a0, 64
    tail    test_fail
3:  c.li    a4, 5
    c.li    a3, 0
4:  c.addi  a3, 2
    c.addi  a4, -1
    c.bnez  a4, 4b
    CHECK   65, a3, 10
    li      a4, 0x100000000             /* all 64 bits are tested */
    c.beqz  a4, fail_66
    la      t1, 5f
    c.jr    t1
    li      a0, 67
    tail    test_fail
5:  la      t1, rvc_sub
6:  c.jalr  t1                          /* link = pc + 2 */
7:  la      a4, 7b
    CHECKR  68, a3, a4
    la      ra, 9f
8:  c.jalr  ra                          /* target read before the link */
    li      a0, 69
    tail    test_fail
9:  la      a4, 8b + 2
    CHECKR  70, ra, a4
    /* c.j backward */
    li      a3, 0
    c.j     11f
10: c.addi  a3, 1
    c.j     12f
11: c.j     10b
12: CHECK   71, a3, 1
    GROUP_OK "compressed control flow"

    call    trap_install
    li      a3, 0x1234
    .hword  0x0005                      /* c.nop with imm = 1 */
    .hword  0x0681                      /* c.addi a3, 0 */
    .hword  0x4015                      /* c.li x0, 5 */
    .hword  0x6005                      /* c.lui x0, 1 */
    .hword  0x8036                      /* c.mv x0, a3 */
    .hword  0x9036                      /* c.add x0, a3 */
    .hword  0x0006                      /* c.slli x0, 1 */
    .hword  0x0682                      /* c.slli a3, 0 */
    .hword  0x8281                      /* c.srli a3, 0 */
    .hword  0x8681                      /* c.srai a3, 0 */
    CHECK   80, a3, 0x1234
    CHECK   81, x0, 0
    CHECK_TRAP_COUNT 82, 0
    GROUP_OK "hints"

    TEST_PASS

fail_62:
    li      a0, 62
    tail    test_fail
fail_63:
    li      a0, 63
    tail    test_fail
fail_66:
    li      a0, 66
    tail    test_fail

rvc_sub:
    mv      a3, ra
    ret
