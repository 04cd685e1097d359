/* portal-admin publishes a year's averages with the statistics module's own
 * computation and SQL, the same code as the Caf administrator's button. */
#include "../statistics/stats_calc.c"
#include "../statistics/stats_publish.c"
#include "../statistics/stats_sql.c"
