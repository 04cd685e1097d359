/* French readers and formatter: valid and invalid tables for each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "french.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

static const char ERR_NUMBER[] = "Saisissez un nombre, par exemple 1 234,56.";

struct dec_ok {
	const char *in;
	int decimals;
	int64_t want;
};

static void fr_read_decimal__valid_table__scaled(void **state)
{
	(void)state;
	static const struct dec_ok cases[] = {
		{"0", 2, 0},
		{"12", 2, 1200},
		{"12,5", 2, 1250},
		{"12.5", 2, 1250},
		{"12,50", 2, 1250},
		{"1 234,56", 2, 123456},
		{"1" NBSP "234,56", 2, 123456},
		{"1" NNBSP "234,56", 2, 123456},
		{"1234,56", 2, 123456},
		{"12 345 678", 0, 12345678},
		{"  42  ", 0, 42},
		{NBSP "42" NBSP, 0, 42},
		{"007", 0, 7},
		{"999 999 999 999 999 999", 0, INT64_C(999999999999999999)},
		{"9 999 999 999 999 999,99", 2, INT64_C(999999999999999999)},
		{"3,125", 3, 3125},
		{"0,5", 1, 5},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		const char *err = fr_read_decimal(cases[i].in, cases[i].decimals, 0, &v);
		if (err)
			fail_msg("\"%s\": %s", cases[i].in, err);
		if (v != cases[i].want)
			fail_msg("\"%s\": got %lld", cases[i].in, (long long)v);
	}
}

struct dec_bad {
	const char *in;
	int decimals;
	const char *err;
};

static void fr_read_decimal__invalid_table__french_error(void **state)
{
	(void)state;
	static const struct dec_bad cases[] = {
		{"", 2, ERR_NUMBER},
		{"   ", 2, ERR_NUMBER},
		{"abc", 2, ERR_NUMBER},
		{"douze", 2, ERR_NUMBER},
		{"12a", 2, ERR_NUMBER},
		{"1,2,3", 2, ERR_NUMBER},
		{"12,", 2, ERR_NUMBER},
		{",5", 2, ERR_NUMBER},
		{".5", 2, ERR_NUMBER},
		{"1 2", 2, ERR_NUMBER},
		{"12 34", 2, ERR_NUMBER},
		{"1234 567", 2, ERR_NUMBER},
		{"1 2345", 2, ERR_NUMBER},
		{"1  234", 2, ERR_NUMBER},
		{"1 234 ,5", 2, ERR_NUMBER},
		{"1 234,5 6", 2, ERR_NUMBER},
		{"+5", 2, ERR_NUMBER},
		{"-", 2, ERR_NUMBER},
		{"--5", 2, ERR_NUMBER},
		{"- 5", 2, ERR_NUMBER},
		{"1e3", 2, ERR_NUMBER},
		{"0x10", 2, ERR_NUMBER},
		{"12 €", 2, ERR_NUMBER},
		{"1,234", 2, "Saisissez au plus 2 chiffres après la virgule."},
		{"1,25", 1, "Saisissez au plus 1 chiffre après la virgule."},
		{"1,5", 0, "Saisissez un nombre sans décimales."},
		{"1 000 000 000 000 000 000", 0, "Ce nombre est trop grand."},
		{"99999999999999999999999999", 0, "Ce nombre est trop grand."},
		{"10 000 000 000 000 000", 2, "Ce nombre est trop grand."},
		{"999999999999999999,999999", 6, "Ce nombre est trop grand."},
		{"-5", 2, "Saisissez un nombre positif."},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = 77;
		const char *err = fr_read_decimal(cases[i].in, cases[i].decimals, 0, &v);
		if (!err)
			fail_msg("\"%s\" accepted as %lld", cases[i].in, (long long)v);
		if (strcmp(err, cases[i].err) != 0)
			fail_msg("\"%s\": \"%s\"", cases[i].in, err);
		assert_int_equal(v, 77); /* never a silent zero */
	}
}

static void fr_read_decimal__negative_allowed__signed(void **state)
{
	(void)state;
	int64_t v;
	assert_null(fr_read_decimal("-3", 0, 1, &v));
	assert_int_equal(v, -3);
	assert_null(fr_read_decimal("-1 234,5", 2, 1, &v));
	assert_int_equal(v, -123450);
	assert_null(fr_read_decimal("-0", 2, 0, &v)); /* minus zero is zero */
	assert_int_equal(v, 0);
}

static void fr_read_integer__table__whole_numbers_only(void **state)
{
	(void)state;
	int64_t v;
	assert_null(fr_read_integer("12 500", 0, &v));
	assert_int_equal(v, 12500);
	assert_null(fr_read_integer("-7", 1, &v));
	assert_int_equal(v, -7);
	static const char *const bad[] = {"12,5", "12,", "", "x", "1 23", "1.0"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *err = fr_read_integer(bad[i], 0, &v);
		if (!err || strcmp(err, "Saisissez un nombre entier, par exemple 1 234.") != 0)
			fail_msg("\"%s\": %s", bad[i], err ? err : "accepted");
	}
	assert_string_equal(fr_read_integer("-7", 0, &v), "Saisissez un nombre positif.");
}

static void fr_read_date__valid_table__calendar(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int y, m, d;
	} cases[] = {
		{"31/12/2025", 2025, 12, 31}, {"01/01/1900", 1900, 1, 1},
		{"29/02/2024", 2024, 2, 29},  {"29/02/2000", 2000, 2, 29},
		{"31/12/2999", 2999, 12, 31}, {"1/2/2026", 2026, 2, 1},
		{" 30/04/2026 ", 2026, 4, 30},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int y = 0, m = 0, d = 0;
		const char *err = fr_read_date(cases[i].in, &y, &m, &d);
		if (err)
			fail_msg("\"%s\": %s", cases[i].in, err);
		if (y != cases[i].y || m != cases[i].m || d != cases[i].d)
			fail_msg("\"%s\": %d-%d-%d", cases[i].in, y, m, d);
	}
}

static void fr_read_date__invalid_table__french_error(void **state)
{
	(void)state;
	static const char FORMAT[] =
		"Saisissez une date au format JJ/MM/AAAA, par exemple 31/12/2025.";
	static const char NODATE[] = "Cette date n'existe pas.";
	static const char YEAR[] = "Saisissez une année entre 1900 et 2999.";
	static const struct {
		const char *in;
		const char *err;
	} cases[] = {
		{"", FORMAT},		  {"2025-12-31", FORMAT},   {"31/12/25", FORMAT},
		{"31-12-2025", FORMAT},	  {"31/12/20255", FORMAT},  {"311/12/2025", FORMAT},
		{"31/12/2025x", FORMAT},  {"aa/bb/cccc", FORMAT},   {"31/12", FORMAT},
		{"/12/2025", FORMAT},	  {"31 12 2025", FORMAT},   {"29/02/2025", NODATE},
		{"29/02/1900", NODATE},	  {"29/02/2100", NODATE},   {"31/04/2026", NODATE},
		{"32/01/2026", NODATE},	  {"00/01/2026", NODATE},   {"15/13/2026", NODATE},
		{"15/00/2026", NODATE},	  {"31/12/1899", YEAR},	    {"01/01/3000", YEAR},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int y = -1, m = -1, d = -1;
		const char *err = fr_read_date(cases[i].in, &y, &m, &d);
		if (!err)
			fail_msg("\"%s\" accepted", cases[i].in);
		if (strcmp(err, cases[i].err) != 0)
			fail_msg("\"%s\": %s", cases[i].in, err);
		assert_int_equal(y, -1);
	}
}

static void fr_read_email__table__plausible_only(void **state)
{
	(void)state;
	static const char *const good[] = {
		"nom@domaine.fr", "melanie.garrigues@caf.fr", "a+tag@sous.domaine.example.com",
		"x_y-z@d-1.fr", "élise@crèche.fr",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (fr_read_email(good[i]))
			fail_msg("\"%s\" refused", good[i]);
	char local65[80], long255[300];
	memset(local65, 'a', 65);
	strcpy(local65 + 65, "@d.fr");
	memset(long255, 'b', 255);
	memcpy(long255, "a@", 2);
	memcpy(long255 + 251, ".fr", 4); /* 254 bytes in all */
	assert_null(fr_read_email(long255));
	long255[254] = 'r';
	long255[255] = '\0'; /* 255 bytes */
	const char *bad[] = {
		"", "nom", "nom@", "@domaine.fr", "nom@domaine", "nom@@domaine.fr",
		"nom@dom@aine.fr", "n om@domaine.fr", "nom@domaine.fr\r\nBcc: x@y.fr",
		"nom@domaine.fr\n", "nom\t@domaine.fr", "nom@domaine..fr", "nom@.domaine.fr",
		"nom@domaine.fr.", "nom@domaine.f", ".nom@domaine.fr", "nom.@domaine.fr",
		"n..om@domaine.fr", "<nom@domaine.fr>", "nom@dom_aine.fr", "nom@-domaine.fr",
		"nom@domaine-.fr", "nom@dom!aine.fr", "\"nom\"@domaine.fr", local65, long255,
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *err = fr_read_email(bad[i]);
		if (!err)
			fail_msg("\"%s\" accepted", bad[i]);
		assert_string_equal(
			err, "Saisissez une adresse électronique valide, par exemple nom@domaine.fr.");
	}
}

static void fr_format_decimal__table__french_layout(void **state)
{
	(void)state;
	static const struct {
		int64_t v;
		int decimals;
		const char *want;
	} cases[] = {
		{123456, 2, "1" NBSP "234,56"},
		{0, 2, "0,00"},
		{5, 2, "0,05"},
		{-5, 2, "-0,05"},
		{-123456, 2, "-1" NBSP "234,56"},
		{100, 0, "100"},
		{1000, 0, "1" NBSP "000"},
		{1234567, 0, "1" NBSP "234" NBSP "567"},
		{125, 1, "12,5"},
		{INT64_MAX, 0, "9" NBSP "223" NBSP "372" NBSP "036" NBSP "854" NBSP "775" NBSP "807"},
		{INT64_MIN, 2,
		 "-92" NBSP "233" NBSP "720" NBSP "368" NBSP "547" NBSP "758,08"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[64];
		fr_format_decimal(cases[i].v, cases[i].decimals, buf, sizeof buf);
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("%lld/%d: \"%s\"", (long long)cases[i].v, cases[i].decimals, buf);
	}
}

static void fr_format_decimal__small_buffer__truncated_terminated(void **state)
{
	(void)state;
	char buf[5];
	fr_format_decimal(123456, 2, buf, sizeof buf);
	assert_int_equal(strlen(buf), 4);
}

static void fr_format_decimal__read_back__same_value(void **state)
{
	(void)state;
	static const int64_t values[] = {0, 1, -1, 99, 100, 123456, -987654321,
					 INT64_C(999999999999999999), -INT64_C(999999999999999999)};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		char buf[64];
		int64_t back = 0;
		fr_format_decimal(values[i], 2, buf, sizeof buf);
		const char *err = fr_read_decimal(buf, 2, 1, &back);
		if (err || back != values[i])
			fail_msg("%lld -> \"%s\" -> %s", (long long)values[i], buf, err ? err : "?");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fr_read_decimal__valid_table__scaled),
		cmocka_unit_test(fr_read_decimal__invalid_table__french_error),
		cmocka_unit_test(fr_read_decimal__negative_allowed__signed),
		cmocka_unit_test(fr_read_integer__table__whole_numbers_only),
		cmocka_unit_test(fr_read_date__valid_table__calendar),
		cmocka_unit_test(fr_read_date__invalid_table__french_error),
		cmocka_unit_test(fr_read_email__table__plausible_only),
		cmocka_unit_test(fr_format_decimal__table__french_layout),
		cmocka_unit_test(fr_format_decimal__small_buffer__truncated_terminated),
		cmocka_unit_test(fr_format_decimal__read_back__same_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
