/*
 * ns16550a.h: the 16550A UART of QEMU's virt board (hw/ns16550a.c) at
 * 0x10000000, registers one byte apart, connected to a character device
 * (include/lemu/chardev.h) and to one interrupt line (PLIC source 10).
 *
 * Registers (offset: read / write; DLAB is LCR bit 7):
 *   0  RBR receive buffer / THR transmit holding; DLL when DLAB=1
 *   1  IER interrupt enable (bits 0-3); DLM when DLAB=1
 *   2  IIR interrupt identification / FCR FIFO control
 *   3  LCR line control
 *   4  MCR modem control (bits 0-4: DTR, RTS, OUT1, OUT2, LOOP)
 *   5  LSR line status (writes ignored)
 *   6  MSR modem status (writes ignored)
 *   7  SCR scratch
 * The region is 8 bytes, as QEMU's (the device tree's reg says 0x100, as
 * QEMU's does; the rest of that window is unassigned).  Any access of 1, 2,
 * 4 or 8 bytes, naturally aligned, addresses the one register at its
 * offset, with the register in the low byte (a read returns the register
 * zero-extended; a write uses the low byte), as QEMU's serial_mm does.
 *
 * Behaviour, after the 16550A datasheet:
 *   - Transmission is instantaneous: a byte written to THR goes to the
 *     chardev at once, so LSR.THRE and LSR.TEMT read 1 again right away and
 *     the THR-empty interrupt (if IER.ETBEI) is raised again after each
 *     write.  Enabling ETBEI while THR is empty raises it at once; reading
 *     IIR when THRE is the reported source clears it, as does writing THR.
 *   - Reception: FCR bit 0 enables the 16-byte FIFOs (changing it clears
 *     them; bits 1/2 clear the receive/transmit FIFO; bits 6-7 select the
 *     receive trigger level 1, 4, 8, 14; other FCR bits are ignored while
 *     bit 0 is 0).  A byte arriving into a full FIFO (or, without FIFO,
 *     into a full RBR) sets LSR.OE; the FIFO keeps its bytes, RBR is
 *     overwritten.  Reading RBR from an empty FIFO returns 0.
 *   - IIR, in priority order: 0x06 receiver line status (LSR.OE and
 *     IER.ELSI; cleared by reading LSR), 0x04 received data (FIFO at or
 *     above the trigger level, or RBR full without FIFO; IER.ERBFI),
 *     0x0c character timeout (FIFO mode: bytes below the trigger level left
 *     unread for 4 character times of LEMU_CLOCK_VIRTUAL at the programmed
 *     baud rate and frame; IER.ERBFI; cleared by reading RBR), 0x02 THR
 *     empty, 0x00 modem status (a delta bit in MSR and IER.EDSSI; cleared by
 *     reading MSR); 0x01 when none.  Bits 6-7 read 11 in FIFO mode.
 *   - The interrupt line is high while IIR reports an interrupt.
 *   - Loopback (MCR.LOOP): transmitted bytes are received by the UART
 *     itself, the chardev is neither written nor read, and the modem inputs
 *     follow the outputs (CTS=RTS, DSR=DTR, RI=OUT1, DCD=OUT2), setting the
 *     MSR delta bits as they change.  Outside loopback the line reads as a
 *     connected modem: CTS, DSR and DCD set, RI clear.
 *   - Reset values: IER 0, IIR 0x01, LCR 0, MCR 0x08 (OUT2), LSR 0x60,
 *     MSR 0xb0, SCR 0, divisor 12 (QEMU's value; datasheet: undefined).
 *
 * How a board wires it (what virt needs):
 *     Chardev *chr = chardev_new(serial_spec, errp);          -serial, default "stdio"
 *     NS16550AState *uart = ns16550a_create(ms->system_memory, NS16550A_VIRT_BASE,
 *                                           plic_source_irq(plic, PLIC_VIRT_UART0_IRQ), chr);
 *     ns16550a_fdt_populate(uart, fdt, riscv_fdt_soc(fdt), PLIC_PHANDLE,
 *                           PLIC_VIRT_UART0_IRQ, true, errp);   also sets stdout-path
 *   and runs LEMU_CLOCK_REALTIME timers in its main loop (chardev input)
 *   and LEMU_CLOCK_VIRTUAL timers (character timeout).
 */
#ifndef LEMU_NS16550A_H
#define LEMU_NS16550A_H

#include <stdbool.h>
#include <stdint.h>

#include "lemu/chardev.h"
#include "lemu/error.h"
#include "lemu/irq.h"
#include "lemu/memory.h"

#define NS16550A_VIRT_BASE 0x10000000
/* The device tree's reg size; the I/O region itself is NS16550A_MMIO_SIZE. */
#define NS16550A_VIRT_SIZE 0x100
#define NS16550A_MMIO_SIZE 8
/* The input clock the device tree announces (clock-frequency). */
#define NS16550A_CLOCK_FREQ 3686400
#define NS16550A_FIFO_SIZE 16

/* Register offsets. */
#define UART_RBR 0
#define UART_THR 0
#define UART_DLL 0
#define UART_IER 1
#define UART_DLM 1
#define UART_IIR 2
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_MSR 6
#define UART_SCR 7

#define UART_IER_ERBFI 0x01   /* received data (and character timeout) */
#define UART_IER_ETBEI 0x02   /* THR empty */
#define UART_IER_ELSI 0x04    /* receiver line status */
#define UART_IER_EDSSI 0x08   /* modem status */

#define UART_IIR_NONE 0x01
#define UART_IIR_RLS 0x06
#define UART_IIR_RDA 0x04
#define UART_IIR_CTI 0x0c
#define UART_IIR_THRE 0x02
#define UART_IIR_MS 0x00
#define UART_IIR_FIFO 0xc0

#define UART_FCR_ENABLE 0x01
#define UART_FCR_CLEAR_RX 0x02
#define UART_FCR_CLEAR_TX 0x04
#define UART_FCR_TRIGGER 0xc0

#define UART_LCR_DLAB 0x80

#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_OUT1 0x04
#define UART_MCR_OUT2 0x08
#define UART_MCR_LOOP 0x10

#define UART_LSR_DR 0x01
#define UART_LSR_OE 0x02
#define UART_LSR_THRE 0x20
#define UART_LSR_TEMT 0x40

#define UART_MSR_DCTS 0x01
#define UART_MSR_DDSR 0x02
#define UART_MSR_TERI 0x04
#define UART_MSR_DDCD 0x08
#define UART_MSR_CTS 0x10
#define UART_MSR_DSR 0x20
#define UART_MSR_RI 0x40
#define UART_MSR_DCD 0x80

typedef struct NS16550AState NS16550AState;

/*
 * Create a UART in its reset state, map it at `base` in `sysmem` (NULL:
 * map ns16550a_mmio() yourself), drive `irq` (may be NULL), and attach it
 * as the frontend of `chr` (NULL: output discarded, no input).  The UART
 * does not own chr.
 */
NS16550AState *ns16550a_create(MemoryRegion *sysmem, hwaddr base, IRQ irq, Chardev *chr);

/* The NS16550A_MMIO_SIZE-byte I/O region "serial". */
MemoryRegion *ns16550a_mmio(NS16550AState *s);

/*
 * Add "serial@<base>" under node `parent` (normally /soc):
 *   compatible = "ns16550a", reg = <base NS16550A_VIRT_SIZE>,
 *   clock-frequency = <3686400>, interrupt-parent = <irq_parent>,
 *   interrupts = <irq>
 * and, with is_console, /chosen's stdout-path = "<its path>" (/chosen is
 * created if missing).  Returns the node offset, or -1 + errp.
 */
int ns16550a_fdt_populate(NS16550AState *s, void *fdt, int parent, uint32_t irq_parent,
                          uint32_t irq, bool is_console, Error **errp);

#endif
