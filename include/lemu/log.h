/*
 * log.h: the -d / -D logging of softmmu/log.c, with QEMU's item names
 * (in_asm, op, op_opt, exec, cpu, int, guest_errors, unimp, mmu, nochain).
 * When an item is off, lemu_log_mask() costs one test of a global word:
 * callers on hot paths test lemu_loglevel_mask() first.
 */
#ifndef LEMU_LOG_H
#define LEMU_LOG_H

#include <stdbool.h>
#include <stdio.h>

#include "lemu/error.h"

#define CPU_LOG_TB_OUT_ASM (1u << 0)
#define CPU_LOG_TB_IN_ASM (1u << 1)
#define CPU_LOG_TB_OP (1u << 2)
#define CPU_LOG_TB_OP_OPT (1u << 3)
#define CPU_LOG_INT (1u << 4)
#define CPU_LOG_EXEC (1u << 5)
#define CPU_LOG_TB_CPU (1u << 6)
#define CPU_LOG_MMU (1u << 7)
#define LOG_GUEST_ERROR (1u << 8)
#define LOG_UNIMP (1u << 9)
#define CPU_LOG_TB_NOCHAIN (1u << 10)

extern unsigned lemu_loglevel;
extern FILE *lemu_logfile;   /* stderr unless -D */

static inline bool lemu_loglevel_mask(unsigned mask)
{
    return (lemu_loglevel & mask) != 0;
}

/* printf to the log file (stderr by default). */
void lemu_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define lemu_log_mask(mask, ...)                 \
    do {                                         \
        if (lemu_loglevel_mask(mask)) {          \
            lemu_log(__VA_ARGS__);               \
        }                                        \
    } while (0)

/* Parse "-d in_asm,exec,...": false + errp on an unknown item. */
bool lemu_log_parse_items(const char *items, unsigned *mask, Error **errp);
/* "-d help": the list of items with their meanings. */
void lemu_log_print_items(FILE *out);
/* Open the -D file (NULL: stderr). */
bool lemu_log_set_file(const char *path, Error **errp);
void lemu_log_flush(void);

#endif
