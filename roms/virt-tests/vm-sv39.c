/*
 * roms/virt-tests/vm-sv39.c: the page-table tests of vm-tests.h with Sv39
 * (3 levels).
 */
#define VM_LEVELS 3
#include "vm-tests.h"
