/*
 * test-htif.c: the HTIF (hw/htif.c) driven through the memory API the way
 * bare-metal programs drive it: 64-bit (or RV32-style 32-bit half) stores
 * to tohost over RAM, polling fromhost, system-call blocks in RAM.  The
 * console is a pair of pipes the test reads and feeds.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "lemu/htif.h"
#include "lemu/log.h"
#include "lemu/machine.h"
#include "lemu/memory.h"

#define ATTRS MEMTXATTRS_UNSPECIFIED
#define RAM_BASE 0x80000000ull
#define TOHOST (RAM_BASE + 0x1000)
#define FROMHOST (RAM_BASE + 0x1040)
#define BLOCK (RAM_BASE + 0x2000)
#define BUF (RAM_BASE + 0x3000)

static MemoryRegion root;
static MemoryRegion ram;
static AddressSpace as;
static int out_pipe[2];   /* the guest's console output: read out_pipe[0] */
static int in_pipe[2];    /* the guest's console input: write in_pipe[1] */

static void setup(void)
{
    cr_assert_eq(pipe(out_pipe), 0);
    cr_assert_eq(pipe(in_pipe), 0);
    fcntl(out_pipe[0], F_SETFL, O_NONBLOCK);
    memory_region_init(&root, NULL, "root", UINT64_MAX);
    cr_assert(memory_region_init_ram(&ram, NULL, "ram", 0x10000, NULL));
    memory_region_add_subregion(&root, RAM_BASE, &ram);
    address_space_init(&as, &root, "htif-test");
    HTIFConfig cfg = {
        .as = &as,
        .tohost_addr = TOHOST,
        .has_fromhost = true,
        .fromhost_addr = FROMHOST,
        .console_in_fd = in_pipe[0],
        .console_out_fd = out_pipe[1],
    };
    htif_create(&root, &cfg);
    machine_shutdown_clear();
}

TestSuite(htif, .init = setup);

static void st64(hwaddr addr, uint64_t v)
{
    MemTxResult r;
    address_space_stq_le(&as, addr, v, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
}

static uint64_t ld64(hwaddr addr)
{
    MemTxResult r;
    uint64_t v = address_space_ldq_le(&as, addr, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
    return v;
}

static void st32(hwaddr addr, uint32_t v)
{
    MemTxResult r;
    address_space_stl_le(&as, addr, v, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
}

/* What the guest has printed so far. */
static const char *console_output(void)
{
    static char buf[256];
    ssize_t n = read(out_pipe[0], buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = '\0';
    return buf;
}

static uint64_t cmd(unsigned device, unsigned command, uint64_t payload)
{
    return ((uint64_t)device << 56) | ((uint64_t)command << 48) | payload;
}

static void write_block(uint64_t n, uint64_t a0, uint64_t a1, uint64_t a2)
{
    uint64_t block[8] = { n, a0, a1, a2 };
    cr_assert_eq(address_space_write(&as, BLOCK, ATTRS, block, sizeof(block)), MEMTX_OK);
}

Test(htif, odd_payload_requests_exit_with_its_upper_bits)
{
    int status = -1;
    st64(TOHOST, (7 << 1) | 1);
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 7);
    cr_assert_eq(ld64(TOHOST), 0, "tohost reads 0 once taken");
}

Test(htif, exit_zero_is_a_pass)
{
    int status = -1;
    st64(TOHOST, 1);
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 0);
}

Test(htif, console_putchar_prints_and_acknowledges)
{
    st64(TOHOST, cmd(1, 1, 'A'));
    cr_assert_str_eq(console_output(), "A");
    cr_assert_eq(ld64(FROMHOST), cmd(1, 1, 0x100 | 'A'));
    cr_assert_eq(ld64(TOHOST), 0);
    cr_assert_not(machine_shutdown_requested(NULL));
}

Test(htif, guest_clears_fromhost_between_characters)
{
    st64(TOHOST, cmd(1, 1, 'h'));
    st64(FROMHOST, 0);
    cr_assert_eq(ld64(FROMHOST), 0);
    st64(TOHOST, cmd(1, 1, 'i'));
    cr_assert_str_eq(console_output(), "hi");
}

Test(htif, rv32_command_runs_when_the_high_half_is_written)
{
    st32(TOHOST, 'Z');
    cr_assert_str_eq(console_output(), "", "nothing happens on the low half");
    st32(TOHOST + 4, (1u << 24) | (1u << 16));
    cr_assert_str_eq(console_output(), "Z");
    cr_assert_eq(ld64(FROMHOST), cmd(1, 1, 0x100 | 'Z'));
}

Test(htif, rv32_exit_with_two_halves)
{
    int status = -1;
    st32(TOHOST, (3 << 1) | 1);
    st32(TOHOST + 4, 0);
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 3);
}

Test(htif, syscall_write_prints_the_buffer_and_returns_its_length)
{
    cr_assert_eq(address_space_write(&as, BUF, ATTRS, "hello\n", 6), MEMTX_OK);
    write_block(64, 1, BUF, 6);
    st64(TOHOST, BLOCK);
    cr_assert_str_eq(console_output(), "hello\n");
    cr_assert_eq(ld64(BLOCK), 6, "the result replaces the first word");
    cr_assert_eq(ld64(FROMHOST), 1);
    cr_assert_eq(ld64(TOHOST), 0);
}

Test(htif, syscall_write_to_stderr_goes_to_the_console_too)
{
    cr_assert_eq(address_space_write(&as, BUF, ATTRS, "err", 3), MEMTX_OK);
    write_block(64, 2, BUF, 3);
    st64(TOHOST, BLOCK);
    cr_assert_str_eq(console_output(), "err");
    cr_assert_eq(ld64(BLOCK), 3);
}

Test(htif, syscall_write_to_other_fd_fails_with_ebadf)
{
    lemu_loglevel = 0;
    write_block(64, 5, BUF, 3);
    st64(TOHOST, BLOCK);
    cr_assert_str_eq(console_output(), "");
    cr_assert_eq((int64_t)ld64(BLOCK), -EBADF);
    cr_assert_eq(ld64(FROMHOST), 1);
}

Test(htif, syscall_write_from_unmapped_buffer_fails_with_efault)
{
    lemu_loglevel = 0;
    write_block(64, 1, 0x1000, 16);
    st64(TOHOST, BLOCK);
    cr_assert_eq((int64_t)ld64(BLOCK), -EFAULT);
    cr_assert_eq(ld64(FROMHOST), 1);
}

Test(htif, syscall_exit_shuts_down)
{
    int status = -1;
    write_block(93, 42, 0, 0);
    st64(TOHOST, BLOCK);
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 42);
}

Test(htif, unknown_syscall_answers_enosys)
{
    lemu_loglevel = 0;
    write_block(1234, 0, 0, 0);
    st64(TOHOST, BLOCK);
    cr_assert_eq((int64_t)ld64(BLOCK), -ENOSYS);
    cr_assert_eq(ld64(FROMHOST), 1);
    cr_assert_not(machine_shutdown_requested(NULL));
}

Test(htif, syscall_block_outside_memory_is_ignored)
{
    lemu_loglevel = 0;
    st64(TOHOST, 0x10000000);   /* even payload, no memory there */
    cr_assert_eq(ld64(FROMHOST), 0);
    cr_assert_eq(ld64(TOHOST), 0);
    cr_assert_not(machine_shutdown_requested(NULL));
}

Test(htif, getchar_answers_once_a_byte_is_available)
{
    st64(TOHOST, cmd(1, 0, 0));
    cr_assert_eq(ld64(TOHOST), 0);
    cr_assert_eq(ld64(FROMHOST), 0, "no input yet");
    cr_assert_eq(write(in_pipe[1], "x", 1), 1);
    cr_assert_eq(ld64(FROMHOST), cmd(1, 0, 0x100 | 'x'));
    st64(FROMHOST, 0);
    cr_assert_eq(ld64(FROMHOST), 0, "one byte per request");
}

Test(htif, unknown_device_is_logged_and_ignored)
{
    lemu_loglevel = 0;
    st64(TOHOST, cmd(7, 3, 0x55));
    cr_assert_eq(ld64(TOHOST), 0);
    cr_assert_eq(ld64(FROMHOST), 0);
    cr_assert_not(machine_shutdown_requested(NULL));
}

Test(htif, registers_cover_the_ram_below)
{
    uint64_t pattern = 0x1122334455667788ull;
    uint64_t *host = memory_region_get_ram_ptr(&ram);
    host[0x1000 / 8] = pattern;
    host[0x1008 / 8] = ~pattern;
    st64(TOHOST, cmd(1, 1, 'q'));
    cr_assert_eq(host[0x1000 / 8], pattern, "tohost writes do not reach RAM");
    cr_assert_eq(ld64(TOHOST), 0, "reads come from the device, not RAM");
    cr_assert_eq(ld64(TOHOST + 8), ~pattern, "RAM right after tohost is plain RAM");
}

Test(htif, first_exit_request_wins)
{
    int status = -1;
    st64(TOHOST, (5 << 1) | 1);
    st64(TOHOST, (9 << 1) | 1);
    cr_assert(machine_shutdown_requested(&status));
    cr_assert_eq(status, 5);
}
