/*
 * roms/virt/vtrap.S: the M-mode and S-mode trap handlers, vrt_call and the
 * access probes described in vtrap.h.  The two handlers are one macro
 * instantiated with the CSR prefix (m or s) and the handler's privilege.
 * Nothing here is compressed, so a probe's epc and the step over it are
 * fixed.
 */
#include "vtrap.h"

    .option norvc

    .bss
    .align  4
vtrap_stack:
    .space  2048            /* the report-and-exit path only */
vtrap_stack_top:
vtrap_m_frame:
    .space  32 * 8
vtrap_s_frame:
    .space  32 * 8
vrt_call_ctx:
    .space  16 * 8          /* ra, sp, gp, tp, s0-s11 */

    .globl  vtrap_m
    .globl  vtrap_s
    .align  3
vtrap_m:
    .space  VTRAP_SIZE
vtrap_s:
    .space  VTRAP_SIZE

    .text
    .globl  vtrap_install
vtrap_install:
    la      t0, vtrap_m_frame
    csrw    mscratch, t0
    la      t0, vtrap_s_frame
    csrw    sscratch, t0
    la      t0, vtrap_m_entry
    csrw    mtvec, t0
    la      t0, vtrap_s_entry
    csrw    stvec, t0
    /* fall through */
    .globl  vtrap_clear
vtrap_clear:
    la      t0, vtrap_m
    la      t1, vtrap_s + VTRAP_SIZE
1:  sd      zero, 0(t0)
    addi    t0, t0, 8
    bltu    t0, t1, 1b
    ret

.macro SAVE_REGS
    /* x1 and x3..x31 (x2 is sp) at their index * 8 */
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd      x\n, \n*8(sp)
    .endr
.endm

.macro RESTORE_REGS
    /* x1 and x3..x31 (x2 is sp) at their index * 8 */
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld      x\n, \n*8(sp)
    .endr
.endm

/*
 * The handler for prefix x (m or s), privilege prv, record rec.  On entry
 * sp and xscratch are swapped: sp is the frame, xscratch the trapped sp,
 * and they are swapped back on the way out.
 */
.macro VTRAP_HANDLER x, prv, rec
    .align  2
    .globl  vtrap_\x\()_entry
vtrap_\x\()_entry:
    csrrw   sp, \x\()scratch, sp
    SAVE_REGS

    csrr    t1, \x\()cause
    /* The return ecall of vrt_call: from U or S (M handler: also from M). */
    bltz    t1, 2f
    ld      t0, 17*8(sp)                /* the trapped a7 */
    li      t2, VTRAP_ECALL_RETURN
    bne     t0, t2, 2f
    li      t2, CAUSE_ECALL_U
    beq     t1, t2, .Lvtrap_\x\()_return_ecall
    .if \prv == PRV_M
    li      t2, CAUSE_ECALL_S
    beq     t1, t2, .Lvtrap_\x\()_return_ecall
    li      t2, CAUSE_ECALL_M
    beq     t1, t2, .Lvtrap_\x\()_return_ecall
    .endif
2:
    la      t0, \rec
    ld      t2, VTRAP_COUNT(t0)
    addi    t2, t2, 1
    sd      t2, VTRAP_COUNT(t0)
    li      t3, VTRAP_LOG_LEN
    bgtu    t2, t3, 3f
    slli    t3, t2, 3
    add     t3, t3, t0
    sd      t1, VTRAP_LOG - 8(t3)
3:  li      t3, VTRAP_MAX_TRAPS
    bgtu    t2, t3, .Lvtrap_\x\()_too_many
    sd      t1, VTRAP_CAUSE(t0)
    csrr    t2, \x\()epc
    sd      t2, VTRAP_EPC(t0)
    csrr    t3, \x\()tval
    sd      t3, VTRAP_TVAL(t0)
    csrr    t3, \x\()status
    sd      t3, VTRAP_STATUS(t0)

    bltz    t1, .Lvtrap_\x\()_interrupt
    ld      t3, VTRAP_RESUME(t0)
    beqz    t3, .Lvtrap_\x\()_skip
    sd      zero, VTRAP_RESUME(t0)
    csrw    \x\()epc, t3
    .if \prv == PRV_M
    li      t3, MSTATUS_MPP             /* resume in M */
    csrs    mstatus, t3
    .else
    li      t3, MSTATUS_SPP             /* resume in S */
    csrs    sstatus, t3
    .endif
    j       .Lvtrap_\x\()_out

.Lvtrap_\x\()_skip:
    /* A fetch fault has no instruction to step over: back to ra. */
    li      t3, CAUSE_FETCH_MISALIGNED
    beq     t1, t3, 4f
    li      t3, CAUSE_FETCH_ACCESS
    beq     t1, t3, 4f
    li      t3, CAUSE_FETCH_PAGE
    beq     t1, t3, 4f

    /* Read the instruction's low halfword at epc (t2) as the trapped code
     * sees it. */
    csrr    t5, \x\()status
    .if \prv == PRV_M
    li      t3, MSTATUS_MPP
    and     t3, t5, t3
    li      t4, MSTATUS_MPP
    beq     t3, t4, 5f                  /* from M: physical */
    csrr    t3, satp
    srli    t3, t3, 60
    beqz    t3, 5f                      /* Bare: physical */
    li      t3, MSTATUS_MPRV | MSTATUS_MXR
    csrs    mstatus, t3
5:  lhu     t3, 0(t2)
    csrw    mstatus, t5
    .else
    li      t3, MSTATUS_SUM | MSTATUS_MXR
    csrs    sstatus, t3
    lhu     t3, 0(t2)
    csrw    sstatus, t5
    .endif
    andi    t3, t3, 3
    li      t4, 3
    addi    t2, t2, 2
    bne     t3, t4, 6f
    addi    t2, t2, 2
6:  csrw    \x\()epc, t2
    j       .Lvtrap_\x\()_out

4:  ld      t3, 1*8(sp)                 /* the trapped ra */
    csrw    \x\()epc, t3
    j       .Lvtrap_\x\()_out

.Lvtrap_\x\()_interrupt:
    slli    t1, t1, 1
    srli    t1, t1, 1
    li      t3, 1
    sll     t3, t3, t1
    csrc    \x\()ie, t3

.Lvtrap_\x\()_out:
    RESTORE_REGS
    csrrw   sp, \x\()scratch, sp
    \x\()ret

.Lvtrap_\x\()_return_ecall:
    .if \prv == PRV_M
    /* Back to vrt_call in M with the result in a0; mscratch = frame. */
    csrw    mscratch, sp
    ld      a0, 10*8(sp)
    la      t0, vrt_call_back
    csrw    mepc, t0
    li      t0, MSTATUS_MPP
    csrs    mstatus, t0
    li      t0, MSTATUS_MPIE            /* back in M with MIE = 0 */
    csrc    mstatus, t0
    mret
    .else
    /* Forward to M: the same ecall, now from S. */
    RESTORE_REGS
    csrrw   sp, sscratch, sp
    ecall
1:  j       1b
    .endif

.Lvtrap_\x\()_too_many:
    la      sp, vtrap_stack_top
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    csrr    a0, \x\()cause
    csrr    a1, \x\()epc
    csrr    a2, \x\()tval
    la      a3, vtrap_too_many_msg
    call    vrt_puts_early
    call    rt_unexpected_trap_report
1:  j       1b
.endm

    VTRAP_HANDLER m, PRV_M, vtrap_m
    VTRAP_HANDLER s, PRV_S, vtrap_s

/* a3: a message; keeps a0-a2 for the report. */
vrt_puts_early:
    addi    sp, sp, -32
    sd      ra, 0(sp)
    sd      a0, 8(sp)
    sd      a1, 16(sp)
    sd      a2, 24(sp)
    mv      a0, a3
    call    vrt_puts
    ld      ra, 0(sp)
    ld      a0, 8(sp)
    ld      a1, 16(sp)
    ld      a2, 24(sp)
    addi    sp, sp, 32
    ret

/* Like rt_unexpected_trap, but exit status 254. */
rt_unexpected_trap_report:
    addi    sp, sp, -32
    sd      a0, 0(sp)
    sd      a1, 8(sp)
    sd      a2, 16(sp)
    la      a0, vtrap_cause_msg
    call    vrt_puts
    ld      a0, 0(sp)
    call    vrt_puthex
    la      a0, vtrap_epc_msg
    call    vrt_puts
    ld      a0, 8(sp)
    call    vrt_puthex
    la      a0, vtrap_tval_msg
    call    vrt_puts
    ld      a0, 16(sp)
    call    vrt_puthex
    li      a0, '\n'
    call    vrt_putchar
    li      a0, 254
    call    vrt_exit
1:  j       1b

    .section .rodata.vtrap_msgs, "a"
vtrap_too_many_msg:
    .string "vtrap: too many traps, last: "
vtrap_cause_msg:
    .string "cause="
vtrap_epc_msg:
    .string " epc="
vtrap_tval_msg:
    .string " tval="

    .text
/* uint64_t vrt_call_offset(mode, fn, arg0, arg1, offset); vrt_call: offset 0. */
    .globl  vrt_call
vrt_call:
    li      a4, 0
    .globl  vrt_call_offset
vrt_call_offset:
    la      t0, vrt_call_ctx
    sd      ra, 0*8(t0)
    sd      sp, 1*8(t0)
    sd      gp, 2*8(t0)
    sd      tp, 3*8(t0)
    sd      s0, 4*8(t0)
    sd      s1, 5*8(t0)
    sd      s2, 6*8(t0)
    sd      s3, 7*8(t0)
    sd      s4, 8*8(t0)
    sd      s5, 9*8(t0)
    sd      s6, 10*8(t0)
    sd      s7, 11*8(t0)
    sd      s8, 12*8(t0)
    sd      s9, 13*8(t0)
    sd      s10, 14*8(t0)
    sd      s11, 15*8(t0)
    li      t1, MSTATUS_MPP | MSTATUS_MPIE  /* fn in M runs with MIE = 0 */
    csrc    mstatus, t1
    andi    a0, a0, 3
    slli    t1, a0, 11
    csrs    mstatus, t1
    add     t2, a1, a4
    csrw    mepc, t2
    la      ra, vrt_call_return_stub
    add     ra, ra, a4
    add     sp, sp, a4
    add     gp, gp, a4
    add     tp, tp, a4
    mv      a0, a2
    mv      a1, a3
    mret

/* fn returns here, in its own mode. */
    .globl  vrt_call_return_stub
vrt_call_return_stub:
    li      a7, VTRAP_ECALL_RETURN
    ecall
1:  j       1b

/* The M handler comes here with fn's result in a0. */
vrt_call_back:
    la      t0, vrt_call_ctx
    ld      ra, 0*8(t0)
    ld      sp, 1*8(t0)
    ld      gp, 2*8(t0)
    ld      tp, 3*8(t0)
    ld      s0, 4*8(t0)
    ld      s1, 5*8(t0)
    ld      s2, 6*8(t0)
    ld      s3, 7*8(t0)
    ld      s4, 8*8(t0)
    ld      s5, 9*8(t0)
    ld      s6, 10*8(t0)
    ld      s7, 11*8(t0)
    ld      s8, 12*8(t0)
    ld      s9, 13*8(t0)
    ld      s10, 14*8(t0)
    ld      s11, 15*8(t0)
    ret

/* The probes. */
.macro PROBE_LOAD name, insn
    .globl  vrt_\name
    .globl  vrt_\name\()_insn
vrt_\name:
    mv      t0, a0
    li      a0, VRT_NO_VALUE
vrt_\name\()_insn:
    \insn   a0, 0(t0)
    ret
.endm

.macro PROBE_STORE name, insn
    .globl  vrt_\name
    .globl  vrt_\name\()_insn
vrt_\name:
vrt_\name\()_insn:
    \insn   a1, 0(a0)
    ret
.endm

    PROBE_LOAD ld, ld
    PROBE_LOAD lw, lw
    PROBE_LOAD lbu, lbu
    PROBE_STORE sd, sd
    PROBE_STORE sw, sw
    PROBE_STORE sb, sb

    .globl  vrt_amoadd_d
    .globl  vrt_amoadd_d_insn
vrt_amoadd_d:
    mv      t0, a0
    li      a0, VRT_NO_VALUE
vrt_amoadd_d_insn:
    amoadd.d a0, a1, (t0)
    ret

    .globl  vrt_exec
    .globl  vrt_exec_insn
vrt_exec:
    addi    sp, sp, -16
    sd      ra, 8(sp)
    mv      t0, a0
    li      a0, VRT_NO_VALUE
vrt_exec_insn:
    jalr    ra, 0(t0)
    ld      ra, 8(sp)
    addi    sp, sp, 16
    ret

/* One instruction each, returning a0 unchanged when stepped over. */
.macro PROBE_INSN name, insn:vararg
    .globl  vrt_\name
    .globl  vrt_\name\()_insn
vrt_\name:
vrt_\name\()_insn:
    \insn
    ret
.endm

    PROBE_INSN ebreak, ebreak
    PROBE_INSN illegal, .word 0x0000000b    /* custom-0: reserved */
    PROBE_INSN wfi, wfi
    PROBE_INSN sret, sret
    PROBE_INSN mret, mret
    PROBE_INSN sfence, sfence.vma

    .globl  vrt_ecall
    .globl  vrt_ecall_insn
vrt_ecall:
    li      a7, 0                       /* never the return ecall */
vrt_ecall_insn:
    ecall
    ret

    .globl  vrt_lr_d
    .globl  vrt_lr_d_insn
vrt_lr_d:
    mv      t0, a0
    li      a0, VRT_NO_VALUE
vrt_lr_d_insn:
    lr.d    a0, (t0)
    ret
