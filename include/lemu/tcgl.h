/*
 * tcgl.h: tcg-lite, lemu's intermediate representation for translated guest
 * code, and the interface between the frontend (cpu/<target>/translate.c),
 * the optimizer, and the backends (the bytecode interpreter; later an x86-64
 * JIT).  tcg-lite knows nothing of any guest architecture.
 *
 * A translation builds one block of IR through the tcgl_gen_* functions on
 * the current context, between tcgl_func_start() and tcgl_func_end().  Then
 * tcgl_optimize() (constant folding + copy propagation, dead-code
 * elimination), tcgl_liveness() and the backend's gen_code() turn it into
 * code for a TranslationBlock (include/lemu/tb.h).
 *
 * Values: temps of type i32 or i64.
 *  - globals: fields of the CPU state, at a fixed offset from `env`; every
 *    write to a global is visible in the CPU state when the op completes
 *    (exceptions raised later in the block see it), and a helper call that
 *    is not TCGL_CALL_NO_RWG may read or write any global.
 *  - temps: values local to one translation, valid across labels.
 *  - constants: interned, read-only, valid until the next tcgl_func_start().
 *
 * Files: tcg-lite/ir.c (context, temps, op emission), tcg-lite/optimize.c,
 * tcg-lite/liveness.c, tcg-lite/dump.c (text dump and parser for tests),
 * tcg-lite/helpers.c (registry), tcg-lite/interp.c (bytecode backend),
 * tcg-lite/tb-maint.c (TB cache: include/lemu/tb.h).
 */
#ifndef LEMU_TCGL_H
#define LEMU_TCGL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lemu/memop.h"

typedef enum TCGLType {
    TCGL_TYPE_I32,
    TCGL_TYPE_I64,
} TCGLType;

/* Distinct pointer types so that mixing widths is a compile error. */
typedef struct TCGLTemp TCGLTemp;
typedef struct TCGLv_i32_d *TCGLv_i32;
typedef struct TCGLv_i64_d *TCGLv_i64;
typedef struct TCGLLabel TCGLLabel;
typedef struct TranslationBlock TranslationBlock;

typedef enum TCGLCond {
    TCGL_COND_NEVER,
    TCGL_COND_ALWAYS,
    TCGL_COND_EQ,
    TCGL_COND_NE,
    TCGL_COND_LT,   /* signed */
    TCGL_COND_GE,
    TCGL_COND_LE,
    TCGL_COND_GT,
    TCGL_COND_LTU,  /* unsigned */
    TCGL_COND_GEU,
    TCGL_COND_LEU,
    TCGL_COND_GTU,
} TCGLCond;

/* A memory access descriptor for qemu_ld/st: MemOp plus MMU index. */
typedef uint32_t MemOpIdx;
static inline MemOpIdx make_memop_idx(MemOp op, unsigned mmu_idx)
{
    return ((uint32_t)op << 4) | mmu_idx;
}
static inline MemOp get_memop(MemOpIdx oi) { return (MemOp)(oi >> 4); }
static inline unsigned get_mmuidx(MemOpIdx oi) { return oi & 15; }

/* ------------------------------------------------------------------ */
/* Set-up (once per process, before the first translation)            */

/*
 * Declare a guest-state global at `offset` bytes from env (may be negative;
 * a multiple of the global's size).  Globals live for the whole process.
 * `name` is used by the IR dump and the parser; declaring the same name
 * again with the same offset and type returns the existing global.
 */
TCGLv_i64 tcgl_global_i64(ptrdiff_t offset, const char *name);
TCGLv_i32 tcgl_global_i32(ptrdiff_t offset, const char *name);

/*
 * Memory access callbacks of the softmmu, called by backends for
 * qemu_ld/qemu_st.  `ra` identifies the guest instruction for precise
 * exceptions (see tcgl_tb_find_insn); tcgl_exec_ra holds the same value
 * during the call.  A faulting access does not return: it longjmps out of
 * the executing block.
 *
 * The callee does the whole MemOp: load returns the value of memop_size()
 * bytes, byte-swapped if MO_BSWAP, sign-extended to 64 bits if MO_SIGN and
 * zero-extended otherwise; the backend stores it unchanged.  store gets the
 * full 64-bit value and writes its low memop_size() bytes (swapped if
 * MO_BSWAP).  A callback that returns must leave alone the globals the
 * block wrote before the access: the optimizer may reuse the written value
 * after it (as for helpers with TCGL_CALL_NO_RWG).
 */
typedef struct TCGLMemOps {
    uint64_t (*load)(void *env, uint64_t addr, MemOpIdx oi, uintptr_t ra);
    void (*store)(void *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra);
} TCGLMemOps;
void tcgl_set_mem_ops(const TCGLMemOps *ops);

/*
 * The layout of the softmmu's TLB, so that a backend can do the fast path
 * of qemu_ld/qemu_st itself (a hit on RAM: one compare and one add) and
 * call TCGLMemOps only for everything else.  For MMU index i the table of
 * 1 << index_bits entries of entry_size bytes (a power of two, at least 8)
 * starts at env + table_offset[i].  The entry of addr is number
 * (addr >> page_bits) & ((1 << index_bits) - 1).  In it, the 64-bit
 * comparators at read_offset and write_offset hold the page address, plus
 * flag bits in the page-offset bits that make every compare fail; a load
 * (store) of size bytes hits when
 *     (addr & (~((1 << page_bits) - 1) | (size - 1))) == comparator
 * (so a misaligned access never hits), and then the host address is addr +
 * the uintptr_t addend at addend_offset.  Little-endian hosts only: MO_BSWAP
 * accesses always go to TCGLMemOps.  A hit never faults, so a backend sets
 * tcgl_exec_ra only before calling TCGLMemOps.
 *
 * Set it once, before the first translation: blocks lowered with the fast
 * path read the layout while they run.  NULL (the default) makes blocks
 * lowered afterwards call TCGLMemOps for every access.  The layout is
 * copied; one that breaks the rules above is a programming error (assert).
 */
#define TCGL_MAX_MMU_IDX 16
typedef struct TCGLTlbLayout {
    ptrdiff_t table_offset[TCGL_MAX_MMU_IDX];
    unsigned index_bits;
    unsigned page_bits;
    unsigned entry_size;
    unsigned read_offset, write_offset, addend_offset;
} TCGLTlbLayout;
void tcgl_set_tlb_layout(const TCGLTlbLayout *layout);

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef enum TCGLHelperType {
    TCGL_HT_VOID,
    TCGL_HT_I32,
    TCGL_HT_I64,
    TCGL_HT_PTR,   /* only the env argument */
} TCGLHelperType;

/* The helper neither reads nor writes globals (they need not be synced). */
#define TCGL_CALL_NO_RWG (1u << 0)
/* ...and has no side effects: it may be removed when its result is dead. */
#define TCGL_CALL_NO_SE (1u << 1)
#define TCGL_CALL_PURE (TCGL_CALL_NO_RWG | TCGL_CALL_NO_SE)

#define TCGL_MAX_HELPER_ARGS 6

typedef struct TCGLHelperInfo {
    const char *name;
    void *func;
    unsigned flags;
    TCGLHelperType ret;
    unsigned nargs;
    TCGLHelperType args[TCGL_MAX_HELPER_ARGS];
    void *cif;    /* backend data (the interpreter's ffi_cif), shared per signature */
} TCGLHelperInfo;

/*
 * Register a helper once (at start-up); returns the registry entry, which
 * tcgl_gen_call takes.  The signature's ffi_cif is prepared here, once, and
 * shared by every helper with the same signature.  Registering the same
 * name again with the same function, flags and signature returns the same
 * entry.  ret is VOID, I32 or I64; args are I32, I64 or PTR (env).
 */
const TCGLHelperInfo *tcgl_helper_register(const char *name, void *func, unsigned flags,
                                           TCGLHelperType ret, unsigned nargs,
                                           const TCGLHelperType *args);
const TCGLHelperInfo *tcgl_helper_lookup(const char *name);

/*
 * The `ra` of the guest instruction currently executing in a backend, set
 * before every helper call and memory access: what a helper passes on when
 * it raises a guest exception (QEMU's GETPC()).
 */
extern __thread uintptr_t tcgl_exec_ra;
static inline uintptr_t tcgl_getpc(void) { return tcgl_exec_ra; }
/* The block executing now (a backend updates it when it follows a chain). */
extern __thread TranslationBlock *tcgl_exec_tb;

/* ------------------------------------------------------------------ */
/* Building IR                                                          */

/* Start a new translation (discards the previous one's IR). */
void tcgl_func_start(void);
/* Finish building: after this the IR can be optimized and lowered. */
void tcgl_func_end(void);

/* The env pointer, for helper arguments. */
TCGLTemp *tcgl_env(void);
TCGLTemp *tcgl_temp_i32(TCGLv_i32 v);
TCGLTemp *tcgl_temp_i64(TCGLv_i64 v);

TCGLv_i32 tcgl_temp_new_i32(void);
TCGLv_i64 tcgl_temp_new_i64(void);
/* Interned constants: never write to them; valid for this translation. */
TCGLv_i32 tcgl_constant_i32(int32_t v);
TCGLv_i64 tcgl_constant_i64(int64_t v);

TCGLLabel *tcgl_label_new(void);
void tcgl_set_label(TCGLLabel *l);
void tcgl_gen_br(TCGLLabel *l);
void tcgl_gen_brcond_i64(TCGLCond cond, TCGLv_i64 a, TCGLv_i64 b, TCGLLabel *l);
void tcgl_gen_brcondi_i64(TCGLCond cond, TCGLv_i64 a, int64_t b, TCGLLabel *l);
void tcgl_gen_brcond_i32(TCGLCond cond, TCGLv_i32 a, TCGLv_i32 b, TCGLLabel *l);

/*
 * Arithmetic, logic and shifts, 64-bit.  Shift counts are taken modulo 64.
 * Division is defined for every input: x / 0 = all ones, x % 0 = x (also
 * unsigned), INT_MIN / -1 = INT_MIN, INT_MIN % -1 = 0.
 */
void tcgl_gen_mov_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_movi_i64(TCGLv_i64 ret, int64_t v);
void tcgl_gen_add_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_addi_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b);
void tcgl_gen_sub_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_subi_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b);
void tcgl_gen_neg_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_mul_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_muli_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b);
void tcgl_gen_mulsh_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);  /* high 64 of signed */
void tcgl_gen_muluh_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);  /* high 64 of unsigned */
void tcgl_gen_div_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_divu_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_rem_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_remu_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_and_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_andi_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b);
void tcgl_gen_or_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_ori_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b);
void tcgl_gen_xor_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_xori_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b);
void tcgl_gen_not_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_andc_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);   /* a & ~b */
void tcgl_gen_orc_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);    /* a | ~b */
void tcgl_gen_eqv_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);    /* ~(a ^ b) */
void tcgl_gen_shl_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_shli_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned b);
void tcgl_gen_shr_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_shri_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned b);
void tcgl_gen_sar_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_sari_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned b);
void tcgl_gen_rotl_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_rotr_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_rotri_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned b);
/* Bit counts: clz/ctz of 0 give 64. */
void tcgl_gen_clz_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_ctz_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_ctpop_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_bswap64_i64(TCGLv_i64 ret, TCGLv_i64 a);
/* Sign/zero extension of the low 8/16/32 bits. */
void tcgl_gen_ext8s_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_ext8u_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_ext16s_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_ext16u_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_ext32s_i64(TCGLv_i64 ret, TCGLv_i64 a);
void tcgl_gen_ext32u_i64(TCGLv_i64 ret, TCGLv_i64 a);
/* ret = (a >> ofs) & ((1 << len) - 1), sign-extended for sextract. */
void tcgl_gen_extract_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned ofs, unsigned len);
void tcgl_gen_sextract_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned ofs, unsigned len);
/* ret = a with bits [ofs, ofs + len) replaced by the low bits of b. */
void tcgl_gen_deposit_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b, unsigned ofs, unsigned len);
/* ret = cond(a, b) ? 1 : 0 */
void tcgl_gen_setcond_i64(TCGLCond cond, TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b);
void tcgl_gen_setcondi_i64(TCGLCond cond, TCGLv_i64 ret, TCGLv_i64 a, int64_t b);
/* ret = cond(c1, c2) ? v1 : v2 */
void tcgl_gen_movcond_i64(TCGLCond cond, TCGLv_i64 ret, TCGLv_i64 c1, TCGLv_i64 c2,
                          TCGLv_i64 v1, TCGLv_i64 v2);

/* 32-bit: the same semantics on 32 bits (shift counts modulo 32). */
void tcgl_gen_mov_i32(TCGLv_i32 ret, TCGLv_i32 a);
void tcgl_gen_movi_i32(TCGLv_i32 ret, int32_t v);
void tcgl_gen_add_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_sub_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_mul_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_div_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_divu_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_rem_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_remu_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_and_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_or_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_xor_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_shl_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_shr_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_sar_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_rotl_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_rotr_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_clz_i32(TCGLv_i32 ret, TCGLv_i32 a);
void tcgl_gen_ctz_i32(TCGLv_i32 ret, TCGLv_i32 a);
void tcgl_gen_ctpop_i32(TCGLv_i32 ret, TCGLv_i32 a);
void tcgl_gen_setcond_i32(TCGLCond cond, TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b);
void tcgl_gen_movcond_i32(TCGLCond cond, TCGLv_i32 ret, TCGLv_i32 c1, TCGLv_i32 c2,
                          TCGLv_i32 v1, TCGLv_i32 v2);

/* Width conversions. */
void tcgl_gen_extrl_i64_i32(TCGLv_i32 ret, TCGLv_i64 a);   /* low half */
void tcgl_gen_extu_i32_i64(TCGLv_i64 ret, TCGLv_i32 a);
void tcgl_gen_ext_i32_i64(TCGLv_i64 ret, TCGLv_i32 a);

/* Loads/stores of CPU-state fields that are not globals (env + offset). */
void tcgl_gen_ld_i64(TCGLv_i64 ret, ptrdiff_t offset);
void tcgl_gen_ld32u_i64(TCGLv_i64 ret, ptrdiff_t offset);
void tcgl_gen_ld32s_i64(TCGLv_i64 ret, ptrdiff_t offset);
void tcgl_gen_ld8u_i64(TCGLv_i64 ret, ptrdiff_t offset);
void tcgl_gen_st_i64(TCGLv_i64 val, ptrdiff_t offset);
void tcgl_gen_st32_i64(TCGLv_i64 val, ptrdiff_t offset);
void tcgl_gen_st8_i64(TCGLv_i64 val, ptrdiff_t offset);
void tcgl_gen_ld_i32(TCGLv_i32 ret, ptrdiff_t offset);
void tcgl_gen_st_i32(TCGLv_i32 val, ptrdiff_t offset);

/* Guest memory through the softmmu (TCGLMemOps), with MemOp and MMU index. */
void tcgl_gen_qemu_ld_i64(TCGLv_i64 ret, TCGLv_i64 addr, unsigned mmu_idx, MemOp op);
void tcgl_gen_qemu_st_i64(TCGLv_i64 val, TCGLv_i64 addr, unsigned mmu_idx, MemOp op);

/*
 * Call a helper; ret is NULL for void helpers.  args[] holds nargs temps
 * (tcgl_env(), tcgl_temp_i64(x), tcgl_temp_i32(y)) matching the signature.
 */
void tcgl_gen_call(const TCGLHelperInfo *info, TCGLTemp *ret, TCGLTemp *const *args);

/*
 * Block control.  insn_start opens each guest instruction and records its
 * data words (data[0] is the guest pc; up to TCGL_INSN_START_WORDS words):
 * the mapping from executed code back to the instruction, for precise
 * exceptions and tracing.
 */
#define TCGL_INSN_START_WORDS 2
void tcgl_gen_insn_start(uint64_t data0, uint64_t data1);
/*
 * goto_tb n (n = 0 or 1): jump to the block chained in slot n, if any, else
 * fall through (to the exit_tb that must follow).
 */
void tcgl_gen_goto_tb(unsigned n);
/*
 * Leave the block: the executor returns (uintptr_t)tb | idx, idx being the
 * chaining slot (0, 1) or TB_EXIT_REQUESTED; tb NULL and idx 0 means "no
 * chaining".
 */
void tcgl_gen_exit_tb(const TranslationBlock *tb, unsigned idx);
/*
 * Look up the block for the current CPU state with the lookup function
 * given to the backend, and jump to it; leave with 0 if none.
 */
void tcgl_gen_lookup_and_goto_ptr(void);

/* ------------------------------------------------------------------ */
/* Passes and dumping                                                    */

/* Constant folding and copy propagation, then dead-code elimination. */
void tcgl_optimize(void);
/*
 * Compute liveness (dead temps after each op), removing ops whose outputs are
 * dead, and coalesce "op t,...; mov x,t" (t dying there) into "op x,...".
 * After it, tcgl_dump shows the dying inputs of each op ("# dead: ...").
 */
void tcgl_liveness(void);
/*
 * Print the current IR (the -d op / -d op_opt format, one op a line:
 * globals by name, locals tmpN, constants $value, labels LN; see
 * tcg-lite/dump.c).  Prints no header.
 */
void tcgl_dump(FILE *out);
/* Number of ops in the current IR (tests, statistics). */
unsigned tcgl_op_count(void);
/*
 * Replace the current IR with the one parsed from text in the dump format
 * (temps, globals by name, constants, labels): makes each pass testable on
 * small IR sequences.  false + message on a syntax error.
 */
bool tcgl_parse(const char *text, char *err, size_t errlen);

/* ------------------------------------------------------------------ */
/* Backends                                                              */

/*
 * The backend contract.  gen_code lowers the current (optimized) IR into
 * tb->code / tb->code_size and fills tb->insn_end[], the offset in the code
 * where each guest instruction's code ends, and tb->insn_data[] (both
 * malloc'ed, one entry per insn_start); it sets tb->icount to the number of
 * insn_start ops.  It returns false (tb->code NULL, nothing allocated) if
 * the block cannot be lowered: for the interpreter, more than 1024 locals
 * live at once; translating fewer instructions then succeeds.
 * exec runs tb (following chained jumps; tcgl_exec_tb is the block running)
 * and returns the exit value described at tcgl_gen_exit_tb.  The `ra` it
 * passes to helpers and memory callbacks is an address inside the running
 * block's code.  set_jmp_target makes slot n of tb jump to dest (NULL:
 * unlink); exec reads it each time it reaches goto_tb.  free_code frees
 * code, insn_data and insn_end and clears them.
 */
typedef TranslationBlock *TCGLLookupFn(void *env);

typedef struct TCGLBackend {
    const char *name;
    bool (*gen_code)(TranslationBlock *tb);
    uintptr_t (*exec)(void *env, TranslationBlock *tb);
    void (*set_jmp_target)(TranslationBlock *tb, unsigned n, TranslationBlock *dest);
    void (*free_code)(TranslationBlock *tb);
} TCGLBackend;

extern const TCGLBackend tcgl_interp_backend;
/* The lookup used by lookup_and_goto_ptr (set by cpu-exec). */
void tcgl_set_lookup_fn(TCGLLookupFn *fn);

#endif
