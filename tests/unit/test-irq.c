/*
 * test-irq.c: interrupt lines (hw/irq.c): a level set on a line reaches the
 * receiver's handler with the receiver's opaque pointer and line number;
 * NULL lines are silently ignored (an unconnected output).
 */
#include <criterion/criterion.h>

#include "lemu/irq.h"

typedef struct Receiver {
    int calls;
    int last_n;
    int last_level;
    int levels[8];
} Receiver;

static void receiver_handler(void *opaque, int n, int level)
{
    Receiver *r = opaque;
    r->calls++;
    r->last_n = n;
    r->last_level = level;
    if (n >= 0 && n < 8) {
        r->levels[n] = level;
    }
}

Test(irq, level_reaches_handler_with_opaque_and_number)
{
    Receiver r = { 0 };
    IRQ line = irq_allocate_one(receiver_handler, &r, 5);
    irq_set(line, 1);
    cr_assert_eq(r.calls, 1);
    cr_assert_eq(r.last_n, 5);
    cr_assert_eq(r.last_level, 1);
    irq_set(line, 0);
    cr_assert_eq(r.calls, 2);
    cr_assert_eq(r.last_level, 0);
    irq_free(line);
}

Test(irq, raise_and_lower_set_levels_one_and_zero)
{
    Receiver r = { 0 };
    IRQ line = irq_allocate_one(receiver_handler, &r, 0);
    irq_raise(line);
    cr_assert_eq(r.last_level, 1);
    irq_lower(line);
    cr_assert_eq(r.last_level, 0);
    irq_free(line);
}

Test(irq, array_lines_are_numbered_from_zero)
{
    Receiver r = { 0 };
    IRQ *lines = irq_allocate(receiver_handler, &r, 8);
    for (int i = 0; i < 8; i++) {
        irq_set(lines[i], 10 + i);
    }
    cr_assert_eq(r.calls, 8);
    for (int i = 0; i < 8; i++) {
        cr_assert_eq(r.levels[i], 10 + i, "line %d", i);
    }
    irq_free_array(lines, 8);
}

Test(irq, repeated_level_is_delivered_every_time)
{
    /* Lines are not edge-filtered: the receiver decides what a level means. */
    Receiver r = { 0 };
    IRQ line = irq_allocate_one(receiver_handler, &r, 2);
    irq_raise(line);
    irq_raise(line);
    cr_assert_eq(r.calls, 2);
    irq_free(line);
}

Test(irq, null_line_is_a_no_op)
{
    irq_set(NULL, 1);
    irq_raise(NULL);
    irq_lower(NULL);
    irq_free(NULL);
    irq_free_array(NULL, 3);
}

Test(irq, two_receivers_stay_separate)
{
    Receiver a = { 0 };
    Receiver b = { 0 };
    IRQ la = irq_allocate_one(receiver_handler, &a, 1);
    IRQ lb = irq_allocate_one(receiver_handler, &b, 1);
    irq_raise(la);
    cr_assert_eq(a.calls, 1);
    cr_assert_eq(b.calls, 0);
    irq_free(la);
    irq_free(lb);
}
