/* MariaDB access: one connection per worker, prepared statements cached by
 * the address of their SQL text, every result fetched as text into the
 * request's arena. */
#include "db.h"

#include <errno.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <errmsg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "config.h"
#include "log.h"
#include "stmt_cache.h"

struct db {
	MYSQL *conn;
	char *socket;
	char *host;
	unsigned port;
	char *user;
	char *password;
	char *name;
	int in_transaction;
	int writes_held;	/* db_hold_writes */
	time_t next_connect_try;
	char error[256];
	struct stmt_slot cache[STMT_CACHE_SIZE];
};

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void stmt_cache_clear(struct db *db)
{
	for (size_t i = 0; i < STMT_CACHE_SIZE; i++) {
		if (db->cache[i].stmt)
			mysql_stmt_close(db->cache[i].stmt);
		db->cache[i].stmt = NULL;
		db->cache[i].sql = NULL;
	}
}

static void disconnect(struct db *db)
{
	stmt_cache_clear(db);
	if (db->conn)
		mysql_close(db->conn);
	db->conn = NULL;
	db->in_transaction = 0;
}

static void set_error(struct db *db, const char *msg)
{
	snprintf(db->error, sizeof db->error, "%s", msg ? msg : "unknown error");
}

/* Connects if needed. Returns 1 when a connection is up. */
static int ensure_connected(struct db *db)
{
	if (db->conn)
		return 1;
	MYSQL *m = mysql_init(NULL);
	if (!m) {
		set_error(db, "mysql_init failed");
		return 0;
	}
	unsigned int timeout = 2;
	mysql_optionsv(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	unsigned int rw_timeout = 30;
	mysql_optionsv(m, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_optionsv(m, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	mysql_optionsv(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Dates and times are decided in C; the session zone only matters for
	 * display functions, which we do not use. */
	mysql_optionsv(m, MYSQL_INIT_COMMAND,
		       "SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
		       "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone='+00:00'");
	if (!mysql_real_connect(m, db->host, db->user, db->password, db->name, db->port,
				db->socket, CLIENT_FOUND_ROWS)) {
		set_error(db, mysql_error(m));
		mysql_close(m);
		return 0;
	}
	db->conn = m;
	return 1;
}

struct db *db_open(const struct portal_config *cfg, const char *module)
{
	struct db *db = calloc(1, sizeof *db);
	if (!db)
		abort();
	char key[96];
	db->socket = dup_or_null(config_get(cfg, "db_socket", NULL));
	db->host = dup_or_null(config_get(cfg, "db_host", db->socket ? NULL : "127.0.0.1"));
	db->port = (unsigned)config_int(cfg, "db_port", 0);
	db->name = dup_or_null(config_get(cfg, "db_name", "portail"));
	snprintf(key, sizeof key, "db_user_%s", module);
	const char *user = config_get(cfg, key, NULL);
	if (user) {
		db->user = strdup(user);
	} else {
		snprintf(key, sizeof key, "portail_%s", module);
		db->user = strdup(key);
	}
	snprintf(key, sizeof key, "db_password_%s", module);
	db->password = dup_or_null(config_get(cfg, key, ""));
	if (!ensure_connected(db))
		log_error("database: cannot connect yet (%s); will retry", db->error);
	return db;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	disconnect(db);
	free(db->socket);
	free(db->host);
	free(db->user);
	if (db->password) {
		memset(db->password, 0, strlen(db->password));
		free(db->password);
	}
	free(db->name);
	free(db);
}

int db_ping(struct db *db)
{
	if (!ensure_connected(db))
		return 0;
	if (mysql_ping(db->conn) != 0) {
		disconnect(db);
		return ensure_connected(db);
	}
	return 1;
}

const char *db_last_error(const struct db *db)
{
	return db->error;
}

int db_in_transaction(const struct db *db)
{
	return db->in_transaction;
}

static int is_connection_error(unsigned err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	       err == CR_CONNECTION_ERROR || err == CR_CONN_HOST_ERROR ||
	       err == CR_SERVER_LOST_EXTENDED || err == ER_CONNECTION_KILLED ||
	       err == CR_COMMANDS_OUT_OF_SYNC || err == ER_SERVER_SHUTDOWN;
}

static enum db_status classify(struct db *db, unsigned err, const char *msg, const char *sql)
{
	set_error(db, msg);
	if (is_connection_error(err)) {
		return DB_UNAVAILABLE;
	}
	switch (err) {
	case ER_DUP_ENTRY:
	case ER_DUP_ENTRY_WITH_KEY_NAME:
	case ER_NO_REFERENCED_ROW:
	case ER_NO_REFERENCED_ROW_2:
	case ER_ROW_IS_REFERENCED:
	case ER_ROW_IS_REFERENCED_2:
		return DB_CONSTRAINT;
	case ER_LOCK_DEADLOCK:
	case ER_LOCK_WAIT_TIMEOUT:
		return DB_CONFLICT;
	default:
		log_error("database error %u on \"%.120s\": %s", err, sql, msg);
		return DB_ERROR;
	}
}

/* The prepared statement for sql, preparing it on first use. */
static MYSQL_STMT *prepared(struct db *db, const char *sql, enum db_status *st)
{
	struct stmt_slot *slot = stmt_cache_find(db->cache, sql);
	if (slot && slot->stmt) {
		*st = DB_OK;
		return slot->stmt;
	}
	MYSQL_STMT *stmt = mysql_stmt_init(db->conn);
	if (!stmt) {
		*st = classify(db, mysql_errno(db->conn), mysql_error(db->conn), sql);
		return NULL;
	}
	if (mysql_stmt_prepare(stmt, sql, (unsigned long)strlen(sql)) != 0) {
		*st = classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt), sql);
		mysql_stmt_close(stmt);
		return NULL;
	}
	my_bool update_max = 1;
	mysql_stmt_attr_set(stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max);
	slot = stmt_cache_place(db->cache, sql);
	if (slot->stmt)
		mysql_stmt_close(slot->stmt);
	slot->sql = sql;
	slot->stmt = stmt;
	*st = DB_OK;
	return stmt;
}

static void forget(struct db *db, const char *sql)
{
	struct stmt_slot *slot = stmt_cache_find(db->cache, sql);
	if (slot) {
		if (slot->stmt)
			mysql_stmt_close(slot->stmt);
		slot->stmt = NULL;
		slot->sql = NULL;
	}
}

static enum db_status bind_params(struct db *db, MYSQL_STMT *stmt, const char *sql,
				  const struct db_param *params, size_t n, MYSQL_BIND *binds)
{
	if (mysql_stmt_param_count(stmt) != n) {
		log_error("database: statement expects %lu parameters, got %zu: \"%.120s\"",
			  mysql_stmt_param_count(stmt), n, sql);
		set_error(db, "parameter count mismatch");
		return DB_ERROR;
	}
	for (size_t i = 0; i < n; i++) {
		MYSQL_BIND *b = &binds[i];
		memset(b, 0, sizeof *b);
		switch (params[i].type) {
		case DBT_NULL:
			b->buffer_type = MYSQL_TYPE_NULL;
			break;
		case DBT_INT:
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = (void *)&params[i].i;
			break;
		case DBT_TEXT:
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = (void *)params[i].s;
			b->buffer_length = (unsigned long)strlen(params[i].s);
			break;
		case DBT_BLOB:
			b->buffer_type = MYSQL_TYPE_BLOB;
			b->buffer = (void *)params[i].s;
			b->buffer_length = (unsigned long)params[i].len;
			break;
		}
	}
	if (n && mysql_stmt_bind_param(stmt, binds) != 0)
		return classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt), sql);
	return DB_OK;
}

static enum db_status fetch_all(struct db *db, MYSQL_STMT *stmt, const char *sql,
				struct arena *a, struct db_result *out)
{
	memset(out, 0, sizeof *out);
	MYSQL_RES *meta = mysql_stmt_result_metadata(stmt);
	if (!meta)
		return DB_OK; /* not a SELECT */
	unsigned ncols = mysql_num_fields(meta);
	if (mysql_stmt_store_result(stmt) != 0) {
		mysql_free_result(meta);
		return classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt), sql);
	}
	MYSQL_FIELD *fields = mysql_fetch_fields(meta);
	size_t nrows = (size_t)mysql_stmt_num_rows(stmt);
	MYSQL_BIND *binds = arena_zalloc(a, sizeof(MYSQL_BIND) * (ncols ? ncols : 1));
	unsigned long *lengths = arena_zalloc(a, sizeof(unsigned long) * (ncols ? ncols : 1));
	my_bool *nulls = arena_zalloc(a, sizeof(my_bool) * (ncols ? ncols : 1));
	char **bufs = arena_zalloc(a, sizeof(char *) * (ncols ? ncols : 1));
	for (unsigned c = 0; c < ncols; c++) {
		size_t cap = fields[c].max_length + 1;
		if (cap < 32)
			cap = 32;
		bufs[c] = arena_alloc(a, cap);
		binds[c].buffer_type = MYSQL_TYPE_STRING;
		binds[c].buffer = bufs[c];
		binds[c].buffer_length = (unsigned long)cap;
		binds[c].length = &lengths[c];
		binds[c].is_null = &nulls[c];
	}
	enum db_status st = DB_OK;
	if (ncols && mysql_stmt_bind_result(stmt, binds) != 0) {
		st = classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt), sql);
		goto out;
	}
	out->cols = ncols;
	out->cells = arena_zalloc(a, sizeof(char *) * (nrows * ncols + 1));
	out->lens = arena_zalloc(a, sizeof(size_t) * (nrows * ncols + 1));
	size_t r = 0;
	for (;;) {
		int rc = mysql_stmt_fetch(stmt);
		if (rc == MYSQL_NO_DATA)
			break;
		if (rc == 1) {
			st = classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt), sql);
			goto out;
		}
		if (r >= nrows)
			break;
		for (unsigned c = 0; c < ncols; c++) {
			size_t idx = r * ncols + c;
			if (nulls[c]) {
				out->cells[idx] = NULL;
				out->lens[idx] = 0;
			} else {
				out->cells[idx] = arena_strndup(a, bufs[c], lengths[c]);
				out->lens[idx] = lengths[c];
			}
		}
		r++;
	}
	out->rows = r;
out:
	mysql_stmt_free_result(stmt);
	mysql_free_result(meta);
	return st;
}

/* Runs one statement; on a lost connection outside a transaction,
 * reconnects and tries once more. */
static enum db_status run(struct db *db, struct arena *a, const char *sql,
			  const struct db_param *params, size_t n, struct db_result *out,
			  uint64_t *affected, uint64_t *insert_id)
{
	MYSQL_BIND binds_small[16];
	MYSQL_BIND *binds = n <= 16 ? binds_small : calloc(n, sizeof(MYSQL_BIND));
	if (!binds)
		abort();
	enum db_status st = DB_UNAVAILABLE;
	for (int attempt = 0; attempt < 2; attempt++) {
		if (!ensure_connected(db)) {
			st = DB_UNAVAILABLE;
			break;
		}
		MYSQL_STMT *stmt = prepared(db, sql, &st);
		if (stmt)
			st = bind_params(db, stmt, sql, params, n, binds);
		if (stmt && st == DB_OK) {
			if (mysql_stmt_execute(stmt) != 0) {
				st = classify(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt), sql);
			} else {
				if (affected)
					*affected = (uint64_t)mysql_stmt_affected_rows(stmt);
				if (insert_id)
					*insert_id = (uint64_t)mysql_stmt_insert_id(stmt);
				if (out)
					st = fetch_all(db, stmt, sql, a, out);
				else
					mysql_stmt_free_result(stmt);
			}
		}
		if (st != DB_UNAVAILABLE)
			break;
		/* The server went away: drop the connection (and every prepared
		 * statement). Inside a transaction its work is lost: fail. */
		int was_in_tx = db->in_transaction;
		disconnect(db);
		if (was_in_tx)
			break;
	}
	if (st == DB_ERROR)
		forget(db, sql);
	if (binds != binds_small)
		free(binds);
	return st;
}

enum db_status db_query(struct db *db, struct arena *a, const char *sql,
			const struct db_param *params, size_t nparams, struct db_result *out)
{
	return run(db, a, sql, params, nparams, out, NULL, NULL);
}

void db_hold_writes(struct db *db, int hold)
{
	db->writes_held = hold;
}

/* A write asked while writes are held is a handler's bug: refused loudly. */
static int held(const struct db *db, const char *sql)
{
	if (db->writes_held)
		log_error("db: write before the session was confirmed, refused: %.80s", sql);
	return db->writes_held;
}

enum db_status db_exec(struct db *db, const char *sql, const struct db_param *params,
		       size_t nparams, uint64_t *affected_rows, uint64_t *insert_id)
{
	if (held(db, sql))
		return DB_ERROR;
	return run(db, NULL, sql, params, nparams, NULL, affected_rows, insert_id);
}

enum db_status db_begin(struct db *db)
{
	if (held(db, "START TRANSACTION"))
		return DB_ERROR;
	if (db->in_transaction)
		return DB_OK;
	for (int attempt = 0; attempt < 2; attempt++) {
		if (!ensure_connected(db))
			return DB_UNAVAILABLE;
		if (mysql_query(db->conn, "START TRANSACTION") == 0) {
			db->in_transaction = 1;
			return DB_OK;
		}
		enum db_status st = classify(db, mysql_errno(db->conn), mysql_error(db->conn),
					     "START TRANSACTION");
		if (st != DB_UNAVAILABLE)
			return st;
		disconnect(db);
	}
	return DB_UNAVAILABLE;
}

enum db_status db_commit(struct db *db)
{
	if (!db->in_transaction)
		return DB_OK;
	db->in_transaction = 0;
	if (!db->conn)
		return DB_UNAVAILABLE;
	if (mysql_commit(db->conn) != 0) {
		enum db_status st =
			classify(db, mysql_errno(db->conn), mysql_error(db->conn), "COMMIT");
		if (st == DB_UNAVAILABLE)
			disconnect(db);
		else
			mysql_rollback(db->conn);
		return st;
	}
	return DB_OK;
}

void db_rollback(struct db *db)
{
	if (!db->in_transaction)
		return;
	db->in_transaction = 0;
	if (db->conn && mysql_rollback(db->conn) != 0)
		disconnect(db);
}

const char *db_cell(const struct db_result *r, size_t row, size_t col)
{
	if (row >= r->rows || col >= r->cols)
		return NULL;
	return r->cells[row * r->cols + col];
}

long long db_cell_int(const struct db_result *r, size_t row, size_t col)
{
	const char *s = db_cell(r, row, col);
	if (!s)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s)
		return 0;
	return v;
}

int db_http_status(enum db_status st)
{
	switch (st) {
	case DB_OK:
		return 0;
	case DB_UNAVAILABLE:
		return 503;
	case DB_CONFLICT:
		return 409;
	default:
		return 500;
	}
}
