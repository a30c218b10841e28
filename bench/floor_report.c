/*
 * floor_report.c - the floor of writing a report's pages with pango and
 * cairo: the text of a PDF (pdftotext's, pages split by form feeds), each
 * line laid out by pango in the reports' font and shown by cairo on an A4
 * page of a PDF.  No database, no figures, no charts, no tables, no
 * second layout: what any program that writes those pages' text with the
 * stack DESIGN asks for (pango, cairo) cannot do without.  Linked with
 * pangocairo alone, so the dynamic loader maps only what it needs.
 *
 *   floor_report TEXT OUT.pdf
 */
#include <cairo-pdf.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#define A4_WIDTH 595.28  /* points */
#define A4_HEIGHT 841.89 /* points */
#define MARGIN 56.0
#define LINE 13.0

int main(int argc, char **argv)
{
	char *text = NULL;
	GError *e = NULL;

	if (argc != 3) {
		fprintf(stderr, "usage: floor_report TEXT OUT.pdf\n");
		return 2;
	}
	if (!g_file_get_contents(argv[1], &text, NULL, &e)) {
		fprintf(stderr, "floor_report: %s\n", e->message);
		return 1;
	}
	cairo_surface_t *s =
	    cairo_pdf_surface_create(argv[2], A4_WIDTH, A4_HEIGHT);
	cairo_t *cr = cairo_create(s);
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *f =
	    pango_font_description_from_string("DejaVu Sans 9");
	char **pages = g_strsplit(text, "\f", -1);
	int shown = 0;

	pango_layout_set_font_description(l, f);
	for (int p = 0; pages[p]; p++) {
		char **lines = g_strsplit(pages[p], "\n", -1);
		double y = MARGIN;

		for (int i = 0; lines[i]; i++) {
			if (!*g_strstrip(lines[i]))
				continue;
			pango_layout_set_text(l, lines[i], -1);
			cairo_move_to(cr, MARGIN, y);
			pango_cairo_show_layout(cr, l);
			y = y + LINE > A4_HEIGHT - MARGIN ? MARGIN : y + LINE;
			shown = 1;
		}
		g_strfreev(lines);
		if (shown)
			cairo_show_page(cr);
		shown = 0;
	}
	g_strfreev(pages);
	pango_font_description_free(f);
	g_object_unref(l);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	int bad = cairo_surface_status(s) != CAIRO_STATUS_SUCCESS;
	if (bad)
		fprintf(stderr, "floor_report: %s\n",
		        cairo_status_to_string(cairo_surface_status(s)));
	cairo_surface_destroy(s);
	g_free(text);
	return bad;
}
