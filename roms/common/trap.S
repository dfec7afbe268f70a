/*
 * roms/common/trap.S: the test trap handler described in trap.h.  It saves
 * all 31 registers in a static frame that mscratch points at (so it works
 * whatever the trapped code did to sp), records the trap, picks the return
 * address and restores everything.
 */
#include "trap.h"

    .bss
    .align  4
trap_stack:
    .space  1024            /* for the exit path only */
trap_frame:
    .space  32 * 8

    .globl  trap_last
    .align  3
trap_last:
    .space  6 * 8

    .text
    .globl  trap_install
trap_install:
    la      t0, trap_frame
    csrw    mscratch, t0
    la      t0, trap_entry
    csrw    mtvec, t0
    la      t0, trap_last
    sd      zero, TRAP_COUNT(t0)
    sd      zero, TRAP_MCAUSE(t0)
    sd      zero, TRAP_MEPC(t0)
    sd      zero, TRAP_MTVAL(t0)
    sd      zero, TRAP_MSTATUS(t0)
    sd      zero, TRAP_RESUME(t0)
    ret

    .align  2
    .globl  trap_entry
trap_entry:
    csrrw   sp, mscratch, sp
    /* x1 and x3..x31 (x2 is sp) at their index * 8 */
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd      x\n, \n*8(sp)
    .endr

    la      t0, trap_last
    ld      t1, TRAP_COUNT(t0)
    addi    t1, t1, 1
    sd      t1, TRAP_COUNT(t0)
    csrr    t1, mcause
    sd      t1, TRAP_MCAUSE(t0)
    csrr    t2, mepc
    sd      t2, TRAP_MEPC(t0)
    csrr    t3, mtval
    sd      t3, TRAP_MTVAL(t0)
    csrr    t3, mstatus
    sd      t3, TRAP_MSTATUS(t0)

    bltz    t1, .Linterrupt
    ld      t3, TRAP_RESUME(t0)
    beqz    t3, .Lskip
    sd      zero, TRAP_RESUME(t0)
    csrw    mepc, t3
    li      t3, MSTATUS_MPP
    csrs    mstatus, t3
    j       .Lreturn

.Lskip:
    /* A fetch fault has no instruction to step over. */
    li      t3, MCAUSE_INSN_MISALIGNED
    beq     t1, t3, .Lunskippable
    li      t3, MCAUSE_INSN_ACCESS
    beq     t1, t3, .Lunskippable
    li      t3, MCAUSE_INSN_PAGE_FAULT
    beq     t1, t3, .Lunskippable
    lhu     t3, 0(t2)
    andi    t3, t3, 3
    li      t4, 3
    addi    t2, t2, 2
    bne     t3, t4, 1f
    addi    t2, t2, 2
1:  csrw    mepc, t2
    j       .Lreturn

.Linterrupt:
    slli    t1, t1, 1
    srli    t1, t1, 1
    li      t3, 1
    sll     t3, t3, t1
    csrc    mie, t3

.Lreturn:
    /* x1 and x3..x31 (x2 is sp) at their index * 8 */
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld      x\n, \n*8(sp)
    .endr
    csrrw   sp, mscratch, sp
    mret

.Lunskippable:
    la      sp, trap_frame  /* the top of trap_stack */
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    csrr    a0, mcause
    csrr    a1, mepc
    csrr    a2, mtval
    call    rt_unexpected_trap          /* reports, exits 255 */
1:  j       1b
