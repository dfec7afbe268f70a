/*
 * test-region.c: MemoryRegions (memory/memory.c): the kinds and what they
 * report, the read-only object properties, names as children of the owner,
 * the 2^64 size, subregion collisions (refused, both names and ranges
 * reported), priorities, life cycle (finalize unmaps subregions, frees RAM,
 * references through owners and aliases) and the setters' guards.
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/error.h"
#include "lemu/memory.h"
#include "memory/memory-internal.h"

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

static Object *obj(MemoryRegion *mr)
{
    return &mr->parent_obj;
}

Test(region, properties_of_an_unmapped_region)
{
    MemoryRegion *mr = new_io("uart", 0x100);
    cr_expect_eq(object_property_get_uint(obj(mr), "addr", NULL), 0);
    cr_expect_eq(object_property_get_int(obj(mr), "priority", NULL), 0);
    cr_expect_eq(object_property_get_uint(obj(mr), "size", NULL), 0x100);
    cr_expect_not(object_property_get_bool(obj(mr), "may-overlap", NULL));
    Error *err = NULL;
    cr_expect_null(object_property_get_link(obj(mr), "container", &err));
    cr_expect_null(err);
    cr_expect_str_eq(object_get_typename(obj(mr)), TYPE_MEMORY_REGION);
}

Test(region, properties_follow_the_mapping)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *mr = new_io("dev", 0x1000);
    memory_region_add_subregion_overlap(sys, 0x4000, mr, -3);
    cr_expect_eq(object_property_get_link(obj(mr), "container", NULL), obj(sys));
    cr_expect_eq(object_property_get_uint(obj(mr), "addr", NULL), 0x4000);
    cr_expect_eq(object_property_get_int(obj(mr), "priority", NULL), -3);
    cr_expect(object_property_get_bool(obj(mr), "may-overlap", NULL));
    char *s = object_property_print(obj(mr), "container", NULL);
    cr_expect_str_eq(s, "/machine/unattached/system[0]");
    free(s);

    memory_region_del_subregion(sys, mr);
    cr_expect_null(object_property_get_link(obj(mr), "container", NULL));
    memory_region_add_subregion(sys, 0x8000, mr);
    cr_expect_eq(object_property_get_uint(obj(mr), "addr", NULL), 0x8000);
    cr_expect_eq(object_property_get_int(obj(mr), "priority", NULL), 0);
    cr_expect_not(object_property_get_bool(obj(mr), "may-overlap", NULL));
    memory_region_set_address(mr, 0x9000);
    cr_expect_eq(object_property_get_uint(obj(mr), "addr", NULL), 0x9000);
}

Test(region, size_uint64_max_means_two_to_the_64)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    cr_expect(sys->size == int128_2_64());
    cr_expect_eq(memory_region_size(sys), UINT64_MAX);
    cr_expect_eq(object_property_get_uint(obj(sys), "size", NULL), UINT64_MAX);

    /* The last page of the 64-bit space is reachable. */
    MemoryRegion *top = new_io("top", 0x1000);
    memory_region_add_subregion(sys, 0xfffffffffffff000ull, top);
    FlatView *v = flatview_render(sys);
    cr_assert_eq(v->nr, 1);
    cr_expect_eq(v->ranges[0].mr, top);
    cr_expect(v->ranges[0].addr.start == (Int128)0xfffffffffffff000ull);
    cr_expect(v->ranges[0].addr.start + v->ranges[0].addr.size == int128_2_64());
    flatview_unref(v);
}

Test(region, a_region_covering_all_of_2_to_the_64_renders_as_one_range)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *all = new_io("everything", UINT64_MAX);
    memory_region_add_subregion(sys, 0, all);
    FlatView *v = flatview_render(sys);
    cr_assert_eq(v->nr, 1);
    cr_expect(v->ranges[0].addr.start == 0);
    cr_expect(v->ranges[0].addr.size == int128_2_64());
    flatview_unref(v);
}

Test(region, names_become_escaped_star_children_of_the_owner)
{
    MemoryRegion *a = new_io("pci/mmio", 0x10);
    MemoryRegion *b = new_io("pci/mmio", 0x10);
    cr_expect_str_eq(memory_region_name(a), "pci/mmio");
    cr_expect_str_eq(object_get_name(obj(a)), "pci\\x2fmmio[0]");
    cr_expect_str_eq(object_get_name(obj(b)), "pci\\x2fmmio[1]");
    cr_expect_eq(object_resolve_path(NULL, "/machine/unattached/pci\\x2fmmio[1]"), obj(b));

    Object *board = object_new(sizeof(Object), "board", NULL);
    cr_assert_not_null(object_property_add_child(object_container_get("/machine"), "board",
                                                 board, NULL));
    MemoryRegion *ram = calloc(1, sizeof(*ram));
    memory_region_init_io(ram, board, NULL, NULL, "regs", 4);
    char *path = object_get_canonical_path(obj(ram));
    cr_expect_str_eq(path, "/machine/board/regs[0]");
    free(path);
    cr_expect_eq(memory_region_owner(ram), board);
    object_unref(board);
}

Test(region, collision_between_non_overlapping_siblings_is_refused_with_both_names)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *a = new_io("uart", 0x1000);
    MemoryRegion *b = new_io("plic", 0x1000);
    cr_assert(memory_region_try_add_subregion(sys, 0x1000, a, NULL));
    Error *err = NULL;
    cr_expect_not(memory_region_try_add_subregion(sys, 0x1800, b, &err));
    cr_assert_not_null(err);
    cr_expect_str_eq(error_get_pretty(err),
                     "memory region 'plic' at 0x1800-0x27ff collides with 'uart' at "
                     "0x1000-0x1fff in 'system'");
    error_free(err);
    cr_expect_null(b->container, "a refused region stays unmapped");

    /* Touching is not colliding. */
    cr_expect(memory_region_try_add_subregion(sys, 0x2000, b, NULL));
}

Test(region, collisions_are_found_whatever_order_regions_are_added_in)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *a = new_io("a", 0x1000), *b = new_io("b", 0x1000);
    MemoryRegion *c = new_io("c", 0x800), *d = new_io("d", 0x1000), *e = new_io("e", 0x100);
    cr_assert(memory_region_try_add_subregion(sys, 0x0000, a, NULL));
    cr_assert(memory_region_try_add_subregion(sys, 0x3000, b, NULL));
    cr_expect(memory_region_try_add_subregion(sys, 0x1800, c, NULL), "a gap below the top");
    cr_expect_not(memory_region_try_add_subregion(sys, 0x2800, d, NULL), "runs into b");
    memory_region_del_subregion(sys, b);
    cr_expect(memory_region_try_add_subregion(sys, 0x2800, d, NULL), "b is gone");
    /* A mapped region that grows still counts with its new size. */
    memory_region_set_size(d, 0x10000);
    cr_expect_not(memory_region_try_add_subregion(sys, 0x8000, e, NULL));
    cr_expect(memory_region_try_add_subregion(sys, 0x12800, e, NULL));
}

Test(region, collision_reported_on_stderr_by_add_subregion, .init = cr_redirect_stderr)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *a = new_io("ram-a", 0x2000);
    MemoryRegion *b = new_io("ram-b", 0x10);
    memory_region_add_subregion(sys, 0, a);
    memory_region_add_subregion(sys, 0x1ff0, b);
    fflush(stderr);
    cr_expect_stderr_eq_str("lemu: memory region 'ram-b' at 0x1ff0-0x1fff collides with "
                            "'ram-a' at 0x0-0x1fff in 'system'\n");
    cr_expect_null(b->container);
}

Test(region, overlapping_regions_may_share_addresses)
{
    MemoryRegion *sys = new_container("system", UINT64_MAX);
    MemoryRegion *ram = new_io("ram", 0x10000);
    MemoryRegion *win = new_io("window", 0x1000);
    MemoryRegion *other = new_io("other", 0x1000);
    memory_region_add_subregion(sys, 0, ram);
    memory_region_add_subregion_overlap(sys, 0x2000, win, 1);
    cr_expect_eq(win->container, sys);
    /* A non-overlapping newcomer only collides with non-overlapping siblings. */
    cr_expect(memory_region_try_add_subregion(sys, 0x10000, other, NULL));
    memory_region_del_subregion(sys, other);
    cr_expect_not(memory_region_try_add_subregion(sys, 0x2000, other, NULL));
}

Test(region, subregions_are_kept_by_priority_and_later_first_on_ties)
{
    MemoryRegion *sys = new_container("system", 0x10000);
    MemoryRegion *lo = new_io("lo", 0x100), *hi = new_io("hi", 0x100);
    MemoryRegion *mid1 = new_io("mid1", 0x100), *mid2 = new_io("mid2", 0x100);
    memory_region_add_subregion_overlap(sys, 0, mid1, 1);
    memory_region_add_subregion_overlap(sys, 0, lo, -1);
    memory_region_add_subregion_overlap(sys, 0, hi, 5);
    memory_region_add_subregion_overlap(sys, 0, mid2, 1);
    MemoryRegion *want[] = { hi, mid2, mid1, lo };
    MemoryRegion *sub;
    int i = 0;
    TAILQ_FOREACH(sub, &sys->subregions, subregions_link) {
        cr_assert_lt(i, 4);
        cr_expect_eq(sub, want[i], "position %d is %s", i, memory_region_name(sub));
        i++;
    }
    cr_expect_eq(i, 4);
}

Test(region, kinds_report_their_type)
{
    MemoryRegion *c = new_container("c", 0x1000);
    MemoryRegion *io = new_io("io", 0x1000);
    MemoryRegion *ram = calloc(1, sizeof(*ram)), *rom = calloc(1, sizeof(*rom));
    MemoryRegion *alias_ram = calloc(1, sizeof(*alias_ram));
    cr_assert(memory_region_init_ram(ram, NULL, "ram", 0x2000, NULL));
    cr_assert(memory_region_init_rom(rom, NULL, "rom", 0x1000, NULL));
    memory_region_init_alias(alias_ram, NULL, "alias", ram, 0x1000, 0x1000);

    cr_expect_str_eq(memory_region_type(c), "i/o");
    cr_expect(memory_region_is_container(c));
    cr_expect_str_eq(memory_region_type(io), "i/o");
    cr_expect_not(memory_region_is_container(io));
    cr_expect_eq(io->ops, &memory_unassigned_ops, "NULL ops: every access fails");
    cr_expect_str_eq(memory_region_type(ram), "ram");
    cr_expect(memory_region_is_ram(ram));
    cr_expect_not(memory_region_is_rom(ram));
    cr_expect_str_eq(memory_region_type(rom), "rom");
    cr_expect(memory_region_is_rom(rom));
    cr_expect(rom->readonly);
    cr_expect_eq(rom->ops, &memory_rom_ops);
    cr_expect_str_eq(memory_region_type(alias_ram), "ram", "an alias has its target's kind");
    cr_expect(memory_region_is_alias(alias_ram));
    cr_expect_not(memory_region_is_ram(alias_ram));
}

Test(region, ram_is_zeroed_logs_code_writes_and_aliases_reach_into_it)
{
    MemoryRegion *ram = calloc(1, sizeof(*ram)), *alias = calloc(1, sizeof(*alias));
    cr_assert(memory_region_init_ram(ram, NULL, "ram", 0x3000, NULL));
    cr_expect_eq(memory_region_get_dirty_log_mask(ram), 1u << DIRTY_MEMORY_CODE);
    uint8_t *host = memory_region_get_ram_ptr(ram);
    cr_assert_not_null(host);
    for (int i = 0; i < 0x3000; i++) {
        cr_assert_eq(host[i], 0);
    }
    cr_expect_eq(memory_region_get_ram_addr(ram), ram->ram_block->offset);
    memory_region_init_alias(alias, NULL, "hi", ram, 0x2000, 0x1000);
    cr_expect_eq(memory_region_get_ram_ptr(alias), host + 0x2000);

    memory_region_set_log(ram, true, DIRTY_MEMORY_VGA);
    cr_expect_eq(memory_region_get_dirty_log_mask(ram),
                 (1u << DIRTY_MEMORY_CODE) | (1u << DIRTY_MEMORY_VGA));
    memory_region_set_log(ram, false, DIRTY_MEMORY_CODE);
    cr_expect_eq(memory_region_get_dirty_log_mask(ram), 1u << DIRTY_MEMORY_VGA);

    MemoryRegion *io = new_io("io", 0x10);
    cr_expect_null(memory_region_get_ram_ptr(io));
    cr_expect_eq(memory_region_get_ram_addr(io), RAM_ADDR_INVALID);
}

Test(region, unparenting_a_region_frees_its_ram_block)
{
    MemoryRegion *ram = calloc(1, sizeof(*ram));
    cr_assert(memory_region_init_ram(ram, NULL, "ram", 0x4000, NULL));
    ram_addr_t where = memory_region_get_ram_addr(ram);
    cr_expect_not_null(ram_block_lookup(where));
    object_unparent(obj(ram));
    cr_expect_null(ram_block_lookup(where));
    free(ram);
}

Test(region, failed_ram_allocation_is_an_error_and_leaves_an_empty_region)
{
    MemoryRegion *ram = calloc(1, sizeof(*ram));
    Error *err = NULL;
    /* More than any host can map. */
    cr_expect_not(memory_region_init_ram(ram, NULL, "huge", 1ull << 62, &err));
    cr_expect_not_null(err);
    error_free(err);
    cr_expect_not(memory_region_is_ram(ram));
    cr_expect_eq(memory_region_size(ram), 0);
    cr_expect_null(memory_region_get_ram_ptr(ram));
    object_unparent(obj(ram));
    free(ram);
}

Test(region, a_dying_container_unmaps_its_subregions)
{
    MemoryRegion *c = new_container("bus", 0x10000);
    MemoryRegion *a = new_io("a", 0x10), *b = new_io("b", 0x10);
    memory_region_add_subregion(c, 0, a);
    memory_region_add_subregion(c, 0x100, b);
    object_unparent(obj(c));
    cr_expect_null(a->container);
    cr_expect_null(b->container);
    cr_expect_null(object_property_get_link(obj(a), "container", NULL));
    free(c);
}

Test(region, users_keep_a_region_alive_through_its_owner_and_itself)
{
    Object *owner = object_new(sizeof(Object), "dev", NULL);
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    memory_region_init_io(mr, owner, NULL, NULL, "regs", 0x10);
    cr_expect_eq(owner->ref, 1);
    cr_expect_eq(obj(mr)->ref, 1, "the owner holds the region's only reference");
    memory_region_ref(mr);
    cr_expect_eq(owner->ref, 2);
    cr_expect_eq(obj(mr)->ref, 2);
    memory_region_unref(mr);
    cr_expect_eq(owner->ref, 1);
    cr_expect_eq(obj(mr)->ref, 1);

    /* A mapped region unparented by its owner lives until it is unmapped. */
    MemoryRegion *sys = new_container("system", 0x10000);
    memory_region_add_subregion(sys, 0x100, mr);
    object_unparent(obj(mr));
    cr_expect_eq(mr->container, sys);
    cr_expect_str_eq(memory_region_name(mr), "regs");
    memory_region_del_subregion(sys, mr);
    cr_expect_null(mr->name, "finalized once unmapped");
    object_unref(owner);
    free(mr);
}

Test(region, an_alias_keeps_its_target_alive)
{
    MemoryRegion *target = new_io("target", 0x100);
    MemoryRegion *alias = calloc(1, sizeof(*alias));
    memory_region_init_alias(alias, NULL, "alias", target, 0, 0x100);
    object_unparent(obj(target));
    cr_expect_str_eq(memory_region_name(target), "target", "still alive");
    object_unparent(obj(alias));
    cr_expect_null(target->name, "died with the alias");
    free(alias);
    free(target);
}

Test(region, moving_onto_a_sibling_is_refused, .init = cr_redirect_stderr)
{
    MemoryRegion *sys = new_container("system", 0x100000);
    MemoryRegion *a = new_io("a", 0x1000), *b = new_io("b", 0x1000);
    memory_region_add_subregion(sys, 0x0, a);
    memory_region_add_subregion(sys, 0x2000, b);
    memory_region_set_address(b, 0x800);
    cr_expect_eq(b->addr, 0x2000);
    memory_region_set_address(b, 0x1000);
    cr_expect_eq(b->addr, 0x1000);
}

Test(region, ram_cannot_grow_past_its_block, .init = cr_redirect_stderr)
{
    MemoryRegion *ram = calloc(1, sizeof(*ram));
    cr_assert(memory_region_init_ram(ram, NULL, "ram", 0x2000, NULL));
    memory_region_set_size(ram, 0x1000);
    cr_expect_eq(memory_region_size(ram), 0x1000);
    memory_region_set_size(ram, 0x100000);
    cr_expect_eq(memory_region_size(ram), 0x1000);
    memory_region_set_size(ram, 0x2000);
    cr_expect_eq(memory_region_size(ram), 0x2000);
}

Test(region, mapping_an_already_mapped_region_is_an_error)
{
    MemoryRegion *s1 = new_container("s1", 0x10000), *s2 = new_container("s2", 0x10000);
    MemoryRegion *a = new_io("a", 0x10);
    memory_region_add_subregion(s1, 0, a);
    Error *err = NULL;
    cr_expect_not(memory_region_try_add_subregion(s2, 0, a, &err));
    cr_expect_not_null(err);
    error_free(err);
    cr_expect_eq(a->container, s1);
}

Test(region, a_region_cannot_be_mapped_inside_itself)
{
    MemoryRegion *sys = new_container("system", 0x10000);
    MemoryRegion *bus = new_container("bus", 0x1000);
    MemoryRegion *loop = calloc(1, sizeof(*loop));
    memory_region_add_subregion(sys, 0, bus);
    memory_region_init_alias(loop, NULL, "loop", sys, 0, 0x1000);
    Error *err = NULL;
    cr_expect_not(memory_region_try_add_subregion(bus, 0x100, loop, &err));
    cr_assert_not_null(err);
    cr_expect_str_eq(error_get_pretty(err),
                     "memory region 'loop' cannot be mapped in 'bus', which it contains");
    error_free(err);
    cr_expect_not(memory_region_try_add_subregion(bus, 0, sys, NULL));
    cr_expect_not(memory_region_try_add_subregion(sys, 0, sys, NULL));
    cr_expect_null(sys->container);
}
