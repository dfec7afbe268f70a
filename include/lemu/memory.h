/*
 * memory.h: lemu's memory API, after QEMU's (see docs/memory.md for worked
 * examples).  A board builds a tree of MemoryRegions (RAM, ROM, I/O, alias,
 * container) under a root; an AddressSpace renders the tree into a FlatView
 * (sorted, non-overlapping ranges) and, through its dispatch listener, into
 * an AddressSpaceDispatch: a radix table over page numbers that answers
 * address_space_translate() without walking the tree.  RAM lives in
 * RAMBlocks with dirty bitmaps (MIGRATION, VGA, CODE).  Map changes are
 * transactions; listeners see each committed change as begin, region_del /
 * region_add / region_nop, commit.
 *
 * memory/ knows nothing of CPUs, TLBs or TCG: the CPU side learns of writes
 * to translated code only through the DIRTY_MEMORY_CODE bitmap and the
 * code-write hook below.
 *
 * Files: memory/object.c (object model), memory/memory.c (regions,
 * transactions), memory/flatview.c (rendering, listeners, topology diff),
 * memory/ioeventfd.c, memory/dispatch.c (phys_map, subpages, translate),
 * memory/physmem.c (RAM blocks), memory/dirty.c (dirty bitmaps),
 * memory/access.c (address_space_rw, ld/st, dispatch to devices),
 * memory/mtree.c (the `info mtree` printer).
 *
 * Threading: the memory API is used from lemu's single main thread; the
 * dirty bitmaps alone are updated atomically.
 */
#ifndef LEMU_MEMORY_H
#define LEMU_MEMORY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/queue.h>

#include "lemu/error.h"
#include "lemu/memop.h"
#include "lemu/object.h"

typedef uint64_t hwaddr;
typedef uint64_t ram_addr_t;
#define HWADDR_MAX UINT64_MAX
#define RAM_ADDR_MAX UINT64_MAX
#define RAM_ADDR_INVALID RAM_ADDR_MAX

/*
 * Sizes and range ends are 128-bit so that a region of exactly 2^64 bytes
 * (created with size UINT64_MAX, as in QEMU) and the end of a range that
 * reaches the top of the address space are representable.
 */
typedef __int128 Int128;
static inline Int128 int128_make64(uint64_t v) { return (Int128)v; }
static inline Int128 int128_2_64(void) { return (Int128)1 << 64; }
static inline uint64_t int128_get64(Int128 v) { return (uint64_t)v; }

/* Target pages: 4 KiB, 64-bit physical addresses. */
#define TARGET_PAGE_BITS 12
#define TARGET_PAGE_SIZE ((hwaddr)1 << TARGET_PAGE_BITS)
#define TARGET_PAGE_MASK (~(TARGET_PAGE_SIZE - 1))
#define TARGET_PAGE_ALIGN(a) (((a) + TARGET_PAGE_SIZE - 1) & TARGET_PAGE_MASK)

typedef struct MemoryRegion MemoryRegion;
typedef struct MemoryRegionOps MemoryRegionOps;
typedef struct MemoryRegionSection MemoryRegionSection;
typedef struct MemoryListener MemoryListener;
typedef struct AddressSpace AddressSpace;
typedef struct AddressSpaceDispatch AddressSpaceDispatch;
typedef struct FlatView FlatView;
typedef struct RAMBlock RAMBlock;
typedef struct EventNotifier EventNotifier;

#define TYPE_MEMORY_REGION "memory-region"

/* ------------------------------------------------------------------ */
/* Transactions results and attributes                                 */

/* A bit mask: results of the pieces of a split access are ORed. */
typedef enum MemTxResult {
    MEMTX_OK = 0,
    MEMTX_ERROR = 1 << 0,         /* the device reported an access error */
    MEMTX_DECODE_ERROR = 1 << 1,  /* nothing there, or an access it refuses */
} MemTxResult;

typedef struct MemTxAttrs {
    unsigned int unspecified : 1;
    unsigned int user : 1;         /* the access is made by unprivileged code */
    unsigned int debug : 1;        /* debugger access (gdbstub, monitor) */
    unsigned int requester_id : 16;
} MemTxAttrs;

#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs){ .unspecified = 1 })

/* ------------------------------------------------------------------ */
/* I/O regions                                                          */

enum device_endian {
    DEVICE_NATIVE_ENDIAN,  /* the target's order: little-endian for RISC-V */
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
};

struct MemoryRegionOps {
    /* Plain callbacks; used when the *_with_attrs variant is NULL. */
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    /* Callbacks that can fail (MEMTX_ERROR) or look at the attributes. */
    MemTxResult (*read_with_attrs)(void *opaque, hwaddr addr, uint64_t *data,
                                   unsigned size, MemTxAttrs attrs);
    MemTxResult (*write_with_attrs)(void *opaque, hwaddr addr, uint64_t data,
                                    unsigned size, MemTxAttrs attrs);

    enum device_endian endianness;

    /*
     * What the guest may do: accesses outside these sizes (0 means 1 for
     * min and 4 for max), misaligned accesses when !unaligned, and accesses
     * `accepts` refuses, end with MEMTX_DECODE_ERROR without reaching the
     * device.
     */
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
        bool (*accepts)(void *opaque, hwaddr addr, unsigned size, bool is_write,
                        MemTxAttrs attrs);
    } valid;

    /*
     * What the callbacks implement (0 means 1 for min and 4 for max).  The
     * memory API adapts: an access wider than impl.max is split into several
     * (combined in the device's byte order), one narrower than impl.min is
     * widened to an aligned impl.min access (a write becomes
     * read-modify-write).  With !unaligned, a misaligned access is carried
     * out as aligned pieces.
     */
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
    } impl;
};

/* ------------------------------------------------------------------ */
/* Regions                                                              */

typedef struct MemoryRegionIoeventfd {
    hwaddr addr;        /* offset in the region */
    unsigned size;      /* 0 matches any access size */
    bool match_data;
    uint64_t data;
    EventNotifier *e;
    /* In an address space's list (addr is then an address there): */
    MemoryRegion *mr;         /* the region that holds it */
    hwaddr offset_in_region;  /* its addr in that region */
} MemoryRegionIoeventfd;

struct MemoryRegion {
    Object parent_obj;

    /* All fields are read-only outside memory/: use the functions below. */
    char *name;
    Object *owner;               /* as given to memory_region_init*, may be NULL */
    Int128 size;
    hwaddr addr;                 /* offset in the container */
    int priority;
    bool may_overlap;
    bool enabled;
    bool ram;                    /* backed by ram_block (RAM and ROM) */
    bool readonly;               /* writes do not reach memory (ROM) */
    bool terminates;             /* RAM, ROM, I/O: not a pure container */
    bool subpage;                /* internal: a dispatch subpage */
    uint8_t dirty_log_mask;      /* 1 << DIRTY_MEMORY_* clients logging */

    const MemoryRegionOps *ops;  /* never NULL: &memory_unassigned_ops by default */
    void *opaque;

    MemoryRegion *container;
    MemoryRegion *alias;
    hwaddr alias_offset;

    RAMBlock *ram_block;

    TAILQ_HEAD(, MemoryRegion) subregions;  /* by priority, highest first */
    TAILQ_ENTRY(MemoryRegion) subregions_link;
    /* Private: no non-overlapping subregion ends above this (collision fast path). */
    Int128 subregions_end;

    unsigned ioeventfd_nb;
    MemoryRegionIoeventfd *ioeventfds;      /* sorted */
};

/*
 * Initialise a container of `size` bytes (UINT64_MAX means 2^64).  With a
 * name, the region becomes child "<escaped name>[*]" of `owner` (or of
 * /machine/unattached when owner is NULL), which then holds its only
 * reference: the region dies when the owner unparents it or dies.  Without
 * a name the caller holds that reference and drops it with
 * object_unref(&mr->parent_obj) (which frees what init allocated: do that
 * rather than just freeing the memory).  Every region has the read-only
 * properties container (link), addr (uint64), priority (int32), size
 * (uint64, UINT64_MAX for 2^64) and may-overlap (bool).  A region must be
 * unmapped (no container) when it dies.
 */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name, uint64_t size);
/* An I/O region whose accesses go to ops (NULL: every access fails). */
void memory_region_init_io(MemoryRegion *mr, Object *owner, const MemoryRegionOps *ops,
                           void *opaque, const char *name, uint64_t size);
/*
 * RAM of `size` bytes (rounded up to a page), zero-filled, with a RAMBlock
 * and all dirty bits set.  On failure (host out of memory) returns false,
 * sets errp and leaves mr an empty, unbacked region that can be destroyed.
 */
bool memory_region_init_ram(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp);
/*
 * ROM: RAM that the guest reads directly and cannot write; guest writes are
 * ignored and reported as guest errors (-d guest_errors).  The loader fills
 * it through address_space_write_rom() or memory_region_get_ram_ptr().
 */
bool memory_region_init_rom(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp);
/* A window of `size` bytes into `orig` starting at `offset` (orig may itself be an alias). */
void memory_region_init_alias(MemoryRegion *mr, Object *owner, const char *name,
                              MemoryRegion *orig, hwaddr offset, uint64_t size);

/*
 * Users of a region (a container, an alias, an address space, a FlatView,
 * a dispatch section) keep it alive: ref/unref act on the owner when there
 * is one (as QEMU does, since device callbacks use the owner's state) and
 * on the region itself, so that a region unparented while still in use
 * dies only when its last user lets go.
 */
void memory_region_ref(MemoryRegion *mr);
void memory_region_unref(MemoryRegion *mr);
Object *memory_region_owner(MemoryRegion *mr);

const char *memory_region_name(const MemoryRegion *mr);
/* Size in bytes; UINT64_MAX for a 2^64-byte region. */
uint64_t memory_region_size(const MemoryRegion *mr);
bool memory_region_is_ram(const MemoryRegion *mr);
bool memory_region_is_rom(const MemoryRegion *mr);
bool memory_region_is_alias(const MemoryRegion *mr);
bool memory_region_is_container(const MemoryRegion *mr);
/* The kind as `info mtree` prints it: "ram", "rom", "i/o". */
const char *memory_region_type(const MemoryRegion *mr);

/*
 * Map `sub` at `offset` in container `mr`, priority 0, not overlapping.  A
 * collision with a non-overlapping sibling is refused and reported with both
 * names and ranges (memory_region_try_add_subregion returns it as errp);
 * so are mapping a region that is already mapped and mapping a region
 * inside itself (directly, or through its subregions and aliases).  Empty
 * regions collide with nothing.
 */
void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset, MemoryRegion *sub);
bool memory_region_try_add_subregion(MemoryRegion *mr, hwaddr offset, MemoryRegion *sub,
                                     Error **errp);
/*
 * Map `sub` at `offset`, allowed to overlap siblings.  Where regions
 * overlap, the highest priority wins; on equal priority the one added later.
 * The errors above other than collisions are reported the same way.
 */
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *sub, int priority);
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *sub);
/* A disabled region is not rendered: what is below it shows through. */
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
/*
 * Move a mapped region within its container; it then counts as added last
 * among equal priorities.  A move onto a non-overlapping sibling is refused
 * and reported.
 */
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);
void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset);
/* Readonly applies to everything rendered through mr (subregions, alias target). */
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);
/* UINT64_MAX means 2^64; growing RAM past its RAMBlock is refused and reported. */
void memory_region_set_size(MemoryRegion *mr, uint64_t size);

/*
 * Host pointer to the RAM behind a RAM/ROM region, following aliases (with
 * their offsets); NULL for a region without RAM.
 */
void *memory_region_get_ram_ptr(MemoryRegion *mr);
/* Start of the region's RAMBlock in the ram_addr space, or RAM_ADDR_INVALID. */
ram_addr_t memory_region_get_ram_addr(const MemoryRegion *mr);

/*
 * Transactions nest: changes between the outermost begin and commit are
 * rendered once, at that commit, and only if something visible changed.
 */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

/* ------------------------------------------------------------------ */
/* Dirty memory                                                         */

enum {
    DIRTY_MEMORY_VGA = 0,
    DIRTY_MEMORY_CODE = 1,
    DIRTY_MEMORY_MIGRATION = 2,
    DIRTY_MEMORY_NUM = 3,
};
#define DIRTY_CLIENTS_ALL ((1u << DIRTY_MEMORY_NUM) - 1)
#define DIRTY_CLIENTS_NOCODE (DIRTY_CLIENTS_ALL & ~(1u << DIRTY_MEMORY_CODE))

/*
 * Enable/disable dirty logging of `client` for a RAM region (a topology
 * change: listeners see log_start/log_stop).  RAM starts with the CODE
 * client enabled, since translated code must notice writes.
 */
void memory_region_set_log(MemoryRegion *mr, bool log, unsigned client);
uint8_t memory_region_get_dirty_log_mask(const MemoryRegion *mr);
/* Is any page of [addr, addr + size) of the region dirty for client? */
bool memory_region_get_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size, unsigned client);
/*
 * [addr, addr + size) of a RAM region was written behind the access
 * functions' back (through its host pointer): every client's bits are set,
 * CODE through the code-write hook where a CODE bit is clean (see below).
 * Ranges are clipped to the region's RAM; regions without RAM are ignored.
 */
void memory_region_set_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size);
/* Clear client's bits on [addr, addr + size); true if any was set. */
bool memory_region_test_and_clear_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size,
                                        unsigned client);
void memory_region_reset_dirty(MemoryRegion *mr, hwaddr addr, hwaddr size, unsigned client);

/*
 * Per ram_addr range; a page is dirty for a client when its bit is set.
 * Pages outside the ram_addr space are neither dirty nor clean: they are
 * ignored (so ram_dirty_all of such a range is true, ram_dirty_get false).
 */
bool ram_dirty_get(ram_addr_t start, ram_addr_t length, unsigned client);
bool ram_dirty_get_page(ram_addr_t addr, unsigned client);
/* Is every page of the range dirty for client? */
bool ram_dirty_all(ram_addr_t start, ram_addr_t length, unsigned client);
/* Set the bits of each client in `mask` (1 << DIRTY_MEMORY_*). */
void ram_dirty_set_range(ram_addr_t start, ram_addr_t length, unsigned mask);
bool ram_dirty_test_and_clear(ram_addr_t start, ram_addr_t length, unsigned client);
/* The clients in `mask` for which some page of the range is clean. */
unsigned ram_dirty_range_includes_clean(ram_addr_t start, ram_addr_t length, unsigned mask);

/*
 * Writes through the access functions below (device DMA, the loader, the
 * debugger) to RAM pages whose CODE bit is clean call this hook, which the
 * CPU side sets to invalidate translated code; the hook is responsible for
 * setting the CODE bits again.  Without a hook the bits are simply set.
 */
typedef void MemoryCodeWriteHook(ram_addr_t start, ram_addr_t length);
void memory_set_code_write_hook(MemoryCodeWriteHook *hook);
/*
 * Mark [offset, offset + length) of a RAM region written: if CODE is in the
 * region's log mask and some page's CODE bit is clean, the code-write hook
 * (with the whole range); then the bits of the other clients in the mask.
 */
void memory_notify_ram_write(MemoryRegion *mr, hwaddr offset, hwaddr length);

/* ------------------------------------------------------------------ */
/* RAM blocks                                                           */

struct RAMBlock {
    MemoryRegion *mr;
    uint8_t *host;            /* page-aligned host memory */
    ram_addr_t offset;        /* start in the ram_addr space */
    ram_addr_t used_length;
    ram_addr_t max_length;
    void *mmap_base;          /* what to munmap */
    size_t mmap_size;
    LIST_ENTRY(RAMBlock) next;
};

typedef struct RAMList {
    LIST_HEAD(, RAMBlock) blocks;  /* sorted by max_length, biggest first */
    RAMBlock *mru_block;
    unsigned long *dirty_memory[DIRTY_MEMORY_NUM];
    ram_addr_t dirty_pages;        /* pages the bitmaps cover */
    unsigned version;
} RAMList;

extern RAMList ram_list;

/*
 * Allocate a block of `size` bytes (page-aligned) for mr: the smallest gap of
 * the ram_addr space that fits, host memory from an anonymous mmap aligned
 * to the host's huge-page size, all dirty bits set.  NULL + errp on failure.
 */
RAMBlock *ram_block_add(MemoryRegion *mr, ram_addr_t size, Error **errp);
void ram_block_free(RAMBlock *block);
/* Where a new block of `size` bytes would go (the smallest gap that fits). */
ram_addr_t ram_block_find_offset(ram_addr_t size);
/* One past the highest ram_addr in use. */
ram_addr_t ram_list_last_offset(void);
/* The block holding addr, or NULL. */
RAMBlock *ram_block_lookup(ram_addr_t addr);
/* Host pointer for a ram_addr, or NULL if no block holds it. */
void *ram_addr_to_host(ram_addr_t addr);
/* Reverse: the ram_addr of a host pointer into some block. */
bool ram_addr_from_host(const void *host, ram_addr_t *out);

/* ------------------------------------------------------------------ */
/* Flat views and sections                                              */

typedef struct AddrRange {
    Int128 start;
    Int128 size;
} AddrRange;

typedef struct FlatRange {
    MemoryRegion *mr;
    hwaddr offset_in_region;
    AddrRange addr;
    uint8_t dirty_log_mask;
    bool readonly;
} FlatRange;

/* Immutable once rendered; readers keep it alive with flatview_ref. */
struct FlatView {
    unsigned ref;
    FlatRange *ranges;
    unsigned nr;
    unsigned nr_allocated;
    MemoryRegion *root;
};

/* The part of one region that is visible at some range of an address space. */
struct MemoryRegionSection {
    Int128 size;
    MemoryRegion *mr;
    AddressSpace *address_space;
    hwaddr offset_within_region;
    hwaddr offset_within_address_space;
    bool readonly;
};

void flatview_ref(FlatView *view);
void flatview_unref(FlatView *view);
/*
 * Render a region tree into a new FlatView (ref 1), without any address
 * space: the pure function behind topology updates, exposed for tests.
 * Address 0 of the view is offset 0 of root (root's own addr is ignored);
 * root may be NULL (an empty view).  Each range holds a reference on its
 * region, the view one on root.  An address space renders the region its
 * root reduces to (through aliases of a whole target at offset 0 and
 * containers whose one enabled child covers them from 0), so that spaces
 * over the same memory share one FlatView; view->root is that region.
 */
FlatView *flatview_render(MemoryRegion *root);

/* ------------------------------------------------------------------ */
/* Listeners                                                            */

typedef struct EventNotifier EventNotifier;

struct MemoryListener {
    void (*begin)(MemoryListener *listener);
    void (*commit)(MemoryListener *listener);
    void (*region_add)(MemoryListener *listener, MemoryRegionSection *section);
    void (*region_del)(MemoryListener *listener, MemoryRegionSection *section);
    void (*region_nop)(MemoryListener *listener, MemoryRegionSection *section);
    void (*log_start)(MemoryListener *listener, MemoryRegionSection *section,
                      int old_mask, int new_mask);
    void (*log_stop)(MemoryListener *listener, MemoryRegionSection *section,
                     int old_mask, int new_mask);
    void (*eventfd_add)(MemoryListener *listener, MemoryRegionSection *section,
                        bool match_data, uint64_t data, EventNotifier *e);
    void (*eventfd_del)(MemoryListener *listener, MemoryRegionSection *section,
                        bool match_data, uint64_t data, EventNotifier *e);
    /* Lower priorities see adds first and deletes last. */
    unsigned priority;
    const char *name;

    /* Private. */
    AddressSpace *address_space;   /* filter: NULL listens to every space */
    TAILQ_ENTRY(MemoryListener) link;
};

/*
 * Register a listener, for one address space (filter) or all (NULL).  The
 * current topology is replayed to it at once, for each address space it
 * listens to: begin, region_add (and log_start when the range logs) for
 * every range, eventfd_add for every ioeventfd, commit.  The listener must
 * start zeroed but for its callbacks, priority and name; begin and commit
 * come with every committed change of any address space, the other
 * callbacks only for the spaces it listens to.
 */
void memory_listener_register(MemoryListener *listener, AddressSpace *filter);
/*
 * Unregister (a no-op if not registered); the listener first sees, for each
 * space it listens to: begin, eventfd_del for every ioeventfd, log_stop
 * (when logging) and region_del for every range, commit.
 */
void memory_listener_unregister(MemoryListener *listener);

/* ------------------------------------------------------------------ */
/* Address spaces and dispatch                                          */

/* phys_map radix table: 9 bits a level over 52-bit page numbers. */
#define P_L2_BITS 9
#define P_L2_SIZE (1u << P_L2_BITS)
#define P_L2_LEVELS (((64 - TARGET_PAGE_BITS - 1) / P_L2_BITS) + 1)

/*
 * One entry: with skip == 0, a leaf for every page below it: ptr is a
 * section index, or with PHYS_MAP_SUBPAGE set the index of the first cell
 * of a subpage record in AddressSpaceDispatch.subpage_cells (a page several
 * sections share, resolved by byte ranges).  Otherwise ptr is a node index
 * and `skip` the number of levels to descend in one step (chains of
 * single-child nodes are compacted this way).  An empty entry is a leaf of
 * PHYS_SECTION_UNASSIGNED, so a lookup needs no other test.
 * PHYS_MAP_NODE_NIL names no node: the builder never stores it, and a
 * reader walking the map may treat a pointer to it as empty.
 */
typedef struct PhysPageEntry {
    uint32_t skip : 6;
    uint32_t ptr : 26;
} PhysPageEntry;

#define PHYS_MAP_NODE_NIL (((uint32_t)~0) >> 6)
#define PHYS_MAP_SUBPAGE (1u << 25)
typedef PhysPageEntry PhysPageNode[P_L2_SIZE];

/* Fixed section indexes in every dispatch. */
#define PHYS_SECTION_UNASSIGNED 0

/*
 * The nodes and sections of one dispatch, both arrays aligned to the cache
 * line, so that a lookup touches one line per node level and one for the
 * section it finds.
 */
typedef struct PhysPageMap {
    unsigned sections_nb;
    unsigned sections_nb_alloc;
    unsigned nodes_nb;
    unsigned nodes_nb_alloc;
    PhysPageNode *nodes;
    MemoryRegionSection *sections;
} PhysPageMap;

struct AddressSpaceDispatch {
    unsigned ref;
    AddressSpace *as;
    FlatView *view;                    /* the view it was built from (ref held) */
    MemoryRegionSection *mru_section;  /* last translation, tried first (never NULL) */
    PhysPageEntry phys_map;
    PhysPageMap map;
    /*
     * Private to memory/dispatch.c: the subpage regions made so far; the
     * records that subpage leaves name (per-byte-range section indexes,
     * cache-line aligned); the pieces of pages and facts about nodes noted
     * between begin and commit.
     */
    struct DispatchSubpage **subpages;
    unsigned subpages_nb;
    unsigned subpages_nb_alloc;
    union DispatchSubpageCell *subpage_cells;
    struct DispatchSubpagePiece *pieces;
    unsigned pieces_nb;
    unsigned pieces_nb_alloc;
    struct DispatchNodeInfo *node_info;
    unsigned node_info_alloc;
};

struct AddressSpace {
    char *name;
    MemoryRegion *root;
    FlatView *current_map;
    unsigned ioeventfd_nb;
    MemoryRegionIoeventfd *ioeventfds;   /* in address-space addresses, sorted */
    MemoryListener dispatch_listener;
    AddressSpaceDispatch *dispatch;      /* published at commit */
    AddressSpaceDispatch *next_dispatch; /* being built between begin and commit */
    TAILQ_ENTRY(AddressSpace) address_spaces_link;
};

/*
 * Make `as` (caller memory, overwritten) an address space over root (which
 * it keeps a reference on) named `name` ("anonymous" when NULL): its
 * dispatch is set up and its first view rendered and published at once (at
 * the outermost commit when inside a transaction).
 */
void address_space_init(AddressSpace *as, MemoryRegion *root, const char *name);
/*
 * Take the space down: its listeners see region_del for all its ranges and
 * eventfd_del for its ioeventfds (between a begin and a commit) at once,
 * even inside a transaction; then the dispatch, view and root reference are
 * dropped.  Readers holding a FlatView or dispatch reference keep theirs.
 */
void address_space_destroy(AddressSpace *as);
/* The current flat view, with a reference the caller must drop. */
FlatView *address_space_get_flatview(AddressSpace *as);
/* The current dispatch, with a reference: address_space_dispatch_unref. */
AddressSpaceDispatch *address_space_get_dispatch(AddressSpace *as);
void address_space_dispatch_unref(AddressSpaceDispatch *d);

/*
 * Translate addr: the section that holds it (never NULL: holes give the
 * "unassigned" section, with *xlat = addr), *xlat the offset within
 * section->mr, and *plen (in: the length wanted) clipped to what stays
 * inside that section; for a hole, to where the hole ends or the end of its
 * page.  Subpages are resolved to the section that owns the byte at addr.
 * The dispatch splits a FlatRange at the page boundaries of partly covered
 * pages, so *plen may stop at a page boundary inside one region; callers
 * loop.  The section pointer is valid until the next topology commit
 * (hold address_space_get_dispatch to keep it longer).
 */
MemoryRegionSection *address_space_translate(AddressSpace *as, hwaddr addr,
                                             hwaddr *xlat, hwaddr *plen);
/*
 * As address_space_translate, but on a page shared by several sections (or
 * partly covered by one) it returns the subpage's own section: an I/O region
 * (mr->subpage) of one page whose ops forward each access, at any size and
 * alignment, to the sections behind it; *xlat is then the offset in the
 * page.  What a TLB that caches whole pages needs.  The subpage lives as
 * long as its dispatch.
 */
MemoryRegionSection *address_space_translate_for_iotlb(AddressSpace *as, hwaddr addr,
                                                       hwaddr *xlat, hwaddr *plen);
/* Lookup in a given dispatch (the pure phys_map walk, for tests and TLB fill). */
MemoryRegionSection *address_space_dispatch_lookup(AddressSpaceDispatch *d, hwaddr addr,
                                                   bool resolve_subpage);
/* Was this section the unassigned one? */
bool memory_region_is_unassigned(const MemoryRegion *mr);

/* ------------------------------------------------------------------ */
/* Access functions                                                     */

/*
 * Read/write len bytes at addr, split at section boundaries: RAM is copied
 * directly (writes mark it dirty and notify the code-write hook), I/O goes
 * to the device in the widest accesses it allows, holes fail with
 * MEMTX_DECODE_ERROR (reads of holes fill zeros).  The whole range is
 * attempted; the result ORs the pieces' results.
 */
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs, void *buf,
                             hwaddr len, bool is_write);
MemTxResult address_space_read(AddressSpace *as, hwaddr addr, MemTxAttrs attrs, void *buf,
                               hwaddr len);
MemTxResult address_space_write(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                                const void *buf, hwaddr len);
/* As address_space_write, but also writes ROM (for loaders). */
MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                                    const void *buf, hwaddr len);

/* Little-endian loads and stores of 1, 2, 4, 8 bytes; result may be NULL. */
uint8_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                           MemTxResult *result);
uint16_t address_space_lduw_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result);
uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
void address_space_stb(AddressSpace *as, hwaddr addr, uint8_t val, MemTxAttrs attrs,
                       MemTxResult *result);
void address_space_stw_le(AddressSpace *as, hwaddr addr, uint16_t val, MemTxAttrs attrs,
                          MemTxResult *result);
void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val, MemTxAttrs attrs,
                          MemTxResult *result);
void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val, MemTxAttrs attrs,
                          MemTxResult *result);

/*
 * One access of memop_size(op) bytes to a terminating region (aliases are
 * followed) at offset addr: checks ops->valid, honours ioeventfds (a
 * matching write signals the notifier instead of calling the device),
 * adapts the size to ops->impl and converts between op's byte order and the
 * device's (DEVICE_NATIVE_ENDIAN is little-endian; a big-endian device read
 * with a little-endian op comes out byte-swapped).  The value read is
 * zero-extended: MO_SIGN is the caller's business.  RAM/ROM regions are
 * accessed in host memory (ROM writes ignored, reported with -d
 * guest_errors, and MEMTX_OK: real ROM does not fault); RAM accesses past
 * the block and refused device accesses are MEMTX_DECODE_ERROR, logged as
 * guest errors, and read as 0.
 */
MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr, uint64_t *pval,
                                        MemOp op, MemTxAttrs attrs);
MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr, uint64_t val,
                                         MemOp op, MemTxAttrs attrs);
bool memory_region_access_valid(MemoryRegion *mr, hwaddr addr, unsigned size,
                                bool is_write, MemTxAttrs attrs);

/* ------------------------------------------------------------------ */
/* I/O event notifiers                                                  */

struct EventNotifier {
    int rfd;
    int wfd;      /* the same Linux eventfd as rfd */
    bool initialized;
};

/* Create an eventfd (non-blocking); `active` starts it signalled.  0 or -errno. */
int event_notifier_init(EventNotifier *e, int active);
void event_notifier_cleanup(EventNotifier *e);
int event_notifier_set(EventNotifier *e);
/* Consume the signal; true if it was set. */
bool event_notifier_test_and_clear(EventNotifier *e);
int event_notifier_get_fd(const EventNotifier *e);

/*
 * A write of `size` bytes (0: any size) at region offset addr, with
 * data == `data` when match_data, signals e instead of reaching the device.
 * Listeners see eventfd_add/eventfd_del for the address-space ranges.
 */
void memory_region_add_eventfd(MemoryRegion *mr, hwaddr addr, unsigned size, bool match_data,
                               uint64_t data, EventNotifier *e);
void memory_region_del_eventfd(MemoryRegion *mr, hwaddr addr, unsigned size, bool match_data,
                               uint64_t data, EventNotifier *e);

/* ------------------------------------------------------------------ */
/* Printing                                                             */

/*
 * QEMU's `info mtree` (flat = false) and `info mtree -f` (flat = true), in
 * QEMU 7.2's layout.  Tree mode: for each group of address spaces sharing a
 * root (groups in the order they first appear), "address-space: NAME" for
 * each (sorted by name), then the root's tree, two spaces of indent a level,
 * children sorted by address then priority; then "memory-region: NAME" and
 * the tree of every region some printed alias points to (in the order first
 * met).  Disabled regions are not printed, though their subregions are, as
 * in QEMU.  Flat mode: "FlatView #n" for each distinct FlatView, the address
 * spaces that use it, its root, and its ranges (" @offset" when a range does
 * not start at its region's start; readonly ranges show as "rom").
 */
void mtree_print(FILE *out, bool flat);
/* As mtree_print; show_disabled prints disabled regions too, marked " [disabled]" (QEMU's -D). */
void mtree_print_full(FILE *out, bool flat, bool show_disabled);

#endif
