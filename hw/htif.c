/*
 * hw/htif.c: Spike's host-target interface through `tohost`/`fromhost`
 * (protocol in include/lemu/htif.h): program exit, the console device and
 * the write/exit system-call proxy that bare-metal benchmark harnesses use
 * to print.  Replies follow Spike's front-end and QEMU's riscv_htif: a
 * console write is acknowledged with 0x100 | byte, a proxied system call
 * with fromhost = 1 and its result in the first word of the request block.
 */
#include "config.h"
#include "lemu/htif.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lemu/log.h"
#include "lemu/machine.h"

#define HTIF_DEV_SYSCALL 0
#define HTIF_DEV_CONSOLE 1
#define HTIF_CONSOLE_GETC 0
#define HTIF_CONSOLE_PUTC 1
#define HTIF_PAYLOAD_MASK ((UINT64_C(1) << 48) - 1)

/* riscv-pk / newlib system-call numbers served by the proxy. */
#define HTIF_SYS_WRITE 64
#define HTIF_SYS_EXIT 93
#define HTIF_SYS_ARGS 8

typedef struct HTIFReg {
    MemoryRegion mr;
    HTIFState *htif;
    bool is_tohost;
} HTIFReg;

struct HTIFState {
    HTIFConfig cfg;
    HTIFReg tohost_reg;
    HTIFReg fromhost_reg;
    uint64_t tohost;
    uint64_t fromhost;
    bool read_pending;
    uint64_t read_request;     /* the tohost value of the pending read */
};

static void htif_console_write(HTIFState *s, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    if (s->cfg.console_out_fd < 0) {
        return;
    }
    while (len) {
        ssize_t n = write(s->cfg.console_out_fd, p, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;   /* console gone (closed pipe): output is lost, the guest goes on */
        }
        p += n;
        len -= (size_t)n;
    }
}

/* A console byte if one is available right now, else -1. */
static int htif_console_poll(HTIFState *s)
{
    if (s->cfg.console_in_fd < 0) {
        return -1;
    }
    struct pollfd pfd = { .fd = s->cfg.console_in_fd, .events = POLLIN };
    if (poll(&pfd, 1, 0) <= 0 || !(pfd.revents & POLLIN)) {
        return -1;
    }
    uint8_t ch;
    ssize_t n = read(s->cfg.console_in_fd, &ch, 1);
    return n == 1 ? ch : -1;
}

static void htif_reply(HTIFState *s, uint64_t request, uint64_t reply)
{
    s->fromhost = (request & ~HTIF_PAYLOAD_MASK) | (reply & HTIF_PAYLOAD_MASK);
}

static void htif_try_complete_read(HTIFState *s)
{
    if (!s->read_pending || s->fromhost != 0) {
        return;
    }
    int ch = htif_console_poll(s);
    if (ch >= 0) {
        s->read_pending = false;
        htif_reply(s, s->read_request, 0x100 | (unsigned)ch);
    }
}

static int64_t htif_sys_write(HTIFState *s, uint64_t fd, uint64_t buf, uint64_t len)
{
    if (fd != 1 && fd != 2) {
        lemu_log_mask(LOG_UNIMP, "htif: write to fd %llu not supported\n",
                      (unsigned long long)fd);
        return -EBADF;
    }
    uint8_t chunk[4096];
    uint64_t done = 0;
    while (done < len) {
        uint64_t n = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
        if (address_space_read(s->cfg.as, buf + done, MEMTXATTRS_UNSPECIFIED, chunk, n) !=
            MEMTX_OK) {
            lemu_log_mask(LOG_GUEST_ERROR, "htif: write() buffer 0x%llx is not in memory\n",
                          (unsigned long long)(buf + done));
            return done ? (int64_t)done : -EFAULT;
        }
        htif_console_write(s, chunk, n);
        done += n;
    }
    return (int64_t)done;
}

static void htif_syscall(HTIFState *s, uint64_t request, uint64_t addr)
{
    uint64_t args[HTIF_SYS_ARGS];
    if (address_space_read(s->cfg.as, addr, MEMTXATTRS_UNSPECIFIED, args, sizeof(args)) !=
        MEMTX_OK) {
        lemu_log_mask(LOG_GUEST_ERROR, "htif: system-call block 0x%llx is not in memory\n",
                      (unsigned long long)addr);
        return;
    }
    int64_t ret;
    switch (args[0]) {
    case HTIF_SYS_WRITE:
        ret = htif_sys_write(s, args[1], args[2], args[3]);
        break;
    case HTIF_SYS_EXIT:
        machine_request_shutdown((int)args[1]);
        ret = 0;
        break;
    default:
        lemu_log_mask(LOG_UNIMP, "htif: system call %llu not supported\n",
                      (unsigned long long)args[0]);
        ret = -ENOSYS;
        break;
    }
    uint64_t result = (uint64_t)ret;
    address_space_write(s->cfg.as, addr, MEMTXATTRS_UNSPECIFIED, &result, sizeof(result));
    htif_reply(s, request, 1);
}

static void htif_command(HTIFState *s, uint64_t request)
{
    unsigned device = (unsigned)(request >> 56);
    unsigned cmd = (unsigned)(request >> 48) & 0xff;
    uint64_t payload = request & HTIF_PAYLOAD_MASK;

    /* The host has taken the command: tohost reads 0 again. */
    s->tohost = 0;
    if (device == HTIF_DEV_SYSCALL && cmd == 0) {
        if (payload & 1) {
            machine_request_shutdown((int)(payload >> 1));
        } else {
            htif_syscall(s, request, payload);
        }
        return;
    }
    if (device == HTIF_DEV_CONSOLE && cmd == HTIF_CONSOLE_PUTC) {
        uint8_t ch = (uint8_t)payload;
        htif_console_write(s, &ch, 1);
        htif_reply(s, request, 0x100 | ch);
        return;
    }
    if (device == HTIF_DEV_CONSOLE && cmd == HTIF_CONSOLE_GETC) {
        s->read_pending = true;
        s->read_request = request;
        htif_try_complete_read(s);
        return;
    }
    lemu_log_mask(LOG_GUEST_ERROR, "htif: unknown request 0x%016llx (device %u command %u)\n",
                  (unsigned long long)request, device, cmd);
}

static uint64_t htif_read(void *opaque, hwaddr addr, unsigned size)
{
    HTIFReg *reg = opaque;
    HTIFState *s = reg->htif;
    uint64_t value;
    if (reg->is_tohost) {
        value = s->tohost;
    } else {
        /* A guest waiting for a console byte polls fromhost. */
        htif_try_complete_read(s);
        value = s->fromhost;
    }
    value >>= addr * 8;
    return size == 8 ? value : value & ((UINT64_C(1) << (size * 8)) - 1);
}

static void htif_write(void *opaque, hwaddr addr, uint64_t value, unsigned size)
{
    HTIFReg *reg = opaque;
    HTIFState *s = reg->htif;
    uint64_t *word = reg->is_tohost ? &s->tohost : &s->fromhost;
    uint64_t mask = size == 8 ? UINT64_MAX : ((UINT64_C(1) << (size * 8)) - 1);
    *word = (*word & ~(mask << (addr * 8))) | ((value & mask) << (addr * 8));
    if (reg->is_tohost && addr + size == 8 && *word != 0) {
        htif_command(s, *word);
    }
}

static const MemoryRegionOps htif_ops = {
    .read = htif_read,
    .write = htif_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

HTIFState *htif_create(MemoryRegion *container, const HTIFConfig *cfg)
{
    HTIFState *s = calloc(1, sizeof(*s));
    if (!s) {
        fprintf(stderr, "lemu: out of memory creating the HTIF\n");
        abort();
    }
    s->cfg = *cfg;
    s->tohost_reg.htif = s;
    s->tohost_reg.is_tohost = true;
    s->fromhost_reg.htif = s;
    memory_region_init_io(&s->tohost_reg.mr, NULL, &htif_ops, &s->tohost_reg, "htif.tohost",
                          8);
    memory_region_add_subregion_overlap(container, cfg->tohost_addr, &s->tohost_reg.mr, 1);
    if (cfg->has_fromhost) {
        memory_region_init_io(&s->fromhost_reg.mr, NULL, &htif_ops, &s->fromhost_reg,
                              "htif.fromhost", 8);
        memory_region_add_subregion_overlap(container, cfg->fromhost_addr,
                                            &s->fromhost_reg.mr, 1);
    }
    return s;
}
