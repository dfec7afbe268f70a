/*
 * test-ramblock.c: RAM blocks (memory/physmem.c): placement in the ram_addr
 * space (smallest gap that fits, gaps reused after a free), the size-sorted
 * ram_list, huge-page-aligned zeroed host memory, allocation failure as an
 * error, and the ram_addr <-> host lookups.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/error.h"
#include "lemu/memory.h"

#define KiB 1024ull
#define MiB (1024ull * KiB)

/* ram_block_add only needs a region for its name. */
static MemoryRegion *test_region(const char *name)
{
    static MemoryRegion pool[16];
    static unsigned used;
    cr_assert_lt(used, 16);
    MemoryRegion *mr = &pool[used++];
    mr->name = (char *)name;
    return mr;
}

static RAMBlock *add_block(const char *name, ram_addr_t size)
{
    Error *err = NULL;
    RAMBlock *b = ram_block_add(test_region(name), size, &err);
    cr_assert_not_null(b, "ram_block_add(%s): %s", name, err ? error_get_pretty(err) : "?");
    return b;
}

Test(ramblock, first_block_starts_at_zero_and_next_follows)
{
    RAMBlock *a = add_block("a", 1 * MiB);
    RAMBlock *b = add_block("b", 64 * KiB);
    cr_expect_eq(a->offset, 0);
    cr_expect_eq(b->offset, 1 * MiB);
    cr_expect_eq(ram_list_last_offset(), 1 * MiB + 64 * KiB);
}

Test(ramblock, freed_gap_is_reused_by_a_block_that_fits)
{
    RAMBlock *a = add_block("a", 1 * MiB);
    RAMBlock *b = add_block("b", 64 * KiB);
    RAMBlock *c = add_block("c", 1 * MiB);
    cr_assert_eq(c->offset, 1 * MiB + 64 * KiB);
    ram_block_free(b);
    /* 32 KiB fits in the 64 KiB hole left by b, which is smaller than the space after c. */
    RAMBlock *d = add_block("d", 32 * KiB);
    cr_expect_eq(d->offset, 1 * MiB);
    /* 128 KiB does not fit in what is left of the hole: it goes after c. */
    RAMBlock *e = add_block("e", 128 * KiB);
    cr_expect_eq(e->offset, 2 * MiB + 64 * KiB);
    (void)a;
}

Test(ramblock, smallest_fitting_gap_wins)
{
    RAMBlock *a = add_block("a", 64 * KiB);
    RAMBlock *big_hole = add_block("big", 256 * KiB);
    RAMBlock *b = add_block("b", 64 * KiB);
    RAMBlock *small_hole = add_block("small", 16 * KiB);
    RAMBlock *c = add_block("c", 64 * KiB);
    ram_addr_t small_at = small_hole->offset;
    ram_block_free(big_hole);
    ram_block_free(small_hole);
    RAMBlock *d = add_block("d", 8 * KiB);
    cr_expect_eq(d->offset, small_at, "took 0x%lx, smallest gap at 0x%lx",
                 (unsigned long)d->offset, (unsigned long)small_at);
    (void)a, (void)b, (void)c;
}

Test(ramblock, block_at_offset_zero_is_reused_after_free)
{
    RAMBlock *a = add_block("a", 64 * KiB);
    RAMBlock *b = add_block("b", 64 * KiB);
    ram_block_free(a);
    RAMBlock *c = add_block("c", 64 * KiB);
    cr_expect_eq(c->offset, 0);
    cr_expect_eq(b->offset, 64 * KiB);
}

Test(ramblock, ram_list_is_sorted_biggest_first_stable_on_ties)
{
    RAMBlock *s = add_block("small", 4 * KiB);
    RAMBlock *l = add_block("large", 2 * MiB);
    RAMBlock *m1 = add_block("mid1", 64 * KiB);
    RAMBlock *m2 = add_block("mid2", 64 * KiB);
    RAMBlock *expect[] = { l, m1, m2, s };
    RAMBlock *b;
    int i = 0;
    LIST_FOREACH(b, &ram_list.blocks, next) {
        cr_assert_lt(i, 4);
        cr_expect_eq(b, expect[i], "position %d holds %s", i, b->mr->name);
        i++;
    }
    cr_expect_eq(i, 4);
}

Test(ramblock, size_is_rounded_up_to_a_page)
{
    RAMBlock *a = add_block("a", 100);
    RAMBlock *b = add_block("b", 4 * KiB + 1);
    cr_expect_eq(a->used_length, 4 * KiB);
    cr_expect_eq(b->used_length, 8 * KiB);
    cr_expect_eq(b->offset, 4 * KiB);
}

Test(ramblock, host_memory_is_huge_page_aligned_zeroed_and_writable)
{
    RAMBlock *a = add_block("a", 3 * MiB);
    RAMBlock *b = add_block("b", 4 * KiB);
#if defined(__x86_64__)
    cr_expect_eq((uintptr_t)a->host % (2 * MiB), 0, "host %p", (void *)a->host);
    cr_expect_eq((uintptr_t)b->host % (2 * MiB), 0, "host %p", (void *)b->host);
#else
    cr_expect_eq((uintptr_t)a->host % (4 * KiB), 0);
#endif
    for (size_t i = 0; i < 3 * MiB; i += 4093) {
        cr_assert_eq(a->host[i], 0, "byte %zu not zero", i);
    }
    memset(a->host, 0xa5, 3 * MiB);
    memset(b->host, 0x5a, 4 * KiB);
    cr_expect_eq(a->host[3 * MiB - 1], 0xa5);
    cr_expect_eq(b->host[0], 0x5a);
}

Test(ramblock, allocation_failure_is_an_error_not_an_abort)
{
    RAMBlock *a = add_block("a", 64 * KiB);
    unsigned version = ram_list.version;
    ram_addr_t pages = ram_list.dirty_pages;

    Error *err = NULL;
    /* No x86-64 or arm64 host can map 2^62 bytes (47/48-bit user space). */
    RAMBlock *huge = ram_block_add(test_region("huge"), 1ull << 62, &err);
    cr_expect_null(huge);
    cr_assert_not_null(err);
    cr_expect(strstr(error_get_pretty(err), "huge") != NULL, "message: %s",
              error_get_pretty(err));
    error_free(err);

    err = NULL;
    cr_expect_null(ram_block_add(test_region("max"), UINT64_MAX, &err));
    cr_expect_not_null(err);
    error_free(err);

    err = NULL;
    cr_expect_null(ram_block_add(test_region("empty"), 0, &err));
    cr_expect_not_null(err);
    error_free(err);

    /* Nothing changed: the list, the bitmaps, and the next placement. */
    cr_expect_eq(ram_list.version, version);
    cr_expect_eq(ram_list.dirty_pages, pages);
    cr_expect_eq(LIST_FIRST(&ram_list.blocks), a);
    cr_expect_null(LIST_NEXT(a, next));
    cr_expect_eq(add_block("b", 4 * KiB)->offset, 64 * KiB);
}

Test(ramblock, failure_with_null_errp_returns_null)
{
    cr_expect_null(ram_block_add(test_region("huge"), 1ull << 62, NULL));
}

Test(ramblock, lookup_maps_ram_addr_to_block_and_host_both_ways)
{
    RAMBlock *a = add_block("a", 64 * KiB);
    RAMBlock *b = add_block("b", 8 * KiB);
    cr_expect_eq(ram_block_lookup(0), a);
    cr_expect_eq(ram_block_lookup(64 * KiB - 1), a);
    cr_expect_eq(ram_block_lookup(64 * KiB), b);
    cr_expect_eq(ram_block_lookup(64 * KiB + 8 * KiB - 1), b);
    cr_expect_null(ram_block_lookup(72 * KiB));
    cr_expect_eq(ram_block_lookup(10), a, "MRU must not hide the right block");

    cr_expect_eq(ram_addr_to_host(64 * KiB + 5), b->host + 5);
    cr_expect_null(ram_addr_to_host(1 * MiB));

    ram_addr_t r = 0;
    cr_expect(ram_addr_from_host(a->host + 100, &r));
    cr_expect_eq(r, 100);
    cr_expect(ram_addr_from_host(b->host + 8 * KiB - 1, &r));
    cr_expect_eq(r, 64 * KiB + 8 * KiB - 1);
    cr_expect_not(ram_addr_from_host(b->host + 8 * KiB, &r));
    int local;
    cr_expect_not(ram_addr_from_host(&local, &r));
}

Test(ramblock, freed_block_is_no_longer_found_even_if_it_was_most_recent)
{
    add_block("a", 64 * KiB);
    RAMBlock *b = add_block("b", 8 * KiB);
    cr_assert_eq(ram_block_lookup(64 * KiB), b);
    cr_assert_eq(ram_list.mru_block, b);
    ram_block_free(b);
    cr_expect_null(ram_block_lookup(64 * KiB));
    cr_expect_null(ram_addr_to_host(64 * KiB));
    cr_expect_eq(ram_list_last_offset(), 64 * KiB);
}

Test(ramblock, dirty_bitmaps_grow_and_new_block_is_all_dirty)
{
    cr_expect_eq(ram_list.dirty_pages, 0);
    RAMBlock *a = add_block("a", 64 * KiB);
    cr_expect_eq(ram_list.dirty_pages, 16);
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        cr_expect(ram_dirty_all(a->offset, a->used_length, c), "client %u", c);
    }
    RAMBlock *b = add_block("b", 1 * MiB);
    cr_expect_eq(ram_list.dirty_pages, 16 + 256);
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        cr_expect(ram_dirty_all(b->offset, b->used_length, c), "client %u", c);
    }
}
