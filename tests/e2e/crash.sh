#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031,SC2034 # test_* run in subshells via run_tests; OUT, ERR, STATUS, CMD are read by fail()
# crash.sh - an import killed with SIGKILL at any moment leaves the database
# whole: the file's batch is either loaded in full or not at all, earlier
# batches are untouched, and SQLite's integrity and foreign-key checks pass.
# Label `long` (about a minute): 20 imports of a 200 000-row file, each
# killed after a random time spread over a measured full import.
#
# Environment, besides CBM and CBM_TESTDATA:
#   CBM_CRASH_RUNS  the number of killed imports (default 20)
#   CBM_CRASH_SEED  the seed of the random sleep times (default: random;
#                   printed, so that a failing run can be repeated)
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Under sanitizers each import is several times slower: a quarter of the
# rows and half the runs test the same thing in the same time.
if [ "${CBM_SANITIZE:-0}" = 1 ]; then
	BIG_ROWS=50000
	: "${CBM_CRASH_RUNS:=10}"
else
	BIG_ROWS=200000
fi


wal_bytes() {
	stat -c %s "$DB-wal" 2>/dev/null || echo 0
}

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

test_sigkill_during_import_is_all_or_nothing() {
	local runs=${CBM_CRASH_RUNS:-20} seed=${CBM_CRASH_SEED:-$RANDOM$RANDOM}
	local t0 dur i pid rc ms wal0 wal1 killed=0 midway=0 spilled=0 complete=0
	local id log="" need=$((runs * 3 / 4)) need_spilled=$((runs / 5))
	RANDOM=$seed
	init_db
	import_ok states "$EXAMPLES/states.csv"
	import_ok fx "$EXAMPLES/fx.csv"
	import_ok contributions "$EXAMPLES/contributions.csv"
	EARLIER=$(sql "SELECT group_concat(id) FROM (SELECT id FROM batches ORDER BY id)")
	FINGERPRINT=$(earlier_fingerprint)
	EARLIER_SUMMARY=$(earlier_summary)
	gen_contributions "$BIG_ROWS" B 2006 20 >big.csv
	BIG_SHA=$(sha256sum big.csv | cut -d' ' -f1)

	# A full import: its duration and what it loads; then undone.
	t0=$(now_ms)
	run_cbm import contributions big.csv
	dur=$(($(now_ms) - t0))
	expect_status 0
	expect_stdout_has "big.csv: loaded as batch"
	BIG_SUMMARY=$(sql "SELECT count(*) || '|' || sum(amount) || '|' || sum(amount_usd)
	                   FROM contributions WHERE batch_id NOT IN ($EARLIER)")
	expect_eq "${BIG_SUMMARY%%|*}" "$BIG_ROWS" "rows of big.csv"
	id=$(sql "SELECT id FROM batches WHERE file_name = 'big.csv'")
	run_cbm undo "$id"
	expect_status 0
	expect_eq "$(new_rows) $(earlier_fingerprint)" "0 $FINGERPRINT" "after undo"
	[ "$TEST_FAILED" = 0 ] || return
	echo "full import of $BIG_ROWS rows: $dur ms; $runs killed imports, seed $seed"

	# The runs: at least $runs, and up to 10 more while fewer than 3/4
	# of them were killed mid-import, or fewer than a fifth while the
	# rows were going into place (other tests running beside this one
	# make the measured duration a poor guess).
	for ((i = 0; i < runs || ((midway < need || spilled < need_spilled) &&
		i < runs + 10); i++)); do
		# A sleep spread over [0, dur): run i sleeps in the i-th slice
		# (then anywhere, in the extra runs).
		if ((i < runs)); then
			ms=$(((i * dur + RANDOM % 1000 * dur / 1000) / runs))
		else
			ms=$((RANDOM % 1000 * dur / 1000))
		fi
		sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
		wal0=$(wal_bytes)
		"$CBM" import contributions big.csv >"run$i.out" 2>"run$i.err" &
		pid=$!
		sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
		kill -9 "$pid" 2>/dev/null
		# (braces: no "Killed" notice from bash on stderr)
		{ wait "$pid"; } 2>/dev/null
		rc=$?
		wal1=$(wal_bytes)
		CMD="cbm import contributions big.csv & sleep $ms ms; kill -9"
		OUT=$(cat "run$i.out")
		ERR=$(head -c 2000 "run$i.err")
		STATUS=$rc
		case $rc in
		137) killed=$((killed + 1)) ;;
		0) ;;
		*) fail "run $i: import ended with status $rc (not killed, not 0)" ;;
		esac
		check_after_kill "run $i ($ms ms)"
		# Mid-import: killed with its transaction open.  The rows are
		# staged in a temporary file first and go into the database at
		# the end, so some kills come while that transaction has written
		# more than 1 MB (uncommitted pages spilled to the WAL): they are
		# counted apart.
		if [ "$rc" = 137 ] && [ "$OUTCOME" = absent ]; then
			midway=$((midway + 1))
			[ $((wal1 - wal0)) -gt 1048576 ] && spilled=$((spilled + 1))
		fi
		log="$log $ms:$rc:$OUTCOME:$((wal1 / 1024))K"
		if [ "$OUTCOME" = complete ]; then
			complete=$((complete + 1))
			# The import takes at most $ms now: sleep less from here on.
			((ms < dur)) && dur=$ms
			run_cbm undo "$(sql "SELECT id FROM batches WHERE file_name = 'big.csv'")"
			expect_status 0
			expect_eq "$(new_rows) $(new_batches)" "0 0" "run $i: after undo"
		fi
		[ "$OUTCOME" = broken ] && break
	done
	echo "runs (sleep ms:status:outcome:WAL):$log"
	echo "runs: $i, killed: $killed, killed mid-import: $midway (with uncommitted pages in the WAL: $spilled), completed before the kill: $complete"
	[ "$midway" -ge "$need" ] ||
		fail "only $midway of $i imports were killed mid-import (want $need)"
	[ "$spilled" -ge "$need_spilled" ] ||
		fail "only $spilled of $i imports were killed with uncommitted pages in the WAL (want $need_spilled)"

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
