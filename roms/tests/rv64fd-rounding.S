/*
 * roms/tests/rv64fd-rounding.S: rounding-mode selection and the FP CSRs.
 * fcsr = frm << 5 | fflags (bits 31:8 read 0); frm and fflags are its
 * fields; flags accrue until software clears them.  A static rm in the
 * instruction overrides frm; rm = dyn (7) uses frm.  Reserved modes: rm 5
 * or 6 in the instruction is an illegal instruction whatever frm holds;
 * dyn with frm holding 5, 6 or 7 is an illegal instruction when it runs
 * (mtval = the instruction), leaving the destination and fflags
 * unchanged, while instructions that do not round still run.  Conversions
 * that never round (fcvt.d.w, fcvt.d.s) check their rm field all the same.
 */
#include "fp-test.h"

/* Run `insn` with frm = mode; ft0 (and fflags) must then hold exp (flags). */
.macro DYN n, mode, exp, flags, insn:vararg
    fsrmi   \mode
    \insn
    FP_CHECK_F \n, ft0, \exp, \flags
.endm

/* `insn` must raise an illegal-instruction trap at label, mtval its bits. */
.macro ILLEGAL n, count, label, bits, insn:vararg
\label:
    \insn
    CHECK_TRAP \n, \count, MCAUSE_ILLEGAL_INSN, \label, \bits
.endm

    .text
    .globl main
main:
    FP_ENABLE

    /* ---- the CSRs */
    li      a1, 0xff
    csrw    fcsr, a1
    csrr    a3, fcsr
    CHECK   1, a3, 0xff
    csrr    a3, frm
    CHECK   2, a3, 7
    csrr    a3, fflags
    CHECK   3, a3, 0x1f
    li      a1, -1
    csrw    fcsr, a1                    /* bits 31:8 are reserved: read 0 */
    csrr    a3, fcsr
    CHECK   4, a3, 0xff
    csrwi   fflags, 0
    csrr    a3, fcsr
    CHECK   5, a3, 0xe0
    li      a1, 0x2a
    csrw    frm, a1                     /* 3 bits */
    csrr    a3, frm
    CHECK   6, a3, 2
    csrr    a3, fcsr
    CHECK   7, a3, 0x40
    li      a1, 0x3b
    csrw    fflags, a1                  /* 5 bits */
    csrr    a3, fflags
    CHECK   8, a3, 0x1b
    csrr    a3, fcsr
    CHECK   9, a3, 0x5b
    csrrci  a3, fflags, 0x3             /* csrrc on a field */
    CHECK   10, a3, 0x1b
    csrr    a3, fcsr
    CHECK   11, a3, 0x58
    fsrmi   a3, 4                       /* swap: the old mode out */
    CHECK   12, a3, 2
    frrm    a3
    CHECK   13, a3, 4
    fsflagsi a3, 0
    CHECK   14, a3, 0x18
    frcsr   a3
    CHECK   15, a3, 0x80
    fscsr   zero
    GROUP_OK "fcsr/frm/fflags"

    /* ---- flags accrue over several operations and are only cleared by software */
    FP_LOAD ft1, BOX(S_ONE)
    FP_LOAD ft2, BOX(0x40400000)        /* 3.0 */
    fdiv.s  ft0, ft1, ft2               /* NX */
    FP_LOAD ft3, BOX(S_P0)
    fdiv.s  ft0, ft1, ft3               /* DZ */
    fadd.s  ft0, ft1, ft1               /* exact: no flag, nothing cleared */
    feq.s   a3, ft1, ft1
    csrr    a3, fflags
    CHECK   20, a3, DZ|NX
    FP_LOAD ft3, BOX(S_SNAN)
    feq.s   a3, ft3, ft1                /* NV from a compare */
    csrr    a3, fflags
    CHECK   21, a3, NV|DZ|NX
    fcvt.w.s a3, ft1, rtz               /* exact */
    csrr    a3, fflags
    CHECK   22, a3, NV|DZ|NX
    csrwi   fflags, 0
    GROUP_OK "accrued flags"

    /* ---- dynamic rounding: 1 + u/2 (a tie) in single, -1/3 in double */
    FP_LOAD ft1, BOX(S_ONE)
    FP_LOAD ft2, BOX(0x33800000)        /* 2^-24 */
    DYN     30, 0, BOX(0x3f800000), NX, fadd.s ft0, ft1, ft2, dyn
    DYN     31, 1, BOX(0x3f800000), NX, fadd.s ft0, ft1, ft2, dyn
    DYN     32, 2, BOX(0x3f800000), NX, fadd.s ft0, ft1, ft2, dyn
    DYN     33, 3, BOX(0x3f800001), NX, fadd.s ft0, ft1, ft2, dyn
    DYN     34, 4, BOX(0x3f800001), NX, fadd.s ft0, ft1, ft2, dyn
    FP_LOAD ft1, 0xbff0000000000000     /* -1 */
    FP_LOAD ft2, 0x4008000000000000     /* 3 */
    DYN     35, 0, 0xbfd5555555555555, NX, fdiv.d ft0, ft1, ft2, dyn
    DYN     36, 1, 0xbfd5555555555555, NX, fdiv.d ft0, ft1, ft2, dyn
    DYN     37, 2, 0xbfd5555555555556, NX, fdiv.d ft0, ft1, ft2, dyn
    DYN     38, 3, 0xbfd5555555555555, NX, fdiv.d ft0, ft1, ft2, dyn
    DYN     39, 4, 0xbfd5555555555555, NX, fdiv.d ft0, ft1, ft2, dyn
    /* fused multiply-add: (1 + u)^2 - 1 = 2u + u^2 in double, a tie */
    FP_LOAD ft1, 0x3ff0000000000001
    FP_LOAD ft2, 0xbff0000000000000
    DYN     40, 0, 0x3cc0000000000000, NX, fmadd.d ft0, ft1, ft1, ft2, dyn
    DYN     41, 3, 0x3cc0000000000001, NX, fmadd.d ft0, ft1, ft1, ft2, dyn
    DYN     42, 4, 0x3cc0000000000001, NX, fmadd.d ft0, ft1, ft1, ft2, dyn
    /* conversions to integer: -2.5 */
    FP_LOAD ft1, 0xc004000000000000
    fsrmi   0
    fcvt.w.d a3, ft1, dyn
    FP_CHECK_X 43, -2, NX
    fsrmi   2
    fcvt.l.d a3, ft1, dyn
    FP_CHECK_X 44, -3, NX
    fsrmi   4
    fcvt.w.d a3, ft1, dyn
    FP_CHECK_X 45, -3, NX
    fsrmi   1
    fcvt.w.d a3, ft1, dyn
    FP_CHECK_X 46, -2, NX
    /* integer to float: 2^24 + 1 to single */
    li      a1, 0x1000001
    fsrmi   3
    fcvt.s.w ft0, a1, dyn
    FP_CHECK_F 47, ft0, BOX(0x4b800001), NX
    fsrmi   2
    fcvt.s.l ft0, a1, dyn
    FP_CHECK_F 48, ft0, BOX(0x4b800000), NX
    /* a static mode overrides frm */
    FP_LOAD ft1, BOX(S_ONE)
    FP_LOAD ft2, BOX(0x33800000)
    fsrmi   3
    fadd.s  ft0, ft1, ft2, rtz
    FP_CHECK_F 49, ft0, BOX(0x3f800000), NX
    fadd.s  ft0, ft1, ft2, rne
    FP_CHECK_F 50, ft0, BOX(0x3f800000), NX
    fsrmi   0
    GROUP_OK "dynamic rounding"

    /* ---- reserved rounding modes */
    call    trap_install
    FP_LOAD ft0, 0x1111111111111111
    FP_LOAD ft1, BOX(S_ONE)
    FP_LOAD ft2, BOX(S_ONE)
    /* fadd.s ft0, ft1, ft2 with rm = 5 and 6: illegal whatever frm holds */
    ILLEGAL 60, 1, rm5, 0x00208053 | (5 << 12), .insn r OP_FP, 5, 0x00, ft0, ft1, ft2
    ILLEGAL 61, 2, rm6, 0x00208053 | (6 << 12), .insn r OP_FP, 6, 0x00, ft0, ft1, ft2
    /* fcvt.d.w ft0, a1 with rm = 5: the field is checked though nothing rounds */
    li      a1, 7
    ILLEGAL 62, 3, rm5cvt, 0xd2058053 | (5 << 12), .insn r OP_FP, 5, 0x69, ft0, a1, x0
    FP_CHECK_F 63, ft0, 0x1111111111111111, 0
    /* ... and any other static mode is fine for it */
    .insn r OP_FP, 3, 0x69, ft0, a1, x0 /* fcvt.d.w ft0, a1, rup */
    FP_CHECK_F 64, ft0, 0x401c000000000000, 0
    .insn r OP_FP, 4, 0x21, ft0, ft1, f0 /* fcvt.d.s ft0, ft1, rmm */
    FP_CHECK_F 65, ft0, 0x3ff0000000000000, 0
    CHECK_TRAP_COUNT 66, 3
    GROUP_OK "reserved rm"

    /* dynamic rounding with frm = 5, 6, 7: illegal when it runs */
    FP_LOAD ft0, 0x2222222222222222
    li      a1, 5
    csrw    frm, a1
    ILLEGAL 70, 4, dyn5, 0x0020f053, fadd.s ft0, ft1, ft2, dyn
    li      a1, 6
    csrw    frm, a1
    ILLEGAL 71, 5, dyn6, 0x0220f043, fmadd.d ft0, ft1, ft2, ft0, dyn
    li      a1, 7
    csrw    frm, a1
    ILLEGAL 72, 6, dyn7, 0x5800f053, fsqrt.s ft0, ft1, dyn
    ILLEGAL 73, 7, dyncvt, 0xc000f6d3, fcvt.w.s a3, ft1, dyn
    li      a1, 1
    ILLEGAL 74, 8, dyncvtd, 0xd205f053, .insn r OP_FP, 7, 0x69, ft0, a1, x0   /* fcvt.d.w, dyn */
    ILLEGAL 75, 9, dyncvtds, 0x4200f053, .insn r OP_FP, 7, 0x21, ft0, ft1, f0 /* fcvt.d.s, dyn */
    FP_CHECK_F 76, ft0, 0x2222222222222222, 0   /* nothing written, no flag */
    /* what does not round runs with frm invalid */
    fsgnjn.s ft0, ft1, ft1
    FP_CHECK_F 77, ft0, BOX(S_NONE), 0
    fmax.s  ft0, ft1, ft0
    FP_CHECK_F 78, ft0, BOX(S_ONE), 0
    fadd.s  ft0, ft1, ft2, rup
    FP_CHECK_F 79, ft0, BOX(0x40000000), 0
    feq.s   a3, ft1, ft2
    CHECK   80, a3, 1
    CHECK_TRAP_COUNT 81, 9
    /* frm valid again: the same dynamic instruction now runs */
    fsrmi   0
    fadd.s  ft0, ft1, ft2, dyn
    FP_CHECK_F 82, ft0, BOX(0x40000000), 0
    CHECK_TRAP_COUNT 83, 9
    GROUP_OK "reserved frm"

    TEST_PASS
