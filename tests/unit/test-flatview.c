/*
 * test-flatview.c: rendering region trees into FlatViews (memory/flatview.c).
 * The named tests are the worked examples of docs/memory.md (priorities,
 * equal-priority ties, holes, aliases of aliases, disabling, readonly,
 * clipping, merging); the last test renders many random trees and compares
 * every range with a naive resolver that walks the tree for one address.
 */
#include <criterion/criterion.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/memory.h"

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

static MemoryRegion *new_alias(const char *name, MemoryRegion *orig, hwaddr offset,
                               uint64_t size)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    memory_region_init_alias(mr, NULL, name, orig, offset, size);
    return mr;
}

typedef struct Expect {
    uint64_t first, last;  /* inclusive, as `info mtree` prints them */
    MemoryRegion *mr;
    hwaddr offset;
    bool readonly;
} Expect;

static void expect_view(MemoryRegion *root, const Expect *want, unsigned n)
{
    FlatView *v = flatview_render(root);
    for (unsigned i = 0; i < v->nr && i < n; i++) {
        const FlatRange *fr = &v->ranges[i];
        uint64_t first = (uint64_t)fr->addr.start;
        uint64_t last = (uint64_t)(fr->addr.start + fr->addr.size - 1);
        cr_expect(first == want[i].first && last == want[i].last && fr->mr == want[i].mr &&
                      fr->offset_in_region == want[i].offset &&
                      fr->readonly == want[i].readonly,
                  "range %u: got %016" PRIx64 "-%016" PRIx64 " %s @%" PRIx64 "%s, want "
                  "%016" PRIx64 "-%016" PRIx64 " %s @%" PRIx64 "%s",
                  i, first, last, memory_region_name(fr->mr), fr->offset_in_region,
                  fr->readonly ? " ro" : "", want[i].first, want[i].last,
                  memory_region_name(want[i].mr), want[i].offset,
                  want[i].readonly ? " ro" : "");
    }
    cr_expect_eq(v->nr, n, "the view has %u ranges, want %u", v->nr, n);
    flatview_unref(v);
}

/*
 * docs/memory.md, "Priorities":
 *
 *   0x0000      0x2000  0x3000      0x8000
 *   |  ram      | mmio  |   ram     |        mmio: priority 1
 *   +-----------+-------+-----------+        ram:  priority 0
 */
Test(flatview, higher_priority_region_covers_a_lower_one)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *ram = new_io("ram", 0x8000), *mmio = new_io("mmio", 0x1000);
    memory_region_add_subregion(sys, 0, ram);
    memory_region_add_subregion_overlap(sys, 0x2000, mmio, 1);
    Expect want[] = {
        { 0x0000, 0x1fff, ram, 0x0000, false },
        { 0x2000, 0x2fff, mmio, 0x0000, false },
        { 0x3000, 0x7fff, ram, 0x3000, false },
    };
    expect_view(sys, want, 3);
}

Test(flatview, a_lower_priority_region_added_later_stays_below)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *ram = new_io("ram", 0x8000), *bg = new_io("background", 0x10000);
    memory_region_add_subregion_overlap(sys, 0, ram, 0);
    memory_region_add_subregion_overlap(sys, 0, bg, -1);
    Expect want[] = {
        { 0x0000, 0x7fff, ram, 0, false },
        { 0x8000, 0xffff, bg, 0x8000, false },
    };
    expect_view(sys, want, 2);
}

/*
 * docs/memory.md, "Equal priorities": a and b both priority 0, b added
 * after a: b wins where they overlap.
 */
Test(flatview, on_equal_priority_the_region_added_later_wins)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *a = new_io("a", 0x1000), *b = new_io("b", 0x1000);
    memory_region_add_subregion_overlap(sys, 0x0000, a, 0);
    memory_region_add_subregion_overlap(sys, 0x0800, b, 0);
    Expect want[] = {
        { 0x0000, 0x07ff, a, 0, false },
        { 0x0800, 0x17ff, b, 0, false },
    };
    expect_view(sys, want, 2);

    /* Moving a re-adds it: now a is the later one. */
    memory_region_set_address(a, 0x0100);
    Expect moved[] = {
        { 0x0100, 0x10ff, a, 0, false },
        { 0x1100, 0x17ff, b, 0x900, false },
    };
    expect_view(sys, moved, 2);
}

/*
 * docs/memory.md, "Holes": a container is transparent where it has no
 * subregion, so the priority-0 RAM shows through the bus's gaps, and
 * nothing at all is mapped past the RAM.
 */
Test(flatview, containers_are_transparent_where_they_have_no_subregion)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *ram = new_io("ram", 0x10000);
    MemoryRegion *bus = new_container("bus", 0x4000);
    MemoryRegion *dev = new_io("dev", 0x1000);
    memory_region_add_subregion(sys, 0, ram);
    memory_region_add_subregion_overlap(sys, 0x4000, bus, 1);
    memory_region_add_subregion(bus, 0x1000, dev);
    Expect want[] = {
        { 0x0000, 0x4fff, ram, 0x0000, false },
        { 0x5000, 0x5fff, dev, 0x0000, false },
        { 0x6000, 0xffff, ram, 0x6000, false },
    };
    expect_view(sys, want, 3);
}

Test(flatview, holes_are_left_out_of_the_view)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *a = new_io("a", 0x1000), *b = new_io("b", 0x1000);
    memory_region_add_subregion(sys, 0x1000, a);
    memory_region_add_subregion(sys, 0x8000, b);
    Expect want[] = {
        { 0x1000, 0x1fff, a, 0, false },
        { 0x8000, 0x8fff, b, 0, false },
    };
    expect_view(sys, want, 2);
}

/* A device region with subregions: they come first, the device fills the rest. */
Test(flatview, a_terminating_region_fills_around_its_own_subregions)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *dev = new_io("dev", 0x1000), *fifo = new_io("fifo", 0x10);
    memory_region_add_subregion(sys, 0x10000, dev);
    memory_region_add_subregion(dev, 0x100, fifo);
    Expect want[] = {
        { 0x10000, 0x100ff, dev, 0x000, false },
        { 0x10100, 0x1010f, fifo, 0x000, false },
        { 0x10110, 0x10fff, dev, 0x110, false },
    };
    expect_view(sys, want, 3);
}

/*
 * docs/memory.md, "Aliases": lo and hi are windows into one RAM; hi2 is a
 * window into hi, so it reaches the RAM at 0x8000 + 0x1000.
 */
Test(flatview, aliases_and_aliases_of_aliases_reach_the_target_at_their_offsets)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *ram = new_io("ram", 0x10000);
    MemoryRegion *lo = new_alias("lo", ram, 0x0000, 0x4000);
    MemoryRegion *hi = new_alias("hi", ram, 0x8000, 0x4000);
    MemoryRegion *hi2 = new_alias("hi2", hi, 0x1000, 0x1000);
    memory_region_add_subregion(sys, 0x00000, lo);
    memory_region_add_subregion(sys, 0x10000, hi);
    memory_region_add_subregion(sys, 0x20000, hi2);
    Expect want[] = {
        { 0x00000, 0x03fff, ram, 0x0000, false },
        { 0x10000, 0x13fff, ram, 0x8000, false },
        { 0x20000, 0x20fff, ram, 0x9000, false },
    };
    expect_view(sys, want, 3);

    memory_region_set_alias_offset(hi, 0xc000);
    Expect moved[] = {
        { 0x00000, 0x03fff, ram, 0x0000, false },
        { 0x10000, 0x13fff, ram, 0xc000, false },
        { 0x20000, 0x20fff, ram, 0xd000, false },
    };
    expect_view(sys, moved, 3);
}

Test(flatview, an_alias_window_is_clipped_to_its_target)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *rom = new_io("rom", 0x1000);
    MemoryRegion *big = new_alias("big", rom, 0x800, 0x4000);
    memory_region_add_subregion(sys, 0x1000, big);
    Expect want[] = { { 0x1000, 0x17ff, rom, 0x800, false } };
    expect_view(sys, want, 1);
}

Test(flatview, an_alias_into_a_container_shows_its_subregions)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *pci = new_container("pci", UINT64_MAX);
    MemoryRegion *bar = new_io("bar", 0x1000);
    memory_region_add_subregion(pci, 0x40001000, bar);
    MemoryRegion *win = new_alias("pci-window", pci, 0x40000000, 0x10000);
    memory_region_add_subregion(sys, 0x40000000, win);
    Expect want[] = { { 0x40001000, 0x40001fff, bar, 0, false } };
    expect_view(sys, want, 1);
}

/* docs/memory.md, "Disabling": what is below shows through. */
Test(flatview, disabling_a_region_reveals_the_one_below)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *ram = new_io("ram", 0x4000), *shadow = new_io("shadow", 0x1000);
    memory_region_add_subregion(sys, 0, ram);
    memory_region_add_subregion_overlap(sys, 0x1000, shadow, 1);
    Expect on[] = {
        { 0x0000, 0x0fff, ram, 0x0000, false },
        { 0x1000, 0x1fff, shadow, 0, false },
        { 0x2000, 0x3fff, ram, 0x2000, false },
    };
    expect_view(sys, on, 3);
    memory_region_set_enabled(shadow, false);
    /* The two RAM pieces join again: one range. */
    Expect off[] = { { 0x0000, 0x3fff, ram, 0, false } };
    expect_view(sys, off, 1);
    memory_region_set_enabled(ram, false);
    expect_view(sys, NULL, 0);
}

Test(flatview, a_disabled_alias_target_shows_nothing_through_the_alias)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *target = new_io("target", 0x1000), *below = new_io("below", 0x1000);
    MemoryRegion *alias = new_alias("alias", target, 0, 0x1000);
    memory_region_add_subregion_overlap(sys, 0, alias, 1);
    memory_region_add_subregion_overlap(sys, 0, below, 0);
    memory_region_set_enabled(target, false);
    Expect want[] = { { 0x0000, 0x0fff, below, 0, false } };
    expect_view(sys, want, 1);
}

/* docs/memory.md, "Readonly": the flag of any region on the way down counts. */
Test(flatview, readonly_is_inherited_from_containers_and_aliases)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *flash = new_io("flash", 0x2000);
    MemoryRegion *bus = new_container("bus", 0x10000);
    MemoryRegion *dev = new_io("dev", 0x1000);
    MemoryRegion *ro_window = new_alias("ro-window", flash, 0, 0x1000);
    memory_region_add_subregion(sys, 0x0000, flash);
    memory_region_add_subregion(sys, 0x10000, bus);
    memory_region_add_subregion(bus, 0, dev);
    memory_region_add_subregion(sys, 0x20000, ro_window);
    memory_region_set_readonly(bus, true);
    memory_region_set_readonly(ro_window, true);
    Expect want[] = {
        { 0x00000, 0x01fff, flash, 0, false },
        { 0x10000, 0x10fff, dev, 0, true },
        { 0x20000, 0x20fff, flash, 0, true },
    };
    expect_view(sys, want, 3);
}

Test(flatview, subregions_are_clipped_to_their_container)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *bus = new_container("bus", 0x1000);
    MemoryRegion *wide = new_io("wide", 0x4000);
    memory_region_add_subregion(sys, 0x5000, bus);
    memory_region_add_subregion(bus, 0x800, wide);
    Expect want[] = { { 0x5800, 0x5fff, wide, 0, false } };
    expect_view(sys, want, 1);
}

/* docs/memory.md, "Merging": two windows that continue each other are one range. */
Test(flatview, adjacent_compatible_ranges_are_merged)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *ram = new_io("ram", 0x4000);
    MemoryRegion *a = new_alias("a", ram, 0x0000, 0x2000);
    MemoryRegion *b = new_alias("b", ram, 0x2000, 0x2000);
    MemoryRegion *c = new_alias("c", ram, 0x0000, 0x1000);
    memory_region_add_subregion(sys, 0x0000, a);
    memory_region_add_subregion(sys, 0x2000, b);
    /* c follows b in the address space but not in the RAM: no merge. */
    memory_region_add_subregion(sys, 0x4000, c);
    Expect want[] = {
        { 0x0000, 0x3fff, ram, 0x0000, false },
        { 0x4000, 0x4fff, ram, 0x0000, false },
    };
    expect_view(sys, want, 2);

    /* Different readonly flags keep ranges apart too. */
    memory_region_set_readonly(b, true);
    Expect ro[] = {
        { 0x0000, 0x1fff, ram, 0x0000, false },
        { 0x2000, 0x3fff, ram, 0x2000, true },
        { 0x4000, 0x4fff, ram, 0x0000, false },
    };
    expect_view(sys, ro, 3);
}

Test(flatview, the_root_own_address_does_not_shift_its_view)
{
    MemoryRegion *outer = new_container("outer", UINT64_MAX);
    MemoryRegion *inner = new_container("inner", 0x10000);
    MemoryRegion *dev = new_io("dev", 0x100);
    memory_region_add_subregion(outer, 0x80000, inner);
    memory_region_add_subregion(inner, 0x100, dev);
    Expect want[] = { { 0x100, 0x1ff, dev, 0, false } };
    expect_view(inner, want, 1);
    Expect from_outer[] = { { 0x80100, 0x801ff, dev, 0, false } };
    expect_view(outer, from_outer, 1);
}

Test(flatview, a_view_outlives_changes_and_holds_its_regions)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *dev = new_io("dev", 0x100);
    memory_region_add_subregion(sys, 0x100, dev);
    FlatView *old = flatview_render(sys);
    memory_region_del_subregion(sys, dev);
    object_unparent(&dev->parent_obj);
    /* The old view still sees dev, and dev is alive for it. */
    cr_assert_eq(old->nr, 1);
    cr_expect_eq(old->ranges[0].mr, dev);
    cr_expect_str_eq(memory_region_name(dev), "dev");
    flatview_unref(old);
    cr_expect_null(dev->name, "dev died with the last view");
    free(dev);
}

/* ------------------------------------------------------------------ */
/* Randomized: flatview_render against a per-address naive resolver    */

typedef struct Resolved {
    MemoryRegion *mr;  /* NULL: nothing mapped */
    hwaddr offset;
    bool readonly;
} Resolved;

/* What the guest sees at offset a of mr: the rule written out the slow way. */
static Resolved naive_resolve(MemoryRegion *mr, Int128 a, bool readonly)
{
    Resolved none = { 0 };
    if (!mr->enabled || a < 0 || a >= mr->size) {
        return none;
    }
    readonly |= mr->readonly;
    if (mr->alias) {
        return naive_resolve(mr->alias, a + mr->alias_offset, readonly);
    }
    MemoryRegion *sub;
    TAILQ_FOREACH(sub, &mr->subregions, subregions_link) {
        Resolved r = naive_resolve(sub, a - sub->addr, readonly);
        if (r.mr) {
            return r;
        }
    }
    if (mr->terminates) {
        return (Resolved){ .mr = mr, .offset = (hwaddr)a, .readonly = readonly };
    }
    return none;
}

static Resolved view_lookup(const FlatView *v, hwaddr addr)
{
    unsigned lo = 0, hi = v->nr;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        const FlatRange *fr = &v->ranges[mid];
        if ((Int128)addr < fr->addr.start) {
            hi = mid;
        } else if ((Int128)addr >= fr->addr.start + fr->addr.size) {
            lo = mid + 1;
        } else {
            return (Resolved){ .mr = fr->mr,
                               .offset = fr->offset_in_region + (hwaddr)(addr - fr->addr.start),
                               .readonly = fr->readonly };
        }
    }
    return (Resolved){ 0 };
}

static uint64_t rng_state;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static uint64_t rnd_below(uint64_t n)
{
    return rnd() % n;
}

#define POOL 96
#define SPACE 0x10000

typedef struct RandomTree {
    MemoryRegion *regions[POOL];
    unsigned nr;
    MemoryRegion *root;
} RandomTree;

static MemoryRegion *random_region(RandomTree *t)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    char name[16];
    snprintf(name, sizeof(name), "r%u", t->nr);
    uint64_t size = 1 + rnd_below(rnd_below(4) ? 0x2000 : SPACE);
    unsigned kind = (unsigned)rnd_below(10);
    if (kind < 4) {
        memory_region_init_io(mr, NULL, NULL, NULL, name, size);
    } else if (kind < 7 || t->nr == 0) {
        memory_region_init(mr, NULL, name, size);
    } else {
        /* Any earlier region, aliases included: aliases of aliases. */
        MemoryRegion *target = t->regions[rnd_below(t->nr)];
        memory_region_init_alias(mr, NULL, name, target, rnd_below(0x3000), size);
    }
    t->regions[t->nr++] = mr;
    return mr;
}

/* Does rendering `from` ever render `to`?  Mapping to's ancestor into to would loop. */
static bool reaches(MemoryRegion *from, MemoryRegion *to)
{
    if (from == to) {
        return true;
    }
    if (from->alias) {
        return reaches(from->alias, to);
    }
    MemoryRegion *sub;
    TAILQ_FOREACH(sub, &from->subregions, subregions_link) {
        if (reaches(sub, to)) {
            return true;
        }
    }
    return false;
}

static void random_tree(RandomTree *t)
{
    memset(t, 0, sizeof(*t));
    t->root = calloc(1, sizeof(*t->root));
    memory_region_init(t->root, NULL, "root", rnd_below(2) ? UINT64_MAX : SPACE);
    MemoryRegion *parents[POOL + 1];
    unsigned np = 0;
    parents[np++] = t->root;
    unsigned n = 8 + (unsigned)rnd_below(POOL - 8);
    for (unsigned i = 0; i < n; i++) {
        MemoryRegion *mr = random_region(t);
        if (!mr->alias) {
            parents[np++] = mr;  /* I/O regions too: they may get subregions */
        }
        if (rnd_below(6) == 0) {
            continue;  /* left unmapped: only reachable through aliases */
        }
        MemoryRegion *parent = parents[rnd_below(np)];
        if (reaches(mr, parent)) {
            continue;
        }
        hwaddr where = rnd_below(SPACE);
        if (rnd_below(3) == 0) {
            if (!memory_region_try_add_subregion(parent, where, mr, NULL)) {
                memory_region_add_subregion_overlap(parent, where, mr, 0);
            }
        } else {
            memory_region_add_subregion_overlap(parent, where, mr, (int)rnd_below(5) - 2);
        }
        if (rnd_below(8) == 0) {
            memory_region_set_enabled(mr, false);
        }
        if (rnd_below(8) == 0) {
            memory_region_set_readonly(mr, true);
        }
    }
}

static void random_tree_free(RandomTree *t)
{
    object_unparent(&t->root->parent_obj);
    for (unsigned i = 0; i < t->nr; i++) {
        object_unparent(&t->regions[i]->parent_obj);
    }
    /* Everything died once the last container and alias let go. */
    for (unsigned i = 0; i < t->nr; i++) {
        cr_assert_null(t->regions[i]->name, "region %u still alive", i);
        free(t->regions[i]);
    }
    cr_assert_null(t->root->name);
    free(t->root);
}

static void check_view_shape(const FlatView *v, uint64_t seed)
{
    for (unsigned i = 0; i < v->nr; i++) {
        const FlatRange *fr = &v->ranges[i];
        cr_assert_gt(fr->addr.size, 0, "seed %" PRIu64 ": empty range %u", seed, i);
        if (i == 0) {
            continue;
        }
        const FlatRange *prev = &v->ranges[i - 1];
        Int128 prev_end = prev->addr.start + prev->addr.size;
        cr_assert(prev_end <= fr->addr.start, "seed %" PRIu64 ": ranges %u and %u overlap", seed,
                  i - 1, i);
        bool mergeable = prev_end == fr->addr.start && prev->mr == fr->mr &&
                         prev->readonly == fr->readonly &&
                         (Int128)prev->offset_in_region + prev->addr.size ==
                             (Int128)fr->offset_in_region;
        cr_assert_not(mergeable, "seed %" PRIu64 ": ranges %u and %u should be one", seed, i - 1,
                      i);
    }
}

static void check_address(const FlatView *v, RandomTree *t, Int128 addr, uint64_t seed)
{
    if (addr < 0 || addr >= int128_2_64()) {
        return;
    }
    Resolved want = naive_resolve(t->root, addr, false);
    Resolved got = view_lookup(v, (hwaddr)addr);
    cr_assert(want.mr == got.mr && (!want.mr || (want.offset == got.offset &&
                                                 want.readonly == got.readonly)),
              "seed %" PRIu64 ", address 0x%" PRIx64 ": view says %s @0x%" PRIx64 "%s, "
              "the tree says %s @0x%" PRIx64 "%s",
              seed, (uint64_t)addr, got.mr ? memory_region_name(got.mr) : "(nothing)",
              got.offset, got.readonly ? " ro" : "",
              want.mr ? memory_region_name(want.mr) : "(nothing)", want.offset,
              want.readonly ? " ro" : "");
}

Test(flatview, random_trees_render_what_a_naive_resolver_sees)
{
    for (uint64_t seed = 1; seed <= 150; seed++) {
        rng_state = seed * 0x9e3779b97f4a7c15ull;
        RandomTree t;
        random_tree(&t);
        FlatView *v = flatview_render(t.root);
        check_view_shape(v, seed);
        /* Every range edge and its neighbours, then random addresses. */
        for (unsigned i = 0; i < v->nr; i++) {
            Int128 s = v->ranges[i].addr.start, e = s + v->ranges[i].addr.size;
            check_address(v, &t, s - 1, seed);
            check_address(v, &t, s, seed);
            check_address(v, &t, e - 1, seed);
            check_address(v, &t, e, seed);
        }
        for (int i = 0; i < 400; i++) {
            check_address(v, &t, (Int128)rnd_below(2 * SPACE), seed);
        }
        flatview_unref(v);
        random_tree_free(&t);
    }
}
