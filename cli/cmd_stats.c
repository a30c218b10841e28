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
#include "store.h"

struct stats_opts {
	gint year, from, to;
	char *currency, *kind, *as_of, *by, *of, *scale, *format;
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
	    "(1,234.50, 87.3 %, n/a where a figure is undefined); csv and "
	    "json give plain\nvalues (1234.50, 0.873, empty or null).\n\n"
	    "Examples:\n"
	    "  cbm stats collection --from 2019\n"
	    "  cbm stats collection --as-of 2025-06-30\n"
	    "  cbm stats activity --by organizer --year 2024\n"
	    "  cbm stats trend --of collection_rate --format json\n"
	    "  cbm stats shares --scale draft-2026 --year 2025 --format csv");
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
	     "activity: area (default), dimension or organizer", "KEY"},
	    {"with-co-organizers", 0, 0, G_OPTION_ARG_NONE, &o->with_co,
	     "activity --by organizer: count co-organizers too", NULL},
	    {"of", 0, 0, G_OPTION_ARG_STRING, &o->of,
	     "trend: received (default) or collection_rate", "WHAT"},
	    {"scale", 0, 0, G_OPTION_ARG_STRING, &o->scale,
	     "shares: equal (default) or an imported scale's name", "NAME"},
	    {"format", 0, 0, G_OPTION_ARG_STRING, &o->format,
	     "table (default), csv or json", "FORMAT"},
	    G_OPTION_ENTRY_NULL,
	};

	g_free(desc);
	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

/* Index of S in the NULL-terminated NAMES, or -1. */
static int pick(const char *s, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int check_year(struct cli *cli, const char *name, int y)
{
	if (y != 0 && (y < 1900 || y > 2100))
		return cli_usage(cli, "--%s takes a year, not %d", name, y);
	return CBM_OK;
}

static int to_params(struct cli *cli, const struct stats_opts *o,
                     struct ana_params *p)
{
	static const char *const kinds[] = {"voluntary", "earmarked", "in-kind",
	                                    "all", NULL};
	static const char *const bys[] = {"area", "dimension", "organizer",
	                                  NULL};
	static const char *const ofs[] = {"received", "collection_rate", NULL};
	char why[200];
	int i, rc;

	ana_params_init(p);
	if ((rc = check_year(cli, "year", o->year)) ||
	    (rc = check_year(cli, "from", o->from)) ||
	    (rc = check_year(cli, "to", o->to)))
		return rc;
	p->year = o->year;
	p->from = o->from;
	p->to = o->to;
	if ((rc = cli_currency(cli, o->currency, p->currency)))
		return rc;
	if (o->kind && (i = pick(o->kind, kinds)) < 0)
		return cli_usage(cli,
		                 "--kind is voluntary, earmarked, "
		                 "in-kind or all, not '%s'",
		                 o->kind);
	p->kind = o->kind ? (enum ana_kind)i : ANA_VOLUNTARY;
	if (o->by && (i = pick(o->by, bys)) < 0)
		return cli_usage(cli,
		                 "--by is area, dimension or organizer, "
		                 "not '%s'",
		                 o->by);
	p->by = o->by ? (enum ana_by)i : ANA_BY_AREA;
	if (o->of && (i = pick(o->of, ofs)) < 0)
		return cli_usage(cli,
		                 "--of is received or collection_rate, "
		                 "not '%s'",
		                 o->of);
	p->of = o->of ? (enum ana_of)i : ANA_OF_RECEIVED;
	p->with_co_organizers = o->with_co;
	if (o->scale)
		p->scale = o->scale;
	if (o->as_of && !imp_parse_date(o->as_of, IMP_DATES_STRICT, &p->as_of,
	                                why, sizeof(why)))
		return cli_usage(cli, "--as-of '%s': %s", o->as_of, why);
	return CBM_OK;
}

/* ---- printing ------------------------------------------------------------ */

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

static void set_cell(struct out_table *o, size_t col, const struct ana_table *t,
                     const struct ana_value *v, enum ana_type type)
{
	char plain[CBM_MONEY_BUF], shown[CBM_MONEY_BUF];
	bool number = type != ANA_TEXT && type != ANA_DATE;

	if (!v->defined) {
		out_set(o, col, NULL, "n/a", number);
		return;
	}
	switch (type) {
	case ANA_INT:
		snprintf(plain, sizeof(plain), "%" PRId64, (int64_t)v->i);
		out_set(o, col, plain, NULL, true);
		return;
	case ANA_TEXT:
		out_set(o, col, v->s, NULL, false);
		return;
	case ANA_DATE:
		cbm_date_iso((int32_t)v->i, plain);
		out_set(o, col, plain, NULL, false);
		return;
	case ANA_MONEY:
		/* Exact digits, however far past 64 bits the sum is. */
		cbm_money_plain(plain, sizeof(plain), v->i, t->exponent);
		cbm_fmt_money(shown, sizeof(shown), v->i, t->exponent,
		              CBM_LANG_EN);
		break;
	case ANA_AMOUNT:
		snprintf(plain, sizeof(plain), "%.2f", v->d);
		cbm_fmt_number(shown, sizeof(shown), v->d, 2, CBM_LANG_EN);
		break;
	case ANA_RATE:
	case ANA_SHARE:
		snprintf(plain, sizeof(plain), "%.10g", v->d);
		cbm_fmt_percent(shown, sizeof(shown), v->d,
		                type == ANA_SHARE ? 2 : 1, CBM_LANG_EN);
		break;
	case ANA_INDEX: /* HHI, Gini: three decimals (DESIGN.md "Output") */
		snprintf(plain, sizeof(plain), "%.10g", v->d);
		cbm_fmt_number(shown, sizeof(shown), v->d, 3, CBM_LANG_EN);
		break;
	default:
		snprintf(plain, sizeof(plain), "%.10g", v->d);
		cbm_fmt_number(shown, sizeof(shown), v->d, 4, CBM_LANG_EN);
		trim_zeros(shown);
		break;
	}
	out_set(o, col, plain, shown, true);
}

static void print_figure(const struct ana_table *t, enum out_format format)
{
	struct out_table o;

	out_table_init(&o);
	for (size_t c = 0; c < t->ncols; c++)
		out_table_column(&o, t->cols[c].name);
	for (size_t r = 0; r < t->nrows; r++) {
		out_table_row(&o);
		for (size_t c = 0; c < t->ncols; c++)
			set_cell(&o, c, t, ana_cell(t, r, c), t->cols[c].type);
	}
	out_print(&o, format, stdout);
	out_table_release(&o);
}

static bool has_money(const struct ana_table *t)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (t->cols[c].type == ANA_MONEY ||
		    t->cols[c].type == ANA_AMOUNT)
			return true;
	return false;
}

int cmd_stats(struct cli *cli, int argc, char **argv)
{
	struct stats_opts o = {0};
	GOptionContext *octx = cmd_stats_options(cli, &o);
	struct ana_params p;
	enum out_format format = OUT_TABLE;
	const struct ana_figure *fig = NULL;
	struct cbm_error err = {0};
	struct ana_table t;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK)
		rc = to_params(cli, &o, &p);
	if (rc == CBM_OK && o.format && !out_format_parse(o.format, &format))
		rc = cli_usage(cli, "unknown format '%s'", o.format);
	if (rc == CBM_OK && argc != 2)
		rc = cli_usage(cli, "give one figure; 'cbm help stats' lists "
		                    "them");
	if (rc == CBM_OK && !(fig = ana_figure_find(argv[1])))
		rc = cli_usage(cli,
		               "unknown figure '%s'; 'cbm help stats' "
		               "lists them",
		               argv[1]);
	if (rc == CBM_OK)
		rc = cli_ready(cli);
	if (rc == CBM_OK) {
		ana_table_init(&t);
		if (fig->fn(cli->db, &p, &t, &err) == CBM_OK) {
			print_figure(&t, format);
			if (format == OUT_TABLE && has_money(&t))
				fprintf(stderr, "amounts in %s\n", t.currency);
		} else {
			rc = cli_fail(cli, &err);
		}
		ana_table_release(&t);
	}
	g_free(o.currency);
	g_free(o.kind);
	g_free(o.as_of);
	g_free(o.by);
	g_free(o.of);
	g_free(o.scale);
	g_free(o.format);
	return rc;
}
