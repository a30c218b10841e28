/*
 * bars.c - horizontal bars (one series, sorted, labelled at the bar ends)
 * and vertical bars, grouped or stacked.
 *
 * A value label goes just after its bar end when it fits before the right
 * edge of the chart, else inside the bar end in a colour that contrasts
 * with the bar, else (a short bar and no room) it is left out rather than
 * drawn over something else.
 */
#include <math.h>

#include "chartint.h"

/* Widest vertical bar, in em: a lone bar is a bar, not a wall. */
#define MAX_BAR 5.0

/* Where value V lies on the plot of a horizontal value axis (CHART_HBAR). */
static double value_x(const struct layout *L, double v)
{
	return L->plot.x + L->plot.w * chart_vaxis_frac(&L->val, v);
}

/* Ticks along the bottom of horizontal bars, thinned until their labels
 * leave 1.5 em between them. */
static void hbar_ticks(const struct ctx *x, struct layout *L)
{
	const struct model *m = x->m;
	int max = 8;

	for (;;) {
		chart_vaxis_set(x, &L->val, m->vmin, m->vmax, max, m->integral,
		                SIZE_TICK * x->fs);
		if (max <= 2 || L->val.count <= 2)
			break;
		if (L->plot.w / (L->val.count - 1) >=
		    L->val.label_w + 1.5 * x->fs)
			break;
		max = L->val.count - 1;
	}
}

static void hbar_value_label(const struct ctx *x, struct layout *L, size_t pos,
                             double right_limit)
{
	const struct model *m = x->m;
	double v = m->ser[0].v[m->order[pos]], w, x0, x1, room;
	struct hbar_label *hl = &L->vlab[pos];
	char buf[64];

	chart_format_value(buf, sizeof(buf), v, m->format, m->decimals,
	                   m->lang);
	hl->lay = chart_text_new(x, buf, L->rows.size, false);
	w = chart_text_width(hl->lay);
	x0 = value_x(L, 0);
	x1 = value_x(L, isnan(v) ? 0 : v);
	room = v < 0 ? x1 - L->plot.x : right_limit - x1;
	if (room >= w + 0.4 * x->fs)
		return;
	if (fabs(x1 - x0) >= w + 0.8 * x->fs) {
		hl->inside = true;
		return;
	}
	g_object_unref(hl->lay);
	hl->lay = NULL;
}

enum cbm_status chart_layout_hbar(const struct ctx *x, struct layout *L,
                                  struct cbm_error *err)
{
	const struct model *m = x->m;
	struct rect b = L->fr.body;
	double tick_h = chart_text_line_height(x, SIZE_TICK * x->fs);
	double col_w, left, inset = 0.5 * x->fs, xt_h;

	chart_titles_layout(x, L);
	xt_h = L->xt ? L->xt_r.h + x->gap : 0;
	col_w = fmin(
	    chart_labels_max_width(x, m->cats, m->ncat, SIZE_LABEL * x->fs),
	    0.35 * b.w);
	left = b.x + (L->yt ? L->yt_r.w + x->gap : 0) + col_w + x->gap;
	L->plot = (struct rect){left, b.y, 0, b.h - xt_h - 1.4 * tick_h};
	for (int pass = 0; pass < 4; pass++) {
		double need;

		L->plot.w = b.x + b.w - inset - left;
		hbar_ticks(x, L);
		need = chart_text_width(L->val.lay[L->val.count - 1]) / 2;
		if (need <= inset + 0.5)
			break;
		inset = need;
	}
	if (L->plot.w < 3 * x->fs || L->plot.h < 1.5 * x->fs)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: the rectangle is too small to "
		                 "draw it",
		                 m->name);
	L->cat_top = L->plot.y + L->plot.h + 0.4 * tick_h;
	chart_rowlab_layout(x, &L->rows, m->cats, m->order, m->ncat, col_w,
	                    L->plot.h / m->ncat, 2);
	L->vlab = g_new0(struct hbar_label, m->ncat);
	L->nvlab = m->ncat;
	for (size_t pos = 0; pos < m->ncat; pos += L->rows.every)
		hbar_value_label(x, L, pos, b.x + b.w);
	return CBM_OK;
}

static void hbar_axis(const struct ctx *x, const struct layout *L)
{
	cairo_t *cr = x->cr;

	for (int i = 0; i < L->val.count; i++) {
		double px = value_x(L, chart_vaxis_tick(&L->val, i));

		cairo_move_to(cr, px, L->plot.y);
		cairo_line_to(cr, px, L->plot.y + L->plot.h);
	}
	chart_stroke_grid(x);
	for (int i = 0; i < L->val.count; i++) {
		double px = value_x(L, chart_vaxis_tick(&L->val, i));
		double w = chart_text_width(L->val.lay[i]);

		chart_text_draw(cr, L->val.lay[i], px - w / 2, L->cat_top,
		                chart_color_text);
	}
}

static void hbar_label_draw(const struct ctx *x, const struct layout *L,
                            size_t pos, double y, double row_h)
{
	const struct hbar_label *hl = &L->vlab[pos];
	double v = x->m->ser[0].v[x->m->order[pos]], w, h, x1, tx;
	bool left = v < 0;

	if (!hl->lay)
		return;
	chart_text_size(hl->lay, &w, &h);
	x1 = value_x(L, isnan(v) ? 0 : v);
	if (hl->inside)
		left = !left;
	tx = left ? x1 - 0.4 * x->fs - w : x1 + 0.4 * x->fs;
	chart_text_draw(x->cr, hl->lay, tx, y + (row_h - h) / 2,
	                hl->inside ? chart_text_on(x->m->ser[0].rgb)
	                           : chart_color_text);
}

void chart_draw_hbar(const struct ctx *x, const struct layout *L)
{
	const struct model *m = x->m;
	double row_h = L->plot.h / m->ncat, x0 = value_x(L, 0);

	hbar_axis(x, L);
	for (size_t pos = 0; pos < m->ncat; pos++) {
		double v = m->ser[0].v[m->order[pos]];
		double y = L->plot.y + pos * row_h;

		chart_rowlab_draw(x, &L->rows, pos, L->plot.x - x->gap, y,
		                  row_h);
		if (!isnan(v)) {
			cairo_rectangle(x->cr, fmin(x0, value_x(L, v)),
			                y + 0.15 * row_h,
			                fabs(value_x(L, v) - x0), 0.7 * row_h);
			chart_set_color(x->cr, m->ser[0].rgb);
			cairo_fill(x->cr);
		}
		hbar_label_draw(x, L, pos, y, row_h);
	}
	cairo_move_to(x->cr, x0, L->plot.y);
	cairo_line_to(x->cr, x0, L->plot.y + L->plot.h);
	chart_set_color(x->cr, chart_color_axis);
	cairo_set_line_width(x->cr, 0.08 * x->fs);
	cairo_stroke(x->cr);
}

static void bar(cairo_t *cr, const struct layout *L, double x0, double w,
                double from, double to, struct chart_rgb c)
{
	double y0 = chart_value_y(L, from), y1 = chart_value_y(L, to);

	cairo_rectangle(cr, x0, fmin(y0, y1), w, fabs(y1 - y0));
	chart_set_color(cr, c);
	cairo_fill(cr);
}

void chart_draw_grouped(const struct ctx *x, const struct layout *L)
{
	const struct model *m = x->m;
	double slot = L->plot.w / m->ncat;
	double bw = fmin(0.8 * slot / m->nser, MAX_BAR * x->fs);
	double inner = bw > 0.3 * x->fs ? 0.12 * bw : 0;
	double margin = (slot - bw * m->nser) / 2;

	chart_draw_vertical_axes(x, L);
	for (size_t j = 0; j < m->ncat; j++) {
		for (size_t i = 0; i < m->nser; i++) {
			double v = m->ser[i].v[j];
			double x0 = L->plot.x + j * slot + margin + i * bw;

			if (!isnan(v))
				bar(x->cr, L, x0 + inner / 2, bw - inner, 0, v,
				    m->ser[i].rgb);
		}
	}
	chart_draw_baseline(x, L);
}

void chart_draw_stacked(const struct ctx *x, const struct layout *L)
{
	const struct model *m = x->m;
	double slot = L->plot.w / m->ncat;
	double bw = fmin(0.7 * slot, MAX_BAR * x->fs);

	chart_draw_vertical_axes(x, L);
	for (size_t j = 0; j < m->ncat; j++) {
		double up = 0, down = 0;
		double x0 = L->plot.x + j * slot + (slot - bw) / 2;

		for (size_t i = 0; i < m->nser; i++) {
			double v = m->ser[i].v[j], *base = v < 0 ? &down : &up;

			if (isnan(v) || v == 0)
				continue;
			bar(x->cr, L, x0, bw, *base, *base + v, m->ser[i].rgb);
			/* a hairline of white between segments */
			cairo_move_to(x->cr, x0, chart_value_y(L, *base + v));
			cairo_rel_line_to(x->cr, bw, 0);
			*base += v;
		}
	}
	chart_set_color(x->cr, chart_color_white);
	cairo_set_line_width(x->cr, fmin(0.06 * x->fs, 0.04 * slot));
	cairo_stroke(x->cr);
	chart_draw_baseline(x, L);
}
