/*
 * cpu/riscv/softfloat.h: IEEE 754-2019 binary32/binary64 arithmetic with the
 * semantics of the RISC-V F and D extensions (cpu/riscv/softfloat.c).  Every
 * operation returns the exactly rounded result and ORs the exception flags it
 * raises into a RiscvFloatStatus, bit-compatible with the fflags CSR.
 *
 * Values travel as raw bit patterns (uint32_t for binary32, uint64_t for
 * binary64); the library never looks at host floating-point state.
 *
 * What the library does, per the RISC-V unprivileged spec:
 *  - every NaN result is the canonical NaN (RISCV_F32_DEFAULT_NAN,
 *    RISCV_F64_DEFAULT_NAN); input NaN payloads are never propagated;
 *  - tininess is detected after rounding; UF is raised only when the result
 *    is both tiny and inexact;
 *  - the fused multiply-add raises NV for inf * 0 even when the addend is a
 *    quiet NaN;
 *  - min/max follow minimumNumber/maximumNumber: -0 < +0, a single NaN
 *    operand yields the other operand, two NaNs yield the canonical NaN, a
 *    signalling NaN operand raises NV in every case;
 *  - float -> integer conversions saturate: NaN and +overflow give the
 *    largest value, -overflow the smallest, with NV and without NX.
 *
 * What the caller does:
 *  - resolves the dynamic rounding mode (7) from frm and raises the
 *    illegal-instruction exception for the reserved modes 5 and 6 (and for
 *    frm holding one of 5..7) before calling: status->rm must be 0..4;
 *  - NaN-boxing: unboxing a binary32 operand from a 64-bit register (an
 *    improperly boxed value reads as RISCV_F32_DEFAULT_NAN) and boxing the
 *    result (upper 32 bits all ones);
 *  - sign-extending the 32-bit integer results of fcvt.w.* and fcvt.wu.*
 *    (both) to XLEN;
 *  - sign injection (fsgnj*), fmv and loads/stores, which are bit moves.
 *
 * All functions are pure apart from the flags they OR into *status, so they
 * are reentrant and need no locking.
 */
#ifndef RISCV_SOFTFLOAT_H
#define RISCV_SOFTFLOAT_H

#include <stdbool.h>
#include <stdint.h>

/* Rounding modes, as encoded in the rm field and in frm. */
enum {
    RISCV_RM_RNE = 0,   /* to nearest, ties to even */
    RISCV_RM_RTZ = 1,   /* towards zero */
    RISCV_RM_RDN = 2,   /* down, towards -inf */
    RISCV_RM_RUP = 3,   /* up, towards +inf */
    RISCV_RM_RMM = 4,   /* to nearest, ties to max magnitude */
    RISCV_RM_DYN = 7,   /* instruction field only: use frm (caller resolves) */
};

/* Accrued exception flags, as laid out in fflags. */
enum {
    RISCV_FFLAG_NX = 1u << 0,   /* inexact */
    RISCV_FFLAG_UF = 1u << 1,   /* underflow */
    RISCV_FFLAG_OF = 1u << 2,   /* overflow */
    RISCV_FFLAG_DZ = 1u << 3,   /* divide by zero */
    RISCV_FFLAG_NV = 1u << 4,   /* invalid operation */
};

/* fclass result bits (exactly one is set). */
enum {
    RISCV_FCLASS_NEG_INF = 1u << 0,
    RISCV_FCLASS_NEG_NORMAL = 1u << 1,
    RISCV_FCLASS_NEG_SUBNORMAL = 1u << 2,
    RISCV_FCLASS_NEG_ZERO = 1u << 3,
    RISCV_FCLASS_POS_ZERO = 1u << 4,
    RISCV_FCLASS_POS_SUBNORMAL = 1u << 5,
    RISCV_FCLASS_POS_NORMAL = 1u << 6,
    RISCV_FCLASS_POS_INF = 1u << 7,
    RISCV_FCLASS_SNAN = 1u << 8,
    RISCV_FCLASS_QNAN = 1u << 9,
};

#define RISCV_F32_DEFAULT_NAN UINT32_C(0x7fc00000)
#define RISCV_F64_DEFAULT_NAN UINT64_C(0x7ff8000000000000)

/*
 * rm: rounding mode for the operation, 0..4 only (see above).
 * flags: accrued RISCV_FFLAG_* bits; operations only ever OR bits in, so the
 * caller clears it (or starts from fflags) and merges it back into fflags.
 */
typedef struct RiscvFloatStatus {
    uint8_t rm;
    uint8_t flags;
} RiscvFloatStatus;

/*
 * Arithmetic, one rounding each.  muladd computes
 *     (negate_product ? -(a * b) : a * b) + (negate_addend ? -c : c)
 * exactly, then rounds once:
 *     fmadd  = muladd(a, b, c, false, false)
 *     fmsub  = muladd(a, b, c, false, true)
 *     fnmsub = muladd(a, b, c, true,  false)
 *     fnmadd = muladd(a, b, c, true,  true)
 * An exact zero sum is +0 except in RDN (-0), unless both terms are zeros of
 * the same sign, as for add.
 */
uint32_t f32_add(uint32_t a, uint32_t b, RiscvFloatStatus *status);
uint32_t f32_sub(uint32_t a, uint32_t b, RiscvFloatStatus *status);
uint32_t f32_mul(uint32_t a, uint32_t b, RiscvFloatStatus *status);
uint32_t f32_div(uint32_t a, uint32_t b, RiscvFloatStatus *status);
uint32_t f32_sqrt(uint32_t a, RiscvFloatStatus *status);
uint32_t f32_muladd(uint32_t a, uint32_t b, uint32_t c, bool negate_product,
                    bool negate_addend, RiscvFloatStatus *status);

uint64_t f64_add(uint64_t a, uint64_t b, RiscvFloatStatus *status);
uint64_t f64_sub(uint64_t a, uint64_t b, RiscvFloatStatus *status);
uint64_t f64_mul(uint64_t a, uint64_t b, RiscvFloatStatus *status);
uint64_t f64_div(uint64_t a, uint64_t b, RiscvFloatStatus *status);
uint64_t f64_sqrt(uint64_t a, RiscvFloatStatus *status);
uint64_t f64_muladd(uint64_t a, uint64_t b, uint64_t c, bool negate_product,
                    bool negate_addend, RiscvFloatStatus *status);

/* fmin/fmax (minimumNumber/maximumNumber, see above).  Never round. */
uint32_t f32_min(uint32_t a, uint32_t b, RiscvFloatStatus *status);
uint32_t f32_max(uint32_t a, uint32_t b, RiscvFloatStatus *status);
uint64_t f64_min(uint64_t a, uint64_t b, RiscvFloatStatus *status);
uint64_t f64_max(uint64_t a, uint64_t b, RiscvFloatStatus *status);

/*
 * Comparisons return 1 or 0 (0 when either operand is a NaN).  eq is quiet
 * (NV only for a signalling NaN); lt and le are signalling (NV for any NaN).
 * +0 and -0 compare equal.
 */
int f32_eq(uint32_t a, uint32_t b, RiscvFloatStatus *status);
int f32_lt(uint32_t a, uint32_t b, RiscvFloatStatus *status);
int f32_le(uint32_t a, uint32_t b, RiscvFloatStatus *status);
int f64_eq(uint64_t a, uint64_t b, RiscvFloatStatus *status);
int f64_lt(uint64_t a, uint64_t b, RiscvFloatStatus *status);
int f64_le(uint64_t a, uint64_t b, RiscvFloatStatus *status);

/* fclass: one RISCV_FCLASS_* bit.  Raises nothing. */
unsigned f32_classify(uint32_t a);
unsigned f64_classify(uint64_t a);

/* Between formats.  f32 -> f64 is exact; f64 -> f32 rounds per status->rm. */
uint64_t f32_to_f64(uint32_t a, RiscvFloatStatus *status);
uint32_t f64_to_f32(uint64_t a, RiscvFloatStatus *status);

/*
 * Float -> integer (fcvt.{w,wu,l,lu}.{s,d}), rounded per status->rm.  A NaN
 * gives the largest value of the type; a rounded result out of range gives
 * the nearest end of the range (0 for a negative value into an unsigned
 * type); both raise NV only.  A representable inexact result raises NX.
 */
int32_t f32_to_i32(uint32_t a, RiscvFloatStatus *status);
uint32_t f32_to_u32(uint32_t a, RiscvFloatStatus *status);
int64_t f32_to_i64(uint32_t a, RiscvFloatStatus *status);
uint64_t f32_to_u64(uint32_t a, RiscvFloatStatus *status);
int32_t f64_to_i32(uint64_t a, RiscvFloatStatus *status);
uint32_t f64_to_u32(uint64_t a, RiscvFloatStatus *status);
int64_t f64_to_i64(uint64_t a, RiscvFloatStatus *status);
uint64_t f64_to_u64(uint64_t a, RiscvFloatStatus *status);

/* Integer -> float (fcvt.{s,d}.{w,wu,l,lu}), rounded per status->rm (NX). */
uint32_t i32_to_f32(int32_t a, RiscvFloatStatus *status);
uint32_t u32_to_f32(uint32_t a, RiscvFloatStatus *status);
uint32_t i64_to_f32(int64_t a, RiscvFloatStatus *status);
uint32_t u64_to_f32(uint64_t a, RiscvFloatStatus *status);
uint64_t i32_to_f64(int32_t a, RiscvFloatStatus *status);
uint64_t u32_to_f64(uint32_t a, RiscvFloatStatus *status);
uint64_t i64_to_f64(int64_t a, RiscvFloatStatus *status);
uint64_t u64_to_f64(uint64_t a, RiscvFloatStatus *status);

#endif /* RISCV_SOFTFLOAT_H */
