/*
 * test-dispatch.c: AddressSpaceDispatch (memory/dispatch.c), the phys_map
 * that address_space_translate walks: sections, subpages for pages several
 * sections share, single-child chains folded through `skip`, a 2^64
 * container, length clipping, holes, the life of an old dispatch held by a
 * reader, and a randomized comparison against a naive walk of the region
 * tree.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/memory.h"

#define KiB 1024ull
#define MiB (1024ull * KiB)
#define PAGE TARGET_PAGE_SIZE

static uint64_t dummy_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dummy_write(void *opaque, hwaddr addr, uint64_t data, unsigned size)
{
}

static const MemoryRegionOps dummy_ops = {
    .read = dummy_read,
    .write = dummy_write,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

static MemoryRegion *new_region(void)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    cr_assert_not_null(mr);
    return mr;
}

static MemoryRegion *new_io(const char *name, uint64_t size)
{
    MemoryRegion *mr = new_region();
    memory_region_init_io(mr, NULL, &dummy_ops, NULL, name, size);
    return mr;
}

static MemoryRegion *new_ram(const char *name, uint64_t size)
{
    MemoryRegion *mr = new_region();
    cr_assert(memory_region_init_ram(mr, NULL, name, size, NULL));
    return mr;
}

static MemoryRegion *new_container(const char *name, uint64_t size)
{
    MemoryRegion *mr = new_region();
    memory_region_init(mr, NULL, name, size);
    return mr;
}

static MemoryRegionSection *xlate(AddressSpace *as, hwaddr addr, hwaddr *xlat, hwaddr *len)
{
    return address_space_translate(as, addr, xlat, len);
}

/* Expect addr to translate to mr at offset want_xlat, staying in it for want_len of len. */
static void expect_xlate(AddressSpace *as, hwaddr addr, MemoryRegion *mr, hwaddr want_xlat,
                         hwaddr len, hwaddr want_len)
{
    hwaddr xlat = 0, l = len;
    MemoryRegionSection *s = xlate(as, addr, &xlat, &l);
    cr_expect_eq(s->mr, mr, "0x%lx: region '%s', expected '%s'", (unsigned long)addr,
                 memory_region_name(s->mr), memory_region_name(mr));
    cr_expect_eq(xlat, want_xlat, "0x%lx: xlat 0x%lx, expected 0x%lx", (unsigned long)addr,
                 (unsigned long)xlat, (unsigned long)want_xlat);
    cr_expect_eq(l, want_len, "0x%lx: len 0x%lx, expected 0x%lx", (unsigned long)addr,
                 (unsigned long)l, (unsigned long)want_len);
}

static void expect_hole(AddressSpace *as, hwaddr addr)
{
    hwaddr xlat = 0, l = 1;
    MemoryRegionSection *s = xlate(as, addr, &xlat, &l);
    cr_expect(memory_region_is_unassigned(s->mr), "0x%lx: '%s' instead of a hole",
              (unsigned long)addr, memory_region_name(s->mr));
    cr_expect_eq(xlat, addr);
}

static MemoryRegion *system_root(void)
{
    return new_container("system", UINT64_MAX);
}

/* Nodes reachable from the root entry, and the deepest chain of pointers. */
static unsigned count_nodes(const AddressSpaceDispatch *d, PhysPageEntry e, unsigned *steps,
                            unsigned depth)
{
    if (!e.skip || e.ptr == PHYS_MAP_NODE_NIL) {
        if (depth > *steps) {
            *steps = depth;
        }
        return 0;
    }
    unsigned n = 1;
    for (unsigned i = 0; i < P_L2_SIZE; i++) {
        n += count_nodes(d, d->map.nodes[e.ptr][i], steps, depth + 1);
    }
    return n;
}

Test(dispatch, ram_translates_to_offset_and_length_stays_inside)
{
    MemoryRegion *root = system_root();
    MemoryRegion *ram = new_ram("ram", 64 * KiB);
    memory_region_add_subregion(root, 0x80000000, ram);
    AddressSpace as;
    address_space_init(&as, root, "memory");

    expect_xlate(&as, 0x80001234, ram, 0x1234, 0x100, 0x100);
    expect_xlate(&as, 0x80000000, ram, 0, UINT64_MAX, 64 * KiB);
    expect_xlate(&as, 0x8000fff0, ram, 0xfff0, 0x100, 0x10);
    expect_hole(&as, 0x80010000);
    expect_hole(&as, 0x7fffffff);
    address_space_destroy(&as);
}

Test(dispatch, small_device_inside_a_page_is_a_subpage)
{
    MemoryRegion *root = system_root();
    MemoryRegion *dev = new_io("dev", 4);
    MemoryRegion *uart = new_io("uart", 0x100);
    memory_region_add_subregion(root, 0x10000010, dev);
    memory_region_add_subregion(root, 0x10000100, uart);
    AddressSpace as;
    address_space_init(&as, root, "memory");

    expect_xlate(&as, 0x10000012, dev, 2, 8, 2);
    expect_xlate(&as, 0x10000100, uart, 0, 0x1000, 0x100);
    expect_xlate(&as, 0x100001ff, uart, 0xff, 4, 1);
    expect_hole(&as, 0x1000000f);
    expect_hole(&as, 0x10000014);
    expect_hole(&as, 0x10000200);

    /* The whole page is one I/O section for a TLB. */
    hwaddr xlat, l = 8;
    MemoryRegionSection *s = address_space_translate_for_iotlb(&as, 0x10000012, &xlat, &l);
    cr_expect(s->mr->subpage);
    cr_expect_eq(s->offset_within_address_space, 0x10000000);
    cr_expect_eq(xlat, 0x12);
    cr_expect_eq(l, 8);
    l = 0x2000;
    s = address_space_translate_for_iotlb(&as, 0x10000ff0, &xlat, &l);
    cr_expect(s->mr->subpage);
    cr_expect_eq(l, 0x10, "clipped to the page");

    AddressSpaceDispatch *d = address_space_get_dispatch(&as);
    cr_expect(address_space_dispatch_lookup(d, 0x10000013, false)->mr->subpage);
    cr_expect_eq(address_space_dispatch_lookup(d, 0x10000013, true)->mr, dev);
    address_space_dispatch_unref(d);
    address_space_destroy(&as);
}

Test(dispatch, holes_in_a_subpage_end_where_the_next_section_starts)
{
    MemoryRegion *root = system_root();
    MemoryRegion *dev = new_io("dev", 4);
    memory_region_add_subregion(root, 0x2010, dev);
    AddressSpace as;
    address_space_init(&as, root, "memory");
    hwaddr xlat, l = 0x100;
    MemoryRegionSection *s = xlate(&as, 0x2000, &xlat, &l);
    cr_expect(memory_region_is_unassigned(s->mr));
    cr_expect_eq(l, 0x10);
    l = 0x10000;
    s = xlate(&as, 0x2014, &xlat, &l);
    cr_expect(memory_region_is_unassigned(s->mr));
    cr_expect_eq(l, 0x1000 - 0x14, "a hole stops at its page end");
    l = 0x10000;
    s = xlate(&as, 0x5000, &xlat, &l);
    cr_expect(memory_region_is_unassigned(s->mr));
    cr_expect_eq(l, 0x1000);
    address_space_destroy(&as);
}

Test(dispatch, unaligned_ram_shares_its_first_page_with_a_device)
{
    MemoryRegion *root = system_root();
    MemoryRegion *dev = new_io("dev", 0x10);
    MemoryRegion *ram = new_ram("ram", 0x3000);
    memory_region_add_subregion(root, 0x2000, dev);
    memory_region_add_subregion(root, 0x2010, ram);
    AddressSpace as;
    address_space_init(&as, root, "memory");

    expect_xlate(&as, 0x2008, dev, 8, 0x100, 8);
    expect_xlate(&as, 0x2010, ram, 0, 0x10000, 0xff0);
    expect_xlate(&as, 0x3000, ram, 0xff0, 0x10000, 0x2000);
    expect_xlate(&as, 0x5000, ram, 0x2ff0, 0x10000, 0x10);
    expect_hole(&as, 0x5010);
    address_space_destroy(&as);
}

Test(dispatch, lone_section_compacts_to_a_leaf_at_the_root)
{
    MemoryRegion *root = system_root();
    MemoryRegion *ram = new_ram("ram", PAGE);
    memory_region_add_subregion(root, 0x80000000, ram);
    AddressSpace as;
    address_space_init(&as, root, "memory");
    AddressSpaceDispatch *d = as.dispatch;

    cr_expect_eq(d->phys_map.skip, 0, "root should be a leaf, skip %u", d->phys_map.skip);
    cr_expect_eq(d->map.sections[d->phys_map.ptr].mr, ram);
    expect_xlate(&as, 0x80000010, ram, 0x10, 4, 4);
    /* Anything the folded levels would have told apart is a hole. */
    expect_hole(&as, 0x80001000);
    expect_hole(&as, 0x7ffff000);
    expect_hole(&as, 0);
    expect_hole(&as, 0xfffffffffffff000);
    address_space_destroy(&as);
}

Test(dispatch, chain_of_single_children_is_skipped_in_one_step)
{
    MemoryRegion *root = system_root();
    MemoryRegion *a = new_ram("a", PAGE), *b = new_ram("b", PAGE);
    /* Two pages of one level-0 node: one node left, reached straight from the root. */
    memory_region_add_subregion(root, 0x80000000, a);
    memory_region_add_subregion(root, 0x80002000, b);
    AddressSpace as;
    address_space_init(&as, root, "memory");
    AddressSpaceDispatch *d = as.dispatch;

    cr_expect_eq(d->phys_map.skip, P_L2_LEVELS, "skip %u", d->phys_map.skip);
    unsigned steps = 0;
    cr_expect_eq(count_nodes(d, d->phys_map, &steps, 0), 1);
    cr_expect_gt(d->map.nodes_nb, 1, "the folded nodes were built first");
    expect_xlate(&as, 0x80000000, a, 0, 1, 1);
    expect_xlate(&as, 0x80002fff, b, 0xfff, 1, 1);
    expect_hole(&as, 0x80001000);
    expect_hole(&as, 0x80000000 + 512 * PAGE);
    expect_hole(&as, 0x40000000);
    address_space_destroy(&as);
}

Test(dispatch, branching_levels_keep_their_nodes)
{
    MemoryRegion *root = system_root();
    MemoryRegion *a = new_ram("a", PAGE), *b = new_ram("b", PAGE);
    /* 512 pages apart: two level-0 nodes under one level-1 node. */
    memory_region_add_subregion(root, 0x80000000, a);
    memory_region_add_subregion(root, 0x80000000 + 512 * PAGE + PAGE, b);
    AddressSpace as;
    address_space_init(&as, root, "memory");
    AddressSpaceDispatch *d = as.dispatch;

    cr_expect_eq(d->phys_map.skip, P_L2_LEVELS - 1, "skip %u", d->phys_map.skip);
    unsigned steps = 0;
    /* The level-0 nodes held one leaf each: they folded into the level-1 entries. */
    cr_expect_eq(count_nodes(d, d->phys_map, &steps, 0), 1);
    expect_xlate(&as, 0x80000000, a, 0, 1, 1);
    expect_xlate(&as, 0x80000000 + 513 * PAGE, b, 0, 1, 1);
    expect_hole(&as, 0x80000000 + 512 * PAGE);
    expect_hole(&as, 0x80000000 + PAGE);
    address_space_destroy(&as);
}

Test(dispatch, large_aligned_region_uses_leaves_at_higher_levels)
{
    MemoryRegion *root = system_root();
    MemoryRegion *ram = new_ram("ram", 4 * MiB);
    MemoryRegion *dev = new_io("dev", PAGE);
    memory_region_add_subregion(root, 0x80000000, ram);
    memory_region_add_subregion(root, 0x10000000, dev);
    AddressSpace as;
    address_space_init(&as, root, "memory");
    AddressSpaceDispatch *d = as.dispatch;

    /* 4 MiB = two level-1 leaves: no level-0 node was ever needed for them. */
    unsigned steps = 0;
    unsigned reachable = count_nodes(d, d->phys_map, &steps, 0);
    cr_expect_leq(reachable, 2, "%u nodes", reachable);
    cr_expect_leq(d->map.nodes_nb, P_L2_LEVELS + 1, "%u nodes built", d->map.nodes_nb);
    expect_xlate(&as, 0x80000000 + 3 * MiB + 5, ram, 3 * MiB + 5, 0x100, 0x100);
    expect_xlate(&as, 0x10000ff0, dev, 0xff0, 0x100, 0x10);
    expect_hole(&as, 0x80400000);
    address_space_destroy(&as);
}

Test(dispatch, region_of_2_64_bytes_covers_everything)
{
    MemoryRegion *root = system_root();
    MemoryRegion *all = new_io("catch-all", UINT64_MAX);
    MemoryRegion *ram = new_ram("ram", 64 * KiB);
    MemoryRegion *top = new_io("top", PAGE);
    memory_region_add_subregion_overlap(root, 0, all, -1);
    memory_region_add_subregion(root, 0x80000000, ram);
    memory_region_add_subregion_overlap(root, 0xfffffffffffff000, top, 1);
    AddressSpace as;
    address_space_init(&as, root, "memory");

    expect_xlate(&as, 0, all, 0, 16, 16);
    expect_xlate(&as, 0x7ffffff0, all, 0x7ffffff0, 0x100, 0x10);
    expect_xlate(&as, 0x80000004, ram, 4, 4, 4);
    expect_xlate(&as, 0x80010000, all, 0x80010000, 4, 4);
    expect_xlate(&as, 0xffffffffffffeff8, all, 0xffffffffffffeff8, 0x100, 8);
    expect_xlate(&as, 0xfffffffffffff000, top, 0, UINT64_MAX, PAGE);
    expect_xlate(&as, 0xffffffffffffffff, top, 0xfff, UINT64_MAX, 1);
    address_space_destroy(&as);
}

Test(dispatch, container_of_2_64_bytes_maps_the_top_page)
{
    MemoryRegion *root = system_root();
    MemoryRegion *sub = new_container("sub", UINT64_MAX);
    MemoryRegion *dev = new_io("dev", 0x10);
    memory_region_add_subregion(sub, 0xfffffffffffffff0, dev);
    memory_region_add_subregion(root, 0, sub);
    AddressSpace as;
    address_space_init(&as, root, "memory");
    expect_xlate(&as, 0xfffffffffffffff8, dev, 8, UINT64_MAX, 8);
    expect_hole(&as, 0xffffffffffffffef);
    expect_hole(&as, 0);
    address_space_destroy(&as);
}

Test(dispatch, old_dispatch_stays_valid_while_a_reader_holds_it)
{
    MemoryRegion *root = system_root();
    MemoryRegion *ram = new_ram("ram", 16 * KiB);
    memory_region_add_subregion(root, 0x80000000, ram);
    AddressSpace as;
    address_space_init(&as, root, "memory");

    AddressSpaceDispatch *old = address_space_get_dispatch(&as);
    memory_region_set_address(ram, 0x90000000);
    cr_assert_neq(as.dispatch, old, "a commit publishes a new dispatch");
    expect_hole(&as, 0x80000000);
    expect_xlate(&as, 0x90000000, ram, 0, 4, 4);

    /* The reader still sees the map as it was. */
    MemoryRegionSection *s = address_space_dispatch_lookup(old, 0x80000010, true);
    cr_expect_eq(s->mr, ram);
    cr_expect_eq(s->offset_within_address_space, 0x80000000);
    cr_expect(memory_region_is_unassigned(address_space_dispatch_lookup(old, 0x90000000, true)->mr));
    address_space_dispatch_unref(old);
    address_space_destroy(&as);
}

static bool owner_finalized;
static void owner_finalize(Object *obj)
{
    owner_finalized = true;
}

Test(dispatch, sections_keep_a_removed_region_alive_until_the_dispatch_dies)
{
    MemoryRegion *root = system_root();
    Object *owner = object_new(sizeof(Object), "test-device", owner_finalize);
    MemoryRegion dev;
    memory_region_init_io(&dev, owner, &dummy_ops, NULL, "regs", 0x100);
    memory_region_add_subregion(root, 0x10000000, &dev);
    AddressSpace as;
    address_space_init(&as, root, "memory");

    AddressSpaceDispatch *old = address_space_get_dispatch(&as);
    memory_region_del_subregion(root, &dev);
    object_unref(owner);
    cr_expect_not(owner_finalized, "the old dispatch still refers to the device");
    cr_expect_eq(address_space_dispatch_lookup(old, 0x10000000, true)->mr, &dev);
    address_space_dispatch_unref(old);
    cr_expect(owner_finalized);
    address_space_destroy(&as);
}

Test(dispatch, disabled_and_moved_regions_follow_the_commit)
{
    MemoryRegion *root = system_root();
    MemoryRegion *low = new_ram("low", PAGE);
    MemoryRegion *high = new_io("high", PAGE);
    memory_region_add_subregion_overlap(root, 0x1000, low, 0);
    memory_region_add_subregion_overlap(root, 0x1000, high, 1);
    AddressSpace as;
    address_space_init(&as, root, "memory");
    expect_xlate(&as, 0x1000, high, 0, 1, 1);
    memory_region_set_enabled(high, false);
    expect_xlate(&as, 0x1000, low, 0, 1, 1);
    memory_region_set_enabled(high, true);
    memory_region_set_address(high, 0x1800);
    expect_xlate(&as, 0x1000, low, 0, 0x1000, 0x800);
    /* A region across a page boundary is two pieces, one per page. */
    expect_xlate(&as, 0x1800, high, 0, 0x1000, 0x800);
    expect_xlate(&as, 0x2000, high, 0x800, 0x1000, 0x800);
    address_space_destroy(&as);
}

Test(dispatch, destroyed_address_space_drops_its_dispatch)
{
    MemoryRegion *root = system_root();
    memory_region_add_subregion(root, 0, new_ram("ram", PAGE));
    AddressSpace as;
    address_space_init(&as, root, "memory");
    cr_expect_not_null(as.dispatch);
    address_space_destroy(&as);
    cr_expect_null(as.dispatch);
    cr_expect_null(as.next_dispatch);
}

/* ---- randomized: phys_map against a walk of the region tree ---------- */

/*
 * What the region tree says is at `addr` (an offset in mr): the terminating
 * region and the offset in it, or false for nothing.  Subregions first, in
 * list order (highest priority, later-added first); a container's holes let
 * lower siblings show through; an alias looks into its target.
 */
static bool naive_resolve(MemoryRegion *mr, Int128 addr, MemoryRegion **out, hwaddr *off)
{
    if (!mr->enabled || addr < 0 || addr >= mr->size) {
        return false;
    }
    if (mr->alias) {
        return naive_resolve(mr->alias, addr + mr->alias_offset, out, off);
    }
    MemoryRegion *sub;
    TAILQ_FOREACH(sub, &mr->subregions, subregions_link) {
        if (addr >= (Int128)sub->addr && addr - sub->addr < sub->size &&
            naive_resolve(sub, addr - sub->addr, out, off)) {
            return true;
        }
    }
    if (mr->terminates) {
        *out = mr;
        *off = (hwaddr)addr;
        return true;
    }
    return false;
}

typedef struct Rng {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    /* splitmix64 */
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t rng_below(Rng *r, uint64_t n)
{
    return n ? rng_next(r) % n : 0;
}

#define SPAN (256 * KiB)   /* the window of addresses the random trees use */

static uint64_t random_size(Rng *r)
{
    switch (rng_below(r, 4)) {
    case 0:
        return 1 + rng_below(r, 16);            /* a register or two */
    case 1:
        return 1 + rng_below(r, 3 * PAGE);      /* unaligned, maybe page-crossing */
    case 2:
        return PAGE * (1 + rng_below(r, 8));    /* whole pages */
    default:
        return 1 + rng_below(r, SPAN / 4);
    }
}

static uint64_t random_offset(Rng *r, uint64_t size, uint64_t within)
{
    uint64_t off = rng_below(r, within > size ? within - size : 1);
    return rng_below(r, 2) ? off & TARGET_PAGE_MASK : off;
}

static void map_randomly(Rng *r, MemoryRegion *container, MemoryRegion *sub, uint64_t within)
{
    uint64_t off = random_offset(r, memory_region_size(sub), within);
    if (rng_below(r, 3) == 0 &&
        memory_region_try_add_subregion(container, off, sub, NULL)) {
        return;
    }
    memory_region_add_subregion_overlap(container, off, sub, (int)rng_below(r, 5) - 2);
}

/* Build one random tree under root; every region is created before its container. */
static void build_random_tree(Rng *r, MemoryRegion *root)
{
    enum { MAX = 40 };
    MemoryRegion *made[MAX];
    bool mapped[MAX] = { false };
    unsigned n = 0;
    unsigned count = 5 + (unsigned)rng_below(r, MAX - 5);
    char name[32];

    memory_region_transaction_begin();
    while (n < count) {
        MemoryRegion *mr;
        unsigned kind = (unsigned)rng_below(r, 10);
        snprintf(name, sizeof(name), "r%u", n);
        if (kind < 4) {
            mr = new_io(name, random_size(r));
        } else if (kind < 6) {
            mr = new_ram(name, random_size(r));
        } else if (kind < 8 && n > 0) {
            MemoryRegion *target = made[rng_below(r, n)];
            uint64_t tsize = memory_region_size(target);
            uint64_t off = rng_below(r, tsize + 16);
            mr = new_region();
            memory_region_init_alias(mr, NULL, name, target, off, random_size(r));
        } else {
            uint64_t size = SPAN / (1 + rng_below(r, 4));
            mr = new_container(name, size);
            /* Adopt some regions nobody has mapped yet. */
            for (unsigned i = 0; i < n; i++) {
                if (!mapped[i] && rng_below(r, 3) == 0) {
                    map_randomly(r, mr, made[i], size);
                    mapped[i] = true;
                }
            }
        }
        if (rng_below(r, 8) == 0) {
            memory_region_set_enabled(mr, false);
        }
        made[n++] = mr;
    }
    for (unsigned i = 0; i < n; i++) {
        if (!mapped[i] && rng_below(r, 4) != 0) {
            map_randomly(r, root, made[i], SPAN);
            mapped[i] = true;
        }
    }
    memory_region_transaction_commit();

    /* Some changes after the first render: moves and re-enables. */
    for (unsigned i = 0; i < 3; i++) {
        MemoryRegion *mr = made[rng_below(r, n)];
        if (mr->container && mr->may_overlap && rng_below(r, 2)) {
            memory_region_set_address(mr, random_offset(r, memory_region_size(mr),
                                                        memory_region_size(mr->container)));
        } else {
            memory_region_set_enabled(mr, !mr->enabled);
        }
    }
}

static void check_address(AddressSpace *as, MemoryRegion *root, hwaddr addr, hwaddr len,
                          uint64_t seed, unsigned tree)
{
    MemoryRegion *want = NULL;
    hwaddr want_off = 0;
    bool mapped = naive_resolve(root, addr, &want, &want_off);
    hwaddr xlat = 0, l = len;
    MemoryRegionSection *s = address_space_translate(as, addr, &xlat, &l);

    if (!mapped) {
        cr_assert(memory_region_is_unassigned(s->mr),
                  "seed %lu tree %u: 0x%lx is a hole, translate found '%s'",
                  (unsigned long)seed, tree, (unsigned long)addr, memory_region_name(s->mr));
    } else {
        cr_assert_eq(s->mr, want, "seed %lu tree %u: 0x%lx is '%s'+0x%lx, translate found '%s'",
                     (unsigned long)seed, tree, (unsigned long)addr, memory_region_name(want),
                     (unsigned long)want_off, memory_region_name(s->mr));
        cr_assert_eq(xlat, want_off, "seed %lu tree %u: 0x%lx in '%s': xlat 0x%lx, want 0x%lx",
                     (unsigned long)seed, tree, (unsigned long)addr, memory_region_name(want),
                     (unsigned long)xlat, (unsigned long)want_off);
    }
    cr_assert(l >= 1 && l <= len, "seed %lu tree %u: 0x%lx: length %lu of %lu",
              (unsigned long)seed, tree, (unsigned long)addr, (unsigned long)l,
              (unsigned long)len);
    /* A TLB's view: the same section, or the subpage standing for its page. */
    hwaddr ixlat = 0, il = len;
    MemoryRegionSection *is = address_space_translate_for_iotlb(as, addr, &ixlat, &il);
    if (is->mr->subpage) {
        cr_assert(is->offset_within_address_space == (addr & TARGET_PAGE_MASK) &&
                  ixlat == (addr & ~TARGET_PAGE_MASK),
                  "seed %lu tree %u: 0x%lx: subpage at 0x%lx, xlat 0x%lx", (unsigned long)seed,
                  tree, (unsigned long)addr, (unsigned long)is->offset_within_address_space,
                  (unsigned long)ixlat);
    } else {
        cr_assert(is == s && ixlat == xlat, "seed %lu tree %u: 0x%lx: iotlb found '%s'",
                  (unsigned long)seed, tree, (unsigned long)addr, memory_region_name(is->mr));
    }
    /* The last byte of the clipped length is still in the same place. */
    MemoryRegion *last = NULL;
    hwaddr last_off = 0;
    bool last_mapped = naive_resolve(root, addr + l - 1, &last, &last_off);
    cr_assert_eq(last_mapped, mapped, "seed %lu tree %u: 0x%lx+0x%lx leaves the section",
                 (unsigned long)seed, tree, (unsigned long)addr, (unsigned long)l);
    if (mapped) {
        cr_assert(last == want && last_off == want_off + l - 1,
                  "seed %lu tree %u: 0x%lx+0x%lx ends in '%s'+0x%lx", (unsigned long)seed,
                  tree, (unsigned long)addr, (unsigned long)l, memory_region_name(last),
                  (unsigned long)last_off);
    }
}

Test(dispatch, translate_agrees_with_the_region_tree_for_random_trees)
{
    uint64_t seed = 0x6c656d75;   /* fixed: failures name the seed and tree to replay */
    const char *env = getenv("LEMU_TEST_SEED");
    if (env) {
        seed = strtoull(env, NULL, 0);
    }
    Rng r = { seed };

    for (unsigned tree = 0; tree < 150; tree++) {
        MemoryRegion *root = system_root();
        AddressSpace as;
        address_space_init(&as, root, "memory");
        build_random_tree(&r, root);
        for (unsigned i = 0; i < 2000; i++) {
            hwaddr addr = rng_below(&r, SPAN + PAGE);
            hwaddr len = 1 + rng_below(&r, i % 2 ? 16 : 3 * PAGE);
            check_address(&as, root, addr, len, seed, tree);
        }
        /* Edges of every region, where off-by-ones live. */
        FlatView *view = address_space_get_flatview(&as);
        for (unsigned i = 0; i < view->nr; i++) {
            hwaddr start = (hwaddr)view->ranges[i].addr.start;
            hwaddr end = start + (hwaddr)view->ranges[i].addr.size;
            check_address(&as, root, start, 8, seed, tree);
            check_address(&as, root, end - 1, 8, seed, tree);
            check_address(&as, root, end, 8, seed, tree);
            if (start) {
                check_address(&as, root, start - 1, 8, seed, tree);
            }
        }
        flatview_unref(view);
        address_space_destroy(&as);
    }
}
