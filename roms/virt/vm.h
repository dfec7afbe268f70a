/*
 * roms/virt/vm.h: page-table helpers for the virt-board tests (Sv39, Sv48
 * and Sv57; privileged spec v1.12, sections 4.3-4.5).  Tables and test
 * pages come from a static pool of zeroed 4 KiB pages; a "level" is 0 for
 * a 4 KiB leaf, 1 for 2 MiB, 2 for 1 GiB, 3 for 512 GiB (Sv48 and Sv57),
 * 4 for 256 TiB (Sv57).
 *
 * vm_setup() builds the mapping every test starts from: identity 1 GiB
 * pages for the devices (0-1 GiB: test finisher, CLINT, PLIC, UART) and for
 * RAM (2-3 GiB), S-mode, R/W/X, A and D set, so that the program, its
 * stack, the trap handlers and the console work unchanged in S-mode; and,
 * if asked, a U-mode alias of RAM at VM_USER_ALIAS (3-4 GiB): code run with
 * vrt_call_offset(PRV_U, fn, arg, VM_USER_ALIAS) reaches its stack and data
 * through it.  Test mappings go elsewhere (VM_TEST_VA and up).
 */
#ifndef ROMS_VIRT_VM_H
#define ROMS_VIRT_VM_H

#include <stdint.h>

#define PTE_V   0x001ull
#define PTE_R   0x002ull
#define PTE_W   0x004ull
#define PTE_X   0x008ull
#define PTE_U   0x010ull
#define PTE_G   0x020ull
#define PTE_A   0x040ull
#define PTE_D   0x080ull
#define PTE_RWX (PTE_R | PTE_W | PTE_X)
#define PTE_LEAF_ALL (PTE_V | PTE_RWX | PTE_A | PTE_D)

#define VM_PAGE         4096ull
#define VM_LEVEL_SIZE(level) (VM_PAGE << (9 * (level)))

/* The U-mode alias of RAM: VM_USER_ALIAS + pa - VIRT_RAM_BASE. */
#define VM_USER_ALIAS   0x40000000ull   /* add to an identity address */
/* Where tests put their own mappings: above 4 GiB, below Sv39's 256 GiB. */
#define VM_TEST_VA      0x100000000ull

#define VM_POOL_PAGES   48

/* A zeroed page from the pool (exits 253 when the pool is used up). */
uint64_t *vm_page(void);

/* Return every page to the pool (their contents are zeroed again on reuse). */
void vm_pool_reset(void);

/* A new root table for an Sv39 (levels 3), Sv48 (4) or Sv57 (5) mapping. */
uint64_t *vm_new_root(void);

/*
 * Pointer to the PTE for va at `level` under root (a table of `levels`
 * levels), creating the tables on the way (non-leaf PTEs, V only); NULL if
 * a leaf above `level` is in the way.
 */
uint64_t *vm_pte(uint64_t *root, unsigned levels, uint64_t va, unsigned level);

/* Map va -> pa with a leaf at level, PTE flags as given (V is added). */
void vm_map(uint64_t *root, unsigned levels, uint64_t va, uint64_t pa, unsigned level,
            uint64_t flags);

/* A PTE value: pa's page number with flags. */
static inline uint64_t vm_make_pte(uint64_t pa, uint64_t flags)
{
    return ((pa >> 12) << 10) | flags;
}

/* The identity mappings described above; with user_alias, the U alias too. */
uint64_t *vm_setup(unsigned levels, int user_alias);

/* satp for root with `levels` (Sv39 = 3, Sv48 = 4, Sv57 = 5), ASID 0. */
uint64_t vm_satp(unsigned levels, uint64_t *root);

/* Write satp and flush (sfence.vma x0, x0): M or S mode. */
void vm_enable(unsigned levels, uint64_t *root);
void vm_disable(void);

static inline void vm_sfence_all(void)
{
    __asm__ __volatile__("sfence.vma" ::: "memory");
}

static inline void vm_sfence_va(uint64_t va)
{
    __asm__ __volatile__("sfence.vma %0, zero" :: "r"(va) : "memory");
}

static inline void vm_fence_i(void)
{
    __asm__ __volatile__("fence.i" ::: "memory");
}

#endif
