/*
 * test-tcgl-interp: the bytecode interpreter backend running small IR blocks
 * on a fake CPU state: globals in env, locals in the frame, guest memory
 * through mock TCGLMemOps, helper calls of several signatures through
 * libffi, chaining between TBs, lookup_and_goto_ptr, precise exceptions (a
 * longjmp out of a load) and the map from tcgl_exec_ra back to the guest
 * instruction.
 */
#include <setjmp.h>

#include "test-tcgl-common.h"

/* ------------------------------------------------------------------ */
/* Mock guest memory                                                    */

#define MOCK_FAULT_ADDR 0x1000

static uint8_t mock_mem[256];
static jmp_buf mock_fault;

typedef struct MockAccess {
    int count;
    uint64_t addr, val;
    MemOpIdx oi;
    uintptr_t ra, exec_ra;
    TranslationBlock *exec_tb;
} MockAccess;

static MockAccess last_load, last_store;

static uint64_t mock_sext(uint64_t v, unsigned size)
{
    unsigned shift = 64 - 8 * size;
    return (uint64_t)((int64_t)(v << shift) >> shift);
}

/* Extension is the callee's job: MO_SIGN sign-extends, otherwise zero. */
static uint64_t mock_load(void *env, uint64_t addr, MemOpIdx oi, uintptr_t ra)
{
    MemOp mop = get_memop(oi);
    unsigned size = memop_size(mop);
    uint64_t v = 0;

    (void)env;
    last_load = (MockAccess){ last_load.count + 1, addr, 0, oi, ra, tcgl_exec_ra, tcgl_exec_tb };
    if (addr >= MOCK_FAULT_ADDR) {
        longjmp(mock_fault, 1);
    }
    memcpy(&v, &mock_mem[addr % (sizeof(mock_mem) - 8)], size);
    if (mop & MO_BSWAP) {
        v = __builtin_bswap64(v) >> (64 - 8 * size);
    }
    return (mop & MO_SIGN) ? mock_sext(v, size) : v;
}

static void mock_store(void *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    (void)env;
    last_store = (MockAccess){ last_store.count + 1, addr, val, oi, ra, tcgl_exec_ra,
                               tcgl_exec_tb };
    if (addr >= MOCK_FAULT_ADDR) {
        longjmp(mock_fault, 1);
    }
    memcpy(&mock_mem[addr % (sizeof(mock_mem) - 8)], &val, memop_size(get_memop(oi)));
}

static const TCGLMemOps mock_mem_ops = { mock_load, mock_store };

/* ------------------------------------------------------------------ */
/* Helpers of several signatures                                        */

static uintptr_t helper_ra;
static TranslationBlock *helper_tb;
static uint64_t helper_seen_x1;
static uint32_t consts_a;
static uint64_t consts_b;

static void h_env(void *env)
{
    TestEnv *e = env;
    helper_ra = tcgl_getpc();
    helper_tb = tcgl_exec_tb;
    helper_seen_x1 = e->x[1];   /* the global written just before the call */
    e->x[7] = 77;               /* visible to the code after the call */
}

static uint64_t h_mul1(uint64_t a, uint64_t b)
{
    return a * b + 1;
}

static uint32_t h_sub32(uint32_t a, uint32_t b)
{
    return a - b;
}

static uint64_t h_six(void *env, uint64_t a, uint32_t b, uint64_t c, uint32_t d, uint64_t e)
{
    cr_assert_not_null(env);
    return a + 2 * (uint64_t)b + 3 * c + 4 * (uint64_t)d + 5 * e;
}

static uint32_t h_ret32(void)
{
    return 0x80000001u;
}

static void h_consts(uint32_t a, uint64_t b)
{
    consts_a = a;
    consts_b = b;
}

static void setup(void)
{
    test_declare_globals();
    tcgl_set_mem_ops(&mock_mem_ops);
    memset(mock_mem, 0, sizeof(mock_mem));
    tcgl_helper_register("touch_env", (void *)h_env, 0, TCGL_HT_VOID, 1,
                         (const TCGLHelperType[]){ TCGL_HT_PTR });
    tcgl_helper_register("mul1", (void *)h_mul1, TCGL_CALL_PURE, TCGL_HT_I64, 2,
                         (const TCGLHelperType[]){ TCGL_HT_I64, TCGL_HT_I64 });
    tcgl_helper_register("sub32", (void *)h_sub32, TCGL_CALL_PURE, TCGL_HT_I32, 2,
                         (const TCGLHelperType[]){ TCGL_HT_I32, TCGL_HT_I32 });
    tcgl_helper_register("six", (void *)h_six, TCGL_CALL_NO_RWG, TCGL_HT_I64, 6,
                         (const TCGLHelperType[]){ TCGL_HT_PTR, TCGL_HT_I64, TCGL_HT_I32,
                                                   TCGL_HT_I64, TCGL_HT_I32, TCGL_HT_I64 });
    tcgl_helper_register("ret32", (void *)h_ret32, TCGL_CALL_PURE, TCGL_HT_I32, 0, NULL);
    tcgl_helper_register("consts", (void *)h_consts, TCGL_CALL_NO_RWG, TCGL_HT_VOID, 2,
                         (const TCGLHelperType[]){ TCGL_HT_I32, TCGL_HT_I64 });
}

TestSuite(tcgl_interp, .init = setup);

static TestEnv env_new(void)
{
    TestEnv e;
    memset(&e, 0, sizeof(e));
    for (int i = 0; i < 8; i++) {
        e.x[i] = 0x1000 * (uint64_t)i + 1;
    }
    for (int i = 0; i < 4; i++) {
        e.w[i] = 0x100u * (uint32_t)i + 1;
    }
    e.guard = 0x5a5a5a5a;
    return e;
}

/* ------------------------------------------------------------------ */

Test(tcgl_interp, globals_are_read_and_written_in_env)
{
    TestEnv env = env_new();
    env.x[2] = 5;
    env.x[3] = 7;
    uintptr_t r = test_run(&env, "add x1,x2,x3; movi_i32 w3,$-1; mov x4,x1; exit_tb 0x40", false);
    cr_assert_eq(r, 0x40);
    cr_assert_eq(env.x[1], 12);
    cr_assert_eq(env.x[4], 12);
    cr_assert_eq(env.w[3], 0xffffffffu);
    cr_assert_eq(env.w[2], 0x201u);
    cr_assert_eq(env.guard, 0x5a5a5a5a, "an i32 write touched the next field");
}

Test(tcgl_interp, a_block_without_exit_tb_returns_zero)
{
    TestEnv env = env_new();
    cr_assert_eq(test_run(&env, "movi x1,3", false), 0);
    cr_assert_eq(env.x[1], 3);
}

Test(tcgl_interp, a_long_chain_of_locals)
{
    TestEnv env = env_new();
    tcgl_func_start();
    TCGLv_i64 prev = tcgl_temp_new_i64();
    TCGLv_i64 x1 = tcgl_global_i64(offsetof(TestEnv, x) + 8, "x1");
    TCGLv_i64 x2 = tcgl_global_i64(offsetof(TestEnv, x) + 16, "x2");
    uint64_t want = env.x[1];
    tcgl_gen_mov_i64(prev, x1);
    for (int i = 0; i < 3000; i++) {
        TCGLv_i64 t = tcgl_temp_new_i64();
        tcgl_gen_addi_i64(t, prev, i);
        want += (uint64_t)i;
        prev = t;
    }
    tcgl_gen_mov_i64(x2, prev);
    tcgl_func_end();
    TranslationBlock *tb = test_tb_gen();
    tcgl_interp_backend.exec(&env, tb);
    cr_assert_eq(env.x[2], want);
    test_tb_free(tb);
}

/* n locals all live at once, then summed into x2. */
static void gen_many_live_locals(int n, bool with_loop)
{
    TCGLv_i64 x1 = tcgl_global_i64(offsetof(TestEnv, x) + 8, "x1");
    TCGLv_i64 x2 = tcgl_global_i64(offsetof(TestEnv, x) + 16, "x2");
    TCGLv_i64 *t = calloc((size_t)n, sizeof(*t));
    TCGLLabel *l = tcgl_label_new();

    tcgl_func_start();
    for (int i = 0; i < n; i++) {
        t[i] = tcgl_temp_new_i64();
        tcgl_gen_addi_i64(t[i], x1, i);
    }
    tcgl_set_label(l);
    tcgl_gen_movi_i64(x2, 0);
    for (int i = 0; i < n; i++) {
        tcgl_gen_add_i64(x2, x2, t[i]);
    }
    if (with_loop) {
        /* A backward branch: no frame slot can be reused. */
        tcgl_gen_brcondi_i64(TCGL_COND_EQ, x1, -12345, l);
    }
    tcgl_func_end();
    free(t);
}

Test(tcgl_interp, hundreds_of_locals_live_at_once)
{
    TestEnv env = env_new();
    gen_many_live_locals(900, true);
    TranslationBlock *tb = test_tb_gen();
    tcgl_interp_backend.exec(&env, tb);
    cr_assert_eq(env.x[2], 900 * env.x[1] + 900 * 899 / 2);
    test_tb_free(tb);
}

Test(tcgl_interp, a_block_needing_too_big_a_frame_fails_cleanly)
{
    TranslationBlock tb;
    memset(&tb, 0, sizeof(tb));
    gen_many_live_locals(1100, true);
    cr_assert_not(tcgl_interp_backend.gen_code(&tb));
    cr_assert_null(tb.code);
    cr_assert_null(tb.insn_data);
    cr_assert_null(tb.insn_end);
}

Test(tcgl_interp, memory_ops_get_the_memop_mmu_index_and_instruction_ra)
{
    TestEnv env = env_new();
    env.x[1] = 0x1234fffe;
    env.x[2] = 0x40;
    test_parse("---- 0x100 0; qemu_st x1,x2,ul,3;"
               "---- 0x104 0; qemu_ld x3,x2,sw,2; qemu_ld x4,x2,be_uw,1;"
               "---- 0x108 0; add t0,x2,$1; qemu_ld t1,t0,ub,1; mov x5,t1; exit_tb 0");
    TranslationBlock *tb = test_tb_gen();
    tcgl_interp_backend.exec(&env, tb);

    cr_assert_eq(last_store.addr, 0x40);
    cr_assert_eq(last_store.val, 0x1234fffe);
    cr_assert_eq(last_store.oi, make_memop_idx(MO_UL, 3));
    cr_assert_eq(last_store.ra, last_store.exec_ra, "tcgl_exec_ra not set before the store");
    cr_assert_eq(last_store.exec_tb, tb);
    cr_assert_eq(tcgl_tb_find_insn(tb, last_store.ra), 0);

    cr_assert_eq(last_load.count, 3);
    cr_assert_eq(last_load.addr, 0x41);
    cr_assert_eq(last_load.oi, make_memop_idx(MO_UB, 1));
    cr_assert_eq(last_load.ra, last_load.exec_ra);
    cr_assert_eq(env.x[3], (uint64_t)-2, "sign extension by the callee");
    cr_assert_eq(env.x[4], 0xfeff, "byte swap by the callee");
    cr_assert_eq(env.x[5], 0xff, "a load through locals (frame operands)");
    cr_assert_eq(tcgl_tb_find_insn(tb, last_load.ra), 2);
    test_tb_free(tb);
}

Test(tcgl_interp, a_fault_in_the_third_instruction_leaves_the_first_two_in_env)
{
    TestEnv env = env_new();
    const uint64_t x3_before = env.x[3];
    env.x[4] = MOCK_FAULT_ADDR + 8;
    test_parse("---- 0x200 0; movi t0,1; mov x1,t0;"
               "---- 0x204 0; add t1,x1,$1; mov x2,t1;"
               "---- 0x208 0; qemu_ld t2,x4,uq,0; mov x3,t2; movi x5,5;"
               "---- 0x20c 0; movi x1,99; exit_tb 0");
    tcgl_optimize();
    tcgl_liveness();
    TranslationBlock *tb = test_tb_gen();

    if (setjmp(mock_fault) == 0) {
        tcgl_interp_backend.exec(&env, tb);
        cr_assert_fail("the load did not fault");
    }
    cr_assert_eq(env.x[1], 1);
    cr_assert_eq(env.x[2], 2);
    cr_assert_eq(env.x[3], x3_before);
    cr_assert_eq(env.x[5], 0x5001);
    int insn = tcgl_tb_find_insn(tb, tcgl_exec_ra);
    cr_assert_eq(insn, 2);
    cr_assert_eq(tb->insn_data[insn][0], 0x208);

    /* The interpreter holds nothing across the longjmp: it runs again. */
    env.x[4] = 0x10;
    memcpy(&mock_mem[0x10], &(uint64_t){ 0xabcdef }, 8);
    cr_assert_eq(tcgl_interp_backend.exec(&env, tb), 0);
    cr_assert_eq(env.x[1], 99);
    cr_assert_eq(env.x[3], 0xabcdef);
    test_tb_free(tb);
}

Test(tcgl_interp, helper_calls_of_several_signatures_go_through_libffi)
{
    TestEnv env = env_new();
    env.x[3] = 6;
    env.x[4] = 7;
    env.w[2] = 10;
    env.w[3] = 3;
    env.x[6] = 1000;
    test_parse("---- 0x0 0; movi x1,41; call touch_env,env;"
               "---- 0x4 0; add x0,x7,$1; call mul1,x2,x3,x4; call sub32,w1,w2,w3;"
               "call six,x5,env,x3,w2,x4,w3,x6; call ret32,w0; call consts,$-1,$0x123456789;"
               "exit_tb 0");
    TranslationBlock *tb = test_tb_gen();
    tcgl_interp_backend.exec(&env, tb);

    cr_assert_eq(helper_seen_x1, 41, "the helper saw a stale global");
    cr_assert_eq(env.x[0], 78, "the helper's write to a global was not seen");
    cr_assert_eq(helper_tb, tb);
    cr_assert_eq(tcgl_tb_find_insn(tb, helper_ra), 0);
    cr_assert_eq(env.x[2], 43);
    cr_assert_eq(env.w[1], 7);
    cr_assert_eq(env.x[5], 6 + 2 * 10 + 3 * 7 + 4 * 3 + 5 * 1000);
    cr_assert_eq(env.w[0], 0x80000001u);
    cr_assert_eq(consts_a, 0xffffffffu);
    cr_assert_eq(consts_b, 0x123456789ull);
    test_tb_free(tb);
}

Test(tcgl_interp, an_i32_helper_result_writes_only_32_bits)
{
    TestEnv env = env_new();
    test_parse("call ret32,w3; exit_tb 0");
    TranslationBlock *tb = test_tb_gen();
    tcgl_interp_backend.exec(&env, tb);
    cr_assert_eq(env.w[3], 0x80000001u);
    cr_assert_eq(env.guard, 0x5a5a5a5a);
    test_tb_free(tb);
}

/* Lower `fmt` (with %lx for the TB's own address) into tb. */
static void gen_into(TranslationBlock *tb, const char *fmt)
{
    char text[512];
    snprintf(text, sizeof(text), fmt, (unsigned long)(uintptr_t)tb);
    test_parse(text);
    cr_assert(tcgl_interp_backend.gen_code(tb));
}

Test(tcgl_interp, goto_tb_continues_in_the_chained_block)
{
    TestEnv env = env_new();
    TranslationBlock *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
    gen_into(a, "---- 0x0 0; add x1,x1,$1; goto_tb 0; exit_tb 0x%lx");
    gen_into(b, "---- 0x10 0; mul x2,x1,$2; exit_tb 0x%lx");
    env.x[1] = 1;

    /* Unchained: falls through to its own exit. */
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), (uintptr_t)a);
    cr_assert_eq(env.x[1], 2);
    cr_assert_eq(env.x[2], 0x2001);

    tcgl_interp_backend.set_jmp_target(a, 0, b);
    cr_assert_eq(a->jmp_dest[0], b);
    /* b's exit_tb says b|0; the chained run ends there. */
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), (uintptr_t)b);
    cr_assert_eq(env.x[1], 3);
    cr_assert_eq(env.x[2], 6);
    cr_assert_eq(tcgl_exec_tb, b);

    tcgl_interp_backend.set_jmp_target(a, 0, NULL);
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), (uintptr_t)a);
    cr_assert_eq(env.x[1], 4);
    cr_assert_eq(env.x[2], 6);
    test_tb_free(a);
    test_tb_free(b);
}

Test(tcgl_interp, goto_tb_slot_1_and_exit_indexes)
{
    TestEnv env = env_new();
    TranslationBlock *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
    char text[256];
    snprintf(text, sizeof(text),
             "brcond x0,$0,eq,L0; goto_tb 1; exit_tb 0x%lx; L0: goto_tb 0; exit_tb 0x%lx",
             (unsigned long)((uintptr_t)a | 1), (unsigned long)(uintptr_t)a);
    test_parse(text);
    cr_assert(tcgl_interp_backend.gen_code(a));
    gen_into(b, "movi x5,55; exit_tb 0");

    cr_assert_eq(tcgl_interp_backend.exec(&env, a), (uintptr_t)a | 1);
    tcgl_interp_backend.set_jmp_target(a, 1, b);
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0);
    cr_assert_eq(env.x[5], 55);
    env.x[0] = 0;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), (uintptr_t)a);
    test_tb_free(a);
    test_tb_free(b);
}

Test(tcgl_interp, a_block_chained_to_itself_loops_until_its_exit)
{
    TestEnv env = env_new();
    TranslationBlock *a = calloc(1, sizeof(*a));
    env.x[1] = 1000;
    env.x[2] = 0;
    gen_into(a, "add x2,x2,x1; add x1,x1,$-1; brcond x1,$0,eq,L0; goto_tb 0; exit_tb 0x%lx;"
                "L0: exit_tb 0x8");
    tcgl_interp_backend.set_jmp_target(a, 0, a);
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 8);
    cr_assert_eq(env.x[2], 500500);
    test_tb_free(a);
}

static TranslationBlock *lookup_result;
static void *lookup_env;

static TranslationBlock *mock_lookup(void *env)
{
    lookup_env = env;
    return lookup_result;
}

Test(tcgl_interp, lookup_and_goto_ptr_continues_in_the_found_block_or_leaves)
{
    TestEnv env = env_new();
    TranslationBlock *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
    tcgl_set_lookup_fn(mock_lookup);
    gen_into(a, "add x1,x1,$1; lookup_and_goto_ptr; movi x6,6");
    gen_into(b, "movi x2,22; exit_tb 0x%lx");

    env.x[1] = 1;
    lookup_result = NULL;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), 0);
    cr_assert_eq(lookup_env, &env);
    cr_assert_eq(env.x[1], 2);
    cr_assert_eq(env.x[2], 0x2001);
    cr_assert_eq(env.x[6], 0x6001);

    lookup_result = b;
    cr_assert_eq(tcgl_interp_backend.exec(&env, a), (uintptr_t)b);
    cr_assert_eq(env.x[2], 22);
    cr_assert_eq(tcgl_exec_tb, b);
    test_tb_free(a);
    test_tb_free(b);
}

static void run_div(TestEnv *env, uint64_t a, uint64_t b)
{
    env->x[0] = a;
    env->x[1] = b;
    test_run(env, "div x2,x0,x1; rem x3,x0,x1; divu x4,x0,x1; remu x5,x0,x1", false);
}

Test(tcgl_interp, division_never_traps_and_gives_the_defined_results)
{
    TestEnv env = env_new();
    const uint64_t min = (uint64_t)INT64_MIN;

    run_div(&env, 7, 0);
    cr_assert_eq(env.x[2], UINT64_MAX);
    cr_assert_eq(env.x[3], 7);
    cr_assert_eq(env.x[4], UINT64_MAX);
    cr_assert_eq(env.x[5], 7);

    run_div(&env, min, (uint64_t)-1);
    cr_assert_eq(env.x[2], min);
    cr_assert_eq(env.x[3], 0);
    cr_assert_eq(env.x[4], 0);
    cr_assert_eq(env.x[5], min);

    run_div(&env, (uint64_t)-7, 2);
    cr_assert_eq(env.x[2], (uint64_t)-3);
    cr_assert_eq(env.x[3], (uint64_t)-1);

    env.w[0] = 0x80000000u;
    env.w[1] = 0xffffffffu;
    test_run(&env, "div_i32 w2,w0,w1; rem_i32 w3,w0,w1", false);
    cr_assert_eq(env.w[2], 0x80000000u);
    cr_assert_eq(env.w[3], 0);
    env.w[1] = 0;
    test_run(&env, "divu_i32 w2,w0,w1; remu_i32 w3,w0,w1", false);
    cr_assert_eq(env.w[2], 0xffffffffu);
    cr_assert_eq(env.w[3], 0x80000000u);

    /* The immediate forms too. */
    env.x[0] = 9;
    test_run(&env, "div x2,x0,$0; remu x3,x0,$0; rem_i32 w2,w0,$0; div_i32 w3,w0,$-1", false);
    cr_assert_eq(env.x[2], UINT64_MAX);
    cr_assert_eq(env.x[3], 9);
    cr_assert_eq(env.w[2], 0x80000000u);
    cr_assert_eq(env.w[3], 0x80000000u);
}

Test(tcgl_interp, a_backward_branch_loops_inside_a_block)
{
    TestEnv env = env_new();
    test_run(&env, "movi t0,0; movi t1,0; L0: add t1,t1,t0; add t0,t0,$1;"
                   "brcond t0,$11,ltu,L0; mov x2,t1; exit_tb 0", false);
    cr_assert_eq(env.x[2], 55);
    test_run(&env, "movi t0,0; movi t1,0; L0: add t1,t1,t0; add t0,t0,$1;"
                   "brcond t0,$11,ltu,L0; mov x3,t1; exit_tb 0", true);
    cr_assert_eq(env.x[3], 55);
}

Test(tcgl_interp, a_local_live_around_a_loop_keeps_its_slot)
{
    /*
     * t0's last use in program order is at the top of the loop, but the next
     * iteration reads it again: t2 must not take its frame slot.
     */
    TestEnv env = env_new();
    env.x[1] = env.x[2] = env.x[3] = 0;
    test_run(&env, "movi t0,5; L0: add x1,x1,t0; movi t2,100; add x2,x2,t2; add x3,x3,$1;"
                   "brcond x3,$4,ltu,L0; exit_tb 0", false);
    cr_assert_eq(env.x[1], 20);
    cr_assert_eq(env.x[2], 400);
}

Test(tcgl_interp, a_local_live_across_both_arms_of_a_branch_keeps_its_slot)
{
    static const char text[] =
        "movi t0,100; brcond x0,$0,eq,L1; add x1,t0,$1; br L2;"
        "L1: movi t1,5; add t2,t1,t1; add t3,t2,$0; add x1,t0,t3; L2: exit_tb 0";
    TestEnv env = env_new();
    env.x[0] = 0;
    test_run(&env, text, false);
    cr_assert_eq(env.x[1], 110);
    env.x[0] = 1;
    test_run(&env, text, false);
    cr_assert_eq(env.x[1], 101);
}

Test(tcgl_interp, constants_in_operand_positions_without_an_immediate_form)
{
    TestEnv env = env_new();
    env.x[2] = 4;
    env.x[3] = 0x20;
    test_run(&env, "sub x1,$10,x2; qemu_st $0x55,x3,ub,0; movcond x4,$1,x2,$7,$8,lt;"
                   "brcond $3,x2,ltu,L0; movi x5,1; L0: setcond x6,$3,x2,gtu; neg x7,$5;"
                   "ext_i32_i64 x0,$-2; exit_tb 0", false);
    cr_assert_eq(env.x[1], 6);
    cr_assert_eq(last_store.val, 0x55);
    cr_assert_eq(last_store.addr, 0x20);
    cr_assert_eq(env.x[4], 7);
    cr_assert_eq(env.x[5], 0x5001, "brcond $3 < x2 was not taken");
    cr_assert_eq(env.x[6], 0);
    cr_assert_eq(env.x[7], (uint64_t)-5);
    cr_assert_eq(env.x[0], (uint64_t)-2);
}

Test(tcgl_interp, env_fields_load_and_store_with_their_widths)
{
    TestEnv env = env_new();
    char text[512];
    size_t f = offsetof(TestEnv, field);
    env.field = 0x11223344f5667788ull;
    snprintf(text, sizeof(text),
             "ld_i64 x0,env,%zu; ld32u_i64 x1,env,%zu; ld32s_i64 x2,env,%zu; ld8u_i64 x3,env,%zu;"
             "ld_i32 w0,env,%zu; movi x4,$0x0102030405060708; st8_i64 x4,env,%zu;"
             "st32_i64 x4,env,%zu; st_i32 w1,env,%zu",
             f, f + 4, f + 4, f + 7, f, f, f + 4, f + 8);
    test_run(&env, text, false);
    cr_assert_eq(env.x[0], 0x11223344f5667788ull);
    cr_assert_eq(env.x[1], 0x11223344);
    cr_assert_eq(env.x[2], 0x11223344);
    cr_assert_eq(env.x[3], 0x11);
    cr_assert_eq(env.w[0], 0xf5667788u);
    cr_assert_eq(env.field, 0x05060708f5667708ull);
    cr_assert_eq(env.guard, 0x101, "st_i32 at the guard field");

    snprintf(text, sizeof(text), "ld32s_i64 x2,env,%zu; st_i64 x2,env,%zu", f, f);
    test_run(&env, text, false);
    cr_assert_eq(env.x[2], 0xfffffffff5667708ull);
    cr_assert_eq(env.field, 0xfffffffff5667708ull);
}

Test(tcgl_interp, the_instruction_map_covers_the_code)
{
    test_parse("---- 0x100 0x7; add x1,x1,$1; ---- 0x104 0x8; add x2,x2,$1; movi x3,0;"
               "---- 0x108 0x9; exit_tb 0");
    TranslationBlock *tb = test_tb_gen();
    cr_assert_eq(tb->icount, 3);
    cr_assert_eq(tb->insn_data[0][0], 0x100);
    cr_assert_eq(tb->insn_data[1][1], 0x8);
    cr_assert_eq(tb->insn_data[2][0], 0x108);
    cr_assert(tb->insn_end[0] > 0);
    cr_assert(tb->insn_end[0] < tb->insn_end[1]);
    cr_assert(tb->insn_end[1] < tb->insn_end[2]);
    cr_assert_eq(tb->insn_end[2], tb->code_size);

    uintptr_t code = (uintptr_t)tb->code;
    cr_assert_eq(tcgl_tb_find_insn(tb, code), 0);
    cr_assert_eq(tcgl_tb_find_insn(tb, code + tb->insn_end[0] - 1), 0);
    cr_assert_eq(tcgl_tb_find_insn(tb, code + tb->insn_end[0]), 1);
    cr_assert_eq(tcgl_tb_find_insn(tb, code + tb->insn_end[1]), 2);
    cr_assert_eq(tcgl_tb_find_insn(tb, code - 1), -1);
    cr_assert_eq(tcgl_tb_find_insn(tb, code + tb->code_size), -1);
    test_tb_free(tb);
}

Test(tcgl_interp, free_code_releases_and_clears)
{
    test_parse("---- 0x0 0; movi x1,1; exit_tb 0");
    TranslationBlock tb;
    memset(&tb, 0, sizeof(tb));
    cr_assert(tcgl_interp_backend.gen_code(&tb));
    tcgl_interp_backend.free_code(&tb);
    cr_assert_null(tb.code);
    cr_assert_null(tb.insn_data);
    cr_assert_null(tb.insn_end);
    cr_assert_eq(tb.code_size, 0);
    cr_assert_str_eq(tcgl_interp_backend.name, "interp");
}
