/*
 * test-tcgl-common.h: what the tcg-lite unit tests share: a fake CPU state
 * whose fields are declared as globals, IR from text, the IR dump as a
 * normalized string, and building and running a TB with the interpreter.
 */
#ifndef TEST_TCGL_COMMON_H
#define TEST_TCGL_COMMON_H

#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/tb.h"
#include "lemu/tcgl.h"

typedef struct TestEnv {
    uint64_t x[8];
    uint32_t w[4];
    uint64_t pc;
    uint64_t field;         /* an env field that is not a global */
    uint32_t guard;         /* next to w[3]: must survive i32 writes */
} TestEnv;

/* Globals x0..x7 (i64), w0..w3 (i32), pc (i64). */
static inline void test_declare_globals(void)
{
    char name[8];
    for (int i = 0; i < 8; i++) {
        snprintf(name, sizeof(name), "x%d", i);
        tcgl_global_i64(offsetof(TestEnv, x) + 8 * i, name);
    }
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof(name), "w%d", i);
        tcgl_global_i32(offsetof(TestEnv, w) + 4 * i, name);
    }
    tcgl_global_i64(offsetof(TestEnv, pc), "pc");
}

/* Statements one a line, trimmed, without comments or empty lines. */
static inline char *test_ir_norm(const char *text, bool keep_comments)
{
    size_t len = strlen(text);
    char *out = malloc(len + 2), *o = out;
    const char *s = text;
    while (*s) {
        size_t n = strcspn(s, keep_comments ? ";\n" : ";\n#");
        const char *b = s, *e = s + n;
        while (b < e && (*b == ' ' || *b == '\t')) {
            b++;
        }
        while (e > b && (e[-1] == ' ' || e[-1] == '\t')) {
            e--;
        }
        if (e > b) {
            memcpy(o, b, (size_t)(e - b));
            o += e - b;
            *o++ = '\n';
        }
        s += n;
        if (*s == '#') {
            s += strcspn(s, "\n");
        }
        if (*s) {
            s++;
        }
    }
    *o = 0;
    return out;
}

/* The current IR as text, normalized. */
static inline char *test_ir_dump(bool keep_comments)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    tcgl_dump(f);
    fclose(f);
    char *n = test_ir_norm(buf, keep_comments);
    free(buf);
    return n;
}

static inline void test_parse(const char *text)
{
    char err[256];
    bool ok = tcgl_parse(text, err, sizeof(err));
    cr_assert(ok, "parse failed: %s\n%s", err, text);
}

/* The current IR equals `expected` (';' or newlines between ops). */
#define test_assert_ir(expected)                                          \
    do {                                                                  \
        char *got_ = test_ir_dump(false);                                 \
        char *want_ = test_ir_norm((expected), false);                    \
        cr_assert_str_eq(got_, want_, "IR differs.\n-- got:\n%s-- want:\n%s", got_, want_); \
        free(got_);                                                       \
        free(want_);                                                      \
    } while (0)

/* Parse, optimize and compare. */
#define test_assert_optimizes_to(input, expected) \
    do {                                          \
        test_parse(input);                        \
        tcgl_optimize();                          \
        test_assert_ir(expected);                 \
    } while (0)

/* Lower the current IR into a fresh TB (free with test_tb_free). */
static inline TranslationBlock *test_tb_gen(void)
{
    TranslationBlock *tb = calloc(1, sizeof(*tb));
    cr_assert(tcgl_interp_backend.gen_code(tb), "gen_code failed");
    cr_assert_not_null(tb->code);
    return tb;
}

static inline void test_tb_free(TranslationBlock *tb)
{
    tcgl_interp_backend.free_code(tb);
    free(tb);
}

/* Parse text, lower it (optimized if asked) and run it once on env. */
static inline uintptr_t test_run(TestEnv *env, const char *text, bool optimize)
{
    test_parse(text);
    if (optimize) {
        tcgl_optimize();
        tcgl_liveness();
    }
    TranslationBlock *tb = test_tb_gen();
    uintptr_t r = tcgl_interp_backend.exec(env, tb);
    test_tb_free(tb);
    return r;
}

#endif
