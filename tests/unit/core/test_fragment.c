/* A worker's kept parts of pages (fragment.h): the splice of the written
 * page around its marker comments, the bounded store, and the two ends
 * together as a page goes through them (drawn and kept, then spliced). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "crypto.h"
#include "fragment.h"
#include "module.h"

static const char M[] = "pf-0123abcd";

static int splice(struct arena *a, const char *html, const char *kept, char **out,
		  const char **part, size_t *part_len)
{
	size_t out_len;
	int rc = fragment_splice(a, html, strlen(html), M, kept, kept ? strlen(kept) : 0, out,
				 &out_len, part, part_len);
	if (rc == 0)
		assert_int_equal(out_len, strlen(*out));
	return rc;
}

static void splice__drawn_part__kept_and_markers_removed(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *out;
	const char *part;
	size_t n;
	assert_int_equal(splice(a, "<main><h1>T</h1><!--pf-0123abcd--><table>x</table>"
				   "<!--/pf-0123abcd--><p>end</p></main>",
				NULL, &out, &part, &n),
			 0);
	assert_string_equal(out, "<main><h1>T</h1><table>x</table><p>end</p></main>");
	assert_int_equal(n, strlen("<table>x</table>"));
	assert_memory_equal(part, "<table>x</table>", n);
	arena_free(a);
}

static void splice__kept_part__put_in_place_of_the_marker(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *out;
	const char *part;
	size_t n;
	assert_int_equal(splice(a, "<main><h1>T</h1><!--pf-0123abcd--><p>end</p></main>",
				"<table>x</table>", &out, &part, &n),
			 0);
	assert_string_equal(out, "<main><h1>T</h1><table>x</table><p>end</p></main>");
	assert_null(part);
	arena_free(a);
}

static void splice__no_marker__the_page_as_written(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *out;
	const char *part;
	size_t n;
	const char *html = "<main><!--pf-other--><p>Pas de statistiques</p></main>";
	assert_int_equal(splice(a, html, NULL, &out, &part, &n), 0);
	assert_ptr_equal(out, html);
	assert_null(part);
	arena_free(a);
}

static void splice__misplaced_markers__refused(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *out;
	const char *part;
	size_t n;
	/* a start twice, an end twice, an end alone, an end first */
	assert_int_equal(splice(a, "<!--pf-0123abcd-->a<!--pf-0123abcd-->b<!--/pf-0123abcd-->",
				NULL, &out, &part, &n),
			 -1);
	assert_int_equal(splice(a, "<!--pf-0123abcd-->a<!--/pf-0123abcd-->b<!--/pf-0123abcd-->",
				NULL, &out, &part, &n),
			 -1);
	assert_int_equal(splice(a, "a<!--/pf-0123abcd-->", NULL, &out, &part, &n), -1);
	assert_int_equal(splice(a, "<!--/pf-0123abcd-->a<!--pf-0123abcd-->", NULL, &out, &part, &n),
			 -1);
	/* a start without its end, when the part was to be drawn */
	assert_int_equal(splice(a, "<!--pf-0123abcd-->a", NULL, &out, &part, &n), -1);
	/* a kept part and a page that drew it anyway, or has no place for it */
	assert_int_equal(splice(a, "<!--pf-0123abcd-->a<!--/pf-0123abcd-->", "k", &out, &part, &n),
			 -1);
	assert_int_equal(splice(a, "<main></main>", "k", &out, &part, &n), -1);
	arena_free(a);
}

static void store__put_get_replace(void **state)
{
	(void)state;
	fragment_clear();
	size_t n = 0;
	assert_null(fragment_get("a", &n));
	assert_int_equal(fragment_put("a", "<p>1</p>", 8), 0);
	const char *h = fragment_get("a", &n);
	assert_non_null(h);
	assert_int_equal(n, 8);
	assert_memory_equal(h, "<p>1</p>", 8);
	assert_int_equal(fragment_put("a", "<p>22</p>", 9), 0);
	h = fragment_get("a", &n);
	assert_int_equal(n, 9);
	assert_memory_equal(h, "<p>22</p>", 9);
	assert_null(fragment_get("b", &n));
	fragment_clear();
}

static void store__full_of_entries__the_least_recently_used_goes(void **state)
{
	(void)state;
	fragment_clear();
	char key[32];
	size_t n;
	for (int i = 0; i < FRAGMENT_MAX_ENTRIES; i++) {
		snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(fragment_put(key, "x", 1), 0);
	}
	/* k0 used again: k1 is now the least recently used */
	assert_non_null(fragment_get("k0", &n));
	assert_int_equal(fragment_put("new", "y", 1), 0);
	assert_non_null(fragment_get("k0", &n));
	assert_null(fragment_get("k1", &n));
	assert_non_null(fragment_get("k2", &n));
	assert_non_null(fragment_get("new", &n));
	fragment_clear();
}

static void store__bytes_bound__oldest_go_a_too_large_part_is_not_kept(void **state)
{
	(void)state;
	fragment_clear();
	size_t quarter = FRAGMENT_MAX_BYTES / 4, n;
	char *big = malloc(quarter + 1);
	memset(big, 'x', quarter + 1);
	assert_int_equal(fragment_put("too-large", big, quarter + 1), -1);
	assert_null(fragment_get("too-large", &n));
	for (int i = 0; i < 4; i++) {
		char key[16];
		snprintf(key, sizeof key, "q%d", i);
		assert_int_equal(fragment_put(key, big, quarter), 0);
	}
	assert_int_equal(fragment_put("one-more", big, 1), 0);
	assert_null(fragment_get("q0", &n));
	assert_non_null(fragment_get("q1", &n));
	assert_non_null(fragment_get("one-more", &n));
	free(big);
	fragment_clear();
}

/* The page as its stylesheet would write it around the marker of
 * <fragment marker=""/>, the part drawn or not. */
static char *written(struct portal_ctx *ctx, xmlNodePtr root, int drawn)
{
	xmlChar *marker = xmlGetProp(root->children, BAD_CAST "marker");
	assert_non_null(marker);
	assert_int_equal(strncmp((const char *)marker, "pf-", 3), 0);
	assert_int_equal(strlen((const char *)marker), 3 + 32);
	char *html = drawn ? arena_printf(ctx->arena,
					  "<h1>Fiche</h1><!--%s--><table>T</table><!--/%s--><p>F</p>",
					  marker, marker)
			   : arena_printf(ctx->arena, "<h1>Fiche</h1><!--%s--><p>F</p>", marker);
	xmlFree(marker);
	return html;
}

static void drop_first_child(xmlNodePtr root)
{
	xmlNodePtr c = root->children;
	xmlUnlinkNode(c);
	xmlFreeNode(c);
}

static void page__drawn_once_then_spliced__same_html_never_the_marker(void **state)
{
	(void)state;
	fragment_clear();
	struct portal_ctx ctx = {.arena = arena_new()};
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "page");
	xmlDocSetRootElement(doc, root);

	/* first page: not kept yet, the stylesheet draws it, the worker keeps it */
	assert_int_equal(page_fragment(&ctx, root, "facility:7:2025"), 0);
	xmlChar *cached = xmlGetProp(root->children, BAD_CAST "cached");
	assert_string_equal((const char *)cached, "0");
	xmlFree(cached);
	char *html = written(&ctx, root, 1);
	size_t len = strlen(html);
	assert_int_equal(fragment_finish(&ctx, &html, &len), 0);
	assert_string_equal(html, "<h1>Fiche</h1><table>T</table><p>F</p>");

	/* next page: kept, the stylesheet leaves the marker alone */
	drop_first_child(root);
	assert_int_equal(page_fragment(&ctx, root, "facility:7:2025"), 1);
	html = written(&ctx, root, 0);
	len = strlen(html);
	assert_int_equal(fragment_finish(&ctx, &html, &len), 0);
	assert_string_equal(html, "<h1>Fiche</h1><table>T</table><p>F</p>");
	assert_int_equal(len, strlen(html));

	/* another key is not kept */
	drop_first_child(root);
	assert_int_equal(page_fragment(&ctx, root, "facility:7:2024"), 0);

	xmlFreeDoc(doc);
	arena_free(ctx.arena);
	fragment_clear();
}

int main(void)
{
	if (crypto_init() != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splice__drawn_part__kept_and_markers_removed),
		cmocka_unit_test(splice__kept_part__put_in_place_of_the_marker),
		cmocka_unit_test(splice__no_marker__the_page_as_written),
		cmocka_unit_test(splice__misplaced_markers__refused),
		cmocka_unit_test(store__put_get_replace),
		cmocka_unit_test(store__full_of_entries__the_least_recently_used_goes),
		cmocka_unit_test(store__bytes_bound__oldest_go_a_too_large_part_is_not_kept),
		cmocka_unit_test(page__drawn_once_then_spliced__same_html_never_the_marker),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
