/*
 * test_calendar.c - the calendar's geometry, drawn on cairo recording
 * surfaces: each mark lies in its row and within the months of its days,
 * from the x its first day gives to the x its last day gives (a one-day
 * mark is widened to stay visible, still within its month); nothing is
 * inked outside the rectangle the chart was given, nor in its inner
 * margin (ink extents of the recording surface).
 */
#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "chart.h"
#include "check.h"
#include "test_charts.h"
#include "test_samples.h"

/* Day of the year (2024, a leap year) on which month M (0..12) starts. */
static int month_start(int m)
{
	static const int start[13] = {1,   32,  61,  92,  122, 153, 183,
	                              214, 245, 275, 306, 336, 367};

	return start[m];
}

static int month_of(int day)
{
	int m = 0;

	while (month_start(m + 1) <= day)
		m++;
	return m;
}

/* Coloured, as opposed to white, black or grey (text, grid, row bands). */
static bool tinted(const unsigned char *px)
{
	int b = px[0], g = px[1], r = px[2];
	int hi = r > g ? (r > b ? r : b) : (g > b ? g : b);
	int lo = r < g ? (r < b ? r : b) : (g < b ? g : b);

	return px[3] > 200 && hi - lo > 40;
}

/* The box of the tinted pixels of recording surface REC, replayed on an
 * image W x H; false when there are none. */
static bool tinted_box(cairo_surface_t *rec, int w, int h, int box[4])
{
	cairo_surface_t *im =
	    cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	cairo_t *cr = cairo_create(im);
	const unsigned char *data;
	int stride;

	cairo_set_source_surface(cr, rec, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_flush(im);
	data = cairo_image_surface_get_data(im);
	stride = cairo_image_surface_get_stride(im);
	box[0] = box[1] = INT32_MAX;
	box[2] = box[3] = -1;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			if (!tinted(data + (size_t)y * stride + 4 * x))
				continue;
			box[0] = x < box[0] ? x : box[0];
			box[1] = y < box[1] ? y : box[1];
			box[2] = x > box[2] ? x : box[2];
			box[3] = y > box[3] ? y : box[3];
		}
	cairo_surface_destroy(im);
	return box[2] >= 0;
}

static cairo_surface_t *record(const struct chart *c, const double r[4])
{
	cairo_surface_t *rec =
	    cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cairo_t *cr = cairo_create(rec);
	struct cbm_error err = {0};

	CHECK_INT(chart_draw(cr, c, r[0], r[1], r[2], r[3], &err), CBM_OK);
	cairo_destroy(cr);
	return rec;
}

/* Mark K of the sample alone: within its row, its days and its months. */
static void check_mark(struct sample *s, size_t k, const double r[4])
{
	const struct chart_mark mark = s->marks[k];
	struct chart_geometry g = {0};
	struct cbm_error err = {0};
	cairo_surface_t *probe =
	    cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
	cairo_t *cr = cairo_create(probe);
	cairo_surface_t *rec;
	double per, x0, x1, lo, hi, row_h;
	int box[4];

	s->chart.marks = &mark;
	s->chart.nmarks = 1;
	CHECK_INT(
	    chart_measure(cr, &s->chart, r[0], r[1], r[2], r[3], &g, &err),
	    CBM_OK);
	cairo_destroy(cr);
	cairo_surface_destroy(probe);
	rec = record(&s->chart, r);
	CHECK(tinted_box(rec, (int)(r[0] + r[2]) + 2, (int)(r[1] + r[3]) + 2,
	                 box));
	per = g.plot_w / 366;
	x0 = g.plot_x + (mark.first - 1) * per;
	x1 = g.plot_x + mark.last * per;
	lo = g.plot_x + (month_start(month_of(mark.first)) - 1) * per;
	hi = g.plot_x + (month_start(month_of(mark.last) + 1) - 1) * per;
	row_h = g.plot_h / s->chart.ncat;
	/* within the months of its days, and within its row */
	CHECK(box[0] >= floor(lo) && box[2] + 1 <= ceil(hi));
	CHECK(box[1] >= floor(g.plot_y + mark.row * row_h));
	CHECK(box[3] + 1 <= ceil(g.plot_y + (mark.row + 1) * row_h));
	if (x1 - x0 >= 6) {
		/* a span: from its first day's left edge to its last day's
		 * right edge */
		CHECK(fabs(box[0] - x0) <= 1.5);
		CHECK(fabs(box[2] + 1 - x1) <= 1.5);
	} else {
		/* one day: visible, and over that day */
		CHECK(box[2] - box[0] + 1 >= 3);
		CHECK(box[0] <= (x0 + x1) / 2 && box[2] + 1 >= (x0 + x1) / 2);
	}
	cairo_surface_destroy(rec);
	s->chart.marks = s->marks;
	s->chart.nmarks = SAMPLE_CALENDAR_MARKS;
}

/* The ink of the whole chart stays inside the rectangle R, a margin
 * inside it blank. */
static void check_ink(const struct chart *c, const double r[4])
{
	cairo_surface_t *rec = record(c, r);
	double x, y, w, h;

	cairo_recording_surface_ink_extents(rec, &x, &y, &w, &h);
	CHECK(w > 0.5 * r[2] && h > 0.5 * r[3]);
	CHECK(x >= r[0] + 2 && y >= r[1] + 2);
	CHECK(x + w <= r[0] + r[2] - 2 && y + h <= r[1] + r[3] - 2);
	cairo_surface_destroy(rec);
}

int test_calendar(const char *dir)
{
	struct sample *s = g_new0(struct sample, 1);
	static const double rects[3][4] = {
	    {30, 20, 720, 450}, {5, 7, 330, 220}, {100, 50, 480, 700}};
	char *path;

	for (int l = 0; l <= CBM_LANG_KK; l++) {
		sample_make(s, CHART_CALENDAR, (enum cbm_lang)l);
		for (int r = 0; r < 3; r++)
			check_ink(&s->chart, rects[r]);
	}
	sample_make(s, CHART_CALENDAR, CBM_LANG_RU);
	s->chart.hide_legend = true;
	for (size_t k = 0; k < SAMPLE_CALENDAR_MARKS; k++)
		for (int r = 0; r < 3; r++)
			check_mark(s, k, rects[r]);

	/* a mark outside the year, row or classes is refused */
	{
		struct cbm_error err = {0};
		struct chart_mark bad = {0, 0, 300, 367};
		path = g_build_filename(dir, "calendar-bad.png", NULL);
		s->chart.marks = &bad;
		s->chart.nmarks = 1;
		CHECK_INT(chart_write_file(&s->chart, path, 400, 300, &err),
		          CBM_EUSAGE);
		bad = (struct chart_mark){10, 0, 3, 4};
		CHECK_INT(chart_write_file(&s->chart, path, 400, 300, &err),
		          CBM_EUSAGE);
		bad = (struct chart_mark){0, 4, 3, 4};
		CHECK_INT(chart_write_file(&s->chart, path, 400, 300, &err),
		          CBM_EUSAGE);
		s->chart.year = 2023;
		bad = (struct chart_mark){0, 0, 366, 366};
		CHECK_INT(chart_write_file(&s->chart, path, 400, 300, &err),
		          CBM_EUSAGE);
		g_free(path);
	}
	g_free(s);
	return check_summary();
}
