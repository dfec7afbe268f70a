/*
 * roms/common/rt.h: the runtime every lemu guest program links (crt0.S,
 * htif.c): the HTIF console and exit, and CSR access for C programs.
 * HTIF is Spike's host interface: the guest writes a command to `tohost`
 * (device << 56 | command << 48 | payload) and the host acknowledges
 * console output through `fromhost`.  lemu, QEMU and Spike all serve it.
 */
#ifndef ROMS_COMMON_RT_H
#define ROMS_COMMON_RT_H

#include <stdint.h>

/* The HTIF mailboxes: 64-byte aligned, alone on their page (link.ld). */
extern volatile uint64_t tohost;
extern volatile uint64_t fromhost;

/* Write one byte to the HTIF console (device 1, command 1). */
void htif_putchar(int ch);

/* Write a NUL-terminated string to the HTIF console, no newline added. */
void htif_puts(const char *s);

/* Write v as 0x-prefixed hexadecimal, without needing printf. */
void htif_puthex(uint64_t v);

/* Stop the machine with exit status code (device 0: tohost = code<<1 | 1). */
__attribute__((noreturn)) void htif_exit(uint64_t code);

/* Called by crt0 for a trap no handler was installed for: reports and exits 255. */
__attribute__((noreturn)) void rt_unexpected_trap(uint64_t mcause, uint64_t mepc,
                                                  uint64_t mtval);

#define csr_read(csr) ({                                              \
        uint64_t csr_val_;                                            \
        __asm__ __volatile__("csrr %0, " #csr : "=r"(csr_val_));      \
        csr_val_; })
#define csr_write(csr, val)                                           \
        __asm__ __volatile__("csrw " #csr ", %0" :: "rK"((uint64_t)(val)) : "memory")
#define csr_set(csr, val)                                             \
        __asm__ __volatile__("csrs " #csr ", %0" :: "rK"((uint64_t)(val)) : "memory")
#define csr_clear(csr, val)                                           \
        __asm__ __volatile__("csrc " #csr ", %0" :: "rK"((uint64_t)(val)) : "memory")

/* Retired-instruction count (minstret); the benchmarks print it. */
static inline uint64_t rt_instret(void)
{
    return csr_read(minstret);
}

#endif
