/*
 * test-boards.c: the reset ROM, the device tree and the spike and virt
 * boards (hw/boot-rom.c, hw/spike.c, hw/virt.c, softmmu/machine.c), built
 * through the machine registry as the lemu program builds them and
 * inspected through the memory API as the guest would see them.
 */
#include <criterion/criterion.h>
#include <elf.h>
#include <fcntl.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lemu/boot-rom.h"
#include "lemu/log.h"
#include "lemu/machine.h"

#define ATTRS MEMTXATTRS_UNSPECIFIED

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

static const uint32_t spike_reset_vector[5] = {
    0x00000297,   /* auipc t0, 0 */
    0x02028593,   /* addi a1, t0, 32 */
    0xf1402573,   /* csrr a0, mhartid */
    0x0182b283,   /* ld t0, 24(t0) */
    0x00028067,   /* jr t0 */
};

static uint32_t le32(const uint8_t *p)
{
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* ---- the boot ROM on its own ------------------------------------------- */

Test(boot_rom, rv64_code_is_spikes_reset_vector)
{
    uint8_t rom[0x100];
    static const char blob[] = "fake device tree";
    cr_assert(riscv_boot_rom_build(rom, sizeof(rom), 64, 0x80001234abcdull, blob,
                                   sizeof(blob), NULL));
    for (int i = 0; i < 5; i++) {
        cr_assert_eq(le32(rom + 4 * i), spike_reset_vector[i], "word %d: %08x", i,
                     le32(rom + 4 * i));
    }
    cr_assert_eq(le32(rom + 0x14), 0, "padding before the entry");
    cr_assert_eq(le32(rom + 0x18), 0x1234abcd);
    cr_assert_eq(le32(rom + 0x1c), 0x8000);
    cr_assert_eq(memcmp(rom + 0x20, blob, sizeof(blob)), 0);
    cr_assert_eq(rom[0x20 + sizeof(blob)], 0);
}

Test(boot_rom, rv32_loads_the_entry_with_lw)
{
    uint8_t rom[0x40];
    cr_assert(riscv_boot_rom_build(rom, sizeof(rom), 32, 0x80000000, NULL, 0, NULL));
    cr_assert_eq(le32(rom + 12), 0x0182a283, "lw t0, 24(t0)");
    cr_assert_eq(le32(rom + 0x18), 0x80000000);
}

Test(boot_rom, device_tree_too_big_for_the_rom_is_an_error)
{
    uint8_t rom[0x40];
    uint8_t blob[0x21] = { 0 };
    Error *err = NULL;
    cr_assert_not(riscv_boot_rom_build(rom, sizeof(rom), 64, 0, blob, sizeof(blob), &err));
    cr_assert(strstr(error_get_pretty(err), "does not fit"));
    error_free(err);
}

/* ---- a small RISC-V ELF with tohost/fromhost ---------------------------- */

static char elf_path[64];

/* One PT_LOAD of `code` at 0x80000000 (entry +8), optional HTIF symbols. */
static void write_elf(bool with_htif_symbols)
{
    static const uint8_t code[16] = { 0x6f, 0, 0, 0 };   /* j . */
    static const char strtab[] = "\0tohost\0fromhost";
    static const char shstrtab[] = "\0.symtab\0.strtab\0.shstrtab";
    struct {
        Elf64_Ehdr eh;
        Elf64_Phdr ph;
        uint8_t code[16];
        Elf64_Sym syms[3];
        char strtab[sizeof(strtab)];
        char shstrtab[sizeof(shstrtab)];
        char pad[7];
        Elf64_Shdr sh[4];
    } __attribute__((packed)) f;
    memset(&f, 0, sizeof(f));
    memcpy(f.eh.e_ident, ELFMAG, SELFMAG);
    f.eh.e_ident[EI_CLASS] = ELFCLASS64;
    f.eh.e_ident[EI_DATA] = ELFDATA2LSB;
    f.eh.e_ident[EI_VERSION] = EV_CURRENT;
    f.eh.e_type = ET_EXEC;
    f.eh.e_machine = EM_RISCV;
    f.eh.e_version = EV_CURRENT;
    f.eh.e_entry = 0x80000008;
    f.eh.e_phoff = offsetof(typeof(f), ph);
    f.eh.e_ehsize = sizeof(Elf64_Ehdr);
    f.eh.e_phentsize = sizeof(Elf64_Phdr);
    f.eh.e_phnum = 1;
    f.ph = (Elf64_Phdr){ .p_type = PT_LOAD, .p_offset = offsetof(typeof(f), code),
                         .p_vaddr = 0x80000000, .p_paddr = 0x80000000, .p_filesz = 16,
                         .p_memsz = 0x2000, .p_flags = PF_R | PF_W | PF_X };
    memcpy(f.code, code, sizeof(code));
    if (with_htif_symbols) {
        f.syms[1] = (Elf64_Sym){ .st_name = 1, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT),
                                 .st_shndx = SHN_ABS, .st_value = 0x80001000, .st_size = 8 };
        f.syms[2] = (Elf64_Sym){ .st_name = 8, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT),
                                 .st_shndx = SHN_ABS, .st_value = 0x80001040, .st_size = 8 };
        memcpy(f.strtab, strtab, sizeof(strtab));
        memcpy(f.shstrtab, shstrtab, sizeof(shstrtab));
        f.eh.e_shoff = offsetof(typeof(f), sh);
        f.eh.e_shentsize = sizeof(Elf64_Shdr);
        f.eh.e_shnum = 4;
        f.eh.e_shstrndx = 3;
        f.sh[1] = (Elf64_Shdr){ .sh_name = 1, .sh_type = SHT_SYMTAB,
                                .sh_offset = offsetof(typeof(f), syms), .sh_size = sizeof(f.syms),
                                .sh_link = 2, .sh_info = 1, .sh_entsize = sizeof(Elf64_Sym) };
        f.sh[2] = (Elf64_Shdr){ .sh_name = 9, .sh_type = SHT_STRTAB,
                                .sh_offset = offsetof(typeof(f), strtab), .sh_size = sizeof(strtab) };
        f.sh[3] = (Elf64_Shdr){ .sh_name = 17, .sh_type = SHT_STRTAB,
                                .sh_offset = offsetof(typeof(f), shstrtab),
                                .sh_size = sizeof(shstrtab) };
    }
    snprintf(elf_path, sizeof(elf_path), "/tmp/lemu-test-boards-%d.elf", (int)getpid());
    FILE *out = fopen(elf_path, "wb");
    cr_assert_not_null(out);
    cr_assert_eq(fwrite(&f, sizeof(f), 1, out), 1);
    fclose(out);
}

static char raw_path[2][64];

static const char *write_raw(int i, const char *content)
{
    snprintf(raw_path[i], sizeof(raw_path[i]), "/tmp/lemu-test-boards-%d-%d.bin", (int)getpid(),
             i);
    FILE *out = fopen(raw_path[i], "wb");
    cr_assert_not_null(out);
    fputs(content, out);
    fclose(out);
    return raw_path[i];
}

static void setup(void)
{
    lemu_loglevel = 0;
    machine_register_builtin_boards();
}

static void teardown(void)
{
    unlink(elf_path);
    unlink(raw_path[0]);
    unlink(raw_path[1]);
}

TestSuite(boards, .init = setup, .fini = teardown);

static MachineState *build(const char *board, const char *kernel, const char *bios,
                           uint64_t ram_size)
{
    MachineState *ms = machine_new(machine_class_find(board));
    ms->kernel_filename = kernel ? strdup(kernel) : NULL;
    ms->bios_filename = bios ? strdup(bios) : NULL;
    ms->ram_size = ram_size;
    ms->console_in_fd = -1;
    ms->console_out_fd = -1;
    Error *err = NULL;
    bool ok = machine_init(ms, &err);
    cr_assert(ok, "%s board: %s", board, err ? error_get_pretty(err) : "");
    return ms;
}

static uint64_t guest_ldq(MachineState *ms, hwaddr addr)
{
    MemTxResult r;
    uint64_t v = address_space_ldq_le(&ms->address_space_memory, addr, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "read at 0x%llx", (unsigned long long)addr);
    return v;
}

/* The device tree as the guest finds it at 0x1020. */
static void *guest_fdt(MachineState *ms)
{
    uint8_t header[64];
    cr_assert_eq(address_space_read(&ms->address_space_memory, RISCV_BOOT_ROM_BASE +
                                    RISCV_BOOT_ROM_FDT_OFFSET, ATTRS, header, sizeof(header)),
                 MEMTX_OK);
    cr_assert_eq(fdt_check_header(header), 0, "a device tree at 0x1020");
    size_t size = fdt_totalsize(header);
    cr_assert_eq(size, (size_t)ms->fdt_size);
    void *fdt = malloc(size);
    cr_assert_eq(address_space_read(&ms->address_space_memory, RISCV_BOOT_ROM_BASE +
                                    RISCV_BOOT_ROM_FDT_OFFSET, ATTRS, fdt, size), MEMTX_OK);
    cr_assert_eq(memcmp(fdt, ms->fdt, size), 0);
    return fdt;
}

static void check_memory_node(void *fdt, uint64_t base, uint64_t size)
{
    char name[32];
    snprintf(name, sizeof(name), "/memory@%llx", (unsigned long long)base);
    int node = fdt_path_offset(fdt, name);
    cr_assert_geq(node, 0, "%s", name);
    int len;
    const uint8_t *reg = fdt_getprop(fdt, node, "reg", &len);
    cr_assert_eq(len, 16);
    /* Properties are only 4-byte aligned: fdt64_ld reads them safely. */
    cr_assert_eq(fdt64_ld((const fdt64_t *)reg), base);
    cr_assert_eq(fdt64_ld((const fdt64_t *)(reg + 8)), size);
}

Test(boards, registry_knows_spike_and_virt_with_spike_default)
{
    cr_assert_eq(machine_class_find("spike"), &machine_spike_class);
    cr_assert_eq(machine_class_find("virt"), &machine_virt_class);
    cr_assert_null(machine_class_find("pc"));
    cr_assert_eq(machine_class_default(), &machine_spike_class);
    machine_register_builtin_boards();   /* again: harmless */
    cr_assert_eq(machine_class_find("virt"), &machine_virt_class);
}

Test(boards, spike_boots_the_elf_through_the_reset_rom)
{
    write_elf(true);
    MachineState *ms = build("spike", elf_path, "none", 0);
    cr_assert_eq(ms->ram_size, 128 << 20, "default RAM");
    cr_assert_eq(ms->entry, 0x80000008);
    cr_assert_eq(ms->ncpus, 1);
    cr_assert_eq(guest_ldq(ms, 0x1000), ((uint64_t)spike_reset_vector[1] << 32) |
                                            spike_reset_vector[0]);
    cr_assert_eq(guest_ldq(ms, 0x1018), 0x80000008);
    cr_assert_eq(guest_ldq(ms, 0x80000000) & 0xffffffff, 0x6f, "the program is in RAM");
    void *fdt = guest_fdt(ms);
    check_memory_node(fdt, 0x80000000, 128 << 20);
    cr_assert_geq(fdt_path_offset(fdt, "/htif"), 0);
    cr_assert_geq(fdt_path_offset(fdt, "/soc/clint@2000000"), 0);
    int cpu = fdt_path_offset(fdt, "/cpus/cpu@0");
    cr_assert_geq(cpu, 0);
    const char *isa = fdt_getprop(fdt, cpu, "riscv,isa", NULL);
    cr_assert_not_null(isa);
    cr_assert_str_eq(isa, RISCV_BOARD_ISA);
    cr_assert_not_null(strstr(isa, "_sstc"), "the harts have stimecmp: %s", isa);
    free(fdt);
}

Test(boards, spike_htif_sits_at_the_elf_symbols)
{
    write_elf(true);
    MachineState *ms = build("spike", elf_path, NULL, 0);
    MemTxResult r;
    address_space_stq_le(&ms->address_space_memory, 0x80001000, (21 << 1) | 1, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 21);
}

Test(boards, spike_without_tohost_runs_without_htif)
{
    write_elf(false);
    MachineState *ms = build("spike", elf_path, NULL, 0);
    void *fdt = guest_fdt(ms);
    cr_assert_lt(fdt_path_offset(fdt, "/htif"), 0);
    MemTxResult r;
    address_space_stq_le(&ms->address_space_memory, 0x80001000, 1, ATTRS, &r);
    cr_assert_not(machine_shutdown_requested(NULL), "plain RAM at 0x80001000");
    free(fdt);
}

Test(boards, spike_clint_counts_mtime)
{
    MachineState *ms = build("spike", NULL, NULL, 0);
    uint64_t a = guest_ldq(ms, 0x2000000 + 0xbff8);
    uint64_t b = guest_ldq(ms, 0x2000000 + 0xbff8);
    cr_assert_geq(b, a);
}

Test(boards, spike_refuses_firmware)
{
    MachineState *ms = machine_new(&machine_spike_class);
    ms->bios_filename = strdup("opensbi.bin");
    Error *err = NULL;
    cr_assert_not(machine_init(ms, &err));
    cr_assert(strstr(error_get_pretty(err), "only -bios none"));
    error_free(err);
}

Test(boards, ram_size_limits_are_checked)
{
    MachineState *ms = machine_new(&machine_virt_class);
    ms->ram_size = 4096;
    Error *err = NULL;
    cr_assert_not(machine_init(ms, &err));
    cr_assert(strstr(error_get_pretty(err), "too little RAM"), "%s", error_get_pretty(err));
    error_free(err);
}

Test(boards, harts_limit_is_checked)
{
    MachineState *ms = machine_new(&machine_spike_class);
    ms->smp = 4;
    Error *err = NULL;
    cr_assert_not(machine_init(ms, &err));
    cr_assert(strstr(error_get_pretty(err), "at most 1 hart"), "%s", error_get_pretty(err));
    error_free(err);
}

Test(boards, virt_raw_kernel_without_firmware_starts_ram)
{
    MachineState *ms = build("virt", write_raw(0, "KERNEL!!"), NULL, 256 << 20);
    cr_assert_eq(ms->entry, 0x80000000);
    cr_assert_eq(guest_ldq(ms, 0x80000000), 0x21214c454e52454bull);   /* "KERNEL!!" */
    void *fdt = guest_fdt(ms);
    check_memory_node(fdt, 0x80000000, 256 << 20);
    free(fdt);
}

Test(boards, virt_firmware_first_kernel_at_2mib)
{
    MachineState *ms = build("virt", write_raw(1, "KERNEL!!"), write_raw(0, "FIRMWARE"), 0);
    cr_assert_eq(ms->entry, 0x80000000, "the firmware runs first");
    cr_assert_eq(guest_ldq(ms, 0x80000000), 0x455241574d524946ull);   /* "FIRMWARE" */
    cr_assert_eq(guest_ldq(ms, 0x80200000), 0x21214c454e52454bull);
}

Test(boards, virt_elf_kernel_runs_at_its_entry)
{
    write_elf(true);
    MachineState *ms = build("virt", elf_path, NULL, 0);
    cr_assert_eq(ms->entry, 0x80000008);
    cr_assert_eq(guest_ldq(ms, 0x1018), 0x80000008);
    /* virt has no HTIF: tohost is plain RAM. */
    MemTxResult r;
    address_space_stq_le(&ms->address_space_memory, 0x80001000, 1, ATTRS, &r);
    cr_assert_not(machine_shutdown_requested(NULL));
}

Test(boards, virt_devices_answer_at_qemus_addresses)
{
    MachineState *ms = build("virt", NULL, NULL, 0);
    MemTxResult r;
    /* ns16550a: after reset the transmitter is empty (LSR THRE | TEMT). */
    cr_assert_eq(address_space_ldub(&ms->address_space_memory, 0x10000005, ATTRS, &r), 0x60);
    cr_assert_eq(r, MEMTX_OK);
    /* PLIC: source priorities are writable, 3 bits wide. */
    address_space_stl_le(&ms->address_space_memory, 0xc000000 + 4 * 10, 0xff, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
    cr_assert_eq(address_space_ldl_le(&ms->address_space_memory, 0xc000000 + 4 * 10, ATTRS, &r),
                 7);
    /* The PLIC spans QEMU's whole aperture. */
    address_space_ldl_le(&ms->address_space_memory, 0xc5ffffc, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
    /* The test finisher: 0x5555 powers off with status 0. */
    address_space_stl_le(&ms->address_space_memory, 0x100000, 0x5555, ATTRS, &r);
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 0);
    address_space_ldub(&ms->address_space_memory, 0x20000000, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK, "nothing is mapped at 0x20000000");
}

Test(boards, virt_missing_firmware_is_an_error)
{
    MachineState *ms = machine_new(&machine_virt_class);
    ms->bios_filename = strdup("/nonexistent/fw.bin");
    Error *err = NULL;
    cr_assert_not(machine_init(ms, &err));
    cr_assert(strstr(error_get_pretty(err), "/nonexistent/fw.bin"));
    error_free(err);
}

Test(boards, dumpdtb_writes_the_guests_device_tree)
{
    MachineState *ms = build("virt", NULL, NULL, 0);
    char path[64];
    snprintf(path, sizeof(path), "/tmp/lemu-test-boards-%d.dtb", (int)getpid());
    cr_assert(machine_dump_dtb(ms, path, NULL));
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    char *buf = malloc((size_t)ms->fdt_size + 1);
    size_t n = fread(buf, 1, (size_t)ms->fdt_size + 1, f);
    fclose(f);
    unlink(path);
    cr_assert_eq(n, (size_t)ms->fdt_size);
    cr_assert_eq(memcmp(buf, ms->fdt, n), 0);
    free(buf);
    Error *err = NULL;
    cr_assert_not(machine_dump_dtb(ms, "/nonexistent/dir/x.dtb", &err));
    cr_assert(strstr(error_get_pretty(err), "/nonexistent/dir/x.dtb"));
    error_free(err);
}

Test(boards, shutdown_request_keeps_the_first_status)
{
    machine_shutdown_clear();
    cr_assert_not(machine_shutdown_requested(NULL));
    machine_request_shutdown(3);
    machine_request_shutdown(4);
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 3);
    machine_shutdown_clear();
    cr_assert_not(machine_shutdown_requested(&status));
}

Test(boards, max_insns_message_and_status)
{
    MachineState *ms = machine_new(&machine_spike_class);
    ms->max_insns = 1000;
    cr_assert_eq(machine_max_insns_reached(ms), LEMU_EXIT_MAX_INSNS);
    free(ms);
}
