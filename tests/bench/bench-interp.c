/*
 * bench-interp: speed of the tcg-lite bytecode interpreter on loop-like
 * blocks.  Each block is one loop iteration that ends with a conditional
 * exit and a goto_tb chained to itself, so the interpreter runs the whole
 * loop without returning; the figure printed is IR ops executed per second
 * (the ops of the optimized block, counted once per iteration).
 *
 *   simple     arithmetic and logic on globals (register-to-register code)
 *   locals     the same work through locals and constants, as a frontend
 *              emits before coalescing
 *   memory     loads and stores through a TCGLMemOps callback into a buffer
 *
 * Before timing, each block runs a few thousand iterations that are
 * checked against the same loop written in C (registers and memory): a
 * wrong result stops the benchmark with status 1, so that a fast but broken
 * interpreter cannot report a figure.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lemu/tb.h"
#include "lemu/tcgl.h"

typedef struct BenchEnv {
    uint64_t x[16];
    uint64_t count;
} BenchEnv;

static uint8_t bench_mem[4096];

static uint64_t bench_load(void *env, uint64_t addr, MemOpIdx oi, uintptr_t ra)
{
    uint64_t v;
    memcpy(&v, &bench_mem[addr & 4088], 8);
    return v;
}

static void bench_store(void *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra)
{
    memcpy(&bench_mem[addr & 4088], &val, 8);
}

static const TCGLMemOps bench_mem_ops = { bench_load, bench_store };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The loop bodies in C, one iteration each, for the result check. */
static void ref_simple(uint64_t *x, uint8_t *mem)
{
    (void)mem;
    x[1] += x[2];
    x[3] ^= x[1];
    x[4] = x[3] << 3;
    x[5] -= x[4];
    x[6] = x[5] & 0xff0;
    x[7] |= x[6];
    x[8] += 12;
    x[9] = x[8] < x[7];
    x[10] = x[7] >> x[9];
    x[2] += x[10];
}

static void ref_locals(uint64_t *x, uint8_t *mem)
{
    (void)mem;
    uint64_t t1 = x[1] + x[2], t2 = x[3] ^ t1, t3 = t2 << 3, t4 = x[5] - t3;
    x[1] = t1;
    x[3] = t2;
    x[4] = t3;
    x[5] = t4;
    x[7] |= t4 & 0xff0;
    x[8] += 12;
}

static void ref_memory(uint64_t *x, uint8_t *mem)
{
    uint64_t v;
    memcpy(&v, &mem[(x[1] + 8) & 4088], 8);
    x[2] = v + x[3];
    memcpy(&mem[x[1] & 4088], &x[2], 8);
    x[1] += 16;
}

static const BenchEnv bench_start = {
    .x = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
};

/* Run tb for n iterations and the C loop as long: any difference is fatal. */
static void check_block(const char *title, TranslationBlock *tb,
                        void (*ref)(uint64_t *x, uint8_t *mem), uint64_t n)
{
    static uint8_t ref_mem[sizeof(bench_mem)];
    BenchEnv env = bench_start, want = bench_start;
    for (size_t i = 0; i < sizeof(bench_mem); i++) {
        bench_mem[i] = ref_mem[i] = (uint8_t)(i * 7);
    }
    env.count = n;
    tcgl_interp_backend.exec(&env, tb);
    for (uint64_t k = 0; k < n; k++) {
        ref(want.x, ref_mem);
    }
    for (int i = 0; i < 16; i++) {
        if (env.x[i] != want.x[i]) {
            fprintf(stderr, "bench-interp: %s: x%d = %#llx after %llu iterations, want %#llx\n",
                    title, i, (unsigned long long)env.x[i], (unsigned long long)n,
                    (unsigned long long)want.x[i]);
            exit(1);
        }
    }
    if (env.count != 0 || memcmp(bench_mem, ref_mem, sizeof(bench_mem)) != 0) {
        fprintf(stderr, "bench-interp: %s: loop count or memory wrong after %llu iterations\n",
                title, (unsigned long long)n);
        exit(1);
    }
}

/*
 * Build the loop block from `body`, check it against `ref`, run `iters`
 * iterations, print the rate.
 */
static void bench_block(const char *title, const char *body,
                        void (*ref)(uint64_t *x, uint8_t *mem), uint64_t iters)
{
    TranslationBlock *tb = calloc(1, sizeof(*tb));
    char text[4096], err[256];

    /* The loop tail: count down, leave at zero, else chain to itself. */
    snprintf(text, sizeof(text),
             "---- 0x1000 0\n%s\n"
             "add_i64 count,count,$-1\n"
             "brcond_i64 count,$0,eq,L1\n"
             "goto_tb 0\n"
             "exit_tb 0x%lx\n"
             "set_label L1\n"
             "exit_tb 0\n",
             body, (unsigned long)(uintptr_t)tb);
    if (!tcgl_parse(text, err, sizeof(err))) {
        fprintf(stderr, "bench-interp: %s\n", err);
        exit(1);
    }
    tcgl_optimize();
    tcgl_liveness();
    /* Ops run per iteration: all but the final exit_tb/set_label/goto_tb tail. */
    unsigned ops = tcgl_op_count() - 4;
    if (!tcgl_interp_backend.gen_code(tb)) {
        fprintf(stderr, "bench-interp: gen_code failed\n");
        exit(1);
    }
    tcgl_interp_backend.set_jmp_target(tb, 0, tb);
    check_block(title, tb, ref, 5000);

    BenchEnv env = bench_start;
    double best = 1e9;
    for (int rep = 0; rep < 3; rep++) {
        env.count = iters;
        double t0 = now();
        tcgl_interp_backend.exec(&env, tb);
        double t = now() - t0;
        if (t < best) {
            best = t;
        }
    }
    double rate = (double)iters * ops / best;
    printf("  %-8s %3u ops/iteration  %8.1f M ops/s  (%.2f ns/op)\n", title, ops,
           rate / 1e6, 1e9 / rate);
    tcgl_interp_backend.free_code(tb);
    free(tb);
}

int main(int argc, char **argv)
{
    uint64_t iters = argc > 1 ? strtoull(argv[1], NULL, 0) : 20000000;
    char name[8];

    for (int i = 0; i < 16; i++) {
        snprintf(name, sizeof(name), "x%d", i);
        tcgl_global_i64(offsetof(BenchEnv, x[i]), name);
    }
    tcgl_global_i64(offsetof(BenchEnv, count), "count");
    tcgl_set_mem_ops(&bench_mem_ops);

    printf("bench-interp: tcg-lite interpreter, %llu iterations per block\n",
           (unsigned long long)iters);
    bench_block("simple",
                "add_i64 x1,x1,x2\n"
                "xor_i64 x3,x3,x1\n"
                "shl_i64 x4,x3,$3\n"
                "sub_i64 x5,x5,x4\n"
                "and_i64 x6,x5,$0xff0\n"
                "or_i64 x7,x7,x6\n"
                "add_i64 x8,x8,$12\n"
                "setcond_i64 x9,x8,x7,ltu\n"
                "shr_i64 x10,x7,x9\n"
                "add_i64 x2,x2,x10\n",
                ref_simple, iters);
    bench_block("locals",
                "mov_i64 t0,x1\n"
                "add_i64 t1,t0,x2\n"
                "mov_i64 x1,t1\n"
                "xor_i64 t2,x3,t1\n"
                "shl_i64 t3,t2,$3\n"
                "sub_i64 t4,x5,t3\n"
                "mov_i64 x3,t2\n"
                "mov_i64 x4,t3\n"
                "and_i64 t5,t4,$0xff0\n"
                "mov_i64 x5,t4\n"
                "or_i64 x7,x7,t5\n"
                "add_i64 t6,x8,$12\n"
                "mov_i64 x8,t6\n",
                ref_locals, iters);
    bench_block("memory",
                "add_i64 t0,x1,$8\n"
                "qemu_ld_i64 x2,t0,uq,0\n"
                "add_i64 x2,x2,x3\n"
                "qemu_st_i64 x2,x1,uq,0\n"
                "add_i64 x1,x1,$16\n",
                ref_memory, iters / 4);
    return 0;
}
