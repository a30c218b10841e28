/*
 * book.c - what every workbook cbm writes says about itself: the document
 * properties (title, currency, basis, as-of) and a "Read me" sheet that
 * repeats them for people and defines each figure of the book in a line
 * or two (the definitions of docs/figures.md, in the reader's language).
 */
#include <string.h>
#include <time.h>

#include "analysis.h"
#include "cbm_version.h"
#include "view.h"
#include "report.h"

static const char *const basis_keys[] = {
    [ANA_VOLUNTARY] = "basis.voluntary",
    [ANA_EARMARKED] = "basis.earmarked",
    [ANA_IN_KIND] = "basis.in-kind",
    [ANA_ALL_KINDS] = "basis.all",
};

/* "2024", "2019-2025", "2019 and later", "to 2025" or "" (every year). */
static char *years_text(const struct ana_params *p)
{
	if (p->year)
		return g_strdup_printf("%d", p->year);
	if (p->from && p->to)
		return g_strdup_printf("%d\xE2\x80\x93%d", p->from, p->to);
	if (p->from)
		return g_strdup_printf("%d\xE2\x80\x93", p->from);
	if (p->to)
		return g_strdup_printf("\xE2\x80\x93%d", p->to);
	return g_strdup("");
}

static const char *currency_of(const struct view_book *bk)
{
	return bk->p && bk->p->currency[0] ? bk->p->currency : "USD";
}

enum cbm_status view_book_info(struct out_book *b, const struct view_book *bk,
                              struct cbm_error *err)
{
	char as_of[11] = "";
	char *years = bk->p ? years_text(bk->p) : g_strdup("");
	/* The custom properties are keys and codes, the same in every
	 * language, for whoever filters workbooks by them; the comments are
	 * for people and in the reader's language. */
	const char *custom[] = {
	    "Command",  bk->command,
	    "State",    bk->state ? bk->state : "",
	    "Currency", currency_of(bk),
	    "Basis",    bk->p ? ana_kind_names[bk->p->kind] : "",
	    "As of",    as_of,
	    "Years",    years,
	};
	enum cbm_lang lang = bk->lang;
	char *comments,
	    *span = years[0] ? rpt_labelf(lang, "readme.years_of", years)
	                     : g_strdup("");
	enum cbm_status rc;

	if (bk->p && bk->p->as_of != INT32_MIN)
		cbm_date_iso(bk->p->as_of, as_of);
	if (bk->p)
		comments = g_strdup_printf(
		    "%s: %s; %s: %s%s%s%s%s%s%s.",
		    rpt_label(lang, "readme.currency"), currency_of(bk),
		    rpt_label(lang, "readme.basis"),
		    rpt_label(lang, basis_keys[bk->p->kind]),
		    as_of[0] ? "; " : "",
		    as_of[0] ? rpt_label(lang, "readme.as_of") : "",
		    as_of[0] ? ": " : "", as_of, span[0] ? "; " : "", span);
	else
		comments = g_strdup(rpt_label(lang, "readme.notes.query"));
	rc = out_book_info(
	    b,
	    &(struct out_book_info){
	        .title = rpt_label(lang, "readme.title"),
	        .subject = bk->command,
	        .keywords = rpt_label(lang, "readme.keywords"),
	        .comments = comments,
	        .custom = custom,
	        /* A query has neither currency nor basis. */
	        .ncustom = (bk->p ? G_N_ELEMENTS(custom) : 4) / 2,
	    },
	    err);
	g_free(comments);
	g_free(span);
	g_free(years);
	return rc;
}

/* A row of two texts (either may be NULL). */
static void pair(struct out_table *t, const char *a, const char *b)
{
	out_table_row(t);
	out_set_kind(t, 0, a, NULL, OUT_TEXT, 0);
	out_set_kind(t, 1, b, NULL, OUT_TEXT, 0);
}

/* Today, or the day SOURCE_DATE_EPOCH names, as YYYY-MM-DD. */
static void made_on(char buf[11])
{
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	time_t now = epoch && *epoch ? (time_t)g_ascii_strtoll(epoch, NULL, 10)
	                             : time(NULL);

	cbm_date_iso((int32_t)(now / 86400), buf);
}

enum cbm_status view_book_readme(struct out_book *b, const struct view_book *bk,
                                const GPtrArray *sheets, struct cbm_error *err)
{
	enum cbm_lang lang = bk->lang;
	struct out_table t;
	char day[11], *version;
	char *years = bk->p ? years_text(bk->p) : g_strdup("");
	enum cbm_status rc;

	out_table_init(&t);
	out_table_column(&t, "");
	out_table_column(&t, "");
	version = g_strdup_printf("cbm %s: %s", CBM_VERSION, bk->command);
	pair(&t, rpt_label(lang, "readme.made_by"), version);
	made_on(day);
	pair(&t, rpt_label(lang, "readme.made_on"), day);
	pair(&t, rpt_label(lang, "readme.database"), bk->db_path);
	if (bk->p) {
		pair(&t, rpt_label(lang, "readme.currency"), currency_of(bk));
		pair(&t, rpt_label(lang, "readme.basis"),
		     rpt_label(lang, basis_keys[bk->p->kind]));
		pair(&t, rpt_label(lang, "readme.years"),
		     years[0] ? years : rpt_label(lang, "readme.all_years"));
	}
	if (bk->p && bk->p->as_of != INT32_MIN) {
		cbm_date_iso(bk->p->as_of, day);
		pair(&t, rpt_label(lang, "readme.as_of"), day);
	}
	if (bk->state)
		pair(&t, rpt_label(lang, "readme.state"), bk->state_name);
	pair(&t, NULL, NULL);
	pair(&t, rpt_label(lang, "readme.sheet"),
	     rpt_label(lang, "readme.definition"));
	for (guint i = 0; i < sheets->len; i++) {
		const struct view_sheet *s = g_ptr_array_index(sheets, i);
		pair(&t, s->name, s->note);
	}
	pair(&t, NULL, NULL);
	pair(&t, rpt_label(lang, "readme.notes"),
	     rpt_label(lang, bk->p ? "readme.notes.text"
	                           : "readme.notes.query"));
	rc = out_book_notes(b, rpt_label(lang, "sheet.readme"),
	                    rpt_label(lang, "readme.title"), &t, err);
	out_table_release(&t);
	g_free(version);
	g_free(years);
	return rc;
}

/* The key of FIGURE's sheet name and definition: the figure's name, or
 * activity_area, activity_dimension, activity_organizer. */
static char *figure_key(const char *prefix, const char *figure,
                        const struct ana_params *p)
{

	if (strcmp(figure, "activity") == 0)
		return g_strdup_printf("%s.activity_%s", prefix, ana_by_names[p->by]);
	return g_strdup_printf("%s.%s", prefix, figure);
}

struct view_sheet *view_sheet_new(enum cbm_lang lang, const char *figure,
                                const struct ana_params *p,
                                const struct ana_table *t)
{
	struct view_sheet *s = g_new0(struct view_sheet, 1);
	char *key = figure_key("sheet", figure, p);
	char *def = figure_key("def", figure, p);
	const char *scale = p->scale ? p->scale : "equal";
	int year = t && t->nrows && ana_col(t, "year") >= 0
	               ? (int)ana_cell(t, 0, (size_t)ana_col(t, "year"))->i
	               : p->year;
	char num[16];

	snprintf(num, sizeof(num), "%d", year);
	if (strcmp(figure, "shares") == 0) {
		s->name = rpt_labelf(lang, key, scale);
		s->note = rpt_labelf(lang, def, scale);
	} else if (strcmp(figure, "curve") == 0) {
		s->name = rpt_labelf(lang, key, year ? num : "");
		s->note = g_strdup(rpt_label(lang, def));
	} else if (strcmp(figure, "collection") == 0 && p->as_of != INT32_MIN) {
		s->name = g_strdup(rpt_label(lang, key));
		s->note =
		    g_strdup_printf("%s %s", rpt_label(lang, def),
		                    rpt_label(lang, "def.collection_as_of"));
	} else {
		s->name = g_strdup(rpt_label(lang, key));
		s->note = g_strdup(rpt_label(lang, def));
	}
	g_strstrip(s->name);
	g_free(key);
	g_free(def);
	return s;
}

void view_sheet_free(gpointer p)
{
	struct view_sheet *s = p;

	g_free(s->name);
	g_free(s->note);
	g_free(s);
}

enum cbm_status view_book_figure(struct cbm_outfile *of,
                                 const struct view_book *bk,
                                 const char *figure,
                                 const struct ana_table *t,
                                 const struct out_table *out,
                                 struct cbm_error *err)
{
	GPtrArray *sheets = g_ptr_array_new_with_free_func(view_sheet_free);
	struct view_sheet *sheet = view_sheet_new(bk->lang, figure, bk->p, t);
	struct out_book *b = NULL;
	enum cbm_status rc;

	g_ptr_array_add(sheets, sheet);
	rc = out_book_open(&b, of, false, err);
	if (rc == CBM_OK)
		rc = view_book_info(b, bk, err);
	if (rc == CBM_OK)
		rc = out_book_table(b, sheet->name, out, err);
	if (rc == CBM_OK)
		rc = view_book_readme(b, bk, sheets, err);
	if (rc == CBM_OK)
		rc = out_book_close(b, err);
	else
		out_book_abort(b);
	g_ptr_array_free(sheets, TRUE);
	return rc;
}

enum cbm_status view_book_query(struct out_book *b, const struct view_book *bk,
                                struct st_query *q,
                                const struct out_table *list,
                                struct cbm_error *err)
{
	GPtrArray *sheets = g_ptr_array_new_with_free_func(view_sheet_free);
	struct view_sheet *sheet = g_new0(struct view_sheet, 1);
	struct out_stream *out;
	enum cbm_status rc;

	sheet->name = g_strdup(list ? "Views" : "Query");
	sheet->note = g_strdup(list ? "The documented views and their columns."
	                            : rpt_label(CBM_LANG_EN, "def.query"));
	g_ptr_array_add(sheets, sheet);
	rc = view_book_info(b, bk, err);
	if (rc == CBM_OK && list)
		rc = out_book_table(b, sheet->name, list, err);
	if (rc == CBM_OK && !list) {
		out = out_stream_sheet(b, sheet->name);
		rc = view_query_stream(q, out, 0, 0, NULL, NULL, err);
		out_stream_close(out);
	}
	if (rc == CBM_OK)
		rc = view_book_readme(b, bk, sheets, err);
	g_ptr_array_free(sheets, TRUE);
	return rc;
}
