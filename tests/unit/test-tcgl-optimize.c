/*
 * test-tcgl-optimize: tcgl_optimize on small IR sequences: constant folding,
 * copy propagation within extended basic blocks (and where it must stop:
 * labels, helper calls that touch globals, env stores over a global),
 * branch folding, unreachable code, dead-code elimination, and the
 * guest-state rules (a write to a global is never dropped or moved).
 */
#include "test-tcgl-common.h"

static void helper_void(void *env)
{
    (void)env;
}

static uint64_t helper_i64(uint64_t a)
{
    return a + 1;
}

static void setup(void)
{
    test_declare_globals();
    const TCGLHelperType env_only[] = { TCGL_HT_PTR };
    const TCGLHelperType one_i64[] = { TCGL_HT_I64 };
    tcgl_helper_register("rwg", (void *)helper_void, 0, TCGL_HT_VOID, 1, env_only);
    tcgl_helper_register("norwg", (void *)helper_void, TCGL_CALL_NO_RWG, TCGL_HT_VOID, 1,
                         env_only);
    tcgl_helper_register("pure", (void *)helper_i64, TCGL_CALL_PURE, TCGL_HT_I64, 1, one_i64);
    tcgl_helper_register("sidefx", (void *)helper_i64, TCGL_CALL_NO_RWG, TCGL_HT_I64, 1,
                         one_i64);
}

TestSuite(tcgl_optimize, .init = setup);

Test(tcgl_optimize, constant_add_folds_to_movi)
{
    test_assert_optimizes_to("movi t0,3; add x1,t0,t0", "movi_i64 x1,$6");
}

Test(tcgl_optimize, constants_fold_through_a_chain_of_ops)
{
    test_assert_optimizes_to("movi t0,5; shl t1,t0,$4; sub t2,t1,$1; xor t3,t2,$0xf0; mov x1,t3",
                             "movi_i64 x1,$191");
}

Test(tcgl_optimize, copy_propagation_reads_the_source_through_movs)
{
    test_assert_optimizes_to("mov t0,x2; mov t1,t0; add x1,t1,x3", "add_i64 x1,x2,x3");
}

Test(tcgl_optimize, a_copy_of_a_global_prefers_the_global)
{
    /* x1 holds t0's value: later reads use x1 and t0 dies at the mov. */
    test_assert_optimizes_to("add t0,x2,x3; mov x1,t0; add x4,t0,$1",
                             "add_i64 tmp0,x2,x3; mov_i64 x1,tmp0; add_i64 x4,x1,$1");
}

Test(tcgl_optimize, a_copy_is_forgotten_when_its_source_is_overwritten)
{
    test_assert_optimizes_to("mov t0,x1; movi x1,7; add x2,t0,$1",
                             "mov_i64 tmp0,x1; movi_i64 x1,$7; add_i64 x2,tmp0,$1");
}

Test(tcgl_optimize, brcond_on_constants_becomes_br)
{
    test_assert_optimizes_to(
        "brcond x3,$0,eq,L0; movi t0,1; brcond t0,$0,ne,L1; movi x1,1;"
        "L0: movi x2,2; L1: exit_tb 0",
        "brcond_i64 x3,$0,eq,L0; br L1; set_label L0; movi_i64 x2,$2; set_label L1; exit_tb 0x0");
}

Test(tcgl_optimize, brcond_never_taken_disappears_with_its_label)
{
    test_assert_optimizes_to("movi t0,1; brcond t0,$0,eq,L0; movi x1,1; L0: movi x2,2; exit_tb 0",
                             "movi_i64 x1,$1; movi_i64 x2,$2; exit_tb 0x0");
}

Test(tcgl_optimize, brcond_always_taken_to_the_next_label_disappears_with_the_skipped_code)
{
    test_assert_optimizes_to("movi t0,1; brcond t0,$1,eq,L0; movi x1,1; L0: movi x2,2; exit_tb 0",
                             "movi_i64 x2,$2; exit_tb 0x0");
}

Test(tcgl_optimize, brcond_of_a_temp_with_itself_folds)
{
    test_assert_optimizes_to("brcond x1,x1,ltu,L0; movi x2,1; L0: exit_tb 0",
                             "movi_i64 x2,$1; exit_tb 0x0");
}

Test(tcgl_optimize, code_after_exit_tb_is_removed_up_to_the_next_label)
{
    test_assert_optimizes_to(
        "---- 0x100 0; brcond x1,x2,eq,L0; exit_tb 0; movi x1,1; add x2,x2,x3;"
        "---- 0x104 0; br L0; L0: movi x3,3; exit_tb 0",
        "---- 0x100 0x0; brcond_i64 x1,x2,eq,L0; exit_tb 0x0; ---- 0x104 0x0;"
        "set_label L0; movi_i64 x3,$3; exit_tb 0x0");
}

Test(tcgl_optimize, knowledge_survives_the_fall_through_of_a_brcond)
{
    test_assert_optimizes_to("movi x1,5; brcond x2,$0,eq,L0; add x3,x1,$1; L0: exit_tb 0",
                             "movi_i64 x1,$5; brcond_i64 x2,$0,eq,L0; movi_i64 x3,$6;"
                             "set_label L0; exit_tb 0x0");
}

Test(tcgl_optimize, knowledge_is_dropped_at_labels)
{
    test_assert_optimizes_to("movi x1,5; brcond x2,$0,eq,L0; movi x4,1; L0: add x3,x1,$1; exit_tb 0",
                             "movi_i64 x1,$5; brcond_i64 x2,$0,eq,L0; movi_i64 x4,$1;"
                             "set_label L0; add_i64 x3,x1,$1; exit_tb 0x0");
}

Test(tcgl_optimize, a_brcond_to_the_next_label_disappears)
{
    test_assert_optimizes_to("movi x1,5; brcond x2,$0,eq,L0; L0: add x3,x1,$1; exit_tb 0",
                             "movi_i64 x1,$5; movi_i64 x3,$6; exit_tb 0x0");
}

Test(tcgl_optimize, a_loop_header_is_not_folded_with_the_entry_value)
{
    test_assert_optimizes_to("movi x1,0; L0: add x1,x1,$1; brcond x1,$10,ne,L0; exit_tb 0",
                             "movi_i64 x1,$0; set_label L0; add_i64 x1,x1,$1;"
                             "brcond_i64 x1,$10,ne,L0; exit_tb 0x0");
}

Test(tcgl_optimize, a_call_that_may_touch_globals_drops_what_is_known_about_them)
{
    test_assert_optimizes_to("movi x1,5; call rwg,env; add x2,x1,$1",
                             "movi_i64 x1,$5; call rwg,env; add_i64 x2,x1,$1");
}

Test(tcgl_optimize, a_no_rwg_call_keeps_what_is_known_about_globals)
{
    test_assert_optimizes_to("movi x1,5; call norwg,env; add x2,x1,$1",
                             "movi_i64 x1,$5; call norwg,env; movi_i64 x2,$6");
}

Test(tcgl_optimize, locals_keep_their_values_across_calls)
{
    test_assert_optimizes_to("movi t0,5; call rwg,env; add x2,t0,$1",
                             "call rwg,env; movi_i64 x2,$6");
}

Test(tcgl_optimize, a_local_copy_of_a_global_is_not_replaced_by_it_after_a_call)
{
    /* The helper may change x1: t0 still holds the old value. */
    test_assert_optimizes_to("mov t0,x1; call rwg,env; add x2,t0,$1",
                             "mov_i64 tmp0,x1; call rwg,env; add_i64 x2,tmp0,$1");
}

Test(tcgl_optimize, an_env_store_over_a_global_drops_what_is_known_about_it)
{
    char text[256];
    snprintf(text, sizeof(text), "movi x1,5; st32_i64 x2,env,%zu; add x3,x1,$1",
             offsetof(TestEnv, x) + 8 + 4);
    test_parse(text);
    tcgl_optimize();
    char want[256];
    snprintf(want, sizeof(want), "movi_i64 x1,$5; st32_i64 x2,env,%zu; add_i64 x3,x1,$1",
             offsetof(TestEnv, x) + 8 + 4);
    test_assert_ir(want);
}

Test(tcgl_optimize, an_env_store_elsewhere_keeps_what_is_known)
{
    test_assert_optimizes_to("movi x1,5; st_i64 x2,env,88; add x3,x1,$1",
                             "movi_i64 x1,$5; st_i64 x2,env,88; movi_i64 x3,$6");
}

Test(tcgl_optimize, writes_to_globals_are_never_dead)
{
    test_assert_optimizes_to("movi x1,1; add x1,x2,x3; movi x1,2",
                             "movi_i64 x1,$1; add_i64 x1,x2,x3; movi_i64 x1,$2");
}

Test(tcgl_optimize, a_write_of_the_value_a_global_already_holds_is_dropped)
{
    test_assert_optimizes_to("mov x1,x2; mov x1,x2; movi x3,4; movi x3,4",
                             "mov_i64 x1,x2; movi_i64 x3,$4");
}

Test(tcgl_optimize, ops_with_dead_local_outputs_are_removed)
{
    test_assert_optimizes_to("add t0,x1,x2; mul t1,t0,t0; ld_i64 t2,env,88; movi x3,1",
                             "movi_i64 x3,$1");
}

Test(tcgl_optimize, pure_calls_with_dead_results_are_removed_others_stay)
{
    test_assert_optimizes_to("call pure,t0,x1; call sidefx,t1,x1; call norwg,env",
                             "call sidefx,tmp1,x1; call norwg,env");
}

Test(tcgl_optimize, loads_from_guest_memory_stay_even_when_unused)
{
    /* A load may fault or read a device: never dead code. */
    test_assert_optimizes_to("qemu_ld t0,x1,ul,0", "qemu_ld_i64 tmp0,x1,ul,0");
}

Test(tcgl_optimize, algebraic_identities)
{
    test_assert_optimizes_to("add x1,x2,$0", "mov_i64 x1,x2");
    test_assert_optimizes_to("and x1,x2,$0", "movi_i64 x1,$0");
    test_assert_optimizes_to("and x1,x2,$-1", "mov_i64 x1,x2");
    test_assert_optimizes_to("or x1,x2,$-1", "movi_i64 x1,$-1");
    test_assert_optimizes_to("xor x1,x2,x2", "movi_i64 x1,$0");
    test_assert_optimizes_to("sub x1,x2,x2", "movi_i64 x1,$0");
    test_assert_optimizes_to("mul x1,x2,$1", "mov_i64 x1,x2");
    test_assert_optimizes_to("mul x1,x2,$0", "movi_i64 x1,$0");
    test_assert_optimizes_to("divu x1,x2,$1", "mov_i64 x1,x2");
    test_assert_optimizes_to("shl x1,x2,$0", "mov_i64 x1,x2");
    test_assert_optimizes_to("sar x1,$0,x2", "movi_i64 x1,$0");
    test_assert_optimizes_to("eqv x1,x2,x2", "movi_i64 x1,$-1");
    test_assert_optimizes_to("and_i32 w1,w2,$-1", "mov_i32 w1,w2");
}

Test(tcgl_optimize, constants_move_to_the_second_operand_of_commutative_ops)
{
    test_assert_optimizes_to("add x1,$5,x2; sub x3,$5,x2", "add_i64 x1,x2,$5; sub_i64 x3,$5,x2");
}

Test(tcgl_optimize, i32_folding_wraps_at_32_bits)
{
    test_assert_optimizes_to("movi_i32 t0,$0x7fffffff; add_i32 w1,t0,$1",
                             "movi_i32 w1,$0x80000000");
    test_assert_optimizes_to("movi_i32 t0,$-1; extu_i32_i64 x1,t0", "movi_i64 x1,$0xffffffff");
    test_assert_optimizes_to("movi_i32 t0,$-1; ext_i32_i64 x1,t0", "movi_i64 x1,$-1");
    test_assert_optimizes_to("movi t0,$0x1ffffffff; extrl_i64_i32 w1,t0", "movi_i32 w1,$-1");
}

Test(tcgl_optimize, division_folds_with_the_defined_corner_cases)
{
    test_assert_optimizes_to("movi t0,5; div x1,t0,$0; rem x2,t0,$0; divu x3,t0,$0; remu x4,t0,$0",
                             "movi_i64 x1,$-1; movi_i64 x2,$5; movi_i64 x3,$-1; movi_i64 x4,$5");
    test_assert_optimizes_to("movi t0,$0x8000000000000000; div x1,t0,$-1; rem x2,t0,$-1",
                             "movi_i64 x1,$0x8000000000000000; movi_i64 x2,$0");
    test_assert_optimizes_to("movi_i32 t0,$-2147483648; div_i32 w1,t0,$-1; rem_i32 w2,t0,$-1",
                             "movi_i32 w1,$0x80000000; movi_i32 w2,$0");
}

Test(tcgl_optimize, setcond_and_movcond_fold)
{
    test_assert_optimizes_to("movi t0,-1; setcond x1,t0,$1,lt; setcond x2,t0,$1,ltu",
                             "movi_i64 x1,$1; movi_i64 x2,$0");
    test_assert_optimizes_to("setcond x1,x2,x2,geu", "movi_i64 x1,$1");
    test_assert_optimizes_to("movi t0,3; movcond x1,t0,$3,x2,x3,eq", "mov_i64 x1,x2");
    test_assert_optimizes_to("movcond x1,x4,x5,x2,x2,lt", "mov_i64 x1,x2");
    test_assert_optimizes_to("setcond x1,$1,x2,lt", "setcond_i64 x1,x2,$1,gt");
}

Test(tcgl_optimize, extract_and_deposit_fold)
{
    test_assert_optimizes_to("movi t0,$0x12345678; extract x1,t0,8,8; sextract x2,t0,4,4;"
                             "deposit x3,t0,$0xff,60,4",
                             "movi_i64 x1,$86; movi_i64 x2,$7; movi_i64 x3,$0xf000000012345678");
}

Test(tcgl_optimize, global_writes_and_faulting_ops_keep_their_order)
{
    /* Nothing may move across the load: a fault there must see x1 = 1, x2 old. */
    const char *text =
        "---- 0x0 0x0; movi_i64 x1,$1;"
        "---- 0x4 0x0; qemu_ld_i64 x3,x4,uq,0;"
        "---- 0x8 0x0; add_i64 x1,x3,x2; movi_i64 x2,$9;"
        "---- 0xc 0x0; qemu_st_i64 x1,x4,uq,0; exit_tb 0x0";
    test_assert_optimizes_to(text, text);
}

Test(tcgl_optimize, insn_start_survives_in_unreachable_code)
{
    test_assert_optimizes_to("---- 0x0 0; exit_tb 0; ---- 0x4 0; movi x1,1; exit_tb 0",
                             "---- 0x0 0x0; exit_tb 0x0; ---- 0x4 0x0");
}
