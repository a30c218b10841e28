/*
 * frame.c - what surrounds the plot: title and subtitle at the top, the
 * legend and the source line at the bottom.  They are laid out from the
 * edges of the rectangle inwards and what is left is the body, where the
 * axes and the plot go; so the legend never lies over the data.
 */
#include <math.h>

#include "chartint.h"

/* Draws a legend swatch in the box (X, Y, W, H). */
static void draw_swatch(cairo_t *cr, enum swatch sw, struct chart_rgb c,
                        double x, double y, double w, double h, double fs);

static PangoLayout *block(const struct ctx *x, const char *s, double size,
                          bool bold, double width, int lines)
{
	PangoLayout *l;

	if (!s)
		return NULL;
	l = chart_text_new(x, s, size * x->fs, bold);
	chart_text_fit(l, width, lines, PANGO_ALIGN_LEFT);
	return l;
}

static void legend_add(const struct ctx *x, struct legend *lg, enum swatch sw,
                       struct chart_rgb rgb, const char *text)
{
	if (!text || lg->n >= LEGEND_MAX)
		return;
	lg->it[lg->n].sw = sw;
	lg->it[lg->n].rgb = rgb;
	lg->it[lg->n].text =
	    chart_text_new(x, text, SIZE_LEGEND * x->fs, false);
	lg->n++;
}

static void legend_items(const struct ctx *x, struct legend *lg)
{
	const struct model *m = x->m;
	bool lines = m->kind == CHART_LINE || m->kind == CHART_CURVE;

	if (!m->legend || m->kind == CHART_HBAR || m->kind == CHART_HEATMAP)
		return;
	for (size_t i = 0; i < m->nser; i++) {
		const struct mseries *s = &m->ser[i];
		enum swatch sw = !lines                   ? SW_BOX
		                 : s->forecast            ? SW_DASH
		                 : m->kind == CHART_CURVE ? SW_PLAIN
		                                          : SW_LINE;

		legend_add(x, lg, sw, s->rgb, s->name);
		if (s->lo)
			legend_add(x, lg, s->forecast ? SW_HATCH : SW_BAND,
			           s->rgb, s->band_name);
	}
	legend_add(x, lg, SW_DIAG, chart_color_diagonal, m->diagonal);
}

/* Flows the items into centred rows WIDTH wide; sets each item's offset
 * and the legend's height. */
static void legend_flow(const struct ctx *x, struct legend *lg, double width)
{
	double item_gap = 1.2 * x->fs, sw_gap = 0.4 * x->fs;
	double cx = 0, cy = 0, row_w[LEGEND_MAX] = {0};
	size_t row[LEGEND_MAX], nrow = 0;

	lg->line_h = chart_text_line_height(x, SIZE_LEGEND * x->fs);
	lg->sw_w = 1.8 * x->fs;
	for (size_t i = 0; i < lg->n; i++) {
		struct legend_item *it = &lg->it[i];
		double tw;

		chart_text_fit(it->text, width - lg->sw_w - sw_gap, 1,
		               PANGO_ALIGN_LEFT);
		tw = chart_text_width(it->text) + lg->sw_w + sw_gap;
		if (cx > 0 && cx + tw > width) {
			cx = 0;
			cy += 1.3 * lg->line_h;
			nrow++;
		}
		it->x = cx;
		it->y = cy;
		row[i] = nrow;
		row_w[nrow] = cx + tw;
		cx += tw + item_gap;
	}
	for (size_t i = 0; i < lg->n; i++)
		lg->it[i].x += (width - row_w[row[i]]) / 2;
	lg->height = lg->n ? cy + lg->line_h : 0;
}

void chart_frame_layout(const struct ctx *x, struct frame *f, struct rect area)
{
	const struct model *m = x->m;
	struct rect in = {area.x + x->pad, area.y + x->pad, area.w - 2 * x->pad,
	                  area.h - 2 * x->pad};
	double top = in.y, bottom = in.y + in.h, h;

	f->title = block(x, m->title, SIZE_TITLE, true, in.w, 2);
	f->subtitle = block(x, m->subtitle, SIZE_SUBTITLE, false, in.w, 2);
	f->source = block(x, m->source, SIZE_SOURCE, false, in.w, 2);
	if (f->title) {
		h = chart_text_height(f->title);
		f->title_r = (struct rect){in.x, top, in.w, h};
		top += h + 0.3 * x->fs;
	}
	if (f->subtitle) {
		h = chart_text_height(f->subtitle);
		f->subtitle_r = (struct rect){in.x, top, in.w, h};
		top += h + 0.3 * x->fs;
	}
	if (f->title || f->subtitle)
		top += 0.5 * x->fs;
	if (f->source) {
		h = chart_text_height(f->source);
		bottom -= h;
		f->source_r = (struct rect){in.x, bottom, in.w, h};
		bottom -= 0.5 * x->fs;
	}
	legend_items(x, &f->lg);
	legend_flow(x, &f->lg, in.w);
	if (f->lg.height > 0) {
		bottom -= f->lg.height;
		f->legend_r = (struct rect){in.x, bottom, in.w, f->lg.height};
		bottom -= 0.7 * x->fs;
	}
	f->body = (struct rect){in.x, top, in.w, bottom - top};
}

void chart_frame_free(struct frame *f)
{
	PangoLayout **ls[] = {&f->title, &f->subtitle, &f->source};

	for (size_t i = 0; i < 3; i++) {
		if (*ls[i])
			g_object_unref(*ls[i]);
		*ls[i] = NULL;
	}
	for (size_t i = 0; i < f->lg.n; i++)
		g_object_unref(f->lg.it[i].text);
	f->lg.n = 0;
}

static void draw_legend(const struct ctx *x, const struct legend *lg,
                        struct rect r)
{
	for (size_t i = 0; i < lg->n; i++) {
		const struct legend_item *it = &lg->it[i];
		double sx = r.x + it->x, sy = r.y + it->y;

		draw_swatch(x->cr, it->sw, it->rgb, sx, sy, lg->sw_w,
		            lg->line_h, x->fs);
		chart_text_draw(x->cr, it->text, sx + lg->sw_w + 0.4 * x->fs,
		                sy, chart_color_text);
	}
}

void chart_frame_draw(const struct ctx *x, const struct frame *f)
{
	if (f->title)
		chart_text_draw(x->cr, f->title, f->title_r.x, f->title_r.y,
		                chart_color_text);
	if (f->subtitle)
		chart_text_draw(x->cr, f->subtitle, f->subtitle_r.x,
		                f->subtitle_r.y, chart_color_muted);
	if (f->source)
		chart_text_draw(x->cr, f->source, f->source_r.x, f->source_r.y,
		                chart_color_muted);
	draw_legend(x, &f->lg, f->legend_r);
}

/* Diagonal hatching over the current path, which it keeps. */
static void hatch(cairo_t *cr, struct chart_rgb c, double fs)
{
	double x1, y1, x2, y2, step = 0.45 * fs;

	cairo_save(cr);
	cairo_clip_preserve(cr);
	cairo_fill_extents(cr, &x1, &y1, &x2, &y2);
	cairo_path_t *keep = cairo_copy_path(cr);
	cairo_new_path(cr);
	for (double d = -(y2 - y1); d < x2 - x1; d += step) {
		cairo_move_to(cr, x1 + d, y2);
		cairo_line_to(cr, x1 + d + (y2 - y1), y1);
	}
	chart_set_color_alpha(cr, c, 0.7);
	cairo_set_line_width(cr, 0.08 * fs);
	cairo_stroke(cr);
	cairo_restore(cr);
	cairo_append_path(cr, keep);
	cairo_path_destroy(keep);
}

void chart_fill_band(cairo_t *cr, struct chart_rgb c, bool forecast, double fs)
{
	chart_set_color_alpha(cr, c, forecast ? 0.15 : 0.22);
	cairo_fill_preserve(cr);
	if (forecast)
		hatch(cr, c, fs);
}

void chart_draw_marker(cairo_t *cr, struct chart_rgb c, bool hollow, double cx,
                       double cy, double fs)
{
	cairo_new_path(cr);
	cairo_arc(cr, cx, cy, 0.3 * fs, 0, 2 * G_PI);
	chart_set_color(cr, hollow ? chart_color_white : c);
	cairo_fill_preserve(cr);
	chart_set_color(cr, c);
	cairo_set_line_width(cr, 0.12 * fs);
	cairo_stroke(cr);
}

static void swatch_line(cairo_t *cr, enum swatch sw, struct chart_rgb c,
                        double x, double mid, double w, double fs)
{
	double dash[] = {0.5 * fs, 0.3 * fs};

	if (sw == SW_DASH)
		cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, x, mid);
	cairo_line_to(cr, x + w, mid);
	chart_set_color(cr, c);
	cairo_set_line_width(cr, 0.16 * fs);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	if (sw != SW_PLAIN)
		chart_draw_marker(cr, c, sw == SW_DASH, x + w / 2, mid, fs);
}

static void draw_swatch(cairo_t *cr, enum swatch sw, struct chart_rgb c,
                        double x, double y, double w, double h, double fs)
{
	double mid = y + h / 2, bh = 0.62 * h;

	cairo_save(cr);
	cairo_new_path(cr);
	switch (sw) {
	case SW_BOX:
		cairo_rectangle(cr, x + w - bh * 1.4, mid - bh / 2, bh * 1.4,
		                bh);
		chart_set_color(cr, c);
		cairo_fill(cr);
		break;
	case SW_PLAIN:
	case SW_LINE:
	case SW_DASH:
		swatch_line(cr, sw, c, x, mid, w, fs);
		break;
	case SW_BAND:
	case SW_HATCH:
		cairo_rectangle(cr, x, mid - bh / 2, w, bh);
		chart_fill_band(cr, c, sw == SW_HATCH, fs);
		cairo_new_path(cr);
		break;
	case SW_DIAG:
		cairo_move_to(cr, x, mid + bh / 2);
		cairo_line_to(cr, x + w, mid - bh / 2);
		chart_set_color(cr, c);
		cairo_set_line_width(cr, 0.1 * fs);
		cairo_stroke(cr);
		break;
	}
	cairo_restore(cr);
}
