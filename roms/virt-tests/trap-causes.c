/*
 * roms/virt-tests/trap-causes.c: every synchronous trap cause a hart with
 * M, S, U, Sv39 and C can raise, taken in M-mode (nothing delegated), each
 * from a mode that can raise it, with mcause, mepc, mtval and mstatus.MPP
 * as the privileged spec v1.12 (section 3.1.15-3.1.17) defines them:
 *   1 fetch access (mtval = the address), 2 illegal instruction (mtval =
 *   its bits, which QEMU and lemu both supply), 3 breakpoint (mtval 0 or
 *   the pc: both allowed), 4 misaligned load (LR: mtval = the address),
 *   5 load access, 7 store access, 8/9/11 ecall from U/S/M (mtval 0),
 *   12/13/15 fetch/load/store page faults (mtval = the virtual address).
 * Cause 0 cannot happen with C (every jump target is 2-byte aligned), and
 * cause 6 only comes from a misaligned SC or AMO (deleg-misaligned-amo.c).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vm.h"
#include "vtrap.h"

#define HOLE 0x90000000ull      /* above 128 MiB of RAM: nothing there */

static uint64_t mpp(void)
{
    return (vtrap_m.status & MSTATUS_MPP) >> 11;
}

static void check_m_trap(unsigned n, uint64_t cause, uint64_t epc, uint64_t tval,
                         unsigned from)
{
    CHECK(n, vtrap_is(&vtrap_m, 1, cause, epc, tval));
    CHECK(n + 1, mpp() == from);
    vtrap_clear();
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 0);
    csr_write(mideleg, 0);

    /* 1: instruction access fault, from M, S and U. */
    CHECK(1, vrt_exec(HOLE) == VRT_NO_VALUE);
    check_m_trap(2, CAUSE_FETCH_ACCESS, HOLE, HOLE, PRV_M);
    CHECK(4, vrt_call(PRV_S, ADDR(vrt_exec), HOLE + 0x40, 0) == VRT_NO_VALUE);
    check_m_trap(5, CAUSE_FETCH_ACCESS, HOLE + 0x40, HOLE + 0x40, PRV_S);
    CHECK(7, vrt_call(PRV_U, ADDR(vrt_exec), HOLE + 0x80, 0) == VRT_NO_VALUE);
    check_m_trap(8, CAUSE_FETCH_ACCESS, HOLE + 0x80, HOLE + 0x80, PRV_U);
    test_group_ok("1 instruction access fault");

    /* 2: illegal instruction; mtval = the instruction's bits. */
    CHECK(10, vrt_illegal(77) == 77);
    check_m_trap(11, CAUSE_ILLEGAL, ADDR(vrt_illegal_insn), VRT_ILLEGAL_BITS, PRV_M);
    CHECK(13, vrt_call(PRV_U, ADDR(vrt_illegal), 78, 0) == 78);
    check_m_trap(14, CAUSE_ILLEGAL, ADDR(vrt_illegal_insn), VRT_ILLEGAL_BITS, PRV_U);
    /* mret from S: an M-mode instruction. */
    CHECK(16, vrt_call(PRV_S, ADDR(vrt_mret), 79, 0) == 79);
    check_m_trap(17, CAUSE_ILLEGAL, ADDR(vrt_mret_insn), 0x30200073, PRV_S);
    test_group_ok("2 illegal instruction");

    /* 3: breakpoint; mtval is 0 or the pc. */
    CHECK(20, vrt_ebreak(80) == 80);
    CHECK(21, vtrap_m.count == 1 && vtrap_m.cause == CAUSE_BREAKPOINT &&
                  vtrap_m.epc == ADDR(vrt_ebreak_insn) &&
                  (vtrap_m.tval == 0 || vtrap_m.tval == ADDR(vrt_ebreak_insn)));
    CHECK(22, mpp() == PRV_M);
    vtrap_clear();
    CHECK(23, vrt_call(PRV_U, ADDR(vrt_ebreak), 81, 0) == 81);
    CHECK(24, vtrap_m.count == 1 && vtrap_m.cause == CAUSE_BREAKPOINT && mpp() == PRV_U);
    vtrap_clear();
    test_group_ok("3 breakpoint");

    /* 4: misaligned load (LR); 5: load access fault; 7: store access fault. */
    static uint64_t buf[4];
    uint64_t odd = ADDR(buf) + 4;
    CHECK(30, vrt_lr_d(odd) == VRT_NO_VALUE);
    check_m_trap(31, CAUSE_LOAD_MISALIGNED, ADDR(vrt_lr_d_insn), odd, PRV_M);
    CHECK(33, vrt_call(PRV_S, ADDR(vrt_lr_d), odd + 1, 0) == VRT_NO_VALUE);
    check_m_trap(34, CAUSE_LOAD_MISALIGNED, ADDR(vrt_lr_d_insn), odd + 1, PRV_S);
    CHECK(36, vrt_ld(HOLE + 8) == VRT_NO_VALUE);
    check_m_trap(37, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), HOLE + 8, PRV_M);
    CHECK(39, vrt_call(PRV_U, ADDR(vrt_lbu), HOLE + 3, 0) == VRT_NO_VALUE);
    check_m_trap(40, CAUSE_LOAD_ACCESS, ADDR(vrt_lbu_insn), HOLE + 3, PRV_U);
    vrt_sd(HOLE + 16, 1);
    check_m_trap(42, CAUSE_STORE_ACCESS, ADDR(vrt_sd_insn), HOLE + 16, PRV_M);
    vrt_call(PRV_S, ADDR(vrt_sw), HOLE + 20, 2);
    check_m_trap(44, CAUSE_STORE_ACCESS, ADDR(vrt_sw_insn), HOLE + 20, PRV_S);
    test_group_ok("4 5 7 misaligned load, load and store access faults");

    /* 8, 9, 11: environment calls; mepc is the ecall, mtval 0. */
    CHECK(50, vrt_call(PRV_U, ADDR(vrt_ecall), 5, 0) == 5);
    check_m_trap(51, CAUSE_ECALL_U, ADDR(vrt_ecall_insn), 0, PRV_U);
    CHECK(53, vrt_call(PRV_S, ADDR(vrt_ecall), 6, 0) == 6);
    check_m_trap(54, CAUSE_ECALL_S, ADDR(vrt_ecall_insn), 0, PRV_S);
    CHECK(56, vrt_ecall(7) == 7);
    check_m_trap(57, CAUSE_ECALL_M, ADDR(vrt_ecall_insn), 0, PRV_M);
    test_group_ok("8 9 11 ecall from U, S, M");

    /* 12, 13, 15: page faults under Sv39, from S and U: an unmapped page. */
    uint64_t *root = vm_setup(3, 1);
    vm_enable(3, root);
    uint64_t va = VM_TEST_VA + 0x123000;
    CHECK(60, vrt_call(PRV_S, ADDR(vrt_exec), va, 0) == VRT_NO_VALUE);
    check_m_trap(61, CAUSE_FETCH_PAGE, va, va, PRV_S);
    CHECK(63, vrt_call(PRV_S, ADDR(vrt_ld), va + 8, 0) == VRT_NO_VALUE);
    check_m_trap(64, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn), va + 8, PRV_S);
    vrt_call(PRV_S, ADDR(vrt_sd), va + 16, 1);
    check_m_trap(66, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn), va + 16, PRV_S);
    /* (An AMO's page fault, a store page fault: amo-page-fault-is-store.c.) */
    /* From U, running at the U alias of RAM. */
    CHECK(71, vrt_call_offset(PRV_U, ADDR(vrt_ld), va + 32, 0, VM_USER_ALIAS) ==
                  VRT_NO_VALUE);
    check_m_trap(72, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn) + VM_USER_ALIAS, va + 32, PRV_U);
    CHECK(74, vrt_call_offset(PRV_U, ADDR(vrt_exec), va + 64, 0, VM_USER_ALIAS) ==
                  VRT_NO_VALUE);
    check_m_trap(75, CAUSE_FETCH_PAGE, va + 64, va + 64, PRV_U);
    vrt_call_offset(PRV_U, ADDR(vrt_sb), va + 33, 5, VM_USER_ALIAS);
    check_m_trap(77, CAUSE_STORE_PAGE, ADDR(vrt_sb_insn) + VM_USER_ALIAS, va + 33, PRV_U);
    vm_disable();
    test_group_ok("12 13 15 page faults");

    /* mstatus on entry: MIE moves to MPIE and clears; mret restores it. */
    csr_write(mie, 0);
    csr_set(mstatus, MSTATUS_MIE);
    vrt_ecall(0);
    CHECK(80, (vtrap_m.status & (MSTATUS_MIE | MSTATUS_MPIE)) == MSTATUS_MPIE);
    CHECK(81, csr_read(mstatus) & MSTATUS_MIE);
    csr_clear(mstatus, MSTATUS_MIE);
    vrt_ecall(0);
    CHECK(82, (vtrap_m.status & (MSTATUS_MIE | MSTATUS_MPIE)) == 0);
    CHECK(83, vtrap_m.count == 2);
    test_group_ok("mstatus MIE/MPIE on trap entry and mret");
    return 0;
}
