/* test_import.c - the parsers, the CSV reader and the name table. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "import.h"
#include "test_import.h"

/* Parses TEXT as an amount of a currency with EXP decimals; returns the
 * minor units, or -1 when refused (with the reason in why). */
static int64_t amount(const char *text, int exp, char mark)
{
	int64_t v = 0;
	char why[200];

	return imp_parse_amount(text, exp, mark, &v, why, sizeof(why)) ? v : -1;
}

static void test_amounts(void)
{
	CHECK_INT(amount("50000", 2, 0), 5000000);
	CHECK_INT(amount("50000.00", 2, 0), 5000000);
	CHECK_INT(amount("50,000.00", 2, 0), 5000000);
	CHECK_INT(amount("50.000,00", 2, 0), 5000000);
	CHECK_INT(amount("50 000,00", 2, 0), 5000000);
	CHECK_INT(amount("50\u00a0000,00", 2, 0), 5000000);
	CHECK_INT(amount("50\u2009000,00", 2, 0), 5000000);
	CHECK_INT(amount("50\u202f000,00", 2, 0), 5000000);
	CHECK_INT(amount("1 234 567,5", 2, 0), 123456750);
	CHECK_INT(amount("1,234,567", 2, 0), 123456700);
	CHECK_INT(amount("0.5", 2, 0), 50);
	CHECK_INT(amount("1234.5", 2, 0), 123450);
	/* "50,000" and "1.234": one mark, three digits: ambiguous. */
	CHECK_INT(amount("50,000", 2, 0), -1);
	CHECK_INT(amount("1.234", 3, 0), -1);
	CHECK_INT(amount("50,000", 2, '.'), 5000000);
	/* With "," as decimal mark that is 50.000: three decimals. */
	CHECK_INT(amount("50,000", 2, ','), -1);
	CHECK_INT(amount("50,000", 3, ','), 50000);
	CHECK_INT(amount("1.234", 3, ','), 1234000);
	/* Too many decimals for the currency. */
	CHECK_INT(amount("10.123", 2, 0), -1);
	CHECK_INT(amount("10.5", 0, 0), -1);
	CHECK_INT(amount("10.125", 3, '.'), 10125);
	/* Refused shapes. */
	CHECK_INT(amount("-100", 2, 0), -1);
	CHECK_INT(amount("12a", 2, 0), -1);
	CHECK_INT(amount("$50", 2, 0), -1);
	CHECK_INT(amount("", 2, 0), -1);
	CHECK_INT(amount("1,2,3", 2, 0), -1);
	CHECK_INT(amount("50,00,000", 2, 0), -1);
	CHECK_INT(amount("1,234.5.6", 2, 0), -1);
	CHECK_INT(amount("50.", 2, 0), -1);
	CHECK_INT(amount(",5", 2, 0), -1);
	CHECK_INT(amount("1 2345", 2, 0), -1);
	CHECK_INT(amount("9999999999999999", 2, 0), -1);
}

/* One amount is at most 10^15 minor units, in the currency's own
 * decimals: 10 000 000 000 000.00 USD, 10^15 JPY, 10^12 KWD. */
static void test_amount_ceiling(void)
{
	int64_t v;
	char why[200];

	CHECK_INT(amount("10 000 000 000 000,00", 2, 0), CBM_AMOUNT_MAX);
	CHECK_INT(amount("10,000,000,000,000.00", 2, 0), CBM_AMOUNT_MAX);
	CHECK_INT(amount("10000000000000", 2, 0), CBM_AMOUNT_MAX);
	CHECK_INT(amount("10000000000000.01", 2, 0), -1);
	CHECK_INT(amount("9999999999999.99", 2, 0), CBM_AMOUNT_MAX - 1);
	CHECK_INT(amount("1000000000000000", 0, 0), CBM_AMOUNT_MAX);
	CHECK_INT(amount("1000000000000001", 0, 0), -1);
	CHECK_INT(amount("1000000000000.000", 3, '.'), CBM_AMOUNT_MAX);
	CHECK_INT(amount("1000000000000.001", 3, '.'), -1);
	CHECK_INT(amount("1000000000001", 3, '.'), -1);
	/* 999 999 999 999 999.99, the amount of the issue, and more digits
	 * than int64 holds: refused without overflowing. */
	CHECK_INT(amount("999999999999999.99", 2, 0), -1);
	CHECK_INT(amount("99999999999999999999999999999999999999", 2, 0), -1);
	/* Leading zeros are not size. */
	CHECK_INT(amount("0000000000000000000000000001.00", 2, 0), 100);
	CHECK(
	    !imp_parse_amount("10000000000000.01", 2, 0, &v, why, sizeof(why)));
	CHECK_STR(why, "amount too large: at most 10000000000000.00 (10^15 "
	               "minor units)");
	CHECK(
	    !imp_parse_amount("1000000000000001", 0, 0, &v, why, sizeof(why)));
	CHECK_STR(why, "amount too large: at most 1000000000000000 (10^15 "
	               "minor units)");
}

static void test_amount_messages(void)
{
	int64_t v;
	char why[200];

	CHECK(!imp_parse_amount("50,000", 2, 0, &v, why, sizeof(why)));
	CHECK_HAS(why, "--decimal-mark");
	CHECK(!imp_parse_amount("-5", 2, 0, &v, why, sizeof(why)));
	CHECK_HAS(why, "negative");
	CHECK(!imp_parse_amount("1.234", 2, '.', &v, why, sizeof(why)));
	CHECK_HAS(why, "3 decimals");
}

static int32_t date(const char *text, enum imp_date_format f)
{
	int32_t d = 0;
	char why[200];

	return imp_parse_date(text, f, &d, why, sizeof(why)) ? d : -1;
}

static void test_dates(void)
{
	int32_t dec12 = cbm_days_from_civil(2023, 12, 12);
	int32_t nov12 = cbm_days_from_civil(2023, 11, 12);
	char why[200];
	int32_t d;

	CHECK_INT(date("2023-12-12", IMP_DATES_STRICT), dec12);
	CHECK_INT(date("12.12.2023", IMP_DATES_STRICT), dec12);
	CHECK_INT(date("12 December 2023", IMP_DATES_STRICT), dec12);
	CHECK_INT(date("12 Dec 2023", IMP_DATES_STRICT), dec12);
	CHECK_INT(date("12 DECEMBER 2023", IMP_DATES_STRICT), dec12);
	CHECK_INT(date("12 декабря 2023", IMP_DATES_STRICT), dec12);
	CHECK_INT(date("12/11/2023", IMP_DATES_STRICT), -1);
	CHECK_INT(date("13/12/2023", IMP_DATES_STRICT), -1);
	CHECK_INT(date("12/11/2023", IMP_DATES_DMY), nov12);
	CHECK_INT(date("11/12/2023", IMP_DATES_MDY), nov12);
	CHECK_INT(date("31.02.2024", IMP_DATES_STRICT), -1);
	CHECK_INT(date("29.02.2024", IMP_DATES_STRICT),
	          cbm_days_from_civil(2024, 2, 29));
	CHECK_INT(date("29.02.2023", IMP_DATES_STRICT), -1);
	CHECK_INT(date("2023-13-01", IMP_DATES_STRICT), -1);
	CHECK_INT(date("12.12.23", IMP_DATES_STRICT), -1);
	CHECK_INT(date("2023-12-12x", IMP_DATES_STRICT), -1);
	CHECK_INT(date("yesterday", IMP_DATES_STRICT), -1);
	CHECK(!imp_parse_date("12/11/2023", IMP_DATES_STRICT, &d, why,
	                      sizeof(why)));
	CHECK_HAS(why, "--date-format");
	CHECK(!imp_parse_date("31.02.2024", IMP_DATES_STRICT, &d, why,
	                      sizeof(why)));
	CHECK_HAS(why, "no such date");
}

static void test_small_parsers(void)
{
	int y = 0;
	double v = 0;
	char text[64], why[100];

	CHECK(imp_parse_year("2024", &y));
	CHECK_INT(y, 2024);
	CHECK(!imp_parse_year("24", &y));
	CHECK(!imp_parse_year("2024.0", &y));
	CHECK(!imp_parse_year("3000", &y));
	CHECK(imp_parse_decimal("6.5", 0, &v, why, sizeof(why)));
	CHECK_REL(v, 6.5, 1e-12);
	CHECK(imp_parse_decimal("0,0006896552", 0, &v, why, sizeof(why)));
	CHECK_REL(v, 0.0006896552, 1e-12);
	CHECK(!imp_parse_decimal("-1", 0, &v, why, sizeof(why)));
	CHECK(!imp_parse_decimal("1.2.3", 0, &v, why, sizeof(why)));
	CHECK(!imp_parse_decimal("1e5", 0, &v, why, sizeof(why)));
	/* "15,000" units per USD: fifteen thousand or fifteen? */
	CHECK(!imp_parse_decimal("15,000", 0, &v, why, sizeof(why)));
	CHECK_HAS(why, "--decimal-mark");
	CHECK(imp_parse_decimal("15,000", ',', &v, why, sizeof(why)));
	CHECK_REL(v, 15.0, 1e-12);
	CHECK(!imp_parse_decimal("15,000", '.', &v, why, sizeof(why)));
	CHECK(imp_parse_decimal("1.0663", 0, &v, why, sizeof(why)));
	snprintf(text, sizeof(text), "\u00a0 Kazakhstan \u202f");
	CHECK_STR(imp_trim(text), "Kazakhstan");
	CHECK(imp_check_text("Line one\nline two", true, why, sizeof(why)));
	CHECK(!imp_check_text("Line one\nline two", false, why, sizeof(why)));
	CHECK(!imp_check_text("bell\a", true, why, sizeof(why)));
	CHECK_HAS(why, "U+0007");
}

static void test_names(void)
{
	struct imp_names *names = NULL;
	const char *other = NULL;

	CHECK_INT(imp_names_open(&names, NULL, NULL), CBM_OK);
	CHECK(imp_names_add(names, "KAZ", "KAZ", &other));
	CHECK(imp_names_add(names, "Kazakhstan", "KAZ", &other));
	CHECK(imp_names_add(names, "Қазақстан", "KAZ", &other));
	CHECK(imp_names_add(names, "Republic of Korea", "KOR", &other));
	CHECK(imp_names_add(names, "Türkiye", "TUR", &other));
	CHECK(!imp_names_add(names, "kazakhstan", "KGZ", &other));
	CHECK_STR(other, "KAZ");
	CHECK_STR(imp_names_resolve(names, "ҚАЗАҚСТАН"), "KAZ");
	CHECK_STR(imp_names_resolve(names, "  kazakhstan "), "KAZ");
	CHECK_STR(imp_names_resolve(names, "kaz"), "KAZ");
	CHECK_STR(imp_names_resolve(names, "republic  of   KOREA"), "KOR");
	/* A combining diaeresis is the same letter after normalisation. */
	CHECK_STR(imp_names_resolve(names, "Tu\u0308rkiye"), "TUR");
	CHECK(imp_names_resolve(names, "Kazakstan") == NULL);
	CHECK_STR(imp_names_suggest(names, "Kazakstan"), "Kazakhstan");
	CHECK(imp_names_suggest(names, "Atlantis") == NULL);
	imp_names_close(names);
}

/* ---- the CSV reader ---------------------------------------------------- */

struct collected {
	GString *out; /* "line:field|field\n" per record */
};

static int collect(void *data, size_t index, const struct imp_record *rec)
{
	struct collected *c = data;

	(void)index;
	g_string_append_printf(c->out, "%ld:", rec->line);
	for (size_t i = 0; i < rec->n_fields; i++)
		g_string_append_printf(c->out, "%s%s", i ? "|" : "",
		                       rec->fields[i]);
	g_string_append_c(c->out, '\n');
	return 0;
}

/* Reads TEXT; returns the records as "line:f|f" lines (caller frees) and
 * the diagnostics in D. */
static char *read_csv(const char *text, struct imp_diags *d, char *delim)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	struct collected c = {g_string_new(NULL)};
	struct imp_csv_stats stats;

	imp_diags_init(d);
	CHECK_INT(imp_csv_read(fp, "t.csv", collect, &c, d, &stats, NULL, NULL),
	          CBM_OK);
	fclose(fp);
	if (delim)
		*delim = stats.delimiter;
	return g_string_free(c.out, FALSE);
}

static void test_csv_lines(void)
{
	struct imp_diags d;
	char delim = 0;
	char *got;

	got = read_csv("\xEF\xBB\xBF"
	               "a;b\r\n1;\"x;y\"\r\n2;\"two\r\nlines\"\r\n"
	               "\r\n3;\"say \"\"hi\"\"\"\r\n",
	               &d, &delim);
	CHECK_STR(got, "1:a|b\n2:1|x;y\n3:2|two\r\nlines\n6:3|say \"hi\"\n");
	CHECK_INT(delim, ';');
	CHECK_INT(d.n, 0);
	g_free(got);
	imp_diags_release(&d);

	got = read_csv("a\tb\n1\t2\n", &d, &delim);
	CHECK_STR(got, "1:a|b\n2:1|2\n");
	CHECK_INT(delim, '\t');
	g_free(got);
	imp_diags_release(&d);

	/* No final newline; a last record still arrives. */
	got = read_csv("a,b\n1,2", &d, NULL);
	CHECK_STR(got, "1:a|b\n2:1|2\n");
	g_free(got);
	imp_diags_release(&d);
}

static void test_csv_errors(void)
{
	struct imp_diags d;
	char *got;

	/* Field counts: too many on line 3, too few on line 5 (the record
	 * on lines 3-4 is one record with a quoted newline). */
	got = read_csv("a,b\n1,2\n\"x\ny\",2,3\n4,5\n6\n", &d, NULL);
	CHECK_STR(got, "1:a|b\n2:1|2\n5:4|5\n");
	CHECK_INT(d.errors, 2);
	if (d.n == 2) {
		CHECK_INT(d.items[0].line, 3);
		CHECK_HAS(d.items[0].message, "3 fields");
		CHECK_INT(d.items[1].line, 6);
	}
	g_free(got);
	imp_diags_release(&d);

	/* Bad UTF-8 on line 3. */
	got = read_csv("a,b\n1,2\nx\xE9"
	               ",3\n4,5\n",
	               &d, NULL);
	CHECK_STR(got, "1:a|b\n2:1|2\n4:4|5\n");
	CHECK_INT(d.errors, 1);
	if (d.n)
		CHECK_INT(d.items[0].line, 3);
	g_free(got);
	imp_diags_release(&d);

	/* An unterminated quote is reported where its record starts. */
	got = read_csv("a,b\n1,2\n3,\"open\n4,5\n", &d, NULL);
	CHECK_INT(d.errors, 1);
	if (d.n) {
		CHECK_INT(d.items[0].line, 3);
		CHECK_HAS(d.items[0].message, "unterminated");
	}
	g_free(got);
	imp_diags_release(&d);

	/* Empty input: no record at all. */
	got = read_csv("", &d, NULL);
	CHECK_STR(got, "");
	g_free(got);
	imp_diags_release(&d);
}

static void test_csv_limits(void)
{
	struct imp_diags d;
	GString *big = g_string_new("a,b\n1,");
	char *got;

	for (int i = 0; i < (int)IMP_MAX_FIELD_BYTES + 10; i++)
		g_string_append_c(big, 'x');
	g_string_append(big, "\n2,3\n");
	got = read_csv(big->str, &d, NULL);
	CHECK_STR(got, "1:a|b\n3:2|3\n");
	CHECK_INT(d.errors, 1);
	if (d.n) {
		CHECK_STR(d.items[0].column, "b");
		CHECK_HAS(d.items[0].message, "1 MiB");
	}
	g_free(got);
	imp_diags_release(&d);
	g_string_free(big, TRUE);

	big = g_string_new("a\n");
	for (int i = 0; i < 10000; i++)
		g_string_append(big, "x,");
	g_string_append(big, "x\n");
	got = read_csv(big->str, &d, NULL);
	CHECK_STR(got, "1:a\n");
	CHECK_INT(d.errors, 1);
	if (d.n)
		CHECK_HAS(d.items[0].message, "more than");
	g_free(got);
	imp_diags_release(&d);
	g_string_free(big, TRUE);
}

static void test_diag_format(void)
{
	struct imp_diags d;
	char *line;

	imp_diags_init(&d);
	imp_diags_add(&d, IMP_ERROR, "c.csv", 42, "amount", "12a",
	              "not an amount");
	imp_diags_add(&d, IMP_WARNING, "c.csv", 7, "", NULL, "odd");
	line = imp_diag_format(&d.items[0]);
	CHECK_STR(line, "c.csv:42:amount: not an amount '12a'");
	g_free(line);
	line = imp_diag_format(&d.items[1]);
	CHECK_STR(line, "c.csv:7: warning: odd");
	g_free(line);
	for (int i = 0; i < 60; i++)
		imp_diags_add(&d, IMP_ERROR, "c.csv", i, "", NULL, "x");
	CHECK_INT(d.errors, IMP_MAX_ERRORS);
	CHECK(d.truncated);
	imp_diags_release(&d);
}

int main(void)
{
	int parts = test_encodings();

	parts |= test_workbooks();
	parts |= test_headers();
	test_amounts();
	test_amount_ceiling();
	test_amount_messages();
	test_dates();
	test_small_parsers();
	test_names();
	test_csv_lines();
	test_csv_errors();
	test_csv_limits();
	test_diag_format();
	return check_summary() | parts;
}
