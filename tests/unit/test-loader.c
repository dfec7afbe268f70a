/*
 * test-loader.c: ELF and raw image loading (softmmu/loader.c).  ELF images
 * are crafted here byte by byte (header, program headers, segment data, a
 * symbol table) so that each field can be broken on purpose: every bad file
 * must give an error that names the file, and leave guest memory untouched;
 * truncated and randomly corrupted copies of a good image must never crash.
 */
#include <criterion/criterion.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lemu/loader.h"
#include "lemu/log.h"
#include "lemu/memory.h"

#define ATTRS MEMTXATTRS_UNSPECIFIED
#define RAM_BASE 0x80000000ull
#define RAM_SIZE 0x10000ull
#define ROM_BASE 0x1000ull
#define ROM_SIZE 0x1000ull
#define IO_BASE 0x10000000ull
#define FILL 0xa5

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

/* ---- guest memory: RAM, ROM and an I/O region ---------------------------- */

static MemoryRegion root;
static MemoryRegion ram;
static MemoryRegion rom;
static MemoryRegion io;
static AddressSpace as;
static char path[64];

static uint64_t io_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void io_write(void *opaque, hwaddr addr, uint64_t value, unsigned size)
{
}

static const MemoryRegionOps io_ops = {
    .read = io_read,
    .write = io_write,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static uint8_t *ram_host(void)
{
    return memory_region_get_ram_ptr(&ram);
}

static void fill_ram(void)
{
    memset(ram_host(), FILL, RAM_SIZE);
}

static bool ram_untouched(void)
{
    for (size_t i = 0; i < RAM_SIZE; i++) {
        if (ram_host()[i] != FILL) {
            return false;
        }
    }
    return true;
}

static void setup(void)
{
    lemu_loglevel = 0;
    memory_region_init(&root, NULL, "root", UINT64_MAX);
    cr_assert(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, NULL));
    cr_assert(memory_region_init_rom(&rom, NULL, "rom", ROM_SIZE, NULL));
    memory_region_init_io(&io, NULL, &io_ops, NULL, "io", 0x1000);
    memory_region_add_subregion(&root, RAM_BASE, &ram);
    memory_region_add_subregion(&root, ROM_BASE, &rom);
    memory_region_add_subregion(&root, IO_BASE, &io);
    address_space_init(&as, &root, "loader-test");
    fill_ram();
    snprintf(path, sizeof(path), "/tmp/lemu-test-loader-%d", (int)getpid());
}

static void teardown(void)
{
    unlink(path);
}

TestSuite(loader, .init = setup, .fini = teardown);

/* ---- crafting ELF files ------------------------------------------------- */

typedef struct Seg {
    uint32_t type;
    uint64_t paddr;
    const char *data;
    uint64_t filesz;
    uint64_t memsz;
} Seg;

typedef struct ElfSpec {
    unsigned cls;            /* ELFCLASS64 (default) or ELFCLASS32 */
    unsigned char data;      /* ELFDATA2LSB (default) */
    uint16_t machine;        /* EM_RISCV (default) */
    uint16_t type;           /* ET_EXEC (default) */
    uint64_t entry;
    Seg segs[4];
    int nsegs;
    bool symbols;            /* add tohost, fromhost, main, a local */
} ElfSpec;

typedef struct Sym {
    const char *name;
    uint64_t value;
    uint64_t size;
    unsigned char info;
} Sym;

static const Sym test_syms[] = {
    { "main", RAM_BASE + 0x100, 0x40, ELF64_ST_INFO(STB_GLOBAL, STT_FUNC) },
    { "tohost", RAM_BASE + 0x1000, 8, ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT) },
    { "fromhost", RAM_BASE + 0x1040, 8, ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT) },
    { "loop", RAM_BASE + 0x120, 0, ELF64_ST_INFO(STB_LOCAL, STT_NOTYPE) },
};
#define NSYMS (sizeof(test_syms) / sizeof(test_syms[0]))

typedef struct Buf {
    uint8_t bytes[0x8000];
    size_t len;
} Buf;

static size_t buf_put(Buf *b, const void *p, size_t n)
{
    size_t at = b->len;
    cr_assert_leq(at + n, sizeof(b->bytes));
    memcpy(b->bytes + at, p, n);
    b->len += n;
    return at;
}

static void buf_align(Buf *b, size_t a)
{
    while (b->len % a) {
        b->bytes[b->len++] = 0;
    }
}

static void build_elf(const ElfSpec *s, Buf *b)
{
    bool is64 = s->cls != ELFCLASS32;
    size_t ehsize = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    size_t phentsize = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
    memset(b, 0, sizeof(*b));
    b->len = ehsize + phentsize * (size_t)s->nsegs;

    /* Segment data, then the symbol table and its strings. */
    uint64_t offsets[4];
    for (int i = 0; i < s->nsegs; i++) {
        buf_align(b, 8);
        offsets[i] = buf_put(b, s->segs[i].data ? s->segs[i].data : "", s->segs[i].filesz);
    }
    size_t symtab_off = 0, symtab_size = 0, strtab_off = 0, strtab_size = 0;
    size_t shstr_off = 0, shstr_size = 0, shoff = 0;
    static const char shstr[] = "\0.symtab\0.strtab\0.shstrtab";
    if (s->symbols) {
        char strtab[256] = { 0 };
        size_t strlen_total = 1;
        unsigned name_off[NSYMS];
        for (size_t i = 0; i < NSYMS; i++) {
            name_off[i] = (unsigned)strlen_total;
            strcpy(strtab + strlen_total, test_syms[i].name);
            strlen_total += strlen(test_syms[i].name) + 1;
        }
        buf_align(b, 8);
        symtab_off = b->len;
        if (is64) {
            Elf64_Sym zero = { 0 };
            buf_put(b, &zero, sizeof(zero));
            for (size_t i = 0; i < NSYMS; i++) {
                Elf64_Sym sym = { .st_name = name_off[i], .st_info = test_syms[i].info,
                                  .st_shndx = SHN_ABS, .st_value = test_syms[i].value,
                                  .st_size = test_syms[i].size };
                buf_put(b, &sym, sizeof(sym));
            }
        } else {
            Elf32_Sym zero = { 0 };
            buf_put(b, &zero, sizeof(zero));
            for (size_t i = 0; i < NSYMS; i++) {
                Elf32_Sym sym = { .st_name = name_off[i], .st_info = test_syms[i].info,
                                  .st_shndx = SHN_ABS, .st_value = (uint32_t)test_syms[i].value,
                                  .st_size = (uint32_t)test_syms[i].size };
                buf_put(b, &sym, sizeof(sym));
            }
        }
        symtab_size = b->len - symtab_off;
        strtab_off = buf_put(b, strtab, strlen_total);
        strtab_size = strlen_total;
        shstr_off = buf_put(b, shstr, sizeof(shstr));
        shstr_size = sizeof(shstr);
        buf_align(b, 8);
        shoff = b->len;
        if (is64) {
            Elf64_Shdr sh[4] = { { 0 } };
            sh[1] = (Elf64_Shdr){ .sh_name = 1, .sh_type = SHT_SYMTAB, .sh_offset = symtab_off,
                                  .sh_size = symtab_size, .sh_link = 2, .sh_info = 1,
                                  .sh_addralign = 8, .sh_entsize = sizeof(Elf64_Sym) };
            sh[2] = (Elf64_Shdr){ .sh_name = 9, .sh_type = SHT_STRTAB, .sh_offset = strtab_off,
                                  .sh_size = strtab_size, .sh_addralign = 1 };
            sh[3] = (Elf64_Shdr){ .sh_name = 17, .sh_type = SHT_STRTAB, .sh_offset = shstr_off,
                                  .sh_size = shstr_size, .sh_addralign = 1 };
            buf_put(b, sh, sizeof(sh));
        } else {
            Elf32_Shdr sh[4] = { { 0 } };
            sh[1] = (Elf32_Shdr){ .sh_name = 1, .sh_type = SHT_SYMTAB,
                                  .sh_offset = (uint32_t)symtab_off,
                                  .sh_size = (uint32_t)symtab_size, .sh_link = 2, .sh_info = 1,
                                  .sh_addralign = 4, .sh_entsize = sizeof(Elf32_Sym) };
            sh[2] = (Elf32_Shdr){ .sh_name = 9, .sh_type = SHT_STRTAB,
                                  .sh_offset = (uint32_t)strtab_off,
                                  .sh_size = (uint32_t)strtab_size, .sh_addralign = 1 };
            sh[3] = (Elf32_Shdr){ .sh_name = 17, .sh_type = SHT_STRTAB,
                                  .sh_offset = (uint32_t)shstr_off,
                                  .sh_size = (uint32_t)shstr_size, .sh_addralign = 1 };
            buf_put(b, sh, sizeof(sh));
        }
    }

    unsigned char ident[EI_NIDENT] = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3,
                                       is64 ? ELFCLASS64 : ELFCLASS32,
                                       s->data ? s->data : ELFDATA2LSB, EV_CURRENT };
    uint16_t machine = s->machine ? s->machine : EM_RISCV;
    uint16_t type = s->type ? s->type : ET_EXEC;
    if (is64) {
        Elf64_Ehdr eh = { .e_type = type, .e_machine = machine, .e_version = EV_CURRENT,
                          .e_entry = s->entry, .e_phoff = ehsize, .e_shoff = shoff,
                          .e_ehsize = (uint16_t)ehsize, .e_phentsize = (uint16_t)phentsize,
                          .e_phnum = (uint16_t)s->nsegs, .e_shentsize = sizeof(Elf64_Shdr),
                          .e_shnum = s->symbols ? 4 : 0, .e_shstrndx = s->symbols ? 3 : 0 };
        memcpy(eh.e_ident, ident, EI_NIDENT);
        memcpy(b->bytes, &eh, sizeof(eh));
        for (int i = 0; i < s->nsegs; i++) {
            Elf64_Phdr ph = { .p_type = s->segs[i].type ? s->segs[i].type : PT_LOAD,
                              .p_flags = PF_R | PF_X, .p_offset = offsets[i],
                              .p_vaddr = s->segs[i].paddr, .p_paddr = s->segs[i].paddr,
                              .p_filesz = s->segs[i].filesz, .p_memsz = s->segs[i].memsz,
                              .p_align = 8 };
            memcpy(b->bytes + ehsize + phentsize * (size_t)i, &ph, sizeof(ph));
        }
    } else {
        Elf32_Ehdr eh = { .e_type = type, .e_machine = machine, .e_version = EV_CURRENT,
                          .e_entry = (uint32_t)s->entry, .e_phoff = (uint32_t)ehsize,
                          .e_shoff = (uint32_t)shoff, .e_ehsize = (uint16_t)ehsize,
                          .e_phentsize = (uint16_t)phentsize, .e_phnum = (uint16_t)s->nsegs,
                          .e_shentsize = sizeof(Elf32_Shdr), .e_shnum = s->symbols ? 4 : 0,
                          .e_shstrndx = s->symbols ? 3 : 0 };
        memcpy(eh.e_ident, ident, EI_NIDENT);
        memcpy(b->bytes, &eh, sizeof(eh));
        for (int i = 0; i < s->nsegs; i++) {
            Elf32_Phdr ph = { .p_type = s->segs[i].type ? s->segs[i].type : PT_LOAD,
                              .p_flags = PF_R | PF_X, .p_offset = (uint32_t)offsets[i],
                              .p_vaddr = (uint32_t)s->segs[i].paddr,
                              .p_paddr = (uint32_t)s->segs[i].paddr,
                              .p_filesz = (uint32_t)s->segs[i].filesz,
                              .p_memsz = (uint32_t)s->segs[i].memsz, .p_align = 4 };
            memcpy(b->bytes + ehsize + phentsize * (size_t)i, &ph, sizeof(ph));
        }
    }
}

static void write_file(const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, data, len), (ssize_t)len);
    close(fd);
}

/* The good image: code with a .bss tail at RAM_BASE, data at +0x1000. */
static ElfSpec good_spec(void)
{
    ElfSpec s = {
        .entry = RAM_BASE + 4,
        .nsegs = 2,
        .symbols = true,
        .segs = {
            { .paddr = RAM_BASE, .data = "0123456789abcdef", .filesz = 16, .memsz = 32 },
            { .paddr = RAM_BASE + 0x1000, .data = "xyz", .filesz = 3, .memsz = 3 },
        },
    };
    return s;
}

static Buf image;

static void write_spec(const ElfSpec *s)
{
    build_elf(s, &image);
    write_file(image.bytes, image.len);
}

/* Load the file and expect failure with a message naming it and `what`. */
static void expect_error(const char *what)
{
    Error *err = NULL;
    LoaderElf *elf = loader_load_elf(path, &as, 64, &err);
    cr_assert_null(elf, "loading should fail with '%s'", what);
    cr_assert_not_null(err);
    const char *msg = error_get_pretty(err);
    cr_assert(strstr(msg, path), "message names the file: %s", msg);
    cr_assert(strstr(msg, what), "message says '%s': %s", what, msg);
    cr_assert(!strchr(msg, '\n'), "one line: %s", msg);
    cr_assert(ram_untouched(), "a failed load writes nothing");
    error_free(err);
}

/* ---- good files --------------------------------------------------------- */

Test(loader, loads_segments_and_zero_fills_the_rest)
{
    ElfSpec s = good_spec();
    write_spec(&s);
    Error *err = NULL;
    LoaderElf *elf = loader_load_elf(path, &as, 64, &err);
    cr_assert_not_null(elf, "%s", err ? error_get_pretty(err) : "");
    cr_assert_eq(memcmp(ram_host(), "0123456789abcdef", 16), 0);
    for (int i = 16; i < 32; i++) {
        cr_assert_eq(ram_host()[i], 0, "byte %d of .bss", i);
    }
    cr_assert_eq(ram_host()[32], FILL, "nothing beyond p_memsz");
    cr_assert_eq(memcmp(ram_host() + 0x1000, "xyz", 3), 0);
    cr_assert_eq(loader_elf_entry(elf), RAM_BASE + 4);
    cr_assert_eq(loader_elf_low_addr(elf), RAM_BASE);
    cr_assert_eq(loader_elf_high_addr(elf), RAM_BASE + 0x1003);
    loader_elf_free(elf);
}

Test(loader, finds_symbols_by_name)
{
    ElfSpec s = good_spec();
    write_spec(&s);
    LoaderElf *elf = loader_load_elf(path, &as, 64, NULL);
    cr_assert_not_null(elf);
    const LoaderSymbol *tohost = loader_elf_find_symbol(elf, "tohost");
    const LoaderSymbol *fromhost = loader_elf_find_symbol(elf, "fromhost");
    cr_assert_not_null(tohost);
    cr_assert_not_null(fromhost);
    cr_assert_eq(tohost->value, RAM_BASE + 0x1000);
    cr_assert_eq(tohost->size, 8);
    cr_assert_eq(tohost->type, STT_OBJECT);
    cr_assert_eq(fromhost->value, RAM_BASE + 0x1040);
    cr_assert_null(loader_elf_find_symbol(elf, "nonexistent"));
    loader_elf_free(elf);
}

Test(loader, symbols_iterate_in_address_order_and_resolve_addresses)
{
    ElfSpec s = good_spec();
    write_spec(&s);
    LoaderElf *elf = loader_load_elf(path, &as, 64, NULL);
    cr_assert_not_null(elf);
    cr_assert_eq(loader_elf_symbol_count(elf), NSYMS);
    for (unsigned i = 1; i < loader_elf_symbol_count(elf); i++) {
        cr_assert_leq(loader_elf_symbol(elf, i - 1)->value, loader_elf_symbol(elf, i)->value);
    }
    cr_assert_null(loader_elf_symbol(elf, NSYMS));
    cr_assert_str_eq(loader_elf_symbol(elf, 0)->name, "main");
    /* Inside main (a label at +0x20 does not hide the function). */
    cr_assert_str_eq(loader_elf_symbol_at(elf, RAM_BASE + 0x130)->name, "main");
    cr_assert_str_eq(loader_elf_symbol_at(elf, RAM_BASE + 0x100)->name, "main");
    /* Past main's end: the closest symbol below. */
    cr_assert_str_eq(loader_elf_symbol_at(elf, RAM_BASE + 0x800)->name, "loop");
    cr_assert_str_eq(loader_elf_symbol_at(elf, RAM_BASE + 0x1044)->name, "fromhost");
    cr_assert_null(loader_elf_symbol_at(elf, RAM_BASE));
    loader_elf_free(elf);
}

Test(loader, file_without_symbols_loads)
{
    ElfSpec s = good_spec();
    s.symbols = false;
    write_spec(&s);
    LoaderElf *elf = loader_load_elf(path, &as, 64, NULL);
    cr_assert_not_null(elf);
    cr_assert_eq(loader_elf_symbol_count(elf), 0);
    cr_assert_null(loader_elf_find_symbol(elf, "tohost"));
    cr_assert_null(loader_elf_symbol_at(elf, RAM_BASE + 0x100));
    loader_elf_free(elf);
}

Test(loader, segment_in_rom_is_written)
{
    ElfSpec s = good_spec();
    s.segs[1].paddr = ROM_BASE + 0x10;
    write_spec(&s);
    LoaderElf *elf = loader_load_elf(path, &as, 64, NULL);
    cr_assert_not_null(elf);
    uint8_t got[3];
    cr_assert_eq(address_space_read(&as, ROM_BASE + 0x10, ATTRS, got, 3), MEMTX_OK);
    cr_assert_eq(memcmp(got, "xyz", 3), 0);
    loader_elf_free(elf);
}

Test(loader, elf32_loads_for_32bit_harts)
{
    ElfSpec s = good_spec();
    s.cls = ELFCLASS32;
    write_spec(&s);
    Error *err = NULL;
    LoaderElf *elf = loader_load_elf(path, &as, 32, &err);
    cr_assert_not_null(elf, "%s", err ? error_get_pretty(err) : "");
    cr_assert_eq(loader_elf_entry(elf), RAM_BASE + 4);
    cr_assert_eq(loader_elf_find_symbol(elf, "tohost")->value, RAM_BASE + 0x1000);
    cr_assert_eq(memcmp(ram_host() + 0x1000, "xyz", 3), 0);
    loader_elf_free(elf);
}

Test(loader, non_load_segments_are_skipped)
{
    ElfSpec s = good_spec();
    s.segs[2] = (Seg){ .type = PT_NOTE, .paddr = 0x1234, .data = "note", .filesz = 4,
                       .memsz = 4 };
    s.nsegs = 3;
    write_spec(&s);
    LoaderElf *elf = loader_load_elf(path, &as, 64, NULL);
    cr_assert_not_null(elf);
    loader_elf_free(elf);
}

/* ---- bad files ---------------------------------------------------------- */

Test(loader, missing_file)
{
    expect_error("No such file");
}

Test(loader, directory_is_not_a_file)
{
    snprintf(path, sizeof(path), "/tmp");
    expect_error("not a regular file");
}

Test(loader, empty_file_is_not_elf)
{
    write_file("", 0);
    expect_error("not an ELF file");
}

Test(loader, text_file_is_not_elf)
{
    write_file("#!/bin/sh\necho hello\n", 21);
    expect_error("not an ELF file");
}

Test(loader, random_bytes_are_not_elf)
{
    uint8_t junk[4096];
    srand(1);
    for (size_t i = 0; i < sizeof(junk); i++) {
        junk[i] = (uint8_t)rand();
    }
    junk[0] = 0;   /* not the magic by chance */
    write_file(junk, sizeof(junk));
    expect_error("not an ELF file");
}

Test(loader, other_machine_is_refused)
{
    ElfSpec s = good_spec();
    s.machine = EM_X86_64;
    write_spec(&s);
    expect_error("not RISC-V");
}

Test(loader, elf32_is_refused_for_64bit_harts)
{
    ElfSpec s = good_spec();
    s.cls = ELFCLASS32;
    write_spec(&s);
    expect_error("32-bit ELF file, but the harts are 64-bit");
}

Test(loader, elf64_is_refused_for_32bit_harts)
{
    ElfSpec s = good_spec();
    write_spec(&s);
    Error *err = NULL;
    cr_assert_null(loader_load_elf(path, &as, 32, &err));
    cr_assert(strstr(error_get_pretty(err), "64-bit ELF file, but the harts are 32-bit"));
    error_free(err);
}

Test(loader, big_endian_is_refused)
{
    ElfSpec s = good_spec();
    s.data = ELFDATA2MSB;
    write_spec(&s);
    expect_error("little-endian");
}

Test(loader, invalid_class_is_refused)
{
    ElfSpec s = good_spec();
    write_spec(&s);
    image.bytes[EI_CLASS] = 7;
    write_file(image.bytes, image.len);
    expect_error("invalid ELF class");
}

Test(loader, shared_object_is_refused)
{
    ElfSpec s = good_spec();
    s.type = ET_DYN;
    write_spec(&s);
    expect_error("not an executable");
}

Test(loader, no_loadable_segment_is_refused)
{
    ElfSpec s = good_spec();
    s.nsegs = 0;
    write_spec(&s);
    expect_error("no loadable segment");
}

Test(loader, segment_outside_memory_is_refused_and_nothing_loaded)
{
    ElfSpec s = good_spec();
    s.segs[1].paddr = 0x90000000;   /* segment 0 is fine: still not written */
    write_spec(&s);
    expect_error("segment 1 (0x90000000-0x90000002) is not inside RAM or ROM");
}

Test(loader, segment_running_off_the_end_of_ram_is_refused)
{
    ElfSpec s = good_spec();
    s.segs[1].paddr = RAM_BASE + RAM_SIZE - 2;
    write_spec(&s);
    expect_error("not inside RAM or ROM");
}

Test(loader, bss_running_off_the_end_of_ram_is_refused)
{
    ElfSpec s = good_spec();
    s.segs[0].memsz = RAM_SIZE + 1;
    write_spec(&s);
    expect_error("not inside RAM or ROM");
}

Test(loader, segment_on_a_device_is_refused)
{
    ElfSpec s = good_spec();
    s.segs[1].paddr = IO_BASE;
    write_spec(&s);
    expect_error("not inside RAM or ROM");
}

Test(loader, segment_wrapping_the_address_space_is_refused)
{
    ElfSpec s = good_spec();
    s.segs[0].paddr = UINT64_MAX - 4;
    write_spec(&s);
    expect_error("wraps around");
}

Test(loader, more_file_bytes_than_memory_bytes_is_refused)
{
    ElfSpec s = good_spec();
    s.segs[0].memsz = 8;
    write_spec(&s);
    expect_error("more file bytes");
}

Test(loader, segment_data_beyond_the_end_of_file_is_truncation)
{
    ElfSpec s = good_spec();
    s.symbols = false;
    write_spec(&s);
    /* Cut the file in the middle of segment 1's data. */
    write_file(image.bytes, image.len - 1);
    expect_error("truncated");
}

Test(loader, every_truncation_of_a_good_file_fails_cleanly)
{
    ElfSpec s = good_spec();
    s.symbols = false;   /* data last: every cut loses something needed */
    build_elf(&s, &image);
    Buf copy = image;
    for (size_t len = 0; len < copy.len; len++) {
        write_file(copy.bytes, len);
        Error *err = NULL;
        LoaderElf *elf = loader_load_elf(path, &as, 64, &err);
        cr_assert_null(elf, "a %zu-byte prefix must not load", len);
        cr_assert(strstr(error_get_pretty(err), path));
        cr_assert(ram_untouched(), "prefix of %zu bytes wrote to RAM", len);
        error_free(err);
    }
}

Test(loader, truncated_symbol_table_never_crashes)
{
    ElfSpec s = good_spec();
    build_elf(&s, &image);
    Buf copy = image;
    /* Cuts in the symbol table and section headers: may load without symbols. */
    for (size_t len = copy.len / 2; len < copy.len; len++) {
        write_file(copy.bytes, len);
        Error *err = NULL;
        LoaderElf *elf = loader_load_elf(path, &as, 64, &err);
        if (elf) {
            loader_elf_free(elf);
        } else {
            cr_assert(strstr(error_get_pretty(err), path));
            error_free(err);
        }
        fill_ram();
    }
}

Test(loader, randomly_corrupted_files_never_crash)
{
    ElfSpec s = good_spec();
    build_elf(&s, &image);
    Buf good = image;
    srand(12345);
    int failures = 0;
    for (int iter = 0; iter < 1500; iter++) {
        Buf bad = good;
        int flips = 1 + rand() % 4;
        for (int f = 0; f < flips; f++) {
            /* Mostly the headers, where the offsets and sizes are. */
            size_t at = rand() % 3 ? (size_t)rand() % 0xb0 : (size_t)rand() % bad.len;
            bad.bytes[at] = (uint8_t)rand();
        }
        write_file(bad.bytes, bad.len);
        Error *err = NULL;
        LoaderElf *elf = loader_load_elf(path, &as, 64, &err);
        if (elf) {
            loader_elf_free(elf);
        } else {
            failures++;
            cr_assert(strstr(error_get_pretty(err), path), "iteration %d: %s", iter,
                      error_get_pretty(err));
            cr_assert(ram_untouched(), "iteration %d: failed load wrote to RAM", iter);
            error_free(err);
        }
        fill_ram();
    }
    cr_assert_gt(failures, 0, "the corruption must hit something");
}

/* ---- raw images --------------------------------------------------------- */

Test(loader, raw_image_is_copied_at_the_address)
{
    write_file("raw bytes", 9);
    Error *err = NULL;
    cr_assert_eq(loader_load_raw(path, &as, RAM_BASE + 0x200, 0, &err), 9);
    cr_assert_eq(memcmp(ram_host() + 0x200, "raw bytes", 9), 0);
    cr_assert_eq(ram_host()[0x209], FILL);
}

Test(loader, raw_image_larger_than_allowed_is_refused)
{
    write_file("raw bytes", 9);
    Error *err = NULL;
    cr_assert_eq(loader_load_raw(path, &as, RAM_BASE, 8, &err), -1);
    cr_assert(strstr(error_get_pretty(err), "too large"));
    cr_assert(strstr(error_get_pretty(err), path));
    cr_assert(ram_untouched());
    error_free(err);
}

Test(loader, raw_image_outside_memory_is_refused)
{
    write_file("raw bytes", 9);
    Error *err = NULL;
    cr_assert_eq(loader_load_raw(path, &as, RAM_BASE + RAM_SIZE - 4, 0, &err), -1);
    cr_assert(strstr(error_get_pretty(err), "not inside RAM or ROM"));
    cr_assert(ram_untouched());
    error_free(err);
}

Test(loader, raw_image_missing_file)
{
    Error *err = NULL;
    cr_assert_eq(loader_load_raw(path, &as, RAM_BASE, 0, &err), -1);
    cr_assert(strstr(error_get_pretty(err), path));
    error_free(err);
}

Test(loader, elf_magic_detection)
{
    cr_assert_not(loader_is_elf(path), "missing file");
    write_file("\177ELF", 4);
    cr_assert(loader_is_elf(path));
    write_file("\177EL", 3);
    cr_assert_not(loader_is_elf(path));
}
