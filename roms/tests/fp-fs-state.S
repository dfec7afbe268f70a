/*
 * roms/tests/fp-fs-state.S: mstatus.FS, the state of the F/D unit.  misa
 * reports F and D.  FS is Off at reset; while it is Off every FP
 * instruction (loads, stores and their compressed forms, arithmetic,
 * moves, compares, conversions) and every access to fflags, frm and fcsr
 * is an illegal instruction, and the f registers keep their values.  Any
 * write of an f register, of fflags or frm makes FS Dirty and sets SD;
 * writing FS back to Clean clears SD.  (An instruction that writes only
 * fflags and an x register: fp-fs-dirty-on-flag-accrual.S.)
 * The same code run with FS Off and then on (and the other way round)
 * behaves according to FS each time: translations made under one FS state
 * are not reused under another.
 */
#include "fp-test.h"

    .equ    MISA_D, 1 << 3
    .equ    MISA_F, 1 << 5

/* `insn` must raise an illegal-instruction trap at label, mtval its bits. */
.macro ILLEGAL n, count, label, insn:vararg
\label:
    \insn
    la      t5, trap_last
    ld      t4, TRAP_COUNT(t5)
    CHECK   \n, t4, \count
    ld      t4, TRAP_MCAUSE(t5)
    CHECK   \n, t4, MCAUSE_ILLEGAL_INSN
    ld      t4, TRAP_MEPC(t5)
    la      t3, \label
    CHECKR  \n, t4, t3
.endm

/* Fail with case n unless mstatus.FS == fs and SD == sd. */
.macro CHECK_FS n, fs, sd
    csrr    a3, mstatus
    srli    a4, a3, 13
    andi    a4, a4, 3
    CHECK   \n, a4, \fs
    srli    a4, a3, 63
    CHECK   \n, a4, \sd
.endm

/* Set mstatus.FS to fs (0..3). */
.macro SET_FS fs
    li      t6, MSTATUS_FS
    csrc    mstatus, t6
    li      t6, (\fs) << 13
    csrs    mstatus, t6
.endm

    .data
    .balign 8
fs_data:
    .dword  0x4000000000000000
    .dword  0

    .text
    /* The same code under different FS states (see the last group). */
    .balign 4
fs_probe:
    fmv.d.x ft7, a1
    fmv.x.d a2, ft7
    ret

    .globl main
main:
    csrr    a3, misa
    andi    a3, a3, MISA_F | MISA_D
    CHECK   1, a3, MISA_F | MISA_D
    CHECK_FS 2, 0, 0                    /* Off at reset */
    GROUP_OK "misa, FS at reset"

    call    trap_install
    la      s0, fs_data
    ILLEGAL 10, 1, off_flw, flw ft0, 0(s0)
    ILLEGAL 11, 2, off_fld, fld ft0, 0(s0)
    ILLEGAL 12, 3, off_fsw, fsw ft0, 8(s0)
    ILLEGAL 13, 4, off_fsd, fsd ft0, 8(s0)
    .option push
    .option rvc
    ILLEGAL 14, 5, off_cfld, c.fld fs0, 0(s0)
    ILLEGAL 15, 6, off_cfsd, c.fsd fs0, 8(s0)
    ILLEGAL 16, 7, off_cfldsp, c.fldsp ft0, 0(sp)
    ILLEGAL 17, 8, off_cfsdsp, c.fsdsp ft0, 8(sp)
    .option pop
    ILLEGAL 18, 9, off_fadd, fadd.s ft0, ft1, ft2
    ILLEGAL 19, 10, off_fmadd, fmadd.d ft0, ft1, ft2, ft3
    ILLEGAL 20, 11, off_fsqrt, fsqrt.d ft0, ft1
    ILLEGAL 21, 12, off_fsgnj, fsgnj.d ft0, ft1, ft2
    ILLEGAL 22, 13, off_fmin, fmin.s ft0, ft1, ft2
    ILLEGAL 23, 14, off_feq, feq.d a3, ft1, ft2
    ILLEGAL 24, 15, off_fclass, fclass.s a3, ft1
    ILLEGAL 25, 16, off_fcvt1, fcvt.w.d a3, ft1
    ILLEGAL 26, 17, off_fcvt2, fcvt.s.l ft0, a1
    ILLEGAL 27, 18, off_fcvt3, fcvt.d.s ft0, ft1
    ILLEGAL 28, 19, off_fmvxw, fmv.x.w a3, ft1
    ILLEGAL 29, 20, off_fmvwx, fmv.w.x ft0, a1
    ILLEGAL 30, 21, off_fmvxd, fmv.x.d a3, ft1
    ILLEGAL 31, 22, off_fmvdx, fmv.d.x ft0, a1
    ILLEGAL 32, 23, off_rdflags, csrr a3, fflags
    ILLEGAL 33, 24, off_wrfrm, csrwi frm, 1
    ILLEGAL 34, 25, off_rdfcsr, csrr a3, fcsr
    ILLEGAL 35, 26, off_wrfcsr, csrw fcsr, zero
    CHECK_FS 36, 0, 0
    GROUP_OK "FS=Off: FP instructions and CSRs are illegal"

    SET_FS  1
    CHECK_FS 40, 1, 0                   /* Initial */
    csrr    a3, fcsr                    /* reading changes nothing */
    CHECK_FS 41, 1, 0
    li      a1, 0x3ff0000000000000
    fmv.d.x ft1, a1                     /* an f register write */
    CHECK_FS 42, 3, 1                   /* Dirty, and SD */
    SET_FS  2
    CHECK_FS 43, 2, 0                   /* Clean: SD follows */
    fmv.x.d a3, ft1                     /* registers kept their values */
    CHECK   44, a3, 0x3ff0000000000000
    csrwi   fflags, 1
    CHECK_FS 45, 3, 1
    SET_FS  2
    csrwi   frm, 0
    CHECK_FS 46, 3, 1
    SET_FS  2
    fld     ft2, 0(s0)
    CHECK_FS 47, 3, 1
    SET_FS  2
    fsw     ft2, 8(s0)                  /* a store writes no FP state */
    csrwi   fflags, 0
    SET_FS  2
    li      a1, 3
    fcvt.d.l ft3, a1                    /* exact, but writes ft3 */
    CHECK_FS 48, 3, 1
    SET_FS  2
    fdiv.d  ft3, ft1, ft3               /* 1/3 */
    CHECK_FS 49, 3, 1
    csrwi   fflags, 0
    CHECK_TRAP_COUNT 52, 26
    GROUP_OK "FS Initial/Clean -> Dirty"

    /* FS off again: the registers survive, and come back when FS is on */
    SET_FS  0
    ILLEGAL 60, 27, off_again, fmv.x.d a3, ft1
    SET_FS  1
    fmv.x.d a3, ft1
    CHECK   61, a3, 0x3ff0000000000000
    GROUP_OK "FS=Off keeps the registers"

    /* one piece of code, translated under each FS state in turn */
    SET_FS  0
    li      a1, 0x1234
    li      a2, 0
    TRAP_RESUME_AT probe1_done
    call    fs_probe                    /* traps: FS is Off */
probe1_done:
    CHECK   70, a2, 0
    CHECK_TRAP_COUNT 71, 28
    SET_FS  1
    li      a1, 0x5678
    call    fs_probe                    /* now runs */
    CHECK   72, a2, 0x5678
    CHECK_FS 73, 3, 1
    call    fs_probe                    /* and again, with FS Dirty */
    CHECK   74, a2, 0x5678
    SET_FS  0
    li      a1, 0x9abc
    li      a2, 0
    TRAP_RESUME_AT probe2_done
    call    fs_probe                    /* Off again: traps again */
probe2_done:
    CHECK   75, a2, 0
    CHECK_TRAP_COUNT 76, 29
    SET_FS  2
    call    fs_probe
    CHECK   77, a2, 0x9abc
    GROUP_OK "translations follow FS"

    TEST_PASS
