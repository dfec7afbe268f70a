/*
 * roms/virt-tests/deleg-misaligned-amo.c: cause 6, the store/AMO address-
 * misaligned exception, which only a misaligned AMO or SC raises on a hart
 * that carries out misaligned plain stores.  Delegated (medeleg bit 6) it
 * is taken in S from U and S with stval = the address; not delegated, in M.
 * The AMO leaves memory and rd alone.  QEMU 7.2 reports a misaligned AMO as
 * cause 4 (see romrun.QEMU_VIRT_DEVIATIONS).
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vtrap.h"

static uint64_t buf[4] = { 1, 2, 3, 4 };

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 1u << CAUSE_STORE_MISALIGNED);
    CHECK(1, csr_read(medeleg) & (1u << CAUSE_STORE_MISALIGNED));

    uint64_t odd = ADDR(buf) + 4;
    CHECK(2, vrt_call(PRV_U, ADDR(vrt_amoadd_d), odd, 1) == VRT_NO_VALUE);
    CHECK(3, vtrap_m.count == 0 &&
                 vtrap_is(&vtrap_s, 1, CAUSE_STORE_MISALIGNED, ADDR(vrt_amoadd_d_insn), odd));
    CHECK(4, !(vtrap_s.status & MSTATUS_SPP));
    CHECK(5, vrt_call(PRV_S, ADDR(vrt_amoadd_d), odd + 1, 1) == VRT_NO_VALUE);
    CHECK(6, vtrap_m.count == 0 &&
                 vtrap_is(&vtrap_s, 2, CAUSE_STORE_MISALIGNED, ADDR(vrt_amoadd_d_insn), odd + 1));
    CHECK(7, vtrap_s.status & MSTATUS_SPP);
    CHECK(8, buf[0] == 1 && buf[1] == 2);
    test_group_ok("misaligned AMO delegated to S");

    csr_write(medeleg, 0);
    vtrap_clear();
    CHECK(10, vrt_call(PRV_U, ADDR(vrt_amoadd_d), odd, 1) == VRT_NO_VALUE);
    CHECK(11, vtrap_s.count == 0 &&
                  vtrap_is(&vtrap_m, 1, CAUSE_STORE_MISALIGNED, ADDR(vrt_amoadd_d_insn), odd));
    CHECK(12, (vtrap_m.status & MSTATUS_MPP) == 0);
    CHECK(13, buf[0] == 1 && buf[1] == 2);
    test_group_ok("misaligned AMO not delegated: M");
    return 0;
}
