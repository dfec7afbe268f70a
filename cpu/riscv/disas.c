/*
 * cpu/riscv/disas.c: the built-in RISC-V disassembler.  It prints a decoded
 * RiscvInsn the way Spike's disassembler does, because lemu's `-d in_asm`
 * output and instruction traces are diffed line by line against Spike's logs:
 *
 *   - the mnemonic, then (if the instruction has operands) spaces up to
 *     column 8, at least one; operands separated by ", "; ABI register names;
 *   - Spike's pseudo-instructions and only those: nop, li, mv, not, seqz,
 *     snez, sext.w, zext.w, j, jal <target>, jr, jalr <rs1>, ret,
 *     beqz/bnez/bltz/bgez, csrr/csrw/csrs/csrc/csrwi/csrsi/csrci, unimp,
 *     pause (no neg, fmv.s, fneg.s, ...);
 *   - jal targets as "pc + 0x50" (hex), branch and compressed jump targets as
 *     "pc + 16" (decimal); lui/auipc immediates in hex, the rest in decimal;
 *   - no rounding-mode operand on F/D instructions; fence sets as "iorw,rw";
 *     AMOs and sc with .aq/.rl/.aqrl, lr without;
 *   - compressed instructions under their own c.* names and operands;
 *   - anything illegal as "unknown".
 */
#include "decode.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const riscv_xreg_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static const char *const riscv_freg_names[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7",
    "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
    "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

const char *riscv_reg_name(unsigned r)
{
    return r < 32 ? riscv_xreg_names[r] : "?";
}

const char *riscv_freg_name(unsigned r)
{
    return r < 32 ? riscv_freg_names[r] : "?";
}

/* Shorthands for operand lists. */
#define XN(r) riscv_reg_name(r)
#define FN(r) riscv_freg_name(r)

/* The text being built: snprintf semantics, silently truncated at size. */
typedef struct DisasOut {
    char *buf;
    size_t size;
    size_t len;
} DisasOut;

static void disas_printf(DisasOut *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void disas_printf(DisasOut *o, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (o->len >= o->size) {
        return;
    }
    va_start(ap, fmt);
    n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
    va_end(ap);
    if (n > 0) {
        o->len += (size_t)n;
    }
}

/* A mnemonic with no operands. */
static void disas_bare(DisasOut *o, const char *name)
{
    disas_printf(o, "%s", name);
}

/* The mnemonic padded to column 8 (at least one space); operands follow. */
static void disas_name(DisasOut *o, const char *name)
{
    int len = 0;

    while (name[len]) {
        len++;
    }
    disas_printf(o, "%s%*s", name, len < 8 ? 8 - len : 1, "");
}

static void disas_csr(DisasOut *o, unsigned csr)
{
    const char *name = riscv_csr_name(csr);

    if (name) {
        disas_printf(o, "%s", name);
    } else {
        disas_printf(o, "unknown_%03x", csr);
    }
}

/* jal: hexadecimal offset. */
static void disas_jump_target(DisasOut *o, int64_t off)
{
    disas_printf(o, "pc %c 0x%" PRIx64, off < 0 ? '-' : '+',
                 (uint64_t)(off < 0 ? -off : off));
}

/* Branches and compressed jumps: decimal offset. */
static void disas_branch_target(DisasOut *o, int64_t off)
{
    disas_printf(o, "pc %c %" PRId64, off < 0 ? '-' : '+', off < 0 ? -off : off);
}

/* A fence's predecessor or successor set, in "iorw" order. */
static void disas_fence_set(DisasOut *o, unsigned set)
{
    static const char letters[] = "iorw";

    for (unsigned i = 0; i < 4; i++) {
        if (set & (8u >> i)) {
            disas_printf(o, "%c", letters[i]);
        }
    }
}

static void disas_fence(DisasOut *o, const RiscvInsn *in)
{
    /* pause is one exact encoding of fence (pred = w, everything else 0). */
    if (in->raw == 0x0100000f) {
        disas_bare(o, "pause");
        return;
    }
    disas_name(o, "fence");
    disas_fence_set(o, in->pred);
    /* Spike prints the comma only after a non-empty predecessor set. */
    if (in->pred) {
        disas_printf(o, ",");
    }
    disas_fence_set(o, in->succ);
}

static void disas_csr_insn(DisasOut *o, const RiscvInsn *in)
{
    bool imm = in->op == RV_OP_CSRRWI || in->op == RV_OP_CSRRSI || in->op == RV_OP_CSRRCI;
    const char *name = riscv_op_name(in->op);

    /* csrrw zero, cycle, zero is the canonical unimp. */
    if (in->raw == 0xc0001073) {
        disas_bare(o, "unimp");
        return;
    }
    if (in->op == RV_OP_CSRRS && in->rs1 == 0) {
        disas_name(o, "csrr");
        disas_printf(o, "%s, ", XN(in->rd));
        disas_csr(o, in->csr);
        return;
    }
    if (in->rd == 0) {
        static const char *const short_names[] = {
            [RV_OP_CSRRW] = "csrw", [RV_OP_CSRRS] = "csrs", [RV_OP_CSRRC] = "csrc",
            [RV_OP_CSRRWI] = "csrwi", [RV_OP_CSRRSI] = "csrsi", [RV_OP_CSRRCI] = "csrci",
        };
        disas_name(o, short_names[in->op]);
    } else {
        disas_name(o, name);
        disas_printf(o, "%s, ", XN(in->rd));
    }
    disas_csr(o, in->csr);
    if (imm) {
        disas_printf(o, ", %u", (unsigned)in->imm);
    } else {
        disas_printf(o, ", %s", XN(in->rs1));
    }
}

static void disas_amo(DisasOut *o, const RiscvInsn *in)
{
    static const char *const suffix[4] = { "", ".rl", ".aq", ".aqrl" };
    char name[24];

    if (in->op == RV_OP_LR_W || in->op == RV_OP_LR_D) {
        disas_name(o, riscv_op_name(in->op));
        disas_printf(o, "%s, (%s)", XN(in->rd), XN(in->rs1));
        return;
    }
    snprintf(name, sizeof(name), "%s%s", riscv_op_name(in->op),
             suffix[(in->aq ? 2 : 0) | (in->rl ? 1 : 0)]);
    disas_name(o, name);
    disas_printf(o, "%s, %s, (%s)", XN(in->rd), XN(in->rs2), XN(in->rs1));
}

static void disas_compressed(DisasOut *o, const RiscvInsn *in)
{
    const char *name = riscv_op_name(in->cop);
    int64_t imm = in->imm;

    switch (in->cop) {
    case RV_OP_C_UNIMP:
    case RV_OP_C_NOP:
    case RV_OP_C_EBREAK:
        disas_bare(o, name);
        return;
    case RV_OP_C_JR:
        if (in->rs1 == 1) {
            disas_bare(o, "c.ret");
            return;
        }
        /* fall through */
    case RV_OP_C_JALR:
        disas_name(o, name);
        disas_printf(o, "%s", XN(in->rs1));
        return;
    case RV_OP_C_ADDI4SPN:
        disas_name(o, name);
        disas_printf(o, "%s, sp, %" PRId64, XN(in->rd), imm);
        return;
    case RV_OP_C_ADDI16SP:
        disas_name(o, name);
        disas_printf(o, "sp, %" PRId64, imm);
        return;
    case RV_OP_C_LW:
    case RV_OP_C_LD:
    case RV_OP_C_LWSP:
    case RV_OP_C_LDSP:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64 "(%s)", XN(in->rd), imm, XN(in->rs1));
        return;
    case RV_OP_C_FLW:
    case RV_OP_C_FLD:
    case RV_OP_C_FLWSP:
    case RV_OP_C_FLDSP:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64 "(%s)", FN(in->rd), imm, XN(in->rs1));
        return;
    case RV_OP_C_SW:
    case RV_OP_C_SD:
    case RV_OP_C_SWSP:
    case RV_OP_C_SDSP:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64 "(%s)", XN(in->rs2), imm, XN(in->rs1));
        return;
    case RV_OP_C_FSW:
    case RV_OP_C_FSD:
    case RV_OP_C_FSWSP:
    case RV_OP_C_FSDSP:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64 "(%s)", FN(in->rs2), imm, XN(in->rs1));
        return;
    case RV_OP_C_ADDI:
    case RV_OP_C_ADDIW:
    case RV_OP_C_LI:
    case RV_OP_C_ANDI:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64, XN(in->rd), imm);
        return;
    case RV_OP_C_SLLI:
    case RV_OP_C_SRLI:
    case RV_OP_C_SRAI:
        disas_name(o, name);
        disas_printf(o, "%s, %u", XN(in->rd), (unsigned)(imm & 0x3f));
        return;
    case RV_OP_C_LUI:
        disas_name(o, name);
        disas_printf(o, "%s, 0x%x", XN(in->rd), (unsigned)(((uint64_t)imm >> 12) & 0xfffff));
        return;
    case RV_OP_C_MV:
    case RV_OP_C_ADD:
    case RV_OP_C_SUB:
    case RV_OP_C_XOR:
    case RV_OP_C_OR:
    case RV_OP_C_AND:
    case RV_OP_C_SUBW:
    case RV_OP_C_ADDW:
        disas_name(o, name);
        disas_printf(o, "%s, %s", XN(in->rd), XN(in->rs2));
        return;
    case RV_OP_C_J:
    case RV_OP_C_JAL:
        disas_name(o, name);
        disas_branch_target(o, imm);
        return;
    case RV_OP_C_BEQZ:
    case RV_OP_C_BNEZ:
        disas_name(o, name);
        disas_printf(o, "%s, ", XN(in->rs1));
        disas_branch_target(o, imm);
        return;
    default:
        disas_bare(o, "unknown");
        return;
    }
}

static void disas_32(DisasOut *o, const RiscvInsn *in)
{
    const char *name = riscv_op_name(in->op);
    int64_t imm = in->imm;

    switch (in->op) {
    case RV_OP_LUI:
    case RV_OP_AUIPC:
        disas_name(o, name);
        disas_printf(o, "%s, 0x%x", XN(in->rd), (unsigned)(((uint64_t)imm >> 12) & 0xfffff));
        return;

    case RV_OP_JAL:
        if (in->rd == 0) {
            disas_name(o, "j");
        } else if (in->rd == 1) {
            disas_name(o, "jal");
        } else {
            disas_name(o, "jal");
            disas_printf(o, "%s, ", XN(in->rd));
        }
        disas_jump_target(o, imm);
        return;

    case RV_OP_JALR:
        if (in->rd == 0 && in->rs1 == 1 && imm == 0) {
            disas_bare(o, "ret");
        } else if (in->rd == 0 && imm == 0) {
            disas_name(o, "jr");
            disas_printf(o, "%s", XN(in->rs1));
        } else if (in->rd == 1 && imm == 0) {
            disas_name(o, "jalr");
            disas_printf(o, "%s", XN(in->rs1));
        } else {
            disas_name(o, name);
            disas_printf(o, "%s, %s, %" PRId64, XN(in->rd), XN(in->rs1), imm);
        }
        return;

    case RV_OP_BEQ:
    case RV_OP_BNE:
    case RV_OP_BLT:
    case RV_OP_BGE:
        if (in->rs2 == 0) {
            static const char *const zero_forms[] = {
                [RV_OP_BEQ] = "beqz", [RV_OP_BNE] = "bnez",
                [RV_OP_BLT] = "bltz", [RV_OP_BGE] = "bgez",
            };
            disas_name(o, zero_forms[in->op]);
            disas_printf(o, "%s, ", XN(in->rs1));
            disas_branch_target(o, imm);
            return;
        }
        /* fall through */
    case RV_OP_BLTU:
    case RV_OP_BGEU:
        disas_name(o, name);
        disas_printf(o, "%s, %s, ", XN(in->rs1), XN(in->rs2));
        disas_branch_target(o, imm);
        return;

    case RV_OP_LB: case RV_OP_LH: case RV_OP_LW: case RV_OP_LD:
    case RV_OP_LBU: case RV_OP_LHU: case RV_OP_LWU:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64 "(%s)", XN(in->rd), imm, XN(in->rs1));
        return;
    case RV_OP_FLW: case RV_OP_FLD:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64 "(%s)", FN(in->rd), imm, XN(in->rs1));
        return;
    case RV_OP_SB: case RV_OP_SH: case RV_OP_SW: case RV_OP_SD:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64 "(%s)", XN(in->rs2), imm, XN(in->rs1));
        return;
    case RV_OP_FSW: case RV_OP_FSD:
        disas_name(o, name);
        disas_printf(o, "%s, %" PRId64 "(%s)", FN(in->rs2), imm, XN(in->rs1));
        return;

    case RV_OP_ADDI:
        if (in->rd == 0 && in->rs1 == 0 && imm == 0) {
            disas_bare(o, "nop");
        } else if (in->rs1 == 0) {
            disas_name(o, "li");
            disas_printf(o, "%s, %" PRId64, XN(in->rd), imm);
        } else if (imm == 0) {
            disas_name(o, "mv");
            disas_printf(o, "%s, %s", XN(in->rd), XN(in->rs1));
        } else {
            disas_name(o, name);
            disas_printf(o, "%s, %s, %" PRId64, XN(in->rd), XN(in->rs1), imm);
        }
        return;
    case RV_OP_SLTIU:
        if (imm == 1) {
            disas_name(o, "seqz");
            disas_printf(o, "%s, %s", XN(in->rd), XN(in->rs1));
            return;
        }
        goto itype;
    case RV_OP_XORI:
        if (imm == -1) {
            disas_name(o, "not");
            disas_printf(o, "%s, %s", XN(in->rd), XN(in->rs1));
            return;
        }
        goto itype;
    case RV_OP_ADDIW:
        if (imm == 0) {
            disas_name(o, "sext.w");
            disas_printf(o, "%s, %s", XN(in->rd), XN(in->rs1));
            return;
        }
        goto itype;
    case RV_OP_SLTI: case RV_OP_ORI: case RV_OP_ANDI:
    itype:
        disas_name(o, name);
        disas_printf(o, "%s, %s, %" PRId64, XN(in->rd), XN(in->rs1), imm);
        return;

    case RV_OP_SLLI: case RV_OP_SRLI: case RV_OP_SRAI:
    case RV_OP_SLLIW: case RV_OP_SRLIW: case RV_OP_SRAIW:
    case RV_OP_SLLI_UW: case RV_OP_RORI: case RV_OP_RORIW:
    case RV_OP_BCLRI: case RV_OP_BEXTI: case RV_OP_BINVI: case RV_OP_BSETI:
        disas_name(o, name);
        disas_printf(o, "%s, %s, %u", XN(in->rd), XN(in->rs1), (unsigned)imm);
        return;

    case RV_OP_SLTU:
        if (in->rs1 == 0) {
            disas_name(o, "snez");
            disas_printf(o, "%s, %s", XN(in->rd), XN(in->rs2));
            return;
        }
        goto rtype;
    case RV_OP_ADD_UW:
        if (in->rs2 == 0) {
            disas_name(o, "zext.w");
            disas_printf(o, "%s, %s", XN(in->rd), XN(in->rs1));
            return;
        }
        goto rtype;
    case RV_OP_ADD: case RV_OP_SUB: case RV_OP_SLL: case RV_OP_SLT:
    case RV_OP_XOR: case RV_OP_SRL: case RV_OP_SRA: case RV_OP_OR: case RV_OP_AND:
    case RV_OP_ADDW: case RV_OP_SUBW: case RV_OP_SLLW: case RV_OP_SRLW: case RV_OP_SRAW:
    case RV_OP_MUL: case RV_OP_MULH: case RV_OP_MULHSU: case RV_OP_MULHU:
    case RV_OP_DIV: case RV_OP_DIVU: case RV_OP_REM: case RV_OP_REMU:
    case RV_OP_MULW: case RV_OP_DIVW: case RV_OP_DIVUW: case RV_OP_REMW: case RV_OP_REMUW:
    case RV_OP_SH1ADD: case RV_OP_SH2ADD: case RV_OP_SH3ADD:
    case RV_OP_SH1ADD_UW: case RV_OP_SH2ADD_UW: case RV_OP_SH3ADD_UW:
    case RV_OP_ANDN: case RV_OP_ORN: case RV_OP_XNOR:
    case RV_OP_MAX: case RV_OP_MAXU: case RV_OP_MIN: case RV_OP_MINU:
    case RV_OP_ROL: case RV_OP_ROR: case RV_OP_ROLW: case RV_OP_RORW:
    case RV_OP_CLMUL: case RV_OP_CLMULH: case RV_OP_CLMULR:
    case RV_OP_BCLR: case RV_OP_BEXT: case RV_OP_BINV: case RV_OP_BSET:
    rtype:
        disas_name(o, name);
        disas_printf(o, "%s, %s, %s", XN(in->rd), XN(in->rs1), XN(in->rs2));
        return;

    case RV_OP_CLZ: case RV_OP_CTZ: case RV_OP_CPOP:
    case RV_OP_CLZW: case RV_OP_CTZW: case RV_OP_CPOPW:
    case RV_OP_SEXT_B: case RV_OP_SEXT_H: case RV_OP_ZEXT_H:
    case RV_OP_ORC_B: case RV_OP_REV8:
        disas_name(o, name);
        disas_printf(o, "%s, %s", XN(in->rd), XN(in->rs1));
        return;

    case RV_OP_FENCE:
        disas_fence(o, in);
        return;
    case RV_OP_FENCE_I:
    case RV_OP_ECALL:
    case RV_OP_EBREAK:
    case RV_OP_MRET:
    case RV_OP_SRET:
    case RV_OP_WFI:
        disas_bare(o, name);
        return;
    case RV_OP_SFENCE_VMA:
        disas_name(o, name);
        disas_printf(o, "%s, %s", XN(in->rs1), XN(in->rs2));
        return;

    case RV_OP_CSRRW: case RV_OP_CSRRS: case RV_OP_CSRRC:
    case RV_OP_CSRRWI: case RV_OP_CSRRSI: case RV_OP_CSRRCI:
        disas_csr_insn(o, in);
        return;

    case RV_OP_LR_W: case RV_OP_SC_W:
    case RV_OP_AMOSWAP_W: case RV_OP_AMOADD_W: case RV_OP_AMOXOR_W:
    case RV_OP_AMOAND_W: case RV_OP_AMOOR_W: case RV_OP_AMOMIN_W:
    case RV_OP_AMOMAX_W: case RV_OP_AMOMINU_W: case RV_OP_AMOMAXU_W:
    case RV_OP_LR_D: case RV_OP_SC_D:
    case RV_OP_AMOSWAP_D: case RV_OP_AMOADD_D: case RV_OP_AMOXOR_D:
    case RV_OP_AMOAND_D: case RV_OP_AMOOR_D: case RV_OP_AMOMIN_D:
    case RV_OP_AMOMAX_D: case RV_OP_AMOMINU_D: case RV_OP_AMOMAXU_D:
        disas_amo(o, in);
        return;

    /* F and D: frd, frs1, frs2 */
    case RV_OP_FADD_S: case RV_OP_FSUB_S: case RV_OP_FMUL_S: case RV_OP_FDIV_S:
    case RV_OP_FSGNJ_S: case RV_OP_FSGNJN_S: case RV_OP_FSGNJX_S:
    case RV_OP_FMIN_S: case RV_OP_FMAX_S:
    case RV_OP_FADD_D: case RV_OP_FSUB_D: case RV_OP_FMUL_D: case RV_OP_FDIV_D:
    case RV_OP_FSGNJ_D: case RV_OP_FSGNJN_D: case RV_OP_FSGNJX_D:
    case RV_OP_FMIN_D: case RV_OP_FMAX_D:
        disas_name(o, name);
        disas_printf(o, "%s, %s, %s", FN(in->rd), FN(in->rs1), FN(in->rs2));
        return;
    /* frd, frs1 */
    case RV_OP_FSQRT_S: case RV_OP_FSQRT_D:
    case RV_OP_FCVT_S_D: case RV_OP_FCVT_D_S:
        disas_name(o, name);
        disas_printf(o, "%s, %s", FN(in->rd), FN(in->rs1));
        return;
    /* frd, frs1, frs2, frs3 */
    case RV_OP_FMADD_S: case RV_OP_FMSUB_S: case RV_OP_FNMSUB_S: case RV_OP_FNMADD_S:
    case RV_OP_FMADD_D: case RV_OP_FMSUB_D: case RV_OP_FNMSUB_D: case RV_OP_FNMADD_D:
        disas_name(o, name);
        disas_printf(o, "%s, %s, %s, %s", FN(in->rd), FN(in->rs1), FN(in->rs2), FN(in->rs3));
        return;
    /* frd, xrs1 */
    case RV_OP_FCVT_S_W: case RV_OP_FCVT_S_WU: case RV_OP_FCVT_S_L: case RV_OP_FCVT_S_LU:
    case RV_OP_FCVT_D_W: case RV_OP_FCVT_D_WU: case RV_OP_FCVT_D_L: case RV_OP_FCVT_D_LU:
    case RV_OP_FMV_W_X: case RV_OP_FMV_D_X:
        disas_name(o, name);
        disas_printf(o, "%s, %s", FN(in->rd), XN(in->rs1));
        return;
    /* xrd, frs1 */
    case RV_OP_FCVT_W_S: case RV_OP_FCVT_WU_S: case RV_OP_FCVT_L_S: case RV_OP_FCVT_LU_S:
    case RV_OP_FCVT_W_D: case RV_OP_FCVT_WU_D: case RV_OP_FCVT_L_D: case RV_OP_FCVT_LU_D:
    case RV_OP_FMV_X_W: case RV_OP_FMV_X_D:
    case RV_OP_FCLASS_S: case RV_OP_FCLASS_D:
        disas_name(o, name);
        disas_printf(o, "%s, %s", XN(in->rd), FN(in->rs1));
        return;
    /* xrd, frs1, frs2 */
    case RV_OP_FEQ_S: case RV_OP_FLT_S: case RV_OP_FLE_S:
    case RV_OP_FEQ_D: case RV_OP_FLT_D: case RV_OP_FLE_D:
        disas_name(o, name);
        disas_printf(o, "%s, %s, %s", XN(in->rd), FN(in->rs1), FN(in->rs2));
        return;

    default:
        disas_bare(o, "unknown");
        return;
    }
}

char *riscv_disas(const RiscvInsn *insn, uint64_t pc, char *buf, size_t size)
{
    DisasOut o = { .buf = buf, .size = size, .len = 0 };

    /* Targets print relative to the pc, as Spike's do. */
    (void)pc;
    if (size == 0) {
        return buf;
    }
    buf[0] = '\0';
    if (insn->cop != 0) {
        disas_compressed(&o, insn);
    } else {
        disas_32(&o, insn);
    }
    return buf;
}
