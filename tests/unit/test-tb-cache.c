/*
 * test-tb-cache.c: the translation-block cache (tcg-lite/tb-maint.c) on its
 * own, with a fake backend and fake softmmu hooks that record what the
 * cache asks of them: lookup by every part of the key, invalidation of
 * exactly the TBs that overlap a written range (also TBs spanning two
 * pages, through either page), unlinking of chained jumps in both
 * directions, page protection on the first TB of a page and unprotection
 * when the last one goes, the per-page bitmap of translated bytes, flushes
 * and deferred freeing.  TBs are built by hand: the cache never looks at
 * their code.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/bitmap.h"
#include "lemu/memory.h"
#include "lemu/tb.h"

#define PAGE TARGET_PAGE_SIZE
/* Virtual pcs differ from physical ones, so that a mix-up shows. */
#define VA_OFFSET 0x40000000ull

/* ---- the fake backend and hooks -------------------------------------------- */

typedef struct JmpCall {
    TranslationBlock *tb;
    unsigned n;
    TranslationBlock *dest;
} JmpCall;

static JmpCall jmp_calls[64];
static unsigned njmp_calls;
static TranslationBlock *freed[64];
static unsigned nfreed;

static void fake_set_jmp_target(TranslationBlock *tb, unsigned n, TranslationBlock *dest)
{
    cr_assert_lt(njmp_calls, 64);
    jmp_calls[njmp_calls++] = (JmpCall){ tb, n, dest };
}

static void fake_free_code(TranslationBlock *tb)
{
    /* Reading the TB here is what ASan checks: it must not be freed yet. */
    cr_assert(tb->invalid, "only invalidated TBs are freed");
    if (nfreed < 64) {
        freed[nfreed] = tb;
    }
    nfreed++;
}

static const TCGLBackend fake_backend = {
    .name = "fake",
    .set_jmp_target = fake_set_jmp_target,
    .free_code = fake_free_code,
};

typedef struct PageCall {
    bool protect;
    tb_page_addr_t page;
    const unsigned long *bitmap;
} PageCall;

static PageCall page_calls[64];
static unsigned npage_calls;
static TranslationBlock *forgotten[64];
static unsigned nforgotten;

static void fake_page_protect(tb_page_addr_t page, const unsigned long *bitmap)
{
    if (npage_calls < 64) {
        page_calls[npage_calls] = (PageCall){ true, page, bitmap };
    }
    npage_calls++;
}

static void fake_page_unprotect(tb_page_addr_t page)
{
    if (npage_calls < 64) {
        page_calls[npage_calls] = (PageCall){ false, page, NULL };
    }
    npage_calls++;
}

static void fake_tb_forget(TranslationBlock *tb)
{
    if (nforgotten < 64) {
        forgotten[nforgotten] = tb;
    }
    nforgotten++;
}

static const TBCacheHooks fake_hooks = {
    .page_protect = fake_page_protect,
    .page_unprotect = fake_page_unprotect,
    .tb_forget = fake_tb_forget,
};

static void setup(void)
{
    tb_cache_init(&fake_backend, &fake_hooks);
}

/* ---- building TBs ------------------------------------------------------------ */

/* A TB of `size` bytes at physical address phys, its second page the next one. */
static TranslationBlock *new_tb(tb_page_addr_t phys, uint32_t size)
{
    TranslationBlock *tb = tb_alloc();
    tb->pc = phys + VA_OFFSET;
    tb->phys_pc = phys;
    tb->size = size;
    tb->icount = 1;
    tb->page_addr[0] = phys & TARGET_PAGE_MASK;
    tb_page_addr_t last = (phys + size - 1) & TARGET_PAGE_MASK;
    if (last != tb->page_addr[0]) {
        tb->page_addr[1] = last;
    }
    return tb;
}

static TranslationBlock *link_tb(tb_page_addr_t phys, uint32_t size)
{
    TranslationBlock *tb = new_tb(phys, size);
    tb_link(tb);
    return tb;
}

static bool tb_is_found(const TranslationBlock *tb)
{
    return tb_htable_lookup(tb->phys_pc, tb->pc, tb->cs_base, tb->flags, tb->cflags) == tb;
}

/* ---- lookup -------------------------------------------------------------------- */

Test(tb_cache, lookup_finds_a_linked_tb_by_its_whole_key, .init = setup)
{
    TranslationBlock *tb = new_tb(0x3010, 8);
    tb->cs_base = 0x55;
    tb->flags = 0x3;
    tb->cflags = 0x20;
    cr_assert_null(tb_htable_lookup(0x3010, 0x3010 + VA_OFFSET, 0x55, 0x3, 0x20),
                   "found before it was linked");
    tb_link(tb);
    cr_expect_eq(tb_htable_lookup(0x3010, 0x3010 + VA_OFFSET, 0x55, 0x3, 0x20), tb);
    cr_expect_null(tb_htable_lookup(0x3014, 0x3010 + VA_OFFSET, 0x55, 0x3, 0x20),
                   "physical pc is part of the key");
    cr_expect_null(tb_htable_lookup(0x3010, 0x3010, 0x55, 0x3, 0x20),
                   "virtual pc is part of the key");
    cr_expect_null(tb_htable_lookup(0x3010, 0x3010 + VA_OFFSET, 0x56, 0x3, 0x20),
                   "cs_base is part of the key");
    cr_expect_null(tb_htable_lookup(0x3010, 0x3010 + VA_OFFSET, 0x55, 0x1, 0x20),
                   "flags are part of the key");
    cr_expect_null(tb_htable_lookup(0x3010, 0x3010 + VA_OFFSET, 0x55, 0x3, 0x21),
                   "cflags are part of the key");
    TBCacheStats s = tb_cache_stats();
    cr_expect_eq(s.live, 1);
    cr_expect_eq(s.translated, 1);
}

Test(tb_cache, tbs_differing_in_one_key_part_are_told_apart, .init = setup)
{
    /* Same phys pc, pc, cs_base; flags 0/1 (e.g. two privilege levels). */
    TranslationBlock *m = new_tb(0x5000, 4);
    TranslationBlock *u = new_tb(0x5000, 4);
    m->flags = 3;
    u->flags = 0;
    /* The same virtual pc mapped to two physical pages. */
    TranslationBlock *p1 = new_tb(0x6000, 4);
    TranslationBlock *p2 = new_tb(0x7000, 4);
    p2->pc = p1->pc;
    /* Two cs_base values. */
    TranslationBlock *c1 = new_tb(0x8000, 4);
    TranslationBlock *c2 = new_tb(0x8000, 4);
    c2->cs_base = 1;
    TranslationBlock *all[] = { m, u, p1, p2, c1, c2 };
    for (unsigned i = 0; i < 6; i++) {
        tb_link(all[i]);
    }
    for (unsigned i = 0; i < 6; i++) {
        cr_expect(tb_is_found(all[i]), "TB %u not found by its own key", i);
    }
}

Test(tb_cache, table_growth_keeps_every_tb_findable, .init = setup)
{
    /* More than twice the initial 64 Ki buckets: the table grows. */
    enum { N = 140000, PER_PAGE = 64 };
    TranslationBlock **tbs = malloc(N * sizeof(*tbs));
    cr_assert_not_null(tbs);
    for (unsigned i = 0; i < N; i++) {
        tb_page_addr_t phys = (tb_page_addr_t)(i / PER_PAGE) * PAGE + (i % PER_PAGE) * 4;
        tbs[i] = link_tb(phys, 4);
    }
    cr_expect_eq(tb_cache_stats().live, N);
    unsigned missing = 0;
    for (unsigned i = 0; i < N; i++) {
        missing += !tb_is_found(tbs[i]);
    }
    cr_expect_eq(missing, 0, "%u TBs lost when the table grew", missing);
    free(tbs);
}

/* ---- invalidation by range --------------------------------------------------------- */

Test(tb_cache, range_touching_one_byte_invalidates_exactly_the_overlapping_tb, .init = setup)
{
    TranslationBlock *a = link_tb(0x1000, 0x10);   /* [0x1000, 0x1010) */
    TranslationBlock *b = link_tb(0x1010, 0x10);   /* [0x1010, 0x1020) */
    TranslationBlock *c = link_tb(0x1020, 0x10);   /* [0x1020, 0x1030) */

    cr_expect_not(tb_invalidate_phys_range(0x1030, 0x1040), "bytes after every TB");
    cr_expect_not(tb_invalidate_phys_range(0x0ff0, 0x1000), "bytes before every TB");
    cr_expect(tb_is_found(a) && tb_is_found(b) && tb_is_found(c));

    tb_invalidate_phys_range(0x101f, 0x1020);   /* b's last byte */
    cr_expect(tb_is_found(a), "a untouched");
    cr_expect(!tb_is_found(b) && b->invalid, "b invalidated");
    cr_expect(tb_is_found(c), "c untouched");

    tb_invalidate_phys_range(0x100f, 0x1021);   /* a's last byte to c's first */
    cr_expect(a->invalid && c->invalid);
    TBCacheStats s = tb_cache_stats();
    cr_expect_eq(s.live, 0);
    cr_expect_eq(s.invalidated, 3);
}

Test(tb_cache, overlapping_tbs_are_all_invalidated, .init = setup)
{
    /* Two blocks that share bytes (a branch into the middle of another). */
    TranslationBlock *outer = link_tb(0x2000, 0x20);
    TranslationBlock *inner = link_tb(0x2010, 0x8);
    TranslationBlock *other = link_tb(0x2018, 0x8);
    tb_invalidate_phys_range(0x2012, 0x2014);
    cr_expect(outer->invalid && inner->invalid);
    cr_expect(!other->invalid && tb_is_found(other));
}

Test(tb_cache, tb_spanning_two_pages_is_invalidated_through_its_second_page, .init = setup)
{
    TranslationBlock *span = link_tb(0x4ffc, 8);   /* 4 bytes on each page */
    TranslationBlock *next = link_tb(0x5004, 4);
    cr_assert_eq(span->page_addr[1], 0x5000);
    tb_invalidate_phys_range(0x5004, 0x5005);      /* just after span */
    cr_expect_not(span->invalid, "a byte after the TB's end on its second page");
    cr_expect(next->invalid);
    tb_invalidate_phys_range(0x5003, 0x5004);
    cr_expect(span->invalid, "its last byte, on the second page");
    cr_expect_null(tb_page_code_bitmap(0x5000), "no code left on the second page");
    cr_expect_null(tb_page_code_bitmap(0x4000), "nor on the first");
}

Test(tb_cache, tb_spanning_two_pages_is_invalidated_through_its_first_page, .init = setup)
{
    TranslationBlock *span = link_tb(0x4ffe, 4);
    tb_invalidate_phys_range(0x4ffe, 0x4fff);
    cr_expect(span->invalid);
    cr_expect_not(tb_range_has_code(0x5000, 0x5002), "second page's bytes dropped too");
}

Test(tb_cache, second_page_need_not_follow_the_first, .init = setup)
{
    /* Virtually contiguous, physically apart: the second half lives at 0x9000. */
    TranslationBlock *tb = new_tb(0x3ffe, 4);
    tb->page_addr[1] = 0x9000;
    tb_link(tb);
    cr_expect(tb_range_has_code(0x9000, 0x9002));
    cr_expect_not(tb_range_has_code(0x9002, 0x9003));
    cr_expect_not(tb_range_has_code(0x4000, 0x4002), "the page after the first is not its");
    tb_invalidate_phys_range(0x4000, 0x4010);
    cr_expect_not(tb->invalid);
    tb_invalidate_phys_range(0x9001, 0x9002);
    cr_expect(tb->invalid);
}

Test(tb_cache, range_across_pages_invalidates_on_each, .init = setup)
{
    TranslationBlock *a = link_tb(0x6ff0, 8);
    TranslationBlock *b = link_tb(0x7008, 8);
    TranslationBlock *c = link_tb(0x7010, 8);
    tb_invalidate_phys_range(0x6ff4, 0x700c);
    cr_expect(a->invalid && b->invalid);
    cr_expect_not(c->invalid);
}

Test(tb_cache, invalidate_reports_whether_the_executing_tb_went, .init = setup)
{
    TranslationBlock *a = link_tb(0x1000, 0x10);
    TranslationBlock *b = link_tb(0x1100, 0x10);
    tcgl_exec_tb = b;
    cr_expect_not(tb_invalidate_phys_range(0x1000, 0x1001), "a is not executing");
    cr_expect(a->invalid);
    cr_expect(tb_invalidate_phys_range(0x10f0, 0x1101), "b is");
    cr_expect(b->invalid);
    cr_expect_not(tb_invalidate_phys_range(0x1100, 0x1110), "already gone");
    tcgl_exec_tb = NULL;
}

Test(tb_cache, invalidation_is_idempotent_and_forgets_the_tb, .init = setup)
{
    TranslationBlock *a = link_tb(0x1000, 0x10);
    tb_phys_invalidate(a);
    tb_phys_invalidate(a);
    TBCacheStats s = tb_cache_stats();
    cr_expect_eq(s.live, 0);
    cr_expect_eq(s.invalidated, 1);
    cr_expect_eq(nforgotten, 1, "jump caches are told once");
    cr_expect_eq(forgotten[0], a);
}

/* ---- chaining -------------------------------------------------------------------------- */

Test(tb_cache, jumps_into_an_invalidated_tb_are_unlinked, .init = setup)
{
    TranslationBlock *a = link_tb(0x1000, 0x10);
    TranslationBlock *b = link_tb(0x2000, 0x10);
    TranslationBlock *c = link_tb(0x3000, 0x10);
    tb_add_jump(a, 0, b);
    tb_add_jump(c, 1, b);
    cr_assert_eq(njmp_calls, 2);
    cr_expect(jmp_calls[0].tb == a && jmp_calls[0].n == 0 && jmp_calls[0].dest == b);
    cr_expect(jmp_calls[1].tb == c && jmp_calls[1].n == 1 && jmp_calls[1].dest == b);
    cr_expect_eq(a->jmp_dest[0], b);

    njmp_calls = 0;
    tb_invalidate_phys_range(0x2008, 0x2009);
    cr_expect(b->invalid);
    cr_expect_null(a->jmp_dest[0]);
    cr_expect_null(c->jmp_dest[1]);
    bool unlinked_a = false, unlinked_c = false;
    for (unsigned i = 0; i < njmp_calls; i++) {
        unlinked_a |= jmp_calls[i].tb == a && jmp_calls[i].n == 0 && !jmp_calls[i].dest;
        unlinked_c |= jmp_calls[i].tb == c && jmp_calls[i].n == 1 && !jmp_calls[i].dest;
    }
    cr_expect(unlinked_a, "backend told to unlink a's slot 0");
    cr_expect(unlinked_c, "backend told to unlink c's slot 1");
    cr_expect_eq(b->jmp_list_head, 0, "b has no incoming jumps left");
}

Test(tb_cache, outgoing_links_of_an_invalidated_tb_leave_the_successors_lists, .init = setup)
{
    TranslationBlock *a = link_tb(0x1000, 0x10);
    TranslationBlock *b = link_tb(0x2000, 0x10);
    TranslationBlock *c = link_tb(0x3000, 0x10);
    TranslationBlock *d = link_tb(0x4000, 0x10);
    tb_add_jump(a, 0, b);
    tb_add_jump(a, 1, c);
    tb_add_jump(d, 0, b);   /* b keeps another incoming jump */
    tb_phys_invalidate(a);
    cr_expect_null(a->jmp_dest[0]);
    cr_expect_null(a->jmp_dest[1]);
    cr_expect_eq(c->jmp_list_head, 0, "c's only incoming jump was a's");
    cr_expect_eq(b->jmp_list_head, (uintptr_t)d | 0, "b keeps d's jump only");

    /* Reclaim a: b and c must not point at it any more (ASan: no use after free). */
    tb_reclaim();
    njmp_calls = 0;
    tb_phys_invalidate(b);
    tb_phys_invalidate(c);
    cr_expect_null(d->jmp_dest[0]);
    cr_expect_eq(njmp_calls, 1, "only d's link into b was left to unlink");
    cr_expect(jmp_calls[0].tb == d && jmp_calls[0].dest == NULL);
}

Test(tb_cache, no_chaining_into_or_out_of_an_invalidated_tb, .init = setup)
{
    TranslationBlock *a = link_tb(0x1000, 0x10);
    TranslationBlock *b = link_tb(0x2000, 0x10);
    tb_phys_invalidate(b);
    tb_add_jump(a, 0, b);
    cr_expect_null(a->jmp_dest[0], "chained into an invalidated TB");
    tb_add_jump(b, 0, a);
    cr_expect_null(b->jmp_dest[0], "chained out of an invalidated TB");
    cr_expect_eq(a->jmp_list_head, 0);
    cr_expect_eq(njmp_calls, 0);
}

Test(tb_cache, a_tb_chained_to_itself_is_unlinked_cleanly, .init = setup)
{
    TranslationBlock *loop = link_tb(0x1000, 0x10);
    tb_add_jump(loop, 1, loop);
    cr_expect_eq(loop->jmp_dest[1], loop);
    tb_phys_invalidate(loop);
    cr_expect_null(loop->jmp_dest[1]);
    cr_expect_eq(loop->jmp_list_head, 0);
    tb_reclaim();
    cr_expect_eq(nfreed, 1);
}

/* ---- pages: protection and the bitmap of translated bytes -------------------------------- */

Test(tb_cache, first_tb_of_a_page_protects_it_and_the_last_unprotects_it, .init = setup)
{
    TranslationBlock *a = link_tb(0x8010, 8);
    cr_assert_eq(npage_calls, 1);
    cr_expect(page_calls[0].protect && page_calls[0].page == 0x8000);
    cr_expect_eq(page_calls[0].bitmap, tb_page_code_bitmap(0x8000),
                 "the hook gets the page's bitmap of translated bytes");
    TranslationBlock *b = link_tb(0x8100, 8);
    cr_expect_eq(npage_calls, 1, "a page is protected once");
    tb_phys_invalidate(a);
    cr_expect_eq(npage_calls, 1, "b still holds code there");
    tb_phys_invalidate(b);
    cr_assert_eq(npage_calls, 2);
    cr_expect(!page_calls[1].protect && page_calls[1].page == 0x8000);
    cr_expect_null(tb_page_code_bitmap(0x8000));

    /* Code again: protected again. */
    link_tb(0x8020, 4);
    cr_assert_eq(npage_calls, 3);
    cr_expect(page_calls[2].protect && page_calls[2].page == 0x8000);
}

Test(tb_cache, a_spanning_tb_protects_both_pages, .init = setup)
{
    TranslationBlock *span = link_tb(0xaffe, 4);
    cr_assert_eq(npage_calls, 2);
    cr_expect(page_calls[0].protect && page_calls[0].page == 0xa000);
    cr_expect(page_calls[1].protect && page_calls[1].page == 0xb000);
    tb_phys_invalidate(span);
    cr_assert_eq(npage_calls, 4);
    cr_expect(!page_calls[2].protect && !page_calls[3].protect);
    cr_expect((page_calls[2].page == 0xa000 && page_calls[3].page == 0xb000) ||
              (page_calls[2].page == 0xb000 && page_calls[3].page == 0xa000));
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Every byte of pages [0, npages) against the union of the live TBs. */
static void check_bitmaps(TranslationBlock **tbs, unsigned n, unsigned npages)
{
    for (unsigned p = 0; p < npages; p++) {
        static bool want[PAGE];
        memset(want, 0, sizeof(want));
        bool any = false;
        for (unsigned i = 0; i < n; i++) {
            if (!tbs[i] || tbs[i]->invalid) {
                continue;
            }
            for (uint32_t k = 0; k < tbs[i]->size; k++) {
                tb_page_addr_t a = tbs[i]->phys_pc + k;
                if (a / PAGE == p) {
                    want[a % PAGE] = any = true;
                }
            }
        }
        const unsigned long *bm = tb_page_code_bitmap((tb_page_addr_t)p * PAGE);
        cr_assert_eq(bm != NULL, any, "page %u: bitmap %s", p, bm ? "present" : "absent");
        for (unsigned off = 0; off < PAGE; off++) {
            tb_page_addr_t a = (tb_page_addr_t)p * PAGE + off;
            if (bm) {
                cr_assert_eq(bitmap_test_bit(bm, off), want[off], "page %u byte 0x%x", p, off);
            }
            cr_assert_eq(tb_range_has_code(a, a + 1), want[off], "has_code page %u byte 0x%x",
                         p, off);
        }
    }
}

Test(tb_cache, code_bitmap_is_the_union_of_the_live_tbs_bytes, .init = setup)
{
    enum { N = 60, NPAGES = 3 };
    TranslationBlock *tbs[N];
    for (unsigned i = 0; i < N; i++) {
        /* Blocks of 2..64 bytes anywhere in three pages, some spanning two. */
        tb_page_addr_t phys = (rng() % (NPAGES * PAGE - 64)) & ~1ull;
        tbs[i] = link_tb(phys, (uint32_t)(2 + 2 * (rng() % 32)));
    }
    check_bitmaps(tbs, N, NPAGES);
    for (unsigned round = 0; round < 6; round++) {
        /* A random write of 1..16 bytes. */
        tb_page_addr_t s = rng() % (NPAGES * PAGE);
        tb_invalidate_phys_range(s, s + 1 + rng() % 16);
        for (unsigned k = 0; k < 3; k++) {
            tb_phys_invalidate(tbs[rng() % N]);
        }
        check_bitmaps(tbs, N, NPAGES);
    }
}

Test(tb_cache, has_code_covers_ranges_across_pages, .init = setup)
{
    link_tb(0xc010, 4);
    cr_expect(tb_range_has_code(0xb000, 0xd000));
    cr_expect(tb_range_has_code(0xc013, 0xc100));
    cr_expect_not(tb_range_has_code(0xc014, 0xd000));
    cr_expect_not(tb_range_has_code(0xb000, 0xc010));
    cr_expect_not(tb_range_has_code(0x100000000ull, 0x100001000ull), "pages never seen");
}

/* ---- flush and reclaim ------------------------------------------------------------------- */

Test(tb_cache, flush_empties_everything, .init = setup)
{
    TranslationBlock *tbs[5];
    tbs[0] = link_tb(0x1000, 0x10);
    tbs[1] = link_tb(0x1ffc, 8);
    tbs[2] = link_tb(0x5000, 0x10);
    tbs[3] = link_tb(0x5010, 0x10);
    tbs[4] = link_tb(0x900000000ull, 4);
    tb_add_jump(tbs[0], 0, tbs[2]);
    tb_add_jump(tbs[3], 1, tbs[3]);
    unsigned protected_pages = npage_calls;
    tb_flush();
    TBCacheStats s = tb_cache_stats();
    cr_expect_eq(s.live, 0);
    cr_expect_eq(s.flushes, 1);
    for (unsigned i = 0; i < 5; i++) {
        cr_expect(tbs[i]->invalid && !tb_is_found(tbs[i]), "TB %u survived", i);
    }
    cr_expect_null(tbs[0]->jmp_dest[0]);
    cr_expect_eq(npage_calls, 2 * protected_pages, "every protected page unprotected");
    for (unsigned i = protected_pages; i < npage_calls; i++) {
        cr_expect_not(page_calls[i].protect);
    }
    cr_expect_not(tb_range_has_code(0, 0x10000));
    cr_expect_null(tb_page_code_bitmap(0x900000000ull));
    tb_reclaim();
    cr_expect_eq(nfreed, 5);
}

Test(tb_cache, reclaim_frees_only_invalidated_tbs, .init = setup)
{
    TranslationBlock *tbs[5];
    for (unsigned i = 0; i < 5; i++) {
        tbs[i] = link_tb(0x1000 + 0x100 * i, 0x10);
    }
    tb_phys_invalidate(tbs[1]);
    tb_invalidate_phys_range(0x1300, 0x1301);
    /* Until reclaimed, an invalidated TB stays readable (a CPU may still be in it). */
    cr_expect_eq(tbs[1]->pc, 0x1100 + VA_OFFSET);
    cr_expect_eq(nfreed, 0, "nothing freed before tb_reclaim");
    tb_reclaim();
    cr_assert_eq(nfreed, 2);
    cr_expect((freed[0] == tbs[1] && freed[1] == tbs[3]) ||
              (freed[0] == tbs[3] && freed[1] == tbs[1]));
    for (unsigned i = 0; i < 5; i += 2) {
        cr_expect(tb_is_found(tbs[i]) && tbs[i]->pc == 0x1000 + 0x100 * i + VA_OFFSET);
    }
    tb_reclaim();
    cr_expect_eq(nfreed, 2, "a second reclaim frees nothing more");
}

Test(tb_cache, unlinked_tb_can_be_freed_without_the_cache, .init = setup)
{
    TranslationBlock *tb = new_tb(0x1000, 4);
    tb->invalid = true;   /* what the fake backend checks */
    tb_free_unlinked(tb);
    cr_expect_eq(nfreed, 1);
    cr_expect_eq(tb_cache_stats().live, 0);
    cr_expect_null(tb_page_code_bitmap(0x1000), "an unlinked TB never marked its page");
}
