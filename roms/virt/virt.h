/*
 * roms/virt/virt.h: the runtime of the guest programs for the `virt` board
 * (lemu -M virt, qemu-system-riscv64 -M virt, both with -bios none): the
 * board's memory map, the console on the ns16550a UART, exit through the
 * SiFive test finisher, and the CSR bits the privileged tests use.
 *
 * A virt program links roms/common/crt0.S, trap.S, test.c (and dump.c for
 * the random programs) unchanged: they call the console and exit entry
 * points declared in roms/common/rt.h, whose names come from the spike
 * board (htif_*).  roms/virt/console.c implements that same interface on
 * this board's devices, so the common code needs no second copy.  The
 * link script is roms/common/link.ld: RAM starts at 0x80000000 on both
 * boards, and the virt board simply has no HTIF behind the tohost page.
 */
#ifndef ROMS_VIRT_VIRT_H
#define ROMS_VIRT_VIRT_H

/* The memory map (QEMU's virt machine). */
#define VIRT_TEST_BASE      0x100000
#define VIRT_CLINT_BASE     0x2000000
#define VIRT_PLIC_BASE      0xc000000
#define VIRT_UART_BASE      0x10000000
#define VIRT_RAM_BASE       0x80000000

/* Test finisher: one 32-bit write. */
#define VIRT_TEST_PASS      0x5555
#define VIRT_TEST_FAIL      0x3333      /* | code << 16 */

/* CLINT, hart 0. */
#define CLINT_MSIP          (VIRT_CLINT_BASE + 0x0)
#define CLINT_MTIMECMP      (VIRT_CLINT_BASE + 0x4000)
#define CLINT_MTIME         (VIRT_CLINT_BASE + 0xbff8)

/* PLIC: hart 0's M-mode context is 0, its S-mode context 1. */
#define PLIC_PRIORITY(src)  (VIRT_PLIC_BASE + 4 * (src))
#define PLIC_PENDING(word)  (VIRT_PLIC_BASE + 0x1000 + 4 * (word))
#define PLIC_ENABLE(ctx, word) (VIRT_PLIC_BASE + 0x2000 + 0x80 * (ctx) + 4 * (word))
#define PLIC_THRESHOLD(ctx) (VIRT_PLIC_BASE + 0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)     (VIRT_PLIC_BASE + 0x200004 + 0x1000 * (ctx))
#define PLIC_CTX_M          0
#define PLIC_CTX_S          1
#define PLIC_SRC_UART       10

/* ns16550a registers (byte offsets; DLAB = LCR bit 7 selects DLL/DLM). */
#define UART_RBR            0   /* read, DLAB = 0 */
#define UART_THR            0   /* write, DLAB = 0 */
#define UART_DLL            0   /* DLAB = 1 */
#define UART_IER            1   /* DLAB = 0 */
#define UART_DLM            1   /* DLAB = 1 */
#define UART_IIR            2   /* read */
#define UART_FCR            2   /* write */
#define UART_LCR            3
#define UART_MCR            4
#define UART_LSR            5
#define UART_MSR            6
#define UART_SCR            7
#define UART_LSR_DR         0x01
#define UART_LSR_THRE       0x20
#define UART_LSR_TEMT       0x40
#define UART_IER_RDI        0x01
#define UART_IER_THRI       0x02
#define UART_IIR_NO_INT     0x01
#define UART_IIR_THRI       0x02
#define UART_LCR_DLAB       0x80

/* Privilege levels, as in mstatus.MPP. */
#define PRV_U               0
#define PRV_S               1
#define PRV_M               3

/* mstatus / sstatus fields. */
#define MSTATUS_SIE         0x2
#define MSTATUS_MIE         0x8
#define MSTATUS_SPIE        0x20
#define MSTATUS_MPIE        0x80
#define MSTATUS_SPP         0x100
#define MSTATUS_MPP         0x1800
#define MSTATUS_MPP_S       0x0800
#define MSTATUS_MPRV        0x20000
#define MSTATUS_SUM         0x40000
#define MSTATUS_MXR         0x80000
#define MSTATUS_TVM         0x100000
#define MSTATUS_TW          0x200000
#define MSTATUS_TSR         0x400000

/* Interrupt numbers (bit positions in mip/mie/mideleg, low bits of mcause). */
#define IRQ_S_SOFT          1
#define IRQ_M_SOFT          3
#define IRQ_S_TIMER         5
#define IRQ_M_TIMER         7
#define IRQ_S_EXT           9
#define IRQ_M_EXT           11
#define MIP_SSIP            (1 << IRQ_S_SOFT)
#define MIP_MSIP            (1 << IRQ_M_SOFT)
#define MIP_STIP            (1 << IRQ_S_TIMER)
#define MIP_MTIP            (1 << IRQ_M_TIMER)
#define MIP_SEIP            (1 << IRQ_S_EXT)
#define MIP_MEIP            (1 << IRQ_M_EXT)
#define CAUSE_INTERRUPT     0x8000000000000000

/* Exception causes. */
#define CAUSE_FETCH_MISALIGNED  0
#define CAUSE_FETCH_ACCESS      1
#define CAUSE_ILLEGAL           2
#define CAUSE_BREAKPOINT        3
#define CAUSE_LOAD_MISALIGNED   4
#define CAUSE_LOAD_ACCESS       5
#define CAUSE_STORE_MISALIGNED  6
#define CAUSE_STORE_ACCESS      7
#define CAUSE_ECALL_U           8
#define CAUSE_ECALL_S           9
#define CAUSE_ECALL_M           11
#define CAUSE_FETCH_PAGE        12
#define CAUSE_LOAD_PAGE         13
#define CAUSE_STORE_PAGE        15

/* menvcfg.STCE (Sstc), mcounteren.TM. */
#define MENVCFG_STCE        0x8000000000000000
#define COUNTEREN_TM        0x2

#define SATP_MODE_SV39      8
#define SATP_MODE_SV48      9
#define SATP_MODE_SV57      10

#ifndef __ASSEMBLER__
#include <stdint.h>

#include "rt.h"

/* A pointer or function as an integer address. */
#define ADDR(p) ((uint64_t)(uintptr_t)(p))

/* Console on the UART (polled, waits for THRE), no newline added. */
void vrt_putchar(int ch);
void vrt_puts(const char *s);
void vrt_puthex(uint64_t v);

/* Stop the machine through the test finisher: 0 passes, else fails with
 * code (the emulator's exit status; 8 bits survive). */
__attribute__((noreturn)) void vrt_exit(uint64_t code);

/* MMIO accessors. */
static inline uint8_t mmio_read8(uint64_t addr)
{
    return *(volatile uint8_t *)(uintptr_t)addr;
}
static inline void mmio_write8(uint64_t addr, uint8_t v)
{
    *(volatile uint8_t *)(uintptr_t)addr = v;
}
static inline uint32_t mmio_read32(uint64_t addr)
{
    return *(volatile uint32_t *)(uintptr_t)addr;
}
static inline void mmio_write32(uint64_t addr, uint32_t v)
{
    *(volatile uint32_t *)(uintptr_t)addr = v;
}
static inline uint64_t mmio_read64(uint64_t addr)
{
    return *(volatile uint64_t *)(uintptr_t)addr;
}
static inline void mmio_write64(uint64_t addr, uint64_t v)
{
    *(volatile uint64_t *)(uintptr_t)addr = v;
}

static inline uint8_t uart_read(unsigned reg)
{
    return mmio_read8(VIRT_UART_BASE + reg);
}
static inline void uart_write(unsigned reg, uint8_t v)
{
    mmio_write8(VIRT_UART_BASE + reg, v);
}

static inline uint64_t clint_mtime(void)
{
    return mmio_read64(CLINT_MTIME);
}

/* PMP entry 15 (the lowest priority) grants S and U everything: tests put
 * their own entries below it. */
void vrt_pmp_allow_all(void);

#endif

#endif
