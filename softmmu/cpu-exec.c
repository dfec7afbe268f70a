/*
 * softmmu/cpu-exec.c: the execution loop of one CPU: find or translate the
 * block for the current state, chain it to the previous one, run it, and
 * deliver exceptions and interrupts between blocks.  Also the exits from
 * translated code (cpu_loop_exit*), which restore the exact guest state of
 * the instruction that stopped, and the hooks that join the TB cache, the
 * TLB and the memory API.
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/cpu-exec.h"
#include "lemu/log.h"

CPUState *first_cpu;
uint64_t cpu_max_insns;
bool cpu_nochain;
const char *(*cpu_symbol_lookup)(uint64_t addr);

extern CPUState *tlb_current_cpu;

/*
 * Translated code kept at most: beyond this many live TBs the cache is
 * flushed and refilled with what runs now (bare-metal programs rarely get
 * near it; it bounds memory for programs that generate code forever).
 */
#define TB_CACHE_MAX_TBS (256u * 1024u)

/*
 * At least the longest block a frontend makes (cpu/riscv: 512).  Within
 * this many instructions of --max-insns, blocks are cut to end exactly on
 * the limit; before that window, chained blocks (which check insn_stop
 * only on entry) must stop, or one could run past the limit.
 */
#define CPU_EXACT_STOP_WINDOW 512u

static unsigned tb_jmp_cache_hash(uint64_t pc)
{
    return (unsigned)((pc >> 1) ^ (pc >> (TB_JMP_CACHE_BITS + 1))) & (TB_JMP_CACHE_SIZE - 1);
}

/* ---- hooks of the TB cache and the memory API ----------------------------------------- */

static void cpu_tb_forget(TranslationBlock *tb)
{
    unsigned h = tb_jmp_cache_hash(tb->pc);
    CPU_FOREACH(cpu) {
        if (cpu->tb_jmp_cache[h] == tb) {
            cpu->tb_jmp_cache[h] = NULL;
        }
    }
}

/* DMA, the loader or the debugger wrote RAM that may hold translated code. */
static void cpu_code_write_hook(ram_addr_t start, ram_addr_t length)
{
    if (tb_invalidate_phys_range(start, start + length) && tlb_current_cpu) {
        tlb_current_cpu->tb_invalidated_current = true;
    }
}

static const TBCacheHooks cpu_tb_hooks = {
    .page_protect = tlb_protect_code,
    .page_unprotect = tlb_unprotect_code,
    .tb_forget = cpu_tb_forget,
};

/* lookup_and_goto_ptr: the next block if it is already translated, else NULL. */
static TranslationBlock *cpu_lookup_tb_for_chain(void *env)
{
    CPUState *cpu = env_cpu(env);
    if (cpu->insn_count >= cpu->insn_stop) {
        return NULL;
    }
    uint64_t pc, cs_base;
    uint32_t flags;
    cpu->ops->get_tb_cpu_state(cpu, &pc, &cs_base, &flags);
    TranslationBlock *tb = cpu->tb_jmp_cache[tb_jmp_cache_hash(pc)];
    if (tb && tb->pc == pc && tb->cs_base == cs_base && tb->flags == flags &&
        tb->cflags == cpu->tb_cflags && !tb->invalid) {
        return tb;
    }
    const uint8_t *host;
    size_t avail;
    /* Must not fault here: the state is at a block boundary already. */
    ram_addr_t phys = tlb_get_code_probe(cpu, pc, &host, &avail);
    if (phys == RAM_ADDR_INVALID) {
        return NULL;
    }
    tb = tb_htable_lookup(phys, pc, cs_base, flags, cpu->tb_cflags);
    if (!tb || tb->lookup_only) {
        return NULL;   /* the loop translates it, or checks it fully */
    }
    cpu->tb_jmp_cache[tb_jmp_cache_hash(pc)] = tb;
    return tb;
}

/* A block spanning two pages: is its second page still mapped where it was? */
static bool tb_second_page_matches(CPUState *cpu, const TranslationBlock *tb)
{
    if (tb->page_addr[1] == TB_PAGE_ADDR_INVALID) {
        return true;
    }
    const uint8_t *host;
    size_t avail;
    vaddr second = (tb->pc & TARGET_PAGE_MASK) + TARGET_PAGE_SIZE;
    ram_addr_t phys = tlb_get_code_probe(cpu, second, &host, &avail);
    return phys != RAM_ADDR_INVALID && (phys & TARGET_PAGE_MASK) == tb->page_addr[1];
}

/*
 * Where the TLB is, for the backends' inline fast path: the tables are in
 * CPUState, which lies right before env (env_cpu).
 */
static void cpu_set_tlb_layout(void)
{
    TCGLTlbLayout layout = {
        .index_bits = CPU_TLB_BITS,
        .page_bits = TARGET_PAGE_BITS,
        .entry_size = sizeof(CPUTLBEntry),
        .read_offset = offsetof(CPUTLBEntry, addr_read),
        .write_offset = offsetof(CPUTLBEntry, addr_write),
        .addend_offset = offsetof(CPUTLBEntry, addend),
    };
    _Static_assert(NB_MMU_MODES <= TCGL_MAX_MMU_IDX, "every MMU index has a table offset");
    for (unsigned i = 0; i < NB_MMU_MODES; i++) {
        layout.table_offset[i] = (ptrdiff_t)offsetof(CPUState, tlb.d[i].table) -
                                 (ptrdiff_t)sizeof(CPUState);
    }
    tcgl_set_tlb_layout(&layout);
}

void cpu_exec_realize(CPUState *cpu, Error **errp)
{
    static bool initialized;
    (void)errp;
    if (!initialized) {
        initialized = true;
        tb_cache_init(&tcgl_interp_backend, &cpu_tb_hooks);
        tcgl_set_mem_ops(&tlb_mem_ops);
        cpu_set_tlb_layout();
        tcgl_set_lookup_fn(cpu_lookup_tb_for_chain);
        memory_set_code_write_hook(cpu_code_write_hook);
    }
    int index = 0;
    CPUState **pp = &first_cpu;
    while (*pp) {
        pp = &(*pp)->next_cpu;
        index++;
    }
    *pp = cpu;
    cpu->cpu_index = index;
    cpu->exception_index = EXCP_NONE;
    cpu->insn_stop = 0;
    tlb_init(cpu);
}

void cpu_exit(CPUState *cpu)
{
    cpu->exit_request = 1;
    __atomic_store_n(&cpu->insn_stop, 0, __ATOMIC_RELAXED);
}

/* ---- exits from translated code ------------------------------------------------------- */

bool cpu_restore_state(CPUState *cpu, uintptr_t ra)
{
    TranslationBlock *tb = tcgl_exec_tb;
    if (!tb || !ra) {
        return false;
    }
    int i = tcgl_tb_find_insn(tb, ra);
    if (i < 0) {
        return false;
    }
    cpu->ops->restore_state(cpu, tb, tb->insn_data[i]);
    return true;
}

void cpu_loop_exit(CPUState *cpu)
{
    siglongjmp(cpu->jmp_env, 1);
}

void cpu_loop_exit_restore(CPUState *cpu, uintptr_t ra)
{
    cpu_restore_state(cpu, ra);
    cpu_loop_exit(cpu);
}

void cpu_raise_exception_ra(CPUState *cpu, int excp, uintptr_t ra)
{
    cpu->exception_index = excp;
    cpu_loop_exit_restore(cpu, ra);
}

void cpu_loop_exit_after_insn(CPUState *cpu, uintptr_t ra)
{
    TranslationBlock *tb = tcgl_exec_tb;
    int i = tb ? tcgl_tb_find_insn(tb, ra) : -1;
    if (i >= 0) {
        cpu->ops->restore_state(cpu, tb, tb->insn_data[i]);
        /* The instruction completed: count it and continue after it. */
        cpu->insn_count++;
        uint64_t next = (unsigned)i + 1 < tb->icount ? tb->insn_data[i + 1][0]
                                                      : tb->pc + tb->size;
        cpu->ops->set_pc(cpu, next);
    }
    cpu->exception_index = EXCP_NONE;
    cpu_loop_exit(cpu);
}

/* ---- translation ------------------------------------------------------------------------ */

static void log_in_asm(CPUState *cpu, TranslationBlock *tb)
{
    const char *sym = cpu_symbol_lookup ? cpu_symbol_lookup(tb->pc) : NULL;
    lemu_log("----------------\nIN: %s\n", sym ? sym : "");
    uint64_t pc = tb->pc;
    for (unsigned i = 0; i < tb->icount; i++) {
        pc = tb->insn_data[i][0];
        const uint8_t *host;
        size_t avail;
        char text[128];
        if (tlb_get_code_probe(cpu, pc, &host, &avail) == RAM_ADDR_INVALID) {
            lemu_log("0x%016" PRIx64 ":  (not readable)\n", pc);
            continue;
        }
        cpu->ops->disas_insn(cpu, pc, host, avail, text, sizeof(text));
        lemu_log("0x%016" PRIx64 ":  %s\n", pc, text);
    }
    lemu_log("\n");
}

static TranslationBlock *tb_gen_code(CPUState *cpu, uint64_t pc, uint64_t cs_base,
                                     uint32_t flags, uint32_t cflags, ram_addr_t phys)
{
    if (tb_cache_stats().live >= TB_CACHE_MAX_TBS) {
        tb_flush();
    }
    TranslationBlock *tb = tb_alloc();
    tb->pc = pc;
    tb->cs_base = cs_base;
    tb->flags = flags;
    tb->cflags = cflags;
    tb->phys_pc = phys;
    tb->page_addr[0] = phys & TARGET_PAGE_MASK;

    cpu->ops->translate(cpu, tb, cflags & CF_COUNT_MASK);
    if (lemu_loglevel_mask(CPU_LOG_TB_OP)) {
        lemu_log("OP:\n");
        tcgl_dump(lemu_logfile ? lemu_logfile : stderr);
        lemu_log("\n");
    }
    tcgl_optimize();
    tcgl_liveness();
    if (lemu_loglevel_mask(CPU_LOG_TB_OP_OPT)) {
        lemu_log("OP after optimization and liveness analysis:\n");
        tcgl_dump(lemu_logfile ? lemu_logfile : stderr);
        lemu_log("\n");
    }
    if (!tb_cache_backend()->gen_code(tb)) {
        error_report("translation of the block at 0x%" PRIx64 " failed (out of memory)", pc);
        exit(1);
    }
    if (lemu_loglevel_mask(CPU_LOG_TB_IN_ASM)) {
        log_in_asm(cpu, tb);
    }
    tb_link(tb);
    return tb;
}

static TranslationBlock *tb_lookup(CPUState *cpu, uint64_t pc, uint64_t cs_base,
                                   uint32_t flags, uint32_t cflags)
{
    unsigned h = tb_jmp_cache_hash(pc);
    TranslationBlock *tb = cpu->tb_jmp_cache[h];
    if (tb && tb->pc == pc && tb->cs_base == cs_base && tb->flags == flags &&
        tb->cflags == cflags && !tb->invalid) {
        return tb;
    }
    const uint8_t *host;
    size_t avail;
    /* Raises the instruction fault when pc cannot be executed. */
    ram_addr_t phys = tlb_get_code(cpu, pc, &host, &avail);
    bool partial = cpu->code_page_partial;
    tb = tb_htable_lookup(phys, pc, cs_base, flags, cflags);
    if (tb && !tb_second_page_matches(cpu, tb)) {
        /* Its second page is mapped elsewhere now: that code is stale here. */
        tb_phys_invalidate(tb);
        tb = NULL;
    }
    if (!tb) {
        tb = tb_gen_code(cpu, pc, cs_base, flags, cflags, phys);
        tb->lookup_only = partial || tb->page_addr[1] != TB_PAGE_ADDR_INVALID;
    }
    if (!tb->lookup_only) {
        cpu->tb_jmp_cache[h] = tb;
    }
    return tb;
}

/* ---- the loop ------------------------------------------------------------------------- */

static void log_exec(CPUState *cpu, TranslationBlock *tb)
{
    const char *sym = cpu_symbol_lookup ? cpu_symbol_lookup(tb->pc) : NULL;
    lemu_log("Trace %d: %p [%016" PRIx64 "/%016" PRIx64 "/%08x/%08x] %s\n", cpu->cpu_index,
             tb->code, tb->cs_base, tb->pc, tb->flags, tb->cflags, sym ? sym : "");
}

/*
 * Run until the slice ends (insn_count reaches slice_end), the CPU halts, an
 * exit is requested, or --max-insns is reached.
 */
int cpu_exec(CPUState *cpu, uint64_t slice_end_arg)
{
    const TCGLBackend *backend = tb_cache_backend();
    void *env = cpu_env(cpu);
    TranslationBlock *volatile last_tb = NULL;
    volatile unsigned last_idx = 0;
    /* In memory, not a register: it must survive the longjmp. */
    cpu->exec_stop = cpu_max_insns && slice_end_arg > cpu_max_insns ? cpu_max_insns
                                                                    : slice_end_arg;

    cpu->tb_cflags = cpu_nochain ? CF_NO_GOTO_TB : 0;
    tlb_current_cpu = cpu;

    if (sigsetjmp(cpu->jmp_env, 0) != 0) {
        /* Back from translated code or a helper through cpu_loop_exit. */
        tcgl_exec_tb = NULL;
        cpu->smc_exit_deferred = false;
        last_tb = NULL;
        if (cpu->exception_index >= 0) {
            /* The trapping instruction executed without retiring. */
            cpu->insn_count++;
            cpu->trapped_count++;
            cpu->ops->do_interrupt(cpu);
        }
        cpu->exception_index = EXCP_NONE;
    }

    for (;;) {
        /* An invalidated block is freed below: never chain from it. */
        if (last_tb && last_tb->invalid) {
            last_tb = NULL;
        }
        tb_reclaim();
        if (cpu->exit_request) {
            cpu->exit_request = 0;
            return EXCP_INTERRUPT;
        }
        if (cpu->ops->exec_interrupt(cpu)) {
            last_tb = NULL;
            cpu->halted = false;
        }
        if (cpu->halted) {
            if (!cpu->ops->has_work(cpu)) {
                return EXCP_HALTED;
            }
            cpu->halted = false;
            continue;
        }
        if (cpu->insn_count >= cpu->exec_stop) {
            if (cpu_max_insns && cpu->insn_count >= cpu_max_insns) {
                cpu->stopped = true;
            }
            return EXCP_INTERRUPT;
        }

        uint64_t pc, cs_base;
        uint32_t flags;
        cpu->ops->get_tb_cpu_state(cpu, &pc, &cs_base, &flags);
        uint32_t cflags = cpu->tb_cflags;
        uint64_t left = cpu->exec_stop - cpu->insn_count;
        bool exact = cpu_max_insns && cpu->exec_stop == cpu_max_insns;
        if (exact && left <= CPU_EXACT_STOP_WINDOW) {
            cflags |= (uint32_t)left | CF_NO_GOTO_TB;
        }
        TranslationBlock *tb = tb_lookup(cpu, pc, cs_base, flags, cflags);
        if (last_tb && !(cflags & CF_NO_GOTO_TB)) {
            tb_add_jump(last_tb, last_idx, tb);
        }
        if (lemu_loglevel_mask(CPU_LOG_EXEC | CPU_LOG_TB_CPU)) {
            if (lemu_loglevel_mask(CPU_LOG_TB_CPU)) {
                cpu->ops->dump_state(cpu, lemu_logfile ? lemu_logfile : stderr);
            }
            if (lemu_loglevel_mask(CPU_LOG_EXEC)) {
                log_exec(cpu, tb);
            }
        }

        cpu->insn_stop = exact && left > CPU_EXACT_STOP_WINDOW
                             ? cpu->exec_stop - CPU_EXACT_STOP_WINDOW
                             : cpu->exec_stop;
        /* Set by a DMA write into running code; only stores act on it. */
        cpu->tb_invalidated_current = false;
        tcgl_exec_tb = tb;
        uintptr_t ret = backend->exec(env, tb);
        tcgl_exec_tb = NULL;

        TranslationBlock *exited = (TranslationBlock *)(ret & ~(uintptr_t)TB_EXIT_MASK);
        unsigned idx = ret & TB_EXIT_MASK;
        if (exited && idx == TB_EXIT_REQUESTED) {
            /* It stopped at its entry check: nothing of it ran. */
            cpu->ops->set_pc(cpu, exited->pc);
            last_tb = NULL;
        } else if (exited && exited->invalid) {
            /*
             * Invalidated while it ran without leaving at once (a device
             * read that wrote its code): the next tb_reclaim frees it.
             */
            last_tb = NULL;
        } else {
            last_tb = exited;
            last_idx = idx;
        }
    }
}
