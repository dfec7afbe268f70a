/*
 * memory/object.c: the minimal object model of include/lemu/object.h.
 *
 * Objects carry a type name, a reference count, a parent and an ordered list
 * of read-only properties; children are "child<type>" properties that own a
 * reference.  A board creates thousands of regions under one owner (often
 * /machine/unattached), so an object with many properties gets a hash index
 * of their names, and "name[*]" remembers per prefix the lowest index that
 * may be free: adding or removing a child stays O(1) instead of a scan of
 * every sibling per candidate index.
 */
#include "config.h"
#include "lemu/object.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Below this many properties a linear scan beats hashing. */
#define OBJECT_INDEX_THRESHOLD 8

typedef struct ObjectNameSlot {
    const char *key;   /* NULL: empty slot */
    uint64_t hash;
    union {
        ObjectProperty *prop;
        unsigned long hint;  /* "[*]" prefixes: every index below is taken */
    } u;
} ObjectNameSlot;

typedef struct ObjectNameTable {
    ObjectNameSlot *slots;
    size_t mask;   /* capacity - 1, a power of two minus one */
    size_t used;
} ObjectNameTable;

struct ObjectPropertyIndex {
    ObjectNameTable props;  /* name -> property; keys owned by the properties */
    ObjectNameTable hints;  /* prefix -> next candidate index; keys malloc'ed */
};

static Object object_root;
static bool object_root_ready;

static void *object_xmalloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p) {
        fprintf(stderr, "lemu: out of memory\n");
        abort();
    }
    return p;
}

static char *object_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = object_xmalloc(n);
    memcpy(d, s, n);
    return d;
}

/* FNV-1a over a string prefix of length len. */
static uint64_t object_name_hash(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* ------------------------------------------------------------------ */
/* Open-addressing string table (linear probing, backward-shift delete) */

static ObjectNameSlot *name_table_find(ObjectNameTable *t, const char *key, size_t len,
                                       uint64_t hash)
{
    if (!t->slots) {
        return NULL;
    }
    for (size_t i = hash & t->mask;; i = (i + 1) & t->mask) {
        ObjectNameSlot *s = &t->slots[i];
        if (!s->key) {
            return NULL;
        }
        if (s->hash == hash && strncmp(s->key, key, len) == 0 && s->key[len] == '\0') {
            return s;
        }
    }
}

static void name_table_insert_slot(ObjectNameTable *t, const ObjectNameSlot *src)
{
    size_t i = src->hash & t->mask;
    while (t->slots[i].key) {
        i = (i + 1) & t->mask;
    }
    t->slots[i] = *src;
}

static void name_table_grow(ObjectNameTable *t)
{
    size_t old_cap = t->slots ? t->mask + 1 : 0;
    ObjectNameSlot *old = t->slots;
    size_t cap = old_cap ? old_cap * 2 : 16;
    t->slots = object_xmalloc(cap * sizeof(*t->slots));
    t->mask = cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].key) {
            name_table_insert_slot(t, &old[i]);
        }
    }
    free(old);
}

static ObjectNameSlot *name_table_add(ObjectNameTable *t, const char *key, uint64_t hash)
{
    /* Keep the load factor under 1/2 so probe chains stay short. */
    if (!t->slots || (t->used + 1) * 2 > t->mask + 1) {
        name_table_grow(t);
    }
    ObjectNameSlot slot = { .key = key, .hash = hash };
    size_t i = hash & t->mask;
    while (t->slots[i].key) {
        i = (i + 1) & t->mask;
    }
    t->slots[i] = slot;
    t->used++;
    return &t->slots[i];
}

static void name_table_remove(ObjectNameTable *t, ObjectNameSlot *victim)
{
    size_t i = (size_t)(victim - t->slots);
    size_t j = i;
    t->slots[i].key = NULL;
    t->used--;
    /* Backward shift: pull later members of the probe chain into the hole. */
    for (;;) {
        j = (j + 1) & t->mask;
        if (!t->slots[j].key) {
            return;
        }
        size_t home = t->slots[j].hash & t->mask;
        bool movable = (i <= j) ? (home <= i || home > j) : (home <= i && home > j);
        if (movable) {
            t->slots[i] = t->slots[j];
            t->slots[j].key = NULL;
            i = j;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Property list and index                                            */

static void object_index_build(Object *obj)
{
    struct ObjectPropertyIndex *idx = object_xmalloc(sizeof(*idx));
    for (ObjectProperty *p = obj->properties; p; p = p->next) {
        ObjectNameSlot *s = name_table_add(&idx->props, p->name,
                                           object_name_hash(p->name, strlen(p->name)));
        s->u.prop = p;
    }
    obj->index = idx;
}

static void object_index_free(Object *obj)
{
    struct ObjectPropertyIndex *idx = obj->index;
    if (!idx) {
        return;
    }
    if (idx->hints.slots) {
        for (size_t i = 0; i <= idx->hints.mask; i++) {
            free((char *)idx->hints.slots[i].key);
        }
    }
    free(idx->props.slots);
    free(idx->hints.slots);
    free(idx);
    obj->index = NULL;
}

static ObjectProperty *object_property_lookup(Object *obj, const char *name, size_t len)
{
    if (obj->index) {
        ObjectNameSlot *s = name_table_find(&obj->index->props, name, len,
                                            object_name_hash(name, len));
        return s ? s->u.prop : NULL;
    }
    for (ObjectProperty *p = obj->properties; p; p = p->next) {
        if (strncmp(p->name, name, len) == 0 && p->name[len] == '\0') {
            return p;
        }
    }
    return NULL;
}

/* If name is "prefix[k]", return k and the prefix length. */
static bool object_parse_indexed(const char *name, size_t *prefix_len, unsigned long *k)
{
    size_t n = strlen(name);
    if (n < 3 || name[n - 1] != ']') {
        return false;
    }
    size_t open = n - 2;
    while (open > 0 && name[open] >= '0' && name[open] <= '9') {
        open--;
    }
    if (name[open] != '[' || open == n - 2) {
        return false;
    }
    *prefix_len = open;
    *k = strtoul(name + open + 1, NULL, 10);
    return true;
}

static void object_property_link_in(Object *obj, ObjectProperty *p)
{
    p->prev = obj->properties_tail;
    p->next = NULL;
    if (obj->properties_tail) {
        obj->properties_tail->next = p;
    } else {
        obj->properties = p;
    }
    obj->properties_tail = p;
    obj->nr_properties++;
    if (obj->index) {
        ObjectNameSlot *s = name_table_add(&obj->index->props, p->name,
                                           object_name_hash(p->name, strlen(p->name)));
        s->u.prop = p;
    } else if (obj->nr_properties > OBJECT_INDEX_THRESHOLD) {
        object_index_build(obj);
    }
}

static void object_property_unlink(Object *obj, ObjectProperty *p)
{
    if (p->prev) {
        p->prev->next = p->next;
    } else {
        obj->properties = p->next;
    }
    if (p->next) {
        p->next->prev = p->prev;
    } else {
        obj->properties_tail = p->prev;
    }
    obj->nr_properties--;
    if (!obj->index) {
        return;
    }
    size_t len = strlen(p->name);
    ObjectNameSlot *s = name_table_find(&obj->index->props, p->name, len,
                                        object_name_hash(p->name, len));
    assert(s && s->u.prop == p);
    name_table_remove(&obj->index->props, s);

    /* A freed "prefix[k]" below the prefix's hint becomes the next candidate. */
    size_t plen;
    unsigned long k;
    if (object_parse_indexed(p->name, &plen, &k)) {
        ObjectNameSlot *h = name_table_find(&obj->index->hints, p->name, plen,
                                            object_name_hash(p->name, plen));
        if (h && h->u.hint > k) {
            h->u.hint = k;
        }
    }
}

/* One allocation holds the property and both of its strings. */
static ObjectProperty *object_property_alloc(const char *name, const char *type)
{
    size_t nl = strlen(name) + 1, tl = strlen(type) + 1;
    ObjectProperty *p = object_xmalloc(sizeof(*p) + nl + tl);
    p->name = (char *)(p + 1);
    p->type = p->name + nl;
    memcpy(p->name, name, nl);
    memcpy(p->type, type, tl);
    return p;
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                         */

void object_initialize(Object *obj, const char *type, ObjectFinalize *finalize)
{
    memset(obj, 0, sizeof(*obj));
    obj->type = type;
    obj->ref = 1;
    obj->finalize = finalize;
}

Object *object_new(size_t size, const char *type, ObjectFinalize *finalize)
{
    assert(size >= sizeof(Object));
    Object *obj = object_xmalloc(size);
    object_initialize(obj, type, finalize);
    obj->heap = true;
    return obj;
}

void object_ref(Object *obj)
{
    assert(obj->ref > 0);
    obj->ref++;
}

static void object_release_properties(Object *obj)
{
    while (obj->properties) {
        ObjectProperty *p = obj->properties;
        object_property_unlink(obj, p);
        if (p->kind == OBJECT_PROP_CHILD && p->child) {
            Object *child = p->child;
            child->parent = NULL;
            child->parent_prop = NULL;
            object_unref(child);
        }
        free(p);
    }
    object_index_free(obj);
}

void object_unref(Object *obj)
{
    assert(obj->ref > 0);
    if (--obj->ref > 0) {
        return;
    }
    /* The parent holds a reference: dying while attached is a refcount bug. */
    assert(!obj->parent);
    if (obj->finalize) {
        obj->finalize(obj);
    }
    object_release_properties(obj);
    if (obj->heap) {
        free(obj);
    }
}

const char *object_get_typename(const Object *obj)
{
    return obj->type;
}

/* ------------------------------------------------------------------ */
/* Properties                                                         */

ObjectProperty *object_property_add(Object *obj, const char *name, const char *type,
                                    ObjectPropertyKind kind, ObjectPropertyGetter *get,
                                    void *opaque, Error **errp)
{
    if (object_property_lookup(obj, name, strlen(name))) {
        error_setg(errp, "property '%s' already exists on a %s object", name, obj->type);
        return NULL;
    }
    ObjectProperty *p = object_property_alloc(name, type);
    p->kind = kind;
    p->get = get;
    p->opaque = opaque;
    object_property_link_in(obj, p);
    return p;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    return object_property_lookup(obj, name, strlen(name));
}

bool object_property_get(Object *obj, const char *name, ObjectPropertyValue *out,
                         Error **errp)
{
    ObjectProperty *p = object_property_find(obj, name);
    if (!p) {
        error_setg(errp, "%s object has no property '%s'", obj->type, name);
        return false;
    }
    memset(out, 0, sizeof(*out));
    if (p->kind == OBJECT_PROP_CHILD) {
        out->o = p->child;
    } else if (p->get) {
        p->get(obj, p->opaque, out);
    }
    return true;
}

uint64_t object_property_get_uint(Object *obj, const char *name, Error **errp)
{
    ObjectPropertyValue v;
    if (!object_property_get(obj, name, &v, errp)) {
        return 0;
    }
    switch (object_property_find(obj, name)->kind) {
    case OBJECT_PROP_UINT:
        return v.u;
    case OBJECT_PROP_INT:
        return (uint64_t)v.i;
    case OBJECT_PROP_BOOL:
        return v.b;
    default:
        error_setg(errp, "property '%s' is not an integer", name);
        return 0;
    }
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    ObjectPropertyValue v;
    if (!object_property_get(obj, name, &v, errp)) {
        return 0;
    }
    switch (object_property_find(obj, name)->kind) {
    case OBJECT_PROP_UINT:
        return (int64_t)v.u;
    case OBJECT_PROP_INT:
        return v.i;
    case OBJECT_PROP_BOOL:
        return v.b;
    default:
        error_setg(errp, "property '%s' is not an integer", name);
        return 0;
    }
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    ObjectPropertyValue v;
    if (!object_property_get(obj, name, &v, errp)) {
        return false;
    }
    if (object_property_find(obj, name)->kind != OBJECT_PROP_BOOL) {
        error_setg(errp, "property '%s' is not a bool", name);
        return false;
    }
    return v.b;
}

Object *object_property_get_link(Object *obj, const char *name, Error **errp)
{
    ObjectPropertyValue v;
    if (!object_property_get(obj, name, &v, errp)) {
        return NULL;
    }
    ObjectPropertyKind kind = object_property_find(obj, name)->kind;
    if (kind != OBJECT_PROP_LINK && kind != OBJECT_PROP_CHILD) {
        error_setg(errp, "property '%s' is not a link", name);
        return NULL;
    }
    return v.o;
}

char *object_property_print(Object *obj, const char *name, Error **errp)
{
    ObjectPropertyValue v;
    if (!object_property_get(obj, name, &v, errp)) {
        return NULL;
    }
    char *s = NULL;
    int rc = 0;
    switch (object_property_find(obj, name)->kind) {
    case OBJECT_PROP_UINT:
        rc = asprintf(&s, "%" PRIu64, v.u);
        break;
    case OBJECT_PROP_INT:
        rc = asprintf(&s, "%" PRId64, v.i);
        break;
    case OBJECT_PROP_BOOL:
        s = object_xstrdup(v.b ? "true" : "false");
        break;
    case OBJECT_PROP_STR:
        s = object_xstrdup(v.s ? v.s : "");
        break;
    case OBJECT_PROP_LINK:
    case OBJECT_PROP_CHILD: {
        char *path = v.o ? object_get_canonical_path(v.o) : NULL;
        s = path ? path : object_xstrdup("");
        break;
    }
    }
    if (rc < 0) {
        s = NULL;
    }
    return s;
}

/* ------------------------------------------------------------------ */
/* Children and paths                                                 */

static bool object_name_needs_escape(unsigned char c)
{
    return c == '/' || c == '[' || c == ']' || c == '\\' || c < 0x20 || c >= 0x7f;
}

char *object_escape_name(const char *name)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 1;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        n += object_name_needs_escape(*p) ? 4 : 1;
    }
    char *out = object_xmalloc(n), *q = out;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (object_name_needs_escape(*p)) {
            *q++ = '\\';
            *q++ = 'x';
            *q++ = hex[*p >> 4];
            *q++ = hex[*p & 15];
        } else {
            *q++ = (char)*p;
        }
    }
    *q = '\0';
    return out;
}

static bool object_is_ancestor(const Object *maybe_ancestor, const Object *obj)
{
    for (; obj; obj = obj->parent) {
        if (obj == maybe_ancestor) {
            return true;
        }
    }
    return false;
}

const char *object_property_add_child(Object *parent, const char *name, Object *child,
                                      Error **errp)
{
    if (child->parent) {
        error_setg(errp, "object is already a child ('%s')", object_get_name(child));
        return NULL;
    }
    if (object_is_ancestor(child, parent)) {
        error_setg(errp, "cannot make an object a child of its own descendant");
        return NULL;
    }
    size_t len = strlen(name);
    if (len == 0 || strchr(name, '/')) {
        error_setg(errp, "invalid child name '%s'", name);
        return NULL;
    }

    char type[128];
    snprintf(type, sizeof(type), "child<%s>", child->type);

    ObjectProperty *p;
    if (len >= 3 && strcmp(name + len - 3, "[*]") == 0) {
        size_t plen = len - 3;
        uint64_t h = object_name_hash(name, plen);
        unsigned long i = 0;
        if (parent->index) {
            ObjectNameSlot *hint = name_table_find(&parent->index->hints, name, plen, h);
            i = hint ? hint->u.hint : 0;
        }
        char *candidate = object_xmalloc(plen + 24);
        for (;; i++) {
            int n = snprintf(candidate, plen + 24, "%.*s[%lu]", (int)plen, name, i);
            if (!object_property_lookup(parent, candidate, (size_t)n)) {
                break;
            }
        }
        p = object_property_alloc(candidate, type);
        free(candidate);
        p->kind = OBJECT_PROP_CHILD;
        p->child = child;
        object_property_link_in(parent, p);
        /* Linking may have built the index just now; indexes below i are taken. */
        if (parent->index) {
            ObjectNameSlot *hint = name_table_find(&parent->index->hints, name, plen, h);
            if (!hint) {
                char *key = object_xmalloc(plen + 1);
                memcpy(key, name, plen);
                hint = name_table_add(&parent->index->hints, key, h);
            }
            hint->u.hint = i + 1;
        }
    } else {
        if (object_property_lookup(parent, name, len)) {
            error_setg(errp, "property '%s' already exists on a %s object", name,
                       parent->type);
            return NULL;
        }
        p = object_property_alloc(name, type);
        p->kind = OBJECT_PROP_CHILD;
        p->child = child;
        object_property_link_in(parent, p);
    }
    object_ref(child);
    child->parent = parent;
    child->parent_prop = p;
    return p->name;
}

void object_unparent(Object *obj)
{
    Object *parent = obj->parent;
    if (!parent) {
        return;
    }
    ObjectProperty *p = obj->parent_prop;
    assert(p && p->child == obj);
    object_property_unlink(parent, p);
    free(p);
    obj->parent = NULL;
    obj->parent_prop = NULL;
    object_unref(obj);
}

Object *object_resolve_child(Object *parent, const char *name)
{
    ObjectProperty *p = object_property_find(parent, name);
    return p && p->kind == OBJECT_PROP_CHILD ? p->child : NULL;
}

Object *object_resolve_path(Object *from, const char *path)
{
    Object *obj = (path[0] == '/' || !from) ? object_get_root() : from;
    const char *s = path;
    while (*s) {
        if (*s == '/') {
            s++;
            continue;
        }
        size_t len = strcspn(s, "/");
        ObjectProperty *p = object_property_lookup(obj, s, len);
        if (!p) {
            return NULL;
        }
        if (p->kind == OBJECT_PROP_CHILD) {
            obj = p->child;
        } else if (p->kind == OBJECT_PROP_LINK) {
            ObjectPropertyValue v = { 0 };
            if (p->get) {
                p->get(obj, p->opaque, &v);
            }
            obj = v.o;
        } else {
            return NULL;
        }
        if (!obj) {
            return NULL;
        }
        s += len;
    }
    return obj;
}

const char *object_get_name(const Object *obj)
{
    return obj->parent_prop ? obj->parent_prop->name : NULL;
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    if (obj == root) {
        return object_xstrdup("/");
    }
    size_t len = 0;
    const Object *o;
    for (o = obj; o && o != root; o = o->parent) {
        if (!o->parent_prop) {
            return NULL;  /* not attached to the tree */
        }
        len += strlen(o->parent_prop->name) + 1;
    }
    if (!o) {
        return NULL;
    }
    char *path = object_xmalloc(len + 1);
    size_t end = len;
    path[end] = '\0';
    for (o = obj; o != root; o = o->parent) {
        size_t n = strlen(o->parent_prop->name);
        end -= n;
        memcpy(path + end, o->parent_prop->name, n);
        path[--end] = '/';
    }
    return path;
}

Object *object_get_root(void)
{
    if (!object_root_ready) {
        object_initialize(&object_root, "container", NULL);
        object_root_ready = true;
    }
    return &object_root;
}

Object *object_container_get(const char *path)
{
    Object *obj = object_get_root();
    const char *s = path;
    while (*s) {
        if (*s == '/') {
            s++;
            continue;
        }
        size_t len = strcspn(s, "/");
        ObjectProperty *p = object_property_lookup(obj, s, len);
        Object *next;
        if (p && p->kind == OBJECT_PROP_CHILD) {
            next = p->child;
        } else {
            assert(!p);  /* a non-child property where a container should be */
            char *name = object_xmalloc(len + 1);
            memcpy(name, s, len);
            next = object_new(sizeof(Object), "container", NULL);
            const char *added = object_property_add_child(obj, name, next, NULL);
            assert(added);
            (void)added;
            object_unref(next);
            free(name);
        }
        obj = next;
        s += len;
    }
    return obj;
}

Object *object_get_unattached(void)
{
    static Object *unattached;
    if (!unattached) {
        unattached = object_container_get("/machine/unattached");
    }
    return unattached;
}
