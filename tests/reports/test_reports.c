/*
 * test_reports.c - the reports' layout on cairo recording surfaces, one
 * surface a page (doc.h's trace): a table that breaks across pages
 * repeats its header, nothing is drawn outside the page box, headings
 * stay with what follows, no header breaks inside a word, the last rows
 * of a table are not left alone, errors are sticky; then every report of
 * the example data in three languages: inside the page box, totals in
 * bold, and no column that prints one value for rows that differ.  And
 * the Kazakh case endings, worked out by hand.
 */
#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "check.h"
#include "import.h"
#include "rpt_internal.h"

/* ---- what a traced document drew ------------------------------------------
 */

struct drawn {
	int page;
	double x, y, w, h;
	bool bold;
	char *text;
};

struct collapse;

struct seen {
	GArray *texts; /* struct drawn */
	int pages;
	int outside; /* pages with ink outside the page box */
	const char *name;
	struct collapse *collapse; /* columns checked, when a report runs */
};

static void on_text(void *data, int page, double x, double y, double w,
                    double h, bool bold, const char *text)
{
	struct seen *s = data;
	struct drawn d = {page, x, y, w, h, bold, g_strdup(text)};

	g_array_append_val(s->texts, d);
}

static void on_page(void *data, int page, cairo_surface_t *surface)
{
	struct seen *s = data;
	double x, y, w, h;

	cairo_recording_surface_ink_extents(surface, &x, &y, &w, &h);
	s->pages = MAX(s->pages, page);
	/* A page with nothing on it has no extents; the extents are whole
	 * points, rounded outwards (the cover's band fills the width). */
	if (w > 0 && (x < -0.01 || y < -0.01 || x + w > ceil(DOC_PAGE_W) ||
	              y + h > ceil(DOC_PAGE_H))) {
		s->outside++;
		fprintf(stderr, "%s: page %d draws at %.1f %.1f %.1f %.1f\n",
		        s->name ? s->name : "doc", page, x, y, w, h);
	}
}

static void seen_init(struct seen *s, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->texts = g_array_new(FALSE, FALSE, sizeof(struct drawn));
	s->name = name;
}

static void seen_release(struct seen *s)
{
	for (guint i = 0; i < s->texts->len; i++)
		g_free(g_array_index(s->texts, struct drawn, i).text);
	g_array_free(s->texts, TRUE);
}

/* The pages on which TEXT was drawn, as a bit set (pages 1..63). */
static uint64_t pages_of(const struct seen *s, const char *text)
{
	uint64_t set = 0;

	for (guint i = 0; i < s->texts->len; i++) {
		const struct drawn *d =
		    &g_array_index(s->texts, struct drawn, i);
		if (strcmp(d->text, text) == 0 && d->page < 64)
			set |= (uint64_t)1 << d->page;
	}
	return set;
}

static const struct drawn *find_text(const struct seen *s, const char *text)
{
	for (guint i = 0; i < s->texts->len; i++) {
		const struct drawn *d =
		    &g_array_index(s->texts, struct drawn, i);
		if (strcmp(d->text, text) == 0)
			return d;
	}
	return NULL;
}

/* How many dashes are drawn on the row of the first TEXT drawn. */
static int dashes_beside(const struct seen *s, const char *text)
{
	const struct drawn *at = find_text(s, text);
	int n = 0;

	for (guint i = 0; at && i < s->texts->len; i++) {
		const struct drawn *d =
		    &g_array_index(s->texts, struct drawn, i);
		if (d->page == at->page && fabs(d->y - at->y) < 0.5 &&
		    strcmp(d->text, "\u2014") == 0)
			n++;
	}
	return n;
}

/* A document traced into S, on recording surfaces. */
static struct doc *traced_doc(struct seen *s, struct doc_trace *trace,
                              struct cbm_error *err)
{
	struct doc *d = NULL;
	struct doc_setup setup = {.title = "Test",
	                          .header = "CICA",
	                          .lang = CBM_LANG_EN,
	                          .trace = trace};

	*trace = (struct doc_trace){s, on_text, on_page};
	CHECK_INT(rpt_doc_open(&d, NULL, &setup, NULL, err), CBM_OK);
	return d;
}

/* ---- the doc layer --------------------------------------------------------
 */

/* N rows of two columns: "row I" and a number. */
static struct doc_table long_table(size_t n, GPtrArray *cells)
{
	static const char *const header[] = {"Name", "Amount"};
	static const double widths[] = {0.6, 0.4};
	static const bool right[] = {false, true};

	for (size_t i = 0; i < n; i++) {
		g_ptr_array_add(cells, g_strdup_printf("row %zu", i));
		g_ptr_array_add(cells, g_strdup_printf("%zu.00", i * 1000));
	}
	return (struct doc_table){
	    2,   n, header, widths, right, (const char *const *)cells->pdata,
	    true};
}

static void test_table_breaks(void)
{
	struct seen s;
	struct doc_trace trace;
	struct cbm_error err = {0};
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
	struct doc_table t;
	struct doc *d;
	uint64_t rows = 0, heads;
	int first = 99, last = 0;

	seen_init(&s, "table");
	d = traced_doc(&s, &trace, &err);
	t = long_table(150, cells);
	rpt_doc_heading(d, 1, "A long table");
	rpt_doc_table(d, &t);
	CHECK_INT(rpt_doc_close(d, NULL), CBM_OK);
	/* The rows run over several pages ... */
	for (guint i = 0; i < s.texts->len; i++) {
		const struct drawn *x =
		    &g_array_index(s.texts, struct drawn, i);
		if (g_str_has_prefix(x->text, "row ")) {
			rows |= (uint64_t)1 << x->page;
			first = MIN(first, x->page);
			last = MAX(last, x->page);
		}
	}
	CHECK(last - first >= 2);
	/* ... and the header is on every one of them. */
	heads = pages_of(&s, "Name") & pages_of(&s, "Amount");
	CHECK(rows != 0 && (heads & rows) == rows);
	CHECK_INT(s.outside, 0);
	CHECK_INT(s.pages, last);
	/* The last rows are not left alone: the page of the total holds at
	 * least three rows. */
	{
		int n = 0, page = find_text(&s, "149000.00")->page;
		for (guint i = 0; i < s.texts->len; i++) {
			const struct drawn *x =
			    &g_array_index(s.texts, struct drawn, i);
			n += x->page == page &&
			     g_str_has_prefix(x->text, "row ");
		}
		CHECK(n >= 3);
		CHECK(find_text(&s, "149000.00")->bold);
		CHECK(!find_text(&s, "148000.00")->bold);
	}
	g_ptr_array_free(cells, TRUE);
	seen_release(&s);
}

/* A heading near the foot of a page goes with its table to the next. */
static void test_heading_kept(void)
{
	struct seen s;
	struct doc_trace trace;
	struct cbm_error err = {0};
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
	struct doc_table t;
	struct doc *d;
	GString *text = g_string_new(NULL);

	seen_init(&s, "heading");
	d = traced_doc(&s, &trace, &err);
	/* Paragraphs of some 100 points down to near the foot: whichever
	 * comes last, the heading never ends a page. */
	for (int i = 0; i < 8; i++)
		g_string_append(text, "Words to fill the page with a long "
		                      "paragraph of body text. ");
	for (int i = 0; i < 7; i++) {
		char *h = g_strdup_printf("Heading %d", i);
		rpt_doc_heading(d, 2, h);
		rpt_doc_paragraph(d, text->str);
		g_free(h);
	}
	t = long_table(10, cells);
	rpt_doc_heading(d, 2, "Kept with its table");
	rpt_doc_table(d, &t);
	CHECK_INT(rpt_doc_close(d, NULL), CBM_OK);
	CHECK(find_text(&s, "Kept with its table") != NULL);
	CHECK(find_text(&s, "row 0") != NULL);
	if (find_text(&s, "Kept with its table") && find_text(&s, "row 0"))
		CHECK_INT(find_text(&s, "Kept with its table")->page,
		          find_text(&s, "row 0")->page);
	/* No page ends with a heading. */
	for (guint i = 0; i < s.texts->len; i++) {
		const struct drawn *x =
		    &g_array_index(s.texts, struct drawn, i);
		const struct drawn *next =
		    i + 1 < s.texts->len
		        ? &g_array_index(s.texts, struct drawn, i + 1)
		        : NULL;
		if (g_str_has_prefix(x->text, "Heading ") ||
		    strcmp(x->text, "Kept with its table") == 0)
			CHECK(next && next->page == x->page);
	}
	/* Nothing was forced onto a page of its own: some 800 points of
	 * text and a table of 11 rows fill two pages. */
	CHECK_INT(s.pages, 2);
	CHECK_INT(s.outside, 0);
	g_string_free(text, TRUE);
	g_ptr_array_free(cells, TRUE);
	seen_release(&s);
}

/* A chart is drawn shorter, down to its minimum, rather than leave the
 * rest of a page empty.  Worked by hand: an A4 page of 841.89 points, the
 * body from 66 down to 841.89 - 64 = 777.89, so 711.89 points of room on
 * a fresh page. */
static void test_chart_fit(void)
{
	struct seen s;
	struct doc_trace trace;
	struct cbm_error err = {0};
	struct doc *d;

	seen_init(&s, "fit");
	d = traced_doc(&s, &trace, &err);
	/* Before the first page nothing is known: the height asked. */
	CHECK_REL(rpt_doc_fit(d, 800, 600, 0), 800, 1e-12);
	rpt_doc_keep(d, 10); /* page 1, at the top */
	CHECK_REL(rpt_doc_fit(d, 700, 500, 0), 700, 1e-12);   /* fits */
	CHECK_REL(rpt_doc_fit(d, 800, 600, 0), 711.89, 1e-12); /* shorter */
	/* 100 points that stay with it below: 611.89 left. */
	CHECK_REL(rpt_doc_fit(d, 700, 500, 100), 611.89, 1e-12);
	/* Less room than the minimum: the height asked, for a new page. */
	CHECK_REL(rpt_doc_fit(d, 700, 650, 100), 700, 1e-12);
	CHECK_INT(rpt_doc_close(d, NULL), CBM_OK);
	seen_release(&s);
}

/* The natural width of TEXT in bold 8-point DejaVu Sans. */
static double word_width(const char *text)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	cairo_t *cr = cairo_create(s);
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *f =
	    pango_font_description_from_string("DejaVu Sans Bold 8");
	int w, h;

	pango_font_description_set_absolute_size(f, 8 * PANGO_SCALE);
	pango_layout_set_font_description(l, f);
	pango_layout_set_text(l, text, -1);
	pango_layout_get_size(l, &w, &h);
	pango_font_description_free(f);
	g_object_unref(l);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return (double)w / PANGO_SCALE;
}

/* A column far too narrow for its header is widened: the header is drawn
 * whole, on one line, no word broken. */
static void test_header_words(void)
{
	static const char *const header[] = {"Исполнение", "Implementation",
	                                     "Title"};
	static const double widths[] = {0.03, 0.03, 0.94};
	static const bool right[] = {true, true, false};
	static const char *const cells[] = {"1.0 %", "2.0 %", "x"};
	struct doc_table t = {3, 1, header, widths, right, cells, false};
	struct seen s;
	struct doc_trace trace;
	struct cbm_error err = {0};
	struct doc *d;

	seen_init(&s, "header");
	d = traced_doc(&s, &trace, &err);
	rpt_doc_table(d, &t);
	CHECK_INT(rpt_doc_close(d, NULL), CBM_OK);
	for (int i = 0; i < 2; i++) {
		const struct drawn *x = find_text(&s, header[i]);
		CHECK(x != NULL);
		if (!x)
			continue;
		/* One line, as wide as the word. */
		CHECK(x->w >= word_width(header[i]) - 0.5);
		CHECK(x->h < 14);
	}
	seen_release(&s);
}

/* The first error is kept; later calls do nothing; close returns it. */
static void test_sticky_error(void)
{
	struct seen s;
	struct doc_trace trace;
	struct cbm_error err = {0};
	struct chart bad = {0}; /* no series: chart_draw refuses it */
	struct doc *d;

	seen_init(&s, "error");
	d = traced_doc(&s, &trace, &err);
	rpt_doc_paragraph(d, "before");
	rpt_doc_chart(d, &bad, 200);
	CHECK(!rpt_doc_ok(d));
	rpt_doc_paragraph(d, "after");
	CHECK_INT(rpt_doc_close(d, NULL), CBM_EUSAGE);
	CHECK_INT(err.code, CBM_EUSAGE);
	CHECK(find_text(&s, "before") != NULL);
	CHECK(find_text(&s, "after") == NULL);
	/* A report's own error, raised first, is the one kept. */
	cbm_error_clear(&err);
	CBM_ERROR(&err, CBM_EDATA, NULL, "the first");
	{
		struct doc_setup setup = {.title = "Test", .trace = &trace};
		CHECK_INT(rpt_doc_open(&d, NULL, &setup, NULL, &err),
		          CBM_EDATA);
	}
	rpt_doc_chart(d, &bad, 200);
	CHECK_INT(rpt_doc_close(d, NULL), CBM_EDATA);
	CHECK_STR(err.message, "the first");
	CHECK_INT(rpt_doc_close(NULL, NULL), CBM_OK);
	seen_release(&s);
}

/* ---- Kazakh case endings and placeholders ----------------------------------
 */

static void check_inflect(const char *value, const char *kase, const char *want)
{
	char *got = rpt_kk_inflect(value, kase);

	CHECK_STR(got, want);
	g_free(got);
}

static void test_kazakh(void)
{
	const char *v[9] = {"2024", "20",          "27", "4",          "3",
	                    "",     "95,8\u00a0%", "",   "86,9\u00a0%"};
	char *s;

	/* The last spoken word decides: жиырма (20) ends in a back vowel,
	 * төрт (2024) and бес (2025) in voiceless consonants, алты (2026)
	 * in a vowel, мың (1000) in ң, пайыз (%) in з. */
	check_inflect("20", "poss", "20-сы");
	check_inflect("4", "poss", "4-і");
	check_inflect("3", "poss", "3-і");
	check_inflect("2024", "dat", "2024-ке");
	check_inflect("2026", "dat", "2026-ға");
	check_inflect("2025", "loc", "2025-те");
	check_inflect("2020", "loc", "2020-да");
	check_inflect("1000", "gen", "1000-ның");
	check_inflect("2021", "gen", "2021-дің");
	check_inflect("14.11.2025", "dat", "14.11.2025-ке");
	check_inflect("61,2\u00a0%", "dat", "61,2\u00a0%-ға");
	check_inflect("61,2\u00a0%", "abl", "61,2\u00a0%-дан");
	check_inflect("95,8\u00a0%", "poss", "95,8\u00a0%-ы");
	check_inflect("1\u00a0000", "abl", "1\u00a0000-нан");
	check_inflect("40", "acc", "40-ты");
	check_inflect("USD", "dat", "USD");
	/* Placeholders: numbered, reordered, with a case in Kazakh only. */
	s = rpt_labelv(CBM_LANG_KK, "annual.highlights", v, 9);
	CHECK_HAS(s, "2024 жылы жоспардағы 27 іс-шараның 20-сы өткізілді, "
	             "4-і кейінге қалдырылды, 3-і болдырылмады");
	CHECK_HAS(s,
	          "бюджеттің 95,8\u00a0%-ы; бюджет 86,9\u00a0%-ға орындалды");
	g_free(s);
	s = rpt_labelv(CBM_LANG_RU, "annual.highlights", v, 9);
	CHECK_HAS(s, "В 2024 году из 27 мероприятий плана проведено 20");
	g_free(s);
	s = rpt_labelv(CBM_LANG_EN, "kf.forecast", v + 6, 3);
	CHECK_STR(s, "Forecast by 31 December, range 95,8\u00a0% to ");
	g_free(s);
	s = rpt_labelv(CBM_LANG_KK, "kf.forecast", v + 2, 2);
	CHECK_HAS(s, "27-ден 4-ке дейін");
	g_free(s);
	s = rpt_labelf(CBM_LANG_RU, "annual.title", "2024");
	CHECK_STR(s, "Годовой отчёт за 2024 год");
	g_free(s);
}

/* ---- the reports of the example data --------------------------------------
 */

static struct st_db *db;

static void load_examples(void)
{
	static const enum imp_kind order[] = {
	    IMP_ORGANIZATION, IMP_STATES,      IMP_AREAS, IMP_COORDINATORS,
	    IMP_FX,           IMP_BUDGET,      IMP_PLAN,  IMP_CONTRIBUTIONS,
	    IMP_PLEDGES,      IMP_SECONDMENTS, IMP_SCALE};
	const char *dir = check_tmpdir("cbm-reports");
	char *path = g_build_filename(dir, "examples.sqlite", NULL);
	struct cbm_error err = {0};

	CHECK_INT(st_open(&db, path, ST_OPEN_CREATE, &err), CBM_OK);
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++) {
		char *name = g_strdup_printf("%s.csv", imp_kind_name(order[i]));
		char *file = g_build_filename(CBM_EXAMPLES, name, NULL);
		struct imp_options opt = {0};
		struct imp_result res;
		imp_result_init(&res);
		CHECK_INT(imp_import_file(db, order[i], file, &opt, &res, &err),
		          CBM_OK);
		imp_result_release(&res);
		g_free(file);
		g_free(name);
	}
	g_free(path);
}

/* A column whose values differ but print alike in every row says
 * nothing: its precision is too coarse (HHI at one decimal once showed
 * 0.1 for every year). */
struct collapse {
	int checked, collapsed;
	const char *report;
};

static bool same_value(const struct ana_table *t, size_t col, size_t a,
                       size_t b)
{
	const struct ana_value *x = ana_cell(t, a, col),
	                       *y = ana_cell(t, b, col);

	if (x->defined != y->defined)
		return false;
	switch (t->cols[col].type) {
	case ANA_TEXT:
		return !x->s || !y->s || strcmp(x->s, y->s) == 0;
	case ANA_MONEY:
	case ANA_INT:
	case ANA_DATE:
		return x->i == y->i;
	default:
		return x->d == y->d;
	}
}

static void on_column(void *data, const struct ana_table *t, size_t col,
                      const size_t *rows, const char *const *texts, size_t n)
{
	struct seen *s = data;
	struct collapse *c = s->collapse;
	bool values_differ = false, texts_differ = false;

	if (n < 2)
		return;
	for (size_t i = 1; i < n; i++) {
		values_differ |= !same_value(t, col, rows[0], rows[i]);
		texts_differ |= strcmp(texts[0], texts[i]) != 0;
	}
	c->checked++;
	if (values_differ && !texts_differ) {
		c->collapsed++;
		fprintf(stderr, "%s: column %s prints '%s' in all %zu rows\n",
		        c->report, t->cols[col].name, texts[0], n);
	}
}

/* Every report in every language: inside the page box, totals in bold,
 * and no column printing one value for values that differ. */
static void test_example_reports(void)
{
	static const char *const kinds[] = {"annual", "budget", "state"};

	for (int k = 0; k < RPT_KIND_COUNT; k++) {
		for (int l = CBM_LANG_EN; l <= CBM_LANG_KK; l++) {
			struct rpt_params p;
			struct seen s;
			struct collapse c = {0, 0, kinds[k]};
			struct rpt_trace trace;
			struct cbm_error err = {0};
			const char *total = rpt_label(l, "total");
			const struct drawn *t;

			rpt_params_init(&p);
			p.kind = (enum rpt_kind)k;
			p.lang = (enum cbm_lang)l;
			p.state = "KAZ";
			p.scale = "draft-2026";
			seen_init(&s, kinds[k]);
			s.collapse = &c;
			trace = (struct rpt_trace){{&s, on_text, on_page},
			                           on_column};
			CHECK_INT(rpt_write_traced(db, &p, NULL, &trace, &err),
			          CBM_OK);
			if (err.code)
				fprintf(stderr, "%s\n", err.message);
			CHECK(s.pages >= 5);
			CHECK_INT(s.outside, 0);
			CHECK(c.checked > 10);
			CHECK_INT(c.collapsed, 0);
			/* Additive tables end with a bold total. */
			t = find_text(&s, total);
			CHECK(t != NULL && t->bold);
			seen_release(&s);
		}
	}
}

/* Japan, an observer that paid only earmarked contributions: its
 * statement says so, not "Member since", and draws no chart of zeros. */
static void test_observer_statement(void)
{
	struct rpt_params p;
	struct seen s;
	struct rpt_trace trace;
	struct cbm_error err = {0};

	rpt_params_init(&p);
	p.kind = RPT_STATE;
	p.lang = CBM_LANG_EN;
	p.state = "JPN";
	seen_init(&s, "observer");
	trace = (struct rpt_trace){{&s, on_text, on_page}, NULL};
	CHECK_INT(rpt_write_traced(db, &p, NULL, &trace, &err), CBM_OK);
	CHECK(find_text(&s, "Observer since") != NULL);
	CHECK(find_text(&s, "Member since") == NULL);
	CHECK(find_text(&s, "Nothing recorded for this period.") != NULL);
	CHECK(find_text(&s, "Members' median") == NULL);
	CHECK_INT(s.outside, 0);
	seen_release(&s);
}

/* The brief of 2025 as the SWG reads it on 14 November: every member on
 * the roll, the forecast from the year's position, the 2026 draft, CICA
 * on the cover. */
static void test_brief_2025(void)
{
	struct rpt_params p;
	struct seen s;
	struct rpt_trace trace;
	struct cbm_error err = {0};
	struct ana_names *names = NULL;
	static const char *const members[] = {
	    "AFG", "AZE", "BHR", "BGD", "KHM", "CHN", "EGY",
	    "IND", "IRN", "IRQ", "ISR", "JOR", "KAZ", "KWT",
	    "KGZ", "MNG", "PAK", "PSE", "QAT", "KOR", "RUS",
	    "LKA", "TJK", "THA", "TUR", "ARE", "UZB", "VNM"};

	rpt_params_init(&p);
	p.kind = RPT_BUDGET;
	p.year = 2025;
	p.as_of = cbm_days_from_civil(2025, 11, 14);
	seen_init(&s, "brief");
	trace = (struct rpt_trace){{&s, on_text, on_page}, NULL};
	CHECK_INT(rpt_write_traced(db, &p, NULL, &trace, &err), CBM_OK);
	CHECK_INT(ana_names_open(&names, db, &err), CBM_OK);
	for (size_t i = 0; i < 28; i++) {
		const char *name =
		    ana_state_name(names, members[i], CBM_LANG_EN);
		if (!pages_of(&s, name))
			fprintf(stderr, "the brief does not name %s\n", name);
		CHECK(pages_of(&s, name) != 0);
	}
	CHECK(find_text(&s, "Conference on Interaction and Confidence "
	                    "Building Measures in Asia") != NULL);
	CHECK(find_text(&s, "Draft budget 2026 against 2025") != NULL);
	CHECK(find_text(&s, "2026 (Draft)") != NULL);
	CHECK(find_text(&s, "no pledge, nothing paid") != NULL);
	CHECK(find_text(&s, "Pledges outstanding from earlier years") != NULL);
	/* Afghanistan pledged nothing: a dash under Pledged and Outstanding
	 * on its row of the roll, not a pledge of 0.00. */
	CHECK_INT(dashes_beside(&s, "Afghanistan"), 2);
	ana_names_close(names);
	seen_release(&s);
}

int main(void)
{
	test_table_breaks();
	test_heading_kept();
	test_chart_fit();
	test_header_words();
	test_sticky_error();
	test_kazakh();
	load_examples();
	test_example_reports();
	test_brief_2025();
	test_observer_statement();
	st_close(db);
	return check_summary();
}
