/*
 * curve.c - the cumulative collection curve of one budget year, day by
 * day, against the same day of every earlier year with a budget (mean,
 * minimum, maximum rate) and the even pace d / days-in-year.
 *
 * Contributions received before 1 January of their budget year count on
 * day 1; those received after 31 December are not on the curve.  An
 * earlier year shorter than the year shown (365 against 366 days) keeps
 * its last day's rate on day 366.
 *
 * The cumulative sums per day (ana_days) are built once, in one pass over
 * rows SQLite gives ordered by year: the in-year forecast (forecast.c)
 * reads the same sums.
 */
#include <gsl/gsl_statistics_double.h>
#include <limits.h>
#include <string.h>

#include "analysis_internal.h"

/* The cumulative receipts of one budget year at the end of each day. */
struct year_days {
	cbm_money cum[367]; /* cum[d], d = 1..366; cum[0] = 0 */
};

struct ana_days {
	GHashTable *years; /* year -> struct year_days * */
	int refs;          /* its loads, and the memo that keeps it */
};

int ana_days_in(int year)
{
	return cbm_is_leap(year) ? 366 : 365;
}

static struct year_days *year_of(struct ana_days *d, int year)
{
	struct year_days *y =
	    g_hash_table_lookup(d->years, GINT_TO_POINTER(year));

	if (!y) {
		y = g_new0(struct year_days, 1);
		g_hash_table_insert(d->years, GINT_TO_POINTER(year), y);
	}
	return y;
}

/* Adds a row (year, received_on, sum) to its day: before 1 January
 * counts on day 1, after 31 December not at all. */
static void add_day(void *data, sqlite3_stmt *st)
{
	struct ana_days *d = data;
	int year = sqlite3_column_int(st, 0);
	int32_t when = 0;
	cbm_money v = 0;
	int day;

	cbm_date_parse_iso((const char *)sqlite3_column_text(st, 1), &when);
	day = MAX(1, when - cbm_days_from_civil(year, 1, 1) + 1);
	/* After 31 December: not on the curve.  Compared here rather than
	 * in SQL, where the year's last day would be formatted for each of
	 * a million rows. */
	if (day > ana_days_in(year))
		return;
	st_column_money(st, 2, &v);
	year_of(d, year)->cum[day] += v;
}

/* Turns the sums per day into running sums; a 365-day year keeps its
 * last day on day 366. */
static void cumulate(gpointer key, gpointer value, gpointer data)
{
	struct year_days *y = value;
	int n = ana_days_in(GPOINTER_TO_INT(key));

	(void)data;
	for (int d = 1; d <= 366; d++)
		y->cum[d] = y->cum[d - 1] + (d <= n ? y->cum[d] : 0);
}

/* SQLite sums per (year, state, date), the order of the covering index,
 * so no sort is needed; the day numbers and running sums are made here. */
static const char days_where[] =
    "c.kind IN (:k1, :k2, :k3) AND c.budget_year <= :last";

static enum cbm_status days_load(struct st_db *db, const struct ana_params *p,
                                 const char *cur, int last,
                                 struct ana_days **out, struct cbm_error *err)
{
	struct ana_days *d = g_new0(struct ana_days, 1);
	char *money = ana_money_sql("c", "amount", "amount_usd",
	                            "c.received_on", strcmp(cur, "USD") == 0);
	char *sql =
	    g_strconcat("SELECT c.budget_year, c.received_on, cbm_sum(", money,
	                ") FROM contributions c WHERE ", days_where,
	                " GROUP BY c.budget_year, c.state,"
	                " c.received_on",
	                NULL);
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = CBM_OK;

	d->refs = 1;
	d->years =
	    g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	rc = ana_prepare(db, sql, p, cur, &st, err);
	if (rc == CBM_OK) {
		ana_bind_int(st, ":last", last);
		rc = ana_require_receipt_rates(
		    db, p, cur, "c.kind IN (:k1, :k2, :k3)", err);
	}
	if (rc == CBM_OK)
		rc = ana_each_row(db, st, add_day, d, err);
	else
		sqlite3_finalize(st);
	g_hash_table_foreach(d->years, cumulate, NULL);
	g_free(sql);
	g_free(money);
	if (rc != CBM_OK) {
		ana_days_free(d);
		d = NULL;
	}
	*out = d;
	return rc;
}

enum cbm_status ana_days_load(struct st_db *db, const struct ana_params *p,
                              const char *cur, int last, struct ana_days **out,
                              struct cbm_error *err)
{
	char *key;
	enum cbm_status rc;

	if (!p->memo)
		return days_load(db, p, cur, last, out, err);
	key = g_strdup_printf("%s %d %d", cur, (int)p->kind, last);
	*out = g_hash_table_lookup(p->memo->days, key);
	if (*out) {
		g_free(key);
		(*out)->refs++;
		return CBM_OK;
	}
	rc = days_load(db, p, cur, last, out, err);
	if (rc == CBM_OK) {
		(*out)->refs++;
		g_hash_table_insert(p->memo->days, key, *out);
	} else {
		g_free(key);
	}
	return rc;
}

void ana_days_free(struct ana_days *d)
{
	if (!d || --d->refs > 0)
		return;
	g_hash_table_destroy(d->years);
	g_free(d);
}

const cbm_money *ana_days_of(const struct ana_days *d, int year)
{
	static const struct year_days none;
	const struct year_days *y =
	    g_hash_table_lookup(d->years, GINT_TO_POINTER(year));

	return y ? y->cum : none.cum;
}

bool ana_days_has(const struct ana_days *d, int year)
{
	return g_hash_table_contains(d->years, GINT_TO_POINTER(year));
}

/* ---- the curve ----------------------------------------------------------- */

static enum cbm_status pick_year(const struct ana_params *p, GArray *approved,
                                 int *year, struct cbm_error *err)
{
	if (p->year) {
		*year = p->year;
		return CBM_OK;
	}
	if (approved->len == 0)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "no approved budget in the database; import a "
		                 "budget first");
	*year = g_array_index(approved, struct ana_sum, approved->len - 1).year;
	return CBM_OK;
}

/* The earlier years with a budget (from --from on) and their rates at
 * the end of each day 1..366, computed once per year. */
static GArray *earlier_rates(int year, const struct ana_days *days,
                             GArray *approved, const struct ana_params *p)
{
	GArray *rates = g_array_new(FALSE, FALSE, sizeof(double) * 367);

	for (guint i = 0; i < approved->len; i++) {
		const struct ana_sum *a =
		    &g_array_index(approved, struct ana_sum, i);
		const cbm_money *cum = ana_days_of(days, a->year);
		double r[367];
		if (a->year >= year || a->value <= 0 ||
		    (p->from && a->year < p->from))
			continue;
		for (int d = 1; d <= 366; d++)
			r[d] = (double)cum[d] / (double)a->value;
		g_array_append_vals(rates, r, 1);
	}
	return rates;
}

static void curve_rows(struct ana_table *t, int year,
                       const struct ana_sum *budget,
                       const struct ana_days *days, GArray *approved,
                       const struct ana_params *p)
{
	const cbm_money *cum = ana_days_of(days, year);
	int n = ana_days_in(year);
	GArray *earlier = earlier_rates(year, days, approved, p);
	double *at_day = g_new(double, earlier->len + 1);

	for (int d = 1; d <= n; d++) {
		size_t r = ana_tb_row(t), k = earlier->len;
		for (size_t i = 0; i < k; i++)
			at_day[i] = ((double *)earlier->data)[i * 367 + d];
		ana_tb_int(t, r, ANA_CURVE_YEAR, year);
		ana_tb_int(t, r, ANA_CURVE_DAY, d);
		ana_tb_money(t, r, ANA_CURVE_CUMULATIVE, cum[d]);
		if (budget && budget->value > 0)
			ana_tb_double(t, r, ANA_CURVE_RATE,
			              (double)cum[d] / (double)budget->value);
		if (k) {
			ana_tb_double(t, r, ANA_CURVE_MEAN,
			              gsl_stats_mean(at_day, 1, k));
			ana_tb_double(t, r, ANA_CURVE_MIN,
			              gsl_stats_min(at_day, 1, k));
			ana_tb_double(t, r, ANA_CURVE_MAX,
			              gsl_stats_max(at_day, 1, k));
		}
		ana_tb_double(t, r, ANA_CURVE_EVEN, (double)d / (double)n);
		ana_tb_int(t, r, ANA_CURVE_DATE,
		           cbm_days_from_civil(year, 1, 1) + d - 1);
		ana_tb_int(t, r, ANA_CURVE_EARLIER_YEARS, (int64_t)k);
	}
	g_free(at_day);
	g_array_free(earlier, TRUE);
}

enum cbm_status ana_curve(struct st_db *db, const struct ana_params *p,
                          struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_CURVE_YEAR] = {"year", ANA_INT},
	    [ANA_CURVE_DAY] = {"day", ANA_INT},
	    [ANA_CURVE_CUMULATIVE] = {"cumulative", ANA_MONEY},
	    [ANA_CURVE_RATE] = {"rate", ANA_RATE},
	    [ANA_CURVE_MEAN] = {"mean_rate", ANA_RATE},
	    [ANA_CURVE_MIN] = {"min_rate", ANA_RATE},
	    [ANA_CURVE_MAX] = {"max_rate", ANA_RATE},
	    [ANA_CURVE_EVEN] = {"even_pace", ANA_RATE},
	    [ANA_CURVE_DATE] = {"date", ANA_DATE},
	    [ANA_CURVE_EARLIER_YEARS] = {"earlier_years", ANA_INT},
	};
	GArray *approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GHashTable *budget_of = NULL;
	struct ana_days *days = NULL;
	int year = 0;
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_approved(db, cur, approved, err);
	if (rc == CBM_OK)
		rc = pick_year(p, approved, &year, err);
	if (rc == CBM_OK)
		rc = ana_days_load(db, p, cur, year, &days, err);
	budget_of = ana_sums_by_year(approved);
	if (rc == CBM_OK && !ana_sum_of(budget_of, year) &&
	    !ana_days_has(days, year))
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "no budget and no contributions for %d (a draft "
		               "is not an approved budget)",
		               year);
	if (rc == CBM_OK) {
		ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), cur);
		curve_rows(out, year, ana_sum_of(budget_of, year), days,
		           approved, p);
	}
	ana_days_free(days);
	g_hash_table_destroy(budget_of);
	g_array_free(approved, TRUE);
	return rc;
}
