#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# report.sh - cbm report and cbm demo: every report in three languages,
# read back with pdftotext/pdfinfo/pdffonts as a reader would see it:
# titles, contents pointing at the right pages, "N / M" footers, table
# headers repeated on the pages a table runs onto, the sources page, and
# byte-identical output given SOURCE_DATE_EPOCH.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
page_text() { pdftotext -f "$2" -l "$2" -layout "$1" -; } # FILE PAGE

# Writes the annual report of YEAR in LANG to $T/a-LANG.pdf and fails
# unless its text (runs of spaces made one) holds every WORD.
annual_has() {
	local year=$1 lang=$2 text w
	shift 2
	run_cbm report annual --year "$year" --lang "$lang" -o "$T/a-$lang.pdf"
	expect_status 0
	text=$(pdftotext -layout "$T/a-$lang.pdf" - | tr -s ' ')
	for w in "$@"; do
		printf '%s' "$text" | grep -qF -- "$w" || fail "annual $year ($lang) lacks '$w'"
	done
}

test_demo_makes_everything() {
	CBM_EXAMPLES=$EXAMPLES run_cbm demo -o "$T/demo"
	expect_status 0
	local f
	for f in annual budget state-KAZ; do
		for l in en ru kk; do
			[ -s "$T/demo/$f-$l.pdf" ] || fail "no $f-$l.pdf"
			[ "$(pages "$T/demo/$f-$l.pdf")" -ge 5 ] ||
				fail "$f-$l.pdf has fewer than 5 pages"
			pdffonts "$T/demo/$f-$l.pdf" | grep -q 'DejaVuSans.*yes' ||
				fail "$f-$l.pdf does not embed DejaVu Sans"
		done
	done
	for f in contributions history collection curve activity; do
		head -c 8 "$T/demo/chart-$f.png" | od -An -c | grep -q 'P   N   G' ||
			fail "chart-$f.png is not a PNG"
	done
	# A second demo starts afresh rather than failing on its old database.
	CBM_EXAMPLES=$EXAMPLES run_cbm demo -o "$T/demo"
	expect_status 0
}

# The contents says on which page each section starts: check it there.
test_contents_pages_are_right() {
	load_examples
	run_cbm report annual --year 2024 -o "$T/a.pdf"
	expect_status 0
	local n contents line title page
	n=$(pages "$T/a.pdf")
	contents=$(page_text "$T/a.pdf" 2)
	printf '%s' "$contents" | grep -q "Contents" || fail "page 2 is not the contents"
	# Not a page two-thirds empty: the summary starts below the contents.
	printf '%s\n' "$contents" | grep -qE "^ *Summary +2 *\$" ||
		fail "the summary does not follow the contents on page 2"
	# Sections flow (a page ends early only when what follows cannot
	# start on it): a heading is on its page, not always at the top; the
	# summary follows the contents on page 2.
	for title in "Summary" "Plan of implementation of CBMs" \
		"The budget and its financing" "Contributions over the years" "Sources"; do
		line=$(printf '%s\n' "$contents" | grep -E "^ *$title +[0-9]+ *\$")
		page=$(printf '%s' "$line" | awk '{ print $NF }')
		[ -n "$page" ] || { fail "the contents lacks '$title'"; continue; }
		page_text "$T/a.pdf" "$page" | grep -qE "^ *$title *\$" ||
			fail "'$title' is not a heading on page $page"
		page_text "$T/a.pdf" "$((page - 1))" | grep -qE "^ *$title *\$" &&
			fail "'$title' is a heading on page $((page - 1)) too"
	done
	# Every page but the cover says "N / M".
	page_text "$T/a.pdf" "$n" | grep -qE "\b$n / $n\b" || fail "no '$n / $n' on the last page"
	page_text "$T/a.pdf" 3 | grep -qE "\b3 / $n\b" || fail "no '3 / $n' on page 3"
	page_text "$T/a.pdf" 1 | grep -qE "[0-9]+ / $n" && fail "the cover has a page number"
	# The sources page lists the batches behind the figures.
	pdftotext "$T/a.pdf" - | grep -q "contributions.csv" || fail "no sources"
}

# The roll of pledges and payments of 2024 runs over two pages: the
# header comes again.
test_table_header_repeated() {
	load_examples
	run_cbm report annual --year 2024 -o "$T/a.pdf"
	local n p with=0
	n=$(pages "$T/a.pdf")
	for ((p = 3; p <= n; p++)); do
		page_text "$T/a.pdf" "$p" | grep -qE "^ *State +Pledged +Received +Outstanding +Status" && with=$((with + 1))
	done
	[ "$with" -ge 2 ] || fail "the pledges header is on $with page(s), not 2"
}

test_three_languages() {
	load_examples
	run_cbm report state --state Қазақстан --lang kk -o "$T/k.pdf"
	expect_status 0
	local text
	text=$(pdftotext "$T/k.pdf" -)
	# Pledges are "жарияланған жарналар" (announced contributions), as in
	# Russian "объявленные взносы", UN usage.
	for w in "Қазақстан: анықтама" "Мазмұны" "Жарияланған жарналар мен төлемдер" "толық төленді" "Дереккөздер"; do
		printf '%s' "$text" | grep -qF "$w" || fail "kk statement lacks '$w'"
	done
	run_cbm report budget --year 2025 --scale draft-2026 --lang ru -o "$T/r.pdf"
	expect_status 0
	text=$(pdftotext "$T/r.pdf" -)
	for w in "Бюджет на 2025 год" "Содержание" "Сбор взносов на" "Если бы взносы были долевыми" "draft-2026" "Казахстан" \
		"Объявленные взносы и платежи" "Задолженность по объявленным взносам прошлых лет"; do
		printf '%s' "$text" | grep -qF "$w" || fail "ru brief lacks '$w'"
	done
}

# No Latin-script word in a Russian or Kazakh report that the data did
# not put there: file names, checksums, currency codes, the scale's name
# and the document symbol given; and "SHA-256", the checksum's name.
# The annual report of 2024 names each area's coordinator and shows the
# vacant areas (trade and investment among them), in all three languages.
test_coordinators_section() {
	load_examples
	local lang text w
	for lang in en ru kk; do
		run_cbm report annual --year 2024 --lang "$lang" -o "$T/a-$lang.pdf"
		expect_status 0
		text=$(pdftotext "$T/a-$lang.pdf" - | tr '\n' ' ' | tr -s ' ')
		case $lang in
		en) set -- "Priority areas and their coordinators" \
			"Without a coordinator in 2024: Military-political measures, Combating terrorism, Trade and investment." \
			"— vacant —" "Iraq, Türkiye" "Mongolia" ;;
		ru) set -- "Приоритетные направления и их координаторы" \
			"Без координатора в 2024 году:" "Торговля и инвестиции" "— вакантно —" "Ирак, Турция" "Монголия" ;;
		kk) set -- "Басым бағыттар және олардың үйлестірушілері" \
			"2024 жылы үйлестірушісі жоқ бағыттар:" "Сауда және инвестициялар" "— бос —" "Моңғолия" ;;
		esac
		for w in "$@"; do
			printf '%s' "$text" | grep -qF -- "$w" || fail "annual 2024 ($lang) lacks '$w'"
		done
	done
	# Kazakhstan's statement lists the areas it coordinates: transport
	# corridors and volunteerism (since 2023, 3 events organised, 3 held).
	run_cbm report state --state KAZ -o "$T/s.pdf"
	expect_status 0
	text=$(pdftotext "$T/s.pdf" - | tr '\n' ' ' | tr -s ' ')
	for w in "Priority areas coordinated" "Volunteerism 2023–2025 3 3"; do
		printf '%s' "$text" | grep -qF -- "$w" || fail "KAZ statement lacks '$w'"
	done
	run_cbm report state --state JPN -o "$T/j.pdf"
	expect_status 0
	pdftotext "$T/j.pdf" - | grep -qF "coordinated no priority area" ||
		fail "JPN statement does not say it coordinated no area"
}

# Held events by format, 2024 beside 2023 (examples/plan.csv: in person
# 12 then 15, virtual 6 then 2, hybrid 5 then 3), in all three languages.
test_formats_section() {
	load_examples
	local lang
	for lang in en ru kk; do
		case $lang in
		en) set -- "Events held by format" "in person 12 15 +3" "virtual 6 2 −4" "hybrid 5 3 −2" ;;
		ru) set -- "Проведённые мероприятия по формату" "очно 12 15 +3" "онлайн 6 2 −4" ;;
		kk) set -- "Өткізілген іс-шаралар форматы бойынша" "күндізгі 12 15 +3" "аралас 5 3 −2" ;;
		esac
		annual_has 2024 "$lang" "$@"
	done
}

# Issue 15: the year's calendar and the items added after the plan's
# adoption (examples/plan.csv, 2024: items 1 and 15 for Bangladesh and 8
# and 23 for Russia on 5 December 2023, item 27 for Türkiye on 7
# December), in all three languages, and the summary's count.
test_calendar_and_added_items() {
	load_examples
	local lang
	for lang in en ru kk; do
		case $lang in
		en) set -- "Calendar of the year" "Calendar of events, 2024" \
			"Items added to the plan of 2024 after its adoption: 5." \
			"Items added after the plan's adoption" "At the request of" \
			"1 Conference on arms control and non-proliferation 5 Dec 2023 Bangladesh" \
			"8 Seminar on security of and in the use of ICTs 5 Dec 2023 Russia" \
			"15 Conference \"Connectivity, trade and transit in Asia\" 5 Dec 2023 Bangladesh" \
			"23 Seminar on traditional medicine 5 Dec 2023 Russia" \
			"7 Dec 2023 Türkiye" ;;
		ru) set -- "Календарь года" "Календарь мероприятий на 2024 год" \
			"Пунктов, включённых в план на 2024 год после его утверждения: 5." \
			"Пункты, включённые в план после его утверждения" "По просьбе" \
			"05.12.2023 Бангладеш" "23 Семинар: традиционная медицина 05.12.2023 Россия" \
			"07.12.2023 Турция" ;;
		kk) set -- "Жыл күнтізбесі" "2024 жылғы іс-шаралар күнтізбесі" \
			"2024 жылғы жоспар бекітілгеннен кейін қосылған тармақтар саны: 5." \
			"Жоспар бекітілгеннен кейін қосылған тармақтар" "Өтініш білдірген" \
			"05.12.2023 Бангладеш" "05.12.2023 Ресей" "07.12.2023 Түркия" ;;
		esac
		annual_has 2024 "$lang" "$@"
	done
	# every event of the 2024 plan has its days in 2024: none is listed
	pdftotext "$T/a-en.pdf" - | grep -qF "without dates in 2024" &&
		fail "annual 2024 lists dated events as undated"
	# five added items: the added-items table has exactly five dates
	[ "$(pdftotext -layout "$T/a-en.pdf" - | grep -cE ' (5|7) Dec 2023 ')" = 5 ] ||
		fail "expected five items added after adoption"
	# a year in which nothing was added says so
	run_cbm report annual --year 2023 -o "$T/a-2023.pdf"
	expect_status 0
	pdftotext "$T/a-2023.pdf" - | tr '\n' ' ' | grep -qF "No item was added to the plan after its adoption." ||
		fail "annual 2023 does not say nothing was added"
}

# An event without dates is listed under the calendar, not dropped; so
# is one whose days all fall outside its plan's year.
test_undated_events_listed() {
	load_examples
	printf 'year,item,title,area,organizers,start,end\n2025,98,Seminar in the next year,TER,KAZ,2026-03-02,2026-03-03\n2025,99,Seminar with no date yet,TER,KAZ,,\n' | write p.csv
	import_ok plan "$T/p.csv"
	run_cbm chart calendar --year 2025 -o "$T/c.svg"
	expect_status 0
	expect_stderr_has "not on the calendar, without dates in 2025: items 98, 99"
	run_cbm report annual --year 2025 --lang ru -o "$T/a.pdf"
	expect_status 0
	pdftotext -layout "$T/a.pdf" - | tr -s ' ' | tr '\n' ' ' >"$T/a.txt"
	grep -qF "Мероприятия плана без дат в 2025 году (в календаре не показаны):" "$T/a.txt" ||
		fail "no list of undated events"
	grep -qF "99 Seminar with no date yet" "$T/a.txt" || fail "item 99 is not listed"
	grep -qF "98 Seminar in the next year" "$T/a.txt" || fail "item 98 is not listed"
}

test_reader_language_only() {
	CBM_EXAMPLES=$EXAMPLES run_cbm demo -o "$T/demo"
	expect_status 0
	local db=$T/demo/demo.sqlite allowed f words bad
	run_cbm --db "$db" report budget --symbol SOC/2025-III/SEC/1 --lang kk -o "$T/demo/symbol-kk.pdf"
	expect_status 0
	allowed=$(
		{
			sqlite3 -batch "$db" "SELECT file_name FROM batches; SELECT code FROM currencies;
				SELECT DISTINCT scale FROM scales; SELECT sha256 FROM batches"
			printf '%s\n' SHA-256 SOC/2025-III/SEC/1
		} | tr '/' '\n' | sort -u
	)
	for f in "$T"/demo/*-ru.pdf "$T"/demo/*-kk.pdf; do
		words=$(pdftotext "$f" - | grep -oE '[A-Za-z0-9][A-Za-z0-9_.-]*' |
			grep '[A-Za-z]' | sed 's/[.]$//' | sort -u)
		bad=""
		for w in $words; do
			printf '%s\n' "$allowed" | grep -qxF "$w" && continue
			# The start of a checksum, as the sources page prints it.
			printf '%s\n' "$allowed" | grep -q "^$w" && continue
			bad="$bad $w"
		done
		[ -z "$bad" ] || fail "$(basename "$f") has Latin words that are no data:$bad"
	done
}

# The brief of 2025 as of 14 November, as the SWG reads it: every member
# state, the forecast from the year's position, the 2026 draft line by
# line, the organisation on the cover.
test_brief_done() {
	load_examples
	run_cbm report budget --year 2025 --as-of 2025-11-14 -o "$T/b.pdf"
	expect_status 0
	local text code name missing=""
	text=$(pdftotext "$T/b.pdf" - | tr '\n' ' ')
	for code in $(sql "SELECT code FROM states WHERE status = 'member'"); do
		name=$(sql "SELECT name_en FROM states WHERE code = '$code'")
		printf '%s' "$text" | grep -qF "$name" || missing="$missing $name"
	done
	[ -z "$missing" ] || fail "the brief does not list:$missing"
	for w in "Conference on Interaction and Confidence Building Measures in Asia" \
		"Forecast by 31 December" "Trend of finished years" \
		"Draft budget 2026 against 2025" "no pledge, nothing paid" \
		"Pledges outstanding from earlier years" "2025 as of 14 Nov 2025"; do
		printf '%s' "$text" | grep -qF "$w" || fail "the brief lacks '$w'"
	done
	pdftotext -l 1 "$T/b.pdf" - | grep -qF "CICA" || fail "the cover does not name CICA"
	# The in-year forecast is the one cbm stats gives.
	run_cbm stats forecast --year 2025 --as-of 2025-11-14 --format csv
	local forecast
	forecast=$(printf '%s\n' "$OUT" | awk -F, 'NR == 2 { printf "%.1f %%", $4 * 100 }')
	printf '%s' "$text" | grep -qF "is forecast at $forecast" ||
		fail "the brief does not forecast $forecast"
	# Totals are bold: the one bold font carries "Total".
	pdffonts "$T/b.pdf" | grep -q "DejaVuSans-Bold" || fail "no bold font"
}

# --symbol and --date print on the cover; a bad date is refused.
test_symbol_and_date() {
	load_examples
	run_cbm report annual --year 2024 --symbol SOC/2025-III/SEC/1 --date 2025-03-14 --lang ru -o "$T/a.pdf"
	expect_status 0
	local cover
	cover=$(pdftotext -l 1 "$T/a.pdf" -)
	printf '%s' "$cover" | grep -qF "SOC/2025-III/SEC/1" || fail "no symbol on the cover"
	printf '%s' "$cover" | grep -qF "14.03.2025" || fail "no date on the cover"
	printf '%s' "$cover" | grep -qF "СВМДА" || fail "no short name on the cover"
	pdftotext -f 3 -l 3 "$T/a.pdf" - | grep -qF "SOC/2025-III/SEC/1" || fail "no symbol in the page header"
	run_cbm report annual --date 14.03.2025 -o "$T/x.pdf"
	expect_status 2
	expect_stderr_has "--date '14.03.2025'"
}

test_figures_match_stats() {
	load_examples
	run_cbm report annual --year 2024 -o "$T/a.pdf"
	run_cbm stats collection --year 2024 --format csv
	# The report's collection rate for 2024 is the figure cbm stats gives.
	local rate
	rate=$(printf '%s\n' "$OUT" | awk -F, 'NR == 2 { printf "%.1f %%", $4 * 100 }')
	pdftotext "$T/a.pdf" - | grep -qF "$rate" || fail "the report lacks the rate $rate"
	# The summary sentence counts the events of the plan as stats does.
	run_cbm stats activity --year 2024 --by dimension --format csv
	local held planned
	held=$(printf '%s\n' "$OUT" | awk -F, 'NR > 1 { s += $4 } END { print s }')
	planned=$(printf '%s\n' "$OUT" | awk -F, 'NR > 1 { s += $3 } END { print s }')
	pdftotext "$T/a.pdf" - | tr '\n' ' ' |
		grep -qF "In 2024, $held of the $planned events of the plan were held" ||
		fail "the summary does not say $held of $planned events"
	# The table's total row carries the rate of the totals, not a blank.
	local total
	total=$(awk -v h="$held" -v p="$planned" 'BEGIN { printf "Total %d %d", p, h }')
	rate=$(awk -v h="$held" -v p="$planned" 'BEGIN { printf "%.1f %%", 100 * h / p }')
	pdftotext -layout "$T/a.pdf" - | tr -s ' ' | grep -F "$total " | grep -qF "$rate" ||
		fail "the activity total row lacks the rate $rate"
}

test_reproducible() {
	load_examples
	SOURCE_DATE_EPOCH=1700000000 run_cbm report budget -o "$T/a.pdf"
	SOURCE_DATE_EPOCH=1700000000 run_cbm report budget -o "$T/b.pdf"
	cmp -s "$T/a.pdf" "$T/b.pdf" || fail "two reports of the same data differ"
	pdfinfo "$T/a.pdf" | grep -q "CreationDate:.*2023" || fail "the date is not SOURCE_DATE_EPOCH's"
}

test_errors() {
	load_examples
	run_cbm report state --state Atlantis -o "$T/x.pdf"
	expect_status 1
	expect_stderr_has "no state 'Atlantis'"
	run_cbm report annual --year 1990 -o "$T/x.pdf"
	expect_status 1
	expect_stderr_has "nothing to report for 1990"
	run_cbm report budget --scale nonesuch -o "$T/x.pdf"
	expect_status 1
	[ ! -e "$T/x.pdf" ] || fail "a refused report left a file"
	run_cbm report novel -o "$T/x.pdf"
	expect_status 2
	run_cbm report annual
	expect_status 2
	run_cbm report state -o "$T/x.pdf"
	expect_status 2
	run_cbm report annual --lang fr -o "$T/x.pdf"
	expect_status 2
}

run_tests "$@"
