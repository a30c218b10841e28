/*
 * doc.h - internal to reports/: a document that flows onto A4 pages:
 * headings (collected for the contents), paragraphs, key figures, tables
 * that break across pages with their header repeated, and charts drawn
 * into a rectangle of the page.  Every page but the cover carries the
 * organisation's emblem and name in its header and "N / M" in its footer.
 *
 * Flow: blocks follow one another down the page; a heading is kept with
 * the block after it, and a page ends before its foot only when the next
 * block cannot start on it: a chart with its title, a table's header with
 * its first three rows (or all of them, if fewer), a paragraph whole
 * (DESIGN.md "Figures and reports").  Level-1 headings do not start pages,
 * the body follows the contents on their page, and a chart may be drawn a
 * little shorter to stay on a page (rpt_doc_fit): nothing is left mostly
 * empty for the sake of a section.
 *
 * A report is laid out three times by the same function: first onto a
 * surface that writes nowhere, to learn its sections; then, with the
 * contents listing them, to learn the number of pages and the page of
 * each section; last into the file, with "page N of M" and the contents'
 * pages filled in.  The last two passes lay out the same text, so pages
 * fall in the same places.  Only the last pass draws: the first two
 * measure text and leave charts (as high as they are given) undrawn, and
 * every piece of text is shaped once, in a cache the passes share
 * (struct doc_cache), not once a pass.
 *
 * Errors are sticky, as in cairo: the document writes its failures into
 * the error record it was opened with, only when that record holds none
 * yet, and does nothing once it holds one; rpt_doc_close() returns it.
 * The record may be the report's own, so that a report has one sticky
 * error, the first one raised by a figure or by the drawing.
 *
 * Tests may give a doc_trace: every piece of text drawn is reported with
 * its box, and each page is drawn on a recording surface of its own,
 * handed over when the page is finished, instead of into the PDF.
 */
#ifndef CBM_REPORTS_DOC_H
#define CBM_REPORTS_DOC_H

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "cbm.h"
#include "chart.h"

#define DOC_PAGE_W 595.276 /* A4 in points */
#define DOC_PAGE_H 841.890

struct doc;

/* What the first pass learnt, for the second. */
struct doc_plan {
	int pages;        /* total pages; 0 in the first pass */
	GArray *sections; /* int: page of each level-1 heading, in order */
};

/* What a test sees of a document. */
struct doc_trace {
	void *data;
	/* Each piece of text as drawn on page PAGE (1-based), in the box X,
	 * Y, W, H (points); BOLD for headers, headings and totals. */
	void (*text)(void *data, int page, double x, double y, double w,
	             double h, bool bold, const char *text);
	/* Each finished page, drawn on a recording surface of its own (the
	 * PDF is then not written); the surface is the doc's. */
	void (*page)(void *data, int page, cairo_surface_t *surface);
};

/* How a document looks apart from its blocks. */
struct doc_setup {
	const char *title;  /* PDF metadata and the running footer */
	const char *header; /* the running header (the organisation), or NULL */
	const char *symbol; /* the document symbol, in the header, or NULL */
	enum cbm_lang lang;
	const unsigned char *emblem;   /* a PNG for the cover and the header, */
	size_t emblem_len;             /* or NULL; copied */
	const struct doc_trace *trace; /* tests; NULL otherwise */
	struct doc_cache *cache; /* shared by the passes, or NULL: its own */
};

/* The text a report's passes lay out, shaped once (pango layouts by
 * text, size, weight, box, spacing and alignment).  Made before the first
 * pass, freed after the last. */
struct doc_cache;
struct doc_cache *rpt_doc_cache_new(void);
void rpt_doc_cache_free(struct doc_cache *c);

/* Opens a document writing to FP (NULL: to nowhere, a pass that only
 * measures, unless a trace is given).
 * PLAN is the first pass's result (NULL in the first pass).  ERR is the
 * sticky error record the document keeps using until rpt_doc_close();
 * it must outlive the document.  The caller owns *OUT. */
enum cbm_status rpt_doc_open(struct doc **out, FILE *fp,
                             const struct doc_setup *setup,
                             const struct doc_plan *plan,
                             struct cbm_error *err);

/* Finishes the last page and the file and frees D; returns the sticky
 * status (cairo's own status is checked, of the context and of the
 * surface).  When PLAN is not NULL, fills it (pages, sections; the
 * caller frees the array with g_array_free).  rpt_doc_close(NULL, ...)
 * is a no-op returning CBM_OK. */
enum cbm_status rpt_doc_close(struct doc *d, struct doc_plan *plan);

/* The sticky status so far. */
bool rpt_doc_ok(const struct doc *d);
enum cbm_lang rpt_doc_lang(const struct doc *d);
/* The page being laid out (1-based; 0 before the first). */
int rpt_doc_page_number(const struct doc *d);

/* What the cover says. */
struct doc_cover {
	const char *org;         /* the organisation's full name, or NULL */
	const char *org_short;   /* its short name, or NULL */
	const char *title;       /* the report's title */
	const char *subtitle;    /* under it */
	const char *symbol;      /* the document symbol, or NULL */
	const char *date;        /* the date of the document, or NULL */
	const char *signatory;   /* who it is issued under, or NULL */
	const char *small_print; /* at the foot: sources, when computed */
};

/* The cover page: a band with the emblem and the organisation, the
 * title, the symbol and date, and the small print; what follows starts
 * on a new page. */
void rpt_doc_cover(struct doc *d, const struct doc_cover *c);

/* The contents: one line per level-1 heading with its page (from the
 * plan; "..." before the pages are known).  TITLES are the headings in
 * order.  What follows flows on below it (a page two-thirds empty is what
 * a reader objects to); while TITLES is still empty, in a first pass that
 * only learns them, it starts a new page instead. */
void rpt_doc_contents(struct doc *d, const char *heading, GPtrArray *titles);

/* A heading, kept with the block that follows.  Level 1 enters the
 * contents. */
void rpt_doc_heading(struct doc *d, int level, const char *text);

/* A paragraph of body text (wrapped; kept whole on one page). */
void rpt_doc_paragraph(struct doc *d, const char *text);

/* A paragraph that introduces the block after it and is kept with it,
 * as a heading is. */
void rpt_doc_lead(struct doc *d, const char *text);

/* A row of up to 4 key figures: big VALUES over small LABELS. */
void rpt_doc_key_figures(struct doc *d, const char *const *labels,
                         const char *const *values, size_t n);

/* A table.  WIDTHS are the fractions of the text width each column would
 * like (summing to 1): a column narrower than its header's longest word,
 * or than a number it holds, is widened at the others' expense, so that
 * no header breaks inside a word and no number wraps; a table too wide
 * for that at 8 points is set smaller (down to 6).  RIGHT marks
 * right-aligned (number) columns.  CELLS holds nrows x ncols strings,
 * row-major; NULL shows as empty.  BOLD_LAST makes the last row a total.
 * A table that breaks across pages repeats its header. */
struct doc_table {
	size_t ncols, nrows;
	const char *const *header;
	const double *widths;
	const bool *right;
	const char *const *cells;
	bool bold_last;
};
void rpt_doc_table(struct doc *d, const struct doc_table *t);

/* The height the start of table T needs: its header and first three
 * rows, as a page break before it would have to find room for. */
double rpt_doc_table_start(struct doc *d, const struct doc_table *t);

/* A chart of height H points across the text width. */
void rpt_doc_chart(struct doc *d, const struct chart *c, double h);

/* The height to draw a chart of height H at, AFTER points of what must
 * stay with it below: H when that fits on this page, else as much as fits
 * down to MIN (a chart a little shorter rather than a page left
 * half empty), else H again, for a new page. */
double rpt_doc_fit(struct doc *d, double h, double min, double after);

/* Room for H more points below the pending headings, or a new page: keeps
 * a chart with the table after it. */
void rpt_doc_keep(struct doc *d, double h);

/* A small grey note (sources, definitions). */
void rpt_doc_note(struct doc *d, const char *text);

#endif /* CBM_REPORTS_DOC_H */
