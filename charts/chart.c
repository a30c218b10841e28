/*
 * chart.c - chart_draw and chart_measure: build the model, lay the chart
 * out in its rectangle, and (for chart_draw) paint it, clipped to the
 * rectangle, with the caller's cairo state and current path restored.
 */
#include <math.h>
#include <string.h>

#include "chartint.h"

static void layout_free(struct layout *L)
{
	chart_frame_free(&L->fr);
	chart_vaxis_free(&L->val);
	chart_catx_free(&L->cat);
	chart_rowlab_free(&L->rows);
	if (L->xt)
		g_object_unref(L->xt);
	if (L->yt)
		g_object_unref(L->yt);
	for (size_t i = 0; L->vlab && i < L->nvlab; i++)
		if (L->vlab[i].lay)
			g_object_unref(L->vlab[i].lay);
	g_free(L->vlab);
	for (int i = 0; i < 12; i++)
		if (L->month[i])
			g_object_unref(L->month[i]);
	for (size_t i = 0; L->cell && i < L->ncell; i++)
		if (L->cell[i])
			g_object_unref(L->cell[i]);
	g_free(L->cell);
	g_free(L->lane);
	g_free(L->lanes);
	memset(L, 0, sizeof(*L));
}

static enum cbm_status lay_out(const struct ctx *x, struct layout *L,
                               struct rect area, struct cbm_error *err)
{
	chart_frame_layout(x, &L->fr, area);
	if (L->fr.body.w < 3 * x->fs || L->fr.body.h < 3 * x->fs)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart %s: the rectangle %.0f x %.0f is too "
		                 "small to draw it",
		                 x->m->name, area.w, area.h);
	switch (x->m->kind) {
	case CHART_HBAR:
		return chart_layout_hbar(x, L, err);
	case CHART_HEATMAP:
		return chart_layout_heatmap(x, L, err);
	case CHART_CALENDAR:
		return chart_layout_calendar(x, L, err);
	default:
		return chart_layout_vertical(x, L, err);
	}
}

static void paint(const struct ctx *x, const struct layout *L)
{
	chart_frame_draw(x, &L->fr);
	switch (x->m->kind) {
	case CHART_HBAR:
		chart_draw_hbar(x, L);
		break;
	case CHART_GROUPED:
		chart_draw_grouped(x, L);
		break;
	case CHART_STACKED:
		chart_draw_stacked(x, L);
		break;
	case CHART_LINE:
	case CHART_CURVE:
		chart_draw_lines(x, L);
		break;
	case CHART_HEATMAP:
		chart_draw_heatmap(x, L);
		break;
	case CHART_CALENDAR:
		chart_draw_calendar(x, L);
		break;
	}
	chart_draw_titles(x, L);
}

static void geometry(const struct layout *L, struct chart_geometry *g)
{
	g->plot_x = L->plot.x;
	g->plot_y = L->plot.y;
	g->plot_w = L->plot.w;
	g->plot_h = L->plot.h;
	g->axis_lo = L->val.lo;
	g->axis_hi = L->val.hi;
}

static enum cbm_status check_args(cairo_t *cr, const struct chart *c,
                                  struct rect r, struct cbm_error *err)
{
	if (!cr || !c)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "no cairo context or no chart to draw");
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return CBM_ERROR(err, CBM_EINTERNAL, NULL,
		                 "cannot draw a chart: cairo: %s",
		                 cairo_status_to_string(cairo_status(cr)));
	if (!isfinite(r.x) || !isfinite(r.y) || !isfinite(r.w) ||
	    !isfinite(r.h) || r.w <= 0 || r.h <= 0)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "cannot draw a chart in a rectangle "
		                 "%g x %g",
		                 r.w, r.h);
	return CBM_OK;
}

/* Lays C out in R and paints it when DRAW; fills G when not NULL. */
static enum cbm_status render(cairo_t *cr, const struct chart *c, struct rect r,
                              bool draw, struct chart_geometry *g,
                              struct cbm_error *err)
{
	struct model m;
	struct ctx x = {0};
	struct layout L = {0};
	enum cbm_status st = check_args(cr, c, r, err);
	cairo_path_t *path;

	if (st != CBM_OK)
		return st;
	path = cairo_copy_path(cr);
	cairo_save(cr);
	st = chart_model_build(c, &m, err);
	if (st != CBM_OK)
		goto out;
	chart_ctx_init(&x, cr, &m, c, r);
	st = lay_out(&x, &L, r, err);
	if (st == CBM_OK && g)
		geometry(&L, g);
	if (st == CBM_OK && draw) {
		cairo_new_path(cr);
		cairo_rectangle(cr, r.x, r.y, r.w, r.h);
		cairo_clip(cr);
		paint(&x, &L);
	}
out:
	layout_free(&L);
	chart_ctx_release(&x);
	chart_model_free(&m);
	cairo_restore(cr);
	cairo_new_path(cr);
	cairo_append_path(cr, path);
	cairo_path_destroy(path);
	if (st == CBM_OK && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		st = CBM_ERROR(err, CBM_EINTERNAL, NULL,
		               "cannot draw chart: cairo: %s",
		               cairo_status_to_string(cairo_status(cr)));
	return st;
}

enum cbm_status chart_draw(cairo_t *cr, const struct chart *c, double x,
                           double y, double w, double h, struct cbm_error *err)
{
	return render(cr, c, (struct rect){x, y, w, h}, true, NULL, err);
}

enum cbm_status chart_measure(cairo_t *cr, const struct chart *c, double x,
                              double y, double w, double h,
                              struct chart_geometry *g, struct cbm_error *err)
{
	return render(cr, c, (struct rect){x, y, w, h}, false, g, err);
}
