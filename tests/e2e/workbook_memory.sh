#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# workbook_memory.sh - DESIGN's ceiling: importing a workbook stays under
# 64 MiB in all, shared strings included.  A 200 000-row .xlsx (every
# reference a shared string of its own) is imported and its peak RSS read
# from /usr/bin/time.  Label `long` (a minute or so); skipped (exit 77)
# under sanitizers, whose memory is their own, or without /usr/bin/time
# (Debian package time).  bench/workbook.sh measures the same on demand
# with a workbook written by openpyxl.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

if [ "${CBM_SANITIZE:-0}" = 1 ] || [ ! -x /usr/bin/time ] ||
	[ ! -x "${CBM_GEN_WORKBOOK:-}" ]; then
	echo "skipped: needs /usr/bin/time, gen_workbook and a build without sanitizers"
	exit 77
fi

ROWS=200000
CEILING_KIB=$((64 * 1024))

test_200000_rows_under_64_mib() {
	init_db
	import_ok states "$EXAMPLES/states.csv"
	import_ok fx "$EXAMPLES/fx.csv"
	"$CBM_GEN_WORKBOOK" "$ROWS" big.xlsx || fail "cannot write big.xlsx"
	/usr/bin/time -f %M -o rss "$CBM" import contributions big.xlsx \
		>out 2>/dev/null || fail "the import failed: $(cat out)"
	grep -q "loaded as batch 3: $ROWS contributions" out ||
		fail "not all rows loaded: $(cat out)"
	local kib
	kib=$(tail -1 rss)
	echo "peak RSS of the import: $((kib / 1024)) MiB (ceiling 64 MiB)"
	[ "$kib" -le "$CEILING_KIB" ] ||
		fail "peak RSS $kib KiB is over $CEILING_KIB KiB"
	expect_sql "SELECT count(DISTINCT reference) FROM contributions" "$ROWS"
}

run_tests "$@"
