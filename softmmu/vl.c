/*
 * softmmu/vl.c: the lemu command line.  Options keep the names and
 * meanings of qemu-system-riscv64's (-M, -m, -kernel, -bios, -nographic,
 * -serial, -smp, -d, -D, -icount), plus lemu's own (--max-insns, --mtree);
 * like QEMU, every option may be written with one dash or two.  Any
 * mistake on the command line is one line on stderr and exit status 2.
 * Once the options are understood, the machine is built and handed to the
 * main loop, lemu_run().
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/log.h"
#include "lemu/machine.h"
#include "lemu/memory.h"
#include "lemu/timer.h"

typedef enum VlOptionId {
    OPT_MACHINE,
    OPT_MEMORY,
    OPT_KERNEL,
    OPT_BIOS,
    OPT_NOGRAPHIC,
    OPT_SERIAL,
    OPT_SMP,
    OPT_CPU,
    OPT_LOG_ITEMS,
    OPT_LOG_FILE,
    OPT_ICOUNT,
    OPT_MAX_INSNS,
    OPT_MTREE,
    OPT_VERSION,
    OPT_HELP,
} VlOptionId;

typedef struct VlOption {
    const char *name;       /* without dashes */
    VlOptionId id;
    const char *arg;        /* NULL: takes no argument */
    const char *help;       /* NULL: an alias, not listed */
} VlOption;

static const VlOption vl_options[] = {
    { "M", OPT_MACHINE, "NAME[,dumpdtb=FILE]",
      "board: spike (default) or virt, -M help lists them; dumpdtb=FILE: write its device tree and exit" },
    { "machine", OPT_MACHINE, "NAME[,dumpdtb=FILE]", NULL },
    { "m", OPT_MEMORY, "SIZE", "RAM size: MiB, or with a K, M, G or T suffix (default 128M)" },
    { "kernel", OPT_KERNEL, "FILE", "the program to run: an ELF file (virt: also a raw image)" },
    { "bios", OPT_BIOS, "none|FILE", "firmware: none (the only choice on spike), or an ELF or raw image (virt)" },
    { "nographic", OPT_NOGRAPHIC, NULL, "no display: the console is on standard input and output" },
    { "serial", OPT_SERIAL, "stdio|file:PATH|null", "where the console goes (default stdio)" },
    { "smp", OPT_SMP, "[cpus=]N", "number of harts (1; virt: up to 8)" },
    { "cpu", OPT_CPU, "rv64[,svade=on|off]",
      "the hart: rv64 (RV64GC + Zba/Zbb/Zbc/Zbs); svade=on: A/D bits are not set by the page walk, a missing one page-faults" },
    { "d", OPT_LOG_ITEMS, "ITEM[,...]", "log the items (in_asm, exec, cpu, int, guest_errors, ...; -d help lists them)" },
    { "D", OPT_LOG_FILE, "FILE", "write the -d log to FILE instead of stderr" },
    { "icount", OPT_ICOUNT, "[shift=]N[,sleep=on|off]",
      "virtual time from the instruction count, 2^N ns per instruction (deterministic)" },
    { "max-insns", OPT_MAX_INSNS, "N", "stop after N guest instructions (exit status 124)" },
    { "mtree", OPT_MTREE, NULL, "print the board's memory tree and flat views, and exit" },
    { "version", OPT_VERSION, NULL, "print the version and exit" },
    { "help", OPT_HELP, NULL, "print this help and exit" },
    { "h", OPT_HELP, NULL, NULL },
};

#define VL_NOPTIONS (sizeof(vl_options) / sizeof(vl_options[0]))

typedef struct VlConfig {
    const char *machine;
    const char *dumpdtb;
    bool ram_given;
    uint64_t ram_size;
    const char *kernel;
    const char *bios;
    bool nographic;
    int console_in_fd;
    int console_out_fd;
    unsigned smp;
    bool svade;
    unsigned log_mask;
    const char *log_file;
    int icount_shift;       /* -1: off */
    bool icount_sleep;
    uint64_t max_insns;
    bool mtree;
} VlConfig;

static void vl_print_help(FILE *out)
{
    fprintf(out,
            "Usage: lemu [options]\n"
            "Run a RISC-V program on an emulated board, e.g.\n"
            "  lemu -M spike -nographic -kernel prog.elf\n"
            "Options (one dash or two):\n");
    for (size_t i = 0; i < VL_NOPTIONS; i++) {
        const VlOption *o = &vl_options[i];
        if (!o->help) {
            continue;
        }
        char left[64];
        const char *alias = o->id == OPT_MACHINE ? ", -machine" : o->id == OPT_HELP ? ", -h" : "";
        /* lemu's own options and the GNU-style ones are shown with two dashes. */
        bool two_dashes = strlen(o->name) > 1 && (o->id == OPT_MAX_INSNS || o->id == OPT_MTREE ||
                                                  o->id == OPT_VERSION || o->id == OPT_HELP);
        snprintf(left, sizeof(left), "%s%s%s%s%s", two_dashes ? "--" : "-", o->name, alias,
                 o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(out, "  %-36s %s\n", left, o->help);
    }
    fprintf(out, "Exit status: the guest's, 2 for bad options or files, 124 after --max-insns.\n");
}

static const VlOption *vl_find_option(const char *name)
{
    for (size_t i = 0; i < VL_NOPTIONS; i++) {
        if (strcmp(vl_options[i].name, name) == 0) {
            return &vl_options[i];
        }
    }
    return NULL;
}

/* A decimal number that must fill the whole string. */
static bool vl_parse_u64(const char *s, uint64_t *out)
{
    if (!isdigit((unsigned char)*s)) {
        return false;
    }
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end) {
        return false;
    }
    *out = v;
    return true;
}

/* -m: [size=]N[K|M|G|T|B], plain N in MiB as in QEMU. */
static bool vl_parse_size(const char *s, uint64_t *out)
{
    if (strncmp(s, "size=", 5) == 0) {
        s += 5;
    }
    if (!isdigit((unsigned char)*s)) {
        return false;
    }
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno) {
        return false;
    }
    unsigned shift = 20;
    if (*end) {
        switch (tolower((unsigned char)*end)) {
        case 'b': shift = 0; break;
        case 'k': shift = 10; break;
        case 'm': shift = 20; break;
        case 'g': shift = 30; break;
        case 't': shift = 40; break;
        default: return false;
        }
        if (end[1]) {
            return false;
        }
    }
    if (v > (UINT64_MAX >> shift)) {
        return false;
    }
    *out = (uint64_t)v << shift;
    return true;
}

static bool vl_parse_on_off(const char *s, bool *out)
{
    if (!strcmp(s, "on")) {
        *out = true;
        return true;
    }
    if (!strcmp(s, "off")) {
        *out = false;
        return true;
    }
    return false;
}

/* -machine [type=]NAME[,dumpdtb=FILE]; "help" lists the boards and exits. */
static bool vl_parse_machine(VlConfig *c, char *arg, Error **errp)
{
    char *save = NULL;
    bool first = true;
    for (char *item = strtok_r(arg, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        if (first && !eq) {
            c->machine = item;
        } else if (eq && !strncmp(item, "type=", 5)) {
            c->machine = eq + 1;
        } else if (eq && !strncmp(item, "dumpdtb=", 8) && eq[1]) {
            c->dumpdtb = eq + 1;
        } else {
            error_setg(errp, "-machine: unknown property '%s' (there is: dumpdtb=FILE)", item);
            return false;
        }
        first = false;
    }
    if (c->machine && (!strcmp(c->machine, "help") || !strcmp(c->machine, "?"))) {
        machine_class_print_list(stdout);
        exit(0);
    }
    return true;
}

/* -icount [shift=]N|auto[,sleep=on|off][,align=off] */
static bool vl_parse_icount(VlConfig *c, char *arg, Error **errp)
{
    char *save = NULL;
    bool shift_given = false;
    for (char *item = strtok_r(arg, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        const char *value = item;
        bool is_shift = !strchr(item, '=');
        if (!strncmp(item, "shift=", 6)) {
            value = item + 6;
            is_shift = true;
        }
        if (is_shift) {
            uint64_t n;
            if (!strcmp(value, "auto")) {
                error_setg(errp, "-icount shift=auto is not supported: lemu's icount is "
                           "exact, give shift=N (0..%d)", ICOUNT_MAX_SHIFT);
                return false;
            }
            if (!vl_parse_u64(value, &n) || n > ICOUNT_MAX_SHIFT) {
                error_setg(errp, "-icount: shift must be a number from 0 to %d, not '%s'",
                           ICOUNT_MAX_SHIFT, value);
                return false;
            }
            c->icount_shift = (int)n;
            shift_given = true;
        } else if (!strncmp(item, "sleep=", 6)) {
            if (!vl_parse_on_off(item + 6, &c->icount_sleep)) {
                error_setg(errp, "-icount: sleep takes on or off, not '%s'", item + 6);
                return false;
            }
        } else if (!strcmp(item, "align=off")) {
            /* QEMU's default, and the only behaviour lemu has. */
        } else {
            error_setg(errp, "-icount: unknown or unsupported property '%s'", item);
            return false;
        }
    }
    if (!shift_given) {
        error_setg(errp, "-icount: give the shift, e.g. -icount shift=0");
        return false;
    }
    return true;
}

/* -smp N or -smp cpus=N */
/* -cpu rv64[,svade=on|off]: the only model, and how A/D bits are kept. */
static bool vl_parse_cpu(VlConfig *c, const char *arg, Error **errp)
{
    const char *comma = strchr(arg, ',');
    size_t len = comma ? (size_t)(comma - arg) : strlen(arg);
    if (len != 4 || strncmp(arg, "rv64", 4)) {
        error_setg(errp, "-cpu %.*s: the only CPU model is rv64", (int)len, arg);
        return false;
    }
    while (comma) {
        const char *item = comma + 1;
        comma = strchr(item, ',');
        size_t ilen = comma ? (size_t)(comma - item) : strlen(item);
        if (ilen == 8 && !strncmp(item, "svade=on", 8)) {
            c->svade = true;
        } else if (ilen == 9 && !strncmp(item, "svade=off", 9)) {
            c->svade = false;
        } else {
            error_setg(errp, "-cpu: unknown property '%.*s' (there is: svade=on|off)",
                       (int)ilen, item);
            return false;
        }
    }
    return true;
}

static bool vl_parse_smp(VlConfig *c, const char *arg, Error **errp)
{
    const char *value = !strncmp(arg, "cpus=", 5) ? arg + 5 : arg;
    uint64_t n;
    if (!vl_parse_u64(value, &n) || n == 0 || n > MACHINE_MAX_CPUS) {
        error_setg(errp, "-smp %s: give a number of harts from 1 to %d", arg,
                   MACHINE_MAX_CPUS);
        return false;
    }
    c->smp = (unsigned)n;
    return true;
}

static bool vl_handle_option(VlConfig *c, const VlOption *o, char *value, Error **errp)
{
    switch (o->id) {
    case OPT_MACHINE:
        return vl_parse_machine(c, value, errp);
    case OPT_MEMORY:
        if (!vl_parse_size(value, &c->ram_size)) {
            error_setg(errp, "-m %s: not a size (examples: 256M, 1G, 512)", value);
            return false;
        }
        if (c->ram_size == 0) {
            error_setg(errp, "-m %s: the RAM size cannot be zero", value);
            return false;
        }
        c->ram_given = true;
        return true;
    case OPT_KERNEL:
        c->kernel = value;
        return true;
    case OPT_BIOS:
        c->bios = value;
        return true;
    case OPT_NOGRAPHIC:
        c->nographic = true;
        return true;
    case OPT_SERIAL:
        /*
         * The console is a pair of descriptors the board's device uses:
         * stdin/stdout, a file for output only, or nothing.
         */
        if (!strcmp(value, "stdio") || !strcmp(value, "mon:stdio")) {
            c->console_in_fd = 0;
            c->console_out_fd = 1;
        } else if (!strcmp(value, "none") || !strcmp(value, "null")) {
            c->console_in_fd = -1;
            c->console_out_fd = -1;
        } else if (!strncmp(value, "file:", 5) && value[5]) {
            int fd = open(value + 5, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd < 0) {
                error_setg_errno(errp, errno, "-serial %s: cannot open the file", value);
                return false;
            }
            c->console_in_fd = -1;
            c->console_out_fd = fd;
        } else {
            error_setg(errp, "-serial %s: use stdio, mon:stdio, file:PATH, null or none",
                       value);
            return false;
        }
        return true;
    case OPT_SMP:
        return vl_parse_smp(c, value, errp);
    case OPT_CPU:
        return vl_parse_cpu(c, value, errp);
    case OPT_LOG_ITEMS:
        if (!strcmp(value, "help") || !strcmp(value, "?")) {
            lemu_log_print_items(stdout);
            exit(0);
        }
        return lemu_log_parse_items(value, &c->log_mask, errp);
    case OPT_LOG_FILE:
        c->log_file = value;
        return true;
    case OPT_ICOUNT:
        return vl_parse_icount(c, value, errp);
    case OPT_MAX_INSNS:
        if (!vl_parse_u64(value, &c->max_insns) || c->max_insns == 0) {
            error_setg(errp, "--max-insns %s: give a positive number of instructions", value);
            return false;
        }
        return true;
    case OPT_MTREE:
        c->mtree = true;
        return true;
    case OPT_VERSION:
        printf("lemu version %s\n", PACKAGE_VERSION);
        exit(0);
    case OPT_HELP:
        vl_print_help(stdout);
        exit(0);
    }
    return true;
}

static bool vl_parse_args(VlConfig *c, int argc, char **argv, Error **errp)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0') {
            error_setg(errp, "unexpected argument '%s' (see --help)", arg);
            return false;
        }
        const char *name = arg + (arg[1] == '-' ? 2 : 1);
        const VlOption *o = vl_find_option(name);
        if (!o) {
            error_setg(errp, "unknown option '%s' (see --help)", arg);
            return false;
        }
        char *value = NULL;
        if (o->arg) {
            if (i + 1 >= argc) {
                error_setg(errp, "option '%s' needs an argument: %s", arg, o->arg);
                return false;
            }
            value = argv[++i];
        }
        if (!vl_handle_option(c, o, value, errp)) {
            return false;
        }
    }
    return true;
}

/* Here rather than in machine.c, so that the registry does not pull every board in. */
void machine_register_builtin_boards(void)
{
    machine_class_register(&machine_spike_class);
    machine_class_register(&machine_virt_class);
}

/* Is there anything for the harts to run? */
static bool vl_has_program(const VlConfig *c)
{
    bool bios = c->bios && strcmp(c->bios, "none") != 0 && strcmp(c->bios, "default") != 0;
    return c->kernel || bios;
}

int lemu_main(int argc, char **argv)
{
    VlConfig c = {
        .console_in_fd = 0,
        .console_out_fd = 1,
        .smp = 1,
        .icount_shift = -1,
        .icount_sleep = true,
    };
    Error *err = NULL;

    machine_register_builtin_boards();
    if (!vl_parse_args(&c, argc, argv, &err)) {
        error_report_err(err);
        return LEMU_EXIT_USAGE;
    }

    const MachineClass *mc = c.machine ? machine_class_find(c.machine)
                                       : machine_class_default();
    if (!mc) {
        error_report("unknown board '%s' (-M help lists them)", c.machine);
        return LEMU_EXIT_USAGE;
    }
    if (!lemu_log_set_file(c.log_file, &err)) {
        error_report_err(err);
        return LEMU_EXIT_USAGE;
    }
    lemu_loglevel = c.log_mask;
    if (c.icount_shift >= 0) {
        icount_configure(c.icount_shift);
        icount_set_sleep(c.icount_sleep);
    }

    MachineState *ms = machine_new(mc);
    ms->ram_size = c.ram_given ? c.ram_size : 0;
    ms->kernel_filename = c.kernel ? strdup(c.kernel) : NULL;
    ms->bios_filename = c.bios ? strdup(c.bios) : NULL;
    ms->dumpdtb = c.dumpdtb ? strdup(c.dumpdtb) : NULL;
    ms->nographic = c.nographic;
    ms->smp = c.smp;
    ms->svade = c.svade;
    ms->max_insns = c.max_insns;
    ms->console_in_fd = c.console_in_fd;
    ms->console_out_fd = c.console_out_fd;

    if (!machine_init(ms, &err)) {
        error_report_err(err);
        return LEMU_EXIT_USAGE;
    }
    if (ms->dumpdtb) {
        if (!machine_dump_dtb(ms, ms->dumpdtb, &err)) {
            error_report_err(err);
            return LEMU_EXIT_USAGE;
        }
        return 0;
    }
    if (c.mtree) {
        mtree_print(stdout, false);
        mtree_print(stdout, true);
        return 0;
    }
    if (!vl_has_program(&c)) {
        error_report("nothing to run: give -kernel FILE%s (see --help)",
                     mc == &machine_virt_class ? " or -bios FILE" : "");
        return LEMU_EXIT_USAGE;
    }

    int status = lemu_run(ms);
    lemu_log_flush();
    return status;
}
