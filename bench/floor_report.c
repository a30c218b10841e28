/*
 * floor_report.c - the floor of writing a report's pages with pango and
 * cairo: the text of a PDF (pdftotext's, pages split by form feeds), each
 * line laid out by pango in the reports' font and shown by cairo on an A4
 * page of a PDF, one page for each page of text.  No database, no
 * figures, no charts, no tables, no second layout: what any program that
 * writes those pages' text with the stack DESIGN asks for (pango, cairo)
 * cannot do without.  Linked with pangocairo and GLib alone, so the
 * dynamic loader maps only what it needs.
 *
 * pdftotext gives a table one cell a line, so a page may have more lines
 * than fit at the reports' line height: they are then set closer, and
 * overlap.  That changes where glyphs land, not how many are laid out and
 * shown.
 *
 *   floor_report TEXT OUT.pdf
 */
#include <cairo-pdf.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#define A4_WIDTH  595.28 /* points */
#define A4_HEIGHT 841.89 /* points */
#define MARGIN    56.0
#define LINE      13.0 /* the most between two lines */

/* Shows the non-empty lines of TEXT (one page's) with L at the left
 * margin, spread over a page of their own; nothing when there are none
 * (pdftotext ends the text with a form feed). */
static void show_page(cairo_t *cr, PangoLayout *l, char *text)
{
	char **lines = g_strsplit(text, "\n", -1);
	guint n = 0;

	for (guint i = 0; lines[i]; i++)
		if (*g_strstrip(lines[i]))
			lines[n++] = lines[i];
		else
			g_free(lines[i]);
	lines[n] = NULL;
	double step = n ? MIN(LINE, (A4_HEIGHT - 2 * MARGIN) / n) : LINE;
	for (guint i = 0; i < n; i++) {
		pango_layout_set_text(l, lines[i], -1);
		cairo_move_to(cr, MARGIN, MARGIN + i * step);
		pango_cairo_show_layout(cr, l);
	}
	if (n)
		cairo_show_page(cr);
	g_strfreev(lines);
}

/* Writes the pages of TEXT (split by form feeds) to the PDF at PATH. */
static int write_pdf(const char *path, const char *text)
{
	cairo_surface_t *s =
	    cairo_pdf_surface_create(path, A4_WIDTH, A4_HEIGHT);
	cairo_t *cr = cairo_create(s);
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *f =
	    pango_font_description_from_string("DejaVu Sans 9");
	char **pages = g_strsplit(text, "\f", -1);
	cairo_status_t st;

	pango_layout_set_font_description(l, f);
	for (guint p = 0; pages[p]; p++)
		show_page(cr, l, pages[p]);
	g_strfreev(pages);
	pango_font_description_free(f);
	g_object_unref(l);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		fprintf(stderr, "floor_report: %s: %s\n", path,
		        cairo_status_to_string(st));
	return st != CAIRO_STATUS_SUCCESS;
}

int main(int argc, char **argv)
{
	char *text = NULL;
	GError *e = NULL;
	int bad;

	if (argc != 3) {
		fprintf(stderr, "usage: floor_report TEXT OUT.pdf\n");
		return 2;
	}
	if (!g_file_get_contents(argv[1], &text, NULL, &e)) {
		fprintf(stderr, "floor_report: %s\n", e->message);
		g_error_free(e);
		return 1;
	}
	bad = write_pdf(argv[2], text);
	g_free(text);
	return bad;
}
