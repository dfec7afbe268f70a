/*
 * roms/virt-tests/irq-taken-after-csr-write.S: a pending interrupt that a
 * CSR write enables is taken before the next instruction (privileged spec
 * v1.12, section 3.1.9: the trap conditions "must also be evaluated
 * immediately following the execution of an xRET instruction or an
 * explicit write to a CSR on which these interrupt trap conditions
 * expressly depend (including mip, mie, mstatus, and mideleg)").  So mepc
 * (or sepc) is the instruction right after the write, for writes to
 * mstatus.MIE, mie, mip (SSIP set by software), mideleg (an S interrupt no
 * longer delegated, pending in S with SIE = 0), sstatus.SIE, sie, and after
 * an sret into U with a delegated interrupt pending.  Each case sets a
 * register after the write: it must not have run when the trap is taken.
 */
#include "vtrap.h"
#include "test.h"

/* Fail with case n unless the last M (m) or S (s) trap was interrupt irq
 * with epc = label. */
.macro CHECK_INTR n, rec, irq, label
    la      t5, \rec
    ld      t4, VTRAP_CAUSE(t5)
    li      t3, CAUSE_INTERRUPT | \irq
    CHECKR  \n, t4, t3
    ld      t4, VTRAP_EPC(t5)
    la      t3, \label
    CHECKR  \n, t4, t3
.endm

    .option norvc
    .text
    .globl main
main:
    addi    sp, sp, -16
    sd      ra, 0(sp)
    call    vtrap_install
    call    vrt_pmp_allow_all
    csrw    mie, zero
    csrw    mideleg, zero
    csrci   mstatus, MSTATUS_MIE

    /* mstatus.MIE: MSIP pending and enabled in mie. */
    li      t0, CLINT_MSIP
    li      t1, 1
    sw      t1, 0(t0)
    li      t0, MIP_MSIP
    csrw    mie, t0
    li      s1, 0
    csrsi   mstatus, MSTATUS_MIE
1:  li      s1, 1
    csrci   mstatus, MSTATUS_MIE
    CHECK_INTR 1, vtrap_m, IRQ_M_SOFT, 1b
    li      t0, CLINT_MSIP
    sw      zero, 0(t0)
    GROUP_OK "after a write to mstatus.MIE"

    /* mie: MSIP pending, MIE = 1, then mie.MSIE. */
    li      t0, CLINT_MSIP
    li      t1, 1
    sw      t1, 0(t0)
    csrsi   mstatus, MSTATUS_MIE
    li      t0, MIP_MSIP
    csrw    mie, t0
2:  li      s1, 2
    csrci   mstatus, MSTATUS_MIE
    CHECK_INTR 2, vtrap_m, IRQ_M_SOFT, 2b
    li      t0, CLINT_MSIP
    sw      zero, 0(t0)
    GROUP_OK "after a write to mie"

    /* mip: software sets SSIP (not delegated), MIE = 1, mie.SSIE = 1. */
    li      t0, MIP_SSIP
    csrw    mie, t0
    csrsi   mstatus, MSTATUS_MIE
    csrs    mip, t0
3:  li      s1, 3
    csrci   mstatus, MSTATUS_MIE
    CHECK_INTR 3, vtrap_m, IRQ_S_SOFT, 3b
    li      t0, MIP_SSIP
    csrc    mip, t0
    GROUP_OK "after a write to mip"

    /* mideleg: an S interrupt delegated and pending, M with MIE = 1 does
     * not take it; clearing its mideleg bit makes it M's: taken at once. */
    li      t0, MIP_SSIP
    csrw    mideleg, t0
    csrw    mie, t0
    csrs    mip, t0
    csrsi   mstatus, MSTATUS_MIE
    li      s1, 0
    nop
    CHECK   4, s1, 0
    la      t5, vtrap_m
    ld      t4, VTRAP_COUNT(t5)
    CHECK   5, t4, 3                    /* nothing taken yet */
    csrw    mideleg, zero
4:  li      s1, 4
    csrci   mstatus, MSTATUS_MIE
    CHECK_INTR 6, vtrap_m, IRQ_S_SOFT, 4b
    li      t0, MIP_SSIP
    csrc    mip, t0
    GROUP_OK "after a write to mideleg"

    /* S-mode: sstatus.SIE and sie, with SSIP delegated and pending. */
    li      t0, MIP_SSIP
    csrw    mideleg, t0
    csrw    mie, zero
    csrs    mip, t0
    li      a0, PRV_S
    la      a1, s_enable_sie
    li      a2, 0
    li      a3, 0
    call    vrt_call
    CHECK_INTR 7, vtrap_s, IRQ_S_SOFT, s_after_sie
    li      a0, PRV_S
    la      a1, s_enable_ssie
    li      a2, 0
    li      a3, 0
    call    vrt_call
    CHECK_INTR 8, vtrap_s, IRQ_S_SOFT, s_after_ssie
    GROUP_OK "after writes to sstatus.SIE and sie"

    /* sret from S into U with the delegated SSIP pending (SIE = 0): taken
     * in S before U's first instruction. */
    li      t0, MIP_SSIP
    csrw    mie, t0
    csrs    mip, t0
    li      a0, PRV_S
    la      a1, s_sret_to_u
    li      a2, 0
    li      a3, 0
    call    vrt_call
    CHECK_INTR 9, vtrap_s, IRQ_S_SOFT, u_first
    la      t5, vtrap_s
    ld      t4, VTRAP_STATUS(t5)
    andi    t4, t4, MSTATUS_SPP
    CHECK   10, t4, 0
    li      t0, MIP_SSIP
    csrc    mip, t0
    csrw    mideleg, zero
    csrw    mie, zero
    GROUP_OK "after sret to U"

    ld      ra, 0(sp)
    addi    sp, sp, 16
    li      a0, 0
    ret

/* S: SSIP pending, SSIE on; then SIE. */
s_enable_sie:
    li      t0, MIP_SSIP
    csrs    sie, t0
    csrsi   sstatus, MSTATUS_SIE
s_after_sie:
    li      s1, 7
    csrci   sstatus, MSTATUS_SIE
    li      t0, MIP_SSIP
    csrs    sip, t0                     /* pending again for the next case */
    ret

/* S: SIE on, SSIE off (the S handler cleared it); then SSIE. */
s_enable_ssie:
    csrsi   sstatus, MSTATUS_SIE
    li      t0, MIP_SSIP
    csrs    sie, t0
s_after_ssie:
    li      s1, 8
    csrci   sstatus, MSTATUS_SIE
    ret

/* S: sret to u_first (SIE = 0; U always takes S interrupts). */
s_sret_to_u:
    csrci   sstatus, MSTATUS_SIE
    la      t0, u_first
    csrw    sepc, t0
    li      t0, MSTATUS_SPP
    csrc    sstatus, t0
    sret
u_first:
    li      s1, 9
    ret                                 /* to vrt_call's stub, in U */
