/*
 * hw/sifive-test.c: the SiFive test finisher of include/lemu/sifive-test.h:
 * a write-only command word at offset 0 that ends (or resets) the machine
 * through machine_request_shutdown(), never by exiting the process, so
 * that the main loop flushes logs and closes files on the way out.
 */
#include "config.h"
#include "lemu/sifive-test.h"

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>

#include "lemu/log.h"
#include "lemu/machine.h"

struct SiFiveTestState {
    MemoryRegion mmio;
    hwaddr base;
    SiFiveTestResetHandler *reset;
    void *reset_opaque;
};

static uint64_t sifive_test_read(void *opaque, hwaddr addr, unsigned size)
{
    (void)opaque;
    (void)addr;
    (void)size;
    return 0;
}

static void sifive_test_write(void *opaque, hwaddr addr, uint64_t value, unsigned size)
{
    SiFiveTestState *s = opaque;
    (void)size;
    if (addr == 0) {
        unsigned command = (unsigned)(value & 0xffff);
        int code = (int)((value >> 16) & 0xffff);
        switch (command) {
        case SIFIVE_TEST_PASS:
            machine_request_shutdown(0);
            return;
        case SIFIVE_TEST_FAIL:
            machine_request_shutdown(code);
            return;
        case SIFIVE_TEST_RESET:
            if (s->reset) {
                s->reset(s->reset_opaque);
            } else {
                fprintf(stderr, "lemu: the guest asked for a reset, which lemu cannot do yet: "
                        "stopping (exit status %d)\n", SIFIVE_TEST_RESET_STATUS);
                machine_request_shutdown(SIFIVE_TEST_RESET_STATUS);
            }
            return;
        default:
            break;
        }
    }
    lemu_log_mask(LOG_GUEST_ERROR, "sifive_test: write of 0x%llx at offset 0x%llx ignored\n",
                  (unsigned long long)value, (unsigned long long)addr);
}

static const MemoryRegionOps sifive_test_ops = {
    .read = sifive_test_read,
    .write = sifive_test_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 2, .max_access_size = 4 },
    .impl = { .min_access_size = 2, .max_access_size = 4 },
};

SiFiveTestState *sifive_test_create(MemoryRegion *sysmem, hwaddr base)
{
    SiFiveTestState *s = calloc(1, sizeof(*s));
    if (!s) {
        fprintf(stderr, "lemu: out of memory creating the test finisher\n");
        abort();
    }
    s->base = base;
    memory_region_init_io(&s->mmio, NULL, &sifive_test_ops, s, "riscv.sifive.test",
                          SIFIVE_TEST_SIZE);
    if (sysmem) {
        memory_region_add_subregion(sysmem, base, &s->mmio);
    }
    return s;
}

MemoryRegion *sifive_test_mmio(SiFiveTestState *s)
{
    return &s->mmio;
}

void sifive_test_set_reset_handler(SiFiveTestState *s, SiFiveTestResetHandler *fn, void *opaque)
{
    s->reset = fn;
    s->reset_opaque = opaque;
}

/* A root-level syscon-poweroff/-reboot node that writes `value` to the finisher. */
static int sifive_test_fdt_syscon(void *fdt, const char *name, const char *compatible,
                                  uint32_t phandle, uint32_t value)
{
    int node = fdt_add_subnode(fdt, 0, name);
    int err = node < 0 ? node : 0;
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "value", value);
    }
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "offset", 0);
    }
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "regmap", phandle);
    }
    if (!err) {
        err = fdt_setprop_string(fdt, node, "compatible", compatible);
    }
    return err;
}

int sifive_test_fdt_populate(SiFiveTestState *s, void *fdt, int parent, uint32_t phandle,
                             Error **errp)
{
    char name[48];
    snprintf(name, sizeof(name), "test@%llx", (unsigned long long)s->base);
    static const char compat[] = "sifive,test1\0sifive,test0\0syscon";
    fdt64_t reg[2] = { cpu_to_fdt64(s->base), cpu_to_fdt64(SIFIVE_TEST_SIZE) };
    char path[256];

    int node = fdt_add_subnode(fdt, parent, name);
    int err = node < 0 ? node : 0;
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "phandle", phandle);
    }
    if (!err) {
        err = fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
    }
    if (!err) {
        err = fdt_setprop(fdt, node, "compatible", compat, sizeof(compat));
    }
    /* New root nodes move the offsets of later nodes: find ours again by path. */
    if (!err) {
        err = fdt_get_path(fdt, node, path, sizeof(path));
    }
    if (!err) {
        err = sifive_test_fdt_syscon(fdt, "reboot", "syscon-reboot", phandle, SIFIVE_TEST_RESET);
    }
    if (!err) {
        err = sifive_test_fdt_syscon(fdt, "poweroff", "syscon-poweroff", phandle,
                                     SIFIVE_TEST_PASS);
    }
    if (!err) {
        node = fdt_path_offset(fdt, path);
        err = node < 0 ? node : 0;
    }
    if (err) {
        error_setg(errp, "cannot add the test finisher to the device tree: %s",
                   fdt_strerror(err));
        return -1;
    }
    return node;
}
