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

# While an import holds its write transaction open, `cbm query` and `cbm
# stats` answer at once, from the data as it was before the import.  The
# import is held by cbm's test hook (CBM_TEST_STOP_AT_TICK, store/db.c):
# it stops itself halfway through its work, counted on a copy of the
# database first, so that the readers surely meet it mid-transaction
# whatever the machine's speed.  Then it goes on while more readers run;
# each sees the data before it or after it, never a part.
test_readers_answer_during_long_import() {
	local pid i stats_before stats_after got times="" rounds=4
	load_examples_base
	import_ok contributions "$EXAMPLES/contributions.csv"
	local before
	before=$(sql "SELECT count(*) FROM contributions")
	run_cbm stats collection --format csv
	expect_status 0
	stats_before=$OUT
	gen_contributions 100000 L 2006 20 >long.csv

	cp "$DB" count.sqlite
	CBM_TEST_STOP_AT_TICK=count "$CBM" --db count.sqlite import contributions \
		long.csv >count.out 2>count.err
	read_test_ticks count.err
	CBM_TEST_STOP_AT_TICK=$((TICKS / 2)) "$CBM" import contributions long.csv \
		>long.out 2>long.err &
	pid=$!
	wait_stopped "$pid" ||
		fail "the import did not stop at tick $((TICKS / 2)) of $TICKS ($(head -c 2000 long.err))"
	for ((i = 1; i <= rounds; i++)); do
		run_cbm_timed query "SELECT count(*) FROM contributions" --format csv
		expect_status 0
		expect_stdout_is "count(*)
$before"
		times="$times query:${MS}ms"
		run_cbm_timed stats collection --format csv
		expect_status 0
		expect_stdout_is "$stats_before"
		times="$times stats:${MS}ms"
	done
	echo "readers during the import:$times"
	# Going on: readers at any point of the rest of it.
	kill -CONT "$pid"
	for ((i = 1; i <= rounds; i++)); do
		run_cbm_timed query "SELECT count(*) FROM contributions" --format csv
		expect_status 0
		got=$(printf '%s\n' "$OUT" | tail -n 1)
		[ "$got" = "$before" ] || [ "$got" = $((before + 100000)) ] ||
			fail "round $i after the import went on: $got rows, neither $before nor $((before + 100000))"
		run_cbm_timed stats collection --format csv
		expect_status 0
		printf '%s\n' "$OUT" >"stats-$i.csv"
	done
	wait_cbm "$pid" long "cbm import contributions long.csv (in the background)"
	expect_status 0
	expect_stdout_has "long.csv: loaded as batch"
	expect_sql "SELECT count(*) FROM contributions" "$((before + 100000))"
	run_cbm stats collection --format csv
	expect_status 0
	stats_after=$OUT
	for ((i = 1; i <= rounds; i++)); do
		got=$(cat "stats-$i.csv")
		[ "$got" = "$stats_before" ] || [ "$got" = "$stats_after" ] ||
			fail "round $i after the import went on: stats neither before nor after:
$got"
	done
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
