#!/bin/sh
# make.sh - writes the renditions in this folder (see README.md) from the
# English reference files in en/.  Run once, by hand; the files are
# committed, so that the tests need no LibreOffice.
#
#   tests/data/i18n/make.sh
#
# Needs soffice (Debian package libreoffice-calc-nogui) and
# /usr/bin/python3.  LibreOffice runs with a private profile in a
# temporary folder.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# lo LOCALE ARGS...: soffice on a private profile whose locale is LOCALE
# (ru-RU, kk-KZ), so that cells are shown as a user there sees them.
lo() {
	mkdir -p "$tmp/$1/user"
	cat >"$tmp/$1/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop
 oor:name="ooSetupSystemLocale" oor:op="fuse"><value>$1</value></prop></item>
</oor:items>
XCU
	locale=$1
	shift
	soffice -env:UserInstallation="file://$tmp/$locale" --headless "$@" \
		>/dev/null 2>&1
}

# 1. Russian and Kazakh sources (make_csv.py): headers and values in the
#    language, states by their names in it, 31.12.2023, decimal commas.
mkdir "$tmp/src"
/usr/bin/python3 "$here/make_csv.py" "$tmp/src"

# 2. Calc opens them as a user in that locale would: ';' between fields
#    (59), '"' around text (34), UTF-8 (76), from line 1, language ru-RU
#    (1049) or kk-KZ (1087), "detect special numbers" on: amounts become
#    number cells, dates date cells.  Russian: Excel workbooks; Kazakh:
#    Calc's own.
for k in contributions plan budget; do
	mkdir -p "$tmp/ru" "$tmp/kk"
	cp "$tmp/src/ru_$k.csv" "$tmp/ru/$k.csv"
	cp "$tmp/src/kk_$k.csv" "$tmp/kk/$k.csv"
done
lo ru-RU --infilter='CSV:59,34,76,1,,1049,false,true' --convert-to xlsx \
	--outdir "$here/ru" "$tmp/ru/contributions.csv" "$tmp/ru/plan.csv" \
	"$tmp/ru/budget.csv"
lo kk-KZ --infilter='CSV:59,34,76,1,,1087,false,true' --convert-to ods \
	--outdir "$here/kk" "$tmp/kk/contributions.csv" "$tmp/kk/plan.csv" \
	"$tmp/kk/budget.csv"

# 3. The Russian contributions as Excel's plain "CSV" in a Russian locale
#    writes them: Windows-1251 (34), ';' (59), cells as shown (dates as
#    31.12.23: a two-digit year, read with --date-format dmy).
mkdir "$tmp/cp1251"
lo ru-RU --infilter='CSV:59,34,76,1,,1049,false,true' \
	--convert-to "csv:Text - txt - csv (StarCalc):59,34,34,1" \
	--outdir "$tmp/cp1251" "$tmp/ru/contributions.csv"
mv "$tmp/cp1251/contributions.csv" "$here/ru/contributions_cp1251.csv"

# 4. The hand-made cases, from their sources in cases/ (';', as a
#    Russian-locale user types them): own.csv to an .ods, the others to
#    .xlsx.
for f in "$here"/cases/*.csv; do
	case $(basename "$f") in
	own.csv) to=ods ;;
	*) to=xlsx ;;
	esac
	lo ru-RU --infilter='CSV:59,34,76,1,,1049,false,true' \
		--convert-to $to --outdir "$here" "$f"
done
