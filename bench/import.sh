#!/usr/bin/env bash
# Import benchmark: N contribution rows (default 1 000 000) through
# `cbm import` against the raw limit measured in the same run (libcsv plus
# one prepared INSERT per row, no validation).  Prints rows/s, their ratio
# and the peak RSS of each.  Target: ratio >= 0.7, cbm peak RSS < 64 MiB.
#
#   bench/import.sh [N]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
n=${1:-1000000}
cbm_build >/dev/null
bin=$CBM_BUILD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin/bench/gen_contributions" "$n" >"$work/contributions.csv"
prepare() { # a database holding the example states and fx rates
	"$bin/cli/cbm" --db "$1" init >/dev/null
	"$bin/cli/cbm" --db "$1" import states "$CBM_ROOT/examples/states.csv" >/dev/null
	"$bin/cli/cbm" --db "$1" import fx "$CBM_ROOT/examples/fx.csv" >/dev/null
}
prepare "$work/raw.sqlite"
prepare "$work/cbm.sqlite"

raw=$("$bin/bench/measure" "$bin/bench/raw_import" "$work/raw.sqlite" \
	"$work/contributions.csv" 2>&1 >/dev/null | tail -1)
val=$("$bin/bench/measure" "$bin/cli/cbm" --db "$work/cbm.sqlite" import \
	contributions "$work/contributions.csv" 2>&1 >/dev/null | tail -1)
loaded=$(sqlite3 "$work/cbm.sqlite" "SELECT count(*) FROM contributions")

read -r raw_s raw_kib <<<"$raw"
read -r val_s val_kib <<<"$val"
awk -v n="$n" -v rs="$raw_s" -v rk="$raw_kib" -v vs="$val_s" \
	-v vk="$val_kib" -v loaded="$loaded" -v size="$(stat -c %s "$work/contributions.csv")" 'BEGIN {
	printf "rows: %d (%.1f MiB), loaded by cbm: %d\n", n, size / 1048576, loaded
	printf "raw limit:      %8.2f s  %10.0f rows/s  peak RSS %6.1f MiB\n", rs, n / rs, rk / 1024
	printf "cbm import:     %8.2f s  %10.0f rows/s  peak RSS %6.1f MiB\n", vs, n / vs, vk / 1024
	printf "ratio cbm/raw:  %8.2f   (target >= 0.70)\n", rs / vs
	printf "cbm peak RSS:   %8.1f MiB (target < 64 MiB)\n", vk / 1024
}'
