/*
 * test-riscv-disas.c: the RISC-V disassembler (cpu/riscv/disas.c) prints what
 * Spike's prints, since lemu's -d in_asm output and traces are diffed against
 * Spike logs.  The expectations are written by hand from Spike's conventions
 * (mnemonic padded to 8 columns, ABI names, its pseudo-instructions, jal
 * targets in hex and branch targets in decimal, no rounding modes, c.* names
 * for compressed instructions); their operand values were cross-checked
 * against riscv64-unknown-elf-objdump when they were written.  The first
 * lines are the reset-ROM and boot lines of the Spike log sample.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "cpu/riscv/decode.h"

#define EXT_ALL (RV_EXT_I | RV_EXT_M | RV_EXT_A | RV_EXT_F | RV_EXT_D | RV_EXT_C | \
                 RV_EXT_ZICSR | RV_EXT_ZIFENCEI | RV_EXT_ZBA | RV_EXT_ZBB |      \
                 RV_EXT_ZBC | RV_EXT_ZBS | RV_EXT_S)

typedef struct DisasCase {
    unsigned xlen;
    uint32_t raw;
    const char *text;
} DisasCase;

static const DisasCase cases[] = {
    /* Spike log sample: reset ROM, boot, CSR set-up */
    { 64, 0x00000297, "auipc   t0, 0x0" },
    { 64, 0x02028593, "addi    a1, t0, 32" },
    { 64, 0xf1402573, "csrr    a0, mhartid" },
    { 64, 0x0182b283, "ld      t0, 24(t0)" },
    { 64, 0x00028067, "jr      t0" },
    { 64, 0x0500006f, "j       pc + 0x50" },
    { 64, 0x00000093, "li      ra, 0" },
    { 64, 0x30529073, "csrw    mtvec, t0" },
    { 64, 0x74445073, "csrwi   mnstatus, 8" },
    { 64, 0x30200073, "mret" },
    /* RV64I and its pseudo-instructions */
    { 64, 0x12345537, "lui     a0, 0x12345" },
    { 64, 0xfffff537, "lui     a0, 0xfffff" },
    { 64, 0x80058513, "addi    a0, a1, -2048" },
    { 64, 0x00000013, "nop" },
    { 64, 0x00010513, "mv      a0, sp" },
    { 64, 0xfff5c513, "not     a0, a1" },
    { 64, 0x0015b513, "seqz    a0, a1" },
    { 64, 0x00b03533, "snez    a0, a1" },
    { 64, 0x40b00533, "sub     a0, zero, a1" },
    { 64, 0x0005851b, "sext.w  a0, a1" },
    { 64, 0x0075851b, "addiw   a0, a1, 7" },
    { 64, 0x03f59513, "slli    a0, a1, 63" },
    { 64, 0x4015d513, "srai    a0, a1, 1" },
    { 64, 0x41f5d51b, "sraiw   a0, a1, 31" },
    { 64, 0x00008067, "ret" },
    { 64, 0x000500e7, "jalr    a0" },
    { 64, 0x00850367, "jalr    t1, a0, 8" },
    { 64, 0x004500e7, "jalr    ra, a0, 4" },
    { 64, 0xff9ff56f, "jal     a0, pc - 0x8" },
    { 64, 0x001000ef, "jal     pc + 0x800" },
    { 64, 0x00b50863, "beq     a0, a1, pc + 16" },
    { 64, 0xfe0508e3, "beqz    a0, pc - 16" },
    { 64, 0x00051263, "bnez    a0, pc + 4" },
    { 64, 0x00054463, "bltz    a0, pc + 8" },
    { 64, 0xfe055ce3, "bgez    a0, pc - 8" },
    { 64, 0x00a04463, "blt     zero, a0, pc + 8" },
    { 64, 0x80b57063, "bgeu    a0, a1, pc - 4096" },
    { 64, 0xfea10fa3, "sb      a0, -1(sp)" },
    { 64, 0x7eb52fa3, "sw      a1, 2047(a0)" },
    { 64, 0x00054503, "lbu     a0, 0(a0)" },
    { 64, 0x0084e403, "lwu     s0, 8(s1)" },
    { 64, 0x0ff0000f, "fence   iorw,iorw" },
    { 64, 0x0330000f, "fence   rw,rw" },
    { 64, 0x8330000f, "fence   rw,rw" },
    { 64, 0x0100000f, "pause" },
    { 64, 0x0120000f, "fence   w,r" },
    { 64, 0x0840000f, "fence   i,o" },
    { 64, 0x0000100f, "fence.i" },
    { 64, 0x0000000f, "fence   " },
    { 64, 0x0030000f, "fence   rw" },
    /* system, Zicsr */
    { 64, 0x00000073, "ecall" },
    { 64, 0x00100073, "ebreak" },
    { 64, 0x10500073, "wfi" },
    { 64, 0x10200073, "sret" },
    { 64, 0x12000073, "sfence.vma zero, zero" },
    { 64, 0x12b50073, "sfence.vma a0, a1" },
    { 64, 0x30059573, "csrrw   a0, mstatus, a1" },
    { 64, 0x3045a573, "csrrs   a0, mie, a1" },
    { 64, 0x3445b573, "csrrc   a0, mip, a1" },
    { 64, 0x30052073, "csrs    mstatus, a0" },
    { 64, 0x30053073, "csrc    mstatus, a0" },
    { 64, 0x340fd573, "csrrwi  a0, mscratch, 31" },
    { 64, 0x30046073, "csrsi   mstatus, 8" },
    { 64, 0x30047073, "csrci   mstatus, 8" },
    { 64, 0x7c002573, "csrr    a0, unknown_7c0" },
    { 64, 0xc0001073, "unimp" },
    { 64, 0xc0002073, "csrr    zero, cycle" },
    /* M, A */
    { 64, 0x02c58533, "mul     a0, a1, a2" },
    { 64, 0x02c5d53b, "divuw   a0, a1, a2" },
    { 64, 0x1005a52f, "lr.w    a0, (a1)" },
    { 64, 0x1405b52f, "lr.d    a0, (a1)" },
    { 64, 0x1ac5a52f, "sc.w.rl a0, a2, (a1)" },
    { 64, 0x1ec5b52f, "sc.d.aqrl a0, a2, (a1)" },
    { 64, 0x0cc5a52f, "amoswap.w.aq a0, a2, (a1)" },
    { 64, 0x00c5b52f, "amoadd.d a0, a2, (a1)" },
    { 64, 0xe663a2af, "amomaxu.w.aqrl t0, t1, (t2)" },
    /* F, D: no rounding-mode operand, no fmv.s/fneg/fabs */
    { 64, 0x00452507, "flw     fa0, 4(a0)" },
    { 64, 0xffb13c27, "fsd     fs11, -8(sp)" },
    { 64, 0x00c5f553, "fadd.s  fa0, fa1, fa2" },
    { 64, 0x02c59553, "fadd.d  fa0, fa1, fa2" },
    { 64, 0x1820f043, "fmadd.s ft0, ft1, ft2, ft3" },
    { 64, 0xe3df0fcb, "fnmsub.d ft11, ft10, ft9, ft8" },
    { 64, 0x5a05f553, "fsqrt.d fa0, fa1" },
    { 64, 0x20b58553, "fsgnj.s fa0, fa1, fa1" },
    { 64, 0x22b59553, "fsgnjn.d fa0, fa1, fa1" },
    { 64, 0x20c5a553, "fsgnjx.s fa0, fa1, fa2" },
    { 64, 0x2ac58553, "fmin.d  fa0, fa1, fa2" },
    { 64, 0xc0051553, "fcvt.w.s a0, fa0" },
    { 64, 0xc2357553, "fcvt.lu.d a0, fa0" },
    { 64, 0x4015f553, "fcvt.s.d fa0, fa1" },
    { 64, 0x42058553, "fcvt.d.s fa0, fa1" },
    { 64, 0xd0157553, "fcvt.s.wu fa0, a0" },
    { 64, 0xd2257553, "fcvt.d.l fa0, a0" },
    { 64, 0xe0050553, "fmv.x.w a0, fa0" },
    { 64, 0xf0050553, "fmv.w.x fa0, a0" },
    { 64, 0xe2050553, "fmv.x.d a0, fa0" },
    { 64, 0xf2050553, "fmv.d.x fa0, a0" },
    { 64, 0xa0b52553, "feq.s   a0, fa0, fa1" },
    { 64, 0xa2b51553, "flt.d   a0, fa0, fa1" },
    { 64, 0xe2051553, "fclass.d a0, fa0" },
    /* Zba, Zbb, Zbc, Zbs */
    { 64, 0x20c5a533, "sh1add  a0, a1, a2" },
    { 64, 0x20c5e53b, "sh3add.uw a0, a1, a2" },
    { 64, 0x08c5853b, "add.uw  a0, a1, a2" },
    { 64, 0x0805853b, "zext.w  a0, a1" },
    { 64, 0x0a85951b, "slli.uw a0, a1, 40" },
    { 64, 0x40c5f533, "andn    a0, a1, a2" },
    { 64, 0x60059513, "clz     a0, a1" },
    { 64, 0x6025951b, "cpopw   a0, a1" },
    { 64, 0x0ac5e533, "max     a0, a1, a2" },
    { 64, 0x60459513, "sext.b  a0, a1" },
    { 64, 0x0805c53b, "zext.h  a0, a1" },
    { 64, 0x60c59533, "rol     a0, a1, a2" },
    { 64, 0x63c5d513, "rori    a0, a1, 60" },
    { 64, 0x61e5d51b, "roriw   a0, a1, 30" },
    { 64, 0x2875d513, "orc.b   a0, a1" },
    { 64, 0x6b85d513, "rev8    a0, a1" },
    { 64, 0x0ac5a533, "clmulr  a0, a1, a2" },
    { 64, 0x48c59533, "bclr    a0, a1, a2" },
    { 64, 0x4bf5d513, "bexti   a0, a1, 63" },
    { 64, 0x68559513, "binvi   a0, a1, 5" },
    { 64, 0x28059513, "bseti   a0, a1, 0" },
    { 32, 0x69855513, "rev8    a0, a0" },
    { 32, 0x08054533, "zext.h  a0, a0" },
    { 32, 0x60f55513, "rori    a0, a0, 15" },
    /* RVC: Spike prints the compressed form itself */
    { 64, 0x0800, "c.addi4spn s0, sp, 16" },
    { 64, 0x2588, "c.fld   fa0, 8(a1)" },
    { 64, 0x41c8, "c.lw    a0, 4(a1)" },
    { 64, 0x7de8, "c.ld    a0, 248(a1)" },
    { 64, 0xa004, "c.fsd   fs1, 0(s0)" },
    { 64, 0xdd7c, "c.sw    a5, 124(a0)" },
    { 64, 0xe51c, "c.sd    a5, 8(a0)" },
    { 64, 0x0001, "c.nop" },
    { 64, 0x1501, "c.addi  a0, -32" },
    { 64, 0x257d, "c.addiw a0, 31" },
    { 64, 0x57fd, "c.li    a5, -1" },
    { 64, 0x7101, "c.addi16sp sp, -512" },
    { 64, 0x617d, "c.addi16sp sp, 496" },
    { 64, 0x6505, "c.lui   a0, 0x1" },
    { 64, 0x72fd, "c.lui   t0, 0xfffff" },
    { 64, 0x907d, "c.srli  s0, 63" },
    { 64, 0x8485, "c.srai  s1, 1" },
    { 64, 0x9901, "c.andi  a0, -32" },
    { 64, 0x8c05, "c.sub   s0, s1" },
    { 64, 0x8d2d, "c.xor   a0, a1" },
    { 64, 0x8f5d, "c.or    a4, a5" },
    { 64, 0x8e75, "c.and   a2, a3" },
    { 64, 0x9c1d, "c.subw  s0, a5" },
    { 64, 0x9d2d, "c.addw  a0, a1" },
    { 64, 0xaffd, "c.j     pc + 2046" },
    { 64, 0xb001, "c.j     pc - 2048" },
    { 64, 0xd001, "c.beqz  s0, pc - 256" },
    { 64, 0xeffd, "c.bnez  a5, pc + 254" },
    { 64, 0x157e, "c.slli  a0, 63" },
    { 64, 0x357e, "c.fldsp fa0, 504(sp)" },
    { 64, 0x50fe, "c.lwsp  ra, 252(sp)" },
    { 64, 0x6422, "c.ldsp  s0, 8(sp)" },
    { 64, 0x8282, "c.jr    t0" },
    { 64, 0x8082, "c.ret" },
    { 64, 0x852e, "c.mv    a0, a1" },
    { 64, 0x9002, "c.ebreak" },
    { 64, 0x9502, "c.jalr  a0" },
    { 64, 0x952e, "c.add   a0, a1" },
    { 64, 0xa42a, "c.fsdsp fa0, 8(sp)" },
    { 64, 0xc22a, "c.swsp  a0, 4(sp)" },
    { 64, 0xff86, "c.sdsp  ra, 504(sp)" },
    /* HINTs print as the form they are, reserved forms too */
    { 64, 0x0005, "c.addi  zero, 1" },
    { 64, 0x4005, "c.li    zero, 1" },
    { 64, 0x802a, "c.mv    zero, a0" },
    { 64, 0x6101, "c.addi16sp sp, 0" },
    { 64, 0x8002, "c.jr    zero" },
    { 64, 0x0000, "c.unimp" },
    { 64, 0x8000, "unknown" },
    { 64, 0xffffffff, "unknown" },
    { 64, 0x0000007f, "unknown" },
    /* RV32 compressed forms */
    { 32, 0x2095, "c.jal   pc + 100" },
    { 32, 0x61c8, "c.flw   fa0, 4(a1)" },
    { 32, 0xfd6c, "c.fsw   fa1, 124(a0)" },
    { 32, 0x747e, "c.flwsp fs0, 252(sp)" },
    { 32, 0xe22a, "c.fswsp fa0, 4(sp)" },
    { 32, 0x817d, "c.srli  a0, 31" },
    { 32, 0x9105, "c.srli  a0, 33" },
};

Test(riscv_disas, prints_spike_format)
{
    unsigned failures = 0;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        RiscvInsn in;
        char buf[80];

        riscv_decode(cases[i].raw, cases[i].xlen, EXT_ALL, &in);
        riscv_disas(&in, 0x80000000, buf, sizeof(buf));
        if (strcmp(buf, cases[i].text) != 0) {
            cr_log_error("RV%u 0x%08x: \"%s\", expected \"%s\"", cases[i].xlen,
                         cases[i].raw, buf, cases[i].text);
            failures++;
        }
    }
    cr_assert_eq(failures, 0, "%u of %zu disassemblies differ", failures,
                 sizeof(cases) / sizeof(cases[0]));
}

Test(riscv_disas, targets_do_not_depend_on_pc)
{
    RiscvInsn in;
    char a[64], b[64];

    riscv_decode(0x0500006f, 64, EXT_ALL, &in);
    riscv_disas(&in, 0x1000, a, sizeof(a));
    riscv_disas(&in, 0xffffffff80000000ull, b, sizeof(b));
    cr_assert_str_eq(a, "j       pc + 0x50");
    cr_assert_str_eq(a, b);
}

Test(riscv_disas, every_op_has_a_distinct_nonempty_mnemonic)
{
    for (int op = 0; op < RV_OP_COUNT; op++) {
        const char *name = riscv_op_name((RiscvOp)op);
        cr_assert_not_null(name, "op %d has no name", op);
        cr_assert_gt(strlen(name), 0, "op %d has an empty name", op);
        for (int other = 0; other < op; other++) {
            cr_assert_str_neq(name, riscv_op_name((RiscvOp)other),
                              "ops %d and %d are both \"%s\"", other, op, name);
        }
    }
    cr_assert_str_eq(riscv_op_name(RV_OP_FENCE_I), "fence.i");
    cr_assert_str_eq(riscv_op_name(RV_OP_SH1ADD_UW), "sh1add.uw");
    cr_assert_str_eq(riscv_op_name(RV_OP_C_ADDI16SP), "c.addi16sp");
    cr_assert_str_eq(riscv_op_name(RV_OP_COUNT), "unknown");
}

Test(riscv_disas, output_is_truncated_to_the_buffer)
{
    RiscvInsn in;
    char buf[8];

    memset(buf, 'x', sizeof(buf));
    riscv_decode(0x1ec5b52f, 64, EXT_ALL, &in);    /* sc.d.aqrl a0, a2, (a1) */
    cr_assert_eq(riscv_disas(&in, 0, buf, sizeof(buf)), buf);
    cr_assert_str_eq(buf, "sc.d.aq");
    riscv_disas(&in, 0, buf, 1);
    cr_assert_str_eq(buf, "");
    buf[0] = 'x';
    riscv_disas(&in, 0, buf, 0);                   /* writes nothing */
    cr_assert_eq(buf[0], 'x');
}

Test(riscv_disas, register_and_csr_names)
{
    cr_assert_str_eq(riscv_reg_name(0), "zero");
    cr_assert_str_eq(riscv_reg_name(8), "s0");
    cr_assert_str_eq(riscv_reg_name(31), "t6");
    cr_assert_str_eq(riscv_freg_name(0), "ft0");
    cr_assert_str_eq(riscv_freg_name(10), "fa0");
    cr_assert_str_eq(riscv_freg_name(31), "ft11");
    cr_assert_str_eq(riscv_csr_name(0x300), "mstatus");
    cr_assert_str_eq(riscv_csr_name(0xf14), "mhartid");
    cr_assert_str_eq(riscv_csr_name(0x744), "mnstatus");
    cr_assert_str_eq(riscv_csr_name(0x001), "fflags");
    cr_assert_str_eq(riscv_csr_name(0x3ef), "pmpaddr63");
    cr_assert_str_eq(riscv_csr_name(0xc9f), "hpmcounter31h");
    cr_assert_str_eq(riscv_csr_name(0x180), "satp");
    cr_assert_null(riscv_csr_name(0x7c0));
    cr_assert_null(riscv_csr_name(0xfff));
    cr_assert_null(riscv_csr_name(0x10000));
}
