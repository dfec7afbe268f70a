/*
 * roms/virt-tests/irq-plic-uart.c: an external interrupt end to end: the
 * ns16550a UART's transmitter-empty interrupt (IER.THRI) on PLIC source 10,
 * to M through context 0 (mip.MEIP, mcause = 1 << 63 | 11) and to S
 * through context 1 (mip.SEIP delegated, scause = 1 << 63 | 9).  PLIC
 * behaviour from the RISC-V PLIC spec v1.0.0 and QEMU's virt layout:
 * a source with priority > the context's threshold and its enable bit set
 * interrupts the context; priority 0 never does; a claim returns the
 * source and clears its pending bit; a disabled source cannot be claimed.
 * UART (16550 datasheet): IIR reports THRE (0x2) while
 * that interrupt is pending and reading IIR then clears it (0x1: none).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define INTR(n) (CAUSE_INTERRUPT | (n))
#define SPIN_LIMIT 20000000u
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

static int wait_for(volatile uint64_t *count, uint64_t n)
{
    for (unsigned i = 0; i < SPIN_LIMIT; i++) {
        if (*count >= n)
            return 1;
    }
    return 0;
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

/* S: enable SEI, wait for the S trap, claim, read IIR twice, complete.
 * Returns claim | iir1 << 8 | iir2 << 16. */
static uint64_t s_handle_uart(uint64_t a, uint64_t b)
{
    (void)a;
    (void)b;
    csr_set(sie, MIP_SEIP);
    csr_set(sstatus, MSTATUS_SIE);
    int ok = wait_for(&vtrap_s.count, 1);
    csr_clear(sstatus, MSTATUS_SIE);
    if (!ok)
        return 0;
    uint32_t id = mmio_read32(PLIC_CLAIM(PLIC_CTX_S));
    uint32_t iir1 = uart_read(UART_IIR) & 0xf;
    uint32_t iir2 = uart_read(UART_IIR) & 0xf;
    mmio_write32(PLIC_CLAIM(PLIC_CTX_S), id);
    return id | iir1 << 8 | iir2 << 16;
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    uart_quiet();
    plic_enable(PLIC_CTX_M, 0);
    plic_enable(PLIC_CTX_S, 0);
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 1);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 0);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_S), 0);

    /* Quiet UART: nothing pending. */
    CHECK(1, !uart_pending());
    CHECK(2, !(csr_read(mip) & (MIP_MEIP | MIP_SEIP)));
    /* THRI on: pending at the PLIC; enabled for context 0: MEIP. */
    uart_thre_raise();
    CHECK(3, uart_pending());
    CHECK(4, !(csr_read(mip) & MIP_MEIP));
    plic_enable(PLIC_CTX_M, UART_BIT);
    CHECK(5, csr_read(mip) & MIP_MEIP);
    CHECK(6, !(csr_read(mip) & MIP_SEIP));
    /* Taken once MIE is set. */
    csr_write(mie, MIP_MEIP);
    CHECK(7, vtrap_m.count == 0);
    csr_set(mstatus, MSTATUS_MIE);
    CHECK(8, wait_for(&vtrap_m.count, 1));
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(9, vtrap_m.cause == INTR(IRQ_M_EXT) && vtrap_m.tval == 0);
    /* Claim: source 10, no longer pending, MEIP drops. */
    CHECK(10, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == PLIC_SRC_UART);
    CHECK(11, !uart_pending());
    CHECK(12, !(csr_read(mip) & MIP_MEIP));
    /* Nothing else to claim. */
    CHECK(13, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == 0);
    /* The UART says why, and reading IIR clears the THRE interrupt. */
    CHECK(14, (uart_read(UART_IIR) & 0xf) == UART_IIR_THRI);
    CHECK(15, (uart_read(UART_IIR) & 0xf) == UART_IIR_NO_INT);
    mmio_write32(PLIC_CLAIM(PLIC_CTX_M), PLIC_SRC_UART);
    CHECK(16, !uart_pending() && !(csr_read(mip) & MIP_MEIP));
    uart_quiet();
    vtrap_clear();
    test_group_ok("UART THRE to M through PLIC context 0");

    /* (Completed while the line is still high: plic-complete-repends.c.) */
    uart_thre_raise();
    CHECK(22, uart_pending() && (csr_read(mip) & MIP_MEIP));
    /* Threshold equal to the priority masks it; lower unmasks. */
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 1);
    CHECK(23, uart_pending() && !(csr_read(mip) & MIP_MEIP));
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 0);
    CHECK(24, csr_read(mip) & MIP_MEIP);
    /* Priority 0: never. */
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 0);
    CHECK(25, !(csr_read(mip) & MIP_MEIP));
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 3);
    CHECK(26, csr_read(mip) & MIP_MEIP);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 2);
    CHECK(27, csr_read(mip) & MIP_MEIP);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 0);
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 1);
    /* Enable bit off: not signalled, still pending. */
    plic_enable(PLIC_CTX_M, 0);
    CHECK(28, uart_pending() && !(csr_read(mip) & MIP_MEIP));
    /* (The device dropping its line: plic-pending-survives-line-drop.c.) */
    CHECK(29, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == 0);   /* not enabled */
    plic_enable(PLIC_CTX_M, UART_BIT);
    CHECK(30, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == PLIC_SRC_UART);
    uart_quiet();
    mmio_write32(PLIC_CLAIM(PLIC_CTX_M), PLIC_SRC_UART);
    plic_enable(PLIC_CTX_M, 0);
    CHECK(31, !uart_pending() && vtrap_m.count == 0);
    test_group_ok("PLIC threshold, priority, enable");

    /* To S: context 1, SEIP delegated. */
    csr_write(mie, 0);
    csr_write(mideleg, MIP_SEIP);
    plic_enable(PLIC_CTX_S, UART_BIT);
    uart_thre_raise();
    CHECK(40, (csr_read(mip) & (MIP_SEIP | MIP_MEIP)) == MIP_SEIP);
    uint64_t r = vrt_call(PRV_S, ADDR(s_handle_uart), 0, 0);
    CHECK(41, vtrap_s.count == 1 && vtrap_s.cause == INTR(IRQ_S_EXT) && vtrap_m.count == 0);
    CHECK(42, (r & 0xff) == PLIC_SRC_UART);
    CHECK(43, ((r >> 8) & 0xf) == UART_IIR_THRI && ((r >> 16) & 0xf) == UART_IIR_NO_INT);
    CHECK(44, !uart_pending() && !(csr_read(mip) & MIP_SEIP));
    uart_quiet();
    plic_enable(PLIC_CTX_S, 0);
    csr_write(mideleg, 0);
    test_group_ok("UART THRE to S through PLIC context 1");
    return 0;
}
