/* portal-admin's commands outside accounts, each in its own file and each
 * opening the database as the module whose grants it needs. argv[0] is the
 * first word after the command name. Exit status: 0 done, 1 refused or
 * failed (message on stderr), 2 usage. */
#ifndef ADMIN_COMMANDS_H
#define ADMIN_COMMANDS_H

struct portal_config;

/* import KIND FILE: partenaires | conventions | equipements | lieux (CSV). */
int admin_import(const struct portal_config *cfg, const char *today, int argc, char **argv);
/* stats publish --year N: the year's departmental and national averages. */
int admin_stats(const struct portal_config *cfg, int argc, char **argv);

#endif
