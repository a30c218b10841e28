/*
 * output.c - a chart as a standalone PDF, PNG or SVG file, and the PDF
 * dates that make a PDF reproducible.
 *
 * cairo 1.16 writes the wall-clock time as the PDF creation date; given
 * SOURCE_DATE_EPOCH (reproducible-builds.org) both dates are set from it,
 * so the same input gives a byte-identical file.  Charts are written to a
 * stream; chart_write_file() puts one in a file through cbm_outfile, so a
 * file appears whole or not at all and an earlier one is never lost.
 */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chartint.h"

bool chart_file_type_of(const char *path, enum chart_file_type *f)
{
	static const char *const ext[] = {"pdf", "png", "svg"};
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && dot < slash))
		return false;
	for (int i = 0; i < 3; i++) {
		if (g_ascii_strcasecmp(dot + 1, ext[i]) == 0) {
			*f = (enum chart_file_type)i;
			return true;
		}
	}
	return false;
}

/* Largest SOURCE_DATE_EPOCH we accept: 9999-12-31T23:59:59Z. */
#define EPOCH_MAX 253402300799LL

static bool parse_epoch(const char *s, long long *out)
{
	char *end;

	if (!g_ascii_isdigit(*s))
		return false;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' && *out <= EPOCH_MAX;
}

enum cbm_status chart_pdf_set_dates(cairo_surface_t *s, struct cbm_error *err)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long t;
	int y, mo, d;
	char iso[32];

	if (!env || !*env)
		return CBM_OK;
	if (!parse_epoch(env, &t))
		return CBM_ERROR(err, CBM_EUSAGE, "SOURCE_DATE_EPOCH",
		                 "'%s' is not a number of seconds since "
		                 "1970-01-01",
		                 env);
	cbm_civil_from_days((int32_t)(t / 86400), &y, &mo, &d);
	snprintf(iso, sizeof(iso), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d,
	         (int)(t % 86400 / 3600), (int)(t % 3600 / 60), (int)(t % 60));
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, iso);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, iso);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		return CBM_ERROR(
		    err, CBM_EINTERNAL, NULL, "cannot set PDF dates: %s",
		    cairo_status_to_string(cairo_surface_status(s)));
	return CBM_OK;
}

/* The chart's title as the document's, for viewers and indexers. */
static void set_pdf_title(cairo_surface_t *s, const struct chart *c)
{
	char *title = c && c->title ? chart_text_clean(c->title) : NULL;

	if (title && *title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		                               title);
	g_free(title);
}

static enum cbm_status check_size(double w, double h, struct cbm_error *err)
{
	if (!isfinite(w) || !isfinite(h) || w < 1 || h < 1 ||
	    w > CHART_MAX_SIZE || h > CHART_MAX_SIZE)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "chart size %g x %g is not between 1 and %.0f",
		                 w, h, CHART_MAX_SIZE);
	return CBM_OK;
}

/* cairo's write callback: CLOSURE is the FILE. */
cairo_status_t chart_stream_write(void *closure, const unsigned char *data,
                                  unsigned int length)
{
	FILE *fp = closure;

	if (length && fwrite(data, 1, length, fp) != length)
		return CAIRO_STATUS_WRITE_ERROR;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *open_surface(enum chart_file_type f, FILE *fp, double w,
                                     double h)
{
	cairo_surface_t *s;

	switch (f) {
	case CHART_FILE_PDF:
		return cairo_pdf_surface_create_for_stream(chart_stream_write,
		                                           fp, w, h);
	case CHART_FILE_SVG:
		s = cairo_svg_surface_create_for_stream(chart_stream_write, fp,
		                                        w, h);
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
		return s;
	case CHART_FILE_PNG:
	default:
		return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w,
		                                  (int)h);
	}
}

static enum cbm_status cairo_failed(cairo_status_t cs, struct cbm_error *err)
{
	return CBM_ERROR(err, CBM_EINTERNAL, NULL, "cannot write the chart: %s",
	                 cs == CAIRO_STATUS_WRITE_ERROR
	                     ? strerror(errno ? errno : EIO)
	                     : cairo_status_to_string(cs));
}

/* Draws C on S, white underneath, and finishes S (writing a PNG to FP). */
static enum cbm_status render_to(cairo_surface_t *s, enum chart_file_type f,
                                 const struct chart *c, FILE *fp, double w,
                                 double h, struct cbm_error *err)
{
	cairo_t *cr = cairo_create(s);
	enum cbm_status st;
	cairo_status_t cs;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	st = chart_draw(cr, c, 0, 0, w, h, err);
	cairo_destroy(cr);
	if (st != CBM_OK)
		return st;
	errno = 0;
	cs = f == CHART_FILE_PNG
	         ? cairo_surface_write_to_png_stream(s, chart_stream_write, fp)
	         : CAIRO_STATUS_SUCCESS;
	cairo_surface_finish(s);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(s);
	return cs == CAIRO_STATUS_SUCCESS ? CBM_OK : cairo_failed(cs, err);
}

static void default_size(enum chart_file_type f, double *w, double *h)
{
	if (*w == 0)
		*w = f == CHART_FILE_PNG ? CHART_DEFAULT_WIDTH_PX
		                         : CHART_DEFAULT_WIDTH_PT;
	if (*h == 0)
		*h = f == CHART_FILE_PNG ? CHART_DEFAULT_HEIGHT_PX
		                         : CHART_DEFAULT_HEIGHT_PT;
	if (f == CHART_FILE_PNG) {
		*w = round(*w);
		*h = round(*h);
	}
}

enum cbm_status chart_write(const struct chart *c, enum chart_file_type f,
                            FILE *fp, double width, double height,
                            struct cbm_error *err)
{
	cairo_surface_t *s;
	enum cbm_status st;

	default_size(f, &width, &height);
	st = check_size(width, height, err);
	if (st != CBM_OK)
		return st;
	errno = 0;
	s = open_surface(f, fp, width, height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		st = cairo_failed(cairo_surface_status(s), err);
		cairo_surface_destroy(s);
		return st;
	}
	if (f == CHART_FILE_PDF) {
		set_pdf_title(s, c);
		st = chart_pdf_set_dates(s, err);
	}
	if (st == CBM_OK)
		st = render_to(s, f, c, fp, width, height, err);
	cairo_surface_destroy(s);
	return st;
}

enum cbm_status chart_write_file(const struct chart *c, const char *path,
                                 double width, double height,
                                 struct cbm_error *err)
{
	enum chart_file_type f;
	struct cbm_outfile of;
	enum cbm_status st;

	if (!path || !chart_file_type_of(path, &f))
		return CBM_ERROR(err, CBM_EUSAGE, path,
		                 "cannot tell the chart format from the file "
		                 "name: use .pdf, .png or .svg");
	default_size(f, &width, &height);
	st = check_size(width, height, err);
	if (st == CBM_OK)
		st = cbm_outfile_open(&of, path, err);
	if (st != CBM_OK)
		return st;
	st = chart_write(c, f, of.fp, width, height, err);
	if (st == CBM_OK)
		return cbm_outfile_commit(&of, err);
	cbm_outfile_abort(&of);
	return st;
}
