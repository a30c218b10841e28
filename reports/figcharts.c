/*
 * figcharts.c - the charts of the figures: each builder runs the analysis
 * it needs and fills a chart description whose arrays and strings belong
 * to the rpt_chart, so that the description stays valid until
 * rpt_chart_close().
 *
 * A year still in progress is drawn as far as it has come, its point
 * labelled with the day it is as of, and beside it the in-year forecast
 * of where it will stand on 31 December (ana_forecast); the trend of
 * finished years stays, labelled as such.
 */
#include <glib.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "rpt_internal.h"

struct rpt_chart {
	struct chart chart;
	const char *note; /* what the chart leaves out, or NULL */
	GPtrArray *owned; /* arrays and strings, freed with the chart */
	const struct ana_names *names;
	struct ana_names *own_names; /* when the chart loaded them */
	struct rctx *report;         /* its figures come from its memo, or NULL */
};

static const char *const kind_names[RPT_CHART_KIND_COUNT] = {
    "contributions", "history", "collection", "curve", "activity", "calendar",
};

bool rpt_chart_kind_parse(const char *name, enum rpt_chart_kind *out)
{
	for (int k = 0; k < RPT_CHART_KIND_COUNT; k++) {
		if (strcmp(name, kind_names[k]) == 0) {
			*out = (enum rpt_chart_kind)k;
			return true;
		}
	}
	return false;
}

const char *rpt_chart_kind_name(enum rpt_chart_kind kind)
{
	return kind_names[kind];
}

/* ---- helpers ------------------------------------------------------------- */

static void *own(struct rpt_chart *c, void *p)
{
	g_ptr_array_add(c->owned, p);
	return p;
}

static double *doubles(struct rpt_chart *c, size_t n)
{
	double *v = own(c, g_new(double, n ? n : 1));

	for (size_t i = 0; i < n; i++)
		v[i] = NAN;
	return v;
}

/* Takes ownership of S. */
static const char *text(struct rpt_chart *c, char *s)
{
	return own(c, s);
}

static const char *year_text(struct rpt_chart *c, int64_t year)
{
	return text(c, g_strdup_printf("%lld", (long long)year));
}

static const char *date_text(struct rpt_chart *c, int32_t day,
                             enum cbm_lang lang)
{
	char buf[32];

	cbm_fmt_date(buf, sizeof(buf), day, lang);
	return text(c, g_strdup(buf));
}

/* Computes FN with P into T: in a report through its memo (the report
 * lays its charts out in every pass, and its tables use the same
 * figures), elsewhere directly. */
static enum cbm_status figure(const struct rpt_chart *c, struct st_db *db,
                              ana_figure_fn fn, const struct ana_params *p,
                              struct ana_table *t, struct cbm_error *err)
{
	if (c->report)
		return rpt_figure(c->report, fn, p, t, err);
	ana_table_init(t);
	return fn(db, p, t, err);
}

static void base_params(const struct rpt_chart *c,
                        const struct rpt_chart_params *p, struct ana_params *a)
{
	ana_params_init(a);
	a->year = p->year;
	a->from = p->from;
	a->to = p->to;
	a->names = c->names;
	a->memo = c->report ? c->report->memo : NULL;
	if (p->currency[0])
		memcpy(a->currency, p->currency, 4);
}

static double money_units(const struct ana_table *t, const struct ana_value *v)
{
	return v->defined ? (double)v->i / (double)cbm_pow10(t->exponent) : NAN;
}

static enum cbm_status nothing(struct cbm_error *err, const char *what)
{
	return CBM_ERROR(err, CBM_EDATA, NULL, "nothing to draw: %s", what);
}

/* Index of KEY in KEYS, added when new (KEYS and INDEX grow together). */
static int index_of(GHashTable *index, GPtrArray *keys, const char *key)
{
	gpointer at;

	if (g_hash_table_lookup_extended(index, key, NULL, &at))
		return GPOINTER_TO_INT(at);
	g_ptr_array_add(keys, (char *)key);
	g_hash_table_insert(index, (char *)key,
	                    GINT_TO_POINTER((int)keys->len - 1));
	return (int)keys->len - 1;
}

/* Figure rows as years x keys: a series per key (in the order of first
 * appearance), a category per year from the first to the last, each value
 * FILL until set.  The keys are borrowed from the table. */
struct year_grid {
	GHashTable *index;
	GPtrArray *keys;
	int first;
	size_t ncat;
	struct chart_series *series;
};

static void year_grid_open(struct year_grid *g, struct rpt_chart *c,
                           const struct ana_table *t, size_t year_col,
                           size_t key_col, double fill)
{
	const char **cats;
	int last = 0;

	g->index = g_hash_table_new(g_str_hash, g_str_equal);
	g->keys = g_ptr_array_new();
	g->first = 9999;
	for (size_t r = 0; r < t->nrows; r++) {
		int y = (int)ana_cell(t, r, year_col)->i;
		g->first = MIN(g->first, y);
		last = MAX(last, y);
		index_of(g->index, g->keys, ana_cell(t, r, key_col)->s);
	}
	g->ncat = last >= g->first ? (size_t)(last - g->first + 1) : 0;
	g->series = own(c, g_new0(struct chart_series, g->keys->len));
	for (guint i = 0; i < g->keys->len; i++) {
		double *v = doubles(c, g->ncat);
		for (size_t k = 0; k < g->ncat; k++)
			v[k] = fill;
		g->series[i].values = v;
	}
	cats = own(c, g_new0(const char *, g->ncat));
	for (size_t i = 0; i < g->ncat; i++)
		cats[i] = year_text(c, g->first + (int)i);
	c->chart.categories = cats;
	c->chart.ncat = g->ncat;
	c->chart.series = g->series;
	c->chart.nseries = g->keys->len;
}

/* The value of row R of T in the grid, to set. */
static double *year_grid_cell(struct year_grid *g, const struct ana_table *t,
                              size_t r, size_t year_col, size_t key_col)
{
	int i = index_of(g->index, g->keys, ana_cell(t, r, key_col)->s);
	int y = (int)ana_cell(t, r, year_col)->i;

	return &((double *)g->series[i].values)[y - g->first];
}

static void year_grid_close(struct year_grid *g)
{
	g_ptr_array_free(g->keys, TRUE);
	g_hash_table_destroy(g->index);
}

/* ---- contributions: one year's states, sorted bars ----------------------- */

static int latest_year(const struct ana_table *t)
{
	int y = 0;

	for (size_t r = 0; r < t->nrows; r++)
		y = MAX(y, (int)ana_cell(t, r, ANA_CONTRIB_YEAR)->i);
	return y;
}

static void contributions_chart(struct rpt_chart *c,
                                const struct rpt_chart_params *p,
                                const struct ana_table *t, int year)
{
	struct chart_series *s = own(c, g_new0(struct chart_series, 1));
	const char **cats = own(c, g_new0(const char *, t->nrows + 1));
	double *v = doubles(c, t->nrows);
	size_t n = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		if (ana_cell(t, r, ANA_CONTRIB_YEAR)->i != year)
			continue;
		cats[n] = ana_state_name(
		    c->names, ana_cell(t, r, ANA_CONTRIB_STATE)->s, p->lang);
		v[n++] = money_units(t, ana_cell(t, r, ANA_CONTRIB_RECEIVED));
	}
	s->values = v;
	c->chart.kind = CHART_HBAR;
	c->chart.categories = cats;
	c->chart.ncat = n;
	c->chart.series = s;
	c->chart.nseries = 1;
	c->chart.format = CHART_FMT_MONEY;
	c->chart.title = text(
	    c, rpt_labelf(p->lang, "contributions.title", year_text(c, year)));
	c->chart.subtitle =
	    text(c, rpt_labelf(p->lang, "contributions.subtitle", t->currency));
	c->chart.hide_legend = true;
}

static enum cbm_status build_contributions(struct rpt_chart *c,
                                           struct st_db *db,
                                           const struct rpt_chart_params *p,
                                           struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table t;
	enum cbm_status rc;

	base_params(c, p, &a);
	a.from = a.to = 0;
	rc = figure(c, db, ana_contributions, &a, &t, err);
	if (rc == CBM_OK && t.nrows == 0)
		rc = nothing(err, "no voluntary contributions in that year");
	if (rc == CBM_OK) {
		contributions_chart(c, p, &t,
		                    p->year ? p->year : latest_year(&t));
		if (c->chart.ncat == 0)
			rc = nothing(err, "no voluntary contributions in that "
			                  "year");
	}
	ana_table_release(&t);
	return rc;
}

/* ---- history: years x states, top states stacked ------------------------- */

static void history_chart(struct rpt_chart *c, const struct rpt_chart_params *p,
                          const struct ana_table *t)
{
	struct year_grid g;

	year_grid_open(&g, c, t, ANA_CONTRIB_YEAR, ANA_CONTRIB_STATE, 0);
	for (guint i = 0; i < g.keys->len; i++)
		g.series[i].name = ana_state_name(
		    c->names, g_ptr_array_index(g.keys, i), p->lang);
	for (size_t r = 0; r < t->nrows; r++)
		*year_grid_cell(&g, t, r, ANA_CONTRIB_YEAR, ANA_CONTRIB_STATE) =
		    money_units(t, ana_cell(t, r, ANA_CONTRIB_RECEIVED));
	c->chart.kind = CHART_STACKED;
	c->chart.top_n = 7;
	c->chart.others_label = rpt_label(p->lang, "others");
	c->chart.format = CHART_FMT_MONEY;
	c->chart.title = rpt_label(p->lang, "history.title");
	c->chart.subtitle =
	    text(c, rpt_labelf(p->lang, "history.subtitle", t->currency));
	year_grid_close(&g);
}

static enum cbm_status build_history(struct rpt_chart *c, struct st_db *db,
                                     const struct rpt_chart_params *p,
                                     struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table t;
	enum cbm_status rc;

	base_params(c, p, &a);
	a.year = 0;
	rc = figure(c, db, ana_contributions, &a, &t, err);
	if (rc == CBM_OK && t.nrows == 0)
		rc = nothing(err, "no voluntary contributions in those years");
	if (rc == CBM_OK)
		history_chart(c, p, &t);
	ana_table_release(&t);
	return rc;
}

/* ---- the in-year forecast of a year in progress -------------------------- */

/* The forecast of YEAR, a year in progress, as of P->as_of (0: its last
 * receipt) into F, initialised here; F->nrows is 0 when there is none to
 * draw (nothing received yet).  Only a real failure is an error. */
static enum cbm_status in_year(struct rpt_chart *c, struct st_db *db,
                               const struct rpt_chart_params *p, int year,
                               struct ana_table *f, struct cbm_error *err)
{
	struct ana_params a;
	struct cbm_error quiet = {0};
	enum cbm_status rc;

	base_params(c, p, &a);
	a.year = year;
	a.from = a.to = 0;
	a.as_of = p->as_of ? p->as_of : INT32_MIN;
	/* No receipt yet, or a day outside the year: no forecast to draw. */
	rc = figure(c, db, ana_forecast, &a, f, &quiet);
	if (rc != CBM_OK && quiet.code != CBM_EDATA) {
		*err = quiet;
		return rc;
	}
	if (rc != CBM_OK) {
		ana_table_release(f);
		ana_table_init(f);
	}
	return CBM_OK;
}

/* ---- collection: rate by year, the trend and the in-year forecast -------- */

/* The years with an approved budget and their rates. */
static enum cbm_status rates_by_year(const struct rpt_chart *c,
                                     struct st_db *db, struct ana_params *a,
                                     GArray *years, GArray *rates,
                                     struct cbm_error *err)
{
	struct ana_table t;
	enum cbm_status rc = figure(c, db, ana_collection, a, &t, err);

	for (size_t r = 0; rc == CBM_OK && r < t.nrows; r++) {
		const struct ana_value *v =
		    ana_cell(&t, r, ANA_COLLECTION_RATE);
		int y = (int)ana_cell(&t, r, ANA_COLLECTION_YEAR)->i;
		if (!v->defined)
			continue; /* a year without budget has no rate */
		g_array_append_val(years, y);
		g_array_append_val(rates, v->d);
	}
	ana_table_release(&t);
	if (rc == CBM_OK && years->len == 0)
		rc = nothing(err, "no year with an approved budget");
	return rc;
}

/* What the collection chart is made of. */
struct collection {
	GArray *years, *rates;
	size_t done;            /* finished years, the first of YEARS */
	bool open;              /* the last year is in progress */
	struct ana_table trend; /* of finished years; may be empty */
	struct ana_table fc;    /* in-year forecast; may be empty */
	size_t n;               /* categories */
	const char **cats;
};

static enum cbm_status collection_data(struct rpt_chart *c, struct st_db *db,
                                       const struct rpt_chart_params *p,
                                       struct collection *k,
                                       struct cbm_error *err)
{
	struct ana_params a;
	struct cbm_error quiet = {0};
	int last;
	enum cbm_status rc;

	base_params(c, p, &a);
	a.year = 0;
	rc = rates_by_year(c, db, &a, k->years, k->rates, err);
	if (rc != CBM_OK)
		return rc;
	last = g_array_index(k->years, int, k->years->len - 1);
	if (p->rates_only) {
		k->done = k->n = k->years->len;
		return CBM_OK;
	}
	if (!p->to)
		rc = ana_year_in_progress(db, last, &k->open, err);
	if (rc == CBM_OK && k->open) {
		ana_table_release(&k->fc);
		rc = in_year(c, db, p, last, &k->fc, err);
	}
	k->done = k->years->len - (k->open ? 1 : 0);
	/* Too few years for a trend is no error: it is left out. */
	a.of = ANA_OF_COLLECTION_RATE;
	if (rc == CBM_OK && k->done > 0) {
		ana_table_release(&k->trend); /* figure() makes it anew */
		if (figure(c, db, ana_trend, &a, &k->trend, &quiet) != CBM_OK) {
			ana_table_release(&k->trend);
			ana_table_init(&k->trend);
		}
	}
	k->n = k->years->len;
	if (k->trend.nrows &&
	    ana_cell(&k->trend, 0, ANA_TREND_NEXT_YEAR)->i > last)
		k->n++; /* the forecast year is a category of its own */
	return rc;
}

/* The trend of finished years, from the last finished one to the year it
 * forecasts; its band only when no in-year forecast shares the year. */
static struct chart_series trend_series(struct rpt_chart *c,
                                        const struct rpt_chart_params *p,
                                        struct collection *k, double *v)
{
	double *f = doubles(c, k->n), *lo = doubles(c, k->n),
	       *hi = doubles(c, k->n);
	size_t from = k->done - 1, to = k->done;
	const struct ana_table *t = &k->trend;
	bool band = k->fc.nrows == 0;

	/* The forecast line leaves from the last finished year; a rate
	 * cannot fall below nothing. */
	f[from] = lo[from] = hi[from] = v[from];
	f[to] = ana_cell(t, 0, ANA_TREND_FORECAST)->d;
	lo[to] = MAX(0.0, ana_cell(t, 0, ANA_TREND_LO95)->d);
	hi[to] = ana_cell(t, 0, ANA_TREND_HI95)->d;
	return (struct chart_series){
	    .name = rpt_label(p->lang, "collection.trend"),
	    .values = f,
	    .lo = band ? lo : NULL,
	    .hi = band ? hi : NULL,
	    .band_name = band ? rpt_label(p->lang, "interval95") : NULL,
	    .forecast = true};
}

/* The year in progress as far as it has come, labelled with its day. */
static struct chart_series so_far_series(struct rpt_chart *c,
                                         const struct rpt_chart_params *p,
                                         struct collection *k)
{
	double *v = doubles(c, k->n);
	const char *when = NULL;
	const char *args[2];

	v[k->done] = k->fc.nrows ? ana_cell(&k->fc, 0, ANA_FORECAST_RATE)->d
	                         : g_array_index(k->rates, double, k->done);
	if (k->fc.nrows)
		when = date_text(
		    c, (int32_t)ana_cell(&k->fc, 0, ANA_FORECAST_AS_OF)->i,
		    p->lang);
	args[0] = k->cats[k->done];
	args[1] = when ? when : "";
	return (struct chart_series){
	    .name = when ? text(c, rpt_labelv(p->lang, "collection.so_far",
	                                      args, 2))
	                 : k->cats[k->done],
	    .values = v};
}

/* The in-year forecast of table FC (one row) as a series of N points
 * that holds only point AT: the forecast, with its low and high as the
 * band. */
static struct chart_series forecast_series(struct rpt_chart *c,
                                           const struct rpt_chart_params *p,
                                           const struct ana_table *fc, size_t n,
                                           size_t at)
{
	double *f = doubles(c, n), *lo = doubles(c, n), *hi = doubles(c, n);

	f[at] = ana_cell(fc, 0, ANA_FORECAST_FORECAST)->d;
	lo[at] = ana_cell(fc, 0, ANA_FORECAST_LOW)->d;
	hi[at] = ana_cell(fc, 0, ANA_FORECAST_HIGH)->d;
	return (struct chart_series){
	    .name = rpt_label(p->lang, "collection.inyear"),
	    .values = f,
	    .lo = lo,
	    .hi = hi,
	    .band_name = rpt_label(p->lang, "collection.inyear_band"),
	    .forecast = true};
}

/* The in-year forecast: where the year will stand on 31 December. */
static struct chart_series in_year_series(struct rpt_chart *c,
                                          const struct rpt_chart_params *p,
                                          struct collection *k)
{
	return forecast_series(c, p, &k->fc, k->n, k->done);
}

static void collection_chart(struct rpt_chart *c,
                             const struct rpt_chart_params *p,
                             struct collection *k)
{
	struct chart_series *s = own(c, g_new0(struct chart_series, 4));
	double *v = doubles(c, k->n);
	size_t ns = 0;

	k->cats = own(c, g_new0(const char *, k->n));
	for (guint i = 0; i < k->years->len; i++)
		k->cats[i] = year_text(c, g_array_index(k->years, int, i));
	if (k->n > k->years->len)
		k->cats[k->n - 1] = year_text(
		    c, ana_cell(&k->trend, 0, ANA_TREND_NEXT_YEAR)->i);
	for (size_t i = 0; i < k->done; i++)
		v[i] = g_array_index(k->rates, double, i);
	s[ns++] = (struct chart_series){
	    .name = rpt_label(p->lang, "collection.rate"), .values = v};
	if (k->trend.nrows)
		s[ns++] = trend_series(c, p, k, v);
	if (k->open)
		s[ns++] = so_far_series(c, p, k);
	if (k->fc.nrows && ana_cell(&k->fc, 0, ANA_FORECAST_FORECAST)->defined)
		s[ns++] = in_year_series(c, p, k);
	c->chart.kind = CHART_LINE;
	c->chart.categories = k->cats;
	c->chart.ncat = k->n;
	c->chart.series = s;
	c->chart.nseries = ns;
	c->chart.format = CHART_FMT_PERCENT;
	c->chart.title = rpt_label(p->lang, "collection.title");
	c->chart.subtitle =
	    k->trend.nrows || k->fc.nrows
	        ? text(c, rpt_labelf(p->lang, "collection.subtitle",
	                             k->cats[k->open ? k->done : k->n - 1]))
	        : rpt_label(p->lang, "collection.subtitle_short");
}

static enum cbm_status build_collection(struct rpt_chart *c, struct st_db *db,
                                        const struct rpt_chart_params *p,
                                        struct cbm_error *err)
{
	struct collection k = {0};
	enum cbm_status rc;

	k.years = g_array_new(FALSE, FALSE, sizeof(int));
	k.rates = g_array_new(FALSE, FALSE, sizeof(double));
	ana_table_init(&k.trend);
	ana_table_init(&k.fc);
	rc = collection_data(c, db, p, &k, err);
	if (rc == CBM_OK)
		collection_chart(c, p, &k);
	ana_table_release(&k.trend);
	ana_table_release(&k.fc);
	g_array_free(k.years, TRUE);
	g_array_free(k.rates, TRUE);
	return rc;
}

/* ---- curve: one year's cumulative rate against earlier years ------------- */

/* The last day with a payment: the line of a year in progress stops
 * there instead of running flat to 31 December. */
static size_t last_paid_day(const struct ana_table *t)
{
	size_t last = 0;

	for (size_t r = 1; r < t->nrows; r++)
		if (ana_cell(t, r, ANA_CURVE_CUMULATIVE)->i !=
		    ana_cell(t, r - 1, ANA_CURVE_CUMULATIVE)->i)
			last = r;
	return last;
}

/* The year's line: "2025", or "2025 as of 14 Nov 2025" for a year in
 * progress, never "today". */
static const char *curve_name(struct rpt_chart *c,
                              const struct rpt_chart_params *p,
                              const struct ana_table *t,
                              const struct ana_table *fc)
{
	const char *args[2];

	args[0] = year_text(c, ana_cell(t, 0, ANA_CURVE_YEAR)->i);
	if (!fc->nrows)
		return args[0];
	args[1] = date_text(c, (int32_t)ana_cell(fc, 0, ANA_FORECAST_AS_OF)->i,
	                    p->lang);
	return text(c, rpt_labelv(p->lang, "collection.so_far", args, 2));
}

static void curve_series(struct rpt_chart *c, const struct rpt_chart_params *p,
                         const struct ana_table *t, const struct ana_table *fc,
                         struct chart_series *s)
{
	size_t n = t->nrows, stop = n;
	double *v = doubles(c, n), *m = doubles(c, n), *lo = doubles(c, n),
	       *hi = doubles(c, n);

	/* A year with a forecast is drawn up to the day it is as of. */
	if (fc->nrows)
		stop =
		    MIN(n - 1, (size_t)(ana_cell(fc, 0, ANA_FORECAST_AS_OF)->i -
		                        ana_cell(t, 0, ANA_CURVE_DATE)->i));
	for (size_t r = 0; r < n; r++) {
		if (r <= stop)
			v[r] = ana_cell(t, r, ANA_CURVE_RATE)->d;
		if (ana_cell(t, r, ANA_CURVE_MEAN)->defined) {
			m[r] = ana_cell(t, r, ANA_CURVE_MEAN)->d;
			lo[r] = ana_cell(t, r, ANA_CURVE_MIN)->d;
			hi[r] = ana_cell(t, r, ANA_CURVE_MAX)->d;
		}
	}
	s[0] =
	    (struct chart_series){.name = curve_name(c, p, t, fc), .values = v};
	s[1] = (struct chart_series){.name = rpt_label(p->lang, "curve.mean"),
	                             .values = m,
	                             .lo = lo,
	                             .hi = hi,
	                             .band_name =
	                                 rpt_label(p->lang, "curve.range")};
}

static void curve_chart(struct rpt_chart *c, const struct rpt_chart_params *p,
                        const struct ana_table *t, const struct ana_table *fc,
                        bool open)
{
	struct chart_series *s = own(c, g_new0(struct chart_series, 3));
	size_t ns;

	curve_series(c, p, t, fc, s);
	if (open && !fc->nrows) {
		/* In progress without a forecast: the line stops at the
		 * last payment. */
		double *v = (double *)s[0].values;
		for (size_t r = last_paid_day(t) + 1; r < t->nrows; r++)
			v[r] = NAN;
	}
	ns = ana_cell(t, 0, ANA_CURVE_EARLIER_YEARS)->i > 0 ? 2 : 1;
	if (fc->nrows && ana_cell(fc, 0, ANA_FORECAST_FORECAST)->defined)
		s[ns++] = forecast_series(c, p, fc, t->nrows, t->nrows - 1);
	c->chart.kind = CHART_CURVE;
	c->chart.ncat = t->nrows;
	c->chart.series = s;
	c->chart.nseries = ns;
	c->chart.format = CHART_FMT_PERCENT;
	c->chart.diagonal_label = rpt_label(p->lang, "curve.even");
	c->chart.title = text(
	    c, rpt_labelf(p->lang, "curve.title",
	                  year_text(c, ana_cell(t, 0, ANA_CURVE_YEAR)->i)));
	c->chart.subtitle = rpt_label(p->lang, "curve.subtitle");
}

static enum cbm_status build_curve(struct rpt_chart *c, struct st_db *db,
                                   const struct rpt_chart_params *p,
                                   struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table t, fc;
	int latest = 0, year;
	bool open = false;
	enum cbm_status rc;

	base_params(c, p, &a);
	a.from = a.to = 0;
	ana_table_init(&fc);
	rc = figure(c, db, ana_curve, &a, &t, err);
	if (rc == CBM_OK &&
	    (t.nrows == 0 || !ana_cell(&t, 0, ANA_CURVE_RATE)->defined))
		rc = nothing(err, "that year has no approved budget");
	year = rc == CBM_OK ? (int)ana_cell(&t, 0, ANA_CURVE_YEAR)->i : 0;
	/* In progress: the latest approved year, before its end. */
	if (rc == CBM_OK)
		rc = ana_latest_year(db, false, &latest, err);
	if (rc == CBM_OK && year == latest)
		rc = ana_year_in_progress(db, year, &open, err);
	if (rc == CBM_OK && open) {
		ana_table_release(&fc);
		rc = in_year(c, db, p, year, &fc, err);
	}
	if (rc == CBM_OK)
		curve_chart(c, p, &t, &fc, open);
	ana_table_release(&fc);
	ana_table_release(&t);
	return rc;
}

/* ---- activity: areas x years, events held -------------------------------- */

static void activity_chart(struct rpt_chart *c,
                           const struct rpt_chart_params *p,
                           const struct ana_table *t)
{
	struct year_grid g;

	year_grid_open(&g, c, t, ANA_ACTIVITY_YEAR, ANA_ACTIVITY_KEY, NAN);
	for (guint i = 0; i < g.keys->len; i++)
		g.series[i].name = ana_area_name(
		    c->names, g_ptr_array_index(g.keys, i), p->lang);
	/* Nothing in the plan is a grey cell, not a 0: a 0 says events
	 * were planned and none was held. */
	for (size_t r = 0; r < t->nrows; r++)
		if (ana_cell(t, r, ANA_ACTIVITY_PLANNED)->i > 0)
			*year_grid_cell(&g, t, r, ANA_ACTIVITY_YEAR,
			                ANA_ACTIVITY_KEY) =
			    (double)ana_cell(t, r, ANA_ACTIVITY_HELD)->i;
	c->chart.kind = CHART_HEATMAP;
	c->chart.format = CHART_FMT_NUMBER;
	c->chart.title = rpt_label(p->lang, "activity.title");
	c->chart.subtitle = rpt_label(p->lang, "activity.subtitle");
	c->chart.x_title = rpt_label(p->lang, "year");
	year_grid_close(&g);
}

static enum cbm_status build_activity(struct rpt_chart *c, struct st_db *db,
                                      const struct rpt_chart_params *p,
                                      struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table t;
	enum cbm_status rc;

	base_params(c, p, &a);
	a.by = ANA_BY_AREA;
	rc = figure(c, db, ana_activity, &a, &t, err);
	if (rc == CBM_OK && t.nrows == 0)
		rc = nothing(err, "no plan events in those years");
	if (rc == CBM_OK)
		activity_chart(c, p, &t);
	ana_table_release(&t);
	return rc;
}

/* ---- calendar: one year's events on a month axis ------------------------ */

bool rpt_event_span(const struct ana_table *t, size_t r, int year, int *first,
                    int *last)
{
	const struct ana_value *s = ana_cell(t, r, ANA_EVENTS_START);
	const struct ana_value *e = ana_cell(t, r, ANA_EVENTS_END);
	int32_t jan1 = cbm_days_from_civil(year, 1, 1);
	int32_t dec31 = cbm_days_from_civil(year, 12, 31), a, b;

	if (!s->defined && !e->defined)
		return false;
	a = (int32_t)(s->defined ? s->i : e->i);
	b = (int32_t)(e->defined ? e->i : s->i);
	if (b < jan1 || a > dec31)
		return false;
	*first = (int)(MAX(a, jan1) - jan1) + 1;
	*last = (int)(MIN(b, dec31) - jan1) + 1;
	return true;
}

/* The statuses in the legend's order, their labels and their colours
 * (Okabe-Ito: bluish green, orange, vermillion, sky blue), kept whatever
 * else the year has. */
static const char *const cal_status[4] = {"held", "postponed", "cancelled",
                                          "planned"};
static const char *const cal_label[4] = {"held", "postponed", "cancelled",
                                         "calendar.planned"};
static const int cal_color[4] = {3, 2, 4, 5};

static int cal_status_index(const char *status)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(status, cal_status[i]) == 0)
			return i;
	return 3;
}

/* The rows: the year's priority areas with an event, in the order of
 * the activity figure (dimensions, then areas). */
static void calendar_rows(struct rpt_chart *c, const struct rpt_chart_params *p,
                          const struct ana_table *act, GHashTable *row_of)
{
	const char **cats = own(c, g_new0(const char *, act->nrows + 1));
	size_t n = 0;

	for (size_t r = 0; r < act->nrows; r++) {
		const char *area = ana_cell(act, r, ANA_ACTIVITY_KEY)->s;
		if (ana_cell(act, r, ANA_ACTIVITY_PLANNED)->i == 0)
			continue;
		g_hash_table_insert(row_of, (char *)area,
		                    GSIZE_TO_POINTER(n + 1));
		cats[n++] = ana_area_name(c->names, area, p->lang);
	}
	c->chart.categories = cats;
	c->chart.ncat = n;
}

/* The marks and the legend's classes; the items without a day in YEAR
 * go into the chart's note. */
static void calendar_marks(struct rpt_chart *c,
                           const struct rpt_chart_params *p,
                           const struct ana_table *ev, int year,
                           GHashTable *row_of)
{
	struct chart_mark *marks =
	    own(c, g_new0(struct chart_mark, ev->nrows + 1));
	struct chart_series *ser = own(c, g_new0(struct chart_series, 4));
	int cls_of[4] = {-1, -1, -1, -1};
	GString *undated = g_string_new(NULL);
	size_t n = 0, ncls = 0;

	for (size_t r = 0; r < ev->nrows; r++) {
		int first, last, k;
		gsize row = GPOINTER_TO_SIZE(g_hash_table_lookup(
		    row_of, ana_cell(ev, r, ANA_EVENTS_AREA)->s));

		if (ana_cell(ev, r, ANA_EVENTS_YEAR)->i != year)
			continue;
		if (!row || !rpt_event_span(ev, r, year, &first, &last)) {
			g_string_append_printf(
			    undated, "%s%lld", undated->len ? ", " : "",
			    (long long)ana_cell(ev, r, ANA_EVENTS_ITEM)->i);
			continue;
		}
		k = cal_status_index(ana_cell(ev, r, ANA_EVENTS_STATUS)->s);
		marks[n++] =
		    (struct chart_mark){row - 1, (size_t)k, first, last};
	}
	/* Classes in the legend's order, only those the year has. */
	for (int k = 0; k < 4; k++)
		for (size_t i = 0; i < n && cls_of[k] < 0; i++)
			if (marks[i].cls == (size_t)k) {
				cls_of[k] = (int)ncls;
				ser[ncls++] = (struct chart_series){
				    .name = rpt_label(p->lang, cal_label[k]),
				    .color = cal_color[k]};
			}
	for (size_t i = 0; i < n; i++)
		marks[i].cls = (size_t)cls_of[marks[i].cls];
	c->chart.marks = marks;
	c->chart.nmarks = n;
	c->chart.series = ser;
	c->chart.nseries = ncls;
	if (undated->len) {
		const char *v[2] = {year_text(c, year), undated->str};
		c->note =
		    text(c, rpt_labelv(p->lang, "calendar.undated_note", v, 2));
	}
	g_string_free(undated, TRUE);
}

static int latest_event_year(const struct ana_table *t)
{
	int y = 0;

	for (size_t r = 0; r < t->nrows; r++)
		y = MAX(y, (int)ana_cell(t, r, ANA_EVENTS_YEAR)->i);
	return y;
}

static enum cbm_status build_calendar(struct rpt_chart *c, struct st_db *db,
                                      const struct rpt_chart_params *p,
                                      struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table ev, act;
	GHashTable *row_of = g_hash_table_new(g_str_hash, g_str_equal);
	enum cbm_status rc;
	int year = p->year;

	base_params(c, p, &a);
	ana_table_init(&act);
	rc = figure(c, db, ana_events, &a, &ev, err);
	if (rc == CBM_OK && !year)
		year = latest_event_year(&ev);
	a.year = year;
	a.by = ANA_BY_AREA;
	if (rc == CBM_OK) {
		ana_table_release(&act); /* figure() makes it anew */
		rc = figure(c, db, ana_activity, &a, &act, err);
	}
	if (rc == CBM_OK)
		calendar_rows(c, p, &act, row_of);
	if (rc == CBM_OK && c->chart.ncat == 0)
		rc = nothing(err, "no plan events in that year");
	if (rc == CBM_OK) {
		calendar_marks(c, p, &ev, year, row_of);
		if (c->chart.nmarks == 0)
			rc = nothing(err, "no event of that year has dates");
	}
	if (rc == CBM_OK) {
		c->chart.kind = CHART_CALENDAR;
		c->chart.year = year;
		c->chart.title = text(c, rpt_labelf(p->lang, "calendar.title",
		                                    year_text(c, year)));
		c->chart.subtitle = rpt_label(p->lang, "calendar.subtitle");
	}
	g_hash_table_destroy(row_of);
	ana_table_release(&act);
	ana_table_release(&ev);
	return rc;
}

/* ---- a state's years beside the members' median -------------------------- */

enum cbm_status rpt_chart_state_years(struct rpt_chart **out,
                                      const struct ana_table *t,
                                      const char *state_name,
                                      enum cbm_lang lang, struct cbm_error *err)
{
	struct rpt_chart *c = g_new0(struct rpt_chart, 1);
	struct chart_series *s;
	const char **cats;
	double *mine, *median;

	c->owned = g_ptr_array_new_with_free_func(g_free);
	*out = NULL;
	if (t->nrows == 0) {
		rpt_chart_close(c);
		return nothing(err,
		               "no voluntary contributions in those years");
	}
	s = own(c, g_new0(struct chart_series, 2));
	cats = own(c, g_new0(const char *, t->nrows));
	mine = doubles(c, t->nrows);
	median = doubles(c, t->nrows);
	for (size_t r = 0; r < t->nrows; r++) {
		cats[r] = year_text(c, ana_cell(t, r, ANA_STATE_YEARS_YEAR)->i);
		mine[r] =
		    money_units(t, ana_cell(t, r, ANA_STATE_YEARS_RECEIVED));
		median[r] =
		    money_units(t, ana_cell(t, r, ANA_STATE_YEARS_MEDIAN));
	}
	s[0] = (struct chart_series){.name = state_name, .values = mine};
	s[1] = (struct chart_series){.name = rpt_label(lang, "members_median"),
	                             .values = median};
	c->chart = (struct chart){
	    .kind = CHART_GROUPED,
	    .title = text(c, rpt_labelf(lang, "state_years.title", state_name)),
	    .subtitle =
	        text(c, rpt_labelf(lang, "state_years.subtitle", t->currency)),
	    .categories = cats,
	    .ncat = t->nrows,
	    .series = s,
	    .nseries = 2,
	    .format = CHART_FMT_MONEY,
	    .lang = lang};
	*out = c;
	return CBM_OK;
}

/* ---- open / close -------------------------------------------------------- */

enum cbm_status rpt_chart_build(struct rpt_chart **out, struct st_db *db,
                                enum rpt_chart_kind kind,
                                const struct rpt_chart_params *p,
                                struct rctx *report, struct cbm_error *err)
{
	typedef enum cbm_status (*builder)(struct rpt_chart *, struct st_db *,
	                                   const struct rpt_chart_params *,
	                                   struct cbm_error *);
	static const builder builders[RPT_CHART_KIND_COUNT] = {
	    build_contributions, build_history,  build_collection,
	    build_curve,         build_activity, build_calendar,
	};
	struct rpt_chart *c = g_new0(struct rpt_chart, 1);
	enum cbm_status rc = CBM_OK;

	c->owned = g_ptr_array_new_with_free_func(g_free);
	c->chart.lang = p->lang;
	c->report = report;
	c->names = report ? report->names : NULL;
	if (!c->names) {
		rc = ana_names_open(&c->own_names, db, err);
		c->names = c->own_names;
	}
	if (rc == CBM_OK)
		rc = builders[kind](c, db, p, err);
	if (rc != CBM_OK) {
		rpt_chart_close(c);
		c = NULL;
	}
	*out = c;
	return rc;
}

enum cbm_status rpt_chart_open(struct rpt_chart **out, struct st_db *db,
                               enum rpt_chart_kind kind,
                               const struct rpt_chart_params *p,
                               struct cbm_error *err)
{
	return rpt_chart_build(out, db, kind, p, NULL, err);
}

void rpt_chart_close(struct rpt_chart *chart)
{
	if (!chart)
		return;
	g_ptr_array_free(chart->owned, TRUE);
	ana_names_close(chart->own_names);
	g_free(chart);
}

const struct chart *rpt_chart_get(const struct rpt_chart *chart)
{
	return &chart->chart;
}

const char *rpt_chart_note(const struct rpt_chart *chart)
{
	return chart->note;
}
