/*
 * roms/virt-tests/plic-complete-repends.c: the PLIC gateway of a level-
 * triggered source (RISC-V PLIC spec v1.0.0, "Interrupt Gateways"): after a
 * claim the source is not pending and forwards no new request until the
 * completion; if its line is still asserted at the completion, it becomes
 * pending again (and interrupts the context again).  The source is the
 * UART's THRE interrupt, left asserted by not reading IIR.  QEMU 7.2 only
 * sets pending on a new rising edge of the line, so the source stays idle
 * after the completion (romrun.QEMU_VIRT_DEVIATIONS).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define UART_BIT (1u << PLIC_SRC_UART)

/*
 * Set a context's enable bits.  QEMU 7.2 re-evaluates its PLIC outputs on a
 * threshold write but not on an enable write, so the threshold is written
 * again (same value) after it: the order a driver uses anyway.
 */
static void plic_enable(unsigned ctx, uint32_t bits)
{
    mmio_write32(PLIC_ENABLE(ctx, 0), bits);
    mmio_write32(PLIC_THRESHOLD(ctx), mmio_read32(PLIC_THRESHOLD(ctx)));
}

static int uart_pending(void)
{
    return (mmio_read32(PLIC_PENDING(0)) & UART_BIT) != 0;
}

/* Raise the UART's THRE interrupt afresh (IER 0 -> THRI: the transmitter
 * is empty, so it is pending at once). */
static void uart_thre_raise(void)
{
    uart_write(UART_IER, 0);
    uart_write(UART_IER, UART_IER_THRI);
}

static void uart_quiet(void)
{
    uart_write(UART_IER, 0);
    (void)uart_read(UART_IIR);
}


int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    uart_quiet();
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 1);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 0);
    plic_enable(PLIC_CTX_S, 0);
    plic_enable(PLIC_CTX_M, UART_BIT);

    uart_thre_raise();
    CHECK(1, uart_pending() && (csr_read(mip) & MIP_MEIP));
    CHECK(2, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == PLIC_SRC_UART);
    CHECK(3, !uart_pending() && !(csr_read(mip) & MIP_MEIP));
    /* The line is still high (IIR unread), but no new request yet: even an
     * IER write that keeps THRI on does not make it pending. */
    uart_write(UART_IER, UART_IER_THRI);
    CHECK(4, !uart_pending() && !(csr_read(mip) & MIP_MEIP));
    CHECK(5, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == 0);
    /* Completion with the line high: pending again, MEIP again. */
    mmio_write32(PLIC_CLAIM(PLIC_CTX_M), PLIC_SRC_UART);
    CHECK(6, uart_pending() && (csr_read(mip) & MIP_MEIP));
    CHECK(7, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == PLIC_SRC_UART);
    /* This time the UART is serviced first: completion leaves it idle. */
    CHECK(8, (uart_read(UART_IIR) & 0xf) == UART_IIR_THRI);
    mmio_write32(PLIC_CLAIM(PLIC_CTX_M), PLIC_SRC_UART);
    CHECK(9, !uart_pending() && !(csr_read(mip) & MIP_MEIP));
    uart_quiet();
    plic_enable(PLIC_CTX_M, 0);
    test_group_ok("completion re-pends a source whose line is still high");
    return 0;
}
