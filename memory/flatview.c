/*
 * memory/flatview.c: from region trees to FlatViews, and from FlatView
 * changes to listener calls.  It owns rendering (flatview_render), the
 * FlatView life cycle, address spaces (init, destroy, current view), the
 * global lists of address spaces and listeners, listener registration with
 * replay, and the topology update of the outermost commit (the diff between
 * each space's old and new view, sent as region_del / region_add /
 * region_nop / log_start / log_stop between one begin and one commit).
 *
 * Rendering follows QEMU's rule: walk the tree depth first, a region's
 * subregions (highest priority first, later-added first on ties) before the
 * region itself, and let every terminating region paint its clipped window
 * only where nothing met earlier in that walk has painted.  QEMU inserts
 * into an array as it walks, O(n^2) for n regions; here the walk only
 * records each visible leaf window with its rank in walk order, and a sweep
 * over the windows sorted by start, with a min-heap on rank, picks the
 * earliest-ranked window at every point: O(n log n), about a millisecond
 * for 10,000 regions, so that a whole commit (render and dispatch build)
 * stays well under its 20 ms budget.
 */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory/memory-internal.h"

struct AddressSpaceList memory_address_spaces = TAILQ_HEAD_INITIALIZER(memory_address_spaces);
struct MemoryListenerList memory_listeners = TAILQ_HEAD_INITIALIZER(memory_listeners);

static void *flatview_xrealloc(void *p, size_t size)
{
    p = realloc(p, size ? size : 1);
    if (!p) {
        fprintf(stderr, "lemu: out of memory\n");
        abort();
    }
    return p;
}

/* ------------------------------------------------------------------ */
/* FlatView life cycle                                                */

static FlatView *flatview_new(MemoryRegion *root)
{
    FlatView *view = flatview_xrealloc(NULL, sizeof(*view));
    memset(view, 0, sizeof(*view));
    view->ref = 1;
    view->root = root;
    if (root) {
        memory_region_ref(root);
    }
    return view;
}

static void flatview_destroy(FlatView *view)
{
    for (unsigned i = 0; i < view->nr; i++) {
        memory_region_unref(view->ranges[i].mr);
    }
    if (view->root) {
        memory_region_unref(view->root);
    }
    free(view->ranges);
    free(view);
}

void flatview_ref(FlatView *view)
{
    assert(view->ref > 0);
    view->ref++;
}

void flatview_unref(FlatView *view)
{
    assert(view->ref > 0);
    if (--view->ref == 0) {
        flatview_destroy(view);
    }
}

/* Append a range, merging it into the last one when they continue each other. */
static void flatview_append(FlatView *view, MemoryRegion *mr, Int128 start, Int128 size,
                            hwaddr offset_in_region, bool readonly)
{
    if (view->nr) {
        FlatRange *last = &view->ranges[view->nr - 1];
        if (last->mr == mr && last->readonly == readonly &&
            last->dirty_log_mask == mr->dirty_log_mask &&
            last->addr.start + last->addr.size == start &&
            (Int128)last->offset_in_region + last->addr.size == (Int128)offset_in_region) {
            last->addr.size += size;
            return;
        }
    }
    if (view->nr == view->nr_allocated) {
        view->nr_allocated = view->nr_allocated ? view->nr_allocated * 2 : 16;
        view->ranges = flatview_xrealloc(view->ranges,
                                         view->nr_allocated * sizeof(*view->ranges));
    }
    view->ranges[view->nr++] = (FlatRange){
        .mr = mr,
        .offset_in_region = offset_in_region,
        .addr = { .start = start, .size = size },
        .dirty_log_mask = mr->dirty_log_mask,
        .readonly = readonly,
    };
}

/* ------------------------------------------------------------------ */
/* Rendering                                                          */

/* Where one terminating region may paint; its rank is its index. */
typedef struct RenderWindow {
    MemoryRegion *mr;
    Int128 start, end;  /* the clipped window, in address-space addresses */
    Int128 base;        /* the address of the region's offset 0 (may be < 0) */
    bool readonly;
} RenderWindow;

typedef struct RenderStart {
    Int128 start;
    size_t rank;
} RenderStart;

typedef struct RenderCtx {
    RenderWindow *windows;
    size_t nr, alloc;
} RenderCtx;

static void render_collect(RenderCtx *ctx, MemoryRegion *mr, Int128 base, Int128 clip_start,
                           Int128 clip_end, bool readonly)
{
    if (!mr->enabled) {
        return;
    }
    base += mr->addr;
    readonly |= mr->readonly;
    Int128 start = base > clip_start ? base : clip_start;
    Int128 end = base + mr->size < clip_end ? base + mr->size : clip_end;
    if (start >= end) {
        return;
    }
    if (mr->alias) {
        /* The target's own address does not count: cancel the addition above. */
        render_collect(ctx, mr->alias, base - mr->alias->addr - mr->alias_offset, start, end,
                       readonly);
        return;
    }
    MemoryRegion *sub;
    TAILQ_FOREACH(sub, &mr->subregions, subregions_link) {
        render_collect(ctx, sub, base, start, end, readonly);
    }
    if (!mr->terminates) {
        return;
    }
    if (ctx->nr == ctx->alloc) {
        ctx->alloc = ctx->alloc ? ctx->alloc * 2 : 64;
        ctx->windows = flatview_xrealloc(ctx->windows, ctx->alloc * sizeof(*ctx->windows));
    }
    ctx->windows[ctx->nr++] = (RenderWindow){
        .mr = mr, .start = start, .end = end, .base = base, .readonly = readonly,
    };
}

static int render_start_cmp(const void *a, const void *b)
{
    const RenderStart *x = a, *y = b;
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    return x->rank < y->rank ? -1 : (x->rank > y->rank);
}

/* Min-heap of ranks. */
static void heap_push(size_t *heap, size_t *n, size_t rank)
{
    size_t i = (*n)++;
    while (i > 0 && heap[(i - 1) / 2] > rank) {
        heap[i] = heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    heap[i] = rank;
}

static void heap_pop(size_t *heap, size_t *n)
{
    size_t last = heap[--(*n)], i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= *n) {
            break;
        }
        if (c + 1 < *n && heap[c + 1] < heap[c]) {
            c++;
        }
        if (heap[c] >= last) {
            break;
        }
        heap[i] = heap[c];
        i = c;
    }
    if (*n) {
        heap[i] = last;
    }
}

/* At each address the window of lowest rank covering it wins. */
static void render_sweep(FlatView *view, const RenderCtx *ctx)
{
    size_t n = ctx->nr;
    if (!n) {
        return;
    }
    const RenderWindow *w = ctx->windows;
    RenderStart *order = flatview_xrealloc(NULL, n * sizeof(*order));
    size_t *heap = flatview_xrealloc(NULL, n * sizeof(*heap));
    size_t heap_n = 0, next = 0;
    for (size_t i = 0; i < n; i++) {
        order[i] = (RenderStart){ .start = w[i].start, .rank = i };
    }
    qsort(order, n, sizeof(*order), render_start_cmp);

    Int128 x = order[0].start;
    for (;;) {
        while (next < n && order[next].start <= x) {
            heap_push(heap, &heap_n, order[next++].rank);
        }
        /* Windows that ended are dropped lazily, when they come to the top. */
        while (heap_n && w[heap[0]].end <= x) {
            heap_pop(heap, &heap_n);
        }
        if (!heap_n) {
            if (next == n) {
                break;
            }
            x = order[next].start;
            continue;
        }
        const RenderWindow *top = &w[heap[0]];
        Int128 y = top->end;
        if (next < n && order[next].start < y) {
            y = order[next].start;
        }
        flatview_append(view, top->mr, x, y - x, (hwaddr)(x - top->base), top->readonly);
        x = y;
    }
    free(order);
    free(heap);
}

FlatView *flatview_render(MemoryRegion *root)
{
    FlatView *view = flatview_new(root);
    if (!root) {
        return view;
    }
    RenderCtx ctx = { 0 };
    /* Address 0 of a view is offset 0 of its root, wherever the root is mapped. */
    render_collect(&ctx, root, -(Int128)root->addr, 0, int128_2_64(), false);
    render_sweep(view, &ctx);
    free(ctx.windows);
    for (unsigned i = 0; i < view->nr; i++) {
        memory_region_ref(view->ranges[i].mr);
    }
    return view;
}

/*
 * The region an address space's view really comes from: skip aliases that
 * show their whole target from offset 0 and containers whose one enabled
 * child covers them from address 0, so that spaces over such wrappers
 * share one view.  A readonly wrapper stays, since it changes the view.
 */
static MemoryRegion *flatview_root_of(MemoryRegion *mr)
{
    while (mr->enabled && !mr->readonly) {
        if (mr->alias) {
            if (mr->alias_offset == 0 && mr->size >= mr->alias->size) {
                mr = mr->alias;
                continue;
            }
            return mr;
        }
        if (mr->terminates) {
            return mr;
        }
        MemoryRegion *child, *only = NULL;
        unsigned found = 0;
        TAILQ_FOREACH(child, &mr->subregions, subregions_link) {
            if (child->enabled) {
                only = child;
                if (++found > 1) {
                    break;
                }
            }
        }
        if (found == 0) {
            return NULL;
        }
        if (found == 1 && only->addr == 0 && mr->size >= only->size) {
            mr = only;
            continue;
        }
        return mr;
    }
    return mr->enabled ? mr : NULL;
}

static bool flatrange_equal(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr && a->addr.start == b->addr.start && a->addr.size == b->addr.size &&
           a->offset_in_region == b->offset_in_region && a->readonly == b->readonly;
}

static bool flatview_same(const FlatView *a, const FlatView *b)
{
    if (a == b) {
        return true;
    }
    if (a->root != b->root || a->nr != b->nr) {
        return false;
    }
    for (unsigned i = 0; i < a->nr; i++) {
        if (!flatrange_equal(&a->ranges[i], &b->ranges[i]) ||
            a->ranges[i].dirty_log_mask != b->ranges[i].dirty_log_mask) {
            return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Listener calls                                                     */

static bool listener_wants(const MemoryListener *l, const AddressSpace *as)
{
    return !l->address_space || l->address_space == as;
}

MemoryRegionSection memory_section_from_flat_range(AddressSpace *as, const FlatRange *fr)
{
    return (MemoryRegionSection){
        .size = fr->addr.size,
        .mr = fr->mr,
        .address_space = as,
        .offset_within_region = fr->offset_in_region,
        .offset_within_address_space = (hwaddr)fr->addr.start,
        .readonly = fr->readonly,
    };
}

static MemoryRegionSection memory_section_from_ioeventfd(AddressSpace *as,
                                                         const MemoryRegionIoeventfd *fd)
{
    return (MemoryRegionSection){
        .size = fd->size,
        .mr = fd->mr,
        .address_space = as,
        .offset_within_region = fd->offset_in_region,
        .offset_within_address_space = fd->addr,
    };
}

void memory_listeners_eventfd(AddressSpace *as, const MemoryRegionIoeventfd *fd, bool add)
{
    MemoryRegionSection section = memory_section_from_ioeventfd(as, fd);
    MemoryListener *l;
    if (add) {
        TAILQ_FOREACH(l, &memory_listeners, link) {
            if (listener_wants(l, as) && l->eventfd_add) {
                l->eventfd_add(l, &section, fd->match_data, fd->data, fd->e);
            }
        }
    } else {
        TAILQ_FOREACH_REVERSE(l, &memory_listeners, MemoryListenerList, link) {
            if (listener_wants(l, as) && l->eventfd_del) {
                l->eventfd_del(l, &section, fd->match_data, fd->data, fd->e);
            }
        }
    }
}

static void listeners_begin(AddressSpace *only)
{
    MemoryListener *l;
    TAILQ_FOREACH(l, &memory_listeners, link) {
        if ((!only || listener_wants(l, only)) && l->begin) {
            l->begin(l);
        }
    }
}

static void listeners_commit(AddressSpace *only)
{
    MemoryListener *l;
    TAILQ_FOREACH(l, &memory_listeners, link) {
        if ((!only || listener_wants(l, only)) && l->commit) {
            l->commit(l);
        }
    }
}

static void listeners_region_del(AddressSpace *as, const FlatRange *fr)
{
    MemoryRegionSection section = memory_section_from_flat_range(as, fr);
    MemoryListener *l;
    TAILQ_FOREACH_REVERSE(l, &memory_listeners, MemoryListenerList, link) {
        if (listener_wants(l, as) && l->region_del) {
            l->region_del(l, &section);
        }
    }
}

static void listeners_region_add_or_nop(AddressSpace *as, const FlatRange *old,
                                        const FlatRange *fr)
{
    MemoryRegionSection section = memory_section_from_flat_range(as, fr);
    MemoryListener *l;
    TAILQ_FOREACH(l, &memory_listeners, link) {
        if (!listener_wants(l, as)) {
            continue;
        }
        if (!old) {
            if (l->region_add) {
                l->region_add(l, &section);
            }
            continue;
        }
        if (l->region_nop) {
            l->region_nop(l, &section);
        }
        int om = old->dirty_log_mask, nm = fr->dirty_log_mask;
        if ((nm & ~om) && l->log_start) {
            l->log_start(l, &section, om, nm);
        }
        if ((om & ~nm) && l->log_stop) {
            l->log_stop(l, &section, om, nm);
        }
    }
}

/*
 * One pass over two sorted views: with !adding, region_del for each old
 * range the new view lacks; with adding, region_nop (+ log changes) for each
 * range in both and region_add for each new one.
 */
static void address_space_update_topology_pass(AddressSpace *as, const FlatView *old,
                                               const FlatView *new, bool adding)
{
    unsigned iold = 0, inew = 0;
    while (iold < old->nr || inew < new->nr) {
        const FlatRange *frold = iold < old->nr ? &old->ranges[iold] : NULL;
        const FlatRange *frnew = inew < new->nr ? &new->ranges[inew] : NULL;
        if (frold && (!frnew || frold->addr.start < frnew->addr.start ||
                      (frold->addr.start == frnew->addr.start &&
                       !flatrange_equal(frold, frnew)))) {
            if (!adding) {
                listeners_region_del(as, frold);
            }
            iold++;
        } else if (frold && frnew && flatrange_equal(frold, frnew)) {
            if (adding) {
                listeners_region_add_or_nop(as, frold, frnew);
            }
            iold++;
            inew++;
        } else {
            if (adding) {
                listeners_region_add_or_nop(as, NULL, frnew);
            }
            inew++;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Topology updates                                                   */

void memory_address_spaces_update(bool topology, bool ioeventfds)
{
    AddressSpace *as;
    size_t nr_as = 0;
    TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
        nr_as++;
    }
    if (!topology || !nr_as) {
        if (ioeventfds) {
            TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
                address_space_update_ioeventfds(as);
            }
        }
        return;
    }

    /* Render first: if no view changed, the listeners hear nothing. */
    FlatView **views = flatview_xrealloc(NULL, nr_as * sizeof(*views));
    bool changed = false;
    size_t i = 0;
    TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
        MemoryRegion *physmr = as->root ? flatview_root_of(as->root) : NULL;
        views[i] = NULL;
        for (size_t j = 0; j < i; j++) {
            if (views[j]->root == physmr) {
                views[i] = views[j];
                flatview_ref(views[i]);
                break;
            }
        }
        if (!views[i]) {
            views[i] = flatview_render(physmr);
        }
        changed |= !flatview_same(as->current_map, views[i]);
        i++;
    }

    if (changed) {
        listeners_begin(NULL);
        i = 0;
        TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
            FlatView *old = as->current_map;
            address_space_update_topology_pass(as, old, views[i], false);
            address_space_update_topology_pass(as, old, views[i], true);
            as->current_map = views[i];
            views[i++] = NULL;
            address_space_update_ioeventfds(as);
            flatview_unref(old);
        }
        listeners_commit(NULL);
    } else {
        for (i = 0; i < nr_as; i++) {
            flatview_unref(views[i]);
        }
        if (ioeventfds) {
            TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
                address_space_update_ioeventfds(as);
            }
        }
    }
    free(views);
}

/* ------------------------------------------------------------------ */
/* Address spaces                                                     */

void address_space_init(AddressSpace *as, MemoryRegion *root, const char *name)
{
    memset(as, 0, sizeof(*as));
    memory_region_ref(root);
    as->root = root;
    as->name = strdup(name ? name : "anonymous");
    if (!as->name) {
        fprintf(stderr, "lemu: out of memory\n");
        abort();
    }
    as->current_map = flatview_new(NULL);

    memory_region_transaction_begin();
    TAILQ_INSERT_TAIL(&memory_address_spaces, as, address_spaces_link);
    address_space_dispatch_init(as);
    memory_region_mark_topology_changed();
    memory_region_transaction_commit();
}

void address_space_destroy(AddressSpace *as)
{
    MemoryRegion *root = as->root;

    /*
     * Take the space's ranges and ioeventfds away from its listeners now,
     * even inside a transaction: after this call nobody may look at `as`.
     */
    FlatView *old = as->current_map;
    FlatView *empty = flatview_new(NULL);
    as->root = NULL;
    listeners_begin(as);
    address_space_update_topology_pass(as, old, empty, false);
    as->current_map = empty;
    address_space_update_ioeventfds(as);
    listeners_commit(as);
    flatview_unref(old);

    address_space_dispatch_destroy(as);
    TAILQ_REMOVE(&memory_address_spaces, as, address_spaces_link);
    flatview_unref(as->current_map);
    as->current_map = NULL;
    free(as->ioeventfds);
    as->ioeventfds = NULL;
    as->ioeventfd_nb = 0;
    free(as->name);
    as->name = NULL;
    memory_region_unref(root);
}

FlatView *address_space_get_flatview(AddressSpace *as)
{
    flatview_ref(as->current_map);
    return as->current_map;
}

/* ------------------------------------------------------------------ */
/* Listener registration                                              */

static void listener_add_address_space(MemoryListener *l, AddressSpace *as)
{
    if (l->begin) {
        l->begin(l);
    }
    FlatView *view = address_space_get_flatview(as);
    for (unsigned i = 0; i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];
        MemoryRegionSection section = memory_section_from_flat_range(as, fr);
        if (l->region_add) {
            l->region_add(l, &section);
        }
        if (fr->dirty_log_mask && l->log_start) {
            l->log_start(l, &section, 0, fr->dirty_log_mask);
        }
    }
    for (unsigned i = 0; i < as->ioeventfd_nb; i++) {
        const MemoryRegionIoeventfd *fd = &as->ioeventfds[i];
        MemoryRegionSection section = memory_section_from_ioeventfd(as, fd);
        if (l->eventfd_add) {
            l->eventfd_add(l, &section, fd->match_data, fd->data, fd->e);
        }
    }
    if (l->commit) {
        l->commit(l);
    }
    flatview_unref(view);
}

static void listener_del_address_space(MemoryListener *l, AddressSpace *as)
{
    if (l->begin) {
        l->begin(l);
    }
    for (unsigned i = 0; i < as->ioeventfd_nb; i++) {
        const MemoryRegionIoeventfd *fd = &as->ioeventfds[i];
        MemoryRegionSection section = memory_section_from_ioeventfd(as, fd);
        if (l->eventfd_del) {
            l->eventfd_del(l, &section, fd->match_data, fd->data, fd->e);
        }
    }
    FlatView *view = address_space_get_flatview(as);
    for (unsigned i = 0; i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];
        MemoryRegionSection section = memory_section_from_flat_range(as, fr);
        if (fr->dirty_log_mask && l->log_stop) {
            l->log_stop(l, &section, fr->dirty_log_mask, 0);
        }
        if (l->region_del) {
            l->region_del(l, &section);
        }
    }
    if (l->commit) {
        l->commit(l);
    }
    flatview_unref(view);
}

void memory_listener_register(MemoryListener *listener, AddressSpace *filter)
{
    listener->address_space = filter;
    /* After every listener of lower or equal priority. */
    MemoryListener *other;
    TAILQ_FOREACH(other, &memory_listeners, link) {
        if (listener->priority < other->priority) {
            break;
        }
    }
    if (other) {
        TAILQ_INSERT_BEFORE(other, listener, link);
    } else {
        TAILQ_INSERT_TAIL(&memory_listeners, listener, link);
    }

    AddressSpace *as;
    TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
        if (listener_wants(listener, as)) {
            listener_add_address_space(listener, as);
        }
    }
}

void memory_listener_unregister(MemoryListener *listener)
{
    if (!listener->link.tqe_prev) {
        return;  /* never registered, or already unregistered */
    }
    AddressSpace *as;
    TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
        if (listener_wants(listener, as)) {
            listener_del_address_space(listener, as);
        }
    }
    TAILQ_REMOVE(&memory_listeners, listener, link);
    listener->link.tqe_prev = NULL;
    listener->link.tqe_next = NULL;
    listener->address_space = NULL;
}
