/* The workers' allocator: mimalloc, linked into portal-host so that every
 * malloc of the process — libxml2's and libxslt's trees, the arena's
 * blocks, Connector/C's buffers, a plugin's — is mimalloc's.
 *
 * Why: a page builds and frees thousands of small tree nodes. With glibc's
 * malloc that was ~17 % of a worker's CPU (perf: _int_malloc, _int_free,
 * unlink_chunk), and tuning it (mallopt, tcache) moved little. Measured on
 * the facility page, worker CPU per request: glibc 0.28 ms, jemalloc 0.21,
 * tcmalloc 0.20, mimalloc 0.20 ms (tests/bench/RESULTS.md). mimalloc also
 * keeps freed pages for the next request by itself: 0 page faults and 0
 * mmap/madvise per request under load (perf stat). */
#include "host.h"

#include <stdio.h>
#include <stdlib.h>

#include <mimalloc.h>

const char *host_allocator(void)
{
	static char name[32];
	/* Linked but not first in the symbol lookup order (a preloaded
	 * allocator, a sanitizer), mimalloc would not be the one malloc calls:
	 * say so instead of claiming it. */
	void *probe = calloc(1, 16);
	int ours = probe && mi_is_in_heap_region(probe);
	free(probe);
	if (!ours)
		return "not mimalloc (malloc is another allocator's)";
	int v = mi_version();
	snprintf(name, sizeof name, "mimalloc %d.%d.%d", v / 100, v / 10 % 10, v % 10);
	return name;
}
