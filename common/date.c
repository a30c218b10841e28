/*
 * date.c - calendar dates as day numbers.  Days since 1970-01-01 make date
 * arithmetic (day of year, "the same day of earlier years") plain integer
 * arithmetic; validity is checked with GLib's calendar so that 31.02.2024
 * is refused by the same rules everywhere.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cbm.h"

bool cbm_is_leap(int y)
{
	return g_date_is_leap_year((GDateYear)y);
}

bool cbm_date_valid(int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	return g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

/* Days since the epoch of a valid date.  GLib's Julian day numbers count
 * from 1 January of year 1 (day 1); 1970-01-01 is day 719163. */
int32_t cbm_days_from_civil(int y, int m, int d)
{
	GDate date;

	g_date_clear(&date, 1);
	g_date_set_dmy(&date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
	return (int32_t)g_date_get_julian(&date) - 719163;
}

void cbm_civil_from_days(int32_t days, int *y, int *m, int *d)
{
	GDate date;

	g_date_clear(&date, 1);
	g_date_set_julian(&date, (guint32)(days + 719163));
	*y = g_date_get_year(&date);
	*m = g_date_get_month(&date);
	*d = g_date_get_day(&date);
}

bool cbm_date_parse_iso(const char *s, int32_t *days)
{
	int y, m, d, used = 0;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10)
		return false;
	if (!cbm_date_valid(y, m, d))
		return false;
	*days = cbm_days_from_civil(y, m, d);
	return true;
}

void cbm_date_iso(int32_t days, char *buf)
{
	int y, m, d, at = 10;
	unsigned v[3];

	cbm_civil_from_days(days, &y, &m, &d);
	/* y, m and d come from a valid GDate, so the text is 10 bytes;
	 * written digit by digit, not by snprintf: an import binds one
	 * date a row, a million rows. */
	v[0] = (unsigned)y % 10000u, v[1] = (unsigned)m % 100u;
	v[2] = (unsigned)d % 100u;
	buf[at] = '\0';
	for (int part = 2; part >= 0; part--) {
		for (int n = part ? 2 : 4; n > 0; n--, v[part] /= 10)
			buf[--at] = (char)('0' + v[part] % 10);
		if (part)
			buf[--at] = '-';
	}
}
