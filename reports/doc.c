/*
 * doc.c - the flowing A4 document of the reports (see doc.h).
 *
 * The page has fixed margins; a cursor Y moves down the text area.  Every
 * block measures itself with pango first, asks for that much room
 * (doc_room: a new page when it does not fit) and then draws.  Text uses
 * DejaVu Sans, like the charts, so Kazakh letters render.
 */
#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "report.h"

#define MARGIN_X      56.0
#define MARGIN_TOP    62.0
#define MARGIN_BOTTOM 64.0
#define TEXT_W        (DOC_PAGE_W - 2 * MARGIN_X)
#define BODY_PT       9.5
#define FONT          "DejaVu Sans"

struct doc {
	cairo_surface_t *surface;
	cairo_t *cr;
	enum cbm_lang lang;
	char *title;
	int page;         /* the current page, 1-based; 0 before the first */
	double y;         /* the cursor on the current page */
	bool on_cover;    /* the cover has no header or footer */
	int pages;        /* from the plan; 0 when unknown */
	GArray *planned;  /* pages of the sections, from the plan */
	GArray *sections; /* pages of the sections met in this pass */
	struct cbm_error err;
};

/* A cairo writer that drops everything: the first pass. */
static cairo_status_t write_nowhere(void *closure, const unsigned char *data,
                                    unsigned int length)
{
	(void)closure;
	(void)data;
	(void)length;
	return CAIRO_STATUS_SUCCESS;
}

bool rpt_doc_ok(const struct doc *d)
{
	return d->err.code == CBM_OK;
}

enum cbm_lang rpt_doc_lang(const struct doc *d)
{
	return d->lang;
}

/* ---- text ------------------------------------------------------------- */

static PangoLayout *layout(struct doc *d, const char *text, double size,
                           bool bold, double width)
{
	PangoLayout *l = pango_cairo_create_layout(d->cr);
	PangoFontDescription *f = pango_font_description_from_string(FONT);
	char *clean = g_utf8_make_valid(text ? text : "", -1);

	pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
	pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD
	                                          : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, f);
	pango_layout_set_width(l, width < 0 ? -1 : (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, clean, -1);
	pango_font_description_free(f);
	g_free(clean);
	return l;
}

static double height_of(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void draw_at(struct doc *d, PangoLayout *l, double x, double y,
                    double grey)
{
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, grey, grey, grey);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
	cairo_restore(d->cr);
}

/* Draws TEXT at (X, Y) within WIDTH, aligned as ALIGN; returns its
 * height. */
static double text_at(struct doc *d, const char *text, double x, double y,
                      double width, double size, bool bold,
                      PangoAlignment align, double grey)
{
	PangoLayout *l = layout(d, text, size, bold, width);
	double h;

	pango_layout_set_alignment(l, align);
	h = height_of(l);
	draw_at(d, l, x, y, grey);
	g_object_unref(l);
	return h;
}

/* ---- pages ------------------------------------------------------------ */

static void footer(struct doc *d)
{
	char num[64];

	if (d->page == 0 || d->on_cover)
		return;
	/* The first pass does not know the total yet; its text is as wide. */
	snprintf(num, sizeof(num), "%d / %d", d->page,
	         d->pages ? d->pages : d->page);
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, MARGIN_X, DOC_PAGE_H - MARGIN_BOTTOM + 18);
	cairo_line_to(d->cr, DOC_PAGE_W - MARGIN_X,
	              DOC_PAGE_H - MARGIN_BOTTOM + 18);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
	text_at(d, d->title, MARGIN_X, DOC_PAGE_H - MARGIN_BOTTOM + 24,
	        TEXT_W * 0.8, 7.5, false, PANGO_ALIGN_LEFT, 0.4);
	text_at(d, num, MARGIN_X, DOC_PAGE_H - MARGIN_BOTTOM + 24, TEXT_W, 7.5,
	        false, PANGO_ALIGN_RIGHT, 0.4);
}

void rpt_doc_page(struct doc *d)
{
	if (!rpt_doc_ok(d))
		return;
	if (d->page > 0) {
		footer(d);
		cairo_show_page(d->cr);
	}
	d->page++;
	d->on_cover = false;
	d->y = MARGIN_TOP;
}

/* Room for H points on this page, or a new page. */
static void room(struct doc *d, double h)
{
	if (d->page == 0 || d->y + h > DOC_PAGE_H - MARGIN_BOTTOM)
		rpt_doc_page(d);
}

enum cbm_status rpt_doc_open(struct doc **out, FILE *fp, const char *title,
                             enum cbm_lang lang, const struct doc_plan *plan,
                             struct cbm_error *err)
{
	struct doc *d = g_new0(struct doc, 1);
	cairo_status_t st;
	enum cbm_status rc = CBM_OK;

	d->lang = lang;
	d->title = g_strdup(title);
	d->sections = g_array_new(FALSE, FALSE, sizeof(int));
	if (plan) {
		d->pages = plan->pages;
		d->planned = plan->sections;
	}
	d->surface = cairo_pdf_surface_create_for_stream(
	    fp ? chart_stream_write : write_nowhere, fp, DOC_PAGE_W,
	    DOC_PAGE_H);
	st = cairo_surface_status(d->surface);
	if (st != CAIRO_STATUS_SUCCESS)
		rc = CBM_ERROR(err, CBM_EINTERNAL, NULL, "cannot write: %s",
		               cairo_status_to_string(st));
	if (rc == CBM_OK) {
		cairo_pdf_surface_set_metadata(d->surface,
		                               CAIRO_PDF_METADATA_TITLE, title);
		cairo_pdf_surface_set_metadata(
		    d->surface, CAIRO_PDF_METADATA_CREATOR, "cbm");
		rc = chart_pdf_set_dates(d->surface, err);
	}
	d->cr = cairo_create(d->surface);
	if (rc != CBM_OK) {
		cairo_destroy(d->cr);
		cairo_surface_destroy(d->surface);
		g_array_free(d->sections, TRUE);
		g_free(d->title);
		g_free(d);
		d = NULL;
	}
	*out = d;
	return rc;
}

enum cbm_status rpt_doc_close(struct doc *d, struct doc_plan *plan,
                              struct cbm_error *err)
{
	enum cbm_status rc;
	cairo_status_t st;

	if (rpt_doc_ok(d) && d->page > 0) {
		footer(d);
		cairo_show_page(d->cr);
	}
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	st = cairo_surface_status(d->surface);
	if (rpt_doc_ok(d) && st != CAIRO_STATUS_SUCCESS)
		CBM_ERROR(&d->err, CBM_EINTERNAL, NULL,
		          "cannot write the PDF: %s",
		          cairo_status_to_string(st));
	cairo_surface_destroy(d->surface);
	rc = d->err.code;
	if (rc != CBM_OK && err && err->code == CBM_OK)
		*err = d->err;
	if (plan) {
		plan->pages = d->page;
		plan->sections = d->sections;
	} else {
		g_array_free(d->sections, TRUE);
	}
	g_free(d->title);
	g_free(d);
	return rc;
}

/* ---- blocks ------------------------------------------------------------- */

void rpt_doc_cover(struct doc *d, const char *forum, const char *title,
                   const char *subtitle, const char *small_print)
{
	if (!rpt_doc_ok(d))
		return;
	rpt_doc_page(d);
	d->on_cover = true;
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.0, 0.447, 0.698); /* Okabe-Ito blue */
	cairo_rectangle(d->cr, 0, 0, DOC_PAGE_W, 250);
	cairo_fill(d->cr);
	cairo_restore(d->cr);
	text_at(d, forum, MARGIN_X, 90, TEXT_W, 13, true, PANGO_ALIGN_LEFT,
	        1.0);
	d->y = 320;
	d->y += text_at(d, title, MARGIN_X, d->y, TEXT_W, 26, true,
	                PANGO_ALIGN_LEFT, 0.1);
	d->y += 14;
	d->y += text_at(d, subtitle, MARGIN_X, d->y, TEXT_W, 14, false,
	                PANGO_ALIGN_LEFT, 0.3);
	text_at(d, small_print, MARGIN_X, DOC_PAGE_H - 150, TEXT_W, 8.5, false,
	        PANGO_ALIGN_LEFT, 0.4);
}

void rpt_doc_heading(struct doc *d, int level, const char *text)
{
	double size = level == 1 ? 17 : 12, h;
	PangoLayout *l;

	if (!rpt_doc_ok(d))
		return;
	if (level == 1) {
		rpt_doc_page(d);
		g_array_append_val(d->sections, d->page);
	}
	l = layout(d, text, size, true, TEXT_W);
	h = height_of(l);
	/* A heading keeps some of what follows with it. */
	room(d, h + (level == 1 ? 0 : 90));
	d->y += level == 1 ? 0 : 8;
	draw_at(d, l, MARGIN_X, d->y, 0.1);
	d->y += h + (level == 1 ? 14 : 6);
	g_object_unref(l);
}

void rpt_doc_paragraph(struct doc *d, const char *text)
{
	PangoLayout *l;
	double h;

	if (!rpt_doc_ok(d))
		return;
	l = layout(d, text, BODY_PT, false, TEXT_W);
	pango_layout_set_spacing(l, 2 * PANGO_SCALE);
	h = height_of(l);
	room(d, h);
	draw_at(d, l, MARGIN_X, d->y, 0.15);
	d->y += h + 8;
	g_object_unref(l);
}

void rpt_doc_note(struct doc *d, const char *text)
{
	PangoLayout *l;
	double h;

	if (!rpt_doc_ok(d))
		return;
	l = layout(d, text, 7.5, false, TEXT_W);
	h = height_of(l);
	room(d, h);
	draw_at(d, l, MARGIN_X, d->y, 0.45);
	d->y += h + 8;
	g_object_unref(l);
}

void rpt_doc_key_figures(struct doc *d, const char *const *labels,
                         const char *const *values, size_t n)
{
	double w = TEXT_W / (double)(n ? n : 1), box_h = 0, label_y = 34;
	PangoLayout **v = g_new0(PangoLayout *, n ? n : 1);
	PangoLayout **l = g_new0(PangoLayout *, n ? n : 1);

	if (!rpt_doc_ok(d) || n == 0)
		goto out;
	/* Values shrink to fit their box on one line; one that still does
	 * not fit at 8 points (a sum of 10^17 dollars) wraps rather than
	 * being cut by the next box.  Labels wrap below the values. */
	for (size_t i = 0; i < n; i++) {
		double size = 16;
		int lw, lh;
		v[i] = layout(d, values[i], size, true, -1);
		pango_layout_get_size(v[i], &lw, &lh);
		while ((double)lw / PANGO_SCALE > w - 20 && size > 8) {
			g_object_unref(v[i]);
			size -= 1;
			v[i] = layout(d, values[i], size, true, -1);
			pango_layout_get_size(v[i], &lw, &lh);
		}
		if ((double)lw / PANGO_SCALE > w - 20)
			pango_layout_set_width(v[i],
			                       (int)((w - 20) * PANGO_SCALE));
		label_y = fmax(label_y, 8 + height_of(v[i]) + 4);
		l[i] = layout(d, labels[i], 7.5, false, w - 20);
	}
	for (size_t i = 0; i < n; i++)
		box_h = fmax(box_h, label_y + height_of(l[i]) + 8);
	room(d, box_h + 10);
	for (size_t i = 0; i < n; i++) {
		double x = MARGIN_X + (double)i * w;
		cairo_save(d->cr);
		cairo_set_source_rgb(d->cr, 0.94, 0.96, 0.98);
		cairo_rectangle(d->cr, x + 3, d->y, w - 6, box_h);
		cairo_fill(d->cr);
		cairo_restore(d->cr);
		draw_at(d, v[i], x + 10, d->y + 8, 0.0);
		draw_at(d, l[i], x + 10, d->y + label_y, 0.35);
	}
	d->y += box_h + 12;
out:
	for (size_t i = 0; i < n; i++) {
		if (v[i])
			g_object_unref(v[i]);
		if (l[i])
			g_object_unref(l[i]);
	}
	g_free(v);
	g_free(l);
}

void rpt_doc_need(struct doc *d, double h)
{
	if (rpt_doc_ok(d))
		room(d, h);
}

void rpt_doc_chart(struct doc *d, const struct chart *c, double h)
{
	struct cbm_error err = {0};

	if (!rpt_doc_ok(d))
		return;
	room(d, h);
	if (chart_draw(d->cr, c, MARGIN_X, d->y, TEXT_W, h, &err) != CBM_OK)
		d->err = err;
	d->y += h + 10;
}

/* ---- tables ---------------------------------------------------------------
 */

#define CELL_PT 8.0
#define PAD     3.0

/* Lays out row R (-1: the header) of T; fills LAYOUTS and returns the
 * row's height. */
static double table_row(struct doc *d, const struct doc_table *t, long r,
                        PangoLayout **layouts)
{
	double h = 0;

	for (size_t c = 0; c < t->ncols; c++) {
		const char *text =
		    r < 0 ? t->header[c] : t->cells[(size_t)r * t->ncols + c];
		bool bold =
		    r < 0 || (t->bold_last && (size_t)r + 1 == t->nrows);
		layouts[c] = layout(d, text, CELL_PT, bold,
		                    t->widths[c] * TEXT_W - 2 * PAD);
		pango_layout_set_alignment(layouts[c], t->right[c]
		                                           ? PANGO_ALIGN_RIGHT
		                                           : PANGO_ALIGN_LEFT);
		h = fmax(h, height_of(layouts[c]));
	}
	return h + 2 * PAD;
}

static void draw_row(struct doc *d, const struct doc_table *t,
                     PangoLayout **layouts, double h, bool header, bool shaded)
{
	double x = MARGIN_X;

	if (shaded || header) {
		cairo_save(d->cr);
		if (header)
			cairo_set_source_rgb(d->cr, 0.88, 0.92, 0.96);
		else
			cairo_set_source_rgb(d->cr, 0.965, 0.965, 0.965);
		cairo_rectangle(d->cr, MARGIN_X, d->y, TEXT_W, h);
		cairo_fill(d->cr);
		cairo_restore(d->cr);
	}
	for (size_t c = 0; c < t->ncols; c++) {
		draw_at(d, layouts[c], x + PAD, d->y + PAD, 0.1);
		x += t->widths[c] * TEXT_W;
	}
	d->y += h;
}

static void free_row(PangoLayout **layouts, size_t n)
{
	for (size_t c = 0; c < n; c++)
		g_object_unref(layouts[c]);
}

void rpt_doc_table(struct doc *d, const struct doc_table *t)
{
	PangoLayout **head = g_new0(PangoLayout *, t->ncols);
	PangoLayout **row = g_new0(PangoLayout *, t->ncols);
	double head_h;

	if (!rpt_doc_ok(d))
		goto out;
	head_h = table_row(d, t, -1, head);
	/* The header never stands alone at the foot of a page. */
	room(d, head_h + 20);
	draw_row(d, t, head, head_h, true, false);
	for (size_t r = 0; r < t->nrows && rpt_doc_ok(d); r++) {
		double h = table_row(d, t, (long)r, row);
		if (d->y + h > DOC_PAGE_H - MARGIN_BOTTOM) {
			rpt_doc_page(d); /* and the header again */
			draw_row(d, t, head, head_h, true, false);
		}
		draw_row(d, t, row, h, false, r % 2 == 1);
		free_row(row, t->ncols);
	}
	d->y += 10;
	free_row(head, t->ncols);
out:
	g_free(head);
	g_free(row);
}

/* ---- contents ---------------------------------------------------------------
 */

void rpt_doc_contents(struct doc *d, const char *heading, GPtrArray *titles)
{
	if (!rpt_doc_ok(d))
		return;
	rpt_doc_page(d);
	d->y += text_at(d, heading, MARGIN_X, d->y, TEXT_W, 17, true,
	                PANGO_ALIGN_LEFT, 0.1);
	d->y += 16;
	for (guint i = 0; i < titles->len; i++) {
		char num[16] = "...";
		double h;
		if (d->planned && i < d->planned->len)
			snprintf(num, sizeof(num), "%d",
			         g_array_index(d->planned, int, i));
		h = text_at(d, g_ptr_array_index(titles, i), MARGIN_X, d->y,
		            TEXT_W - 40, 11, false, PANGO_ALIGN_LEFT, 0.1);
		text_at(d, num, MARGIN_X, d->y, TEXT_W, 11, false,
		        PANGO_ALIGN_RIGHT, 0.1);
		d->y += h + 7;
	}
}
