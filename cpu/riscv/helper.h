/*
 * cpu/riscv/helper.h: the helpers translated RISC-V code calls
 * (cpu/riscv/op_helper.c), as registered tcg-lite helpers, and the packing
 * of their constant descriptor arguments.
 */
#ifndef RISCV_HELPER_H
#define RISCV_HELPER_H

#include <stdint.h>

#include "lemu/tcgl.h"

/* raise_exception(env, i32 cause, i64 tval): at the current instruction. */
extern const TCGLHelperInfo *riscv_helper_raise_exception;
/* The same with a run-time tval (e.g. a jalr target). */
extern const TCGLHelperInfo *riscv_helper_raise_exception_dyn;
/*
 * fetch_fault(env, i64 addr): the second half of the block's only
 * instruction, at addr, could not be fetched at translation: raise the
 * fault it gives now, or (mapped since) drop the block and translate again.
 */
extern const TCGLHelperInfo *riscv_helper_fetch_fault;
/* i64 csrrw(env, i32 desc, i64 wval, i64 wmask, i32 insn): the old value. */
extern const TCGLHelperInfo *riscv_helper_csrrw;
/* mret/sret(env, i32 insn), wfi(env, i32 insn): insn for the illegal-instruction tval. */
extern const TCGLHelperInfo *riscv_helper_mret;
extern const TCGLHelperInfo *riscv_helper_sret;
/* sfence_vma(env, i64 rs1 value, i32 rs1 number, i32 insn) */
extern const TCGLHelperInfo *riscv_helper_sfence_vma;
extern const TCGLHelperInfo *riscv_helper_wfi;
/* i64 sc(env, i64 addr, i64 val, i32 riscv_sc_desc): 0 on success. */
extern const TCGLHelperInfo *riscv_helper_sc;
/* i64 amo(env, i64 addr, i64 val, i32 desc): the old memory value. */
extern const TCGLHelperInfo *riscv_helper_amo;

enum {
    RISCV_AMO_SWAP,
    RISCV_AMO_ADD,
    RISCV_AMO_XOR,
    RISCV_AMO_AND,
    RISCV_AMO_OR,
    RISCV_AMO_MIN,
    RISCV_AMO_MAX,
    RISCV_AMO_MINU,
    RISCV_AMO_MAXU,
};

/*
 * AMO and SC descriptors carry rd: when the store rewrites the running
 * block, the helper writes rd itself before it leaves the block.
 */
static inline int32_t riscv_amo_desc(unsigned amo_op, MemOp op, unsigned mmu_idx, unsigned rd)
{
    return (int32_t)(amo_op | ((unsigned)op << 8) | (mmu_idx << 16) | (rd << 24));
}

static inline int32_t riscv_sc_desc(MemOp op, unsigned mmu_idx, unsigned rd)
{
    return (int32_t)((unsigned)op | (mmu_idx << 8) | (rd << 16));
}

/*
 * CSR access descriptor: the CSR number, whether the instruction writes /
 * reads it, and how many earlier instructions of the block retired but are
 * not yet in insn_count (so counters read exact values).
 */
#define RISCV_CSR_DESC_WRITE (1u << 12)
#define RISCV_CSR_DESC_READ (1u << 13)
#define RISCV_CSR_DESC_PENDING_SHIFT 16

static inline int32_t riscv_csr_desc(unsigned csr, bool writes, bool reads, unsigned pending)
{
    return (int32_t)(csr | (writes ? RISCV_CSR_DESC_WRITE : 0) |
                     (reads ? RISCV_CSR_DESC_READ : 0) |
                     (pending << RISCV_CSR_DESC_PENDING_SHIFT));
}

#endif
