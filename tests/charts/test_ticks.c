/*
 * test_ticks.c - nice ticks, the numbers written on axes and labels, the
 * ranking behind top N, and the palette.  Expected ticks are worked out by
 * hand in the comments: the step is the smallest of 1, 2, 5 x 10^e whose
 * ticks floor(lo/step)..ceil(hi/step) number at most max_ticks.
 */
#include <glib.h>
#include <math.h>

#include "chart.h"
#include "check.h"
#include "test_charts.h"

#define NBSP "\xc2\xa0"

struct tick_case {
	double lo, hi;
	int max;
	double step, first;
	int count;
};

static void check_tick_cases(void)
{
	static const struct tick_case cases[] = {
	    /* 10 needs 0..90 = 10 ticks, 20 needs 0..100 = 6 */
	    {0, 87, 6, 20, 0, 6},
	    /* 20 needs 6 > 5, 50 needs 0, 50, 100 */
	    {0, 87, 5, 50, 0, 3},
	    /* 100 is a tick itself: 0..100 by 20, not ..120 */
	    {0, 100, 6, 20, 0, 6},
	    /* 0.1 -> 11, 0.2 -> 0..1 = 6 */
	    {0, 1, 6, 0.2, 0, 6},
	    /* 0.1 -> 10, 0.2 -> 0..1 = 6 > 5, 0.5 -> 0, 0.5, 1 */
	    {0, 0.873, 5, 0.5, 0, 3},
	    /* 5 -> -5..20 = 6 > 5, 10 -> -10..20 = 4 */
	    {-3, 17, 5, 10, -10, 4},
	    /* 0.3 / 0.1 is 2.9999999999999996: still ends on 0.3 */
	    {0.1, 0.3, 3, 0.1, 0.1, 3},
	    /* 200 K -> 0..1.4 M = 8 > 6, 500 K -> 0..1.5 M = 4 */
	    {0, 1234567, 6, 500000, 0, 4},
	    /* 0..0 is widened to 0..1 */
	    {0, 0, 5, 0.5, 0, 3},
	    /* 5..5 is widened to 5..10: 1 -> 6 > 5, 2 -> 4..10 = 4 */
	    {5, 5, 5, 2, 4, 4},
	    /* swapped bounds */
	    {87, 0, 6, 20, 0, 6},
	    /* fewer than 2 ticks asked: 2 ticks, 0 and 100 */
	    {0, 87, 1, 100, 0, 2},
	    /* across zero 2 ticks cannot do, 3 are allowed: 10 needs
	     * -10..20 = 4, 20 gives -20, 0, 20 */
	    {-3, 17, 2, 20, -20, 3},
	    /* 5e-8 -> 7 > 4, 1e-7 -> 0..3e-7 = 4 */
	    {0, 3e-7, 4, 1e-7, 0, 4},
	    /* 1e14 -> 11, 2e14 -> 0..1e15 = 6 */
	    {0, 1e15, 6, 2e14, 0, 6},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct tick_case *c = &cases[i];
		double step = -1, first = -1;
		int count = -1;

		CHECK(chart_nice_ticks(c->lo, c->hi, c->max, &step, &first,
		                       &count));
		CHECK_REL(step, c->step, 1e-12);
		CHECK_REL(first, c->first, 1e-12);
		CHECK_INT(count, c->count);
	}
}

static void check_tick_failures(void)
{
	double step = 7, first = 7;
	int count = 7;

	CHECK(!chart_nice_ticks(NAN, 1, 5, &step, &first, &count));
	CHECK(!chart_nice_ticks(0, INFINITY, 5, &step, &first, &count));
	CHECK(!chart_nice_ticks(-1e308, 1e308, 5, &step, &first, &count));
	CHECK(step == 7 && first == 7 && count == 7); /* untouched */
}

static bool nice_mantissa(double step)
{
	double m = step / pow(10, floor(log10(step) + 1e-9));

	return fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 5) < 1e-9;
}

/* Every answer covers lo..hi with at most max ticks of a nice step, and
 * the next finer nice step would need more. */
static void check_tick_properties(void)
{
	static const double ends[] = {0,    0.013, 0.5,  3,     9.99,
	                              42,   87,    999,  1000,  123456,
	                              -7.5, -0.2,  1e-3, 2.5e6, 31415926};

	for (size_t a = 0; a < G_N_ELEMENTS(ends); a++) {
		for (size_t b = 0; b < G_N_ELEMENTS(ends); b++) {
			double lo = fmin(ends[a], ends[b]);
			double hi = fmax(ends[a], ends[b]);
			for (int max = 2; max <= 10; max += 4) {
				double step, first, last, eps;
				int count;

				if (lo == hi)
					continue;
				CHECK(chart_nice_ticks(lo, hi, max, &step,
				                       &first, &count));
				last = first + (count - 1) * step;
				eps = step * 1e-9;
				/* across zero it takes -s, 0, s at least */
				CHECK(count >= 2 &&
				      count <= (lo < 0 && hi > 0 && max < 3
				                    ? 3
				                    : max));
				CHECK(first <= lo + eps && last >= hi - eps);
				CHECK(first > lo - step - eps);
				CHECK(nice_mantissa(step));
			}
		}
	}
}

static void check_format_tick(void)
{
	char b[64];

	CHECK_STR(chart_format_tick(b, sizeof(b), 0.4, 0.2, CHART_FMT_PERCENT,
	                            CBM_LANG_EN),
	          "40 %");
	CHECK_STR(chart_format_tick(b, sizeof(b), 0.2, 0.2, CHART_FMT_PERCENT,
	                            CBM_LANG_RU),
	          "20" NBSP "%");
	CHECK_STR(chart_format_tick(b, sizeof(b), 0.25, 0.05, CHART_FMT_PERCENT,
	                            CBM_LANG_EN),
	          "25 %");
	/* a step of 0.5 % needs one decimal */
	CHECK_STR(chart_format_tick(b, sizeof(b), 0.015, 0.005,
	                            CHART_FMT_PERCENT, CBM_LANG_EN),
	          "1.5 %");
	CHECK_STR(chart_format_tick(b, sizeof(b), 0.1 * 3, 0.1,
	                            CHART_FMT_NUMBER, CBM_LANG_EN),
	          "0.3");
	CHECK_STR(chart_format_tick(b, sizeof(b), 1500, 500, CHART_FMT_NUMBER,
	                            CBM_LANG_RU),
	          "1" NBSP "500");
	CHECK_STR(chart_format_tick(b, sizeof(b), 1234000, 1000,
	                            CHART_FMT_NUMBER, CBM_LANG_EN),
	          "1,234,000");
	CHECK_STR(chart_format_tick(b, sizeof(b), 1500000, 500000,
	                            CHART_FMT_MONEY, CBM_LANG_EN),
	          "1.5 M");
	CHECK_STR(chart_format_tick(b, sizeof(b), 1500000, 500000,
	                            CHART_FMT_MONEY, CBM_LANG_RU),
	          "1,5" NBSP "млн");
	CHECK_STR(chart_format_tick(b, sizeof(b), 50000, 50000, CHART_FMT_MONEY,
	                            CBM_LANG_KK),
	          "50" NBSP "мың");
	/* money below a step of 1 is written in full, not "0" five times */
	CHECK_STR(chart_format_tick(b, sizeof(b), 0.5, 0.5, CHART_FMT_MONEY,
	                            CBM_LANG_EN),
	          "0.5");
	/* rounding noise around zero is zero, never "-0" */
	CHECK_STR(chart_format_tick(b, sizeof(b), -1e-17, 1, CHART_FMT_NUMBER,
	                            CBM_LANG_EN),
	          "0");
	/* every tick of an axis has the step's decimals */
	CHECK_STR(chart_format_tick(b, sizeof(b), -1e-17, 0.1, CHART_FMT_NUMBER,
	                            CBM_LANG_EN),
	          "0.0");
	CHECK_STR(chart_format_tick(b, sizeof(b), -2e-18, 0.2,
	                            CHART_FMT_PERCENT, CBM_LANG_EN),
	          "0 %");
	CHECK_STR(chart_format_tick(b, sizeof(b), -20, 10, CHART_FMT_NUMBER,
	                            CBM_LANG_EN),
	          "\u2212" "20"); /* a minus sign, as printed */
}

static void check_format_value(void)
{
	char b[64];

	CHECK_STR(chart_format_value(b, sizeof(b), 0.873, CHART_FMT_PERCENT, 1,
	                             CBM_LANG_EN),
	          "87.3 %");
	CHECK_STR(chart_format_value(b, sizeof(b), 0.873, CHART_FMT_PERCENT, 1,
	                             CBM_LANG_KK),
	          "87,3" NBSP "%");
	CHECK_STR(chart_format_value(b, sizeof(b), 1234567.5, CHART_FMT_NUMBER,
	                             2, CBM_LANG_EN),
	          "1,234,567.50");
	CHECK_STR(chart_format_value(b, sizeof(b), 2500, CHART_FMT_MONEY, 0,
	                             CBM_LANG_KK),
	          "2,5" NBSP "мың");
	CHECK_STR(chart_format_value(b, sizeof(b), NAN, CHART_FMT_NUMBER, 0,
	                             CBM_LANG_RU),
	          "н/д");
	/* decimals are kept within 0..6 */
	CHECK_STR(chart_format_value(b, sizeof(b), 1.0 / 3, CHART_FMT_NUMBER,
	                             99, CBM_LANG_EN),
	          "0.333333");
	CHECK_STR(chart_format_value(b, sizeof(b), 7, CHART_FMT_NUMBER, -3,
	                             CBM_LANG_EN),
	          "7");
}

static void check_rank(void)
{
	static const double a[] = {4, 6}, b[] = {NAN, 5}, c[] = {30, 0},
	                    d[] = {10, NAN};
	const struct chart_series s[] = {
	    {.values = a}, {.values = b}, {.values = c}, {.values = d}};
	size_t order[4];

	/* totals 10, 5, 30, 10: c first, then a before d (a tie) */
	chart_rank_series(s, 4, 2, order);
	CHECK_INT(order[0], 2);
	CHECK_INT(order[1], 0);
	CHECK_INT(order[2], 3);
	CHECK_INT(order[3], 1);
}

static double luminance(struct chart_rgb c)
{
	return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

static void check_palette(void)
{
	struct chart_rgb blue = chart_palette(0), again = chart_palette(8);
	struct chart_rgb white = {1, 1, 1}, black = {0, 0, 0};

	CHECK_REL(blue.r, 0, 1e-12);
	CHECK_REL(blue.g, 114 / 255.0, 1e-12);
	CHECK_REL(blue.b, 178 / 255.0, 1e-12);
	CHECK(again.r == blue.r && again.g == blue.g && again.b == blue.b);
	for (size_t i = 1; i < CHART_PALETTE_SIZE; i++) {
		struct chart_rgb p = chart_palette(i - 1), q = chart_palette(i);
		CHECK(p.r != q.r || p.g != q.g || p.b != q.b);
	}
	/* the sequential scale darkens steadily */
	for (int i = 1; i <= 20; i++)
		CHECK(luminance(chart_sequential(i / 20.0)) <
		      luminance(chart_sequential((i - 1) / 20.0)));
	CHECK(luminance(chart_sequential(-1)) ==
	      luminance(chart_sequential(0)));
	CHECK(luminance(chart_sequential(NAN)) ==
	      luminance(chart_sequential(0)));
	/* contrasting text: white on the blue and on the darkest cell,
	 * black on orange and on the lightest cell */
	CHECK(chart_text_on(blue).r == white.r);
	CHECK(chart_text_on(chart_sequential(1)).g == white.g);
	CHECK(chart_text_on(chart_palette(1)).r == black.r);
	CHECK(chart_text_on(chart_sequential(0)).b == black.b);
}

int test_ticks(void)
{
	check_tick_cases();
	check_tick_failures();
	check_tick_properties();
	check_format_tick();
	check_format_value();
	check_rank();
	check_palette();
	fprintf(stderr, "test_ticks: ");
	return check_summary();
}
