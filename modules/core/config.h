/* conf/portail.conf: "key = value" lines, '#' comments. A later key
 * overrides an earlier one, so an instance file can append overrides. */
#ifndef PORTAL_CONFIG_H
#define PORTAL_CONFIG_H

#include <stddef.h>

struct portal_config;

/* Returns NULL and prints the reason (file, line) on stderr. */
struct portal_config *config_load(const char *path);
void config_free(struct portal_config *c);

const char *config_get(const struct portal_config *c, const char *key, const char *def);
long config_int(const struct portal_config *c, const char *key, long def);
/* yes/no, true/false, on/off, 1/0 */
int config_bool(const struct portal_config *c, const char *key, int def);
/* For tests: set or replace a value. */
void config_set(struct portal_config *c, const char *key, const char *value);
struct portal_config *config_new_empty(void);

#endif
