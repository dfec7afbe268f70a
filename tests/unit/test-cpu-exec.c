/*
 * test-cpu-exec.c: the execution loop (softmmu/cpu-exec.c) with the real
 * RISC-V hart (cpu/riscv) on a bare address space: RAM at 0x80000000 and
 * holes around it, no board.  Short programs are written into RAM as
 * hand-encoded instruction words and run with cpu_exec until they wait in
 * wfi.  Pins what a guest observes: register results, minstret exact at
 * every instruction (across blocks, traps, mret, CSR writes), precise
 * mepc/mtval/registers for a fault in the middle of a block, stores that
 * rewrite code (in the same block, in another block, across a page, by
 * DMA), blocks keyed by privilege, Sv39 and PMP limits on fetch, and
 * --max-insns stopping exactly.  Tests marked .disabled pin bugs reported
 * to the lead: enable each with its fix.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/cpu.h"
#include "lemu/cpu-exec.h"
#include "lemu/memory.h"

#define RAM_BASE 0x80000000ull
#define RAM_SIZE (1ull << 20)
#define HOLE 0x40000000ull
#define HANDLER (RAM_BASE + 0x8000)
#define DATA (RAM_BASE + 0x10000)

/* Register numbers (ABI names). */
enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, T2 = 7, S0 = 8, S1 = 9, A0 = 10, A1 = 11,
       A2 = 12, A3 = 13, A4 = 14, A5 = 15 };

/* ---- hand encoding (RISC-V base formats) --------------------------------------- */

static uint32_t enc_r(unsigned f7, unsigned rs2, unsigned rs1, unsigned f3, unsigned rd,
                      unsigned opc)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc;
}

static uint32_t enc_i(int32_t imm, unsigned rs1, unsigned f3, unsigned rd, unsigned opc)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc;
}

static uint32_t enc_s(int32_t imm, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1f) << 7 | 0x23;
}

static uint32_t enc_b(int32_t off, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 12) & 1) << 31 | ((u >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 |
           f3 << 12 | ((u >> 1) & 0xf) << 8 | ((u >> 11) & 1) << 7 | 0x63;
}

static uint32_t enc_j(int32_t off, unsigned rd)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 20) & 1) << 31 | ((u >> 1) & 0x3ff) << 21 | ((u >> 11) & 1) << 20 |
           ((u >> 12) & 0xff) << 12 | rd << 7 | 0x6f;
}

static uint32_t ADDI(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(imm, rs1, 0, rd, 0x13); }
static uint32_t ADD(unsigned rd, unsigned a, unsigned b) { return enc_r(0, b, a, 0, rd, 0x33); }
static uint32_t SUB(unsigned rd, unsigned a, unsigned b) { return enc_r(0x20, b, a, 0, rd, 0x33); }
static uint32_t LW(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(imm, rs1, 2, rd, 0x03); }
static uint32_t LD(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(imm, rs1, 3, rd, 0x03); }
static uint32_t SW(unsigned rs2, unsigned rs1, int32_t imm) { return enc_s(imm, rs2, rs1, 2); }
static uint32_t SD(unsigned rs2, unsigned rs1, int32_t imm) { return enc_s(imm, rs2, rs1, 3); }
static uint32_t BNE(unsigned a, unsigned b, int32_t off) { return enc_b(off, b, a, 1); }
static uint32_t JAL(unsigned rd, int32_t off) { return enc_j(off, rd); }
static uint32_t JALR(unsigned rd, unsigned rs1, int32_t imm) { return enc_i(imm, rs1, 0, rd, 0x67); }
static uint32_t CSRRW(unsigned rd, unsigned csr, unsigned rs1) { return enc_i((int32_t)csr, rs1, 1, rd, 0x73); }
static uint32_t CSRRS(unsigned rd, unsigned csr, unsigned rs1) { return enc_i((int32_t)csr, rs1, 2, rd, 0x73); }
static uint32_t AMOADD_W(unsigned rd, unsigned rs2, unsigned rs1) { return enc_r(0, rs2, rs1, 2, rd, 0x2f); }
#define NOP ADDI(ZERO, ZERO, 0)
#define ECALL 0x00000073u
#define EBREAK 0x00100073u
#define MRET 0x30200073u
#define WFI 0x10500073u
#define FENCE_I 0x0000100fu
#define C_NOP 0x0001u
#define AUIPC_A1 0x00000597u   /* auipc a1, 0 */

/* ---- the machine ------------------------------------------------------------------- */

static MemoryRegion sysmem, ram;
static AddressSpace as;
static CPUState *cs;
static CPURISCVState *env;
static uint8_t *ram_host;
static uint64_t asm_pc;

static void setup(void)
{
    memory_region_init(&sysmem, NULL, "system", UINT64_MAX);
    cr_assert(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, NULL));
    memory_region_add_subregion(&sysmem, RAM_BASE, &ram);
    address_space_init(&as, &sysmem, "memory");
    ram_host = memory_region_get_ram_ptr(&ram);
    RISCVCPUConfig cfg = { .hartid = 0, .xlen = 64, .resetvec = RAM_BASE, .as = &as };
    Error *err = NULL;
    cs = riscv_cpu_create(&cfg, &err);
    cr_assert_not_null(cs, "riscv_cpu_create failed");
    env = riscv_env(cs);
    cpu_max_insns = 0;
    /*
     * Traps go to a handler that stops: wfi with no interrupt enabled (a
     * test may put its own there).  Without one, a trap would loop forever.
     */
    env->mtvec = HANDLER;
    uint32_t wfi = 0x10500073u;
    memcpy(ram_host + (HANDLER - RAM_BASE), &wfi, 4);
    asm_pc = HANDLER;
}

static void org(uint64_t addr)
{
    asm_pc = addr;
}

/* Program text goes straight into RAM before anything runs from it. */
static void emit(uint32_t insn)
{
    memcpy(ram_host + (asm_pc - RAM_BASE), &insn, 4);
    asm_pc += 4;
}

static void emit16(uint16_t insn)
{
    memcpy(ram_host + (asm_pc - RAM_BASE), &insn, 2);
    asm_pc += 2;
}

static uint32_t ram_ld32(uint64_t addr)
{
    uint32_t v;
    memcpy(&v, ram_host + (addr - RAM_BASE), 4);
    return v;
}

/* Run (as lemu's main loop does, in slices) until the hart waits in wfi. */
static void run_from(uint64_t pc)
{
    env->pc = pc;
    for (unsigned slices = 0; slices < 1000; slices++) {
        int r = cpu_exec(cs, cs->insn_count + (1u << 16));
        if (r == EXCP_HALTED || cs->stopped) {
            return;
        }
    }
    cr_assert_fail("the program did not stop (pc 0x%lx)", (unsigned long)env->pc);
}

/* A fresh start of the same program: registers, counters, trap state. */
static void reset_state(void)
{
    memset(env->gpr, 0, sizeof(env->gpr));
    cs->insn_count = 0;
    cs->trapped_count = 0;
    cs->halted = false;
    cs->stopped = false;
    env->priv = PRV_M;
    env->mepc = env->mcause = env->mtval = 0;
}

/* ---- straight-line code and counting ------------------------------------------------------ */

Test(cpu_exec, encodings_match_known_words)
{
    cr_expect_eq(ADDI(A0, ZERO, 2), 0x00200513u);
    cr_expect_eq(CSRRS(A0, CSR_MHARTID, ZERO), 0xf1402573u);
    cr_expect_eq(LD(T0, T0, 24), 0x0182b283u);
    cr_expect_eq(JALR(ZERO, T0, 0), 0x00028067u);
    cr_expect_eq(JAL(ZERO, 0), 0x0000006fu);
    cr_expect_eq(SW(T0, S0, 0), 0x00542023u);
    cr_expect_eq(BNE(A0, A1, -4), 0xfeb51ee3u);
}

Test(cpu_exec, straight_line_block_computes_and_counts, .init = setup)
{
    org(RAM_BASE);
    emit(ADDI(A0, ZERO, 5));
    emit(ADDI(A1, ZERO, 7));
    emit(ADD(A2, A0, A1));
    emit(SUB(A3, A0, A1));
    emit(WFI);
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A2], 12);
    cr_expect_eq(env->gpr[A3], (uint64_t)-2);
    cr_expect_eq(cs->insn_count, 5, "minstret %lu", (unsigned long)cs->insn_count);
    cr_expect_eq(env->pc, RAM_BASE + 20, "pc after the wfi");
}

Test(cpu_exec, minstret_read_in_the_middle_of_a_block_is_exact, .init = setup)
{
    org(RAM_BASE);
    emit(NOP);
    emit(NOP);
    emit(NOP);
    emit(CSRRS(A0, CSR_MINSTRET, ZERO));
    emit(NOP);
    emit(CSRRS(A1, CSR_INSTRET, ZERO));
    emit(JAL(ZERO, 8));              /* ends the block, skips one word */
    emit(0);
    emit(CSRRS(A2, CSR_MINSTRET, ZERO));
    emit(WFI);
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A0], 3, "minstret read as the 4th instruction: %lu",
                 (unsigned long)env->gpr[A0]);
    cr_expect_eq(env->gpr[A1], 5);
    cr_expect_eq(env->gpr[A2], 7, "first instruction of the next block");
    cr_expect_eq(cs->insn_count, 9);
}

Test(cpu_exec, loop_counts_every_iteration, .init = setup)
{
    org(RAM_BASE);
    emit(ADDI(A1, ZERO, 10));
    emit(ADDI(A0, A0, 1));           /* loop: */
    emit(BNE(A0, A1, -4));
    emit(CSRRS(A2, CSR_MINSTRET, ZERO));
    emit(WFI);
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A0], 10);
    cr_expect_eq(env->gpr[A2], 21);
    cr_expect_eq(cs->insn_count, 23);
}

Test(cpu_exec, indirect_jump_counts_and_lands, .init = setup)
{
    org(RAM_BASE);
    emit(ADDI(A3, ZERO, 1));
    emit(JALR(RA, T0, 0));
    org(RAM_BASE + 0x200);
    emit(CSRRS(A0, CSR_MINSTRET, ZERO));
    emit(WFI);
    env->gpr[T0] = RAM_BASE + 0x200;
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[RA], RAM_BASE + 8);
    cr_expect_eq(env->gpr[A0], 2);
    cr_expect_eq(cs->insn_count, 4);
}

Test(cpu_exec, minstret_write_is_not_counted_on_top, .init = setup)
{
    org(RAM_BASE);
    emit(NOP);
    emit(ADDI(T0, ZERO, 100));
    emit(CSRRW(ZERO, CSR_MINSTRET, T0));
    emit(CSRRS(A0, CSR_MINSTRET, ZERO));
    emit(CSRRS(A1, CSR_MINSTRET, ZERO));
    emit(WFI);
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A0], 100, "the instruction after the write reads the value written");
    cr_expect_eq(env->gpr[A1], 101);
    cr_expect_eq(riscv_instret(env), 103, "minstret at the end: %lu",
                 (unsigned long)riscv_instret(env));
    cr_expect_eq(cs->insn_count, 6, "instructions executed (what --max-insns counts)");
}

/* ---- traps ---------------------------------------------------------------------------------- */

static void emit_counting_handler(void)
{
    org(HANDLER);
    emit(CSRRS(A5, CSR_MINSTRET, ZERO));
    emit(WFI);
}

Test(cpu_exec, fault_in_the_middle_of_a_block_is_precise, .init = setup)
{
    emit_counting_handler();
    org(RAM_BASE);
    emit(ADDI(A0, ZERO, 1));
    emit(ADDI(A1, ZERO, 2));
    emit(LW(A2, T0, 0x10));          /* t0 points at a hole */
    emit(ADDI(A3, ZERO, 3));
    emit(WFI);
    for (unsigned round = 0; round < 2; round++) {   /* translated, then cached */
        reset_state();
        env->gpr[T0] = HOLE;
        env->gpr[A2] = 0x1234;
        run_from(RAM_BASE);
        cr_expect_eq(env->mcause, RISCV_EXCP_LOAD_ACCESS_FAULT, "round %u", round);
        cr_expect_eq(env->mepc, RAM_BASE + 8, "mepc 0x%lx", (unsigned long)env->mepc);
        cr_expect_eq(env->mtval, HOLE + 0x10);
        cr_expect_eq(env->gpr[A0], 1, "written before the fault");
        cr_expect_eq(env->gpr[A1], 2, "written before the fault");
        cr_expect_eq(env->gpr[A2], 0x1234, "the faulting load's rd untouched");
        cr_expect_eq(env->gpr[A3], 0, "nothing after the fault ran");
        cr_expect_eq(env->gpr[A5], 2, "minstret in the handler: the two before the fault");
        cr_expect_eq(cs->insn_count - cs->trapped_count, 4, "retired");
        cr_expect_eq(cs->trapped_count, 1, "the load executed but did not retire");
        cr_expect_eq((env->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_M);
    }
}

Test(cpu_exec, register_overwritten_after_a_fault_keeps_its_value_before_it, .init = setup)
{
    /* The first write of a0 looks dead to the block; the fault makes it live. */
    emit_counting_handler();
    org(RAM_BASE);
    emit(ADDI(A0, ZERO, 1));
    emit(ADDI(A1, A0, 1));
    emit(LD(A2, T0, 0));             /* faults */
    emit(ADDI(A0, ZERO, 3));
    emit(ADDI(A1, ZERO, 4));
    emit(WFI);
    org(RAM_BASE + 0x100);           /* the same, faulting in a helper (illegal CSR) */
    emit(ADDI(A0, ZERO, 1));
    emit(CSRRW(ZERO, 0x7ff, ZERO));
    emit(ADDI(A0, ZERO, 3));
    emit(WFI);
    env->gpr[T0] = HOLE;
    run_from(RAM_BASE);
    cr_expect_eq(env->mepc, RAM_BASE + 8);
    cr_expect_eq(env->gpr[A0], 1, "a0 = %lu", (unsigned long)env->gpr[A0]);
    cr_expect_eq(env->gpr[A1], 2);
    reset_state();
    run_from(RAM_BASE + 0x100);
    cr_expect_eq(env->mcause, RISCV_EXCP_ILLEGAL_INST);
    cr_expect_eq(env->gpr[A0], 1, "a0 = %lu", (unsigned long)env->gpr[A0]);
}

Test(cpu_exec, store_fault_leaves_memory_and_state_precise, .init = setup)
{
    emit_counting_handler();
    org(RAM_BASE);
    emit(SD(A0, S0, 0));             /* to DATA: fine */
    emit(ADDI(A0, A0, 1));
    emit(SD(A0, T0, 0));             /* to a hole */
    emit(SD(A0, S0, 8));
    emit(WFI);
    env->gpr[S0] = DATA;
    env->gpr[T0] = HOLE + 0x100;
    env->gpr[A0] = 41;
    run_from(RAM_BASE);
    cr_expect_eq(env->mcause, RISCV_EXCP_STORE_AMO_ACCESS_FAULT);
    cr_expect_eq(env->mepc, RAM_BASE + 8);
    cr_expect_eq(env->mtval, HOLE + 0x100);
    cr_expect_eq(ram_ld32(DATA), 41);
    cr_expect_eq(ram_ld32(DATA + 8), 0, "the store after the fault did not run");
    cr_expect_eq(env->gpr[A5], 2);
}

Test(cpu_exec, ecall_and_ebreak_trap_without_retiring, .init = setup)
{
    emit_counting_handler();
    org(RAM_BASE);
    emit(NOP);
    emit(ECALL);
    run_from(RAM_BASE);
    cr_expect_eq(env->mcause, RISCV_EXCP_M_ECALL);
    cr_expect_eq(env->mepc, RAM_BASE + 4);
    cr_expect_eq(env->gpr[A5], 1, "ecall does not retire");

    reset_state();
    org(RAM_BASE + 0x100);
    emit(NOP);
    emit(NOP);
    emit(EBREAK);
    run_from(RAM_BASE + 0x100);
    cr_expect_eq(env->mcause, RISCV_EXCP_BREAKPOINT);
    cr_expect_eq(env->mepc, RAM_BASE + 0x108);
    cr_expect_eq(env->mtval, RAM_BASE + 0x108);
    cr_expect_eq(env->gpr[A5], 2);
}

Test(cpu_exec, illegal_csr_access_traps_with_the_instruction_in_mtval, .init = setup)
{
    emit_counting_handler();
    org(RAM_BASE);
    emit(ADDI(A0, ZERO, 7));
    uint32_t bad = CSRRW(A1, 0x7ff, A0);   /* no such CSR */
    emit(bad);
    emit(ADDI(A0, ZERO, 8));
    emit(WFI);
    env->gpr[A1] = 99;
    run_from(RAM_BASE);
    cr_expect_eq(env->mcause, RISCV_EXCP_ILLEGAL_INST);
    cr_expect_eq(env->mepc, RAM_BASE + 4);
    cr_expect_eq(env->mtval, bad);
    cr_expect_eq(env->gpr[A0], 7);
    cr_expect_eq(env->gpr[A1], 99);
    cr_expect_eq(env->gpr[A5], 1);
}

Test(cpu_exec, mret_retires_and_returns_to_mepc, .init = setup)
{
    org(RAM_BASE);
    emit(NOP);
    emit(CSRRW(ZERO, CSR_MEPC, T0));
    emit(MRET);
    emit(ADDI(A1, ZERO, 1));         /* skipped */
    org(RAM_BASE + 0x300);
    emit(CSRRS(A0, CSR_MINSTRET, ZERO));
    emit(WFI);
    env->gpr[T0] = RAM_BASE + 0x300;
    env->mstatus |= 3ull << MSTATUS_MPP_SHIFT;   /* return to M */
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A1], 0);
    cr_expect_eq(env->gpr[A0], 3, "nop, csrw, mret retired");
    cr_expect_eq(cs->insn_count, 5);
    cr_expect_eq(env->priv, PRV_M);
}

Test(cpu_exec, same_code_in_m_and_u_mode_is_translated_for_each, .init = setup)
{
    emit_counting_handler();
    org(RAM_BASE + 0x400);
    emit(ECALL);
    run_from(RAM_BASE + 0x400);
    cr_expect_eq(env->mcause, RISCV_EXCP_M_ECALL);

    /* mret to U-mode at the same address: the M-mode block must not be reused. */
    reset_state();
    org(RAM_BASE);
    emit(CSRRW(ZERO, CSR_MEPC, T0));
    emit(MRET);
    env->gpr[T0] = RAM_BASE + 0x400;
    env->mstatus &= ~MSTATUS_MPP;    /* MPP = U */
    env->pmpaddr[0] = ~0ull >> 10;   /* U may run anywhere: NAPOT, R W X */
    env->pmpcfg[0] = 0x1f;
    run_from(RAM_BASE);
    cr_expect_eq(env->mcause, RISCV_EXCP_U_ECALL, "mcause %lu", (unsigned long)env->mcause);
    cr_expect_eq(env->mepc, RAM_BASE + 0x400);
    cr_expect_eq((env->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_U);
    cr_expect_eq(env->gpr[A5], 2, "csrw and mret retired, ecall not");
}

Test(cpu_exec, interrupt_is_taken_at_a_block_boundary, .init = setup)
{
    org(HANDLER);
    emit(CSRRS(A4, CSR_MCAUSE, ZERO));
    emit(CSRRW(ZERO, CSR_MIE, ZERO));   /* masks it: the wfi then waits */
    emit(WFI);
    org(RAM_BASE);
    emit(ADDI(A0, ZERO, 1));
    emit(WFI);
    env->mie = MIP_MSIP;
    env->mstatus |= MSTATUS_MIE;
    irq_raise(riscv_cpu_irq(cs, RISCV_IRQ_M_SOFT));
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A4], (1ull << 63) | RISCV_IRQ_M_SOFT);
    cr_expect_eq(env->mepc, RAM_BASE, "taken before the first instruction");
    cr_expect_eq(env->gpr[A0], 0);
    cr_expect_eq(cs->insn_count, 3, "handler's three instructions only");
    cr_expect_eq(env->mstatus & MSTATUS_MPIE, MSTATUS_MPIE);
}

/* ---- self-modifying code ---------------------------------------------------------------------- */

Test(cpu_exec, store_rewriting_the_next_instruction_of_its_block_runs_the_new_one,
     .init = setup)
{
    org(RAM_BASE);
    emit(SW(T0, S0, 0));
    uint64_t next = asm_pc;
    emit(ADDI(A0, ZERO, 1));         /* becomes addi a0, x0, 2 */
    emit(SW(T0, S0, 16));            /* three ahead: addi a1 becomes addi a0, x0, 2 */
    emit(NOP);
    emit(NOP);
    emit(ADDI(A1, ZERO, 1));
    emit(CSRRS(A2, CSR_MINSTRET, ZERO));
    emit(WFI);
    env->gpr[S0] = next;
    env->gpr[T0] = ADDI(A0, ZERO, 2);
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A0], 2, "the old instruction ran");
    cr_expect_eq(env->gpr[A1], 0, "a1 stays: its instruction became addi a0, x0, 2");
    cr_expect_eq(env->gpr[A2], 6, "each instruction counted once");
    cr_expect_eq(cs->insn_count, 8);
}

Test(cpu_exec, store_rewriting_code_of_another_cached_block_is_seen, .init = setup)
{
    uint64_t f = RAM_BASE + 0x200;
    org(f);
    emit(ADDI(A0, ZERO, 1));
    emit(JALR(ZERO, RA, 0));
    org(RAM_BASE);
    emit(JAL(RA, (int32_t)(f - asm_pc)));
    emit(ADDI(A1, A0, 0));
    emit(SW(T0, S0, 0));             /* no fence.i: lemu invalidates anyway */
    emit(JAL(RA, (int32_t)(f - asm_pc)));
    emit(ADDI(A2, A0, 0));
    emit(SW(T1, S0, 0));
    emit(FENCE_I);
    emit(JAL(RA, (int32_t)(f - asm_pc)));
    emit(WFI);
    env->gpr[S0] = f;
    env->gpr[T0] = ADDI(A0, ZERO, 2);
    env->gpr[T1] = ADDI(A0, ZERO, 3);
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A1], 1);
    cr_expect_eq(env->gpr[A2], 2);
    cr_expect_eq(env->gpr[A0], 3);
    cr_expect_eq(cs->insn_count, 15);
}

Test(cpu_exec, instruction_straddling_a_page_runs_and_is_invalidated_through_either_page,
     .init = setup)
{
    uint64_t start = RAM_BASE + 0x1ff0;
    org(start);
    for (int i = 0; i < 7; i++) {
        emit16(C_NOP);
    }
    cr_assert_eq(asm_pc, RAM_BASE + 0x1ffe);
    emit(ADDI(A0, ZERO, 1));         /* half on each page */
    emit(WFI);
    run_from(start);
    cr_expect_eq(env->gpr[A0], 1);
    cr_expect_eq(cs->insn_count, 9);

    /* The immediate lives in the upper half, on the second page. */
    uint16_t hi = 0x0050;            /* addi a0, x0, 5 */
    address_space_write(&as, RAM_BASE + 0x2000, MEMTXATTRS_UNSPECIFIED, &hi, 2);
    reset_state();
    run_from(start);
    cr_expect_eq(env->gpr[A0], 5, "stale block: the second page's write was missed");

    /* And the lower half, on the first page: addi a1, x0, 5. */
    uint16_t lo = (uint16_t)ADDI(A1, ZERO, 5);
    address_space_write(&as, RAM_BASE + 0x1ffe, MEMTXATTRS_UNSPECIFIED, &lo, 2);
    reset_state();
    run_from(start);
    cr_expect_eq(env->gpr[A1], 5);
    cr_expect_eq(env->gpr[A0], 0);
}

Test(cpu_exec, data_stores_beside_code_invalidate_nothing, .init = setup)
{
    org(RAM_BASE);
    emit(ADDI(A1, ZERO, 50));
    emit(ADDI(A0, A0, 1));           /* loop: */
    emit(SD(A0, S0, 0));             /* data on this very page */
    emit(SW(A0, S0, 18));            /* misaligned, still data */
    emit(BNE(A0, A1, -12));
    emit(WFI);
    env->gpr[S0] = RAM_BASE + 0x800;
    TBCacheStats before = tb_cache_stats();
    run_from(RAM_BASE);
    TBCacheStats after = tb_cache_stats();
    cr_expect_eq(env->gpr[A0], 50);
    cr_expect_eq(ram_ld32(RAM_BASE + 0x800), 50);
    cr_expect_eq(after.invalidated, before.invalidated, "a data store invalidated code");
    cr_expect_leq(after.translated - before.translated, 4, "blocks retranslated");
}

/*
 * An AMO whose store rewrites a later instruction of its own block: the
 * block ends right after the AMO, and rd still receives the old value.
 */
Test(cpu_exec, amo_rewriting_its_own_block_still_writes_rd, .init = setup)
{
    org(RAM_BASE);
    emit(AMOADD_W(A1, T0, S0));
    uint64_t next = asm_pc;
    emit(ADDI(A0, ZERO, 1));         /* + (1 << 20): addi a0, x0, 2 */
    emit(WFI);
    env->gpr[S0] = next;
    env->gpr[T0] = 1u << 20;
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A0], 2);
    cr_expect_eq(env->gpr[A1], ADDI(A0, ZERO, 1), "rd of the AMO: 0x%lx",
                 (unsigned long)env->gpr[A1]);
    cr_expect_eq(cs->insn_count, 3);
}

/*
 * A device whose register read writes guest RAM (DMA): here, code of the
 * block that is reading it.  The block was invalidated while it ran and
 * then left through a chainable exit: the loop must neither chain from it
 * nor touch it once freed (ASan), and the next visit runs the new code.
 */
static uint64_t dma_dev_read(void *opaque, hwaddr addr, unsigned size)
{
    (void)addr, (void)size;
    uint32_t insn = ADDI(A1, ZERO, 7);
    address_space_write(&as, *(uint64_t *)opaque, MEMTXATTRS_UNSPECIFIED, &insn, 4);
    return 0x42;
}

static const MemoryRegionOps dma_dev_ops = {
    .read = dma_dev_read,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

Test(cpu_exec, block_rewritten_by_dma_during_a_device_read_is_dropped, .init = setup)
{
    static MemoryRegion dma_dev;
    static uint64_t target;
    memory_region_init_io(&dma_dev, NULL, &dma_dev_ops, &target, "dma-dev", 0x1000);
    memory_region_add_subregion(&sysmem, 0x10000000, &dma_dev);
    org(RAM_BASE);
    emit(LW(A0, T0, 0));
    emit(ADDI(A2, A2, 1));
    target = asm_pc;
    emit(ADDI(A1, ZERO, 1));
    emit(JAL(ZERO, 4));              /* a chainable exit */
    emit(WFI);
    env->gpr[T0] = 0x10000000;
    run_from(RAM_BASE);
    cr_expect_eq(env->mcause, 0, "trap %lu at 0x%lx", (unsigned long)env->mcause,
                 (unsigned long)env->mepc);
    cr_expect_eq(env->gpr[A0], 0x42);
    cr_expect_eq(ram_ld32(target), ADDI(A1, ZERO, 7));
    reset_state();
    env->gpr[T0] = 0x10000000;
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A1], 7, "the rewritten block was run again");
    cr_expect_eq(cs->insn_count, 5);
}

/* ---- with the MMU: a fetch straddling into an unmapped page ------------------------------- */

#define PTE_V 0x01u
#define PTE_R 0x02u
#define PTE_X 0x08u
#define PTE_W 0x4u
#define PTE_A 0x40u
#define PTE_D 0x80u
#define PT_ROOT (RAM_BASE + 0x30000)
#define PT_L1 (RAM_BASE + 0x31000)
#define PT_L0 (RAM_BASE + 0x32000)

static void pte_set(uint64_t table, unsigned index, uint64_t pa, unsigned flags)
{
    uint64_t pte = (pa >> 12) << 10 | flags;
    memcpy(ram_host + (table - RAM_BASE) + 8 * index, &pte, 8);
}

/*
 * Sv39, S-mode: virtual 0x400000 -> RAM_BASE + 0x20000; the next virtual
 * page unmapped.  PMP entry 0 grants everything (S-mode needs a match).
 */
static void setup_sv39(void)
{
    setup();
    /* A hart with an MMU instead: the first one stays registered, idle. */
    RISCVCPUConfig cfg = { .hartid = 1, .xlen = 64, .resetvec = RAM_BASE, .as = &as,
                           .has_mmu = true };
    cs = riscv_cpu_create(&cfg, NULL);
    cr_assert_not_null(cs);
    env = riscv_env(cs);
    env->mtvec = HANDLER;
    env->pmpaddr[0] = (1ull << 54) - 1;
    env->pmpcfg[0] = 0x1f;   /* NAPOT, R W X */
    pte_set(PT_ROOT, 0, PT_L1, PTE_V);
    pte_set(PT_L1, 2, PT_L0, PTE_V);
    pte_set(PT_L0, 0, RAM_BASE + 0x20000, PTE_V | PTE_R | PTE_X | PTE_A | PTE_D);
    env->satp = (8ull << 60) | (PT_ROOT >> 12);
    tlb_flush(cs);
}

/*
 * The demand-paging pattern: the page fault handler maps the page and
 * returns; the instruction must then run (an instruction straddling into
 * the unmapped page gives a page fault with the second page's address).
 */
Test(cpu_exec, fetch_straddling_into_an_unmapped_page_page_faults_until_mapped,
     .init = setup_sv39)
{
    org(RAM_BASE + 0x20ff0);         /* virtual 0x400ff0 */
    for (int i = 0; i < 7; i++) {
        emit16(C_NOP);
    }
    emit(ADDI(A0, ZERO, 1));         /* upper half at physical RAM_BASE + 0x21000 */
    emit(WFI);
    env->priv = PRV_S;
    run_from(0x400ff0);
    cr_expect_eq(env->mcause, RISCV_EXCP_INST_PAGE_FAULT, "mcause %lu",
                 (unsigned long)env->mcause);
    cr_expect_eq(env->mepc, 0x400ffe);
    cr_expect_eq(env->mtval, 0x401000, "mtval 0x%lx", (unsigned long)env->mtval);
    cr_expect_eq(env->gpr[A0], 0);

    /* What the handler would do: map the page, sfence.vma. */
    pte_set(PT_L0, 1, RAM_BASE + 0x21000, PTE_V | PTE_R | PTE_X | PTE_A | PTE_D);
    tlb_flush(cs);
    reset_state();
    env->priv = PRV_S;
    run_from(0x400ff0);
    cr_expect_eq(env->mcause, 0, "still faulting: mcause %lu", (unsigned long)env->mcause);
    cr_expect_eq(env->gpr[A0], 1);
    cr_expect_eq(cs->insn_count, 9);
}

/*
 * Accessed/dirty bits: by default the page walk sets them (as QEMU does);
 * with svade (-cpu rv64,svade=on) a clear bit is a page fault instead.
 */
static void ad_bits_case(bool svade)
{
    env->hw_ad_update = !svade;
    uint64_t data_va = 0x401000;
    pte_set(PT_L0, 1, RAM_BASE + 0x21000, PTE_V | PTE_R | PTE_W);   /* A = D = 0 */
    org(RAM_BASE + 0x20000);         /* virtual 0x400000 */
    emit(LD(A0, T0, 0));
    emit(WFI);
    env->gpr[T0] = data_va;
    env->priv = PRV_S;
    run_from(0x400000);
}

Test(cpu_exec, page_walk_sets_the_accessed_bit, .init = setup_sv39)
{
    ad_bits_case(false);
    cr_expect_eq(env->mcause, 0, "mcause %lu", (unsigned long)env->mcause);
    uint64_t pte;
    memcpy(&pte, ram_host + (PT_L0 + 8 - RAM_BASE), 8);
    cr_expect(pte & PTE_A, "A set by the walk: pte 0x%lx", (unsigned long)pte);
}

Test(cpu_exec, svade_page_faults_on_a_clear_accessed_bit, .init = setup_sv39)
{
    ad_bits_case(true);
    cr_expect_eq(env->mcause, RISCV_EXCP_LOAD_PAGE_FAULT, "mcause %lu",
                 (unsigned long)env->mcause);
    cr_expect_eq(env->mtval, 0x401000);
    uint64_t pte;
    memcpy(&pte, ram_host + (PT_L0 + 8 - RAM_BASE), 8);
    cr_expect_not(pte & PTE_A, "the PTE is left alone");
}

Test(cpu_exec, sv39_code_runs_through_the_mmu, .init = setup_sv39)
{
    org(RAM_BASE + 0x20000);         /* virtual 0x400000 */
    emit(ADDI(A0, ZERO, 3));
    emit(AUIPC_A1);
    emit(WFI);
    env->priv = PRV_S;
    run_from(0x400000);
    cr_expect_eq(env->mcause, 0, "mcause %lu", (unsigned long)env->mcause);
    cr_expect_eq(env->gpr[A0], 3);
    cr_expect_eq(env->gpr[A1], 0x400004, "auipc sees the virtual pc");
}

/*
 * PMP lets U-mode execute [0, RAM_BASE + 0x800) only: a block starting just
 * below the boundary must not run the instruction above it.
 */
Test(cpu_exec, pmp_boundary_inside_a_page_stops_execution, .init = setup)
{
    org(RAM_BASE + 0x7f8);
    emit(NOP);
    emit(NOP);
    emit(ADDI(A0, ZERO, 1));         /* at RAM_BASE + 0x800: not executable in U */
    emit(WFI);
    env->pmpaddr[0] = (RAM_BASE + 0x800) >> 2;
    env->pmpcfg[0] = 0x0f;           /* TOR, R W X */
    tlb_flush(cs);
    env->priv = PRV_U;
    run_from(RAM_BASE + 0x7f8);
    cr_expect_eq(env->mcause, RISCV_EXCP_INST_ACCESS_FAULT, "mcause %lu",
                 (unsigned long)env->mcause);
    cr_expect_eq(env->mepc, RAM_BASE + 0x800, "mepc 0x%lx", (unsigned long)env->mepc);
    cr_expect_eq(env->gpr[A0], 0, "the instruction beyond the PMP region ran");
}

/* ---- memory through the hart ------------------------------------------------------------- */

Test(cpu_exec, misaligned_load_across_pages_succeeds, .init = setup)
{
    emit_counting_handler();
    org(RAM_BASE);
    emit(LD(A0, T0, 0));
    emit(WFI);
    env->gpr[T0] = DATA + 0xffd;
    for (unsigned i = 0; i < 8; i++) {
        ram_host[DATA - RAM_BASE + 0xffd + i] = (uint8_t)(0x11 * (i + 1));
    }
    run_from(RAM_BASE);
    cr_expect_eq(env->gpr[A0], 0x8877665544332211ull);
    cr_expect_eq(env->mcause, 0, "no trap");
    cr_expect_eq(cs->insn_count, 2);
}

Test(cpu_exec, fetch_from_a_hole_traps_with_its_address, .init = setup)
{
    emit_counting_handler();
    org(RAM_BASE);
    emit(NOP);
    emit(JALR(ZERO, T0, 0));
    env->gpr[T0] = HOLE + 0x40;
    run_from(RAM_BASE);
    cr_expect_eq(env->mcause, RISCV_EXCP_INST_ACCESS_FAULT);
    cr_expect_eq(env->mepc, HOLE + 0x40);
    cr_expect_eq(env->mtval, HOLE + 0x40);
    cr_expect_eq(env->gpr[A5], 2);
}

/* ---- --max-insns ------------------------------------------------------------------------------- */

Test(cpu_exec, max_insns_stops_exactly, .init = setup)
{
    /* An endless loop of seven instructions that chains to itself. */
    org(RAM_BASE);
    emit(ADDI(A0, A0, 1));
    for (int i = 0; i < 5; i++) {
        emit(NOP);
    }
    emit(JAL(ZERO, -24));
    static const uint64_t limits[] = { 1, 3, 7, 8, 100, 511, 512, 513, 1000, 4099, 10001,
                                       70000, 200003 };
    for (unsigned k = 0; k < sizeof(limits) / sizeof(limits[0]); k++) {
        uint64_t n = limits[k];
        reset_state();
        cpu_max_insns = n;
        run_from(RAM_BASE);
        cr_expect(cs->stopped, "limit %lu: not stopped", (unsigned long)n);
        cr_expect_eq(cs->insn_count, n, "limit %lu: stopped after %lu", (unsigned long)n,
                     (unsigned long)cs->insn_count);
        cr_expect_eq(env->gpr[A0], (n + 6) / 7, "limit %lu: a0 = %lu", (unsigned long)n,
                     (unsigned long)env->gpr[A0]);
        cr_expect_eq(env->pc, RAM_BASE + 4 * (n % 7), "limit %lu: pc 0x%lx", (unsigned long)n,
                     (unsigned long)env->pc);
    }
    cpu_max_insns = 0;
}
