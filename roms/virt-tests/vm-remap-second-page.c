/*
 * roms/virt-tests/vm-remap-second-page.c: a 32-bit instruction whose halves
 * lie on two virtual pages runs; then the second page is remapped to a
 * physical page holding a different upper half (the first page's mapping
 * and bytes unchanged) and sfence.vma executed: the instruction made of the
 * new bytes must run (privileged spec v1.12, section 4.2.1: after the fence
 * the new mapping is used for every implicit access, instruction fetches
 * included).  The second page is then unmapped: a fetch page fault with
 * epc = the instruction, tval = the second page.  A translated block keyed
 * by its first page only would run the old instruction both times.
 */
#include <stdint.h>
#include <string.h>

#include "test.h"
#include "virt.h"
#include "vm.h"
#include "vtrap.h"

#define VA (VM_TEST_VA + 0x40000)

static uint64_t *root;

/* Put the 16-bit parcels at byte offset `off` of page p. */
static void put16(uint64_t p, unsigned off, uint16_t v)
{
    memcpy((void *)(uintptr_t)(p + off), &v, 2);
}

static void put32(uint64_t p, unsigned off, uint32_t v)
{
    memcpy((void *)(uintptr_t)(p + off), &v, 4);
}

#define LI_A0(v) (0x00000513u | ((uint32_t)((v) & 0xfff) << 20))  /* addi a0, x0, v */
#define RET 0x00008067u                                           /* jalr x0, 0(ra) */

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 0);
    root = vm_setup(3, 0);

    /* Three physical pages, none adjacent to the next in the mapping. */
    uint64_t a = ADDR(vm_page());
    (void)vm_page();
    uint64_t b = ADDR(vm_page());
    (void)vm_page();
    uint64_t c = ADDR(vm_page());

    /* VA: a, VA + 4K: b.  At VA + 0xffe: addi a0, x0, 0x123 split in two;
     * then b: ret.  c holds another second half (addi a0, x0, 0x456). */
    put16(a, 0xffe, (uint16_t)LI_A0(0x123));
    put16(b, 0, (uint16_t)(LI_A0(0x123) >> 16));
    put32(b, 2, RET);
    put16(c, 0, (uint16_t)(LI_A0(0x456) >> 16));
    put32(c, 2, RET);
    vm_map(root, 3, VA, a, 0, PTE_LEAF_ALL);
    vm_map(root, 3, VA + 0x1000, b, 0, PTE_LEAF_ALL);
    vm_fence_i();
    vm_enable(3, root);

    CHECK(1, vrt_call(PRV_S, ADDR(vrt_exec), VA + 0xffe, 0) == 0x123);
    CHECK(2, vtrap_m.count == 0);
    /* The second page remapped: the new upper half. */
    *vm_pte(root, 3, VA + 0x1000, 0) = vm_make_pte(c, PTE_LEAF_ALL | PTE_V);
    vm_sfence_all();
    CHECK(3, vrt_call(PRV_S, ADDR(vrt_exec), VA + 0xffe, 0) == 0x456);
    test_group_ok("remapping the second page of an instruction");

    /* The second page unmapped. */
    *vm_pte(root, 3, VA + 0x1000, 0) = 0;
    vm_sfence_all();
    CHECK(10, vrt_call(PRV_S, ADDR(vrt_exec), VA + 0xffe, 0) == VRT_NO_VALUE);
    CHECK(11, vtrap_is(&vtrap_m, 1, CAUSE_FETCH_PAGE, VA + 0xffe, VA + 0x1000));
    test_group_ok("unmapping the second page of an instruction");
    vm_disable();
    return 0;
}
