/*
 * figcharts.c - the charts of the figures: each builder runs the analysis
 * it needs and fills a chart description whose arrays and strings belong
 * to the rpt_chart, so that the description stays valid until
 * rpt_chart_close().
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "report.h"

struct rpt_chart {
	struct chart chart;
	GPtrArray *owned; /* arrays and strings, freed with the chart */
	struct rpt_names *names;
};

static const char *const kind_names[RPT_CHART_KIND_COUNT] = {
    "contributions", "history", "collection", "curve", "activity",
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

static enum cbm_status figure(struct st_db *db, ana_figure_fn fn,
                              const struct ana_params *p, struct ana_table *t,
                              struct cbm_error *err)
{
	ana_table_init(t);
	return fn(db, p, t, err);
}

static void base_params(const struct rpt_chart_params *p, struct ana_params *a)
{
	ana_params_init(a);
	a->year = p->year;
	a->from = p->from;
	a->to = p->to;
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

/* ---- contributions: one year's states, sorted bars ----------------------- */

static int latest_year(const struct ana_table *t)
{
	int y = 0;

	for (size_t r = 0; r < t->nrows; r++)
		y = MAX(y, (int)ana_cell(t, r, 0)->i);
	return y;
}

static enum cbm_status build_contributions(struct rpt_chart *c,
                                           struct st_db *db,
                                           const struct rpt_chart_params *p,
                                           struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table t;
	struct chart_series *s = own(c, g_new0(struct chart_series, 1));
	enum cbm_status rc;
	int year;
	size_t n = 0;

	base_params(p, &a);
	a.from = a.to = 0;
	rc = figure(db, ana_contributions, &a, &t, err);
	year = p->year ? p->year : latest_year(&t);
	if (rc == CBM_OK && t.nrows == 0)
		rc = nothing(err, "no voluntary contributions in that year");
	if (rc == CBM_OK) {
		const char **cats = own(c, g_new0(const char *, t.nrows));
		double *v = doubles(c, t.nrows);
		for (size_t r = 0; r < t.nrows; r++) {
			if (ana_cell(&t, r, 0)->i != year)
				continue;
			cats[n] = rpt_state_name(
			    c->names, ana_cell(&t, r, 1)->s, p->lang);
			v[n++] = money_units(&t, ana_cell(&t, r, 2));
		}
		s->values = v;
		c->chart.kind = CHART_HBAR;
		c->chart.categories = cats;
		c->chart.ncat = n;
		c->chart.series = s;
		c->chart.nseries = 1;
		c->chart.format = CHART_FMT_MONEY;
		c->chart.title =
		    text(c, rpt_labelf(p->lang, "contributions.title",
		                       year_text(c, year)));
		c->chart.subtitle =
		    text(c, rpt_labelf(p->lang, "contributions.subtitle",
		                       t.currency));
		c->chart.hide_legend = true;
		if (n == 0)
			rc = nothing(err, "no voluntary contributions in that "
			                  "year");
	}
	ana_table_release(&t);
	return rc;
}

/* ---- history: years x states, top states stacked ------------------------- */

static int index_of(GPtrArray *a, const char *s)
{
	for (guint i = 0; i < a->len; i++)
		if (strcmp(g_ptr_array_index(a, i), s) == 0)
			return (int)i;
	return -1;
}

static enum cbm_status build_history(struct rpt_chart *c, struct st_db *db,
                                     const struct rpt_chart_params *p,
                                     struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table t;
	GPtrArray *states = g_ptr_array_new();
	enum cbm_status rc;
	int first = 9999, last = 0;

	base_params(p, &a);
	a.year = 0;
	rc = figure(db, ana_contributions, &a, &t, err);
	if (rc == CBM_OK && t.nrows == 0)
		rc = nothing(err, "no voluntary contributions in those years");
	for (size_t r = 0; rc == CBM_OK && r < t.nrows; r++) {
		int y = (int)ana_cell(&t, r, 0)->i;
		first = MIN(first, y);
		last = MAX(last, y);
		if (index_of(states, ana_cell(&t, r, 1)->s) < 0)
			g_ptr_array_add(states, (char *)ana_cell(&t, r, 1)->s);
	}
	if (rc == CBM_OK) {
		size_t ncat = (size_t)(last - first + 1);
		struct chart_series *s =
		    own(c, g_new0(struct chart_series, states->len));
		const char **cats = own(c, g_new0(const char *, ncat));
		for (size_t i = 0; i < ncat; i++)
			cats[i] = year_text(c, first + (int)i);
		for (guint i = 0; i < states->len; i++) {
			double *v = doubles(c, ncat);
			for (size_t k = 0; k < ncat; k++)
				v[k] = 0;
			s[i].values = v;
			s[i].name = rpt_state_name(
			    c->names, g_ptr_array_index(states, i), p->lang);
		}
		for (size_t r = 0; r < t.nrows; r++) {
			int i = index_of(states, ana_cell(&t, r, 1)->s);
			int y = (int)ana_cell(&t, r, 0)->i;
			((double *)s[i].values)[y - first] =
			    money_units(&t, ana_cell(&t, r, 2));
		}
		c->chart.kind = CHART_STACKED;
		c->chart.categories = cats;
		c->chart.ncat = ncat;
		c->chart.series = s;
		c->chart.nseries = states->len;
		c->chart.top_n = 7;
		c->chart.others_label = rpt_label(p->lang, "others");
		c->chart.format = CHART_FMT_MONEY;
		c->chart.title = rpt_label(p->lang, "history.title");
		c->chart.subtitle = text(
		    c, rpt_labelf(p->lang, "history.subtitle", t.currency));
	}
	g_ptr_array_free(states, TRUE);
	ana_table_release(&t);
	return rc;
}

/* ---- collection: rate by year and the forecast --------------------------- */

/* The years with a collection rate and their rates. */
static enum cbm_status rates_by_year(struct st_db *db, struct ana_params *a,
                                     GArray *years, GArray *rates,
                                     struct cbm_error *err)
{
	struct ana_table t;
	enum cbm_status rc = figure(db, ana_collection, a, &t, err);

	for (size_t r = 0; rc == CBM_OK && r < t.nrows; r++) {
		const struct ana_value *v = ana_cell(&t, r, 3);
		int y = (int)ana_cell(&t, r, 0)->i;
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

/* Series: 0 the rates of finished years; 1 the forecast, from the last
 * finished year to the year forecast, with its 95 % band; 2 the rate so
 * far of a year still in progress (the year the trend forecasts). */
static enum cbm_status build_collection(struct rpt_chart *c, struct st_db *db,
                                        const struct rpt_chart_params *p,
                                        struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table tr;
	struct cbm_error trend_err = {0};
	struct chart_series *s = own(c, g_new0(struct chart_series, 3));
	GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
	GArray *rates = g_array_new(FALSE, FALSE, sizeof(double));
	enum cbm_status rc;
	bool forecast = false, open = false;
	size_t n = 0, done = 0;

	base_params(p, &a);
	a.year = 0;
	rc = rates_by_year(db, &a, years, rates, err);
	if (rc == CBM_OK) {
		int last = g_array_index(years, int, years->len - 1);
		open = false;
		if (!p->to)
			rc = ana_year_in_progress(db, last, &open, err);
		done = years->len - (open ? 1 : 0);
		a.of = ANA_OF_COLLECTION_RATE;
		ana_table_init(&tr);
		if (done > 0) {
			ana_table_release(&tr);
			forecast = figure(db, ana_trend, &a, &tr, &trend_err) ==
			           CBM_OK;
		}
		n = years->len;
		if (forecast && ana_cell(&tr, 0, 0)->i > last)
			n++; /* the forecast year is a category of its own */
	}
	if (rc == CBM_OK) {
		const char **cats = own(c, g_new0(const char *, n));
		double *v = doubles(c, n);
		for (guint i = 0; i < years->len; i++)
			cats[i] = year_text(c, g_array_index(years, int, i));
		for (size_t i = 0; i < done; i++)
			v[i] = g_array_index(rates, double, i);
		s[0] = (struct chart_series){
		    .name = rpt_label(p->lang, "collection.rate"), .values = v};
		c->chart.nseries = 1;
		if (forecast) {
			double *f = doubles(c, n), *lo = doubles(c, n),
			       *hi = doubles(c, n);
			size_t from = done - 1, to = n - 1;
			if (n > years->len)
				cats[to] = year_text(c, ana_cell(&tr, 0, 0)->i);
			/* The forecast line leaves from the last finished
			 * year; a rate cannot fall below nothing. */
			f[from] = lo[from] = hi[from] = v[from];
			f[to] = ana_cell(&tr, 0, 4)->d;
			lo[to] = MAX(0.0, ana_cell(&tr, 0, 5)->d);
			hi[to] = ana_cell(&tr, 0, 6)->d;
			s[1] = (struct chart_series){
			    .name = rpt_label(p->lang, "forecast"),
			    .values = f,
			    .lo = lo,
			    .hi = hi,
			    .band_name = rpt_label(p->lang, "interval95"),
			    .forecast = true};
			c->chart.nseries = 2;
			c->chart.subtitle =
			    text(c, rpt_labelf(p->lang, "collection.subtitle",
			                       cats[to]));
		} else {
			c->chart.subtitle =
			    rpt_label(p->lang, "collection.subtitle_short");
		}
		if (open) {
			double *so_far = doubles(c, n);
			so_far[done] = g_array_index(rates, double, done);
			s[c->chart.nseries++] = (struct chart_series){
			    .name =
			        text(c, rpt_labelf(p->lang, "collection.so_far",
			                           cats[done])),
			    .values = so_far};
		}
		c->chart.kind = CHART_LINE;
		c->chart.categories = cats;
		c->chart.ncat = n;
		c->chart.series = s;
		c->chart.format = CHART_FMT_PERCENT;
		c->chart.title = rpt_label(p->lang, "collection.title");
	}
	if (rc == CBM_OK)
		ana_table_release(&tr); /* initialised whenever rc is OK */
	g_array_free(years, TRUE);
	g_array_free(rates, TRUE);
	return rc;
}

/* ---- curve: one year's cumulative rate against earlier years ------------- */

/* The last day with a payment, for a year still in progress: the line
 * stops there instead of running flat to 31 December. */
static size_t last_paid_day(const struct ana_table *t)
{
	size_t last = 0;

	for (size_t r = 1; r < t->nrows; r++)
		if (ana_cell(t, r, 2)->i != ana_cell(t, r - 1, 2)->i)
			last = r;
	return last;
}

static enum cbm_status build_curve(struct rpt_chart *c, struct st_db *db,
                                   const struct rpt_chart_params *p,
                                   struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table t, latest;
	struct chart_series *s = own(c, g_new0(struct chart_series, 2));
	enum cbm_status rc;
	int year;
	bool in_progress;

	base_params(p, &a);
	a.from = a.to = 0;
	rc = figure(db, ana_curve, &a, &t, err);
	if (rc == CBM_OK && (t.nrows == 0 || !ana_cell(&t, 0, 3)->defined))
		rc = nothing(err, "that year has no approved budget");
	if (rc != CBM_OK) {
		ana_table_release(&t);
		return rc;
	}
	year = (int)ana_cell(&t, 0, 0)->i;
	/* In progress: the latest budget year, before its end. */
	a.year = 0;
	{
		struct cbm_error ignore = {0};
		in_progress =
		    figure(db, ana_curve, &a, &latest, &ignore) == CBM_OK &&
		    ana_cell(&latest, 0, 0)->i == year &&
		    ana_year_in_progress(db, year, &in_progress, &ignore) ==
		        CBM_OK &&
		    in_progress;
	}
	ana_table_release(&latest);
	{
		size_t n = t.nrows, stop = in_progress ? last_paid_day(&t) : n;
		double *v = doubles(c, n), *m = doubles(c, n),
		       *lo = doubles(c, n), *hi = doubles(c, n);
		for (size_t r = 0; r < n; r++) {
			if (r <= stop)
				v[r] = ana_cell(&t, r, 3)->d;
			if (ana_cell(&t, r, 4)->defined) {
				m[r] = ana_cell(&t, r, 4)->d;
				lo[r] = ana_cell(&t, r, 5)->d;
				hi[r] = ana_cell(&t, r, 6)->d;
			}
		}
		s[0] = (struct chart_series){.name = year_text(c, year),
		                             .values = v};
		s[1] = (struct chart_series){
		    .name = rpt_label(p->lang, "curve.mean"),
		    .values = m,
		    .lo = lo,
		    .hi = hi,
		    .band_name = rpt_label(p->lang, "curve.range")};
		c->chart.kind = CHART_CURVE;
		c->chart.ncat = n;
		c->chart.series = s;
		c->chart.nseries = ana_cell(&t, 0, 9)->i > 0 ? 2 : 1;
		c->chart.format = CHART_FMT_PERCENT;
		c->chart.diagonal_label = rpt_label(p->lang, "curve.even");
		c->chart.title = text(
		    c, rpt_labelf(p->lang, "curve.title", year_text(c, year)));
		c->chart.subtitle = rpt_label(p->lang, "curve.subtitle");
	}
	ana_table_release(&t);
	return CBM_OK;
}

/* ---- activity: areas x years, events held -------------------------------- */

static enum cbm_status build_activity(struct rpt_chart *c, struct st_db *db,
                                      const struct rpt_chart_params *p,
                                      struct cbm_error *err)
{
	struct ana_params a;
	struct ana_table t;
	GPtrArray *areas = g_ptr_array_new();
	enum cbm_status rc;
	int first = 9999, last = 0;

	base_params(p, &a);
	a.by = ANA_BY_AREA;
	rc = figure(db, ana_activity, &a, &t, err);
	if (rc == CBM_OK && t.nrows == 0)
		rc = nothing(err, "no plan events in those years");
	for (size_t r = 0; rc == CBM_OK && r < t.nrows; r++) {
		first = MIN(first, (int)ana_cell(&t, r, 0)->i);
		last = MAX(last, (int)ana_cell(&t, r, 0)->i);
		if (index_of(areas, ana_cell(&t, r, 1)->s) < 0)
			g_ptr_array_add(areas, (char *)ana_cell(&t, r, 1)->s);
	}
	if (rc == CBM_OK) {
		size_t ncat = (size_t)(last - first + 1);
		struct chart_series *s =
		    own(c, g_new0(struct chart_series, areas->len));
		const char **cats = own(c, g_new0(const char *, ncat));
		for (size_t i = 0; i < ncat; i++)
			cats[i] = year_text(c, first + (int)i);
		for (guint i = 0; i < areas->len; i++) {
			s[i].values = doubles(c, ncat);
			s[i].name = rpt_area_name(
			    c->names, g_ptr_array_index(areas, i), p->lang);
		}
		for (size_t r = 0; r < t.nrows; r++) {
			int i = index_of(areas, ana_cell(&t, r, 1)->s);
			int y = (int)ana_cell(&t, r, 0)->i;
			/* Nothing in the plan is a grey cell, not a 0: a 0
			 * says events were planned and none was held. */
			if (ana_cell(&t, r, 2)->i > 0)
				((double *)s[i].values)[y - first] =
				    (double)ana_cell(&t, r, 3)->i;
		}
		c->chart.kind = CHART_HEATMAP;
		c->chart.categories = cats;
		c->chart.ncat = ncat;
		c->chart.series = s;
		c->chart.nseries = areas->len;
		c->chart.format = CHART_FMT_NUMBER;
		c->chart.title = rpt_label(p->lang, "activity.title");
		c->chart.subtitle = rpt_label(p->lang, "activity.subtitle");
		c->chart.x_title = rpt_label(p->lang, "year");
	}
	g_ptr_array_free(areas, TRUE);
	ana_table_release(&t);
	return rc;
}

/* ---- open / close -------------------------------------------------------- */

enum cbm_status rpt_chart_open(struct rpt_chart **out, struct st_db *db,
                               enum rpt_chart_kind kind,
                               const struct rpt_chart_params *p,
                               struct cbm_error *err)
{
	typedef enum cbm_status (*builder)(struct rpt_chart *, struct st_db *,
	                                   const struct rpt_chart_params *,
	                                   struct cbm_error *);
	static const builder builders[RPT_CHART_KIND_COUNT] = {
	    build_contributions, build_history,  build_collection,
	    build_curve,         build_activity,
	};
	struct rpt_chart *c = g_new0(struct rpt_chart, 1);
	enum cbm_status rc;

	c->owned = g_ptr_array_new_with_free_func(g_free);
	c->chart.lang = p->lang;
	rc = rpt_names_open(&c->names, db, err);
	if (rc == CBM_OK)
		rc = builders[kind](c, db, p, err);
	if (rc != CBM_OK) {
		rpt_chart_close(c);
		c = NULL;
	}
	*out = c;
	return rc;
}

void rpt_chart_close(struct rpt_chart *chart)
{
	if (!chart)
		return;
	g_ptr_array_free(chart->owned, TRUE);
	rpt_names_close(chart->names);
	g_free(chart);
}

const struct chart *rpt_chart_get(const struct rpt_chart *chart)
{
	return &chart->chart;
}
