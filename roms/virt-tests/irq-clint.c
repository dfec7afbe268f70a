/*
 * roms/virt-tests/irq-clint.c: machine-level interrupts from the CLINT and
 * how interrupts are chosen and taken (privileged spec v1.12, sections
 * 3.1.6.1, 3.1.9, 3.2.1):
 *   - machine timer: mip.MTIP is high while mtime >= mtimecmp (read-only in
 *     mip); with mie.MTIE and mstatus.MIE it traps with mcause = 1 << 63 | 7;
 *   - machine software: the CLINT's msip drives mip.MSIP (read-only in mip);
 *     mcause = 1 << 63 | 3;
 *   (the order of several pending at once: irq-priority.c);
 *   - wfi wakes up when an interrupt enabled in mie becomes pending even
 *     with mstatus.MIE = 0, and then takes no trap; setting MIE afterwards
 *     takes it; with MIE = 1 the trap's mepc is the instruction after the
 *     wfi (section 3.3.3).
 * The handler (vtrap) clears the taken interrupt's mie bit and returns.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define INTR(n) (CAUSE_INTERRUPT | (n))
#define SPIN_LIMIT 20000000u

/* Spin until the M handler has counted `count` traps; false on timeout. */
static int wait_m_traps(uint64_t count)
{
    for (unsigned i = 0; i < SPIN_LIMIT; i++) {
        if (vtrap_m.count >= count)
            return 1;
    }
    return 0;
}

static void timer_off(void)
{
    mmio_write64(CLINT_MTIMECMP, ~0ull);
}

static void test_timer(void)
{
    timer_off();
    CHECK(1, !(csr_read(mip) & MIP_MTIP));
    csr_write(mie, MIP_MTIP);
    csr_set(mstatus, MSTATUS_MIE);
    uint64_t now = clint_mtime();
    mmio_write64(CLINT_MTIMECMP, now + 1000);
    CHECK(2, wait_m_traps(1));
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(3, vtrap_m.count == 1 && vtrap_m.cause == INTR(IRQ_M_TIMER) && vtrap_m.tval == 0);
    CHECK(4, clint_mtime() >= now + 1000);
    CHECK(5, csr_read(mie) == 0);                   /* the handler's doing */
    CHECK(6, (vtrap_m.status & (MSTATUS_MPIE | MSTATUS_MPP)) == (MSTATUS_MPIE | MSTATUS_MPP));
    /* Still pending, and not cleared by a CSR write. */
    CHECK(7, csr_read(mip) & MIP_MTIP);
    csr_clear(mip, MIP_MTIP);
    CHECK(8, csr_read(mip) & MIP_MTIP);
    timer_off();
    CHECK(9, !(csr_read(mip) & MIP_MTIP));
    vtrap_clear();
    test_group_ok("machine timer");
}

static void test_software(void)
{
    CHECK(10, !(csr_read(mip) & MIP_MSIP));
    csr_set(mip, MIP_MSIP);                         /* read-only in mip */
    CHECK(11, !(csr_read(mip) & MIP_MSIP));
    mmio_write32(CLINT_MSIP, 1);
    CHECK(12, mmio_read32(CLINT_MSIP) == 1);
    CHECK(13, csr_read(mip) & MIP_MSIP);
    CHECK(14, vtrap_m.count == 0);                  /* mie = 0 */
    csr_write(mie, MIP_MSIP);
    csr_set(mstatus, MSTATUS_MIE);
    CHECK(15, wait_m_traps(1));
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(16, vtrap_m.cause == INTR(IRQ_M_SOFT));
    mmio_write32(CLINT_MSIP, 0);
    CHECK(17, !(csr_read(mip) & MIP_MSIP) && mmio_read32(CLINT_MSIP) == 0);
    vtrap_clear();
    test_group_ok("machine software");
}

static void test_wfi(void)
{
    timer_off();
    csr_write(mie, MIP_MTIP);
    csr_clear(mstatus, MSTATUS_MIE);
    uint64_t now = clint_mtime();
    mmio_write64(CLINT_MTIMECMP, now + 2000);
    unsigned rounds = 0;
    while (!(csr_read(mip) & MIP_MTIP) && rounds < SPIN_LIMIT) {
        __asm__ __volatile__("wfi");
        rounds++;
    }
    CHECK(40, csr_read(mip) & MIP_MTIP);
    CHECK(41, clint_mtime() >= now + 2000);
    CHECK(42, vtrap_m.count == 0);                  /* MIE = 0: not taken */
    /* Now taken, as soon as MIE is set. */
    csr_set(mstatus, MSTATUS_MIE);
    CHECK(43, wait_m_traps(1));
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(44, vtrap_m.cause == INTR(IRQ_M_TIMER));
    timer_off();
    vtrap_clear();
    /* MIE = 1: the interrupt that ends the wfi is taken with mepc = the
     * instruction after the wfi. */
    csr_write(mie, MIP_MTIP);
    csr_set(mstatus, MSTATUS_MIE);
    mmio_write64(CLINT_MTIMECMP, clint_mtime() + 1000);
    vrt_wfi(0);
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(46, vtrap_m.count >= 1 && vtrap_m.cause == INTR(IRQ_M_TIMER));
    CHECK(47, vtrap_m.epc == ADDR(vrt_wfi_insn) + 4);
    timer_off();
    vtrap_clear();
    /* An interrupt already pending: wfi returns at once. */
    mmio_write32(CLINT_MSIP, 1);
    csr_write(mie, MIP_MSIP);
    vrt_wfi(0);
    CHECK(45, vtrap_m.count == 0 && (csr_read(mip) & MIP_MSIP));
    mmio_write32(CLINT_MSIP, 0);
    csr_write(mie, 0);
    test_group_ok("wfi wakes with MIE = 0 and takes no trap");
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    test_timer();
    test_software();
    test_wfi();
    return 0;
}
