/*
 * roms/tests/zicntr-time.S: the time CSR (rdtime) is readable in M-mode,
 * never goes backwards, and shows the CLINT's mtime (0x200bff8 on the
 * spike board): a read of time falls between two reads of mtime around it.
 * qemu-system-riscv64 7.2's spike board provides no time CSR (rdtime is an
 * illegal instruction there), so the differential test expects this rom to
 * differ there.
 */
#include "test.h"

    .equ    CLINT_MTIME, 0x200bff8

    .text
    .globl main
main:
    rdtime  a1
    rdtime  a2
    bltu    a2, a1, 9f
    li      s0, CLINT_MTIME
    ld      a1, 0(s0)
    rdtime  a2
    ld      a3, 0(s0)
    bltu    a2, a1, 9f
    bltu    a3, a2, 9f
    GROUP_OK "time"
    TEST_PASS
9:  li      a0, 1
    tail    test_fail
