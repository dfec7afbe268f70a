/*
 * cpu/riscv/translate-bitmanip.c: Zba, Zbb, Zbc and Zbs (not yet
 * implemented: their encodings are illegal instructions until then).
 */
#include "config.h"

#include "cpu/riscv/translate.h"

bool riscv_trans_bitmanip(DisasContext *ctx)
{
    (void)ctx;
    return false;
}
