/*
 * cmd_import.c - `cbm import KIND FILE...`: each file (or sheet of a
 * workbook) its own batch, in order, stopping at the first file refused.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "import.h"

struct import_opts {
	gboolean dry_run;
	char *replace;
	char *date_format;
	char *decimal_mark;
	char *sheet;
	char *encoding;
	char *map;
	gboolean print_map;
};

static char *kinds_description(void)
{
	GString *s = g_string_new(
	    "File kinds and their columns (required ones marked *):\n");

	for (int k = 0; k < IMP_KIND_COUNT; k++) {
		g_string_append_printf(s, "  %-14s", imp_kind_name(k));
		for (int c = 0; c < imp_kind_n_columns(k); c++) {
			struct imp_column_info col;
			imp_kind_column(k, c, &col);
			g_string_append_printf(s, "%s%s%s", c ? ", " : "",
			                       col.name,
			                       col.required ? "*" : "");
		}
		g_string_append_c(s, '\n');
	}
	g_string_append(
	    s, "\nLoad states and areas before what names them, fx rates "
	       "before money in other\ncurrencies.  Headers in English, "
	       "Russian or Kazakh, in any order and case,\nwith spaces, "
	       "hyphens or underscores ('cbm help import KIND' lists the\n"
	       "names); \"Amount (USD)\" names the currency too.  A header "
	       "close to a column's\nname is an error that suggests it.  "
	       "Values such as statuses may be English,\nRussian or Kazakh "
	       "words.  ',' ';' or tab; UTF-8 with or without BOM.\n"
	       "Amounts like 50000.00, 50,000.00, 50 000,00; dates like "
	       "2023-12-12,\n12.12.2023, 12 December 2023.  Errors are "
	       "reported as\nFILE:LINE:COLUMN: message 'value', all of a "
	       "file at once, and nothing of a\nrefused file is loaded.  A "
	       "file already loaded (same SHA-256) is skipped.\n"
	       "\nWorkbooks (.xlsx, .ods) are read from their first sheet, "
	       "or --sheet NAME; a\nnumber cell is a number, a date cell a "
	       "date, and errors are at\nFILE:SHEET!CELL.  Each sheet is its "
	       "own batch.  Text files may be UTF-8,\nUTF-16 with a BOM "
	       "(Excel's \"Unicode text\") or in the encoding --encoding\n"
	       "names (any that iconv knows); a file that is not UTF-8 but "
	       "reads as Russian\nWindows-1251 is read so, with a notice.  "
	       "What a file is comes from its content,\nnot its name.\n"
	       "\n--print-map shows how a file's header is read, as lines "
	       "of a map to edit and\ngive back with --map FILE:\n"
	       "  \"Payer\" = state                  a header read as a "
	       "column\n"
	       "  kind: \"добровольно\" = voluntary  a value read as "
	       "another\n"
	       "'#' starts a comment; quotes are needed only around '=' "
	       "or ':'.");
	return g_string_free(s, FALSE);
}

GOptionContext *cmd_import_options(struct cli *cli, void *opts)
{
	struct import_opts *o = opts;
	char *desc = kinds_description();
	GOptionContext *octx = cli_context(
	    cli, "KIND FILE...",
	    "Load CSV files or workbooks of one kind into the database, "
	    "each file as one\nbatch, in one transaction: all its rows or "
	    "none.",
	    desc);
	GOptionEntry entries[] = {
	    {"dry-run", 0, 0, G_OPTION_ARG_NONE, &o->dry_run,
	     "check the files and say what would be loaded; write nothing",
	     NULL},
	    {"replace", 0, 0, G_OPTION_ARG_STRING, &o->replace,
	     "load the file in place of an earlier batch of the same kind",
	     "BATCH"},
	    {"date-format", 0, 0, G_OPTION_ARG_STRING, &o->date_format,
	     "how to read slash dates like 12/11/2023: dmy or mdy", "ORDER"},
	    {"decimal-mark", 0, 0, G_OPTION_ARG_STRING, &o->decimal_mark,
	     "the decimal mark of amounts like 50,000: ',' or '.'", "MARK"},
	    {"sheet", 0, 0, G_OPTION_ARG_STRING, &o->sheet,
	     "the sheet of a workbook to read (default: the first)", "NAME"},
	    {"encoding", 0, 0, G_OPTION_ARG_STRING, &o->encoding,
	     "a text file's encoding if not UTF-8, such as cp1251", "NAME"},
	    {"map", 0, 0, G_OPTION_ARG_FILENAME, &o->map,
	     "read headers and values as the mapping FILE says", "FILE"},
	    {"print-map", 0, 0, G_OPTION_ARG_NONE, &o->print_map,
	     "print how each file's header is read, as a map; load "
	     "nothing",
	     NULL},
	    G_OPTION_ENTRY_NULL,
	};

	g_free(desc);
	g_option_context_add_main_entries(octx, entries, NULL);
	return octx;
}

static int check_options(struct cli *cli, const struct import_opts *o,
                         struct imp_options *io)
{
	memset(io, 0, sizeof(*io));
	io->dry_run = o->dry_run;
	if (o->replace && !cli_batch_number(o->replace, &io->replace_batch))
		return cli_usage(cli,
		                 "--replace takes a batch number (see 'cbm "
		                 "batches'), not '%s'",
		                 o->replace);
	if (o->date_format && strcmp(o->date_format, "dmy") == 0)
		io->date_format = IMP_DATES_DMY;
	else if (o->date_format && strcmp(o->date_format, "mdy") == 0)
		io->date_format = IMP_DATES_MDY;
	else if (o->date_format)
		return cli_usage(cli, "--date-format is dmy or mdy, not '%s'",
		                 o->date_format);
	if (o->decimal_mark && (strcmp(o->decimal_mark, ",") == 0 ||
	                        strcmp(o->decimal_mark, ".") == 0))
		io->decimal_mark = o->decimal_mark[0];
	else if (o->decimal_mark)
		return cli_usage(cli, "--decimal-mark is ',' or '.', not '%s'",
		                 o->decimal_mark);
	if (o->sheet && !*o->sheet)
		return cli_usage(cli, "--sheet takes the name of a sheet");
	io->sheet = o->sheet;
	if (o->encoding && !imp_encoding_known(o->encoding))
		return cli_usage(cli,
		                 "--encoding: unknown encoding '%s' (such as "
		                 "cp1251, UTF-16LE; 'iconv --list' shows them)",
		                 o->encoding);
	io->encoding = o->encoding;
	io->print_map = o->print_map;
	return CBM_OK;
}

/* The --map file, read once the kind is known. */
static int load_map(struct cli *cli, const struct import_opts *o,
                    enum imp_kind kind, struct imp_map **map)
{
	struct cbm_error err = {0};

	*map = NULL;
	if (!o->map)
		return CBM_OK;
	if (imp_map_load(map, kind, o->map, &err) != CBM_OK)
		return cli_fail(cli, &err);
	return CBM_OK;
}

/* A progress bar on a terminal for files over a few MiB; quiet otherwise. */
static void progress(void *data, uint64_t bytes, uint64_t total)
{
	const char *file = data;

	if (total < (8u << 20) || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%s: %3d %%", file, (int)(100.0 * bytes / total));
	if (bytes >= total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static void print_diags(const struct imp_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		char *line = imp_diag_format(&d->items[i]);
		fprintf(stderr, "%s\n", line);
		g_free(line);
	}
}

/* The errors of a refused file, those only counted in a summary too. */
static size_t error_count(const struct imp_diags *d)
{
	return d->errors + d->unlisted;
}

static void print_counts(const struct imp_result *res)
{
	for (int i = 0; i < res->n_counts; i++)
		printf("%s%ld %s", i ? ", " : "", res->counts[i].count,
		       res->counts[i].what);
}

/* Says what happened to FILE; returns its exit status. */
static int report_file(struct cli *cli, const char *file, int rc,
                       const struct imp_result *res,
                       const struct imp_options *io,
                       const struct cbm_error *err)
{
	print_diags(&res->diags);
	if (io->print_map && res->mapping) {
		fputs(res->mapping, stdout);
		return rc == CBM_OK ? CBM_OK : CBM_EDATA;
	}
	if (rc == CBM_EDATA && res->diags.errors) {
		if (res->diags.truncated)
			fprintf(stderr,
			        "%s: refused; reading stopped after %zu "
			        "errors; nothing was loaded\n",
			        file, error_count(&res->diags));
		else
			fprintf(stderr,
			        "%s: refused with %zu error%s; nothing was "
			        "loaded\n",
			        file, error_count(&res->diags),
			        error_count(&res->diags) == 1 ? "" : "s");
		return CBM_EDATA;
	}
	if (rc != CBM_OK)
		return cli_fail(cli, err);
	if (res->already_loaded) {
		printf("%s: already loaded as batch %lld; nothing to do\n",
		       file, (long long)res->already_loaded);
	} else if (res->rows == 0) {
		printf("%s: header only; nothing to load\n", file);
	} else if (io->dry_run) {
		printf("%s: valid; would load ", file);
		print_counts(res);
		printf(" (dry run: nothing written)\n");
	} else {
		printf("%s: loaded as batch %lld: ", file,
		       (long long)res->batch_id);
		print_counts(res);
		if (io->replace_batch)
			printf(" (in place of batch %lld)",
			       (long long)io->replace_batch);
		printf("\n");
	}
	return CBM_OK;
}

/* Says what happened to one file (NAME; with its sheet for a workbook);
 * returns its exit status. */
static int report(struct cli *cli, const char *name, int rc,
                  const struct imp_result *res, const struct imp_options *io,
                  const struct cbm_error *err)
{
	char *file = imp_where(name, res->sheet);
	int status = report_file(cli, file, rc, res, io, err);

	g_free(file);
	return status;
}

/* The database to import into: the user's, or for a dry run a private
 * copy in the temporary folder, so that a dry run needs only read access
 * (the dispatcher opened the user's read-only) and cannot change a byte of
 * it.  *DB is the copy then (the caller closes it); COPY is its file,
 * removed by cbm_outfile_abort(). */
static int open_target(struct cli *cli, bool dry_run, struct st_db **db,
                       struct cbm_outfile *copy)
{
	struct cbm_error err = {0};
	char *path;
	enum cbm_status rc;

	*db = NULL;
	if (!dry_run)
		return CBM_OK;
	path = g_build_filename(g_get_tmp_dir(), "cbm-dry-run.sqlite", NULL);
	rc = cbm_outfile_open(copy, path, &err);
	if (rc == CBM_OK)
		rc = st_backup(cli->db, copy->tmp, &err);
	if (rc == CBM_OK)
		rc = st_open(db, copy->tmp, ST_OPEN_READWRITE, &err);
	g_free(path);
	if (rc != CBM_OK) {
		cbm_outfile_abort(copy);
		return cli_fail(cli, &err);
	}
	return CBM_OK;
}

static int import_files(struct cli *cli, enum imp_kind kind, int n,
                        char **files, struct imp_options *io)
{
	struct st_db *db = NULL;
	struct cbm_outfile copy = {0};
	struct cbm_error err = {0};
	GString *loaded;
	int rc = CBM_OK;

	rc = open_target(cli, io->dry_run, &db, &copy);
	if (rc != CBM_OK)
		return rc;
	loaded = g_string_new(NULL);
	for (int i = 0; i < n && rc == CBM_OK; i++) {
		struct imp_result res;
		imp_result_init(&res);
		const char *name = imp_input_name(files[i]);
		io->progress_data = (void *)name;
		rc = imp_import_file(db ? db : cli->db, kind, files[i], io,
		                     &res, &err);
		rc = report(cli, name, rc, &res, io, &err);
		if (rc == CBM_OK && res.batch_id)
			g_string_append_printf(loaded, "%s%s (batch %lld)",
			                       loaded->len ? ", " : "", name,
			                       (long long)res.batch_id);
		else if (rc != CBM_OK && i + 1 < n)
			fprintf(stderr, "stopped at %s; loaded before it: %s\n",
			        name, loaded->len ? loaded->str : "none");
		imp_result_release(&res);
	}
	g_string_free(loaded, TRUE);
	st_close(db);
	cbm_outfile_abort(&copy);
	return rc;
}

int cmd_import_help_kind(struct cli *cli, const char *name)
{
	enum imp_kind kind;
	char *text;

	if (!imp_kind_parse(name, &kind))
		return cli_usage(cli, "unknown file kind '%s'", name);
	text = imp_kind_help(kind);
	fputs(text, stdout);
	g_free(text);
	return CBM_OK;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	struct import_opts o = {0};
	GOptionContext *octx = cmd_import_options(cli, &o);
	struct imp_options io;
	struct imp_map *map = NULL;
	enum imp_kind kind;
	int rc = cli_parse(cli, octx, &argc, &argv);

	g_option_context_free(octx);
	if (rc == CBM_OK)
		rc = check_options(cli, &o, &io);
	if (rc == CBM_OK && argc < 3)
		rc = cli_usage(cli, "give a file kind and at least one file");
	if (rc == CBM_OK && !imp_kind_parse(argv[1], &kind))
		rc = cli_usage(cli, "unknown file kind '%s'", argv[1]);
	if (rc == CBM_OK && o.replace && argc > 3)
		rc = cli_usage(cli, "--replace takes one file");
	if (rc == CBM_OK && o.print_map && (o.dry_run || o.replace))
		rc = cli_usage(cli, "--print-map loads nothing; it takes "
		                    "neither --dry-run nor --replace");
	if (rc == CBM_OK)
		rc = load_map(cli, &o, kind, &map);
	io.map = map;
	/* A dry run reads the database and imports into a copy; a map is
	 * printed from the file alone. */
	if (rc == CBM_OK && io.dry_run)
		cli->db_mode = CLI_DB_READ;
	if (rc == CBM_OK && !io.print_map)
		rc = cli_ready(cli);
	if (rc == CBM_OK) {
		io.progress = progress;
		rc = import_files(cli, kind, argc - 2, argv + 2, &io);
	}
	g_free(o.date_format);
	g_free(o.decimal_mark);
	g_free(o.replace);
	g_free(o.sheet);
	g_free(o.encoding);
	g_free(o.map);
	imp_map_close(map);
	return rc;
}
