/*
 * roms/tests/htif-console-exit-code.c: the HTIF console carries every
 * printable ASCII character and printf's integer formats unchanged, and
 * the value main returns becomes the emulator's exit status (42 here; the
 * runner expects it from htif-console-exit-code.status).
 */
#include <stdio.h>
#include <stdint.h>

#include "rt.h"

int main(void)
{
    for (int c = 0x20; c < 0x7f; c++) {
        htif_putchar(c);
        if ((c & 0x1f) == 0x1f)
            htif_putchar('\n');
    }
    htif_putchar('\n');
    printf("%d %u %x %X %o\n", -12345, 4000000000u, 0xbeefu, 0xbeefu, 8u);
    printf("%ld %lu %lx\n", (long)INT64_MIN, (unsigned long)UINT64_MAX,
           (unsigned long)0x0123456789abcdefull);
    printf("[%5d] [%-5d] [%05d] [%+d]\n", 42, 42, 42, 42);
    printf("[%s] [%8s] [%-8s] [%.3s] [%c%c] 100%%\n", "str", "right", "left",
           "truncate", 'o', 'k');
    htif_puts("htif_puthex: ");
    htif_puthex(0xfedcba9876543210ull);
    htif_putchar('\n');
    puts("exiting with 42");
    return 42;
}
