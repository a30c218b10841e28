/*
 * doc.c - the flowing A4 document of the reports (see doc.h).
 *
 * The page has fixed margins; a cursor Y moves down the text area.  Every
 * block measures itself with pango first, asks for the room it needs to
 * start (place: the pending headings and the block's first part, or a
 * new page) and then draws.  Text uses DejaVu Sans, like the charts, so
 * Kazakh letters render; pango inserts no hyphens, and a line breaks
 * inside a word only when the word alone is wider than its box.
 */
#include <assert.h>
#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"

#define MARGIN_X      56.0
#define MARGIN_TOP    66.0
#define MARGIN_BOTTOM 64.0
#define TEXT_W        (DOC_PAGE_W - 2 * MARGIN_X)
#define PAGE_BOTTOM   (DOC_PAGE_H - MARGIN_BOTTOM)
#define BODY_PT       9.5
#define CELL_PT       8.0
#define PAD           3.0
#define FONT          "DejaVu Sans"

/* A heading, or a lead paragraph (level 0), waiting for the block it is
 * kept with. */
struct pending {
	int level;
	char *text;
};

/* The text laid out so far, kept over the passes of a report (doc.h). */
struct doc_cache {
	PangoContext *pc;    /* made from the first document's surface */
	GHashTable *layouts; /* key (see layout_as) -> PangoLayout */
	cairo_surface_t *emblem; /* decoded by the first document, or NULL */
};

struct doc {
	cairo_surface_t *surface; /* the PDF, or this page's recording */
	cairo_t *cr;
	bool draws; /* false: a pass that only measures */
	struct doc_cache *cache;
	bool own_cache; /* the setup gave none */
	enum cbm_lang lang;
	char *title, *header, *symbol;
	cairo_surface_t *emblem; /* decoded, or NULL */
	const struct doc_trace *trace;
	int page;           /* the current page, 1-based; 0 before the first */
	double y;           /* the cursor on the current page */
	bool on_cover;      /* the cover has no header or footer */
	bool page_due;      /* the next block starts a new page */
	int pages;          /* from the plan; 0 when unknown */
	GArray *planned;    /* pages of the sections, from the plan */
	GArray *sections;   /* pages of the sections met in this pass */
	GPtrArray *pending; /* struct pending *, in order */
	struct cbm_error *err;
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
	return d->err->code == CBM_OK;
}

enum cbm_lang rpt_doc_lang(const struct doc *d)
{
	return d->lang;
}

int rpt_doc_page_number(const struct doc *d)
{
	return d->page;
}

/* Records cairo's status of the context, once it is an error. */
static void check_cairo(struct doc *d)
{
	cairo_status_t st = cairo_status(d->cr);

	if (st != CAIRO_STATUS_SUCCESS)
		CBM_ERROR(d->err, CBM_EINTERNAL, NULL,
		          "cannot draw the report: %s",
		          cairo_status_to_string(st));
}

/* ---- text ------------------------------------------------------------- */

/* A numeral and its Kazakh case ending ("61,2 %-ға", "20-сы") stay on
 * one line: no break around the hyphen that joins them. */
static void keep_endings(PangoAttrList *attrs, const char *text)
{
	for (const char *p = text; (p = strchr(p, '-')) != NULL; p++) {
		const char *end = p + 1;
		PangoAttribute *a;
		if (p == text || !(g_ascii_isdigit(p[-1]) || p[-1] == '%') ||
		    (unsigned char)*end < 0x80)
			continue;
		while (*end && g_unichar_isalpha(g_utf8_get_char(end)))
			end = g_utf8_next_char(end);
		a = pango_attr_allow_breaks_new(FALSE);
		a->start_index = (guint)(p - 1 - text);
		a->end_index = (guint)(end - text);
		pango_attr_list_insert(attrs, a);
	}
}

struct doc_cache *rpt_doc_cache_new(void)
{
	struct doc_cache *c = g_new0(struct doc_cache, 1);

	c->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                   g_object_unref);
	return c;
}

void rpt_doc_cache_free(struct doc_cache *c)
{
	if (!c)
		return;
	g_hash_table_destroy(c->layouts);
	if (c->emblem)
		cairo_surface_destroy(c->emblem);
	if (c->pc)
		g_object_unref(c->pc);
	g_free(c);
}

/* How text is set: its size, weight and box. */
struct setting {
	double size;
	bool bold;
	double width;   /* < 0: one line per paragraph */
	double spacing; /* between lines, in points */
	PangoAlignment align;
};

static PangoLayout *new_layout(struct doc *d, const char *text,
                               const struct setting *t)
{
	PangoLayout *l = pango_layout_new(d->cache->pc);
	PangoFontDescription *f = pango_font_description_from_string(FONT);
	PangoAttrList *attrs = pango_attr_list_new();
	char *clean = g_utf8_make_valid(text, -1);

	pango_font_description_set_absolute_size(f, t->size * PANGO_SCALE);
	pango_font_description_set_weight(f, t->bold ? PANGO_WEIGHT_BOLD
	                                             : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, f);
	pango_layout_set_width(l, t->width < 0 ? -1
	                                       : (int)(t->width * PANGO_SCALE));
	/* Words are broken only when one alone is wider than the box, and
	 * never with a hyphen pango would insert ("Исполнен-ие"). */
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
	keep_endings(attrs, clean);
	pango_layout_set_attributes(l, attrs);
	pango_layout_set_spacing(l, (int)(t->spacing * PANGO_SCALE));
	pango_layout_set_alignment(l, t->align);
	pango_layout_set_text(l, clean, -1);
	pango_attr_list_unref(attrs);
	pango_font_description_free(f);
	g_free(clean);
	return l;
}

/* TEXT laid out as T says, borrowed from the cache: a report lays out
 * the same text in each of its passes, and a table measures a row more
 * than once; shaping it once is what makes a report fast.  All layouts
 * share one pango context, made from the first surface (every pass
 * writes a PDF, whose font options are the same). */
static PangoLayout *layout_as(struct doc *d, const char *text,
                              const struct setting *t)
{
	char *key;
	PangoLayout *l;

	if (!text)
		text = "";
	key = g_strdup_printf("%a %d %a %a %d %s", t->size, t->bold, t->width,
	                      t->spacing, (int)t->align, text);
	l = g_hash_table_lookup(d->cache->layouts, key);
	if (l) {
		g_free(key);
		return l;
	}
	if (!d->cache->pc)
		d->cache->pc = pango_cairo_create_context(d->cr);
	l = new_layout(d, text, t);
	g_hash_table_insert(d->cache->layouts, key, l);
	return l;
}

/* Left-aligned TEXT without line spacing (borrowed). */
static PangoLayout *layout(struct doc *d, const char *text, double size,
                           bool bold, double width)
{
	struct setting t = {size, bold, width, 0, PANGO_ALIGN_LEFT};

	return layout_as(d, text, &t);
}

static double height_of(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double width_of(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void draw_at(struct doc *d, PangoLayout *l, double x, double y,
                    double grey, bool bold)
{
	PangoRectangle ink, logical;

	if (!d->draws)
		return;
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, grey, grey, grey);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
	cairo_restore(d->cr);
	if (d->trace && d->trace->text) {
		pango_layout_get_pixel_extents(l, &ink, &logical);
		d->trace->text(d->trace->data, d->page, x + logical.x,
		               y + logical.y, logical.width, logical.height,
		               bold, pango_layout_get_text(l));
	}
}

/* Draws TEXT at (X, Y) within WIDTH, aligned as ALIGN; returns its
 * height. */
static double text_at(struct doc *d, const char *text, double x, double y,
                      double width, double size, bool bold,
                      PangoAlignment align, double grey)
{
	struct setting t = {size, bold, width, 0, align};
	PangoLayout *l = layout_as(d, text, &t);

	draw_at(d, l, x, y, grey, bold);
	return height_of(l);
}

/* ---- the emblem ---------------------------------------------------------- */

struct png_read {
	const unsigned char *data;
	size_t len, at;
};

static cairo_status_t read_png(void *closure, unsigned char *out,
                               unsigned int length)
{
	struct png_read *r = closure;

	if (r->len - r->at < length)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(out, r->data + r->at, length);
	r->at += length;
	return CAIRO_STATUS_SUCCESS;
}

static void load_emblem(struct doc *d, const unsigned char *png, size_t len)
{
	struct png_read r = {png, len, 0};

	if (!png || !len)
		return;
	if (d->cache->emblem) { /* a pass before decoded it */
		d->emblem = cairo_surface_reference(d->cache->emblem);
		return;
	}
	d->emblem = cairo_image_surface_create_from_png_stream(read_png, &r);
	if (cairo_surface_status(d->emblem) != CAIRO_STATUS_SUCCESS) {
		CBM_ERROR(
		    d->err, CBM_EDATA, NULL,
		    "the organisation's emblem is not a PNG cairo can "
		    "read (%s); import the organization file again "
		    "with another emblem",
		    cairo_status_to_string(cairo_surface_status(d->emblem)));
		cairo_surface_destroy(d->emblem);
		d->emblem = NULL;
		return;
	}
	d->cache->emblem = cairo_surface_reference(d->emblem);
}

/* The emblem scaled into the square (X, Y, SIZE). */
static void draw_emblem(struct doc *d, double x, double y, double size)
{
	int w, h;
	double s;

	if (!d->emblem || !d->draws)
		return;
	w = cairo_image_surface_get_width(d->emblem);
	h = cairo_image_surface_get_height(d->emblem);
	s = size / fmax(1, fmax(w, h));
	cairo_save(d->cr);
	cairo_translate(d->cr, x + (size - w * s) / 2, y + (size - h * s) / 2);
	cairo_scale(d->cr, s, s);
	cairo_set_source_surface(d->cr, d->emblem, 0, 0);
	cairo_paint(d->cr);
	cairo_restore(d->cr);
}

/* ---- pages ------------------------------------------------------------ */

static void rule(struct doc *d, double y)
{
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, MARGIN_X, y);
	cairo_line_to(d->cr, DOC_PAGE_W - MARGIN_X, y);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
}

/* The running header: the emblem and the organisation, the symbol. */
static void header(struct doc *d)
{
	double x = MARGIN_X;

	if (d->emblem) {
		draw_emblem(d, x, 26, 16);
		x += 22;
	}
	if (d->header)
		text_at(d, d->header, x, 29, TEXT_W * 0.72 - (x - MARGIN_X),
		        7.5, false, PANGO_ALIGN_LEFT, 0.4);
	if (d->symbol)
		text_at(d, d->symbol, MARGIN_X + TEXT_W * 0.72, 29,
		        TEXT_W * 0.28, 7.5, false, PANGO_ALIGN_RIGHT, 0.4);
	if (d->emblem || d->header || d->symbol)
		rule(d, 47);
}

static void footer(struct doc *d)
{
	char num[64];

	/* The first pass does not know the total yet; its text is as wide.
	 * Two spaces each side: readers that extract the text (pdftotext)
	 * otherwise run "3 / 9" together. */
	snprintf(num, sizeof(num), "%d  /  %d", d->page,
	         d->pages ? d->pages : d->page);
	rule(d, PAGE_BOTTOM + 18);
	text_at(d, d->title, MARGIN_X, PAGE_BOTTOM + 24, TEXT_W * 0.8, 7.5,
	        false, PANGO_ALIGN_LEFT, 0.4);
	text_at(d, num, MARGIN_X, PAGE_BOTTOM + 24, TEXT_W, 7.5, false,
	        PANGO_ALIGN_RIGHT, 0.4);
}

/* A recording surface for the next page, when a test traces pages. */
static void page_surface(struct doc *d)
{
	cairo_destroy(d->cr);
	cairo_surface_destroy(d->surface);
	d->surface =
	    cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	d->cr = cairo_create(d->surface);
}

/* Ends the current page: its header and footer, then the page itself. */
static void finish_page(struct doc *d)
{
	if (d->page == 0)
		return;
	if (!d->on_cover) {
		header(d);
		footer(d);
	}
	check_cairo(d);
	if (d->trace && d->trace->page) {
		cairo_surface_flush(d->surface);
		d->trace->page(d->trace->data, d->page, d->surface);
		page_surface(d);
	} else {
		cairo_show_page(d->cr);
	}
}

static void new_page(struct doc *d)
{
	finish_page(d);
	d->page++;
	d->on_cover = false;
	d->page_due = false;
	d->y = MARGIN_TOP;
}

/* ---- keeping headings with what follows ---------------------------------- */

static double heading_size(int level)
{
	return level == 1 ? 15.0 : 11.5;
}

static double heading_gap(int level)
{
	return level == 1 ? 16.0 : 8.0;
}

/* The layout of a pending item. */
static PangoLayout *pending_layout(struct doc *d, const struct pending *p)
{
	struct setting body = {BODY_PT, false, TEXT_W, 2, PANGO_ALIGN_LEFT};

	if (p->level == 0)
		return layout_as(d, p->text, &body);
	return layout(d, p->text, heading_size(p->level), true, TEXT_W);
}

/* The space before and after a pending item. */
static double pending_gap(const struct pending *p, bool after)
{
	if (p->level == 0)
		return after ? 8 : 0;
	if (after)
		return p->level == 1 ? 8 : 5;
	return heading_gap(p->level);
}

/* The height of the pending items, their gaps included. */
static double pending_height(struct doc *d)
{
	double h = 0;

	for (guint i = 0; i < d->pending->len; i++) {
		const struct pending *p = g_ptr_array_index(d->pending, i);
		PangoLayout *l = pending_layout(d, p);
		h +=
		    pending_gap(p, false) + height_of(l) + pending_gap(p, true);
	}
	return h;
}

static void draw_pending(struct doc *d)
{
	for (guint i = 0; i < d->pending->len; i++) {
		const struct pending *p = g_ptr_array_index(d->pending, i);
		PangoLayout *l = pending_layout(d, p);
		if (d->y > MARGIN_TOP)
			d->y += pending_gap(p, false);
		if (p->level == 1)
			g_array_append_val(d->sections, d->page);
		draw_at(d, l, MARGIN_X, d->y, p->level ? 0.1 : 0.15,
		        p->level > 0);
		d->y += height_of(l) + pending_gap(p, true);
	}
	g_ptr_array_set_size(d->pending, 0);
}

/* Room for the pending headings and H points of what follows: a new page
 * when they do not fit (unless the page is still empty: what does not
 * fit on an empty page is drawn anyway, and runs over). */
static void place(struct doc *d, double h)
{
	double need = pending_height(d) + h;

	if (d->page == 0 || d->page_due ||
	    (d->y + need > PAGE_BOTTOM && d->y > MARGIN_TOP))
		new_page(d);
	draw_pending(d);
}

/* ---- open, close ----------------------------------------------------------
 */

static void free_pending(gpointer p)
{
	struct pending *h = p;

	g_free(h->text);
	g_free(h);
}

static void set_metadata(struct doc *d, const struct doc_setup *s)
{
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE,
	                               s->title);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR,
	                               "cbm");
	chart_pdf_set_dates(d->surface, d->err);
}

enum cbm_status rpt_doc_open(struct doc **out, FILE *fp,
                             const struct doc_setup *s,
                             const struct doc_plan *plan, struct cbm_error *err)
{
	struct doc *d = g_new0(struct doc, 1);
	cairo_status_t st;

	d->err = err;
	d->lang = s->lang;
	d->title = g_strdup(s->title);
	d->header = g_strdup(s->header);
	d->symbol = g_strdup(s->symbol);
	d->trace = s->trace;
	d->draws = fp || s->trace;
	d->cache = s->cache;
	d->own_cache = !d->cache;
	if (d->own_cache)
		d->cache = rpt_doc_cache_new();
	d->sections = g_array_new(FALSE, FALSE, sizeof(int));
	d->pending = g_ptr_array_new_with_free_func(free_pending);
	if (plan) {
		d->pages = plan->pages;
		d->planned = plan->sections;
	}
	if (d->trace && d->trace->page)
		d->surface = cairo_recording_surface_create(
		    CAIRO_CONTENT_COLOR_ALPHA, NULL);
	else
		d->surface = cairo_pdf_surface_create_for_stream(
		    fp ? chart_stream_write : write_nowhere, fp, DOC_PAGE_W,
		    DOC_PAGE_H);
	st = cairo_surface_status(d->surface);
	if (st != CAIRO_STATUS_SUCCESS)
		CBM_ERROR(err, CBM_EINTERNAL, NULL, "cannot write: %s",
		          cairo_status_to_string(st));
	else if (!(d->trace && d->trace->page))
		set_metadata(d, s);
	d->cr = cairo_create(d->surface);
	load_emblem(d, s->emblem, s->emblem_len);
	*out = d;
	return err->code;
}

enum cbm_status rpt_doc_close(struct doc *d, struct doc_plan *plan)
{
	enum cbm_status rc;
	cairo_status_t st;

	if (!d)
		return CBM_OK;
	if (rpt_doc_ok(d))
		finish_page(d);
	check_cairo(d);
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	st = cairo_surface_status(d->surface);
	if (st != CAIRO_STATUS_SUCCESS)
		CBM_ERROR(d->err, CBM_EINTERNAL, NULL,
		          "cannot write the PDF: %s",
		          cairo_status_to_string(st));
	cairo_surface_destroy(d->surface);
	if (d->emblem)
		cairo_surface_destroy(d->emblem);
	rc = d->err->code;
	if (plan) {
		plan->pages = d->page;
		plan->sections = d->sections;
	} else {
		g_array_free(d->sections, TRUE);
	}
	g_ptr_array_free(d->pending, TRUE);
	if (d->own_cache)
		rpt_doc_cache_free(d->cache);
	g_free(d->title);
	g_free(d->header);
	g_free(d->symbol);
	g_free(d);
	return rc;
}

/* ---- blocks ------------------------------------------------------------- */

static void cover_band(struct doc *d, const struct doc_cover *c)
{
	double x = MARGIN_X;

	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.0, 0.447, 0.698); /* Okabe-Ito blue */
	cairo_rectangle(d->cr, 0, 0, DOC_PAGE_W, 250);
	cairo_fill(d->cr);
	cairo_restore(d->cr);
	if (d->emblem) {
		/* A white disc behind it: the emblem may be blue itself. */
		cairo_save(d->cr);
		cairo_set_source_rgb(d->cr, 1, 1, 1);
		cairo_arc(d->cr, x + 48, 125, 50, 0, 2 * G_PI);
		cairo_fill(d->cr);
		cairo_restore(d->cr);
		draw_emblem(d, x + 6, 83, 84);
		x += 120;
	}
	if (c->org) {
		double h = text_at(d, c->org, x, 90, DOC_PAGE_W - MARGIN_X - x,
		                   14, true, PANGO_ALIGN_LEFT, 1.0);
		if (c->org_short)
			text_at(d, c->org_short, x, 90 + h + 8,
			        DOC_PAGE_W - MARGIN_X - x, 12, false,
			        PANGO_ALIGN_LEFT, 1.0);
	} else if (c->org_short) {
		text_at(d, c->org_short, x, 110, DOC_PAGE_W - MARGIN_X - x, 14,
		        true, PANGO_ALIGN_LEFT, 1.0);
	}
}

void rpt_doc_cover(struct doc *d, const struct doc_cover *c)
{
	if (!rpt_doc_ok(d))
		return;
	new_page(d);
	d->on_cover = true;
	cover_band(d, c);
	d->y = 300;
	if (c->symbol)
		d->y += text_at(d, c->symbol, MARGIN_X, d->y, TEXT_W, 11, true,
		                PANGO_ALIGN_RIGHT, 0.2) +
		        4;
	if (c->date)
		d->y += text_at(d, c->date, MARGIN_X, d->y, TEXT_W, 11, false,
		                PANGO_ALIGN_RIGHT, 0.2);
	d->y = fmax(d->y + 30, 360);
	d->y += text_at(d, c->title, MARGIN_X, d->y, TEXT_W, 26, true,
	                PANGO_ALIGN_LEFT, 0.1);
	d->y += 14;
	d->y += text_at(d, c->subtitle, MARGIN_X, d->y, TEXT_W, 14, false,
	                PANGO_ALIGN_LEFT, 0.3);
	if (c->signatory)
		text_at(d, c->signatory, MARGIN_X, DOC_PAGE_H - 200, TEXT_W, 11,
		        false, PANGO_ALIGN_LEFT, 0.2);
	text_at(d, c->small_print, MARGIN_X, DOC_PAGE_H - 150, TEXT_W, 8.5,
	        false, PANGO_ALIGN_LEFT, 0.4);
	d->page_due = true;
}

static void add_pending(struct doc *d, int level, const char *text)
{
	struct pending *p;

	if (!rpt_doc_ok(d))
		return;
	p = g_new0(struct pending, 1);
	p->level = level;
	p->text = g_strdup(text);
	g_ptr_array_add(d->pending, p);
}

void rpt_doc_heading(struct doc *d, int level, const char *text)
{
	add_pending(d, level, text);
}

void rpt_doc_lead(struct doc *d, const char *text)
{
	add_pending(d, 0, text);
}

/* A wrapped text block of SIZE points, kept whole, then GAP points. */
static void text_block(struct doc *d, const char *text, double size,
                       double spacing, double grey, double gap)
{
	struct setting t = {size, false, TEXT_W, spacing, PANGO_ALIGN_LEFT};
	PangoLayout *l;
	double h;

	if (!rpt_doc_ok(d))
		return;
	l = layout_as(d, text, &t);
	h = height_of(l);
	place(d, h);
	draw_at(d, l, MARGIN_X, d->y, grey, false);
	d->y += h + gap;
}

void rpt_doc_paragraph(struct doc *d, const char *text)
{
	text_block(d, text, BODY_PT, 2, 0.15, 8);
}

void rpt_doc_note(struct doc *d, const char *text)
{
	text_block(d, text, 7.5, 0, 0.45, 8);
}

/* Lays out the value and label of one key figure in a box W wide: values
 * shrink to fit on one line; one that still does not fit at 8 points (a
 * sum of 10^17 dollars) wraps rather than being cut by the next box. */
static void key_figure(struct doc *d, const char *value, const char *label,
                       double w, PangoLayout **v, PangoLayout **l)
{
	double size = 16;

	*v = layout(d, value, size, true, -1);
	while (width_of(*v) > w - 20 && size > 8) {
		size -= 1;
		*v = layout(d, value, size, true, -1);
	}
	if (width_of(*v) > w - 20)
		*v = layout(d, value, size, true, w - 20);
	*l = layout(d, label, 7.5, false, w - 20);
}

void rpt_doc_key_figures(struct doc *d, const char *const *labels,
                         const char *const *values, size_t n)
{
	double w = TEXT_W / (double)(n ? n : 1), box_h = 0, label_y = 34;
	PangoLayout **v, **l;

	if (!rpt_doc_ok(d) || n == 0)
		return;
	v = g_new0(PangoLayout *, n);
	l = g_new0(PangoLayout *, n);
	for (size_t i = 0; i < n; i++) {
		key_figure(d, values[i], labels[i], w, &v[i], &l[i]);
		label_y = fmax(label_y, 8 + height_of(v[i]) + 4);
	}
	for (size_t i = 0; i < n; i++)
		box_h = fmax(box_h, label_y + height_of(l[i]) + 8);
	place(d, box_h + 10);
	for (size_t i = 0; i < n; i++) {
		double x = MARGIN_X + (double)i * w;
		cairo_save(d->cr);
		cairo_set_source_rgb(d->cr, 0.94, 0.96, 0.98);
		cairo_rectangle(d->cr, x + 3, d->y, w - 6, box_h);
		cairo_fill(d->cr);
		cairo_restore(d->cr);
		draw_at(d, v[i], x + 10, d->y + 8, 0.0, true);
		draw_at(d, l[i], x + 10, d->y + label_y, 0.35, false);
	}
	d->y += box_h + 12;
	g_free(v);
	g_free(l);
}

void rpt_doc_keep(struct doc *d, double h)
{
	if (rpt_doc_ok(d))
		place(d, h);
}

double rpt_doc_fit(struct doc *d, double h, double min, double after)
{
	double room;

	assert(min <= h);
	if (!rpt_doc_ok(d) || d->page == 0 || d->page_due)
		return h;
	room = PAGE_BOTTOM - d->y - pending_height(d) - after;
	return room >= h || room < min ? h : room;
}

void rpt_doc_chart(struct doc *d, const struct chart *c, double h)
{
	struct cbm_error err = {0};

	if (!rpt_doc_ok(d))
		return;
	place(d, h);
	/* A chart is as high as it is given: a pass that only measures
	 * need not draw it. */
	if (d->draws &&
	    chart_draw(d->cr, c, MARGIN_X, d->y, TEXT_W, h, &err) != CBM_OK)
		CBM_ERROR(d->err, err.code, NULL, "%s", err.message);
	d->y += h + 10;
}

/* ---- tables ------------------------------------------------------------ */

/* How a table is drawn: its columns' widths and its font size. */
struct fit {
	double *w;
	double size;
};

/* The width of TEXT's widest line (WHOLE) or widest word, in points, at
 * SIZE. */
static double widest(struct doc *d, const char *text, double size, bool bold,
                     bool whole)
{
	char **parts;
	double best = 0;

	if (!text || !*text)
		return 0;
	parts = whole ? g_strsplit(text, "\n", -1)
	              : g_strsplit_set(text, " \n", -1);
	for (int i = 0; parts[i]; i++)
		best =
		    fmax(best, width_of(layout(d, parts[i], size, bold, -1)));
	g_strfreev(parts);
	return best;
}

/* The least width of column C: its header's longest word, a number's
 * whole width, a text's longest word (at most half the text width). */
static double least_width(struct doc *d, const struct doc_table *t, size_t c,
                          double size)
{
	double least = widest(d, t->header[c], size, true, false);

	for (size_t r = 0; r < t->nrows; r++) {
		const char *cell = t->cells[r * t->ncols + c];
		bool bold = t->bold_last && r + 1 == t->nrows;
		double w = widest(d, cell, size, bold, t->right[c]);
		least = fmax(least, t->right[c] ? w : fmin(w, TEXT_W / 2));
	}
	return least + 2 * PAD + 1;
}

/* The sum of the least widths at SIZE into LEAST. */
static double least_widths(struct doc *d, const struct doc_table *t,
                           double size, double *least)
{
	double sum = 0;

	for (size_t c = 0; c < t->ncols; c++)
		sum += least[c] = least_width(d, t, c, size);
	return sum;
}

/* Widths that give every column its least width, taken from the others'
 * room beyond theirs, within the text width; a table too wide for that
 * at 8 points is set smaller, down to 6. */
static void fit_table(struct doc *d, const struct doc_table *t, struct fit *f)
{
	double *least = g_new(double, t->ncols ? t->ncols : 1), *w = f->w;
	double want = 0, total = 0, slack = 0, target, pads;
	double sum_least;

	f->size = CELL_PT;
	sum_least = least_widths(d, t, f->size, least);
	pads = (2 * PAD + 1) * (double)t->ncols;
	if (sum_least > TEXT_W) {
		f->size = fmax(6.0, f->size * (TEXT_W - pads) /
		                        (sum_least - pads) * 0.99);
		sum_least = least_widths(d, t, f->size, least);
	}
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = fmax(t->widths[c] * TEXT_W, least[c]);
		want += t->widths[c] * TEXT_W;
		total += w[c];
		slack += w[c] - least[c];
	}
	target = fmin(TEXT_W, fmax(want, sum_least));
	for (size_t c = 0; c < t->ncols && total > target; c++) {
		if (slack >= total - target)
			w[c] -= (total - target) * (w[c] - least[c]) /
			        fmax(slack, 1e-9);
		else /* too narrow for all: in proportion to the least */
			w[c] = least[c] * target / sum_least;
	}
	g_free(least);
}

static void fit_open(struct doc *d, const struct doc_table *t, struct fit *f)
{
	f->w = g_new(double, t->ncols ? t->ncols : 1);
	fit_table(d, t, f);
}

/* Lays out row R (-1: the header) of T; fills LAYOUTS (borrowed) and
 * returns the row's height. */
static double table_row(struct doc *d, const struct doc_table *t,
                        const struct fit *f, long r, PangoLayout **layouts)
{
	double h = 0;

	for (size_t c = 0; c < t->ncols; c++) {
		const char *text =
		    r < 0 ? t->header[c] : t->cells[(size_t)r * t->ncols + c];
		bool bold =
		    r < 0 || (t->bold_last && (size_t)r + 1 == t->nrows);
		struct setting set = {f->size, bold, f->w[c] - 2 * PAD, 0,
		                      t->right[c] ? PANGO_ALIGN_RIGHT
		                                  : PANGO_ALIGN_LEFT};
		layouts[c] = layout_as(d, text, &set);
		h = fmax(h, height_of(layouts[c]));
	}
	return h + 2 * PAD;
}

/* The height of row R of T (-1: the header). */
static double row_height(struct doc *d, const struct doc_table *t,
                         const struct fit *f, long r)
{
	PangoLayout **l = g_new0(PangoLayout *, t->ncols);
	double h = table_row(d, t, f, r, l);

	g_free(l);
	return h;
}

static double start_height(struct doc *d, const struct doc_table *t,
                           const struct fit *f)
{
	double h = row_height(d, t, f, -1);

	for (size_t r = 0; r < t->nrows && r < 3; r++)
		h += row_height(d, t, f, (long)r);
	return h;
}

double rpt_doc_table_start(struct doc *d, const struct doc_table *t)
{
	struct fit f;
	double h;

	fit_open(d, t, &f);
	h = start_height(d, t, &f);
	g_free(f.w);
	return h;
}

static void draw_row(struct doc *d, const struct doc_table *t,
                     const struct fit *f, PangoLayout **layouts, double h,
                     bool bold, bool shaded, bool header)
{
	double x = MARGIN_X, total = 0;

	for (size_t c = 0; c < t->ncols; c++)
		total += f->w[c];
	if (shaded || header) {
		cairo_save(d->cr);
		if (header)
			cairo_set_source_rgb(d->cr, 0.88, 0.92, 0.96);
		else
			cairo_set_source_rgb(d->cr, 0.965, 0.965, 0.965);
		cairo_rectangle(d->cr, MARGIN_X, d->y, total, h);
		cairo_fill(d->cr);
		cairo_restore(d->cr);
	}
	if (bold && !header) /* a total: a rule above it */
		rule(d, d->y);
	for (size_t c = 0; c < t->ncols; c++) {
		draw_at(d, layouts[c], x + PAD, d->y + PAD, 0.1, bold);
		x += f->w[c];
	}
	d->y += h;
}

/* True when the last three rows start at row R and will not all fit on
 * this page, which has at least three rows of the table already: they
 * go to the next page together rather than leave one or two (a total
 * alone) behind. */
static bool widow(struct doc *d, const struct doc_table *t, const struct fit *f,
                  size_t r, size_t on_page)
{
	double h = 0;

	if (t->nrows < 6 || r + 3 != t->nrows || on_page < 3)
		return false;
	for (size_t i = r; i < t->nrows; i++)
		h += row_height(d, t, f, (long)i);
	return d->y + h > PAGE_BOTTOM;
}

void rpt_doc_table(struct doc *d, const struct doc_table *t)
{
	PangoLayout **head = g_new0(PangoLayout *, t->ncols);
	PangoLayout **row = g_new0(PangoLayout *, t->ncols);
	struct fit f = {0};
	double head_h;

	if (!rpt_doc_ok(d))
		goto out;
	fit_open(d, t, &f);
	place(d, start_height(d, t, &f));
	head_h = table_row(d, t, &f, -1, head);
	draw_row(d, t, &f, head, head_h, true, false, true);
	for (size_t r = 0, on_page = 0; r < t->nrows && rpt_doc_ok(d); r++) {
		bool total = t->bold_last && r + 1 == t->nrows;
		double h = table_row(d, t, &f, (long)r, row);
		if (d->y + h > PAGE_BOTTOM || widow(d, t, &f, r, on_page)) {
			new_page(d); /* and the header again */
			draw_row(d, t, &f, head, head_h, true, false, true);
			on_page = 0;
		}
		on_page++;
		draw_row(d, t, &f, row, h, total, r % 2 == 1 && !total, false);
	}
	d->y += 10;
out:
	g_free(head);
	g_free(row);
	g_free(f.w);
}

/* ---- contents ---------------------------------------------------------- */

void rpt_doc_contents(struct doc *d, const char *heading, GPtrArray *titles)
{
	if (!rpt_doc_ok(d))
		return;
	new_page(d);
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
	d->y += 18;
	d->page_due = titles->len == 0;
}
