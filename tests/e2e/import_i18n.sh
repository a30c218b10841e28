#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# import_i18n.sh - the files of tests/data/i18n, made by LibreOffice in a
# Russian and a Kazakh locale (issue 10, items 3-7): Russian and Kazakh
# headers and values in .xlsx, .ods and Windows-1251 text give the rows
# and the figures of the English files; a mistyped header or a bad value
# is refused at its cell; a secretariat's own register loads through a
# saved map; a re-saved copy of a loaded file is refused in six lines.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

I18N=$(data i18n)

# A database with the example states, areas and fx rates.
load_refs() {
	init_db
	import_ok states "$EXAMPLES/states.csv"
	import_ok areas "$EXAMPLES/areas.csv"
	import_ok fx "$EXAMPLES/fx.csv"
}

# What the tests compare: the stored rows of the three kinds (titles in
# three languages, values as stored) and the figures made from them.
figures() {
	sql "SELECT year, line, title, title_ru, title_kk, approved, spent,
	            currency, approved_usd, spent_usd FROM budget_lines
	     ORDER BY year, line"
	sql "SELECT e.year, e.item, e.title, e.title_ru, e.title_kk, e.area,
	            e.start_date, e.end_date, e.format, e.venue, e.status,
	            e.note, group_concat(o.role || ':' || o.state, ' ')
	     FROM events e JOIN event_organizers o ON o.event_id = e.id
	     GROUP BY e.id ORDER BY e.year, e.item"
	sql "SELECT state, received_on, budget_year, amount, currency, kind,
	            reference, note, amount_usd FROM contributions ORDER BY id"
	local f
	for f in collection execution contributions "activity --by area" \
		"activity --by organizer"; do
		# shellcheck disable=SC2086 # the figure's options split
		run_cbm stats $f --format csv
		expect_status 0
		printf '%s\n' "$OUT"
	done
}

# The figures of the English reference files (en/).
english_figures() {
	load_refs
	import_ok budget "$I18N/en/budget.csv"
	import_ok plan "$I18N/en/plan.csv"
	import_ok contributions "$I18N/en/contributions.csv"
	figures
}

# load_rendition BUDGET PLAN CONTRIBUTIONS [OPTION...]: loads the three
# files into a fresh database, each without a warning (OPTIONs go to the
# contributions).
load_rendition() {
	rm -f "$DB"
	load_refs
	run_cbm import budget "$1"
	expect_status 0
	expect_stderr_lacks "warning"
	run_cbm import plan "$2"
	expect_status 0
	expect_stderr_lacks "warning"
	run_cbm import contributions "$3" "${@:4}"
	expect_status 0
}

test_russian_and_kazakh_renditions_give_the_english_figures() {
	local want
	want=$(english_figures)
	# The reference holds titles in three languages, every status and
	# format, organizers and co-organizers, every kind of contribution.
	expect_sql "SELECT count(DISTINCT status), count(DISTINCT format),
	                   count(title_kk) > 100 FROM events" "4|3|1"
	expect_sql "SELECT count(DISTINCT kind) FROM contributions" "3"

	# Excel in a Russian locale: headers, statuses, formats, kinds and
	# states in Russian, number and date cells.
	load_rendition "$I18N/ru/budget.xlsx" "$I18N/ru/plan.xlsx" \
		"$I18N/ru/contributions.xlsx"
	expect_stderr_lacks "warning"
	expect_eq "$(figures)" "$want" "ru .xlsx"
	# The headers as read are kept with the batch; the values are the
	# built-in words, no map needed.
	expect_sql "SELECT instr(mapping, '\"Год\" = year'),
	                   instr(mapping, '\"Название (каз.)\" = title_kk') > 0,
	                   instr(mapping, 'status:') FROM batches
	            WHERE kind = 'plan'" "1|1|0"

	# LibreOffice in a Kazakh locale: the same in Kazakh, .ods.
	load_rendition "$I18N/kk/budget.ods" "$I18N/kk/plan.ods" \
		"$I18N/kk/contributions.ods"
	expect_stderr_lacks "warning"
	expect_eq "$(figures)" "$want" "kk .ods"
	# The titles read from the workbook are the reader's (issue 10.6).
	run_cbm report annual --year 2024 --lang kk -o kk.pdf
	expect_status 0
	expect_eq "$(pdftotext kk.pdf - | grep -c 'Сарапшылар кеңесі: шағын және')" 1 \
		"the Kazakh title of plan item 2024/11 in the Kazakh report"
	run_cbm report annual --year 2024 --lang ru -o ru.pdf
	expect_status 0
	expect_eq "$(pdftotext ru.pdf - | grep -c 'Расходы на персонал')" 1 \
		"the Russian title of budget line 1 in the Russian report"

	# Excel's plain "CSV" in a Russian locale: Windows-1251, ';', dates
	# as shown there (11.02.06).
	load_rendition "$I18N/ru/budget.xlsx" "$I18N/ru/plan.xlsx" \
		"$I18N/ru/contributions_cp1251.csv" --date-format dmy
	expect_stderr_has "contributions_cp1251.csv: warning: not UTF-8; read as Windows-1251"
	expect_stderr_count "warning" 1
	expect_eq "$(figures)" "$want" "ru Windows-1251 .csv"
}

# Two-digit years are read only when the user says how (DESIGN
# "Workbooks"); the error names file, line, column and value.
test_two_digit_years_of_a_russian_csv_need_a_date_format() {
	load_refs
	snapshot
	run_cbm import contributions "$I18N/ru/contributions_cp1251.csv"
	expect_status 1
	expect_stderr_has "contributions_cp1251.csv:2:Дата поступления: a two-digit year; write the year in full, or say --date-format dmy or mdy to read it as 20yy '11.02.06'"
	expect_stderr_has "nothing was loaded"
	expect_db_unchanged
}

# A header close to a column is refused with a suggestion, in Russian as
# in English, at its cell; an unrelated one is a warning.
test_mistyped_headers_of_a_workbook_refused_at_their_cells() {
	load_refs
	snapshot
	run_cbm import contributions "$I18N/mistyped.xlsx"
	expect_status 1
	expect_stderr_has "mistyped.xlsx:mistyped!B1:Дата поступленя: not a column of a contributions file; did you mean 'received_on'?"
	expect_stderr_has "mistyped.xlsx:mistyped!C1:Amont: not a column of a contributions file; did you mean 'amount'?"
	expect_stderr_has "mistyped.xlsx:mistyped!E1:Budjet year: not a column of a contributions file; did you mean 'budget_year'?"
	expect_stderr_has "mistyped.xlsx:mistyped!F1:Kind of contribution: not a column of a contributions file; did you mean 'kind'?"
	expect_stderr_has "mistyped.xlsx:mistyped!G1:Checked by: warning: unknown column, ignored (a contributions file has the columns state, received_on, amount, currency, budget_year, kind, reference, note"
	expect_stderr_has "mistyped.xlsx:mistyped: refused with 4 errors; nothing was loaded"
	expect_db_unchanged
}

# Every bad value at its cell, with its column as the file names it and
# the value; nothing loaded, not even the good rows.
test_bad_russian_values_refused_at_their_cells() {
	load_refs
	snapshot
	run_cbm import contributions "$I18N/bad_values.xlsx"
	expect_status 1
	expect_stderr_has "bad_values.xlsx:bad_values!C3:Сумма: not an amount: unexpected 'п' 'пятьсот'"
	expect_stderr_has "bad_values.xlsx:bad_values!A4:Государство: not a known state code, name or alias"
	expect_stderr_has "'Атлантида'"
	expect_stderr_has "bad_values.xlsx:bad_values!B5:Дата поступления: no such date '31.02.2024'"
	expect_stderr_has "bad_values.xlsx:bad_values!F6:Вид взноса: not one of voluntary, earmarked, in-kind (or their Russian or Kazakh words: 'cbm help import contributions') 'обязательный'"
	expect_stderr_has "bad_values.xlsx:bad_values: refused with 4 errors; nothing was loaded"
	expect_db_unchanged
}

# A register of the secretariat's own making: cbm says what it cannot
# read, the saved map (own.map) reads it, the map is kept with the batch.
test_own_register_loads_through_a_saved_map() {
	load_refs
	cp "$I18N/own.ods" "$I18N/own.map" .
	run_cbm import contributions --print-map own.ods
	expect_status 1
	expect_stdout_has '# "Плательщик" = ?    (not read: no column of its name)'
	expect_stdout_has "# not in the file: state (required), received_on (required), amount (required), currency (required)"
	expect_sql "SELECT count(*) FROM contributions" "0"
	run_cbm import contributions --print-map --map own.map own.ods
	expect_status 0
	# The printed map says what own.map says, line for line.
	expect_eq "$(printf '%s\n' "$OUT" | grep -v '^#')" \
		"$(grep -v '^#' own.map)" "the printed map"
	run_cbm import contributions --map own.map own.ods
	expect_status 0
	expect_stderr_has 'own.ods:own!G1:Отметка: warning: unknown column, ignored'
	expect_sql "SELECT state, received_on, budget_year, amount, currency, kind
	            FROM contributions ORDER BY id" "KAZ|2023-04-01|2023|100000|USD|voluntary
KOR|2023-04-02|2023|200050|EUR|earmarked
CHN|2023-04-03|2022|300000|USD|voluntary"
	run_cbm batches --format csv
	expect_stdout_has '""Плательщик"" = state; ""Дата платежа"" = received_on; ""Оплачено"" = amount; ""Вал."" = currency; ""За год"" = budget_year; ""Тип"" = kind; kind: ""добровольно"" = voluntary; kind: ""по проекту"" = earmarked'
}

# A re-saved copy of a loaded file (the English list saved again as a
# Russian workbook): five rows and one line for the 429 others.
test_resaved_copy_refused_in_six_lines() {
	load_refs
	import_ok contributions "$I18N/en/contributions.csv"
	snapshot
	run_cbm import contributions "$I18N/ru/contributions.xlsx"
	expect_status 1
	expect_stderr_count "is already loaded by batch 4 (contributions.csv)" 5
	expect_stderr_has "contributions.xlsx:contributions!C2:Сумма: the same contribution (state, date, amount, currency) is already loaded by batch 4 (contributions.csv); to load a new version use --replace 4"
	expect_stderr_has "contributions.xlsx: and 429 more rows already loaded by batch 4; to load a new version use --replace 4"
	expect_stderr_has "refused with 434 errors; nothing was loaded"
	expect_eq "$(printf '%s\n' "$ERR" | wc -l)" 7 "lines of stderr"
	expect_db_unchanged
	run_cbm import contributions --replace 4 "$I18N/ru/contributions.xlsx"
	expect_status 0
	expect_sql "SELECT count(*), min(batch_id) FROM contributions" "434|5"
}

run_tests "$@"
