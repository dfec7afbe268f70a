/*
 * bitmap.h: bitmaps of unsigned long words, with the atomic variants the
 * dirty-memory bitmaps need (a vCPU may set a bit while the main loop clears
 * another in the same word).
 */
#ifndef LEMU_BITMAP_H
#define LEMU_BITMAP_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BITS_PER_LONG (sizeof(unsigned long) * CHAR_BIT)
#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define BIT_WORD(n) ((n) / BITS_PER_LONG)
#define BIT_MASK(n) (1UL << ((n) % BITS_PER_LONG))

static inline bool bitmap_test_bit(const unsigned long *map, size_t nr)
{
    return (__atomic_load_n(&map[BIT_WORD(nr)], __ATOMIC_RELAXED) & BIT_MASK(nr)) != 0;
}

static inline void bitmap_set_bit_atomic(unsigned long *map, size_t nr)
{
    __atomic_fetch_or(&map[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void bitmap_clear_bit_atomic(unsigned long *map, size_t nr)
{
    __atomic_fetch_and(&map[BIT_WORD(nr)], ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

/* Set/clear bits [start, start + nr) atomically, word by word. */
void bitmap_set_atomic(unsigned long *map, size_t start, size_t nr);
void bitmap_clear_atomic(unsigned long *map, size_t start, size_t nr);
/* Clear bits [start, start + nr) atomically; true if any of them was set. */
bool bitmap_test_and_clear_atomic(unsigned long *map, size_t start, size_t nr);
/* Index of the first set (zero) bit in [start, size), or size if none. */
size_t bitmap_find_next_bit(const unsigned long *map, size_t size, size_t start);
size_t bitmap_find_next_zero_bit(const unsigned long *map, size_t size, size_t start);
/* Resize a bitmap of old_nbits to new_nbits (zeroing new bits); NULL on OOM. */
unsigned long *bitmap_zero_extend(unsigned long *map, size_t old_nbits, size_t new_nbits);

#endif
