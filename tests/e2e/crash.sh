#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031,SC2034 # test_* run in subshells via run_tests; OUT, ERR, STATUS, CMD are read by fail()
# crash.sh - an import killed with SIGKILL at any moment leaves the database
# whole: the file's batch is either loaded in full or not at all, earlier
# batches are untouched, and SQLite's integrity and foreign-key checks pass.
# Label `long` (a few minutes): 12 imports of a 100 000-row file, each
# stopped by cbm's test hook (CBM_TEST_STOP_AT_TICK, store/db.c) at a
# point spread over the import's work and killed there, so that where the
# kills land does not depend on the machine's speed; then a few killed
# at random times.
#
# Environment, besides CBM and CBM_TESTDATA:
#   CBM_CRASH_RUNS  the number of killed imports (default 12, 8 under
#                   sanitizers)
#   CBM_CRASH_SEED  the seed of the random points (default: random;
#                   printed, so that a failing run can be repeated)
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Under sanitizers each import is several times slower: a third of the
# rows and fewer runs test the same thing in the same time.
if [ "${CBM_SANITIZE:-0}" = 1 ]; then
	BIG_ROWS=30000
	: "${CBM_CRASH_RUNS:=8}"
else
	BIG_ROWS=100000
	: "${CBM_CRASH_RUNS:=12}"
fi


# The earlier batches (ids in $EARLIER) and what they hold: the batches
# rows, their contributions, states and fx rates.
earlier_fingerprint() {
	sqlite3 -batch "$DB" "
		SELECT * FROM batches WHERE id IN ($EARLIER) ORDER BY id;
		SELECT * FROM contributions WHERE batch_id IN ($EARLIER) ORDER BY id;
		SELECT * FROM states ORDER BY code;
		SELECT * FROM state_aliases ORDER BY state, alias;
		SELECT * FROM fx_rates ORDER BY currency, date;
		SELECT * FROM currencies ORDER BY code;" | sha256sum | cut -d' ' -f1
}

earlier_summary() {
	sql "SELECT count(*), sum(amount), sum(amount_usd) FROM contributions
	     WHERE batch_id IN ($EARLIER)"
}

# The rows of batches other than the earlier ones.
new_rows() {
	sql "SELECT count(*) FROM contributions WHERE batch_id NOT IN ($EARLIER)"
}

new_batches() {
	sql "SELECT count(*) FROM batches WHERE id NOT IN ($EARLIER)"
}

# Checks the database after a killed import; sets OUTCOME to complete or
# absent (or broken).  $1 is the run's label.
check_after_kill() {
	local run=$1 got rows batches
	OUTCOME=broken
	# First a cbm command, read-only, on the database as the kill left it
	# (WAL with uncommitted frames).
	run_cbm batches --format csv
	[ "$STATUS" = 0 ] || fail "$run: cbm batches after the kill"
	got=$(sql "PRAGMA integrity_check" 2>&1)
	[ "$got" = ok ] || fail "$run: integrity_check: $got"
	got=$(sql "PRAGMA foreign_key_check" 2>&1)
	[ -z "$got" ] || fail "$run: foreign_key_check: $got"
	[ "$(earlier_fingerprint)" = "$FINGERPRINT" ] ||
		fail "$run: the earlier batches changed (now $(earlier_summary), were $EARLIER_SUMMARY)"
	rows=$(new_rows)
	batches=$(new_batches)
	if [ "$rows" = 0 ] && [ "$batches" = 0 ]; then
		OUTCOME=absent
		case "$OUT" in
		*big.csv*) fail "$run: cbm batches lists big.csv, which is not loaded" ;;
		esac
		return
	fi
	got=$(sql "SELECT file_name, row_count, sha256 = '$BIG_SHA',
	                  (SELECT count(*) || '|' || sum(amount) || '|' || sum(amount_usd)
	                   FROM contributions WHERE batch_id = b.id)
	           FROM batches b WHERE id NOT IN ($EARLIER)")
	if [ "$got" = "big.csv|$BIG_ROWS|1|$BIG_SUMMARY" ] && [ "$rows" = "$BIG_ROWS" ]; then
		OUTCOME=complete
		case "$OUT" in
		*",big.csv,,$BIG_ROWS,"*) ;; # no sheet: a text file
		*) fail "$run: cbm batches does not list the loaded big.csv" ;;
		esac
		return
	fi
	fail "$run: big.csv is half-loaded: $rows rows in other batches; batches
  rows other than the earlier ones: $batches ($got); expected none, or big.csv|$BIG_ROWS|1|$BIG_SUMMARY"
}

# Runs one import of big.csv killed as $1 says ("tick N": stopped by
# cbm's test hook after N ticks, then killed; "ms N": killed after N
# milliseconds) and checks the database.  Sets RC and OUTCOME.
killed_import() {
	local how=$1 n=$2 pid
	sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	if [ "$how" = tick ]; then
		CBM_TEST_STOP_AT_TICK=$n "$CBM" import contributions big.csv \
			>"run.out" 2>"run.err" &
		pid=$!
		wait_stopped "$pid"
	else
		"$CBM" import contributions big.csv >"run.out" 2>"run.err" &
		pid=$!
		sleep "$(printf '%d.%03d' $((n / 1000)) $((n % 1000)))"
	fi
	kill -9 "$pid" 2>/dev/null
	kill -CONT "$pid" 2>/dev/null
	# (braces: no "Killed" notice from bash on stderr)
	{ wait "$pid"; } 2>/dev/null
	RC=$?
	CMD="cbm import contributions big.csv, killed at $how $n"
	OUT=$(cat run.out)
	ERR=$(head -c 2000 run.err)
	STATUS=$RC
	case $RC in
	137 | 0) ;;
	*) fail "$how $n: import ended with status $RC (not killed, not 0)" ;;
	esac
	check_after_kill "$how $n"
	if [ "$OUTCOME" = complete ]; then
		run_cbm undo "$(sql "SELECT id FROM batches WHERE file_name = 'big.csv'")"
		expect_status 0
		expect_eq "$(new_rows) $(new_batches)" "0 0" "$how $n: after undo"
	fi
}

test_sigkill_during_import_is_all_or_nothing() {
	local runs=${CBM_CRASH_RUNS:-20} seed=${CBM_CRASH_SEED:-$RANDOM$RANDOM}
	local t0 dur i n ticks id log="" absent=0 early=0
	RANDOM=$seed
	load_examples_base
	import_ok contributions "$EXAMPLES/contributions.csv"
	EARLIER=$(sql "SELECT group_concat(id) FROM (SELECT id FROM batches ORDER BY id)")
	FINGERPRINT=$(earlier_fingerprint)
	EARLIER_SUMMARY=$(earlier_summary)
	gen_contributions "$BIG_ROWS" B 2006 20 >big.csv
	BIG_SHA=$(sha256sum big.csv | cut -d' ' -f1)

	# A full import: what it loads and how much work it is (SQLite's
	# steps in ticks, see store/db.c; and its time); then undone.
	t0=$(now_ms)
	CBM_TEST_STOP_AT_TICK=count run_cbm import contributions big.csv
	dur=$(($(now_ms) - t0))
	expect_status 0
	expect_stdout_has "big.csv: loaded as batch"
	read_test_ticks "$T/.stderr"
	ticks=$TICKS
	BIG_SUMMARY=$(sql "SELECT count(*) || '|' || sum(amount) || '|' || sum(amount_usd)
	                   FROM contributions WHERE batch_id NOT IN ($EARLIER)")
	expect_eq "${BIG_SUMMARY%%|*}" "$BIG_ROWS" "rows of big.csv"
	id=$(sql "SELECT id FROM batches WHERE file_name = 'big.csv'")
	run_cbm undo "$id"
	expect_status 0
	expect_eq "$(new_rows) $(earlier_fingerprint)" "0 $FINGERPRINT" "after undo"
	[ "$TEST_FAILED" = 0 ] || return
	echo "full import of $BIG_ROWS rows: $ticks ticks, $dur ms; $runs killed imports, seed $seed"

	# Killed at points spread over the import's work: run i stops in the
	# i-th slice of the ticks.  A point in the first three quarters comes
	# before the commit (the commit is the import's last write), so the
	# batch must be absent; later points may fall after it.
	for ((i = 0; i < runs; i++)); do
		n=$((1 + (i * ticks + RANDOM % 1000 * ticks / 1000) / runs))
		killed_import tick "$n"
		log="$log $n:$RC:$OUTCOME"
		[ "$OUTCOME" = broken ] && break
		if ((n <= ticks * 3 / 4)); then
			early=$((early + 1))
			[ "$RC:$OUTCOME" = 137:absent ] ||
				fail "killed at tick $n of $ticks, before the commit: status $RC, batch $OUTCOME (want 137, absent)"
		fi
		[ "$OUTCOME" = absent ] && absent=$((absent + 1))
	done
	echo "runs (tick:status:outcome):$log"
	echo "runs: $runs, before the commit: $early, batch absent after: $absent"
	[ "$TEST_FAILED" = 0 ] || return

	# And a few at random times, parsing included (any outcome but a
	# broken one is right).
	for ((i = 0; i < 4; i++)); do
		killed_import ms $((RANDOM % 1000 * dur / 1000))
		[ "$OUTCOME" = broken ] && break
	done

	# Finally, an import left alone loads the whole file.
	run_cbm import contributions big.csv
	expect_status 0
	expect_stdout_has "big.csv: loaded as batch"
	expect_stdout_has "$BIG_ROWS contributions"
	expect_sql "SELECT row_count, (SELECT count(*) || '|' || sum(amount) || '|' || sum(amount_usd)
	            FROM contributions WHERE batch_id = b.id)
	            FROM batches b WHERE file_name = 'big.csv'" "$BIG_ROWS|$BIG_SUMMARY"
	expect_sql "SELECT count(*) FROM contributions" "$((BIG_ROWS + ${EARLIER_SUMMARY%%|*}))"
	expect_sql "PRAGMA integrity_check" "ok"
	expect_eq "$(earlier_fingerprint)" "$FINGERPRINT" "earlier batches at the end"
}

run_tests "$@"
