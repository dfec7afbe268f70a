/*
 * test-tcgl-helpers: the helper registry: entries keep their name,
 * function, signature and flags, are found by name, and every helper with
 * the same signature shares one ffi_cif prepared at registration.
 */
#include "test-tcgl-common.h"

static uint64_t h_a(uint64_t x, uint64_t y)
{
    return x + y;
}

static uint64_t h_b(uint64_t x, uint64_t y)
{
    return x - y;
}

static uint32_t h_c(uint32_t x, uint64_t y)
{
    return x + (uint32_t)y;
}

static void h_d(void *env)
{
    (void)env;
}

static const TCGLHelperType i64_i64[] = { TCGL_HT_I64, TCGL_HT_I64 };
static const TCGLHelperType i32_i64[] = { TCGL_HT_I32, TCGL_HT_I64 };
static const TCGLHelperType ptr[] = { TCGL_HT_PTR };

Test(tcgl_helpers, an_entry_keeps_what_was_registered)
{
    const TCGLHelperInfo *a = tcgl_helper_register("add", (void *)h_a, TCGL_CALL_PURE,
                                                   TCGL_HT_I64, 2, i64_i64);
    cr_assert_not_null(a);
    cr_assert_str_eq(a->name, "add");
    cr_assert_eq(a->func, (void *)h_a);
    cr_assert_eq(a->flags, TCGL_CALL_PURE);
    cr_assert_eq(a->ret, TCGL_HT_I64);
    cr_assert_eq(a->nargs, 2);
    cr_assert_eq(a->args[0], TCGL_HT_I64);
    cr_assert_eq(a->args[1], TCGL_HT_I64);
    cr_assert_not_null(a->cif);
}

Test(tcgl_helpers, helpers_are_found_by_name)
{
    const TCGLHelperInfo *a = tcgl_helper_register("add", (void *)h_a, 0, TCGL_HT_I64, 2, i64_i64);
    const TCGLHelperInfo *d = tcgl_helper_register("raise", (void *)h_d, 0, TCGL_HT_VOID, 1, ptr);
    cr_assert_eq(tcgl_helper_lookup("add"), a);
    cr_assert_eq(tcgl_helper_lookup("raise"), d);
    cr_assert_null(tcgl_helper_lookup("missing"));
    cr_assert_null(tcgl_helper_lookup("ad"));
}

Test(tcgl_helpers, one_cif_per_distinct_signature)
{
    const TCGLHelperInfo *a = tcgl_helper_register("add", (void *)h_a, 0, TCGL_HT_I64, 2, i64_i64);
    const TCGLHelperInfo *b = tcgl_helper_register("sub", (void *)h_b, TCGL_CALL_PURE,
                                                   TCGL_HT_I64, 2, i64_i64);
    const TCGLHelperInfo *c = tcgl_helper_register("mix", (void *)h_c, 0, TCGL_HT_I32, 2, i32_i64);
    const TCGLHelperInfo *c2 = tcgl_helper_register("mix_void", (void *)h_d, 0, TCGL_HT_VOID, 2,
                                                    i32_i64);
    const TCGLHelperInfo *d = tcgl_helper_register("raise", (void *)h_d, 0, TCGL_HT_VOID, 1, ptr);
    cr_assert_eq(a->cif, b->cif, "same signature, different cif");
    cr_assert_neq(a->cif, c->cif);
    cr_assert_neq(c->cif, c2->cif, "the return type is part of the signature");
    cr_assert_neq(c->cif, d->cif);
}

Test(tcgl_helpers, registering_the_same_helper_again_returns_the_same_entry)
{
    const TCGLHelperInfo *a = tcgl_helper_register("add", (void *)h_a, 0, TCGL_HT_I64, 2, i64_i64);
    const TCGLHelperInfo *a2 = tcgl_helper_register("add", (void *)h_a, 0, TCGL_HT_I64, 2, i64_i64);
    cr_assert_eq(a, a2);
}

Test(tcgl_helpers, a_registered_helper_runs_through_its_shared_cif)
{
    test_declare_globals();
    tcgl_helper_register("add", (void *)h_a, TCGL_CALL_PURE, TCGL_HT_I64, 2, i64_i64);
    tcgl_helper_register("sub", (void *)h_b, TCGL_CALL_PURE, TCGL_HT_I64, 2, i64_i64);
    TestEnv env;
    memset(&env, 0, sizeof(env));
    env.x[1] = 30;
    env.x[2] = 12;
    test_run(&env, "call add,x3,x1,x2; call sub,x4,x1,x2", false);
    cr_assert_eq(env.x[3], 42);
    cr_assert_eq(env.x[4], 18);
}
