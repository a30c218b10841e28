/*
 * workbook_internal.h - shared by workbook.c, xlsx.c and ods.c only.
 *
 * A workbook is a zip archive of XML parts (libzip); each part is
 * streamed through expat, so that a sheet of any length costs the memory
 * of one row.  The two formats differ only in how they say what a cell
 * holds; both hand their cells, row by row, to the same assembly
 * (struct wb_rows), which applies merged ranges, finds the header, keeps
 * the fields the header names and delivers records as imp_csv_read()
 * does.
 */
#ifndef CBM_IMPORT_WORKBOOK_INTERNAL_H
#define CBM_IMPORT_WORKBOOK_INTERNAL_H

#include <expat.h>
#include <glib.h>
#include <zip.h>

#include "import.h"

#define WB_MAX_ROWS    1048576L /* of a sheet, as in Excel and Calc */
#define WB_MAX_COLS    16384    /* A..XFD */
#define WB_MAX_MERGES  1000000
#define WB_MAX_REPEAT  10000       /* identical rows one .ods row stands for */
#define WB_MAX_SHARED  (32u << 20) /* bytes of shared strings */
#define WB_MAX_PART    (64u << 10) /* a small part (rels, mimetype) */
#define WB_MAX_SHEETS  4096
#define WB_MAX_FORMATS (1 << 20) /* cell formats of .xlsx styles */
#define WB_NS_SEP      '|'

enum wb_format { WB_XLSX, WB_ODS };

struct imp_workbook {
	enum wb_format format;
	zip_t *zip;
	void *source; /* what libzip reads the FILE through */
	char *name;   /* the file, in messages */
	char *sheet;  /* the chosen sheet */
	uint64_t file_size;
	/* .xlsx: the parts of the chosen sheet */
	char *sheet_part;
	char *shared_part; /* NULL when there are no shared strings */
	char *styles_part; /* NULL when there are no styles */
	bool date1904;
	/* .ods: the chosen table, counted from 0 in content.xml */
	int table;
	/* While reading: the caller's progress, in bytes of the file. */
	void (*progress)(void *data, uint64_t bytes);
	void *pdata;
};

/* ---- parsing one part -------------------------------------------------- */

/* The head of every handler's state: expat's user data points at it. */
struct wb_xml {
	XML_Parser parser;
	bool done;      /* the handlers have what they need: stop, no error */
	char *error;    /* what is wrong with the content (stops parsing) */
	bool progress;  /* report the reading of this part as progress */
	uint64_t bytes; /* uncompressed bytes parsed */
};

/* Parses the part ENTRY of WB with a namespace-aware expat parser (names
 * arrive as "URI|local") and the handlers, whose user data is X (the head
 * of their state).  A missing part is CBM_EDATA with an error in DIAGS
 * when REQUIRED, else CBM_OK with nothing parsed.  A damaged archive, XML
 * that is not well-formed, a DTD, or X->error set by a handler is
 * CBM_EDATA with one error in DIAGS. */
enum cbm_status imp_wb_parse_part(struct imp_workbook *wb, const char *entry,
                                  bool required, struct imp_diags *diags,
                                  struct wb_xml *x,
                                  XML_StartElementHandler start,
                                  XML_EndElementHandler end,
                                  XML_CharacterDataHandler text);

/* Stops the parse: what the handlers wanted is found. */
void imp_wb_xml_done(struct wb_xml *x);

/* Stops the parse with an error about the content of the part. */
void imp_wb_xml_fail(struct wb_xml *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* True when NAME (as expat gives it) is LOCAL in namespace NS. */
bool imp_wb_is(const char *name, const char *ns, const char *local);

/* The value of attribute NAME ("URI|local" for a prefixed one), or
 * NULL. */
const char *imp_wb_attr(const XML_Char **atts, const char *name);

/* Reports a file-level error about WB in DIAGS; returns CBM_EDATA. */
enum cbm_status imp_wb_error(struct imp_workbook *wb, struct imp_diags *diags,
                             const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reads the small part ENTRY whole (at most WB_MAX_PART bytes) into a
 * NUL-terminated string the caller frees; NULL when it is missing or too
 * large. */
char *imp_wb_read_small(struct imp_workbook *wb, const char *entry);

/* The index in NAMES (char *) of the sheet named WANTED: exactly, else
 * ignoring case as Excel does; -1 when there is none. */
int imp_wb_find_sheet(GPtrArray *names, const char *wanted);

/* Reports that there is no sheet WANTED among NAMES; CBM_EDATA. */
enum cbm_status imp_wb_sheet_missing(struct imp_workbook *wb,
                                     struct imp_diags *diags, GPtrArray *names,
                                     const char *wanted);

/* ---- cells and rows ---------------------------------------------------- */

struct wb_merge {
	int32_t r1, r2;
	int16_t c1, c2;
};

struct wb_active;

/* A cell of the row being read; its text is in rows->text. */
struct wb_cell {
	int col;
	enum imp_cell_type type;
	double number;
	int32_t days;
	size_t off, len;
};

struct wb_rows {
	struct imp_workbook *wb;
	struct imp_diags *diags;
	imp_record_fn fn;
	void *data;
	struct imp_csv_stats *stats;
	bool stop; /* the callback asked, or reading cannot go on */

	long row;        /* the row being read, 1-based */
	GArray *cells;   /* struct wb_cell */
	GString *text;   /* their texts, NUL-separated */
	bool row_bad;    /* a cell had a problem: the row is not delivered */
	size_t index;    /* records delivered */
	long last_row;   /* the last row delivered */
	bool rows_ended; /* past WB_MAX_ROWS */

	/* The header, once found. */
	bool have_header;
	GArray *columns;  /* int: the sheet column of each field */
	GPtrArray *names; /* char *: the header's names */
	int *field_of;    /* sheet column -> field, -1 */
	guint8 *warned;   /* sheet column -> a value without header seen */
	int *col_cell;    /* sheet column -> its cell in this row, -1 */

	/* Merged ranges: waiting by first row, and those the rows are in. */
	GArray *merges; /* struct wb_merge */
	size_t next_merge;
	GPtrArray *active; /* struct wb_active * */
	size_t active_bytes;
	long next_end; /* the last row of the active range that ends first */
	bool merges_sorted;
	/* field -> the active range over its column, or NULL */
	struct wb_active *field_merge[IMP_MAX_FIELDS];

	/* The record handed out. */
	GString *rec_text;
	GArray *rec_cells; /* struct imp_cell */
};

void imp_wb_rows_init(struct wb_rows *rows, struct imp_workbook *wb,
                      struct imp_diags *diags, imp_record_fn fn, void *data,
                      struct imp_csv_stats *stats);
void imp_wb_rows_release(struct wb_rows *rows);

/* Starts row ROW (1-based, greater than the last). */
void imp_wb_row_begin(struct wb_rows *rows, long row);

/* Adds the cell at column COL (0 is A) of the current row, and N - 1
 * copies of it to its right (a repeated .ods cell). */
void imp_wb_cell_text(struct wb_rows *rows, int col, long n, const char *text,
                      size_t len);
void imp_wb_cell_number(struct wb_rows *rows, int col, long n, double value);
void imp_wb_cell_date(struct wb_rows *rows, int col, long n, int32_t days);

/* Reports a problem of the cell at COL of the current row (its value
 * VALUE, or NULL); the row is not delivered. */
void imp_wb_cell_error(struct wb_rows *rows, int col, const char *value,
                       const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Ends the current row, which the file says stands for REPEAT identical
 * rows (ods), and delivers it unless it is empty. */
void imp_wb_row_end(struct wb_rows *rows, long repeat);

/* Adds the merged range R1:C1 to R2:C2 (rows 1-based, columns from 0).
 * Ranges of .xlsx are all added before the first row, those of .ods at
 * their top-left cell.  False (with an error) past WB_MAX_MERGES. */
bool imp_wb_merge_add(struct wb_rows *rows, long r1, int c1, long r2, int c2);

/* ---- values -------------------------------------------------------------- */

/* The plain decimal form of VALUE rounded to 15 significant digits, the
 * way Excel shows it ("50000", "1234.56", "0.0001"), into BUF; returns the
 * rounded value.  VALUE must be finite. */
double imp_wb_number_text(double value, char *buf, size_t n);

/* The day (since 1970) of the .xlsx serial date SERIAL in the 1900 date
 * system (with its 29 February 1900) or the 1904 one.  False for the day
 * that does not exist (serial 60 of 1900), before the first day, or after
 * 9999. */
bool imp_wb_serial_days(double serial, bool date1904, int32_t *days);

/* Reads a date "YYYY-MM-DD", optionally followed by "T..." (a time), as
 * days since 1970. */
bool imp_wb_iso_days(const char *text, int32_t *days);

/* Parses the cell reference "B12" (or "B" alone when ROW is NULL): its
 * column from 0 and row from 1.  False past XFD or row 1,048,576. */
bool imp_wb_cell_ref(const char *ref, int *col, long *row);

/* ---- the two formats ---------------------------------------------------- */

enum cbm_status imp_wb_xlsx_open(struct imp_workbook *wb, const char *sheet,
                                 struct imp_diags *diags);
enum cbm_status imp_wb_xlsx_read(struct imp_workbook *wb, struct wb_rows *rows);
enum cbm_status imp_wb_ods_open(struct imp_workbook *wb, const char *sheet,
                                struct imp_diags *diags);
enum cbm_status imp_wb_ods_read(struct imp_workbook *wb, struct wb_rows *rows);

#endif /* CBM_IMPORT_WORKBOOK_INTERNAL_H */
