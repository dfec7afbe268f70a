/*
 * test-tcgl-liveness: tcgl_liveness on small IR sequences: which inputs die
 * where (shown as "# dead:" in the dump), dead-code elimination across
 * labels and loops, and mov coalescing ("op t; mov x,t" -> "op x").
 */
#include "test-tcgl-common.h"

static uint64_t helper_i64(uint64_t a)
{
    return a * 3;
}

static void setup(void)
{
    test_declare_globals();
    const TCGLHelperType one_i64[] = { TCGL_HT_I64 };
    tcgl_helper_register("pure", (void *)helper_i64, TCGL_CALL_PURE, TCGL_HT_I64, 1, one_i64);
    tcgl_helper_register("impure", (void *)helper_i64, 0, TCGL_HT_I64, 1, one_i64);
}

TestSuite(tcgl_liveness, .init = setup);

static void assert_liveness(const char *input, const char *expected)
{
    test_parse(input);
    tcgl_liveness();
    char *got = test_ir_dump(true);
    char *want = test_ir_norm(expected, true);
    cr_assert_str_eq(got, want, "-- got:\n%s-- want:\n%s", got, want);
    free(got);
    free(want);
}

Test(tcgl_liveness, an_input_dies_at_its_last_use)
{
    assert_liveness("add t0,x1,x2; add t1,t0,x3; add x4,t1,t0",
                    "add_i64 tmp0,x1,x2\n"
                    "add_i64 tmp1,tmp0,x3\n"
                    "add_i64 x4,tmp1,tmp0  # dead: tmp1,tmp0\n");
}

Test(tcgl_liveness, globals_and_constants_never_die)
{
    assert_liveness("add x1,x2,$3; add x3,x1,x2", "add_i64 x1,x2,$3\nadd_i64 x3,x1,x2\n");
}

Test(tcgl_liveness, op_then_mov_to_a_global_is_coalesced)
{
    assert_liveness("add t0,x1,x2; mov x3,t0", "add_i64 x3,x1,x2\n");
    assert_liveness("qemu_ld t0,x1,sl,0; mov x2,t0", "qemu_ld_i64 x2,x1,sl,0\n");
    assert_liveness("call impure,t0,x1; mov x2,t0", "call impure,x2,x1\n");
}

Test(tcgl_liveness, no_coalescing_when_the_temp_is_used_later)
{
    assert_liveness("add t0,x1,x2; mov x3,t0; add x4,t0,$1",
                    "add_i64 tmp0,x1,x2\nmov_i64 x3,tmp0\nadd_i64 x4,tmp0,$1  # dead: tmp0\n");
}

Test(tcgl_liveness, no_coalescing_across_another_op)
{
    assert_liveness("add t0,x1,x2; movi x5,1; mov x3,t0",
                    "add_i64 tmp0,x1,x2\nmovi_i64 x5,$1\nmov_i64 x3,tmp0  # dead: tmp0\n");
}

Test(tcgl_liveness, locals_are_dead_when_the_block_is_left)
{
    assert_liveness("movi t0,1; add t1,x1,$2; exit_tb 0; L0: mov x1,t0; exit_tb 0",
                    "exit_tb 0x0\nset_label L0\nmov_i64 x1,tmp0  # dead: tmp0\nexit_tb 0x0\n");
}

Test(tcgl_liveness, a_local_used_after_a_label_stays_alive_before_it)
{
    assert_liveness("movi t0,5; brcond x1,$0,eq,L0; movi x2,1; L0: mov x3,t0; exit_tb 0",
                    "movi_i64 tmp0,$5\n"
                    "brcond_i64 x1,$0,eq,L0\n"
                    "movi_i64 x2,$1\n"
                    "set_label L0\n"
                    "mov_i64 x3,tmp0  # dead: tmp0\n"
                    "exit_tb 0x0\n");
}

Test(tcgl_liveness, a_local_is_live_on_the_taken_path_of_a_brcond)
{
    /* t0 is not used on the fall-through path but is on the branch target. */
    assert_liveness("movi t0,5; brcond x1,$0,eq,L0; exit_tb 0; L0: mov x3,t0; exit_tb 0",
                    "movi_i64 tmp0,$5\n"
                    "brcond_i64 x1,$0,eq,L0\n"
                    "exit_tb 0x0\n"
                    "set_label L0\n"
                    "mov_i64 x3,tmp0  # dead: tmp0\n"
                    "exit_tb 0x0\n");
}

Test(tcgl_liveness, a_local_used_in_a_loop_lives_around_the_back_edge)
{
    assert_liveness("movi t0,1; movi t1,7; L0: add x1,x1,t0; brcond x1,$10,ltu,L0;"
                    "add x2,x2,t1; exit_tb 0",
                    "movi_i64 tmp0,$1\n"
                    "movi_i64 tmp1,$7\n"
                    "set_label L0\n"
                    "add_i64 x1,x1,tmp0\n"
                    "brcond_i64 x1,$10,ltu,L0\n"
                    "add_i64 x2,x2,tmp1  # dead: tmp1\n"
                    "exit_tb 0x0\n");
}

Test(tcgl_liveness, a_value_made_in_a_loop_and_unused_is_removed)
{
    assert_liveness("L0: add t0,x1,$1; add x1,x1,$1; brcond x1,$10,ltu,L0; exit_tb 0",
                    "set_label L0\nadd_i64 x1,x1,$1\nbrcond_i64 x1,$10,ltu,L0\nexit_tb 0x0\n");
}

Test(tcgl_liveness, a_value_carried_around_a_loop_is_kept)
{
    /*
     * t0 is read at the top of the loop before being written at its bottom:
     * the value made by the increment lives around the back edge (the one
     * it reads dies there, being replaced).
     */
    assert_liveness("movi t0,0; L0: add x1,x1,t0; add t0,t0,$1; brcond t0,$5,ne,L0; exit_tb 0",
                    "movi_i64 tmp0,$0\n"
                    "set_label L0\n"
                    "add_i64 x1,x1,tmp0\n"
                    "add_i64 tmp0,tmp0,$1  # dead: tmp0\n"
                    "brcond_i64 tmp0,$5,ne,L0\n"
                    "exit_tb 0x0\n");
}

Test(tcgl_liveness, dead_pure_calls_go_impure_calls_stay)
{
    assert_liveness("call pure,t0,x1; call impure,t1,x1",
                    "call impure,tmp1,x1\n");
}

Test(tcgl_liveness, stores_and_guest_memory_ops_are_never_removed)
{
    assert_liveness("movi t0,1; st_i64 t0,env,88; qemu_ld t1,x1,ub,0; qemu_st t0,x1,ub,0",
                    "movi_i64 tmp0,$1\n"
                    "st_i64 tmp0,env,88\n"
                    "qemu_ld_i64 tmp1,x1,ub,0\n"
                    "qemu_st_i64 tmp0,x1,ub,0  # dead: tmp0\n");
}

Test(tcgl_liveness, optimize_then_liveness_shrinks_a_frontend_style_block)
{
    /* What a frontend emits for "addi x1,x2,5; add x3,x1,x1". */
    test_parse("---- 0x0 0; mov t0,x2; add t1,t0,$5; mov x1,t1;"
               "---- 0x4 0; mov t2,x1; mov t3,x1; add t4,t2,t3; mov x3,t4; exit_tb 0");
    tcgl_optimize();
    tcgl_liveness();
    test_assert_ir("---- 0x0 0x0; add_i64 x1,x2,$5; ---- 0x4 0x0; add_i64 x3,x1,x1; exit_tb 0x0");
}
