/*
 * softmmu/loader.c: ELF and raw image loading into guest memory (see
 * include/lemu/loader.h).  The whole file is read into host memory first
 * and handed to libelf with elf_memory(), so that every offset the file
 * claims can be checked against its real length before use; every segment
 * is checked before the first byte is written, so a bad file leaves guest
 * memory untouched.
 */
#include "config.h"
#include "lemu/loader.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

struct LoaderElf {
    uint64_t entry;
    uint64_t low;
    uint64_t high;
    LoaderSymbol *syms;
    unsigned nsyms;
};

typedef struct LoadSegment {
    uint64_t paddr;
    uint64_t filesz;
    uint64_t memsz;
    const uint8_t *data;
} LoadSegment;

/* Files are read whole; refuse what cannot possibly fit a guest. */
#define LOADER_MAX_FILE_SIZE ((uint64_t)1 << 36)

static bool loader_read_file(const char *filename, uint8_t **bufp, size_t *lenp,
                             Error **errp)
{
    int fd = open(filename, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error_setg_errno(errp, errno, "cannot open '%s'", filename);
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        error_setg_errno(errp, errno, "cannot read '%s'", filename);
        close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        error_setg(errp, "'%s': not a regular file", filename);
        close(fd);
        return false;
    }
    if ((uint64_t)st.st_size > LOADER_MAX_FILE_SIZE) {
        error_setg(errp, "'%s': file too large (%lld bytes)", filename,
                   (long long)st.st_size);
        close(fd);
        return false;
    }
    size_t len = (size_t)st.st_size;
    uint8_t *buf = malloc(len ? len : 1);
    if (!buf) {
        error_setg(errp, "'%s': out of memory reading %zu bytes", filename, len);
        close(fd);
        return false;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t n = read(fd, buf + done, len - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            error_setg_errno(errp, errno, "cannot read '%s'", filename);
            free(buf);
            close(fd);
            return false;
        }
        if (n == 0) {
            break;  /* the file shrank under us: take what is there */
        }
        done += (size_t)n;
    }
    close(fd);
    *bufp = buf;
    *lenp = done;
    return true;
}

/* Does [addr, addr + len) lie entirely in RAM or ROM regions of as? */
static bool loader_range_is_memory(AddressSpace *as, uint64_t addr, uint64_t len)
{
    if (len && addr + (len - 1) < addr) {
        return false;
    }
    while (len) {
        hwaddr xlat;
        hwaddr plen = len;
        MemoryRegionSection *section = address_space_translate(as, addr, &xlat, &plen);
        if (!section || !section->mr ||
            !(memory_region_is_ram(section->mr) || memory_region_is_rom(section->mr))) {
            return false;
        }
        if (plen == 0) {
            return false;
        }
        if (plen > len) {
            plen = len;
        }
        addr += plen;
        len -= plen;
    }
    return true;
}

static bool loader_write(AddressSpace *as, uint64_t addr, const void *data, uint64_t len)
{
    return address_space_write_rom(as, addr, MEMTXATTRS_UNSPECIFIED, data, len) == MEMTX_OK;
}

static bool loader_zero(AddressSpace *as, uint64_t addr, uint64_t len)
{
    static const uint8_t zeros[4096];
    while (len) {
        uint64_t n = len < sizeof(zeros) ? len : sizeof(zeros);
        if (!loader_write(as, addr, zeros, n)) {
            return false;
        }
        addr += n;
        len -= n;
    }
    return true;
}

static int loader_symbol_cmp(const void *a, const void *b)
{
    const LoaderSymbol *x = a;
    const LoaderSymbol *y = b;
    if (x->value != y->value) {
        return x->value < y->value ? -1 : 1;
    }
    return strcmp(x->name, y->name);
}

static bool loader_add_symbol(LoaderElf *le, unsigned *alloc, const char *name,
                              const GElf_Sym *sym)
{
    if (le->nsyms == *alloc) {
        unsigned n = *alloc ? *alloc * 2 : 64;
        LoaderSymbol *p = realloc(le->syms, n * sizeof(*p));
        if (!p) {
            return false;
        }
        le->syms = p;
        *alloc = n;
    }
    char *copy = strdup(name);
    if (!copy) {
        return false;
    }
    le->syms[le->nsyms++] = (LoaderSymbol){
        .name = copy,
        .value = sym->st_value,
        .size = sym->st_size,
        .type = GELF_ST_TYPE(sym->st_info),
        .bind = GELF_ST_BIND(sym->st_info),
    };
    return true;
}

/*
 * Copy the symbols of the symbol table (or, without one, of the dynamic
 * symbol table).  A damaged table only costs the symbols: false means the
 * caller should warn.
 */
static bool loader_read_symbols(Elf *e, LoaderElf *le)
{
    Elf_Scn *table = NULL;
    GElf_Shdr table_hdr = { 0 };
    for (Elf_Scn *scn = elf_nextscn(e, NULL); scn; scn = elf_nextscn(e, scn)) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr)) {
            return false;
        }
        if (shdr.sh_type == SHT_SYMTAB || (shdr.sh_type == SHT_DYNSYM && !table)) {
            table = scn;
            table_hdr = shdr;
        }
    }
    if (!table) {
        return true;
    }
    Elf_Data *data = elf_getdata(table, NULL);
    size_t entsize = gelf_fsize(e, ELF_T_SYM, 1, EV_CURRENT);
    if (!data || !entsize) {
        return false;
    }
    size_t count = data->d_size / entsize;
    unsigned alloc = 0;
    for (size_t i = 1; i < count; i++) {
        GElf_Sym sym;
        if (!gelf_getsym(data, (int)i, &sym)) {
            return false;
        }
        unsigned type = GELF_ST_TYPE(sym.st_info);
        if (type == STT_SECTION || type == STT_FILE || sym.st_shndx == SHN_UNDEF) {
            continue;
        }
        const char *name = elf_strptr(e, table_hdr.sh_link, sym.st_name);
        if (!name) {
            return false;
        }
        if (!*name) {
            continue;
        }
        if (!loader_add_symbol(le, &alloc, name, &sym)) {
            return false;
        }
    }
    qsort(le->syms, le->nsyms, sizeof(*le->syms), loader_symbol_cmp);
    return true;
}

static void loader_drop_symbols(LoaderElf *le)
{
    for (unsigned i = 0; i < le->nsyms; i++) {
        free((char *)le->syms[i].name);
    }
    free(le->syms);
    le->syms = NULL;
    le->nsyms = 0;
}

/* Names for the machines a file given by mistake is most likely built for. */
static const char *loader_machine_name(unsigned machine)
{
    switch (machine) {
    case EM_386: return " (x86)";
    case EM_X86_64: return " (x86-64)";
    case EM_ARM: return " (Arm)";
    case EM_AARCH64: return " (AArch64)";
    case EM_MIPS: return " (MIPS)";
    case EM_PPC64: return " (PowerPC64)";
    default: return "";
    }
}

/* The ELF header checks that need no libelf: magic, class, byte order. */
static bool loader_check_ident(const char *filename, const uint8_t *buf, size_t len,
                               unsigned elf_class, Error **errp)
{
    if (len < SELFMAG || memcmp(buf, ELFMAG, SELFMAG) != 0) {
        error_setg(errp, "'%s': not an ELF file", filename);
        return false;
    }
    if (len < EI_NIDENT) {
        error_setg(errp, "'%s': truncated ELF file (%zu bytes)", filename, len);
        return false;
    }
    unsigned cls = buf[EI_CLASS];
    if (cls != ELFCLASS32 && cls != ELFCLASS64) {
        error_setg(errp, "'%s': invalid ELF class %u", filename, cls);
        return false;
    }
    size_t ehdr_size = cls == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    if (len < ehdr_size) {
        error_setg(errp, "'%s': truncated ELF file (%zu bytes, header incomplete)",
                   filename, len);
        return false;
    }
    if (buf[EI_DATA] != ELFDATA2LSB) {
        error_setg(errp, "'%s': not a little-endian ELF file, as RISC-V needs", filename);
        return false;
    }
    unsigned file_bits = cls == ELFCLASS64 ? 64 : 32;
    if (file_bits != elf_class) {
        error_setg(errp, "'%s': %u-bit ELF file, but the harts are %u-bit", filename,
                   file_bits, elf_class);
        return false;
    }
    return true;
}

/* Check the program headers and collect the loadable segments. */
static bool loader_collect_segments(const char *filename, Elf *e, const GElf_Ehdr *ehdr,
                                    const uint8_t *buf, size_t len, AddressSpace *as,
                                    LoadSegment **segsp, size_t *nsegp, Error **errp)
{
    size_t phnum;
    if (elf_getphdrnum(e, &phnum) != 0) {
        error_setg(errp, "'%s': corrupt program header table (%s)", filename,
                   elf_errmsg(-1));
        return false;
    }
    uint64_t phsize = (uint64_t)phnum * ehdr->e_phentsize;
    if (phnum && (ehdr->e_phoff > len || phsize > len - ehdr->e_phoff)) {
        error_setg(errp, "'%s': truncated ELF file (program headers end beyond its %zu bytes)",
                   filename, len);
        return false;
    }
    LoadSegment *segs = calloc(phnum ? phnum : 1, sizeof(*segs));
    if (!segs) {
        error_setg(errp, "'%s': out of memory", filename);
        return false;
    }
    size_t nseg = 0;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            error_setg(errp, "'%s': corrupt program header %zu (%s)", filename, i,
                       elf_errmsg(-1));
            goto fail;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) {
            continue;
        }
        if (ph.p_filesz > ph.p_memsz) {
            error_setg(errp, "'%s': segment %zu has more file bytes (0x%llx) than "
                       "memory bytes (0x%llx)", filename, i,
                       (unsigned long long)ph.p_filesz, (unsigned long long)ph.p_memsz);
            goto fail;
        }
        if (ph.p_offset > len || ph.p_filesz > len - ph.p_offset) {
            error_setg(errp, "'%s': truncated ELF file (segment %zu needs bytes "
                       "0x%llx-0x%llx, the file has 0x%zx)", filename, i,
                       (unsigned long long)ph.p_offset,
                       (unsigned long long)(ph.p_offset + ph.p_filesz), len);
            goto fail;
        }
        if (ph.p_paddr + (ph.p_memsz - 1) < ph.p_paddr) {
            error_setg(errp, "'%s': segment %zu wraps around the address space", filename, i);
            goto fail;
        }
        if (!loader_range_is_memory(as, ph.p_paddr, ph.p_memsz)) {
            error_setg(errp, "'%s': segment %zu (0x%llx-0x%llx) is not inside RAM or ROM",
                       filename, i, (unsigned long long)ph.p_paddr,
                       (unsigned long long)(ph.p_paddr + ph.p_memsz - 1));
            goto fail;
        }
        segs[nseg++] = (LoadSegment){
            .paddr = ph.p_paddr,
            .filesz = ph.p_filesz,
            .memsz = ph.p_memsz,
            .data = buf + ph.p_offset,
        };
    }
    if (nseg == 0) {
        error_setg(errp, "'%s': no loadable segment", filename);
        goto fail;
    }
    *segsp = segs;
    *nsegp = nseg;
    return true;

fail:
    free(segs);
    return false;
}

LoaderElf *loader_load_elf(const char *filename, AddressSpace *as, unsigned elf_class,
                           Error **errp)
{
    uint8_t *buf;
    size_t len;
    if (!loader_read_file(filename, &buf, &len, errp)) {
        return NULL;
    }
    if (!loader_check_ident(filename, buf, len, elf_class, errp)) {
        free(buf);
        return NULL;
    }

    elf_version(EV_CURRENT);
    LoaderElf *le = NULL;
    LoadSegment *segs = NULL;
    size_t nseg = 0;
    Elf *e = elf_memory((char *)buf, len);
    GElf_Ehdr ehdr;
    if (!e || elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &ehdr)) {
        error_setg(errp, "'%s': corrupt ELF header (%s)", filename, elf_errmsg(-1));
        goto out;
    }
    if (ehdr.e_machine != EM_RISCV) {
        error_setg(errp, "'%s': ELF file for machine %u%s, not RISC-V", filename,
                   (unsigned)ehdr.e_machine, loader_machine_name(ehdr.e_machine));
        goto out;
    }
    if (ehdr.e_type != ET_EXEC) {
        error_setg(errp, "'%s': not an executable ELF file (type %u)", filename,
                   (unsigned)ehdr.e_type);
        goto out;
    }
    if (!loader_collect_segments(filename, e, &ehdr, buf, len, as, &segs, &nseg, errp)) {
        goto out;
    }

    le = calloc(1, sizeof(*le));
    if (!le) {
        error_setg(errp, "'%s': out of memory", filename);
        goto out;
    }
    le->entry = ehdr.e_entry;
    le->low = UINT64_MAX;
    for (size_t i = 0; i < nseg; i++) {
        const LoadSegment *s = &segs[i];
        if (!loader_write(as, s->paddr, s->data, s->filesz) ||
            !loader_zero(as, s->paddr + s->filesz, s->memsz - s->filesz)) {
            error_setg(errp, "'%s': cannot write segment at 0x%llx", filename,
                       (unsigned long long)s->paddr);
            loader_elf_free(le);
            le = NULL;
            goto out;
        }
        if (s->paddr < le->low) {
            le->low = s->paddr;
        }
        /* memsz - 1 cannot wrap (checked); a segment ending at 2^64 saturates. */
        uint64_t end = s->paddr + s->memsz;
        if (end == 0) {
            end = UINT64_MAX;
        }
        if (end > le->high) {
            le->high = end;
        }
    }
    if (!loader_read_symbols(e, le)) {
        loader_drop_symbols(le);
        warn_report("'%s': unreadable symbol table, symbols ignored", filename);
    }

out:
    free(segs);
    if (e) {
        elf_end(e);
    }
    free(buf);
    return le;
}

void loader_elf_free(LoaderElf *elf)
{
    if (elf) {
        loader_drop_symbols(elf);
        free(elf);
    }
}

uint64_t loader_elf_entry(const LoaderElf *elf)
{
    return elf->entry;
}

uint64_t loader_elf_low_addr(const LoaderElf *elf)
{
    return elf->low;
}

uint64_t loader_elf_high_addr(const LoaderElf *elf)
{
    return elf->high;
}

const LoaderSymbol *loader_elf_find_symbol(const LoaderElf *elf, const char *name)
{
    const LoaderSymbol *found = NULL;
    for (unsigned i = 0; i < elf->nsyms; i++) {
        const LoaderSymbol *s = &elf->syms[i];
        if (strcmp(s->name, name) != 0) {
            continue;
        }
        if (s->bind == STB_GLOBAL) {
            return s;
        }
        if (!found) {
            found = s;
        }
    }
    return found;
}

/* How far back symbol_at looks for a symbol whose extent covers addr. */
#define LOADER_SYMBOL_LOOKBACK 64

const LoaderSymbol *loader_elf_symbol_at(const LoaderElf *elf, uint64_t addr)
{
    /* The last symbol with value <= addr. */
    unsigned lo = 0;
    unsigned hi = elf->nsyms;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (elf->syms[mid].value <= addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return NULL;
    }
    unsigned last = lo - 1;
    for (unsigned i = last + 1, n = 0; i-- > 0 && n < LOADER_SYMBOL_LOOKBACK; n++) {
        const LoaderSymbol *s = &elf->syms[i];
        if ((s->type == STT_FUNC || s->type == STT_OBJECT) && addr - s->value < s->size) {
            return s;
        }
    }
    return &elf->syms[last];
}

unsigned loader_elf_symbol_count(const LoaderElf *elf)
{
    return elf->nsyms;
}

const LoaderSymbol *loader_elf_symbol(const LoaderElf *elf, unsigned index)
{
    return index < elf->nsyms ? &elf->syms[index] : NULL;
}

int64_t loader_load_raw(const char *filename, AddressSpace *as, uint64_t addr,
                        uint64_t max_size, Error **errp)
{
    uint8_t *buf;
    size_t len;
    if (!loader_read_file(filename, &buf, &len, errp)) {
        return -1;
    }
    if (max_size && len > max_size) {
        error_setg(errp, "'%s': image too large (%zu bytes, at most %llu fit)", filename,
                   len, (unsigned long long)max_size);
        free(buf);
        return -1;
    }
    if (!loader_range_is_memory(as, addr, len)) {
        error_setg(errp, "'%s': image of %zu bytes at 0x%llx is not inside RAM or ROM",
                   filename, len, (unsigned long long)addr);
        free(buf);
        return -1;
    }
    if (!loader_write(as, addr, buf, len)) {
        error_setg(errp, "'%s': cannot write image at 0x%llx", filename,
                   (unsigned long long)addr);
        free(buf);
        return -1;
    }
    free(buf);
    return (int64_t)len;
}

bool loader_is_elf(const char *filename)
{
    int fd = open(filename, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    unsigned char magic[SELFMAG];
    ssize_t n = read(fd, magic, sizeof(magic));
    close(fd);
    return n == (ssize_t)sizeof(magic) && memcmp(magic, ELFMAG, SELFMAG) == 0;
}
