/*
 * heatmap.c - rows (priority areas, with long names) by columns (years),
 * each cell coloured on the sequential scale by its value and printing it
 * in black or white, whichever contrasts.  Row names wrap into up to three
 * lines in a column at most 38 % of the chart wide; the colour scale sits
 * under the column labels and the x-axis title, outside the grid.
 */
#include <math.h>

#include "chartint.h"

static double scale_height(const struct ctx *x, double tick_h)
{
	return x->m->legend ? 0.8 * x->fs + 0.3 * x->fs + tick_h + x->fs : 0;
}

double chart_row_column(const struct ctx *x, struct layout *L,
                        char *const *labels, size_t n)
{
	struct rect b = L->fr.body;
	double w =
	    fmin(chart_labels_max_width(x, labels, n, SIZE_LABEL * x->fs),
	         0.45 * b.w);

	L->plot.x = b.x + (L->yt ? L->yt_r.w + x->gap : 0) + w + x->gap;
	L->plot.y = b.y;
	return w;
}

/* The numbers in the cells, at one size for all: as large as the cells
 * allow, none at all below half the body text size. */
static void heat_cells(const struct ctx *x, struct layout *L, double cell_w,
                       double cell_h)
{
	const struct model *m = x->m;
	size_t n = m->nser * m->ncat;
	double size = fmin(SIZE_LABEL * x->fs, 0.6 * cell_h), max_w = 0;
	char buf[64];

	L->cell = g_new0(PangoLayout *, n);
	L->ncell = n;
	for (int attempt = 0; attempt < 2; attempt++) {
		max_w = 0;
		for (size_t k = 0; k < n; k++) {
			double v = m->ser[k / m->ncat].v[k % m->ncat];

			if (L->cell[k])
				g_object_unref(L->cell[k]);
			L->cell[k] = NULL;
			if (isnan(v) || size < 0.5 * x->fs)
				continue;
			chart_format_value(buf, sizeof(buf), v, m->format,
			                   m->decimals, m->lang);
			L->cell[k] = chart_text_new(x, buf, size, false);
			max_w = fmax(max_w, chart_text_width(L->cell[k]));
		}
		if (max_w <= 0.85 * cell_w)
			return;
		size *= 0.85 * cell_w / max_w;
	}
}

enum cbm_status chart_layout_heatmap(const struct ctx *x, struct layout *L,
                                     struct cbm_error *err)
{
	const struct model *m = x->m;
	struct rect b = L->fr.body;
	double tick_h = chart_text_line_height(x, SIZE_TICK * x->fs), xt_h,
	       cat_h;
	double col_w, scale_w;
	char **names = g_new(char *, m->nser);

	for (size_t i = 0; i < m->nser; i++)
		names[i] = m->ser[i].name;
	chart_titles_layout(x, L);
	xt_h = L->xt ? L->xt_r.h + x->gap : 0;
	col_w = chart_row_column(x, L, names, m->nser);
	L->plot.w = b.x + b.w - L->plot.x;
	chart_catx_layout(x, &L->cat, m->cats, NULL, m->ncat,
	                  L->plot.w / m->ncat, 0.25 * b.h);
	cat_h = L->cat.height;
	L->plot.h = b.h - 0.4 * tick_h - cat_h - xt_h - scale_height(x, tick_h);
	if (L->plot.w < 3 * x->fs || L->plot.h < 1.5 * x->fs) {
		g_free(names);
		return chart_too_small(x, err);
	}
	L->cat_top = L->plot.y + L->plot.h + 0.4 * tick_h;
	L->xt_r.y = L->cat_top + cat_h + x->gap;
	chart_rowlab_layout(x, &L->rows, names, NULL, m->nser, col_w,
	                    L->plot.h / m->nser, 3);
	g_free(names);
	chart_vaxis_set(x, &L->val, fmin(0, m->vmin), m->vmax, 6, m->integral,
	                SIZE_TICK * x->fs);
	scale_w = fmin(L->plot.w - L->val.label_w, 18 * x->fs);
	L->scale = (struct rect){L->plot.x, b.y + b.h - tick_h - 1.1 * x->fs,
	                         fmax(scale_w, 0), 0.8 * x->fs};
	heat_cells(x, L, L->plot.w / m->ncat, L->plot.h / m->nser);
	return CBM_OK;
}

static void heat_cell(const struct ctx *x, const struct layout *L, size_t r,
                      size_t c, struct rect cell)
{
	double v = x->m->ser[r].v[c], w, h;
	struct chart_rgb bg =
	    isnan(v) ? chart_color_missing
	             : chart_sequential(chart_vaxis_frac(&L->val, v));
	PangoLayout *l = L->cell[r * x->m->ncat + c];

	cairo_rectangle(x->cr, cell.x, cell.y, cell.w, cell.h);
	chart_set_color(x->cr, bg);
	cairo_fill(x->cr);
	if (!l)
		return;
	chart_text_size(l, &w, &h);
	chart_text_draw(x->cr, l, cell.x + (cell.w - w) / 2,
	                cell.y + (cell.h - h) / 2, chart_text_on(bg));
}

/* White lines between the cells. */
static void heat_grid(const struct ctx *x, const struct layout *L, double cw,
                      double ch)
{
	cairo_t *cr = x->cr;

	for (size_t c = 1; c < x->m->ncat; c++) {
		cairo_move_to(cr, L->plot.x + c * cw, L->plot.y);
		cairo_rel_line_to(cr, 0, L->plot.h);
	}
	for (size_t r = 1; r < x->m->nser; r++) {
		cairo_move_to(cr, L->plot.x, L->plot.y + r * ch);
		cairo_rel_line_to(cr, L->plot.w, 0);
	}
	chart_set_color(cr, chart_color_white);
	cairo_set_line_width(cr, fmin(0.12 * x->fs, 0.08 * fmin(cw, ch)));
	cairo_stroke(cr);
}

/* Where tick I of the colour scale lies. */
static double scale_x(const struct layout *L, int i)
{
	return L->scale.x +
	       L->scale.w *
	           chart_vaxis_frac(&L->val, chart_vaxis_tick(&L->val, i));
}

static void heat_scale(const struct ctx *x, const struct layout *L)
{
	cairo_t *cr = x->cr;
	struct rect s = L->scale;
	cairo_pattern_t *p = cairo_pattern_create_linear(s.x, 0, s.x + s.w, 0);

	for (int i = 0; i <= 8; i++) {
		struct chart_rgb c = chart_sequential(i / 8.0);
		cairo_pattern_add_color_stop_rgb(p, i / 8.0, c.r, c.g, c.b);
	}
	cairo_rectangle(cr, s.x, s.y, s.w, s.h);
	cairo_set_source(cr, p);
	cairo_fill(cr);
	cairo_pattern_destroy(p);
	for (int i = 0; i < L->val.count; i++) {
		cairo_move_to(cr, scale_x(L, i), s.y + s.h);
		cairo_rel_line_to(cr, 0, 0.3 * x->fs);
	}
	chart_set_color(cr, chart_color_axis);
	cairo_set_line_width(cr, fmax(0.07 * x->fs, 0.5));
	cairo_stroke(cr);
	for (int i = 0; i < L->val.count; i++) {
		double w = chart_text_width(L->val.lay[i]);

		chart_text_draw(cr, L->val.lay[i], scale_x(L, i) - w / 2,
		                s.y + s.h + 0.3 * x->fs, chart_color_text);
	}
}

void chart_draw_heatmap(const struct ctx *x, const struct layout *L)
{
	const struct model *m = x->m;
	double cw = L->plot.w / m->ncat, ch = L->plot.h / m->nser;

	for (size_t r = 0; r < m->nser; r++) {
		double y = L->plot.y + r * ch;

		chart_rowlab_draw(x, &L->rows, r, L->plot.x - x->gap, y, ch);
		for (size_t c = 0; c < m->ncat; c++)
			heat_cell(x, L, r, c,
			          (struct rect){L->plot.x + c * cw, y, cw, ch});
	}
	heat_grid(x, L, cw, ch);
	chart_catx_draw(x, &L->cat, L->plot.x, cw, L->cat_top);
	if (m->legend && L->scale.w > 0)
		heat_scale(x, L);
}
