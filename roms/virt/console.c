/*
 * roms/virt/console.c: console and exit of the virt-board programs.  Output
 * goes to the ns16550a UART (polling LSR.THRE), exit to the SiFive test
 * finisher.  It also implements roms/common/rt.h's entry points (the
 * htif_* names, rt_unexpected_trap, _exit and picolibc's stdio) on these
 * devices, so that roms/common's crt0.S, test.c and dump.c link unchanged.
 */
#include <stdio.h>
#include <stdint.h>

#include "virt.h"

void vrt_putchar(int ch)
{
    while (!(uart_read(UART_LSR) & UART_LSR_THRE))
        ;
    uart_write(UART_THR, (uint8_t)ch);
}

void vrt_puts(const char *s)
{
    while (*s)
        vrt_putchar(*s++);
}

void vrt_puthex(uint64_t v)
{
    static const char digits[] = "0123456789abcdef";
    vrt_puts("0x");
    for (int shift = 60; shift >= 0; shift -= 4)
        vrt_putchar(digits[(v >> shift) & 0xf]);
}

void vrt_exit(uint64_t code)
{
    uint32_t word = code == 0 ? VIRT_TEST_PASS
                              : VIRT_TEST_FAIL | (uint32_t)(code << 16);
    for (;;)
        mmio_write32(VIRT_TEST_BASE, word);
}

void vrt_pmp_allow_all(void)
{
    /* NAPOT over the whole address space, R/W/X, not locked. */
    csr_write(pmpaddr15, ~0ull >> 10);
    csr_set(pmpcfg2, 0x1full << 56);
}

/* rt.h's interface, on this board's devices. */
void htif_putchar(int ch)
{
    vrt_putchar(ch);
}

void htif_puts(const char *s)
{
    vrt_puts(s);
}

void htif_puthex(uint64_t v)
{
    vrt_puthex(v);
}

void htif_exit(uint64_t code)
{
    vrt_exit(code);
}

void _exit(int code);
void _exit(int code)
{
    vrt_exit((uint64_t)(unsigned)code);
}

void rt_unexpected_trap(uint64_t mcause, uint64_t mepc, uint64_t mtval)
{
    vrt_puts("unexpected trap: mcause=");
    vrt_puthex(mcause);
    vrt_puts(" mepc=");
    vrt_puthex(mepc);
    vrt_puts(" mtval=");
    vrt_puthex(mtval);
    vrt_putchar('\n');
    vrt_exit(255);
}

static int vrt_stdio_put(char c, FILE *f)
{
    (void)f;
    vrt_putchar((unsigned char)c);
    return (unsigned char)c;
}

static FILE vrt_stdio = FDEV_SETUP_STREAM(vrt_stdio_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdin = &vrt_stdio;
FILE *const stdout = &vrt_stdio;
FILE *const stderr = &vrt_stdio;
