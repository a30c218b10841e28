#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# batches.sh - one file, one batch: header-only files, files already
# loaded, `cbm batches`, `cbm undo`, --replace, --dry-run, duplicates across
# files, concurrent imports.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Base set (batches 1-3) and contributions.csv as batch 4.
test_header_only_file_loads_nothing() {
	load_base
	printf 'state,received_on,amount,currency\n' | write h.csv
	printf 'state;received_on;amount;currency' | write h2.csv
	snapshot
	run_cbm import contributions h.csv
	expect_status 0
	expect_stdout_has "h.csv: header only; nothing to load"
	expect_db_unchanged
	expect_sql "SELECT count(*) FROM batches" "3"
	run_cbm import contributions h2.csv
	expect_status 0
	expect_stdout_has "nothing to load"
	expect_db_unchanged
}

test_reimport_same_file_is_a_no_op() {
	base_with_rows
	snapshot
	run_cbm import contributions "$(data contributions.csv)"
	expect_status 0
	expect_stdout_has "already loaded as batch 4"
	expect_db_unchanged
	# Same bytes under another name: the same file.
	cp "$(data contributions.csv)" copy.csv
	run_cbm import contributions copy.csv
	expect_status 0
	expect_stdout_has "already loaded as batch 4"
	expect_db_unchanged
}

# A database of schema 1 (made by cbm 0.1.0 before sheets joined the
# identity of a batch: states, areas, fx, contributions as batches 1-4,
# batch 5 undone) is migrated by the first command that writes, keeping
# every batch, its rows and the rule that a batch number is never reused.
test_schema_1_database_migrates() {
	cp "$(data store/schema_v1.sqlite)" "$DB"
	run_cbm batches
	expect_status 1
	expect_stderr_has "cbm init"
	run_cbm init
	expect_status 0
	expect_sql "PRAGMA user_version" 8
	# It keeps the pages it was made with.
	expect_sql "PRAGMA page_size" 4096
	expect_sql "PRAGMA integrity_check" "ok"
	expect_sql "PRAGMA foreign_key_check" ""
	expect_sql "SELECT id, kind, file_name, sheet, row_count FROM batches ORDER BY id" \
		"1|states|states.csv||7
2|areas|areas.csv||2
3|fx|fx.csv||4
4|contributions|contributions.csv||3"
	expect_sql "SELECT count(*) FROM contributions WHERE batch_id = 4" "3"
	run_cbm import contributions "$(data contributions.csv)"
	expect_status 0
	expect_stdout_has "already loaded as batch 4"
	run_cbm import fx "$(data fx_eur_mid2023.csv)"
	expect_status 0
	expect_stdout_has "loaded as batch 6"
	run_cbm batches --format csv
	expect_status 0
	expect_stdout_has "4,contributions,contributions.csv,,3,"
}

test_batches_lists_files() {
	base_with_rows
	run_cbm batches
	expect_status 0
	expect_stdout_has "contributions.csv"
	expect_stdout_has "states.csv"
	expect_eq "$(printf '%s\n' "$OUT" | awk '$2 == "contributions" {print $1, $3, $4}')" \
		"4 contributions.csv 3" "batch 4 in the table"
	expect_eq "$(printf '%s\n' "$OUT" | awk '$2 == "states" {print $1, $3, $4}')" \
		"1 states.csv 7" "batch 1 in the table"
}

test_batches_csv() {
	base_with_rows
	local sha
	sha=$(sha256sum "$(data contributions.csv)" | cut -d' ' -f1)
	run_cbm batches --format csv
	expect_status 0
	expect_eq "$(printf '%s\n' "$OUT" | head -1)" \
		"batch,kind,file,sheet,rows,loaded,sha256,version,user,mapping" "csv header"
	expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "5" "csv lines"
	# A text file has no sheet: an empty field.
	expect_eq "$(printf '%s\n' "$OUT" | awk -F, '$1 == 4 {print $2, $3, "[" $4 "]", $5, $7, $8}')" \
		"contributions contributions.csv [] 3 $sha 0.1.0" "batch 4 as csv"
	expect_eq "$(printf '%s\n' "$OUT" | awk -F, 'NR > 1 && NF != 10' | wc -l)" "0" \
		"every csv line has 10 fields"
	# Who loaded it (DESIGN "Databases"); English headers need no map.
	expect_eq "$(printf '%s\n' "$OUT" | awk -F, '$1 == 4 {print $9 "|" $10}')" \
		"$(id -un)|" "batch 4's user and mapping"
	# The time loaded is ISO 8601 UTC.
	expect_eq "$(printf '%s\n' "$OUT" | awk -F, 'NR > 1 {print $6}' |
		grep -cvE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$')" \
		"0" "loaded times"
}

test_batches_json() {
	base_with_rows
	run_cbm batches --format json
	expect_status 0
	expect_stdout_has '{"batch": 4, "kind": "contributions", "file": "contributions.csv", "sheet": null, "rows": 3, '
	expect_eq "$(printf '%s\n' "$OUT" | head -1)" "[" "json start"
	expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "]" "json end"
}

test_undo_removes_rows() {
	base_with_rows
	run_cbm undo 4
	expect_status 0
	expect_stdout_has "removed batch 4"
	expect_sql "SELECT count(*) FROM contributions" "0"
	expect_sql "SELECT count(*) FROM batches WHERE id = 4" "0"
	run_cbm batches --format csv
	expect_stdout_lacks "contributions.csv"
}

test_undo_unknown_batch() {
	base_with_rows
	snapshot
	run_cbm undo 99
	expect_status 1
	expect_stderr_has "99"
	expect_db_unchanged
	run_cbm undo abc
	expect_status 2
	expect_db_unchanged
}

test_undo_states_in_use_refused() {
	base_with_rows
	snapshot
	run_cbm undo 1
	expect_status 1
	expect_stderr_has "batch 4 (contributions.csv)"
	expect_db_unchanged
}

test_undo_areas_in_use_refused() {
	load_base
	printf 'year,item,title,area,organizers\n2023,27,Workshop,TER,KAZ\n' | write plan.csv
	import_ok plan plan.csv
	snapshot
	run_cbm undo 2
	expect_status 1
	expect_stderr_has "batch 4 (plan.csv)"
	expect_db_unchanged
	# Once the plan is undone, the areas may go.
	run_cbm undo 4
	expect_status 0
	run_cbm undo 2
	expect_status 0
	expect_sql "SELECT count(*) FROM areas" "0"
}

test_undo_users_first_then_states() {
	base_with_rows
	run_cbm undo 4
	expect_status 0
	run_cbm undo 1
	expect_status 0
	expect_sql "SELECT count(*) FROM states" "0"
	expect_sql "SELECT count(*) FROM state_aliases" "0"
	expect_sql "SELECT group_concat(kind) FROM (SELECT kind FROM batches ORDER BY id)" "areas,fx"
}

test_undo_fx_in_use_refused() {
	base_with_rows
	snapshot
	run_cbm undo 3
	expect_status 1
	expect_stderr_has "EUR"
	expect_stderr_has "batch 4 (contributions.csv)"
	expect_db_unchanged
}

test_undone_file_can_be_imported_again() {
	base_with_rows
	snapshot
	import_ok contributions "$(data contributions.csv)"
	expect_stdout_has "already loaded"
	run_cbm undo 4
	expect_status 0
	run_cbm import contributions "$(data contributions.csv)"
	expect_status 0
	expect_stdout_has "loaded as batch"
	expect_sql "SELECT count(*) FROM contributions" "3"
	expect_sql "SELECT count(*) FROM batches WHERE file_name = 'contributions.csv'" "1"
}

test_replace_loads_in_place_of_batch() {
	base_with_rows
	# The corrected file keeps two rows as they were (not duplicates of
	# the batch it replaces) and corrects one amount.
	printf 'state,received_on,amount,currency,reference\nKAZ,2023-03-15,50000.00,USD,REF-1\nKOR,2023-12-12,60000.00,USD,REF-2\nIRN,2023-12-12,100.00,EUR,REF-3\n' |
		write fixed.csv
	run_cbm import contributions --replace 4 fixed.csv
	expect_status 0
	expect_stdout_has "fixed.csv: loaded as batch"
	expect_stdout_has "3 contributions"
	expect_sql "SELECT count(*) FROM batches" "4"
	expect_sql "SELECT count(*) FROM batches WHERE file_name = 'contributions.csv'" "0"
	expect_sql "SELECT count(*) FROM contributions" "3"
	expect_sql "SELECT c.state, c.amount FROM contributions c JOIN batches b
	            ON b.id = c.batch_id WHERE b.file_name = 'fixed.csv' ORDER BY c.id" \
		"KAZ|5000000
KOR|6000000
IRN|10000"
}

# A batch number names one load for good: after an undo or a replace, a new
# batch gets a new number, so that "batch 4" in a note or an earlier
# listing never comes to mean another file (cbm undo 4 would remove it).
test_batch_numbers_not_reused() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-06-01,1,USD\n' | write fixed.csv
	run_cbm import contributions --replace 4 fixed.csv
	expect_status 0
	expect_sql "SELECT max(id) > 4 FROM batches WHERE file_name = 'fixed.csv'" "1"
	run_cbm undo "$(sql "SELECT id FROM batches WHERE file_name = 'fixed.csv'")"
	expect_status 0
	printf 'state,received_on,amount,currency\nKAZ,2023-06-02,2,USD\n' | write later.csv
	run_cbm import contributions later.csv
	expect_status 0
	expect_sql "SELECT id > 5 FROM batches WHERE file_name = 'later.csv'" "1"
}

test_replace_states_keeping_used_ones() {
	base_with_rows
	# A states file that drops Japan (unused) and renames nothing else.
	grep -v '^JPN' "$(data states.csv)" | write states2.csv
	run_cbm import states --replace 1 states2.csv
	expect_status 0
	expect_sql "SELECT count(*) FROM states" "6"
	expect_sql "SELECT count(*) FROM contributions" "3"
	# A states file without Iran, whose contribution is loaded: refused.
	grep -v '^IRN' states2.csv | write states3.csv
	snapshot
	run_cbm import states --replace \
		"$(sql "SELECT id FROM batches WHERE file_name = 'states2.csv'")" states3.csv
	expect_status 1
	expect_stderr_has "batch 4 (contributions.csv)"
	expect_db_unchanged
}

test_replace_with_other_kind_is_usage_error() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-06-01,1,USD\n' | write c.csv
	snapshot
	run_cbm import contributions --replace 1 c.csv
	expect_status 2
	expect_stderr_has "states"
	expect_db_unchanged
}

test_replace_unknown_batch() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-06-01,1,USD\n' | write c.csv
	snapshot
	run_cbm import contributions --replace 99 c.csv
	[ "$STATUS" != 0 ] || fail "--replace 99 should fail"
	expect_stderr_has "99"
	expect_db_unchanged
}

test_dry_run_good_file() {
	load_base
	snapshot
	run_cbm import contributions --dry-run "$(data contributions.csv)"
	expect_status 0
	expect_stdout_has "would load 3 contributions"
	expect_db_unchanged
	# The dry run left no trace: the real import is not "already loaded".
	run_cbm import contributions "$(data contributions.csv)"
	expect_status 0
	expect_stdout_has "loaded as batch 4"
}

test_dry_run_bad_file() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-06-01,1x,USD\n' | write c.csv
	snapshot
	run_cbm import contributions --dry-run c.csv
	expect_status 1
	expect_stderr_has "c.csv:2:amount: "
	expect_db_unchanged
}

test_dry_run_replace_changes_nothing() {
	base_with_rows
	printf 'state,received_on,amount,currency\nKAZ,2023-06-01,1,USD\n' | write c.csv
	snapshot
	run_cbm import contributions --dry-run --replace 4 c.csv
	expect_status 0
	expect_stdout_has "would load 1 contributions"
	expect_db_unchanged
}

test_same_rows_in_another_file_refused() {
	base_with_rows
	# The rows of contributions.csv in another order and another shape.
	printf 'state;received_on;amount;currency;budget_year;kind;reference;note\nIRN;12.12.2023;100,00;EUR;2023;voluntary;REF-3;\nKAZ;15.03.2023;50 000,00;USD;2023;voluntary;REF-1;\n' |
		write again.csv
	snapshot
	run_cbm import contributions again.csv
	expect_status 1
	expect_stderr_has "again.csv:2:amount: "
	expect_stderr_has "again.csv:3:amount: "
	expect_stderr_has "already loaded by batch 4 (contributions.csv)"
	expect_db_unchanged
}

# 20 000 rows into a table of over four times as many, which keeps its
# indexes (import/stage.c): the staged rows are sorted by the key once,
# looked up in that order and inserted as they lie.  Two rows of the
# loaded file, their references left empty, are found at their own lines
# and nothing loads; without them every row loads, the same rows as one
# file of both loaded into an empty table.
test_many_rows_into_many_checked_in_key_order() {
	load_examples_base
	gen_contributions 81000 A 2006 20 >a.csv
	gen_contributions 20000 B 2006 20 >b.csv
	import_ok contributions a.csv
	{
		cat b.csv
		awk -F, -v OFS=, 'NR == 1001 || NR == 60001 { $7 = ""; print }' a.csv
	} >b2.csv
	snapshot
	run_cbm import contributions b2.csv
	expect_status 1
	expect_stderr_has "b2.csv:20002:amount: "
	expect_stderr_has "b2.csv:20003:amount: "
	expect_stderr_count "already loaded" 2
	expect_stderr_has "by batch 3 (a.csv)"
	expect_db_unchanged
	import_ok contributions b.csv
	expect_sql "SELECT count(*) FROM contributions" "101000"
	# They went in in the order of the key, not the file's.
	expect_sql "SELECT count(*) FROM (SELECT row_number() OVER (ORDER BY id)
	            AS a, row_number() OVER (ORDER BY state, received_on, amount,
	            currency, kind, id) AS b FROM contributions
	            WHERE batch_id = (SELECT max(id) FROM batches)) WHERE a <> b" "0"
	expect_sql "PRAGMA integrity_check" "ok"
	local rows="SELECT state, received_on, budget_year, amount, currency,
	            kind, reference, usd_per_unit, amount_usd FROM contributions
	            ORDER BY reference"
	sql "$rows" >two.txt
	DB=$T/one.sqlite
	export CBM_DB=$DB
	load_examples_base
	{
		cat a.csv
		tail -n +2 b.csv
	} >ab.csv
	import_ok contributions ab.csv
	sql "$rows" >one.txt
	cmp -s one.txt two.txt ||
		fail "the rows loaded in two files differ from those of one file"
	expect_eq "$(wc -l <two.txt)" 101000 "rows compared"
}

# The rows are written by a thread of their own while the file is still
# being read (import/writer.c).  A row the database refuses as it is
# written (here by a trigger the test adds; in life a full disk) ends the
# import with that error after thousands of rows were written, and none
# of them stays; with the trigger gone the same file loads whole.
test_row_refused_as_written_loads_nothing() {
	load_examples_base
	gen_contributions 9000 W 2010 10 >w.csv
	sql "CREATE TRIGGER refuse BEFORE INSERT ON contributions
	     WHEN NEW.reference = 'W-7000'
	     BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
	snapshot
	run_cbm import contributions w.csv
	expect_status 3
	expect_stderr_has "cannot stage a row: refused by the test"
	expect_db_unchanged
	sql "DROP TRIGGER refuse"
	import_ok contributions w.csv
	expect_sql "SELECT count(*), count(DISTINCT reference),
	            sum(reference = 'W-7000') FROM contributions" "9000|9000|1"
	expect_sql "PRAGMA integrity_check" "ok"
}

# A write that fails for want of room (here a limit on the size of the
# files cbm writes, in 1 KiB blocks; in life a full disk) can end SQLite's
# transaction there and then.  The rows read meanwhile bring currencies
# new to the import (one every 200 rows), each of which the reader would
# record with SQL of its own, which would then commit alone: it must run
# none once a write failed, so that nothing of the import stays, not even
# a currency.  Without the limit the same file loads.
test_write_failing_for_room_leaves_nothing() {
	load_examples_base
	local c
	{
		echo "currency,date,usd_per_unit"
		for c in Q{A..Z}{A..Z}; do echo "$c,2000-01-01,0.5"; done
	} >fxq.csv
	import_ok fx fxq.csv
	awk 'BEGIN {
		split("ABCDEFGHIJKLMNOPQRSTUVWXYZ", l, "")
		print "state,received_on,amount,currency,reference"
		for (i = 0; i < 135000; i++) {
			k = int(i / 200)
			printf "KAZ,2020-%02d-%02d,%d.00,Q%s%s,F-%d\n", i % 12 + 1,
				i % 28 + 1, 100 + i, l[int(k / 26) + 1], l[k % 26 + 1], i
		}
	}' >room.csv
	printf "trap '' XFSZ\nulimit -f 4096\nexec \"\$@\"\n" >limit.sh
	snapshot
	CBM_WRAPPER="bash $T/limit.sh" run_cbm import contributions room.csv
	expect_status 3
	expect_stderr_has "disk I/O error"
	expect_db_unchanged
	import_ok contributions room.csv
	expect_sql "SELECT count(*), count(DISTINCT currency) FROM contributions" \
		"135000|675"
}

test_duplicate_fx_rate_refused() {
	load_base
	printf 'currency,date,usd_per_unit\nEUR,2023-01-01,1.10\n' | write fx2.csv
	snapshot
	run_cbm import fx fx2.csv
	expect_status 1
	expect_stderr_has "fx2.csv:2:date: "
	expect_stderr_has "batch 3 (fx.csv)"
	expect_db_unchanged
}

test_contribution_before_joining_warns() {
	load_base
	# Kuwait joined in 2022.
	printf 'state,received_on,amount,currency\nKuwait,2021-06-01,1000,USD\nKuwait,2022-06-01,1000,USD\n' | write k.csv
	run_cbm import contributions k.csv
	expect_status 0
	expect_stderr_has "k.csv:2:state: warning: "
	expect_stderr_has "2021"
	expect_stderr_count "warning" 1
	expect_sql "SELECT count(*) FROM contributions WHERE state = 'KWT'" "2"
}

test_concurrent_imports_serialize() {
	load_base
	# Two files of 4000 rows (tens of milliseconds each to load), started
	# together: the second waits for the first (BEGIN IMMEDIATE with a busy
	# timeout) instead of failing.
	# shellcheck disable=SC2016 # an awk program
	local rows='BEGIN {split("KAZ KOR IRN RUS TUR JPN", s, " ");
		print "state,received_on,amount,currency,reference"}
		{print s[$1 % 6 + 1] "," d "," $1 ",USD," d "-" $1}'
	seq 1 4000 | awk -v d=2023-01-02 "$rows" | write a.csv
	seq 1 4000 | awk -v d=2023-01-03 "$rows" | write b.csv
	"$CBM" import contributions a.csv >a.out 2>&1 &
	local pa=$!
	"$CBM" import contributions b.csv >b.out 2>&1 &
	local pb=$!
	wait "$pa"
	local ra=$?
	wait "$pb"
	local rb=$?
	# shellcheck disable=SC2034 # read by fail()
	CMD="cbm import contributions a.csv & cbm import contributions b.csv"
	OUT=$(cat a.out b.out)
	STATUS="$ra $rb"
	expect_eq "$ra $rb" "0 0" "exit statuses of two concurrent imports"
	expect_sql "SELECT count(*) FROM contributions" "8000"
	expect_sql "SELECT count(*) FROM batches" "5"
}

run_tests "$@"
