/*
 * parse.c - one field into one value: amounts, dates, years, numbers and
 * free text, by the rules of DESIGN.md "Reading files".
 *
 * Amounts never go through floating point: the digits are read into
 * integer minor units, so "1 234 567,50" is exactly 123456750 cents.  The
 * C numeric locale is never consulted.
 *
 * Each reader says why a field did not parse as a reason code with its
 * details (struct imp_why); imp_why_text() is the one place that puts a
 * reason into words, so that a caller decides what to add to a message
 * from the code, never from the words.
 */
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "import.h"

/* True for an ASCII byte that is not white space. */
static bool ascii_solid(char c)
{
	return (unsigned char)c < 0x80 && !g_ascii_isspace(c);
}

char *imp_trim(char *text)
{
	char *start = text, *end;
	size_t len = strlen(text);

	/* Most fields begin and end with an ASCII character that is not a
	 * space: nothing to trim, nothing to decode. */
	if (len == 0 || (ascii_solid(text[0]) && ascii_solid(text[len - 1])))
		return text;
	while (*start &&
	       g_unichar_isspace(g_utf8_get_char_validated(start, -1)))
		start = g_utf8_next_char(start);
	end = start + strlen(start);
	while (end > start) {
		char *prev = g_utf8_find_prev_char(start, end);
		if (!prev ||
		    !g_unichar_isspace(g_utf8_get_char_validated(prev, -1)))
			break;
		end = prev;
	}
	memmove(text, start, (size_t)(end - start));
	text[end - start] = '\0';
	return text;
}

/* ---- reasons ------------------------------------------------------------- */

/* Sets WHY to REASON with no details; returns false for the callers'
 * "return fail(...)". */
static bool fail(struct imp_why *why, enum imp_reason reason)
{
	memset(why, 0, sizeof(*why));
	why->reason = reason;
	return false;
}

/* One case per reason, each a line or two: longer than 60 lines, but
 * the one place every message of the field readers is worded, and best
 * read as the list it is. */
void imp_why_text(const struct imp_why *why, char *buf, size_t n)
{
	char most[CBM_MONEY_BUF];

	switch (why->reason) {
	case IMP_OK:
		snprintf(buf, n, "ok");
		break;
	case IMP_R_EMPTY_AMOUNT:
		snprintf(buf, n, "empty amount");
		break;
	case IMP_R_AMOUNT_TOO_LONG:
		snprintf(buf, n, "amount too long");
		break;
	case IMP_R_NEGATIVE:
		snprintf(buf, n,
		         "negative amount; correct a batch by "
		         "replacing or undoing it");
		break;
	case IMP_R_NOT_AMOUNT:
		snprintf(buf, n, "not an amount");
		break;
	case IMP_R_UNEXPECTED:
		snprintf(buf, n, "not an amount: unexpected '%s'", why->bad);
		break;
	case IMP_R_TWO_MARKS:
		snprintf(buf, n, "more than one decimal mark '%c'", why->mark);
		break;
	case IMP_R_MIXED_MARKS:
		snprintf(buf, n, "not an amount: mixed marks");
		break;
	case IMP_R_AMBIGUOUS_AMOUNT:
		snprintf(buf, n,
		         "ambiguous amount: the '%c' may separate thousands or "
		         "decimals; say which with --decimal-mark , or "
		         "--decimal-mark .",
		         why->mark);
		break;
	case IMP_R_GROUPS:
		snprintf(buf, n,
		         "not an amount: misplaced thousands separator");
		break;
	case IMP_R_DECIMAL_PART:
		snprintf(buf, n, "not an amount: bad decimal part");
		break;
	case IMP_R_DECIMALS:
		snprintf(buf, n, "%ld decimals, but the currency has %d",
		         why->n, why->exponent);
		break;
	case IMP_R_TOO_LARGE:
		snprintf(buf, n,
		         "amount too large: at most %s (10^15 minor units)",
		         cbm_money_plain(most, sizeof(most), CBM_AMOUNT_MAX,
		                         why->exponent));
		break;
	case IMP_R_AMBIGUOUS_DATE:
		snprintf(buf, n,
		         "ambiguous date: day/month or month/day? say which "
		         "with --date-format dmy or --date-format mdy");
		break;
	case IMP_R_TWO_DIGIT_YEAR:
		snprintf(buf, n,
		         "a two-digit year; write the year in full, or say "
		         "--date-format dmy or mdy to read it as 20yy");
		break;
	case IMP_R_NOT_DATE:
		snprintf(buf, n,
		         "not a date; write 2023-12-12, 12.12.2023 or "
		         "12 December 2023");
		break;
	case IMP_R_NO_SUCH_DATE:
		snprintf(buf, n, "no such date");
		break;
	case IMP_R_NOT_NUMBER:
		snprintf(buf, n, "not a number");
		break;
	case IMP_R_AMBIGUOUS_NUMBER:
		snprintf(buf, n,
		         "ambiguous number: the '%c' may separate thousands or "
		         "decimals; say which with --decimal-mark , or "
		         "--decimal-mark .",
		         why->mark);
		break;
	case IMP_R_CONTROL:
		snprintf(buf, n, "control character U+%04lX in text", why->n);
		break;
	case IMP_R_TEXT_TOO_LONG:
		snprintf(buf, n, "text of %ld characters; the limit is %d",
		         why->n, IMP_MAX_TEXT_CHARS);
		break;
	}
}

/* The boolean form of a reader for the callers that want words: runs
 * after READER, fills WHY_TEXT from R. */
static bool worded(bool ok, const struct imp_why *r, char *why, size_t why_n)
{
	if (!ok)
		imp_why_text(r, why, why_n);
	return ok;
}

/* ---- amounts ------------------------------------------------------------- */

/* A thousands separator made of space: U+0020, U+00A0, U+2009, U+202F.
 * Returns its length in bytes at P, or 0. */
static int space_separator(const char *p)
{
	if (*p == ' ')
		return 1;
	if (strncmp(p, "\xC2\xA0", 2) == 0)
		return 2;
	if (strncmp(p, "\xE2\x80\x89", 3) == 0 ||
	    strncmp(p, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

/* The shape of an amount: its characters reduced to digits 'd', space
 * separators 's', ',' and '.', so that the rules below read plainly. */
struct amount_shape {
	char s[128];
	char digits[128];
	size_t len, ndigits;
	int commas, dots, spaces;
	int last_comma, last_dot; /* index in s, -1 if none */
};

/* A character no amount has, at P: why it is refused. */
static bool unexpected(const char *p, struct imp_why *why)
{
	gunichar c = g_utf8_get_char_validated(p, -1);
	size_t len = (size_t)(g_utf8_next_char(p) - p);

	if (*p == '-')
		return fail(why, IMP_R_NEGATIVE);
	if (c == (gunichar)-1 || c == (gunichar)-2)
		return fail(why, IMP_R_NOT_AMOUNT);
	fail(why, IMP_R_UNEXPECTED);
	memcpy(why->bad, p, len < sizeof(why->bad) ? len : 0);
	return false;
}

static bool shape_amount(const char *text, struct amount_shape *sh,
                         struct imp_why *why)
{
	const char *p = text;

	memset(sh, 0, sizeof(*sh));
	sh->last_comma = sh->last_dot = -1;
	while (*p) {
		int sp = space_separator(p);
		if (sh->len >= sizeof(sh->s) - 1)
			return fail(why, IMP_R_AMOUNT_TOO_LONG);
		if (*p >= '0' && *p <= '9') {
			sh->digits[sh->ndigits++] = *p;
			sh->s[sh->len++] = 'd';
			p++;
		} else if (*p == ',' || *p == '.') {
			if (*p == ',') {
				sh->commas++;
				sh->last_comma = (int)sh->len;
			} else {
				sh->dots++;
				sh->last_dot = (int)sh->len;
			}
			sh->s[sh->len++] = *p++;
		} else if (sp) {
			sh->spaces++;
			sh->s[sh->len++] = 's';
			p += sp;
		} else {
			return unexpected(p, why);
		}
	}
	sh->s[sh->len] = '\0';
	return true;
}

/* Index in the shape of the decimal mark, -1 for none, -2 on error. */
static int decimal_index(const struct amount_shape *sh, char mark,
                         struct imp_why *why)
{
	int count, last;
	size_t after;

	if (mark) {
		count = mark == ',' ? sh->commas : sh->dots;
		last = mark == ',' ? sh->last_comma : sh->last_dot;
		if (count > 1) {
			fail(why, IMP_R_TWO_MARKS);
			why->mark = mark;
			return -2;
		}
		return count ? last : -1;
	}
	if (sh->commas && sh->dots) {
		/* Both: the last one is the decimal mark, and only once. */
		bool comma_last = sh->last_comma > sh->last_dot;
		if ((comma_last ? sh->commas : sh->dots) > 1) {
			fail(why, IMP_R_MIXED_MARKS);
			return -2;
		}
		return comma_last ? sh->last_comma : sh->last_dot;
	}
	count = sh->commas + sh->dots;
	if (count != 1)
		return -1; /* none, or repeated: thousands separators */
	last = sh->commas ? sh->last_comma : sh->last_dot;
	after = sh->len - (size_t)last - 1;
	if (after == 3 && strspn(sh->s + last + 1, "d") == 3 && !sh->spaces) {
		fail(why, IMP_R_AMBIGUOUS_AMOUNT);
		why->mark = sh->s[last];
		return -2;
	}
	return last;
}

/* Integer part: digits, with separators only between groups of three. */
static bool check_groups(const char *s, size_t len, struct imp_why *why)
{
	size_t group = 0, groups = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == 'd') {
			group++;
			continue;
		}
		if (group == 0 || (groups == 0 && group > 3) ||
		    (groups > 0 && group != 3))
			return fail(why, IMP_R_GROUPS);
		groups++;
		group = 0;
	}
	if (len == 0 || group == 0 || (groups > 0 && group != 3))
		return fail(why, IMP_R_GROUPS);
	return true;
}

bool imp_read_amount(const char *text, int exponent, char decimal_mark,
                     int64_t *minor, struct imp_why *why)
{
	struct amount_shape sh;
	int dec;
	size_t int_len, frac_len;
	int64_t value = 0;

	if (!*text)
		return fail(why, IMP_R_EMPTY_AMOUNT);
	if (!shape_amount(text, &sh, why))
		return false;
	dec = decimal_index(&sh, decimal_mark, why);
	if (dec == -2)
		return false;
	int_len = dec >= 0 ? (size_t)dec : sh.len;
	frac_len = dec >= 0 ? sh.len - (size_t)dec - 1 : 0;
	if (!check_groups(sh.s, int_len, why))
		return false;
	if (dec >= 0 &&
	    (frac_len == 0 || strspn(sh.s + dec + 1, "d") != frac_len))
		return fail(why, IMP_R_DECIMAL_PART);
	if ((int)frac_len > exponent) {
		fail(why, IMP_R_DECIMALS);
		why->n = (long)frac_len;
		why->exponent = exponent;
		return false;
	}
	/* Digits past the ceiling stop the reading before int64 could
	 * overflow; leading zeros cost nothing. */
	for (size_t i = 0; i < sh.ndigits && value <= CBM_AMOUNT_MAX; i++)
		value = value * 10 + (sh.digits[i] - '0');
	if (value <= CBM_AMOUNT_MAX)
		value *= cbm_pow10(exponent - (int)frac_len);
	if (value > CBM_AMOUNT_MAX) {
		fail(why, IMP_R_TOO_LARGE);
		why->exponent = exponent;
		return false;
	}
	*minor = value;
	return true;
}

bool imp_parse_amount(const char *text, int exponent, char decimal_mark,
                      int64_t *minor, char *why, size_t why_n)
{
	struct imp_why r;

	return worded(imp_read_amount(text, exponent, decimal_mark, minor, &r),
	              &r, why, why_n);
}

/* ---- dates --------------------------------------------------------------- */

static const char *const month_names[][4] = {
    /* English full, English short, Russian genitive, Russian nominative */
    {"january", "jan", "января", "январь"},
    {"february", "feb", "февраля", "февраль"},
    {"march", "mar", "марта", "март"},
    {"april", "apr", "апреля", "апрель"},
    {"may", "may", "мая", "май"},
    {"june", "jun", "июня", "июнь"},
    {"july", "jul", "июля", "июль"},
    {"august", "aug", "августа", "август"},
    {"september", "sep", "сентября", "сентябрь"},
    {"october", "oct", "октября", "октябрь"},
    {"november", "nov", "ноября", "ноябрь"},
    {"december", "dec", "декабря", "декабрь"},
};

static int month_from_name(const char *name)
{
	char *folded;
	int month = 0;

	/* The text may come from the command line (--as-of) rather than a
	 * checked file, and g_utf8_casefold() steps over the terminating NUL
	 * after a truncated sequence ("\xF0"): check first. */
	if (!g_utf8_validate(name, -1, NULL))
		return 0;
	folded = g_utf8_casefold(name, -1);
	for (int m = 0; m < 12 && !month; m++)
		for (int k = 0; k < 4; k++)
			if (strcmp(folded, month_names[m][k]) == 0 ||
			    (k == 1 && strcmp(folded, "sept") == 0 && m == 8))
				month = m + 1;
	g_free(folded);
	return month;
}

/* Reads exactly the pattern: N digits (min..max), separator, ... */
static bool read_number(const char **p, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (**p >= '0' && **p <= '9' && n < max) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n < min || (**p >= '0' && **p <= '9'))
		return false;
	*out = v;
	return true;
}

/* A year of four digits, or of two (*SHORT set) for the caller to read
 * as 20yy when the user allowed it. */
static bool read_year(const char **p, int *year, bool *short_year)
{
	const char *start = *p;

	if (read_number(p, 4, 4, year))
		return true;
	*p = start;
	if (!read_number(p, 2, 2, year))
		return false;
	*short_year = true;
	return true;
}

static bool numeric_date(const char *s, char sep, bool year_first, int *a,
                         int *b, int *c, bool *short_year)
{
	const char *p = s;

	if (year_first)
		return read_number(&p, 4, 4, a) && *p++ == sep &&
		       read_number(&p, 1, 2, b) && *p++ == sep &&
		       read_number(&p, 1, 2, c) && *p == '\0';
	return read_number(&p, 1, 2, a) && *p++ == sep &&
	       read_number(&p, 1, 2, b) && *p++ == sep &&
	       read_year(&p, c, short_year) && *p == '\0';
}

static bool named_month_date(const char *s, int *d, int *m, int *y,
                             bool *short_year)
{
	char month[32];
	int used = 0, digits = 0;

	if (sscanf(s, "%2d %31s %4d%n", d, month, y, &used) != 3 ||
	    s[used] != '\0' || used < 6)
		return false;
	for (int i = used - 1; i >= 0 && g_ascii_isdigit(s[i]); i--)
		digits++;
	if (used - digits < 1 || s[used - digits - 1] != ' ')
		return false; /* a sign or a glued year: "1 May -23" */
	if (digits == 2)
		*short_year = true;
	else if (digits != 4)
		return false;
	if (month[strlen(month) - 1] == '.' || month[strlen(month) - 1] == ',')
		month[strlen(month) - 1] = '\0';
	*m = month_from_name(month);
	return *m != 0;
}

/* Day, month and year of TEXT in any accepted form; the year as written
 * (*SHORT_YEAR when it has two digits). */
static bool date_parts(const char *text, enum imp_date_format format, int *y,
                       int *m, int *d, bool *short_year, struct imp_why *why)
{
	int a, b;

	if (numeric_date(text, '-', true, y, m, d, short_year) ||
	    numeric_date(text, '.', false, d, m, y, short_year))
		return true;
	if (numeric_date(text, '/', false, &a, &b, y, short_year)) {
		if (format == IMP_DATES_STRICT)
			return fail(why, IMP_R_AMBIGUOUS_DATE);
		*d = format == IMP_DATES_DMY ? a : b;
		*m = format == IMP_DATES_DMY ? b : a;
		return true;
	}
	*short_year = false;
	if (named_month_date(text, d, m, y, short_year))
		return true;
	return fail(why, IMP_R_NOT_DATE);
}

bool imp_read_date(const char *text, enum imp_date_format format, int32_t *days,
                   struct imp_why *why)
{
	int y = 0, m = 0, d = 0;
	bool short_year = false;

	if (!date_parts(text, format, &y, &m, &d, &short_year, why))
		return false;
	/* DESIGN: a two-digit year only when the user said how dates are
	 * written, and then in this century. */
	if (short_year && format == IMP_DATES_STRICT)
		return fail(why, IMP_R_TWO_DIGIT_YEAR);
	if (short_year)
		y += 2000;
	if (y < 1900 || y > 2100 || !cbm_date_valid(y, m, d))
		return fail(why, IMP_R_NO_SUCH_DATE);
	*days = cbm_days_from_civil(y, m, d);
	return true;
}

bool imp_parse_date(const char *text, enum imp_date_format format,
                    int32_t *days, char *why, size_t why_n)
{
	struct imp_why r;

	return worded(imp_read_date(text, format, days, &r), &r, why, why_n);
}

bool imp_parse_year(const char *text, int *year)
{
	const char *p = text;
	int y;

	if (!read_number(&p, 4, 4, &y) || *p != '\0' || y < 1900 || y > 2100)
		return false;
	*year = y;
	return true;
}

/* ---- numbers and text ---------------------------------------------------- */

bool imp_read_decimal(const char *text, char decimal_mark, double *out,
                      struct imp_why *why)
{
	char buf[64];
	size_t n = strlen(text), marks = 0, digits = 0, mark_at = 0;
	char *end = NULL;

	fail(why, IMP_R_NOT_NUMBER);
	if (n == 0 || n >= sizeof(buf))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = text[i];
		if (c >= '0' && c <= '9') {
			digits++;
			buf[i] = c;
		} else if ((c == '.' || c == ',') && i > 0 && i + 1 < n &&
		           (!decimal_mark || c == decimal_mark)) {
			marks++;
			mark_at = i;
			buf[i] = '.'; /* C locale: g_ascii_strtod reads '.' */
		} else {
			return false;
		}
	}
	buf[n] = '\0';
	if (marks > 1 || digits == 0)
		return false;
	/* "15,000" is fifteen thousand or fifteen: the amounts' rule. */
	if (marks == 1 && !decimal_mark && n - mark_at - 1 == 3) {
		fail(why, IMP_R_AMBIGUOUS_NUMBER);
		why->mark = text[mark_at];
		return false;
	}
	*out = g_ascii_strtod(buf, &end);
	return end && *end == '\0' && isfinite(*out);
}

bool imp_parse_decimal(const char *text, char decimal_mark, double *out,
                       char *why, size_t why_n)
{
	struct imp_why r;

	return worded(imp_read_decimal(text, decimal_mark, out, &r), &r, why,
	              why_n);
}

bool imp_read_text(const char *text, bool allow_newline, struct imp_why *why)
{
	long chars = 0;

	for (const char *p = text; *p; p = g_utf8_next_char(p), chars++) {
		gunichar c = g_utf8_get_char(p);
		bool newline = c == '\n' || c == '\r';
		if ((c < 0x20 && c != '\t' && !(newline && allow_newline)) ||
		    (c >= 0x7F && c <= 0x9F)) {
			fail(why, IMP_R_CONTROL);
			why->n = (long)c;
			return false;
		}
	}
	if (chars > IMP_MAX_TEXT_CHARS) {
		fail(why, IMP_R_TEXT_TOO_LONG);
		why->n = chars;
		return false;
	}
	return true;
}

bool imp_check_text(const char *text, bool allow_newline, char *why,
                    size_t why_n)
{
	struct imp_why r;

	return worded(imp_read_text(text, allow_newline, &r), &r, why, why_n);
}
