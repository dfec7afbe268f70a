/*
 * irq.h: interrupt lines between devices, interrupt controllers and CPUs
 * (hw/irq.c).  A line is a handler plus opaque plus line number; setting
 * its level calls the handler.  Lines are level-triggered: devices set the
 * level, the receiver decides what a level means.  This is the only path by
 * which a device affects a CPU.
 */
#ifndef LEMU_IRQ_H
#define LEMU_IRQ_H

typedef struct IRQState *IRQ;
typedef void IRQHandler(void *opaque, int n, int level);

/* Allocate n lines numbered 0..n-1 that call handler(opaque, i, level). */
IRQ *irq_allocate(IRQHandler *handler, void *opaque, int n);
IRQ irq_allocate_one(IRQHandler *handler, void *opaque, int n);
void irq_free(IRQ irq);
void irq_free_array(IRQ *irqs, int n);
void irq_set(IRQ irq, int level);   /* NULL irq: no-op */
static inline void irq_raise(IRQ irq) { irq_set(irq, 1); }
static inline void irq_lower(IRQ irq) { irq_set(irq, 0); }

#endif
