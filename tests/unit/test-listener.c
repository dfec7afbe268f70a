/*
 * test-listener.c: address spaces and memory listeners (memory/flatview.c,
 * memory/memory.c): transactions (one begin/commit for many changes, none
 * when nothing visible changed), the exact region_del/region_add/region_nop
 * diff, listener order by priority (adds forward, deletes in reverse),
 * replay to late listeners, address-space filters, log_start/log_stop,
 * unregistering, address_space_destroy, and FlatViews that outlive changes.
 */
#include <criterion/criterion.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/memory.h"

/* Every listener writes its events here, one line each. */
static char event_log[16384];

static void log_line(const char *fmt, ...)
{
    size_t used = strlen(event_log);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(event_log + used, sizeof(event_log) - used, fmt, ap);
    va_end(ap);
    used = strlen(event_log);
    snprintf(event_log + used, sizeof(event_log) - used, "\n");
}

static void log_section(MemoryListener *l, const char *what, const MemoryRegionSection *s)
{
    log_line("%s %s %s %" PRIx64 "+%" PRIx64 " %s@%" PRIx64 "%s", l->name, what,
             s->address_space ? s->address_space->name : "-", s->offset_within_address_space,
             (uint64_t)s->size, memory_region_name(s->mr), s->offset_within_region,
             s->readonly ? " ro" : "");
}

static void rec_begin(MemoryListener *l)
{
    log_line("%s begin", l->name);
}

static void rec_commit(MemoryListener *l)
{
    log_line("%s commit", l->name);
}

static void rec_add(MemoryListener *l, MemoryRegionSection *s)
{
    log_section(l, "add", s);
}

static void rec_del(MemoryListener *l, MemoryRegionSection *s)
{
    log_section(l, "del", s);
}

static void rec_nop(MemoryListener *l, MemoryRegionSection *s)
{
    log_section(l, "nop", s);
}

static void rec_log_start(MemoryListener *l, MemoryRegionSection *s, int old, int new)
{
    log_section(l, "log_start", s);
    log_line("%s   mask %d -> %d", l->name, old, new);
}

static void rec_log_stop(MemoryListener *l, MemoryRegionSection *s, int old, int new)
{
    log_section(l, "log_stop", s);
    log_line("%s   mask %d -> %d", l->name, old, new);
}

static void rec_eventfd_add(MemoryListener *l, MemoryRegionSection *s, bool match_data,
                            uint64_t data, EventNotifier *e)
{
    (void)e;
    log_line("%s eventfd_add %s %" PRIx64 "/%u %s", l->name, s->address_space->name,
             s->offset_within_address_space, (unsigned)s->size,
             match_data ? "data" : "any");
    (void)data;
}

static void rec_eventfd_del(MemoryListener *l, MemoryRegionSection *s, bool match_data,
                            uint64_t data, EventNotifier *e)
{
    (void)e;
    (void)data;
    log_line("%s eventfd_del %s %" PRIx64 "/%u %s", l->name, s->address_space->name,
             s->offset_within_address_space, (unsigned)s->size,
             match_data ? "data" : "any");
}

static MemoryListener recorder(const char *name, unsigned priority)
{
    return (MemoryListener){
        .begin = rec_begin, .commit = rec_commit,
        .region_add = rec_add, .region_del = rec_del, .region_nop = rec_nop,
        .log_start = rec_log_start, .log_stop = rec_log_stop,
        .eventfd_add = rec_eventfd_add, .eventfd_del = rec_eventfd_del,
        .priority = priority, .name = name,
    };
}

static MemoryRegion *new_container(const char *name, uint64_t size)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    memory_region_init(mr, NULL, name, size);
    return mr;
}

static MemoryRegion *new_io(const char *name, uint64_t size)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    memory_region_init_io(mr, NULL, NULL, NULL, name, size);
    return mr;
}

static int count_lines(const char *needle)
{
    int n = 0;
    for (const char *p = event_log; (p = strstr(p, needle)); p++) {
        n++;
    }
    return n;
}

/* sys: dev at 0x1000 (4 KiB), ram-like io at 0x10000 (64 KiB). */
static MemoryRegion *sys, *dev, *ram;
static AddressSpace as;

static void setup_space(void)
{
    sys = new_container("sys", UINT64_MAX);
    dev = new_io("dev", 0x1000);
    ram = new_io("ram", 0x10000);
    memory_region_add_subregion(sys, 0x1000, dev);
    memory_region_add_subregion(sys, 0x10000, ram);
    address_space_init(&as, sys, "mem");
    event_log[0] = '\0';
}

TestSuite(listener, .init = setup_space);

Test(listener, many_changes_in_one_transaction_make_one_begin_commit_pair)
{
    static MemoryListener l;
    l = recorder("L", 1);
    memory_listener_register(&l, &as);
    event_log[0] = '\0';

    MemoryRegion *a = new_io("a", 0x100), *b = new_io("b", 0x100);
    memory_region_transaction_begin();
    memory_region_add_subregion(sys, 0x4000, a);
    memory_region_transaction_begin();  /* nested: its commit does nothing */
    memory_region_add_subregion(sys, 0x5000, b);
    memory_region_set_address(dev, 0x2000);
    memory_region_transaction_commit();
    cr_expect_str_empty(event_log, "an inner commit must not update: %s", event_log);
    memory_region_set_enabled(b, false);
    memory_region_set_enabled(b, true);
    memory_region_transaction_commit();

    cr_expect_eq(count_lines("L begin"), 1, "%s", event_log);
    cr_expect_eq(count_lines("L commit"), 1, "%s", event_log);
    cr_expect_str_eq(event_log,
                     "L begin\n"
                     "L del mem 1000+1000 dev@0\n"
                     "L add mem 2000+1000 dev@0\n"
                     "L add mem 4000+100 a@0\n"
                     "L add mem 5000+100 b@0\n"
                     "L nop mem 10000+10000 ram@0\n"
                     "L commit\n");
}

Test(listener, moving_a_region_is_a_delete_then_an_add_and_nops_for_the_rest)
{
    static MemoryListener l;
    l = recorder("L", 1);
    memory_listener_register(&l, &as);
    event_log[0] = '\0';
    memory_region_set_address(dev, 0x30000);
    cr_expect_str_eq(event_log,
                     "L begin\n"
                     "L del mem 1000+1000 dev@0\n"
                     "L nop mem 10000+10000 ram@0\n"
                     "L add mem 30000+1000 dev@0\n"
                     "L commit\n");
}

Test(listener, a_region_moving_into_another_splits_it_into_new_ranges)
{
    static MemoryListener l;
    l = recorder("L", 1);
    memory_listener_register(&l, &as);
    MemoryRegion *win = new_io("win", 0x1000);
    memory_region_add_subregion_overlap(sys, 0x40000, win, 1);
    event_log[0] = '\0';
    memory_region_set_address(win, 0x14000);
    cr_expect_str_eq(event_log,
                     "L begin\n"
                     "L del mem 10000+10000 ram@0\n"
                     "L del mem 40000+1000 win@0\n"
                     "L nop mem 1000+1000 dev@0\n"
                     "L add mem 10000+4000 ram@0\n"
                     "L add mem 14000+1000 win@0\n"
                     "L add mem 15000+b000 ram@5000\n"
                     "L commit\n");
}

Test(listener, nothing_visible_changed_means_no_listener_calls)
{
    static MemoryListener l;
    l = recorder("L", 1);
    memory_listener_register(&l, NULL);
    event_log[0] = '\0';

    /* A container that no address space renders. */
    MemoryRegion *loose = new_container("loose", 0x10000), *x = new_io("x", 0x10);
    memory_region_add_subregion(loose, 0, x);
    memory_region_set_address(x, 0x100);
    /* Changes hidden under a higher-priority region. */
    MemoryRegion *cover = new_io("cover", 0x10000);
    memory_region_add_subregion_overlap(sys, 0x10000, cover, 10);
    event_log[0] = '\0';
    MemoryRegion *hidden = new_io("hidden", 0x100);
    memory_region_add_subregion_overlap(sys, 0x10000, hidden, 0);
    memory_region_set_readonly(ram, true);
    /* An empty transaction. */
    memory_region_transaction_begin();
    memory_region_transaction_commit();
    cr_expect_str_empty(event_log, "%s", event_log);
}

Test(listener, adds_go_in_priority_order_and_deletes_in_reverse)
{
    static MemoryListener hi, lo, mid;
    hi = recorder("H", 20);
    lo = recorder("L", 1);
    mid = recorder("M", 10);
    memory_listener_register(&hi, &as);
    memory_listener_register(&lo, &as);
    memory_listener_register(&mid, &as);
    event_log[0] = '\0';
    memory_region_set_address(dev, 0x3000);
    cr_expect_str_eq(event_log,
                     "L begin\nM begin\nH begin\n"
                     "H del mem 1000+1000 dev@0\n"
                     "M del mem 1000+1000 dev@0\n"
                     "L del mem 1000+1000 dev@0\n"
                     "L add mem 3000+1000 dev@0\n"
                     "M add mem 3000+1000 dev@0\n"
                     "H add mem 3000+1000 dev@0\n"
                     "L nop mem 10000+10000 ram@0\n"
                     "M nop mem 10000+10000 ram@0\n"
                     "H nop mem 10000+10000 ram@0\n"
                     "L commit\nM commit\nH commit\n");
}

Test(listener, equal_priorities_keep_registration_order)
{
    static MemoryListener a, b;
    a = recorder("A", 5);
    b = recorder("B", 5);
    memory_listener_register(&a, &as);
    memory_listener_register(&b, &as);
    event_log[0] = '\0';
    memory_region_set_enabled(dev, false);
    cr_expect_str_eq(event_log,
                     "A begin\nB begin\n"
                     "B del mem 1000+1000 dev@0\n"
                     "A del mem 1000+1000 dev@0\n"
                     "A nop mem 10000+10000 ram@0\n"
                     "B nop mem 10000+10000 ram@0\n"
                     "A commit\nB commit\n");
}

Test(listener, a_late_listener_is_replayed_the_current_topology)
{
    MemoryRegion *mem = calloc(1, sizeof(*mem));
    cr_assert(memory_region_init_ram(mem, NULL, "dram", 0x2000, NULL));
    memory_region_add_subregion(sys, 0x80000, mem);
    static EventNotifier e;
    memory_region_add_eventfd(dev, 0x10, 4, true, 7, &e);

    static MemoryListener l;
    l = recorder("L", 1);
    event_log[0] = '\0';
    memory_listener_register(&l, NULL);
    cr_expect_str_eq(event_log,
                     "L begin\n"
                     "L add mem 1000+1000 dev@0\n"
                     "L add mem 10000+10000 ram@0\n"
                     "L add mem 80000+2000 dram@0\n"
                     "L log_start mem 80000+2000 dram@0\n"
                     "L   mask 0 -> 2\n"
                     "L eventfd_add mem 1010/4 data\n"
                     "L commit\n");
}

Test(listener, unregistering_deletes_everything_the_listener_was_told)
{
    MemoryRegion *mem = calloc(1, sizeof(*mem));
    cr_assert(memory_region_init_ram(mem, NULL, "dram", 0x2000, NULL));
    memory_region_add_subregion(sys, 0x80000, mem);
    static EventNotifier e;
    memory_region_add_eventfd(dev, 0x10, 0, false, 0, &e);
    static MemoryListener l;
    l = recorder("L", 1);
    memory_listener_register(&l, &as);
    event_log[0] = '\0';
    memory_listener_unregister(&l);
    cr_expect_str_eq(event_log,
                     "L begin\n"
                     "L eventfd_del mem 1010/0 any\n"
                     "L del mem 1000+1000 dev@0\n"
                     "L del mem 10000+10000 ram@0\n"
                     "L log_stop mem 80000+2000 dram@0\n"
                     "L   mask 2 -> 0\n"
                     "L del mem 80000+2000 dram@0\n"
                     "L commit\n");
    event_log[0] = '\0';
    memory_region_set_address(dev, 0x3000);
    memory_listener_unregister(&l);  /* twice: a no-op */
    cr_expect_str_empty(event_log, "an unregistered listener hears nothing: %s", event_log);
}

Test(listener, a_filtered_listener_sees_only_its_address_space)
{
    MemoryRegion *io_root = new_container("io", 0x10000);
    MemoryRegion *port = new_io("port", 0x8);
    memory_region_add_subregion(io_root, 0x3f8, port);
    static AddressSpace io_as;
    address_space_init(&io_as, io_root, "io");

    static MemoryListener only_io, all;
    only_io = recorder("F", 1);
    all = recorder("G", 2);
    event_log[0] = '\0';
    memory_listener_register(&only_io, &io_as);
    cr_expect_str_eq(event_log, "F begin\nF add io 3f8+8 port@0\nF commit\n");
    memory_listener_register(&all, NULL);
    event_log[0] = '\0';

    memory_region_set_address(dev, 0x2000);
    /* begin and commit reach every listener; ranges only those who listen. */
    cr_expect_str_eq(event_log,
                     "F begin\nG begin\n"
                     "G del mem 1000+1000 dev@0\n"
                     "G add mem 2000+1000 dev@0\n"
                     "G nop mem 10000+10000 ram@0\n"
                     "F nop io 3f8+8 port@0\n"
                     "G nop io 3f8+8 port@0\n"
                     "F commit\nG commit\n");
}

Test(listener, changing_the_dirty_log_mask_sends_log_start_and_log_stop)
{
    MemoryRegion *mem = calloc(1, sizeof(*mem));
    cr_assert(memory_region_init_ram(mem, NULL, "vram", 0x1000, NULL));
    memory_region_add_subregion(sys, 0x80000, mem);
    static MemoryListener l;
    l = recorder("L", 1);
    memory_listener_register(&l, &as);

    event_log[0] = '\0';
    memory_region_set_log(mem, true, DIRTY_MEMORY_VGA);
    cr_expect_str_eq(event_log,
                     "L begin\n"
                     "L nop mem 1000+1000 dev@0\n"
                     "L nop mem 10000+10000 ram@0\n"
                     "L nop mem 80000+1000 vram@0\n"
                     "L log_start mem 80000+1000 vram@0\n"
                     "L   mask 2 -> 3\n"
                     "L commit\n");
    event_log[0] = '\0';
    memory_region_set_log(mem, false, DIRTY_MEMORY_CODE);
    cr_expect(strstr(event_log, "L log_stop mem 80000+1000 vram@0\nL   mask 3 -> 1\n") != NULL,
              "%s", event_log);
    cr_expect(strstr(event_log, "log_start") == NULL, "%s", event_log);
    event_log[0] = '\0';
    memory_region_set_log(mem, false, DIRTY_MEMORY_CODE);  /* no change */
    cr_expect_str_empty(event_log, "%s", event_log);
}

Test(listener, readonly_change_replaces_the_range)
{
    static MemoryListener l;
    l = recorder("L", 1);
    memory_listener_register(&l, &as);
    event_log[0] = '\0';
    memory_region_set_readonly(dev, true);
    cr_expect_str_eq(event_log,
                     "L begin\n"
                     "L del mem 1000+1000 dev@0\n"
                     "L add mem 1000+1000 dev@0 ro\n"
                     "L nop mem 10000+10000 ram@0\n"
                     "L commit\n");
}

Test(listener, destroying_an_address_space_deletes_its_ranges)
{
    static MemoryListener l;
    l = recorder("L", 1);
    memory_listener_register(&l, NULL);
    event_log[0] = '\0';
    address_space_destroy(&as);
    cr_expect(strstr(event_log, "L del mem 1000+1000 dev@0\nL del mem 10000+10000 ram@0\n"),
              "%s", event_log);
    event_log[0] = '\0';
    memory_region_set_address(dev, 0x3000);
    cr_expect_str_empty(event_log, "no address space shows dev any more: %s", event_log);
    memory_listener_unregister(&l);
}

Test(listener, an_old_flatview_stays_valid_while_held)
{
    FlatView *old = address_space_get_flatview(&as);
    cr_assert_eq(old->nr, 2);
    memory_region_del_subregion(sys, dev);
    object_unparent(&dev->parent_obj);
    FlatView *now = address_space_get_flatview(&as);
    cr_expect_neq(now, old);
    cr_expect_eq(now->nr, 1);
    cr_expect_eq(old->nr, 2);
    cr_expect_eq(old->ranges[0].mr, dev);
    cr_expect_str_eq(memory_region_name(old->ranges[0].mr), "dev", "held alive by the view");
    flatview_unref(now);
    flatview_unref(old);
    cr_expect_null(dev->name, "gone with the last view");
}

Test(listener, address_spaces_on_one_root_share_a_flatview)
{
    static AddressSpace cpu_as;
    address_space_init(&cpu_as, sys, "cpu-memory-0");
    FlatView *a = address_space_get_flatview(&as), *b = address_space_get_flatview(&cpu_as);
    cr_expect_eq(a, b);
    flatview_unref(a);
    flatview_unref(b);
    address_space_destroy(&cpu_as);
    FlatView *c = address_space_get_flatview(&as);
    cr_expect_eq(c->nr, 2, "the other space is untouched");
    flatview_unref(c);
}

Test(listener, address_space_init_inside_a_transaction_renders_at_the_commit)
{
    MemoryRegion *root = new_container("late", 0x10000), *x = new_io("x", 0x10);
    memory_region_add_subregion(root, 0x20, x);
    static AddressSpace late;
    memory_region_transaction_begin();
    address_space_init(&late, root, "late");
    FlatView *v = address_space_get_flatview(&late);
    cr_expect_eq(v->nr, 0);
    flatview_unref(v);
    memory_region_transaction_commit();
    v = address_space_get_flatview(&late);
    cr_expect_eq(v->nr, 1);
    flatview_unref(v);
    address_space_destroy(&late);
}
