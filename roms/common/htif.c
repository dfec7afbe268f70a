/*
 * roms/common/htif.c: the guest side of HTIF (console output and exit) and
 * picolibc's stdout/stderr, which write through it one byte at a time
 * (unbuffered, so nothing is lost when a program exits).
 */
#include <stdio.h>
#include <stdint.h>

#include "rt.h"

/* tohost then fromhost, each 64-byte aligned as Spike's tests have them,
 * in the .tohost output section (link.ld orders .tohost.0 before .1). */
volatile uint64_t tohost __attribute__((section(".tohost.0"), aligned(64)));
volatile uint64_t fromhost __attribute__((section(".tohost.1"), aligned(64)));

#define HTIF_CMD(dev, cmd, payload) \
    (((uint64_t)(dev) << 56) | ((uint64_t)(cmd) << 48) | (payload))

void htif_putchar(int ch)
{
    tohost = HTIF_CMD(1, 1, (uint8_t)ch);
    /* The host clears tohost and acknowledges in fromhost; we clear it. */
    while (fromhost == 0)
        ;
    fromhost = 0;
}

void htif_puts(const char *s)
{
    while (*s)
        htif_putchar(*s++);
}

void htif_puthex(uint64_t v)
{
    static const char digits[] = "0123456789abcdef";
    htif_puts("0x");
    for (int shift = 60; shift >= 0; shift -= 4)
        htif_putchar(digits[(v >> shift) & 0xf]);
}

void htif_exit(uint64_t code)
{
    for (;;)
        tohost = (code << 1) | 1;
}

void _exit(int code);
void _exit(int code)
{
    htif_exit((uint64_t)(unsigned)code);
}

void rt_unexpected_trap(uint64_t mcause, uint64_t mepc, uint64_t mtval)
{
    htif_puts("unexpected trap: mcause=");
    htif_puthex(mcause);
    htif_puts(" mepc=");
    htif_puthex(mepc);
    htif_puts(" mtval=");
    htif_puthex(mtval);
    htif_putchar('\n');
    htif_exit(255);
}

static int rt_stdio_put(char c, FILE *f)
{
    (void)f;
    htif_putchar((unsigned char)c);
    return (unsigned char)c;
}

static FILE rt_stdio = FDEV_SETUP_STREAM(rt_stdio_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdin = &rt_stdio;
FILE *const stdout = &rt_stdio;
FILE *const stderr = &rt_stdio;
