/*
 * softmmu/log.c: the -d items and the -D log file.  Logging is a slow path
 * of its own: everything here runs only when an item is enabled.
 */
#include "config.h"
#include "lemu/log.h"

#include <stdarg.h>
#include <errno.h>
#include <string.h>

unsigned lemu_loglevel;
FILE *lemu_logfile;

static const struct {
    unsigned mask;
    const char *name;
    const char *help;
} log_items[] = {
    { CPU_LOG_TB_OUT_ASM, "out_asm", "show generated host code (JIT only)" },
    { CPU_LOG_TB_IN_ASM, "in_asm", "show target assembly code for each compiled TB" },
    { CPU_LOG_TB_OP, "op", "show tcg-lite IR before optimization" },
    { CPU_LOG_TB_OP_OPT, "op_opt", "show tcg-lite IR after optimization" },
    { CPU_LOG_INT, "int", "show interrupts and exceptions" },
    { CPU_LOG_EXEC, "exec", "show trace before each executed TB" },
    { CPU_LOG_TB_CPU, "cpu", "show CPU registers before entering a TB" },
    { CPU_LOG_MMU, "mmu", "log MMU-related activities" },
    { LOG_GUEST_ERROR, "guest_errors", "log when the guest OS does something invalid" },
    { LOG_UNIMP, "unimp", "log unimplemented functionality" },
    { CPU_LOG_TB_NOCHAIN, "nochain", "do not chain compiled TBs (makes exec complete)" },
};

void lemu_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(lemu_logfile ? lemu_logfile : stderr, fmt, ap);
    va_end(ap);
}

bool lemu_log_parse_items(const char *items, unsigned *mask, Error **errp)
{
    unsigned m = 0;
    const char *p = items;
    while (*p) {
        size_t len = strcspn(p, ",");
        bool found = false;
        if (len == 3 && !strncmp(p, "all", 3)) {
            for (size_t i = 0; i < sizeof(log_items) / sizeof(log_items[0]); i++) {
                if (log_items[i].mask != CPU_LOG_TB_NOCHAIN) {
                    m |= log_items[i].mask;
                }
            }
            found = true;
        }
        for (size_t i = 0; !found && i < sizeof(log_items) / sizeof(log_items[0]); i++) {
            if (strlen(log_items[i].name) == len && !strncmp(p, log_items[i].name, len)) {
                m |= log_items[i].mask;
                found = true;
            }
        }
        if (!found) {
            error_setg(errp, "unknown -d item '%.*s' (use -d help for a list)", (int)len, p);
            return false;
        }
        p += len;
        if (*p == ',') {
            p++;
        }
    }
    *mask = m;
    return true;
}

void lemu_log_print_items(FILE *out)
{
    fprintf(out, "Log items (comma separated):\n");
    for (size_t i = 0; i < sizeof(log_items) / sizeof(log_items[0]); i++) {
        fprintf(out, "%-15s %s\n", log_items[i].name, log_items[i].help);
    }
}

bool lemu_log_set_file(const char *path, Error **errp)
{
    if (!path) {
        lemu_logfile = NULL;
        return true;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        error_setg_errno(errp, errno, "cannot open log file '%s'", path);
        return false;
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    lemu_logfile = f;
    return true;
}

void lemu_log_flush(void)
{
    fflush(lemu_logfile ? lemu_logfile : stderr);
}
