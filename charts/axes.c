/*
 * axes.c - labels along the axes and the layout of the charts with a
 * vertical value axis (grouped and stacked bars, lines, the curve).
 *
 * Every label is measured before anything is placed.  Category labels
 * under the plot stay flat when they fit their slot, are thinned when they
 * are short (years: every second one), wrap into two lines when that breaks
 * at spaces, and otherwise turn upright, shortened with an ellipsis.  The
 * value axis takes as many nice ticks as leave three lines of text between
 * them.  Layout runs from the edges inwards and is repeated until the plot
 * size it assumed for the ticks is the one it got.
 */
#include <math.h>

#include "chartint.h"

/* Labels of at most this many characters are "short", like years. */
#define SHORT_LABEL 6

static void catx_make(const struct ctx *x, struct catx *cx, char *const *labels,
                      const size_t *order, size_t n, double *max_w,
                      bool *all_short)
{
	cx->n = n;
	cx->size = SIZE_TICK * x->fs;
	cx->lay = g_new0(PangoLayout *, n);
	*max_w = 0;
	*all_short = true;
	for (size_t i = 0; i < n; i++) {
		const char *s = labels[order ? order[i] : i];

		cx->lay[i] = chart_text_new(x, s, cx->size, false);
		*max_w = fmax(*max_w, chart_text_width(cx->lay[i]));
		if (g_utf8_strlen(s, -1) > SHORT_LABEL)
			*all_short = false;
	}
}

static bool catx_try_wrap(struct catx *cx, double width)
{
	double h = 0;

	for (size_t i = 0; i < cx->n; i++) {
		chart_text_fit(cx->lay[i], width, 2, PANGO_ALIGN_CENTER);
		if (!chart_text_wraps_cleanly(cx->lay[i]))
			return false;
		h = fmax(h, chart_text_height(cx->lay[i]));
	}
	cx->height = h;
	return true;
}

static void catx_upright(const struct ctx *x, struct catx *cx, double slot,
                         double max_up)
{
	double lh = chart_text_line_height(x, cx->size), w = 0;

	for (size_t i = 0; i < cx->n; i++) {
		chart_text_fit(cx->lay[i], max_up, 1, PANGO_ALIGN_LEFT);
		w = fmax(w, chart_text_width(cx->lay[i]));
	}
	cx->mode = CAT_UP;
	cx->height = w;
	cx->every = chart_thin_every(lh + 0.3 * x->fs, slot);
}

void chart_catx_layout(const struct ctx *x, struct catx *cx,
                       char *const *labels, const size_t *order, size_t n,
                       double slot, double max_up)
{
	double max_w, gap = 0.8 * x->fs;
	bool all_short;

	chart_catx_free(cx);
	catx_make(x, cx, labels, order, n, &max_w, &all_short);
	cx->mode = CAT_FLAT;
	cx->every = 1;
	cx->height = chart_text_line_height(x, cx->size);
	if (max_w + gap <= slot)
		return;
	if (all_short) {
		cx->every = chart_thin_every(max_w + gap, slot);
		return;
	}
	if (slot - x->gap > 2 * x->fs && catx_try_wrap(cx, slot - x->gap)) {
		cx->mode = CAT_WRAP;
		return;
	}
	catx_upright(x, cx, slot, max_up);
}

void chart_catx_free(struct catx *cx)
{
	for (size_t i = 0; cx->lay && i < cx->n; i++)
		g_object_unref(cx->lay[i]);
	g_free(cx->lay);
	cx->lay = NULL;
	cx->n = 0;
}

void chart_catx_draw(const struct ctx *x, const struct catx *cx, double x0,
                     double slot, double top)
{
	for (size_t i = 0; i < cx->n; i += cx->every) {
		double mid = x0 + (i + 0.5) * slot, w, h;

		chart_text_size(cx->lay[i], &w, &h);
		if (cx->mode == CAT_UP)
			chart_text_draw_up(x->cr, cx->lay[i], mid, top, true,
			                   chart_color_text);
		else if (cx->mode == CAT_WRAP)
			chart_text_draw(x->cr, cx->lay[i],
			                mid - (slot - x->gap) / 2, top,
			                chart_color_text);
		else
			chart_text_draw(x->cr, cx->lay[i], mid - w / 2, top,
			                chart_color_text);
	}
}

double chart_labels_max_width(const struct ctx *x, char *const *labels,
                              size_t n, double size)
{
	double w = 0;

	for (size_t i = 0; i < n; i++) {
		PangoLayout *l = chart_text_new(x, labels[i], size, false);
		w = fmax(w, chart_text_width(l));
		g_object_unref(l);
	}
	return w;
}

/* Text size and line count for rows ROW_H high: shrink down to 60 % until
 * one line fits, allow more lines when the row has room for them. */
static void rowlab_size(const struct ctx *x, struct rowlab *rl, double row_h,
                        int max_lines, int *lines, double *lh)
{
	/* a tenth of a line between the labels of neighbouring rows */
	rl->size = SIZE_LABEL * x->fs;
	*lh = 1.1 * chart_text_line_height(x, rl->size);
	if (*lh > row_h) {
		rl->size =
		    fmax(rl->size * row_h / *lh, 0.6 * SIZE_LABEL * x->fs);
		*lh = 1.1 * chart_text_line_height(x, rl->size);
	}
	*lines = (int)floor(row_h / *lh);
	*lines = *lines < 1 ? 1 : (*lines > max_lines ? max_lines : *lines);
	rl->every = chart_thin_every(*lh, row_h);
}

/* Lays out every label of RL at its size in at most LINES lines. */
static void rowlab_fill(const struct ctx *x, struct rowlab *rl,
                        char *const *labels, const size_t *order, int lines)
{
	for (size_t i = 0; i < rl->n; i++) {
		if (rl->lay[i])
			g_object_unref(rl->lay[i]);
		rl->lay[i] = chart_text_new(x, labels[order ? order[i] : i],
		                            rl->size, false);
		chart_text_fit(rl->lay[i], rl->width, lines, PANGO_ALIGN_RIGHT);
	}
}

/* True when a label of RL had to be shortened with an ellipsis. */
static bool rowlab_cut(const struct rowlab *rl)
{
	for (size_t i = 0; i < rl->n; i++)
		if (pango_layout_is_ellipsized(rl->lay[i]))
			return true;
	return false;
}

void chart_rowlab_layout(const struct ctx *x, struct rowlab *rl,
                         char *const *labels, const size_t *order, size_t n,
                         double width, double row_h, int max_lines)
{
	int lines;
	double lh;

	chart_rowlab_free(rl);
	rowlab_size(x, rl, row_h, max_lines, &lines, &lh);
	rl->width = width;
	rl->n = n;
	rl->lay = g_new0(PangoLayout *, n);
	rowlab_fill(x, rl, labels, order, lines);
	/* A name cut short on one line is worse than two lines of slightly
	 * smaller text, as long as that text stays readable (2/3 size). */
	if (lines == 1 && max_lines >= 2 && rowlab_cut(rl)) {
		double two = rl->size * row_h / (2 * lh);
		if (two >= 0.65 * SIZE_LABEL * x->fs) {
			rl->size = fmin(rl->size, two);
			rowlab_fill(x, rl, labels, order, 2);
		}
	}
}

void chart_rowlab_free(struct rowlab *rl)
{
	for (size_t i = 0; rl->lay && i < rl->n; i++)
		g_object_unref(rl->lay[i]);
	g_free(rl->lay);
	rl->lay = NULL;
	rl->n = 0;
}

void chart_rowlab_draw(const struct ctx *x, const struct rowlab *rl, size_t i,
                       double right, double y, double row_h)
{
	double h = chart_text_height(rl->lay[i]);

	if (i % rl->every)
		return;
	chart_text_draw(x->cr, rl->lay[i], right - rl->width,
	                y + (row_h - h) / 2, chart_color_text);
}

void chart_titles_layout(const struct ctx *x, struct layout *L)
{
	const struct model *m = x->m;
	struct rect b = L->fr.body;

	if (m->x_title) {
		L->xt =
		    chart_text_new(x, m->x_title, SIZE_LABEL * x->fs, false);
		chart_text_fit(L->xt, b.w, 1, PANGO_ALIGN_CENTER);
		L->xt_r.h = chart_text_height(L->xt);
		L->xt_r.w = b.w;
		L->xt_r.x = b.x;
		L->xt_r.y = b.y + b.h - L->xt_r.h;
	}
	if (m->y_title) {
		L->yt =
		    chart_text_new(x, m->y_title, SIZE_LABEL * x->fs, false);
		chart_text_fit(L->yt, b.h, 1, PANGO_ALIGN_LEFT);
		L->yt_r =
		    (struct rect){b.x, b.y, chart_text_height(L->yt), b.h};
	}
}

/* Left edge of what follows the upright y title. */
static double after_ytitle(const struct ctx *x, const struct layout *L)
{
	return L->fr.body.x + (L->yt ? L->yt_r.w + x->gap : 0);
}

static int ticks_for_height(double h, double label_h)
{
	int n = (int)floor(h / (3.0 * label_h)) + 1;

	return n < 2 ? 2 : (n > 8 ? 8 : n);
}

double chart_months_layout(const struct ctx *x, struct layout *L,
                           double month_w)
{
	const struct model *m = x->m;
	double w = 0;
	static const size_t steps[] = {1, 2, 3, 6, 12};

	for (int i = 0; i < 12; i++) {
		if (!L->month[i])
			L->month[i] =
			    chart_text_new(x, chart_month_abbrev(m->lang, i),
			                   SIZE_TICK * x->fs, false);
		w = fmax(w, chart_text_width(L->month[i]));
	}
	L->month_every = 12;
	for (size_t i = 0; i < 5; i++) {
		if (w + x->gap <= steps[i] * month_w) {
			L->month_every = steps[i];
			break;
		}
	}
	return chart_text_height(L->month[0]);
}

/* The labels under the plot: month names for the curve, else categories.
 * Returns their height. */
static double bottom_labels(const struct ctx *x, struct layout *L,
                            double max_up)
{
	const struct model *m = x->m;

	if (m->kind != CHART_CURVE) {
		chart_catx_layout(x, &L->cat, m->cats, m->order, m->ncat,
		                  L->plot.w / m->ncat, max_up);
		return L->cat.height;
	}
	return chart_months_layout(x, L,
	                           L->plot.w * 28 / (double)(m->ncat - 1));
}

/* One pass: the plot rectangle for ticks laid out for a plot H high. */
static double vertical_pass(const struct ctx *x, struct layout *L, double h,
                            double *label_w)
{
	const struct model *m = x->m;
	struct rect b = L->fr.body;
	double tick_h = chart_text_line_height(x, SIZE_TICK * x->fs);
	double xt_h = L->xt ? L->xt_r.h + x->gap : 0, cat_h;
	double right_inset = fmin(0.5 * x->fs + tick_h, 0.1 * b.w);

	chart_vaxis_set(x, &L->val, m->vmin, m->vmax,
	                ticks_for_height(h, tick_h), m->integral,
	                SIZE_TICK * x->fs);
	*label_w = fmax(*label_w, L->val.label_w);
	L->plot.x = after_ytitle(x, L) + *label_w + x->gap;
	L->plot.w = b.x + b.w - right_inset - L->plot.x;
	L->plot.y = b.y + tick_h / 2;
	cat_h = bottom_labels(x, L, 0.3 * b.h);
	L->cat_top = 0.6 * tick_h;
	return b.y + b.h - xt_h - cat_h - L->cat_top - L->plot.y;
}

enum cbm_status chart_too_small(const struct ctx *x, struct cbm_error *err)
{
	return CBM_ERROR(err, CBM_EUSAGE, NULL,
	                 "chart %s: the rectangle is too small to draw it",
	                 x->m->name);
}

enum cbm_status chart_layout_vertical(const struct ctx *x, struct layout *L,
                                      struct cbm_error *err)
{
	double label_w = 0, h = L->fr.body.h * 0.75, got;

	chart_titles_layout(x, L);
	for (int pass = 0; pass < 4; pass++) {
		got = vertical_pass(x, L, h, &label_w);
		if (fabs(got - h) < 0.5 && label_w >= L->val.label_w)
			break;
		h = got;
	}
	L->plot.h = got;
	L->cat_top += L->plot.y + L->plot.h;
	if (L->plot.w < 3 * x->fs || L->plot.h < 3 * x->fs)
		return chart_too_small(x, err);
	return CBM_OK;
}

void chart_stroke_grid(const struct ctx *x)
{
	chart_set_color(x->cr, chart_color_grid);
	cairo_set_line_width(x->cr, fmax(0.07 * x->fs, 0.5));
	cairo_stroke(x->cr);
}

double chart_value_y(const struct layout *L, double v)
{
	return L->plot.y + L->plot.h * (1 - chart_vaxis_frac(&L->val, v));
}

void chart_months_draw(const struct ctx *x, const struct layout *L, bool leap,
                       double per_day)
{
	for (int i = 1; i < 12; i++) {
		double x0 =
		    L->plot.x + (chart_month_start(i, leap) - 1) * per_day;

		cairo_move_to(x->cr, x0, L->plot.y);
		cairo_line_to(x->cr, x0, L->plot.y + L->plot.h);
	}
	chart_stroke_grid(x);
	for (int i = 0; i < 12; i += (int)L->month_every) {
		double x0 =
		    L->plot.x + (chart_month_start(i, leap) - 1) * per_day;
		double x1 =
		    L->plot.x + (chart_month_start(i + 1, leap) - 1) * per_day;
		double w = chart_text_width(L->month[i]);

		chart_text_draw(x->cr, L->month[i], (x0 + x1 - w) / 2,
		                L->cat_top, chart_color_text);
	}
}

void chart_draw_vertical_axes(const struct ctx *x, const struct layout *L)
{
	cairo_t *cr = x->cr;
	double tx = L->plot.x - x->gap;

	for (int i = 0; i < L->val.count; i++) {
		double y = chart_value_y(L, chart_vaxis_tick(&L->val, i));

		cairo_move_to(cr, L->plot.x, y);
		cairo_line_to(cr, L->plot.x + L->plot.w, y);
	}
	chart_stroke_grid(x);
	for (int i = 0; i < L->val.count; i++) {
		double y = chart_value_y(L, chart_vaxis_tick(&L->val, i)), w, h;

		chart_text_size(L->val.lay[i], &w, &h);
		chart_text_draw(cr, L->val.lay[i], tx - w, y - h / 2,
		                chart_color_text);
	}
	if (x->m->kind == CHART_CURVE)
		chart_months_draw(x, L, x->m->ncat == 366,
		                  L->plot.w / (double)(x->m->ncat - 1));
	else
		chart_catx_draw(x, &L->cat, L->plot.x, L->plot.w / x->m->ncat,
		                L->cat_top);
}

void chart_draw_baseline(const struct ctx *x, const struct layout *L)
{
	double y = chart_value_y(L, 0);

	cairo_move_to(x->cr, L->plot.x, y);
	cairo_line_to(x->cr, L->plot.x + L->plot.w, y);
	chart_set_color(x->cr, chart_color_axis);
	cairo_set_line_width(x->cr, 0.08 * x->fs);
	cairo_stroke(x->cr);
}

void chart_draw_titles(const struct ctx *x, const struct layout *L)
{
	/* Centred under the plot, not the whole chart: a heat map's row
	 * names take the left of the chart. */
	if (L->xt) {
		chart_text_fit(L->xt, L->plot.w, 1, PANGO_ALIGN_CENTER);
		chart_text_draw(x->cr, L->xt, L->plot.x, L->xt_r.y,
		                chart_color_muted);
	}
	if (L->yt)
		chart_text_draw_up(x->cr, L->yt, L->yt_r.x + L->yt_r.w / 2,
		                   L->plot.y + L->plot.h / 2, false,
		                   chart_color_muted);
}
