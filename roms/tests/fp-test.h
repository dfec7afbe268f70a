/*
 * roms/tests/fp-test.h: what the F/D ISA tests share: named special values
 * of both formats, the fflags bits, and one macro per instruction shape
 * that loads the operands, runs the instruction once and checks the whole
 * 64-bit destination register and the flags it raised (fflags is read and
 * cleared after each case).  Operands and results are bit patterns.
 *
 * Shapes (ft1, ft2, ft3 are the FP sources, ft0 the FP result, a1 the
 * integer source and a3 the integer result); rm may be left empty for the
 * instructions without a rounding mode:
 *   FP_RR    fd = op(fs1, fs2)         FP_R     fd = op(fs1)
 *   FP_R4    fd = op(fs1, fs2, fs3)    FP_X_R   xd = op(fs1)
 *   FP_X_RR  xd = op(fs1, fs2)         FP_F_X   fd = op(xs1)
 * The FP_S_* forms take and expect single-precision patterns and NaN-box
 * them (the expected register holds the boxed result); FP_D_* and the
 * plain forms use the 64-bit register contents as given.
 * Uses a1, a3, a4, t6 (and CHECK's scratch).
 */
#ifndef ROMS_TESTS_FP_TEST_H
#define ROMS_TESTS_FP_TEST_H

#include "test.h"

/* A single NaN-boxed in a 64-bit f register. */
#define BOX(v) (0xffffffff00000000|(v))

#define MSTATUS_FS 0x6000
#define MSTATUS_FS_INITIAL 0x2000
#define MSTATUS_FS_CLEAN 0x4000
#define MSTATUS_SD 0x8000000000000000

#ifdef __ASSEMBLER__

    .equ NX, 1
    .equ UF, 2
    .equ OF, 4
    .equ DZ, 8
    .equ NV, 16

    .equ S_P0, 0x00000000
    .equ S_N0, 0x80000000
    .equ S_ONE, 0x3f800000
    .equ S_NONE, 0xbf800000
    .equ S_PINF, 0x7f800000
    .equ S_NINF, 0xff800000
    .equ S_QNAN, 0x7fc00000          /* the canonical NaN */
    .equ S_NQNAN, 0xffc01234         /* a quiet NaN: negative, with a payload */
    .equ S_SNAN, 0x7f800001
    .equ S_NSNAN, 0xff805678
    .equ S_MAX, 0x7f7fffff           /* largest finite */
    .equ S_NMAX, 0xff7fffff
    .equ S_MINN, 0x00800000          /* smallest normal, 2^-126 */
    .equ S_NMINN, 0x80800000
    .equ S_MINS, 0x00000001          /* smallest subnormal, 2^-149 */
    .equ S_NMINS, 0x80000001
    .equ S_MAXS, 0x007fffff          /* largest subnormal */
    .equ S_NMAXS, 0x807fffff

    .equ D_P0, 0x0000000000000000
    .equ D_N0, 0x8000000000000000
    .equ D_ONE, 0x3ff0000000000000
    .equ D_NONE, 0xbff0000000000000
    .equ D_PINF, 0x7ff0000000000000
    .equ D_NINF, 0xfff0000000000000
    .equ D_QNAN, 0x7ff8000000000000  /* the canonical NaN */
    .equ D_NQNAN, 0xfff8000000001234
    .equ D_SNAN, 0x7ff0000000000001
    .equ D_NSNAN, 0xfff0000000005678
    .equ D_MAX, 0x7fefffffffffffff
    .equ D_NMAX, 0xffefffffffffffff
    .equ D_MINN, 0x0010000000000000  /* 2^-1022 */
    .equ D_NMINN, 0x8010000000000000
    .equ D_MINS, 0x0000000000000001  /* 2^-1074 */
    .equ D_NMINS, 0x8000000000000001
    .equ D_MAXS, 0x000fffffffffffff
    .equ D_NMAXS, 0x800fffffffffffff

/* mstatus.FS = Initial (FP instructions legal), fcsr = 0 (RNE, no flags). */
.macro FP_ENABLE
    li      t6, MSTATUS_FS_INITIAL
    csrs    mstatus, t6
    csrwi   fcsr, 0
.endm

/* Fail with case n unless f register freg holds exp and fflags is flags; clears fflags. */
.macro FP_CHECK_F n, freg, exp, flags
    fmv.x.d a3, \freg
    csrrwi  a4, fflags, 0
    CHECK   \n, a3, \exp
    CHECK   \n, a4, \flags
.endm

.macro FP_CHECK_X n, exp, flags
    csrrwi  a4, fflags, 0
    CHECK   \n, a3, \exp
    CHECK   \n, a4, \flags
.endm

.macro FP_LOAD freg, bits
    li      t6, \bits
    fmv.d.x \freg, t6
.endm

.macro FP_RR n, op, rm, exp, flags, a, b
    FP_LOAD ft1, \a
    FP_LOAD ft2, \b
.ifb \rm
    \op     ft0, ft1, ft2
.else
    \op     ft0, ft1, ft2, \rm
.endif
    FP_CHECK_F \n, ft0, \exp, \flags
.endm

.macro FP_R n, op, rm, exp, flags, a
    FP_LOAD ft1, \a
.ifb \rm
    \op     ft0, ft1
.else
    \op     ft0, ft1, \rm
.endif
    FP_CHECK_F \n, ft0, \exp, \flags
.endm

.macro FP_R4 n, op, rm, exp, flags, a, b, c
    FP_LOAD ft1, \a
    FP_LOAD ft2, \b
    FP_LOAD ft3, \c
    \op     ft0, ft1, ft2, ft3, \rm
    FP_CHECK_F \n, ft0, \exp, \flags
.endm

.macro FP_X_R n, op, rm, exp, flags, a
    FP_LOAD ft1, \a
.ifb \rm
    \op     a3, ft1
.else
    \op     a3, ft1, \rm
.endif
    FP_CHECK_X \n, \exp, \flags
.endm

.macro FP_X_RR n, op, exp, flags, a, b
    FP_LOAD ft1, \a
    FP_LOAD ft2, \b
    \op     a3, ft1, ft2
    FP_CHECK_X \n, \exp, \flags
.endm

.macro FP_F_X n, op, rm, exp, flags, x
    li      a1, \x
.ifb \rm
    \op     ft0, a1
.else
    \op     ft0, a1, \rm
.endif
    FP_CHECK_F \n, ft0, \exp, \flags
.endm

.macro FP_S_RR n, op, rm, exp, flags, a, b
    FP_RR   \n, \op, \rm, BOX(\exp), \flags, BOX(\a), BOX(\b)
.endm
.macro FP_D_RR n, op, rm, exp, flags, a, b
    FP_RR   \n, \op, \rm, \exp, \flags, \a, \b
.endm
.macro FP_S_R n, op, rm, exp, flags, a
    FP_R    \n, \op, \rm, BOX(\exp), \flags, BOX(\a)
.endm
.macro FP_D_R n, op, rm, exp, flags, a
    FP_R    \n, \op, \rm, \exp, \flags, \a
.endm
.macro FP_S_R4 n, op, rm, exp, flags, a, b, c
    FP_R4   \n, \op, \rm, BOX(\exp), \flags, BOX(\a), BOX(\b), BOX(\c)
.endm
.macro FP_D_R4 n, op, rm, exp, flags, a, b, c
    FP_R4   \n, \op, \rm, \exp, \flags, \a, \b, \c
.endm
.macro FP_S_X_R n, op, rm, exp, flags, a
    FP_X_R  \n, \op, \rm, \exp, \flags, BOX(\a)
.endm
.macro FP_D_X_R n, op, rm, exp, flags, a
    FP_X_R  \n, \op, \rm, \exp, \flags, \a
.endm
.macro FP_S_X_RR n, op, exp, flags, a, b
    FP_X_RR \n, \op, \exp, \flags, BOX(\a), BOX(\b)
.endm
.macro FP_D_X_RR n, op, exp, flags, a, b
    FP_X_RR \n, \op, \exp, \flags, \a, \b
.endm
.macro FP_S_F_X n, op, rm, exp, flags, x
    FP_F_X  \n, \op, \rm, BOX(\exp), \flags, \x
.endm
.macro FP_D_F_X n, op, rm, exp, flags, x
    FP_F_X  \n, \op, \rm, \exp, \flags, \x
.endm

#endif /* __ASSEMBLER__ */

#endif
