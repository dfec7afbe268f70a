/*
 * roms/tests/csr-warl-strict.S: CSR rules that qemu-system-riscv64 7.2 does
 * not follow (the differential test expects this rom to differ there;
 * Spike follows them):
 *   - mepc[0] is always zero (privileged spec, mepc: with IALIGN = 16 only
 *     bit 0 is hardwired to zero); QEMU 7.2 reads back what was written.
 *   - csrrs/csrrc with rs1 != x0 attempt a write even when the register
 *     holds 0 (unprivileged spec, Zicsr: "will still attempt to write the
 *     unmodified value back"), so on a read-only CSR they raise an illegal
 *     instruction exception; QEMU 7.2 decides by the value, not rs1.
 */
#include "test.h"

    .text
    .globl main
main:
    li      a1, 0x80001235
    csrw    mepc, a1
    csrr    a3, mepc
    CHECK   1, a3, 0x80001234
    li      a1, -1
    csrw    mepc, a1
    csrr    a3, mepc
    CHECK   2, a3, 0xfffffffffffffffe
    GROUP_OK "mepc bit 0"

    call    trap_install
    li      a1, 0
    li      a3, 0x99
1:  csrrs   a3, mvendorid, a1
    CHECK_TRAP 10, 1, MCAUSE_ILLEGAL_INSN, 1b, 0xf115a6f3
    CHECK   11, a3, 0x99
2:  csrrc   a3, mhartid, a1
    CHECK_TRAP 12, 2, MCAUSE_ILLEGAL_INSN, 2b, 0xf145b6f3
    CHECK   13, a3, 0x99
3:  csrrs   x0, cycle, a1
    CHECK_TRAP 14, 3, MCAUSE_ILLEGAL_INSN, 3b, 0xc005a073
    GROUP_OK "zero-valued rs1 still writes"

    TEST_PASS
