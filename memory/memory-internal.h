/*
 * memory/memory-internal.h: what the files of memory/ share with each other
 * and nobody else.  The public API is include/lemu/memory.h.
 */
#ifndef MEMORY_INTERNAL_H
#define MEMORY_INTERNAL_H

#include "lemu/memory.h"

/* memory/dispatch.c: each address space's dispatch listener (priority 0). */
void address_space_dispatch_init(AddressSpace *as);
void address_space_dispatch_destroy(AddressSpace *as);

/* memory/ioeventfd.c */
/* True if a registered ioeventfd matched the write (it was signalled). */
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

#endif
