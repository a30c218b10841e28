/*
 * test_render.c - every kind to PDF, PNG and SVG; descriptions that cannot
 * be drawn; hostile text; the cairo state after drawing; where the plot
 * and its axis end up; byte-reproducible PDFs under SOURCE_DATE_EPOCH.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "check.h"
#include "test_charts.h"
#include "test_samples.h"

static char *slurp(const char *path, gsize *len)
{
	char *data = NULL;

	if (!g_file_get_contents(path, &data, len, NULL))
		return NULL;
	return data;
}

/* True when the LEN bytes at DATA hold the string S (NUL bytes and all). */
static bool contains(const char *data, gsize len, const char *s)
{
	gsize n = strlen(s);

	for (gsize i = 0; data && i + n <= len; i++)
		if (memcmp(data + i, s, n) == 0)
			return true;
	return false;
}

static bool starts_with_file(const char *path, const char *magic)
{
	gsize len = 0;
	char *data = slurp(path, &len);
	bool ok = data && len > strlen(magic) &&
	          memcmp(data, magic, strlen(magic)) == 0;

	g_free(data);
	return ok;
}

static void check_all_files(const char *dir)
{
	static const char *const langs[] = {"en", "ru", "kk"};

	CHECK_INT(sample_write_all(dir), 0);
	for (int k = 0; k < SAMPLE_COUNT; k++) {
		for (int l = 0; l < 3; l++) {
			char *stem = g_strdup_printf("%s/%s-%s", dir,
			                             sample_names[k], langs[l]);
			char *pdf = g_strconcat(stem, ".pdf", NULL);
			char *png = g_strconcat(stem, ".png", NULL);
			char *svg = g_strconcat(stem, ".svg", NULL);
			cairo_surface_t *im;

			CHECK(starts_with_file(pdf, "%PDF-"));
			CHECK(starts_with_file(png, "\x89PNG"));
			CHECK(starts_with_file(svg, "<?xml"));
			im = cairo_image_surface_create_from_png(png);
			CHECK_INT(cairo_image_surface_get_width(im),
			          CHART_DEFAULT_WIDTH_PX);
			CHECK_INT(cairo_image_surface_get_height(im),
			          CHART_DEFAULT_HEIGHT_PX);
			cairo_surface_destroy(im);
			g_free(stem);
			g_free(pdf);
			g_free(png);
			g_free(svg);
		}
	}
}

/* Writes S to DIR/NAME; returns the status and leaves the error in ERR. */
static enum cbm_status write_to(const struct chart *c, const char *dir,
                                const char *name, struct cbm_error *err)
{
	char *path = g_build_filename(dir, name, NULL);
	enum cbm_status st;

	cbm_error_clear(err);
	st = chart_write_file(c, path, 300, 200, err);
	g_free(path);
	return st;
}

static void check_file_errors(const char *dir)
{
	struct sample *s = g_new0(struct sample, 1);
	struct cbm_error err;

	sample_make(s, CHART_HBAR, CBM_LANG_EN);
	CHECK_INT(write_to(&s->chart, dir, "chart.jpg", &err), CBM_EUSAGE);
	CHECK_HAS(err.where, "chart.jpg");
	CHECK_HAS(err.message, ".pdf, .png or .svg");
	CHECK_INT(write_to(&s->chart, dir, "chart", &err), CBM_EUSAGE);
	CHECK_INT(write_to(&s->chart, dir, "v1.2/chart", &err), CBM_EUSAGE);
	CHECK_INT(write_to(&s->chart, dir, "UPPER.PDF", &err), CBM_OK);
	CHECK_INT(write_to(&s->chart, dir, "Mixed.Png", &err), CBM_OK);
	CHECK_INT(write_to(&s->chart, dir, "no-such-dir/chart.pdf", &err),
	          CBM_EINTERNAL);
	CHECK_HAS(err.where, "no-such-dir/chart.pdf");
	CHECK_INT(write_to(&s->chart, dir, "no-such-dir/chart.png", &err),
	          CBM_EINTERNAL);
	cbm_error_clear(&err);
	CHECK_INT(chart_write_file(&s->chart, "x.png", -5, 100, &err),
	          CBM_EUSAGE);
	cbm_error_clear(&err);
	CHECK_INT(chart_write_file(&s->chart, "x.png", NAN, 100, &err),
	          CBM_EUSAGE);
	CHECK_INT(chart_write_file(&s->chart, NULL, 0, 0, &err), CBM_EUSAGE);
	g_free(s);
}

static enum cbm_status draw_status(const struct chart *c, double w, double h,
                                   struct cbm_error *err)
{
	cairo_surface_t *s =
	    cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 300);
	cairo_t *cr = cairo_create(s);
	enum cbm_status st;

	cbm_error_clear(err);
	st = chart_draw(cr, c, 0, 0, w, h, err);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return st;
}

static void check_bad_descriptions(void)
{
	struct sample *s = g_new0(struct sample, 1);
	struct cbm_error err;

	sample_make(s, CHART_GROUPED, CBM_LANG_EN);
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_OK);
	s->chart.others_label = NULL;
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	CHECK_HAS(err.message, "'Voluntary contributions by year'");
	CHECK_HAS(err.message, "others");
	s->chart.top_n = 0; /* ten series, eight colours */
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	CHECK_HAS(err.message, "10 series");
	s->chart.top_n = 9; /* ten series: no "others" of one */
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	s->chart.top_n = 7;
	s->chart.others_label = "Others";
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_OK);
	s->chart.categories = NULL;
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	CHECK_HAS(err.message, "category labels");

	sample_make(s, CHART_HBAR, CBM_LANG_EN);
	s->chart.nseries = 2;
	s->series[1].values = s->values[1];
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	s->chart.nseries = 0;
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	CHECK_HAS(err.message, "no series");
	s->chart.nseries = 1;
	s->series[0].values = NULL;
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	s->series[0].values = s->values[0];
	s->series[0].lo = s->lo[0];
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	CHECK_HAS(err.message, "band");
	s->series[0].lo = NULL;
	s->chart.ncat = 0;
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	s->chart.ncat = CHART_MAX_CATEGORIES + 1;
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	s->chart.ncat = SAMPLE_CONTRIB_N;
	s->chart.kind = (enum chart_kind)42;
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	s->chart.kind = CHART_HBAR;
	CHECK_INT(draw_status(&s->chart, 30, 20, &err), CBM_EUSAGE);
	CHECK_HAS(err.message, "too small");
	CHECK_INT(draw_status(&s->chart, NAN, 20, &err), CBM_EUSAGE);
	CHECK_INT(draw_status(&s->chart, 0, 200, &err), CBM_EUSAGE);
	CHECK_INT(draw_status(NULL, 400, 300, &err), CBM_EUSAGE);

	sample_make(s, CHART_CURVE, CBM_LANG_EN);
	s->chart.ncat = 1;
	CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_EUSAGE);
	g_free(s);
}

/* Ten thousand characters with control characters, line separators and
 * bytes that are not UTF-8 among them.  g_free it. */
static char *hostile_text(void)
{
	GString *t = g_string_new("Contributions \x01\t\n\r\x7f \xff\xfe\xc3");

	while (t->len < 10000)
		g_string_append(t,
		                "Қазақстан\xe2\x80\xa8 \x1b[31m \xed\xa0\x80 ");
	return g_string_free(t, FALSE);
}

static void check_hostile_text(void)
{
	struct sample *s = g_new0(struct sample, 1);
	char *text = hostile_text();
	struct cbm_error err;

	for (int k = 0; k < SAMPLE_COUNT; k++) {
		sample_make(s, (enum chart_kind)k, CBM_LANG_KK);
		s->chart.title = s->chart.subtitle = s->chart.source = text;
		s->chart.x_title = s->chart.y_title = text;
		s->cats[0] = text;
		s->series[0].name = text;
		s->chart.others_label = text;
		CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_OK);
	}
	g_free(text);
	g_free(s);
}

/* Missing values, negative values, a single category, all equal. */
static void check_odd_data(void)
{
	struct sample *s = g_new0(struct sample, 1);
	struct cbm_error err;

	for (int k = 0; k < SAMPLE_COUNT; k++) {
		sample_make(s, (enum chart_kind)k, CBM_LANG_EN);
		for (int i = 0; i < SAMPLE_MAX_SERIES; i++)
			for (int j = 0; j < SAMPLE_MAX_CATS; j++)
				s->values[i][j] = NAN;
		CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_OK);
		for (int i = 0; i < SAMPLE_MAX_SERIES; i++)
			for (int j = 0; j < SAMPLE_MAX_CATS; j++)
				s->values[i][j] = (i + j) % 3 - 1.5;
		CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_OK);
		s->values[0][1] = INFINITY;
		CHECK_INT(draw_status(&s->chart, 400, 300, &err), CBM_OK);
		if (k != CHART_CURVE && k != CHART_CALENDAR) {
			s->chart.ncat = 1;
			CHECK_INT(draw_status(&s->chart, 400, 300, &err),
			          CBM_OK);
		}
	}
	g_free(s);
}

static void check_state_kept(void)
{
	cairo_surface_t *surf =
	    cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 500, 400);
	cairo_t *cr = cairo_create(surf);
	struct sample *s = g_new0(struct sample, 1);
	struct cbm_error err = {0};
	cairo_matrix_t m;
	double r, g, b, a, px, py;

	sample_make(s, CHART_LINE, CBM_LANG_RU);
	cairo_translate(cr, 10, 20);
	cairo_set_source_rgba(cr, 0.1, 0.2, 0.3, 0.4);
	cairo_set_line_width(cr, 7);
	cairo_move_to(cr, 1, 2);
	cairo_line_to(cr, 30, 40);
	CHECK_INT(chart_draw(cr, &s->chart, 0, 0, 400, 300, &err), CBM_OK);
	cairo_get_matrix(cr, &m);
	CHECK(m.xx == 1 && m.yy == 1 && m.x0 == 10 && m.y0 == 20);
	CHECK(cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a) ==
	      CAIRO_STATUS_SUCCESS);
	CHECK(r == 0.1 && g == 0.2 && b == 0.3 && a == 0.4);
	CHECK(cairo_get_line_width(cr) == 7);
	CHECK(cairo_has_current_point(cr));
	cairo_get_current_point(cr, &px, &py);
	CHECK(px == 30 && py == 40);
	cairo_destroy(cr);

	/* a context already in error is reported, not drawn on */
	cr = cairo_create(surf);
	cairo_restore(cr); /* unbalanced: CAIRO_STATUS_INVALID_RESTORE */
	cbm_error_clear(&err);
	CHECK_INT(chart_draw(cr, &s->chart, 0, 0, 400, 300, &err),
	          CBM_EINTERNAL);
	CHECK_HAS(err.message, "cairo");
	cairo_destroy(cr);
	cairo_surface_destroy(surf);
	g_free(s);
}

static void check_geometry(void)
{
	/* axis ends by hand: 250 K by 50 K; 108 % by 20 % up to 120 %;
	 * curve up to 105 % likewise; 0..6 events by 2 */
	static const double hi[SAMPLE_COUNT] = {250000, 0, 0, 1.2, 1.2, 6};
	cairo_surface_t *surf =
	    cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 800, 500);
	cairo_t *cr = cairo_create(surf);
	struct sample *s = g_new0(struct sample, 1);

	for (int k = 0; k < SAMPLE_COUNT; k++) {
		struct chart_geometry g = {0};
		struct cbm_error err = {0};

		sample_make(s, (enum chart_kind)k, CBM_LANG_EN);
		CHECK_INT(
		    chart_measure(cr, &s->chart, 50, 40, 700, 420, &g, &err),
		    CBM_OK);
		CHECK(g.plot_x > 50 && g.plot_x + g.plot_w < 750);
		CHECK(g.plot_y > 40 && g.plot_y + g.plot_h < 460);
		CHECK(g.plot_w > 350 && g.plot_h > 210); /* half or more */
		CHECK(g.axis_lo == 0);
		if (hi[k] > 0)
			CHECK_REL(g.axis_hi, hi[k], 1e-12);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(surf);
	g_free(s);
}

/* The number of entries of DIR whose name contains PART. */
static int count_files(const char *dir, const char *part)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	int n = 0;

	while (d && (name = g_dir_read_name(d)))
		n += strstr(name, part) != NULL;
	if (d)
		g_dir_close(d);
	return n;
}

static void check_reproducible(const char *dir)
{
	struct sample *s = g_new0(struct sample, 1);
	char *a = g_build_filename(dir, "repro-a.pdf", NULL);
	char *b = g_build_filename(dir, "repro-b.pdf", NULL);
	gsize na = 0, nb = 0;
	char *da, *db;
	struct cbm_error err = {0};

	sample_make(s, CHART_HEATMAP, CBM_LANG_KK);
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	CHECK_INT(chart_write_file(&s->chart, a, 0, 0, &err), CBM_OK);
	CHECK_INT(chart_write_file(&s->chart, b, 0, 0, &err), CBM_OK);
	da = slurp(a, &na);
	db = slurp(b, &nb);
	CHECK(da && db && na == nb && memcmp(da, db, na) == 0);
	/* 1700000000 s is 2023-11-14 22:13:20 UTC */
	CHECK(contains(da, na, "/CreationDate (20231114221320Z)"));
	CHECK(contains(da, na, "/ModDate (20231114221320Z)"));
	g_free(db);

	/* A failure leaves the earlier file as it was, and no other file. */
	setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
	CHECK_INT(chart_write_file(&s->chart, a, 0, 0, &err), CBM_EUSAGE);
	CHECK_HAS(err.message, "'yesterday'");
	db = slurp(a, &nb);
	CHECK(db && na == nb && memcmp(da, db, na) == 0);
	CHECK_INT(count_files(dir, "repro-"), 2);
	g_free(da);
	g_free(db);
	setenv("SOURCE_DATE_EPOCH", "-1", 1);
	cbm_error_clear(&err);
	CHECK_INT(chart_write_file(&s->chart, a, 0, 0, &err), CBM_EUSAGE);
	unsetenv("SOURCE_DATE_EPOCH");
	g_free(a);
	g_free(b);
	g_free(s);
}

int test_render(const char *dir)
{
	check_all_files(dir);
	check_file_errors(dir);
	check_bad_descriptions();
	check_hostile_text();
	check_odd_data();
	check_state_kept();
	check_geometry();
	check_reproducible(dir);
	fprintf(stderr, "test_render: ");
	return check_summary();
}
