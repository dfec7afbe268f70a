/*
 * htif.h: the host-target interface of Spike's front-end (hw/htif.c), as
 * the spike board serves it through the ELF's `tohost` and `fromhost`
 * symbols: two 8-byte I/O regions mapped over RAM (priority 1).
 *
 * A command is a 64-bit write to tohost: device in bits 63..56, command in
 * bits 55..48, payload in bits 47..0.  The command runs when the write
 * reaches the word's last byte (one 64-bit store, or the high half after
 * the low half on RV32); tohost then reads 0 again, and a reply is the
 * 64-bit value (device << 56) | (command << 48) | reply placed in fromhost.
 *
 *   device 0, command 0, odd payload:  exit with status payload >> 1
 *                                      (machine_request_shutdown)
 *   device 0, command 0, even payload: system-call proxy: payload is the
 *      guest address of eight 64-bit words (number, arguments).  Served:
 *      64 write (fd 1 and 2 go to the console) and 93 exit; others answer
 *      -ENOSYS.  The result replaces the first word; fromhost = 1.
 *   device 1, command 1: write the payload's low byte to the console;
 *      reply 0x100 | byte.
 *   device 1, command 0: read a console byte: once one is available (it is
 *      polled when the guest reads fromhost), reply 0x100 | byte.
 * Anything else is logged (-d guest_errors or unimp) and ignored.
 */
#ifndef LEMU_HTIF_H
#define LEMU_HTIF_H

#include <stdbool.h>
#include <stdint.h>

#include "lemu/memory.h"

typedef struct HTIFState HTIFState;

typedef struct HTIFConfig {
    AddressSpace *as;        /* guest memory, for the system-call proxy */
    uint64_t tohost_addr;
    bool has_fromhost;
    uint64_t fromhost_addr;
    int console_in_fd;       /* -1: no console input */
    int console_out_fd;      /* -1: console output discarded */
} HTIFConfig;

/*
 * Create the HTIF and map its regions "htif.tohost" and "htif.fromhost" in
 * `container` (normally the system memory root) at cfg's addresses, with
 * priority 1 so that they cover the RAM holding the symbols.
 */
HTIFState *htif_create(MemoryRegion *container, const HTIFConfig *cfg);

#endif
