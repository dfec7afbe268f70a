/*
 * test-timer.c: clocks and timers (softmmu/timer.c).  Under icount the
 * virtual clock is a pure function of a fake instruction counter, so every
 * deadline is checked to the instruction: timers fire exactly when the
 * count reaches them, in expiry order (FIFO on ties), the budget says how
 * many instructions may run before the next one, a warp jumps to it, and
 * the notifier tells the main loop when the earliest deadline moves.
 */
#include <criterion/criterion.h>

#include "lemu/timer.h"

static int64_t fake_icount;

static int64_t fake_icount_source(void)
{
    return fake_icount;
}

static void use_icount(int shift)
{
    fake_icount = 0;
    timer_set_icount_source(fake_icount_source);
    icount_configure(shift);
    clock_start();
}

typedef struct Fired {
    int order[16];
    int n;
} Fired;

static Fired fired;

typedef struct Tagged {
    LemuTimer t;
    int tag;
} Tagged;

static void record_cb(void *opaque)
{
    Tagged *t = opaque;
    if (fired.n < 16) {
        fired.order[fired.n++] = t->tag;
    }
}

static void tagged_init(Tagged *t, int tag)
{
    t->tag = tag;
    timer_init(&t->t, LEMU_CLOCK_VIRTUAL, record_cb, t);
}

Test(timer, icount_clock_is_instructions_shifted)
{
    use_icount(3);
    cr_assert(icount_enabled());
    cr_assert_eq(icount_shift(), 3);
    cr_assert_eq(clock_get_ns(LEMU_CLOCK_VIRTUAL), 0);
    fake_icount = 1000;
    cr_assert_eq(clock_get_ns(LEMU_CLOCK_VIRTUAL), 8000);
}

Test(timer, timer_fires_exactly_at_its_instruction)
{
    use_icount(0);
    Tagged a;
    tagged_init(&a, 1);
    timer_mod(&a.t, 500);
    cr_assert(timer_pending(&a.t));
    fake_icount = 499;
    cr_assert_not(clock_run_timers(LEMU_CLOCK_VIRTUAL));
    cr_assert_eq(fired.n, 0);
    fake_icount = 500;
    cr_assert(clock_run_timers(LEMU_CLOCK_VIRTUAL));
    cr_assert_eq(fired.n, 1);
    cr_assert_not(timer_pending(&a.t));
    cr_assert_eq(timer_expire_time_ns(&a.t), -1);
}

Test(timer, expired_timers_run_in_deadline_order_fifo_on_ties)
{
    use_icount(0);
    Tagged t[4];
    for (int i = 0; i < 4; i++) {
        tagged_init(&t[i], i);
    }
    timer_mod(&t[0].t, 300);
    timer_mod(&t[1].t, 100);
    timer_mod(&t[2].t, 300);
    timer_mod(&t[3].t, 200);
    fake_icount = 1000;
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
    cr_assert_eq(fired.n, 4);
    cr_assert_eq(fired.order[0], 1);
    cr_assert_eq(fired.order[1], 3);
    cr_assert_eq(fired.order[2], 0);
    cr_assert_eq(fired.order[3], 2);
}

Test(timer, deleted_timer_does_not_fire)
{
    use_icount(0);
    Tagged a;
    Tagged b;
    tagged_init(&a, 1);
    tagged_init(&b, 2);
    timer_mod(&a.t, 10);
    timer_mod(&b.t, 20);
    timer_del(&a.t);
    timer_del(&a.t);   /* harmless twice */
    fake_icount = 100;
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
    cr_assert_eq(fired.n, 1);
    cr_assert_eq(fired.order[0], 2);
}

Test(timer, re_arming_moves_a_timer_instead_of_duplicating_it)
{
    use_icount(0);
    Tagged a;
    tagged_init(&a, 7);
    timer_mod(&a.t, 10);
    timer_mod(&a.t, 50);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), 50);
    fake_icount = 20;
    cr_assert_not(clock_run_timers(LEMU_CLOCK_VIRTUAL));
    fake_icount = 50;
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
    cr_assert_eq(fired.n, 1);
}

static LemuTimer periodic;
static int periodic_runs;

static void periodic_cb(void *opaque)
{
    periodic_runs++;
    cr_assert_not(timer_pending(&periodic), "a running timer is no longer pending");
    timer_mod(&periodic, clock_get_ns(LEMU_CLOCK_VIRTUAL) + 100);
}

Test(timer, callback_can_re_arm_its_own_timer)
{
    use_icount(0);
    timer_init(&periodic, LEMU_CLOCK_VIRTUAL, periodic_cb, NULL);
    timer_mod(&periodic, 100);
    fake_icount = 100;
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
    cr_assert_eq(periodic_runs, 1);
    cr_assert_eq(timer_expire_time_ns(&periodic), 200);
    fake_icount = 199;
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
    cr_assert_eq(periodic_runs, 1);
    fake_icount = 200;
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
    cr_assert_eq(periodic_runs, 2);
}

Test(timer, deadline_and_budget_count_to_the_next_timer)
{
    use_icount(2);   /* 4 ns per instruction */
    cr_assert_eq(clock_deadline_ns(LEMU_CLOCK_VIRTUAL), -1);
    cr_assert_eq(icount_budget(), -1);
    Tagged a;
    tagged_init(&a, 1);
    timer_mod(&a.t, 1002);
    fake_icount = 100;   /* 400 ns */
    cr_assert_eq(clock_deadline_ns(LEMU_CLOCK_VIRTUAL), 602);
    /* 602 ns = 150.5 instructions: after 151 the timer has expired. */
    cr_assert_eq(icount_budget(), 151);
    fake_icount += 150;
    cr_assert_not(clock_run_timers(LEMU_CLOCK_VIRTUAL));
    fake_icount += 1;
    cr_assert(clock_run_timers(LEMU_CLOCK_VIRTUAL));
    cr_assert_eq(icount_budget(), -1);
}

Test(timer, overdue_timer_has_zero_deadline)
{
    use_icount(0);
    Tagged a;
    tagged_init(&a, 1);
    fake_icount = 1000;
    timer_mod(&a.t, 10);
    cr_assert_eq(clock_deadline_ns(LEMU_CLOCK_VIRTUAL), 0);
    cr_assert_eq(icount_budget(), 0);
}

Test(timer, warp_jumps_virtual_time_to_the_deadline)
{
    use_icount(0);
    cr_assert_not(icount_warp_to_deadline());
    Tagged a;
    tagged_init(&a, 1);
    timer_mod(&a.t, 5000);
    fake_icount = 10;
    cr_assert(icount_warp_to_deadline());
    cr_assert_eq(clock_get_ns(LEMU_CLOCK_VIRTUAL), 5000);
    cr_assert(clock_run_timers(LEMU_CLOCK_VIRTUAL));
    /* The warp stays: time keeps counting from there. */
    fake_icount = 20;
    cr_assert_eq(clock_get_ns(LEMU_CLOCK_VIRTUAL), 5010);
}

Test(timer, icount_runs_are_reproducible)
{
    /* The same instruction counts give the same firing points, twice. */
    for (int run = 0; run < 2; run++) {
        use_icount(1);
        fired.n = 0;
        Tagged a;
        Tagged b;
        tagged_init(&a, 1);
        tagged_init(&b, 2);
        timer_mod(&a.t, 30);
        timer_mod(&b.t, 31);
        int fired_at[2] = { -1, -1 };
        for (int insn = 0; insn < 40; insn++) {
            fake_icount = insn;
            int before = fired.n;
            clock_run_timers(LEMU_CLOCK_VIRTUAL);
            for (int k = before; k < fired.n; k++) {
                fired_at[fired.order[k] - 1] = insn;
            }
        }
        cr_assert_eq(fired_at[0], 15, "run %d", run);
        cr_assert_eq(fired_at[1], 16, "run %d", run);
    }
}

static int notifications;

static void count_notify(void)
{
    notifications++;
}

Test(timer, notify_only_when_the_earliest_deadline_moves)
{
    use_icount(0);
    timer_set_notify(count_notify);
    Tagged a;
    Tagged b;
    tagged_init(&a, 1);
    tagged_init(&b, 2);
    timer_mod(&a.t, 100);
    cr_assert_eq(notifications, 1);
    timer_mod(&b.t, 200);   /* later than a: no re-planning needed */
    cr_assert_eq(notifications, 1);
    timer_mod(&b.t, 50);    /* now the earliest */
    cr_assert_eq(notifications, 2);
    timer_set_notify(NULL);
    timer_mod(&a.t, 10);
    cr_assert_eq(notifications, 2);
}

Test(timer, clocks_are_separate)
{
    use_icount(0);
    Tagged v;
    tagged_init(&v, 1);
    LemuTimer *rt = timer_new(LEMU_CLOCK_REALTIME, record_cb, &v);
    timer_mod(rt, INT64_MAX);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), -1);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), INT64_MAX);
    timer_free(rt);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_REALTIME), -1);
}

Test(timer, host_clock_virtual_time_starts_near_zero_and_never_goes_back)
{
    icount_configure(-1);
    cr_assert_not(icount_enabled());
    clock_start();
    int64_t a = clock_get_ns(LEMU_CLOCK_VIRTUAL);
    int64_t b = clock_get_ns(LEMU_CLOCK_VIRTUAL);
    cr_assert_geq(a, 0);
    cr_assert_geq(b, a);
    cr_assert_gt(clock_get_ns(LEMU_CLOCK_HOST), 0);
}

Test(timer, icount_shift_is_clamped_and_sleep_flag_kept)
{
    icount_configure(99);
    cr_assert_eq(icount_shift(), ICOUNT_MAX_SHIFT);
    cr_assert(icount_sleep());
    icount_set_sleep(false);
    cr_assert_not(icount_sleep());
}
