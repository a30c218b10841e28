/*
 * chart.h - charts drawn with cairo and pango from arrays the caller gives.
 *
 * The module knows nothing of SQL, of the database or of translations: the
 * caller passes every string already translated (titles, axis titles, the
 * word for "others", legend texts) and numbers as plain doubles.  The same
 * code draws a chart into a rectangle of a report page (chart_draw) or
 * writes a standalone PDF, PNG or SVG file (chart_write_file).
 *
 * Invariants:
 *  - The caller owns everything it passes; no function keeps a pointer to
 *    the description or its arrays after it returns.
 *  - Drawing stays inside the rectangle it is given (the layout is computed
 *    from measured text sizes, and a clip makes sure of it) and leaves the
 *    cairo context as it found it (state and current path).
 *  - Text goes through pangocairo in the family "DejaVu Sans" (found by
 *    fontconfig) so that Russian and Kazakh letters (ә ғ қ ң ө ұ ү һ і)
 *    render.  Strings may be invalid UTF-8, hold control characters or be
 *    very long: they are repaired, control characters become spaces, and
 *    text that does not fit is wrapped (at most 2-3 lines), shortened
 *    with an ellipsis or, for axis labels too many for their axis,
 *    thinned (every second year shown); labels never overlap each other.
 *  - Numbers are formatted per the chart's language by common/format.c
 *    (cbm_fmt_number, cbm_fmt_short, cbm_fmt_percent), never by the
 *    system locale.
 *  - Colours come from the Okabe-Ito palette (colour-blind safe); the heat
 *    map uses a sequential yellow-green-blue scale (ColorBrewer YlGnBu).
 *  - Units: chart_draw works in the user units of the cairo context it is
 *    given (points on a PDF page, pixels on an image surface).  Text sizes
 *    derive from the rectangle unless the caller sets font_size.
 *  - No global mutable state: functions may run in parallel threads on
 *    different cairo contexts (as far as pango and fontconfig allow).
 */
#ifndef CBM_CHART_H
#define CBM_CHART_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "cbm.h"

/* Kinds of chart.  "Categories" are the labels along the category axis;
 * every series has one value per category. */
enum chart_kind {
	/* Horizontal bars sorted by value, largest on top, with value labels
	 * at the bar ends.  Exactly one series; categories are the bars
	 * (e.g. states).  Contributions by state. */
	CHART_HBAR = 0,
	/* Vertical bars side by side per category (e.g. years), one bar per
	 * series (e.g. states). */
	CHART_GROUPED,
	/* Vertical bars stacked per category; positive values stack up,
	 * negative ones down. */
	CHART_STACKED,
	/* Lines with markers over the categories (e.g. years), each series
	 * optionally with a shaded lo..hi band; a series flagged forecast is
	 * dashed with hollow markers and a lighter hatched band.  A band on a
	 * single category (a forecast year) is drawn as an interval box.
	 * Missing values (NAN) break the line; a lone value is a marker. */
	CHART_LINE,
	/* Cumulative curve by day of year: the categories are the days
	 * 1..ncat (ncat = 365 or 366; `categories` may be NULL and is
	 * ignored); the x axis is labelled with month abbreviations from a
	 * table inside the module (en, ru, kk).  Series are lines without
	 * markers with optional bands (e.g. series 0 = this year's rate,
	 * series 1 = mean of earlier years with lo/hi = their min and max),
	 * values as fractions with CHART_FMT_PERCENT; diagonal_label adds
	 * the even-pace diagonal from day 1 at 1/ncat to day ncat at 1.0. */
	CHART_CURVE,
	/* Heat map: rows are the series (their names label the rows, e.g.
	 * priority areas), columns the categories (e.g. years), each cell
	 * coloured by its value and printing it; a colour scale replaces the
	 * legend.  Missing values are light grey cells without a number. */
	CHART_HEATMAP,
	/* A year's calendar: a month axis (Jan..Dec of `year`) across, one
	 * row per category (e.g. priority areas; `categories` label the
	 * rows), and the `marks` drawn as bars from their first to their
	 * last day in their row, coloured by their class.  The series are
	 * the classes (e.g. held, postponed, cancelled, planned): their
	 * names make the legend, their values are not read (may be NULL).
	 * A one-day mark is still a visible bar; marks that overlap in time
	 * in one row are stacked in lanes within it. */
	CHART_CALENDAR,
};

/* How values are written on axes and labels. */
enum chart_format {
	CHART_FMT_NUMBER = 0, /* 1,234,567 (en) / 1 234 567 (ru, kk) */
	CHART_FMT_MONEY,      /* short form: 1.2 M / 1,2 млн */
	CHART_FMT_PERCENT,    /* a fraction as percent: 0.873 -> 87.3 % */
};

/* One series of values, one per category. */
struct chart_series {
	const char *name;      /* legend text (row label of a heat map);
	                        * NULL or "" = no legend entry */
	const double *values;  /* ncat values; NAN (or an infinity) = missing */
	const double *lo, *hi; /* optional band bounds, ncat each, both NULL
	                        * or both set; NAN where there is no band;
	                        * drawn by CHART_LINE and CHART_CURVE only */
	const char *band_name; /* legend text of the band, NULL = none */
	bool forecast;         /* dashed line, hollow markers, hatched band */
	int color; /* 0: the palette colour of the series' position; 1..8:
	            * chart_palette(color - 1), for classes that keep their
	            * colour whatever else is shown */
};

/* CHART_CALENDAR: one mark, days of the year counted from 1 (1 January)
 * to 365 or 366, first <= last. */
struct chart_mark {
	size_t row; /* the category (row) it is drawn in */
	size_t cls; /* the series (class) that colours it */
	int first, last;
};

/* A chart description.  Zero-initialise it and set what you need: every
 * zero or NULL field has a sensible default. */
struct chart {
	enum chart_kind kind;
	const char *title;    /* bold, at most 2 lines; NULL = none */
	const char *subtitle; /* under the title; NULL = none */
	const char *x_title;  /* under the horizontal axis; NULL = none */
	const char *y_title;  /* beside the vertical axis; NULL = none */
	const char *source;   /* small footnote line at the bottom */

	const char *const *categories; /* ncat labels (not for CHART_CURVE) */
	size_t ncat;                   /* 1..CHART_MAX_CATEGORIES */
	const struct chart_series *series;
	size_t nseries; /* >= 1; CHART_HBAR takes exactly one */

	enum chart_format format; /* of the values */
	int decimals;             /* decimals of value labels (bar ends,
	                           * heat-map cells) with CHART_FMT_NUMBER
	                           * and CHART_FMT_PERCENT; 0..6 */
	enum cbm_lang lang;       /* number formatting and month names */

	/* CHART_GROUPED, CHART_STACKED, CHART_LINE: when > 0, keep the
	 * top_n series by total (sum of their finite values), ordered by
	 * total, and sum the others into one series named others_label
	 * (required then).  With at most top_n + 1 series, all are kept
	 * (an "others" of one series would hide its name). */
	size_t top_n;
	const char *others_label;

	bool hide_legend;           /* no legend (nor heat-map colour scale) */
	const char *diagonal_label; /* CHART_CURVE: draws the even-pace
	                             * diagonal when non-NULL (legend text) */
	double font_size; /* body text size in user units; 0 = from the
	                   * rectangle: min(w, h) / 40 within 6.5..16 */

	/* CHART_CALENDAR: the year (which says whether it is a leap year)
	 * and the marks, each within it and in a row and class that exist */
	int year;
	const struct chart_mark *marks;
	size_t nmarks;
};

/* Limits: more categories is a usage error; more series than the palette
 * has colours (after top_n) is one too for every kind but the heat map. */
#define CHART_MAX_CATEGORIES 1000
#define CHART_MAX_SERIES     8
#define CHART_MAX_HEAT_ROWS  200 /* also calendar rows */
#define CHART_MAX_MARKS      5000

/* Default sizes of chart_write_file: points for PDF and SVG (a landscape
 * half of A4), pixels for PNG. */
#define CHART_DEFAULT_WIDTH_PT  720.0
#define CHART_DEFAULT_HEIGHT_PT 450.0
#define CHART_DEFAULT_WIDTH_PX  1200.0
#define CHART_DEFAULT_HEIGHT_PX 750.0
#define CHART_MAX_SIZE          20000.0 /* largest width or height */

/* Draws C inside the rectangle (X, Y, W, H) of CR's user space.  Paints
 * no background (a report page is already white).  Returns CBM_OK;
 * CBM_EUSAGE for a description that cannot be drawn (no series, NULL
 * arrays, too many series, top_n without others_label, a rectangle too
 * small for a plot), with a message naming the chart by its title;
 * CBM_EINTERNAL when cairo reports an error (also one CR already had).
 * CR's state and current path are as before, even on failure. */
enum cbm_status chart_draw(cairo_t *cr, const struct chart *c, double x,
                           double y, double w, double h, struct cbm_error *err);

/* Where chart_draw would put the data, for callers that align or annotate
 * charts and for tests that check pixels. */
struct chart_geometry {
	double plot_x, plot_y, plot_w, plot_h; /* bars, lines or cells */
	/* Value at the bottom and top edge of the plot (left and right edge
	 * for CHART_HBAR); for a heat map the ends of the colour scale. */
	double axis_lo, axis_hi;
};

/* Computes the layout chart_draw would use for the same arguments, without
 * drawing, into *G.  Same statuses as chart_draw. */
enum cbm_status chart_measure(cairo_t *cr, const struct chart *c, double x,
                              double y, double w, double h,
                              struct chart_geometry *g, struct cbm_error *err);

/* The formats a chart can be written in. */
enum chart_file_type { CHART_FILE_PDF, CHART_FILE_PNG, CHART_FILE_SVG };

/* The format named by NAME's extension (".pdf", ".png", ".svg", any
 * case); false when there is none of those. */
bool chart_file_type_of(const char *name, enum chart_file_type *out);

/* Writes C to FP as format F, on a white background.  WIDTH and HEIGHT
 * are points for PDF and SVG and pixels for PNG (rounded); 0 takes the
 * format's CHART_DEFAULT_*.  A PDF gets the chart's title as its title
 * and its dates from SOURCE_DATE_EPOCH (chart_pdf_set_dates) so that it
 * is byte-reproducible.  Returns CBM_OK; CBM_EUSAGE for a bad size or a
 * chart chart_draw refuses; CBM_EINTERNAL when FP cannot be written.  FP
 * stays the caller's and may hold part of a chart after a failure. */
enum cbm_status chart_write(const struct chart *c, enum chart_file_type f,
                            FILE *fp, double width, double height,
                            struct cbm_error *err);

/* chart_write() into the file PATH, its format chosen by the extension,
 * through cbm_outfile: the file appears whole or not at all, and an
 * earlier file at PATH is untouched on failure.  CBM_EUSAGE also for an
 * unknown extension (the message names the path). */
enum cbm_status chart_write_file(const struct chart *c, const char *path,
                                 double width, double height,
                                 struct cbm_error *err);

/* A cairo_write_func_t writing to the FILE CLOSURE, for PDF surfaces of
 * other modules (reports/). */
cairo_status_t chart_stream_write(void *closure, const unsigned char *data,
                                  unsigned int length);

/* When SOURCE_DATE_EPOCH is set, sets both PDF date entries of the PDF
 * surface S (creation and modification) to that time in UTC; cairo would
 * otherwise write the wall-clock time.  Does nothing when it is unset or
 * empty.  Returns CBM_EUSAGE when it is not a whole number of seconds
 * between 1970 and 9999, CBM_EINTERNAL when S is in error. */
enum cbm_status chart_pdf_set_dates(cairo_surface_t *s, struct cbm_error *err);

/* ---- axes and numbers ------------------------------------------------ */

/* Nice ticks covering LO..HI: a STEP of 1, 2 or 5 times a power of ten,
 * the smallest that needs at most MAX_TICKS ticks (taken as at least 2, or
 * 3 when LO < 0 < HI, which two ticks cannot cover); FIRST is
 * the largest multiple of STEP <= LO, and the ticks are FIRST + i * STEP
 * for i < COUNT, the last >= HI.  LO > HI are swapped; LO == HI is widened
 * to LO..LO+|LO| (0..1 for 0).  Returns false (outputs untouched) when LO
 * or HI is not finite. */
bool chart_nice_ticks(double lo, double hi, int max_ticks, double *step,
                      double *first, int *count);

/* Writes the tick value V of an axis with step STEP in format F into BUF
 * (at most N bytes), with the decimals the step needs, the same for every
 * tick of the axis ("0.0", "0.5", "20 %", "2.5 %", "1.5 M"); values within
 * STEP * 1e-9 of zero print as zero, never "-0".  Returns BUF. */
char *chart_format_tick(char *buf, size_t n, double v, double step,
                        enum chart_format f, enum cbm_lang lang);

/* Writes a data value V in format F into BUF (at most N bytes): NUMBER and
 * PERCENT with DECIMALS decimals, MONEY in short form; NAN gives "n/a" in
 * the language.  Returns BUF. */
char *chart_format_value(char *buf, size_t n, double v, enum chart_format f,
                         int decimals, enum cbm_lang lang);

/* Orders the indices 0..N-1 of SERIES (each with NCAT values) into ORDER
 * (N entries) by total of finite values, largest first, ties in their
 * given order: the ranking top_n uses, for callers that want the same
 * order in a table. */
void chart_rank_series(const struct chart_series *series, size_t n, size_t ncat,
                       size_t *order);

/* ---- colours ---------------------------------------------------------- */

struct chart_rgb {
	double r, g, b; /* 0..1 */
};

/* Colour I of the Okabe-Ito palette in the order series use (blue, orange,
 * bluish green, vermillion, sky blue, reddish purple, yellow, black); I is
 * taken modulo CHART_PALETTE_SIZE. */
#define CHART_PALETTE_SIZE 8
struct chart_rgb chart_palette(size_t i);

/* The neutral grey of an "others" series. */
struct chart_rgb chart_palette_others(void);

/* The sequential scale of heat maps at T in 0..1 (clamped): light yellow
 * to dark blue. */
struct chart_rgb chart_sequential(double t);

/* Black or white, whichever reads better on BACKGROUND. */
struct chart_rgb chart_text_on(struct chart_rgb background);

#endif /* CBM_CHART_H */
