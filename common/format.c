/*
 * format.c - numbers, percentages and dates for people, per output
 * language.  English groups with ',' and uses '.'; Russian and Kazakh group
 * with a no-break space (U+00A0) and use ','.  These are our own rules, not
 * the system locale's: a fresh machine has only C.UTF-8.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cbm.h"

#define NBSP "\xc2\xa0"

bool cbm_lang_parse(const char *s, enum cbm_lang *out)
{
	static const char *const names[] = {"en", "ru", "kk"};

	for (int i = 0; i < 3; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (enum cbm_lang)i;
			return true;
		}
	}
	return false;
}

static const char *not_available(enum cbm_lang lang)
{
	switch (lang) {
	case CBM_LANG_RU:
		return "н/д";
	case CBM_LANG_KK:
		return "ж/о";
	default:
		return "n/a";
	}
}

static const char *group_sep(enum cbm_lang lang)
{
	return lang == CBM_LANG_EN ? "," : NBSP;
}

static char decimal_mark(enum cbm_lang lang)
{
	return lang == CBM_LANG_EN ? '.' : ',';
}

/* Rewrites PLAIN, a C-locale number such as "-1234567.50", with the
 * language's group separators and decimal mark into BUF. */
static char *localize(char *buf, size_t n, const char *plain,
                      enum cbm_lang lang)
{
	const char *p = plain, *dot = strchr(plain, '.');
	size_t int_len, len = 0;
	char out[128];

	if (*p == '-')
		out[len++] = *p++;
	int_len = (dot ? (size_t)(dot - p) : strlen(p));
	for (size_t i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0) {
			const char *sep = group_sep(lang);
			size_t sl = strlen(sep);
			memcpy(out + len, sep, sl);
			len += sl;
		}
		out[len++] = p[i];
		if (len > sizeof(out) - 8)
			break;
	}
	if (dot) {
		out[len++] = decimal_mark(lang);
		for (const char *q = dot + 1; *q && len < sizeof(out) - 1; q++)
			out[len++] = *q;
	}
	out[len] = '\0';
	snprintf(buf, n, "%s", out);
	return buf;
}

char *cbm_fmt_number(char *buf, size_t n, double v, int decimals,
                     enum cbm_lang lang)
{
	char plain[64];

	if (isnan(v) || isinf(v)) {
		snprintf(buf, n, "%s", not_available(lang));
		return buf;
	}
	snprintf(plain, sizeof(plain), "%.*f", decimals, v);
	if (strspn(plain, "-0.") == strlen(plain) && plain[0] == '-')
		memmove(plain, plain + 1, strlen(plain)); /* no "-0.00" */
	return localize(buf, n, plain, lang);
}

char *cbm_fmt_money(char *buf, size_t n, cbm_money minor, int exp,
                    enum cbm_lang lang)
{
	char plain[CBM_MONEY_BUF];

	cbm_money_plain(plain, sizeof(plain), minor, exp);
	return localize(buf, n, plain, lang);
}

char *cbm_fmt_short(char *buf, size_t n, double v, enum cbm_lang lang)
{
	static const char *const units[3][4] = {
	    {"", " K", " M", " B"},
	    {"", NBSP "тыс.", NBSP "млн", NBSP "млрд"},
	    {"", NBSP "мың", NBSP "млн", NBSP "млрд"},
	};
	double a = fabs(v);
	int u = 0;
	char num[64];
	size_t len;

	if (isnan(v) || isinf(v)) {
		snprintf(buf, n, "%s", not_available(lang));
		return buf;
	}
	while (u < 3 && a >= 999.995) {
		a /= 1000.0;
		v /= 1000.0;
		u++;
	}
	/* Three significant digits: 460 K, 12.5 K, 1.23 M. */
	cbm_fmt_number(num, sizeof(num), v,
	               (u == 0 && a == floor(a)) || a >= 99.95 ? 0
	               : a >= 9.995                            ? 1
	                                                       : 2,
	               lang);
	/* Drop trailing zeros of the decimals, then a bare decimal mark. */
	if (strchr(num, decimal_mark(lang))) {
		len = strlen(num);
		while (len > 0 && num[len - 1] == '0')
			num[--len] = '\0';
		if (len > 0 && num[len - 1] == decimal_mark(lang))
			num[--len] = '\0';
	}
	snprintf(buf, n, "%s%s", num, units[lang][u]);
	return buf;
}

char *cbm_fmt_percent(char *buf, size_t n, double fraction, int decimals,
                      enum cbm_lang lang)
{
	char num[64];

	if (isnan(fraction) || isinf(fraction)) {
		snprintf(buf, n, "%s", not_available(lang));
		return buf;
	}
	cbm_fmt_number(num, sizeof(num), fraction * 100.0, decimals, lang);
	snprintf(buf, n, "%s%s%%", num, lang == CBM_LANG_EN ? " " : NBSP);
	return buf;
}

char *cbm_fmt_minus(char *buf, size_t n)
{
	static const char minus[] = "\xe2\x88\x92"; /* U+2212 */
	size_t len = strlen(buf);

	if (buf[0] == '-' && len + sizeof(minus) - 1 < n) {
		memmove(buf + sizeof(minus) - 1, buf + 1, len); /* with NUL */
		memcpy(buf, minus, sizeof(minus) - 1);
	}
	return buf;
}

char *cbm_fmt_date(char *buf, size_t n, int32_t days, enum cbm_lang lang)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
	                                     "May", "Jun", "Jul", "Aug",
	                                     "Sep", "Oct", "Nov", "Dec"};
	int y, m, d;

	cbm_civil_from_days(days, &y, &m, &d);
	if (lang == CBM_LANG_EN)
		snprintf(buf, n, "%d %s %d", d, months[m - 1], y);
	else
		snprintf(buf, n, "%02d.%02d.%04d", d, m, y);
	return buf;
}
