#!/usr/bin/env bash
# check_pdf.sh TEST_CHARTS OUTDIR - reads the sample charts back as a reader
# would see them.  Renders every sample twice under SOURCE_DATE_EPOCH
# (`test_charts --write DIR`), then checks with poppler-utils that
#  - the two renderings are byte-identical and dated from SOURCE_DATE_EPOCH;
#  - the pages are 720 x 450 pt, titled, and every font is an embedded
#    DejaVu;
#  - pdftotext shows the titles, the category labels (Russian and Kazakh
#    letters included), legend entries and the expected tick values, and
#    repaired text where the input had control characters or bad bytes;
#  - no two words overlap and none leaves the page (pdftotext -bbox).
set -u

bin=$1
out=$2
failures=0
nbsp=$'\xc2\xa0'

fail() {
	echo "check_pdf.sh: $*" >&2
	failures=$((failures + 1))
}

rm -rf "$out"
mkdir -p "$out/a" "$out/b"
for d in a b; do
	SOURCE_DATE_EPOCH=1700000000 "$bin" --write "$out/$d" ||
		fail "test_charts --write $out/$d failed"
done

pdfs=("$out"/a/*.pdf)
[[ ${#pdfs[@]} -eq 22 ]] || fail "expected 22 PDFs, found ${#pdfs[@]}"

for f in "${pdfs[@]}"; do
	name=${f##*/}
	cmp -s "$f" "$out/b/$name" || fail "$name differs between two runs"
	info=$(pdfinfo -isodates "$f")
	grep -q '^CreationDate: *2023-11-14T22:13:20' <<<"$info" ||
		fail "$name: CreationDate is not SOURCE_DATE_EPOCH"
	grep -q '^ModDate: *2023-11-14T22:13:20' <<<"$info" ||
		fail "$name: ModDate is not SOURCE_DATE_EPOCH"
	grep -q '^Title: *[^ ]' <<<"$info" || fail "$name: no title"
	grep -q '^Page size: *720 x 450 pts' <<<"$info" ||
		fail "$name: page is not 720 x 450 pt"
	fonts=$(pdffonts "$f" | tail -n +3)
	[[ -n $fonts ]] || fail "$name: no fonts"
	if grep -v -q 'DejaVuSans' <<<"$fonts"; then
		fail "$name: a font that is not DejaVu Sans: $fonts"
	fi
	if awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }' \
		<<<"$fonts"; then
		fail "$name: a font is not embedded"
	fi
done

for f in "$out"/a/*.svg; do
	grep -q '<svg[^>]* width="720pt" height="450pt"' "$f" ||
		fail "${f##*/}: not an SVG of 720 x 450 pt"
done

# Text of a PDF on one line, runs of white space squeezed.  pdftotext
# writes the no-break space of "50 тыс." as a plain space.
text() {
	pdftotext "$out/a/$1.pdf" - | sed "s/$nbsp/ /g" | tr -s ' \n\f' '   '
}

expect() {
	local file=$1 t
	shift
	t=$(text "$file")
	for want in "$@"; do
		[[ $t == *"$want"* ]] || fail "$file.pdf lacks '$want'"
	done
}

expect contributions-en "Voluntary contributions by state, 2023" \
	"Kazakhstan" "United Arab Emirates" "Republic of Korea" \
	"0" "50 K" "100 K" "150 K" "200 K" "250 K" "2.5 K" "US dollars"
expect contributions-ru "Добровольные взносы государств, 2023" \
	"Республика Корея" "Объединённые Арабские Эмираты" \
	"50 тыс." "250 тыс." "2,5 тыс."
expect contributions-kk "Мемлекеттердің ерікті жарналары, 2023" \
	"Қазақстан" "Корея Республикасы" "Әзірбайжан" "Өзбекстан" \
	"Біріккен Араб Әмірліктері" "Моңғолия" "50 мың" "2,5 мың"
expect grouped-en "Voluntary contributions by year" "Kazakhstan" "Others" \
	"2019" "2025" "50 K" "150 K"
expect stacked-kk "Жылдар бойынша ерікті жарналар" "Қазақстан" "Басқалар" \
	"2006" "2024" "100 мың" "АҚШ долл."
expect stacked-ru "Добровольные взносы по годам" "Прочие" "Россия"
expect collection-en "Collection rate of voluntary contributions" \
	"Collection rate" "Forecast 2026" "95 % interval" "0 %" "60 %" \
	"120 %" "2010" "2026"
expect collection-ru "Уровень сбора" "Прогноз на 2026" "20 %" \
	"100 %"
expect curve-en "Collection of voluntary contributions in 2024" "Jan" \
	"Jul" "Dec" "Mean 2006–2023" "Range 2006–2023" "Even pace" "80 %"
expect curve-ru "янв" "июл" "дек" "Равномерный темп"
expect curve-kk "2024 жылғы ерікті жарналардың жиналуы" "қаң" "сәу" "шіл" \
	"жел" "Бірқалыпты қарқын" "Орташа 2006–2023"
expect activity-en "Events held by priority area" "Volunteerism" \
	"Natural disaster management" "Year" "2019" "2025"
# Control characters became single spaces, bad bytes U+FFFD, and the
# 10 000-character subtitle ends in an ellipsis within its two lines.
expect hostile-kk "Жарналар бойынша �� есеп" "Біріккен Араб Әмірліктері" "…"
[[ $(text hostile-kk | grep -o 'Біріккен' | wc -l) -lt 30 ]] ||
	fail "hostile-kk.pdf: the long subtitle is not shortened"
expect activity-kk "Басым бағыттар бойынша өткізілген іс-шаралар" \
	"Есірткінің заңсыз айналымына қарсы күрес" "Еріктілік" "Жыл"
expect calendar-en "Calendar of events, 2024" "Jan" "Dec" "Volunteerism" \
	"Held" "Postponed" "Cancelled" "Planned"
expect calendar-ru "Календарь мероприятий, 2024" "янв" "дек" "Отменено"
expect calendar-kk "Іс-шаралар күнтізбесі, 2024" "қаң" "жел" "Еріктілік" \
	"Кейінге қалдырылды"

# No two words overlap, none leaves the page.  pdftotext -bbox gives each
# word's box in points; boxes of neighbouring lines may touch (0.3 pt).
for f in "${pdfs[@]}"; do
	pdftotext -bbox "$f" - | awk -v name="${f##*/}" '
		/<page / {
			match($0, /width="[0-9.]+"/)
			pw = substr($0, RSTART + 7, RLENGTH - 8) + 0
			match($0, /height="[0-9.]+"/)
			ph = substr($0, RSTART + 8, RLENGTH - 9) + 0
		}
		/<word / {
			n++
			for (i = 1; i <= 4; i++) {
				k = (i == 1 ? "xMin" : i == 2 ? "yMin" : \
				     i == 3 ? "xMax" : "yMax")
				match($0, k "=\"[-0-9.]+\"")
				v[n, i] = substr($0, RSTART + length(k) + 2, \
						 RLENGTH - length(k) - 3) + 0
			}
			w[n] = $0
			sub(/.*">/, "", w[n]); sub(/<.*/, "", w[n])
		}
		END {
			bad = 0
			for (a = 1; a <= n; a++) {
				if (v[a,1] < -0.1 || v[a,2] < -0.1 || \
				    v[a,3] > pw + 0.1 || v[a,4] > ph + 0.1) {
					print name ": \"" w[a] "\" leaves the page"
					bad = 1
				}
				for (b = a + 1; b <= n; b++) {
					ox = (v[a,3] < v[b,3] ? v[a,3] : v[b,3]) - \
					     (v[a,1] > v[b,1] ? v[a,1] : v[b,1])
					oy = (v[a,4] < v[b,4] ? v[a,4] : v[b,4]) - \
					     (v[a,2] > v[b,2] ? v[a,2] : v[b,2])
					if (ox > 0.3 && oy > 0.3) {
						print name ": \"" w[a] "\" overlaps \"" w[b] "\""
						bad = 1
					}
				}
			}
			if (n < 10) { print name ": only " n " words"; bad = 1 }
			exit bad
		}' >&2 || fail "${f##*/}: words overlap or leave the page"
done

if ((failures)); then
	echo "check_pdf.sh: $failures failures" >&2
	exit 1
fi
echo "check_pdf.sh: ${#pdfs[@]} PDFs checked"
