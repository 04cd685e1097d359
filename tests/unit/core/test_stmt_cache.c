/* The prepared statements' table: statements whose SQL addresses hash to
 * the same slot each keep their own (the direct-mapped table it replaces
 * made two of a rail page's statements evict each other at every request:
 * two prepares per page, measured by Com_stmt_prepare). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stmt_cache.h"

/* Addresses that all hash to one home slot: in a block aligned on 512 KiB,
 * k * (2048 + 8) sets the same value k in bits 3-10 and 11-18, which the
 * hash, (p >> 3) ^ (p >> 11), cancels out. */
static char *block;

static const char *sql_at(size_t k)
{
	return block + k * (2048 + 8);
}

static int setup(void **state)
{
	(void)state;
	block = aligned_alloc(512 * 1024, 512 * 1024);
	return block ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(block);
	return 0;
}

static void keep(struct stmt_slot *slots, const char *sql, void *stmt)
{
	struct stmt_slot *s = stmt_cache_place(slots, sql);
	assert_non_null(s);
	assert_null(s->stmt); /* nothing evicted while the table has room */
	s->sql = sql;
	s->stmt = stmt;
}

static void find__colliding_statements__each_kept(void **state)
{
	(void)state;
	static struct stmt_slot slots[STMT_CACHE_SIZE];
	memset(slots, 0, sizeof slots);
	/* more than any one page prepares at once */
	enum { COLLIDING = 12 };
	int tokens[COLLIDING];
	for (size_t i = 0; i < COLLIDING; i++)
		keep(slots, sql_at(i), &tokens[i]);
	for (size_t i = 0; i < COLLIDING; i++) {
		struct stmt_slot *s = stmt_cache_find(slots, sql_at(i));
		assert_non_null(s);
		assert_ptr_equal(s->stmt, &tokens[i]);
	}
}

static void find__unknown_statement__null(void **state)
{
	(void)state;
	static struct stmt_slot slots[STMT_CACHE_SIZE];
	memset(slots, 0, sizeof slots);
	int token;
	keep(slots, sql_at(0), &token);
	assert_null(stmt_cache_find(slots, sql_at(1)));
	assert_null(stmt_cache_find(slots, "SELECT 1"));
}

static void place__freed_slot__found_after_it_still(void **state)
{
	(void)state;
	static struct stmt_slot slots[STMT_CACHE_SIZE];
	memset(slots, 0, sizeof slots);
	int a, b, c;
	keep(slots, sql_at(0), &a);
	keep(slots, sql_at(1), &b);
	/* forgetting the first (a statement the server dropped) leaves a hole */
	struct stmt_slot *s = stmt_cache_find(slots, sql_at(0));
	s->sql = NULL;
	s->stmt = NULL;
	assert_ptr_equal(stmt_cache_find(slots, sql_at(1))->stmt, &b);
	keep(slots, sql_at(2), &c);
	assert_ptr_equal(stmt_cache_find(slots, sql_at(2))->stmt, &c);
	assert_ptr_equal(stmt_cache_find(slots, sql_at(1))->stmt, &b);
}

static void place__window_full__evicts_one_only(void **state)
{
	(void)state;
	static struct stmt_slot slots[STMT_CACHE_SIZE];
	memset(slots, 0, sizeof slots);
	static int tokens[STMT_CACHE_SIZE];
	/* fill every slot, so that any window is full */
	for (size_t i = 0; i < STMT_CACHE_SIZE; i++) {
		slots[i].sql = (const char *)&tokens[i];
		slots[i].stmt = &tokens[i];
	}
	struct stmt_slot *victim = stmt_cache_place(slots, "SELECT 2");
	assert_non_null(victim);
	assert_true(victim >= slots && victim < slots + STMT_CACHE_SIZE);
	assert_non_null(victim->stmt); /* the caller closes it */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(find__colliding_statements__each_kept),
		cmocka_unit_test(find__unknown_statement__null),
		cmocka_unit_test(place__freed_slot__found_after_it_still),
		cmocka_unit_test(place__window_full__evicts_one_only),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
