/*
 * output.h - results in the formats people and programs read: a table for
 * a terminal, CSV, JSON and Excel workbooks (.xlsx, with libxlsxwriter).
 * A library of its own so that every front end (the cbm command line, a
 * later web view) writes a result alike.
 *
 * A result is a list of named columns and rows of cells; each cell carries
 * its plain value (for csv, json and the workbook), what kind of value it
 * is (money with its decimals, a rate, a date, ...) and optionally a form
 * for people.  Nothing here knows figures, SQL or languages: the caller
 * gives the text, this module lays it out.
 *
 * Invariants:
 *  - Writing never fails silently: a stream keeps its first error
 *    (out_stream_status), and a caller that writes to a FILE checks
 *    ferror() or commits a cbm_outfile, which does.
 *  - Memory of a streamed result stays bounded whatever its rows, in a
 *    workbook too (libxlsxwriter's constant-memory mode).
 *  - A totals row is for people: the table and the workbook show it, CSV
 *    and JSON never do.
 */
#ifndef CBM_OUTPUT_H
#define CBM_OUTPUT_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cbm.h"

/* OUT_HTML is a <table> for a web page (every value escaped, the form
 * for people, numbers marked class="n", the totals in <tfoot>); no name
 * or extension parses to it, as no command writes a page. */
enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON, OUT_XLSX, OUT_HTML };

/* Parses "table", "csv", "json" or "xlsx". */
bool out_format_parse(const char *s, enum out_format *out);

/* The format an output file's name ends with, in any case: .txt (the
 * table), .csv, .json, .xlsx.  False for any other name. */
bool out_format_of_path(const char *path, enum out_format *out);

/* True for a format of bytes that are not text (xlsx): never written to
 * a terminal. */
bool out_format_binary(enum out_format format);

/* What a cell holds, for the formats that keep types (the workbook).  A
 * zeroed cell is OUT_AUTO: a number or a text as NUMBER says. */
enum out_kind {
	OUT_AUTO,  /* NUMBER says: a general number or a text */
	OUT_TEXT,  /* a text */
	OUT_INT,   /* an integer (a count, a year): no separators */
	OUT_MONEY, /* money with DECIMALS decimals (its currency's ISO 4217
	            * minor-unit digits): #,##0.00 */
	OUT_RATE,  /* a fraction, shown as percent with DECIMALS decimals */
	OUT_REAL,  /* another real number; DECIMALS fixed, or -1: as it is */
	OUT_DATE,  /* a day, PLAIN "YYYY-MM-DD" */
};

/* A cell of a result.  PLAIN is the value for csv and json (C-locale
 * numbers, no separators; NULL for undefined) and holds LEN bytes, which may
 * include NUL bytes (a TEXT value of SQLite may); DISPLAY, a C string or
 * NULL, is an optional form for people (table format); NUMBER marks numbers
 * (right aligned, unquoted in csv and JSON).  KIND and DECIMALS say how a
 * workbook types and formats the value (out_kind); every kind but
 * OUT_TEXT, OUT_DATE and a text OUT_AUTO is a number.
 *
 * How each format shows a value: csv writes PLAIN's bytes as they are,
 * quoted where needed; JSON escapes ", \ and every control character,
 * NUL as \u0000; the table shows a newline, carriage return or tab as a
 * space, any other control character as its Unicode control picture (NUL
 * as U+2400) and a byte that is not UTF-8 as U+FFFD, so that one value
 * stays one cell on one line; a workbook keeps a text's characters
 * (NUL as U+2400, a byte that is not UTF-8 as U+FFFD). */
struct out_cell {
	const char *plain;
	size_t len;
	const char *display;
	bool number;
	enum out_kind kind;
	int decimals;
};

/* A whole table of results, printed at once with out_print() or put in a
 * workbook with out_book_table(); its cells own their strings.  An
 * optional totals row follows the rows in the table and the workbook. */
struct out_table {
	GPtrArray *columns;      /* char * */
	GPtrArray *rows;         /* struct out_cell * arrays of columns->len */
	struct out_cell *totals; /* NULL, or columns->len cells */
	struct out_cell *last;   /* the row out_set() writes */
};

void out_table_init(struct out_table *t);
void out_table_release(struct out_table *t);
void out_table_column(struct out_table *t, const char *name);
/* Starts a new row; cells are then set with out_set*. */
void out_table_row(struct out_table *t);
/* Starts the totals row (one per table, after every row); out_set*
 * then sets its cells. */
void out_table_totals(struct out_table *t);
/* Sets cell COL of the last row started (a row or the totals); copies the
 * strings (PLAIN up to its NUL). */
void out_set(struct out_table *t, size_t col, const char *plain,
             const char *display, bool number);
/* The same with the kind of value and its decimals (out_kind). */
void out_set_kind(struct out_table *t, size_t col, const char *plain,
                  const char *display, enum out_kind kind, int decimals);
/* Prints T as a table, csv or json (not xlsx: see out_book_table); the
 * table format sizes its columns on every row and shows the totals under
 * a rule, csv and json leave them out. */
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

/* A new stream writing FORMAT (table, csv or json) to FP;
 * out_stream_close() frees it. */
struct out_stream *out_stream_open(enum out_format format, FILE *fp);
/* Adds a column named NAME (copied). */
void out_stream_column(struct out_stream *s, const char *name);
/* Writes one row of as many CELLS as columns; the strings are only read
 * during the call.  Returns false once the stream has failed (writing to
 * FP failed: a full disk, a closed pipe; a worksheet is full): the caller
 * may stop producing rows, and out_stream_status() says why. */
bool out_stream_row(struct out_stream *s, const struct out_cell *cells);
/* Writes what ends the output (held rows, the json array's end, the
 * sheet's filter and column widths). */
void out_stream_finish(struct out_stream *s);
/* CBM_OK, or the stream's first error, copied into ERR: CBM_EDATA for a
 * result a worksheet cannot hold (more than OUT_XLSX_ROWS rows, a text of
 * more than OUT_XLSX_TEXT characters), CBM_EINTERNAL for a failed write. */
enum cbm_status out_stream_status(const struct out_stream *s,
                                  struct cbm_error *err);
/* Frees S; a no-op for NULL. */
void out_stream_close(struct out_stream *s);

/* Terminal display width of a UTF-8 string (wide CJK letters count 2). */
size_t out_display_width(const char *s);

/* ---- workbooks ------------------------------------------------------------
 *
 * A workbook is written with libxlsxwriter into a file it names itself:
 * the temporary file of a struct cbm_outfile, which the caller then
 * commits (whole or not at all); for standard output it is spooled in the
 * temporary folder and copied.  Every sheet of data has its header in row
 * 1, bold and frozen, an autofilter over the header and the rows, column
 * widths that fit their values, and typed cells: money as numbers shown
 * #,##0.00 (with the currency's decimals), rates as fractions shown 0.0%,
 * integers plain, dates as dates, an undefined value as an empty cell.
 * The totals row, if any, follows after a blank row, outside the filter.
 */

/* Rows of a worksheet, the header included, and characters of a cell:
 * Excel's limits. */
#define OUT_XLSX_ROWS 1048576
#define OUT_XLSX_TEXT 32767

struct out_book;

/* What the document properties say (File > Info in Excel); any field may
 * be NULL.  CUSTOM holds NCUSTOM name and value pairs (Basis, As of, ...),
 * shown as custom properties. */
struct out_book_info {
	const char *title;
	const char *subject;
	const char *keywords;
	const char *comments;
	const char *const *custom;
	size_t ncustom;
};

/* A new workbook to be written into OF (opened with cbm_outfile_open,
 * which stays the caller's).  STREAMING asks for libxlsxwriter's constant
 * memory mode, for sheets written row by row (out_stream_sheet).  The
 * caller owns *OUT: out_book_close() or out_book_abort(). */
enum cbm_status out_book_open(struct out_book **out, struct cbm_outfile *of,
                              bool streaming, struct cbm_error *err);

/* Sets the document properties.  The creation time is SOURCE_DATE_EPOCH
 * when set, so that a rebuilt workbook says when its data was made. */
enum cbm_status out_book_info(struct out_book *b,
                              const struct out_book_info *info,
                              struct cbm_error *err);

/* Adds a sheet named NAME holding T as a sheet of data (see above).  A
 * name is made valid for Excel: at most 31 characters, none of []:*?/\,
 * and unique in the book.  CBM_EDATA when T has more rows than a sheet. */
enum cbm_status out_book_table(struct out_book *b, const char *name,
                               const struct out_table *t,
                               struct cbm_error *err);

/* Adds a sheet of notes for people (a "Read me"): TITLE in bold in row 1,
 * then T's column names in bold and its rows, long texts wrapped; no
 * filter, nothing frozen.  A row whose cells are all NULL is a blank line. */
enum cbm_status out_book_notes(struct out_book *b, const char *name,
                               const char *title, const struct out_table *t,
                               struct cbm_error *err);

/* A stream writing a new sheet of data named NAME, row by row (for a
 * book opened STREAMING); out_stream_close() frees it, the book stays. */
struct out_stream *out_stream_sheet(struct out_book *b, const char *name);

/* Writes the workbook into its file (or to standard output) and frees B.
 * CBM_EINTERNAL when it cannot be written. */
enum cbm_status out_book_close(struct out_book *b, struct cbm_error *err);

/* Frees B without writing anything; a no-op for NULL. */
void out_book_abort(struct out_book *b);

#endif /* CBM_OUTPUT_H */
