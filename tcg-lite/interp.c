/*
 * tcg-lite/interp.c: the bytecode interpreter backend (tcgl_interp_backend).
 *
 * gen_code lowers the current IR into a compact bytecode in tb->code: an
 * array of 64-bit words, each op a handler address followed by its operands
 * already resolved, so that running an op is a few loads and one indirect
 * jump (direct threading with GCC's computed goto).
 *
 * Operands are 32-bit byte offsets.  Even offsets are from env: globals are
 * read and written in the CPU state itself, never copied.  Odd offsets are
 * from the frame (minus one): locals live in a frame on the C stack of
 * exec, slots reused once a local's last use is behind.  Constants are
 * immediates in the bytecode; where an op has no immediate form, the
 * constant is first moved into a scratch slot.  After optimization most ops
 * of a guest block touch only globals, so the common 64-bit ops also have
 * forms that skip the env-or-frame choice for each operand.
 *
 * The dispatch is most of the cost of a simple op, so the lowering fuses
 * the sequences a frontend emits most into one bytecode op each (see
 * "Fused ops" below): a 32-bit operation and the sign extension of its
 * result, an address computation and the access, two simple ops on
 * globals (a "pair"), the end of a block (count, goto_tb, pc, exit_tb) and
 * a conditional branch between two such ends.  Fusion never spans a label,
 * spans an insn_start only where no op of the sequence can fault, and never
 * moves a write to a global across an op that can fault.  Every block
 * starts with its entry check (tb_head), which a chained jump runs without
 * a dispatch of its own.  Measured on the roms/bench kernels, the RISC-V
 * frontend's blocks run about 0.6 to 0.9 bytecode ops per guest instruction.
 *
 * qemu_ld/qemu_st do the softmmu TLB's fast path themselves when the
 * softmmu gave its layout (tcgl_set_tlb_layout): a hit on RAM is a compare
 * and a host access; everything else calls TCGLMemOps.
 *
 * Nothing is allocated while code runs: a helper or a memory callback may
 * longjmp out of exec at any point.  Before every call and every call of a
 * TCGLMemOps function, tcgl_exec_ra is set to the address of the op in
 * tb->code; tb->insn_end maps that address back to the guest instruction
 * (tcgl_tb_find_insn).
 */
#include "config.h"

#include <assert.h>
#include <ffi.h>
#include <stdlib.h>
#include <string.h>

#include "tcgl-internal.h"

/*
 * Frame slots a TB may use at once.  The frontend's locals rarely live
 * beyond one guest instruction, so this is far more than a TB needs; it
 * bounds exec's stack use (8 KiB).
 */
#define INTERP_FRAME_SLOTS 1024

/* Operand value meaning "the env pointer" in a call's argument list. */
#define INTERP_ENV_ARG INT32_MIN

typedef union InterpWord {
    const void *h;
    const void *p;
    uint64_t u;
    struct {
        int32_t a, b;
    } o;
} InterpWord;

/* ------------------------------------------------------------------ */
/* The bytecode ops                                                     */

#define INTERP_CONDS(X) \
    X(eq, EQ) X(ne, NE) X(lt, LT) X(ge, GE) X(le, LE) X(gt, GT) \
    X(ltu, LTU) X(geu, GEU) X(leu, LEU) X(gtu, GTU)

/*
 * 64-bit ops that the frontend emits most come in two more forms, rre and
 * rie, for when every temp operand is a global: no env/frame choice per
 * operand.  Each group is laid out rr, ri, rre, rie (see interp_env_form).
 */
#define INTERP_BIN64(X, n) X(n##_64_rr) X(n##_64_ri) X(n##_64_rre) X(n##_64_rie)
#define INTERP_BIN(X, n) INTERP_BIN64(X, n) X(n##_32_rr) X(n##_32_ri)
#define INTERP_COND_OPS(X, c, C)                                                          \
    X(setcond_##c##_64_rr) X(setcond_##c##_64_ri) X(setcond_##c##_64_rre)                \
    X(setcond_##c##_64_rie) X(setcond_##c##_32_rr) X(setcond_##c##_32_ri)                 \
    X(brcond_##c##_64_rr) X(brcond_##c##_64_ri) X(brcond_##c##_64_rre)                   \
    X(brcond_##c##_64_rie) X(brcond_##c##_32_rr) X(brcond_##c##_32_ri)

/*
 * Fused ops with a sign-extended 32-bit result (RV64's "W" instructions,
 * and a sext.w after a logic op): addw..xorw are ext32s(a op b); shlw =
 * ext32s(a << b); srlw = ext32s(ext32u(a) >> b); sraw = ext32s(ext32s(a)
 * >> b).
 */
#define INTERP_WOPS(X)                                                    \
    INTERP_BIN64(X, addw) INTERP_BIN64(X, subw) INTERP_BIN64(X, mulw)     \
    INTERP_BIN64(X, andw) INTERP_BIN64(X, orw) INTERP_BIN64(X, xorw)      \
    INTERP_BIN64(X, shlw) INTERP_BIN64(X, srlw) INTERP_BIN64(X, sraw)

/* Unary 64-bit ops with an all-globals form at +1. */
#define INTERP_UN64(X, n) X(n##_64) X(n##_64_e)

/*
 * Guest memory: the TLB fast path inline for each size and sign, generic
 * and all-globals forms (qld_ub, qld_ub_e, ...); and the forms that always
 * call TCGLMemOps.
 */
#define INTERP_QLD(X, n) X(qld_##n) X(qld_##n##_e)
#define INTERP_MEM_OPS(X)                                                 \
    INTERP_QLD(X, ub) INTERP_QLD(X, sb) INTERP_QLD(X, uw)                 \
    INTERP_QLD(X, sw) INTERP_QLD(X, ul) INTERP_QLD(X, sl)                 \
    INTERP_QLD(X, uq)                                                     \
    X(qst_b) X(qst_b_e) X(qst_w) X(qst_w_e) X(qst_l) X(qst_l_e)           \
    X(qst_q) X(qst_q_e)                                                   \
    X(qemu_ld_64) X(qemu_ld_64_e) X(qemu_st_64) X(qemu_st_64_e)

#define INTERP_BRCHAIN(X, c, C) X(brchain_##c##_e) X(brchain_##c##_ie)

/*
 * Pairs: two simple ops on globals in one dispatch (pair_K1_K2), each of
 * a kind below: its name, how it reads its second operand b (not at all,
 * an immediate, a global) and its result from a and b.  A kind may stand
 * for two or three IR ops (addw is "add d, a, b; ext32s d, d").
 */
#define INTERP_PAIR_KINDS(M, p)                                           \
    M(p, mov, PB_NONE, a)                                                 \
    M(p, movi, PB_IMM, b)                                                 \
    M(p, sext, PB_NONE, SEXT32(a))                                        \
    M(p, addi, PB_IMM, a + b)                                             \
    M(p, add, PB_REG, a + b)                                              \
    M(p, xor, PB_REG, a ^ b)                                              \
    M(p, xori, PB_IMM, a ^ b)                                             \
    M(p, or, PB_REG, a | b)                                               \
    M(p, and, PB_REG, a & b)                                              \
    M(p, andi, PB_IMM, a & b)                                             \
    M(p, shli, PB_IMM, a << (b & 63))                                     \
    M(p, shri, PB_IMM, a >> (b & 63))                                     \
    M(p, addw, PB_REG, SEXT32(a + b))                                     \
    M(p, addwi, PB_IMM, SEXT32(a + b))                                    \
    M(p, mulw, PB_REG, SEXT32(a * b))                                     \
    M(p, shlwi, PB_IMM, SEXT32(a << (b & 63)))                            \
    M(p, srlwi, PB_IMM, SEXT32((uint64_t)(uint32_t)a >> (b & 63)))
/*
 * The names again, in the same order (checked below), for the second
 * dimension: a macro cannot expand inside its own expansion.
 */
#define INTERP_PAIR_NAMES(M, p)                                           \
    M(p, mov) M(p, movi) M(p, sext) M(p, addi) M(p, add) M(p, xor)        \
    M(p, xori) M(p, or) M(p, and) M(p, andi) M(p, shli) M(p, shri)        \
    M(p, addw) M(p, addwi) M(p, mulw) M(p, shlwi) M(p, srlwi)
/* Every pair: C(k1, k2) for each kind k1, for each kind k2. */
#define INTERP_PAIR_ROW(C, k1, B, e) INTERP_PAIR_NAMES(C, k1)
#define INTERP_PAIRS(C) INTERP_PAIR_KINDS(INTERP_PAIR_ROW, C)
/*
 * Load pairs (lpair_L_K2): a load on globals through the TLB fast path,
 * then a pair half; for the loads guest code does most (lbu, lwu, lw, ld).
 */
#define INTERP_LOAD_KINDS(M, p) M(p, ub) M(p, ul) M(p, sl) M(p, uq)
#define INTERP_LPAIR_ROW(C, l) INTERP_PAIR_NAMES(C, l)
#define INTERP_LPAIRS(C) INTERP_LOAD_KINDS(INTERP_LPAIR_ROW, C)

#define INTERP_OPS(X)                                                     \
    X(invalid)                                                            \
    X(mov_64) X(mov_64_e) X(mov_32) X(movi_64) X(movi_64_e) X(movi_32)    \
    INTERP_BIN(X, add) INTERP_BIN(X, sub) INTERP_BIN(X, mul)              \
    INTERP_BIN(X, div) INTERP_BIN(X, divu) INTERP_BIN(X, rem)             \
    INTERP_BIN(X, remu) INTERP_BIN(X, and) INTERP_BIN(X, or)              \
    INTERP_BIN(X, xor) INTERP_BIN(X, andc) INTERP_BIN(X, orc)             \
    INTERP_BIN(X, eqv) INTERP_BIN(X, shl) INTERP_BIN(X, shr)              \
    INTERP_BIN(X, sar) INTERP_BIN(X, rotl) INTERP_BIN(X, rotr)            \
    INTERP_BIN64(X, mulsh) INTERP_BIN64(X, muluh)                         \
    INTERP_WOPS(X)                                                        \
    INTERP_UN64(X, neg) X(neg_32) INTERP_UN64(X, not) X(not_32)           \
    X(clz_64) X(clz_32)                                                   \
    X(ctz_64) X(ctz_32) X(ctpop_64) X(ctpop_32) X(bswap64_64)             \
    X(ext8s_64) X(ext8u_64) X(ext16s_64) X(ext16u_64)                     \
    INTERP_UN64(X, ext32s) INTERP_UN64(X, ext32u)                         \
    X(extrl_64_32) X(extu_32_64) X(ext_32_64)                             \
    X(extract_64) X(sextract_64) X(deposit_64)                            \
    X(movcond_64) X(movcond_32)                                           \
    INTERP_CONDS_EXPAND(X)                                                \
    X(ld_64) X(ld32u_64) X(ld32s_64) X(ld8u_64) X(ld_32)                  \
    X(st_64) X(st32_64) X(st8_64) X(st_32)                                \
    INTERP_MEM_OPS(X)                                                     \
    X(call_void) X(call_32) X(call_64)                                    \
    X(br) X(goto_tb) X(exit_tb) X(goto_ptr) X(goto_ptr_add)               \
    X(tb_head) X(chain) INTERP_BRCHAIN_EXPAND(X)

#define INTERP_CONDS_EXPAND(X) INTERP_CONDS_EXPAND_(X)
#define INTERP_CONDS_EXPAND_(X)                                            \
    INTERP_COND_OPS(X, eq, EQ) INTERP_COND_OPS(X, ne, NE)                  \
    INTERP_COND_OPS(X, lt, LT) INTERP_COND_OPS(X, ge, GE)                  \
    INTERP_COND_OPS(X, le, LE) INTERP_COND_OPS(X, gt, GT)                  \
    INTERP_COND_OPS(X, ltu, LTU) INTERP_COND_OPS(X, geu, GEU)              \
    INTERP_COND_OPS(X, leu, LEU) INTERP_COND_OPS(X, gtu, GTU)

#define INTERP_BRCHAIN_EXPAND(X)                                           \
    INTERP_BRCHAIN(X, eq, EQ) INTERP_BRCHAIN(X, ne, NE)                    \
    INTERP_BRCHAIN(X, lt, LT) INTERP_BRCHAIN(X, ge, GE)                    \
    INTERP_BRCHAIN(X, le, LE) INTERP_BRCHAIN(X, gt, GT)                    \
    INTERP_BRCHAIN(X, ltu, LTU) INTERP_BRCHAIN(X, geu, GEU)                \
    INTERP_BRCHAIN(X, leu, LEU) INTERP_BRCHAIN(X, gtu, GTU)

typedef enum InterpOp {
#define INTERP_ENUM(n) IOP_##n,
#define INTERP_PAIR_ENUM(k1, k2) IOP_pair_##k1##_##k2,
#define INTERP_LPAIR_ENUM(l, k2) IOP_lpair_##l##_##k2,
    INTERP_OPS(INTERP_ENUM)
    INTERP_PAIRS(INTERP_PAIR_ENUM)
    INTERP_LPAIRS(INTERP_LPAIR_ENUM)
#undef INTERP_ENUM
#undef INTERP_PAIR_ENUM
#undef INTERP_LPAIR_ENUM
    IOP_COUNT
} InterpOp;

typedef enum InterpPairKind {
#define INTERP_PAIR_KIND_ENUM(p, k, B, e) PK_##k,
    INTERP_PAIR_KINDS(INTERP_PAIR_KIND_ENUM, unused)
#undef INTERP_PAIR_KIND_ENUM
    PK_COUNT
} InterpPairKind;

enum {
#define INTERP_PAIR_NAME_ENUM(p, k) PK2_##k,
    INTERP_PAIR_NAMES(INTERP_PAIR_NAME_ENUM, unused)
#undef INTERP_PAIR_NAME_ENUM
};
#define INTERP_PAIR_CHECK(p, k, B, e) \
    _Static_assert((int)PK_##k == (int)PK2_##k, "INTERP_PAIR_NAMES lists the kinds in order");
INTERP_PAIR_KINDS(INTERP_PAIR_CHECK, unused)
#undef INTERP_PAIR_CHECK

/* ------------------------------------------------------------------ */
/* Exec                                                                 */

#define SLOT_ADDR(o) \
    ((uintptr_t)((o) & 1 ? fb : eb) + (uintptr_t)(intptr_t)(o))
#define R64(o) (*(const uint64_t *)SLOT_ADDR(o))
#define R32(o) (*(const uint32_t *)SLOT_ADDR(o))
#define W64(o, v) (*(uint64_t *)SLOT_ADDR(o) = (v))
#define W32(o, v) (*(uint32_t *)SLOT_ADDR(o) = (v))
/* An operand known to be a global. */
#define E64(o) (*(uint64_t *)(eb + (uintptr_t)(intptr_t)(o)))
#define EW64(o, v) (E64(o) = (v))
#define NEXT(n)           \
    do {                  \
        pc += (n);        \
        goto *pc->h;      \
    } while (0)

#define SEXT32(x) ((uint64_t)(int64_t)(int32_t)(x))

/*
 * Binary ops: rr reads both operands from slots, ri takes the second from
 * the bytecode.  Layout: h, {d, a}, {b, -} or imm.
 */
#define BIN64(n, expr)                                                    \
    L_##n##_64_rr: {                                                      \
        uint64_t a = R64(pc[1].o.b), b = R64(pc[2].o.a);                  \
        W64(pc[1].o.a, (expr));                                           \
        NEXT(3);                                                          \
    }                                                                     \
    L_##n##_64_ri: {                                                      \
        uint64_t a = R64(pc[1].o.b), b = pc[2].u;                         \
        W64(pc[1].o.a, (expr));                                           \
        NEXT(3);                                                          \
    }                                                                     \
    L_##n##_64_rre: {                                                     \
        uint64_t a = E64(pc[1].o.b), b = E64(pc[2].o.a);                  \
        E64(pc[1].o.a) = (expr);                                          \
        NEXT(3);                                                          \
    }                                                                     \
    L_##n##_64_rie: {                                                     \
        uint64_t a = E64(pc[1].o.b), b = pc[2].u;                         \
        E64(pc[1].o.a) = (expr);                                          \
        NEXT(3);                                                          \
    }
#define BIN32(n, expr)                                                    \
    L_##n##_32_rr: {                                                      \
        uint32_t a = R32(pc[1].o.b), b = R32(pc[2].o.a);                  \
        W32(pc[1].o.a, (expr));                                           \
        NEXT(3);                                                          \
    }                                                                     \
    L_##n##_32_ri: {                                                      \
        uint32_t a = R32(pc[1].o.b), b = (uint32_t)pc[2].u;               \
        W32(pc[1].o.a, (expr));                                           \
        NEXT(3);                                                          \
    }
/* Unary ops: h, {d, a}. */
#define UN(n, RT, WT, expr)                                               \
    L_##n: {                                                              \
        uint64_t a = RT(pc[1].o.b);                                       \
        WT(pc[1].o.a, (expr));                                            \
        NEXT(2);                                                          \
    }
/*
 * setcond: like a binary op.  brcond: h, {a, b}, {rel, -} or h, {a, rel},
 * imm; rel is in words from the op's first word.
 */
#define COND_HANDLERS(c, C)                                               \
    L_setcond_##c##_64_rr:                                                \
        W64(pc[1].o.a, tcgl_cond_eval64(TCGL_COND_##C, R64(pc[1].o.b),    \
                                        R64(pc[2].o.a)));                 \
        NEXT(3);                                                          \
    L_setcond_##c##_64_ri:                                                \
        W64(pc[1].o.a, tcgl_cond_eval64(TCGL_COND_##C, R64(pc[1].o.b),    \
                                        pc[2].u));                        \
        NEXT(3);                                                          \
    L_setcond_##c##_64_rre:                                               \
        E64(pc[1].o.a) = tcgl_cond_eval64(TCGL_COND_##C, E64(pc[1].o.b),   \
                                          E64(pc[2].o.a));                \
        NEXT(3);                                                          \
    L_setcond_##c##_64_rie:                                               \
        E64(pc[1].o.a) = tcgl_cond_eval64(TCGL_COND_##C, E64(pc[1].o.b),   \
                                          pc[2].u);                       \
        NEXT(3);                                                          \
    L_setcond_##c##_32_rr:                                                \
        W32(pc[1].o.a, tcgl_cond_eval32(TCGL_COND_##C, R32(pc[1].o.b),    \
                                        R32(pc[2].o.a)));                 \
        NEXT(3);                                                          \
    L_setcond_##c##_32_ri:                                                \
        W32(pc[1].o.a, tcgl_cond_eval32(TCGL_COND_##C, R32(pc[1].o.b),    \
                                        (uint32_t)pc[2].u));              \
        NEXT(3);                                                          \
    L_brcond_##c##_64_rr:                                                 \
        if (tcgl_cond_eval64(TCGL_COND_##C, R64(pc[1].o.a), R64(pc[1].o.b))) { \
            NEXT(pc[2].o.a);                                              \
        }                                                                 \
        NEXT(3);                                                          \
    L_brcond_##c##_64_ri:                                                 \
        if (tcgl_cond_eval64(TCGL_COND_##C, R64(pc[1].o.a), pc[2].u)) {   \
            NEXT(pc[1].o.b);                                              \
        }                                                                 \
        NEXT(3);                                                          \
    L_brcond_##c##_64_rre:                                                \
        if (tcgl_cond_eval64(TCGL_COND_##C, E64(pc[1].o.a), E64(pc[1].o.b))) { \
            NEXT(pc[2].o.a);                                              \
        }                                                                 \
        NEXT(3);                                                          \
    L_brcond_##c##_64_rie:                                                \
        if (tcgl_cond_eval64(TCGL_COND_##C, E64(pc[1].o.a), pc[2].u)) {   \
            NEXT(pc[1].o.b);                                              \
        }                                                                 \
        NEXT(3);                                                          \
    L_brcond_##c##_32_rr:                                                 \
        if (tcgl_cond_eval32(TCGL_COND_##C, R32(pc[1].o.a), R32(pc[1].o.b))) { \
            NEXT(pc[2].o.a);                                              \
        }                                                                 \
        NEXT(3);                                                          \
    L_brcond_##c##_32_ri:                                                 \
        if (tcgl_cond_eval32(TCGL_COND_##C, R32(pc[1].o.a), (uint32_t)pc[2].u)) { \
            NEXT(pc[1].o.b);                                              \
        }                                                                 \
        NEXT(3);

/*
 * The TLB of the softmmu, as the memory handlers use it: the comparator of
 * addr's entry is at env + (offset of entry 0's comparator) + ((addr >>
 * shift) & index_mask), which folds the entry size into the shift.
 */
static struct {
    bool valid;
    unsigned shift;
    uint64_t index_mask;
    uint64_t page_mask;
    TCGLTlbLayout layout;
} interp_tlb;

void tcgl_set_tlb_layout(const TCGLTlbLayout *layout)
{
    if (!layout) {
        interp_tlb.valid = false;
        return;
    }
    unsigned es = layout->entry_size;
    assert(es >= 8 && (es & (es - 1)) == 0);
    unsigned es_bits = (unsigned)__builtin_ctz(es);
    assert(layout->page_bits >= es_bits && layout->page_bits < 64);
    assert(layout->index_bits >= 1 && layout->index_bits < 32);
    assert(layout->read_offset % 8 == 0 && layout->read_offset + 8 <= es);
    assert(layout->write_offset % 8 == 0 && layout->write_offset + 8 <= es);
    assert(layout->addend_offset % 8 == 0 && layout->addend_offset + 8 <= es);
    for (unsigned i = 0; i < TCGL_MAX_MMU_IDX; i++) {
        assert(layout->table_offset[i] % 8 == 0);
    }
    interp_tlb.layout = *layout;
    interp_tlb.shift = layout->page_bits - es_bits;
    interp_tlb.index_mask = ((UINT64_C(1) << layout->index_bits) - 1) << es_bits;
    interp_tlb.page_mask = ~((UINT64_C(1) << layout->page_bits) - 1);
    interp_tlb.valid = true;
}

#define TLB_CMP(tofs, addr)                                               \
    (eb + (uintptr_t)(intptr_t)(tofs) +                                   \
     (uintptr_t)(((addr) >> interp_tlb.shift) & interp_tlb.index_mask))
#define TLB_HIT(addr, cmp, size)                                          \
    __builtin_expect(((addr) & (interp_tlb.page_mask | ((size) - 1))) ==  \
                     *(const uint64_t *)(cmp), 1)
#define TLB_HOST(addr, cmp, delta)                                        \
    ((void *)(uintptr_t)((addr) +                                         \
                         *(const uintptr_t *)((cmp) + (uintptr_t)(intptr_t)(delta))))

/*
 * A load of a T: the host access on a TLB hit (the C conversion from T
 * does the zero or sign extension), TCGLMemOps otherwise.
 */
#define QLD(n, RD, WR, T)                                                 \
    L_##n: {                                                              \
        uint64_t addr = RD(pc[1].o.b) + (uint64_t)(int64_t)pc[2].o.a;     \
        uintptr_t cmp = TLB_CMP(pc[2].o.b, addr);                         \
        uint64_t v;                                                       \
        if (TLB_HIT(addr, cmp, sizeof(T))) {                              \
            T h;                                                          \
            memcpy(&h, TLB_HOST(addr, cmp, pc[3].o.b), sizeof(T));        \
            v = (uint64_t)(int64_t)h;                                     \
        } else {                                                          \
            tcgl_exec_ra = (uintptr_t)pc;                                 \
            v = tcgl_ctx.mem_ops->load(env, addr, (MemOpIdx)pc[3].o.a,    \
                                       (uintptr_t)pc);                    \
        }                                                                 \
        WR(pc[1].o.a, v);                                                 \
        NEXT(4);                                                          \
    }
#define QST(n, RD, T)                                                     \
    L_##n: {                                                              \
        uint64_t addr = RD(pc[1].o.b) + (uint64_t)(int64_t)pc[2].o.a;     \
        uint64_t v = RD(pc[1].o.a);                                       \
        uintptr_t cmp = TLB_CMP(pc[2].o.b, addr);                         \
        if (TLB_HIT(addr, cmp, sizeof(T))) {                              \
            T h = (T)v;                                                   \
            memcpy(TLB_HOST(addr, cmp, pc[3].o.b), &h, sizeof(T));        \
        } else {                                                          \
            tcgl_exec_ra = (uintptr_t)pc;                                 \
            tcgl_ctx.mem_ops->store(env, addr, v, (MemOpIdx)pc[3].o.a,    \
                                    (uintptr_t)pc);                       \
        }                                                                 \
        NEXT(4);                                                          \
    }

/*
 * Continue in block tb: every block starts with tb_head, which runs here
 * rather than through a dispatch of its own.
 */
#define ENTER(tb)                                                         \
    do {                                                                  \
        tcgl_exec_tb = (tb);                                              \
        pc = (tb)->code;                                                  \
        if (__builtin_expect(E64(pc[1].o.a) < E64(pc[1].o.b), 1)) {       \
            NEXT(3);                                                      \
        }                                                                 \
        NEXT(pc[2].o.a);                                                  \
    } while (0)

/*
 * The end of a block, fused (count, goto_tb, pc, exit_tb): add n to the
 * instruction count; continue in the block chained in the slot, else set
 * pc and leave with the exit value.  Five words at cw: {count, pc},
 * {n, -}, the address of the block's jmp_dest[slot], the pc value, the
 * exit value.
 */
#define CHAIN(cw)                                                         \
    do {                                                                  \
        E64((cw)[0].o.a) += (uint64_t)(int64_t)(cw)[1].o.a;               \
        TranslationBlock *next_ = *(TranslationBlock *const *)(cw)[2].p;  \
        if (next_) {                                                      \
            ENTER(next_);                                                 \
        }                                                                 \
        E64((cw)[0].o.b) = (cw)[3].u;                                     \
        return (uintptr_t)(cw)[4].u;                                      \
    } while (0)
#define CHAIN_WORDS 5

/*
 * A conditional branch between two block ends: h, {a, b}, then the end
 * taken when the condition is false, then the one taken when it is true;
 * the _ie form compares with an immediate: h, {a, -}, imm, ends.
 */
#define BRCHAIN_HANDLERS(c, C)                                            \
    L_brchain_##c##_e:                                                    \
        if (tcgl_cond_eval64(TCGL_COND_##C, E64(pc[1].o.a), E64(pc[1].o.b))) { \
            CHAIN(pc + 2 + CHAIN_WORDS);                                  \
        }                                                                 \
        CHAIN(pc + 2);                                                    \
    L_brchain_##c##_ie:                                                   \
        if (tcgl_cond_eval64(TCGL_COND_##C, E64(pc[1].o.a), pc[2].u)) {   \
            CHAIN(pc + 3 + CHAIN_WORDS);                                  \
        }                                                                 \
        CHAIN(pc + 3);

/*
 * Pairs: h, {d1, a1}, b1, {d2, a2}, b2 (b: an immediate, or {global, -});
 * the first op completes before the second reads (it may read what the
 * first wrote).  Each kind's result and second operand, as functions.
 */
#define PB_NONE(w) 0
#define PB_IMM(w) ((w)->u)
#define PB_REG(w) (*(const uint64_t *)(eb + (uintptr_t)(intptr_t)(w)->o.a))
#define INTERP_PAIR_FUNCS(p, k, B, e)                                     \
    static inline uint64_t pair_##k(uint64_t a, uint64_t b)               \
    {                                                                     \
        (void)a, (void)b;                                                 \
        return (e);                                                       \
    }                                                                     \
    static inline uint64_t pair_b_##k(const InterpWord *w, uintptr_t eb)  \
    {                                                                     \
        (void)w, (void)eb;                                                \
        return B(w);                                                      \
    }
INTERP_PAIR_KINDS(INTERP_PAIR_FUNCS, unused)
#undef INTERP_PAIR_FUNCS
#define PAIR_HANDLER(k1, k2)                                              \
    L_pair_##k1##_##k2:                                                   \
        E64(pc[1].o.a) = pair_##k1(E64(pc[1].o.b), pair_b_##k1(pc + 2, eb)); \
        E64(pc[3].o.a) = pair_##k2(E64(pc[3].o.b), pair_b_##k2(pc + 4, eb)); \
        NEXT(5);

/*
 * Load pairs: the load's words as for qld_L_e, then {d2, a2}, b2.  The
 * load completes (or faults, the second op not run) before the second op
 * reads.
 */
#define LPAIR_T_ub uint8_t
#define LPAIR_T_ul uint32_t
#define LPAIR_T_sl int32_t
#define LPAIR_T_uq uint64_t
#define LPAIR_HANDLER(l, k2)                                              \
    L_lpair_##l##_##k2: {                                                 \
        uint64_t addr = E64(pc[1].o.b) + (uint64_t)(int64_t)pc[2].o.a;    \
        uintptr_t cmp = TLB_CMP(pc[2].o.b, addr);                         \
        uint64_t v;                                                       \
        if (TLB_HIT(addr, cmp, sizeof(LPAIR_T_##l))) {                    \
            LPAIR_T_##l h;                                                \
            memcpy(&h, TLB_HOST(addr, cmp, pc[3].o.b), sizeof(h));        \
            v = (uint64_t)(int64_t)h;                                     \
        } else {                                                          \
            tcgl_exec_ra = (uintptr_t)pc;                                 \
            v = tcgl_ctx.mem_ops->load(env, addr, (MemOpIdx)pc[3].o.a,    \
                                       (uintptr_t)pc);                    \
        }                                                                 \
        E64(pc[1].o.a) = v;                                               \
        E64(pc[4].o.a) = pair_##k2(E64(pc[4].o.b), pair_b_##k2(pc + 5, eb)); \
        NEXT(6);                                                          \
    }

/* Call: h, cif, func, {ret, nargs}, then the arguments two per word. */
static inline unsigned interp_call_words(unsigned nargs)
{
    return 4 + (nargs + 1) / 2;
}

/* A helper call through its signature's shared ffi_cif. */
static inline ffi_arg interp_call(const InterpWord *pc, void **envp, uintptr_t eb, uintptr_t fb)
{
    void *av[TCGL_MAX_HELPER_ARGS];
    unsigned nargs = (unsigned)pc[3].o.b;
    ffi_arg rv = 0;

    for (unsigned i = 0; i < nargs; i++) {
        int32_t o = (i & 1) ? pc[4 + i / 2].o.b : pc[4 + i / 2].o.a;
        av[i] = o == INTERP_ENV_ARG ? (void *)envp : (void *)SLOT_ADDR(o);
    }
    tcgl_exec_ra = (uintptr_t)pc;
    ffi_call((ffi_cif *)pc[1].p, FFI_FN(pc[2].p), &rv, av);
    return rv;
}

/*
 * Run tb; with `table` non-NULL, only return the handler addresses (the
 * labels of a computed goto exist only inside this function).  Never
 * inlined or cloned: the handler addresses must come from the one copy of
 * this function that exec runs.
 */
static __attribute__((noinline, noclone)) uintptr_t
interp_run(void *env, TranslationBlock *tb, const void *const **table)
{
    static const void *const handlers[IOP_COUNT] = {
#define INTERP_LABEL(n) [IOP_##n] = &&L_##n,
#define INTERP_PAIR_LABEL(k1, k2) [IOP_pair_##k1##_##k2] = &&L_pair_##k1##_##k2,
#define INTERP_LPAIR_LABEL(l, k2) [IOP_lpair_##l##_##k2] = &&L_lpair_##l##_##k2,
        INTERP_OPS(INTERP_LABEL)
        INTERP_PAIRS(INTERP_PAIR_LABEL)
        INTERP_LPAIRS(INTERP_LPAIR_LABEL)
#undef INTERP_LABEL
#undef INTERP_PAIR_LABEL
#undef INTERP_LPAIR_LABEL
    };
    uint64_t frame[INTERP_FRAME_SLOTS];
    void *envp = env;
    const uintptr_t eb = (uintptr_t)env;
    const uintptr_t fb = (uintptr_t)frame - 1;
    const InterpWord *pc;

    if (table) {
        *table = handlers;
        return 0;
    }
    tcgl_exec_tb = tb;
    pc = tb->code;
    goto *pc->h;

L_invalid:
    abort();

L_mov_64:
    W64(pc[1].o.a, R64(pc[1].o.b));
    NEXT(2);
L_mov_64_e:
    E64(pc[1].o.a) = E64(pc[1].o.b);
    NEXT(2);
L_mov_32:
    W32(pc[1].o.a, R32(pc[1].o.b));
    NEXT(2);
L_movi_64:
    W64(pc[1].o.a, pc[2].u);
    NEXT(3);
L_movi_64_e:
    E64(pc[1].o.a) = pc[2].u;
    NEXT(3);
L_movi_32:
    W32(pc[1].o.a, (uint32_t)pc[2].u);
    NEXT(3);

    BIN64(add, a + b)
    BIN32(add, a + b)
    BIN64(sub, a - b)
    BIN32(sub, a - b)
    BIN64(mul, a * b)
    BIN32(mul, a * b)
    BIN64(div, tcgl_div64(a, b))
    BIN32(div, tcgl_div32(a, b))
    BIN64(divu, tcgl_divu64(a, b))
    BIN32(divu, tcgl_divu32(a, b))
    BIN64(rem, tcgl_rem64(a, b))
    BIN32(rem, tcgl_rem32(a, b))
    BIN64(remu, tcgl_remu64(a, b))
    BIN32(remu, tcgl_remu32(a, b))
    BIN64(and, a & b)
    BIN32(and, a & b)
    BIN64(or, a | b)
    BIN32(or, a | b)
    BIN64(xor, a ^ b)
    BIN32(xor, a ^ b)
    BIN64(andc, a & ~b)
    BIN32(andc, a & ~b)
    BIN64(orc, a | ~b)
    BIN32(orc, a | ~b)
    BIN64(eqv, ~(a ^ b))
    BIN32(eqv, ~(a ^ b))
    BIN64(shl, a << (b & 63))
    BIN32(shl, a << (b & 31))
    BIN64(shr, a >> (b & 63))
    BIN32(shr, a >> (b & 31))
    BIN64(sar, (uint64_t)((int64_t)a >> (b & 63)))
    BIN32(sar, (uint32_t)((int32_t)a >> (b & 31)))
    BIN64(rotl, tcgl_rotl64(a, (unsigned)b))
    BIN32(rotl, tcgl_rotl32(a, b))
    BIN64(rotr, tcgl_rotr64(a, (unsigned)b))
    BIN32(rotr, tcgl_rotr32(a, b))
    BIN64(mulsh, tcgl_mulsh64(a, b))
    BIN64(muluh, tcgl_muluh64(a, b))

    BIN64(addw, SEXT32(a + b))
    BIN64(subw, SEXT32(a - b))
    BIN64(mulw, SEXT32(a * b))
    BIN64(andw, SEXT32(a & b))
    BIN64(orw, SEXT32(a | b))
    BIN64(xorw, SEXT32(a ^ b))
    BIN64(shlw, SEXT32(a << (b & 63)))
    BIN64(srlw, SEXT32((uint64_t)(uint32_t)a >> (b & 63)))
    BIN64(sraw, SEXT32((uint64_t)((int64_t)(int32_t)a >> (b & 63))))

    UN(neg_64, R64, W64, -a)
    UN(neg_64_e, E64, EW64, -a)
    UN(neg_32, R32, W32, (uint32_t)-a)
    UN(not_64, R64, W64, ~a)
    UN(not_64_e, E64, EW64, ~a)
    UN(not_32, R32, W32, (uint32_t)~a)
    UN(clz_64, R64, W64, tcgl_clz64(a))
    UN(clz_32, R32, W32, tcgl_clz32((uint32_t)a))
    UN(ctz_64, R64, W64, tcgl_ctz64(a))
    UN(ctz_32, R32, W32, tcgl_ctz32((uint32_t)a))
    UN(ctpop_64, R64, W64, (uint64_t)__builtin_popcountll(a))
    UN(ctpop_32, R32, W32, (uint32_t)__builtin_popcount((uint32_t)a))
    UN(bswap64_64, R64, W64, __builtin_bswap64(a))
    UN(ext8s_64, R64, W64, (uint64_t)(int64_t)(int8_t)a)
    UN(ext8u_64, R64, W64, (uint8_t)a)
    UN(ext16s_64, R64, W64, (uint64_t)(int64_t)(int16_t)a)
    UN(ext16u_64, R64, W64, (uint16_t)a)
    UN(ext32s_64, R64, W64, (uint64_t)(int64_t)(int32_t)a)
    UN(ext32s_64_e, E64, EW64, (uint64_t)(int64_t)(int32_t)a)
    UN(ext32u_64, R64, W64, (uint32_t)a)
    UN(ext32u_64_e, E64, EW64, (uint32_t)a)
    UN(extrl_64_32, R64, W32, (uint32_t)a)
    UN(extu_32_64, R32, W64, (uint32_t)a)
    UN(ext_32_64, R32, W64, (uint64_t)(int64_t)(int32_t)a)

    /* h, {d, a}, {ofs, len} */
L_extract_64:
    W64(pc[1].o.a, tcgl_extract64(R64(pc[1].o.b), (unsigned)pc[2].o.a, (unsigned)pc[2].o.b));
    NEXT(3);
L_sextract_64:
    W64(pc[1].o.a, tcgl_sextract64(R64(pc[1].o.b), (unsigned)pc[2].o.a, (unsigned)pc[2].o.b));
    NEXT(3);
    /* h, {d, a}, {b, ofs}, {len, -} */
L_deposit_64:
    W64(pc[1].o.a, tcgl_deposit64(R64(pc[1].o.b), R64(pc[2].o.a), (unsigned)pc[2].o.b,
                                  (unsigned)pc[3].o.a));
    NEXT(4);

    /* h, {d, c1}, {c2, v1}, {v2, cond} */
L_movcond_64: {
        uint64_t v = tcgl_cond_eval64((TCGLCond)pc[3].o.b, R64(pc[1].o.b), R64(pc[2].o.a))
                         ? R64(pc[2].o.b) : R64(pc[3].o.a);
        W64(pc[1].o.a, v);
        NEXT(4);
    }
L_movcond_32: {
        uint32_t v = tcgl_cond_eval32((TCGLCond)pc[3].o.b, R32(pc[1].o.b), R32(pc[2].o.a))
                         ? R32(pc[2].o.b) : R32(pc[3].o.a);
        W32(pc[1].o.a, v);
        NEXT(4);
    }

    INTERP_CONDS(COND_HANDLERS)

    /* env fields that are not globals: h, {d or val, offset} */
L_ld_64: {
        uint64_t v;
        memcpy(&v, (const char *)env + pc[1].o.b, 8);
        W64(pc[1].o.a, v);
        NEXT(2);
    }
L_ld32u_64: {
        uint32_t v;
        memcpy(&v, (const char *)env + pc[1].o.b, 4);
        W64(pc[1].o.a, v);
        NEXT(2);
    }
L_ld32s_64: {
        int32_t v;
        memcpy(&v, (const char *)env + pc[1].o.b, 4);
        W64(pc[1].o.a, (uint64_t)(int64_t)v);
        NEXT(2);
    }
L_ld8u_64:
    W64(pc[1].o.a, *((const uint8_t *)env + pc[1].o.b));
    NEXT(2);
L_ld_32: {
        uint32_t v;
        memcpy(&v, (const char *)env + pc[1].o.b, 4);
        W32(pc[1].o.a, v);
        NEXT(2);
    }
L_st_64: {
        uint64_t v = R64(pc[1].o.a);
        memcpy((char *)env + pc[1].o.b, &v, 8);
        NEXT(2);
    }
L_st32_64:
L_st_32: {
        uint32_t v = R32(pc[1].o.a);
        memcpy((char *)env + pc[1].o.b, &v, 4);
        NEXT(2);
    }
L_st8_64:
    *((uint8_t *)env + pc[1].o.b) = (uint8_t)R64(pc[1].o.a);
    NEXT(2);

    /*
     * Guest memory: h, {d or val, addr}, {disp, tlb}, {oi, addend}.  The
     * address is addr + disp; tlb is the env offset of the comparator
     * (read or write) in entry 0 of the MMU index's table, addend the
     * offset of the addend from the comparator.
     */
    QLD(qld_ub, R64, W64, uint8_t)
    QLD(qld_ub_e, E64, EW64, uint8_t)
    QLD(qld_sb, R64, W64, int8_t)
    QLD(qld_sb_e, E64, EW64, int8_t)
    QLD(qld_uw, R64, W64, uint16_t)
    QLD(qld_uw_e, E64, EW64, uint16_t)
    QLD(qld_sw, R64, W64, int16_t)
    QLD(qld_sw_e, E64, EW64, int16_t)
    QLD(qld_ul, R64, W64, uint32_t)
    QLD(qld_ul_e, E64, EW64, uint32_t)
    QLD(qld_sl, R64, W64, int32_t)
    QLD(qld_sl_e, E64, EW64, int32_t)
    QLD(qld_uq, R64, W64, uint64_t)
    QLD(qld_uq_e, E64, EW64, uint64_t)
    QST(qst_b, R64, uint8_t)
    QST(qst_b_e, E64, uint8_t)
    QST(qst_w, R64, uint16_t)
    QST(qst_w_e, E64, uint16_t)
    QST(qst_l, R64, uint32_t)
    QST(qst_l_e, E64, uint32_t)
    QST(qst_q, R64, uint64_t)
    QST(qst_q_e, E64, uint64_t)

    /* The same layout; no TLB layout, or a byte-swapped access. */
L_qemu_ld_64: {
        uint64_t addr = R64(pc[1].o.b) + (uint64_t)(int64_t)pc[2].o.a;
        tcgl_exec_ra = (uintptr_t)pc;
        W64(pc[1].o.a, tcgl_ctx.mem_ops->load(env, addr, (MemOpIdx)pc[3].o.a, (uintptr_t)pc));
        NEXT(4);
    }
L_qemu_ld_64_e: {
        uint64_t addr = E64(pc[1].o.b) + (uint64_t)(int64_t)pc[2].o.a;
        tcgl_exec_ra = (uintptr_t)pc;
        E64(pc[1].o.a) = tcgl_ctx.mem_ops->load(env, addr, (MemOpIdx)pc[3].o.a, (uintptr_t)pc);
        NEXT(4);
    }
L_qemu_st_64: {
        uint64_t addr = R64(pc[1].o.b) + (uint64_t)(int64_t)pc[2].o.a;
        tcgl_exec_ra = (uintptr_t)pc;
        tcgl_ctx.mem_ops->store(env, addr, R64(pc[1].o.a), (MemOpIdx)pc[3].o.a, (uintptr_t)pc);
        NEXT(4);
    }
L_qemu_st_64_e: {
        uint64_t addr = E64(pc[1].o.b) + (uint64_t)(int64_t)pc[2].o.a;
        tcgl_exec_ra = (uintptr_t)pc;
        tcgl_ctx.mem_ops->store(env, addr, E64(pc[1].o.a), (MemOpIdx)pc[3].o.a, (uintptr_t)pc);
        NEXT(4);
    }

    /* Three handlers: labels with no code between them share an address. */
L_call_void:
    interp_call(pc, &envp, eb, fb);
    NEXT(interp_call_words((unsigned)pc[3].o.b));
L_call_32:
    W32(pc[3].o.a, (uint32_t)interp_call(pc, &envp, eb, fb));
    NEXT(interp_call_words((unsigned)pc[3].o.b));
L_call_64:
    W64(pc[3].o.a, (uint64_t)interp_call(pc, &envp, eb, fb));
    NEXT(interp_call_words((unsigned)pc[3].o.b));

    /* h, {rel, -} */
L_br:
    NEXT(pc[1].o.a);
    /* h, the address of the block's jmp_dest[n] */
L_goto_tb: {
        TranslationBlock *next = *(TranslationBlock *const *)pc[1].p;
        if (next) {
            ENTER(next);
        }
        NEXT(2);
    }
    /* h, value */
L_exit_tb:
    return (uintptr_t)pc[1].u;
L_goto_ptr: {
        TranslationBlock *next = tcgl_ctx.lookup_fn ? tcgl_ctx.lookup_fn(env) : NULL;
        if (!next) {
            return 0;
        }
        ENTER(next);
    }
    /* count += n, then goto_ptr: h, {count, n} */
L_goto_ptr_add: {
        E64(pc[1].o.a) += (uint64_t)(int64_t)pc[1].o.b;
        TranslationBlock *next = tcgl_ctx.lookup_fn ? tcgl_ctx.lookup_fn(env) : NULL;
        if (!next) {
            return 0;
        }
        ENTER(next);
    }
    /*
     * The first op of every block: h, {a, b}, {rel, -}; "brcond a, b, geu,
     * exit" on globals for the entry check of the frontends, else a check
     * whose both ways lead to the next op.
     */
L_tb_head:
    if (E64(pc[1].o.a) >= E64(pc[1].o.b)) {
        NEXT(pc[2].o.a);
    }
    NEXT(3);
    /* h, then the block end (CHAIN) */
L_chain:
    CHAIN(pc + 1);

    INTERP_PAIRS(PAIR_HANDLER)
    INTERP_LPAIRS(LPAIR_HANDLER)

    INTERP_CONDS(BRCHAIN_HANDLERS)
}

static const void *const *interp_handlers(void)
{
    static const void *const *table;
    if (!table) {
        interp_run(NULL, NULL, &table);
    }
    return table;
}

static uintptr_t interp_exec(void *env, TranslationBlock *tb)
{
    return interp_run(env, tb, NULL);
}

/* ------------------------------------------------------------------ */
/* Lowering                                                             */

typedef struct Fixup {
    uint32_t op_start;   /* word index of the branch op */
    uint32_t word;       /* word holding the displacement */
    bool high;           /* in .o.b rather than .o.a */
    TCGLLabel *label;
} Fixup;

/*
 * Lowering state.  The buffers are reused from one translation to the next
 * (translation is single-threaded): the code is built in `code` and copied
 * out at its final size.
 */
typedef struct Lower {
    TranslationBlock *tb;
    InterpWord *code;
    size_t n, cap;
    const void *const *h;
    int32_t *label_pos;
    size_t cap_labels;
    Fixup *fixups;
    size_t nb_fixups, cap_fixups;
    int32_t *free_slots;
    unsigned nb_free, nb_slots;
    bool reuse;
    bool overflow;
} Lower;

static void *lower_grow(void *p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) {
        return p;
    }
    size_t n = *cap ? *cap : 64;
    while (n < need) {
        n *= 2;
    }
    void *q = realloc(p, n * elem);
    if (!q) {
        abort();
    }
    *cap = n;
    return q;
}

static InterpWord *lower_words(Lower *L, unsigned count)
{
    L->code = lower_grow(L->code, &L->cap, L->n + count, sizeof(InterpWord));
    InterpWord *w = &L->code[L->n];
    memset(w, 0, count * sizeof(*w));
    L->n += count;
    return w;
}

static InterpWord *emit(Lower *L, InterpOp iop, unsigned count)
{
    InterpWord *w = lower_words(L, count);
    w[0].h = L->h[iop];
    return w;
}

static int32_t slot_alloc(Lower *L)
{
    if (L->nb_free) {
        return L->free_slots[--L->nb_free];
    }
    if (L->nb_slots == INTERP_FRAME_SLOTS) {
        /* Keep going with a valid slot; gen_code fails at the end. */
        L->overflow = true;
        return 1;
    }
    return (int32_t)(L->nb_slots++ * 8 + 1);
}

static void slot_free(Lower *L, int32_t slot)
{
    if (L->overflow) {
        return;   /* the code is thrown away; don't let the free list overflow */
    }
    L->free_slots[L->nb_free++] = slot;
}

/* A non-constant operand. */
static int32_t operand(const TCGLTemp *t)
{
    switch (t->kind) {
    case TCGL_TEMP_GLOBAL:
        assert(t->offset >= INT32_MIN + 8 && t->offset <= INT32_MAX - 8);
        return (int32_t)t->offset;
    case TCGL_TEMP_LOCAL:
        return t->be_slot;
    default:
        abort();
    }
}

static bool is_const(const TCGLTemp *t)
{
    return t->kind == TCGL_TEMP_CONST;
}

/* Scratch slots holding constants for the op being lowered. */
typedef struct Scratch {
    int32_t slots[TCGL_MAX_OP_ARGS];
    unsigned n;
} Scratch;

static int32_t operand_mat(Lower *L, Scratch *s, const TCGLTemp *t)
{
    if (!is_const(t)) {
        return operand(t);
    }
    int32_t slot = slot_alloc(L);
    InterpWord *w = emit(L, IOP_movi_64, 3);
    w[1].o.a = slot;
    w[2].u = (uint64_t)t->val;
    s->slots[s->n++] = slot;
    return slot;
}

static void scratch_free(Lower *L, Scratch *s)
{
    for (unsigned i = 0; i < s->n; i++) {
        slot_free(L, s->slots[i]);
    }
    s->n = 0;
}

static void add_fixup(Lower *L, uint32_t op_start, uint32_t word, bool high, TCGLLabel *l)
{
    L->fixups = lower_grow(L->fixups, &L->cap_fixups, L->nb_fixups + 1, sizeof(Fixup));
    L->fixups[L->nb_fixups++] = (Fixup){ op_start, word, high, l };
}

static InterpOp bin_iop(TCGLOpcode opc, bool imm)
{
    switch (opc) {
#define BIN_CASE(n)                                                          \
    case INDEX_op_##n##_i64: return imm ? IOP_##n##_64_ri : IOP_##n##_64_rr; \
    case INDEX_op_##n##_i32: return imm ? IOP_##n##_32_ri : IOP_##n##_32_rr;
    BIN_CASE(add) BIN_CASE(sub) BIN_CASE(mul) BIN_CASE(div) BIN_CASE(divu)
    BIN_CASE(rem) BIN_CASE(remu) BIN_CASE(and) BIN_CASE(or) BIN_CASE(xor)
    BIN_CASE(andc) BIN_CASE(orc) BIN_CASE(eqv) BIN_CASE(shl) BIN_CASE(shr)
    BIN_CASE(sar) BIN_CASE(rotl) BIN_CASE(rotr)
#undef BIN_CASE
    case INDEX_op_mulsh_i64: return imm ? IOP_mulsh_64_ri : IOP_mulsh_64_rr;
    case INDEX_op_muluh_i64: return imm ? IOP_muluh_64_ri : IOP_muluh_64_rr;
    default: return IOP_invalid;
    }
}

static InterpOp un_iop(TCGLOpcode opc)
{
    switch (opc) {
    case INDEX_op_mov_i64: return IOP_mov_64;
    case INDEX_op_mov_i32: return IOP_mov_32;
    case INDEX_op_neg_i64: return IOP_neg_64;
    case INDEX_op_neg_i32: return IOP_neg_32;
    case INDEX_op_not_i64: return IOP_not_64;
    case INDEX_op_not_i32: return IOP_not_32;
    case INDEX_op_clz_i64: return IOP_clz_64;
    case INDEX_op_clz_i32: return IOP_clz_32;
    case INDEX_op_ctz_i64: return IOP_ctz_64;
    case INDEX_op_ctz_i32: return IOP_ctz_32;
    case INDEX_op_ctpop_i64: return IOP_ctpop_64;
    case INDEX_op_ctpop_i32: return IOP_ctpop_32;
    case INDEX_op_bswap64_i64: return IOP_bswap64_64;
    case INDEX_op_ext8s_i64: return IOP_ext8s_64;
    case INDEX_op_ext8u_i64: return IOP_ext8u_64;
    case INDEX_op_ext16s_i64: return IOP_ext16s_64;
    case INDEX_op_ext16u_i64: return IOP_ext16u_64;
    case INDEX_op_ext32s_i64: return IOP_ext32s_64;
    case INDEX_op_ext32u_i64: return IOP_ext32u_64;
    case INDEX_op_extrl_i64_i32: return IOP_extrl_64_32;
    case INDEX_op_extu_i32_i64: return IOP_extu_32_64;
    case INDEX_op_ext_i32_i64: return IOP_ext_32_64;
    case INDEX_op_ld_i64: return IOP_ld_64;
    case INDEX_op_ld32u_i64: return IOP_ld32u_64;
    case INDEX_op_ld32s_i64: return IOP_ld32s_64;
    case INDEX_op_ld8u_i64: return IOP_ld8u_64;
    case INDEX_op_ld_i32: return IOP_ld_32;
    case INDEX_op_st_i64: return IOP_st_64;
    case INDEX_op_st32_i64: return IOP_st32_64;
    case INDEX_op_st8_i64: return IOP_st8_64;
    case INDEX_op_st_i32: return IOP_st_32;
    default: return IOP_invalid;
    }
}

_Static_assert(IOP_setcond_gtu_64_rr - IOP_setcond_eq_64_rr ==
               (TCGL_COND_GTU - TCGL_COND_EQ) * (IOP_setcond_ne_64_rr - IOP_setcond_eq_64_rr),
               "cond handlers are laid out in TCGLCond order");
_Static_assert(IOP_brcond_gtu_32_ri - IOP_brcond_eq_32_ri ==
               (TCGL_COND_GTU - TCGL_COND_EQ) * (IOP_setcond_ne_64_rr - IOP_setcond_eq_64_rr),
               "cond handlers are laid out in TCGLCond order");

_Static_assert(IOP_add_64_rre == IOP_add_64_rr + 2 && IOP_add_64_rie == IOP_add_64_ri + 2 &&
               IOP_brcond_eq_64_rie == IOP_brcond_eq_64_ri + 2 &&
               IOP_setcond_eq_64_rre == IOP_setcond_eq_64_rr + 2,
               "env forms follow the generic ones at +2");

/* Globals are at even offsets, frame slots at odd ones. */
static bool is_env(int32_t o)
{
    return (o & 1) == 0;
}

/* Unary ops with an all-globals form at +1. */
static bool has_env_form(InterpOp iop)
{
    return iop == IOP_mov_64 || iop == IOP_neg_64 || iop == IOP_not_64 ||
           iop == IOP_ext32s_64 || iop == IOP_ext32u_64;
}

/* The all-globals form of a 64-bit binary, setcond or brcond handler. */
static InterpOp interp_env_form(InterpOp iop)
{
    return (InterpOp)(iop + 2);
}

/* setcond/brcond handler for cond: one group of handlers per condition. */
static InterpOp cond_iop(InterpOp eq_base, TCGLCond cond)
{
    static const unsigned stride = IOP_setcond_ne_64_rr - IOP_setcond_eq_64_rr;
    return (InterpOp)(eq_base + (cond - TCGL_COND_EQ) * stride);
}

/* The fused W handler group for a 64-bit op (see INTERP_WOPS). */
static InterpOp w_iop(TCGLOpcode opc, bool imm)
{
    switch (opc) {
    case INDEX_op_add_i64: return imm ? IOP_addw_64_ri : IOP_addw_64_rr;
    case INDEX_op_sub_i64: return imm ? IOP_subw_64_ri : IOP_subw_64_rr;
    case INDEX_op_mul_i64: return imm ? IOP_mulw_64_ri : IOP_mulw_64_rr;
    case INDEX_op_and_i64: return imm ? IOP_andw_64_ri : IOP_andw_64_rr;
    case INDEX_op_or_i64: return imm ? IOP_orw_64_ri : IOP_orw_64_rr;
    case INDEX_op_xor_i64: return imm ? IOP_xorw_64_ri : IOP_xorw_64_rr;
    case INDEX_op_shl_i64: return imm ? IOP_shlw_64_ri : IOP_shlw_64_rr;
    case INDEX_op_shr_i64: return imm ? IOP_srlw_64_ri : IOP_srlw_64_rr;
    case INDEX_op_sar_i64: return imm ? IOP_sraw_64_ri : IOP_sraw_64_rr;
    default: return IOP_invalid;
    }
}

/*
 * d = a op b; with `wform`, the fused W form of op (w_iop) instead.  A
 * constant operand goes into the immediate form where there is one.
 */
static void lower_binary(Lower *L, Scratch *s, TCGLOpcode opc, TCGLTemp *d, TCGLTemp *a,
                         TCGLTemp *b, bool wform)
{
    bool is32 = d->type == TCGL_TYPE_I32;

    if (is_const(a) && !is_const(b)) {
        switch (opc) {
        case INDEX_op_add_i64: case INDEX_op_add_i32: case INDEX_op_mul_i64:
        case INDEX_op_mul_i32: case INDEX_op_and_i64: case INDEX_op_and_i32:
        case INDEX_op_or_i64: case INDEX_op_or_i32: case INDEX_op_xor_i64:
        case INDEX_op_xor_i32: case INDEX_op_eqv_i64: case INDEX_op_eqv_i32:
        case INDEX_op_mulsh_i64: case INDEX_op_muluh_i64: {
            TCGLTemp *t = a;
            a = b;
            b = t;
            break;
        }
        default:
            break;
        }
    }
    int32_t ao = operand_mat(L, s, a);
    if (is_const(b)) {
        uint64_t imm = (uint64_t)b->val;
        /* x - c runs as x + (-c): one handler fewer on the hot path. */
        if (opc == INDEX_op_sub_i64 || opc == INDEX_op_sub_i32) {
            opc = opc == INDEX_op_sub_i64 ? INDEX_op_add_i64 : INDEX_op_add_i32;
            imm = -imm;
        }
        InterpOp iop = wform ? w_iop(opc, true) : bin_iop(opc, true);
        if (!is32 && is_env(ao) && is_env(operand(d))) {
            iop = interp_env_form(iop);
        }
        InterpWord *w = emit(L, iop, 3);
        w[1].o.a = operand(d);
        w[1].o.b = ao;
        w[2].u = is32 ? (uint32_t)imm : imm;
        return;
    }
    InterpOp iop = wform ? w_iop(opc, false) : bin_iop(opc, false);
    if (!is32 && is_env(ao) && is_env(operand(b)) && is_env(operand(d))) {
        iop = interp_env_form(iop);
    }
    InterpWord *w = emit(L, iop, 3);
    w[1].o.a = operand(d);
    w[1].o.b = ao;
    w[2].o.a = operand(b);
}

_Static_assert(IOP_qld_ub_e == IOP_qld_ub + 1 && IOP_qld_uq_e == IOP_qld_uq + 1 &&
               IOP_qst_b_e == IOP_qst_b + 1 && IOP_qst_q_e == IOP_qst_q + 1 &&
               IOP_qemu_ld_64_e == IOP_qemu_ld_64 + 1 &&
               IOP_qemu_st_64_e == IOP_qemu_st_64 + 1 &&
               IOP_ext32s_64_e == IOP_ext32s_64 + 1 && IOP_neg_64_e == IOP_neg_64 + 1,
               "all-globals forms of memory and unary ops follow the generic ones");

/* Can the access of memop idx oi take the TLB fast path inline? */
static bool tlb_inline(MemOpIdx oi)
{
    return interp_tlb.valid && !(get_memop(oi) & MO_BSWAP);
}

/*
 * The words of an access after its handler: {value, address}, {disp,
 * comparator offset}, {oi, addend offset} (see QLD).
 */
static void mem_words(InterpWord *w, bool ld, int32_t vo, int32_t ao, int32_t disp, MemOpIdx oi)
{
    w[1].o.a = vo;
    w[1].o.b = ao;
    w[2].o.a = disp;
    w[3].o.a = (int32_t)oi;
    if (tlb_inline(oi)) {
        const TCGLTlbLayout *t = &interp_tlb.layout;
        unsigned cmp = ld ? t->read_offset : t->write_offset;
        int64_t o = (int64_t)t->table_offset[get_mmuidx(oi)] + cmp;
        assert(o >= INT32_MIN && o <= INT32_MAX);
        w[2].o.b = (int32_t)o;
        w[3].o.b = (int32_t)t->addend_offset - (int32_t)cmp;
    }
}

/*
 * qemu_ld/qemu_st `op` at the address base + disp: the TLB fast path
 * inline when the softmmu gave its layout and the access is in host order.
 */
static void lower_mem(Lower *L, Scratch *s, const TCGLOp *op, TCGLTemp *base, int32_t disp)
{
    static const InterpOp loads[8] = {
        [MO_UB] = IOP_qld_ub, [MO_UW] = IOP_qld_uw, [MO_UL] = IOP_qld_ul,
        [MO_UQ] = IOP_qld_uq, [MO_SB] = IOP_qld_sb, [MO_SW] = IOP_qld_sw,
        [MO_SL] = IOP_qld_sl, [MO_SIGN | MO_64] = IOP_qld_uq,
    };
    static const InterpOp stores[4] = { IOP_qst_b, IOP_qst_w, IOP_qst_l, IOP_qst_q };
    bool ld = op->opc == INDEX_op_qemu_ld_i64;
    MemOpIdx oi = (MemOpIdx)op->args[2];
    MemOp mop = get_memop(oi);
    int32_t vo = ld ? operand(tcgl_arg_temp(op->args[0]))
                    : operand_mat(L, s, tcgl_arg_temp(op->args[0]));
    int32_t ao = operand_mat(L, s, base);
    InterpOp iop;

    if (tlb_inline(oi)) {
        iop = ld ? loads[mop & (MO_SIZE | MO_SIGN)] : stores[mop & MO_SIZE];
    } else {
        iop = ld ? IOP_qemu_ld_64 : IOP_qemu_st_64;
    }
    if (is_env(vo) && is_env(ao)) {
        iop = (InterpOp)(iop + 1);
    }
    mem_words(emit(L, iop, 4), ld, vo, ao, disp, oi);
}

static void lower_setcond(Lower *L, const TCGLOp *op, Scratch *s)
{
    TCGLTemp *d = tcgl_arg_temp(op->args[0]);
    TCGLTemp *a = tcgl_arg_temp(op->args[1]), *b = tcgl_arg_temp(op->args[2]);
    TCGLCond cond = (TCGLCond)op->args[3];
    bool is64 = op->opc == INDEX_op_setcond_i64;

    if (cond == TCGL_COND_ALWAYS || cond == TCGL_COND_NEVER) {
        InterpWord *w = emit(L, is64 ? IOP_movi_64 : IOP_movi_32, 3);
        w[1].o.a = operand(d);
        w[2].u = cond == TCGL_COND_ALWAYS;
        return;
    }
    if (is_const(a) && !is_const(b)) {
        TCGLTemp *t = a;
        a = b;
        b = t;
        cond = tcgl_cond_swap(cond);
    }
    int32_t ao = operand_mat(L, s, a);
    bool imm = is_const(b);
    InterpOp base = is64 ? (imm ? IOP_setcond_eq_64_ri : IOP_setcond_eq_64_rr)
                         : (imm ? IOP_setcond_eq_32_ri : IOP_setcond_eq_32_rr);
    if (is64 && is_env(operand(d)) && is_env(ao) && (imm || is_env(operand(b)))) {
        base = interp_env_form(base);
    }
    InterpWord *w = emit(L, cond_iop(base, cond), 3);
    w[1].o.a = operand(d);
    w[1].o.b = ao;
    if (imm) {
        w[2].u = is64 ? (uint64_t)b->val : (uint32_t)b->val;
    } else {
        w[2].o.a = operand(b);
    }
}

static void lower_brcond(Lower *L, const TCGLOp *op, Scratch *s)
{
    TCGLTemp *a = tcgl_arg_temp(op->args[0]), *b = tcgl_arg_temp(op->args[1]);
    TCGLCond cond = (TCGLCond)op->args[2];
    TCGLLabel *l = tcgl_op_label(op);
    bool is64 = op->opc == INDEX_op_brcond_i64;

    if (cond == TCGL_COND_NEVER) {
        return;
    }
    if (cond == TCGL_COND_ALWAYS) {
        uint32_t start = (uint32_t)L->n;
        emit(L, IOP_br, 2);
        add_fixup(L, start, start + 1, false, l);
        return;
    }
    if (is_const(a) && !is_const(b)) {
        TCGLTemp *t = a;
        a = b;
        b = t;
        cond = tcgl_cond_swap(cond);
    }
    int32_t ao = operand_mat(L, s, a);
    bool imm = is_const(b);
    InterpOp base = is64 ? (imm ? IOP_brcond_eq_64_ri : IOP_brcond_eq_64_rr)
                         : (imm ? IOP_brcond_eq_32_ri : IOP_brcond_eq_32_rr);
    if (is64 && is_env(ao) && (imm || is_env(operand(b)))) {
        base = interp_env_form(base);
    }
    uint32_t start = (uint32_t)L->n;
    InterpWord *w = emit(L, cond_iop(base, cond), 3);
    w[1].o.a = ao;
    if (imm) {
        w[2].u = is64 ? (uint64_t)b->val : (uint32_t)b->val;
        add_fixup(L, start, start + 1, true, l);
    } else {
        w[1].o.b = operand(b);
        add_fixup(L, start, start + 2, false, l);
    }
}

static void lower_call(Lower *L, const TCGLOp *op, Scratch *s)
{
    const TCGLHelperInfo *info = tcgl_op_helper(op);
    int32_t args[TCGL_MAX_HELPER_ARGS];
    InterpOp iop = info->ret == TCGL_HT_VOID ? IOP_call_void
                   : info->ret == TCGL_HT_I32 ? IOP_call_32 : IOP_call_64;

    for (unsigned i = 0; i < info->nargs; i++) {
        const TCGLTemp *t = tcgl_arg_temp(op->args[op->nb_oargs + i]);
        args[i] = t->kind == TCGL_TEMP_ENV ? INTERP_ENV_ARG : operand_mat(L, s, t);
    }
    InterpWord *w = emit(L, iop, interp_call_words(info->nargs));
    w[1].p = info->cif;
    w[2].p = info->func;
    w[3].o.a = op->nb_oargs ? operand(tcgl_arg_temp(op->args[0])) : 0;
    w[3].o.b = (int32_t)info->nargs;
    for (unsigned i = 0; i < info->nargs; i++) {
        if (i & 1) {
            w[4 + i / 2].o.b = args[i];
        } else {
            w[4 + i / 2].o.a = args[i];
        }
    }
}

static void lower_op(Lower *L, const TCGLOp *op)
{
    Scratch s = { .n = 0 };
    TCGLOpcode opc = op->opc;
    InterpWord *w;

    switch (opc) {
    case INDEX_op_nop:
    case INDEX_op_insn_start:
        break;
    case INDEX_op_set_label:
        L->label_pos[tcgl_op_label(op)->id] = (int32_t)L->n;
        break;
    case INDEX_op_br: {
        uint32_t start = (uint32_t)L->n;
        emit(L, IOP_br, 2);
        add_fixup(L, start, start + 1, false, tcgl_op_label(op));
        break;
    }
    case INDEX_op_brcond_i32:
    case INDEX_op_brcond_i64:
        lower_brcond(L, op, &s);
        break;
    case INDEX_op_goto_tb:
        w = emit(L, IOP_goto_tb, 2);
        w[1].p = &L->tb->jmp_dest[op->args[0] ? 1 : 0];
        break;
    case INDEX_op_exit_tb:
        w = emit(L, IOP_exit_tb, 2);
        w[1].u = op->args[0];
        break;
    case INDEX_op_lookup_and_goto_ptr:
        emit(L, IOP_goto_ptr, 1);
        break;
    case INDEX_op_call:
        lower_call(L, op, &s);
        break;
    case INDEX_op_qemu_ld_i64:
    case INDEX_op_qemu_st_i64:
        lower_mem(L, &s, op, tcgl_arg_temp(op->args[1]), 0);
        break;
    case INDEX_op_movi_i64:
    case INDEX_op_movi_i32: {
        int32_t d = operand(tcgl_arg_temp(op->args[0]));
        InterpOp iop = opc == INDEX_op_movi_i32 ? IOP_movi_32
                       : is_env(d) ? IOP_movi_64_e : IOP_movi_64;
        w = emit(L, iop, 3);
        w[1].o.a = d;
        w[2].u = op->args[1];
        break;
    }
    case INDEX_op_ld_i64: case INDEX_op_ld32u_i64: case INDEX_op_ld32s_i64:
    case INDEX_op_ld8u_i64: case INDEX_op_ld_i32:
    case INDEX_op_st_i64: case INDEX_op_st32_i64: case INDEX_op_st8_i64:
    case INDEX_op_st_i32: {
        int64_t ofs = (int64_t)op->args[1];
        int32_t vo = operand_mat(L, &s, tcgl_arg_temp(op->args[0]));
        assert(ofs >= INT32_MIN && ofs <= INT32_MAX);
        w = emit(L, un_iop(opc), 2);
        w[1].o.a = vo;
        w[1].o.b = (int32_t)ofs;
        break;
    }
    case INDEX_op_setcond_i32:
    case INDEX_op_setcond_i64:
        lower_setcond(L, op, &s);
        break;
    case INDEX_op_movcond_i32:
    case INDEX_op_movcond_i64: {
        int32_t c1 = operand_mat(L, &s, tcgl_arg_temp(op->args[1]));
        int32_t c2 = operand_mat(L, &s, tcgl_arg_temp(op->args[2]));
        int32_t v1 = operand_mat(L, &s, tcgl_arg_temp(op->args[3]));
        int32_t v2 = operand_mat(L, &s, tcgl_arg_temp(op->args[4]));
        w = emit(L, opc == INDEX_op_movcond_i64 ? IOP_movcond_64 : IOP_movcond_32, 4);
        w[1].o.a = operand(tcgl_arg_temp(op->args[0]));
        w[1].o.b = c1;
        w[2].o.a = c2;
        w[2].o.b = v1;
        w[3].o.a = v2;
        w[3].o.b = (int32_t)op->args[5];
        break;
    }
    case INDEX_op_extract_i64:
    case INDEX_op_sextract_i64: {
        int32_t ao = operand_mat(L, &s, tcgl_arg_temp(op->args[1]));
        w = emit(L, opc == INDEX_op_extract_i64 ? IOP_extract_64 : IOP_sextract_64, 3);
        w[1].o.a = operand(tcgl_arg_temp(op->args[0]));
        w[1].o.b = ao;
        w[2].o.a = (int32_t)op->args[2];
        w[2].o.b = (int32_t)op->args[3];
        break;
    }
    case INDEX_op_deposit_i64: {
        int32_t ao = operand_mat(L, &s, tcgl_arg_temp(op->args[1]));
        int32_t bo = operand_mat(L, &s, tcgl_arg_temp(op->args[2]));
        w = emit(L, IOP_deposit_64, 4);
        w[1].o.a = operand(tcgl_arg_temp(op->args[0]));
        w[1].o.b = ao;
        w[2].o.a = bo;
        w[2].o.b = (int32_t)op->args[3];
        w[3].o.a = (int32_t)op->args[4];
        break;
    }
    default:
        if (op->nb_iargs == 2) {
            lower_binary(L, &s, opc, tcgl_arg_temp(op->args[0]), tcgl_arg_temp(op->args[1]),
                         tcgl_arg_temp(op->args[2]), false);
        } else {
            const TCGLTemp *a = tcgl_arg_temp(op->args[1]);
            if ((opc == INDEX_op_mov_i64 || opc == INDEX_op_mov_i32) && is_const(a)) {
                w = emit(L, opc == INDEX_op_mov_i64 ? IOP_movi_64 : IOP_movi_32, 3);
                w[1].o.a = operand(tcgl_arg_temp(op->args[0]));
                w[2].u = (uint64_t)a->val;
                break;
            }
            int32_t ao = operand_mat(L, &s, a);
            int32_t d = operand(tcgl_arg_temp(op->args[0]));
            InterpOp iop = un_iop(opc);
            assert(iop != IOP_invalid);
            if (is_env(d) && is_env(ao) && has_env_form(iop)) {
                iop = (InterpOp)(iop + 1);
            }
            w = emit(L, iop, 2);
            w[1].o.a = d;
            w[1].o.b = ao;
        }
        break;
    }
    scratch_free(L, &s);
}

/* ------------------------------------------------------------------ */
/* Fused ops                                                            */

static const TCGLOp *op_at(unsigned i)
{
    return i < tcgl_ctx.nb_ops ? &tcgl_ctx.ops[i] : NULL;
}

static TCGLTemp *op_temp(const TCGLOp *op, unsigned j)
{
    return tcgl_arg_temp(op->args[j]);
}

static bool is_global(const TCGLTemp *t)
{
    return t->kind == TCGL_TEMP_GLOBAL;
}

static bool fits_i32(int64_t v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

/* Input j of op is a local that nothing reads after op. */
static bool dies_at(const TCGLOp *op, unsigned j)
{
    return tcgl_ctx.liveness_valid && op_temp(op, j)->kind == TCGL_TEMP_LOCAL &&
           ((op->dead >> j) & 1);
}

/* op reads only its input temps, writes only its outputs, and cannot fault or leave. */
static bool is_plain(const TCGLOp *op)
{
    if (tcgl_op_flags(op) & (TCGL_OPF_SE | TCGL_OPF_BB_END | TCGL_OPF_CALL)) {
        return false;
    }
    switch (op->opc) {
    case INDEX_op_nop:
    case INDEX_op_ld_i64: case INDEX_op_ld32u_i64: case INDEX_op_ld32s_i64:
    case INDEX_op_ld8u_i64: case INDEX_op_ld_i32:
        return false;
    default:
        return true;
    }
}

/* Frame slots for the locals of ops [i, i + n) that have none yet. */
static void alloc_slots(Lower *L, unsigned i, unsigned n)
{
    for (unsigned k = i; k < i + n; k++) {
        const TCGLOp *op = &tcgl_ctx.ops[k];
        for (unsigned j = 0; j < op->nb_oargs + op->nb_iargs; j++) {
            TCGLTemp *t = tcgl_arg_temp(op->args[j]);
            if (t->kind == TCGL_TEMP_LOCAL && t->be_slot == 0) {
                t->be_slot = slot_alloc(L);
            }
        }
    }
}

/* Give back the slots of the locals whose last use is in ops [i, i + n). */
static void release_slots(Lower *L, unsigned i, unsigned n)
{
    if (!L->reuse) {
        return;
    }
    for (unsigned k = i; k < i + n; k++) {
        const TCGLOp *op = &tcgl_ctx.ops[k];
        for (unsigned j = 0; j < op->nb_oargs + op->nb_iargs; j++) {
            TCGLTemp *t = tcgl_arg_temp(op->args[j]);
            if (t->kind == TCGL_TEMP_LOCAL && t->be_last == k) {
                slot_free(L, t->be_slot);
                t->be_last = UINT32_MAX;   /* freed once, even if used twice */
            }
        }
    }
}

/*
 * "mov g, x" (or any plain op writing the global g) right before a plain op
 * that writes g without reading it: nothing can see the first value, so
 * it is not run.  (The optimizer keeps every write to a global; RV64's
 * sext.w leaves "mov rd, rs; ext32s rd, rs".)
 */
static unsigned fuse_dead_write(Lower *L, unsigned i)
{
    const TCGLOp *a = op_at(i), *b = op_at(i + 1);
    if (!b || !is_plain(a) || !is_plain(b) || a->nb_oargs != 1 || b->nb_oargs != 1) {
        return 0;
    }
    TCGLTemp *g = op_temp(a, 0);
    if (!is_global(g) || op_temp(b, 0) != g) {
        return 0;
    }
    for (unsigned j = 1; j < 1u + b->nb_iargs; j++) {
        if (op_temp(b, j) == g) {
            return 0;
        }
    }
    alloc_slots(L, i, 1);
    return 1;
}

/* "add t, base, $c; qemu_ld/st ..., t" with t dying: the access at base + c. */
static unsigned fuse_mem(Lower *L, unsigned i)
{
    const TCGLOp *a = op_at(i), *b = op_at(i + 1);
    if (!b || (a->opc != INDEX_op_add_i64 && a->opc != INDEX_op_sub_i64) ||
        (b->opc != INDEX_op_qemu_ld_i64 && b->opc != INDEX_op_qemu_st_i64)) {
        return 0;
    }
    TCGLTemp *t = op_temp(a, 0), *base = op_temp(a, 1), *c = op_temp(a, 2);
    if (op_temp(b, 1) != t || !dies_at(b, 1) || is_const(base) || !is_const(c) ||
        (b->opc == INDEX_op_qemu_st_i64 && op_temp(b, 0) == t)) {
        return 0;
    }
    int64_t disp = a->opc == INDEX_op_add_i64 ? c->val : (int64_t)(0 - (uint64_t)c->val);
    if (!fits_i32(disp)) {
        return 0;
    }
    Scratch s = { .n = 0 };
    alloc_slots(L, i, 2);
    lower_mem(L, &s, b, base, (int32_t)disp);
    scratch_free(L, &s);
    return 2;
}

/* The result of the op in ext32s e, d: e itself, or d dying there. */
static bool sext_of(const TCGLOp *x, const TCGLTemp *d)
{
    return x && x->opc == INDEX_op_ext32s_i64 && op_temp(x, 1) == d &&
           (op_temp(x, 0) == d || dies_at(x, 1));
}

/* "op d, a, b; ext32s e, d" for add, sub, mul, and, or, xor, shl: the W form. */
static unsigned fuse_w(Lower *L, unsigned i)
{
    const TCGLOp *a = op_at(i), *b = op_at(i + 1);
    switch (a->opc) {
    case INDEX_op_add_i64: case INDEX_op_sub_i64: case INDEX_op_mul_i64:
    case INDEX_op_and_i64: case INDEX_op_or_i64: case INDEX_op_xor_i64:
    case INDEX_op_shl_i64:
        break;
    default:
        return 0;
    }
    if (!sext_of(b, op_temp(a, 0))) {
        return 0;
    }
    Scratch s = { .n = 0 };
    alloc_slots(L, i, 2);
    lower_binary(L, &s, a->opc, op_temp(b, 0), op_temp(a, 1), op_temp(a, 2), true);
    scratch_free(L, &s);
    return 2;
}

/*
 * The RISC-V "W" right shifts: "ext32u d, a; shr d, d, b; ext32s e, d" is
 * srlw, the same with ext32s and sar is sraw.  The frontend leaves out the
 * final ext32s where it changes nothing (srliw by a nonzero amount, whose
 * result is below 2^31; sraiw, whose result stays sign-extended), and so
 * does the match: without it, a constant shift of at least one, or any
 * arithmetic shift, computes the same as the fused op.  The number of IR
 * ops the shift takes (0 if it is not one) and its destination.
 */
static unsigned match_wshift(unsigned i, TCGLTemp **dest)
{
    const TCGLOp *a = op_at(i), *b = op_at(i + 1), *c = op_at(i + 2);
    if (!b || (a->opc != INDEX_op_ext32u_i64 && a->opc != INDEX_op_ext32s_i64)) {
        return 0;
    }
    bool logical = a->opc == INDEX_op_ext32u_i64;
    TCGLTemp *d = op_temp(a, 0), *n = op_temp(b, 2);
    if (b->opc != (logical ? INDEX_op_shr_i64 : INDEX_op_sar_i64) || op_temp(b, 0) != d ||
        op_temp(b, 1) != d || n == d) {
        return 0;
    }
    if (sext_of(c, d)) {
        *dest = op_temp(c, 0);
        return 3;
    }
    if (!logical || (is_const(n) && n->val != 0)) {
        *dest = d;
        return 2;
    }
    return 0;
}

static unsigned fuse_wshift(Lower *L, unsigned i)
{
    const TCGLOp *a = op_at(i), *b = op_at(i + 1);
    TCGLTemp *d;
    unsigned n = match_wshift(i, &d);
    if (!n) {
        return 0;
    }
    Scratch s = { .n = 0 };
    alloc_slots(L, i, n);
    lower_binary(L, &s, b->opc, d, op_temp(a, 1), op_temp(b, 2), true);
    scratch_free(L, &s);
    return n;
}

/* A block end: "add count, count, $n; goto_tb s; movi pc, $v; exit_tb x". */
typedef struct ChainEnd {
    int32_t count, pc;
    int32_t n;
    unsigned slot;
    uint64_t pc_val, exit_val;
} ChainEnd;

static bool match_chain(unsigned i, ChainEnd *e)
{
    const TCGLOp *a = op_at(i), *b = op_at(i + 1), *c = op_at(i + 2), *d = op_at(i + 3);
    if (!d || a->opc != INDEX_op_add_i64 || b->opc != INDEX_op_goto_tb ||
        (c->opc != INDEX_op_movi_i64 && c->opc != INDEX_op_mov_i64) ||
        d->opc != INDEX_op_exit_tb) {
        return false;
    }
    TCGLTemp *count = op_temp(a, 0), *n = op_temp(a, 2), *pc = op_temp(c, 0);
    if (!is_global(count) || op_temp(a, 1) != count || !is_const(n) || !fits_i32(n->val) ||
        !is_global(pc)) {
        return false;
    }
    if (c->opc == INDEX_op_mov_i64) {
        if (!is_const(op_temp(c, 1))) {
            return false;
        }
        e->pc_val = (uint64_t)op_temp(c, 1)->val;
    } else {
        e->pc_val = c->args[1];
    }
    e->count = operand(count);
    e->pc = operand(pc);
    e->n = (int32_t)n->val;
    e->slot = b->args[0] ? 1 : 0;
    e->exit_val = d->args[0];
    return true;
}

static void put_chain(Lower *L, InterpWord *w, const ChainEnd *e)
{
    w[0].o.a = e->count;
    w[0].o.b = e->pc;
    w[1].o.a = e->n;
    w[2].p = &L->tb->jmp_dest[e->slot];
    w[3].u = e->pc_val;
    w[4].u = e->exit_val;
}

static unsigned fuse_chain(Lower *L, unsigned i)
{
    ChainEnd e;
    if (!match_chain(i, &e)) {
        return 0;
    }
    put_chain(L, emit(L, IOP_chain, 1 + CHAIN_WORDS) + 1, &e);
    return 4;
}

/* "add count, count, $n; lookup_and_goto_ptr" */
static unsigned fuse_goto_ptr(Lower *L, unsigned i)
{
    const TCGLOp *a = op_at(i), *b = op_at(i + 1);
    if (!b || a->opc != INDEX_op_add_i64 || b->opc != INDEX_op_lookup_and_goto_ptr) {
        return 0;
    }
    TCGLTemp *count = op_temp(a, 0), *n = op_temp(a, 2);
    if (!is_global(count) || op_temp(a, 1) != count || !is_const(n) || !fits_i32(n->val)) {
        return 0;
    }
    InterpWord *w = emit(L, IOP_goto_ptr_add, 2);
    w[1].o.a = operand(count);
    w[1].o.b = (int32_t)n->val;
    return 2;
}

/*
 * "brcond a, b, cond, L; <block end>; set_label L; <block end>" on globals
 * (b may be a constant): one op that picks and runs one of the two ends.
 * It consumes the brcond and the first end; L and the second end are
 * lowered as usual for any other branch to L.
 */
static unsigned fuse_brchain(Lower *L, unsigned i)
{
    const TCGLOp *br = op_at(i), *lab = op_at(i + 5);
    ChainEnd fall, taken;
    if (br->opc != INDEX_op_brcond_i64 || !lab || lab->opc != INDEX_op_set_label ||
        tcgl_op_label(lab) != tcgl_op_label(br) || !match_chain(i + 1, &fall) ||
        !match_chain(i + 6, &taken)) {
        return 0;
    }
    TCGLTemp *a = op_temp(br, 0), *b = op_temp(br, 1);
    TCGLCond cond = (TCGLCond)br->args[2];
    if (is_const(a) && !is_const(b)) {
        TCGLTemp *t = a;
        a = b;
        b = t;
        cond = tcgl_cond_swap(cond);
    }
    if (cond == TCGL_COND_ALWAYS || cond == TCGL_COND_NEVER || !is_global(a) ||
        !(is_global(b) || is_const(b))) {
        return 0;
    }
    InterpOp iop = (InterpOp)(IOP_brchain_eq_e + (cond - TCGL_COND_EQ) * 2 + is_const(b));
    InterpWord *w = emit(L, iop, (is_const(b) ? 3 : 2) + 2 * CHAIN_WORDS);
    w[1].o.a = operand(a);
    if (is_const(b)) {
        w[2].u = (uint64_t)b->val;
        w += 3;
    } else {
        w[1].o.b = operand(b);
        w += 2;
    }
    put_chain(L, w, &fall);
    put_chain(L, w + CHAIN_WORDS, &taken);
    return 5;
}

_Static_assert(IOP_brchain_gtu_ie - IOP_brchain_eq_e == (TCGL_COND_GTU - TCGL_COND_EQ) * 2 + 1,
               "brchain handlers are laid out in TCGLCond order, _e then _ie");
_Static_assert(IOP_addw_64_rre == IOP_addw_64_rr + 2 && IOP_sraw_64_rie == IOP_sraw_64_ri + 2,
               "env forms of W ops follow the generic ones at +2");

/*
 * Every block starts with tb_head (CHAIN runs it inline): the frontends'
 * entry check "brcond a, b, geu, L" on globals when the block starts with
 * one (it then covers that op: returns 1), else a check of env's first
 * word against itself whose both ways lead on.
 */
static unsigned lower_tb_head(Lower *L)
{
    const TCGLOp *op = op_at(0);
    InterpWord *w = emit(L, IOP_tb_head, 3);
    if (op && op->opc == INDEX_op_brcond_i64 && op->args[2] == TCGL_COND_GEU &&
        is_global(op_temp(op, 0)) && is_global(op_temp(op, 1))) {
        w[1].o.a = operand(op_temp(op, 0));
        w[1].o.b = operand(op_temp(op, 1));
        add_fixup(L, 0, 2, false, tcgl_op_label(op));
        return 1;
    }
    w[2].o.a = 3;
    return 0;
}

/* One half of a pair: its kind, operands, and how many IR ops it stands for. */
typedef struct PairHalf {
    InterpPairKind kind;
    int32_t d, a;
    InterpWord b;
    unsigned nops;
} PairHalf;

/* The W kinds: "op d, a, b; ext32s d, d" on one global d. */
static bool match_pair_w(unsigned i, PairHalf *h)
{
    const TCGLOp *op = op_at(i), *x = op_at(i + 1);
    TCGLTemp *d = op_temp(op, 0);
    if ((op->opc != INDEX_op_add_i64 && op->opc != INDEX_op_sub_i64 &&
         op->opc != INDEX_op_mul_i64 && op->opc != INDEX_op_shl_i64) ||
        !x || x->opc != INDEX_op_ext32s_i64 || op_temp(x, 0) != d || op_temp(x, 1) != d) {
        return false;
    }
    TCGLTemp *a = op_temp(op, 1), *b = op_temp(op, 2);
    if ((op->opc == INDEX_op_add_i64 || op->opc == INDEX_op_mul_i64) && is_const(a) &&
        is_global(b)) {
        a = op_temp(op, 2);
        b = op_temp(op, 1);
    }
    if (!is_global(a)) {
        return false;
    }
    h->a = operand(a);
    h->nops = 2;
    if ((op->opc == INDEX_op_add_i64 || op->opc == INDEX_op_mul_i64) && is_global(b)) {
        h->kind = op->opc == INDEX_op_add_i64 ? PK_addw : PK_mulw;
        h->b.o.a = operand(b);
    } else if ((op->opc == INDEX_op_add_i64 || op->opc == INDEX_op_sub_i64) && is_const(b)) {
        h->kind = PK_addwi;
        h->b.u = op->opc == INDEX_op_add_i64 ? (uint64_t)b->val : 0 - (uint64_t)b->val;
    } else if (op->opc == INDEX_op_shl_i64 && is_const(b)) {
        h->kind = PK_shlwi;
        h->b.u = (uint64_t)b->val;
    } else {
        return false;
    }
    return true;
}

/* The 64-bit kinds: one op on globals (or a global and a constant). */
static bool match_pair_op(const TCGLOp *op, PairHalf *h)
{
    TCGLTemp *a = op_temp(op, 1), *b = op->nb_iargs > 1 ? op_temp(op, 2) : NULL;
    h->nops = 1;
    switch (op->opc) {
    case INDEX_op_movi_i64:
        h->kind = PK_movi;
        h->b.u = op->args[1];
        return true;
    case INDEX_op_mov_i64:
        if (is_const(a)) {
            h->kind = PK_movi;
            h->b.u = (uint64_t)a->val;
            return true;
        }
        h->kind = PK_mov;
        break;
    case INDEX_op_ext32s_i64:
        h->kind = PK_sext;
        break;
    case INDEX_op_add_i64: case INDEX_op_xor_i64: case INDEX_op_or_i64:
    case INDEX_op_and_i64:
        if (is_const(a)) {
            TCGLTemp *t = a;
            a = b;
            b = t;
        }
        if (is_global(b)) {
            h->kind = op->opc == INDEX_op_add_i64 ? PK_add : op->opc == INDEX_op_xor_i64 ? PK_xor
                      : op->opc == INDEX_op_or_i64 ? PK_or : PK_and;
            h->b.o.a = operand(b);
            break;
        }
        if (!is_const(b) || op->opc == INDEX_op_or_i64) {
            return false;
        }
        h->kind = op->opc == INDEX_op_add_i64 ? PK_addi : op->opc == INDEX_op_xor_i64 ? PK_xori
                  : PK_andi;
        h->b.u = (uint64_t)b->val;
        break;
    case INDEX_op_sub_i64:
        if (!is_const(b)) {
            return false;
        }
        h->kind = PK_addi;
        h->b.u = 0 - (uint64_t)b->val;
        break;
    case INDEX_op_shl_i64: case INDEX_op_shr_i64:
        if (!is_const(b)) {
            return false;
        }
        h->kind = op->opc == INDEX_op_shl_i64 ? PK_shli : PK_shri;
        h->b.u = (uint64_t)b->val;
        break;
    default:
        return false;
    }
    if (!is_global(a)) {
        return false;
    }
    h->a = operand(a);
    return true;
}

/*
 * What the IR at op i gives as a pair half, if anything: ops on globals
 * only, so the half has no other effect than its destination.
 */
static bool match_pair_half(unsigned i, PairHalf *h)
{
    const TCGLOp *op = op_at(i);
    if (!op || op->nb_oargs != 1 || !is_global(op_temp(op, 0)) ||
        op_temp(op, 0)->type != TCGL_TYPE_I64) {
        return false;
    }
    *h = (PairHalf){ .d = operand(op_temp(op, 0)) };
    TCGLTemp *wd;
    unsigned wn;
    if (op->opc == INDEX_op_ext32u_i64 && (wn = match_wshift(i, &wd)) != 0) {
        /* srliw: "ext32u d, a; shr d, d, $n" (then "ext32s d, d" if n is 0) */
        const TCGLOp *sh = op_at(i + 1);
        if (wd != op_temp(op, 0) || !is_const(op_temp(sh, 2)) || !is_global(op_temp(op, 1))) {
            return false;
        }
        h->kind = PK_srlwi;
        h->a = operand(op_temp(op, 1));
        h->b.u = (uint64_t)op_temp(sh, 2)->val;
        h->nops = wn;
        return true;
    }
    return match_pair_w(i, h) || match_pair_op(op, h);
}

/*
 * A load on globals that a load pair can start with: "qemu_ld d, a" or
 * "add t, a, $c; qemu_ld d, t" with t dying.  Its IR ops (0 if none), the
 * load, its base and displacement, and the first of its load pairs.
 */
static unsigned match_pair_load(unsigned i, const TCGLOp **ld, TCGLTemp **base, int32_t *disp,
                                InterpOp *first)
{
    static const InterpOp firsts[8] = {
        [MO_UB] = IOP_lpair_ub_mov, [MO_UL] = IOP_lpair_ul_mov, [MO_SL] = IOP_lpair_sl_mov,
        [MO_UQ] = IOP_lpair_uq_mov, [MO_SIGN | MO_64] = IOP_lpair_uq_mov,
    };
    const TCGLOp *a = op_at(i), *b = op_at(i + 1);
    unsigned n = 1;
    *disp = 0;
    if (a->opc == INDEX_op_qemu_ld_i64) {
        *ld = a;
        *base = op_temp(a, 1);
    } else if (b && b->opc == INDEX_op_qemu_ld_i64 &&
               (a->opc == INDEX_op_add_i64 || a->opc == INDEX_op_sub_i64) &&
               op_temp(b, 1) == op_temp(a, 0) && dies_at(b, 1) && is_const(op_temp(a, 2))) {
        int64_t c = op_temp(a, 2)->val;
        int64_t d = a->opc == INDEX_op_add_i64 ? c : (int64_t)(0 - (uint64_t)c);
        if (!fits_i32(d)) {
            return 0;
        }
        *disp = (int32_t)d;
        *ld = b;
        *base = op_temp(a, 1);
        n = 2;
    } else {
        return 0;
    }
    if (!is_global(op_temp(*ld, 0)) || !is_global(*base) || !tlb_inline((MemOpIdx)(*ld)->args[2])) {
        return 0;
    }
    *first = firsts[get_memop((MemOpIdx)(*ld)->args[2]) & (MO_SIZE | MO_SIGN)];
    return *first != IOP_invalid ? n : 0;
}

/*
 * Two pair halves in a row, or a load and a pair half, possibly in two
 * guest instructions (an insn_start between them: only a load can fault,
 * and it runs first, so the code counts as the first instruction's).  Not
 * the count add that starts a block end.
 */
static unsigned fuse_pair(Lower *L, unsigned i)
{
    PairHalf h1, h2;
    ChainEnd e;
    const TCGLOp *ld = NULL;
    TCGLTemp *base = NULL;
    int32_t disp = 0;
    InterpOp first = IOP_invalid;
    if (!match_pair_half(i, &h1)) {
        h1.nops = match_pair_load(i, &ld, &base, &disp, &first);
        if (!h1.nops) {
            return 0;
        }
    }
    unsigned j = i + h1.nops;
    if (op_at(j) && op_at(j)->opc == INDEX_op_insn_start) {
        j++;
    }
    if (!match_pair_half(j, &h2) || match_chain(j, &e)) {
        return 0;
    }
    const TCGLOp *next = op_at(j + h2.nops);
    if (next && next->opc == INDEX_op_lookup_and_goto_ptr) {
        return 0;
    }
    alloc_slots(L, i, j + h2.nops - i);
    if (ld) {
        InterpWord *w = emit(L, (InterpOp)(first + h2.kind), 6);
        mem_words(w, true, operand(op_temp(ld, 0)), operand(base), disp, (MemOpIdx)ld->args[2]);
        w[4].o.a = h2.d;
        w[4].o.b = h2.a;
        w[5] = h2.b;
        return j + h2.nops - i;
    }
    InterpWord *w = emit(L, (InterpOp)(IOP_pair_mov_mov + h1.kind * PK_COUNT + h2.kind), 5);
    w[1].o.a = h1.d;
    w[1].o.b = h1.a;
    w[2] = h1.b;
    w[3].o.a = h2.d;
    w[3].o.b = h2.a;
    w[4] = h2.b;
    return j + h2.nops - i;
}

_Static_assert(IOP_lpair_ul_srlwi - IOP_lpair_ul_mov == PK_COUNT - 1 &&
               IOP_pair_srlwi_srlwi - IOP_pair_mov_mov == PK_COUNT * PK_COUNT - 1 &&
               IOP_pair_movi_sext - IOP_pair_mov_mov == PK_movi * PK_COUNT + PK_sext,
               "pair handlers are laid out by first kind, then second kind");

/*
 * Lower a fused sequence starting at op i, if one starts there: the number
 * of ops it covers, 0 if none.  Never across a label; across an insn_start
 * only where no op of the sequence can fault.
 */
static unsigned lower_fused(Lower *L, unsigned i)
{
    unsigned n;
    if ((n = fuse_brchain(L, i)) || (n = fuse_chain(L, i)) || (n = fuse_goto_ptr(L, i)) ||
        (n = fuse_pair(L, i)) || (n = fuse_wshift(L, i)) || (n = fuse_w(L, i)) ||
        (n = fuse_mem(L, i)) || (n = fuse_dead_write(L, i))) {
        return n;
    }
    return 0;
}

/* First and last op index of every local; true if some branch goes backwards. */
static bool lower_scan(void)
{
    bool backward = false;

    for (unsigned i = 0; i < tcgl_ctx.nb_temps; i++) {
        TCGLTemp *t = tcgl_temp_at(i);
        t->be_first = UINT32_MAX;
        t->be_last = 0;
        t->be_slot = 0;
    }
    for (unsigned i = 0; i < tcgl_ctx.nb_labels; i++) {
        tcgl_label_at(i)->pos = -1;
    }
    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        const TCGLOp *op = &tcgl_ctx.ops[i];
        if (op->opc == INDEX_op_set_label) {
            tcgl_op_label(op)->pos = (int32_t)i;
            continue;
        }
        if ((op->opc == INDEX_op_br || op->opc == INDEX_op_brcond_i32 ||
             op->opc == INDEX_op_brcond_i64) && tcgl_op_label(op)->pos >= 0) {
            backward = true;
        }
        for (unsigned j = 0; j < op->nb_oargs + op->nb_iargs; j++) {
            TCGLTemp *t = tcgl_arg_temp(op->args[j]);
            if (t->kind == TCGL_TEMP_LOCAL) {
                if (t->be_first == UINT32_MAX) {
                    t->be_first = i;
                }
                t->be_last = i;
            }
        }
    }
    return backward;
}

static Lower lower_state;

static bool interp_gen_code(TranslationBlock *tb)
{
    Lower L = lower_state;
    unsigned ninsns = 0, insn = 0;

    L.tb = tb;
    L.h = interp_handlers();
    L.n = 0;
    L.nb_fixups = 0;
    L.nb_free = 0;
    L.nb_slots = 0;
    L.overflow = false;

    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        ninsns += tcgl_ctx.ops[i].opc == INDEX_op_insn_start;
    }
    tb->insn_data = ninsns ? calloc(ninsns, sizeof(*tb->insn_data)) : NULL;
    tb->insn_end = ninsns ? calloc(ninsns, sizeof(*tb->insn_end)) : NULL;
    if (ninsns && (!tb->insn_data || !tb->insn_end)) {
        abort();
    }

    /*
     * Slots are reused in program order, which is only safe when no branch
     * goes back (otherwise a local could be live around a loop).
     */
    L.reuse = !lower_scan();
    L.label_pos = lower_grow(L.label_pos, &L.cap_labels, tcgl_ctx.nb_labels + 1,
                             sizeof(int32_t));
    if (!L.free_slots) {
        L.free_slots = malloc((INTERP_FRAME_SLOTS + TCGL_MAX_OP_ARGS) * sizeof(int32_t));
        if (!L.free_slots) {
            abort();
        }
    }
    for (unsigned i = 0; i < tcgl_ctx.nb_labels; i++) {
        L.label_pos[i] = -1;
    }

    for (unsigned i = lower_tb_head(&L); i < tcgl_ctx.nb_ops;) {
        const TCGLOp *op = &tcgl_ctx.ops[i];
        unsigned n = 1;

        if (op->opc != INDEX_op_insn_start) {
            n = lower_fused(&L, i);
            if (n == 0) {
                alloc_slots(&L, i, 1);
                lower_op(&L, op);
                n = 1;
            }
            release_slots(&L, i, n);
        }
        /* Instruction starts, also inside a fused sequence (after its code). */
        for (unsigned k = i; k < i + n; k++) {
            op = &tcgl_ctx.ops[k];
            if (op->opc == INDEX_op_insn_start) {
                if (insn > 0) {
                    tb->insn_end[insn - 1] = (uint32_t)(L.n * sizeof(InterpWord));
                }
                tb->insn_data[insn][0] = op->args[0];
                tb->insn_data[insn][1] = op->args[1];
                insn++;
            }
        }
        i += n;
    }
    /* Never run off the end of the code. */
    InterpWord *w = emit(&L, IOP_exit_tb, 2);
    w[1].u = 0;
    if (ninsns) {
        tb->insn_end[ninsns - 1] = (uint32_t)(L.n * sizeof(InterpWord));
    }

    for (size_t i = 0; i < L.nb_fixups; i++) {
        const Fixup *f = &L.fixups[i];
        int32_t target = L.label_pos[f->label->id];
        assert(target >= 0);
        int32_t rel = target - (int32_t)f->op_start;
        if (f->high) {
            L.code[f->word].o.b = rel;
        } else {
            L.code[f->word].o.a = rel;
        }
    }
    lower_state = L;

    if (L.overflow) {
        free(tb->insn_data);
        free(tb->insn_end);
        tb->code = NULL;
        tb->code_size = 0;
        tb->insn_data = NULL;
        tb->insn_end = NULL;
        return false;
    }
    tb->code_size = (uint32_t)(L.n * sizeof(InterpWord));
    tb->code = malloc(tb->code_size);
    if (!tb->code) {
        abort();
    }
    memcpy(tb->code, L.code, tb->code_size);
    tb->icount = ninsns;
    return true;
}

static void interp_set_jmp_target(TranslationBlock *tb, unsigned n, TranslationBlock *dest)
{
    assert(n < 2);
    tb->jmp_dest[n] = dest;
}

static void interp_free_code(TranslationBlock *tb)
{
    free(tb->code);
    free(tb->insn_data);
    free(tb->insn_end);
    tb->code = NULL;
    tb->code_size = 0;
    tb->insn_data = NULL;
    tb->insn_end = NULL;
}

const TCGLBackend tcgl_interp_backend = {
    .name = "interp",
    .gen_code = interp_gen_code,
    .exec = interp_exec,
    .set_jmp_target = interp_set_jmp_target,
    .free_code = interp_free_code,
};

int tcgl_tb_find_insn(const TranslationBlock *tb, uintptr_t ra)
{
    uintptr_t code = (uintptr_t)tb->code;
    if (!tb->insn_end || tb->icount == 0 || ra < code || ra - code >= tb->code_size) {
        return -1;
    }
    uint32_t off = (uint32_t)(ra - code);
    /* The first instruction whose code ends after off. */
    unsigned lo = 0, hi = tb->icount;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (tb->insn_end[mid] <= off) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < tb->icount ? (int)lo : -1;
}
