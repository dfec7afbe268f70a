/*
 * hw/clint.c: the core-local interruptor (msip, mtimecmp, mtime) of
 * include/lemu/clint.h.
 *
 * mtime is not stored: it is computed from LEMU_CLOCK_VIRTUAL when read,
 * plus an offset that guest writes to mtime adjust.  Each hart has one
 * virtual-clock timer armed for the instant mtime reaches its mtimecmp, so
 * nothing runs while the guest waits.  Registers are handled as 64-bit
 * slots; a 32-bit access reads or replaces half of its slot.
 */
#include "config.h"
#include "lemu/clint.h"

#include <stdio.h>
#include <stdlib.h>

#include "lemu/log.h"
#include "lemu/timer.h"

typedef struct ClintHart {
    ClintState *clint;
    unsigned index;
    uint32_t msip;
    uint64_t mtimecmp;
    IRQ msip_irq;
    IRQ mtip_irq;
    LemuTimer timer;
} ClintHart;

struct ClintState {
    MemoryRegion mmio;
    uint64_t freq;
    uint64_t mtime_offset;   /* mtime = ticks(virtual ns) + offset, mod 2^64 */
    unsigned num_harts;
    ClintHart *harts;
};

static uint64_t clint_ticks(const ClintState *s, int64_t ns)
{
    if (ns < 0) {
        ns = 0;
    }
    return (uint64_t)(((unsigned __int128)ns * s->freq) / NANOSECONDS_PER_SECOND);
}

/* The first virtual ns at which clint_ticks() reaches `ticks`, or -1 if never. */
static int64_t clint_ticks_to_ns(const ClintState *s, unsigned __int128 ticks)
{
    unsigned __int128 ns =
        (ticks * NANOSECONDS_PER_SECOND + s->freq - 1) / s->freq;
    return ns > INT64_MAX ? -1 : (int64_t)ns;
}

uint64_t clint_mtime(ClintState *s)
{
    return clint_ticks(s, clock_get_ns(LEMU_CLOCK_VIRTUAL)) + s->mtime_offset;
}

static void clint_set_mtime(ClintState *s, uint64_t value)
{
    s->mtime_offset = value - clint_ticks(s, clock_get_ns(LEMU_CLOCK_VIRTUAL));
}

/* Drive the hart's timer line from mtime and mtimecmp; arm the deadline. */
static void clint_update_timer(ClintHart *h)
{
    ClintState *s = h->clint;
    int64_t now = clock_get_ns(LEMU_CLOCK_VIRTUAL);
    uint64_t ticks_now = clint_ticks(s, now);
    uint64_t mtime = ticks_now + s->mtime_offset;

    if (mtime >= h->mtimecmp) {
        timer_del(&h->timer);
        irq_raise(h->mtip_irq);
        return;
    }
    irq_lower(h->mtip_irq);
    unsigned __int128 target = (unsigned __int128)ticks_now + (h->mtimecmp - mtime);
    int64_t deadline = clint_ticks_to_ns(s, target);
    if (deadline < 0) {
        timer_del(&h->timer);
    } else {
        timer_mod(&h->timer, deadline);
    }
}

static void clint_timer_expired(void *opaque)
{
    clint_update_timer(opaque);
}

static void clint_set_msip(ClintHart *h, uint32_t value)
{
    h->msip = value & 1;
    irq_set(h->msip_irq, (int)h->msip);
}

static ClintHart *clint_hart(ClintState *s, uint64_t index)
{
    return index < s->num_harts ? &s->harts[index] : NULL;
}

/* Read the 64-bit slot at an 8-aligned offset; false if nothing is there. */
static bool clint_read_slot(ClintState *s, hwaddr slot, uint64_t *value)
{
    if (slot < CLINT_MTIMECMP) {
        ClintHart *lo = clint_hart(s, slot / 4);
        ClintHart *hi = clint_hart(s, slot / 4 + 1);
        if (!lo) {
            return false;
        }
        *value = lo->msip | (hi ? (uint64_t)hi->msip << 32 : 0);
        return true;
    }
    if (slot == CLINT_MTIME) {
        *value = clint_mtime(s);
        return true;
    }
    ClintHart *h = clint_hart(s, (slot - CLINT_MTIMECMP) / 8);
    if (!h) {
        return false;
    }
    *value = h->mtimecmp;
    return true;
}

static uint64_t clint_read(void *opaque, hwaddr addr, unsigned size)
{
    ClintState *s = opaque;
    uint64_t slot_value;
    if (!clint_read_slot(s, addr & ~(hwaddr)7, &slot_value)) {
        lemu_log_mask(LOG_GUEST_ERROR, "clint: read of unimplemented register 0x%llx\n",
                      (unsigned long long)addr);
        return 0;
    }
    if (size == 8) {
        return slot_value;
    }
    return (uint32_t)(slot_value >> ((addr & 4) * 8));
}

static uint64_t clint_merge(uint64_t old, hwaddr addr, uint64_t value, unsigned size)
{
    if (size == 8) {
        return value;
    }
    unsigned shift = (addr & 4) * 8;
    return (old & ~((uint64_t)UINT32_MAX << shift)) | ((uint64_t)(uint32_t)value << shift);
}

static void clint_write(void *opaque, hwaddr addr, uint64_t value, unsigned size)
{
    ClintState *s = opaque;
    if (addr < CLINT_MTIMECMP) {
        /* One msip word per hart: a 64-bit store writes two harts. */
        for (unsigned i = 0; i < size / 4; i++) {
            ClintHart *h = clint_hart(s, addr / 4 + i);
            if (!h) {
                lemu_log_mask(LOG_GUEST_ERROR, "clint: write to msip of absent hart %llu\n",
                              (unsigned long long)(addr / 4 + i));
                continue;
            }
            clint_set_msip(h, (uint32_t)(value >> (32 * i)));
        }
        return;
    }
    hwaddr slot = addr & ~(hwaddr)7;
    if (slot == CLINT_MTIME) {
        clint_set_mtime(s, clint_merge(clint_mtime(s), addr, value, size));
        for (unsigned i = 0; i < s->num_harts; i++) {
            clint_update_timer(&s->harts[i]);
        }
        return;
    }
    ClintHart *h = clint_hart(s, (slot - CLINT_MTIMECMP) / 8);
    if (!h) {
        lemu_log_mask(LOG_GUEST_ERROR, "clint: write to unimplemented register 0x%llx\n",
                      (unsigned long long)addr);
        return;
    }
    h->mtimecmp = clint_merge(h->mtimecmp, addr, value, size);
    clint_update_timer(h);
}

static const MemoryRegionOps clint_ops = {
    .read = clint_read,
    .write = clint_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

ClintState *clint_create(unsigned num_harts, const IRQ *msip_irqs, const IRQ *mtip_irqs,
                         uint64_t timebase_freq)
{
    if (num_harts == 0 || num_harts > CLINT_MAX_HARTS || timebase_freq == 0) {
        fprintf(stderr, "lemu: clint: invalid configuration (%u harts, %llu Hz)\n",
                num_harts, (unsigned long long)timebase_freq);
        abort();
    }
    ClintState *s = calloc(1, sizeof(*s));
    ClintHart *harts = calloc(num_harts, sizeof(*harts));
    if (!s || !harts) {
        fprintf(stderr, "lemu: out of memory creating the CLINT\n");
        abort();
    }
    s->freq = timebase_freq;
    s->num_harts = num_harts;
    s->harts = harts;
    for (unsigned i = 0; i < num_harts; i++) {
        ClintHart *h = &harts[i];
        h->clint = s;
        h->index = i;
        h->msip_irq = msip_irqs ? msip_irqs[i] : NULL;
        h->mtip_irq = mtip_irqs ? mtip_irqs[i] : NULL;
        timer_init(&h->timer, LEMU_CLOCK_VIRTUAL, clint_timer_expired, h);
    }
    memory_region_init_io(&s->mmio, NULL, &clint_ops, s, "riscv.clint", CLINT_SIZE);
    return s;
}

MemoryRegion *clint_mmio(ClintState *s)
{
    return &s->mmio;
}
