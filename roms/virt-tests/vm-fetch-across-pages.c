/*
 * roms/virt-tests/vm-fetch-across-pages.c: instruction fetch at page
 * boundaries under Sv39 (privileged spec v1.12, section 3.1.16 and 4.3):
 *   - a 32-bit instruction whose halves lie on two virtual pages mapped to
 *     physical pages that are not adjacent executes as one instruction;
 *   - when the second page is not mapped or not executable, the fetch is
 *     a page fault (12) with epc = the start of the instruction and tval =
 *     the address of the part that faulted (the start of the second page);
 *   - a compressed instruction in the last two bytes of the first page runs,
 *     and the fault comes on the next fetch, epc = tval = the second page.
 * Code runs in S-mode, faults are taken in M.
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
#define C_LI_A0(v) ((uint16_t)(0x4501 | (((v) & 0x1f) << 2)))     /* c.li a0, v */
#define C_JR_RA 0x8082u                                           /* c.jr ra */

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
     * then b: ret. */
    put16(a, 0xffe, (uint16_t)LI_A0(0x123));
    put16(b, 0, (uint16_t)(LI_A0(0x123) >> 16));
    put32(b, 2, RET);
    vm_map(root, 3, VA, a, 0, PTE_LEAF_ALL);
    vm_map(root, 3, VA + 0x1000, b, 0, PTE_LEAF_ALL);
    vm_fence_i();
    vm_enable(3, root);
    CHECK(1, vrt_call(PRV_S, ADDR(vrt_exec), VA + 0xffe, 0) == 0x123);
    CHECK(2, vtrap_m.count == 0);
    test_group_ok("a 32-bit instruction across two pages");

    /* Each case below runs at virtual addresses that ran no code before
     * (changing the mapping under code that ran: vm-remap-second-page.c). */

    /* The second page unmapped: VA2 -> a, VA2 + 4K unmapped. */
    uint64_t va2 = VA + 0x10000;
    vm_map(root, 3, va2, a, 0, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(10, vrt_call(PRV_S, ADDR(vrt_exec), va2 + 0xffe, 0) == VRT_NO_VALUE);
    CHECK(11, vtrap_m.count == 1);
    uint64_t cause_unmapped = vtrap_m.cause;
    CHECK(12, vtrap_m.epc == va2 + 0xffe);
    CHECK(13, vtrap_m.tval == va2 + 0x1000);
    vtrap_clear();
    test_group_ok("fetch fault on the second half: epc, tval");

    /* The second page without X: a fetch page fault, tval its start. */
    uint64_t va3 = VA + 0x20000;
    vm_map(root, 3, va3, a, 0, PTE_LEAF_ALL);
    vm_map(root, 3, va3 + 0x1000, b, 0, PTE_R | PTE_W | PTE_A | PTE_D);
    vm_sfence_all();
    CHECK(20, vrt_call(PRV_S, ADDR(vrt_exec), va3 + 0xffe, 0) == VRT_NO_VALUE);
    CHECK(21, vtrap_m.count == 1 && vtrap_m.epc == va3 + 0xffe &&
                  vtrap_m.tval == va3 + 0x1000);
    uint64_t cause_no_x = vtrap_m.cause;
    vtrap_clear();
    test_group_ok("second page not executable");

    /* A compressed instruction last on the page (c.li a0, 7 in page c),
     * then an unmapped page: c.li runs, the fetch at the next page faults
     * and returns to ra with that a0. */
    uint64_t va4 = VA + 0x30000;
    put16(c, 0xffe, C_LI_A0(7));
    vm_fence_i();
    vm_map(root, 3, va4, c, 0, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(30, vrt_call(PRV_S, ADDR(vrt_exec), va4 + 0xffe, 0) == 7);
    CHECK(31, vtrap_m.count == 1 && vtrap_m.cause == CAUSE_FETCH_PAGE);
    CHECK(32, vtrap_m.epc == va4 + 0x1000 && vtrap_m.tval == va4 + 0x1000);
    vtrap_clear();
    /* With a page mapped there (b, c.jr ra at its start): runs through. */
    uint64_t va5 = VA + 0x40000;
    vm_map(root, 3, va5, c, 0, PTE_LEAF_ALL);
    vm_map(root, 3, va5 + 0x1000, b, 0, PTE_LEAF_ALL);
    put16(b, 0, C_JR_RA);
    vm_fence_i();
    vm_sfence_all();
    CHECK(33, vrt_call(PRV_S, ADDR(vrt_exec), va5 + 0xffe, 0) == 7 && vtrap_m.count == 0);
    test_group_ok("a compressed instruction last on the page");

    /* Last, so that the rest runs first: the two faults on a second half
     * were instruction page faults (12), not access faults. */
    CHECK(40, cause_unmapped == CAUSE_FETCH_PAGE);
    CHECK(41, cause_no_x == CAUSE_FETCH_PAGE);
    test_group_ok("a fault on the second half is a page fault");
    vm_disable();
    return 0;
}
