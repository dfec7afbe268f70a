/*
 * roms/tests/trap-illegal-instruction.S: illegal-instruction exceptions
 * (mcause 2): mepc is the instruction, mtval holds its bits (16 of them for
 * a compressed encoding), as QEMU and Spike report them; no register
 * changes; execution continues after it.  Covers reserved and unassigned
 * 32-bit encodings, the reserved compressed encodings of RV64C, CSR
 * accesses that must trap, and M-mode CSRs and mret used from U-mode.
 */
#include "test.h"

    .text
    .globl main
main:
    call    trap_install
    li      a0, 0x5555
    mv      a1, a0

1:  .word   0x0000000b                  /* custom-0 opcode */
    CHECK_TRAP 1, 1, 2, 1b, 0x0000000b
2:  .word   0xfe000533                  /* OP with funct7 = 0x7f, rd = a0 */
    CHECK_TRAP 2, 2, 2, 2b, 0xfe000533
3:  .word   0x0200151b                  /* slliw a0 with shamt[5] = 1 */
    CHECK_TRAP 3, 3, 2, 3b, 0x0200151b
4:  .word   0x00007503                  /* LOAD with funct3 = 7, rd = a0 */
    CHECK_TRAP 4, 4, 2, 4b, 0x00007503
5:  .word   0x00005023                  /* STORE with funct3 = 5 */
    CHECK_TRAP 5, 5, 2, 5b, 0x00005023
6:  .word   0x00002063                  /* BRANCH with funct3 = 2 */
    CHECK_TRAP 6, 6, 2, 6b, 0x00002063
7:  .word   0x00001567                  /* JALR with funct3 = 1, rd = a0 */
    CHECK_TRAP 7, 7, 2, 7b, 0x00001567
8:  .word   0x0000753b                  /* OP-32 with funct3 = 7, rd = a0 */
    CHECK_TRAP 8, 8, 2, 8b, 0x0000753b
    CHECKR  9, a0, a1                   /* rd never written */
    GROUP_OK "reserved 32-bit encodings"

    call    trap_install
10: .hword  0x0000                      /* all zeros: defined illegal */
    CHECK_TRAP 10, 1, 2, 10b, 0
11: .hword  0x0004                      /* c.addi4spn with nzuimm = 0 */
    CHECK_TRAP 11, 2, 2, 11b, 0x0004
12: .hword  0x6781                      /* c.lui a5 with nzimm = 0 */
    CHECK_TRAP 12, 3, 2, 12b, 0x6781
13: .hword  0x6101                      /* c.addi16sp with nzimm = 0 */
    CHECK_TRAP 13, 4, 2, 13b, 0x6101
14: .hword  0x6002                      /* c.ldsp with rd = x0 */
    CHECK_TRAP 14, 5, 2, 14b, 0x6002
15: .hword  0x4002                      /* c.lwsp with rd = x0 */
    CHECK_TRAP 15, 6, 2, 15b, 0x4002
16: .hword  0x8002                      /* c.jr with rs1 = x0 */
    CHECK_TRAP 16, 7, 2, 16b, 0x8002
    GROUP_OK "reserved compressed encodings"

    call    trap_install
    li      a0, 0x5555
    mv      a1, a0
20: csrr    a0, 0x7c0                   /* custom CSR: none implemented */
    CHECK_TRAP 20, 1, 2, 20b, 0x7c002573
    CHECKR  21, a0, a1
22: csrw    mvendorid, a1               /* write to a read-only CSR */
    CHECK_TRAP 22, 2, 2, 22b, 0xf1159073
23: csrrwi  a0, marchid, 0              /* csrrwi always writes */
    CHECK_TRAP 23, 3, 2, 23b, 0xf1205573
    CHECKR  24, a0, a1
25: csrrs   a0, mimpid, a1              /* rs1 != x0, non-zero: a write */
    CHECK_TRAP 25, 4, 2, 25b, 0xf135a573
    CHECKR  26, a0, a1
27: csrrci  a0, mhartid, 1              /* uimm != 0: a write */
    CHECK_TRAP 27, 5, 2, 27b, 0xf140f573
    CHECKR  28, a0, a1
29: csrw    cycle, a1                   /* user counters are read-only */
    CHECK_TRAP 29, 6, 2, 29b, 0xc0059073
    GROUP_OK "CSR accesses"

    /* U-mode: PMP entry 0 grants everything (when PMP is implemented, a
     * U-mode access needs a matching entry), then mret with MPP = U.
     * Checks in U-mode only read memory and call the reporting code. */
    li      t0, -1
    srli    t0, t0, 10
    csrw    pmpaddr0, t0
    li      t0, 0x1f                    /* NAPOT, R W X */
    csrw    pmpcfg0, t0
    call    trap_install
    li      a0, 0x5555
    mv      a1, a0
    li      t0, MSTATUS_MPP
    csrc    mstatus, t0
    la      t0, in_user
    csrw    mepc, t0
    mret
in_user:
30: csrr    a0, mscratch                /* M-mode CSR from U */
    CHECK_TRAP 30, 1, 2, 30b, 0x34002573
    CHECKR  31, a0, a1
32: csrw    mtvec, a1
    CHECK_TRAP 32, 2, 2, 32b, 0x30559073
33: mret                                /* M-mode instruction from U */
    CHECK_TRAP 33, 3, 2, 33b, 0x30200073
    /* Every trap from U-mode recorded MPP = U. */
    la      t5, trap_last
    ld      t4, TRAP_MSTATUS(t5)
    li      t3, MSTATUS_MPP
    and     t4, t4, t3
    CHECK   34, t4, 0
    TRAP_RESUME_AT back_in_m
35: ecall
back_in_m:
    CHECK_TRAP 35, 4, MCAUSE_ECALL_U, 35b, 0
    csrr    t0, mscratch                /* M-mode again: no trap */
    CHECK_TRAP_COUNT 36, 4
    GROUP_OK "U-mode privilege"

    TEST_PASS
