/*
 * test-ns16550a.c: the 16550A UART (hw/ns16550a.c) driven through an
 * address space with byte accesses, as a guest driver would, its chardev a
 * pair of pipes (what it transmits comes out of one, what the test types
 * goes into the other) and its interrupt line a fake receiver.  The virtual
 * clock runs from a fake instruction counter (-icount shift=0) so that the
 * character timeout is exact.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lemu/chardev.h"
#include "lemu/irq.h"
#include "lemu/memory.h"
#include "lemu/ns16550a.h"
#include "lemu/timer.h"

#define BASE NS16550A_VIRT_BASE
#define ATTRS MEMTXATTRS_UNSPECIFIED
/* One 8N1 character at divisor 12: 10 bits * 16 * 12 / 3686400 Hz. */
#define CHAR_NS 520833

static MemoryRegion root;
static AddressSpace as;
static NS16550AState *uart;
static Chardev *chr;
static int host_out;    /* read end: what the UART transmitted */
static int host_in;     /* write end: what the host types */
static int irq_level;
static int irq_changes;
static int64_t fake_icount;

static int64_t fake_icount_source(void)
{
    return fake_icount;
}

static void irq_handler(void *opaque, int n, int level)
{
    if (level != irq_level) {
        irq_changes++;
    }
    irq_level = level;
}

static void setup(void)
{
    fake_icount = 0;
    timer_set_icount_source(fake_icount_source);
    icount_configure(0);
    clock_start();
    memory_region_init(&root, NULL, "root", UINT64_MAX);
    address_space_init(&as, &root, "uart-test");
    int out[2];
    int in[2];
    cr_assert_eq(pipe(out), 0);
    cr_assert_eq(pipe(in), 0);
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    host_out = out[0];
    host_in = in[1];
    chr = chardev_new_fd(in[0], out[1], false, NULL);
    cr_assert_not_null(chr);
    uart = ns16550a_create(&root, BASE, irq_allocate_one(irq_handler, NULL, 0), chr);
}

static uint8_t rd(hwaddr off)
{
    MemTxResult r;
    uint8_t v = address_space_ldub(&as, BASE + off, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "read at %llu", (unsigned long long)off);
    return v;
}

static void wr(hwaddr off, uint8_t v)
{
    MemTxResult r;
    address_space_stb(&as, BASE + off, v, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "write at %llu", (unsigned long long)off);
}

/* What the UART sent to the host so far. */
static size_t host_read(char *buf, size_t size)
{
    ssize_t n = read(host_out, buf, size);
    return n < 0 ? 0 : (size_t)n;
}

static void host_type(const char *s)
{
    size_t n = strlen(s);
    cr_assert_eq(write(host_in, s, n), (ssize_t)n);
}

static void run_to(int64_t ns)
{
    fake_icount = ns;
    clock_run_timers(LEMU_CLOCK_VIRTUAL);
}

TestSuite(uart, .init = setup);

/* ---- reset and plain registers ----------------------------------------- */

Test(uart, registers_have_their_reset_values)
{
    cr_assert_eq(rd(UART_IER), 0);
    cr_assert_eq(rd(UART_IIR), 0x01);
    cr_assert_eq(rd(UART_LCR), 0);
    cr_assert_eq(rd(UART_MCR), 0x08);
    cr_assert_eq(rd(UART_LSR), 0x60);
    cr_assert_eq(rd(UART_MSR), 0xb0);
    cr_assert_eq(rd(UART_SCR), 0);
    wr(UART_LCR, UART_LCR_DLAB);
    cr_assert_eq(rd(UART_DLL), 12);
    cr_assert_eq(rd(UART_DLM), 0);
    cr_assert_eq(irq_level, 0);
    cr_assert_eq(irq_changes, 0);
}

Test(uart, scratch_and_line_control_hold_what_is_written)
{
    wr(UART_SCR, 0xa5);
    cr_assert_eq(rd(UART_SCR), 0xa5);
    wr(UART_LCR, 0x1b);
    cr_assert_eq(rd(UART_LCR), 0x1b);
}

Test(uart, ier_keeps_four_bits_and_mcr_five)
{
    wr(UART_IER, 0xf0);
    cr_assert_eq(rd(UART_IER), 0);
    wr(UART_MCR, 0xe3);
    cr_assert_eq(rd(UART_MCR), 0x03);
}

Test(uart, dlab_switches_offsets_0_and_1_to_the_divisor_latch)
{
    wr(UART_LCR, 0x83);
    wr(UART_DLL, 0x01);
    wr(UART_DLM, 0x02);
    cr_assert_eq(rd(UART_DLL), 0x01);
    cr_assert_eq(rd(UART_DLM), 0x02);
    char buf[8];
    cr_assert_eq(host_read(buf, sizeof(buf)), 0, "a DLL write transmits nothing");
    cr_assert_eq(rd(UART_LSR), 0x60);
    wr(UART_LCR, 0x03);
    cr_assert_eq(rd(UART_IER), 0, "IER was not touched by DLM");
    wr(UART_IER, 0x05);
    wr(UART_LCR, 0x83);
    cr_assert_eq(rd(UART_DLM), 0x02, "nor DLM by IER");
    cr_assert_eq(rd(UART_LCR), 0x83);
}

Test(uart, lsr_and_msr_writes_are_ignored)
{
    wr(UART_LSR, 0x00);
    wr(UART_MSR, 0x0f);
    cr_assert_eq(rd(UART_LSR), 0x60);
    cr_assert_eq(rd(UART_MSR), 0xb0);
}

/* ---- transmit ----------------------------------------------------------- */

Test(uart, thr_writes_reach_the_chardev_at_once)
{
    const char *msg = "OpenSBI v1.3\r\n";
    for (const char *p = msg; *p; p++) {
        wr(UART_THR, (uint8_t)*p);
        cr_assert_eq(rd(UART_LSR) & 0x60, 0x60, "THR and shifter empty again");
    }
    char buf[32] = { 0 };
    cr_assert_eq(host_read(buf, sizeof(buf)), strlen(msg));
    cr_assert_str_eq(buf, msg);
}

Test(uart, thre_interrupt_on_enable_cleared_by_iir_read_and_rearmed_by_thr_write)
{
    wr(UART_IER, UART_IER_ETBEI);
    cr_assert_eq(irq_level, 1, "THR is empty: enabling ETBEI interrupts at once");
    cr_assert_eq(rd(UART_IIR), UART_IIR_THRE);
    cr_assert_eq(irq_level, 0, "reading IIR that reports THRE clears it");
    cr_assert_eq(rd(UART_IIR), UART_IIR_NONE);
    wr(UART_THR, 'a');
    cr_assert_eq(irq_level, 1, "the byte left: THR empty again");
    wr(UART_IER, 0);
    cr_assert_eq(irq_level, 0);
    cr_assert_eq(rd(UART_IIR), UART_IIR_NONE);
}

Test(uart, without_a_chardev_output_is_discarded)
{
    NS16550AState *lone = ns16550a_create(NULL, 0, NULL, NULL);
    MemoryRegion *mr = ns16550a_mmio(lone);
    cr_assert_eq(memory_region_dispatch_write(mr, UART_THR, 'x', MO_8, ATTRS), MEMTX_OK);
    uint64_t v;
    cr_assert_eq(memory_region_dispatch_read(mr, UART_LSR, &v, MO_8, ATTRS), MEMTX_OK);
    cr_assert_eq(v, 0x60);
}

/* ---- receive without FIFO ---------------------------------------------- */

Test(uart, received_byte_sets_dr_and_interrupts_with_erbfi)
{
    wr(UART_IER, UART_IER_ERBFI);
    host_type("A");
    cr_assert_eq(chardev_poll(chr), 1);
    cr_assert_eq(rd(UART_LSR), 0x61);
    cr_assert_eq(irq_level, 1);
    cr_assert_eq(rd(UART_IIR), UART_IIR_RDA);
    cr_assert_eq(rd(UART_RBR), 'A');
    cr_assert_eq(rd(UART_LSR), 0x60);
    cr_assert_eq(rd(UART_IIR), UART_IIR_NONE);
    cr_assert_eq(irq_level, 0);
}

Test(uart, without_fifo_input_waits_until_rbr_is_read)
{
    host_type("xyz");
    cr_assert_eq(chardev_poll(chr), 1);
    cr_assert_eq(chardev_poll(chr), 0, "RBR full: the chardev holds the rest");
    cr_assert_eq(rd(UART_RBR), 'x');
    cr_assert_eq(chardev_poll(chr), 1);
    cr_assert_eq(rd(UART_RBR), 'y');
    cr_assert_eq(chardev_poll(chr), 1);
    cr_assert_eq(rd(UART_RBR), 'z');
    cr_assert_eq(rd(UART_LSR) & UART_LSR_OE, 0, "nothing was lost");
}

Test(uart, receiving_into_a_full_rbr_is_an_overrun_with_line_status_interrupt)
{
    wr(UART_MCR, UART_MCR_LOOP);
    wr(UART_IER, UART_IER_ERBFI | UART_IER_ELSI);
    wr(UART_THR, 'x');
    wr(UART_THR, 'y');
    cr_assert_eq(rd(UART_IIR), UART_IIR_RLS, "line status outranks data");
    cr_assert_eq(rd(UART_LSR), 0x63);
    cr_assert_eq(rd(UART_LSR), 0x61, "reading LSR clears OE");
    cr_assert_eq(rd(UART_IIR), UART_IIR_RDA);
    cr_assert_eq(rd(UART_RBR), 'y', "the newer byte overwrote the older");
}

/* ---- FIFO ---------------------------------------------------------------- */

Test(uart, fifo_enable_shows_in_iir_and_keeps_order)
{
    wr(UART_FCR, UART_FCR_ENABLE);
    cr_assert_eq(rd(UART_IIR), 0xc1);
    wr(UART_MCR, UART_MCR_LOOP);
    const char *s = "hello";
    for (const char *p = s; *p; p++) {
        wr(UART_THR, (uint8_t)*p);
    }
    for (const char *p = s; *p; p++) {
        cr_assert_eq(rd(UART_LSR) & UART_LSR_DR, UART_LSR_DR);
        cr_assert_eq(rd(UART_RBR), (uint8_t)*p);
    }
    cr_assert_eq(rd(UART_LSR) & UART_LSR_DR, 0);
    cr_assert_eq(rd(UART_RBR), 0, "an empty FIFO reads 0");
}

Test(uart, rda_waits_for_the_trigger_level)
{
    wr(UART_FCR, UART_FCR_ENABLE | 0xc0);   /* 14 bytes */
    wr(UART_MCR, UART_MCR_LOOP);
    wr(UART_IER, UART_IER_ERBFI);
    for (int i = 0; i < 13; i++) {
        wr(UART_THR, (uint8_t)('a' + i));
    }
    cr_assert_eq(rd(UART_IIR), 0xc1);
    cr_assert_eq(irq_level, 0);
    wr(UART_THR, 'n');
    cr_assert_eq(rd(UART_IIR), 0xc4);
    cr_assert_eq(irq_level, 1);
    rd(UART_RBR);
    cr_assert_eq(rd(UART_IIR), 0xc1, "below the trigger again");
}

Test(uart, trigger_levels_are_1_4_8_14)
{
    const unsigned levels[4] = { 1, 4, 8, 14 };
    wr(UART_MCR, UART_MCR_LOOP);
    wr(UART_IER, UART_IER_ERBFI);
    for (unsigned t = 0; t < 4; t++) {
        wr(UART_FCR, (uint8_t)(UART_FCR_ENABLE | UART_FCR_CLEAR_RX | (t << 6)));
        for (unsigned i = 0; i < levels[t]; i++) {
            cr_assert_eq(irq_level, 0, "level %u after %u bytes", levels[t], i);
            wr(UART_THR, 'q');
        }
        cr_assert_eq(irq_level, 1, "level %u reached", levels[t]);
    }
}

Test(uart, fifo_overrun_keeps_the_first_sixteen)
{
    wr(UART_FCR, UART_FCR_ENABLE);
    wr(UART_MCR, UART_MCR_LOOP);
    for (int i = 0; i < 17; i++) {
        wr(UART_THR, (uint8_t)('A' + i));
    }
    cr_assert_eq(rd(UART_LSR) & UART_LSR_OE, UART_LSR_OE);
    for (int i = 0; i < 16; i++) {
        cr_assert_eq(rd(UART_RBR), (uint8_t)('A' + i));
    }
    cr_assert_eq(rd(UART_LSR) & UART_LSR_DR, 0, "the 17th byte was dropped");
}

Test(uart, fcr_clears_the_receive_fifo_and_toggling_enable_clears_it_too)
{
    wr(UART_FCR, UART_FCR_ENABLE);
    wr(UART_MCR, UART_MCR_LOOP);
    wr(UART_THR, '1');
    wr(UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR_RX);
    cr_assert_eq(rd(UART_LSR) & UART_LSR_DR, 0);
    wr(UART_THR, '2');
    wr(UART_FCR, 0);
    cr_assert_eq(rd(UART_LSR) & UART_LSR_DR, 0);
    cr_assert_eq(rd(UART_IIR), 0x01, "FIFO off: IIR bits 6-7 clear");
}

Test(uart, fcr_bits_are_not_programmed_while_bit0_is_clear)
{
    wr(UART_FCR, 0xc0);
    cr_assert_eq(rd(UART_IIR), 0x01);
    wr(UART_FCR, UART_FCR_ENABLE);
    wr(UART_MCR, UART_MCR_LOOP);
    wr(UART_IER, UART_IER_ERBFI);
    wr(UART_THR, 'z');
    cr_assert_eq(irq_level, 1, "the trigger stayed at 1 byte");
}

Test(uart, fifo_input_is_taken_up_to_the_trigger_then_a_byte_a_poll)
{
    wr(UART_FCR, UART_FCR_ENABLE | 0x40);   /* 4 bytes */
    wr(UART_IER, UART_IER_ERBFI);
    host_type("abcdefgh");
    cr_assert_eq(chardev_poll(chr), 4);
    cr_assert_eq(rd(UART_IIR), 0xc4);
    cr_assert_eq(chardev_poll(chr), 1);
    cr_assert_eq(chardev_poll(chr), 1);
    for (const char *p = "abcdef"; *p; p++) {
        cr_assert_eq(rd(UART_RBR), (uint8_t)*p);
    }
    cr_assert_eq(chardev_poll(chr), 2);
    cr_assert_eq(rd(UART_RBR), 'g');
    cr_assert_eq(rd(UART_RBR), 'h');
}

Test(uart, character_timeout_reports_bytes_below_the_trigger)
{
    wr(UART_LCR, 0x03);                     /* 8N1: 10 bits a character */
    wr(UART_FCR, UART_FCR_ENABLE | 0x80);   /* 8 bytes */
    wr(UART_IER, UART_IER_ERBFI);
    host_type("ok\r");
    cr_assert_eq(chardev_poll(chr), 3);
    cr_assert_eq(rd(UART_IIR), 0xc1, "below the trigger, no timeout yet");
    run_to(4 * CHAR_NS - 10);
    cr_assert_eq(irq_level, 0);
    run_to(4 * CHAR_NS + 10);
    cr_assert_eq(irq_level, 1);
    cr_assert_eq(rd(UART_IIR), 0xcc);
    cr_assert_eq(rd(UART_RBR), 'o');
    cr_assert_eq(irq_level, 0, "a read clears the timeout");
    cr_assert_eq(rd(UART_IIR), 0xc1);
    run_to(8 * CHAR_NS + 20);
    cr_assert_eq(rd(UART_IIR), 0xcc, "and restarts it while bytes remain");
    rd(UART_RBR);
    rd(UART_RBR);
    run_to(20 * CHAR_NS);
    cr_assert_eq(rd(UART_IIR), 0xc1, "an empty FIFO never times out");
    cr_assert_eq(clock_next_expire_ns(LEMU_CLOCK_VIRTUAL), -1);
}

Test(uart, character_timeout_needs_erbfi)
{
    wr(UART_LCR, 0x03);
    wr(UART_FCR, UART_FCR_ENABLE | 0x80);
    host_type("k");
    chardev_poll(chr);
    run_to(10 * CHAR_NS);
    cr_assert_eq(rd(UART_IIR), 0xc1);
    wr(UART_IER, UART_IER_ERBFI);
    cr_assert_eq(rd(UART_IIR), 0xcc, "latched, reported once enabled");
}

Test(uart, timeout_follows_the_programmed_baud_rate)
{
    wr(UART_LCR, 0x83);
    wr(UART_DLL, 1);                        /* 230400 baud */
    wr(UART_LCR, 0x03);
    wr(UART_FCR, UART_FCR_ENABLE | 0x80);
    wr(UART_IER, UART_IER_ERBFI);
    host_type("k");
    chardev_poll(chr);
    run_to(4 * (CHAR_NS / 12) + 10);
    cr_assert_eq(rd(UART_IIR), 0xcc);
}

/* ---- interrupt priorities and modem status ------------------------------ */

Test(uart, iir_reports_the_highest_priority_source)
{
    wr(UART_MCR, UART_MCR_LOOP | UART_MCR_RTS);   /* CTS changes: MSR delta */
    wr(UART_IER, 0x0f);
    cr_assert_eq(rd(UART_IIR), UART_IIR_THRE, "THRE outranks modem status");
    cr_assert_eq(rd(UART_IIR), UART_IIR_MS, "THRE read away: modem status");
    wr(UART_THR, 'a');
    wr(UART_THR, 'b');                             /* overrun */
    cr_assert_eq(rd(UART_IIR), UART_IIR_RLS);
    rd(UART_LSR);
    cr_assert_eq(rd(UART_IIR), UART_IIR_RDA);
    rd(UART_RBR);
    cr_assert_eq(rd(UART_IIR), UART_IIR_THRE);
    cr_assert_eq(rd(UART_IIR), UART_IIR_MS);
    rd(UART_MSR);
    cr_assert_eq(rd(UART_IIR), UART_IIR_NONE);
    cr_assert_eq(irq_level, 0);
}

Test(uart, loopback_connects_modem_outputs_to_inputs_with_deltas)
{
    wr(UART_MCR, UART_MCR_LOOP);                   /* everything drops */
    cr_assert_eq(rd(UART_MSR), UART_MSR_DCTS | UART_MSR_DDSR | UART_MSR_DDCD);
    cr_assert_eq(rd(UART_MSR), 0x00, "reading MSR clears the deltas");
    wr(UART_MCR, UART_MCR_LOOP | 0x0f);
    cr_assert_eq(rd(UART_MSR), 0xf0 | UART_MSR_DCTS | UART_MSR_DDSR | UART_MSR_DDCD,
                 "RI rising is not a TERI");
    wr(UART_MCR, UART_MCR_LOOP | 0x0b);            /* OUT1 (RI) falls */
    cr_assert_eq(rd(UART_MSR), 0xb0 | UART_MSR_TERI);
    wr(UART_MCR, UART_MCR_OUT2);                   /* back to the line: CTS, DSR, DCD */
    cr_assert_eq(rd(UART_MSR), 0xb0);
}

Test(uart, modem_status_interrupt_needs_edssi_and_clears_on_msr_read)
{
    wr(UART_MCR, UART_MCR_LOOP);
    cr_assert_eq(irq_level, 0);
    wr(UART_IER, UART_IER_EDSSI);
    cr_assert_eq(irq_level, 1);
    cr_assert_eq(rd(UART_IIR), UART_IIR_MS);
    rd(UART_MSR);
    cr_assert_eq(irq_level, 0);
}

Test(uart, loopback_keeps_the_chardev_out_of_it)
{
    wr(UART_MCR, UART_MCR_LOOP);
    wr(UART_THR, 'L');
    char buf[4];
    cr_assert_eq(host_read(buf, sizeof(buf)), 0, "nothing transmitted to the host");
    host_type("H");
    cr_assert_eq(chardev_poll(chr), 0, "host input is not received in loopback");
    cr_assert_eq(rd(UART_RBR), 'L');
    wr(UART_MCR, 0);
    cr_assert_eq(chardev_poll(chr), 1);
    cr_assert_eq(rd(UART_RBR), 'H');
}

/* ---- bus side ------------------------------------------------------------ */

Test(uart, wider_accesses_address_one_register_in_the_low_byte)
{
    MemTxResult r;
    wr(UART_SCR, 0x5a);
    cr_assert_eq(address_space_ldl_le(&as, BASE + 4, ATTRS, &r), 0x08, "MCR alone");
    cr_assert_eq(r, MEMTX_OK);
    address_space_stl_le(&as, BASE + 4, 0xffffff03, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
    cr_assert_eq(rd(UART_MCR), 0x03);
    cr_assert_eq(rd(UART_SCR), 0x5a, "the neighbours are untouched");
    address_space_stq_le(&as, BASE, 'Q', ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
    char buf[4];
    cr_assert_eq(host_read(buf, sizeof(buf)), 1);
    cr_assert_eq(buf[0], 'Q');
}

Test(uart, region_is_eight_bytes_and_misaligned_accesses_fail)
{
    cr_assert_eq(memory_region_size(ns16550a_mmio(uart)), 8);
    MemTxResult r;
    address_space_ldub(&as, BASE + 8, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
    address_space_ldl_le(&as, BASE + 1, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
}

Test(uart, fdt_node_and_stdout_path)
{
    size_t size = 4096;
    void *fdt = malloc(size);
    cr_assert_eq(fdt_create_empty_tree(fdt, (int)size), 0);
    int soc = fdt_add_subnode(fdt, 0, "soc");
    cr_assert_geq(soc, 0);
    int node = ns16550a_fdt_populate(uart, fdt, soc, 3, 10, true, NULL);
    cr_assert_geq(node, 0);
    cr_assert_eq(fdt_path_offset(fdt, "/soc/serial@10000000"), node);
    int len;
    cr_assert_str_eq(fdt_getprop(fdt, node, "compatible", &len), "ns16550a");
    const fdt64_t *reg = fdt_getprop(fdt, node, "reg", &len);
    cr_assert_eq(len, 16);
    cr_assert_eq(fdt64_ld(&reg[0]), BASE);
    cr_assert_eq(fdt64_ld(&reg[1]), 0x100);
    const fdt32_t *c = fdt_getprop(fdt, node, "clock-frequency", &len);
    cr_assert_eq(fdt32_to_cpu(*c), 3686400);
    c = fdt_getprop(fdt, node, "interrupts", &len);
    cr_assert_eq(fdt32_to_cpu(*c), 10);
    c = fdt_getprop(fdt, node, "interrupt-parent", &len);
    cr_assert_eq(fdt32_to_cpu(*c), 3);
    int chosen = fdt_path_offset(fdt, "/chosen");
    cr_assert_geq(chosen, 0);
    cr_assert_str_eq(fdt_getprop(fdt, chosen, "stdout-path", &len), "/soc/serial@10000000");
    free(fdt);
}
