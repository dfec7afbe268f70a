/*
 * error.h: error values passed back to callers (Error **errp), in the manner
 * of QEMU's qapi/error.h but much smaller.  A function that can fail on user
 * or guest input takes an `Error **errp` as its last argument, sets it with
 * error_setg() and returns a failure value; the caller decides whether to
 * report, propagate or ignore it.  Passing NULL discards the error; passing
 * &error_fatal prints it and exits with status 2 (for start-up code, where
 * nothing can go on).
 */
#ifndef LEMU_ERROR_H
#define LEMU_ERROR_H

#include <stdarg.h>
#include <stdbool.h>

typedef struct Error Error;

/* Sentinel: an error stored here is printed ("lemu: <msg>") and exits(2). */
extern Error *error_fatal;

/* Set *errp to a new error with a printf-style message.  errp may be NULL. */
void error_setg(Error **errp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* As error_setg, with ": strerror(os_errno)" appended. */
void error_setg_errno(Error **errp, int os_errno, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prefix an existing error's message: "<prefix>: <old message>". */
void error_prepend(Error **errp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Move local_err into *dst (which may be NULL or &error_fatal). */
void error_propagate(Error **dst, Error *local_err);
const char *error_get_pretty(const Error *err);
void error_free(Error *err);
/* Print "lemu: <msg>" on stderr and free the error. */
void error_report_err(Error *err);
/* Print "lemu: <msg>" on stderr. */
void error_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
