/*
 * error.c - the sticky error record.  The first error set is the one kept:
 * later failures are usually consequences of it, and the first names the
 * row or call a user has to fix.
 */
#include <stdio.h>
#include <string.h>

#include "cbm.h"

void cbm_error_clear(struct cbm_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
}

enum cbm_status cbm_error_set(struct cbm_error *err, enum cbm_status code,
                              const char *src_file, int src_line,
                              const char *where, const char *fmt, ...)
{
	va_list ap;

	if (!err || err->code != CBM_OK)
		return code;
	err->code = code;
	err->src_file = src_file;
	err->src_line = src_line;
	snprintf(err->where, sizeof(err->where), "%s", where ? where : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

void cbm_error_format(const struct cbm_error *err, char *buf, size_t n)
{
	if (err->where[0])
		snprintf(buf, n, "%s: %s", err->where, err->message);
	else
		snprintf(buf, n, "%s", err->message);
}
