/*
 * cli.h - the cbm command line: a thin layer over the libraries.
 *
 * Each command lives in cli/cmd_<name>.c and exports cmd_<name>(); they are
 * wired in one table in main.c, which also says what each command needs of
 * the database (nothing, read, write, create).  The dispatcher owns the
 * database as git's RUN_SETUP does: a command checks its arguments, then
 * calls cli_ready(), which opens the database the way the table says;
 * the dispatcher closes it when the command returns, whatever happened.
 * Usage errors thus come before any database work.  Only this layer prints
 * and maps a status
 * to an exit code (the enum cbm_status values are the exit codes: 0 ok,
 * 1 bad data, 2 bad usage, 3 internal or I/O).  Data goes to stdout;
 * notices, warnings and errors to stderr.
 */
#ifndef CBM_CLI_H
#define CBM_CLI_H

#include <glib.h>
#include <stdio.h>

#include "cbm.h"
#include "output.h"
#include "view.h"

struct st_db;
struct ana_params;
struct ana_table;
struct ana_names;

/* What a command needs of the database. */
enum cli_db {
	CLI_DB_NONE,   /* nothing (help; demo makes its own) */
	CLI_DB_READ,   /* an existing database, read-only: works on a
	                * read-only file or folder and leaves nothing beside
	                * it */
	CLI_DB_WRITE,  /* an existing database, read-write */
	CLI_DB_CREATE, /* created when missing, migrated (init) */
};

/* Per-run state shared by the commands. */
struct cli {
	const char *db_path; /* --db, $CBM_DB or ./cbm.sqlite */
	char *db_arg;        /* --db as GOption parsed it (owned) */
	const char *command; /* the command's name, for messages */
	enum cli_db db_mode; /* from the command table; a command may lower
	                      * it before cli_ready() (a dry run reads) */
	struct st_db *db;    /* open after cli_ready(); the dispatcher's */
};

/* Room for any command's option struct when only its help is wanted. */
#define CLI_OPTS_SCRATCH 512

struct cli_command {
	const char *name;
	const char *usage;   /* arguments after the name */
	const char *summary; /* one line for 'cbm help' */
	enum cli_db db;      /* what it needs of the database */
	int (*run)(struct cli *cli, int argc, char **argv);
	/* Builds the command's option context for parsing and for help;
	 * OPTS is the command's option struct (NULL for help only). */
	GOptionContext *(*options)(struct cli *cli, void *opts);
};

/* The command table (main.c) and a lookup by name. */
const struct cli_command *cli_commands(size_t *n);
const struct cli_command *cli_find(const char *name);

/* Opens the database as cli->db_mode says into cli->db, once the command
 * has checked its arguments; the dispatcher closes it.  On failure prints
 * the error and returns its exit status. */
int cli_ready(struct cli *cli);

/* Parses ARGV with the command's options; on error prints it with a hint
 * and returns CBM_EUSAGE. */
int cli_parse(struct cli *cli, GOptionContext *octx, int *argc, char ***argv);

/* A GOptionContext with the command's usage line and the --db option. */
GOptionContext *cli_context(struct cli *cli, const char *params,
                            const char *summary, const char *description);

/* Prints ERR as "cbm COMMAND: where: message" and returns its code. */
int cli_fail(struct cli *cli, const struct cbm_error *err);

/* Prints a usage error with the help hint; returns CBM_EUSAGE. */
int cli_usage(struct cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reads --currency TEXT (any case) into OUT; a NULL TEXT leaves OUT
 * alone.  A bad code is a usage error (printed), CBM_EUSAGE. */
int cli_currency(struct cli *cli, const char *text, char out[4]);

/* Checks the output path of -o before any work is done (see
 * cbm_output_check: never the database, a folder or a device).  BINARY
 * outputs (PDF, PNG, xlsx) are refused on a terminal for "-".  Prints the
 * problem and returns CBM_EUSAGE, or CBM_OK. */
int cli_output_check(struct cli *cli, const char *path, bool binary);

/* The format of a command's result from --format FORMAT, else from the
 * name of -o OUTPUT (.txt, .csv, .json, .xlsx), else the table; then
 * checks OUTPUT ("-" when NULL) with cli_output_check.  A workbook needs
 * -o.  Prints a problem and returns CBM_EUSAGE, or CBM_OK. */
int cli_output_format(struct cli *cli, const char *format, const char *output,
                      enum out_format *out);

/* Says on stderr (stdout when the output was a file) that PATH was
 * written; says nothing for "-", whose bytes are the output. */
void cli_wrote(const char *path);

/* Parses a batch number: digits only, at least 1. */
bool cli_batch_number(const char *s, int64_t *id);

/* Installs the handlers of SIGINT, SIGTERM and SIGHUP: they remove the
 * temporary files of outputs being written and end the process with
 * status 130 (interrupted). */
void cli_signals_install(void);

/* Keeps 32 MiB of heap at hand, for the commands that lay out pages
 * (report, chart). */
void cli_heap_for_pages(void);

/* The full help text of a command (caller frees). */
char *cli_command_help(struct cli *cli, const struct cli_command *cmd);

/* The code of the state NAME names (a code, a name in any of the three
 * languages, or an alias, as the importers accept them) into CODE.  An
 * unknown state is printed with the nearest known one; returns its exit
 * status (CBM_EDATA). */
int cli_state_code(struct cli *cli, const char *name, char code[4]);

/* "cbm ARGV..." with arguments quoted for a shell where they need it
 * (caller frees). */
char *cli_command_line(int argc, char **argv);

/* ---- the commands -------------------------------------------------------- */

int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);
/* `cbm help import KIND`: the columns of KIND in three languages. */
int cmd_import_help_kind(struct cli *cli, const char *kind);
int cmd_batches(struct cli *cli, int argc, char **argv);
int cmd_undo(struct cli *cli, int argc, char **argv);
int cmd_backup(struct cli *cli, int argc, char **argv);
int cmd_query(struct cli *cli, int argc, char **argv);
int cmd_stats(struct cli *cli, int argc, char **argv);
int cmd_chart(struct cli *cli, int argc, char **argv);
int cmd_report(struct cli *cli, int argc, char **argv);
int cmd_demo(struct cli *cli, int argc, char **argv);
int cmd_help(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_serve(struct cli *cli, int argc, char **argv);

GOptionContext *cmd_init_options(struct cli *cli, void *opts);
GOptionContext *cmd_import_options(struct cli *cli, void *opts);
GOptionContext *cmd_batches_options(struct cli *cli, void *opts);
GOptionContext *cmd_undo_options(struct cli *cli, void *opts);
GOptionContext *cmd_backup_options(struct cli *cli, void *opts);
GOptionContext *cmd_query_options(struct cli *cli, void *opts);
GOptionContext *cmd_stats_options(struct cli *cli, void *opts);
GOptionContext *cmd_chart_options(struct cli *cli, void *opts);
GOptionContext *cmd_report_options(struct cli *cli, void *opts);
GOptionContext *cmd_demo_options(struct cli *cli, void *opts);
GOptionContext *cmd_help_options(struct cli *cli, void *opts);
GOptionContext *cmd_export_options(struct cli *cli, void *opts);
GOptionContext *cmd_serve_options(struct cli *cli, void *opts);

#endif /* CBM_CLI_H */
