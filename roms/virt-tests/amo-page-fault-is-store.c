/*
 * roms/virt-tests/amo-page-fault-is-store.c: an AMO or SC that faults in
 * translation raises a store/AMO page fault (cause 15), never a load page
 * fault, whatever the page lacks (privileged spec v1.12, section 3.1.15:
 * AMOs "raise store/AMO exceptions"; the A extension: an AMO's read-modify-
 * write is one store access).  Checked with an unmapped page, a read-only
 * page and a page without R or W, taken in M-mode and delegated to S.
 * QEMU 7.2 reports cause 13 for an AMO on an unmapped page.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vm.h"
#include "vtrap.h"

uint64_t sc_probe(uint64_t addr, uint64_t value);
extern const char sc_probe_insn[];
__asm__(".text\n.option push\n.option norvc\n"
        ".globl sc_probe\nsc_probe:\n"
        "    mv t0, a0\n    li a0, 7\n"
        "sc_probe_insn:\n    sc.d a0, a1, (t0)\n    ret\n"
        ".option pop\n");

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 0);
    uint64_t *root = vm_setup(3, 0);
    uint64_t page = ADDR(vm_page());
    uint64_t unmapped = VM_TEST_VA;
    uint64_t ro = VM_TEST_VA + 0x1000;
    uint64_t xonly = VM_TEST_VA + 0x2000;
    vm_map(root, 3, ro, page, 0, PTE_R | PTE_A | PTE_D);
    vm_map(root, 3, xonly, page, 0, PTE_X | PTE_A | PTE_D);
    vm_enable(3, root);

    const uint64_t va[3] = { unmapped + 8, ro + 16, xonly + 24 };
    for (unsigned i = 0; i < 3; i++) {
        unsigned n = 10 * (i + 1);
        vtrap_clear();
        CHECK(n, vrt_call(PRV_S, ADDR(vrt_amoadd_d), va[i], 1) == VRT_NO_VALUE);
        CHECK(n + 1, vtrap_is(&vtrap_m, 1, CAUSE_STORE_PAGE, ADDR(vrt_amoadd_d_insn), va[i]));
        /* SC: a store, but it may also just fail; if it traps, as a store. */
        vtrap_clear();
        uint64_t r = vrt_call(PRV_S, ADDR(sc_probe), va[i], 1);
        CHECK(n + 2, (vtrap_m.count == 0 && r != 0) ||
                         vtrap_is(&vtrap_m, 1, CAUSE_STORE_PAGE, ADDR(sc_probe_insn), va[i]));
        /* Delegated: scause 15 as well. */
        csr_write(medeleg, 1 << CAUSE_STORE_PAGE | 1 << CAUSE_LOAD_PAGE);
        vtrap_clear();
        CHECK(n + 3, vrt_call(PRV_S, ADDR(vrt_amoadd_d), va[i], 1) == VRT_NO_VALUE);
        CHECK(n + 4, vtrap_m.count == 0 &&
                         vtrap_is(&vtrap_s, 1, CAUSE_STORE_PAGE, ADDR(vrt_amoadd_d_insn), va[i]));
        csr_write(medeleg, 0);
    }
    test_group_ok("AMO page fault is a store page fault");
    vm_disable();
    return 0;
}
