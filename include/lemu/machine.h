/*
 * machine.h: the machine being emulated (softmmu/machine.c) and the boards
 * that build it (hw/spike.c, hw/virt.c).
 *
 * A MachineClass describes a board: its name for -M, a description for
 * -M help, its default RAM size and an init function that builds the
 * memory map, the devices and the harts and loads -bios / -kernel.  A
 * MachineState holds one machine: what the command line asked for, and what
 * init built from it.  The lemu program (softmmu/vl.c) fills the first part,
 * calls machine_init() and hands the machine to lemu_run().
 *
 * Devices stop the machine through machine_request_shutdown() (HTIF exit,
 * test finisher), never by exiting the process: the main loop returns the
 * status from lemu_run() so that logs are flushed and files closed.
 */
#ifndef LEMU_MACHINE_H
#define LEMU_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lemu/cpu.h"
#include "lemu/error.h"
#include "lemu/loader.h"
#include "lemu/memory.h"

#define MACHINE_MAX_CPUS 8

/* Exit status of lemu when --max-insns stopped the guest (as timeout(1)). */
#define LEMU_EXIT_MAX_INSNS 124
/* Exit status for bad options, unreadable or invalid files. */
#define LEMU_EXIT_USAGE 2

typedef struct MachineState MachineState;
typedef struct MachineClass MachineClass;

struct MachineClass {
    const char *name;           /* -M name */
    const char *desc;           /* one line for -M help */
    uint64_t default_ram_size;
    uint64_t min_ram_size;
    uint64_t max_ram_size;
    unsigned max_cpus;
    /*
     * Build the board into ms (RAM, ROM, devices, harts, device tree) and
     * load ms->bios_filename / ms->kernel_filename.  Called once, by
     * machine_init(), with ms->system_memory and ms->address_space_memory
     * ready.  A bad file or option is an Error (one line naming the problem).
     */
    bool (*init)(MachineState *ms, Error **errp);
};

struct MachineState {
    const MachineClass *mc;

    /* ---- configuration: set by the command line before machine_init() */
    uint64_t ram_size;          /* 0: the board's default */
    char *kernel_filename;      /* -kernel, NULL if none */
    char *bios_filename;        /* -bios; NULL or "none": no firmware */
    char *dumpdtb;              /* -machine dumpdtb=FILE */
    bool nographic;
    unsigned smp;               /* number of harts (0: 1) */
    bool svade;                 /* -cpu rv64,svade=on: A/D bits fault instead of being set */
    uint64_t max_insns;         /* --max-insns: stop after that many, 0: never */
    int console_in_fd;          /* -serial stdio: 0; -1: no input */
    int console_out_fd;         /* -serial stdio: 1; file:PATH: that file; -1: none */

    /* ---- built by machine_init() and the board's init */
    unsigned ncpus;
    CPUState *cpus[MACHINE_MAX_CPUS];
    MemoryRegion *system_memory;        /* root container of 2^64 bytes */
    AddressSpace address_space_memory;  /* what the harts and devices see */
    MemoryRegion *ram;
    uint64_t ram_base;
    uint64_t entry;             /* where the reset ROM jumps */
    void *fdt;                  /* the device tree blob (malloc'ed) */
    int fdt_size;
    LoaderElf *kernel_elf;      /* the ELF behind -kernel (or -bios), symbols */
};

/* The machine given to machine_init() (built or being built), NULL before. */
extern MachineState *current_machine;

/*
 * Board registry.  The lemu program registers the built-in boards
 * (machine_register_builtin_boards, in softmmu/vl.c so that the registry
 * itself does not drag every board into a test); tests may register their
 * own.  Registering another board under a taken name is a programming error.
 */
void machine_class_register(const MachineClass *mc);
void machine_register_builtin_boards(void);
/* NULL if no board has that name. */
const MachineClass *machine_class_find(const char *name);
/* The board used without -M (spike, as in qemu-system-riscv64). */
const MachineClass *machine_class_default(void);
/* "-M help": one line per board, name and description. */
void machine_class_print_list(FILE *out);

/* The built-in boards (hw/spike.c, hw/virt.c). */
extern const MachineClass machine_spike_class;
extern const MachineClass machine_virt_class;

/* A machine of class mc with default configuration (stdio console). */
MachineState *machine_new(const MachineClass *mc);
/*
 * Build the machine: checks the configuration (RAM size, harts), starts the
 * clocks, creates the 2^64-byte "system" container and the "memory"
 * address space, runs the board's init, and makes ms the current_machine.
 * false + errp on bad configuration or files.
 */
bool machine_init(MachineState *ms, Error **errp);
/* Write ms->fdt to `path` (-machine dumpdtb=FILE). */
bool machine_dump_dtb(MachineState *ms, const char *path, Error **errp);

/*
 * The guest asked to stop with `status` (HTIF exit, test finisher).  The
 * first request wins; every hart of current_machine is told to leave its
 * translated code (cpu_exit) and the main loop returns the status.
 */
void machine_request_shutdown(int status);
/* Has a shutdown been requested?  If so, and status != NULL, its status. */
bool machine_shutdown_requested(int *status);
/* Forget a shutdown request (machine reset, tests). */
void machine_shutdown_clear(void);

/*
 * For lemu_run() when the guest has executed ms->max_insns instructions:
 * prints "lemu: stopped after N instructions (--max-insns)" on stderr and
 * returns LEMU_EXIT_MAX_INSNS, the status lemu_run() should return.
 */
int machine_max_insns_reached(MachineState *ms);

/*
 * Run the machine until the guest shuts it down (or --max-insns is reached)
 * and return lemu's exit status: the guest's exit code as given to
 * machine_request_shutdown(), or LEMU_EXIT_MAX_INSNS.  softmmu/cpu-exec.c.
 */
int lemu_run(MachineState *ms);

/* The lemu program: parse argv (softmmu/vl.c), build the machine, run it. */
int lemu_main(int argc, char **argv);

#endif
