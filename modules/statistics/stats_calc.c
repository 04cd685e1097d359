/* Indicator formulas (see stats_calc.h). Each indicator is one small
 * function over the declaration's values; the table below gives its code,
 * tab, unit, label and the definition shown in the page's help. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "stats_calc.h"

static const char *const FIELD_CODES[SF__MAX] = {
	[SF_PLACES] = "places",
	[SF_OPENING_DAYS] = "opening_days",
	[SF_HOURS_PER_DAY] = "opening_hours_per_day",
	[SF_HOURS_PERFORMED] = "hours_performed",
	[SF_HOURS_INVOICED] = "hours_invoiced",
	[SF_CHILDREN] = "children_registered",
	[SF_TOTAL_CHARGES] = "total_charges",
	[SF_STAFF] = "ch_staff",
	[SF_TOTAL_PRODUCTS] = "total_products",
	[SF_PR_FAMILY] = "pr_family",
	[SF_PR_PS] = "pr_ps_caf",
	[SF_PR_MUNICIPALITY] = "pr_municipality",
	[SF_PR_DEPARTMENT] = "pr_department",
	[SF_ETP] = "etp_worked",
	[SF_MONTHS_OPEN] = "months_open",
	[SF_MONTHS_PRESENCE] = "months_presence",
	[SF_ACTIVITY_PLACES] = "activity_places",
	[SF_HC_TOTAL] = "hours_children_total",
	[SF_HC_HOLIDAYS] = "hours_children_holidays",
};

const char *stats_field_code(enum stats_field f)
{
	return (unsigned)f < SF__MAX ? FIELD_CODES[f] : NULL;
}

int stats_field_from_code(const char *code)
{
	if (!code)
		return -1;
	for (int i = 0; i < SF__MAX; i++)
		if (strcmp(FIELD_CODES[i], code) == 0)
			return i;
	return -1;
}

void stats_input_set(struct stats_input *in, enum stats_field f, int64_t v)
{
	if ((unsigned)f >= SF__MAX)
		return;
	in->v[f] = v;
	in->has[f] = 1;
}

void stats_input_from_cells(struct stats_input *in, const char *const *cells)
{
	memset(in, 0, sizeof(*in));
	for (int f = 0; f < SF__MAX; f++) {
		const char *c = cells[f];
		if (!c || !*c)
			continue;
		char *end;
		errno = 0;
		long long v = strtoll(c, &end, 10);
		if (errno || *end)
			continue;
		stats_input_set(in, (enum stats_field)f, v);
	}
}

static const char *const KIND_SQL[SK__MAX] = {"EAJE", "RAM", "ALSH"};

int stats_kind_from_sql(const char *s)
{
	for (int i = 0; s && i < SK__MAX; i++)
		if (strcmp(KIND_SQL[i], s) == 0)
			return i;
	return -1;
}

const char *stats_kind_sql(enum stats_kind k)
{
	return (unsigned)k < SK__MAX ? KIND_SQL[k] : "";
}

/* ------------------------------------------------------------ arithmetic */

static __int128 pow10_128(int n)
{
	__int128 p = 1;
	while (n-- > 0)
		p *= 10;
	return p;
}

/* n / d rounded half away from zero; d > 0. */
static __int128 div_round(__int128 n, __int128 d)
{
	if (n >= 0)
		return (2 * n + d) / (2 * d);
	return -((-2 * n + d) / (2 * d));
}

static int fits_int64(__int128 v)
{
	return v >= (__int128)INT64_MIN && v <= (__int128)INT64_MAX;
}

int stats_ratio(int64_t num, int num_dec, int64_t den, int den_dec, int64_t factor, int out_dec,
		int64_t *out)
{
	if (den <= 0 || num_dec < 0 || den_dec < 0 || out_dec < 0 || num_dec > 6 || den_dec > 6 ||
	    out_dec > 6)
		return -1;
	/* num / 10^nd / (den / 10^dd) x factor x 10^od */
	__int128 n = (__int128)num * factor * pow10_128(den_dec + out_dec);
	__int128 d = (__int128)den * pow10_128(num_dec);
	__int128 q = div_round(n, d);
	if (!fits_int64(q))
		return -1;
	*out = (int64_t)q;
	return 0;
}

int stats_mean(const int64_t *v, size_t n, int64_t *out)
{
	if (n == 0)
		return -1;
	__int128 s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	*out = (int64_t)div_round(s, (__int128)n);
	return 0;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

int stats_median(int64_t *v, size_t n, int64_t *out)
{
	if (n == 0)
		return -1;
	qsort(v, n, sizeof(*v), cmp_i64);
	if (n % 2)
		*out = v[n / 2];
	else
		*out = (int64_t)div_round((__int128)v[n / 2 - 1] + v[n / 2], 2);
	return 0;
}

/* ------------------------------------------------------------ inputs */

#define HAS(f) (in->has[f])
#define V(f) (in->v[f])

/* A ledger line left empty counts as zero once the total exists: the
 * declarations module deletes cleared values. */
static int64_t line(const struct stats_input *in, enum stats_field f)
{
	return HAS(f) ? V(f) : 0;
}

/* Theoretical capacity in hours x100: places x days x daily hours. */
static int capacity(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_PLACES) || !HAS(SF_OPENING_DAYS) || !HAS(SF_HOURS_PER_DAY))
		return -1;
	__int128 c = (__int128)V(SF_PLACES) * V(SF_OPENING_DAYS) * V(SF_HOURS_PER_DAY);
	if (c <= 0 || !fits_int64(c))
		return -1;
	*out = (int64_t)c;
	return 0;
}

static int pct(const struct stats_input *in, enum stats_field num, int num_dec,
	       enum stats_field den, int den_dec, int64_t *out)
{
	if (!HAS(num) || !HAS(den))
		return -1;
	return stats_ratio(V(num), num_dec, V(den), den_dec, 100, 2, out);
}

/* Share of a part of the products (cents) in the total products. */
static int product_share(const struct stats_input *in, int64_t part, int64_t *out)
{
	if (!HAS(SF_TOTAL_PRODUCTS))
		return -1;
	return stats_ratio(part, 2, V(SF_TOTAL_PRODUCTS), 2, 100, 2, out);
}

static int64_t local_authorities(const struct stats_input *in)
{
	return line(in, SF_PR_MUNICIPALITY) + line(in, SF_PR_DEPARTMENT);
}

/* ------------------------------------------------------------ EAJE */

static int eaje_capacity(const struct stats_input *in, int64_t *out)
{
	int64_t c;
	if (capacity(in, &c))
		return -1;
	return stats_ratio(c, 2, 1, 0, 1, 0, out);
}

static int eaje_occupancy(const struct stats_input *in, int64_t *out)
{
	int64_t c;
	if (!HAS(SF_HOURS_PERFORMED) || capacity(in, &c))
		return -1;
	return stats_ratio(V(SF_HOURS_PERFORMED), 2, c, 2, 100, 2, out);
}

static int eaje_financial_occupancy(const struct stats_input *in, int64_t *out)
{
	int64_t c;
	if (!HAS(SF_HOURS_INVOICED) || capacity(in, &c))
		return -1;
	return stats_ratio(V(SF_HOURS_INVOICED), 2, c, 2, 100, 2, out);
}

static int eaje_invoicing_rate(const struct stats_input *in, int64_t *out)
{
	return pct(in, SF_HOURS_INVOICED, 2, SF_HOURS_PERFORMED, 2, out);
}

static int eaje_hours_per_place(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_HOURS_PERFORMED) || !HAS(SF_PLACES))
		return -1;
	return stats_ratio(V(SF_HOURS_PERFORMED), 2, V(SF_PLACES), 0, 1, 1, out);
}

static int eaje_cost_real(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_CHARGES) || !HAS(SF_HOURS_PERFORMED))
		return -1;
	return stats_ratio(V(SF_TOTAL_CHARGES), 2, V(SF_HOURS_PERFORMED), 2, 1, 2, out);
}

static int eaje_cost_budget(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_CHARGES) || !HAS(SF_HOURS_INVOICED))
		return -1;
	return stats_ratio(V(SF_TOTAL_CHARGES), 2, V(SF_HOURS_INVOICED), 2, 1, 2, out);
}

static int eaje_cost_per_place(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_CHARGES) || !HAS(SF_PLACES))
		return -1;
	return stats_ratio(V(SF_TOTAL_CHARGES), 2, V(SF_PLACES), 0, 1, 0, out);
}

static int eaje_family_per_hour(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_PRODUCTS) || !HAS(SF_HOURS_INVOICED))
		return -1;
	return stats_ratio(line(in, SF_PR_FAMILY), 2, V(SF_HOURS_INVOICED), 2, 1, 2, out);
}

static int share_ps(const struct stats_input *in, int64_t *out)
{
	return product_share(in, line(in, SF_PR_PS), out);
}

static int share_family(const struct stats_input *in, int64_t *out)
{
	return product_share(in, line(in, SF_PR_FAMILY), out);
}

static int share_local(const struct stats_input *in, int64_t *out)
{
	return product_share(in, local_authorities(in), out);
}

static int share_other(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_PRODUCTS))
		return -1;
	int64_t other = V(SF_TOTAL_PRODUCTS) - line(in, SF_PR_PS) - line(in, SF_PR_FAMILY) -
			local_authorities(in);
	return product_share(in, other, out);
}

static int staff_share(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_CHARGES))
		return -1;
	return stats_ratio(line(in, SF_STAFF), 2, V(SF_TOTAL_CHARGES), 2, 100, 2, out);
}

/* ------------------------------------------------------------ RAM */

static int ram_etp(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_ETP))
		return -1;
	*out = V(SF_ETP);
	return 0;
}

static int ram_months_open(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_MONTHS_OPEN))
		return -1;
	return stats_ratio(V(SF_MONTHS_OPEN), 0, 1, 0, 1, 1, out);
}

static int ram_presence_rate(const struct stats_input *in, int64_t *out)
{
	return pct(in, SF_MONTHS_PRESENCE, 0, SF_MONTHS_OPEN, 0, out);
}

static int ram_activity_places(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_ACTIVITY_PLACES))
		return -1;
	return stats_ratio(V(SF_ACTIVITY_PLACES), 0, 1, 0, 1, 1, out);
}

static int ram_cost_per_etp(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_CHARGES) || !HAS(SF_ETP))
		return -1;
	return stats_ratio(V(SF_TOTAL_CHARGES), 2, V(SF_ETP), 2, 1, 0, out);
}

static int ram_cost_per_month(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_CHARGES) || !HAS(SF_MONTHS_OPEN))
		return -1;
	return stats_ratio(V(SF_TOTAL_CHARGES), 2, V(SF_MONTHS_OPEN), 0, 1, 0, out);
}

/* A RAM has no family contributions: "other" is what is neither the
 * service benefit nor the local authorities. */
static int ram_share_other(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_PRODUCTS))
		return -1;
	int64_t other = V(SF_TOTAL_PRODUCTS) - line(in, SF_PR_PS) - local_authorities(in);
	return product_share(in, other, out);
}

/* ------------------------------------------------------------ ALSH */

static int alsh_hours_children(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_HC_TOTAL))
		return -1;
	return stats_ratio(V(SF_HC_TOTAL), 2, 1, 0, 1, 0, out);
}

static int alsh_hours_per_day(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_HC_TOTAL) || !HAS(SF_OPENING_DAYS))
		return -1;
	return stats_ratio(V(SF_HC_TOTAL), 2, V(SF_OPENING_DAYS), 0, 1, 1, out);
}

static int alsh_hours_per_child(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_HC_TOTAL) || !HAS(SF_CHILDREN))
		return -1;
	return stats_ratio(V(SF_HC_TOTAL), 2, V(SF_CHILDREN), 0, 1, 1, out);
}

static int alsh_holiday_share(const struct stats_input *in, int64_t *out)
{
	return pct(in, SF_HC_HOLIDAYS, 2, SF_HC_TOTAL, 2, out);
}

static int alsh_cost_per_hour(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_CHARGES) || !HAS(SF_HC_TOTAL))
		return -1;
	return stats_ratio(V(SF_TOTAL_CHARGES), 2, V(SF_HC_TOTAL), 2, 1, 2, out);
}

static int alsh_family_per_hour(const struct stats_input *in, int64_t *out)
{
	if (!HAS(SF_TOTAL_PRODUCTS) || !HAS(SF_HC_TOTAL))
		return -1;
	return stats_ratio(line(in, SF_PR_FAMILY), 2, V(SF_HC_TOTAL), 2, 1, 2, out);
}

/* ------------------------------------------------------------ the table */

#define SHARE_PS_DEF \
	"Montant de la prestation de service de la Caf divisé par le total des produits, en pourcentage."
#define SHARE_LOCAL_DEF \
	"Subventions de la commune ou de l'intercommunalité et du Conseil départemental, divisées par " \
	"le total des produits, en pourcentage."
#define STAFF_DEF "Charges de personnel (compte 64) divisées par le total des charges, en pourcentage."

const struct stats_indicator STATS_INDICATORS[] = {
	/* EAJE, activity */
	{"eaje_capacity", SK_EAJE, ST_ACTIVITY, SU_HOURS, 0, "Capacité théorique d'accueil",
	 "Nombre de places agréées × nombre de jours d'ouverture × amplitude d'ouverture quotidienne "
	 "(en heures) : les heures d'accueil possibles sur l'exercice.",
	 eaje_capacity},
	{"eaje_occupancy_rate", SK_EAJE, ST_ACTIVITY, SU_PERCENT, 2, "Taux d'occupation réel",
	 "Heures réalisées divisées par la capacité théorique d'accueil, en pourcentage.", eaje_occupancy},
	{"eaje_financial_occupancy_rate", SK_EAJE, ST_ACTIVITY, SU_PERCENT, 2, "Taux d'occupation financier",
	 "Heures facturées divisées par la capacité théorique d'accueil, en pourcentage.",
	 eaje_financial_occupancy},
	{"eaje_invoicing_rate", SK_EAJE, ST_ACTIVITY, SU_PERCENT, 2, "Taux de facturation",
	 "Heures facturées divisées par les heures réalisées, en pourcentage. Au-delà de 100 %, "
	 "des heures sont facturées sans être réalisées.",
	 eaje_invoicing_rate},
	{"eaje_hours_per_place", SK_EAJE, ST_ACTIVITY, SU_HOURS, 1, "Heures réalisées par place",
	 "Heures réalisées divisées par le nombre de places agréées.", eaje_hours_per_place},
	/* EAJE, financial */
	{"eaje_hourly_cost_real", SK_EAJE, ST_FINANCIAL, SU_EUROS, 2, "Coût horaire réel",
	 "Total des charges divisé par les heures réalisées : le prix de revient d'une heure d'accueil.",
	 eaje_cost_real},
	{"eaje_hourly_cost_budget", SK_EAJE, ST_FINANCIAL, SU_EUROS, 2, "Coût horaire budgétaire",
	 "Total des charges divisé par les heures facturées.", eaje_cost_budget},
	{"eaje_cost_per_place", SK_EAJE, ST_FINANCIAL, SU_EUROS, 0, "Coût par place",
	 "Total des charges divisé par le nombre de places agréées.", eaje_cost_per_place},
	{"eaje_family_per_hour", SK_EAJE, ST_FINANCIAL, SU_EUROS, 2,
	 "Participation familiale par heure facturée",
	 "Montant des participations familiales divisé par les heures facturées.", eaje_family_per_hour},
	{"eaje_share_psu", SK_EAJE, ST_FINANCIAL, SU_PERCENT, 2, "Part de la prestation de service unique",
	 SHARE_PS_DEF, share_ps},
	{"eaje_share_family", SK_EAJE, ST_FINANCIAL, SU_PERCENT, 2, "Part des participations familiales",
	 "Montant des participations familiales divisé par le total des produits, en pourcentage.",
	 share_family},
	{"eaje_share_local", SK_EAJE, ST_FINANCIAL, SU_PERCENT, 2, "Part des collectivités territoriales",
	 SHARE_LOCAL_DEF, share_local},
	{"eaje_share_other", SK_EAJE, ST_FINANCIAL, SU_PERCENT, 2, "Part des autres produits",
	 "Le reste des produits (autres financements de la Caf, MSA, autres subventions, autres produits, "
	 "contributions en nature) divisé par le total des produits, en pourcentage.",
	 share_other},
	{"eaje_staff_share", SK_EAJE, ST_FINANCIAL, SU_PERCENT, 2, "Part des charges de personnel",
	 STAFF_DEF, staff_share},
	/* RAM, activity */
	{"ram_etp", SK_RAM, ST_ACTIVITY, SU_ETP, 2, "Équivalents temps plein d'animation",
	 "Le temps de travail des animateurs du relais en équivalents temps plein (ETP).", ram_etp},
	{"ram_months_open", SK_RAM, ST_ACTIVITY, SU_MONTHS, 1, "Mois d'ouverture",
	 "Le nombre de mois pendant lesquels le relais a fonctionné.", ram_months_open},
	{"ram_presence_rate", SK_RAM, ST_ACTIVITY, SU_PERCENT, 2, "Taux de présence de l'animateur",
	 "Mois de présence de l'animateur divisés par les mois d'ouverture, en pourcentage.",
	 ram_presence_rate},
	{"ram_activity_places", SK_RAM, ST_ACTIVITY, SU_COUNT, 1, "Lieux d'activité itinérants",
	 "Le nombre de lieux, hors du lieu principal, où le relais tient des permanences ou des ateliers.",
	 ram_activity_places},
	/* RAM, financial */
	{"ram_cost_per_etp", SK_RAM, ST_FINANCIAL, SU_EUROS, 0, "Coût par ETP",
	 "Total des charges divisé par les équivalents temps plein d'animation.", ram_cost_per_etp},
	{"ram_cost_per_month", SK_RAM, ST_FINANCIAL, SU_EUROS, 0, "Coût par mois d'ouverture",
	 "Total des charges divisé par le nombre de mois d'ouverture.", ram_cost_per_month},
	{"ram_share_ps", SK_RAM, ST_FINANCIAL, SU_PERCENT, 2, "Part de la prestation de service",
	 SHARE_PS_DEF, share_ps},
	{"ram_share_local", SK_RAM, ST_FINANCIAL, SU_PERCENT, 2, "Part des collectivités territoriales",
	 SHARE_LOCAL_DEF, share_local},
	{"ram_share_other", SK_RAM, ST_FINANCIAL, SU_PERCENT, 2, "Part des autres produits",
	 "Le reste des produits divisé par le total des produits, en pourcentage.", ram_share_other},
	{"ram_staff_share", SK_RAM, ST_FINANCIAL, SU_PERCENT, 2, "Part des charges de personnel",
	 STAFF_DEF, staff_share},
	/* ALSH, activity */
	{"alsh_hours_children", SK_ALSH, ST_ACTIVITY, SU_HOURS, 0, "Heures-enfants réalisées",
	 "Le total des heures de présence des enfants sur l'exercice (jours d'école, mercredis, vacances).",
	 alsh_hours_children},
	{"alsh_hours_per_day", SK_ALSH, ST_ACTIVITY, SU_HOURS, 1, "Heures-enfants par jour d'ouverture",
	 "Total des heures-enfants divisé par le nombre de jours d'ouverture.", alsh_hours_per_day},
	{"alsh_hours_per_child", SK_ALSH, ST_ACTIVITY, SU_HOURS, 1, "Heures-enfants par enfant inscrit",
	 "Total des heures-enfants divisé par le nombre d'enfants inscrits.", alsh_hours_per_child},
	{"alsh_holiday_share", SK_ALSH, ST_ACTIVITY, SU_PERCENT, 2, "Part des vacances scolaires",
	 "Heures-enfants des vacances scolaires divisées par le total des heures-enfants, en pourcentage.",
	 alsh_holiday_share},
	/* ALSH, financial */
	{"alsh_cost_per_hour", SK_ALSH, ST_FINANCIAL, SU_EUROS, 2, "Coût par heure-enfant",
	 "Total des charges divisé par le total des heures-enfants.", alsh_cost_per_hour},
	{"alsh_family_per_hour", SK_ALSH, ST_FINANCIAL, SU_EUROS, 2, "Participation familiale par heure-enfant",
	 "Montant des participations familiales divisé par le total des heures-enfants.",
	 alsh_family_per_hour},
	{"alsh_share_ps", SK_ALSH, ST_FINANCIAL, SU_PERCENT, 2, "Part de la prestation de service",
	 SHARE_PS_DEF, share_ps},
	{"alsh_share_family", SK_ALSH, ST_FINANCIAL, SU_PERCENT, 2, "Part des participations familiales",
	 "Montant des participations familiales divisé par le total des produits, en pourcentage.",
	 share_family},
	{"alsh_share_local", SK_ALSH, ST_FINANCIAL, SU_PERCENT, 2, "Part des collectivités territoriales",
	 SHARE_LOCAL_DEF, share_local},
	{"alsh_share_other", SK_ALSH, ST_FINANCIAL, SU_PERCENT, 2, "Part des autres produits",
	 "Le reste des produits divisé par le total des produits, en pourcentage.", share_other},
	{"alsh_staff_share", SK_ALSH, ST_FINANCIAL, SU_PERCENT, 2, "Part des charges de personnel",
	 STAFF_DEF, staff_share},
};

const size_t STATS_NINDICATORS = sizeof(STATS_INDICATORS) / sizeof(STATS_INDICATORS[0]);

const struct stats_indicator *stats_indicator_find(const char *code)
{
	for (size_t i = 0; code && i < STATS_NINDICATORS; i++)
		if (strcmp(STATS_INDICATORS[i].code, code) == 0)
			return &STATS_INDICATORS[i];
	return NULL;
}

struct stats_value stats_compute(const struct stats_indicator *ind, const struct stats_input *in)
{
	struct stats_value r = {0, 0};
	int64_t v;
	if (ind && in && ind->compute(in, &v) == 0) {
		r.ok = 1;
		r.v = v;
	}
	return r;
}
