/*
 * util/bitmap.c: the range operations of include/lemu/bitmap.h.  Each word is
 * updated with one atomic read-modify-write so that concurrent setters of
 * other bits in the same word are never lost.
 */
#include "config.h"
#include "lemu/bitmap.h"

#include <stdlib.h>
#include <string.h>

static unsigned long bitmap_range_mask(size_t start, size_t end_in_word)
{
    /* Bits [start % BPL, end_in_word) of one word; end_in_word <= BPL. */
    unsigned long lo = ~0UL << (start % BITS_PER_LONG);
    unsigned long hi = end_in_word >= BITS_PER_LONG ? ~0UL : ((1UL << end_in_word) - 1);
    return lo & hi;
}

/* Calls fn(word, mask) for each word touched by [start, start + nr). */
#define BITMAP_FOR_EACH_WORD(map, start, nr, body)                            \
    do {                                                                      \
        size_t b_ = (start), e_ = (start) + (nr);                             \
        while (b_ < e_) {                                                     \
            size_t w_ = BIT_WORD(b_);                                         \
            size_t wend_ = (w_ + 1) * BITS_PER_LONG;                          \
            size_t stop_ = e_ < wend_ ? e_ : wend_;                           \
            unsigned long mask_ = bitmap_range_mask(b_, stop_ - w_ * BITS_PER_LONG); \
            unsigned long *word_ = &(map)[w_];                                \
            body;                                                             \
            b_ = stop_;                                                       \
        }                                                                     \
    } while (0)

void bitmap_set_atomic(unsigned long *map, size_t start, size_t nr)
{
    BITMAP_FOR_EACH_WORD(map, start, nr,
                         __atomic_fetch_or(word_, mask_, __ATOMIC_RELAXED));
}

void bitmap_clear_atomic(unsigned long *map, size_t start, size_t nr)
{
    BITMAP_FOR_EACH_WORD(map, start, nr,
                         __atomic_fetch_and(word_, ~mask_, __ATOMIC_RELAXED));
}

bool bitmap_test_and_clear_atomic(unsigned long *map, size_t start, size_t nr)
{
    unsigned long any = 0;
    BITMAP_FOR_EACH_WORD(map, start, nr,
                         any |= __atomic_fetch_and(word_, ~mask_, __ATOMIC_RELAXED) & mask_);
    return any != 0;
}

static size_t bitmap_find_next(const unsigned long *map, size_t size, size_t start,
                               unsigned long invert)
{
    while (start < size) {
        size_t w = BIT_WORD(start);
        unsigned long word = (__atomic_load_n(&map[w], __ATOMIC_RELAXED) ^ invert)
                             & (~0UL << (start % BITS_PER_LONG));
        if (word) {
            size_t bit = w * BITS_PER_LONG + (size_t)__builtin_ctzl(word);
            return bit < size ? bit : size;
        }
        start = (w + 1) * BITS_PER_LONG;
    }
    return size;
}

size_t bitmap_find_next_bit(const unsigned long *map, size_t size, size_t start)
{
    return bitmap_find_next(map, size, start, 0);
}

size_t bitmap_find_next_zero_bit(const unsigned long *map, size_t size, size_t start)
{
    return bitmap_find_next(map, size, start, ~0UL);
}

unsigned long *bitmap_zero_extend(unsigned long *map, size_t old_nbits, size_t new_nbits)
{
    size_t old_words = BITS_TO_LONGS(old_nbits);
    size_t new_words = BITS_TO_LONGS(new_nbits);
    unsigned long *n = realloc(map, (new_words ? new_words : 1) * sizeof(unsigned long));
    if (!n) {
        return NULL;
    }
    if (new_words > old_words) {
        memset(n + old_words, 0, (new_words - old_words) * sizeof(unsigned long));
    }
    /* Clear the tail bits of the old last word that now belong to the map. */
    if (new_nbits > old_nbits && old_nbits % BITS_PER_LONG) {
        n[BIT_WORD(old_nbits)] &= ~(~0UL << (old_nbits % BITS_PER_LONG));
    }
    return n;
}
