/* test_header.c - header keys, the kinds' column tables in three
 * languages, enumerated values, --map files and the readers' reasons. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "import_internal.h"
#include "test_import.h"

static char *key(const char *name)
{
	return imp_header_key(name, NULL);
}

#define CHECK_KEY(name, want)                                                  \
	do {                                                                   \
		char *k_ = key(name);                                          \
		CHECK_STR(k_, want);                                           \
		g_free(k_);                                                    \
	} while (0)

static void test_keys(void)
{
	char cur[4];
	char *k;

	CHECK_KEY("budget_year", "budget_year");
	CHECK_KEY("Budget Year", "budget_year");
	CHECK_KEY("  BUDGET-YEAR : ", "budget_year");
	CHECK_KEY("Budget \u00a0 year:", "budget_year");
	CHECK_KEY("Budget\u2013year", "budget_year"); /* an en dash */
	CHECK_KEY("\uff21mount", "amount");           /* NFKC: fullwidth A */
	CHECK_KEY("Дата поступления", "дата_поступления");
	CHECK_KEY("ДАТА ПОСТУПЛЕНИЯ:", "дата_поступления");
	CHECK_KEY("Объём", "объем"); /* ё is е */
	CHECK_KEY("Түскен күні", "түскен_күні");
	/* A bracket that is not a currency code is part of the name. */
	CHECK_KEY("Amount (approx.)", "amount_(approx.)");
	CHECK_KEY("Amount (usd)", "amount_(usd)");
	k = imp_header_key("Amount (USD)", cur);
	CHECK_STR(k, "amount");
	CHECK_STR(cur, "USD");
	g_free(k);
	k = imp_header_key("Сумма [EUR]:", cur);
	CHECK_STR(k, "сумма");
	CHECK_STR(cur, "EUR");
	g_free(k);
	k = imp_header_key("Amount", cur);
	CHECK_STR(cur, "");
	g_free(k);
	CHECK_KEY("\xff bad", "");
}

/* Every column of every kind has Russian and Kazakh names, and no two
 * columns of a kind share a name (whatever the language): a header can
 * mean one column only. */
static void test_column_tables(void)
{
	for (int k = 0; k < IMP_KIND_COUNT; k++) {
		GHashTable *seen = g_hash_table_new_full(
		    g_str_hash, g_str_equal, g_free, NULL);
		const struct kind_def *def = imp_kind_defs[k];
		CHECK(def->n_columns > 0 && def->n_columns <= MAX_COLUMNS);
		for (int c = 0; c < def->n_columns; c++) {
			const struct imp_column *col = &def->columns[c];
			const char *const *lists[] = {col->ru, col->kk};
			CHECK(col->name != NULL);
			CHECK(col->ru[0] != NULL);
			CHECK(col->kk[0] != NULL);
			CHECK(col->type != IMP_T_ENUM || col->values);
			for (int l = 0; l < 2; l++) {
				for (int i = 0; lists[l][i]; i++) {
					char *kk = key(lists[l][i]);
					gpointer had = NULL;
					if (g_hash_table_lookup_extended(
					        seen, kk, NULL, &had) &&
					    GPOINTER_TO_INT(had) != c + 1) {
						fprintf(stderr,
						        "%s: '%s' names two "
						        "columns\n",
						        def->name, lists[l][i]);
						CHECK(false);
					}
					g_hash_table_insert(
					    seen, kk, GINT_TO_POINTER(c + 1));
				}
			}
		}
		g_hash_table_destroy(seen);
	}
}

static void test_help(void)
{
	char *text = imp_kind_help(IMP_CONTRIBUTIONS);

	CHECK_HAS(text, "received_on*");
	CHECK_HAS(text, "Дата поступления");
	CHECK_HAS(text, "Түскен күні");
	CHECK_HAS(text, "voluntary");
	CHECK_HAS(text, "добровольный");
	CHECK_HAS(text, "ерікті");
	g_free(text);
	text = imp_kind_help(IMP_PLAN);
	CHECK_HAS(text, "title_ru");
	CHECK_HAS(text, "перенесено");
	CHECK_HAS(text, "болдырылмады");
	g_free(text);
}

static int enum_of(const struct imp_enum_value *values, const char *word)
{
	char *k = key(word);
	int i = imp_enum_find(values, k);

	g_free(k);
	return i;
}

static void test_enum_words(void)
{
	const struct imp_enum_value *status =
	    imp_kind_defs[IMP_PLAN]->columns[12].values;
	const struct imp_enum_value *kinds =
	    imp_kind_defs[IMP_CONTRIBUTIONS]->columns[5].values;

	CHECK_STR(imp_kind_defs[IMP_PLAN]->columns[12].name, "status");
	CHECK_INT(enum_of(status, "Held"), 1);
	CHECK_INT(enum_of(status, "Проведено"), 1);
	CHECK_INT(enum_of(status, "проведён"), 1);
	CHECK_INT(enum_of(status, "ПРОВЕДЕН"), 1); /* ё = е */
	CHECK_INT(enum_of(status, "өткізілді"), 1);
	CHECK_INT(enum_of(status, "кейінге қалдырылды"), 2);
	CHECK_INT(enum_of(status, "отменён"), 3);
	CHECK_INT(enum_of(status, "done"), -1);
	CHECK_INT(enum_of(kinds, "В натуральной форме"), 2);
	CHECK_INT(enum_of(kinds, "in kind"), 2);
	CHECK_INT(enum_of(kinds, "мақсатты"), 1);
}

static void test_maps(void)
{
	struct imp_map *map = NULL;
	struct cbm_error err = {0};
	char *k;

	CHECK_INT(imp_map_parse(&map, IMP_CONTRIBUTIONS, "m.txt",
	                        "# our export\n"
	                        "Payer = state   # who paid\n"
	                        "\"Date: received\" = received_on\n"
	                        "\"Sum = total\" = amount\r\n"
	                        "\n"
	                        "kind: \"добровольно\" = voluntary\n"
	                        "state: РК = Казахстан\n",
	                        &err),
	          CBM_OK);
	k = key("PAYER");
	CHECK_INT(imp_map_header(map, k), 0);
	g_free(k);
	k = key("date: received");
	CHECK_INT(imp_map_header(map, k), 1);
	g_free(k);
	k = key("Sum = Total");
	CHECK_INT(imp_map_header(map, k), 2);
	g_free(k);
	imp_map_close(map);
	imp_map_close(NULL);

	CHECK_INT(imp_map_parse(&map, IMP_CONTRIBUTIONS, "m.txt",
	                        "Payer = state\nPaid = amout\n", &err),
	          CBM_EUSAGE);
	CHECK_HAS(err.message, "m.txt:2: 'amout' is not a column of a "
	                       "contributions file");
	CHECK(map == NULL);
	cbm_error_clear(&err);
	CHECK_INT(imp_map_parse(&map, IMP_CONTRIBUTIONS, "m.txt",
	                        "kind: \"добровольно\" = gift\n", &err),
	          CBM_EUSAGE);
	CHECK_HAS(err.message, "m.txt:1: 'gift' is not a value of kind");
	cbm_error_clear(&err);
	CHECK_INT(imp_map_parse(&map, IMP_CONTRIBUTIONS, "m.txt",
	                        "Date: received = received_on\n", &err),
	          CBM_EUSAGE);
	CHECK_HAS(err.message, "m.txt:1: 'Date' is not a column");
	cbm_error_clear(&err);
	CHECK_INT(imp_map_parse(&map, IMP_CONTRIBUTIONS, "m.txt",
	                        "\"Payer = state\n", &err),
	          CBM_EUSAGE);
	CHECK_HAS(err.message, "m.txt:1: a quote that does not end");
	cbm_error_clear(&err);
	CHECK_INT(imp_map_parse(&map, IMP_CONTRIBUTIONS, "m.txt",
	                        "just words\n", &err),
	          CBM_EUSAGE);
	CHECK_HAS(err.message, "not a mapping line");
	cbm_error_clear(&err);
}

/* The readers say why with a code; the words come from the code. */
static void test_reasons(void)
{
	struct imp_why why;
	int64_t v;
	int32_t d;
	char text[200];

	CHECK(!imp_read_amount("1,000.125", 2, 0, &v, &why));
	CHECK_INT(why.reason, IMP_R_DECIMALS);
	CHECK_INT(why.n, 3);
	CHECK_INT(why.exponent, 2);
	imp_why_text(&why, text, sizeof(text));
	CHECK_STR(text, "3 decimals, but the currency has 2");
	CHECK(!imp_read_amount("12a", 2, 0, &v, &why));
	CHECK_INT(why.reason, IMP_R_UNEXPECTED);
	CHECK_STR(why.bad, "a");
	CHECK(!imp_read_amount("50,000", 2, 0, &v, &why));
	CHECK_INT(why.reason, IMP_R_AMBIGUOUS_AMOUNT);
	CHECK_INT(why.mark, ',');
	CHECK(!imp_read_amount("-5", 2, 0, &v, &why));
	CHECK_INT(why.reason, IMP_R_NEGATIVE);
	CHECK(!imp_read_date("12/11/2023", IMP_DATES_STRICT, &d, &why));
	CHECK_INT(why.reason, IMP_R_AMBIGUOUS_DATE);
	CHECK(!imp_read_decimal("15,000", 0, &(double){0}, &why));
	CHECK_INT(why.reason, IMP_R_AMBIGUOUS_NUMBER);
	CHECK(!imp_read_text("a\bb", true, &why));
	CHECK_INT(why.reason, IMP_R_CONTROL);
	imp_why_text(&why, text, sizeof(text));
	CHECK_STR(text, "control character U+0008 in text");
}

/* DESIGN: a two-digit year in text only with --date-format, as 20yy. */
static void test_two_digit_years(void)
{
	struct imp_why why;
	int32_t d = 0;

	CHECK(!imp_read_date("12.12.23", IMP_DATES_STRICT, &d, &why));
	CHECK_INT(why.reason, IMP_R_TWO_DIGIT_YEAR);
	CHECK(!imp_read_date("12 December 23", IMP_DATES_STRICT, &d, &why));
	CHECK_INT(why.reason, IMP_R_TWO_DIGIT_YEAR);
	CHECK(imp_read_date("12.12.23", IMP_DATES_DMY, &d, &why));
	CHECK_INT(d, cbm_days_from_civil(2023, 12, 12));
	CHECK(imp_read_date("12/11/23", IMP_DATES_MDY, &d, &why));
	CHECK_INT(d, cbm_days_from_civil(2023, 12, 11));
	CHECK(imp_read_date("3 Mar 24", IMP_DATES_DMY, &d, &why));
	CHECK_INT(d, cbm_days_from_civil(2024, 3, 3));
	CHECK(!imp_read_date("29.02.23", IMP_DATES_DMY, &d, &why));
	CHECK_INT(why.reason, IMP_R_NO_SUCH_DATE);
	CHECK(!imp_read_date("1 May -23", IMP_DATES_DMY, &d, &why));
	CHECK(!imp_read_date("12.12.023", IMP_DATES_DMY, &d, &why));
	/* Four digits as before, whatever the option. */
	CHECK(imp_read_date("12.12.2023", IMP_DATES_STRICT, &d, &why));
	CHECK(!imp_read_date("2023-12-1x", IMP_DATES_DMY, &d, &why));
}

int test_headers(void)
{
	test_keys();
	test_column_tables();
	test_help();
	test_enum_words();
	test_maps();
	test_reasons();
	test_two_digit_years();
	return check_summary();
}
