/*
 * roms/tests/access-fault-unmapped.S: loads, stores and instruction fetches
 * at a physical address where nothing is mapped (0x40000000 on the spike
 * board) raise access faults: load 5, store 7, fetch 1, each with mtval =
 * the faulting address and mepc = the instruction (for a fetch: the target).
 * A faulting load leaves rd unwritten; an LR faults as a load; a jump into
 * the hole still writes its link register.
 */
#include "test.h"

    .equ    HOLE, 0x40000000

    .text
    .globl main
main:
    call    trap_install
    li      s0, HOLE
    li      a3, 0x77

1:  ld      a3, 0(s0)
    CHECK_TRAP_TVALR 1, 1, MCAUSE_LOAD_ACCESS, 1b, s0
    CHECK   2, a3, 0x77
    addi    s1, s0, 0x123
2:  lbu     a3, 0(s1)
    CHECK_TRAP_TVALR 3, 2, MCAUSE_LOAD_ACCESS, 2b, s1
    addi    s1, s0, 0x40
3:  lw      a3, -8(s1)
    addi    s2, s1, -8
    CHECK_TRAP_TVALR 4, 3, MCAUSE_LOAD_ACCESS, 3b, s2
    CHECK   5, a3, 0x77
4:  lr.w    a3, (s0)
    CHECK_TRAP_TVALR 6, 4, MCAUSE_LOAD_ACCESS, 4b, s0
    CHECK   7, a3, 0x77
    GROUP_OK "load access fault"

5:  sd      a3, 0(s0)
    CHECK_TRAP_TVALR 10, 5, MCAUSE_STORE_ACCESS, 5b, s0
    addi    s1, s0, 0x7f
6:  sb      a3, 0(s1)
    CHECK_TRAP_TVALR 11, 6, MCAUSE_STORE_ACCESS, 6b, s1
    addi    s2, s0, 0x10
7:  sw      a3, 0x10(s0)
    CHECK_TRAP_TVALR 12, 7, MCAUSE_STORE_ACCESS, 7b, s2
    GROUP_OK "store access fault"

    /* fetch: jump into the hole; the handler resumes at a label */
    TRAP_RESUME_AT 8f
    li      ra, 0
    jalr    ra, 0(s0)
8:  la      t5, trap_last
    ld      t4, TRAP_COUNT(t5)
    CHECK   20, t4, 8
    ld      t4, TRAP_MCAUSE(t5)
    CHECK   21, t4, MCAUSE_INSN_ACCESS
    ld      t4, TRAP_MEPC(t5)
    CHECKR  22, t4, s0
    ld      t4, TRAP_MTVAL(t5)
    CHECKR  23, t4, s0
    la      t3, 8b                      /* the jalr wrote its link */
    CHECKR  24, ra, t3
    /* a compressed jump, 2-byte aligned target */
    TRAP_RESUME_AT 9f
    addi    s1, s0, 0x102
    c.jr    s1
9:  la      t5, trap_last
    ld      t4, TRAP_MCAUSE(t5)
    CHECK   25, t4, MCAUSE_INSN_ACCESS
    ld      t4, TRAP_MEPC(t5)
    CHECKR  26, t4, s1
    ld      t4, TRAP_MTVAL(t5)
    CHECKR  27, t4, s1
    GROUP_OK "fetch access fault"

    TEST_PASS
