/*
 * cpu/riscv/cpu.c: the RISC-V hart as an object: creation from a
 * RISCVCPUConfig, reset, the interrupt input lines (mip bits), the ISA
 * string, the CPUOps the execution loop calls, and the -d cpu / -d in_asm
 * output.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/cpu.h"
#include "lemu/log.h"

static void riscv_cpu_set_irq(void *opaque, int irq, int level)
{
    RISCVCPU *cpu = opaque;
    uint64_t bit = 1ull << irq;
    if (level) {
        __atomic_fetch_or(&cpu->env.mip, bit, __ATOMIC_RELAXED);
    } else {
        __atomic_fetch_and(&cpu->env.mip, ~bit, __ATOMIC_RELAXED);
    }
    /* Re-evaluate interrupts at the next block boundary (also wakes wfi). */
    cpu_exit(&cpu->parent);
}

IRQ riscv_cpu_irq(CPUState *cs, unsigned irq)
{
    RISCVCPU *cpu = (RISCVCPU *)cs;
    return irq < 16 ? cpu->irqs[irq] : NULL;
}

const char *riscv_cpu_isa_string(CPUState *cs)
{
    return ((RISCVCPU *)cs)->isa_string;
}

unsigned riscv_cpu_hartid(CPUState *cs)
{
    return (unsigned)riscv_env(cs)->mhartid;
}

uint32_t riscv_tb_flags(CPURISCVState *env)
{
    uint32_t fs = (uint32_t)((env->mstatus & MSTATUS_FS) >> MSTATUS_FS_SHIFT);
    uint32_t mem_idx = (uint32_t)riscv_mmu_index(env, false);
    return ((uint32_t)env->priv & TB_FLAGS_PRIV_MASK) | (fs << TB_FLAGS_FS_SHIFT) |
           (mem_idx << TB_FLAGS_MEM_IDX_SHIFT);
}

static void riscv_get_tb_cpu_state(CPUState *cs, uint64_t *pc, uint64_t *cs_base,
                                   uint32_t *flags)
{
    CPURISCVState *env = riscv_env(cs);
    *pc = env->pc;
    *cs_base = 0;
    *flags = riscv_tb_flags(env);
}

static void riscv_restore_state(CPUState *cs, const TranslationBlock *tb, const uint64_t *data)
{
    (void)tb;
    CPURISCVState *env = riscv_env(cs);
    env->pc = data[0];
    /* data[1]: instructions of the block before this one, not yet counted. */
    cs->insn_count += data[1];
}

static int riscv_cpu_mmu_index(CPUState *cs, bool ifetch)
{
    return riscv_mmu_index(riscv_env(cs), ifetch);
}

static void riscv_set_pc(CPUState *cs, uint64_t pc)
{
    riscv_env(cs)->pc = pc;
}

static uint64_t riscv_get_pc(CPUState *cs)
{
    return riscv_env(cs)->pc;
}

void riscv_cpu_dump_state(CPUState *cs, FILE *f)
{
    CPURISCVState *env = riscv_env(cs);
    fprintf(f, " %-8s %016" PRIx64 "\n", "pc", env->pc);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mhartid", env->mhartid);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mstatus", env->mstatus);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mip", env->mip);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mie", env->mie);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mideleg", env->mideleg);
    fprintf(f, " %-8s %016" PRIx64 "\n", "medeleg", env->medeleg);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mtvec", env->mtvec);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mepc", env->mepc);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mcause", env->mcause);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mtval", env->mtval);
    fprintf(f, " %-8s %016" PRIx64 "\n", "minstret", riscv_instret(env));
    fprintf(f, " %-8s %u\n", "priv", (unsigned)env->priv);
    for (int i = 0; i < 32; i++) {
        fprintf(f, " x%-2d/%-4s %016" PRIx64 "%s", i, riscv_reg_name(i), env->gpr[i],
                (i % 4 == 3) ? "\n" : "");
    }
    if (env->misa & RVF) {
        fprintf(f, " %-8s %08" PRIx32 "\n", "fcsr", (env->frm << 5) | env->fflags);
        for (int i = 0; i < 32; i++) {
            fprintf(f, " f%-2d/%-4s %016" PRIx64 "%s", i, riscv_freg_name(i), env->fpr[i],
                    (i % 4 == 3) ? "\n" : "");
        }
    }
}

static unsigned riscv_disas_insn(CPUState *cs, uint64_t pc, const uint8_t *code, size_t avail,
                                 char *buf, size_t size)
{
    CPURISCVState *env = riscv_env(cs);
    if (avail < 2) {
        snprintf(buf, size, "(unreadable)");
        return 0;
    }
    uint16_t lo;
    memcpy(&lo, code, 2);
    uint32_t raw = lo;
    unsigned len = riscv_insn_length(lo);
    if (len == 4) {
        if (avail < 4) {
            snprintf(buf, size, "(straddles a page)");
            return 2;
        }
        uint16_t hi;
        memcpy(&hi, code + 2, 2);
        raw |= (uint32_t)hi << 16;
    }
    RiscvInsn insn;
    riscv_decode(raw, env->xlen, env->ext, &insn);
    insn.raw = raw;
    insn.len = len;
    char text[96];
    riscv_disas(&insn, pc, text, sizeof(text));
    if (len == 4) {
        snprintf(buf, size, "%08" PRIx32 "          %s", raw, text);
    } else {
        snprintf(buf, size, "%04" PRIx32 "              %s", raw, text);
    }
    return len;
}

/*
 * Another hart runs next and may store to the reservation set; stores are
 * not tracked across harts, so the reservation ends here (an SC may fail for
 * any reason; one that succeeded after another hart's store would be wrong).
 */
static void riscv_cpu_deschedule(CPUState *cs)
{
    riscv_env(cs)->load_res = UINT64_MAX;
}

static const CPUOps riscv_cpu_ops = {
    .name = "riscv",
    .tlb_fill = riscv_tlb_fill,
    .do_transaction_failed = riscv_do_transaction_failed,
    .do_unaligned_access = riscv_do_unaligned_access,
    .mmu_index = riscv_cpu_mmu_index,
    .get_tb_cpu_state = riscv_get_tb_cpu_state,
    .translate = riscv_translate,
    .restore_state = riscv_restore_state,
    .set_pc = riscv_set_pc,
    .get_pc = riscv_get_pc,
    .exec_interrupt = riscv_exec_interrupt,
    .do_interrupt = riscv_do_interrupt,
    .has_work = riscv_has_work,
    .deschedule = riscv_cpu_deschedule,
    .dump_state = riscv_cpu_dump_state,
    .disas_insn = riscv_disas_insn,
};

/* The multi-letter extensions an ISA string may name after '_'. */
static const struct {
    const char *name;
    uint32_t ext;
} riscv_isa_multi[] = {
    { "zicsr", RV_EXT_ZICSR },
    { "zifencei", RV_EXT_ZIFENCEI },
    { "zihintpause", RV_EXT_ZIHINTPAUSE },
    { "zba", RV_EXT_ZBA },
    { "zbb", RV_EXT_ZBB },
    { "zbc", RV_EXT_ZBC },
    { "zbs", RV_EXT_ZBS },
    { "sstc", RV_EXT_SSTC },
};

/*
 * Parse "rv64imac", "rv64gc" or
 * "rv64imafdc_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc" into misa
 * letters and decoder extensions.  Zicsr, Zifencei, Zihintpause (pause is
 * a fence) and Sstc are always present (so that the single-letter strings
 * keep their historical meaning).
 */
static bool riscv_parse_isa(const char *isa, unsigned xlen, uint64_t *misa, uint32_t *ext,
                            Error **errp)
{
    char prefix[8];
    snprintf(prefix, sizeof(prefix), "rv%u", xlen);
    if (strncmp(isa, prefix, strlen(prefix))) {
        error_setg(errp, "ISA string '%s' does not start with %s", isa, prefix);
        return false;
    }
    const char *p = isa + strlen(prefix);
    uint64_t m = 0;
    uint32_t e = RV_EXT_ZICSR | RV_EXT_ZIFENCEI | RV_EXT_ZIHINTPAUSE;
    for (; *p && *p != '_'; p++) {
        switch (*p) {
        case 'i': m |= RVI; e |= RV_EXT_I; break;
        case 'm': m |= RVM; e |= RV_EXT_M; break;
        case 'a': m |= RVA; e |= RV_EXT_A; break;
        case 'f': m |= RVF; e |= RV_EXT_F; break;
        case 'd': m |= RVD; e |= RV_EXT_D; break;
        case 'g':
            m |= RVI | RVM | RVA | RVF | RVD;
            e |= RV_EXT_I | RV_EXT_M | RV_EXT_A | RV_EXT_F | RV_EXT_D;
            break;
        case 'c': m |= RVC; e |= RV_EXT_C; break;
        default:
            error_setg(errp, "ISA string '%s': extension '%c' is not supported", isa, *p);
            return false;
        }
    }
    while (*p == '_') {
        const char *name = ++p;
        size_t len = strcspn(name, "_");
        size_t i;
        for (i = 0; i < sizeof(riscv_isa_multi) / sizeof(riscv_isa_multi[0]); i++) {
            if (strlen(riscv_isa_multi[i].name) == len &&
                strncmp(riscv_isa_multi[i].name, name, len) == 0) {
                e |= riscv_isa_multi[i].ext;
                break;
            }
        }
        if (i == sizeof(riscv_isa_multi) / sizeof(riscv_isa_multi[0])) {
            error_setg(errp, "ISA string '%s': extension '%.*s' is not supported", isa,
                       (int)len, name);
            return false;
        }
        p = name + len;
    }
    if ((m & RVD) && !(m & RVF)) {
        error_setg(errp, "ISA string '%s': D needs F", isa);
        return false;
    }
    /*
     * Every hart has S and U modes, as QEMU's and Spike's do, and Sstc
     * (stimecmp), which the ISA string then names like QEMU's does.
     */
    *misa = m | RVS | RVU | ((uint64_t)(xlen == 64 ? 2 : 1) << (xlen - 2));
    e |= RV_EXT_S | RV_EXT_SSTC;
    *ext = e;
    return true;
}

/*
 * The canonical ISA string (the device tree's riscv,isa): the letters in
 * the spec's order, then every multi-letter extension, e.g.
 * "rv64imafdc_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc" (Z
 * extensions before S ones, Zi* before Zb*, as the spec orders them).
 */
static void riscv_isa_string(char *buf, size_t size, unsigned xlen, uint64_t misa, uint32_t ext)
{
    size_t n = (size_t)snprintf(buf, size, "rv%u", xlen);
    for (const char *l = "imafdc"; *l && n < size; l++) {
        if (misa & (1u << (*l - 'a'))) {
            n += (size_t)snprintf(buf + n, size - n, "%c", *l);
        }
    }
    for (size_t i = 0; i < sizeof(riscv_isa_multi) / sizeof(riscv_isa_multi[0]) && n < size;
         i++) {
        if (ext & riscv_isa_multi[i].ext) {
            n += (size_t)snprintf(buf + n, size - n, "_%s", riscv_isa_multi[i].name);
        }
    }
}

static void riscv_cpu_reset(RISCVCPU *cpu)
{
    CPURISCVState *env = &cpu->env;
    memset(env->gpr, 0, sizeof(env->gpr));
    env->pc = env->resetvec;
    env->priv = PRV_M;
    env->mstatus = 0;
    env->mcause = 0;
    env->load_res = UINT64_MAX;
    /* mstatus = 0 also means FS = Off: FP instructions trap until software enables them. */
    memset(env->fpr, 0, sizeof(env->fpr));
    env->frm = 0;
    env->fflags = 0;
    /* UXL = 64 where U-mode exists (read-only). */
    if (env->xlen == 64 && (env->misa & RVU)) {
        env->mstatus |= 2ull << 32;
    }
}

static void riscv_stimecmp_expired(void *opaque)
{
    riscv_update_stip(opaque);
}

CPUState *riscv_cpu_create(const RISCVCPUConfig *cfg, Error **errp)
{
    if (cfg->xlen != 64) {
        error_setg(errp, "only RV64 harts are implemented");
        return NULL;
    }
    RISCVCPU *cpu = aligned_alloc(16, (sizeof(RISCVCPU) + 15) & ~(size_t)15);
    if (!cpu) {
        error_setg(errp, "out of memory creating hart %u", cfg->hartid);
        return NULL;
    }
    memset(cpu, 0, sizeof(*cpu));
    CPURISCVState *env = &cpu->env;
    env->xlen = cfg->xlen;
    env->mhartid = cfg->hartid;
    env->resetvec = cfg->resetvec;
    const char *isa = cfg->isa ? cfg->isa : "rv64imac";
    if (!riscv_parse_isa(isa, cfg->xlen, &env->misa, &env->ext, errp)) {
        free(cpu);
        return NULL;
    }
    riscv_isa_string(cpu->isa_string, sizeof(cpu->isa_string), cfg->xlen, env->misa, env->ext);

    CPUState *cs = &cpu->parent;
    cs->ops = &riscv_cpu_ops;
    cs->env_ptr = env;
    cs->as = cfg->as;
    for (int i = 0; i < 16; i++) {
        cpu->irqs[i] = irq_allocate_one(riscv_cpu_set_irq, cpu, i);
    }
    env->has_mmu = cfg->has_mmu;
    env->hw_ad_update = !cfg->svade;
    env->timebase_freq = cfg->timebase_freq ? cfg->timebase_freq : 10000000;
    env->stimecmp_timer = timer_new(LEMU_CLOCK_VIRTUAL, riscv_stimecmp_expired, env);
    riscv_translate_init();
    riscv_cpu_reset(cpu);
    Error *err = NULL;
    cpu_exec_realize(cs, &err);
    if (err) {
        error_propagate(errp, err);
        free(cpu);
        return NULL;
    }
    return cs;
}

void riscv_cpu_set_rdtime(CPUState *cs, uint64_t (*fn)(void *opaque), void *opaque)
{
    CPURISCVState *env = riscv_env(cs);
    env->rdtime = fn;
    env->rdtime_opaque = opaque;
}
