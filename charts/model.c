/*
 * model.c - from the caller's struct chart to the model the layout and the
 * drawing read.  Everything is copied, so the caller's arrays are not
 * touched after chart_model_build() returns; strings are repaired
 * (chart_text_clean), infinities become NAN, top-N sums the smaller series into
 * "others", and the categories of horizontal bars are put in descending order.
 *
 * A description that cannot be drawn is a usage error whose message names
 * the chart by its title, since a report draws many of them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chartint.h"

static const char *const kind_names[] = {
    "horizontal bars", "grouped bars", "stacked bars", "lines",
    "curve",           "heat map",     "calendar",
};

/* "'Title'" or "(kind)", for messages. */
static char *chart_name(const struct chart *c)
{
	char *clean, *name;

	if (!c->title || !*c->title)
		return g_strdup_printf("(%s)",
		                       (unsigned)c->kind <= CHART_CALENDAR
		                           ? kind_names[c->kind]
		                           : "untitled");
	clean = chart_text_clean(c->title);
	if (g_utf8_strlen(clean, -1) > 60) {
		char *cut = g_utf8_substring(clean, 0, 60);
		name = g_strdup_printf("'%s\xe2\x80\xa6'", cut);
		g_free(cut);
	} else {
		name = g_strdup_printf("'%s'", clean);
	}
	g_free(clean);
	return name;
}

static char *clean_or_null(const char *s)
{
	return s && *s ? chart_text_clean(s) : NULL;
}

static double *copy_values(const double *v, size_t n)
{
	double *out;

	if (!v)
		return NULL;
	out = g_new(double, n);
	for (size_t i = 0; i < n; i++)
		out[i] = isfinite(v[i]) ? v[i] : NAN;
	return out;
}

static enum cbm_status check_series(const struct chart *c, const char *name,
                                    struct cbm_error *err)
{
	for (size_t i = 0; i < c->nseries; i++) {
		const struct chart_series *s = &c->series[i];

		if (!s->values && c->kind != CHART_CALENDAR)
			return CBM_ERROR(err, CBM_EUSAGE, NULL,
			                 "chart %s: series %zu has no values",
			                 name, i + 1);
		if (!s->lo != !s->hi)
			return CBM_ERROR(err, CBM_EUSAGE, NULL,
			                 "chart %s: series %zu has only one "
			                 "bound of its band",
			                 name, i + 1);
	}
	return CBM_OK;
}

static enum cbm_status check_shape(const struct chart *c, const char *name,
                                   struct cbm_error *err)
{
	if ((unsigned)c->kind > CHART_CALENDAR)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: unknown kind %d", name,
		                 (int)c->kind);
	if (!c->series || c->nseries == 0)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: no series to draw", name);
	if (c->ncat == 0 || c->ncat > CHART_MAX_CATEGORIES)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: %zu categories, expected 1 to %d",
		                 name, c->ncat, CHART_MAX_CATEGORIES);
	if (c->kind != CHART_CURVE && !c->categories)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: no category labels", name);
	if (c->kind == CHART_CURVE && (c->ncat < 2 || c->ncat > 366))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: a curve has 2 to 366 days, not %zu",
		                 name, c->ncat);
	if (c->kind == CHART_HBAR && c->nseries != 1)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: horizontal bars take one series, "
		                 "not %zu",
		                 name, c->nseries);
	if (c->kind == CHART_HEATMAP && c->nseries > CHART_MAX_HEAT_ROWS)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: %zu rows, at most %d", name,
		                 c->nseries, CHART_MAX_HEAT_ROWS);
	if (c->kind == CHART_CALENDAR && c->ncat > CHART_MAX_HEAT_ROWS)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: %zu rows, at most %d", name,
		                 c->ncat, CHART_MAX_HEAT_ROWS);
	return check_series(c, name, err);
}

/* CHART_CALENDAR: every mark in a row and a class that exist, its days
 * within the year. */
static enum cbm_status check_marks(const struct chart *c, const char *name,
                                   struct cbm_error *err)
{
	int days = g_date_is_leap_year((GDateYear)c->year) ? 366 : 365;

	if (c->year < 1 || c->year > 9999)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: a calendar needs a year, not %d",
		                 name, c->year);
	if (c->nmarks > CHART_MAX_MARKS || (c->nmarks && !c->marks))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: %zu marks, at most %d", name,
		                 c->nmarks, CHART_MAX_MARKS);
	for (size_t i = 0; i < c->nmarks; i++) {
		const struct chart_mark *k = &c->marks[i];

		if (k->row >= c->ncat || k->cls >= c->nseries || k->first < 1 ||
		    k->first > k->last || k->last > days)
			return CBM_ERROR(err, CBM_EUSAGE, NULL,
			                 "chart %s: mark %zu (row %zu, class "
			                 "%zu, days %d to %d) is not in the "
			                 "calendar",
			                 name, i + 1, k->row, k->cls, k->first,
			                 k->last);
	}
	return CBM_OK;
}

static void copy_series(const struct chart *c, const struct chart_series *s,
                        struct mseries *out, size_t color)
{
	/* Heat-map rows always have a label, if only an empty one. */
	out->name = c->kind == CHART_HEATMAP
	                ? chart_text_clean(s->name ? s->name : "")
	                : clean_or_null(s->name);
	out->band_name = clean_or_null(s->band_name);
	out->v = copy_values(s->values, c->ncat);
	out->lo = copy_values(s->lo, c->ncat);
	out->hi = copy_values(s->hi, c->ncat);
	out->forecast = s->forecast;
	out->rgb = chart_palette(s->color > 0 ? (size_t)(s->color - 1) : color);
}

/* The series ORDER[from..n-1] summed per category: missing counts as 0
 * unless every one of them is missing there. */
static void sum_others(const struct chart *c, const size_t *order, size_t from,
                       struct mseries *out)
{
	out->name = clean_or_null(c->others_label);
	out->v = g_new(double, c->ncat);
	out->rgb = chart_palette_others();
	for (size_t j = 0; j < c->ncat; j++) {
		double sum = 0;
		bool any = false;

		for (size_t k = from; k < c->nseries; k++) {
			double v = c->series[order[k]].values[j];
			if (isfinite(v)) {
				sum += v;
				any = true;
			}
		}
		out->v[j] = any ? sum : NAN;
	}
}

static bool ranks_series(enum chart_kind kind)
{
	return kind == CHART_GROUPED || kind == CHART_STACKED ||
	       kind == CHART_LINE;
}

static enum cbm_status build_series(const struct chart *c, struct model *m,
                                    struct cbm_error *err)
{
	size_t n = c->nseries, keep = n;
	size_t *order = g_new(size_t, n);
	enum cbm_status st = CBM_OK;

	for (size_t i = 0; i < n; i++)
		order[i] = i;
	if (c->top_n > 0 && ranks_series(c->kind)) {
		chart_rank_series(c->series, n, c->ncat, order);
		if (n > c->top_n + 1)
			keep = c->top_n;
	}
	if (keep < n && (!c->others_label || !*c->others_label)) {
		st = CBM_ERROR(err, CBM_EUSAGE, NULL,
		               "chart %s: top %zu needs a label for the others",
		               m->name, c->top_n);
		goto out;
	}
	m->nser = keep + (keep < n);
	if (c->kind != CHART_HEATMAP && m->nser > CHART_MAX_SERIES) {
		st = CBM_ERROR(err, CBM_EUSAGE, NULL,
		               "chart %s: %zu series are more than the %d "
		               "colours that can be told apart; set top_n to "
		               "%d or fewer",
		               m->name, m->nser, CHART_MAX_SERIES,
		               CHART_MAX_SERIES - 1);
		goto out;
	}
	m->ser = g_new0(struct mseries, m->nser);
	for (size_t k = 0; k < keep; k++)
		copy_series(c, &c->series[order[k]], &m->ser[k], k);
	if (keep < n)
		sum_others(c, order, keep, &m->ser[keep]);
out:
	g_free(order);
	return st;
}

/* A key to sort indices by, largest first, missing last, ties in index
 * order: qsort is not stable, the index makes the order total. */
struct keyed {
	double key;
	size_t index;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int xn = isnan(x->key) != 0, yn = isnan(y->key) != 0;

	if (xn != yn)
		return xn - yn;
	if (!xn && x->key != y->key)
		return x->key < y->key ? 1 : -1;
	return (x->index > y->index) - (x->index < y->index);
}

/* Fills ORDER with 0..N-1 sorted by KEY descending. */
static void sort_desc(const double *key, size_t n, size_t *order)
{
	struct keyed *k = g_new(struct keyed, n ? n : 1);

	for (size_t i = 0; i < n; i++)
		k[i] = (struct keyed){key[i], i};
	qsort(k, n, sizeof(*k), cmp_keyed);
	for (size_t i = 0; i < n; i++)
		order[i] = k[i].index;
	g_free(k);
}

static void build_order(struct model *m)
{
	m->order = g_new(size_t, m->ncat);
	for (size_t i = 0; i < m->ncat; i++)
		m->order[i] = i;
	if (m->kind == CHART_HBAR)
		sort_desc(m->ser[0].v, m->ncat, m->order);
}

static void widen(struct model *m, double v)
{
	if (isnan(v))
		return;
	m->vmin = fmin(m->vmin, v);
	m->vmax = fmax(m->vmax, v);
	if (v != floor(v))
		m->integral = false;
}

static bool has_bands(enum chart_kind kind)
{
	return kind == CHART_LINE || kind == CHART_CURVE;
}

static void build_range(struct model *m)
{
	m->vmin = m->vmax = 0;
	m->integral = m->format == CHART_FMT_NUMBER;
	for (size_t j = 0; j < m->ncat; j++) {
		double up = 0, down = 0;

		for (size_t i = 0; i < m->nser; i++) {
			const struct mseries *s = &m->ser[i];

			widen(m, s->v[j]);
			if (s->lo && has_bands(m->kind)) {
				widen(m, s->lo[j]);
				widen(m, s->hi[j]);
			}
			if (!isnan(s->v[j]))
				*(s->v[j] > 0 ? &up : &down) += s->v[j];
		}
		if (m->kind == CHART_STACKED) {
			widen(m, up);
			widen(m, down);
		}
	}
	if (m->kind == CHART_CURVE && m->diagonal)
		widen(m, 1.0);
}

static void build_text(const struct chart *c, struct model *m)
{
	m->title = clean_or_null(c->title);
	m->subtitle = clean_or_null(c->subtitle);
	m->x_title = clean_or_null(c->x_title);
	m->y_title = clean_or_null(c->y_title);
	m->source = clean_or_null(c->source);
	m->diagonal =
	    c->kind == CHART_CURVE ? clean_or_null(c->diagonal_label) : NULL;
	m->cats = g_new0(char *, m->ncat);
	for (size_t i = 0; i < m->ncat; i++)
		m->cats[i] = c->kind == CHART_CURVE || !c->categories[i]
		                 ? g_strdup("")
		                 : chart_text_clean(c->categories[i]);
}

enum cbm_status chart_model_build(const struct chart *c, struct model *m,
                                  struct cbm_error *err)
{
	enum cbm_status st;

	memset(m, 0, sizeof(*m));
	m->kind = (unsigned)c->kind <= CHART_CALENDAR ? c->kind : CHART_HBAR;
	m->name = chart_name(c);
	st = check_shape(c, m->name, err);
	if (st != CBM_OK)
		return st;
	m->ncat = c->ncat;
	m->format = (unsigned)c->format <= CHART_FMT_PERCENT ? c->format
	                                                     : CHART_FMT_NUMBER;
	m->decimals = c->decimals;
	m->lang = (unsigned)c->lang <= CBM_LANG_KK ? c->lang : CBM_LANG_EN;
	m->legend = !c->hide_legend;
	if (c->kind == CHART_CALENDAR)
		st = check_marks(c, m->name, err);
	if (st == CBM_OK)
		st = build_series(c, m, err);
	if (st != CBM_OK)
		return st;
	build_text(c, m);
	build_order(m);
	if (c->kind == CHART_CALENDAR) {
		m->year = c->year;
		m->nmarks = c->nmarks;
		m->marks = g_memdup2(c->marks, sizeof(*c->marks) * c->nmarks);
	} else {
		build_range(m);
	}
	return CBM_OK;
}

void chart_model_free(struct model *m)
{
	char **texts[] = {&m->title,  &m->subtitle, &m->x_title, &m->y_title,
	                  &m->source, &m->diagonal, &m->name};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		g_free(*texts[i]);
		*texts[i] = NULL;
	}
	for (size_t i = 0; m->cats && i < m->ncat; i++)
		g_free(m->cats[i]);
	g_free(m->cats);
	for (size_t i = 0; m->ser && i < m->nser; i++) {
		g_free(m->ser[i].name);
		g_free(m->ser[i].band_name);
		g_free(m->ser[i].v);
		g_free(m->ser[i].lo);
		g_free(m->ser[i].hi);
	}
	g_free(m->ser);
	g_free(m->order);
	g_free(m->marks);
	memset(m, 0, sizeof(*m));
}

void chart_rank_series(const struct chart_series *series, size_t n, size_t ncat,
                       size_t *order)
{
	double *total = g_new0(double, n ? n : 1);

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; series[i].values && j < ncat; j++)
			if (isfinite(series[i].values[j]))
				total[i] += series[i].values[j];
	sort_desc(total, n, order);
	g_free(total);
}
