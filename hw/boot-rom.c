/*
 * hw/boot-rom.c: the reset ROM and the device-tree skeleton that the spike
 * and virt boards share (include/lemu/boot-rom.h).  The reset code is
 * Spike's, encoded here from the instruction formats; the device tree is
 * built with libfdt from the machine's harts and RAM, and each board adds
 * its own devices under /soc.
 */
#include "config.h"
#include "lemu/boot-rom.h"

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/clint.h"
#include "lemu/cpu.h"

/* Register numbers used by the reset code. */
#define RV_T0 5
#define RV_A0 10
#define RV_A1 11
#define CSR_MHARTID 0xf14

static uint32_t rv_itype(uint32_t imm, unsigned rs1, unsigned funct3, unsigned rd,
                         unsigned opcode)
{
    return (imm << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
}

static void rv_store32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

bool riscv_boot_rom_build(uint8_t *buf, size_t size, unsigned xlen, uint64_t entry,
                          const void *fdt, size_t fdt_size, Error **errp)
{
    const uint32_t code[RISCV_BOOT_ROM_CODE_WORDS] = {
        (RV_T0 << 7) | 0x17,                                  /* auipc t0, 0 */
        rv_itype(32, RV_T0, 0, RV_A1, 0x13),                  /* addi a1, t0, 32 */
        rv_itype(CSR_MHARTID, 0, 2, RV_A0, 0x73),             /* csrrs a0, mhartid, x0 */
        rv_itype(RISCV_BOOT_ROM_ENTRY_OFFSET, RV_T0, xlen == 32 ? 2 : 3, RV_T0, 0x03),
                                                              /* lw/ld t0, 24(t0) */
        rv_itype(0, RV_T0, 0, 0, 0x67),                       /* jalr x0, 0(t0) */
    };
    if (size < RISCV_BOOT_ROM_FDT_OFFSET || (fdt && fdt_size > size - RISCV_BOOT_ROM_FDT_OFFSET)) {
        error_setg(errp, "the device tree (%zu bytes) does not fit in the %zu-byte boot ROM",
                   fdt_size, size);
        return false;
    }
    memset(buf, 0, size);
    for (int i = 0; i < RISCV_BOOT_ROM_CODE_WORDS; i++) {
        rv_store32(buf + 4 * i, code[i]);
    }
    rv_store32(buf + RISCV_BOOT_ROM_ENTRY_OFFSET, (uint32_t)entry);
    rv_store32(buf + RISCV_BOOT_ROM_ENTRY_OFFSET + 4, (uint32_t)(entry >> 32));
    if (fdt) {
        memcpy(buf + RISCV_BOOT_ROM_FDT_OFFSET, fdt, fdt_size);
    }
    return true;
}

bool riscv_boot_rom_create(MachineState *ms, const char *name, hwaddr base, uint64_t size,
                           unsigned xlen, Error **errp)
{
    MemoryRegion *rom = calloc(1, sizeof(*rom));
    uint8_t *buf = malloc(size);
    if (!rom || !buf) {
        error_setg(errp, "out of memory creating the boot ROM");
        free(rom);
        free(buf);
        return false;
    }
    if (!riscv_boot_rom_build(buf, size, xlen, ms->entry, ms->fdt, (size_t)ms->fdt_size,
                              errp) ||
        !memory_region_init_rom(rom, NULL, name, size, errp)) {
        free(buf);
        free(rom);
        return false;
    }
    memory_region_add_subregion(ms->system_memory, base, rom);
    MemTxResult r = address_space_write_rom(&ms->address_space_memory, base,
                                            MEMTXATTRS_UNSPECIFIED, buf, size);
    free(buf);
    if (r != MEMTX_OK) {
        error_setg(errp, "cannot write the boot ROM at 0x%llx", (unsigned long long)base);
        return false;
    }
    return true;
}

int riscv_fdt_setprop_reg(void *fdt, int node, uint64_t addr, uint64_t size)
{
    fdt64_t reg[2] = { cpu_to_fdt64(addr), cpu_to_fdt64(size) };
    return fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
}

int riscv_fdt_soc(void *fdt)
{
    return fdt_path_offset(fdt, "/soc");
}

/* Collects the first libfdt error of a sequence of calls. */
typedef struct FdtBuilder {
    void *fdt;
    int err;
} FdtBuilder;

static int fdt_check(FdtBuilder *b, int ret)
{
    if (ret < 0 && !b->err) {
        b->err = ret;
    }
    return ret;
}

static int fdt_node(FdtBuilder *b, int parent, const char *name)
{
    if (b->err) {
        return -1;
    }
    return fdt_check(b, fdt_add_subnode(b->fdt, parent, name));
}

static void fdt_cell(FdtBuilder *b, int node, const char *prop, uint32_t v)
{
    if (!b->err) {
        fdt_check(b, fdt_setprop_cell(b->fdt, node, prop, v));
    }
}

static void fdt_str(FdtBuilder *b, int node, const char *prop, const char *v)
{
    if (!b->err) {
        fdt_check(b, fdt_setprop_string(b->fdt, node, prop, v));
    }
}

static void fdt_empty(FdtBuilder *b, int node, const char *prop)
{
    if (!b->err) {
        fdt_check(b, fdt_setprop_empty(b->fdt, node, prop));
    }
}

static void fdt_reg(FdtBuilder *b, int node, uint64_t addr, uint64_t size)
{
    if (!b->err) {
        fdt_check(b, riscv_fdt_setprop_reg(b->fdt, node, addr, size));
    }
}

static void fdt_add_cpu(FdtBuilder *b, int cpus, MachineState *ms, unsigned i,
                        const char *mmu_type, uint32_t phandle)
{
    char name[32];
    unsigned hartid = riscv_cpu_hartid(ms->cpus[i]);
    snprintf(name, sizeof(name), "cpu@%u", hartid);
    int cpu = fdt_node(b, cpus, name);
    fdt_str(b, cpu, "device_type", "cpu");
    fdt_cell(b, cpu, "reg", hartid);
    fdt_str(b, cpu, "status", "okay");
    fdt_str(b, cpu, "compatible", "riscv");
    fdt_str(b, cpu, "riscv,isa", riscv_cpu_isa_string(ms->cpus[i]));
    if (mmu_type) {
        fdt_str(b, cpu, "mmu-type", mmu_type);
    }
    int intc = fdt_node(b, cpu, "interrupt-controller");
    fdt_cell(b, intc, "#address-cells", 0);
    fdt_cell(b, intc, "#interrupt-cells", 1);
    fdt_empty(b, intc, "interrupt-controller");
    fdt_str(b, intc, "compatible", "riscv,cpu-intc");
    fdt_cell(b, intc, "phandle", phandle);
}

void *riscv_fdt_create(MachineState *ms, const char *model, const char *compatible,
                       const char *mmu_type, uint32_t *intc_phandles, Error **errp)
{
    FdtBuilder b = { .fdt = malloc(RISCV_FDT_MAX_SIZE) };
    if (!b.fdt) {
        error_setg(errp, "out of memory creating the device tree");
        return NULL;
    }
    fdt_check(&b, fdt_create_empty_tree(b.fdt, RISCV_FDT_MAX_SIZE));
    fdt_cell(&b, 0, "#address-cells", 2);
    fdt_cell(&b, 0, "#size-cells", 2);
    fdt_str(&b, 0, "compatible", compatible);
    fdt_str(&b, 0, "model", model);

    /* fdt_add_subnode puts a node first among its siblings: add in reverse. */
    int soc = fdt_node(&b, 0, "soc");
    fdt_cell(&b, soc, "#address-cells", 2);
    fdt_cell(&b, soc, "#size-cells", 2);
    fdt_str(&b, soc, "compatible", "simple-bus");
    fdt_empty(&b, soc, "ranges");

    char name[48];
    snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)ms->ram_base);
    int mem = fdt_node(&b, 0, name);
    fdt_str(&b, mem, "device_type", "memory");
    fdt_reg(&b, mem, ms->ram_base, ms->ram_size);

    int cpus = fdt_node(&b, 0, "cpus");
    fdt_cell(&b, cpus, "#address-cells", 1);
    fdt_cell(&b, cpus, "#size-cells", 0);
    fdt_cell(&b, cpus, "timebase-frequency", CLINT_TIMEBASE_FREQ);
    for (unsigned i = ms->ncpus; i-- > 0;) {
        intc_phandles[i] = i + 1;
        fdt_add_cpu(&b, cpus, ms, i, mmu_type, intc_phandles[i]);
    }

    fdt_node(&b, 0, "chosen");

    if (b.err) {
        error_setg(errp, "cannot build the device tree: %s", fdt_strerror(b.err));
        free(b.fdt);
        return NULL;
    }
    return b.fdt;
}

bool riscv_fdt_add_clint(void *fdt, hwaddr base, uint64_t size, unsigned nharts,
                         const uint32_t *intc_phandles, Error **errp)
{
    FdtBuilder b = { .fdt = fdt };
    char name[48];
    snprintf(name, sizeof(name), "clint@%llx", (unsigned long long)base);
    int clint = fdt_node(&b, fdt_check(&b, riscv_fdt_soc(fdt)), name);
    static const char compat[] = "sifive,clint0\0riscv,clint0";
    if (!b.err) {
        fdt_check(&b, fdt_setprop(fdt, clint, "compatible", compat, sizeof(compat)));
    }
    fdt_reg(&b, clint, base, size);
    uint32_t *cells = calloc(nharts ? 4 * (size_t)nharts : 1, sizeof(*cells));
    if (!cells) {
        error_setg(errp, "out of memory creating the device tree");
        return false;
    }
    for (unsigned i = 0; i < nharts; i++) {
        cells[4 * i + 0] = cpu_to_fdt32(intc_phandles[i]);
        cells[4 * i + 1] = cpu_to_fdt32(RISCV_IRQ_M_SOFT);
        cells[4 * i + 2] = cpu_to_fdt32(intc_phandles[i]);
        cells[4 * i + 3] = cpu_to_fdt32(RISCV_IRQ_M_TIMER);
    }
    if (!b.err) {
        fdt_check(&b, fdt_setprop(fdt, clint, "interrupts-extended", cells,
                                  4 * nharts * sizeof(*cells)));
    }
    free(cells);
    if (b.err) {
        error_setg(errp, "cannot build the device tree: %s", fdt_strerror(b.err));
        return false;
    }
    return true;
}

bool riscv_fdt_finish(MachineState *ms, void *fdt, Error **errp)
{
    int err = fdt_pack(fdt);
    if (err < 0) {
        error_setg(errp, "cannot build the device tree: %s", fdt_strerror(err));
        free(fdt);
        return false;
    }
    free(ms->fdt);
    ms->fdt = fdt;
    ms->fdt_size = (int)fdt_totalsize(fdt);
    return true;
}

bool riscv_board_init_ram(MachineState *ms, const char *name, hwaddr base, Error **errp)
{
    MemoryRegion *ram = calloc(1, sizeof(*ram));
    if (!ram) {
        error_setg(errp, "out of memory creating the RAM");
        return false;
    }
    if (!memory_region_init_ram(ram, NULL, name, ms->ram_size, errp)) {
        error_prepend(errp, "cannot allocate %llu bytes of RAM",
                      (unsigned long long)ms->ram_size);
        free(ram);
        return false;
    }
    memory_region_add_subregion(ms->system_memory, base, ram);
    ms->ram = ram;
    ms->ram_base = base;
    return true;
}

bool riscv_board_init_harts(MachineState *ms, unsigned xlen, bool has_mmu, Error **errp)
{
    unsigned n = ms->smp ? ms->smp : 1;
    for (unsigned i = 0; i < n; i++) {
        RISCVCPUConfig cfg = {
            .hartid = i,
            .xlen = xlen,
            .isa = RISCV_BOARD_ISA,
            .resetvec = RISCV_BOOT_ROM_BASE,
            .as = &ms->address_space_memory,
            .has_mmu = has_mmu,
            .svade = ms->svade,
        };
        CPUState *cpu = riscv_cpu_create(&cfg, errp);
        if (!cpu) {
            return false;
        }
        ms->cpus[ms->ncpus++] = cpu;
    }
    return true;
}

static uint64_t board_clint_mtime(void *opaque)
{
    return clint_mtime(opaque);
}

ClintState *riscv_board_init_clint(MachineState *ms, hwaddr base)
{
    IRQ msip[MACHINE_MAX_CPUS] = { 0 };
    IRQ mtip[MACHINE_MAX_CPUS] = { 0 };
    for (unsigned i = 0; i < ms->ncpus; i++) {
        msip[i] = riscv_cpu_irq(ms->cpus[i], RISCV_IRQ_M_SOFT);
        mtip[i] = riscv_cpu_irq(ms->cpus[i], RISCV_IRQ_M_TIMER);
    }
    ClintState *clint = clint_create(ms->ncpus ? ms->ncpus : 1, msip, mtip,
                                     CLINT_TIMEBASE_FREQ);
    memory_region_add_subregion(ms->system_memory, base, clint_mmio(clint));
    /* The time CSR reads the CLINT's mtime (the board wires it, not the device). */
    for (unsigned i = 0; i < ms->ncpus; i++) {
        riscv_cpu_set_rdtime(ms->cpus[i], board_clint_mtime, clint);
    }
    return clint;
}
