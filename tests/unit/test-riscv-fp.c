/*
 * test-riscv-fp.c: the F/D and Zb* side of the RISC-V hart (cpu/riscv/cpu.c
 * ISA strings, cpu/riscv/csr.c FP CSRs, cpu/riscv/translate-fp.c,
 * translate-bitmanip.c, fpu_helper.c), seen from outside: a hart made with
 * a given ISA string runs a few instructions from RAM and the test looks
 * at its registers, CSRs and traps.  The instruction-by-instruction
 * semantics are the guest tests' job (roms/tests/rv64f-*, rv64d-*,
 * rv64fd-*, zb*); these pin what a guest cannot set up on its own board:
 * the ISA string, misa, the TB flags and the decoder's extension gating.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "cpu/riscv/cpu.h"
#include "lemu/memory.h"

#define RAM_BASE 0x80000000ull
#define TRAP_VEC (RAM_BASE + 0x1000)
#define DATA (RAM_BASE + 0x2000)
#define FULL_ISA "rv64imafdc_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc"

/* Encodings (riscv64-unknown-elf-as 2.40). */
#define INSN_J_SELF 0x0000006fu             /* j . */
#define INSN_FADD_S_DYN 0x0020f053u         /* fadd.s ft0, ft1, ft2 (rm = dyn) */
#define INSN_FADD_S_RM5 0x0020d053u         /* fadd.s ft0, ft1, ft2 with rm = 5 */
#define INSN_FADD_D_DYN 0x0220f053u         /* fadd.d ft0, ft1, ft2 (rm = dyn) */
#define INSN_FMV_W_X 0xf0050053u            /* fmv.w.x ft0, a0 */
#define INSN_FADD_S_F1 0x000070d3u          /* fadd.s ft1, ft0, ft0 */
#define INSN_FDIV_D 0x1a20f053u             /* fdiv.d ft0, ft1, ft2 */
#define INSN_FLW 0x0005a187u                /* flw ft3, 0(a1) */
#define INSN_FSW 0x0045a427u                /* fsw ft4, 8(a1) */
#define INSN_CSRR_FFLAGS 0x001026f3u        /* csrr a3, fflags */
#define INSN_CLZ 0x60051613u                /* clz a2, a0 */
#define INSN_CLMUL 0x0ab51633u              /* clmul a2, a0, a1 */

static MemoryRegion sysmem, ram;
static AddressSpace as;
static uint8_t *ram_ptr;

static void memory_setup(void)
{
    memory_region_init(&sysmem, NULL, "system", UINT64_MAX);
    address_space_init(&as, &sysmem, "memory");
    cr_assert(memory_region_init_ram(&ram, NULL, "ram", 0x4000, NULL));
    memory_region_add_subregion(&sysmem, RAM_BASE, &ram);
    ram_ptr = memory_region_get_ram_ptr(&ram);
}

static CPUState *hart_try(const char *isa, Error **errp)
{
    static bool memory_ready;
    if (!memory_ready) {
        memory_setup();
        memory_ready = true;
    }
    RISCVCPUConfig cfg = {
        .hartid = 0, .xlen = 64, .isa = isa, .resetvec = RAM_BASE, .as = &as,
    };
    return riscv_cpu_create(&cfg, errp);
}

static CPUState *hart(const char *isa)
{
    Error *err = NULL;
    CPUState *cs = hart_try(isa, &err);
    cr_assert_not_null(cs, "%s: %s", isa, err ? error_get_pretty(err) : "?");
    return cs;
}

/* Through the memory API, so that translations of the old bytes are dropped. */
static void put32(uint64_t addr, uint32_t v)
{
    cr_assert_eq(address_space_write(&as, addr, MEMTXATTRS_UNSPECIFIED, &v, 4), MEMTX_OK);
}

static uint64_t get64(uint64_t addr)
{
    uint64_t v;
    memcpy(&v, ram_ptr + (addr - RAM_BASE), 8);
    return v;
}

/*
 * Load code (ending in "j ." so that extra steps spin in place), point
 * mtvec at another "j .", and run n instructions (a trap counts its spin).
 */
static void run(CPUState *cs, const uint32_t *code, unsigned ncode, unsigned n)
{
    CPURISCVState *env = riscv_env(cs);
    for (unsigned i = 0; i < ncode; i++) {
        put32(RAM_BASE + 4 * i, code[i]);
    }
    put32(RAM_BASE + 4 * ncode, INSN_J_SELF);
    put32(TRAP_VEC, INSN_J_SELF);
    env->mtvec = TRAP_VEC;
    env->pc = RAM_BASE;
    cpu_exec(cs, cs->insn_count + n);
}

static void set_fs(CPURISCVState *env, unsigned fs)
{
    env->mstatus = (env->mstatus & ~MSTATUS_FS) | ((uint64_t)fs << MSTATUS_FS_SHIFT);
}

static unsigned get_fs(const CPURISCVState *env)
{
    return (unsigned)((env->mstatus & MSTATUS_FS) >> MSTATUS_FS_SHIFT);
}

/* ---- ISA strings ------------------------------------------------------------ */

Test(riscv_isa, full_string_round_trips_and_sets_misa_f_d)
{
    CPUState *cs = hart(FULL_ISA);
    cr_assert_str_eq(riscv_cpu_isa_string(cs), FULL_ISA);
    uint64_t misa = riscv_env(cs)->misa;
    cr_assert(misa & RVF);
    cr_assert(misa & RVD);
    cr_assert(misa & RVC);
    cr_assert_eq(misa >> 62, 2, "MXL = 64");
}

Test(riscv_isa, g_means_imafd_zicsr_zifencei_zihintpause)
{
    CPUState *cs = hart("rv64gc");
    cr_assert_str_eq(riscv_cpu_isa_string(cs), "rv64imafdc_zicsr_zifencei_zihintpause_sstc");
}

Test(riscv_isa, single_letters_keep_their_string)
{
    CPUState *cs = hart("rv64imac");
    cr_assert_str_eq(riscv_cpu_isa_string(cs), "rv64imac_zicsr_zifencei_zihintpause_sstc");
    cr_assert_eq(riscv_env(cs)->misa & (RVF | RVD), 0);
}

Test(riscv_isa, multi_letter_extensions_print_in_canonical_order)
{
    CPUState *cs = hart("rv64imac_zbs_zicsr_zba");
    cr_assert_str_eq(riscv_cpu_isa_string(cs), "rv64imac_zicsr_zifencei_zihintpause_zba_zbs_sstc");
}

Test(riscv_isa, d_without_f_is_refused)
{
    Error *err = NULL;
    cr_assert_null(hart_try("rv64imadc", &err));
    cr_assert_not_null(err);
    cr_assert(strstr(error_get_pretty(err), "D needs F"), "%s", error_get_pretty(err));
}

Test(riscv_isa, unknown_extension_is_named)
{
    Error *err = NULL;
    cr_assert_null(hart_try("rv64imac_zfoo", &err));
    cr_assert(strstr(error_get_pretty(err), "'zfoo'"), "%s", error_get_pretty(err));
    err = NULL;
    cr_assert_null(hart_try("rv64imac_", &err));
    cr_assert_not_null(err);
}

/* ---- mstatus.FS --------------------------------------------------------------- */

Test(riscv_fp, fs_is_off_at_reset_and_fp_instructions_trap)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    cr_assert_eq(get_fs(env), RISCV_FS_OFF);
    env->fpr[0] = 0x1234;
    const uint32_t code[] = { INSN_FADD_S_DYN };
    run(cs, code, 1, 4);
    cr_assert_eq(env->mcause, RISCV_EXCP_ILLEGAL_INST);
    cr_assert_eq(env->mepc, RAM_BASE);
    cr_assert_eq(env->mtval, INSN_FADD_S_DYN);
    cr_assert_eq(env->fpr[0], 0x1234, "nothing written");
}

Test(riscv_fp, fcsr_is_illegal_while_fs_is_off)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    uint64_t old = 0;
    cr_assert_eq(riscv_csr_rmw(env, CSR_FFLAGS, &old, 0, 0), -1);
    cr_assert_eq(riscv_csr_rmw(env, CSR_FCSR, &old, 0, 0), -1);
    set_fs(env, RISCV_FS_INITIAL);
    cr_assert_eq(riscv_csr_rmw(env, CSR_FCSR, &old, 0xe3, UINT64_MAX), 0);
    cr_assert_eq(env->frm, 7);
    cr_assert_eq(env->fflags, 3);
    cr_assert_eq(get_fs(env), RISCV_FS_DIRTY);
    cr_assert(env->mstatus & MSTATUS64_SD);
}

Test(riscv_fp, fs_field_is_read_only_zero_without_f)
{
    CPUState *cs = hart("rv64imac");
    CPURISCVState *env = riscv_env(cs);
    uint64_t old = 0;
    cr_assert_eq(riscv_csr_rmw(env, CSR_MSTATUS, &old, MSTATUS_FS, MSTATUS_FS), 0);
    cr_assert_eq(get_fs(env), 0);
    cr_assert_eq(riscv_csr_rmw(env, CSR_FRM, &old, 0, 0), -1);
}

Test(riscv_fp, tb_flags_carry_fs_next_to_the_privilege)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    uint32_t seen[4];
    for (unsigned fs = 0; fs < 4; fs++) {
        set_fs(env, fs);
        seen[fs] = riscv_tb_flags(env);
        cr_assert_eq(seen[fs] & TB_FLAGS_PRIV_MASK, PRV_M);
        cr_assert_eq((seen[fs] & TB_FLAGS_FS_MASK) >> TB_FLAGS_FS_SHIFT, fs);
    }
    for (unsigned i = 0; i < 4; i++) {
        for (unsigned j = i + 1; j < 4; j++) {
            cr_assert_neq(seen[i], seen[j]);
        }
    }
}

Test(riscv_fp, writing_an_f_register_makes_fs_dirty_and_boxes_singles)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    set_fs(env, RISCV_FS_CLEAN);
    env->gpr[10] = 0x123456783f800000ull;   /* a0 */
    const uint32_t code[] = { INSN_FMV_W_X, INSN_FADD_S_F1 };
    run(cs, code, 2, 2);
    cr_assert_eq(env->pc, RAM_BASE + 8);
    cr_assert_eq(env->fpr[0], 0xffffffff3f800000ull);
    cr_assert_eq(env->fpr[1], 0xffffffff40000000ull, "1 + 1 = 2, boxed");
    cr_assert_eq(get_fs(env), RISCV_FS_DIRTY);
    cr_assert(env->mstatus & MSTATUS64_SD);
    cr_assert_eq(env->fflags, 0);
}

Test(riscv_fp, block_translated_with_fs_off_is_not_reused_once_fs_is_on)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    env->gpr[10] = 0x40000000;
    const uint32_t code[] = { INSN_FMV_W_X };
    run(cs, code, 1, 2);
    cr_assert_eq(env->mcause, RISCV_EXCP_ILLEGAL_INST, "FS = Off");
    set_fs(env, RISCV_FS_INITIAL);
    run(cs, code, 1, 1);
    cr_assert_eq(env->pc, RAM_BASE + 4, "the same code now runs");
    cr_assert_eq(env->fpr[0], 0xffffffff40000000ull);
}

/* ---- rounding modes, flags, loads and stores ------------------------------------ */

Test(riscv_fp, reserved_static_rm_is_illegal)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    set_fs(env, RISCV_FS_INITIAL);
    env->fpr[0] = 0x5555;
    const uint32_t code[] = { INSN_FADD_S_RM5 };
    run(cs, code, 1, 2);
    cr_assert_eq(env->mcause, RISCV_EXCP_ILLEGAL_INST);
    cr_assert_eq(env->mtval, INSN_FADD_S_RM5);
    cr_assert_eq(env->fpr[0], 0x5555);
}

Test(riscv_fp, dynamic_rounding_with_reserved_frm_traps_when_it_runs)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    set_fs(env, RISCV_FS_CLEAN);
    env->fpr[0] = 0x5555;
    env->fpr[1] = 0x3ff0000000000000ull;
    env->fpr[2] = 0x3ff0000000000000ull;
    for (unsigned frm = 5; frm < 8; frm++) {
        env->frm = frm;
        const uint32_t code[] = { INSN_FADD_D_DYN };
        env->mcause = 0;
        run(cs, code, 1, 2);
        cr_assert_eq(env->mcause, RISCV_EXCP_ILLEGAL_INST, "frm %u", frm);
        cr_assert_eq(env->mepc, RAM_BASE);
        cr_assert_eq(env->mtval, INSN_FADD_D_DYN);
        cr_assert_eq(env->fpr[0], 0x5555);
        cr_assert_eq(get_fs(env), RISCV_FS_CLEAN, "nothing was written");
    }
    env->frm = 0;
    const uint32_t code[] = { INSN_FADD_D_DYN };
    run(cs, code, 1, 1);
    cr_assert_eq(env->pc, RAM_BASE + 4);
    cr_assert_eq(env->fpr[0], 0x4000000000000000ull);
}

Test(riscv_fp, flags_accrue_into_fflags)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    set_fs(env, RISCV_FS_INITIAL);
    env->fflags = 0x1;                      /* NX already set */
    env->fpr[1] = 0x3ff0000000000000ull;    /* 1 */
    env->fpr[2] = 0;                        /* +0 */
    const uint32_t code[] = { INSN_FDIV_D, INSN_CSRR_FFLAGS };
    run(cs, code, 2, 2);
    cr_assert_eq(env->fpr[0], 0x7ff0000000000000ull, "1 / 0 = inf");
    cr_assert_eq(env->fflags, 0x9, "DZ joins NX");
    cr_assert_eq(env->gpr[13], 0x9, "csrr a3, fflags");
}

Test(riscv_fp, flw_boxes_and_fsw_stores_the_low_word)
{
    CPUState *cs = hart(FULL_ISA);
    CPURISCVState *env = riscv_env(cs);
    set_fs(env, RISCV_FS_INITIAL);
    put32(DATA, 0x7f800001);                /* a signalling NaN: loaded as is */
    put32(DATA + 8, 0xaaaaaaaa);
    put32(DATA + 12, 0xbbbbbbbb);
    env->gpr[11] = DATA;                    /* a1 */
    env->fpr[4] = 0x0123456789abcdefull;    /* not a boxed single */
    const uint32_t code[] = { INSN_FLW, INSN_FSW };
    run(cs, code, 2, 2);
    cr_assert_eq(env->fpr[3], 0xffffffff7f800001ull);
    cr_assert_eq(get64(DATA + 8), 0xbbbbbbbb89abcdefull);
    cr_assert_eq(env->fflags, 0);
}

/* ---- bit manipulation ---------------------------------------------------------- */

Test(riscv_zb, zbb_and_zbc_decode_only_when_the_isa_has_them)
{
    const uint32_t code[] = { INSN_CLZ, INSN_CLMUL };
    CPUState *cs = hart("rv64imac");
    CPURISCVState *env = riscv_env(cs);
    run(cs, code, 2, 2);
    cr_assert_eq(env->mcause, RISCV_EXCP_ILLEGAL_INST);
    cr_assert_eq(env->mtval, INSN_CLZ);
}

Test(riscv_zb, clz_and_clmul_run_on_register_values)
{
    const uint32_t code[] = { INSN_CLZ, INSN_CLMUL };
    CPUState *cs = hart("rv64imac_zbb_zbc");
    CPURISCVState *env = riscv_env(cs);
    env->gpr[10] = 0x0000100000000003ull;
    env->gpr[11] = 0x3;
    const uint32_t one[] = { INSN_CLZ };
    run(cs, one, 1, 1);
    cr_assert_eq(env->gpr[12], 19);
    run(cs, code, 2, 2);
    cr_assert_eq(env->gpr[12], 0x0000300000000005ull, "(x^44 + x + 1)(x + 1)");
}
