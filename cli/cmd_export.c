/*
 * cmd_export.c - `cbm export -o FILE.xlsx`: every figure of a year or a
 * span of years in one Excel workbook, a sheet per figure, in the
 * reader's language, with the import batches behind them and a Read me
 * that defines each figure.
 *
 * Every figure is computed before anything is written, so that the Read
 * me (the first sheet) can list the sheets that follow and say which
 * figures the data could not give (a trend needs three years, a curve a
 * budget) and why.  Only bad data leaves a sheet out; any other error
 * stops the export and leaves no file.
 */
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "report.h"
#include "store.h"

struct export_opts {
	gint year, from, to;
	char *currency, *lang, *output;
};

GOptionContext *cmd_export_options(struct cli *cli, void *opts)
{
	struct export_opts *o = opts;
	GOptionContext *octx = cli_context(
	    cli, "-o FILE.xlsx",
	    "Write every figure into one Excel workbook, a sheet per figure.",
	    "Sheets: Read me (what each sheet shows, the currency, the "
	    "basis, the years),\ncollection, contributions, pledges "
	    "(outstanding), budget execution, activity\nby area, by "
	    "organizer and by format, coordinators, concentration, trend,\n"
	    "the in-year forecast, what-if shares under each "
	    "imported scale, secondments,\nthe curve of the year, and "
	    "the sources (the import batches).  A figure the\ndata "
	    "cannot give (a trend needs three years) is left out and the "
	    "Read me says\nwhy.  Headings, sheet names and the names of "
	    "states and areas are in --lang.\nThe file appears whole or "
	    "not at all.\n\n"
	    "Examples:\n"
	    "  cbm export --year 2024 -o figures-2024.xlsx\n"
	    "  cbm export --from 2019 --to 2025 --currency EUR --lang ru -o "
	    "svod.xlsx");
	GOptionEntry entries[] = {
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
	     "the workbook to write (.xlsx; - for a pipe)", "FILE"},
	    {"year", 0, 0, G_OPTION_ARG_INT, &o->year, "one year", "Y"},
	    {"from", 0, 0, G_OPTION_ARG_INT, &o->from, "first year", "Y"},
	    {"to", 0, 0, G_OPTION_ARG_INT, &o->to, "last year", "Y"},
	    {"currency", 0, 0, G_OPTION_ARG_STRING, &o->currency,
	     "report currency (default USD)", "CUR"},
	    {"lang", 0, 0, G_OPTION_ARG_STRING, &o->lang,
	     "en (default), ru or kk", "LANG"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

/* One sheet of the book: what the Read me says of it, and its rows. */
struct part {
	struct view_sheet *sheet;
	struct out_table table;
};

static void part_free(gpointer p)
{
	struct part *part = p;

	out_table_release(&part->table);
	g_free(part);
}

/* The run: the figures' parameters, the names in the reader's language,
 * the sheets made so far and the Read me's list. */
struct export
{
	struct cli *cli;
	struct ana_params p;
	enum cbm_lang lang;
	struct ana_names *names;
	GPtrArray *parts;  /* struct part *, in the order of the book */
	GPtrArray *readme; /* struct view_sheet *: the Read me's lines */
};

/* Computes FIGURE with P and adds its sheet; a figure the data cannot
 * give is left out with a line in the Read me and a notice.  CBM_OK, or
 * the error that stops the export (printed). */
static int add_figure(struct export *x, const char *figure,
                      const struct ana_params *p)
{
	const struct ana_figure *fig = ana_figure_find(figure);
	struct cbm_error err = {0};
	struct view_figure v = {.figure = figure,
	                     .p = p,
	                     .format = OUT_XLSX,
	                     .lang = x->lang,
	                     .localise = true,
	                     .names = x->names};
	struct ana_table t;
	struct part *part;
	enum cbm_status rc;

	if (!fig)
		return CBM_OK;
	ana_table_init(&t);
	rc = fig->fn(x->cli->db, p, &t, &err);
	if (rc == CBM_EDATA) {
		struct view_sheet *s = view_sheet_new(x->lang, figure, p, NULL);
		char *why = rpt_labelf(x->lang, "readme.skipped", err.message);
		fprintf(stderr, "cbm export: %s left out: %s\n", figure,
		        err.message);
		g_free(s->note);
		s->note = why;
		g_ptr_array_add(x->readme, s);
		rc = CBM_OK;
	} else if (rc == CBM_OK) {
		part = g_new0(struct part, 1);
		part->sheet = view_sheet_new(x->lang, figure, p, &t);
		out_table_init(&part->table);
		view_figure_out(&t, &v, &part->table);
		g_ptr_array_add(x->parts, part);
		g_ptr_array_add(x->readme, part->sheet);
	} else {
		cli_fail(x->cli, &err);
	}
	ana_table_release(&t);
	return (int)rc;
}

/* The names of the imported scales (caller frees: g_strfreev). */
static char **scales(struct st_db *db)
{
	GPtrArray *names = g_ptr_array_new();
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(st_sqlite(db),
	                       "SELECT DISTINCT scale FROM scales ORDER BY 1",
	                       -1, &st, NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW)
			g_ptr_array_add(
			    names,
			    g_strdup((const char *)sqlite3_column_text(st, 0)));
	sqlite3_finalize(st);
	g_ptr_array_add(names, NULL);
	return (char **)g_ptr_array_free(names, FALSE);
}

/* The Sources sheet: the import batches behind the figures. */
static int add_sources(struct export *x)
{
	struct part *part = g_new0(struct part, 1);
	struct cbm_error err = {0};

	out_table_init(&part->table);
	part->sheet = g_new0(struct view_sheet, 1);
	part->sheet->name = g_strdup(rpt_label(x->lang, "sheet.sources"));
	part->sheet->note = g_strdup(rpt_label(x->lang, "def.sources"));
	g_ptr_array_add(x->parts, part);
	g_ptr_array_add(x->readme, part->sheet);
	if (view_batch_table(x->cli->db, &x->lang, &part->table, &err) != CBM_OK)
		return cli_fail(x->cli, &err);
	return CBM_OK;
}

/* Every figure, in the order of the book. */
static int compute(struct export *x)
{
	struct ana_params p = x->p;
	char **names = NULL;
	int rc = CBM_OK;
	static const char *const plain[] = {"collection", "contributions",
	                                    "outstanding", "execution"};

	for (size_t i = 0; rc == CBM_OK && i < G_N_ELEMENTS(plain); i++)
		rc = add_figure(x, plain[i], &x->p);
	p.by = ANA_BY_AREA;
	if (rc == CBM_OK)
		rc = add_figure(x, "activity", &p);
	p.by = ANA_BY_ORGANIZER;
	if (rc == CBM_OK)
		rc = add_figure(x, "activity", &p);
	p.by = ANA_BY_FORMAT;
	if (rc == CBM_OK)
		rc = add_figure(x, "activity", &p);
	if (rc == CBM_OK)
		rc = add_figure(x, "coordinators", &x->p);
	if (rc == CBM_OK)
		rc = add_figure(x, "concentration", &x->p);
	/* The trend of every year up to the last one asked. */
	p = x->p;
	if (p.year) {
		p.to = p.year;
		p.year = 0;
	}
	if (rc == CBM_OK)
		rc = add_figure(x, "trend", &p);
	/* The in-year forecast and the curve are of one year: the year
	 * asked, the last of the span, or the latest. */
	p = x->p;
	if (!p.year)
		p.year = p.to;
	p.from = p.to = 0;
	if (rc == CBM_OK)
		rc = add_figure(x, "forecast", &p);
	names = scales(x->cli->db);
	for (size_t i = 0; rc == CBM_OK && names[i]; i++) {
		struct ana_params s = x->p;
		s.scale = names[i];
		rc = add_figure(x, "shares", &s);
	}
	if (rc == CBM_OK)
		rc = add_figure(x, "secondments", &x->p);
	if (rc == CBM_OK)
		rc = add_figure(x, "curve", &p);
	if (rc == CBM_OK)
		rc = add_sources(x);
	g_strfreev(names);
	return rc;
}

/* Writes the book: the Read me, then every sheet. */
static enum cbm_status write_book(struct export *x, const char *command,
                                  struct cbm_outfile *of, struct cbm_error *err)
{
	struct view_book bk = {.lang = x->lang,
	                      .p = &x->p,
	                      .command = command,
	                      .db_path = x->cli->db_path};
	struct out_book *b = NULL;
	enum cbm_status rc = out_book_open(&b, of, false, err);

	if (rc == CBM_OK)
		rc = view_book_info(b, &bk, err);
	if (rc == CBM_OK)
		rc = view_book_readme(b, &bk, x->readme, err);
	for (guint i = 0; rc == CBM_OK && i < x->parts->len; i++) {
		struct part *part = g_ptr_array_index(x->parts, i);
		rc = out_book_table(b, part->sheet->name, &part->table, err);
	}
	if (rc == CBM_OK)
		rc = out_book_close(b, err);
	else
		out_book_abort(b);
	return rc;
}

static int check(struct cli *cli, int argc, char **argv,
                 const struct export_opts *o, struct export *x)
{
	enum out_format format;
	int rc;

	if (argc > 1)
		return cli_usage(cli, "unexpected argument '%s'", argv[1]);
	if (!o->output)
		return cli_usage(cli, "say where to write: -o FILE.xlsx");
	if (o->year && (o->from || o->to))
		return cli_usage(cli, "give --year, or --from and --to, not "
		                      "both");
	if ((o->year && (o->year < 1900 || o->year > 2100)) ||
	    (o->from && (o->from < 1900 || o->from > 2100)) ||
	    (o->to && (o->to < 1900 || o->to > 2100)))
		return cli_usage(cli, "--year, --from and --to take a year");
	if (o->from && o->to && o->from > o->to)
		return cli_usage(cli, "--from %d comes after --to %d", o->from,
		                 o->to);
	if (o->lang && !cbm_lang_parse(o->lang, &x->lang))
		return cli_usage(cli, "--lang is en, ru or kk, not '%s'",
		                 o->lang);
	if ((rc = cli_currency(cli, o->currency, x->p.currency)))
		return rc;
	if ((rc = cli_output_format(cli, "xlsx", o->output, &format)))
		return rc;
	if (!cbm_outfile_is_stdout(o->output) &&
	    (!out_format_of_path(o->output, &format) || format != OUT_XLSX))
		return cli_usage(cli,
		                 "cbm export writes an Excel workbook: name it "
		                 "'.xlsx', not '%s'",
		                 o->output);
	x->p.year = o->year;
	x->p.from = o->from;
	x->p.to = o->to;
	return CBM_OK;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	struct export_opts o = {0};
	struct export x = {.cli = cli, .lang = CBM_LANG_EN};
	GOptionContext *octx = cmd_export_options(cli, &o);
	char *command = cli_command_line(argc, argv);
	struct cbm_outfile of = {0};
	struct cbm_error err = {0};
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	ana_params_init(&x.p);
	x.parts = g_ptr_array_new_with_free_func(part_free);
	x.readme = g_ptr_array_new_with_free_func(view_sheet_free);
	if (rc == CBM_OK)
		rc = check(cli, argc, argv, &o, &x);
	if (rc == CBM_OK)
		rc = cli_ready(cli);
	if (rc == CBM_OK && ana_names_open(&x.names, cli->db, &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	if (rc == CBM_OK)
		rc = compute(&x);
	if (rc == CBM_OK && (cbm_outfile_open(&of, o.output, &err) != CBM_OK ||
	                     write_book(&x, command, &of, &err) != CBM_OK ||
	                     cbm_outfile_commit(&of, &err) != CBM_OK))
		rc = cli_fail(cli, &err);
	else if (rc == CBM_OK && !cbm_outfile_is_stdout(o.output))
		cli_wrote(o.output);
	cbm_outfile_abort(&of);
	/* The sheets of the parts are in the Read me's list too: free the
	 * parts without them. */
	for (guint i = 0; i < x.parts->len; i++)
		((struct part *)g_ptr_array_index(x.parts, i))->sheet = NULL;
	g_ptr_array_free(x.parts, TRUE);
	g_ptr_array_free(x.readme, TRUE);
	ana_names_close(x.names);
	g_free(command);
	g_free(o.currency);
	g_free(o.lang);
	g_free(o.output);
	return rc;
}
