/*
 * common.c - what every command shares: option parsing with --db, error
 * printing and the help text of a command.
 */
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "import.h"
#include "store.h"

GOptionContext *cli_context(struct cli *cli, const char *params,
                            const char *summary, const char *description)
{
	GOptionContext *octx = g_option_context_new(params);
	GOptionEntry db_entry[] = {
	    {"db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_arg,
	     "database file (default: $CBM_DB or ./cbm.sqlite)", "FILE"},
	    G_OPTION_ENTRY_NULL,
	};

	g_option_context_set_summary(octx, summary);
	if (description)
		g_option_context_set_description(octx, description);
	g_option_context_add_main_entries(octx, db_entry, NULL);
	return octx;
}

/* GLib's help says "Usage: PRGNAME ..."; make that "cbm NAME". */
static void set_prgname(const char *command)
{
	char *name = g_strdup_printf("cbm %s", command);

	g_set_prgname(name);
	g_free(name);
}

int cli_parse(struct cli *cli, GOptionContext *octx, int *argc, char ***argv)
{
	GError *gerr = NULL;
	bool ok;

	set_prgname(cli->command);
	ok = g_option_context_parse(octx, argc, argv, &gerr);

	if (cli->db_arg)
		cli->db_path = cli->db_arg;
	if (ok)
		return CBM_OK;
	cli_usage(cli, "%s", gerr->message);
	g_error_free(gerr);
	return CBM_EUSAGE;
}

int cli_fail(struct cli *cli, const struct cbm_error *err)
{
	char msg[2048];

	cbm_error_format(err, msg, sizeof(msg));
	fprintf(stderr, "cbm%s%s: %s\n", cli->command ? " " : "",
	        cli->command ? cli->command : "", msg);
	return err->code == CBM_OK ? CBM_EINTERNAL : (int)err->code;
}

int cli_usage(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "cbm%s%s: ", cli->command ? " " : "",
	        cli->command ? cli->command : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cli->command)
		fprintf(stderr, "\nTry 'cbm help %s'.\n", cli->command);
	else
		fprintf(stderr, "\nTry 'cbm help'.\n");
	return CBM_EUSAGE;
}

char *cli_command_help(struct cli *cli, const struct cli_command *cmd)
{
	_Alignas(max_align_t) char scratch[CLI_OPTS_SCRATCH] = {0};
	GOptionContext *octx = cmd->options(cli, scratch);
	char *text;

	set_prgname(cmd->name);
	text = g_option_context_get_help(octx, TRUE, NULL);
	g_option_context_free(octx);
	return text;
}

int cli_currency(struct cli *cli, const char *text, char out[4])
{
	struct cbm_error err = {0};

	if (text && view_currency(text, out, &err) != CBM_OK)
		return cli_usage(cli, "%s", err.message);
	return CBM_OK;
}

int cli_output_check(struct cli *cli, const char *path, bool binary)
{
	struct cbm_error err = {0};

	if (cbm_output_check(path, cli->db_path, &err) != CBM_OK)
		return cli_fail(cli, &err);
	if (binary && cbm_outfile_is_stdout(path) && isatty(STDOUT_FILENO))
		return cli_usage(cli, "will not write a binary file to the "
		                      "terminal; give -o FILE or redirect "
		                      "the output");
	return CBM_OK;
}

void cli_wrote(const char *path)
{
	if (!cbm_outfile_is_stdout(path))
		printf("wrote %s\n", path);
}

/* Nothing here but async-signal-safe calls. */
static void on_signal(int sig)
{
	(void)sig;
	cbm_outfile_unlink_all();
	_exit(130);
}

void cli_heap_for_pages(void)
{
	/* Instead of growing and trimming the heap a page at a time: a
	 * report allocates and frees its layouts, charts and statements in
	 * waves, and each page given back is a page fault when it comes
	 * back (12 % of the annual report's time on the example data).
	 * Untouched padding costs no memory.  Not for every command: it
	 * also fixes glibc's mmap threshold, and cbm serve's threads would
	 * each keep as much. */
	mallopt(M_TOP_PAD, 32 << 20);
}

void cli_signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

bool cli_batch_number(const char *s, int64_t *id)
{
	char *end = NULL;
	long long v;

	if (!*s || strspn(s, "0123456789") != strlen(s))
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	*id = v;
	return errno == 0 && v > 0 && *end == '\0';
}

int cli_ready(struct cli *cli)
{
	static const enum st_mode modes[] = {
	    [CLI_DB_READ] = ST_OPEN_READONLY,
	    [CLI_DB_WRITE] = ST_OPEN_READWRITE,
	    [CLI_DB_CREATE] = ST_OPEN_CREATE,
	};
	struct cbm_error err = {0};

	g_assert(cli->db_mode != CLI_DB_NONE && !cli->db);
	if (st_open(&cli->db, cli->db_path, modes[cli->db_mode], &err) !=
	    CBM_OK)
		return cli_fail(cli, &err);
	return CBM_OK;
}

int cli_state_code(struct cli *cli, const char *name, char code[4])
{
	struct cbm_error err = {0};

	g_assert(cli->db);
	if (view_state_code(cli->db, name, code, &err) != CBM_OK)
		return cli_fail(cli, &err);
	return CBM_OK;
}

int cli_output_format(struct cli *cli, const char *format, const char *output,
                      enum out_format *out)
{
	const char *path = output ? output : "-";
	int rc;

	*out = OUT_TABLE;
	/* What is wrong with the path (the database, a folder) first. */
	if ((rc = cli_output_check(cli, path, false)) != CBM_OK)
		return rc;
	if (format && !out_format_parse(format, out))
		return cli_usage(cli,
		                 "unknown format '%s'; table, csv, json or "
		                 "xlsx",
		                 format);
	if (!format && !cbm_outfile_is_stdout(path) &&
	    !out_format_of_path(output, out))
		return cli_usage(cli,
		                 "cannot tell the format from the name '%s'; "
		                 "end it with .csv, .json, .xlsx or .txt, or "
		                 "give --format",
		                 output);
	if (*out == OUT_XLSX && !output)
		return cli_usage(cli, "a workbook needs -o FILE.xlsx (or -o - "
		                      "into a pipe)");
	return out_format_binary(*out) ? cli_output_check(cli, path, true)
	                               : CBM_OK;
}

char *cli_command_line(int argc, char **argv)
{
	GString *s = g_string_new("cbm");

	for (int i = 0; i < argc; i++) {
		bool plain =
		    argv[i][0] &&
		    strspn(argv[i], "abcdefghijklmnopqrstuvwxyz"
		                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		                    "0123456789-_=.,/:+@") == strlen(argv[i]);
		g_string_append_c(s, ' ');
		if (plain) {
			g_string_append(s, argv[i]);
		} else {
			char *q = g_shell_quote(argv[i]);
			g_string_append(s, q);
			g_free(q);
		}
	}
	return g_string_free(s, FALSE);
}
