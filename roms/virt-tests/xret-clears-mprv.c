/*
 * roms/virt-tests/xret-clears-mprv.c: an mret or sret that goes to a mode
 * other than M clears mstatus.MPRV (privileged spec v1.12, section 3.1.6.3:
 * "If xPP != M, xRET also sets MPRV = 0"), so that a firmware's MPRV
 * accesses on behalf of S or U cannot leak into the mode it returns to.
 * mret with MPP = M keeps it (trap-xret-tsr-tw-tvm.c).  QEMU 7.2 leaves MPRV
 * set (see romrun.QEMU_VIRT_DEVIATIONS).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

uint64_t ident(uint64_t a0);
/* M: set MPRV (MPP is U after vrt_call's mret: no memory access follows),
 * then sret to a0 with SPP = a1. */
uint64_t m_mprv_sret_to(uint64_t target, uint64_t spp);
__asm__(".text\n"
        ".globl ident\nident:\n"
        "    ret\n"
        ".globl m_mprv_sret_to\nm_mprv_sret_to:\n"
        "    csrw sepc, a0\n"
        "    li t0, 0x100\n"
        "    csrc sstatus, t0\n"
        "    csrs sstatus, a1\n"
        "    li t0, 0x20000\n"
        "    csrs mstatus, t0\n"
        "    sret\n");

static void set_mprv_with_mpp_m(void)
{
    /* MPP = M first, so that MPRV changes nothing in M. */
    csr_set(mstatus, MSTATUS_MPP);
    csr_set(mstatus, MSTATUS_MPRV);
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();

    set_mprv_with_mpp_m();
    CHECK(1, vrt_call(PRV_S, ADDR(ident), 1, 0) == 1);
    CHECK(2, csr_read(mcause) == CAUSE_ECALL_S);
    CHECK(3, !(csr_read(mstatus) & MSTATUS_MPRV));
    set_mprv_with_mpp_m();
    CHECK(4, vrt_call(PRV_U, ADDR(ident), 2, 0) == 2);
    CHECK(5, csr_read(mcause) == CAUSE_ECALL_U);
    CHECK(6, !(csr_read(mstatus) & MSTATUS_MPRV));
    test_group_ok("mret to S or U clears MPRV");

    CHECK(10, vrt_call(PRV_M, ADDR(m_mprv_sret_to), ADDR(ident), MSTATUS_SPP) == ADDR(ident));
    CHECK(11, csr_read(mcause) == CAUSE_ECALL_S);
    CHECK(12, !(csr_read(mstatus) & MSTATUS_MPRV));
    CHECK(13, vrt_call(PRV_M, ADDR(m_mprv_sret_to), ADDR(ident), 0) == ADDR(ident));
    CHECK(14, csr_read(mcause) == CAUSE_ECALL_U);
    CHECK(15, !(csr_read(mstatus) & MSTATUS_MPRV));
    CHECK(16, vtrap_m.count == 0);
    test_group_ok("sret clears MPRV");
    return 0;
}
