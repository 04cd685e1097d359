/* Where a worker keeps its prepared statements (db.c): a table keyed by
 * the address of the statement's SQL text (every statement is a constant),
 * probed linearly, so statements whose addresses hash alike each keep a
 * slot instead of evicting one another at every request. */
#ifndef PORTAL_STMT_CACHE_H
#define PORTAL_STMT_CACHE_H

#define STMT_CACHE_SIZE 256
#define STMT_CACHE_PROBES 16

struct stmt_slot {
	const char *sql;	/* NULL: free */
	void *stmt;
};

/* The slot keeping sql, or NULL. */
struct stmt_slot *stmt_cache_find(struct stmt_slot *slots, const char *sql);
/* The slot to keep sql in: a free one among its probes, else the one whose
 * statement it replaces (the caller closes that statement first). */
struct stmt_slot *stmt_cache_place(struct stmt_slot *slots, const char *sql);

#endif
