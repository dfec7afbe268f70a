/*
 * test-tcgl-dump: the text form of tcg-lite IR (-d op / -d op_opt) and its
 * parser: the exact format of every kind of op, dump -> parse -> dump round
 * trips, the accepted shorthands, and clear errors on malformed text.
 */
#include "test-tcgl-common.h"

static uint64_t helper_add(uint64_t a, uint64_t b)
{
    return a + b;
}

static void helper_touch(void *env, uint32_t v)
{
    ((TestEnv *)env)->w[0] = v;
}

static void setup(void)
{
    test_declare_globals();
    tcgl_helper_register("add2", (void *)helper_add, TCGL_CALL_PURE, TCGL_HT_I64, 2,
                         (const TCGLHelperType[]){ TCGL_HT_I64, TCGL_HT_I64 });
    tcgl_helper_register("touch", (void *)helper_touch, 0, TCGL_HT_VOID, 2,
                         (const TCGLHelperType[]){ TCGL_HT_PTR, TCGL_HT_I32 });
}

TestSuite(tcgl_dump, .init = setup);

static TCGLv_i64 g64(const char *name)
{
    /* Declaring again returns the existing global. */
    if (name[0] == 'p') {
        return tcgl_global_i64(offsetof(TestEnv, pc), "pc");
    }
    int i = name[1] - '0';
    char n[4] = { 'x', (char)('0' + i), 0, 0 };
    return tcgl_global_i64(offsetof(TestEnv, x) + 8 * i, n);
}

Test(tcgl_dump, builder_ops_print_in_the_documented_format)
{
    TranslationBlock *fake_tb = (TranslationBlock *)(uintptr_t)0x1000;
    tcgl_func_start();
    TCGLv_i64 t0 = tcgl_temp_new_i64();
    TCGLv_i64 t1 = tcgl_temp_new_i64();
    TCGLv_i32 t2 = tcgl_temp_new_i32();
    TCGLLabel *l = tcgl_label_new();

    tcgl_gen_insn_start(0x80000000, 3);
    tcgl_gen_addi_i64(t0, g64("x1"), 16);
    tcgl_gen_movi_i64(t1, -1);
    tcgl_gen_movi_i64(g64("x2"), 0x123456789);
    tcgl_gen_brcondi_i64(TCGL_COND_LTU, t0, 0, l);
    tcgl_gen_setcond_i64(TCGL_COND_GE, g64("x3"), t0, t1);
    tcgl_gen_movcond_i64(TCGL_COND_NE, g64("x4"), t0, t1, g64("x5"), tcgl_constant_i64(7));
    tcgl_gen_qemu_ld_i64(t1, t0, 1, MO_LESL);
    tcgl_gen_qemu_st_i64(t1, t0, 3, MO_UQ | MO_ALIGN);
    tcgl_gen_qemu_ld_i64(t1, t0, 0, MO_BEUW);
    tcgl_gen_ld_i64(t0, offsetof(TestEnv, field));
    tcgl_gen_st32_i64(t0, offsetof(TestEnv, field));
    tcgl_gen_extract_i64(t0, t1, 8, 4);
    tcgl_gen_deposit_i64(t0, t0, t1, 60, 4);
    tcgl_gen_extrl_i64_i32(t2, t0);
    tcgl_gen_call(tcgl_helper_lookup("touch"), NULL, (TCGLTemp *[]){ tcgl_env(), tcgl_temp_i32(t2) });
    tcgl_gen_call(tcgl_helper_lookup("add2"), tcgl_temp_i64(g64("x6")),
                  (TCGLTemp *[]){ tcgl_temp_i64(t0), tcgl_temp_i64(tcgl_constant_i64(-5)) });
    tcgl_set_label(l);
    tcgl_gen_goto_tb(1);
    tcgl_gen_exit_tb(fake_tb, 1);
    tcgl_gen_lookup_and_goto_ptr();
    tcgl_func_end();

    test_assert_ir(
        "---- 0x80000000 0x3\n"
        "add_i64 tmp0,x1,$16\n"
        "movi_i64 tmp1,$-1\n"
        "movi_i64 x2,$0x123456789\n"
        "brcond_i64 tmp0,$0,ltu,L0\n"
        "setcond_i64 x3,tmp0,tmp1,ge\n"
        "movcond_i64 x4,tmp0,tmp1,x5,$7,ne\n"
        "qemu_ld_i64 tmp1,tmp0,sl,1\n"
        "qemu_st_i64 tmp1,tmp0,uq_al,3\n"
        "qemu_ld_i64 tmp1,tmp0,be_uw,0\n"
        "ld_i64 tmp0,env,88\n"
        "st32_i64 tmp0,env,88\n"
        "extract_i64 tmp0,tmp1,8,4\n"
        "deposit_i64 tmp0,tmp0,tmp1,60,4\n"
        "extrl_i64_i32 tmp2,tmp0\n"
        "call touch,env,tmp2\n"
        "call add2,x6,tmp0,$-5\n"
        "set_label L0\n"
        "goto_tb 1\n"
        "exit_tb 0x1001\n"
        "lookup_and_goto_ptr\n");
    cr_assert_eq(tcgl_op_count(), 21);
}

Test(tcgl_dump, constants_print_decimal_when_small_and_hex_when_large)
{
    test_parse("movi_i64 x1,$65535; movi_i64 x1,$65536; movi_i64 x1,$-65535;"
               "movi_i64 x1,$-65536; movi_i32 w1,$-2147483648; movi_i64 x1,$0xffffffffffffffff");
    test_assert_ir("movi_i64 x1,$65535; movi_i64 x1,$0x10000; movi_i64 x1,$-65535;"
                   "movi_i64 x1,$0xffffffffffff0000; movi_i32 w1,$0x80000000; movi_i64 x1,$-1");
}

Test(tcgl_dump, dump_parses_back_to_the_same_ir)
{
    const char *text =
        "---- 0x1000 0x0\n"
        "mov_i64 tmp4,x1\n"
        "sub_i64 tmp5,tmp4,$0x8000000000000000\n"
        "mulsh_i64 x2,tmp5,x3\n"
        "div_i32 w1,w2,$-7\n"
        "rotl_i32 w2,w1,w3\n"
        "clz_i64 x3,x2\n"
        "ctpop_i32 w0,w0\n"
        "bswap64_i64 x4,x4\n"
        "sextract_i64 x5,x4,3,17\n"
        "ext16s_i64 x6,x5\n"
        "extu_i32_i64 x7,w0\n"
        "ext_i32_i64 x7,w1\n"
        "setcond_i32 w3,w1,w2,gtu\n"
        "movcond_i32 w0,w1,w2,w3,$1,le\n"
        "brcond_i32 w1,w2,never,L3\n"
        "brcond_i64 x1,x2,always,L7\n"
        "set_label L3\n"
        "ld8u_i64 tmp6,env,-8\n"
        "st_i32 w1,env,100\n"
        "qemu_ld_i64 x1,x2,be_sq_al,15\n"
        "call add2,tmp6,x1,tmp6\n"
        "set_label L7\n"
        "br L3\n";
    test_parse(text);
    test_assert_ir(text);
}

Test(tcgl_dump, shorthands_are_accepted)
{
    test_parse("insn_start 0x10, 2\n"
               "movi t0,3; add x1, t0 ,t0 # a comment; movi x2,1\n"
               "L5:\n"
               "exit_tb 0");
    test_assert_ir("---- 0x10 0x2; movi_i64 tmp0,$3; add_i64 x1,tmp0,tmp0; set_label L5; exit_tb 0x0");
}

Test(tcgl_dump, liveness_shows_dying_inputs_as_comments)
{
    test_parse("add t0,x1,x2; add t1,t0,x3; st_i64 t1,env,88; st_i64 t0,env,88");
    tcgl_liveness();
    char *got = test_ir_dump(true);
    cr_assert_str_eq(got,
                     "add_i64 tmp0,x1,x2\n"
                     "add_i64 tmp1,tmp0,x3\n"
                     "st_i64 tmp1,env,88  # dead: tmp1\n"
                     "st_i64 tmp0,env,88  # dead: tmp0\n");
    free(got);
    /* The annotated dump still parses. */
    test_parse("add_i64 tmp0,x1,x2  # dead: x1");
    cr_assert_eq(tcgl_op_count(), 1);
}

Test(tcgl_dump, types_come_from_the_op)
{
    test_parse("extrl_i64_i32 t0,x1; ext_i32_i64 t1,t0; mov_i64 x2,t1");
    test_assert_ir("extrl_i64_i32 tmp0,x1; ext_i32_i64 tmp1,tmp0; mov_i64 x2,tmp1");
}

static void assert_parse_error(const char *text, const char *needle)
{
    char err[256];
    cr_assert_not(tcgl_parse(text, err, sizeof(err)), "accepted: %s", text);
    cr_assert(strstr(err, needle), "error for '%s' was '%s', wanted '%s'", text, err, needle);
    cr_assert_eq(tcgl_op_count(), 0, "IR left after a failed parse");
}

Test(tcgl_dump, malformed_text_is_a_clear_error)
{
    assert_parse_error("frobnicate x1", "unknown op 'frobnicate'");
    assert_parse_error("add_i64 x1,x2", "add_i64 takes 3 arguments, not 2");
    assert_parse_error("movi x1,1\nadd_i64 x1,x2,y9", "line 2: unknown temp 'y9'");
    assert_parse_error("add_i64 w1,x2,x3", "global w1 is not i64");
    assert_parse_error("add_i64 t0,x1,x2; add_i32 w1,t0,w2", "t0 used as i32 but is i64");
    assert_parse_error("add_i64 $1,x2,x3", "constant $1 cannot be written");
    assert_parse_error("setcond_i64 x1,x2,x3,sometimes", "bad condition 'sometimes'");
    assert_parse_error("qemu_ld_i64 x1,x2,ux,0", "bad memop 'ux'");
    assert_parse_error("qemu_ld_i64 x1,x2,ub,16", "bad mmu index '16'");
    assert_parse_error("br L4", "label L4 is used but never set");
    assert_parse_error("set_label L1; L1:", "label L1 set twice");
    assert_parse_error("movi x1,12z", "bad number '12z'");
    assert_parse_error("movi x1,$0x", "bad number");
    assert_parse_error("extract_i64 x1,x2,60,8", "bad bit field 60,8");
    assert_parse_error("goto_tb 2", "goto_tb slot must be 0 or 1");
    assert_parse_error("call nosuchhelper,x1", "unknown helper 'nosuchhelper'");
    assert_parse_error("call touch,x1,w1", "argument 1 of touch must be env");
    assert_parse_error("call add2,x1,x2", "call add2 takes 3 arguments");
    assert_parse_error("add_i64 x1,,x2", "empty argument");
    assert_parse_error("ld_i64 x1,x2,8", "expected env");
    assert_parse_error("mov_i64 x1,env", "env is only a helper argument");
    assert_parse_error("---- zz", "bad insn_start");
    assert_parse_error("add_i64 tmp99999999,x1,x2", "unknown temp");
}

Test(tcgl_dump, a_failed_parse_leaves_no_ir_and_a_good_one_replaces_it)
{
    test_parse("movi x1,1; movi x2,2");
    cr_assert_eq(tcgl_op_count(), 2);
    cr_assert_not(tcgl_parse("movi x1", NULL, 0));
    cr_assert_eq(tcgl_op_count(), 0);
    test_parse("movi x3,3");
    test_assert_ir("movi_i64 x3,$3");
}
