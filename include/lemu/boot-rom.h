/*
 * boot-rom.h: what the spike and virt boards share (hw/boot-rom.c): the
 * reset ROM at 0x1000 and the device tree it hands to the guest.
 *
 * The ROM holds the same code as Spike's reset vector, so that a commit log
 * lines up with Spike's from the first instruction:
 *   0x1000  auipc t0, 0          t0 = 0x1000
 *   0x1004  addi  a1, t0, 32     a1 = the device tree (0x1020)
 *   0x1008  csrr  a0, mhartid    a0 = hart id
 *   0x100c  ld    t0, 24(t0)     (lw on RV32) t0 = the entry address
 *   0x1010  jr    t0
 *   0x1018  the 64-bit entry address
 *   0x1020  the device tree blob
 */
#ifndef LEMU_BOOT_ROM_H
#define LEMU_BOOT_ROM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lemu/clint.h"
#include "lemu/error.h"
#include "lemu/machine.h"
#include "lemu/memory.h"

#define RISCV_BOOT_ROM_BASE 0x1000
#define RISCV_BOOT_ROM_SIZE 0xf000
#define RISCV_BOOT_ROM_ENTRY_OFFSET 0x18
#define RISCV_BOOT_ROM_FDT_OFFSET 0x20
#define RISCV_BOOT_ROM_CODE_WORDS 5

/* Room for a generated device tree before it is packed. */
#define RISCV_FDT_MAX_SIZE 0x10000

/*
 * Fill buf[0..size) with the reset code for harts of `xlen` bits (32/64),
 * the entry address and the device tree (fdt may be NULL).  false + errp if
 * the device tree does not fit.
 */
bool riscv_boot_rom_build(uint8_t *buf, size_t size, unsigned xlen, uint64_t entry,
                          const void *fdt, size_t fdt_size, Error **errp);

/*
 * Create the ROM region `name` of `size` bytes, map it at `base` in
 * ms->system_memory, and fill it (riscv_boot_rom_build) with ms->entry and
 * ms->fdt for ms's harts.
 */
bool riscv_boot_rom_create(MachineState *ms, const char *name, hwaddr base, uint64_t size,
                           unsigned xlen, Error **errp);

/*
 * Device tree helpers (libfdt).  riscv_fdt_create starts the tree of a
 * board: the root (model, compatible, two address and size cells), /chosen,
 * /cpus with one cpu@N per hart of ms (riscv,isa from the hart, mmu-type
 * when mmu_type is not NULL, and its interrupt controller, whose phandle
 * goes to intc_phandles[N]), /memory for ms->ram, and an empty /soc
 * simple-bus.  Returns a malloc'ed RISCV_FDT_MAX_SIZE buffer, or NULL + errp.
 */
void *riscv_fdt_create(MachineState *ms, const char *model, const char *compatible,
                       const char *mmu_type, uint32_t *intc_phandles, Error **errp);
/* Offset of /soc in the tree, or a negative libfdt error. */
int riscv_fdt_soc(void *fdt);
/* Add /soc/clint@base, wired to each hart's M-mode software and timer interrupts. */
bool riscv_fdt_add_clint(void *fdt, hwaddr base, uint64_t size, unsigned nharts,
                         const uint32_t *intc_phandles, Error **errp);
/* Pack the tree and hand it to ms (ms->fdt, ms->fdt_size take ownership). */
bool riscv_fdt_finish(MachineState *ms, void *fdt, Error **errp);
/* Set a "reg" property of <address size> with two cells each. */
int riscv_fdt_setprop_reg(void *fdt, int node, uint64_t addr, uint64_t size);

/*
 * Board building blocks.  riscv_board_init_ram: the RAM region `name` of
 * ms->ram_size bytes at `base` (ms->ram, ms->ram_base).  riscv_board_init_harts:
 * ms->smp harts of `xlen` bits, hart ids 0.., starting at the boot ROM, seeing
 * ms->address_space_memory.  riscv_board_init_clint: a CLINT at `base` wired to
 * every hart's M-mode software and timer interrupt lines.
 */
bool riscv_board_init_ram(MachineState *ms, const char *name, hwaddr base, Error **errp);
bool riscv_board_init_harts(MachineState *ms, unsigned xlen, bool has_mmu, Error **errp);
/* The ISA of both boards' harts: RV64GC with the bit-manipulation extensions and Sstc. */
#define RISCV_BOARD_ISA "rv64imafdc_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc"
ClintState *riscv_board_init_clint(MachineState *ms, hwaddr base);

#endif
