/*
 * schema.c - the schema of the cbm database as a list of migrations, and
 * the documented views finance staff query.
 *
 * Migration N takes a database from user_version N-1 to N.  Never edit a
 * migration that has shipped: add a new one.  Dates are ISO 8601 text
 * ('2023-12-12'), which sorts and compares as dates; money is INTEGER minor
 * units beside a currency code; foreign keys are DEFERRABLE INITIALLY
 * DEFERRED so that a batch can be replaced in one transaction (the store
 * names orphans itself before committing, see batch.c).
 */
#include "schema.h"

/* The SQL reads best laid out as SQL. */
/* clang-format off */
#define FK(table, col) " REFERENCES " table "(" col ") DEFERRABLE INITIALLY DEFERRED"
#define BATCH " batch_id INTEGER NOT NULL" FK("batches", "id")

static const char migration_1[] =
	/* AUTOINCREMENT: a batch number is never reused, so "batch 4" in a
	 * note always means the same file, even after undo 4. */
	"CREATE TABLE batches ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  kind TEXT NOT NULL,"
	"  file_name TEXT NOT NULL,"
	"  sha256 TEXT NOT NULL UNIQUE,"
	"  row_count INTEGER NOT NULL DEFAULT 0,"
	"  loaded_at TEXT NOT NULL,"
	"  tool_version TEXT NOT NULL);"

	"CREATE TABLE currencies ("
	"  code TEXT PRIMARY KEY,"
	"  minor_per_unit INTEGER NOT NULL CHECK (minor_per_unit IN (1, 100, 1000)));"

	"CREATE TABLE dimensions ("
	"  code TEXT PRIMARY KEY,"
	"  sort INTEGER NOT NULL,"
	"  name_en TEXT NOT NULL, name_ru TEXT NOT NULL, name_kk TEXT NOT NULL);"
	"INSERT INTO dimensions VALUES"
	" ('military-political', 1, 'Military-political dimension',"
	"  'Военно-политическое измерение', 'Әскери-саяси өлшем'),"
	" ('new-challenges', 2, 'New challenges and threats',"
	"  'Новые вызовы и угрозы', 'Жаңа сын-қатерлер мен қауіптер'),"
	" ('economic', 3, 'Economic dimension',"
	"  'Экономическое измерение', 'Экономикалық өлшем'),"
	" ('environmental', 4, 'Environmental dimension',"
	"  'Экологическое измерение', 'Экологиялық өлшем'),"
	" ('human', 5, 'Human dimension',"
	"  'Человеческое измерение', 'Адами өлшем');"

	"CREATE TABLE states ("
	"  code TEXT PRIMARY KEY CHECK (length(code) = 3),"
	"  name_en TEXT NOT NULL, name_ru TEXT, name_kk TEXT,"
	"  status TEXT NOT NULL DEFAULT 'member'"
	"    CHECK (status IN ('member', 'observer')),"
	"  joined INTEGER," BATCH ");"
	"CREATE TABLE state_aliases ("
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  alias TEXT NOT NULL," BATCH ","
	"  PRIMARY KEY (state, alias));"

	"CREATE TABLE areas ("
	"  code TEXT PRIMARY KEY,"
	"  dimension TEXT NOT NULL" FK("dimensions", "code") ","
	"  name_en TEXT NOT NULL, name_ru TEXT, name_kk TEXT," BATCH ");"

	"CREATE TABLE coordinators ("
	"  id INTEGER PRIMARY KEY,"
	"  area TEXT NOT NULL" FK("areas", "code") ","
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  role TEXT NOT NULL CHECK (role IN ('coordinator', 'co-coordinator')),"
	"  from_year INTEGER NOT NULL, to_year INTEGER," BATCH ","
	"  CHECK (to_year IS NULL OR to_year >= from_year));"

	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL, item TEXT NOT NULL, title TEXT NOT NULL,"
	"  area TEXT NOT NULL" FK("areas", "code") ","
	"  start_date TEXT, end_date TEXT,"
	"  format TEXT CHECK (format IN ('in-person', 'virtual', 'hybrid')),"
	"  venue TEXT,"
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN"
	"    ('planned', 'held', 'postponed', 'cancelled')),"
	"  note TEXT," BATCH ","
	"  UNIQUE (year, item));"
	"CREATE TABLE event_organizers ("
	"  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE"
	"    DEFERRABLE INITIALLY DEFERRED,"
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  role TEXT NOT NULL CHECK (role IN ('organizer', 'co-organizer')),"
	"  PRIMARY KEY (event_id, state, role));"
	"CREATE INDEX event_organizers_state ON event_organizers(state);"

	"CREATE TABLE fx_rates ("
	"  currency TEXT NOT NULL, date TEXT NOT NULL,"
	"  usd_per_unit REAL NOT NULL CHECK (usd_per_unit > 0)," BATCH ","
	"  PRIMARY KEY (currency, date));"

	"CREATE TABLE contributions ("
	"  id INTEGER PRIMARY KEY,"
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  received_on TEXT NOT NULL, budget_year INTEGER NOT NULL,"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  currency TEXT NOT NULL" FK("currencies", "code") ","
	"  kind TEXT NOT NULL DEFAULT 'voluntary'"
	"    CHECK (kind IN ('voluntary', 'earmarked', 'in-kind')),"
	"  reference TEXT, note TEXT,"
	"  usd_per_unit REAL NOT NULL, amount_usd INTEGER NOT NULL," BATCH ");"
	/* Covers the figures' sums per (kind, year, state) and the curve. */
	"CREATE INDEX contributions_figures ON contributions(kind, budget_year,"
	" state, received_on, amount_usd);"
	/* The duplicate check of a re-exported file. */
	"CREATE INDEX contributions_state ON contributions(state, received_on);"
	"CREATE INDEX contributions_batch ON contributions(batch_id);"

	"CREATE TABLE pledges ("
	"  id INTEGER PRIMARY KEY,"
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  budget_year INTEGER NOT NULL,"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  currency TEXT NOT NULL" FK("currencies", "code") ","
	"  pledged_on TEXT, rate_date TEXT NOT NULL, note TEXT,"
	"  usd_per_unit REAL NOT NULL, amount_usd INTEGER NOT NULL," BATCH ");"
	"CREATE INDEX pledges_year ON pledges(budget_year);"

	"CREATE TABLE budget_lines ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL, line TEXT NOT NULL, title TEXT NOT NULL,"
	"  approved INTEGER NOT NULL CHECK (approved >= 0),"
	"  spent INTEGER CHECK (spent >= 0),"
	"  currency TEXT NOT NULL" FK("currencies", "code") ","
	"  usd_per_unit REAL NOT NULL, approved_usd INTEGER NOT NULL,"
	"  spent_usd INTEGER," BATCH ","
	"  UNIQUE (year, line));"

	"CREATE TABLE secondments ("
	"  id INTEGER PRIMARY KEY,"
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  year INTEGER NOT NULL,"
	"  person_months REAL NOT NULL CHECK (person_months >= 0),"
	"  grade TEXT, note TEXT," BATCH ");"

	"CREATE TABLE scales ("
	"  scale TEXT NOT NULL,"
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  share REAL NOT NULL CHECK (share >= 0 AND share <= 100)," BATCH ","
	"  PRIMARY KEY (scale, state));"

	/* ---- views for finance staff (documented in st_views) ---- */
	"CREATE VIEW v_batches AS"
	" SELECT id AS batch, kind, file_name, sha256, row_count AS rows,"
	"  loaded_at, tool_version FROM batches;"

	"CREATE VIEW v_states AS"
	" SELECT s.code, s.name_en, s.name_ru, s.name_kk, s.status, s.joined,"
	"  (SELECT group_concat(alias, '|') FROM state_aliases a"
	"   WHERE a.state = s.code) AS aliases"
	" FROM states s;"

	"CREATE VIEW v_contributions AS"
	" SELECT c.id, c.budget_year, c.received_on, c.state,"
	"  s.name_en AS state_name, c.kind,"
	"  c.amount * 1.0 / cu.minor_per_unit AS amount, c.currency,"
	"  c.usd_per_unit, c.amount_usd / 100.0 AS amount_usd,"
	"  c.reference, c.note, c.batch_id"
	" FROM contributions c JOIN states s ON s.code = c.state"
	" JOIN currencies cu ON cu.code = c.currency;"

	"CREATE VIEW v_pledges AS"
	" SELECT p.id, p.budget_year, p.pledged_on, p.state,"
	"  s.name_en AS state_name,"
	"  p.amount * 1.0 / cu.minor_per_unit AS amount, p.currency,"
	"  p.amount_usd / 100.0 AS amount_usd, p.note, p.batch_id"
	" FROM pledges p JOIN states s ON s.code = p.state"
	" JOIN currencies cu ON cu.code = p.currency;"

	"CREATE VIEW v_budget AS"
	" SELECT b.year, b.line, b.title,"
	"  b.approved * 1.0 / cu.minor_per_unit AS approved,"
	"  b.spent * 1.0 / cu.minor_per_unit AS spent, b.currency,"
	"  b.approved_usd / 100.0 AS approved_usd,"
	"  b.spent_usd / 100.0 AS spent_usd, b.batch_id"
	" FROM budget_lines b JOIN currencies cu ON cu.code = b.currency;"

	"CREATE VIEW v_collection_by_year AS"
	" WITH years AS ("
	"   SELECT year FROM budget_lines"
	"   UNION SELECT budget_year FROM contributions"
	"   UNION SELECT budget_year FROM pledges),"
	" approved AS (SELECT year, sum(approved_usd) AS cents"
	"   FROM budget_lines GROUP BY year),"
	" received AS (SELECT budget_year AS year, sum(amount_usd) AS cents"
	"   FROM contributions WHERE kind = 'voluntary' GROUP BY budget_year),"
	" pledged AS (SELECT budget_year AS year, sum(amount_usd) AS cents"
	"   FROM pledges GROUP BY budget_year)"
	" SELECT y.year, a.cents / 100.0 AS approved_usd,"
	"  coalesce(r.cents, 0) / 100.0 AS received_usd,"
	"  CASE WHEN a.cents > 0 THEN coalesce(r.cents, 0) * 1.0 / a.cents END"
	"   AS collection_rate,"
	"  p.cents / 100.0 AS pledged_usd"
	" FROM years y LEFT JOIN approved a ON a.year = y.year"
	" LEFT JOIN received r ON r.year = y.year"
	" LEFT JOIN pledged p ON p.year = y.year"
	" ORDER BY y.year;"

	"CREATE VIEW v_events AS"
	" SELECT e.year, e.item, e.title, e.area, ar.name_en AS area_name,"
	"  ar.dimension,"
	"  (SELECT group_concat(o.state, '|') FROM event_organizers o"
	"   WHERE o.event_id = e.id AND o.role = 'organizer') AS organizers,"
	"  (SELECT group_concat(s.name_en, '|') FROM event_organizers o"
	"   JOIN states s ON s.code = o.state"
	"   WHERE o.event_id = e.id AND o.role = 'organizer')"
	"   AS organizer_names,"
	"  (SELECT group_concat(o.state, '|') FROM event_organizers o"
	"   WHERE o.event_id = e.id AND o.role = 'co-organizer')"
	"   AS co_organizers,"
	"  e.start_date, e.end_date, e.format, e.venue, e.status, e.note,"
	"  e.batch_id"
	" FROM events e JOIN areas ar ON ar.code = e.area;"

	"CREATE VIEW v_areas AS"
	" SELECT a.code, a.name_en, a.name_ru, a.name_kk, a.dimension,"
	"  d.name_en AS dimension_name,"
	"  (SELECT group_concat(c.state, '|') FROM coordinators c"
	"   WHERE c.area = a.code AND c.role = 'coordinator'"
	"   AND c.to_year IS NULL) AS coordinators,"
	"  (SELECT group_concat(c.state, '|') FROM coordinators c"
	"   WHERE c.area = a.code AND c.role = 'co-coordinator'"
	"   AND c.to_year IS NULL) AS co_coordinators"
	" FROM areas a JOIN dimensions d ON d.code = a.dimension"
	" ORDER BY d.sort, a.code;"

	"CREATE VIEW v_fx AS"
	" SELECT currency, date, usd_per_unit, 1.0 / usd_per_unit AS units_per_usd,"
	"  batch_id FROM fx_rates;"

	"CREATE VIEW v_secondments AS"
	" SELECT m.year, m.state, s.name_en AS state_name, m.person_months,"
	"  m.grade, m.note, m.batch_id"
	" FROM secondments m JOIN states s ON s.code = m.state;";

/* Version 2: SQLite's sum() fails with "integer overflow" past 2^63
 * cents, which 9,223 amounts at the ceiling of one row (10^15 cents)
 * reach.  The view's columns are REAL dollars and a ratio anyway, so it
 * sums with total(), which never fails: the same doubles as before up to
 * 2^53 cents (90 trillion dollars), close beyond.  Built-ins only, so
 * that any SQLite tool still reads the view; cbm's own figures sum
 * exactly with cbm_sum() (money.c). */
static const char migration_2[] =
	"DROP VIEW v_collection_by_year;"
	"CREATE VIEW v_collection_by_year AS"
	" WITH years AS ("
	"   SELECT year FROM budget_lines"
	"   UNION SELECT budget_year FROM contributions"
	"   UNION SELECT budget_year FROM pledges),"
	" approved AS (SELECT year, total(approved_usd) AS cents"
	"   FROM budget_lines GROUP BY year),"
	" received AS (SELECT budget_year AS year, total(amount_usd) AS cents"
	"   FROM contributions WHERE kind = 'voluntary' GROUP BY budget_year),"
	" pledged AS (SELECT budget_year AS year, total(amount_usd) AS cents"
	"   FROM pledges GROUP BY budget_year)"
	" SELECT y.year, a.cents / 100.0 AS approved_usd,"
	"  coalesce(r.cents, 0) / 100.0 AS received_usd,"
	"  CASE WHEN a.cents > 0 THEN coalesce(r.cents, 0) * 1.0 / a.cents END"
	"   AS collection_rate,"
	"  p.cents / 100.0 AS pledged_usd"
	" FROM years y LEFT JOIN approved a ON a.year = y.year"
	" LEFT JOIN received r ON r.year = y.year"
	" LEFT JOIN pledged p ON p.year = y.year"
	" ORDER BY y.year;";

/* Version 3: a batch is (file, kind, sheet): the sheet of a workbook joins the key,
 * so that two sheets of one workbook are two batches.  SQLite cannot drop
 * the UNIQUE of sha256 in place, so the table is rebuilt (foreign keys are
 * off while migrations run, see db.c); ids are kept, and so is the
 * AUTOINCREMENT mark, so that the number of an undone batch is still never
 * reused.  sheet is '' for a text file, which the UNIQUE needs (NULLs are
 * all distinct); the view shows NULL. */
static const char migration_3[] =
	"CREATE TABLE batches_new ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  kind TEXT NOT NULL,"
	"  file_name TEXT NOT NULL,"
	"  sheet TEXT NOT NULL DEFAULT '',"
	"  sha256 TEXT NOT NULL,"
	"  row_count INTEGER NOT NULL DEFAULT 0,"
	"  loaded_at TEXT NOT NULL,"
	"  tool_version TEXT NOT NULL,"
	"  UNIQUE (sha256, kind, sheet));"
	"INSERT INTO batches_new (id, kind, file_name, sha256, row_count,"
	"  loaded_at, tool_version)"
	" SELECT id, kind, file_name, sha256, row_count, loaded_at,"
	"  tool_version FROM batches;"
	"DELETE FROM sqlite_sequence WHERE name = 'batches_new';"
	"INSERT INTO sqlite_sequence (name, seq)"
	" SELECT 'batches_new', max(coalesce((SELECT max(seq) FROM"
	"  sqlite_sequence WHERE name = 'batches'), 0),"
	"  coalesce((SELECT max(id) FROM batches_new), 0));"
	"DROP VIEW v_batches;"
	"DROP TABLE batches;"
	"ALTER TABLE batches_new RENAME TO batches;"
	"CREATE VIEW v_batches AS"
	" SELECT id AS batch, kind, file_name, nullif(sheet, '') AS sheet,"
	"  sha256, row_count AS rows, loaded_at, tool_version FROM batches;";

/* Version 4: what the reports need to speak for the secretariat.
 *  - A budget year is either approved or a draft (DESIGN.md "Figures and
 *    reports"): status, one per year, checked by the importer; a draft
 *    never enters a collection rate, so the view counts approved years.
 *  - Budget lines and plan events may carry their titles in Russian and
 *    Kazakh, as states and areas carry their names.
 *  - The organisation itself: its names, short names, signatory and
 *    emblem (the PNG's bytes), one row per batch; the latest batch wins.
 *    Its rows go with their batch (ON DELETE CASCADE), so that undo needs
 *    no list of tables to know of it. */
static const char migration_4[] =
	"ALTER TABLE budget_lines ADD COLUMN status TEXT NOT NULL"
	" DEFAULT 'approved' CHECK (status IN ('draft', 'approved'));"
	"ALTER TABLE budget_lines ADD COLUMN title_ru TEXT;"
	"ALTER TABLE budget_lines ADD COLUMN title_kk TEXT;"
	"ALTER TABLE events ADD COLUMN title_ru TEXT;"
	"ALTER TABLE events ADD COLUMN title_kk TEXT;"

	"CREATE TABLE organization ("
	"  id INTEGER PRIMARY KEY,"
	"  name_en TEXT NOT NULL, name_ru TEXT NOT NULL, name_kk TEXT NOT NULL,"
	"  short_en TEXT NOT NULL, short_ru TEXT NOT NULL,"
	"  short_kk TEXT NOT NULL,"
	"  signatory_en TEXT, signatory_ru TEXT, signatory_kk TEXT,"
	"  emblem BLOB, emblem_file TEXT,"
	"  batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE"
	"    DEFERRABLE INITIALLY DEFERRED);"

	"DROP VIEW v_budget;"
	"CREATE VIEW v_budget AS"
	" SELECT b.year, b.line, b.title, b.title_ru, b.title_kk, b.status,"
	"  b.approved * 1.0 / cu.minor_per_unit AS approved,"
	"  b.spent * 1.0 / cu.minor_per_unit AS spent, b.currency,"
	"  b.approved_usd / 100.0 AS approved_usd,"
	"  b.spent_usd / 100.0 AS spent_usd, b.batch_id"
	" FROM budget_lines b JOIN currencies cu ON cu.code = b.currency;"

	"DROP VIEW v_collection_by_year;"
	"CREATE VIEW v_collection_by_year AS"
	" WITH years AS ("
	"   SELECT year FROM budget_lines WHERE status = 'approved'"
	"   UNION SELECT budget_year FROM contributions"
	"   UNION SELECT budget_year FROM pledges),"
	" approved AS (SELECT year, total(approved_usd) AS cents"
	"   FROM budget_lines WHERE status = 'approved' GROUP BY year),"
	" received AS (SELECT budget_year AS year, total(amount_usd) AS cents"
	"   FROM contributions WHERE kind = 'voluntary' GROUP BY budget_year),"
	" pledged AS (SELECT budget_year AS year, total(amount_usd) AS cents"
	"   FROM pledges GROUP BY budget_year)"
	" SELECT y.year, a.cents / 100.0 AS approved_usd,"
	"  coalesce(r.cents, 0) / 100.0 AS received_usd,"
	"  CASE WHEN a.cents > 0 THEN coalesce(r.cents, 0) * 1.0 / a.cents END"
	"   AS collection_rate,"
	"  p.cents / 100.0 AS pledged_usd"
	" FROM years y LEFT JOIN approved a ON a.year = y.year"
	" LEFT JOIN received r ON r.year = y.year"
	" LEFT JOIN pledged p ON p.year = y.year"
	" ORDER BY y.year;"

	"DROP VIEW v_events;"
	"CREATE VIEW v_events AS"
	" SELECT e.year, e.item, e.title, e.title_ru, e.title_kk, e.area,"
	"  ar.name_en AS area_name, ar.dimension,"
	"  (SELECT group_concat(o.state, '|') FROM event_organizers o"
	"   WHERE o.event_id = e.id AND o.role = 'organizer') AS organizers,"
	"  (SELECT group_concat(s.name_en, '|') FROM event_organizers o"
	"   JOIN states s ON s.code = o.state"
	"   WHERE o.event_id = e.id AND o.role = 'organizer')"
	"   AS organizer_names,"
	"  (SELECT group_concat(o.state, '|') FROM event_organizers o"
	"   WHERE o.event_id = e.id AND o.role = 'co-organizer')"
	"   AS co_organizers,"
	"  e.start_date, e.end_date, e.format, e.venue, e.status, e.note,"
	"  e.batch_id"
	" FROM events e JOIN areas ar ON ar.code = e.area;"

	"CREATE VIEW v_organization AS"
	" SELECT name_en, name_ru, name_kk, short_en, short_ru, short_kk,"
	"  signatory_en, signatory_ru, signatory_kk, emblem_file,"
	"  length(emblem) AS emblem_bytes, batch_id"
	" FROM organization ORDER BY batch_id DESC LIMIT 1;";

/* Version 5 (issue 10): each batch records the operating-system user
 * who loaded it and how the file's headers and values were read (the
 * --map lines, '' when every header was the English name).  (The titles
 * in Russian and Kazakh of plan events and budget lines came with
 * version 4.) */
static const char migration_5[] =
	"ALTER TABLE batches ADD COLUMN loaded_by TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE batches ADD COLUMN mapping TEXT NOT NULL DEFAULT '';"
	"DROP VIEW v_batches;"
	"CREATE VIEW v_batches AS"
	" SELECT id AS batch, kind, file_name, nullif(sheet, '') AS sheet,"
	"  sha256, row_count AS rows, loaded_at, tool_version, loaded_by,"
	"  nullif(mapping, '') AS mapping FROM batches;";

/* Version 6 (issue 13): the contributions table as a staged import of a
 * million rows wants it.  SQLite checks "kind IN (...)" by building an
 * ephemeral table for every row inserted (1.7 us a row); the same check
 * written with OR costs nothing, but a CHECK cannot be changed in place,
 * so the table is rebuilt, ids kept.  The views on it are left as they
 * are: with legacy_alter_table on, the rename neither checks nor rewrites
 * them, and they read the new table by its old name.  The duplicate check
 * of a re-exported file looks rows up by (state, received_on, amount,
 * currency, kind): an index covering all five replaces
 * contributions_state, so that the set-based check reads the table only
 * for a row whose five values match (for its reference and batch). */
static const char migration_6[] =
	"PRAGMA legacy_alter_table = ON;"
	"CREATE TABLE contributions_new ("
	"  id INTEGER PRIMARY KEY,"
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  received_on TEXT NOT NULL, budget_year INTEGER NOT NULL,"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  currency TEXT NOT NULL" FK("currencies", "code") ","
	"  kind TEXT NOT NULL DEFAULT 'voluntary'"
	"    CHECK (kind = 'voluntary' OR kind = 'earmarked' OR kind = 'in-kind'),"
	"  reference TEXT, note TEXT,"
	"  usd_per_unit REAL NOT NULL, amount_usd INTEGER NOT NULL," BATCH ");"
	"INSERT INTO contributions_new SELECT id, state, received_on,"
	" budget_year, amount, currency, kind, reference, note, usd_per_unit,"
	" amount_usd, batch_id FROM contributions;"
	"DROP TABLE contributions;"
	"ALTER TABLE contributions_new RENAME TO contributions;"
	"PRAGMA legacy_alter_table = OFF;"
	"CREATE INDEX contributions_figures ON contributions(kind, budget_year,"
	" state, received_on, amount_usd);"
	"CREATE INDEX contributions_payment ON contributions(state, received_on,"
	" amount, currency, kind);"
	"CREATE INDEX contributions_batch ON contributions(batch_id);";

/* Version 7 (issue 15): items added to a plan after the SOC adopted it.
 * An event may carry the day it was added (added_on) and the states at
 * whose request it was (event_requests, beside event_organizers and
 * undone with its event in the same way).  v_events shows both. */
static const char migration_7[] =
	"ALTER TABLE events ADD COLUMN added_on TEXT;"
	"CREATE TABLE event_requests ("
	"  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE"
	"    DEFERRABLE INITIALLY DEFERRED,"
	"  state TEXT NOT NULL" FK("states", "code") ","
	"  PRIMARY KEY (event_id, state));"
	"CREATE INDEX event_requests_state ON event_requests(state);"
	"DROP VIEW v_events;"
	"CREATE VIEW v_events AS"
	" SELECT e.year, e.item, e.title, e.title_ru, e.title_kk, e.area,"
	"  ar.name_en AS area_name, ar.dimension,"
	"  (SELECT group_concat(o.state, '|') FROM event_organizers o"
	"   WHERE o.event_id = e.id AND o.role = 'organizer') AS organizers,"
	"  (SELECT group_concat(s.name_en, '|') FROM event_organizers o"
	"   JOIN states s ON s.code = o.state"
	"   WHERE o.event_id = e.id AND o.role = 'organizer')"
	"   AS organizer_names,"
	"  (SELECT group_concat(o.state, '|') FROM event_organizers o"
	"   WHERE o.event_id = e.id AND o.role = 'co-organizer')"
	"   AS co_organizers,"
	"  e.start_date, e.end_date, e.format, e.venue, e.status, e.note,"
	"  e.added_on,"
	"  (SELECT group_concat(q.state, '|') FROM event_requests q"
	"   WHERE q.event_id = e.id) AS requested_by,"
	"  e.batch_id"
	" FROM events e JOIN areas ar ON ar.code = e.area;";

/* Version 8 (issue 13): the figures' index also covers what converting a
 * payment to another report currency reads (currency, amount,
 * usd_per_unit), and what comparing receipts with a pledge in its own
 * currency reads (currency, amount).  Those figures read the index in
 * the order they group by, instead of sorting the table (another
 * currency) or fetching the rows of pledging states one by one (USD);
 * a million payments take 8 % more room, and a USD scan of the index
 * costs the same. */
static const char migration_8[] =
	"DROP INDEX contributions_figures;"
	"CREATE INDEX contributions_figures ON contributions(kind, budget_year,"
	" state, received_on, amount_usd, currency, amount, usd_per_unit);";

/* clang-format on */

static const char *const migrations[] = {
    migration_1, migration_2, migration_3, migration_4,
    migration_5, migration_6, migration_7, migration_8,
};

const char *const *st_schema_migrations(int *n)
{
	*n = (int)(sizeof(migrations) / sizeof(migrations[0]));
	return migrations;
}

static const struct st_view views[] = {
    {"v_batches", "import batches: one row per loaded file or workbook "
                  "sheet (name, sheet, SHA-256, rows, time, tool version, "
                  "the user who loaded it, how its headers were read)"},
    {"v_states", "states with their English, Russian and Kazakh names, "
                 "status, year joined and aliases"},
    {"v_areas", "priority areas with dimension and current "
                "coordinators (state codes separated by |)"},
    {"v_contributions", "contributions received, amount in its currency "
                        "and in USD at the rate of the day received"},
    {"v_pledges", "pledges, amount in its currency and in USD"},
    {"v_budget", "budget and spending per line and year (status approved "
                 "or draft; titles in three languages), in its currency "
                 "and in USD"},
    {"v_collection_by_year",
     "per budget year: approved budget, voluntary contributions received "
     "and pledged (USD) and the collection rate (empty without an "
     "approved budget; a draft does not count)"},
    {"v_events", "plan events with area, dimension, organizers and "
                 "co-organizers (codes and names separated by |), and "
                 "for an item added after the plan's adoption the day "
                 "and the states that requested it"},
    {"v_fx", "fx rates: USD per unit and units per USD by date"},
    {"v_secondments", "seconded person-months per state and year"},
    {"v_organization", "the organisation's names, short names and "
                       "signatory in three languages (the latest batch)"},
};

const struct st_view *st_views(size_t *n)
{
	*n = sizeof(views) / sizeof(views[0]);
	return views;
}
