/* Logs go to stderr, one line each, so systemd or the run scripts collect
 * them. One line per request: time, request id, module, route, status,
 * duration, account id. */
#ifndef PORTAL_LOG_H
#define PORTAL_LOG_H

void log_set_module(const char *module);
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
