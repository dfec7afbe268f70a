/*
 * memory/memory.c: MemoryRegions and transactions.  It owns region
 * initialisation (I/O, RAM, ROM, alias, container), the region's object
 * properties and life cycle, the subregion lists (priority order, collision
 * checks), every setter that changes what an address space would render,
 * and the transaction depth and pending flags that decide what the
 * outermost commit hands to memory/flatview.c.
 */
#include "config.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory/memory-internal.h"

static unsigned memory_region_transaction_depth;
static bool memory_region_update_pending;
static bool memory_region_ioeventfd_update_pending;

void memory_region_mark_topology_changed(void)
{
    memory_region_update_pending = true;
}

void memory_region_mark_ioeventfds_changed(void)
{
    memory_region_ioeventfd_update_pending = true;
}

void memory_region_transaction_begin(void)
{
    memory_region_transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    assert(memory_region_transaction_depth > 0);
    if (memory_region_transaction_depth > 1) {
        memory_region_transaction_depth--;
        return;
    }
    /*
     * Stay at depth 1 while the update runs: a listener, or a region dying
     * when an old FlatView lets go of it, may open transactions of its own;
     * they only raise the pending flags, and we go round again.
     */
    while (memory_region_update_pending || memory_region_ioeventfd_update_pending) {
        bool topology = memory_region_update_pending;
        bool ioeventfds = memory_region_ioeventfd_update_pending;
        memory_region_update_pending = false;
        memory_region_ioeventfd_update_pending = false;
        memory_address_spaces_update(topology, ioeventfds);
    }
    memory_region_transaction_depth--;
}

/* ------------------------------------------------------------------ */
/* Properties                                                         */

static Int128 memory_region_size_from_arg(uint64_t size)
{
    return size == UINT64_MAX ? int128_2_64() : int128_make64(size);
}

static void memory_region_prop_container(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)opaque;
    MemoryRegion *mr = (MemoryRegion *)obj;
    out->o = mr->container ? &mr->container->parent_obj : NULL;
}

static void memory_region_prop_addr(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)opaque;
    out->u = ((MemoryRegion *)obj)->addr;
}

static void memory_region_prop_priority(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)opaque;
    out->i = ((MemoryRegion *)obj)->priority;
}

static void memory_region_prop_size(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)opaque;
    out->u = memory_region_size((MemoryRegion *)obj);
}

static void memory_region_prop_may_overlap(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)opaque;
    out->b = ((MemoryRegion *)obj)->may_overlap;
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                         */

static void memory_region_finalize(Object *obj)
{
    MemoryRegion *mr = (MemoryRegion *)obj;

    /* Mapped regions are kept alive by their container. */
    assert(!mr->container);
    /*
     * Nobody can see this region any more (a root or alias target holds a
     * reference), so its subregions go without a re-render.
     */
    mr->enabled = false;
    memory_region_transaction_begin();
    while (!TAILQ_EMPTY(&mr->subregions)) {
        memory_region_del_subregion(mr, TAILQ_FIRST(&mr->subregions));
    }
    memory_region_transaction_commit();

    if (mr->alias) {
        memory_region_unref(mr->alias);
        mr->alias = NULL;
    }
    if (mr->ram_block) {
        ram_block_free(mr->ram_block);
        mr->ram_block = NULL;
    }
    free(mr->name);
    mr->name = NULL;
    free(mr->ioeventfds);
    mr->ioeventfds = NULL;
    mr->ioeventfd_nb = 0;
}

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name, uint64_t size)
{
    memset(mr, 0, sizeof(*mr));
    object_initialize(&mr->parent_obj, TYPE_MEMORY_REGION, memory_region_finalize);
    mr->size = memory_region_size_from_arg(size);
    mr->enabled = true;
    mr->ops = &memory_unassigned_ops;
    mr->owner = owner;
    TAILQ_INIT(&mr->subregions);

    Object *obj = &mr->parent_obj;
    object_property_add(obj, "container", "link<" TYPE_MEMORY_REGION ">", OBJECT_PROP_LINK,
                        memory_region_prop_container, NULL, NULL);
    object_property_add(obj, "addr", "uint64", OBJECT_PROP_UINT, memory_region_prop_addr,
                        NULL, NULL);
    object_property_add(obj, "priority", "int32", OBJECT_PROP_INT,
                        memory_region_prop_priority, NULL, NULL);
    object_property_add(obj, "size", "uint64", OBJECT_PROP_UINT, memory_region_prop_size,
                        NULL, NULL);
    object_property_add(obj, "may-overlap", "bool", OBJECT_PROP_BOOL,
                        memory_region_prop_may_overlap, NULL, NULL);

    if (name) {
        mr->name = strdup(name);
        char *escaped = object_escape_name(name);
        char *child_name = NULL;
        if (!mr->name || asprintf(&child_name, "%s[*]", escaped) < 0) {
            fprintf(stderr, "lemu: out of memory\n");
            abort();
        }
        Object *parent = owner ? owner : object_get_unattached();
        const char *added = object_property_add_child(parent, child_name, obj, NULL);
        assert(added);  /* "[*]" always finds a name */
        (void)added;
        object_unref(obj);  /* the parent holds the only reference now */
        free(child_name);
        free(escaped);
    }
}

void memory_region_init_io(MemoryRegion *mr, Object *owner, const MemoryRegionOps *ops,
                           void *opaque, const char *name, uint64_t size)
{
    memory_region_init(mr, owner, name, size);
    mr->ops = ops ? ops : &memory_unassigned_ops;
    mr->opaque = opaque;
    mr->terminates = true;
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp)
{
    memory_region_init(mr, owner, name, size);
    mr->terminates = true;
    Error *err = NULL;
    RAMBlock *block = ram_block_add(mr, size, &err);
    if (!block) {
        /* An empty I/O region: harmless to map, render or destroy. */
        mr->size = 0;
        error_propagate(errp, err);
        return false;
    }
    mr->ram_block = block;
    mr->ram = true;
    /* Translated code must notice writes to RAM from the start. */
    mr->dirty_log_mask = 1u << DIRTY_MEMORY_CODE;
    return true;
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp)
{
    bool ok = memory_region_init_ram(mr, owner, name, size, errp);
    if (ok) {
        mr->readonly = true;
        mr->ops = &memory_rom_ops;
    }
    return ok;
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner, const char *name,
                              MemoryRegion *orig, hwaddr offset, uint64_t size)
{
    assert(orig && orig != mr);
    memory_region_init(mr, owner, name, size);
    memory_region_ref(orig);
    mr->alias = orig;
    mr->alias_offset = offset;
}

void memory_region_ref(MemoryRegion *mr)
{
    if (mr->owner) {
        object_ref(mr->owner);
    }
    object_ref(&mr->parent_obj);
}

void memory_region_unref(MemoryRegion *mr)
{
    /* The region first: an owner that dies frees a region embedded in it. */
    Object *owner = mr->owner;
    object_unref(&mr->parent_obj);
    if (owner) {
        object_unref(owner);
    }
}

Object *memory_region_owner(MemoryRegion *mr)
{
    return mr->owner;
}

/* ------------------------------------------------------------------ */
/* Queries                                                            */

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name ? mr->name : "";
}

uint64_t memory_region_size(const MemoryRegion *mr)
{
    if (mr->size == int128_2_64()) {
        return UINT64_MAX;
    }
    return int128_get64(mr->size);
}

bool memory_region_is_ram(const MemoryRegion *mr)
{
    return mr->ram;
}

bool memory_region_is_rom(const MemoryRegion *mr)
{
    return mr->ram && mr->readonly;
}

bool memory_region_is_alias(const MemoryRegion *mr)
{
    return mr->alias != NULL;
}

bool memory_region_is_container(const MemoryRegion *mr)
{
    return !mr->terminates && !mr->alias;
}

const char *memory_region_type(const MemoryRegion *mr)
{
    while (mr->alias) {
        mr = mr->alias;
    }
    if (memory_region_is_rom(mr)) {
        return "rom";
    }
    if (mr->ram) {
        return "ram";
    }
    return "i/o";
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;
    while (mr->alias) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (!mr->ram_block) {
        return NULL;
    }
    return mr->ram_block->host + offset;
}

ram_addr_t memory_region_get_ram_addr(const MemoryRegion *mr)
{
    return mr->ram_block ? mr->ram_block->offset : RAM_ADDR_INVALID;
}

uint8_t memory_region_get_dirty_log_mask(const MemoryRegion *mr)
{
    return mr->dirty_log_mask;
}

/* ------------------------------------------------------------------ */
/* Subregions                                                         */

/* Last byte of [start, start + size), for messages (2^64 wraps nicely). */
static uint64_t memory_range_last(hwaddr start, Int128 size)
{
    return (uint64_t)((Int128)start + size - 1);
}

/* A non-overlapping sibling that [offset, offset + size) would collide with. */
static MemoryRegion *memory_region_find_collision(MemoryRegion *container,
                                                  MemoryRegion *sub, hwaddr offset)
{
    Int128 start = offset, end = (Int128)offset + sub->size;
    /* Boards map devices in rising address order: that case stays O(1). */
    if (sub->size == 0 || start >= container->subregions_end) {
        return NULL;
    }
    MemoryRegion *other;
    TAILQ_FOREACH(other, &container->subregions, subregions_link) {
        if (other == sub || other->may_overlap || other->size == 0) {
            continue;
        }
        Int128 ostart = other->addr, oend = (Int128)other->addr + other->size;
        if (start < oend && ostart < end) {
            return other;
        }
    }
    return NULL;
}

/* Highest priority first; a newcomer goes before siblings of equal priority. */
static void memory_region_insert_subregion(MemoryRegion *container, MemoryRegion *sub)
{
    if (!sub->may_overlap) {
        Int128 end = (Int128)sub->addr + sub->size;
        if (end > container->subregions_end) {
            container->subregions_end = end;
        }
    }
    MemoryRegion *other;
    TAILQ_FOREACH(other, &container->subregions, subregions_link) {
        if (sub->priority >= other->priority) {
            TAILQ_INSERT_BEFORE(other, sub, subregions_link);
            return;
        }
    }
    TAILQ_INSERT_TAIL(&container->subregions, sub, subregions_link);
}

/* Does rendering `from` reach `to` (through subregions and aliases)? */
static bool memory_region_reaches(const MemoryRegion *from, const MemoryRegion *to)
{
    while (from->alias) {
        if (from == to) {
            return true;
        }
        from = from->alias;
    }
    if (from == to) {
        return true;
    }
    const MemoryRegion *sub;
    TAILQ_FOREACH(sub, &from->subregions, subregions_link) {
        if (memory_region_reaches(sub, to)) {
            return true;
        }
    }
    return false;
}

static bool memory_region_add_subregion_common(MemoryRegion *mr, hwaddr offset,
                                               MemoryRegion *sub, bool may_overlap,
                                               int priority, Error **errp)
{
    if (sub->container) {
        error_setg(errp, "memory region '%s' is already mapped in '%s'",
                   memory_region_name(sub), memory_region_name(sub->container));
        return false;
    }
    /* A region inside itself would make rendering recurse forever. */
    if (memory_region_reaches(sub, mr)) {
        error_setg(errp, "memory region '%s' cannot be mapped in '%s', which it contains",
                   memory_region_name(sub), memory_region_name(mr));
        return false;
    }
    if (!may_overlap) {
        MemoryRegion *other = memory_region_find_collision(mr, sub, offset);
        if (other) {
            error_setg(errp,
                       "memory region '%s' at 0x%" PRIx64 "-0x%" PRIx64
                       " collides with '%s' at 0x%" PRIx64 "-0x%" PRIx64 " in '%s'",
                       memory_region_name(sub), offset, memory_range_last(offset, sub->size),
                       memory_region_name(other), other->addr,
                       memory_range_last(other->addr, other->size),
                       memory_region_name(mr));
            return false;
        }
    }
    memory_region_transaction_begin();
    memory_region_ref(sub);
    sub->may_overlap = may_overlap;
    sub->priority = priority;
    sub->container = mr;
    sub->addr = offset;
    memory_region_insert_subregion(mr, sub);
    if (mr->enabled && sub->enabled) {
        memory_region_mark_topology_changed();
    }
    memory_region_transaction_commit();
    return true;
}

bool memory_region_try_add_subregion(MemoryRegion *mr, hwaddr offset, MemoryRegion *sub,
                                     Error **errp)
{
    return memory_region_add_subregion_common(mr, offset, sub, false, 0, errp);
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset, MemoryRegion *sub)
{
    Error *err = NULL;
    if (!memory_region_add_subregion_common(mr, offset, sub, false, 0, &err)) {
        error_report_err(err);
    }
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *sub, int priority)
{
    Error *err = NULL;
    if (!memory_region_add_subregion_common(mr, offset, sub, true, priority, &err)) {
        error_report_err(err);
    }
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *sub)
{
    assert(sub->container == mr);
    memory_region_transaction_begin();
    sub->container = NULL;
    TAILQ_REMOVE(&mr->subregions, sub, subregions_link);
    if (mr->enabled && sub->enabled) {
        memory_region_mark_topology_changed();
    }
    memory_region_unref(sub);
    memory_region_transaction_commit();
}

/* ------------------------------------------------------------------ */
/* Setters                                                            */

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled == enabled) {
        return;
    }
    memory_region_transaction_begin();
    mr->enabled = enabled;
    memory_region_mark_topology_changed();
    memory_region_transaction_commit();
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    if (mr->addr == addr) {
        return;
    }
    MemoryRegion *container = mr->container;
    if (!container) {
        mr->addr = addr;
        return;
    }
    if (!mr->may_overlap) {
        MemoryRegion *other = memory_region_find_collision(container, mr, addr);
        if (other) {
            error_report("cannot move memory region '%s' to 0x%" PRIx64 "-0x%" PRIx64
                         ": it would collide with '%s' at 0x%" PRIx64 "-0x%" PRIx64
                         " in '%s'",
                         memory_region_name(mr), addr, memory_range_last(addr, mr->size),
                         memory_region_name(other), other->addr,
                         memory_range_last(other->addr, other->size),
                         memory_region_name(container));
            return;
        }
    }
    memory_region_transaction_begin();
    /* Re-inserted as if added again: it now wins ties of equal priority. */
    TAILQ_REMOVE(&container->subregions, mr, subregions_link);
    mr->addr = addr;
    memory_region_insert_subregion(container, mr);
    if (container->enabled && mr->enabled) {
        memory_region_mark_topology_changed();
    }
    memory_region_transaction_commit();
}

void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset)
{
    assert(mr->alias);
    if (mr->alias_offset == offset) {
        return;
    }
    memory_region_transaction_begin();
    mr->alias_offset = offset;
    if (mr->enabled) {
        memory_region_mark_topology_changed();
    }
    memory_region_transaction_commit();
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    if (mr->readonly == readonly) {
        return;
    }
    memory_region_transaction_begin();
    mr->readonly = readonly;
    if (mr->enabled) {
        memory_region_mark_topology_changed();
    }
    memory_region_transaction_commit();
}

void memory_region_set_size(MemoryRegion *mr, uint64_t size)
{
    Int128 s = memory_region_size_from_arg(size);
    if (mr->size == s) {
        return;
    }
    if (mr->ram_block && s > (Int128)mr->ram_block->max_length) {
        error_report("cannot resize RAM region '%s' to 0x%" PRIx64
                     " bytes: its block holds 0x%" PRIx64,
                     memory_region_name(mr), size, (uint64_t)mr->ram_block->max_length);
        return;
    }
    memory_region_transaction_begin();
    mr->size = s;
    if (mr->container && !mr->may_overlap && (Int128)mr->addr + s > mr->container->subregions_end) {
        mr->container->subregions_end = (Int128)mr->addr + s;
    }
    memory_region_mark_topology_changed();
    memory_region_transaction_commit();
}

void memory_region_set_log(MemoryRegion *mr, bool log, unsigned client)
{
    assert(client < DIRTY_MEMORY_NUM);
    uint8_t mask = (uint8_t)(1u << client);
    uint8_t new_mask = log ? (mr->dirty_log_mask | mask) : (mr->dirty_log_mask & ~mask);
    if (new_mask == mr->dirty_log_mask) {
        return;
    }
    memory_region_transaction_begin();
    mr->dirty_log_mask = new_mask;
    if (mr->enabled) {
        memory_region_mark_topology_changed();
    }
    memory_region_transaction_commit();
}
