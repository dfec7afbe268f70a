/*
 * tcg-lite/liveness.c: liveness of locals, dead-code elimination, and mov
 * coalescing.
 *
 * Only locals have a liveness: globals are guest state, live everywhere
 * (so a write to a global is never dead), and constants are never written.
 * Locals are valid across labels, so liveness is a backward dataflow over
 * the whole block: the live set at a label is what its branches see.  When a
 * branch goes backwards the label sets are iterated to a fixed point first;
 * the final walk then removes dead ops and records in each op which input
 * locals die there (TCGLOp.dead).  A local is dead when the block is left.
 *
 * Coalescing: "op t, ...; mov x, t" with t dying in the mov becomes
 * "op x, ...".  The two ops are adjacent, so the write to x happens when it
 * did before (at the end of the same pair) and no exception point moves
 * across it; the interpreter then runs one op instead of two.
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "tcgl-internal.h"

typedef struct LiveSets {
    uint64_t *cur;       /* live after the op being visited */
    uint64_t *labels;    /* one set per label */
    unsigned words;
    size_t cap;
} LiveSets;

static LiveSets live;

static uint64_t *label_set(const TCGLLabel *l)
{
    return live.labels + (size_t)l->id * live.words;
}

static bool is_live(const TCGLTemp *t)
{
    return (live.cur[t->index / 64] >> (t->index % 64)) & 1;
}

static void set_live(const TCGLTemp *t)
{
    live.cur[t->index / 64] |= 1ull << (t->index % 64);
}

static void set_dead(const TCGLTemp *t)
{
    live.cur[t->index / 64] &= ~(1ull << (t->index % 64));
}

static bool op_has_side_effects(const TCGLOp *op)
{
    if (op->opc == INDEX_op_call) {
        return !(tcgl_op_helper(op)->flags & TCGL_CALL_NO_SE);
    }
    return (tcgl_op_flags(op) & TCGL_OPF_SE) != 0;
}

/* All outputs are locals that nobody reads. */
static bool op_outputs_dead(const TCGLOp *op)
{
    for (unsigned i = 0; i < op->nb_oargs; i++) {
        const TCGLTemp *t = tcgl_arg_temp(op->args[i]);
        if (t->kind != TCGL_TEMP_LOCAL || is_live(t)) {
            return false;
        }
    }
    return true;
}

/* "op s, ...; mov d, s" with s dying here: make op write d.  true if done. */
static bool try_coalesce(unsigned i)
{
    TCGLOp *mov = &tcgl_ctx.ops[i];
    if (i == 0 || (mov->opc != INDEX_op_mov_i64 && mov->opc != INDEX_op_mov_i32)) {
        return false;
    }
    TCGLTemp *d = tcgl_arg_temp(mov->args[0]), *s = tcgl_arg_temp(mov->args[1]);
    if (s->kind != TCGL_TEMP_LOCAL || is_live(s) || d == s) {
        return false;
    }
    TCGLOp *prev = &tcgl_ctx.ops[i - 1];
    if (prev->opc == INDEX_op_nop || prev->nb_oargs != 1 ||
        tcgl_arg_temp(prev->args[0]) != s) {
        return false;
    }
    prev->args[0] = tcgl_temp_arg(d);
    mov->opc = INDEX_op_nop;
    return true;
}

/*
 * One backward walk.  With apply false it only updates the label sets and
 * says whether any changed; with apply true it also removes dead ops,
 * coalesces movs (if asked) and records the dead bits.
 */
static bool liveness_walk(bool apply, bool coalesce)
{
    bool changed = false;
    size_t bytes = live.words * sizeof(uint64_t);

    memset(live.cur, 0, bytes);
    for (unsigned i = tcgl_ctx.nb_ops; i-- > 0;) {
        TCGLOp *op = &tcgl_ctx.ops[i];

        switch (op->opc) {
        case INDEX_op_nop:
            continue;
        case INDEX_op_set_label: {
            uint64_t *ls = label_set(tcgl_op_label(op));
            if (memcmp(ls, live.cur, bytes) != 0) {
                memcpy(ls, live.cur, bytes);
                changed = true;
            }
            continue;
        }
        case INDEX_op_br:
            memcpy(live.cur, label_set(tcgl_op_label(op)), bytes);
            continue;
        case INDEX_op_exit_tb:
        case INDEX_op_lookup_and_goto_ptr:
            memset(live.cur, 0, bytes);
            continue;
        case INDEX_op_brcond_i32:
        case INDEX_op_brcond_i64: {
            const uint64_t *ls = label_set(tcgl_op_label(op));
            for (unsigned w = 0; w < live.words; w++) {
                live.cur[w] |= ls[w];
            }
            break;
        }
        default:
            if (apply && !op_has_side_effects(op) && op_outputs_dead(op)) {
                op->opc = INDEX_op_nop;
                continue;
            }
            if (apply && coalesce && try_coalesce(i)) {
                continue;
            }
            for (unsigned j = 0; j < op->nb_oargs; j++) {
                TCGLTemp *t = tcgl_arg_temp(op->args[j]);
                if (t->kind == TCGL_TEMP_LOCAL) {
                    set_dead(t);
                }
            }
            break;
        }

        uint16_t dead = 0;
        for (unsigned j = op->nb_oargs; j < op->nb_oargs + op->nb_iargs; j++) {
            TCGLTemp *t = tcgl_arg_temp(op->args[j]);
            if (t->kind == TCGL_TEMP_LOCAL && !is_live(t)) {
                dead |= 1u << j;
                set_live(t);
            }
        }
        if (apply) {
            op->dead = dead;
        }
    }
    return changed;
}

static bool has_backward_branch(void)
{
    for (unsigned i = 0; i < tcgl_ctx.nb_labels; i++) {
        tcgl_label_at(i)->pos = -1;
    }
    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        const TCGLOp *op = &tcgl_ctx.ops[i];
        if (op->opc == INDEX_op_set_label) {
            tcgl_op_label(op)->pos = (int32_t)i;
        } else if (op->opc == INDEX_op_br || op->opc == INDEX_op_brcond_i32 ||
                   op->opc == INDEX_op_brcond_i64) {
            if (tcgl_op_label(op)->pos >= 0) {
                return true;
            }
        }
    }
    return false;
}

void tcgl_liveness_pass(bool coalesce)
{
    live.words = (tcgl_ctx.nb_temps + 63) / 64;
    if (live.words == 0) {
        live.words = 1;
    }
    size_t need = (size_t)live.words * (tcgl_ctx.nb_labels + 1);
    if (need > live.cap) {
        free(live.cur);
        live.cap = need * 2;
        live.cur = calloc(live.cap, sizeof(uint64_t));
        if (!live.cur) {
            abort();
        }
    }
    live.labels = live.cur + live.words;
    memset(live.labels, 0, (size_t)live.words * tcgl_ctx.nb_labels * sizeof(uint64_t));

    if (has_backward_branch()) {
        while (liveness_walk(false, false)) {
        }
    }
    liveness_walk(true, coalesce);
    tcgl_compact_ops();
}

void tcgl_liveness(void)
{
    tcgl_liveness_pass(true);
    tcgl_ctx.liveness_valid = true;
}
