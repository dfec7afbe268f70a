/*
 * roms/virt-tests/irq-sstc.c: the supervisor timer of the Sstc extension
 * (stimecmp, CSR 0x14d; Sstc spec v1.0 and privileged spec v1.12 section
 * 3.1.18):
 *   - S-mode access to stimecmp needs menvcfg.STCE = 1 and mcounteren.TM =
 *     1, else it is an illegal instruction (so is rdtime without TM);
 *     M-mode may always access it;
 *   - with STCE = 1, mip.STIP is time >= stimecmp, read-only; delegated
 *     (mideleg.STIP) with sie.STIE and SIE it traps to S with scause =
 *     1 << 63 | 5; not delegated, to M; a later stimecmp clears it;
 *   - wfi in S with SIE = 0 wakes when it becomes pending.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define INTR(n) (CAUSE_INTERRUPT | (n))
#define SPIN_LIMIT 20000000u
#define CSRR_A0_STIMECMP 0x14d02573u
#define CSRR_A0_TIME     0xc0102573u

uint64_t read_stimecmp(uint64_t a0);
uint64_t write_stimecmp(uint64_t v);
uint64_t read_time(uint64_t a0);
extern const char read_stimecmp_insn[], read_time_insn[];
__asm__(".text\n.option push\n.option norvc\n"
        ".globl read_stimecmp\n.globl read_stimecmp_insn\n"
        "read_stimecmp:\nread_stimecmp_insn:\n    csrr a0, 0x14d\n    ret\n"
        ".globl write_stimecmp\nwrite_stimecmp:\n    csrw 0x14d, a0\n    ret\n"
        ".globl read_time\n.globl read_time_insn\n"
        "read_time:\nread_time_insn:\n    csrr a0, time\n    ret\n"
        ".option pop\n");

static uint64_t rd_time(void)
{
    uint64_t t;
    __asm__ __volatile__("csrr %0, time" : "=r"(t));
    return t;
}

static void set_stimecmp(uint64_t v)
{
    __asm__ __volatile__("csrw 0x14d, %0" :: "r"(v));
}

static uint64_t get_stimecmp(void)
{
    uint64_t v;
    __asm__ __volatile__("csrr %0, 0x14d" : "=r"(v));
    return v;
}

/* S: stimecmp = time + delta, STIE and SIE on, wait for an S trap. */
static uint64_t s_timer_trap(uint64_t delta, uint64_t unused)
{
    (void)unused;
    set_stimecmp(rd_time() + delta);
    csr_set(sie, MIP_STIP);
    csr_set(sstatus, MSTATUS_SIE);
    unsigned i;
    for (i = 0; i < SPIN_LIMIT && vtrap_s.count == 0; i++)
        ;
    csr_clear(sstatus, MSTATUS_SIE);
    uint64_t pending = csr_read(sip) & MIP_STIP;
    set_stimecmp(~0ull);
    uint64_t after = csr_read(sip) & MIP_STIP;
    return i < SPIN_LIMIT && pending && !after;
}

/* S: stimecmp = time + delta, spin until M took a trap. */
static uint64_t s_timer_m_trap(uint64_t delta, uint64_t unused)
{
    (void)unused;
    set_stimecmp(rd_time() + delta);
    unsigned i;
    for (i = 0; i < SPIN_LIMIT && vtrap_m.count == 0; i++)
        ;
    set_stimecmp(~0ull);
    return i < SPIN_LIMIT;
}

/* S: wfi until STIP (SIE = 0, STIE on). */
static uint64_t s_timer_wfi(uint64_t delta, uint64_t unused)
{
    (void)unused;
    csr_set(sie, MIP_STIP);
    uint64_t due = rd_time() + delta;
    set_stimecmp(due);
    unsigned i;
    for (i = 0; i < SPIN_LIMIT && !(csr_read(sip) & MIP_STIP); i++)
        __asm__ __volatile__("wfi");
    uint64_t ok = i < SPIN_LIMIT && rd_time() >= due && vtrap_s.count == 0;
    set_stimecmp(~0ull);
    csr_clear(sie, MIP_STIP);
    return ok;
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(mie, 0);
    csr_write(mideleg, 0);

    /* M may access stimecmp always. */
    csr_write(menvcfg, 0);
    set_stimecmp(0x12345678);
    CHECK(1, get_stimecmp() == 0x12345678);
    set_stimecmp(~0ull);
    /* S: STCE = 0 or TM = 0: illegal. */
    csr_write(mcounteren, COUNTEREN_TM);
    CHECK(2, vrt_call(PRV_S, ADDR(read_stimecmp), 2, 0) == 2);
    CHECK(3, vtrap_is(&vtrap_m, 1, CAUSE_ILLEGAL, ADDR(read_stimecmp_insn), CSRR_A0_STIMECMP));
    csr_write(menvcfg, MENVCFG_STCE);
    CHECK(4, csr_read(menvcfg) & MENVCFG_STCE);
    csr_write(mcounteren, 0);
    CHECK(5, vrt_call(PRV_S, ADDR(read_stimecmp), 3, 0) == 3);
    CHECK(6, vtrap_is(&vtrap_m, 2, CAUSE_ILLEGAL, ADDR(read_stimecmp_insn), CSRR_A0_STIMECMP));
    CHECK(7, vrt_call(PRV_S, ADDR(read_time), 4, 0) == 4);
    CHECK(8, vtrap_is(&vtrap_m, 3, CAUSE_ILLEGAL, ADDR(read_time_insn), CSRR_A0_TIME));
    /* Both set: allowed. */
    csr_write(mcounteren, COUNTEREN_TM);
    vrt_call(PRV_S, ADDR(write_stimecmp), 0x7777777777, 0);
    CHECK(9, vrt_call(PRV_S, ADDR(read_stimecmp), 5, 0) == 0x7777777777);
    CHECK(10, vtrap_m.count == 3);
    vtrap_clear();
    test_group_ok("stimecmp access: STCE and TM");

    /* STIP follows stimecmp and is read-only in mip. */
    set_stimecmp(0);
    CHECK(20, csr_read(mip) & MIP_STIP);
    csr_clear(mip, MIP_STIP);
    CHECK(21, csr_read(mip) & MIP_STIP);
    set_stimecmp(~0ull);
    CHECK(22, !(csr_read(mip) & MIP_STIP));
    csr_set(mip, MIP_STIP);
    CHECK(23, !(csr_read(mip) & MIP_STIP));
    test_group_ok("mip.STIP is time >= stimecmp, read-only");

    /* Delegated: taken in S. */
    csr_write(mideleg, MIP_STIP);
    CHECK(30, vrt_call(PRV_S, ADDR(s_timer_trap), 1000, 0));
    CHECK(31, vtrap_s.count == 1 && vtrap_s.cause == INTR(IRQ_S_TIMER) && vtrap_m.count == 0);
    CHECK(32, (vtrap_s.status & MSTATUS_SPP) != 0);
    vtrap_clear();
    test_group_ok("supervisor timer delegated to S");

    /* Not delegated: taken in M (from S, MIE = 0). */
    csr_write(mideleg, 0);
    csr_write(mie, MIP_STIP);
    CHECK(40, vrt_call(PRV_S, ADDR(s_timer_m_trap), 1000, 0));
    CHECK(41, vtrap_m.count == 1 && vtrap_m.cause == INTR(IRQ_S_TIMER));
    CHECK(42, (vtrap_m.status & MSTATUS_MPP) == MSTATUS_MPP_S && vtrap_s.count == 0);
    csr_write(mie, 0);
    vtrap_clear();
    test_group_ok("supervisor timer not delegated: M");

    /* wfi in S. */
    csr_write(mideleg, MIP_STIP);
    CHECK(50, vrt_call(PRV_S, ADDR(s_timer_wfi), 2000, 0));
    CHECK(51, vtrap_m.count == 0 && vtrap_s.count == 0);
    csr_write(mideleg, 0);
    test_group_ok("wfi in S wakes on the supervisor timer");
    return 0;
}
