/*
 * pages.c - the pages of cbm serve and their downloads: the overview (key
 * figures and the charts), every figure with its options as a form,
 * read-only queries a page of rows at a time, the reports as PDF, the
 * import batches.  Each runs on a worker thread over R->db (read-only)
 * and leaves its answer in R; the cells come from view/, the same as the
 * command line prints.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "chart.h"
#include "import.h"
#include "output.h"
#include "report.h"
#include "store.h"
#include "view.h"
#include "web_internal.h"

/* Rows of a query result a page shows. */
#define WEB_PAGE_ROWS 100

static const char *const lang_codes[] = {"en", "ru", "kk"};

#define L(r, key) web_label((r)->lang, (key))

/* A whole number of the URL: 0 when absent, -1 when not a number (which
 * the checks then refuse). */
static int param_int(const struct web_req *r, const char *name)
{
	const char *v = web_param(r, name);
	char *end;
	long n;

	if (!v)
		return 0;
	errno = 0;
	n = strtol(v, &end, 10);
	return *end || errno || n < 0 || n > 1000000 ? -1 : (int)n;
}

/* The text a person reads in cell C. */
static const char *shown(const struct out_cell *c)
{
	return c->display ? c->display : c->plain ? c->plain : "";
}

/* A page that only says MESSAGE, with STATUS. */
static void page_message(struct web_req *r, const char *nav,
                         const char *message, unsigned status)
{
	struct web_html h;

	web_html_open(&h, r, nav);
	web_html_error(&h, message);
	web_html_close(&h, r, status);
}

/* A download of TYPE named NAME: the bytes written into the memory
 * stream FP (closed here) at *BUF. */
static void download(struct web_req *r, FILE *fp, char **buf, size_t *len,
                     const char *type, const char *name)
{
	fclose(fp);
	web_answer(r, 200, type, *buf, *len);
	*buf = NULL;
	g_free(r->filename);
	r->filename = g_strdup(name);
}

/* A workbook made by WRITE into a file of a temporary folder, read back
 * as R's answer named NAME; the folder goes away.  The database is never
 * written. */
typedef enum cbm_status (*book_fn)(struct cbm_outfile *of, void *data,
                                   struct cbm_error *err);

static enum cbm_status xlsx_answer(struct web_req *r, book_fn write, void *data,
                                   const char *name, struct cbm_error *err)
{
	char *dir = g_dir_make_tmp("cbm-serve-XXXXXX", NULL);
	char *path = dir ? g_build_filename(dir, "book.xlsx", NULL) : NULL;
	struct cbm_outfile of = {0};
	enum cbm_status rc;
	gchar *bytes = NULL;
	gsize n = 0;

	if (!dir) {
		g_free(path);
		return CBM_ERROR(err, CBM_EINTERNAL, NULL,
		                 "cannot make a temporary folder");
	}
	g_mutex_lock(r->files);
	rc = cbm_outfile_open(&of, path, err);
	if (rc == CBM_OK)
		rc = write(&of, data, err);
	if (rc == CBM_OK)
		rc = cbm_outfile_commit(&of, err);
	cbm_outfile_abort(&of);
	g_mutex_unlock(r->files);
	if (rc == CBM_OK && !g_file_get_contents(path, &bytes, &n, NULL))
		rc = CBM_ERROR(err, CBM_EINTERNAL, NULL,
		               "cannot read the workbook back");
	if (rc == CBM_OK) {
		web_answer(r, 200,
		           "application/vnd.openxmlformats-officedocument."
		           "spreadsheetml.sheet",
		           bytes, n);
		g_free(r->filename);
		r->filename = g_strdup(name);
	}
	g_unlink(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
	return rc;
}

/* ---- the overview ------------------------------------------------------- */

static void card(FILE *fp, const char *label, const char *value)
{
	fputs("<div class=\"card\"><div class=\"l\">", fp);
	web_esc(fp, label);
	fputs("</div><div class=\"v\">", fp);
	web_esc(fp, value);
	fputs("</div></div>\n", fp);
}

/* FIGURE with P into T and, as a page in R's language shows it, OUT. */
static enum cbm_status
figure_cells(struct web_req *r, const char *figure, const struct ana_params *p,
             const char *state, const struct ana_names *names,
             enum out_format format, struct ana_table *t, struct out_table *out,
             struct cbm_error *err)
{
	const struct ana_figure *f = ana_figure_find(figure);
	struct view_figure v = {
	    .figure = figure,
	    .p = p,
	    .format = format,
	    .lang = r->lang,
	    .localise = format == OUT_HTML || format == OUT_XLSX,
	    .names = names,
	    .state = state,
	};
	enum cbm_status rc = f->fn(r->db, p, t, err);

	if (rc == CBM_OK)
		view_figure_out(t, &v, out);
	return rc;
}

/* The cell of column NAME in row ROW of OUT made from T (the totals for
 * ROW < 0), or "" when there is none.  Columns of the figures on the
 * overview are one to one with T's. */
static const char *cell_of(const struct ana_table *t,
                           const struct out_table *out, int row,
                           const char *name)
{
	int c = ana_col(t, name);
	const struct out_cell *cells;

	if (c < 0 || (guint)c >= out->columns->len)
		return "";
	if (row < 0)
		cells = out->totals;
	else if ((guint)row < out->rows->len)
		cells = g_ptr_array_index(out->rows, row);
	else
		cells = NULL;
	return cells ? shown(&cells[c]) : "";
}

/* The key figures of year Y, as the annual report's summary has them. */
static enum cbm_status key_figures(struct web_req *r, FILE *fp, int y,
                                   const struct ana_names *names,
                                   struct cbm_error *err)
{
	struct ana_params p;
	struct ana_table col, act, exe;
	struct out_table ocol, oact, oexe;
	enum cbm_status rc;
	char *title, *events, *received, year[16];

	ana_params_init(&p);
	p.year = y;
	ana_table_init(&col);
	ana_table_init(&act);
	ana_table_init(&exe);
	out_table_init(&ocol);
	out_table_init(&oact);
	out_table_init(&oexe);
	rc = figure_cells(r, "collection", &p, NULL, names, OUT_HTML, &col,
	                  &ocol, err);
	p.by = ANA_BY_DIMENSION;
	if (rc == CBM_OK)
		rc = figure_cells(r, "activity", &p, NULL, names, OUT_HTML,
		                  &act, &oact, err);
	if (rc == CBM_OK)
		rc = figure_cells(r, "execution", &p, NULL, names, OUT_HTML,
		                  &exe, &oexe, err);
	if (rc == CBM_OK) {
		snprintf(year, sizeof(year), "%d", y);
		title = web_labelf(r->lang, "key.figures", year);
		fputs("<h2>", fp);
		web_esc(fp, title);
		fputs("</h2>\n<div class=\"cards\" id=\"key-figures\">\n", fp);
		events =
		    g_strdup_printf("%s / %s", cell_of(&act, &oact, -1, "held"),
		                    cell_of(&act, &oact, -1, "planned"));
		card(fp, rpt_label(r->lang, "kf.events"), events);
		card(fp, rpt_label(r->lang, "kf.collection"),
		     cell_of(&col, &ocol, 0, "collection_rate"));
		received = rpt_labelf(r->lang, "kf.received", col.currency);
		card(fp, received, cell_of(&col, &ocol, 0, "received"));
		card(fp, rpt_label(r->lang, "kf.execution"),
		     cell_of(&exe, &oexe, (int)oexe.rows->len - 1,
		             "execution_rate"));
		fputs("</div>\n", fp);
		g_free(title);
		g_free(events);
		g_free(received);
	}
	out_table_release(&ocol);
	out_table_release(&oact);
	out_table_release(&oexe);
	ana_table_release(&col);
	ana_table_release(&act);
	ana_table_release(&exe);
	return rc;
}

/* SVG of a chart made fit to inline: no XML declaration, and its ids
 * prefixed with PREFIX, since cairo numbers the glyphs and clips of
 * every surface from one (DESIGN.md "Web view"). */
static void inline_svg(FILE *fp, const char *svg, const char *prefix)
{
	GString *s = g_string_new(svg);
	const char *start = strstr(s->str, "<svg");
	char *to[3];

	to[0] = g_strdup_printf("id=\"%s-", prefix);
	to[1] = g_strdup_printf("href=\"#%s-", prefix);
	to[2] = g_strdup_printf("url(#%s-", prefix);
	g_string_replace(s, "id=\"", to[0], 0);
	g_string_replace(s, "href=\"#", to[1], 0);
	g_string_replace(s, "url(#", to[2], 0);
	start = strstr(s->str, "<svg");
	fputs(start ? start : "", fp);
	for (int i = 0; i < 3; i++)
		g_free(to[i]);
	g_string_free(s, TRUE);
}

/* The charts of year Y, each as inline SVG, or a note of why not. */
static void charts(struct web_req *r, FILE *fp, int y)
{
	fputs("<h2>", fp);
	web_esc(fp, L(r, "charts"));
	fputs("</h2>\n", fp);
	for (int k = 0; k < RPT_CHART_KIND_COUNT; k++) {
		struct rpt_chart_params cp = {.lang = r->lang};
		struct rpt_chart *c = NULL;
		struct cbm_error err = {0};
		char *svg = NULL, prefix[32];
		size_t len = 0;
		FILE *m;

		if (k == RPT_CHART_CONTRIBUTIONS || k == RPT_CHART_CURVE ||
		    k == RPT_CHART_CALENDAR)
			cp.year = y;
		snprintf(prefix, sizeof(prefix), "c%d", k + 1);
		fprintf(fp, "<div class=\"chart\" id=\"chart-%s\">\n",
		        rpt_chart_kind_name((enum rpt_chart_kind)k));
		m = open_memstream(&svg, &len);
		if (rpt_chart_open(&c, r->db, (enum rpt_chart_kind)k, &cp,
		                   &err) == CBM_OK &&
		    chart_write(rpt_chart_get(c), CHART_FILE_SVG, m, 0, 0,
		                &err) == CBM_OK) {
			fclose(m);
			inline_svg(fp, svg, prefix);
		} else {
			fclose(m);
			web_html_error(&(struct web_html){.fp = fp, .r = r},
			               err.message);
		}
		free(svg);
		rpt_chart_close(c);
		fputs("</div>\n", fp);
	}
}

static void page_overview(struct web_req *r)
{
	struct web_html h;
	struct cbm_error err = {0};
	struct ana_names *names = NULL;
	unsigned status = 200;
	int y = 0;

	web_html_open(&h, r, "nav.overview");
	/* The year of the annual report: the latest finished one. */
	if (ana_latest_year(r->db, true, &y, &err) != CBM_OK ||
	    ana_names_open(&names, r->db, &err) != CBM_OK) {
		web_html_error(&h, err.message);
		status = 500;
	} else if (y == 0) {
		fputs("<p>", h.fp);
		web_esc(h.fp, L(r, "no.year"));
		fputs("</p>\n", h.fp);
	} else if (key_figures(r, h.fp, y, names, &err) != CBM_OK) {
		web_html_error(&h, err.message);
		status = 500;
	} else {
		charts(r, h.fp, y);
	}
	ana_names_close(names);
	web_html_close(&h, r, status);
}

/* ---- figures ------------------------------------------------------------ */

/* The options a figure's form offers, as URL parameters. */
static const char *const option_names[] = {
    "year",  "from", "to", "currency", "kind",
    "as_of", "by",   "of", "scale",    "state",
};

/* A <select> of NAME offering CHOICES, the URL's value selected. */
static void select_field(FILE *fp, const struct web_req *r, const char *name,
                         const char *const *choices)
{
	const char *v = web_param(r, name);

	fprintf(fp, "<select name=\"%s\"><option value=\"\">", name);
	web_esc(fp, L(r, "any"));
	fputs("</option>", fp);
	for (int i = 0; choices[i]; i++) {
		fputs("<option", fp);
		if (v && strcmp(v, choices[i]) == 0)
			fputs(" selected", fp);
		fprintf(fp, ">%s</option>", choices[i]);
	}
	fputs("</select>", fp);
}

static void figure_form(FILE *fp, const struct web_req *r, const char *figure)
{
	char key[32];

	fputs("<form method=\"get\" action=\"/figures\">\n", fp);
	fprintf(fp, "<input type=\"hidden\" name=\"lang\" value=\"%s\">",
	        lang_codes[r->lang]);
	fputs("<input type=\"hidden\" name=\"figure\" value=\"", fp);
	web_esc(fp, figure);
	fputs("\">\n", fp);
	for (size_t i = 0; i < G_N_ELEMENTS(option_names); i++) {
		const char *name = option_names[i];
		snprintf(key, sizeof(key), "opt.%s", name);
		fputs("<label>", fp);
		web_esc(fp, L(r, key));
		fputs(" ", fp);
		if (strcmp(name, "kind") == 0)
			select_field(fp, r, name, ana_kind_names);
		else if (strcmp(name, "by") == 0)
			select_field(fp, r, name, ana_by_names);
		else if (strcmp(name, "of") == 0)
			select_field(fp, r, name, ana_of_names);
		else {
			fprintf(fp, "<input name=\"%s\" size=\"%d\" value=\"",
			        name,
			        strcmp(name, "as_of") == 0 ? 10
			        : strcmp(name, "scale") == 0 ||
			                strcmp(name, "state") == 0
			            ? 12
			            : 5);
			web_esc(fp, web_param(r, name));
			fputs("\">", fp);
		}
		fputs("</label>\n", fp);
	}
	fprintf(fp,
	        "<label><input type=\"checkbox\" name=\"with_co\" "
	        "value=\"1\"%s> ",
	        web_param(r, "with_co") ? " checked" : "");
	web_esc(fp, L(r, "opt.with_co"));
	fputs("</label>\n<button type=\"submit\">", fp);
	web_esc(fp, L(r, "show"));
	fputs("</button>\n</form>\n", fp);
}

/* The list of figures, each a link keeping the language. */
static void figure_links(FILE *fp, const struct web_req *r, const char *on)
{
	size_t n;
	const struct ana_figure *f = ana_figures(&n);
	char key[64];

	fputs("<nav class=\"figs\">", fp);
	for (size_t i = 0; i < n; i++) {
		/* The names of the figures' sheets in a workbook, without
		 * the scale a sheet of shares names. */
		char *name;
		if (strcmp(f[i].name, "activity") == 0)
			snprintf(key, sizeof(key), "sheet.activity_area");
		else
			snprintf(key, sizeof(key), "sheet.%s", f[i].name);
		name = g_strstrip(rpt_labelf(r->lang, key, ""));
		fprintf(fp, "<a href=\"/figures?figure=%s&amp;lang=%s\"%s>",
		        f[i].name, lang_codes[r->lang],
		        strcmp(f[i].name, on) == 0 ? " class=\"on\"" : "");
		web_esc(fp, strcmp(name, key) == 0 ? f[i].name : name);
		fputs("</a> ", fp);
		g_free(name);
	}
	fputs("</nav>\n", fp);
}

/* What a figure's workbook needs. */
struct figure_book {
	const struct web_req *r;
	const char *figure;
	const struct ana_params *p;
	const struct ana_table *t;
	const struct out_table *out;
};

static enum cbm_status write_figure_book(struct cbm_outfile *of, void *data,
                                         struct cbm_error *err)
{
	struct figure_book *fb = data;
	struct view_book bk = {
	    .lang = fb->r->lang,
	    .p = fb->p,
	    .command = "cbm serve",
	    .db_path = fb->r->cfg->db_path,
	};

	return view_book_figure(of, &bk, fb->figure, fb->t, fb->out, err);
}

/* FIGURE with P (the rows of STATE, or all for NULL) as a download in
 * FORMAT (csv, json, xlsx). */
static enum cbm_status figure_download(struct web_req *r, const char *figure,
                                       const struct ana_params *p,
                                       const char *state,
                                       const struct ana_names *names,
                                       enum out_format format,
                                       struct cbm_error *err)
{
	static const char *const types[] = {
	    [OUT_CSV] = "text/csv; charset=utf-8",
	    [OUT_JSON] = "application/json; charset=utf-8"};
	static const char *const ext[] = {
	    [OUT_CSV] = "csv", [OUT_JSON] = "json", [OUT_XLSX] = "xlsx"};
	struct ana_table t;
	struct out_table out;
	char *name = g_strdup_printf("%s.%s", figure, ext[format]);
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	enum cbm_status rc;

	ana_table_init(&t);
	out_table_init(&out);
	rc = figure_cells(r, figure, p, state, names, format, &t, &out, err);
	if (rc == CBM_OK && format == OUT_XLSX) {
		struct figure_book fb = {r, figure, p, &t, &out};
		rc = xlsx_answer(r, write_figure_book, &fb, name, err);
	} else if (rc == CBM_OK) {
		fp = open_memstream(&buf, &len);
		out_print(&out, format, fp);
		download(r, fp, &buf, &len, types[format], name);
	}
	out_table_release(&out);
	ana_table_release(&t);
	g_free(name);
	return rc;
}

/* The figure as a table on the page, with its download links. */
static enum cbm_status
figure_table(struct web_req *r, FILE *fp, const char *figure,
             const struct ana_params *p, const char *state,
             const struct ana_names *names, struct cbm_error *err)
{
	static const char *const formats[] = {"csv", "json", "xlsx"};
	static const char *const key[] = {"format"};
	struct ana_table t;
	struct out_table out;
	enum cbm_status rc;
	char *note;

	ana_table_init(&t);
	out_table_init(&out);
	rc = figure_cells(r, figure, p, state, names, OUT_HTML, &t, &out, err);
	if (rc == CBM_OK) {
		fputs("<div id=\"figure\">\n", fp);
		out_print(&out, OUT_HTML, fp);
		fputs("</div>\n", fp);
		if (view_figure_money(&t)) {
			note = web_labelf(r->lang, "amounts.in", t.currency);
			fputs("<p>", fp);
			web_esc(fp, note);
			fputs("</p>\n", fp);
			g_free(note);
		}
		fputs("<p>", fp);
		web_esc(fp, L(r, "download"));
		fputs(":", fp);
		for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
			const char *v[] = {formats[i]};
			fputs(" <a href=\"", fp);
			web_href(fp, r, "/figures", key, v, 1);
			fprintf(fp, "\">%s</a>", formats[i]);
		}
		fputs("</p>\n", fp);
	}
	out_table_release(&out);
	ana_table_release(&t);
	return rc;
}

/* The code of the state the URL names into STATE ("" for none); only
 * the figures by state take one. */
static enum cbm_status figure_state(struct web_req *r, const char *figure,
                                    const struct ana_params *p, char state[4],
                                    struct cbm_error *err)
{
	const char *name = web_param(r, "state");

	if (!name)
		return CBM_OK;
	if (!view_state_column(figure, p))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "a state is for the figures by state: "
		                 "contributions, outstanding, shares, "
		                 "secondments and activity by organizer");
	return view_state_code(r->db, name, state, err);
}

static void page_figures(struct web_req *r)
{
	const char *figure = web_param(r, "figure"),
	           *format = web_param(r, "format");
	struct view_options o = {
	    .year = param_int(r, "year"),
	    .from = param_int(r, "from"),
	    .to = param_int(r, "to"),
	    .currency = web_param(r, "currency"),
	    .kind = web_param(r, "kind"),
	    .as_of = web_param(r, "as_of"),
	    .by = web_param(r, "by"),
	    .of = web_param(r, "of"),
	    .scale = web_param(r, "scale"),
	    .with_co_organizers = web_param(r, "with_co") != NULL,
	};
	struct cbm_error err = {0};
	struct ana_names *names = NULL;
	struct ana_params p;
	enum out_format f = OUT_HTML;
	char state[4] = "";
	struct web_html h;
	unsigned status = 200;

	if (!figure)
		figure = "collection";
	if (!ana_figure_find(figure)) {
		page_message(r, "nav.figures", L(r, "not.found"), 404);
		return;
	}
	if (format && (!out_format_parse(format, &f) || f == OUT_TABLE)) {
		page_message(r, "nav.figures", format, 400);
		return;
	}
	if (view_params(&o, &p, &err) == CBM_OK &&
	    ana_names_open(&names, r->db, &err) == CBM_OK &&
	    figure_state(r, figure, &p, state, &err) == CBM_OK && format &&
	    figure_download(r, figure, &p, state[0] ? state : NULL, names, f,
	                    &err) == CBM_OK) {
		ana_names_close(names);
		return;
	}
	web_html_open(&h, r, "nav.figures");
	figure_links(h.fp, r, figure);
	figure_form(h.fp, r, figure);
	if (err.code == CBM_OK)
		figure_table(r, h.fp, figure, &p, state[0] ? state : NULL,
		             names, &err);
	if (err.code != CBM_OK) {
		web_html_error(&h, err.message);
		/* What the user asked is wrong (an option, a state that is
		 * not one) or the data cannot give it: 400; else 500. */
		status = err.code == CBM_EINTERNAL ? 500 : 400;
	}
	ana_names_close(names);
	web_html_close(&h, r, status);
}

/* ---- queries ------------------------------------------------------------ */

/* The documented views, their columns and an example each. */
static void views_list(struct web_req *r, FILE *fp)
{
	static const char *const keys[] = {"sql", "page"};
	size_t n;
	const struct st_view *views = st_views(&n);

	fputs("<h2>", fp);
	web_esc(fp, L(r, "views"));
	fputs("</h2>\n<table id=\"views\">\n<thead><tr><th>", fp);
	web_esc(fp, L(r, "views"));
	fputs("</th><th>", fp);
	web_esc(fp, L(r, "view.what"));
	fputs("</th><th>", fp);
	web_esc(fp, L(r, "columns"));
	fputs("</th><th></th></tr></thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < n; i++) {
		char *cols = view_columns(r->db, views[i].name);
		char *sql = g_strdup_printf("SELECT * FROM %s LIMIT 100",
		                            views[i].name);
		char *key = g_strconcat("view.", views[i].name, NULL);
		const char *v[] = {sql, NULL}, *what = L(r, key);
		fputs("<tr><td><code>", fp);
		web_esc(fp, views[i].name);
		fputs("</code></td><td>", fp);
		/* The store's own words when the labels lack the view. */
		web_esc(fp, what == key ? views[i].description : what);
		g_free(key);
		fputs("</td><td>", fp);
		web_esc(fp, cols);
		fputs("</td><td><a href=\"", fp);
		web_href(fp, r, "/query", keys, v, 2);
		fputs("\">", fp);
		web_esc(fp, L(r, "example"));
		fputs("</a></td></tr>\n", fp);
		g_free(cols);
		g_free(sql);
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void query_form(struct web_req *r, FILE *fp, const char *sql)
{
	char n[16], *intro;

	snprintf(n, sizeof(n), "%d", WEB_PAGE_ROWS);
	intro = web_labelf(r->lang, "query.intro", n);
	fputs("<p>", fp);
	web_esc(fp, intro);
	if (r->cfg->timeout_s) {
		g_free(intro);
		snprintf(n, sizeof(n), "%u", r->cfg->timeout_s);
		intro = web_labelf(r->lang, "query.limit", n);
		fputs(" ", fp);
		web_esc(fp, intro);
	}
	g_free(intro);
	fprintf(fp,
	        "</p>\n<form method=\"get\" action=\"/query\">"
	        "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n"
	        "<textarea name=\"sql\" rows=\"5\">",
	        lang_codes[r->lang]);
	web_esc(fp, sql);
	fputs("</textarea>\n<button type=\"submit\">", fp);
	web_esc(fp, L(r, "run"));
	fputs("</button>\n</form>\n", fp);
}

/* A link to page N of the same query, labelled with the word KEY. */
static void page_link(struct web_req *r, FILE *fp, const char *rel, int n,
                      const char *key)
{
	static const char *const keys[] = {"page"};
	char page[16];
	const char *v[] = {page};

	snprintf(page, sizeof(page), "%d", n);
	fprintf(fp, " <a rel=\"%s\" href=\"", rel);
	web_href(fp, r, "/query", keys, v, 1);
	fputs("\">", fp);
	web_esc(fp, L(r, key));
	fputs("</a>", fp);
}

/* Which rows PAGE shows, and links to the pages before and after it. */
static void pager(struct web_req *r, FILE *fp, int page, size_t rows, bool more)
{
	char first[64], *text;

	if (rows == 0) {
		fputs("<p>", fp);
		web_esc(fp, L(r, "no.rows"));
		fputs("</p>\n", fp);
		return;
	}
	snprintf(first, sizeof(first), "%zu–%zu",
	         (size_t)(page - 1) * WEB_PAGE_ROWS + 1,
	         (size_t)(page - 1) * WEB_PAGE_ROWS + rows);
	text = web_labelf(r->lang, "rows.shown", first);
	fputs("<p>", fp);
	web_esc(fp, text);
	g_free(text);
	if (page > 1)
		page_link(r, fp, "prev", page - 1, "prev");
	if (more)
		page_link(r, fp, "next", page + 1, "next");
	fputs("</p>\n", fp);
}

/* One page of the result of Q as a table, with the download links. */
static enum cbm_status query_table(struct web_req *r, FILE *fp,
                                   struct st_query *q, int page,
                                   struct cbm_error *err)
{
	static const char *const keys[] = {"format", "page"};
	struct out_stream *out = out_stream_open(OUT_HTML, fp);
	size_t rows = 0;
	bool more = false;
	enum cbm_status rc;

	fputs("<div id=\"result\">\n", fp);
	rc = view_query_stream(q, out, (size_t)(page - 1) * WEB_PAGE_ROWS,
	                       WEB_PAGE_ROWS, &rows, &more, err);
	out_stream_close(out);
	fputs("</div>\n", fp);
	if (rc != CBM_OK)
		return rc;
	pager(r, fp, page, rows, more);
	fputs("<p>", fp);
	web_esc(fp, L(r, "download"));
	fputs(":", fp);
	for (int i = 0; i < 2; i++) {
		const char *v[] = {i ? "xlsx" : "csv", NULL};
		fputs(" <a href=\"", fp);
		web_href(fp, r, "/query", keys, v, 2);
		fprintf(fp, "\">%s</a>", v[0]);
	}
	fputs("</p>\n", fp);
	return CBM_OK;
}

static enum cbm_status write_query_book(struct cbm_outfile *of, void *data,
                                        struct cbm_error *err)
{
	struct view_book bk = {.lang = CBM_LANG_EN, .command = "cbm serve"};
	struct out_book *b = NULL;
	enum cbm_status rc = out_book_open(&b, of, true, err);

	if (rc == CBM_OK)
		rc = view_book_query(b, &bk, data, NULL, err);
	if (rc == CBM_OK)
		rc = out_book_close(b, err);
	else
		out_book_abort(b);
	return rc;
}

/* The whole result of Q as CSV or a workbook. */
static enum cbm_status query_download(struct web_req *r, struct st_query *q,
                                      enum out_format f, struct cbm_error *err)
{
	struct out_stream *out;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	enum cbm_status rc;

	if (f == OUT_XLSX)
		return xlsx_answer(r, write_query_book, q, "query.xlsx", err);
	fp = open_memstream(&buf, &len);
	out = out_stream_open(OUT_CSV, fp);
	rc = view_query_stream(q, out, 0, 0, NULL, NULL, err);
	out_stream_close(out);
	if (rc == CBM_OK) {
		download(r, fp, &buf, &len, "text/csv; charset=utf-8",
		         "query.csv");
	} else {
		fclose(fp);
		free(buf);
	}
	return rc;
}

static void page_query(struct web_req *r)
{
	const char *sql = web_param(r, "sql"), *format = web_param(r, "format");
	int page = param_int(r, "page");
	struct cbm_error err = {0};
	struct st_query *q = NULL;
	enum out_format f = OUT_HTML;
	struct web_html h;
	unsigned status = 200;

	if (format && (!out_format_parse(format, &f) ||
	               (f != OUT_CSV && f != OUT_XLSX))) {
		page_message(r, "nav.query", format, 400);
		return;
	}
	page = page < 1 ? 1 : page;
	if (sql &&
	    st_query_open(&q, r->db, sql, r->cfg->timeout_s, &err) == CBM_OK &&
	    format && query_download(r, q, f, &err) == CBM_OK) {
		st_query_close(q);
		return;
	}
	web_html_open(&h, r, "nav.query");
	query_form(r, h.fp, sql);
	if (q && err.code == CBM_OK)
		query_table(r, h.fp, q, page, &err);
	if (err.code != CBM_OK) {
		web_html_error(&h, err.message);
		status = 400;
	}
	st_query_close(q);
	views_list(r, h.fp);
	web_html_close(&h, r, status);
}

/* ---- reports ------------------------------------------------------------ */

/* A report's parameters from the URL: kind, year, rlang (the report's
 * language; the page's by default), state, scale, currency, as_of. */
static enum cbm_status report_params(struct web_req *r, struct rpt_params *p,
                                     char state[4], struct cbm_error *err)
{
	const char *kind = web_param(r, "kind"), *rlang = web_param(r, "rlang");
	const char *v;
	char why[200];
	int y = param_int(r, "year");

	rpt_params_init(p);
	p->lang = r->lang;
	if (!rpt_kind_parse(kind, &p->kind))
		return CBM_ERROR(err, CBM_EUSAGE, NULL, "unknown report '%s'",
		                 kind);
	if (rlang && !cbm_lang_parse(rlang, &p->lang))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "the language is en, ru or kk, not '%s'",
		                 rlang);
	if (y < 0 || (y && (y < 1900 || y > 2100)))
		return CBM_ERROR(err, CBM_EUSAGE, NULL, "not a year: '%s'",
		                 web_param(r, "year"));
	if (p->kind == RPT_STATE) {
		p->from = y;
		p->to = y;
	} else {
		p->year = y;
	}
	if ((v = web_param(r, "currency")) &&
	    view_currency(v, p->currency, err) != CBM_OK)
		return err->code;
	if ((v = web_param(r, "as_of")) &&
	    !imp_parse_date(v, IMP_DATES_STRICT, &p->as_of, why, sizeof(why)))
		return CBM_ERROR(err, CBM_EUSAGE, NULL, "'%s': %s", v, why);
	p->scale = web_param(r, "scale") ? web_param(r, "scale") : p->scale;
	if (p->kind == RPT_STATE && !(v = web_param(r, "state")))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "a state's statement needs a state");
	if (p->kind == RPT_STATE &&
	    view_state_code(r->db, v, state, err) != CBM_OK)
		return err->code;
	p->state = p->kind == RPT_STATE ? state : NULL;
	return CBM_OK;
}

static enum cbm_status report_download(struct web_req *r, struct cbm_error *err)
{
	static const char *const kinds[] = {"annual", "budget", "state"};
	struct rpt_params p;
	char state[4] = "", *buf = NULL, *name;
	size_t len = 0;
	FILE *fp;
	enum cbm_status rc = report_params(r, &p, state, err);

	if (rc != CBM_OK)
		return rc;
	fp = open_memstream(&buf, &len);
	rc = rpt_write(r->db, &p, fp, err);
	if (rc != CBM_OK) {
		fclose(fp);
		free(buf);
		return rc;
	}
	name = g_strdup_printf("%s%s%s-%s.pdf", kinds[p.kind],
	                       state[0] ? "-" : "", state, lang_codes[p.lang]);
	download(r, fp, &buf, &len, "application/pdf", name);
	g_free(name);
	return CBM_OK;
}

static void report_form(struct web_req *r, FILE *fp)
{
	static const char *const kinds[] = {"annual", "budget", "state"};
	static const char *const fields[] = {"year", "state", "scale",
	                                     "currency", "as_of"};
	const char *rlang = web_param(r, "rlang");
	char key[32];

	fputs("<p>", fp);
	web_esc(fp, L(r, "reports.intro"));
	fprintf(fp,
	        "</p>\n<form method=\"get\" action=\"/reports\">"
	        "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n<label>",
	        lang_codes[r->lang]);
	web_esc(fp, L(r, "opt.report"));
	fputs(" <select name=\"kind\">", fp);
	for (int i = 0; i < 3; i++) {
		snprintf(key, sizeof(key), "report.%s", kinds[i]);
		fprintf(fp, "<option value=\"%s\">", kinds[i]);
		web_esc(fp, L(r, key));
		fputs("</option>", fp);
	}
	fputs("</select></label>\n<label>", fp);
	web_esc(fp, L(r, "opt.lang"));
	fputs(" <select name=\"rlang\">", fp);
	for (int i = 0; i < 3; i++) {
		bool on = rlang ? strcmp(rlang, lang_codes[i]) == 0
		                : (int)r->lang == i;
		fprintf(fp, "<option value=\"%s\"%s>", lang_codes[i],
		        on ? " selected" : "");
		web_esc(fp, web_label((enum cbm_lang)i, "lang.name"));
		fputs("</option>", fp);
	}
	fputs("</select></label>\n", fp);
	for (size_t i = 0; i < G_N_ELEMENTS(fields); i++) {
		snprintf(key, sizeof(key), "opt.%s", fields[i]);
		fputs("<label>", fp);
		web_esc(fp, L(r, key));
		fprintf(fp, " <input name=\"%s\" size=\"10\"></label>\n",
		        fields[i]);
	}
	fputs("<button type=\"submit\" name=\"make\" value=\"pdf\">", fp);
	web_esc(fp, L(r, "make"));
	fputs("</button>\n</form>\n", fp);
}

static void page_reports(struct web_req *r)
{
	struct cbm_error err = {0};
	struct web_html h;

	if (web_param(r, "kind") && report_download(r, &err) == CBM_OK)
		return;
	web_html_open(&h, r, "nav.reports");
	if (err.code != CBM_OK)
		web_html_error(&h, err.message);
	report_form(r, h.fp);
	web_html_close(&h, r,
	               err.code == CBM_OK          ? 200
	               : err.code == CBM_EINTERNAL ? 500
	                                           : 400);
}

/* ---- batches ------------------------------------------------------------ */

static void page_batches(struct web_req *r)
{
	struct cbm_error err = {0};
	struct out_table t;
	struct web_html h;
	unsigned status = 200;

	web_html_open(&h, r, "nav.batches");
	fputs("<p>", h.fp);
	web_esc(h.fp, L(r, "batches.intro"));
	fputs("</p>\n", h.fp);
	out_table_init(&t);
	if (view_batch_table(r->db, &r->lang, &t, &err) == CBM_OK) {
		out_print(&t, OUT_HTML, h.fp);
	} else {
		web_html_error(&h, err.message);
		status = 500;
	}
	out_table_release(&t);
	web_html_close(&h, r, status);
}

/* ---- dispatch ----------------------------------------------------------- */

void web_page(struct web_req *r)
{
	static const struct {
		const char *path;
		void (*fn)(struct web_req *r);
	} pages[] = {
	    {"/", page_overview},       {"/figures", page_figures},
	    {"/query", page_query},     {"/reports", page_reports},
	    {"/batches", page_batches},
	};

	for (size_t i = 0; i < G_N_ELEMENTS(pages); i++) {
		if (strcmp(r->path, pages[i].path) == 0) {
			pages[i].fn(r);
			return;
		}
	}
	page_message(r, "nav.overview", L(r, "not.found"), 404);
}
