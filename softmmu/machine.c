/*
 * softmmu/machine.c: the board registry, machine creation (the root memory
 * container and address space, then the board's own init), the device tree
 * dump, and the shutdown request that devices use to end the run (see
 * include/lemu/machine.h).
 */
#include "config.h"
#include "lemu/machine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/timer.h"

#define MACHINE_MAX_CLASSES 16

MachineState *current_machine;

static const MachineClass *machine_classes[MACHINE_MAX_CLASSES];
static unsigned machine_nclasses;

static struct {
    bool requested;
    int status;
} machine_shutdown;

void machine_class_register(const MachineClass *mc)
{
    if (machine_class_find(mc->name) == mc) {
        return;
    }
    if (machine_class_find(mc->name) || machine_nclasses == MACHINE_MAX_CLASSES) {
        fprintf(stderr, "lemu: cannot register board '%s'\n", mc->name);
        abort();
    }
    machine_classes[machine_nclasses++] = mc;
}

const MachineClass *machine_class_find(const char *name)
{
    for (unsigned i = 0; i < machine_nclasses; i++) {
        if (strcmp(machine_classes[i]->name, name) == 0) {
            return machine_classes[i];
        }
    }
    return NULL;
}

const MachineClass *machine_class_default(void)
{
    return machine_class_find("spike");
}

void machine_class_print_list(FILE *out)
{
    fprintf(out, "Supported machines are:\n");
    for (unsigned i = 0; i < machine_nclasses; i++) {
        fprintf(out, "%-20s %s\n", machine_classes[i]->name, machine_classes[i]->desc);
    }
}

MachineState *machine_new(const MachineClass *mc)
{
    MachineState *ms = calloc(1, sizeof(*ms));
    if (!ms) {
        fprintf(stderr, "lemu: out of memory\n");
        exit(LEMU_EXIT_USAGE);
    }
    ms->mc = mc;
    ms->smp = 1;
    ms->console_in_fd = 0;
    ms->console_out_fd = 1;
    return ms;
}

/* Sizes in messages: "128M", "1G", "4096K" or bytes. */
static void machine_format_size(char *buf, size_t len, uint64_t size)
{
    static const char units[] = "KMGT";
    unsigned u = 0;
    if (size == 0 || size % 1024) {
        snprintf(buf, len, "%llu bytes", (unsigned long long)size);
        return;
    }
    size /= 1024;
    while (u + 1 < sizeof(units) - 1 && size % 1024 == 0) {
        size /= 1024;
        u++;
    }
    snprintf(buf, len, "%llu%c", (unsigned long long)size, units[u]);
}

bool machine_init(MachineState *ms, Error **errp)
{
    const MachineClass *mc = ms->mc;
    char have[32];
    char limit[32];

    /* From here on the machine lives as long as the program, built or not. */
    current_machine = ms;

    if (ms->ram_size == 0) {
        ms->ram_size = mc->default_ram_size;
    }
    if (ms->ram_size < mc->min_ram_size) {
        machine_format_size(have, sizeof(have), ms->ram_size);
        machine_format_size(limit, sizeof(limit), mc->min_ram_size);
        error_setg(errp, "-m %s: too little RAM, the %s board needs at least %s", have,
                   mc->name, limit);
        return false;
    }
    if (mc->max_ram_size && ms->ram_size > mc->max_ram_size) {
        machine_format_size(have, sizeof(have), ms->ram_size);
        machine_format_size(limit, sizeof(limit), mc->max_ram_size);
        error_setg(errp, "-m %s: too much RAM, the %s board takes at most %s", have,
                   mc->name, limit);
        return false;
    }
    if (ms->smp == 0) {
        ms->smp = 1;
    }
    unsigned max_cpus = mc->max_cpus ? mc->max_cpus : 1;
    if (max_cpus > MACHINE_MAX_CPUS) {
        max_cpus = MACHINE_MAX_CPUS;
    }
    if (ms->smp > max_cpus) {
        error_setg(errp, "-smp %u: the %s board supports at most %u hart%s", ms->smp,
                   mc->name, max_cpus, max_cpus == 1 ? "" : "s");
        return false;
    }

    clock_start();
    machine_shutdown_clear();
    ms->system_memory = calloc(1, sizeof(*ms->system_memory));
    if (!ms->system_memory) {
        error_setg(errp, "out of memory");
        return false;
    }
    memory_region_init(ms->system_memory, NULL, "system", UINT64_MAX);
    address_space_init(&ms->address_space_memory, ms->system_memory, "memory");

    /*
     * No transaction around the board's init: the loader writes through the
     * address space, which must already show the RAM it has just mapped.
     */
    return mc->init(ms, errp);
}

bool machine_dump_dtb(MachineState *ms, const char *path, Error **errp)
{
    if (!ms->fdt) {
        error_setg(errp, "the %s board has no device tree", ms->mc->name);
        return false;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        error_setg_errno(errp, errno, "cannot create '%s'", path);
        return false;
    }
    size_t n = fwrite(ms->fdt, 1, (size_t)ms->fdt_size, f);
    int write_errno = errno;
    if (fclose(f) != 0) {
        write_errno = errno;
        n = 0;
    }
    if (n != (size_t)ms->fdt_size) {
        error_setg_errno(errp, write_errno, "cannot write '%s'", path);
        return false;
    }
    return true;
}

void machine_request_shutdown(int status)
{
    if (machine_shutdown.requested) {
        return;
    }
    machine_shutdown.requested = true;
    machine_shutdown.status = status;
    if (current_machine) {
        for (unsigned i = 0; i < current_machine->ncpus; i++) {
            cpu_exit(current_machine->cpus[i]);
        }
    }
}

bool machine_shutdown_requested(int *status)
{
    if (machine_shutdown.requested && status) {
        *status = machine_shutdown.status;
    }
    return machine_shutdown.requested;
}

void machine_shutdown_clear(void)
{
    machine_shutdown.requested = false;
    machine_shutdown.status = 0;
}

int machine_max_insns_reached(MachineState *ms)
{
    fprintf(stderr, "lemu: stopped after %llu instructions (--max-insns)\n",
            (unsigned long long)ms->max_insns);
    return LEMU_EXIT_MAX_INSNS;
}
