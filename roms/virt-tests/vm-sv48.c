/*
 * roms/virt-tests/vm-sv48.c: the page-table tests of vm-tests.h with Sv48
 * (4 levels, 512 GiB superpages included).
 */
#define VM_LEVELS 4
#include "vm-tests.h"
