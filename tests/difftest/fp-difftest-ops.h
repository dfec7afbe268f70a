/*
 * tests/difftest/fp-difftest-ops.h: the operations the FP differential test
 * (fp-difftest.py) runs, as one list that both the guest's stubs
 * (fp-difftest-stubs.S) and its driver (fp-difftest-guest.c) expand.
 *
 * X(name, shape, in, mnemonic): in is the type of the inputs: S (singles,
 * usually NaN-boxed), D (doubles) or I (integers).  Shapes: f = an f
 * register, x = an x register; a trailing R means the instruction takes a
 * rounding mode (six variants: rne, rtz, rdn, rup, rmm, dyn), a trailing I
 * an immediate (six variants, FPD_IMMS); N neither.
 *   FRR  fd = op(fs1, fs2)       FRRR fd = op(fs1, fs2, fs3)
 *   FR   fd = op(fs1)            XR   xd = op(fs1)
 *   FXR  fd = op(xs1)            FRRN fd = op(fs1, fs2)
 *   FRN  fd = op(fs1)            XRRN xd = op(fs1, fs2)
 *   XRN  xd = op(fs1)            FXN  fd = op(xs1)
 *   LD   fd = load(bits in memory)    ST  the memory word after a store of fs1
 *   IRR  xd = op(xs1, xs2)       IR   xd = op(xs1)       IRI xd = op(xs1, imm)
 * The F/D operations come first, the bit-manipulation ones (I* shapes)
 * after them: the driver draws seven operations in eight from the first.
 */
#ifndef FP_DIFFTEST_OPS_H
#define FP_DIFFTEST_OPS_H

#define FPD_VARIANTS 6

#define FP_DIFFTEST_OPS(X) \
    X(fadd_s, FRR, S, fadd.s) \
    X(fsub_s, FRR, S, fsub.s) \
    X(fmul_s, FRR, S, fmul.s) \
    X(fdiv_s, FRR, S, fdiv.s) \
    X(fsqrt_s, FR, S, fsqrt.s) \
    X(fmadd_s, FRRR, S, fmadd.s) \
    X(fmsub_s, FRRR, S, fmsub.s) \
    X(fnmsub_s, FRRR, S, fnmsub.s) \
    X(fnmadd_s, FRRR, S, fnmadd.s) \
    X(fsgnj_s, FRRN, S, fsgnj.s) \
    X(fsgnjn_s, FRRN, S, fsgnjn.s) \
    X(fsgnjx_s, FRRN, S, fsgnjx.s) \
    X(fmin_s, FRRN, S, fmin.s) \
    X(fmax_s, FRRN, S, fmax.s) \
    X(feq_s, XRRN, S, feq.s) \
    X(flt_s, XRRN, S, flt.s) \
    X(fle_s, XRRN, S, fle.s) \
    X(fclass_s, XRN, S, fclass.s) \
    X(fmv_x_w, XRN, S, fmv.x.w) \
    X(fmv_w_x, FXN, I, fmv.w.x) \
    X(fcvt_w_s, XR, S, fcvt.w.s) \
    X(fcvt_wu_s, XR, S, fcvt.wu.s) \
    X(fcvt_l_s, XR, S, fcvt.l.s) \
    X(fcvt_lu_s, XR, S, fcvt.lu.s) \
    X(fcvt_s_w, FXR, I, fcvt.s.w) \
    X(fcvt_s_wu, FXR, I, fcvt.s.wu) \
    X(fcvt_s_l, FXR, I, fcvt.s.l) \
    X(fcvt_s_lu, FXR, I, fcvt.s.lu) \
    X(flw, LD, I, flw) \
    X(fsw, ST, S, fsw) \
    X(fadd_d, FRR, D, fadd.d) \
    X(fsub_d, FRR, D, fsub.d) \
    X(fmul_d, FRR, D, fmul.d) \
    X(fdiv_d, FRR, D, fdiv.d) \
    X(fsqrt_d, FR, D, fsqrt.d) \
    X(fmadd_d, FRRR, D, fmadd.d) \
    X(fmsub_d, FRRR, D, fmsub.d) \
    X(fnmsub_d, FRRR, D, fnmsub.d) \
    X(fnmadd_d, FRRR, D, fnmadd.d) \
    X(fsgnj_d, FRRN, D, fsgnj.d) \
    X(fsgnjn_d, FRRN, D, fsgnjn.d) \
    X(fsgnjx_d, FRRN, D, fsgnjx.d) \
    X(fmin_d, FRRN, D, fmin.d) \
    X(fmax_d, FRRN, D, fmax.d) \
    X(feq_d, XRRN, D, feq.d) \
    X(flt_d, XRRN, D, flt.d) \
    X(fle_d, XRRN, D, fle.d) \
    X(fclass_d, XRN, D, fclass.d) \
    X(fmv_x_d, XRN, D, fmv.x.d) \
    X(fmv_d_x, FXN, I, fmv.d.x) \
    X(fcvt_w_d, XR, D, fcvt.w.d) \
    X(fcvt_wu_d, XR, D, fcvt.wu.d) \
    X(fcvt_l_d, XR, D, fcvt.l.d) \
    X(fcvt_lu_d, XR, D, fcvt.lu.d) \
    X(fcvt_d_w, FXN, I, fcvt.d.w) \
    X(fcvt_d_wu, FXN, I, fcvt.d.wu) \
    X(fcvt_d_l, FXR, I, fcvt.d.l) \
    X(fcvt_d_lu, FXR, I, fcvt.d.lu) \
    X(fcvt_s_d, FR, D, fcvt.s.d) \
    X(fcvt_d_s, FRN, S, fcvt.d.s) \
    X(fld, LD, I, fld) \
    X(fsd, ST, D, fsd) \
    X(sh1add, IRR, I, sh1add) \
    X(sh2add, IRR, I, sh2add) \
    X(sh3add, IRR, I, sh3add) \
    X(add_uw, IRR, I, add.uw) \
    X(sh1add_uw, IRR, I, sh1add.uw) \
    X(sh2add_uw, IRR, I, sh2add.uw) \
    X(sh3add_uw, IRR, I, sh3add.uw) \
    X(slli_uw, IRI, I, slli.uw) \
    X(andn, IRR, I, andn) \
    X(orn, IRR, I, orn) \
    X(xnor, IRR, I, xnor) \
    X(clz, IR, I, clz) \
    X(ctz, IR, I, ctz) \
    X(cpop, IR, I, cpop) \
    X(clzw, IR, I, clzw) \
    X(ctzw, IR, I, ctzw) \
    X(cpopw, IR, I, cpopw) \
    X(max, IRR, I, max) \
    X(maxu, IRR, I, maxu) \
    X(min, IRR, I, min) \
    X(minu, IRR, I, minu) \
    X(sext_b, IR, I, sext.b) \
    X(sext_h, IR, I, sext.h) \
    X(zext_h, IR, I, zext.h) \
    X(rol, IRR, I, rol) \
    X(ror, IRR, I, ror) \
    X(rori, IRI, I, rori) \
    X(rolw, IRR, I, rolw) \
    X(rorw, IRR, I, rorw) \
    X(roriw, IRI, I, roriw) \
    X(orc_b, IR, I, orc.b) \
    X(rev8, IR, I, rev8) \
    X(clmul, IRR, I, clmul) \
    X(clmulh, IRR, I, clmulh) \
    X(clmulr, IRR, I, clmulr) \
    X(bclr, IRR, I, bclr) \
    X(bclri, IRI, I, bclri) \
    X(bext, IRR, I, bext) \
    X(bexti, IRI, I, bexti) \
    X(binv, IRR, I, binv) \
    X(binvi, IRI, I, binvi) \
    X(bset, IRR, I, bset) \
    X(bseti, IRI, I, bseti)

#endif
