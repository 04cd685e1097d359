/* Field reading, totals, essential data and canonical serialisation. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decl_form.h"
#include "french.h"

static const char *const unit_sql[DUNIT__MAX] = {
	"hours", "euros", "count", "percent", "months", "etp", "days", "bool", "text", "rate",
};
static const char *const unit_suffix[DUNIT__MAX] = {
	"h", "€", "", "%", "mois", "ETP", "jours", "", "", "",
};

int decl_unit_from_sql(const char *s)
{
	for (int i = 0; s && i < DUNIT__MAX; i++)
		if (strcmp(unit_sql[i], s) == 0)
			return i;
	return -1;
}

const char *decl_unit_sql(enum decl_unit u)
{
	return (unsigned)u < DUNIT__MAX ? unit_sql[u] : "";
}

const char *decl_unit_suffix(enum decl_unit u)
{
	return (unsigned)u < DUNIT__MAX ? unit_suffix[u] : "";
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

enum decl_parse decl_field_parse(const struct decl_field *f, const char *input, int64_t *out,
				 const char **err, char *buf, size_t buflen)
{
	*err = NULL;
	if (f->unit == DUNIT_BOOL) {
		/* a checkbox: absent means "non" */
		int yes = input && (strcmp(input, "1") == 0 || strcmp(input, "on") == 0 ||
				    strcmp(input, "oui") == 0);
		int no = !input || blank(input) || strcmp(input, "0") == 0 ||
			 strcmp(input, "non") == 0;
		if (!yes && !no) {
			*err = "Choisissez oui ou non.";
			return DPARSE_ERROR;
		}
		*out = yes;
		return DPARSE_VALUE;
	}
	if (!input || blank(input)) {
		if (f->required) {
			*err = "Ce champ est obligatoire.";
			return DPARSE_ERROR;
		}
		return DPARSE_EMPTY;
	}
	if (f->unit == DUNIT_TEXT) {
		if (strlen(input) > 2000) {
			*err = "Ce texte dépasse 2 000 caractères.";
			return DPARSE_ERROR;
		}
		return DPARSE_VALUE;
	}
	int64_t v;
	const char *e = fr_read_decimal(input, f->decimals, f->has_min && f->min < 0, &v);
	if (e) {
		*err = e;
		return DPARSE_ERROR;
	}
	int below = f->has_min && v < f->min, above = f->has_max && v > f->max;
	if (below || above) {
		char lo[48], hi[48];
		fr_format_decimal(f->min, f->decimals, lo, sizeof(lo));
		fr_format_decimal(f->max, f->decimals, hi, sizeof(hi));
		if (f->has_min && f->has_max)
			snprintf(buf, buflen, "La valeur doit être comprise entre %s et %s.", lo, hi);
		else if (below)
			snprintf(buf, buflen, "La valeur doit être supérieure ou égale à %s.", lo);
		else
			snprintf(buf, buflen, "La valeur doit être inférieure ou égale à %s.", hi);
		*err = buf;
		return DPARSE_ERROR;
	}
	*out = v;
	return DPARSE_VALUE;
}

static int sum_list(const struct decl_vals *vals, const char *const *codes, int64_t *sum)
{
	int any = 0;
	int64_t s = 0, x;
	for (size_t i = 0; codes[i]; i++)
		if (decl_vals_get(vals, codes[i], &x)) {
			s += x;
			any = 1;
		}
	*sum = s;
	return any;
}

size_t decl_compute_totals(const struct decl_vals *vals, struct decl_val out[3])
{
	static const char *const hours_children[] = {
		"hours_children_school", "hours_children_wednesday", "hours_children_holidays", NULL,
	};
	size_t n = 0;
	int64_t s;
	if (sum_list(vals, decl_charge_codes, &s))
		out[n++] = (struct decl_val){"total_charges", s};
	if (sum_list(vals, decl_product_codes, &s))
		out[n++] = (struct decl_val){"total_products", s};
	if (sum_list(vals, hours_children, &s))
		out[n++] = (struct decl_val){"hours_children_total", s};
	return n;
}

size_t decl_missing_essential(const struct decl_field *fields, size_t nfields,
			      const char *section, const struct decl_vals *vals,
			      size_t *missing, size_t max)
{
	size_t n = 0;
	int64_t v;
	for (size_t i = 0; i < nfields && n < max; i++)
		if (fields[i].essential && !fields[i].computed &&
		    strcmp(fields[i].section, section) == 0 &&
		    !decl_vals_get(vals, fields[i].code, &v))
			missing[n++] = i;
	return n;
}

/* A growing buffer; on failure `p` becomes NULL and stays so. */
struct sbuf {
	char *p;
	size_t len, cap;
};

static void sb_put(struct sbuf *b, const char *s, size_t n)
{
	if (!b->p)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->cap + n + 1) * 2;
		char *np = realloc(b->p, cap);
		if (!np) {
			free(b->p);
			b->p = NULL;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

static void sb_str(struct sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

/* Text escaped so that a value never forges another line. */
static void sb_text(struct sbuf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\')
			sb_str(b, "\\\\");
		else if (*s == '\n')
			sb_str(b, "\\n");
		else if (*s == '\r')
			sb_str(b, "\\r");
		else
			sb_put(b, s, 1);
	}
}

static void sb_fmt(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_fmt(struct sbuf *b, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		sb_put(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

static const char *const *sort_keys;
static int cmp_idx(const void *a, const void *b)
{
	return strcmp(sort_keys[*(const size_t *)a], sort_keys[*(const size_t *)b]);
}

/* Index order of keys sorted by strcmp (static comparator state: this
 * runs in one single-threaded worker). */
static size_t *sorted(const char *const *keys, size_t n)
{
	size_t *idx = malloc((n ? n : 1) * sizeof(*idx));
	if (!idx)
		return NULL;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_keys = keys;
	qsort(idx, n, sizeof(*idx), cmp_idx);
	return idx;
}

char *decl_canonical(const struct decl_signed *s, size_t *len)
{
	struct sbuf b = {malloc(256), 0, 256};
	if (!b.p)
		return NULL;
	b.p[0] = 0;
	sb_str(&b, "portail-partenaires/declaration/v1\n");
	sb_fmt(&b, "declaration=%lld\n", s->declaration_id);
	sb_str(&b, "facility=");
	sb_text(&b, s->facility_code);
	sb_fmt(&b, "\nfiscal_year=%d\n", s->fiscal_year);
	sb_str(&b, "type=");
	sb_text(&b, s->type);
	sb_fmt(&b, "\nversion=%d\n", s->version);

	const char **codes = malloc((s->nvalues ? s->nvalues : 1) * sizeof(*codes));
	if (!codes) {
		free(b.p);
		return NULL;
	}
	for (size_t i = 0; i < s->nvalues; i++)
		codes[i] = s->values[i].code;
	size_t *idx = sorted(codes, s->nvalues);
	for (size_t i = 0; idx && i < s->nvalues; i++) {
		sb_str(&b, "value.");
		sb_text(&b, s->values[idx[i]].code);
		sb_fmt(&b, "=%lld\n", (long long)s->values[idx[i]].v);
	}
	free(idx);
	free(codes);
	idx = sorted(s->text_codes, s->ntexts);
	for (size_t i = 0; idx && i < s->ntexts; i++) {
		sb_str(&b, "text.");
		sb_text(&b, s->text_codes[idx[i]]);
		sb_str(&b, "=");
		sb_text(&b, s->texts[idx[i]]);
		sb_str(&b, "\n");
	}
	free(idx);
	idx = sorted(s->explanation_keys, s->nexplanations);
	for (size_t i = 0; idx && i < s->nexplanations; i++) {
		sb_str(&b, "explanation.");
		sb_text(&b, s->explanation_keys[idx[i]]);
		sb_str(&b, "=");
		sb_text(&b, s->explanations[idx[i]]);
		sb_str(&b, "\n");
	}
	free(idx);
	sb_fmt(&b, "estimate_cents=%lld\n", (long long)s->estimate_cents);
	sb_str(&b, "comment=");
	sb_text(&b, s->comment);
	sb_fmt(&b, "\napprover=%lld\ntransmitted_at=%lld\n", s->approver_id, s->transmitted_at);
	if (b.p && len)
		*len = b.len;
	return b.p;
}
