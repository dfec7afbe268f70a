/*
 * test-dirty.c: the dirty-memory bitmaps (memory/dirty.c): one bit a page
 * and a client, all set for new RAM, test-and-clear, range queries, growth
 * with the ram_addr space, the per-region log mask, and the code-write hook
 * that lets the CPU side drop translated code before CODE bits are set.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "lemu/memory.h"

#define KiB 1024ull
#define PAGE TARGET_PAGE_SIZE
#define CODE_BIT (1u << DIRTY_MEMORY_CODE)
#define VGA_BIT (1u << DIRTY_MEMORY_VGA)
#define MIG_BIT (1u << DIRTY_MEMORY_MIGRATION)

static MemoryRegion regions[4];
static unsigned regions_used;

/* A RAM region built by hand: only ram_block and dirty_log_mask matter here. */
static MemoryRegion *ram_region(const char *name, ram_addr_t size, uint8_t log_mask)
{
    cr_assert_lt(regions_used, 4);
    MemoryRegion *mr = &regions[regions_used++];
    mr->name = (char *)name;
    mr->ram = true;
    mr->dirty_log_mask = log_mask;
    mr->ram_block = ram_block_add(mr, size, NULL);
    cr_assert_not_null(mr->ram_block);
    return mr;
}

static void clear_all(ram_addr_t start, ram_addr_t len)
{
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        ram_dirty_test_and_clear(start, len, c);
    }
}

/* The code-write hook as the CPU side would install it, recording its calls. */
static unsigned hook_calls;
static ram_addr_t hook_start, hook_len;
static void record_hook(ram_addr_t start, ram_addr_t length)
{
    hook_calls++;
    hook_start = start;
    hook_len = length;
    ram_dirty_set_range(start, length, CODE_BIT);
}

Test(dirty, new_ram_is_dirty_for_every_client)
{
    MemoryRegion *mr = ram_region("ram", 16 * PAGE, CODE_BIT);
    ram_addr_t base = mr->ram_block->offset;
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        cr_expect(ram_dirty_all(base, 16 * PAGE, c));
        cr_expect(memory_region_get_dirty(mr, 0, 16 * PAGE, c));
        cr_expect_eq(ram_dirty_range_includes_clean(base, 16 * PAGE, 1u << c), 0);
    }
}

Test(dirty, test_and_clear_reports_once_and_touches_one_client)
{
    MemoryRegion *mr = ram_region("ram", 8 * PAGE, CODE_BIT);
    cr_expect(memory_region_test_and_clear_dirty(mr, 2 * PAGE, PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(memory_region_test_and_clear_dirty(mr, 2 * PAGE, PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get_page(2 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect(ram_dirty_get_page(2 * PAGE, DIRTY_MEMORY_MIGRATION));
    cr_expect(ram_dirty_get_page(2 * PAGE, DIRTY_MEMORY_CODE));
    cr_expect(ram_dirty_get_page(1 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect(ram_dirty_get_page(3 * PAGE, DIRTY_MEMORY_VGA));
}

Test(dirty, byte_ranges_cover_every_page_they_touch)
{
    MemoryRegion *mr = ram_region("ram", 8 * PAGE, 0);
    clear_all(0, 8 * PAGE);
    /* 2 bytes straddling the boundary between pages 2 and 3. */
    ram_dirty_set_range(3 * PAGE - 1, 2, VGA_BIT);
    cr_expect_not(ram_dirty_get_page(1 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect(ram_dirty_get_page(2 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect(ram_dirty_get_page(3 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get_page(4 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get_page(2 * PAGE, DIRTY_MEMORY_MIGRATION));
    (void)mr;
}

Test(dirty, range_queries_any_all_and_clean_clients)
{
    ram_region("ram", 8 * PAGE, 0);
    clear_all(0, 8 * PAGE);
    ram_dirty_set_range(4 * PAGE, PAGE, VGA_BIT | MIG_BIT);
    cr_expect(ram_dirty_get(0, 8 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get(0, 4 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get(0, 8 * PAGE, DIRTY_MEMORY_CODE));
    cr_expect(ram_dirty_all(4 * PAGE, PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_all(3 * PAGE, 2 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect_eq(ram_dirty_range_includes_clean(4 * PAGE, PAGE, DIRTY_CLIENTS_ALL), CODE_BIT);
    cr_expect_eq(ram_dirty_range_includes_clean(3 * PAGE, 2 * PAGE, VGA_BIT | MIG_BIT),
                 VGA_BIT | MIG_BIT);
}

Test(dirty, bits_survive_growth_and_the_new_block_is_all_dirty)
{
    MemoryRegion *a = ram_region("a", 70 * PAGE, CODE_BIT);
    clear_all(0, 70 * PAGE);
    ram_dirty_set_range(65 * PAGE, PAGE, MIG_BIT);
    ram_addr_t before = ram_list.dirty_pages;
    MemoryRegion *b = ram_region("b", 200 * PAGE, CODE_BIT);
    cr_expect_gt(ram_list.dirty_pages, before);
    cr_expect_eq(b->ram_block->offset, 70 * PAGE);
    /* a's bits are untouched, including those in the last, shared word. */
    cr_expect_not(ram_dirty_get(0, 65 * PAGE, DIRTY_MEMORY_MIGRATION));
    cr_expect(ram_dirty_get_page(65 * PAGE, DIRTY_MEMORY_MIGRATION));
    cr_expect_not(ram_dirty_get(66 * PAGE, 4 * PAGE, DIRTY_MEMORY_MIGRATION));
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        cr_expect(ram_dirty_all(70 * PAGE, 200 * PAGE, c), "client %u", c);
    }
    (void)a;
}

Test(dirty, reused_gap_is_dirty_again_after_its_block_was_freed)
{
    MemoryRegion *a = ram_region("a", 4 * PAGE, 0);
    ram_region("b", 4 * PAGE, 0);
    clear_all(0, 8 * PAGE);
    ram_block_free(a->ram_block);
    a->ram_block = NULL;
    MemoryRegion *c = ram_region("c", 4 * PAGE, 0);
    cr_assert_eq(c->ram_block->offset, 0);
    cr_expect(ram_dirty_all(0, 4 * PAGE, DIRTY_MEMORY_MIGRATION));
    cr_expect_not(ram_dirty_get(4 * PAGE, 4 * PAGE, DIRTY_MEMORY_MIGRATION));
}

Test(dirty, ranges_outside_ram_are_ignored)
{
    ram_region("ram", 4 * PAGE, 0);
    cr_expect_not(ram_dirty_get(1ull << 40, PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get_page(1ull << 40, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_test_and_clear(1ull << 40, PAGE, DIRTY_MEMORY_VGA));
    ram_dirty_set_range(UINT64_MAX - 10, 100, DIRTY_CLIENTS_ALL);
    cr_expect_eq(ram_dirty_range_includes_clean(1ull << 40, PAGE, DIRTY_CLIENTS_ALL), 0);
    /* A range that starts in RAM and runs past its end is clipped, not refused. */
    cr_expect(ram_dirty_test_and_clear(3 * PAGE, UINT64_MAX, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get_page(3 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect(ram_dirty_get_page(2 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get(0, 0, DIRTY_MEMORY_VGA));
}

Test(dirty, region_functions_use_offsets_within_the_region)
{
    MemoryRegion *a = ram_region("a", 4 * PAGE, 0);
    MemoryRegion *b = ram_region("b", 4 * PAGE, 0);
    cr_assert_eq(b->ram_block->offset, 4 * PAGE);
    clear_all(0, 8 * PAGE);
    memory_region_set_dirty(b, PAGE, 1);
    cr_expect(ram_dirty_get_page(5 * PAGE, DIRTY_MEMORY_VGA));
    cr_expect(memory_region_get_dirty(b, PAGE, 1, DIRTY_MEMORY_MIGRATION));
    cr_expect_not(memory_region_get_dirty(a, PAGE, 1, DIRTY_MEMORY_MIGRATION));
    memory_region_reset_dirty(b, 0, 4 * PAGE, DIRTY_MEMORY_MIGRATION);
    cr_expect_not(memory_region_get_dirty(b, 0, 4 * PAGE, DIRTY_MEMORY_MIGRATION));
    cr_expect(memory_region_get_dirty(b, 0, 4 * PAGE, DIRTY_MEMORY_VGA));
    /* Offsets past the region's RAM do not reach the next block. */
    memory_region_set_dirty(a, 4 * PAGE, PAGE);
    cr_expect_not(ram_dirty_get_page(4 * PAGE, DIRTY_MEMORY_MIGRATION));
}

Test(dirty, regions_without_ram_have_no_dirty_bits)
{
    ram_region("ram", 4 * PAGE, 0);
    MemoryRegion io = { .name = (char *)"io" };
    cr_expect_not(memory_region_get_dirty(&io, 0, PAGE, DIRTY_MEMORY_VGA));
    memory_region_set_dirty(&io, 0, PAGE);
    memory_notify_ram_write(&io, 0, PAGE);
    cr_expect_not(memory_region_test_and_clear_dirty(&io, 0, PAGE, DIRTY_MEMORY_VGA));
}

Test(dirty, write_notification_sets_only_the_clients_in_the_log_mask)
{
    MemoryRegion *vga = ram_region("vram", 4 * PAGE, VGA_BIT);
    clear_all(0, 4 * PAGE);
    memory_notify_ram_write(vga, PAGE + 8, 4);
    cr_expect(ram_dirty_get_page(PAGE, DIRTY_MEMORY_VGA));
    cr_expect_not(ram_dirty_get_page(PAGE, DIRTY_MEMORY_MIGRATION));
    cr_expect_not(ram_dirty_get_page(PAGE, DIRTY_MEMORY_CODE));
    cr_expect_not(ram_dirty_get_page(0, DIRTY_MEMORY_VGA));
}

Test(dirty, write_to_page_with_clean_code_bit_calls_the_hook)
{
    MemoryRegion *mr = ram_region("ram", 4 * PAGE, CODE_BIT | MIG_BIT);
    memory_set_code_write_hook(record_hook);
    /* Translating code from page 2 clears its CODE bit. */
    ram_dirty_test_and_clear(2 * PAGE, PAGE, DIRTY_MEMORY_CODE);
    ram_dirty_test_and_clear(2 * PAGE, PAGE, DIRTY_MEMORY_MIGRATION);

    memory_notify_ram_write(mr, 2 * PAGE + 16, 8);
    cr_expect_eq(hook_calls, 1);
    cr_expect_eq(hook_start, mr->ram_block->offset + 2 * PAGE + 16);
    cr_expect_eq(hook_len, 8);
    cr_expect(ram_dirty_get_page(2 * PAGE, DIRTY_MEMORY_CODE), "the hook re-sets CODE");
    cr_expect(ram_dirty_get_page(2 * PAGE, DIRTY_MEMORY_MIGRATION));

    /* CODE is dirty now: no code there any more, no hook. */
    memory_notify_ram_write(mr, 2 * PAGE, PAGE);
    cr_expect_eq(hook_calls, 1);
}

Test(dirty, write_to_pages_with_dirty_code_bits_skips_the_hook)
{
    MemoryRegion *mr = ram_region("ram", 4 * PAGE, CODE_BIT);
    memory_set_code_write_hook(record_hook);
    memory_notify_ram_write(mr, 0, 4 * PAGE);
    cr_expect_eq(hook_calls, 0);
}

Test(dirty, region_without_code_logging_never_calls_the_hook)
{
    MemoryRegion *mr = ram_region("ram", 4 * PAGE, MIG_BIT);
    memory_set_code_write_hook(record_hook);
    ram_dirty_test_and_clear(0, PAGE, DIRTY_MEMORY_CODE);
    memory_notify_ram_write(mr, 0, 4);
    cr_expect_eq(hook_calls, 0);
    cr_expect_not(ram_dirty_get_page(0, DIRTY_MEMORY_CODE));
}

Test(dirty, without_a_hook_clean_code_bits_are_simply_set)
{
    MemoryRegion *mr = ram_region("ram", 4 * PAGE, CODE_BIT);
    memory_set_code_write_hook(NULL);
    ram_dirty_test_and_clear(PAGE, PAGE, DIRTY_MEMORY_CODE);
    memory_notify_ram_write(mr, PAGE, 1);
    cr_expect(ram_dirty_get_page(PAGE, DIRTY_MEMORY_CODE));
}

Test(dirty, set_dirty_goes_through_the_hook_and_sets_every_client)
{
    MemoryRegion *mr = ram_region("ram", 4 * PAGE, 0);
    memory_set_code_write_hook(record_hook);
    clear_all(0, 4 * PAGE);
    memory_region_set_dirty(mr, 3 * PAGE, PAGE);
    cr_expect_eq(hook_calls, 1);
    cr_expect_eq(hook_start, 3 * PAGE);
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        cr_expect(ram_dirty_get_page(3 * PAGE, c), "client %u", c);
        cr_expect_not(ram_dirty_get_page(2 * PAGE, c), "client %u", c);
    }
}
