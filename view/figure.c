/*
 * figure.c - a figure of analysis/ as a result of output/: the cells for
 * people and for programs, in the reader's language, with a totals row
 * and the currency where they belong.
 *
 * What each format gets (DESIGN.md, "Output"):
 *  - csv and json: the figure's columns under their English keys, plain
 *    values, a `currency` column appended on money figures, names of
 *    states and areas in --lang, no totals;
 *  - the table: the same columns with values for people (1,234.50,
 *    87.3 %, n/a), a totals row under a rule on additive figures; with
 *    --lang, headings, names, statuses, numbers and dates in that
 *    language;
 *  - html (the web view): as the table, in a page's language;
 *  - the workbook: typed cells, headings and names always localised (in
 *    English by default), the currency column and the totals row.
 */
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "view.h"
#include "report.h"

/* The columns summed in a figure's totals row, and the rate recomputed
 * from two of those sums (RATE = NUM / DEN).  Execution carries its own
 * `total` line per year; the other figures are not sums. */
struct totals_rule {
	const char *figure;
	const char *sums[6];
	const char *rate, *num, *den;
};

static const struct totals_rule totals_rules[] = {
    {"collection",
     {"approved", "received", "pledged"},
     "collection_rate",
     "received",
     "approved"},
    {"contributions", {"received"}, NULL, NULL, NULL},
    {"outstanding", {"pledged", "received", "outstanding"}, NULL, NULL, NULL},
    {"activity",
     {"planned", "held", "postponed", "cancelled", "pending"},
     "implementation_rate",
     "held",
     "planned"},
    {"shares", {"due", "received", "difference"}, NULL, NULL, NULL},
    {"secondments", {"person_months"}, NULL, NULL, NULL},
};

static const struct totals_rule *totals_rule(const char *figure)
{
	for (size_t i = 0; i < G_N_ELEMENTS(totals_rules); i++)
		if (strcmp(totals_rules[i].figure, figure) == 0)
			return &totals_rules[i];
	return NULL;
}

bool view_figure_additive(const char *figure)
{
	return totals_rule(figure) != NULL;
}

const char *view_state_column(const char *figure, const struct ana_params *p)
{
	static const char *const by_state[] = {"contributions", "outstanding",
	                                       "shares", "secondments",
	                                       "coordinators"};

	for (size_t i = 0; i < G_N_ELEMENTS(by_state); i++)
		if (strcmp(figure, by_state[i]) == 0)
			return "state";
	if (strcmp(figure, "activity") == 0 && p->by == ANA_BY_ORGANIZER)
		return "key";
	return NULL;
}

bool view_figure_money(const struct ana_table *t)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (t->cols[c].type == ANA_MONEY ||
		    t->cols[c].type == ANA_AMOUNT)
			return true;
	return false;
}

char *view_heading(enum cbm_lang lang, const char *figure, const char *column,
                  const struct ana_params *p)
{
	char *key;
	const char *label;

	if (strcmp(figure, "activity") == 0 && strcmp(column, "key") == 0)
		key = g_strdup_printf("col.key.%s", ana_by_names[p->by]);
	else
		key = g_strdup_printf("col.%s", column);
	label = rpt_label(lang, key);
	/* rpt_label gives the key back when it has no such label. */
	label = label == key ? column : label;
	g_free(key);
	return g_strdup(label);
}

/* ---- cells -------------------------------------------------------------- */

/* Trims "12.5000" to "12.5" and "12.0000" to "12". */
static void trim_zeros(char *s)
{
	char *mark = strpbrk(s, ".,");
	size_t len = strlen(s);

	if (!mark)
		return;
	while (len > 0 && s[len - 1] == '0')
		s[--len] = '\0';
	if (len > 0 && (s[len - 1] == '.' || s[len - 1] == ','))
		s[--len] = '\0';
}

/* The label PREFIX.VALUE in LANG (static), or VALUE itself when there is
 * no such label. */
static const char *translated(enum cbm_lang lang, const char *prefix,
                              const char *value)
{
	char *key = g_strdup_printf("%s.%s", prefix, value);
	const char *label = rpt_label(lang, key);

	if (label == key)
		label = value;
	g_free(key);
	return label;
}

/* The name of CODE in V's language: the key of activity (an area, a
 * dimension, a format or a venue), else a state. */
static const char *key_name(const char *code, bool activity,
                            const struct view_figure *v)
{
	if (!activity || v->p->by == ANA_BY_ORGANIZER)
		return ana_state_name(v->names, code, v->lang);
	switch (v->p->by) {
	case ANA_BY_AREA:
		return ana_area_name(v->names, code, v->lang);
	case ANA_BY_DIMENSION:
		return translated(v->lang, "dimension", code);
	case ANA_BY_FORMAT:
		return translated(v->lang, "format", code);
	default: /* a venue is named as the plan names it */
		return strcmp(code, "unknown") == 0
		           ? translated(v->lang, "venue", code)
		           : code;
	}
}

/* A text cell of the figure as V shows it: names in V's language;
 * statuses and the `total` line of execution translated for people. */
static const char *shown_text(const struct ana_table *t, size_t r, size_t c,
                              const struct view_figure *v)
{
	const char *name = t->cols[c].name, *s = ana_cell(t, r, c)->s;
	bool activity = strcmp(v->figure, "activity") == 0;
	int code;

	if (strcmp(name, "name") == 0 && v->names) {
		code = ana_col(t, activity ? "key" : "state");
		if (code < 0 || !ana_cell(t, r, (size_t)code)->defined)
			return s;
		return key_name(ana_cell(t, r, (size_t)code)->s, activity, v);
	}
	if (strcmp(name, "area_name") == 0 && v->names &&
	    (code = ana_col(t, "area")) >= 0)
		return ana_area_name(v->names, ana_cell(t, r, (size_t)code)->s,
		                     v->lang);
	if (!v->localise)
		return s;
	/* A budget's status: in execution's status, in shares' budget. */
	if (strcmp(name, "budget") == 0)
		return translated(v->lang, "status", s);
	if (strcmp(name, "status") == 0 || strcmp(name, "role") == 0 ||
	    strcmp(name, "dimension") == 0)
		return translated(v->lang, name, s);
	code = ana_col(t, "line");
	if (code >= 0 && ana_cell(t, r, (size_t)code)->defined &&
	    strcmp(ana_cell(t, r, (size_t)code)->s, "total") == 0 &&
	    (strcmp(name, "line") == 0 || strcmp(name, "title") == 0))
		return rpt_label(v->lang, "total");
	if (strcmp(name, "title") == 0 && v->lang != CBM_LANG_EN) {
		/* A translated title, when the figure carries one. */
		code = ana_col(t, v->lang == CBM_LANG_RU ? "title_ru"
		                                         : "title_kk");
		if (code >= 0 && ana_cell(t, r, (size_t)code)->defined)
			return ana_cell(t, r, (size_t)code)->s;
	}
	return s;
}

/* How a workbook types a value of TYPE, and its decimals (-1: as it is). */
static enum out_kind cell_kind(enum ana_type type, int exponent, int *dec)
{
	*dec = -1;
	switch (type) {
	case ANA_INT:
		return OUT_INT;
	case ANA_TEXT:
		return OUT_TEXT;
	case ANA_DATE:
		return OUT_DATE;
	case ANA_MONEY:
	case ANA_AMOUNT:
		*dec = exponent;
		return OUT_MONEY;
	case ANA_RATE:
		*dec = 1;
		return OUT_RATE;
	case ANA_SHARE:
		*dec = 2;
		return OUT_RATE;
	case ANA_INDEX: /* HHI, Gini: three decimals (DESIGN.md "Output") */
		*dec = 3;
		return OUT_REAL;
	default:
		return OUT_REAL;
	}
}

/* Sets cell COL of OUT's last row from cell (R, C) of T. */
static void set_cell(struct out_table *out, size_t col,
                     const struct ana_table *t, size_t r, size_t c,
                     const struct view_figure *v)
{
	const struct ana_value *val = ana_cell(t, r, c);
	enum ana_type type = t->cols[c].type;
	enum cbm_lang lang = v->localise ? v->lang : CBM_LANG_EN;
	char plain[CBM_MONEY_BUF], shown[CBM_MONEY_BUF];
	int dec;
	enum out_kind kind = cell_kind(type, t->exponent, &dec);

	if (!val->defined) {
		out_set_kind(out, col, NULL,
		             v->localise ? rpt_label(lang, "n/a") : "n/a", kind,
		             dec);
		return;
	}
	switch (type) {
	case ANA_INT:
		snprintf(plain, sizeof(plain), "%" PRId64, (int64_t)val->i);
		out_set_kind(out, col, plain, NULL, kind, dec);
		return;
	case ANA_TEXT:
		out_set_kind(out, col, shown_text(t, r, c, v), NULL, kind, dec);
		return;
	case ANA_DATE:
		cbm_date_iso((int32_t)val->i, plain);
		cbm_fmt_date(shown, sizeof(shown), (int32_t)val->i, lang);
		out_set_kind(out, col, plain, v->localise ? shown : NULL, kind,
		             dec);
		return;
	case ANA_MONEY:
		/* Exact digits, however far past 64 bits the sum is. */
		cbm_money_plain(plain, sizeof(plain), val->i, t->exponent);
		cbm_fmt_money(shown, sizeof(shown), val->i, t->exponent, lang);
		break;
	case ANA_AMOUNT:
		snprintf(plain, sizeof(plain), "%.*f", t->exponent, val->d);
		cbm_fmt_number(shown, sizeof(shown), val->d, t->exponent, lang);
		break;
	case ANA_RATE:
	case ANA_SHARE:
		snprintf(plain, sizeof(plain), "%.10g", val->d);
		cbm_fmt_percent(shown, sizeof(shown), val->d, dec, lang);
		break;
	default:
		snprintf(plain, sizeof(plain), "%.10g", val->d);
		cbm_fmt_number(shown, sizeof(shown), val->d, dec < 0 ? 4 : dec,
		               lang);
		if (dec < 0)
			trim_zeros(shown);
		break;
	}
	out_set_kind(out, col, plain, shown, kind, dec);
}

/* ---- totals ----------------------------------------------------------------
 */

/* A column's total over the rows KEPT: exact for money and counts;
 * undefined when any row's value is. */
struct total {
	bool defined;
	cbm_money i;
	double d;
};

static struct total column_total(const struct ana_table *t, size_t c,
                                 const GArray *kept)
{
	struct total sum = {.defined = true};

	for (guint k = 0; k < kept->len; k++) {
		const struct ana_value *val =
		    ana_cell(t, g_array_index(kept, size_t, k), c);
		if (!val->defined)
			return (struct total){0};
		if (!cbm_money_add(&sum.i, val->i))
			return (struct total){0};
		sum.d += val->d;
	}
	return sum;
}

static double total_value(const struct ana_table *t, int c,
                          const struct total *sum)
{
	enum ana_type type = t->cols[c].type;

	return type == ANA_MONEY || type == ANA_INT ? (double)sum->i : sum->d;
}

/* Fills OUT's totals row: the label in the first column, the sums of the
 * rule's columns as a row of T would hold them, the rule's rate
 * recomputed from its sums; the rest empty. */
static void set_totals(struct out_table *out, const struct ana_table *t,
                       const GArray *kept, const struct view_figure *v,
                       const struct totals_rule *rule, const int *outcol,
                       int currency_col)
{
	struct ana_table one;
	struct total *sums = g_new0(struct total, t->ncols);
	int num, den, rate;
	size_t r;

	/* One row of the figure's own shape, so that set_cell formats the
	 * sums as it formats any row. */
	ana_table_init(&one);
	one.ncols = t->ncols;
	one.cols = t->cols;
	one.exponent = t->exponent;
	memcpy(one.currency, t->currency, sizeof(one.currency));
	one.cells = g_new0(struct ana_value, t->ncols);
	one.nrows = 1;
	for (size_t i = 0; i < G_N_ELEMENTS(rule->sums) && rule->sums[i]; i++) {
		int c = ana_col(t, rule->sums[i]);
		if (c < 0)
			continue;
		sums[c] = column_total(t, (size_t)c, kept);
		one.cells[c] = (struct ana_value){
		    .defined = sums[c].defined, .i = sums[c].i, .d = sums[c].d};
	}
	rate = rule->rate ? ana_col(t, rule->rate) : -1;
	num = rule->num ? ana_col(t, rule->num) : -1;
	den = rule->den ? ana_col(t, rule->den) : -1;
	if (rate >= 0 && num >= 0 && den >= 0 && sums[num].defined &&
	    sums[den].defined && sums[den].i > 0)
		one.cells[rate] =
		    (struct ana_value){.defined = true,
		                       .d = total_value(t, num, &sums[num]) /
		                            total_value(t, den, &sums[den])};
	out_table_totals(out);
	r = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		if (outcol[c] < 0)
			continue;
		if (c == 0)
			out_set_kind(out, 0,
			             v->localise ? rpt_label(v->lang, "total")
			                         : "total",
			             NULL, OUT_TEXT, 0);
		else if (one.cells[c].defined)
			set_cell(out, (size_t)outcol[c], &one, r, c, v);
	}
	if (currency_col >= 0)
		out_set_kind(out, (size_t)currency_col, t->currency, NULL,
		             OUT_TEXT, 0);
	one.cols = NULL; /* T's */
	ana_table_release(&one);
	g_free(sums);
}

/* ---- the whole figure ------------------------------------------------------
 */

/* True for a column a view for people leaves out: the titles in Russian
 * and Kazakh, when the title column already shows the reader's one. */
static bool hidden(const struct ana_table *t, size_t c,
                   const struct view_figure *v)
{
	const char *name = t->cols[c].name;

	return v->localise &&
	       (strcmp(name, "title_ru") == 0 || strcmp(name, "title_kk") == 0);
}

size_t view_figure_out(const struct ana_table *t, const struct view_figure *v,
                      struct out_table *out)
{
	const char *state_col = view_state_column(v->figure, v->p);
	int state = v->state && state_col ? ana_col(t, state_col) : -1;
	/* People read the currency under the table or page. */
	bool people = v->format == OUT_TABLE || v->format == OUT_HTML;
	bool currency = !people && view_figure_money(t);
	const struct totals_rule *rule = totals_rule(v->figure);
	GArray *kept = g_array_new(FALSE, FALSE, sizeof(size_t));
	int *outcol = g_new(int, t->ncols), ncols = 0, currency_col = -1;
	size_t n;

	for (size_t c = 0; c < t->ncols; c++) {
		char *h;
		outcol[c] = hidden(t, c, v) ? -1 : ncols++;
		if (outcol[c] < 0)
			continue;
		h = v->localise ? view_heading(v->lang, v->figure,
		                              t->cols[c].name, v->p)
		                : g_strdup(t->cols[c].name);
		out_table_column(out, h);
		g_free(h);
	}
	if (currency) {
		currency_col = ncols;
		out_table_column(out, v->localise
		                          ? rpt_label(v->lang, "col.currency")
		                          : "currency");
	}
	for (size_t r = 0; r < t->nrows; r++) {
		const struct ana_value *s =
		    state >= 0 ? ana_cell(t, r, (size_t)state) : NULL;
		if (s && (!s->defined || strcmp(s->s, v->state) != 0))
			continue;
		g_array_append_val(kept, r);
		out_table_row(out);
		for (size_t c = 0; c < t->ncols; c++)
			if (outcol[c] >= 0)
				set_cell(out, (size_t)outcol[c], t, r, c, v);
		if (currency_col >= 0)
			out_set_kind(out, (size_t)currency_col, t->currency,
			             NULL, OUT_TEXT, 0);
	}
	if (rule && kept->len > 0 && (people || v->format == OUT_XLSX))
		set_totals(out, t, kept, v, rule, outcol, currency_col);
	n = kept->len;
	g_array_free(kept, TRUE);
	g_free(outcol);
	return n;
}
