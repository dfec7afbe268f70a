/*
 * bench-memory.c: how fast the memory API's map changes and lookups are
 * (`make bench`; not a test).  For boards of 100, 1,000 and 10,000 device
 * regions (plus one RAM region) it prints the time of a topology commit,
 * which renders the FlatView and builds the dispatch, and the rate of
 * address_space_translate through the phys_map, at random addresses in the
 * mapped regions (the MRU section rarely helps) and within one region (it
 * always does).
 *
 * Aims (issue 2): a 10,000-region commit under 20 ms, and over 50 million
 * translations per second on one core.
 *
 * Region counts given as arguments replace the default three, so that one
 * size can be measured alone (under perf or callgrind, say).
 *
 * The random addresses are drawn with the region and offset each must
 * translate to; after timing, every one is checked, and a wrong answer
 * stops the benchmark with status 1 (a fast wrong dispatch reports nothing).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lemu/memory.h"

/* An odd number: dev0 is toggled COMMIT_RUNS - 1 times and ends enabled. */
#define COMMIT_RUNS 21
#define ADDRS (1u << 16)

static uint64_t dummy_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void dummy_write(void *opaque, hwaddr addr, uint64_t data, unsigned size)
{
}

static const MemoryRegionOps dummy_ops = {
    .read = dummy_read,
    .write = dummy_write,
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static uint64_t rng_state = 0x6c656d75;
static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/*
 * One page of registers every 64 KiB from 0x10000000; every eighth device
 * is a small block of 0x100 bytes in the middle of its page, which makes a
 * subpage.  RAM at 0x80000000.
 */
#define DEV_BASE 0x10000000ull
#define DEV_STRIDE 0x10000ull
#define RAM_BASE 0x80000000ull
#define RAM_SIZE (64ull << 20)

static hwaddr dev_addr(unsigned i)
{
    return DEV_BASE + i * DEV_STRIDE + (i % 8 == 7 ? 0x800 : 0);
}

static uint64_t dev_size(unsigned i)
{
    return i % 8 == 7 ? 0x100 : TARGET_PAGE_SIZE;
}

static volatile uint64_t sink;

/*
 * Translations per second over the address list: the best of several
 * rounds, since the machine is shared and a round may lose its core.
 */
static double translate_rate(AddressSpace *as, const hwaddr *addrs)
{
    uint64_t acc = 0;
    double best = 0;
    for (unsigned round = 0; round < 15; round++) {
        double start = now_seconds();
        for (unsigned pass = 0; pass < 4; pass++) {
            for (unsigned i = 0; i < ADDRS; i++) {
                hwaddr xlat, len = 4;
                MemoryRegionSection *s = address_space_translate(as, addrs[i], &xlat, &len);
                acc += xlat + (uintptr_t)s->mr;
            }
        }
        double rate = 4.0 * ADDRS / (now_seconds() - start);
        if (rate > best) {
            best = rate;
        }
    }
    sink = acc;
    return best;
}

/* Every address must translate to its region at its offset: exit 1 if not. */
static void check_translations(AddressSpace *as, const hwaddr *addrs,
                               MemoryRegion *const *want_mr, const hwaddr *want_off)
{
    for (unsigned i = 0; i < ADDRS; i++) {
        hwaddr xlat, len = 4;
        MemoryRegionSection *s = address_space_translate(as, addrs[i], &xlat, &len);
        if (s->mr != want_mr[i] || xlat != want_off[i]) {
            fprintf(stderr, "bench-memory: 0x%llx translates to %s + 0x%llx, want %s + 0x%llx\n",
                    (unsigned long long)addrs[i], memory_region_name(s->mr),
                    (unsigned long long)xlat, memory_region_name(want_mr[i]),
                    (unsigned long long)want_off[i]);
            exit(1);
        }
    }
}

static void bench_one(unsigned nregions)
{
    MemoryRegion *root = calloc(1, sizeof(*root));
    MemoryRegion *ram = calloc(1, sizeof(*ram));
    MemoryRegion *devs = calloc(nregions, sizeof(*devs));
    AddressSpace *as = calloc(1, sizeof(*as));
    hwaddr *addrs = malloc(ADDRS * sizeof(*addrs));
    hwaddr *want_off = malloc(ADDRS * sizeof(*want_off));
    MemoryRegion **want_mr = malloc(ADDRS * sizeof(*want_mr));
    char name[32];
    if (!root || !ram || !devs || !as || !addrs || !want_off || !want_mr) {
        fprintf(stderr, "bench-memory: out of memory\n");
        exit(1);
    }

    memory_region_init(root, NULL, "system", UINT64_MAX);
    address_space_init(as, root, "memory");
    if (!memory_region_init_ram(ram, NULL, "ram", RAM_SIZE, NULL)) {
        fprintf(stderr, "bench-memory: cannot allocate RAM\n");
        exit(1);
    }
    for (unsigned i = 0; i < nregions; i++) {
        snprintf(name, sizeof(name), "dev%u", i);
        memory_region_init_io(&devs[i], NULL, &dummy_ops, NULL, name, dev_size(i));
    }

    /* Commit times: the first full map, then re-renders after one change each. */
    double times[COMMIT_RUNS];
    memory_region_transaction_begin();
    memory_region_add_subregion(root, RAM_BASE, ram);
    for (unsigned i = 0; i < nregions; i++) {
        memory_region_add_subregion(root, dev_addr(i), &devs[i]);
    }
    double t0 = now_seconds();
    memory_region_transaction_commit();
    times[0] = now_seconds() - t0;
    for (unsigned run = 1; run < COMMIT_RUNS; run++) {
        memory_region_transaction_begin();
        memory_region_set_enabled(&devs[0], !devs[0].enabled);
        t0 = now_seconds();
        memory_region_transaction_commit();
        times[run] = now_seconds() - t0;
    }
    double first = times[0];
    qsort(times + 1, COMMIT_RUNS - 1, sizeof(times[0]), cmp_double);
    double median = times[1 + (COMMIT_RUNS - 1) / 2];
    double best = times[1];

    /* Random addresses inside the mapped regions: a quarter in RAM. */
    for (unsigned i = 0; i < ADDRS; i++) {
        uint64_t r = rng_next();
        if (r % 4 == 0) {
            want_mr[i] = ram;
            want_off[i] = (r >> 8) % RAM_SIZE;
            addrs[i] = RAM_BASE + want_off[i];
        } else {
            unsigned d = (unsigned)((r >> 8) % nregions);
            want_mr[i] = &devs[d];
            want_off[i] = (r >> 40) % dev_size(d);
            addrs[i] = dev_addr(d) + want_off[i];
        }
    }
    double random_rate = translate_rate(as, addrs);
    check_translations(as, addrs, want_mr, want_off);
    for (unsigned i = 0; i < ADDRS; i++) {
        want_mr[i] = ram;
        want_off[i] = (i * 8) % RAM_SIZE;
        addrs[i] = RAM_BASE + want_off[i];
    }
    double mru_rate = translate_rate(as, addrs);
    check_translations(as, addrs, want_mr, want_off);

    AddressSpaceDispatch *d = address_space_get_dispatch(as);
    printf("%8u %10.3f %10.3f %10.3f %9u %7u %13.1f %11.1f\n", nregions, first * 1e3,
           median * 1e3, best * 1e3, d->map.sections_nb, d->map.nodes_nb, random_rate / 1e6,
           mru_rate / 1e6);
    address_space_dispatch_unref(d);

    address_space_destroy(as);
    free(addrs);
    free(want_off);
    free(want_mr);
    /* The regions stay: a benchmark has no need to tear the board down. */
}

int main(int argc, char **argv)
{
    unsigned sizes[16] = { 100, 1000, 10000 };
    unsigned nsizes = 3;
    if (argc > 1) {
        nsizes = 0;
        for (int i = 1; i < argc && nsizes < sizeof(sizes) / sizeof(sizes[0]); i++) {
            char *end;
            unsigned long n = strtoul(argv[i], &end, 0);
            /* The devices sit 64 KiB apart below RAM at 0x80000000. */
            if (*end || n < 1 || n > (RAM_BASE - DEV_BASE) / DEV_STRIDE) {
                fprintf(stderr, "usage: bench-memory [REGIONS...] (each 1 to %llu)\n",
                        (RAM_BASE - DEV_BASE) / DEV_STRIDE);
                return 2;
            }
            sizes[nsizes++] = (unsigned)n;
        }
    }

    printf("lemu memory API benchmark: commit = FlatView render + dispatch build;\n"
           "translations = address_space_translate per second through the phys_map\n\n");
    printf("%8s %10s %10s %10s %9s %7s %13s %11s\n", "regions", "first ms", "commit ms",
           "best ms", "sections", "nodes", "random M/s", "same M/s");
    for (unsigned i = 0; i < nsizes; i++) {
        bench_one(sizes[i]);
    }
    printf("\ncommit: median (best) of %u commits after a one-region change; first: the\n"
           "initial map.  Translations: best of 15 rounds; random: addresses spread over\n"
           "every region; same: within one RAM region (the MRU section answers).\n",
           COMMIT_RUNS - 1);
    return 0;
}
