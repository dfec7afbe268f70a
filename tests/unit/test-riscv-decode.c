/*
 * test-riscv-decode.c: the RISC-V decoder (cpu/riscv/decode.c).
 *
 * The main check reads the upstream riscv-opcodes encoding tables (found
 * through $RISCV_OPCODES_DIR, default $(top_srcdir)/../shared/riscv-opcodes,
 * which exists only in the development setup: without it those tests skip
 * and say so).  For every instruction of RV32/RV64 I, M, A, F, D, C, Zicsr,
 * Zifencei, the privileged set, Zba, Zbb, Zbc and Zbs it builds encodings
 * with random operand fields and checks the operation and every field the
 * decoder returns; random and mutated 32-bit words and every 16-bit parcel
 * that match no table entry must decode as illegal; and each extension bit
 * in the `ext` mask must switch its instructions off.  Compressed immediates
 * are checked against the scrambles written below in the notation of the
 * RVC chapter of the ISA manual ("nzuimm[5:4|9:6|2|3]").
 *
 * Hand-written cases pin the reserved encodings and HINTs that the tables do
 * not express, and the XLEN differences; they run without the tables.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/riscv/decode.h"

#define EXT_ALL (RV_EXT_I | RV_EXT_M | RV_EXT_A | RV_EXT_F | RV_EXT_D | RV_EXT_C | \
                 RV_EXT_ZICSR | RV_EXT_ZIFENCEI | RV_EXT_ZBA | RV_EXT_ZBB |      \
                 RV_EXT_ZBC | RV_EXT_ZBS | RV_EXT_S)

#ifndef LEMU_ABS_TOP_SRCDIR
#define LEMU_ABS_TOP_SRCDIR "."
#endif

/* ---- the tables --------------------------------------------------------- */

#define MAX_ARGS 10
#define MAX_ENTRIES 1024

typedef struct Arg {
    char name[24];
    unsigned hi, lo;
} Arg;

typedef struct Entry {
    char name[32];       /* as written in the table */
    char expect[32];     /* mnemonic of the operation it must decode to */
    char file[32];
    bool pseudo;
    bool rs2_is_rs1;     /* "rs2=rs1" in fmv.s-style pseudo-ops */
    uint32_t ext;        /* extensions it needs */
    uint32_t mask, match;
    unsigned nargs;
    Arg args[MAX_ARGS];
} Entry;

typedef struct Table {
    unsigned xlen;
    unsigned n;
    Entry e[MAX_ENTRIES];
} Table;

typedef struct FileExt {
    const char *file;
    uint32_t ext;
    unsigned xlen;       /* 0: both */
} FileExt;

/* The covered tables and the extension bits their instructions need. */
static const FileExt covered_files[] = {
    { "rv_i", RV_EXT_I, 0 },         { "rv64_i", RV_EXT_I, 64 },
    { "rv32_i", RV_EXT_I, 32 },      { "rv_m", RV_EXT_M, 0 },
    { "rv64_m", RV_EXT_M, 64 },      { "rv_a", RV_EXT_A, 0 },
    { "rv64_a", RV_EXT_A, 64 },      { "rv_f", RV_EXT_F, 0 },
    { "rv64_f", RV_EXT_F, 64 },      { "rv_d", RV_EXT_D, 0 },
    { "rv64_d", RV_EXT_D, 64 },      { "rv_c", RV_EXT_C, 0 },
    { "rv64_c", RV_EXT_C, 64 },      { "rv32_c", RV_EXT_C, 32 },
    { "rv32_c_f", RV_EXT_C | RV_EXT_F, 32 },
    { "rv_c_d", RV_EXT_C | RV_EXT_D, 0 },
    { "rv_zicsr", RV_EXT_ZICSR, 0 }, { "rv_zifencei", RV_EXT_ZIFENCEI, 0 },
    { "rv_system", RV_EXT_I, 0 },    { "rv_s", RV_EXT_S, 0 },
    { "rv_zba", RV_EXT_ZBA, 0 },     { "rv64_zba", RV_EXT_ZBA, 64 },
    { "rv_zbb", RV_EXT_ZBB, 0 },     { "rv64_zbb", RV_EXT_ZBB, 64 },
    { "rv32_zbb", RV_EXT_ZBB, 32 },  { "rv_zbc", RV_EXT_ZBC, 0 },
    { "rv_zbs", RV_EXT_ZBS, 0 },     { "rv64_zbs", RV_EXT_ZBS, 64 },
    { "rv32_zbs", RV_EXT_ZBS, 32 },
};

static const FileExt *covered(const char *file, unsigned xlen)
{
    for (size_t i = 0; i < sizeof(covered_files) / sizeof(covered_files[0]); i++) {
        const FileExt *f = &covered_files[i];
        if (strcmp(f->file, file) == 0 && (f->xlen == 0 || f->xlen == xlen)) {
            return f;
        }
    }
    return NULL;
}

static char opcodes_dir[4096];
static Arg arg_lut[256];
static unsigned arg_lut_n;

/* Find the tables; false (with the path in opcodes_dir) when absent. */
static bool find_opcodes_dir(void)
{
    const char *env = getenv("RISCV_OPCODES_DIR");
    const char *top = getenv("top_srcdir");
    char probe[4200];
    FILE *f;

    if (env && *env) {
        snprintf(opcodes_dir, sizeof(opcodes_dir), "%s", env);
    } else {
        snprintf(opcodes_dir, sizeof(opcodes_dir), "%s/../shared/riscv-opcodes",
                 top && *top ? top : LEMU_ABS_TOP_SRCDIR);
    }
    snprintf(probe, sizeof(probe), "%s/arg_lut.csv", opcodes_dir);
    f = fopen(probe, "r");
    if (!f) {
        return false;
    }
    fclose(f);
    return true;
}

#define REQUIRE_TABLES()                                                            \
    do {                                                                            \
        if (!find_opcodes_dir()) {                                                  \
            cr_skip_test("riscv-opcodes tables not found at %s (set "              \
                         "RISCV_OPCODES_DIR): table cross-check skipped",          \
                         opcodes_dir);                                              \
        }                                                                           \
    } while (0)

static void load_arg_lut(void)
{
    char path[4200], line[256];
    FILE *f;

    snprintf(path, sizeof(path), "%s/arg_lut.csv", opcodes_dir);
    f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s: %s", path, strerror(errno));
    arg_lut_n = 0;
    while (fgets(line, sizeof(line), f)) {
        Arg a;
        if (sscanf(line, " \"%23[^\"]\" , %u , %u", a.name, &a.hi, &a.lo) == 3) {
            cr_assert_lt(arg_lut_n, 256);
            arg_lut[arg_lut_n++] = a;
        }
    }
    fclose(f);
    cr_assert_gt(arg_lut_n, 50, "arg_lut.csv looks empty");
}

static const Arg *lookup_arg(const char *name)
{
    for (unsigned i = 0; i < arg_lut_n; i++) {
        if (strcmp(arg_lut[i].name, name) == 0) {
            return &arg_lut[i];
        }
    }
    return NULL;
}

static uint32_t parse_value(const char *s)
{
    if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
        return (uint32_t)strtoul(s + 2, NULL, 2);
    }
    return (uint32_t)strtoul(s, NULL, 0);
}

static uint32_t field_mask(unsigned hi, unsigned lo)
{
    return (uint32_t)(((UINT64_C(1) << (hi - lo + 1)) - 1) << lo);
}

/* Drop the "_rv32" / ".rv32" that the tables use to tell RV32 forms apart. */
static void strip_rv32(char *name)
{
    size_t n = strlen(name);
    if (n > 5 && (strcmp(name + n - 5, "_rv32") == 0 || strcmp(name + n - 5, ".rv32") == 0)) {
        name[n - 5] = '\0';
    }
}

static void parse_line(Table *t, const char *file, uint32_t file_ext, char *line)
{
    char *tok[40];
    unsigned ntok = 0, first;
    Entry *e;

    for (char *p = strtok(line, " \t\r\n"); p && ntok < 40; p = strtok(NULL, " \t\r\n")) {
        if (p[0] == '#') {
            break;
        }
        tok[ntok++] = p;
    }
    if (ntok == 0) {
        return;
    }
    cr_assert_lt(t->n, MAX_ENTRIES);
    e = &t->e[t->n];
    memset(e, 0, sizeof(*e));
    snprintf(e->file, sizeof(e->file), "%s", file);
    e->ext = file_ext;
    if (strcmp(tok[0], "$pseudo_op") == 0) {
        char base_file[32], base[32];
        const FileExt *bf;
        cr_assert_geq(ntok, 3);
        cr_assert_eq(sscanf(tok[1], "%31[^:]::%31s", base_file, base), 2, "bad line in %s", file);
        snprintf(e->name, sizeof(e->name), "%s", tok[2]);
        e->pseudo = true;
        /*
         * A pseudo-op of a covered instruction decodes as that instruction;
         * one whose base is outside the covered set (zext.h is Zbkb's
         * pack/packw with rs2 = 0, the RV32 shift forms are RV64's) is an
         * instruction of its own.
         */
        bf = covered(base_file, t->xlen);
        if (bf) {
            snprintf(e->expect, sizeof(e->expect), "%s", base);
            e->ext = bf->ext;
        } else {
            snprintf(e->expect, sizeof(e->expect), "%s", tok[2]);
        }
        first = 3;
    } else if (tok[0][0] == '$') {
        cr_assert_fail("unexpected directive %s in %s", tok[0], file);
        return;
    } else {
        snprintf(e->name, sizeof(e->name), "%s", tok[0]);
        snprintf(e->expect, sizeof(e->expect), "%s", tok[0]);
        first = 1;
    }
    strip_rv32(e->expect);

    for (unsigned i = first; i < ntok; i++) {
        char *eq = strchr(tok[i], '=');
        if (eq) {
            unsigned hi, lo;
            *eq = '\0';
            if (strcmp(tok[i], "rs2") == 0 && strcmp(eq + 1, "rs1") == 0) {
                e->rs2_is_rs1 = true;
                continue;
            }
            if (sscanf(tok[i], "%u..%u", &hi, &lo) != 2) {
                cr_assert_eq(sscanf(tok[i], "%u", &hi), 1, "bad field %s in %s", tok[i], file);
                lo = hi;
            }
            e->mask |= field_mask(hi, lo);
            e->match |= (parse_value(eq + 1) << lo) & field_mask(hi, lo);
        } else {
            const Arg *a = lookup_arg(tok[i]);
            cr_assert_not_null(a, "operand %s of %s in %s not in arg_lut.csv", tok[i], e->name, file);
            cr_assert_lt(e->nargs, MAX_ARGS);
            e->args[e->nargs++] = *a;
        }
    }
    t->n++;
}

static void load_file(Table *t, const char *file, uint32_t ext)
{
    char path[4200], line[512];
    FILE *f;

    snprintf(path, sizeof(path), "%s/extensions/%s", opcodes_dir, file);
    f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s: %s", path, strerror(errno));
    while (fgets(line, sizeof(line), f)) {
        parse_line(t, file, ext, line);
    }
    fclose(f);
}

/* Real instructions first, then pseudo-ops: lookups prefer the former. */
static void load_tables(Table *t, unsigned xlen)
{
    static Table tmp;

    load_arg_lut();
    memset(t, 0, sizeof(*t));
    tmp.n = 0;
    tmp.xlen = t->xlen = xlen;
    for (size_t i = 0; i < sizeof(covered_files) / sizeof(covered_files[0]); i++) {
        const FileExt *f = &covered_files[i];
        if (f->xlen == 0 || f->xlen == xlen) {
            load_file(&tmp, f->file, f->ext);
        }
    }
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i < tmp.n; i++) {
            if (tmp.e[i].pseudo == (pass == 1)) {
                t->e[t->n++] = tmp.e[i];
            }
        }
    }
    cr_assert_gt(t->n, 150, "only %u table entries for RV%u", t->n, xlen);
}

/* ---- compressed forms: expansion and immediate scrambles ------------- */

typedef struct CForm {
    const char *name;
    const char *base;      /* the operation it expands to */
    int rd, rs1, rs2;      /* fixed registers of the expansion, -1 if from fields */
    const char *imm;       /* "insnbits=immbits ..." in the manual's notation */
    bool sign;             /* immediate is sign-extended */
} CForm;

static const CForm cforms[] = {
    { "c.addi4spn", "addi", -1, 2, -1, "12:5=5:4|9:6|2|3", false },
    { "c.fld", "fld", -1, -1, -1, "12:10=5:3 6:5=7:6", false },
    { "c.lw", "lw", -1, -1, -1, "12:10=5:3 6:5=2|6", false },
    { "c.flw", "flw", -1, -1, -1, "12:10=5:3 6:5=2|6", false },
    { "c.ld", "ld", -1, -1, -1, "12:10=5:3 6:5=7:6", false },
    { "c.fsd", "fsd", -1, -1, -1, "12:10=5:3 6:5=7:6", false },
    { "c.sw", "sw", -1, -1, -1, "12:10=5:3 6:5=2|6", false },
    { "c.fsw", "fsw", -1, -1, -1, "12:10=5:3 6:5=2|6", false },
    { "c.sd", "sd", -1, -1, -1, "12:10=5:3 6:5=7:6", false },
    { "c.nop", "addi", 0, 0, -1, "12=5 6:2=4:0", true },
    { "c.addi", "addi", -1, -1, -1, "12=5 6:2=4:0", true },
    { "c.jal", "jal", 1, -1, -1, "12:2=11|4|9:8|10|6|7|3:1|5", true },
    { "c.addiw", "addiw", -1, -1, -1, "12=5 6:2=4:0", true },
    { "c.li", "addi", -1, 0, -1, "12=5 6:2=4:0", true },
    { "c.addi16sp", "addi", 2, 2, -1, "12=9 6:2=4|6|8:7|5", true },
    { "c.lui", "lui", -1, -1, -1, "12=17 6:2=16:12", true },
    { "c.srli", "srli", -1, -1, -1, "12=5 6:2=4:0", false },
    { "c.srai", "srai", -1, -1, -1, "12=5 6:2=4:0", false },
    { "c.andi", "andi", -1, -1, -1, "12=5 6:2=4:0", true },
    { "c.sub", "sub", -1, -1, -1, "", false },
    { "c.xor", "xor", -1, -1, -1, "", false },
    { "c.or", "or", -1, -1, -1, "", false },
    { "c.and", "and", -1, -1, -1, "", false },
    { "c.subw", "subw", -1, -1, -1, "", false },
    { "c.addw", "addw", -1, -1, -1, "", false },
    { "c.j", "jal", 0, -1, -1, "12:2=11|4|9:8|10|6|7|3:1|5", true },
    { "c.beqz", "beq", -1, -1, 0, "12:10=8|4:3 6:2=7:6|2:1|5", true },
    { "c.bnez", "bne", -1, -1, 0, "12:10=8|4:3 6:2=7:6|2:1|5", true },
    { "c.slli", "slli", -1, -1, -1, "12=5 6:2=4:0", false },
    { "c.fldsp", "fld", -1, 2, -1, "12=5 6:2=4:3|8:6", false },
    { "c.lwsp", "lw", -1, 2, -1, "12=5 6:2=4:2|7:6", false },
    { "c.flwsp", "flw", -1, 2, -1, "12=5 6:2=4:2|7:6", false },
    { "c.ldsp", "ld", -1, 2, -1, "12=5 6:2=4:3|8:6", false },
    { "c.jr", "jalr", 0, -1, -1, "", false },
    { "c.mv", "add", -1, 0, -1, "", false },
    { "c.ebreak", "ebreak", -1, -1, -1, "", false },
    { "c.jalr", "jalr", 1, -1, -1, "", false },
    { "c.add", "add", -1, -1, -1, "", false },
    { "c.fsdsp", "fsd", -1, 2, -1, "12:7=5:3|8:6", false },
    { "c.swsp", "sw", -1, 2, -1, "12:7=5:2|7:6", false },
    { "c.fswsp", "fsw", -1, 2, -1, "12:7=5:2|7:6", false },
    { "c.sdsp", "sd", -1, 2, -1, "12:7=5:3|8:6", false },
};

static const CForm *find_cform(const char *name)
{
    for (size_t i = 0; i < sizeof(cforms) / sizeof(cforms[0]); i++) {
        if (strcmp(cforms[i].name, name) == 0) {
            return &cforms[i];
        }
    }
    return NULL;
}

/*
 * Assemble a compressed immediate from the manual's notation: each
 * "a:b=list" says that instruction bits a down to b hold the immediate bits
 * in list ("5:4|9:6|2|3"), most significant instruction bit first.
 */
static int64_t cform_imm(const CForm *cf, uint32_t w)
{
    const char *p = cf->imm;
    uint64_t v = 0;
    int top = -1;

    while (*p) {
        unsigned ihi, ilo;
        int n;
        int pos;

        while (*p == ' ') {
            p++;
        }
        if (!*p) {
            break;
        }
        if (sscanf(p, "%u:%u=%n", &ihi, &ilo, &n) == 2 && n > 0) {
            p += n;
        } else {
            cr_assert_eq(sscanf(p, "%u=%n", &ihi, &n), 1, "bad spec %s", cf->imm);
            cr_assert_gt(n, 0);
            ilo = ihi;
            p += n;
        }
        pos = (int)ihi;
        while (*p && *p != ' ') {
            unsigned hi, lo;
            if (sscanf(p, "%u:%u%n", &hi, &lo, &n) == 2) {
                p += n;
            } else {
                cr_assert_eq(sscanf(p, "%u%n", &hi, &n), 1, "bad spec %s", cf->imm);
                lo = hi;
                p += n;
            }
            for (int b = (int)hi; b >= (int)lo; b--, pos--) {
                v |= (uint64_t)((w >> pos) & 1) << b;
                if (b > top) {
                    top = b;
                }
            }
            if (*p == '|') {
                p++;
            }
        }
        cr_assert_eq(pos + 1, (int)ilo, "spec %s of %s does not fill its bits", cf->imm, cf->name);
    }
    if (cf->sign && top >= 0 && (v >> top) & 1) {
        v |= ~UINT64_C(0) << top;
    }
    return (int64_t)v;
}

/* ---- expectations --------------------------------------------------------- */

static RiscvOp op_by_name(const char *name)
{
    for (int op = 0; op < RV_OP_COUNT; op++) {
        if (strcmp(riscv_op_name((RiscvOp)op), name) == 0) {
            return (RiscvOp)op;
        }
    }
    return RV_OP_COUNT;
}

static uint32_t arg_value(const Arg *a, uint32_t w)
{
    return (w & field_mask(a->hi, a->lo)) >> a->lo;
}

static int64_t sext(uint64_t v, unsigned width)
{
    uint64_t m = UINT64_C(1) << (width - 1);
    v &= (m << 1) - 1;
    return (int64_t)(v ^ m) - (int64_t)m;
}

static bool has_arg(const Entry *e, const char *name, uint32_t w, uint32_t *v)
{
    for (unsigned i = 0; i < e->nargs; i++) {
        if (strcmp(e->args[i].name, name) == 0) {
            *v = arg_value(&e->args[i], w);
            return true;
        }
    }
    return false;
}

/* Does w satisfy the non-zero constraints the operand names carry? */
static bool constraints_hold(const Entry *e, uint32_t w)
{
    bool any_nz = false, nz_nonzero = false;

    for (unsigned i = 0; i < e->nargs; i++) {
        const char *n = e->args[i].name;
        uint32_t v = arg_value(&e->args[i], w);
        if (strstr(n, "_n0") && v == 0) {
            return false;
        }
        if (strstr(n, "_n2") && (v == 0 || v == 2)) {
            return false;
        }
        if (strncmp(n, "c_nz", 4) == 0) {
            any_nz = true;
            nz_nonzero |= v != 0;
        }
    }
    if (e->rs2_is_rs1 && ((w >> 20) & 31) != ((w >> 15) & 31)) {
        return false;
    }
    /* c.nop's immediate may be anything: non-zero values are its HINTs. */
    return !any_nz || nz_nonzero || strcmp(e->name, "c.nop") == 0;
}

/*
 * What decoding w (which matches entry e and satisfies its constraints)
 * must produce.  Only the fields the entry has operands for are compared;
 * `check` says which.
 */
typedef struct Expect {
    RiscvInsn in;
    bool rd, rs1, rs2, rs3, rm, aq, rl, fm, pred, succ, csr, imm;
} Expect;

static void expect_32(const Entry *e, uint32_t w, Expect *x)
{
    uint32_t v, lo;

    x->in.op = op_by_name(e->expect);
    x->in.len = 4;
    x->in.raw = w;
#define DIRECT(field)                                  \
    if (has_arg(e, #field, w, &v)) {                   \
        x->in.field = v;                               \
        x->field = true;                               \
    }
    DIRECT(rd) DIRECT(rs1) DIRECT(rs2) DIRECT(rs3) DIRECT(rm)
    DIRECT(aq) DIRECT(rl) DIRECT(fm) DIRECT(pred) DIRECT(succ) DIRECT(csr)
#undef DIRECT
    if (e->rs2_is_rs1) {
        x->in.rs2 = x->in.rs1;
        x->rs2 = true;
    }
    if (has_arg(e, "imm12", w, &v)) {
        x->in.imm = sext(v, 12);
        x->imm = true;
    }
    if (has_arg(e, "imm12hi", w, &v) && has_arg(e, "imm12lo", w, &lo)) {
        x->in.imm = sext((v << 5) | lo, 12);
        x->imm = true;
    }
    if (has_arg(e, "bimm12hi", w, &v) && has_arg(e, "bimm12lo", w, &lo)) {
        /* imm[12|10:5] and imm[4:1|11] */
        uint32_t b = ((v >> 6) << 12) | ((v & 0x3f) << 5) | ((lo >> 1) << 1) | ((lo & 1) << 11);
        x->in.imm = sext(b, 13);
        x->imm = true;
    }
    if (has_arg(e, "imm20", w, &v)) {
        x->in.imm = sext((uint64_t)v << 12, 32);
        x->imm = true;
    }
    if (has_arg(e, "jimm20", w, &v)) {
        /* imm[20|10:1|11|19:12] */
        uint32_t j = ((v >> 19) << 20) | (((v >> 9) & 0x3ff) << 1) |
                     (((v >> 8) & 1) << 11) | ((v & 0xff) << 12);
        x->in.imm = sext(j, 21);
        x->imm = true;
    }
    if (has_arg(e, "shamtw", w, &v) || has_arg(e, "shamtd", w, &v) ||
        has_arg(e, "zimm5", w, &v)) {
        x->in.imm = v;
        x->imm = true;
    }
}

static void expect_16(const Entry *e, uint32_t w, Expect *x)
{
    const CForm *cf = find_cform(e->expect);
    uint32_t v;

    cr_assert_not_null(cf, "no expansion known for %s", e->expect);
    x->in.op = op_by_name(cf->base);
    x->in.cop = op_by_name(cf->name);
    /* Spike's identity for c.nop with an immediate (a HINT) is c.addi. */
    if (x->in.cop == RV_OP_C_NOP && cform_imm(cf, w) != 0) {
        x->in.cop = RV_OP_C_ADDI;
    }
    x->in.len = 2;
    x->in.raw = w;
    x->rd = x->rs1 = x->rs2 = x->imm = true;
    if (has_arg(e, "rd_p", w, &v)) {
        x->in.rd = 8 + v;
    }
    if (has_arg(e, "rs1_p", w, &v)) {
        x->in.rs1 = 8 + v;
    }
    if (has_arg(e, "rs2_p", w, &v)) {
        x->in.rs2 = 8 + v;
    }
    if (has_arg(e, "rd_rs1_p", w, &v)) {
        x->in.rd = x->in.rs1 = 8 + v;
    }
    if (has_arg(e, "rd_rs1_n0", w, &v)) {
        x->in.rd = x->in.rs1 = v;
    }
    if (has_arg(e, "rd_n0", w, &v) || has_arg(e, "rd_n2", w, &v) || has_arg(e, "rd", w, &v)) {
        x->in.rd = v;
    }
    if (has_arg(e, "rs1_n0", w, &v) || has_arg(e, "c_rs1_n0", w, &v)) {
        x->in.rs1 = v;
    }
    if (has_arg(e, "c_rs2_n0", w, &v) || has_arg(e, "c_rs2", w, &v)) {
        x->in.rs2 = v;
    }
    if (cf->rd >= 0) {
        x->in.rd = cf->rd;
    }
    if (cf->rs1 >= 0) {
        x->in.rs1 = cf->rs1;
    }
    if (cf->rs2 >= 0) {
        x->in.rs2 = cf->rs2;
    }
    x->in.imm = cform_imm(cf, w);
}

static void expect_for(const Entry *e, uint32_t w, Expect *x)
{
    memset(x, 0, sizeof(*x));
    if ((w & 3) == 3) {
        expect_32(e, w, x);
    } else {
        expect_16(e, w, x);
    }
}

static unsigned failures;

#define MISMATCH(...)                                   \
    do {                                                \
        if (failures++ < 20) {                          \
            cr_log_error(__VA_ARGS__);                  \
        }                                               \
    } while (0)

static void check_against(const Entry *e, unsigned xlen, uint32_t w, uint32_t ext)
{
    Expect x;
    RiscvInsn in;
    bool ok;

    expect_for(e, w, &x);
    if (x.in.op == RV_OP_COUNT) {
        MISMATCH("RV%u %s (%s): the decoder has no operation named %s", xlen, e->name,
                 e->file, e->expect);
        return;
    }
    ok = riscv_decode(w, xlen, ext, &in);
    if (!ok || in.op != x.in.op || in.cop != x.in.cop) {
        MISMATCH("RV%u %s (%s) 0x%08x: decoded %s (cop %s, ok %d), expected %s (cop %s)",
                 xlen, e->name, e->file, w, riscv_op_name(in.op), riscv_op_name(in.cop), ok,
                 riscv_op_name(x.in.op), riscv_op_name(x.in.cop));
        return;
    }
    if (in.len != x.in.len || in.raw != x.in.raw) {
        MISMATCH("RV%u %s 0x%08x: len %u raw 0x%x", xlen, e->name, w, in.len, in.raw);
    }
#define FIELD(f)                                                                  \
    if (x.f && in.f != x.in.f) {                                                  \
        MISMATCH("RV%u %s (%s) 0x%08x: " #f " = %lld, expected %lld", xlen,       \
                 e->name, e->file, w, (long long)in.f, (long long)x.in.f);        \
    }
    FIELD(rd) FIELD(rs1) FIELD(rs2) FIELD(rs3) FIELD(rm) FIELD(aq) FIELD(rl)
    FIELD(fm) FIELD(pred) FIELD(succ) FIELD(csr) FIELD(imm)
#undef FIELD
}

/* The first entry whose encoding w matches, or NULL. */
static const Entry *match_entry(const Table *t, uint32_t w, bool *constrained)
{
    const Entry *any = NULL;

    for (unsigned i = 0; i < t->n; i++) {
        const Entry *e = &t->e[i];
        if (((w & 3) == 3) != ((e->match & 3) == 3) || (w & e->mask) != e->match) {
            continue;
        }
        if (constraints_hold(e, w)) {
            *constrained = false;
            return e;
        }
        any = e;
    }
    *constrained = any != NULL;
    return any;
}

/* Check one word: illegal if no entry matches, else as the entry says. */
static void check_word(const Table *t, uint32_t w)
{
    bool constrained;
    const Entry *e = match_entry(t, w, &constrained);

    if (!e) {
        RiscvInsn in;
        if (riscv_decode(w, t->xlen, EXT_ALL, &in) || in.op != RV_OP_ILLEGAL) {
            MISMATCH("RV%u 0x%08x matches no table entry but decodes as %s", t->xlen, w,
                     riscv_op_name(in.op));
        }
        return;
    }
    if (constrained) {
        /* Reserved or HINT by an operand constraint: the hand-written tests. */
        return;
    }
    check_against(e, t->xlen, w, EXT_ALL);
}

/* xorshift64*: reproducible operands. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rng32(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

/* A random encoding of e that satisfies its operand constraints. */
static uint32_t random_encoding(const Entry *e)
{
    for (int tries = 0; tries < 1000; tries++) {
        uint32_t w = e->match;
        for (unsigned i = 0; i < e->nargs; i++) {
            const Arg *a = &e->args[i];
            w |= (rng32() << a->lo) & field_mask(a->hi, a->lo);
        }
        if (e->rs2_is_rs1) {
            w = (w & ~(31u << 20)) | (((w >> 15) & 31) << 20);
        }
        if (constraints_hold(e, w)) {
            return w;
        }
    }
    cr_assert_fail("cannot generate an encoding of %s", e->name);
    return 0;
}

static Table table;

static void run_every_instruction(unsigned xlen)
{
    load_tables(&table, xlen);
    failures = 0;
    for (unsigned i = 0; i < table.n; i++) {
        const Entry *e = &table.e[i];
        for (int k = 0; k < 200; k++) {
            check_against(e, xlen, random_encoding(e), EXT_ALL);
        }
    }
    cr_assert_eq(failures, 0, "%u mismatches against the RV%u tables (first ones logged)",
                 failures, xlen);
}

Test(riscv_decode_tables, every_rv64_instruction_decodes_with_its_fields)
{
    REQUIRE_TABLES();
    run_every_instruction(64);
}

Test(riscv_decode_tables, every_rv32_instruction_decodes_with_its_fields)
{
    REQUIRE_TABLES();
    run_every_instruction(32);
}

static void run_unmatched_words(unsigned xlen)
{
    load_tables(&table, xlen);
    failures = 0;
    /* Random 32-bit words: most match nothing and must be illegal. */
    for (int k = 0; k < 300000; k++) {
        check_word(&table, rng32() | 3);
    }
    /* Near misses: a valid encoding with one opcode/function bit flipped. */
    for (unsigned i = 0; i < table.n; i++) {
        const Entry *e = &table.e[i];
        if ((e->match & 3) != 3) {
            continue;
        }
        for (int k = 0; k < 64; k++) {
            uint32_t w = random_encoding(e);
            unsigned bit;
            do {
                bit = rng32() % 30 + 2;
            } while (!(e->mask & (1u << bit)));
            check_word(&table, w ^ (1u << bit));
        }
    }
    /* Every 16-bit parcel. */
    for (uint32_t w = 0; w < 0x10000; w++) {
        if ((w & 3) != 3) {
            check_word(&table, w);
        }
    }
    cr_assert_eq(failures, 0, "%u mismatches for RV%u words outside the tables",
                 failures, xlen);
}

Test(riscv_decode_tables, rv64_words_outside_the_tables_are_illegal)
{
    REQUIRE_TABLES();
    run_unmatched_words(64);
}

Test(riscv_decode_tables, rv32_words_outside_the_tables_are_illegal)
{
    REQUIRE_TABLES();
    run_unmatched_words(32);
}

static void run_ext_mask(unsigned xlen)
{
    load_tables(&table, xlen);
    failures = 0;
    for (unsigned i = 0; i < table.n; i++) {
        const Entry *e = &table.e[i];
        for (int k = 0; k < 8; k++) {
            uint32_t w = random_encoding(e);
            RiscvInsn in;
            /* Just the extensions it needs (and I) suffice... */
            check_against(e, xlen, w, e->ext | RV_EXT_I);
            /* ...and each of them is necessary. */
            for (uint32_t bit = 1; bit <= RV_EXT_S; bit <<= 1) {
                if ((e->ext & bit) && riscv_decode(w, xlen, EXT_ALL & ~bit, &in)) {
                    MISMATCH("RV%u %s 0x%08x still decodes (as %s) without ext bit 0x%x",
                             xlen, e->name, w, riscv_op_name(in.op), bit);
                }
            }
        }
    }
    cr_assert_eq(failures, 0, "%u ext-mask mismatches for RV%u", failures, xlen);
}

Test(riscv_decode_tables, rv64_ext_mask_disables_each_extension)
{
    REQUIRE_TABLES();
    run_ext_mask(64);
}

Test(riscv_decode_tables, rv32_ext_mask_disables_each_extension)
{
    REQUIRE_TABLES();
    run_ext_mask(32);
}

/* ---- hand-written cases (no tables needed) ------------------------------- */

static RiscvInsn dec(uint32_t raw, unsigned xlen)
{
    RiscvInsn in;
    bool ok = riscv_decode(raw, xlen, EXT_ALL, &in);
    cr_assert_eq(ok, in.op != RV_OP_ILLEGAL, "return value and op disagree for 0x%x", raw);
    return in;
}

#define ASSERT_ILLEGAL(raw, xlen)                                                 \
    do {                                                                          \
        RiscvInsn in_ = dec((raw), (xlen));                                       \
        cr_assert_eq(in_.op, RV_OP_ILLEGAL, "RV%u 0x%x decoded as %s", (xlen),    \
                     (unsigned)(raw), riscv_op_name(in_.op));                     \
    } while (0)

Test(riscv_decode, spike_reset_rom_instructions)
{
    RiscvInsn in = dec(0x00000297, 64);
    cr_assert_eq(in.op, RV_OP_AUIPC);
    cr_assert_eq(in.rd, 5);
    cr_assert_eq(in.imm, 0);
    cr_assert_eq(in.len, 4);

    in = dec(0x02028593, 64);
    cr_assert_eq(in.op, RV_OP_ADDI);
    cr_assert_eq(in.rd, 11);
    cr_assert_eq(in.rs1, 5);
    cr_assert_eq(in.imm, 32);

    in = dec(0xf1402573, 64);
    cr_assert_eq(in.op, RV_OP_CSRRS);
    cr_assert_eq(in.rd, 10);
    cr_assert_eq(in.rs1, 0);
    cr_assert_eq(in.csr, 0xf14);

    in = dec(0x0182b283, 64);
    cr_assert_eq(in.op, RV_OP_LD);
    cr_assert_eq(in.rd, 5);
    cr_assert_eq(in.rs1, 5);
    cr_assert_eq(in.imm, 24);

    in = dec(0x00028067, 64);
    cr_assert_eq(in.op, RV_OP_JALR);
    cr_assert_eq(in.rd, 0);
    cr_assert_eq(in.rs1, 5);
    cr_assert_eq(in.imm, 0);

    in = dec(0x0500006f, 64);
    cr_assert_eq(in.op, RV_OP_JAL);
    cr_assert_eq(in.rd, 0);
    cr_assert_eq(in.imm, 0x50);
}

Test(riscv_decode, immediates_are_sign_extended)
{
    /* lui a0, 0x80000: the value written, sign-extended to 64 bits */
    RiscvInsn in = dec(0x80000537, 64);
    cr_assert_eq(in.op, RV_OP_LUI);
    cr_assert_eq(in.imm, -0x80000000ll);
    /* addi a0, a0, -1 */
    in = dec(0xfff50513, 64);
    cr_assert_eq(in.imm, -1);
    /* sd a0, -8(sp) */
    in = dec(0xfea13c23, 64);
    cr_assert_eq(in.op, RV_OP_SD);
    cr_assert_eq(in.rs1, 2);
    cr_assert_eq(in.rs2, 10);
    cr_assert_eq(in.imm, -8);
    /* beq zero, zero, -4 (pc - 4) */
    in = dec(0xfe000ee3, 64);
    cr_assert_eq(in.op, RV_OP_BEQ);
    cr_assert_eq(in.imm, -4);
    /* jal ra, -2048 */
    in = dec(0x801ff0ef, 64);
    cr_assert_eq(in.op, RV_OP_JAL);
    cr_assert_eq(in.rd, 1);
    cr_assert_eq(in.imm, -2048);
}

Test(riscv_decode, compressed_reserved_encodings_are_illegal)
{
    RiscvInsn in = dec(0x0000, 64);
    cr_assert_eq(in.op, RV_OP_ILLEGAL);
    cr_assert_eq(in.cop, RV_OP_C_UNIMP);
    cr_assert_eq(in.len, 2);
    ASSERT_ILLEGAL(0x0004, 64);     /* c.addi4spn s1, sp, 0 */
    ASSERT_ILLEGAL(0x0004, 32);
    ASSERT_ILLEGAL(0x6101, 64);     /* c.addi16sp sp, 0 */
    ASSERT_ILLEGAL(0x6281, 64);     /* c.lui t0, 0 */
    ASSERT_ILLEGAL(0x6001, 64);     /* c.lui zero, 0 */
    ASSERT_ILLEGAL(0x2005, 64);     /* c.addiw zero, 1 */
    ASSERT_ILLEGAL(0x8002, 64);     /* c.jr zero */
    ASSERT_ILLEGAL(0x4002, 64);     /* c.lwsp zero, 0(sp) */
    ASSERT_ILLEGAL(0x4002, 32);
    ASSERT_ILLEGAL(0x6002, 64);     /* c.ldsp zero, 0(sp) */
    ASSERT_ILLEGAL(0x8000, 64);     /* quadrant 0, funct3 4: reserved */
    ASSERT_ILLEGAL(0x9c41, 64);     /* 100 1 11 ... 10: reserved */
    ASSERT_ILLEGAL(0x9c61, 64);     /* 100 1 11 ... 11: reserved */
    ASSERT_ILLEGAL(0x9c01, 32);     /* c.subw on RV32 */
    ASSERT_ILLEGAL(0x9c21, 32);     /* c.addw on RV32 */
    ASSERT_ILLEGAL(0x1506, 32);     /* c.slli a0, 33 on RV32 */
    ASSERT_ILLEGAL(0x9105, 32);     /* c.srli a0, 33 on RV32 */
    ASSERT_ILLEGAL(0x9505, 32);     /* c.srai a0, 33 on RV32 */
    /* a reserved form still says what it is, for the disassembler */
    in = dec(0x8002, 64);
    cr_assert_eq(in.cop, RV_OP_C_JR);
}

Test(riscv_decode, compressed_hints_decode_as_their_base_op)
{
    RiscvInsn in = dec(0x4005, 64); /* c.li zero, 1 */
    cr_assert_eq(in.op, RV_OP_ADDI);
    cr_assert_eq(in.cop, RV_OP_C_LI);
    cr_assert_eq(in.rd, 0);
    cr_assert_eq(in.imm, 1);

    in = dec(0x802a, 64);           /* c.mv zero, a0 */
    cr_assert_eq(in.op, RV_OP_ADD);
    cr_assert_eq(in.rd, 0);
    cr_assert_eq(in.rs1, 0);
    cr_assert_eq(in.rs2, 10);

    in = dec(0x902a, 64);           /* c.add zero, a0 */
    cr_assert_eq(in.op, RV_OP_ADD);
    cr_assert_eq(in.cop, RV_OP_C_ADD);
    cr_assert_eq(in.rd, 0);

    in = dec(0x0016, 64);           /* c.slli zero, 5 */
    cr_assert_eq(in.op, RV_OP_SLLI);
    cr_assert_eq(in.imm, 5);

    in = dec(0x0501, 64);           /* c.addi a0, 0 */
    cr_assert_eq(in.op, RV_OP_ADDI);
    cr_assert_eq(in.cop, RV_OP_C_ADDI);
    cr_assert_eq(in.imm, 0);

    in = dec(0x0005, 64);           /* c.nop 1 */
    cr_assert_eq(in.op, RV_OP_ADDI);
    cr_assert_eq(in.cop, RV_OP_C_ADDI);
    cr_assert_eq(in.rd, 0);
    cr_assert_eq(in.imm, 1);

    in = dec(0x0001, 64);           /* c.nop */
    cr_assert_eq(in.op, RV_OP_ADDI);
    cr_assert_eq(in.cop, RV_OP_C_NOP);

    in = dec(0x6005, 64);           /* c.lui zero, 1 */
    cr_assert_eq(in.op, RV_OP_LUI);
    cr_assert_eq(in.rd, 0);
    cr_assert_eq(in.imm, 0x1000);

    in = dec(0x8101, 64);           /* c.srli a0, 0 (RV64 HINT) */
    cr_assert_eq(in.op, RV_OP_SRLI);
    cr_assert_eq(in.imm, 0);
}

Test(riscv_decode, compressed_forms_depend_on_xlen)
{
    RiscvInsn in = dec(0x2005, 32); /* RV32: c.jal pc + 32 ... */
    cr_assert_eq(in.op, RV_OP_JAL);
    cr_assert_eq(in.cop, RV_OP_C_JAL);
    cr_assert_eq(in.rd, 1);
    in = dec(0x2505, 64);           /* ... RV64: c.addiw a0, 1 */
    cr_assert_eq(in.op, RV_OP_ADDIW);
    cr_assert_eq(in.rd, 10);
    cr_assert_eq(in.imm, 1);

    in = dec(0x6398, 32);           /* RV32: c.flw fa4, 0(a5) */
    cr_assert_eq(in.op, RV_OP_FLW);
    cr_assert_eq(in.cop, RV_OP_C_FLW);
    in = dec(0x6398, 64);           /* RV64: c.ld a4, 0(a5) */
    cr_assert_eq(in.op, RV_OP_LD);
    cr_assert_eq(in.cop, RV_OP_C_LD);
    cr_assert_eq(in.rd, 14);
    cr_assert_eq(in.rs1, 15);

    in = dec(0x6002, 32);           /* RV32: c.flwsp ft0, 0(sp) */
    cr_assert_eq(in.op, RV_OP_FLW);
    cr_assert_eq(in.rs1, 2);
    in = dec(0xe02a, 32);           /* RV32: c.fswsp fa0, 0(sp) */
    cr_assert_eq(in.op, RV_OP_FSW);
    cr_assert_eq(in.cop, RV_OP_C_FSWSP);
    in = dec(0xe02a, 64);           /* RV64: c.sdsp a0, 0(sp) */
    cr_assert_eq(in.op, RV_OP_SD);
    cr_assert_eq(in.cop, RV_OP_C_SDSP);

    in = dec(0x1506, 64);           /* RV64: c.slli a0, 33 */
    cr_assert_eq(in.op, RV_OP_SLLI);
    cr_assert_eq(in.imm, 33);

    in = dec(0x2008, 64);           /* c.fld fa0, 0(s0) on both */
    cr_assert_eq(in.op, RV_OP_FLD);
    cr_assert_eq(in.cop, RV_OP_C_FLD);
    cr_assert_eq(in.rd, 10);
    cr_assert_eq(in.rs1, 8);
}

Test(riscv_decode, rv32_differs_in_shifts_word_ops_and_zbb_encodings)
{
    ASSERT_ILLEGAL(0x02051513, 32); /* slli a0, a0, 32 */
    cr_assert_eq(dec(0x02051513, 64).imm, 32);
    ASSERT_ILLEGAL(0x0005051b, 32); /* addiw / sext.w */
    ASSERT_ILLEGAL(0x00b5053b, 32); /* addw */
    ASSERT_ILLEGAL(0x00053503, 32); /* ld */
    ASSERT_ILLEGAL(0x00a53023, 32); /* sd */
    ASSERT_ILLEGAL(0x1005352f, 32); /* lr.d */
    ASSERT_ILLEGAL(0xe2050553, 32); /* fmv.x.d */
    ASSERT_ILLEGAL(0xc0250553, 32); /* fcvt.l.s */

    cr_assert_eq(dec(0x6b855513, 64).op, RV_OP_REV8);
    ASSERT_ILLEGAL(0x6b855513, 32);
    cr_assert_eq(dec(0x69855513, 32).op, RV_OP_REV8);
    ASSERT_ILLEGAL(0x69855513, 64);

    cr_assert_eq(dec(0x0805453b, 64).op, RV_OP_ZEXT_H); /* packw a0, a0, zero */
    ASSERT_ILLEGAL(0x0805453b, 32);
    cr_assert_eq(dec(0x08054533, 32).op, RV_OP_ZEXT_H); /* pack a0, a0, zero */
    ASSERT_ILLEGAL(0x08054533, 64);
    ASSERT_ILLEGAL(0x08b5453b, 64);                     /* packw with rs2 != 0 (Zbkb) */

    cr_assert_eq(dec(0x60f55513, 32).op, RV_OP_RORI);   /* rori a0, a0, 15 */
    ASSERT_ILLEGAL(0x62f55513, 32);                     /* rori a0, a0, 47 */
    cr_assert_eq(dec(0x62f55513, 64).imm, 47);
    cr_assert_eq(dec(0x48a51513, 64).op, RV_OP_BCLRI);  /* bclri a0, a0, 10 */
    cr_assert_eq(dec(0x0845151b, 64).op, RV_OP_SLLI_UW);
    cr_assert_eq(dec(0x0a45151b, 64).imm, 36);          /* slli.uw a0, a0, 36 */
}

Test(riscv_decode, fp_rounding_mode_is_kept_including_reserved_values)
{
    for (unsigned rm = 0; rm < 8; rm++) {
        RiscvInsn in = dec(0x00b50553 | (rm << 12), 64); /* fadd.s fa0, fa0, fa1 */
        cr_assert_eq(in.op, RV_OP_FADD_S, "rm %u", rm);
        cr_assert_eq(in.rm, rm);
        cr_assert_eq(in.rd, 10);
        cr_assert_eq(in.rs1, 10);
        cr_assert_eq(in.rs2, 11);
    }
    RiscvInsn in = dec(0x62b57543, 64);  /* fmadd.d fa0, fa0, fa1, fa2, dyn */
    cr_assert_eq(in.op, RV_OP_FMADD_D);
    cr_assert_eq(in.rs3, 12);
    cr_assert_eq(in.rm, 7);
    ASSERT_ILLEGAL(0x04b50553, 64);      /* fmt 2 (H) is not decoded */
    ASSERT_ILLEGAL(0x06b50553, 64);      /* fmt 3 (Q) is not decoded */
}

Test(riscv_decode, amo_ordering_bits_and_lr_rs2)
{
    RiscvInsn in = dec(0x06b5252f, 64);  /* amoadd.w.aqrl a0, a1, (a0) */
    cr_assert_eq(in.op, RV_OP_AMOADD_W);
    cr_assert_eq(in.aq, 1);
    cr_assert_eq(in.rl, 1);
    in = dec(0x1405352f, 64);            /* lr.d.aq a0, (a0) */
    cr_assert_eq(in.op, RV_OP_LR_D);
    cr_assert_eq(in.aq, 1);
    cr_assert_eq(in.rl, 0);
    ASSERT_ILLEGAL(0x1015352f, 64);      /* lr.d with rs2 = ra */
    ASSERT_ILLEGAL(0x2815252f, 64);      /* amocas.w (Zacas): not decoded */
}

Test(riscv_decode, fence_fields_and_variants)
{
    RiscvInsn in = dec(0x0ff0000f, 64);  /* fence iorw, iorw */
    cr_assert_eq(in.op, RV_OP_FENCE);
    cr_assert_eq(in.pred, 0xf);
    cr_assert_eq(in.succ, 0xf);
    cr_assert_eq(in.fm, 0);
    in = dec(0x8330000f, 64);            /* fence.tso */
    cr_assert_eq(in.op, RV_OP_FENCE);
    cr_assert_eq(in.fm, 8);
    cr_assert_eq(in.pred, 3);
    cr_assert_eq(in.succ, 3);
    in = dec(0x0100000f, 64);            /* pause */
    cr_assert_eq(in.op, RV_OP_FENCE);
    cr_assert_eq(in.pred, 1);
    cr_assert_eq(in.succ, 0);
    cr_assert_eq(dec(0x0000100f, 64).op, RV_OP_FENCE_I);
    ASSERT_ILLEGAL(0x0000200f, 64);      /* cbo.*: not decoded */
}

Test(riscv_decode, system_instructions)
{
    cr_assert_eq(dec(0x00000073, 64).op, RV_OP_ECALL);
    cr_assert_eq(dec(0x00100073, 64).op, RV_OP_EBREAK);
    cr_assert_eq(dec(0x30200073, 64).op, RV_OP_MRET);
    cr_assert_eq(dec(0x10200073, 64).op, RV_OP_SRET);
    cr_assert_eq(dec(0x10500073, 64).op, RV_OP_WFI);
    RiscvInsn in = dec(0x12b50073, 64);  /* sfence.vma a0, a1 */
    cr_assert_eq(in.op, RV_OP_SFENCE_VMA);
    cr_assert_eq(in.rs1, 10);
    cr_assert_eq(in.rs2, 11);
    ASSERT_ILLEGAL(0x30200573, 64);      /* mret with rd != 0 */
    ASSERT_ILLEGAL(0x70200073, 64);      /* mnret (Smrnmi): not decoded */
    in = dec(0x7444d073, 64);            /* csrrwi zero, mnstatus, 9 */
    cr_assert_eq(in.op, RV_OP_CSRRWI);
    cr_assert_eq(in.csr, 0x744);
    cr_assert_eq(in.imm, 9);
    cr_assert_eq(in.rs1, 9);
}

Test(riscv_decode, ext_mask_switches_off_whole_extensions)
{
    RiscvInsn in;
    uint32_t all = EXT_ALL;

    cr_assert(riscv_decode(0x00b50553, 64, all, &in));
    cr_assert_not(riscv_decode(0x00b50553, 64, all & ~RV_EXT_F, &in));
    cr_assert_eq(in.op, RV_OP_ILLEGAL);
    cr_assert_not(riscv_decode(0x2008, 64, all & ~RV_EXT_D, &in));  /* c.fld */
    cr_assert_not(riscv_decode(0x4501, 64, all & ~RV_EXT_C, &in));  /* c.li */
    cr_assert_eq(in.len, 2);
    cr_assert_not(riscv_decode(0x02b50533, 64, all & ~RV_EXT_M, &in));  /* mul */
    cr_assert_not(riscv_decode(0x10200073, 64, all & ~RV_EXT_S, &in));  /* sret */
    cr_assert(riscv_decode(0x30200073, 64, all & ~RV_EXT_S, &in));      /* mret */
    cr_assert_not(riscv_decode(0xf1402573, 64, all & ~RV_EXT_ZICSR, &in));
    cr_assert_not(riscv_decode(0x0000100f, 64, all & ~RV_EXT_ZIFENCEI, &in));
    cr_assert_not(riscv_decode(0x60051513, 64, all & ~RV_EXT_ZBB, &in)); /* clz */
}

Test(riscv_decode, illegal_instruction_keeps_raw_and_length)
{
    RiscvInsn in;
    cr_assert_not(riscv_decode(0xffffffff, 64, EXT_ALL, &in));
    cr_assert_eq(in.op, RV_OP_ILLEGAL);
    cr_assert_eq(in.raw, 0xffffffff);
    cr_assert_eq(in.len, 4);
    cr_assert_eq(in.rd, 0);
    cr_assert_not(riscv_decode(0x12340000, 64, EXT_ALL, &in));  /* c.unimp, upper half ignored */
    cr_assert_eq(in.raw, 0);
    cr_assert_eq(in.len, 2);
}

Test(riscv_decode, insn_length_from_first_halfword)
{
    cr_assert_eq(riscv_insn_length(0x0297), 4);
    cr_assert_eq(riscv_insn_length(0x4501), 2);
    cr_assert_eq(riscv_insn_length(0x0000), 2);
}
