/*
 * object.h: the minimal object model under the memory API (memory/object.c).
 *
 * An Object has a type name, a reference count, a parent (the object that
 * holds it as a child) and a list of named, read-only properties.  Objects
 * with many properties get a hash index of their names, so that adding,
 * finding and removing children stays cheap with thousands of them.  Children
 * are properties too: "child<type>" properties that own one reference on the
 * child.  Adding a child named "foo[*]" gives it the first free name
 * "foo[0]", "foo[1]", ...  An object dies when its last reference goes: its
 * finalize hook runs, its children are released, its properties freed, and
 * the memory itself freed if object_new() allocated it (objects embedded in
 * a larger struct, as MemoryRegions usually are, are not freed).
 *
 * The tree starts at object_get_root() ("/"); "/machine" holds the board and
 * its devices, "/machine/unattached" the objects created without an owner.
 */
#ifndef LEMU_OBJECT_H
#define LEMU_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lemu/error.h"

typedef struct Object Object;
typedef struct ObjectProperty ObjectProperty;

typedef enum ObjectPropertyKind {
    OBJECT_PROP_UINT,   /* "uint64", "uint32": value.u */
    OBJECT_PROP_INT,    /* "int32", "int64": value.i */
    OBJECT_PROP_BOOL,   /* "bool": value.b */
    OBJECT_PROP_STR,    /* "string": value.s (owned by the object) */
    OBJECT_PROP_LINK,   /* "link<type>": value.o (may be NULL) */
    OBJECT_PROP_CHILD,  /* "child<type>": value.o, owns a reference */
} ObjectPropertyKind;

typedef union ObjectPropertyValue {
    uint64_t u;
    int64_t i;
    bool b;
    const char *s;
    Object *o;
} ObjectPropertyValue;

typedef void ObjectPropertyGetter(Object *obj, void *opaque, ObjectPropertyValue *out);

struct ObjectProperty {
    char *name;
    char *type;
    ObjectPropertyKind kind;
    ObjectPropertyGetter *get;  /* NULL for children: value is `child` */
    void *opaque;
    Object *child;
    ObjectProperty *next;
    ObjectProperty *prev;       /* private */
};

typedef void ObjectFinalize(Object *obj);

struct Object {
    const char *type;            /* static string, e.g. "memory-region" */
    unsigned ref;
    Object *parent;
    ObjectProperty *properties;  /* in order of addition */
    ObjectFinalize *finalize;    /* runs once, when ref drops to 0 */
    bool heap;                   /* allocated by object_new(): free() it */

    /* Private to memory/object.c. */
    ObjectProperty *properties_tail;
    ObjectProperty *parent_prop;        /* our child property in `parent` */
    unsigned nr_properties;
    struct ObjectPropertyIndex *index;  /* name hash, once there are many */
};

/*
 * Initialise an object embedded in caller memory (zeroing the Object part);
 * it starts with one reference, which its creator owns.
 */
void object_initialize(Object *obj, const char *type, ObjectFinalize *finalize);
/* Allocate and initialise `size` zeroed bytes whose first member is an Object. */
Object *object_new(size_t size, const char *type, ObjectFinalize *finalize);

void object_ref(Object *obj);
void object_unref(Object *obj);
const char *object_get_typename(const Object *obj);

/*
 * Add a read-only property computed by `get`.  Returns NULL and sets errp if
 * the name is already taken.
 */
ObjectProperty *object_property_add(Object *obj, const char *name, const char *type,
                                    ObjectPropertyKind kind, ObjectPropertyGetter *get,
                                    void *opaque, Error **errp);
ObjectProperty *object_property_find(Object *obj, const char *name);
/* Read any property; false (and errp set) if it does not exist. */
bool object_property_get(Object *obj, const char *name, ObjectPropertyValue *out,
                         Error **errp);
/*
 * Typed reads.  The integer readers accept uint, int and bool properties
 * (converted); a property of another kind is an error (errp set, 0 returned).
 */
uint64_t object_property_get_uint(Object *obj, const char *name, Error **errp);
int64_t object_property_get_int(Object *obj, const char *name, Error **errp);
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
Object *object_property_get_link(Object *obj, const char *name, Error **errp);
/*
 * Format a property as text, as a monitor would show it (malloc'ed): numbers
 * in decimal, "true"/"false", strings as they are, links and children as the
 * canonical path of their target ("" when unset).
 */
char *object_property_print(Object *obj, const char *name, Error **errp);

/*
 * Make `child` a child of `parent` under `name` (a trailing "[*]" picks the
 * first free index).  The parent takes its own reference on the child.
 * Returns the final name (owned by the property), or NULL with errp set: the
 * name is taken, empty or contains '/', the child already has a parent, or
 * the child is an ancestor of parent.
 */
const char *object_property_add_child(Object *parent, const char *name, Object *child,
                                      Error **errp);
/* Remove obj from its parent, dropping the parent's reference. */
void object_unparent(Object *obj);
Object *object_resolve_child(Object *parent, const char *name);
/* "/machine/unattached/ram[0]" style absolute path, or relative to `from`. */
Object *object_resolve_path(Object *from, const char *path);
/* The name obj has in its parent, or NULL for a root/orphan. */
const char *object_get_name(const Object *obj);
/* Absolute path, malloc'ed; NULL for an object not attached under the root. */
char *object_get_canonical_path(const Object *obj);
/*
 * A name made safe for a path component (malloc'ed): '/', '[', ']', the
 * backslash and non-printable bytes become "\xHH".  Region names go through
 * it before becoming child names, so region "a/b" is child "a\x2fb[0]".
 */
char *object_escape_name(const char *name);

Object *object_get_root(void);
/* Get (creating as containers if needed) the object at an absolute path. */
Object *object_container_get(const char *path);
/* "/machine/unattached": the owner of objects created without one. */
Object *object_get_unattached(void);

#endif
