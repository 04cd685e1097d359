/* The portal's one clock. Tests fix it (unit) or shift it through a file
 * that only an instance with test_hooks = yes reads (integration). */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"

static time_t fixed_now;
static char offset_file[512];
static long offset;
static time_t offset_checked;
static struct timespec offset_mtime;

void clock_configure(const struct portal_config *cfg)
{
	offset_file[0] = '\0';
	offset = 0;
	offset_checked = 0;
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

/* Re-reads the offset when the file changes (checked at most once a second). */
static void refresh_offset(time_t real)
{
	if (!offset_file[0] || real == offset_checked)
		return;
	offset_checked = real;
	struct stat st;
	if (stat(offset_file, &st) != 0) {
		offset = 0;
		memset(&offset_mtime, 0, sizeof offset_mtime);
		return;
	}
	if (st.st_mtim.tv_sec == offset_mtime.tv_sec && st.st_mtim.tv_nsec == offset_mtime.tv_nsec)
		return;
	offset_mtime = st.st_mtim;
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
	time_t real = time(NULL);
	refresh_offset(real);
	return real + offset;
}

void clock_format_date(time_t t, char *buf, size_t n)
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, n, "%d/%m/%Y", &tm);
}

void clock_format_datetime(time_t t, char *buf, size_t n)
{
	struct tm tm;
	localtime_r(&t, &tm);
	snprintf(buf, n, "%02d/%02d/%04d à %02dh%02d", tm.tm_mday, tm.tm_mon + 1,
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

void clock_today_iso(char *buf, size_t n)
{
	time_t now = portal_now();
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, n, "%Y-%m-%d", &tm);
}
