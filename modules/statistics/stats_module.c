/* The statistics module's descriptor: every page of /statistiques and its
 * protection in one table. Which facility a caller may see is checked by
 * each handler (stats_access.c): 404 otherwise. */
#include "module.h"
#include "stats.h"

#define SIGNED_IN ACCESS_AUTH
/* signed in, the session confirmed by the facility's statement
 * (stats_load_facility), one round trip fewer */
#define SIGNED_IN_BY_PAGE (ACCESS_AUTH | ACCESS_CHECK_IN_PAGE)
/* the menu's rule for "Consulter les statistiques" (core/menu.c) */
#define READERS (CAP_HAS_ROLES | CAP_DECLARER | CAP_CAF_AGENT)

static const struct portal_route ROUTES[] = {
	{"GET", "/statistiques/", stats_search, SIGNED_IN, READERS},
	{"GET", "/statistiques/equipement/{id}", stats_facility_page, SIGNED_IN_BY_PAGE, READERS},
	{"GET", "/statistiques/equipement/{id}/export.csv", stats_export_csv, SIGNED_IN_BY_PAGE, READERS},
	{"GET", "/statistiques/publier", stats_publish_get, SIGNED_IN, CAP_CAF_ADMIN},
	{"POST", "/statistiques/publier", stats_publish_post, SIGNED_IN, CAP_CAF_ADMIN},
};

PORTAL_EXPORT const struct portal_module portal_module_descriptor = {
	.abi = PORTAL_MODULE_ABI,
	.name = "statistics",
	.prefix = "/statistiques",
	.init = NULL,
	.fini = NULL,
	.routes = ROUTES,
	.nroutes = sizeof(ROUTES) / sizeof(ROUTES[0]),
};
