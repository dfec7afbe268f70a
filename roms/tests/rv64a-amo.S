/*
 * roms/tests/rv64a-amo.S: every AMO of the A extension in both widths and
 * all four orderings (none, .aq, .rl, .aqrl): rd receives the old memory
 * value (sign-extended for .w), memory receives op(old, rs2) computed on 32
 * bits for .w (the other half of the doubleword untouched), min/max signed
 * and minu/maxu unsigned.  Also the register aliasing cases rd = x0,
 * rd = rs2, and rs2 = x0.  (LR/SC: rv64a-lr-sc.S.)
 */
#include "test.h"

/* op on the doubleword amo_buf = mem (word at byte offset off for .w). */
.macro TEST_AMO n, op, mem, rs2, exp_rd, exp_mem, off
    la      s0, amo_buf
    li      a1, \mem
    sd      a1, 0(s0)
    addi    s1, s0, \off
    li      a2, \rs2
    \op     a3, a2, (s1)
    CHECK   \n, a3, \exp_rd
    ld      a4, 0(s0)
    CHECK   \n, a4, \exp_mem
.endm

    .bss
    .align 3
amo_buf:
    .dword 0

    .text
    .globl main
main:
    /* amoswap */
    TEST_AMO 1, amoswap.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 2, amoswap.d, 0x5, 0xfffffffffffffffd, 0x5, 0xfffffffffffffffd, 0
    TEST_AMO 3, amoswap.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0
    TEST_AMO 4, amoswap.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 5, amoswap.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeeffffffffd, 0
    TEST_AMO 6, amoswap.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef0ff00ff0, 0
    TEST_AMO 7, amoswap.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0x7fffffffdeadbeef, 4
    TEST_AMO 8, amoswap.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 9, amoswap.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 10, amoswap.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 11, amoswap.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 12, amoswap.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 13, amoswap.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    GROUP_OK "amoswap.w/.d"
    /* amoadd */
    TEST_AMO 17, amoadd.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x0, 0
    TEST_AMO 18, amoadd.d, 0x5, 0xfffffffffffffffd, 0x5, 0x2, 0
    TEST_AMO 19, amoadd.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0x10ef10ef10ef10ef, 0
    TEST_AMO 20, amoadd.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef00000000, 0
    TEST_AMO 21, amoadd.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeef00000002, 0
    TEST_AMO 22, amoadd.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef10ef10ef, 0
    TEST_AMO 23, amoadd.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0xdeadbeef, 4
    TEST_AMO 24, amoadd.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x0, 0
    TEST_AMO 25, amoadd.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef00000000, 0
    TEST_AMO 26, amoadd.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x0, 0
    TEST_AMO 27, amoadd.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef00000000, 0
    TEST_AMO 28, amoadd.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x0, 0
    TEST_AMO 29, amoadd.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef00000000, 0
    GROUP_OK "amoadd.w/.d"
    /* amoxor */
    TEST_AMO 33, amoxor.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0xfffffffffffffffe, 0
    TEST_AMO 34, amoxor.d, 0x5, 0xfffffffffffffffd, 0x5, 0xfffffffffffffff8, 0
    TEST_AMO 35, amoxor.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0xf0f0f0f0f0f0f0f, 0
    TEST_AMO 36, amoxor.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeeffffffffe, 0
    TEST_AMO 37, amoxor.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeeffffffff8, 0
    TEST_AMO 38, amoxor.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef0f0f0f0f, 0
    TEST_AMO 39, amoxor.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0xfffffffedeadbeef, 4
    TEST_AMO 40, amoxor.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0xfffffffffffffffe, 0
    TEST_AMO 41, amoxor.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeeffffffffe, 0
    TEST_AMO 42, amoxor.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0xfffffffffffffffe, 0
    TEST_AMO 43, amoxor.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeeffffffffe, 0
    TEST_AMO 44, amoxor.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0xfffffffffffffffe, 0
    TEST_AMO 45, amoxor.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeeffffffffe, 0
    GROUP_OK "amoxor.w/.d"
    /* amoand */
    TEST_AMO 49, amoand.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x1, 0
    TEST_AMO 50, amoand.d, 0x5, 0xfffffffffffffffd, 0x5, 0x5, 0
    TEST_AMO 51, amoand.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0xf000f000f000f0, 0
    TEST_AMO 52, amoand.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef00000001, 0
    TEST_AMO 53, amoand.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeef00000005, 0
    TEST_AMO 54, amoand.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef00f000f0, 0
    TEST_AMO 55, amoand.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0x1deadbeef, 4
    TEST_AMO 56, amoand.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x1, 0
    TEST_AMO 57, amoand.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef00000001, 0
    TEST_AMO 58, amoand.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x1, 0
    TEST_AMO 59, amoand.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef00000001, 0
    TEST_AMO 60, amoand.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x1, 0
    TEST_AMO 61, amoand.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef00000001, 0
    GROUP_OK "amoand.w/.d"
    /* amoor */
    TEST_AMO 65, amoor.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0xffffffffffffffff, 0
    TEST_AMO 66, amoor.d, 0x5, 0xfffffffffffffffd, 0x5, 0xfffffffffffffffd, 0
    TEST_AMO 67, amoor.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0xfff0fff0fff0fff, 0
    TEST_AMO 68, amoor.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeefffffffff, 0
    TEST_AMO 69, amoor.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeeffffffffd, 0
    TEST_AMO 70, amoor.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef0fff0fff, 0
    TEST_AMO 71, amoor.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0xffffffffdeadbeef, 4
    TEST_AMO 72, amoor.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0xffffffffffffffff, 0
    TEST_AMO 73, amoor.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeefffffffff, 0
    TEST_AMO 74, amoor.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0xffffffffffffffff, 0
    TEST_AMO 75, amoor.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeefffffffff, 0
    TEST_AMO 76, amoor.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0xffffffffffffffff, 0
    TEST_AMO 77, amoor.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeefffffffff, 0
    GROUP_OK "amoor.w/.d"
    /* amomin */
    TEST_AMO 81, amomin.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000001, 0
    TEST_AMO 82, amomin.d, 0x5, 0xfffffffffffffffd, 0x5, 0xfffffffffffffffd, 0
    TEST_AMO 83, amomin.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0xff00ff00ff00ff, 0
    TEST_AMO 84, amomin.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef80000001, 0
    TEST_AMO 85, amomin.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeeffffffffd, 0
    TEST_AMO 86, amomin.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef00ff00ff, 0
    TEST_AMO 87, amomin.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0x80000001deadbeef, 4
    TEST_AMO 88, amomin.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000001, 0
    TEST_AMO 89, amomin.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef80000001, 0
    TEST_AMO 90, amomin.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000001, 0
    TEST_AMO 91, amomin.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef80000001, 0
    TEST_AMO 92, amomin.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000001, 0
    TEST_AMO 93, amomin.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef80000001, 0
    GROUP_OK "amomin.w/.d"
    /* amomax */
    TEST_AMO 97, amomax.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 98, amomax.d, 0x5, 0xfffffffffffffffd, 0x5, 0x5, 0
    TEST_AMO 99, amomax.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0
    TEST_AMO 100, amomax.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 101, amomax.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeef00000005, 0
    TEST_AMO 102, amomax.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef0ff00ff0, 0
    TEST_AMO 103, amomax.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0x7fffffffdeadbeef, 4
    TEST_AMO 104, amomax.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 105, amomax.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 106, amomax.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 107, amomax.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 108, amomax.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 109, amomax.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    GROUP_OK "amomax.w/.d"
    /* amominu */
    TEST_AMO 113, amominu.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 114, amominu.d, 0x5, 0xfffffffffffffffd, 0x5, 0x5, 0
    TEST_AMO 115, amominu.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0xff00ff00ff00ff, 0
    TEST_AMO 116, amominu.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 117, amominu.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeef00000005, 0
    TEST_AMO 118, amominu.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef00ff00ff, 0
    TEST_AMO 119, amominu.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0x7fffffffdeadbeef, 4
    TEST_AMO 120, amominu.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 121, amominu.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 122, amominu.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 123, amominu.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    TEST_AMO 124, amominu.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x7fffffffffffffff, 0
    TEST_AMO 125, amominu.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef7fffffff, 0
    GROUP_OK "amominu.w/.d"
    /* amomaxu */
    TEST_AMO 129, amomaxu.d, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000001, 0
    TEST_AMO 130, amomaxu.d, 0x5, 0xfffffffffffffffd, 0x5, 0xfffffffffffffffd, 0
    TEST_AMO 131, amomaxu.d, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0xff00ff00ff00ff, 0xff00ff00ff00ff0, 0
    TEST_AMO 132, amomaxu.w, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef80000001, 0
    TEST_AMO 133, amomaxu.w, 0xdeadbeef00000005, 0xfffffffffffffffd, 0x5, 0xdeadbeeffffffffd, 0
    TEST_AMO 134, amomaxu.w, 0xdeadbeef00ff00ff, 0xff00ff0, 0xff00ff, 0xdeadbeef0ff00ff0, 0
    TEST_AMO 135, amomaxu.w, 0x80000001deadbeef, 0x7fffffff, 0xffffffff80000001, 0x80000001deadbeef, 4
    TEST_AMO 136, amomaxu.d.aq, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000001, 0
    TEST_AMO 137, amomaxu.w.aq, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef80000001, 0
    TEST_AMO 138, amomaxu.d.rl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000001, 0
    TEST_AMO 139, amomaxu.w.rl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef80000001, 0
    TEST_AMO 140, amomaxu.d.aqrl, 0x8000000000000001, 0x7fffffffffffffff, 0x8000000000000001, 0x8000000000000001, 0
    TEST_AMO 141, amomaxu.w.aqrl, 0xdeadbeef80000001, 0x123456787fffffff, 0xffffffff80000001, 0xdeadbeef80000001, 0
    GROUP_OK "amomaxu.w/.d"

    /* rd = x0: only memory changes */
    la      s0, amo_buf
    li      a1, 40
    sd      a1, 0(s0)
    li      a2, 2
    amoadd.d x0, a2, (s0)
    ld      a4, 0(s0)
    CHECK   200, a4, 42
    CHECK   201, x0, 0
    /* rd = rs2: rs2 is read before rd is written */
    li      a2, 7
    amoswap.d a2, a2, (s0)
    CHECK   202, a2, 42
    ld      a4, 0(s0)
    CHECK   203, a4, 7
    /* rs2 = x0: amoor as an atomic load */
    amoor.w a3, x0, (s0)
    CHECK   204, a3, 7
    ld      a4, 0(s0)
    CHECK   205, a4, 7
    /* rd = rs1: the address is read before rd is written */
    mv      a5, s0
    li      a2, 1
    amoadd.d a5, a2, (a5)
    CHECK   206, a5, 7
    ld      a4, 0(s0)
    CHECK   207, a4, 8
    GROUP_OK "register aliasing"

    TEST_PASS
