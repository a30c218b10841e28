/*
 * ticks.c - nice axis ticks and the numbers written on axes and labels.
 *
 * Ticks are 1, 2 or 5 times a power of ten (Heckbert's "nice numbers"), the
 * finest step that needs no more ticks than the axis has room for.  Tick
 * values are computed as (k + i) * step from integers k + i rather than by
 * repeated addition, and values within step * 1e-9 of zero print as zero, so
 * an axis never shows "0.30000000000000004" or "-0".
 */
#include <math.h>
#include <stdio.h>

#include "chartint.h"

/* Slack when deciding whether LO or HI sits exactly on a tick. */
#define TICK_EPS 1e-9

static bool try_step(double lo, double hi, double step, int max_ticks,
                     double *first, int *count)
{
	double k0 = floor(lo / step + TICK_EPS);
	double k1 = ceil(hi / step - TICK_EPS);

	if (k1 - k0 + 1 > max_ticks)
		return false;
	*first = k0 * step;
	*count = (int)(k1 - k0) + 1;
	if (*count < 2) /* lo and hi on the same tick: never a 1-tick axis */
		*count = 2;
	return true;
}

bool chart_nice_ticks(double lo, double hi, int max_ticks, double *step,
                      double *first, int *count)
{
	static const double mant[] = {1, 2, 5};
	double range, e;

	if (!isfinite(lo) || !isfinite(hi))
		return false;
	if (lo > hi) {
		double t = lo;
		lo = hi;
		hi = t;
	}
	if (max_ticks < (lo < 0 && hi > 0 ? 3 : 2))
		max_ticks = lo < 0 && hi > 0 ? 3 : 2;
	if (hi - lo <= fmax(fabs(lo), fabs(hi)) * 1e-12)
		hi = lo + (lo == 0 ? 1 : fabs(lo));
	range = hi - lo;
	if (!isfinite(range))
		return false;
	e = floor(log10(range / max_ticks));
	for (int k = 0; k < 8; k++, e += 1) {
		for (int i = 0; i < 3; i++) {
			double s = mant[i] * pow(10, e);

			if (try_step(lo, hi, s, max_ticks, first, count)) {
				*step = s;
				return true;
			}
		}
	}
	return false;
}

/* Decimals that make every multiple of STEP exact: STEP is 1, 2 or 5 times
 * 10^e, so -e of them (none for e >= 0). */
static int step_decimals(double step)
{
	int d = -(int)floor(log10(step) + TICK_EPS);

	return d < 0 ? 0 : (d > 10 ? 10 : d);
}

static char *format_tick(char *buf, size_t n, double v, double step,
                         enum chart_format f, enum cbm_lang lang)
{
	if (isfinite(v) && isfinite(step) && fabs(v) < fabs(step) * TICK_EPS)
		v = 0;
	if (!isfinite(step) || step <= 0)
		step = 1;
	switch (f) {
	case CHART_FMT_PERCENT:
		return cbm_fmt_percent(buf, n, v, step_decimals(step * 100),
		                       lang);
	case CHART_FMT_MONEY:
		/* The short form rounds to two decimals of K, M or B; below a
		 * step of 1 it would print equal labels. */
		if (step >= 1)
			return cbm_fmt_short(buf, n, v, lang);
		/* fall through */
	case CHART_FMT_NUMBER:
	default:
		return cbm_fmt_number(buf, n, v, step_decimals(step), lang);
	}
}

/* The ticks and values of a chart are print: minus signs, not hyphens. */
char *chart_format_tick(char *buf, size_t n, double v, double step,
                        enum chart_format f, enum cbm_lang lang)
{
	return cbm_fmt_minus(format_tick(buf, n, v, step, f, lang), n);
}

static char *format_value(char *buf, size_t n, double v, enum chart_format f,
                          int decimals, enum cbm_lang lang)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	switch (f) {
	case CHART_FMT_MONEY:
		return cbm_fmt_short(buf, n, v, lang);
	case CHART_FMT_PERCENT:
		return cbm_fmt_percent(buf, n, v, decimals, lang);
	case CHART_FMT_NUMBER:
	default:
		return cbm_fmt_number(buf, n, v, decimals, lang);
	}
}

char *chart_format_value(char *buf, size_t n, double v, enum chart_format f,
                         int decimals, enum cbm_lang lang)
{
	return cbm_fmt_minus(format_value(buf, n, v, f, decimals, lang), n);
}

void chart_vaxis_free(struct vaxis *a)
{
	for (int i = 0; i < AXIS_MAX_TICKS; i++) {
		if (a->lay[i])
			g_object_unref(a->lay[i]);
		a->lay[i] = NULL;
	}
	a->count = 0;
}

static void choose_ticks(struct vaxis *a, double lo, double hi, int max_ticks,
                         bool integral)
{
	double first = 0, step = 1;
	int count = 2;

	if (max_ticks > AXIS_MAX_TICKS)
		max_ticks = AXIS_MAX_TICKS;
	if (!chart_nice_ticks(lo, hi, max_ticks, &step, &first, &count)) {
		first = 0;
		step = 1;
		count = 2;
	}
	if (integral && step < 1) {
		/* Counts of events: no "2.5" on the axis. */
		step = 1;
		first = floor(lo);
		count = (int)(ceil(hi) - first) + 1;
		count = count < 2 ? 2 : count;
		count = count > AXIS_MAX_TICKS ? AXIS_MAX_TICKS : count;
	}
	a->step = step;
	a->count = count;
	a->lo = first;
	a->hi = first + (count - 1) * step;
}

void chart_vaxis_set(const struct ctx *x, struct vaxis *a, double lo, double hi,
                     int max_ticks, bool integral, double size)
{
	char buf[64];

	chart_vaxis_free(a);
	choose_ticks(a, lo, hi, max_ticks, integral);
	a->label_w = a->label_h = 0;
	for (int i = 0; i < a->count; i++) {
		double w, h;

		chart_format_tick(buf, sizeof(buf), chart_vaxis_tick(a, i),
		                  a->step, x->m->format, x->m->lang);
		a->lay[i] = chart_text_new(x, buf, size, false);
		chart_text_size(a->lay[i], &w, &h);
		a->label_w = fmax(a->label_w, w);
		a->label_h = fmax(a->label_h, h);
	}
}

double chart_vaxis_tick(const struct vaxis *a, int i)
{
	double k0 = round(a->lo / a->step);
	double v = (k0 + i) * a->step;

	return fabs(v) < a->step * TICK_EPS ? 0 : v;
}

double chart_vaxis_frac(const struct vaxis *a, double v)
{
	if (!(a->hi > a->lo))
		return 0;
	return (v - a->lo) / (a->hi - a->lo);
}

size_t chart_thin_every(double need, double slot)
{
	double k;

	if (!(slot > 0))
		return 1;
	k = ceil(need / slot - 1e-9);
	if (!(k >= 1))
		return 1;
	return k > 1e6 ? 1000000 : (size_t)k;
}
