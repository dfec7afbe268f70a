/*
 * roms/virt-tests/trap-xret-tsr-tw-tvm.c: mret and sret transitions and the
 * mstatus trap-virtualization bits (privileged spec v1.12, sections 3.1.6,
 * 3.3.2):
 *   - mret: privilege = MPP, MIE = MPIE, MPIE = 1, MPP = U; MPRV kept when
 *     the new privilege is M (cleared otherwise: xret-clears-mprv.c);
 *   - sret: privilege = SPP, SIE = SPIE, SPIE = 1, SPP = U; legal in M and
 *     S, illegal in U;
 *   - TSR = 1: sret in S is illegal (in M it is not);
 *   - TW = 1: wfi in S or U that cannot complete is illegal; TW = 0: wfi in
 *     S with an interrupt pending and enabled in mie completes at once;
 *   - TVM = 1: satp accesses and sfence.vma in S are illegal, in M not;
 *   - M CSRs from S and S CSRs from U are illegal.
 * Which mode the return ecall of vrt_call came from (mcause 8 or 9) shows
 * where an xret landed.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

/* M: mret to the next instruction with mstatus |= set (MPP, MPIE, MPRV
 * chosen by the caller); returns mstatus there, then clears MPRV. */
static uint64_t mret_to_m(uint64_t set)
{
    uint64_t st;
    __asm__ __volatile__("la t0, 1f\n\t"
                         "csrw mepc, t0\n\t"
                         "li t0, %2\n\t"
                         "csrc mstatus, t0\n\t"
                         "csrs mstatus, %1\n\t"
                         "mret\n"
                         "1:\tcsrr %0, mstatus\n\t"
                         "li t0, %3\n\t"
                         "csrc mstatus, t0\n\t"
                         : "=&r"(st)
                         : "r"(set), "i"(MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE | MSTATUS_MPRV),
                           "i"(MSTATUS_MPRV | MSTATUS_MIE)
                         : "t0", "memory");
    return st;
}

/*
 * M (entered through vrt_call with MPP = M): sret to a0 with sstatus's SPP,
 * SPIE and SIE replaced by a1: the target returns to vrt_call's stub in
 * whatever mode sret gave it.
 */
uint64_t m_sret_to(uint64_t target, uint64_t bits);
/* S: sret to a0 with SPP = a1's SPP bit. */
uint64_t s_sret_to(uint64_t target, uint64_t bits);
/* Any mode: return sstatus (illegal in U). */
uint64_t read_sstatus(uint64_t a0);
/* Return a0 unchanged (runs in U too). */
uint64_t ident(uint64_t a0);
/* S: read satp; csrr a0, satp.  Probe: a0 unchanged if it traps. */
uint64_t csrr_satp(uint64_t a0);
uint64_t csrr_mscratch(uint64_t a0);
uint64_t csrr_sscratch(uint64_t a0);
extern const char csrr_satp_insn[], csrr_mscratch_insn[], csrr_sscratch_insn[];
__asm__(".text\n.option push\n.option norvc\n"
        ".globl m_sret_to\nm_sret_to:\n"
        "    csrw sepc, a0\n"
        "    li t0, 0x122\n"           /* SPP | SPIE | SIE */
        "    csrc sstatus, t0\n"
        "    csrs sstatus, a1\n"
        "    li a0, 0x77\n"
        "    sret\n"
        ".globl s_sret_to\ns_sret_to:\n"
        "    csrw sepc, a0\n"
        "    li t0, 0x100\n"
        "    csrc sstatus, t0\n"
        "    csrs sstatus, a1\n"
        "    li a0, 0x78\n"
        "    sret\n"
        ".globl read_sstatus\nread_sstatus:\n"
        "    csrr a0, sstatus\n"
        "    ret\n"
        ".globl ident\nident:\n"
        "    ret\n"
        ".globl csrr_satp\n.globl csrr_satp_insn\ncsrr_satp:\ncsrr_satp_insn:\n"
        "    csrr a0, satp\n"
        "    ret\n"
        ".globl csrr_mscratch\n.globl csrr_mscratch_insn\ncsrr_mscratch:\ncsrr_mscratch_insn:\n"
        "    csrr a0, mscratch\n"
        "    ret\n"
        ".globl csrr_sscratch\n.globl csrr_sscratch_insn\ncsrr_sscratch:\ncsrr_sscratch_insn:\n"
        "    csrr a0, sscratch\n"
        "    ret\n"
        ".option pop\n");

#define CSRR_SATP_A0     0x18002573u
#define CSRR_MSCRATCH_A0 0x34002573u
#define CSRR_SSCRATCH_A0 0x14002573u
#define SRET_BITS        0x10200073u
#define WFI_BITS         0x10500073u
#define SFENCE_VMA_BITS  0x12000073u

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 0);
    csr_write(mideleg, 0);
    csr_write(mie, 0);

    /* mret from M to M. */
    uint64_t st = mret_to_m(MSTATUS_MPP | MSTATUS_MPIE);
    CHECK(1, (st & (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP)) == (MSTATUS_MIE | MSTATUS_MPIE));
    st = mret_to_m(MSTATUS_MPP);
    CHECK(2, (st & (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP)) == MSTATUS_MPIE);
    st = mret_to_m(MSTATUS_MPP | MSTATUS_MPRV);
    CHECK(3, st & MSTATUS_MPRV);                /* back in M: MPRV kept */
    CHECK(4, !(csr_read(mstatus) & MSTATUS_MPRV));
    test_group_ok("mret to M: MIE = MPIE, MPIE = 1, MPP = U, MPRV kept");

    /* mret to S and U: the return ecall shows the mode. */
    CHECK(10, vrt_call(PRV_S, ADDR(ident), 10, 0) == 10);
    CHECK(11, csr_read(mcause) == CAUSE_ECALL_S);
    CHECK(13, vrt_call(PRV_U, ADDR(ident), 11, 0) == 11);
    CHECK(14, csr_read(mcause) == CAUSE_ECALL_U);
    CHECK(16, vtrap_m.count == 0);
    test_group_ok("mret to S and U");

    /* sret executed in M. */
    uint64_t ss = vrt_call(PRV_M, ADDR(m_sret_to), ADDR(read_sstatus),
                           MSTATUS_SPP | MSTATUS_SPIE);
    CHECK(20, csr_read(mcause) == CAUSE_ECALL_S);
    CHECK(21, (ss & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)) == (MSTATUS_SIE | MSTATUS_SPIE));
    ss = vrt_call(PRV_M, ADDR(m_sret_to), ADDR(read_sstatus), MSTATUS_SPP);
    CHECK(23, (ss & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP)) == MSTATUS_SPIE);
    CHECK(24, vrt_call(PRV_M, ADDR(m_sret_to), ADDR(ident), 0) == 0x77);
    CHECK(25, csr_read(mcause) == CAUSE_ECALL_U);
    csr_clear(sstatus, MSTATUS_SIE);
    CHECK(27, vtrap_m.count == 0);
    test_group_ok("sret in M: to SPP, SIE = SPIE, SPIE = 1, SPP = U");

    /* sret in S. */
    CHECK(30, vrt_call(PRV_S, ADDR(s_sret_to), ADDR(ident), 0) == 0x78);
    CHECK(31, csr_read(mcause) == CAUSE_ECALL_U);
    CHECK(32, vrt_call(PRV_S, ADDR(s_sret_to), ADDR(read_sstatus), MSTATUS_SPP) != 0x78);
    CHECK(33, csr_read(mcause) == CAUSE_ECALL_S);
    CHECK(34, vtrap_m.count == 0);
    test_group_ok("sret in S");

    /* sret in U: illegal; mret in U: illegal. */
    CHECK(40, vrt_call(PRV_U, ADDR(vrt_sret), 40, 0) == 40);
    CHECK(41, vtrap_is(&vtrap_m, 1, CAUSE_ILLEGAL, ADDR(vrt_sret_insn), SRET_BITS));
    CHECK(42, (vtrap_m.status & MSTATUS_MPP) == 0);
    CHECK(43, vrt_call(PRV_U, ADDR(vrt_mret), 41, 0) == 41);
    CHECK(44, vtrap_is(&vtrap_m, 2, CAUSE_ILLEGAL, ADDR(vrt_mret_insn), 0x30200073));
    vtrap_clear();
    test_group_ok("sret and mret in U are illegal");

    /* TSR. */
    csr_set(mstatus, MSTATUS_TSR);
    CHECK(50, vrt_call(PRV_S, ADDR(vrt_sret), 50, 0) == 50);
    CHECK(51, vtrap_is(&vtrap_m, 1, CAUSE_ILLEGAL, ADDR(vrt_sret_insn), SRET_BITS));
    CHECK(52, (vtrap_m.status & MSTATUS_MPP) == MSTATUS_MPP_S);
    /* sret in M is not affected. */
    CHECK(53, vrt_call(PRV_M, ADDR(m_sret_to), ADDR(ident), MSTATUS_SPP) == 0x77);
    CHECK(54, csr_read(mcause) == CAUSE_ECALL_S && vtrap_m.count == 1);
    csr_clear(mstatus, MSTATUS_TSR);
    vtrap_clear();
    test_group_ok("TSR: sret in S is illegal, in M not");

    /* TW = 1: wfi in S and U (nothing pending) is illegal. */
    csr_set(mstatus, MSTATUS_TW);
    CHECK(60, vrt_call(PRV_S, ADDR(vrt_wfi), 60, 0) == 60);
    CHECK(61, vtrap_is(&vtrap_m, 1, CAUSE_ILLEGAL, ADDR(vrt_wfi_insn), WFI_BITS));
    CHECK(62, (vtrap_m.status & MSTATUS_MPP) == MSTATUS_MPP_S);
    CHECK(63, vrt_call(PRV_U, ADDR(vrt_wfi), 61, 0) == 61);
    CHECK(64, vtrap_is(&vtrap_m, 2, CAUSE_ILLEGAL, ADDR(vrt_wfi_insn), WFI_BITS));
    CHECK(65, (vtrap_m.status & MSTATUS_MPP) == 0);
    csr_clear(mstatus, MSTATUS_TW);
    vtrap_clear();
    /* TW = 0: wfi in S completes when an interrupt is pending and enabled in
     * mie, though SIE = 0 keeps it from being taken. */
    csr_write(mideleg, MIP_SSIP);
    csr_write(mie, MIP_SSIP);
    csr_set(mip, MIP_SSIP);
    csr_clear(sstatus, MSTATUS_SIE);
    CHECK(66, vrt_call(PRV_S, ADDR(vrt_wfi), 62, 0) == 62);
    CHECK(67, vtrap_m.count == 0 && vtrap_s.count == 0);
    csr_clear(mip, MIP_SSIP);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    test_group_ok("TW: wfi in S and U traps; TW = 0: wfi in S completes");

    /* TVM. */
    CHECK(70, vrt_call(PRV_S, ADDR(csrr_satp), 70, 0) == 0);
    CHECK(71, vrt_call(PRV_S, ADDR(vrt_sfence), 71, 0) == 71 && vtrap_m.count == 0);
    csr_set(mstatus, MSTATUS_TVM);
    CHECK(72, vrt_call(PRV_S, ADDR(csrr_satp), 72, 0) == 72);
    CHECK(73, vtrap_is(&vtrap_m, 1, CAUSE_ILLEGAL, ADDR(csrr_satp_insn), CSRR_SATP_A0));
    CHECK(74, vrt_call(PRV_S, ADDR(vrt_sfence), 73, 0) == 73);
    CHECK(75, vtrap_is(&vtrap_m, 2, CAUSE_ILLEGAL, ADDR(vrt_sfence_insn), SFENCE_VMA_BITS));
    CHECK(76, csrr_satp(76) == 0 && vrt_sfence(77) == 77 && vtrap_m.count == 2);
    csr_clear(mstatus, MSTATUS_TVM);
    vtrap_clear();
    test_group_ok("TVM: satp and sfence.vma in S are illegal, in M not");

    /* CSR privilege. */
    CHECK(80, vrt_call(PRV_S, ADDR(csrr_mscratch), 80, 0) == 80);
    CHECK(81, vtrap_is(&vtrap_m, 1, CAUSE_ILLEGAL, ADDR(csrr_mscratch_insn), CSRR_MSCRATCH_A0));
    CHECK(82, vrt_call(PRV_U, ADDR(csrr_sscratch), 81, 0) == 81);
    CHECK(83, vtrap_is(&vtrap_m, 2, CAUSE_ILLEGAL, ADDR(csrr_sscratch_insn), CSRR_SSCRATCH_A0));
    CHECK(84, vrt_call(PRV_S, ADDR(csrr_sscratch), 82, 0) == csr_read(sscratch));
    CHECK(85, vtrap_m.count == 2);
    test_group_ok("M CSRs from S, S CSRs from U are illegal");
    return 0;
}
