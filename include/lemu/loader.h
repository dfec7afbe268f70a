/*
 * loader.h: loading guest images into guest memory (softmmu/loader.c).
 *
 * ELF files (read with libelf): every PT_LOAD segment is written at its
 * physical address through the memory API (address_space_write_rom, so ROM
 * is filled too), the bytes between p_filesz and p_memsz zero-filled; the
 * entry point and the symbol table are kept for the board (HTIF's tohost and
 * fromhost) and for tracing.  Raw binaries are copied at a given address.
 *
 * Nothing a file contains can crash the loader: a missing, truncated,
 * non-ELF, non-RISC-V or wrong-class file, or a segment that does not fall
 * entirely in RAM or ROM, is an Error whose message names the file and the
 * problem, and nothing is written to guest memory in that case.
 */
#ifndef LEMU_LOADER_H
#define LEMU_LOADER_H

#include <stdbool.h>
#include <stdint.h>

#include "lemu/error.h"
#include "lemu/memory.h"

typedef struct LoaderElf LoaderElf;

typedef struct LoaderSymbol {
    const char *name;
    uint64_t value;
    uint64_t size;
    unsigned char type;     /* STT_FUNC, STT_OBJECT, STT_NOTYPE, ... */
    unsigned char bind;     /* STB_LOCAL, STB_GLOBAL, STB_WEAK */
} LoaderSymbol;

/*
 * Load the ELF file `filename` into `as`.  elf_class is 32 or 64: the
 * harts' XLEN, which the file's class must match.  Returns the loaded image
 * (entry, address range, symbols), to free with loader_elf_free(), or NULL
 * and errp set.
 */
LoaderElf *loader_load_elf(const char *filename, AddressSpace *as, unsigned elf_class,
                           Error **errp);
void loader_elf_free(LoaderElf *elf);

uint64_t loader_elf_entry(const LoaderElf *elf);
/* Lowest and one-past-highest physical address of the PT_LOAD segments. */
uint64_t loader_elf_low_addr(const LoaderElf *elf);
uint64_t loader_elf_high_addr(const LoaderElf *elf);

/*
 * Look up a symbol by name (the global one if several share the name,
 * otherwise the first in the file).  NULL if absent.
 */
const LoaderSymbol *loader_elf_find_symbol(const LoaderElf *elf, const char *name);
/*
 * The function or object symbol whose [value, value + size) holds addr, or
 * failing that the closest symbol at or below addr; NULL if none (for
 * tracing: "func+0x10").
 */
const LoaderSymbol *loader_elf_symbol_at(const LoaderElf *elf, uint64_t addr);
/* Symbols sorted by address (then name), index 0 .. count-1. */
unsigned loader_elf_symbol_count(const LoaderElf *elf);
const LoaderSymbol *loader_elf_symbol(const LoaderElf *elf, unsigned index);

/*
 * Copy the raw file `filename` to guest address addr.  The whole range must
 * be RAM or ROM and at most max_size bytes (0: no limit).  Returns the
 * number of bytes loaded, or -1 with errp set.
 */
int64_t loader_load_raw(const char *filename, AddressSpace *as, uint64_t addr,
                        uint64_t max_size, Error **errp);

/* Is the file an ELF image (starts with the ELF magic)?  false if unreadable. */
bool loader_is_elf(const char *filename);

#endif
