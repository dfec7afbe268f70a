/*
 * roms/virt-tests/vm-sum-mxr-mprv-no-fence.c: mstatus.SUM, mstatus.MXR and
 * MPRV/MPP change how the next access is checked at once, with no
 * sfence.vma (privileged spec v1.12, sections 3.1.6.3 and 4.3.1: they are
 * status bits, not part of the page tables).  S-mode loads a page the bit
 * lets it read (so a TLB may hold the translation), flips the bit through
 * sstatus, and loads again: now it must fault, and the other way round.
 * The same for M-mode with MPRV when MPP changes from S to U.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vm.h"
#include "vtrap.h"

#define UPAGE (VM_TEST_VA + 0x1000)        /* U, R/W */
#define XPAGE (VM_TEST_VA + 0x2000)        /* S, X only */
#define SPAGE (VM_TEST_VA + 0x3000)        /* S, R/W */

struct results {
    uint64_t v[6];
    uint64_t traps[6];
};

/* S: load va with sstatus |= bit, then with it clear, then set again;
 * records each value and the M trap count after it (arg: the results,
 * bit 0 set for SUM, clear for MXR). */
static uint64_t s_toggle(uint64_t va, uint64_t arg)
{
    struct results *r = (struct results *)(uintptr_t)(arg & ~0xfull);
    uint64_t bit = (arg & 1) ? MSTATUS_SUM : MSTATUS_MXR;
    csr_set(sstatus, bit);
    r->v[0] = vrt_ld(va);
    r->traps[0] = vtrap_m.count;
    csr_clear(sstatus, bit);
    r->v[1] = vrt_ld(va);
    r->traps[1] = vtrap_m.count;
    csr_set(sstatus, bit);
    r->v[2] = vrt_ld(va);
    r->traps[2] = vtrap_m.count;
    csr_clear(sstatus, bit);
    /* And a store, for SUM. */
    if (arg & 1) {
        csr_set(sstatus, bit);
        vrt_sd(va + 8, 0x55);
        r->traps[3] = vtrap_m.count;
        csr_clear(sstatus, bit);
        vrt_sd(va + 16, 0x66);
        r->traps[4] = vtrap_m.count;
    }
    return 0;
}

/* M: ld with MPRV through MPP = S, then U, then S (no memory access
 * between setting MPRV and the load). */
uint64_t mprv_ld(uint64_t addr, uint64_t mpp);
__asm__(".text\n"
        ".globl mprv_ld\nmprv_ld:\n"
        "    li t1, 0x1800\n    csrc mstatus, t1\n"
        "    li t1, 0x20000\n    or t1, t1, a1\n    csrs mstatus, t1\n"
        "    mv t0, a0\n    li a0, 0x5a5a5a5a5a5a5a5a\n"
        "    ld a0, 0(t0)\n"
        "    li t1, 0x20000\n    csrc mstatus, t1\n    ret\n");

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 0);
    uint64_t *root = vm_setup(3, 0);
    uint64_t *p = vm_page();
    p[0] = 0x1234;
    vm_map(root, 3, UPAGE, ADDR(p), 0, PTE_R | PTE_W | PTE_U | PTE_A | PTE_D);
    vm_map(root, 3, XPAGE, ADDR(p), 0, PTE_X | PTE_A | PTE_D);
    vm_map(root, 3, SPAGE, ADDR(p), 0, PTE_R | PTE_W | PTE_A | PTE_D);
    vm_enable(3, root);
    csr_clear(mstatus, MSTATUS_SUM | MSTATUS_MXR);

    static struct results r __attribute__((aligned(16)));
    vrt_call(PRV_S, ADDR(s_toggle), UPAGE, ADDR(&r) | 1);
    CHECK(1, r.v[0] == 0x1234 && r.traps[0] == 0);
    CHECK(2, r.v[1] == VRT_NO_VALUE && r.traps[1] == 1);
    CHECK(3, r.v[2] == 0x1234 && r.traps[2] == 1);
    CHECK(4, r.traps[3] == 1 && p[1] == 0x55);
    CHECK(5, r.traps[4] == 2 && p[2] == 0);
    CHECK(6, vtrap_m.cause == CAUSE_STORE_PAGE && vtrap_m.tval == UPAGE + 16);
    vtrap_clear();
    test_group_ok("SUM takes effect without a fence");

    vrt_call(PRV_S, ADDR(s_toggle), XPAGE, ADDR(&r));
    CHECK(10, r.v[0] == 0x1234 && r.traps[0] == 0);
    CHECK(11, r.v[1] == VRT_NO_VALUE && r.traps[1] == 1);
    CHECK(12, vtrap_m.cause == CAUSE_LOAD_PAGE && vtrap_m.tval == XPAGE);
    CHECK(13, r.v[2] == 0x1234 && r.traps[2] == 1);
    vtrap_clear();
    test_group_ok("MXR takes effect without a fence");

    CHECK(20, mprv_ld(SPAGE, MSTATUS_MPP_S) == 0x1234 && vtrap_m.count == 0);
    CHECK(21, mprv_ld(SPAGE, 0) == VRT_NO_VALUE && vtrap_m.count == 1);
    CHECK(22, mprv_ld(SPAGE, MSTATUS_MPP_S) == 0x1234 && vtrap_m.count == 1);
    CHECK(23, mprv_ld(UPAGE, 0) == 0x1234 && vtrap_m.count == 1);
    CHECK(24, mprv_ld(UPAGE, MSTATUS_MPP_S) == VRT_NO_VALUE && vtrap_m.count == 2);
    /* MXR through MPRV too. */
    CHECK(25, mprv_ld(XPAGE, MSTATUS_MPP_S) == VRT_NO_VALUE && vtrap_m.count == 3);
    csr_set(mstatus, MSTATUS_MXR);
    CHECK(26, mprv_ld(XPAGE, MSTATUS_MPP_S) == 0x1234 && vtrap_m.count == 3);
    csr_clear(mstatus, MSTATUS_MXR);
    CHECK(27, mprv_ld(XPAGE, MSTATUS_MPP_S) == VRT_NO_VALUE && vtrap_m.count == 4);
    csr_set(mstatus, MSTATUS_MPP);
    test_group_ok("MPRV with a changed MPP or MXR without a fence");
    vm_disable();
    return 0;
}
