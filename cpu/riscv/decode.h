/*
 * cpu/riscv/decode.h: the RISC-V instruction decoder (cpu/riscv/decode.c)
 * and disassembler (cpu/riscv/disas.c).  The decoder turns one 16- or 32-bit
 * instruction into a RiscvInsn: the operation and its fields, immediates
 * already assembled and sign-extended.  Compressed instructions decode to the
 * base operation they expand to (c.addi -> RV_OP_ADDI), keeping their own
 * identity in `cop` for the disassembler.  The encodings follow the upstream
 * riscv-opcodes tables.
 *
 * Operation names: RV_OP_ + the mnemonic in upper case with '.' as '_'
 * (RV_OP_FENCE_I, RV_OP_LR_W, RV_OP_AMOADD_D, RV_OP_FCVT_W_S,
 * RV_OP_SFENCE_VMA, RV_OP_ADD_UW, RV_OP_SH1ADD): grep for the mnemonic.
 */
#ifndef RISCV_DECODE_H
#define RISCV_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * RISCV_OPS(X): X(NAME, "mnemonic") for every operation the decoder knows.
 * Included relative to this header so that it resolves whatever -I a user
 * of decode.h compiles with.
 */
#include "decode-ops.h"

typedef enum RiscvOp {
#define RISCV_OP_ENUM(name, str) RV_OP_##name,
    RISCV_OPS(RISCV_OP_ENUM)
#undef RISCV_OP_ENUM
    RV_OP_COUNT
} RiscvOp;

/* Extensions a decoder may accept (bit set in RiscvDecodeCfg.ext). */
enum {
    RV_EXT_I = 1u << 0,
    RV_EXT_M = 1u << 1,
    RV_EXT_A = 1u << 2,
    RV_EXT_F = 1u << 3,
    RV_EXT_D = 1u << 4,
    RV_EXT_C = 1u << 5,
    RV_EXT_ZICSR = 1u << 6,
    RV_EXT_ZIFENCEI = 1u << 7,
    RV_EXT_ZBA = 1u << 8,
    RV_EXT_ZBB = 1u << 9,
    RV_EXT_ZBC = 1u << 10,
    RV_EXT_ZBS = 1u << 11,
    RV_EXT_S = 1u << 12,     /* sret, sfence.vma */
    RV_EXT_SSTC = 1u << 13,  /* stimecmp: CSRs only, nothing to decode */
    RV_EXT_ZIHINTPAUSE = 1u << 14,  /* pause: a fence encoding, always decoded */
};

/*
 * Field conventions (decode.c):
 *  - rd/rs1/rs2/rs3 hold register numbers (integer or FP, as the operation
 *    says); a compressed instruction holds those of its expansion (c.lw ->
 *    rd', rs1' + 8; c.addi16sp -> rd = rs1 = 2; c.jal -> rd = 1; c.mv ->
 *    rs1 = 0; c.beqz -> rs2 = 0).  Fields an operation lacks are 0, except
 *    that fence keeps its reserved rd/rs1 and fence.i its rd/rs1/imm.
 *  - imm: lui/auipc/c.lui the value added (imm20 << 12, sign-extended to
 *    64 bits); branches and jumps the byte offset; loads/stores/addi... the
 *    sign-extended offset or operand; shifts, rori(w), slli.uw and the Zbs
 *    immediate forms the shift amount / bit index; csrr*i the 5-bit zimm,
 *    which rs1 also holds (the translator may test either for "no write").
 *  - rm is set only where the instruction has a rounding-mode field; every
 *    value 0..7 decodes (reserved 5 and 6 included): the translator checks.
 *  - raw and len are always set.  An illegal 32-bit instruction has every
 *    other field 0.  A reserved compressed encoding (c.addi4spn with 0,
 *    c.lwsp x0, c.jr x0, RV32 c.slli with shamt[5], ...) and 0x0000
 *    (cop = RV_OP_C_UNIMP) keep cop and the fields they would have, so that
 *    the disassembler prints them as Spike does; op is RV_OP_ILLEGAL.
 *  - HINT encodings (c.nop with an immediate, c.li/c.mv/c.add/c.slli/c.lui
 *    with rd = x0, c.addi with 0, RV64 c.srli/c.srai/c.slli by 0) decode as
 *    their base operation.
 */
typedef struct RiscvInsn {
    RiscvOp op;        /* RV_OP_ILLEGAL for illegal/reserved encodings */
    uint16_t cop;      /* compressed form (RV_OP_C_*) or 0 for a 32-bit instruction */
    uint8_t len;       /* 2 or 4 */
    uint8_t rd, rs1, rs2, rs3;
    uint8_t rm;        /* rounding-mode field (F/D) */
    uint8_t aq, rl;    /* A extension ordering bits */
    uint8_t pred, succ, fm;  /* fence fields */
    uint16_t csr;
    int64_t imm;       /* immediate, sign-extended; shift amount; zimm of csr*i */
    uint32_t raw;      /* the encoding (16 bits for compressed) */
} RiscvInsn;

/* Length in bytes of the instruction whose first halfword is given. */
static inline unsigned riscv_insn_length(uint16_t first)
{
    return (first & 3) == 3 ? 4 : 2;
}

/*
 * Decode raw (the low 16 bits for a compressed instruction) for an XLEN of
 * 32 or 64 and the extensions in `ext`.  Returns false (op = RV_OP_ILLEGAL)
 * for an encoding that is illegal or reserved for that configuration.  When
 * raw's low two bits are not 11 only its low 16 bits are read, so a caller
 * may pass 32 fetched bits whatever the length.  Pure: safe from any thread.
 */
bool riscv_decode(uint32_t raw, unsigned xlen, uint32_t ext, RiscvInsn *out);

/*
 * Disassemble in Spike's style ("addi    a1, t0, 32", "j       pc + 0x50",
 * "csrr    a0, mhartid"): the mnemonic padded to 8 columns, ABI register
 * names, Spike's pseudo-instructions, c.* names for compressed forms,
 * "unknown" for an illegal encoding.  Targets print relative to the pc
 * ("pc - 16"), as Spike's do, so pc does not change the text.  Writes at
 * most size bytes, always NUL-terminated when size > 0; returns buf.
 */
char *riscv_disas(const RiscvInsn *insn, uint64_t pc, char *buf, size_t size);

/* ABI name of integer register r ("zero", "ra", ..., "t6") and FP register r. */
const char *riscv_reg_name(unsigned r);
const char *riscv_freg_name(unsigned r);
/* Name of a CSR number ("mstatus"), or NULL if unknown. */
const char *riscv_csr_name(unsigned csr);
/* The mnemonic of op ("fence.i", "c.addi16sp"); "unknown" if out of range. */
const char *riscv_op_name(RiscvOp op);

#endif
