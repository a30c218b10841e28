#!/usr/bin/python3
"""xlsx.py - reads a workbook cbm wrote with a second implementation
(openpyxl, Debian python3-openpyxl) for the end-to-end tests.

    SHEET is a sheet's name or #N, the N-th sheet.

    xlsx.py sheets BOOK               the sheet names, one a line
    xlsx.py same BOOK SHEET CSV [numbers]
                                      the sheet's data rows hold the CSV's
                                      rows: numbers to the last decimal the
                                      CSV writes, dates as dates, undefined
                                      values as empty cells, texts alike
                                      (with "numbers": texts not compared)
    xlsx.py layout BOOK SHEET         freeze pane, filter range, bold header,
                                      data rows, where the totals are
    xlsx.py totals BOOK SHEET CSV     each number of the totals row is the
                                      sum of its CSV column, to the cent
    xlsx.py formats BOOK SHEET        HEADING=NUMBER_FORMAT TYPE of the
                                      first data row, one a line
    xlsx.py column BOOK SHEET N       the values of column N (1-based) of
                                      the data rows, one a line
    xlsx.py rows BOOK SHEET           every row, cells separated by " | "
    xlsx.py props BOOK                the document properties, NAME=VALUE

Exits 1 with the differences when a check fails.  Run with /usr/bin/python3:
the first python3 on PATH may lack openpyxl.
"""
import csv
import datetime
import sys
from decimal import Decimal

import openpyxl


def load(path):
    return openpyxl.load_workbook(path)


def sheet_of(book, name):
    """The sheet NAME of BOOK, or its N-th sheet for "#N"."""
    wb = load(book)
    if name.startswith("#"):
        return wb.worksheets[int(name[1:]) - 1]
    return wb[name]


def data_rows(ws):
    """The rows under the header down to the first empty row."""
    rows = []
    for row in ws.iter_rows(min_row=2):
        if all(c.value is None for c in row):
            break
        rows.append(row)
    return rows


def decimals(text):
    return len(text.split(".")[1]) if "." in text else 0


def same_value(text, cell):
    """True when CELL holds what the CSV field TEXT says."""
    v = cell.value
    if text == "":
        return v is None
    if isinstance(v, datetime.datetime):
        return v.date().isoformat() == text
    if isinstance(v, bool) or v is None:
        return False
    if isinstance(v, (int, float)):
        try:
            want = Decimal(text)
        except ArithmeticError:
            return False
        d = decimals(text)
        got = Decimal(repr(float(v))).quantize(Decimal(1).scaleb(-d))
        if "e" in text.lower() or d > 4:
            # A ratio written with 10 significant digits.
            return abs(float(v) - float(text)) <= 1e-9 * max(1, abs(float(text)))
        return got == want
    return str(v) == text


def cmd_same(book, sheet, path, only=None):
    ws = sheet_of(book, sheet)
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    # A workbook is for people: it shows each title in the reader's
    # language and leaves out the columns of the other languages' titles.
    keep = [i for i, h in enumerate(table[0]) if h not in ("title_ru", "title_kk")]
    table = [[r[i] for i in keep] for r in table]
    rows = data_rows(ws)
    bad = []
    if len(rows) != len(table) - 1:
        bad.append("rows: sheet %d, csv %d" % (len(rows), len(table) - 1))
    for i, (want, got) in enumerate(zip(table[1:], rows)):
        if len(got) < len(want):
            bad.append("row %d: %d cells for %d fields" % (i + 2, len(got), len(want)))
            continue
        for j, text in enumerate(want):
            if only == "numbers" and isinstance(got[j].value, str):
                continue  # a status or label translated for people
            if not same_value(text, got[j]):
                bad.append("%s: csv %r, sheet %r (%s)" % (got[j].coordinate, text,
                                                         got[j].value, got[j].data_type))
    if bad:
        print("\n".join(bad[:20]))
        sys.exit(1)
    print("same %d rows" % len(rows))


def cmd_layout(book, sheet):
    ws = sheet_of(book, sheet)
    rows = data_rows(ws)
    print("freeze %s" % ws.freeze_panes)
    print("filter %s" % ws.auto_filter.ref)
    print("bold %s" % ("yes" if all(c.font.b for c in ws[1]) else "no"))
    print("rows %d" % len(rows))
    last = 1 + len(rows)
    if ws.max_row >= last + 2:
        print("totals %d %s" % (last + 2, ws.cell(last + 2, 1).value))
        print("blank %s" % ("yes" if all(c.value is None for c in ws[last + 1]) else "no"))
        print("totals_bold %s" % ("yes" if ws.cell(last + 2, 1).font.b else "no"))
    narrow = []
    for c in ws[1]:
        width = ws.column_dimensions[c.column_letter].width
        if width is None or width < len(str(c.value)):
            narrow.append(c.column_letter)
    print("narrow %s" % (" ".join(narrow) if narrow else "none"))


def cmd_totals(book, sheet, path):
    ws = sheet_of(book, sheet)
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    # A workbook is for people: it shows each title in the reader's
    # language and leaves out the columns of the other languages' titles.
    keep = [i for i, h in enumerate(table[0]) if h not in ("title_ru", "title_kk")]
    table = [[r[i] for i in keep] for r in table]
    rows = data_rows(ws)
    total_row = ws[1 + len(rows) + 2]
    bad = []
    checked = 0
    for j, cell in enumerate(total_row):
        if not isinstance(cell.value, (int, float)) or j >= len(table[0]):
            continue
        fields = [r[j] for r in table[1:]]
        if "%" in (cell.number_format or "") :
            continue  # a rate of sums, not a sum
        d = max(decimals(t) for t in fields if t) if any(fields) else 0
        want = sum(Decimal(t) for t in fields if t)
        got = Decimal(repr(float(cell.value))).quantize(Decimal(1).scaleb(-d))
        if got != want:
            bad.append("%s: total %s, sum of csv %s" % (cell.coordinate, got, want))
        checked += 1
    if bad or checked == 0:
        print("\n".join(bad) if bad else "no total checked")
        sys.exit(1)
    print("totals ok %d %s" % (checked, total_row[0].value))


def cmd_formats(book, sheet):
    ws = sheet_of(book, sheet)
    rows = data_rows(ws)
    for head, cell in zip(ws[1], rows[0] if rows else []):
        print("%s=%s %s" % (head.value, cell.number_format, cell.data_type))


def cmd_column(book, sheet, n):
    ws = sheet_of(book, sheet)
    for row in data_rows(ws):
        v = row[int(n) - 1].value
        print("" if v is None else v)


def cmd_rows(book, sheet):
    ws = sheet_of(book, sheet)
    for row in ws.iter_rows(values_only=True):
        print(" | ".join("" if v is None else str(v) for v in row))


def cmd_props(book):
    wb = load(book)
    p = wb.properties
    for name in ("title", "subject", "description", "keywords", "creator"):
        print("%s=%s" % (name, getattr(p, name) or ""))
    custom = getattr(wb, "custom_doc_props", None)
    if custom is not None:
        for prop in custom.props:
            print("custom.%s=%s" % (prop.name, prop.value))
    else:
        # openpyxl before 3.1 does not read custom properties.
        import zipfile
        import re
        with zipfile.ZipFile(book) as z:
            xml = z.read("docProps/custom.xml").decode("utf-8")
        for name, value in re.findall(r'name="([^"]*)"><vt:lpwstr>([^<]*)<', xml):
            print("custom.%s=%s" % (name, value))


def main(argv):
    cmds = {"sheets": lambda b: print("\n".join(load(b).sheetnames)),
            "same": cmd_same, "layout": cmd_layout, "totals": cmd_totals,
            "formats": cmd_formats, "column": cmd_column, "rows": cmd_rows,
            "props": cmd_props}
    if len(argv) < 3 or argv[1] not in cmds:
        print(__doc__, file=sys.stderr)
        return 2
    cmds[argv[1]](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
