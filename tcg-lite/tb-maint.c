/*
 * tcg-lite/tb-maint.c: the translation-block cache.  Owns the global hash
 * table of TBs keyed by (physical pc, virtual pc, cs_base, flags, cflags),
 * the per-physical-page lists of TBs with a bitmap of the bytes they cover,
 * the chaining lists (who jumps to whom), invalidation and deferred freeing.
 *
 * The per-page bitmap of translated bytes is what keeps data stores into a
 * page that also holds code cheap: softmmu's store path consults it for
 * pages marked TLB_NOTDIRTY and only invalidates (and slows down) when a
 * store really touches translated bytes.  It is maintained for every page
 * with code rather than after some number of writes: setting the bits of a
 * new TB costs far less than translating it.
 *
 * It knows nothing of guest architectures or CPUs: page protection and the
 * per-CPU jump caches are reached through TBCacheHooks.
 */
#include "config.h"
#include "lemu/tb.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/bitmap.h"
#include "lemu/memory.h"

#define TB_PAGE_SIZE TARGET_PAGE_SIZE
#define TB_PAGE_BITS TARGET_PAGE_BITS

/* One physical (ram_addr) page that holds translated code. */
typedef struct PageDesc {
    uintptr_t first_tb;   /* tagged list: tb | slot */
    unsigned ntbs;
    unsigned long code_bitmap[BITS_TO_LONGS(TB_PAGE_SIZE)];
} PageDesc;

/* Two-level table over ram page numbers, grown on demand. */
#define L2_BITS 10
#define L2_SIZE (1u << L2_BITS)

static PageDesc ***page_l1;
static size_t page_l1_size;

static TranslationBlock **tb_htable;
static unsigned tb_htable_bits = 16;
static TranslationBlock *tb_reclaim_list;   /* chained through hash_next */

static const TCGLBackend *cache_backend;
static TBCacheHooks cache_hooks;
static TBCacheStats stats;

void tb_cache_init(const TCGLBackend *backend, const TBCacheHooks *hooks)
{
    cache_backend = backend;
    if (hooks) {
        cache_hooks = *hooks;
    }
    if (!tb_htable) {
        tb_htable = calloc((size_t)1 << tb_htable_bits, sizeof(*tb_htable));
        assert(tb_htable);
    }
}

const TCGLBackend *tb_cache_backend(void)
{
    return cache_backend;
}

TBCacheStats tb_cache_stats(void)
{
    return stats;
}

/* ---- pages ---------------------------------------------------------------- */

static PageDesc *page_find(tb_page_addr_t addr, bool alloc)
{
    uint64_t index = addr >> TB_PAGE_BITS;
    size_t l1 = index >> L2_BITS;
    if (l1 >= page_l1_size) {
        if (!alloc) {
            return NULL;
        }
        size_t n = page_l1_size ? page_l1_size : 64;
        while (n <= l1) {
            n *= 2;
        }
        PageDesc ***grown = realloc(page_l1, n * sizeof(*grown));
        assert(grown);
        memset(grown + page_l1_size, 0, (n - page_l1_size) * sizeof(*grown));
        page_l1 = grown;
        page_l1_size = n;
    }
    PageDesc **l2 = page_l1[l1];
    if (!l2) {
        if (!alloc) {
            return NULL;
        }
        l2 = page_l1[l1] = calloc(L2_SIZE, sizeof(*l2));
        assert(l2);
    }
    PageDesc *pd = l2[index & (L2_SIZE - 1)];
    if (!pd && alloc) {
        pd = l2[index & (L2_SIZE - 1)] = calloc(1, sizeof(*pd));
        assert(pd);
    }
    return pd;
}

static TranslationBlock *tagged_tb(uintptr_t p)
{
    return (TranslationBlock *)(p & ~(uintptr_t)3);
}

static unsigned tagged_n(uintptr_t p)
{
    return p & 1;
}

/* Bytes [*start, *end) of page slot n that tb covers (offsets in the page). */
static void tb_page_extent(const TranslationBlock *tb, unsigned n, unsigned *start,
                           unsigned *end)
{
    unsigned off = tb->phys_pc & (TB_PAGE_SIZE - 1);
    if (n == 0) {
        *start = off;
        *end = off + tb->size > TB_PAGE_SIZE ? TB_PAGE_SIZE : off + tb->size;
    } else {
        *start = 0;
        *end = off + tb->size - TB_PAGE_SIZE;
    }
}

static void page_mark_tb(PageDesc *pd, const TranslationBlock *tb, unsigned n)
{
    unsigned s, e;
    tb_page_extent(tb, n, &s, &e);
    for (unsigned i = s; i < e; i++) {
        pd->code_bitmap[BIT_WORD(i)] |= BIT_MASK(i);
    }
}

static void page_rebuild_bitmap(PageDesc *pd)
{
    memset(pd->code_bitmap, 0, sizeof(pd->code_bitmap));
    for (uintptr_t p = pd->first_tb; p; p = tagged_tb(p)->page_next[tagged_n(p)]) {
        page_mark_tb(pd, tagged_tb(p), tagged_n(p));
    }
}

static void page_add_tb(tb_page_addr_t page, TranslationBlock *tb, unsigned n)
{
    PageDesc *pd = page_find(page, true);
    bool first = pd->first_tb == 0;
    tb->page_next[n] = pd->first_tb;
    pd->first_tb = (uintptr_t)tb | n;
    pd->ntbs++;
    page_mark_tb(pd, tb, n);
    if (first && cache_hooks.page_protect) {
        cache_hooks.page_protect(page & ~(tb_page_addr_t)(TB_PAGE_SIZE - 1), pd->code_bitmap);
    }
}

static void page_remove_tb(tb_page_addr_t page, TranslationBlock *tb, unsigned n)
{
    PageDesc *pd = page_find(page, false);
    assert(pd);
    uintptr_t *pp = &pd->first_tb;
    while (*pp) {
        TranslationBlock *t = tagged_tb(*pp);
        unsigned tn = tagged_n(*pp);
        if (t == tb && tn == n) {
            *pp = t->page_next[tn];
            pd->ntbs--;
            break;
        }
        pp = &t->page_next[tn];
    }
    page_rebuild_bitmap(pd);
    if (!pd->first_tb && cache_hooks.page_unprotect) {
        cache_hooks.page_unprotect(page & ~(tb_page_addr_t)(TB_PAGE_SIZE - 1));
    }
}

const unsigned long *tb_page_code_bitmap(tb_page_addr_t page)
{
    PageDesc *pd = page_find(page, false);
    return pd && pd->first_tb ? pd->code_bitmap : NULL;
}

bool tb_range_has_code(tb_page_addr_t start, tb_page_addr_t end)
{
    for (tb_page_addr_t a = start; a < end;) {
        tb_page_addr_t page_end = (a | (TB_PAGE_SIZE - 1)) + 1;
        tb_page_addr_t stop = end < page_end ? end : page_end;
        PageDesc *pd = page_find(a, false);
        if (pd && pd->first_tb) {
            unsigned s = a & (TB_PAGE_SIZE - 1);
            unsigned e = s + (unsigned)(stop - a);
            if (bitmap_find_next_bit(pd->code_bitmap, e, s) < e) {
                return true;
            }
        }
        a = stop;
    }
    return false;
}

/* ---- hash table ------------------------------------------------------------ */

static uint32_t tb_hash(tb_page_addr_t phys_pc, uint64_t pc, uint32_t flags, uint32_t cflags)
{
    uint64_t h = phys_pc * 0x9e3779b97f4a7c15ull;
    h ^= (pc >> 1) * 0xc2b2ae3d27d4eb4full;
    h ^= ((uint64_t)flags << 32 | cflags) * 0x165667b19e3779f9ull;
    h ^= h >> 29;
    return (uint32_t)(h ^ (h >> 32));
}

TranslationBlock *tb_htable_lookup(tb_page_addr_t phys_pc, uint64_t pc, uint64_t cs_base,
                                   uint32_t flags, uint32_t cflags)
{
    uint32_t h = tb_hash(phys_pc, pc, flags, cflags);
    for (TranslationBlock *tb = tb_htable[h & ((1u << tb_htable_bits) - 1)]; tb;
         tb = tb->hash_next) {
        if (tb->pc == pc && tb->phys_pc == phys_pc && tb->flags == flags &&
            tb->cs_base == cs_base && tb->cflags == cflags && !tb->invalid) {
            return tb;
        }
    }
    return NULL;
}

static void tb_htable_remove(TranslationBlock *tb)
{
    TranslationBlock **pp = &tb_htable[tb->hash & ((1u << tb_htable_bits) - 1)];
    while (*pp) {
        if (*pp == tb) {
            *pp = tb->hash_next;
            tb->hash_next = NULL;
            return;
        }
        pp = &(*pp)->hash_next;
    }
}

/* Keep chains short: double the table when it holds twice as many TBs as buckets. */
static void tb_htable_maybe_grow(void)
{
    if (stats.live < (2ul << tb_htable_bits) || tb_htable_bits >= 22) {
        return;
    }
    unsigned nbits = tb_htable_bits + 1;
    TranslationBlock **n = calloc((size_t)1 << nbits, sizeof(*n));
    if (!n) {
        return;
    }
    for (size_t i = 0; i < ((size_t)1 << tb_htable_bits); i++) {
        TranslationBlock *tb = tb_htable[i];
        while (tb) {
            TranslationBlock *next = tb->hash_next;
            size_t b = tb->hash & ((1u << nbits) - 1);
            tb->hash_next = n[b];
            n[b] = tb;
            tb = next;
        }
    }
    free(tb_htable);
    tb_htable = n;
    tb_htable_bits = nbits;
}

/* ---- allocation and linking ------------------------------------------------- */

TranslationBlock *tb_alloc(void)
{
    TranslationBlock *tb = calloc(1, sizeof(*tb));
    assert(tb);
    tb->page_addr[0] = tb->page_addr[1] = TB_PAGE_ADDR_INVALID;
    return tb;
}

static void tb_free(TranslationBlock *tb)
{
    if (cache_backend && cache_backend->free_code) {
        cache_backend->free_code(tb);
    }
    free(tb);
}

void tb_free_unlinked(TranslationBlock *tb)
{
    tb_free(tb);
}

void tb_link(TranslationBlock *tb)
{
    tb->hash = tb_hash(tb->phys_pc, tb->pc, tb->flags, tb->cflags);
    TranslationBlock **bucket = &tb_htable[tb->hash & ((1u << tb_htable_bits) - 1)];
    tb->hash_next = *bucket;
    *bucket = tb;
    page_add_tb(tb->page_addr[0], tb, 0);
    if (tb->page_addr[1] != TB_PAGE_ADDR_INVALID) {
        page_add_tb(tb->page_addr[1], tb, 1);
    }
    stats.live++;
    stats.translated++;
    tb_htable_maybe_grow();
}

void tb_add_jump(TranslationBlock *from, unsigned n, TranslationBlock *to)
{
    assert(n < 2);
    if (from->invalid || to->invalid || to->lookup_only || from->jmp_dest[n] == to) {
        return;
    }
    if (from->jmp_dest[n]) {
        /* A stale link: the slot was re-targeted; cannot happen with static targets. */
        return;
    }
    from->jmp_dest[n] = to;
    from->jmp_list_next[n] = to->jmp_list_head;
    to->jmp_list_head = (uintptr_t)from | n;
    if (cache_backend && cache_backend->set_jmp_target) {
        cache_backend->set_jmp_target(from, n, to);
    }
}

/* Remove the link (from, n) from the incoming list of its destination. */
static void tb_unlink_outgoing(TranslationBlock *from, unsigned n)
{
    TranslationBlock *dest = from->jmp_dest[n];
    if (!dest) {
        return;
    }
    uintptr_t *pp = &dest->jmp_list_head;
    while (*pp) {
        TranslationBlock *t = tagged_tb(*pp);
        unsigned tn = tagged_n(*pp);
        if (t == from && tn == n) {
            *pp = t->jmp_list_next[tn];
            break;
        }
        pp = &t->jmp_list_next[tn];
    }
    from->jmp_dest[n] = NULL;
    if (cache_backend && cache_backend->set_jmp_target) {
        cache_backend->set_jmp_target(from, n, NULL);
    }
}

void tb_phys_invalidate(TranslationBlock *tb)
{
    if (tb->invalid) {
        return;
    }
    tb->invalid = true;
    tb_htable_remove(tb);
    page_remove_tb(tb->page_addr[0], tb, 0);
    if (tb->page_addr[1] != TB_PAGE_ADDR_INVALID) {
        page_remove_tb(tb->page_addr[1], tb, 1);
    }
    if (cache_hooks.tb_forget) {
        cache_hooks.tb_forget(tb);
    }
    /* Nobody may chain into it any more... */
    while (tb->jmp_list_head) {
        TranslationBlock *from = tagged_tb(tb->jmp_list_head);
        tb_unlink_outgoing(from, tagged_n(tb->jmp_list_head));
    }
    /* ...and it leaves the incoming lists of its successors. */
    tb_unlink_outgoing(tb, 0);
    tb_unlink_outgoing(tb, 1);
    stats.live--;
    stats.invalidated++;
    tb->hash_next = tb_reclaim_list;
    tb_reclaim_list = tb;
}

bool tb_invalidate_phys_range(tb_page_addr_t start, tb_page_addr_t end)
{
    bool current = false;
    TranslationBlock *exec_tb = tcgl_exec_tb;
    for (tb_page_addr_t a = start; a < end;) {
        tb_page_addr_t page = a & ~(tb_page_addr_t)(TB_PAGE_SIZE - 1);
        tb_page_addr_t page_end = page + TB_PAGE_SIZE;
        tb_page_addr_t stop = end < page_end ? end : page_end;
        PageDesc *pd = page_find(a, false);
        unsigned s = a - page, e = stop - page;
        /* Restart the walk after each invalidation: it edits the list. */
        while (pd && pd->first_tb && bitmap_find_next_bit(pd->code_bitmap, e, s) < e) {
            TranslationBlock *victim = NULL;
            for (uintptr_t p = pd->first_tb; p; p = tagged_tb(p)->page_next[tagged_n(p)]) {
                unsigned ts, te;
                tb_page_extent(tagged_tb(p), tagged_n(p), &ts, &te);
                if (ts < e && s < te) {
                    victim = tagged_tb(p);
                    break;
                }
            }
            if (!victim) {
                break;
            }
            current |= victim == exec_tb;
            tb_phys_invalidate(victim);
        }
        a = stop;
    }
    return current;
}

void tb_flush(void)
{
    for (size_t i = 0; i < ((size_t)1 << tb_htable_bits); i++) {
        while (tb_htable[i]) {
            tb_phys_invalidate(tb_htable[i]);
        }
    }
    stats.flushes++;
}

void tb_reclaim(void)
{
    while (tb_reclaim_list) {
        TranslationBlock *tb = tb_reclaim_list;
        tb_reclaim_list = tb->hash_next;
        tb_free(tb);
    }
}
