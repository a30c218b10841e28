#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# import_workbooks.sh - files as they arrive: .xlsx and .ods workbooks
# (LibreOffice renditions of the example data and hand-made cases, see
# tests/data/workbooks/README.md), UTF-16 "Unicode text" and Windows-1251
# CSV.  The same data must give the same rows and the same figures, byte
# for byte, whatever file it came in; errors name FILE:SHEET!CELL.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

wb() {
	data "workbooks/$1"
}

KINDS="states areas fx budget plan contributions pledges"

# load_set EXT: every kind of KINDS from tests/data/workbooks/KIND.EXT
# where there is one, else from examples/KIND.csv.
load_set() {
	local k f
	init_db
	for k in $KINDS; do
		f=$EXAMPLES/$k.csv
		[ -n "$1" ] && [ -e "$(wb "$k.$1")" ] && f=$(wb "$k.$1")
		import_ok "$k" "$f"
	done
}

# Every stored row (without internal ids) and the figures as CSV.
fingerprint() {
	local t
	for t in states state_aliases areas fx_rates budget_lines pledges \
		contributions; do
		sql "SELECT * FROM $t ORDER BY 1, 2, 3"
	done
	sql "SELECT year, item, title, area, start_date, end_date, format,
	            venue, status, note, batch_id FROM events ORDER BY year, item"
	sql "SELECT e.year, e.item, o.state, o.role FROM event_organizers o
	     JOIN events e ON e.id = o.event_id ORDER BY 1, 2, 3, 4"
	for f in collection contributions outstanding execution activity; do
		"$CBM" stats "$f" --format csv
	done
}

same_as_csv() {
	local ext=$1 want got
	load_set ""
	want=$(fingerprint)
	rm -f "$DB"
	load_set "$ext"
	got=$(fingerprint)
	[ -n "$want" ] || fail "nothing to compare"
	[ "$got" = "$want" ] ||
		fail "the .$ext files give other rows or figures than the CSV files:
$(diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | head -20)"
}

test_xlsx_examples_load_as_the_csv_files() {
	same_as_csv xlsx
	expect_sql "SELECT group_concat(file_name || ':' || sheet, ' ')
	            FROM (SELECT * FROM batches WHERE sheet <> '' ORDER BY id)" \
		"states.xlsx:states budget.xlsx:budget plan.xlsx:plan contributions.xlsx:contributions pledges.xlsx:pledges"
	# The sources page of a report names the sheet beside the file.
	run_cbm report annual --year 2024 -o a.pdf
	expect_status 0
	pdftotext a.pdf - | grep -q "contributions.xlsx, contributions" ||
		fail "the sources page lacks the sheet"
}

test_ods_examples_load_as_the_csv_files() {
	same_as_csv ods
}

# The base the contributions need: states, areas, fx, budget.
base_for_contributions() {
	init_db
	local k
	for k in states areas fx budget; do
		import_ok "$k" "$EXAMPLES/$k.csv"
	done
}

# contributions_of FILE OUT: the stored contributions and their figures
# after importing FILE on the base, into $T/OUT.
contributions_of() {
	rm -f "$DB"
	base_for_contributions
	run_cbm import contributions "$1"
	expect_status 0
	{
		sql "SELECT state, received_on, budget_year, amount, currency,
		            kind, reference, note, amount_usd
		     FROM contributions ORDER BY id"
		"$CBM" stats contributions --format csv
	} >"$T/$2"
}

test_russian_names_in_cp1251_and_utf16_give_the_same_figures() {
	contributions_of "$EXAMPLES/contributions.csv" want
	contributions_of "$(wb contributions_ru_cp1251.csv)" cp1251
	expect_stderr_has "contributions_ru_cp1251.csv: warning: not UTF-8; read as Windows-1251"
	cmp -s "$T/want" "$T/cp1251" || fail "cp1251 rows or figures differ"
	contributions_of "$(wb contributions_ru_utf16.txt)" utf16
	expect_stderr_lacks "warning"
	cmp -s "$T/want" "$T/utf16" || fail "UTF-16 rows or figures differ"
	[ "$(wc -l <"$T/want")" -gt 700 ] || fail "too few rows compared"
	# The batch is the file's bytes, not the converted text.
	expect_sql "SELECT sha256 FROM batches WHERE kind = 'contributions'" \
		"$(sha256sum "$(wb contributions_ru_utf16.txt)" | cut -d' ' -f1)"
}

# The rows of the last batch, one line each.
last_rows() {
	sql "SELECT state, received_on, amount, currency,
	            coalesce(reference, '-'),
	            replace(replace(coalesce(note, '-'), char(13), '<CR>'),
	                    char(10), '/')
	     FROM contributions WHERE batch_id = (SELECT max(id) FROM batches)
	     ORDER BY id"
}

test_typed_cells() {
	load_base
	run_cbm import contributions "$(wb typed_ok.xlsx)"
	expect_status 0
	expect_stdout_has "typed_ok.xlsx:Payments: loaded as batch 4: 6 contributions"
	expect_eq "$ERR" "" "stderr"
	# A number cell of 50000 is 50000.00; 1234.5600000000002 shows as
	# 1234.56; text cells read as in CSV; a custom date format is a date;
	# a formula gives its saved value; a merged state fills its range.
	expect_eq "$(last_rows)" "KAZ|2023-01-15|5000000|USD|T-1|Paid in two tranches
KOR|2023-02-15|123456|USD|T-2|a number cell with a tail
IRN|2023-12-12|5000000|EUR|T-3|date and amount typed as text
RUS|2023-04-11|5000|KZT|T-4|a formula's saved value; a custom date format
KAZ|2023-07-20|700|USD|T-5|state merged into the row below
KAZ|2023-07-21|800|USD|T-6|-" "stored rows"
}

test_cell_errors_at_their_cells() {
	load_base
	snapshot
	run_cbm import contributions "$(wb typed_errors.xlsx)"
	expect_status 1
	local f=typed_errors.xlsx:Sheet1
	expect_stderr_has "$f!C2:amount: 3 decimals, but the currency has 2 (USD) '1234.567'"
	expect_stderr_has "$f!C3:amount: not an amount: unexpected 'п' 'пятьсот'"
	expect_stderr_has "$f!C4:amount: ambiguous amount"
	expect_stderr_has "$f!B5:received_on: a number, not a date; format the cell as a date '44931'"
	expect_stderr_has "$f!C6:amount: a formula without a saved result"
	expect_stderr_has "$f!C7:amount: an error value in the cell (a formula that failed) '#N/A'"
	expect_stderr_has "$f!B8:received_on: 29 February 1900"
	expect_stderr_has "$f: refused with 7 errors; nothing was loaded"
	expect_db_unchanged
}

test_1904_date_system() {
	load_base
	run_cbm import contributions "$(wb date1904.xlsx)"
	expect_status 0
	expect_eq "$(last_rows)" "KAZ|2023-03-15|10000|USD|M-1|-
KOR|2023-06-30|20000|USD|M-2|-" "stored rows"
}

test_ods_cells() {
	load_base
	run_cbm import contributions "$(wb features.ods)"
	expect_status 0
	expect_stdout_has "features.ods:Взносы: loaded as batch 4: 3 contributions"
	expect_eq "$(last_rows)" "KAZ|2023-01-15|500000|USD|-|two   spaces	tab/second line/second paragraph
KOR|2023-02-01|123456|USD|-|merged below
KOR|2023-02-02|700|USD|-|covered state" "stored rows"
}

test_two_sheets_are_two_batches() {
	load_base
	local book
	book=$(wb two_sheets.xlsx)
	run_cbm import contributions "$book"
	expect_status 0
	expect_stdout_has "two_sheets.xlsx:'2023': loaded as batch 4: 2 contributions"
	run_cbm import contributions --sheet "Year 2024" "$book"
	expect_status 0
	expect_stdout_has "two_sheets.xlsx:'Year 2024': loaded as batch 5: 1 contributions"
	run_cbm import contributions --sheet 2023 "$book"
	expect_status 0
	expect_stdout_has "already loaded as batch 4"
	expect_sql "SELECT id, sheet, row_count, sha256 = '$(sha256sum "$book" | cut -d' ' -f1)'
	            FROM batches WHERE id > 3 ORDER BY id" "4|2023|2|1
5|Year 2024|1|1"
	run_cbm batches --format csv
	expect_stdout_has "5,contributions,two_sheets.xlsx,Year 2024,1,"
	run_cbm undo 4
	expect_status 0
	expect_stdout_has "removed batch 4 (contributions, two_sheets.xlsx, sheet 2023, 2 rows)"
	expect_sql "SELECT count(*) FROM contributions" "1"
	snapshot
	run_cbm import contributions --sheet "Year 2025" "$book"
	expect_status 1
	expect_stderr_has "two_sheets.xlsx: no sheet 'Year 2025' in the workbook; its sheets are '2023', 'Year 2024'"
	expect_db_unchanged
}

test_merged_header_refused() {
	load_base
	run_cbm import contributions "$(wb merged_header.xlsx)"
	expect_status 1
	expect_stderr_has "merged_header.xlsx:Sheet1!A1: merged cells in the header row; unmerge them so that each column has its own name 'A1:B1'"
}

test_legacy_xls_refused_whatever_its_name() {
	load_base
	snapshot
	run_cbm import contributions "$(wb legacy.xls)"
	expect_status 1
	expect_stderr_has "legacy.xls: an old Excel .xls file or an encrypted workbook; open it in Excel or LibreOffice and save it as .xlsx (without a password)"
	cp "$(wb legacy.xls)" renamed.xlsx
	cp "$(wb legacy.xls)" renamed.csv
	run_cbm import contributions renamed.xlsx renamed.csv
	expect_status 1
	expect_stderr_has "renamed.xlsx: an old Excel .xls file"
	expect_db_unchanged
}

test_corrupt_zip_is_one_line() {
	load_base
	run_cbm import contributions "$(wb corrupt.xlsx)"
	expect_status 1
	expect_stderr_count "corrupt.xlsx: cannot be read as a workbook: a damaged or incomplete zip archive" 1
	expect_stderr_count "" 2
}

test_unicode_text_little_and_big_endian() {
	load_base
	run_cbm import contributions "$(wb unicode_text_le.txt)"
	expect_status 0
	expect_eq "$(last_rows)" "KAZ|2023-01-15|100000|USD|-|Қазақстан: ә ғ қ ң ө
KOR|2023-02-01|25000|USD|-|two<CR>/lines" "stored rows (LE)"
	rm -f "$DB"
	load_base
	run_cbm import contributions "$(wb unicode_text_be.txt)"
	expect_status 0
	expect_eq "$(last_rows)" "KAZ|2023-01-15|100000|USD|-|Қазақстан: ә ғ қ ң ө
KOR|2023-02-01|25000|USD|-|two<CR>/lines" "stored rows (BE)"
}

test_cp1251_bad_byte_at_its_line() {
	load_base
	local f
	f=$(wb cp1251_bad_byte.csv)
	# 0x98 is no character of Windows-1251: not guessed, read as UTF-8.
	run_cbm import contributions "$f"
	expect_status 1
	expect_stderr_has "cp1251_bad_byte.csv:2: not UTF-8 text (byte 0xCA after 0 characters); save the file as UTF-8 (\"CSV UTF-8\" in Excel) or name its encoding with --encoding (e.g. --encoding cp1251)"
	run_cbm import contributions --encoding cp1251 "$f"
	expect_status 1
	expect_stderr_count "cp1251_bad_byte.csv:" 2
	expect_stderr_has "cp1251_bad_byte.csv:3: not cp1251 text (byte 0x98 after 2 characters); name the file's encoding with --encoding"
}

test_usage_errors() {
	load_base
	run_cbm import contributions --sheet S "$(data contributions.csv)"
	expect_status 2
	expect_stderr_has "--sheet is for workbooks"
	run_cbm import contributions --encoding klingon "$(data contributions.csv)"
	expect_status 2
	expect_stderr_has "unknown encoding 'klingon'"
}

test_workbook_from_stdin() {
	load_base
	run_cbm import contributions - <"$(wb typed_ok.xlsx)"
	expect_status 0
	expect_stdout_has "stdin:Payments: loaded as batch 4: 6 contributions"
}

# The shared real exports (tests/data/excel_ru, copied from the samples
# as they came): Russian headers, a workbook of typed cells, Windows-1251
# and Excel's UTF-8 CSV with ';' and decimal commas.  All three load, to
# the same rows and figures.
test_russian_excel_exports_are_read() {
	local f name
	for f in contributions_ru.xlsx contributions_ru_cp1251.csv \
		contributions_excel_ru.csv; do
		rm -f "$DB"
		init_db
		for k in states areas fx budget; do
			import_ok "$k" "$(data "excel_ru/$k.csv")"
		done
		run_cbm import contributions "$(data "excel_ru/$f")"
		expect_status 0
		expect_stdout_has "loaded as batch 5: 139 contributions"
		expect_stderr_lacks "unknown column"
		{
			sql "SELECT state, received_on, budget_year, amount, currency,
			            kind, reference, note, amount_usd
			     FROM contributions ORDER BY id"
			"$CBM" stats collection --format csv
			"$CBM" stats contributions --format csv
		} >"$T/$f.out"
		[ "$f" = contributions_ru.xlsx ] || continue
		# The batch records how the Russian headers were read.
		expect_sql "SELECT mapping FROM batches WHERE id = 5" '"Государство" = state
"Дата поступления" = received_on
"Сумма" = amount
"Валюта" = currency
"Бюджетный год" = budget_year
"Вид взноса" = kind
"Номер документа" = reference
"Примечание" = note'
	done
	for name in contributions_ru_cp1251.csv contributions_excel_ru.csv; do
		cmp -s "$T/contributions_ru.xlsx.out" "$T/$name.out" ||
			fail "$name gives other rows or figures than the .xlsx"
	done
}

run_tests "$@"
