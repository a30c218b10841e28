/*
 * forecast.c - the in-year forecast of a year's collection rate from
 * where it stands on day D (docs/figures.md):
 *
 *   rate(y, d)  the curve's rate of budget year y at the end of day d
 *   gain(y)     rate(y, 31 December) - rate(y, the same calendar day as
 *               D; 28 February for 29 February), for every earlier year
 *               y with an approved budget
 *   forecast    rate(Y, D) + the mean gain; low and high: + the minimum
 *               and the maximum gain
 *
 * It answers the question a budget meeting in November asks: where will
 * the year end, given where it stands and what earlier years still
 * gained from this day to their end.  Y defaults to the latest approved
 * year, D to the last receipt for Y; D outside the calendar year Y has
 * no day on the curve and is refused.  With no earlier year the forecast
 * is undefined and years is 0.
 */
#include <gsl/gsl_statistics_double.h>
#include <limits.h>
#include <math.h>

#include "analysis_internal.h"

/* The year and day of the forecast, defaulted as DESIGN.md says. */
static enum cbm_status pick(struct st_db *db, const struct ana_params *p,
                            GArray *approved, int *year, int32_t *day,
                            struct cbm_error *err)
{
	bool found = false;
	int y, m, d;
	enum cbm_status rc = CBM_OK;

	*year = p->year;
	if (!*year && approved->len)
		*year =
		    g_array_index(approved, struct ana_sum, approved->len - 1)
		        .year;
	if (!*year)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "no approved budget in the database; a "
		                 "forecast needs one");
	*day = p->as_of;
	if (*day == INT32_MIN)
		rc = ana_last_receipt(db, p, *year, day, &found, err);
	if (rc == CBM_OK && *day == INT32_MIN && !found)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "nothing received for %d yet; give the day "
		                 "with --as-of",
		                 *year);
	if (rc != CBM_OK)
		return rc;
	cbm_civil_from_days(*day, &y, &m, &d);
	/* Defaulted to a late payment received after the year: the year is
	 * over, and its forecast is where it ended (no earlier year gains
	 * anything after 31 December). */
	if (p->as_of == INT32_MIN && y > *year) {
		*day = cbm_days_from_civil(*year, 12, 31);
		return CBM_OK;
	}
	if (y != *year) {
		char iso[11];
		cbm_date_iso(*day, iso);
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "the as-of day %s is not in %d; the forecast "
		                 "of a year starts from a day of that year",
		                 iso, *year);
	}
	return CBM_OK;
}

/* rate(y, 31 December) - rate(y, same calendar day as MD), per earlier
 * approved year (from --from on), into GAINS. */
static void gains(const struct ana_days *days, GArray *approved, int year,
                  int md, const struct ana_params *p, GArray *out)
{
	for (guint i = 0; i < approved->len; i++) {
		const struct ana_sum *a =
		    &g_array_index(approved, struct ana_sum, i);
		const cbm_money *cum = ana_days_of(days, a->year);
		int d = ana_same_day_in(a->year, md) -
		        cbm_days_from_civil(a->year, 1, 1) + 1;
		double gain;
		if (a->year >= year || a->value <= 0 ||
		    (p->from && a->year < p->from))
			continue;
		gain = (double)(cum[ana_days_in(a->year)] - cum[d]) /
		       (double)a->value;
		g_array_append_val(out, gain);
	}
}

static void forecast_row(struct ana_table *t, int year, int32_t day,
                         double rate, GArray *g)
{
	size_t r = ana_tb_row(t);
	const double *v = (const double *)g->data;

	ana_tb_int(t, r, ANA_FORECAST_YEAR, year);
	ana_tb_int(t, r, ANA_FORECAST_AS_OF, day);
	ana_tb_double(t, r, ANA_FORECAST_RATE, rate);
	ana_tb_int(t, r, ANA_FORECAST_YEARS, g->len);
	if (g->len == 0)
		return;
	ana_tb_double(t, r, ANA_FORECAST_FORECAST,
	              rate + gsl_stats_mean(v, 1, g->len));
	ana_tb_double(t, r, ANA_FORECAST_LOW,
	              rate + gsl_stats_min(v, 1, g->len));
	ana_tb_double(t, r, ANA_FORECAST_HIGH,
	              rate + gsl_stats_max(v, 1, g->len));
}

enum cbm_status ana_forecast(struct st_db *db, const struct ana_params *p,
                             struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_FORECAST_YEAR] = {"year", ANA_INT},
	    [ANA_FORECAST_AS_OF] = {"as_of", ANA_DATE},
	    [ANA_FORECAST_RATE] = {"rate", ANA_RATE},
	    [ANA_FORECAST_FORECAST] = {"forecast", ANA_RATE},
	    [ANA_FORECAST_LOW] = {"low", ANA_RATE},
	    [ANA_FORECAST_HIGH] = {"high", ANA_RATE},
	    [ANA_FORECAST_YEARS] = {"years", ANA_INT},
	};
	GArray *approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *g = g_array_new(FALSE, FALSE, sizeof(double));
	GHashTable *budget_of = NULL;
	struct ana_days *days = NULL;
	const struct ana_sum *budget = NULL;
	int year = 0, y, m, d;
	int32_t day = INT32_MIN;
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (rc == CBM_OK)
		rc = ana_approved(db, cur, approved, err);
	if (rc == CBM_OK)
		rc = pick(db, p, approved, &year, &day, err);
	budget_of = ana_sums_by_year(approved);
	if (rc == CBM_OK && !(budget = ana_sum_of(budget_of, year)))
		rc = CBM_ERROR(err, CBM_EDATA, NULL,
		               "%d has no approved budget; a forecast of its "
		               "collection rate needs one",
		               year);
	if (rc == CBM_OK)
		rc = ana_days_load(db, p, cur, year, &days, err);
	if (rc == CBM_OK) {
		const cbm_money *cum = ana_days_of(days, year);
		double rate =
		    budget->value > 0
		        ? (double)cum[day - cbm_days_from_civil(year, 1, 1) +
		                      1] /
		              (double)budget->value
		        : NAN;
		cbm_civil_from_days(day, &y, &m, &d);
		gains(days, approved, year, m * 100 + d, p, g);
		ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), cur);
		forecast_row(out, year, day, rate, g);
	}
	ana_days_free(days);
	g_hash_table_destroy(budget_of);
	g_array_free(g, TRUE);
	g_array_free(approved, TRUE);
	return rc;
}
