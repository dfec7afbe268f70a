/*
 * sifive-test.h: the SiFive test finisher of QEMU's virt board
 * (hw/sifive-test.c) at 0x100000: a guest stops the machine by writing one
 * 32-bit word (16-bit writes work too) at offset 0:
 *   0x5555                pass: machine_request_shutdown(0)
 *   0x3333 | code << 16   fail: machine_request_shutdown(code) (the host keeps
 *                         the low 8 bits of an exit status, as with qemu)
 *   0x7777                reset: the reset handler if one is set; without one
 *                         (lemu has no machine reset yet) the machine stops
 *                         with SIFIVE_TEST_RESET_STATUS, like `qemu -no-reboot`,
 *                         and says so on stderr
 * Any other value or offset is ignored (logged with -d guest_errors); reads
 * return 0.  Accesses must be 2 or 4 bytes (QEMU's), else they are refused.
 *
 * How a board wires it (what virt needs):
 *     SiFiveTestState *t = sifive_test_create(ms->system_memory, SIFIVE_TEST_VIRT_BASE);
 *     sifive_test_fdt_populate(t, fdt, riscv_fdt_soc(fdt), TEST_PHANDLE, errp);
 *   which adds /soc/test@100000 and the /poweroff and /reboot syscon nodes
 *   that OpenSBI and Linux use to power off and reboot through it.
 */
#ifndef LEMU_SIFIVE_TEST_H
#define LEMU_SIFIVE_TEST_H

#include <stdint.h>

#include "lemu/error.h"
#include "lemu/memory.h"

#define SIFIVE_TEST_VIRT_BASE 0x100000
#define SIFIVE_TEST_SIZE 0x1000

#define SIFIVE_TEST_FAIL 0x3333
#define SIFIVE_TEST_PASS 0x5555
#define SIFIVE_TEST_RESET 0x7777

/* lemu's exit status when the guest asks for a reset and nothing can reset. */
#define SIFIVE_TEST_RESET_STATUS 0

typedef struct SiFiveTestState SiFiveTestState;
typedef void SiFiveTestResetHandler(void *opaque);

/* Create the finisher and map it at `base` in sysmem (NULL: map sifive_test_mmio()). */
SiFiveTestState *sifive_test_create(MemoryRegion *sysmem, hwaddr base);

/* The SIFIVE_TEST_SIZE-byte I/O region "riscv.sifive.test". */
MemoryRegion *sifive_test_mmio(SiFiveTestState *s);

/* What a reset request calls, once lemu can reset a machine (NULL: stop instead). */
void sifive_test_set_reset_handler(SiFiveTestState *s, SiFiveTestResetHandler *fn,
                                   void *opaque);

/*
 * Add "test@<base>" under node `parent`:
 *   compatible = "sifive,test1", "sifive,test0", "syscon"
 *   reg = <base SIFIVE_TEST_SIZE>, phandle = <phandle>
 * and, at the root, "poweroff" (compatible "syscon-poweroff") and "reboot"
 * (compatible "syscon-reboot"), each with regmap = <phandle>, offset = <0>
 * and value = <0x5555> / <0x7777>.  Returns the test node's offset, or
 * -1 + errp.
 */
int sifive_test_fdt_populate(SiFiveTestState *s, void *fdt, int parent, uint32_t phandle,
                             Error **errp);

#endif
