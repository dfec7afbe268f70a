/*
 * cpu/riscv/decode.c: the RISC-V instruction decoder.  Owns the mapping from
 * an encoding (32-bit, or a 16-bit compressed parcel) to a RiscvInsn for a
 * given XLEN and extension set: RV32I/RV64I, M, A, F, D, C, Zicsr,
 * Zifencei, the privileged instructions, Zba, Zbb, Zbc and Zbs.  Everything
 * else decodes as RV_OP_ILLEGAL.  The encodings are those of the upstream
 * riscv-opcodes tables; tests/unit/test-riscv-decode.c checks this file
 * against them.
 *
 * The decoder is a plain switch on the major opcode and then on the function
 * fields, so that every accepted encoding can be found by reading one case.
 * It runs at translation time only, so clarity wins over speed here.
 */
#include "decode.h"

#include <assert.h>
#include <string.h>

/* Bits hi..lo of x, right-aligned. */
static inline uint32_t decode_bits(uint32_t x, unsigned hi, unsigned lo)
{
    return (uint32_t)(((uint64_t)x >> lo) & ((UINT64_C(1) << (hi - lo + 1)) - 1));
}

static inline uint32_t decode_bit(uint32_t x, unsigned pos)
{
    return (x >> pos) & 1;
}

/* Sign-extend the low `width` bits of x. */
static inline int64_t decode_sext(uint64_t x, unsigned width)
{
    uint64_t m = UINT64_C(1) << (width - 1);
    x &= (m << 1) - 1;
    return (int64_t)(x ^ m) - (int64_t)m;
}

static inline bool decode_has(uint32_t ext, uint32_t need)
{
    return (ext & need) == need;
}

/* ---- 32-bit formats ---------------------------------------------------- */

static void decode_fmt_r(uint32_t raw, RiscvInsn *in)
{
    in->rd = decode_bits(raw, 11, 7);
    in->rs1 = decode_bits(raw, 19, 15);
    in->rs2 = decode_bits(raw, 24, 20);
}

/* rd, rs1 only: unary ops whose rs2 field is part of the opcode. */
static void decode_fmt_r1(uint32_t raw, RiscvInsn *in)
{
    in->rd = decode_bits(raw, 11, 7);
    in->rs1 = decode_bits(raw, 19, 15);
}

static void decode_fmt_i(uint32_t raw, RiscvInsn *in)
{
    in->rd = decode_bits(raw, 11, 7);
    in->rs1 = decode_bits(raw, 19, 15);
    in->imm = decode_sext(raw >> 20, 12);
}

static void decode_fmt_shift(uint32_t raw, RiscvInsn *in)
{
    in->rd = decode_bits(raw, 11, 7);
    in->rs1 = decode_bits(raw, 19, 15);
    in->imm = decode_bits(raw, 25, 20);
}

static void decode_fmt_s(uint32_t raw, RiscvInsn *in)
{
    in->rs1 = decode_bits(raw, 19, 15);
    in->rs2 = decode_bits(raw, 24, 20);
    in->imm = decode_sext((decode_bits(raw, 31, 25) << 5) | decode_bits(raw, 11, 7), 12);
}

static void decode_fmt_b(uint32_t raw, RiscvInsn *in)
{
    uint32_t v = (decode_bit(raw, 31) << 12) | (decode_bit(raw, 7) << 11) |
                 (decode_bits(raw, 30, 25) << 5) | (decode_bits(raw, 11, 8) << 1);
    in->rs1 = decode_bits(raw, 19, 15);
    in->rs2 = decode_bits(raw, 24, 20);
    in->imm = decode_sext(v, 13);
}

static void decode_fmt_u(uint32_t raw, RiscvInsn *in)
{
    in->rd = decode_bits(raw, 11, 7);
    in->imm = decode_sext(raw & 0xfffff000u, 32);
}

static void decode_fmt_j(uint32_t raw, RiscvInsn *in)
{
    uint32_t v = (decode_bit(raw, 31) << 20) | (decode_bits(raw, 19, 12) << 12) |
                 (decode_bit(raw, 20) << 11) | (decode_bits(raw, 30, 21) << 1);
    in->rd = decode_bits(raw, 11, 7);
    in->imm = decode_sext(v, 21);
}

static void decode_fmt_r4(uint32_t raw, RiscvInsn *in)
{
    decode_fmt_r(raw, in);
    in->rs3 = decode_bits(raw, 31, 27);
    in->rm = decode_bits(raw, 14, 12);
}

/* ---- 32-bit major opcodes ---------------------------------------------- */

static RiscvOp decode_load(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp ops[8] = {
        RV_OP_LB, RV_OP_LH, RV_OP_LW, RV_OP_LD,
        RV_OP_LBU, RV_OP_LHU, RV_OP_LWU, RV_OP_ILLEGAL,
    };
    RiscvOp op = ops[decode_bits(raw, 14, 12)];

    if (!decode_has(ext, RV_EXT_I) || (xlen == 32 && (op == RV_OP_LD || op == RV_OP_LWU))) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_i(raw, in);
    return op;
}

static RiscvOp decode_store(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp ops[8] = {
        RV_OP_SB, RV_OP_SH, RV_OP_SW, RV_OP_SD,
        RV_OP_ILLEGAL, RV_OP_ILLEGAL, RV_OP_ILLEGAL, RV_OP_ILLEGAL,
    };
    RiscvOp op = ops[decode_bits(raw, 14, 12)];

    if (!decode_has(ext, RV_EXT_I) || (xlen == 32 && op == RV_OP_SD)) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_s(raw, in);
    return op;
}

/* flw/fld (LOAD-FP) and fsw/fsd (STORE-FP): width 2 is F's, 3 is D's. */
static RiscvOp decode_fp_mem(uint32_t raw, uint32_t ext, RiscvInsn *in, bool store)
{
    unsigned width = decode_bits(raw, 14, 12);
    if (!(width == 2 && decode_has(ext, RV_EXT_F)) && !(width == 3 && decode_has(ext, RV_EXT_D))) {
        return RV_OP_ILLEGAL;
    }
    if (store) {
        decode_fmt_s(raw, in);
        return width == 2 ? RV_OP_FSW : RV_OP_FSD;
    }
    decode_fmt_i(raw, in);
    return width == 2 ? RV_OP_FLW : RV_OP_FLD;
}

static RiscvOp decode_misc_mem(uint32_t raw, uint32_t ext, RiscvInsn *in)
{
    switch (decode_bits(raw, 14, 12)) {
    case 0:
        /*
         * Every fm/pred/succ combination is a FENCE: fence.tso and pause are
         * FENCEs, and reserved fm values must act as fm=0 (unprivileged spec,
         * "Memory Ordering Instructions").  rd and rs1 are reserved but kept.
         */
        if (!decode_has(ext, RV_EXT_I)) {
            return RV_OP_ILLEGAL;
        }
        in->rd = decode_bits(raw, 11, 7);
        in->rs1 = decode_bits(raw, 19, 15);
        in->fm = decode_bits(raw, 31, 28);
        in->pred = decode_bits(raw, 27, 24);
        in->succ = decode_bits(raw, 23, 20);
        return RV_OP_FENCE;
    case 1:
        if (!decode_has(ext, RV_EXT_ZIFENCEI)) {
            return RV_OP_ILLEGAL;
        }
        decode_fmt_i(raw, in);
        return RV_OP_FENCE_I;
    }
    return RV_OP_ILLEGAL;
}

/*
 * OP-IMM funct3 1 and 5 hold the shifts and the Zbb/Zbs unary and
 * single-bit ops.  Some are identified by the whole imm[11:0] (clz, rev8),
 * the others by imm[11:6] with a 6-bit shift amount below; on RV32 a shift
 * amount with bit 5 set is reserved.
 */
static RiscvOp decode_op_imm_shift(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    uint32_t f3 = decode_bits(raw, 14, 12);
    uint32_t imm12 = decode_bits(raw, 31, 20);
    uint32_t hi6 = imm12 >> 6;
    RiscvOp op = RV_OP_ILLEGAL;
    uint32_t need = RV_EXT_I;

    if (f3 == 1) {
        switch (imm12) {
        case 0x600: op = RV_OP_CLZ; break;
        case 0x601: op = RV_OP_CTZ; break;
        case 0x602: op = RV_OP_CPOP; break;
        case 0x604: op = RV_OP_SEXT_B; break;
        case 0x605: op = RV_OP_SEXT_H; break;
        }
        if (op != RV_OP_ILLEGAL) {
            if (!decode_has(ext, RV_EXT_ZBB)) {
                return RV_OP_ILLEGAL;
            }
            decode_fmt_r1(raw, in);
            return op;
        }
        switch (hi6) {
        case 0x00: op = RV_OP_SLLI; break;
        case 0x12: op = RV_OP_BCLRI; need = RV_EXT_ZBS; break;
        case 0x1a: op = RV_OP_BINVI; need = RV_EXT_ZBS; break;
        case 0x0a: op = RV_OP_BSETI; need = RV_EXT_ZBS; break;
        }
    } else {
        if (imm12 == 0x287) {
            op = RV_OP_ORC_B;
        } else if (imm12 == (xlen == 64 ? 0x6b8u : 0x698u)) {
            op = RV_OP_REV8;
        }
        if (op != RV_OP_ILLEGAL) {
            if (!decode_has(ext, RV_EXT_ZBB)) {
                return RV_OP_ILLEGAL;
            }
            decode_fmt_r1(raw, in);
            return op;
        }
        switch (hi6) {
        case 0x00: op = RV_OP_SRLI; break;
        case 0x10: op = RV_OP_SRAI; break;
        case 0x18: op = RV_OP_RORI; need = RV_EXT_ZBB; break;
        case 0x12: op = RV_OP_BEXTI; need = RV_EXT_ZBS; break;
        }
    }
    if (op == RV_OP_ILLEGAL || !decode_has(ext, need) ||
        (xlen == 32 && decode_bit(raw, 25))) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_shift(raw, in);
    return op;
}

static RiscvOp decode_op_imm(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp ops[8] = {
        RV_OP_ADDI, RV_OP_ILLEGAL, RV_OP_SLTI, RV_OP_SLTIU,
        RV_OP_XORI, RV_OP_ILLEGAL, RV_OP_ORI, RV_OP_ANDI,
    };
    uint32_t f3 = decode_bits(raw, 14, 12);

    if (f3 == 1 || f3 == 5) {
        return decode_op_imm_shift(raw, xlen, ext, in);
    }
    if (!decode_has(ext, RV_EXT_I)) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_i(raw, in);
    return ops[f3];
}

/* OP-IMM-32: RV64 only. */
static RiscvOp decode_op_imm_32(uint32_t raw, uint32_t ext, RiscvInsn *in)
{
    uint32_t f3 = decode_bits(raw, 14, 12);
    uint32_t f7 = decode_bits(raw, 31, 25);
    RiscvOp op = RV_OP_ILLEGAL;
    uint32_t need = RV_EXT_I;

    switch (f3) {
    case 0:
        if (!decode_has(ext, RV_EXT_I)) {
            return RV_OP_ILLEGAL;
        }
        decode_fmt_i(raw, in);
        return RV_OP_ADDIW;
    case 1:
        switch (decode_bits(raw, 31, 20)) {
        case 0x600: op = RV_OP_CLZW; break;
        case 0x601: op = RV_OP_CTZW; break;
        case 0x602: op = RV_OP_CPOPW; break;
        }
        if (op != RV_OP_ILLEGAL) {
            if (!decode_has(ext, RV_EXT_ZBB)) {
                return RV_OP_ILLEGAL;
            }
            decode_fmt_r1(raw, in);
            return op;
        }
        if (f7 == 0) {
            op = RV_OP_SLLIW;
        } else if ((f7 >> 1) == 0x02) {
            /* slli.uw has a 6-bit shift amount: bit 25 belongs to it. */
            if (!decode_has(ext, RV_EXT_ZBA)) {
                return RV_OP_ILLEGAL;
            }
            decode_fmt_shift(raw, in);
            return RV_OP_SLLI_UW;
        }
        break;
    case 5:
        switch (f7) {
        case 0x00: op = RV_OP_SRLIW; break;
        case 0x20: op = RV_OP_SRAIW; break;
        case 0x30: op = RV_OP_RORIW; need = RV_EXT_ZBB; break;
        }
        break;
    }
    if (op == RV_OP_ILLEGAL || !decode_has(ext, need)) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_shift(raw, in);
    in->imm &= 0x1f;
    return op;
}

static RiscvOp decode_op(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp base[8] = {
        RV_OP_ADD, RV_OP_SLL, RV_OP_SLT, RV_OP_SLTU,
        RV_OP_XOR, RV_OP_SRL, RV_OP_OR, RV_OP_AND,
    };
    static const RiscvOp muldiv[8] = {
        RV_OP_MUL, RV_OP_MULH, RV_OP_MULHSU, RV_OP_MULHU,
        RV_OP_DIV, RV_OP_DIVU, RV_OP_REM, RV_OP_REMU,
    };
    static const RiscvOp minmax_clmul[8] = {
        RV_OP_ILLEGAL, RV_OP_CLMUL, RV_OP_CLMULR, RV_OP_CLMULH,
        RV_OP_MIN, RV_OP_MINU, RV_OP_MAX, RV_OP_MAXU,
    };
    uint32_t f3 = decode_bits(raw, 14, 12);
    uint32_t f7 = decode_bits(raw, 31, 25);
    RiscvOp op = RV_OP_ILLEGAL;
    uint32_t need = RV_EXT_I;

    switch (f7) {
    case 0x00:
        op = base[f3];
        break;
    case 0x01:
        op = muldiv[f3];
        need = RV_EXT_M;
        break;
    case 0x20:
        switch (f3) {
        case 0: op = RV_OP_SUB; break;
        case 5: op = RV_OP_SRA; break;
        case 4: op = RV_OP_XNOR; need = RV_EXT_ZBB; break;
        case 6: op = RV_OP_ORN; need = RV_EXT_ZBB; break;
        case 7: op = RV_OP_ANDN; need = RV_EXT_ZBB; break;
        }
        break;
    case 0x10:
        switch (f3) {
        case 2: op = RV_OP_SH1ADD; break;
        case 4: op = RV_OP_SH2ADD; break;
        case 6: op = RV_OP_SH3ADD; break;
        }
        need = RV_EXT_ZBA;
        break;
    case 0x05:
        op = minmax_clmul[f3];
        need = f3 < 4 ? RV_EXT_ZBC : RV_EXT_ZBB;
        break;
    case 0x30:
        op = f3 == 1 ? RV_OP_ROL : f3 == 5 ? RV_OP_ROR : RV_OP_ILLEGAL;
        need = RV_EXT_ZBB;
        break;
    case 0x24:
        op = f3 == 1 ? RV_OP_BCLR : f3 == 5 ? RV_OP_BEXT : RV_OP_ILLEGAL;
        need = RV_EXT_ZBS;
        break;
    case 0x34:
        op = f3 == 1 ? RV_OP_BINV : RV_OP_ILLEGAL;
        need = RV_EXT_ZBS;
        break;
    case 0x14:
        op = f3 == 1 ? RV_OP_BSET : RV_OP_ILLEGAL;
        need = RV_EXT_ZBS;
        break;
    case 0x04:
        /* RV32's zext.h is Zbkb's pack with rs2 = x0. */
        if (xlen == 32 && f3 == 4 && decode_bits(raw, 24, 20) == 0) {
            if (!decode_has(ext, RV_EXT_ZBB)) {
                return RV_OP_ILLEGAL;
            }
            decode_fmt_r1(raw, in);
            return RV_OP_ZEXT_H;
        }
        break;
    }
    if (op == RV_OP_ILLEGAL || !decode_has(ext, need)) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_r(raw, in);
    return op;
}

/* OP-32: RV64 only. */
static RiscvOp decode_op_32(uint32_t raw, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp muldiv[8] = {
        RV_OP_MULW, RV_OP_ILLEGAL, RV_OP_ILLEGAL, RV_OP_ILLEGAL,
        RV_OP_DIVW, RV_OP_DIVUW, RV_OP_REMW, RV_OP_REMUW,
    };
    uint32_t f3 = decode_bits(raw, 14, 12);
    uint32_t f7 = decode_bits(raw, 31, 25);
    RiscvOp op = RV_OP_ILLEGAL;
    uint32_t need = RV_EXT_I;

    switch (f7) {
    case 0x00:
        op = f3 == 0 ? RV_OP_ADDW : f3 == 1 ? RV_OP_SLLW : f3 == 5 ? RV_OP_SRLW : RV_OP_ILLEGAL;
        break;
    case 0x20:
        op = f3 == 0 ? RV_OP_SUBW : f3 == 5 ? RV_OP_SRAW : RV_OP_ILLEGAL;
        break;
    case 0x01:
        op = muldiv[f3];
        need = RV_EXT_M;
        break;
    case 0x04:
        if (f3 == 0) {
            op = RV_OP_ADD_UW;
            need = RV_EXT_ZBA;
        } else if (f3 == 4 && decode_bits(raw, 24, 20) == 0) {
            /* RV64's zext.h is Zbkb's packw with rs2 = x0. */
            if (!decode_has(ext, RV_EXT_ZBB)) {
                return RV_OP_ILLEGAL;
            }
            decode_fmt_r1(raw, in);
            return RV_OP_ZEXT_H;
        }
        break;
    case 0x10:
        op = f3 == 2 ? RV_OP_SH1ADD_UW : f3 == 4 ? RV_OP_SH2ADD_UW :
             f3 == 6 ? RV_OP_SH3ADD_UW : RV_OP_ILLEGAL;
        need = RV_EXT_ZBA;
        break;
    case 0x30:
        op = f3 == 1 ? RV_OP_ROLW : f3 == 5 ? RV_OP_RORW : RV_OP_ILLEGAL;
        need = RV_EXT_ZBB;
        break;
    }
    if (op == RV_OP_ILLEGAL || !decode_has(ext, need)) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_r(raw, in);
    return op;
}

static RiscvOp decode_amo(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp word[32] = {
        [0x00] = RV_OP_AMOADD_W, [0x01] = RV_OP_AMOSWAP_W, [0x02] = RV_OP_LR_W,
        [0x03] = RV_OP_SC_W, [0x04] = RV_OP_AMOXOR_W, [0x08] = RV_OP_AMOOR_W,
        [0x0c] = RV_OP_AMOAND_W, [0x10] = RV_OP_AMOMIN_W, [0x14] = RV_OP_AMOMAX_W,
        [0x18] = RV_OP_AMOMINU_W, [0x1c] = RV_OP_AMOMAXU_W,
    };
    static const RiscvOp dword[32] = {
        [0x00] = RV_OP_AMOADD_D, [0x01] = RV_OP_AMOSWAP_D, [0x02] = RV_OP_LR_D,
        [0x03] = RV_OP_SC_D, [0x04] = RV_OP_AMOXOR_D, [0x08] = RV_OP_AMOOR_D,
        [0x0c] = RV_OP_AMOAND_D, [0x10] = RV_OP_AMOMIN_D, [0x14] = RV_OP_AMOMAX_D,
        [0x18] = RV_OP_AMOMINU_D, [0x1c] = RV_OP_AMOMAXU_D,
    };
    uint32_t f3 = decode_bits(raw, 14, 12);
    uint32_t f5 = decode_bits(raw, 31, 27);
    RiscvOp op;

    if (!decode_has(ext, RV_EXT_A)) {
        return RV_OP_ILLEGAL;
    }
    if (f3 == 2) {
        op = word[f5];
    } else if (f3 == 3 && xlen == 64) {
        op = dword[f5];
    } else {
        return RV_OP_ILLEGAL;
    }
    /* An unlisted funct5 reads back 0, which is RV_OP_ILLEGAL. */
    if (op == RV_OP_ILLEGAL ||
        ((op == RV_OP_LR_W || op == RV_OP_LR_D) && decode_bits(raw, 24, 20) != 0)) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_r(raw, in);
    in->aq = decode_bit(raw, 26);
    in->rl = decode_bit(raw, 25);
    return op;
}

/* fmadd/fmsub/fnmsub/fnmadd: the major opcode picks the operation. */
static RiscvOp decode_fma(uint32_t raw, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp single[4] = {
        RV_OP_FMADD_S, RV_OP_FMSUB_S, RV_OP_FNMSUB_S, RV_OP_FNMADD_S,
    };
    static const RiscvOp dbl[4] = {
        RV_OP_FMADD_D, RV_OP_FMSUB_D, RV_OP_FNMSUB_D, RV_OP_FNMADD_D,
    };
    uint32_t which = decode_bits(raw, 3, 2);

    switch (decode_bits(raw, 26, 25)) {
    case 0:
        if (!decode_has(ext, RV_EXT_F)) {
            return RV_OP_ILLEGAL;
        }
        decode_fmt_r4(raw, in);
        return single[which];
    case 1:
        if (!decode_has(ext, RV_EXT_D)) {
            return RV_OP_ILLEGAL;
        }
        decode_fmt_r4(raw, in);
        return dbl[which];
    }
    return RV_OP_ILLEGAL;
}

/*
 * OP-FP.  funct7 = funct5:fmt; fmt 0 is single (F), 1 is double (D).  The
 * rounding-mode field is kept wherever the instruction has one, reserved
 * values included: the translator raises the illegal-instruction trap for
 * them (and for dynamic rounding with an invalid frm) at run time.
 */
static RiscvOp decode_op_fp(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    uint32_t f5 = decode_bits(raw, 31, 27);
    uint32_t fmt = decode_bits(raw, 26, 25);
    uint32_t f3 = decode_bits(raw, 14, 12);
    uint32_t rs2 = decode_bits(raw, 24, 20);
    bool dbl = fmt == 1;
    bool has_rm = false;
    RiscvOp op = RV_OP_ILLEGAL;

    if (fmt > 1) {
        return RV_OP_ILLEGAL;
    }
    switch (f5) {
    case 0x00:
        op = dbl ? RV_OP_FADD_D : RV_OP_FADD_S;
        has_rm = true;
        break;
    case 0x01:
        op = dbl ? RV_OP_FSUB_D : RV_OP_FSUB_S;
        has_rm = true;
        break;
    case 0x02:
        op = dbl ? RV_OP_FMUL_D : RV_OP_FMUL_S;
        has_rm = true;
        break;
    case 0x03:
        op = dbl ? RV_OP_FDIV_D : RV_OP_FDIV_S;
        has_rm = true;
        break;
    case 0x0b:
        if (rs2 == 0) {
            op = dbl ? RV_OP_FSQRT_D : RV_OP_FSQRT_S;
            has_rm = true;
        }
        break;
    case 0x04:
        if (f3 == 0) {
            op = dbl ? RV_OP_FSGNJ_D : RV_OP_FSGNJ_S;
        } else if (f3 == 1) {
            op = dbl ? RV_OP_FSGNJN_D : RV_OP_FSGNJN_S;
        } else if (f3 == 2) {
            op = dbl ? RV_OP_FSGNJX_D : RV_OP_FSGNJX_S;
        }
        break;
    case 0x05:
        if (f3 == 0) {
            op = dbl ? RV_OP_FMIN_D : RV_OP_FMIN_S;
        } else if (f3 == 1) {
            op = dbl ? RV_OP_FMAX_D : RV_OP_FMAX_S;
        }
        break;
    case 0x08:
        /* Conversions between formats need D whichever way they go. */
        if (!dbl && rs2 == 1) {
            op = RV_OP_FCVT_S_D;
        } else if (dbl && rs2 == 0) {
            op = RV_OP_FCVT_D_S;
        }
        dbl = true;
        has_rm = true;
        break;
    case 0x14:
        if (f3 == 0) {
            op = dbl ? RV_OP_FLE_D : RV_OP_FLE_S;
        } else if (f3 == 1) {
            op = dbl ? RV_OP_FLT_D : RV_OP_FLT_S;
        } else if (f3 == 2) {
            op = dbl ? RV_OP_FEQ_D : RV_OP_FEQ_S;
        }
        break;
    case 0x18: {
        static const RiscvOp from_s[4] = {
            RV_OP_FCVT_W_S, RV_OP_FCVT_WU_S, RV_OP_FCVT_L_S, RV_OP_FCVT_LU_S,
        };
        static const RiscvOp from_d[4] = {
            RV_OP_FCVT_W_D, RV_OP_FCVT_WU_D, RV_OP_FCVT_L_D, RV_OP_FCVT_LU_D,
        };
        if (rs2 < 2 || (rs2 < 4 && xlen == 64)) {
            op = dbl ? from_d[rs2] : from_s[rs2];
            has_rm = true;
        }
        break;
    }
    case 0x1a: {
        static const RiscvOp to_s[4] = {
            RV_OP_FCVT_S_W, RV_OP_FCVT_S_WU, RV_OP_FCVT_S_L, RV_OP_FCVT_S_LU,
        };
        static const RiscvOp to_d[4] = {
            RV_OP_FCVT_D_W, RV_OP_FCVT_D_WU, RV_OP_FCVT_D_L, RV_OP_FCVT_D_LU,
        };
        if (rs2 < 2 || (rs2 < 4 && xlen == 64)) {
            op = dbl ? to_d[rs2] : to_s[rs2];
            has_rm = true;
        }
        break;
    }
    case 0x1c:
        if (rs2 == 0 && f3 == 0 && (!dbl || xlen == 64)) {
            op = dbl ? RV_OP_FMV_X_D : RV_OP_FMV_X_W;
        } else if (rs2 == 0 && f3 == 1) {
            op = dbl ? RV_OP_FCLASS_D : RV_OP_FCLASS_S;
        }
        break;
    case 0x1e:
        if (rs2 == 0 && f3 == 0 && (!dbl || xlen == 64)) {
            op = dbl ? RV_OP_FMV_D_X : RV_OP_FMV_W_X;
        }
        break;
    }
    if (op == RV_OP_ILLEGAL || !decode_has(ext, dbl ? RV_EXT_D : RV_EXT_F)) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_r(raw, in);
    if (has_rm) {
        in->rm = f3;
    }
    return op;
}

static RiscvOp decode_branch(uint32_t raw, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp ops[8] = {
        RV_OP_BEQ, RV_OP_BNE, RV_OP_ILLEGAL, RV_OP_ILLEGAL,
        RV_OP_BLT, RV_OP_BGE, RV_OP_BLTU, RV_OP_BGEU,
    };
    RiscvOp op = ops[decode_bits(raw, 14, 12)];

    if (op == RV_OP_ILLEGAL || !decode_has(ext, RV_EXT_I)) {
        return RV_OP_ILLEGAL;
    }
    decode_fmt_b(raw, in);
    return op;
}

static RiscvOp decode_system(uint32_t raw, uint32_t ext, RiscvInsn *in)
{
    static const RiscvOp csr_ops[8] = {
        RV_OP_ILLEGAL, RV_OP_CSRRW, RV_OP_CSRRS, RV_OP_CSRRC,
        RV_OP_ILLEGAL, RV_OP_CSRRWI, RV_OP_CSRRSI, RV_OP_CSRRCI,
    };
    uint32_t f3 = decode_bits(raw, 14, 12);

    if (f3 == 0) {
        switch (raw) {
        case 0x00000073:
            return decode_has(ext, RV_EXT_I) ? RV_OP_ECALL : RV_OP_ILLEGAL;
        case 0x00100073:
            return decode_has(ext, RV_EXT_I) ? RV_OP_EBREAK : RV_OP_ILLEGAL;
        case 0x30200073:
            return decode_has(ext, RV_EXT_I) ? RV_OP_MRET : RV_OP_ILLEGAL;
        case 0x10500073:
            return decode_has(ext, RV_EXT_I) ? RV_OP_WFI : RV_OP_ILLEGAL;
        case 0x10200073:
            return decode_has(ext, RV_EXT_S) ? RV_OP_SRET : RV_OP_ILLEGAL;
        }
        if ((raw & 0xfe007fffu) == 0x12000073u && decode_has(ext, RV_EXT_S)) {
            decode_fmt_r(raw, in);
            return RV_OP_SFENCE_VMA;
        }
        return RV_OP_ILLEGAL;
    }
    if (csr_ops[f3] == RV_OP_ILLEGAL || !decode_has(ext, RV_EXT_ZICSR)) {
        return RV_OP_ILLEGAL;
    }
    in->rd = decode_bits(raw, 11, 7);
    in->rs1 = decode_bits(raw, 19, 15);
    in->csr = decode_bits(raw, 31, 20);
    if (f3 >= 5) {
        in->imm = in->rs1;
    }
    return csr_ops[f3];
}

static RiscvOp decode_32(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    switch (decode_bits(raw, 6, 0)) {
    case 0x03: return decode_load(raw, xlen, ext, in);
    case 0x07: return decode_fp_mem(raw, ext, in, false);
    case 0x0f: return decode_misc_mem(raw, ext, in);
    case 0x13: return decode_op_imm(raw, xlen, ext, in);
    case 0x17:
        if (!decode_has(ext, RV_EXT_I)) {
            return RV_OP_ILLEGAL;
        }
        decode_fmt_u(raw, in);
        return RV_OP_AUIPC;
    case 0x1b: return xlen == 64 ? decode_op_imm_32(raw, ext, in) : RV_OP_ILLEGAL;
    case 0x23: return decode_store(raw, xlen, ext, in);
    case 0x27: return decode_fp_mem(raw, ext, in, true);
    case 0x2f: return decode_amo(raw, xlen, ext, in);
    case 0x33: return decode_op(raw, xlen, ext, in);
    case 0x37:
        if (!decode_has(ext, RV_EXT_I)) {
            return RV_OP_ILLEGAL;
        }
        decode_fmt_u(raw, in);
        return RV_OP_LUI;
    case 0x3b: return xlen == 64 ? decode_op_32(raw, ext, in) : RV_OP_ILLEGAL;
    case 0x43:
    case 0x47:
    case 0x4b:
    case 0x4f: return decode_fma(raw, ext, in);
    case 0x53: return decode_op_fp(raw, xlen, ext, in);
    case 0x63: return decode_branch(raw, ext, in);
    case 0x67:
        if (decode_bits(raw, 14, 12) != 0 || !decode_has(ext, RV_EXT_I)) {
            return RV_OP_ILLEGAL;
        }
        decode_fmt_i(raw, in);
        return RV_OP_JALR;
    case 0x6f:
        if (!decode_has(ext, RV_EXT_I)) {
            return RV_OP_ILLEGAL;
        }
        decode_fmt_j(raw, in);
        return RV_OP_JAL;
    case 0x73: return decode_system(raw, ext, in);
    }
    return RV_OP_ILLEGAL;
}

/* ---- compressed immediates (RVC spec, "Compressed Instruction Formats") - */

/* c.addi4spn: nzuimm[5:4|9:6|2|3] in bits 12:5. */
static uint32_t decode_c_addi4spn_imm(uint32_t c)
{
    return (decode_bits(c, 12, 11) << 4) | (decode_bits(c, 10, 7) << 6) |
           (decode_bit(c, 6) << 2) | (decode_bit(c, 5) << 3);
}

/* c.lw/c.sw/c.flw/c.fsw: uimm[5:3] in 12:10, uimm[2|6] in 6:5. */
static uint32_t decode_c_lw_imm(uint32_t c)
{
    return (decode_bits(c, 12, 10) << 3) | (decode_bit(c, 6) << 2) | (decode_bit(c, 5) << 6);
}

/* c.ld/c.sd/c.fld/c.fsd: uimm[5:3] in 12:10, uimm[7:6] in 6:5. */
static uint32_t decode_c_ld_imm(uint32_t c)
{
    return (decode_bits(c, 12, 10) << 3) | (decode_bits(c, 6, 5) << 6);
}

/* CI format: imm[5] in 12, imm[4:0] in 6:2, signed. */
static int64_t decode_c_imm6(uint32_t c)
{
    return decode_sext((decode_bit(c, 12) << 5) | decode_bits(c, 6, 2), 6);
}

/* CI shift amount: shamt[5] in 12, shamt[4:0] in 6:2. */
static uint32_t decode_c_shamt(uint32_t c)
{
    return (decode_bit(c, 12) << 5) | decode_bits(c, 6, 2);
}

/* c.addi16sp: nzimm[9] in 12, nzimm[4|6|8:7|5] in 6:2. */
static int64_t decode_c_addi16sp_imm(uint32_t c)
{
    return decode_sext((decode_bit(c, 12) << 9) | (decode_bit(c, 6) << 4) |
                       (decode_bit(c, 5) << 6) | (decode_bits(c, 4, 3) << 7) |
                       (decode_bit(c, 2) << 5), 10);
}

/* c.lui: nzimm[17] in 12, nzimm[16:12] in 6:2. */
static int64_t decode_c_lui_imm(uint32_t c)
{
    return decode_sext((decode_bit(c, 12) << 17) | (decode_bits(c, 6, 2) << 12), 18);
}

/* c.j/c.jal: imm[11|4|9:8|10|6|7|3:1|5] in 12:2. */
static int64_t decode_c_j_imm(uint32_t c)
{
    return decode_sext((decode_bit(c, 12) << 11) | (decode_bit(c, 11) << 4) |
                       (decode_bits(c, 10, 9) << 8) | (decode_bit(c, 8) << 10) |
                       (decode_bit(c, 7) << 6) | (decode_bit(c, 6) << 7) |
                       (decode_bits(c, 5, 3) << 1) | (decode_bit(c, 2) << 5), 12);
}

/* c.beqz/c.bnez: imm[8|4:3] in 12:10, imm[7:6|2:1|5] in 6:2. */
static int64_t decode_c_b_imm(uint32_t c)
{
    return decode_sext((decode_bit(c, 12) << 8) | (decode_bits(c, 11, 10) << 3) |
                       (decode_bits(c, 6, 5) << 6) | (decode_bits(c, 4, 3) << 1) |
                       (decode_bit(c, 2) << 5), 9);
}

/* c.lwsp/c.flwsp: uimm[5] in 12, uimm[4:2|7:6] in 6:2. */
static uint32_t decode_c_lwsp_imm(uint32_t c)
{
    return (decode_bit(c, 12) << 5) | (decode_bits(c, 6, 4) << 2) | (decode_bits(c, 3, 2) << 6);
}

/* c.ldsp/c.fldsp: uimm[5] in 12, uimm[4:3|8:6] in 6:2. */
static uint32_t decode_c_ldsp_imm(uint32_t c)
{
    return (decode_bit(c, 12) << 5) | (decode_bits(c, 6, 5) << 3) | (decode_bits(c, 4, 2) << 6);
}

/* c.swsp/c.fswsp: uimm[5:2|7:6] in 12:7. */
static uint32_t decode_c_swsp_imm(uint32_t c)
{
    return (decode_bits(c, 12, 9) << 2) | (decode_bits(c, 8, 7) << 6);
}

/* c.sdsp/c.fsdsp: uimm[5:3|8:6] in 12:7. */
static uint32_t decode_c_sdsp_imm(uint32_t c)
{
    return (decode_bits(c, 12, 10) << 3) | (decode_bits(c, 9, 7) << 6);
}

/* ---- compressed -------------------------------------------------------- */

/*
 * Fill `in` with the expansion of compressed instruction c: op, cop and the
 * fields of the 32-bit instruction it stands for.  Returns false for an
 * encoding that is reserved for this XLEN; cop and the fields still say what
 * the encoding would be, which is what Spike's disassembler prints for it.
 * HINTs (c.nop with an immediate, c.li/c.mv/c.add/c.slli with rd = x0, ...)
 * decode as their base operation, which has no architectural effect.
 */
static bool decode_compressed_form(uint32_t c, unsigned xlen, RiscvInsn *in)
{
    uint32_t f3 = decode_bits(c, 15, 13);
    uint8_t r = decode_bits(c, 11, 7);       /* rd/rs1 of CR/CI */
    uint8_t r2 = decode_bits(c, 6, 2);       /* rs2 of CR/CSS */
    uint8_t rs1p = 8 + decode_bits(c, 9, 7); /* rs1'/rd' of CL/CS/CB/CA */
    uint8_t rs2p = 8 + decode_bits(c, 4, 2); /* rs2'/rd' of CL/CS/CIW/CA */

    /* Octal: the first digit is the quadrant (bits 1:0), the second funct3. */
    switch (((c & 3) << 3) | f3) {
    /* quadrant 0 */
    case 000:
        if (c == 0) {
            /* The all-zeros parcel is defined to be illegal. */
            in->cop = RV_OP_C_UNIMP;
            return false;
        }
        in->cop = RV_OP_C_ADDI4SPN;
        in->op = RV_OP_ADDI;
        in->rd = rs2p;
        in->rs1 = 2;
        in->imm = decode_c_addi4spn_imm(c);
        return in->imm != 0;
    case 001:
        in->cop = RV_OP_C_FLD;
        in->op = RV_OP_FLD;
        in->rd = rs2p;
        in->rs1 = rs1p;
        in->imm = decode_c_ld_imm(c);
        return true;
    case 002:
        in->cop = RV_OP_C_LW;
        in->op = RV_OP_LW;
        in->rd = rs2p;
        in->rs1 = rs1p;
        in->imm = decode_c_lw_imm(c);
        return true;
    case 003:
        in->rd = rs2p;
        in->rs1 = rs1p;
        if (xlen == 32) {
            in->cop = RV_OP_C_FLW;
            in->op = RV_OP_FLW;
            in->imm = decode_c_lw_imm(c);
        } else {
            in->cop = RV_OP_C_LD;
            in->op = RV_OP_LD;
            in->imm = decode_c_ld_imm(c);
        }
        return true;
    case 004:
        return false;
    case 005:
        in->cop = RV_OP_C_FSD;
        in->op = RV_OP_FSD;
        in->rs1 = rs1p;
        in->rs2 = rs2p;
        in->imm = decode_c_ld_imm(c);
        return true;
    case 006:
        in->cop = RV_OP_C_SW;
        in->op = RV_OP_SW;
        in->rs1 = rs1p;
        in->rs2 = rs2p;
        in->imm = decode_c_lw_imm(c);
        return true;
    case 007:
        in->rs1 = rs1p;
        in->rs2 = rs2p;
        if (xlen == 32) {
            in->cop = RV_OP_C_FSW;
            in->op = RV_OP_FSW;
            in->imm = decode_c_lw_imm(c);
        } else {
            in->cop = RV_OP_C_SD;
            in->op = RV_OP_SD;
            in->imm = decode_c_ld_imm(c);
        }
        return true;

    /* quadrant 1 */
    case 010:
        in->op = RV_OP_ADDI;
        in->rd = in->rs1 = r;
        in->imm = decode_c_imm6(c);
        in->cop = (r == 0 && in->imm == 0) ? RV_OP_C_NOP : RV_OP_C_ADDI;
        return true;
    case 011:
        if (xlen == 32) {
            in->cop = RV_OP_C_JAL;
            in->op = RV_OP_JAL;
            in->rd = 1;
            in->imm = decode_c_j_imm(c);
            return true;
        }
        in->cop = RV_OP_C_ADDIW;
        in->op = RV_OP_ADDIW;
        in->rd = in->rs1 = r;
        in->imm = decode_c_imm6(c);
        return r != 0;
    case 012:
        in->cop = RV_OP_C_LI;
        in->op = RV_OP_ADDI;
        in->rd = r;
        in->imm = decode_c_imm6(c);
        return true;
    case 013:
        if (r == 2) {
            in->cop = RV_OP_C_ADDI16SP;
            in->op = RV_OP_ADDI;
            in->rd = in->rs1 = 2;
            in->imm = decode_c_addi16sp_imm(c);
        } else {
            in->cop = RV_OP_C_LUI;
            in->op = RV_OP_LUI;
            in->rd = r;
            in->imm = decode_c_lui_imm(c);
        }
        return in->imm != 0;
    case 014:
        in->rd = in->rs1 = rs1p;
        switch (decode_bits(c, 11, 10)) {
        case 0:
        case 1:
            in->cop = decode_bit(c, 10) ? RV_OP_C_SRAI : RV_OP_C_SRLI;
            in->op = decode_bit(c, 10) ? RV_OP_SRAI : RV_OP_SRLI;
            in->imm = decode_c_shamt(c);
            /* RV32: shamt[5] = 1 is reserved (for custom use). */
            return xlen == 64 || !decode_bit(c, 12);
        case 2:
            in->cop = RV_OP_C_ANDI;
            in->op = RV_OP_ANDI;
            in->imm = decode_c_imm6(c);
            return true;
        default: {
            static const RiscvOp cops[8] = {
                RV_OP_C_SUB, RV_OP_C_XOR, RV_OP_C_OR, RV_OP_C_AND,
                RV_OP_C_SUBW, RV_OP_C_ADDW, RV_OP_ILLEGAL, RV_OP_ILLEGAL,
            };
            static const RiscvOp ops[8] = {
                RV_OP_SUB, RV_OP_XOR, RV_OP_OR, RV_OP_AND,
                RV_OP_SUBW, RV_OP_ADDW, RV_OP_ILLEGAL, RV_OP_ILLEGAL,
            };
            uint32_t which = (decode_bit(c, 12) << 2) | decode_bits(c, 6, 5);
            in->cop = cops[which];
            in->op = ops[which];
            in->rs2 = rs2p;
            return in->op != RV_OP_ILLEGAL && (which < 4 || xlen == 64);
        }
        }
    case 015:
        in->cop = RV_OP_C_J;
        in->op = RV_OP_JAL;
        in->rd = 0;
        in->imm = decode_c_j_imm(c);
        return true;
    case 016:
    case 017:
        in->cop = f3 == 6 ? RV_OP_C_BEQZ : RV_OP_C_BNEZ;
        in->op = f3 == 6 ? RV_OP_BEQ : RV_OP_BNE;
        in->rs1 = rs1p;
        in->rs2 = 0;
        in->imm = decode_c_b_imm(c);
        return true;

    /* quadrant 2 */
    case 020:
        in->cop = RV_OP_C_SLLI;
        in->op = RV_OP_SLLI;
        in->rd = in->rs1 = r;
        in->imm = decode_c_shamt(c);
        return xlen == 64 || !decode_bit(c, 12);
    case 021:
        in->cop = RV_OP_C_FLDSP;
        in->op = RV_OP_FLD;
        in->rd = r;
        in->rs1 = 2;
        in->imm = decode_c_ldsp_imm(c);
        return true;
    case 022:
        in->cop = RV_OP_C_LWSP;
        in->op = RV_OP_LW;
        in->rd = r;
        in->rs1 = 2;
        in->imm = decode_c_lwsp_imm(c);
        return r != 0;
    case 023:
        in->rd = r;
        in->rs1 = 2;
        if (xlen == 32) {
            in->cop = RV_OP_C_FLWSP;
            in->op = RV_OP_FLW;
            in->imm = decode_c_lwsp_imm(c);
            return true;
        }
        in->cop = RV_OP_C_LDSP;
        in->op = RV_OP_LD;
        in->imm = decode_c_ldsp_imm(c);
        return r != 0;
    case 024:
        if (!decode_bit(c, 12)) {
            if (r2 == 0) {
                in->cop = RV_OP_C_JR;
                in->op = RV_OP_JALR;
                in->rd = 0;
                in->rs1 = r;
                return r != 0;
            }
            in->cop = RV_OP_C_MV;
            in->op = RV_OP_ADD;
            in->rd = r;
            in->rs1 = 0;
            in->rs2 = r2;
            return true;
        }
        if (r2 == 0) {
            if (r == 0) {
                in->cop = RV_OP_C_EBREAK;
                in->op = RV_OP_EBREAK;
                return true;
            }
            in->cop = RV_OP_C_JALR;
            in->op = RV_OP_JALR;
            in->rd = 1;
            in->rs1 = r;
            return true;
        }
        in->cop = RV_OP_C_ADD;
        in->op = RV_OP_ADD;
        in->rd = in->rs1 = r;
        in->rs2 = r2;
        return true;
    case 025:
        in->cop = RV_OP_C_FSDSP;
        in->op = RV_OP_FSD;
        in->rs1 = 2;
        in->rs2 = r2;
        in->imm = decode_c_sdsp_imm(c);
        return true;
    case 026:
        in->cop = RV_OP_C_SWSP;
        in->op = RV_OP_SW;
        in->rs1 = 2;
        in->rs2 = r2;
        in->imm = decode_c_swsp_imm(c);
        return true;
    case 027:
        in->rs1 = 2;
        in->rs2 = r2;
        if (xlen == 32) {
            in->cop = RV_OP_C_FSWSP;
            in->op = RV_OP_FSW;
            in->imm = decode_c_swsp_imm(c);
        } else {
            in->cop = RV_OP_C_SDSP;
            in->op = RV_OP_SD;
            in->imm = decode_c_sdsp_imm(c);
        }
        return true;
    }
    return false;
}

static bool decode_compressed(uint32_t c, unsigned xlen, uint32_t ext, RiscvInsn *in)
{
    uint32_t need = RV_EXT_C | RV_EXT_I;
    bool ok = decode_compressed_form(c, xlen, in);

    switch (in->op) {
    case RV_OP_FLW:
    case RV_OP_FSW:
        need |= RV_EXT_F;
        break;
    case RV_OP_FLD:
    case RV_OP_FSD:
        need |= RV_EXT_D;
        break;
    default:
        break;
    }
    if (!ok || !decode_has(ext, need)) {
        in->op = RV_OP_ILLEGAL;
        return false;
    }
    return true;
}

bool riscv_decode(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *out)
{
    RiscvOp op;

    assert(xlen == 32 || xlen == 64);
    memset(out, 0, sizeof(*out));
    if ((raw & 3) != 3) {
        out->len = 2;
        out->raw = raw & 0xffff;
        return decode_compressed(out->raw, xlen, ext, out);
    }
    out->len = 4;
    out->raw = raw;
    op = decode_32(raw, xlen, ext, out);
    if (op == RV_OP_ILLEGAL) {
        /* Leave no half-decoded fields behind an illegal encoding. */
        memset(out, 0, sizeof(*out));
        out->len = 4;
        out->raw = raw;
        return false;
    }
    out->op = op;
    return true;
}

static const char *const riscv_op_names[RV_OP_COUNT] = {
#define RISCV_OP_NAME(name, str) [RV_OP_##name] = str,
    RISCV_OPS(RISCV_OP_NAME)
#undef RISCV_OP_NAME
};

const char *riscv_op_name(RiscvOp op)
{
    if ((unsigned)op >= RV_OP_COUNT) {
        return "unknown";
    }
    return riscv_op_names[op];
}
