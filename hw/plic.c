/*
 * hw/plic.c: the platform-level interrupt controller of include/lemu/plic.h:
 * the source gateways (level-triggered), the priority/pending/enable/
 * threshold registers, claim and complete, and the contexts' EIP lines.
 *
 * Per-source state is kept as bitmaps of 32-bit words, the layout the
 * registers expose: `level` (the input line), `pending` (a request the
 * core holds) and `in_service` (claimed, not yet completed).  The gateway
 * turns a high line into a request when the source is not in service,
 * evaluated when the line moves and when service ends; a request stays
 * pending until it is claimed, even if the line drops first (the PLIC
 * specification's gateway, and QEMU's behaviour).  Every
 * change re-evaluates all contexts; an output line is only driven when its
 * level changes, so that the hart sees edges, not repeats.
 */
#include "config.h"
#include "lemu/plic.h"

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>

#include "lemu/log.h"

struct PLICState {
    MemoryRegion mmio;
    hwaddr base;
    unsigned num_harts;
    unsigned num_contexts;
    unsigned num_sources;
    unsigned num_words;         /* 32-bit words of a source bitmap */
    uint32_t max_priority;
    bool priority_is_mask;      /* max_priority is 2^n - 1: WARL by masking */

    uint32_t *priority;         /* [num_sources] */
    uint32_t *level;            /* [num_words] */
    uint32_t *pending;          /* [num_words] */
    uint32_t *in_service;       /* [num_words] */
    uint32_t *enable;           /* [num_contexts * num_words] */
    uint32_t *threshold;        /* [num_contexts] */
    IRQ *outputs;               /* [num_contexts] */
    bool *output_level;         /* [num_contexts] */
    IRQ *source_irqs;           /* [num_sources]; entry 0 unused */
};

static void *plic_alloc_or_die(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size);
    if (!p) {
        fprintf(stderr, "lemu: out of memory creating the PLIC\n");
        abort();
    }
    return p;
}

static bool plic_bit(const uint32_t *map, unsigned id)
{
    return (map[id / 32] >> (id % 32)) & 1;
}

static void plic_set_bit(uint32_t *map, unsigned id, bool value)
{
    uint32_t mask = 1u << (id % 32);
    if (value) {
        map[id / 32] |= mask;
    } else {
        map[id / 32] &= ~mask;
    }
}

/* The bits of enable word w that name real sources. */
static uint32_t plic_valid_bits(const PLICState *s, unsigned w)
{
    uint32_t mask = UINT32_MAX;
    if (w == 0) {
        mask &= ~1u;
    }
    unsigned first = w * 32;
    if (first + 32 > s->num_sources) {
        unsigned n = s->num_sources > first ? s->num_sources - first : 0;
        mask &= n >= 32 ? UINT32_MAX : ((1u << n) - 1);
    }
    return mask;
}

/*
 * The pending source enabled for ctx with the highest priority above
 * `floor` (ties to the lowest ID), or 0.
 */
static unsigned plic_best_source(const PLICState *s, unsigned ctx, uint32_t floor)
{
    const uint32_t *en = &s->enable[(size_t)ctx * s->num_words];
    unsigned best = 0;
    uint32_t best_prio = floor;
    for (unsigned w = 0; w < s->num_words; w++) {
        uint32_t cand = s->pending[w] & en[w];
        while (cand) {
            unsigned bit = (unsigned)__builtin_ctz(cand);
            cand &= cand - 1;
            unsigned id = w * 32 + bit;
            if (s->priority[id] > best_prio) {
                best = id;
                best_prio = s->priority[id];
            }
        }
    }
    return best;
}

static void plic_update(PLICState *s)
{
    for (unsigned ctx = 0; ctx < s->num_contexts; ctx++) {
        bool level = plic_best_source(s, ctx, s->threshold[ctx]) != 0;
        if (level != s->output_level[ctx]) {
            s->output_level[ctx] = level;
            irq_set(s->outputs[ctx], level);
        }
    }
}

/* The gateway: a high line not in service makes a request; only a claim ends it. */
static void plic_gateway(PLICState *s, unsigned id)
{
    if (plic_bit(s->level, id) && !plic_bit(s->in_service, id)) {
        plic_set_bit(s->pending, id, true);
    }
}

static void plic_source_handler(void *opaque, int n, int level)
{
    PLICState *s = opaque;
    unsigned id = (unsigned)n;
    plic_set_bit(s->level, id, level != 0);
    plic_gateway(s, id);
    plic_update(s);
}

static unsigned plic_claim(PLICState *s, unsigned ctx)
{
    unsigned id = plic_best_source(s, ctx, 0);
    if (id) {
        plic_set_bit(s->pending, id, false);
        plic_set_bit(s->in_service, id, true);
        plic_update(s);
    }
    return id;
}

static void plic_complete(PLICState *s, unsigned ctx, uint64_t value)
{
    if (value == 0 || value >= s->num_sources) {
        lemu_log_mask(LOG_GUEST_ERROR, "plic: context %u completes invalid source %llu\n", ctx,
                      (unsigned long long)value);
        return;
    }
    unsigned id = (unsigned)value;
    if (!plic_bit(&s->enable[(size_t)ctx * s->num_words], id) ||
        !plic_bit(s->in_service, id)) {
        return;     /* silently ignored, as the specification says */
    }
    plic_set_bit(s->in_service, id, false);
    plic_gateway(s, id);
    plic_update(s);
}

static uint32_t plic_legal_priority(const PLICState *s, uint64_t value, uint32_t old)
{
    if (s->priority_is_mask) {
        return (uint32_t)value & s->max_priority;
    }
    return value <= s->max_priority ? (uint32_t)value : old;
}

static uint64_t plic_read(void *opaque, hwaddr addr, unsigned size)
{
    PLICState *s = opaque;
    (void)size;
    if (addr < PLIC_PENDING_BASE) {
        hwaddr id = (addr - PLIC_PRIORITY_BASE) / 4;
        if (id < s->num_sources) {
            return s->priority[id];
        }
    } else if (addr < PLIC_ENABLE_BASE) {
        hwaddr w = (addr - PLIC_PENDING_BASE) / 4;
        if (w < s->num_words) {
            return s->pending[w];
        }
    } else if (addr < PLIC_CONTEXT_BASE) {
        hwaddr ctx = (addr - PLIC_ENABLE_BASE) / PLIC_ENABLE_STRIDE;
        hwaddr w = (addr - PLIC_ENABLE_BASE) % PLIC_ENABLE_STRIDE / 4;
        if (ctx < s->num_contexts && w < s->num_words) {
            return s->enable[ctx * s->num_words + w];
        }
    } else {
        hwaddr ctx = (addr - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE;
        hwaddr reg = (addr - PLIC_CONTEXT_BASE) % PLIC_CONTEXT_STRIDE;
        if (ctx < s->num_contexts && reg == PLIC_CONTEXT_THRESHOLD) {
            return s->threshold[ctx];
        }
        if (ctx < s->num_contexts && reg == PLIC_CONTEXT_CLAIM) {
            return plic_claim(s, (unsigned)ctx);
        }
    }
    lemu_log_mask(LOG_GUEST_ERROR, "plic: read of unimplemented register 0x%llx\n",
                  (unsigned long long)addr);
    return 0;
}

static void plic_write(void *opaque, hwaddr addr, uint64_t value, unsigned size)
{
    PLICState *s = opaque;
    (void)size;
    if (addr < PLIC_PENDING_BASE) {
        hwaddr id = (addr - PLIC_PRIORITY_BASE) / 4;
        if (id > 0 && id < s->num_sources) {
            s->priority[id] = plic_legal_priority(s, value, s->priority[id]);
            plic_update(s);
            return;
        }
    } else if (addr < PLIC_ENABLE_BASE) {
        /* Pending bits are read-only: a claim is the only way to clear one. */
    } else if (addr < PLIC_CONTEXT_BASE) {
        hwaddr ctx = (addr - PLIC_ENABLE_BASE) / PLIC_ENABLE_STRIDE;
        hwaddr w = (addr - PLIC_ENABLE_BASE) % PLIC_ENABLE_STRIDE / 4;
        if (ctx < s->num_contexts && w < s->num_words) {
            s->enable[ctx * s->num_words + w] = (uint32_t)value & plic_valid_bits(s, (unsigned)w);
            plic_update(s);
            return;
        }
    } else {
        hwaddr ctx = (addr - PLIC_CONTEXT_BASE) / PLIC_CONTEXT_STRIDE;
        hwaddr reg = (addr - PLIC_CONTEXT_BASE) % PLIC_CONTEXT_STRIDE;
        if (ctx < s->num_contexts && reg == PLIC_CONTEXT_THRESHOLD) {
            s->threshold[ctx] = plic_legal_priority(s, value, s->threshold[ctx]);
            plic_update(s);
            return;
        }
        if (ctx < s->num_contexts && reg == PLIC_CONTEXT_CLAIM) {
            plic_complete(s, (unsigned)ctx, value);
            return;
        }
    }
    lemu_log_mask(LOG_GUEST_ERROR, "plic: write of 0x%llx to read-only or unimplemented "
                  "register 0x%llx\n", (unsigned long long)value, (unsigned long long)addr);
}

static const MemoryRegionOps plic_ops = {
    .read = plic_read,
    .write = plic_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

PLICState *plic_create(MemoryRegion *sysmem, hwaddr base, const PLICConfig *cfg)
{
    unsigned num_sources = cfg->num_sources ? cfg->num_sources : PLIC_VIRT_NUM_SOURCES;
    uint32_t max_priority = cfg->max_priority ? cfg->max_priority : PLIC_VIRT_MAX_PRIORITY;
    if (cfg->num_harts == 0 || cfg->num_harts > PLIC_MAX_HARTS || num_sources < 2 ||
        num_sources > PLIC_MAX_SOURCES) {
        fprintf(stderr, "lemu: plic: invalid configuration (%u harts, %u sources)\n",
                cfg->num_harts, num_sources);
        abort();
    }
    PLICState *s = plic_alloc_or_die(1, sizeof(*s));
    s->base = base;
    s->num_harts = cfg->num_harts;
    s->num_contexts = 2 * cfg->num_harts;
    s->num_sources = num_sources;
    s->num_words = (num_sources + 31) / 32;
    s->max_priority = max_priority;
    s->priority_is_mask = ((uint64_t)max_priority & ((uint64_t)max_priority + 1)) == 0;

    s->priority = plic_alloc_or_die(num_sources, sizeof(*s->priority));
    s->level = plic_alloc_or_die(s->num_words, sizeof(uint32_t));
    s->pending = plic_alloc_or_die(s->num_words, sizeof(uint32_t));
    s->in_service = plic_alloc_or_die(s->num_words, sizeof(uint32_t));
    s->enable = plic_alloc_or_die((size_t)s->num_contexts * s->num_words, sizeof(uint32_t));
    s->threshold = plic_alloc_or_die(s->num_contexts, sizeof(uint32_t));
    s->outputs = plic_alloc_or_die(s->num_contexts, sizeof(IRQ));
    s->output_level = plic_alloc_or_die(s->num_contexts, sizeof(bool));
    for (unsigned h = 0; h < cfg->num_harts; h++) {
        s->outputs[2 * h] = cfg->meip ? cfg->meip[h] : NULL;
        s->outputs[2 * h + 1] = cfg->seip ? cfg->seip[h] : NULL;
    }
    s->source_irqs = irq_allocate(plic_source_handler, s, (int)num_sources);

    uint64_t aperture = PLIC_APERTURE(s->num_contexts);
    if (cfg->aperture > aperture) {
        aperture = cfg->aperture;
    }
    memory_region_init_io(&s->mmio, NULL, &plic_ops, s, "riscv.sifive.plic", aperture);
    if (sysmem) {
        memory_region_add_subregion(sysmem, base, &s->mmio);
    }
    return s;
}

IRQ plic_source_irq(PLICState *s, unsigned source)
{
    if (source == 0 || source >= s->num_sources) {
        return NULL;
    }
    return s->source_irqs[source];
}

MemoryRegion *plic_mmio(PLICState *s)
{
    return &s->mmio;
}

unsigned plic_num_sources(const PLICState *s)
{
    return s->num_sources;
}

unsigned plic_num_contexts(const PLICState *s)
{
    return s->num_contexts;
}

int plic_fdt_populate(PLICState *s, void *fdt, int parent, const uint32_t *intc_phandles,
                      uint32_t phandle, Error **errp)
{
    char name[48];
    snprintf(name, sizeof(name), "plic@%llx", (unsigned long long)s->base);
    uint64_t size = PLIC_APERTURE(s->num_contexts);
    if (size < PLIC_VIRT_SIZE) {
        size = PLIC_VIRT_SIZE;
    }
    static const char compat[] = "sifive,plic-1.0.0\0riscv,plic0";
    fdt64_t reg[2] = { cpu_to_fdt64(s->base), cpu_to_fdt64(size) };
    size_t ncells = 4 * (size_t)s->num_harts;
    fdt32_t *cells = plic_alloc_or_die(ncells, sizeof(*cells));
    for (unsigned h = 0; h < s->num_harts; h++) {
        cells[4 * h + 0] = cpu_to_fdt32(intc_phandles[h]);
        cells[4 * h + 1] = cpu_to_fdt32(PLIC_FDT_IRQ_M_EXT);
        cells[4 * h + 2] = cpu_to_fdt32(intc_phandles[h]);
        cells[4 * h + 3] = cpu_to_fdt32(PLIC_FDT_IRQ_S_EXT);
    }

    int node = fdt_add_subnode(fdt, parent, name);
    int err = node < 0 ? node : 0;
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "phandle", phandle);
    }
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "riscv,ndev", s->num_sources - 1);
    }
    if (!err) {
        err = fdt_setprop(fdt, node, "interrupts-extended", cells,
                          (int)(ncells * sizeof(*cells)));
    }
    if (!err) {
        err = fdt_setprop_empty(fdt, node, "interrupt-controller");
    }
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "#interrupt-cells", 1);
    }
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "#address-cells", 0);
    }
    if (!err) {
        err = fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
    }
    if (!err) {
        err = fdt_setprop(fdt, node, "compatible", compat, sizeof(compat));
    }
    free(cells);
    if (err) {
        error_setg(errp, "cannot add the PLIC to the device tree: %s", fdt_strerror(err));
        return -1;
    }
    return node;
}
