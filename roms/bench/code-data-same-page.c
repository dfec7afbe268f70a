/*
 * roms/bench/code-data-same-page.c: the hot loop and the counters it updates
 * share one 4 KiB page, as in programs that keep small data next to their
 * code.  Every store lands on a page that holds translated code, at bytes
 * no instruction occupies: an emulator that tracks code per page takes a
 * slow path on each of them (qemu-system-riscv64 runs CoreMark about 2.5
 * times slower this way); one that tracks the translated bytes does not.
 */
#include "bench.h"

#define SAME_PAGE_ITERS 3000000

/* hot_kernel(iterations, seed) -> final seed; counters follow the code. */
uint64_t hot_kernel(uint64_t iterations, uint64_t seed);
extern uint64_t hot_counters[64];

__asm__(
    "    .section .text.hotpage, \"ax\", @progbits\n"
    "    .p2align 12\n"
    "    .globl hot_kernel\n"
    "hot_kernel:\n"
    "    la      t0, hot_counters\n"
    "1:  slli    t1, a1, 13\n"          /* xorshift64 */
    "    xor     a1, a1, t1\n"
    "    srli    t1, a1, 7\n"
    "    xor     a1, a1, t1\n"
    "    slli    t1, a1, 17\n"
    "    xor     a1, a1, t1\n"
    "    andi    t1, a1, 63\n"
    "    slli    t1, t1, 3\n"
    "    add     t1, t1, t0\n"
    "    ld      t2, 0(t1)\n"
    "    addi    t2, t2, 1\n"
    "    sd      t2, 0(t1)\n"           /* a store into the code's page */
    "    addi    a0, a0, -1\n"
    "    bnez    a0, 1b\n"
    "    mv      a0, a1\n"
    "    ret\n"
    "    .p2align 6\n"
    "    .globl hot_counters\n"
    "hot_counters:\n"
    "    .zero   64 * 8\n"
    "    .text\n");

int main(void)
{
    uint64_t seed, checksum = 0;

    /* same page, really? */
    if (((uintptr_t)hot_kernel >> 12) != ((uintptr_t)&hot_counters[63] >> 12)) {
        puts("code-data-same-page: layout is not what it should be");
        return 1;
    }
    seed = hot_kernel(SAME_PAGE_ITERS, 0x9e3779b97f4a7c15ull);
    for (int i = 0; i < 64; i++)
        checksum = checksum * 31 + hot_counters[i];
    bench_report("code-data-same-page", checksum ^ seed);
    return 0;
}
