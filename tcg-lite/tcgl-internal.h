/*
 * tcgl-internal.h: what the tcg-lite passes and backends share but the
 * frontend does not see: the op table, the shape of temps, labels and ops,
 * the one translation context, and the exact semantics of the operations
 * that both the constant folder and the interpreter evaluate (so that a
 * folded result and an executed one can never disagree).
 */
#ifndef LEMU_TCGL_INTERNAL_H
#define LEMU_TCGL_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "lemu/tb.h"
#include "lemu/tcgl.h"

/* ------------------------------------------------------------------ */
/* Ops                                                                  */

/*
 * Op flags.  SE: never removed as dead code.  BB_END: ends a basic block
 * (control may go elsewhere).  NORETURN: the next op is not reached from this
 * one.  COND: conditional branch (falls through too).  I64: the op works on
 * 64-bit values (for folding).
 */
#define TCGL_OPF_SE (1u << 0)
#define TCGL_OPF_BB_END (1u << 1)
#define TCGL_OPF_NORETURN (1u << 2)
#define TCGL_OPF_COND (1u << 3)
#define TCGL_OPF_I64 (1u << 4)
#define TCGL_OPF_CALL (1u << 5)

/*
 * DEF(name, signature, flags).  The signature lists the arguments in the
 * order the op stores and prints them: outputs, then inputs, then constant
 * arguments.
 *   O / o   output temp, i64 / i32        I / i   input temp, i64 / i32
 *   c       condition                      L       label
 *   n       small unsigned number          X       64-bit immediate
 *   m       MemOpIdx (printed as memop,mmu_idx)
 *   e       the word "env" in the text; stores nothing
 * call has its own layout (outputs, inputs, then the TCGLHelperInfo).
 */
#define TCGL_OPCODES(DEF)                                             \
    DEF(nop, "", 0)                                                   \
    DEF(insn_start, "XX", TCGL_OPF_SE)                                \
    DEF(set_label, "L", TCGL_OPF_SE | TCGL_OPF_BB_END)                \
    DEF(br, "L", TCGL_OPF_SE | TCGL_OPF_BB_END | TCGL_OPF_NORETURN)   \
    DEF(brcond_i32, "iicL", TCGL_OPF_SE | TCGL_OPF_BB_END | TCGL_OPF_COND) \
    DEF(brcond_i64, "IIcL", TCGL_OPF_SE | TCGL_OPF_BB_END | TCGL_OPF_COND | TCGL_OPF_I64) \
    DEF(goto_tb, "n", TCGL_OPF_SE)                                    \
    DEF(exit_tb, "X", TCGL_OPF_SE | TCGL_OPF_BB_END | TCGL_OPF_NORETURN) \
    DEF(lookup_and_goto_ptr, "", TCGL_OPF_SE | TCGL_OPF_BB_END | TCGL_OPF_NORETURN) \
    DEF(call, "", TCGL_OPF_CALL)                                      \
    DEF(qemu_ld_i64, "OIm", TCGL_OPF_SE | TCGL_OPF_I64)               \
    DEF(qemu_st_i64, "IIm", TCGL_OPF_SE | TCGL_OPF_I64)               \
    DEF(ld_i64, "OeX", TCGL_OPF_I64)                                  \
    DEF(ld32u_i64, "OeX", TCGL_OPF_I64)                               \
    DEF(ld32s_i64, "OeX", TCGL_OPF_I64)                               \
    DEF(ld8u_i64, "OeX", TCGL_OPF_I64)                                \
    DEF(st_i64, "IeX", TCGL_OPF_SE | TCGL_OPF_I64)                    \
    DEF(st32_i64, "IeX", TCGL_OPF_SE | TCGL_OPF_I64)                  \
    DEF(st8_i64, "IeX", TCGL_OPF_SE | TCGL_OPF_I64)                   \
    DEF(ld_i32, "oeX", 0)                                             \
    DEF(st_i32, "ieX", TCGL_OPF_SE)                                   \
    DEF(extrl_i64_i32, "oI", 0)                                       \
    DEF(extu_i32_i64, "Oi", TCGL_OPF_I64)                             \
    DEF(ext_i32_i64, "Oi", TCGL_OPF_I64)                              \
    TCGL_OPCODES_W(DEF, i64, "O", "I", TCGL_OPF_I64)                  \
    TCGL_OPCODES_W(DEF, i32, "o", "i", 0)                             \
    DEF(mulsh_i64, "OII", TCGL_OPF_I64)                               \
    DEF(muluh_i64, "OII", TCGL_OPF_I64)                               \
    DEF(bswap64_i64, "OI", TCGL_OPF_I64)                              \
    DEF(ext8s_i64, "OI", TCGL_OPF_I64)                                \
    DEF(ext8u_i64, "OI", TCGL_OPF_I64)                                \
    DEF(ext16s_i64, "OI", TCGL_OPF_I64)                               \
    DEF(ext16u_i64, "OI", TCGL_OPF_I64)                               \
    DEF(ext32s_i64, "OI", TCGL_OPF_I64)                               \
    DEF(ext32u_i64, "OI", TCGL_OPF_I64)                               \
    DEF(extract_i64, "OInn", TCGL_OPF_I64)                            \
    DEF(sextract_i64, "OInn", TCGL_OPF_I64)                           \
    DEF(deposit_i64, "OIInn", TCGL_OPF_I64)

/* The ops both widths have, W being i32 or i64. */
#define TCGL_OPCODES_W(DEF, W, O, I, F)      \
    DEF(mov_##W, O I, F)                     \
    DEF(movi_##W, O "X", F)                  \
    DEF(add_##W, O I I, F)                   \
    DEF(sub_##W, O I I, F)                   \
    DEF(mul_##W, O I I, F)                   \
    DEF(div_##W, O I I, F)                   \
    DEF(divu_##W, O I I, F)                  \
    DEF(rem_##W, O I I, F)                   \
    DEF(remu_##W, O I I, F)                  \
    DEF(and_##W, O I I, F)                   \
    DEF(or_##W, O I I, F)                    \
    DEF(xor_##W, O I I, F)                   \
    DEF(andc_##W, O I I, F)                  \
    DEF(orc_##W, O I I, F)                   \
    DEF(eqv_##W, O I I, F)                   \
    DEF(shl_##W, O I I, F)                   \
    DEF(shr_##W, O I I, F)                   \
    DEF(sar_##W, O I I, F)                   \
    DEF(rotl_##W, O I I, F)                  \
    DEF(rotr_##W, O I I, F)                  \
    DEF(neg_##W, O I, F)                     \
    DEF(not_##W, O I, F)                     \
    DEF(clz_##W, O I, F)                     \
    DEF(ctz_##W, O I, F)                     \
    DEF(ctpop_##W, O I, F)                   \
    DEF(setcond_##W, O I I "c", F)           \
    DEF(movcond_##W, O I I I I "c", F)

typedef enum TCGLOpcode {
#define TCGL_DEF_ENUM(name, sig, flags) INDEX_op_##name,
    TCGL_OPCODES(TCGL_DEF_ENUM)
#undef TCGL_DEF_ENUM
    TCGL_NB_OPS
} TCGLOpcode;

typedef struct TCGLOpDef {
    const char *name;
    const char *sig;
    unsigned flags;
    uint8_t nb_oargs, nb_iargs, nb_cargs;   /* from sig (not for call) */
} TCGLOpDef;

extern const TCGLOpDef tcgl_op_defs[TCGL_NB_OPS];

/* An op: outputs, inputs, then constant arguments, in args[]. */
#define TCGL_MAX_OP_ARGS (1 + TCGL_MAX_HELPER_ARGS + 1)

typedef struct TCGLOp {
    uint16_t opc;
    uint8_t nb_oargs, nb_iargs, nb_cargs;
    /* Set by liveness: bit i means input args[i] is not used after this op. */
    uint16_t dead;
    uint64_t args[TCGL_MAX_OP_ARGS];
} TCGLOp;

/* ------------------------------------------------------------------ */
/* Temps and labels                                                     */

typedef enum TCGLTempKind {
    TCGL_TEMP_ENV,      /* the env pointer, only as a helper argument */
    TCGL_TEMP_GLOBAL,   /* a field of env, for the whole process */
    TCGL_TEMP_LOCAL,    /* per translation */
    TCGL_TEMP_CONST,    /* per translation, interned */
} TCGLTempKind;

struct TCGLTemp {
    TCGLTempKind kind;
    TCGLType type;
    /* Locals and constants: dense index in this translation's temps. */
    uint32_t index;
    /* Locals: the number printed as tmpN. */
    uint32_t id;
    /* Constants: the value (i32 values sign-extended). */
    int64_t val;
    /* Globals. */
    ptrdiff_t offset;
    const char *name;

    /* Optimizer state: known constant value, ring of temps holding the same value. */
    bool opt_is_const;
    uint64_t opt_val;
    uint64_t opt_stamp;
    TCGLTemp *opt_prev, *opt_next;

    /* Backend scratch: first and last op index where the temp occurs, slot. */
    uint32_t be_first, be_last;
    int32_t be_slot;
};

struct TCGLLabel {
    uint32_t id;        /* dense index in this translation */
    uint32_t num;       /* the number printed as LN */
    uint32_t refs;      /* branches to it (recomputed by the passes) */
    bool present;       /* set_label emitted */
    /* Scratch for passes and backends. */
    int32_t pos;
    uint32_t live_index;
};

static inline TCGLTemp *tcgl_arg_temp(uint64_t a)
{
    return (TCGLTemp *)(uintptr_t)a;
}
static inline uint64_t tcgl_temp_arg(TCGLTemp *t)
{
    return (uint64_t)(uintptr_t)t;
}
static inline TCGLLabel *tcgl_arg_label(uint64_t a)
{
    return (TCGLLabel *)(uintptr_t)a;
}
static inline uint64_t tcgl_label_arg(TCGLLabel *l)
{
    return (uint64_t)(uintptr_t)l;
}

/* Where the label argument of a branch or set_label op is. */
static inline TCGLLabel *tcgl_op_label(const TCGLOp *op)
{
    return tcgl_arg_label(op->args[op->nb_oargs + op->nb_iargs + op->nb_cargs - 1]);
}

static inline const TCGLHelperInfo *tcgl_op_helper(const TCGLOp *op)
{
    return (const TCGLHelperInfo *)(uintptr_t)op->args[op->nb_oargs + op->nb_iargs];
}

static inline unsigned tcgl_op_flags(const TCGLOp *op)
{
    return tcgl_op_defs[op->opc].flags;
}

/* ------------------------------------------------------------------ */
/* The translation context                                              */

typedef struct TCGLContext {
    /* Globals, for the whole process. */
    TCGLTemp **globals;
    unsigned nb_globals, cap_globals;
    TCGLTemp *env;

    /* This translation's locals and constants, in chunks that never move. */
    TCGLTemp **temp_chunks;
    unsigned nb_temps, nb_temp_chunks;
    unsigned next_local_id;

    /* Interned constants: open addressing, valid for one generation. */
    TCGLTemp **const_table;
    uint32_t *const_gen;
    unsigned const_cap, nb_consts;
    uint32_t generation;

    TCGLLabel **label_chunks;
    unsigned nb_labels, nb_label_chunks;

    TCGLOp *ops;
    unsigned nb_ops, cap_ops;

    /* The dead bits of the ops are valid (tcgl_liveness ran last). */
    bool liveness_valid;

    const TCGLMemOps *mem_ops;
    TCGLLookupFn *lookup_fn;
} TCGLContext;

extern TCGLContext tcgl_ctx;

#define TCGL_CHUNK 256

static inline TCGLTemp *tcgl_temp_at(unsigned index)
{
    return &tcgl_ctx.temp_chunks[index / TCGL_CHUNK][index % TCGL_CHUNK];
}
static inline TCGLLabel *tcgl_label_at(unsigned index)
{
    return &tcgl_ctx.label_chunks[index / TCGL_CHUNK][index % TCGL_CHUNK];
}

/* Emit an op at the end of the IR; returns it (valid until the next emission). */
TCGLOp *tcgl_emit_op(TCGLOpcode opc);
/* A local temp with a chosen dump number (the parser keeps the text's numbers). */
TCGLTemp *tcgl_temp_new_internal(TCGLType type, int id);
TCGLTemp *tcgl_constant_internal(TCGLType type, int64_t val);
/* Drop the ops turned into nop by a pass. */
void tcgl_compact_ops(void);
/* Recount the references of every label from the branches in the IR. */
void tcgl_count_label_refs(void);
/* Dead-code elimination and liveness; `coalesce` also folds "op t; mov x,t". */
void tcgl_liveness_pass(bool coalesce);

/* Name tables shared by the dump and the parser. */
extern const char *const tcgl_cond_names[];
/* Format a MemOp as "ul", "sb", "be_uq", "ul_al"... */
void tcgl_memop_name(MemOp op, char *buf, size_t len);

/* ------------------------------------------------------------------ */
/* Semantics shared by the constant folder and the interpreter          */

static inline TCGLCond tcgl_cond_swap(TCGLCond c)
{
    switch (c) {
    case TCGL_COND_LT: return TCGL_COND_GT;
    case TCGL_COND_GT: return TCGL_COND_LT;
    case TCGL_COND_LE: return TCGL_COND_GE;
    case TCGL_COND_GE: return TCGL_COND_LE;
    case TCGL_COND_LTU: return TCGL_COND_GTU;
    case TCGL_COND_GTU: return TCGL_COND_LTU;
    case TCGL_COND_LEU: return TCGL_COND_GEU;
    case TCGL_COND_GEU: return TCGL_COND_LEU;
    default: return c;
    }
}

static inline bool tcgl_cond_eval64(TCGLCond c, uint64_t a, uint64_t b)
{
    switch (c) {
    case TCGL_COND_NEVER: return false;
    case TCGL_COND_ALWAYS: return true;
    case TCGL_COND_EQ: return a == b;
    case TCGL_COND_NE: return a != b;
    case TCGL_COND_LT: return (int64_t)a < (int64_t)b;
    case TCGL_COND_GE: return (int64_t)a >= (int64_t)b;
    case TCGL_COND_LE: return (int64_t)a <= (int64_t)b;
    case TCGL_COND_GT: return (int64_t)a > (int64_t)b;
    case TCGL_COND_LTU: return a < b;
    case TCGL_COND_GEU: return a >= b;
    case TCGL_COND_LEU: return a <= b;
    case TCGL_COND_GTU: return a > b;
    }
    return false;
}

static inline bool tcgl_cond_eval32(TCGLCond c, uint32_t a, uint32_t b)
{
    /* Sign-extend for the signed conditions, zero-extend for the others. */
    switch (c) {
    case TCGL_COND_LT:
    case TCGL_COND_GE:
    case TCGL_COND_LE:
    case TCGL_COND_GT:
        return tcgl_cond_eval64(c, (uint64_t)(int64_t)(int32_t)a, (uint64_t)(int64_t)(int32_t)b);
    default:
        return tcgl_cond_eval64(c, a, b);
    }
}

/* Division, defined for every input (see tcgl.h). */
static inline uint64_t tcgl_div64(uint64_t a, uint64_t b)
{
    if (b == 0) {
        return UINT64_MAX;
    }
    if (a == (uint64_t)INT64_MIN && b == UINT64_MAX) {
        return a;
    }
    return (uint64_t)((int64_t)a / (int64_t)b);
}
static inline uint64_t tcgl_rem64(uint64_t a, uint64_t b)
{
    if (b == 0) {
        return a;
    }
    if (a == (uint64_t)INT64_MIN && b == UINT64_MAX) {
        return 0;
    }
    return (uint64_t)((int64_t)a % (int64_t)b);
}
static inline uint64_t tcgl_divu64(uint64_t a, uint64_t b)
{
    return b ? a / b : UINT64_MAX;
}
static inline uint64_t tcgl_remu64(uint64_t a, uint64_t b)
{
    return b ? a % b : a;
}
static inline uint32_t tcgl_div32(uint32_t a, uint32_t b)
{
    if (b == 0) {
        return UINT32_MAX;
    }
    if (a == (uint32_t)INT32_MIN && b == UINT32_MAX) {
        return a;
    }
    return (uint32_t)((int32_t)a / (int32_t)b);
}
static inline uint32_t tcgl_rem32(uint32_t a, uint32_t b)
{
    if (b == 0) {
        return a;
    }
    if (a == (uint32_t)INT32_MIN && b == UINT32_MAX) {
        return 0;
    }
    return (uint32_t)((int32_t)a % (int32_t)b);
}
static inline uint32_t tcgl_divu32(uint32_t a, uint32_t b)
{
    return b ? a / b : UINT32_MAX;
}
static inline uint32_t tcgl_remu32(uint32_t a, uint32_t b)
{
    return b ? a % b : a;
}

static inline uint64_t tcgl_rotl64(uint64_t a, unsigned n)
{
    n &= 63;
    return n ? (a << n) | (a >> (64 - n)) : a;
}
static inline uint64_t tcgl_rotr64(uint64_t a, unsigned n)
{
    n &= 63;
    return n ? (a >> n) | (a << (64 - n)) : a;
}
static inline uint32_t tcgl_rotl32(uint32_t a, unsigned n)
{
    n &= 31;
    return n ? (a << n) | (a >> (32 - n)) : a;
}
static inline uint32_t tcgl_rotr32(uint32_t a, unsigned n)
{
    n &= 31;
    return n ? (a >> n) | (a << (32 - n)) : a;
}

static inline uint64_t tcgl_clz64(uint64_t a)
{
    return a ? (uint64_t)__builtin_clzll(a) : 64;
}
static inline uint64_t tcgl_ctz64(uint64_t a)
{
    return a ? (uint64_t)__builtin_ctzll(a) : 64;
}
static inline uint32_t tcgl_clz32(uint32_t a)
{
    return a ? (uint32_t)__builtin_clz(a) : 32;
}
static inline uint32_t tcgl_ctz32(uint32_t a)
{
    return a ? (uint32_t)__builtin_ctz(a) : 32;
}

static inline uint64_t tcgl_mulsh64(uint64_t a, uint64_t b)
{
    __int128 p = (__int128)(int64_t)a * (int64_t)b;
    return (uint64_t)((unsigned __int128)p >> 64);
}
static inline uint64_t tcgl_muluh64(uint64_t a, uint64_t b)
{
    unsigned __int128 p = (unsigned __int128)a * b;
    return (uint64_t)(p >> 64);
}

static inline uint64_t tcgl_extract64(uint64_t a, unsigned ofs, unsigned len)
{
    return (a >> ofs) & (UINT64_MAX >> (64 - len));
}
static inline uint64_t tcgl_sextract64(uint64_t a, unsigned ofs, unsigned len)
{
    /* Move the field to the top, then shift it down arithmetically. */
    return (uint64_t)((int64_t)(a << (64 - len - ofs)) >> (64 - len));
}
static inline uint64_t tcgl_deposit64(uint64_t a, uint64_t b, unsigned ofs, unsigned len)
{
    uint64_t mask = (UINT64_MAX >> (64 - len)) << ofs;
    return (a & ~mask) | ((b << ofs) & mask);
}

#endif
