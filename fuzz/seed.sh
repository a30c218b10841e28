#!/usr/bin/env bash
# seed.sh - builds the seed corpora of the fuzzers from copies of the test
# data, so that no fuzzer reads or writes tests/data at run time.
#
#   fuzz/seed.sh CORPUS_DIR [NAME...]
#
# writes CORPUS_DIR/<name>/seed-* for each harness NAME (all when none is
# given): the CSV files of tests/data and examples/ for csv and import
# (import: prefixed with the byte that chooses their kind, and the
# workbooks and text files of tests/data/workbooks too), hand-written
# fields for amount, date and names, hand-written SQL for query, and for
# workbook the workbooks of tests/data whole and as their XML parts.  The
# regression inputs of tests/data/fuzz/<name>/ are added too.  Existing
# files are overwritten; what the fuzzer added to the corpus is kept.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:?usage: seed.sh CORPUS_DIR [NAME...]}
shift
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(csv import amount date names query workbook)

csv_files() {
	find "$root/tests/data" "$root/examples" -name '*.csv' -type f |
		grep -v '/tests/data/fuzz/' | sort
}

# The kind index of import.h (enum imp_kind) a file's name says, or 4
# (contributions) for the format and error samples.
kind_of() {
	local base i=0
	base=$(basename "$1")
	base=${base%.*}
	for k in states areas coordinators plan contributions pledges budget \
		fx secondments scale; do
		case $base in "$k" | "$k"_*) echo $i; return ;; esac
		i=$((i + 1))
	done
	echo 4
}

# seed NAME FILE_NAME: stdin into the corpus of NAME.
seed() {
	cat >"$corpus/$1/seed-$2"
}

seed_csv() {
	local f
	while read -r f; do
		seed csv "$(echo "${f#"$root"/}" | tr / _)" <"$f"
	done < <(csv_files)
}

# The workbooks and the UTF-16 and Windows-1251 files of tests/data.
workbook_files() {
	find "$root/tests/data/workbooks" "$root/tests/data/excel_ru" \
		-type f ! -name '*.py' ! -name '*.sh' ! -name '*.md' |
		grep -v 'excel_ru/.*\.csv$' | sort
}

seed_import() {
	local f kind
	while read -r f; do
		kind=$(kind_of "$f")
		{ printf "\\x$(printf %02x "$kind")"; cat "$f"; } |
			seed import "$(echo "${f#"$root"/}" | tr / _)"
	done < <(workbook_files)
	while read -r f; do
		kind=$(kind_of "$f")
		# The kind byte, then the file; a second copy with the
		# options dmy and "," (byte + 10 + 30).
		{ printf "\\x$(printf %02x "$kind")"; cat "$f"; } |
			seed import "$(echo "${f#"$root"/}" | tr / _)"
		{ printf "\\x$(printf %02x $((kind + 40)))"; cat "$f"; } |
			seed import "dmy-comma-$(echo "${f#"$root"/}" | tr / _)"
	done < <(csv_files)
}

# Each line of stdin becomes one seed, prefixed by PREFIX (printf format).
seed_lines() {
	local name=$1 prefix=$2 line i=0
	while IFS= read -r line; do
		{ printf "$prefix"; printf '%s' "$line"; } |
			seed "$name" "$(printf %03d $i)"
		i=$((i + 1))
	done
}

seed_amount() {
	seed_lines amount '\x02\x00' <<'LINES'
50000
50000.00
50,000.00
50.000,00
50 000,00
1 234 567,5
0.5
50,000
-100
1,2,3
999999999999999
LINES
	# No-break, thin and narrow no-break spaces between thousands.
	printf '\x02\x00%s' "$(printf '50\u00a0000,00')" | seed amount nbsp
	printf '\x02\x00%s' "$(printf '50\u2009000,00')" | seed amount thin
	printf '\x02\x00%s' "$(printf '1\u202f234\u202f567.5')" | seed amount nnbsp
	printf '\x03\x01%s' '1.234,567' | seed amount comma
	printf '\x00\x02%s' '1,234' | seed amount dot
}

seed_date() {
	seed_lines date '\x00' <<'LINES'
2023-12-12
12.12.2023
12 December 2023
12 Dec 2023
12 Sept. 2023
12 декабря 2023
1 янв. 2024
29.02.2024
31.02.2024
12/11/2023
2100-12-31
1899-12-31
LINES
	printf '\x01%s' '12/11/2023' | seed date dmy
	printf '\x02%s' '12/11/2023' | seed date mdy
}

seed_names() {
	local f
	seed_lines names '' <<'LINES'
KAZ
Kazakhstan
ҚАЗАҚСТАН
Казахстан
Republic of Kazakhstan
  republic   of kazakhstan
Kazakstan
Korea, Republic of
Türkiye
LINES
	printf 'Tu\u0308rkiye' | seed names combining
	for f in "$root/tests/data/states.csv"; do
		tail -n +2 "$f" | cut -d, -f2 | seed_lines names 'state:'
	done
}

seed_query() {
	seed_lines query '' <<'LINES'
SELECT * FROM v_collection_by_year
SELECT * FROM v_contributions ORDER BY 1 LIMIT 5
SELECT state, sum(amount_usd) FROM contributions GROUP BY state
SELECT name FROM sqlite_schema WHERE type = 'view'
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n LIMIT 5
SELECT cbm_convert(100, 'EUR', 1.1, 'JPY', 0.0075)
SELECT json_group_array(code) FROM states
SELECT * FROM pragma_table_info('states')
PRAGMA table_info(states)
PRAGMA user_version
PRAGMA integrity_check
PRAGMA user_version = 7
PRAGMA foreign_keys = OFF
INSERT INTO states (code, name_en, batch_id) VALUES ('XXX', 'X', 1)
UPDATE contributions SET amount = 1
DELETE FROM batches
DROP TABLE states
CREATE TABLE t (x)
ATTACH 'other.sqlite' AS o
VACUUM
VACUUM INTO 'copy.sqlite'
BEGIN
SELECT 1; SELECT 2
SELECT 1; -- a comment
SELECT load_extension('x')
REINDEX
ANALYZE
SELECT 1 /* comment */
LINES
}

# A workbook whole (mode byte 0), and its XML parts joined by NUL bytes:
# an .xlsx's worksheet, shared strings, styles and workbook (mode 1), an
# .ods's content and manifest (mode 2); see fuzz/fuzz_workbook.c.
seed_workbook() {
	local f name
	while read -r f; do
		name=$(echo "${f#"$root"/}" | tr / _)
		{ printf '\x00'; cat "$f"; } | seed workbook "$name"
		case $f in
		*.xlsx)
			unzip -l "$f" >/dev/null 2>&1 || continue
			{
				printf '\x01'
				unzip -p "$f" xl/worksheets/sheet1.xml
				printf '\x00'
				unzip -p "$f" xl/sharedStrings.xml
				printf '\x00'
				unzip -p "$f" xl/styles.xml
				printf '\x00'
				unzip -p "$f" xl/workbook.xml
			} 2>/dev/null | seed workbook "parts-$name"
			;;
		*.ods)
			{
				printf '\x02'
				unzip -p "$f" content.xml
				printf '\x00'
				unzip -p "$f" META-INF/manifest.xml
			} 2>/dev/null | seed workbook "parts-$name"
			;;
		esac
	done < <(workbook_files)
}

for name in "${names[@]}"; do
	mkdir -p "$corpus/$name"
	"seed_$name"
	for f in "$root/tests/data/fuzz/$name"/*; do
		if [ -f "$f" ]; then
			cp "$f" "$corpus/$name/seed-regression-$(basename "$f")"
		fi
	done
done
