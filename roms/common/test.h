/*
 * roms/common/test.h: how an ISA test reports, from C or assembly.  A test
 * is a main() that runs numbered cases; the first failing case prints
 * "FAIL: case N" and exits with N; each group of cases that passes prints
 * "<group>: ok"; a test that reaches the end exits 0.  Expected values are
 * written in the test from the specification, never taken from a run.
 *
 * Assembly macros: CHECK compares a register with a constant, CHECKR with
 * another register; TEST_RR / TEST_RI run a register-register or
 * register-immediate instruction on fresh inputs in a1/a2 and check a3.
 * CHECK_TRAP and friends compare trap_last (trap.h) after a trap.
 * The macros use t6 as scratch (the trap ones t3-t6): never pass those.
 */
#ifndef ROMS_COMMON_TEST_H
#define ROMS_COMMON_TEST_H

#include "trap.h"

#ifdef __ASSEMBLER__

/* Fail with case n unless reg == val (any 64-bit constant). */
.macro CHECK n, reg, val
    li      t6, \val
    beq     \reg, t6, .Lcheck_ok\@
    li      a0, \n
    tail    test_fail
.Lcheck_ok\@:
.endm

/* Fail with case n unless reg1 == reg2. */
.macro CHECKR n, reg1, reg2
    beq     \reg1, \reg2, .Lcheck_ok\@
    li      a0, \n
    tail    test_fail
.Lcheck_ok\@:
.endm

/* Fail with case n unless trap_last says: count traps so far, the last with
 * this mcause, mepc = epc (a label), mtval = tval (a constant).  Uses t3-t5. */
.macro CHECK_TRAP n, count, cause, epc, tval
    la      t5, trap_last
    ld      t4, TRAP_COUNT(t5)
    CHECK   \n, t4, \count
    ld      t4, TRAP_MCAUSE(t5)
    CHECK   \n, t4, \cause
    ld      t4, TRAP_MEPC(t5)
    la      t3, \epc
    CHECKR  \n, t4, t3
    ld      t4, TRAP_MTVAL(t5)
    CHECK   \n, t4, \tval
.endm

/* The same with mtval compared to a register (not t3-t6). */
.macro CHECK_TRAP_TVALR n, count, cause, epc, tvalreg
    la      t5, trap_last
    ld      t4, TRAP_COUNT(t5)
    CHECK   \n, t4, \count
    ld      t4, TRAP_MCAUSE(t5)
    CHECK   \n, t4, \cause
    ld      t4, TRAP_MEPC(t5)
    la      t3, \epc
    CHECKR  \n, t4, t3
    ld      t4, TRAP_MTVAL(t5)
    CHECKR  \n, t4, \tvalreg
.endm

/* Fail with case n unless no trap happened since trap_install (or count). */
.macro CHECK_TRAP_COUNT n, count
    la      t5, trap_last
    ld      t4, TRAP_COUNT(t5)
    CHECK   \n, t4, \count
.endm

/* Make the next trap resume at label, in M-mode. Uses t4, t5. */
.macro TRAP_RESUME_AT label
    la      t5, trap_last
    la      t4, \label
    sd      t4, TRAP_RESUME(t5)
.endm

/* rd = a3, rs1 = a1, rs2 = a2. */
.macro TEST_RR n, op, exp, v1, v2
    li      a1, \v1
    li      a2, \v2
    \op     a3, a1, a2
    CHECK   \n, a3, \exp
.endm

/* rd = a3, rs1 = a1. */
.macro TEST_RI n, op, exp, v1, imm
    li      a1, \v1
    \op     a3, a1, \imm
    CHECK   \n, a3, \exp
.endm

/* rd = rs1 = a1. */
.macro TEST_RR_RD_IS_RS1 n, op, exp, v1, v2
    li      a1, \v1
    li      a2, \v2
    \op     a1, a1, a2
    CHECK   \n, a1, \exp
.endm

/* rd = rs2 = a2. */
.macro TEST_RR_RD_IS_RS2 n, op, exp, v1, v2
    li      a1, \v1
    li      a2, \v2
    \op     a2, a1, a2
    CHECK   \n, a2, \exp
.endm

/* rs1 = rs2 = a1. */
.macro TEST_RR_SAME_SRC n, op, exp, v1
    li      a1, \v1
    \op     a3, a1, a1
    CHECK   \n, a3, \exp
.endm

/* rd = x0: the result is discarded, x0 stays 0. */
.macro TEST_RR_X0_DEST n, op, v1, v2
    li      a1, \v1
    li      a2, \v2
    \op     x0, a1, a2
    CHECK   \n, x0, 0
.endm

/* Print "<name>: ok".  Clobbers the caller-saved registers. */
.macro GROUP_OK name
    .pushsection .rodata.test_names, "aMS", @progbits, 1
.Lgroup_name\@:
    .string "\name"
    .popsection
    la      a0, .Lgroup_name\@
    call    test_group_ok
.endm

/* Every case passed: exit 0. */
.macro TEST_PASS
    li      a0, 0
    tail    exit
.endm

#else /* C */

#include <stdint.h>

/* Print "FAIL: case n" and exit with n (255 if n > 255). */
__attribute__((noreturn)) void test_fail(uint64_t n);

/* Print "<name>: ok". */
void test_group_ok(const char *name);

#define CHECK(n, cond)                  \
    do {                                \
        if (!(cond))                    \
            test_fail(n);               \
    } while (0)

#endif

#endif
