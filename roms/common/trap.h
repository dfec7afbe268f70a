/*
 * roms/common/trap.h: a trap-handling library for the ISA tests, usable from
 * C and from assembly.  trap_install() points mtvec (direct mode) at
 * trap_entry, which saves every register, records the trap in `trap_last`,
 * and then either
 *   - resumes at trap_last.resume (if non-zero) in M-mode, clearing it, or
 *   - skips the faulting instruction (2 or 4 bytes, from its low bits), or
 *   - for an interrupt, clears the interrupt's enable bit in mie and returns
 *     to the interrupted instruction,
 * and restores every register, so a test sees exactly what the trapping
 * instruction left.  An instruction-fetch fault without a resume address
 * cannot be skipped: the handler reports it as an unexpected trap (exit 255).
 * The handler uses mscratch (it holds the handler's frame): a test that
 * writes mscratch calls trap_install() again before the next trap.
 */
#ifndef ROMS_COMMON_TRAP_H
#define ROMS_COMMON_TRAP_H

/* Byte offsets in struct trap_record, for assembly. */
#define TRAP_COUNT   0
#define TRAP_MCAUSE  8
#define TRAP_MEPC    16
#define TRAP_MTVAL   24
#define TRAP_MSTATUS 32
#define TRAP_RESUME  40

#define MCAUSE_INSN_MISALIGNED   0
#define MCAUSE_INSN_ACCESS       1
#define MCAUSE_ILLEGAL_INSN      2
#define MCAUSE_BREAKPOINT        3
#define MCAUSE_LOAD_MISALIGNED   4
#define MCAUSE_LOAD_ACCESS       5
#define MCAUSE_STORE_MISALIGNED  6
#define MCAUSE_STORE_ACCESS      7
#define MCAUSE_ECALL_U           8
#define MCAUSE_ECALL_S           9
#define MCAUSE_ECALL_M           11
#define MCAUSE_INSN_PAGE_FAULT   12

#define MSTATUS_MIE   0x8
#define MSTATUS_MPIE  0x80
#define MSTATUS_MPP   0x1800

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_record {
    uint64_t count;     /* traps taken since trap_install() */
    uint64_t mcause;
    uint64_t mepc;
    uint64_t mtval;
    uint64_t mstatus;   /* as seen on entry: MPP, MPIE of the trap */
    uint64_t resume;    /* where the next trap returns to, 0: skip */
};

extern volatile struct trap_record trap_last;

/* Install trap_entry as the direct-mode mtvec, set mscratch to its frame,
 * and zero trap_last.  Leaf function: uses no stack, clobbers t0 only. */
void trap_install(void);

/* The handler; 4-byte aligned. */
void trap_entry(void);

/* Make the next trap resume at pc (in M-mode) instead of skipping. */
static inline void trap_resume_at(void *pc)
{
    trap_last.resume = (uint64_t)(uintptr_t)pc;
}
#endif

#endif
