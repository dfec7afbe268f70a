/*
 * roms/virt-tests/vm-tests.h: the page-table tests, written once for Sv39,
 * Sv48 and Sv57 (vm-sv39.c, vm-sv48.c and vm-sv57.c define VM_LEVELS and
 * include this).  Expected behaviour from the privileged spec v1.12,
 * sections 4.3-4.5:
 *   - 4 KiB pages and superpages (2 MiB, 1 GiB, 512 GiB with Sv48 and Sv57,
 *     256 TiB with Sv57) map the
 *     offset below their size; a superpage whose PPN is not aligned to its
 *     size is a page fault;
 *   - the walk sets A on any access and D on a store (the hart updates them
 *     in hardware, as lemu and QEMU do; the spec also allows a fault), and
 *     never sets D for a load or a fetch;
 *   - SUM lets S load and store U pages, never fetch from them; MXR makes
 *     execute-only pages readable; U-mode cannot touch S pages;
 *   - V = 0, W without R, reserved bits 63:54 (no Svpbmt/Svnapot), a
 *     pointer PTE at the last level, and a virtual address that is not
 *     sign-extended are page faults; stval is the virtual address (for a
 *     misaligned access crossing into a bad page: the address of the part
 *     that faulted, the start of that page);
 *   - MPRV with MPP = S or U translates M-mode loads and stores;
 *   - PMP checks the walk's own PTE reads as S-mode accesses: a denied one is
 *     an access fault of the original access type.
 * Nothing is delegated: every fault is taken in M (vtrap_m).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vm.h"
#include "vtrap.h"

#define L VM_LEVELS

#define TEST_PA  0x84000000ull      /* 2 MiB-aligned, far from the program */
#define VA_4K    (VM_TEST_VA)
#define VA_2M    (VM_TEST_VA + 0x200000)
#define VA_1G    (VM_TEST_VA + 0x40000000)
#define VA_512G  0x8000000000ull    /* Sv48: root entry 1 */
#define VA_256T  0x1000000000000ull /* Sv57: root entry 1 */

static uint64_t *root;

/* M-mode: one load or store with MPRV = 1 and MPP = mpp (mstatus bits),
 * all in assembly so that no stack access happens meanwhile; MPRV is
 * cleared after.  The load returns VRT_NO_VALUE if it trapped. */
uint64_t mprv_ld(uint64_t addr, uint64_t mpp);
void mprv_sd(uint64_t addr, uint64_t mpp);
extern const char mprv_ld_insn[], mprv_sd_insn[];
__asm__(".text\n.option push\n.option norvc\n"
        ".globl mprv_ld\n.globl mprv_ld_insn\nmprv_ld:\n"
        "    li t1, 0x1800\n    csrc mstatus, t1\n"
        "    li t1, 0x20000\n    or t1, t1, a1\n    csrs mstatus, t1\n"
        "    mv t0, a0\n    li a0, 0x5a5a5a5a5a5a5a5a\n"
        "mprv_ld_insn:\n    ld a0, 0(t0)\n"
        "    li t1, 0x20000\n    csrc mstatus, t1\n    ret\n"
        ".globl mprv_sd\n.globl mprv_sd_insn\nmprv_sd:\n"
        "    li t1, 0x1800\n    csrc mstatus, t1\n"
        "    li t1, 0x20000\n    or t1, t1, a1\n    csrs mstatus, t1\n"
        "mprv_sd_insn:\n    sd a0, 0(a0)\n"
        "    li t1, 0x20000\n    csrc mstatus, t1\n    ret\n"
        ".option pop\n");

/* One fault, taken in M: cause, epc, tval. */
static void check_fault(unsigned n, uint64_t cause, uint64_t epc, uint64_t tval)
{
    CHECK(n, vtrap_is(&vtrap_m, 1, cause, epc, tval));
    vtrap_clear();
}

static void check_no_trap(unsigned n)
{
    CHECK(n, vtrap_m.count == 0 && vtrap_s.count == 0);
}

static uint64_t s_ld(uint64_t va)
{
    return vrt_call(PRV_S, ADDR(vrt_ld), va, 0);
}

static void s_sd(uint64_t va, uint64_t v)
{
    vrt_call(PRV_S, ADDR(vrt_sd), va, v);
}

static uint64_t s_exec(uint64_t va)
{
    return vrt_call(PRV_S, ADDR(vrt_exec), va, 0);
}

static uint64_t u_ld(uint64_t va)
{
    return vrt_call_offset(PRV_U, ADDR(vrt_ld), va, 0, VM_USER_ALIAS);
}

static void u_sd(uint64_t va, uint64_t v)
{
    vrt_call_offset(PRV_U, ADDR(vrt_sd), va, v, VM_USER_ALIAS);
}

static uint64_t u_exec(uint64_t va)
{
    return vrt_call_offset(PRV_U, ADDR(vrt_exec), va, 0, VM_USER_ALIAS);
}

static uint64_t *pa_ptr(uint64_t pa)
{
    return (uint64_t *)(uintptr_t)pa;
}

/* A fresh page holding `li a0, value; ret` at offset 0 and data after. */
static uint64_t code_page(int value)
{
    uint64_t *p = vm_page();
    p[0] = vrt_code_li_ret(value);
    for (unsigned i = 1; i < 512; i++)
        p[i] = 0x1111111111111111ull * (i & 15);
    vm_fence_i();
    return ADDR(p);
}

static void test_pages(void)
{
    uint64_t pa = code_page(1);
    vm_map(root, L, VA_4K, pa, 0, PTE_LEAF_ALL);
    vm_map(root, L, VA_4K + 0x3000, pa, 0, PTE_LEAF_ALL);    /* an alias */
    vm_sfence_all();
    CHECK(1, s_ld(VA_4K + 8) == 0x1111111111111111ull);
    s_sd(VA_4K + 16, 0x1230);
    CHECK(2, pa_ptr(pa)[2] == 0x1230);
    CHECK(3, s_ld(VA_4K + 0x3000 + 16) == 0x1230);
    CHECK(4, s_exec(VA_4K) == 1);
    CHECK(5, s_exec(VA_4K + 0x3000) == 1);
    pa_ptr(pa)[511] = 0xfeed;
    CHECK(6, s_ld(VA_4K + 4088) == 0xfeed);
    check_no_trap(7);
    test_group_ok("4 KiB pages");
}

static void test_superpages(void)
{
    uint64_t *tp = pa_ptr(TEST_PA);
    tp[0x1230 / 8] = 0xa2a2;
    tp[(0x200000 - 8) / 8] = 0xb2b2;

    vm_map(root, L, VA_2M, TEST_PA, 1, PTE_LEAF_ALL);
    vm_map(root, L, VA_1G, VIRT_RAM_BASE, 2, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(10, s_ld(VA_2M + 0x1230) == 0xa2a2);
    CHECK(11, s_ld(VA_2M + 0x200000 - 8) == 0xb2b2);
    CHECK(12, s_ld(VA_1G + TEST_PA - VIRT_RAM_BASE + 0x1230) == 0xa2a2);
    s_sd(VA_1G + TEST_PA - VIRT_RAM_BASE + 0x1238, 0xc3c3);
    CHECK(13, tp[0x1238 / 8] == 0xc3c3);
#if L >= 4
    vm_map(root, L, VA_512G, 0, 3, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(14, s_ld(VA_512G + TEST_PA + 0x1230) == 0xa2a2);
    CHECK(15, s_ld(VA_512G + TEST_PA + 0x200000 - 8) == 0xb2b2);
#endif
#if L == 5
    vm_map(root, L, VA_256T, 0, 4, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(17, s_ld(VA_256T + TEST_PA + 0x1230) == 0xa2a2);
#endif
    check_no_trap(16);
    test_group_ok("superpages");

    /* Misaligned superpages: page faults. */
    uint64_t va = VA_2M + 0x400000;                             /* 2 MiB */
    vm_map(root, L, va, TEST_PA + 0x1000, 1, PTE_LEAF_ALL);
    uint64_t va1g = VA_1G + 0x40000000;                         /* 1 GiB */
    vm_map(root, L, va1g, VIRT_RAM_BASE + 0x200000, 2, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(20, s_ld(va + 0x10) == VRT_NO_VALUE);
    check_fault(21, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), va + 0x10);
    s_sd(va + 0x18, 1);
    check_fault(22, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn), va + 0x18);
    CHECK(23, s_ld(va1g + 0x20) == VRT_NO_VALUE);
    check_fault(24, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), va1g + 0x20);
#if L >= 4
    uint64_t va512 = 2 * VA_512G;
    vm_map(root, L, va512, VIRT_RAM_BASE, 3, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(25, s_ld(va512 + 0x28) == VRT_NO_VALUE);
    check_fault(26, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), va512 + 0x28);
#endif
#if L == 5
    uint64_t va256t = 2 * VA_256T;
    vm_map(root, L, va256t, 0x8000000000ull, 4, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(27, s_ld(va256t + 0x30) == VRT_NO_VALUE);
    check_fault(28, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), va256t + 0x30);
#endif
    test_group_ok("misaligned superpages fault");
}

static void test_accessed_dirty(void)
{
    uint64_t pa = code_page(2);
    uint64_t va = VA_4K + 0x10000;
    vm_map(root, L, va, pa, 0, PTE_R | PTE_W | PTE_X);
    vm_map(root, L, va + 0x1000, pa, 0, PTE_R | PTE_W | PTE_X);
    vm_map(root, L, va + 0x2000, pa, 0, PTE_R | PTE_W | PTE_X);
    uint64_t *pte = vm_pte(root, L, va, 0);
    uint64_t *pte2 = vm_pte(root, L, va + 0x1000, 0);
    uint64_t *pte3 = vm_pte(root, L, va + 0x2000, 0);
    vm_sfence_all();

    CHECK(30, s_ld(va + 8) == 0x1111111111111111ull);
    CHECK(31, (*pte & (PTE_A | PTE_D)) == PTE_A);
    s_sd(va + 8, 5);
    CHECK(32, (*pte & (PTE_A | PTE_D)) == (PTE_A | PTE_D));
    CHECK(33, pa_ptr(pa)[1] == 5);
    /* A store to a page never touched sets both. */
    s_sd(va + 0x1000 + 16, 6);
    CHECK(34, (*pte2 & (PTE_A | PTE_D)) == (PTE_A | PTE_D));
    /* A fetch sets A only. */
    CHECK(35, s_exec(va + 0x2000) == 2);
    CHECK(36, (*pte3 & (PTE_A | PTE_D)) == PTE_A);
    /* The rest of the PTE is unchanged. */
    CHECK(37, *pte == vm_make_pte(pa, PTE_V | PTE_RWX | PTE_A | PTE_D));

    /* A 2 MiB page: the leaf's A and D. */
    uint64_t va2 = VA_2M + 0x800000;
    vm_map(root, L, va2, TEST_PA, 1, PTE_R | PTE_W);
    uint64_t *pte4 = vm_pte(root, L, va2, 1);
    vm_sfence_all();
    s_ld(va2 + 0x1230);
    CHECK(38, (*pte4 & (PTE_A | PTE_D)) == PTE_A);
    s_sd(va2 + 0x100000, 7);
    CHECK(39, (*pte4 & (PTE_A | PTE_D)) == (PTE_A | PTE_D));
    CHECK(40, pa_ptr(TEST_PA + 0x100000)[0] == 7);

    /* After A is cleared (and the TLB flushed) the next access sets it again. */
    *pte &= ~(PTE_A | PTE_D);
    vm_sfence_all();
    s_ld(va);
    CHECK(41, (*pte & (PTE_A | PTE_D)) == PTE_A);
    /* D cleared while A stays: a store after a load on the same page. */
    s_ld(va + 24);
    s_sd(va + 24, 8);
    CHECK(42, (*pte & (PTE_A | PTE_D)) == (PTE_A | PTE_D));
    check_no_trap(43);
    test_group_ok("A and D set by the walk");
}

static void test_sum_mxr_u(void)
{
    uint64_t pa = code_page(3);
    uint64_t upage = VA_4K + 0x20000;       /* U, R/W/X */
    uint64_t xonly = VA_4K + 0x21000;       /* S, X only */
    uint64_t ronly = VA_4K + 0x22000;       /* S, R only */
    uint64_t uxonly = VA_4K + 0x23000;      /* U, X only */
    vm_map(root, L, upage, pa, 0, PTE_LEAF_ALL | PTE_U);
    vm_map(root, L, xonly, pa, 0, PTE_X | PTE_A | PTE_D);
    vm_map(root, L, ronly, pa, 0, PTE_R | PTE_A | PTE_D);
    vm_map(root, L, uxonly, pa, 0, PTE_X | PTE_U | PTE_A | PTE_D);
    vm_sfence_all();

    /* SUM = 0: S cannot load or store a U page. */
    csr_clear(mstatus, MSTATUS_SUM | MSTATUS_MXR);
    CHECK(50, s_ld(upage + 8) == VRT_NO_VALUE);
    check_fault(51, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), upage + 8);
    s_sd(upage + 16, 1);
    check_fault(52, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn), upage + 16);
    /* SUM = 1: it can; still no fetch. */
    csr_set(mstatus, MSTATUS_SUM);
    CHECK(53, s_ld(upage + 8) == 0x1111111111111111ull);
    s_sd(upage + 16, 0x5u);
    CHECK(54, pa_ptr(pa)[2] == 5);
    CHECK(55, s_exec(upage) == VRT_NO_VALUE);
    check_fault(56, CAUSE_FETCH_PAGE, upage, upage);
    csr_clear(mstatus, MSTATUS_SUM);
    test_group_ok("SUM");

    /* MXR: execute-only pages become readable, for S and U. */
    CHECK(60, s_ld(xonly + 8) == VRT_NO_VALUE);
    check_fault(61, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), xonly + 8);
    CHECK(62, s_exec(xonly) == 3);
    CHECK(63, u_ld(uxonly + 8) == VRT_NO_VALUE);
    check_fault(64, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn) + VM_USER_ALIAS, uxonly + 8);
    csr_set(mstatus, MSTATUS_MXR);
    CHECK(65, s_ld(xonly + 8) == 0x1111111111111111ull);
    CHECK(66, u_ld(uxonly + 8) == 0x1111111111111111ull);
    s_sd(xonly + 8, 1);                    /* MXR gives no write */
    check_fault(67, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn), xonly + 8);
    csr_clear(mstatus, MSTATUS_MXR);
    /* No X: no fetch; no W: no store. */
    CHECK(68, s_exec(ronly) == VRT_NO_VALUE);
    check_fault(69, CAUSE_FETCH_PAGE, ronly, ronly);
    s_sd(ronly, 1);
    check_fault(70, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn), ronly);
    test_group_ok("MXR, R, W, X");

    /* U-mode: its own pages yes, S pages no. */
    CHECK(71, u_ld(upage + 8) == 0x1111111111111111ull);
    u_sd(upage + 24, 9);
    CHECK(72, pa_ptr(pa)[3] == 9);
    CHECK(73, u_exec(upage) == 3);
    CHECK(74, u_exec(uxonly) == 3);
    check_no_trap(75);
    CHECK(76, u_ld(ronly) == VRT_NO_VALUE);
    check_fault(77, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn) + VM_USER_ALIAS, ronly);
    u_sd(VA_4K + 8, 1);
    check_fault(78, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn) + VM_USER_ALIAS, VA_4K + 8);
    CHECK(79, u_exec(xonly) == VRT_NO_VALUE);
    check_fault(80, CAUSE_FETCH_PAGE, xonly, xonly);
    /* SUM does not let U into S pages. */
    csr_set(mstatus, MSTATUS_SUM);
    CHECK(81, u_ld(VA_4K + 8) == VRT_NO_VALUE);
    check_fault(82, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn) + VM_USER_ALIAS, VA_4K + 8);
    csr_clear(mstatus, MSTATUS_SUM);
    test_group_ok("U bit");
}

static void test_bad_ptes(void)
{
    uint64_t pa = code_page(4);
    uint64_t va = VA_4K + 0x40000;
    uint64_t bad[5] = {
        vm_make_pte(pa, PTE_RWX | PTE_A | PTE_D),                   /* V = 0 */
        vm_make_pte(pa, PTE_V | PTE_W | PTE_A | PTE_D),             /* W without R */
        vm_make_pte(pa, PTE_V | PTE_W | PTE_X | PTE_A | PTE_D),     /* W without R */
        vm_make_pte(pa, PTE_LEAF_ALL) | 1ull << 60,                 /* reserved */
        vm_make_pte(pa, PTE_LEAF_ALL) | 1ull << 54,                 /* reserved */
    };
    for (unsigned i = 0; i < 5; i++) {
        uint64_t v = va + 0x1000 * i;
        vm_map(root, L, v, pa, 0, 0);
        *vm_pte(root, L, v, 0) = bad[i];
    }
    vm_sfence_all();
    for (unsigned i = 0; i < 5; i++) {
        uint64_t v = va + 0x1000 * i;
        unsigned n = 90 + 4 * i;
        CHECK(n, s_ld(v + 8) == VRT_NO_VALUE);
        check_fault(n + 1, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), v + 8);
        s_sd(v + 16, 1);
        check_fault(n + 2, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn), v + 16);
        CHECK(n + 3, s_exec(v) == VRT_NO_VALUE);
        check_fault(n + 3, CAUSE_FETCH_PAGE, v, v);
    }
    /* The walk did not touch them. */
    for (unsigned i = 0; i < 5; i++)
        CHECK(110 + i, *vm_pte(root, L, va + 0x1000 * i, 0) == bad[i]);

    /* A pointer (V, no R/W/X) at the last level. */
    uint64_t vp = va + 0x10000;
    vm_map(root, L, vp, pa, 0, 0);
    *vm_pte(root, L, vp, 0) = vm_make_pte(pa, PTE_V);
    vm_sfence_all();
    CHECK(115, s_ld(vp) == VRT_NO_VALUE);
    check_fault(116, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), vp);

    /* Not sign-extended from the top translated bit. */
    uint64_t top = 1ull << (12 + 9 * L - 1);
    uint64_t noncanon[3] = { top, ~(top - 1) & ~(1ull << 63), VIRT_RAM_BASE | 1ull << 62 };
    for (unsigned i = 0; i < 3; i++) {
        CHECK(117, s_ld(noncanon[i]) == VRT_NO_VALUE);
        check_fault(118 + i, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), noncanon[i]);
    }
    test_group_ok("invalid and reserved PTEs, non-canonical addresses");

    /* A misaligned load crossing into an unmapped page: stval is the part
     * that faulted, the start of the second page. */
    uint64_t vc = VA_4K + 0x60000;
    vm_map(root, L, vc, pa, 0, PTE_LEAF_ALL);
    vm_sfence_all();
    CHECK(125, s_ld(vc + 0xffc) == VRT_NO_VALUE);
    check_fault(126, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), vc + 0x1000);
    s_sd(vc + 0xffa, 1);
    check_fault(127, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn), vc + 0x1000);
    /* ... and the store changed nothing on the first page. */
    CHECK(128, pa_ptr(pa)[511] == 0x1111111111111111ull * 15);
    test_group_ok("stval of a misaligned access across pages");
}

static void test_mprv(void)
{
    uint64_t pa = code_page(5);
    uint64_t spage = VA_4K + 0x70000;
    uint64_t upage = VA_4K + 0x71000;
    vm_map(root, L, spage, pa, 0, PTE_LEAF_ALL);
    vm_map(root, L, upage, pa, 0, PTE_LEAF_ALL | PTE_U);
    vm_sfence_all();
    pa_ptr(pa)[4] = 0x4444;

    /* MPP = S. */
    CHECK(130, mprv_ld(spage + 32, MSTATUS_MPP_S) == 0x4444);
    check_no_trap(131);
    /* MPP = S, SUM = 0, a U page: fault (taken in M, tval = the VA). */
    CHECK(132, mprv_ld(upage + 32, MSTATUS_MPP_S) == VRT_NO_VALUE);
    check_fault(133, CAUSE_LOAD_PAGE, ADDR(mprv_ld_insn), upage + 32);
    /* ... SUM = 1: allowed. */
    csr_set(mstatus, MSTATUS_SUM);
    CHECK(134, mprv_ld(upage + 32, MSTATUS_MPP_S) == 0x4444);
    csr_clear(mstatus, MSTATUS_SUM);
    /* MPP = U: the U page yes, the S page no. */
    CHECK(135, mprv_ld(upage + 32, 0) == 0x4444);
    mprv_sd(spage + 40, 0);
    check_fault(136, CAUSE_STORE_PAGE, ADDR(mprv_sd_insn), spage + 40);
    CHECK(137, pa_ptr(pa)[5] != spage + 40);
    mprv_sd(upage + 40, 0);
    CHECK(138, pa_ptr(pa)[5] == upage + 40);
    /* MPP = M: physical. */
    CHECK(139, mprv_ld(pa + 32, MSTATUS_MPP) == 0x4444);
    check_no_trap(140);
    csr_set(mstatus, MSTATUS_MPP);
    test_group_ok("MPRV");
}

static void test_pmp_on_walk(void)
{
    /* A leaf table of its own, then PMP entry 0 denies S/U everything on
     * that page: the walk's read of it fails, an access fault of the
     * access's own type (load 5, store 7, fetch 1). */
    uint64_t pa = code_page(6);
    uint64_t va = VM_TEST_VA + 0x30000000;  /* a new leaf table */
    vm_map(root, L, va, pa, 0, PTE_LEAF_ALL);
    uint64_t table = ADDR(vm_pte(root, L, va, 0)) & ~0xfffull;
    vm_sfence_all();
    CHECK(149, s_ld(va + 8) == 0x1111111111111111ull);
    csr_write(pmpaddr0, (table >> 2) | 0x1ff);     /* NAPOT 4 KiB */
    csr_write(pmpcfg0, 0x18);                       /* A = NAPOT, no R/W/X */
    vm_sfence_all();
    CHECK(141, s_ld(va + 8) == VRT_NO_VALUE);
    check_fault(142, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), va + 8);
    s_sd(va + 16, 1);
    check_fault(143, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), va + 16);
    CHECK(144, s_exec(va) == VRT_NO_VALUE);
    check_fault(145, CAUSE_FETCH_ACCESS, va, va);
    csr_write(pmpcfg0, 0);
    vm_sfence_all();
    CHECK(146, s_ld(va + 8) == 0x1111111111111111ull);
    test_group_ok("PMP on the page walk");
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 0);
    csr_write(mideleg, 0);
    root = vm_setup(L, 1);
    vm_enable(L, root);
    CHECK(200, csr_read(satp) == vm_satp(L, root));
    test_pages();
    test_superpages();
    test_accessed_dirty();
    test_sum_mxr_u();
    test_bad_ptes();
    test_mprv();
    test_pmp_on_walk();
    vm_disable();
    return 0;
}
