/*
 * roms/virt-tests/deleg-exceptions.c: exception delegation through medeleg
 * (privileged spec v1.12, section 3.1.8 and 4.1).  With a cause's bit set,
 * the exception raised in U or S mode is taken in S: scause, sepc and stval
 * are written, sstatus.SPP says where it came from, SPIE takes SIE and SIE
 * clears, and the M-mode trap CSRs are left alone.  An exception raised in
 * M is taken in M whatever medeleg says.  With the bit clear it goes to M
 * (mstatus.MPP = the mode it came from) even from U.  The delegable causes
 * checked: 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 15 (cause 6: deleg-misaligned-amo.c).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vm.h"
#include "vtrap.h"

#define HOLE 0x90000000ull

#define DELEGATED (1u << CAUSE_FETCH_ACCESS | 1u << CAUSE_ILLEGAL | 1u << CAUSE_BREAKPOINT | \
                   1u << CAUSE_LOAD_MISALIGNED | 1u << CAUSE_LOAD_ACCESS |                 \
                   1u << CAUSE_STORE_ACCESS | 1u << CAUSE_ECALL_U | 1u << CAUSE_FETCH_PAGE | \
                   1u << CAUSE_LOAD_PAGE | 1u << CAUSE_STORE_PAGE)

static uint64_t buf[4];

/* Check the last S trap and clear both records: cause, epc, tval, and the
 * mode it came from (SPP); nothing may have reached M. */
static void check_s_trap(unsigned n, uint64_t cause, uint64_t epc, uint64_t tval,
                         unsigned from)
{
    CHECK(n, vtrap_m.count == 0);
    CHECK(n + 1, vtrap_is(&vtrap_s, 1, cause, epc, tval));
    CHECK(n + 2, ((vtrap_s.status & MSTATUS_SPP) != 0) == (from == PRV_S));
    vtrap_clear();
}

/* S-mode: SIE = 1 (nothing enabled in sie), an illegal instruction, and
 * sstatus after the handler's sret. */
static uint64_t s_sie_across_trap(uint64_t a, uint64_t b)
{
    (void)a;
    (void)b;
    csr_write(sie, 0);
    csr_set(sstatus, MSTATUS_SIE);
    vrt_illegal(0);
    uint64_t after = csr_read(sstatus);
    csr_clear(sstatus, MSTATUS_SIE);
    return after;
}

/* S-mode: an ecall (delegated: to S), then an illegal instruction that M
 * keeps and resumes at vrt_call's return stub. */
uint64_t s_ecall_then_illegal(uint64_t a0);
extern const char s_ecall_then_illegal_ecall[];
__asm__(".text\n.option push\n.option norvc\n"
        ".globl s_ecall_then_illegal\ns_ecall_then_illegal:\n"
        "    li a7, 0\n"
        ".globl s_ecall_then_illegal_ecall\ns_ecall_then_illegal_ecall:\n"
        "    ecall\n"
        "    .word 0x0000000b\n"
        "1:  j 1b\n"
        ".option pop\n");

/* Every delegated cause from `mode`; bare (0) or Sv39 (U alias for U). */
static void delegated_from(unsigned base, unsigned mode)
{
    uint64_t off = mode == PRV_U ? VM_USER_ALIAS : 0;
    uint64_t odd = ADDR(buf) + 2;

    CHECK(base, vrt_call(mode, ADDR(vrt_exec), HOLE, 0) == VRT_NO_VALUE);
    check_s_trap(base + 1, CAUSE_FETCH_ACCESS, HOLE, HOLE, mode);
    CHECK(base + 4, vrt_call(mode, ADDR(vrt_illegal), 3, 0) == 3);
    check_s_trap(base + 5, CAUSE_ILLEGAL, ADDR(vrt_illegal_insn), VRT_ILLEGAL_BITS, mode);
    CHECK(base + 8, vrt_call(mode, ADDR(vrt_ebreak), 4, 0) == 4);
    CHECK(base + 9, vtrap_m.count == 0 && vtrap_s.count == 1 &&
                        vtrap_s.cause == CAUSE_BREAKPOINT &&
                        vtrap_s.epc == ADDR(vrt_ebreak_insn));
    vtrap_clear();
    CHECK(base + 10, vrt_call(mode, ADDR(vrt_lr_d), odd, 0) == VRT_NO_VALUE);
    check_s_trap(base + 11, CAUSE_LOAD_MISALIGNED, ADDR(vrt_lr_d_insn), odd, mode);
    CHECK(base + 14, vrt_call(mode, ADDR(vrt_ld), HOLE + 8, 0) == VRT_NO_VALUE);
    check_s_trap(base + 15, CAUSE_LOAD_ACCESS, ADDR(vrt_ld_insn), HOLE + 8, mode);
    vrt_call(mode, ADDR(vrt_sw), HOLE + 12, 0);
    check_s_trap(base + 18, CAUSE_STORE_ACCESS, ADDR(vrt_sw_insn), HOLE + 12, mode);
    if (mode == PRV_U) {
        CHECK(base + 21, vrt_call(mode, ADDR(vrt_ecall), 9, 0) == 9);
        check_s_trap(base + 22, CAUSE_ECALL_U, ADDR(vrt_ecall_insn), 0, mode);
    }

    /* Page faults under Sv39 (U code at the U alias). */
    uint64_t *root = vm_setup(3, 1);
    uint64_t va = VM_TEST_VA + 0x5000;
    vm_enable(3, root);
    CHECK(base + 25, vrt_call_offset(mode, ADDR(vrt_exec), va, 0, off) == VRT_NO_VALUE);
    check_s_trap(base + 26, CAUSE_FETCH_PAGE, va, va, mode);
    CHECK(base + 29, vrt_call_offset(mode, ADDR(vrt_ld), va + 8, 0, off) == VRT_NO_VALUE);
    check_s_trap(base + 30, CAUSE_LOAD_PAGE, ADDR(vrt_ld_insn) + off, va + 8, mode);
    vrt_call_offset(mode, ADDR(vrt_sd), va + 16, 0, off);
    check_s_trap(base + 33, CAUSE_STORE_PAGE, ADDR(vrt_sd_insn) + off, va + 16, mode);
    vm_disable();
    vm_pool_reset();
}

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(mideleg, 0);
    csr_write(medeleg, DELEGATED);
    CHECK(1, (csr_read(medeleg) & DELEGATED) == DELEGATED);
    test_group_ok("medeleg holds the delegable causes");

    delegated_from(10, PRV_U);
    test_group_ok("delegated from U: taken in S, SPP = U");
    delegated_from(50, PRV_S);
    test_group_ok("delegated from S: taken in S, SPP = S");

    /* SPIE takes SIE, SIE clears; sret gives SIE back. */
    uint64_t after = vrt_call(PRV_S, ADDR(s_sie_across_trap), 0, 0);
    CHECK(91, vtrap_s.count == 1 && vtrap_s.cause == CAUSE_ILLEGAL);
    CHECK(92, (vtrap_s.status & (MSTATUS_SIE | MSTATUS_SPIE)) == MSTATUS_SPIE);
    CHECK(93, after & MSTATUS_SIE);
    CHECK(94, after & MSTATUS_SPIE);
    CHECK(95, (after & MSTATUS_SPP) == 0);      /* sret leaves SPP = U */
    vtrap_clear();
    test_group_ok("sstatus SIE/SPIE/SPP across a delegated trap");

    /* From M: never delegated. */
    CHECK(100, vrt_illegal(5) == 5);
    CHECK(101, vtrap_s.count == 0 &&
                   vtrap_is(&vtrap_m, 1, CAUSE_ILLEGAL, ADDR(vrt_illegal_insn),
                            VRT_ILLEGAL_BITS));
    vrt_ld(HOLE);
    CHECK(102, vtrap_s.count == 0 && vtrap_m.count == 2 && vtrap_m.cause == CAUSE_LOAD_ACCESS);
    vtrap_clear();
    test_group_ok("M-mode exceptions stay in M");

    /* Bit clear: to M, from U and S. */
    csr_write(medeleg, DELEGATED & ~(1u << CAUSE_ILLEGAL | 1u << CAUSE_ECALL_U));
    vrt_call(PRV_U, ADDR(vrt_illegal), 0, 0);
    CHECK(110, vtrap_s.count == 0 && vtrap_m.count == 1 && vtrap_m.cause == CAUSE_ILLEGAL &&
                   (vtrap_m.status & MSTATUS_MPP) == 0);
    vrt_call(PRV_S, ADDR(vrt_illegal), 0, 0);
    CHECK(111, vtrap_s.count == 0 && vtrap_m.count == 2 &&
                   (vtrap_m.status & MSTATUS_MPP) == MSTATUS_MPP_S);
    vrt_call(PRV_U, ADDR(vrt_ecall), 0, 0);
    CHECK(112, vtrap_s.count == 0 && vtrap_m.count == 3 && vtrap_m.cause == CAUSE_ECALL_U);
    /* ... while the still-delegated ones go to S. */
    vrt_call(PRV_U, ADDR(vrt_ld), HOLE, 0);
    CHECK(113, vtrap_s.count == 1 && vtrap_m.count == 3 && vtrap_s.cause == CAUSE_LOAD_ACCESS);
    vtrap_clear();
    test_group_ok("not delegated: taken in M");

    /* 9, ecall from S, delegated: S takes it; the illegal instruction that
     * follows goes to M, which resumes at vrt_call's exit. */
    csr_write(medeleg, 1u << CAUSE_ECALL_S);
    CHECK(120, csr_read(medeleg) & (1u << CAUSE_ECALL_S));
    vtrap_m.resume = ADDR(vrt_call_return_stub);
    vrt_call(PRV_S, ADDR(s_ecall_then_illegal), 0, 0);
    CHECK(121, vtrap_is(&vtrap_s, 1, CAUSE_ECALL_S, ADDR(s_ecall_then_illegal_ecall), 0));
    CHECK(122, vtrap_m.count == 1 && vtrap_m.cause == CAUSE_ILLEGAL);
    CHECK(123, vtrap_s.status & MSTATUS_SPP);
    csr_write(medeleg, 0);
    /* ecall from M with bit 11 (if it holds) set: still M. */
    csr_write(medeleg, 1u << CAUSE_ECALL_M);
    vtrap_clear();
    vrt_ecall(0);
    CHECK(124, vtrap_s.count == 0 && vtrap_is(&vtrap_m, 1, CAUSE_ECALL_M,
                                              ADDR(vrt_ecall_insn), 0));
    csr_write(medeleg, 0);
    test_group_ok("ecall from S delegated, from M never");
    return 0;
}
