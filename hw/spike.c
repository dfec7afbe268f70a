/*
 * hw/spike.c: the `spike` board, the machine of Spike (riscv-isa-sim) and
 * of qemu-system-riscv64 -M spike: RAM at 0x80000000, the reset ROM at
 * 0x1000, a CLINT at 0x2000000 and the HTIF at the -kernel ELF's `tohost`
 * and `fromhost` symbols.  There is no firmware: the ELF runs in M-mode
 * straight from the reset ROM.
 */
#include "config.h"

#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/boot-rom.h"
#include "lemu/clint.h"
#include "lemu/htif.h"
#include "lemu/loader.h"
#include "lemu/machine.h"

#define SPIKE_MROM_BASE 0x1000
#define SPIKE_MROM_SIZE 0xf000
#define SPIKE_CLINT_BASE 0x2000000
#define SPIKE_DRAM_BASE 0x80000000

/* Map the HTIF at the ELF's symbols; false if the ELF has no tohost. */
static bool spike_init_htif(MachineState *ms, const LoaderElf *elf)
{
    const LoaderSymbol *tohost = loader_elf_find_symbol(elf, "tohost");
    const LoaderSymbol *fromhost = loader_elf_find_symbol(elf, "fromhost");
    if (!tohost) {
        warn_report("'%s' has no 'tohost' symbol: no HTIF, the program can neither "
                    "print nor exit", ms->kernel_filename);
        return false;
    }
    HTIFConfig cfg = {
        .as = &ms->address_space_memory,
        .tohost_addr = tohost->value,
        .has_fromhost = fromhost != NULL,
        .fromhost_addr = fromhost ? fromhost->value : 0,
        .console_in_fd = ms->console_in_fd,
        .console_out_fd = ms->console_out_fd,
    };
    htif_create(ms->system_memory, &cfg);
    return true;
}

static bool spike_init_fdt(MachineState *ms, bool has_htif, Error **errp)
{
    uint32_t intc[MACHINE_MAX_CPUS];
    void *fdt = riscv_fdt_create(ms, "ucbbar,spike-bare", "ucbbar,spike-bare-dev",
                                 "riscv,sv48", intc, errp);
    if (!fdt || !riscv_fdt_add_clint(fdt, SPIKE_CLINT_BASE, CLINT_SIZE, ms->ncpus, intc, errp)) {
        free(fdt);
        return false;
    }
    if (has_htif) {
        int htif = fdt_add_subnode(fdt, 0, "htif");
        int err = htif < 0 ? htif : fdt_setprop_string(fdt, htif, "compatible", "ucb,htif0");
        if (err < 0) {
            error_setg(errp, "cannot build the device tree: %s", fdt_strerror(err));
            free(fdt);
            return false;
        }
    }
    return riscv_fdt_finish(ms, fdt, errp);
}

static bool spike_init(MachineState *ms, Error **errp)
{
    const char *bios = ms->bios_filename;
    if (bios && strcmp(bios, "none") != 0 && strcmp(bios, "default") != 0) {
        error_setg(errp, "-bios %s: the spike board runs no firmware, only -bios none", bios);
        return false;
    }
    if (!riscv_board_init_ram(ms, "riscv.spike.ram", SPIKE_DRAM_BASE, errp) ||
        !riscv_board_init_harts(ms, 64, true, errp)) {
        return false;
    }
    riscv_board_init_clint(ms, SPIKE_CLINT_BASE);

    bool has_htif = false;
    ms->entry = SPIKE_DRAM_BASE;
    if (ms->kernel_filename) {
        LoaderElf *elf = loader_load_elf(ms->kernel_filename, &ms->address_space_memory, 64,
                                         errp);
        if (!elf) {
            return false;
        }
        ms->kernel_elf = elf;
        ms->entry = loader_elf_entry(elf);
        has_htif = spike_init_htif(ms, elf);
    }

    return spike_init_fdt(ms, has_htif, errp) &&
           riscv_boot_rom_create(ms, "riscv.spike.mrom", SPIKE_MROM_BASE, SPIKE_MROM_SIZE, 64,
                                 errp);
}

const MachineClass machine_spike_class = {
    .name = "spike",
    .desc = "RISC-V Spike board (default)",
    .default_ram_size = 128 * 1024 * 1024,
    .min_ram_size = 1024 * 1024,
    .max_ram_size = (uint64_t)1 << 40,
    .max_cpus = 1,
    .init = spike_init,
};
