/* CSV import parsing (see hab_csv.h). libc only: no core, no database. */
#include "hab_csv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct hab_csv_choice STATUS[] = {
	{"ouvert", "open"}, {"cloture", "closed"}, {"open", "open"}, {"closed", "closed"}, {0, 0}};
static const struct hab_csv_choice SCOPE[] = {{"locale", "local"},	  {"local", "local"},
					      {"multi-caf", "multi_caf"}, {"multicaf", "multi_caf"},
					      {"nationale", "national"},  {"national", "national"},
					      {0, 0}};
static const struct hab_csv_choice KIND[] = {
	{"eaje", "EAJE"}, {"alsh", "ALSH"}, {"ram", "RAM"}, {0, 0}};
static const struct hab_csv_choice NATURE[] = {{"periscolaire", "periscolaire"},
					       {"peri", "periscolaire"},
					       {"extrascolaire", "extrascolaire"},
					       {"extra", "extrascolaire"},
					       {"adolescents", "adolescents"},
					       {"accueil adolescents", "adolescents"},
					       {0, 0}};
static const struct hab_csv_choice CARE[] = {
	{"collectif", "collectif"}, {"familial", "familial"}, {"parental", "parental"}, {0, 0}};

static const struct hab_csv_column PARTNER_COLS[] = {
	{"caf", 1, HCT_CODE, 3, NULL},
	{"type", 1, HCT_CODE, 20, NULL},
	{"nom", 1, HCT_TEXT, 160, NULL},
	{"siret", 0, HCT_DIGITS, 14, NULL},
	{"adresse", 0, HCT_TEXT, 200, NULL},
	{"code_postal", 0, HCT_DIGITS, 5, NULL},
	{"ville", 0, HCT_TEXT, 100, NULL},
};
static const struct hab_csv_column CONVENTION_COLS[] = {
	{"caf", 1, HCT_CODE, 3, NULL},
	{"partenaire", 1, HCT_TEXT, 160, NULL},
	{"libelle", 1, HCT_TEXT, 160, NULL},
	{"date_ouverture", 1, HCT_DATE, 0, NULL},
	{"date_cloture", 0, HCT_DATE, 0, NULL},
	{"statut", 0, HCT_CHOICE, 0, STATUS},
	{"validee_le", 0, HCT_DATE, 0, NULL},
	{"service", 0, HCT_CODE, 10, NULL},
	{"portee", 0, HCT_CHOICE, 0, SCOPE},
};
static const struct hab_csv_column FACILITY_COLS[] = {
	{"code", 1, HCT_CODE, 20, NULL},
	{"convention", 1, HCT_TEXT, 160, NULL},
	{"type", 1, HCT_CHOICE, 0, KIND},
	{"nature", 0, HCT_CHOICE, 0, NATURE},
	{"accueil", 0, HCT_CHOICE, 0, CARE},
	{"nom", 1, HCT_TEXT, 160, NULL},
	{"adresse", 0, HCT_TEXT, 200, NULL},
	{"code_postal", 0, HCT_DIGITS, 5, NULL},
	{"ville", 0, HCT_TEXT, 100, NULL},
	{"departement", 1, HCT_CODE, 3, NULL},
	{"places", 0, HCT_INT, 9999, NULL},
	{"date_ouverture", 1, HCT_DATE, 0, NULL},
};
static const struct hab_csv_column SITE_COLS[] = {
	{"equipement", 1, HCT_CODE, 20, NULL},
	{"nom", 1, HCT_TEXT, 160, NULL},
	{"adresse", 0, HCT_TEXT, 200, NULL},
	{"code_postal", 0, HCT_DIGITS, 5, NULL},
	{"ville", 0, HCT_TEXT, 100, NULL},
	{"date_ouverture", 0, HCT_DATE, 0, NULL},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;
	const struct hab_csv_column *cols;
	size_t n;
} KINDS[HCSV__MAX] = {
	[HCSV_PARTNERS] = {"partenaires", PARTNER_COLS, COUNT(PARTNER_COLS)},
	[HCSV_CONVENTIONS] = {"conventions", CONVENTION_COLS, COUNT(CONVENTION_COLS)},
	[HCSV_FACILITIES] = {"equipements", FACILITY_COLS, COUNT(FACILITY_COLS)},
	[HCSV_SITES] = {"lieux", SITE_COLS, COUNT(SITE_COLS)},
};

int hab_csv_kind_from_name(const char *name)
{
	for (int i = 0; name && i < HCSV__MAX; i++)
		if (strcmp(name, KINDS[i].name) == 0)
			return i;
	return -1;
}

const struct hab_csv_column *hab_csv_columns(enum hab_csv_kind kind, size_t *n)
{
	if ((int)kind < 0 || kind >= HCSV__MAX) {
		*n = 0;
		return NULL;
	}
	*n = KINDS[kind].n;
	return KINDS[kind].cols;
}

/* ---------------------------------------------------------------- helpers */

static int add_error(struct hab_csv_result *r, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int add_error(struct hab_csv_result *r, size_t line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	char full[480];
	snprintf(full, sizeof(full), "Ligne %zu : %s", line, msg);
	char **e = realloc(r->errors, (r->nerrors + 1) * sizeof(*e));
	if (!e)
		return -1;
	r->errors = e;
	if (!(e[r->nerrors] = strdup(full)))
		return -1;
	r->nerrors++;
	return 0;
}

static int utf8_ok(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		unsigned c = *p;
		size_t n;
		unsigned min;
		if (c == 0)
			return 0;
		if (c < 0x80) {
			p++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1;
			min = 0x80;
			c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			min = 0x800;
			c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			min = 0x10000;
			c &= 0x07;
		} else {
			return 0;
		}
		if ((size_t)(end - p) <= n)
			return 0;
		for (size_t i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			c = (c << 6) | (p[i] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		p += n + 1;
	}
	return 1;
}

static size_t code_points(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Lower case, accents of French letters folded, for choices and headers. */
static void fold(const char *in, char *out, size_t n)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && k + 1 < n; p++) {
		if (p[0] == 0xC3 && p[1]) {
			unsigned c = p[1];
			char f = 0;
			if ((c >= 0xA0 && c <= 0xA5) || (c >= 0x80 && c <= 0x85))
				f = 'a';
			else if ((c >= 0xA8 && c <= 0xAB) || (c >= 0x88 && c <= 0x8B))
				f = 'e';
			else if ((c >= 0xAC && c <= 0xAF) || (c >= 0x8C && c <= 0x8F))
				f = 'i';
			else if ((c >= 0xB2 && c <= 0xB6) || (c >= 0x92 && c <= 0x96))
				f = 'o';
			else if ((c >= 0xB9 && c <= 0xBC) || (c >= 0x99 && c <= 0x9C))
				f = 'u';
			else if (c == 0xA7 || c == 0x87)
				f = 'c';
			if (f) {
				out[k++] = f;
				p++;
				continue;
			}
		}
		out[k++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : (char)*p;
	}
	out[k] = '\0';
}

static char *trim_dup(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	char *d = malloc(len + 1);
	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

static int month_days(int y, int m)
{
	static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : D[m - 1];
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* dd/mm/yyyy or yyyy-mm-dd -> "yyyy-mm-dd" in out[11]. */
static int read_date(const char *s, char out[11])
{
	int y, m, d;
	if (strlen(s) == 10 && s[2] == '/' && s[5] == '/' && all_digits(s, 2) &&
	    all_digits(s + 3, 2) && all_digits(s + 6, 4)) {
		d = atoi(s);
		m = atoi(s + 3);
		y = atoi(s + 6);
	} else if (strlen(s) == 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) &&
		   all_digits(s + 5, 2) && all_digits(s + 8, 2)) {
		y = atoi(s);
		m = atoi(s + 5);
		d = atoi(s + 8);
	} else {
		return -1;
	}
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return -1;
	const int parts[3] = {y, m, d};
	const int widths[3] = {4, 2, 2};
	size_t k = 0;
	for (int i = 0; i < 3; i++) {
		if (i)
			out[k++] = '-';
		for (int w = widths[i] - 1, div = 1; w >= 0; w--, div = 1) {
			for (int j = 0; j < w; j++)
				div *= 10;
			out[k++] = (char)('0' + parts[i] / div % 10);
		}
	}
	out[k] = '\0';
	return 0;
}

/* Checks and normalises one value in place (may replace *v). 0 or an
 * error message. */
static const char *check_value(const struct hab_csv_column *c, char **v)
{
	char *s = *v;
	switch (c->type) {
	case HCT_TEXT:
		if (code_points(s) > c->maxlen)
			return "texte trop long";
		for (char *p = s; *p; p++)
			if ((unsigned char)*p < 0x20)
				return "caractère de contrôle interdit";
		return NULL;
	case HCT_DATE: {
		char iso[11];
		if (read_date(s, iso) != 0)
			return "date invalide (format attendu : JJ/MM/AAAA)";
		char *d = strdup(iso);
		if (!d)
			return "mémoire insuffisante";
		free(s);
		*v = d;
		return NULL;
	}
	case HCT_DIGITS:
		if (strlen(s) != c->maxlen || !all_digits(s, c->maxlen))
			return c->maxlen == 14 ? "le SIRET doit compter 14 chiffres"
			       : c->maxlen == 5 ? "le code postal doit compter 5 chiffres"
						: "nombre de chiffres incorrect";
		return NULL;
	case HCT_INT: {
		size_t l = strlen(s);
		if (l == 0 || l > 9 || !all_digits(s, l) || (size_t)atol(s) > c->maxlen)
			return "nombre entier invalide";
		return NULL;
	}
	case HCT_CODE:
		if (strlen(s) > c->maxlen)
			return "code trop long";
		for (char *p = s; *p; p++) {
			char ch = *p;
			if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			      (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
				return "code invalide (lettres, chiffres, - et _ seulement)";
			if (ch >= 'a' && ch <= 'z')
				*p = (char)(ch - 32);
		}
		return NULL;
	case HCT_CHOICE: {
		char f[64];
		fold(s, f, sizeof(f));
		for (const struct hab_csv_choice *ch = c->choices; ch && ch->input; ch++)
			if (strcmp(f, ch->input) == 0) {
				char *d = strdup(ch->value);
				if (!d)
					return "mémoire insuffisante";
				free(s);
				*v = d;
				return NULL;
			}
		return "valeur non reconnue";
	}
	}
	return "type inconnu";
}

/* Rules across the columns of one record. 0 or a message. */
static const char *check_record(enum hab_csv_kind kind, const struct hab_csv_column *cols,
				size_t ncols, char **vals)
{
	const char *type = NULL, *nature = NULL, *care = NULL, *open = NULL, *close = NULL;
	for (size_t i = 0; i < ncols; i++) {
		if (strcmp(cols[i].name, "type") == 0)
			type = vals[i];
		else if (strcmp(cols[i].name, "nature") == 0)
			nature = vals[i];
		else if (strcmp(cols[i].name, "accueil") == 0)
			care = vals[i];
		else if (strcmp(cols[i].name, "date_ouverture") == 0)
			open = vals[i];
		else if (strcmp(cols[i].name, "date_cloture") == 0)
			close = vals[i];
	}
	if (kind == HCSV_FACILITIES) {
		if (type && strcmp(type, "ALSH") == 0 && !nature)
			return "la nature (périscolaire, extrascolaire, adolescents) est obligatoire "
			       "pour un ALSH";
		if (nature && type && strcmp(type, "ALSH") != 0)
			return "la nature ne concerne que les ALSH";
		if (care && type && strcmp(type, "EAJE") != 0)
			return "le type d'accueil ne concerne que les EAJE";
	}
	if (open && close && strcmp(close, open) <= 0)
		return "la date de clôture doit suivre la date d'ouverture";
	return NULL;
}

/* ---------------------------------------------------------------- tokenizer */

struct fields {
	char **v;
	size_t n, cap;
};

static void fields_clear(struct fields *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	f->n = 0;
}

static int fields_push(struct fields *f, char *s)
{
	if (!s)
		return -1;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		char **v = realloc(f->v, cap * sizeof(*v));
		if (!v) {
			free(s);
			return -1;
		}
		f->v = v;
		f->cap = cap;
	}
	f->v[f->n++] = s;
	return 0;
}

/* Reads one record from *pos: fields into f, the physical lines consumed
 * added to *line. Returns 1 a record, 0 end of data, -1 memory, -2 an
 * unterminated quote, -3 text after a closing quote. */
static int next_record(const char *d, size_t len, size_t *pos, char sep, struct fields *f,
		       size_t *line)
{
	fields_clear(f);
	if (*pos >= len)
		return 0;
	char *buf = malloc(len - *pos + 1);
	if (!buf)
		return -1;
	size_t i = *pos;
	int rc = 1;
	for (;;) {
		size_t k = 0;
		int quoted = 0;
		/* skip spaces before an opening quote */
		size_t j = i;
		while (j < len && (d[j] == ' ' || d[j] == '\t'))
			j++;
		if (j < len && d[j] == '"') {
			quoted = 1;
			i = j + 1;
			for (;;) {
				if (i >= len) {
					rc = -2;
					goto out;
				}
				if (d[i] == '"') {
					if (i + 1 < len && d[i + 1] == '"') {
						buf[k++] = '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (d[i] == '\n')
					(*line)++;
				buf[k++] = d[i++];
			}
			while (i < len && (d[i] == ' ' || d[i] == '\t'))
				i++;
			if (i < len && d[i] != sep && d[i] != '\n' && d[i] != '\r') {
				rc = -3;
				goto out;
			}
		} else {
			while (i < len && d[i] != sep && d[i] != '\n' && d[i] != '\r')
				buf[k++] = d[i++];
		}
		char *val = quoted ? malloc(k + 1) : trim_dup(buf, k);
		if (quoted && val) {
			memcpy(val, buf, k);
			val[k] = '\0';
		}
		if (fields_push(f, val) != 0) {
			rc = -1;
			goto out;
		}
		if (i < len && d[i] == sep) {
			i++;
			continue;
		}
		break;
	}
	/* end of line: \n, \r\n, or the end */
	if (i < len && d[i] == '\r')
		i++;
	if (i < len && d[i] == '\n')
		i++;
	(*line)++;
out:
	if (rc < 0) {
		/* skip to the end of the physical line so parsing can go on */
		while (i < len && d[i] != '\n')
			i++;
		if (i < len)
			i++;
		(*line)++;
	}
	*pos = i;
	free(buf);
	return rc;
}

static int blank_record(const struct fields *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i][0])
			return 0;
	return 1;
}

/* ---------------------------------------------------------------- parse */

int hab_csv_parse(enum hab_csv_kind kind, const char *data, size_t len,
		  struct hab_csv_result *out)
{
	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->cols = hab_csv_columns(kind, &out->ncols);
	if (!out->cols)
		return add_error(out, 1, "type d'import inconnu") ? -1 : (int)out->nerrors;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (!utf8_ok(data, len))
		return add_error(out, 1, "le fichier n'est pas en UTF-8 valide") ? -1
										 : (int)out->nerrors;
	size_t first_eol = 0;
	while (first_eol < len && data[first_eol] != '\n')
		first_eol++;
	char sep = memchr(data, ';', first_eol) ? ';' : ',';

	struct fields f = {0};
	size_t pos = 0, line = 0;
	int rc = next_record(data, len, &pos, sep, &f, &line);
	if (rc <= 0 || blank_record(&f)) {
		free(f.v);
		return add_error(out, 1, "la ligne d'en-tête est absente") ? -1 : (int)out->nerrors;
	}
	/* header: map each file column to a column of the kind */
	size_t nfile = f.n;
	int *map = malloc((nfile ? nfile : 1) * sizeof(int));
	if (!map) {
		fields_clear(&f);
		free(f.v);
		return -1;
	}
	int fatal = 0;
	for (size_t i = 0; i < nfile; i++) {
		char name[64];
		fold(f.v[i], name, sizeof(name));
		map[i] = -1;
		for (size_t c = 0; c < out->ncols; c++)
			if (strcmp(name, out->cols[c].name) == 0)
				map[i] = (int)c;
		if (map[i] < 0) {
			fatal = 1;
			if (add_error(out, 1, "colonne « %s » inconnue", f.v[i]))
				goto oom;
		}
		for (size_t k = 0; k < i && map[i] >= 0; k++)
			if (map[k] == map[i]) {
				fatal = 1;
				if (add_error(out, 1, "colonne « %s » en double", f.v[i]))
					goto oom;
			}
	}
	for (size_t c = 0; c < out->ncols; c++) {
		if (!out->cols[c].required)
			continue;
		int found = 0;
		for (size_t i = 0; i < nfile; i++)
			found |= map[i] == (int)c;
		if (!found) {
			fatal = 1;
			if (add_error(out, 1, "colonne obligatoire « %s » absente", out->cols[c].name))
				goto oom;
		}
	}
	if (fatal)
		goto done;

	for (;;) {
		size_t start = line + 1;
		rc = next_record(data, len, &pos, sep, &f, &line);
		if (rc == 0)
			break;
		if (rc == -1)
			goto oom;
		if (rc == -2) {
			if (add_error(out, start, "guillemet non fermé"))
				goto oom;
			break;
		}
		if (rc == -3) {
			if (add_error(out, start, "texte après un guillemet fermant"))
				goto oom;
			continue;
		}
		if (blank_record(&f))
			continue;
		if (f.n != nfile) {
			if (add_error(out, start, "%zu colonnes au lieu de %zu", f.n, nfile))
				goto oom;
			continue;
		}
		char **vals = calloc(out->ncols, sizeof(char *));
		if (!vals)
			goto oom;
		int bad = 0;
		for (size_t i = 0; i < nfile; i++) {
			const struct hab_csv_column *c = &out->cols[map[i]];
			if (!f.v[i][0])
				continue;
			vals[map[i]] = f.v[i];
			f.v[i] = strdup(""); /* moved; keep the slot freeable */
			const char *msg = check_value(c, &vals[map[i]]);
			if (msg) {
				bad = 1;
				if (add_error(out, start, "colonne « %s » : %s", c->name, msg))
					goto oom_vals;
			}
			continue;
		oom_vals:
			for (size_t k = 0; k < out->ncols; k++)
				free(vals[k]);
			free(vals);
			goto oom;
		}
		for (size_t c = 0; bad != 2 && c < out->ncols; c++)
			if (out->cols[c].required && !vals[c]) {
				bad = 1;
				if (add_error(out, start, "la colonne « %s » est obligatoire",
					      out->cols[c].name)) {
					bad = 2;
					break;
				}
			}
		const char *msg = bad ? NULL : check_record(kind, out->cols, out->ncols, vals);
		if (msg) {
			bad = 1;
			if (add_error(out, start, "%s", msg))
				bad = 2;
		}
		if (!bad) {
			struct hab_csv_record *r =
				realloc(out->records, (out->nrecords + 1) * sizeof(*r));
			if (r) {
				out->records = r;
				r[out->nrecords].line = start;
				r[out->nrecords].values = vals;
				out->nrecords++;
				continue;
			}
			bad = 2;
		}
		for (size_t k = 0; k < out->ncols; k++)
			free(vals[k]);
		free(vals);
		if (bad == 2)
			goto oom;
	}
done:
	fields_clear(&f);
	free(f.v);
	free(map);
	return (int)out->nerrors;
oom:
	fields_clear(&f);
	free(f.v);
	free(map);
	return -1;
}

void hab_csv_free(struct hab_csv_result *r)
{
	for (size_t i = 0; i < r->nrecords; i++) {
		for (size_t c = 0; c < r->ncols; c++)
			free(r->records[i].values[c]);
		free(r->records[i].values);
	}
	free(r->records);
	for (size_t i = 0; i < r->nerrors; i++)
		free(r->errors[i]);
	free(r->errors);
	memset(r, 0, sizeof(*r));
}

const char *hab_csv_value(const struct hab_csv_result *r, size_t i, const char *name)
{
	if (i >= r->nrecords)
		return NULL;
	for (size_t c = 0; c < r->ncols; c++)
		if (strcmp(r->cols[c].name, name) == 0)
			return r->records[i].values[c];
	return NULL;
}
