/*
 * roms/tests/zb-test.h: what the bit-manipulation tests share.  Each case
 * runs twice: on constants loaded with li (which the translator may fold
 * at translation time) and on operands loaded from memory (computed when
 * the code runs), so both paths are checked.  rd = a3, rs1 = a1,
 * rs2 = a2; t6 is scratch.
 */
#ifndef ROMS_TESTS_ZB_TEST_H
#define ROMS_TESTS_ZB_TEST_H

#include "test.h"

#ifdef __ASSEMBLER__

/* a1 = v1, a2 = v2, from memory. */
.macro ZB_OPERANDS v1, v2
    .pushsection .rodata.zb_operands, "a", @progbits
    .balign 8
.Lzb_ops\@:
    .dword  \v1, \v2
    .popsection
    la      t6, .Lzb_ops\@
    ld      a1, 0(t6)
    ld      a2, 8(t6)
.endm

/* rd = op(rs1) */
.macro ZB_R n, op, exp, v1
    li      a1, \v1
    \op     a3, a1
    CHECK   \n, a3, \exp
    ZB_OPERANDS \v1, 0
    \op     a3, a1
    CHECK   \n, a3, \exp
.endm

/* rd = op(rs1, rs2) */
.macro ZB_RR n, op, exp, v1, v2
    TEST_RR \n, \op, \exp, \v1, \v2
    ZB_OPERANDS \v1, \v2
    \op     a3, a1, a2
    CHECK   \n, a3, \exp
.endm

/* rd = op(rs1, imm) */
.macro ZB_RI n, op, exp, v1, imm
    TEST_RI \n, \op, \exp, \v1, \imm
    ZB_OPERANDS \v1, 0
    \op     a3, a1, \imm
    CHECK   \n, a3, \exp
.endm

#endif /* __ASSEMBLER__ */

#endif
