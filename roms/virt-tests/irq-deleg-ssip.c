/*
 * roms/virt-tests/irq-deleg-ssip.c: interrupt delegation and global enables
 * (privileged spec v1.12, sections 3.1.6.1, 3.1.9, 4.1.3), with the
 * supervisor software interrupt (sip.SSIP, which S can set itself) and the
 * machine software interrupt (the CLINT's msip):
 *   - sip and sie show only the delegated bits: the others read as zero
 *     and ignore writes from S;
 *   - delegated SSIP with sie.SSIE: taken in S (scause = 1 << 63 | 1,
 *     sepc = the interrupted instruction) when in S with SIE = 1, or in U
 *     whatever SIE says; not taken in S with SIE = 0; never taken in M
 *     (a delegated interrupt is masked there, even with MIE = 1);
 *   - not delegated: taken in M from S or U even with MIE = 0, and not in
 *     M with MIE = 0;
 *   - an M-level interrupt (MSI) is taken in M from S whatever MIE and SIE.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define INTR(n) (CAUSE_INTERRUPT | (n))

/* S: set sip.SSIP with SIE = a0, spin a while, clear SIE; returns the S
 * trap count seen. */
static uint64_t s_raise_ssip(uint64_t sie_on, uint64_t unused)
{
    (void)unused;
    if (sie_on)
        csr_set(sstatus, MSTATUS_SIE);
    csr_set(sip, MIP_SSIP);
    for (volatile int i = 0; i < 1000; i++)
        ;
    csr_clear(sstatus, MSTATUS_SIE);
    return vtrap_s.count;
}

/* Any mode: spin a while; returns the S trap count. */
static uint64_t spin(uint64_t a, uint64_t b)
{
    (void)a;
    (void)b;
    for (volatile int i = 0; i < 1000; i++)
        ;
    return vtrap_s.count;
}

/* S: write sie = a0 and return it read back. */
static uint64_t s_write_sie(uint64_t v, uint64_t unused)
{
    (void)unused;
    csr_write(sie, v);
    return csr_read(sie);
}

/* S: return sip. */
static uint64_t s_read_sip(uint64_t a, uint64_t b)
{
    (void)a;
    (void)b;
    return csr_read(sip);
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    csr_clear(mstatus, MSTATUS_MIE);

    /* sie and sip views. */
    uint64_t s_bits = MIP_SSIP | MIP_STIP | MIP_SEIP;
    CHECK(1, vrt_call(PRV_S, ADDR(s_write_sie), s_bits, 0) == 0);
    CHECK(2, csr_read(mie) == 0);
    csr_write(mideleg, MIP_SSIP);
    CHECK(3, csr_read(mideleg) == MIP_SSIP);
    CHECK(4, vrt_call(PRV_S, ADDR(s_write_sie), s_bits, 0) == MIP_SSIP);
    CHECK(5, csr_read(mie) == MIP_SSIP);
    csr_set(mip, MIP_STIP);
    CHECK(6, (vrt_call(PRV_S, ADDR(s_read_sip), 0, 0) & s_bits) == 0);
    csr_set(mip, MIP_SSIP);
    CHECK(7, (vrt_call(PRV_S, ADDR(s_read_sip), 0, 0) & s_bits) == MIP_SSIP);
    csr_clear(mip, MIP_SSIP | MIP_STIP);
    csr_write(mie, 0);
    CHECK(8, vtrap_m.count == 0 && vtrap_s.count == 0);
    test_group_ok("sip and sie show the delegated bits only");

    /* Delegated: in S with SIE = 1, taken in S. */
    csr_write(mie, MIP_SSIP);
    CHECK(10, vrt_call(PRV_S, ADDR(s_raise_ssip), 1, 0) == 1);
    CHECK(11, vtrap_s.cause == INTR(IRQ_S_SOFT) && vtrap_s.tval == 0);
    CHECK(12, (vtrap_s.status & (MSTATUS_SPP | MSTATUS_SPIE)) == (MSTATUS_SPP | MSTATUS_SPIE));
    CHECK(13, vtrap_m.count == 0);
    CHECK(14, csr_read(mie) == 0);                  /* the S handler cleared SSIE */
    CHECK(15, csr_read(mip) & MIP_SSIP);
    csr_clear(mip, MIP_SSIP);
    vtrap_clear();
    /* In S with SIE = 0: not taken. */
    csr_write(mie, MIP_SSIP);
    CHECK(16, vrt_call(PRV_S, ADDR(s_raise_ssip), 0, 0) == 0);
    CHECK(17, vtrap_m.count == 0 && (csr_read(mip) & MIP_SSIP));
    /* Still pending: in M with MIE = 1, not taken (delegated). */
    csr_set(mstatus, MSTATUS_MIE);
    spin(0, 0);
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(18, vtrap_m.count == 0 && vtrap_s.count == 0);
    /* In U (SIE = 0): taken in S, SPP = U. */
    CHECK(19, vrt_call(PRV_U, ADDR(spin), 0, 0) == 1);
    CHECK(20, vtrap_s.cause == INTR(IRQ_S_SOFT) && !(vtrap_s.status & MSTATUS_SPP));
    CHECK(21, vtrap_m.count == 0);
    csr_clear(mip, MIP_SSIP);
    vtrap_clear();
    test_group_ok("delegated SSIP: S with SIE, U always, never M");

    /* Not delegated: M takes it from S and U even with MIE = 0. */
    csr_write(mideleg, 0);
    csr_write(mie, MIP_SSIP);
    csr_set(mip, MIP_SSIP);
    CHECK(30, vtrap_m.count == 0);                  /* M with MIE = 0 */
    vrt_call(PRV_S, ADDR(spin), 0, 0);
    CHECK(31, vtrap_m.count == 1 && vtrap_m.cause == INTR(IRQ_S_SOFT));
    CHECK(32, (vtrap_m.status & MSTATUS_MPP) == MSTATUS_MPP_S && vtrap_s.count == 0);
    csr_write(mie, MIP_SSIP);
    vrt_call(PRV_U, ADDR(spin), 0, 0);
    CHECK(33, vtrap_m.count == 2 && vtrap_m.cause == INTR(IRQ_S_SOFT));
    CHECK(34, (vtrap_m.status & MSTATUS_MPP) == 0 && vtrap_s.count == 0);
    csr_clear(mip, MIP_SSIP);
    vtrap_clear();
    test_group_ok("SSIP not delegated: M from S and U, MIE ignored");

    /* MSI while in S, MIE = 0, SIE = 1. */
    mmio_write32(CLINT_MSIP, 1);
    csr_write(mie, MIP_MSIP);
    CHECK(40, vtrap_m.count == 0);
    vrt_call(PRV_S, ADDR(s_raise_ssip), 1, 0);      /* SSIP not enabled in mie */
    CHECK(41, vtrap_m.count == 1 && vtrap_m.cause == INTR(IRQ_M_SOFT));
    CHECK(42, (vtrap_m.status & MSTATUS_MPP) == MSTATUS_MPP_S);
    CHECK(43, vtrap_s.count == 0);
    mmio_write32(CLINT_MSIP, 0);
    csr_clear(mip, MIP_SSIP);
    csr_write(mie, 0);
    test_group_ok("MSI taken in M from S whatever MIE");
    return 0;
}
