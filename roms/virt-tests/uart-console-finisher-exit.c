/*
 * roms/virt-tests/uart-console-finisher-exit.c: the virt board's console
 * (the ns16550a UART, polled) carries every printable ASCII character and
 * printf's formats unchanged, and main's return value leaves through the
 * SiFive test finisher (0x3333 | code << 16) as the emulator's exit status:
 * 42 here (uart-console-finisher-exit.status).
 */
#include <stdio.h>
#include <stdint.h>

#include "virt.h"

int main(void)
{
    for (int c = 0x20; c < 0x7f; c++) {
        vrt_putchar(c);
        if ((c & 0x1f) == 0x1f)
            vrt_putchar('\n');
    }
    vrt_putchar('\n');
    printf("%d %u %x %ld %lx\n", -12345, 4000000000u, 0xbeefu, (long)INT64_MIN,
           (unsigned long)0x0123456789abcdefull);
    vrt_puts("vrt_puthex: ");
    vrt_puthex(0xfedcba9876543210ull);
    vrt_putchar('\n');
    puts("exiting with 42");
    return 42;
}
