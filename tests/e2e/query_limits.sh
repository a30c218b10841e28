#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031,SC2034 # test_* run in subshells via run_tests; OUT, ERR, STATUS, CMD are read by fail()
# query_limits.sh - `cbm query` within bounds: a runaway query is stopped by
# --timeout or by SQLite's 1 GiB heap limit with exit status 1 and a
# message (never an abort), Ctrl-C stops it at once (130) whether SQLite
# is busy or the output is blocked, rows are streamed in flat memory, and
# a NUL inside a text reaches the output (\u0000 in JSON).
#
# Nothing here asserts that something took less than N seconds: the tests
# must pass on a busy two-core machine under valgrind.
#
# The tests named test_long_* run only with CBM_E2E_LONG=1, and then
# alone (ctest's e2e_query_limits_long, label long): 3 million rows in
# each format under a memory ceiling, and a sort that grows until the heap
# limit stops it (1 GiB of memory, ~10 s).  Under CBM_WRAPPER (valgrind)
# they are skipped, as they would take far too long; under sanitizers
# (CBM_SANITIZE=1) only their memory ceilings are.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Counts to infinity, unless the query says where to stop.
RUNAWAY="WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)"

TIMEOUT_HINT="give --timeout SECONDS for a longer limit, or --timeout 0 for none"

# ---- background processes -----------------------------------------------------

# True while process PID runs (not yet ended, nor a zombie).
running() {
	local state
	state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
	[ -n "$state" ] && [ "$state" != Z ]
}

# Waits up to 120 s until process PID has the database open: by then
# cbm's signal handlers are in place and its query is about to run.
wait_db_open() {
	local i f
	for ((i = 0; i < 1200; i++)); do
		for f in /proc/"$1"/fd/*; do
			[ "$f" -ef "$DB" ] && return 0
		done
		running "$1" || return 1
		sleep 0.1
	done
	return 1
}

# Waits up to SECONDS for background cbm PID to end and sets STATUS; one
# still running then is killed (and the test fails).
wait_exit() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		running "$1" || break
		sleep 0.1
	done
	if running "$1"; then
		kill -KILL "$1"
		fail "cbm still ran $2 s after it was told to stop"
	fi
	wait "$1"
	STATUS=$?
	OUT=$(cat "$T/.stdout" 2>/dev/null)
	ERR=$(cat "$T/.stderr")
}

# ---- the time limit ---------------------------------------------------------------

test_timeout_stops_a_runaway_query() {
	init_db
	snapshot
	run_cbm query --timeout 2 "$RUNAWAY SELECT count(*) FROM r"
	expect_status 1
	expect_stderr_has "cbm query: query stopped after 2 s; $TIMEOUT_HINT"
	expect_stdout_is ""
	expect_db_unchanged
}

test_timeout_leaves_a_streamed_json_array_open() {
	init_db
	run_cbm query --format json --timeout 2 \
		"$RUNAWAY SELECT x FROM r WHERE x % 1000000 = 1"
	expect_status 1
	expect_stderr_has "query stopped after 2 s"
	# The first row was written as it came; the array has no end, so
	# no reader takes the part for the whole.
	expect_stdout_has '[
 {"x": 1}'
	expect_stdout_lacks "]"
}

test_timeout_values() {
	init_db
	run_cbm query --timeout -1 "SELECT 1"
	expect_status 2
	expect_stderr_has "--timeout takes seconds, 0 or more"
	run_cbm query --timeout soon "SELECT 1"
	expect_status 2
	run_cbm query --timeout 0 --format csv "SELECT 1 AS one"
	expect_status 0
	expect_stdout_is "one
1"
	run_cbm help query
	expect_stdout_has "--timeout=SECONDS"
}

# The clock runs only while SQLite works: a reader who keeps the output
# waiting (a pager) longer than the limit does not stop the query.
test_time_spent_waiting_for_the_reader_does_not_count() {
	init_db
	mkfifo "$T/pipe"
	# 2000 rows of ~110 bytes: more than a pipe holds, so cbm waits in
	# write() for the 6 s this reader sleeps after the header.
	{ IFS= read -r header && sleep 6 && cat; } <"$T/pipe" >"$T/rest" &
	local reader=$!
	CMD="cbm query --format csv --timeout 3 ... >pipe"
	${CBM_WRAPPER:-} "$CBM" query --format csv --timeout 3 \
		"$RUNAWAY SELECT x, printf('%.100c', '-') AS bar FROM r LIMIT 2000" \
		>"$T/pipe" 2>"$T/.stderr"
	STATUS=$?
	ERR=$(cat "$T/.stderr")
	wait "$reader"
	expect_status 0
	expect_eq "$(wc -l <"$T/rest")" "2000" "rows after the header"
	expect_eq "$(tail -n 1 "$T/rest" | cut -c1-8)" "2000,---" "the last row"
}

# ---- Ctrl-C -----------------------------------------------------------------------

test_interrupt_while_sqlite_is_busy() {
	init_db
	snapshot
	CMD="cbm query --timeout 0 '$RUNAWAY SELECT count(*) FROM r' &"
	${CBM_WRAPPER:-} "$CBM" query --timeout 0 "$RUNAWAY SELECT count(*) FROM r" \
		>"$T/.stdout" 2>"$T/.stderr" &
	local pid=$!
	wait_db_open "$pid" || fail "cbm never opened the database"
	sleep 1 # deep in sqlite3_step by now
	kill -INT "$pid"
	wait_exit "$pid" 120
	expect_status 130
	expect_stdout_is ""
	expect_db_unchanged
}

test_interrupt_while_output_waits() {
	init_db
	mkfifo "$T/pipe"
	# Held open for reading and writing: cbm's output never ends in a
	# broken pipe, and once the pipe is full cbm waits in write().
	exec 3<>"$T/pipe"
	CMD="cbm query --format csv --timeout 0 '$RUNAWAY SELECT x FROM r' >pipe &"
	${CBM_WRAPPER:-} "$CBM" query --format csv --timeout 0 \
		"$RUNAWAY SELECT x FROM r" >"$T/pipe" 2>"$T/.stderr" &
	local pid=$! line=""
	IFS= read -r -t 120 line <&3
	expect_eq "$line" "x" "the first line of output"
	sleep 1 # the pipe is full by now
	kill -INT "$pid"
	local drain=""
	if [ -n "${CBM_WRAPPER:-}" ]; then
		# valgrind delivers the signal only once the blocked write()
		# returns (cbm alone ends at once): let it write.
		timeout 120 cat <&3 >/dev/null 2>&1 &
		drain=$!
	fi
	wait_exit "$pid" 120
	[ -z "$drain" ] || kill "$drain"
	exec 3<&-
	expect_status 130
}

# ---- the memory limit -------------------------------------------------------------

test_memory_bomb_stopped_by_the_heap_limit() {
	init_db
	# 80 MB held, then a blob of 999 MB asked for: past SQLite's 1 GiB
	# at once, without filling that much memory first.
	run_cbm query "SELECT length(v), length(x'00' || zeroblob(999000000))
	               FROM (SELECT x'00' || zeroblob(80000000) AS v)"
	expect_status 1
	expect_stderr_has "cbm query: query stopped: it needs more than 1 GiB of memory"
	expect_stderr_lacks "GLib"
	expect_stdout_is ""
	[ -z "$(find "$T" -maxdepth 1 -name 'core*')" ] || fail "a core file"
}

# ---- NUL and other control characters ----------------------------------------------

test_nul_in_json_is_escaped() {
	init_db
	run_cbm query --format json "SELECT 'a' || char(0) || 'b' AS s, char(1, 9, 31) AS c"
	expect_status 0
	expect_stdout_is '[
 {"s": "a\u0000b", "c": "\u0001\t\u001f"}
]'
	printf '%s\n' "$OUT" | python3 -c '
import json, sys
row = json.load(sys.stdin)[0]
assert row == {"s": "a\0b", "c": "\x01\t\x1f"}, row' ||
		fail "python3 json.load does not read the strings back"
}

test_nul_in_csv_and_table() {
	init_db
	# CSV keeps the bytes (which a shell variable cannot hold).
	CMD="cbm query --format csv \"SELECT 'a' || char(0) || 'b' AS s\""
	${CBM_WRAPPER:-} "$CBM" query --format csv "SELECT 'a' || char(0) || 'b' AS s" \
		>"$T/out" 2>"$T/.stderr"
	STATUS=$?
	ERR=$(cat "$T/.stderr")
	expect_status 0
	cmp -s "$T/out" <(printf 's\na\0b\n') || fail "csv: $(od -c "$T/out")"
	# The table shows NUL as U+2400 and a byte that is not UTF-8 as
	# U+FFFD, one column each.
	run_cbm query "SELECT 'a' || char(0) || 'b' AS s, CAST(x'41F0' AS TEXT) AS t, 1 AS n"
	expect_status 0
	expect_stdout_is "s    t   n
---  --  -
a␀b  A�  1"
}

# ---- long: size ---------------------------------------------------------------------

# Returns false (and says why) when the long tests should not run.
long_tests_run() {
	if [ "${CBM_E2E_LONG:-0}" != 1 ]; then
		echo "skip: $TEST_NAME runs with CBM_E2E_LONG=1 (ctest -L long)"
		return 1
	fi
	if [ -n "${CBM_WRAPPER:-}" ]; then
		echo "skip: $TEST_NAME would take far too long under $CBM_WRAPPER"
		return 1
	fi
	if [ ! -x /usr/bin/time ]; then
		fail "needs /usr/bin/time (Debian package time)"
		return 1
	fi
}

# Runs cbm ARGS... under /usr/bin/time with stdout to $T/out; sets STATUS,
# ERR and KIB (the peak resident set, KiB).
measure_cbm() {
	CMD="cbm $*"
	/usr/bin/time -f %M -o "$T/rss" "$CBM" "$@" >"$T/out" 2>"$T/.stderr"
	STATUS=$?
	ERR=$(cat "$T/.stderr")
	OUT=$(head -c 2000 "$T/out")
	KIB=$(tail -n 1 "$T/rss")
}

# KIB (from measure_cbm) is at most LIMIT_KIB, unless sanitizers are on
# (their shadow memory and quarantine are not ours to count); WHAT names
# the run in the log.
expect_peak_at_most() {
	echo "  peak RSS, $2: $KIB KiB"
	if [ "${CBM_SANITIZE:-0}" = 1 ]; then
		echo "  (sanitizers: memory ceiling not checked)"
		return
	fi
	[ "$KIB" -le "$1" ] || fail "peak RSS $KIB KiB, more than $1 KiB"
}

# 3 million rows in each format.  The ceiling, 64 MiB: cbm's peak for
# SELECT 1 is about 10 MiB (the libraries and SQLite's 2 MiB page cache),
# and it stays there when rows are streamed; gathering the rows, as cbm
# did, took 550 MB for this result in json, so any buffering of more
# than a tenth of it shows.
test_long_three_million_rows_stream_in_flat_memory() {
	long_tests_run || return 0
	init_db
	local q="WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 3000000)
	         SELECT x, 'row ' || x AS label, x / 4.0 AS quarter FROM r"
	local ceiling=$((64 * 1024))

	measure_cbm query --format csv "$q"
	expect_status 0
	expect_eq "$(wc -l <"$T/out")" "3000001" "csv lines"
	expect_eq "$(sed -n 2p "$T/out")" "1,row 1,0.25" "csv first row"
	expect_eq "$(tail -n 1 "$T/out")" "3000000,row 3000000,750000.0" "csv last row"
	expect_peak_at_most "$ceiling" "3 million rows, csv"

	measure_cbm query --format json "$q"
	expect_status 0
	expect_eq "$(wc -l <"$T/out")" "3000002" "json lines"
	expect_eq "$(tail -n 2 "$T/out")" ' {"x": 3000000, "label": "row 3000000", "quarter": 750000.0}
]' "json end"
	expect_peak_at_most "$ceiling" "3 million rows, json"

	# The table is sized on its first 100 rows; later, wider values
	# widen their own lines.
	measure_cbm query "$q"
	expect_status 0
	expect_eq "$(wc -l <"$T/out")" "3000002" "table lines"
	expect_eq "$(sed -n 3p "$T/out")" "  1  row 1       0.25" "table first row"
	expect_eq "$(tail -n 1 "$T/out")" "3000000  row 3000000  750000.0" "table last row"
	expect_peak_at_most "$ceiling" "3 million rows, table"
}

# ORDER BY over an endless CTE: the sort's temporary data is kept in
# memory, so the heap limit stops it (~10 s), rather than sort files
# filling the disk until the time limit, set high enough (300 s) not to
# come first.  SQLite's 1 GiB and cbm's ~10 MiB make the ceiling 1.25 GiB.
test_long_endless_sort_stops_at_the_heap_limit() {
	long_tests_run || return 0
	init_db
	measure_cbm query --timeout 300 "$RUNAWAY SELECT x, zeroblob(1000) || x'00' FROM r ORDER BY x DESC"
	expect_status 1
	expect_stderr_has "query stopped: it needs more than 1 GiB of memory"
	expect_peak_at_most $((1280 * 1024)) "endless sort"
}

if [ "${CBM_E2E_LONG:-0}" = 1 ] && [ $# -eq 0 ]; then
	# shellcheck disable=SC2046 # one test name per word
	run_tests $(declare -F | awk '{print $3}' | grep '^test_long_')
else
	run_tests "$@"
fi
