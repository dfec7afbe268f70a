/*
 * roms/tests/fp-fs-dirty-on-flag-accrual.S: fflags is FP state, so an FP
 * instruction that writes only an x register (a compare, a conversion to
 * an integer) makes mstatus.FS Dirty (and sets SD) when it raises a flag,
 * as writing fflags through the CSR does.  (QEMU 7.2 leaves FS Clean.)
 */
#include "fp-test.h"

/* Fail with case n unless mstatus.FS == fs and SD == sd. */
.macro CHECK_FS n, fs, sd
    csrr    a3, mstatus
    srli    a4, a3, 13
    andi    a4, a4, 3
    CHECK   \n, a4, \fs
    srli    a4, a3, 63
    CHECK   \n, a4, \sd
.endm

.macro SET_FS_CLEAN
    li      t6, MSTATUS_FS
    csrc    mstatus, t6
    li      t6, MSTATUS_FS_CLEAN
    csrs    mstatus, t6
.endm

    .text
    .globl main
main:
    FP_ENABLE
    FP_LOAD ft1, 0x3fd5555555555555     /* ~1/3 */
    FP_LOAD ft2, 0x7ff0000000000001     /* a signalling NaN */
    SET_FS_CLEAN
    CHECK_FS 1, 2, 0
    fcvt.w.d a3, ft1                    /* inexact: NX */
    CHECK_FS 2, 3, 1
    csrr    a3, fflags
    CHECK   3, a3, NX
    csrwi   fflags, 0
    SET_FS_CLEAN
    feq.d   a3, ft2, ft1                /* signalling NaN: NV */
    CHECK_FS 4, 3, 1
    csrr    a3, fflags
    CHECK   5, a3, NV
    GROUP_OK "flag accrual dirties FS"
    TEST_PASS
