/*
 * test-mtree.c: the `info mtree` printer (memory/mtree.c).  The main tree
 * is a subset of QEMU 7.2's riscv64 `virt` board built with the same names,
 * kinds and addresses, and the expected text is what
 * `qemu-system-riscv64 -M virt -monitor stdio` prints for those regions
 * under `info mtree` and `info mtree -f`, line for line.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/memory.h"

static MemoryRegion *new_region(void)
{
    return calloc(1, sizeof(MemoryRegion));
}

static MemoryRegion *container(const char *name, uint64_t size)
{
    MemoryRegion *mr = new_region();
    memory_region_init(mr, NULL, name, size);
    return mr;
}

static MemoryRegion *io(const char *name, uint64_t size)
{
    MemoryRegion *mr = new_region();
    memory_region_init_io(mr, NULL, NULL, NULL, name, size);
    return mr;
}

static MemoryRegion *alias(const char *name, MemoryRegion *orig, hwaddr offset, uint64_t size)
{
    MemoryRegion *mr = new_region();
    memory_region_init_alias(mr, NULL, name, orig, offset, size);
    return mr;
}

static char *capture(bool flat, bool disabled)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    cr_assert_not_null(f);
    mtree_print_full(f, flat, disabled);
    fclose(f);
    return text;
}

static AddressSpace as_memory, as_cpu, as_gpex;

static void build_virt_subset(void)
{
    MemoryRegion *sys = container("system", UINT64_MAX);
    MemoryRegion *ram = new_region(), *mrom = new_region();
    cr_assert(memory_region_init_ram(ram, NULL, "riscv_virt_board.ram", 0x8000000, NULL));
    cr_assert(memory_region_init_rom(mrom, NULL, "riscv_virt_board.mrom", 0xf000, NULL));

    MemoryRegion *mmcfg = io("pcie-mmcfg-mmio", 0x10000000);
    MemoryRegion *mmio_window = io("gpex_mmio_window", UINT64_MAX);
    memory_region_add_subregion(mmio_window, 0, container("gpex_mmio", UINT64_MAX));
    MemoryRegion *ioport_window = io("gpex_ioport_window", 0x10000);
    memory_region_add_subregion(ioport_window, 0, container("gpex_ioport", 0x10000));

    /* Out of address order on purpose: the printer sorts. */
    memory_region_add_subregion(sys, 0x80000000, ram);
    memory_region_add_subregion(sys, 0x10000000, io("serial", 8));
    memory_region_add_subregion(sys, 0x1000, mrom);
    memory_region_add_subregion(sys, 0x100000, io("riscv.sifive.test", 0x1000));
    memory_region_add_subregion(sys, 0x3000000, ioport_window);
    memory_region_add_subregion(sys, 0x30000000, alias("pcie-ecam", mmcfg, 0, 0x10000000));
    memory_region_add_subregion(sys, 0x40000000,
                                alias("pcie-mmio", mmio_window, 0x40000000, 0x40000000));
    memory_region_add_subregion(sys, 0x400000000,
                                alias("pcie-mmio-high", mmio_window, 0x400000000,
                                      0x400000000));

    MemoryRegion *bm = container("bus master container", UINT64_MAX);
    MemoryRegion *bm_alias = alias("bus master", sys, 0, UINT64_MAX);
    memory_region_set_enabled(bm_alias, false);
    memory_region_add_subregion(bm, 0, bm_alias);

    address_space_init(&as_memory, sys, "memory");
    address_space_init(&as_cpu, sys, "cpu-memory-0");
    address_space_init(&as_gpex, bm, "gpex-root");
}

#define SYSTEM_TREE                                                                             \
    "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"                              \
    "    0000000000001000-000000000000ffff (prio 0, rom): riscv_virt_board.mrom\n"             \
    "    0000000000100000-0000000000100fff (prio 0, i/o): riscv.sifive.test\n"                 \
    "    0000000003000000-000000000300ffff (prio 0, i/o): gpex_ioport_window\n"                \
    "      0000000003000000-000000000300ffff (prio 0, i/o): gpex_ioport\n"                     \
    "    0000000010000000-0000000010000007 (prio 0, i/o): serial\n"                            \
    "    0000000030000000-000000003fffffff (prio 0, i/o): alias pcie-ecam @pcie-mmcfg-mmio "   \
    "0000000000000000-000000000fffffff\n"                                                       \
    "    0000000040000000-000000007fffffff (prio 0, i/o): alias pcie-mmio @gpex_mmio_window "  \
    "0000000040000000-000000007fffffff\n"                                                       \
    "    0000000080000000-0000000087ffffff (prio 0, ram): riscv_virt_board.ram\n"              \
    "    0000000400000000-00000007ffffffff (prio 0, i/o): alias pcie-mmio-high "               \
    "@gpex_mmio_window 0000000400000000-00000007ffffffff\n"

Test(mtree, tree_mode_prints_qemu_info_mtree_layout, .init = build_virt_subset)
{
    char *text = capture(false, false);
    cr_expect_str_eq(text,
                     "address-space: cpu-memory-0\n"
                     "address-space: memory\n"
                     SYSTEM_TREE
                     "\n"
                     "address-space: gpex-root\n"
                     "  0000000000000000-ffffffffffffffff (prio 0, i/o): bus master container\n"
                     "\n"
                     "memory-region: pcie-mmcfg-mmio\n"
                     "  0000000000000000-000000000fffffff (prio 0, i/o): pcie-mmcfg-mmio\n"
                     "\n"
                     "memory-region: gpex_mmio_window\n"
                     "  0000000000000000-ffffffffffffffff (prio 0, i/o): gpex_mmio_window\n"
                     "    0000000000000000-ffffffffffffffff (prio 0, i/o): gpex_mmio\n"
                     "\n"
                     "memory-region: system\n"
                     SYSTEM_TREE
                     "\n");
    free(text);
}

Test(mtree, flat_mode_prints_qemu_info_mtree_f_layout, .init = build_virt_subset)
{
    char *text = capture(true, false);
    cr_expect_str_eq(text,
                     "FlatView #0\n"
                     " AS \"memory\", root: system\n"
                     " AS \"cpu-memory-0\", root: system\n"
                     " Root memory region: system\n"
                     "  0000000000001000-000000000000ffff (prio 0, rom): riscv_virt_board.mrom\n"
                     "  0000000000100000-0000000000100fff (prio 0, i/o): riscv.sifive.test\n"
                     "  0000000003000000-000000000300ffff (prio 0, i/o): gpex_ioport_window\n"
                     "  0000000010000000-0000000010000007 (prio 0, i/o): serial\n"
                     "  0000000030000000-000000003fffffff (prio 0, i/o): pcie-mmcfg-mmio\n"
                     "  0000000040000000-000000007fffffff (prio 0, i/o): gpex_mmio_window "
                     "@0000000040000000\n"
                     "  0000000080000000-0000000087ffffff (prio 0, ram): riscv_virt_board.ram\n"
                     "  0000000400000000-00000007ffffffff (prio 0, i/o): gpex_mmio_window "
                     "@0000000400000000\n"
                     "\n"
                     "FlatView #1\n"
                     " AS \"gpex-root\", root: bus master container\n"
                     " Root memory region: (none)\n"
                     "  No rendered FlatView\n"
                     "\n");
    free(text);
}

Test(mtree, disabled_regions_show_only_when_asked, .init = build_virt_subset)
{
    char *text = capture(false, true);
    cr_expect(strstr(text,
                     "address-space: gpex-root\n"
                     "  0000000000000000-ffffffffffffffff (prio 0, i/o): bus master container\n"
                     "    0000000000000000-ffffffffffffffff (prio 0, i/o): alias bus master "
                     "@system 0000000000000000-ffffffffffffffff [disabled]\n"
                     "\n") != NULL,
              "%s", text);
    free(text);
}

Test(mtree, priorities_readonly_ranges_and_offsets_in_a_small_tree)
{
    MemoryRegion *root = container("root", 0x10000);
    MemoryRegion *ram = io("ram", 0x8000);
    MemoryRegion *win = io("window", 0x1000);
    MemoryRegion *flash = io("flash", 0x1000);
    memory_region_add_subregion(root, 0, ram);
    memory_region_add_subregion_overlap(root, 0x2000, win, 2);
    memory_region_add_subregion_overlap(root, 0x2000, io("hidden", 0x100), -1);
    memory_region_add_subregion(root, 0x9000, flash);
    memory_region_set_readonly(flash, true);
    static AddressSpace as;
    address_space_init(&as, root, "small");

    char *text = capture(false, false);
    cr_expect_str_eq(text,
                     "address-space: small\n"
                     "  0000000000000000-000000000000ffff (prio 0, i/o): root\n"
                     "    0000000000000000-0000000000007fff (prio 0, i/o): ram\n"
                     "    0000000000002000-0000000000002fff (prio 2, i/o): window\n"
                     "    0000000000002000-00000000000020ff (prio -1, i/o): hidden\n"
                     "    0000000000009000-0000000000009fff (prio 0, i/o): flash\n"
                     "\n");
    free(text);
    text = capture(true, false);
    cr_expect_str_eq(text,
                     "FlatView #0\n"
                     " AS \"small\", root: root\n"
                     " Root memory region: root\n"
                     "  0000000000000000-0000000000001fff (prio 0, i/o): ram\n"
                     "  0000000000002000-0000000000002fff (prio 2, i/o): window\n"
                     "  0000000000003000-0000000000007fff (prio 0, i/o): ram @0000000000003000\n"
                     "  0000000000009000-0000000000009fff (prio 0, rom): flash\n"
                     "\n");
    free(text);
}

Test(mtree, an_address_space_over_an_alias_names_the_target)
{
    MemoryRegion *mem = container("mem", 0x10000);
    memory_region_add_subregion(mem, 0x100, io("dev", 0x10));
    MemoryRegion *view = alias("mem-view", mem, 0, 0x10000);
    static AddressSpace as;
    address_space_init(&as, view, "dma");
    char *text = capture(true, false);
    cr_expect_str_eq(text,
                     "FlatView #0\n"
                     " AS \"dma\", root: mem-view, alias mem\n"
                     " Root memory region: mem\n"
                     "  0000000000000100-000000000000010f (prio 0, i/o): dev\n"
                     "\n");
    free(text);
}
