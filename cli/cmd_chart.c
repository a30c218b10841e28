/*
 * cmd_chart.c - `cbm chart KIND -o FILE`: a chart of the figures as PDF,
 * PNG or SVG, in English, Russian or Kazakh.
 */
#include <string.h>

#include "cli.h"
#include "report.h"
#include "store.h"

struct chart_opts {
	gint year, from, to, width, height;
	char *lang, *output, *currency, *format;
};

GOptionContext *cmd_chart_options(struct cli *cli, void *opts)
{
	struct chart_opts *o = opts;
	GOptionContext *octx = cli_context(
	    cli, "KIND -o FILE",
	    "Draw a chart of the figures into a PDF, PNG or SVG file "
	    "(chosen by the file's\nextension).",
	    "Kinds:\n"
	    "  contributions  one year's voluntary contributions by state "
	    "(--year; default the latest)\n"
	    "  history        contributions by year, the top states "
	    "stacked and the rest as others\n"
	    "  collection     collection rate by year, with next year's "
	    "forecast and its 95 % interval\n"
	    "  curve          one year's cumulative collection against "
	    "earlier years (--year)\n"
	    "  activity       events held per priority area and year "
	    "(heat map)\n"
	    "  calendar       one year's events on its months, a row per "
	    "priority area,\n"
	    "                 coloured by status (--year; events without "
	    "dates are named\n"
	    "                 on stderr)\n\n"
	    "Sizes are in pixels: a PNG has exactly that many; a PDF or "
	    "SVG page is as large\nat 96 pixels per inch (the default "
	    "960 x 600 is a page of 254 x 159 mm).\n\n"
	    "Examples:\n"
	    "  cbm chart contributions --year 2024 --lang kk -o kk.pdf\n"
	    "  cbm chart curve --year 2025 -o curve.png\n"
	    "  cbm chart calendar --year 2024 --lang ru -o calendar.svg");
	GOptionEntry entries[] = {
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
	     "the file to write: .pdf, .png or .svg; - for stdout", "FILE"},
	    {"format", 0, 0, G_OPTION_ARG_STRING, &o->format,
	     "pdf, png or svg (default: from the file's extension)", "FORMAT"},
	    {"year", 0, 0, G_OPTION_ARG_INT, &o->year, "the year", "Y"},
	    {"from", 0, 0, G_OPTION_ARG_INT, &o->from, "first year", "Y"},
	    {"to", 0, 0, G_OPTION_ARG_INT, &o->to, "last year", "Y"},
	    {"lang", 0, 0, G_OPTION_ARG_STRING, &o->lang,
	     "language of the labels: en (default), ru or kk", "LANG"},
	    {"currency", 0, 0, G_OPTION_ARG_STRING, &o->currency,
	     "report currency (default USD)", "CUR"},
	    {"width", 0, 0, G_OPTION_ARG_INT, &o->width,
	     "width in pixels (default 1200 for PNG, 960 otherwise)", "PX"},
	    {"height", 0, 0, G_OPTION_ARG_INT, &o->height,
	     "height in pixels (default 750 for PNG, 600 otherwise)", "PX"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

/* The format from --format, else from the output's extension. */
static int output_format(struct cli *cli, const struct chart_opts *o,
                         enum chart_file_type *f)
{
	char *name;
	bool ok;

	if (!o->format) {
		if (chart_file_type_of(o->output, f))
			return CBM_OK;
		return cli_usage(cli,
		                 "cannot tell the chart format from '%s': "
		                 "use .pdf, .png or .svg, or --format",
		                 o->output);
	}
	name = g_strconcat(".", o->format, NULL);
	ok = chart_file_type_of(name, f);
	g_free(name);
	if (!ok)
		return cli_usage(cli, "--format is pdf, png or svg, not '%s'",
		                 o->format);
	return CBM_OK;
}

static int check(struct cli *cli, int argc, char **argv,
                 const struct chart_opts *o, enum rpt_chart_kind *kind,
                 struct rpt_chart_params *p)
{
	memset(p, 0, sizeof(*p));
	if (argc != 2)
		return cli_usage(cli, "give one chart kind");
	if (!rpt_chart_kind_parse(argv[1], kind))
		return cli_usage(cli, "unknown chart kind '%s'", argv[1]);
	if (!o->output)
		return cli_usage(cli, "say where to write: -o FILE");
	if (o->lang && !cbm_lang_parse(o->lang, &p->lang))
		return cli_usage(cli, "--lang is en, ru or kk, not '%s'",
		                 o->lang);
	if (o->width < 0 || o->height < 0 || o->width > 20000 ||
	    o->height > 20000)
		return cli_usage(cli, "--width and --height are 1 to 20000 "
		                      "pixels");
	if (cli_currency(cli, o->currency, p->currency) != CBM_OK)
		return CBM_EUSAGE;
	for (int i = 0; i < 3; i++) {
		int y = i == 0 ? o->year : i == 1 ? o->from : o->to;
		if (y != 0 && (y < 1900 || y > 2100))
			return cli_usage(cli, "--%s takes a year, not %d",
			                 i == 0   ? "year"
			                 : i == 1 ? "from"
			                          : "to",
			                 y);
	}
	p->year = o->year;
	p->from = o->from;
	p->to = o->to;
	return CBM_OK;
}

int cmd_chart(struct cli *cli, int argc, char **argv)
{
	struct chart_opts o = {0};
	GOptionContext *octx = cmd_chart_options(cli, &o);
	struct rpt_chart_params p;
	enum rpt_chart_kind kind;
	struct cbm_error err = {0};
	struct rpt_chart *chart = NULL;
	struct cbm_outfile of = {0};
	enum chart_file_type f = CHART_FILE_PDF;
	int rc = cli_parse(cli, octx, &argc, &argv);

	cli_heap_for_pages();
	g_option_context_free(octx);
	if (rc == CBM_OK)
		rc = check(cli, argc, argv, &o, &kind, &p);
	if (rc == CBM_OK)
		rc = output_format(cli, &o, &f);
	if (rc == CBM_OK)
		rc = cli_output_check(cli, o.output, f != CHART_FILE_SVG);
	if (rc == CBM_OK && (rc = cli_ready(cli)) == CBM_OK &&
	    rpt_chart_open(&chart, cli->db, kind, &p, &err) != CBM_OK)
		rc = cli_fail(cli, &err);
	if (rc == CBM_OK) {
		/* Pixels for PNG; points (96 px = 72 pt) for PDF and SVG. */
		double scale = f == CHART_FILE_PNG ? 1.0 : 0.75;
		if (cbm_outfile_open(&of, o.output, &err) != CBM_OK ||
		    chart_write(rpt_chart_get(chart), f, of.fp, o.width * scale,
		                o.height * scale, &err) != CBM_OK ||
		    cbm_outfile_commit(&of, &err) != CBM_OK)
			rc = cli_fail(cli, &err);
		else
			cli_wrote(o.output);
		cbm_outfile_abort(&of);
		/* What the chart could not show (undated events) is said,
		 * not dropped; stdout may be the chart itself. */
		if (rc == CBM_OK && rpt_chart_note(chart))
			fprintf(stderr, "note: %s\n", rpt_chart_note(chart));
	}
	rpt_chart_close(chart);
	g_free(o.lang);
	g_free(o.output);
	g_free(o.currency);
	g_free(o.format);
	return rc;
}
