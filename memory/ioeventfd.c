/*
 * memory/ioeventfd.c: I/O event notifiers.  It owns EventNotifier (a
 * non-blocking Linux eventfd), the sorted ioeventfd list of each region
 * (memory_region_add/del_eventfd), each address space's list derived from
 * its FlatView with the add/del diff sent to listeners, and the match that
 * turns a guest write into a signal instead of a device call.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "memory/memory-internal.h"

/* ------------------------------------------------------------------ */
/* EventNotifier                                                      */

int event_notifier_init(EventNotifier *e, int active)
{
    int fd = eventfd(active ? 1 : 0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd < 0) {
        e->initialized = false;
        return -errno;
    }
    e->rfd = e->wfd = fd;
    e->initialized = true;
    return 0;
}

void event_notifier_cleanup(EventNotifier *e)
{
    if (!e->initialized) {
        return;
    }
    close(e->rfd);
    e->rfd = e->wfd = -1;
    e->initialized = false;
}

int event_notifier_set(EventNotifier *e)
{
    uint64_t one = 1;
    ssize_t n;
    do {
        n = write(e->wfd, &one, sizeof(one));
    } while (n < 0 && errno == EINTR);
    /* EAGAIN: the counter is saturated, which is still "signalled". */
    if (n < 0 && errno != EAGAIN) {
        return -errno;
    }
    return 0;
}

bool event_notifier_test_and_clear(EventNotifier *e)
{
    uint64_t value = 0;
    ssize_t n;
    do {
        n = read(e->rfd, &value, sizeof(value));
    } while (n < 0 && errno == EINTR);
    return n == (ssize_t)sizeof(value) && value != 0;
}

int event_notifier_get_fd(const EventNotifier *e)
{
    return e->rfd;
}

/* ------------------------------------------------------------------ */
/* Region lists                                                       */

/* Total order: address, size, match_data, data (when matched), notifier. */
static int ioeventfd_cmp(const MemoryRegionIoeventfd *a, const MemoryRegionIoeventfd *b)
{
    if (a->addr != b->addr) {
        return a->addr < b->addr ? -1 : 1;
    }
    if (a->size != b->size) {
        return a->size < b->size ? -1 : 1;
    }
    if (a->match_data != b->match_data) {
        return a->match_data ? 1 : -1;
    }
    if (a->match_data && a->data != b->data) {
        return a->data < b->data ? -1 : 1;
    }
    if (a->e != b->e) {
        return (uintptr_t)a->e < (uintptr_t)b->e ? -1 : 1;
    }
    return 0;
}

static int ioeventfd_qsort_cmp(const void *a, const void *b)
{
    return ioeventfd_cmp(a, b);
}

void memory_region_add_eventfd(MemoryRegion *mr, hwaddr addr, unsigned size, bool match_data,
                               uint64_t data, EventNotifier *e)
{
    MemoryRegionIoeventfd fd = {
        .addr = addr, .size = size, .match_data = match_data,
        .data = match_data ? data : 0, .e = e,
    };
    unsigned i = 0;
    while (i < mr->ioeventfd_nb && ioeventfd_cmp(&mr->ioeventfds[i], &fd) < 0) {
        i++;
    }
    MemoryRegionIoeventfd *list = realloc(mr->ioeventfds,
                                          (mr->ioeventfd_nb + 1) * sizeof(*list));
    if (!list) {
        fprintf(stderr, "lemu: out of memory\n");
        abort();
    }
    memmove(&list[i + 1], &list[i], (mr->ioeventfd_nb - i) * sizeof(*list));
    list[i] = fd;
    mr->ioeventfds = list;
    mr->ioeventfd_nb++;

    memory_region_transaction_begin();
    if (mr->enabled) {
        memory_region_mark_ioeventfds_changed();
    }
    memory_region_transaction_commit();
}

void memory_region_del_eventfd(MemoryRegion *mr, hwaddr addr, unsigned size, bool match_data,
                               uint64_t data, EventNotifier *e)
{
    MemoryRegionIoeventfd fd = {
        .addr = addr, .size = size, .match_data = match_data,
        .data = match_data ? data : 0, .e = e,
    };
    unsigned i = 0;
    while (i < mr->ioeventfd_nb && ioeventfd_cmp(&mr->ioeventfds[i], &fd) != 0) {
        i++;
    }
    assert(i < mr->ioeventfd_nb);  /* deleting what was never added */
    memmove(&mr->ioeventfds[i], &mr->ioeventfds[i + 1],
            (mr->ioeventfd_nb - i - 1) * sizeof(*mr->ioeventfds));
    mr->ioeventfd_nb--;

    memory_region_transaction_begin();
    if (mr->enabled) {
        memory_region_mark_ioeventfds_changed();
    }
    memory_region_transaction_commit();
}

bool memory_region_dispatch_write_eventfds(MemoryRegion *mr, hwaddr addr, uint64_t data,
                                           unsigned size)
{
    for (unsigned i = 0; i < mr->ioeventfd_nb; i++) {
        const MemoryRegionIoeventfd *fd = &mr->ioeventfds[i];
        if (fd->addr > addr) {
            break;  /* sorted by address */
        }
        if (fd->addr == addr && (fd->size == 0 || fd->size == size) &&
            (!fd->match_data || fd->data == data)) {
            event_notifier_set(fd->e);
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Address-space lists                                                */

void address_space_update_ioeventfds(AddressSpace *as)
{
    FlatView *view = as->current_map;
    MemoryRegionIoeventfd *fds = NULL;
    unsigned nr = 0, alloc = 0;

    for (unsigned r = 0; view && r < view->nr; r++) {
        const FlatRange *fr = &view->ranges[r];
        const MemoryRegion *mr = fr->mr;
        Int128 shift = fr->addr.start - (Int128)fr->offset_in_region;
        Int128 fr_end = fr->addr.start + fr->addr.size;
        for (unsigned i = 0; i < mr->ioeventfd_nb; i++) {
            const MemoryRegionIoeventfd *rfd = &mr->ioeventfds[i];
            Int128 start = shift + rfd->addr;
            Int128 end = start + rfd->size;
            /* Seen where its first byte is visible, or where a range starts inside it. */
            bool seen = (start >= fr->addr.start && start < fr_end) ||
                        (fr->addr.start >= start && fr->addr.start < end);
            if (!seen) {
                continue;
            }
            if (nr == alloc) {
                alloc = alloc ? alloc * 2 : 8;
                fds = realloc(fds, alloc * sizeof(*fds));
                if (!fds) {
                    fprintf(stderr, "lemu: out of memory\n");
                    abort();
                }
            }
            fds[nr] = *rfd;
            fds[nr].addr = (hwaddr)start;
            fds[nr].mr = fr->mr;
            fds[nr].offset_in_region = rfd->addr;
            nr++;
        }
    }
    if (nr > 1) {
        qsort(fds, nr, sizeof(*fds), ioeventfd_qsort_cmp);
    }

    /* Deletions first (listeners in reverse order), then additions. */
    unsigned iold = 0, inew = 0;
    while (iold < as->ioeventfd_nb) {
        int c = inew < nr ? ioeventfd_cmp(&as->ioeventfds[iold], &fds[inew]) : -1;
        if (c < 0) {
            memory_listeners_eventfd(as, &as->ioeventfds[iold++], false);
        } else if (c > 0) {
            inew++;
        } else {
            iold++;
            inew++;
        }
    }
    iold = inew = 0;
    while (inew < nr) {
        int c = iold < as->ioeventfd_nb ? ioeventfd_cmp(&as->ioeventfds[iold], &fds[inew]) : 1;
        if (c > 0) {
            memory_listeners_eventfd(as, &fds[inew++], true);
        } else if (c < 0) {
            iold++;
        } else {
            iold++;
            inew++;
        }
    }

    free(as->ioeventfds);
    as->ioeventfds = fds;
    as->ioeventfd_nb = nr;
}
