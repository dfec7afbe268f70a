/*
 * roms/virt/smode-run.c: the M-mode side of the random S-mode programs
 * (tests/difftest/rvgen.py, --board virt).  For each program it builds an
 * Sv39 table -- identity 1 GiB pages for RAM and devices (vm_setup), the
 * program's code pages at SMODE_CODE_VA, its data page at SMODE_BUF_VA
 * (A and D clear: the walk sets them), again at SMODE_BUF_ALIAS_VA and
 * read-only at SMODE_RO_VA, the register save page at SMODE_REGS_VA -- with
 * PMP allowing everything and load/store page faults delegated to the
 * program's own S handler, and runs the code in S-mode through vrt_call.
 * The program ends by saving its registers at SMODE_REGS_VA and executing
 * the return ecall.
 */
#include <stdint.h>

#include "virt.h"
#include "vm.h"
#include "vtrap.h"

/* Must match rvgen.py's SModeGenerator. */
#define SMODE_CODE_VA       0x1000000000ull
#define SMODE_BUF_VA        0x40000000ull
#define SMODE_BUF_ALIAS_VA  0x40002000ull
#define SMODE_REGS_VA       0x40004000ull
#define SMODE_RO_VA         0x40008000ull   /* 0x40006000 and 0x40009000: holes */

uint64_t smode_run(uint64_t code_start, uint64_t code_end, uint64_t buf, uint64_t regs);
void smode_print_ad(uint64_t ad);

/*
 * Run the program whose code is [code_start, code_end) (page-aligned
 * start); buf and regs are page-aligned.  Returns the A and D bits the walk
 * left in the PTEs of the data page (bits 0-1) and of the first code page
 * (bits 2-3), for the dump.
 */
uint64_t smode_run(uint64_t code_start, uint64_t code_end, uint64_t buf, uint64_t regs)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 1u << CAUSE_LOAD_PAGE | 1u << CAUSE_STORE_PAGE);
    csr_write(mideleg, 0);
    csr_write(mie, 0);
    vm_pool_reset();
    uint64_t *root = vm_setup(3, 0);
    for (uint64_t pa = code_start; pa < code_end; pa += VM_PAGE)
        vm_map(root, 3, SMODE_CODE_VA + (pa - code_start), pa, 0, PTE_R | PTE_X);
    vm_map(root, 3, SMODE_BUF_VA, buf, 0, PTE_R | PTE_W);
    vm_map(root, 3, SMODE_BUF_ALIAS_VA, buf, 0, PTE_R | PTE_W | PTE_A | PTE_D);
    vm_map(root, 3, SMODE_REGS_VA, regs, 0, PTE_R | PTE_W | PTE_A | PTE_D);
    vm_map(root, 3, SMODE_RO_VA, buf, 0, PTE_R | PTE_A);
    vm_fence_i();
    vm_enable(3, root);
    vrt_call(PRV_S, SMODE_CODE_VA, 0, 0);
    vm_disable();
    uint64_t data = *vm_pte(root, 3, SMODE_BUF_VA, 0);
    uint64_t code = *vm_pte(root, 3, SMODE_CODE_VA, 0);
    return ((data >> 6) & 3) | ((code >> 6) & 3) << 2;
}

void smode_print_ad(uint64_t ad)
{
    vrt_puts("ad ");
    vrt_puthex(ad);
    vrt_putchar('\n');
}
