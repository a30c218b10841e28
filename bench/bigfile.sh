#!/usr/bin/env bash
# Constant memory on a large file: imports a contributions file of about
# SIZE_GB gigabytes (default 2; ~50 bytes a row) and prints the peak RSS of
# `cbm import` beside that of a 1 000-row file.  Needs about 4x SIZE_GB of
# free disk for the file and the database.
#
#   bench/bigfile.sh [SIZE_GB]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
gb=${1:-2}
cbm_build >/dev/null
bin=$CBM_BUILD
work=$(mktemp -d -p "${TMPDIR:-/var/tmp}")
trap 'rm -rf "$work"' EXIT

rows=$(awk -v g="$gb" 'BEGIN { printf "%d", g * 1024 * 1024 * 1024 / 50.2 }')
"$bin/bench/gen_contributions" 1000 >"$work/small.csv"
"$bin/bench/gen_contributions" "$rows" >"$work/big.csv"
size=$(stat -c %s "$work/big.csv")

run() { # DB FILE: prints "seconds<TAB>peak KiB" of the import
	"$bin/cli/cbm" --db "$1" init >/dev/null
	"$bin/cli/cbm" --db "$1" import states "$CBM_ROOT/examples/states.csv" >/dev/null
	"$bin/cli/cbm" --db "$1" import fx "$CBM_ROOT/examples/fx.csv" >/dev/null
	"$bin/bench/measure" "$bin/cli/cbm" --db "$1" import contributions "$2" \
		2>&1 >/dev/null | tail -1
}
read -r s_small kib_small <<<"$(run "$work/small.sqlite" "$work/small.csv")"
read -r s_big kib_big <<<"$(run "$work/big.sqlite" "$work/big.csv")"
loaded=$(sqlite3 "$work/big.sqlite" "SELECT count(*) FROM contributions")
awk -v rows="$rows" -v size="$size" -v loaded="$loaded" -v sb="$s_big" \
	-v ks="$kib_small" -v kb="$kib_big" 'BEGIN {
	printf "big file: %.2f GB, %d rows, loaded %d in %.0f s (%.0f rows/s)\n",
		size / 1e9, rows, loaded, sb, rows / sb
	printf "peak RSS: 1 000 rows %.1f MiB, big file %.1f MiB (ratio %.2f)\n",
		ks / 1024, kb / 1024, kb / ks
}'
