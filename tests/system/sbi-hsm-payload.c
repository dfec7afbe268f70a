/*
 * tests/system/sbi-hsm-payload.c: an S-mode payload for OpenSBI's fw_jump
 * (linked at 0x80200000, where fw_jump jumps) that exercises SBI hart state
 * management on a board with several harts, for test-boot-uboot.py.
 *
 * The boot hart starts every other hart id from 0 to HSM_MAX_HARTS-1 with
 * sbi_hart_start; the ids the firmware refuses as invalid do not exist.
 * Each started hart records the opaque value it was given, checks the state
 * the SBI specification promises it (satp = 0, sstatus.SIE = 0, a0 = its
 * id), checks in, and stops itself with sbi_hart_stop.  The boot hart waits
 * for every hart to check in and to reach STOPPED, then does it all again:
 * a stopped hart waits in the firmware for an IPI (the CLINT's msip), so
 * the second round proves that a parked hart wakes up.  It prints one line
 * per step through the legacy console and ends with SBI system reset
 * (shutdown: exit status 0).  Any failure prints "hsm: FAIL ..." and ends
 * through the SiFive test finisher with a non-zero status.
 *
 * Built by the test with: $RISCV_CC -march=rv64imac_zicsr -mabi=lp64
 * -mcmodel=medany -ffreestanding -nostdlib -O2 -T <script placing .text.start
 * at 0x80200000>.
 */
#include <stdint.h>

#define HSM_MAX_HARTS 8
#define HSM_ROUNDS 2
#define HSM_STACK_SHIFT 12
#define HSM_STACK_SIZE (1 << HSM_STACK_SHIFT)
#define HSM_STR2(x) #x
#define HSM_STR(x) HSM_STR2(x)
/* How long the boot hart waits for the others (time CSR ticks: 10 MHz). */
#define HSM_WAIT_TICKS (20ull * 10000000ull)

#define SBI_EXT_LEGACY_PUTCHAR 0x01
#define SBI_EXT_HSM 0x48534d
#define SBI_EXT_SRST 0x53525354
#define SBI_HSM_HART_START 0
#define SBI_HSM_HART_STOP 1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_STARTED 0
#define SBI_HSM_STOPPED 1
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_ERR_ALREADY_AVAILABLE (-6)

#define SIFIVE_TEST ((volatile uint32_t *)0x100000)
#define SIFIVE_TEST_FAIL 0x3333

#define SSTATUS_SIE 0x2

unsigned char hsm_stacks[HSM_MAX_HARTS][HSM_STACK_SIZE] __attribute__((aligned(16)));
static volatile unsigned long hsm_checkins[HSM_MAX_HARTS];
static volatile unsigned long hsm_opaque_seen[HSM_MAX_HARTS];
static volatile unsigned long hsm_bad_state[HSM_MAX_HARTS];

void hsm_boot_main(unsigned long hartid);
void hsm_secondary_main(unsigned long hartid, unsigned long opaque);
void hsm_secondary_start(void);

/*
 * Entries: each hart takes the stack of its id (the boot hart's a0 and a
 * started hart's a0 are both the hart id).  An id out of range spins.
 */
__asm__(
    ".section .text.start, \"ax\"\n"
    ".globl _start\n"
    "_start:\n"
    "    li t0, " HSM_STR(HSM_MAX_HARTS) "\n"
    "1:  bgeu a0, t0, 1b\n"
    "    la sp, hsm_stacks\n"
    "    addi t1, a0, 1\n"
    "    slli t1, t1, " HSM_STR(HSM_STACK_SHIFT) "\n"
    "    add sp, sp, t1\n"
    "    j hsm_boot_main\n"
    ".globl hsm_secondary_start\n"
    "hsm_secondary_start:\n"
    "    li t0, " HSM_STR(HSM_MAX_HARTS) "\n"
    "1:  bgeu a0, t0, 1b\n"
    "    la sp, hsm_stacks\n"
    "    addi t1, a0, 1\n"
    "    slli t1, t1, " HSM_STR(HSM_STACK_SHIFT) "\n"
    "    add sp, sp, t1\n"
    "    j hsm_secondary_main\n"
    ".text\n");

typedef struct SbiRet {
    long error;
    long value;
} SbiRet;

static SbiRet sbi_call(unsigned long ext, unsigned long fid, unsigned long arg0,
                       unsigned long arg1, unsigned long arg2)
{
    register unsigned long a0 __asm__("a0") = arg0;
    register unsigned long a1 __asm__("a1") = arg1;
    register unsigned long a2 __asm__("a2") = arg2;
    register unsigned long a6 __asm__("a6") = fid;
    register unsigned long a7 __asm__("a7") = ext;
    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a2), "r"(a6), "r"(a7) : "memory");
    return (SbiRet){ .error = (long)a0, .value = (long)a1 };
}

static void hsm_putc(char c)
{
    sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned char)c, 0, 0);
}

static void hsm_puts(const char *s)
{
    while (*s) {
        hsm_putc(*s++);
    }
}

static void hsm_putdec(long v)
{
    char buf[24];
    int n = 0;
    unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
    if (v < 0) {
        hsm_putc('-');
    }
    do {
        buf[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n) {
        hsm_putc(buf[--n]);
    }
}

static unsigned long hsm_time(void)
{
    unsigned long t;
    __asm__ volatile("rdtime %0" : "=r"(t));
    return t;
}

static void hsm_fail(const char *what, long hart, long value)
{
    hsm_puts("hsm: FAIL ");
    hsm_puts(what);
    hsm_puts(" hart ");
    hsm_putdec(hart);
    hsm_puts(" value ");
    hsm_putdec(value);
    hsm_puts("\n");
    *SIFIVE_TEST = SIFIVE_TEST_FAIL | (3u << 16);
    for (;;) {
        __asm__ volatile("wfi");
    }
}

static unsigned long hsm_opaque(unsigned round, unsigned long hart)
{
    return 0x5eed0000ul + 0x100ul * round + hart;
}

void hsm_secondary_main(unsigned long hartid, unsigned long opaque)
{
    unsigned long satp, sstatus;
    __asm__ volatile("csrr %0, satp" : "=r"(satp));
    __asm__ volatile("csrr %0, sstatus" : "=r"(sstatus));
    hsm_bad_state[hartid] = satp != 0 || (sstatus & SSTATUS_SIE);
    hsm_opaque_seen[hartid] = opaque;
    __atomic_fetch_add(&hsm_checkins[hartid], 1, __ATOMIC_SEQ_CST);
    sbi_call(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0);
    /* hart_stop returns only on failure. */
    hsm_bad_state[hartid] = 2;
    for (;;) {
        __asm__ volatile("wfi");
    }
}

/* Wait until hart h has checked in `round` times and is STOPPED. */
static void hsm_wait_stopped(unsigned round, unsigned long h)
{
    unsigned long start = hsm_time();
    while (hsm_checkins[h] < round) {
        if (hsm_time() - start > HSM_WAIT_TICKS) {
            hsm_fail("no check-in from", (long)h, (long)hsm_checkins[h]);
        }
    }
    for (;;) {
        SbiRet r = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, h, 0, 0);
        if (r.error) {
            hsm_fail("hart_get_status error for", (long)h, r.error);
        }
        if (r.value == SBI_HSM_STOPPED) {
            break;
        }
        if (hsm_time() - start > HSM_WAIT_TICKS) {
            hsm_fail("never STOPPED:", (long)h, r.value);
        }
    }
    if (hsm_checkins[h] != round) {
        hsm_fail("wrong check-in count from", (long)h, (long)hsm_checkins[h]);
    }
    if (hsm_opaque_seen[h] != hsm_opaque(round, h)) {
        hsm_fail("wrong opaque seen by", (long)h, (long)hsm_opaque_seen[h]);
    }
    if (hsm_bad_state[h]) {
        hsm_fail("bad start state (satp/SIE/stop) on", (long)h, (long)hsm_bad_state[h]);
    }
}

void hsm_boot_main(unsigned long boot)
{
    unsigned present = 1u << boot;

    hsm_puts("hsm: boot hart ");
    hsm_putdec((long)boot);
    hsm_puts("\n");

    SbiRet r = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, boot, 0, 0);
    if (r.error || r.value != SBI_HSM_STARTED) {
        hsm_fail("boot hart status", (long)boot, r.error ? r.error : r.value);
    }
    r = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, boot, (unsigned long)hsm_secondary_start, 0);
    if (r.error != SBI_ERR_ALREADY_AVAILABLE) {
        hsm_fail("hart_start of the running boot hart", (long)boot, r.error);
    }

    for (unsigned round = 1; round <= HSM_ROUNDS; round++) {
        for (unsigned long h = 0; h < HSM_MAX_HARTS; h++) {
            if (h == boot || (round > 1 && !(present & (1u << h)))) {
                continue;
            }
            r = sbi_call(SBI_EXT_HSM, SBI_HSM_HART_START, h,
                         (unsigned long)hsm_secondary_start, hsm_opaque(round, h));
            if (round == 1 && r.error == SBI_ERR_INVALID_PARAM) {
                continue;       /* no such hart */
            }
            if (r.error) {
                hsm_fail("hart_start error for", (long)h, r.error);
            }
            present |= 1u << h;
        }
        unsigned count = 0;
        for (unsigned long h = 0; h < HSM_MAX_HARTS; h++) {
            if (h != boot && (present & (1u << h))) {
                hsm_wait_stopped(round, h);
                count++;
            }
        }
        hsm_puts("hsm: round ");
        hsm_putdec(round);
        hsm_puts(": ");
        hsm_putdec(count);
        hsm_puts(" harts started and stopped:");
        for (unsigned long h = 0; h < HSM_MAX_HARTS; h++) {
            if (h != boot && (present & (1u << h))) {
                hsm_puts(" ");
                hsm_putdec((long)h);
            }
        }
        hsm_puts("\n");
    }
    hsm_puts("hsm: done\n");
    sbi_call(SBI_EXT_SRST, 0, 0, 0, 0);
    hsm_fail("system reset returned", (long)boot, 0);
}
