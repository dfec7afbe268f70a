/*
 * roms/mandelbrot.c: the README's second guest program: the Mandelbrot set
 * as ASCII art, in 64-bit fixed-point arithmetic (this guest has no FPU),
 * followed by the total number of iterations as a checksum.  Exercises
 * multiplication, shifts, branches and console output.
 */
#include <stdio.h>
#include <stdint.h>

#define MB_SHIFT   24                       /* fixed point: 8.24 */
#define MB_ONE     ((int64_t)1 << MB_SHIFT)
#define MB_ROWS    24
#define MB_COLS    72
#define MB_MAXITER 200

/* Iterations until |z| > 2 for c = cr + i*ci, at most MB_MAXITER. */
static int mandelbrot_escape(int64_t cr, int64_t ci)
{
    int64_t zr = 0, zi = 0;
    int n;

    for (n = 0; n < MB_MAXITER; n++) {
        int64_t zr2 = (zr * zr) / MB_ONE;
        int64_t zi2 = (zi * zi) / MB_ONE;

        if (zr2 + zi2 > 4 * MB_ONE)
            break;
        zi = (2 * zr * zi) / MB_ONE + ci;
        zr = zr2 - zi2 + cr;
    }
    return n;
}

/* Darker for points that take longer to escape. */
static char mandelbrot_shade(int n)
{
    static const int limits[] = { 2, 3, 4, 5, 7, 10, 15, 25, 50, 100, MB_MAXITER };
    static const char shades[] = " .,:;-=+*%#@";
    unsigned i = 0;

    while (i < sizeof(limits) / sizeof(limits[0]) && n >= limits[i])
        i++;
    return shades[i];
}

int main(void)
{
    uint64_t total = 0;

    for (int row = 0; row < MB_ROWS; row++) {
        /* ci from -1.2 to 1.2, cr from -2.2 to 1.0 */
        int64_t ci = -12 * MB_ONE / 10 + row * (24 * MB_ONE / 10) / (MB_ROWS - 1);
        char line[MB_COLS + 1];

        for (int col = 0; col < MB_COLS; col++) {
            int64_t cr = -22 * MB_ONE / 10 + col * (32 * MB_ONE / 10) / (MB_COLS - 1);
            int n = mandelbrot_escape(cr, ci);

            total += n;
            line[col] = mandelbrot_shade(n);
        }
        line[MB_COLS] = '\0';
        puts(line);
    }
    printf("total iterations: %lu\n", (unsigned long)total);
    return 0;
}
