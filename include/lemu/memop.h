/*
 * memop.h: MemOp, the description of one memory access (size, sign,
 * endianness, alignment) shared by the memory API (memory/), the softmmu
 * slow paths and the tcg-lite qemu_ld/qemu_st ops.  The encoding is lemu's
 * own; the meaning of each field follows QEMU's exec/memop.h.
 */
#ifndef LEMU_MEMOP_H
#define LEMU_MEMOP_H

#include <stdint.h>

typedef enum MemOp {
    MO_8 = 0,
    MO_16 = 1,
    MO_32 = 2,
    MO_64 = 3,
    MO_SIZE = 3,          /* log2 of the access size in bytes */

    MO_SIGN = 4,          /* sign-extend a load */

    MO_BSWAP = 8,         /* byte order opposite to the host's */
    MO_LE = 0,            /* lemu only builds on little-endian hosts */
    MO_BE = MO_BSWAP,

    /*
     * Alignment: MO_ALIGN requires natural alignment of the whole access
     * (LR/SC, AMOs); without it an access may be misaligned and is carried
     * out piecewise.
     */
    MO_ALIGN = 16,

    MO_UB = MO_8,
    MO_UW = MO_16,
    MO_UL = MO_32,
    MO_UQ = MO_64,
    MO_SB = MO_SIGN | MO_8,
    MO_SW = MO_SIGN | MO_16,
    MO_SL = MO_SIGN | MO_32,

    MO_LEUW = MO_LE | MO_UW,
    MO_LEUL = MO_LE | MO_UL,
    MO_LEUQ = MO_LE | MO_UQ,
    MO_LESW = MO_LE | MO_SW,
    MO_LESL = MO_LE | MO_SL,
    MO_BEUW = MO_BE | MO_UW,
    MO_BEUL = MO_BE | MO_UL,
    MO_BEUQ = MO_BE | MO_UQ,
} MemOp;

static inline unsigned memop_size(MemOp op)
{
    return 1u << (op & MO_SIZE);
}

static inline MemOp size_memop(unsigned size)
{
    return (MemOp)(size == 8 ? MO_64 : size == 4 ? MO_32 : size == 2 ? MO_16 : MO_8);
}

#endif
