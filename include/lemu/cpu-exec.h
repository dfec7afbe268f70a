/*
 * cpu-exec.h: the target-independent CPU (softmmu/cpu-exec.c): the state the
 * execution loop, the TLB and the TB cache share, the operations a target
 * (cpu/riscv) provides, and the exits from translated code.
 *
 * A target CPU struct begins with a CPUState and is followed immediately by
 * its architectural state ("env"), the pointer translated code runs with:
 *
 *     struct RISCVCPU { CPUState parent; CPURISCVState env; };
 *
 * so that env_cpu(env) is a constant offset and the fields of CPUState that
 * translated code touches (insn_count, insn_stop) are globals at a negative
 * offset from env.
 */
#ifndef LEMU_CPU_EXEC_H
#define LEMU_CPU_EXEC_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lemu/cpu.h"
#include "lemu/cputlb.h"
#include "lemu/tb.h"

#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1 << TB_JMP_CACHE_BITS)

/* exception_index values below 0 are the loop's own. */
#define EXCP_NONE -1
#define EXCP_INTERRUPT -2   /* leave the loop: exit request */
#define EXCP_HALTED -3      /* wfi: nothing to do until an interrupt */

typedef struct CPUOps {
    const char *name;
    /*
     * Translate the guest address for an access; on success enter it with
     * tlb_set_page and return true.  On failure: with probe, return false;
     * otherwise raise the guest fault (does not return).
     */
    bool (*tlb_fill)(CPUState *cpu, vaddr addr, int size, MMUAccessType type, int mmu_idx,
                     bool probe, uintptr_t ra);
    /* An access reached memory and failed (decode/device error). Does not return. */
    void (*do_transaction_failed)(CPUState *cpu, hwaddr pa, vaddr addr, unsigned size,
                                  MMUAccessType type, int mmu_idx, MemTxResult result,
                                  uintptr_t ra);
    /* A MO_ALIGN access was misaligned. Does not return. */
    void (*do_unaligned_access)(CPUState *cpu, vaddr addr, MMUAccessType type, int mmu_idx,
                                uintptr_t ra);
    /* The key of the TB to run now. */
    void (*get_tb_cpu_state)(CPUState *cpu, uint64_t *pc, uint64_t *cs_base, uint32_t *flags);
    /* The MMU index of data accesses / instruction fetches now. */
    int (*mmu_index)(CPUState *cpu, bool ifetch);
    /* Emit the IR of the block starting at tb->pc (at most max_insns). */
    void (*translate)(CPUState *cpu, TranslationBlock *tb, unsigned max_insns);
    /* Set the state of the instruction whose insn_start data is given. */
    void (*restore_state)(CPUState *cpu, const TranslationBlock *tb, const uint64_t *data);
    void (*set_pc)(CPUState *cpu, uint64_t pc);
    uint64_t (*get_pc)(CPUState *cpu);
    /* Take an enabled pending interrupt, if any: true if one was taken. */
    bool (*exec_interrupt)(CPUState *cpu);
    /* Deliver cpu->exception_index (a synchronous trap). */
    void (*do_interrupt)(CPUState *cpu);
    /* Is there an interrupt that wakes the CPU from wfi? */
    bool (*has_work)(CPUState *cpu);
    /*
     * The main loop moves on to another CPU: this one's turn ends and
     * others may store to memory before it runs again.  Drop what such
     * stores would have to cancel (RISC-V: the LR reservation).  NULL: none.
     */
    void (*deschedule)(CPUState *cpu);
    /* -d cpu */
    void (*dump_state)(CPUState *cpu, FILE *f);
    /* The instruction-log line of -d in_asm (disassembly of one insn). */
    unsigned (*disas_insn)(CPUState *cpu, uint64_t pc, const uint8_t *code, size_t avail,
                           char *buf, size_t size);
} CPUOps;

struct CPUState {
    /* Touched by translated code (negative offsets from env): keep first. */
    /*
     * Instructions executed: those that retired plus those that trapped
     * (trapped_count of them).  It drives time slices, -icount time and
     * --max-insns, so that a guest stuck in a trap loop still makes
     * progress there; minstret is insn_count - trapped_count.
     */
    uint64_t insn_count;
    /*
     * Every TB starts with "if (insn_count >= insn_stop) leave": the loop
     * sets insn_stop at the end of its time slice, cpu_exit() sets it to 0.
     */
    uint64_t insn_stop;

    const CPUOps *ops;
    void *env_ptr;
    int cpu_index;
    AddressSpace *as;
    bool halted;
    bool stopped;              /* --max-insns reached */
    volatile int exit_request;
    int exception_index;
    bool tb_invalidated_current;  /* a store invalidated the executing TB */
    bool smc_exit_deferred;    /* cpu_st_mmu_rmw: the caller leaves the block */
    bool code_page_partial;    /* the last tlb_get_code used a one-access entry */
    uint64_t exec_stop;        /* insn_count where this cpu_exec call ends */
    uint64_t trapped_count;    /* instructions that raised an exception */
    uint32_t tb_cflags;        /* cflags for new TBs (CF_NO_GOTO_TB ...) */
    sigjmp_buf jmp_env;
    MemoryListener tlb_listener;
    CPUTLB tlb;
    TranslationBlock *tb_jmp_cache[TB_JMP_CACHE_SIZE];
    CPUState *next_cpu;
} __attribute__((aligned(16)));

static inline CPUState *env_cpu(void *env)
{
    return (CPUState *)((char *)env - sizeof(CPUState));
}

static inline void *cpu_env(CPUState *cpu)
{
    return (char *)cpu + sizeof(CPUState);
}

/* Offset of a CPUState field from env, for tcgl_global_*. */
#define CPU_NEG_OFFSET(field) ((ptrdiff_t)offsetof(CPUState, field) - (ptrdiff_t)sizeof(CPUState))

/* Register a CPU with the execution loop (after its ops and env are set). */
void cpu_exec_realize(CPUState *cpu, Error **errp);
extern CPUState *first_cpu;
#define CPU_FOREACH(c) for (CPUState *c = first_cpu; c; c = c->next_cpu)

/*
 * Leave translated code for the execution loop: with the state of the
 * instruction at ra restored first (ra from tcgl_getpc(); 0 when the state
 * is already exact).
 */
__attribute__((noreturn)) void cpu_loop_exit(CPUState *cpu);
__attribute__((noreturn)) void cpu_loop_exit_restore(CPUState *cpu, uintptr_t ra);
/*
 * Raise cpu->exception_index (already set by the target) from the
 * instruction at ra.
 */
__attribute__((noreturn)) void cpu_raise_exception_ra(CPUState *cpu, int excp, uintptr_t ra);
/*
 * The instruction at ra completed (it was a store that changed translated
 * code): continue at the next instruction, with fresh translations.
 */
__attribute__((noreturn)) void cpu_loop_exit_after_insn(CPUState *cpu, uintptr_t ra);
/* Restore the guest state of the instruction at ra (no exit); false if ra is not in a TB. */
bool cpu_restore_state(CPUState *cpu, uintptr_t ra);

/*
 * Run one CPU until insn_count reaches stop (a time slice), it halts (wfi),
 * an exit is requested or --max-insns is reached: returns EXCP_*.
 */
int cpu_exec(CPUState *cpu, uint64_t stop);

/* Instruction limit (--max-insns): 0 = none. */
extern uint64_t cpu_max_insns;
/* Chaining off (-d exec or -d nochain). */
extern bool cpu_nochain;
/* Symbol names for -d exec / -d in_asm (set by the loader; may be NULL). */
extern const char *(*cpu_symbol_lookup)(uint64_t addr);

#endif
