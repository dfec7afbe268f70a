/*
 * roms/tests/rv64fd-move.S: the F/D instructions that move bits without
 * arithmetic: flw/fld/fsw/fsd and the compressed c.fld, c.fsd, c.fldsp,
 * c.fsdsp (loads box singles; nothing is quieted, no flag is raised; fsw
 * stores the low 32 bits of any register, boxed or not), fmv.x.w
 * (sign-extends the low word, no unboxing), fmv.w.x (boxes), fmv.x.d /
 * fmv.d.x, and sign injection fsgnj/fsgnjn/fsgnjx, which works on the
 * unboxed operands: a single that is not NaN-boxed reads as the canonical
 * NaN (so its sign is +).
 */
#include "fp-test.h"

    .data
    .balign 16
fp_data:
    .word   0x7f800001              /* +0: a signalling NaN single */
    .word   0xbf800000              /* +4: -1.0 */
    .dword  0xfff0000000005678      /* +8: a signalling NaN double */
    .dword  0x400921fb54442d18      /* +16: pi */
    .dword  0x0123456789abcdef      /* +24 */
fp_store:
    .dword  0                       /* +32: store area */
    .dword  0
    .dword  0

    .text
    .globl main
main:
    FP_ENABLE

    la      a0, fp_data
    flw     ft0, 0(a0)
    FP_CHECK_F 1, ft0, BOX(0x7f800001), 0      /* boxed, still signalling */
    flw     ft0, 4(a0)
    FP_CHECK_F 2, ft0, BOX(0xbf800000), 0
    fld     ft1, 8(a0)
    FP_CHECK_F 3, ft1, 0xfff0000000005678, 0
    addi    a1, a0, 32
    fld     ft1, -16(a1)                        /* negative offset */
    FP_CHECK_F 4, ft1, 0x400921fb54442d18, 0
    fld     ft2, 20(a0)                         /* misaligned: carried out */
    FP_CHECK_F 5, ft2, 0x89abcdef400921fb, 0
    flw     ft2, 26(a0)                         /* misaligned single */
    FP_CHECK_F 6, ft2, BOX(0x456789ab), 0
    GROUP_OK "flw/fld"

    la      a1, fp_store
    li      t0, -1
    sd      t0, 0(a1)
    sd      t0, 8(a1)
    FP_LOAD ft0, BOX(0x3f800000)
    fsw     ft0, 0(a1)
    ld      a3, 0(a1)
    CHECK   10, a3, 0xffffffff3f800000          /* 4 bytes written, the rest kept */
    FP_LOAD ft0, 0x123456789abcdef0             /* not a boxed single */
    fsw     ft0, 4(a1)
    ld      a3, 0(a1)
    CHECK   11, a3, 0x9abcdef03f800000          /* the low 32 bits, unmodified */
    FP_LOAD ft1, 0x7ff0000000000001             /* signalling NaN: stored as is */
    fsd     ft1, 8(a1)
    ld      a3, 8(a1)
    CHECK   12, a3, 0x7ff0000000000001
    csrr    a3, fflags
    CHECK   13, a3, 0
    GROUP_OK "fsw/fsd"

    /* c.fld/c.fsd: f8-f15 with an x8-x15 base; c.fldsp/c.fsdsp: sp-relative */
    .option push
    .option rvc
    la      s0, fp_data
    c.fld   fs0, 16(s0)
    FP_CHECK_F 20, fs0, 0x400921fb54442d18, 0
    c.fld   fs1, 8(s0)
    FP_CHECK_F 21, fs1, 0xfff0000000005678, 0
    addi    s1, s0, 32
    c.fsd   fs0, 8(s1)
    ld      a3, 40(s0)
    CHECK   22, a3, 0x400921fb54442d18
    addi    sp, sp, -32
    li      t0, 0x4000000000000000              /* 2.0 */
    sd      t0, 24(sp)
    c.fldsp ft3, 24(sp)
    FP_CHECK_F 23, ft3, 0x4000000000000000, 0
    c.fsdsp fs1, 8(sp)
    ld      a3, 8(sp)
    CHECK   24, a3, 0xfff0000000005678
    addi    sp, sp, 32
    .option pop
    GROUP_OK "c.fld/c.fsd/c.fldsp/c.fsdsp"

    li      a1, 0x80000000
    fmv.w.x ft0, a1
    FP_CHECK_F 30, ft0, BOX(0x80000000), 0
    fmv.x.w a3, ft0
    CHECK   31, a3, 0xffffffff80000000          /* sign-extended */
    li      a1, 0x123456789abcdef0
    fmv.w.x ft0, a1                             /* only the low word, boxed */
    FP_CHECK_F 32, ft0, BOX(0x9abcdef0), 0
    FP_LOAD ft1, 0x0000000012345678             /* not boxed: fmv.x.w does not care */
    fmv.x.w a3, ft1
    CHECK   33, a3, 0x12345678
    FP_LOAD ft1, 0x1234567887654321
    fmv.x.w a3, ft1
    CHECK   34, a3, 0xffffffff87654321
    li      a1, 0x7ff0000000000001
    fmv.d.x ft2, a1
    fmv.x.d a3, ft2
    CHECK   35, a3, 0x7ff0000000000001          /* no quieting */
    fmv.w.x ft3, zero
    fmv.x.d a3, ft3
    CHECK   36, a3, 0xffffffff00000000
    fmv.x.w zero, ft2                           /* x0 stays 0 */
    CHECK   37, zero, 0
    csrr    a3, fflags
    CHECK   38, a3, 0
    GROUP_OK "fmv.x.w/fmv.w.x/fmv.x.d/fmv.d.x"

    FP_S_RR 40, fsgnj.s, , S_ONE, 0, S_ONE, 0x40000000
    FP_S_RR 41, fsgnj.s, , S_NONE, 0, S_ONE, 0xc0000000
    FP_S_RR 42, fsgnjn.s, , S_ONE, 0, S_ONE, 0xc0000000
    FP_S_RR 43, fsgnjn.s, , S_NONE, 0, S_NONE, S_ONE
    FP_S_RR 44, fsgnjx.s, , S_ONE, 0, S_NONE, S_NONE
    FP_S_RR 45, fsgnjx.s, , S_NONE, 0, S_NONE, S_ONE
    FP_S_RR 46, fsgnj.s, , 0xff800001, 0, S_SNAN, S_NONE      /* NaNs keep their bits: no flag */
    FP_S_RR 47, fsgnjn.s, , 0x7fc01234, 0, S_NQNAN, S_NQNAN   /* fneg.s of a NaN */
    FP_S_RR 48, fsgnjx.s, , 0x00000000, 0, S_N0, S_N0         /* fabs.s of -0 */
    FP_RR   49, fsgnj.s, , BOX(0xffc00000), 0, 0x000000003f800000, BOX(S_NONE)  /* unboxed rs1: canonical NaN */
    FP_RR   50, fsgnj.s, , BOX(S_ONE), 0, BOX(S_NONE), 0x00000000bf800000      /* unboxed rs2: its sign is + */
    FP_RR   51, fsgnjn.s, , BOX(S_NONE), 0, BOX(S_NONE), 0x7fffffffbf800000
    FP_RR   52, fsgnjx.s, , BOX(S_NONE), 0, BOX(S_NONE), 0xffffff00ff800000
    GROUP_OK "fsgnj.s/fsgnjn.s/fsgnjx.s"

    FP_D_RR 60, fsgnj.d, , D_ONE, 0, D_ONE, 0x4000000000000000
    FP_D_RR 61, fsgnj.d, , D_NONE, 0, D_ONE, 0xc000000000000000
    FP_D_RR 62, fsgnjn.d, , D_ONE, 0, D_ONE, 0xc000000000000000
    FP_D_RR 63, fsgnjn.d, , D_NONE, 0, D_NONE, D_ONE
    FP_D_RR 64, fsgnjx.d, , D_ONE, 0, D_NONE, D_NONE
    FP_D_RR 65, fsgnjx.d, , D_NONE, 0, D_NONE, D_ONE
    FP_D_RR 66, fsgnj.d, , 0xfff0000000000001, 0, D_SNAN, D_NINF
    FP_D_RR 67, fsgnjn.d, , 0x7ff8000000001234, 0, D_NQNAN, D_NQNAN
    FP_D_RR 68, fsgnjx.d, , 0x0000000000000000, 0, D_N0, D_N0
    FP_D_RR 69, fsgnj.d, , 0x3ff0000000000000, 0, D_NONE, D_P0    /* the sign of +0 */
    /* rd = rs1 = rs2: fneg.d/fabs.d in place */
    FP_LOAD ft4, 0x4000000000000000
    fsgnjn.d ft4, ft4, ft4
    FP_CHECK_F 70, ft4, 0xc000000000000000, 0
    fsgnjx.d ft4, ft4, ft4
    FP_CHECK_F 71, ft4, 0x4000000000000000, 0
    /* a single operation on a double register: the upper half is not all ones */
    FP_LOAD ft5, 0x400921fb54442d18
    fsgnj.s ft5, ft5, ft5
    FP_CHECK_F 72, ft5, BOX(0x7fc00000), 0
    GROUP_OK "fsgnj.d/fsgnjn.d/fsgnjx.d"

    TEST_PASS
