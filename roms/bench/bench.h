/*
 * roms/bench/bench.h: what every guest benchmark shares: a deterministic
 * pseudo-random generator and the report scripts/bench-guest parses: one
 * line "<name>: checksum <hex>" (equal on every correct emulator) and one
 * line "instret <n>" (minstret at the end of the work; exact on lemu,
 * host ticks on QEMU without -icount, which is why the script takes the
 * count from lemu).
 */
#ifndef ROMS_BENCH_BENCH_H
#define ROMS_BENCH_BENCH_H

#include <stdint.h>
#include <stdio.h>

#include "rt.h"

/* xorshift64: cheap, deterministic, full period over non-zero states. */
static inline uint64_t bench_rand(uint64_t *state)
{
    uint64_t x = *state;

    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    return x;
}

static inline void bench_report(const char *name, uint64_t checksum)
{
    uint64_t instret = rt_instret();

    printf("%s: checksum %016lx\n", name, (unsigned long)checksum);
    printf("instret %lu\n", (unsigned long)instret);
}

#endif
