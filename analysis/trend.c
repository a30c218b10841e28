/*
 * trend.c - the trend of the yearly amount received or of the collection
 * rate, its forecast for the next year with a 95 % prediction interval,
 * and the compound annual growth rate.
 *
 * The years are those with an approved budget, within --from/--to.  By
 * default the last is the latest budget year that is over: a year still
 * collecting (ana_year_in_progress) would pull the line down with money
 * not yet due, so it is what the trend forecasts instead.  Fewer than
 * three years cannot carry a line with an interval: that is CBM_EDATA,
 * not a guess.
 */
#include <math.h>

#include "analysis_internal.h"

enum {
	TR_NEXT,
	TR_SLOPE,
	TR_INTERCEPT,
	TR_SE,
	TR_FORECAST,
	TR_LO,
	TR_HI,
	TR_CAGR,
	TR_FROM,
	TR_TO,
	TR_YEARS
};

/* The yearly series: X years, Y values (currency units or fractions). */
static enum cbm_status series(struct st_db *db, const struct ana_params *p,
                              const char *cur, GArray *x, GArray *y,
                              struct cbm_error *err)
{
	GArray *approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	struct ana_params all = *p;
	double scale = (double)cbm_pow10(cbm_currency_exponent(cur));
	enum cbm_status rc;

	all.year = 0;
	rc = ana_approved(db, &all, cur, approved, err);
	/* Without --to, a last budget year still in progress is left out. */
	if (rc == CBM_OK && !p->to && approved->len > 0) {
		int last =
		    g_array_index(approved, struct ana_sum, approved->len - 1)
		        .year;
		if (ana_year_in_progress(db, last))
			g_array_set_size(approved, approved->len - 1);
	}
	if (rc == CBM_OK)
		rc = ana_received_sums(db, &all, cur, 0, recv, err);
	for (guint i = 0; rc == CBM_OK && i < approved->len; i++) {
		const struct ana_sum *a =
		    &g_array_index(approved, struct ana_sum, i);
		cbm_money received = ana_sum_total(recv, a->year);
		double yr = a->year, v;
		if (!ana_year_in(&all, a->year) || a->value <= 0)
			continue;
		v = p->of == ANA_OF_RECEIVED
		        ? (double)received / scale
		        : (double)received / (double)a->value;
		g_array_append_val(x, yr);
		g_array_append_val(y, v);
	}
	g_array_free(recv, TRUE);
	g_array_free(approved, TRUE);
	return rc;
}

enum cbm_status ana_trend(struct st_db *db, const struct ana_params *p,
                          struct ana_table *out, struct cbm_error *err)
{
	struct ana_column cols[] = {
	    {"next_year", ANA_INT},    {"slope", ANA_AMOUNT},
	    {"intercept", ANA_AMOUNT}, {"slope_se", ANA_AMOUNT},
	    {"forecast", ANA_AMOUNT},  {"lo95", ANA_AMOUNT},
	    {"hi95", ANA_AMOUNT},      {"cagr", ANA_RATE},
	    {"from", ANA_INT},         {"to", ANA_INT},
	    {"years", ANA_INT},
	};
	GArray *x = g_array_new(FALSE, FALSE, sizeof(double));
	GArray *y = g_array_new(FALSE, FALSE, sizeof(double));
	struct ana_fit fit;
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (p->of == ANA_OF_COLLECTION_RATE)
		for (int c = TR_SLOPE; c <= TR_HI; c++)
			cols[c].type =
			    c == TR_INTERCEPT ? ANA_NUMBER : ANA_RATE;
	if (rc == CBM_OK)
		rc = series(db, p, cur, x, y, err);
	if (rc == CBM_OK && x->len < 3)
		rc =
		    CBM_ERROR(err, CBM_EDATA, NULL,
		              "a trend needs at least 3 years with an approved "
		              "budget; %u found in the range asked",
		              x->len);
	if (rc == CBM_OK)
		rc = ana_fit_forecast(
		    (double *)x->data, (double *)y->data, x->len,
		    g_array_index(x, double, x->len - 1) + 1, &fit, err);
	if (rc == CBM_OK) {
		double first = g_array_index(y, double, 0);
		double last = g_array_index(y, double, y->len - 1);
		size_t r;
		ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), cur);
		r = ana_tb_row(out);
		ana_tb_int(out, r, TR_NEXT,
		           (int64_t)g_array_index(x, double, x->len - 1) + 1);
		ana_tb_double(out, r, TR_SLOPE, fit.slope);
		ana_tb_double(out, r, TR_INTERCEPT, fit.intercept);
		ana_tb_double(out, r, TR_SE, fit.slope_se);
		ana_tb_double(out, r, TR_FORECAST, fit.forecast);
		ana_tb_double(out, r, TR_LO, fit.lo95);
		ana_tb_double(out, r, TR_HI, fit.hi95);
		if (first > 0 && last >= 0)
			ana_tb_double(
			    out, r, TR_CAGR,
			    pow(last / first, 1.0 / (double)(x->len - 1)) -
			        1.0);
		ana_tb_int(out, r, TR_FROM,
		           (int64_t)g_array_index(x, double, 0));
		ana_tb_int(out, r, TR_TO,
		           (int64_t)g_array_index(x, double, x->len - 1));
		ana_tb_int(out, r, TR_YEARS, x->len);
	}
	g_array_free(x, TRUE);
	g_array_free(y, TRUE);
	return rc;
}
