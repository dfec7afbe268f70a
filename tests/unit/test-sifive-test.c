/*
 * test-sifive-test.c: the SiFive test finisher (hw/sifive-test.c) driven
 * through an address space as a guest would: pass, fail with a code, reset,
 * ignored values and offsets, refused access sizes, and its device-tree
 * nodes.
 */
#include <criterion/criterion.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/machine.h"
#include "lemu/memory.h"
#include "lemu/sifive-test.h"

#define BASE SIFIVE_TEST_VIRT_BASE
#define ATTRS MEMTXATTRS_UNSPECIFIED

static MemoryRegion root;
static AddressSpace as;
static SiFiveTestState *finisher;

static void setup(void)
{
    machine_shutdown_clear();
    memory_region_init(&root, NULL, "root", UINT64_MAX);
    address_space_init(&as, &root, "test-finisher");
    finisher = sifive_test_create(&root, BASE);
}

static void teardown(void)
{
    machine_shutdown_clear();
}

static void wr32(hwaddr off, uint32_t v)
{
    MemTxResult r;
    address_space_stl_le(&as, BASE + off, v, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "32-bit write at 0x%llx", (unsigned long long)off);
}

TestSuite(sifive_test, .init = setup, .fini = teardown);

Test(sifive_test, pass_requests_shutdown_with_status_0)
{
    wr32(0, SIFIVE_TEST_PASS);
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 0);
}

Test(sifive_test, fail_requests_shutdown_with_the_code_in_the_high_half)
{
    wr32(0, SIFIVE_TEST_FAIL | (42u << 16));
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 42);
}

Test(sifive_test, fail_code_keeps_all_16_bits)
{
    wr32(0, SIFIVE_TEST_FAIL | (0x1234u << 16));
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 0x1234);
}

Test(sifive_test, sixteen_bit_pass_write_works)
{
    MemTxResult r;
    address_space_stw_le(&as, BASE, SIFIVE_TEST_PASS, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 0);
}

Test(sifive_test, reset_without_handler_stops_with_the_documented_status)
{
    wr32(0, SIFIVE_TEST_RESET);
    int status = -1;
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, SIFIVE_TEST_RESET_STATUS);
}

static int resets;

static void count_reset(void *opaque)
{
    cr_assert_eq(opaque, &resets);
    resets++;
}

Test(sifive_test, reset_calls_the_handler_instead_of_stopping)
{
    sifive_test_set_reset_handler(finisher, count_reset, &resets);
    wr32(0, SIFIVE_TEST_RESET);
    cr_assert_eq(resets, 1);
    cr_assert_not(machine_shutdown_requested(NULL));
}

Test(sifive_test, other_values_and_offsets_are_ignored)
{
    wr32(0, 0x1234);
    wr32(0, 0);
    wr32(4, SIFIVE_TEST_PASS);
    wr32(0xffc, SIFIVE_TEST_FAIL | (1u << 16));
    cr_assert_not(machine_shutdown_requested(NULL));
}

Test(sifive_test, reads_return_zero)
{
    MemTxResult r;
    cr_assert_eq(address_space_ldl_le(&as, BASE, ATTRS, &r), 0);
    cr_assert_eq(r, MEMTX_OK);
    cr_assert_eq(address_space_ldl_le(&as, BASE + 0x10, ATTRS, &r), 0);
    cr_assert_eq(r, MEMTX_OK);
}

Test(sifive_test, byte_and_doubleword_accesses_are_refused)
{
    MemTxResult r;
    address_space_stb(&as, BASE, 0x55, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
    address_space_stq_le(&as, BASE, SIFIVE_TEST_PASS, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
    cr_assert_not(machine_shutdown_requested(NULL));
}

Test(sifive_test, region_is_one_page)
{
    cr_assert_eq(memory_region_size(sifive_test_mmio(finisher)), SIFIVE_TEST_SIZE);
    MemTxResult r;
    address_space_ldl_le(&as, BASE + SIFIVE_TEST_SIZE, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK, "nothing is mapped past the finisher");
}

static const void *prop(const void *fdt, const char *path, const char *name, int *len)
{
    int node = fdt_path_offset(fdt, path);
    cr_assert_geq(node, 0, "node %s", path);
    const void *p = fdt_getprop(fdt, node, name, len);
    cr_assert_not_null(p, "%s:%s", path, name);
    return p;
}

static uint32_t prop_u32(const void *fdt, const char *path, const char *name)
{
    int len;
    const fdt32_t *p = prop(fdt, path, name, &len);
    cr_assert_eq(len, 4, "%s:%s is one cell", path, name);
    return fdt32_to_cpu(*p);
}

Test(sifive_test, fdt_nodes_describe_finisher_poweroff_and_reboot)
{
    size_t size = 4096;
    void *fdt = malloc(size);
    cr_assert_eq(fdt_create_empty_tree(fdt, (int)size), 0);
    int soc = fdt_add_subnode(fdt, 0, "soc");
    cr_assert_geq(soc, 0);
    int node = sifive_test_fdt_populate(finisher, fdt, soc, 7, NULL);
    cr_assert_geq(node, 0);
    char path[64];
    cr_assert_eq(fdt_get_path(fdt, node, path, sizeof(path)), 0);
    cr_assert_str_eq(path, "/soc/test@100000");

    int len;
    const char *compat = prop(fdt, "/soc/test@100000", "compatible", &len);
    static const char want[] = "sifive,test1\0sifive,test0\0syscon";
    cr_assert_eq(len, (int)sizeof(want));
    cr_assert_eq(memcmp(compat, want, sizeof(want)), 0);
    const fdt64_t *reg = prop(fdt, "/soc/test@100000", "reg", &len);
    cr_assert_eq(len, 16);
    cr_assert_eq(fdt64_ld(&reg[0]), BASE);
    cr_assert_eq(fdt64_ld(&reg[1]), SIFIVE_TEST_SIZE);
    cr_assert_eq(prop_u32(fdt, "/soc/test@100000", "phandle"), 7);

    cr_assert_str_eq(prop(fdt, "/poweroff", "compatible", &len), "syscon-poweroff");
    cr_assert_eq(prop_u32(fdt, "/poweroff", "regmap"), 7);
    cr_assert_eq(prop_u32(fdt, "/poweroff", "offset"), 0);
    cr_assert_eq(prop_u32(fdt, "/poweroff", "value"), SIFIVE_TEST_PASS);
    cr_assert_str_eq(prop(fdt, "/reboot", "compatible", &len), "syscon-reboot");
    cr_assert_eq(prop_u32(fdt, "/reboot", "regmap"), 7);
    cr_assert_eq(prop_u32(fdt, "/reboot", "offset"), 0);
    cr_assert_eq(prop_u32(fdt, "/reboot", "value"), SIFIVE_TEST_RESET);
    free(fdt);
}

Test(sifive_test, fdt_too_small_is_an_error_not_a_crash)
{
    size_t size = 128;
    void *fdt = malloc(size);
    cr_assert_eq(fdt_create_empty_tree(fdt, (int)size), 0);
    Error *err = NULL;
    cr_assert_eq(sifive_test_fdt_populate(finisher, fdt, 0, 7, &err), -1);
    cr_assert_not_null(err);
    cr_assert_not_null(strstr(error_get_pretty(err), "device tree"));
    error_free(err);
    free(fdt);
}
