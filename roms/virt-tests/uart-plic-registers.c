/*
 * roms/virt-tests/uart-plic-registers.c: the guest-visible registers of the
 * virt board's ns16550a UART and PLIC, without interrupts.
 * UART (16550 datasheet): SCR holds any byte; LSR reads THRE | TEMT with
 * nothing received; IER keeps bits 0-3 only; IIR says "no interrupt" (0x1)
 * with IER = 0 and shows FIFOs enabled (0xc0) after FCR bit 0; LCR holds
 * any byte, and with DLAB set offsets 0 and 1 are the divisor latch; MCR
 * keeps bits 0-4.
 * PLIC (spec v1.0.0, QEMU's virt layout: 96 sources, 1 to 96, priorities
 * 0-7): priority registers keep 3 bits (source 97 has none), pending registers are read-only, enable
 * words and thresholds read back per context, and a claim with nothing
 * pending returns 0.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

static void test_uart(void)
{
    uart_write(UART_SCR, 0x5a);
    CHECK(1, uart_read(UART_SCR) == 0x5a);
    uart_write(UART_SCR, 0xa5);
    CHECK(2, uart_read(UART_SCR) == 0xa5);
    CHECK(3, (uart_read(UART_LSR) & (UART_LSR_DR | UART_LSR_THRE | UART_LSR_TEMT)) ==
                 (UART_LSR_THRE | UART_LSR_TEMT));
    uart_write(UART_IER, 0xff);
    CHECK(4, uart_read(UART_IER) == 0x0f);
    uart_write(UART_IER, 0x05);
    CHECK(5, uart_read(UART_IER) == 0x05);
    uart_write(UART_IER, 0);
    CHECK(6, uart_read(UART_IER) == 0);
    CHECK(7, (uart_read(UART_IIR) & 0x0f) == UART_IIR_NO_INT);
    uart_write(UART_FCR, 0x07);                 /* FIFOs on, both cleared */
    CHECK(8, uart_read(UART_IIR) == (0xc0 | UART_IIR_NO_INT));
    uart_write(UART_FCR, 0x00);
    CHECK(9, uart_read(UART_IIR) == UART_IIR_NO_INT);
    uart_write(UART_LCR, 0x1b);
    CHECK(10, uart_read(UART_LCR) == 0x1b);
    /* The divisor latch behind DLAB. */
    uart_write(UART_IER, 0x03);
    uart_write(UART_LCR, UART_LCR_DLAB | 0x03);
    uart_write(UART_DLL, 0x12);
    uart_write(UART_DLM, 0x34);
    CHECK(11, uart_read(UART_DLL) == 0x12 && uart_read(UART_DLM) == 0x34);
    uart_write(UART_LCR, 0x03);
    CHECK(12, uart_read(UART_LCR) == 0x03);
    CHECK(13, uart_read(UART_IER) == 0x03);
    uart_write(UART_IER, 0);
    (void)uart_read(UART_IIR);
    uart_write(UART_LCR, UART_LCR_DLAB | 0x03);
    CHECK(14, uart_read(UART_DLL) == 0x12 && uart_read(UART_DLM) == 0x34);
    uart_write(UART_LCR, 0x03);
    /* MCR: bits 0-4 (0xef leaves loopback, bit 4, off). */
    uart_write(UART_MCR, 0xef);
    CHECK(15, uart_read(UART_MCR) == 0x0f);
    uart_write(UART_MCR, 0x03);
    CHECK(16, uart_read(UART_MCR) == 0x03);
    /* Transmitting leaves the transmitter empty again. */
    uart_write(UART_THR, '.');
    uart_write(UART_THR, '\n');
    unsigned i;
    for (i = 0; i < 100000 && !(uart_read(UART_LSR) & UART_LSR_TEMT); i++)
        ;
    CHECK(17, (uart_read(UART_LSR) & (UART_LSR_THRE | UART_LSR_TEMT)) ==
                  (UART_LSR_THRE | UART_LSR_TEMT));
    test_group_ok("UART registers");
}

static void test_plic(void)
{
    /* The UART test raised THRE (IER bit 1) for a moment: a request the
     * PLIC may still hold.  Claim and complete it. */
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 1);
    mmio_write32(PLIC_ENABLE(PLIC_CTX_M, 0), 1u << PLIC_SRC_UART);
    uint32_t id = mmio_read32(PLIC_CLAIM(PLIC_CTX_M));
    CHECK(19, id == 0 || id == PLIC_SRC_UART);
    if (id)
        mmio_write32(PLIC_CLAIM(PLIC_CTX_M), id);
    mmio_write32(PLIC_ENABLE(PLIC_CTX_M, 0), 0);

    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 0xffffffff);
    CHECK(20, mmio_read32(PLIC_PRIORITY(PLIC_SRC_UART)) == 7);
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 5);
    CHECK(21, mmio_read32(PLIC_PRIORITY(PLIC_SRC_UART)) == 5);
    mmio_write32(PLIC_PRIORITY(95), 2);
    CHECK(22, mmio_read32(PLIC_PRIORITY(95)) == 2);
    CHECK(23, mmio_read32(PLIC_PRIORITY(94)) == 0);
    mmio_write32(PLIC_PRIORITY(95), 0);
    mmio_write32(PLIC_PRIORITY(96), 3);
    CHECK(60, mmio_read32(PLIC_PRIORITY(96)) == 3);
    mmio_write32(PLIC_PRIORITY(96), 0);
    mmio_write32(PLIC_PRIORITY(97), 3);
    CHECK(61, mmio_read32(PLIC_PRIORITY(97)) == 0);
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 0);

    /* Nothing pending; pending is read-only. */
    for (unsigned w = 0; w < 3; w++)
        CHECK(24, mmio_read32(PLIC_PENDING(w)) == 0);
    mmio_write32(PLIC_PENDING(0), 0xfffffffe);
    CHECK(25, mmio_read32(PLIC_PENDING(0)) == 0);

    /* Enables, per context and word. */
    mmio_write32(PLIC_ENABLE(PLIC_CTX_M, 0), 1u << PLIC_SRC_UART);
    CHECK(26, mmio_read32(PLIC_ENABLE(PLIC_CTX_M, 0)) == 1u << PLIC_SRC_UART);
    CHECK(27, mmio_read32(PLIC_ENABLE(PLIC_CTX_S, 0)) == 0);
    mmio_write32(PLIC_ENABLE(PLIC_CTX_S, 2), 0xffffffff);
    CHECK(28, mmio_read32(PLIC_ENABLE(PLIC_CTX_S, 2)) == 0xffffffff);
    CHECK(29, mmio_read32(PLIC_ENABLE(PLIC_CTX_M, 2)) == 0);
    mmio_write32(PLIC_ENABLE(PLIC_CTX_S, 1), 0x80000001);
    CHECK(30, mmio_read32(PLIC_ENABLE(PLIC_CTX_S, 1)) == 0x80000001);
    for (unsigned w = 0; w < 3; w++) {
        mmio_write32(PLIC_ENABLE(PLIC_CTX_M, w), 0);
        mmio_write32(PLIC_ENABLE(PLIC_CTX_S, w), 0);
    }
    CHECK(31, mmio_read32(PLIC_ENABLE(PLIC_CTX_S, 2)) == 0);

    /* Thresholds. */
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 3);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_S), 7);
    CHECK(32, mmio_read32(PLIC_THRESHOLD(PLIC_CTX_M)) == 3);
    CHECK(33, mmio_read32(PLIC_THRESHOLD(PLIC_CTX_S)) == 7);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 0);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_S), 0);
    CHECK(34, mmio_read32(PLIC_THRESHOLD(PLIC_CTX_M)) == 0);

    /* Claims with nothing pending. */
    CHECK(35, mmio_read32(PLIC_CLAIM(PLIC_CTX_M)) == 0);
    CHECK(36, mmio_read32(PLIC_CLAIM(PLIC_CTX_S)) == 0);
    CHECK(37, vtrap_m.count == 0);
    test_group_ok("PLIC registers");
}

int main(void)
{
    vtrap_install();
    test_uart();
    test_plic();
    return 0;
}
