/* What a unit under test writes to stderr (its log lines), captured
 * through a pipe: begin, call the unit, end into a buffer. For tests only;
 * the pipe holds far more than one test's few lines. */
#ifndef TEST_STDERR_CAPTURE_H
#define TEST_STDERR_CAPTURE_H

#include <stddef.h>
#include <unistd.h>

struct stderr_capture {
	int fds[2];
	int saved;
};

static inline int stderr_capture_begin(struct stderr_capture *c)
{
	if (pipe(c->fds) != 0)
		return -1;
	c->saved = dup(STDERR_FILENO);
	dup2(c->fds[1], STDERR_FILENO);
	return 0;
}

/* Restores stderr; buf holds what was written, NUL-terminated. */
static inline void stderr_capture_end(struct stderr_capture *c, char *buf, size_t n)
{
	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	close(c->fds[1]);
	ssize_t got = read(c->fds[0], buf, n - 1);
	close(c->fds[0]);
	buf[got > 0 ? got : 0] = '\0';
}

#endif
