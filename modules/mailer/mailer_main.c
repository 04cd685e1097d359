/* portal-mailer: delivers the outbox. Each round claims the due rows with
 * SELECT ... FOR UPDATE SKIP LOCKED (several mailers never send a mail
 * twice), hands each message over, and records the outcome: sent, retry
 * later with exponential back-off, or failed after mailer_max_attempts.
 *
 *   portal-mailer --config conf/portail.conf [--once]
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "arena.h"
#include "clock.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "deliver.h"
#include "log.h"
#include "mail_format.h"

static const char SQL_CLAIM[] =
	"SELECT id, recipient, subject, body, attempts FROM outbox"
	" WHERE status = 'pending' AND next_attempt_at <= ?"
	" ORDER BY next_attempt_at, id LIMIT 20 FOR UPDATE SKIP LOCKED";
static const char SQL_SENT[] =
	"UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?,"
	" last_error = NULL WHERE id = ?";
static const char SQL_RETRY[] =
	"UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?";
static const char SQL_FAILED[] =
	"UPDATE outbox SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?";

static volatile sig_atomic_t stopping;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

/* Delivers one row and records it. Returns 0, or -1 on a database error. */
static int deliver_row(struct db *db, const struct smtp_settings *s, int max_attempts,
		       const struct db_result *r, size_t i)
{
	long long id = db_cell_int(r, i, 0);
	int attempts = (int)db_cell_int(r, i, 4) + 1;
	struct mail m = {.id = id, .from = s->from, .to = db_cell(r, i, 1),
			 .subject = db_cell(r, i, 2), .body = db_cell(r, i, 3)};
	char tag[32], err[512] = "";
	crypto_random_token(tag, sizeof tag, 12);
	time_t now = portal_now();
	size_t len = 0;
	char *msg = mail_build(&m, now, tag, &len);
	int rc;
	if (!msg) {
		snprintf(err, sizeof err, "refused: invalid header value (control character)");
		attempts = max_attempts; /* never deliverable */
		rc = -1;
	} else if (s->url) {
		rc = deliver_smtp(s, m.to, msg, len, err, sizeof err);
	} else {
		rc = deliver_file(s, id, msg, len, err, sizeof err);
	}
	free(msg);
	enum db_status st;
	if (rc == 0) {
		st = db_exec(db, SQL_SENT, DB_ARGS(DB_INT(now), DB_INT(id)), NULL, NULL);
		log_info("mail %lld sent (%s)", id, s->url ? "smtp" : "file");
	} else if (attempts >= max_attempts) {
		st = db_exec(db, SQL_FAILED, DB_ARGS(DB_INT(attempts), DB_TEXT(err), DB_INT(id)),
			     NULL, NULL);
		log_error("mail %lld failed for good after %d attempts: %s", id, attempts, err);
	} else {
		long wait = mail_backoff(attempts);
		st = db_exec(db, SQL_RETRY,
			     DB_ARGS(DB_INT(attempts), DB_INT(now + wait), DB_TEXT(err), DB_INT(id)),
			     NULL, NULL);
		log_error("mail %lld attempt %d failed (%s); retry in %ld s", id, attempts, err, wait);
	}
	return st == DB_OK ? 0 : -1;
}

/* One round: claim, deliver, commit. Returns the number of rows handled,
 * -1 on a database error. */
static int round_once(struct db *db, struct arena *a, const struct smtp_settings *s,
		      int max_attempts)
{
	arena_reset(a);
	if (db_begin(db) != DB_OK)
		return -1;
	struct db_result r;
	if (db_query(db, a, SQL_CLAIM, DB_ARGS(DB_INT(portal_now())), &r) != DB_OK) {
		db_rollback(db);
		return -1;
	}
	for (size_t i = 0; i < r.rows; i++) {
		if (deliver_row(db, s, max_attempts, &r, i) != 0) {
			db_rollback(db);
			return -1;
		}
	}
	if (db_commit(db) != DB_OK)
		return -1;
	return (int)r.rows;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL); /* a signal cuts it short */
}

static void usage(void)
{
	fprintf(stderr, "usage: portal-mailer --config PATH [--once]\n");
}

__attribute__((weak)) int main(int argc, char **argv)
{
	const char *config_path = NULL;
	int once = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			config_path = argv[++i];
		else if (strcmp(argv[i], "--once") == 0)
			once = 1;
		else {
			usage();
			return 2;
		}
	}
	if (!config_path) {
		usage();
		return 2;
	}
	struct portal_config *cfg = config_load(config_path);
	if (!cfg)
		return 1;
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
		fprintf(stderr, "portal-mailer: initialisation failed\n");
		return 1;
	}
	log_set_module("mailer");
	clock_configure(cfg);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct smtp_settings s;
	smtp_settings_from_config(cfg, &s);
	int max_attempts = (int)config_int(cfg, "mailer_max_attempts", 8);
	long poll_ms = config_int(cfg, "mailer_poll_ms", 1000);
	struct db *db = db_open(cfg, "mailer");
	struct arena *a = arena_new();
	log_info("portal-mailer started: %s%s", s.url ? "smtp " : "files in ",
		 s.url ? s.url : s.mail_dir);
	while (!stopping) {
		int n = round_once(db, a, &s, max_attempts);
		if (once)
			break;
		if (n <= 0)
			sleep_ms(n < 0 ? poll_ms * 2 : poll_ms);
	}
	log_info("portal-mailer stopping");
	arena_free(a);
	db_close(db);
	curl_global_cleanup();
	config_free(cfg);
	return 0;
}
