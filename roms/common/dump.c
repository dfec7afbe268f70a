/*
 * roms/common/dump.c: the end of every generated differential-test program
 * (tests/difftest/rvgen.py): print the 31 saved registers and a checksum of
 * the program's scratch buffer, one value per line, so that two emulators'
 * consoles can be compared line by line.
 */
#include <stdint.h>

#include "rt.h"

void rt_dump_state(const uint64_t *regs, const uint8_t *buf, uint64_t len,
                   uint64_t seed);

static void dump_line(const char *name, uint64_t value)
{
    htif_puts(name);
    htif_putchar(' ');
    htif_puthex(value);
    htif_putchar('\n');
}

/* regs[i] holds x<i>, i = 1..31; checksum is FNV-1a over the buffer. */
void rt_dump_state(const uint64_t *regs, const uint8_t *buf, uint64_t len,
                   uint64_t seed)
{
    static const char names[32][4] = {
        "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10",
        "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x20",
        "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29", "x30",
        "x31",
    };
    uint64_t hash = 0xcbf29ce484222325ull;

    dump_line("seed", seed);
    for (int i = 1; i < 32; i++)
        dump_line(names[i], regs[i]);
    for (uint64_t i = 0; i < len; i++) {
        hash ^= buf[i];
        hash *= 0x100000001b3ull;
    }
    dump_line("buf", hash);
}
