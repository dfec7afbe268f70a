/*
 * hw/virt.c: the `virt` board with the memory map of qemu-system-riscv64's
 * virt machine: reset ROM at 0x1000, test finisher at 0x100000, RTC at
 * 0x101000, CLINT at 0x2000000, PLIC at 0xc000000, ns16550a UART at
 * 0x10000000, eight virtio-mmio slots from 0x10001000, RAM at 0x80000000.
 *
 * The RAM, the reset ROM, the CLINT, the PLIC (M and S contexts of every
 * hart), the ns16550a UART (PLIC source 10, the console) and the SiFive test
 * finisher (poweroff/reboot) are real; the RTC and the virtio-mmio slots are
 * stub I/O regions (reads return 0, writes are dropped, both logged as guest
 * errors) that hold their place in the map until their models come.
 * QEMU's two CFI flash banks at 0x20000000 are absent (U-Boot then takes
 * every address for flash in `cp`: copy with mw/md instead).
 *
 * -smp N gives 1 to MACHINE_MAX_CPUS harts with ids 0..N-1, all starting in
 * the reset ROM (a0 = hart id): each has its msip and mtimecmp in the CLINT,
 * an M and an S context in the PLIC, and a cpu node in the device tree; the
 * main loop runs them round-robin in one host thread.  OpenSBI parks the
 * harts it does not boot on and wakes them with CLINT IPIs (SBI HSM).
 *
 * Firmware (-bios FILE) is an ELF loaded at its own addresses or a raw image
 * at the start of RAM; -kernel is an ELF, or a raw image placed where
 * OpenSBI's fw_jump expects the next stage (0x80200000) when there is
 * firmware, at the start of RAM otherwise.  A guest reset request (the test
 * finisher's 0x7777: U-Boot's `reset`, SBI system reset) stops lemu with
 * status 0 and a line on stderr, like qemu -no-reboot: lemu cannot reset a
 * machine yet.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/boot-rom.h"
#include "lemu/clint.h"
#include "lemu/loader.h"
#include "lemu/log.h"
#include "lemu/machine.h"
#include "lemu/chardev.h"
#include "lemu/ns16550a.h"
#include "lemu/plic.h"
#include "lemu/sifive-test.h"

#define VIRT_MROM_BASE 0x1000
#define VIRT_MROM_SIZE 0xf000
#define VIRT_CLINT_BASE 0x2000000
#define VIRT_DRAM_BASE 0x80000000
/* Where OpenSBI's fw_jump jumps for RV64: 2 MiB into RAM. */
#define VIRT_KERNEL_BASE (VIRT_DRAM_BASE + 0x200000)
#define VIRT_VIRTIO_COUNT 8

typedef struct VirtStub {
    const char *name;
    hwaddr base;
    uint64_t size;
} VirtStub;

static const VirtStub virt_stubs[] = {
    { "goldfish_rtc", 0x101000, 0x24 },
};

typedef struct VirtStubDevice {
    MemoryRegion mr;
    const char *name;
} VirtStubDevice;

static uint64_t virt_stub_read(void *opaque, hwaddr addr, unsigned size)
{
    VirtStubDevice *d = opaque;
    lemu_log_mask(LOG_GUEST_ERROR, "%s: read of %u bytes at offset 0x%llx: "
                  "device not implemented yet, reads 0\n", d->name, size,
                  (unsigned long long)addr);
    return 0;
}

static void virt_stub_write(void *opaque, hwaddr addr, uint64_t value, unsigned size)
{
    VirtStubDevice *d = opaque;
    lemu_log_mask(LOG_GUEST_ERROR, "%s: write of %u bytes (0x%llx) at offset 0x%llx: "
                  "device not implemented yet, ignored\n", d->name, size,
                  (unsigned long long)value, (unsigned long long)addr);
}

static const MemoryRegionOps virt_stub_ops = {
    .read = virt_stub_read,
    .write = virt_stub_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static bool virt_add_stub(MachineState *ms, const char *name, hwaddr base, uint64_t size,
                          Error **errp)
{
    VirtStubDevice *d = calloc(1, sizeof(*d));
    if (!d) {
        error_setg(errp, "out of memory creating device %s", name);
        return false;
    }
    d->name = name;
    memory_region_init_io(&d->mr, NULL, &virt_stub_ops, d, name, size);
    memory_region_add_subregion(ms->system_memory, base, &d->mr);
    return true;
}

/*
 * A raw image has no header to check, but two mistakes are easy to catch
 * before the harts run garbage in silence: an empty file, and a text file (a
 * script, a log, a device-tree source) given where a binary belongs.  RISC-V
 * code is never printable text for long: the major opcodes of loads, ALU
 * immediates, auipc, jal (0x03, 0x13, 0x17, 0x6f, ...) are control bytes.
 * Text here means lines: printable bytes and at least one line break in the
 * first VIRT_RAW_SNIFF_BYTES (a few printable bytes alone may be data a test
 * placed on purpose).  An unreadable file passes: the loader reports why.
 */
#define VIRT_RAW_SNIFF_BYTES 512

static bool virt_byte_is_text(unsigned char c)
{
    return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool virt_check_raw_image(const char *filename, Error **errp)
{
    unsigned char buf[VIRT_RAW_SNIFF_BYTES];
    FILE *f = fopen(filename, "rb");
    if (!f) {
        return true;
    }
    size_t n = fread(buf, 1, sizeof(buf), f);
    bool read_error = ferror(f);
    fclose(f);
    if (read_error) {
        return true;
    }
    if (n == 0) {
        error_setg(errp, "'%s': empty file, not a firmware or kernel image", filename);
        return false;
    }
    bool has_line_break = false;
    for (size_t i = 0; i < n; i++) {
        if (!virt_byte_is_text(buf[i])) {
            return true;
        }
        has_line_break |= buf[i] == '\n';
    }
    if (!has_line_break) {
        return true;
    }
    error_setg(errp, "'%s': a text file, not a RISC-V image (give an ELF file or a raw binary)",
               filename);
    return false;
}

/* Load an ELF at its addresses, or a raw image at raw_addr; sets *entry. */
static bool virt_load(MachineState *ms, const char *filename, hwaddr raw_addr,
                      uint64_t *entry, Error **errp)
{
    if (loader_is_elf(filename)) {
        LoaderElf *elf = loader_load_elf(filename, &ms->address_space_memory, 64, errp);
        if (!elf) {
            return false;
        }
        *entry = loader_elf_entry(elf);
        if (!ms->kernel_elf) {
            ms->kernel_elf = elf;
        } else {
            loader_elf_free(elf);
        }
        return true;
    }
    uint64_t room = ms->ram_base + ms->ram_size - raw_addr;
    if (raw_addr < ms->ram_base || raw_addr >= ms->ram_base + ms->ram_size) {
        error_setg(errp, "'%s': no RAM at 0x%llx for a raw image", filename,
                   (unsigned long long)raw_addr);
        return false;
    }
    if (!virt_check_raw_image(filename, errp) ||
        loader_load_raw(filename, &ms->address_space_memory, raw_addr, room, errp) < 0) {
        return false;
    }
    *entry = raw_addr;
    return true;
}

/* The devices the device tree describes besides the harts and the CLINT. */
typedef struct VirtDevices {
    PLICState *plic;
    NS16550AState *uart;
    SiFiveTestState *test;
} VirtDevices;

static bool virt_init_devices(MachineState *ms, VirtDevices *dev, Error **errp)
{
    IRQ meip[MACHINE_MAX_CPUS] = { 0 };
    IRQ seip[MACHINE_MAX_CPUS] = { 0 };
    for (unsigned i = 0; i < ms->ncpus; i++) {
        meip[i] = riscv_cpu_irq(ms->cpus[i], RISCV_IRQ_M_EXT);
        seip[i] = riscv_cpu_irq(ms->cpus[i], RISCV_IRQ_S_EXT);
    }
    PLICConfig plic_cfg = {
        .num_harts = ms->ncpus,
        .meip = meip,
        .seip = seip,
        .num_sources = PLIC_VIRT_NUM_SOURCES,
        .max_priority = PLIC_VIRT_MAX_PRIORITY,
        .aperture = PLIC_VIRT_SIZE,
    };
    dev->plic = plic_create(ms->system_memory, PLIC_VIRT_BASE, &plic_cfg);

    /* The console: -serial's descriptors, with qemu's stdio behaviour on a terminal. */
    Chardev *chr = chardev_new_fd(ms->console_in_fd, ms->console_out_fd,
                                  ms->console_in_fd == 0, errp);
    if (!chr) {
        return false;
    }
    dev->uart = ns16550a_create(ms->system_memory, NS16550A_VIRT_BASE,
                                plic_source_irq(dev->plic, PLIC_VIRT_UART0_IRQ), chr);
    dev->test = sifive_test_create(ms->system_memory, SIFIVE_TEST_VIRT_BASE);
    return true;
}

static bool virt_fdt_add_devices(MachineState *ms, void *fdt, const VirtDevices *dev,
                                 const uint32_t *intc, Error **errp)
{
    /* Phandles after the harts' interrupt controllers (1..ncpus). */
    uint32_t plic_phandle = ms->ncpus + 1;
    uint32_t test_phandle = ms->ncpus + 2;
    /* Adding nodes moves the others: look /soc up again before each. */
    return riscv_fdt_soc(fdt) >= 0 &&
           plic_fdt_populate(dev->plic, fdt, riscv_fdt_soc(fdt), intc, plic_phandle,
                             errp) >= 0 &&
           ns16550a_fdt_populate(dev->uart, fdt, riscv_fdt_soc(fdt), plic_phandle,
                                 PLIC_VIRT_UART0_IRQ, true, errp) >= 0 &&
           sifive_test_fdt_populate(dev->test, fdt, riscv_fdt_soc(fdt), test_phandle,
                                    errp) >= 0;
}

static bool virt_init(MachineState *ms, Error **errp)
{
    VirtDevices dev;
    if (!riscv_board_init_ram(ms, "riscv_virt_board.ram", VIRT_DRAM_BASE, errp) ||
        !riscv_board_init_harts(ms, 64, true, errp)) {
        return false;
    }
    riscv_board_init_clint(ms, VIRT_CLINT_BASE);
    if (!virt_init_devices(ms, &dev, errp)) {
        return false;
    }
    for (size_t i = 0; i < sizeof(virt_stubs) / sizeof(virt_stubs[0]); i++) {
        if (!virt_add_stub(ms, virt_stubs[i].name, virt_stubs[i].base, virt_stubs[i].size,
                           errp)) {
            return false;
        }
    }
    for (unsigned i = 0; i < VIRT_VIRTIO_COUNT; i++) {
        if (!virt_add_stub(ms, "virtio-mmio", 0x10001000 + 0x1000 * (hwaddr)i, 0x200, errp)) {
            return false;
        }
    }

    const char *bios = ms->bios_filename;
    bool has_bios = bios && strcmp(bios, "none") != 0 && strcmp(bios, "default") != 0;
    ms->entry = VIRT_DRAM_BASE;
    if (has_bios && !virt_load(ms, bios, VIRT_DRAM_BASE, &ms->entry, errp)) {
        return false;
    }
    if (ms->kernel_filename) {
        uint64_t kernel_entry;
        if (!virt_load(ms, ms->kernel_filename, has_bios ? VIRT_KERNEL_BASE : VIRT_DRAM_BASE,
                       &kernel_entry, errp)) {
            return false;
        }
        if (!has_bios) {
            ms->entry = kernel_entry;
        }
    }

    uint32_t intc[MACHINE_MAX_CPUS];
    void *fdt = riscv_fdt_create(ms, "riscv-virtio,qemu", "riscv-virtio", "riscv,sv48", intc,
                                 errp);
    if (!fdt || !riscv_fdt_add_clint(fdt, VIRT_CLINT_BASE, CLINT_SIZE, ms->ncpus, intc, errp) ||
        !virt_fdt_add_devices(ms, fdt, &dev, intc, errp)) {
        free(fdt);
        return false;
    }
    return riscv_fdt_finish(ms, fdt, errp) &&
           riscv_boot_rom_create(ms, "riscv_virt_board.mrom", VIRT_MROM_BASE, VIRT_MROM_SIZE,
                                 64, errp);
}

const MachineClass machine_virt_class = {
    .name = "virt",
    .desc = "RISC-V VirtIO board (QEMU's memory map: CLINT, PLIC, ns16550a UART, test "
            "finisher; up to 8 harts)",
    .default_ram_size = 128 * 1024 * 1024,
    .min_ram_size = 1024 * 1024,
    .max_ram_size = (uint64_t)1 << 40,
    .max_cpus = MACHINE_MAX_CPUS,
    .init = virt_init,
};
