/*
 * test-tcgl-fusion: the sequences the interpreter runs as one bytecode op
 * compute exactly what their IR says: a 32-bit operation and the sign
 * extension of its result, the shifts of a low word, pairs of simple ops
 * on globals (also across two guest instructions), a write overwritten
 * before anyone reads it, the end of a block (count, goto_tb, pc, exit_tb)
 * and a conditional branch between two such ends, with the entry check of
 * the next block run on the way.  Each sequence runs both as a translation
 * lowers it (optimized, with liveness) and unoptimized, against values
 * computed here in C.
 */
#include <setjmp.h>
#include <stdarg.h>

#include "test-tcgl-common.h"

static jmp_buf fault_jmp;
static uintptr_t fault_ra;

static uint64_t fault_ld(void *env, uint64_t addr, MemOpIdx oi, uintptr_t ra)
{
    (void)env, (void)addr, (void)oi;
    fault_ra = ra;
    longjmp(fault_jmp, 1);
}

static void fault_st(void *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    (void)env, (void)addr, (void)val, (void)oi;
    fault_ra = ra;
    longjmp(fault_jmp, 1);
}

static const TCGLMemOps fault_ops = { fault_ld, fault_st };

static void setup(void)
{
    test_declare_globals();
    tcgl_set_mem_ops(&fault_ops);
}

TestSuite(tcgl_fusion, .init = setup);

static const uint64_t A = 0xdeadbeef80000001ull;   /* low word negative, high garbage */
static const uint64_t B = 0x123456787ffffffeull;

static uint64_t sext32(uint64_t v)
{
    return (uint64_t)(int64_t)(int32_t)v;
}

static TestEnv env_ab(void)
{
    TestEnv e;
    memset(&e, 0, sizeof(e));
    e.x[2] = A;
    e.x[3] = B;
    e.x[7] = 0x7777;
    return e;
}

/* Run text both ways on fresh copies of *start; both must give *want's x[]. */
static void check_both(const TestEnv *start, const char *text, const uint64_t *want,
                       const char *what)
{
    for (int opt = 0; opt < 2; opt++) {
        TestEnv e = *start;
        test_run(&e, text, opt);
        for (int i = 0; i < 8; i++) {
            cr_assert_eq(e.x[i], want[i], "%s (%s): x%d = %#llx, want %#llx", what,
                         opt ? "optimized" : "unoptimized", i, (unsigned long long)e.x[i],
                         (unsigned long long)want[i]);
        }
    }
}

static uint64_t op_ref(unsigned k, uint64_t a, uint64_t b)
{
    switch (k) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    case 3: return a & b;
    case 4: return a | b;
    case 5: return a ^ b;
    default: return a << (b & 63);
    }
}

Test(tcgl_fusion, a_32_bit_result_is_sign_extended_for_every_op)
{
    static const char *const ops[] = { "add", "sub", "mul", "and", "or", "xor", "shl" };
    static const char *const forms[] = {
        "%s x1,x2,%s; ext32s x1,x1",    /* in place, on globals */
        "%s t0,x2,%s; ext32s x1,t0",    /* through a local */
        "%s x4,x2,%s; ext32s x1,x4",    /* the 64-bit result stays in x4 */
    };
    for (unsigned k = 0; k < 7; k++) {
        for (unsigned f = 0; f < 3; f++) {
            for (int imm = 0; imm < 2; imm++) {
                TestEnv start = env_ab();
                uint64_t b = k == 6 ? 5 : imm ? 0x7fff0003 : B;
                char bop[32], text[128];
                if (imm) {
                    snprintf(bop, sizeof(bop), "$%llu", (unsigned long long)b);
                } else {
                    snprintf(bop, sizeof(bop), "x3");
                    start.x[3] = b;
                }
                snprintf(text, sizeof(text), forms[f], ops[k], bop);
                uint64_t want[8];
                memcpy(want, start.x, sizeof(want));
                uint64_t r = op_ref(k, A, b);
                want[1] = sext32(r);
                if (f == 2) {
                    want[4] = r;
                }
                check_both(&start, text, want, text);
            }
        }
    }
}

Test(tcgl_fusion, word_shifts_shift_the_low_word_and_sign_extend)
{
    static const unsigned amounts[] = { 0, 1, 7, 31 };
    for (unsigned i = 0; i < 4; i++) {
        unsigned n = amounts[i];
        TestEnv start = env_ab();
        start.x[3] = n;
        uint64_t want[8];
        memcpy(want, start.x, sizeof(want));
        want[1] = sext32((uint64_t)(uint32_t)A >> n);          /* srliw */
        want[4] = sext32((uint64_t)((int64_t)(int32_t)A >> n)); /* sraiw */
        want[5] = sext32((uint64_t)(uint32_t)A >> n);          /* srlw, amount in x3 */
        want[6] = sext32((uint64_t)((int64_t)(int32_t)A >> n)); /* sraw via a local */
        char text[512];
        snprintf(text, sizeof(text),
                 "ext32u x1,x2; shr x1,x1,$%u; ext32s x1,x1;"
                 "ext32s x4,x2; sar x4,x4,$%u; ext32s x4,x4;"
                 "ext32u x5,x2; shr x5,x5,x3; ext32s x5,x5;"
                 "ext32s t0,x2; sar t0,t0,x3; ext32s t0,t0; mov x6,t0",
                 n, n);
        check_both(&start, text, want, text);
    }
}

/*
 * The frontend leaves out the final ext32s of srliw by a nonzero amount and
 * of sraiw; those two-op forms compute the same, and must still run as
 * the one fused op (a lost fusion is a silent slowdown of every kernel
 * that rotates words, so it is checked here by the size of the code).
 * srliw by zero needs its ext32s: without one, the shift is not fused.
 */
static uint32_t code_size_of(const char *text, bool optimize)
{
    test_parse(text);
    if (optimize) {
        tcgl_optimize();
        tcgl_liveness();
    }
    TranslationBlock *tb = test_tb_gen();
    uint32_t size = tb->code_size;
    test_tb_free(tb);
    return size;
}

Test(tcgl_fusion, word_shifts_without_their_redundant_extension_stay_fused)
{
    static const unsigned amounts[] = { 0, 1, 7, 31 };
    for (unsigned i = 0; i < 4; i++) {
        unsigned n = amounts[i];
        TestEnv start = env_ab();
        uint64_t want[8];
        memcpy(want, start.x, sizeof(want));
        want[1] = (uint64_t)(uint32_t)A >> n;                   /* no ext32s: as written */
        want[4] = (uint64_t)((int64_t)(int32_t)A >> n);        /* sraiw */
        char text[256];
        snprintf(text, sizeof(text), "ext32u x1,x2; shr x1,x1,$%u; ext32s x4,x2; sar x4,x4,$%u",
                 n, n);
        check_both(&start, text, want, text);
    }
    const char *pairs[][2] = {
        { "ext32u x1,x2; shr x1,x1,$4; exit_tb 0",
          "ext32u x1,x2; shr x1,x1,$4; ext32s x1,x1; exit_tb 0" },
        { "ext32s x1,x2; sar x1,x1,$4; exit_tb 0",
          "ext32s x1,x2; sar x1,x1,$4; ext32s x1,x1; exit_tb 0" },
        { "ext32u x1,x2; shr x1,x1,$4; xor x4,x1,x5; exit_tb 0",
          "ext32u x1,x2; shr x1,x1,$4; ext32s x1,x1; xor x4,x1,x5; exit_tb 0" },
    };
    for (unsigned i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        for (int opt = 0; opt < 2; opt++) {
            cr_assert_eq(code_size_of(pairs[i][0], opt), code_size_of(pairs[i][1], opt),
                         "\"%s\" is lowered to more code than \"%s\"", pairs[i][0],
                         pairs[i][1]);
        }
    }
    /* Unoptimized: the optimizer would drop a shift by zero altogether. */
    cr_assert_gt(code_size_of("ext32u x1,x2; shr x1,x1,$0; exit_tb 0", false),
                 code_size_of("ext32u x1,x2; shr x1,x1,$0; ext32s x1,x1; exit_tb 0", false),
                 "a shift by zero without its ext32s was fused");
}

/*
 * Every kind of pair half, as IR on globals: d = x1 from a = x2, b = x3,
 * then the second half d = x4 from a = x1 (the first's result), b = x5.
 */
typedef struct PairCase {
    const char *ir;      /* %s: d, %s: a, %s: b */
    uint64_t (*f)(uint64_t a, uint64_t b);
} PairCase;

static uint64_t k_mov(uint64_t a, uint64_t b) { (void)b; return a; }
static uint64_t k_movi(uint64_t a, uint64_t b) { (void)a, (void)b; return 0x123456789abcdef0ull; }
static uint64_t k_sext(uint64_t a, uint64_t b) { (void)b; return sext32(a); }
static uint64_t k_addi(uint64_t a, uint64_t b) { (void)b; return a - 77; }
static uint64_t k_add(uint64_t a, uint64_t b) { return a + b; }
static uint64_t k_xor(uint64_t a, uint64_t b) { return a ^ b; }
static uint64_t k_xori(uint64_t a, uint64_t b) { (void)b; return ~a; }
static uint64_t k_or(uint64_t a, uint64_t b) { return a | b; }
static uint64_t k_and(uint64_t a, uint64_t b) { return a & b; }
static uint64_t k_andi(uint64_t a, uint64_t b) { (void)b; return a & 0xff0; }
static uint64_t k_shli(uint64_t a, uint64_t b) { (void)b; return a << 3; }
static uint64_t k_shri(uint64_t a, uint64_t b) { (void)b; return a >> 40; }
static uint64_t k_addw(uint64_t a, uint64_t b) { return sext32(a + b); }
static uint64_t k_addwi(uint64_t a, uint64_t b) { (void)b; return sext32(a + 0x7ffffff0); }
static uint64_t k_mulw(uint64_t a, uint64_t b) { return sext32(a * b); }
static uint64_t k_shlwi(uint64_t a, uint64_t b) { (void)b; return sext32(a << 9); }
static uint64_t k_srlwi(uint64_t a, uint64_t b) { (void)b; return sext32((uint32_t)a >> 4); }
static uint64_t k_sub(uint64_t a, uint64_t b) { return a - b; }

static const PairCase pair_cases[] = {
    { "mov %s,%s", k_mov },
    { "movi %s,0x123456789abcdef0", k_movi },
    { "ext32s %s,%s", k_sext },
    { "add %s,%s,$-77", k_addi },
    { "add %s,%s,%s", k_add },
    { "xor %s,%s,%s", k_xor },
    { "xor %s,%s,$-1", k_xori },
    { "or %s,%s,%s", k_or },
    { "and %s,%s,%s", k_and },
    { "and %s,%s,$0xff0", k_andi },
    { "shl %s,%s,$3", k_shli },
    { "shr %s,%s,$40", k_shri },
    { "add %s,%s,%s; ext32s %1$s,%1$s", k_addw },
    { "add %s,%s,$0x7ffffff0; ext32s %1$s,%1$s", k_addwi },
    { "mul %s,%s,%s; ext32s %1$s,%1$s", k_mulw },
    { "shl %s,%s,$9; ext32s %1$s,%1$s", k_shlwi },
    { "ext32u %s,%s; shr %1$s,%1$s,$4; ext32s %1$s,%1$s", k_srlwi },
    { "ext32u %s,%s; shr %1$s,%1$s,$4", k_srlwi },     /* srliw as the frontend emits it */
    { "sub %s,%s,%s", k_sub },      /* not a pair kind */
};

Test(tcgl_fusion, two_simple_ops_in_a_row_run_in_order)
{
    const unsigned n = sizeof(pair_cases) / sizeof(pair_cases[0]);
    for (unsigned i = 0; i < n; i++) {
        for (unsigned j = 0; j < n; j++) {
            for (int split = 0; split < 2; split++) {
                TestEnv start = env_ab();
                start.x[5] = 0x0000000300000005ull;
                char h1[96], h2[96], text[256];
                snprintf(h1, sizeof(h1), pair_cases[i].ir, "x1", "x2", "x3");
                snprintf(h2, sizeof(h2), pair_cases[j].ir, "x4", "x1", "x5");
                /* split: the halves are two guest instructions */
                snprintf(text, sizeof(text), "---- 0x100 0; %s; %s %s; exit_tb 0", h1,
                         split ? "---- 0x104 0;" : "", h2);
                uint64_t want[8];
                memcpy(want, start.x, sizeof(want));
                want[1] = pair_cases[i].f(start.x[2], start.x[3]);
                want[4] = pair_cases[j].f(want[1], start.x[5]);
                check_both(&start, text, want, text);
            }
        }
    }
}

Test(tcgl_fusion, ops_that_look_like_a_w_op_but_are_not_run_as_written)
{
    TestEnv start = env_ab();
    uint64_t want[8];
    memcpy(want, start.x, sizeof(want));
    /* Unoptimized, "li; sext.w" reaches the lowering as it is. */
    want[1] = 0xffffffff80000005ull;
    want[4] = sext32(A >> 3);
    want[5] = sext32(~A);
    check_both(&start, "movi x1,0x80000005; ext32s x1,x1; shr x4,x2,$3; ext32s x4,x4;"
                       "not x5,x2; ext32s x5,x5", want, "not W ops");
}

Test(tcgl_fusion, a_half_that_reads_what_the_other_writes_sees_the_new_value)
{
    TestEnv start = env_ab();
    uint64_t want[8];
    memcpy(want, start.x, sizeof(want));
    /* The second overwrites the first's source; the first overwrites the second's. */
    want[2] = A + B;
    want[3] = (A + B) ^ B;
    check_both(&start, "add x2,x2,x3; xor x3,x2,x3", want, "add; xor");
    memcpy(want, start.x, sizeof(want));
    want[3] = A;
    want[2] = A;
    check_both(&start, "mov x3,x2; mov x2,x3", want, "mov; mov");
}

Test(tcgl_fusion, ops_of_a_pair_in_two_instructions_keep_the_instruction_map)
{
    TestEnv env = env_ab();
    env.x[6] = 0x9999;
    test_parse("---- 0x100 0; add x1,x1,$1;"
               "---- 0x104 0; add x0,x0,$2;"
               "---- 0x108 0; qemu_ld x6,x7,uq,0;"
               "---- 0x10c 0; movi x5,5; exit_tb 0");
    tcgl_optimize();
    tcgl_liveness();
    TranslationBlock *tb = test_tb_gen();
    if (setjmp(fault_jmp) == 0) {
        tcgl_interp_backend.exec(&env, tb);
        cr_assert_fail("the load did not fault");
    }
    cr_assert_eq(env.x[1], 1);
    cr_assert_eq(env.x[0], 2);
    cr_assert_eq(env.x[6], 0x9999);
    cr_assert_eq(env.x[5], 0);
    cr_assert_eq(tcgl_tb_find_insn(tb, fault_ra), 2);
    cr_assert_eq(tb->icount, 4);
    cr_assert_eq(tb->insn_data[1][0], 0x104);
    test_tb_free(tb);
}

Test(tcgl_fusion, a_write_overwritten_before_anyone_reads_it_is_not_lost_when_read)
{
    TestEnv start = env_ab();
    uint64_t want[8];
    memcpy(want, start.x, sizeof(want));
    want[1] = sext32(B);
    check_both(&start, "mov x1,x2; ext32s x1,x3", want, "overwritten");
    want[1] = A + 1;
    check_both(&start, "mov x1,x2; add x1,x1,$1", want, "read by the next op");

    /* An access that faults must see the first write. */
    TestEnv env = env_ab();
    test_parse("---- 0x100 0; mov x1,x2; qemu_ld x1,x3,uq,0; exit_tb 0");
    tcgl_optimize();
    tcgl_liveness();
    TranslationBlock *tb = test_tb_gen();
    if (setjmp(fault_jmp) == 0) {
        tcgl_interp_backend.exec(&env, tb);
        cr_assert_fail("the load did not fault");
    }
    cr_assert_eq(env.x[1], A);
    test_tb_free(tb);
}

/* ------------------------------------------------------------------ */
/* Block ends                                                           */

static void gen_into(TranslationBlock *tb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void gen_into(TranslationBlock *tb, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    test_parse(text);
    tcgl_optimize();
    tcgl_liveness();
    cr_assert(tcgl_interp_backend.gen_code(tb));
}

/* A block end: count 3 instructions, chain through slot or exit at pcv with %#lx. */
#define END(slot, pcv) "add x0,x0,$3; goto_tb " #slot "; movi pc," pcv "; exit_tb %#lx;"

Test(tcgl_fusion, a_block_end_counts_then_chains_or_sets_pc_and_exits)
{
    TestEnv env = env_ab();
    TranslationBlock *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
    gen_into(a, "---- 0x100 0; add x1,x1,$1;" END(0, "0x104"), (unsigned long)(uintptr_t)a);
    gen_into(b, "---- 0x104 0; movi x6,66; exit_tb 0x10");

    cr_assert_eq(tcgl_interp_backend.exec(&env, a), (uintptr_t)a);
    cr_assert_eq(env.x[0], 3);
    cr_assert_eq(env.pc, 0x104);
    cr_assert_eq(env.x[6], 0);

    env.pc = 0;
    tcgl_interp_backend.set_jmp_target(a, 0, b);
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0x10);
    cr_assert_eq(env.x[0], 6);
    cr_assert_eq(env.x[1], 2);
    cr_assert_eq(env.x[6], 66);
    cr_assert_eq(env.pc, 0, "a chained end does not write pc");
    cr_assert_eq(tcgl_exec_tb, b);
    test_tb_free(a);
    test_tb_free(b);
}

static bool cond_ref(unsigned c, uint64_t a, uint64_t b)
{
    switch (c) {
    case 0: return a == b;
    case 1: return a != b;
    case 2: return (int64_t)a < (int64_t)b;
    case 3: return (int64_t)a >= (int64_t)b;
    case 4: return (int64_t)a <= (int64_t)b;
    case 5: return (int64_t)a > (int64_t)b;
    case 6: return a < b;
    case 7: return a >= b;
    case 8: return a <= b;
    default: return a > b;
    }
}

Test(tcgl_fusion, a_branch_between_two_block_ends_takes_each_way)
{
    static const char *const conds[] = { "eq", "ne", "lt", "ge", "le", "gt",
                                         "ltu", "geu", "leu", "gtu" };
    static const uint64_t vals[][2] = {
        { 1, 1 }, { 1, 2 }, { 2, 1 }, { (uint64_t)-1, 1 }, { 1, (uint64_t)-1 },
    };
    for (unsigned c = 0; c < 10; c++) {
        for (unsigned v = 0; v < 5; v++) {
            for (int imm = 0; imm < 2; imm++) {
                TestEnv env = env_ab();
                TranslationBlock *a = calloc(1, sizeof(*a));
                char b[32], fmt[512];
                if (imm) {
                    snprintf(b, sizeof(b), "$%lld", (long long)vals[v][1]);
                } else {
                    snprintf(b, sizeof(b), "x2");
                }
                snprintf(fmt, sizeof(fmt), "---- 0x100 0; brcond x1,%s,%s,L1;", b, conds[c]);
                gen_into(a, "%s" END(0, "0x104") "L1: " END(1, "0x200"), fmt,
                         (unsigned long)(uintptr_t)a, (unsigned long)((uintptr_t)a | 1));
                env.x[1] = vals[v][0];
                env.x[2] = vals[v][1];
                bool taken = cond_ref(c, vals[v][0], vals[v][1]);
                uintptr_t r = tcgl_interp_backend.exec(&env, a);
                cr_assert_eq(r, (uintptr_t)a | taken, "%s %s", conds[c], b);
                cr_assert_eq(env.pc, taken ? 0x200 : 0x104, "%s %s", conds[c], b);
                cr_assert_eq(env.x[0], 3, "counted once");
                test_tb_free(a);
            }
        }
    }
}

Test(tcgl_fusion, a_branch_between_two_block_ends_chains_each_way)
{
    TestEnv env = env_ab();
    TranslationBlock *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
    TranslationBlock *c = calloc(1, sizeof(*c));
    gen_into(a, "---- 0x100 0; brcond x1,$0,ne,L1;" END(0, "0x104") "L1: " END(1, "0x200"),
             (unsigned long)(uintptr_t)a, (unsigned long)((uintptr_t)a | 1));
    gen_into(b, "---- 0x104 0; movi x5,55; exit_tb 0xb0");
    gen_into(c, "---- 0x200 0; movi x6,66; exit_tb 0xc0");
    tcgl_interp_backend.set_jmp_target(a, 0, b);
    tcgl_interp_backend.set_jmp_target(a, 1, c);
    env.x[1] = 0;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0xb0);
    cr_assert_eq(env.x[5], 55);
    cr_assert_eq(env.x[6], 0);
    env.x[1] = 1;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0xc0);
    cr_assert_eq(env.x[6], 66);
    cr_assert_eq(env.x[0], 6);
    cr_assert_eq(env.pc, 0, "chained ends do not write pc");
    test_tb_free(a);
    test_tb_free(b);
    test_tb_free(c);
}

/*
 * x0 counts, x7 is the stop: a block that starts with the entry check
 * leaves at once (through its own exit) when it is reached by a chained
 * jump with the count at the stop, whichever way the jump came.
 */
Test(tcgl_fusion, a_chained_block_runs_its_entry_check_first)
{
    TestEnv env = env_ab();
    TranslationBlock *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
    gen_into(a, "---- 0x100 0; add x1,x1,$1;" END(0, "0x104"), (unsigned long)(uintptr_t)a);
    gen_into(b, "brcond x0,x7,geu,L0; ---- 0x104 0; movi x5,55; exit_tb 0xb0; L0: exit_tb %#lx",
             (unsigned long)((uintptr_t)b | 3));
    tcgl_interp_backend.set_jmp_target(a, 0, b);

    env.x[7] = 4;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0xb0, "count 3 < stop 4: b runs");
    cr_assert_eq(env.x[5], 55);
    env.x[5] = 0;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), (uintptr_t)b | 3, "count 6: b leaves");
    cr_assert_eq(env.x[5], 0, "nothing of b ran");
    cr_assert_eq(env.x[1], 2);
    cr_assert_eq(tcgl_exec_tb, b);

    /* The same through a plain goto_tb. */
    TranslationBlock *c = calloc(1, sizeof(*c));
    gen_into(c, "---- 0x100 0; goto_tb 1; exit_tb %#lx", (unsigned long)((uintptr_t)c | 1));
    tcgl_interp_backend.set_jmp_target(c, 1, b);
    cr_assert_eq(tcgl_interp_backend.exec(&env, c), (uintptr_t)b | 3);
    env.x[7] = 100;
    cr_assert_eq(tcgl_interp_backend.exec(&env, c), 0xb0);
    test_tb_free(a);
    test_tb_free(b);
    test_tb_free(c);
}

Test(tcgl_fusion, a_chained_block_without_an_entry_check_runs_from_its_first_op)
{
    TestEnv env = env_ab();
    TranslationBlock *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
    gen_into(a, "---- 0x100 0; add x1,x1,$1;" END(0, "0x104"), (unsigned long)(uintptr_t)a);
    gen_into(b, "---- 0x104 0; movi x5,55; exit_tb 0xb0");
    tcgl_interp_backend.set_jmp_target(a, 0, b);
    memset(&env, 0, sizeof(env));   /* whatever env's first word holds */
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0xb0);
    cr_assert_eq(env.x[5], 55);
    env.x[0] = 0x8000000000000000ull;
    env.x[5] = 0;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0xb0);
    cr_assert_eq(env.x[5], 55);
    test_tb_free(a);
    test_tb_free(b);
}

static TranslationBlock *lookup_result;

static TranslationBlock *mock_lookup(void *env)
{
    (void)env;
    return lookup_result;
}

Test(tcgl_fusion, a_count_before_a_lookup_is_added_either_way)
{
    TestEnv env = env_ab();
    TranslationBlock *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
    tcgl_set_lookup_fn(mock_lookup);
    gen_into(a, "---- 0x100 0; mov pc,x2; add x0,x0,$2; lookup_and_goto_ptr");
    gen_into(b, "---- 0x104 0; movi x5,55; exit_tb 0xb0");
    lookup_result = NULL;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0);
    cr_assert_eq(env.x[0], 2);
    lookup_result = b;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0xb0);
    cr_assert_eq(env.x[0], 4);
    cr_assert_eq(env.x[5], 55);
    test_tb_free(a);
    test_tb_free(b);
}
