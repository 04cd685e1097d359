/* db_hold_writes: while a worker's copy of the session is not confirmed
 * (session.h), a write is refused before it reaches the server, and reads
 * still go. With no server at all, a write that tries to go says so
 * (DB_UNAVAILABLE): a held one never tries (DB_ERROR). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "arena.h"
#include "config.h"
#include "db.h"

static const char WRITE[] = "UPDATE session SET last_seen_at = ? WHERE id = ?";
static const char READ[] = "SELECT 1";

static struct db *open_nowhere(struct portal_config **cfg)
{
	*cfg = config_new_empty();
	config_set(*cfg, "db_socket", "/nonexistent/portail-test.sock");
	return db_open(*cfg, "test");
}

static void held__write_and_begin_refused_without_trying__reads_still_go(void **state)
{
	(void)state;
	struct portal_config *cfg;
	struct db *db = open_nowhere(&cfg);
	struct arena *a = arena_new();
	struct db_result r;
	assert_int_equal(db_exec(db, WRITE, DB_ARGS(DB_INT(1), DB_INT(2)), NULL, NULL),
			 DB_UNAVAILABLE);
	db_hold_writes(db, 1);
	assert_int_equal(db_exec(db, WRITE, DB_ARGS(DB_INT(1), DB_INT(2)), NULL, NULL), DB_ERROR);
	assert_int_equal(db_begin(db), DB_ERROR);
	assert_int_equal(db_in_transaction(db), 0);
	/* a read is not held: it tries, and finds no server */
	assert_int_equal(db_query(db, a, READ, DB_NOARGS, &r), DB_UNAVAILABLE);
	db_hold_writes(db, 0);
	assert_int_equal(db_exec(db, WRITE, DB_ARGS(DB_INT(1), DB_INT(2)), NULL, NULL),
			 DB_UNAVAILABLE);
	arena_free(a);
	db_close(db);
	config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(held__write_and_begin_refused_without_trying__reads_still_go),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
