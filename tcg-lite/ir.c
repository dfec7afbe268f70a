/*
 * tcg-lite/ir.c: the translation context and the IR builder.  Owns the one
 * global context (translation is single-threaded), the process-wide globals,
 * the per-translation locals, interned constants and labels, the op list,
 * and every tcgl_gen_* function of tcgl.h.  The builder only records ops;
 * folding and simplification are the optimizer's job (optimize.c), so what
 * the frontend asked for is exactly what `-d op` shows.
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "tcgl-internal.h"

TCGLContext tcgl_ctx;

__thread uintptr_t tcgl_exec_ra;
__thread TranslationBlock *tcgl_exec_tb;

/* Count the signature letters of each kind at compile time. */
#define SIG_AT(s, i) (sizeof(s) > (i) ? (s)[(i) < sizeof(s) ? (i) : 0] : 0)
#define SIG_IS(s, i, a, b) (SIG_AT(s, i) == (a) || SIG_AT(s, i) == (b))
#define SIG_COUNT(s, a, b)                                                        \
    (SIG_IS(s, 0, a, b) + SIG_IS(s, 1, a, b) + SIG_IS(s, 2, a, b) +                \
     SIG_IS(s, 3, a, b) + SIG_IS(s, 4, a, b) + SIG_IS(s, 5, a, b) +                \
     SIG_IS(s, 6, a, b) + SIG_IS(s, 7, a, b))
#define SIG_CONSTS(s) \
    (SIG_COUNT(s, 'c', 'L') + SIG_COUNT(s, 'n', 'X') + SIG_COUNT(s, 'm', 'm'))

const TCGLOpDef tcgl_op_defs[TCGL_NB_OPS] = {
#define TCGL_DEF_TABLE(name_, sig_, flags_)                                      \
    [INDEX_op_##name_] = { .name = #name_, .sig = sig_, .flags = flags_,          \
                           .nb_oargs = SIG_COUNT(sig_, 'O', 'o'),                 \
                           .nb_iargs = SIG_COUNT(sig_, 'I', 'i'),                 \
                           .nb_cargs = SIG_CONSTS(sig_) },
    TCGL_OPCODES(TCGL_DEF_TABLE)
#undef TCGL_DEF_TABLE
};

static void *xrealloc(void *p, size_t size)
{
    void *n = realloc(p, size);
    if (!n) {
        abort();
    }
    return n;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        abort();
    }
    return p;
}

/* ------------------------------------------------------------------ */
/* Set-up                                                               */

void tcgl_set_mem_ops(const TCGLMemOps *ops)
{
    tcgl_ctx.mem_ops = ops;
}

void tcgl_set_lookup_fn(TCGLLookupFn *fn)
{
    tcgl_ctx.lookup_fn = fn;
}

static TCGLTemp *global_new(TCGLType type, ptrdiff_t offset, const char *name)
{
    size_t size = type == TCGL_TYPE_I64 ? 8 : 4;

    assert(name && *name);
    /* The interpreter tells env offsets from frame slots by the low bit. */
    assert(offset % (ptrdiff_t)size == 0);
    for (unsigned i = 0; i < tcgl_ctx.nb_globals; i++) {
        TCGLTemp *g = tcgl_ctx.globals[i];
        if (strcmp(g->name, name) == 0) {
            /* Declaring the same global twice is harmless; a clash is a bug. */
            assert(g->type == type && g->offset == offset);
            return g;
        }
    }
    if (tcgl_ctx.nb_globals == tcgl_ctx.cap_globals) {
        tcgl_ctx.cap_globals = tcgl_ctx.cap_globals ? tcgl_ctx.cap_globals * 2 : 64;
        tcgl_ctx.globals = xrealloc(tcgl_ctx.globals,
                                    tcgl_ctx.cap_globals * sizeof(*tcgl_ctx.globals));
    }
    TCGLTemp *t = xcalloc(1, sizeof(*t));
    t->kind = TCGL_TEMP_GLOBAL;
    t->type = type;
    t->index = tcgl_ctx.nb_globals;
    t->offset = offset;
    t->name = strdup(name);
    t->opt_prev = t->opt_next = t;
    tcgl_ctx.globals[tcgl_ctx.nb_globals++] = t;
    return t;
}

TCGLv_i64 tcgl_global_i64(ptrdiff_t offset, const char *name)
{
    return (TCGLv_i64)global_new(TCGL_TYPE_I64, offset, name);
}

TCGLv_i32 tcgl_global_i32(ptrdiff_t offset, const char *name)
{
    return (TCGLv_i32)global_new(TCGL_TYPE_I32, offset, name);
}

TCGLTemp *tcgl_env(void)
{
    if (!tcgl_ctx.env) {
        TCGLTemp *t = xcalloc(1, sizeof(*t));
        t->kind = TCGL_TEMP_ENV;
        t->type = TCGL_TYPE_I64;
        t->name = "env";
        t->opt_prev = t->opt_next = t;
        tcgl_ctx.env = t;
    }
    return tcgl_ctx.env;
}

/* ------------------------------------------------------------------ */
/* Translations, temps, constants, labels                               */

void tcgl_func_start(void)
{
    tcgl_ctx.nb_temps = 0;
    tcgl_ctx.next_local_id = 0;
    tcgl_ctx.nb_labels = 0;
    tcgl_ctx.nb_ops = 0;
    tcgl_ctx.nb_consts = 0;
    tcgl_ctx.generation++;
    tcgl_ctx.liveness_valid = false;
}

void tcgl_func_end(void)
{
    /* A branch to a label that is never placed is a frontend bug. */
    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        const TCGLOp *op = &tcgl_ctx.ops[i];
        if (op->opc == INDEX_op_br || op->opc == INDEX_op_brcond_i32 ||
            op->opc == INDEX_op_brcond_i64) {
            assert(tcgl_op_label(op)->present);
        }
    }
}

static TCGLTemp *temp_alloc(void)
{
    unsigned idx = tcgl_ctx.nb_temps;
    if (idx / TCGL_CHUNK == tcgl_ctx.nb_temp_chunks) {
        tcgl_ctx.temp_chunks = xrealloc(tcgl_ctx.temp_chunks,
                                        (tcgl_ctx.nb_temp_chunks + 1) * sizeof(TCGLTemp *));
        tcgl_ctx.temp_chunks[tcgl_ctx.nb_temp_chunks++] =
            xcalloc(TCGL_CHUNK, sizeof(TCGLTemp));
    }
    TCGLTemp *t = tcgl_temp_at(idx);
    /* A field-wise init: a memset here compiles to a slow rep stos. */
    *t = (TCGLTemp){ .index = idx, .opt_prev = t, .opt_next = t };
    tcgl_ctx.nb_temps++;
    return t;
}

TCGLTemp *tcgl_temp_new_internal(TCGLType type, int id)
{
    TCGLTemp *t = temp_alloc();
    t->kind = TCGL_TEMP_LOCAL;
    t->type = type;
    if (id < 0) {
        t->id = tcgl_ctx.next_local_id++;
    } else {
        t->id = (uint32_t)id;
        if ((unsigned)id >= tcgl_ctx.next_local_id) {
            tcgl_ctx.next_local_id = (unsigned)id + 1;
        }
    }
    return t;
}

TCGLv_i32 tcgl_temp_new_i32(void)
{
    return (TCGLv_i32)tcgl_temp_new_internal(TCGL_TYPE_I32, -1);
}

TCGLv_i64 tcgl_temp_new_i64(void)
{
    return (TCGLv_i64)tcgl_temp_new_internal(TCGL_TYPE_I64, -1);
}

static unsigned const_hash(TCGLType type, int64_t val)
{
    uint64_t h = (uint64_t)val * 0x9e3779b97f4a7c15ull + (uint64_t)type;
    return (unsigned)(h >> 32);
}

static void const_table_insert(TCGLTemp *t)
{
    unsigned mask = tcgl_ctx.const_cap - 1;
    unsigned i = const_hash(t->type, t->val) & mask;
    while (tcgl_ctx.const_gen[i] == tcgl_ctx.generation) {
        i = (i + 1) & mask;
    }
    tcgl_ctx.const_table[i] = t;
    tcgl_ctx.const_gen[i] = tcgl_ctx.generation;
}

static void const_table_grow(void)
{
    TCGLTemp **old = tcgl_ctx.const_table;
    uint32_t *old_gen = tcgl_ctx.const_gen;
    unsigned old_cap = tcgl_ctx.const_cap;

    tcgl_ctx.const_cap = old_cap ? old_cap * 2 : 256;
    tcgl_ctx.const_table = xcalloc(tcgl_ctx.const_cap, sizeof(*tcgl_ctx.const_table));
    tcgl_ctx.const_gen = xcalloc(tcgl_ctx.const_cap, sizeof(*tcgl_ctx.const_gen));
    for (unsigned i = 0; i < old_cap; i++) {
        if (old_gen[i] == tcgl_ctx.generation) {
            const_table_insert(old[i]);
        }
    }
    free(old);
    free(old_gen);
}

TCGLTemp *tcgl_constant_internal(TCGLType type, int64_t val)
{
    if (type == TCGL_TYPE_I32) {
        val = (int32_t)val;
    }
    if (tcgl_ctx.const_cap) {
        unsigned mask = tcgl_ctx.const_cap - 1;
        unsigned i = const_hash(type, val) & mask;
        while (tcgl_ctx.const_gen[i] == tcgl_ctx.generation) {
            TCGLTemp *t = tcgl_ctx.const_table[i];
            if (t->type == type && t->val == val) {
                return t;
            }
            i = (i + 1) & mask;
        }
    }
    if ((tcgl_ctx.nb_consts + 1) * 2 > tcgl_ctx.const_cap) {
        const_table_grow();
    }
    TCGLTemp *t = temp_alloc();
    t->kind = TCGL_TEMP_CONST;
    t->type = type;
    t->val = val;
    const_table_insert(t);
    tcgl_ctx.nb_consts++;
    return t;
}

TCGLv_i32 tcgl_constant_i32(int32_t v)
{
    return (TCGLv_i32)tcgl_constant_internal(TCGL_TYPE_I32, v);
}

TCGLv_i64 tcgl_constant_i64(int64_t v)
{
    return (TCGLv_i64)tcgl_constant_internal(TCGL_TYPE_I64, v);
}

TCGLTemp *tcgl_temp_i32(TCGLv_i32 v)
{
    TCGLTemp *t = (TCGLTemp *)v;
    assert(t->type == TCGL_TYPE_I32);
    return t;
}

TCGLTemp *tcgl_temp_i64(TCGLv_i64 v)
{
    TCGLTemp *t = (TCGLTemp *)v;
    assert(t->type == TCGL_TYPE_I64 && t->kind != TCGL_TEMP_ENV);
    return t;
}

TCGLLabel *tcgl_label_new(void)
{
    unsigned idx = tcgl_ctx.nb_labels;
    if (idx / TCGL_CHUNK == tcgl_ctx.nb_label_chunks) {
        tcgl_ctx.label_chunks = xrealloc(tcgl_ctx.label_chunks,
                                         (tcgl_ctx.nb_label_chunks + 1) * sizeof(TCGLLabel *));
        tcgl_ctx.label_chunks[tcgl_ctx.nb_label_chunks++] =
            xcalloc(TCGL_CHUNK, sizeof(TCGLLabel));
    }
    TCGLLabel *l = tcgl_label_at(idx);
    *l = (TCGLLabel){ .id = idx, .num = idx };
    tcgl_ctx.nb_labels++;
    return l;
}

/* ------------------------------------------------------------------ */
/* Ops                                                                  */

TCGLOp *tcgl_emit_op(TCGLOpcode opc)
{
    if (tcgl_ctx.nb_ops == tcgl_ctx.cap_ops) {
        tcgl_ctx.cap_ops = tcgl_ctx.cap_ops ? tcgl_ctx.cap_ops * 2 : 512;
        tcgl_ctx.ops = xrealloc(tcgl_ctx.ops, tcgl_ctx.cap_ops * sizeof(TCGLOp));
    }
    TCGLOp *op = &tcgl_ctx.ops[tcgl_ctx.nb_ops++];
    const TCGLOpDef *def = &tcgl_op_defs[opc];
    *op = (TCGLOp){ .opc = opc, .nb_oargs = def->nb_oargs, .nb_iargs = def->nb_iargs,
                    .nb_cargs = def->nb_cargs };
    tcgl_ctx.liveness_valid = false;
    return op;
}

void tcgl_compact_ops(void)
{
    unsigned j = 0;
    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        if (tcgl_ctx.ops[i].opc != INDEX_op_nop) {
            if (i != j) {
                tcgl_ctx.ops[j] = tcgl_ctx.ops[i];
            }
            j++;
        }
    }
    tcgl_ctx.nb_ops = j;
}

void tcgl_count_label_refs(void)
{
    for (unsigned i = 0; i < tcgl_ctx.nb_labels; i++) {
        tcgl_label_at(i)->refs = 0;
    }
    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        const TCGLOp *op = &tcgl_ctx.ops[i];
        if (op->opc == INDEX_op_br || op->opc == INDEX_op_brcond_i32 ||
            op->opc == INDEX_op_brcond_i64) {
            tcgl_op_label(op)->refs++;
        }
    }
}

unsigned tcgl_op_count(void)
{
    return tcgl_ctx.nb_ops;
}

static TCGLTemp *out64(TCGLv_i64 v)
{
    TCGLTemp *t = tcgl_temp_i64(v);
    assert(t->kind == TCGL_TEMP_LOCAL || t->kind == TCGL_TEMP_GLOBAL);
    return t;
}

static TCGLTemp *out32(TCGLv_i32 v)
{
    TCGLTemp *t = tcgl_temp_i32(v);
    assert(t->kind == TCGL_TEMP_LOCAL || t->kind == TCGL_TEMP_GLOBAL);
    return t;
}

static void gen_op2(TCGLOpcode opc, TCGLTemp *d, TCGLTemp *a)
{
    TCGLOp *op = tcgl_emit_op(opc);
    op->args[0] = tcgl_temp_arg(d);
    op->args[1] = tcgl_temp_arg(a);
}

static void gen_op3(TCGLOpcode opc, TCGLTemp *d, TCGLTemp *a, TCGLTemp *b)
{
    TCGLOp *op = tcgl_emit_op(opc);
    op->args[0] = tcgl_temp_arg(d);
    op->args[1] = tcgl_temp_arg(a);
    op->args[2] = tcgl_temp_arg(b);
}

#define GEN2_64(fn, opc)                                       \
    void tcgl_gen_##fn##_i64(TCGLv_i64 ret, TCGLv_i64 a)       \
    {                                                          \
        gen_op2(INDEX_op_##opc, out64(ret), tcgl_temp_i64(a)); \
    }
#define GEN3_64(fn, opc)                                                           \
    void tcgl_gen_##fn##_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)              \
    {                                                                              \
        gen_op3(INDEX_op_##opc, out64(ret), tcgl_temp_i64(a), tcgl_temp_i64(b));   \
    }
#define GEN2_32(fn, opc)                                       \
    void tcgl_gen_##fn##_i32(TCGLv_i32 ret, TCGLv_i32 a)       \
    {                                                          \
        gen_op2(INDEX_op_##opc, out32(ret), tcgl_temp_i32(a)); \
    }
#define GEN3_32(fn, opc)                                                           \
    void tcgl_gen_##fn##_i32(TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b)              \
    {                                                                              \
        gen_op3(INDEX_op_##opc, out32(ret), tcgl_temp_i32(a), tcgl_temp_i32(b));   \
    }

GEN2_64(mov, mov_i64)
GEN3_64(add, add_i64)
GEN3_64(sub, sub_i64)
GEN2_64(neg, neg_i64)
GEN3_64(mul, mul_i64)
GEN3_64(mulsh, mulsh_i64)
GEN3_64(muluh, muluh_i64)
GEN3_64(div, div_i64)
GEN3_64(divu, divu_i64)
GEN3_64(rem, rem_i64)
GEN3_64(remu, remu_i64)
GEN3_64(and, and_i64)
GEN3_64(or, or_i64)
GEN3_64(xor, xor_i64)
GEN2_64(not, not_i64)
GEN3_64(andc, andc_i64)
GEN3_64(orc, orc_i64)
GEN3_64(eqv, eqv_i64)
GEN3_64(shl, shl_i64)
GEN3_64(shr, shr_i64)
GEN3_64(sar, sar_i64)
GEN3_64(rotl, rotl_i64)
GEN3_64(rotr, rotr_i64)
GEN2_64(clz, clz_i64)
GEN2_64(ctz, ctz_i64)
GEN2_64(ctpop, ctpop_i64)
GEN2_64(bswap64, bswap64_i64)
GEN2_64(ext8s, ext8s_i64)
GEN2_64(ext8u, ext8u_i64)
GEN2_64(ext16s, ext16s_i64)
GEN2_64(ext16u, ext16u_i64)
GEN2_64(ext32s, ext32s_i64)
GEN2_64(ext32u, ext32u_i64)

GEN2_32(mov, mov_i32)
GEN3_32(add, add_i32)
GEN3_32(sub, sub_i32)
GEN3_32(mul, mul_i32)
GEN3_32(div, div_i32)
GEN3_32(divu, divu_i32)
GEN3_32(rem, rem_i32)
GEN3_32(remu, remu_i32)
GEN3_32(and, and_i32)
GEN3_32(or, or_i32)
GEN3_32(xor, xor_i32)
GEN3_32(shl, shl_i32)
GEN3_32(shr, shr_i32)
GEN3_32(sar, sar_i32)
GEN3_32(rotl, rotl_i32)
GEN3_32(rotr, rotr_i32)
GEN2_32(clz, clz_i32)
GEN2_32(ctz, ctz_i32)
GEN2_32(ctpop, ctpop_i32)

void tcgl_gen_movi_i64(TCGLv_i64 ret, int64_t v)
{
    TCGLOp *op = tcgl_emit_op(INDEX_op_movi_i64);
    op->args[0] = tcgl_temp_arg(out64(ret));
    op->args[1] = (uint64_t)v;
}

void tcgl_gen_movi_i32(TCGLv_i32 ret, int32_t v)
{
    TCGLOp *op = tcgl_emit_op(INDEX_op_movi_i32);
    op->args[0] = tcgl_temp_arg(out32(ret));
    op->args[1] = (uint64_t)(int64_t)v;
}

void tcgl_gen_addi_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b)
{
    tcgl_gen_add_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_subi_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b)
{
    tcgl_gen_sub_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_muli_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b)
{
    tcgl_gen_mul_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_andi_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b)
{
    tcgl_gen_and_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_ori_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b)
{
    tcgl_gen_or_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_xori_i64(TCGLv_i64 ret, TCGLv_i64 a, int64_t b)
{
    tcgl_gen_xor_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_shli_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned b)
{
    assert(b < 64);
    tcgl_gen_shl_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_shri_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned b)
{
    assert(b < 64);
    tcgl_gen_shr_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_sari_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned b)
{
    assert(b < 64);
    tcgl_gen_sar_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_rotri_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned b)
{
    assert(b < 64);
    tcgl_gen_rotr_i64(ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_extract_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned ofs, unsigned len)
{
    assert(len >= 1 && len <= 64 && ofs < 64 && ofs + len <= 64);
    TCGLOp *op = tcgl_emit_op(INDEX_op_extract_i64);
    op->args[0] = tcgl_temp_arg(out64(ret));
    op->args[1] = tcgl_temp_arg(tcgl_temp_i64(a));
    op->args[2] = ofs;
    op->args[3] = len;
}

void tcgl_gen_sextract_i64(TCGLv_i64 ret, TCGLv_i64 a, unsigned ofs, unsigned len)
{
    assert(len >= 1 && len <= 64 && ofs < 64 && ofs + len <= 64);
    TCGLOp *op = tcgl_emit_op(INDEX_op_sextract_i64);
    op->args[0] = tcgl_temp_arg(out64(ret));
    op->args[1] = tcgl_temp_arg(tcgl_temp_i64(a));
    op->args[2] = ofs;
    op->args[3] = len;
}

void tcgl_gen_deposit_i64(TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b, unsigned ofs, unsigned len)
{
    assert(len >= 1 && len <= 64 && ofs < 64 && ofs + len <= 64);
    TCGLOp *op = tcgl_emit_op(INDEX_op_deposit_i64);
    op->args[0] = tcgl_temp_arg(out64(ret));
    op->args[1] = tcgl_temp_arg(tcgl_temp_i64(a));
    op->args[2] = tcgl_temp_arg(tcgl_temp_i64(b));
    op->args[3] = ofs;
    op->args[4] = len;
}

static void gen_setcond(TCGLOpcode opc, TCGLCond cond, TCGLTemp *d, TCGLTemp *a, TCGLTemp *b)
{
    assert(cond <= TCGL_COND_GTU);
    TCGLOp *op = tcgl_emit_op(opc);
    op->args[0] = tcgl_temp_arg(d);
    op->args[1] = tcgl_temp_arg(a);
    op->args[2] = tcgl_temp_arg(b);
    op->args[3] = cond;
}

void tcgl_gen_setcond_i64(TCGLCond cond, TCGLv_i64 ret, TCGLv_i64 a, TCGLv_i64 b)
{
    gen_setcond(INDEX_op_setcond_i64, cond, out64(ret), tcgl_temp_i64(a), tcgl_temp_i64(b));
}

void tcgl_gen_setcondi_i64(TCGLCond cond, TCGLv_i64 ret, TCGLv_i64 a, int64_t b)
{
    tcgl_gen_setcond_i64(cond, ret, a, tcgl_constant_i64(b));
}

void tcgl_gen_setcond_i32(TCGLCond cond, TCGLv_i32 ret, TCGLv_i32 a, TCGLv_i32 b)
{
    gen_setcond(INDEX_op_setcond_i32, cond, out32(ret), tcgl_temp_i32(a), tcgl_temp_i32(b));
}

static void gen_movcond(TCGLOpcode opc, TCGLCond cond, TCGLTemp *d, TCGLTemp *c1,
                        TCGLTemp *c2, TCGLTemp *v1, TCGLTemp *v2)
{
    assert(cond <= TCGL_COND_GTU);
    TCGLOp *op = tcgl_emit_op(opc);
    op->args[0] = tcgl_temp_arg(d);
    op->args[1] = tcgl_temp_arg(c1);
    op->args[2] = tcgl_temp_arg(c2);
    op->args[3] = tcgl_temp_arg(v1);
    op->args[4] = tcgl_temp_arg(v2);
    op->args[5] = cond;
}

void tcgl_gen_movcond_i64(TCGLCond cond, TCGLv_i64 ret, TCGLv_i64 c1, TCGLv_i64 c2,
                          TCGLv_i64 v1, TCGLv_i64 v2)
{
    gen_movcond(INDEX_op_movcond_i64, cond, out64(ret), tcgl_temp_i64(c1), tcgl_temp_i64(c2),
                tcgl_temp_i64(v1), tcgl_temp_i64(v2));
}

void tcgl_gen_movcond_i32(TCGLCond cond, TCGLv_i32 ret, TCGLv_i32 c1, TCGLv_i32 c2,
                          TCGLv_i32 v1, TCGLv_i32 v2)
{
    gen_movcond(INDEX_op_movcond_i32, cond, out32(ret), tcgl_temp_i32(c1), tcgl_temp_i32(c2),
                tcgl_temp_i32(v1), tcgl_temp_i32(v2));
}

void tcgl_gen_extrl_i64_i32(TCGLv_i32 ret, TCGLv_i64 a)
{
    gen_op2(INDEX_op_extrl_i64_i32, out32(ret), tcgl_temp_i64(a));
}

void tcgl_gen_extu_i32_i64(TCGLv_i64 ret, TCGLv_i32 a)
{
    gen_op2(INDEX_op_extu_i32_i64, out64(ret), tcgl_temp_i32(a));
}

void tcgl_gen_ext_i32_i64(TCGLv_i64 ret, TCGLv_i32 a)
{
    gen_op2(INDEX_op_ext_i32_i64, out64(ret), tcgl_temp_i32(a));
}

static void gen_ldst(TCGLOpcode opc, TCGLTemp *t, ptrdiff_t offset)
{
    TCGLOp *op = tcgl_emit_op(opc);
    op->args[0] = tcgl_temp_arg(t);
    op->args[1] = (uint64_t)(int64_t)offset;
}

void tcgl_gen_ld_i64(TCGLv_i64 ret, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_ld_i64, out64(ret), offset);
}

void tcgl_gen_ld32u_i64(TCGLv_i64 ret, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_ld32u_i64, out64(ret), offset);
}

void tcgl_gen_ld32s_i64(TCGLv_i64 ret, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_ld32s_i64, out64(ret), offset);
}

void tcgl_gen_ld8u_i64(TCGLv_i64 ret, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_ld8u_i64, out64(ret), offset);
}

void tcgl_gen_st_i64(TCGLv_i64 val, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_st_i64, tcgl_temp_i64(val), offset);
}

void tcgl_gen_st32_i64(TCGLv_i64 val, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_st32_i64, tcgl_temp_i64(val), offset);
}

void tcgl_gen_st8_i64(TCGLv_i64 val, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_st8_i64, tcgl_temp_i64(val), offset);
}

void tcgl_gen_ld_i32(TCGLv_i32 ret, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_ld_i32, out32(ret), offset);
}

void tcgl_gen_st_i32(TCGLv_i32 val, ptrdiff_t offset)
{
    gen_ldst(INDEX_op_st_i32, tcgl_temp_i32(val), offset);
}

void tcgl_gen_qemu_ld_i64(TCGLv_i64 ret, TCGLv_i64 addr, unsigned mmu_idx, MemOp memop)
{
    assert(mmu_idx < 16 && (memop & ~(MO_SIZE | MO_SIGN | MO_BSWAP | MO_ALIGN)) == 0);
    TCGLOp *op = tcgl_emit_op(INDEX_op_qemu_ld_i64);
    op->args[0] = tcgl_temp_arg(out64(ret));
    op->args[1] = tcgl_temp_arg(tcgl_temp_i64(addr));
    op->args[2] = make_memop_idx(memop, mmu_idx);
}

void tcgl_gen_qemu_st_i64(TCGLv_i64 val, TCGLv_i64 addr, unsigned mmu_idx, MemOp memop)
{
    assert(mmu_idx < 16 && (memop & ~(MO_SIZE | MO_SIGN | MO_BSWAP | MO_ALIGN)) == 0);
    TCGLOp *op = tcgl_emit_op(INDEX_op_qemu_st_i64);
    op->args[0] = tcgl_temp_arg(tcgl_temp_i64(val));
    op->args[1] = tcgl_temp_arg(tcgl_temp_i64(addr));
    op->args[2] = make_memop_idx(memop, mmu_idx);
}

void tcgl_gen_call(const TCGLHelperInfo *info, TCGLTemp *ret, TCGLTemp *const *args)
{
    assert(info && info->nargs <= TCGL_MAX_HELPER_ARGS);
    TCGLOp *op = tcgl_emit_op(INDEX_op_call);
    unsigned n = 0;

    if (info->ret == TCGL_HT_VOID) {
        assert(ret == NULL);
    } else {
        assert(ret && (ret->kind == TCGL_TEMP_LOCAL || ret->kind == TCGL_TEMP_GLOBAL));
        assert(ret->type == (info->ret == TCGL_HT_I32 ? TCGL_TYPE_I32 : TCGL_TYPE_I64));
        op->args[n++] = tcgl_temp_arg(ret);
        op->nb_oargs = 1;
    }
    for (unsigned i = 0; i < info->nargs; i++) {
        TCGLTemp *a = args[i];
        switch (info->args[i]) {
        case TCGL_HT_PTR:
            assert(a->kind == TCGL_TEMP_ENV);
            break;
        case TCGL_HT_I32:
            assert(a->kind != TCGL_TEMP_ENV && a->type == TCGL_TYPE_I32);
            break;
        case TCGL_HT_I64:
            assert(a->kind != TCGL_TEMP_ENV && a->type == TCGL_TYPE_I64);
            break;
        default:
            assert(!"bad helper argument type");
        }
        op->args[n++] = tcgl_temp_arg(a);
    }
    op->nb_iargs = info->nargs;
    op->args[n] = (uint64_t)(uintptr_t)info;
    op->nb_cargs = 1;
}

/* ------------------------------------------------------------------ */
/* Control                                                              */

void tcgl_set_label(TCGLLabel *l)
{
    assert(!l->present);
    l->present = true;
    TCGLOp *op = tcgl_emit_op(INDEX_op_set_label);
    op->args[0] = tcgl_label_arg(l);
}

void tcgl_gen_br(TCGLLabel *l)
{
    TCGLOp *op = tcgl_emit_op(INDEX_op_br);
    op->args[0] = tcgl_label_arg(l);
}

static void gen_brcond(TCGLOpcode opc, TCGLCond cond, TCGLTemp *a, TCGLTemp *b, TCGLLabel *l)
{
    assert(cond <= TCGL_COND_GTU);
    TCGLOp *op = tcgl_emit_op(opc);
    op->args[0] = tcgl_temp_arg(a);
    op->args[1] = tcgl_temp_arg(b);
    op->args[2] = cond;
    op->args[3] = tcgl_label_arg(l);
}

void tcgl_gen_brcond_i64(TCGLCond cond, TCGLv_i64 a, TCGLv_i64 b, TCGLLabel *l)
{
    gen_brcond(INDEX_op_brcond_i64, cond, tcgl_temp_i64(a), tcgl_temp_i64(b), l);
}

void tcgl_gen_brcondi_i64(TCGLCond cond, TCGLv_i64 a, int64_t b, TCGLLabel *l)
{
    tcgl_gen_brcond_i64(cond, a, tcgl_constant_i64(b), l);
}

void tcgl_gen_brcond_i32(TCGLCond cond, TCGLv_i32 a, TCGLv_i32 b, TCGLLabel *l)
{
    gen_brcond(INDEX_op_brcond_i32, cond, tcgl_temp_i32(a), tcgl_temp_i32(b), l);
}

void tcgl_gen_insn_start(uint64_t data0, uint64_t data1)
{
    TCGLOp *op = tcgl_emit_op(INDEX_op_insn_start);
    op->args[0] = data0;
    op->args[1] = data1;
}

void tcgl_gen_goto_tb(unsigned n)
{
    assert(n < 2);
    TCGLOp *op = tcgl_emit_op(INDEX_op_goto_tb);
    op->args[0] = n;
}

void tcgl_gen_exit_tb(const TranslationBlock *tb, unsigned idx)
{
    assert(idx <= TB_EXIT_MASK && ((uintptr_t)tb & TB_EXIT_MASK) == 0);
    TCGLOp *op = tcgl_emit_op(INDEX_op_exit_tb);
    op->args[0] = (uint64_t)((uintptr_t)tb | idx);
}

void tcgl_gen_lookup_and_goto_ptr(void)
{
    tcgl_emit_op(INDEX_op_lookup_and_goto_ptr);
}
