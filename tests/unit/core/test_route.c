/* Route patterns: literal paths, {id} digits only, {name} slugs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "arena.h"
#include "kv.h"
#include "route.h"

static struct arena *A;

static int match(const char *pattern, const char *path, struct kv_list *params)
{
	params->count = 0;
	return route_match(A, pattern, path, params);
}

static void route_match__literal__exact_only(void **state)
{
	(void)state;
	struct kv_list p = {0};
	assert_true(match("/auth/connexion", "/auth/connexion", &p));
	assert_false(match("/auth/connexion", "/auth/connexion/", &p));
	assert_false(match("/auth/connexion", "/auth/connexio", &p));
	assert_false(match("/auth/connexion", "/auth/connexionx", &p));
}

static void route_match__id__captures_digits(void **state)
{
	(void)state;
	struct kv_list p = {0};
	assert_true(match("/declarations/equipement/{id}", "/declarations/equipement/42", &p));
	assert_string_equal(kv_get(&p, "id"), "42");
	assert_false(match("/declarations/equipement/{id}", "/declarations/equipement/4a", &p));
	assert_false(match("/declarations/equipement/{id}", "/declarations/equipement/", &p));
	assert_false(match("/declarations/equipement/{id}", "/declarations/equipement/1/x", &p));
	assert_int_equal(p.count, 0);
}

static void route_match__id_too_long__refused(void **state)
{
	(void)state;
	struct kv_list p = {0};
	assert_false(match("/x/{id}", "/x/1234567890123456789", &p));
	assert_true(match("/x/{id}", "/x/123456789012345678", &p));
}

static void route_match__two_captures_and_suffix__both_kept(void **state)
{
	(void)state;
	struct kv_list p = {0};
	assert_true(match("/d/{id}/etape/{step}", "/d/7/etape/controle-activite", &p));
	assert_string_equal(kv_get(&p, "id"), "7");
	assert_string_equal(kv_get(&p, "step"), "controle-activite");
	assert_true(match("/d/{id}.pdf", "/d/9.pdf", &p));
	assert_string_equal(kv_get(&p, "id"), "9");
	assert_false(match("/d/{id}.pdf", "/d/9.png", &p));
}

static void route_match__slug__refuses_dots_and_escapes(void **state)
{
	(void)state;
	struct kv_list p = {0};
	assert_false(match("/x/{name}", "/x/..", &p));
	assert_false(match("/x/{name}", "/x/a%2F", &p));
	assert_false(match("/x/{name}", "/x/a b", &p));
}

int main(void)
{
	A = arena_new();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(route_match__literal__exact_only),
		cmocka_unit_test(route_match__id__captures_digits),
		cmocka_unit_test(route_match__id_too_long__refused),
		cmocka_unit_test(route_match__two_captures_and_suffix__both_kept),
		cmocka_unit_test(route_match__slug__refuses_dots_and_escapes),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	arena_free(A);
	return rc;
}
