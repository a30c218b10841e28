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
	test_dates();
	test_format();
	test_error();
	return check_summary();
}
