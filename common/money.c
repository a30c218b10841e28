/*
 * money.c - currencies and the conversion rule of DESIGN.md: an amount A of
 * currency C on date D is worth A x usd_per_unit(C, D) / usd_per_unit(R, D)
 * in the report currency R, rounded to R's minor unit half away from zero,
 * one transaction at a time.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "cbm.h"

/* ISO 4217 currencies whose minor unit is not the cent, in order (they
 * are searched by halving).  DESIGN.md names JPY, BHD, JOD and KWD; the
 * rest of ISO's list is here too because member states pay in KRW, VND
 * and IQD. */
static const char *const zero_decimals[] = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
    "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
};
static const char *const three_decimals[] = {
    "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
};

static int by_code(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

/* True when CODE is in LIST, sorted. */
static bool in_list(const char *code, const char *const *list, size_t n)
{
	return bsearch(code, list, n, sizeof(*list), by_code) != NULL;
}

static int exponent_of(const char *code)
{
	if (in_list(code, zero_decimals,
	            sizeof(zero_decimals) / sizeof(zero_decimals[0])))
		return 0;
	if (in_list(code, three_decimals,
	            sizeof(three_decimals) / sizeof(three_decimals[0])))
		return 3;
	return 2;
}

/* The exponent of every well-formed code AAA..ZZZ, from the lists above,
 * made once: figures in a report currency ask it twice per payment, a
 * million times on a big database, where two searches of the lists took
 * a sixth of `stats collection --currency EUR`. */
static signed char exponents[26 * 26 * 26];

/* CODE's place in exponents[]: CODE must be three capitals
 * (cbm_currency_valid). */
static size_t code_index(const char *code)
{
	assert(cbm_currency_valid(code));
	return ((size_t)(code[0] - 'A') * 26 + (size_t)(code[1] - 'A')) * 26 +
	       (size_t)(code[2] - 'A');
}

static gpointer make_exponents(gpointer unused)
{
	char code[4] = {0};

	(void)unused;
	for (code[0] = 'A'; code[0] <= 'Z'; code[0]++)
		for (code[1] = 'A'; code[1] <= 'Z'; code[1]++)
			for (code[2] = 'A'; code[2] <= 'Z'; code[2]++)
				exponents[code_index(code)] =
				    (signed char)exponent_of(code);
	return NULL;
}

int cbm_currency_exponent(const char *code)
{
	static GOnce made = G_ONCE_INIT;

	if (!cbm_currency_valid(code))
		return exponent_of(code);
	g_once(&made, make_exponents, NULL);
	return exponents[code_index(code)];
}

bool cbm_currency_valid(const char *code)
{
	if (strlen(code) != 3)
		return false;
	for (int i = 0; i < 3; i++)
		if (code[i] < 'A' || code[i] > 'Z')
			return false;
	return true;
}

int64_t cbm_pow10(int e)
{
	int64_t p = 1;

	while (e-- > 0)
		p *= 10;
	return p;
}

/* AMOUNT in minor units of the target currency, before rounding. */
static long double scaled(int64_t amount, int from_exp, double from_usd,
                          int to_exp, double to_usd)
{
	return (long double)amount * from_usd / to_usd *
	       (long double)cbm_pow10(to_exp) /
	       (long double)cbm_pow10(from_exp);
}

/* V rounded half away from zero.  Binary rates are a hair off their
 * decimal value (1.15 is 1.149999...), which would round 11.5 cents down:
 * the product is settled to a millionth of a minor unit first. */
static long double round_minor(long double v)
{
	if (fabsl(v) < 1.0e12L)
		v = roundl(v * 1.0e6L) / 1.0e6L;
	return roundl(v);
}

/* The conversion of both cbm_money_convert*: V in minor units of the
 * target, or false for a bad rate or a value not below LIMIT. */
static bool convert(int64_t amount, int from_exp, double from_usd, int to_exp,
                    double to_usd, long double limit, long double *v)
{
	if (!(from_usd > 0) || !(to_usd > 0))
		return false;
	if (from_exp == to_exp && from_usd == to_usd) {
		*v = amount;
		return true;
	}
	*v = scaled(amount, from_exp, from_usd, to_exp, to_usd);
	if (!(fabsl(*v) < limit))
		return false;
	*v = round_minor(*v);
	return true;
}

bool cbm_money_convert(int64_t amount, int from_exp, double from_usd,
                       int to_exp, double to_usd, int64_t *out)
{
	long double v;

	if (!convert(amount, from_exp, from_usd, to_exp, to_usd, 9.0e15L, &v))
		return false;
	*out = (int64_t)v;
	return true;
}

bool cbm_money_convert_wide(int64_t amount, int from_exp, double from_usd,
                            int to_exp, double to_usd, cbm_money *out)
{
	long double v;

	/* 10^36 is far below the 1.7 x 10^38 of 128 bits, and far above
	 * anything import lets in (see cbm.h). */
	if (!convert(amount, from_exp, from_usd, to_exp, to_usd, 1.0e36L, &v))
		return false;
	*out = (cbm_money)v;
	return true;
}

/* ---- 128-bit money ------------------------------------------------------ */

bool cbm_money_add(cbm_money *acc, cbm_money v)
{
	cbm_money sum;

	if (__builtin_add_overflow(*acc, v, &sum))
		return false;
	*acc = sum;
	return true;
}

bool cbm_money_fits64(cbm_money v)
{
	return v >= INT64_MIN && v <= INT64_MAX;
}

char *cbm_money_plain(char *buf, size_t n, cbm_money minor, int exp)
{
	/* The magnitude as unsigned: -(2^127) has no positive cbm_money. */
	unsigned __int128 mag =
	    minor < 0 ? -(unsigned __int128)minor : (unsigned __int128)minor;
	char digits[64];
	size_t nd = 0, len = 0;
	char out[CBM_MONEY_BUF];

	assert(exp >= 0 && exp <= 18);
	do {
		digits[nd++] = (char)('0' + (int)(mag % 10));
		mag /= 10;
	} while (mag > 0);
	/* At least one digit before the decimal mark: 5 cents is 0.05. */
	while (nd < (size_t)exp + 1)
		digits[nd++] = '0';
	if (minor < 0)
		out[len++] = '-';
	while (nd > 0) {
		if (exp > 0 && nd == (size_t)exp)
			out[len++] = '.';
		out[len++] = digits[--nd];
	}
	out[len] = '\0';
	snprintf(buf, n, "%s", out);
	return buf;
}

bool cbm_money_parse(const char *s, cbm_money *out)
{
	bool negative = *s == '-';
	cbm_money v = 0;
	size_t nd = 0;

	if (negative)
		s++;
	for (; *s >= '0' && *s <= '9'; s++, nd++) {
		int d = *s - '0';
		/* Built negative, which reaches one further than positive. */
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_sub_overflow(v, d, &v))
			return false;
	}
	if (nd == 0 || *s != '\0')
		return false;
	if (!negative && __builtin_mul_overflow(v, -1, &v))
		return false;
	*out = v;
	return true;
}
