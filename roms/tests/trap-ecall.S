/*
 * roms/tests/trap-ecall.S: ecall from M-mode (mcause 11) and from U-mode
 * (mcause 8, reached by mret with MPP = U): mepc is the ecall itself,
 * mtval is 0, and the trap's mstatus has MPP = the mode that called and
 * MIE moved to MPIE; mret back restores MIE from MPIE and sets MPP to U.
 */
#include "test.h"

    .text
    .globl main
main:
    call    trap_install
    li      s2, 77

1:  ecall
    CHECK_TRAP 1, 1, MCAUSE_ECALL_M, 1b, 0
    CHECK   2, s2, 77
    la      t5, trap_last
    ld      t4, TRAP_MSTATUS(t5)
    li      t3, MSTATUS_MPP
    and     t4, t4, t3
    CHECK   3, t4, MSTATUS_MPP          /* MPP = M */
    GROUP_OK "ecall from M"

    /* MIE = 1 before the trap: on entry MPIE = 1, MIE = 0 (no interrupt
     * is enabled in mie, so none can be taken). */
    csrw    mie, zero
    csrsi   mstatus, MSTATUS_MIE
2:  ecall
    la      t5, trap_last
    ld      t4, TRAP_MSTATUS(t5)
    andi    t3, t4, MSTATUS_MIE
    CHECK   4, t3, 0
    andi    t3, t4, MSTATUS_MPIE
    CHECK   5, t3, MSTATUS_MPIE
    /* mret restored MIE from MPIE */
    csrr    t4, mstatus
    andi    t3, t4, MSTATUS_MIE
    CHECK   6, t3, MSTATUS_MIE
    csrci   mstatus, MSTATUS_MIE
    /* MIE = 0 before the trap: MPIE = 0 on entry */
3:  ecall
    la      t5, trap_last
    ld      t4, TRAP_MSTATUS(t5)
    andi    t3, t4, MSTATUS_MPIE
    CHECK   7, t3, 0
    GROUP_OK "mstatus on trap and mret"

    /* To U-mode: PMP entry 0 grants everything, MPP = U. */
    li      t0, -1
    srli    t0, t0, 10
    csrw    pmpaddr0, t0
    li      t0, 0x1f
    csrw    pmpcfg0, t0
    call    trap_install
    li      t0, MSTATUS_MPP
    csrc    mstatus, t0
    li      t0, MSTATUS_MPIE
    csrs    mstatus, t0
    la      t0, in_user
    csrw    mepc, t0
    mret
in_user:
    li      s2, 88
    TRAP_RESUME_AT back_in_m
4:  ecall
    li      a0, 10                      /* not reached: resumed in M */
    tail    test_fail
back_in_m:
    CHECK_TRAP 11, 1, MCAUSE_ECALL_U, 4b, 0
    CHECK   12, s2, 88
    la      t5, trap_last
    ld      t4, TRAP_MSTATUS(t5)
    li      t3, MSTATUS_MPP
    and     t3, t4, t3
    CHECK   13, t3, 0                   /* MPP = U */
    csrr    t0, mscratch                /* this is M-mode: no trap */
    CHECK_TRAP_COUNT 14, 1
    GROUP_OK "ecall from U"

    /* ecall from U, but the handler returns to U (skip mode): the next
     * instructions run in U-mode, and a second ecall comes from U too. */
    call    trap_install
    li      t0, MSTATUS_MPP
    csrc    mstatus, t0
    la      t0, in_user2
    csrw    mepc, t0
    mret
in_user2:
5:  ecall
    CHECK_TRAP 20, 1, MCAUSE_ECALL_U, 5b, 0
    TRAP_RESUME_AT back_in_m2
6:  ecall
back_in_m2:
    CHECK_TRAP 21, 2, MCAUSE_ECALL_U, 6b, 0
    GROUP_OK "U-mode after a trap"

    TEST_PASS
