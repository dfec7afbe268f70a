/*
 * roms/common/crt0.S: start-up code of every lemu guest program.  Hart 0
 * sets gp, tp (picolibc's TLS block) and sp, installs a trap vector that
 * reports any unexpected trap and exits, clears .tbss and .bss, calls
 * main(0, 0) and exits through HTIF with main's return value.  Every other
 * hart parks in wfi, so a program behaves the same with -smp N.
 */
    .section .text.init, "ax", @progbits
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    csrr    t0, mhartid
    bnez    t0, 2f

    la      tp, __tls_base
    la      sp, __stack
    la      t0, rt_unexpected_trap_entry
    csrw    mtvec, t0

    /* .tbss and .bss start and end 8-byte aligned (link.ld). */
    la      t0, __tbss_start
    la      t1, __tbss_end
    call    rt_zero_range
    la      t0, __bss_start
    la      t1, __bss_end
    call    rt_zero_range

    li      a0, 0
    li      a1, 0
    call    main
    call    exit
1:  j       1b

2:  wfi
    j       2b

/* Zero [t0, t1), both 8-byte aligned; clobbers t0 only. */
rt_zero_range:
    bgeu    t0, t1, 1f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       rt_zero_range
1:  ret

/*
 * Any trap the program did not ask for: save nothing (we never return),
 * hand mcause/mepc/mtval to C on a fresh stack.
 */
    .align  2
    .globl  rt_unexpected_trap_entry
rt_unexpected_trap_entry:
    la      sp, __stack
    csrr    a0, mcause
    csrr    a1, mepc
    csrr    a2, mtval
    call    rt_unexpected_trap
1:  j       1b
