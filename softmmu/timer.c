/*
 * softmmu/timer.c: lemu's clocks (virtual, realtime, host) and the timer
 * lists behind them, including -icount, where virtual time is a function of
 * the guest instruction count so that timer interrupts land on the same
 * instruction in every run.  See include/lemu/timer.h.
 *
 * Each clock keeps its pending timers in one list sorted by expiry; there
 * are a handful of timers per machine (one per hart in the CLINT, a few in
 * devices), so a sorted list beats any heap.
 */
#include "config.h"
#include "lemu/timer.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static struct {
    bool started;
    int64_t host_zero;          /* CLOCK_MONOTONIC ns at clock_start() */
    int shift;                  /* icount shift, -1 when icount is off */
    bool sleep;                 /* -icount sleep=on */
    int64_t warp_ns;            /* virtual time skipped by icount warps */
    int64_t (*icount_source)(void);
    void (*notify)(void);
    LemuTimer *lists[LEMU_CLOCK_MAX];
} timers = { .shift = -1, .sleep = true };

static int64_t host_clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

static int64_t monotonic_since_start(void)
{
    if (!timers.started) {
        clock_start();
    }
    return host_clock_ns(CLOCK_MONOTONIC) - timers.host_zero;
}

static int64_t icount_now(void)
{
    return timers.icount_source ? timers.icount_source() : 0;
}

void clock_start(void)
{
    timers.started = true;
    timers.host_zero = host_clock_ns(CLOCK_MONOTONIC);
    timers.warp_ns = 0;
}

int64_t clock_get_ns(LemuClockType type)
{
    switch (type) {
    case LEMU_CLOCK_VIRTUAL:
        if (timers.shift >= 0) {
            return (icount_now() << timers.shift) + timers.warp_ns;
        }
        return monotonic_since_start();
    case LEMU_CLOCK_REALTIME:
        return monotonic_since_start();
    case LEMU_CLOCK_HOST:
        return host_clock_ns(CLOCK_REALTIME);
    default:
        return 0;
    }
}

void timer_init(LemuTimer *t, LemuClockType type, LemuTimerCB *cb, void *opaque)
{
    t->expire_time = -1;
    t->type = type;
    t->cb = cb;
    t->opaque = opaque;
    t->next = NULL;
}

LemuTimer *timer_new(LemuClockType type, LemuTimerCB *cb, void *opaque)
{
    LemuTimer *t = malloc(sizeof(*t));
    if (!t) {
        fprintf(stderr, "lemu: out of memory allocating a timer\n");
        abort();
    }
    timer_init(t, type, cb, opaque);
    return t;
}

void timer_free(LemuTimer *t)
{
    if (t) {
        timer_del(t);
        free(t);
    }
}

bool timer_pending(const LemuTimer *t)
{
    return t->expire_time >= 0;
}

int64_t timer_expire_time_ns(const LemuTimer *t)
{
    return t->expire_time;
}

void timer_del(LemuTimer *t)
{
    if (!timer_pending(t)) {
        return;
    }
    for (LemuTimer **pp = &timers.lists[t->type]; *pp; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    }
    t->next = NULL;
    t->expire_time = -1;
}

void timer_mod(LemuTimer *t, int64_t expire_ns)
{
    timer_del(t);
    if (expire_ns < 0) {
        expire_ns = 0;
    }
    LemuTimer **pp = &timers.lists[t->type];
    /* After every timer with the same expiry: equal deadlines fire FIFO. */
    while (*pp && (*pp)->expire_time <= expire_ns) {
        pp = &(*pp)->next;
    }
    t->expire_time = expire_ns;
    t->next = *pp;
    *pp = t;
    if (timers.lists[t->type] == t && timers.notify) {
        timers.notify();
    }
}

bool clock_run_timers(LemuClockType type)
{
    int64_t now = clock_get_ns(type);
    bool ran = false;
    for (;;) {
        LemuTimer *t = timers.lists[type];
        if (!t || t->expire_time > now) {
            break;
        }
        timers.lists[type] = t->next;
        t->next = NULL;
        t->expire_time = -1;
        ran = true;
        t->cb(t->opaque);
    }
    return ran;
}

int64_t clock_next_expire_ns(LemuClockType type)
{
    LemuTimer *t = timers.lists[type];
    return t ? t->expire_time : -1;
}

int64_t clock_deadline_ns(LemuClockType type)
{
    int64_t expire = clock_next_expire_ns(type);
    if (expire < 0) {
        return -1;
    }
    int64_t now = clock_get_ns(type);
    return expire > now ? expire - now : 0;
}

void timer_set_notify(void (*fn)(void))
{
    timers.notify = fn;
}

void icount_configure(int shift)
{
    if (shift > ICOUNT_MAX_SHIFT) {
        shift = ICOUNT_MAX_SHIFT;
    }
    timers.shift = shift < 0 ? -1 : shift;
    timers.warp_ns = 0;
}

bool icount_enabled(void)
{
    return timers.shift >= 0;
}

int icount_shift(void)
{
    return timers.shift;
}

void icount_set_sleep(bool sleep)
{
    timers.sleep = sleep;
}

bool icount_sleep(void)
{
    return timers.sleep;
}

void timer_set_icount_source(int64_t (*fn)(void))
{
    timers.icount_source = fn;
}

int64_t icount_budget(void)
{
    int64_t ns = clock_deadline_ns(LEMU_CLOCK_VIRTUAL);
    if (ns < 0) {
        return -1;
    }
    int shift = timers.shift > 0 ? timers.shift : 0;
    /* Round up: the timer must have expired once the budget is spent. */
    int64_t mask = ((int64_t)1 << shift) - 1;
    return (ns >> shift) + ((ns & mask) != 0);
}

bool icount_warp_to_deadline(void)
{
    if (!icount_enabled()) {
        return false;
    }
    int64_t ns = clock_deadline_ns(LEMU_CLOCK_VIRTUAL);
    if (ns < 0) {
        return false;
    }
    timers.warp_ns += ns;
    return true;
}
