/*
 * roms/bench/sha256.c: SHA-256 (FIPS 180-4) of a 16 KiB message, chained
 * (each round hashes the message with the previous digest in front):
 * 32-bit rotates, adds and logic, the typical crypto kernel.  A self-test
 * against the standard's "abc" example runs first.
 */
#include <string.h>

#include "bench.h"

#define SHA_MSG_SIZE (16 * 1024)
#define SHA_ROUNDS   500

/* First 32 bits of the fractional parts of the cube roots of the first 64
 * primes (FIPS 180-4, 4.2.2). */
static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5,
    0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
    0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

struct sha_ctx {
    uint32_t h[8];
    uint8_t block[64];
    uint32_t used;
    uint64_t length;
};

static uint32_t sha_rotr(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

static void sha_compress(uint32_t h[8], const uint8_t *p)
{
    uint32_t w[64], a, b, c, d, e, f, g, hh;

    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
               (uint32_t)p[4 * t + 2] << 8 | p[4 * t + 3];
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = sha_rotr(w[t - 15], 7) ^ sha_rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = sha_rotr(w[t - 2], 17) ^ sha_rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    a = h[0]; b = h[1]; c = h[2]; d = h[3];
    e = h[4]; f = h[5]; g = h[6]; hh = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = hh + (sha_rotr(e, 6) ^ sha_rotr(e, 11) ^ sha_rotr(e, 25)) +
                      ((e & f) ^ (~e & g)) + sha_k[t] + w[t];
        uint32_t t2 = (sha_rotr(a, 2) ^ sha_rotr(a, 13) ^ sha_rotr(a, 22)) +
                      ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha_init(struct sha_ctx *ctx)
{
    /* Fractional parts of the square roots of the first 8 primes. */
    static const uint32_t iv[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(ctx->h, iv, sizeof(iv));
    ctx->used = 0;
    ctx->length = 0;
}

static void sha_update(struct sha_ctx *ctx, const uint8_t *p, uint32_t len)
{
    ctx->length += len;
    while (len--) {
        ctx->block[ctx->used++] = *p++;
        if (ctx->used == 64) {
            sha_compress(ctx->h, ctx->block);
            ctx->used = 0;
        }
    }
}

static void sha_final(struct sha_ctx *ctx, uint8_t digest[32])
{
    uint64_t bits = ctx->length * 8;
    uint8_t pad = 0x80;

    sha_update(ctx, &pad, 1);
    pad = 0;
    while (ctx->used != 56)
        sha_update(ctx, &pad, 1);
    for (int i = 7; i >= 0; i--) {
        uint8_t b = (uint8_t)(bits >> (8 * i));
        sha_update(ctx, &b, 1);
    }
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (uint8_t)(ctx->h[i] >> 24);
        digest[4 * i + 1] = (uint8_t)(ctx->h[i] >> 16);
        digest[4 * i + 2] = (uint8_t)(ctx->h[i] >> 8);
        digest[4 * i + 3] = (uint8_t)ctx->h[i];
    }
}

static uint8_t sha_msg[SHA_MSG_SIZE];

int main(void)
{
    /* FIPS 180-4 example: SHA-256("abc") */
    static const uint8_t abc_digest[32] = {
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde,
        0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
        0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
    };
    struct sha_ctx ctx;
    uint8_t digest[32];
    uint64_t state = 0x0123456789abcdefull, checksum = 0;

    sha_init(&ctx);
    sha_update(&ctx, (const uint8_t *)"abc", 3);
    sha_final(&ctx, digest);
    if (memcmp(digest, abc_digest, 32) != 0) {
        puts("sha256: self-test failed");
        return 1;
    }
    for (uint32_t i = 0; i < SHA_MSG_SIZE; i++)
        sha_msg[i] = (uint8_t)bench_rand(&state);
    for (int round = 0; round < SHA_ROUNDS; round++) {
        sha_init(&ctx);
        sha_update(&ctx, digest, 32);
        sha_update(&ctx, sha_msg, SHA_MSG_SIZE);
        sha_final(&ctx, digest);
    }
    for (int i = 0; i < 8; i++)
        checksum = checksum << 8 | digest[i];
    bench_report("sha256", checksum);
    return 0;
}
