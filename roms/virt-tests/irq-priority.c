/*
 * roms/virt-tests/irq-priority.c: the order in which simultaneous
 * interrupts are taken (privileged spec v1.12, section 3.1.9): for M-mode
 * MEI, MSI, MTI, SEI, SSI, STI (all six pending and enabled at once: the
 * UART's THRE interrupt through the PLIC, the CLINT's msip and mtimecmp,
 * and the S-level bits set in mip by software, not delegated); delegated
 * to S, SEI, SSI, STI; and an M-level interrupt before any delegated one
 * when both are pending in S-mode.  The handlers clear each taken
 * interrupt's enable bit, so each is taken once and vtrap's log keeps the
 * order.  QEMU 7.2 without AIA takes the lowest-numbered interrupt first
 * (romrun.QEMU_VIRT_DEVIATIONS).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define INTR(n) (CAUSE_INTERRUPT | (n))
#define SPIN_LIMIT 20000000u

static int wait_traps(volatile struct vtrap_record *r, uint64_t count)
{
    for (unsigned i = 0; i < SPIN_LIMIT; i++) {
        if (r->count >= count)
            return 1;
    }
    return 0;
}

static int wait_m_traps(uint64_t count)
{
    return wait_traps(&vtrap_m, count);
}

static void timer_off(void)
{
    mmio_write64(CLINT_MTIMECMP, ~0ull);
}

static void uart_thre_irq(int on)
{
    mmio_write32(PLIC_PRIORITY(PLIC_SRC_UART), 1);
    mmio_write32(PLIC_THRESHOLD(PLIC_CTX_M), 0);
    mmio_write32(PLIC_ENABLE(PLIC_CTX_M, 0), on ? 1u << PLIC_SRC_UART : 0);
    uart_write(UART_IER, on ? UART_IER_THRI : 0);
    if (!on) {
        /* Drop a claim left over, if any. */
        uint32_t id = mmio_read32(PLIC_CLAIM(PLIC_CTX_M));
        if (id)
            mmio_write32(PLIC_CLAIM(PLIC_CTX_M), id);
    }
}

static void test_priority(void)
{
    /* Everything pending with MIE = 0, then enabled all at once. */
    mmio_write64(CLINT_MTIMECMP, 0);
    mmio_write32(CLINT_MSIP, 1);
    uart_thre_irq(1);
    csr_write(mideleg, 0);
    csr_set(mip, MIP_SSIP | MIP_SEIP | MIP_STIP);
    uint64_t want = MIP_MEIP | MIP_MSIP | MIP_MTIP | MIP_SEIP | MIP_SSIP | MIP_STIP;
    for (unsigned i = 0; i < 1000 && (csr_read(mip) & want) != want; i++)
        ;
    CHECK(10, (csr_read(mip) & want) == want);
    csr_write(mie, want);
    csr_set(mstatus, MSTATUS_MIE);
    CHECK(11, wait_m_traps(6));
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(12, vtrap_m.count == 6);
    CHECK(13, vtrap_m.log[0] == INTR(IRQ_M_EXT));
    CHECK(14, vtrap_m.log[1] == INTR(IRQ_M_SOFT));
    CHECK(15, vtrap_m.log[2] == INTR(IRQ_M_TIMER));
    CHECK(16, vtrap_m.log[3] == INTR(IRQ_S_EXT));
    CHECK(17, vtrap_m.log[4] == INTR(IRQ_S_SOFT));
    CHECK(18, vtrap_m.log[5] == INTR(IRQ_S_TIMER));
    CHECK(19, csr_read(mie) == 0);
    timer_off();
    mmio_write32(CLINT_MSIP, 0);
    uart_thre_irq(0);
    (void)uart_read(UART_IIR);
    csr_clear(mip, MIP_SSIP | MIP_SEIP | MIP_STIP);
    CHECK(19, (csr_read(mip) & want) == 0);
    vtrap_clear();
    test_group_ok("priority: MEI MSI MTI SEI SSI STI");
}

/* S-mode: enable SEI, SSI, STI in sie, set SIE, wait for three S traps. */
static uint64_t s_take_three(uint64_t a, uint64_t b)
{
    (void)a;
    (void)b;
    csr_write(sie, MIP_SEIP | MIP_SSIP | MIP_STIP);
    csr_set(sstatus, MSTATUS_SIE);
    int ok = wait_traps(&vtrap_s, 3);
    csr_clear(sstatus, MSTATUS_SIE);
    return ok;
}

/* S-mode: SIE on, wait for one S trap (an M one may come first). */
static uint64_t s_take_one(uint64_t a, uint64_t b)
{
    (void)a;
    (void)b;
    csr_set(sstatus, MSTATUS_SIE);
    int ok = wait_traps(&vtrap_s, 1);
    csr_clear(sstatus, MSTATUS_SIE);
    return ok;
}

static void test_delegated(void)
{
    csr_write(mideleg, MIP_SEIP | MIP_SSIP | MIP_STIP);
    csr_write(mie, MIP_SEIP | MIP_SSIP | MIP_STIP);
    csr_set(mip, MIP_SEIP | MIP_SSIP | MIP_STIP);
    CHECK(30, vrt_call(PRV_S, ADDR(s_take_three), 0, 0));
    CHECK(31, vtrap_m.count == 0 && vtrap_s.count == 3);
    CHECK(32, vtrap_s.log[0] == INTR(IRQ_S_EXT));
    CHECK(33, vtrap_s.log[1] == INTR(IRQ_S_SOFT));
    CHECK(34, vtrap_s.log[2] == INTR(IRQ_S_TIMER));
    csr_clear(mip, MIP_SEIP | MIP_SSIP | MIP_STIP);
    vtrap_clear();
    test_group_ok("delegated to S: SEI SSI STI");

    /* MSI (M's) and SSI (delegated) pending in S: M's first. */
    csr_write(mideleg, MIP_SSIP);
    csr_write(mie, MIP_MSIP | MIP_SSIP);
    csr_set(mip, MIP_SSIP);
    mmio_write32(CLINT_MSIP, 1);
    CHECK(40, vrt_call(PRV_S, ADDR(s_take_one), 0, 0));
    CHECK(41, vtrap_m.count == 1 && vtrap_m.log[0] == INTR(IRQ_M_SOFT));
    CHECK(42, (vtrap_m.status & MSTATUS_MPP) == MSTATUS_MPP_S);
    CHECK(43, vtrap_s.count == 1 && vtrap_s.log[0] == INTR(IRQ_S_SOFT));
    mmio_write32(CLINT_MSIP, 0);
    csr_clear(mip, MIP_SSIP);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    test_group_ok("an M interrupt before a delegated one");
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    test_priority();
    test_delegated();
    return 0;
}
