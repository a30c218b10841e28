#!/usr/bin/env bash
# Memory of a large workbook: imports a 200 000-row .xlsx of contributions
# (number cells, date cells, a unique reference per row in the shared
# strings, as Excel writes them) and prints the peak RSS of `cbm import`
# against the 64 MiB that DESIGN.md allows, beside that of the same rows
# as CSV.  Exits 1 when the workbook goes over.
#
#   bench/workbook.sh [ROWS]
#
# Needs /usr/bin/python3 with openpyxl (Debian python3-openpyxl; a python3
# earlier on PATH may lack it) and /usr/bin/time (Debian time).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
rows=${1:-200000}
ceiling_kib=$((64 * 1024))
cbm_build >/dev/null
bin=$CBM_BUILD
work=$(mktemp -d -p "${TMPDIR:-/var/tmp}")
trap 'rm -rf "$work"' EXIT

"$bin/bench/gen_contributions" "$rows" >"$work/big.csv"
/usr/bin/python3 - "$work/big.csv" "$work/big.xlsx" <<'EOF'
import csv, datetime, sys
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

book = Workbook(write_only=True)
sheet = book.create_sheet("Contributions")
with open(sys.argv[1], newline="") as f:
    rows = csv.reader(f)
    sheet.append(next(rows))
    for state, day, amount, cur, year, kind, ref in rows:
        when = WriteOnlyCell(sheet, datetime.date.fromisoformat(day))
        when.number_format = "dd.mm.yyyy"
        sheet.append([state, when, float(amount), cur, int(year), kind,
                      ref])
book.save(sys.argv[2])
EOF

run() { # DB FILE: prints "seconds peak_KiB" of the import
	"$bin/cli/cbm" --db "$1" init >/dev/null
	"$bin/cli/cbm" --db "$1" import states "$CBM_ROOT/examples/states.csv" >/dev/null
	"$bin/cli/cbm" --db "$1" import fx "$CBM_ROOT/examples/fx.csv" >/dev/null
	/usr/bin/time -f '%e %M' -o "$work/time" \
		"$bin/cli/cbm" --db "$1" import contributions "$2" >/dev/null \
		2>/dev/null # warnings: states before they joined
	cat "$work/time"
}
read -r s_csv kib_csv <<<"$(run "$work/csv.sqlite" "$work/big.csv")"
read -r s_xlsx kib_xlsx <<<"$(run "$work/xlsx.sqlite" "$work/big.xlsx")"
same=$(cmp -s <(sqlite3 "$work/csv.sqlite" "SELECT state, received_on, amount,
	currency, budget_year, kind, reference FROM contributions ORDER BY id") \
	<(sqlite3 "$work/xlsx.sqlite" "SELECT state, received_on, amount,
	currency, budget_year, kind, reference FROM contributions ORDER BY id") &&
	echo "the same rows" || echo "OTHER ROWS")
awk -v rows="$rows" -v xsize="$(stat -c %s "$work/big.xlsx")" \
	-v sc="$s_csv" -v kc="$kib_csv" -v sx="$s_xlsx" -v kx="$kib_xlsx" \
	-v cap="$ceiling_kib" -v same="$same" 'BEGIN {
	printf "%d rows: .xlsx of %.1f MB loaded in %.1f s, CSV in %.1f s (%s)\n",
		rows, xsize / 1e6, sx, sc, same
	printf "peak RSS: .xlsx %.1f MiB, CSV %.1f MiB; ceiling %.0f MiB: %s\n",
		kx / 1024, kc / 1024, cap / 1024, kx <= cap ? "within" : "OVER"
}'
[ "$kib_xlsx" -le "$ceiling_kib" ] && [ "$same" = "the same rows" ]
