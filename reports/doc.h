/*
 * doc.h - internal to reports/: a document that flows onto A4 pages of a
 * cairo PDF surface: headings (collected for the contents), paragraphs,
 * key figures, tables that break across pages with their header repeated,
 * and charts drawn into a rectangle of the page.
 *
 * A report is laid out twice by the same function: the first time onto a
 * surface that writes nowhere, to learn the number of pages and the page
 * of each section; the second time into the file, with "page N of M" and
 * the contents filled in.  Both passes lay out the same text, so pages
 * fall in the same places.
 *
 * Errors are sticky, as in cairo: after the first failure every call does
 * nothing, and rpt_doc_close() reports it.
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

/* Opens a document writing to FP (NULL: to nowhere, the first pass).
 * TITLE goes into the PDF metadata and the running footer.  PLAN is the
 * first pass's result (NULL in the first pass).  The caller owns *OUT. */
enum cbm_status rpt_doc_open(struct doc **out, FILE *fp, const char *title,
                             enum cbm_lang lang, const struct doc_plan *plan,
                             struct cbm_error *err);

/* Finishes the last page and the file; returns the sticky status.  When
 * PLAN is not NULL, fills it (pages, sections; the caller frees the
 * array with g_array_free).  Frees D. */
enum cbm_status rpt_doc_close(struct doc *d, struct doc_plan *plan,
                              struct cbm_error *err);

/* The sticky status so far. */
bool rpt_doc_ok(const struct doc *d);
enum cbm_lang rpt_doc_lang(const struct doc *d);

/* Starts a new page (the current one is finished). */
void rpt_doc_page(struct doc *d);

/* A cover page: a band with the forum's name, TITLE, SUBTITLE and a line
 * of small print (dates, sources), then a new page. */
void rpt_doc_cover(struct doc *d, const char *forum, const char *title,
                   const char *subtitle, const char *small_print);

/* The contents: one line per level-1 heading with its page (from the
 * plan; "..." in the first pass).  TITLES are the headings in order. */
void rpt_doc_contents(struct doc *d, const char *heading, GPtrArray *titles);

/* A heading.  Level 1 starts a new page and enters the contents. */
void rpt_doc_heading(struct doc *d, int level, const char *text);

/* A paragraph of body text (wrapped; may break across pages only between
 * paragraphs). */
void rpt_doc_paragraph(struct doc *d, const char *text);

/* A row of up to 4 key figures: big VALUES over small LABELS. */
void rpt_doc_key_figures(struct doc *d, const char *const *labels,
                         const char *const *values, size_t n);

/* A table.  WIDTHS are fractions of the text width (summing to 1), RIGHT
 * marks right-aligned (number) columns.  CELLS holds nrows x ncols
 * strings, row-major; NULL shows as empty.  BOLD_LAST makes the last row
 * a total. */
struct doc_table {
	size_t ncols, nrows;
	const char *const *header;
	const double *widths;
	const bool *right;
	const char *const *cells;
	bool bold_last;
};
void rpt_doc_table(struct doc *d, const struct doc_table *t);

/* A chart of height H points across the text width; a new page first
 * when it does not fit. */
void rpt_doc_chart(struct doc *d, const struct chart *c, double h);

/* A new page unless H more points fit on this one: keeps a heading with
 * the chart or table that follows it. */
void rpt_doc_need(struct doc *d, double h);

/* A small grey note (sources, definitions). */
void rpt_doc_note(struct doc *d, const char *text);

#endif /* CBM_REPORTS_DOC_H */
