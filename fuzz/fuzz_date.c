/*
 * fuzz_date.c - imp_parse_date() (and imp_parse_year()) on arbitrary text.
 *
 * The first byte chooses the date format (byte % 3: strict, dmy, mdy); the
 * rest, up to the first NUL, is the field.  Checked besides memory errors:
 * an accepted date lies in 1900..2100; its ISO form reads back, strictly
 * and with cbm_date_parse_iso(), as the same day; a refusal always says
 * why, in UTF-8; an accepted year lies in 1900..2100.
 */
#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "import.h"

static void check_date(const char *text, enum imp_date_format format)
{
	int32_t days = 0, again = -1, iso_days = -1;
	char why[160] = "", iso[11];

	if (!imp_parse_date(text, format, &days, why, sizeof(why))) {
		FUZZ_CHECK(why[0] != '\0');
		FUZZ_CHECK(g_utf8_validate(why, -1, NULL));
		return;
	}
	FUZZ_CHECK(days >= cbm_days_from_civil(1900, 1, 1));
	FUZZ_CHECK(days <= cbm_days_from_civil(2100, 12, 31));
	cbm_date_iso(days, iso);
	if (!imp_parse_date(iso, IMP_DATES_STRICT, &again, why, sizeof(why)) ||
	    again != days)
		fuzz_fail(__FILE__, __LINE__,
		          "'%s' read as %s, which reads "
		          "back as day %d (%s)",
		          text, iso, (int)again, why);
	FUZZ_CHECK(cbm_date_parse_iso(iso, &iso_days) && iso_days == days);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	int year = 0;

	if (size < 1)
		return 0;
	text = g_strndup((const char *)data + 1, size - 1);
	check_date(text, (enum imp_date_format)(data[0] % 3));
	if (imp_parse_year(text, &year))
		FUZZ_CHECK(year >= 1900 && year <= 2100);
	g_free(text);
	return 0;
}
