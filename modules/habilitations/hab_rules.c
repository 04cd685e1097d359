/* Pure rules of delegated administration (see hab_rules.h). */
#include "hab_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ROLE_SQL[HROLE__MAX] = {
	"activity_provider", "financial_provider", "approver", "consultant"};
static const char *const ROLE_LABEL[HROLE__MAX] = {
	"Fournisseur de données d'activité", "Fournisseur de données financières", "Approbateur",
	"Consultant"};
static const int ROLE_LIMIT[HROLE__MAX] = {2, 2, 1, 0};

int hab_role_from_sql(const char *s)
{
	for (int i = 0; s && i < HROLE__MAX; i++)
		if (strcmp(s, ROLE_SQL[i]) == 0)
			return i;
	return -1;
}

const char *hab_role_sql(int role)
{
	return role >= 0 && role < HROLE__MAX ? ROLE_SQL[role] : "";
}

const char *hab_role_label(int role)
{
	return role >= 0 && role < HROLE__MAX ? ROLE_LABEL[role] : "";
}

int hab_role_limit(int role)
{
	return role >= 0 && role < HROLE__MAX ? ROLE_LIMIT[role] : 0;
}

int hab_validation_from_sql(const char *s)
{
	static const char *const V[] = {"not_required", "pending", "validated", "refused"};
	for (int i = 0; s && i < 4; i++)
		if (strcmp(s, V[i]) == 0)
			return i;
	return -1;
}

const char *hab_state_label(enum hab_state s)
{
	switch (s) {
	case HSTATE_ACTIVE:
		return "Actif";
	case HSTATE_HISTORY:
		return "Historique";
	case HSTATE_INACTIVE:
		return "Inactif";
	}
	return "";
}

int hab_state_from_param(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "actif") == 0)
		return HSTATE_ACTIVE;
	if (strcmp(s, "historique") == 0)
		return HSTATE_HISTORY;
	if (strcmp(s, "inactif") == 0)
		return HSTATE_INACTIVE;
	if (strcmp(s, "non-attribue") == 0)
		return HAB_STATE_UNASSIGNED;
	return -1;
}

/* Howard Hinnant's days_from_civil. */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static int month_days(long y, int m)
{
	static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : D[m - 1];
}

long hab_day_from_iso(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return -1;
	return days_from_civil(y, (unsigned)m, (unsigned)d);
}

void hab_day_to_iso(long z, char *buf, size_t n)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = (long)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	snprintf(buf, n, "%04ld-%02u-%02u", y, m, d);
}

struct event {
	long day;
	int delta;
};

static int event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->delta - y->delta; /* ends (-1) before starts (+1) on one day */
}

int hab_max_overlap(const struct hab_interval *iv, size_t n, long from, long to)
{
	if (n == 0 || from >= to)
		return 0;
	struct event *ev = malloc(2 * n * sizeof(*ev));
	if (!ev)
		return 1 << 20; /* no memory: answer "full", never "free" */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		long s = iv[i].start > from ? iv[i].start : from;
		long e = iv[i].end < to ? iv[i].end : to;
		if (s >= e)
			continue;
		ev[k++] = (struct event){s, +1};
		ev[k++] = (struct event){e, -1};
	}
	qsort(ev, k, sizeof(*ev), event_cmp);
	int cur = 0, best = 0;
	for (size_t i = 0; i < k; i++) {
		cur += ev[i].delta;
		if (cur > best)
			best = cur;
	}
	free(ev);
	return best;
}

int hab_limit_allows(const struct hab_interval *existing, size_t n, struct hab_interval cand,
		     int limit)
{
	if (limit <= 0)
		return 1;
	if (cand.start >= cand.end)
		return 1;
	return hab_max_overlap(existing, n, cand.start, cand.end) + 1 <= limit;
}

enum hab_state hab_state_at(long start, long end, enum hab_validation v, long today)
{
	if (v == HVAL_REFUSED || end <= today)
		return HSTATE_HISTORY;
	if (start > today || v == HVAL_PENDING)
		return HSTATE_INACTIVE;
	return HSTATE_ACTIVE;
}

int hab_grants_rights(long start, long end, enum hab_validation v, long today)
{
	return hab_state_at(start, end, v, today) == HSTATE_ACTIVE;
}

unsigned hab_missing_roles(unsigned held_mask)
{
	unsigned all = (1u << HROLE_ACTIVITY) | (1u << HROLE_FINANCIAL) | (1u << HROLE_APPROVER);
	return all & ~held_mask;
}

static int in_list(const long long *list, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == id)
			return 1;
	return 0;
}

enum hab_scope hab_scope_facility(const struct hab_grantor *g, const struct hab_target_facility *f)
{
	if (!g || !f)
		return HSCOPE_NOT_GRANTOR;
	switch (g->kind) {
	case HGRANTOR_CAF_ADMIN:
		return f->caf_id == g->caf_id ? HSCOPE_OK : HSCOPE_OTHER_PARTNER;
	case HGRANTOR_PARTNER_ADMIN:
		return f->partner_id == g->partner_id ? HSCOPE_OK : HSCOPE_OTHER_PARTNER;
	case HGRANTOR_MANAGER:
		if (f->partner_id != g->partner_id)
			return HSCOPE_OTHER_PARTNER;
		return in_list(g->facilities, g->nfacilities, f->id) ? HSCOPE_OK : HSCOPE_OUTSIDE;
	case HGRANTOR_NONE:
		break;
	}
	return HSCOPE_NOT_GRANTOR;
}

enum hab_scope hab_scope_grant(const struct hab_grantor *g, long long target_account,
			       long long target_partner, const struct hab_target_facility *f)
{
	if (!g || g->kind == HGRANTOR_NONE)
		return HSCOPE_NOT_GRANTOR;
	/* a role is held on a facility of the holder's own partner only */
	if (target_partner <= 0 || target_partner != f->partner_id)
		return HSCOPE_OTHER_PARTNER;
	if (g->kind != HGRANTOR_CAF_ADMIN && target_account == g->account_id)
		return HSCOPE_SELF;
	return hab_scope_facility(g, f);
}

enum hab_scope hab_scope_appoint(const struct hab_grantor *g, long long target_account,
				 long long target_partner, const long long *facilities, size_t n)
{
	if (!g || g->kind == HGRANTOR_NONE)
		return HSCOPE_NOT_GRANTOR;
	if (target_account == g->account_id)
		return HSCOPE_SELF;
	if (g->kind != HGRANTOR_CAF_ADMIN && target_partner != g->partner_id)
		return HSCOPE_OTHER_PARTNER;
	if (g->kind == HGRANTOR_MANAGER)
		for (size_t i = 0; i < n; i++)
			if (!in_list(g->facilities, g->nfacilities, facilities[i]))
				return HSCOPE_OUTSIDE;
	return HSCOPE_OK;
}

static const char B36[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static int dept3(const char *department, char out[4])
{
	size_t l = department ? strlen(department) : 0;
	if (l < 2 || l > 3)
		return -1;
	for (size_t i = 0; i < l; i++) {
		char c = department[i];
		if (!((c >= '0' && c <= '9') || c == 'A' || c == 'B'))
			return -1;
	}
	if (l == 2) {
		out[0] = '0';
		memcpy(out + 1, department, 2);
	} else {
		memcpy(out, department, 3);
	}
	out[3] = '\0';
	return 0;
}

int hab_login_format(char *out, size_t n, const char *department, unsigned long seq)
{
	char d[4];
	if (n < 11 || dept3(department, d) != 0 || seq >= 36ul * 36 * 36 * 36)
		return -1;
	memcpy(out, "ENF", 3);
	memcpy(out + 3, d, 3);
	for (int i = 9; i >= 6; i--) {
		out[i] = B36[seq % 36];
		seq /= 36;
	}
	out[10] = '\0';
	return 0;
}

long hab_login_seq(const char *login, const char *department)
{
	char d[4];
	if (!login || strlen(login) != 10 || dept3(department, d) != 0)
		return -1;
	if (strncmp(login, "ENF", 3) != 0 || strncmp(login + 3, d, 3) != 0)
		return -1;
	long seq = 0;
	for (int i = 6; i < 10; i++) {
		const char *p = strchr(B36, login[i]);
		if (!p || !login[i])
			return -1;
		seq = seq * 36 + (p - B36);
	}
	return seq;
}
