/*
 * timer.h: clocks and timers (softmmu/timer.c).
 *
 * Three clocks, all in nanoseconds:
 *   LEMU_CLOCK_VIRTUAL   guest time.  Normally the host's monotonic clock,
 *                        starting at 0 when the machine starts
 *                        (clock_start()); under -icount, derived from the
 *                        guest instruction count alone (ns = insns << shift,
 *                        plus the time skipped by icount_warp()), so that a
 *                        run is reproducible: devices that the guest can
 *                        observe (CLINT mtime) use this clock.
 *   LEMU_CLOCK_REALTIME  the host's monotonic clock since clock_start(),
 *                        whatever -icount says: for host-side chores (input
 *                        polling) that must not disturb determinism.
 *   LEMU_CLOCK_HOST      host wall-clock time since the Unix epoch (RTCs).
 *
 * A LemuTimer belongs to one clock and fires once, at or after its expiry
 * time, when the main loop calls clock_run_timers().  The main loop learns
 * when to come back from clock_deadline_ns() (to sleep in wfi, and to bound
 * how long the CPU runs: under icount, icount_budget() in instructions), and
 * from the notifier of timer_set_notify() that a timer moved earlier.
 *
 * Everything here runs in lemu's single main thread.
 */
#ifndef LEMU_TIMER_H
#define LEMU_TIMER_H

#include <stdbool.h>
#include <stdint.h>

typedef enum LemuClockType {
    LEMU_CLOCK_REALTIME,
    LEMU_CLOCK_VIRTUAL,
    LEMU_CLOCK_HOST,
    LEMU_CLOCK_MAX,
} LemuClockType;

#define NANOSECONDS_PER_SECOND 1000000000LL

typedef void LemuTimerCB(void *opaque);

/* Fields are private to softmmu/timer.c; embed the struct or timer_new() it. */
typedef struct LemuTimer {
    int64_t expire_time;        /* ns on its clock; -1 while not pending */
    LemuClockType type;
    LemuTimerCB *cb;
    void *opaque;
    struct LemuTimer *next;     /* in its clock's list, earliest first */
} LemuTimer;

/* ---- clocks ------------------------------------------------------------ */

/*
 * Set the zero of LEMU_CLOCK_VIRTUAL and LEMU_CLOCK_REALTIME to "now" (the
 * machine starts) and forget any icount warp.  Called by machine creation;
 * a clock read before any clock_start() starts the clocks implicitly.
 */
void clock_start(void);

/* The current time of a clock in ns. */
int64_t clock_get_ns(LemuClockType type);

/* ---- timers ------------------------------------------------------------ */

/* Initialise an embedded timer (not pending). */
void timer_init(LemuTimer *t, LemuClockType type, LemuTimerCB *cb, void *opaque);
/* Allocate and initialise a timer; free it with timer_free(). */
LemuTimer *timer_new(LemuClockType type, LemuTimerCB *cb, void *opaque);
/* Delete (if pending) and free a timer_new() timer.  NULL is a no-op. */
void timer_free(LemuTimer *t);

/*
 * (Re)arm t to fire when its clock reaches expire_ns (a time in the past
 * fires at the next clock_run_timers()).  Timers with equal expiry fire in
 * the order they were armed.  If t becomes its clock's earliest timer, the
 * timer_set_notify() function is called so the main loop can re-plan.
 */
void timer_mod(LemuTimer *t, int64_t expire_ns);
/* Disarm t; harmless if not pending. */
void timer_del(LemuTimer *t);
bool timer_pending(const LemuTimer *t);
/* The expiry time of a pending timer, -1 otherwise. */
int64_t timer_expire_time_ns(const LemuTimer *t);

/*
 * Run, in expiry order, every timer of the clock that has expired at the
 * current time (read once, at the start).  A callback may re-arm its own or
 * any other timer.  Returns true if at least one timer ran.
 */
bool clock_run_timers(LemuClockType type);
/* Absolute expiry of the clock's earliest pending timer, or -1 if none. */
int64_t clock_next_expire_ns(LemuClockType type);
/* ns from now until the clock's earliest timer (0 if overdue), -1 if none. */
int64_t clock_deadline_ns(LemuClockType type);

/*
 * Called (with no arguments) whenever timer_mod() makes a timer the
 * earliest of its clock: the main loop, possibly inside translated code,
 * must re-plan its sleep or its execution budget.  NULL disables it.
 */
void timer_set_notify(void (*fn)(void));

/* ---- icount ------------------------------------------------------------ */

/*
 * -icount shift=N: from now on LEMU_CLOCK_VIRTUAL is (instruction count
 * << shift) ns, plus the warp.  0 <= shift <= ICOUNT_MAX_SHIFT.  shift < 0
 * returns to the host clock.
 */
#define ICOUNT_MAX_SHIFT 10
void icount_configure(int shift);
bool icount_enabled(void);
int icount_shift(void);

/*
 * -icount sleep=on|off (default on), for the main loop: whether a hart
 * waiting in wfi under icount first waits in real time for the next
 * deadline (on), or jumps there at once (off).  Either way the virtual
 * clock lands exactly on the deadline (icount_warp_to_deadline), so guest-
 * visible time stays deterministic.
 */
void icount_set_sleep(bool sleep);
bool icount_sleep(void);

/*
 * The CPU side registers the function that returns the number of guest
 * instructions executed so far (all harts); without one the count is 0.
 */
void timer_set_icount_source(int64_t (*fn)(void));

/* Guest instructions that may run before the next LEMU_CLOCK_VIRTUAL
 * deadline is reached (rounded up: after that many the timer has expired;
 * 0 if it is due now), or -1 if no virtual timer is pending.  Only meaningful
 * under icount. */
int64_t icount_budget(void);

/*
 * Under icount, when every hart waits for an interrupt (wfi) the virtual
 * clock would never advance: skip it forward to the next virtual deadline,
 * deterministically.  Returns false (and does nothing) if no virtual timer
 * is pending or icount is off.
 */
bool icount_warp_to_deadline(void);

#endif
