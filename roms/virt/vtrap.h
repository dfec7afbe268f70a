/*
 * roms/virt/vtrap.h: the trap library of the virt-board tests, usable from
 * M-mode and S-mode, from C and assembly.  vtrap_install() points mtvec at
 * an M-mode handler and stvec at an S-mode one (both direct mode).  Each
 * saves every register in its own frame (mscratch / sscratch hold it),
 * counts the trap and records it in vtrap_m or vtrap_s (cause, epc, tval,
 * status as seen on entry, and the causes of the first eight traps in
 * order), then:
 *   - a "return ecall" (a7 = VTRAP_ECALL_RETURN, see vrt_call) ends the
 *     vrt_call that entered S or U mode: not counted;
 *   - an interrupt: clears its enable bit in mie (M) or sie (S) and returns
 *     to the interrupted instruction;
 *   - resume set: returns to it in the handler's own mode (M or S), clears it;
 *   - an instruction-fetch fault (cause 1, 12; 0 cannot happen with C):
 *     returns to the saved ra in the trapped mode, so that a fetch probe made
 *     with a call (vrt_exec) comes back to its caller;
 *   - any other exception: steps over the instruction (2 or 4 bytes, read at
 *     epc: physically when the M handler sees a trap from M or with satp
 *     Bare, else through MPRV as the trapped mode; the S handler reads with
 *     SUM and MXR set) and returns to the trapped mode.
 * Every register is restored, so a test sees what the trapping instruction
 * left.  After 1000 traps without a vtrap_install() the handler reports the
 * last one and exits 254 (a trap loop never hangs a test run).
 *
 * The S handler forwards a return ecall from U to M by executing ecall
 * itself: a test that delegates ecall-from-S (medeleg bit 9) must undo it
 * before vrt_call returns.  Code that runs in S or U mode with paging on
 * must be mapped where it runs (identity, or the alias vrt_call_offset
 * adds), and the handlers' frames must be mapped for S identically.
 */
#ifndef ROMS_VIRT_VTRAP_H
#define ROMS_VIRT_VTRAP_H

#include "virt.h"

/* Byte offsets in struct vtrap_record, for assembly. */
#define VTRAP_COUNT     0
#define VTRAP_CAUSE     8
#define VTRAP_EPC       16
#define VTRAP_TVAL      24
#define VTRAP_STATUS    32
#define VTRAP_RESUME    40
#define VTRAP_LOG       48
#define VTRAP_LOG_LEN   8
#define VTRAP_SIZE      (VTRAP_LOG + 8 * VTRAP_LOG_LEN)

#define VTRAP_ECALL_RETURN 0x5652       /* a7 of the ecall ending a vrt_call */
#define VTRAP_MAX_TRAPS    1000

/* What the probes below return when their access trapped. */
#define VRT_NO_VALUE    0x5a5a5a5a5a5a5a5a

#ifndef __ASSEMBLER__
#include <stdint.h>

struct vtrap_record {
    uint64_t count;                 /* traps taken since vtrap_install() */
    uint64_t cause;
    uint64_t epc;
    uint64_t tval;
    uint64_t status;                /* mstatus / sstatus on entry */
    uint64_t resume;                /* where the next trap returns to, 0: see above */
    uint64_t log[VTRAP_LOG_LEN];    /* causes of traps 1..8 */
};

extern volatile struct vtrap_record vtrap_m, vtrap_s;

/* Install both handlers (mtvec, stvec, mscratch, sscratch) and zero both
 * records.  M-mode only. */
void vtrap_install(void);

/* Zero both records (any mode that can write them). */
void vtrap_clear(void);

/*
 * Run the function at address fn, fn(arg0, arg1), in privilege mode (PRV_U,
 * PRV_S or PRV_M, entered by mret with MPP = mode) and return its result,
 * back in M-mode.  fn returns to a stub that executes the return ecall.
 * With offset != 0, fn, the stub, sp, gp and tp are moved by offset: the
 * code runs at an alias (a U-mode mapping of the same memory, say).  M-mode
 * only; fn starts with mstatus.MIE = 0 (which matters only in M), and
 * vrt_call returns with MIE = 0, MPIE = 0 and MPP = M; satp, medeleg and
 * the rest are as fn left them.  fn is an address (ADDR(f)) so that any
 * function, such as the probes below, can be passed.
 */
uint64_t vrt_call(unsigned mode, uint64_t fn, uint64_t arg0, uint64_t arg1);
uint64_t vrt_call_offset(unsigned mode, uint64_t fn, uint64_t arg0, uint64_t arg1,
                         uint64_t offset);

/* The stub fn returns to: the return ecall.  A trap that resumes here in
 * M-mode (vtrap_m.resume) also ends the vrt_call, with the trapped a0 as the
 * result: the way out of a mode whose ecall is delegated. */
void vrt_call_return_stub(void);

/* Check a trap record: count traps so far, the last with this cause, epc
 * and tval. */
static inline int vtrap_is(volatile struct vtrap_record *r, uint64_t count, uint64_t cause,
                           uint64_t epc, uint64_t tval)
{
    return r->count == count && r->cause == cause && r->epc == epc && r->tval == tval;
}

/*
 * Probes: one access each, in the mode they are called from.  A load that
 * traps returns VRT_NO_VALUE (the handler stepped over it); vrt_exec calls
 * addr (code there returns with a value in a0) and returns VRT_NO_VALUE if
 * the fetch faulted.  The *_insn labels are the accessing instructions
 * (the epc a trap reports); none is compressed.
 */
uint64_t vrt_ld(uint64_t addr);
uint64_t vrt_lw(uint64_t addr);
uint64_t vrt_lbu(uint64_t addr);
void vrt_sd(uint64_t addr, uint64_t value);
void vrt_sw(uint64_t addr, uint64_t value);
void vrt_sb(uint64_t addr, uint64_t value);
uint64_t vrt_amoadd_d(uint64_t addr, uint64_t value);
uint64_t vrt_exec(uint64_t addr);
uint64_t vrt_lr_d(uint64_t addr);
extern const char vrt_ld_insn[], vrt_lw_insn[], vrt_lbu_insn[], vrt_sd_insn[],
    vrt_sw_insn[], vrt_sb_insn[], vrt_amoadd_d_insn[], vrt_exec_insn[],
    vrt_lr_d_insn[];

/* One instruction each (ecall with a7 = 0; the illegal one is the reserved
 * custom-0 word 0x0000000b); a0 comes back unchanged when the handler
 * steps over it.  vrt_sret and vrt_mret are for where they trap: executed,
 * they return to sepc / mepc. */
uint64_t vrt_ecall(uint64_t a0);
uint64_t vrt_ebreak(uint64_t a0);
uint64_t vrt_illegal(uint64_t a0);
uint64_t vrt_wfi(uint64_t a0);
uint64_t vrt_sret(uint64_t a0);
uint64_t vrt_mret(uint64_t a0);
uint64_t vrt_sfence(uint64_t a0);
extern const char vrt_ecall_insn[], vrt_ebreak_insn[], vrt_illegal_insn[], vrt_wfi_insn[],
    vrt_sret_insn[], vrt_mret_insn[], vrt_sfence_insn[];
#define VRT_ILLEGAL_BITS 0x0000000b

/* The two instructions `li a0, value; ret` (value in -2048..2047), as 8
 * bytes for a code page that vrt_exec runs. */
static inline uint64_t vrt_code_li_ret(int value)
{
    uint32_t li = 0x00000513u | ((uint32_t)(value & 0xfff) << 20);   /* addi a0, x0, v */
    uint32_t ret = 0x00008067u;                                       /* jalr x0, 0(ra) */
    return (uint64_t)ret << 32 | li;
}

#endif

#endif
