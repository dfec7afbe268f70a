/*
 * test-plic.c: the PLIC (hw/plic.c) with QEMU virt's layout, driven through
 * an address space as a guest would, with its source lines raised by the
 * test and its context outputs (two harts: M and S each) connected to fake
 * MEIP/SEIP receivers.
 */
#include <criterion/criterion.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/irq.h"
#include "lemu/memory.h"
#include "lemu/ns16550a.h"
#include "lemu/plic.h"

#define BASE PLIC_VIRT_BASE
#define ATTRS MEMTXATTRS_UNSPECIFIED
#define HARTS 2

static MemoryRegion root;
static AddressSpace as;
static PLICState *plic;
static int meip[HARTS];
static int seip[HARTS];
static int output_calls;

static void meip_handler(void *opaque, int n, int level)
{
    meip[n] = level;
    output_calls++;
}

static void seip_handler(void *opaque, int n, int level)
{
    seip[n] = level;
    output_calls++;
}

static void setup_with(unsigned max_priority)
{
    memory_region_init(&root, NULL, "root", UINT64_MAX);
    address_space_init(&as, &root, "plic-test");
    IRQ *m = irq_allocate(meip_handler, NULL, HARTS);
    IRQ *s = irq_allocate(seip_handler, NULL, HARTS);
    PLICConfig cfg = { .num_harts = HARTS, .meip = m, .seip = s, .max_priority = max_priority };
    plic = plic_create(&root, BASE, &cfg);
    free(m);    /* the arrays are copied; the lines now belong to the PLIC */
    free(s);
}

static void setup(void)
{
    setup_with(0);
}

static uint32_t rd(hwaddr off)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&as, BASE + off, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "read at 0x%llx", (unsigned long long)off);
    return v;
}

static void wr(hwaddr off, uint32_t v)
{
    MemTxResult r;
    address_space_stl_le(&as, BASE + off, v, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK, "write at 0x%llx", (unsigned long long)off);
}

static hwaddr prio(unsigned src)
{
    return PLIC_PRIORITY_BASE + 4 * src;
}

static hwaddr pending_word(unsigned w)
{
    return PLIC_PENDING_BASE + 4 * w;
}

static hwaddr enable(unsigned ctx, unsigned w)
{
    return PLIC_ENABLE_BASE + PLIC_ENABLE_STRIDE * ctx + 4 * w;
}

static hwaddr threshold(unsigned ctx)
{
    return PLIC_CONTEXT_BASE + PLIC_CONTEXT_STRIDE * ctx + PLIC_CONTEXT_THRESHOLD;
}

static hwaddr claim(unsigned ctx)
{
    return PLIC_CONTEXT_BASE + PLIC_CONTEXT_STRIDE * ctx + PLIC_CONTEXT_CLAIM;
}

static void line(unsigned src, int level)
{
    irq_set(plic_source_irq(plic, src), level);
}

static void enable_src(unsigned ctx, unsigned src)
{
    wr(enable(ctx, src / 32), rd(enable(ctx, src / 32)) | (1u << (src % 32)));
}

TestSuite(plic, .init = setup);

Test(plic, everything_starts_at_zero_with_outputs_low)
{
    for (unsigned src = 0; src < PLIC_VIRT_NUM_SOURCES; src++) {
        cr_assert_eq(rd(prio(src)), 0);
    }
    for (unsigned w = 0; w < 4; w++) {
        cr_assert_eq(rd(pending_word(w)), 0);
        for (unsigned ctx = 0; ctx < 2 * HARTS; ctx++) {
            cr_assert_eq(rd(enable(ctx, w)), 0);
        }
    }
    for (unsigned ctx = 0; ctx < 2 * HARTS; ctx++) {
        cr_assert_eq(rd(threshold(ctx)), 0);
        cr_assert_eq(rd(claim(ctx)), 0);
    }
    cr_assert_eq(output_calls, 0);
    cr_assert_eq(plic_num_sources(plic), 97);
    cr_assert_eq(plic_num_contexts(plic), 4);
}

Test(plic, priority_is_warl_with_three_bits)
{
    wr(prio(10), 5);
    cr_assert_eq(rd(prio(10)), 5);
    wr(prio(10), 0xffffffff);
    cr_assert_eq(rd(prio(10)), 7);
    wr(prio(96), 9);
    cr_assert_eq(rd(prio(96)), 1);
    wr(prio(97), 5);
    cr_assert_eq(rd(prio(97)), 0, "there is no source 97");
}

Test(plic, source_zero_priority_is_hardwired_to_zero)
{
    wr(prio(0), 7);
    cr_assert_eq(rd(prio(0)), 0);
}

Test(plic, threshold_is_warl_with_three_bits)
{
    wr(threshold(3), 0xf);
    cr_assert_eq(rd(threshold(3)), 7);
    cr_assert_eq(rd(threshold(2)), 0);
}

static void setup_max5(void)
{
    setup_with(5);
}

Test(plic_max5, priority_above_a_non_mask_maximum_is_ignored, .init = setup_max5)
{
    wr(prio(3), 4);
    wr(prio(3), 6);
    cr_assert_eq(rd(prio(3)), 4, "6 > max 5: the old value stays");
    wr(prio(3), 5);
    cr_assert_eq(rd(prio(3)), 5);
}

Test(plic, pending_follows_the_line_bit_per_source)
{
    line(1, 1);
    line(33, 1);
    line(95, 1);
    line(96, 1);
    cr_assert_eq(rd(pending_word(0)), 1u << 1);
    cr_assert_eq(rd(pending_word(1)), 1u << 1);
    cr_assert_eq(rd(pending_word(2)), 1u << 31);
    cr_assert_eq(rd(pending_word(3)), 1u << 0);
    line(33, 0);
    cr_assert_eq(rd(pending_word(1)), 1u << 1, "a request stays pending until claimed");
    cr_assert_eq(rd(claim(0)), 0, "context 0 enables nothing");
}

Test(plic, pending_bits_are_read_only)
{
    wr(pending_word(0), 0xffffffff);
    cr_assert_eq(rd(pending_word(0)), 0);
    line(4, 1);
    wr(pending_word(0), 0);
    cr_assert_eq(rd(pending_word(0)), 1u << 4);
}

Test(plic, enable_bit_zero_is_hardwired_and_contexts_are_separate)
{
    wr(enable(1, 0), 0xffffffff);
    cr_assert_eq(rd(enable(1, 0)), 0xfffffffe);
    wr(enable(2, 2), 0x80000001);
    cr_assert_eq(rd(enable(2, 2)), 0x80000001);
    cr_assert_eq(rd(enable(0, 0)), 0);
    cr_assert_eq(rd(enable(3, 2)), 0);
}

Test(plic, source_irq_for_zero_or_out_of_range_is_null)
{
    cr_assert_null(plic_source_irq(plic, 0));
    cr_assert_null(plic_source_irq(plic, 97));
    cr_assert_not_null(plic_source_irq(plic, 96));
    irq_set(plic_source_irq(plic, 0), 1);   /* harmless */
    cr_assert_eq(rd(pending_word(0)), 0);
}

Test(plic, m_context_drives_meip_and_s_context_seip_of_its_hart)
{
    wr(prio(10), 1);
    enable_src(1, 10);              /* hart 0, S */
    line(10, 1);
    cr_assert_eq(seip[0], 1);
    cr_assert_eq(meip[0], 0);
    cr_assert_eq(meip[1], 0);
    cr_assert_eq(seip[1], 0);
    enable_src(2, 10);              /* hart 1, M */
    cr_assert_eq(meip[1], 1);
    /* The request outlives the line; the first claim takes it from both. */
    line(10, 0);
    cr_assert_eq(seip[0], 1);
    cr_assert_eq(rd(claim(2)), 10);
    cr_assert_eq(seip[0], 0);
    cr_assert_eq(meip[1], 0);
}

Test(plic, priority_zero_never_interrupts)
{
    enable_src(0, 5);
    line(5, 1);
    cr_assert_eq(meip[0], 0);
    cr_assert_eq(rd(claim(0)), 0, "priority 0 cannot be claimed either");
    wr(prio(5), 1);
    cr_assert_eq(meip[0], 1);
    wr(prio(5), 0);
    cr_assert_eq(meip[0], 0);
}

Test(plic, threshold_masks_priorities_up_to_and_including_it)
{
    wr(prio(7), 3);
    enable_src(0, 7);
    wr(threshold(0), 3);
    line(7, 1);
    cr_assert_eq(meip[0], 0);
    wr(threshold(0), 2);
    cr_assert_eq(meip[0], 1);
    wr(threshold(0), 7);
    cr_assert_eq(meip[0], 0);
}

Test(plic, claim_ignores_the_threshold)
{
    wr(prio(7), 3);
    enable_src(0, 7);
    wr(threshold(0), 7);
    line(7, 1);
    cr_assert_eq(meip[0], 0);
    cr_assert_eq(rd(claim(0)), 7, "polling with the threshold at max still claims");
}

Test(plic, disabled_source_does_not_interrupt_or_claim)
{
    wr(prio(9), 1);
    line(9, 1);
    cr_assert_eq(meip[0], 0);
    cr_assert_eq(rd(claim(0)), 0);
    cr_assert_eq(rd(pending_word(0)), 1u << 9, "still pending");
}

Test(plic, claim_picks_highest_priority_then_lowest_id)
{
    wr(prio(3), 2);
    wr(prio(4), 6);
    wr(prio(40), 6);
    wr(prio(2), 2);
    for (unsigned src = 1; src < 97; src++) {
        enable_src(0, src);
    }
    line(3, 1);
    line(40, 1);
    line(4, 1);
    line(2, 1);
    cr_assert_eq(rd(claim(0)), 4);
    cr_assert_eq(rd(claim(0)), 40);
    cr_assert_eq(rd(claim(0)), 2);
    cr_assert_eq(rd(claim(0)), 3);
    cr_assert_eq(rd(claim(0)), 0);
    cr_assert_eq(meip[0], 0, "everything claimed: EIP low");
}

Test(plic, claim_clears_pending_and_drops_eip)
{
    wr(prio(10), 1);
    enable_src(0, 10);
    line(10, 1);
    cr_assert_eq(meip[0], 1);
    cr_assert_eq(rd(claim(0)), 10);
    cr_assert_eq(rd(pending_word(0)), 0);
    cr_assert_eq(meip[0], 0);
}

Test(plic, in_service_source_stays_quiet_until_complete_then_repends_if_high)
{
    wr(prio(10), 1);
    enable_src(0, 10);
    line(10, 1);
    cr_assert_eq(rd(claim(0)), 10);
    line(10, 1);                    /* the device still asserts */
    cr_assert_eq(rd(pending_word(0)), 0, "no new request before completion");
    cr_assert_eq(meip[0], 0);
    wr(claim(0), 10);               /* complete */
    cr_assert_eq(rd(pending_word(0)), 1u << 10, "still high: a new request");
    cr_assert_eq(meip[0], 1);
}

Test(plic, complete_after_the_line_dropped_leaves_nothing_pending)
{
    wr(prio(10), 1);
    enable_src(0, 10);
    line(10, 1);
    cr_assert_eq(rd(claim(0)), 10);
    line(10, 0);
    wr(claim(0), 10);
    cr_assert_eq(rd(pending_word(0)), 0);
    cr_assert_eq(meip[0], 0);
    line(10, 1);
    cr_assert_eq(meip[0], 1, "the gateway takes new requests again");
}

Test(plic, complete_of_a_source_not_enabled_for_the_context_is_ignored)
{
    wr(prio(10), 1);
    enable_src(0, 10);
    line(10, 1);
    cr_assert_eq(rd(claim(0)), 10);
    wr(claim(1), 10);               /* S context: source 10 not enabled there */
    cr_assert_eq(rd(pending_word(0)), 0, "still in service");
    wr(enable(0, 0), 0);            /* nor once disabled for the claimer */
    wr(claim(0), 10);
    enable_src(0, 10);
    cr_assert_eq(rd(pending_word(0)), 0, "still in service");
    wr(claim(0), 10);
    cr_assert_eq(rd(pending_word(0)), 1u << 10);
}

Test(plic, complete_of_invalid_ids_is_ignored)
{
    wr(claim(0), 0);
    wr(claim(0), 97);
    wr(claim(0), 0xffffffff);
    wr(claim(3), 12345);
    cr_assert_eq(rd(pending_word(0)), 0);
    cr_assert_eq(rd(claim(0)), 0);
}

Test(plic, complete_without_claim_changes_nothing)
{
    wr(prio(6), 1);
    enable_src(0, 6);
    line(6, 1);
    wr(claim(0), 6);
    cr_assert_eq(rd(pending_word(0)), 1u << 6);
    cr_assert_eq(meip[0], 1);
}

Test(plic, enabled_in_two_contexts_both_see_it_until_one_claims)
{
    wr(prio(20), 4);
    enable_src(0, 20);
    enable_src(2, 20);
    line(20, 1);
    cr_assert_eq(meip[0], 1);
    cr_assert_eq(meip[1], 1);
    cr_assert_eq(rd(claim(2)), 20);
    cr_assert_eq(meip[0], 0);
    cr_assert_eq(meip[1], 0);
    cr_assert_eq(rd(claim(0)), 0, "the other hart finds nothing");
    wr(claim(0), 20);               /* either enabled context may complete */
    cr_assert_eq(meip[0], 1);
    cr_assert_eq(meip[1], 1);
}

Test(plic, lower_priority_shows_once_the_higher_is_claimed)
{
    wr(prio(1), 1);
    wr(prio(2), 5);
    enable_src(0, 1);
    enable_src(0, 2);
    wr(threshold(0), 0);
    line(1, 1);
    line(2, 1);
    cr_assert_eq(rd(claim(0)), 2);
    cr_assert_eq(meip[0], 1, "source 1 still waits");
    cr_assert_eq(rd(claim(0)), 1);
    cr_assert_eq(meip[0], 0);
}

Test(plic, outputs_are_driven_only_when_they_change)
{
    wr(prio(10), 1);
    enable_src(0, 10);
    line(10, 1);
    int calls = output_calls;
    line(10, 1);
    line(10, 1);
    wr(prio(11), 3);
    line(10, 0);                    /* the request stays pending */
    cr_assert_eq(output_calls, calls);
    rd(claim(0));
    cr_assert_eq(output_calls, calls + 1);
}

Test(plic, unimplemented_registers_read_zero_and_ignore_writes)
{
    wr(PLIC_CONTEXT_BASE + 8, 0x1234);
    cr_assert_eq(rd(PLIC_CONTEXT_BASE + 8), 0);
    cr_assert_eq(rd(PLIC_PRIORITY_BASE + 4 * 200), 0);
    cr_assert_eq(rd(pending_word(4)), 0);
    wr(enable(0, 3), 0xffffffff);
    cr_assert_eq(rd(enable(0, 3)), 1, "word 3 holds source 96 only");
    wr(enable(0, 4), 0xffffffff);
    cr_assert_eq(rd(enable(0, 4)), 0);
    wr(enable(4, 0), 0xffffffff);   /* context 4 does not exist with 2 harts */
    cr_assert_eq(rd(enable(4, 0)), 0);
    cr_assert_eq(rd(PLIC_CONTEXT_BASE + 0x1ffc), 0);
}

Test(plic, only_32bit_accesses_are_accepted)
{
    MemTxResult r;
    wr(prio(10), 3);
    address_space_ldub(&as, BASE + prio(10), ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
    address_space_stw_le(&as, BASE + prio(10), 1, ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
    address_space_ldq_le(&as, BASE + prio(10), ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
    cr_assert_eq(rd(prio(10)), 3);
}

Test(plic, region_covers_the_contexts_of_the_harts_only)
{
    cr_assert_eq(memory_region_size(plic_mmio(plic)), PLIC_APERTURE(4));
    cr_assert_eq(PLIC_APERTURE(4), 0x204000);
    MemTxResult r;
    address_space_ldl_le(&as, BASE + PLIC_APERTURE(4), ATTRS, &r);
    cr_assert_neq(r, MEMTX_OK);
}

Test(plic, uart_on_source_10_interrupts_a_hart_as_on_virt)
{
    NS16550AState *uart = ns16550a_create(&root, NS16550A_VIRT_BASE,
                                          plic_source_irq(plic, PLIC_VIRT_UART0_IRQ), NULL);
    cr_assert_not_null(uart);
    wr(prio(PLIC_VIRT_UART0_IRQ), 1);
    enable_src(1, PLIC_VIRT_UART0_IRQ);        /* hart 0, S mode, as U-Boot/Linux do */
    MemTxResult r;
    address_space_stb(&as, NS16550A_VIRT_BASE + UART_IER, UART_IER_ETBEI, ATTRS, &r);
    cr_assert_eq(r, MEMTX_OK);
    cr_assert_eq(seip[0], 1, "THR empty -> UART line -> PLIC -> SEIP");
    cr_assert_eq(rd(claim(1)), PLIC_VIRT_UART0_IRQ);
    cr_assert_eq(seip[0], 0);
    /* The handler reads IIR (THRE: cleared), then completes. */
    cr_assert_eq(address_space_ldub(&as, NS16550A_VIRT_BASE + UART_IIR, ATTRS, &r), 0x02);
    wr(claim(1), PLIC_VIRT_UART0_IRQ);
    cr_assert_eq(seip[0], 0, "the UART no longer asks");
    cr_assert_eq(rd(pending_word(0)), 0);
    address_space_stb(&as, NS16550A_VIRT_BASE + UART_THR, 'x', ATTRS, &r);
    cr_assert_eq(seip[0], 1, "the next byte sent: THR empty again");
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

Test(plic, fdt_node_has_what_opensbi_and_linux_look_for)
{
    size_t size = 4096;
    void *fdt = malloc(size);
    cr_assert_eq(fdt_create_empty_tree(fdt, (int)size), 0);
    int soc = fdt_add_subnode(fdt, 0, "soc");
    uint32_t intc[HARTS] = { 1, 2 };
    int node = plic_fdt_populate(plic, fdt, soc, intc, 9, NULL);
    cr_assert_geq(node, 0);
    const char *path = "/soc/plic@c000000";
    cr_assert_eq(fdt_path_offset(fdt, path), node);

    int len;
    const char *compat = prop(fdt, path, "compatible", &len);
    static const char want[] = "sifive,plic-1.0.0\0riscv,plic0";
    cr_assert_eq(len, (int)sizeof(want));
    cr_assert_eq(memcmp(compat, want, sizeof(want)), 0);
    const fdt64_t *reg = prop(fdt, path, "reg", &len);
    cr_assert_eq(len, 16);
    cr_assert_eq(fdt64_ld(&reg[0]), BASE);
    cr_assert_eq(fdt64_ld(&reg[1]), PLIC_VIRT_SIZE);
    cr_assert_eq(prop_u32(fdt, path, "riscv,ndev"), 96);
    cr_assert_eq(prop_u32(fdt, path, "#interrupt-cells"), 1);
    cr_assert_eq(prop_u32(fdt, path, "#address-cells"), 0);
    cr_assert_eq(prop_u32(fdt, path, "phandle"), 9);
    prop(fdt, path, "interrupt-controller", &len);
    cr_assert_eq(len, 0);
    const fdt32_t *ie = prop(fdt, path, "interrupts-extended", &len);
    cr_assert_eq(len, 4 * HARTS * 4);
    uint32_t want_ie[] = { 1, 11, 1, 9, 2, 11, 2, 9 };
    for (unsigned i = 0; i < 8; i++) {
        cr_assert_eq(fdt32_to_cpu(ie[i]), want_ie[i], "cell %u", i);
    }
    free(fdt);
}

Test(plic, fdt_out_of_space_is_an_error)
{
    size_t size = 200;
    void *fdt = malloc(size);
    cr_assert_eq(fdt_create_empty_tree(fdt, (int)size), 0);
    uint32_t intc[HARTS] = { 1, 2 };
    Error *err = NULL;
    cr_assert_eq(plic_fdt_populate(plic, fdt, 0, intc, 9, &err), -1);
    cr_assert_not_null(err);
    error_free(err);
    free(fdt);
}
