/*
 * test-tcgl-ops: every tcg-lite op, i32 and i64, against its C semantics on
 * random and corner-case operands.  Each op runs in several shapes: on
 * globals, through locals (frame slots), with a constant operand (the
 * interpreter's immediate forms and materialized constants), and folded by
 * the optimizer.  The references are written independently of the
 * implementation (bit loops where the implementation uses builtins).
 */
#include <inttypes.h>

#include "test-tcgl-common.h"

#define SEED 0x2545f4914f6cdd1dull
#define PAIRS 48

static uint64_t rng_state = SEED;

static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}

static const uint64_t corner[] = {
    0, 1, 2, 3, UINT64_MAX, UINT64_MAX - 1, 0x8000000000000000ull, 0x7fffffffffffffffull,
    31, 32, 33, 63, 64, 65, 0x80000000ull, 0x7fffffffull, 0xffffffffull, 0x100000000ull,
    0xffffffff80000000ull, 0xff, 0x80, 0x8000, 0xffff,
};

/*
 * The division corner cases first (x / 0, 0 / 0, INT_MIN / -1 on 64 and on
 * 32 bits), then half corner cases, half random; sometimes a == b.
 */
static void operands(int i, uint64_t *a, uint64_t *b)
{
    static const uint64_t first[][2] = {
        { 0x123456789abcdefull, 0 }, { 0, 0 }, { 0x8000000000000000ull, UINT64_MAX },
        { 0xffffffff80000000ull, UINT64_MAX },
    };
    size_t n = sizeof(corner) / sizeof(corner[0]);
    if (i < 4) {
        *a = first[i][0];
        *b = first[i][1];
        return;
    }
    *a = (rng() & 1) ? corner[rng() % n] : rng();
    *b = (rng() & 1) ? corner[rng() % n] : rng();
    if (i % 8 == 7) {
        *b = *a;
    }
}

static void setup(void)
{
    test_declare_globals();
    rng_state = SEED;
}

TestSuite(tcgl_ops, .init = setup);

/* ------------------------------------------------------------------ */
/* References                                                           */

static uint64_t mask_w(uint64_t v, int w)
{
    return w == 64 ? v : (uint32_t)v;
}

static int64_t sext_w(uint64_t v, int w)
{
    return w == 64 ? (int64_t)v : (int64_t)(int32_t)v;
}

static uint64_t ref_rotl(uint64_t a, uint64_t n, int w)
{
    a = mask_w(a, w);
    for (uint64_t i = 0; i < n % (uint64_t)w; i++) {
        uint64_t top = (a >> (w - 1)) & 1;
        a = mask_w(a << 1, w) | top;
    }
    return a;
}

static uint64_t ref_rotr(uint64_t a, uint64_t n, int w)
{
    a = mask_w(a, w);
    for (uint64_t i = 0; i < n % (uint64_t)w; i++) {
        a = (a >> 1) | ((a & 1) << (w - 1));
    }
    return a;
}

static uint64_t ref_div(uint64_t a, uint64_t b, int w, bool sign, bool rem)
{
    a = mask_w(a, w);
    b = mask_w(b, w);
    if (b == 0) {
        return rem ? a : mask_w(UINT64_MAX, w);
    }
    if (!sign) {
        return rem ? a % b : a / b;
    }
    int64_t sa = sext_w(a, w), sb = sext_w(b, w);
    int64_t min = w == 64 ? INT64_MIN : INT32_MIN;
    if (sa == min && sb == -1) {
        return rem ? 0 : mask_w((uint64_t)min, w);
    }
    return mask_w((uint64_t)(rem ? sa % sb : sa / sb), w);
}

static uint64_t ref_mulh(uint64_t a, uint64_t b, bool sign)
{
    /* Schoolbook on 32-bit halves, then the signed correction. */
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    if (sign) {
        if ((int64_t)a < 0) {
            hi -= b;
        }
        if ((int64_t)b < 0) {
            hi -= a;
        }
    }
    return hi;
}

static uint64_t ref_binary(const char *op, uint64_t a, uint64_t b, int w)
{
    uint64_t ma = mask_w(a, w), mb = mask_w(b, w), sh = mb % (uint64_t)w;
    if (!strcmp(op, "add")) return mask_w(a + b, w);
    if (!strcmp(op, "sub")) return mask_w(a - b, w);
    if (!strcmp(op, "mul")) return mask_w(a * b, w);
    if (!strcmp(op, "mulsh")) return ref_mulh(a, b, true);
    if (!strcmp(op, "muluh")) return ref_mulh(a, b, false);
    if (!strcmp(op, "div")) return ref_div(a, b, w, true, false);
    if (!strcmp(op, "divu")) return ref_div(a, b, w, false, false);
    if (!strcmp(op, "rem")) return ref_div(a, b, w, true, true);
    if (!strcmp(op, "remu")) return ref_div(a, b, w, false, true);
    if (!strcmp(op, "and")) return ma & mb;
    if (!strcmp(op, "or")) return ma | mb;
    if (!strcmp(op, "xor")) return ma ^ mb;
    if (!strcmp(op, "andc")) return ma & mask_w(~b, w);
    if (!strcmp(op, "orc")) return mask_w(ma | ~b, w);
    if (!strcmp(op, "eqv")) return mask_w(~(a ^ b), w);
    if (!strcmp(op, "shl")) return mask_w(ma << sh, w);
    if (!strcmp(op, "shr")) return ma >> sh;
    if (!strcmp(op, "sar")) {
        uint64_t r = ma;
        for (uint64_t i = 0; i < sh; i++) {
            r = (r >> 1) | (r & (1ull << (w - 1)));
        }
        return r;
    }
    if (!strcmp(op, "rotl")) return ref_rotl(a, mb, w);
    if (!strcmp(op, "rotr")) return ref_rotr(a, mb, w);
    cr_assert_fail("no reference for %s", op);
    return 0;
}

static uint64_t ref_unary(const char *op, uint64_t a, int w)
{
    uint64_t ma = mask_w(a, w), r = 0;
    if (!strcmp(op, "neg")) return mask_w(0 - a, w);
    if (!strcmp(op, "not")) return mask_w(~a, w);
    if (!strcmp(op, "clz")) {
        while (r < (uint64_t)w && !((ma >> (w - 1 - r)) & 1)) {
            r++;
        }
        return r;
    }
    if (!strcmp(op, "ctz")) {
        while (r < (uint64_t)w && !((ma >> r) & 1)) {
            r++;
        }
        return r;
    }
    if (!strcmp(op, "ctpop")) {
        for (int i = 0; i < w; i++) {
            r += (ma >> i) & 1;
        }
        return r;
    }
    if (!strcmp(op, "bswap64")) {
        for (int i = 0; i < 8; i++) {
            r |= ((a >> (8 * i)) & 0xff) << (8 * (7 - i));
        }
        return r;
    }
    if (!strcmp(op, "ext8s")) return (a & 0x80) ? (a | ~0xffull) : (a & 0xff);
    if (!strcmp(op, "ext8u")) return a & 0xff;
    if (!strcmp(op, "ext16s")) return (a & 0x8000) ? (a | ~0xffffull) : (a & 0xffff);
    if (!strcmp(op, "ext16u")) return a & 0xffff;
    if (!strcmp(op, "ext32s")) return (a & 0x80000000) ? (a | ~0xffffffffull) : (a & 0xffffffff);
    if (!strcmp(op, "ext32u")) return a & 0xffffffff;
    cr_assert_fail("no reference for %s", op);
    return 0;
}

static bool ref_cond(const char *c, uint64_t a, uint64_t b, int w)
{
    uint64_t ua = mask_w(a, w), ub = mask_w(b, w);
    int64_t sa = sext_w(a, w), sb = sext_w(b, w);
    if (!strcmp(c, "eq")) return ua == ub;
    if (!strcmp(c, "ne")) return ua != ub;
    if (!strcmp(c, "lt")) return sa < sb;
    if (!strcmp(c, "ge")) return sa >= sb;
    if (!strcmp(c, "le")) return sa <= sb;
    if (!strcmp(c, "gt")) return sa > sb;
    if (!strcmp(c, "ltu")) return ua < ub;
    if (!strcmp(c, "geu")) return ua >= ub;
    if (!strcmp(c, "leu")) return ua <= ub;
    if (!strcmp(c, "gtu")) return ua > ub;
    if (!strcmp(c, "always")) return true;
    return false;
}

static const char *const conds[] = {
    "eq", "ne", "lt", "ge", "le", "gt", "ltu", "geu", "leu", "gtu", "always", "never",
};

/* ------------------------------------------------------------------ */
/* Running one shape                                                    */

/* Operands in x0/x1 (w0/w1); result read from x2 (w2). */
static uint64_t run_shape(const char *text, uint64_t a, uint64_t b, int w, bool optimize)
{
    TestEnv env;
    memset(&env, 0, sizeof(env));
    env.x[0] = a;
    env.x[1] = b;
    env.x[2] = 0xdeadbeefdeadbeefull;
    env.w[0] = (uint32_t)a;
    env.w[1] = (uint32_t)b;
    env.w[2] = 0xdeadbeef;
    env.x[3] = 111;
    env.x[4] = 222;
    env.w[3] = 333;
    test_run(&env, text, optimize);
    return w == 64 ? env.x[2] : env.w[2];
}

#define CHECK(shape, got, want)                                                       \
    cr_assert_eq((got), (want), "%s [%s] a=%#" PRIx64 " b=%#" PRIx64 ": got %#" PRIx64 \
                 " want %#" PRIx64 " (seed %#llx)",                                   \
                 name, shape, a, b, (uint64_t)(got), (uint64_t)(want), SEED)

static void check_binary(const char *op, int w)
{
    const char *sfx = w == 64 ? "i64" : "i32";
    const char *r = w == 64 ? "x" : "w";
    char name[32], text[256];
    snprintf(name, sizeof(name), "%s_%s", op, sfx);

    for (int i = 0; i < PAIRS; i++) {
        uint64_t a, b;
        operands(i, &a, &b);
        uint64_t want = ref_binary(op, a, b, w);
        uint64_t cb = mask_w(b, w), ca = mask_w(a, w);

        snprintf(text, sizeof(text), "%s %s2,%s0,%s1", name, r, r, r);
        CHECK("globals", run_shape(text, a, b, w, false), want);

        snprintf(text, sizeof(text), "%s %s2,%s0,$%#" PRIx64, name, r, r, cb);
        CHECK("immediate", run_shape(text, a, b, w, false), want);

        snprintf(text, sizeof(text), "%s %s2,$%#" PRIx64 ",%s1", name, r, ca, r);
        CHECK("constant first", run_shape(text, a, b, w, false), want);

        snprintf(text, sizeof(text),
                 "mov_%s t0,%s0; mov_%s t1,%s1; %s t2,t0,t1; %s t3,t2,t2; mov_%s %s2,t2",
                 sfx, r, sfx, r, name, name, sfx, r);
        CHECK("locals", run_shape(text, a, b, w, false), want);

        snprintf(text, sizeof(text), "movi_%s t0,$%#" PRIx64 "; %s %s2,t0,$%#" PRIx64,
                 sfx, ca, name, r, cb);
        CHECK("folded", run_shape(text, a, b, w, true), want);
        cr_assert_eq(tcgl_op_count(), 1, "%s did not fold to one movi", name);
    }
}

static void check_unary(const char *op, int w)
{
    const char *sfx = w == 64 ? "i64" : "i32";
    const char *r = w == 64 ? "x" : "w";
    char name[32], text[256];
    snprintf(name, sizeof(name), "%s_%s", op, sfx);

    for (int i = 0; i < PAIRS; i++) {
        uint64_t a, b = 0;
        operands(i, &a, &b);
        uint64_t want = ref_unary(op, a, w);

        snprintf(text, sizeof(text), "%s %s2,%s0", name, r, r);
        CHECK("globals", run_shape(text, a, b, w, false), want);

        snprintf(text, sizeof(text), "%s %s2,$%#" PRIx64, name, r, mask_w(a, w));
        CHECK("constant", run_shape(text, a, b, w, false), want);

        snprintf(text, sizeof(text), "mov_%s t0,%s0; %s t1,t0; mov_%s %s2,t1",
                 sfx, r, name, sfx, r);
        CHECK("locals", run_shape(text, a, b, w, false), want);

        snprintf(text, sizeof(text), "movi_%s t0,$%#" PRIx64 "; %s %s2,t0",
                 sfx, mask_w(a, w), name, r);
        CHECK("folded", run_shape(text, a, b, w, true), want);
        cr_assert_eq(tcgl_op_count(), 1, "%s did not fold to one movi", name);
    }
}

Test(tcgl_ops, binary_i64_ops_match_c)
{
    static const char *const ops[] = {
        "add", "sub", "mul", "mulsh", "muluh", "div", "divu", "rem", "remu", "and",
        "or", "xor", "andc", "orc", "eqv", "shl", "shr", "sar", "rotl", "rotr",
    };
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        check_binary(ops[i], 64);
    }
}

Test(tcgl_ops, binary_i32_ops_match_c)
{
    static const char *const ops[] = {
        "add", "sub", "mul", "div", "divu", "rem", "remu", "and", "or",
        "xor", "andc", "orc", "eqv", "shl", "shr", "sar", "rotl", "rotr",
    };
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        check_binary(ops[i], 32);
    }
}

Test(tcgl_ops, unary_i64_ops_match_c)
{
    static const char *const ops[] = {
        "neg", "not", "clz", "ctz", "ctpop", "bswap64",
        "ext8s", "ext8u", "ext16s", "ext16u", "ext32s", "ext32u",
    };
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        check_unary(ops[i], 64);
    }
}

Test(tcgl_ops, unary_i32_ops_match_c)
{
    static const char *const ops[] = { "neg", "not", "clz", "ctz", "ctpop" };
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        check_unary(ops[i], 32);
    }
}

Test(tcgl_ops, width_conversions_match_c)
{
    const char *name = "conversions";
    for (int i = 0; i < PAIRS; i++) {
        uint64_t a, b;
        operands(i, &a, &b);
        CHECK("extrl", run_shape("extrl_i64_i32 w2,x0", a, b, 32, false), (uint32_t)a);
        CHECK("extu", run_shape("extu_i32_i64 x2,w0", a, b, 64, false), (uint64_t)(uint32_t)a);
        CHECK("ext", run_shape("ext_i32_i64 x2,w0", a, b, 64, false),
              (uint64_t)(int64_t)(int32_t)a);
        char text[128];
        snprintf(text, sizeof(text), "movi t0,$%#" PRIx64 "; extrl_i64_i32 t1,t0;"
                 "ext_i32_i64 x2,t1", a);
        CHECK("folded", run_shape(text, a, b, 64, true), (uint64_t)(int64_t)(int32_t)a);
        cr_assert_eq(tcgl_op_count(), 1);
    }
}

Test(tcgl_ops, setcond_brcond_movcond_for_every_condition)
{
    char name[48], text[256];
    for (size_t c = 0; c < sizeof(conds) / sizeof(conds[0]); c++) {
        for (int w = 32; w <= 64; w += 32) {
            const char *sfx = w == 64 ? "i64" : "i32";
            const char *r = w == 64 ? "x" : "w";
            for (int i = 0; i < PAIRS / 2; i++) {
                uint64_t a, b;
                operands(i, &a, &b);
                bool want = ref_cond(conds[c], a, b, w);
                uint64_t ca = mask_w(a, w), cb = mask_w(b, w);

                snprintf(name, sizeof(name), "setcond_%s %s", sfx, conds[c]);
                snprintf(text, sizeof(text), "setcond_%s %s2,%s0,%s1,%s", sfx, r, r, r, conds[c]);
                CHECK("globals", run_shape(text, a, b, w, false), want);
                snprintf(text, sizeof(text), "setcond_%s %s2,%s0,$%#" PRIx64 ",%s", sfx, r, r,
                         cb, conds[c]);
                CHECK("immediate", run_shape(text, a, b, w, false), want);
                snprintf(text, sizeof(text), "setcond_%s %s2,$%#" PRIx64 ",%s1,%s", sfx, r, ca,
                         r, conds[c]);
                CHECK("constant first", run_shape(text, a, b, w, false), want);
                snprintf(text, sizeof(text), "movi_%s t0,$%#" PRIx64 "; setcond_%s %s2,t0,$%#"
                         PRIx64 ",%s", sfx, ca, sfx, r, cb, conds[c]);
                CHECK("folded", run_shape(text, a, b, w, true), want);

                snprintf(name, sizeof(name), "brcond_%s %s", sfx, conds[c]);
                static const char tail[] = "movi_i64 x2,$0; exit_tb 0; L0: movi_i64 x2,$1";
                snprintf(text, sizeof(text), "brcond_%s %s0,%s1,%s,L0; %s", sfx, r, r,
                         conds[c], tail);
                CHECK("globals", run_shape(text, a, b, 64, false), want);
                snprintf(text, sizeof(text), "brcond_%s %s0,$%#" PRIx64 ",%s,L0; %s", sfx, r,
                         cb, conds[c], tail);
                CHECK("immediate", run_shape(text, a, b, 64, false), want);
                snprintf(text, sizeof(text), "brcond_%s $%#" PRIx64 ",%s1,%s,L0; %s", sfx, ca,
                         r, conds[c], tail);
                CHECK("constant first", run_shape(text, a, b, 64, false), want);
                snprintf(text, sizeof(text), "mov_%s t0,%s0; brcond_%s t0,%s1,%s,L0; %s", sfx,
                         r, sfx, r, conds[c], tail);
                CHECK("local", run_shape(text, a, b, 64, false), want);
                snprintf(text, sizeof(text), "movi_%s t0,$%#" PRIx64 "; brcond_%s t0,$%#"
                         PRIx64 ",%s,L0; %s", sfx, ca, sfx, cb, conds[c], tail);
                CHECK("folded", run_shape(text, a, b, 64, true), want);

                snprintf(name, sizeof(name), "movcond_%s %s", sfx, conds[c]);
                uint64_t v = want ? (w == 64 ? 111 : (uint32_t)a) : (w == 64 ? 222 : 333);
                if (w == 64) {
                    snprintf(text, sizeof(text), "movcond_i64 x2,x0,x1,x3,x4,%s", conds[c]);
                } else {
                    snprintf(text, sizeof(text), "movcond_i32 w2,w0,w1,w0,w3,%s", conds[c]);
                }
                CHECK("globals", run_shape(text, a, b, w, false), v);
            }
        }
    }
}

Test(tcgl_ops, extract_sextract_deposit_match_c)
{
    const char *name = "bitfield";
    char text[256];
    for (int i = 0; i < 4 * PAIRS; i++) {
        uint64_t a, b;
        operands(i, &a, &b);
        unsigned ofs = (unsigned)(rng() % 64);
        unsigned len = 1 + (unsigned)(rng() % (64 - ofs));
        uint64_t field = 0, sfield, dep = a;
        for (unsigned k = 0; k < len; k++) {
            field |= ((a >> (ofs + k)) & 1) << k;
            dep &= ~(1ull << (ofs + k));
            dep |= ((b >> k) & 1) << (ofs + k);
        }
        sfield = field;
        if ((field >> (len - 1)) & 1) {
            for (unsigned k = len; k < 64; k++) {
                sfield |= 1ull << k;
            }
        }
        snprintf(text, sizeof(text), "extract x2,x0,%u,%u", ofs, len);
        CHECK(text, run_shape(text, a, b, 64, false), field);
        snprintf(text, sizeof(text), "sextract x2,x0,%u,%u", ofs, len);
        CHECK(text, run_shape(text, a, b, 64, false), sfield);
        snprintf(text, sizeof(text), "deposit x2,x0,x1,%u,%u", ofs, len);
        CHECK(text, run_shape(text, a, b, 64, false), dep);
        snprintf(text, sizeof(text), "movi t0,$%#" PRIx64 "; deposit x2,t0,$%#" PRIx64 ",%u,%u;"
                 "extract x3,t0,%u,%u", a, b, ofs, len, ofs, len);
        CHECK(text, run_shape(text, a, b, 64, true), dep);
        cr_assert_eq(tcgl_op_count(), 2);
    }
}
