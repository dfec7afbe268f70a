/*
 * util/error.c: the Error values of include/lemu/error.h and the one-line
 * reports on stderr that lemu gives for bad user input ("lemu: ...").
 */
#include "config.h"
#include "lemu/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Error {
    char *msg;
};

/* Only its address matters: &error_fatal is a recognisable errp. */
Error *error_fatal;

static char *error_vformat(const char *fmt, va_list ap)
{
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0) {
        s = NULL;
    }
    return s;
}

static void error_store(Error **errp, char *msg)
{
    if (!errp) {
        free(msg);
        return;
    }
    if (errp == &error_fatal) {
        fprintf(stderr, "lemu: %s\n", msg ? msg : "out of memory");
        exit(2);
    }
    /* Keep the first error: later ones are usually consequences. */
    if (*errp) {
        free(msg);
        return;
    }
    Error *err = calloc(1, sizeof(*err));
    if (!err) {
        fprintf(stderr, "lemu: out of memory\n");
        exit(2);
    }
    err->msg = msg;
    *errp = err;
}

void error_setg(Error **errp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = errp ? error_vformat(fmt, ap) : NULL;
    va_end(ap);
    error_store(errp, msg);
}

void error_setg_errno(Error **errp, int os_errno, const char *fmt, ...)
{
    if (!errp) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *head = error_vformat(fmt, ap);
    va_end(ap);
    char *msg = NULL;
    if (head && asprintf(&msg, "%s: %s", head, strerror(os_errno)) < 0) {
        msg = NULL;
    }
    free(head);
    error_store(errp, msg);
}

void error_prepend(Error **errp, const char *fmt, ...)
{
    if (!errp || errp == &error_fatal || !*errp) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *head = error_vformat(fmt, ap);
    va_end(ap);
    char *msg = NULL;
    if (head && asprintf(&msg, "%s: %s", head, (*errp)->msg ? (*errp)->msg : "") >= 0) {
        free((*errp)->msg);
        (*errp)->msg = msg;
    }
    free(head);
}

void error_propagate(Error **dst, Error *local_err)
{
    if (!local_err) {
        return;
    }
    if (dst == &error_fatal) {
        error_report_err(local_err);
        exit(2);
    }
    if (!dst || *dst) {
        error_free(local_err);
        return;
    }
    *dst = local_err;
}

const char *error_get_pretty(const Error *err)
{
    return err && err->msg ? err->msg : "out of memory";
}

void error_free(Error *err)
{
    if (err) {
        free(err->msg);
        free(err);
    }
}

void error_report_err(Error *err)
{
    fprintf(stderr, "lemu: %s\n", error_get_pretty(err));
    error_free(err);
}

void error_report(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("lemu: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("lemu: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}
