/*
 * test-access.c: accesses through the memory API (memory/access.c):
 * access-size adaptation to what a device implements (splitting wide
 * accesses, widening narrow ones), byte order, the device's valid checks,
 * misaligned accesses, accesses split across RAM and I/O, ROM, holes, the
 * code-write hook on RAM writes, and ioeventfds answering instead of the
 * device.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/log.h"
#include "lemu/memory.h"

#define ATTRS MEMTXATTRS_UNSPECIFIED
#define PAGE TARGET_PAGE_SIZE

/*
 * A device with 64 bytes of registers.  A read of n bytes at a returns the
 * bytes at [a, a + n) as a number in the device's byte order (so a
 * big-endian device holding 11 22 33 44 reads as 0x11223344); a write
 * stores the same way.  Every call is logged.
 */
typedef struct Call {
    bool write;
    hwaddr addr;
    unsigned size;
    uint64_t value;
} Call;

typedef struct TestDev {
    MemoryRegion mr;
    MemoryRegionOps ops;
    uint8_t regs[64];
    Call calls[32];
    unsigned ncalls;
    MemTxResult result;   /* what every callback returns */
} TestDev;

static bool dev_big(const TestDev *d)
{
    return d->ops.endianness == DEVICE_BIG_ENDIAN;
}

static MemTxResult dev_read(void *opaque, hwaddr addr, uint64_t *data, unsigned size,
                            MemTxAttrs attrs)
{
    TestDev *d = opaque;
    uint64_t v = 0;
    cr_assert_leq(addr + size, sizeof(d->regs), "device read beyond its registers");
    for (unsigned i = 0; i < size; i++) {
        unsigned b = dev_big(d) ? i : size - 1 - i;
        v = (v << 8) | d->regs[addr + b];
    }
    cr_assert_lt(d->ncalls, 32);
    d->calls[d->ncalls++] = (Call){ false, addr, size, v };
    *data = v;
    return d->result;
}

static MemTxResult dev_write(void *opaque, hwaddr addr, uint64_t data, unsigned size,
                             MemTxAttrs attrs)
{
    TestDev *d = opaque;
    cr_assert_leq(addr + size, sizeof(d->regs), "device write beyond its registers");
    cr_assert_lt(d->ncalls, 32);
    d->calls[d->ncalls++] = (Call){ true, addr, size, data };
    uint64_t v = data;
    for (unsigned i = 0; i < size; i++) {
        unsigned b = dev_big(d) ? size - 1 - i : i;
        d->regs[addr + b] = (uint8_t)v;
        v >>= 8;
    }
    return d->result;
}

static TestDev *new_dev(const char *name, enum device_endian endian, unsigned vmin,
                        unsigned vmax, bool vunaligned, unsigned imin, unsigned imax)
{
    TestDev *d = calloc(1, sizeof(*d));
    d->ops = (MemoryRegionOps){
        .read_with_attrs = dev_read,
        .write_with_attrs = dev_write,
        .endianness = endian,
        .valid = { .min_access_size = vmin, .max_access_size = vmax, .unaligned = vunaligned },
        .impl = { .min_access_size = imin, .max_access_size = imax },
    };
    for (unsigned i = 0; i < sizeof(d->regs); i++) {
        d->regs[i] = (uint8_t)(0x10 + i);
    }
    memory_region_init_io(&d->mr, NULL, &d->ops, d, name, sizeof(d->regs));
    return d;
}

static void expect_call(const TestDev *d, unsigned i, bool write, hwaddr addr, unsigned size,
                        uint64_t value)
{
    cr_assert_lt(i, d->ncalls, "call %u missing (%u calls)", i, d->ncalls);
    const Call *c = &d->calls[i];
    cr_expect(c->write == write && c->addr == addr && c->size == size && c->value == value,
              "call %u: %s 0x%lx/%u = 0x%lx; expected %s 0x%lx/%u = 0x%lx", i,
              c->write ? "write" : "read", (unsigned long)c->addr, c->size,
              (unsigned long)c->value, write ? "write" : "read", (unsigned long)addr, size,
              (unsigned long)value);
}

static MemoryRegion root;
static AddressSpace as;

static void setup_space(void)
{
    memory_region_init(&root, NULL, "system", UINT64_MAX);
    address_space_init(&as, &root, "memory");
}

static MemoryRegion *map_ram(hwaddr addr, uint64_t size)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    cr_assert(memory_region_init_ram(mr, NULL, "ram", size, NULL));
    memory_region_add_subregion(&root, addr, mr);
    return mr;
}

/* Capture -d guest_errors output. */
static char logbuf[4096];
static void capture_log(void)
{
    lemu_loglevel = LOG_GUEST_ERROR;
    lemu_logfile = fmemopen(logbuf, sizeof(logbuf), "w");
    cr_assert_not_null(lemu_logfile);
    setvbuf(lemu_logfile, NULL, _IONBF, 0);
}

/* ---- access-size adaptation ----------------------------------------- */

Test(access, wide_access_to_narrow_device_is_split_little_endian, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 8, false, 1, 4);
    memory_region_add_subregion(&root, 0x1000, &d->mr);
    uint64_t v = 0;
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 8, &v, MO_LEUQ, ATTRS), MEMTX_OK);
    cr_expect_eq(v, 0x1f1e1d1c1b1a1918ull, "0x%lx", (unsigned long)v);
    cr_expect_eq(d->ncalls, 2);
    expect_call(d, 0, false, 8, 4, 0x1b1a1918);
    expect_call(d, 1, false, 12, 4, 0x1f1e1d1c);

    d->ncalls = 0;
    cr_expect_eq(memory_region_dispatch_write(&d->mr, 0, 0x8877665544332211ull, MO_LEUQ, ATTRS),
                 MEMTX_OK);
    expect_call(d, 0, true, 0, 4, 0x44332211);
    expect_call(d, 1, true, 4, 4, 0x88776655);
}

Test(access, wide_access_to_narrow_big_endian_device_combines_in_its_order,
     .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_BIG_ENDIAN, 1, 8, false, 1, 4);
    uint64_t v = 0;
    /* Read big-endian: the lower address holds the more significant half. */
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0, &v, MO_BEUQ, ATTRS), MEMTX_OK);
    cr_expect_eq(v, 0x1011121314151617ull, "0x%lx", (unsigned long)v);
    expect_call(d, 0, false, 0, 4, 0x10111213);
    expect_call(d, 1, false, 4, 4, 0x14151617);

    d->ncalls = 0;
    memory_region_dispatch_write(&d->mr, 8, 0xa1a2a3a4b1b2b3b4ull, MO_BEUQ, ATTRS);
    expect_call(d, 0, true, 8, 4, 0xa1a2a3a4);
    expect_call(d, 1, true, 12, 4, 0xb1b2b3b4);
}

Test(access, narrow_read_of_a_wide_only_device_reads_the_aligned_word, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, false, 4, 4);
    uint64_t v = 0;
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0x13, &v, MO_8, ATTRS), MEMTX_OK);
    cr_expect_eq(v, 0x23);
    cr_expect_eq(d->ncalls, 1);
    expect_call(d, 0, false, 0x10, 4, 0x23222120);

    d->ncalls = 0;
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0x12, &v, MO_LEUW, ATTRS), MEMTX_OK);
    cr_expect_eq(v, 0x2322);
}

Test(access, narrow_write_to_a_wide_only_device_is_read_modify_write, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, false, 4, 4);
    cr_expect_eq(memory_region_dispatch_write(&d->mr, 0x11, 0xab, MO_8, ATTRS), MEMTX_OK);
    cr_expect_eq(d->ncalls, 2);
    expect_call(d, 0, false, 0x10, 4, 0x23222120);
    expect_call(d, 1, true, 0x10, 4, 0x2322ab20);
    cr_expect_eq(d->regs[0x11], 0xab);
    cr_expect_eq(d->regs[0x10], 0x20);
}

Test(access, narrow_access_to_big_endian_wide_only_device_picks_the_right_byte,
     .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_BIG_ENDIAN, 1, 4, false, 4, 4);
    uint64_t v = 0;
    memory_region_dispatch_read(&d->mr, 0x11, &v, MO_8, ATTRS);
    cr_expect_eq(v, 0x21, "byte 1 of a big-endian word is its second most significant");
    expect_call(d, 0, false, 0x10, 4, 0x20212223);
    d->ncalls = 0;
    memory_region_dispatch_write(&d->mr, 0x13, 0xcd, MO_8, ATTRS);
    expect_call(d, 1, true, 0x10, 4, 0x202122cd);
}

Test(access, write_only_device_gets_zeros_around_a_narrow_write, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, false, 4, 4);
    d->ops.read_with_attrs = NULL;
    cr_expect_eq(memory_region_dispatch_write(&d->mr, 0x2, 0x7f, MO_8, ATTRS), MEMTX_OK);
    cr_expect_eq(d->ncalls, 1);
    expect_call(d, 0, true, 0, 4, 0x007f0000);
}

/* ---- byte order ------------------------------------------------------- */

Test(access, big_endian_device_is_swapped_for_little_endian_accesses, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_BIG_ENDIAN, 1, 8, false, 1, 8);
    memory_region_add_subregion(&root, 0x1000, &d->mr);
    uint64_t v = 0;
    memory_region_dispatch_read(&d->mr, 4, &v, MO_LEUL, ATTRS);
    cr_expect_eq(v, 0x17161514, "0x%lx", (unsigned long)v);
    memory_region_dispatch_read(&d->mr, 4, &v, MO_BEUL, ATTRS);
    cr_expect_eq(v, 0x14151617, "0x%lx", (unsigned long)v);
    cr_expect_eq(address_space_ldl_le(&as, 0x1004, ATTRS, NULL), 0x17161514);
    cr_expect_eq(address_space_lduw_le(&as, 0x1004, ATTRS, NULL), 0x1514);

    d->ncalls = 0;
    address_space_stl_le(&as, 0x1008, 0x11223344, ATTRS, NULL);
    expect_call(d, 0, true, 8, 4, 0x44332211);
}

Test(access, little_and_native_devices_are_not_swapped, .init = setup_space)
{
    TestDev *le = new_dev("le", DEVICE_LITTLE_ENDIAN, 1, 8, false, 1, 8);
    TestDev *nat = new_dev("native", DEVICE_NATIVE_ENDIAN, 1, 8, false, 1, 8);
    uint64_t v = 0;
    memory_region_dispatch_read(&le->mr, 4, &v, MO_LEUL, ATTRS);
    cr_expect_eq(v, 0x17161514);
    memory_region_dispatch_read(&nat->mr, 4, &v, MO_LEUL, ATTRS);
    cr_expect_eq(v, 0x17161514);
    memory_region_dispatch_read(&nat->mr, 4, &v, MO_BEUL, ATTRS);
    cr_expect_eq(v, 0x14151617);
}

Test(access, byte_buffers_see_device_registers_in_address_order, .init = setup_space)
{
    TestDev *be = new_dev("be", DEVICE_BIG_ENDIAN, 4, 4, false, 4, 4);
    be->regs[0] = 0x11, be->regs[1] = 0x22, be->regs[2] = 0x33, be->regs[3] = 0x44;
    memory_region_add_subregion(&root, 0x2000, &be->mr);
    uint8_t buf[4];
    cr_expect_eq(address_space_read(&as, 0x2000, ATTRS, buf, 4), MEMTX_OK);
    cr_expect(buf[0] == 0x11 && buf[1] == 0x22 && buf[2] == 0x33 && buf[3] == 0x44,
              "%02x %02x %02x %02x", buf[0], buf[1], buf[2], buf[3]);
    expect_call(be, 0, false, 0, 4, 0x11223344);
}

/* ---- valid checks ------------------------------------------------------ */

Test(access, sizes_outside_valid_range_fail_without_reaching_the_device, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 2, 4, false, 1, 8);
    uint64_t v = 0x55;
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0, &v, MO_64, ATTRS), MEMTX_DECODE_ERROR);
    cr_expect_eq(v, 0);
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0, &v, MO_8, ATTRS), MEMTX_DECODE_ERROR);
    cr_expect_eq(memory_region_dispatch_write(&d->mr, 0, 1, MO_8, ATTRS), MEMTX_DECODE_ERROR);
    cr_expect_eq(d->ncalls, 0);
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0, &v, MO_16, ATTRS), MEMTX_OK);
    cr_expect_eq(d->ncalls, 1);
}

Test(access, default_valid_sizes_are_one_to_four, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 0, 0, false, 0, 0);
    uint64_t v;
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0, &v, MO_8, ATTRS), MEMTX_OK);
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0, &v, MO_32, ATTRS), MEMTX_OK);
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0, &v, MO_64, ATTRS), MEMTX_DECODE_ERROR);
    cr_expect(memory_region_access_valid(&d->mr, 0, 4, false, ATTRS));
    cr_expect_not(memory_region_access_valid(&d->mr, 0, 8, false, ATTRS));
}

Test(access, misaligned_access_fails_unless_valid_unaligned, .init = setup_space)
{
    TestDev *strict = new_dev("strict", DEVICE_LITTLE_ENDIAN, 1, 4, false, 1, 4);
    uint64_t v;
    cr_expect_eq(memory_region_dispatch_read(&strict->mr, 2, &v, MO_32, ATTRS),
                 MEMTX_DECODE_ERROR);
    cr_expect_eq(strict->ncalls, 0);
    cr_expect_eq(memory_region_dispatch_read(&strict->mr, 2, &v, MO_16, ATTRS), MEMTX_OK);
}

Test(access, allowed_misaligned_access_is_done_as_aligned_pieces, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, true, 1, 4);
    uint64_t v = 0;
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 2, &v, MO_LEUL, ATTRS), MEMTX_OK);
    cr_expect_eq(v, 0x15141312, "0x%lx", (unsigned long)v);
    cr_expect_eq(d->ncalls, 2);
    expect_call(d, 0, false, 2, 2, 0x1312);
    expect_call(d, 1, false, 4, 2, 0x1514);

    /* With whole words only, the pieces come from the two words around it. */
    TestDev *w = new_dev("words", DEVICE_LITTLE_ENDIAN, 1, 4, true, 4, 4);
    cr_expect_eq(memory_region_dispatch_read(&w->mr, 2, &v, MO_LEUL, ATTRS), MEMTX_OK);
    cr_expect_eq(v, 0x15141312, "0x%lx", (unsigned long)v);
    expect_call(w, 0, false, 0, 4, 0x13121110);
    expect_call(w, 1, false, 4, 4, 0x17161514);
}

Test(access, device_implementing_unaligned_gets_one_call, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, true, 1, 4);
    d->ops.impl.unaligned = true;
    uint64_t v = 0;
    memory_region_dispatch_read(&d->mr, 1, &v, MO_LEUL, ATTRS);
    cr_expect_eq(v, 0x14131211);
    cr_expect_eq(d->ncalls, 1);
    expect_call(d, 0, false, 1, 4, 0x14131211);
}

static bool refuse_writes(void *opaque, hwaddr addr, unsigned size, bool is_write,
                          MemTxAttrs attrs)
{
    return !is_write;
}

Test(access, accepts_callback_can_refuse, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, false, 1, 4);
    d->ops.valid.accepts = refuse_writes;
    uint64_t v;
    cr_expect_eq(memory_region_dispatch_read(&d->mr, 0, &v, MO_32, ATTRS), MEMTX_OK);
    cr_expect_eq(memory_region_dispatch_write(&d->mr, 0, 1, MO_32, ATTRS), MEMTX_DECODE_ERROR);
    cr_expect_eq(d->ncalls, 1);
}

Test(access, device_errors_are_returned, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, false, 1, 4);
    d->result = MEMTX_ERROR;
    memory_region_add_subregion(&root, 0x3000, &d->mr);
    MemTxResult r = MEMTX_OK;
    address_space_ldl_le(&as, 0x3000, ATTRS, &r);
    cr_expect_eq(r, MEMTX_ERROR);
    /* Device error and hole in one access: both bits. */
    uint8_t buf[8];
    cr_expect_eq(address_space_read(&as, 0x3000 + 60, ATTRS, buf, 8),
                 MEMTX_ERROR | MEMTX_DECODE_ERROR);
}

/* ---- address_space_rw across sections ------------------------------- */

Test(access, read_and_write_split_across_ram_and_device, .init = setup_space)
{
    MemoryRegion *ram = map_ram(0x10000, 0x1000);
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, false, 1, 4);
    memory_region_add_subregion(&root, 0x11000, &d->mr);
    uint8_t *host = memory_region_get_ram_ptr(ram);

    uint8_t out[16];
    for (unsigned i = 0; i < 16; i++) {
        out[i] = (uint8_t)(0xa0 + i);
    }
    cr_expect_eq(address_space_write(&as, 0x10ff8, ATTRS, out, 16), MEMTX_OK);
    cr_expect_eq(memcmp(host + 0xff8, out, 8), 0);
    /* The device part in its widest valid accesses: two words. */
    cr_expect_eq(d->ncalls, 2);
    expect_call(d, 0, true, 0, 4, 0xabaaa9a8);
    expect_call(d, 1, true, 4, 4, 0xafaeadac);

    uint8_t in[16] = { 0 };
    d->ncalls = 0;
    cr_expect_eq(address_space_read(&as, 0x10ff8, ATTRS, in, 16), MEMTX_OK);
    cr_expect_eq(memcmp(in, out, 16), 0);

    /* ld/st across the boundary too. */
    address_space_stq_le(&as, 0x10ffc, 0x0102030405060708ull, ATTRS, NULL);
    cr_expect_eq(host[0xffc], 0x08);
    cr_expect_eq(d->regs[3], 0x01);
    cr_expect_eq(address_space_ldq_le(&as, 0x10ffc, ATTRS, NULL), 0x0102030405060708ull);
}

Test(access, io_accesses_use_the_widest_aligned_valid_size, .init = setup_space)
{
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 8, false, 1, 8);
    memory_region_add_subregion(&root, 0x4000, &d->mr);
    uint8_t buf[16];
    address_space_read(&as, 0x4002, ATTRS, buf, 14);
    cr_expect_eq(d->ncalls, 3);
    expect_call(d, 0, false, 2, 2, 0x1312);
    expect_call(d, 1, false, 4, 4, 0x17161514);
    expect_call(d, 2, false, 8, 8, 0x1f1e1d1c1b1a1918ull);
    cr_expect_eq(buf[0], 0x12);
    cr_expect_eq(buf[13], 0x1f);
}

Test(access, subpage_forwards_to_each_section, .init = setup_space)
{
    /* Device and RAM share one page: a TLB would cache it as I/O. */
    TestDev *d = new_dev("dev", DEVICE_LITTLE_ENDIAN, 1, 4, false, 1, 4);
    MemoryRegion *ram = calloc(1, sizeof(*ram));
    cr_assert(memory_region_init_ram(ram, NULL, "ram", PAGE, NULL));
    memory_region_add_subregion(&root, 0x5000, &d->mr);
    memory_region_add_subregion(&root, 0x5040, ram);
    hwaddr xlat, l = 4;
    MemoryRegionSection *s = address_space_translate_for_iotlb(&as, 0x5044, &xlat, &l);
    cr_assert(s->mr->subpage);

    cr_expect_eq(memory_region_dispatch_write(s->mr, 0x44, 0xcafef00d, MO_LEUL, ATTRS),
                 MEMTX_OK);
    cr_expect_eq(*(uint32_t *)((uint8_t *)memory_region_get_ram_ptr(ram) + 4), 0xcafef00d);
    uint64_t v = 0;
    cr_expect_eq(memory_region_dispatch_read(s->mr, 0x8, &v, MO_LEUL, ATTRS), MEMTX_OK);
    cr_expect_eq(v, 0x1b1a1918);
    expect_call(d, 0, false, 8, 4, 0x1b1a1918);
    /* Straddling the device's end and the RAM's start. */
    cr_expect_eq(memory_region_dispatch_read(s->mr, 0x3e, &v, MO_LEUL, ATTRS), MEMTX_OK);
    cr_expect_eq(v & 0xffff, 0x4f4e);
    cr_expect_eq(v >> 16, 0x0000);
}

/* ---- RAM, ROM, holes ---------------------------------------------------- */

static unsigned hook_calls;
static ram_addr_t hook_start, hook_len;
static void code_hook(ram_addr_t start, ram_addr_t len)
{
    hook_calls++;
    hook_start = start;
    hook_len = len;
    ram_dirty_set_range(start, len, 1u << DIRTY_MEMORY_CODE);
}

Test(access, ram_writes_mark_pages_and_notify_translated_code, .init = setup_space)
{
    MemoryRegion *ram = map_ram(0x80000000, 4 * PAGE);
    memory_set_code_write_hook(code_hook);
    ram_addr_t base = memory_region_get_ram_addr(ram);
    ram_dirty_test_and_clear(base + PAGE, PAGE, DIRTY_MEMORY_CODE);

    address_space_stl_le(&as, 0x80000000, 1, ATTRS, NULL);
    cr_expect_eq(hook_calls, 0, "page 0 holds no code");
    uint8_t buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    address_space_write(&as, 0x80000ffc, ATTRS, buf, 8);
    cr_expect_eq(hook_calls, 1);
    cr_expect_eq(hook_start, base + 0xffc);
    cr_expect_eq(hook_len, 8);
    address_space_stw_le(&as, 0x80001000, 1, ATTRS, NULL);
    cr_expect_eq(hook_calls, 1, "the hook set the CODE bit again");
}

Test(access, rom_ignores_guest_writes_and_logs_them, .init = setup_space)
{
    MemoryRegion *rom = calloc(1, sizeof(*rom));
    cr_assert(memory_region_init_rom(rom, NULL, "boot", PAGE, NULL));
    memory_region_add_subregion(&root, 0x1000, rom);
    uint32_t code = 0x00000297;
    cr_expect_eq(address_space_write_rom(&as, 0x1000, ATTRS, &code, 4), MEMTX_OK);
    cr_expect_eq(address_space_ldl_le(&as, 0x1000, ATTRS, NULL), 0x00000297);

    capture_log();
    uint32_t junk = 0xffffffff;
    cr_expect_eq(address_space_write(&as, 0x1000, ATTRS, &junk, 4), MEMTX_OK);
    MemTxResult r;
    address_space_stl_le(&as, 0x1000, 0xffffffff, ATTRS, &r);
    cr_expect_eq(r, MEMTX_OK);
    cr_expect_eq(memory_region_dispatch_write(rom, 0, 0xff, MO_8, ATTRS), MEMTX_OK);
    cr_expect_eq(address_space_ldl_le(&as, 0x1000, ATTRS, NULL), 0x00000297);
    cr_expect(strstr(logbuf, "ROM") != NULL, "log: %s", logbuf);
}

Test(access, holes_read_zero_and_fail_but_the_rest_is_done, .init = setup_space)
{
    MemoryRegion *ram = map_ram(0x2000, PAGE);
    uint8_t *host = memory_region_get_ram_ptr(ram);
    memset(host, 0x77, PAGE);
    capture_log();

    uint8_t buf[32];
    memset(buf, 0xee, sizeof(buf));
    cr_expect_eq(address_space_read(&as, 0x1ff0, ATTRS, buf, 32), MEMTX_DECODE_ERROR);
    for (unsigned i = 0; i < 16; i++) {
        cr_expect_eq(buf[i], 0, "hole byte %u", i);
        cr_expect_eq(buf[16 + i], 0x77, "RAM byte %u", i);
    }
    cr_expect(strstr(logbuf, "nothing mapped") != NULL, "log: %s", logbuf);

    memset(buf, 0x99, sizeof(buf));
    cr_expect_eq(address_space_write(&as, 0x2ff0, ATTRS, buf, 32), MEMTX_DECODE_ERROR);
    cr_expect_eq(host[PAGE - 1], 0x99, "the RAM part was written");

    MemTxResult r = MEMTX_OK;
    cr_expect_eq(address_space_ldq_le(&as, 0x9000, ATTRS, &r), 0);
    cr_expect_eq(r, MEMTX_DECODE_ERROR);
    address_space_stb(&as, 0x9000, 1, ATTRS, &r);
    cr_expect_eq(r, MEMTX_DECODE_ERROR);
}

Test(access, unassigned_region_refuses_everything, .init = setup_space)
{
    hwaddr xlat, l = 4;
    MemoryRegion *u = address_space_translate(&as, 0x1234, &xlat, &l)->mr;
    cr_expect(memory_region_is_unassigned(u));
    uint64_t v = 1;
    cr_expect_eq(memory_region_dispatch_read(u, 0x1234, &v, MO_32, ATTRS), MEMTX_DECODE_ERROR);
    cr_expect_eq(v, 0);
    cr_expect_eq(memory_region_dispatch_write(u, 0x1234, 5, MO_64, ATTRS), MEMTX_DECODE_ERROR);
}

Test(access, region_without_ops_fails_every_access, .init = setup_space)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    memory_region_init_io(mr, NULL, NULL, NULL, "nothing", 0x100);
    memory_region_add_subregion(&root, 0x6000, mr);
    MemTxResult r = MEMTX_OK;
    address_space_ldl_le(&as, 0x6000, ATTRS, &r);
    cr_expect_eq(r, MEMTX_DECODE_ERROR);
}

Test(access, ld_st_little_endian_on_ram, .init = setup_space)
{
    MemoryRegion *ram = map_ram(0x80000000, PAGE);
    uint8_t *host = memory_region_get_ram_ptr(ram);
    address_space_stq_le(&as, 0x80000010, 0x8877665544332211ull, ATTRS, NULL);
    cr_expect_eq(host[0x10], 0x11);
    cr_expect_eq(host[0x17], 0x88);
    cr_expect_eq(address_space_ldub(&as, 0x80000011, ATTRS, NULL), 0x22);
    cr_expect_eq(address_space_lduw_le(&as, 0x80000011, ATTRS, NULL), 0x3322);
    cr_expect_eq(address_space_ldl_le(&as, 0x80000013, ATTRS, NULL), 0x77665544);
    /* The last bytes of RAM and the hole after them. */
    MemTxResult r = MEMTX_OK;
    address_space_stw_le(&as, 0x80000fff, 0xbbaa, ATTRS, &r);
    cr_expect_eq(r, MEMTX_DECODE_ERROR);
    cr_expect_eq(host[0xfff], 0xaa);
}

/* ---- ioeventfd ---------------------------------------------------------- */

Test(access, matching_ioeventfd_write_signals_instead_of_the_device, .init = setup_space)
{
    TestDev *d = new_dev("doorbell", DEVICE_LITTLE_ENDIAN, 1, 4, false, 1, 4);
    memory_region_add_subregion(&root, 0x7000, &d->mr);
    EventNotifier e;
    cr_assert_eq(event_notifier_init(&e, 0), 0);
    memory_region_add_eventfd(&d->mr, 8, 4, true, 0x42, &e);

    address_space_stl_le(&as, 0x7008, 0x42, ATTRS, NULL);
    cr_expect_eq(d->ncalls, 0, "the device must not see the doorbell write");
    cr_expect(event_notifier_test_and_clear(&e));

    address_space_stl_le(&as, 0x7008, 0x43, ATTRS, NULL);
    cr_expect_eq(d->ncalls, 1, "other data goes to the device");
    cr_expect_not(event_notifier_test_and_clear(&e));
    address_space_stw_le(&as, 0x7008, 0x42, ATTRS, NULL);
    cr_expect_eq(d->ncalls, 2, "other sizes go to the device");
    cr_expect_not(event_notifier_test_and_clear(&e));

    memory_region_del_eventfd(&d->mr, 8, 4, true, 0x42, &e);
    event_notifier_cleanup(&e);
}

Test(access, ioeventfd_on_big_endian_device_matches_the_value_written, .init = setup_space)
{
    TestDev *d = new_dev("doorbell", DEVICE_BIG_ENDIAN, 1, 4, false, 1, 4);
    memory_region_add_subregion(&root, 0x7000, &d->mr);
    EventNotifier e;
    cr_assert_eq(event_notifier_init(&e, 0), 0);
    memory_region_add_eventfd(&d->mr, 0, 4, true, 0x1234, &e);
    address_space_stl_le(&as, 0x7000, 0x1234, ATTRS, NULL);
    cr_expect(event_notifier_test_and_clear(&e));
    cr_expect_eq(d->ncalls, 0);
    memory_region_del_eventfd(&d->mr, 0, 4, true, 0x1234, &e);
    event_notifier_cleanup(&e);
}
