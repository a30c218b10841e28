#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# query.sh - `cbm query`: read-only SQL answered as a table, CSV or JSON;
# every statement that could write is refused and changes nothing.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

Q="SELECT state, received_on, amount, currency, amount_usd, note
   FROM v_contributions ORDER BY id"

test_select_view_csv() {
	base_with_rows
	run_cbm query --format csv "$Q"
	expect_status 0
	expect_stdout_is "state,received_on,amount,currency,amount_usd,note
KAZ,2023-03-15,50000.00,USD,50000.00,
KOR,2023-12-12,50000.00,USD,50000.00,RoK announced in December 2023
IRN,2023-12-12,100.00,EUR,110.00,"
}

test_select_view_json() {
	base_with_rows
	run_cbm query --format json "$Q"
	expect_status 0
	expect_stdout_is '[
 {"state": "KAZ", "received_on": "2023-03-15", "amount": 50000.00, "currency": "USD", "amount_usd": 50000.00, "note": null},
 {"state": "KOR", "received_on": "2023-12-12", "amount": 50000.00, "currency": "USD", "amount_usd": 50000.00, "note": "RoK announced in December 2023"},
 {"state": "IRN", "received_on": "2023-12-12", "amount": 100.00, "currency": "EUR", "amount_usd": 110.00, "note": null}
]'
}

test_select_view_table() {
	base_with_rows
	run_cbm query "SELECT state, received_on, amount, currency FROM v_contributions ORDER BY id"
	expect_status 0
	expect_stdout_is "state  received_on    amount  currency
-----  -----------  --------  --------
KAZ    2023-03-15   50000.00  USD
KOR    2023-12-12   50000.00  USD
IRN    2023-12-12     100.00  EUR"
}

test_empty_result() {
	base_with_rows
	run_cbm query --format json "SELECT code FROM states WHERE code = 'XXX'"
	expect_status 0
	expect_stdout_is "[]"
	run_cbm query --format csv "SELECT code FROM states WHERE code = 'XXX'"
	expect_status 0
	expect_stdout_is "code"
}

test_special_characters_in_csv_and_json() {
	load_base
	import_ok contributions "$(data formats/quoted.csv)"
	run_cbm query --format csv "SELECT reference, note FROM contributions ORDER BY id"
	expect_status 0
	expect_stdout_is 'reference,note
"REF, one","He said ""paid"""
R2,"first line
second line"
R3,plain'
	run_cbm query --format json "SELECT reference, note FROM contributions ORDER BY id"
	expect_status 0
	expect_stdout_is '[
 {"reference": "REF, one", "note": "He said \"paid\""},
 {"reference": "R2", "note": "first line\nsecond line"},
 {"reference": "R3", "note": "plain"}
]'
}

test_table_aligns_cyrillic_by_characters() {
	load_base
	run_cbm query "SELECT CASE code WHEN 'KAZ' THEN name_ru ELSE name_en END AS name,
	               code, status FROM states WHERE code IN ('IRN', 'KAZ') ORDER BY code"
	expect_status 0
	expect_stdout_is "name       code  status
---------  ----  ------
Iran       IRN   member
Казахстан  KAZ   member"
	# The code column starts at the same character (not byte) offset:
	# count the characters before it (bash counts characters in UTF-8).
	local line before offsets=""
	while IFS= read -r line; do
		before=${line%%[A-Z][A-Z][A-Z] *}
		offsets="$offsets ${#before}"
	done < <(printf '%s\n' "$OUT" | tail -n 2)
	expect_eq "$offsets" " 11 11" "characters before the code column"
}

test_table_aligns_kazakh_letters() {
	load_base
	run_cbm query "SELECT name_kk, code FROM states WHERE code IN ('KAZ', 'RUS', 'TUR') ORDER BY code"
	expect_status 0
	expect_stdout_is "name_kk    code
---------  ----
Қазақстан  KAZ
Ресей      RUS
Түркия     TUR"
}

# Runs one statement that must be refused: exit 1, a message saying why,
# the database unchanged.
refused() {
	snapshot
	run_cbm query "$1"
	expect_status 1
	case "$ERR" in
	*read-only* | *several*) ;;
	*) fail "refusal of '$1' says neither read-only nor several" ;;
	esac
	expect_stdout_is ""
	expect_db_unchanged
}

test_writes_refused() {
	base_with_rows
	refused "INSERT INTO currencies VALUES ('XXX', 100)"
	refused "UPDATE states SET name_en = 'x'"
	refused "DELETE FROM contributions"
	refused "REPLACE INTO currencies VALUES ('USD', 100)"
	refused "CREATE TABLE t (x)"
	refused "CREATE TEMP TABLE t (x)"
	refused "CREATE VIEW v AS SELECT 1"
	refused "DROP VIEW v_events"
	refused "DROP TABLE contributions"
	refused "ALTER TABLE states ADD COLUMN x"
	refused "CREATE INDEX i ON states (name_en)"
	refused "BEGIN"
	refused "WITH x AS (SELECT 1) DELETE FROM contributions"
}

test_attach_detach_vacuum_refused() {
	base_with_rows
	refused "ATTACH DATABASE '$T/other.db' AS other"
	[ ! -e "$T/other.db" ] || fail "ATTACH created $T/other.db"
	refused "DETACH DATABASE main"
	refused "VACUUM"
	refused "VACUUM INTO '$T/x.db'"
	[ ! -e "$T/x.db" ] || fail "VACUUM INTO created $T/x.db"
}

test_pragmas_that_set_refused() {
	local version
	base_with_rows
	version=$(sql "PRAGMA user_version")
	refused "PRAGMA journal_mode=DELETE"
	refused "PRAGMA user_version=5"
	refused "PRAGMA main.user_version=5"
	refused "PRAGMA writable_schema=ON"
	refused "PRAGMA foreign_keys=OFF"
	expect_sql "PRAGMA user_version" "$version"
}

test_load_extension_refused() {
	base_with_rows
	refused "SELECT load_extension('x')"
}

test_several_statements_refused() {
	base_with_rows
	refused "SELECT 1; DELETE FROM states"
	refused "SELECT 1; SELECT 2"
	expect_stderr_has "several"
}

test_reading_pragmas_allowed() {
	base_with_rows
	run_cbm query "PRAGMA user_version"
	expect_status 0
	expect_stdout_has "$(sql "PRAGMA user_version")"
	run_cbm query --format csv "PRAGMA table_info(states)"
	expect_status 0
	expect_stdout_has ",name_en,TEXT,"
	expect_stdout_has ",code,TEXT,"
}

test_pragma_journal_mode_read_allowed() {
	base_with_rows
	# Listed by cbm as a PRAGMA that only reports, without a value.
	run_cbm query --format csv "PRAGMA journal_mode"
	expect_status 0
	expect_stdout_is "journal_mode
wal"
}

test_pragma_table_valued_function_allowed() {
	base_with_rows
	# The SELECT form of PRAGMA table_info, which is allowed.
	run_cbm query --format csv "SELECT name FROM pragma_table_info('batches') ORDER BY cid LIMIT 2"
	expect_status 0
	expect_stdout_is "name
id
kind"
}

test_reads_allowed() {
	base_with_rows
	run_cbm query --format csv "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT sum(x) AS s FROM c"
	expect_status 0
	expect_stdout_is "s
6"
	run_cbm query --format csv "SELECT 1 AS one; -- a comment"
	expect_status 0
	expect_stdout_is "one
1"
	run_cbm query --format csv "SELECT count(*) AS n FROM sqlite_master WHERE type = 'view' AND name = 'v_events'"
	expect_status 0
	expect_stdout_is "n
1"
}

test_bad_sql_is_data_error() {
	base_with_rows
	snapshot
	run_cbm query "SELEC 1"
	expect_status 1
	expect_stderr_has "syntax error"
	run_cbm query "SELECT * FROM no_such_table"
	expect_status 1
	expect_stderr_has "no_such_table"
	expect_db_unchanged
}

test_list_views() {
	init_db
	run_cbm query --list
	expect_status 0
	expect_stdout_has "v_contributions"
	expect_stdout_has "v_collection_by_year"
	expect_stdout_has "v_events"
	expect_stdout_has "columns: id, budget_year, received_on, state"
	run_cbm query --list --format csv
	expect_status 0
	expect_eq "$(printf '%s\n' "$OUT" | head -1)" "view,description,columns" "csv header"
	expect_eq "$(printf '%s\n' "$OUT" | grep -c '^v_collection_by_year,')" "1" \
		"v_collection_by_year in the csv list"
	# Every listed view answers a query.
	local v
	for v in $(printf '%s\n' "$OUT" | awk -F, 'NR > 1 {print $1}'); do
		run_cbm query "SELECT * FROM $v LIMIT 1"
		expect_status 0
	done
}

run_tests "$@"
