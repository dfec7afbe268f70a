/*
 * tests/system/smp-lr-sc.S: an M-mode program for -M virt -smp 2 (-bios,
 * linked at 0x80000000) that pins the A extension's rule for SC: it may
 * succeed only if no store from another hart to the reservation set can be
 * observed between the LR and the SC.  Hart 0 reserves `word` (0) with
 * lr.w, then waits until hart 1 has stored 7 and 0 to it and raised `flag`;
 * its sc.w must fail, although `word` holds the value LR read again.  An
 * emulator whose SC compares values (QEMU 7.2, as lemu did) lets it
 * succeed.  Ends through the SiFive test finisher: exit 0 when SC failed,
 * exit 1 when it succeeded.  Hart ids above 1 sleep.  test-boot-uboot.py
 * runs it as the case smp2-lr-sc.
 */
    .section .text.start, "ax"
    .globl _start
_start:
    csrr t0, mhartid
    la s0, word
    la s1, flag
    bnez t0, other_hart

    lr.w t1, (s0)
1:  lw t2, (s1)
    beqz t2, 1b
    li t3, 5
    sc.w t4, t3, (s0)
    li t5, 0x100000
    li t6, 0x5555           /* pass */
    bnez t4, 2f
    li t6, 0x13333          /* fail, exit status 1 */
2:  sw t6, (t5)
3:  j 3b

other_hart:
    li t0, 1
    bne a0, t0, 4f
    li t1, 7
    sw t1, (s0)
    sw zero, (s0)
    fence w, w
    li t1, 1
    sw t1, (s1)
4:  wfi
    j 4b

    .data
    .balign 64
word: .word 0
    .balign 64
flag: .word 0
