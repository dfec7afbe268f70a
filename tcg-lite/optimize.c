/*
 * tcg-lite/optimize.c: constant folding and copy propagation over extended
 * basic blocks, removal of unreachable code, then dead-code elimination
 * (liveness.c).
 *
 * One forward walk.  Each temp knows whether it holds a known constant, and
 * temps known to hold the same value are linked in a ring; an input is
 * replaced by the best member of its ring (a constant, else a global, else
 * the oldest local), which is what makes "mov t,x; add y,t,z" read x
 * directly and leaves the mov dead.  Knowledge survives conditional branches
 * (the fall-through path continues the block) but not labels, where another
 * path joins.  Globals may change behind the IR's back in helper calls that
 * are not TCGL_CALL_NO_RWG and in env stores that overlap them: knowledge
 * about them is dropped there.
 *
 * Guest-state precision: no op is ever moved.  A write to a global is
 * rewritten in place (folded into a movi, turned into a mov) or, when it
 * stores the value the global already holds, dropped; it is never delayed
 * past an op that can raise an exception.
 */
#include "config.h"

#include <assert.h>
#include <string.h>

#include "tcgl-internal.h"

static uint64_t opt_stamp;

static bool temp_is_const(const TCGLTemp *t)
{
    return t->kind == TCGL_TEMP_CONST || t->opt_is_const;
}

static uint64_t temp_const_val(const TCGLTemp *t)
{
    return t->kind == TCGL_TEMP_CONST ? (uint64_t)t->val : t->opt_val;
}

/* i32 values are kept sign-extended, as constants are. */
static uint64_t norm_val(TCGLType type, uint64_t v)
{
    return type == TCGL_TYPE_I32 ? (uint64_t)(int64_t)(int32_t)v : v;
}

/* Forget what is known about t: it is about to receive a new value. */
static void info_reset(TCGLTemp *t)
{
    t->opt_prev->opt_next = t->opt_next;
    t->opt_next->opt_prev = t->opt_prev;
    t->opt_prev = t->opt_next = t;
    t->opt_is_const = false;
    t->opt_stamp = ++opt_stamp;
}

static void info_set_const(TCGLTemp *t, uint64_t v)
{
    info_reset(t);
    t->opt_is_const = true;
    t->opt_val = norm_val(t->type, v);
}

static bool info_same_value(const TCGLTemp *a, const TCGLTemp *b)
{
    if (a == b) {
        return true;
    }
    if (temp_is_const(a) && temp_is_const(b)) {
        return temp_const_val(a) == temp_const_val(b);
    }
    for (const TCGLTemp *t = a->opt_next; t != a; t = t->opt_next) {
        if (t == b) {
            return true;
        }
    }
    return false;
}

/* d now holds the value of s (s not a known constant). */
static void info_copy(TCGLTemp *d, TCGLTemp *s)
{
    info_reset(d);
    d->opt_prev = s->opt_prev;
    d->opt_next = s;
    s->opt_prev->opt_next = d;
    s->opt_prev = d;
}

static void info_reset_all(void)
{
    for (unsigned i = 0; i < tcgl_ctx.nb_globals; i++) {
        info_reset(tcgl_ctx.globals[i]);
    }
    for (unsigned i = 0; i < tcgl_ctx.nb_temps; i++) {
        TCGLTemp *t = tcgl_temp_at(i);
        if (t->kind == TCGL_TEMP_LOCAL) {
            info_reset(t);
        }
    }
}

/*
 * Start of a pass: every temp alone in its ring.  Rings left by an earlier
 * pass may point at temps of a finished translation, so they are not unlinked.
 */
static void info_init_all(void)
{
    for (unsigned i = 0; i < tcgl_ctx.nb_globals; i++) {
        TCGLTemp *g = tcgl_ctx.globals[i];
        g->opt_prev = g->opt_next = g;
        g->opt_is_const = false;
        g->opt_stamp = ++opt_stamp;
    }
    for (unsigned i = 0; i < tcgl_ctx.nb_temps; i++) {
        TCGLTemp *t = tcgl_temp_at(i);
        t->opt_prev = t->opt_next = t;
        t->opt_is_const = false;
        t->opt_stamp = ++opt_stamp;
    }
}

static void info_reset_globals(void)
{
    for (unsigned i = 0; i < tcgl_ctx.nb_globals; i++) {
        info_reset(tcgl_ctx.globals[i]);
    }
}

/* An env store of `size` bytes at `offset` may change the globals it overlaps. */
static void info_reset_globals_at(int64_t offset, unsigned size)
{
    for (unsigned i = 0; i < tcgl_ctx.nb_globals; i++) {
        TCGLTemp *g = tcgl_ctx.globals[i];
        int64_t gsize = g->type == TCGL_TYPE_I64 ? 8 : 4;
        if (g->offset < offset + (int64_t)size && offset < g->offset + gsize) {
            info_reset(g);
        }
    }
}

/* The temp an input should read: a constant, else a global, else the oldest copy. */
static TCGLTemp *best_copy(TCGLTemp *t)
{
    if (t->kind == TCGL_TEMP_CONST || t->kind == TCGL_TEMP_ENV) {
        return t;
    }
    if (t->opt_is_const) {
        return tcgl_constant_internal(t->type, (int64_t)t->opt_val);
    }
    TCGLTemp *best = t;
    for (TCGLTemp *c = t->opt_next; c != t; c = c->opt_next) {
        bool c_glob = c->kind == TCGL_TEMP_GLOBAL, b_glob = best->kind == TCGL_TEMP_GLOBAL;
        if ((c_glob && !b_glob) || (c_glob == b_glob && c->opt_stamp < best->opt_stamp)) {
            best = c;
        }
    }
    return best;
}

static void op_to_movi(TCGLOp *op, TCGLTemp *d, uint64_t v)
{
    memset(op, 0, sizeof(*op));
    op->opc = d->type == TCGL_TYPE_I64 ? INDEX_op_movi_i64 : INDEX_op_movi_i32;
    op->nb_oargs = 1;
    op->nb_cargs = 1;
    op->args[0] = tcgl_temp_arg(d);
    op->args[1] = norm_val(d->type, v);
}

static void op_to_mov(TCGLOp *op, TCGLTemp *d, TCGLTemp *s)
{
    memset(op, 0, sizeof(*op));
    op->opc = d->type == TCGL_TYPE_I64 ? INDEX_op_mov_i64 : INDEX_op_mov_i32;
    op->nb_oargs = 1;
    op->nb_iargs = 1;
    op->args[0] = tcgl_temp_arg(d);
    op->args[1] = tcgl_temp_arg(s);
}

static void op_to_nop(TCGLOp *op)
{
    op->opc = INDEX_op_nop;
}

/* Evaluate a pure op on known inputs; false if opc is not one. */
static bool fold_eval(const TCGLOp *op, uint64_t a, uint64_t b, uint64_t *res)
{
    uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b;
    uint64_t r;

    switch ((TCGLOpcode)op->opc) {
    case INDEX_op_mov_i64: r = a; break;
    case INDEX_op_add_i64: r = a + b; break;
    case INDEX_op_sub_i64: r = a - b; break;
    case INDEX_op_mul_i64: r = a * b; break;
    case INDEX_op_mulsh_i64: r = tcgl_mulsh64(a, b); break;
    case INDEX_op_muluh_i64: r = tcgl_muluh64(a, b); break;
    case INDEX_op_div_i64: r = tcgl_div64(a, b); break;
    case INDEX_op_divu_i64: r = tcgl_divu64(a, b); break;
    case INDEX_op_rem_i64: r = tcgl_rem64(a, b); break;
    case INDEX_op_remu_i64: r = tcgl_remu64(a, b); break;
    case INDEX_op_and_i64: r = a & b; break;
    case INDEX_op_or_i64: r = a | b; break;
    case INDEX_op_xor_i64: r = a ^ b; break;
    case INDEX_op_andc_i64: r = a & ~b; break;
    case INDEX_op_orc_i64: r = a | ~b; break;
    case INDEX_op_eqv_i64: r = ~(a ^ b); break;
    case INDEX_op_shl_i64: r = a << (b & 63); break;
    case INDEX_op_shr_i64: r = a >> (b & 63); break;
    case INDEX_op_sar_i64: r = (uint64_t)((int64_t)a >> (b & 63)); break;
    case INDEX_op_rotl_i64: r = tcgl_rotl64(a, (unsigned)b); break;
    case INDEX_op_rotr_i64: r = tcgl_rotr64(a, (unsigned)b); break;
    case INDEX_op_neg_i64: r = -a; break;
    case INDEX_op_not_i64: r = ~a; break;
    case INDEX_op_clz_i64: r = tcgl_clz64(a); break;
    case INDEX_op_ctz_i64: r = tcgl_ctz64(a); break;
    case INDEX_op_ctpop_i64: r = (uint64_t)__builtin_popcountll(a); break;
    case INDEX_op_bswap64_i64: r = __builtin_bswap64(a); break;
    case INDEX_op_ext8s_i64: r = (uint64_t)(int64_t)(int8_t)a; break;
    case INDEX_op_ext8u_i64: r = (uint8_t)a; break;
    case INDEX_op_ext16s_i64: r = (uint64_t)(int64_t)(int16_t)a; break;
    case INDEX_op_ext16u_i64: r = (uint16_t)a; break;
    case INDEX_op_ext32s_i64: r = (uint64_t)(int64_t)(int32_t)a; break;
    case INDEX_op_ext32u_i64: r = (uint32_t)a; break;
    case INDEX_op_extract_i64:
        r = tcgl_extract64(a, (unsigned)op->args[2], (unsigned)op->args[3]);
        break;
    case INDEX_op_sextract_i64:
        r = tcgl_sextract64(a, (unsigned)op->args[2], (unsigned)op->args[3]);
        break;
    case INDEX_op_deposit_i64:
        r = tcgl_deposit64(a, b, (unsigned)op->args[3], (unsigned)op->args[4]);
        break;
    case INDEX_op_extrl_i64_i32: r = a32; break;
    case INDEX_op_extu_i32_i64: r = a32; break;
    case INDEX_op_ext_i32_i64: r = (uint64_t)(int64_t)(int32_t)a32; break;

    case INDEX_op_mov_i32: r = a32; break;
    case INDEX_op_add_i32: r = a32 + b32; break;
    case INDEX_op_sub_i32: r = a32 - b32; break;
    case INDEX_op_mul_i32: r = a32 * b32; break;
    case INDEX_op_div_i32: r = tcgl_div32(a32, b32); break;
    case INDEX_op_divu_i32: r = tcgl_divu32(a32, b32); break;
    case INDEX_op_rem_i32: r = tcgl_rem32(a32, b32); break;
    case INDEX_op_remu_i32: r = tcgl_remu32(a32, b32); break;
    case INDEX_op_and_i32: r = a32 & b32; break;
    case INDEX_op_or_i32: r = a32 | b32; break;
    case INDEX_op_xor_i32: r = a32 ^ b32; break;
    case INDEX_op_andc_i32: r = a32 & ~b32; break;
    case INDEX_op_orc_i32: r = a32 | ~b32; break;
    case INDEX_op_eqv_i32: r = ~(a32 ^ b32); break;
    case INDEX_op_shl_i32: r = a32 << (b32 & 31); break;
    case INDEX_op_shr_i32: r = a32 >> (b32 & 31); break;
    case INDEX_op_sar_i32: r = (uint32_t)((int32_t)a32 >> (b32 & 31)); break;
    case INDEX_op_rotl_i32: r = tcgl_rotl32(a32, b32); break;
    case INDEX_op_rotr_i32: r = tcgl_rotr32(a32, b32); break;
    case INDEX_op_neg_i32: r = -a32; break;
    case INDEX_op_not_i32: r = ~a32; break;
    case INDEX_op_clz_i32: r = tcgl_clz32(a32); break;
    case INDEX_op_ctz_i32: r = tcgl_ctz32(a32); break;
    case INDEX_op_ctpop_i32: r = (uint32_t)__builtin_popcount(a32); break;
    default:
        return false;
    }
    *res = r;
    return true;
}

static bool op_is_commutative(TCGLOpcode opc)
{
    switch (opc) {
    case INDEX_op_add_i64: case INDEX_op_mul_i64: case INDEX_op_and_i64:
    case INDEX_op_or_i64: case INDEX_op_xor_i64: case INDEX_op_eqv_i64:
    case INDEX_op_mulsh_i64: case INDEX_op_muluh_i64:
    case INDEX_op_add_i32: case INDEX_op_mul_i32: case INDEX_op_and_i32:
    case INDEX_op_or_i32: case INDEX_op_xor_i32: case INDEX_op_eqv_i32:
        return true;
    default:
        return false;
    }
}

/* The operation of a binary op, whatever its width, for the identities. */
typedef enum OpBase {
    BASE_OTHER, BASE_ADD, BASE_SUB, BASE_MUL, BASE_DIV, BASE_DIVU, BASE_REM, BASE_REMU,
    BASE_AND, BASE_OR, BASE_XOR, BASE_ANDC, BASE_ORC, BASE_EQV, BASE_SHIFT,
} OpBase;

static OpBase op_base(TCGLOpcode opc)
{
    switch (opc) {
#define BOTH(n, b) case INDEX_op_##n##_i64: case INDEX_op_##n##_i32: return b;
    BOTH(add, BASE_ADD) BOTH(sub, BASE_SUB) BOTH(mul, BASE_MUL) BOTH(div, BASE_DIV)
    BOTH(divu, BASE_DIVU) BOTH(rem, BASE_REM) BOTH(remu, BASE_REMU) BOTH(and, BASE_AND)
    BOTH(or, BASE_OR) BOTH(xor, BASE_XOR) BOTH(andc, BASE_ANDC) BOTH(orc, BASE_ORC)
    BOTH(eqv, BASE_EQV) BOTH(shl, BASE_SHIFT) BOTH(shr, BASE_SHIFT) BOTH(sar, BASE_SHIFT)
    BOTH(rotl, BASE_SHIFT) BOTH(rotr, BASE_SHIFT)
#undef BOTH
    default:
        return BASE_OTHER;
    }
}

/* A result the identities found: a copy of a temp, or a constant. */
typedef struct Identity {
    TCGLTemp *copy;
    uint64_t val;
} Identity;

static bool identity_same_operands(OpBase base, TCGLTemp *a, Identity *r)
{
    switch (base) {
    case BASE_SUB: case BASE_XOR: case BASE_ANDC:
        r->val = 0;
        return true;
    case BASE_AND: case BASE_OR:
        r->copy = a;
        return true;
    case BASE_EQV: case BASE_ORC:
        r->val = UINT64_MAX;
        return true;
    default:
        return false;
    }
}

/* x op v for a known v; constants are kept sign-extended, so all ones is -1 for i32 too. */
static bool identity_const_operand(OpBase base, TCGLTemp *a, uint64_t v, Identity *r)
{
    if (v == 0) {
        switch (base) {
        case BASE_ADD: case BASE_SUB: case BASE_OR: case BASE_XOR: case BASE_SHIFT:
        case BASE_ANDC:
            r->copy = a;
            return true;
        case BASE_AND: case BASE_MUL:
            r->val = 0;
            return true;
        case BASE_ORC:
            r->val = UINT64_MAX;
            return true;
        default:
            return false;
        }
    }
    if (v == UINT64_MAX) {
        switch (base) {
        case BASE_AND: case BASE_ORC: case BASE_EQV:
            r->copy = a;
            return true;
        case BASE_OR:
            r->val = UINT64_MAX;
            return true;
        case BASE_ANDC:
            r->val = 0;
            return true;
        default:
            return false;
        }
    }
    if (v == 1) {
        switch (base) {
        case BASE_MUL: case BASE_DIV: case BASE_DIVU:
            r->copy = a;
            return true;
        case BASE_REM: case BASE_REMU:
            r->val = 0;
            return true;
        default:
            return false;
        }
    }
    return false;
}

/*
 * Algebraic identities of a binary op with one known operand or twice the
 * same operand.  Rewrites op into mov/movi and returns true, or returns false.
 */
static bool fold_identity(TCGLOp *op, TCGLTemp *d, TCGLTemp *a, TCGLTemp *b)
{
    OpBase base = op_base(op->opc);
    Identity r = { NULL, 0 };
    bool found;

    if (base == BASE_OTHER) {
        return false;
    }
    if (info_same_value(a, b)) {
        found = identity_same_operands(base, a, &r);
    } else if (temp_is_const(b)) {
        found = identity_const_operand(base, a, norm_val(d->type, temp_const_val(b)), &r);
    } else {
        /* 0 shifted or rotated by anything is 0. */
        found = base == BASE_SHIFT && temp_is_const(a) && temp_const_val(a) == 0;
    }
    if (!found) {
        return false;
    }
    if (r.copy) {
        op_to_mov(op, d, r.copy);
    } else {
        op_to_movi(op, d, r.val);
    }
    return true;
}

/* After op has become mov or movi: record what it tells, or drop it if redundant. */
static void fold_mov(TCGLOp *op)
{
    TCGLTemp *d = tcgl_arg_temp(op->args[0]);

    if (op->opc == INDEX_op_movi_i64 || op->opc == INDEX_op_movi_i32) {
        uint64_t v = norm_val(d->type, op->args[1]);
        if (d->opt_is_const && d->opt_val == v) {
            op_to_nop(op);
            return;
        }
        info_set_const(d, v);
        return;
    }
    TCGLTemp *s = tcgl_arg_temp(op->args[1]);
    if (temp_is_const(s)) {
        op_to_movi(op, d, temp_const_val(s));
        fold_mov(op);
        return;
    }
    if (info_same_value(d, s)) {
        op_to_nop(op);
        return;
    }
    info_copy(d, s);
}

static void fold_brcond(TCGLOp *op, bool *unreachable)
{
    TCGLTemp *a = tcgl_arg_temp(op->args[0]), *b = tcgl_arg_temp(op->args[1]);
    TCGLCond cond = (TCGLCond)op->args[2];
    TCGLLabel *l = tcgl_op_label(op);
    bool is64 = op->opc == INDEX_op_brcond_i64;
    int taken = -1;

    if (cond == TCGL_COND_ALWAYS) {
        taken = 1;
    } else if (cond == TCGL_COND_NEVER) {
        taken = 0;
    } else if (temp_is_const(a) && temp_is_const(b)) {
        uint64_t x = temp_const_val(a), y = temp_const_val(b);
        taken = is64 ? tcgl_cond_eval64(cond, x, y)
                     : tcgl_cond_eval32(cond, (uint32_t)x, (uint32_t)y);
    } else if (info_same_value(a, b)) {
        taken = tcgl_cond_eval64(cond, 0, 0);
    }
    if (taken == 1) {
        memset(op, 0, sizeof(*op));
        op->opc = INDEX_op_br;
        op->nb_cargs = 1;
        op->args[0] = tcgl_label_arg(l);
        *unreachable = true;
    } else if (taken == 0) {
        l->refs--;
        op_to_nop(op);
    } else if (temp_is_const(a) && !temp_is_const(b)) {
        op->args[0] = tcgl_temp_arg(b);
        op->args[1] = tcgl_temp_arg(a);
        op->args[2] = tcgl_cond_swap(cond);
    }
}

static void fold_setcond(TCGLOp *op)
{
    TCGLTemp *d = tcgl_arg_temp(op->args[0]);
    TCGLTemp *a = tcgl_arg_temp(op->args[1]), *b = tcgl_arg_temp(op->args[2]);
    TCGLCond cond = (TCGLCond)op->args[3];
    bool is64 = op->opc == INDEX_op_setcond_i64;

    if (cond == TCGL_COND_ALWAYS || cond == TCGL_COND_NEVER) {
        op_to_movi(op, d, cond == TCGL_COND_ALWAYS);
    } else if (temp_is_const(a) && temp_is_const(b)) {
        uint64_t x = temp_const_val(a), y = temp_const_val(b);
        op_to_movi(op, d, is64 ? tcgl_cond_eval64(cond, x, y)
                               : tcgl_cond_eval32(cond, (uint32_t)x, (uint32_t)y));
    } else if (info_same_value(a, b)) {
        op_to_movi(op, d, tcgl_cond_eval64(cond, 0, 0));
    } else {
        if (temp_is_const(a)) {
            op->args[1] = tcgl_temp_arg(b);
            op->args[2] = tcgl_temp_arg(a);
            op->args[3] = tcgl_cond_swap(cond);
        }
        info_reset(d);
        return;
    }
    fold_mov(op);
}

static void fold_movcond(TCGLOp *op)
{
    TCGLTemp *d = tcgl_arg_temp(op->args[0]);
    TCGLTemp *c1 = tcgl_arg_temp(op->args[1]), *c2 = tcgl_arg_temp(op->args[2]);
    TCGLTemp *v1 = tcgl_arg_temp(op->args[3]), *v2 = tcgl_arg_temp(op->args[4]);
    TCGLCond cond = (TCGLCond)op->args[5];
    bool is64 = op->opc == INDEX_op_movcond_i64;
    int sel = -1;

    if (cond == TCGL_COND_ALWAYS || cond == TCGL_COND_NEVER) {
        sel = cond == TCGL_COND_ALWAYS;
    } else if (temp_is_const(c1) && temp_is_const(c2)) {
        uint64_t x = temp_const_val(c1), y = temp_const_val(c2);
        sel = is64 ? tcgl_cond_eval64(cond, x, y)
                   : tcgl_cond_eval32(cond, (uint32_t)x, (uint32_t)y);
    } else if (info_same_value(c1, c2)) {
        sel = tcgl_cond_eval64(cond, 0, 0);
    } else if (info_same_value(v1, v2)) {
        sel = 1;
    }
    if (sel < 0) {
        info_reset(d);
        return;
    }
    op_to_mov(op, d, sel ? v1 : v2);
    fold_mov(op);
}

/* Constant folding and copy propagation of one op (not a label or branch). */
static void fold_op(TCGLOp *op)
{
    unsigned nout = op->nb_oargs, nin = op->nb_iargs;

    switch ((TCGLOpcode)op->opc) {
    case INDEX_op_mov_i64:
    case INDEX_op_mov_i32:
    case INDEX_op_movi_i64:
    case INDEX_op_movi_i32:
        fold_mov(op);
        return;
    case INDEX_op_setcond_i64:
    case INDEX_op_setcond_i32:
        fold_setcond(op);
        return;
    case INDEX_op_movcond_i64:
    case INDEX_op_movcond_i32:
        fold_movcond(op);
        return;
    case INDEX_op_call: {
        const TCGLHelperInfo *info = tcgl_op_helper(op);
        if (!(info->flags & TCGL_CALL_NO_RWG)) {
            info_reset_globals();
        }
        if (nout) {
            info_reset(tcgl_arg_temp(op->args[0]));
        }
        return;
    }
    case INDEX_op_st_i64:
        info_reset_globals_at((int64_t)op->args[1], 8);
        return;
    case INDEX_op_st32_i64:
    case INDEX_op_st_i32:
        info_reset_globals_at((int64_t)op->args[1], 4);
        return;
    case INDEX_op_st8_i64:
        info_reset_globals_at((int64_t)op->args[1], 1);
        return;
    default:
        break;
    }

    if (nout == 1 && (nin == 1 || nin == 2)) {
        TCGLTemp *d = tcgl_arg_temp(op->args[0]);
        TCGLTemp *a = tcgl_arg_temp(op->args[1]);
        TCGLTemp *b = nin == 2 ? tcgl_arg_temp(op->args[2]) : NULL;
        uint64_t res;

        if (temp_is_const(a) && (!b || temp_is_const(b)) &&
            fold_eval(op, temp_const_val(a), b ? temp_const_val(b) : 0, &res)) {
            op_to_movi(op, d, res);
            fold_mov(op);
            return;
        }
        if (b && op_is_commutative(op->opc) && temp_is_const(a) && !temp_is_const(b)) {
            op->args[1] = tcgl_temp_arg(b);
            op->args[2] = tcgl_temp_arg(a);
            TCGLTemp *t = a;
            a = b;
            b = t;
        }
        if (b && fold_identity(op, d, a, b)) {
            fold_mov(op);
            return;
        }
    }
    for (unsigned i = 0; i < nout; i++) {
        info_reset(tcgl_arg_temp(op->args[i]));
    }
}

static void drop_unreachable(TCGLOp *op)
{
    /* insn_start stays: it numbers the guest instructions. */
    if (op->opc == INDEX_op_insn_start || op->opc == INDEX_op_nop) {
        return;
    }
    if (op->opc == INDEX_op_br || op->opc == INDEX_op_brcond_i32 ||
        op->opc == INDEX_op_brcond_i64) {
        tcgl_op_label(op)->refs--;
    }
    op_to_nop(op);
}

/*
 * A branch to the label that the code reaches next anyway: the labels right
 * after it, or for br, the labels after the unreachable ops that follow it.
 */
static bool branch_to_next(unsigned i)
{
    const TCGLOp *op = &tcgl_ctx.ops[i];
    bool skipping = op->opc == INDEX_op_br;

    if (op->opc != INDEX_op_br && op->opc != INDEX_op_brcond_i32 &&
        op->opc != INDEX_op_brcond_i64) {
        return false;
    }
    for (unsigned j = i + 1; j < tcgl_ctx.nb_ops; j++) {
        const TCGLOp *next = &tcgl_ctx.ops[j];
        if (next->opc == INDEX_op_set_label) {
            if (tcgl_op_label(next) == tcgl_op_label(op)) {
                return true;
            }
            skipping = false;
        } else if (!skipping && next->opc != INDEX_op_nop &&
                   next->opc != INDEX_op_insn_start) {
            return false;
        }
    }
    return false;
}

static void fold_pass(void)
{
    bool unreachable = false;

    tcgl_count_label_refs();
    info_init_all();

    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        TCGLOp *op = &tcgl_ctx.ops[i];
        unsigned flags = tcgl_op_flags(op);

        if (op->opc == INDEX_op_nop) {
            continue;
        }
        if (op->opc == INDEX_op_set_label) {
            if (tcgl_op_label(op)->refs == 0) {
                /* Nothing jumps here: the block simply goes on. */
                op_to_nop(op);
                continue;
            }
            unreachable = false;
            info_reset_all();
            continue;
        }
        if (unreachable) {
            drop_unreachable(op);
            continue;
        }

        for (unsigned j = op->nb_oargs; j < op->nb_oargs + op->nb_iargs; j++) {
            op->args[j] = tcgl_temp_arg(best_copy(tcgl_arg_temp(op->args[j])));
        }

        if (op->opc == INDEX_op_brcond_i32 || op->opc == INDEX_op_brcond_i64) {
            fold_brcond(op, &unreachable);
        } else if (flags & TCGL_OPF_NORETURN) {
            unreachable = true;
        } else {
            fold_op(op);
        }
        if (branch_to_next(i)) {
            /* The ops a br skipped stay skipped: drop them with it. */
            for (unsigned j = i + 1; tcgl_ctx.ops[j].opc != INDEX_op_set_label; j++) {
                drop_unreachable(&tcgl_ctx.ops[j]);
            }
            tcgl_op_label(op)->refs--;
            op_to_nop(op);
            unreachable = false;
        }
    }

    /* Labels whose last branch was folded away or found unreachable. */
    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        TCGLOp *op = &tcgl_ctx.ops[i];
        if (op->opc == INDEX_op_set_label && tcgl_op_label(op)->refs == 0) {
            op_to_nop(op);
        }
    }
    tcgl_compact_ops();
}

void tcgl_optimize(void)
{
    fold_pass();
    tcgl_liveness_pass(false);
    tcgl_ctx.liveness_valid = false;
}
