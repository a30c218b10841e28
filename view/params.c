/*
 * params.c - a figure's options from text, as cbm stats takes them on the
 * command line and the web view in a form: one check of each, one message.
 */
#include <stdio.h>
#include <string.h>

#include "import.h"
#include "view.h"

/* Index of S in the NULL-terminated NAMES, or -1. */
static int pick(const char *s, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static enum cbm_status check_year(const char *name, int y,
                                  struct cbm_error *err)
{
	if (y != 0 && (y < 1900 || y > 2100))
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "--%s takes a year, not %d", name, y);
	return CBM_OK;
}

enum cbm_status view_currency(const char *text, char out[4],
                              struct cbm_error *err)
{
	char *up = g_ascii_strup(text, -1);
	bool ok = cbm_currency_valid(up);

	if (ok)
		memcpy(out, up, 4);
	g_free(up);
	if (!ok)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "not a currency code: '%s' (three letters, "
		                 "e.g. EUR)",
		                 text);
	return CBM_OK;
}

/* The enumerated options: kind, by, of. */
static enum cbm_status pick_enums(const struct view_options *o,
                                  struct ana_params *p, struct cbm_error *err)
{
	int i = 0;

	if (o->kind && (i = pick(o->kind, ana_kind_names)) < 0)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "--kind is voluntary, earmarked, in-kind or "
		                 "all, not '%s'",
		                 o->kind);
	p->kind = o->kind ? (enum ana_kind)i : ANA_VOLUNTARY;
	if (o->by && (i = pick(o->by, ana_by_names)) < 0)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "--by is area, dimension, organizer, format "
		                 "or venue, not '%s'",
		                 o->by);
	p->by = o->by ? (enum ana_by)i : ANA_BY_AREA;
	if (o->of && (i = pick(o->of, ana_of_names)) < 0)
		return CBM_ERROR(err, CBM_EUSAGE, NULL,
		                 "--of is received or collection_rate, not "
		                 "'%s'",
		                 o->of);
	p->of = o->of ? (enum ana_of)i : ANA_OF_RECEIVED;
	return CBM_OK;
}

enum cbm_status view_params(const struct view_options *o, struct ana_params *p,
                            struct cbm_error *err)
{
	char why[200];
	enum cbm_status rc;

	ana_params_init(p);
	if ((rc = check_year("year", o->year, err)) ||
	    (rc = check_year("from", o->from, err)) ||
	    (rc = check_year("to", o->to, err)))
		return rc;
	p->year = o->year;
	p->from = o->from;
	p->to = o->to;
	if (o->currency &&
	    (rc = view_currency(o->currency, p->currency, err)) != CBM_OK)
		return rc;
	if ((rc = pick_enums(o, p, err)) != CBM_OK)
		return rc;
	p->with_co_organizers = o->with_co_organizers;
	if (o->scale)
		p->scale = o->scale;
	if (o->as_of && !imp_parse_date(o->as_of, IMP_DATES_STRICT, &p->as_of,
	                                why, sizeof(why)))
		return CBM_ERROR(err, CBM_EUSAGE, NULL, "--as-of '%s': %s",
		                 o->as_of, why);
	return CBM_OK;
}

enum cbm_status view_state_code(struct st_db *db, const char *name,
                                char code[4], struct cbm_error *err)
{
	struct imp_names *names = NULL;
	const char *found, *hint;
	enum cbm_status rc;

	if ((rc = imp_names_open(&names, db, err)) != CBM_OK)
		return rc;
	found = imp_names_resolve(names, name);
	if (found) {
		snprintf(code, 4, "%s", found);
	} else {
		hint = imp_names_suggest(names, name);
		rc = CBM_ERROR(err, CBM_EDATA, NULL, "no state '%s'%s%s%s",
		               name, hint ? " (did you mean '" : "",
		               hint ? hint : "", hint ? "'?)" : "");
	}
	imp_names_close(names);
	return rc;
}
