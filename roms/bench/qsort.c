/*
 * roms/bench/qsort.c: quicksort (median of three, insertion sort below 16
 * elements) of 100,000 pseudo-random 32-bit keys, repeated on fresh data:
 * data-dependent branches, loads/stores and recursion.
 */
#include "bench.h"

#define QS_COUNT  100000
#define QS_ROUNDS 16

static uint32_t qs_data[QS_COUNT];

static void qs_swap(uint32_t *a, uint32_t *b)
{
    uint32_t t = *a;
    *a = *b;
    *b = t;
}

static void qs_insertion(uint32_t *v, long n)
{
    for (long i = 1; i < n; i++) {
        uint32_t key = v[i];
        long j = i - 1;
        while (j >= 0 && v[j] > key) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = key;
    }
}

static void qs_sort(uint32_t *v, long n)
{
    while (n > 16) {
        long mid = n / 2, i = 0, j = n - 1;
        uint32_t pivot;

        if (v[mid] < v[0])
            qs_swap(&v[mid], &v[0]);
        if (v[n - 1] < v[0])
            qs_swap(&v[n - 1], &v[0]);
        if (v[n - 1] < v[mid])
            qs_swap(&v[n - 1], &v[mid]);
        pivot = v[mid];
        for (;;) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i >= j)
                break;
            qs_swap(&v[i], &v[j]);
            i++;
            j--;
        }
        /* recurse on the smaller side, loop on the larger: bounded stack */
        if (j + 1 < n - j - 1) {
            qs_sort(v, j + 1);
            v += j + 1;
            n -= j + 1;
        } else {
            qs_sort(v + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    qs_insertion(v, n);
}

int main(void)
{
    uint64_t state = 0x2545f4914f6cdd1dull, checksum = 0;

    for (int round = 0; round < QS_ROUNDS; round++) {
        for (long i = 0; i < QS_COUNT; i++)
            qs_data[i] = (uint32_t)bench_rand(&state);
        qs_sort(qs_data, QS_COUNT);
        for (long i = 1; i < QS_COUNT; i++) {
            if (qs_data[i - 1] > qs_data[i]) {
                printf("qsort: not sorted at %ld\n", i);
                return 1;
            }
        }
        for (long i = 0; i < QS_COUNT; i += 97)
            checksum = checksum * 1000003 + qs_data[i];
    }
    bench_report("qsort", checksum);
    return 0;
}
