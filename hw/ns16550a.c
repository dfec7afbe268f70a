/*
 * hw/ns16550a.c: the 16550A UART of include/lemu/ns16550a.h: its registers,
 * receive FIFO, interrupt identification, loopback, and the character
 * timeout, as the frontend of a Chardev.
 *
 * Transmission takes no time (a written byte goes to the chardev inside
 * the guest's store), so the transmit FIFO and shift register are always
 * empty and only exist as LSR bits.  Reception is paced by the chardev's
 * polling, which asks ns16550a_can_receive() how much to deliver: up to
 * the trigger level at once, then a byte at a time, so that a burst of
 * input does not fill the FIFO behind the guest's back before the
 * trigger-level interrupt could be served.
 *
 * The interrupt identification is not stored: ns16550a_pending_iir()
 * derives it from the state (LSR, IER, FIFO level, the THRE and timeout
 * latches, MSR deltas) whenever something changes or IIR is read.
 */
#include "config.h"
#include "lemu/ns16550a.h"

#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/log.h"
#include "lemu/timer.h"

#define UART_LSR_ERRORS 0x1e   /* OE, PE, FE, BI: what RLS reports */
#define UART_FCR_DMA 0x08
#define UART_MSR_DELTAS 0x0f
#define UART_MSR_INPUTS 0xf0
/* The 16550 divides its input clock by 16 per bit. */
#define UART_CLOCKS_PER_BIT 16

struct NS16550AState {
    MemoryRegion mmio;
    hwaddr base;
    IRQ irq;
    Chardev *chr;
    int irq_level;

    uint8_t rbr;                /* without FIFO: the received byte */
    uint8_t ier;
    uint8_t fcr;                /* the bits that stick: enable, DMA, trigger */
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr;
    uint8_t msr;
    uint8_t scr;
    uint16_t divisor;

    uint8_t rx_fifo[NS16550A_FIFO_SIZE];
    unsigned rx_head;
    unsigned rx_count;
    unsigned rx_trigger;

    bool thr_ipending;          /* THRE interrupt latched, until IIR read or THR write */
    bool timeout_ipending;      /* character timeout, until RBR read */
    LemuTimer timeout_timer;    /* LEMU_CLOCK_VIRTUAL */
};

static bool ns16550a_fifo_enabled(const NS16550AState *s)
{
    return s->fcr & UART_FCR_ENABLE;
}

static uint8_t ns16550a_pending_iir(const NS16550AState *s)
{
    if ((s->ier & UART_IER_ELSI) && (s->lsr & UART_LSR_ERRORS)) {
        return UART_IIR_RLS;
    }
    if ((s->ier & UART_IER_ERBFI) && s->timeout_ipending) {
        return UART_IIR_CTI;
    }
    if ((s->ier & UART_IER_ERBFI) && (s->lsr & UART_LSR_DR) &&
        (!ns16550a_fifo_enabled(s) || s->rx_count >= s->rx_trigger)) {
        return UART_IIR_RDA;
    }
    if ((s->ier & UART_IER_ETBEI) && s->thr_ipending) {
        return UART_IIR_THRE;
    }
    if ((s->ier & UART_IER_EDSSI) && (s->msr & UART_MSR_DELTAS)) {
        return UART_IIR_MS;
    }
    return UART_IIR_NONE;
}

static void ns16550a_update_irq(NS16550AState *s)
{
    int level = ns16550a_pending_iir(s) != UART_IIR_NONE;
    if (level != s->irq_level) {
        s->irq_level = level;
        irq_set(s->irq, level);
    }
}

/* One character's time on the line at the programmed divisor and frame. */
static int64_t ns16550a_char_time_ns(const NS16550AState *s)
{
    unsigned bits = 1 + 5 + (s->lcr & 0x03) + ((s->lcr & 0x08) ? 1 : 0) +
                    ((s->lcr & 0x04) ? 2 : 1);
    uint64_t divisor = s->divisor ? s->divisor : 1;
    return (int64_t)((uint64_t)bits * UART_CLOCKS_PER_BIT * divisor * NANOSECONDS_PER_SECOND /
                     NS16550A_CLOCK_FREQ);
}

static void ns16550a_restart_timeout(NS16550AState *s)
{
    timer_mod(&s->timeout_timer,
              clock_get_ns(LEMU_CLOCK_VIRTUAL) + 4 * ns16550a_char_time_ns(s));
}

static void ns16550a_timeout_expired(void *opaque)
{
    NS16550AState *s = opaque;
    if (ns16550a_fifo_enabled(s) && s->rx_count > 0) {
        s->timeout_ipending = true;
        ns16550a_update_irq(s);
    }
}

static void ns16550a_clear_rx(NS16550AState *s)
{
    s->rx_head = 0;
    s->rx_count = 0;
    s->timeout_ipending = false;
    s->lsr &= ~UART_LSR_DR;
    timer_del(&s->timeout_timer);
}

static void ns16550a_receive_byte(NS16550AState *s, uint8_t c)
{
    if (ns16550a_fifo_enabled(s)) {
        if (s->rx_count == NS16550A_FIFO_SIZE) {
            s->lsr |= UART_LSR_OE;      /* the FIFO keeps its bytes */
        } else {
            s->rx_fifo[(s->rx_head + s->rx_count) % NS16550A_FIFO_SIZE] = c;
            s->rx_count++;
        }
        ns16550a_restart_timeout(s);
    } else {
        if (s->lsr & UART_LSR_DR) {
            s->lsr |= UART_LSR_OE;      /* the unread byte is lost */
        }
        s->rbr = c;
    }
    s->lsr |= UART_LSR_DR;
}

static size_t ns16550a_can_receive(void *opaque)
{
    NS16550AState *s = opaque;
    if (s->mcr & UART_MCR_LOOP) {
        return 0;   /* the receiver listens to the transmitter only */
    }
    if (!ns16550a_fifo_enabled(s)) {
        return (s->lsr & UART_LSR_DR) ? 0 : 1;
    }
    if (s->rx_count < s->rx_trigger) {
        return s->rx_trigger - s->rx_count;
    }
    return s->rx_count < NS16550A_FIFO_SIZE ? 1 : 0;
}

static void ns16550a_receive(void *opaque, const uint8_t *buf, size_t len)
{
    NS16550AState *s = opaque;
    for (size_t i = 0; i < len; i++) {
        ns16550a_receive_byte(s, buf[i]);
    }
    ns16550a_update_irq(s);
}

/* The modem inputs: looped back from MCR, or a modem that is always there. */
static uint8_t ns16550a_modem_inputs(const NS16550AState *s)
{
    if (!(s->mcr & UART_MCR_LOOP)) {
        return UART_MSR_CTS | UART_MSR_DSR | UART_MSR_DCD;
    }
    uint8_t in = 0;
    in |= (s->mcr & UART_MCR_RTS) ? UART_MSR_CTS : 0;
    in |= (s->mcr & UART_MCR_DTR) ? UART_MSR_DSR : 0;
    in |= (s->mcr & UART_MCR_OUT1) ? UART_MSR_RI : 0;
    in |= (s->mcr & UART_MCR_OUT2) ? UART_MSR_DCD : 0;
    return in;
}

static void ns16550a_update_modem_inputs(NS16550AState *s)
{
    uint8_t old = s->msr & UART_MSR_INPUTS;
    uint8_t new = ns16550a_modem_inputs(s);
    uint8_t changed = old ^ new;
    uint8_t deltas = s->msr & UART_MSR_DELTAS;
    deltas |= (changed & UART_MSR_CTS) ? UART_MSR_DCTS : 0;
    deltas |= (changed & UART_MSR_DSR) ? UART_MSR_DDSR : 0;
    deltas |= (changed & UART_MSR_DCD) ? UART_MSR_DDCD : 0;
    /* TERI: only the trailing edge (RI going inactive) counts. */
    deltas |= ((old & UART_MSR_RI) && !(new & UART_MSR_RI)) ? UART_MSR_TERI : 0;
    s->msr = new | deltas;
}

static void ns16550a_transmit(NS16550AState *s, uint8_t c)
{
    if (s->mcr & UART_MCR_LOOP) {
        ns16550a_receive_byte(s, c);
    } else if (s->chr) {
        chardev_write(s->chr, &c, 1);
    }
    /* The byte has left: THR and the shift register are empty again. */
    s->lsr |= UART_LSR_THRE | UART_LSR_TEMT;
    s->thr_ipending = true;
}

static void ns16550a_write_fcr(NS16550AState *s, uint8_t v)
{
    bool was_enabled = ns16550a_fifo_enabled(s);
    bool enable = v & UART_FCR_ENABLE;
    if (!enable) {
        /* With bit 0 clear the other bits are not programmed. */
        if (was_enabled) {
            ns16550a_clear_rx(s);
        }
        s->fcr = 0;
        return;
    }
    if (!was_enabled || (v & UART_FCR_CLEAR_RX)) {
        ns16550a_clear_rx(s);
    }
    /* UART_FCR_CLEAR_TX: the transmit FIFO is always empty. */
    static const unsigned triggers[4] = { 1, 4, 8, 14 };
    s->rx_trigger = triggers[(v & UART_FCR_TRIGGER) >> 6];
    s->fcr = v & (UART_FCR_ENABLE | UART_FCR_DMA | UART_FCR_TRIGGER);
}

static uint8_t ns16550a_read_rbr(NS16550AState *s)
{
    uint8_t c;
    if (ns16550a_fifo_enabled(s)) {
        c = 0;
        if (s->rx_count > 0) {
            c = s->rx_fifo[s->rx_head];
            s->rx_head = (s->rx_head + 1) % NS16550A_FIFO_SIZE;
            s->rx_count--;
        }
        s->timeout_ipending = false;
        if (s->rx_count == 0) {
            s->lsr &= ~UART_LSR_DR;
            timer_del(&s->timeout_timer);
        } else {
            ns16550a_restart_timeout(s);
        }
    } else {
        c = s->rbr;
        s->lsr &= ~UART_LSR_DR;
    }
    return c;
}

static uint64_t ns16550a_read(void *opaque, hwaddr addr, unsigned size)
{
    NS16550AState *s = opaque;
    uint8_t v = 0;
    (void)size;
    switch (addr & 7) {
    case UART_RBR:
        v = (s->lcr & UART_LCR_DLAB) ? (uint8_t)s->divisor : ns16550a_read_rbr(s);
        break;
    case UART_IER:
        v = (s->lcr & UART_LCR_DLAB) ? (uint8_t)(s->divisor >> 8) : s->ier;
        break;
    case UART_IIR:
        v = ns16550a_pending_iir(s);
        if (v == UART_IIR_THRE) {
            s->thr_ipending = false;
        }
        if (ns16550a_fifo_enabled(s)) {
            v |= UART_IIR_FIFO;
        }
        break;
    case UART_LCR:
        v = s->lcr;
        break;
    case UART_MCR:
        v = s->mcr;
        break;
    case UART_LSR:
        v = s->lsr;
        s->lsr &= ~UART_LSR_ERRORS;
        break;
    case UART_MSR:
        v = s->msr;
        s->msr &= ~UART_MSR_DELTAS;
        break;
    case UART_SCR:
        v = s->scr;
        break;
    }
    ns16550a_update_irq(s);
    return v;
}

static void ns16550a_write(void *opaque, hwaddr addr, uint64_t value, unsigned size)
{
    NS16550AState *s = opaque;
    uint8_t v = (uint8_t)value;
    (void)size;
    switch (addr & 7) {
    case UART_THR:
        if (s->lcr & UART_LCR_DLAB) {
            s->divisor = (uint16_t)((s->divisor & 0xff00) | v);
        } else {
            ns16550a_transmit(s, v);
        }
        break;
    case UART_IER:
        if (s->lcr & UART_LCR_DLAB) {
            s->divisor = (uint16_t)((s->divisor & 0x00ff) | (v << 8));
        } else {
            uint8_t ier = v & 0x0f;
            /* Enabling ETBEI with THR empty interrupts at once; disabling forgets it. */
            if ((ier & UART_IER_ETBEI) && !(s->ier & UART_IER_ETBEI)) {
                s->thr_ipending = (s->lsr & UART_LSR_THRE) != 0;
            } else if (!(ier & UART_IER_ETBEI)) {
                s->thr_ipending = false;
            }
            s->ier = ier;
        }
        break;
    case UART_FCR:
        ns16550a_write_fcr(s, v);
        break;
    case UART_LCR:
        s->lcr = v;
        break;
    case UART_MCR:
        s->mcr = v & 0x1f;
        ns16550a_update_modem_inputs(s);
        break;
    case UART_LSR:
    case UART_MSR:
        /* Factory-test registers on the real chip: writes do nothing here. */
        lemu_log_mask(LOG_GUEST_ERROR, "ns16550a: write of 0x%02x to read-only %s ignored\n",
                      v, (addr & 7) == UART_LSR ? "LSR" : "MSR");
        break;
    case UART_SCR:
        s->scr = v;
        break;
    }
    ns16550a_update_irq(s);
}

static const MemoryRegionOps ns16550a_ops = {
    .read = ns16550a_read,
    .write = ns16550a_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static void ns16550a_reset(NS16550AState *s)
{
    s->rbr = 0;
    s->ier = 0;
    s->fcr = 0;
    s->lcr = 0;
    s->mcr = UART_MCR_OUT2;
    s->lsr = UART_LSR_THRE | UART_LSR_TEMT;
    s->msr = ns16550a_modem_inputs(s);
    s->scr = 0;
    s->divisor = 12;
    s->rx_trigger = 1;
    s->thr_ipending = false;
    ns16550a_clear_rx(s);
    ns16550a_update_irq(s);
}

NS16550AState *ns16550a_create(MemoryRegion *sysmem, hwaddr base, IRQ irq, Chardev *chr)
{
    NS16550AState *s = calloc(1, sizeof(*s));
    if (!s) {
        fprintf(stderr, "lemu: out of memory creating the UART\n");
        abort();
    }
    s->base = base;
    s->irq = irq;
    s->chr = chr;
    timer_init(&s->timeout_timer, LEMU_CLOCK_VIRTUAL, ns16550a_timeout_expired, s);
    ns16550a_reset(s);
    memory_region_init_io(&s->mmio, NULL, &ns16550a_ops, s, "serial", NS16550A_MMIO_SIZE);
    if (sysmem) {
        memory_region_add_subregion(sysmem, base, &s->mmio);
    }
    if (chr) {
        chardev_set_handlers(chr, ns16550a_can_receive, ns16550a_receive, s);
    }
    return s;
}

MemoryRegion *ns16550a_mmio(NS16550AState *s)
{
    return &s->mmio;
}

int ns16550a_fdt_populate(NS16550AState *s, void *fdt, int parent, uint32_t irq_parent,
                          uint32_t irq, bool is_console, Error **errp)
{
    char name[48];
    snprintf(name, sizeof(name), "serial@%llx", (unsigned long long)s->base);
    fdt64_t reg[2] = { cpu_to_fdt64(s->base), cpu_to_fdt64(NS16550A_VIRT_SIZE) };

    int node = fdt_add_subnode(fdt, parent, name);
    int err = node < 0 ? node : 0;
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "interrupts", irq);
    }
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "interrupt-parent", irq_parent);
    }
    if (!err) {
        err = fdt_setprop_cell(fdt, node, "clock-frequency", NS16550A_CLOCK_FREQ);
    }
    if (!err) {
        err = fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
    }
    if (!err) {
        err = fdt_setprop_string(fdt, node, "compatible", "ns16550a");
    }
    if (!err && is_console) {
        /* Adding to /chosen moves node offsets: go by path from here on. */
        char path[256];
        err = fdt_get_path(fdt, node, path, sizeof(path));
        int chosen = err ? err : fdt_path_offset(fdt, "/chosen");
        if (chosen == -FDT_ERR_NOTFOUND) {
            chosen = fdt_add_subnode(fdt, 0, "chosen");
        }
        err = chosen < 0 ? chosen : fdt_setprop_string(fdt, chosen, "stdout-path", path);
        if (!err) {
            node = fdt_path_offset(fdt, path);
            err = node < 0 ? node : 0;
        }
    }
    if (err) {
        error_setg(errp, "cannot add the UART to the device tree: %s", fdt_strerror(err));
        return -1;
    }
    return node;
}
