/*
 * fuzz_amount.c - imp_parse_amount() (and imp_parse_decimal()) on
 * arbitrary text.
 *
 * The first byte chooses the currency's exponent (byte % 4: 0, 1, 2 or 3
 * decimals, the range of ISO 4217 minor units), the second the decimal
 * mark (byte % 3: decide from the text, ',' or '.'); the rest, up to the
 * first NUL, is the field.  Checked besides memory errors: an accepted
 * amount is not negative and at most 10^15 minor units (CBM_AMOUNT_MAX);
 * written plainly ("1234.50") it reads back as itself; a refusal always
 * says why, in UTF-8; a decimal number is finite and not negative.
 */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "import.h"

/* MINOR units of a currency with EXPONENT decimals as "1234.50". */
static void plain(int64_t minor, int exponent, char *buf, size_t n)
{
	int64_t unit = cbm_pow10(exponent);

	if (exponent == 0)
		snprintf(buf, n, "%" PRId64, minor);
	else
		snprintf(buf, n, "%" PRId64 ".%0*" PRId64, minor / unit,
		         exponent, minor % unit);
}

static void check_amount(const char *text, int exponent, char mark)
{
	int64_t minor = -1, again = -1;
	char why[160] = "", text2[64];

	if (!imp_parse_amount(text, exponent, mark, &minor, why, sizeof(why))) {
		FUZZ_CHECK(why[0] != '\0');
		FUZZ_CHECK(g_utf8_validate(why, -1, NULL));
		return;
	}
	FUZZ_CHECK(minor >= 0);
	FUZZ_CHECK(minor <= CBM_AMOUNT_MAX);
	plain(minor, exponent, text2, sizeof(text2));
	if (!imp_parse_amount(text2, exponent, '.', &again, why, sizeof(why)))
		fuzz_fail(__FILE__, __LINE__, "'%s' read as '%s', refused: %s",
		          text, text2, why);
	if (again != minor)
		fuzz_fail(__FILE__, __LINE__,
		          "'%s' read as %" PRId64 ", '%s' as %" PRId64, text,
		          minor, text2, again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char marks[3] = {0, ',', '.'};
	char *text;
	double number = -1;

	if (size < 2)
		return 0;
	text = g_strndup((const char *)data + 2, size - 2);
	check_amount(text, data[0] % 4, marks[data[1] % 3]);
	char why[200];

	if (imp_parse_decimal(text, marks[data[1] % 3], &number, why,
	                      sizeof(why)))
		FUZZ_CHECK(number >= 0 && number <= 1e300);
	g_free(text);
	return 0;
}
