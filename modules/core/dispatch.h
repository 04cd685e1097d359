/* One worker process of portal-host: its database connection, stylesheet
 * cache and module state, and the request pipeline every request follows:
 *
 *   parse (limits, UTF-8) -> route match -> session -> password rotation ->
 *   access flags and capabilities -> CSRF on POST -> handler -> render
 *
 * then one log line (request id, module, route, status, duration, account). */
#ifndef PORTAL_DISPATCH_H
#define PORTAL_DISPATCH_H

#include <fcgiapp.h>

struct portal_config;
struct portal_module;
struct worker;

/* Opens the database (lazily reconnecting), the page cache and calls the
 * module's init. NULL on a setup error (logged). */
struct worker *worker_new(const struct portal_config *cfg, const struct portal_module *mod);
/* Serves one accepted FastCGI request completely (reads the body, writes
 * the answer). Never exits the process for a bad request. */
void worker_handle(struct worker *w, FCGX_Request *fr);
void worker_free(struct worker *w);

#endif
