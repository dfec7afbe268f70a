/*
 * memory/physmem.c: RAM blocks.  Owns ram_list (the blocks, sorted by size,
 * biggest first), the ram_addr space they are placed in (a new block takes
 * the smallest gap that fits, so the space stays compact when blocks come and
 * go), the host memory behind each block (anonymous mmap aligned to the
 * host's huge-page size), the growth of the dirty bitmaps that cover the
 * ram_addr space, and lookups between ram_addr and host pointers.
 */
#include "config.h"
#include "memory-internal.h"

#include "lemu/bitmap.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

RAMList ram_list;

static size_t physmem_host_page_size(void)
{
    long ps = sysconf(_SC_PAGESIZE);
    return ps > 0 ? (size_t)ps : 4096;
}

/*
 * Guest RAM aligned to the transparent huge-page size can be backed by huge
 * pages from its first byte, which saves TLB misses on the host for every
 * guest access.  The kernel tells us the size; without sysfs we assume the
 * usual PMD size.
 */
static size_t physmem_huge_page_size(void)
{
    static size_t cached;
    if (cached) {
        return cached;
    }
    size_t size = 0;
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", "r");
    if (f) {
        unsigned long long v;
        if (fscanf(f, "%llu", &v) == 1 && v && !(v & (v - 1))) {
            size = (size_t)v;
        }
        fclose(f);
    }
    if (!size) {
#if defined(__x86_64__) || defined(__aarch64__)
        size = 2 * 1024 * 1024;
#else
        size = physmem_host_page_size();
#endif
    }
    if (size < physmem_host_page_size()) {
        size = physmem_host_page_size();
    }
    cached = size;
    return size;
}

static void physmem_madvise(void *host, size_t size)
{
    /* Hints only: a kernel without them still runs the guest correctly. */
#ifdef MADV_HUGEPAGE
    (void)madvise(host, size, MADV_HUGEPAGE);
#endif
#ifdef MADV_DONTFORK
    /* A forked helper process has no business with guest memory. */
    (void)madvise(host, size, MADV_DONTFORK);
#endif
#ifdef MADV_MERGEABLE
    (void)madvise(host, size, MADV_MERGEABLE);
#endif
}

/*
 * Map `size` bytes of zeroed memory at an address aligned to `align`: map
 * size + align, then give back the misaligned head and the unused tail.
 */
static void *physmem_anon_alloc(size_t size, size_t align, int *err)
{
    size_t page = physmem_host_page_size();
    if (size > SIZE_MAX - align) {
        *err = ENOMEM;
        return NULL;
    }
    size_t total = size + align - page;
    uint8_t *p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        *err = errno;
        return NULL;
    }
    size_t head = (size_t)(-(uintptr_t)p & (align - 1));
    if (head) {
        munmap(p, head);
    }
    size_t tail = total - head - size;
    if (tail) {
        munmap(p + head + size, tail);
    }
    return p + head;
}

static const char *physmem_block_name(const MemoryRegion *mr)
{
    return mr && mr->name ? mr->name : "anonymous";
}

ram_addr_t ram_list_last_offset(void)
{
    ram_addr_t last = 0;
    RAMBlock *b;
    LIST_FOREACH(b, &ram_list.blocks, next) {
        if (b->offset + b->max_length > last) {
            last = b->offset + b->max_length;
        }
    }
    return last;
}

ram_addr_t ram_block_find_offset(ram_addr_t size)
{
    if (LIST_EMPTY(&ram_list.blocks)) {
        return size ? 0 : RAM_ADDR_INVALID;
    }
    if (!size) {
        return RAM_ADDR_INVALID;
    }
    ram_addr_t best = RAM_ADDR_INVALID, best_gap = RAM_ADDR_MAX;
    RAMBlock *b, *o;
    /* Every gap starts at the end of some block; the best-fitting one wins. */
    LIST_FOREACH(b, &ram_list.blocks, next) {
        ram_addr_t end = b->offset + b->max_length;
        ram_addr_t next = RAM_ADDR_MAX;
        LIST_FOREACH(o, &ram_list.blocks, next) {
            if (o->offset >= end && o->offset < next) {
                next = o->offset;
            }
        }
        ram_addr_t gap = next - end;
        if (gap >= size && (best == RAM_ADDR_INVALID || gap < best_gap)) {
            best = end;
            best_gap = gap;
        }
    }
    /* The space below the lowest block is a gap too. */
    ram_addr_t lowest = RAM_ADDR_MAX;
    LIST_FOREACH(b, &ram_list.blocks, next) {
        if (b->offset < lowest) {
            lowest = b->offset;
        }
    }
    if (lowest >= size && (best == RAM_ADDR_INVALID || lowest < best_gap)) {
        best = 0;
    }
    return best;
}

static bool physmem_grow_dirty(ram_addr_t new_pages, Error **errp)
{
    ram_addr_t old_pages = ram_list.dirty_pages;
    if (new_pages <= old_pages) {
        return true;
    }
    if (new_pages > SIZE_MAX - BITS_PER_LONG) {
        error_setg(errp, "ram address space too large for the dirty bitmaps");
        return false;
    }
    for (int i = 0; i < DIRTY_MEMORY_NUM; i++) {
        /*
         * On failure the maps grown so far are merely bigger than needed:
         * dirty_pages still says how much of them is valid.
         */
        unsigned long *m = bitmap_zero_extend(ram_list.dirty_memory[i], old_pages, new_pages);
        if (!m) {
            error_setg(errp, "out of memory for the dirty bitmaps of %" PRIu64 " pages",
                       (uint64_t)new_pages);
            return false;
        }
        ram_list.dirty_memory[i] = m;
    }
    ram_list.dirty_pages = new_pages;
    return true;
}

static void physmem_insert_sorted(RAMBlock *nb)
{
    RAMBlock *b, *last = NULL;
    LIST_FOREACH(b, &ram_list.blocks, next) {
        if (b->max_length < nb->max_length) {
            LIST_INSERT_BEFORE(b, nb, next);
            return;
        }
        last = b;
    }
    if (last) {
        LIST_INSERT_AFTER(last, nb, next);
    } else {
        LIST_INSERT_HEAD(&ram_list.blocks, nb, next);
    }
}

RAMBlock *ram_block_add(MemoryRegion *mr, ram_addr_t size, Error **errp)
{
    const char *name = physmem_block_name(mr);
    if (size == 0) {
        error_setg(errp, "cannot set up guest memory '%s': size 0", name);
        return NULL;
    }
    if (size > RAM_ADDR_MAX - TARGET_PAGE_SIZE) {
        error_setg(errp, "cannot set up guest memory '%s': size 0x%" PRIx64 " too large", name,
                   (uint64_t)size);
        return NULL;
    }
    size = TARGET_PAGE_ALIGN(size);

    ram_addr_t offset = ram_block_find_offset(size);
    if (offset == RAM_ADDR_INVALID) {
        error_setg(errp, "cannot set up guest memory '%s': no gap of 0x%" PRIx64
                   " bytes left in the ram address space", name, (uint64_t)size);
        return NULL;
    }

    int err = 0;
    size_t align = physmem_huge_page_size();
    void *host = physmem_anon_alloc((size_t)size, align, &err);
    if (!host) {
        error_setg_errno(errp, err, "cannot set up guest memory '%s' (0x%" PRIx64 " bytes)",
                         name, (uint64_t)size);
        return NULL;
    }

    RAMBlock *block = calloc(1, sizeof(*block));
    if (!block || !physmem_grow_dirty((offset + size) >> TARGET_PAGE_BITS, errp)) {
        if (!block) {
            error_setg(errp, "cannot set up guest memory '%s': out of memory", name);
        }
        free(block);
        munmap(host, (size_t)size);
        return NULL;
    }
    block->mr = mr;
    block->host = host;
    block->offset = offset;
    block->used_length = size;
    block->max_length = size;
    block->mmap_base = host;
    block->mmap_size = (size_t)size;

    physmem_insert_sorted(block);
    ram_list.mru_block = NULL;
    ram_list.version++;

    /* New RAM counts as written: every client must look at it once. */
    ram_dirty_set_range(offset, size, DIRTY_CLIENTS_ALL);
    physmem_madvise(host, (size_t)size);
    return block;
}

void ram_block_free(RAMBlock *block)
{
    if (!block) {
        return;
    }
    LIST_REMOVE(block, next);
    if (ram_list.mru_block == block) {
        ram_list.mru_block = NULL;
    }
    ram_list.version++;
    munmap(block->mmap_base, block->mmap_size);
    free(block);
}

RAMBlock *ram_block_lookup(ram_addr_t addr)
{
    RAMBlock *b = ram_list.mru_block;
    if (b && addr - b->offset < b->max_length) {
        return b;
    }
    LIST_FOREACH(b, &ram_list.blocks, next) {
        if (addr - b->offset < b->max_length) {
            ram_list.mru_block = b;
            return b;
        }
    }
    return NULL;
}

void *ram_addr_to_host(ram_addr_t addr)
{
    RAMBlock *b = ram_block_lookup(addr);
    return b ? b->host + (addr - b->offset) : NULL;
}

bool ram_addr_from_host(const void *host, ram_addr_t *out)
{
    uintptr_t h = (uintptr_t)host;
    RAMBlock *b = ram_list.mru_block;
    if (!b || h - (uintptr_t)b->host >= b->max_length) {
        LIST_FOREACH(b, &ram_list.blocks, next) {
            if (h - (uintptr_t)b->host < b->max_length) {
                break;
            }
        }
        if (!b) {
            return false;
        }
        ram_list.mru_block = b;
    }
    if (out) {
        *out = b->offset + (h - (uintptr_t)b->host);
    }
    return true;
}
