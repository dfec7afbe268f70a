/*
 * roms/virt-tests/csr-s-mode-views.c: the supervisor CSRs that are views or
 * WARL fields (privileged spec v1.12, sections 4.1.1-4.1.2, 4.1.11, 3.1.11):
 *   - sstatus is a view of mstatus: an S write of all ones (but UXL) sets
 *     SIE, SPIE, SPP, SUM and MXR and leaves MIE, MPIE, MPP, MPRV, TVM, TW
 *     and TSR alone; a read shows none of those; UXL reads 2 (XLEN 64);
 *   - stvec in vectored mode (MODE = 1): an interrupt goes to BASE + 4 *
 *     cause, an exception to BASE;
 *   - satp: a write with an unsupported MODE (5, reserved) has no effect at
 *     all, a supported one reads back;
 *   - scounteren: U reads time only with both mcounteren.TM and
 *     scounteren.TM, S with mcounteren.TM.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define M_ONLY (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | \
                MSTATUS_TW | MSTATUS_TSR)
#define S_BITS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)
#define UXL_MASK (3ull << 32)
#define UXL_64 (2ull << 32)

volatile uint64_t s_vec_slot;
extern const char s_vec_table[];
__asm__(".text\n.option push\n.option norvc\n"
        ".macro S_VEC_SLOT n\n"
        "s_vec_\\n:\n"
        "    csrrw sp, sscratch, sp\n"
        "    sd t0, 5*8(sp)\n"
        "    sd t1, 6*8(sp)\n"
        "    la t0, s_vec_slot\n"
        "    li t1, \\n\n"
        "    sd t1, 0(t0)\n"
        "    ld t0, 5*8(sp)\n"
        "    ld t1, 6*8(sp)\n"
        "    csrrw sp, sscratch, sp\n"
        "    j vtrap_s_entry\n"
        ".endm\n"
        "    .align 8\n"
        ".globl s_vec_table\ns_vec_table:\n"
        "    j s_vec_0\n    j s_vec_1\n    j s_vec_2\n    j s_vec_3\n"
        "    j s_vec_4\n    j s_vec_5\n    j s_vec_6\n    j s_vec_7\n"
        "    j s_vec_8\n    j s_vec_9\n"
        "    S_VEC_SLOT 0\n    S_VEC_SLOT 1\n    S_VEC_SLOT 2\n    S_VEC_SLOT 3\n"
        "    S_VEC_SLOT 4\n    S_VEC_SLOT 5\n    S_VEC_SLOT 6\n    S_VEC_SLOT 7\n"
        "    S_VEC_SLOT 8\n    S_VEC_SLOT 9\n"
        ".option pop\n");

/* S: sstatus = all ones but UXL, return what sstatus reads then. */
static uint64_t s_write_sstatus(uint64_t a, uint64_t b)
{
    (void)a;
    (void)b;
    csr_write(sstatus, ~UXL_MASK);
    uint64_t v = csr_read(sstatus);
    csr_write(sstatus, 0);
    return v;
}

/* S: take the pending S interrupt named by a0 (SIE on), or an illegal
 * instruction when a0 is 0. */
static uint64_t s_take(uint64_t bit, uint64_t unused)
{
    (void)unused;
    if (!bit)
        return vrt_illegal(1);
    csr_set(sie, bit);
    csr_set(sstatus, MSTATUS_SIE);
    for (volatile int i = 0; i < 100; i++)
        ;
    csr_clear(sstatus, MSTATUS_SIE);
    return 0;
}

/* Any mode: read time (a0 unchanged if it traps). */
uint64_t read_time(uint64_t a0);
__asm__(".text\n.globl read_time\nread_time:\n    csrr a0, time\n    ret\n");

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 0);
    csr_write(mideleg, 0);

    /* sstatus. */
    csr_set(mstatus, MSTATUS_TSR);
    csr_clear(mstatus, MSTATUS_TVM | MSTATUS_TW);
    uint64_t before = csr_read(mstatus);
    uint64_t seen = vrt_call(PRV_S, ADDR(s_write_sstatus), 0, 0);
    CHECK(1, (seen & S_BITS) == S_BITS);
    CHECK(2, (seen & M_ONLY) == 0);
    CHECK(3, (seen & UXL_MASK) == UXL_64);
    uint64_t after = csr_read(mstatus);
    /* (MIE, MPIE, MPP: as the return ecall left them; the rest as before.) */
    CHECK(4, (after & (MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)) ==
                 (before & (MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)));
    CHECK(5, (after & S_BITS) == 0);
    CHECK(6, (after & UXL_MASK) == UXL_64 && ((after >> 34) & 3) == 2);
    csr_clear(mstatus, MSTATUS_TSR);
    test_group_ok("sstatus is a view of mstatus");

    /* stvec vectored. */
    csr_write(mideleg, MIP_SSIP | MIP_STIP | MIP_SEIP);
    csr_write(medeleg, 1u << CAUSE_ILLEGAL);
    csr_write(stvec, ADDR(s_vec_table) | 1);
    CHECK(10, csr_read(stvec) == (ADDR(s_vec_table) | 1));
    static const uint64_t irqs[3] = { MIP_SSIP, MIP_STIP, MIP_SEIP };
    static const unsigned slots[3] = { IRQ_S_SOFT, IRQ_S_TIMER, IRQ_S_EXT };
    for (unsigned i = 0; i < 3; i++) {
        s_vec_slot = 99;
        csr_set(mip, irqs[i]);
        vrt_call(PRV_S, ADDR(s_take), irqs[i], 0);
        csr_clear(mip, irqs[i]);
        CHECK(11 + i, vtrap_s.count == i + 1 && vtrap_s.cause == (CAUSE_INTERRUPT | slots[i]));
        CHECK(14 + i, s_vec_slot == slots[i]);
    }
    s_vec_slot = 99;
    vrt_call(PRV_S, ADDR(s_take), 0, 0);
    CHECK(17, vtrap_s.count == 4 && vtrap_s.cause == CAUSE_ILLEGAL && s_vec_slot == 0);
    CHECK(18, vtrap_m.count == 0);
    vtrap_install();
    csr_write(mideleg, 0);
    csr_write(medeleg, 0);
    test_group_ok("stvec vectored: interrupts at BASE + 4 * cause, exceptions at BASE");

    /* satp WARL (written in M, which does not translate). */
    uint64_t sv39 = (uint64_t)SATP_MODE_SV39 << 60 | 0x80123;
    csr_write(satp, sv39);
    CHECK(20, csr_read(satp) == sv39);
    csr_write(satp, 5ull << 60 | 0x80456);
    CHECK(21, csr_read(satp) == sv39);
    csr_write(satp, 0);
    CHECK(22, csr_read(satp) == 0);
    csr_write(satp, 5ull << 60 | 0x80456);
    CHECK(23, csr_read(satp) == 0);
    test_group_ok("satp: a reserved MODE leaves it unchanged");

    /* Counter enables for time. */
    csr_write(mcounteren, 0);
    csr_write(scounteren, 0);
    CHECK(30, vrt_call(PRV_S, ADDR(read_time), 30, 0) == 30);
    CHECK(31, vrt_call(PRV_U, ADDR(read_time), 31, 0) == 31);
    CHECK(32, vtrap_m.count == 2 && vtrap_m.cause == CAUSE_ILLEGAL);
    csr_write(mcounteren, COUNTEREN_TM);
    vrt_call(PRV_S, ADDR(read_time), 33, 0);
    CHECK(33, vtrap_m.count == 2);
    CHECK(34, vrt_call(PRV_U, ADDR(read_time), 34, 0) == 34);
    CHECK(35, vtrap_m.count == 3);
    csr_write(scounteren, COUNTEREN_TM);
    vrt_call(PRV_U, ADDR(read_time), 36, 0);
    CHECK(37, vtrap_m.count == 3);
    csr_write(mcounteren, 0);
    CHECK(38, vrt_call(PRV_U, ADDR(read_time), 38, 0) == 38 && vtrap_m.count == 4);
    csr_write(scounteren, 0);
    test_group_ok("time from S and U: mcounteren.TM and scounteren.TM");
    return 0;
}
