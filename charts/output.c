/*
 * output.c - a chart as a standalone PDF, PNG or SVG file, and the PDF
 * dates that make a PDF reproducible.
 *
 * cairo 1.16 writes the wall-clock time as the PDF creation date; given
 * SOURCE_DATE_EPOCH (reproducible-builds.org) both dates are set from it,
 * so the same input gives a byte-identical file.  A file that could not be
 * written completely is removed rather than left half-written.
 */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chartint.h"

enum file_format { FILE_PDF, FILE_PNG, FILE_SVG };

static bool file_format(const char *path, enum file_format *f)
{
	static const char *const ext[] = {"pdf", "png", "svg"};
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && dot < slash))
		return false;
	for (int i = 0; i < 3; i++) {
		if (g_ascii_strcasecmp(dot + 1, ext[i]) == 0) {
			*f = (enum file_format)i;
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
	char *title = c && c->title ? text_clean(c->title) : NULL;

	if (title && *title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		                               title);
	g_free(title);
}

static enum cbm_status check_size(const char *path, double w, double h,
                                  struct cbm_error *err)
{
	if (!isfinite(w) || !isfinite(h) || w < 1 || h < 1 ||
	    w > CHART_MAX_SIZE || h > CHART_MAX_SIZE)
		return CBM_ERROR(err, CBM_EUSAGE, path,
		                 "chart size %g x %g is not between 1 and %.0f",
		                 w, h, CHART_MAX_SIZE);
	return CBM_OK;
}

static cairo_surface_t *open_surface(enum file_format f, const char *path,
                                     double w, double h)
{
	cairo_surface_t *s;

	switch (f) {
	case FILE_PDF:
		return cairo_pdf_surface_create(path, w, h);
	case FILE_SVG:
		s = cairo_svg_surface_create(path, w, h);
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
		return s;
	case FILE_PNG:
	default:
		return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w,
		                                  (int)h);
	}
}

static enum cbm_status cairo_failed(const char *path, cairo_status_t cs,
                                    struct cbm_error *err)
{
	return CBM_ERROR(err, CBM_EINTERNAL, path, "cannot write the chart: %s",
	                 cs == CAIRO_STATUS_WRITE_ERROR
	                     ? strerror(errno ? errno : EIO)
	                     : cairo_status_to_string(cs));
}

/* Draws C on S, white underneath, and finishes S (writing a PNG). */
static enum cbm_status render_to(cairo_surface_t *s, enum file_format f,
                                 const struct chart *c, const char *path,
                                 double w, double h, struct cbm_error *err)
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
	cs = f == FILE_PNG ? cairo_surface_write_to_png(s, path)
	                   : CAIRO_STATUS_SUCCESS;
	cairo_surface_finish(s);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(s);
	return cs == CAIRO_STATUS_SUCCESS ? CBM_OK
	                                  : cairo_failed(path, cs, err);
}

static void default_size(enum file_format f, double *w, double *h)
{
	if (*w == 0)
		*w = f == FILE_PNG ? CHART_DEFAULT_WIDTH_PX
		                   : CHART_DEFAULT_WIDTH_PT;
	if (*h == 0)
		*h = f == FILE_PNG ? CHART_DEFAULT_HEIGHT_PX
		                   : CHART_DEFAULT_HEIGHT_PT;
	if (f == FILE_PNG) {
		*w = round(*w);
		*h = round(*h);
	}
}

enum cbm_status chart_write_file(const struct chart *c, const char *path,
                                 double width, double height,
                                 struct cbm_error *err)
{
	enum file_format f;
	cairo_surface_t *s;
	enum cbm_status st;

	if (!path || !file_format(path, &f))
		return CBM_ERROR(err, CBM_EUSAGE, path,
		                 "cannot tell the chart format from the file "
		                 "name: use .pdf, .png or .svg");
	default_size(f, &width, &height);
	st = check_size(path, width, height, err);
	if (st != CBM_OK)
		return st;
	errno = 0;
	s = open_surface(f, path, width, height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		st = cairo_failed(path, cairo_surface_status(s), err);
		cairo_surface_destroy(s);
		return st;
	}
	if (f == FILE_PDF) {
		set_pdf_title(s, c);
		st = chart_pdf_set_dates(s, err);
	}
	if (st == CBM_OK)
		st = render_to(s, f, c, path, width, height, err);
	cairo_surface_destroy(s);
	if (st != CBM_OK && f != FILE_PNG)
		remove(path);
	return st;
}
