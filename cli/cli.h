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

struct st_db;

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

/* Says on stderr (stdout when the output was a file) that PATH was
 * written; says nothing for "-", whose bytes are the output. */
void cli_wrote(const char *path);

/* Parses a batch number: digits only, at least 1. */
bool cli_batch_number(const char *s, int64_t *id);

/* Installs the handlers of SIGINT, SIGTERM and SIGHUP: they remove the
 * temporary files of outputs being written and end the process with
 * status 130 (interrupted). */
void cli_signals_install(void);

/* The full help text of a command (caller frees). */
char *cli_command_help(struct cli *cli, const struct cli_command *cmd);

/* ---- output of tables --------------------------------------------------- */

enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON };

/* Parses "table", "csv" or "json". */
bool out_format_parse(const char *s, enum out_format *out);

/* A cell of a result.  PLAIN is the value for csv and json (C-locale
 * numbers, no separators; NULL for undefined) and holds LEN bytes, which may
 * include NUL bytes (a TEXT value of SQLite may); DISPLAY, a C string or
 * NULL, is an optional form for people (table format); NUMBER marks numbers
 * (right aligned, unquoted in csv and JSON).
 *
 * How each format shows a value: csv writes PLAIN's bytes as they are,
 * quoted where needed; JSON escapes ", \ and every control character,
 * NUL as \u0000; the table shows a newline, carriage return or tab as a
 * space, any other control character as its Unicode control picture (NUL
 * as U+2400) and a byte that is not UTF-8 as U+FFFD, so that one value
 * stays one cell on one line. */
struct out_cell {
	const char *plain;
	size_t len;
	const char *display;
	bool number;
};

/* A whole table of results, printed at once with out_print(); its cells
 * own their strings. */
struct out_table {
	GPtrArray *columns; /* char * */
	GPtrArray *rows;    /* struct out_cell * arrays of columns->len */
};

void out_table_init(struct out_table *t);
void out_table_release(struct out_table *t);
void out_table_column(struct out_table *t, const char *name);
/* Starts a new row; cells are then set with out_set*. */
void out_table_row(struct out_table *t);
/* Sets cell COL of the last row; copies the strings (PLAIN up to its NUL).
 */
void out_set(struct out_table *t, size_t col, const char *plain,
             const char *display, bool number);
/* Prints T; the table format sizes its columns on every row. */
void out_print(const struct out_table *t, enum out_format format, FILE *fp);

/* A result printed row by row as it comes, for results of any size: csv
 * and json write each row at once; the table format holds the first rows
 * (OUT_STREAM_SAMPLE_ROWS, or fewer when they pass OUT_STREAM_SAMPLE_BYTES)
 * to size its columns, then writes every later row at once with those
 * widths (a longer value widens its own line; nothing is cut).  Memory
 * stays bounded whatever the number of rows.  Columns are added before
 * the first row; the output ends with out_stream_finish(), without which
 * a json array stays open (an interrupted result is never taken for a
 * whole one). */
#define OUT_STREAM_SAMPLE_ROWS  100
#define OUT_STREAM_SAMPLE_BYTES (1024 * 1024)

struct out_stream;

/* A new stream writing FORMAT to FP; out_stream_close() frees it. */
struct out_stream *out_stream_open(enum out_format format, FILE *fp);
/* Adds a column named NAME (copied). */
void out_stream_column(struct out_stream *s, const char *name);
/* Writes one row of as many CELLS as columns; the strings are only read
 * during the call.  Returns false once writing to FP has failed (a full
 * disk, a closed pipe): the caller may stop producing rows. */
bool out_stream_row(struct out_stream *s, const struct out_cell *cells);
/* Writes what ends the output (held rows, the json array's end). */
void out_stream_finish(struct out_stream *s);
/* Frees S; a no-op for NULL. */
void out_stream_close(struct out_stream *s);

/* Terminal display width of a UTF-8 string (wide CJK letters count 2). */
size_t out_display_width(const char *s);

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

#endif /* CBM_CLI_H */
