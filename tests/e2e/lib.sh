# lib.sh - helpers for the end-to-end tests of cbm (sourced by each script).
#
# Environment (set by tests/e2e/CMakeLists.txt):
#   CBM           the cbm binary
#   CBM_TESTDATA  the tests/data folder of the source tree
#   CBM_WRAPPER   optional: a command run_cbm puts before cbm (valgrind)
#   CBM_SANITIZE  1 when cbm was built with sanitizers (memory ceilings
#                 are then not checked)
#
# A script defines functions named test_* and ends with `run_tests "$@"`
# (the names of some tests as arguments run only those).  Each
# test runs in a subshell, in a fresh temporary directory ($T, removed
# afterwards) with CBM_DB=$T/cbm.sqlite ($DB), so tests share nothing.
# Assertions do not stop a test: every failed one is reported (with the
# last cbm command, its status, stdout and stderr) and the test fails.
# The script exits non-zero when any test failed.
#
#   run_cbm ARGS...          runs "$CBM" ARGS in $T; sets OUT, ERR, STATUS, CMD
#   expect_status N          the last command's exit status is N
#   expect_stdout_has TEXT   (fixed string) / expect_stdout_lacks TEXT
#   expect_stderr_has TEXT   / expect_stderr_lacks TEXT
#   expect_stderr_count TEXT N   N lines of stderr contain TEXT
#   expect_eq ACTUAL EXPECTED WHAT
#   sql QUERY                prints the result of QUERY on $DB (sqlite3 CLI)
#   expect_sql QUERY EXPECTED
#   db_fingerprint           sha256 of `sqlite3 $DB .dump`
#   snapshot / expect_db_unchanged
#   init_db, load_base, import_ok KIND FILE..., data NAME (path in tests/data)

# shellcheck disable=SC2034 # OUT, ERR, STATUS, CMD are read by fail()
set -u

if [ -z "${CBM:-}" ] || [ ! -x "$CBM" ]; then
	echo "CBM must name the cbm binary (got '${CBM:-}')" >&2
	exit 2
fi
if [ -z "${CBM_TESTDATA:-}" ] || [ ! -d "$CBM_TESTDATA" ]; then
	echo "CBM_TESTDATA must name tests/data (got '${CBM_TESTDATA:-}')" >&2
	exit 2
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "the sqlite3 command-line tool is needed (Debian package sqlite3)" >&2
	exit 2
fi

export LC_ALL=C.UTF-8
unset CBM_DB

TEST_NAME=""
TEST_FAILED=0
OUT=""
ERR=""
STATUS=""
CMD="(no cbm command run yet)"
SNAPSHOT=""

# ---- failures ----------------------------------------------------------------

fail() {
	TEST_FAILED=$((TEST_FAILED + 1))
	{
		echo "FAIL: $TEST_NAME: $*"
		echo "  last command: $CMD"
		echo "  exit status: $STATUS"
		echo "  --- stdout ---"
		printf '%s\n' "$OUT" | sed 's/^/  | /'
		echo "  --- stderr ---"
		printf '%s\n' "$ERR" | sed 's/^/  | /'
	} >&2
}

# ---- running cbm -------------------------------------------------------------

run_cbm() {
	CMD="cbm $*"
	# CBM_WRAPPER (e.g. tests/valgrind/memcheck) runs cbm under a tool.
	# shellcheck disable=SC2086 # the wrapper is a command and its words
	${CBM_WRAPPER:-} "$CBM" "$@" >"$T/.stdout" 2>"$T/.stderr"
	STATUS=$?
	OUT=$(cat "$T/.stdout")
	ERR=$(cat "$T/.stderr")
}

# ---- assertions ----------------------------------------------------------------

expect_status() {
	[ "$STATUS" = "$1" ] || fail "expected exit status $1, got $STATUS"
}

expect_stdout_has() {
	case "$OUT" in
	*"$1"*) ;;
	*) fail "stdout lacks: $1" ;;
	esac
}

expect_stdout_lacks() {
	case "$OUT" in
	*"$1"*) fail "stdout should not contain: $1" ;;
	esac
}

expect_stderr_has() {
	case "$ERR" in
	*"$1"*) ;;
	*) fail "stderr lacks: $1" ;;
	esac
}

expect_stderr_lacks() {
	case "$ERR" in
	*"$1"*) fail "stderr should not contain: $1" ;;
	esac
}

expect_stdout_is() {
	[ "$OUT" = "$1" ] || fail "stdout differs; expected:
$1"
}

# Counts the lines of stderr that contain TEXT (a fixed string).
expect_stderr_count() {
	local n
	n=$(printf '%s\n' "$ERR" | grep -cF -- "$1")
	[ "$n" = "$2" ] || fail "expected $2 stderr lines with '$1', got $n"
}

expect_eq() {
	[ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"
}

# ---- the database --------------------------------------------------------------

sql() {
	sqlite3 -batch "$DB" "$1"
}

expect_sql() {
	local got
	got=$(sql "$1" 2>&1)
	[ "$got" = "$2" ] || fail "query: $1
  expected: $(printf '%s' "$2" | sed '2,$s/^/            /')
  got:      $(printf '%s' "$got" | sed '2,$s/^/            /')"
}

db_fingerprint() {
	sqlite3 -batch "$DB" .dump | sha256sum | cut -d' ' -f1
}

snapshot() {
	SNAPSHOT=$(db_fingerprint)
}

expect_db_unchanged() {
	[ "$(db_fingerprint)" = "$SNAPSHOT" ] ||
		fail "the database changed (its .dump differs)"
}

# ---- set-up helpers -------------------------------------------------------------

data() {
	printf '%s/%s' "$CBM_TESTDATA" "$1"
}

init_db() {
	run_cbm init
	expect_status 0
}

# Runs an import that must succeed.
import_ok() {
	run_cbm import "$@"
	[ "$STATUS" = 0 ] || fail "import $* should succeed"
}

# A database with the base states, areas and fx rates.
load_base() {
	init_db
	import_ok states "$(data states.csv)"
	import_ok areas "$(data areas.csv)"
	import_ok fx "$(data fx.csv)"
}

# load_base and the three contributions of tests/data/contributions.csv.
base_with_rows() {
	load_base
	import_ok contributions "$(data contributions.csv)"
}

# Milliseconds since the epoch, for figures a test prints (never asserts).
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# The work of an import run with CBM_TEST_STOP_AT_TICK=count, read from
# its stderr in FILE (store/db.c prints it at the end): sets TICKS, or
# fails when there is no plausible count.
read_test_ticks() {
	TICKS=$(sed -n 's/^cbm: test ticks \([0-9]*\)$/\1/p' "$1" | tail -1)
	[ -n "$TICKS" ] && [ "$TICKS" -gt 100 ] ||
		fail "the import's tick count: '$TICKS' (stderr: $(head -c 2000 "$1"))"
}

# Waits until process $1 has stopped itself (state T) or ended; 0 when
# it stopped.  The time limit only catches a hang: no result depends on
# how fast the machine is.
wait_stopped() {
	local pid=$1 state i
	for ((i = 0; i < 60000; i++)); do
		state=$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null) || return 1
		case $state in
		T | t) return 0 ;;
		Z | X | "") return 1 ;;
		esac
		sleep 0.01
	done
	return 1
}

# Writes stdin to file NAME in $T (bytes as given: use printf for CRLF etc.).
write() {
	cat >"$T/$1"
}

# A contributions file with one data row: contrib_file NAME STATE DATE AMOUNT
# CURRENCY (LF, comma-separated; fields quoted).
contrib_file() {
	printf 'state,received_on,amount,currency\n"%s","%s","%s","%s"\n' \
		"$2" "$3" "$4" "$5" >"$T/$1"
}

# ---- the runner ------------------------------------------------------------------

run_one() {
	local name=$1
	(
		TEST_NAME=$name
		TEST_FAILED=0
		T=$(mktemp -d "${TMPDIR:-/tmp}/cbm-e2e.XXXXXX") || exit 3
		trap 'rm -rf "$T"' EXIT
		DB=$T/cbm.sqlite
		export CBM_DB=$DB
		cd "$T" || exit 3
		"$name"
		[ "$TEST_FAILED" = 0 ]
	)
}

# run_tests [TEST...]: runs the tests named, or every test_* function.
run_tests() {
	local name passed=0 failed=0 failures=""
	local only=" $* "
	for name in $(declare -F | awk '{print $3}' | grep '^test_'); do
		if [ $# -gt 0 ] && [ "${only#* "$name" }" = "$only" ]; then
			continue
		fi
		if run_one "$name"; then
			passed=$((passed + 1))
			echo "ok   $name"
		else
			failed=$((failed + 1))
			failures="$failures $name"
			echo "FAIL $name"
		fi
	done
	echo "$(basename "$0"): $passed passed, $failed failed"
	if [ "$failed" -gt 0 ]; then
		echo "failed:$failures"
		exit 1
	fi
	exit 0
}

# ---- large files ----------------------------------------------------------------

# The example data of the repository (examples/).
EXAMPLES=$(cd "${CBM_EXAMPLES:-$CBM_TESTDATA/../../examples}" && pwd) || exit 2

# A database with every example file of the repository loaded.
load_examples() {
	init_db
	local k
	for k in organization states areas coordinators fx budget plan \
		contributions pledges secondments scale; do
		import_ok "$k" "$EXAMPLES/$k.csv"
	done
}

# A database with the states and fx rates of examples/ (batches 1 and 2):
# what gen_contributions' rows need.
load_examples_base() {
	init_db
	import_ok states "$EXAMPLES/states.csv"
	import_ok fx "$EXAMPLES/fx.csv"
}

# gen_contributions N TAG FIRST_YEAR YEARS: N contribution rows in USD, EUR
# and KZT (all with rates in examples/fx.csv) by states of
# examples/states.csv, received in FIRST_YEAR .. FIRST_YEAR+YEARS-1, with
# references TAG-0, TAG-1, ...  Deterministic (a MINSTD generator in exact
# integer arithmetic), like bench/gen_contributions.
gen_contributions() {
	awk -v n="$1" -v tag="$2" -v y0="$3" -v ny="$4" 'BEGIN {
		ns = split("AFG AZE BHR BGD KHM CHN EGY IND IRN IRQ ISR JOR KAZ KWT " \
			"KGZ MNG PAK PSE QAT KOR RUS LKA TJK THA TUR ARE UZB VNM", s, " ")
		split("USD USD USD EUR KZT", cur, " ")
		print "state,received_on,amount,currency,budget_year,kind,reference"
		x = 12345
		for (i = 0; i < length(tag); i++)
			x = (x * 31 + index("ABCDEFGHIJKLMNOPQRSTUVWXYZ", substr(tag, i + 1, 1))) % 2147483647
		for (i = 0; i < n; i++) {
			x = (x * 48271) % 2147483647; st = s[x % ns + 1]
			x = (x * 48271) % 2147483647
			y = y0 + x % ny; m = 1 + int(x / ny) % 12; d = 1 + int(x / ny / 12) % 28
			x = (x * 48271) % 2147483647
			c = 100000 + x % 50000000; k = cur[int(x / 50000000) % 5 + 1]
			printf "%s,%04d-%02d-%02d,%d.%02d,%s,%d,voluntary,%s-%d\n",
				st, y, m, d, int(c / 100), c % 100, k, y, tag, i
		}
	}'
}
