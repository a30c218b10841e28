/*
 * output.c - tables of results as a table for people, CSV or JSON.
 *
 * The table format aligns columns by display width, not bytes: a Cyrillic
 * letter is two bytes and one column, a CJK ideograph three bytes and two
 * columns.  CSV quotes with libcsv where a field needs it; JSON is one array
 * of objects, strings escaped as RFC 8259 asks (", \ and control
 * characters; UTF-8 passes through).
 */
#include <csv.h>
#include <string.h>

#include "cli.h"

bool out_format_parse(const char *s, enum out_format *out)
{
	static const char *const names[] = {"table", "csv", "json"};

	for (int i = 0; i < 3; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (enum out_format)i;
			return true;
		}
	}
	return false;
}

void out_table_init(struct out_table *t)
{
	t->columns = g_ptr_array_new_with_free_func(g_free);
	t->rows = g_ptr_array_new();
}

void out_table_release(struct out_table *t)
{
	for (guint r = 0; r < t->rows->len; r++) {
		struct out_cell *cells = g_ptr_array_index(t->rows, r);
		for (guint c = 0; c < t->columns->len; c++) {
			g_free(cells[c].plain);
			g_free(cells[c].display);
		}
		g_free(cells);
	}
	g_ptr_array_free(t->rows, TRUE);
	g_ptr_array_free(t->columns, TRUE);
}

void out_table_column(struct out_table *t, const char *name)
{
	g_assert(t->rows->len == 0);
	g_ptr_array_add(t->columns, g_strdup(name));
}

void out_table_row(struct out_table *t)
{
	g_ptr_array_add(t->rows, g_new0(struct out_cell, t->columns->len));
}

void out_set(struct out_table *t, size_t col, const char *plain,
             const char *display, bool number)
{
	struct out_cell *cells = g_ptr_array_index(t->rows, t->rows->len - 1);

	g_assert(col < t->columns->len);
	g_free(cells[col].plain);
	g_free(cells[col].display);
	cells[col].plain = g_strdup(plain);
	cells[col].display = g_strdup(display);
	cells[col].number = number;
}

size_t out_display_width(const char *s)
{
	size_t w = 0;

	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_iszerowidth(c))
			continue;
		w += g_unichar_iswide(c) ? 2 : 1;
	}
	return w;
}

static const char *shown(const struct out_cell *cell)
{
	if (cell->display)
		return cell->display;
	return cell->plain ? cell->plain : "";
}

/* Newlines and tabs would break the grid: show them as spaces. */
static char *one_line(const char *s)
{
	char *copy = g_strdup(s);

	for (char *p = copy; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return copy;
}

static void pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

static void print_cell(FILE *fp, const char *text, size_t width, bool right,
                       bool last)
{
	char *line = one_line(text);
	size_t w = out_display_width(line);

	if (right)
		pad(fp, width - w);
	fputs(line, fp);
	if (!right && !last)
		pad(fp, width - w);
	g_free(line);
}

static void print_table(const struct out_table *t, FILE *fp)
{
	size_t ncol = t->columns->len;
	size_t *width = g_new0(size_t, ncol);
	bool *right = g_new0(bool, ncol);

	for (size_t c = 0; c < ncol; c++)
		width[c] = out_display_width(g_ptr_array_index(t->columns, c));
	for (guint r = 0; r < t->rows->len; r++) {
		struct out_cell *cells = g_ptr_array_index(t->rows, r);
		for (size_t c = 0; c < ncol; c++) {
			char *line = one_line(shown(&cells[c]));
			size_t w = out_display_width(line);
			width[c] = MAX(width[c], w);
			right[c] = right[c] || cells[c].number;
			g_free(line);
		}
	}
	for (size_t c = 0; c < ncol; c++) {
		print_cell(fp, g_ptr_array_index(t->columns, c), width[c],
		           right[c], c + 1 == ncol);
		fputs(c + 1 < ncol ? "  " : "\n", fp);
	}
	for (size_t c = 0; c < ncol; c++) {
		for (size_t i = 0; i < width[c]; i++)
			fputc('-', fp);
		fputs(c + 1 < ncol ? "  " : "\n", fp);
	}
	for (guint r = 0; r < t->rows->len; r++) {
		struct out_cell *cells = g_ptr_array_index(t->rows, r);
		for (size_t c = 0; c < ncol; c++) {
			print_cell(fp, shown(&cells[c]), width[c], right[c],
			           c + 1 == ncol);
			fputs(c + 1 < ncol ? "  " : "\n", fp);
		}
	}
	g_free(width);
	g_free(right);
}

/* Quotes a field only when it needs quoting, as spreadsheets do. */
static void csv_field(FILE *fp, const char *v)
{
	if (strpbrk(v, ",\"\r\n") || v[0] == ' ')
		csv_fwrite(fp, v, strlen(v));
	else
		fputs(v, fp);
}

static void print_csv(const struct out_table *t, FILE *fp)
{
	size_t ncol = t->columns->len;

	for (size_t c = 0; c < ncol; c++) {
		const char *name = g_ptr_array_index(t->columns, c);
		csv_field(fp, name);
		fputs(c + 1 < ncol ? "," : "\n", fp);
	}
	for (guint r = 0; r < t->rows->len; r++) {
		struct out_cell *cells = g_ptr_array_index(t->rows, r);
		for (size_t c = 0; c < ncol; c++) {
			const char *v = cells[c].plain;
			if (v && cells[c].number)
				fputs(v, fp);
			else if (v)
				csv_field(fp, v);
			fputs(c + 1 < ncol ? "," : "\n", fp);
		}
	}
}

static void json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p == '\r')
			fputs("\\r", fp);
		else if (*p < 0x20)
			fprintf(fp, "\\u%04x", *p);
		else
			fputc(*p, fp);
	}
	fputc('"', fp);
}

static void print_json(const struct out_table *t, FILE *fp)
{
	size_t ncol = t->columns->len;

	fputc('[', fp);
	for (guint r = 0; r < t->rows->len; r++) {
		struct out_cell *cells = g_ptr_array_index(t->rows, r);
		fputs(r ? ",\n {" : "\n {", fp);
		for (size_t c = 0; c < ncol; c++) {
			if (c)
				fputs(", ", fp);
			json_string(fp, g_ptr_array_index(t->columns, c));
			fputs(": ", fp);
			if (!cells[c].plain)
				fputs("null", fp);
			else if (cells[c].number)
				fputs(cells[c].plain, fp);
			else
				json_string(fp, cells[c].plain);
		}
		fputc('}', fp);
	}
	fputs(t->rows->len ? "\n]\n" : "]\n", fp);
}

void out_print(const struct out_table *t, enum out_format format, FILE *fp)
{
	switch (format) {
	case OUT_CSV:
		print_csv(t, fp);
		break;
	case OUT_JSON:
		print_json(t, fp);
		break;
	default:
		print_table(t, fp);
		break;
	}
}
