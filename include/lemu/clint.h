/*
 * clint.h: the SiFive-compatible core-local interruptor (hw/clint.c) that
 * both boards map at 0x2000000: per hart a software-interrupt register
 * (msip) and a timer compare register (mtimecmp), and one free-running
 * 64-bit timer (mtime) counting at the timebase frequency from
 * LEMU_CLOCK_VIRTUAL, so that it is deterministic under -icount.
 *
 * Register map (offsets in the region; 32- and 64-bit accesses, naturally
 * aligned):
 *   0x0000 + 4 * hart   msip      bit 0 drives the hart's msip line
 *   0x4000 + 8 * hart   mtimecmp  the timer line is high while mtime >= mtimecmp
 *   0xbff8              mtime
 *
 * The device knows nothing of CPUs: it drives the interrupt lines it is
 * given (on a board: riscv_cpu_irq(cpu, RISCV_IRQ_M_SOFT / RISCV_IRQ_M_TIMER)).
 * A timer line is re-evaluated when mtimecmp or mtime is written and by a
 * virtual-clock timer at the deadline.  As in QEMU, nothing is raised at
 * reset: mtimecmp reads 0 until written, and its line stays low until then.
 */
#ifndef LEMU_CLINT_H
#define LEMU_CLINT_H

#include <stdint.h>

#include "lemu/irq.h"
#include "lemu/memory.h"

#define CLINT_SIZE 0x10000
#define CLINT_MSIP 0x0
#define CLINT_MTIMECMP 0x4000
#define CLINT_MTIME 0xbff8
/* The most harts the register map has room for. */
#define CLINT_MAX_HARTS 4095
/* The timebase of QEMU's and Spike's boards: mtime counts at 10 MHz. */
#define CLINT_TIMEBASE_FREQ 10000000

typedef struct ClintState ClintState;

/*
 * Create a CLINT for num_harts harts (1..CLINT_MAX_HARTS) whose mtime counts
 * at timebase_freq Hz.  msip_irqs[i] and mtip_irqs[i] are hart i's lines
 * (the arrays are copied; an entry may be NULL).  The caller maps
 * clint_mmio() where the board wants it.
 */
ClintState *clint_create(unsigned num_harts, const IRQ *msip_irqs, const IRQ *mtip_irqs,
                         uint64_t timebase_freq);
/* The CLINT_SIZE-byte I/O region "riscv.clint". */
MemoryRegion *clint_mmio(ClintState *s);
/* The current mtime value (what a guest read would return). */
uint64_t clint_mtime(ClintState *s);

#endif
