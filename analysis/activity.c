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
 *
 * By format every format (in-person, virtual, hybrid, and unknown for
 * events the plan gives none) is listed for every plan year; by venue the
 * venues the year's plan names, unknown last.
 */
#include "analysis_internal.h"

static const char area_sql[] =
    "WITH y AS (SELECT DISTINCT year FROM events"
    "  WHERE year BETWEEN :from AND :to)"
    " SELECT y.year, a.code, count(e.id), total(e.status = 'held'),"
    "  total(e.status = 'postponed'), total(e.status = 'cancelled'),"
    "  a.name_en, total(e.status = 'planned')"
    " FROM y CROSS JOIN areas a JOIN dimensions d ON d.code = a.dimension"
    " LEFT JOIN events e ON e.area = a.code AND e.year = y.year"
    " GROUP BY y.year, a.code ORDER BY y.year, d.sort, a.code";

static const char dimension_sql[] =
    "WITH y AS (SELECT DISTINCT year FROM events"
    "  WHERE year BETWEEN :from AND :to)"
    " SELECT y.year, d.code, count(e.id), total(e.status = 'held'),"
    "  total(e.status = 'postponed'), total(e.status = 'cancelled'),"
    "  d.name_en, total(e.status = 'planned')"
    " FROM y CROSS JOIN dimensions d"
    " LEFT JOIN areas a ON a.dimension = d.code"
    " LEFT JOIN events e ON e.area = a.code AND e.year = y.year"
    " GROUP BY y.year, d.code ORDER BY y.year, d.sort";

static const char organizer_sql[] =
    "WITH o AS (SELECT DISTINCT event_id, state FROM event_organizers"
    "  WHERE role = 'organizer' OR :co)"
    " SELECT e.year, o.state, count(e.id), total(e.status = 'held'),"
    "  total(e.status = 'postponed'), total(e.status = 'cancelled'),"
    "  s.name_en, total(e.status = 'planned')"
    " FROM events e JOIN o ON o.event_id = e.id"
    " JOIN states s ON s.code = o.state"
    " WHERE e.year BETWEEN :from AND :to"
    " GROUP BY e.year, o.state ORDER BY e.year, o.state";

/* Every format for every plan year, "unknown" where the plan names none. */
static const char format_sql[] =
    "WITH y AS (SELECT DISTINCT year FROM events"
    "  WHERE year BETWEEN :from AND :to),"
    " f(code, sort) AS (VALUES ('in-person', 1), ('virtual', 2),"
    "  ('hybrid', 3), ('unknown', 4))"
    " SELECT y.year, f.code, count(e.id), total(e.status = 'held'),"
    "  total(e.status = 'postponed'), total(e.status = 'cancelled'),"
    "  f.code, total(e.status = 'planned')"
    " FROM y CROSS JOIN f LEFT JOIN events e ON e.year = y.year"
    "  AND coalesce(e.format, 'unknown') = f.code"
    " GROUP BY y.year, f.code ORDER BY y.year, f.sort";

/* The venues a year's plan names, as written (trimmed); "unknown" for
 * events without one. */
static const char venue_sql[] =
    "WITH v AS (SELECT year, status,"
    "  coalesce(nullif(trim(venue), ''), 'unknown') AS venue FROM events"
    "  WHERE year BETWEEN :from AND :to)"
    " SELECT year, venue, count(*), total(status = 'held'),"
    "  total(status = 'postponed'), total(status = 'cancelled'),"
    "  venue, total(status = 'planned')"
    " FROM v GROUP BY year, venue"
    " ORDER BY year, venue = 'unknown', venue";

static void activity_row(void *data, sqlite3_stmt *st)
{
	struct ana_table *t = data;
	size_t r = ana_tb_row(t);
	int64_t planned = sqlite3_column_int64(st, 2);

	ana_tb_int(t, r, ANA_ACTIVITY_YEAR, sqlite3_column_int(st, 0));
	ana_tb_text(t, r, ANA_ACTIVITY_KEY,
	            (const char *)sqlite3_column_text(st, 1));
	ana_tb_int(t, r, ANA_ACTIVITY_PLANNED, planned);
	ana_tb_int(t, r, ANA_ACTIVITY_HELD, sqlite3_column_int64(st, 3));
	ana_tb_int(t, r, ANA_ACTIVITY_POSTPONED, sqlite3_column_int64(st, 4));
	ana_tb_int(t, r, ANA_ACTIVITY_CANCELLED, sqlite3_column_int64(st, 5));
	if (planned > 0)
		ana_tb_double(t, r, ANA_ACTIVITY_RATE,
		              (double)sqlite3_column_int64(st, 3) /
		                  (double)planned);
	ana_tb_int(t, r, ANA_ACTIVITY_PENDING, sqlite3_column_int64(st, 7));
	ana_tb_text(t, r, ANA_ACTIVITY_NAME,
	            (const char *)sqlite3_column_text(st, 6));
}

enum cbm_status ana_activity(struct st_db *db, const struct ana_params *p,
                             struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_ACTIVITY_YEAR] = {"year", ANA_INT},
	    [ANA_ACTIVITY_KEY] = {"key", ANA_TEXT},
	    [ANA_ACTIVITY_PLANNED] = {"planned", ANA_INT},
	    [ANA_ACTIVITY_HELD] = {"held", ANA_INT},
	    [ANA_ACTIVITY_POSTPONED] = {"postponed", ANA_INT},
	    [ANA_ACTIVITY_CANCELLED] = {"cancelled", ANA_INT},
	    [ANA_ACTIVITY_RATE] = {"implementation_rate", ANA_RATE},
	    [ANA_ACTIVITY_PENDING] = {"pending", ANA_INT},
	    [ANA_ACTIVITY_NAME] = {"name", ANA_TEXT},
	};
	static const char *const sqls[] = {
	    [ANA_BY_AREA] = area_sql,
	    [ANA_BY_DIMENSION] = dimension_sql,
	    [ANA_BY_ORGANIZER] = organizer_sql,
	    [ANA_BY_FORMAT] = format_sql,
	    [ANA_BY_VENUE] = venue_sql,
	};
	const char *sql = sqls[p->by];

	ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), "USD");
	return ana_run(db, sql, p, NULL, activity_row, out, err);
}
