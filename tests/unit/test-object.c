/*
 * test-object.c: the object model (memory/object.c): reference counts and
 * finalize order, children and "[*]" names (first free index, reuse after
 * removal, thousands of siblings), name escaping, read-only properties and
 * their typed readers, canonical paths and path resolution, /machine and
 * /machine/unattached.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemu/error.h"
#include "lemu/object.h"

typedef struct Thing {
    Object parent_obj;
    int *finalized;  /* incremented by the finalize hook */
    uint64_t value;
} Thing;

static void thing_finalize(Object *obj)
{
    Thing *t = (Thing *)obj;
    if (t->finalized) {
        (*t->finalized)++;
    }
}

static Thing *thing_new(int *finalized)
{
    Thing *t = (Thing *)object_new(sizeof(Thing), "thing", thing_finalize);
    t->finalized = finalized;
    return t;
}

static void get_value(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)opaque;
    out->u = ((Thing *)obj)->value;
}

static void get_negative(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)obj;
    (void)opaque;
    out->i = -5;
}

static void get_true(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)obj;
    (void)opaque;
    out->b = true;
}

static void get_opaque_string(Object *obj, void *opaque, ObjectPropertyValue *out)
{
    (void)obj;
    out->s = opaque;
}

Test(object, new_object_has_one_ref_and_dies_on_last_unref)
{
    int finalized = 0;
    Thing *t = thing_new(&finalized);
    cr_expect_eq(t->parent_obj.ref, 1);
    cr_expect_str_eq(object_get_typename(&t->parent_obj), "thing");
    object_ref(&t->parent_obj);
    object_unref(&t->parent_obj);
    cr_expect_eq(finalized, 0);
    object_unref(&t->parent_obj);
    cr_expect_eq(finalized, 1);
}

Test(object, parent_holds_its_own_reference_on_a_child)
{
    int finalized = 0;
    Object *root = object_get_root();
    Thing *t = thing_new(&finalized);
    const char *name = object_property_add_child(root, "thing", &t->parent_obj, NULL);
    cr_assert_str_eq(name, "thing");
    cr_expect_eq(t->parent_obj.ref, 2);
    object_unref(&t->parent_obj);  /* the creator lets go: the parent keeps it */
    cr_expect_eq(finalized, 0);
    cr_expect_eq(object_resolve_child(root, "thing"), &t->parent_obj);
    object_unparent(&t->parent_obj);
    cr_expect_eq(finalized, 1);
    cr_expect_null(object_resolve_child(root, "thing"));
}

Test(object, dying_parent_releases_its_children_after_its_finalize_hook)
{
    int parent_fin = 0, child_fin = 0;
    Thing *p = thing_new(&parent_fin);
    Thing *c = thing_new(&child_fin);
    cr_assert_not_null(object_property_add_child(&p->parent_obj, "c", &c->parent_obj, NULL));
    object_unref(&c->parent_obj);
    object_unref(&p->parent_obj);
    cr_expect_eq(parent_fin, 1);
    cr_expect_eq(child_fin, 1);
}

Test(object, star_names_take_the_first_free_index)
{
    Object *parent = &thing_new(NULL)->parent_obj;
    Thing *a = thing_new(NULL), *b = thing_new(NULL), *c = thing_new(NULL), *d = thing_new(NULL);
    cr_expect_str_eq(object_property_add_child(parent, "dev[*]", &a->parent_obj, NULL), "dev[0]");
    cr_expect_str_eq(object_property_add_child(parent, "dev[*]", &b->parent_obj, NULL), "dev[1]");
    cr_expect_str_eq(object_property_add_child(parent, "dev[*]", &c->parent_obj, NULL), "dev[2]");
    object_unparent(&a->parent_obj);  /* dev[0] is free again */
    cr_expect_str_eq(object_property_add_child(parent, "dev[*]", &d->parent_obj, NULL), "dev[0]");
    cr_expect_str_eq(object_get_name(&d->parent_obj), "dev[0]");
    object_unref(&a->parent_obj);
    object_unref(&b->parent_obj);
    object_unref(&c->parent_obj);
    object_unref(&d->parent_obj);
    object_unref(parent);
}

Test(object, thousands_of_star_children_get_distinct_names_and_freed_ones_are_reused)
{
    enum { N = 5000 };
    Object *parent = &thing_new(NULL)->parent_obj;
    static Thing *kids[N];
    for (int i = 0; i < N; i++) {
        kids[i] = thing_new(NULL);
        const char *name = object_property_add_child(parent, "r[*]", &kids[i]->parent_obj, NULL);
        char want[32];
        snprintf(want, sizeof(want), "r[%d]", i);
        cr_assert_str_eq(name, want);
        object_unref(&kids[i]->parent_obj);
    }
    object_unparent(&kids[4000]->parent_obj);
    object_unparent(&kids[17]->parent_obj);
    Thing *x = thing_new(NULL), *y = thing_new(NULL), *z = thing_new(NULL);
    cr_expect_str_eq(object_property_add_child(parent, "r[*]", &x->parent_obj, NULL), "r[17]");
    cr_expect_str_eq(object_property_add_child(parent, "r[*]", &y->parent_obj, NULL), "r[4000]");
    cr_expect_str_eq(object_property_add_child(parent, "r[*]", &z->parent_obj, NULL), "r[5000]");
    cr_expect_eq(object_resolve_child(parent, "r[4999]"), &kids[4999]->parent_obj);
    object_unref(&x->parent_obj);
    object_unref(&y->parent_obj);
    object_unref(&z->parent_obj);
    object_unref(parent);
}

Test(object, duplicate_and_invalid_child_names_are_errors)
{
    Object *parent = &thing_new(NULL)->parent_obj;
    Thing *a = thing_new(NULL), *b = thing_new(NULL);
    Error *err = NULL;
    cr_assert_not_null(object_property_add_child(parent, "x", &a->parent_obj, NULL));
    cr_expect_null(object_property_add_child(parent, "x", &b->parent_obj, &err));
    cr_assert_not_null(err);
    cr_expect(strstr(error_get_pretty(err), "'x'") != NULL);
    error_free(err);
    err = NULL;
    cr_expect_null(object_property_add_child(parent, "a/b", &b->parent_obj, &err));
    cr_expect_not_null(err);
    error_free(err);
    err = NULL;
    /* a already has a parent */
    cr_expect_null(object_property_add_child(parent, "y", &a->parent_obj, &err));
    cr_expect_not_null(err);
    error_free(err);
    err = NULL;
    /* a parent cannot become its own descendant's child */
    cr_expect_null(object_property_add_child(&a->parent_obj, "loop", parent, &err));
    cr_expect_not_null(err);
    error_free(err);
    object_unref(&a->parent_obj);
    object_unref(&b->parent_obj);
    object_unref(parent);
}

Test(object, escaped_names_have_no_path_separators_or_brackets)
{
    char *s = object_escape_name("pci/bus[0]\\x");
    cr_expect_str_eq(s, "pci\\x2fbus\\x5b0\\x5d\\x5cx");
    free(s);
    s = object_escape_name("plain.name-1");
    cr_expect_str_eq(s, "plain.name-1");
    free(s);
}

Test(object, properties_are_read_through_their_getters_and_typed_readers)
{
    Thing *t = thing_new(NULL);
    Object *o = &t->parent_obj;
    t->value = 0x1234;
    cr_assert_not_null(object_property_add(o, "value", "uint64", OBJECT_PROP_UINT, get_value,
                                           NULL, NULL));
    cr_assert_not_null(object_property_add(o, "neg", "int32", OBJECT_PROP_INT, get_negative,
                                           NULL, NULL));
    cr_assert_not_null(object_property_add(o, "flag", "bool", OBJECT_PROP_BOOL, get_true, NULL,
                                           NULL));
    cr_assert_not_null(object_property_add(o, "label", "string", OBJECT_PROP_STR,
                                           get_opaque_string, "hello", NULL));
    cr_expect_eq(object_property_get_uint(o, "value", NULL), 0x1234);
    t->value = 7;  /* read-only, but computed on each read */
    cr_expect_eq(object_property_get_uint(o, "value", NULL), 7);
    cr_expect_eq(object_property_get_int(o, "neg", NULL), -5);
    cr_expect(object_property_get_bool(o, "flag", NULL));

    char *s = object_property_print(o, "value", NULL);
    cr_expect_str_eq(s, "7");
    free(s);
    s = object_property_print(o, "neg", NULL);
    cr_expect_str_eq(s, "-5");
    free(s);
    s = object_property_print(o, "flag", NULL);
    cr_expect_str_eq(s, "true");
    free(s);
    s = object_property_print(o, "label", NULL);
    cr_expect_str_eq(s, "hello");
    free(s);

    Error *err = NULL;
    cr_expect_null(object_property_add(o, "value", "uint64", OBJECT_PROP_UINT, get_value, NULL,
                                       &err));
    cr_expect_not_null(err);
    error_free(err);
    err = NULL;
    cr_expect_eq(object_property_get_uint(o, "missing", &err), 0);
    cr_expect_not_null(err);
    error_free(err);
    err = NULL;
    cr_expect_not(object_property_get_bool(o, "value", &err));
    cr_expect_not_null(err);
    error_free(err);
    object_unref(o);
}

Test(object, canonical_paths_and_path_resolution)
{
    Object *machine = object_container_get("/machine");
    Object *unattached = object_get_unattached();
    cr_expect_eq(object_resolve_path(NULL, "/machine/unattached"), unattached);
    cr_expect_eq(object_resolve_child(machine, "unattached"), unattached);

    Thing *t = thing_new(NULL);
    cr_assert_not_null(object_property_add_child(unattached, "uart[*]", &t->parent_obj, NULL));
    object_unref(&t->parent_obj);
    char *path = object_get_canonical_path(&t->parent_obj);
    cr_expect_str_eq(path, "/machine/unattached/uart[0]");
    free(path);
    cr_expect_eq(object_resolve_path(NULL, "/machine/unattached/uart[0]"), &t->parent_obj);
    cr_expect_eq(object_resolve_path(machine, "unattached/uart[0]"), &t->parent_obj);
    cr_expect_null(object_resolve_path(NULL, "/machine/nothing"));

    path = object_get_canonical_path(object_get_root());
    cr_expect_str_eq(path, "/");
    free(path);

    Thing *orphan = thing_new(NULL);
    cr_expect_null(object_get_canonical_path(&orphan->parent_obj));
    cr_expect_null(object_get_name(&orphan->parent_obj));
    object_unref(&orphan->parent_obj);

    path = object_property_print(unattached, "uart[0]", NULL);
    cr_expect_str_eq(path, "/machine/unattached/uart[0]");
    free(path);
    object_unparent(&t->parent_obj);
}

Test(object, container_get_creates_missing_containers_once)
{
    Object *a = object_container_get("/peripherals/bus0");
    Object *b = object_container_get("/peripherals/bus0");
    cr_expect_eq(a, b);
    cr_expect_str_eq(object_get_typename(a), "container");
    cr_expect_eq(object_resolve_path(NULL, "/peripherals/bus0"), a);
}
