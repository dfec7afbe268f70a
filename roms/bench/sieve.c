/*
 * roms/bench/sieve.c: the sieve of Eratosthenes up to 2^20, repeated; byte
 * array stores in a strided loop, the classic integer-kernel benchmark.
 */
#include "bench.h"

#define SIEVE_LIMIT  (1u << 20)
#define SIEVE_ROUNDS 40

static uint8_t sieve_composite[SIEVE_LIMIT];

static uint32_t sieve_count(uint32_t limit)
{
    uint32_t count = 0;

    for (uint32_t i = 0; i < limit; i++)
        sieve_composite[i] = 0;
    for (uint32_t i = 2; i < limit; i++) {
        if (sieve_composite[i])
            continue;
        count++;
        for (uint64_t j = (uint64_t)i * i; j < limit; j += i)
            sieve_composite[j] = 1;
    }
    return count;
}

int main(void)
{
    uint64_t checksum = 0;

    for (int round = 0; round < SIEVE_ROUNDS; round++) {
        /* a slightly different limit each round keeps the work honest */
        uint32_t count = sieve_count(SIEVE_LIMIT - (uint32_t)round * 1000);
        checksum = checksum * 31 + count;
    }
    bench_report("sieve", checksum);
    return 0;
}
