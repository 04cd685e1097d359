/* portal-admin: the operator's commands on accounts.
 *
 *   portal-admin --config PATH create-admin --caf CODE --email E --last-name N
 *                --first-name P [--send-mail]
 *   portal-admin --config PATH reset EMAIL
 *   portal-admin --config PATH force-password-change --all
 *   portal-admin --config PATH unlock EMAIL|IP
 *   portal-admin --config PATH set-password LOGIN|EMAIL   (password on stdin)
 *   portal-admin --config PATH import KIND FILE   (admin_import.c)
 *   portal-admin --config PATH stats publish --year N   (admin_stats.c)
 *
 * Each change is audited (actor: system) in the transaction that makes it.
 * Exit status: 0 done, 1 refused or failed (message on stderr), 2 usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../auth/auth_sql.h"
#include "../auth/auth_store.h"
#include "../auth/password_policy.h"
#include "../auth/passwords.h"
#include "../auth/reset_mail.h"
#include "admin_commands.h"
#include "arena.h"
#include "audit.h"
#include "clock.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "french.h"
#include "log.h"
#include "outbox.h"

struct admin {
	struct portal_config *cfg;
	struct db *db;
	struct arena *arena;
	struct pp_blocklist *blocklist;
	struct pw_cost cost;
	char today[16];
};

static int usage(void)
{
	fprintf(stderr,
		"usage: portal-admin --config PATH COMMAND\n"
		"  create-admin --caf CODE --email E --last-name N --first-name P [--send-mail]\n"
		"  reset EMAIL\n"
		"  force-password-change --all\n"
		"  unlock EMAIL|IP\n"
		"  set-password LOGIN|EMAIL   (reads the password on stdin)\n"
		"  import partenaires|conventions|equipements|lieux FILE.csv\n"
		"  stats publish --year N\n");
	return 2;
}

static int fail(struct admin *ad, const char *what)
{
	fprintf(stderr, "portal-admin: %s: %s\n", what, db_last_error(ad->db));
	if (db_in_transaction(ad->db))
		db_rollback(ad->db);
	return 1;
}

static const char *opt(int argc, char **argv, const char *name)
{
	for (int i = 0; i + 1 < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	return NULL;
}

static int has_flag(int argc, char **argv, const char *name)
{
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

/* A temporary password: its hash into hash, the text into temp. */
static int make_temporary(struct admin *ad, const char *email, char temp[16],
			  char hash[PW_HASH_MAX])
{
	pw_temporary(temp, 16, email, ad->blocklist);
	if (pw_hash(&ad->cost, temp, strlen(temp), hash) != PW_OK) {
		fprintf(stderr, "portal-admin: argon2id hashing failed (memory)\n");
		return 1;
	}
	return 0;
}

static int enqueue_reset_mail(struct admin *ad, const char *email, const char *first,
			      const char *last, const char *temp, long hours)
{
	const char *body = reset_mail_body(ad->arena, first, last, temp, hours,
					   config_get(ad->cfg, "public_url", ""));
	return outbox_enqueue(ad->db, email, RESET_MAIL_SUBJECT, body);
}

static int cmd_create_admin(struct admin *ad, int argc, char **argv)
{
	const char *caf = opt(argc, argv, "--caf"), *email = opt(argc, argv, "--email");
	const char *last = opt(argc, argv, "--last-name"), *first = opt(argc, argv, "--first-name");
	int send_mail = has_flag(argc, argv, "--send-mail");
	if (!caf || !email || !last || !first)
		return usage();
	const char *bad = fr_read_email(email);
	if (bad || !*last || !*first || strlen(last) > 80 || strlen(first) > 80) {
		fprintf(stderr, "portal-admin: %s\n", bad ? bad : "nom ou prénom invalide");
		return 1;
	}
	struct db_result r;
	if (db_query(ad->db, ad->arena, SQL_CAF_BY_CODE, DB_ARGS(DB_TEXT(caf)), &r) != DB_OK)
		return fail(ad, "caf lookup");
	if (r.rows != 1) {
		fprintf(stderr, "portal-admin: no Caf with code %s\n", caf);
		return 1;
	}
	long long caf_id = db_cell_int(&r, 0, 0);
	const char *dept = db_cell(&r, 0, 1);
	char temp[16], hash[PW_HASH_MAX];
	if (make_temporary(ad, email, temp, hash))
		return 1;
	time_t now = portal_now();
	/* Logins like the seeds' (ENF0780001): ENF, the department on three
	 * characters, a number. A concurrent creation takes the next one. */
	char prefix[16], like[20], login[48];
	snprintf(prefix, sizeof prefix, "ENF%03d", atoi(dept ? dept : "0"));
	snprintf(like, sizeof like, "%s%%", prefix);
	uint64_t id = 0;
	enum db_status st = DB_CONSTRAINT;
	for (int attempt = 0; attempt < 20 && st == DB_CONSTRAINT; attempt++) {
		if (db_query(ad->db, ad->arena, SQL_ACCOUNT_NEXT_LOGIN, DB_ARGS(DB_TEXT(like)), &r) !=
		    DB_OK)
			return fail(ad, "login numbering");
		snprintf(login, sizeof login, "%s%04lld", prefix, db_cell_int(&r, 0, 0) + 1 + attempt);
		if (db_begin(ad->db) != DB_OK)
			return fail(ad, "begin");
		st = db_exec(ad->db, SQL_ACCOUNT_INSERT_CAF_ADMIN,
			     DB_ARGS(DB_TEXT(login), DB_TEXT(email), DB_TEXT(last), DB_TEXT(first),
				     DB_INT(caf_id), DB_TEXT(ad->today), DB_TEXT(hash), DB_INT(now),
				     DB_INT(now)),
			     NULL, &id);
		if (st == DB_CONSTRAINT) {
			db_rollback(ad->db);
			int found = 0;
			struct auth_account a;
			if (store_account_by_email(ad->db, ad->arena, ad->today, email, &a, &found) ==
				    DB_OK &&
			    found) {
				fprintf(stderr, "portal-admin: an account already uses %s (%s)\n", email,
					a.login);
				return 1;
			}
		}
	}
	if (st != DB_OK)
		return fail(ad, "account insert");
	long hours = config_int(ad->cfg, "temp_password_hours", 24);
	if (send_mail && enqueue_reset_mail(ad, email, first, last, temp, hours) != 0)
		return fail(ad, "outbox");
	if (audit_event_db(ad->db, 0, NULL, "admin.create_caf_admin", "account", (long long)id,
			   arena_printf(ad->arena, "caf=%s login=%s by=portal-admin", caf, login)) !=
		    0 ||
	    db_commit(ad->db) != DB_OK)
		return fail(ad, "commit");
	printf("Administrateur Caf créé : identifiant %s, adresse %s.\n", login, email);
	if (send_mail)
		printf("Le mot de passe provisoire lui est envoyé par courriel.\n");
	else
		printf("Mot de passe provisoire (à changer à la première connexion) : %s\n", temp);
	sodium_memzero(temp, sizeof temp);
	return 0;
}

static int cmd_reset(struct admin *ad, const char *email)
{
	struct auth_account a;
	int found = 0;
	if (store_account_by_email(ad->db, ad->arena, ad->today, email, &a, &found) != DB_OK)
		return fail(ad, "account lookup");
	if (!found || a.closed) {
		fprintf(stderr, "portal-admin: no open account for %s\n", email);
		return 1;
	}
	char temp[16], hash[PW_HASH_MAX];
	if (make_temporary(ad, a.email, temp, hash))
		return 1;
	long hours = config_int(ad->cfg, "temp_password_hours", 24);
	time_t now = portal_now();
	int ok = db_begin(ad->db) == DB_OK &&
		 db_exec(ad->db, SQL_ACCOUNT_SET_TEMP,
			 DB_ARGS(DB_TEXT(hash), DB_INT(now + hours * 3600), DB_INT(a.id)), NULL,
			 NULL) == DB_OK &&
		 enqueue_reset_mail(ad, a.email, a.first_name, a.last_name, temp, hours) == 0 &&
		 audit_event_db(ad->db, 0, NULL, "auth.reset_request", "account", a.id,
				"result=mail_queued by=portal-admin") == 0 &&
		 db_commit(ad->db) == DB_OK;
	sodium_memzero(temp, sizeof temp);
	if (!ok)
		return fail(ad, "reset");
	printf("Mot de passe provisoire envoyé à %s (%s), valable %ld heures.\n", a.email, a.login,
	       hours);
	return 0;
}

static int cmd_force_all(struct admin *ad)
{
	uint64_t n = 0;
	int ok = db_begin(ad->db) == DB_OK &&
		 db_exec(ad->db, SQL_ACCOUNT_FORCE_ALL, DB_NOARGS, &n, NULL) == DB_OK &&
		 audit_event_db(ad->db, 0, NULL, "auth.forced_change", NULL, 0,
				arena_printf(ad->arena, "scope=all accounts=%llu by=portal-admin",
					     (unsigned long long)n)) == 0 &&
		 db_commit(ad->db) == DB_OK;
	if (!ok)
		return fail(ad, "force-password-change");
	printf("%llu compte(s) devront changer leur mot de passe à la prochaine connexion.\n",
	       (unsigned long long)n);
	return 0;
}

static int cmd_unlock(struct admin *ad, const char *who)
{
	char subject[65];
	if (strchr(who, '@'))
		store_email_subject(who, subject);
	else
		snprintf(subject, sizeof subject, "%s", who);
	unsigned long long removed = 0;
	int ok = db_begin(ad->db) == DB_OK &&
		 store_throttle_unlock(ad->db, subject, &removed) == DB_OK &&
		 audit_event_db(ad->db, 0, NULL, "auth.unlock", NULL, 0,
				arena_printf(ad->arena, "%s=%s counters=%llu by=portal-admin",
					     strchr(who, '@') ? "email_sha256" : "ip", subject,
					     removed)) == 0 &&
		 db_commit(ad->db) == DB_OK;
	if (!ok)
		return fail(ad, "unlock");
	printf("%s : %llu compteur(s) levé(s).\n", who, removed);
	return 0;
}

static int cmd_set_password(struct admin *ad, const char *who)
{
	struct auth_account a;
	int found = 0;
	enum db_status st =
		strchr(who, '@')
			? store_account_by_email(ad->db, ad->arena, ad->today, who, &a, &found)
			: store_account_by_login(ad->db, ad->arena, ad->today, who, &a, &found);
	if (st != DB_OK)
		return fail(ad, "account lookup");
	if (!found) {
		fprintf(stderr, "portal-admin: no account %s\n", who);
		return 1;
	}
	char pw[256];
	if (!fgets(pw, sizeof pw, stdin)) {
		fprintf(stderr, "portal-admin: no password on stdin\n");
		return 1;
	}
	pw[strcspn(pw, "\r\n")] = '\0';
	unsigned broken = pp_check(pw, strlen(pw), a.email, ad->blocklist);
	int rc = 1;
	char hash[PW_HASH_MAX];
	if (broken) {
		for (unsigned bit = 1; bit <= PP_REUSED; bit <<= 1)
			if (broken & bit)
				fprintf(stderr, "portal-admin: %s\n", pp_message((enum pp_rule)bit));
	} else if (pw_hash(&ad->cost, pw, strlen(pw), hash) != PW_OK) {
		fprintf(stderr, "portal-admin: argon2id hashing failed (memory)\n");
	} else {
		time_t now = portal_now();
		int ok = db_begin(ad->db) == DB_OK &&
			 store_set_password(ad->db, a.id, a.password_hash, a.password_set_at, hash,
					    now) == DB_OK &&
			 audit_event_db(ad->db, 0, NULL, "auth.password_change", "account", a.id,
					"reason=set_by_admin by=portal-admin") == 0 &&
			 db_commit(ad->db) == DB_OK;
		rc = ok ? 0 : fail(ad, "set-password");
		if (ok)
			printf("Mot de passe de %s enregistré.\n", a.login);
	}
	sodium_memzero(pw, sizeof pw);
	return rc;
}

static int run(struct admin *ad, int argc, char **argv)
{
	const char *cmd = argv[0];
	if (strcmp(cmd, "import") == 0)
		return admin_import(ad->cfg, ad->today, argc - 1, argv + 1);
	if (strcmp(cmd, "stats") == 0)
		return admin_stats(ad->cfg, argc - 1, argv + 1);
	if (strcmp(cmd, "create-admin") == 0)
		return cmd_create_admin(ad, argc - 1, argv + 1);
	if (strcmp(cmd, "reset") == 0 && argc == 2)
		return cmd_reset(ad, argv[1]);
	if (strcmp(cmd, "force-password-change") == 0 && argc == 2 &&
	    strcmp(argv[1], "--all") == 0)
		return cmd_force_all(ad);
	if (strcmp(cmd, "unlock") == 0 && argc == 2)
		return cmd_unlock(ad, argv[1]);
	if (strcmp(cmd, "set-password") == 0 && argc == 2)
		return cmd_set_password(ad, argv[1]);
	return usage();
}

int main(int argc, char **argv)
{
	const char *config_path = NULL;
	int i = 1;
	for (; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			config_path = argv[++i];
		else
			break;
	}
	if (!config_path || i >= argc)
		return usage();
	struct admin ad;
	memset(&ad, 0, sizeof ad);
	ad.cfg = config_load(config_path);
	if (!ad.cfg)
		return 1;
	if (crypto_init() != 0) {
		fprintf(stderr, "portal-admin: libsodium initialisation failed\n");
		return 1;
	}
	log_set_module("admin");
	clock_configure(ad.cfg);
	clock_today_iso(ad.today, sizeof ad.today);
	const char *bl = config_get(ad.cfg, "password_blocklist", "modules/auth/password-blocklist.txt");
	ad.blocklist = pp_blocklist_load(bl);
	if (!ad.blocklist) {
		fprintf(stderr, "portal-admin: cannot read the password blocklist %s\n", bl);
		return 1;
	}
	ad.cost = pw_cost_from_config(ad.cfg);
	ad.db = db_open(ad.cfg, "auth");
	ad.arena = arena_new();
	int rc = run(&ad, argc - i, argv + i);
	arena_free(ad.arena);
	db_close(ad.db);
	pp_blocklist_free(ad.blocklist);
	config_free(ad.cfg);
	return rc;
}
