#!/usr/bin/env bash
# The import benchmark of issue 13, in one run, with its ratios:
#
#  1. N contribution rows in random order (default 1 000 000) through
#     `cbm import contributions`, against the floor for the same end state
#     (bench/floor_import: bare libcsv + prepared INSERT into cbm's table
#     with its indexes dropped, then the same indexes built by sorting)
#     and against sqlite3's .import of the same file into a bare table,
#     moved into cbm's table, indexes built the same way.  Target: cbm at
#     >= 0.8 of the floor; peak RSS < 64 MiB.
#  2. The cost per row of cbm at 100 k, N and 3 M rows.  Target: 3 M
#     within 1.3 x of 100 k.
#  3. A second import of 100 k other rows into the database of N rows,
#     against the first 100 k into an empty one.  Target: within 2 x.
#
# Every figure is the median of RUNS warm runs (default 5; DESIGN
# "Benchmarks"), each on a fresh copy of the same database (cbm init, the
# example states and fx rates).  Both sides use the same SQLite settings
# (foreign keys on, WAL, the default page cache).
#
#   bench/import.sh [N]            RUNS=1 bench/import.sh 200000 for a look
#
# Builds into $CBM_BUILD (default build-bench, RelWithDebInfo).  Needs
# sqlite3 (the command-line tool) for the .import side; without it that
# line is skipped.
set -euo pipefail
export CBM_BUILD=${CBM_BUILD:-$(cd "$(dirname "$0")/.." && pwd)/build-bench}
source "$(dirname "$0")/../scripts/lib.sh"
n=${1:-1000000}
runs=${RUNS:-5}
big=${BIG:-3000000}
cbm_build >/dev/null
bin=$CBM_BUILD
cbm=$bin/cli/cbm
work=$(mktemp -d -p "${TMPDIR:-/var/tmp}")
trap 'rm -rf "$work"' EXIT

"$cbm" --db "$work/base.sqlite" init >/dev/null
"$cbm" --db "$work/base.sqlite" import states "$CBM_ROOT/examples/states.csv" >/dev/null
"$cbm" --db "$work/base.sqlite" import fx "$CBM_ROOT/examples/fx.csv" >/dev/null

rows_file() { # rows_file N [SEED]: the file of N rows, made once
	local f=$work/rows-$1-${2:-0}.csv
	[ -e "$f" ] || "$bin/bench/gen_contributions" "$1" "${2:-0}" "S${2:-0}" >"$f"
	printf '%s' "$f"
}

# median_of CMD...: runs "CMD DB" $runs times, each on a fresh copy of
# base.sqlite (or of $FROM), and prints the median seconds and the peak
# RSS (KiB) of that run.
median_of() {
	local i out
	: >"$work/times"
	for ((i = 0; i < runs; i++)); do
		cp "${FROM:-$work/base.sqlite}" "$work/run.sqlite"
		out=$("$bin/bench/measure" "$@" 2>&1 >/dev/null | tail -1)
		printf '%s\n' "$out" >>"$work/times"
	done
	sort -n "$work/times" | awk -v n="$runs" 'NR == int((n + 1) / 2) { print $1, $2 }'
}

cbm_import() { # the cbm side on run.sqlite
	median_of "$cbm" --db "$work/run.sqlite" import contributions "$1"
}

dot_import() { # sqlite3 .import, then the same insert and indexes
	local sql=$work/dot.sql
	{
		echo "PRAGMA foreign_keys = ON;"
		echo "CREATE TEMP TABLE raw (state, received_on, amount, currency, budget_year, kind, reference);"
		echo ".import --csv --skip 1 $1 raw"
		echo "BEGIN;"
		echo "INSERT INTO batches (id, kind, file_name, sha256, loaded_at, tool_version) VALUES (999999, 'dot', 'dot', 'dot', 'now', 'dot');"
		echo "INSERT OR IGNORE INTO currencies VALUES ('USD', 100), ('EUR', 100), ('KZT', 100);"
		sqlite3 "$work/base.sqlite" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'contributions' AND sql IS NOT NULL"
		echo "INSERT INTO contributions (state, received_on, amount, currency, budget_year, kind, reference, usd_per_unit, amount_usd, batch_id) SELECT *, 1.0, 0, 999999 FROM raw;"
		sqlite3 "$work/base.sqlite" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'contributions' AND sql IS NOT NULL"
		echo "COMMIT;"
	} >"$sql"
	median_of sh -c "sqlite3 '$work/run.sqlite' <'$sql'"
}

file=$(rows_file "$n")
echo "rows: $n in random order ($(($(stat -c %s "$file") / 1048576)) MiB), medians of $runs runs"
read -r floor_s floor_kib <<<"$(median_of "$bin/bench/floor_import" "$work/run.sqlite" "$file")"
read -r cbm_s cbm_kib <<<"$(cbm_import "$file")"
awk -v n="$n" -v fs="$floor_s" -v fk="$floor_kib" -v cs="$cbm_s" -v ck="$cbm_kib" 'BEGIN {
	printf "floor (libcsv + INSERT, then CREATE INDEX): %7.2f s  %9.0f rows/s  peak RSS %6.1f MiB\n", fs, n / fs, fk / 1024
	printf "cbm import contributions:                  %7.2f s  %9.0f rows/s  peak RSS %6.1f MiB\n", cs, n / cs, ck / 1024
	printf "ratio floor / cbm:                         %7.2f    (target >= 0.80)\n", fs / cs
	printf "cbm peak RSS:                              %7.1f MiB (target < 64 MiB)\n", ck / 1024
}'
if command -v sqlite3 >/dev/null; then
	read -r dot_s dot_kib <<<"$(dot_import "$file")"
	awk -v n="$n" -v ds="$dot_s" -v dk="$dot_kib" -v cs="$cbm_s" 'BEGIN {
		printf "sqlite3 .import, then the same:            %7.2f s  %9.0f rows/s  peak RSS %6.1f MiB\n", ds, n / ds, dk / 1024
		printf "ratio .import / cbm:                       %7.2f\n", ds / cs
	}'
fi

# 2. The cost per row at three sizes.
read -r small_s small_kib <<<"$(cbm_import "$(rows_file 100000)")"
read -r big_s big_kib <<<"$(cbm_import "$(rows_file "$big")")"
awk -v ss="$small_s" -v sk="$small_kib" -v ms="$cbm_s" -v mk="$cbm_kib" -v n="$n" \
	-v bs="$big_s" -v bk="$big_kib" -v big="$big" 'BEGIN {
	printf "cost per row:  100 k %5.2f us (%4.1f MiB)   %d k %5.2f us (%4.1f MiB)   %d k %5.2f us (%4.1f MiB)\n",
		ss / 100000 * 1e6, sk / 1024, n / 1000, ms / n * 1e6, mk / 1024, big / 1000, bs / big * 1e6, bk / 1024
	printf "ratio %d k / 100 k per row:              %7.2f    (target <= 1.30)\n", big / 1000, (bs / big) / (ss / 100000)
}'

# 3. A second import of 100 k other rows into the database of N.
cp "$work/base.sqlite" "$work/full.sqlite"
"$cbm" --db "$work/full.sqlite" import contributions "$file" >/dev/null 2>&1
read -r second_s second_kib <<<"$(FROM=$work/full.sqlite cbm_import "$(rows_file 100000 7)")"
awk -v ss="$small_s" -v s2="$second_s" -v k2="$second_kib" -v n="$n" 'BEGIN {
	printf "100 k into %d k: %.2f s (%4.1f MiB) against %.2f s into none: %.2f x (target <= 2.00)\n",
		n / 1000, s2, k2 / 1024, ss, s2 / ss
}'
