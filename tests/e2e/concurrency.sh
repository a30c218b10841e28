#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031,SC2034 # test_* run in subshells via run_tests; OUT, ERR, STATUS, CMD are read by fail()
# concurrency.sh - several cbm processes on one database: readers answer
# while a long import writes (WAL), two imports serialize (BEGIN IMMEDIATE
# and a long busy timeout), and the same file imported twice at once is
# loaded once.  The processes run side by side are started without
# CBM_WRAPPER (valgrind): their timing is the point of these tests.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Waits for background cbm PID whose output went to NAME.out/NAME.err; sets
# OUT, ERR, STATUS and CMD as run_cbm does.
wait_cbm() {
	wait "$1"
	STATUS=$?
	CMD=$3
	OUT=$(cat "$2.out")
	ERR=$(head -c 4000 "$2.err")
}

# Runs cbm ARGS with a 5 s limit; sets MS to the time it took.
run_cbm_timed() {
	local t0
	t0=$(now_ms)
	CMD="timeout 5 cbm $*"
	timeout 5 "$CBM" "$@" >"$T/.stdout" 2>"$T/.stderr"
	STATUS=$?
	MS=$(($(now_ms) - t0))
	OUT=$(cat "$T/.stdout")
	ERR=$(cat "$T/.stderr")
}

# While one import of 300 000 rows (one transaction, seconds long) writes,
# `cbm query` and `cbm stats` answer at once, from the data as it was before
# the import.
test_readers_answer_during_long_import() {
	local pid i alive stats_before times="" rounds=4
	load_examples_base
	import_ok contributions "$EXAMPLES/contributions.csv"
	local before
	before=$(sql "SELECT count(*) FROM contributions")
	run_cbm stats collection --format csv
	expect_status 0
	stats_before=$OUT
	gen_contributions 300000 L 2006 20 >long.csv

	"$CBM" import contributions long.csv >long.out 2>long.err &
	pid=$!
	# Let the import open its transaction and write a while.
	sleep 0.5
	for ((i = 1; i <= rounds; i++)); do
		kill -0 "$pid" 2>/dev/null ||
			fail "round $i: the import ended before the readers ran (too fast a machine?)"
		run_cbm_timed query "SELECT count(*) FROM contributions" --format csv
		expect_status 0
		expect_stdout_is "count(*)
$before"
		times="$times query:${MS}ms"
		run_cbm_timed stats collection --format csv
		expect_status 0
		expect_stdout_is "$stats_before"
		times="$times stats:${MS}ms"
		alive=yes
		kill -0 "$pid" 2>/dev/null || alive=no
		expect_eq "$alive" yes "round $i: the import still running after the readers"
		sleep 0.2
	done
	echo "readers during the import:$times"
	wait_cbm "$pid" long "cbm import contributions long.csv (in the background)"
	expect_status 0
	expect_stdout_has "long.csv: loaded as batch"
	expect_sql "SELECT count(*) FROM contributions" "$((before + 300000))"
	run_cbm query "SELECT count(*) FROM contributions" --format csv
	expect_status 0
	expect_stdout_is "count(*)
$((before + 300000))"
}

# Two imports of different files started together: the second waits for the
# first instead of failing with "database is locked"; both load in full.
test_two_imports_serialize() {
	local pa pb t0
	load_examples_base
	# Different rows (other years, so that no row of one is a duplicate of
	# the other), different sizes, different SHA-256.
	gen_contributions 80000 A 2006 10 >a.csv
	gen_contributions 60000 C 2016 10 >c.csv
	t0=$(now_ms)
	"$CBM" import contributions a.csv >a.out 2>a.err &
	pa=$!
	"$CBM" import contributions c.csv >c.out 2>c.err &
	pb=$!
	wait_cbm "$pa" a "cbm import contributions a.csv & (with c.csv)"
	expect_status 0
	expect_stdout_has "a.csv: loaded as batch"
	expect_stderr_lacks "locked"
	expect_stderr_lacks "busy"
	wait_cbm "$pb" c "cbm import contributions c.csv & (with a.csv)"
	expect_status 0
	expect_stdout_has "c.csv: loaded as batch"
	expect_stderr_lacks "locked"
	expect_stderr_lacks "busy"
	echo "two imports (80 000 and 60 000 rows) at once: $(($(now_ms) - t0)) ms"
	expect_sql "SELECT file_name, row_count, (SELECT count(*) FROM contributions
	            WHERE batch_id = b.id) FROM batches b WHERE kind = 'contributions'
	            ORDER BY file_name" "a.csv|80000|80000
c.csv|60000|60000"
	expect_sql "SELECT count(*) FROM contributions" "140000"
	expect_sql "SELECT count(DISTINCT reference) FROM contributions" "140000"
	expect_sql "PRAGMA integrity_check" "ok"
}

# The same file imported twice at once: one process loads it, the other
# then finds it loaded (exit 0) and changes nothing.
test_same_file_twice_at_once() {
	local pa pb both
	load_examples_base
	gen_contributions 40000 S 2006 20 >s.csv
	cp s.csv s2.csv
	"$CBM" import contributions s.csv >s1.out 2>s1.err &
	pa=$!
	"$CBM" import contributions s2.csv >s2.out 2>s2.err &
	pb=$!
	wait_cbm "$pa" s1 "cbm import contributions s.csv & (with the same file)"
	expect_status 0
	wait_cbm "$pb" s2 "cbm import contributions s2.csv & (the same bytes as s.csv)"
	expect_status 0
	both=$(cat s1.out s2.out)
	OUT=$both
	CMD="cbm import contributions s.csv & cbm import contributions s2.csv"
	expect_eq "$(printf '%s\n' "$both" | grep -c ': loaded as batch')" 1 \
		"imports that loaded the file"
	expect_eq "$(printf '%s\n' "$both" | grep -c 'already loaded as batch')" 1 \
		"imports that found it loaded"
	expect_stderr_lacks "locked"
	expect_sql "SELECT count(*), sum(row_count) FROM batches WHERE kind = 'contributions'" \
		"1|40000"
	expect_sql "SELECT count(*) FROM contributions" "40000"
	# The one that found it names the batch that loaded it.
	expect_eq "$(printf '%s\n' "$both" | sed -n 's/.*already loaded as batch \([0-9]*\).*/\1/p')" \
		"$(sql "SELECT id FROM batches WHERE kind = 'contributions'")" "batch named"
}

run_tests "$@"
