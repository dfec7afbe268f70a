/*
 * roms/tests/csr-machine.S: the machine-mode CSRs a bare-metal program
 * relies on: mscratch, mepc, mcause, mtval and mtvec are writable and read
 * back; misa reports MXL = 64 and I, M, A, C, U; mhartid is 0 on hart 0;
 * mvendorid, marchid, mimpid are readable; mstatus.MPP holds M and U and
 * mstatus.MIE sets and clears.  (WARL details: csr-warl-strict.S.)
 */
#include "test.h"

    .equ    MISA_MXL_64, 0x8000000000000000
    .equ    MISA_A, 1 << 0
    .equ    MISA_C, 1 << 2
    .equ    MISA_I, 1 << 8
    .equ    MISA_M, 1 << 12
    .equ    MISA_U, 1 << 20

    .text
    .globl main
main:
    li      a1, 0xa5a5a5a5a5a5a5a5
    csrw    mscratch, a1
    csrr    a3, mscratch
    CHECK   1, a3, 0xa5a5a5a5a5a5a5a5
    li      a1, 0x80001234
    csrw    mepc, a1
    csrr    a3, mepc
    CHECK   2, a3, 0x80001234
    li      a1, 0x8000000000000007
    csrw    mcause, a1
    csrr    a3, mcause
    CHECK   3, a3, 0x8000000000000007
    li      a1, 2
    csrw    mcause, a1
    csrr    a3, mcause
    CHECK   4, a3, 2
    li      a1, 0xdeadbeefcafef00d
    csrw    mtval, a1
    csrr    a3, mtval
    CHECK   5, a3, 0xdeadbeefcafef00d
    csrr    s0, mtvec
    la      a1, trap_entry              /* 4-byte aligned, MODE = 0 */
    csrw    mtvec, a1
    csrr    a3, mtvec
    CHECKR  6, a3, a1
    csrw    mtvec, s0
    GROUP_OK "mscratch/mepc/mcause/mtval/mtvec"

    csrr    a3, misa
    srli    a4, a3, 62
    CHECK   10, a4, 2                   /* MXL = 2: XLEN 64 */
    li      a4, MISA_I | MISA_M | MISA_A | MISA_C | MISA_U
    and     a5, a3, a4
    CHECKR  11, a5, a4
    li      a4, 0x3ffffffffc000000      /* WLRL/reserved bits read 0 */
    and     a5, a3, a4
    CHECK   12, a5, 0
    csrr    a3, mhartid
    CHECK   13, a3, 0
    csrr    a3, mvendorid
    csrr    a3, marchid
    csrr    a3, mimpid
    GROUP_OK "misa/mhartid/mvendorid/marchid/mimpid"

    li      t0, MSTATUS_MPP
    csrs    mstatus, t0                 /* MPP = M (3) */
    csrr    a3, mstatus
    and     a3, a3, t0
    CHECK   20, a3, MSTATUS_MPP
    csrc    mstatus, t0                 /* MPP = U (0) */
    csrr    a3, mstatus
    and     a3, a3, t0
    CHECK   21, a3, 0
    csrw    mie, zero                   /* no interrupt can fire */
    csrsi   mstatus, MSTATUS_MIE
    csrr    a3, mstatus
    andi    a3, a3, MSTATUS_MIE
    CHECK   22, a3, MSTATUS_MIE
    csrci   mstatus, MSTATUS_MIE
    csrr    a3, mstatus
    andi    a3, a3, MSTATUS_MIE
    CHECK   23, a3, 0
    csrr    a3, mstatus                 /* UXL = 2 when U-mode exists */
    srli    a3, a3, 32
    andi    a3, a3, 3
    CHECK   24, a3, 2
    li      t0, 0x8                     /* mie.MSIE is writable */
    csrs    mie, t0
    csrr    a3, mie
    andi    a3, a3, 0x8
    CHECK   25, a3, 0x8
    csrw    mie, zero
    GROUP_OK "mstatus/mie"

    TEST_PASS
