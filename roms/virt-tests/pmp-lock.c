/*
 * roms/virt-tests/pmp-lock.c: the PMP lock bit (privileged spec v1.12,
 * section 3.7.1): a locked entry binds M-mode as well (a denied M access is
 * an access fault), writes to its pmpcfg byte and pmpaddr are ignored until
 * reset, and a locked TOR entry also locks the pmpaddr below it (its
 * base), while that lower entry's configuration stays writable, as do the
 * other bytes of the locked byte's pmpcfg register.  Locks cannot be undone:
 * every region here is a test page of its own.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define PMP_R      0x01
#define PMP_W      0x02
#define PMP_X      0x04
#define PMP_TOR    0x08
#define PMP_NAPOT  0x18
#define PMP_L      0x80

static uint64_t area[4][512] __attribute__((aligned(4096)));

static uint64_t napot(uint64_t base, uint64_t size)
{
    return (base >> 2) | ((size / 8) - 1);
}

static void check_m_fault(unsigned n, uint64_t cause, uint64_t epc, uint64_t tval)
{
    CHECK(n, vtrap_is(&vtrap_m, 1, cause, epc, tval) &&
                 (vtrap_m.status & MSTATUS_MPP) == MSTATUS_MPP);
    vtrap_clear();
}

int main(void)
{
    vtrap_install();
    csr_write(pmpcfg0, 0);
    csr_write(pmpcfg2, 0);
    vrt_pmp_allow_all();
    uint64_t a = ADDR(area[0]), b = ADDR(area[1]), c = ADDR(area[2]);
    area[0][1] = 0xa1;
    area[2][1] = 0xc1;
    *(uint64_t *)(uintptr_t)(a + 0x100) = vrt_code_li_ret(1);
    *(uint64_t *)(uintptr_t)(b + 0x100) = vrt_code_li_ret(2);
    __asm__ __volatile__("fence.i" ::: "memory");

    /* Entry 0: page A, locked, R only. */
    csr_write(pmpaddr0, napot(a, 4096));
    csr_write(pmpcfg0, PMP_L | PMP_NAPOT | PMP_R);
    CHECK(1, vrt_ld(a + 8) == 0xa1 && vtrap_m.count == 0);
    vrt_sd(a + 16, 1);
    check_m_fault(2, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), a + 16);
    CHECK(3, vrt_exec(a + 0x100) == VRT_NO_VALUE);
    check_m_fault(4, CAUSE_FETCH_ACCESS, a + 0x100, a + 0x100);
    CHECK(5, area[0][2] == 0);
    /* S: the same entry. */
    CHECK(6, vrt_call(PRV_S, ADDR(vrt_ld), a + 8, 0) == 0xa1);
    vrt_call(PRV_S, ADDR(vrt_sd), a + 16, 1);
    CHECK(7, vtrap_m.count == 1 && vtrap_m.cause == CAUSE_STORE_ACCESS);
    vtrap_clear();
    test_group_ok("a locked entry binds M");

    /* Its cfg byte and address ignore writes; entry 1's byte does not. */
    csr_write(pmpcfg0, 0);
    CHECK(10, (csr_read(pmpcfg0) & 0xff) == (PMP_L | PMP_NAPOT | PMP_R));
    csr_write(pmpcfg0, (uint64_t)(PMP_NAPOT | PMP_R | PMP_W | PMP_X) | (uint64_t)PMP_R << 8);
    CHECK(11, (csr_read(pmpcfg0) & 0xffff) == ((PMP_L | PMP_NAPOT | PMP_R) | PMP_R << 8));
    csr_write(pmpaddr0, napot(b, 4096));
    CHECK(12, csr_read(pmpaddr0) == napot(a, 4096));
    vrt_sd(a + 16, 1);
    CHECK(13, vtrap_m.count == 1 && area[0][2] == 0);
    vtrap_clear();
    test_group_ok("writes to a locked entry are ignored");

    /* Entry 2 (off) is the base of entry 3, a locked TOR over page B with
     * R and W: pmpaddr2 is locked with it, entry 2's cfg byte is not. */
    csr_write(pmpaddr2, b >> 2);
    csr_write(pmpaddr3, (b + 4096) >> 2);
    csr_set(pmpcfg0, (uint64_t)(PMP_L | PMP_TOR | PMP_R | PMP_W) << 24);
    csr_write(pmpaddr2, c >> 2);
    CHECK(20, csr_read(pmpaddr2) == b >> 2);
    csr_write(pmpaddr3, c >> 2);
    CHECK(21, csr_read(pmpaddr3) == (b + 4096) >> 2);
    CHECK(22, vrt_exec(b + 0x100) == VRT_NO_VALUE);
    check_m_fault(23, CAUSE_FETCH_ACCESS, b + 0x100, b + 0x100);
    vrt_sd(b + 8, 0xb1);
    CHECK(24, vrt_ld(b + 8) == 0xb1 && vtrap_m.count == 0);
    /* Entry 2's configuration can still change (NA4 over b + 0x10, R only,
     * not locked: it does not bind M, and S sees it before entry 3). */
    csr_set(pmpcfg0, (uint64_t)(0x10 | PMP_R) << 16);
    CHECK(25, ((csr_read(pmpcfg0) >> 16) & 0xff) == (0x10 | PMP_R));
    vrt_call(PRV_S, ADDR(vrt_sw), b, 1);
    CHECK(26, vtrap_m.count == 1 && vtrap_m.cause == CAUSE_STORE_ACCESS &&
                  vtrap_m.tval == b);
    vtrap_clear();
    vrt_sw(b, 2);
    CHECK(27, vtrap_m.count == 0 && (uint32_t)area[1][0] == 2);
    test_group_ok("a locked TOR entry locks the address below it");

    /* Entry 4: page C, locked, nothing allowed: every M access faults. */
    csr_write(pmpaddr4, napot(c, 4096));
    csr_write(pmpcfg0, csr_read(pmpcfg0) | (uint64_t)(PMP_L | PMP_NAPOT) << 32);
    CHECK(30, vrt_ld(c + 8) == VRT_NO_VALUE);
    check_m_fault(31, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), c + 8);
    CHECK(32, vrt_lbu(c + 4095) == VRT_NO_VALUE);
    check_m_fault(33, CAUSE_LOAD_ACCESS, ADDR(vrt_lbu_insn), c + 4095);
    CHECK(34, vrt_ld(c + 4096) == 0 && vtrap_m.count == 0);
    test_group_ok("a locked entry without permissions");
    return 0;
}
