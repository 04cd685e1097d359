/* The portal's one clock. Tests fix it (unit) or shift it through a file
 * that only an instance with test_hooks = yes reads (integration).
 * Calendar output is local time (TZ, Europe/Paris unless set). */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"

static time_t fixed_now;
static char offset_file[512];
static long offset;
static struct stat offset_seen; /* identity of the file last read */

static int tz_ready;

/* Calendar helpers work even before clock_configure (tools, unit tests):
 * Europe/Paris unless the environment says otherwise. */
static void ensure_tz(void)
{
	if (tz_ready)
		return;
	setenv("TZ", "Europe/Paris", 0);
	tzset();
	tz_ready = 1;
}

void clock_configure(const struct portal_config *cfg)
{
	offset_file[0] = '\0';
	offset = 0;
	memset(&offset_seen, 0, sizeof offset_seen);
	/* Dates are shown in the users' time zone, whatever the server's. */
	setenv("TZ", config_get(cfg, "timezone", "Europe/Paris"), 0);
	tzset();
	tz_ready = 1;
	if (config_bool(cfg, "test_hooks", 0)) {
		const char *f = config_get(cfg, "clock_offset_file", NULL);
		if (f)
			snprintf(offset_file, sizeof offset_file, "%s", f);
	}
}

void clock_set_fixed(time_t t)
{
	fixed_now = t;
}

static int same_file(const struct stat *x, const struct stat *y)
{
	return x->st_ino == y->st_ino && x->st_dev == y->st_dev && x->st_size == y->st_size &&
	       x->st_mtim.tv_sec == y->st_mtim.tv_sec && x->st_mtim.tv_nsec == y->st_mtim.tv_nsec;
}

/* Test hooks only: a stat per call, a read when the file changed (the
 * tests replace it by rename), so a jump is seen by the very next request. */
static void refresh_offset(void)
{
	if (!offset_file[0])
		return;
	struct stat st;
	if (stat(offset_file, &st) != 0) {
		offset = 0;
		memset(&offset_seen, 0, sizeof offset_seen);
		return;
	}
	if (same_file(&st, &offset_seen))
		return;
	offset_seen = st;
	FILE *f = fopen(offset_file, "r");
	long v = 0;
	if (f) {
		if (fscanf(f, "%ld", &v) != 1)
			v = 0;
		fclose(f);
	}
	offset = v;
}

time_t portal_now(void)
{
	if (fixed_now)
		return fixed_now;
	refresh_offset();
	return time(NULL) + offset;
}

void clock_format_date(time_t t, char *buf, size_t n)
{
	struct tm tm;
	ensure_tz();
	localtime_r(&t, &tm);
	strftime(buf, n, "%d/%m/%Y", &tm);
}

void clock_format_datetime(time_t t, char *buf, size_t n)
{
	struct tm tm;
	ensure_tz();
	localtime_r(&t, &tm);
	snprintf(buf, n, "%02d/%02d/%04d à %02dh%02d", tm.tm_mday, tm.tm_mon + 1,
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

void clock_today_iso(char *buf, size_t n)
{
	time_t now = portal_now();
	struct tm tm;
	ensure_tz();
	localtime_r(&now, &tm);
	strftime(buf, n, "%Y-%m-%d", &tm);
}
