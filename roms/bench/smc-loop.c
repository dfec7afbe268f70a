/*
 * roms/bench/smc-loop.c: self-modifying code in a loop: a small routine in
 * RAM gets its immediate rewritten (and fence.i) before every call, so an
 * emulator that translates code must notice the store, drop the stale
 * translation and translate again each time: the cost of self-modifying
 * code (JITs, patching loaders) for a translating emulator.
 */
#include "bench.h"

#define SMC_CALLS 80000

/* addi a0, a0, imm ; ret -- imm patched in place (bits 31:20). */
static uint32_t smc_code[4] __attribute__((aligned(16))) = {
    0x00050513,             /* addi a0, a0, 0 */
    0x00008067,             /* ret */
};

static uint64_t smc_call(uint64_t a0)
{
    register uint64_t arg __asm__("a0") = a0;

    __asm__ __volatile__("jalr ra, 0(%1)"
                         : "+r"(arg)
                         : "r"(smc_code)
                         : "ra", "memory");
    return arg;
}

int main(void)
{
    uint64_t value = 1, checksum = 0;

    for (uint32_t i = 0; i < SMC_CALLS; i++) {
        uint32_t imm = (i * 7) & 0x7ff;
        smc_code[0] = 0x00050513 | imm << 20;
        __asm__ __volatile__("fence.i" ::: "memory");
        value = smc_call(value);
        checksum = checksum * 3 + value;
    }
    bench_report("smc-loop", checksum);
    return 0;
}
