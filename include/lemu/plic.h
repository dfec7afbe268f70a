/*
 * plic.h: the RISC-V platform-level interrupt controller (hw/plic.c) with
 * the layout of QEMU virt's SiFive PLIC at 0xc000000: 96 interrupt sources
 * (1..95; 0 means "no interrupt"), priorities 0..7, and two contexts per
 * hart: context 2*h is hart h's M mode (drives its MEIP line), context
 * 2*h+1 its S mode (drives SEIP).
 *
 * Register map (offsets in the region; 32-bit accesses only, as QEMU: any
 * other size is refused, which the CPU turns into an access fault):
 *   0x000000 + 4*src       priority of source src (WARL: 3 bits; source 0
 *                          reads 0, writes ignored)
 *   0x001000 + 4*w         pending bits of sources 32w..32w+31 (read-only)
 *   0x002000 + 0x80*ctx    enable bits of context ctx, 32 sources a word
 *                          (bit 0 of word 0 hardwired to 0)
 *   0x200000 + 0x1000*ctx  priority threshold of context ctx (WARL: 3 bits)
 *   0x200004 + 0x1000*ctx  claim (read) / complete (write)
 * Other offsets inside the region read 0 and ignore writes (logged with
 * -d guest_errors).  The region is PLIC_APERTURE(contexts) bytes long, as
 * QEMU's (0x210000 for 8 harts), while the device tree's reg says
 * PLIC_VIRT_SIZE (0x600000), as QEMU's does.
 *
 * Behaviour (the RISC-V PLIC specification 1.0.0, and QEMU where the
 * specification leaves room):
 *   - Sources are level-triggered.  A source whose line is high and that is
 *     not in service is pending; when its line drops before a claim its
 *     pending bit clears (QEMU's behaviour: a request is not latched).
 *   - A context's EIP line is high while some source is pending, enabled
 *     for it, and of a priority above its threshold.
 *   - Claim returns the pending, enabled source of the highest non-zero
 *     priority (ties: the lowest ID), or 0; it clears its pending bit and
 *     puts it in service.  As the specification says (and QEMU does not),
 *     the threshold does not restrict a claim: a hart may poll with its
 *     threshold at 7.
 *   - Complete of a source in service that is enabled for the context ends
 *     the service; if the line is still high the source is pending again
 *     at once.  A completion of a source not enabled for the context, not
 *     in service, or out of range is ignored (the specification; QEMU does
 *     not check the enable).
 *
 * How a board wires it (what virt needs):
 *     IRQ meip[n], seip[n];   for each hart h: riscv_cpu_irq(cpu[h], RISCV_IRQ_M_EXT)
 *                             and riscv_cpu_irq(cpu[h], RISCV_IRQ_S_EXT)
 *     PLICConfig cfg = { .num_harts = n, .meip = meip, .seip = seip };
 *     PLICState *plic = plic_create(ms->system_memory, PLIC_VIRT_BASE, &cfg);
 *     devices' interrupt lines: plic_source_irq(plic, 10) for the UART, ...
 *     device tree: plic_fdt_populate(plic, fdt, riscv_fdt_soc(fdt), intc_phandles,
 *                                    PLIC_PHANDLE, errp)
 *   The CPU must let the PLIC drive SEIP (mip.SEIP as seen by csrr is the
 *   OR of the software-writable bit and this line, per the privileged spec).
 */
#ifndef LEMU_PLIC_H
#define LEMU_PLIC_H

#include <stdbool.h>
#include <stdint.h>

#include "lemu/error.h"
#include "lemu/irq.h"
#include "lemu/memory.h"

#define PLIC_VIRT_BASE 0xc000000
/* The size QEMU virt reserves for the PLIC (device tree "reg"). */
#define PLIC_VIRT_SIZE 0x600000
/*
 * Sources including the non-existent source 0: QEMU virt has sources 1 to
 * 96 (its device tree says riscv,ndev = 96, and source 96 keeps a priority).
 */
#define PLIC_VIRT_NUM_SOURCES 97
/* The highest priority ("riscv,max-priority" would be 7 on QEMU virt). */
#define PLIC_VIRT_MAX_PRIORITY 7
/* The interrupt IDs QEMU virt gives its devices. */
#define PLIC_VIRT_UART0_IRQ 10
#define PLIC_VIRT_RTC_IRQ 11
#define PLIC_VIRT_VIRTIO_IRQ 1   /* virtio-mmio slot i: 1 + i */

#define PLIC_PRIORITY_BASE 0x0
#define PLIC_PENDING_BASE 0x1000
#define PLIC_ENABLE_BASE 0x2000
#define PLIC_ENABLE_STRIDE 0x80
#define PLIC_CONTEXT_BASE 0x200000
#define PLIC_CONTEXT_STRIDE 0x1000
#define PLIC_CONTEXT_THRESHOLD 0x0
#define PLIC_CONTEXT_CLAIM 0x4
/* The region's size for `contexts` contexts (QEMU's aperture). */
#define PLIC_APERTURE(contexts) (PLIC_CONTEXT_BASE + (uint64_t)(contexts) * PLIC_CONTEXT_STRIDE)

/* Limits of the register map. */
#define PLIC_MAX_SOURCES 1024
#define PLIC_MAX_CONTEXTS 15872
#define PLIC_MAX_HARTS (PLIC_MAX_CONTEXTS / 2)

/* Interrupt numbers a hart's interrupt controller uses in the device tree. */
#define PLIC_FDT_IRQ_M_EXT 11
#define PLIC_FDT_IRQ_S_EXT 9

typedef struct PLICState PLICState;

typedef struct PLICConfig {
    unsigned num_harts;       /* 1..PLIC_MAX_HARTS: contexts 2h (M) and 2h+1 (S) */
    const IRQ *meip;          /* meip[h]: hart h's M external line (array copied; NULL entries ok) */
    const IRQ *seip;          /* seip[h]: hart h's S external line; the array may be NULL */
    unsigned num_sources;     /* sources including 0, 2..PLIC_MAX_SOURCES; 0: 97 */
    unsigned max_priority;    /* 1..0xffffffff; 0: 7.  With 2^n - 1, priority and
                                 threshold keep their n low bits (WARL); otherwise a
                                 larger value is ignored. */
    uint64_t aperture;        /* size of the region; 0: PLIC_APERTURE(contexts).  QEMU's
                                 virt maps PLIC_VIRT_SIZE whatever the hart count. */
} PLICConfig;

/*
 * Create a PLIC and map it at `base` in `sysmem` (which may be NULL: map
 * plic_mmio() yourself).  A configuration outside the limits is a
 * programming error (message and abort).  All registers start at 0, every
 * output line low.
 */
PLICState *plic_create(MemoryRegion *sysmem, hwaddr base, const PLICConfig *cfg);

/*
 * The input line of `source` (1..num_sources-1), for the device that raises
 * it; level-triggered (irq_set(line, 1) while the device wants service).
 * Source 0 or one out of range: NULL (irq_set on NULL does nothing).
 */
IRQ plic_source_irq(PLICState *s, unsigned source);

/* The PLIC_APERTURE(contexts)-byte I/O region "riscv.sifive.plic". */
MemoryRegion *plic_mmio(PLICState *s);
unsigned plic_num_sources(const PLICState *s);
unsigned plic_num_contexts(const PLICState *s);

/*
 * Add the node "plic@<base>" under node `parent` (normally /soc) of fdt:
 *   compatible = "sifive,plic-1.0.0", "riscv,plic0"
 *   reg = <base PLIC_VIRT_SIZE> (two address and size cells; the aperture if larger)
 *   #address-cells = <0>, #interrupt-cells = <1>, interrupt-controller
 *   interrupts-extended = <intc[h] 11 intc[h] 9> for each hart h (M then S,
 *                         in context order)
 *   riscv,ndev = <num_sources - 1> (95), phandle = <phandle>
 * intc_phandles[h] is hart h's "riscv,cpu-intc" node.  Devices then say
 * interrupt-parent = <phandle> and interrupts = <their source>.  Returns the
 * node offset, or -1 + errp.
 */
int plic_fdt_populate(PLICState *s, void *fdt, int parent, const uint32_t *intc_phandles,
                      uint32_t phandle, Error **errp);

#endif
