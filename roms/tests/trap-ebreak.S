/*
 * roms/tests/trap-ebreak.S: ebreak and c.ebreak raise a breakpoint exception
 * (mcause 3) with mepc at the instruction; mtval is 0 or that address (the
 * privileged spec allows both: QEMU writes 0, Spike the pc).  The handler
 * steps over 4 or 2 bytes, and no register changes.
 */
#include "test.h"

/* Fail with case n unless mtval is 0 or the address of label. */
.macro CHECK_BREAK_TVAL n, label
    la      t5, trap_last
    ld      t4, TRAP_MTVAL(t5)
    beqz    t4, .Ltval_ok\@
    la      t3, \label
    CHECKR  \n, t4, t3
.Ltval_ok\@:
.endm

    .text
    .globl main
main:
    call    trap_install
    li      s2, 0x1234
    mv      s3, s2

    .option push
    .option norvc
1:  ebreak
    .option pop
    CHECK   1, s2, 0x1234
    la      t5, trap_last
    ld      t4, TRAP_COUNT(t5)
    CHECK   2, t4, 1
    ld      t4, TRAP_MCAUSE(t5)
    CHECK   3, t4, MCAUSE_BREAKPOINT
    ld      t4, TRAP_MEPC(t5)
    la      t3, 1b
    CHECKR  4, t4, t3
    CHECK_BREAK_TVAL 5, 1b
    GROUP_OK "ebreak"

2:  c.ebreak
    CHECKR  10, s2, s3
    la      t5, trap_last
    ld      t4, TRAP_COUNT(t5)
    CHECK   11, t4, 2
    ld      t4, TRAP_MCAUSE(t5)
    CHECK   12, t4, MCAUSE_BREAKPOINT
    ld      t4, TRAP_MEPC(t5)
    la      t3, 2b
    CHECKR  13, t4, t3
    CHECK_BREAK_TVAL 14, 2b
    /* a c.ebreak at a 2-byte aligned address, followed by a 4-byte insn */
    .option push
    .option norvc
    .balign 4
    nop
    .option pop
3:  c.ebreak
    .option push
    .option norvc
    addi    s2, s2, 1
    .option pop
    CHECK   15, s2, 0x1235
    la      t5, trap_last
    ld      t4, TRAP_MEPC(t5)
    la      t3, 3b
    CHECKR  16, t4, t3
    GROUP_OK "c.ebreak"

    TEST_PASS
