/*
 * cpu/riscv/cpu.h: the RISC-V hart: architectural state (CPURISCVState, the
 * "env" translated code runs on), the CSR numbers and fields lemu
 * implements, and the functions the files of cpu/riscv share.  XLEN is a
 * per-hart parameter (env->xlen); RV64 is what exists today.
 */
#ifndef RISCV_CPU_H
#define RISCV_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "lemu/cpu-exec.h"
#include "lemu/timer.h"
#include "cpu/riscv/decode.h"

/* Privilege levels. */
#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

/* mstatus fields. */
#define MSTATUS_SIE (1ull << 1)
#define MSTATUS_MIE (1ull << 3)
#define MSTATUS_SPIE (1ull << 5)
#define MSTATUS_UBE (1ull << 6)
#define MSTATUS_MPIE (1ull << 7)
#define MSTATUS_SPP (1ull << 8)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP (3ull << MSTATUS_MPP_SHIFT)
#define MSTATUS_FS_SHIFT 13
#define MSTATUS_FS (3ull << MSTATUS_FS_SHIFT)
#define MSTATUS_XS (3ull << 15)
#define MSTATUS_MPRV (1ull << 17)
#define MSTATUS_SUM (1ull << 18)
#define MSTATUS_MXR (1ull << 19)
#define MSTATUS_TVM (1ull << 20)
#define MSTATUS_TW (1ull << 21)
#define MSTATUS_TSR (1ull << 22)
#define MSTATUS_UXL (3ull << 32)
#define MSTATUS_SXL (3ull << 34)
#define MSTATUS64_SD (1ull << 63)

/* sstatus: the S-visible part of mstatus, and what S may write. */
#define SSTATUS_MASK (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | MSTATUS_SPP | MSTATUS_FS | \
                      MSTATUS_XS | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_UXL | MSTATUS64_SD)
#define SSTATUS_WRITE_MASK (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | \
                            MSTATUS_SUM | MSTATUS_MXR)

#define MENVCFG_STCE (1ull << 63)

/* mstatus.FS values: the state of the F/D registers, frm and fflags. */
#define RISCV_FS_OFF 0u
#define RISCV_FS_INITIAL 1u
#define RISCV_FS_CLEAN 2u
#define RISCV_FS_DIRTY 3u

/* Exception causes (mcause values without the interrupt bit). */
enum {
    RISCV_EXCP_INST_ADDR_MIS = 0,
    RISCV_EXCP_INST_ACCESS_FAULT = 1,
    RISCV_EXCP_ILLEGAL_INST = 2,
    RISCV_EXCP_BREAKPOINT = 3,
    RISCV_EXCP_LOAD_ADDR_MIS = 4,
    RISCV_EXCP_LOAD_ACCESS_FAULT = 5,
    RISCV_EXCP_STORE_AMO_ADDR_MIS = 6,
    RISCV_EXCP_STORE_AMO_ACCESS_FAULT = 7,
    RISCV_EXCP_U_ECALL = 8,
    RISCV_EXCP_S_ECALL = 9,
    RISCV_EXCP_M_ECALL = 11,
    RISCV_EXCP_INST_PAGE_FAULT = 12,
    RISCV_EXCP_LOAD_PAGE_FAULT = 13,
    RISCV_EXCP_STORE_PAGE_FAULT = 15,
};

/* CSR numbers. */
enum {
    CSR_FFLAGS = 0x001,
    CSR_FRM = 0x002,
    CSR_FCSR = 0x003,
    CSR_CYCLE = 0xc00,
    CSR_TIME = 0xc01,
    CSR_INSTRET = 0xc02,
    CSR_HPMCOUNTER3 = 0xc03,
    CSR_HPMCOUNTER31 = 0xc1f,
    CSR_SSTATUS = 0x100,
    CSR_SIE = 0x104,
    CSR_STVEC = 0x105,
    CSR_SCOUNTEREN = 0x106,
    CSR_SENVCFG = 0x10a,
    CSR_SSCRATCH = 0x140,
    CSR_SEPC = 0x141,
    CSR_SCAUSE = 0x142,
    CSR_STVAL = 0x143,
    CSR_SIP = 0x144,
    CSR_SATP = 0x180,
    CSR_STIMECMP = 0x14d,
    CSR_MVENDORID = 0xf11,
    CSR_MARCHID = 0xf12,
    CSR_MIMPID = 0xf13,
    CSR_MHARTID = 0xf14,
    CSR_MCONFIGPTR = 0xf15,
    CSR_MSTATUS = 0x300,
    CSR_MISA = 0x301,
    CSR_MEDELEG = 0x302,
    CSR_MIDELEG = 0x303,
    CSR_MIE = 0x304,
    CSR_MTVEC = 0x305,
    CSR_MCOUNTEREN = 0x306,
    CSR_MENVCFG = 0x30a,
    CSR_MCOUNTINHIBIT = 0x320,
    CSR_MHPMEVENT3 = 0x323,
    CSR_MHPMEVENT31 = 0x33f,
    CSR_MSCRATCH = 0x340,
    CSR_MEPC = 0x341,
    CSR_MCAUSE = 0x342,
    CSR_MTVAL = 0x343,
    CSR_MIP = 0x344,
    CSR_PMPCFG0 = 0x3a0,
    CSR_PMPCFG15 = 0x3af,
    CSR_PMPADDR0 = 0x3b0,
    CSR_PMPADDR63 = 0x3ef,
    CSR_MCYCLE = 0xb00,
    CSR_MINSTRET = 0xb02,
    CSR_MHPMCOUNTER3 = 0xb03,
    CSR_MHPMCOUNTER31 = 0xb1f,
};

#define MIP_SSIP (1ull << RISCV_IRQ_S_SOFT)
#define MIP_MSIP (1ull << RISCV_IRQ_M_SOFT)
#define MIP_STIP (1ull << RISCV_IRQ_S_TIMER)
#define MIP_MTIP (1ull << RISCV_IRQ_M_TIMER)
#define MIP_SEIP (1ull << RISCV_IRQ_S_EXT)
#define MIP_MEIP (1ull << RISCV_IRQ_M_EXT)

/* misa extension bits. */
#define RVA (1u << ('A' - 'A'))
#define RVC (1u << ('C' - 'A'))
#define RVD (1u << ('D' - 'A'))
#define RVF (1u << ('F' - 'A'))
#define RVI (1u << ('I' - 'A'))
#define RVM (1u << ('M' - 'A'))
#define RVS (1u << ('S' - 'A'))
#define RVU (1u << ('U' - 'A'))

/*
 * MMU indexes: the TLB keeps separate entries for each way an access is
 * checked.  S-mode with mstatus.SUM set may touch U pages, so it has an
 * index of its own: changing SUM needs no flush.  Instruction fetch uses
 * the privilege's plain index (SUM never applies to fetches).
 */
#define RISCV_MMU_IDX_U 0
#define RISCV_MMU_IDX_S 1
#define RISCV_MMU_IDX_S_SUM 2
#define RISCV_MMU_IDX_M 3

/*
 * TB flags: what translation depends on besides the pc.  The privilege
 * level selects the MMU index and which instructions are legal.
 */
#define TB_FLAGS_PRIV_MASK 3u
/*
 * mstatus.FS (RISCV_FS_*): Off makes every FP instruction illegal at
 * translation; a block translated with FS != Dirty marks FS Dirty when it
 * writes FP state, one translated with Dirty need not.
 */
#define TB_FLAGS_FS_SHIFT 2
#define TB_FLAGS_FS_MASK (3u << TB_FLAGS_FS_SHIFT)
/* The MMU index of data accesses (privilege, MPRV/MPP, SUM). */
#define TB_FLAGS_MEM_IDX_SHIFT 4
#define TB_FLAGS_MEM_IDX_MASK (7u << TB_FLAGS_MEM_IDX_SHIFT)

typedef struct CPURISCVState {
    uint64_t gpr[32];
    uint64_t pc;

    /* LR/SC reservation: address (-1: none) and the value loaded. */
    uint64_t load_res;
    uint64_t load_val;

    unsigned xlen;
    uint64_t priv;

    uint64_t misa;
    uint64_t mstatus;
    uint64_t mie;
    uint64_t mip;           /* updated atomically by interrupt lines */
    uint64_t medeleg;
    uint64_t mideleg;
    uint64_t mtvec;
    uint64_t mscratch;
    uint64_t mepc;
    uint64_t mcause;
    uint64_t mtval;
    uint64_t mcounteren;
    uint64_t mcountinhibit;
    uint64_t menvcfg;
    uint64_t mhartid;
    uint64_t cycle_offset;  /* mcycle = insn_count + cycle_offset */
    uint64_t instret_offset; /* minstret = insn_count + instret_offset */

    uint64_t stvec;
    uint64_t sscratch;
    uint64_t sepc;
    uint64_t scause;
    uint64_t stval;
    uint64_t scounteren;
    uint64_t senvcfg;
    uint64_t satp;
    uint64_t stimecmp;      /* Sstc */

    /*
     * F/D: registers hold NaN-boxed singles; frm/fflags are fcsr's fields
     * (frm may hold the invalid values 5..7: dynamic rounding then traps).
     */
    uint64_t fpr[32];
    uint32_t frm;
    uint32_t fflags;

    uint8_t pmpcfg[64];
    uint64_t pmpaddr[64];

    uint32_t ext;           /* RV_EXT_* the decoder accepts */
    bool has_mmu;           /* satp modes beyond Bare */
    bool hw_ad_update;      /* the walk sets A/D (else: page fault, Svade) */
    uint64_t timebase_freq; /* of the time CSR, for Sstc deadlines */
    LemuTimer *stimecmp_timer;
    uint64_t resetvec;
    uint64_t (*rdtime)(void *opaque);   /* the board's mtime, for the time CSR */
    void *rdtime_opaque;

    /* Trap being delivered (set by riscv_raise_exception). */
    uint64_t badaddr;
} CPURISCVState;

typedef struct RISCVCPU {
    CPUState parent;
    CPURISCVState env;
    IRQ irqs[16];
    char isa_string[64];
} RISCVCPU;

_Static_assert(offsetof(RISCVCPU, env) == sizeof(CPUState),
               "env must follow CPUState directly (env_cpu)");

static inline RISCVCPU *riscv_cpu_from_env(CPURISCVState *env)
{
    return (RISCVCPU *)env_cpu(env);
}

static inline CPURISCVState *riscv_env(CPUState *cs)
{
    return (CPURISCVState *)cpu_env(cs);
}

/* cpu/riscv/translate.c */
void riscv_translate_init(void);
void riscv_translate(CPUState *cs, TranslationBlock *tb, unsigned max_insns);

/* cpu/riscv/helper.c: traps, interrupts, tlb_fill. */
__attribute__((noreturn)) void riscv_raise_exception(CPURISCVState *env, int cause,
                                                    uint64_t tval, uintptr_t ra);
void riscv_do_interrupt(CPUState *cs);
bool riscv_exec_interrupt(CPUState *cs);
bool riscv_has_work(CPUState *cs);
bool riscv_tlb_fill(CPUState *cs, vaddr addr, int size, MMUAccessType type, int mmu_idx,
                    bool probe, uintptr_t ra);
void riscv_do_transaction_failed(CPUState *cs, hwaddr pa, vaddr addr, unsigned size,
                                 MMUAccessType type, int mmu_idx, MemTxResult result,
                                 uintptr_t ra);
void riscv_do_unaligned_access(CPUState *cs, vaddr addr, MMUAccessType type, int mmu_idx,
                               uintptr_t ra);
const char *riscv_excp_name(unsigned cause, bool interrupt);

/* cpu/riscv/csr.c */
/*
 * Read-modify-write a CSR: *old gets the value before; bits in wmask are
 * replaced by those of wval (wmask 0: no write).  Returns -1 if the access
 * is illegal (unknown CSR, privilege, read-only), else 0.
 */
int riscv_csr_rmw(CPURISCVState *env, unsigned csrno, uint64_t *old, uint64_t wval,
                  uint64_t wmask);
uint64_t riscv_instret(CPURISCVState *env);
/* Sstc: recompute STIP from stimecmp and time, and re-arm the deadline timer. */
void riscv_update_stip(CPURISCVState *env);

/* cpu/riscv/op_helper.c */
void riscv_helpers_register(void);

/* cpu/riscv/cpu.c */
void riscv_cpu_dump_state(CPUState *cs, FILE *f);
uint32_t riscv_tb_flags(CPURISCVState *env);
int riscv_mmu_index(CPURISCVState *env, bool ifetch);

#endif
