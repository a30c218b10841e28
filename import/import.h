/*
 * import.h - reading the secretariat's CSV files into the store.
 *
 * One file is one batch and one transaction: all its rows or none.  Files
 * arrive as Excel and LibreOffice write them (BOM or not, ',' ';' or tab,
 * CRLF or LF, quoted newlines, "50 000,00", "12.12.2023", states named in
 * English, Russian or Kazakh), so the reading layer is forgiving about form
 * and strict about meaning: every value is checked, and every problem is
 * reported as FILE:LINE:COLUMN: message 'value' (up to IMP_MAX_ERRORS per
 * file) before anything is written.
 *
 * Layers, each usable alone (the fuzzers and the tests call them
 * directly): imp_csv_* reads records with their physical line numbers;
 * imp_parse_* turn one field into a value; imp_names_* resolve state
 * names; imp_import_file() drives a whole file of one kind.
 */
#ifndef CBM_IMPORT_H
#define CBM_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cbm.h"
#include "store.h"

#define IMP_MAX_ERRORS       50
#define IMP_MAX_FIELD_BYTES  (1u << 20) /* one field: 1 MiB */
#define IMP_MAX_FIELDS       256        /* fields in one record */
#define IMP_MAX_RECORD_BYTES (4u << 20) /* one record, quoted lines too */
#define IMP_MAX_TEXT_CHARS   1000       /* names, titles, notes */

/* ---- diagnostics --------------------------------------------------------- */

enum imp_severity { IMP_ERROR, IMP_WARNING };

/* One problem found in a file.  line is 1-based (the header is line 1),
 * 0 for the file as a whole; column is a header name or "" when the problem
 * is the record itself; value is the offending text or NULL. */
struct imp_diag {
	enum imp_severity severity;
	char *file;
	long line;
	char *column;
	char *message;
	char *value;
};

/* A list of diagnostics; owns its entries. */
struct imp_diags {
	struct imp_diag *items;
	size_t n, cap;
	size_t errors;  /* entries with IMP_ERROR */
	bool truncated; /* more than IMP_MAX_ERRORS errors were found */
};

void imp_diags_init(struct imp_diags *d);
void imp_diags_release(struct imp_diags *d);

/* Adds a diagnostic; copies every string.  Errors beyond IMP_MAX_ERRORS
 * only set d->truncated.  Warnings are kept up to the same number. */
void imp_diags_add(struct imp_diags *d, enum imp_severity sev, const char *file,
                   long line, const char *column, const char *value,
                   const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Formats one diagnostic as "FILE:LINE:COLUMN: message 'value'" (the
 * contract of DESIGN.md), "warning: " after the location for warnings.
 * Returns a string the caller frees with g_free(). */
char *imp_diag_format(const struct imp_diag *diag);

/* ---- reading CSV --------------------------------------------------------- */

/* One record: its fields (NUL-terminated, borrowed until the callback
 * returns) and the physical line on which it starts. */
struct imp_record {
	long line;
	size_t n_fields;
	char **fields;
	size_t *lengths;
};

/* Called for each record, the header first (index 0).  Return non-zero to
 * stop reading. */
typedef int (*imp_record_fn)(void *data, size_t index,
                             const struct imp_record *rec);

struct imp_csv_stats {
	long lines;     /* physical lines read */
	long records;   /* records delivered, header included */
	char delimiter; /* ',', ';' or '\t' */
	uint64_t bytes; /* bytes read */
};

/* Reads CSV from FP (named NAME in diagnostics): UTF-8 check per line with
 * an optional BOM, delimiter detected from the header line, quoted
 * delimiters, quotes and newlines, CRLF or LF.  Records whose number of
 * fields differs from the header's, that hold bad UTF-8 or break a limit
 * are reported in DIAGS and not delivered.  PROGRESS, when not NULL, is
 * called now and then with the bytes read so far.  Returns CBM_EINTERNAL on
 * an I/O error, otherwise CBM_OK (data problems are in DIAGS). */
enum cbm_status imp_csv_read(FILE *fp, const char *name, imp_record_fn fn,
                             void *data, struct imp_diags *diags,
                             struct imp_csv_stats *stats,
                             void (*progress)(void *, uint64_t), void *pdata);

/* ---- parsing one field --------------------------------------------------- */

enum imp_date_format { IMP_DATES_STRICT, IMP_DATES_DMY, IMP_DATES_MDY };

/* Parses an amount into minor units of a currency with EXPONENT decimals:
 * digits with an optional decimal part, thousands separated by space,
 * U+00A0, U+2009, U+202F, ',' or '.'.  DECIMAL_MARK is 0 (decide from the
 * text, refusing "50,000" as ambiguous), ',' or '.'.  More than
 * CBM_AMOUNT_MAX (10^15) minor units is refused, so that no sum of
 * accepted amounts can fail a figure.  On failure returns false and
 * writes the reason into WHY (size WHY_N). */
bool imp_parse_amount(const char *text, int exponent, char decimal_mark,
                      int64_t *minor, char *why, size_t why_n);

/* Parses "2023-12-12", "12.12.2023" or "12 December 2023" ("12 Dec 2023"),
 * and slash dates only when FORMAT says dmy or mdy.  Days since 1970. */
bool imp_parse_date(const char *text, enum imp_date_format format,
                    int32_t *days, char *why, size_t why_n);

/* Parses a year 1900..2100. */
bool imp_parse_year(const char *text, int *year);

/* Parses a non-negative decimal number without thousands separators
 * ("12", "6.5", "6,5", "0.0006896552"): rates, person-months, shares.
 * DECIMAL_MARK is 0 (either, but a single mark followed by exactly three
 * digits is ambiguous, as for amounts), ',' or '.'.  On failure writes
 * the reason into WHY. */
bool imp_parse_decimal(const char *text, char decimal_mark, double *out,
                       char *why, size_t why_n);

/* Trims leading and trailing white space, Unicode spaces included, in
 * place; returns TEXT. */
char *imp_trim(char *text);

/* Checks free text: at most IMP_MAX_TEXT_CHARS characters and no control
 * characters other than tab and newline (when ALLOW_NEWLINE). */
bool imp_check_text(const char *text, bool allow_newline, char *why,
                    size_t why_n);

/* ---- state names --------------------------------------------------------- */

struct imp_names;

/* Loads every state's code, names and aliases from DB for resolution.  The
 * caller owns *OUT (imp_names_close). */
enum cbm_status imp_names_open(struct imp_names **out, struct st_db *db,
                               struct cbm_error *err);
void imp_names_close(struct imp_names *names);

/* Adds NAME as a key of state CODE.  Returns false (and the code that
 * already has it in *OTHER) when the key belongs to another state. */
bool imp_names_add(struct imp_names *names, const char *name, const char *code,
                   const char **other);

/* True when no state is known. */
bool imp_names_empty(const struct imp_names *names);

/* Resolves a code, name or alias after Unicode normalisation and case
 * folding; returns the state's code (owned by NAMES) or NULL. */
const char *imp_names_resolve(struct imp_names *names, const char *name);

/* The known name nearest to NAME by edit distance, or NULL when none is
 * close enough to suggest; owned by NAMES. */
const char *imp_names_suggest(struct imp_names *names, const char *name);

/* The normalised, case-folded key of NAME; caller frees with g_free(). */
char *imp_names_key(const char *name);

/* ---- importing files ----------------------------------------------------- */

enum imp_kind {
	IMP_STATES,
	IMP_AREAS,
	IMP_COORDINATORS,
	IMP_PLAN,
	IMP_CONTRIBUTIONS,
	IMP_PLEDGES,
	IMP_BUDGET,
	IMP_FX,
	IMP_SECONDMENTS,
	IMP_SCALE,
	IMP_ORGANIZATION, /* the organisation's names and emblem (issue 11) */
	IMP_KIND_COUNT
};

/* Parses a kind name ("states", "plan", ...); false when unknown. */
bool imp_kind_parse(const char *name, enum imp_kind *out);
const char *imp_kind_name(enum imp_kind kind);

/* The columns of KIND (NULL-terminated, static) and, in *REQUIRED, a bit
 * set per required column. */
const char *const *imp_kind_columns(enum imp_kind kind, unsigned *required);

struct imp_options {
	enum imp_date_format date_format;
	char decimal_mark;     /* 0, ',' or '.' */
	bool dry_run;          /* validate only, write nothing */
	int64_t replace_batch; /* 0, or the batch this file replaces */
	void (*progress)(void *data, uint64_t bytes, uint64_t total);
	void *progress_data;
};

/* What an import did. */
struct imp_result {
	int64_t batch_id;       /* the new batch, 0 if none was written */
	int64_t already_loaded; /* batch that had this file, or 0 */
	long rows;              /* data records in the file */
	struct {
		const char *what; /* "contributions", "organizers", ... */
		long count;
	} counts[4];
	int n_counts;
	struct imp_diags diags;
};

void imp_result_init(struct imp_result *res);
void imp_result_release(struct imp_result *res);

/* Imports the file at PATH as KIND into DB, in one transaction (BEGIN
 * IMMEDIATE).  PATH "-" is standard input; it and a named pipe are
 * spooled to a temporary file (hashed as they are read); a folder or a
 * device is CBM_EUSAGE at once.  Returns CBM_OK when loaded (or already loaded,
 * or empty, or validated with opt->dry_run), CBM_EDATA when the file was
 * refused (see res->diags; the database is unchanged), CBM_EINTERNAL on I/O or
 * SQLite failure (err). */
/* The name errors use for PATH: "stdin" for "-", else PATH. */
const char *imp_input_name(const char *path);

enum cbm_status imp_import_file(struct st_db *db, enum imp_kind kind,
                                const char *path, const struct imp_options *opt,
                                struct imp_result *res, struct cbm_error *err);

#endif /* CBM_IMPORT_H */
