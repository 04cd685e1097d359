/* portal-admin imports the Caf's reference data with the habilitations
 * module's own CSV reader, writer and SQL (none of them a handler): compiled
 * here a second time, as auth_shared.c does for the auth files. */
#include "../habilitations/hab_csv.c"
#include "../habilitations/hab_import.c"
#include "../habilitations/hab_sql.c"
