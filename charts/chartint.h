/*
 * chartint.h - private to charts/: the normalised model of a chart, the
 * drawing context, the layout, and the helpers the chart kinds share.
 *
 * A chart is drawn in three separate steps, each in its own functions:
 *  1. chart_model_build() validates the caller's description and copies it into
 *     a struct model: strings repaired (valid UTF-8, no control characters,
 *     bounded length), values with missing ones as NAN, top-N applied,
 *     categories ordered, the value range known;
 *  2. the layout functions measure every piece of text with pango and
 *     place title, legend, axes and plot area inside the rectangle, from
 *     the outside in (struct layout holds the pango layouts they made);
 *  3. the draw functions paint the layout with cairo.
 * The model and layout own what they hold; *_free releases it.
 */
#ifndef CBM_CHARTINT_H
#define CBM_CHARTINT_H

#include <pango/pangocairo.h>

#include "chart.h"

#define CHART_FONT_FAMILY "DejaVu Sans"

struct rect {
	double x, y, w, h;
};

/* ---- model ------------------------------------------------------------ */

struct mseries {
	char *name;      /* NULL when the legend should not show it */
	char *band_name; /* NULL when the band has no legend entry */
	double *v;       /* ncat values, NAN = missing */
	double *lo, *hi; /* ncat each or both NULL */
	bool forecast;
	struct chart_rgb rgb;
};

struct model {
	enum chart_kind kind;
	char *title, *subtitle, *x_title, *y_title, *source, *diagonal;
	char *name;  /* how error messages name the chart: "'Title'" */
	char **cats; /* ncat repaired labels ("" for CHART_CURVE) */
	size_t ncat;
	size_t *order; /* display position -> category (sorted for HBAR) */
	struct mseries *ser;
	size_t nser;
	enum chart_format format;
	int decimals;
	enum cbm_lang lang;
	bool legend;
	bool integral;     /* every value is a whole number: ticks step >= 1 */
	double vmin, vmax; /* value range to show; always includes 0 */
	int year;          /* CHART_CALENDAR */
	struct chart_mark *marks; /* CHART_CALENDAR: copied */
	size_t nmarks;
};

enum cbm_status chart_model_build(const struct chart *c, struct model *m,
                                  struct cbm_error *err);
void chart_model_free(struct model *m);

/* ---- drawing context and text ----------------------------------------- */

struct ctx {
	cairo_t *cr;
	PangoContext *pc;
	const struct model *m;
	double fs;  /* body text size */
	double pad; /* inner margin of the chart rectangle */
	double gap; /* space between a label and what it labels */
};

/* Relative text sizes. */
#define SIZE_TITLE    1.3
#define SIZE_SUBTITLE 0.95
#define SIZE_TICK     0.85
#define SIZE_LABEL    0.9
#define SIZE_LEGEND   0.9
#define SIZE_SOURCE   0.75

void chart_ctx_init(struct ctx *x, cairo_t *cr, const struct model *m,
                    const struct chart *c, struct rect area);
void chart_ctx_release(struct ctx *x);

/* A repaired copy of S for drawing (g_free it): valid UTF-8, control and
 * line-separator characters replaced by spaces, runs of spaces made one,
 * trimmed, at most
 * TEXT_MAX_CHARS characters (then ending in an ellipsis).  NULL for NULL. */
#define TEXT_MAX_CHARS 400
char *chart_text_clean(const char *s);

/* A one-line layout of S at SIZE (user units), unwrapped: its size is the
 * text's natural size.  g_object_unref it. */
PangoLayout *chart_text_new(const struct ctx *x, const char *s, double size,
                            bool bold);

/* Re-lays L out in WIDTH: wrapped at words into at most LINES lines, the
 * last ending in an ellipsis when the text does not fit, aligned ALIGN. */
void chart_text_fit(PangoLayout *l, double width, int lines,
                    PangoAlignment align);

/* Logical size of L. */
void chart_text_size(PangoLayout *l, double *w, double *h);
double chart_text_width(PangoLayout *l);
double chart_text_height(PangoLayout *l);

/* Height of one line of text at SIZE. */
double chart_text_line_height(const struct ctx *x, double size);

/* True when L is not ellipsized and every line break is at a space. */
bool chart_text_wraps_cleanly(PangoLayout *l);

/* Draws L with its top-left corner at (X, Y) in colour C. */
void chart_text_draw(cairo_t *cr, PangoLayout *l, double x, double y,
                     struct chart_rgb c);

/* Draws L turned to read upwards, centred horizontally on CX, its end at
 * TOP when END_AT_TOP, else its middle at TOP. */
void chart_text_draw_up(cairo_t *cr, PangoLayout *l, double cx, double top,
                        bool end_at_top, struct chart_rgb c);

/* ---- colours ----------------------------------------------------------- */

extern const struct chart_rgb chart_color_text, chart_color_muted,
    chart_color_grid, chart_color_axis, chart_color_white, chart_color_missing,
    chart_color_diagonal;

void chart_set_color(cairo_t *cr, struct chart_rgb c);
void chart_set_color_alpha(cairo_t *cr, struct chart_rgb c, double alpha);

/* ---- value axis --------------------------------------------------------- */

#define AXIS_MAX_TICKS 16

struct vaxis {
	double lo, hi; /* first and last tick: the ends of the axis */
	double step;
	int count;
	PangoLayout *lay[AXIS_MAX_TICKS]; /* tick labels */
	double label_w, label_h;          /* largest of them */
};

/* Chooses at most MAX_TICKS ticks covering LO..HI (whole steps when
 * INTEGRAL) and lays out their labels at SIZE.  Frees what A held. */
void chart_vaxis_set(const struct ctx *x, struct vaxis *a, double lo, double hi,
                     int max_ticks, bool integral, double size);
void chart_vaxis_free(struct vaxis *a);
double chart_vaxis_tick(const struct vaxis *a, int i);

/* Position of V between the axis ends: 0 at lo, 1 at hi. */
double chart_vaxis_frac(const struct vaxis *a, double v);

/* ---- category labels along a horizontal axis ---------------------------- */

enum catmode {
	CAT_FLAT, /* one line, centred under its slot */
	CAT_WRAP, /* wrapped into two lines within its slot */
	CAT_UP,   /* turned to read upwards, ending under its slot */
};

struct catx {
	enum catmode mode;
	size_t every; /* draw every n-th label (thinning) */
	double size;  /* text size */
	double height;
	PangoLayout **lay; /* n layouts */
	size_t n;
};

/* Lays out the N LABELS for slots SLOT wide: flat when they fit, thinned
 * when they are short (years), wrapped when that works at spaces, else
 * upright and at most MAX_UP long. */
void chart_catx_layout(const struct ctx *x, struct catx *cx,
                       char *const *labels, const size_t *order, size_t n,
                       double slot, double max_up);
void chart_catx_free(struct catx *cx);

/* Draws the labels under slots starting at X0, each SLOT wide, from TOP. */
void chart_catx_draw(const struct ctx *x, const struct catx *cx, double x0,
                     double slot, double top);

/* ---- row labels (horizontal bars, heat-map rows) ------------------------ */

struct rowlab {
	double size, width; /* text size; width of the label column */
	size_t every;
	PangoLayout **lay;
	size_t n;
};

/* Lays out N labels right-aligned in a column WIDTH wide for rows ROW_H
 * high, at most MAX_LINES lines each; shrinks the text (down to 60 %) and
 * then thins the labels until they fit. */
void chart_rowlab_layout(const struct ctx *x, struct rowlab *rl,
                         char *const *labels, const size_t *order, size_t n,
                         double width, double row_h, int max_lines);
void chart_rowlab_free(struct rowlab *rl);

/* Natural one-line width of the widest of N labels at SIZE. */
double chart_labels_max_width(const struct ctx *x, char *const *labels,
                              size_t n, double size);

/* Draws row label I centred on the row from Y, ROW_H high, its right edge
 * at RIGHT. */
void chart_rowlab_draw(const struct ctx *x, const struct rowlab *rl, size_t i,
                       double right, double y, double row_h);

/* ---- legend ------------------------------------------------------------- */

enum swatch {
	SW_BOX,   /* bar */
	SW_PLAIN, /* line without markers (curve) */
	SW_LINE,  /* line with a marker */
	SW_DASH,  /* forecast line with a hollow marker */
	SW_BAND,  /* shaded band */
	SW_HATCH, /* forecast band */
	SW_DIAG,  /* even-pace diagonal */
};

#define LEGEND_MAX (2 * CHART_MAX_SERIES + 2)

struct legend_item {
	enum swatch sw;
	struct chart_rgb rgb;
	PangoLayout *text;
	double x, y; /* offset inside the legend box */
};

struct legend {
	struct legend_item it[LEGEND_MAX];
	size_t n;
	double sw_w, line_h, height;
};

/* ---- the layout of a whole chart ------------------------------------------
 */

struct frame {
	PangoLayout *title, *subtitle, *source;
	struct rect title_r, subtitle_r, source_r;
	struct legend lg;
	struct rect legend_r;
	struct rect body; /* what is left for axes and plot */
};

struct hbar_label {
	PangoLayout *lay;
	bool inside; /* drawn inside the bar end (contrasting colour) */
};

struct layout {
	struct frame fr;
	struct rect plot;
	struct vaxis val;        /* the value axis */
	struct catx cat;         /* categories along the horizontal axis */
	struct rowlab rows;      /* HBAR categories, heat-map rows */
	PangoLayout *xt, *yt;    /* axis titles */
	struct rect xt_r, yt_r;  /* their boxes (yt_r: the upright band) */
	double cat_top;          /* top of the category labels */
	struct hbar_label *vlab; /* HBAR value labels, per category */
	size_t nvlab;
	PangoLayout *month[12]; /* CHART_CURVE month names */
	size_t month_every;
	PangoLayout **cell; /* heat-map cell numbers, nser * ncat, or NULL */
	size_t ncell;
	struct rect scale;    /* heat-map colour scale bar */
	size_t *lane, *lanes; /* calendar: each mark's lane, each row's count */
};

void chart_frame_layout(const struct ctx *x, struct frame *f, struct rect area);
void chart_frame_draw(const struct ctx *x, const struct frame *f);
void chart_frame_free(struct frame *f);

/* Axis titles, laid out once the body is known. */
void chart_titles_layout(const struct ctx *x, struct layout *L);

/* Lays out and draws the kinds.  The layout functions fill L->plot and the
 * axes; they fail only when the body is too small. */
enum cbm_status chart_layout_vertical(const struct ctx *x, struct layout *L,
                                      struct cbm_error *err);
enum cbm_status chart_layout_hbar(const struct ctx *x, struct layout *L,
                                  struct cbm_error *err);
enum cbm_status chart_layout_heatmap(const struct ctx *x, struct layout *L,
                                     struct cbm_error *err);
enum cbm_status chart_layout_calendar(const struct ctx *x, struct layout *L,
                                      struct cbm_error *err);

/* The usage error of a body too small for the plot. */
enum cbm_status chart_too_small(const struct ctx *x, struct cbm_error *err);

/* The column of row labels left of a plot (heat map, calendar): as wide
 * as the widest of the N LABELS, at most 38 % of the body; sets
 * L->plot.x and L->plot.y after it and the y title, and returns its
 * width. */
double chart_row_column(const struct ctx *x, struct layout *L,
                        char *const *labels, size_t n);

/* Where value V lies on the plot of a vertical value axis. */
double chart_value_y(const struct layout *L, double v);

void chart_draw_vertical_axes(const struct ctx *x, const struct layout *L);
/* Strokes the current path as gridlines. */
void chart_stroke_grid(const struct ctx *x);
/* The zero line of a vertical value axis, drawn over the data. */
void chart_draw_baseline(const struct ctx *x, const struct layout *L);
void chart_draw_titles(const struct ctx *x, const struct layout *L);
void chart_draw_hbar(const struct ctx *x, const struct layout *L);
void chart_draw_grouped(const struct ctx *x, const struct layout *L);
void chart_draw_stacked(const struct ctx *x, const struct layout *L);
void chart_draw_lines(const struct ctx *x, const struct layout *L);
void chart_draw_heatmap(const struct ctx *x, const struct layout *L);
void chart_draw_calendar(const struct ctx *x, const struct layout *L);

/* Draws a line marker of colour C at (CX, CY): filled, or white inside a
 * coloured ring when HOLLOW (a forecast). */
void chart_draw_marker(cairo_t *cr, struct chart_rgb c, bool hollow, double cx,
                       double cy, double fs);

/* Fills the current path with the band colour of C, hatched for a
 * forecast; keeps the path. */
void chart_fill_band(cairo_t *cr, struct chart_rgb c, bool forecast, double fs);

/* Month table of CHART_CURVE: abbreviation of month M (0..11) in LANG and
 * the day of year (1-based) on which it starts. */
const char *chart_month_abbrev(enum cbm_lang lang, int m);
int chart_month_start(int m, bool leap);

/* Month names under a plot (the curve, the calendar): lays out
 * L->month and thins them (every 1, 2, 3, 6 or 12 months) so that each
 * fits MONTH_W, the width of the shortest month; returns their height. */
double chart_months_layout(const struct ctx *x, struct layout *L,
                           double month_w);

/* Month gridlines across the plot and the month names centred under
 * their months at L->cat_top, PER_DAY user units a day from the plot's
 * left edge (day 1 there). */
void chart_months_draw(const struct ctx *x, const struct layout *L, bool leap,
                       double per_day);

/* Rounds a count of labels to thin by: the smallest n >= 1 with n * SLOT
 * >= NEED. */
size_t chart_thin_every(double need, double slot);

#endif /* CBM_CHARTINT_H */
