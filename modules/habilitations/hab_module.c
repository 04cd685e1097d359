/* The habilitations module's descriptor: every page of /habilitations and
 * its protection in one table. The capabilities below only open the door;
 * each handler then checks that every id of the request (convention, user,
 * facility, habilitation, partner, membership, grant) is inside the
 * caller's scope, and answers 404 with a log line otherwise. */
#include "hab.h"
#include "module.h"

#define SIGNED_IN ACCESS_AUTH
/* who reaches the module at all (as the menu item) */
#define ANY_ADMIN                                                                               \
	(CAP_PARTNER_ADMIN | CAP_HAB_MANAGER | CAP_HABILITER | CAP_CAF_ADMIN | CAP_CAF_HAB_MANAGER)
#define GRANTOR (CAP_PARTNER_ADMIN | CAP_HAB_MANAGER | CAP_CAF_ADMIN)
#define PARTNER_GRANTOR (CAP_PARTNER_ADMIN | CAP_HAB_MANAGER)

static const struct portal_route ROUTES[] = {
	{"GET", "/habilitations/", hab_home, SIGNED_IN, ANY_ADMIN},
	/* conventions and their users (seed 004) */
	{"GET", "/habilitations/conventions", hab_conventions, SIGNED_IN, ANY_ADMIN},
	{"GET", "/habilitations/convention/{id}", hab_convention_detail, SIGNED_IN, ANY_ADMIN},
	{"GET", "/habilitations/convention/{id}/groupes", hab_convention_groups, SIGNED_IN, ANY_ADMIN},
	{"GET", "/habilitations/convention/{id}/utilisateurs", hab_users, SIGNED_IN, ANY_ADMIN},
	{"GET", "/habilitations/convention/{id}/utilisateur/nouveau", hab_user_new_get, SIGNED_IN, GRANTOR},
	{"POST", "/habilitations/convention/{id}/utilisateur/nouveau", hab_user_new_post, SIGNED_IN, GRANTOR},
	{"GET", "/habilitations/utilisateur/{id}", hab_user_detail, SIGNED_IN, ANY_ADMIN},
	{"GET", "/habilitations/utilisateur/{id}/modifier", hab_user_edit_get, SIGNED_IN, GRANTOR},
	{"POST", "/habilitations/utilisateur/{id}/modifier", hab_user_edit_post, SIGNED_IN, GRANTOR},
	{"GET", "/habilitations/utilisateur/{id}/cloturer", hab_user_close_get, SIGNED_IN, GRANTOR},
	{"POST", "/habilitations/utilisateur/{id}/cloturer", hab_user_close_post, SIGNED_IN, GRANTOR},
	{"GET", "/habilitations/utilisateur/{id}/groupes", hab_user_groups_get, SIGNED_IN, GRANTOR},
	{"POST", "/habilitations/utilisateur/{id}/groupes", hab_user_groups_post, SIGNED_IN, GRANTOR},
	{"POST", "/habilitations/appartenance/{id}/cloturer", hab_membership_close_post, SIGNED_IN, GRANTOR},
	/* roles (seeds 003, 004) */
	{"GET", "/habilitations/recherche", hab_search, SIGNED_IN, ANY_ADMIN},
	{"POST", "/habilitations/habilitation/{id}/fin", hab_end_post, SIGNED_IN, GRANTOR},
	{"GET", "/habilitations/affecter", hab_assign_get, SIGNED_IN, GRANTOR},
	{"POST", "/habilitations/affecter", hab_assign_post, SIGNED_IN, GRANTOR},
	{"GET", "/habilitations/responsables", hab_managers_get, SIGNED_IN, PARTNER_GRANTOR},
	{"POST", "/habilitations/responsables", hab_managers_post, SIGNED_IN, PARTNER_GRANTOR},
	{"POST", "/habilitations/responsable/{id}/fin", hab_manager_end_post, SIGNED_IN, PARTNER_GRANTOR},
	/* the Caf's habilitation manager */
	{"GET", "/habilitations/validations", hab_validations, SIGNED_IN, CAP_CAF_HAB_MANAGER},
	{"POST", "/habilitations/habilitation/{id}/valider", hab_validate_post, SIGNED_IN, CAP_CAF_HAB_MANAGER},
	{"POST", "/habilitations/habilitation/{id}/refuser", hab_refuse_post, SIGNED_IN, CAP_CAF_HAB_MANAGER},
	{"GET", "/habilitations/supervision", hab_supervision, SIGNED_IN, CAP_CAF_HAB_MANAGER | CAP_CAF_ADMIN},
	/* the Caf's administrator */
	{"GET", "/habilitations/partenaires", hab_partners_get, SIGNED_IN, CAP_CAF_ADMIN},
	{"POST", "/habilitations/partenaires", hab_partners_post, SIGNED_IN, CAP_CAF_ADMIN},
	{"GET", "/habilitations/conventions/nouvelle", hab_convention_new_get, SIGNED_IN, CAP_CAF_ADMIN},
	{"POST", "/habilitations/conventions/nouvelle", hab_convention_new_post, SIGNED_IN, CAP_CAF_ADMIN},
	{"POST", "/habilitations/convention/{id}/service", hab_service_post, SIGNED_IN, CAP_CAF_ADMIN},
	{"GET", "/habilitations/convention/{id}/equipement", hab_facility_new_get, SIGNED_IN, CAP_CAF_ADMIN},
	{"POST", "/habilitations/convention/{id}/equipement", hab_facility_new_post, SIGNED_IN, CAP_CAF_ADMIN},
	{"POST", "/habilitations/equipement/{id}/lieu", hab_site_post, SIGNED_IN, CAP_CAF_ADMIN},
	{"GET", "/habilitations/convention/{id}/administrateur", hab_partner_admin_get, SIGNED_IN, CAP_CAF_ADMIN},
	{"POST", "/habilitations/convention/{id}/administrateur", hab_partner_admin_post, SIGNED_IN, CAP_CAF_ADMIN},
};

PORTAL_EXPORT const struct portal_module portal_module_descriptor = {
	.abi = PORTAL_MODULE_ABI,
	.name = "habilitations",
	.prefix = "/habilitations",
	.init = NULL,
	.fini = NULL,
	.routes = ROUTES,
	.nroutes = sizeof(ROUTES) / sizeof(ROUTES[0]),
};
