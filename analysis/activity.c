/*
 * activity.c - events of the annual plans per year and area, dimension or
 * organizer: planned (every item, whatever became of it), held,
 * postponed, cancelled, and the implementation rate held / planned.
 *
 * pending counts the items still only planned (status planned), which in
 * a year in progress lower the rate without having failed.
 *
 * By area and by dimension every key is listed for every plan year, with
 * zeros where nothing was planned.  By organizer an event counts once for
 * each of its organizers (co-organizers only with --with-co-organizers),
 * and once per state even if a state is listed in both roles.
 */
#include "analysis_internal.h"

static const char area_sql[] =
    "WITH y AS (SELECT DISTINCT year FROM events WHERE %s)"
    " SELECT y.year, a.code, count(e.id), total(e.status = 'held'),"
    "  total(e.status = 'postponed'), total(e.status = 'cancelled'),"
    "  a.name_en, total(e.status = 'planned')"
    " FROM y CROSS JOIN areas a JOIN dimensions d ON d.code = a.dimension"
    " LEFT JOIN events e ON e.area = a.code AND e.year = y.year"
    " GROUP BY y.year, a.code ORDER BY y.year, d.sort, a.code";

static const char dimension_sql[] =
    "WITH y AS (SELECT DISTINCT year FROM events WHERE %s)"
    " SELECT y.year, d.code, count(e.id), total(e.status = 'held'),"
    "  total(e.status = 'postponed'), total(e.status = 'cancelled'),"
    "  d.name_en, total(e.status = 'planned')"
    " FROM y CROSS JOIN dimensions d"
    " LEFT JOIN areas a ON a.dimension = d.code"
    " LEFT JOIN events e ON e.area = a.code AND e.year = y.year"
    " GROUP BY y.year, d.code ORDER BY y.year, d.sort";

static const char organizer_sql[] =
    "WITH o AS (SELECT DISTINCT event_id, state FROM event_organizers"
    "  WHERE role = 'organizer' OR %d)"
    " SELECT e.year, o.state, count(e.id), total(e.status = 'held'),"
    "  total(e.status = 'postponed'), total(e.status = 'cancelled'),"
    "  s.name_en, total(e.status = 'planned')"
    " FROM events e JOIN o ON o.event_id = e.id"
    " JOIN states s ON s.code = o.state"
    " WHERE %s GROUP BY e.year, o.state ORDER BY e.year, o.state";

static void activity_row(struct ana_table *t, sqlite3_stmt *st)
{
	size_t r = ana_tb_row(t);
	int64_t planned = sqlite3_column_int64(st, 2);

	ana_tb_int(t, r, 0, sqlite3_column_int(st, 0));
	ana_tb_text(t, r, 1, (const char *)sqlite3_column_text(st, 1));
	ana_tb_int(t, r, 2, planned);
	for (int c = 3; c <= 5; c++)
		ana_tb_int(t, r, (size_t)c, sqlite3_column_int64(st, c));
	if (planned > 0)
		ana_tb_double(t, r, 6,
		              (double)sqlite3_column_int64(st, 3) /
		                  (double)planned);
	ana_tb_int(t, r, 7, sqlite3_column_int64(st, 7));
	ana_tb_text(t, r, 8, (const char *)sqlite3_column_text(st, 6));
}

enum cbm_status ana_activity(struct st_db *db, const struct ana_params *p,
                             struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    {"year", ANA_INT},
	    {"key", ANA_TEXT},
	    {"planned", ANA_INT},
	    {"held", ANA_INT},
	    {"postponed", ANA_INT},
	    {"cancelled", ANA_INT},
	    {"implementation_rate", ANA_RATE},
	    {"pending", ANA_INT},
	    {"name", ANA_TEXT},
	};
	char *years, *sql;
	sqlite3_stmt *st = NULL;
	enum cbm_status rc = CBM_OK;
	int step;

	if (p->by == ANA_BY_ORGANIZER) {
		years = ana_years_sql(p, "e.year");
		sql = g_strdup_printf(organizer_sql,
		                      p->with_co_organizers ? 1 : 0, years);
	} else {
		years = ana_years_sql(p, "year");
		sql = g_strdup_printf(
		    p->by == ANA_BY_AREA ? area_sql : dimension_sql, years);
	}
	ana_tb_columns(out, cols, 9, "USD");
	if (sqlite3_prepare_v2(st_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		rc = st_sql_error(db, "cannot compute activity", err);
	while (rc == CBM_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		activity_row(out, st);
	if (rc == CBM_OK && step != SQLITE_DONE)
		rc = st_sql_error(db, "cannot compute activity", err);
	sqlite3_finalize(st);
	g_free(sql);
	g_free(years);
	return rc;
}
