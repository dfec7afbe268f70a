/*
 * tcg-lite/dump.c: the text form of the IR, printed for -d op / -d op_opt
 * and read back by tcgl_parse so that each pass can be tested on a few
 * lines of IR.  The format (one op a line; ';' also separates ops):
 *
 *     ---- 0x80000000 0x0              insn_start data0 data1
 *     add_i64 x1,x2,$16                out, in..., constant args
 *     movi_i64 tmp3,$-1                locals tmpN, constants $value
 *     brcond_i64 x1,$0,eq,L0           condition names as in TCGLCond
 *     set_label L0
 *     qemu_ld_i64 x5,tmp3,sl,1         memop ([be_](u|s)(b|w|l|q)[_al]), mmu index
 *     ld_i64 tmp0,env,16               env field at a byte offset
 *     call name,tmp0,env,x1            helper name, return temp if any, arguments
 *     exit_tb 0x0
 *
 * Globals print under the name they were declared with.  Text after '#' is
 * a comment; after tcgl_liveness each op shows "# dead: ..." with the input
 * locals that die there.  The parser also accepts op names without the
 * _i64 suffix, tN for tmpN (when no global is called tN), "L0:" for
 * set_label (alone or before an op) and "insn_start a,b" for "---- a b".
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tcgl-internal.h"

const char *const tcgl_cond_names[] = {
    [TCGL_COND_NEVER] = "never", [TCGL_COND_ALWAYS] = "always",
    [TCGL_COND_EQ] = "eq",       [TCGL_COND_NE] = "ne",
    [TCGL_COND_LT] = "lt",       [TCGL_COND_GE] = "ge",
    [TCGL_COND_LE] = "le",       [TCGL_COND_GT] = "gt",
    [TCGL_COND_LTU] = "ltu",     [TCGL_COND_GEU] = "geu",
    [TCGL_COND_LEU] = "leu",     [TCGL_COND_GTU] = "gtu",
};

void tcgl_memop_name(MemOp op, char *buf, size_t len)
{
    static const char sizes[] = "bwlq";
    snprintf(buf, len, "%s%c%c%s", (op & MO_BSWAP) ? "be_" : "",
             (op & MO_SIGN) ? 's' : 'u', sizes[op & MO_SIZE],
             (op & MO_ALIGN) ? "_al" : "");
}

/* ------------------------------------------------------------------ */
/* Dump                                                                 */

static void print_const(FILE *out, TCGLType type, int64_t v)
{
    if (v > -0x10000 && v < 0x10000) {
        fprintf(out, "$%" PRId64, v);
    } else if (type == TCGL_TYPE_I32) {
        fprintf(out, "$0x%" PRIx32, (uint32_t)v);
    } else {
        fprintf(out, "$0x%" PRIx64, (uint64_t)v);
    }
}

static void print_temp(FILE *out, const TCGLTemp *t)
{
    switch (t->kind) {
    case TCGL_TEMP_ENV:
        fputs("env", out);
        break;
    case TCGL_TEMP_GLOBAL:
        fputs(t->name, out);
        break;
    case TCGL_TEMP_LOCAL:
        fprintf(out, "tmp%u", t->id);
        break;
    case TCGL_TEMP_CONST:
        print_const(out, t->type, t->val);
        break;
    }
}

static void dump_op(FILE *out, const TCGLOp *op)
{
    const TCGLOpDef *def = &tcgl_op_defs[op->opc];
    unsigned a = 0;
    bool first = true;

    if (op->opc == INDEX_op_insn_start) {
        fprintf(out, " ---- 0x%" PRIx64 " 0x%" PRIx64 "\n", op->args[0], op->args[1]);
        return;
    }
    fprintf(out, " %s", def->name);
    if (op->opc == INDEX_op_call) {
        const TCGLHelperInfo *info = tcgl_op_helper(op);
        fprintf(out, " %s", info->name);
        for (unsigned i = 0; i < op->nb_oargs + op->nb_iargs; i++) {
            fputc(',', out);
            print_temp(out, tcgl_arg_temp(op->args[i]));
        }
    } else {
        for (const char *s = def->sig; *s; s++) {
            fputs(first ? " " : ",", out);
            first = false;
            switch (*s) {
            case 'O': case 'o': case 'I': case 'i':
                print_temp(out, tcgl_arg_temp(op->args[a++]));
                break;
            case 'c':
                fputs(tcgl_cond_names[op->args[a++]], out);
                break;
            case 'L':
                fprintf(out, "L%u", tcgl_arg_label(op->args[a++])->num);
                break;
            case 'n':
                fprintf(out, "%" PRIu64, op->args[a++]);
                break;
            case 'e':
                fputs("env", out);
                break;
            case 'm': {
                char name[16];
                MemOpIdx oi = (MemOpIdx)op->args[a++];
                tcgl_memop_name(get_memop(oi), name, sizeof(name));
                fprintf(out, "%s,%u", name, get_mmuidx(oi));
                break;
            }
            case 'X': {
                uint64_t v = op->args[a++];
                if (op->opc == INDEX_op_movi_i64 || op->opc == INDEX_op_movi_i32) {
                    print_const(out, tcgl_arg_temp(op->args[0])->type, (int64_t)v);
                } else if (op->opc == INDEX_op_exit_tb) {
                    fprintf(out, "0x%" PRIx64, v);
                } else {
                    fprintf(out, "%" PRId64, (int64_t)v);
                }
                break;
            }
            }
        }
    }
    if (tcgl_ctx.liveness_valid && op->dead) {
        const char *sep = "  # dead: ";
        for (unsigned i = 0; i < op->nb_oargs + op->nb_iargs; i++) {
            if (op->dead & (1u << i)) {
                fputs(sep, out);
                print_temp(out, tcgl_arg_temp(op->args[i]));
                sep = ",";
            }
        }
    }
    fputc('\n', out);
}

void tcgl_dump(FILE *out)
{
    for (unsigned i = 0; i < tcgl_ctx.nb_ops; i++) {
        dump_op(out, &tcgl_ctx.ops[i]);
    }
}

/* ------------------------------------------------------------------ */
/* Parse                                                                */

#define PARSE_MAX_NUM 65536
#define PARSE_MAX_TOKENS 16

typedef struct Parser {
    char *err;
    size_t errlen;
    unsigned line;
    TCGLTemp **locals;        /* by tmp number */
    unsigned nb_locals;
    TCGLLabel **labels;       /* by L number */
    unsigned nb_labels;
} Parser;

static bool parse_error(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool parse_error(Parser *p, const char *fmt, ...)
{
    if (p->err && p->errlen) {
        int n = snprintf(p->err, p->errlen, "line %u: ", p->line);
        if (n >= 0 && (size_t)n < p->errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return false;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) {
        s++;
    }
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) {
        *--e = 0;
    }
    return s;
}

/* A whole token as a number: decimal or 0x hex, with an optional '-'. */
static bool parse_u64(const char *s, uint64_t *v)
{
    bool neg = false;
    if (*s == '-') {
        neg = true;
        s++;
    }
    if (!isdigit((unsigned char)*s)) {
        return false;
    }
    /* Decimal unless 0x: a leading zero does not mean octal here. */
    int base = (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ? 16 : 10;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(base == 16 ? s + 2 : s, &end, base);
    if (errno || *end || (base == 16 && !isxdigit((unsigned char)s[2]))) {
        return false;
    }
    *v = neg ? -(uint64_t)x : (uint64_t)x;
    return true;
}

/* "tmpN" / "LN" style: a prefix and a number below PARSE_MAX_NUM. */
static bool parse_numbered(const char *s, const char *prefix, unsigned *n)
{
    size_t len = strlen(prefix);
    uint64_t v;
    if (strncmp(s, prefix, len) != 0 || !isdigit((unsigned char)s[len]) ||
        !parse_u64(s + len, &v) || v >= PARSE_MAX_NUM) {
        return false;
    }
    *n = (unsigned)v;
    return true;
}

static TCGLTemp *find_global(const char *name)
{
    for (unsigned i = 0; i < tcgl_ctx.nb_globals; i++) {
        if (strcmp(tcgl_ctx.globals[i]->name, name) == 0) {
            return tcgl_ctx.globals[i];
        }
    }
    return NULL;
}

static void *grow_table(void *table, unsigned *nb, unsigned need, size_t elem)
{
    if (need <= *nb) {
        return table;
    }
    unsigned n = need < 16 ? 16 : need * 2;
    char *t = realloc(table, (size_t)n * elem);
    if (!t) {
        abort();
    }
    memset(t + (size_t)*nb * elem, 0, (size_t)(n - *nb) * elem);
    *nb = n;
    return t;
}

static bool parse_temp(Parser *p, const char *tok, TCGLType type, bool output, TCGLTemp **out)
{
    const char *tname = type == TCGL_TYPE_I64 ? "i64" : "i32";
    unsigned n;

    if (tok[0] == '$') {
        uint64_t v;
        if (output) {
            return parse_error(p, "constant %s cannot be written", tok);
        }
        if (!parse_u64(tok + 1, &v)) {
            return parse_error(p, "bad constant '%s'", tok);
        }
        *out = tcgl_constant_internal(type, (int64_t)v);
        return true;
    }
    if (strcmp(tok, "env") == 0) {
        return parse_error(p, "env is only a helper argument");
    }
    TCGLTemp *g = find_global(tok);
    if (g) {
        if (g->type != type) {
            return parse_error(p, "global %s is not %s", tok, tname);
        }
        *out = g;
        return true;
    }
    if (parse_numbered(tok, "tmp", &n) || parse_numbered(tok, "t", &n)) {
        p->locals = grow_table(p->locals, &p->nb_locals, n + 1, sizeof(TCGLTemp *));
        if (!p->locals[n]) {
            p->locals[n] = tcgl_temp_new_internal(type, (int)n);
        } else if (p->locals[n]->type != type) {
            return parse_error(p, "%s used as %s but is %s", tok, tname,
                               type == TCGL_TYPE_I64 ? "i32" : "i64");
        }
        *out = p->locals[n];
        return true;
    }
    return parse_error(p, "unknown temp '%s'", tok);
}

static bool parse_label(Parser *p, const char *tok, TCGLLabel **out)
{
    unsigned n;
    if (!parse_numbered(tok, "L", &n)) {
        return parse_error(p, "bad label '%s'", tok);
    }
    p->labels = grow_table(p->labels, &p->nb_labels, n + 1, sizeof(TCGLLabel *));
    if (!p->labels[n]) {
        p->labels[n] = tcgl_label_new();
        p->labels[n]->num = n;
    }
    *out = p->labels[n];
    return true;
}

static bool parse_cond(Parser *p, const char *tok, uint64_t *out)
{
    for (unsigned c = 0; c <= TCGL_COND_GTU; c++) {
        if (strcmp(tok, tcgl_cond_names[c]) == 0) {
            *out = c;
            return true;
        }
    }
    return parse_error(p, "bad condition '%s'", tok);
}

static bool parse_memop(Parser *p, const char *tok, const char *idx_tok, uint64_t *out)
{
    const char *s = tok;
    unsigned op = 0;
    uint64_t idx;

    if (strncmp(s, "be_", 3) == 0) {
        op |= MO_BSWAP;
        s += 3;
    }
    if (s[0] == 's') {
        op |= MO_SIGN;
    } else if (s[0] != 'u') {
        return parse_error(p, "bad memop '%s'", tok);
    }
    const char *size = s[1] ? strchr("bwlq", s[1]) : NULL;
    if (!size) {
        return parse_error(p, "bad memop '%s'", tok);
    }
    op |= (unsigned)(size - "bwlq");
    s += 2;
    if (strcmp(s, "_al") == 0) {
        op |= MO_ALIGN;
    } else if (*s) {
        return parse_error(p, "bad memop '%s'", tok);
    }
    if (!parse_u64(idx_tok, &idx) || idx >= 16) {
        return parse_error(p, "bad mmu index '%s'", idx_tok);
    }
    *out = make_memop_idx((MemOp)op, (unsigned)idx);
    return true;
}

static int find_opcode(const char *name)
{
    char buf[64];
    for (int pass = 0; pass < 2; pass++) {
        const char *n = name;
        if (pass == 1) {
            snprintf(buf, sizeof(buf), "%s_i64", name);
            n = buf;
        }
        for (int i = INDEX_op_nop + 1; i < TCGL_NB_OPS; i++) {
            if (strcmp(tcgl_op_defs[i].name, n) == 0) {
                return i;
            }
        }
    }
    return -1;
}

static bool parse_call(Parser *p, char **tok, unsigned ntok)
{
    if (ntok < 1) {
        return parse_error(p, "call needs a helper name");
    }
    const TCGLHelperInfo *info = tcgl_helper_lookup(tok[0]);
    if (!info) {
        return parse_error(p, "unknown helper '%s'", tok[0]);
    }
    unsigned nout = info->ret != TCGL_HT_VOID;
    if (ntok != 1 + nout + info->nargs) {
        return parse_error(p, "call %s takes %u arguments", info->name, nout + info->nargs);
    }
    TCGLTemp *args[TCGL_MAX_OP_ARGS];
    unsigned n = 0;
    if (nout) {
        TCGLType t = info->ret == TCGL_HT_I32 ? TCGL_TYPE_I32 : TCGL_TYPE_I64;
        if (!parse_temp(p, tok[1], t, true, &args[n++])) {
            return false;
        }
    }
    for (unsigned i = 0; i < info->nargs; i++) {
        const char *a = tok[1 + nout + i];
        if (info->args[i] == TCGL_HT_PTR) {
            if (strcmp(a, "env") != 0) {
                return parse_error(p, "argument %u of %s must be env", i + 1, info->name);
            }
            args[n++] = tcgl_env();
        } else {
            TCGLType t = info->args[i] == TCGL_HT_I32 ? TCGL_TYPE_I32 : TCGL_TYPE_I64;
            if (!parse_temp(p, a, t, false, &args[n++])) {
                return false;
            }
        }
    }
    tcgl_gen_call(info, nout ? args[0] : NULL, args + nout);
    return true;
}

static bool parse_op(Parser *p, const char *name, char **tok, unsigned ntok)
{
    if (strcmp(name, "call") == 0) {
        return parse_call(p, tok, ntok);
    }
    int opc = find_opcode(name);
    if (opc < 0) {
        return parse_error(p, "unknown op '%s'", name);
    }
    const TCGLOpDef *def = &tcgl_op_defs[opc];
    unsigned want = 0;
    for (const char *s = def->sig; *s; s++) {
        want += *s == 'm' ? 2 : 1;
    }
    if (ntok != want) {
        return parse_error(p, "%s takes %u arguments, not %u", def->name, want, ntok);
    }

    uint64_t args[TCGL_MAX_OP_ARGS] = { 0 };
    unsigned a = 0, t = 0;
    for (const char *s = def->sig; *s; s++) {
        const char *tk = tok[t++];
        switch (*s) {
        case 'O': case 'o': case 'I': case 'i': {
            TCGLTemp *tmp;
            TCGLType type = (*s == 'O' || *s == 'I') ? TCGL_TYPE_I64 : TCGL_TYPE_I32;
            if (!parse_temp(p, tk, type, *s == 'O' || *s == 'o', &tmp)) {
                return false;
            }
            args[a++] = tcgl_temp_arg(tmp);
            break;
        }
        case 'c':
            if (!parse_cond(p, tk, &args[a++])) {
                return false;
            }
            break;
        case 'L': {
            TCGLLabel *l;
            if (!parse_label(p, tk, &l)) {
                return false;
            }
            args[a++] = tcgl_label_arg(l);
            break;
        }
        case 'n':
            if (!parse_u64(tk, &args[a]) || args[a] > 64) {
                return parse_error(p, "bad number '%s'", tk);
            }
            a++;
            break;
        case 'X':
            if (!parse_u64(tk[0] == '$' ? tk + 1 : tk, &args[a++])) {
                return parse_error(p, "bad number '%s'", tk);
            }
            break;
        case 'e':
            if (strcmp(tk, "env") != 0) {
                return parse_error(p, "expected env, not '%s'", tk);
            }
            break;
        case 'm':
            if (!parse_memop(p, tk, tok[t++], &args[a++])) {
                return false;
            }
            break;
        }
    }

    switch (opc) {
    case INDEX_op_goto_tb:
        if (args[0] > 1) {
            return parse_error(p, "goto_tb slot must be 0 or 1");
        }
        break;
    case INDEX_op_extract_i64:
    case INDEX_op_sextract_i64:
    case INDEX_op_deposit_i64: {
        uint64_t ofs = args[a - 2], len = args[a - 1];
        if (len < 1 || ofs >= 64 || ofs + len > 64) {
            return parse_error(p, "bad bit field %" PRIu64 ",%" PRIu64, ofs, len);
        }
        break;
    }
    case INDEX_op_set_label: {
        TCGLLabel *l = tcgl_arg_label(args[0]);
        if (l->present) {
            return parse_error(p, "label L%u set twice", l->num);
        }
        l->present = true;
        break;
    }
    default:
        break;
    }

    TCGLOp *op = tcgl_emit_op((TCGLOpcode)opc);
    memcpy(op->args, args, sizeof(args));
    if (opc == INDEX_op_movi_i32) {
        op->args[1] = (uint64_t)(int64_t)(int32_t)op->args[1];
    }
    return true;
}

/* One statement, comment already removed and trimmed. */
static bool parse_stmt(Parser *p, char *s)
{
    char *tok[PARSE_MAX_TOKENS];
    unsigned ntok = 0;

    if (strncmp(s, "----", 4) == 0) {
        uint64_t d[2] = { 0, 0 };
        char *save = NULL;
        unsigned n = 0;
        for (char *w = strtok_r(s + 4, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
            if (n == 2 || !parse_u64(w, &d[n])) {
                return parse_error(p, "bad insn_start '%s'", w);
            }
            n++;
        }
        if (n == 0) {
            return parse_error(p, "insn_start needs a pc");
        }
        tcgl_gen_insn_start(d[0], d[1]);
        return true;
    }
    char *name = s;
    char *rest = s;
    while (*rest && !isspace((unsigned char)*rest)) {
        rest++;
    }
    if (*rest) {
        *rest++ = 0;
        rest = trim(rest);
    }
    size_t len = strlen(name);
    if (len > 1 && name[len - 1] == ':') {
        /* "L0:" alone, or in front of the op that follows it. */
        name[len - 1] = 0;
        TCGLLabel *l;
        if (!parse_label(p, name, &l)) {
            return false;
        }
        if (l->present) {
            return parse_error(p, "label L%u set twice", l->num);
        }
        tcgl_set_label(l);
        return *rest ? parse_stmt(p, rest) : true;
    }
    if (*rest) {
        for (char *a = rest;; ) {
            char *comma = strchr(a, ',');
            if (comma) {
                *comma = 0;
            }
            if (ntok == PARSE_MAX_TOKENS) {
                return parse_error(p, "too many arguments");
            }
            tok[ntok] = trim(a);
            if (!*tok[ntok]) {
                return parse_error(p, "empty argument");
            }
            ntok++;
            if (!comma) {
                break;
            }
            a = comma + 1;
        }
    }
    if (strcmp(name, "insn_start") == 0) {
        uint64_t d[2] = { 0, 0 };
        if (ntok < 1 || ntok > 2 || !parse_u64(tok[0], &d[0]) ||
            (ntok == 2 && !parse_u64(tok[1], &d[1]))) {
            return parse_error(p, "bad insn_start");
        }
        tcgl_gen_insn_start(d[0], d[1]);
        return true;
    }
    return parse_op(p, name, tok, ntok);
}

static bool parse_all(Parser *p, char *text)
{
    char *s = text;
    p->line = 1;
    while (*s) {
        size_t n = strcspn(s, ";\n#");
        char sep = s[n];
        s[n] = 0;
        char *stmt = trim(s);
        if (*stmt && !parse_stmt(p, stmt)) {
            return false;
        }
        if (sep == 0) {
            break;
        }
        s += n + 1;
        if (sep == '#') {
            /* Comment: skip to the end of the line. */
            s += strcspn(s, "\n");
            if (*s) {
                s++;
                p->line++;
            }
        } else if (sep == '\n') {
            p->line++;
        }
    }
    for (unsigned i = 0; i < p->nb_labels; i++) {
        TCGLLabel *l = p->labels[i];
        if (l && !l->present) {
            return parse_error(p, "label L%u is used but never set", l->num);
        }
    }
    return true;
}

bool tcgl_parse(const char *text, char *err, size_t errlen)
{
    Parser p = { .err = err, .errlen = errlen };
    char *copy = strdup(text ? text : "");
    if (!copy) {
        abort();
    }
    if (err && errlen) {
        err[0] = 0;
    }

    tcgl_func_start();
    bool ok = parse_all(&p, copy);
    free(copy);
    free(p.locals);
    free(p.labels);
    if (!ok) {
        tcgl_func_start();
        return false;
    }
    tcgl_func_end();
    return true;
}
