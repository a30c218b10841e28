/*
 * diag.c - the list of problems found in a file, and their one-line form
 * FILE:LINE:COLUMN: message 'value' that DESIGN.md promises users, or
 * FILE:SHEET!CELL:COLUMN: message 'value' in a workbook.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "import.h"

void imp_diags_init(struct imp_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void imp_diags_release(struct imp_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		g_free(d->items[i].file);
		g_free(d->items[i].column);
		g_free(d->items[i].message);
		g_free(d->items[i].value);
		g_free(d->items[i].sheet);
	}
	g_free(d->items);
	memset(d, 0, sizeof(*d));
}

/* Values are quoted in one line: long ones are cut, newlines shown. */
static char *clip_value(const char *value)
{
	GString *s;
	const char *p;
	int chars = 0;

	if (!value)
		return NULL;
	s = g_string_new(NULL);
	for (p = value; *p && chars < 80; p = g_utf8_next_char(p), chars++) {
		if (*p == '\n')
			g_string_append(s, "\\n");
		else if (*p == '\r')
			g_string_append(s, "\\r");
		else
			g_string_append_len(s, p, g_utf8_next_char(p) - p);
	}
	if (*p)
		g_string_append(s, "...");
	return g_string_free(s, FALSE);
}

static void add(struct imp_diags *d, enum imp_severity sev, const char *file,
                const char *sheet, long line, int cell, const char *column,
                const char *value, const char *fmt, va_list ap)
    __attribute__((format(printf, 9, 0)));

static void add(struct imp_diags *d, enum imp_severity sev, const char *file,
                const char *sheet, long line, int cell, const char *column,
                const char *value, const char *fmt, va_list ap)
{
	struct imp_diag *diag;
	size_t kept_errors = d->errors, kept_warnings = d->n - d->errors;

	if (sev == IMP_ERROR && kept_errors >= IMP_MAX_ERRORS) {
		d->truncated = true;
		return;
	}
	if (sev == IMP_WARNING && kept_warnings >= IMP_MAX_ERRORS)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 16;
		d->items = g_renew(struct imp_diag, d->items, d->cap);
	}
	diag = &d->items[d->n++];
	diag->severity = sev;
	diag->file = g_strdup(file ? file : "");
	diag->line = line;
	diag->column = g_strdup(column ? column : "");
	diag->value = g_utf8_validate(value ? value : "", -1, NULL)
	                  ? clip_value(value)
	                  : NULL;
	diag->message = g_strdup_vprintf(fmt, ap);
	diag->sheet = g_strdup(sheet);
	diag->cell = sheet ? cell : -1;
	if (sev == IMP_ERROR)
		d->errors++;
}

void imp_diags_add(struct imp_diags *d, enum imp_severity sev, const char *file,
                   long line, const char *column, const char *value,
                   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, sev, file, NULL, line, -1, column, value, fmt, ap);
	va_end(ap);
}

void imp_diags_add_cell(struct imp_diags *d, enum imp_severity sev,
                        const char *file, const char *sheet, long row, int cell,
                        const char *column, const char *value, const char *fmt,
                        ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, sev, file, sheet, row, cell, column, value, fmt, ap);
	va_end(ap);
}

void imp_cell_name(long row, int col, char buf[24])
{
	char letters[8];
	int n = 0;

	/* Bijective base 26: A..Z, AA..ZZ, AAA..XFD. */
	for (long c = col + 1L; col >= 0 && c > 0 && n < 7; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	for (int i = 0; i < n; i++)
		buf[i] = letters[n - 1 - i];
	snprintf(buf + n, 24 - (size_t)n, "%ld", row);
}

/* Excel quotes a sheet name in a reference unless it is a plain word. */
static bool needs_quotes(const char *sheet)
{
	if (!*sheet || g_ascii_isdigit(*sheet))
		return true;
	for (const char *p = sheet; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!g_unichar_isalnum(c) && c != '_')
			return true;
	}
	return false;
}

char *imp_where(const char *file, const char *sheet)
{
	GString *s = g_string_new(file);

	if (!sheet)
		return g_string_free(s, FALSE);
	g_string_append_c(s, ':');
	if (!needs_quotes(sheet)) {
		g_string_append(s, sheet);
		return g_string_free(s, FALSE);
	}
	g_string_append_c(s, '\'');
	for (const char *p = sheet; *p; p++) {
		if (*p == '\'')
			g_string_append_c(s, '\'');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '\'');
	return g_string_free(s, FALSE);
}

/* The place of a diagnostic in the sorted list. */
static long rank(const struct imp_diag *diag)
{
	return diag->severity == IMP_NOTE ? G_MAXLONG : diag->line;
}

void imp_diags_sort(struct imp_diags *d)
{
	/* Insertion sort: stable, and the list is short (errors are
	 * capped) and nearly in order. */
	for (size_t i = 1; i < d->n; i++) {
		struct imp_diag x = d->items[i];
		size_t j = i;
		while (j > 0 && rank(&d->items[j - 1]) > rank(&x)) {
			d->items[j] = d->items[j - 1];
			j--;
		}
		d->items[j] = x;
	}
}

char *imp_diag_format(const struct imp_diag *diag)
{
	char *where = imp_where(diag->file, diag->sheet);
	GString *s = g_string_new(where);
	char cell[24];

	g_free(where);
	if (diag->sheet && diag->line > 0) {
		imp_cell_name(diag->line, diag->cell, cell);
		g_string_append_printf(s, "!%s", cell);
	} else if (diag->line > 0) {
		g_string_append_printf(s, ":%ld", diag->line);
	}
	if (diag->column[0])
		g_string_append_printf(s, ":%s", diag->column);
	g_string_append(s, ": ");
	if (diag->severity == IMP_WARNING)
		g_string_append(s, "warning: ");
	g_string_append(s, diag->message);
	if (diag->value)
		g_string_append_printf(s, " '%s'", diag->value);
	return g_string_free(s, FALSE);
}
