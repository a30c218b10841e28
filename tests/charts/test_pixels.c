/*
 * test_pixels.c - what a reader would see, checked on pixels: bar lengths
 * proportional to the values and the longest first; nothing drawn outside
 * the chart's rectangle (and a blank margin inside it, which the clip alone
 * would not give) even with a ten-thousand-character title; a band between
 * its bounds; heat-map cells darker for larger counts.  The images are
 * kept in the output directory for people to look at.
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

/* 0xRRGGBB of the pixel at (X, Y) of an image surface (opaque pixels). */
static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
	const unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	uint32_t p;

	memcpy(&p, data + (size_t)y * stride + (size_t)x * 4, 4);
	return p & 0xffffff;
}

static uint32_t alpha(cairo_surface_t *s, int x, int y)
{
	const unsigned char *data = cairo_image_surface_get_data(s);
	uint32_t p;

	memcpy(&p,
	       data + (size_t)y * cairo_image_surface_get_stride(s) +
	           (size_t)x * 4,
	       4);
	return p >> 24;
}

static int channel(uint32_t p, int shift)
{
	return (int)(p >> shift & 0xff);
}

static bool near_color(uint32_t p, uint32_t want, int tol)
{
	for (int sh = 0; sh <= 16; sh += 8)
		if (abs(channel(p, sh) - channel(want, sh)) > tol)
			return false;
	return true;
}

/* Coloured, as opposed to white, black or grey (text, grid). */
static bool tinted(uint32_t p)
{
	int r = channel(p, 16), g = channel(p, 8), b = channel(p, 0);
	int hi = r > g ? (r > b ? r : b) : (g > b ? g : b);
	int lo = r < g ? (r < b ? r : b) : (g < b ? g : b);

	return hi - lo > 12;
}

static double luma(uint32_t p)
{
	return 0.2126 * channel(p, 16) + 0.7152 * channel(p, 8) +
	       0.0722 * channel(p, 0);
}

static void measure(const struct chart *c, int w, int h,
                    struct chart_geometry *g)
{
	cairo_surface_t *s =
	    cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	struct cbm_error err = {0};

	CHECK_INT(chart_measure(cr, c, 0, 0, w, h, g, &err), CBM_OK);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

/* Rows of the bars' colour, grouped into bars: their extent in x. */
struct bar_run {
	int first_x, last_x, rows;
};

static int find_bars(cairo_surface_t *im, const struct chart_geometry *g,
                     struct bar_run *bars, int max)
{
	const uint32_t blue = 0x0072B2;
	int n = 0, w = cairo_image_surface_get_width(im);
	bool in_bar = false;

	for (int y = (int)g->plot_y; y < (int)(g->plot_y + g->plot_h); y++) {
		int first = -1, last = -1, count = 0;

		for (int x = 0; x < w; x++) {
			if (!near_color(pixel(im, x, y), blue, 3))
				continue;
			first = first < 0 ? x : first;
			last = x;
			count++;
		}
		if (count < 3) {
			in_bar = false;
			continue;
		}
		if (!in_bar && n < max)
			bars[n++] = (struct bar_run){first, last, 0};
		in_bar = true;
		bars[n - 1].first_x = MIN(bars[n - 1].first_x, first);
		bars[n - 1].last_x = MAX(bars[n - 1].last_x, last);
		bars[n - 1].rows++;
	}
	return n;
}

static void check_bar_lengths(const char *dir)
{
	struct sample *s = g_new0(struct sample, 1);
	char *path = g_build_filename(dir, "pixels-bars.png", NULL);
	double sorted[SAMPLE_CONTRIB_N];
	struct bar_run bars[SAMPLE_CONTRIB_N + 4];
	struct chart_geometry g;
	struct cbm_error err = {0};
	cairo_surface_t *im;
	int n;

	sample_make(s, CHART_HBAR, CBM_LANG_KK);
	CHECK_INT(chart_write_file(&s->chart, path, 900, 560, &err), CBM_OK);
	measure(&s->chart, 900, 560, &g);
	im = cairo_image_surface_create_from_png(path);
	CHECK_INT(cairo_surface_status(im), CAIRO_STATUS_SUCCESS);
	memcpy(sorted, sample_contrib, sizeof(sorted));
	for (int i = 0; i < SAMPLE_CONTRIB_N; i++) /* descending */
		for (int j = i + 1; j < SAMPLE_CONTRIB_N; j++)
			if (sorted[j] > sorted[i]) {
				double t = sorted[i];
				sorted[i] = sorted[j];
				sorted[j] = t;
			}
	n = find_bars(im, &g, bars, SAMPLE_CONTRIB_N + 4);
	CHECK_INT(n, SAMPLE_CONTRIB_N);
	for (int i = 0; i < n && i < SAMPLE_CONTRIB_N; i++) {
		double want = g.plot_w * sorted[i] / g.axis_hi;
		int len = bars[i].last_x - bars[i].first_x + 1;

		CHECK(bars[i].rows >= 20); /* 0.7 of a 1/12 of the plot */
		/* the zero line is drawn over the bars' start */
		CHECK(bars[i].first_x >= g.plot_x - 1 &&
		      bars[i].first_x <= g.plot_x + 2.5);
		CHECK(fabs(bars[i].last_x + 1 - (g.plot_x + want)) <= 1.5);
		if (i > 0) /* the longest bar on top, the next ones shorter */
			CHECK(len <
			      bars[i - 1].last_x - bars[i - 1].first_x + 1);
	}
	cairo_surface_destroy(im);
	g_free(path);
	g_free(s);
}

/* Everything outside R is untouched (transparent) and a margin of M pixels
 * inside R is blank; something is drawn inside. */
static void check_confined(cairo_surface_t *im, int rx, int ry, int rw, int rh,
                           int m)
{
	int w = cairo_image_surface_get_width(im);
	int h = cairo_image_surface_get_height(im);
	long outside = 0, margin = 0, inside = 0;

	cairo_surface_flush(im);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			bool in =
			    x >= rx && x < rx + rw && y >= ry && y < ry + rh;
			bool core = x >= rx + m && x < rx + rw - m &&
			            y >= ry + m && y < ry + rh - m;
			bool ink = alpha(im, x, y) != 0;

			outside += !in && ink;
			margin += in && !core && ink;
			inside += core && ink;
		}
	}
	CHECK_INT(outside, 0);
	CHECK_INT(margin, 0);
	CHECK(inside > 1000);
}

static char *long_title(void)
{
	GString *t = g_string_new("");

	while (t->len < 10000)
		g_string_append(t, "Мемлекеттердің ерікті \x01жарналары\n"
		                   "\xff United Arab Emirates ");
	return g_string_free(t, FALSE);
}

/* Each kind with a 10 000-character title and long labels, drawn into a
 * sub-rectangle of a larger transparent surface. */
static void check_inside(const char *dir)
{
	struct sample *s = g_new0(struct sample, 1);
	char *title = long_title();
	static const int rects[2][4] = {{130, 90, 620, 430},
	                                {40, 30, 330, 210}};

	for (int k = 0; k < SAMPLE_COUNT; k++) {
		for (int r = 0; r < 2; r++) {
			const int *R = rects[r];
			cairo_surface_t *im = cairo_image_surface_create(
			    CAIRO_FORMAT_ARGB32, 900, 640);
			cairo_t *cr = cairo_create(im);
			struct cbm_error err = {0};
			struct chart_geometry g = {0};
			char *name;

			sample_make(s, (enum chart_kind)k, CBM_LANG_KK);
			s->chart.title = title;
			s->cats[0] = "Эпидемиологиялық қауіпсіздік, денсаулық "
			             "сақтау және фармацевтика, тағы басқалар";
			CHECK_INT(chart_draw(cr, &s->chart, R[0], R[1], R[2],
			                     R[3], &err),
			          CBM_OK);
			CHECK_INT(chart_measure(cr, &s->chart, R[0], R[1], R[2],
			                        R[3], &g, &err),
			          CBM_OK);
			/* the title takes at most two lines */
			CHECK(g.plot_h > 0.4 * R[3]);
			check_confined(im, R[0], R[1], R[2], R[3], 3);
			name = g_strdup_printf("%s/pixels-inside-%s-%d.png",
			                       dir, sample_names[k], r);
			cairo_surface_write_to_png(im, name);
			g_free(name);
			cairo_destroy(cr);
			cairo_surface_destroy(im);
		}
	}
	g_free(title);
	g_free(s);
}

/* Topmost and bottommost coloured pixel of column X within the plot. */
static void tinted_span(cairo_surface_t *im, int x,
                        const struct chart_geometry *g, int *top, int *bottom,
                        int *count)
{
	*top = *bottom = -1;
	*count = 0;
	for (int y = (int)g->plot_y; y < (int)(g->plot_y + g->plot_h); y++) {
		if (!tinted(pixel(im, x, y)))
			continue;
		*top = *top < 0 ? y : *top;
		*bottom = y;
		(*count)++;
	}
}

static double to_y(const struct chart_geometry *g, double v)
{
	return g->plot_y +
	       g->plot_h * (g->axis_hi - v) / (g->axis_hi - g->axis_lo);
}

static void check_band(const char *dir)
{
	enum { N = 8 };
	double v[N], lo[N], hi[N];
	const char *cats[N] = {"2018", "2019", "2020", "2021",
	                       "2022", "2023", "2024", "2025"};
	struct chart_series ser = {
	    .name = "rate", .values = v, .lo = lo, .hi = hi};
	struct chart c = {.kind = CHART_LINE,
	                  .categories = cats,
	                  .ncat = N,
	                  .series = &ser,
	                  .nseries = 1,
	                  .format = CHART_FMT_PERCENT,
	                  .hide_legend = true};
	char *path = g_build_filename(dir, "pixels-band.png", NULL);
	struct chart_geometry g;
	struct cbm_error err = {0};
	cairo_surface_t *im;

	for (int i = 0; i < N; i++) {
		v[i] = 0.5 + 0.05 * i;
		lo[i] = v[i] - 0.15 - 0.01 * i;
		hi[i] = v[i] + 0.1;
	}
	CHECK_INT(chart_write_file(&c, path, 800, 500, &err), CBM_OK);
	measure(&c, 800, 500, &g);
	im = cairo_image_surface_create_from_png(path);
	for (int i = 0; i + 1 < N; i++) {
		double t = 0.35, slot = g.plot_w / N;
		int x = (int)(g.plot_x + (i + 0.5 + t) * slot), top, bottom, n;
		double y_hi = to_y(&g, hi[i] + t * (hi[i + 1] - hi[i]));
		double y_lo = to_y(&g, lo[i] + t * (lo[i + 1] - lo[i]));

		tinted_span(im, x, &g, &top, &bottom, &n);
		CHECK(fabs(top - y_hi) <= 2);
		CHECK(fabs(bottom - y_lo) <= 2);
		CHECK(n >= bottom - top - 1); /* shaded all the way */
	}
	cairo_surface_destroy(im);
	g_free(path);
}

/* A curve's forecast for its last day (31 December) is drawn inside the
 * plot: its box and marker stop at the plot's right edge. */
static void check_forecast_inside(const char *dir)
{
	enum { N = 365 };
	double *v = g_new(double, N), *f = g_new(double, N),
	       *lo = g_new(double, N), *hi = g_new(double, N);
	struct chart_series ser[2] = {
	    {.name = "2025", .values = v},
	    {.name = "forecast",
	     .values = f,
	     .lo = lo,
	     .hi = hi,
	     .forecast = true},
	};
	struct chart c = {.kind = CHART_CURVE,
	                  .ncat = N,
	                  .series = ser,
	                  .nseries = 2,
	                  .format = CHART_FMT_PERCENT,
	                  .hide_legend = true};
	char *path = g_build_filename(dir, "pixels-forecast.png", NULL);
	struct chart_geometry g;
	struct cbm_error err = {0};
	cairo_surface_t *im;
	int right, inside = 0, outside = 0;

	for (int i = 0; i < N; i++) {
		v[i] = i < 300 ? 0.6 * i / 300.0 : NAN;
		f[i] = lo[i] = hi[i] = NAN;
	}
	f[N - 1] = 0.7, lo[N - 1] = 0.6, hi[N - 1] = 0.8;
	CHECK_INT(chart_write_file(&c, path, 800, 500, &err), CBM_OK);
	measure(&c, 800, 500, &g);
	im = cairo_image_surface_create_from_png(path);
	right = (int)ceil(g.plot_x + g.plot_w);
	for (int y = (int)to_y(&g, 0.8); y <= (int)to_y(&g, 0.6); y++) {
		for (int x = right - 12; x < right; x++)
			inside += tinted(pixel(im, x, y));
		for (int x = right + 1; x < cairo_image_surface_get_width(im);
		     x++)
			outside += tinted(pixel(im, x, y));
	}
	CHECK(inside > 100); /* the box is there */
	CHECK_INT(outside, 0);
	cairo_surface_destroy(im);
	g_free(path);
	g_free(v), g_free(f), g_free(lo), g_free(hi);
}

static void check_heat_cells(const char *dir)
{
	struct sample *s = g_new0(struct sample, 1);
	char *path = g_build_filename(dir, "pixels-heat.png", NULL);
	struct chart_geometry g;
	struct cbm_error err = {0};
	cairo_surface_t *im;
	double lum[7] = {0};

	sample_make(s, CHART_HEATMAP, CBM_LANG_RU);
	CHECK_INT(chart_write_file(&s->chart, path, 1000, 700, &err), CBM_OK);
	measure(&s->chart, 1000, 700, &g);
	im = cairo_image_surface_create_from_png(path);
	/* row 0 holds every count 0..6 once; sample each cell's corner,
	 * away from its centred number */
	for (int c = 0; c < 7; c++) {
		int x = (int)(g.plot_x + c * g.plot_w / 7 + 4);
		int y = (int)(g.plot_y + 4);
		lum[(int)s->values[0][c]] = luma(pixel(im, x, y));
	}
	for (int v = 1; v < 7; v++)
		CHECK(lum[v] < lum[v - 1]);
	/* a missing cell (row 8, 2019) is light grey, no scale colour */
	CHECK(near_color(pixel(im, (int)g.plot_x + 4,
	                       (int)(g.plot_y + 8 * g.plot_h / 10 + 4)),
	                 0xEEEEEE, 2));
	cairo_surface_destroy(im);
	g_free(path);
	g_free(s);
}

int test_pixels(const char *dir)
{
	check_bar_lengths(dir);
	check_inside(dir);
	check_band(dir);
	check_forecast_inside(dir);
	check_heat_cells(dir);
	fprintf(stderr, "test_pixels: ");
	return check_summary();
}
