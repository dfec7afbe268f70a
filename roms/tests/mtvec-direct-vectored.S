/*
 * roms/tests/mtvec-direct-vectored.S: trap vectoring.  In direct mode every
 * trap enters at BASE; in vectored mode (MODE = 1) exceptions enter at BASE
 * and interrupt cause i at BASE + 4*i.  The interrupts come from the spike
 * board's CLINT: the machine software interrupt (msip, cause 3) and the
 * machine timer interrupt (mtimecmp <= mtime, cause 7).  An interrupt that
 * becomes enabled by a write to mie or mstatus is taken before the next
 * instruction (privileged spec: the conditions are evaluated right after
 * such a CSR write), so mepc is that next instruction.
 * The vectored handlers own s8-s11; nothing else here uses them.
 */
#include "test.h"

    .equ    CLINT_MSIP, 0x2000000
    .equ    CLINT_MTIMECMP, 0x2004000
    .equ    CLINT_MTIME, 0x200bff8
    .equ    MIP_MSIP, 0x8
    .equ    MIP_MTIP, 0x80
    .equ    IRQ_BIT, 0x8000000000000000

/* Wait (boundedly) until mip & mask == want, else fail with case n. */
.macro WAIT_MIP n, mask, want
    li      t2, 1000000
.Lwait\@:
    csrr    t3, mip
    li      t4, \mask
    and     t3, t3, t4
    li      t4, \want
    beq     t3, t4, .Ldone\@
    addi    t2, t2, -1
    bnez    t2, .Lwait\@
    li      a0, \n
    tail    test_fail
.Ldone\@:
.endm

    .text
    .globl main
main:
    csrw    mie, zero
    li      t0, CLINT_MTIMECMP          /* no timer interrupt for now */
    li      t1, -1
    sd      t1, 0(t0)
    li      t0, CLINT_MSIP
    sw      zero, 0(t0)
    WAIT_MIP 1, MIP_MSIP | MIP_MTIP, 0

    /* direct mode: exception and interrupt both enter trap_entry */
    call    trap_install
    csrr    t0, mtvec
    la      t1, trap_entry
    CHECKR  2, t0, t1
1:  ecall
    CHECK_TRAP 3, 1, MCAUSE_ECALL_M, 1b, 0
    li      t0, CLINT_MSIP
    li      t1, 1
    sw      t1, 0(t0)
    WAIT_MIP 4, MIP_MSIP, MIP_MSIP
    csrsi   mstatus, MSTATUS_MIE
    li      t0, MIP_MSIP
    csrs    mie, t0                     /* taken right after this write */
2:  nop
    csrci   mstatus, MSTATUS_MIE
    CHECK_TRAP 5, 2, IRQ_BIT | 3, 2b, 0
    li      t0, CLINT_MSIP
    sw      zero, 0(t0)
    WAIT_MIP 6, MIP_MSIP, 0
    GROUP_OK "direct mode"

    /* vectored mode */
    la      t0, vector_table
    ori     t0, t0, 1
    csrw    mtvec, t0
    csrr    t1, mtvec
    CHECKR  10, t0, t1                  /* MODE = 1 is supported */
    li      s10, -1
3:  ecall                               /* exceptions: entry 0 */
    CHECK   11, s10, 0
    CHECK   12, s9, MCAUSE_ECALL_M
    la      t0, 3b
    CHECKR  13, s8, t0

    li      s10, -1
    li      t0, CLINT_MSIP
    li      t1, 1
    sw      t1, 0(t0)
    WAIT_MIP 14, MIP_MSIP, MIP_MSIP
    li      t0, MIP_MSIP
    csrs    mie, t0
    csrsi   mstatus, MSTATUS_MIE        /* taken right after this write */
4:  nop
    csrci   mstatus, MSTATUS_MIE
    CHECK   15, s10, 3
    CHECK   16, s9, IRQ_BIT | 3
    la      t0, 4b
    CHECKR  17, s8, t0
    WAIT_MIP 18, MIP_MSIP, 0

    li      s10, -1
    li      t0, CLINT_MTIME
    ld      t1, 0(t0)
    li      t0, CLINT_MTIMECMP
    sd      t1, 0(t0)                   /* due now */
    WAIT_MIP 19, MIP_MTIP, MIP_MTIP
    csrsi   mstatus, MSTATUS_MIE
    li      t0, MIP_MTIP
    csrs    mie, t0                     /* taken right after this write */
5:  nop
    csrci   mstatus, MSTATUS_MIE
    CHECK   20, s10, 7
    CHECK   21, s9, IRQ_BIT | 7
    la      t0, 5b
    CHECKR  22, s8, t0
    WAIT_MIP 23, MIP_MTIP, 0
    GROUP_OK "vectored mode"

    /* an interrupt pending but disabled in mie is not taken */
    li      t0, CLINT_MSIP
    li      t1, 1
    sw      t1, 0(t0)
    WAIT_MIP 30, MIP_MSIP, MIP_MSIP
    li      s10, -1
    csrsi   mstatus, MSTATUS_MIE
    nop
    nop
    csrci   mstatus, MSTATUS_MIE
    CHECK   31, s10, -1
    /* enabled in mie but MIE = 0 in M-mode: not taken either */
    li      t0, MIP_MSIP
    csrs    mie, t0
    nop
    nop
    CHECK   32, s10, -1
    csrc    mie, t0
    li      t0, CLINT_MSIP
    sw      zero, 0(t0)
    GROUP_OK "masked interrupts"

    TEST_PASS

/* The vector table: 4-byte jumps, 64-byte aligned (16 entries); its own
 * section, so that linker relaxation cannot break the alignment. */
    .section .text.vectors, "ax", @progbits
    .option push
    .option norvc
    .balign 64
vector_table:
    j       vec_exception               /* 0: all exceptions */
    j       vec_unexpected
    j       vec_unexpected
    j       vec_msi                     /* 3: machine software */
    j       vec_unexpected
    j       vec_unexpected
    j       vec_unexpected
    j       vec_mti                     /* 7: machine timer */
    j       vec_unexpected
    j       vec_unexpected
    j       vec_unexpected
    j       vec_unexpected
    j       vec_unexpected
    j       vec_unexpected
    j       vec_unexpected
    j       vec_unexpected
    .option pop

vec_exception:
    li      s10, 0
    csrr    s9, mcause
    csrr    s8, mepc
    addi    s11, s8, 4                  /* the ecall is 4 bytes */
    csrw    mepc, s11
    mret
vec_msi:
    li      s10, 3
    csrr    s9, mcause
    csrr    s8, mepc
    li      s11, MIP_MSIP               /* MSIP may clear a little later */
    csrc    mie, s11
    li      s11, CLINT_MSIP
    sw      zero, 0(s11)
    mret
vec_mti:
    li      s10, 7
    csrr    s9, mcause
    csrr    s8, mepc
    li      s11, MIP_MTIP
    csrc    mie, s11
    li      s11, CLINT_MTIMECMP
    li      s9, -1
    sd      s9, 0(s11)
    csrr    s9, mcause
    mret
vec_unexpected:
    csrr    s9, mcause
    li      a0, 90
    tail    test_fail
