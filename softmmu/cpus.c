/*
 * softmmu/cpus.c: the main loop.  Runs the harts round-robin in time slices
 * of guest instructions, runs expired timers between slices, sleeps (or,
 * under -icount, warps the virtual clock) when every hart waits in wfi, and
 * returns lemu's exit status when the guest shuts the machine down or
 * --max-insns is reached.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <time.h>

#include "lemu/cpu-exec.h"
#include "lemu/log.h"
#include "lemu/machine.h"
#include "lemu/timer.h"

/*
 * A slice of 64 Ki instructions is well under a millisecond at the speeds
 * lemu runs: timers fire with that latency at worst, and returning to this
 * loop costs nothing measurable at that rate.
 */
#define CPU_SLICE_INSNS (1u << 16)

/* The longest single sleep while all harts wait: keeps the loop responsive. */
#define CPU_IDLE_SLEEP_NS (10 * 1000 * 1000)

static int64_t cpus_total_insns(void)
{
    int64_t n = 0;
    CPU_FOREACH(cpu) {
        n += (int64_t)cpu->insn_count;
    }
    return n;
}

static void cpus_kick_all(void)
{
    CPU_FOREACH(cpu) {
        cpu_exit(cpu);
    }
}

static void cpus_run_timers(void)
{
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
    clock_run_timers(LEMU_CLOCK_REALTIME);
}

static uint64_t cpus_slice(void)
{
    uint64_t slice = CPU_SLICE_INSNS;
    if (icount_enabled()) {
        int64_t b = icount_budget();
        if (b >= 0 && (uint64_t)b < slice) {
            slice = b ? (uint64_t)b : 1;
        }
    }
    return slice;
}

static void cpus_sleep_ns(int64_t ns)
{
    struct timespec ts = { .tv_sec = ns / NANOSECONDS_PER_SECOND,
                           .tv_nsec = ns % NANOSECONDS_PER_SECOND };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
    }
}

/* Every hart waits for an interrupt: let time pass.  false if none can come. */
static bool cpus_wait_for_interrupt(void)
{
    int64_t dv = clock_deadline_ns(LEMU_CLOCK_VIRTUAL);
    int64_t dr = clock_deadline_ns(LEMU_CLOCK_REALTIME);
    if (dv < 0 && dr < 0) {
        return false;
    }
    if (icount_enabled() && dv >= 0) {
        if (icount_sleep()) {
            int64_t real = dv < CPU_IDLE_SLEEP_NS ? dv : CPU_IDLE_SLEEP_NS;
            cpus_sleep_ns(real);
        }
        icount_warp_to_deadline();
        return true;
    }
    int64_t d = dv < 0 ? dr : (dr < 0 ? dv : (dv < dr ? dv : dr));
    if (d > CPU_IDLE_SLEEP_NS) {
        d = CPU_IDLE_SLEEP_NS;
    }
    if (d > 0) {
        cpus_sleep_ns(d);
    }
    return true;
}

static const LoaderElf *cpus_symbols;

/* -d in_asm / exec: the function a block starts in, as QEMU's lookup_symbol. */
static const char *cpus_symbol_lookup(uint64_t addr)
{
    const LoaderSymbol *sym = loader_elf_symbol_at(cpus_symbols, addr);
    /* Only a symbol that covers addr (or labels it exactly) names it. */
    if (!sym || addr - sym->value >= (sym->size ? sym->size : 1)) {
        return NULL;
    }
    return sym->name;
}

int lemu_run(MachineState *ms)
{
    int status = 0;
    cpu_max_insns = ms->max_insns;
    cpu_nochain = lemu_loglevel_mask(CPU_LOG_TB_NOCHAIN | CPU_LOG_EXEC);
    timer_set_icount_source(cpus_total_insns);
    timer_set_notify(cpus_kick_all);
    if (ms->kernel_elf) {
        cpus_symbols = ms->kernel_elf;
        cpu_symbol_lookup = cpus_symbol_lookup;
    }

    for (;;) {
        if (machine_shutdown_requested(&status)) {
            break;
        }
        cpus_run_timers();
        bool all_halted = true;
        CPU_FOREACH(cpu) {
            if (machine_shutdown_requested(NULL)) {
                break;
            }
            int r = cpu_exec(cpu, cpu->insn_count + cpus_slice());
            if (first_cpu->next_cpu && cpu->ops->deschedule) {
                cpu->ops->deschedule(cpu);
            }
            if (cpu->stopped) {
                lemu_log_flush();
                return machine_max_insns_reached(ms);
            }
            if (r != EXCP_HALTED) {
                all_halted = false;
            }
        }
        if (machine_shutdown_requested(&status)) {
            break;
        }
        if (all_halted && !cpus_wait_for_interrupt()) {
            error_report("every hart waits for an interrupt (wfi) that nothing can raise: "
                         "stopping after %" PRIu64 " instructions",
                         (uint64_t)cpus_total_insns());
            status = 3;
            break;
        }
    }
    lemu_log_flush();
    timer_set_notify(NULL);
    return status;
}
