/*
 * palette.c - the colours of charts.  Series take the Okabe-Ito palette
 * (Okabe and Ito, "Color Universal Design", 2008), which stays
 * distinguishable for the common forms of colour blindness; heat maps take
 * ColorBrewer's sequential YlGnBu, light for low and dark for high, which is
 * colour-blind safe and prints in grey as a monotone ramp.
 */
#include <math.h>

#include "chartint.h"

#define RGB(hex)                                                               \
	{                                                                      \
		((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0,     \
		    ((hex)&0xff) / 255.0                                       \
	}

static const struct chart_rgb okabe_ito[CHART_PALETTE_SIZE] = {
    RGB(0x0072B2), /* blue */
    RGB(0xE69F00), /* orange */
    RGB(0x009E73), /* bluish green */
    RGB(0xD55E00), /* vermillion */
    RGB(0x56B4E9), /* sky blue */
    RGB(0xCC79A7), /* reddish purple */
    RGB(0xF0E442), /* yellow */
    RGB(0x000000), /* black */
};

static const struct chart_rgb ylgnbu[] = {
    RGB(0xFFFFD9), RGB(0xEDF8B1), RGB(0xC7E9B4), RGB(0x7FCDBB), RGB(0x41B6C4),
    RGB(0x1D91C0), RGB(0x225EA8), RGB(0x253494), RGB(0x081D58),
};

const struct chart_rgb chart_color_text = RGB(0x222222);
const struct chart_rgb chart_color_muted = RGB(0x595959);
const struct chart_rgb chart_color_grid = RGB(0xDDDDDD);
const struct chart_rgb chart_color_axis = RGB(0x555555);
const struct chart_rgb chart_color_white = RGB(0xFFFFFF);
const struct chart_rgb chart_color_missing = RGB(0xEEEEEE);
const struct chart_rgb chart_color_diagonal = RGB(0x7F7F7F);

struct chart_rgb chart_palette(size_t i)
{
	return okabe_ito[i % CHART_PALETTE_SIZE];
}

struct chart_rgb chart_palette_others(void)
{
	return (struct chart_rgb)RGB(0x999999);
}

struct chart_rgb chart_sequential(double t)
{
	const size_t last = sizeof(ylgnbu) / sizeof(ylgnbu[0]) - 1;
	double pos, f;
	size_t i;

	if (!(t > 0))
		return ylgnbu[0];
	if (t >= 1)
		return ylgnbu[last];
	pos = t * (double)last;
	i = (size_t)floor(pos);
	f = pos - (double)i;
	return (struct chart_rgb){
	    ylgnbu[i].r + f * (ylgnbu[i + 1].r - ylgnbu[i].r),
	    ylgnbu[i].g + f * (ylgnbu[i + 1].g - ylgnbu[i].g),
	    ylgnbu[i].b + f * (ylgnbu[i + 1].b - ylgnbu[i].b),
	};
}

/* Relative luminance of sRGB, as WCAG defines it. */
static double luminance(struct chart_rgb c)
{
	double v[3] = {c.r, c.g, c.b};

	for (int i = 0; i < 3; i++)
		v[i] = v[i] <= 0.03928 ? v[i] / 12.92
		                       : pow((v[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

struct chart_rgb chart_text_on(struct chart_rgb background)
{
	double l = luminance(background);

	/* Pick the larger contrast ratio (l1 + 0.05) / (l2 + 0.05). */
	return (1.05 / (l + 0.05) > (l + 0.05) / 0.05)
	           ? (struct chart_rgb)RGB(0xFFFFFF)
	           : (struct chart_rgb)RGB(0x000000);
}

void chart_set_color(cairo_t *cr, struct chart_rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

void chart_set_color_alpha(cairo_t *cr, struct chart_rgb c, double alpha)
{
	cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}
