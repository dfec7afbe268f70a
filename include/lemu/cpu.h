/*
 * cpu.h: what boards and the main loop see of a CPU (cpu/riscv/cpu.c,
 * softmmu/cpu-exec.c).  Boards create harts, connect interrupt lines to
 * them and hand the machine to the main loop; they never touch CPU state.
 */
#ifndef LEMU_CPU_H
#define LEMU_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "lemu/error.h"
#include "lemu/irq.h"
#include "lemu/memory.h"

typedef struct CPUState CPUState;

/* Interrupt numbers = bit numbers in mip. */
enum {
    RISCV_IRQ_S_SOFT = 1,
    RISCV_IRQ_M_SOFT = 3,
    RISCV_IRQ_S_TIMER = 5,
    RISCV_IRQ_M_TIMER = 7,
    RISCV_IRQ_S_EXT = 9,
    RISCV_IRQ_M_EXT = 11,
};

typedef struct RISCVCPUConfig {
    unsigned hartid;
    unsigned xlen;          /* 32 or 64 */
    const char *isa;        /* e.g. "rv64imac_zicsr_zifencei" (NULL: the default) */
    uint64_t resetvec;      /* first pc */
    AddressSpace *as;       /* the address space the hart sees */
    bool has_mmu;           /* satp modes Sv39/Sv48/Sv57 (else Bare only) */
    uint64_t timebase_freq; /* of the time CSR (0: 10 MHz, the CLINT's) */
    bool svade;             /* Svade: a clear A or D bit page-faults (else the walk sets it) */
} RISCVCPUConfig;

CPUState *riscv_cpu_create(const RISCVCPUConfig *cfg, Error **errp);
/* The input line for mip bit `irq` (RISCV_IRQ_*): level sets/clears it. */
IRQ riscv_cpu_irq(CPUState *cpu, unsigned irq);
/* The ISA string of a hart, as for the device tree ("rv64imac_zicsr..."). */
const char *riscv_cpu_isa_string(CPUState *cpu);
unsigned riscv_cpu_hartid(CPUState *cpu);
/* The board's time source for the time CSR (the CLINT's mtime). */
void riscv_cpu_set_rdtime(CPUState *cpu, uint64_t (*fn)(void *opaque), void *opaque);

/*
 * Ask the CPU to leave its translated code as soon as possible (at the next
 * block boundary): for timers, I/O that changes interrupt state, shutdown.
 * Safe to call from device callbacks and signal handlers.
 */
void cpu_exit(CPUState *cpu);

#endif
