#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# import_headers.sh - headers and values as secretariats write them
# (DESIGN "Headers", "Values in three languages"): English, Russian or
# Kazakh names after normalising, a currency in a header, a header close
# to a column refused with a suggestion, saved mappings (--map,
# --print-map), readable refusals of rows already loaded, titles in three
# languages, two-digit years.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# The stored contributions of the last batch, one line each.
last_rows() {
	sql "SELECT state, received_on, budget_year, amount, currency, kind,
	            coalesce(reference, '-')
	     FROM contributions WHERE batch_id = (SELECT max(id) FROM batches)
	     ORDER BY id"
}

test_headers_normalised_in_three_languages() {
	load_base
	# Spaces, hyphens, case, a trailing colon, a BOM-less ';' file.
	printf 'State;Received-On;Amount:;CURRENCY;Budget Year ;Kind\nKAZ;2023-03-01;100;USD;2022;earmarked\n' |
		write en.csv
	run_cbm import contributions en.csv
	expect_status 0
	expect_stderr_lacks "warning"
	# The budget year is read, not defaulted to the year received.
	expect_eq "$(last_rows)" "KAZ|2023-03-01|2022|10000|USD|earmarked|-" "English"
	printf 'Государство,Дата поступления,Сумма,Валюта,Бюджетный год,Вид взноса,Номер документа\nКазахстан,02.03.2023,"1 000,50",usd,2022,целевой,П-1\n' |
		write ru.csv
	run_cbm import contributions ru.csv
	expect_status 0
	expect_eq "$(last_rows)" "KAZ|2023-03-02|2022|100050|USD|earmarked|П-1" "Russian"
	printf 'Мемлекет,Түскен күні,Сома,Валюта,Бюджет жылы,Жарна түрі\nҚазақстан,03.03.2023,250,USD,2023,заттай\n' |
		write kk.csv
	run_cbm import contributions kk.csv
	expect_status 0
	expect_eq "$(last_rows)" "KAZ|2023-03-03|2023|25000|USD|in-kind|-" "Kazakh"
}

test_mistyped_headers_refused_with_a_suggestion() {
	load_base
	printf 'state,received_on,Amont,currency,Budjet year,Kind of contribution\nKAZ,2023-03-01,100,USD,2022,voluntary\n' |
		write c.csv
	snapshot
	run_cbm import contributions c.csv
	expect_status 1
	expect_stderr_has "c.csv:1:Amont: not a column of a contributions file; did you mean 'amount'?"
	expect_stderr_has "c.csv:1:Budjet year: not a column of a contributions file; did you mean 'budget_year'?"
	expect_stderr_has "c.csv:1:Kind of contribution: not a column of a contributions file; did you mean 'kind'?"
	# The suggestion stands for the missing column: said once.
	expect_stderr_lacks "missing required column"
	expect_stderr_has "c.csv: refused with 3 errors"
	expect_db_unchanged
	# Russian, and a workbook-style header: a typo in Russian too.
	printf 'Государство,Дата поступленя,Сумма,Валюта\nKAZ,2023-03-01,100,USD\n' | write r.csv
	run_cbm import contributions r.csv
	expect_status 1
	expect_stderr_has "r.csv:1:Дата поступленя: not a column of a contributions file; did you mean 'received_on'?"
}

test_unrelated_column_is_a_warning_naming_the_columns() {
	load_base
	printf 'state,received_on,amount,currency,Checked by\nKAZ,2023-03-01,100,USD,Aigerim\n' | write c.csv
	run_cbm import contributions c.csv
	expect_status 0
	expect_stderr_has "c.csv:1:Checked by: warning: unknown column, ignored (a contributions file has the columns state, received_on, amount, currency, budget_year, kind, reference, note; see 'cbm help import contributions')"
}

test_two_headers_for_one_column_refused() {
	load_base
	printf 'state,received_on,amount,Сумма,currency\nKAZ,2023-03-01,100,100,USD\n' | write c.csv
	run_cbm import contributions c.csv
	expect_status 1
	expect_stderr_has "c.csv:1:Сумма: column appears twice (as 'amount' and 'Сумма')"
}

test_currency_in_a_header() {
	load_base
	# The bracket fills the currency column...
	printf 'state,received_on,Amount (EUR)\nKAZ,2023-03-01,100\n' | write a.csv
	run_cbm import contributions a.csv
	expect_status 0
	expect_eq "$(last_rows)" "KAZ|2023-03-01|2023|10000|EUR|voluntary|-" "filled"
	expect_sql "SELECT mapping FROM batches WHERE file_name = 'a.csv'" '"Amount (EUR)" = amount'
	# ... or must agree with it.
	printf 'state,received_on,Сумма (USD),currency\nKAZ,2023-03-02,100,USD\nKAZ,2023-03-03,100,EUR\n' |
		write b.csv
	run_cbm import contributions b.csv
	expect_status 1
	expect_stderr_has "b.csv:3:currency: not the currency a header names (USD) 'EUR'"
	expect_stderr_lacks "b.csv:2:"
	# Any other bracket is part of the name.
	printf 'state,received_on,Amount (approx.),currency\nKAZ,2023-03-04,100,USD\n' | write c.csv
	run_cbm import contributions c.csv
	expect_status 1
	expect_stderr_has "c.csv:1:Amount (approx.): not a column of a contributions file; did you mean 'amount'?"
}

test_values_in_russian_and_kazakh() {
	init_db
	printf 'code,name_en,status\nKAZ,Kazakhstan,член\nJPN,Japan,Бақылаушы\n' | write s.csv
	import_ok states s.csv
	expect_sql "SELECT code, status FROM states ORDER BY code" "JPN|observer
KAZ|member"
	printf 'Измерение,Код,Название (англ.)\nЭкономическое измерение,ECO,Economy\nАдами өлшем,HUM,People\nновые вызовы,TER,Terror\n' |
		write a.csv
	import_ok areas a.csv
	expect_sql "SELECT code, dimension FROM areas ORDER BY code" "ECO|economic
HUM|human
TER|new-challenges"
	printf 'area,state,role,from_year\nECO,KAZ,Үйлестіруші,2022\nHUM,KAZ,сокоординатор,2023\n' | write c.csv
	import_ok coordinators c.csv
	expect_sql "SELECT area, role FROM coordinators ORDER BY area" "ECO|coordinator
HUM|co-coordinator"
	printf 'year,item,title,area,organizers,format,status\n2024,1,A,ECO,KAZ,Очно,Проведено\n2024,2,B,ECO,KAZ,онлайн,перенесён\n2024,3,C,HUM,KAZ,аралас,өтпеді\n2024,4,D,HUM,KAZ,гибридный,ЗАПЛАНИРОВАНО\n2024,5,E,HUM,KAZ,,өтті\n' |
		write p.csv
	import_ok plan p.csv
	expect_sql "SELECT item, coalesce(format, '-'), status FROM events ORDER BY year, CAST(item AS INTEGER)" "1|in-person|held
2|virtual|postponed
3|hybrid|cancelled
4|hybrid|planned
5|-|held"
	printf 'year,item,title,area,organizers,status\n2025,1,A,ECO,KAZ,done\n' | write bad.csv
	run_cbm import plan bad.csv
	expect_status 1
	expect_stderr_has "bad.csv:2:status: not one of planned, held, postponed, cancelled (or their Russian or Kazakh words: 'cbm help import plan') 'done'"
}

test_help_import_kind_lists_the_three_languages() {
	run_cbm help import contributions
	expect_status 0
	expect_stdout_has "received_on* (date)"
	expect_stdout_has "Дата поступления"
	expect_stdout_has "Түскен күні"
	expect_stdout_has "добровольный"
	run_cbm help import budget
	expect_stdout_has "title_ru"
	run_cbm help import nonsense
	expect_status 2
}

# A file of the secretariat's own making, its map printed, edited, and
# given back.
test_print_map_and_map_round_trip() {
	load_base
	printf 'Payer,Date,Paid,Cur,Type,Remarks\nRK,01.04.2023,10,USD,добровольно,ok\nKOR,02.04.2023,20,USD,gift,\n' |
		write own.csv
	run_cbm import contributions --print-map own.csv
	expect_status 1
	expect_stdout_has '# "Payer" = ?'
	expect_stdout_has '# "Paid" = ?'
	expect_stdout_has "# not in the file: state (required), received_on (required), amount (required), currency (required)"
	expect_sql "SELECT count(*) FROM batches" "3"
	printf '# our export\n"Payer" = state\nDate = received_on\nPaid = amount\nCur = currency\nType = kind\nkind: "добровольно" = voluntary\nkind: gift = earmarked   # not quite\n' |
		write own.map
	run_cbm import contributions --print-map --map own.map own.csv
	expect_status 0
	expect_stdout_is '# How cbm reads the header of own.csv as a contributions file.
# Edit it and load with: cbm import contributions --map FILE ...
"Payer" = state
"Date" = received_on
"Paid" = amount
"Cur" = currency
"Type" = kind
kind: "добровольно" = voluntary
kind: "gift" = earmarked
# "Remarks" = ?    (not read: no column of its name)
# not in the file: budget_year, reference, note'
	# The printed map is a map: the same mapping again.
	printf '%s\n' "$OUT" | write printed.map
	run_cbm import contributions --print-map --map printed.map own.csv
	expect_status 0
	expect_eq "$(cat "$T/.stdout")" "$(cat printed.map)" "the printed map read back"
	expect_sql "SELECT count(*) FROM batches" "3"
	run_cbm import contributions --map printed.map own.csv
	expect_status 0
	expect_eq "$(last_rows)" "KAZ|2023-04-01|2023|1000|USD|voluntary|-
KOR|2023-04-02|2023|2000|USD|earmarked|-" "stored rows"
	run_cbm batches --format csv
	expect_stdout_has '"""Payer"" = state; ""Date"" = received_on; ""Paid"" = amount; ""Cur"" = currency; ""Type"" = kind; kind: ""добровольно"" = voluntary; kind: ""gift"" = earmarked"'
	printf 'Payer = nobody\n' | write bad.map
	run_cbm import contributions --map bad.map own.csv
	expect_status 2
	expect_stderr_has "bad.map:1: 'nobody' is not a column of a contributions file"
}

# DESIGN "Batches and duplicates", issue 10: a re-saved copy of a loaded
# file is refused with five rows and one line for the rest.
test_many_rows_already_loaded_summed_up() {
	init_db
	import_ok states "$EXAMPLES/states.csv"
	import_ok areas "$(data areas.csv)"
	import_ok fx "$EXAMPLES/fx.csv"
	gen_contributions 40 S 2023 1 >s.csv
	import_ok contributions s.csv
	# The same rows, re-saved with CRLF line ends: other bytes.
	sed 's/$/\r/' s.csv >again.csv
	snapshot
	run_cbm import contributions again.csv
	expect_status 1
	expect_stderr_count "is already loaded by batch 4 (s.csv)" 5
	expect_stderr_has "again.csv:2:amount: the same contribution (state, date, amount, currency) is already loaded by batch 4 (s.csv); to load a new version use --replace 4"
	expect_stderr_has "again.csv:6:amount: "
	expect_stderr_has "again.csv: and 35 more rows already loaded by batch 4; to load a new version use --replace 4"
	expect_stderr_has "again.csv: refused with 40 errors; nothing was loaded"
	expect_db_unchanged
	run_cbm import contributions --replace 4 again.csv
	expect_status 0
	expect_stdout_has "loaded as batch 5: 40 contributions (in place of batch 4)"
}

# Two payments that differ only in a non-empty reference are two
# payments; an empty reference matches any.
test_references_tell_payments_apart() {
	load_base
	printf 'state,received_on,amount,currency,reference\nKAZ,2023-05-01,100,USD,T-1\nKOR,2023-05-01,100,USD,\n' |
		write a.csv
	import_ok contributions a.csv
	printf 'state,received_on,amount,currency,reference\nKAZ,2023-05-01,100,USD,T-2\n' | write b.csv
	import_ok contributions b.csv
	printf 'state,received_on,amount,currency,reference\nKAZ,2023-05-01,100,USD,\nKOR,2023-05-01,100,USD,T-9\nKAZ,2023-05-01,100,USD,T-1\n' |
		write c.csv
	run_cbm import contributions c.csv
	expect_status 1
	expect_stderr_has "c.csv:2:amount: the same contribution (state, date, amount, currency) is already loaded by batch 4 (a.csv)"
	expect_stderr_has "c.csv:3:amount: the same contribution (state, date, amount, currency) is already loaded by batch 4 (a.csv)"
	expect_stderr_has "c.csv:4:amount: the same contribution (state, date, amount, currency) is already loaded by batch 4 (a.csv)"
	expect_stderr_has "c.csv: refused with 3 errors"
	# Another kind of payment is another payment.
	printf 'state,received_on,amount,currency,reference,kind\nKAZ,2023-05-01,100,USD,T-1,earmarked\n' | write d.csv
	import_ok contributions d.csv
}

test_titles_in_three_languages() {
	load_base
	printf 'year,item,title,title_ru,Атауы (қаз.),area,organizers\n2024,7,Seminar,Семинар,Семинар (қаз),TER,KAZ\n2024,8,Forum,,,TER,KAZ\n' |
		write p.csv
	import_ok plan p.csv
	expect_sql "SELECT item, title, coalesce(title_ru, '-'), coalesce(title_kk, '-') FROM events ORDER BY item" "7|Seminar|Семинар|Семинар (қаз)
8|Forum|-|-"
	printf 'Год,Статья,Наименование,Название (рус.),Атауы (қаз.),Утверждено,Валюта\n2024,1,Staff costs,Расходы на персонал,Қызметкерлерге шығыстар,"1 000,00",USD\n' |
		write b.csv
	import_ok budget b.csv
	expect_sql "SELECT line, title, title_ru, title_kk, approved FROM budget_lines" "1|Staff costs|Расходы на персонал|Қызметкерлерге шығыстар|100000"
}

test_two_digit_years_need_a_date_format() {
	load_base
	printf 'state,received_on,amount,currency\nKAZ,12.12.23,100,USD\n' | write c.csv
	run_cbm import contributions c.csv
	expect_status 1
	expect_stderr_has "c.csv:2:received_on: a two-digit year; write the year in full, or say --date-format dmy or mdy to read it as 20yy '12.12.23'"
	run_cbm import contributions --date-format dmy c.csv
	expect_status 0
	expect_eq "$(last_rows)" "KAZ|2023-12-12|2023|10000|USD|voluntary|-" "read as 2023"
}

# The header is the first non-empty row; empty rows are skipped, and the
# lines keep their numbers.
test_header_after_empty_rows() {
	load_base
	printf '\n;;;\nstate;received_on;amount;currency\n;;;\nKAZ;2023-03-01;100;USD\nKAZ;2023-03-02;x;USD\n' |
		write c.csv
	run_cbm import contributions c.csv
	expect_status 1
	expect_stderr_has "c.csv:6:amount: not an amount: unexpected 'x' 'x'"
	expect_stderr_count "c.csv:" 2
}

run_tests "$@"
