/*
 * test-ioeventfd.c: I/O event notifiers (memory/ioeventfd.c): the Linux
 * eventfd behind EventNotifier, a region's sorted ioeventfd list, which
 * writes match (address, size or any size, data or any data), each address
 * space's list as its FlatView places them (moves, aliases, hidden regions)
 * with eventfd_add/eventfd_del to listeners, and a guest write through the
 * access functions signalling instead of reaching the device.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/memory.h"
#include "memory/memory-internal.h"

static char event_log[4096];

static void log_eventfd(const char *what, MemoryRegionSection *s, bool match_data,
                        uint64_t data)
{
    size_t used = strlen(event_log);
    snprintf(event_log + used, sizeof(event_log) - used, "%s %" PRIx64 "/%u %s@%" PRIx64 " %s%" PRIx64 "\n",
             what, s->offset_within_address_space, (unsigned)s->size,
             memory_region_name(s->mr), s->offset_within_region,
             match_data ? "data=" : "any", match_data ? data : 0);
}

static void rec_add(MemoryListener *l, MemoryRegionSection *s, bool match_data, uint64_t data,
                    EventNotifier *e)
{
    (void)l;
    (void)e;
    log_eventfd("add", s, match_data, data);
}

static void rec_del(MemoryListener *l, MemoryRegionSection *s, bool match_data, uint64_t data,
                    EventNotifier *e)
{
    (void)l;
    (void)e;
    log_eventfd("del", s, match_data, data);
}

static MemoryListener recorder = {
    .eventfd_add = rec_add, .eventfd_del = rec_del, .priority = 1, .name = "rec",
};

static unsigned device_writes;

static void dev_write(void *opaque, hwaddr addr, uint64_t data, unsigned size)
{
    (void)opaque;
    (void)addr;
    (void)data;
    (void)size;
    device_writes++;
}

static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
{
    (void)opaque;
    (void)addr;
    (void)size;
    return 0;
}

static const MemoryRegionOps dev_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static MemoryRegion *new_container(const char *name, uint64_t size)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    memory_region_init(mr, NULL, name, size);
    return mr;
}

static MemoryRegion *new_dev(const char *name, uint64_t size)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    memory_region_init_io(mr, NULL, &dev_ops, NULL, name, size);
    return mr;
}

Test(ioeventfd, a_notifier_is_a_nonblocking_eventfd)
{
    EventNotifier e;
    cr_assert_eq(event_notifier_init(&e, 0), 0);
    int fd = event_notifier_get_fd(&e);
    cr_assert_geq(fd, 0);
    cr_expect(fcntl(fd, F_GETFL) & O_NONBLOCK);
    cr_expect_not(event_notifier_test_and_clear(&e), "starts clear, and reading does not block");
    cr_expect_eq(event_notifier_set(&e), 0);
    cr_expect_eq(event_notifier_set(&e), 0);
    cr_expect(event_notifier_test_and_clear(&e));
    cr_expect_not(event_notifier_test_and_clear(&e), "one clear consumes all signals");
    event_notifier_cleanup(&e);
    cr_expect_not(e.initialized);

    cr_assert_eq(event_notifier_init(&e, 1), 0);
    cr_expect(event_notifier_test_and_clear(&e), "created active");
    event_notifier_cleanup(&e);
}

Test(ioeventfd, a_region_keeps_its_ioeventfds_sorted)
{
    MemoryRegion *dev = new_dev("dev", 0x100);
    static EventNotifier e1, e2, e3;
    memory_region_add_eventfd(dev, 0x40, 4, false, 0, &e1);
    memory_region_add_eventfd(dev, 0x10, 4, true, 9, &e2);
    memory_region_add_eventfd(dev, 0x10, 2, false, 0, &e3);
    cr_assert_eq(dev->ioeventfd_nb, 3);
    cr_expect_eq(dev->ioeventfds[0].e, &e3);
    cr_expect_eq(dev->ioeventfds[1].e, &e2);
    cr_expect_eq(dev->ioeventfds[2].e, &e1);
    memory_region_del_eventfd(dev, 0x10, 4, true, 9, &e2);
    cr_assert_eq(dev->ioeventfd_nb, 2);
    cr_expect_eq(dev->ioeventfds[0].e, &e3);
    cr_expect_eq(dev->ioeventfds[1].e, &e1);
}

Test(ioeventfd, a_write_matches_by_address_size_and_data)
{
    MemoryRegion *dev = new_dev("dev", 0x100);
    EventNotifier kick, any;
    cr_assert_eq(event_notifier_init(&kick, 0), 0);
    cr_assert_eq(event_notifier_init(&any, 0), 0);
    memory_region_add_eventfd(dev, 0x50, 4, true, 0x1234, &kick);
    memory_region_add_eventfd(dev, 0x60, 0, false, 0, &any);

    cr_expect_not(memory_region_dispatch_write_eventfds(dev, 0x50, 0x1235, 4), "other data");
    cr_expect_not(memory_region_dispatch_write_eventfds(dev, 0x50, 0x1234, 2), "other size");
    cr_expect_not(memory_region_dispatch_write_eventfds(dev, 0x54, 0x1234, 4), "other address");
    cr_expect_not(event_notifier_test_and_clear(&kick));
    cr_expect(memory_region_dispatch_write_eventfds(dev, 0x50, 0x1234, 4));
    cr_expect(event_notifier_test_and_clear(&kick));

    cr_expect(memory_region_dispatch_write_eventfds(dev, 0x60, 1, 1), "size 0: any size");
    cr_expect(memory_region_dispatch_write_eventfds(dev, 0x60, 99, 8), "no data match: any");
    cr_expect(event_notifier_test_and_clear(&any));
    cr_expect_not(event_notifier_test_and_clear(&kick));
    event_notifier_cleanup(&kick);
    event_notifier_cleanup(&any);
}

Test(ioeventfd, address_space_lists_follow_the_view_and_listeners_see_the_diff)
{
    MemoryRegion *sys = new_container("sys", UINT64_MAX);
    MemoryRegion *dev = new_dev("virtio", 0x200);
    memory_region_add_subregion(sys, 0x10000, dev);
    static AddressSpace as;
    address_space_init(&as, sys, "mem");
    memory_listener_register(&recorder, &as);
    static EventNotifier e;

    memory_region_add_eventfd(dev, 0x50, 4, true, 3, &e);
    cr_expect_str_eq(event_log, "add 10050/4 virtio@50 data=3\n");
    cr_assert_eq(as.ioeventfd_nb, 1);
    cr_expect_eq(as.ioeventfds[0].addr, 0x10050);

    event_log[0] = '\0';
    memory_region_set_address(dev, 0x20000);
    cr_expect_str_eq(event_log, "del 10050/4 virtio@50 data=3\nadd 20050/4 virtio@50 data=3\n");

    event_log[0] = '\0';
    memory_region_set_enabled(dev, false);
    cr_expect_str_eq(event_log, "del 20050/4 virtio@50 data=3\n");
    cr_expect_eq(as.ioeventfd_nb, 0);

    event_log[0] = '\0';
    memory_region_set_enabled(dev, true);
    memory_region_del_eventfd(dev, 0x50, 4, true, 3, &e);
    cr_expect_str_eq(event_log, "add 20050/4 virtio@50 data=3\ndel 20050/4 virtio@50 data=3\n");
    cr_expect_eq(as.ioeventfd_nb, 0);
}

Test(ioeventfd, aliases_place_an_ioeventfd_at_each_window_and_covered_ones_vanish)
{
    MemoryRegion *sys = new_container("sys", UINT64_MAX);
    MemoryRegion *dev = new_dev("dev", 0x1000);
    MemoryRegion *a1 = calloc(1, sizeof(*a1)), *a2 = calloc(1, sizeof(*a2));
    memory_region_init_alias(a1, NULL, "a1", dev, 0, 0x1000);
    memory_region_init_alias(a2, NULL, "a2", dev, 0x800, 0x800);
    memory_region_add_subregion(sys, 0x10000, a1);
    memory_region_add_subregion(sys, 0x20000, a2);
    static AddressSpace as;
    address_space_init(&as, sys, "mem");
    static EventNotifier e, low;
    memory_region_add_eventfd(dev, 0x900, 0, false, 0, &e);
    memory_region_add_eventfd(dev, 0x100, 0, false, 0, &low);  /* outside a2's window */
    cr_assert_eq(as.ioeventfd_nb, 3);
    cr_expect_eq(as.ioeventfds[0].addr, 0x10100);
    cr_expect_eq(as.ioeventfds[1].addr, 0x10900);
    cr_expect_eq(as.ioeventfds[2].addr, 0x20100);
    cr_expect_eq(as.ioeventfds[2].e, &e);

    MemoryRegion *cover = new_dev("cover", 0x1000);
    memory_region_add_subregion_overlap(sys, 0x10000, cover, 1);
    cr_assert_eq(as.ioeventfd_nb, 1);
    cr_expect_eq(as.ioeventfds[0].addr, 0x20100);
    address_space_destroy(&as);
}

Test(ioeventfd, a_matching_guest_write_signals_instead_of_reaching_the_device)
{
    MemoryRegion *sys = new_container("sys", UINT64_MAX);
    MemoryRegion *dev = new_dev("doorbell", 0x100);
    memory_region_add_subregion(sys, 0x10000, dev);
    static AddressSpace as;
    address_space_init(&as, sys, "mem");
    EventNotifier e;
    cr_assert_eq(event_notifier_init(&e, 0), 0);
    memory_region_add_eventfd(dev, 0x20, 4, true, 1, &e);

    MemTxResult r = MEMTX_ERROR;
    address_space_stl_le(&as, 0x10020, 1, MEMTXATTRS_UNSPECIFIED, &r);
    cr_expect_eq(r, MEMTX_OK);
    cr_expect(event_notifier_test_and_clear(&e));
    cr_expect_eq(device_writes, 0);

    address_space_stl_le(&as, 0x10020, 2, MEMTXATTRS_UNSPECIFIED, &r);
    cr_expect_not(event_notifier_test_and_clear(&e), "other data goes to the device");
    cr_expect_eq(device_writes, 1);
    event_notifier_cleanup(&e);
    address_space_destroy(&as);
}
