/* Log lines: one per call on stderr, ISO time, module[pid], level, and no
 * line forged through control characters in user input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "stderr_capture.h"

#include "log.h"

/* Runs fn with stderr redirected to a pipe; returns what it wrote. */
static void capture(void (*fn)(void), char *buf, size_t n)
{
	struct stderr_capture c;
	assert_int_equal(stderr_capture_begin(&c), 0);
	fn();
	stderr_capture_end(&c, buf, n);
}

static void info_line(void)
{
	log_set_module("auth");
	log_info("req=%s status=%d", "abc", 200);
}

static void forged_line(void)
{
	log_set_module("auth");
	log_error("login failed for %s", "x\nfake-line info forged\r");
}

static void log_info__message__one_iso_line(void **state)
{
	(void)state;
	char buf[512];
	capture(info_line, buf, sizeof buf);
	char expect[64];
	snprintf(expect, sizeof expect, " auth[%d] info req=abc status=200\n", (int)getpid());
	assert_non_null(strstr(buf, expect));
	/* 2026-11-22T20:28:18.123Z */
	assert_true(strlen(buf) > 24);
	assert_int_equal(buf[4], '-');
	assert_int_equal(buf[10], 'T');
	assert_int_equal(buf[23], 'Z');
	assert_int_equal(strchr(buf, '\n') - buf, (long)strlen(buf) - 1);
}

static void log_error__control_characters__kept_on_one_line(void **state)
{
	(void)state;
	char buf[512];
	capture(forged_line, buf, sizeof buf);
	assert_non_null(strstr(buf, " error login failed for x fake-line info forged \n"));
	assert_int_equal(strchr(buf, '\n') - buf, (long)strlen(buf) - 1);
	assert_null(strchr(buf, '\r'));
}

/* The pid is read once per process: a worker forked after the supervisor
 * logged must still write its own. */
static void log_info__after_fork__child_writes_its_own_pid(void **state)
{
	(void)state;
	char buf[512];
	capture(info_line, buf, sizeof buf); /* the parent's pid is now known */
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		dup2(fds[1], STDERR_FILENO);
		log_info("child");
		_exit(0);
	}
	close(fds[1]);
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	ssize_t got = read(fds[0], buf, sizeof buf - 1);
	close(fds[0]);
	buf[got > 0 ? got : 0] = '\0';
	char expect[64];
	snprintf(expect, sizeof expect, " auth[%d] info child\n", (int)child);
	assert_non_null(strstr(buf, expect));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(log_info__message__one_iso_line),
		cmocka_unit_test(log_error__control_characters__kept_on_one_line),
		cmocka_unit_test(log_info__after_fork__child_writes_its_own_pid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
