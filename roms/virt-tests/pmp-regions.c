/*
 * roms/virt-tests/pmp-regions.c: physical memory protection for S and U
 * (privileged spec v1.12, section 3.7): TOR, NA4 and NAPOT regions grant
 * R, W and X separately; the lowest-numbered entry that matches any byte
 * decides, and it must match every byte of the access; unlocked entries do
 * not bind M-mode; an S/U access that no entry matches fails while some
 * entry is active; a denied load, store or fetch is an access fault (5, 7,
 * 1) with mtval = the address; M-mode loads with MPRV are checked with
 * MPP's privilege.  With satp Bare a PMP write takes effect at
 * once (no fence needed).  A region smaller than a page: two accesses to
 * the same page get different answers in either order, also through a
 * 4 KiB Sv39 mapping (a TLB must not cache the first answer for the page).
 * Entry 15 grants everything for the accesses outside the test regions.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vm.h"
#include "vtrap.h"

#define PMP_R      0x01
#define PMP_W      0x02
#define PMP_X      0x04
#define PMP_TOR    0x08
#define PMP_NA4    0x10
#define PMP_NAPOT  0x18

static uint64_t area[6][512] __attribute__((aligned(4096)));

static uint64_t page(unsigned i)
{
    return ADDR(area[i]);
}

/* Set pmpcfg byte i (entries 0-7 are in pmpcfg0, 8-15 in pmpcfg2). */
static void pmp_cfg(unsigned i, uint64_t cfg)
{
    unsigned shift = 8 * (i & 7);
    if (i < 8) {
        csr_clear(pmpcfg0, 0xffull << shift);
        csr_set(pmpcfg0, cfg << shift);
    } else {
        csr_clear(pmpcfg2, 0xffull << shift);
        csr_set(pmpcfg2, cfg << shift);
    }
}

static void pmp_addr(unsigned i, uint64_t v)
{
    switch (i) {
    case 0: csr_write(pmpaddr0, v); break;
    case 1: csr_write(pmpaddr1, v); break;
    case 2: csr_write(pmpaddr2, v); break;
    case 3: csr_write(pmpaddr3, v); break;
    case 4: csr_write(pmpaddr4, v); break;
    case 5: csr_write(pmpaddr5, v); break;
    default: csr_write(pmpaddr6, v); break;
    }
}

/* NAPOT pmpaddr for [base, base + size), size a power of two >= 8. */
static uint64_t napot(uint64_t base, uint64_t size)
{
    return (base >> 2) | ((size / 8) - 1);
}

static void pmp_off_0_to_7(void)
{
    csr_write(pmpcfg0, 0);
}

static void check_fault(unsigned n, uint64_t cause, uint64_t epc, uint64_t tval, unsigned from)
{
    CHECK(n, vtrap_is(&vtrap_m, 1, cause, epc, tval) &&
                 ((vtrap_m.status & MSTATUS_MPP) >> 11) == from);
    vtrap_clear();
}

static uint64_t ld_in(unsigned mode, uint64_t a)
{
    return vrt_call(mode, ADDR(vrt_ld), a, 0);
}

static void sd_in(unsigned mode, uint64_t a, uint64_t v)
{
    vrt_call(mode, ADDR(vrt_sd), a, v);
}

static uint64_t exec_in(unsigned mode, uint64_t a)
{
    return vrt_call(mode, ADDR(vrt_exec), a, 0);
}

static void put_code(uint64_t a, int value)
{
    *(uint64_t *)(uintptr_t)a = vrt_code_li_ret(value);
    vm_fence_i();
}

static void test_tor(void)
{
    uint64_t base = page(0), top = page(2);      /* two pages, R only */
    put_code(base + 0x100, 1);
    area[0][1] = 0x77;
    pmp_addr(0, base >> 2);
    pmp_addr(1, top >> 2);
    pmp_cfg(0, 0);
    pmp_cfg(1, PMP_TOR | PMP_R);
    static const unsigned modes[2] = { PRV_S, PRV_U };
    for (unsigned m = 0; m < 2; m++) {
        unsigned n = 10 + 10 * m, mode = modes[m];
        CHECK(n, ld_in(mode, base + 8) == 0x77);
        CHECK(n + 1, ld_in(mode, top - 8) == 0);
        sd_in(mode, base + 0x1000, 1);
        check_fault(n + 2, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), base + 0x1000, mode);
        CHECK(n + 3, exec_in(mode, base + 0x100) == VRT_NO_VALUE);
        check_fault(n + 4, CAUSE_FETCH_ACCESS, base + 0x100, base + 0x100, mode);
        /* Outside: entry 15. */
        sd_in(mode, top, 5);
        ld_in(mode, base - 8);
        CHECK(n + 5, vtrap_m.count == 0 && area[2][0] == 5);
    }
    /* An aligned doubleword across the top of a TOR range ending at a
     * word boundary: only part of it matches entry 1, so it fails.  (A
     * misaligned access across an entry boundary may be split into parts
     * that each match, which the spec allows: not tested.) */
    pmp_addr(1, (base + 0x104) >> 2);
    CHECK(16, ld_in(PRV_S, base + 0x100) == VRT_NO_VALUE);
    check_fault(17, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), base + 0x100, PRV_S);
    CHECK(18, vrt_ld(base + 0x100) == VRT_NO_VALUE);
    check_fault(19, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), base + 0x100, PRV_M);
    CHECK(26, vrt_call(PRV_U, ADDR(vrt_lw), base + 0x100, 0) == 0x00100513);
    pmp_addr(1, top >> 2);
    /* M: unlocked entries do not apply. */
    vrt_sd(base + 0x1000, 7);
    CHECK(30, area[1][0] == 7 && vrt_exec(base + 0x100) == 1 && vtrap_m.count == 0);
    /* An empty TOR range (top <= base) matches nothing. */
    pmp_addr(1, base >> 2);
    sd_in(PRV_S, base + 0x1000, 8);
    CHECK(31, vtrap_m.count == 0 && area[1][0] == 8);
    pmp_off_0_to_7();
    test_group_ok("TOR");
}

static void test_na4_napot(void)
{
    uint64_t p = page(3);
    area[3][0x40] = 0x1122334455667788ull;
    pmp_addr(2, (p + 0x200) >> 2);
    pmp_cfg(2, PMP_NA4);                         /* 4 bytes, nothing allowed */
    CHECK(40, vrt_call(PRV_S, ADDR(vrt_lw), p + 0x200, 0) == VRT_NO_VALUE);
    check_fault(41, CAUSE_LOAD_ACCESS, ADDR(vrt_lw_insn), p + 0x200, PRV_S);
    CHECK(42, vrt_call(PRV_U, ADDR(vrt_lbu), p + 0x203, 0) == VRT_NO_VALUE);
    check_fault(43, CAUSE_LOAD_ACCESS, ADDR(vrt_lbu_insn), p + 0x203, PRV_U);
    CHECK(44, vrt_call(PRV_S, ADDR(vrt_lw), p + 0x204, 0) == 0x11223344);
    CHECK(45, vrt_call(PRV_S, ADDR(vrt_lbu), p + 0x1ff, 0) == 0);
    vrt_call(PRV_S, ADDR(vrt_sb), p + 0x201, 1);
    check_fault(46, CAUSE_STORE_ACCESS, ADDR(vrt_sb_insn), p + 0x201, PRV_S);
    /* Partly matching an entry fails whatever the mode, M included. */
    CHECK(47, vrt_ld(p + 0x200) == VRT_NO_VALUE);
    check_fault(58, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), p + 0x200, PRV_M);
    pmp_off_0_to_7();
    CHECK(59, area[3][0x40] == 0x1122334455667788ull);

    /* NAPOT 8 bytes, R/W, then R only. */
    pmp_addr(3, napot(p + 0x200, 8));
    pmp_cfg(3, PMP_NAPOT | PMP_W | PMP_R);
    vrt_call(PRV_S, ADDR(vrt_sd), p + 0x200, 0x99);
    CHECK(48, vtrap_m.count == 0 && area[3][0x40] == 0x99);
    pmp_cfg(3, PMP_NAPOT | PMP_R);
    vrt_call(PRV_S, ADDR(vrt_sd), p + 0x200, 0x98);
    check_fault(49, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), p + 0x200, PRV_S);
    CHECK(50, vrt_call(PRV_S, ADDR(vrt_ld), p + 0x200, 0) == 0x99);
    pmp_off_0_to_7();

    /* NAPOT 4 KiB, X only. */
    put_code(p + 0x300, 3);
    pmp_addr(3, napot(p, 4096));
    pmp_cfg(3, PMP_NAPOT | PMP_X);
    CHECK(51, exec_in(PRV_S, p + 0x300) == 3);
    CHECK(52, exec_in(PRV_U, p + 0x300) == 3);
    CHECK(53, ld_in(PRV_S, p + 0x300) == VRT_NO_VALUE);
    check_fault(54, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), p + 0x300, PRV_S);
    sd_in(PRV_U, p + 0xff8, 1);
    check_fault(55, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), p + 0xff8, PRV_U);
    /* The next page is outside. */
    CHECK(56, ld_in(PRV_S, p + 0x1000) == area[4][0] && vtrap_m.count == 0);
    pmp_off_0_to_7();
    test_group_ok("NA4 and NAPOT");
}

static void test_priority(void)
{
    uint64_t p = page(4);
    area[4][2] = 0x42;
    /* Entry 4 allows R/W, entry 5 (same page) nothing: entry 4 wins. */
    pmp_addr(4, napot(p, 4096));
    pmp_cfg(4, PMP_NAPOT | PMP_R | PMP_W);
    pmp_addr(5, napot(p, 4096));
    pmp_cfg(5, PMP_NAPOT);
    CHECK(60, ld_in(PRV_S, p + 16) == 0x42 && vtrap_m.count == 0);
    /* Entry 4 covering only the first half: the second half goes to 5. */
    pmp_addr(4, napot(p, 2048));
    CHECK(61, ld_in(PRV_S, p + 2048) == VRT_NO_VALUE);
    check_fault(62, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), p + 2048, PRV_S);
    CHECK(63, ld_in(PRV_S, p + 2040) == 0 && vtrap_m.count == 0);
    /* Entry 4 denying, entry 5 allowing: entry 4 wins. */
    pmp_addr(4, napot(p, 4096));
    pmp_cfg(4, PMP_NAPOT);
    pmp_cfg(5, PMP_NAPOT | PMP_R);
    CHECK(64, ld_in(PRV_S, p + 16) == VRT_NO_VALUE);
    check_fault(65, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), p + 16, PRV_S);
    pmp_off_0_to_7();
    test_group_ok("lowest-numbered entry wins");
}

/* M: ld with MPRV = 1 and MPP = mpp (assembly: no other access between). */
uint64_t mprv_ld(uint64_t addr, uint64_t mpp);
extern const char mprv_ld_insn[];
__asm__(".text\n.option push\n.option norvc\n"
        ".globl mprv_ld\n.globl mprv_ld_insn\nmprv_ld:\n"
        "    li t1, 0x1800\n    csrc mstatus, t1\n"
        "    li t1, 0x20000\n    or t1, t1, a1\n    csrs mstatus, t1\n"
        "    mv t0, a0\n    li a0, 0x5a5a5a5a5a5a5a5a\n"
        "mprv_ld_insn:\n    ld a0, 0(t0)\n"
        "    li t1, 0x20000\n    csrc mstatus, t1\n    ret\n"
        ".option pop\n");

static void test_mprv(void)
{
    /* Entry 0 denies S and U everything on page 5: M's own loads pass, M's
     * loads with MPRV are checked as MPP's. */
    uint64_t p = page(5);
    area[5][3] = 0x5353;
    pmp_addr(0, napot(p, 4096));
    pmp_cfg(0, PMP_NAPOT);
    CHECK(66, vrt_ld(p + 24) == 0x5353 && vtrap_m.count == 0);
    CHECK(67, mprv_ld(p + 24, MSTATUS_MPP_S) == VRT_NO_VALUE);
    check_fault(68, CAUSE_LOAD_ACCESS, ADDR(mprv_ld_insn), p + 24, PRV_M);
    CHECK(69, mprv_ld(p + 24, 0) == VRT_NO_VALUE);
    check_fault(76, CAUSE_LOAD_ACCESS, ADDR(mprv_ld_insn), p + 24, PRV_M);
    CHECK(77, mprv_ld(p + 24, MSTATUS_MPP) == 0x5353 && vtrap_m.count == 0);
    pmp_off_0_to_7();
    csr_set(mstatus, MSTATUS_MPP);
    test_group_ok("MPRV: M loads checked as MPP's");
}

static void test_no_match(void)
{
    /* Entry 15 off, entry 0 active over one page: any other address fails
     * for S and U, M is allowed. */
    uint64_t p = page(5);
    csr_clear(pmpcfg2, 0xffull << 56);
    pmp_addr(0, napot(p, 4096));
    pmp_cfg(0, PMP_NAPOT | PMP_R | PMP_W | PMP_X);
    /* The code vrt_call runs is outside entry 0 too: S cannot even fetch
     * it; M resumes at vrt_call's exit with the trapped a0, the argument. */
    vtrap_m.resume = ADDR(vrt_call_return_stub);
    CHECK(70, vrt_call(PRV_S, ADDR(vrt_ld), p + 8, 0) == p + 8);
    CHECK(71, vtrap_m.count == 1 && vtrap_m.cause == CAUSE_FETCH_ACCESS &&
                  vtrap_m.tval == ADDR(vrt_ld) && vtrap_m.epc == ADDR(vrt_ld));
    vtrap_clear();
    CHECK(72, vrt_ld(page(4)) == area[4][0] && vtrap_m.count == 0);
    pmp_off_0_to_7();
    vrt_pmp_allow_all();
    test_group_ok("no entry matches: S and U fail, M succeeds");
}

static void test_sub_page(unsigned n, int paging)
{
    uint64_t p = page(1);
    uint64_t va = p;
    uint64_t *root = 0;
    if (paging) {
        root = vm_setup(3, 0);
        va = VM_TEST_VA + 0x5000;
        vm_map(root, 3, va, p, 0, PTE_LEAF_ALL);
        vm_enable(3, root);
    }
    area[1][0x20] = 0x2020;
    area[1][0x40] = 0x4040;
    /* 8 bytes at p + 0x100: read-only for S. */
    pmp_addr(0, napot(p + 0x100, 8));
    pmp_cfg(0, PMP_NAPOT | PMP_R);
    if (paging)
        vm_sfence_all();
    /* Allowed, then denied, on the same page. */
    sd_in(PRV_S, va + 0x200, 1);
    CHECK(n, vtrap_m.count == 0 && area[1][0x40] == 1);
    sd_in(PRV_S, va + 0x100, 2);
    check_fault(n + 1, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), va + 0x100, PRV_S);
    CHECK(n + 2, area[1][0x20] == 0x2020);
    /* Denied, then allowed. */
    sd_in(PRV_S, va + 0x100, 3);
    check_fault(n + 3, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), va + 0x100, PRV_S);
    sd_in(PRV_S, va + 0x208, 4);
    CHECK(n + 4, vtrap_m.count == 0 && area[1][0x41] == 4);
    sd_in(PRV_S, va + 0x100, 5);
    check_fault(n + 5, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), va + 0x100, PRV_S);
    /* The load is allowed there. */
    CHECK(n + 6, ld_in(PRV_S, va + 0x100) == 0x2020 && vtrap_m.count == 0);
    CHECK(n + 7, ld_in(PRV_S, va + 0x108) == 0 && vtrap_m.count == 0);
    /* The same 8 bytes denying loads too. */
    pmp_cfg(0, PMP_NAPOT);
    if (paging)
        vm_sfence_all();
    CHECK(n + 8, ld_in(PRV_S, va + 0x200) == 1);
    CHECK(n + 9, ld_in(PRV_S, va + 0x100) == VRT_NO_VALUE);
    check_fault(n + 10, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), va + 0x100, PRV_S);
    CHECK(n + 11, ld_in(PRV_S, va + 0x200) == 1 && vtrap_m.count == 0);
    pmp_off_0_to_7();
    if (paging) {
        vm_disable();
        vm_pool_reset();
    }
}

int main(void)
{
    vtrap_install();
    csr_write(medeleg, 0);
    csr_write(pmpcfg0, 0);
    csr_write(pmpcfg2, 0);
    vrt_pmp_allow_all();

    test_tor();
    test_na4_napot();
    test_priority();
    test_mprv();
    test_no_match();
    test_sub_page(80, 0);
    test_group_ok("region smaller than a page, Bare");
    test_sub_page(100, 1);
    test_group_ok("region smaller than a page, Sv39");
    return 0;
}
