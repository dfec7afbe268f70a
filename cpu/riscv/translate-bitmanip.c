/*
 * cpu/riscv/translate-bitmanip.c: Zba (address generation), Zbb (basic bit
 * manipulation), Zbc (carry-less multiplication) and Zbs (single-bit
 * operations), RISC-V to tcg-lite IR.  Everything is IR ops except the
 * carry-less multiplies, which call pure helpers (fpu_helper.h).
 *
 * The word forms (.uw, *w) read the low 32 bits of their source and, where
 * the result is a word, sign-extend it to 64 bits, as the RV64 forms of the
 * base ISA do.
 */
#include "config.h"

#include "cpu/riscv/fpu_helper.h"
#include "cpu/riscv/translate.h"

typedef void GenBinary(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
typedef void GenUnary(TCGLv_i64 ret, TCGLv_i64 a);

/* rd = fn(rs1, rs2); nothing to do for rd = x0 (these ops cannot trap). */
static void trans_binary(DisasContext *ctx, GenBinary *fn)
{
    if (ctx->insn.rd) {
        fn(cpu_gpr[ctx->insn.rd], get_gpr(ctx->insn.rs1), get_gpr(ctx->insn.rs2));
    }
}

static void trans_unary(DisasContext *ctx, GenUnary *fn)
{
    if (ctx->insn.rd) {
        fn(cpu_gpr[ctx->insn.rd], get_gpr(ctx->insn.rs1));
    }
}

/* ---- Zba ---------------------------------------------------------------------- */

/* sh{1,2,3}add[.uw], add.uw: rd = (rs1, zero-extended from 32 bits if uw) << sh + rs2. */
static void trans_shadd(DisasContext *ctx, unsigned sh, bool uw)
{
    if (!ctx->insn.rd) {
        return;
    }
    TCGLv_i64 t = tcgl_temp_new_i64();
    if (uw) {
        tcgl_gen_ext32u_i64(t, get_gpr(ctx->insn.rs1));
        tcgl_gen_shli_i64(t, t, sh);
    } else {
        tcgl_gen_shli_i64(t, get_gpr(ctx->insn.rs1), sh);
    }
    tcgl_gen_add_i64(cpu_gpr[ctx->insn.rd], t, get_gpr(ctx->insn.rs2));
}

static void trans_slli_uw(DisasContext *ctx)
{
    if (!ctx->insn.rd) {
        return;
    }
    TCGLv_i64 t = tcgl_temp_new_i64();
    tcgl_gen_ext32u_i64(t, get_gpr(ctx->insn.rs1));
    tcgl_gen_shli_i64(cpu_gpr[ctx->insn.rd], t, (unsigned)ctx->insn.imm & 63);
}

/* ---- Zbb ---------------------------------------------------------------------- */

static void gen_clzw(TCGLv_i64 ret, TCGLv_i64 a)
{
    /* Leading zeros of the zero-extended word, less the 32 added; 0 gives 32. */
    TCGLv_i64 t = tcgl_temp_new_i64();
    tcgl_gen_ext32u_i64(t, a);
    tcgl_gen_clz_i64(t, t);
    tcgl_gen_subi_i64(ret, t, 32);
}

static void gen_ctzw(TCGLv_i64 ret, TCGLv_i64 a)
{
    /* A bit at 32 stops the count there for a zero word. */
    TCGLv_i64 t = tcgl_temp_new_i64();
    tcgl_gen_ori_i64(t, a, INT64_C(1) << 32);
    tcgl_gen_ctz_i64(ret, t);
}

static void gen_cpopw(TCGLv_i64 ret, TCGLv_i64 a)
{
    TCGLv_i64 t = tcgl_temp_new_i64();
    tcgl_gen_ext32u_i64(t, a);
    tcgl_gen_ctpop_i64(ret, t);
}

static void gen_minmax(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b, TCGLCond cond)
{
    tcgl_gen_movcond_i64(cond, ret, a, b, a, b);
}

static void gen_max(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    gen_minmax(ret, a, b, TCGL_COND_GT);
}

static void gen_maxu(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    gen_minmax(ret, a, b, TCGL_COND_GTU);
}

static void gen_min(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    gen_minmax(ret, a, b, TCGL_COND_LT);
}

static void gen_minu(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    gen_minmax(ret, a, b, TCGL_COND_LTU);
}

/* Rotates by rs2 modulo 64 (the IR's rotate counts are taken modulo 64). */
static void gen_rol(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    tcgl_gen_rotl_i64(ret, a, b);
}

static void gen_ror(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    tcgl_gen_rotr_i64(ret, a, b);
}

/* rolw/rorw: rotate the low word by rs2 modulo 32, sign-extend the result. */
static void gen_rotw(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b, bool left)
{
    TCGLv_i32 a32 = tcgl_temp_new_i32();
    TCGLv_i32 b32 = tcgl_temp_new_i32();
    tcgl_gen_extrl_i64_i32(a32, a);
    tcgl_gen_extrl_i64_i32(b32, b);
    if (left) {
        tcgl_gen_rotl_i32(a32, a32, b32);
    } else {
        tcgl_gen_rotr_i32(a32, a32, b32);
    }
    tcgl_gen_ext_i32_i64(ret, a32);
}

static void gen_rolw(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    gen_rotw(ret, a, b, true);
}

static void gen_rorw(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    gen_rotw(ret, a, b, false);
}

static void trans_rori(DisasContext *ctx)
{
    if (ctx->insn.rd) {
        tcgl_gen_rotri_i64(cpu_gpr[ctx->insn.rd], get_gpr(ctx->insn.rs1),
                           (unsigned)ctx->insn.imm & 63);
    }
}

static void trans_roriw(DisasContext *ctx)
{
    if (ctx->insn.rd) {
        gen_rotw(cpu_gpr[ctx->insn.rd], get_gpr(ctx->insn.rs1),
                 tcgl_constant_i64(ctx->insn.imm & 31), false);
    }
}

/*
 * orc.b: each byte becomes 0xff if it is non-zero, else 0.  Adding 0x7f to
 * the low seven bits of a byte carries into its top bit exactly when they
 * are not all zero (and never beyond the byte); or-ing the byte's own top
 * bit gives one flag bit per non-zero byte, which times 0xff fills the byte.
 */
static void gen_orc_b(TCGLv_i64 ret, TCGLv_i64 a)
{
    const int64_t low7 = INT64_C(0x7f7f7f7f7f7f7f7f);
    TCGLv_i64 t = tcgl_temp_new_i64();
    tcgl_gen_andi_i64(t, a, low7);
    tcgl_gen_addi_i64(t, t, low7);
    tcgl_gen_or_i64(t, t, a);
    tcgl_gen_andi_i64(t, t, ~low7);
    tcgl_gen_shri_i64(t, t, 7);
    tcgl_gen_muli_i64(ret, t, 0xff);
}

/* ---- Zbc ---------------------------------------------------------------------- */

static void trans_clmul(DisasContext *ctx, const TCGLHelperInfo *h)
{
    if (ctx->insn.rd) {
        gen_helper_call(h, tcgl_temp_i64(cpu_gpr[ctx->insn.rd]), 2,
                        tcgl_temp_i64(get_gpr(ctx->insn.rs1)),
                        tcgl_temp_i64(get_gpr(ctx->insn.rs2)));
    }
}

/* ---- Zbs ---------------------------------------------------------------------- */

typedef enum BitOp { BIT_CLR, BIT_INV, BIT_SET, BIT_EXT } BitOp;

/* The single-bit operations on bit (rs2 mod 64) or on the immediate's bit. */
static void trans_bitop(DisasContext *ctx, BitOp op, bool imm)
{
    if (!ctx->insn.rd) {
        return;
    }
    TCGLv_i64 rd = cpu_gpr[ctx->insn.rd];
    TCGLv_i64 src = get_gpr(ctx->insn.rs1);
    if (imm) {
        unsigned bit = (unsigned)ctx->insn.imm & 63;
        int64_t mask = (int64_t)(UINT64_C(1) << bit);
        switch (op) {
        case BIT_CLR: tcgl_gen_andi_i64(rd, src, ~mask); break;
        case BIT_INV: tcgl_gen_xori_i64(rd, src, mask); break;
        case BIT_SET: tcgl_gen_ori_i64(rd, src, mask); break;
        case BIT_EXT: tcgl_gen_extract_i64(rd, src, bit, 1); break;
        }
        return;
    }
    TCGLv_i64 sh = tcgl_temp_new_i64();
    tcgl_gen_andi_i64(sh, get_gpr(ctx->insn.rs2), 63);
    if (op == BIT_EXT) {
        TCGLv_i64 t = tcgl_temp_new_i64();
        tcgl_gen_shr_i64(t, src, sh);
        tcgl_gen_andi_i64(rd, t, 1);
        return;
    }
    TCGLv_i64 mask = tcgl_temp_new_i64();
    tcgl_gen_shl_i64(mask, tcgl_constant_i64(1), sh);
    switch (op) {
    case BIT_CLR: tcgl_gen_andc_i64(rd, src, mask); break;
    case BIT_INV: tcgl_gen_xor_i64(rd, src, mask); break;
    default: tcgl_gen_or_i64(rd, src, mask); break;
    }
}

/* ---- dispatch ------------------------------------------------------------------- */

bool riscv_trans_bitmanip(DisasContext *ctx)
{
    switch (ctx->insn.op) {
    case RV_OP_SH1ADD: trans_shadd(ctx, 1, false); break;
    case RV_OP_SH2ADD: trans_shadd(ctx, 2, false); break;
    case RV_OP_SH3ADD: trans_shadd(ctx, 3, false); break;
    case RV_OP_ADD_UW: trans_shadd(ctx, 0, true); break;
    case RV_OP_SH1ADD_UW: trans_shadd(ctx, 1, true); break;
    case RV_OP_SH2ADD_UW: trans_shadd(ctx, 2, true); break;
    case RV_OP_SH3ADD_UW: trans_shadd(ctx, 3, true); break;
    case RV_OP_SLLI_UW: trans_slli_uw(ctx); break;

    case RV_OP_ANDN: trans_binary(ctx, tcgl_gen_andc_i64); break;
    case RV_OP_ORN: trans_binary(ctx, tcgl_gen_orc_i64); break;
    case RV_OP_XNOR: trans_binary(ctx, tcgl_gen_eqv_i64); break;
    case RV_OP_CLZ: trans_unary(ctx, tcgl_gen_clz_i64); break;
    case RV_OP_CTZ: trans_unary(ctx, tcgl_gen_ctz_i64); break;
    case RV_OP_CPOP: trans_unary(ctx, tcgl_gen_ctpop_i64); break;
    case RV_OP_CLZW: trans_unary(ctx, gen_clzw); break;
    case RV_OP_CTZW: trans_unary(ctx, gen_ctzw); break;
    case RV_OP_CPOPW: trans_unary(ctx, gen_cpopw); break;
    case RV_OP_MAX: trans_binary(ctx, gen_max); break;
    case RV_OP_MAXU: trans_binary(ctx, gen_maxu); break;
    case RV_OP_MIN: trans_binary(ctx, gen_min); break;
    case RV_OP_MINU: trans_binary(ctx, gen_minu); break;
    case RV_OP_SEXT_B: trans_unary(ctx, tcgl_gen_ext8s_i64); break;
    case RV_OP_SEXT_H: trans_unary(ctx, tcgl_gen_ext16s_i64); break;
    case RV_OP_ZEXT_H: trans_unary(ctx, tcgl_gen_ext16u_i64); break;
    case RV_OP_ROL: trans_binary(ctx, gen_rol); break;
    case RV_OP_ROR: trans_binary(ctx, gen_ror); break;
    case RV_OP_RORI: trans_rori(ctx); break;
    case RV_OP_ROLW: trans_binary(ctx, gen_rolw); break;
    case RV_OP_RORW: trans_binary(ctx, gen_rorw); break;
    case RV_OP_RORIW: trans_roriw(ctx); break;
    case RV_OP_ORC_B: trans_unary(ctx, gen_orc_b); break;
    case RV_OP_REV8: trans_unary(ctx, tcgl_gen_bswap64_i64); break;

    case RV_OP_CLMUL: trans_clmul(ctx, riscv_helper_clmul); break;
    case RV_OP_CLMULH: trans_clmul(ctx, riscv_helper_clmulh); break;
    case RV_OP_CLMULR: trans_clmul(ctx, riscv_helper_clmulr); break;

    case RV_OP_BCLR: trans_bitop(ctx, BIT_CLR, false); break;
    case RV_OP_BCLRI: trans_bitop(ctx, BIT_CLR, true); break;
    case RV_OP_BINV: trans_bitop(ctx, BIT_INV, false); break;
    case RV_OP_BINVI: trans_bitop(ctx, BIT_INV, true); break;
    case RV_OP_BSET: trans_bitop(ctx, BIT_SET, false); break;
    case RV_OP_BSETI: trans_bitop(ctx, BIT_SET, true); break;
    case RV_OP_BEXT: trans_bitop(ctx, BIT_EXT, false); break;
    case RV_OP_BEXTI: trans_bitop(ctx, BIT_EXT, true); break;

    default:
        return false;
    }
    return true;
}
