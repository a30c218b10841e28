/*
 * money.c - currencies and the conversion rule of DESIGN.md: an amount A of
 * currency C on date D is worth A x usd_per_unit(C, D) / usd_per_unit(R, D)
 * in the report currency R, rounded to R's minor unit half away from zero,
 * one transaction at a time.
 */
#include <math.h>
#include <string.h>

#include "cbm.h"

/* ISO 4217 currencies whose minor unit is not the cent.  DESIGN.md names
 * JPY, BHD, JOD and KWD; the rest of ISO's list is here too because member
 * states pay in KRW, VND and IQD. */
static const char *const zero_decimals[] = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
    "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
};
static const char *const three_decimals[] = {
    "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
};

static bool in_list(const char *code, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(code, list[i]) == 0)
			return true;
	return false;
}

int cbm_currency_exponent(const char *code)
{
	if (in_list(code, zero_decimals,
	            sizeof(zero_decimals) / sizeof(zero_decimals[0])))
		return 0;
	if (in_list(code, three_decimals,
	            sizeof(three_decimals) / sizeof(three_decimals[0])))
		return 3;
	return 2;
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

bool cbm_money_convert(int64_t amount, int from_exp, double from_usd,
                       int to_exp, double to_usd, int64_t *out)
{
	long double v;

	if (!(from_usd > 0) || !(to_usd > 0))
		return false;
	if (from_exp == to_exp && from_usd == to_usd) {
		*out = amount;
		return true;
	}
	v = (long double)amount * from_usd / to_usd *
	    (long double)cbm_pow10(to_exp) / (long double)cbm_pow10(from_exp);
	if (!(fabsl(v) < 9.0e15L))
		return false;
	/* Binary rates are a hair off their decimal value (1.15 is
	 * 1.149999...), which would round 11.5 cents down: settle the
	 * product to a millionth of a minor unit first, then round half
	 * away from zero. */
	if (fabsl(v) < 1.0e12L)
		v = roundl(v * 1.0e6L) / 1.0e6L;
	*out = (int64_t)roundl(v);
	return true;
}
