/*
 * tests/difftest/fp-difftest-guest.c: the guest half of the FP differential
 * test (fp-difftest.py).  From a seed it draws a stream of operations
 * (fp-difftest-ops.h: every F/D instruction in every rounding mode, and
 * Zba/Zbb/Zbc/Zbs for good measure) on operands biased towards the values
 * where implementations differ: signed zeros, infinities, quiet and
 * signalling NaNs, subnormals, the extremes of each format, integer
 * boundaries, ties, and singles that are not NaN-boxed.  It runs each
 * through its stub (fp-difftest-stubs.S) and folds the operation, the
 * result register and fflags into a hash, printed once per chunk:
 *
 *     chunk <k> <hash>
 *
 * so that two emulators running the same program can be compared chunk by
 * chunk.  A few known answers are checked first (fpd_known_answers): a
 * wrong one is printed and the program exits with status 1.  In the chunk
 * fpd_params.verbose_chunk every operation is printed instead, to find the
 * first that differs.  frm is random for every
 * operation (reserved values included) except the dyn variants, which get
 * a valid one: static rounding and the instructions that do not round must
 * ignore it.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "fp-difftest-ops.h"

/* Set per run by the script (a generated object). */
struct fpd_params {
    uint64_t seed;
    uint64_t ops;
    uint64_t chunk;
    uint64_t verbose_chunk;     /* UINT64_MAX: none */
};
extern const struct fpd_params fpd_params;

typedef struct FpdResult {
    uint64_t value;
    uint64_t flags;
} FpdResult;
typedef FpdResult FpdStub(uint64_t a, uint64_t b, uint64_t c);
extern FpdStub *const fpd_stubs[][FPD_VARIANTS];
void fpd_set_frm(uint64_t frm);

enum {
    SHAPE_FRR, SHAPE_FRRR, SHAPE_FR, SHAPE_XR, SHAPE_FXR, SHAPE_FRRN, SHAPE_FRN,
    SHAPE_XRRN, SHAPE_XRN, SHAPE_FXN, SHAPE_LD, SHAPE_ST, SHAPE_IRR, SHAPE_IR, SHAPE_IRI,
};
enum { IN_S, IN_D, IN_I };

static const struct {
    const char *name;
    unsigned char shape, in;
} fpd_ops[] = {
#define FPD_OP(name, shape, in, insn) { #insn, SHAPE_##shape, IN_##in },
    FP_DIFFTEST_OPS(FPD_OP)
#undef FPD_OP
};
#define FPD_NOPS (sizeof(fpd_ops) / sizeof(fpd_ops[0]))

static unsigned fpd_nargs(unsigned shape)
{
    switch (shape) {
    case SHAPE_FRRR:
        return 3;
    case SHAPE_FRR: case SHAPE_FRRN: case SHAPE_XRRN: case SHAPE_ST: case SHAPE_IRR:
        return 2;
    default:
        return 1;
    }
}

static int fpd_has_rm(unsigned shape)
{
    return shape == SHAPE_FRR || shape == SHAPE_FRRR || shape == SHAPE_FR ||
           shape == SHAPE_XR || shape == SHAPE_FXR;
}

/* ---- random numbers (xorshift64*: the same sequence on every emulator) ---- */

static uint64_t fpd_state;

static uint64_t rnd(void)
{
    fpd_state ^= fpd_state >> 12;
    fpd_state ^= fpd_state << 25;
    fpd_state ^= fpd_state >> 27;
    return fpd_state * 0x2545f4914f6cdd1dull;
}

static uint64_t below(uint64_t n)
{
    return rnd() % n;
}

/* ---- operands ------------------------------------------------------------- */

static const uint32_t f32_special[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000,
    0x7fc00000, 0xffc00000, 0x7fc00001, 0x7fffffff, 0x7f800001, 0xffbfffff, 0x7fa00000,
    0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000, 0x80800000, 0x00400000,
    0x7f7fffff, 0xff7fffff, 0x7f000000, 0x3f000000, 0xbf000000, 0x40000000, 0x3f800001,
    0x3f7fffff, 0x33800000, 0x34000000, 0x4b800000, 0x4b800001, 0x4f000000, 0xcf000000,
    0x4effffff, 0x4f800000, 0x4f7fffff, 0x5f000000, 0xdf000000, 0x5effffff, 0x5f800000,
    0x5f7fffff, 0x3fc00000, 0x40200000, 0xbfc00000, 0x3eaaaaab, 0x1f800000, 0x0c800000,
};

static const uint64_t f64_special[] = {
    0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000,
    0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0xfff8000000000000,
    0x7ff8000000000001, 0x7fffffffffffffff, 0x7ff0000000000001, 0xfff7ffffffffffff,
    0x7ff4000000000000, 0x0000000000000001, 0x8000000000000001, 0x000fffffffffffff,
    0x800fffffffffffff, 0x0010000000000000, 0x8010000000000000, 0x0008000000000000,
    0x7fefffffffffffff, 0xffefffffffffffff, 0x7fe0000000000000, 0x3fe0000000000000,
    0xbfe0000000000000, 0x4000000000000000, 0x3ff0000000000001, 0x3fefffffffffffff,
    0x3ca0000000000000, 0x3cb0000000000000, 0x4340000000000000, 0x4340000000000001,
    0x41e0000000000000, 0xc1e0000000000000, 0x41dfffffffc00000, 0x41dfffffffe00000,
    0x41efffffffe00000, 0x41f0000000000000, 0xc1e0000000200000, 0x43e0000000000000,
    0xc3e0000000000000, 0x43dfffffffffffff, 0x43f0000000000000, 0x43efffffffffffff,
    0x47efffffe0000000, 0x47efffffffffffff, 0x36a0000000000000, 0x3810000000000000,
    0x380fffffffffffff, 0x3690000000000000, 0x36a8000000000000, 0x3fd5555555555555,
};

static const uint64_t int_special[] = {
    0, 1, 2, 3, (uint64_t)-1, (uint64_t)-2, 0x7fffffff, 0x80000000, 0xffffffff,
    0xffffffff80000000, 0x100000000, 0x1000001, 0x1000003, 0xffffffffff000001,
    0x20000000000001, 0x20000000000003, 0x7fffffffffffffff, 0x8000000000000000,
    0x8000000000000001, 0xffffffff00000000, 0x00000000ffff0000, 0x0101010101010101,
    0x8080808080808080, 0x7ffffffffffffc00, 0xfffffffffffff800, 0x7fffff8000000000,
};

/*
 * A format's bit pattern with exponent field width ebits, fraction width
 * mbits, biased towards the interesting places.  prev is another operand
 * of the same operation, for cancellation and ties.
 */
static uint64_t gen_float(unsigned ebits, unsigned mbits, uint64_t prev)
{
    uint64_t emax = (1ull << ebits) - 1, bias = emax >> 1;
    uint64_t mmask = (1ull << mbits) - 1;
    uint64_t sign = (rnd() & 1) << (ebits + mbits);
    uint64_t e, m = rnd() & mmask;

    switch (below(8)) {
    case 0:
    case 1:
        if (mbits == 23) {
            return f32_special[below(sizeof(f32_special) / sizeof(f32_special[0]))];
        }
        return f64_special[below(sizeof(f64_special) / sizeof(f64_special[0]))];
    case 2: {
        /* the edges of the exponent range (emax: infinities and NaNs), and around 1 */
        const uint64_t edge[] = { 0, 0, 1, 2, emax - 2, emax - 1, emax, bias - 1, bias, bias + 1 };
        e = edge[below(sizeof(edge) / sizeof(edge[0]))];
        break;
    }
    case 3: {
        /* integer-valued or just off it: ties and carries in conversions */
        e = bias + below(67);
        unsigned frac = e - bias < mbits ? mbits - (unsigned)(e - bias) : 0;
        if (frac) {
            uint64_t fmask = (1ull << frac) - 1;
            switch (below(4)) {
            case 0: m &= ~fmask; break;
            case 1: m = (m & ~fmask) | (1ull << (frac - 1)); break;
            case 2: m = (m & ~fmask) | (fmask >> 1); break;
            default: break;
            }
        }
        break;
    }
    case 4:
        /* next to the other operand (or its negation) */
        return (prev + below(7) - 3) ^ ((rnd() & 1) << (ebits + mbits));
    case 5:
        /* moderate exponents, few significant bits: exact results are common */
        e = bias - 40 + below(81);
        m &= ~((1ull << below(mbits)) - 1);
        break;
    default:
        return rnd() & ((2ull << (ebits + mbits)) - 1);
    }
    return sign | (e << mbits) | m;
}

static uint64_t gen_single(uint64_t prev)
{
    uint64_t v = gen_float(8, 23, prev & 0xffffffff);
    /* now and then a register whose upper half is not all ones */
    uint64_t upper = below(32) ? 0xffffffffull : rnd() & 0xfffffffeull;
    return (upper << 32) | v;
}

static uint64_t gen_int(void)
{
    switch (below(5)) {
    case 0:
    case 1:
        return int_special[below(sizeof(int_special) / sizeof(int_special[0]))];
    case 2:
        return (uint64_t)((int64_t)below(4001) - 2000);
    case 3:
        return rnd() >> below(64);
    default:
        return rnd();
    }
}

static uint64_t gen_operand(unsigned in, uint64_t prev)
{
    switch (in) {
    case IN_S: return gen_single(prev);
    case IN_D: return gen_float(11, 52, prev);
    default: return gen_int();
    }
}

/* ---- the run ---------------------------------------------------------------- */

static uint64_t fpd_mix(uint64_t h, uint64_t w)
{
    return (h ^ w) * 0x100000001b3ull;
}

static unsigned fpd_op_index(const char *name)
{
    for (unsigned i = 0; i < FPD_NOPS; i++) {
        if (strcmp(fpd_ops[i].name, name) == 0) {
            return i;
        }
    }
    return FPD_NOPS;
}

/*
 * Known answers first, so that the program fails on its own (status 1 and
 * the case on the console) when an operation is wrong on both emulators
 * alike, which no comparison of hashes would show.  Variants: 0 rne,
 * 2 rdn, 3 rup.  Flags: NV 0x10, NX 0x01.
 */
static int fpd_known_answers(void)
{
    static const struct {
        const char *op;
        unsigned variant;
        uint64_t a, b, value, flags;
    } cases[] = {
        { "fadd.d", 0, 0x3ff0000000000000ull, 0x4000000000000000ull, 0x4008000000000000ull, 0 },
        { "fdiv.d", 2, 0x3ff0000000000000ull, 0x4008000000000000ull, 0x3fd5555555555555ull, 1 },
        { "fdiv.d", 3, 0x3ff0000000000000ull, 0x4008000000000000ull, 0x3fd5555555555556ull, 1 },
        { "fsqrt.d", 0, 0xbff0000000000000ull, 0, 0x7ff8000000000000ull, 0x10 },
        /* An unboxed single reads as the canonical NaN: the sum is that NaN, boxed. */
        { "fadd.s", 0, 0x000000003f800000ull, 0xffffffff3f800000ull, 0xffffffff7fc00000ull, 0 },
    };
    int bad = 0;
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        unsigned op = fpd_op_index(cases[i].op);
        if (op == FPD_NOPS) {
            printf("known answer %u: no operation %s\n", i, cases[i].op);
            bad = 1;
            continue;
        }
        fpd_set_frm(0);
        FpdResult r = fpd_stubs[op][cases[i].variant](cases[i].a, cases[i].b, 0);
        if (r.value != cases[i].value || r.flags != cases[i].flags) {
            printf("known answer %u: %s/%u gives %016lx flags %02lx, not %016lx flags %02lx\n",
                   i, cases[i].op, cases[i].variant, (unsigned long)r.value,
                   (unsigned long)r.flags, (unsigned long)cases[i].value,
                   (unsigned long)cases[i].flags);
            bad = 1;
        }
    }
    return bad;
}

int main(void)
{
    csr_set(mstatus, 0x2000);       /* FS = Initial */
    if (fpd_known_answers()) {
        return 1;
    }
    fpd_state = fpd_params.seed * 0x9e3779b97f4a7c15ull + 1;
    if (!fpd_state) {
        fpd_state = 1;
    }
    uint64_t nfp = 0, nzb = 0, h = 0xcbf29ce484222325ull;
    uint64_t chunk = fpd_params.chunk ? fpd_params.chunk : 10000;
    unsigned first_zb = 0, ctzw_op = 0;
    while (fpd_ops[first_zb].shape < SHAPE_IRR) {
        first_zb++;
    }
    for (unsigned i = 0; i < FPD_NOPS; i++) {
        if (strcmp(fpd_ops[i].name, "ctzw") == 0) {
            ctzw_op = i;
        }
    }

    for (uint64_t i = 0; i < fpd_params.ops; i++) {
        /* Seven in eight operations are F/D ones. */
        unsigned op = below(8) ? (unsigned)below(first_zb)
                               : first_zb + (unsigned)below(FPD_NOPS - first_zb);
        unsigned shape = fpd_ops[op].shape, in = fpd_ops[op].in;
        unsigned variant = (unsigned)below(FPD_VARIANTS);
        uint64_t frm = below(8);
        if (fpd_has_rm(shape) && variant == 5) {
            frm = below(5);
        }
        uint64_t a = gen_operand(in, 0);
        uint64_t b = gen_operand(shape == SHAPE_ST ? IN_I : in, a);
        uint64_t c = gen_operand(in, below(2) ? a : b);
        /* QEMU 7.2 counts ctzw's zeros into the upper half: see fp-difftest.py. */
        if (op == ctzw_op && (a & 0xffffffff) == 0) {
            a = 0;
        }
        unsigned nargs = fpd_nargs(shape);
        if (nargs < 3) {
            c = 0;
        }
        if (nargs < 2) {
            b = 0;
        }
        fpd_set_frm(frm);
        FpdResult r = fpd_stubs[op][variant](a, b, c);
        if (shape >= SHAPE_IRR) {
            nzb++;
        } else {
            nfp++;
        }
        uint64_t k = i / chunk;
        if (k == fpd_params.verbose_chunk) {
            printf("%lu %s/%u frm=%lu %016lx %016lx %016lx -> %016lx %02lx\n",
                   (unsigned long)i, fpd_ops[op].name, variant, (unsigned long)frm,
                   (unsigned long)a, (unsigned long)b, (unsigned long)c,
                   (unsigned long)r.value, (unsigned long)r.flags);
        }
        h = fpd_mix(h, op | (variant << 8) | (frm << 12));
        h = fpd_mix(h, r.value);
        h = fpd_mix(h, r.flags);
        if ((i + 1) % chunk == 0 || i + 1 == fpd_params.ops) {
            printf("chunk %lu %016lx\n", (unsigned long)k, (unsigned long)h);
        }
    }
    printf("ops %lu fp %lu bitmanip %lu\n", (unsigned long)fpd_params.ops, (unsigned long)nfp,
           (unsigned long)nzb);
    return 0;
}
