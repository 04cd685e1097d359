/* Matching a request path against a route pattern. */
#ifndef PORTAL_ROUTE_H
#define PORTAL_ROUTE_H

#include "kv.h"

struct arena;

/* 1 if path matches pattern, with {id} (digits, at most 18) and {name}
 * ([A-Za-z0-9_-], at most 64) captures added to params. */
int route_match(struct arena *a, const char *pattern, const char *path, struct kv_list *params);

#endif
