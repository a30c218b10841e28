#!/usr/bin/env bash
# Figures benchmark: a database with N contributions (default 1 000 000)
# over the 20 example budget years, then every `cbm stats` figure timed
# (best of 3).  Target: each under 0.5 s.
#
#   bench/stats.sh [N]
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
n=${1:-1000000}
cbm_build >/dev/null
cbm="$CBM_BUILD/cli/cbm"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/cbm.sqlite"

"$CBM_BUILD/bench/gen_contributions" "$n" >"$work/contributions.csv"
"$cbm" --db "$db" init >/dev/null
for kind in states areas coordinators fx budget plan pledges secondments scale; do
	"$cbm" --db "$db" import "$kind" "$CBM_ROOT/examples/$kind.csv" >/dev/null
done
"$cbm" --db "$db" import contributions "$work/contributions.csv" >/dev/null 2>&1
echo "database: $n contributions, $(sqlite3 "$db" 'SELECT count(DISTINCT year) FROM budget_lines') budget years"

best() { # best wall time of 3 runs of the command, in seconds
	local b=999 t
	for _ in 1 2 3; do
		t=$("$CBM_BUILD/bench/measure" "$@" 2>&1 >/dev/null | tail -1 | cut -f1)
		b=$(awk -v a="$b" -v c="$t" 'BEGIN { print (c < a) ? c : a }')
	done
	echo "$b"
}
printf '%-34s %8s  %s\n' figure seconds "target 0.5 s"
for args in "collection" "collection --as-of 2025-06-30" "contributions" \
	"outstanding" "execution" "activity" "activity --by organizer" \
	"concentration" "trend" "trend --of collection_rate" "shares" \
	"shares --scale draft-2026" "secondments" "curve --year 2024" \
	"collection --currency EUR --from 2010"; do  # EUR: each row converted, see README
	# shellcheck disable=SC2086
	s=$(best "$cbm" --db "$db" stats $args --format csv)
	printf '%-34s %8.3f  %s\n' "$args" "$s" \
		"$(awk -v s="$s" 'BEGIN { print (s < 0.5) ? "ok" : "SLOW" }')"
done
