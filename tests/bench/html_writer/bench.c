/* The cost of serialising our pages: every tests/xslt/cases page is
 * transformed ITER times and serialised by xsltSaveResultToString() or by
 * html_write_result(); prints the nanoseconds per page of each step.
 *
 *   make build/bin/html-writer-bench
 *   build/bin/html-writer-bench libxslt|writer [ITER]     (from the top)
 *   valgrind --tool=callgrind build/bin/html-writer-bench writer 20
 *   callgrind_annotate --inclusive=yes callgrind.out.PID | grep -E 'html_write_result|xsltSaveResultToString|xsltApplyStylesheet'
 * Measures only; nothing is asserted. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "arena.h"
#include "html_writer.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static xsltStylesheetPtr sheet_of(xmlDocPtr page)
{
	xmlChar *view = xmlGetProp(xmlDocGetRootElement(page), BAD_CAST "view");
	char path[512];
	snprintf(path, sizeof path, "xslt/%s.xsl", view ? (const char *)view : "");
	FILE *f = fopen(path, "r");
	if (f)
		fclose(f);
	else
		snprintf(path, sizeof path, "tests/xslt/views/%s.xsl", view ? (const char *)view : "");
	xmlFree(view);
	return xsltParseStylesheetFile(BAD_CAST path);
}

int main(int argc, char **argv)
{
	int writer = argc > 1 && strcmp(argv[1], "writer") == 0;
	int iter = argc > 2 ? atoi(argv[2]) : 200;
	glob_t g;
	if (glob("tests/xslt/cases/*.xml", 0, NULL, &g) != 0) {
		fputs("run from the top of the tree\n", stderr);
		return 1;
	}
	size_t n = g.gl_pathc;
	xmlDocPtr *pages = calloc(n, sizeof *pages);
	xsltStylesheetPtr *sheets = calloc(n, sizeof *sheets);
	for (size_t i = 0; i < n; i++) {
		pages[i] = xmlReadFile(g.gl_pathv[i], NULL, XML_PARSE_NONET);
		sheets[i] = pages[i] ? sheet_of(pages[i]) : NULL;
		if (!sheets[i]) {
			fprintf(stderr, "%s: no stylesheet\n", g.gl_pathv[i]);
			return 1;
		}
	}
	struct arena *arena = arena_new();
	double t_apply = 0, t_save = 0;
	size_t bytes = 0;
	for (int k = 0; k < iter; k++) {
		for (size_t i = 0; i < n; i++) {
			double t0 = now();
			xmlDocPtr out = xsltApplyStylesheet(sheets[i], pages[i], NULL);
			double t1 = now();
			if (writer) {
				char *html;
				size_t len;
				if (html_write_result(arena, out, sheets[i], &html, &len) != HTML_WRITE_OWN)
					return 1;
				bytes += len;
			} else {
				xmlChar *html = NULL;
				int len = 0;
				xsltSaveResultToString(&html, &len, out, sheets[i]);
				bytes += (size_t)len;
				xmlFree(html);
			}
			double t2 = now();
			t_apply += t1 - t0;
			t_save += t2 - t1;
			xmlFreeDoc(out);
			arena_reset(arena);
		}
	}
	double pages_done = (double)iter * (double)n;
	printf("%s: %zu pages x %d, %.0f bytes/page; transform %.0f ns/page, serialise %.0f ns/page\n",
	       writer ? "writer" : "libxslt", n, iter, (double)bytes / pages_done,
	       t_apply / pages_done, t_save / pages_done);
	arena_free(arena);
	for (size_t i = 0; i < n; i++) {
		xsltFreeStylesheet(sheets[i]);
		xmlFreeDoc(pages[i]);
	}
	free(pages);
	free(sheets);
	globfree(&g);
	return 0;
}
