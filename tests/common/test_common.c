/* test_common.c - money, dates and formatting of common/. */
#include <math.h>

#include "cbm.h"
#include "check.h"

static void test_exponents(void)
{
	CHECK_INT(cbm_currency_exponent("USD"), 2);
	CHECK_INT(cbm_currency_exponent("JPY"), 0);
	CHECK_INT(cbm_currency_exponent("KRW"), 0);
	CHECK_INT(cbm_currency_exponent("KWD"), 3);
	CHECK_INT(cbm_currency_exponent("BHD"), 3);
	/* The ends of both lists, and codes between and around them: the
	 * table made from the lists, AAA and ZZZ its first and last. */
	CHECK_INT(cbm_currency_exponent("BIF"), 0);
	CHECK_INT(cbm_currency_exponent("XPF"), 0);
	CHECK_INT(cbm_currency_exponent("TND"), 3);
	CHECK_INT(cbm_currency_exponent("IQD"), 3);
	CHECK_INT(cbm_currency_exponent("AAA"), 2);
	CHECK_INT(cbm_currency_exponent("ZZZ"), 2);
	CHECK_INT(cbm_currency_exponent("KZT"), 2);
	CHECK_INT(cbm_currency_exponent("EUR"), 2);
	/* A code that is not three capitals is outside the table. */
	CHECK_INT(cbm_currency_exponent("jpy"), 2);
	CHECK_INT(cbm_currency_exponent("JPYX"), 2);
	CHECK_INT(cbm_currency_exponent(""), 2);
	CHECK(cbm_currency_valid("EUR"));
	CHECK(!cbm_currency_valid("eur"));
	CHECK(!cbm_currency_valid("EURO"));
}

static void test_convert(void)
{
	int64_t out = 0;

	/* 100.00 EUR at 1.10 USD per EUR = 110.00 USD = 11000 cents. */
	CHECK(cbm_money_convert(10000, 2, 1.10, 2, 1.0, &out));
	CHECK_INT(out, 11000);
	/* 0.01 EUR at 1.5 = 1.5 cents -> 2 (half away from zero). */
	CHECK(cbm_money_convert(1, 2, 1.5, 2, 1.0, &out));
	CHECK_INT(out, 2);
	/* 0.03 EUR at 1.5 = 4.5 cents -> 5. */
	CHECK(cbm_money_convert(3, 2, 1.5, 2, 1.0, &out));
	CHECK_INT(out, 5);
	/* 1 000 000 JPY (exp 0) at 0.0091 = 9100.00 USD. */
	CHECK(cbm_money_convert(1000000, 0, 0.0091, 2, 1.0, &out));
	CHECK_INT(out, 910000);
	/* 1.234 KWD (exp 3) at 3.25 USD = 4.0105 USD -> 401 cents. */
	CHECK(cbm_money_convert(1234, 3, 3.25, 2, 1.0, &out));
	CHECK_INT(out, 401);
	/* 0.10 EUR at 1.15 = 11.5 cents exactly in decimal, though 1.15 is
	 * 1.1499999... in binary: half away from zero gives 12. */
	CHECK(cbm_money_convert(10, 2, 1.15, 2, 1.0, &out));
	CHECK_INT(out, 12);
	CHECK(cbm_money_convert(123450, 2, 1.15, 2, 1.0, &out));
	CHECK_INT(out, 141968);
	/* 110 USD into EUR at 1.10 = 100.00 EUR. */
	CHECK(cbm_money_convert(11000, 2, 1.0, 2, 1.10, &out));
	CHECK_INT(out, 10000);
	CHECK(!cbm_money_convert(100, 2, 0.0, 2, 1.0, &out));
}

/* The 128-bit money of sums: exact digits, overflow caught, and the
 * wide conversion equal to the 64-bit one wherever that one works. */
static void test_money128(void)
{
	char b[CBM_MONEY_BUF];
	cbm_money v = 0, max = ~(unsigned __int128)0 >> 1, min = -max - 1;
	int64_t narrow = 0;

	/* 10,000 amounts at the ceiling of 10^15 cents: 10^19 cents, past
	 * INT64_MAX (9,223,372,036,854,775,807) by about 7.8 x 10^17. */
	for (int i = 0; i < 10000; i++)
		CHECK(cbm_money_add(&v, CBM_AMOUNT_MAX));
	CHECK(!cbm_money_fits64(v));
	CHECK_STR(cbm_money_plain(b, sizeof(b), v, 2), "100000000000000000.00");
	CHECK_STR(cbm_money_plain(b, sizeof(b), v, 0), "10000000000000000000");
	CHECK_STR(cbm_money_plain(b, sizeof(b), v, 3), "10000000000000000.000");
	CHECK_STR(cbm_fmt_money(b, sizeof(b), v, 2, CBM_LANG_EN),
	          "100,000,000,000,000,000.00");
	CHECK_STR(cbm_fmt_money(b, sizeof(b), v, 2, CBM_LANG_RU),
	          "100\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000,00");
	/* INT64_MAX + 1 = 2^63. */
	v = (cbm_money)INT64_MAX + 1;
	CHECK(!cbm_money_fits64(v));
	CHECK(cbm_money_fits64(v - 1));
	CHECK(cbm_money_fits64(INT64_MIN));
	CHECK_STR(cbm_money_plain(b, sizeof(b), v, 2), "92233720368547758.08");
	/* Small amounts as before: 5 cents, minus 1.234 KWD, zero. */
	CHECK_STR(cbm_money_plain(b, sizeof(b), 5, 2), "0.05");
	CHECK_STR(cbm_money_plain(b, sizeof(b), -1234, 3), "-1.234");
	CHECK_STR(cbm_money_plain(b, sizeof(b), 0, 2), "0.00");
	CHECK_STR(cbm_money_plain(b, sizeof(b), 0, 0), "0");
	/* The ends of 128 bits: 2^127 - 1 and -2^127. */
	CHECK_STR(cbm_money_plain(b, sizeof(b), max, 0),
	          "170141183460469231731687303715884105727");
	CHECK_STR(cbm_money_plain(b, sizeof(b), min, 0),
	          "-170141183460469231731687303715884105728");
	CHECK_STR(cbm_fmt_money(b, sizeof(b), min, 0, CBM_LANG_KK),
	          "-170\u00a0141\u00a0183\u00a0460\u00a0469\u00a0231\u00a0731"
	          "\u00a0687\u00a0303\u00a0715\u00a0884\u00a0105\u00a0728");
	v = max;
	CHECK(!cbm_money_add(&v, 1));
	CHECK(v == max); /* unchanged */
	v = min;
	CHECK(!cbm_money_add(&v, -1));
	CHECK(cbm_money_add(&v, max));
	CHECK(v == -1);
	/* Parsing reads back what plain writes, and nothing else. */
	CHECK(cbm_money_parse("10000000000000000000", &v));
	CHECK(v == (cbm_money)CBM_AMOUNT_MAX * 10000);
	CHECK(cbm_money_parse("-170141183460469231731687303715884105728", &v));
	CHECK(v == min);
	CHECK(cbm_money_parse("170141183460469231731687303715884105727", &v));
	CHECK(v == max);
	CHECK(!cbm_money_parse("170141183460469231731687303715884105728", &v));
	CHECK(!cbm_money_parse("-170141183460469231731687303715884105729", &v));
	CHECK(cbm_money_parse("-42", &v) && v == -42);
	CHECK(!cbm_money_parse("", &v));
	CHECK(!cbm_money_parse("-", &v));
	CHECK(!cbm_money_parse("+1", &v));
	CHECK(!cbm_money_parse("12.5", &v));
	CHECK(!cbm_money_parse("1e3", &v));
	CHECK(!cbm_money_parse(" 1", &v));
	/* Wide conversion: where the 64-bit one succeeds, the same cents. */
	static const struct {
		int64_t amount;
		int from_exp;
		double from_usd;
		int to_exp;
		double to_usd;
	} same[] = {
	    {10000, 2, 1.10, 2, 1.0},
	    {1, 2, 1.5, 2, 1.0},
	    {3, 2, 1.5, 2, 1.0},
	    {1000000, 0, 0.0091, 2, 1.0},
	    {1234, 3, 3.25, 2, 1.0},
	    {10, 2, 1.15, 2, 1.0},
	    {123450, 2, 1.15, 2, 1.0},
	    {11000, 2, 1.0, 2, 1.10},
	    {CBM_AMOUNT_MAX, 2, 1.0, 2, 1.0 / 3.0},
	};
	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		CHECK(cbm_money_convert(same[i].amount, same[i].from_exp,
		                        same[i].from_usd, same[i].to_exp,
		                        same[i].to_usd, &narrow));
		CHECK(cbm_money_convert_wide(same[i].amount, same[i].from_exp,
		                             same[i].from_usd, same[i].to_exp,
		                             same[i].to_usd, &v));
		CHECK(v == narrow);
	}
	/* 10^15 cents (10 trillion USD) into a currency at 65,536 a dollar
	 * (2^-16 USD per unit, exact in binary), 2 decimals: 6.5536 x 10^19
	 * minor units, past int64; the 64-bit conversion refuses it. */
	CHECK(!cbm_money_convert(CBM_AMOUNT_MAX, 2, 1.0, 2, 1.0 / 65536,
	                         &narrow));
	CHECK(
	    cbm_money_convert_wide(CBM_AMOUNT_MAX, 2, 1.0, 2, 1.0 / 65536, &v));
	CHECK_STR(cbm_money_plain(b, sizeof(b), v, 0), "65536000000000000000");
	/* ... and into 3 decimals at 2^20 a dollar: 10^15 x 2^20 x 10. */
	CHECK(cbm_money_convert_wide(CBM_AMOUNT_MAX, 2, 1.0, 3, 1.0 / 1048576,
	                             &v));
	CHECK_STR(cbm_money_plain(b, sizeof(b), v, 0),
	          "10485760000000000000000");
	/* 10^15 cents at 0.5 USD per unit: 2 x 10^15, both agree. */
	CHECK(cbm_money_convert(CBM_AMOUNT_MAX, 2, 1.0, 2, 0.5, &narrow));
	CHECK_INT(narrow, 2 * CBM_AMOUNT_MAX);
	CHECK(!cbm_money_convert_wide(100, 2, 0.0, 2, 1.0, &v));
	CHECK(!cbm_money_convert_wide(100, 2, 1.0, 2, -1.0, &v));
	CHECK(!cbm_money_convert_wide(INT64_MAX, 0, 1e6, 3, 1e-12, &v));
}

static void test_dates(void)
{
	int32_t d = 0;
	int y, m, day;
	char buf[16];

	CHECK_INT(cbm_days_from_civil(1970, 1, 1), 0);
	CHECK_INT(cbm_days_from_civil(2000, 3, 1), 11017);
	CHECK(cbm_date_parse_iso("2024-02-29", &d));
	cbm_civil_from_days(d, &y, &m, &day);
	CHECK_INT(y * 10000 + m * 100 + day, 20240229);
	CHECK(!cbm_date_parse_iso("2023-02-29", &d));
	CHECK(!cbm_date_parse_iso("2024-2-29", &d));
	CHECK(!cbm_date_valid(2024, 2, 31));
	CHECK(cbm_is_leap(2000));
	CHECK(!cbm_is_leap(1900));
	cbm_date_iso(cbm_days_from_civil(2023, 12, 12), buf);
	CHECK_STR(buf, "2023-12-12");
	cbm_date_iso(cbm_days_from_civil(2024, 2, 29), buf);
	CHECK_STR(buf, "2024-02-29");
	cbm_date_iso(cbm_days_from_civil(1970, 1, 1), buf);
	CHECK_STR(buf, "1970-01-01");
	cbm_date_iso(cbm_days_from_civil(987, 6, 5), buf);
	CHECK_STR(buf, "0987-06-05");
	cbm_date_iso(cbm_days_from_civil(9999, 12, 31), buf);
	CHECK_STR(buf, "9999-12-31");
	/* Every day of 1999-2031 reads back as itself. */
	for (int32_t t = cbm_days_from_civil(1999, 1, 1), back = 0;
	     t <= cbm_days_from_civil(2031, 12, 31); t++) {
		cbm_date_iso(t, buf);
		if (!cbm_date_parse_iso(buf, &back) || back != t) {
			CHECK(!"a date that reads back as itself");
			fprintf(stderr, "  %s\n", buf);
			break;
		}
	}
}

static void test_format(void)
{
	char b[64];

	CHECK_STR(cbm_fmt_number(b, sizeof(b), 1234567.5, 2, CBM_LANG_EN),
	          "1,234,567.50");
	CHECK_STR(cbm_fmt_number(b, sizeof(b), 1234567.5, 2, CBM_LANG_RU),
	          "1\u00a0234\u00a0567,50");
	CHECK_STR(cbm_fmt_number(b, sizeof(b), -999, 0, CBM_LANG_EN), "-999");
	CHECK_STR(cbm_fmt_number(b, sizeof(b), -0.001, 2, CBM_LANG_EN), "0.00");
	/* Print takes the minus sign; a full buffer keeps the hyphen. */
	cbm_fmt_money(b, sizeof(b), -1416490, 2, CBM_LANG_RU);
	CHECK_STR(cbm_fmt_minus(b, sizeof(b)), "\u2212" "14\u00a0164,90");
	CHECK_STR(cbm_fmt_minus(b, sizeof(b)), "\u2212" "14\u00a0164,90");
	{
		char small[6] = "-1234";
		CHECK_STR(cbm_fmt_minus(small, sizeof(small)), "-1234");
	}
	CHECK_STR(cbm_fmt_number(b, sizeof(b), NAN, 2, CBM_LANG_EN), "n/a");
	CHECK_STR(cbm_fmt_money(b, sizeof(b), 5000000, 2, CBM_LANG_EN),
	          "50,000.00");
	CHECK_STR(cbm_fmt_money(b, sizeof(b), -1234, 3, CBM_LANG_EN), "-1.234");
	CHECK_STR(cbm_fmt_money(b, sizeof(b), 1234567, 0, CBM_LANG_KK),
	          "1\u00a0234\u00a0567");
	CHECK_STR(cbm_fmt_short(b, sizeof(b), 1234567, CBM_LANG_EN), "1.23 M");
	CHECK_STR(cbm_fmt_short(b, sizeof(b), 1200000, CBM_LANG_RU),
	          "1,2\u00a0млн");
	CHECK_STR(cbm_fmt_short(b, sizeof(b), 2000, CBM_LANG_KK), "2\u00a0мың");
	CHECK_STR(cbm_fmt_short(b, sizeof(b), 950, CBM_LANG_EN), "950");
	CHECK_STR(cbm_fmt_short(b, sizeof(b), 460020, CBM_LANG_EN), "460 K");
	CHECK_STR(cbm_fmt_short(b, sizeof(b), 124980, CBM_LANG_EN), "125 K");
	CHECK_STR(cbm_fmt_short(b, sizeof(b), 12500, CBM_LANG_EN), "12.5 K");
	CHECK_STR(cbm_fmt_short(b, sizeof(b), 9960, CBM_LANG_KK),
	          "9,96\u00a0мың");
	CHECK_STR(cbm_fmt_percent(b, sizeof(b), 0.873, 1, CBM_LANG_EN),
	          "87.3 %");
	CHECK_STR(cbm_fmt_percent(b, sizeof(b), 0.873, 1, CBM_LANG_RU),
	          "87,3\u00a0%");
	CHECK_STR(cbm_fmt_date(b, sizeof(b), cbm_days_from_civil(2023, 12, 12),
	                       CBM_LANG_EN),
	          "12 Dec 2023");
	CHECK_STR(cbm_fmt_date(b, sizeof(b), cbm_days_from_civil(2023, 12, 12),
	                       CBM_LANG_KK),
	          "12.12.2023");
}

static void test_error(void)
{
	struct cbm_error err = {0};
	char buf[256];

	CHECK_INT(CBM_ERROR(&err, CBM_EDATA, "a.csv:2:amount", "bad '%s'", "x"),
	          CBM_EDATA);
	CBM_ERROR(&err, CBM_EINTERNAL, NULL, "second");
	CHECK_INT(err.code, CBM_EDATA); /* the first error is kept */
	cbm_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "a.csv:2:amount: bad 'x'");
	CHECK_INT(CBM_ERROR(NULL, CBM_EUSAGE, NULL, "ignored"), CBM_EUSAGE);
}

int main(void)
{
	test_exponents();
	test_convert();
	test_money128();
	test_dates();
	test_format();
	test_error();
	return check_summary();
}
