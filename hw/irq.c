/*
 * hw/irq.c: interrupt lines (include/lemu/irq.h).  A line is nothing but
 * the receiver's handler, its opaque pointer and the line number the
 * receiver gave it; the sender only ever calls irq_set().  Lines are
 * allocated once at board creation and freed with the machine, so the
 * allocation failure paths end the program rather than return errors.
 */
#include "config.h"
#include "lemu/irq.h"

#include <stdio.h>
#include <stdlib.h>

struct IRQState {
    IRQHandler *handler;
    void *opaque;
    int n;
};

static void *irq_alloc_or_die(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size);
    if (!p) {
        fprintf(stderr, "lemu: out of memory allocating interrupt lines\n");
        abort();
    }
    return p;
}

IRQ irq_allocate_one(IRQHandler *handler, void *opaque, int n)
{
    IRQ irq = irq_alloc_or_die(1, sizeof(*irq));
    irq->handler = handler;
    irq->opaque = opaque;
    irq->n = n;
    return irq;
}

IRQ *irq_allocate(IRQHandler *handler, void *opaque, int n)
{
    IRQ *irqs = irq_alloc_or_die((size_t)(n > 0 ? n : 0), sizeof(*irqs));
    for (int i = 0; i < n; i++) {
        irqs[i] = irq_allocate_one(handler, opaque, i);
    }
    return irqs;
}

void irq_free(IRQ irq)
{
    free(irq);
}

void irq_free_array(IRQ *irqs, int n)
{
    if (!irqs) {
        return;
    }
    for (int i = 0; i < n; i++) {
        irq_free(irqs[i]);
    }
    free(irqs);
}

void irq_set(IRQ irq, int level)
{
    if (irq && irq->handler) {
        irq->handler(irq->opaque, irq->n, level);
    }
}
