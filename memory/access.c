/*
 * memory/access.c: accesses through the memory API.  Owns address_space_rw
 * and its variants (split at section boundaries), the little-endian ld/st
 * helpers, and memory_region_dispatch_read/write: one access to one region,
 * with the device's valid checks, ioeventfds, access-size adaptation to what
 * the callbacks implement, and byte-order conversion.  Also the ops of ROM
 * and of the "unassigned" region that answers for holes.
 *
 * Internally an access is a buffer of bytes in address order.  A value
 * becomes bytes in the byte order of whoever holds it (the MemOp for the
 * caller, ops->endianness for the device), so a big-endian device read
 * little-endian comes out swapped, and the pieces of a split or widened
 * access combine in the device's order without any special case.
 */
#include "config.h"
#include "memory-internal.h"

#include "lemu/log.h"

#include <inttypes.h>
#include <string.h>

static uint64_t access_ldn(const uint8_t *p, unsigned n, bool big)
{
    uint64_t v = 0;
    if (big) {
        for (unsigned i = 0; i < n; i++) {
            v = (v << 8) | p[i];
        }
    } else {
        for (unsigned i = n; i-- > 0;) {
            v = (v << 8) | p[i];
        }
    }
    return v;
}

static void access_stn(uint8_t *p, unsigned n, uint64_t v, bool big)
{
    for (unsigned i = 0; i < n; i++) {
        p[big ? n - 1 - i : i] = (uint8_t)v;
        v >>= 8;
    }
}

static const char *access_region_name(const MemoryRegion *mr)
{
    return mr->name ? mr->name : "(anonymous)";
}

/* ---- ROM and unassigned ops ------------------------------------------- */

static MemTxResult access_rom_read(void *opaque, hwaddr addr, uint64_t *data, unsigned size,
                                   MemTxAttrs attrs)
{
    /* ROM is read from host memory; only a caller bypassing that gets here. */
    *data = 0;
    return MEMTX_DECODE_ERROR;
}

static MemTxResult access_rom_write(void *opaque, hwaddr addr, uint64_t data, unsigned size,
                                    MemTxAttrs attrs)
{
    lemu_log_mask(LOG_GUEST_ERROR,
                  "write of %u bytes (0x%" PRIx64 ") to ROM at offset 0x%" PRIx64 " ignored\n",
                  size, data, addr);
    return MEMTX_OK;
}

const MemoryRegionOps memory_rom_ops = {
    .read_with_attrs = access_rom_read,
    .write_with_attrs = access_rom_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

static MemTxResult access_unassigned_read(void *opaque, hwaddr addr, uint64_t *data,
                                          unsigned size, MemTxAttrs attrs)
{
    lemu_log_mask(LOG_GUEST_ERROR, "read of %u bytes at 0x%" PRIx64 ": nothing mapped there\n",
                  size, addr);
    *data = 0;
    return MEMTX_DECODE_ERROR;
}

static MemTxResult access_unassigned_write(void *opaque, hwaddr addr, uint64_t data,
                                           unsigned size, MemTxAttrs attrs)
{
    lemu_log_mask(LOG_GUEST_ERROR,
                  "write of %u bytes (0x%" PRIx64 ") at 0x%" PRIx64 ": nothing mapped there\n",
                  size, data, addr);
    return MEMTX_DECODE_ERROR;
}

const MemoryRegionOps memory_unassigned_ops = {
    .read_with_attrs = access_unassigned_read,
    .write_with_attrs = access_unassigned_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

MemoryRegion *memory_unassigned_region(void)
{
    static MemoryRegion unassigned;
    static bool initialized;
    if (!initialized) {
        initialized = true;
        /* No owner, no name: it holds its own reference and never dies. */
        memory_region_init_io(&unassigned, NULL, &memory_unassigned_ops, NULL, NULL,
                              UINT64_MAX);
    }
    return &unassigned;
}

bool memory_region_is_unassigned(const MemoryRegion *mr)
{
    return mr == memory_unassigned_region();
}

/* ---- one access to one region ----------------------------------------- */

static const MemoryRegionOps *access_ops(const MemoryRegion *mr)
{
    /* Regions without ops (containers, init_io(NULL)) answer nothing. */
    return mr->ops ? mr->ops : &memory_unassigned_ops;
}

static bool access_device_big(const MemoryRegionOps *ops)
{
    /* DEVICE_NATIVE_ENDIAN is the target's order: little-endian RISC-V. */
    return ops->endianness == DEVICE_BIG_ENDIAN;
}

static unsigned access_pow2_floor(unsigned v)
{
    return v ? 1u << (31 - __builtin_clz(v)) : 1;
}

bool memory_region_access_valid(MemoryRegion *mr, hwaddr addr, unsigned size, bool is_write,
                                MemTxAttrs attrs)
{
    while (mr->alias) {
        addr += mr->alias_offset;
        mr = mr->alias;
    }
    if (mr->ram) {
        const RAMBlock *b = mr->ram_block;
        return b && addr < b->used_length && size <= b->used_length - addr;
    }
    const MemoryRegionOps *ops = access_ops(mr);
    unsigned vmin = ops->valid.min_access_size ? ops->valid.min_access_size : 1;
    unsigned vmax = ops->valid.max_access_size ? ops->valid.max_access_size : 4;
    if (size < vmin || size > vmax) {
        return false;
    }
    if (!ops->valid.unaligned && (addr & (size - 1))) {
        return false;
    }
    if (ops->valid.accepts && !ops->valid.accepts(mr->opaque, addr, size, is_write, attrs)) {
        return false;
    }
    return true;
}

static MemTxResult access_call_read(MemoryRegion *mr, const MemoryRegionOps *ops, hwaddr addr,
                                    uint64_t *v, unsigned size, MemTxAttrs attrs)
{
    MemTxResult r = MEMTX_OK;
    *v = 0;
    if (ops->read_with_attrs) {
        r = ops->read_with_attrs(mr->opaque, addr, v, size, attrs);
    } else if (ops->read) {
        *v = ops->read(mr->opaque, addr, size);
    } else {
        return MEMTX_DECODE_ERROR;
    }
    if (size < 8) {
        *v &= (1ull << (8 * size)) - 1;
    }
    return r;
}

static MemTxResult access_call_write(MemoryRegion *mr, const MemoryRegionOps *ops, hwaddr addr,
                                     uint64_t v, unsigned size, MemTxAttrs attrs)
{
    if (ops->write_with_attrs) {
        return ops->write_with_attrs(mr->opaque, addr, v, size, attrs);
    }
    if (ops->write) {
        ops->write(mr->opaque, addr, v, size);
        return MEMTX_OK;
    }
    return MEMTX_DECODE_ERROR;
}

/*
 * Carry out [addr, addr + size) on a device in the access sizes its
 * callbacks implement: the widest naturally aligned pieces up to impl.max;
 * where even impl.min is too wide, the aligned impl.min-byte word around
 * the bytes (read and extract; for a write, read, insert, write back).
 */
static MemTxResult access_adjusted(MemoryRegion *mr, const MemoryRegionOps *ops, hwaddr addr,
                                   uint8_t *bytes, unsigned size, bool is_write,
                                   MemTxAttrs attrs)
{
    unsigned imin = access_pow2_floor(ops->impl.min_access_size ? ops->impl.min_access_size : 1);
    unsigned imax = access_pow2_floor(ops->impl.max_access_size ? ops->impl.max_access_size : 4);
    bool big = access_device_big(ops);
    MemTxResult r = MEMTX_OK;
    uint64_t v;

    if (imin > 8) {
        imin = 8;
    }
    if (imax > 8) {
        imax = 8;
    }
    if (imax < imin) {
        imax = imin;
    }
    for (unsigned off = 0; off < size;) {
        hwaddr p = addr + off;
        unsigned left = size - off;
        unsigned w = imax;
        while (w > left) {
            w >>= 1;
        }
        if (!ops->impl.unaligned) {
            while (p & (w - 1)) {
                w >>= 1;
            }
        }
        if (w >= imin) {
            if (is_write) {
                r |= access_call_write(mr, ops, p, access_ldn(bytes + off, w, big), w, attrs);
            } else {
                r |= access_call_read(mr, ops, p, &v, w, attrs);
                access_stn(bytes + off, w, v, big);
            }
            off += w;
            continue;
        }
        hwaddr word = p & ~(hwaddr)(imin - 1);
        unsigned in_word = (unsigned)(p - word);
        unsigned n = imin - in_word < left ? imin - in_word : left;
        uint8_t tmp[8];
        if (!is_write || ops->read || ops->read_with_attrs) {
            MemTxResult rr = access_call_read(mr, ops, word, &v, imin, attrs);
            /* A failed read-for-modify fails the write only through its result. */
            r |= rr;
        } else {
            v = 0;  /* write-only device: the other bytes are written as zero */
        }
        access_stn(tmp, imin, v, big);
        if (is_write) {
            memcpy(tmp + in_word, bytes + off, n);
            r |= access_call_write(mr, ops, word, access_ldn(tmp, imin, big), imin, attrs);
        } else {
            memcpy(bytes + off, tmp + in_word, n);
        }
        off += n;
    }
    return r;
}

/* One access of `size` (<= 8) bytes in address order to a terminating region. */
static MemTxResult access_region(MemoryRegion *mr, hwaddr addr, uint8_t *bytes, unsigned size,
                                 bool is_write, bool rom_writable, MemTxAttrs attrs)
{
    while (mr->alias) {
        addr += mr->alias_offset;
        mr = mr->alias;
    }
    if (mr->ram) {
        const RAMBlock *b = mr->ram_block;
        if (!b || addr >= b->used_length || size > b->used_length - addr) {
            lemu_log_mask(LOG_GUEST_ERROR,
                          "%s of %u bytes at offset 0x%" PRIx64 " outside RAM '%s'\n",
                          is_write ? "write" : "read", size, addr, access_region_name(mr));
            if (!is_write) {
                memset(bytes, 0, size);
            }
            return MEMTX_DECODE_ERROR;
        }
        if (!is_write) {
            memcpy(bytes, b->host + addr, size);
        } else if (mr->readonly && !rom_writable) {
            lemu_log_mask(LOG_GUEST_ERROR,
                          "write of %u bytes to ROM '%s' at offset 0x%" PRIx64 " ignored\n",
                          size, access_region_name(mr), addr);
        } else {
            memcpy(b->host + addr, bytes, size);
            memory_notify_ram_write(mr, addr, size);
        }
        return MEMTX_OK;
    }

    const MemoryRegionOps *ops = access_ops(mr);
    if (!memory_region_access_valid(mr, addr, size, is_write, attrs)) {
        lemu_log_mask(LOG_GUEST_ERROR,
                      "invalid %s of %u bytes at offset 0x%" PRIx64 " of region '%s'\n",
                      is_write ? "write" : "read", size, addr, access_region_name(mr));
        if (!is_write) {
            memset(bytes, 0, size);
        }
        return MEMTX_DECODE_ERROR;
    }
    /*
     * Ioeventfd data is matched as the (little-endian) CPU wrote it, whatever
     * the device's byte order.
     */
    if (is_write && mr->ioeventfd_nb &&
        memory_region_dispatch_write_eventfds(mr, addr, access_ldn(bytes, size, false), size)) {
        return MEMTX_OK;
    }
    return access_adjusted(mr, ops, addr, bytes, size, is_write, attrs);
}

MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr, uint64_t *pval, MemOp op,
                                        MemTxAttrs attrs)
{
    unsigned size = memop_size(op);
    uint8_t bytes[8];
    MemTxResult r = access_region(mr, addr, bytes, size, false, false, attrs);
    *pval = access_ldn(bytes, size, (op & MO_BSWAP) != 0);
    return r;
}

MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr, uint64_t val, MemOp op,
                                         MemTxAttrs attrs)
{
    unsigned size = memop_size(op);
    uint8_t bytes[8];
    access_stn(bytes, size, val, (op & MO_BSWAP) != 0);
    return access_region(mr, addr, bytes, size, true, false, attrs);
}

/* ---- address-space accesses ------------------------------------------- */

/*
 * The widest access the device lets the guest make at addr, for at most l
 * bytes: up to valid.max, naturally aligned unless valid.unaligned.
 */
static unsigned access_io_size(const MemoryRegion *mr, hwaddr addr, hwaddr l)
{
    const MemoryRegionOps *ops = access_ops(mr);
    unsigned max = access_pow2_floor(ops->valid.max_access_size ? ops->valid.max_access_size : 4);
    if (max > 8) {
        max = 8;
    }
    if (!ops->valid.unaligned && addr) {
        hwaddr low = addr & -addr;
        if (low < max) {
            max = (unsigned)low;
        }
    }
    while (max > l) {
        max >>= 1;
    }
    return max;
}

static MemTxResult access_rw(AddressSpaceDispatch *d, hwaddr addr, MemTxAttrs attrs, uint8_t *buf,
                             hwaddr len, bool is_write, bool rom_writable)
{
    MemTxResult r = MEMTX_OK;

    /* A device callback may change the map: keep this dispatch alive. */
    d->ref++;
    while (len) {
        hwaddr l = len, xlat;
        MemoryRegionSection *s = address_space_dispatch_translate(d, addr, &xlat, &l, true);
        MemoryRegion *mr = s->mr;

        if (mr->ram && mr->ram_block && xlat < mr->ram_block->used_length &&
            l <= mr->ram_block->used_length - xlat) {
            uint8_t *host = mr->ram_block->host + xlat;
            if (!is_write) {
                memcpy(buf, host, l);
            } else if ((mr->readonly || s->readonly) && !rom_writable) {
                lemu_log_mask(LOG_GUEST_ERROR,
                              "write of %" PRIu64 " bytes to ROM '%s' at 0x%" PRIx64 " ignored\n",
                              (uint64_t)l, access_region_name(mr), addr);
            } else {
                memcpy(host, buf, l);
                memory_notify_ram_write(mr, xlat, l);
            }
        } else if (memory_region_is_unassigned(mr)) {
            lemu_log_mask(LOG_GUEST_ERROR,
                          "%s of %" PRIu64 " bytes at 0x%" PRIx64 ": nothing mapped there\n",
                          is_write ? "write" : "read", (uint64_t)l, addr);
            if (!is_write) {
                memset(buf, 0, l);
            }
            r |= MEMTX_DECODE_ERROR;
        } else {
            for (hwaddr done = 0; done < l;) {
                unsigned n = access_io_size(mr, xlat + done, l - done);
                r |= access_region(mr, xlat + done, buf + done, n, is_write, rom_writable, attrs);
                done += n;
            }
        }
        buf += l;
        addr += l;
        len -= l;
    }
    address_space_dispatch_unref(d);
    return r;
}

MemTxResult address_space_dispatch_rw(AddressSpaceDispatch *d, hwaddr addr, MemTxAttrs attrs,
                                      void *buf, hwaddr len, bool is_write)
{
    return access_rw(d, addr, attrs, buf, len, is_write, false);
}

static MemTxResult access_as_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs, uint8_t *buf,
                                hwaddr len, bool is_write, bool rom_writable)
{
    AddressSpaceDispatch *d = as->dispatch;
    if (!d) {
        if (!is_write) {
            memset(buf, 0, len);
        }
        return len ? MEMTX_DECODE_ERROR : MEMTX_OK;
    }
    return access_rw(d, addr, attrs, buf, len, is_write, rom_writable);
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs, void *buf,
                             hwaddr len, bool is_write)
{
    return access_as_rw(as, addr, attrs, buf, len, is_write, false);
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr, MemTxAttrs attrs, void *buf,
                               hwaddr len)
{
    return access_as_rw(as, addr, attrs, buf, len, false, false);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                                const void *buf, hwaddr len)
{
    return access_as_rw(as, addr, attrs, (uint8_t *)buf, len, true, false);
}

MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                                    const void *buf, hwaddr len)
{
    return access_as_rw(as, addr, attrs, (uint8_t *)buf, len, true, true);
}

/* ---- ld/st -------------------------------------------------------------- */

/*
 * Within one section: RAM directly, a device in one access of the full size
 * (its valid checks apply, as for a CPU access).  Across sections: bytewise
 * through address_space_rw.
 */
static uint64_t access_ld(AddressSpace *as, hwaddr addr, unsigned size, MemTxAttrs attrs,
                          MemTxResult *result)
{
    AddressSpaceDispatch *d = as->dispatch;
    uint8_t bytes[8];
    MemTxResult r;

    if (d) {
        hwaddr l = size, xlat;
        MemoryRegionSection *s = address_space_dispatch_translate(d, addr, &xlat, &l, true);
        MemoryRegion *mr = s->mr;
        if (l == size) {
            if (mr->ram && mr->ram_block && xlat < mr->ram_block->used_length &&
                size <= mr->ram_block->used_length - xlat) {
                memcpy(bytes, mr->ram_block->host + xlat, size);
                r = MEMTX_OK;
            } else {
                d->ref++;
                r = access_region(mr, xlat, bytes, size, false, false, attrs);
                address_space_dispatch_unref(d);
            }
            goto done;
        }
    }
    r = address_space_read(as, addr, attrs, bytes, size);
done:
    if (result) {
        *result = r;
    }
    return access_ldn(bytes, size, false);
}

static void access_st(AddressSpace *as, hwaddr addr, uint64_t val, unsigned size,
                      MemTxAttrs attrs, MemTxResult *result)
{
    AddressSpaceDispatch *d = as->dispatch;
    uint8_t bytes[8];
    MemTxResult r;

    access_stn(bytes, size, val, false);
    if (d) {
        hwaddr l = size, xlat;
        MemoryRegionSection *s = address_space_dispatch_translate(d, addr, &xlat, &l, true);
        MemoryRegion *mr = s->mr;
        if (l == size && !(mr->ram && s->readonly)) {
            d->ref++;
            r = access_region(mr, xlat, bytes, size, true, false, attrs);
            address_space_dispatch_unref(d);
            goto done;
        }
    }
    r = address_space_write(as, addr, attrs, bytes, size);
done:
    if (result) {
        *result = r;
    }
}

uint8_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs, MemTxResult *result)
{
    return (uint8_t)access_ld(as, addr, 1, attrs, result);
}

uint16_t address_space_lduw_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result)
{
    return (uint16_t)access_ld(as, addr, 2, attrs, result);
}

uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return (uint32_t)access_ld(as, addr, 4, attrs, result);
}

uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return access_ld(as, addr, 8, attrs, result);
}

void address_space_stb(AddressSpace *as, hwaddr addr, uint8_t val, MemTxAttrs attrs,
                       MemTxResult *result)
{
    access_st(as, addr, val, 1, attrs, result);
}

void address_space_stw_le(AddressSpace *as, hwaddr addr, uint16_t val, MemTxAttrs attrs,
                          MemTxResult *result)
{
    access_st(as, addr, val, 2, attrs, result);
}

void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val, MemTxAttrs attrs,
                          MemTxResult *result)
{
    access_st(as, addr, val, 4, attrs, result);
}

void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val, MemTxAttrs attrs,
                          MemTxResult *result)
{
    access_st(as, addr, val, 8, attrs, result);
}
