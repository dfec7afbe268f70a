/*
 * memory/dispatch.c: AddressSpaceDispatch, the structure that answers "what
 * is at this physical address" without walking the region tree.  Owns each
 * address space's dispatch listener, which rebuilds a dispatch from the
 * FlatView at every topology commit and publishes it whole; the phys_map
 * radix table over page numbers and its compaction; subpages (pages shared by
 * several sections, or only partly covered by one); and the translate
 * functions the access functions and the TLB fill use.
 *
 * The phys_map: a tree of nodes of P_L2_SIZE entries, each level indexing
 * P_L2_BITS bits of the page number, level 0 at the bottom (one entry, one
 * page).  An entry with skip == 0 is a leaf naming the section that holds
 * every page of its subtree, or (PHYS_MAP_SUBPAGE) the subpage of one page,
 * so that the walk never has to look at a MemoryRegion to know which it
 * found; an entry with skip == k > 0 points to a node k levels down.  An
 * empty entry is a leaf of the unassigned section, so the walk has nothing
 * else to test.  While building, every pointer has skip 1; at commit, a
 * node with a single non-empty entry is folded into its parent's entry
 * (skip adds up, or the parent becomes a leaf).  Folding loses the
 * index bits of the levels it skips, so a lookup ends by checking that the
 * section (or subpage) found covers the address: a folded node had nothing
 * else, so anything that fails the check is unassigned.
 */
#include "config.h"
#include "memory-internal.h"

#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The host's cache line, which the lookup tables are laid out for. */
#define DISPATCH_CACHE_LINE 64

/*
 * A page that more than one section shares, or that one section covers only
 * in part, as one I/O region whose ops forward an access to the sections
 * behind it, so that a TLB entry caching the whole page as I/O still
 * reaches the RAM or devices there.  Which section owns which byte is in
 * the dispatch's subpage cells (below), not here: the region is needed only
 * when a TLB fill asks for the whole page, and is made then (a region costs
 * far more to set up than the rest of a subpage).  Subpages live and die
 * with their dispatch.
 */
typedef struct DispatchSubpage {
    MemoryRegion iomem;   /* first: the region is the subpage */
    AddressSpaceDispatch *d;
    hwaddr base;
} DispatchSubpage;

/*
 * The per-byte-range section index of the subpages, one record of 8-byte
 * cells each in AddressSpaceDispatch.subpage_cells, named by its leaf
 * (PHYS_MAP_SUBPAGE | index of its first cell):
 *   cell 0: the page's address | index of its last range (a page has at
 *           most TARGET_PAGE_SIZE ranges, so the index fits below the page);
 *   cell 1: the section of the subpage region itself (for a TLB; its mr
 *           is NULL until the region is made);
 *   cell 2...: ranges {first byte in the page, section} sorted by first
 *           byte, the first at 0, each reaching to the next (or the page
 *           end); holes are ranges of PHYS_SECTION_UNASSIGNED.
 * Most shared pages hold two or three ranges, so a lookup is a compare or
 * two in one cache line: a record of up to 8 cells never straddles one.
 * A byte map (8 KiB of uint16 a page) made 1,250 subpages weigh 10 MB,
 * which pushed the tables of a 10,000-region board out of the L2 cache.
 */
typedef union DispatchSubpageCell {
    uint64_t base_and_last;
    uint32_t own_section;
    struct {
        uint32_t start;
        uint32_t section;
    } range;
} DispatchSubpageCell;

#define DISPATCH_SUBPAGE_HEAD 2
#define DISPATCH_CELLS_PER_LINE (DISPATCH_CACHE_LINE / sizeof(DispatchSubpageCell))

/*
 * What folding needs to know of a node, noted while building: where its
 * parent points at it, how many of its entries are not empty, and the last
 * one that became so.
 */
typedef struct DispatchNodeInfo {
    uint32_t parent;      /* a node index, or DISPATCH_ROOT */
    uint16_t slot;
    uint16_t used;
    uint16_t only;
} DispatchNodeInfo;

#define DISPATCH_ROOT UINT32_MAX

/*
 * A piece of a section inside one page, noted while the FlatView comes in
 * and turned into subpage records at commit, in address order whatever
 * order the pieces came in.
 */
typedef struct DispatchSubpagePiece {
    hwaddr addr;
    uint32_t size;
    uint32_t section;
} DispatchSubpagePiece;

static void dispatch_out_of_memory(void)
{
    fprintf(stderr, "lemu: out of memory building the physical memory map\n");
    abort();
}

/*
 * Cache-line aligned arrays: a MemoryRegionSection is 64 bytes on a 64-bit
 * host, so each one a lookup touches is one line rather than two (worth
 * about 5% of translations at 10,000 regions).
 */
static void *dispatch_alloc_aligned(size_t size)
{
    void *p;
    if (posix_memalign(&p, DISPATCH_CACHE_LINE, size ? size : 1)) {
        dispatch_out_of_memory();
    }
    return p;
}

/* Double an array of *alloc elements of elem bytes (16 at first), keeping it aligned. */
static void *dispatch_grow(void *p, unsigned used, unsigned *alloc, size_t elem)
{
    unsigned n = *alloc ? *alloc * 2 : 16;
    void *q = dispatch_alloc_aligned((size_t)n * elem);
    if (used) {
        memcpy(q, p, (size_t)used * elem);
    }
    free(p);
    *alloc = n;
    return q;
}

static unsigned dispatch_section_add(PhysPageMap *map, const MemoryRegionSection *s)
{
    /* Leaves tell sections from subpages by PHYS_MAP_SUBPAGE. */
    if (map->sections_nb >= PHYS_MAP_SUBPAGE) {
        fprintf(stderr, "lemu: too many memory sections in one address space\n");
        abort();
    }
    if (map->sections_nb == map->sections_nb_alloc) {
        map->sections = dispatch_grow(map->sections, map->sections_nb, &map->sections_nb_alloc,
                                      sizeof(*map->sections));
    }
    unsigned idx = map->sections_nb++;
    map->sections[idx] = *s;
    /* Subpages belong to the dispatch; section 0 to memory/access.c. */
    if (idx != PHYS_SECTION_UNASSIGNED && s->mr && !s->mr->subpage) {
        memory_region_ref(s->mr);
    }
    return idx;
}

/* An empty entry: nothing mapped below it. */
static const PhysPageEntry dispatch_empty = { .skip = 0, .ptr = PHYS_SECTION_UNASSIGNED };

static inline bool dispatch_entry_empty(PhysPageEntry e)
{
    return !e.skip && e.ptr == PHYS_SECTION_UNASSIGNED;
}

/*
 * A new node whose entries all repeat e (empty, or a leaf being split),
 * pointed at from entry `slot` of node `parent` (DISPATCH_ROOT: from the
 * root entry).
 */
static uint32_t dispatch_node_alloc(AddressSpaceDispatch *d, PhysPageEntry e, uint32_t parent,
                                    unsigned slot)
{
    PhysPageMap *map = &d->map;
    if (map->nodes_nb >= PHYS_MAP_NODE_NIL) {
        fprintf(stderr, "lemu: physical memory map too large\n");
        abort();
    }
    if (map->nodes_nb == map->nodes_nb_alloc) {
        map->nodes = dispatch_grow(map->nodes, map->nodes_nb, &map->nodes_nb_alloc,
                                   sizeof(*map->nodes));
    }
    if (map->nodes_nb >= d->node_info_alloc) {
        d->node_info = dispatch_grow(d->node_info, map->nodes_nb, &d->node_info_alloc,
                                     sizeof(*d->node_info));
    }
    uint32_t n = map->nodes_nb++;
    PhysPageEntry *node = map->nodes[n];
    node[0] = e;
    for (unsigned filled = 1; filled < P_L2_SIZE; filled *= 2) {
        memcpy(node + filled, node, filled * sizeof(*node));
    }
    d->node_info[n] = (DispatchNodeInfo){
        .parent = parent,
        .slot = (uint16_t)slot,
        .used = dispatch_entry_empty(e) ? 0 : P_L2_SIZE,
    };
    return n;
}

/* Entry `slot` of node n, empty until now, gets something. */
static inline void dispatch_node_use(AddressSpaceDispatch *d, uint32_t n, unsigned slot)
{
    d->node_info[n].used++;
    d->node_info[n].only = (uint16_t)slot;
}

/*
 * Map pages [index, index + count) to `leaf` (a section, or a subpage
 * record): one entry per block of pages, each at the highest level where
 * the block is aligned and whole, with nodes made (or leaves split) on the
 * way down from the root.  Before commit every pointer has skip 1.
 */
static void dispatch_set_pages(AddressSpaceDispatch *d, uint64_t index, uint64_t count,
                               uint32_t leaf)
{
    PhysPageMap *map = &d->map;

    while (count) {
        unsigned level = 0;
        while (level + 1 < P_L2_LEVELS) {
            uint64_t span = 1ull << ((level + 1) * P_L2_BITS);
            if ((index & (span - 1)) || count < span) {
                break;
            }
            level++;
        }

        if (!d->phys_map.skip) {
            uint32_t root = dispatch_node_alloc(d, d->phys_map, DISPATCH_ROOT, 0);
            d->phys_map = (PhysPageEntry){ .skip = 1, .ptr = root };
        }
        uint32_t node = d->phys_map.ptr;
        for (unsigned l = P_L2_LEVELS - 1; l > level; l--) {
            unsigned slot = (index >> (l * P_L2_BITS)) & (P_L2_SIZE - 1);
            PhysPageEntry e = map->nodes[node][slot];
            if (!e.skip) {
                /* Nothing below yet (or one leaf for all): a node of copies. */
                if (dispatch_entry_empty(e)) {
                    dispatch_node_use(d, node, slot);
                }
                uint32_t child = dispatch_node_alloc(d, e, node, slot);
                map->nodes[node][slot] = (PhysPageEntry){ .skip = 1, .ptr = child };
                node = child;
            } else {
                node = e.ptr;
            }
        }
        unsigned slot = (index >> (level * P_L2_BITS)) & (P_L2_SIZE - 1);
        if (dispatch_entry_empty(map->nodes[node][slot])) {
            dispatch_node_use(d, node, slot);
        }
        map->nodes[node][slot] = (PhysPageEntry){ .skip = 0, .ptr = leaf };

        uint64_t span = 1ull << (level * P_L2_BITS);
        index += span;
        count -= span;
    }
}

static inline bool dispatch_section_covers(const MemoryRegionSection *s, hwaddr addr)
{
    /* addr below the start wraps to at least 2^64 - start >= size. */
    return (Int128)(uint64_t)(addr - s->offset_within_address_space) < s->size;
}

/* The phys_map walk: the leaf of page `index` (before any covers check). */
static inline uint32_t dispatch_leaf(const AddressSpaceDispatch *d, uint64_t index)
{
    PhysPageEntry e = d->phys_map;
    const PhysPageNode *nodes = d->map.nodes;
    unsigned shift = P_L2_LEVELS * P_L2_BITS;

    for (unsigned skip; (skip = e.skip) != 0;) {
        shift -= skip * P_L2_BITS;
        e = nodes[e.ptr][(index >> shift) & (P_L2_SIZE - 1)];
    }
    return e.ptr;
}

/*
 * The range of a subpage record that holds byte `off` of its page: the last
 * one starting at or below it (the first starts at 0).  A halving search,
 * one compare for the usual two or three ranges.
 */
static inline const DispatchSubpageCell *dispatch_subpage_range(const DispatchSubpageCell *rec,
                                                                unsigned off)
{
    const DispatchSubpageCell *r = rec + DISPATCH_SUBPAGE_HEAD;
    unsigned n = (unsigned)(rec->base_and_last & ~TARGET_PAGE_MASK) + 1;

    while (n > 1) {
        unsigned half = n / 2;
        if (r[half].range.start <= off) {
            r += half;
        }
        n -= half;
    }
    return r;
}

/* The subpage record of a leaf if it is the one of addr's page, else NULL. */
static inline const DispatchSubpageCell *dispatch_subpage_record(const AddressSpaceDispatch *d,
                                                                 uint32_t leaf, hwaddr addr)
{
    const DispatchSubpageCell *rec = &d->subpage_cells[leaf & ~PHYS_MAP_SUBPAGE];
    return (rec->base_and_last & TARGET_PAGE_MASK) == (addr & TARGET_PAGE_MASK) ? rec : NULL;
}

/* ---- subpages -------------------------------------------------------- */

static MemTxResult dispatch_subpage_read(void *opaque, hwaddr addr, uint64_t *data, unsigned size,
                                         MemTxAttrs attrs)
{
    DispatchSubpage *sp = opaque;
    uint8_t buf[8] = { 0 };
    MemTxResult r = address_space_dispatch_rw(sp->d, sp->base + addr, attrs, buf, size, false);
    uint64_t v = 0;
    for (unsigned i = size; i-- > 0;) {
        v = (v << 8) | buf[i];
    }
    *data = v;
    return r;
}

static MemTxResult dispatch_subpage_write(void *opaque, hwaddr addr, uint64_t data, unsigned size,
                                          MemTxAttrs attrs)
{
    DispatchSubpage *sp = opaque;
    uint8_t buf[8];
    for (unsigned i = 0; i < size; i++) {
        buf[i] = (uint8_t)(data >> (8 * i));
    }
    return address_space_dispatch_rw(sp->d, sp->base + addr, attrs, buf, size, true);
}

/*
 * Any size, any alignment, bytes in address order: the sections behind the
 * page decide what they accept.
 */
static const MemoryRegionOps dispatch_subpage_ops = {
    .read_with_attrs = dispatch_subpage_read,
    .write_with_attrs = dispatch_subpage_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

static DispatchSubpage *dispatch_subpage_new(AddressSpaceDispatch *d, hwaddr base)
{
    DispatchSubpage *sp = calloc(1, sizeof(*sp));
    if (!sp) {
        dispatch_out_of_memory();
    }
    sp->d = d;
    sp->base = base;
    memory_region_init_io(&sp->iomem, NULL, &dispatch_subpage_ops, sp, NULL, TARGET_PAGE_SIZE);
    sp->iomem.subpage = true;
    return sp;
}

/* The section of a subpage's own region, the region made on first use. */
static MemoryRegionSection *dispatch_subpage_own(AddressSpaceDispatch *d,
                                                 const DispatchSubpageCell *rec)
{
    MemoryRegionSection *own = &d->map.sections[rec[1].own_section];
    if (!own->mr) {
        DispatchSubpage *sp = dispatch_subpage_new(d, own->offset_within_address_space);
        if (d->subpages_nb == d->subpages_nb_alloc) {
            d->subpages = dispatch_grow(d->subpages, d->subpages_nb, &d->subpages_nb_alloc,
                                        sizeof(*d->subpages));
        }
        d->subpages[d->subpages_nb++] = sp;
        own->mr = &sp->iomem;
    }
    return own;
}

static void dispatch_subpage_free(DispatchSubpage *sp)
{
    Object *obj = &sp->iomem.parent_obj;
    /* Nobody else may hold the region: it dies with its dispatch. */
    if (obj->parent) {
        object_unparent(obj);
    } else {
        object_unref(obj);
    }
    free(sp);
}

/* Note a piece of a section that lies inside one page, for dispatch_build_subpages. */
static void dispatch_note_subpage_piece(AddressSpaceDispatch *d, const MemoryRegionSection *piece)
{
    if (d->pieces_nb == d->pieces_nb_alloc) {
        d->pieces = dispatch_grow(d->pieces, d->pieces_nb, &d->pieces_nb_alloc,
                                  sizeof(*d->pieces));
    }
    d->pieces[d->pieces_nb++] = (DispatchSubpagePiece){
        .addr = piece->offset_within_address_space,
        .size = (uint32_t)piece->size,
        .section = dispatch_section_add(&d->map, piece),
    };
}

static int dispatch_piece_cmp(const void *a, const void *b)
{
    hwaddr x = ((const DispatchSubpagePiece *)a)->addr;
    hwaddr y = ((const DispatchSubpagePiece *)b)->addr;
    return x < y ? -1 : x > y;
}

/*
 * The ranges of one page from its pieces p[0..n) (sorted, not overlapping),
 * holes included: written from `out` on when it is not NULL; the number of
 * ranges is returned.
 */
static unsigned dispatch_subpage_fill(const DispatchSubpagePiece *p, unsigned n,
                                      DispatchSubpageCell *out)
{
    unsigned count = 0;
    uint32_t pos = 0;

    for (unsigned i = 0; i < n; i++) {
        uint32_t start = (uint32_t)(p[i].addr & ~TARGET_PAGE_MASK);
        if (start > pos) {
            if (out) {
                out[count].range.start = pos;
                out[count].range.section = PHYS_SECTION_UNASSIGNED;
            }
            count++;
        }
        if (out) {
            out[count].range.start = start;
            out[count].range.section = p[i].section;
        }
        count++;
        pos = start + p[i].size;
    }
    if (pos < TARGET_PAGE_SIZE) {
        if (out) {
            out[count].range.start = pos;
            out[count].range.section = PHYS_SECTION_UNASSIGNED;
        }
        count++;
    }
    return count;
}

/* How many pieces from p[0] on (of n) lie in p[0]'s page. */
static unsigned dispatch_page_pieces(const DispatchSubpagePiece *p, unsigned n)
{
    unsigned k = 1;
    while (k < n && (p[k].addr & TARGET_PAGE_MASK) == (p[0].addr & TARGET_PAGE_MASK)) {
        k++;
    }
    return k;
}

/* Where a record of `cells` cells goes at or after `at`: within one line if it fits in one. */
static size_t dispatch_record_place(size_t at, size_t cells)
{
    size_t in_line = at % DISPATCH_CELLS_PER_LINE;
    if (cells <= DISPATCH_CELLS_PER_LINE && in_line + cells > DISPATCH_CELLS_PER_LINE) {
        at += DISPATCH_CELLS_PER_LINE - in_line;
    }
    return at;
}

/*
 * Turn the pieces noted since begin into subpages: one record and one
 * section (for the region, made later) per page, the page's leaf naming
 * the record.  Done once at commit, so that the records sit in address
 * order in one array, sized exactly.
 */
static void dispatch_build_subpages(AddressSpaceDispatch *d)
{
    DispatchSubpagePiece *p = d->pieces;
    unsigned np = d->pieces_nb;

    if (!np) {
        return;
    }
    /* FlatViews come in address order: the sort is usually just a check. */
    for (unsigned i = 1; i < np; i++) {
        if (p[i].addr < p[i - 1].addr) {
            qsort(p, np, sizeof(*p), dispatch_piece_cmp);
            break;
        }
    }

    size_t cells = 0;
    for (unsigned i = 0, k; i < np; i += k) {
        k = dispatch_page_pieces(p + i, np - i);
        size_t size = DISPATCH_SUBPAGE_HEAD + dispatch_subpage_fill(p + i, k, NULL);
        cells = dispatch_record_place(cells, size) + size;
    }
    /* Leaves name a record by its first cell, below PHYS_MAP_SUBPAGE. */
    if (cells > PHYS_MAP_SUBPAGE) {
        fprintf(stderr, "lemu: too many shared pages in one address space\n");
        abort();
    }
    d->subpage_cells = dispatch_alloc_aligned(cells * sizeof(*d->subpage_cells));
    memset(d->subpage_cells, 0, cells * sizeof(*d->subpage_cells));

    size_t at = 0;
    for (unsigned i = 0, k; i < np; i += k) {
        k = dispatch_page_pieces(p + i, np - i);
        hwaddr base = p[i].addr & TARGET_PAGE_MASK;
        MemoryRegionSection own = {
            .size = (Int128)TARGET_PAGE_SIZE,
            .mr = NULL,
            .address_space = d->as,
            .offset_within_region = 0,
            .offset_within_address_space = base,
        };

        unsigned ranges = dispatch_subpage_fill(p + i, k, NULL);
        at = dispatch_record_place(at, DISPATCH_SUBPAGE_HEAD + ranges);
        DispatchSubpageCell *rec = &d->subpage_cells[at];
        rec[0].base_and_last = base | (ranges - 1);
        rec[1].own_section = dispatch_section_add(&d->map, &own);
        dispatch_subpage_fill(p + i, k, rec + DISPATCH_SUBPAGE_HEAD);

        /* FlatRanges never overlap: the page can only have been empty. */
        assert(dispatch_leaf(d, base >> TARGET_PAGE_BITS) == PHYS_SECTION_UNASSIGNED);
        dispatch_set_pages(d, base >> TARGET_PAGE_BITS, 1, PHYS_MAP_SUBPAGE | (uint32_t)at);
        at += DISPATCH_SUBPAGE_HEAD + ranges;
    }
    free(d->pieces);
    d->pieces = NULL;
    d->pieces_nb = d->pieces_nb_alloc = 0;
}

/*
 * A section (one FlatRange) into the map: a head in a partial first page
 * and a tail in a partial last page become subpage pieces, the whole pages
 * between them one multipage section.
 */
static void dispatch_register(AddressSpaceDispatch *d, const MemoryRegionSection *section)
{
    MemoryRegionSection piece = *section;
    Int128 left = section->size;

    while (left > 0) {
        hwaddr start = piece.offset_within_address_space;
        Int128 to_page_end = (Int128)TARGET_PAGE_SIZE - (start & ~TARGET_PAGE_MASK);
        Int128 n;
        if ((start & ~TARGET_PAGE_MASK) || left < (Int128)TARGET_PAGE_SIZE) {
            n = left < to_page_end ? left : to_page_end;
            piece.size = n;
            dispatch_note_subpage_piece(d, &piece);
        } else {
            n = left & ~(Int128)(TARGET_PAGE_SIZE - 1);
            piece.size = n;
            unsigned idx = dispatch_section_add(&d->map, &piece);
            dispatch_set_pages(d, start >> TARGET_PAGE_BITS, (uint64_t)(n >> TARGET_PAGE_BITS),
                               idx);
        }
        piece.offset_within_address_space += (uint64_t)n;
        piece.offset_within_region += (uint64_t)n;
        left -= n;
    }
}

/*
 * Fold single-child chains (see the top of the file).  A child node is
 * always made after its parent, so going through the nodes from the last
 * made folds every child before its parent, and the counts kept while
 * building spare a look at every entry.
 */
static void dispatch_compact(AddressSpaceDispatch *d)
{
    PhysPageMap *map = &d->map;
    for (uint32_t n = map->nodes_nb; n-- > 0;) {
        const DispatchNodeInfo *info = &d->node_info[n];
        if (info->used != 1) {
            continue;
        }
        PhysPageEntry *e = info->parent == DISPATCH_ROOT ? &d->phys_map
                                                         : &map->nodes[info->parent][info->slot];
        assert(e->skip == 1 && e->ptr == n);
        PhysPageEntry child = map->nodes[n][info->only];
        if (!child.skip) {
            *e = child;
        } else {
            /* At most P_L2_LEVELS: always fits in the 6 bits. */
            *e = (PhysPageEntry){ .skip = 1 + child.skip, .ptr = child.ptr };
        }
    }
    free(d->node_info);
    d->node_info = NULL;
    d->node_info_alloc = 0;
}

/* What the MRU holds until the first translation: it covers nothing. */
static MemoryRegionSection dispatch_no_section;

static AddressSpaceDispatch *dispatch_new(AddressSpace *as)
{
    AddressSpaceDispatch *d = calloc(1, sizeof(*d));
    if (!d) {
        dispatch_out_of_memory();
    }
    d->ref = 1;
    d->as = as;
    d->phys_map = dispatch_empty;
    /*
     * A new map is mostly the old one again: start at the old sizes rather
     * than copying the arrays at every doubling on the way there.
     */
    if (as->dispatch) {
        const PhysPageMap *old = &as->dispatch->map;
        d->map.sections = dispatch_alloc_aligned((size_t)old->sections_nb * sizeof(*d->map.sections));
        d->map.sections_nb_alloc = old->sections_nb;
        if (old->nodes_nb) {
            d->map.nodes = dispatch_alloc_aligned((size_t)old->nodes_nb * sizeof(*d->map.nodes));
            d->map.nodes_nb_alloc = old->nodes_nb;
            d->node_info = dispatch_alloc_aligned((size_t)old->nodes_nb * sizeof(*d->node_info));
            d->node_info_alloc = old->nodes_nb;
        }
    }
    MemoryRegionSection unassigned = {
        .size = int128_2_64(),
        .mr = memory_unassigned_region(),
        .address_space = as,
    };
    unsigned idx = dispatch_section_add(&d->map, &unassigned);
    assert(idx == PHYS_SECTION_UNASSIGNED);
    (void)idx;
    d->mru_section = &dispatch_no_section;
    return d;
}

static void dispatch_free(AddressSpaceDispatch *d)
{
    for (unsigned i = PHYS_SECTION_UNASSIGNED + 1; i < d->map.sections_nb; i++) {
        MemoryRegion *mr = d->map.sections[i].mr;
        if (mr && !mr->subpage) {
            memory_region_unref(mr);
        }
    }
    for (unsigned i = 0; i < d->subpages_nb; i++) {
        dispatch_subpage_free(d->subpages[i]);
    }
    free(d->subpages);
    free(d->subpage_cells);
    free(d->pieces);
    free(d->node_info);
    free(d->map.sections);
    free(d->map.nodes);
    if (d->view) {
        flatview_unref(d->view);
    }
    free(d);
}

/* ---- the dispatch listener ------------------------------------------- */

static AddressSpace *dispatch_listener_as(MemoryListener *listener)
{
    return (AddressSpace *)((char *)listener - offsetof(AddressSpace, dispatch_listener));
}

static void dispatch_begin(MemoryListener *listener)
{
    AddressSpace *as = dispatch_listener_as(listener);
    if (as->next_dispatch) {
        /* A begin without its commit: start again. */
        address_space_dispatch_unref(as->next_dispatch);
    }
    as->next_dispatch = dispatch_new(as);
}

static void dispatch_region_add(MemoryListener *listener, MemoryRegionSection *section)
{
    AddressSpace *as = dispatch_listener_as(listener);
    assert(as->next_dispatch);
    dispatch_register(as->next_dispatch, section);
}

static void dispatch_commit(MemoryListener *listener)
{
    AddressSpace *as = dispatch_listener_as(listener);
    AddressSpaceDispatch *d = as->next_dispatch;
    if (!d) {
        return;
    }
    dispatch_build_subpages(d);
    dispatch_compact(d);
    d->view = address_space_get_flatview(as);
    AddressSpaceDispatch *old = as->dispatch;
    as->dispatch = d;
    as->next_dispatch = NULL;
    address_space_dispatch_unref(old);
}

void address_space_dispatch_init(AddressSpace *as)
{
    as->dispatch = NULL;
    as->next_dispatch = NULL;
    as->dispatch_listener = (MemoryListener){
        .begin = dispatch_begin,
        .commit = dispatch_commit,
        .region_add = dispatch_region_add,
        /* Every commit builds from scratch: unchanged ranges count as new. */
        .region_nop = dispatch_region_add,
        .priority = 0,
        .name = "dispatch",
    };
    memory_listener_register(&as->dispatch_listener, as);
}

void address_space_dispatch_destroy(AddressSpace *as)
{
    memory_listener_unregister(&as->dispatch_listener);
    address_space_dispatch_unref(as->next_dispatch);
    as->next_dispatch = NULL;
    address_space_dispatch_unref(as->dispatch);
    as->dispatch = NULL;
}

AddressSpaceDispatch *address_space_get_dispatch(AddressSpace *as)
{
    AddressSpaceDispatch *d = as->dispatch;
    if (d) {
        d->ref++;
    }
    return d;
}

void address_space_dispatch_unref(AddressSpaceDispatch *d)
{
    if (d && --d->ref == 0) {
        dispatch_free(d);
    }
}

/* ---- translation ----------------------------------------------------- */

/*
 * The section holding addr: on a subpage, the section owning the byte
 * (resolve) or the subpage's own section for the whole page (!resolve).
 */
static inline MemoryRegionSection *dispatch_find(AddressSpaceDispatch *d, hwaddr addr,
                                                 bool resolve)
{
    uint32_t leaf = dispatch_leaf(d, addr >> TARGET_PAGE_BITS);
    MemoryRegionSection *sections = d->map.sections;

    if (leaf & PHYS_MAP_SUBPAGE) {
        const DispatchSubpageCell *rec = dispatch_subpage_record(d, leaf, addr);
        if (!rec) {
            return &sections[PHYS_SECTION_UNASSIGNED];
        }
        if (!resolve) {
            return dispatch_subpage_own(d, rec);
        }
        return &sections[dispatch_subpage_range(rec, addr & ~TARGET_PAGE_MASK)->range.section];
    }
    MemoryRegionSection *s = &sections[leaf];
    return dispatch_section_covers(s, addr) ? s : &sections[PHYS_SECTION_UNASSIGNED];
}

MemoryRegionSection *address_space_dispatch_lookup(AddressSpaceDispatch *d, hwaddr addr,
                                                   bool resolve_subpage)
{
    return dispatch_find(d, addr, resolve_subpage);
}

/*
 * How far a hole at addr reaches: to the end of its page, or within a
 * subpage to the next byte that some section owns.
 */
static hwaddr dispatch_hole_length(const AddressSpaceDispatch *d, hwaddr addr, bool resolved)
{
    hwaddr off = addr & ~TARGET_PAGE_MASK;
    hwaddr end = TARGET_PAGE_SIZE;
    uint32_t leaf = dispatch_leaf(d, addr >> TARGET_PAGE_BITS);
    const DispatchSubpageCell *rec;
    if (resolved && (leaf & PHYS_MAP_SUBPAGE) && (rec = dispatch_subpage_record(d, leaf, addr))) {
        /* Two holes never meet: the next range belongs to a section. */
        const DispatchSubpageCell *r = dispatch_subpage_range(rec, (unsigned)off);
        const DispatchSubpageCell *last =
            rec + DISPATCH_SUBPAGE_HEAD + (rec->base_and_last & ~TARGET_PAGE_MASK);
        if (r < last) {
            end = r[1].range.start;
        }
    }
    return end - off;
}

/* A hole: *plen clipped to where it ends.  Off the hot path. */
static __attribute__((noinline)) MemoryRegionSection *
dispatch_translate_hole(const AddressSpaceDispatch *d, hwaddr addr, hwaddr *xlat, hwaddr *plen,
                        bool resolve_subpage)
{
    hwaddr hole = dispatch_hole_length(d, addr, resolve_subpage);
    if (*plen > hole) {
        *plen = hole;
    }
    *xlat = addr;
    return &d->map.sections[PHYS_SECTION_UNASSIGNED];
}

/*
 * The translation proper, inlined into each entry point so that the MRU
 * hit costs a handful of instructions and a miss only the walk.
 */
static inline MemoryRegionSection *dispatch_translate(AddressSpaceDispatch *d, hwaddr addr,
                                                      hwaddr *xlat, hwaddr *plen,
                                                      bool resolve_subpage)
{
    MemoryRegionSection *s = d->mru_section;
    /* The MRU only ever holds resolved sections, never a subpage's own. */
    if (!resolve_subpage || !dispatch_section_covers(s, addr)) {
        s = dispatch_find(d, addr, resolve_subpage);
        if (__builtin_expect(s == &d->map.sections[PHYS_SECTION_UNASSIGNED], 0)) {
            return dispatch_translate_hole(d, addr, xlat, plen, resolve_subpage);
        }
        if (resolve_subpage) {
            d->mru_section = s;
        }
    }
    hwaddr in_section = addr - s->offset_within_address_space;
    *xlat = in_section + s->offset_within_region;
    /* How far the last byte is: in 64 bits even for a 2^64-byte section. */
    hwaddr last = (hwaddr)s->size - 1 - in_section;
    if (*plen > last) {
        *plen = last + 1;
    }
    return s;
}

MemoryRegionSection *address_space_dispatch_translate(AddressSpaceDispatch *d, hwaddr addr,
                                                      hwaddr *xlat, hwaddr *plen,
                                                      bool resolve_subpage)
{
    return resolve_subpage ? dispatch_translate(d, addr, xlat, plen, true)
                           : dispatch_translate(d, addr, xlat, plen, false);
}

/* Before the first commit nothing is mapped. */
static __attribute__((noinline)) MemoryRegionSection *
dispatch_translate_unmapped(AddressSpace *as, hwaddr addr, hwaddr *xlat, hwaddr *plen)
{
    static MemoryRegionSection nothing;
    nothing.mr = memory_unassigned_region();
    nothing.size = int128_2_64();
    nothing.address_space = as;
    hwaddr hole = TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK);
    if (*plen > hole) {
        *plen = hole;
    }
    *xlat = addr;
    return &nothing;
}

MemoryRegionSection *address_space_translate(AddressSpace *as, hwaddr addr, hwaddr *xlat,
                                             hwaddr *plen)
{
    AddressSpaceDispatch *d = as->dispatch;
    if (__builtin_expect(!d, 0)) {
        return dispatch_translate_unmapped(as, addr, xlat, plen);
    }
    return dispatch_translate(d, addr, xlat, plen, true);
}

MemoryRegionSection *address_space_translate_for_iotlb(AddressSpace *as, hwaddr addr,
                                                       hwaddr *xlat, hwaddr *plen)
{
    AddressSpaceDispatch *d = as->dispatch;
    if (__builtin_expect(!d, 0)) {
        return dispatch_translate_unmapped(as, addr, xlat, plen);
    }
    return dispatch_translate(d, addr, xlat, plen, false);
}
