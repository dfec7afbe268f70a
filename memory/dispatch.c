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
 * found; an entry with skip == k > 0 points to a node k levels down (or to
 * nothing: PHYS_MAP_NODE_NIL).  While building, every pointer has skip 1; at
 * commit, a node with a single non-empty entry is folded into its parent's
 * entry (skip adds up, or the parent becomes a leaf).  Folding loses the
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

/*
 * A page that more than one section shares, or that one section covers only
 * in part: the phys_map maps the page to this I/O region, and a byte map
 * says which section owns each byte.  The region's ops forward an access to
 * those sections, so that a TLB entry caching the whole page as I/O still
 * reaches the RAM or devices behind it.  Subpages live and die with their
 * dispatch.
 */
typedef struct DispatchSubpage {
    MemoryRegion iomem;   /* first: the region is the subpage */
    AddressSpaceDispatch *d;
    hwaddr base;
    unsigned own_section; /* the section of iomem, for the whole page */
    uint16_t section[TARGET_PAGE_SIZE];
} DispatchSubpage;

/* The byte map holds uint16 section indexes. */
#define DISPATCH_SUBPAGE_SECTIONS_MAX (1u << 16)

static void *dispatch_grow(void *p, unsigned *alloc, size_t elem)
{
    unsigned n = *alloc ? *alloc * 2 : 16;
    void *q = realloc(p, (size_t)n * elem);
    if (!q) {
        fprintf(stderr, "lemu: out of memory building the physical memory map\n");
        abort();
    }
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
        map->sections = dispatch_grow(map->sections, &map->sections_nb_alloc,
                                      sizeof(*map->sections));
    }
    unsigned idx = map->sections_nb++;
    map->sections[idx] = *s;
    /* Subpages belong to the dispatch; section 0 to memory/access.c. */
    if (idx != PHYS_SECTION_UNASSIGNED && !s->mr->subpage) {
        memory_region_ref(s->mr);
    }
    return idx;
}

static uint32_t dispatch_node_alloc(PhysPageMap *map)
{
    static PhysPageNode empty;
    if (!empty[0].skip) {
        for (unsigned i = 0; i < P_L2_SIZE; i++) {
            empty[i] = (PhysPageEntry){ .skip = 1, .ptr = PHYS_MAP_NODE_NIL };
        }
    }
    assert(map->nodes_nb < PHYS_MAP_NODE_NIL);
    if (map->nodes_nb == map->nodes_nb_alloc) {
        map->nodes = dispatch_grow(map->nodes, &map->nodes_nb_alloc, sizeof(*map->nodes));
    }
    memcpy(map->nodes[map->nodes_nb], empty, sizeof(empty));
    return map->nodes_nb++;
}

/*
 * Map pages [*index, *index + *count) that fall under `node` (at `level`) to
 * section `leaf`, advancing *index and *count past them.  Entries whose whole
 * subtree is covered become leaves; the others are descended into.
 */
static void dispatch_map_pages(PhysPageMap *map, uint32_t node, int level, uint64_t *index,
                               uint64_t *count, uint32_t leaf)
{
    uint64_t span = 1ull << (level * P_L2_BITS);
    unsigned slot = (*index >> (level * P_L2_BITS)) & (P_L2_SIZE - 1);

    for (; *count && slot < P_L2_SIZE; slot++) {
        PhysPageEntry e = map->nodes[node][slot];
        if (!(*index & (span - 1)) && *count >= span) {
            map->nodes[node][slot] = (PhysPageEntry){ .skip = 0, .ptr = leaf };
            *index += span;
            *count -= span;
            continue;
        }
        assert(level > 0);
        uint32_t child;
        if (e.skip == 0) {
            /* A leaf covering a subtree that is now shared: split it. */
            child = dispatch_node_alloc(map);
            for (unsigned i = 0; i < P_L2_SIZE; i++) {
                map->nodes[child][i] = e;
            }
        } else if (e.ptr == PHYS_MAP_NODE_NIL) {
            child = dispatch_node_alloc(map);
        } else {
            child = e.ptr;
        }
        map->nodes[node][slot] = (PhysPageEntry){ .skip = 1, .ptr = child };
        dispatch_map_pages(map, child, level - 1, index, count, leaf);
    }
}

static void dispatch_set_pages(AddressSpaceDispatch *d, uint64_t index, uint64_t count,
                               uint32_t leaf)
{
    if (d->phys_map.ptr == PHYS_MAP_NODE_NIL) {
        d->phys_map = (PhysPageEntry){ .skip = 1, .ptr = dispatch_node_alloc(&d->map) };
    }
    dispatch_map_pages(&d->map, d->phys_map.ptr, P_L2_LEVELS - 1, &index, &count, leaf);
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
    int level = P_L2_LEVELS;

    while (e.skip) {
        if (e.ptr == PHYS_MAP_NODE_NIL) {
            return PHYS_SECTION_UNASSIGNED;
        }
        level -= e.skip;
        e = d->map.nodes[e.ptr][(index >> (level * P_L2_BITS)) & (P_L2_SIZE - 1)];
    }
    return e.ptr;
}

/*
 * The section holding addr: on a subpage, the section owning the byte
 * (resolve) or the subpage's own section for the whole page (!resolve).
 */
static inline MemoryRegionSection *dispatch_find(const AddressSpaceDispatch *d, hwaddr addr,
                                                 bool resolve)
{
    uint32_t leaf = dispatch_leaf(d, addr >> TARGET_PAGE_BITS);
    MemoryRegionSection *sections = d->map.sections;

    if (leaf & PHYS_MAP_SUBPAGE) {
        const DispatchSubpage *sp = d->subpages[leaf & ~PHYS_MAP_SUBPAGE];
        if ((addr & TARGET_PAGE_MASK) != sp->base) {
            return &sections[PHYS_SECTION_UNASSIGNED];
        }
        return &sections[resolve ? sp->section[addr & ~TARGET_PAGE_MASK] : sp->own_section];
    }
    MemoryRegionSection *s = &sections[leaf];
    return dispatch_section_covers(s, addr) ? s : &sections[PHYS_SECTION_UNASSIGNED];
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
        fprintf(stderr, "lemu: out of memory building the physical memory map\n");
        abort();
    }
    sp->d = d;
    sp->base = base;
    memory_region_init_io(&sp->iomem, NULL, &dispatch_subpage_ops, sp, NULL, TARGET_PAGE_SIZE);
    sp->iomem.subpage = true;
    return sp;
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

/* Register a piece of a section that lies inside one page. */
static void dispatch_register_subpage(AddressSpaceDispatch *d, const MemoryRegionSection *piece)
{
    hwaddr base = piece->offset_within_address_space & TARGET_PAGE_MASK;
    /* Nothing is folded before commit: the leaf is exactly this page's. */
    uint32_t leaf = dispatch_leaf(d, base >> TARGET_PAGE_BITS);
    DispatchSubpage *sp;

    if (leaf & PHYS_MAP_SUBPAGE) {
        sp = d->subpages[leaf & ~PHYS_MAP_SUBPAGE];
    } else {
        /* FlatRanges never overlap: the page can only have been empty. */
        assert(leaf == PHYS_SECTION_UNASSIGNED);
        sp = dispatch_subpage_new(d, base);
        MemoryRegionSection own = {
            .size = (Int128)TARGET_PAGE_SIZE,
            .mr = &sp->iomem,
            .address_space = d->as,
            .offset_within_region = 0,
            .offset_within_address_space = base,
        };
        sp->own_section = dispatch_section_add(&d->map, &own);
        if (d->subpages_nb == d->subpages_nb_alloc) {
            d->subpages = dispatch_grow(d->subpages, &d->subpages_nb_alloc, sizeof(*d->subpages));
        }
        unsigned n = d->subpages_nb++;
        d->subpages[n] = sp;
        dispatch_set_pages(d, base >> TARGET_PAGE_BITS, 1, PHYS_MAP_SUBPAGE | n);
    }

    unsigned idx = dispatch_section_add(&d->map, piece);
    if (idx >= DISPATCH_SUBPAGE_SECTIONS_MAX) {
        fprintf(stderr, "lemu: more than %u memory sections in one address space\n",
                DISPATCH_SUBPAGE_SECTIONS_MAX - 1);
        abort();
    }
    unsigned start = piece->offset_within_address_space & ~TARGET_PAGE_MASK;
    unsigned n = (unsigned)piece->size;
    for (unsigned i = 0; i < n; i++) {
        sp->section[start + i] = (uint16_t)idx;
    }
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
            dispatch_register_subpage(d, &piece);
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

/* Fold single-child chains below entry *e (see the top of the file). */
static void dispatch_compact(PhysPageMap *map, PhysPageEntry *e)
{
    if (!e->skip || e->ptr == PHYS_MAP_NODE_NIL) {
        return;
    }
    PhysPageEntry *node = map->nodes[e->ptr];
    unsigned used = 0, only = 0;
    for (unsigned i = 0; i < P_L2_SIZE; i++) {
        if (node[i].skip && node[i].ptr == PHYS_MAP_NODE_NIL) {
            continue;
        }
        used++;
        only = i;
        dispatch_compact(map, &node[i]);
    }
    if (used != 1) {
        return;
    }
    PhysPageEntry child = node[only];
    if (!child.skip) {
        *e = child;
    } else {
        /* At most P_L2_LEVELS: always fits in the 6 bits. */
        *e = (PhysPageEntry){ .skip = e->skip + child.skip, .ptr = child.ptr };
    }
}

static AddressSpaceDispatch *dispatch_new(AddressSpace *as)
{
    AddressSpaceDispatch *d = calloc(1, sizeof(*d));
    if (!d) {
        fprintf(stderr, "lemu: out of memory building the physical memory map\n");
        abort();
    }
    d->ref = 1;
    d->as = as;
    d->phys_map = (PhysPageEntry){ .skip = 1, .ptr = PHYS_MAP_NODE_NIL };
    MemoryRegionSection unassigned = {
        .size = int128_2_64(),
        .mr = memory_unassigned_region(),
        .address_space = as,
    };
    unsigned idx = dispatch_section_add(&d->map, &unassigned);
    assert(idx == PHYS_SECTION_UNASSIGNED);
    (void)idx;
    return d;
}

static void dispatch_free(AddressSpaceDispatch *d)
{
    for (unsigned i = PHYS_SECTION_UNASSIGNED + 1; i < d->map.sections_nb; i++) {
        MemoryRegion *mr = d->map.sections[i].mr;
        if (!mr->subpage) {
            memory_region_unref(mr);
        }
    }
    for (unsigned i = 0; i < d->subpages_nb; i++) {
        dispatch_subpage_free(d->subpages[i]);
    }
    free(d->subpages);
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
    dispatch_compact(&d->map, &d->phys_map);
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
    if (resolved && (leaf & PHYS_MAP_SUBPAGE)) {
        const DispatchSubpage *sp = d->subpages[leaf & ~PHYS_MAP_SUBPAGE];
        if (sp->base == (addr & TARGET_PAGE_MASK)) {
            for (end = off + 1; end < TARGET_PAGE_SIZE && !sp->section[end]; end++) {
            }
        }
    }
    return end - off;
}

MemoryRegionSection *address_space_dispatch_translate(AddressSpaceDispatch *d, hwaddr addr,
                                                      hwaddr *xlat, hwaddr *plen,
                                                      bool resolve_subpage)
{
    MemoryRegionSection *s = d->mru_section;
    /* The MRU only ever holds resolved sections, never a subpage's own. */
    if (!resolve_subpage || !s || !dispatch_section_covers(s, addr)) {
        s = dispatch_find(d, addr, resolve_subpage);
        if (s == &d->map.sections[PHYS_SECTION_UNASSIGNED]) {
            hwaddr hole = dispatch_hole_length(d, addr, resolve_subpage);
            if (*plen > hole) {
                *plen = hole;
            }
            *xlat = addr;
            return s;
        }
        if (resolve_subpage) {
            d->mru_section = s;
        }
    }
    hwaddr in_section = addr - s->offset_within_address_space;
    *xlat = in_section + s->offset_within_region;
    Int128 rest = s->size - (Int128)in_section;
    if ((Int128)*plen > rest) {
        *plen = (hwaddr)rest;
    }
    return s;
}

static MemoryRegionSection *dispatch_translate_as(AddressSpace *as, hwaddr addr, hwaddr *xlat,
                                                  hwaddr *plen, bool resolve_subpage)
{
    AddressSpaceDispatch *d = as->dispatch;
    if (!d) {
        /* Before the first commit nothing is mapped. */
        static MemoryRegionSection nothing;
        nothing.mr = memory_unassigned_region();
        nothing.size = int128_2_64();
        nothing.address_space = as;
        *xlat = addr;
        return &nothing;
    }
    return address_space_dispatch_translate(d, addr, xlat, plen, resolve_subpage);
}

MemoryRegionSection *address_space_translate(AddressSpace *as, hwaddr addr, hwaddr *xlat,
                                             hwaddr *plen)
{
    return dispatch_translate_as(as, addr, xlat, plen, true);
}

MemoryRegionSection *address_space_translate_for_iotlb(AddressSpace *as, hwaddr addr,
                                                       hwaddr *xlat, hwaddr *plen)
{
    return dispatch_translate_as(as, addr, xlat, plen, false);
}
