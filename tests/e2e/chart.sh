#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2031 # test_* run in subshells via run_tests
# chart.sh - `cbm chart`: every kind in every language and format, read
# back (pdftotext, pdffonts, PNG and SVG signatures), and its usage errors.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

test_every_kind_language_and_format() {
	load_examples
	local kind lang ext
	for kind in contributions history collection curve activity calendar; do
		for lang in en ru kk; do
			for ext in pdf png svg; do
				run_cbm chart "$kind" --lang "$lang" -o "$T/$kind-$lang.$ext"
				expect_status 0
				[ -s "$T/$kind-$lang.$ext" ] || fail "$kind-$lang.$ext is empty"
			done
			head -c 8 "$T/$kind-$lang.png" | od -An -c | grep -q 'P   N   G' ||
				fail "$kind-$lang.png is not a PNG"
			grep -q '<svg' "$T/$kind-$lang.svg" || fail "$kind-$lang.svg is not SVG"
			head -c 5 "$T/$kind-$lang.pdf" | grep -q '%PDF-' ||
				fail "$kind-$lang.pdf is not a PDF"
			pdffonts "$T/$kind-$lang.pdf" | grep -q 'DejaVuSans.*yes' ||
				fail "$kind-$lang.pdf does not embed DejaVu Sans"
		done
	done
}

# The words a reader must see, per language (pdftotext joins lines loosely,
# so each check is one word or a short run of words).
test_pdf_text_in_three_languages() {
	load_examples
	run_cbm chart contributions --year 2024 --lang kk -o "$T/c.pdf"
	expect_status 0
	local text
	text=$(pdftotext "$T/c.pdf" -)
	local w
	for w in "ерікті жарналар, 2024" "Қазақстан" "Қытай" "Корея Республикасы" "USD"; do
		printf '%s' "$text" | grep -qF "$w" || fail "kk contributions chart lacks '$w'"
	done
	run_cbm chart history --lang ru -o "$T/h.pdf"
	text=$(pdftotext "$T/h.pdf" -)
	for w in "Добровольные взносы по годам" "Прочие" "Казахстан" "млн"; do
		printf '%s' "$text" | grep -qF "$w" || fail "ru history chart lacks '$w'"
	done
	run_cbm chart collection --lang en -o "$T/r.pdf"
	text=$(pdftotext "$T/r.pdf" -)
	# The year in progress is labelled with the day it is as of, beside
	# its in-year forecast; the trend of finished years stays, as such.
	for w in "Collection rate" "Forecast by 31 December" "Trend of finished years" \
		"2025 as of 14 Nov 2025" "Range of earlier years' gains" "forecast for 2025" "100 %"; do
		printf '%s' "$text" | grep -qF "$w" || fail "collection chart lacks '$w'"
	done
	# Up to a finished year the trend forecasts the next, with its band.
	run_cbm chart collection --to 2024 --lang en -o "$T/r2.pdf"
	text=$(pdftotext "$T/r2.pdf" -)
	for w in "Collection rate" "Trend of finished years" "95 % interval" "forecast for 2025"; do
		printf '%s' "$text" | grep -qF "$w" || fail "collection chart to 2024 lacks '$w'"
	done
	run_cbm chart activity --lang kk -o "$T/a.pdf"
	text=$(pdftotext "$T/a.pdf" -)
	for w in "Терроризмге қарсы күрес" "Жыл" "2022" "2025"; do
		printf '%s' "$text" | grep -qF "$w" || fail "kk activity chart lacks '$w'"
	done
	run_cbm chart curve --year 2024 --lang ru -o "$T/k.pdf"
	text=$(pdftotext "$T/k.pdf" -)
	for w in "Накопленный сбор взносов, 2024" "Равномерный темп" "янв"; do
		printf '%s' "$text" | grep -qF "$w" || fail "ru curve chart lacks '$w'"
	done
}

test_png_size_in_pixels() {
	load_examples
	run_cbm chart collection --width 640 --height 400 -o "$T/s.png"
	expect_status 0
	# Width and height are the big-endian words at bytes 16 and 20.
	expect_eq "$(od -An -tu1 -j16 -N8 "$T/s.png" | tr -s ' ')" \
		" 0 0 2 128 0 0 1 144" "PNG size 640 x 400"
	run_cbm chart collection --width 960 --height 600 -o "$T/s.pdf"
	pdfinfo "$T/s.pdf" | grep -q 'Page size: *720 x 450 pts' ||
		fail "a 960 x 600 px PDF is not 720 x 450 pt"
}

test_reproducible_pdf() {
	load_examples
	SOURCE_DATE_EPOCH=1700000000 run_cbm chart history -o "$T/a.pdf"
	SOURCE_DATE_EPOCH=1700000000 run_cbm chart history -o "$T/b.pdf"
	cmp -s "$T/a.pdf" "$T/b.pdf" || fail "two PDFs of the same data differ"
}

test_usage_errors() {
	load_examples
	run_cbm chart pie -o "$T/x.pdf"
	expect_status 2
	run_cbm chart history
	expect_status 2
	expect_stderr_has "-o FILE"
	run_cbm chart history --lang de -o "$T/x.pdf"
	expect_status 2
	run_cbm chart history -o "$T/x.gif"
	expect_status 2
	run_cbm chart history --width -5 -o "$T/x.png"
	expect_status 2
	[ ! -e "$T/x.pdf" ] || fail "a refused chart left a file"
}

test_nothing_to_draw() {
	load_examples
	run_cbm chart contributions --year 1990 -o "$T/x.pdf"
	expect_status 1
	expect_stderr_has "nothing to draw"
	run_cbm chart curve --year 1990 -o "$T/x.pdf"
	expect_status 1
	[ ! -e "$T/x.pdf" ] || fail "a chart with nothing to draw left a file"
}

test_read_only() {
	load_examples
	snapshot
	run_cbm chart activity -o "$T/x.png"
	expect_status 0
	expect_db_unchanged
}

run_tests
