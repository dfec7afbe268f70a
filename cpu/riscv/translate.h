/*
 * cpu/riscv/translate.h: what the files of the RISC-V translator share: the
 * disassembly context of the block being translated, the guest-state
 * globals and the small emitters every instruction family uses.
 * cpu/riscv/translate.c holds the block loop and the integer instructions;
 * other families (translate-fp.c, translate-bitmanip.c) plug into its
 * dispatch through their riscv_trans_* entry points.
 */
#ifndef RISCV_TRANSLATE_H
#define RISCV_TRANSLATE_H

#include "cpu/riscv/cpu.h"
#include "lemu/tcgl.h"

typedef enum DisasJumpType {
    DISAS_NEXT,       /* go on with the next instruction */
    DISAS_TOO_MANY,   /* block full: continue at pc_next through goto_tb */
    DISAS_NORETURN,   /* the block ended (exit emitted, or exception raised) */
    DISAS_EXIT,       /* state changed: pc_next stored, back to the loop */
} DisasJumpType;

typedef struct DisasContext {
    CPUState *cs;
    CPURISCVState *env;
    TranslationBlock *tb;
    uint64_t pc_first;
    uint64_t pc;          /* the current instruction */
    uint64_t pc_next;     /* the one after it */
    unsigned priv;
    unsigned mem_idx;
    uint32_t ext;
    unsigned xlen;
    bool nochain;
    /* Instructions of this block before the current one, not yet counted. */
    unsigned pending;
    DisasJumpType is_jmp;
    RiscvInsn insn;
    TCGLLabel *exit_label;
} DisasContext;


extern TCGLv_i64 cpu_gpr[32];
extern TCGLv_i64 cpu_pc;
extern TCGLv_i64 cpu_insn_count;
extern TCGLv_i64 cpu_insn_stop;
extern TCGLv_i64 cpu_load_res;
extern TCGLv_i64 cpu_load_val;

/* Source register value (x0 reads as the constant 0). */
TCGLv_i64 get_gpr(unsigned r);
/* Destination of a result: a scratch temp for x0. */
TCGLv_i64 dest_gpr(unsigned r);
void gen_set_gpr(unsigned r, TCGLv_i64 v);
/* Add n retired instructions to insn_count (on an exit path). */
void gen_count_retired(DisasContext *ctx, unsigned n);
/* Call helper h with nargs TCGLTemp * arguments. */
void gen_helper_call(const TCGLHelperInfo *h, TCGLTemp *ret, unsigned nargs, ...);
TCGLTemp *const_arg32(int32_t v);
TCGLTemp *const_arg64(int64_t v);
/* Raise an exception at the current instruction (ends the block). */
void gen_exception(DisasContext *ctx, int cause, uint64_t tval);
void gen_illegal(DisasContext *ctx);

/*
 * Instruction families in their own files: each translates ctx->insn if it
 * is one of its operations and returns true, else returns false.
 */
bool riscv_trans_fp(DisasContext *ctx);         /* translate-fp.c: F and D */
bool riscv_trans_bitmanip(DisasContext *ctx);   /* translate-bitmanip.c: Zba/Zbb/Zbc/Zbs */

#endif
