/*
 * curve.c - the cumulative collection curve of one budget year, day by
 * day, against the same day of every earlier year with a budget (mean,
 * minimum, maximum rate) and the even pace d / days-in-year.
 *
 * Contributions received before 1 January of their budget year count on
 * day 1; those received after 31 December are not on the curve.  An
 * earlier year shorter than the year shown (365 against 366 days) keeps
 * its last day's rate on day 366.
 */
#include <gsl/gsl_statistics_double.h>
#include <limits.h>

#include "analysis_internal.h"

/* Money received per day of year for every budget year up to LAST:
 * (year, "", value) with the day number in .real.  SQLite sums per
 * (year, state, date), the order of the covering index, so no sort is
 * needed; the day numbers and the per-day totals are made here. */
static enum cbm_status daily(struct st_db *db, const struct ana_params *p,
                             const char *cur, int last, GArray *out,
                             struct cbm_error *err)
{
	char *money =
	    ana_money_sql("c", "amount", "amount_usd", "c.received_on", cur);
	char *where =
	    g_strdup_printf("%s AND c.budget_year <= %d AND c.received_on <="
	                    " printf('%%04d-12-31', c.budget_year)",
	                    ana_kind_sql(p), last);
	char *sql = g_strdup_printf(
	    "SELECT c.budget_year, c.received_on, cbm_sum(%s) FROM"
	    " contributions c WHERE %s"
	    " GROUP BY c.budget_year, c.state, c.received_on",
	    money, where);
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = ana_require_rates(db, cur, "contributions c",
	                                       "c.received_on", where, err);
	int step;

	if (rc == CBM_OK &&
	    sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		rc = st_sql_error(db, "cannot compute the curve", err);
	while (rc == CBM_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct ana_sum s = {0};
		int32_t when = 0;
		s.year = sqlite3_column_int(st, 0);
		cbm_date_parse_iso((const char *)sqlite3_column_text(st, 1),
		                   &when);
		/* Before 1 January counts on day 1. */
		s.real = MAX(1, when - cbm_days_from_civil(s.year, 1, 1) + 1);
		st_column_money(st, 2, &s.value);
		g_array_append_val(out, s);
	}
	if (rc == CBM_OK && step != SQLITE_DONE)
		rc = st_sql_error(db, "cannot compute the curve", err);
	sqlite3_finalize(st);
	g_free(sql);
	g_free(where);
	g_free(money);
	return rc;
}

static bool has_year(GArray *days, int year)
{
	for (guint i = 0; i < days->len; i++)
		if (g_array_index(days, struct ana_sum, i).year == year)
			return true;
	return false;
}

static int days_in(int year)
{
	return cbm_is_leap(year) ? 366 : 365;
}

/* Cumulative received of YEAR at the end of each day 1..366 into CUM. */
static void cumulate(GArray *days, int year, cbm_money cum[367])
{
	cbm_money per_day[367] = {0};

	for (guint i = 0; i < days->len; i++) {
		const struct ana_sum *s =
		    &g_array_index(days, struct ana_sum, i);
		int d = (int)s->real;
		if (s->year == year && d >= 1 && d <= 366)
			per_day[d] += s->value;
	}
	cum[0] = 0;
	for (int d = 1; d <= 366; d++)
		cum[d] = cum[d - 1] + (d <= days_in(year) ? per_day[d] : 0);
}

enum {
	CV_YEAR,
	CV_DAY,
	CV_CUMULATIVE,
	CV_RATE,
	CV_MEAN,
	CV_MIN,
	CV_MAX,
	CV_EVEN,
	CV_DATE,
	CV_YEARS
};

static enum cbm_status pick_year(const struct ana_params *p, GArray *approved,
                                 int *year, struct cbm_error *err)
{
	if (p->year) {
		*year = p->year;
		return CBM_OK;
	}
	if (approved->len == 0)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "no budget year in the database; import a "
		                 "budget first");
	*year = g_array_index(approved, struct ana_sum, approved->len - 1).year;
	return CBM_OK;
}

/* The earlier years with a budget (from --from on) and their rates at
 * the end of each day 1..366, computed once per year. */
static GArray *earlier_rates(int year, GArray *days, GArray *approved,
                             const struct ana_params *p)
{
	GArray *rates = g_array_new(FALSE, FALSE, sizeof(double) * 367);
	cbm_money cum[367];

	for (guint i = 0; i < approved->len; i++) {
		const struct ana_sum *a =
		    &g_array_index(approved, struct ana_sum, i);
		double r[367];
		if (a->year >= year || a->value <= 0 ||
		    (p->from && a->year < p->from))
			continue;
		cumulate(days, a->year, cum);
		for (int d = 1; d <= 366; d++)
			r[d] = (double)cum[MIN(d, days_in(a->year))] /
			       (double)a->value;
		g_array_append_vals(rates, r, 1);
	}
	return rates;
}

static void curve_rows(struct ana_table *t, int year, cbm_money budget,
                       bool has_budget, GArray *days, GArray *approved,
                       const struct ana_params *p)
{
	cbm_money cum[367];
	int n = days_in(year);
	GArray *earlier = earlier_rates(year, days, approved, p);
	double *at_day = g_new(double, earlier->len + 1);

	cumulate(days, year, cum);
	for (int d = 1; d <= n; d++) {
		size_t r = ana_tb_row(t), k = earlier->len;
		for (size_t i = 0; i < k; i++)
			at_day[i] = ((double *)earlier->data)[i * 367 + d];
		ana_tb_int(t, r, CV_YEAR, year);
		ana_tb_int(t, r, CV_DAY, d);
		ana_tb_money(t, r, CV_CUMULATIVE, cum[d]);
		if (has_budget && budget > 0)
			ana_tb_double(t, r, CV_RATE,
			              (double)cum[d] / (double)budget);
		if (k) {
			ana_tb_double(t, r, CV_MEAN,
			              gsl_stats_mean(at_day, 1, k));
			ana_tb_double(t, r, CV_MIN,
			              gsl_stats_min(at_day, 1, k));
			ana_tb_double(t, r, CV_MAX,
			              gsl_stats_max(at_day, 1, k));
		}
		ana_tb_double(t, r, CV_EVEN, (double)d / (double)n);
		ana_tb_int(t, r, CV_DATE,
		           cbm_days_from_civil(year, 1, 1) + d - 1);
		ana_tb_int(t, r, CV_YEARS, (int64_t)k);
	}
	g_free(at_day);
	g_array_free(earlier, TRUE);
}

enum cbm_status ana_curve(struct st_db *db, const struct ana_params *p,
                          struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},         {"day", ANA_INT},
	    {"cumulative", ANA_MONEY}, {"rate", ANA_RATE},
	    {"mean_rate", ANA_RATE},   {"min_rate", ANA_RATE},
	    {"max_rate", ANA_RATE},    {"even_pace", ANA_RATE},
	    {"date", ANA_DATE},        {"earlier_years", ANA_INT},
	};
	GArray *approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *days = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	struct ana_params all = *p;
	int year = 0;
	cbm_money budget = 0;
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	all.year = all.from = all.to = 0;
	if (rc == CBM_OK)
		rc = ana_approved(db, &all, cur, approved, err);
	if (rc == CBM_OK)
		rc = pick_year(p, approved, &year, err);
	if (rc == CBM_OK)
		rc = daily(db, p, cur, year, days, err);
	if (rc == CBM_OK && !ana_sum_of_year(approved, year, &budget) &&
	    !has_year(days, year))
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "no budget and no contributions for %d", year);
	if (rc == CBM_OK) {
		bool has_budget = ana_sum_of_year(approved, year, &budget);
		ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), cur);
		curve_rows(out, year, budget, has_budget, days, approved, p);
	}
	g_array_free(days, TRUE);
	g_array_free(approved, TRUE);
	return rc;
}
