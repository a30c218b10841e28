/*
 * output.h - results in the formats people and programs read: a table for
 * a terminal, CSV and JSON.  A library of its own so that every front end
 * (the cbm command line, a later web view) prints a result alike.
 *
 * A result is a list of named columns and rows of cells; each cell carries
 * its plain value (for csv and json) and optionally a form for people.
 * Nothing here knows figures, SQL or languages: the caller gives the
 * text, this module lays it out.
 *
 * Invariants:
 *  - Writing never fails silently: a stream reports a failed write, and a
 *    caller that writes to a FILE checks ferror() or commits a
 *    cbm_outfile, which does.
 *  - Memory of a streamed result stays bounded whatever its rows.
 */
#ifndef CBM_OUTPUT_H
#define CBM_OUTPUT_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cbm.h"

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

#endif /* CBM_OUTPUT_H */
