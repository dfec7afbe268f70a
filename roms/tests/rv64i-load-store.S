/*
 * roms/tests/rv64i-load-store.S: every RV64I load and store (lb lh lw ld lbu
 * lhu lwu, sb sh sw sd): sign and zero extension, positive and negative
 * offsets, little-endian byte order, stores that only change their own
 * bytes, rd = x0, rd = base register; and fence / fence.tso, which must
 * simply execute.
 */
#include "test.h"

    .data
    .align 4
pattern:
    .dword 0x8182838485868788
    .dword 0x0102030405060708
    .dword 0xf0debc9a78563412
scratch:
    .dword 0, 0, 0, 0

    .text
    .globl main
main:
    la      s0, pattern
    lb      a3, 0(s0)
    CHECK   1, a3, 0xffffffffffffff88
    lb      a3, 8(s0)
    CHECK   2, a3, 0x08
    lbu     a3, 0(s0)
    CHECK   3, a3, 0x88
    lb      a3, 7(s0)
    CHECK   4, a3, 0xffffffffffffff81
    lbu     a3, 15(s0)
    CHECK   5, a3, 0x01
    lh      a3, 0(s0)
    CHECK   6, a3, 0xffffffffffff8788
    lh      a3, 8(s0)
    CHECK   7, a3, 0x0708
    lhu     a3, 6(s0)
    CHECK   8, a3, 0x8182
    lw      a3, 4(s0)
    CHECK   9, a3, 0xffffffff81828384
    lw      a3, 12(s0)
    CHECK   10, a3, 0x01020304
    lwu     a3, 4(s0)
    CHECK   11, a3, 0x81828384
    ld      a3, 0(s0)
    CHECK   12, a3, 0x8182838485868788
    ld      a3, 16(s0)
    CHECK   13, a3, 0xf0debc9a78563412
    GROUP_OK "loads"

    addi    s1, s0, 16
    lw      a3, -8(s1)                  /* negative offset */
    CHECK   20, a3, 0x05060708
    lbu     a3, -16(s1)
    CHECK   21, a3, 0x88
    li      a1, 2040
    sub     s2, s0, a1
    ld      a3, 2040(s2)                /* largest positive offset */
    CHECK   22, a3, 0x8182838485868788
    li      a1, 2048
    add     s2, s0, a1
    ld      a3, -2048(s2)               /* most negative offset */
    CHECK   23, a3, 0x8182838485868788
    mv      a3, s0
    ld      a3, 8(a3)                   /* rd = base */
    CHECK   24, a3, 0x0102030405060708
    lw      x0, 0(s0)                   /* rd = x0: loaded value dropped */
    CHECK   25, x0, 0
    GROUP_OK "offsets"

    la      s1, scratch
    li      a1, 0x1122334455667788
    sd      a1, 0(s1)
    ld      a3, 0(s1)
    CHECK   30, a3, 0x1122334455667788
    li      a1, 0xaabbccdd
    sw      a1, 4(s1)
    ld      a3, 0(s1)
    CHECK   31, a3, 0xaabbccdd55667788
    li      a1, 0xfffffffffffffeef      /* only the low 16 bits are stored */
    sh      a1, 2(s1)
    ld      a3, 0(s1)
    CHECK   32, a3, 0xaabbccddfeef7788
    li      a1, 0x1234
    sb      a1, 1(s1)
    ld      a3, 0(s1)
    CHECK   33, a3, 0xaabbccddfeef3488
    sb      x0, 7(s1)
    ld      a3, 0(s1)
    CHECK   34, a3, 0x00bbccddfeef3488
    ld      a3, 8(s1)                   /* the neighbour is untouched */
    CHECK   35, a3, 0
    addi    s2, s1, 24
    li      a1, -2
    sd      a1, -16(s2)                 /* negative store offset */
    ld      a3, 8(s1)
    CHECK   36, a3, -2
    lb      a3, 15(s1)
    CHECK   37, a3, -1
    lhu     a3, 8(s1)
    CHECK   38, a3, 0xfffe
    GROUP_OK "stores"

    /* a store then a load of the same bytes, with every fence between */
    li      a1, 0x5a
    sb      a1, 16(s1)
    fence
    lbu     a3, 16(s1)
    CHECK   40, a3, 0x5a
    sb      a1, 17(s1)
    fence   rw, rw
    fence   w, r
    fence   r, w
    fence   i, o
    fence.tso
    lhu     a3, 16(s1)
    CHECK   41, a3, 0x5a5a
    GROUP_OK "fences"

    TEST_PASS
