/*
 * cmd_serve.c - `cbm serve`: the figures, charts, reports and read-only
 * queries as local web pages (web/), for staff who do not use a terminal.
 */
#include <stdio.h>

#include "cli.h"
#include "web.h"

struct serve_opts {
	gint port, timeout;
	gboolean open;
};

/* Seconds a query typed into the page may run unless --timeout says
 * otherwise: shorter than cbm query's, as a page waits for it. */
#define SERVE_TIMEOUT_DEFAULT 30
#define SERVE_PORT_DEFAULT    8080

GOptionContext *cmd_serve_options(struct cli *cli, void *opts)
{
	struct serve_opts *o = opts;
	GOptionContext *octx = cli_context(
	    cli, "",
	    "Serve the figures, charts, reports and read-only queries as web "
	    "pages.",
	    "Listens on 127.0.0.1 only (port 8080 unless --port says "
	    "otherwise; --port 0\npicks a free one) and prints its address "
	    "as the first line.  The pages are\nin English, Russian and "
	    "Kazakh: the overview (key figures and charts), every\nfigure "
	    "with its options (download as CSV, JSON or xlsx), read-only "
	    "queries\n(100 rows a page, a time limit), the reports as PDF "
	    "and the import batches.\nThe database is opened read-only: "
	    "imports made while it runs show on the next\npage.  A request "
	    "naming another host than localhost or 127.0.0.1 is refused.\n"
	    "Ctrl-C stops it.");
	GOptionEntry entries[] = {
	    {"port", 0, 0, G_OPTION_ARG_INT, &o->port,
	     "port to listen on (default 8080; 0: any free port)", "N"},
	    {"open", 0, 0, G_OPTION_ARG_NONE, &o->open,
	     "open the overview in the browser", NULL},
	    {"timeout", 0, 0, G_OPTION_ARG_INT, &o->timeout,
	     "seconds a query may run (default 30; 0: no limit)", "SECONDS"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

/* Opens URL in the desktop's browser; a failure is only a notice. */
static void open_browser(const char *url)
{
	char *argv[] = {"xdg-open", (char *)url, NULL};
	GError *gerr = NULL;

	if (!g_spawn_async(NULL, argv, NULL,
	                   G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
	                       G_SPAWN_STDERR_TO_DEV_NULL,
	                   NULL, NULL, NULL, &gerr)) {
		fprintf(stderr,
		        "cbm serve: cannot open a browser (%s); open %s\n",
		        gerr->message, url);
		g_error_free(gerr);
	}
}

int cmd_serve(struct cli *cli, int argc, char **argv)
{
	struct serve_opts o = {.port = SERVE_PORT_DEFAULT,
	                       .timeout = SERVE_TIMEOUT_DEFAULT};
	GOptionContext *octx = cmd_serve_options(cli, &o);
	struct web_config c = {0};
	struct web_server *s = NULL;
	struct cbm_error err = {0};
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK && (o.port < 0 || o.port > 65535))
		rc = cli_usage(cli, "--port takes 0 to 65535, not %d", o.port);
	if (rc == CBM_OK && o.timeout < 0)
		rc = cli_usage(cli, "--timeout takes seconds, 0 or more");
	if (rc == CBM_OK && argc > 1)
		rc = cli_usage(cli, "unexpected argument '%s'", argv[1]);
	if (rc != CBM_OK)
		return rc;
	/* The server's workers open their own connections; this one only
	 * proves the database is there and readable before listening. */
	if ((rc = cli_ready(cli)) != CBM_OK)
		return rc;
	c.db_path = cli->db_path;
	c.port = (unsigned)o.port;
	c.timeout_s = (unsigned)o.timeout;
	if (web_open(&s, &c, &err) != CBM_OK)
		return cli_fail(cli, &err);
	printf("%s\n", web_url(s));
	fflush(stdout);
	if (o.open)
		open_browser(web_url(s));
	web_run(s);
	web_close(s);
	return CBM_OK;
}
