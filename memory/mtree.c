/*
 * memory/mtree.c: the `info mtree` printer.  It owns the text layout, which
 * follows QEMU 7.2's `info mtree` and `info mtree -f` line for line, so that
 * a board's map can be diffed against QEMU's: the region trees of the
 * address spaces (grouped by root) and of alias targets, or each FlatView
 * with the address spaces that share it.  Where QEMU's order comes from a
 * hash table, groups are printed in the order they first appear instead.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory/memory-internal.h"

#define MTREE_INDENT "  "

typedef struct MtreeList {
    const void **items;
    size_t nr, alloc;
} MtreeList;

static void mtree_list_add(MtreeList *list, const void *item)
{
    if (list->nr == list->alloc) {
        list->alloc = list->alloc ? list->alloc * 2 : 8;
        list->items = realloc(list->items, list->alloc * sizeof(*list->items));
        if (!list->items) {
            fprintf(stderr, "lemu: out of memory\n");
            abort();
        }
    }
    list->items[list->nr++] = item;
}

static bool mtree_list_has(const MtreeList *list, const void *item)
{
    for (size_t i = 0; i < list->nr; i++) {
        if (list->items[i] == item) {
            return true;
        }
    }
    return false;
}

/* Offset of the last byte of a size; an empty size prints as 0, as QEMU does. */
static uint64_t mtree_size_last(Int128 size)
{
    return size ? (uint64_t)(size - 1) : 0;
}

typedef struct MtreeChild {
    const MemoryRegion *mr;
    size_t order;
} MtreeChild;

/* By address, then highest priority; otherwise as the subregion list has them. */
static int mtree_child_cmp(const void *a, const void *b)
{
    const MtreeChild *x = a, *y = b;
    if (x->mr->addr != y->mr->addr) {
        return x->mr->addr < y->mr->addr ? -1 : 1;
    }
    if (x->mr->priority != y->mr->priority) {
        return x->mr->priority > y->mr->priority ? -1 : 1;
    }
    return x->order < y->order ? -1 : (x->order > y->order);
}

static void mtree_print_mr(FILE *out, const MemoryRegion *mr, unsigned level, hwaddr base,
                           MtreeList *alias_queue, bool show_disabled)
{
    hwaddr start = base + mr->addr;
    hwaddr end = start + mtree_size_last(mr->size);
    bool shown = mr->enabled || show_disabled;

    if (shown) {
        for (unsigned i = 0; i < level; i++) {
            fputs(MTREE_INDENT, out);
        }
    }
    if (mr->alias) {
        if (!mtree_list_has(alias_queue, mr->alias)) {
            mtree_list_add(alias_queue, mr->alias);
        }
        if (shown) {
            fprintf(out,
                    "%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): alias %s @%s %016" PRIx64
                    "-%016" PRIx64 "%s\n",
                    start, end, mr->priority, memory_region_type(mr), memory_region_name(mr),
                    memory_region_name(mr->alias), mr->alias_offset,
                    mr->alias_offset + mtree_size_last(mr->size),
                    mr->enabled ? "" : " [disabled]");
        }
    } else if (shown) {
        fprintf(out, "%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): %s%s\n", start, end,
                mr->priority, memory_region_type(mr), memory_region_name(mr),
                mr->enabled ? "" : " [disabled]");
    }

    /* QEMU walks into the subregions of a region it does not show, too. */
    size_t n = 0;
    const MemoryRegion *sub;
    TAILQ_FOREACH(sub, &mr->subregions, subregions_link) {
        n++;
    }
    if (!n) {
        return;
    }
    MtreeChild *children = malloc(n * sizeof(*children));
    if (!children) {
        fprintf(stderr, "lemu: out of memory\n");
        abort();
    }
    n = 0;
    TAILQ_FOREACH(sub, &mr->subregions, subregions_link) {
        children[n] = (MtreeChild){ .mr = sub, .order = n };
        n++;
    }
    qsort(children, n, sizeof(*children), mtree_child_cmp);
    for (size_t i = 0; i < n; i++) {
        mtree_print_mr(out, children[i].mr, level + 1, start, alias_queue, show_disabled);
    }
    free(children);
}

static int mtree_as_name_cmp(const void *a, const void *b)
{
    const AddressSpace *x = *(const AddressSpace *const *)a;
    const AddressSpace *y = *(const AddressSpace *const *)b;
    return strcmp(x->name, y->name);
}

static void mtree_print_tree(FILE *out, bool show_disabled)
{
    MtreeList roots = { 0 }, alias_queue = { 0 };
    AddressSpace *as;
    TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
        if (as->root && !mtree_list_has(&roots, as->root)) {
            mtree_list_add(&roots, as->root);
        }
    }
    for (size_t r = 0; r < roots.nr; r++) {
        const MemoryRegion *root = roots.items[r];
        MtreeList group = { 0 };
        TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
            if (as->root == root) {
                mtree_list_add(&group, as);
            }
        }
        qsort(group.items, group.nr, sizeof(*group.items), mtree_as_name_cmp);
        for (size_t i = 0; i < group.nr; i++) {
            fprintf(out, "address-space: %s\n", ((const AddressSpace *)group.items[i])->name);
        }
        mtree_print_mr(out, root, 1, 0, &alias_queue, show_disabled);
        fputc('\n', out);
        free(group.items);
    }
    /* The queue grows while we print it: targets of aliases inside targets. */
    for (size_t i = 0; i < alias_queue.nr; i++) {
        const MemoryRegion *mr = alias_queue.items[i];
        fprintf(out, "memory-region: %s\n", memory_region_name(mr));
        mtree_print_mr(out, mr, 1, 0, &alias_queue, show_disabled);
        fputc('\n', out);
    }
    free(roots.items);
    free(alias_queue.items);
}

static void mtree_print_flatview(FILE *out, const FlatView *view, int number)
{
    AddressSpace *as;
    fprintf(out, "FlatView #%d\n", number);
    TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
        if (as->current_map != view) {
            continue;
        }
        fprintf(out, " AS \"%s\", root: %s", as->name,
                as->root ? memory_region_name(as->root) : "(none)");
        if (as->root && as->root->alias) {
            fprintf(out, ", alias %s", memory_region_name(as->root->alias));
        }
        fputc('\n', out);
    }
    fprintf(out, " Root memory region: %s\n",
            view->root ? memory_region_name(view->root) : "(none)");
    if (view->nr == 0) {
        fputs(MTREE_INDENT "No rendered FlatView\n\n", out);
        return;
    }
    for (unsigned i = 0; i < view->nr; i++) {
        const FlatRange *fr = &view->ranges[i];
        uint64_t start = (uint64_t)fr->addr.start;
        fprintf(out, MTREE_INDENT "%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): %s", start,
                start + mtree_size_last(fr->addr.size), fr->mr->priority,
                fr->readonly ? "rom" : memory_region_type(fr->mr), memory_region_name(fr->mr));
        if (fr->offset_in_region) {
            fprintf(out, " @%016" PRIx64, fr->offset_in_region);
        }
        fputc('\n', out);
    }
    fputc('\n', out);
}

static void mtree_print_flat(FILE *out)
{
    MtreeList views = { 0 };
    AddressSpace *as;
    TAILQ_FOREACH(as, &memory_address_spaces, address_spaces_link) {
        if (as->current_map && !mtree_list_has(&views, as->current_map)) {
            mtree_list_add(&views, as->current_map);
        }
    }
    for (size_t i = 0; i < views.nr; i++) {
        mtree_print_flatview(out, views.items[i], (int)i);
    }
    free(views.items);
}

void mtree_print_full(FILE *out, bool flat, bool show_disabled)
{
    if (flat) {
        mtree_print_flat(out);
    } else {
        mtree_print_tree(out, show_disabled);
    }
}

void mtree_print(FILE *out, bool flat)
{
    mtree_print_full(out, flat, false);
}
