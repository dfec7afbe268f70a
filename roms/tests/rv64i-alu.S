/*
 * roms/tests/rv64i-alu.S: every RV64I computational instruction (register-
 * register, register-immediate, the 32-bit W forms, lui, auipc) on edge
 * values: zero, sign boundaries, all ones, shift amounts 0/31/32/63, and the
 * register aliasing cases (rd = rs1, rd = rs2, rs1 = rs2, rd = x0).
 */
#include "test.h"

    .text
    .globl main
main:
    /* add, sub */
    TEST_RR 1, add, 0, 0, 0
    TEST_RR 2, add, 3, 1, 2
    TEST_RR 3, add, 0, -1, 1
    TEST_RR 4, add, 0x8000000000000000, 0x7fffffffffffffff, 1
    TEST_RR 5, add, 0x100000000, 0xffffffff, 1
    TEST_RR 6, sub, -1, 0, 1
    TEST_RR 7, sub, 0x7fffffffffffffff, 0x8000000000000000, 1
    TEST_RR 8, sub, 0xfffffffeffffffff, 0, 0x100000001
    TEST_RR_RD_IS_RS1 9, add, 24, 13, 11
    TEST_RR_RD_IS_RS2 10, sub, 2, 13, 11
    TEST_RR_SAME_SRC 11, sub, 0, 0x123456789
    TEST_RR_SAME_SRC 12, add, 0x2468acf12, 0x123456789
    TEST_RR_X0_DEST 13, add, 5, 6
    li      a2, 77
    add     a3, x0, a2
    CHECK   14, a3, 77
    sub     a3, x0, a2
    CHECK   15, a3, -77
    GROUP_OK "add/sub"

    /* logic */
    TEST_RR 20, and, 0x0f000f00, 0xff00ff00, 0x0ff00ff0
    TEST_RR 21, or, 0xfff0fff0, 0xff00ff00, 0x0ff00ff0
    TEST_RR 22, xor, 0xf0f0f0f0, 0xff00ff00, 0x0ff00ff0
    TEST_RR 23, and, 0xf0f0f0f0f0f0f0f0, -1, 0xf0f0f0f0f0f0f0f0
    TEST_RR 24, or, -1, 0xf0f0f0f0f0f0f0f0, 0x0f0f0f0f0f0f0f0f
    TEST_RR 25, xor, 0, 0x5555aaaa5555aaaa, 0x5555aaaa5555aaaa
    TEST_RI 26, andi, 0x700, 0xff00ff00, 0x70f
    TEST_RI 27, andi, 0xff00ff00, 0xff00ff00, -1
    TEST_RI 28, ori, 0xffffffffffffff0f, 0xff00ff00, 0xf0f - 0x1000
    TEST_RI 29, ori, 0xff00ff0f, 0xff00ff00, 0x00f
    TEST_RI 30, xori, 0xffffffff00ff00ff, 0xff00ff00, -1
    TEST_RI 31, xori, 0xff00f80f, 0xff00ff00, 0x70f
    TEST_RR_X0_DEST 32, xor, 5, 6
    GROUP_OK "and/or/xor"

    /* slt, sltu, slti, sltiu */
    TEST_RR 40, slt, 0, 0, 0
    TEST_RR 41, slt, 1, -1, 0
    TEST_RR 42, slt, 0, 0, -1
    TEST_RR 43, slt, 1, 0x8000000000000000, 0x7fffffffffffffff
    TEST_RR 44, sltu, 0, 0x8000000000000000, 0x7fffffffffffffff
    TEST_RR 45, sltu, 1, 0, -1
    TEST_RR 46, sltu, 0, -1, -1
    TEST_RR 47, sltu, 1, 0xfffffffe, 0xffffffff
    TEST_RI 48, slti, 1, -5, -4
    TEST_RI 49, slti, 0, 2047, 2047
    TEST_RI 50, slti, 1, 0x8000000000000000, -2048
    TEST_RI 51, sltiu, 1, 5, -1          /* -1 compares as 2^64-1 */
    TEST_RI 52, sltiu, 0, -1, -1
    TEST_RI 53, sltiu, 1, 0, 1           /* seqz */
    TEST_RI 54, sltiu, 0, 7, 1
    li      a2, 3
    sltu    a3, x0, a2                   /* snez */
    CHECK   55, a3, 1
    TEST_RR_X0_DEST 56, slt, -1, 0
    GROUP_OK "slt/sltu"

    /* sll, srl, sra and immediate forms: only the low 6 bits count */
    TEST_RR 60, sll, 0x8000000000000000, 1, 63
    TEST_RR 61, sll, 0x100000000, 1, 32
    TEST_RR 62, sll, 0x0123456789abcdef, 0x0123456789abcdef, 0
    TEST_RR 63, sll, 0x2, 1, 65           /* 65 & 63 = 1 */
    TEST_RR 64, srl, 1, 0x8000000000000000, 63
    TEST_RR 65, srl, 0x00000000ffffffff, -1, 32
    TEST_RR 66, srl, 0x7fffffffffffffff, -1, -63  /* -63 & 63 = 1 */
    TEST_RR 67, sra, -1, 0x8000000000000000, 63
    TEST_RR 68, sra, 0xffffffff80000000, 0x8000000000000000, 32
    TEST_RR 69, sra, 0x3fffffffffffffff, 0x7fffffffffffffff, 1
    TEST_RI 70, slli, 0xf000000000000000, 0xff, 60
    TEST_RI 71, slli, 0x1234, 0x1234, 0
    TEST_RI 72, srli, 0x1, 0x8000000000000000, 63
    TEST_RI 73, srli, 0x0000ffffffffffff, -1, 16
    TEST_RI 74, srai, 0xffffffffffff8000, 0x8000000000000000, 48
    TEST_RI 75, srai, 0x0000000000007fff, 0x7fff000000000000, 48
    TEST_RR_RD_IS_RS1 76, sll, 0x10, 1, 4
    TEST_RR_RD_IS_RS2 77, srl, 0x8, 0x80, 4
    TEST_RR_SAME_SRC 78, sll, 0x18, 3    /* 3 << 3 */
    GROUP_OK "shifts"

    /* addi, lui, auipc */
    TEST_RI 80, addi, 0, 0, 0
    TEST_RI 81, addi, 2047, 0, 2047
    TEST_RI 82, addi, -2048, 0, -2048
    TEST_RI 83, addi, 0x8000000000000000, 0x7fffffffffffffff, 1
    TEST_RI 84, addi, 0x7fffffffffffffff, 0x8000000000000000, -1
    addi    x0, x0, 1
    CHECK   85, x0, 0
    lui     a3, 0x12345
    CHECK   86, a3, 0x12345000
    lui     a3, 0x80000                  /* bit 31 sign-extends on RV64 */
    CHECK   87, a3, 0xffffffff80000000
    lui     a3, 0xfffff
    CHECK   88, a3, 0xfffffffffffff000
    lui     x0, 0x1
    CHECK   89, x0, 0
1:  auipc   a3, 0
    la      a4, 1b
    CHECKR  90, a3, a4
2:  auipc   a3, 0x1
    la      a4, 2b
    li      a5, 0x1000
    add     a4, a4, a5
    CHECKR  91, a3, a4
3:  auipc   a3, 0xfffff                  /* pc - 4096 */
    la      a4, 3b
    li      a5, 0x1000
    sub     a4, a4, a5
    CHECKR  92, a3, a4
    GROUP_OK "addi/lui/auipc"

    /* 32-bit forms: compute on the low 32 bits, sign-extend the result */
    TEST_RR 100, addw, 0xffffffff80000000, 0x7fffffff, 1
    TEST_RR 101, addw, 0, 0xffffffff, 1
    TEST_RR 102, addw, 3, 0x1234500000001, 0x6789a00000002
    TEST_RR 103, subw, 0x7fffffff, 0x80000000, 1
    TEST_RR 104, subw, -1, 0x100000000, 1
    TEST_RR 105, sllw, 0xffffffff80000000, 1, 31
    TEST_RR 106, sllw, 2, 1, 33          /* only the low 5 bits count */
    TEST_RR 107, sllw, 0x12340000, 0xffffffff00001234, 16
    TEST_RR 108, srlw, 1, 0x80000000, 31
    TEST_RR 109, srlw, 0x7fffffff, 0xffffffffffffffff, 1
    TEST_RR 110, srlw, 0xffffffff80000000, 0x1280000000, 0  /* shift 0 still sign-extends */
    TEST_RR 111, sraw, 0xffffffffffffffff, 0x80000000, 31
    TEST_RR 112, sraw, 0xfffffffff8000000, 0x80000000, 36  /* 36 & 31 = 4 */
    TEST_RR 113, sraw, 0x3fffffff, 0xabcd7fffffff, 1
    TEST_RI 114, addiw, 0xffffffff80000000, 0x7fffffff, 1
    TEST_RI 115, addiw, 0x7ff, 0x100000000, 2047
    TEST_RI 116, addiw, 0xffffffffffffffff, 0xffffffff, 0    /* sext.w */
    TEST_RI 117, addiw, 0x7fffffff, 0x80000000, -1
    TEST_RI 118, slliw, 0xffffffff80000000, 0xff00000001, 31
    TEST_RI 119, slliw, 0x10, 0x1, 4
    TEST_RI 120, srliw, 0x1, 0x80000000, 31
    TEST_RI 121, srliw, 0xffffffff80000000, 0xffffffff80000000, 0
    TEST_RI 122, srliw, 0x0fffffff, 0xffffffffffffffff, 4
    TEST_RI 123, sraiw, 0xffffffffffffffff, 0x80000000, 31
    TEST_RI 124, sraiw, 0x7ffffff, 0x7fffffff, 4
    TEST_RI 125, sraiw, 0xfffffffff0000000, 0x1280000000, 3
    TEST_RR_X0_DEST 126, addw, 1, 2
    GROUP_OK "32-bit forms"

    TEST_PASS
