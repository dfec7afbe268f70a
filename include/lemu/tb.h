/*
 * tb.h: translation blocks and the TB cache (tcg-lite/tb-maint.c).
 *
 * A TB is the translated code for a run of guest instructions starting at a
 * virtual pc, under given CPU flags, read from one or two physical pages.
 * It is found by (physical pc, virtual pc, flags) through a per-CPU jump
 * cache in front of a global hash table, chained to its successors where the
 * target is static, and listed on the physical pages it spans so that a write
 * to those bytes can invalidate it.  Invalidation unlinks every jump into the
 * TB first, so no chained path reaches it again.
 */
#ifndef LEMU_TB_H
#define LEMU_TB_H

#include <stdbool.h>
#include <stdint.h>

#include "lemu/tcgl.h"

typedef uint64_t tb_page_addr_t;   /* a physical (ram_addr) address */
#define TB_PAGE_ADDR_INVALID UINT64_MAX

/* Exit indexes returned with the TB pointer by a backend's exec. */
#define TB_EXIT_IDX0 0
#define TB_EXIT_IDX1 1
#define TB_EXIT_REQUESTED 3
#define TB_EXIT_MASK 3

/* cflags */
#define CF_COUNT_MASK 0x0000ffffu   /* max guest instructions (0 = default) */
#define CF_NO_GOTO_TB 0x00010000u   /* do not chain (-d nochain, single-step) */
#define CF_LAST_IO 0x00020000u      /* last instruction may do I/O (icount) */
#define CF_INVALID 0x80000000u

struct TranslationBlock {
    uint64_t pc;              /* guest virtual pc of the first instruction */
    uint64_t cs_base;         /* extra state the frontend keys on */
    uint32_t flags;           /* frontend's translation flags */
    uint32_t cflags;
    uint32_t size;            /* guest bytes covered */
    uint32_t icount;          /* guest instructions */
    tb_page_addr_t page_addr[2];  /* physical page of the first/last byte, or INVALID */
    tb_page_addr_t phys_pc;

    /* Backend code. */
    void *code;
    uint32_t code_size;

    /*
     * Per guest instruction: the insn_start words and the offset in `code`
     * where that instruction's code ends.
     */
    uint64_t (*insn_data)[TCGL_INSN_START_WORDS];
    uint32_t *insn_end;

    /* Chaining: where slot n jumps (NULL: exits), and who jumps here. */
    TranslationBlock *jmp_dest[2];
    uintptr_t jmp_list_head;      /* tagged (tb | n) list of incoming jumps */
    uintptr_t jmp_list_next[2];

    /* Listing on the physical pages, and the hash chain. */
    uintptr_t page_next[2];       /* tagged (tb | page index) */
    TranslationBlock *hash_next;
    uint32_t hash;
    bool invalid;
    /*
     * Entering it needs the checks of a full lookup each time (its code
     * page's permissions differ within the page, or it spans two pages
     * whose mapping must be confirmed): never in a jump cache, never the
     * target of a chained jump.
     */
    bool lookup_only;
};

/*
 * What the TB cache needs from the rest of the system (softmmu): protection
 * of RAM pages that hold translated code, and forgetting an invalidated TB
 * in every per-CPU jump cache.
 */
typedef struct TBCacheHooks {
    void (*page_protect)(tb_page_addr_t page, const unsigned long *code_bitmap);
    void (*page_unprotect)(tb_page_addr_t page);
    void (*tb_forget)(TranslationBlock *tb);
} TBCacheHooks;

void tb_cache_init(const TCGLBackend *backend, const TBCacheHooks *hooks);
const TCGLBackend *tb_cache_backend(void);

/* A zeroed TB (not yet in the cache). */
TranslationBlock *tb_alloc(void);
/* Free a TB that was never linked (translation failed). */
void tb_free_unlinked(TranslationBlock *tb);
/* Find a valid TB by its key. */
TranslationBlock *tb_htable_lookup(tb_page_addr_t phys_pc, uint64_t pc, uint64_t cs_base,
                                   uint32_t flags, uint32_t cflags);
/*
 * Enter a translated TB (page_addr[], phys_pc, size set) in the hash table
 * and on its pages; the first TB on a page protects the page.
 */
void tb_link(TranslationBlock *tb);
/* Chain slot n of `from` to `to` (no-op if either is invalid or already linked). */
void tb_add_jump(TranslationBlock *from, unsigned n, TranslationBlock *to);
/* Remove tb from the cache; it is freed at the next tb_reclaim(). */
void tb_phys_invalidate(TranslationBlock *tb);
/*
 * Invalidate every TB with a byte in [start, end) (ram_addr space).
 * Returns true if the TB executing now (tcgl_exec_tb) was among them.
 */
bool tb_invalidate_phys_range(tb_page_addr_t start, tb_page_addr_t end);
/* The bitmap of translated bytes of a RAM page (NULL: no code there). */
const unsigned long *tb_page_code_bitmap(tb_page_addr_t page);
/* Does some TB cover a byte of [start, end)? (the per-page bitmap) */
bool tb_range_has_code(tb_page_addr_t start, tb_page_addr_t end);
/* Drop every TB (translation cache full, or a global change). */
void tb_flush(void);
/* Free the TBs invalidated so far: only where none can be executing. */
void tb_reclaim(void);
/* Statistics for tests and -d: TBs alive, TBs invalidated so far, flushes. */
typedef struct TBCacheStats {
    unsigned long live;
    unsigned long invalidated;
    unsigned long flushes;
    unsigned long translated;
} TBCacheStats;
TBCacheStats tb_cache_stats(void);

/*
 * Which guest instruction of tb was executing at ra (a value of
 * tcgl_exec_ra while tb ran): its index, or -1 if ra is not in tb.
 */
int tcgl_tb_find_insn(const TranslationBlock *tb, uintptr_t ra);

#endif
