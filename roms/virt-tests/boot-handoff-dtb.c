/*
 * roms/virt-tests/boot-handoff-dtb.c: what the virt board's reset ROM hands
 * to the program, and the device tree it describes.  Booting with -bios
 * none, the ROM at 0x1000 runs in M-mode and jumps to the program's entry
 * (0x80000000) with a0 = the hart id and a1 = the device tree's address
 * (the convention of the RISC-V boot flow that OpenSBI and Linux follow).
 * The test runs the ROM again, with a locked PMP entry making the entry's
 * first instruction non-executable: the fetch fault (cause 1, mepc = mtval
 * = the entry) catches the registers the ROM set.  The device tree must
 * then have the board's facts, as QEMU's virt has them: compatible
 * "riscv-virtio", stdout-path to the UART, a 10 MHz timebase, hart 0 with
 * an RV64IMAFDC ISA string, Sv48 and its interrupt controller, 128 MiB of
 * RAM at 0x80000000, the UART (PLIC source 10), the test finisher with
 * poweroff (0x5555) and reboot (0x7777) syscon nodes, the PLIC (hart 0's
 * M and S external interrupts) and the CLINT (software and timer).
 */
#include <stdint.h>
#include <string.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

#define ENTRY VIRT_RAM_BASE

struct handoff {
    uint64_t a0, a1, mepc, mcause, mtval;
};

struct handoff handoff;

/* Run the reset ROM from M-mode; return when the fetch at the entry faults. */
void run_reset_rom(void);
__asm__(".text\n"
        ".globl run_reset_rom\nrun_reset_rom:\n"
        "    la t0, handoff_ctx\n"
        "    sd ra, 0(t0)\n    sd sp, 8(t0)\n    sd gp, 16(t0)\n    sd tp, 24(t0)\n"
        "    sd s0, 32(t0)\n    sd s1, 40(t0)\n"
        "    la t0, handoff_trap\n    csrw mtvec, t0\n"
        "    li t0, 0x80000000 >> 2\n    csrw pmpaddr0, t0\n"
        "    li t0, 0x93\n    csrw pmpcfg0, t0\n"     /* L | NA4 | R | W: no X, binds M */
        "    li t0, 0x1000\n    jr t0\n"
        "    .align 2\n"
        "handoff_trap:\n"
        "    la t0, handoff\n"
        "    sd a0, 0(t0)\n    sd a1, 8(t0)\n"
        "    csrr t1, mepc\n    sd t1, 16(t0)\n"
        "    csrr t1, mcause\n    sd t1, 24(t0)\n"
        "    csrr t1, mtval\n    sd t1, 32(t0)\n"
        "    la t0, handoff_ctx\n"
        "    ld ra, 0(t0)\n    ld sp, 8(t0)\n    ld gp, 16(t0)\n    ld tp, 24(t0)\n"
        "    ld s0, 32(t0)\n    ld s1, 40(t0)\n"
        "    ret\n"
        "    .bss\n    .align 3\nhandoff_ctx:\n    .space 48\n"
        "    .text\n");

static const uint8_t *fdt;

static uint32_t be32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* The value of property `prop` of the node at `path`, its length in *len;
 * NULL if absent.  A plain walk of the structure block. */
static const uint8_t *fdt_prop(const char *path, const char *prop, uint32_t *len)
{
    const uint8_t *st = fdt + be32(fdt + 8);
    const char *strings = (const char *)fdt + be32(fdt + 12);
    char cur[128] = "";
    size_t stack[16];
    int depth = 0;
    uint32_t off = 0;
    for (;;) {
        uint32_t tok = be32(st + off);
        off += 4;
        if (tok == 1) {                         /* FDT_BEGIN_NODE */
            const char *name = (const char *)st + off;
            size_t n = strlen(name);
            if (depth >= 16)
                return 0;
            stack[depth++] = strlen(cur);
            if (depth > 1) {
                size_t l = strlen(cur);
                if (l + 1 + n + 1 > sizeof(cur))
                    return 0;
                cur[l] = '/';
                memcpy(cur + l + 1, name, n + 1);
            }
            off += (uint32_t)((n + 1 + 3) & ~3u);
        } else if (tok == 2) {                  /* FDT_END_NODE */
            if (depth == 0)
                return 0;
            cur[stack[--depth]] = 0;
        } else if (tok == 3) {                  /* FDT_PROP */
            uint32_t l = be32(st + off);
            const char *name = strings + be32(st + off + 4);
            const uint8_t *val = st + off + 8;
            const char *here = depth == 1 ? "/" : cur;
            if (!strcmp(here, path) && !strcmp(name, prop)) {
                *len = l;
                return val;
            }
            off += 8 + ((l + 3) & ~3u);
        } else if (tok == 4) {                  /* FDT_NOP */
            continue;
        } else {                                /* FDT_END or garbage */
            return 0;
        }
    }
}

/* True if the property is a string list containing s. */
static int has_string(const char *path, const char *prop, const char *s)
{
    uint32_t len;
    const char *v = (const char *)fdt_prop(path, prop, &len);
    for (uint32_t i = 0; v && i < len; i += (uint32_t)strlen(v + i) + 1) {
        if (!strcmp(v + i, s))
            return 1;
    }
    return 0;
}

static int is_string(const char *path, const char *prop, const char *s)
{
    uint32_t len;
    const char *v = (const char *)fdt_prop(path, prop, &len);
    return v && len == strlen(s) + 1 && !memcmp(v, s, len);
}

/* The property's cells equal the n given. */
static int is_cells(const char *path, const char *prop, const uint32_t *cells, uint32_t n)
{
    uint32_t len;
    const uint8_t *v = fdt_prop(path, prop, &len);
    if (!v || len != 4 * n)
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        if (be32(v + 4 * i) != cells[i])
            return 0;
    }
    return 1;
}

int main(void)
{
    run_reset_rom();
    vtrap_install();
    CHECK(1, handoff.mcause == CAUSE_FETCH_ACCESS);
    CHECK(2, handoff.mepc == ENTRY && handoff.mtval == ENTRY);
    CHECK(3, handoff.a0 == 0);
    fdt = (const uint8_t *)(uintptr_t)handoff.a1;
    CHECK(4, be32(fdt) == 0xd00dfeed);
    CHECK(5, be32(fdt + 20) >= 17);                /* version */
    test_group_ok("reset ROM: entry, a0 = hart id, a1 = device tree");

    CHECK(10, has_string("/", "compatible", "riscv-virtio"));
    CHECK(11, is_string("/chosen", "stdout-path", "/soc/serial@10000000"));
    static const uint32_t freq[1] = { 10000000 };
    CHECK(12, is_cells("/cpus", "timebase-frequency", freq, 1));
    static const uint32_t zero[1] = { 0 };
    CHECK(13, is_cells("/cpus/cpu@0", "reg", zero, 1));
    CHECK(14, is_string("/cpus/cpu@0", "mmu-type", "riscv,sv48"));
    uint32_t len;
    const char *isa = (const char *)fdt_prop("/cpus/cpu@0", "riscv,isa", &len);
    CHECK(15, isa && !strncmp(isa, "rv64imafdc", 10));
    CHECK(16, has_string("/cpus/cpu@0/interrupt-controller", "compatible", "riscv,cpu-intc"));
    const uint8_t *ph = fdt_prop("/cpus/cpu@0/interrupt-controller", "phandle", &len);
    CHECK(17, ph && len == 4);
    uint32_t intc = be32(ph);
    static const uint32_t mem[4] = { 0, 0x80000000, 0, 0x8000000 };
    CHECK(18, is_cells("/memory@80000000", "reg", mem, 4));
    CHECK(19, is_string("/memory@80000000", "device_type", "memory"));
    test_group_ok("device tree: board, chosen, cpus, memory");

    static const uint32_t uart_reg[4] = { 0, 0x10000000, 0, 0x100 };
    static const uint32_t uart_irq[1] = { 10 };
    CHECK(20, has_string("/soc/serial@10000000", "compatible", "ns16550a"));
    CHECK(21, is_cells("/soc/serial@10000000", "reg", uart_reg, 4));
    CHECK(22, is_cells("/soc/serial@10000000", "interrupts", uart_irq, 1));
    CHECK(23, has_string("/soc/test@100000", "compatible", "sifive,test0"));
    static const uint32_t off[1] = { 0x5555 }, reb[1] = { 0x7777 };
    CHECK(24, has_string("/poweroff", "compatible", "syscon-poweroff"));
    CHECK(25, is_cells("/poweroff", "value", off, 1));
    CHECK(26, is_cells("/reboot", "value", reb, 1));
    CHECK(27, has_string("/soc/plic@c000000", "compatible", "riscv,plic0"));
    const uint32_t plic_irqs[4] = { intc, IRQ_M_EXT, intc, IRQ_S_EXT };
    CHECK(28, is_cells("/soc/plic@c000000", "interrupts-extended", plic_irqs, 4));
    static const uint32_t clint_reg[4] = { 0, 0x2000000, 0, 0x10000 };
    CHECK(29, has_string("/soc/clint@2000000", "compatible", "riscv,clint0"));
    CHECK(30, is_cells("/soc/clint@2000000", "reg", clint_reg, 4));
    const uint32_t clint_irqs[4] = { intc, IRQ_M_SOFT, intc, IRQ_M_TIMER };
    CHECK(31, is_cells("/soc/clint@2000000", "interrupts-extended", clint_irqs, 4));
    test_group_ok("device tree: UART, test finisher, PLIC, CLINT");
    return 0;
}
