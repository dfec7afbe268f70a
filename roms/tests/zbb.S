/*
 * roms/tests/zbb.S: Zbb, basic bit manipulation: andn, orn, xnor, clz, ctz,
 * cpop (64 for a zero operand from clz/ctz) and the word forms clzw, ctzw,
 * cpopw (32 for a zero word; upper half ignored), max, min, maxu, minu,
 * sext.b, sext.h, zext.h, rol, ror, rori (amounts modulo 64), rolw, rorw,
 * roriw (modulo 32, result sign-extended), orc.b and rev8. Expected values
 * follow from the bit-manipulation spec's definitions.
 */
#include "zb-test.h"

    .text
    .globl main
main:
    ZB_RR 1, andn, 0x0020446088a8cce0, 0x123456789abcdef0, 0xfedcba9876543210
    ZB_RR 2, andn, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000
    ZB_RR 3, andn, 0x0000000000000000, 0x0000000000000000, 0xffffffffffffffff
    ZB_RR 4, andn, 0x0000000000000000, 0x8000000180000001, 0x8000000180000001
    ZB_RR 5, orn, 0x1337577f9bbfdfff, 0x123456789abcdef0, 0xfedcba9876543210
    ZB_RR 6, orn, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000000
    ZB_RR 7, orn, 0x0000000000000000, 0x0000000000000000, 0xffffffffffffffff
    ZB_RR 8, orn, 0xffffffffffffffff, 0x8000000180000001, 0x8000000180000001
    ZB_RR 9, xnor, 0x1317131f1317131f, 0x123456789abcdef0, 0xfedcba9876543210
    ZB_RR 10, xnor, 0x0000000000000000, 0xffffffffffffffff, 0x0000000000000000
    ZB_RR 11, xnor, 0x0000000000000000, 0x0000000000000000, 0xffffffffffffffff
    ZB_RR 12, xnor, 0xffffffffffffffff, 0x8000000180000001, 0x8000000180000001
    TEST_RR_SAME_SRC 13, andn, 0x0000000000000000, 0x123456789abcdef0
    TEST_RR_RD_IS_RS2 14, orn, 0x1337577f9bbfdfff, 0x123456789abcdef0, 0xfedcba9876543210
    TEST_RR_X0_DEST 15, xnor, 0x0000000000000001, 0x0000000000000002
    GROUP_OK "andn/orn/xnor"

    ZB_R 21, clz, 0x0000000000000040, 0x0000000000000000
    ZB_R 22, clz, 0x000000000000003f, 0x0000000000000001
    ZB_R 23, clz, 0x0000000000000000, 0xffffffffffffffff
    ZB_R 24, clz, 0x0000000000000000, 0x8000000000000000
    ZB_R 25, clz, 0x000000000000001f, 0x0000000100000000
    ZB_R 26, clz, 0x0000000000000003, 0x123456789abcdef0
    ZB_R 27, clz, 0x0000000000000020, 0x00000000ffff0000
    ZB_R 28, clz, 0x0000000000000000, 0x8000000000000001
    ZB_R 29, ctz, 0x0000000000000040, 0x0000000000000000
    ZB_R 30, ctz, 0x0000000000000000, 0x0000000000000001
    ZB_R 31, ctz, 0x0000000000000000, 0xffffffffffffffff
    ZB_R 32, ctz, 0x000000000000003f, 0x8000000000000000
    ZB_R 33, ctz, 0x0000000000000020, 0x0000000100000000
    ZB_R 34, ctz, 0x0000000000000004, 0xfedcba9876543210
    ZB_R 35, ctz, 0x0000000000000020, 0xffffffff00000000
    ZB_R 36, cpop, 0x0000000000000000, 0x0000000000000000
    ZB_R 37, cpop, 0x0000000000000001, 0x0000000000000001
    ZB_R 38, cpop, 0x0000000000000040, 0xffffffffffffffff
    ZB_R 39, cpop, 0x0000000000000004, 0x8000000180000001
    ZB_R 40, cpop, 0x0000000000000020, 0x123456789abcdef0
    ZB_R 41, cpop, 0x0000000000000020, 0xfedcba9876543210
    GROUP_OK "clz/ctz/cpop"

    ZB_R 51, clzw, 0x0000000000000020, 0x0000000000000000
    ZB_R 52, clzw, 0x000000000000001f, 0x0000000000000001
    ZB_R 53, clzw, 0x0000000000000000, 0xffffffffffffffff
    ZB_R 54, clzw, 0x0000000000000000, 0x0000000080000000
    ZB_R 55, clzw, 0x0000000000000020, 0xffffffff00000000
    ZB_R 56, clzw, 0x0000000000000000, 0x00000000ffff0000
    ZB_R 57, clzw, 0x000000000000001f, 0x1234567800000001
    ZB_R 58, ctzw, 0x0000000000000020, 0x0000000000000000
    ZB_R 59, ctzw, 0x0000000000000020, 0xffffffff00000000
    ZB_R 60, ctzw, 0x000000000000001f, 0x0000000080000000
    ZB_R 61, ctzw, 0x0000000000000000, 0x0000000000000001
    ZB_R 62, ctzw, 0x000000000000000c, 0x1234567800001000
    ZB_R 63, cpopw, 0x0000000000000000, 0x0000000000000000
    ZB_R 64, cpopw, 0x0000000000000020, 0xffffffffffffffff
    ZB_R 65, cpopw, 0x0000000000000002, 0x8000000180000001
    ZB_R 66, cpopw, 0x0000000000000000, 0xffffffff00000000
    ZB_R 67, cpopw, 0x0000000000000013, 0x123456789abcdef0
    GROUP_OK "clzw/ctzw/cpopw"

    ZB_RR 71, max, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002
    ZB_RR 72, max, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001
    ZB_RR 73, max, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
    ZB_RR 74, max, 0xfffffffffffffffb, 0xfffffffffffffffb, 0xfffffffffffffffb
    ZB_RR 75, min, 0x0000000000000001, 0x0000000000000001, 0x0000000000000002
    ZB_RR 76, min, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001
    ZB_RR 77, min, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff
    ZB_RR 78, min, 0xfffffffffffffffb, 0xfffffffffffffffb, 0xfffffffffffffffb
    ZB_RR 79, maxu, 0x0000000000000002, 0x0000000000000001, 0x0000000000000002
    ZB_RR 80, maxu, 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001
    ZB_RR 81, maxu, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff
    ZB_RR 82, maxu, 0xfffffffffffffffb, 0xfffffffffffffffb, 0xfffffffffffffffb
    ZB_RR 83, minu, 0x0000000000000001, 0x0000000000000001, 0x0000000000000002
    ZB_RR 84, minu, 0x0000000000000001, 0xffffffffffffffff, 0x0000000000000001
    ZB_RR 85, minu, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
    ZB_RR 86, minu, 0xfffffffffffffffb, 0xfffffffffffffffb, 0xfffffffffffffffb
    TEST_RR_RD_IS_RS1 87, max, 0x0000000000000004, 0xfffffffffffffffd, 0x0000000000000004
    TEST_RR_RD_IS_RS2 88, minu, 0x0000000000000004, 0xfffffffffffffffd, 0x0000000000000004
    TEST_RR_X0_DEST 89, max, 0x0000000000000001, 0x0000000000000002
    GROUP_OK "max/min/maxu/minu"

    ZB_R 91, sext.b, 0x000000000000007f, 0x000000000000007f
    ZB_R 92, sext.b, 0xffffffffffffff80, 0x0000000000000080
    ZB_R 93, sext.b, 0xffffffffffffffff, 0x0000000000007fff
    ZB_R 94, sext.b, 0x0000000000000000, 0x0000000000008000
    ZB_R 95, sext.b, 0xfffffffffffffff0, 0x123456789abcdef0
    ZB_R 96, sext.b, 0xffffffffffffffff, 0xffffffffffffffff
    ZB_R 97, sext.h, 0x000000000000007f, 0x000000000000007f
    ZB_R 98, sext.h, 0x0000000000000080, 0x0000000000000080
    ZB_R 99, sext.h, 0x0000000000007fff, 0x0000000000007fff
    ZB_R 100, sext.h, 0xffffffffffff8000, 0x0000000000008000
    ZB_R 101, sext.h, 0xffffffffffffdef0, 0x123456789abcdef0
    ZB_R 102, sext.h, 0xffffffffffffffff, 0xffffffffffffffff
    ZB_R 103, zext.h, 0x000000000000007f, 0x000000000000007f
    ZB_R 104, zext.h, 0x0000000000000080, 0x0000000000000080
    ZB_R 105, zext.h, 0x0000000000007fff, 0x0000000000007fff
    ZB_R 106, zext.h, 0x0000000000008000, 0x0000000000008000
    ZB_R 107, zext.h, 0x000000000000def0, 0x123456789abcdef0
    ZB_R 108, zext.h, 0x000000000000ffff, 0xffffffffffffffff
    GROUP_OK "sext.b/sext.h/zext.h"

    ZB_RR 111, rol, 0x123456789abcdef0, 0x123456789abcdef0, 0x0000000000000000
    ZB_RR 112, rol, 0x23456789abcdef01, 0x123456789abcdef0, 0x0000000000000004
    ZB_RR 113, rol, 0x091a2b3c4d5e6f78, 0x123456789abcdef0, 0x000000000000003f
    ZB_RR 114, rol, 0x123456789abcdef0, 0x123456789abcdef0, 0x0000000000000040   /* by 64: modulo 64 */
    ZB_RR 115, rol, 0x0000000300000003, 0x8000000180000001, 0x0000000000000101   /* only the low 6 bits count */
    ZB_RR 116, ror, 0x123456789abcdef0, 0x123456789abcdef0, 0x0000000000000000
    ZB_RR 117, ror, 0x0123456789abcdef, 0x123456789abcdef0, 0x0000000000000004
    ZB_RR 118, ror, 0x2468acf13579bde0, 0x123456789abcdef0, 0x000000000000003f
    ZB_RR 119, ror, 0x123456789abcdef0, 0x123456789abcdef0, 0x0000000000000040   /* by 64: modulo 64 */
    ZB_RR 120, ror, 0xc0000000c0000000, 0x8000000180000001, 0x0000000000000101   /* only the low 6 bits count */
    ZB_RI 121, rori, 0x123456789abcdef0, 0x123456789abcdef0, 0
    ZB_RI 122, rori, 0x091a2b3c4d5e6f78, 0x123456789abcdef0, 1
    ZB_RI 123, rori, 0x3579bde02468acf1, 0x123456789abcdef0, 31
    ZB_RI 124, rori, 0x9abcdef012345678, 0x123456789abcdef0, 32
    ZB_RI 125, rori, 0x2468acf13579bde0, 0x123456789abcdef0, 63
    TEST_RR_RD_IS_RS1 126, rol, 0x3456789abcdef012, 0x123456789abcdef0, 0x0000000000000008
    TEST_RR_RD_IS_RS2 127, ror, 0xf0123456789abcde, 0x123456789abcdef0, 0x0000000000000008
    TEST_RR_X0_DEST 128, rol, 0x0000000000000001, 0x0000000000000002
    GROUP_OK "rol/ror/rori"

    ZB_RR 131, rolw, 0x0000000012345678, 0x0000000012345678, 0x0000000000000000
    ZB_RR 132, rolw, 0x0000000023456781, 0x0000000012345678, 0x0000000000000004   /* result sign-extended */
    ZB_RR 133, rolw, 0xffffffff80000000, 0xffffffff00000001, 0x000000000000001f   /* upper half ignored */
    ZB_RR 134, rolw, 0xffffffff80000001, 0x0000000080000001, 0x0000000000000020   /* by 32: modulo 32 */
    ZB_RR 135, rolw, 0x0000000000000003, 0x0000000080000001, 0x0000000000000021
    ZB_RR 136, rorw, 0x0000000012345678, 0x0000000012345678, 0x0000000000000000
    ZB_RR 137, rorw, 0xffffffff81234567, 0x0000000012345678, 0x0000000000000004   /* result sign-extended */
    ZB_RR 138, rorw, 0x0000000000000002, 0xffffffff00000001, 0x000000000000001f   /* upper half ignored */
    ZB_RR 139, rorw, 0xffffffff80000001, 0x0000000080000001, 0x0000000000000020   /* by 32: modulo 32 */
    ZB_RR 140, rorw, 0xffffffffc0000000, 0x0000000080000001, 0x0000000000000021
    ZB_RI 141, roriw, 0x0000000012345678, 0xabcdef0012345678, 0
    ZB_RI 142, roriw, 0x00000000091a2b3c, 0xabcdef0012345678, 1
    ZB_RI 143, roriw, 0x0000000056781234, 0xabcdef0012345678, 16
    ZB_RI 144, roriw, 0x000000002468acf0, 0xabcdef0012345678, 31
    GROUP_OK "rolw/rorw/roriw"

    ZB_R 151, orc.b, 0x0000000000000000, 0x0000000000000000
    ZB_R 152, orc.b, 0x00000000000000ff, 0x0000000000000001
    ZB_R 153, orc.b, 0xffffffffffffffff, 0xffffffffffffffff
    ZB_R 154, orc.b, 0xff000000000000ff, 0x0100000000000080
    ZB_R 155, orc.b, 0xffffffffffffffff, 0x123456789abcdef0
    ZB_R 156, orc.b, 0x00ff000000ff0000, 0x00ff0000000f0000
    ZB_R 157, rev8, 0x0000000000000000, 0x0000000000000000
    ZB_R 158, rev8, 0xf0debc9a78563412, 0x123456789abcdef0
    ZB_R 159, rev8, 0x1032547698badcfe, 0xfedcba9876543210
    ZB_R 160, rev8, 0xff00000000000000, 0x00000000000000ff
    GROUP_OK "orc.b/rev8"

    TEST_PASS
