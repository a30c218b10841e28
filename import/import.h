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
 * Workbooks (.xlsx, .ods) go through the same validation: their rows
 * arrive as the same records, each field with its cell's type (a number
 * cell is a number, a date cell a date), and problems are reported as
 * FILE:SHEET!CELL:COLUMN.  Text files may be UTF-8, UTF-16 with a BOM, or
 * in any encoding iconv knows; they are converted to UTF-8 as they are
 * read, keeping the file's own line numbers.
 *
 * Layers, each usable alone (the fuzzers and the tests call them
 * directly): imp_sniff_* tells what a file is from its bytes; imp_csv_*
 * reads text records with their physical line numbers; imp_workbook_*
 * reads the rows of one sheet; imp_parse_* turn one field into a value;
 * imp_names_* resolve state names; imp_import_file() drives a whole file
 * of one kind.
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

enum imp_severity {
	IMP_ERROR,
	IMP_WARNING,
	IMP_NOTE, /* a line that sums up errors not listed one by one */
};

/* One problem found in a file.  line is 1-based (the header is line 1),
 * 0 for the file as a whole; column is a header name or "" when the problem
 * is the record itself; value is the offending text or NULL.  In a
 * workbook, sheet names the sheet, line is the row and cell the column of
 * the cell in the sheet (0 is A), -1 for the row as a whole; in a text
 * file sheet is NULL and cell -1. */
struct imp_diag {
	enum imp_severity severity;
	char *file;
	long line;
	char *column;
	char *message;
	char *value;
	char *sheet;
	int cell;
};

/* A list of diagnostics; owns its entries. */
struct imp_diags {
	struct imp_diag *items;
	size_t n, cap;
	size_t errors;   /* entries with IMP_ERROR */
	size_t unlisted; /* errors only counted in an IMP_NOTE */
	bool truncated;  /* more than IMP_MAX_ERRORS errors were found */
};

void imp_diags_init(struct imp_diags *d);
void imp_diags_release(struct imp_diags *d);

/* Adds a diagnostic; copies every string.  Errors beyond IMP_MAX_ERRORS
 * only set d->truncated.  Warnings are kept up to the same number. */
void imp_diags_add(struct imp_diags *d, enum imp_severity sev, const char *file,
                   long line, const char *column, const char *value,
                   const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Adds a diagnostic at a cell of SHEET: ROW (0: the sheet as a whole)
 * and CELL, the cell's column in the sheet (0 is A; -1: the row as a
 * whole).  With SHEET NULL it is imp_diags_add(). */
void imp_diags_add_cell(struct imp_diags *d, enum imp_severity sev,
                        const char *file, const char *sheet, long row, int cell,
                        const char *column, const char *value, const char *fmt,
                        ...) __attribute__((format(printf, 9, 10)));

/* Puts the entries in the order of their lines, stably: the file as a
 * whole (line 0) first, notes last, so that problems found after the
 * reading (duplicates of loaded rows) read beside the others. */
void imp_diags_sort(struct imp_diags *d);

/* Formats one diagnostic as "FILE:LINE:COLUMN: message 'value'" (the
 * contract of DESIGN.md), "warning: " after the location for warnings; in
 * a workbook "FILE:SHEET!C14:COLUMN: ...", or "FILE:SHEET!14" for a whole
 * row.  Returns a string the caller frees with g_free(). */
char *imp_diag_format(const struct imp_diag *diag);

/* "FILE", or "FILE:SHEET" when SHEET is not NULL, with SHEET quoted as
 * Excel quotes it in a reference ('Budget 2024') when it holds anything
 * but letters, digits and '_'.  The caller frees it with g_free(). */
char *imp_where(const char *file, const char *sheet);

/* The name of the cell at ROW (1-based) and column COL (0 is A) of a
 * sheet, such as "C14", into BUF; COL < 0 gives the row alone ("14"). */
void imp_cell_name(long row, int col, char buf[24]);

/* ---- records ------------------------------------------------------------- */

/* What a workbook cell held.  Every field also has its text: a number
 * reads in its plain form rounded to 15 significant digits ("50000",
 * "1234.56"), a date in ISO form ("2023-12-12"). */
enum imp_cell_type {
	IMP_CELL_TEXT,
	IMP_CELL_EMPTY,
	IMP_CELL_NUMBER,
	IMP_CELL_DATE,
};

struct imp_cell {
	enum imp_cell_type type;
	int column;    /* the cell's column in the sheet, 0 is A */
	double number; /* IMP_CELL_NUMBER: rounded to 15 significant digits */
	int32_t days;  /* IMP_CELL_DATE: days since 1970-01-01 */
};

/* One record: its fields (NUL-terminated, writable, borrowed until the
 * callback returns) and the physical line on which it starts, or in a
 * workbook the row.  A text file has neither sheet nor cells (every field
 * is text); a workbook gives its sheet's name and one cell per field. */
struct imp_record {
	long line;
	size_t n_fields;
	char **fields;
	size_t *lengths;
	const char *sheet;
	const struct imp_cell *cells;
};

/* Called for each record, the header first (index 0).  Return non-zero to
 * stop reading. */
typedef int (*imp_record_fn)(void *data, size_t index,
                             const struct imp_record *rec);

struct imp_csv_stats {
	long lines;     /* physical lines read (a workbook: rows) */
	long records;   /* records delivered, header included */
	char delimiter; /* ',', ';' or '\t'; 0 for a workbook */
	uint64_t bytes; /* bytes read (a workbook: of the sheet's XML) */
};

/* ---- what a file is ------------------------------------------------------ */

enum imp_format {
	IMP_FORMAT_TEXT,    /* UTF-8, or nothing better: read as UTF-8 */
	IMP_FORMAT_UTF16LE, /* text with a UTF-16 byte-order mark */
	IMP_FORMAT_UTF16BE,
	IMP_FORMAT_CP1251, /* not UTF-8, and reads as Russian Windows-1251 */
	IMP_FORMAT_ZIP,    /* a zip archive: .xlsx or .ods */
	IMP_FORMAT_OLE2,   /* a legacy .xls or an encrypted workbook */
};

/* The state of recognising a file from its bytes, fed in order. */
struct imp_sniff {
	unsigned char head[8];
	size_t head_n;
	unsigned char partial[4]; /* an unfinished UTF-8 character */
	size_t partial_n;
	bool utf8;   /* valid UTF-8 so far */
	bool cp1251; /* every byte above 0x7F one that Russian text uses */
	bool high;   /* a byte above 0x7F was seen */
	bool word;   /* two of them in a row were Russian letters */
	int prev;    /* the class of the previous byte */
};

void imp_sniff_init(struct imp_sniff *s);
void imp_sniff_update(struct imp_sniff *s, const void *buf, size_t n);

/* What the bytes fed so far are: by their first bytes (zip, OLE2,
 * byte-order marks), else UTF-8 when they are valid UTF-8, else
 * Windows-1251 when every byte above 0x7F is a Russian letter (А-я, Ё,
 * ё, І, і), '№', '«', '»', a dash or a no-break space, no such letter
 * touches a Latin one ("Tьrkiye" is Latin-1 "Türkiye") and two such
 * letters stand together somewhere (a word, not a stray accented
 * letter), else text. */
enum imp_format imp_sniff_result(const struct imp_sniff *s);

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

/* Reads CSV as imp_csv_read() does, from text in ENCODING (a name iconv
 * knows: "cp1251", "UTF-16LE", ...) converted to UTF-8 as it is read.
 * Line numbers are those of the file; a byte that does not read in
 * ENCODING is an error at its line, and its record is not delivered.
 * ENCODING NULL or "UTF-8" is imp_csv_read().  Returns CBM_EUSAGE when
 * iconv does not know ENCODING. */
enum cbm_status imp_csv_read_encoded(FILE *fp, const char *name,
                                     const char *encoding, imp_record_fn fn,
                                     void *data, struct imp_diags *diags,
                                     struct imp_csv_stats *stats,
                                     void (*progress)(void *, uint64_t),
                                     void *pdata);

/* True when iconv can convert ENCODING to UTF-8. */
bool imp_encoding_known(const char *encoding);

/* ---- reading workbooks --------------------------------------------------- */

struct imp_workbook;

/* Opens the workbook in FP (a zip archive: an Office Open XML .xlsx or an
 * OpenDocument .ods, told apart by its content), named NAME in
 * diagnostics, and chooses its sheet SHEET, or the first worksheet when
 * SHEET is NULL.  FP stays the caller's and must stay open and unread
 * until imp_workbook_close().  A damaged archive, a zip that holds no
 * workbook, an encrypted one or a missing sheet is an error in DIAGS and
 * CBM_EDATA.  The caller owns *OUT (imp_workbook_close). */
enum cbm_status imp_workbook_open(struct imp_workbook **out, FILE *fp,
                                  const char *name, const char *sheet,
                                  struct imp_diags *diags);

/* The name of the chosen sheet, owned by WB. */
const char *imp_workbook_sheet(const struct imp_workbook *wb);

/* Reads the chosen sheet's rows as records, like imp_csv_read(): the
 * header is its first non-empty row; empty rows are skipped, rows keep
 * their numbers; the fields are the header's non-empty cells, in order
 * (a value under a column without a header is a warning).  Each field
 * has its cell: a number (rounded to 15 significant digits), a date
 * (xlsx: a number under a date format, 1900 or 1904 date system; ods: a
 * date value), text (shared, inline and rich strings joined) or empty.  A
 * formula gives its saved value; a merged range gives every cell its
 * top-left value.  A formula without a saved value, an error value
 * (#N/A) or a merged header is an error at its cell, and its row is not
 * delivered.  Memory stays flat in the number of rows; the strings a
 * sheet shares are held, up to a limit.  Returns CBM_OK (data problems
 * are in DIAGS). */
enum cbm_status imp_workbook_read(struct imp_workbook *wb, imp_record_fn fn,
                                  void *data, struct imp_diags *diags,
                                  struct imp_csv_stats *stats,
                                  void (*progress)(void *, uint64_t),
                                  void *pdata);

/* Closes WB; imp_workbook_close(NULL) is a no-op. */
void imp_workbook_close(struct imp_workbook *wb);

/* ---- parsing one field --------------------------------------------------- */

enum imp_date_format { IMP_DATES_STRICT, IMP_DATES_DMY, IMP_DATES_MDY };

/* Why a field did not parse.  Callers decide from the code what to add to
 * a message (the currency of IMP_R_DECIMALS); imp_why_text() alone puts
 * a reason into words. */
enum imp_reason {
	IMP_OK,
	IMP_R_EMPTY_AMOUNT,
	IMP_R_AMOUNT_TOO_LONG,  /* over 127 characters */
	IMP_R_NEGATIVE,         /* a minus sign */
	IMP_R_NOT_AMOUNT,       /* bad UTF-8 in an amount */
	IMP_R_UNEXPECTED,       /* a character no amount has: why->bad */
	IMP_R_TWO_MARKS,        /* the decimal mark why->mark twice */
	IMP_R_MIXED_MARKS,      /* "1,234.5.6" */
	IMP_R_AMBIGUOUS_AMOUNT, /* "50,000": why->mark */
	IMP_R_GROUPS,           /* separators not between groups of three */
	IMP_R_DECIMAL_PART,     /* "50." */
	IMP_R_DECIMALS,         /* why->n decimals, why->exponent allowed */
	IMP_R_TOO_LARGE,        /* over 10^15 minor units (why->exponent) */
	IMP_R_AMBIGUOUS_DATE,   /* a slash date without --date-format */
	IMP_R_TWO_DIGIT_YEAR,   /* "12.12.23" without --date-format */
	IMP_R_NOT_DATE,
	IMP_R_NO_SUCH_DATE, /* 31.02.2024, or outside 1900..2100 */
	IMP_R_NOT_NUMBER,
	IMP_R_AMBIGUOUS_NUMBER, /* "15,000" as a rate: why->mark */
	IMP_R_CONTROL,          /* a control character, U+why->n */
	IMP_R_TEXT_TOO_LONG,    /* why->n characters */
};

struct imp_why {
	enum imp_reason reason;
	char mark;   /* the decimal mark in question */
	char bad[8]; /* IMP_R_UNEXPECTED: the character, as UTF-8 */
	long n;      /* decimals, characters or a code point */
	int exponent;
};

/* The message of WHY ("3 decimals, but the currency has 2") into BUF. */
void imp_why_text(const struct imp_why *why, char *buf, size_t n);

/* The readers of one field: true and the value, or false and WHY.  The
 * imp_parse_* forms below are the same with the reason in words. */
bool imp_read_amount(const char *text, int exponent, char decimal_mark,
                     int64_t *minor, struct imp_why *why);
bool imp_read_date(const char *text, enum imp_date_format format, int32_t *days,
                   struct imp_why *why);
bool imp_read_decimal(const char *text, char decimal_mark, double *out,
                      struct imp_why *why);
bool imp_read_text(const char *text, bool allow_newline, struct imp_why *why);

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
 * and slash dates and two-digit years (read as 20yy: "12.12.23") only
 * when FORMAT says dmy or mdy.  Days since 1970. */
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

/* NAME after NFKC, Unicode case folding and NFKC again, the base of every
 * key cbm compares names by; "" when NAME is not UTF-8.  Caller frees
 * with g_free(). */
char *imp_fold(const char *name);

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

/* One value of an enumerated column: the English word cbm stores, and
 * the Russian and Kazakh words read as it (NULL-terminated). */
struct imp_enum_value {
	const char *en;
	const char *ru[6];
	const char *kk[6];
};

/* The column of a file kind, as the data contract and the header
 * matching know it. */
struct imp_column_info {
	const char *name;                    /* English: "received_on" */
	bool required;                       /* an error when missing */
	const char *what;                    /* "date", "amount", "state" */
	const char *const *ru;               /* built-in Russian headers */
	const char *const *kk;               /* built-in Kazakh headers */
	const struct imp_enum_value *values; /* enumerated: en NULL ends */
};

/* The number of columns of KIND, and column I of them (0 ... n-1), in
 * the contract's order; static. */
int imp_kind_n_columns(enum imp_kind kind);
void imp_kind_column(enum imp_kind kind, int i, struct imp_column_info *out);

/* The text of `cbm help import KIND`: every column with its English,
 * Russian and Kazakh names, and the words of its enumerated values.
 * The caller frees it with g_free(). */
char *imp_kind_help(enum imp_kind kind);

/* ---- saved mappings (--map) ---------------------------------------------- */

/* A mapping file: "header" = column lines, which make a header the file
 * uses a name of a column, and column: "value in file" = value lines,
 * which read a value of that column as another; '#' starts a comment;
 * quotes are needed only around a name that holds '=' or ':' (a quote
 * inside quotes is doubled). */
struct imp_map;

/* Reads the mapping file PATH for KIND.  A line that is not one of the
 * two forms, a column KIND does not have or a value its column cannot
 * take is CBM_EUSAGE naming PATH:LINE.  The caller owns *OUT
 * (imp_map_close). */
enum cbm_status imp_map_load(struct imp_map **out, enum imp_kind kind,
                             const char *path, struct cbm_error *err);

/* The same from TEXT, named NAME in messages. */
enum cbm_status imp_map_parse(struct imp_map **out, enum imp_kind kind,
                              const char *name, const char *text,
                              struct cbm_error *err);
void imp_map_close(struct imp_map *map);

struct imp_options {
	enum imp_date_format date_format;
	char decimal_mark;     /* 0, ',' or '.' */
	bool dry_run;          /* validate only, write nothing */
	int64_t replace_batch; /* 0, or the batch this file replaces */
	void (*progress)(void *data, uint64_t bytes, uint64_t total);
	void *progress_data;
	const char *sheet;         /* a workbook's sheet; NULL: the first */
	const char *encoding;      /* a text file's encoding, for one without a
	                            * byte-order mark; NULL: UTF-8, or
	                            * Windows-1251 when it reads as such */
	const struct imp_map *map; /* --map: headers and values, or NULL */
	bool print_map; /* read the header only; res->mapping says how it
	                 * maps onto the kind's columns; load nothing */
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
	char *sheet; /* the sheet read from a workbook, else NULL; owned */
	/* How the header was read, in the --map format (a line per header
	 * that is not the English name of its column, a line per value
	 * mapping); "" when every header is English.  With
	 * opt->print_map, the whole mapping with comments.  Owned. */
	char *mapping;
};

void imp_result_init(struct imp_result *res);
void imp_result_release(struct imp_result *res);

/* The name errors use for PATH: "stdin" for "-", else PATH. */
const char *imp_input_name(const char *path);

/* Imports the file at PATH as KIND into DB, in one transaction (BEGIN
 * IMMEDIATE).  PATH "-" is standard input; it and a named pipe are
 * spooled to a temporary file (hashed as they are read); a folder or a
 * device is CBM_EUSAGE at once.  What the file is comes from its content
 * (imp_sniff_result), not its name: a workbook's sheet (opt->sheet, else
 * the first) or text in its encoding.  A batch is the file's SHA-256, its
 * kind and its sheet: the same file already loaded as that kind and sheet
 * is not loaded again.  The batch records the operating-system user and
 * res->mapping.  Returns CBM_OK when loaded (or already loaded, or
 * empty, or validated with opt->dry_run), CBM_EDATA when the file was
 * refused (see res->diags; the database is unchanged), CBM_EUSAGE for
 * opt->sheet with a text file or an encoding iconv does not know,
 * CBM_EINTERNAL on I/O or SQLite failure (err). */

enum cbm_status imp_import_file(struct st_db *db, enum imp_kind kind,
                                const char *path, const struct imp_options *opt,
                                struct imp_result *res, struct cbm_error *err);

#endif /* CBM_IMPORT_H */
