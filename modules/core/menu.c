/* One table says who sees which menu item, so the rule is read in one place. */
#include "menu.h"

#include <string.h>

#include "module.h"
#include "page.h"

struct menu_item {
	const char *key;
	const char *href;
	const char *label;
	unsigned caps; /* any of these; 0 = every signed-in account */
};

static const struct menu_item MENU[] = {
	{"accueil", "/declarations/", "Accueil", 0},
	{"declarer", "/declarations/equipements", "Déclarer mes données",
	 CAP_HAS_ROLES | CAP_DECLARER},
	{"rechercher", "/declarations/recherche", "Rechercher",
	 CAP_HAS_ROLES | CAP_DECLARER | CAP_CAF_AGENT},
	{"statistiques", "/statistiques/", "Consulter les statistiques",
	 CAP_HAS_ROLES | CAP_DECLARER | CAP_CAF_AGENT},
	{"habilitations", "/habilitations/", "Gestion des habilitations",
	 CAP_PARTNER_ADMIN | CAP_HAB_MANAGER | CAP_HABILITER | CAP_CAF_ADMIN |
		 CAP_CAF_HAB_MANAGER},
	{"instruction", "/declarations/instruction", "Instruction des déclarations",
	 CAP_CAF_INSTRUCTOR | CAP_CAF_ADMIN},
};

void menu_build(xmlNodePtr parent, unsigned caps, const char *path)
{
	xmlNodePtr menu = px_el(parent, "menu");
	/* The current item is the one whose link is the longest prefix of the
	 * path ("/declarations/" only for the home page itself). */
	size_t best = 0, best_len = 0;
	size_t n = sizeof MENU / sizeof MENU[0];
	int visible[sizeof MENU / sizeof MENU[0]];
	for (size_t i = 0; i < n; i++) {
		visible[i] = MENU[i].caps == 0 || (caps & MENU[i].caps);
		size_t l = strlen(MENU[i].href);
		int match = strcmp(MENU[i].href, "/declarations/") == 0
				    ? path && strcmp(path, MENU[i].href) == 0
				    : path && strncmp(path, MENU[i].href, l) == 0;
		if (visible[i] && match && l > best_len) {
			best = i;
			best_len = l;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (!visible[i])
			continue;
		xmlNodePtr item = px_text(menu, "item", MENU[i].label);
		px_attr(item, "key", MENU[i].key);
		px_attr(item, "href", MENU[i].href);
		if (best_len && i == best)
			px_attr(item, "current", "1");
	}
}
