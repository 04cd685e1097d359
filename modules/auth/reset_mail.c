/* The temporary-password mail. It names the risk plainly: the current
 * password keeps working, a request one did not make can be ignored. */
#include "reset_mail.h"

#include "arena.h"

char *reset_mail_body(struct arena *a, const char *first_name, const char *last_name,
		      const char *temp_password, long hours, const char *base_url)
{
	return arena_printf(
		a,
		"Bonjour %s %s,\n\n"
		"Une demande de mot de passe a été faite pour votre compte du Portail Caf "
		"partenaires.\n\n"
		"Votre mot de passe provisoire : %s\n\n"
		"Il est valable %ld heures et ne sert qu'une fois. Connectez-vous sur "
		"%s/auth/connexion avec votre adresse électronique et ce mot de passe provisoire : "
		"le portail vous demandera aussitôt de choisir votre mot de passe personnel "
		"(saisissez le mot de passe provisoire dans « Mot de passe actuel »).\n\n"
		"Votre mot de passe actuel, si vous en avez un, reste valable tant que vous "
		"n'avez pas utilisé le mot de passe provisoire. Si vous n'êtes pas à l'origine de "
		"cette demande, ignorez ce message et signalez-le à votre Caf.\n\n"
		"Ne communiquez jamais votre mot de passe : la Caf ne vous le demandera jamais.\n\n"
		"Portail Caf partenaires — message automatique, merci de ne pas y répondre.\n",
		first_name ? first_name : "", last_name ? last_name : "", temp_password, hours,
		base_url ? base_url : "");
}
