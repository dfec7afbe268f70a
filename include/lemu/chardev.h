/*
 * chardev.h: character devices, the host end of a guest console
 * (softmmu/chardev.c).  A Chardev is a byte stream with two sides: the
 * device model (the frontend: a UART) writes what the guest transmits with
 * chardev_write(), and registers a pair of handlers through which the
 * backend hands it what the host types, never more than the frontend says
 * it can take (QEMU's can_read/read pair).
 *
 * Backends, named as in qemu's -serial option (chardev_new()):
 *   stdio, mon:stdio  output to stdout, input from stdin.  When stdin is a
 *                     terminal it is put in raw mode (no echo, no line
 *                     editing, no signal keys: Ctrl-C goes to the guest)
 *                     until the Chardev is freed or lemu exits, also on a
 *                     fatal signal.  Ctrl-A is an escape, as in qemu:
 *                       Ctrl-A x       quit lemu: machine_request_shutdown
 *                                      (CHARDEV_QUIT_STATUS), so lemu
 *                                      exits with status 0 as qemu does
 *                       Ctrl-A h, ?    print these keys on stderr
 *                       Ctrl-A Ctrl-A  send one Ctrl-A to the guest
 *                       Ctrl-A c and any other key: swallowed (lemu has no
 *                                      monitor to switch to)
 *                     The escapes work whether or not stdin is a terminal,
 *                     so a script can quit lemu through a pipe.
 *   file:PATH         output to PATH (created or truncated), no input.
 *   null, none        output discarded, no input.
 * When stdin is not a terminal (a pipe, a file, /dev/null) it is read as
 * it comes; its end (EOF) only means no more input: polling stops, output
 * goes on.
 *
 * Input is polled, since lemu runs in one thread: while a frontend has
 * handlers and input is still open, a LEMU_CLOCK_REALTIME timer reads what
 * is available (without blocking) every CHARDEV_POLL_NS and delivers it.
 * A main loop that runs realtime timers needs nothing else; tests may call
 * chardev_poll() themselves.
 *
 * Everything here runs in lemu's main thread.
 */
#ifndef LEMU_CHARDEV_H
#define LEMU_CHARDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lemu/error.h"

typedef struct Chardev Chardev;

/* How often input is polled while a frontend listens: 1 ms. */
#define CHARDEV_POLL_NS 1000000
/* The exit status Ctrl-A x requests (qemu exits with 0 too). */
#define CHARDEV_QUIT_STATUS 0
/* The escape key of stdio backends: Ctrl-A. */
#define CHARDEV_ESCAPE_CHAR 0x01

/* How many bytes the frontend can take now (0: none, try again later). */
typedef size_t ChardevCanReceive(void *opaque);
/* Bytes for the frontend; len is at least 1 and at most what it last allowed. */
typedef void ChardevReceive(void *opaque, const uint8_t *buf, size_t len);

/*
 * Create the backend `spec` names, in qemu's -serial syntax: "stdio",
 * "mon:stdio", "file:PATH", "null" or "none".  NULL + errp (one line naming
 * the problem) for an unknown backend, an empty path, a file that cannot be
 * opened, or a second stdio backend while one exists.
 */
Chardev *chardev_new(const char *spec, Error **errp);

/*
 * A backend over file descriptors the caller owns (they are not closed by
 * chardev_free): output to out_fd (-1: discarded), input from in_fd (-1:
 * none).  With stdio_like, it behaves as the stdio backend does: Ctrl-A
 * escapes, and raw mode when in_fd is a terminal (only one Chardev may hold
 * a terminal in raw mode at a time: NULL + errp otherwise).  For boards
 * given descriptors (MachineState console_in_fd/console_out_fd) and tests
 * (pipes, pseudo-terminals).
 */
Chardev *chardev_new_fd(int in_fd, int out_fd, bool stdio_like, Error **errp);

/* Restore the terminal, stop polling, close what the backend opened.  NULL: no-op. */
void chardev_free(Chardev *chr);

/*
 * Write len bytes, waiting if the host side is slow (it never drops
 * output).  Returns len, or -1 if the output failed (the error is reported
 * once on stderr and later writes are dropped).  Without an output (null,
 * or out_fd -1) the bytes are discarded and len returned.
 */
long chardev_write(Chardev *chr, const uint8_t *buf, size_t len);

/*
 * Attach a frontend (one per Chardev; a new call replaces the old one).
 * Polling starts if the backend has input that is still open; with both
 * handlers NULL the frontend detaches and polling stops.
 */
void chardev_set_handlers(Chardev *chr, ChardevCanReceive *can_receive,
                          ChardevReceive *receive, void *opaque);

/*
 * One poll: if the frontend can take bytes, read at most that many of what
 * is available (never blocking), apply the escapes and deliver the rest.
 * Returns the number of bytes delivered.  Called by the poll timer.
 */
size_t chardev_poll(Chardev *chr);

/* Has the input ended (EOF or error), or is there none at all? */
bool chardev_input_closed(const Chardev *chr);

/* Is the input a terminal that this Chardev put in raw mode? */
bool chardev_is_raw_tty(const Chardev *chr);

#endif
