/*
 * cpu/riscv/softfloat.c: the IEEE 754 binary32/binary64 operations of the
 * RISC-V F and D extensions, with exact results and exact fflags in all five
 * rounding modes (the API and its contract are in softfloat.h).
 *
 * Method: pure software integer arithmetic, no host FPU at all.  The host FPU
 * cannot serve the RISC-V semantics directly: x86 has no RMM, propagates NaN
 * payloads instead of returning the canonical NaN, saturates conversions
 * differently, and its flags live in MXCSR, which the rest of the emulator
 * (and the JIT) would have to save and restore around every operation.
 * Proving a fast path exact case by case would cost more than the integer
 * code saves; the integer code is one implementation for both formats, with
 * no hidden state, that can be checked against the host in the tests.
 *
 * Both formats share one implementation: a finite nonzero operand is unpacked
 * into sign, unbiased exponent and a 64-bit significand normalized so that
 * its leading one is bit 62 (value = sig * 2^(exp - 62)).  That leaves at
 * least 10 bits below the last kept bit of a binary64 significand for the
 * guard, round and sticky information, and bit 63 as headroom for a carry.
 * Each operation computes its result exactly, or truncated with every lost
 * bit ORed into bit 0 ("jamming"), and a single function rounds and packs it
 * into the destination format: there is one rounding per operation.
 */
#include "softfloat.h"

#include <assert.h>
#include <stddef.h>

__extension__ typedef unsigned __int128 u128;

/* Classes of an unpacked operand; the NaN classes sort last. */
enum { SF_ZERO, SF_FINITE, SF_INF, SF_QNAN, SF_SNAN };

typedef struct SfUnpacked {
    int cls;
    bool sign;
    int exp;          /* unbiased exponent of bit 62 of sig */
    uint64_t sig;     /* SF_FINITE: leading one at bit 62 */
} SfUnpacked;

/*
 * A format is described by its fraction width; the exponent width follows
 * (8 for 23, 11 for 52).  Every generic function below takes `frac` and is
 * forced inline into the f32_ and f64_ entry points, where `frac` is a
 * constant, so that the code is specialized per format (GCC does not inline
 * functions of this size on its own, and the unspecialized code runs at
 * half the speed).
 */
#define SF_INLINE static inline __attribute__((always_inline))

#define SF_F32 23
#define SF_F64 52
#define SF_EBITS(frac) ((frac) == SF_F32 ? 8 : 11)
#define SF_BIAS(frac) ((1 << (SF_EBITS(frac) - 1)) - 1)
#define SF_EMAX_FIELD(frac) ((1 << SF_EBITS(frac)) - 1)
#define SF_SIGN_BIT(frac) ((frac) + SF_EBITS(frac))
#define SF_FRAC_MASK(frac) ((UINT64_C(1) << (frac)) - 1)

SF_INLINE int sf_clz64(uint64_t x)
{
    return __builtin_clzll(x);
}

SF_INLINE int sf_clz128(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? sf_clz64(hi) : 64 + sf_clz64((uint64_t)x);
}

/* x >> n with every shifted-out one ORed into bit 0; any n >= 0. */
SF_INLINE uint64_t sf_shr_jam64(uint64_t x, int n)
{
    if (n == 0) {
        return x;
    }
    if (n >= 64) {
        return x != 0;
    }
    return (x >> n) | ((x << (64 - n)) != 0);
}

SF_INLINE u128 sf_shr_jam128(u128 x, int n)
{
    if (n == 0) {
        return x;
    }
    if (n >= 128) {
        return x != 0;
    }
    return (x >> n) | ((x << (128 - n)) != 0);
}

SF_INLINE uint64_t sf_default_nan(int frac)
{
    return (uint64_t)SF_EMAX_FIELD(frac) << frac | UINT64_C(1) << (frac - 1);
}

SF_INLINE uint64_t sf_inf(int frac, bool sign)
{
    return (uint64_t)sign << SF_SIGN_BIT(frac) |
           (uint64_t)SF_EMAX_FIELD(frac) << frac;
}

SF_INLINE uint64_t sf_zero(int frac, bool sign)
{
    return (uint64_t)sign << SF_SIGN_BIT(frac);
}

/* The sign of an exact zero sum of operands of opposite signs (IEEE 6.3). */
SF_INLINE bool sf_cancel_sign(const RiscvFloatStatus *st)
{
    return st->rm == RISCV_RM_RDN;
}

SF_INLINE SfUnpacked sf_unpack(uint64_t bits, int frac)
{
    SfUnpacked u;
    uint64_t e = (bits >> frac) & SF_EMAX_FIELD(frac);
    uint64_t f = bits & SF_FRAC_MASK(frac);

    u.sign = (bits >> SF_SIGN_BIT(frac)) & 1;
    u.exp = 0;
    u.sig = 0;
    if (e == (uint64_t)SF_EMAX_FIELD(frac)) {
        if (f == 0) {
            u.cls = SF_INF;
        } else {
            u.cls = (f >> (frac - 1)) & 1 ? SF_QNAN : SF_SNAN;
        }
    } else if (e == 0) {
        if (f == 0) {
            u.cls = SF_ZERO;
        } else {
            /* Subnormal: same scale as the smallest normal, then normalize. */
            int s = sf_clz64(f) - 1;
            u.cls = SF_FINITE;
            u.sig = f << s;
            u.exp = 1 - SF_BIAS(frac) - (s - (62 - frac));
        }
    } else {
        u.cls = SF_FINITE;
        u.sig = (f | UINT64_C(1) << frac) << (62 - frac);
        u.exp = (int)e - SF_BIAS(frac);
    }
    return u;
}

/*
 * sig >> sh rounded to an integer per rm (sig != 0, sh >= 1); *inexact tells
 * whether any one was shifted out.  The result may carry into one bit more.
 */
SF_INLINE uint64_t sf_round_shift(uint64_t sig, int sh, bool sign,
                                      unsigned rm, bool *inexact)
{
    uint64_t keep, rem, half;
    bool up;

    if (sh > 63) {
        /* Below half of the last place (sig < 2^63): a pure sticky. */
        sig = 1;
        sh = 63;
    }
    keep = sig >> sh;
    rem = sig & ((UINT64_C(1) << sh) - 1);
    half = UINT64_C(1) << (sh - 1);
    *inexact = rem != 0;
    switch (rm) {
    case RISCV_RM_RNE:
        up = rem > half || (rem == half && (keep & 1));
        break;
    case RISCV_RM_RTZ:
        up = false;
        break;
    case RISCV_RM_RDN:
        up = sign && rem != 0;
        break;
    case RISCV_RM_RUP:
        up = !sign && rem != 0;
        break;
    case RISCV_RM_RMM:
        up = rem >= half;
        break;
    default:
        assert(!"reserved rounding mode reached softfloat");
        up = false;
        break;
    }
    return keep + up;
}

/* The result of an overflow: infinity or the largest finite, per rm. */
SF_INLINE uint64_t sf_overflow(int frac, bool sign, unsigned rm)
{
    bool to_inf = rm == RISCV_RM_RNE || rm == RISCV_RM_RMM ||
                  (rm == RISCV_RM_RUP && !sign) ||
                  (rm == RISCV_RM_RDN && sign);
    if (to_inf) {
        return sf_inf(frac, sign);
    }
    return sf_inf(frac, sign) - 1;
}

/*
 * Round sign * sig * 2^(exp - 62) (sig's leading one at bit 62, every lost
 * bit jammed into bit 0) to the format with fraction width frac, raise
 * NX/UF/OF as the result requires, and return its encoding.
 */
SF_INLINE uint64_t sf_round_pack(bool sign, int exp, uint64_t sig,
                                     int frac, RiscvFloatStatus *st)
{
    const int shift = 62 - frac;    /* bits below the last kept one */
    int e = exp + SF_BIAS(frac);    /* biased exponent if it is normal */
    unsigned rm = st->rm;
    uint64_t keep;
    bool inexact;

    if (e >= 1) {
        keep = sf_round_shift(sig, shift, sign, rm, &inexact);
        /*
         * keep holds the hidden bit at bit frac; adding it to (e - 1) moves
         * the exponent to e, and a carry out of rounding (keep == 2^(frac+1))
         * moves it to e + 1 with a zero fraction, as it should.
         */
        if ((uint64_t)(e - 1) + (keep >> frac) >= (uint64_t)SF_EMAX_FIELD(frac)) {
            st->flags |= RISCV_FFLAG_OF | RISCV_FFLAG_NX;
            return sf_overflow(frac, sign, rm);
        }
        if (inexact) {
            st->flags |= RISCV_FFLAG_NX;
        }
        return ((uint64_t)sign << SF_SIGN_BIT(frac)) +
               ((uint64_t)(e - 1) << frac) + keep;
    }

    /*
     * Below the normal range before rounding.  Tininess is decided after
     * rounding: the value is tiny unless rounding it to the full precision,
     * with an unbounded exponent, reaches the smallest normal 2^emin.  Only
     * e == 0 (value in [2^(emin-1), 2^emin)) can get there.
     */
    bool tiny = true;
    if (e == 0) {
        bool ignored;
        uint64_t r = sf_round_shift(sig, shift, sign, rm, &ignored);
        tiny = (r >> (frac + 1)) == 0;
    }
    keep = sf_round_shift(sig, shift + 1 - e, sign, rm, &inexact);
    if (inexact) {
        st->flags |= RISCV_FFLAG_NX | (tiny ? RISCV_FFLAG_UF : 0);
    }
    /* A carry to 2^frac lands in the exponent field: the smallest normal. */
    return ((uint64_t)sign << SF_SIGN_BIT(frac)) + keep;
}

/* Pack a value whose 64-bit magnitude is exact or jammed (leading one anywhere). */
SF_INLINE uint64_t sf_normalize_round_pack(bool sign, int exp, uint64_t sig,
                                               int frac, RiscvFloatStatus *st)
{
    /* value = sig * 2^(exp - 62); move the leading one to bit 62 */
    int lead = 63 - sf_clz64(sig);
    if (lead > 62) {
        sig = sf_shr_jam64(sig, lead - 62);
    } else {
        sig <<= 62 - lead;
    }
    return sf_round_pack(sign, exp + (lead - 62), sig, frac, st);
}

/* A NaN result: canonical, with NV if an operand was signalling. */
SF_INLINE uint64_t sf_nan_result(int frac, const SfUnpacked *x,
                                     const SfUnpacked *y, RiscvFloatStatus *st)
{
    if (x->cls == SF_SNAN || (y && y->cls == SF_SNAN)) {
        st->flags |= RISCV_FFLAG_NV;
    }
    return sf_default_nan(frac);
}

SF_INLINE uint64_t sf_invalid(int frac, RiscvFloatStatus *st)
{
    st->flags |= RISCV_FFLAG_NV;
    return sf_default_nan(frac);
}

/* ---- add, sub ------------------------------------------------------------ */

SF_INLINE uint64_t sf_add(uint64_t a, uint64_t b, bool negate_b, int frac,
                              RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);
    SfUnpacked y = sf_unpack(b, frac);

    y.sign ^= negate_b;
    if (x.cls >= SF_QNAN || y.cls >= SF_QNAN) {
        return sf_nan_result(frac, &x, &y, st);
    }
    if (x.cls == SF_INF) {
        if (y.cls == SF_INF && x.sign != y.sign) {
            return sf_invalid(frac, st);
        }
        return sf_inf(frac, x.sign);
    }
    if (y.cls == SF_INF) {
        return sf_inf(frac, y.sign);
    }
    if (y.cls == SF_ZERO) {
        if (x.cls == SF_ZERO) {
            return sf_zero(frac, x.sign == y.sign ? x.sign : sf_cancel_sign(st));
        }
        return a;
    }
    if (x.cls == SF_ZERO) {
        return b ^ ((uint64_t)negate_b << SF_SIGN_BIT(frac));
    }

    /* Both finite nonzero: let x be the larger in magnitude. */
    if (x.exp < y.exp || (x.exp == y.exp && x.sig < y.sig)) {
        SfUnpacked t = x;
        x = y;
        y = t;
    }
    /*
     * Jamming the smaller operand is exact enough: bits are lost only when
     * the exponents differ by 2 or more, and then at most one leading bit
     * cancels, so the jammed bit stays far below the rounding position.
     */
    uint64_t ys = sf_shr_jam64(y.sig, x.exp - y.exp);
    uint64_t sig;
    int exp = x.exp;
    if (x.sign == y.sign) {
        sig = x.sig + ys;
        if (sig >> 63) {
            sig = (sig >> 1) | (sig & 1);
            exp++;
        }
    } else {
        sig = x.sig - ys;
        if (sig == 0) {
            return sf_zero(frac, sf_cancel_sign(st));
        }
        int s = sf_clz64(sig) - 1;
        sig <<= s;
        exp -= s;
    }
    return sf_round_pack(x.sign, exp, sig, frac, st);
}

/* ---- mul ------------------------------------------------------------------ */

SF_INLINE uint64_t sf_mul(uint64_t a, uint64_t b, int frac,
                              RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);
    SfUnpacked y = sf_unpack(b, frac);
    bool sign = x.sign ^ y.sign;

    if (x.cls >= SF_QNAN || y.cls >= SF_QNAN) {
        return sf_nan_result(frac, &x, &y, st);
    }
    if (x.cls == SF_INF || y.cls == SF_INF) {
        if (x.cls == SF_ZERO || y.cls == SF_ZERO) {
            return sf_invalid(frac, st);
        }
        return sf_inf(frac, sign);
    }
    if (x.cls == SF_ZERO || y.cls == SF_ZERO) {
        return sf_zero(frac, sign);
    }

    /* Product of two [2^62, 2^63) significands: [2^124, 2^126). */
    u128 p = (u128)x.sig * y.sig;
    int exp = x.exp + y.exp;
    int sh = 62;
    if (p >> 125) {
        sh = 63;
        exp++;
    }
    uint64_t sig = (uint64_t)(p >> sh) |
                   ((p & (((u128)1 << sh) - 1)) != 0);
    return sf_round_pack(sign, exp, sig, frac, st);
}

/* ---- div ------------------------------------------------------------------ */

/* (hi:lo) / d with hi < d, so that the quotient fits in 64 bits. */
SF_INLINE uint64_t sf_div128by64(uint64_t hi, uint64_t lo, uint64_t d,
                                     uint64_t *rem)
{
#if defined(__x86_64__)
    uint64_t q, r;
    __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d));
    *rem = r;
    return q;
#else
    u128 n = (u128)hi << 64 | lo;
    *rem = (uint64_t)(n % d);
    return (uint64_t)(n / d);
#endif
}

SF_INLINE uint64_t sf_div(uint64_t a, uint64_t b, int frac,
                              RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);
    SfUnpacked y = sf_unpack(b, frac);
    bool sign = x.sign ^ y.sign;

    if (x.cls >= SF_QNAN || y.cls >= SF_QNAN) {
        return sf_nan_result(frac, &x, &y, st);
    }
    if (x.cls == SF_INF) {
        if (y.cls == SF_INF) {
            return sf_invalid(frac, st);
        }
        return sf_inf(frac, sign);
    }
    if (y.cls == SF_INF) {
        return sf_zero(frac, sign);
    }
    if (y.cls == SF_ZERO) {
        if (x.cls == SF_ZERO) {
            return sf_invalid(frac, st);
        }
        st->flags |= RISCV_FFLAG_DZ;
        return sf_inf(frac, sign);
    }
    if (x.cls == SF_ZERO) {
        return sf_zero(frac, sign);
    }

    /*
     * q = x.sig * 2^63 / y.sig lies in (2^62, 2^64): at least 62 exact bits;
     * a nonzero remainder becomes the sticky bit.
     */
    uint64_t rem;
    uint64_t q = sf_div128by64(x.sig >> 1, x.sig << 63, y.sig, &rem);
    int exp = x.exp - y.exp - 1;
    q |= rem != 0;
    if (q >> 63) {
        q = (q >> 1) | (q & 1);
        exp++;
    }
    return sf_round_pack(sign, exp, q, frac, st);
}

/* ---- sqrt ----------------------------------------------------------------- */

/*
 * The integer square root of N = m * 2^(2q - 64), q bits long, by the
 * schoolbook digit recurrence: one root bit per step from two radicand bits,
 * m's bits first (from the top), then zeros.  The partial remainder stays
 * below 2^(q+2), so 64-bit arithmetic suffices for q <= 61, and the step is
 * branchless because its outcome is a coin toss for a predictor.  When
 * 2q < 64 the bits of m that would be dropped are zero (m comes from a
 * narrower significand), so nothing is lost.  *inexact: N is not a square.
 */
SF_INLINE uint64_t sf_isqrt(uint64_t m, int q, bool *inexact)
{
    uint64_t root = 0, rem = 0;
    int from_m = q < 32 ? q : 32;

    for (int i = 0; i < q; i++) {
        uint64_t two = i < from_m ? (m >> (62 - 2 * i)) & 3 : 0;
        rem = (rem << 2) | two;
        uint64_t trial = (root << 2) | 1;
        uint64_t take = -(uint64_t)(rem >= trial);
        rem -= trial & take;
        root = (root << 1) | (take & 1);
    }
    *inexact = rem != 0;
    return root;
}

SF_INLINE uint64_t sf_sqrt(uint64_t a, int frac, RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);

    if (x.cls >= SF_QNAN) {
        return sf_nan_result(frac, &x, NULL, st);
    }
    if (x.cls == SF_ZERO) {
        return a;   /* sqrt(-0) = -0 */
    }
    if (x.sign) {
        return sf_invalid(frac, st);
    }
    if (x.cls == SF_INF) {
        return a;
    }

    /*
     * value = m * 2^e2 with e2 even and m in [2^62, 2^64).  The root needs
     * q = frac + 3 bits (hidden bit, fraction, guard, round) plus a sticky
     * bit, so take the integer root of N = m * 2^(2q - 64), which is exact
     * because m's low bits are zero; then root in [2^(q-1), 2^q) and
     * sqrt(value) = root * 2^(32 - q + e2/2).
     */
    uint64_t m = x.sig;
    int e2 = x.exp - 62;
    if (e2 & 1) {
        m <<= 1;
        e2--;
    }
    const int q = frac + 3;
    bool sticky;
    uint64_t root = sf_isqrt(m, q, &sticky);
    /* Leading one of root at bit q - 1: move it to bit 62. */
    uint64_t sig = (root << (62 - (q - 1))) | sticky;
    return sf_round_pack(false, 31 + e2 / 2, sig, frac, st);
}

/* ---- fused multiply-add --------------------------------------------------- */

SF_INLINE uint64_t sf_muladd(uint64_t a, uint64_t b, uint64_t c,
                                 bool negate_product, bool negate_addend,
                                 int frac, RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);
    SfUnpacked y = sf_unpack(b, frac);
    SfUnpacked z = sf_unpack(c, frac);
    bool psign = x.sign ^ y.sign ^ negate_product;
    bool inf_times_zero = (x.cls == SF_INF && y.cls == SF_ZERO) ||
                          (x.cls == SF_ZERO && y.cls == SF_INF);

    z.sign ^= negate_addend;
    if (x.cls >= SF_QNAN || y.cls >= SF_QNAN || z.cls >= SF_QNAN) {
        /* RISC-V: inf * 0 is invalid even when the addend is a quiet NaN. */
        if (inf_times_zero || x.cls == SF_SNAN || y.cls == SF_SNAN ||
            z.cls == SF_SNAN) {
            st->flags |= RISCV_FFLAG_NV;
        }
        return sf_default_nan(frac);
    }
    if (inf_times_zero) {
        return sf_invalid(frac, st);
    }
    if (x.cls == SF_INF || y.cls == SF_INF) {
        if (z.cls == SF_INF && z.sign != psign) {
            return sf_invalid(frac, st);
        }
        return sf_inf(frac, psign);
    }
    if (z.cls == SF_INF) {
        return sf_inf(frac, z.sign);
    }
    if (x.cls == SF_ZERO || y.cls == SF_ZERO) {
        if (z.cls == SF_ZERO) {
            return sf_zero(frac, psign == z.sign ? psign : sf_cancel_sign(st));
        }
        return c ^ ((uint64_t)negate_addend << SF_SIGN_BIT(frac));
    }

    /*
     * The exact product, in a 128-bit frame with its leading one at bit 125:
     * value = pm * 2^(pe - 125).
     */
    u128 pm = (u128)x.sig * y.sig;
    int pe = x.exp + y.exp;
    if (pm >> 125) {
        pe++;
    } else {
        pm <<= 1;
    }
    if (z.cls == SF_ZERO) {
        uint64_t sig = (uint64_t)(pm >> 63) | ((uint64_t)pm << 1 != 0);
        return sf_round_pack(psign, pe, sig, frac, st);
    }

    /*
     * The addend in the same frame.  Aligning jams the smaller term; as for
     * add, bits are lost only when the leading ones are 2 or more apart, and
     * then at most one bit cancels, with the sticky bit at bit 0, far below
     * the rounding position (bit 73 or lower for binary64).
     */
    u128 zm = (u128)z.sig << 63;
    int ze = z.exp;
    bool big_sign = psign, small_sign = z.sign;
    u128 big = pm, small = zm;
    int big_e = pe, small_e = ze;
    if (ze > pe || (ze == pe && zm > pm)) {
        big = zm;
        small = pm;
        big_e = ze;
        small_e = pe;
        big_sign = z.sign;
        small_sign = psign;
    }
    int d = big_e - small_e;
    small = d >= 128 ? small != 0 : sf_shr_jam128(small, d);
    u128 r;
    if (big_sign == small_sign) {
        r = big + small;   /* below 2^127: no overflow */
    } else {
        r = big - small;
        if (r == 0) {
            return sf_zero(frac, sf_cancel_sign(st));
        }
    }
    /* value = r * 2^(big_e - 125); bring the leading one to bit 62. */
    int lead = 127 - sf_clz128(r);
    uint64_t sig;
    if (lead >= 62) {
        sig = (uint64_t)sf_shr_jam128(r, lead - 62);
    } else {
        sig = (uint64_t)r << (62 - lead);
    }
    return sf_round_pack(big_sign, big_e - 125 + lead, sig, frac, st);
}

/* ---- min, max, compare, classify ----------------------------------------- */

/* a < b for two non-NaN encodings, with -0 < +0 (a total order on them). */
SF_INLINE bool sf_order_lt(uint64_t a, uint64_t b, int frac)
{
    bool sa = (a >> SF_SIGN_BIT(frac)) & 1;
    bool sb = (b >> SF_SIGN_BIT(frac)) & 1;
    uint64_t ma = a & ~(UINT64_C(1) << SF_SIGN_BIT(frac));
    uint64_t mb = b & ~(UINT64_C(1) << SF_SIGN_BIT(frac));

    if (sa != sb) {
        return sa;
    }
    return sa ? ma > mb : ma < mb;
}

SF_INLINE bool sf_is_nan(const SfUnpacked *u)
{
    return u->cls >= SF_QNAN;
}

SF_INLINE uint64_t sf_minmax(uint64_t a, uint64_t b, bool want_max,
                                 int frac, RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);
    SfUnpacked y = sf_unpack(b, frac);

    if (x.cls == SF_SNAN || y.cls == SF_SNAN) {
        st->flags |= RISCV_FFLAG_NV;
    }
    if (sf_is_nan(&x)) {
        return sf_is_nan(&y) ? sf_default_nan(frac) : b;
    }
    if (sf_is_nan(&y)) {
        return a;
    }
    return sf_order_lt(a, b, frac) != want_max ? a : b;
}

SF_INLINE bool sf_both_zero(uint64_t a, uint64_t b, int frac)
{
    uint64_t mag = ~(UINT64_C(1) << SF_SIGN_BIT(frac));
    return ((a | b) & mag) == 0;
}

SF_INLINE int sf_eq(uint64_t a, uint64_t b, int frac, RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);
    SfUnpacked y = sf_unpack(b, frac);

    if (sf_is_nan(&x) || sf_is_nan(&y)) {
        if (x.cls == SF_SNAN || y.cls == SF_SNAN) {
            st->flags |= RISCV_FFLAG_NV;
        }
        return 0;
    }
    return a == b || sf_both_zero(a, b, frac);
}

SF_INLINE int sf_lt(uint64_t a, uint64_t b, bool or_equal, int frac,
                        RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);
    SfUnpacked y = sf_unpack(b, frac);

    if (sf_is_nan(&x) || sf_is_nan(&y)) {
        st->flags |= RISCV_FFLAG_NV;
        return 0;
    }
    if (sf_both_zero(a, b, frac)) {
        return or_equal;
    }
    return sf_order_lt(a, b, frac) || (or_equal && a == b);
}

SF_INLINE unsigned sf_classify(uint64_t a, int frac)
{
    SfUnpacked x = sf_unpack(a, frac);
    bool subnormal = ((a >> frac) & SF_EMAX_FIELD(frac)) == 0;

    switch (x.cls) {
    case SF_SNAN:
        return RISCV_FCLASS_SNAN;
    case SF_QNAN:
        return RISCV_FCLASS_QNAN;
    case SF_INF:
        return x.sign ? RISCV_FCLASS_NEG_INF : RISCV_FCLASS_POS_INF;
    case SF_ZERO:
        return x.sign ? RISCV_FCLASS_NEG_ZERO : RISCV_FCLASS_POS_ZERO;
    default:
        if (subnormal) {
            return x.sign ? RISCV_FCLASS_NEG_SUBNORMAL
                          : RISCV_FCLASS_POS_SUBNORMAL;
        }
        return x.sign ? RISCV_FCLASS_NEG_NORMAL : RISCV_FCLASS_POS_NORMAL;
    }
}

/* ---- conversions ---------------------------------------------------------- */

/* Re-round an operand of format from_frac into format to_frac. */
SF_INLINE uint64_t sf_convert(uint64_t a, int from_frac, int to_frac,
                                  RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, from_frac);

    switch (x.cls) {
    case SF_QNAN:
    case SF_SNAN:
        return sf_nan_result(to_frac, &x, NULL, st);
    case SF_INF:
        return sf_inf(to_frac, x.sign);
    case SF_ZERO:
        return sf_zero(to_frac, x.sign);
    default:
        return sf_round_pack(x.sign, x.exp, x.sig, to_frac, st);
    }
}

/*
 * Float -> integer with RISC-V saturation.  The integer range is
 * [-neg_max, pos_max] as magnitudes (neg_max = 0 for unsigned types); the
 * result is returned as a two's complement bit pattern.
 */
SF_INLINE uint64_t sf_to_int(uint64_t a, int frac, uint64_t pos_max,
                                 uint64_t neg_max, RiscvFloatStatus *st)
{
    SfUnpacked x = sf_unpack(a, frac);
    uint64_t mag;
    bool inexact = false;

    switch (x.cls) {
    case SF_QNAN:
    case SF_SNAN:
        st->flags |= RISCV_FFLAG_NV;
        return pos_max;
    case SF_INF:
        st->flags |= RISCV_FFLAG_NV;
        return x.sign ? -neg_max : pos_max;
    case SF_ZERO:
        return 0;
    default:
        break;
    }
    if (x.exp >= 64) {
        /* |value| >= 2^64: beyond every range. */
        st->flags |= RISCV_FFLAG_NV;
        return x.sign ? -neg_max : pos_max;
    }
    if (x.exp >= 62) {
        mag = x.sig << (x.exp - 62);      /* integral, exact */
    } else {
        mag = sf_round_shift(x.sig, 62 - x.exp, x.sign, st->rm, &inexact);
    }
    if (mag > (x.sign ? neg_max : pos_max)) {
        st->flags |= RISCV_FFLAG_NV;
        return x.sign ? -neg_max : pos_max;
    }
    if (inexact) {
        st->flags |= RISCV_FFLAG_NX;
    }
    return x.sign ? -mag : mag;
}

/* Integer (sign, magnitude) -> float, rounded. */
SF_INLINE uint64_t sf_from_int(bool sign, uint64_t mag, int frac,
                                   RiscvFloatStatus *st)
{
    if (mag == 0) {
        return sf_zero(frac, false);
    }
    return sf_normalize_round_pack(sign, 62, mag, frac, st);
}

/* ---- the public entry points ---------------------------------------------- */

uint32_t f32_add(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return (uint32_t)sf_add(a, b, false, SF_F32, status);
}

uint32_t f32_sub(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return (uint32_t)sf_add(a, b, true, SF_F32, status);
}

uint32_t f32_mul(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return (uint32_t)sf_mul(a, b, SF_F32, status);
}

uint32_t f32_div(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return (uint32_t)sf_div(a, b, SF_F32, status);
}

uint32_t f32_sqrt(uint32_t a, RiscvFloatStatus *status)
{
    return (uint32_t)sf_sqrt(a, SF_F32, status);
}

uint32_t f32_muladd(uint32_t a, uint32_t b, uint32_t c, bool negate_product,
                    bool negate_addend, RiscvFloatStatus *status)
{
    return (uint32_t)sf_muladd(a, b, c, negate_product, negate_addend,
                               SF_F32, status);
}

uint64_t f64_add(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_add(a, b, false, SF_F64, status);
}

uint64_t f64_sub(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_add(a, b, true, SF_F64, status);
}

uint64_t f64_mul(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_mul(a, b, SF_F64, status);
}

uint64_t f64_div(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_div(a, b, SF_F64, status);
}

uint64_t f64_sqrt(uint64_t a, RiscvFloatStatus *status)
{
    return sf_sqrt(a, SF_F64, status);
}

uint64_t f64_muladd(uint64_t a, uint64_t b, uint64_t c, bool negate_product,
                    bool negate_addend, RiscvFloatStatus *status)
{
    return sf_muladd(a, b, c, negate_product, negate_addend, SF_F64, status);
}

uint32_t f32_min(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return (uint32_t)sf_minmax(a, b, false, SF_F32, status);
}

uint32_t f32_max(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return (uint32_t)sf_minmax(a, b, true, SF_F32, status);
}

uint64_t f64_min(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_minmax(a, b, false, SF_F64, status);
}

uint64_t f64_max(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_minmax(a, b, true, SF_F64, status);
}

int f32_eq(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return sf_eq(a, b, SF_F32, status);
}

int f32_lt(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return sf_lt(a, b, false, SF_F32, status);
}

int f32_le(uint32_t a, uint32_t b, RiscvFloatStatus *status)
{
    return sf_lt(a, b, true, SF_F32, status);
}

int f64_eq(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_eq(a, b, SF_F64, status);
}

int f64_lt(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_lt(a, b, false, SF_F64, status);
}

int f64_le(uint64_t a, uint64_t b, RiscvFloatStatus *status)
{
    return sf_lt(a, b, true, SF_F64, status);
}

unsigned f32_classify(uint32_t a)
{
    return sf_classify(a, SF_F32);
}

unsigned f64_classify(uint64_t a)
{
    return sf_classify(a, SF_F64);
}

uint64_t f32_to_f64(uint32_t a, RiscvFloatStatus *status)
{
    return sf_convert(a, SF_F32, SF_F64, status);
}

uint32_t f64_to_f32(uint64_t a, RiscvFloatStatus *status)
{
    return (uint32_t)sf_convert(a, SF_F64, SF_F32, status);
}

#define SF_I32_MAX UINT64_C(0x7fffffff)
#define SF_I32_NEG UINT64_C(0x80000000)
#define SF_U32_MAX UINT64_C(0xffffffff)
#define SF_I64_MAX UINT64_C(0x7fffffffffffffff)
#define SF_I64_NEG UINT64_C(0x8000000000000000)
#define SF_U64_MAX UINT64_MAX

int32_t f32_to_i32(uint32_t a, RiscvFloatStatus *status)
{
    return (int32_t)(uint32_t)sf_to_int(a, SF_F32, SF_I32_MAX, SF_I32_NEG, status);
}

uint32_t f32_to_u32(uint32_t a, RiscvFloatStatus *status)
{
    return (uint32_t)sf_to_int(a, SF_F32, SF_U32_MAX, 0, status);
}

int64_t f32_to_i64(uint32_t a, RiscvFloatStatus *status)
{
    return (int64_t)sf_to_int(a, SF_F32, SF_I64_MAX, SF_I64_NEG, status);
}

uint64_t f32_to_u64(uint32_t a, RiscvFloatStatus *status)
{
    return sf_to_int(a, SF_F32, SF_U64_MAX, 0, status);
}

int32_t f64_to_i32(uint64_t a, RiscvFloatStatus *status)
{
    return (int32_t)(uint32_t)sf_to_int(a, SF_F64, SF_I32_MAX, SF_I32_NEG, status);
}

uint32_t f64_to_u32(uint64_t a, RiscvFloatStatus *status)
{
    return (uint32_t)sf_to_int(a, SF_F64, SF_U32_MAX, 0, status);
}

int64_t f64_to_i64(uint64_t a, RiscvFloatStatus *status)
{
    return (int64_t)sf_to_int(a, SF_F64, SF_I64_MAX, SF_I64_NEG, status);
}

uint64_t f64_to_u64(uint64_t a, RiscvFloatStatus *status)
{
    return sf_to_int(a, SF_F64, SF_U64_MAX, 0, status);
}

/* The magnitude of a signed integer, without overflow for the minimum. */
SF_INLINE uint64_t sf_abs64(int64_t a)
{
    return a < 0 ? -(uint64_t)a : (uint64_t)a;
}

uint32_t i32_to_f32(int32_t a, RiscvFloatStatus *status)
{
    return (uint32_t)sf_from_int(a < 0, sf_abs64(a), SF_F32, status);
}

uint32_t u32_to_f32(uint32_t a, RiscvFloatStatus *status)
{
    return (uint32_t)sf_from_int(false, a, SF_F32, status);
}

uint32_t i64_to_f32(int64_t a, RiscvFloatStatus *status)
{
    return (uint32_t)sf_from_int(a < 0, sf_abs64(a), SF_F32, status);
}

uint32_t u64_to_f32(uint64_t a, RiscvFloatStatus *status)
{
    return (uint32_t)sf_from_int(false, a, SF_F32, status);
}

uint64_t i32_to_f64(int32_t a, RiscvFloatStatus *status)
{
    return sf_from_int(a < 0, sf_abs64(a), SF_F64, status);
}

uint64_t u32_to_f64(uint32_t a, RiscvFloatStatus *status)
{
    return sf_from_int(false, a, SF_F64, status);
}

uint64_t i64_to_f64(int64_t a, RiscvFloatStatus *status)
{
    return sf_from_int(a < 0, sf_abs64(a), SF_F64, status);
}

uint64_t u64_to_f64(uint64_t a, RiscvFloatStatus *status)
{
    return sf_from_int(false, a, SF_F64, status);
}
