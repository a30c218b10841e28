#!/bin/sh
# make.sh - writes the LibreOffice renditions of the example data in this
# folder (see README.md).  Run once, by hand; the files are committed, so
# that the tests need no LibreOffice.
#
#   tests/data/workbooks/make.sh
#
# Needs soffice (Debian package libreoffice-calc) and /usr/bin/python3.
# LibreOffice runs with a private profile in a temporary folder, so it
# neither touches the user's nor clashes with another soffice running.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

lo() {
	soffice -env:UserInstallation="file://$tmp/profile" --headless "$@" \
		>/dev/null 2>&1
}

# How Calc opens a CSV file in an English locale: ',' between fields, '"'
# around text, UTF-8 (76), from line 1, language en-US (1033), quoted
# fields not forced to text, "detect special numbers" on: amounts become
# number cells, ISO dates date cells.
open_csv='CSV:44,34,76,1,,1033,false,true'

# 1. The example data as Excel and Calc workbooks: one sheet each, named
#    after the file, English headers.
for k in states budget plan contributions pledges; do
	cp "$root/examples/$k.csv" "$tmp/"
done
lo --infilter="$open_csv" --convert-to xlsx --outdir "$here" \
	"$tmp"/states.csv "$tmp"/budget.csv "$tmp"/plan.csv \
	"$tmp"/contributions.csv "$tmp"/pledges.csv
lo --infilter="$open_csv" --convert-to ods --outdir "$here" \
	"$tmp"/states.csv "$tmp"/budget.csv "$tmp"/plan.csv \
	"$tmp"/contributions.csv "$tmp"/pledges.csv

# 2. The example contributions with each state by its Russian name, saved
#    as a Russian-locale Excel saves "CSV": Windows-1251 (34), ';' (59);
#    and as "Unicode text": UTF-16LE with a BOM (65535), tabs (9).
/usr/bin/python3 - "$root/examples/states.csv" \
	"$root/examples/contributions.csv" >"$tmp/contributions_ru.csv" <<'EOF'
import csv, sys
names = {r["code"]: r["name_ru"] for r in csv.DictReader(open(sys.argv[1]))}
rows = csv.reader(open(sys.argv[2]))
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(next(rows))
for r in rows:
    out.writerow([names[r[0]]] + r[1:])
EOF
mkdir "$tmp/cp1251" "$tmp/utf16"
lo --infilter="$open_csv" \
	--convert-to "csv:Text - txt - csv (StarCalc):59,34,34,1" \
	--outdir "$tmp/cp1251" "$tmp/contributions_ru.csv"
lo --infilter="$open_csv" \
	--convert-to "txt:Text - txt - csv (StarCalc):9,34,65535,1" \
	--outdir "$tmp/utf16" "$tmp/contributions_ru.csv"
mv "$tmp/cp1251/contributions_ru.csv" "$here/contributions_ru_cp1251.csv"
mv "$tmp/utf16/contributions_ru.txt" "$here/contributions_ru_utf16.txt"

# 3. A legacy Excel 97-2003 workbook (an OLE2 container, as an encrypted
#    .xlsx is too) of the three base contributions.
cp "$root/tests/data/contributions.csv" "$tmp/legacy.csv"
lo --infilter="$open_csv" --convert-to xls --outdir "$here" "$tmp/legacy.csv"

# 4. The hand-made cases.
/usr/bin/python3 "$here/make_edge.py"
