/*
 * memory/memory-internal.h: what the files of memory/ share with each other
 * and nobody else.  The public API is include/lemu/memory.h.
 */
#ifndef MEMORY_INTERNAL_H
#define MEMORY_INTERNAL_H

#include "lemu/memory.h"

/*
 * memory/dispatch.c: each address space's dispatch listener (priority 0).
 * address_space_init calls address_space_dispatch_init once as->root,
 * as->current_map and as->name are set and `as` is on memory_address_spaces:
 * it registers as->dispatch_listener with filter `as`, and the replay
 * (begin, region_add..., commit) builds and publishes the first as->dispatch.
 * address_space_destroy calls address_space_dispatch_destroy, which
 * unregisters that listener itself and drops as->dispatch (readers holding
 * a reference keep it alive); nobody else unregisters it.
 */
void address_space_dispatch_init(AddressSpace *as);
void address_space_dispatch_destroy(AddressSpace *as);
/*
 * address_space_translate on a given dispatch (the caller keeps it alive).
 * A hole gives the unassigned section with *xlat = addr and *plen clipped to
 * where the hole ends (at most the end of its page).
 */
MemoryRegionSection *address_space_dispatch_translate(AddressSpaceDispatch *d, hwaddr addr,
                                                      hwaddr *xlat, hwaddr *plen,
                                                      bool resolve_subpage);

/*
 * memory/access.c: read or write len bytes at addr through a given dispatch,
 * split at section boundaries (what address_space_rw does on the current
 * dispatch; subpage regions use it to forward to the sections they cover).
 */
MemTxResult address_space_dispatch_rw(AddressSpaceDispatch *d, hwaddr addr, MemTxAttrs attrs,
                                      void *buf, hwaddr len, bool is_write);

/*
 * memory/physmem.c: memory_region_init_ram/rom call ram_block_add (which
 * reads nothing of mr but its name, for messages, and stores mr in
 * block->mr) and set mr->ram_block themselves; the region's finalize calls
 * ram_block_free(mr->ram_block).
 */

/* memory/ioeventfd.c */
/*
 * True if a registered ioeventfd of mr matched the write (it was signalled
 * and the device must not see the write).  addr is the offset in mr, size
 * the access size in bytes, data the value as the CPU wrote it (before any
 * conversion to the device's byte order).
 */
bool memory_region_dispatch_write_eventfds(MemoryRegion *mr, hwaddr addr, uint64_t data,
                                           unsigned size);
/* Recompute as->ioeventfds from its current FlatView; tell listeners the diff. */
void address_space_update_ioeventfds(AddressSpace *as);

/* memory/access.c */
/* Ops of ROM regions: reads never get here; writes are ignored and logged. */
extern const MemoryRegionOps memory_rom_ops;
/* Ops of regions that answer nothing: every access is a decode error. */
extern const MemoryRegionOps memory_unassigned_ops;
/* The region behind PHYS_SECTION_UNASSIGNED. */
MemoryRegion *memory_unassigned_region(void);

/* memory/flatview.c: the global list of address spaces and listeners. */
TAILQ_HEAD(AddressSpaceList, AddressSpace);
TAILQ_HEAD(MemoryListenerList, MemoryListener);
extern struct AddressSpaceList memory_address_spaces;
extern struct MemoryListenerList memory_listeners;

/*
 * memory/memory.c: what the outermost commit has to do.  A change that may
 * alter some address space's view marks the topology; adding or removing an
 * ioeventfd marks the ioeventfds.
 */
void memory_region_mark_topology_changed(void);
void memory_region_mark_ioeventfds_changed(void);

/*
 * memory/flatview.c: the work of the outermost commit.  Render every
 * address space; if some view changed: listeners' begin (forward), each
 * space's region_del (reverse) then region_add/region_nop/log_start/log_stop
 * (forward) and ioeventfd update, commit (forward).  If no view changed, no
 * listener hears anything, except the ioeventfd diffs when `ioeventfds`.
 */
void memory_address_spaces_update(bool topology, bool ioeventfds);
/* The section a FlatRange of `as` stands for. */
MemoryRegionSection memory_section_from_flat_range(AddressSpace *as, const FlatRange *fr);
/* Tell the listeners of `as` about one ioeventfd (add: forward order, del: reverse). */
void memory_listeners_eventfd(AddressSpace *as, const MemoryRegionIoeventfd *fd, bool add);

#endif
