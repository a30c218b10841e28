/*
 * text.c - every piece of text a chart draws goes through here: repaired
 * (callers may pass anything: invalid UTF-8, control characters, ten
 * thousand characters), laid out with pango in DejaVu Sans at an absolute
 * size in user units, measured, and drawn.
 *
 * The pango context is made with hinted metrics and glyph-position rounding
 * off, so that a chart has the same layout on a PDF page and on a PNG.
 */
#include <math.h>
#include <string.h>

#include "chartint.h"

static bool is_break_char(gunichar ch)
{
	/* Pango starts a new paragraph at these; labels are one paragraph. */
	return g_unichar_iscntrl(ch) || ch == 0x2028 || ch == 0x2029 ||
	       ch == 0x85;
}

char *chart_text_clean(const char *s)
{
	char *valid, *p;
	GString *out;
	glong n = 0;

	if (!s)
		return NULL;
	valid = g_utf8_make_valid(s, -1);
	out = g_string_sized_new(strlen(valid) + 4);
	for (p = valid; *p && n < TEXT_MAX_CHARS; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);

		if (is_break_char(ch) || ch == ' ') {
			/* one space for a run of them and of breaks */
			if (out->len > 0 && out->str[out->len - 1] == ' ')
				continue;
			ch = ' ';
		}
		g_string_append_unichar(out, ch);
		n++;
	}
	if (*p)
		g_string_append(out, "\xe2\x80\xa6"); /* … */
	g_free(valid);
	g_strstrip(out->str);
	return g_string_free(out, FALSE);
}

void chart_ctx_init(struct ctx *x, cairo_t *cr, const struct model *m,
                    const struct chart *c, struct rect area)
{
	static const char *const langs[] = {"en", "ru", "kk"};
	cairo_font_options_t *fo = cairo_font_options_create();

	if (isfinite(c->font_size) && c->font_size > 0)
		x->fs = fmin(c->font_size, 200.0);
	else
		x->fs = fmax(6.5, fmin(16.0, fmin(area.w, area.h) / 40.0));
	x->pad = 0.8 * x->fs;
	x->gap = 0.5 * x->fs;
	x->cr = cr;
	x->m = m;
	x->pc = pango_cairo_create_context(cr);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(x->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(x->pc, FALSE);
	pango_context_set_language(
	    x->pc, pango_language_from_string(langs[m->lang % 3]));
}

void chart_ctx_release(struct ctx *x)
{
	if (x->pc)
		g_object_unref(x->pc);
	x->pc = NULL;
}

PangoLayout *chart_text_new(const struct ctx *x, const char *s, double size,
                            bool bold)
{
	PangoLayout *l = pango_layout_new(x->pc);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, CHART_FONT_FAMILY);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, s ? s : "", -1);
	pango_layout_set_single_paragraph_mode(l, TRUE);
	return l;
}

void chart_text_fit(PangoLayout *l, double width, int lines,
                    PangoAlignment align)
{
	double pu = fmin(fmax(width, 1.0), 1e5) * PANGO_SCALE;

	pango_layout_set_width(l, (int)pu);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(l, -(lines < 1 ? 1 : lines));
	pango_layout_set_alignment(l, align);
}

void chart_text_size(PangoLayout *l, double *w, double *h)
{
	PangoRectangle logical;

	pango_layout_get_extents(l, NULL, &logical);
	*w = (double)logical.width / PANGO_SCALE;
	*h = (double)logical.height / PANGO_SCALE;
}

double chart_text_width(PangoLayout *l)
{
	double w, h;

	chart_text_size(l, &w, &h);
	return w;
}

double chart_text_height(PangoLayout *l)
{
	double w, h;

	chart_text_size(l, &w, &h);
	return h;
}

double chart_text_line_height(const struct ctx *x, double size)
{
	PangoLayout *l = chart_text_new(x, "Ág", size, false);
	double h = chart_text_height(l);

	g_object_unref(l);
	return h;
}

bool chart_text_wraps_cleanly(PangoLayout *l)
{
	const char *s = pango_layout_get_text(l);
	int n = pango_layout_get_line_count(l);

	if (pango_layout_is_ellipsized(l))
		return false;
	for (int i = 1; i < n; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
		const char *prev;

		if (line->start_index <= 0)
			continue;
		prev = g_utf8_find_prev_char(s, s + line->start_index);
		if (!prev || !g_unichar_isspace(g_utf8_get_char(prev)))
			return false;
	}
	return true;
}

void chart_text_draw(cairo_t *cr, PangoLayout *l, double x, double y,
                     struct chart_rgb c)
{
	chart_set_color(cr, c);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	cairo_new_path(cr);
}

void chart_text_draw_up(cairo_t *cr, PangoLayout *l, double cx, double top,
                        bool end_at_top, struct chart_rgb c)
{
	double w, h;

	chart_text_size(l, &w, &h);
	cairo_save(cr);
	cairo_translate(cr, cx, top);
	cairo_rotate(cr, -G_PI / 2);
	/* Rotated, layout x runs up the page and layout y to the right. */
	chart_text_draw(cr, l, end_at_top ? -w : -w / 2, -h / 2, c);
	cairo_restore(cr);
}
