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
};

/*
 * Which guest instruction of tb was executing at ra (a value of
 * tcgl_exec_ra while tb ran): its index, or -1 if ra is not in tb.
 */
int tcgl_tb_find_insn(const TranslationBlock *tb, uintptr_t ra);

#endif
