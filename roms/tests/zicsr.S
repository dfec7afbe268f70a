/*
 * roms/tests/zicsr.S: the six CSR instructions (csrrw, csrrs, csrrc, csrrwi,
 * csrrsi, csrrci) on mscratch: rd gets the old value, the CSR the new one;
 * rd = x0 (no read into a register, the write still happens), rs1 = x0 and
 * uimm = 0 for the set/clear forms (no write, so a read-only CSR can be
 * read that way), rd = rs1 (the old value of rs1 is the source).
 * mscratch holds the trap library's frame, so trap_install() re-arms it
 * before the read-only checks.
 */
#include "test.h"

    .text
    .globl main
main:
    li      a1, 0x0123456789abcdef
    csrw    mscratch, a1                /* csrrw x0: write only */
    csrr    a3, mscratch                /* csrrs rd, x0: read only */
    CHECK   1, a3, 0x0123456789abcdef
    li      a2, 0xfedcba9876543210
    csrrw   a3, mscratch, a2
    CHECK   2, a3, 0x0123456789abcdef
    csrr    a3, mscratch
    CHECK   3, a3, 0xfedcba9876543210
    li      a2, 0x00ff00ff00ff00ff
    csrrs   a3, mscratch, a2
    CHECK   4, a3, 0xfedcba9876543210
    csrr    a3, mscratch
    CHECK   5, a3, 0xfeffbaff76ff32ff
    li      a2, 0xf0f0f0f0f0f0f0f0
    csrrc   a3, mscratch, a2
    CHECK   6, a3, 0xfeffbaff76ff32ff
    csrr    a3, mscratch
    CHECK   7, a3, 0x0e0f0a0f060f020f
    GROUP_OK "csrrw/csrrs/csrrc"

    csrrwi  a3, mscratch, 0x15
    CHECK   10, a3, 0x0e0f0a0f060f020f
    csrr    a3, mscratch
    CHECK   11, a3, 0x15
    csrrsi  a3, mscratch, 0x0a
    CHECK   12, a3, 0x15
    csrr    a3, mscratch
    CHECK   13, a3, 0x1f
    csrrci  a3, mscratch, 0x11
    CHECK   14, a3, 0x1f
    csrr    a3, mscratch
    CHECK   15, a3, 0x0e
    csrrwi  a3, mscratch, 31            /* the largest uimm, zero-extended */
    csrr    a3, mscratch
    CHECK   16, a3, 31
    csrrwi  a3, mscratch, 0             /* csrrwi with 0 still writes */
    csrr    a3, mscratch
    CHECK   17, a3, 0
    GROUP_OK "csrrwi/csrrsi/csrrci"

    li      a1, 0x55
    csrw    mscratch, a1
    csrs    mscratch, 0x2               /* csrrsi x0 */
    csrr    a3, mscratch
    CHECK   20, a3, 0x57
    csrc    mscratch, 0x4               /* csrrci x0 */
    csrr    a3, mscratch
    CHECK   21, a3, 0x53
    li      a2, 0x100
    csrs    mscratch, a2                /* csrrs x0 */
    csrc    mscratch, a1                /* csrrc x0 */
    csrr    a3, mscratch
    CHECK   22, a3, 0x102
    csrrs   a3, mscratch, x0            /* rs1 = x0: no write */
    CHECK   23, a3, 0x102
    csrrc   a3, mscratch, x0
    CHECK   24, a3, 0x102
    csrrsi  a3, mscratch, 0             /* uimm = 0: no write */
    csrrci  a3, mscratch, 0
    csrr    a3, mscratch
    CHECK   25, a3, 0x102
    li      a3, 0x77                    /* rd = rs1: old CSR to rd, */
    csrrw   a3, mscratch, a3            /* old rs1 to the CSR */
    CHECK   26, a3, 0x102
    csrr    a3, mscratch
    CHECK   27, a3, 0x77
    li      a3, 0x8
    csrrs   a3, mscratch, a3
    CHECK   28, a3, 0x77
    csrr    a3, mscratch
    CHECK   29, a3, 0x7f
    csrrw   x0, mscratch, x0
    csrr    a3, mscratch
    CHECK   30, a3, 0
    GROUP_OK "rd = x0, rs1 = x0, rd = rs1"

    /* read-only CSRs can be read with rs1 = x0 / uimm = 0, without traps */
    call    trap_install
    csrrs   a3, mhartid, x0
    CHECK   40, a3, 0
    csrrc   a3, mhartid, x0
    CHECK   41, a3, 0
    csrrsi  a3, mhartid, 0
    CHECK   42, a3, 0
    csrrci  a3, mhartid, 0
    CHECK   43, a3, 0
    csrrs   x0, mvendorid, x0
    csrr    a3, marchid
    csrr    a3, mimpid
    csrr    a3, cycle
    csrr    a3, instret
    CHECK_TRAP_COUNT 44, 0
    /* ...but any write attempt traps and leaves rd alone */
    li      a3, 0x99
    li      a1, 1
1:  csrrw   a3, mhartid, a1
    CHECK_TRAP 45, 1, MCAUSE_ILLEGAL_INSN, 1b, 0xf14596f3
    CHECK   46, a3, 0x99
2:  csrrsi  a3, mhartid, 1
    CHECK_TRAP 47, 2, MCAUSE_ILLEGAL_INSN, 2b, 0xf140e6f3
    CHECK   48, a3, 0x99
3:  csrrc   a3, instret, a1
    CHECK_TRAP 49, 3, MCAUSE_ILLEGAL_INSN, 3b, 0xc025b6f3
    CHECK   50, a3, 0x99
4:  csrrw   x0, mvendorid, x0           /* rd = x0 does not make it legal */
    CHECK_TRAP 51, 4, MCAUSE_ILLEGAL_INSN, 4b, 0xf1101073
    GROUP_OK "read-only CSRs"

    TEST_PASS
