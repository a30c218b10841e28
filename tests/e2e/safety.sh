#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# safety.sh - nothing a user types loses data (issue 8): every writing
# command, failing or pointed at the wrong path, leaves the database and
# the user's earlier files byte for byte as they were; outputs appear whole
# or not at all; input edges (stdin, pipes, devices, --replace 0, plan
# items 01 and 1).
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

sum() { sha256sum "$1" | cut -d' ' -f1; }

# Every entry of $T but the test harness's own, with its checksum.
listing() {
	(cd "$T" && find . -path ./.stdout -o -path ./.stderr -o -print |
		LC_ALL=C sort | while read -r f; do
		if [ -f "$f" ]; then
			printf '%s %s\n' "$f" "$(sum "$f")"
		else
			printf '%s\n' "$f"
		fi
	done)
}

# A report that fails ("nothing to report") pointed at the database, an
# earlier good PDF and an unrelated file: all stay as they were.
test_failed_report_touches_nothing() {
	load_examples
	run_cbm report annual --year 2024 -o "$T/good.pdf"
	expect_status 0
	printf 'my notes\n' >"$T/notes.txt"
	local before
	before=$(listing)
	run_cbm report annual --year 2031 -o "$T/good.pdf"
	expect_status 1
	expect_stderr_has "nothing to report for 2031"
	run_cbm report annual --year 2031 -o "$T/notes.txt"
	expect_status 1
	run_cbm report annual --year 2031 -o "$DB"
	expect_status 2
	expect_stderr_has "is the database"
	run_cbm report state --state NOWHERE -o "$T/good.pdf"
	expect_status 1
	expect_eq "$(listing)" "$before" "the folder after failed reports"
}

# The database, its -wal, a link to it, a folder and a device are refused
# as outputs before any work, with exit 2, by every writing command.
test_database_is_never_an_output() {
	load_examples
	ln -s "$DB" "$T/link.png"
	mkdir "$T/folder"
	# A -wal exists while a connection is open: fake one to compare.
	local before target
	before=$(sum "$DB")
	for target in "$DB" "$T/link.png" "$T/folder" /dev/null; do
		run_cbm chart history -o "$target" --format png
		expect_status 2
		run_cbm report budget -o "$target"
		expect_status 2
	done
	expect_stderr_has "not a regular file"
	run_cbm --db "$T/link.png" chart history -o "$T/link.png"
	expect_status 2
	expect_stderr_has "is the database"
	expect_eq "$(sum "$DB")" "$before" "the database"
	[ -L "$T/link.png" ] || fail "the link was replaced"
	[ -d "$T/folder" ] && [ -z "$(ls -A "$T/folder")" ] ||
		fail "the folder changed"
}

# A chart or report over an earlier file replaces it whole; a failure
# half way (a full disk, here a size cbm refuses only after the figures
# are computed) leaves the earlier one.  No temporary file is left.
test_outputs_replace_whole_or_not_at_all() {
	load_examples
	run_cbm chart history -o "$T/h.png"
	expect_status 0
	local first
	first=$(sum "$T/h.png")
	run_cbm chart history -o "$T/h.png" --width 640 --height 400
	expect_status 0
	[ "$(sum "$T/h.png")" != "$first" ] || fail "the chart was not replaced"
	first=$(sum "$T/h.png")
	SOURCE_DATE_EPOCH=yesterday run_cbm chart history -o "$T/h.pdf"
	expect_status 2
	[ ! -e "$T/h.pdf" ] || fail "a failed chart left a file"
	cp "$T/h.png" "$T/keep.png"
	run_cbm chart contributions --year 1999 -o "$T/h.png"
	[ "$STATUS" != 0 ] || fail "a chart of 1999 should fail"
	expect_eq "$(sum "$T/h.png")" "$first" "the earlier chart"
	[ -z "$(find "$T" -name '.*cbm-*')" ] || fail "a temporary file was left"
	# The mode of a replaced file is kept.
	chmod 640 "$T/h.png"
	run_cbm chart history -o "$T/h.png"
	expect_status 0
	expect_eq "$(stat -c %a "$T/h.png")" 640 "the mode of the replaced file"
}

# A full disk: the write fails, the earlier file stays, exit 3.
test_full_disk_keeps_earlier_file() {
	[ -w /dev/full ] || return 0
	load_examples
	run_cbm report budget -o "$T/r.pdf"
	expect_status 0
	local first
	first=$(sum "$T/r.pdf")
	# stdout is /dev/full: "-o -" fails on write and exits 3.
	"$CBM" report budget -o - >/dev/full 2>"$T/err"
	expect_eq "$?" 3 "exit status of a report to a full disk"
	expect_eq "$(sum "$T/r.pdf")" "$first" "the earlier report"
}

# -o - writes the bytes to stdout; a binary format is refused on a
# terminal (tested where a terminal can be faked with script(1)).
test_stdout_output() {
	load_examples
	"$CBM" report budget -o - >"$T/out.pdf" 2>"$T/err"
	expect_eq "$?" 0 "exit status of -o -"
	expect_eq "$(head -c 5 "$T/out.pdf")" "%PDF-" "the start of stdout"
	"$CBM" chart history --format svg -o - >"$T/out.svg" 2>"$T/err"
	expect_eq "$?" 0 "exit status of a chart to stdout"
	grep -q '<svg' "$T/out.svg" || fail "stdout holds no SVG"
	run_cbm chart history -o -
	expect_status 2
	expect_stderr_has "cannot tell the chart format"
	if command -v script >/dev/null 2>&1; then
		script -qec "$CBM report budget -o -" /dev/null >"$T/tty" 2>&1
		grep -q "will not write a binary file to the terminal" "$T/tty" ||
			fail "a PDF was written to a terminal"
	fi
}

# SIGINT while a report is being written: exit 130, no temporary file,
# the earlier report intact.
test_interrupt_leaves_no_temporary_file() {
	load_examples
	run_cbm report annual --year 2024 -o "$T/a.pdf"
	expect_status 0
	local first pid i status
	first=$(sum "$T/a.pdf")
	for i in 1 2 3; do
		"$CBM" report annual --year 2024 -o "$T/a.pdf" >/dev/null 2>&1 &
		pid=$!
		# Wait until it has its temporary file, then interrupt it.
		for _ in $(seq 1 400); do
			[ -n "$(find "$T" -name '.a.pdf.cbm-*')" ] && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.01
		done
		kill -INT "$pid" 2>/dev/null
		wait "$pid"
		status=$?
		[ "$status" = 130 ] || [ "$status" = 0 ] ||
			fail "an interrupted report exited $status"
		[ -z "$(find "$T" -name '.a.pdf.cbm-*')" ] ||
			fail "an interrupted report left its temporary file"
		[ "$status" = 0 ] ||
			expect_eq "$(sum "$T/a.pdf")" "$first" "the earlier report"
	done
}

# cbm demo writes only into a new or empty folder or its own.
test_demo_folder() {
	mkdir "$T/mine"
	printf 'keep\n' >"$T/mine/demo.sqlite"
	CBM_EXAMPLES=$EXAMPLES run_cbm demo -o "$T/mine"
	expect_status 2
	expect_stderr_has "was not written by cbm demo"
	expect_eq "$(cat "$T/mine/demo.sqlite")" keep "the user's demo.sqlite"
	expect_eq "$(ls -A "$T/mine")" demo.sqlite "the user's folder"
	printf 'x\n' >"$T/file"
	CBM_EXAMPLES=$EXAMPLES run_cbm demo -o "$T/file"
	expect_status 2
	mkdir "$T/empty"
	CBM_EXAMPLES=$EXAMPLES run_cbm demo -o "$T/empty"
	expect_status 0
	[ -s "$T/empty/demo.sqlite" ] || fail "no demo database"
	CBM_DB=$T/empty/demo.sqlite run_cbm query "SELECT count(*) FROM states"
	expect_status 0
	expect_stdout_has 37
	# Its own folder again: the database is replaced whole.
	CBM_EXAMPLES=$EXAMPLES run_cbm demo -o "$T/empty"
	expect_status 0
	[ -z "$(find "$T/empty" -name '*-wal' -o -name '.*.cbm-*')" ] ||
		fail "demo left a -wal or temporary file"
}

test_replace_and_undo_zero_are_usage_errors() {
	load_base
	snapshot
	run_cbm import contributions --replace 0 "$(data contributions.csv)"
	expect_status 2
	expect_stderr_has "--replace takes a batch number"
	run_cbm import contributions --replace 01x "$(data contributions.csv)"
	expect_status 2
	run_cbm undo 0
	expect_status 2
	expect_db_unchanged
}

test_plan_items_compare_as_numbers() {
	load_base
	write plan.csv <<'EOF'
year,item,title,area,organizers
2024,1,First,TER,KAZ
2024,01,First again,TER,KAZ
EOF
	snapshot
	run_cbm import plan "$T/plan.csv"
	expect_status 1
	expect_stderr_has "plan.csv:3:item"
	expect_db_unchanged
	write plan2.csv <<'EOF'
year,item,title,area,organizers
2024,007,Seventh,TER,KAZ
2024,27a,Late,TER,KAZ
EOF
	run_cbm import plan "$T/plan2.csv"
	expect_status 1
	expect_stderr_has "plan2.csv:3:item: not a plan item number"
	write plan3.csv <<'EOF'
year,item,title,area,organizers
2024,007,Seventh,TER,KAZ
EOF
	import_ok plan "$T/plan3.csv"
	expect_sql "SELECT item FROM events" 7
}

# Devices and folders are refused at once; stdin and pipes are read.
test_import_inputs() {
	load_base
	snapshot
	run_cbm import contributions /dev/zero
	expect_status 2
	expect_stderr_has "not a regular file"
	run_cbm import contributions "$T"
	expect_status 2
	expect_stderr_has "is a folder"
	expect_db_unchanged
	"$CBM" import contributions - <"$(data contributions.csv)" >"$T/o" 2>&1
	expect_eq "$?" 0 "exit status of an import from stdin"
	grep -q "stdin: loaded as batch" "$T/o" || fail "no batch from stdin"
	expect_sql "SELECT count(*) FROM contributions" 3
	expect_sql "SELECT file_name FROM batches WHERE kind = 'contributions'" stdin
	# The same bytes again, through a pipe: already loaded (same hash).
	cat "$(data contributions.csv)" |
		"$CBM" import contributions /dev/stdin >"$T/o" 2>&1
	grep -q "already loaded" "$T/o" || fail "the pipe was not hashed: $(cat "$T/o")"
	# A bad row from stdin is reported as stdin:LINE:COLUMN.
	printf 'state,received_on,amount,currency\nKAZ,2024-01-01,abc,USD\n' |
		"$CBM" import contributions - >"$T/o" 2>&1
	grep -q "stdin:2:amount" "$T/o" || fail "no stdin position: $(cat "$T/o")"
	[ -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name '.cbm-input.cbm-*' -newer "$DB")" ] ||
		fail "the spool file was left behind"
}

# --dry-run validates against a copy: the database file is not written.
test_dry_run_writes_nothing() {
	load_base
	local before
	before=$(sum "$DB")
	run_cbm import contributions --dry-run "$(data contributions.csv)"
	expect_status 0
	expect_stdout_has "would load 3 contributions"
	expect_eq "$(sum "$DB")" "$before" "the database file"
	[ ! -e "$DB-wal" ] || fail "a dry run left a -wal"
}

# cbm backup: a copy with the same content, consistent while an import
# writes; never over the database.
test_backup() {
	load_examples
	run_cbm backup -o "$T/copy.sqlite"
	expect_status 0
	expect_eq "$(sqlite3 "$T/copy.sqlite" .dump | sha256sum)" \
		"$(sqlite3 "$DB" .dump | sha256sum)" "the copy's content"
	run_cbm backup -o "$DB"
	expect_status 2
	gen_contributions 50000 BK 2020 3 >"$T/big.csv"
	"$CBM" import contributions "$T/big.csv" >/dev/null 2>&1 &
	local pid=$! n
	run_cbm backup -o "$T/during.sqlite"
	expect_status 0
	wait "$pid" || fail "the import during the backup failed"
	expect_eq "$(sqlite3 "$T/during.sqlite" 'PRAGMA integrity_check')" ok \
		"the copy's integrity"
	n=$(sqlite3 "$T/during.sqlite" 'SELECT count(*) FROM contributions')
	[ "$n" = 434 ] || [ "$n" = 50434 ] ||
		fail "the copy holds part of an import: $n rows"
}

run_tests "$@"
