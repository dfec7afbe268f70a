/*
 * tests/bench/bench-softfloat.c: throughput of the softfloat library
 * (cpu/riscv/softfloat.c), run by `make bench-softfloat`.  For each operation
 * it prints millions of operations per second over a fixed set of random
 * normal operands in RNE, next to the host FPU doing the same operation, so
 * that the cost of exact software rounding can be seen at a glance.  The
 * host column is a rough scale, not a target: its loop is bound by the
 * latency of the floating-point accumulation.
 *
 * Before timing an operation, every operand set is run through both and
 * the results compared bit for bit (the host rounds to nearest even too,
 * and the operands are normal): a difference stops the benchmark with
 * status 1, so that a figure is only printed for correct code.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cpu/riscv/softfloat.h"

#define NVALS 4096
#define ROUNDS 300

static uint32_t va32[NVALS], vb32[NVALS], vc32[NVALS];
static uint64_t va64[NVALS], vb64[NVALS], vc64[NVALS];
static volatile uint64_t sink;

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Normal values within a few binades of 1, random sign. */
static void fill(void)
{
    for (int i = 0; i < NVALS; i++) {
        va32[i] = (uint32_t)(rnd() & 0x807fffff) | (uint32_t)(120 + rnd() % 16) << 23;
        vb32[i] = (uint32_t)(rnd() & 0x807fffff) | (uint32_t)(120 + rnd() % 16) << 23;
        vc32[i] = (uint32_t)(rnd() & 0x807fffff) | (uint32_t)(120 + rnd() % 16) << 23;
        va64[i] = (rnd() & UINT64_C(0x800fffffffffffff)) | (1016 + rnd() % 16) << 52;
        vb64[i] = (rnd() & UINT64_C(0x800fffffffffffff)) | (1016 + rnd() % 16) << 52;
        vc64[i] = (rnd() & UINT64_C(0x800fffffffffffff)) | (1016 + rnd() % 16) << 52;
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static float f_of(uint32_t v) { float x; memcpy(&x, &v, 4); return x; }
static double d_of(uint64_t v) { double x; memcpy(&x, &v, 8); return x; }
static uint64_t bits_f(float x) { uint32_t v; memcpy(&v, &x, 4); return v; }
static uint64_t bits_d(double x) { uint64_t v; memcpy(&v, &x, 8); return v; }
static uint64_t bits_i(int64_t x) { return (uint64_t)x; }
/* A host result as the bits the soft function returns for it. */
#define HOST_BITS(x) _Generic((x), float: bits_f, double: bits_d, default: bits_i)(x)

/*
 * Check that `soft_expr` gives the bits of `host_expr` for every element
 * i; then time both over every element i, ROUNDS times, and print the
 * best of three runs of each.  Times are this thread's CPU time, and the
 * best run the least disturbed one, because the machine is shared.
 */
#define BENCH(label, soft_expr, host_expr)                                    \
    do {                                                                      \
        RiscvFloatStatus st = { .rm = RISCV_RM_RNE, .flags = 0 };             \
        double best_soft = 1e30, best_host = 1e30;                            \
        for (int i = 0; i < NVALS; i++) {                                     \
            uint64_t got = (uint64_t)(soft_expr), want = HOST_BITS(host_expr); \
            if (got != want) {                                                \
                fprintf(stderr, "bench-softfloat: %s, operand set %d: %#llx, " \
                        "the host gives %#llx\n", label, i,                   \
                        (unsigned long long)got, (unsigned long long)want);   \
                exit(1);                                                      \
            }                                                                 \
        }                                                                     \
        for (int rep = 0; rep < 3; rep++) {                                   \
            uint64_t acc = 0;                                                 \
            double hacc = 0;                                                  \
            double t0 = now();                                                \
            for (int r = 0; r < ROUNDS; r++) {                                \
                for (int i = 0; i < NVALS; i++) {                             \
                    acc += (uint64_t)(soft_expr);                             \
                }                                                             \
            }                                                                 \
            double t1 = now();                                                \
            for (int r = 0; r < ROUNDS; r++) {                                \
                for (int i = 0; i < NVALS; i++) {                             \
                    hacc += (host_expr);                                      \
                }                                                             \
            }                                                                 \
            double t2 = now();                                                \
            sink = acc + st.flags + (uint64_t)hacc;                           \
            best_soft = t1 - t0 < best_soft ? t1 - t0 : best_soft;            \
            best_host = t2 - t1 < best_host ? t2 - t1 : best_host;            \
        }                                                                     \
        double n = (double)ROUNDS * NVALS;                                    \
        printf("%-14s %10.1f %10.1f\n", label, n / best_soft / 1e6,          \
               n / best_host / 1e6);                                         \
    } while (0)

/* Spin a little first so that the first line is not measured cold. */
static void warm_up(void)
{
    RiscvFloatStatus st = { .rm = RISCV_RM_RNE, .flags = 0 };
    uint64_t acc = 0;
    double t0 = now();
    while (now() - t0 < 0.2) {
        for (int i = 0; i < NVALS; i++) {
            acc += f64_add(va64[i], vb64[i], &st);
        }
    }
    sink = acc;
}

int main(void)
{
    fill();
    warm_up();
    printf("%-14s %10s %10s\n", "operation", "soft Mop/s", "host Mop/s");
    BENCH("f32_add", f32_add(va32[i], vb32[i], &st), f_of(va32[i]) + f_of(vb32[i]));
    BENCH("f32_mul", f32_mul(va32[i], vb32[i], &st), f_of(va32[i]) * f_of(vb32[i]));
    BENCH("f32_div", f32_div(va32[i], vb32[i], &st), f_of(va32[i]) / f_of(vb32[i]));
    BENCH("f32_sqrt", f32_sqrt(va32[i] & 0x7fffffff, &st),
          sqrtf(fabsf(f_of(va32[i]))));
    BENCH("f32_muladd", f32_muladd(va32[i], vb32[i], vc32[i], false, false, &st),
          fmaf(f_of(va32[i]), f_of(vb32[i]), f_of(vc32[i])));
    BENCH("f32_lt", f32_lt(va32[i], vb32[i], &st), f_of(va32[i]) < f_of(vb32[i]));
    BENCH("f32_min", f32_min(va32[i], vb32[i], &st), fminf(f_of(va32[i]), f_of(vb32[i])));
    /* Conversions to integers round to nearest even here: lrint, not a cast. */
    BENCH("f32_to_i32", f32_to_i32(va32[i], &st), (int32_t)lrintf(f_of(va32[i])));
    BENCH("i64_to_f32", i64_to_f32((int64_t)va64[i], &st), (float)(int64_t)va64[i]);
    BENCH("f64_add", f64_add(va64[i], vb64[i], &st), d_of(va64[i]) + d_of(vb64[i]));
    BENCH("f64_mul", f64_mul(va64[i], vb64[i], &st), d_of(va64[i]) * d_of(vb64[i]));
    BENCH("f64_div", f64_div(va64[i], vb64[i], &st), d_of(va64[i]) / d_of(vb64[i]));
    BENCH("f64_sqrt", f64_sqrt(va64[i] & INT64_MAX, &st),
          sqrt(fabs(d_of(va64[i]))));
    BENCH("f64_muladd", f64_muladd(va64[i], vb64[i], vc64[i], false, false, &st),
          fma(d_of(va64[i]), d_of(vb64[i]), d_of(vc64[i])));
    BENCH("f64_lt", f64_lt(va64[i], vb64[i], &st), d_of(va64[i]) < d_of(vb64[i]));
    BENCH("f64_to_i64", f64_to_i64(va64[i], &st), (int64_t)llrint(d_of(va64[i])));
    BENCH("i64_to_f64", i64_to_f64((int64_t)va64[i], &st), (double)(int64_t)va64[i]);
    BENCH("f64_to_f32", f64_to_f32(va64[i], &st), (float)d_of(va64[i]));
    return 0;
}
