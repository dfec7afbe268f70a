/*
 * roms/virt-tests/vm-sfence.c: sfence.vma makes page-table changes visible
 * (privileged spec v1.12, section 4.2.1).  S-mode code reads or runs a
 * page through a mapping (so a TLB may hold it), changes the PTE, executes
 * sfence.vma and must then see the new mapping, for every form: x0/x0 (all),
 * va/x0 (one address, any other address on the same page included), x0/asid
 * and va/asid with the current ASID 0.  Also: a remapped code page runs the
 * new code, a PTE made invalid faults, a permission granted works, a 2 MiB
 * page remapped with one address flushes it all, a changed non-leaf PTE
 * with sfence.vma x0, a switch of satp to another root, and under a
 * nonzero ASID, fences for another ASID (which need flush nothing; lemu
 * says so under -d mmu, which tests/system/test-cmdline.sh checks) before
 * the one for the current ASID.  Without the fence the old mapping may
 * survive, which is never tested.
 */
#include <stdint.h>

#include "test.h"
#include "virt.h"
#include "vm.h"
#include "vtrap.h"

#define VA (VM_TEST_VA + 0x10000)

static uint64_t *root;

enum { FENCE_ALL, FENCE_VA, FENCE_ASID, FENCE_VA_ASID };

static void fence(unsigned kind, uint64_t va)
{
    uint64_t asid = 0;
    switch (kind) {
    case FENCE_ALL:
        __asm__ __volatile__("sfence.vma zero, zero" ::: "memory");
        break;
    case FENCE_VA:
        __asm__ __volatile__("sfence.vma %0, zero" :: "r"(va) : "memory");
        break;
    case FENCE_ASID:
        __asm__ __volatile__("sfence.vma zero, %0" :: "r"(asid) : "memory");
        break;
    default:
        __asm__ __volatile__("sfence.vma %0, %1" :: "r"(va), "r"(asid) : "memory");
        break;
    }
}

static uint64_t code_page(int value, uint64_t fill)
{
    uint64_t *p = vm_page();
    p[0] = vrt_code_li_ret(value);
    for (unsigned i = 1; i < 512; i++)
        p[i] = fill;
    vm_fence_i();
    return ADDR(p);
}

struct remap {
    uint64_t *pte;
    uint64_t new_pte;
    uint64_t va;            /* read (or run) before and after */
    uint64_t other;         /* read after, on the same page */
    unsigned kind;
    uint64_t before, after, after_other;
};

/* S-mode: load, change the PTE, fence, load again. */
static uint64_t s_remap_load(uint64_t arg, uint64_t unused)
{
    (void)unused;
    struct remap *r = (struct remap *)(uintptr_t)arg;
    r->before = vrt_ld(r->va);
    *r->pte = r->new_pte;
    fence(r->kind, r->va);
    r->after = vrt_ld(r->va);
    r->after_other = vrt_ld(r->other);
    return 0;
}

/* S-mode: run, change the PTE, fence, run again. */
static uint64_t s_remap_exec(uint64_t arg, uint64_t unused)
{
    (void)unused;
    struct remap *r = (struct remap *)(uintptr_t)arg;
    r->before = vrt_exec(r->va);
    *r->pte = r->new_pte;
    fence(r->kind, r->va);
    r->after = vrt_exec(r->va);
    return 0;
}

/* S-mode: store (may fault), change the PTE, fence, store again. */
static uint64_t s_remap_store(uint64_t arg, uint64_t unused)
{
    (void)unused;
    struct remap *r = (struct remap *)(uintptr_t)arg;
    vrt_ld(r->va);
    vrt_sd(r->va, 1);
    *r->pte = r->new_pte;
    fence(r->kind, r->va);
    vrt_sd(r->va, 2);
    return 0;
}

/*
 * S-mode, under ASID 5: load, change the PTE, fence ASID 7 (all, then the
 * address), then the address in ASID 5, load again.
 */
static uint64_t s_remap_other_asid(uint64_t arg, uint64_t unused)
{
    (void)unused;
    struct remap *r = (struct remap *)(uintptr_t)arg;
    uint64_t other = 7, mine = 5;
    r->before = vrt_ld(r->va);
    *r->pte = r->new_pte;
    __asm__ __volatile__("sfence.vma zero, %0" :: "r"(other) : "memory");
    __asm__ __volatile__("sfence.vma %0, %1" :: "r"(r->va), "r"(other) : "memory");
    __asm__ __volatile__("sfence.vma %0, %1" :: "r"(r->va), "r"(mine) : "memory");
    r->after = vrt_ld(r->va);
    return 0;
}

/* S-mode: load, switch satp to arg1, fence, load. */
static uint64_t s_switch_root(uint64_t arg, uint64_t satp)
{
    struct remap *r = (struct remap *)(uintptr_t)arg;
    r->before = vrt_ld(r->va);
    csr_write(satp, satp);
    fence(FENCE_ALL, 0);
    r->after = vrt_ld(r->va);
    return 0;
}

static const char *const kind_names[4] = {
    "sfence.vma x0, x0", "sfence.vma va, x0", "sfence.vma x0, asid", "sfence.vma va, asid",
};

int main(void)
{
    vtrap_install();
    vrt_pmp_allow_all();
    csr_write(medeleg, 0);
    root = vm_setup(3, 0);
    vm_enable(3, root);

    for (unsigned kind = 0; kind < 4; kind++) {
        unsigned n = 10 * (kind + 1);
        uint64_t pa1 = code_page(1, 0x1111);
        uint64_t pa2 = code_page(2, 0x2222);
        uint64_t va = VA + 0x100000 * kind;
        vm_map(root, 3, va, pa1, 0, PTE_LEAF_ALL);
        uint64_t *pte = vm_pte(root, 3, va, 0);
        vm_sfence_all();

        struct remap r = { pte, vm_make_pte(pa2, PTE_LEAF_ALL | PTE_V), va + 8, va + 0xff8,
                           kind, 0, 0, 0 };
        vrt_call(PRV_S, ADDR(s_remap_load), ADDR(&r), 0);
        CHECK(n, r.before == 0x1111 && r.after == 0x2222 && r.after_other == 0x2222);

        /* Code: the new page's code runs. */
        struct remap c = { pte, vm_make_pte(pa1, PTE_LEAF_ALL | PTE_V), va, 0, kind, 0, 0, 0 };
        vrt_call(PRV_S, ADDR(s_remap_exec), ADDR(&c), 0);
        CHECK(n + 1, c.before == 2 && c.after == 1);

        /* Invalid: a fault. */
        struct remap i = { pte, 0, va + 16, va + 16, kind, 0, 0, 0 };
        vrt_call(PRV_S, ADDR(s_remap_load), ADDR(&i), 0);
        CHECK(n + 2, i.before == 0x1111 && i.after == VRT_NO_VALUE);
        CHECK(n + 3, vtrap_m.count == 2 && vtrap_m.cause == CAUSE_LOAD_PAGE &&
                         vtrap_m.tval == va + 16);
        vtrap_clear();

        /* Write permission granted: the second store goes through. */
        *pte = vm_make_pte(pa1, PTE_V | PTE_R | PTE_A | PTE_D);
        vm_sfence_all();
        struct remap w = { pte, vm_make_pte(pa1, PTE_LEAF_ALL | PTE_V), va + 24, 0, kind, 0, 0,
                           0 };
        vrt_call(PRV_S, ADDR(s_remap_store), ADDR(&w), 0);
        CHECK(n + 4, vtrap_m.count == 1 && vtrap_m.cause == CAUSE_STORE_PAGE);
        CHECK(n + 5, ((uint64_t *)(uintptr_t)pa1)[3] == 2);
        vtrap_clear();
        test_group_ok(kind_names[kind]);
    }

    /* A 2 MiB page remapped, fenced by an address in its middle. */
    uint64_t va2 = VM_TEST_VA + 0x1000000;
    uint64_t pa_a = 0x84000000, pa_b = 0x84200000;
    ((uint64_t *)(uintptr_t)pa_a)[0x8000] = 0xaaaa;
    ((uint64_t *)(uintptr_t)pa_b)[0x8000] = 0xbbbb;
    ((uint64_t *)(uintptr_t)pa_b)[0x100] = 0xbbb0;
    vm_map(root, 3, va2, pa_a, 1, PTE_LEAF_ALL);
    uint64_t *pte2 = vm_pte(root, 3, va2, 1);
    vm_sfence_all();
    struct remap s = { pte2, vm_make_pte(pa_b, PTE_LEAF_ALL | PTE_V), va2 + 0x40000, va2 + 0x800,
                       FENCE_VA, 0, 0, 0 };
    vrt_call(PRV_S, ADDR(s_remap_load), ADDR(&s), 0);
    CHECK(60, s.before == 0xaaaa && s.after == 0xbbbb && s.after_other == 0xbbb0);
    test_group_ok("2 MiB page, one address fenced");

    /* A non-leaf PTE changed to point at another leaf table. */
    uint64_t va3 = VM_TEST_VA + 0x2000000;
    uint64_t pa3 = code_page(3, 0x3333), pa4 = code_page(4, 0x4444);
    vm_map(root, 3, va3, pa3, 0, PTE_LEAF_ALL);
    uint64_t *table2 = vm_page();
    table2[(va3 >> 12) & 511] = vm_make_pte(pa4, PTE_LEAF_ALL | PTE_V);
    uint64_t *ptr = vm_pte(root, 3, va3, 1);
    vm_sfence_all();
    struct remap t = { ptr, vm_make_pte(ADDR(table2), PTE_V), va3 + 8, va3 + 16, FENCE_ALL, 0, 0,
                       0 };
    vrt_call(PRV_S, ADDR(s_remap_load), ADDR(&t), 0);
    CHECK(70, t.before == 0x3333 && t.after == 0x4444 && t.after_other == 0x4444);
    test_group_ok("non-leaf PTE changed, sfence.vma x0, x0");

    /* satp switched to a root mapping the same address elsewhere. */
    uint64_t *root2 = vm_setup(3, 0);
    uint64_t pa5 = code_page(5, 0x5555);
    vm_map(root2, 3, va3, pa5, 0, PTE_LEAF_ALL);
    struct remap u = { 0, 0, va3 + 8, 0, FENCE_ALL, 0, 0, 0 };
    vrt_call(PRV_S, ADDR(s_switch_root), ADDR(&u), vm_satp(3, root2));
    CHECK(80, u.before == 0x4444 && u.after == 0x5555);
    CHECK(81, csr_read(satp) == vm_satp(3, root2));
    CHECK(82, vtrap_m.count == 0);
    test_group_ok("satp switched to another root");

    /* Under ASID 5: fences for ASID 7 first, then the one for ASID 5. */
    uint64_t satp5 = vm_satp(3, root2) | 5ull << 44;
    csr_write(satp, satp5);
    vm_sfence_all();
    CHECK(90, csr_read(satp) == satp5);
    uint64_t *pte5 = vm_pte(root2, 3, va3, 0);
    struct remap a = { pte5, vm_make_pte(pa4, PTE_LEAF_ALL | PTE_V), va3 + 8, 0, FENCE_VA_ASID,
                       0, 0, 0 };
    vrt_call(PRV_S, ADDR(s_remap_other_asid), ADDR(&a), 0);
    CHECK(91, a.before == 0x5555 && a.after == 0x4444);
    CHECK(92, vtrap_m.count == 0);
    test_group_ok("ASID 5: sfence.vma for ASID 7, then for ASID 5");
    vm_disable();
    return 0;
}
