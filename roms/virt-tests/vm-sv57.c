/*
 * roms/virt-tests/vm-sv57.c: the page-table tests of vm-tests.h with Sv57
 * (5 levels, 512 GiB and 256 TiB superpages included).
 */
#define VM_LEVELS 5
#include "vm-tests.h"
