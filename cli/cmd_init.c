/*
 * cmd_init.c - `cbm init`: create the database, or bring an older one up
 * to this build's schema.
 */
#include <glib.h>

#include "cli.h"
#include "store.h"

GOptionContext *cmd_init_options(struct cli *cli, void *opts)
{
	(void)opts;
	return cli_context(cli, "",
	                   "Create the database (default ./cbm.sqlite), or "
	                   "upgrade an older one to this cbm's schema.",
	                   "Running it again on a ready database changes "
	                   "nothing.");
}

int cmd_init(struct cli *cli, int argc, char **argv)
{
	GOptionContext *octx = cmd_init_options(cli, NULL);
	bool existed;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc != CBM_OK)
		return rc;
	if (argc > 1)
		return cli_usage(cli, "unexpected argument '%s'", argv[1]);
	existed = g_file_test(cli->db_path, G_FILE_TEST_EXISTS);
	if ((rc = cli_ready(cli)) != CBM_OK)
		return rc;
	printf("%s database '%s' (schema version %d)\n",
	       existed ? "ready:" : "created", cli->db_path,
	       st_schema_version());
	return CBM_OK;
}
