/*
 * roms/bench/fp-kernel.c: double-precision floating point: a 64x64 matrix
 * multiply (fused multiply-adds, strided loads) and a five-body
 * gravitational simulation (divisions and square roots), repeated.  The
 * checksum folds the bits of the results, so every emulator that rounds
 * as IEEE 754 says prints the same one.
 */
#include <string.h>

#include "bench.h"

#define FK_N       64
#define FK_ROUNDS  32
#define FK_BODIES  5
#define FK_STEPS   100000

static double fk_a[FK_N][FK_N], fk_b[FK_N][FK_N], fk_c[FK_N][FK_N];

static uint64_t fk_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof(u));
    return u;
}

/* A value in [-1, 1) from 53 random bits, without any FP conversion of a random integer. */
static double fk_rand(uint64_t *state)
{
    uint64_t u = (bench_rand(state) >> 12) | 0x3ff0000000000000ull;   /* [1, 2) */
    double d;
    memcpy(&d, &u, sizeof(d));
    return 2.0 * (d - 1.5);
}

static void fk_matmul(void)
{
    for (int i = 0; i < FK_N; i++) {
        for (int j = 0; j < FK_N; j++) {
            double sum = 0.0;
            for (int k = 0; k < FK_N; k++)
                sum += fk_a[i][k] * fk_b[k][j];
            fk_c[i][j] = sum;
        }
    }
}

struct fk_body {
    double x, y, z, vx, vy, vz, mass;
};

static struct fk_body fk_bodies[FK_BODIES];

static void fk_nbody_step(double dt)
{
    for (int i = 0; i < FK_BODIES; i++) {
        struct fk_body *bi = &fk_bodies[i];
        for (int j = i + 1; j < FK_BODIES; j++) {
            struct fk_body *bj = &fk_bodies[j];
            double dx = bi->x - bj->x, dy = bi->y - bj->y, dz = bi->z - bj->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * __builtin_sqrt(d2));
            bi->vx -= dx * bj->mass * mag;
            bi->vy -= dy * bj->mass * mag;
            bi->vz -= dz * bj->mass * mag;
            bj->vx += dx * bi->mass * mag;
            bj->vy += dy * bi->mass * mag;
            bj->vz += dz * bi->mass * mag;
        }
    }
    for (int i = 0; i < FK_BODIES; i++) {
        fk_bodies[i].x += dt * fk_bodies[i].vx;
        fk_bodies[i].y += dt * fk_bodies[i].vy;
        fk_bodies[i].z += dt * fk_bodies[i].vz;
    }
}

int main(void)
{
    uint64_t state = 0x2545f4914f6cdd1dull, checksum = 0;

    csr_set(mstatus, 0x2000);           /* mstatus.FS = Initial: FP on */
    for (int i = 0; i < FK_N; i++) {
        for (int j = 0; j < FK_N; j++) {
            fk_a[i][j] = fk_rand(&state);
            fk_b[i][j] = fk_rand(&state);
        }
    }
    for (int round = 0; round < FK_ROUNDS; round++) {
        fk_matmul();
        for (int i = 0; i < FK_N; i++)
            for (int j = 0; j < FK_N; j++)
                checksum = checksum * 31 + fk_bits(fk_c[i][j]);
        fk_a[round][round] += 0.5;
    }

    for (int i = 0; i < FK_BODIES; i++) {
        fk_bodies[i] = (struct fk_body){
            .x = 10.0 * fk_rand(&state), .y = 10.0 * fk_rand(&state),
            .z = 10.0 * fk_rand(&state), .vx = fk_rand(&state),
            .vy = fk_rand(&state), .vz = fk_rand(&state),
            .mass = 1.0 + fk_rand(&state) * 0.5,
        };
    }
    for (int step = 0; step < FK_STEPS; step++)
        fk_nbody_step(0.001);
    for (int i = 0; i < FK_BODIES; i++) {
        checksum = checksum * 31 + fk_bits(fk_bodies[i].x);
        checksum = checksum * 31 + fk_bits(fk_bodies[i].vy);
        checksum = checksum * 31 + fk_bits(fk_bodies[i].z);
    }
    bench_report("fp-kernel", checksum);
    return 0;
}
