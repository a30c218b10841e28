/*
 * output.c - results as a table for people, CSV or JSON, whole or streamed
 * (workbooks are in xlsx.c; a stream of rows into a sheet starts here).
 *
 * The table format aligns columns by display width, not bytes: a Cyrillic
 * letter is two bytes and one column, a CJK ideograph three bytes and two
 * columns.  CSV quotes with libcsv where a field needs it; JSON is one array
 * of objects, strings escaped as RFC 8259 asks (", \ and control
 * characters; UTF-8 passes through).  A value is LEN bytes, not a C string:
 * SQLite's TEXT may hold NUL bytes, which csv keeps, JSON escapes and the
 * table shows as U+2400.
 *
 * One printer writes both a whole struct out_table (out_print) and a
 * stream of rows (out_stream_*): the header, each row and the end are
 * written by the same functions, so `cbm stats` and `cbm query` print
 * alike.  The stream holds only the rows the table format sizes its
 * columns on, at most OUT_STREAM_SAMPLE_ROWS and about
 * OUT_STREAM_SAMPLE_BYTES.
 */
#include <csv.h>
#include <string.h>

#include "output_internal.h"

bool out_format_parse(const char *s, enum out_format *out)
{
	static const char *const names[] = {"table", "csv", "json", "xlsx"};

	for (int i = 0; i < 4; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (enum out_format)i;
			return true;
		}
	}
	return false;
}

bool out_format_of_path(const char *path, enum out_format *out)
{
	static const char *const ext[] = {".txt", ".csv", ".json", ".xlsx"};
	size_t n = path ? strlen(path) : 0;

	for (int i = 0; i < 4; i++) {
		size_t e = strlen(ext[i]);
		if (n > e && g_ascii_strcasecmp(path + n - e, ext[i]) == 0) {
			*out = (enum out_format)i;
			return true;
		}
	}
	return false;
}

bool out_format_binary(enum out_format format)
{
	return format == OUT_XLSX;
}

/* ---- rows of owned cells --------------------------------------------------
 */

/* A copy of N bytes at S with a NUL after them; NULL for NULL. */
static char *copy_bytes(const char *s, size_t n)
{
	char *copy;

	if (!s)
		return NULL;
	copy = g_malloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

static void cell_copy(struct out_cell *to, const struct out_cell *from)
{
	to->plain = copy_bytes(from->plain, from->len);
	to->len = from->plain ? from->len : 0;
	to->display = g_strdup(from->display);
	to->number = from->number;
	to->kind = from->kind;
	to->decimals = from->decimals;
}

static void cell_free(struct out_cell *cell)
{
	g_free((char *)cell->plain);
	g_free((char *)cell->display);
}

/* Frees the rows of NCOL owned cells in ROWS and empties it. */
static void rows_clear(GPtrArray *rows, size_t ncol)
{
	for (guint r = 0; r < rows->len; r++) {
		struct out_cell *cells = g_ptr_array_index(rows, r);
		for (size_t c = 0; c < ncol; c++)
			cell_free(&cells[c]);
		g_free(cells);
	}
	g_ptr_array_set_size(rows, 0);
}

void out_table_init(struct out_table *t)
{
	memset(t, 0, sizeof(*t));
	t->columns = g_ptr_array_new_with_free_func(g_free);
	t->rows = g_ptr_array_new();
}

void out_table_release(struct out_table *t)
{
	rows_clear(t->rows, t->columns->len);
	if (t->totals) {
		for (size_t c = 0; c < t->columns->len; c++)
			cell_free(&t->totals[c]);
		g_free(t->totals);
	}
	g_ptr_array_free(t->rows, TRUE);
	g_ptr_array_free(t->columns, TRUE);
	t->totals = t->last = NULL;
}

void out_table_column(struct out_table *t, const char *name)
{
	g_assert(t->rows->len == 0);
	g_ptr_array_add(t->columns, g_strdup(name));
}

void out_table_row(struct out_table *t)
{
	g_assert(!t->totals);
	t->last = g_new0(struct out_cell, t->columns->len);
	g_ptr_array_add(t->rows, t->last);
}

void out_table_totals(struct out_table *t)
{
	g_assert(!t->totals);
	t->totals = t->last = g_new0(struct out_cell, t->columns->len);
}

void out_set_kind(struct out_table *t, size_t col, const char *plain,
                  const char *display, enum out_kind kind, int decimals)
{
	struct out_cell given = {
	    .plain = plain,
	    .len = plain ? strlen(plain) : 0,
	    .display = display,
	    .number = kind != OUT_TEXT && kind != OUT_DATE && kind != OUT_AUTO,
	    .kind = kind,
	    .decimals = decimals,
	};

	g_assert(t->last && col < t->columns->len);
	cell_free(&t->last[col]);
	cell_copy(&t->last[col], &given);
}

void out_set(struct out_table *t, size_t col, const char *plain,
             const char *display, bool number)
{
	out_set_kind(t, col, plain, display, number ? OUT_REAL : OUT_TEXT, -1);
}

/* ---- text as the table shows it ------------------------------------------
 */

/* One character of a value as the table shows it. */
struct shown_char {
	const char *bytes; /* what to print */
	size_t len;        /* its length */
	size_t width;      /* display columns */
	size_t used;       /* bytes of the value it stands for */
	char pic[8];       /* room for a control picture */
};

/* The character at S (N > 0 bytes left) as the table shows it: a newline,
 * carriage return or tab as a space, another control character as its
 * control picture (U+2400 + code, U+2421 for DEL), a byte that does not
 * start a valid UTF-8 character as U+FFFD, the rest as it is. */
static void show_char(const char *s, size_t n, struct shown_char *ch)
{
	unsigned char b = (unsigned char)s[0];
	gunichar c;

	ch->bytes = s;
	ch->len = ch->used = ch->width = 1;
	if (b == '\n' || b == '\r' || b == '\t') {
		ch->bytes = " ";
	} else if (b < 0x20 || b == 0x7f) {
		ch->len = (size_t)g_unichar_to_utf8(
		    b == 0x7f ? 0x2421 : 0x2400 + b, ch->pic);
		ch->bytes = ch->pic;
	} else if (b >= 0x80) {
		c = g_utf8_get_char_validated(s, (gssize)MIN(n, 6));
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			ch->bytes = "\xEF\xBF\xBD";
			ch->len = 3;
		} else {
			ch->len = ch->used = (size_t)g_utf8_skip[b];
			ch->width = g_unichar_iszerowidth(c) ? 0
			            : g_unichar_iswide(c)    ? 2
			                                     : 1;
		}
	}
}

static size_t text_width(const char *s, size_t n)
{
	struct shown_char ch;
	size_t w = 0;

	for (size_t i = 0; i < n; i += ch.used) {
		show_char(s + i, n - i, &ch);
		w += ch.width;
	}
	return w;
}

size_t out_display_width(const char *s)
{
	return text_width(s, strlen(s));
}

/* Writes the N bytes at S as the table shows them; runs of characters
 * shown as they are go out in one fwrite. */
static void put_text(FILE *fp, const char *s, size_t n)
{
	struct shown_char ch;
	size_t start = 0;

	for (size_t i = 0; i < n; i += ch.used) {
		show_char(s + i, n - i, &ch);
		if (ch.bytes == s + i)
			continue;
		fwrite(s + start, 1, i - start, fp);
		fwrite(ch.bytes, 1, ch.len, fp);
		start = i + ch.used;
	}
	fwrite(s + start, 1, n - start, fp);
}

/* The text a cell shows in the table, and its length. */
static const char *cell_text(const struct out_cell *cell, size_t *n)
{
	if (cell->display) {
		*n = strlen(cell->display);
		return cell->display;
	}
	*n = cell->plain ? cell->len : 0;
	return cell->plain ? cell->plain : "";
}

static void pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

/* ---- the printer ------------------------------------------------------------
 */

/* Writes one result in one format: start, (table: size), rows, end. */
struct printer {
	enum out_format format;
	FILE *fp;
	const GPtrArray *columns; /* char * (not owned) */
	size_t *width;            /* table: NULL until sized */
	bool *right;              /* table: right-aligned columns */
	uint64_t rows;            /* rows written */
	bool footed;              /* html: the totals' <tfoot> opened */
};

static void printer_init(struct printer *p, enum out_format format, FILE *fp,
                         const GPtrArray *columns)
{
	memset(p, 0, sizeof(*p));
	p->format = format;
	p->fp = fp;
	p->columns = columns;
}

static const char *column_name(const struct printer *p, size_t c)
{
	return g_ptr_array_index(p->columns, c);
}

/* Table format: cell C of a line, padded to its column's width (a wider
 * text is written whole, and widens the line), and what follows it. */
static void table_cell(struct printer *p, size_t c, const char *text, size_t n)
{
	size_t ncol = p->columns->len, w = text_width(text, n);
	size_t room = w < p->width[c] ? p->width[c] - w : 0;
	bool last = c + 1 == ncol;

	if (p->right[c])
		pad(p->fp, room);
	put_text(p->fp, text, n);
	if (!p->right[c] && !last)
		pad(p->fp, room);
	fputs(last ? "\n" : "  ", p->fp);
}

/* Quotes a field only when it needs quoting, as spreadsheets do. */
static void csv_field(FILE *fp, const char *v, size_t n)
{
	bool quote = n > 0 && v[0] == ' ';

	for (size_t i = 0; i < n && !quote; i++)
		quote =
		    v[i] == ',' || v[i] == '"' || v[i] == '\r' || v[i] == '\n';
	if (quote)
		csv_fwrite(fp, v, n);
	else
		fwrite(v, 1, n, fp);
}

static void json_string(FILE *fp, const char *s, size_t n)
{
	size_t start = 0;

	fputc('"', fp);
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x20 && b != '"' && b != '\\')
			continue;
		fwrite(s + start, 1, i - start, fp);
		start = i + 1;
		if (b == '"' || b == '\\')
			fprintf(fp, "\\%c", b);
		else if (b == '\n')
			fputs("\\n", fp);
		else if (b == '\t')
			fputs("\\t", fp);
		else if (b == '\r')
			fputs("\\r", fp);
		else
			fprintf(fp, "\\u%04x", b);
	}
	fwrite(s + start, 1, n - start, fp);
	fputc('"', fp);
}

/* HTML: N bytes of S as the text of an element, escaped; a byte that is
 * not UTF-8 becomes U+FFFD. */
static void html_text(FILE *fp, const char *s, size_t n)
{
	char *valid = g_utf8_make_valid(s, (gssize)n);
	char *esc = g_markup_escape_text(valid, -1);

	fputs(esc, fp);
	g_free(esc);
	g_free(valid);
}

/* What comes before the rows, in csv and json (the table's header waits
 * for its widths: printer_size). */
static void printer_start(struct printer *p)
{
	size_t ncol = p->columns->len;

	if (p->format == OUT_JSON) {
		fputc('[', p->fp);
	} else if (p->format == OUT_HTML) {
		fputs("<table>\n<thead><tr>", p->fp);
		for (size_t c = 0; c < ncol; c++) {
			const char *name = column_name(p, c);
			fputs("<th>", p->fp);
			html_text(p->fp, name, strlen(name));
			fputs("</th>", p->fp);
		}
		fputs("</tr></thead>\n<tbody>\n", p->fp);
	} else if (p->format == OUT_CSV) {
		for (size_t c = 0; c < ncol; c++) {
			const char *name = column_name(p, c);
			csv_field(p->fp, name, strlen(name));
			fputs(c + 1 < ncol ? "," : "\n", p->fp);
		}
	}
}

/* Table format: sizes the columns on the header and ROWS (arrays of
 * cells) and writes the header with its rule. */
static void printer_size(struct printer *p, const GPtrArray *rows)
{
	size_t ncol = p->columns->len, n;
	const char *text;

	p->width = g_new0(size_t, ncol);
	p->right = g_new0(bool, ncol);
	for (size_t c = 0; c < ncol; c++)
		p->width[c] = out_display_width(column_name(p, c));
	for (guint r = 0; r < rows->len; r++) {
		const struct out_cell *cells = g_ptr_array_index(rows, r);
		for (size_t c = 0; c < ncol; c++) {
			text = cell_text(&cells[c], &n);
			p->width[c] = MAX(p->width[c], text_width(text, n));
			p->right[c] = p->right[c] || cells[c].number;
		}
	}
	for (size_t c = 0; c < ncol; c++) {
		text = column_name(p, c);
		table_cell(p, c, text, strlen(text));
	}
	for (size_t c = 0; c < ncol; c++) {
		for (size_t i = 0; i < p->width[c]; i++)
			fputc('-', p->fp);
		fputs(c + 1 < ncol ? "  " : "\n", p->fp);
	}
}

static void printer_row(struct printer *p, const struct out_cell *cells)
{
	size_t ncol = p->columns->len, n;
	FILE *fp = p->fp;

	if (p->format == OUT_JSON)
		fputs(p->rows ? ",\n {" : "\n {", fp);
	else if (p->format == OUT_HTML)
		fputs("<tr>", fp);
	for (size_t c = 0; c < ncol; c++) {
		const struct out_cell *cell = &cells[c];
		const char *text;
		switch (p->format) {
		case OUT_CSV:
			if (cell->plain && cell->number)
				fwrite(cell->plain, 1, cell->len, fp);
			else if (cell->plain)
				csv_field(fp, cell->plain, cell->len);
			fputs(c + 1 < ncol ? "," : "\n", fp);
			break;
		case OUT_JSON:
			if (c)
				fputs(", ", fp);
			text = column_name(p, c);
			json_string(fp, text, strlen(text));
			fputs(": ", fp);
			if (!cell->plain)
				fputs("null", fp);
			else if (cell->number)
				fwrite(cell->plain, 1, cell->len, fp);
			else
				json_string(fp, cell->plain, cell->len);
			break;
		case OUT_HTML:
			text = cell_text(cell, &n);
			fputs(cell->number ? "<td class=\"n\">" : "<td>", fp);
			html_text(fp, text, n);
			fputs("</td>", fp);
			break;
		default:
			text = cell_text(cell, &n);
			table_cell(p, c, text, n);
			break;
		}
	}
	if (p->format == OUT_JSON)
		fputc('}', fp);
	else if (p->format == OUT_HTML)
		fputs("</tr>\n", fp);
	p->rows++;
}

/* Ends the output and frees what the printer holds. */
static void printer_end(struct printer *p)
{
	if (p->format == OUT_JSON)
		fputs(p->rows ? "\n]\n" : "]\n", p->fp);
	else if (p->format == OUT_HTML)
		fputs(p->footed ? "</tfoot>\n</table>\n"
		                : "</tbody>\n</table>\n",
		      p->fp);
	g_free(p->width);
	g_free(p->right);
	p->width = NULL;
	p->right = NULL;
}

/* Table format: a rule under the rows, then the totals; html: the totals
 * in the table's foot. */
static void printer_totals(struct printer *p, const struct out_cell *totals)
{
	if (p->format == OUT_HTML) {
		fputs("</tbody>\n<tfoot>", p->fp);
		p->footed = true;
		printer_row(p, totals);
		return;
	}
	for (size_t c = 0; c < p->columns->len; c++) {
		for (size_t i = 0; i < p->width[c]; i++)
			fputc('-', p->fp);
		fputs(c + 1 < p->columns->len ? "  " : "\n", p->fp);
	}
	printer_row(p, totals);
}

void out_print(const struct out_table *t, enum out_format format, FILE *fp)
{
	struct printer p;
	GPtrArray *sized = g_ptr_array_new();

	g_assert(format != OUT_XLSX);
	printer_init(&p, format, fp, t->columns);
	printer_start(&p);
	if (format == OUT_TABLE) {
		/* The totals are as wide as any row. */
		for (guint r = 0; r < t->rows->len; r++)
			g_ptr_array_add(sized, g_ptr_array_index(t->rows, r));
		if (t->totals)
			g_ptr_array_add(sized, t->totals);
		printer_size(&p, sized);
	}
	for (guint r = 0; r < t->rows->len; r++)
		printer_row(&p, g_ptr_array_index(t->rows, r));
	if ((format == OUT_TABLE || format == OUT_HTML) && t->totals)
		printer_totals(&p, t->totals);
	printer_end(&p);
	g_ptr_array_free(sized, TRUE);
}

/* ---- the stream -------------------------------------------------------------
 */

struct out_stream {
	struct printer p;
	struct out_table held; /* the columns; table: the rows held */
	size_t held_bytes;     /* bytes of their values */
	bool started;          /* printer_start done */
	bool sized;            /* table: printer_size done */
	/* xlsx: the book and the sheet's name until the sheet is opened
	 * with the columns, then the sheet */
	struct out_book *book;
	char *sheet_name;
	struct out_sheet *sheet;
	struct cbm_error err; /* the first error; CBM_OK while none */
};

struct out_stream *out_stream_open(enum out_format format, FILE *fp)
{
	struct out_stream *s = g_new0(struct out_stream, 1);

	g_assert(format != OUT_XLSX);
	out_table_init(&s->held);
	printer_init(&s->p, format, fp, s->held.columns);
	return s;
}

struct out_stream *out_stream_sheet(struct out_book *b, const char *name)
{
	struct out_stream *s = g_new0(struct out_stream, 1);

	out_table_init(&s->held);
	printer_init(&s->p, OUT_XLSX, NULL, s->held.columns);
	s->book = b;
	s->sheet_name = g_strdup(name);
	return s;
}

/* Opens the sheet of an xlsx stream once its columns are known. */
static bool sheet_start(struct out_stream *s)
{
	s->sheet =
	    out_sheet_open(s->book, s->sheet_name, s->held.columns, &s->err);
	return s->sheet != NULL;
}

/* False once the stream has failed, keeping the first error. */
static bool stream_ok(struct out_stream *s)
{
	if (s->err.code != CBM_OK)
		return false;
	if (s->sheet)
		return out_sheet_status(s->sheet, &s->err) == CBM_OK;
	if (s->p.fp && ferror(s->p.fp)) {
		CBM_ERROR(&s->err, CBM_EINTERNAL, NULL,
		          "cannot write the output");
		return false;
	}
	return true;
}

enum cbm_status out_stream_status(const struct out_stream *s,
                                  struct cbm_error *err)
{
	struct out_stream *m = (struct out_stream *)s;

	stream_ok(m);
	if (m->err.code != CBM_OK && err && err->code == CBM_OK)
		*err = m->err;
	return m->err.code;
}

void out_stream_column(struct out_stream *s, const char *name)
{
	g_assert(!s->started);
	out_table_column(&s->held, name);
}

static size_t row_bytes(const struct out_cell *cells, size_t ncol)
{
	size_t n = 0;

	for (size_t c = 0; c < ncol; c++)
		n += (cells[c].plain ? cells[c].len : 0) +
		     (cells[c].display ? strlen(cells[c].display) : 0);
	return n;
}

/* Table format: sizes the columns on the rows held, writes them and lets
 * them go. */
static void release_held(struct out_stream *s)
{
	printer_size(&s->p, s->held.rows);
	for (guint r = 0; r < s->held.rows->len; r++)
		printer_row(&s->p, g_ptr_array_index(s->held.rows, r));
	rows_clear(s->held.rows, s->held.columns->len);
	s->held_bytes = 0;
	s->sized = true;
}

bool out_stream_row(struct out_stream *s, const struct out_cell *cells)
{
	size_t ncol = s->held.columns->len, n;

	if (!stream_ok(s))
		return false;
	if (s->p.format == OUT_XLSX) {
		if (!s->sheet && !sheet_start(s))
			return false;
		out_sheet_row(s->sheet, cells);
		return stream_ok(s);
	}
	if (!s->started) {
		printer_start(&s->p);
		s->started = true;
	}
	if (s->p.format == OUT_TABLE && !s->sized) {
		n = row_bytes(cells, ncol);
		if (s->held_bytes + n > OUT_STREAM_SAMPLE_BYTES) {
			release_held(s);
		} else {
			struct out_cell *copy = g_new0(struct out_cell, ncol);
			for (size_t c = 0; c < ncol; c++)
				cell_copy(&copy[c], &cells[c]);
			g_ptr_array_add(s->held.rows, copy);
			s->held_bytes += n;
			if (s->held.rows->len == OUT_STREAM_SAMPLE_ROWS)
				release_held(s);
			return stream_ok(s);
		}
	}
	printer_row(&s->p, cells);
	return stream_ok(s);
}

void out_stream_finish(struct out_stream *s)
{
	if (s->p.format == OUT_XLSX) {
		if (stream_ok(s) && (s->sheet || sheet_start(s)))
			out_sheet_end(s->sheet);
		return;
	}
	if (!s->started) {
		printer_start(&s->p);
		s->started = true;
	}
	if (s->p.format == OUT_TABLE && !s->sized)
		release_held(s);
	printer_end(&s->p);
}

void out_stream_close(struct out_stream *s)
{
	if (!s)
		return;
	g_free(s->p.width);
	g_free(s->p.right);
	out_table_release(&s->held);
	out_sheet_free(s->sheet);
	g_free(s->sheet_name);
	g_free(s);
}
