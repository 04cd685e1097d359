/* MariaDB through Connector/C, prepared statements only.
 *
 * Each worker holds one connection and a cache of prepared statements keyed
 * by the address of their SQL text: keep each module's SQL as static const
 * strings in one file so every query can be audited in one place.
 *
 * Errors are classified once: a lost connection reconnects and retries
 * once (outside a transaction), then is DB_UNAVAILABLE (-> 503); a unique
 * or foreign-key violation is DB_CONSTRAINT (-> a form error); anything
 * else is DB_ERROR (-> 500 and a log line naming the statement). */
#ifndef PORTAL_DB_H
#define PORTAL_DB_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct portal_config;
struct db;

enum db_status {
	DB_OK = 0,
	DB_CONSTRAINT = 1,   /* duplicate key, foreign key */
	DB_CONFLICT = 2,     /* deadlock or lock wait timeout: retry the transaction */
	DB_UNAVAILABLE = 3,  /* server gone */
	DB_ERROR = 4,
};

enum db_type { DBT_NULL, DBT_INT, DBT_TEXT, DBT_BLOB };

struct db_param {
	enum db_type type;
	long long i;
	const char *s;
	size_t len;	/* for DBT_BLOB; DBT_TEXT uses strlen */
};

#define DB_NULL ((struct db_param){.type = DBT_NULL})
#define DB_INT(v) ((struct db_param){.type = DBT_INT, .i = (long long)(v)})
/* A NULL string binds SQL NULL. */
static inline struct db_param db_param_text(const char *v)
{
	struct db_param p = {.type = v ? DBT_TEXT : DBT_NULL, .s = v};
	return p;
}
#define DB_TEXT(v) db_param_text(v)
#define DB_BLOB(p, n) ((struct db_param){.type = DBT_BLOB, .s = (const char *)(p), .len = (n)})
/* Expands to the (params, count) pair the functions below take. */
#define DB_ARGS(...) \
	((const struct db_param[]){__VA_ARGS__}), \
	(sizeof((const struct db_param[]){__VA_ARGS__}) / sizeof(struct db_param))
#define DB_NOARGS NULL, 0

/* A fully fetched result: every cell as text (NULL for SQL NULL), in the
 * caller's arena. */
struct db_result {
	size_t rows;
	size_t cols;
	const char **cells; /* rows * cols */
	size_t *lens;
};

/* Connects with the module's own account (config keys db_socket, db_name,
 * db_user_MODULE, db_password_MODULE). Never fails: an unreachable server
 * is retried at the next call. */
struct db *db_open(const struct portal_config *cfg, const char *module);
void db_close(struct db *db);
/* 1 if a connection is up (reconnecting if needed). */
int db_ping(struct db *db);

/* sql must be a string constant: each connection keeps its prepared
 * statements keyed by the string's address, so a statement is prepared once
 * per worker and only executed afterwards. */
enum db_status db_query(struct db *db, struct arena *a, const char *sql,
			const struct db_param *params, size_t nparams, struct db_result *out);
enum db_status db_exec(struct db *db, const char *sql, const struct db_param *params,
		       size_t nparams, uint64_t *affected_rows, uint64_t *insert_id);

/* While held, db_exec and db_begin refuse (DB_ERROR, and a log line):
 * nothing is written on a worker's copy of a session not confirmed yet
 * (session.h, ACCESS_CHECK_IN_PAGE). */
void db_hold_writes(struct db *db, int hold);
enum db_status db_begin(struct db *db);
enum db_status db_commit(struct db *db);
void db_rollback(struct db *db);
/* Whether a transaction is open (the dispatcher rolls back what a handler
 * left open). */
int db_in_transaction(const struct db *db);

const char *db_cell(const struct db_result *r, size_t row, size_t col);
/* 0 for NULL or non-numeric. */
long long db_cell_int(const struct db_result *r, size_t row, size_t col);

/* The HTTP status a handler returns for a failed call: 503 when the
 * server is unreachable, 500 otherwise (0 for DB_OK). */
int db_http_status(enum db_status st);

/* The driver message of the last error, for logs. */
const char *db_last_error(const struct db *db);

#endif
