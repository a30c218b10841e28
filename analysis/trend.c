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
#include <string.h>

#include "analysis_internal.h"

/* Received per budget year on P's basis, in CUR, summed by SQLite. */
static enum cbm_status received_by_year(struct st_db *db,
                                        const struct ana_params *p,
                                        const char *cur, GArray *out,
                                        struct cbm_error *err)
{
	char *key =
	    g_strdup_printf("received by year %s %d", cur, (int)p->kind);
	char *money, *sql;
	enum cbm_status rc;

	if (ana_memo_sums(p, key, out)) {
		g_free(key);
		return CBM_OK;
	}
	money = ana_money_sql("c", "amount", "amount_usd", "c.received_on",
	                      strcmp(cur, "USD") == 0);
	sql = g_strconcat("SELECT c.budget_year, '', cbm_sum(", money,
	                  ") FROM contributions c"
	                  " WHERE c.kind IN (:k1, :k2, :k3)"
	                  " GROUP BY c.budget_year ORDER BY 1",
	                  NULL);
	rc = ana_require_receipt_rates(db, p, cur, "c.kind IN (:k1, :k2, :k3)",
	                               err);
	if (rc == CBM_OK)
		rc = ana_sums(db, sql, p, cur, out, err);
	if (rc == CBM_OK)
		ana_memo_keep_sums(p, key, out);
	g_free(key);
	g_free(sql);
	g_free(money);
	return rc;
}

/* Without --to, a last budget year still in progress is left out. */
static enum cbm_status drop_open_year(struct st_db *db,
                                      const struct ana_params *p,
                                      GArray *approved, struct cbm_error *err)
{
	bool open = false;
	enum cbm_status rc = CBM_OK;

	if (p->to || approved->len == 0)
		return CBM_OK;
	rc = ana_year_in_progress(
	    db, g_array_index(approved, struct ana_sum, approved->len - 1).year,
	    &open, err);
	if (rc == CBM_OK && open)
		g_array_set_size(approved, approved->len - 1);
	return rc;
}

/* The yearly series: X years, Y values (currency units or fractions). */
static enum cbm_status series(struct st_db *db, const struct ana_params *p,
                              const char *cur, GArray *x, GArray *y,
                              struct cbm_error *err)
{
	GArray *approved = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GArray *recv = g_array_new(FALSE, FALSE, sizeof(struct ana_sum));
	GHashTable *recv_of = NULL;
	struct ana_params all = *p;
	double scale = (double)cbm_pow10(cbm_currency_exponent(cur));
	enum cbm_status rc;

	all.year = 0;
	rc = ana_approved(db, cur, approved, err);
	if (rc == CBM_OK)
		rc = drop_open_year(db, p, approved, err);
	if (rc == CBM_OK)
		rc = received_by_year(db, &all, cur, recv, err);
	recv_of = ana_sums_by_year(recv);
	for (guint i = 0; rc == CBM_OK && i < approved->len; i++) {
		const struct ana_sum *a =
		    &g_array_index(approved, struct ana_sum, i);
		const struct ana_sum *r = ana_sum_of(recv_of, a->year);
		cbm_money received = r ? r->value : 0;
		double yr = a->year, v;
		if (!ana_year_in(&all, a->year) || a->value <= 0)
			continue;
		v = p->of == ANA_OF_RECEIVED
		        ? (double)received / scale
		        : (double)received / (double)a->value;
		g_array_append_val(x, yr);
		g_array_append_val(y, v);
	}
	g_hash_table_destroy(recv_of);
	g_array_free(recv, TRUE);
	g_array_free(approved, TRUE);
	return rc;
}

static void trend_row(struct ana_table *t, GArray *x, GArray *y,
                      const struct ana_fit *fit)
{
	double first = g_array_index(y, double, 0);
	double last = g_array_index(y, double, y->len - 1);
	int64_t from = (int64_t)g_array_index(x, double, 0);
	int64_t to = (int64_t)g_array_index(x, double, x->len - 1);
	size_t r = ana_tb_row(t);

	ana_tb_int(t, r, ANA_TREND_NEXT_YEAR, to + 1);
	ana_tb_double(t, r, ANA_TREND_SLOPE, fit->slope);
	ana_tb_double(t, r, ANA_TREND_INTERCEPT, fit->intercept);
	ana_tb_double(t, r, ANA_TREND_SLOPE_SE, fit->slope_se);
	ana_tb_double(t, r, ANA_TREND_FORECAST, fit->forecast);
	ana_tb_double(t, r, ANA_TREND_LO95, fit->lo95);
	ana_tb_double(t, r, ANA_TREND_HI95, fit->hi95);
	if (first > 0 && last >= 0)
		ana_tb_double(t, r, ANA_TREND_CAGR,
		              pow(last / first, 1.0 / (double)(x->len - 1)) -
		                  1.0);
	ana_tb_int(t, r, ANA_TREND_FROM, from);
	ana_tb_int(t, r, ANA_TREND_TO, to);
	ana_tb_int(t, r, ANA_TREND_YEARS, x->len);
}

enum cbm_status ana_trend(struct st_db *db, const struct ana_params *p,
                          struct ana_table *out, struct cbm_error *err)
{
	struct ana_column cols[] = {
	    [ANA_TREND_NEXT_YEAR] = {"next_year", ANA_INT},
	    [ANA_TREND_SLOPE] = {"slope", ANA_AMOUNT},
	    [ANA_TREND_INTERCEPT] = {"intercept", ANA_AMOUNT},
	    [ANA_TREND_SLOPE_SE] = {"slope_se", ANA_AMOUNT},
	    [ANA_TREND_FORECAST] = {"forecast", ANA_AMOUNT},
	    [ANA_TREND_LO95] = {"lo95", ANA_AMOUNT},
	    [ANA_TREND_HI95] = {"hi95", ANA_AMOUNT},
	    [ANA_TREND_CAGR] = {"cagr", ANA_RATE},
	    [ANA_TREND_FROM] = {"from", ANA_INT},
	    [ANA_TREND_TO] = {"to", ANA_INT},
	    [ANA_TREND_YEARS] = {"years", ANA_INT},
	};
	GArray *x = g_array_new(FALSE, FALSE, sizeof(double));
	GArray *y = g_array_new(FALSE, FALSE, sizeof(double));
	struct ana_fit fit;
	char cur[4];
	enum cbm_status rc = ana_currency(p, cur, err);

	if (p->of == ANA_OF_COLLECTION_RATE)
		for (int c = ANA_TREND_SLOPE; c <= ANA_TREND_HI95; c++)
			cols[c].type =
			    c == ANA_TREND_INTERCEPT ? ANA_NUMBER : ANA_RATE;
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
		ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), cur);
		trend_row(out, x, y, &fit);
	}
	g_array_free(x, TRUE);
	g_array_free(y, TRUE);
	return rc;
}
