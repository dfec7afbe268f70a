/*
 * roms/virt/vm.c: the page-table helpers of vm.h.  The pool is in .bss
 * (zeroed by crt0), page-aligned, and handed out in order.
 */
#include <stdint.h>
#include <string.h>

#include "virt.h"
#include "vm.h"

static uint8_t vm_pool[VM_POOL_PAGES][VM_PAGE] __attribute__((aligned(4096)));
static unsigned vm_pool_used;

uint64_t *vm_page(void)
{
    if (vm_pool_used >= VM_POOL_PAGES) {
        vrt_puts("vm: page pool exhausted\n");
        vrt_exit(253);
    }
    uint8_t *p = vm_pool[vm_pool_used++];
    memset(p, 0, VM_PAGE);
    return (uint64_t *)p;
}

void vm_pool_reset(void)
{
    vm_pool_used = 0;
}

uint64_t *vm_new_root(void)
{
    return vm_page();
}

uint64_t *vm_pte(uint64_t *root, unsigned levels, uint64_t va, unsigned level)
{
    uint64_t *table = root;
    for (unsigned l = levels - 1;; l--) {
        uint64_t *pte = &table[(va >> (12 + 9 * l)) & 511];
        if (l == level)
            return pte;
        if (!(*pte & PTE_V)) {
            *pte = vm_make_pte(ADDR(vm_page()), PTE_V);
        } else if (*pte & (PTE_R | PTE_X)) {
            return 0;
        }
        table = (uint64_t *)(uintptr_t)((*pte >> 10) << 12);
    }
}

void vm_map(uint64_t *root, unsigned levels, uint64_t va, uint64_t pa, unsigned level,
            uint64_t flags)
{
    uint64_t *pte = vm_pte(root, levels, va, level);
    if (!pte) {
        vrt_puts("vm: a superpage is in the way\n");
        vrt_exit(253);
    }
    *pte = vm_make_pte(pa, flags | PTE_V);
}

uint64_t *vm_setup(unsigned levels, int user_alias)
{
    uint64_t *root = vm_new_root();
    vm_map(root, levels, 0, 0, 2, PTE_R | PTE_W | PTE_A | PTE_D);
    vm_map(root, levels, VIRT_RAM_BASE, VIRT_RAM_BASE, 2, PTE_LEAF_ALL);
    if (user_alias)
        vm_map(root, levels, VIRT_RAM_BASE + VM_USER_ALIAS, VIRT_RAM_BASE, 2,
               PTE_LEAF_ALL | PTE_U);
    return root;
}

uint64_t vm_satp(unsigned levels, uint64_t *root)
{
    uint64_t mode = levels == 5 ? SATP_MODE_SV57 : levels == 4 ? SATP_MODE_SV48 : SATP_MODE_SV39;
    return mode << 60 | ADDR(root) >> 12;
}

void vm_enable(unsigned levels, uint64_t *root)
{
    csr_write(satp, vm_satp(levels, root));
    vm_sfence_all();
}

void vm_disable(void)
{
    csr_write(satp, 0);
    vm_sfence_all();
}
