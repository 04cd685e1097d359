/* Control rules; see decl_controls.h. Messages are French, numbers in the
 * French format. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "decl_controls.h"
#include "french.h"

const char *const decl_charge_codes[] = {
	"ch_purchases", "ch_external", "ch_other_external", "ch_taxes", "ch_staff",
	"ch_management", "ch_financial", "ch_exceptional", "ch_depreciation", "ch_in_kind", NULL,
};
const char *const decl_product_codes[] = {
	"pr_family", "pr_ps_caf", "pr_other_caf", "pr_municipality", "pr_department",
	"pr_msa", "pr_other_grants", "pr_other", "pr_in_kind", NULL,
};

int decl_vals_get(const struct decl_vals *vals, const char *code, int64_t *out)
{
	for (size_t i = 0; vals && i < vals->n; i++)
		if (strcmp(vals->items[i].code, code) == 0) {
			*out = vals->items[i].v;
			return 1;
		}
	return 0;
}

void decl_thresholds_default(struct decl_thresholds *t)
{
	t->variation_bp = 2000;
	t->invoicing_rate_max_bp = 11700;
	t->eaje_cost_min_cents = 600;
	t->eaje_cost_max_cents = 1600;
	t->alsh_cost_min_cents = 150;
	t->alsh_cost_max_cents = 900;
	t->ram_cost_max_cents = 9000000;
	t->balance_gap_bp = 1000;
	t->staff_share_min_bp = 5000;
	t->staff_share_max_bp = 9000;
	t->estimate_gap_bp = 1000;
}

void decl_thresholds_from_config(struct decl_thresholds *t, const struct portal_config *cfg)
{
	decl_thresholds_default(t);
	if (!cfg)
		return;
	t->variation_bp = config_int(cfg, "declarations_variation_bp", t->variation_bp);
	t->invoicing_rate_max_bp =
		config_int(cfg, "declarations_invoicing_rate_max_bp", t->invoicing_rate_max_bp);
	t->eaje_cost_min_cents = config_int(cfg, "declarations_eaje_cost_min_cents", t->eaje_cost_min_cents);
	t->eaje_cost_max_cents = config_int(cfg, "declarations_eaje_cost_max_cents", t->eaje_cost_max_cents);
	t->alsh_cost_min_cents = config_int(cfg, "declarations_alsh_cost_min_cents", t->alsh_cost_min_cents);
	t->alsh_cost_max_cents = config_int(cfg, "declarations_alsh_cost_max_cents", t->alsh_cost_max_cents);
	t->ram_cost_max_cents = config_int(cfg, "declarations_ram_cost_max_cents", t->ram_cost_max_cents);
	t->balance_gap_bp = config_int(cfg, "declarations_balance_gap_bp", t->balance_gap_bp);
	t->staff_share_min_bp = config_int(cfg, "declarations_staff_share_min_bp", t->staff_share_min_bp);
	t->staff_share_max_bp = config_int(cfg, "declarations_staff_share_max_bp", t->staff_share_max_bp);
	t->estimate_gap_bp = config_int(cfg, "declarations_estimate_gap_bp", t->estimate_gap_bp);
}

const char *decl_severity_sql(enum decl_severity s)
{
	return s == DSEV_ANOMALY ? "anomaly" : "alert";
}

const char *decl_severity_label(enum decl_severity s)
{
	return s == DSEV_ANOMALY ? "Anomalie" : "Alerte";
}

static void add(struct decl_control_list *out, const char *code, enum decl_severity sev,
		const char *action, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void add(struct decl_control_list *out, const char *code, enum decl_severity sev,
		const char *action, const char *fmt, ...)
{
	if (out->n >= DECL_CONTROLS_MAX)
		return;
	struct decl_control *c = &out->items[out->n++];
	c->code = code;
	c->severity = sev;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->message, sizeof(c->message), fmt, ap);
	va_end(ap);
	snprintf(c->action, sizeof(c->action), "%s", action);
}

/* French formatting into a small rotating buffer set (several per message). */
struct fmt {
	char b[6][48];
	int i;
};
static const char *num(struct fmt *f, int64_t v, int decimals)
{
	char *b = f->b[f->i++ % 6];
	fr_format_decimal(v, decimals, b, sizeof(f->b[0]));
	return b;
}

/* a / b in basis points, rounded half away from zero; b > 0. */
static int64_t ratio_bp(int64_t a, int64_t b)
{
	__int128 n = (__int128)a * 20000;
	__int128 r = n >= 0 ? (n + b) / (2 * (__int128)b) : -((-n + b) / (2 * (__int128)b));
	return (int64_t)r;
}

/* Percent with one decimal from basis points: 12345 -> "123,5". */
static const char *pct(struct fmt *f, int64_t bp)
{
	int64_t tenths = bp >= 0 ? (bp + 5) / 10 : -((-bp + 5) / 10);
	return num(f, tenths, 1);
}

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

struct variation_rule {
	const char *field;
	const char *code;
	const char *label; /* "Les heures réalisées" */
	int decimals;
};

static void variation(const struct decl_control_input *in, const struct decl_thresholds *t,
		      const struct variation_rule *r, struct decl_control_list *out, struct fmt *f)
{
	int64_t cur, prev;
	if (!in->prev || !decl_vals_get(in->cur, r->field, &cur) ||
	    !decl_vals_get(in->prev, r->field, &prev) || prev <= 0)
		return;
	int64_t bp = ratio_bp(cur - prev, prev);
	if (abs64(bp) <= t->variation_bp)
		return;
	add(out, r->code, DSEV_ALERT,
	    "Vérifiez la donnée saisie ; si elle est exacte, expliquez l'évolution (ouverture, "
	    "fermeture, travaux, changement d'agrément…).",
	    "%s varient de %s%s %% par rapport à l'exercice %d (%s contre %s), au-delà du "
	    "seuil de %s %%.",
	    r->label, bp > 0 ? "+" : "", pct(f, bp), in->prev_year, num(f, cur, r->decimals),
	    num(f, prev, r->decimals), pct(f, t->variation_bp));
}

static void activity_eaje(const struct decl_control_input *in, const struct decl_thresholds *t,
			  struct decl_control_list *out, struct fmt *f)
{
	int64_t performed = 0, invoiced = 0, places = 0, days = 0, hours_day = 0;
	int has_p = decl_vals_get(in->cur, "hours_performed", &performed);
	int has_i = decl_vals_get(in->cur, "hours_invoiced", &invoiced);
	if (has_p && has_i && invoiced < performed)
		add(out, "eaje_invoiced_below_performed", DSEV_ANOMALY,
		    "Corrigez les heures facturées ou les heures réalisées : toute heure réalisée "
		    "doit être facturée aux familles.",
		    "Les heures facturées (%s) sont inférieures aux heures réalisées (%s).",
		    num(f, invoiced, 2), num(f, performed, 2));
	if (has_p && has_i && performed > 0) {
		int64_t rate = ratio_bp(invoiced, performed);
		if (rate > t->invoicing_rate_max_bp)
			add(out, "eaje_invoicing_rate_high", DSEV_ALERT,
			    "Vérifiez les heures facturées ; un taux de facturation élevé diminue le "
			    "prix plafond retenu. Expliquez-le s'il est exact.",
			    "Le taux de facturation (heures facturées / heures réalisées) atteint "
			    "%s %%, au-delà de %s %%.",
			    pct(f, rate), pct(f, t->invoicing_rate_max_bp));
	}
	if (has_p && decl_vals_get(in->cur, "places", &places) &&
	    decl_vals_get(in->cur, "opening_days", &days) &&
	    decl_vals_get(in->cur, "opening_hours_per_day", &hours_day)) {
		int64_t capacity = places * days * hours_day; /* hundredths of hours */
		if (capacity > 0 && performed > capacity)
			add(out, "eaje_occupancy_over_100", DSEV_ANOMALY,
			    "Vérifiez le nombre de places, les jours et heures d'ouverture et les "
			    "heures réalisées : l'occupation ne peut dépasser la capacité d'accueil.",
			    "Le taux d'occupation atteint %s %% : les heures réalisées (%s) dépassent "
			    "la capacité d'accueil (%s heures).",
			    pct(f, ratio_bp(performed, capacity)), num(f, performed, 2),
			    num(f, capacity, 2));
	}
	static const struct variation_rule rules[] = {
		{"hours_performed", "eaje_variation_hours_performed", "Les heures réalisées", 2},
		{"hours_invoiced", "eaje_variation_hours_invoiced", "Les heures facturées", 2},
		{"places", "eaje_variation_places", "Les places agréées", 0},
	};
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		variation(in, t, &rules[i], out, f);
}

static void activity_ram(const struct decl_control_input *in, const struct decl_thresholds *t,
			 struct decl_control_list *out, struct fmt *f)
{
	int64_t open, presence, etp;
	if (decl_vals_get(in->cur, "months_open", &open) &&
	    decl_vals_get(in->cur, "months_presence", &presence) && presence > open)
		add(out, "ram_presence_over_opening", DSEV_ANOMALY,
		    "Corrigez les mois de présence : ils sont comptés dans la limite des mois "
		    "d'ouverture du relais.",
		    "Les mois de présence de l'animateur (%s) dépassent les mois d'ouverture (%s).",
		    num(f, presence, 0), num(f, open, 0));
	if (decl_vals_get(in->cur, "etp_worked", &etp)) {
		if (etp > 600)
			add(out, "ram_etp_over_6", DSEV_ANOMALY,
			    "Au-delà de 6 ETP, le relais doit faire l'objet de deux conventions : "
			    "contactez votre Caf.",
			    "Le nombre d'ETP d'animateur (%s) dépasse 6 ETP.", num(f, etp, 2));
		if (in->validated_etp >= 0 && etp > in->validated_etp)
			add(out, "ram_etp_over_validated", DSEV_ALERT,
			    "Seuls les ETP validés par la Caf sont financés ; vérifiez la donnée ou "
			    "expliquez l'écart.",
			    "Les ETP d'animateur déclarés (%s) dépassent les ETP validés par la Caf "
			    "(%s).",
			    num(f, etp, 2), num(f, in->validated_etp, 2));
	}
	static const struct variation_rule rules[] = {
		{"etp_worked", "ram_variation_etp", "Les ETP d'animateur", 2},
	};
	variation(in, t, &rules[0], out, f);
}

static void activity_alsh(const struct decl_control_input *in, const struct decl_thresholds *t,
			  struct decl_control_list *out, struct fmt *f)
{
	int64_t total, days;
	if (decl_vals_get(in->cur, "hours_children_total", &total) && total > 0 &&
	    decl_vals_get(in->cur, "opening_days", &days) && days == 0)
		add(out, "alsh_hours_without_opening", DSEV_ANOMALY,
		    "Renseignez les jours d'ouverture de l'accueil.",
		    "Des heures-enfants (%s) sont déclarées alors qu'aucun jour d'ouverture n'est "
		    "indiqué.",
		    num(f, total, 2));
	static const struct variation_rule rules[] = {
		{"hours_children_total", "alsh_variation_hours_children", "Les heures-enfants", 2},
	};
	variation(in, t, &rules[0], out, f);
}

static int64_t sum_codes(const struct decl_vals *v, const char *const *codes, int *any)
{
	int64_t s = 0, x;
	for (size_t i = 0; codes[i]; i++)
		if (decl_vals_get(v, codes[i], &x)) {
			s += x;
			*any = 1;
		}
	return s;
}

static void financial(const struct decl_control_input *in, const struct decl_thresholds *t,
		      struct decl_control_list *out, struct fmt *f)
{
	int any_c = 0, any_p = 0;
	int64_t charges = sum_codes(in->cur, decl_charge_codes, &any_c);
	int64_t products = sum_codes(in->cur, decl_product_codes, &any_p);
	if (!any_c || charges <= 0)
		return;
	int64_t unit, staff;
	if (in->kind == DKIND_EAJE && decl_vals_get(in->cur, "hours_performed", &unit) &&
	    unit > 0) {
		/* cents per hour: charges (cents) / hours (hundredths) x 100 */
		int64_t cost = ratio_bp(charges, unit) / 100;
		if (cost < t->eaje_cost_min_cents || cost > t->eaje_cost_max_cents)
			add(out, "eaje_hourly_cost_out_of_range", DSEV_ALERT,
			    "Vérifiez le total des charges et les heures réalisées ; expliquez un coût "
			    "inhabituel.",
			    "Le coût horaire (%s € par heure réalisée) sort de la fourchette habituelle "
			    "(%s € à %s €).",
			    num(f, cost, 2), num(f, t->eaje_cost_min_cents, 2),
			    num(f, t->eaje_cost_max_cents, 2));
	}
	if (in->kind == DKIND_ALSH && decl_vals_get(in->cur, "hours_children_total", &unit) &&
	    unit > 0) {
		int64_t cost = ratio_bp(charges, unit) / 100;
		if (cost < t->alsh_cost_min_cents || cost > t->alsh_cost_max_cents)
			add(out, "alsh_hourly_cost_out_of_range", DSEV_ALERT,
			    "Vérifiez le total des charges et les heures-enfants ; expliquez un coût "
			    "inhabituel.",
			    "Le coût par heure-enfant (%s €) sort de la fourchette habituelle (%s € à "
			    "%s €).",
			    num(f, cost, 2), num(f, t->alsh_cost_min_cents, 2),
			    num(f, t->alsh_cost_max_cents, 2));
	}
	if (in->kind == DKIND_RAM && decl_vals_get(in->cur, "etp_worked", &unit) && unit > 0) {
		int64_t cost = ratio_bp(charges, unit) / 100; /* cents per ETP */
		if (cost > t->ram_cost_max_cents)
			add(out, "ram_cost_per_etp_high", DSEV_ALERT,
			    "Vérifiez le total des charges et les ETP ; expliquez un coût inhabituel.",
			    "Les charges par ETP d'animateur (%s €) dépassent le niveau habituel (%s €).",
			    num(f, cost, 2), num(f, t->ram_cost_max_cents, 2));
	}
	if (any_p) {
		int64_t gap = ratio_bp(products - charges, charges);
		if (abs64(gap) > t->balance_gap_bp)
			add(out, "balance_gap", DSEV_ALERT,
			    "Vérifiez les totaux ; un déficit ou un excédent important doit être "
			    "expliqué.",
			    "L'écart entre le total des produits (%s €) et le total des charges (%s €) "
			    "atteint %s %%.",
			    num(f, products, 2), num(f, charges, 2), pct(f, gap));
	}
	if (decl_vals_get(in->cur, "ch_staff", &staff)) {
		int64_t share = ratio_bp(staff, charges);
		if (share < t->staff_share_min_bp || share > t->staff_share_max_bp)
			add(out, "staff_share_out_of_range", DSEV_ALERT,
			    "Vérifiez la répartition des charges entre les comptes ; expliquez-la si "
			    "elle est exacte.",
			    "Les charges de personnel représentent %s %% des charges, hors de la "
			    "fourchette habituelle (%s %% à %s %%).",
			    pct(f, share), pct(f, t->staff_share_min_bp), pct(f, t->staff_share_max_bp));
	}
	if (in->prev) {
		int any_prev = 0;
		int64_t prev = sum_codes(in->prev, decl_charge_codes, &any_prev);
		if (any_prev && prev > 0) {
			int64_t bp = ratio_bp(charges - prev, prev);
			if (abs64(bp) > t->variation_bp)
				add(out, "variation_total_charges", DSEV_ALERT,
				    "Vérifiez les charges ; si elles sont exactes, expliquez leur "
				    "évolution.",
				    "Le total des charges varie de %s%s %% par rapport à l'exercice %d "
				    "(%s € contre %s €).",
				    bp > 0 ? "+" : "", pct(f, bp), in->prev_year, num(f, charges, 2),
				    num(f, prev, 2));
		}
	}
}

static void global(const struct decl_control_input *in, const struct decl_thresholds *t,
		   struct decl_control_list *out, struct fmt *f)
{
	if (!in->has_estimate)
		return;
	if (in->estimate_cents == 0)
		add(out, "estimate_zero", DSEV_ALERT,
		    "Vérifiez les participations familiales et les heures déclarées.",
		    "L'estimation du droit est nulle avec les données déclarées.");
	if (in->has_prev_amount && in->prev_amount_cents > 0) {
		int64_t bp = ratio_bp(in->estimate_cents - in->prev_amount_cents,
				      in->prev_amount_cents);
		if (abs64(bp) > t->variation_bp)
			add(out, "variation_estimate", DSEV_ALERT,
			    "Expliquez l'évolution de l'activité ou des charges qui la justifie.",
			    "L'estimation du droit (%s €) varie de %s%s %% par rapport au montant "
			    "retenu par la Caf pour l'exercice %d (%s €).",
			    num(f, in->estimate_cents, 2), bp > 0 ? "+" : "", pct(f, bp),
			    in->prev_year, num(f, in->prev_amount_cents, 2));
	}
	if (in->has_declared_ps && in->estimate_cents > 0) {
		int64_t bp = ratio_bp(in->declared_ps_cents - in->estimate_cents, in->estimate_cents);
		if (abs64(bp) > t->estimate_gap_bp)
			add(out, "declared_ps_gap", DSEV_ALERT,
			    "Vérifiez le montant de prestation de service inscrit dans les produits.",
			    "La prestation de service inscrite dans les produits (%s €) s'écarte de "
			    "%s%s %% de l'estimation du droit (%s €).",
			    num(f, in->declared_ps_cents, 2), bp > 0 ? "+" : "", pct(f, bp),
			    num(f, in->estimate_cents, 2));
	}
}

void decl_controls_run(const struct decl_control_input *in, const struct decl_thresholds *t,
		       struct decl_control_list *out)
{
	struct fmt f = {.i = 0};
	out->n = 0;
	switch (in->section) {
	case DSECTION_ACTIVITY:
		if (in->kind == DKIND_EAJE)
			activity_eaje(in, t, out, &f);
		else if (in->kind == DKIND_RAM)
			activity_ram(in, t, out, &f);
		else
			activity_alsh(in, t, out, &f);
		break;
	case DSECTION_FINANCIAL:
		financial(in, t, out, &f);
		break;
	case DSECTION_GLOBAL:
		global(in, t, out, &f);
		break;
	}
}
