/*
 * lines.c - lines over categories (CHART_LINE, with markers) and the
 * cumulative curve over the days of a year (CHART_CURVE, without).
 *
 * Painting order: bands under everything, then the even-pace diagonal, the
 * zero line, the lines and last the markers, so that no band hides a line.
 * A band is drawn over each run of categories where both bounds are known;
 * a run of one category (a forecast year) becomes an interval box.  A
 * forecast is dashed with hollow markers and its band hatched and lighter.
 */
#include <math.h>

#include "chartint.h"

static const char *const months[3][12] = {
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
     "Nov", "Dec"},
    {"янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт",
     "ноя", "дек"},
    {"қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз",
     "қар", "жел"},
};

const char *chart_month_abbrev(enum cbm_lang lang, int m)
{
	return months[(unsigned)lang % 3][m % 12];
}

int chart_month_start(int m, bool leap)
{
	static const int start[13] = {1,   32,  60,  91,  121, 152, 182,
	                              213, 244, 274, 305, 335, 366};

	return start[m] + (leap && m >= 2 ? 1 : 0);
}

static double point_x(const struct ctx *x, const struct layout *L, size_t i)
{
	if (x->m->kind == CHART_CURVE)
		return L->plot.x + L->plot.w * (double)i / (x->m->ncat - 1);
	return L->plot.x + (i + 0.5) * L->plot.w / x->m->ncat;
}

/* Where the mark of a lone point goes (an interval box, a forecast's
 * marker): at its place, but inside the plot, so that a forecast for
 * 31 December on a curve does not stand half outside it. */
static double mark_x(const struct ctx *x, const struct layout *L, size_t i)
{
	double cx = point_x(x, L, i), half = 0.6 * x->fs;

	if (x->m->kind != CHART_CURVE || L->plot.w <= 2 * half)
		return cx;
	return fmax(L->plot.x + half, fmin(cx, L->plot.x + L->plot.w - half));
}

static bool has_band(const struct mseries *s, size_t i)
{
	return s->lo && !isnan(s->lo[i]) && !isnan(s->hi[i]);
}

static void interval_box(const struct ctx *x, const struct layout *L,
                         const struct mseries *s, size_t i)
{
	double cx = mark_x(x, L, i), half = 0.6 * x->fs;
	double y0 = chart_value_y(L, s->lo[i]), y1 = chart_value_y(L, s->hi[i]);

	if (x->m->kind == CHART_LINE)
		half = fmin(half, 0.3 * L->plot.w / x->m->ncat);
	cairo_rectangle(x->cr, cx - half, fmin(y0, y1), 2 * half,
	                fabs(y1 - y0));
	chart_fill_band(x->cr, s->rgb, s->forecast, x->fs);
	chart_set_color_alpha(x->cr, s->rgb, 0.7);
	cairo_set_line_width(x->cr, 0.06 * x->fs);
	cairo_stroke(x->cr);
}

static void band_run(const struct ctx *x, const struct layout *L,
                     const struct mseries *s, size_t from, size_t to)
{
	cairo_t *cr = x->cr;

	if (from == to) {
		interval_box(x, L, s, from);
		return;
	}
	for (size_t i = from; i <= to; i++)
		cairo_line_to(cr, point_x(x, L, i), chart_value_y(L, s->hi[i]));
	for (size_t i = to + 1; i-- > from;)
		cairo_line_to(cr, point_x(x, L, i), chart_value_y(L, s->lo[i]));
	cairo_close_path(cr);
	chart_fill_band(cr, s->rgb, s->forecast, x->fs);
	cairo_new_path(cr);
}

static void draw_band(const struct ctx *x, const struct layout *L,
                      const struct mseries *s)
{
	size_t n = x->m->ncat;

	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		if (!has_band(s, i))
			continue;
		while (j + 1 < n && has_band(s, j + 1))
			j++;
		band_run(x, L, s, i, j);
		i = j;
	}
}

static void marker(const struct ctx *x, const struct layout *L,
                   const struct mseries *s, size_t i)
{
	double cx = s->forecast ? mark_x(x, L, i) : point_x(x, L, i);

	chart_draw_marker(x->cr, s->rgb, s->forecast, cx,
	                  chart_value_y(L, s->v[i]), x->fs);
}

static bool isolated(const struct mseries *s, size_t i, size_t n)
{
	return (i == 0 || isnan(s->v[i - 1])) &&
	       (i + 1 == n || isnan(s->v[i + 1]));
}

static void draw_line(const struct ctx *x, const struct layout *L,
                      const struct mseries *s)
{
	cairo_t *cr = x->cr;
	double dash[] = {0.6 * x->fs, 0.35 * x->fs};

	cairo_new_path(cr);
	for (size_t i = 0; i < x->m->ncat; i++) {
		if (isnan(s->v[i])) {
			cairo_new_sub_path(cr);
			continue;
		}
		cairo_line_to(cr, point_x(x, L, i), chart_value_y(L, s->v[i]));
	}
	cairo_save(cr);
	if (s->forecast)
		cairo_set_dash(cr, dash, 2, 0);
	chart_set_color(cr, s->rgb);
	cairo_set_line_width(cr, 0.16 * x->fs);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void draw_markers(const struct ctx *x, const struct layout *L,
                         const struct mseries *s)
{
	size_t n = x->m->ncat;

	for (size_t i = 0; i < n; i++)
		if (!isnan(s->v[i]) &&
		    (x->m->kind == CHART_LINE || isolated(s, i, n)))
			marker(x, L, s, i);
}

static void draw_diagonal(const struct ctx *x, const struct layout *L)
{
	size_t n = x->m->ncat;

	cairo_move_to(x->cr, point_x(x, L, 0), chart_value_y(L, 1.0 / n));
	cairo_line_to(x->cr, point_x(x, L, n - 1), chart_value_y(L, 1.0));
	chart_set_color(x->cr, chart_color_diagonal);
	cairo_set_line_width(x->cr, 0.1 * x->fs);
	cairo_stroke(x->cr);
}

void chart_draw_lines(const struct ctx *x, const struct layout *L)
{
	const struct model *m = x->m;
	double r = 0.5 * x->fs;

	chart_draw_vertical_axes(x, L);
	cairo_save(x->cr);
	cairo_rectangle(x->cr, L->plot.x - r, L->plot.y - r, L->plot.w + 2 * r,
	                L->plot.h + 2 * r);
	cairo_clip(x->cr);
	for (size_t i = 0; i < m->nser; i++)
		draw_band(x, L, &m->ser[i]);
	if (m->kind == CHART_CURVE && m->diagonal)
		draw_diagonal(x, L);
	chart_draw_baseline(x, L);
	for (size_t i = 0; i < m->nser; i++)
		draw_line(x, L, &m->ser[i]);
	for (size_t i = 0; i < m->nser; i++)
		draw_markers(x, L, &m->ser[i]);
	cairo_restore(x->cr);
}
