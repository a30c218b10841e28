#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031,SC2034 # test_* run in subshells via run_tests; OUT, ERR, STATUS, CMD are read by fail()
# memcheck.sh - one session through every module of cbm, each command run
# twice: as it is, and under $CBM_WRAPPER (valgrind memcheck in stage 3
# of .ci/run).  Both runs must end with the same status and write the
# same bytes: a read of uninitialised memory that changes a figure, a
# chart or a report shows up as a difference, an invalid access or a
# leak as memcheck's exit status 99.  The figures themselves are checked
# against hand-worked values by the other scripts; this one is small
# enough to run under memcheck in a few minutes, which they are not.
# Without CBM_WRAPPER it checks that each command's output is the same
# from one run to the next.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Fixed dates in the PDFs' metadata, so that two runs give the same bytes.
export SOURCE_DATE_EPOCH=1767225600

# Runs cbm with $@ twice, in directories plain/ and checked/ of $T, each
# against its own copy of the database: once as it is, once under the
# wrapper; then compares the statuses, the outputs and every file the
# command wrote into its directory.
twice() {
	local side st_plain
	for side in plain checked; do
		(
			cd "$T/$side" || exit 3
			if [ "$side" = plain ]; then
				"$CBM" --db db.sqlite "$@" >.stdout 2>.stderr
			else
				# shellcheck disable=SC2086 # the wrapper's words
				${CBM_WRAPPER:-} "$CBM" --db db.sqlite "$@" >.stdout 2>.stderr
			fi
			echo $? >.status
		)
	done
	CMD="cbm $*"
	OUT=$(cat "$T/checked/.stdout")
	ERR=$(head -c 3000 "$T/checked/.stderr")
	STATUS=$(cat "$T/checked/.status")
	st_plain=$(cat "$T/plain/.status")
	[ "$STATUS" = "$st_plain" ] ||
		fail "status $STATUS under the wrapper, $st_plain without it"
	cmp -s "$T/plain/.stdout" "$T/checked/.stdout" ||
		fail "stdout differs under the wrapper: $(diff "$T/plain/.stdout" "$T/checked/.stdout" | head -5)"
	diff -r -q -x 'db.sqlite*' -x '.std*' -x .status -x 'export.xlsx' \
		"$T/plain" "$T/checked" >/dev/null ||
		fail "the files written differ: $(diff -r -q -x 'db.sqlite*' -x '.std*' -x .status "$T/plain" "$T/checked" | head -5)"
	# An export's Sources sheet says when each batch was loaded, which
	# differs between the two databases: its parts must have the same
	# names and sizes, but for the shared strings (the times among them,
	# some equal in one database and not in the other).
	if [ -f "$T/plain/export.xlsx" ]; then
		[ "$(zip_parts plain)" = "$(zip_parts checked)" ] ||
			fail "export.xlsx differs: $(diff <(zip_parts plain) <(zip_parts checked) | tr "\n" " ")"
	fi
}

zip_parts() {
	unzip -l "$T/$1/export.xlsx" | awk 'NR > 3 && $4 && $4 != "xl/sharedStrings.xml" { print $1, $4 }'
}

# The rows of the data tables, without the batches' times.
tables() {
	sqlite3 -batch "$T/$1/db.sqlite" "
		SELECT id, kind, file_name, sha256, row_count FROM batches ORDER BY id;
		SELECT * FROM contributions ORDER BY id;
		SELECT * FROM pledges ORDER BY id;
		SELECT * FROM budget_lines ORDER BY rowid;
		SELECT * FROM events ORDER BY rowid;
		SELECT * FROM states ORDER BY code;" | sha256sum | cut -d' ' -f1
}

test_a_session_under_memcheck() {
	local k f w=$CBM_TESTDATA/workbooks
	mkdir "$T/plain" "$T/checked"
	twice init
	expect_status 0
	for k in states areas coordinators fx budget plan contributions \
		pledges secondments scale; do
		twice import "$k" "$EXAMPLES/$k.csv"
		expect_status 0
	done
	# Workbooks and other encodings, read into batches of their own.
	twice import contributions "$w/contributions.xlsx" "$w/pledges.ods" --dry-run
	twice import pledges "$w/pledges.xlsx" --replace 8
	expect_status 0
	twice import contributions "$w/contributions_ru_utf16.txt" --replace 7
	expect_status 0
	twice import contributions "$w/typed_errors.xlsx"
	expect_status 1
	twice import contributions "$CBM_TESTDATA/bad/$(ls "$CBM_TESTDATA/bad" | head -1)"
	expect_eq "$(tables checked)" "$(tables plain)" "the tables after the imports"

	for f in collection contributions outstanding execution activity \
		concentration trend shares secondments; do
		twice stats "$f" --format csv
		expect_status 0
	done
	twice stats collection --currency EUR --as-of 2025-06-30
	expect_status 0
	twice stats curve --year 2025 --format json
	expect_status 0
	twice stats contributions --year 2024 --lang ru --currency EUR -o contributions.xlsx
	expect_status 0
	twice export --year 2024 --lang kk -o export.xlsx
	expect_status 0
	twice query "SELECT state, sum(amount_usd) FROM v_contributions GROUP BY state"
	expect_status 0
	twice query "SELECT * FROM v_contributions" -o contributions.csv
	expect_status 0
	twice query "DELETE FROM contributions"
	expect_status 1
	twice query "SELECT batch, kind, file_name, sheet, rows FROM v_batches"
	expect_status 0

	twice chart history -o history.png
	expect_status 0
	twice chart curve --year 2025 --lang ru -o curve.svg
	expect_status 0
	twice chart activity --lang kk -o activity.pdf
	expect_status 0
	twice chart calendar --year 2024 --lang kk -o calendar.png
	expect_status 0
	twice report annual --year 2024 -o annual.pdf
	expect_status 0
	twice report budget --lang ru -o budget.pdf
	expect_status 0
	twice report state --state KAZ --lang kk -o state.pdf
	expect_status 0
	twice report annual --year 2031 -o nothing.pdf
	[ "$STATUS" = 0 ] && fail "a report of a year without data succeeded"

	twice backup -o db.sqlite.backup
	expect_status 0
	twice undo 3
	expect_status 0
	expect_eq "$(tables checked)" "$(tables plain)" "the tables after undo"
}

run_tests "$@"
