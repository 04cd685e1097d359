/* The form catalogue a worker keeps (decl_catalogue.c). */
#ifndef DECL_CATALOGUE_H
#define DECL_CATALOGUE_H

#include <stddef.h>

struct decl_field;
struct portal_ctx;

/* The fields of a facility kind and declaration type ("EAJE", "forecast"),
 * ordered by section and rank: the worker's copy while ctx's catalogue
 * version is the one it was read at, else read again (and kept). Valid
 * until the end of the request. 0, or an HTTP status. */
int decl_catalogue_fields(struct portal_ctx *ctx, const char *kind, const char *type,
			  const struct decl_field **fields, size_t *n);
/* Forgets every copy (the worker's fini, the unit tests). */
void decl_catalogue_clear(void);

#endif
