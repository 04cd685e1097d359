/* The PDF plugin, called through its descriptor as the module does: a PDF
 * with its title, pages added as lines run out, the watermark drawn or not,
 * and nothing but the description needed (no database, no request). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/declarations/pdf/pdf_plugin.h"

/* LeakSanitizer: fontconfig's caches, filled through pango and cairo, live
 * as long as the process (in a worker too: its RSS stops growing after the
 * first PDF) and nobody frees them. A leak of ours (a layout, a surface,
 * the buffer) has no fontconfig frame and is still reported. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* The plugin's descriptor, linked in from its sources (modules/declarations/pdf/). */
extern const struct decl_pdf_plugin decl_pdf_plugin;

static const struct decl_pdf_item HEADER[] = {
	{.kind = DECL_PDF_LINE, .font = "DejaVu Sans Bold 15", .text = "Synthèse de la déclaration"},
	{.kind = DECL_PDF_GAP, .space = 8},
	{.kind = DECL_PDF_LINE, .font = "DejaVu Sans 9", .text = "Crèche parentale Les P'tits Loups"},
	{.kind = DECL_PDF_PAIR, .font = "DejaVu Sans 9", .text = "Nombre d'heures réalisées",
	 .value_font = "DejaVu Sans Bold 9", .value = "30 000,00 h"},
	{.kind = DECL_PDF_PAIR, .font = "DejaVu Sans 9", .text = "Libellé sans valeur",
	 .value_font = "DejaVu Sans Bold 9", .value = NULL},
	{.kind = DECL_PDF_LINE, .font = NULL, .text = NULL},
};

static unsigned char *render(const struct decl_pdf_doc *doc, size_t *len)
{
	unsigned char *pdf = NULL;
	const char *error = NULL;
	assert_int_equal(decl_pdf_plugin.render(doc, &pdf, len, &error), 0);
	assert_non_null(pdf);
	return pdf;
}

static size_t count(const unsigned char *p, size_t len, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	for (size_t i = 0; i + k <= len; i++)
		n += memcmp(p + i, needle, k) == 0;
	return n;
}

/* Page objects: "/Type /Page" not followed by "s" (the page tree). */
static size_t pages(const unsigned char *p, size_t len)
{
	return count(p, len, "/Type /Page") - count(p, len, "/Type /Pages");
}

static void decl_pdf_render__few_lines__one_page_pdf_with_title(void **state)
{
	(void)state;
	struct decl_pdf_doc doc = {.title = "Synthèse", .watermark = "Saisie en cours",
				   .items = HEADER, .nitems = sizeof HEADER / sizeof HEADER[0]};
	size_t len = 0;
	unsigned char *pdf = render(&doc, &len);
	assert_true(len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	assert_int_equal(count(pdf + len - 7, 7, "%%EOF"), 1);
	assert_int_equal(pages(pdf, len), 1);
	assert_true(count(pdf, len, "/Title") >= 1);
	free(pdf);
}

static void decl_pdf_render__many_pairs__more_pages(void **state)
{
	(void)state;
	enum { N = 150 };
	struct decl_pdf_item items[N];
	for (int i = 0; i < N; i++)
		items[i] = (struct decl_pdf_item){.kind = DECL_PDF_PAIR, .font = "DejaVu Sans 9",
						  .text = "Charges de personnel — été", .value_font =
						  "DejaVu Sans Bold 9", .value = "12 345,67 €"};
	struct decl_pdf_doc doc = {.title = "Synthèse", .items = items, .nitems = N};
	size_t len = 0;
	unsigned char *pdf = render(&doc, &len);
	/* about 13 points a pair, 730 points a page */
	assert_true(pages(pdf, len) >= 2);
	free(pdf);
}

static void decl_pdf_render__watermark__drawn_only_when_asked(void **state)
{
	(void)state;
	struct decl_pdf_doc doc = {.title = "Synthèse", .items = HEADER,
				   .nitems = sizeof HEADER / sizeof HEADER[0]};
	size_t plain_len = 0, marked_len = 0;
	unsigned char *plain = render(&doc, &plain_len);
	doc.watermark = "Saisie en cours";
	unsigned char *marked = render(&doc, &marked_len);
	/* the watermark is outlines filled in a translucent red */
	assert_true(marked_len > plain_len);
	assert_int_equal(count(plain, plain_len, "/ca 0.18"), 0);
	assert_true(count(marked, marked_len, "/ca 0.18") >= 1);
	free(plain);
	free(marked);
}

static void decl_pdf_render__no_items__empty_page(void **state)
{
	(void)state;
	struct decl_pdf_doc doc = {0};
	size_t len = 0;
	unsigned char *pdf = render(&doc, &len);
	assert_memory_equal(pdf, "%PDF-", 5);
	assert_int_equal(pages(pdf, len), 1);
	free(pdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decl_pdf_render__few_lines__one_page_pdf_with_title),
		cmocka_unit_test(decl_pdf_render__many_pairs__more_pages),
		cmocka_unit_test(decl_pdf_render__watermark__drawn_only_when_asked),
		cmocka_unit_test(decl_pdf_render__no_items__empty_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
