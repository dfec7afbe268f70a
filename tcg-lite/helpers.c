/*
 * tcg-lite/helpers.c: the helper registry.  A helper is a C function that
 * translated code calls (name, function pointer, signature, flags).  Entries
 * are registered once at start-up and live for the process.  The libffi call
 * interface of a signature is prepared when the first helper with that
 * signature registers and is shared by every later one, so a call from the
 * interpreter never prepares anything.
 */
#include "config.h"

#include <assert.h>
#include <ffi.h>
#include <stdlib.h>
#include <string.h>

#include "tcgl-internal.h"

typedef struct HelperSig {
    TCGLHelperType ret;
    unsigned nargs;
    TCGLHelperType args[TCGL_MAX_HELPER_ARGS];
    ffi_type *arg_types[TCGL_MAX_HELPER_ARGS];
    ffi_cif cif;
    struct HelperSig *next;
} HelperSig;

typedef struct HelperEntry {
    TCGLHelperInfo info;
    struct HelperEntry *next;
} HelperEntry;

static HelperSig *helper_sigs;
static HelperEntry *helper_entries;

static ffi_type *helper_ffi_type(TCGLHelperType t)
{
    switch (t) {
    case TCGL_HT_VOID: return &ffi_type_void;
    case TCGL_HT_I32: return &ffi_type_uint32;
    case TCGL_HT_I64: return &ffi_type_uint64;
    case TCGL_HT_PTR: return &ffi_type_pointer;
    }
    abort();
}

static HelperSig *helper_sig_get(TCGLHelperType ret, unsigned nargs, const TCGLHelperType *args)
{
    for (HelperSig *s = helper_sigs; s; s = s->next) {
        if (s->ret == ret && s->nargs == nargs &&
            (nargs == 0 || memcmp(s->args, args, nargs * sizeof(*args)) == 0)) {
            return s;
        }
    }
    HelperSig *s = calloc(1, sizeof(*s));
    if (!s) {
        abort();
    }
    s->ret = ret;
    s->nargs = nargs;
    for (unsigned i = 0; i < nargs; i++) {
        s->args[i] = args[i];
        s->arg_types[i] = helper_ffi_type(args[i]);
    }
    if (ffi_prep_cif(&s->cif, FFI_DEFAULT_ABI, nargs, helper_ffi_type(ret),
                     s->arg_types) != FFI_OK) {
        abort();
    }
    s->next = helper_sigs;
    helper_sigs = s;
    return s;
}

const TCGLHelperInfo *tcgl_helper_register(const char *name, void *func, unsigned flags,
                                           TCGLHelperType ret, unsigned nargs,
                                           const TCGLHelperType *args)
{
    /* A malformed signature is a programming error in the frontend. */
    assert(name && *name && func);
    assert(nargs <= TCGL_MAX_HELPER_ARGS);
    assert(ret == TCGL_HT_VOID || ret == TCGL_HT_I32 || ret == TCGL_HT_I64);
    assert((flags & ~TCGL_CALL_PURE) == 0);
    for (unsigned i = 0; i < nargs; i++) {
        assert(args[i] == TCGL_HT_I32 || args[i] == TCGL_HT_I64 || args[i] == TCGL_HT_PTR);
    }

    const TCGLHelperInfo *old = tcgl_helper_lookup(name);
    if (old) {
        /* Registering the same helper twice is harmless; a clash is a bug. */
        assert(old->func == func && old->flags == flags && old->ret == ret &&
               old->nargs == nargs &&
               (nargs == 0 || memcmp(old->args, args, nargs * sizeof(*args)) == 0));
        return old;
    }

    HelperEntry *e = calloc(1, sizeof(*e));
    if (!e) {
        abort();
    }
    e->info.name = strdup(name);
    e->info.func = func;
    e->info.flags = flags;
    e->info.ret = ret;
    e->info.nargs = nargs;
    for (unsigned i = 0; i < nargs; i++) {
        e->info.args[i] = args[i];
    }
    e->info.cif = &helper_sig_get(ret, nargs, args)->cif;
    e->next = helper_entries;
    helper_entries = e;
    return &e->info;
}

const TCGLHelperInfo *tcgl_helper_lookup(const char *name)
{
    for (HelperEntry *e = helper_entries; e; e = e->next) {
        if (strcmp(e->info.name, name) == 0) {
            return &e->info;
        }
    }
    return NULL;
}
