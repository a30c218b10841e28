/*
 * calendar.c - a year's calendar: the months across, one row per category
 * (priority areas, with long names wrapped in a column at most 38 % of the
 * chart wide), and each mark a bar from the start of its first day to the
 * end of its last, coloured by its class, with the legend below.
 *
 * Invariants:
 *  - Day d of the year spans [plot_x + (d - 1) * w / days, plot_x + d * w
 *    / days), days being 365 or 366; a mark shorter than 0.6 em (a day
 *    or two) is widened to that around its middle, but never past the
 *    months it lies in, so a mark always lies within its months.
 *  - Marks of one row that would touch or overlap go into separate lanes,
 *    stacked within the row (first come, first lane), so none hides
 *    another.
 */
#include <math.h>
#include <stdlib.h>

#include "chartint.h"

#define MIN_MARK 0.6 /* em: the narrowest mark (a one-day event) */

static bool leap_year(int year)
{
	return g_date_is_leap_year((GDateYear)year);
}

static int days_in(int year)
{
	return leap_year(year) ? 366 : 365;
}

/* The month (0..11) of day D of the year. */
static int month_of(int d, bool leap)
{
	int m = 0;

	while (m < 11 && chart_month_start(m + 1, leap) <= d)
		m++;
	return m;
}

/* Left and right edge of mark K on the plot. */
static void mark_x(const struct ctx *x, const struct layout *L,
                   const struct chart_mark *k, double *x0, double *x1)
{
	bool leap = leap_year(x->m->year);
	double per = L->plot.w / days_in(x->m->year), min = MIN_MARK * x->fs;
	double a = L->plot.x + (k->first - 1) * per,
	       b = L->plot.x + k->last * per;

	if (b - a < min) {
		double lo =
		    L->plot.x +
		    (chart_month_start(month_of(k->first, leap), leap) - 1) *
		        per;
		double hi =
		    L->plot.x +
		    (chart_month_start(month_of(k->last, leap) + 1, leap) - 1) *
		        per;
		double mid = (a + b) / 2;

		b = fmin(hi, fmax(mid, lo + min / 2) + min / 2);
		a = fmax(lo, b - min);
	}
	*x0 = a;
	*x1 = b;
}

struct by_start {
	double x0;
	size_t index;
};

static int cmp_start(const void *a, const void *b)
{
	const struct by_start *p = a, *q = b;

	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return (p->index > q->index) - (p->index < q->index);
}

/* Puts each mark into the first lane of its row whose last mark ends
 * a gap before it starts; counts each row's lanes. */
static void assign_lanes(const struct ctx *x, struct layout *L)
{
	const struct model *m = x->m;
	struct by_start *o = g_new(struct by_start, m->nmarks + 1);
	GArray *ends = g_array_new(FALSE, FALSE, sizeof(double));
	double gap = 0.15 * x->fs, x1;

	L->lane = g_new0(size_t, m->nmarks + 1);
	L->lanes = g_new0(size_t, m->ncat);
	for (size_t r = 0; r < m->ncat; r++) {
		size_t n = 0;

		for (size_t i = 0; i < m->nmarks; i++) {
			if (m->marks[i].row != r)
				continue;
			mark_x(x, L, &m->marks[i], &o[n].x0, &x1);
			o[n++].index = i;
		}
		qsort(o, n, sizeof(*o), cmp_start);
		g_array_set_size(ends, 0);
		for (size_t j = 0; j < n; j++) {
			size_t lane = 0;
			double x0;

			mark_x(x, L, &m->marks[o[j].index], &x0, &x1);
			while (lane < ends->len &&
			       g_array_index(ends, double, lane) + gap > x0)
				lane++;
			if (lane == ends->len)
				g_array_append_val(ends, x1);
			g_array_index(ends, double, lane) = x1;
			L->lane[o[j].index] = lane;
		}
		L->lanes[r] = ends->len;
	}
	g_array_free(ends, TRUE);
	g_free(o);
}

enum cbm_status chart_layout_calendar(const struct ctx *x, struct layout *L,
                                      struct cbm_error *err)
{
	const struct model *m = x->m;
	struct rect b = L->fr.body;
	double tick_h = chart_text_line_height(x, SIZE_TICK * x->fs);
	double col_w, xt_h, month_h;

	chart_titles_layout(x, L);
	xt_h = L->xt ? L->xt_r.h + x->gap : 0;
	col_w = chart_row_column(x, L, m->cats, m->ncat);
	L->plot.w = b.x + b.w - 0.3 * x->fs - L->plot.x;
	month_h = chart_months_layout(x, L, L->plot.w * 28 / days_in(m->year));
	L->plot.h = b.h - 0.4 * tick_h - month_h - xt_h;
	if (L->plot.w < 6 * x->fs || L->plot.h < 1.5 * x->fs)
		return chart_too_small(x, err);
	L->cat_top = L->plot.y + L->plot.h + 0.4 * tick_h;
	L->xt_r.y = L->cat_top + month_h + x->gap;
	chart_rowlab_layout(x, &L->rows, m->cats, NULL, m->ncat, col_w,
	                    L->plot.h / m->ncat, 3);
	assign_lanes(x, L);
	return CBM_OK;
}

/* Light bands on every second row, and the frame of the plot. */
static void draw_rows(const struct ctx *x, const struct layout *L, double rh)
{
	cairo_t *cr = x->cr;

	for (size_t r = 1; r < x->m->ncat; r += 2)
		cairo_rectangle(cr, L->plot.x, L->plot.y + r * rh, L->plot.w,
		                rh);
	chart_set_color_alpha(cr, chart_color_missing, 0.7);
	cairo_fill(cr);
	cairo_rectangle(cr, L->plot.x, L->plot.y, L->plot.w, L->plot.h);
	chart_stroke_grid(x);
}

static void draw_mark(const struct ctx *x, const struct layout *L, size_t i,
                      double rh)
{
	const struct chart_mark *k = &x->m->marks[i];
	size_t lanes = L->lanes[k->row];
	double band = 0.8 * rh / (double)lanes;
	double h = fmin(0.85 * band, 1.3 * x->fs), x0, x1;
	double top = L->plot.y + k->row * rh + 0.1 * rh + L->lane[i] * band +
	             (band - h) / 2;

	mark_x(x, L, k, &x0, &x1);
	cairo_rectangle(x->cr, x0, top, x1 - x0, h);
	chart_set_color(x->cr, x->m->ser[k->cls].rgb);
	cairo_fill(x->cr);
}

void chart_draw_calendar(const struct ctx *x, const struct layout *L)
{
	const struct model *m = x->m;
	double rh = L->plot.h / m->ncat;

	draw_rows(x, L, rh);
	chart_months_draw(x, L, leap_year(m->year),
	                  L->plot.w / days_in(m->year));
	for (size_t r = 0; r < m->ncat; r++)
		chart_rowlab_draw(x, &L->rows, r, L->plot.x - x->gap,
		                  L->plot.y + r * rh, rh);
	for (size_t i = 0; i < m->nmarks; i++)
		draw_mark(x, L, i, rh);
}
