/*
 * roms/tests/misaligned-load-store-succeed.S: misaligned loads and stores to
 * RAM are carried out (no trap) at every byte offset, with the right bytes
 * in little-endian order and the right sign/zero extension, also when the
 * access straddles a 4 KiB page boundary; compressed loads/stores too.
 */
#include "test.h"

    .data
    .align 12
page0:
    .space 4096 - 16
edge:                                   /* 16 bytes before the boundary */
    .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77
    .byte 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
page1:                                  /* 4 KiB aligned */
    .byte 0x80, 0x91, 0xa2, 0xb3, 0xc4, 0xd5, 0xe6, 0xf7
    .space 4096 - 8

    .text
    .globl main
main:
    call    trap_install
    la      s0, edge
    lh      a3, 1(s0)
    CHECK   1, a3, 0x2211
    lhu     a3, 7(s0)
    CHECK   2, a3, 0x8877
    lh      a3, 7(s0)
    CHECK   3, a3, 0xffffffffffff8877
    lw      a3, 1(s0)
    CHECK   4, a3, 0x44332211
    lw      a3, 6(s0)
    CHECK   5, a3, 0xffffffff99887766
    lwu     a3, 6(s0)
    CHECK   6, a3, 0x99887766
    lw      a3, 3(s0)
    CHECK   7, a3, 0x66554433
    ld      a3, 1(s0)
    CHECK   8, a3, 0x8877665544332211
    ld      a3, 3(s0)
    CHECK   9, a3, 0xaa99887766554433
    ld      a3, 7(s0)
    CHECK   10, a3, 0xeeddccbbaa998877
    CHECK_TRAP_COUNT 11, 0
    GROUP_OK "misaligned loads"

    /* across the page boundary (edge + 16 = page1) */
    lh      a3, 15(s0)
    CHECK   20, a3, 0xffffffffffff80ff
    lw      a3, 13(s0)
    CHECK   21, a3, 0xffffffff80ffeedd
    lw      a3, 14(s0)
    CHECK   22, a3, 0xffffffff9180ffee
    lwu     a3, 15(s0)
    CHECK   23, a3, 0xa29180ff
    ld      a3, 9(s0)
    CHECK   24, a3, 0x80ffeeddccbbaa99
    ld      a3, 12(s0)
    CHECK   25, a3, 0xb3a29180ffeeddcc
    ld      a3, 15(s0)
    CHECK   26, a3, 0xe6d5c4b3a29180ff
    CHECK_TRAP_COUNT 27, 0
    GROUP_OK "loads across a page boundary"

    /* stores: write, read back aligned, neighbours untouched */
    la      s1, page1
    addi    s0, s1, -16
    sd      zero, 0(s0)
    sd      zero, 8(s0)
    sd      zero, 0(s1)
    li      a1, 0x0102030405060708
    sh      a1, 1(s0)
    ld      a3, 0(s0)
    CHECK   30, a3, 0x0000000000070800
    sw      a1, 3(s0)
    ld      a3, 0(s0)
    CHECK   31, a3, 0x0005060708070800
    sd      a1, 5(s0)
    ld      a3, 0(s0)
    CHECK   32, a3, 0x0607080708070800
    ld      a3, 8(s0)
    CHECK   33, a3, 0x0000000102030405
    /* straddling the page boundary */
    li      a1, 0x1122334455667788
    sd      a1, 13(s0)
    ld      a3, 8(s0)
    CHECK   34, a3, 0x6677880102030405
    ld      a3, 0(s1)
    CHECK   35, a3, 0x0000001122334455
    sw      a1, 14(s0)
    ld      a3, 8(s0)
    CHECK   36, a3, 0x7788880102030405
    ld      a3, 0(s1)
    CHECK   37, a3, 0x0000001122335566
    sh      a1, 15(s0)
    ld      a3, 8(s0)
    CHECK   38, a3, 0x8888880102030405
    ld      a3, 0(s1)
    CHECK   39, a3, 0x0000001122335577
    CHECK_TRAP_COUNT 40, 0
    GROUP_OK "misaligned stores"

    /* compressed loads and stores with a misaligned base */
    addi    a2, s0, 1                   /* a2 is a compressed register */
    li      a1, -2
    c.sw    a1, 4(a2)
    c.lw    a4, 4(a2)
    CHECK   50, a4, -2
    c.sd    a1, 8(a2)
    c.ld    a4, 8(a2)
    CHECK   51, a4, -2
    CHECK_TRAP_COUNT 52, 0
    GROUP_OK "compressed"

    TEST_PASS
