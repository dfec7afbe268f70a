/*
 * roms/bench/crc32.c: table-driven CRC-32 (IEEE 802.3, reflected
 * polynomial 0xedb88320) over a 64 KiB pseudo-random buffer, repeated:
 * byte loads, table lookups, shifts and xors.
 */
#include "bench.h"

#define CRC_BUF_SIZE (64 * 1024)
#define CRC_ROUNDS   400

static uint32_t crc_table[256];
static uint8_t crc_buf[CRC_BUF_SIZE];

static void crc_init_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32_update(uint32_t crc, const uint8_t *p, uint32_t len)
{
    crc = ~crc;
    while (len--)
        crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

int main(void)
{
    uint64_t state = 0x9e3779b97f4a7c15ull;
    uint64_t checksum = 0;

    crc_init_table();
    /* CRC-32 of "123456789" is 0xcbf43926: the check value of the standard */
    if (crc32_update(0, (const uint8_t *)"123456789", 9) != 0xcbf43926u) {
        puts("crc32: self-test failed");
        return 1;
    }
    for (uint32_t i = 0; i < CRC_BUF_SIZE; i++)
        crc_buf[i] = (uint8_t)bench_rand(&state);
    for (int round = 0; round < CRC_ROUNDS; round++) {
        uint32_t crc = crc32_update((uint32_t)round, crc_buf, CRC_BUF_SIZE);
        checksum = (checksum << 7 | checksum >> 57) ^ crc;
        crc_buf[round] ^= (uint8_t)crc;
    }
    bench_report("crc32", checksum);
    return 0;
}
