/*
 * test-clint.c: the CLINT (hw/clint.c) driven through the memory API, as a
 * guest would, with its interrupt lines connected to a fake receiver and
 * the virtual clock running from a fake instruction counter (-icount
 * shift=0: 1 ns per instruction, so one 10 MHz mtime tick is 100
 * instructions).
 */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "lemu/clint.h"
#include "lemu/irq.h"
#include "lemu/log.h"
#include "lemu/memory.h"
#include "lemu/timer.h"

#define BASE 0x2000000
#define ATTRS MEMTXATTRS_UNSPECIFIED

static int64_t fake_icount;
static int msip_level[4];
static int mtip_level[4];
static int mtip_changes;

static MemoryRegion root;
static AddressSpace as;
static ClintState *clint;
static IRQ *msip_lines;   /* the CLINT copies the lines; the arrays stay ours */
static IRQ *mtip_lines;

static int64_t fake_icount_source(void)
{
    return fake_icount;
}

static void msip_handler(void *opaque, int n, int level)
{
    msip_level[n] = level;
}

static void mtip_handler(void *opaque, int n, int level)
{
    if (mtip_level[n] != level) {
        mtip_changes++;
    }
    mtip_level[n] = level;
}

static void setup_harts(unsigned harts)
{
    fake_icount = 0;
    timer_set_icount_source(fake_icount_source);
    icount_configure(0);
    clock_start();
    memory_region_init(&root, NULL, "root", UINT64_MAX);
    address_space_init(&as, &root, "clint-test");
    msip_lines = irq_allocate(msip_handler, NULL, (int)harts);
    mtip_lines = irq_allocate(mtip_handler, NULL, (int)harts);
    clint = clint_create(harts, msip_lines, mtip_lines, CLINT_TIMEBASE_FREQ);
    memory_region_add_subregion(&root, BASE, clint_mmio(clint));
}

static void setup(void)
{
    setup_harts(2);
}

/* The CLINT keeps the lines themselves; only the arrays are ours to free. */
static void teardown(void)
{
    free(msip_lines);
    free(mtip_lines);
}

static uint32_t rd32(hwaddr off)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&as, BASE + off, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "32-bit read at 0x%llx", (unsigned long long)off);
    return v;
}

static uint64_t rd64(hwaddr off)
{
    MemTxResult r;
    uint64_t v = address_space_ldq_le(&as, BASE + off, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "64-bit read at 0x%llx", (unsigned long long)off);
    return v;
}

static void wr32(hwaddr off, uint32_t v)
{
    MemTxResult r;
    address_space_stl_le(&as, BASE + off, v, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "32-bit write at 0x%llx", (unsigned long long)off);
}

static void wr64(hwaddr off, uint64_t v)
{
    MemTxResult r;
    address_space_stq_le(&as, BASE + off, v, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "64-bit write at 0x%llx", (unsigned long long)off);
}

/* Advance the fake instruction count and run what expired, as the main loop would. */
static void run_to(int64_t insns)
{
    fake_icount = insns;
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
}

TestSuite(clint, .init = setup, .fini = teardown);

Test(clint, msip_bit0_drives_the_software_interrupt_line)
{
    wr32(CLINT_MSIP + 4, 1);
    cr_assert_eq(msip_level[1], 1);
    cr_assert_eq(msip_level[0], 0);
    cr_assert_eq(rd32(CLINT_MSIP + 4), 1);
    wr32(CLINT_MSIP + 4, 0xfffffffe);   /* only bit 0 is implemented */
    cr_assert_eq(msip_level[1], 0);
    cr_assert_eq(rd32(CLINT_MSIP + 4), 0);
}

Test(clint, msip_64bit_access_covers_two_harts)
{
    wr64(CLINT_MSIP, ((uint64_t)1 << 32) | 1);
    cr_assert_eq(msip_level[0], 1);
    cr_assert_eq(msip_level[1], 1);
    cr_assert_eq(rd64(CLINT_MSIP), ((uint64_t)1 << 32) | 1);
}

Test(clint, mtime_counts_at_10mhz_of_virtual_time)
{
    cr_assert_eq(rd64(CLINT_MTIME), 0);
    fake_icount = 100 * 1234 + 99;
    cr_assert_eq(rd64(CLINT_MTIME), 1234);
    cr_assert_eq(clint_mtime(clint), 1234);
}

Test(clint, mtime_halves_read_as_32bit_words)
{
    wr64(CLINT_MTIME, 0x1122334455667788ull);
    cr_assert_eq(rd32(CLINT_MTIME), 0x55667788);
    cr_assert_eq(rd32(CLINT_MTIME + 4), 0x11223344);
}

Test(clint, mtime_write_sets_the_counter_which_keeps_counting)
{
    fake_icount = 1000;   /* 10 ticks */
    wr64(CLINT_MTIME, 5000);
    cr_assert_eq(rd64(CLINT_MTIME), 5000);
    fake_icount += 300;
    cr_assert_eq(rd64(CLINT_MTIME), 5003);
    wr32(CLINT_MTIME + 4, 1);   /* high half only */
    cr_assert_eq(rd64(CLINT_MTIME), ((uint64_t)1 << 32) | 5003);
}

Test(clint, timer_line_stays_low_at_reset)
{
    cr_assert_eq(mtip_changes, 0);
    cr_assert_eq(rd64(CLINT_MTIMECMP), 0);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), -1);
}

Test(clint, timer_fires_exactly_when_mtime_reaches_mtimecmp)
{
    wr64(CLINT_MTIMECMP, 50);   /* tick 50 = 5000 ns */
    cr_assert_eq(mtip_level[0], 0);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), 5000);
    run_to(4999);
    cr_assert_eq(mtip_level[0], 0);
    run_to(5000);
    cr_assert_eq(mtip_level[0], 1);
    cr_assert_eq(rd64(CLINT_MTIME), 50);
    cr_assert_eq(mtip_level[1], 0, "the other hart's line is untouched");
}

Test(clint, mtimecmp_in_the_past_raises_at_once_and_future_lowers)
{
    fake_icount = 100000;   /* mtime 1000 */
    wr64(CLINT_MTIMECMP + 8, 999);
    cr_assert_eq(mtip_level[1], 1);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), -1);
    wr64(CLINT_MTIMECMP + 8, 2000);
    cr_assert_eq(mtip_level[1], 0);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), 200000);
}

Test(clint, mtimecmp_all_ones_never_fires)
{
    wr64(CLINT_MTIMECMP, UINT64_MAX);
    cr_assert_eq(mtip_level[0], 0);
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), -1);
}

Test(clint, mtimecmp_written_in_32bit_halves)
{
    /* RV32 style: high word to all-ones first, then low, then high. */
    wr32(CLINT_MTIMECMP + 4, 0xffffffff);
    wr32(CLINT_MTIMECMP, 300);
    wr32(CLINT_MTIMECMP + 4, 0);
    cr_assert_eq(rd64(CLINT_MTIMECMP), 300);
    cr_assert_eq(rd32(CLINT_MTIMECMP), 300);
    cr_assert_eq(rd32(CLINT_MTIMECMP + 4), 0);
    run_to(30000);
    cr_assert_eq(mtip_level[0], 1);
}

Test(clint, writing_mtime_re_evaluates_the_timer_lines)
{
    wr64(CLINT_MTIMECMP, 1000);
    cr_assert_eq(mtip_level[0], 0);
    wr64(CLINT_MTIME, 1000);
    cr_assert_eq(mtip_level[0], 1);
    wr64(CLINT_MTIME, 10);
    cr_assert_eq(mtip_level[0], 0);
    /* 990 ticks to go from now. */
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), 99000);
    run_to(99000);
    cr_assert_eq(mtip_level[0], 1);
}

Test(clint, unimplemented_registers_read_zero_and_ignore_writes)
{
    lemu_loglevel = 0;
    cr_assert_eq(rd32(0x8000 + 0x100), 0);   /* mtimecmp of absent hart 32 */
    wr32(0x3ff0, 1);                         /* msip of an absent hart */
    wr64(0xc000, 123);                       /* beyond mtime */
    cr_assert_eq(rd64(0xc000), 0);
    cr_assert_eq(msip_level[0] + msip_level[1], 0);
}

Test(clint, byte_and_misaligned_accesses_are_refused)
{
    MemTxResult r;
    address_space_ldub(&as, BASE + CLINT_MTIME, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
    address_space_stb(&as, BASE + CLINT_MSIP, 1, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
    cr_assert_eq(msip_level[0], 0, "a refused write does not reach the device");
}

Test(clint, one_hart_clint_has_one_msip)
{
    /* Replace the two-hart CLINT of the fixture by a one-hart one. */
    memory_region_del_subregion(&root, clint_mmio(clint));
    clint = clint_create(1, msip_lines, NULL, CLINT_TIMEBASE_FREQ);
    memory_region_add_subregion(&root, BASE, clint_mmio(clint));
    wr32(CLINT_MSIP, 1);
    cr_assert_eq(msip_level[0], 1);
    cr_assert_eq(rd64(CLINT_MSIP), 1, "hart 1's half reads 0");
    wr64(CLINT_MTIMECMP, 0);   /* no timer line connected: must not crash */
}
