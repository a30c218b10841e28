/*
 * cmd_stats.c - `cbm stats FIGURE`: any figure of analysis/ as a table for
 * people, CSV or JSON.  The printing knows column types, not figures.
 */
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "import.h"
#include "report.h"
#include "store.h"

struct stats_opts {
	gint year, from, to;
	char *currency, *kind, *as_of, *by, *of, *scale, *format;
	char *lang, *state, *output;
	gboolean with_co;
};

static char *figures_description(void)
{
	size_t n;
	const struct ana_figure *f = ana_figures(&n);
	GString *s = g_string_new("Figures:\n");

	for (size_t i = 0; i < n; i++)
		g_string_append_printf(s, "  %-14s %s\n", f[i].name,
		                       f[i].summary);
	g_string_append(
	    s,
	    "\nAmounts are in the report currency (--currency, default "
	    "USD), each payment\nconverted at the rate of its own date.  "
	    "Contribution figures count voluntary\ncontributions unless "
	    "--kind says otherwise.  The table format is for people\n"
	    "(1,234.50, 87.3 %, n/a where a figure is undefined), with a "
	    "totals row under the\nfigures that add up; csv and json give "
	    "plain values (1234.50, 0.873, empty or\nnull) and a currency "
	    "column on money figures.  xlsx is an Excel workbook (-o\nFILE "
	    "needed): typed cells, totals, a Read me sheet.  --lang "
	    "translates the\ntable and the workbook (headings, names, "
	    "numbers); csv and json keep their\nEnglish keys and change "
	    "only the names.  -o FILE writes a file whole or not at\nall, "
	    "its format from its name (.txt, .csv, .json, .xlsx).\n\n"
	    "Examples:\n"
	    "  cbm stats collection --from 2019\n"
	    "  cbm stats collection --as-of 2025-06-30\n"
	    "  cbm stats activity --by organizer --year 2024\n"
	    "  cbm stats trend --of collection_rate --format json\n"
	    "  cbm stats shares --scale draft-2026 --year 2025 --format csv\n"
	    "  cbm stats contributions --year 2024 --currency EUR --lang ru "
	    "-o 2024.xlsx\n"
	    "  cbm stats outstanding --state Kazakhstan");
	return g_string_free(s, FALSE);
}

GOptionContext *cmd_stats_options(struct cli *cli, void *opts)
{
	struct stats_opts *o = opts;
	char *desc = figures_description();
	GOptionContext *octx =
	    cli_context(cli, "FIGURE",
	                "Compute a figure of the annual report or the budget "
	                "discussions.",
	                desc);
	GOptionEntry entries[] = {
	    {"year", 0, 0, G_OPTION_ARG_INT, &o->year, "one year", "Y"},
	    {"from", 0, 0, G_OPTION_ARG_INT, &o->from, "first year", "Y"},
	    {"to", 0, 0, G_OPTION_ARG_INT, &o->to, "last year", "Y"},
	    {"currency", 0, 0, G_OPTION_ARG_STRING, &o->currency,
	     "report currency (default USD)", "CUR"},
	    {"kind", 0, 0, G_OPTION_ARG_STRING, &o->kind,
	     "voluntary (default), earmarked, in-kind or all", "KIND"},
	    {"as-of", 0, 0, G_OPTION_ARG_STRING, &o->as_of,
	     "collection, outstanding, forecast: count what was received "
	     "by this date",
	     "DATE"},
	    {"by", 0, 0, G_OPTION_ARG_STRING, &o->by,
	     "activity: area (default), dimension, organizer, format or "
	     "venue",
	     "KEY"},
	    {"with-co-organizers", 0, 0, G_OPTION_ARG_NONE, &o->with_co,
	     "activity --by organizer: count co-organizers too", NULL},
	    {"of", 0, 0, G_OPTION_ARG_STRING, &o->of,
	     "trend: received (default) or collection_rate", "WHAT"},
	    {"scale", 0, 0, G_OPTION_ARG_STRING, &o->scale,
	     "shares: equal (default) or an imported scale's name", "NAME"},
	    {"state", 0, 0, G_OPTION_ARG_STRING, &o->state,
	     "only one state's rows (code, name or alias): contributions, "
	     "outstanding, shares, secondments, coordinators, activity --by "
	     "organizer",
	     "STATE"},
	    {"lang", 0, 0, G_OPTION_ARG_STRING, &o->lang,
	     "en, ru or kk: headings, names, numbers (csv, json: names only)",
	     "LANG"},
	    {"format", 0, 0, G_OPTION_ARG_STRING, &o->format,
	     "table (default), csv, json or xlsx", "FORMAT"},
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
	     "write into FILE (format from .txt, .csv, .json, .xlsx)", "FILE"},
	    G_OPTION_ENTRY_NULL,
	};

	g_free(desc);
	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

static int to_params(struct cli *cli, const struct stats_opts *o,
                     struct ana_params *p)
{
	struct view_options vo = {
	    .year = o->year,
	    .from = o->from,
	    .to = o->to,
	    .currency = o->currency,
	    .kind = o->kind,
	    .as_of = o->as_of,
	    .by = o->by,
	    .of = o->of,
	    .scale = o->scale,
	    .with_co_organizers = o->with_co,
	};
	struct cbm_error err = {0};

	if (view_params(&vo, p, &err) != CBM_OK)
		return cli_usage(cli, "%s", err.message);
	return CBM_OK;
}

/* ---- writing ------------------------------------------------------------- */

/* One run of cbm stats, once its arguments are checked. */
struct stats_run {
	const struct ana_figure *fig;
	struct ana_params p;
	enum out_format format;
	enum cbm_lang lang;
	bool lang_given;
	const char *output; /* NULL: stdout */
	char state[4];      /* "" when not asked */
	char *command;      /* the command line, for a workbook */
};

/* The workbook of one figure: its sheet, then the Read me. */
static enum cbm_status write_book(struct cli *cli, const struct stats_run *run,
                                  const struct ana_table *t,
                                  const struct out_table *out,
                                  const struct ana_names *names,
                                  struct cbm_outfile *of, struct cbm_error *err)
{
	struct view_book bk = {
	    .lang = run->lang,
	    .p = &run->p,
	    .command = run->command,
	    .db_path = cli->db_path,
	    .state = run->state[0] ? run->state : NULL,
	    .state_name = run->state[0] && names
	                      ? ana_state_name(names, run->state, run->lang)
	                      : run->state,
	};

	return view_book_figure(of, &bk, run->fig->name, t, out, err);
}

/* Writes OUT as RUN says (a file whole or not at all, or stdout). */
static int write_result(struct cli *cli, const struct stats_run *run,
                        const struct ana_table *t, const struct out_table *out,
                        const struct ana_names *names)
{
	struct cbm_outfile of = {0};
	struct cbm_error err = {0};
	enum cbm_status rc;

	rc = cbm_outfile_open(&of, run->output ? run->output : "-", &err);
	if (rc == CBM_OK && run->format == OUT_XLSX)
		rc = write_book(cli, run, t, out, names, &of, &err);
	else if (rc == CBM_OK)
		out_print(out, run->format, of.fp);
	if (rc == CBM_OK)
		rc = cbm_outfile_commit(&of, &err);
	cbm_outfile_abort(&of);
	if (rc != CBM_OK)
		return cli_fail(cli, &err);
	if (run->output)
		cli_wrote(run->output);
	return CBM_OK;
}

/* Says on stderr when the year or state asked has nothing: an empty
 * table is otherwise easy to take for zeros. */
static void notice_empty(const struct stats_run *run, const struct ana_table *t,
                         size_t kept)
{
	const char *f = run->fig->name;
	int approved = ana_col(t, "approved");
	bool budget = kept > 0;

	if (kept == 0 && run->state[0]) {
		fprintf(stderr, "cbm stats: nothing for %s", run->state);
		if (run->p.year)
			fprintf(stderr, " in %d", run->p.year);
		fputc('\n', stderr);
		return;
	}
	if (!run->p.year)
		return;
	/* collection lists a year with contributions but no budget. */
	for (size_t r = 0;
	     strcmp(f, "collection") == 0 && approved >= 0 && r < t->nrows; r++)
		budget = ana_cell(t, r, (size_t)approved)->defined;
	if (strcmp(f, "collection") == 0 || strcmp(f, "execution") == 0 ||
	    strcmp(f, "shares") == 0) {
		if (!budget)
			fprintf(stderr,
			        "cbm stats: no approved budget for %d\n",
			        run->p.year);
	} else if (kept > 0) {
		return;
	} else if (strcmp(f, "contributions") == 0 ||
	           strcmp(f, "concentration") == 0) {
		fprintf(stderr, "cbm stats: no %scontributions for %d\n",
		        run->p.kind == ANA_VOLUNTARY   ? "voluntary "
		        : run->p.kind == ANA_EARMARKED ? "earmarked "
		        : run->p.kind == ANA_IN_KIND   ? "in-kind "
		                                       : "",
		        run->p.year);
	} else if (strcmp(f, "outstanding") == 0) {
		fprintf(stderr, "cbm stats: no pledges for %d\n", run->p.year);
	} else if (strcmp(f, "activity") == 0) {
		fprintf(stderr, "cbm stats: no plan for %d\n", run->p.year);
	} else if (strcmp(f, "secondments") == 0) {
		fprintf(stderr, "cbm stats: no secondments for %d\n",
		        run->p.year);
	} else {
		fprintf(stderr, "cbm stats: nothing for %d\n", run->p.year);
	}
}

/* Computes the figure and writes it. */
static int run_stats(struct cli *cli, struct stats_run *run)
{
	struct cbm_error err = {0};
	struct ana_names *names = NULL;
	struct ana_table t;
	struct out_table out;
	struct view_figure v = {
	    .figure = run->fig->name,
	    .p = &run->p,
	    .format = run->format,
	    .lang = run->lang,
	    .localise = (run->lang_given && run->format == OUT_TABLE) ||
	                run->format == OUT_XLSX,
	    .state = run->state[0] ? run->state : NULL,
	};
	size_t kept;
	int rc = CBM_OK;

	if (run->lang_given && ana_names_open(&names, cli->db, &err) != CBM_OK)
		return cli_fail(cli, &err);
	v.names = names;
	ana_table_init(&t);
	out_table_init(&out);
	if (run->fig->fn(cli->db, &run->p, &t, &err) != CBM_OK) {
		rc = cli_fail(cli, &err);
	} else {
		kept = view_figure_out(&t, &v, &out);
		rc = write_result(cli, run, &t, &out, names);
		if (rc == CBM_OK)
			notice_empty(run, &t, kept);
		if (rc == CBM_OK && run->format == OUT_TABLE &&
		    view_figure_money(&t)) {
			char *note = rpt_labelf(v.localise ? run->lang
			                                   : CBM_LANG_EN,
			                        "amounts_in", t.currency);
			fprintf(stderr, "%s\n", note);
			g_free(note);
		}
	}
	out_table_release(&out);
	ana_table_release(&t);
	ana_names_close(names);
	return rc;
}

/* Checks what the options ask beyond the figure's parameters. */
static int check(struct cli *cli, int argc, char **argv,
                 const struct stats_opts *o, struct stats_run *run)
{
	int rc;

	if (o->lang && !cbm_lang_parse(o->lang, &run->lang))
		return cli_usage(cli, "--lang is en, ru or kk, not '%s'",
		                 o->lang);
	run->lang_given = o->lang != NULL;
	if ((rc = cli_output_format(cli, o->format, o->output, &run->format)))
		return rc;
	run->output =
	    o->output && !cbm_outfile_is_stdout(o->output) ? o->output : NULL;
	if (argc != 2)
		return cli_usage(cli, "give one figure; 'cbm help stats' lists "
		                      "them");
	if (!(run->fig = ana_figure_find(argv[1])))
		return cli_usage(cli,
		                 "unknown figure '%s'; 'cbm help stats' "
		                 "lists them",
		                 argv[1]);
	if (o->state && !view_state_column(run->fig->name, &run->p))
		return cli_usage(cli,
		                 "--state is for the figures by state: "
		                 "contributions, outstanding, shares, "
		                 "secondments and activity --by organizer");
	return CBM_OK;
}

int cmd_stats(struct cli *cli, int argc, char **argv)
{
	struct stats_opts o = {0};
	struct stats_run run = {.lang = CBM_LANG_EN};
	GOptionContext *octx = cmd_stats_options(cli, &o);
	int rc;

	run.command = cli_command_line(argc, argv);
	rc = cli_parse(cli, octx, &argc, &argv);
	g_option_context_free(octx);
	if (rc == CBM_OK)
		rc = to_params(cli, &o, &run.p);
	if (rc == CBM_OK)
		rc = check(cli, argc, argv, &o, &run);
	if (rc == CBM_OK)
		rc = cli_ready(cli);
	if (rc == CBM_OK && o.state)
		rc = cli_state_code(cli, o.state, run.state);
	if (rc == CBM_OK)
		rc = run_stats(cli, &run);
	g_free(run.command);
	g_free(o.currency);
	g_free(o.kind);
	g_free(o.as_of);
	g_free(o.by);
	g_free(o.of);
	g_free(o.scale);
	g_free(o.format);
	g_free(o.lang);
	g_free(o.state);
	g_free(o.output);
	return rc;
}
