/*
 * tests/difftest/fp-difftest-stubs.S: one small function per operation and
 * variant of fp-difftest-ops.h, for the guest driver fp-difftest-guest.c.
 * Each takes the raw 64-bit operands in a0, a1, a2 (f register contents,
 * so singles arrive boxed or not, as the driver chose; or x values), runs
 * the instruction once on cleared fflags and returns the raw 64-bit result
 * in a0 (the whole f or x register; for ST the memory doubleword after the
 * store) and fflags in a1.  fpd_stubs[op][variant] is the table.
 */
#include "fp-difftest-ops.h"

    .section .text.fpd_stubs, "ax", @progbits
    .balign 4

    .globl fpd_set_frm
fpd_set_frm:
    csrw    frm, a0
    ret

.macro FPD_ENTRY name, v
fpd_\name\()_\v:
.endm

.macro FPD_RESULT_F
    fmv.x.d a0, ft0
    csrr    a1, fflags
    ret
.endm

.macro FPD_RESULT_X
    csrr    a1, fflags
    ret
.endm

/* Expand m for the six rounding variants. */
.macro FPD_RM6 m, name, insn
    \m      \name, \insn, 0, rne
    \m      \name, \insn, 1, rtz
    \m      \name, \insn, 2, rdn
    \m      \name, \insn, 3, rup
    \m      \name, \insn, 4, rmm
    \m      \name, \insn, 5, dyn
.endm

/* Operations without variants answer to all six. */
.macro FPD_ALIASES name
    FPD_ENTRY \name, 0
    FPD_ENTRY \name, 1
    FPD_ENTRY \name, 2
    FPD_ENTRY \name, 3
    FPD_ENTRY \name, 4
    FPD_ENTRY \name, 5
.endm

.macro FRR_ONE name, insn, v, rm
    FPD_ENTRY \name, \v
    fmv.d.x ft1, a0
    fmv.d.x ft2, a1
    csrwi   fflags, 0
    \insn   ft0, ft1, ft2, \rm
    FPD_RESULT_F
.endm
.macro STUB_FRR name, insn
    FPD_RM6 FRR_ONE, \name, \insn
.endm

.macro FRRR_ONE name, insn, v, rm
    FPD_ENTRY \name, \v
    fmv.d.x ft1, a0
    fmv.d.x ft2, a1
    fmv.d.x ft3, a2
    csrwi   fflags, 0
    \insn   ft0, ft1, ft2, ft3, \rm
    FPD_RESULT_F
.endm
.macro STUB_FRRR name, insn
    FPD_RM6 FRRR_ONE, \name, \insn
.endm

.macro FR_ONE name, insn, v, rm
    FPD_ENTRY \name, \v
    fmv.d.x ft1, a0
    csrwi   fflags, 0
    \insn   ft0, ft1, \rm
    FPD_RESULT_F
.endm
.macro STUB_FR name, insn
    FPD_RM6 FR_ONE, \name, \insn
.endm

.macro XR_ONE name, insn, v, rm
    FPD_ENTRY \name, \v
    fmv.d.x ft1, a0
    csrwi   fflags, 0
    \insn   a0, ft1, \rm
    FPD_RESULT_X
.endm
.macro STUB_XR name, insn
    FPD_RM6 XR_ONE, \name, \insn
.endm

.macro FXR_ONE name, insn, v, rm
    FPD_ENTRY \name, \v
    csrwi   fflags, 0
    \insn   ft0, a0, \rm
    FPD_RESULT_F
.endm
.macro STUB_FXR name, insn
    FPD_RM6 FXR_ONE, \name, \insn
.endm

.macro STUB_FRRN name, insn
    FPD_ALIASES \name
    fmv.d.x ft1, a0
    fmv.d.x ft2, a1
    csrwi   fflags, 0
    \insn   ft0, ft1, ft2
    FPD_RESULT_F
.endm

.macro STUB_FRN name, insn
    FPD_ALIASES \name
    fmv.d.x ft1, a0
    csrwi   fflags, 0
    \insn   ft0, ft1
    FPD_RESULT_F
.endm

.macro STUB_XRRN name, insn
    FPD_ALIASES \name
    fmv.d.x ft1, a0
    fmv.d.x ft2, a1
    csrwi   fflags, 0
    \insn   a0, ft1, ft2
    FPD_RESULT_X
.endm

.macro STUB_XRN name, insn
    FPD_ALIASES \name
    fmv.d.x ft1, a0
    csrwi   fflags, 0
    \insn   a0, ft1
    FPD_RESULT_X
.endm

.macro STUB_FXN name, insn
    FPD_ALIASES \name
    csrwi   fflags, 0
    \insn   ft0, a0
    FPD_RESULT_F
.endm

/* Loads: the bits go through memory (a0 into the scratch doubleword). */
.macro STUB_LD name, insn
    FPD_ALIASES \name
    la      t0, fpd_scratch
    sd      a0, 0(t0)
    csrwi   fflags, 0
    \insn   ft0, 0(t0)
    FPD_RESULT_F
.endm

/* Stores: fs1 = a0 stored over a doubleword holding a1. */
.macro STUB_ST name, insn
    FPD_ALIASES \name
    la      t0, fpd_scratch
    sd      a1, 0(t0)
    fmv.d.x ft1, a0
    csrwi   fflags, 0
    \insn   ft1, 0(t0)
    ld      a0, 0(t0)
    FPD_RESULT_X
.endm

.macro STUB_IRR name, insn
    FPD_ALIASES \name
    \insn   a0, a0, a1
    li      a1, 0
    ret
.endm

.macro STUB_IR name, insn
    FPD_ALIASES \name
    \insn   a0, a0
    li      a1, 0
    ret
.endm

/* Immediates 0, 1, 7, 31, 32, 63 (word rotates: 0, 1, 7, 31, 16, 30). */
.macro IRI_ONE name, insn, v, imm
    FPD_ENTRY \name, \v
    \insn   a0, a0, \imm
    li      a1, 0
    ret
.endm
.macro STUB_IRI name, insn
    IRI_ONE \name, \insn, 0, 0
    IRI_ONE \name, \insn, 1, 1
    IRI_ONE \name, \insn, 2, 7
    IRI_ONE \name, \insn, 3, 31
.ifc \insn, roriw
    IRI_ONE \name, \insn, 4, 16
    IRI_ONE \name, \insn, 5, 30
.else
    IRI_ONE \name, \insn, 4, 32
    IRI_ONE \name, \insn, 5, 63
.endif
.endm

#define FPD_STUB(name, shape, in, insn) STUB_##shape name, insn ;
FP_DIFFTEST_OPS(FPD_STUB)

    .section .rodata.fpd_stubs, "a", @progbits
    .balign 8
    .globl fpd_stubs
fpd_stubs:
#define FPD_ROW(name, shape, in, insn) \
    .dword fpd_##name##_0, fpd_##name##_1, fpd_##name##_2, fpd_##name##_3, \
           fpd_##name##_4, fpd_##name##_5 ;
FP_DIFFTEST_OPS(FPD_ROW)

    .section .bss.fpd_scratch, "aw", @nobits
    .balign 8
fpd_scratch:
    .zero   8
