/* The declarations module's descriptor: every page of /declarations and its
 * protection in one table. Authorization on ids (habilitation or Caf of the
 * facility) is checked by each handler (decl_access.c): 404 otherwise. */
#include <stdlib.h>

#include "decl.h"
#include "decl_catalogue.h"
#include "module.h"

#define SIGNED_IN ACCESS_AUTH
/* signed in, the session confirmed by the handler's first statement
 * (decl_load or the facility's), one round trip fewer; no write before */
#define SIGNED_IN_BY_PAGE (ACCESS_AUTH | ACCESS_CHECK_IN_PAGE)
#define CAF_ANY (CAP_CAF_AGENT | CAP_CAF_ADMIN | CAP_CAF_INSTRUCTOR | CAP_CAF_HAB_MANAGER)
#define DECLARER (CAP_DECLARER | CAP_HAS_ROLES | CAF_ANY)

static const struct portal_route ROUTES[] = {
	{"GET", "/declarations/", decl_home, SIGNED_IN, 0},
	{"GET", "/declarations/equipements", decl_facilities, SIGNED_IN, DECLARER},
	{"GET", "/declarations/equipement/{id}", decl_facility_page, SIGNED_IN_BY_PAGE, DECLARER},
	{"GET", "/declarations/recherche", decl_search, SIGNED_IN, DECLARER},
	{"GET", "/declarations/recherche-equipement", decl_search_facility, SIGNED_IN, DECLARER},
	/* the rail */
	{"GET", "/declarations/declaration/{id}/activite", decl_activity_get, SIGNED_IN_BY_PAGE, DECLARER},
	{"POST", "/declarations/declaration/{id}/activite", decl_activity_post, SIGNED_IN_BY_PAGE, DECLARER},
	{"GET", "/declarations/declaration/{id}/controle-activite", decl_activity_control_get, SIGNED_IN_BY_PAGE, DECLARER},
	{"POST", "/declarations/declaration/{id}/controle-activite", decl_activity_control_post, SIGNED_IN_BY_PAGE, DECLARER},
	{"GET", "/declarations/declaration/{id}/financier", decl_financial_get, SIGNED_IN_BY_PAGE, DECLARER},
	{"POST", "/declarations/declaration/{id}/financier", decl_financial_post, SIGNED_IN_BY_PAGE, DECLARER},
	{"GET", "/declarations/declaration/{id}/controle-financier", decl_financial_control_get, SIGNED_IN_BY_PAGE, DECLARER},
	{"POST", "/declarations/declaration/{id}/controle-financier", decl_financial_control_post, SIGNED_IN_BY_PAGE, DECLARER},
	{"GET", "/declarations/declaration/{id}/controle-global", decl_global_control_get, SIGNED_IN_BY_PAGE, DECLARER},
	{"POST", "/declarations/declaration/{id}/controle-global", decl_global_control_post, SIGNED_IN_BY_PAGE, DECLARER},
	{"GET", "/declarations/declaration/{id}/transmission", decl_transmission_get, SIGNED_IN_BY_PAGE, DECLARER},
	{"POST", "/declarations/declaration/{id}/transmission", decl_transmission_post, SIGNED_IN, DECLARER},
	{"POST", "/declarations/declaration/{id}/fin-de-saisie", decl_end_of_entry_post, SIGNED_IN, DECLARER},
	{"POST", "/declarations/declaration/{id}/correction", decl_correction_post, SIGNED_IN, DECLARER},
	{"GET", "/declarations/declaration/{id}/synthese.pdf", decl_pdf, SIGNED_IN_BY_PAGE, DECLARER},
	/* the Caf */
	{"GET", "/declarations/campagnes", decl_campaigns_get, SIGNED_IN, CAP_CAF_INSTRUCTOR | CAP_CAF_ADMIN},
	{"POST", "/declarations/campagnes", decl_campaigns_post, SIGNED_IN, CAP_CAF_INSTRUCTOR | CAP_CAF_ADMIN},
	{"GET", "/declarations/instruction", decl_instruction_list, SIGNED_IN, CAP_CAF_INSTRUCTOR},
	{"GET", "/declarations/instruction/{id}", decl_instruction_get, SIGNED_IN, CAP_CAF_INSTRUCTOR},
	{"POST", "/declarations/instruction/{id}", decl_instruction_post, SIGNED_IN, CAP_CAF_INSTRUCTOR},
	{"GET", "/declarations/baremes", decl_scales_get, SIGNED_IN, CAP_CAF_ADMIN},
	{"POST", "/declarations/baremes", decl_scales_post, SIGNED_IN, CAP_CAF_ADMIN},
};

static void *decl_init(const struct portal_worker_info *w)
{
	struct decl_module *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	decl_thresholds_from_config(&m->thresholds, w->cfg);
	return m;
}

static void decl_fini(void *data)
{
	decl_catalogue_clear();
	free(data);
}

PORTAL_EXPORT const struct portal_module portal_module_descriptor = {
	.abi = PORTAL_MODULE_ABI,
	.name = "declarations",
	.prefix = "/declarations",
	.init = decl_init,
	.fini = decl_fini,
	.routes = ROUTES,
	.nroutes = sizeof(ROUTES) / sizeof(ROUTES[0]),
};
