/*
 * roms/virt-tests/plic-pending-survives-line-drop.c: once a level-triggered
 * source's gateway has forwarded a request, the PLIC core holds it pending
 * until a context claims it (RISC-V PLIC spec v1.0.0, "Interrupt Gateways"
 * and "Interrupt Pending Bits": pending bits are set by the gateway and
 * cleared by a claim); the device lowering its line meanwhile does not
 * withdraw it.  So a handler may claim an interrupt its device no longer
 * signals, and must cope.  Here the UART's THRE request is withdrawn at the
 * device (IER = 0) before the claim.
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
    uart_quiet();                               /* the line drops */
    CHECK(2, uart_pending());
    CHECK(3, csr_read(mip) & MIP_MEIP);
    CHECK(4, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == PLIC_SRC_UART);
    CHECK(5, !uart_pending() && !(csr_read(mip) & MIP_MEIP));
    mmio_write32(PLIC_CLAIM(PLIC_CTX_M), PLIC_SRC_UART);
    /* The line is low at the completion: nothing new. */
    CHECK(6, !uart_pending() && !(csr_read(mip) & MIP_MEIP));
    CHECK(7, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == 0);
    plic_enable(PLIC_CTX_M, 0);
    test_group_ok("a forwarded request stays pending until claimed");
    return 0;
}
