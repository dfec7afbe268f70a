/*
 * memory/dirty.c: the dirty-memory bitmaps, one per client (VGA, CODE,
 * MIGRATION), one bit per target page of the ram_addr space (physmem.c grows
 * them with the space).  A set bit means "written since the client last
 * looked".  Bits are set and cleared atomically so that a vCPU thread and
 * the main loop may share them.  Also the code-write hook: the only way
 * memory/ tells the CPU side that translated code may have been overwritten.
 */
#include "config.h"
#include "memory-internal.h"

#include "lemu/bitmap.h"

#include <assert.h>

static MemoryCodeWriteHook *memory_code_write_hook;

/*
 * Pages [*first, *end) of the byte range [start, start + length), clipped to
 * the pages the bitmaps cover; false when nothing is left.  Pages outside
 * the ram_addr space are neither dirty nor clean: every function ignores
 * them.
 */
static bool dirty_page_range(ram_addr_t start, ram_addr_t length, size_t *first, size_t *end)
{
    if (!length) {
        return false;
    }
    ram_addr_t last = length - 1 > RAM_ADDR_MAX - start ? RAM_ADDR_MAX : start + length - 1;
    ram_addr_t f = start >> TARGET_PAGE_BITS;
    ram_addr_t e = (last >> TARGET_PAGE_BITS) + 1;
    if (e > ram_list.dirty_pages) {
        e = ram_list.dirty_pages;
    }
    if (f >= e) {
        return false;
    }
    *first = (size_t)f;
    *end = (size_t)e;
    return true;
}

bool ram_dirty_get(ram_addr_t start, ram_addr_t length, unsigned client)
{
    size_t first, end;
    assert(client < DIRTY_MEMORY_NUM);
    if (!dirty_page_range(start, length, &first, &end)) {
        return false;
    }
    return bitmap_find_next_bit(ram_list.dirty_memory[client], end, first) < end;
}

bool ram_dirty_get_page(ram_addr_t addr, unsigned client)
{
    assert(client < DIRTY_MEMORY_NUM);
    ram_addr_t page = addr >> TARGET_PAGE_BITS;
    return page < ram_list.dirty_pages && bitmap_test_bit(ram_list.dirty_memory[client], page);
}

bool ram_dirty_all(ram_addr_t start, ram_addr_t length, unsigned client)
{
    size_t first, end;
    assert(client < DIRTY_MEMORY_NUM);
    if (!dirty_page_range(start, length, &first, &end)) {
        return true;
    }
    return bitmap_find_next_zero_bit(ram_list.dirty_memory[client], end, first) >= end;
}

void ram_dirty_set_range(ram_addr_t start, ram_addr_t length, unsigned mask)
{
    size_t first, end;
    if (!dirty_page_range(start, length, &first, &end)) {
        return;
    }
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        if (mask & (1u << c)) {
            bitmap_set_atomic(ram_list.dirty_memory[c], first, end - first);
        }
    }
}

bool ram_dirty_test_and_clear(ram_addr_t start, ram_addr_t length, unsigned client)
{
    size_t first, end;
    assert(client < DIRTY_MEMORY_NUM);
    if (!dirty_page_range(start, length, &first, &end)) {
        return false;
    }
    return bitmap_test_and_clear_atomic(ram_list.dirty_memory[client], first, end - first);
}

unsigned ram_dirty_range_includes_clean(ram_addr_t start, ram_addr_t length, unsigned mask)
{
    size_t first, end;
    unsigned clean = 0;
    if (!dirty_page_range(start, length, &first, &end)) {
        return 0;
    }
    for (unsigned c = 0; c < DIRTY_MEMORY_NUM; c++) {
        if ((mask & (1u << c)) &&
            bitmap_find_next_zero_bit(ram_list.dirty_memory[c], end, first) < end) {
            clean |= 1u << c;
        }
    }
    return clean;
}

void memory_set_code_write_hook(MemoryCodeWriteHook *hook)
{
    memory_code_write_hook = hook;
}

/*
 * A write to [start, start + length) happened: the clients in `mask` learn of
 * it.  The CODE client is special: where a page's CODE bit is clean, some
 * translated code came from it, and only the CPU side (through the hook) can
 * drop that code before the bit is set again.
 */
static void dirty_note_write(ram_addr_t start, ram_addr_t length, unsigned mask)
{
    if ((mask & (1u << DIRTY_MEMORY_CODE)) &&
        ram_dirty_range_includes_clean(start, length, 1u << DIRTY_MEMORY_CODE)) {
        if (memory_code_write_hook) {
            memory_code_write_hook(start, length);
        } else {
            ram_dirty_set_range(start, length, 1u << DIRTY_MEMORY_CODE);
        }
    }
    mask &= DIRTY_CLIENTS_NOCODE;
    if (mask) {
        ram_dirty_set_range(start, length, mask);
    }
}

/* The ram_addr range of [addr, addr + *size) of mr, clipped to its block. */
static bool dirty_region_range(const MemoryRegion *mr, hwaddr addr, hwaddr *size,
                               ram_addr_t *start)
{
    const RAMBlock *b = mr ? mr->ram_block : NULL;
    if (!b || addr >= b->used_length || !*size) {
        return false;
    }
    if (*size > b->used_length - addr) {
        *size = b->used_length - addr;
    }
    *start = b->offset + addr;
    return true;
}

void memory_notify_ram_write(MemoryRegion *mr, hwaddr offset, hwaddr length)
{
    ram_addr_t start;
    if (dirty_region_range(mr, offset, &length, &start)) {
        dirty_note_write(start, length, mr->dirty_log_mask);
    }
}

bool memory_region_get_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size, unsigned client)
{
    ram_addr_t start;
    return dirty_region_range(mr, addr, &size, &start) && ram_dirty_get(start, size, client);
}

void memory_region_set_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size)
{
    ram_addr_t start;
    if (dirty_region_range(mr, addr, &size, &start)) {
        dirty_note_write(start, size, DIRTY_CLIENTS_ALL);
    }
}

bool memory_region_test_and_clear_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size,
                                        unsigned client)
{
    ram_addr_t start;
    return dirty_region_range(mr, addr, &size, &start) &&
           ram_dirty_test_and_clear(start, size, client);
}

void memory_region_reset_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size, unsigned client)
{
    (void)memory_region_test_and_clear_dirty(mr, addr, size, client);
}
