/*
 * ods.c - the cells of an OpenDocument spreadsheet (.ods, LibreOffice
 * Calc's own format).
 *
 * Every sheet is a <table:table> of content.xml, read in one stream: the
 * tables before the chosen one are parsed and passed over.  A row or a
 * cell may stand for many (number-rows-repeated, number-columns-repeated:
 * Calc writes the empty rest of a sheet as one row repeated a million
 * times), which the row assembly takes without expanding empty ones.
 *
 * A cell says what it holds in office:value-type: float, percentage and
 * currency carry office:value, date office:date-value, and string (or
 * boolean, time) the text of its paragraphs, joined by newlines, with
 * <text:s text:c="3"/> for spaces, <text:tab/> and <text:line-break/>.
 * A formula keeps its result in the same attributes; calcext:value-type
 * "error" marks a failed one.  A merged range is written on its top-left
 * cell (number-columns-spanned, number-rows-spanned), the cells it covers
 * as <table:covered-table-cell>.  Comments (office:annotation) and shapes
 * anchored in a cell are not part of its text.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "workbook_internal.h"

#define NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_DRAW     "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define NS_CALCEXT                                                             \
	"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

/* A count attribute (repeated, spanned): 1 when absent or unreadable,
 * at most MAX. */
static long count_attr(const XML_Char **atts, const char *name, long max)
{
	const char *v = imp_wb_attr(atts, name);
	char *end = NULL;
	long n = v ? strtol(v, &end, 10) : 1;

	if (!v || *end || n < 1)
		return 1;
	return n > max ? max : n;
}

/* ---- opening: the manifest and the tables' names ------------------------- */

struct manifest {
	struct wb_xml x;
	bool in_content; /* in the entry of content.xml */
	bool encrypted;
};

static void manifest_start(void *ud, const XML_Char *name,
                           const XML_Char **atts)
{
	struct manifest *m = ud;
	const char *path = imp_wb_attr(atts, NS_MANIFEST "|full-path");

	if (imp_wb_is(name, NS_MANIFEST, "file-entry"))
		m->in_content = path && strcmp(path, "content.xml") == 0;
	else if (m->in_content &&
	         imp_wb_is(name, NS_MANIFEST, "encryption-data"))
		m->encrypted = true;
}

struct names {
	struct wb_xml x;
	const char *wanted;
	GPtrArray *names; /* char *: the tables met so far */
	int depth;        /* of nested tables */
};

static void names_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct names *n = ud;
	const char *table = imp_wb_attr(atts, NS_TABLE "|name");

	if (!imp_wb_is(name, NS_TABLE, "table"))
		return;
	if (n->depth++ > 0)
		return;
	if (n->names->len >= WB_MAX_SHEETS) {
		imp_wb_xml_fail(&n->x, "too many sheets");
		return;
	}
	g_ptr_array_add(n->names, g_strdup(table ? table : ""));
	if (!n->wanted || (table && strcmp(table, n->wanted) == 0))
		imp_wb_xml_done(&n->x);
}

static void names_end(void *ud, const XML_Char *name)
{
	struct names *n = ud;

	if (imp_wb_is(name, NS_TABLE, "table"))
		n->depth--;
}

enum cbm_status imp_wb_ods_open(struct imp_workbook *wb, const char *sheet,
                                struct imp_diags *diags)
{
	struct manifest m = {0};
	struct names n = {0};
	enum cbm_status rc;
	int i;

	rc = imp_wb_parse_part(wb, "META-INF/manifest.xml", false, diags, &m.x,
	                       manifest_start, NULL, NULL);
	if (rc == CBM_OK && m.encrypted)
		return imp_wb_error(
		    wb, diags,
		    "an encrypted workbook; open it in Excel or "
		    "LibreOffice and save it without a password");
	if (rc != CBM_OK)
		return rc;
	n.wanted = sheet;
	n.names = g_ptr_array_new_with_free_func(g_free);
	rc = imp_wb_parse_part(wb, "content.xml", true, diags, &n.x,
	                       names_start, names_end, NULL);
	if (rc == CBM_OK) {
		i = sheet ? imp_wb_find_sheet(n.names, sheet) : 0;
		if (sheet && i < 0)
			rc = imp_wb_sheet_missing(wb, diags, n.names, sheet);
		else if (n.names->len == 0)
			rc = imp_wb_error(wb, diags,
			                  "a workbook without sheets");
		else {
			wb->table = i;
			wb->sheet = g_strdup(g_ptr_array_index(n.names, i));
		}
	}
	g_ptr_array_free(n.names, TRUE);
	return rc;
}

/* ---- reading ------------------------------------------------------------- */

struct ods {
	struct wb_xml x;
	struct wb_rows *rows;
	int target; /* the table to read */
	int tables; /* top-level tables met */
	int depth;  /* of nested tables */
	bool in_table, in_row, in_cell;
	long row, row_repeat;
	int col;
	int skip; /* depth inside what is no part of a cell's text */

	/* The cell being read. */
	bool covered, error, formula, too_long;
	long col_repeat, col_span, row_span;
	char type[16];
	char *value, *date, *string;
	GString *text;
	int paragraphs; /* met in this cell */
	int in_text;    /* depth of <text:p> and <text:h> */
};

static void cell_start(struct ods *o, const XML_Char *name,
                       const XML_Char **atts)
{
	const char *type = imp_wb_attr(atts, NS_OFFICE "|value-type");
	const char *ext = imp_wb_attr(atts, NS_CALCEXT "|value-type");
	const char *boolean = imp_wb_attr(atts, NS_OFFICE "|boolean-value");

	o->in_cell = true;
	o->covered = imp_wb_is(name, NS_TABLE, "covered-table-cell");
	o->col_repeat =
	    count_attr(atts, NS_TABLE "|number-columns-repeated", WB_MAX_COLS);
	o->col_span =
	    count_attr(atts, NS_TABLE "|number-columns-spanned", WB_MAX_COLS);
	o->row_span =
	    count_attr(atts, NS_TABLE "|number-rows-spanned", WB_MAX_ROWS);
	g_strlcpy(o->type, type ? type : "", sizeof(o->type));
	o->error = ext && strcmp(ext, "error") == 0;
	o->formula = imp_wb_attr(atts, NS_TABLE "|formula") != NULL;
	o->value = g_strdup(imp_wb_attr(atts, NS_OFFICE "|value"));
	o->date = g_strdup(imp_wb_attr(atts, NS_OFFICE "|date-value"));
	o->string = g_strdup(imp_wb_attr(atts, NS_OFFICE "|string-value"));
	if (boolean && !o->string)
		o->string =
		    g_strdup(strcmp(boolean, "true") == 0 ? "TRUE" : "FALSE");
	o->too_long = false;
	o->paragraphs = o->in_text = 0;
	g_string_truncate(o->text, 0);
}

static void append_text(struct ods *o, const char *text, size_t len)
{
	if (o->too_long)
		return;
	if (o->text->len + len > IMP_MAX_FIELD_BYTES) {
		o->too_long = true;
		return;
	}
	g_string_append_len(o->text, text, (gssize)len);
}

static void text_start(struct ods *o, const XML_Char *name,
                       const XML_Char **atts)
{
	if (imp_wb_is(name, NS_OFFICE, "annotation") ||
	    g_str_has_prefix(name, NS_DRAW "|")) {
		o->skip = 1;
	} else if (imp_wb_is(name, NS_TEXT, "p") ||
	           imp_wb_is(name, NS_TEXT, "h")) {
		if (o->paragraphs++ > 0)
			append_text(o, "\n", 1);
		o->in_text++;
	} else if (!o->in_text) {
		return;
	} else if (imp_wb_is(name, NS_TEXT, "s")) {
		long n = count_attr(atts, NS_TEXT "|c", IMP_MAX_FIELD_BYTES);
		for (long i = 0; i < n && !o->too_long; i++)
			append_text(o, " ", 1);
	} else if (imp_wb_is(name, NS_TEXT, "tab")) {
		append_text(o, "\t", 1);
	} else if (imp_wb_is(name, NS_TEXT, "line-break")) {
		append_text(o, "\n", 1);
	}
}

static void ods_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct ods *o = ud;

	if (o->skip) {
		o->skip++;
	} else if (o->in_cell) {
		text_start(o, name, atts);
	} else if (imp_wb_is(name, NS_TABLE, "table")) {
		if (o->depth++ == 0)
			o->in_table = o->tables++ == o->target;
	} else if (!o->in_table || o->depth != 1) {
		return;
	} else if (imp_wb_is(name, NS_TABLE, "table-row")) {
		o->row_repeat = count_attr(
		    atts, NS_TABLE "|number-rows-repeated", WB_MAX_ROWS);
		o->in_row = true;
		o->col = 0;
		imp_wb_row_begin(o->rows, o->row);
	} else if (o->in_row &&
	           (imp_wb_is(name, NS_TABLE, "table-cell") ||
	            imp_wb_is(name, NS_TABLE, "covered-table-cell"))) {
		cell_start(o, name, atts);
	}
}

/* Puts the cell's value in its columns (one, or as many as it is
 * repeated). */
static void place(struct ods *o, long n)
{
	struct wb_rows *rows = o->rows;
	const char *text = o->string ? o->string : o->text->str;
	size_t len = o->string ? strlen(o->string) : o->text->len;
	char *end = NULL;
	double number = 0;
	int32_t days = 0;
	enum imp_cell_type type = IMP_CELL_TEXT;

	if (strcmp(o->type, "float") == 0 ||
	    strcmp(o->type, "percentage") == 0 ||
	    strcmp(o->type, "currency") == 0) {
		number = o->value ? g_ascii_strtod(o->value, &end) : NAN;
		if (!o->value || !*o->value || *end || !isfinite(number)) {
			imp_wb_cell_error(rows, o->col, o->value,
			                  "not a number");
			return;
		}
		type = IMP_CELL_NUMBER;
	} else if (strcmp(o->type, "date") == 0) {
		if (!o->date || !imp_wb_iso_days(o->date, &days)) {
			imp_wb_cell_error(rows, o->col, o->date, "not a date");
			return;
		}
		type = IMP_CELL_DATE;
	} else if (!o->type[0] && o->formula) {
		imp_wb_cell_error(
		    rows, o->col, NULL,
		    "a formula without a saved result; open the "
		    "workbook in LibreOffice, let it calculate and "
		    "save it");
		return;
	}
	if (type == IMP_CELL_NUMBER)
		imp_wb_cell_number(rows, o->col, n, number);
	else if (type == IMP_CELL_DATE)
		imp_wb_cell_date(rows, o->col, n, days);
	else
		imp_wb_cell_text(rows, o->col, n, text, len);
}

static void cell_end(struct ods *o)
{
	long n = o->col_repeat;

	o->in_cell = false;
	if (o->col >= WB_MAX_COLS) {
		/* Beyond XFD: only Calc's empty filler goes there. */
	} else if (o->col + n > WB_MAX_COLS) {
		n = WB_MAX_COLS - o->col;
	}
	if (o->col < WB_MAX_COLS && !o->covered) {
		if (o->col_span > 1 || o->row_span > 1)
			imp_wb_merge_add(
			    o->rows, o->row, o->col,
			    MIN(o->row + o->row_span - 1, WB_MAX_ROWS),
			    (int)MIN(o->col + o->col_span - 1,
			             WB_MAX_COLS - 1));
		if (o->too_long)
			imp_wb_cell_error(o->rows, o->col, NULL,
			                  "a cell longer than 1 MiB");
		else if (o->error)
			imp_wb_cell_error(
			    o->rows, o->col, o->text->str,
			    "an error value in the cell (a formula "
			    "that failed)");
		else
			place(o, n);
	}
	o->col = (int)MIN((long)o->col + o->col_repeat, (long)WB_MAX_COLS);
	g_free(o->value);
	g_free(o->date);
	g_free(o->string);
	o->value = o->date = o->string = NULL;
}

static void ods_end(void *ud, const XML_Char *name)
{
	struct ods *o = ud;

	if (o->skip) {
		o->skip--;
	} else if (o->in_cell &&
	           (imp_wb_is(name, NS_TABLE, "table-cell") ||
	            imp_wb_is(name, NS_TABLE, "covered-table-cell"))) {
		cell_end(o);
	} else if (o->in_cell) {
		if (imp_wb_is(name, NS_TEXT, "p") ||
		    imp_wb_is(name, NS_TEXT, "h"))
			o->in_text--;
	} else if (imp_wb_is(name, NS_TABLE, "table")) {
		if (--o->depth == 0 && o->in_table)
			imp_wb_xml_done(&o->x); /* the chosen table is read */
	} else if (o->in_row && o->in_table && o->depth == 1 &&
	           imp_wb_is(name, NS_TABLE, "table-row")) {
		o->in_row = false;
		imp_wb_row_end(o->rows, o->row_repeat);
		o->row += o->row_repeat;
		if (o->rows->stop)
			imp_wb_xml_done(&o->x);
	}
}

static void ods_text(void *ud, const XML_Char *text, int len)
{
	struct ods *o = ud;

	if (o->in_cell && o->in_text > 0 && !o->skip)
		append_text(o, text, (size_t)len);
}

enum cbm_status imp_wb_ods_read(struct imp_workbook *wb, struct wb_rows *rows)
{
	struct ods o = {0};
	enum cbm_status rc;

	o.rows = rows;
	o.target = wb->table;
	o.row = 1;
	o.text = g_string_new(NULL);
	o.x.progress = true;
	rc = imp_wb_parse_part(wb, "content.xml", true, rows->diags, &o.x,
	                       ods_start, ods_end, ods_text);
	rows->stats->bytes = o.x.bytes;
	g_free(o.value);
	g_free(o.date);
	g_free(o.string);
	g_string_free(o.text, TRUE);
	return rc;
}
