/*
 * xlsx.c - results as Excel workbooks, written with libxlsxwriter.
 *
 * libxlsxwriter writes the file it is given by name when the workbook is
 * closed, so a book writes into the temporary file of a cbm_outfile (the
 * caller commits it: whole or not at all), or, for standard output, into
 * a spool file in the temporary folder that is copied out and removed.
 * Both are cbm_outfiles, so a signal removes them as it removes any
 * output being written.
 *
 * A cell's value is its PLAIN text as csv and json write it: numbers are
 * read back with g_ascii_strtod, so the workbook holds the same value to
 * the last digit a double keeps (money to the cent below 2^53 minor
 * units, 90 trillion dollars).  Formats are made once per kind, decimals
 * and weight and kept in the book, as libxlsxwriter wants a format object
 * per combination.
 *
 * Widths: a column is as wide as its widest value as Excel shows it in
 * English (thousands separators, percent sign), in characters, plus room
 * for the filter button, within [MIN_WIDTH, MAX_WIDTH].  Excel measures
 * in widths of the digit 0 of its default font; a Cyrillic letter is a
 * little wider, which the margin covers.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "output_internal.h"

#define MAX_DECIMALS 6
#define MIN_WIDTH    6.0
#define MAX_WIDTH    60.0
#define NOTES_WIDTH  100.0 /* a wrapped text column of a Read me */

/* Kinds that take a number format, in the order of enum out_kind. */
#define KINDS (OUT_DATE + 1)

struct out_book {
	lxw_workbook *wb;
	struct cbm_outfile *of;   /* the caller's */
	struct cbm_outfile spool; /* standard output: libxlsxwriter's file */
	GHashTable *names;        /* case-folded sheet names in use */
	lxw_format *fmt[KINDS][MAX_DECIMALS + 2][2]; /* [kind][dec+1][bold] */
	lxw_format *title, *wrap, *bold_wrap;
	int sheets;
};

struct out_sheet {
	struct out_book *b;
	lxw_worksheet *ws;
	size_t ncol;
	double *width;        /* characters */
	lxw_row_t row;        /* the next row to write */
	lxw_row_t last;       /* the last row of data (0: none) */
	bool notes;           /* a Read me: no filter, wrapped texts */
	struct cbm_error err; /* sticky; code CBM_OK while none */
};

/* ---- the book ------------------------------------------------------------ */

enum cbm_status out_book_open(struct out_book **out, struct cbm_outfile *of,
                              bool streaming, struct cbm_error *err)
{
	struct out_book *b = g_new0(struct out_book, 1);
	lxw_workbook_options opt = {.constant_memory = streaming,
	                            .tmpdir = (char *)g_get_tmp_dir()};
	const char *path = of->tmp;

	*out = NULL;
	b->of = of;
	if (!path) {
		char *spool =
		    g_build_filename(g_get_tmp_dir(), "cbm.xlsx", NULL);
		enum cbm_status rc = cbm_outfile_open(&b->spool, spool, err);
		g_free(spool);
		if (rc != CBM_OK) {
			g_free(b);
			return rc;
		}
		path = b->spool.tmp;
	}
	b->wb = workbook_new_opt(path, &opt);
	if (!b->wb) {
		cbm_outfile_abort(&b->spool);
		g_free(b);
		return CBM_ERROR(err, CBM_EINTERNAL, NULL,
		                 "cannot start a workbook (out of memory?)");
	}
	b->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	*out = b;
	return CBM_OK;
}

/* A property value libxlsxwriter wants as char *; it copies it. */
static char *prop(const char *s)
{
	return (char *)(s ? s : "");
}

enum cbm_status out_book_info(struct out_book *b,
                              const struct out_book_info *info,
                              struct cbm_error *err)
{
	lxw_doc_properties props = {0};
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	lxw_error e;

	props.title = prop(info->title);
	props.subject = prop(info->subject);
	props.keywords = prop(info->keywords);
	props.comments = prop(info->comments);
	props.author = (char *)"cbm";
	if (epoch && *epoch)
		props.created = (time_t)g_ascii_strtoll(epoch, NULL, 10);
	e = workbook_set_properties(b->wb, &props);
	for (size_t i = 0; e == LXW_NO_ERROR && i < info->ncustom; i++)
		if (info->custom[2 * i + 1] && *info->custom[2 * i + 1])
			e = workbook_set_custom_property_string(
			    b->wb, info->custom[2 * i],
			    info->custom[2 * i + 1]);
	if (e != LXW_NO_ERROR)
		return CBM_ERROR(err, CBM_EINTERNAL, NULL,
		                 "cannot set the workbook's properties: %s",
		                 lxw_strerror(e));
	return CBM_OK;
}

/* Copies the spooled workbook to standard output. */
static enum cbm_status copy_spool(struct out_book *b, struct cbm_error *err)
{
	FILE *in = b->spool.fp;
	char buf[65536];
	size_t n;

	rewind(in);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, b->of->fp) != n)
			break;
	if (ferror(in) || ferror(b->of->fp))
		return CBM_ERROR(err, CBM_EINTERNAL, b->of->path,
		                 "cannot write: %s",
		                 strerror(errno ? errno : EIO));
	return CBM_OK;
}

static void book_free(struct out_book *b)
{
	cbm_outfile_abort(&b->spool);
	g_hash_table_destroy(b->names);
	g_free(b);
}

enum cbm_status out_book_close(struct out_book *b, struct cbm_error *err)
{
	enum cbm_status rc = CBM_OK;
	lxw_error e = workbook_close(b->wb);

	if (e != LXW_NO_ERROR)
		rc =
		    CBM_ERROR(err, CBM_EINTERNAL, b->of->path,
		              "cannot write the workbook: %s", lxw_strerror(e));
	else if (b->spool.tmp)
		rc = copy_spool(b, err);
	book_free(b);
	return rc;
}

void out_book_abort(struct out_book *b)
{
	if (!b)
		return;
	lxw_workbook_free(b->wb);
	book_free(b);
}

/* ---- formats ------------------------------------------------------------- */

enum out_kind out_cell_kind(const struct out_cell *cell)
{
	if (cell->kind != OUT_AUTO)
		return cell->kind;
	return cell->number ? OUT_REAL : OUT_TEXT;
}

/* "#,##0.00", "0.0%", "0.000", "yyyy-mm-dd", or NULL for General. */
static char *num_format(enum out_kind kind, int dec)
{
	char zeros[MAX_DECIMALS + 2] = ".";

	for (int i = 0; i < dec; i++)
		zeros[i + 1] = '0';
	zeros[dec + 1] = '\0';
	switch (kind) {
	case OUT_MONEY:
		return g_strdup_printf("#,##0%s", dec > 0 ? zeros : "");
	case OUT_RATE:
		return g_strdup_printf("0%s%%", dec > 0 ? zeros : "");
	case OUT_REAL:
		return dec >= 0 ? g_strdup_printf("0%s", dec > 0 ? zeros : "")
		                : NULL;
	case OUT_INT:
		return g_strdup("0");
	case OUT_DATE:
		return g_strdup("yyyy-mm-dd");
	default:
		return NULL;
	}
}

/* The format of a value of KIND with DEC decimals, bold or not; made on
 * first use.  NULL (General) for a plain text or number. */
static lxw_format *format_of(struct out_book *b, enum out_kind kind, int dec,
                             bool bold)
{
	lxw_format **f;
	char *nf;

	dec = CLAMP(dec, -1, MAX_DECIMALS);
	f = &b->fmt[kind][dec + 1][bold];
	if (*f)
		return *f;
	nf = num_format(kind, dec);
	if (!nf && !bold)
		return NULL;
	*f = workbook_add_format(b->wb);
	if (nf)
		format_set_num_format(*f, nf);
	if (bold)
		format_set_bold(*f);
	g_free(nf);
	return *f;
}

/* ---- sheet names --------------------------------------------------------- */

/* NAME as Excel takes it: none of []:*?/\, no apostrophe at either end,
 * at most LXW_SHEETNAME_MAX characters (fewer to leave room for SUFFIX),
 * never empty. */
static char *sheet_name(const char *name, const char *suffix)
{
	char *valid = g_utf8_make_valid(name && *name ? name : "Sheet", -1);
	GString *s = g_string_new(NULL);
	glong room = LXW_SHEETNAME_MAX - g_utf8_strlen(suffix, -1), n = 0;

	for (const char *p = valid; *p && n < room; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (strchr("[]:*?/\\", (int)c) && c < 0x80)
			c = '-';
		else if (c < 0x20)
			c = ' ';
		g_string_append_unichar(s, c);
		n++;
	}
	while (s->len > 0 && s->str[0] == '\'')
		g_string_erase(s, 0, 1);
	while (s->len > 0 && s->str[s->len - 1] == '\'')
		g_string_truncate(s, s->len - 1);
	if (s->len == 0)
		g_string_assign(s, "Sheet");
	g_string_append(s, suffix);
	g_free(valid);
	return g_string_free(s, FALSE);
}

/* A valid name for a new sheet, unique in B as Excel compares them (in
 * any case): NAME, else "NAME (2)", "NAME (3)", ...  Caller frees. */
static char *unique_name(struct out_book *b, const char *name)
{
	for (int i = 1;; i++) {
		char *suffix =
		    i == 1 ? g_strdup("") : g_strdup_printf(" (%d)", i);
		char *candidate = sheet_name(name, suffix);
		char *key = g_utf8_casefold(candidate, -1);
		g_free(suffix);
		if (!g_hash_table_contains(b->names, key)) {
			g_hash_table_add(b->names, key);
			return candidate;
		}
		g_free(key);
		g_free(candidate);
	}
}

/* ---- cells ----------------------------------------------------------------
 */

/* Keeps the sheet's first error; returns false. */
static bool sheet_fail(struct out_sheet *s, enum cbm_status code,
                       const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool sheet_fail(struct out_sheet *s, enum cbm_status code,
                       const char *fmt, ...)
{
	char msg[sizeof(s->err.message)];
	va_list ap;

	if (s->err.code != CBM_OK)
		return false;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	CBM_ERROR(&s->err, code, NULL, "%s", msg);
	return false;
}

/* The LEN bytes at S as a valid UTF-8 C string: a NUL byte as U+2400, a
 * byte that is not UTF-8 as U+FFFD (libxlsxwriter escapes the other
 * control characters as Excel does, _x0001_).  Caller frees. */
static char *sheet_text(const char *s, size_t len)
{
	GString *out = g_string_sized_new(len);
	size_t i = 0;

	while (i < len) {
		const char *end;
		size_t run;
		if (s[i] == '\0') {
			g_string_append(out, "\xE2\x90\x80");
			i++;
			continue;
		}
		run = strnlen(s + i, len - i);
		g_utf8_validate(s + i, (gssize)run, &end);
		g_string_append_len(out, s + i, end - (s + i));
		i = (size_t)(end - s);
		if (i < len && s[i] != '\0') {
			g_string_append(out, "\xEF\xBF\xBD");
			i++;
		}
	}
	return g_string_free(out, FALSE);
}

/* How many characters VALUE takes as Excel shows it in KIND. */
static double shown_width(enum out_kind kind, int dec, double v,
                          const char *text)
{
	char buf[CBM_MONEY_BUF];

	switch (kind) {
	case OUT_MONEY:
		cbm_fmt_number(buf, sizeof(buf), v, CLAMP(dec, 0, 6),
		               CBM_LANG_EN);
		return (double)strlen(buf);
	case OUT_RATE:
		snprintf(buf, sizeof(buf), "%.*f%%", CLAMP(dec, 0, 6),
		         v * 100.0);
		return (double)strlen(buf);
	case OUT_DATE:
		return 10.0;
	case OUT_REAL:
		if (dec >= 0) {
			snprintf(buf, sizeof(buf), "%.*f", dec, v);
			return (double)strlen(buf);
		}
		/* General shows at most about 11 characters. */
		return MIN((double)strlen(text), 11.0);
	default:
		return (double)g_utf8_strlen(text, -1);
	}
}

static void widen(struct out_sheet *s, size_t col, double chars)
{
	if (chars > s->width[col])
		s->width[col] = chars;
}

/* A day "YYYY-MM-DD" as libxlsxwriter's date, for years Excel has. */
static bool excel_date(const char *plain, size_t len, lxw_datetime *dt)
{
	int32_t days;
	int y, m, d;

	if (len != 10 || !cbm_date_parse_iso(plain, &days))
		return false;
	cbm_civil_from_days(days, &y, &m, &d);
	if (y < 1900 || y > 9999)
		return false;
	*dt = (lxw_datetime){.year = y, .month = m, .day = d};
	return true;
}

/* Writes a text cell; a text longer than Excel's cells hold fails. */
static bool put_text(struct out_sheet *s, lxw_row_t row, lxw_col_t col,
                     const char *plain, size_t len, lxw_format *f)
{
	char *text = sheet_text(plain, len);
	glong n = g_utf8_strlen(text, -1);
	lxw_error e = LXW_NO_ERROR;

	if (n > OUT_XLSX_TEXT) {
		g_free(text);
		return sheet_fail(s, CBM_EDATA,
		                  "a text of %ld characters does not fit a "
		                  "worksheet cell (32,767 at most); write the "
		                  "result as CSV",
		                  (long)n);
	}
	if (!s->notes || n <= NOTES_WIDTH)
		widen(s, col, (double)n);
	e = worksheet_write_string(s->ws, row, col, text, f);
	g_free(text);
	if (e != LXW_NO_ERROR)
		return sheet_fail(s, CBM_EINTERNAL, "cannot write a cell: %s",
		                  lxw_strerror(e));
	return true;
}

/* Writes CELL at ROW, COL as its kind says; an undefined value is an
 * empty cell. */
static bool put_cell(struct out_sheet *s, lxw_row_t row, lxw_col_t col,
                     const struct out_cell *cell, bool bold)
{
	enum out_kind kind = out_cell_kind(cell);
	int dec =
	    kind == OUT_REAL && cell->kind == OUT_AUTO ? -1 : cell->decimals;
	lxw_format *f;
	lxw_datetime dt;
	lxw_error e;
	char *end = NULL;
	double v;

	if (!cell->plain)
		return true;
	if (kind == OUT_DATE && excel_date(cell->plain, cell->len, &dt)) {
		widen(s, col, 10.0);
		e = worksheet_write_datetime(
		    s->ws, row, col, &dt, format_of(s->b, OUT_DATE, 0, bold));
	} else if (kind == OUT_TEXT || kind == OUT_DATE) {
		f = bold ? format_of(s->b, OUT_TEXT, 0, true) : NULL;
		if (s->notes && cell->len > NOTES_WIDTH)
			f = bold ? s->b->bold_wrap : s->b->wrap;
		return put_text(s, row, col, cell->plain, cell->len, f);
	} else {
		v = g_ascii_strtod(cell->plain, &end);
		/* Not a number after all (a big integer in text, "inf"):
		 * kept as the text it is, never as a wrong number. */
		if (end != cell->plain + cell->len || !isfinite(v))
			return put_text(s, row, col, cell->plain, cell->len,
			                NULL);
		widen(s, col, shown_width(kind, dec, v, cell->plain));
		e = worksheet_write_number(s->ws, row, col, v,
		                           format_of(s->b, kind, dec, bold));
	}
	if (e != LXW_NO_ERROR)
		return sheet_fail(s, CBM_EINTERNAL, "cannot write a cell: %s",
		                  lxw_strerror(e));
	return true;
}

/* ---- sheets ---------------------------------------------------------------
 */

static struct out_sheet *sheet_new(struct out_book *b, const char *name,
                                   size_t ncol, bool notes,
                                   struct cbm_error *err)
{
	struct out_sheet *s;
	char *valid = unique_name(b, name);
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, valid);

	g_free(valid);
	if (!ws) {
		CBM_ERROR(err, CBM_EINTERNAL, NULL,
		          "cannot add a sheet named '%s' to the workbook",
		          name);
		return NULL;
	}
	s = g_new0(struct out_sheet, 1);
	s->b = b;
	s->ws = ws;
	s->ncol = ncol;
	s->notes = notes;
	s->width = g_new0(double, MAX(ncol, 1));
	if (b->sheets++ == 0)
		worksheet_activate(ws);
	return s;
}

struct out_sheet *out_sheet_open(struct out_book *b, const char *name,
                                 const GPtrArray *columns,
                                 struct cbm_error *err)
{
	struct out_sheet *s = sheet_new(b, name, columns->len, false, err);
	lxw_format *bold = format_of(b, OUT_TEXT, 0, true);

	for (size_t c = 0; s && c < columns->len; c++) {
		const char *col = g_ptr_array_index(columns, c);
		put_text(s, 0, (lxw_col_t)c, col, strlen(col), bold);
		/* Bold letters and the filter's button want more room. */
		s->width[c] = s->width[c] * 1.1 + 2.0;
	}
	if (s)
		s->row = 1;
	return s;
}

bool out_sheet_row(struct out_sheet *s, const struct out_cell *cells)
{
	if (s->err.code != CBM_OK)
		return false;
	if (s->row >= OUT_XLSX_ROWS)
		return sheet_fail(s, CBM_EDATA,
		                  "the result has more rows than a worksheet "
		                  "holds (1,048,576 with the header); write it "
		                  "as CSV");
	for (size_t c = 0; c < s->ncol; c++)
		if (!put_cell(s, s->row, (lxw_col_t)c, &cells[c], false))
			return false;
	s->last = s->row++;
	return true;
}

bool out_sheet_totals(struct out_sheet *s, const struct out_cell *cells)
{
	if (s->err.code != CBM_OK)
		return false;
	/* After a blank row. */
	if (s->row + 1 >= OUT_XLSX_ROWS)
		return sheet_fail(
		    s, CBM_EDATA,
		    "the result and its totals have more rows "
		    "than a worksheet holds (1,048,576); write it "
		    "as CSV");
	s->row++;
	for (size_t c = 0; c < s->ncol; c++)
		if (!put_cell(s, s->row, (lxw_col_t)c, &cells[c], true))
			return false;
	s->row++;
	return true;
}

void out_sheet_end(struct out_sheet *s)
{
	for (size_t c = 0; c < s->ncol; c++) {
		double w = CLAMP(s->width[c] + 2.0, MIN_WIDTH,
		                 s->notes ? NOTES_WIDTH : MAX_WIDTH);
		worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w,
		                     NULL);
	}
	if (s->notes || s->ncol == 0)
		return;
	worksheet_freeze_panes(s->ws, 1, 0);
	worksheet_autofilter(s->ws, 0, 0, s->last, (lxw_col_t)(s->ncol - 1));
}

enum cbm_status out_sheet_status(const struct out_sheet *s,
                                 struct cbm_error *err)
{
	if (s->err.code == CBM_OK)
		return CBM_OK;
	if (err && err->code == CBM_OK)
		*err = s->err;
	return s->err.code;
}

void out_sheet_free(struct out_sheet *s)
{
	if (!s)
		return;
	g_free(s->width);
	g_free(s);
}

/* ---- whole tables ---------------------------------------------------------
 */

enum cbm_status out_book_table(struct out_book *b, const char *name,
                               const struct out_table *t, struct cbm_error *err)
{
	struct out_sheet *s = out_sheet_open(b, name, t->columns, err);
	enum cbm_status rc;

	if (!s)
		return err && err->code ? err->code : CBM_EINTERNAL;
	for (guint r = 0; r < t->rows->len; r++)
		if (!out_sheet_row(s, g_ptr_array_index(t->rows, r)))
			break;
	if (t->totals)
		out_sheet_totals(s, t->totals);
	out_sheet_end(s);
	rc = out_sheet_status(s, err);
	out_sheet_free(s);
	return rc;
}

enum cbm_status out_book_notes(struct out_book *b, const char *name,
                               const char *title, const struct out_table *t,
                               struct cbm_error *err)
{
	struct out_sheet *s = sheet_new(b, name, t->columns->len, true, err);
	enum cbm_status rc;
	lxw_row_t row = 0;
	bool headed = false;

	if (!s)
		return err && err->code ? err->code : CBM_EINTERNAL;
	if (!b->title) {
		b->title = workbook_add_format(b->wb);
		format_set_bold(b->title);
		format_set_font_size(b->title, 14);
		b->wrap = workbook_add_format(b->wb);
		format_set_text_wrap(b->wrap);
		format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
		b->bold_wrap = workbook_add_format(b->wb);
		format_set_text_wrap(b->bold_wrap);
		format_set_bold(b->bold_wrap);
	}
	if (title) {
		worksheet_write_string(s->ws, row, 0, title, b->title);
		row += 2;
	}
	for (size_t c = 0; c < t->columns->len; c++) {
		const char *col = g_ptr_array_index(t->columns, c);
		if (*col)
			headed = put_text(s, row, (lxw_col_t)c, col,
			                  strlen(col), b->bold_wrap);
	}
	if (headed)
		row++;
	for (guint r = 0; r < t->rows->len; r++, row++) {
		const struct out_cell *cells = g_ptr_array_index(t->rows, r);
		for (size_t c = 0; c < t->columns->len; c++)
			put_cell(s, row, (lxw_col_t)c, &cells[c], c == 0);
	}
	out_sheet_end(s);
	rc = out_sheet_status(s, err);
	out_sheet_free(s);
	return rc;
}
