/*
 * coordinators.c - who coordinates each priority area in a year, and
 * where nobody does.
 *
 * A term serves in year Y when from_year <= Y and (to_year is open or
 * Y <= to_year); terms that overlap simply both serve.  For every year
 * and every area the figure lists its coordinator(s), then a `vacant`
 * row when no coordinator serves (an area with co-coordinators only is
 * still vacant), then its co-coordinators.  Each serving state carries
 * the events of that year it organised in that area (co-organised ones
 * too with --with-co-organizers), and how many of them were held.
 *
 * The years are P's years that have a plan, and P->year (or a one-year
 * --from/--to) even without one: the coordinators of a year are known
 * before its plan is.
 */
#include "analysis_internal.h"

static const char coordinators_sql[] =
    "WITH y AS (SELECT year FROM events WHERE year BETWEEN :from AND :to"
    "  UNION SELECT :from WHERE :from = :to AND :from > 0),"
    " s AS (SELECT DISTINCT y.year, c.area, c.role, c.state"
    "  FROM y JOIN coordinators c ON c.from_year <= y.year"
    "  AND (c.to_year IS NULL OR y.year <= c.to_year)),"
    " r AS (SELECT * FROM s UNION ALL"
    "  SELECT y.year, a.code, 'vacant', NULL FROM y CROSS JOIN areas a"
    "  WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.year = y.year"
    "   AND s.area = a.code AND s.role = 'coordinator'))"
    " SELECT r.year, a.dimension, r.area, r.role, r.state,"
    "  count(e.id), total(e.status = 'held'), a.name_en, st.name_en"
    " FROM r JOIN areas a ON a.code = r.area"
    " JOIN dimensions d ON d.code = a.dimension"
    " LEFT JOIN states st ON st.code = r.state"
    " LEFT JOIN events e ON e.year = r.year AND e.area = r.area"
    "  AND EXISTS (SELECT 1 FROM event_organizers o WHERE o.event_id = e.id"
    "   AND o.state = r.state AND (o.role = 'organizer' OR :co))"
    " GROUP BY r.year, r.area, r.role, r.state"
    " ORDER BY r.year, d.sort, a.code,"
    "  CASE r.role WHEN 'coordinator' THEN 0 WHEN 'vacant' THEN 1 ELSE 2 END,"
    "  r.state";

static const char *text_at(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static void coordinators_row(void *data, sqlite3_stmt *st)
{
	struct ana_table *t = data;
	size_t r = ana_tb_row(t);
	bool vacant = sqlite3_column_type(st, 4) == SQLITE_NULL;

	ana_tb_int(t, r, ANA_COORD_YEAR, sqlite3_column_int(st, 0));
	ana_tb_text(t, r, ANA_COORD_DIMENSION, text_at(st, 1));
	ana_tb_text(t, r, ANA_COORD_AREA, text_at(st, 2));
	ana_tb_text(t, r, ANA_COORD_ROLE, text_at(st, 3));
	ana_tb_text(t, r, ANA_COORD_AREA_NAME, text_at(st, 7));
	if (vacant)
		return;
	ana_tb_text(t, r, ANA_COORD_STATE, text_at(st, 4));
	ana_tb_int(t, r, ANA_COORD_ORGANISED, sqlite3_column_int64(st, 5));
	ana_tb_int(t, r, ANA_COORD_HELD, sqlite3_column_int64(st, 6));
	ana_tb_text(t, r, ANA_COORD_NAME, text_at(st, 8));
}

enum cbm_status ana_coordinators(struct st_db *db, const struct ana_params *p,
                                 struct ana_table *out, struct cbm_error *err)
{
	static const struct ana_column cols[] = {
	    [ANA_COORD_YEAR] = {"year", ANA_INT},
	    [ANA_COORD_DIMENSION] = {"dimension", ANA_TEXT},
	    [ANA_COORD_AREA] = {"area", ANA_TEXT},
	    [ANA_COORD_ROLE] = {"role", ANA_TEXT},
	    [ANA_COORD_STATE] = {"state", ANA_TEXT},
	    [ANA_COORD_ORGANISED] = {"organised", ANA_INT},
	    [ANA_COORD_HELD] = {"held", ANA_INT},
	    [ANA_COORD_AREA_NAME] = {"area_name", ANA_TEXT},
	    [ANA_COORD_NAME] = {"name", ANA_TEXT},
	};

	ana_tb_columns(out, cols, sizeof(cols) / sizeof(*cols), "USD");
	return ana_run(db, coordinators_sql, p, NULL, coordinators_row, out,
	               err);
}
