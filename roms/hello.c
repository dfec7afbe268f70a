/*
 * roms/hello.c: the README's first guest program.  Prints the ISA string
 * the hart reports in misa (e.g. "rv64imac"), its privilege modes, and a
 * small computation, then exits 0.
 */
#include <stdio.h>
#include <stdint.h>

#include "rt.h"

/* Extension letters in the canonical order of ISA strings; S and U are
 * privilege modes, reported separately. */
static void hello_isa_string(uint64_t misa, char *out)
{
    static const char order[] = "imafdqlcbkjtpvnh";
    int xlen = 32 << ((misa >> 62) - 1);

    out += sprintf(out, "rv%d", xlen);
    if (!(misa & (1u << ('i' - 'a'))) && (misa & (1u << ('e' - 'a'))))
        *out++ = 'e';
    for (const char *c = order; *c; c++)
        if (misa & (1u << (*c - 'a')))
            *out++ = *c;
    *out = '\0';
}

static unsigned hello_count_primes(unsigned limit, unsigned *largest)
{
    static uint8_t composite[10000];
    unsigned count = 0;

    for (unsigned i = 2; i < limit; i++) {
        if (composite[i])
            continue;
        count++;
        *largest = i;
        for (unsigned j = i * i; j < limit; j += i)
            composite[j] = 1;
    }
    return count;
}

int main(void)
{
    char isa[40];
    uint64_t misa = csr_read(misa);
    uint64_t fib_a = 0, fib_b = 1, factorial = 1;
    unsigned largest = 0, primes;

    hello_isa_string(misa, isa);
    printf("Hello from a RISC-V guest!\n");
    printf("ISA: %s, hart %lu, privilege modes: M%s%s\n", isa,
           (unsigned long)csr_read(mhartid),
           (misa & (1u << ('s' - 'a'))) ? " S" : "",
           (misa & (1u << ('u' - 'a'))) ? " U" : "");

    for (int i = 0; i < 90; i++) {
        uint64_t next = fib_a + fib_b;
        fib_a = fib_b;
        fib_b = next;
    }
    for (uint64_t i = 2; i <= 20; i++)
        factorial *= i;
    primes = hello_count_primes(10000, &largest);
    printf("fib(90) = %lu, 20! = %lu\n", (unsigned long)fib_a,
           (unsigned long)factorial);
    printf("%u primes below 10000, the largest %u\n", primes, largest);
    return 0;
}
