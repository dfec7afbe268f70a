/*
 * roms/bench/mmio-mtime.c: a loop that reads the CLINT's mtime register
 * (0x200bff8 on the spike board) over and over: every access leaves the
 * fast path for a device.  The checksum counts reads that saw time move
 * forward or stand still (all of them on a correct emulator), so it is the
 * same everywhere although the values are not.
 */
#include "bench.h"

#define MTIME_ADDR  0x200bff8ul
#define MTIME_READS 2000000

int main(void)
{
    volatile uint64_t *mtime = (volatile uint64_t *)MTIME_ADDR;
    uint64_t prev = *mtime, ordered = 0;

    for (uint32_t i = 0; i < MTIME_READS; i++) {
        uint64_t now = *mtime;
        ordered += now >= prev;
        prev = now;
    }
    bench_report("mmio-mtime", ordered);
    return 0;
}
