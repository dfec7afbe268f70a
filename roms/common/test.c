/*
 * roms/common/test.c: the reporting side of the ISA tests: a passed group
 * prints one line, a failed case prints its number and exits with it (the
 * exit status is 8 bits wide, so numbers above 255 exit 255; the printed
 * line still names the case).
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "test.h"

void test_fail(uint64_t n)
{
    printf("FAIL: case %lu\n", (unsigned long)n);
    exit(n > 255 ? 255 : (int)n);
}

void test_group_ok(const char *name)
{
    printf("%s: ok\n", name);
}
