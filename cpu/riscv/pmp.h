/*
 * cpu/riscv/pmp.h: physical memory protection (cpu/riscv/pmp.c).
 */
#ifndef RISCV_PMP_H
#define RISCV_PMP_H

#include "cpu/riscv/cpu.h"

#define RISCV_PMP_ENTRIES 16

/*
 * May a `priv`-mode access of `type` to [addr, addr + size) proceed?
 * *whole_page: the same answer holds for every access of this type to the
 * page of addr (no PMP entry boundary falls inside it).
 */
bool riscv_pmp_check(const CPURISCVState *env, uint64_t addr, unsigned size,
                     MMUAccessType type, unsigned priv, bool *whole_page);

#endif
