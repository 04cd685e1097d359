/* The one clock of the portal. Every time decision (password validity,
 * session idle timeout, token expiry, lock-outs) reads portal_now(), never
 * time() or SQL NOW(), so tests can move time.
 *
 * When the config enables test hooks (test_hooks = yes), the clock adds the
 * offset in seconds written in the file named by clock_offset_file; the
 * integration tests write that file to jump a live stack 46 days ahead. */
#ifndef PORTAL_CLOCK_H
#define PORTAL_CLOCK_H

#include <time.h>

struct portal_config;

void clock_configure(const struct portal_config *cfg);
time_t portal_now(void);
/* Unit tests inject a fixed clock; pass 0 to go back to the real one. */
void clock_set_fixed(time_t t);

/* Local (Europe/Paris) calendar helpers for display and day counting. */
/* "JJ/MM/AAAA" into buf (>= 11 bytes). */
void clock_format_date(time_t t, char *buf, size_t n);
/* "JJ/MM/AAAA à HHhMM" into buf (>= 24 bytes). */
void clock_format_datetime(time_t t, char *buf, size_t n);
/* Today's date, local time, as YYYY-MM-DD (SQL DATE) into buf (>= 11). */
void clock_today_iso(char *buf, size_t n);

#endif
