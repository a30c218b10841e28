/*
 * workbook.c - reading one sheet of an .xlsx or .ods workbook as the same
 * records a CSV file gives.
 *
 * The archive is opened by libzip through a source that reads the
 * caller's FILE, so a spooled stdin, a regular file and an in-memory
 * stream (the tests, the fuzzer) all work; its parts are streamed through
 * expat (wb_parse_part), and the format's handlers (xlsx.c, ods.c) hand
 * cells to the row assembly below.
 *
 * The row assembly keeps one row: its cells, in any order the file gives
 * them, with their texts in one buffer.  At the row's end it applies the
 * merged ranges the row is in, and either makes it the header (the first
 * row with a value) or fills one field per header column, then hands the
 * record to the caller.  A row repeated by .ods (number-rows-repeated) is
 * delivered once per row it stands for; an empty one costs nothing however
 * many rows it stands for.  Merged ranges wait, sorted by their first row,
 * until the rows reach them; while the rows are inside one, it holds a copy
 * of its top-left value, and each field under it points at it.  Every
 * step costs at most the row's cells, the header's fields or a range's
 * width, never their product, so that no file, however odd, makes the
 * reading quadratic.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "workbook_internal.h"

#define READ_CHUNK     (64 * 1024)
#define PROGRESS_EVERY (1u << 20)

/* ---- the archive --------------------------------------------------------- */

/* libzip reads the caller's FILE through this source; the FILE stays
 * open when the archive is closed. */
struct file_source {
	FILE *fp;
	uint64_t size;
	zip_error_t error;
};

static zip_int64_t file_source(void *ud, void *data, zip_uint64_t len,
                               zip_source_cmd_t cmd)
{
	struct file_source *fs = ud;
	zip_int64_t off;
	size_t got;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_READ:
		got = fread(data, 1, (size_t)len, fs->fp);
		if (got < len && ferror(fs->fp)) {
			zip_error_set(&fs->error, ZIP_ER_READ, errno);
			return -1;
		}
		return (zip_int64_t)got;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		st->size = fs->size;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof(*st);
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&fs->error, data, len);
	case ZIP_SOURCE_SEEK:
		off = zip_source_seek_compute_offset(
		    (zip_uint64_t)ftello(fs->fp), fs->size, data, len,
		    &fs->error);
		if (off < 0)
			return -1;
		if (fseeko(fs->fp, (off_t)off, SEEK_SET) != 0) {
			zip_error_set(&fs->error, ZIP_ER_SEEK, errno);
			return -1;
		}
		return 0;
	case ZIP_SOURCE_TELL:
		return (zip_int64_t)ftello(fs->fp);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(
		    ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
		    ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
		    ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS, -1);
	default:
		zip_error_set(&fs->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

enum cbm_status imp_wb_error(struct imp_workbook *wb, struct imp_diags *diags,
                             const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	imp_diags_add(diags, IMP_ERROR, wb->name, 0, "", NULL, "%s", msg);
	g_free(msg);
	return CBM_EDATA;
}

static const char damaged[] =
    "a damaged workbook (%s: %s); open it in Excel or LibreOffice and "
    "save it again";

static const char encrypted[] =
    "an encrypted workbook; open it in Excel or LibreOffice and save it "
    "without a password";

static bool is_encryption_error(int code)
{
	return code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ||
	       code == ZIP_ER_ENCRNOTSUPP;
}

char *imp_wb_read_small(struct imp_workbook *wb, const char *entry)
{
	zip_stat_t st;
	zip_file_t *zf;
	char *buf;
	zip_int64_t got;

	if (zip_stat(wb->zip, entry, ZIP_FL_NOCASE, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || st.size > WB_MAX_PART)
		return NULL;
	zf = zip_fopen(wb->zip, entry, ZIP_FL_NOCASE);
	if (!zf)
		return NULL;
	buf = g_malloc(st.size + 1);
	got = zip_fread(zf, buf, st.size);
	zip_fclose(zf);
	if (got < 0) {
		g_free(buf);
		return NULL;
	}
	buf[got] = '\0';
	return buf;
}

/* ---- XML ----------------------------------------------------------------- */

bool imp_wb_is(const char *name, const char *ns, const char *local)
{
	size_t n = strlen(ns);

	return strncmp(name, ns, n) == 0 && name[n] == WB_NS_SEP &&
	       strcmp(name + n + 1, local) == 0;
}

const char *imp_wb_attr(const XML_Char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

static bool stopped(const struct wb_xml *x)
{
	return x->done || x->error;
}

void imp_wb_xml_done(struct wb_xml *x)
{
	if (stopped(x))
		return;
	x->done = true;
	XML_StopParser(x->parser, XML_FALSE);
}

void imp_wb_xml_fail(struct wb_xml *x, const char *fmt, ...)
{
	va_list ap;

	if (stopped(x))
		return;
	va_start(ap, fmt);
	x->error = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	XML_StopParser(x->parser, XML_FALSE);
}

/* Workbooks have no DTD; refusing one also refuses entity expansion. */
static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                       const XML_Char *pubid, int has_internal)
{
	imp_wb_xml_fail(ud,
	                "a document type declaration, which no workbook has");
}

static void report_progress(struct imp_workbook *wb, const struct wb_xml *x,
                            uint64_t part_size)
{
	uint64_t done = part_size ? x->bytes : 1;

	if (!x->progress || !wb->progress)
		return;
	if (done > part_size)
		done = part_size;
	wb->progress(wb->pdata,
	             (uint64_t)((double)wb->file_size * (double)done /
	                        (double)(part_size ? part_size : 1)));
}

/* Streams the open entry ZF through the parser of X. */
static enum cbm_status stream_part(struct imp_workbook *wb,
                                   struct imp_diags *diags, const char *entry,
                                   zip_file_t *zf, struct wb_xml *x,
                                   uint64_t part_size)
{
	char *buf = g_malloc(READ_CHUNK);
	uint64_t next = PROGRESS_EVERY;
	enum cbm_status rc = CBM_OK;
	zip_int64_t got;

	do {
		got = zip_fread(zf, buf, READ_CHUNK);
		if (got < 0) {
			zip_error_t *ze = zip_file_get_error(zf);
			rc = is_encryption_error(zip_error_code_zip(ze))
			         ? imp_wb_error(wb, diags, encrypted)
			         : imp_wb_error(wb, diags, damaged, entry,
			                        zip_error_strerror(ze));
			break;
		}
		if (XML_Parse(x->parser, buf, (int)got, got == 0) !=
		        XML_STATUS_OK &&
		    !stopped(x)) {
			rc = imp_wb_error(
			    wb, diags, damaged, entry,
			    XML_ErrorString(XML_GetErrorCode(x->parser)));
			break;
		}
		x->bytes += (uint64_t)got;
		if (x->bytes >= next) {
			report_progress(wb, x, part_size);
			next = x->bytes + PROGRESS_EVERY;
		}
	} while (got > 0 && !stopped(x));
	g_free(buf);
	if (rc == CBM_OK && x->error)
		rc = imp_wb_error(wb, diags, damaged, entry, x->error);
	if (rc == CBM_OK)
		report_progress(wb, x, part_size);
	return rc;
}

enum cbm_status imp_wb_parse_part(struct imp_workbook *wb, const char *entry,
                                  bool required, struct imp_diags *diags,
                                  struct wb_xml *x,
                                  XML_StartElementHandler start,
                                  XML_EndElementHandler end,
                                  XML_CharacterDataHandler text)
{
	zip_int64_t index = zip_name_locate(wb->zip, entry, ZIP_FL_NOCASE);
	zip_stat_t st;
	zip_file_t *zf;
	enum cbm_status rc;

	if (index < 0)
		return required
		           ? imp_wb_error(wb, diags,
		                          "not a complete workbook: it has "
		                          "no part '%s'; open it in Excel or "
		                          "LibreOffice and save it again",
		                          entry)
		           : CBM_OK;
	zf = zip_fopen_index(wb->zip, (zip_uint64_t)index, 0);
	if (!zf) {
		zip_error_t *ze = zip_get_error(wb->zip);
		return is_encryption_error(zip_error_code_zip(ze))
		           ? imp_wb_error(wb, diags, encrypted)
		           : imp_wb_error(wb, diags, damaged, entry,
		                          zip_error_strerror(ze));
	}
	if (zip_stat_index(wb->zip, (zip_uint64_t)index, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE))
		st.size = 0;
	x->parser = XML_ParserCreateNS(NULL, WB_NS_SEP);
	x->done = false;
	x->error = NULL;
	x->bytes = 0;
	XML_SetUserData(x->parser, x);
	XML_SetElementHandler(x->parser, start, end);
	XML_SetCharacterDataHandler(x->parser, text);
	XML_SetStartDoctypeDeclHandler(x->parser, on_doctype);
	rc = stream_part(wb, diags, entry, zf, x, st.size);
	XML_ParserFree(x->parser);
	x->parser = NULL;
	g_free(x->error);
	x->error = NULL;
	zip_fclose(zf);
	return rc;
}

/* The sheets' names for a message: 'A', 'B', ... */
static char *sheet_list(GPtrArray *names)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < names->len && i < 20; i++)
		g_string_append_printf(s, "%s'%s'", i ? ", " : "",
		                       (char *)g_ptr_array_index(names, i));
	if (names->len > 20)
		g_string_append(s, ", ...");
	return g_string_free(s, FALSE);
}

/* The index of the sheet named WANTED: exactly, else ignoring case as
 * Excel does; -1 when there is none. */
int imp_wb_find_sheet(GPtrArray *names, const char *wanted)
{
	char *key = g_utf8_casefold(wanted, -1);
	int found = -1;

	for (guint i = 0; i < names->len && found < 0; i++)
		if (strcmp(g_ptr_array_index(names, i), wanted) == 0)
			found = (int)i;
	for (guint i = 0; i < names->len && found < 0; i++) {
		char *k = g_utf8_casefold(g_ptr_array_index(names, i), -1);
		if (strcmp(k, key) == 0)
			found = (int)i;
		g_free(k);
	}
	g_free(key);
	return found;
}

enum cbm_status imp_wb_sheet_missing(struct imp_workbook *wb,
                                     struct imp_diags *diags, GPtrArray *names,
                                     const char *wanted)
{
	char *list = sheet_list(names);
	enum cbm_status rc =
	    names->len
	        ? imp_wb_error(wb, diags,
	                       "no sheet '%s' in the workbook; its sheets "
	                       "are %s",
	                       wanted, list)
	        : imp_wb_error(wb, diags, "a workbook without sheets");

	g_free(list);
	return rc;
}

/* ---- values -------------------------------------------------------------- */

double imp_wb_number_text(double value, char *buf, size_t n)
{
	char sci[64], digits[20];
	int nd = 0, exp;
	const char *p;
	GString *s;

	if (value == 0) {
		g_strlcpy(buf, "0", n);
		return 0;
	}
	/* %.14e: the 15 significant digits Excel keeps, rounded. */
	snprintf(sci, sizeof(sci), "%.14e", value);
	for (p = sci; *p && *p != 'e'; p++)
		if (g_ascii_isdigit(*p) && nd < 15)
			digits[nd++] = *p;
	exp = *p ? atoi(p + 1) : 0;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	s = g_string_new(value < 0 ? "-" : "");
	if (exp >= 0) {
		for (int i = 0; i <= exp; i++)
			g_string_append_c(s, i < nd ? digits[i] : '0');
		if (nd > exp + 1) {
			g_string_append_c(s, '.');
			g_string_append_len(s, digits + exp + 1, nd - exp - 1);
		}
	} else {
		g_string_append(s, "0.");
		for (int i = 0; i < -exp - 1; i++)
			g_string_append_c(s, '0');
		g_string_append_len(s, digits, nd);
	}
	g_strlcpy(buf, s->str, n);
	g_string_free(s, TRUE);
	return g_ascii_strtod(buf, NULL);
}

bool imp_wb_serial_days(double serial, bool date1904, int32_t *days)
{
	double day = floor(serial);

	/* 2958466 is 1 January 10000 in either system, near enough. */
	if (!isfinite(serial) || day >= 2958466)
		return false;
	if (date1904) {
		if (day < 0)
			return false;
		*days = (int32_t)day - 24107; /* 1904-01-01 */
		return true;
	}
	/* Day 1 is 1900-01-01; Excel counts a 29 February 1900 (day 60)
	 * that never was, so from day 61 on one day less. */
	if (day < 1 || day == 60)
		return false;
	*days = (int32_t)day - (day < 60 ? 25568 : 25569);
	return true;
}

bool imp_wb_iso_days(const char *text, int32_t *days)
{
	char ymd[11];

	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? text[i] != '-' : !g_ascii_isdigit(text[i]))
			return false;
	}
	if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ')
		return false;
	memcpy(ymd, text, 10);
	ymd[10] = '\0';
	return cbm_date_parse_iso(ymd, days);
}

bool imp_wb_cell_ref(const char *ref, int *col, long *row)
{
	const char *p = ref;
	long c = 0, r = 0;
	int letters = 0;

	while (g_ascii_isalpha(*p) && letters < 4) {
		c = c * 26 + (g_ascii_toupper(*p) - 'A' + 1);
		p++;
		letters++;
	}
	if (letters == 0 || c > WB_MAX_COLS)
		return false;
	*col = (int)(c - 1);
	if (!row)
		return *p == '\0';
	while (g_ascii_isdigit(*p) && r <= WB_MAX_ROWS)
		r = r * 10 + (*p++ - '0');
	if (*p != '\0' || r < 1 || r > WB_MAX_ROWS)
		return false;
	*row = r;
	return true;
}

/* ---- rows ---------------------------------------------------------------- */

/* A merged range the rows are in, with a copy of its top-left value. */
struct wb_active {
	struct wb_merge m;
	enum imp_cell_type type;
	double number;
	int32_t days;
	char *text;
	size_t len;
};

static void free_active(gpointer p)
{
	struct wb_active *a = p;

	g_free(a->text);
	g_free(a);
}

void imp_wb_rows_init(struct wb_rows *rows, struct imp_workbook *wb,
                      struct imp_diags *diags, imp_record_fn fn, void *data,
                      struct imp_csv_stats *stats)
{
	memset(rows, 0, sizeof(*rows));
	rows->wb = wb;
	rows->diags = diags;
	rows->fn = fn;
	rows->data = data;
	rows->stats = stats;
	rows->cells = g_array_new(FALSE, FALSE, sizeof(struct wb_cell));
	rows->text = g_string_sized_new(1024);
	rows->columns = g_array_new(FALSE, FALSE, sizeof(int));
	rows->names = g_ptr_array_new_with_free_func(g_free);
	rows->field_of = g_new(int, WB_MAX_COLS);
	for (int c = 0; c < WB_MAX_COLS; c++)
		rows->field_of[c] = -1;
	rows->warned = g_new0(guint8, WB_MAX_COLS);
	rows->col_cell = g_new(int, WB_MAX_COLS);
	for (int c = 0; c < WB_MAX_COLS; c++)
		rows->col_cell[c] = -1;
	rows->merges = g_array_new(FALSE, FALSE, sizeof(struct wb_merge));
	rows->active = g_ptr_array_new_with_free_func(free_active);
	rows->rec_text = g_string_sized_new(1024);
	rows->rec_cells = g_array_new(FALSE, FALSE, sizeof(struct imp_cell));
	rows->merges_sorted = true;
}

void imp_wb_rows_release(struct wb_rows *rows)
{
	g_array_free(rows->cells, TRUE);
	g_string_free(rows->text, TRUE);
	g_array_free(rows->columns, TRUE);
	g_ptr_array_free(rows->names, TRUE);
	g_free(rows->field_of);
	g_free(rows->warned);
	g_free(rows->col_cell);
	g_array_free(rows->merges, TRUE);
	g_ptr_array_free(rows->active, TRUE);
	g_string_free(rows->rec_text, TRUE);
	g_array_free(rows->rec_cells, TRUE);
	memset(rows, 0, sizeof(*rows));
}

void imp_wb_row_begin(struct wb_rows *rows, long row)
{
	rows->row = row;
	g_array_set_size(rows->cells, 0);
	g_string_truncate(rows->text, 0);
	rows->row_bad = false;
}

static const char *field_name(const struct wb_rows *rows, int col)
{
	int f = col >= 0 && col < WB_MAX_COLS ? rows->field_of[col] : -1;

	return f >= 0 ? g_ptr_array_index(rows->names, f) : "";
}

static void diag_at(struct wb_rows *rows, enum imp_severity sev, long row,
                    int col, const char *value, const char *msg)
{
	imp_diags_add_cell(rows->diags, sev, rows->wb->name, rows->wb->sheet,
	                   row, col, col >= 0 ? field_name(rows, col) : "",
	                   value, "%s", msg);
	if (rows->diags->truncated)
		rows->stop = true;
}

void imp_wb_cell_error(struct wb_rows *rows, int col, const char *value,
                       const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	diag_at(rows, IMP_ERROR, rows->row, col, value, msg);
	g_free(msg);
	rows->row_bad = true;
}

/* A value under a column the header does not name: said once per
 * column, so that nothing is dropped without a word. */
static void warn_unnamed(struct wb_rows *rows, int col, const char *text)
{
	if (rows->warned[col])
		return;
	rows->warned[col] = 1;
	diag_at(rows, IMP_WARNING, rows->row, col, text,
	        "a value in a column without a header; the column is "
	        "ignored");
}

static void add_cell(struct wb_rows *rows, int col, enum imp_cell_type type,
                     double number, int32_t days, const char *text, size_t len)
{
	struct wb_cell cell = {col, type, number, days, rows->text->len, len};

	if (rows->stop || rows->row_bad || col < 0 || col >= WB_MAX_COLS ||
	    len == 0)
		return;
	if (rows->have_header && rows->field_of[col] < 0) {
		if (!rows->warned[col]) {
			char *shown = g_strndup(text, len);
			warn_unnamed(rows, col, shown);
			g_free(shown);
		}
		/* Kept only when a merged range may spread it. */
		if (rows->merges->len == 0)
			return;
	}
	if (rows->text->len + len > IMP_MAX_RECORD_BYTES) {
		imp_wb_cell_error(rows, -1, NULL,
		                  "a row longer than 4 MiB; it is not read");
		return;
	}
	g_string_append_len(rows->text, text, (gssize)len);
	g_string_append_c(rows->text, '\0');
	g_array_append_val(rows->cells, cell);
}

/* Adds the cell at COL and N - 1 copies to its right. */
static void add_cells(struct wb_rows *rows, int col, long n,
                      enum imp_cell_type type, double number, int32_t days,
                      const char *text, size_t len)
{
	for (long k = 0; k < n && col + k < WB_MAX_COLS && !rows->row_bad; k++)
		add_cell(rows, col + (int)k, type, number, days, text, len);
}

void imp_wb_cell_text(struct wb_rows *rows, int col, long n, const char *text,
                      size_t len)
{
	if (len > IMP_MAX_FIELD_BYTES) {
		imp_wb_cell_error(rows, col, NULL, "a cell longer than 1 MiB");
		return;
	}
	add_cells(rows, col, n, IMP_CELL_TEXT, 0, 0, text, len);
}

void imp_wb_cell_number(struct wb_rows *rows, int col, long n, double value)
{
	char buf[512];
	double rounded;

	if (!isfinite(value)) {
		imp_wb_cell_error(rows, col, NULL, "not a finite number");
		return;
	}
	rounded = imp_wb_number_text(value, buf, sizeof(buf));
	add_cells(rows, col, n, IMP_CELL_NUMBER, rounded, 0, buf, strlen(buf));
}

void imp_wb_cell_date(struct wb_rows *rows, int col, long n, int32_t days)
{
	char buf[11];

	cbm_date_iso(days, buf);
	add_cells(rows, col, n, IMP_CELL_DATE, 0, days, buf, strlen(buf));
}

/* ---- merged ranges ------------------------------------------------------- */

bool imp_wb_merge_add(struct wb_rows *rows, long r1, int c1, long r2, int c2)
{
	struct wb_merge m = {(int32_t)r1, (int32_t)r2, (int16_t)c1,
	                     (int16_t)c2};
	size_t n = rows->merges->len;

	if (r1 > r2 || c1 > c2 || (r1 == r2 && c1 == c2))
		return true; /* one cell, or a reversed range: nothing */
	if (n >= WB_MAX_MERGES) {
		diag_at(rows, IMP_ERROR, 0, -1, NULL,
		        "more than a million merged ranges; unmerge the cells "
		        "or save the sheet as CSV");
		rows->stop = true;
		return false;
	}
	if (n > 0 &&
	    g_array_index(rows->merges, struct wb_merge, n - 1).r1 > m.r1)
		rows->merges_sorted = false;
	g_array_append_val(rows->merges, m);
	return true;
}

static gint by_first_row(gconstpointer a, gconstpointer b)
{
	const struct wb_merge *x = a, *y = b;

	return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

/* The cell at COL of the current row (the last one given there), or
 * NULL; index_cells() has mapped the row. */
static const struct wb_cell *cell_at(const struct wb_rows *rows, int col)
{
	int k = col >= 0 && col < WB_MAX_COLS ? rows->col_cell[col] : -1;

	return k >= 0 ? &g_array_index(rows->cells, struct wb_cell, k) : NULL;
}

/* Maps the columns of the current row to its cells (ON), or clears the
 * map (!ON). */
static void index_cells(struct wb_rows *rows, bool on)
{
	for (guint k = 0; k < rows->cells->len; k++) {
		int col = g_array_index(rows->cells, struct wb_cell, k).col;
		rows->col_cell[col] = on ? (int)k : -1;
	}
}

/* The fields whose columns are C1..C2: [*FROM, *TO). */
static void fields_within(const struct wb_rows *rows, int c1, int c2,
                          size_t *from, size_t *to)
{
	size_t n = rows->columns->len;

	*from = 0;
	while (*from < n && g_array_index(rows->columns, int, *from) < c1)
		(*from)++;
	*to = *from;
	while (*to < n && g_array_index(rows->columns, int, *to) <= c2)
		(*to)++;
}

/* Points the fields under A at it, or (!ON) no longer. */
static void point_fields(struct wb_rows *rows, struct wb_active *a, bool on)
{
	size_t from, to;

	if (!rows->have_header)
		return;
	fields_within(rows, a->m.c1, a->m.c2, &from, &to);
	for (size_t i = from; i < to; i++) {
		if (on)
			rows->field_merge[i] = a;
		else if (rows->field_merge[i] == a)
			rows->field_merge[i] = NULL; /* overlaps: undefined */
	}
}

/* Starts every waiting range whose first row is at most TO; its top-left
 * value is that of the current row (or row group) when it starts there,
 * else empty (its row had no value). */
static void start_merges(struct wb_rows *rows, long to)
{
	if (!rows->merges_sorted) {
		g_array_sort(rows->merges, by_first_row);
		rows->merges_sorted = true;
	}
	while (!rows->stop && rows->next_merge < rows->merges->len) {
		struct wb_merge *m = &g_array_index(
		    rows->merges, struct wb_merge, rows->next_merge);
		const struct wb_cell *c;
		struct wb_active *a;
		if (m->r1 > to)
			break;
		rows->next_merge++;
		if (m->r2 < rows->row)
			continue; /* over before these rows */
		a = g_new0(struct wb_active, 1);
		a->m = *m;
		a->type = IMP_CELL_EMPTY;
		c = m->r1 >= rows->row ? cell_at(rows, m->c1) : NULL;
		if (c) {
			a->type = c->type;
			a->number = c->number;
			a->days = c->days;
			a->text = g_strndup(rows->text->str + c->off, c->len);
			a->len = c->len;
		}
		rows->active_bytes += a->len;
		g_ptr_array_add(rows->active, a);
		point_fields(rows, a, true);
		if (rows->active->len == 1 || a->m.r2 < rows->next_end)
			rows->next_end = a->m.r2;
		if (rows->active_bytes > IMP_MAX_RECORD_BYTES) {
			diag_at(rows, IMP_ERROR, m->r1, m->c1, NULL,
			        "merged ranges holding more than 4 MiB at "
			        "once; unmerge the cells");
			rows->stop = true;
		}
	}
}

/* Ends the ranges whose last row is at most ROW.  Most rows end none:
 * that costs one comparison, however many ranges are open. */
static void end_merges(struct wb_rows *rows, long row)
{
	long next = WB_MAX_ROWS + 1;

	if (rows->active->len == 0 || row < rows->next_end)
		return;
	for (guint i = rows->active->len; i-- > 0;) {
		struct wb_active *a = g_ptr_array_index(rows->active, i);
		if (a->m.r2 <= row) {
			rows->active_bytes -= a->len;
			point_fields(rows, a, false);
			g_ptr_array_remove_index_fast(rows->active, i);
		} else if (a->m.r2 < next) {
			next = a->m.r2;
		}
	}
	rows->next_end = next;
}

/* The range that gives field I at ROW its value (not the range's own
 * top-left cell), or NULL.  Active ranges all hold ROW. */
static const struct wb_active *merged(const struct wb_rows *rows, long row,
                                      size_t i, int col)
{
	const struct wb_active *a = rows->field_merge[i];

	if (!a || (row == a->m.r1 && col == a->m.c1))
		return NULL;
	return a;
}

/* ---- records ------------------------------------------------------------- */

static void deliver(struct wb_rows *rows, long row, size_t n,
                    const size_t *offsets)
{
	char **fields = g_new(char *, n + 1);
	size_t *lengths = g_new(size_t, n + 1);
	struct imp_record rec;

	for (size_t i = 0; i < n; i++) {
		fields[i] = rows->rec_text->str + offsets[i];
		lengths[i] = strlen(fields[i]);
	}
	rec.line = row;
	rec.n_fields = n;
	rec.fields = fields;
	rec.lengths = lengths;
	rec.sheet = rows->wb->sheet;
	rec.cells = (const struct imp_cell *)(void *)rows->rec_cells->data;
	rows->stats->records++;
	rows->last_row = row;
	if (rows->fn(rows->data, rows->index++, &rec) != 0)
		rows->stop = true;
	if (rows->diags->truncated)
		rows->stop = true;
	g_free(fields);
	g_free(lengths);
}

static void append_field(struct wb_rows *rows, size_t *offset, int col,
                         enum imp_cell_type type, double number, int32_t days,
                         const char *text, size_t len)
{
	struct imp_cell cell = {len ? type : IMP_CELL_EMPTY, col, number, days};

	*offset = rows->rec_text->len;
	g_string_append_len(rows->rec_text, text, (gssize)len);
	g_string_append_c(rows->rec_text, '\0');
	g_array_append_val(rows->rec_cells, cell);
}

static gint by_column(gconstpointer a, gconstpointer b)
{
	const struct wb_cell *x = a, *y = b;

	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* The header: the first row with a value.  A merged cell in it would
 * leave a column without a name, or two columns with one. */
static void take_header(struct wb_rows *rows, long row)
{
	size_t *offsets;
	size_t n = 0;

	for (guint i = 0; i < rows->active->len; i++) {
		const struct wb_active *a = g_ptr_array_index(rows->active, i);
		char range[64], from[24], to[24];
		if (row < a->m.r1 || row > a->m.r2)
			continue;
		imp_cell_name(a->m.r1, a->m.c1, from);
		imp_cell_name(a->m.r2, a->m.c2, to);
		snprintf(range, sizeof(range), "%s:%s", from, to);
		diag_at(rows, IMP_ERROR, row, a->m.c1, range,
		        "merged cells in the header row; unmerge them so that "
		        "each column has its own name");
		rows->stop = true;
		return;
	}
	offsets = g_new(size_t, rows->cells->len + 1);
	g_string_truncate(rows->rec_text, 0);
	g_array_set_size(rows->rec_cells, 0);
	for (guint i = 0; i < rows->cells->len; i++) {
		const struct wb_cell *c =
		    &g_array_index(rows->cells, struct wb_cell, i);
		if (n == IMP_MAX_FIELDS) {
			diag_at(rows, IMP_ERROR, row, -1, NULL,
			        "a header of more than 256 columns");
			rows->stop = true;
			break;
		}
		rows->field_of[c->col] = (int)n;
		g_array_append_val(rows->columns, c->col);
		g_ptr_array_add(rows->names,
		                g_strndup(rows->text->str + c->off, c->len));
		append_field(rows, &offsets[n++], c->col, c->type, c->number,
		             c->days, rows->text->str + c->off, c->len);
	}
	rows->have_header = true;
	if (!rows->stop)
		deliver(rows, row, n, offsets);
	g_free(offsets);
}

/* A data row: one field per header column, from the cell there or the
 * merged range it is in.  A row whose fields are all empty (its values,
 * if any, are under columns without a header) is no record. */
static void take_record(struct wb_rows *rows, long row)
{
	size_t n = rows->columns->len;
	size_t *offsets = g_new(size_t, n + 1);
	bool any = false;

	g_string_truncate(rows->rec_text, 0);
	g_array_set_size(rows->rec_cells, 0);
	for (size_t i = 0; i < n; i++) {
		int col = g_array_index(rows->columns, int, i);
		const struct wb_active *a = merged(rows, row, i, col);
		const struct wb_cell *c = a ? NULL : cell_at(rows, col);
		if (a) {
			append_field(rows, &offsets[i], col, a->type, a->number,
			             a->days, a->text ? a->text : "", a->len);
			any = any || a->len > 0;
		} else if (c) {
			append_field(rows, &offsets[i], col, c->type, c->number,
			             c->days, rows->text->str + c->off, c->len);
			any = true;
		} else {
			append_field(rows, &offsets[i], col, IMP_CELL_EMPTY, 0,
			             0, "", 0);
		}
	}
	if (any)
		deliver(rows, row, n, offsets);
	g_free(offsets);
}

/* Puts the row's cells in column order, the last given of a column
 * standing for it (a file may name a cell twice). */
static void sort_cells(struct wb_rows *rows)
{
	guint kept = 0;

	g_array_sort(rows->cells, by_column);
	for (guint i = 0; i < rows->cells->len; i++) {
		struct wb_cell *c =
		    &g_array_index(rows->cells, struct wb_cell, i);
		if (i + 1 < rows->cells->len && c[1].col == c->col)
			continue;
		g_array_index(rows->cells, struct wb_cell, kept++) = *c;
	}
	g_array_set_size(rows->cells, kept);
}

void imp_wb_row_end(struct wb_rows *rows, long repeat)
{
	long last;

	if (rows->stop)
		return;
	if (repeat < 1)
		repeat = 1;
	last = rows->row + repeat - 1;
	if (rows->cells->len == 0 && !rows->row_bad) {
		/* Empty rows, however many: only ranges start and end. */
		end_merges(rows, rows->row - 1);
		start_merges(rows, last);
		end_merges(rows, last);
		return;
	}
	if (repeat > WB_MAX_REPEAT) {
		/* Calc writes identical rows once; a file of data has no ten
		 * thousand of them, and a few bytes must not stand for a
		 * million records. */
		diag_at(
		    rows, IMP_ERROR, rows->row, -1, NULL,
		    "a row repeated more than 10,000 times; make its copies "
		    "differ or remove them");
		rows->stop = true;
		return;
	}
	/* A repeated row is the same cells each time: ordered and mapped
	 * once. */
	sort_cells(rows);
	index_cells(rows, true);
	for (long r = rows->row; r <= last && !rows->stop; r++) {
		if (r > WB_MAX_ROWS) {
			diag_at(rows, IMP_ERROR, 0, -1, NULL,
			        "values below row 1,048,576, the last row of "
			        "a sheet");
			rows->stop = true;
			break;
		}
		end_merges(rows, r - 1);
		start_merges(rows, r);
		if (rows->row_bad && !rows->have_header)
			rows->stop = true; /* without a header nothing reads */
		else if (!rows->have_header)
			take_header(rows, r);
		else if (!rows->row_bad)
			take_record(rows, r);
		end_merges(rows, r);
		rows->stats->lines = r;
	}
	index_cells(rows, false);
}

/* ---- the public face ----------------------------------------------------- */

static void close_zip(struct imp_workbook *wb)
{
	if (wb->zip)
		zip_discard(wb->zip);
	wb->zip = NULL;
}

void imp_workbook_close(struct imp_workbook *wb)
{
	if (!wb)
		return;
	close_zip(wb);
	g_free(wb->name);
	g_free(wb->sheet);
	g_free(wb->sheet_part);
	g_free(wb->shared_part);
	g_free(wb->styles_part);
	g_free(wb->source);
	g_free(wb);
}

const char *imp_workbook_sheet(const struct imp_workbook *wb)
{
	return wb->sheet;
}

/* Opens the archive in FP; a file that is no zip archive, or a damaged
 * one, is an error. */
static enum cbm_status open_zip(struct imp_workbook *wb, FILE *fp,
                                struct imp_diags *diags)
{
	struct file_source *fs = g_new0(struct file_source, 1);
	zip_error_t ze;
	zip_source_t *src;
	enum cbm_status rc = CBM_OK;
	off_t size;

	wb->source = fs;
	fs->fp = fp;
	zip_error_init(&fs->error);
	if (fseeko(fp, 0, SEEK_END) != 0 || (size = ftello(fp)) < 0 ||
	    fseeko(fp, 0, SEEK_SET) != 0)
		return imp_wb_error(wb, diags, "cannot read the file: %s",
		                    strerror(errno));
	fs->size = wb->file_size = (uint64_t)size;
	zip_error_init(&ze);
	src = zip_source_function_create(file_source, fs, &ze);
	if (src)
		wb->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!wb->zip) {
		if (src)
			zip_source_free(src);
		rc = imp_wb_error(
		    wb, diags,
		    "cannot be read as a workbook: a damaged or "
		    "incomplete zip archive (%s); open it in Excel or "
		    "LibreOffice and save it again",
		    zip_error_strerror(&ze));
	}
	zip_error_fini(&ze);
	return rc;
}

enum cbm_status imp_workbook_open(struct imp_workbook **out, FILE *fp,
                                  const char *name, const char *sheet,
                                  struct imp_diags *diags)
{
	struct imp_workbook *wb = g_new0(struct imp_workbook, 1);
	enum cbm_status rc;
	char *mime;

	*out = NULL;
	wb->name = g_strdup(name);
	rc = open_zip(wb, fp, diags);
	if (rc != CBM_OK) {
		imp_workbook_close(wb);
		return rc;
	}
	mime = imp_wb_read_small(wb, "mimetype");
	if (mime && g_str_has_prefix(g_strstrip(mime),
	                             "application/vnd.oasis.opendocument."
	                             "spreadsheet")) {
		wb->format = WB_ODS;
		rc = imp_wb_ods_open(wb, sheet, diags);
	} else if (mime) {
		rc = imp_wb_error(
		    wb, diags,
		    "an OpenDocument file of another kind (%s), not "
		    "a spreadsheet",
		    g_utf8_validate(mime, -1, NULL) ? mime : "?");
	} else if (zip_name_locate(wb->zip, "[Content_Types].xml",
	                           ZIP_FL_NOCASE) >= 0) {
		wb->format = WB_XLSX;
		rc = imp_wb_xlsx_open(wb, sheet, diags);
	} else {
		rc = imp_wb_error(
		    wb, diags,
		    "a zip archive that holds no workbook (.xlsx or "
		    ".ods)");
	}
	g_free(mime);
	if (rc != CBM_OK) {
		imp_workbook_close(wb);
		return rc;
	}
	*out = wb;
	return CBM_OK;
}

enum cbm_status imp_workbook_read(struct imp_workbook *wb, imp_record_fn fn,
                                  void *data, struct imp_diags *diags,
                                  struct imp_csv_stats *stats,
                                  void (*progress)(void *, uint64_t),
                                  void *pdata)
{
	struct imp_csv_stats local;
	struct wb_rows rows;

	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	wb->progress = progress;
	wb->pdata = pdata;
	imp_wb_rows_init(&rows, wb, diags, fn, data, stats);
	if (wb->format == WB_XLSX)
		imp_wb_xlsx_read(wb, &rows);
	else
		imp_wb_ods_read(wb, &rows);
	imp_wb_rows_release(&rows);
	wb->progress = NULL;
	return CBM_OK;
}
