/* The illustrative scale T of issue 5 (NOT official figures): until 2024
 * PP = 10,00 / 9,50 / 9,00 EUR by bracket, 9,00 EUR without nappies and
 * meals; 2025: 10,00 EUR at 107 %, 9,00 EUR at 120 %, linear between.
 * RAM 50 000 EUR per ETP at 43 %; ALSH 5,00 EUR per hour at 30 %. */
#ifndef TEST_SCALE_T_H
#define TEST_SCALE_T_H

#include "../../../modules/declarations/decl_estimate.h"

static const struct decl_scale_entry scale_t_2024_rows[] = {
	{"model", 1, 0},
	{"psu_rate", 6600, 4},
	{"rate_low", 10700, 4},
	{"rate_high", 11700, 4},
	{"ceiling_low", 1000, 2},
	{"ceiling_mid", 950, 2},
	{"ceiling_high", 900, 2},
	{"ceiling_low_no_meals", 900, 2},
	{"ceiling_mid_no_meals", 900, 2},
	{"ceiling_high_no_meals", 900, 2},
};
static const struct decl_scale scale_t_2024 = {scale_t_2024_rows,
					       sizeof(scale_t_2024_rows) / sizeof(scale_t_2024_rows[0])};

static const struct decl_scale_entry scale_t_2025_rows[] = {
	{"model", 2, 0},
	{"psu_rate", 6600, 4},
	{"rate_low", 10700, 4},
	{"rate_high", 12000, 4},
	{"ceiling_low", 1000, 2},
	{"ceiling_high", 900, 2},
};
static const struct decl_scale scale_t_2025 = {scale_t_2025_rows,
					       sizeof(scale_t_2025_rows) / sizeof(scale_t_2025_rows[0])};

static const struct decl_scale_entry scale_t_ram_rows[] = {
	{"ps_rate", 4300, 4},
	{"ceiling_per_etp", 5000000, 2},
};
static const struct decl_scale scale_t_ram = {scale_t_ram_rows, 2};

static const struct decl_scale_entry scale_t_alsh_rows[] = {
	{"ps_rate", 3000, 4},
	{"ceiling_per_hour", 500, 2},
};
static const struct decl_scale scale_t_alsh = {scale_t_alsh_rows, 2};

#endif
