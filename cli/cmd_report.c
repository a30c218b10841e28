/*
 * cmd_report.c - `cbm report annual|budget|state -o FILE`: the A4 PDF
 * reports, in English, Russian or Kazakh.
 */
#include <limits.h>
#include <string.h>

#include "cli.h"
#include "import.h"
#include "report.h"
#include "store.h"

struct report_opts {
	gint year, from, to;
	char *as_of, *scale, *state, *lang, *output, *currency, *symbol, *date;
};

GOptionContext *cmd_report_options(struct cli *cli, void *opts)
{
	struct report_opts *o = opts;
	GOptionContext *octx = cli_context(
	    cli, "annual|budget|state -o FILE",
	    "Write a report as an A4 PDF: cover, contents, tables, charts, "
	    "page numbers and\nthe import batches behind the figures.",
	    "Reports:\n"
	    "  annual  the annual report of --year Y (default: the latest "
	    "budget year that is\n          over): plan implementation, "
	    "financing, execution, history, staff\n"
	    "  budget  the brief for the Special Working Group on budget "
	    "--year Y (default:\n          the latest): collection as of "
	    "--as-of DATE against earlier years, the\n          budget, "
	    "contributors, the forecast, what-if shares (--scale NAME)\n"
	    "  state   one member state's statement (--state CODE or name, "
	    "--from, --to)\n\n"
	    "Given SOURCE_DATE_EPOCH, the same database gives a "
	    "byte-identical PDF.\n\n"
	    "Examples:\n"
	    "  cbm report annual --year 2024 -o annual-2024.pdf\n"
	    "  cbm report budget --year 2025 --scale draft-2026 --lang ru "
	    "-o swg-ru.pdf\n"
	    "  cbm report budget --symbol SOC/2025-III/SEC/1 --date "
	    "2025-11-17 -o swg.pdf\n"
	    "  cbm report state --state Қазақстан --lang kk -o kaz-kk.pdf");
	GOptionEntry entries[] = {
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
	     "the PDF file to write", "FILE"},
	    {"year", 0, 0, G_OPTION_ARG_INT, &o->year, "the year", "Y"},
	    {"from", 0, 0, G_OPTION_ARG_INT, &o->from, "state: first year",
	     "Y"},
	    {"to", 0, 0, G_OPTION_ARG_INT, &o->to, "state: last year", "Y"},
	    {"as-of", 0, 0, G_OPTION_ARG_STRING, &o->as_of,
	     "budget: figures as of this day", "DATE"},
	    {"scale", 0, 0, G_OPTION_ARG_STRING, &o->scale,
	     "budget: what-if shares, equal (default) or a scale", "NAME"},
	    {"state", 0, 0, G_OPTION_ARG_STRING, &o->state,
	     "state: the state, by code, name or alias", "STATE"},
	    {"lang", 0, 0, G_OPTION_ARG_STRING, &o->lang,
	     "en (default), ru or kk", "LANG"},
	    {"currency", 0, 0, G_OPTION_ARG_STRING, &o->currency,
	     "report currency (default USD)", "CUR"},
	    {"symbol", 0, 0, G_OPTION_ARG_STRING, &o->symbol,
	     "the document symbol on the cover, e.g. SOC/2025-III/SEC/1",
	     "SYMBOL"},
	    {"date", 0, 0, G_OPTION_ARG_STRING, &o->date,
	     "the document's date on the cover", "YYYY-MM-DD"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

static int check(struct cli *cli, int argc, char **argv,
                 const struct report_opts *o, struct rpt_params *p)
{
	char why[200];

	rpt_params_init(p);
	if (argc != 2)
		return cli_usage(cli,
		                 "give one report: annual, budget or state");
	if (!rpt_kind_parse(argv[1], &p->kind))
		return cli_usage(cli, "unknown report '%s'", argv[1]);
	if (!o->output)
		return cli_usage(cli, "say where to write: -o FILE");
	if (o->lang && !cbm_lang_parse(o->lang, &p->lang))
		return cli_usage(cli, "--lang is en, ru or kk, not '%s'",
		                 o->lang);
	if (cli_currency(cli, o->currency, p->currency) != CBM_OK)
		return CBM_EUSAGE;
	if (p->kind == RPT_STATE && !o->state)
		return cli_usage(cli, "a state report needs --state");
	if (o->as_of && !imp_parse_date(o->as_of, IMP_DATES_STRICT, &p->as_of,
	                                why, sizeof(why)))
		return cli_usage(cli, "--as-of '%s': %s", o->as_of, why);
	if (o->date &&
	    (strlen(o->date) != 10 || !cbm_date_parse_iso(o->date, &p->date)))
		return cli_usage(cli, "--date '%s': give the day as YYYY-MM-DD",
		                 o->date);
	if (o->symbol && !g_utf8_validate(o->symbol, -1, NULL))
		return cli_usage(cli, "--symbol is not valid UTF-8");
	p->symbol = o->symbol;
	p->year = o->year;
	p->from = o->from;
	p->to = o->to;
	if (o->scale)
		p->scale = o->scale;
	return CBM_OK;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
	struct report_opts o = {0};
	GOptionContext *octx = cmd_report_options(cli, &o);
	struct rpt_params p;
	struct cbm_error err = {0};
	char code[4] = "";
	int rc = cli_parse(cli, octx, &argc, &argv);

	cli_heap_for_pages();
	g_option_context_free(octx);
	if (rc == CBM_OK)
		rc = check(cli, argc, argv, &o, &p);
	if (rc == CBM_OK)
		rc = cli_output_check(cli, o.output, true);
	if (rc == CBM_OK)
		rc = cli_ready(cli);
	if (rc == CBM_OK && p.kind == RPT_STATE) {
		rc = cli_state_code(cli, o.state, code);
		p.state = code;
	}
	if (rc == CBM_OK) {
		if (rpt_write_file(cli->db, &p, o.output, &err) == CBM_OK)
			cli_wrote(o.output);
		else
			rc = cli_fail(cli, &err);
	}
	g_free(o.as_of);
	g_free(o.scale);
	g_free(o.state);
	g_free(o.lang);
	g_free(o.output);
	g_free(o.currency);
	g_free(o.symbol);
	g_free(o.date);
	return rc;
}
