/*
 * roms/bench/matmul.c: 96x96 integer matrix multiplication, repeated:
 * multiply-accumulate in a triple loop, strided loads.
 */
#include "bench.h"

#define MM_N      96
#define MM_ROUNDS 64

static int32_t mm_a[MM_N][MM_N], mm_b[MM_N][MM_N], mm_c[MM_N][MM_N];

static void mm_multiply(void)
{
    for (int i = 0; i < MM_N; i++) {
        for (int j = 0; j < MM_N; j++) {
            int32_t sum = 0;
            for (int k = 0; k < MM_N; k++)
                sum += mm_a[i][k] * mm_b[k][j];
            mm_c[i][j] = sum;
        }
    }
}

int main(void)
{
    uint64_t state = 0x853c49e6748fea9bull, checksum = 0;

    for (int i = 0; i < MM_N; i++) {
        for (int j = 0; j < MM_N; j++) {
            mm_a[i][j] = (int32_t)(bench_rand(&state) % 2001) - 1000;
            mm_b[i][j] = (int32_t)(bench_rand(&state) % 2001) - 1000;
        }
    }
    for (int round = 0; round < MM_ROUNDS; round++) {
        mm_multiply();
        for (int i = 0; i < MM_N; i++)
            for (int j = 0; j < MM_N; j++)
                checksum = checksum * 31 + (uint32_t)mm_c[i][j];
        mm_a[round][round] += 1;
    }
    bench_report("matmul", checksum);
    return 0;
}
