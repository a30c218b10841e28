/*
 * diag.c - the list of problems found in a file, and their one-line form
 * FILE:LINE:COLUMN: message 'value' that DESIGN.md promises users.
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

void imp_diags_add(struct imp_diags *d, enum imp_severity sev, const char *file,
                   long line, const char *column, const char *value,
                   const char *fmt, ...)
{
	struct imp_diag *diag;
	size_t kept_errors = d->errors, kept_warnings = d->n - d->errors;
	va_list ap;

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
	va_start(ap, fmt);
	diag->message = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	if (sev == IMP_ERROR)
		d->errors++;
}

char *imp_diag_format(const struct imp_diag *diag)
{
	GString *s = g_string_new(diag->file);

	if (diag->line > 0)
		g_string_append_printf(s, ":%ld", diag->line);
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
