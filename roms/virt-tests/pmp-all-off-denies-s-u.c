/*
 * roms/virt-tests/pmp-all-off-denies-s-u.c: with all 16 PMP entries OFF,
 * S and U may access nothing (privileged spec v1.12, 3.7.1: "If no PMP
 * entry matches an S-mode or U-mode access, but at least one PMP entry is
 * implemented, the access fails"), while M keeps full access.  Here the
 * first fetch in S or U faults: instruction access fault at the function's
 * address.  QEMU 7.2 instead makes the mret to S or U an illegal
 * instruction (romrun.QEMU_VIRT_DEVIATIONS).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

static uint64_t buf[512] __attribute__((aligned(4096)));

static int fetch_denied(unsigned mode)
{
    vtrap_clear();
    /* The fetch fault cannot be stepped over: end the call from M. */
    vtrap_m.resume = ADDR(vrt_call_return_stub);
    vrt_call(mode, ADDR(vrt_ld), ADDR(&buf[1]), 0);
    return vtrap_is(&vtrap_m, 1, CAUSE_FETCH_ACCESS, ADDR(vrt_ld), ADDR(vrt_ld));
}

int main(void)
{
    vtrap_install();
    csr_write(pmpcfg0, 0);
    csr_write(pmpcfg2, 0);
    buf[1] = 0x1234;

    CHECK(1, fetch_denied(PRV_S));
    CHECK(2, fetch_denied(PRV_U));
    vtrap_clear();
    CHECK(3, vrt_ld(ADDR(&buf[1])) == 0x1234 && vtrap_m.count == 0);
    test_group_ok("all PMP entries OFF: S and U fetches fault, M is unaffected");
    return 0;
}
