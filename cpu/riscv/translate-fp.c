/*
 * cpu/riscv/translate-fp.c: the F and D extensions (not yet implemented:
 * every FP encoding is an illegal instruction until then).
 */
#include "config.h"

#include "cpu/riscv/translate.h"

bool riscv_trans_fp(DisasContext *ctx)
{
    (void)ctx;
    return false;
}
