#!/usr/bin/python3
"""make_edge.py - writes the hand-made workbooks and text files of this
folder: one small file per case the readers must handle, each built from
its XML (or bytes) here, so that what it holds is plain to see.

    /usr/bin/python3 tests/data/workbooks/make_edge.py

Deterministic: the zip entries carry a fixed date, so a second run writes
the same bytes.  The states are those of tests/data/states.csv, the rates
those of tests/data/fx.csv (USD, EUR and KZT from 2023).
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
SS = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def write_zip(name, parts):
    """Writes the archive NAME of (entry, text) pairs, in order."""
    with zipfile.ZipFile(os.path.join(HERE, name), "w") as z:
        for entry, text in parts:
            info = zipfile.ZipInfo(entry, date_time=(2024, 1, 1, 0, 0, 0))
            stored = entry == "mimetype"
            info.compress_type = zipfile.ZIP_STORED if stored \
                else zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def esc(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace("'", "&apos;"))


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, value):
    """A cell from a Python value: str -> inline string, int/float ->
    number, ("date", serial) -> number in date format 1, ("s", i) ->
    shared string i, ("f", formula, cached or None), ("e", "#N/A"),
    ("raw", xml)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return ("<c r='%s' t='inlineStr'><is><t xml:space='preserve'>%s"
                "</t></is></c>" % (ref, esc(value)))
    if isinstance(value, (int, float)):
        return "<c r='%s'><v>%r</v></c>" % (ref, value)
    kind = value[0]
    if kind == "date":
        return "<c r='%s' s='1'><v>%r</v></c>" % (ref, value[1])
    if kind == "s":
        return "<c r='%s' t='s'><v>%d</v></c>" % (ref, value[1])
    if kind == "f":
        cached = "" if value[2] is None else "<v>%r</v>" % value[2]
        return "<c r='%s'><f>%s</f>%s</c>" % (ref, esc(value[1]), cached)
    if kind == "e":
        return "<c r='%s' t='e'><v>%s</v></c>" % (ref, esc(value[1]))
    if kind == "raw":
        return value[1]
    raise ValueError(value)


def sheet_xml(rows, merges=(), first_row=1):
    """ROWS: lists of cell values from column A; a row that is None is
    left out; a row that is the string "empty" is a row of formatted
    empty cells, as spreadsheets leave them."""
    out = ["<worksheet xmlns='%s'><sheetData>" % MAIN]
    for r, row in enumerate(rows, start=first_row):
        if row is None:
            continue
        if row == "empty":
            out.append("<row r='%d'><c r='A%d' s='0'/><c r='B%d' s='0'/>"
                       "</row>" % (r, r, r))
            continue
        cells = "".join(cell("%s%d" % (col(i), r), v)
                        for i, v in enumerate(row))
        out.append("<row r='%d'>%s</row>" % (r, cells))
    out.append("</sheetData>")
    if merges:
        out.append("<mergeCells count='%d'>%s</mergeCells>" % (
            len(merges),
            "".join("<mergeCell ref='%s'/>" % m for m in merges)))
    out.append("</worksheet>")
    return "".join(out)


def xlsx(name, sheets, shared=(), date1904=False):
    """SHEETS: (name, sheet XML) pairs.  Cell format 1 is a date
    (built-in 14); format 2 a custom date, dd.mm.yyyy."""
    n = len(sheets)
    overrides = "".join(
        "<Override PartName='/xl/worksheets/sheet%d.xml' ContentType="
        "'%s.worksheet+xml'/>" % (i + 1, SS) for i in range(n))
    parts = [
        ("[Content_Types].xml",
         "<Types xmlns='%s'><Default Extension='rels' ContentType="
         "'application/vnd.openxmlformats-package.relationships+xml'/>"
         "<Default Extension='xml' ContentType='application/xml'/>"
         "<Override PartName='/xl/workbook.xml' ContentType="
         "'%s.sheet.main+xml'/>%s</Types>" % (CT, SS, overrides)),
        ("_rels/.rels",
         "<Relationships xmlns='%s'><Relationship Id='rId1' Type="
         "'%s/officeDocument' Target='xl/workbook.xml'/></Relationships>"
         % (PKG, REL)),
        ("xl/workbook.xml",
         "<workbook xmlns='%s' xmlns:r='%s'><workbookPr%s/><sheets>%s"
         "</sheets></workbook>" % (
             MAIN, REL, " date1904='1'" if date1904 else "",
             "".join("<sheet name='%s' sheetId='%d' r:id='rId%d'/>"
                     % (esc(s[0]), i + 1, i + 1)
                     for i, s in enumerate(sheets)))),
        ("xl/_rels/workbook.xml.rels",
         "<Relationships xmlns='%s'>%s<Relationship Id='rIdS' Type="
         "'%s/styles' Target='styles.xml'/><Relationship Id='rIdT' Type="
         "'%s/sharedStrings' Target='sharedStrings.xml'/></Relationships>"
         % (PKG, "".join(
             "<Relationship Id='rId%d' Type='%s/worksheet' Target="
             "'worksheets/sheet%d.xml'/>" % (i + 1, REL, i + 1)
             for i in range(n)), REL, REL)),
        ("xl/styles.xml",
         "<styleSheet xmlns='%s'><numFmts count='1'><numFmt numFmtId='164'"
         " formatCode='dd\\.mm\\.yyyy'/></numFmts><cellXfs count='3'>"
         "<xf numFmtId='0'/><xf numFmtId='14' applyNumberFormat='1'/>"
         "<xf numFmtId='164' applyNumberFormat='1'/></cellXfs>"
         "</styleSheet>" % MAIN),
        ("xl/sharedStrings.xml",
         "<sst xmlns='%s' count='%d' uniqueCount='%d'>%s</sst>"
         % (MAIN, len(shared), len(shared), "".join(shared))),
    ]
    for i, s in enumerate(sheets):
        parts.append(("xl/worksheets/sheet%d.xml" % (i + 1), s[1]))
    write_zip(name, parts)


HEAD = ["state", "received_on", "amount", "currency", "reference", "note"]

# Serial dates of the 1900 system: 44927 is 2023-01-01.
JAN1 = 44927


def typed_ok():
    """Every kind of cell a contributions sheet may hold, all valid:
    numbers (one with a floating-point tail), text amounts and dates as a
    CSV has them, date cells, shared and rich strings, a formula with its
    saved value, a state merged down two rows, an empty column between,
    and formatted empty rows at the end."""
    shared = [
        "<si><t>KAZ</t></si>",
        # Rich text: three runs and a phonetic guide, read as one string.
        "<si><r><t>Paid </t></r><r><rPr><b/></rPr><t>in two</t></r>"
        "<r><t xml:space='preserve'> tranches</t></r><rPh sb='0' eb='1'>"
        "<t>x</t></rPh></si>",
    ]
    rows = [
        ["state", "received_on", None, "amount", "currency", "reference",
         "note"],
        [("s", 0), ("date", JAN1 + 14), None, 50000, "USD", "T-1",
         ("s", 1)],
        ["Republic of Korea", ("date", JAN1 + 45), None,
         1234.5600000000002, "USD", "T-2", "a number cell with a tail"],
        ["IRN", "12.12.2023", None, "50 000,00", "EUR", "T-3",
         "date and amount typed as text"],
        ["Россия", ("raw", "<c r='B5' s='2'><v>%d</v></c>" % (JAN1 + 100)),
         None, ("f", "D2/1000", 50), "KZT", "T-4",
         "a formula's saved value; a custom date format"],
        ["Kazakhstan", ("date", JAN1 + 200), None, 7, "USD", "T-5",
         "state merged into the row below"],
        [None, ("date", JAN1 + 201), None, 8, "USD", "T-6", None],
        "empty",
        "empty",
    ]
    xlsx("typed_ok.xlsx",
         [("Payments", sheet_xml(rows, merges=["A6:A7"]))], shared)


def typed_errors():
    """One problem per row, each at its cell."""
    rows = [
        HEAD,
        ["KAZ", ("date", JAN1 + 1), 1234.567, "USD", "E-2",
         "three decimals in USD"],
        ["KAZ", ("date", JAN1 + 2), "пятьсот", "USD", "E-3", "words"],
        ["KAZ", ("date", JAN1 + 3), "50,000", "USD", "E-4",
         "ambiguous as text"],
        ["KAZ", JAN1 + 4, 10, "USD", "E-5", "a date in a General cell"],
        ["KAZ", ("date", JAN1 + 5), ("f", "1/0", None), "USD", "E-6",
         "a formula never calculated"],
        ["KAZ", ("date", JAN1 + 6), ("e", "#N/A"), "USD", "E-7",
         "an error value"],
        ["KAZ", ("date", 60), 1, "USD", "E-8", "1900-02-29"],
        ["KAZ", ("date", JAN1 + 8), 12, "USD", "E-9", "fine"],
    ]
    xlsx("typed_errors.xlsx", [("Sheet1", sheet_xml(rows))])


def date1904():
    """The 1904 date system (Excel for Mac before 2011): 43538 is
    2023-03-15, 1462 days less than in the 1900 system."""
    rows = [HEAD,
            ["KAZ", ("date", 43538), 100, "USD", "M-1", None],
            ["KOR", ("date", JAN1 - 1462 + 180), 200, "USD", "M-2", None]]
    xlsx("date1904.xlsx", [("Sheet1", sheet_xml(rows))], date1904=True)


def two_sheets():
    """Two years' contributions in sheets of one workbook."""
    y2023 = [HEAD, ["KAZ", ("date", JAN1 + 10), 1000, "USD", "Y-1", None],
             ["KOR", ("date", JAN1 + 20), 2000, "USD", "Y-2", None]]
    y2024 = [HEAD, ["KAZ", ("date", JAN1 + 375), 3000, "USD", "Y-3", None]]
    xlsx("two_sheets.xlsx",
         [("2023", sheet_xml(y2023)), ("Year 2024", sheet_xml(y2024))])


def merged_header():
    rows = [["state", None, "amount", "currency"],
            ["KAZ", ("date", JAN1), 1, "USD"]]
    xlsx("merged_header.xlsx", [("Sheet1", sheet_xml(rows, ["A1:B1"]))])


def corrupt():
    """A workbook cut short, as a failed download leaves it."""
    typed_ok()
    with open(os.path.join(HERE, "typed_ok.xlsx"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "corrupt.xlsx"), "wb") as f:
        f.write(data[:len(data) * 2 // 3])


ODS_NS = (
    " xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'"
    " xmlns:table='urn:oasis:names:tc:opendocument:xmlns:table:1.0'"
    " xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0'"
    " xmlns:dc='http://purl.org/dc/elements/1.1/'"
    " xmlns:calcext='urn:org:documentfoundation:names:experimental:calc:"
    "xmlns:calcext:1.0' office:version='1.3'")


def ods_text(text):
    return ("<table:table-cell office:value-type='string'"
            " calcext:value-type='string'><text:p>%s</text:p>"
            "</table:table-cell>" % text)


def ods_features():
    """An .ods as Calc writes one, by hand: a header with an empty column
    (repeated empty cells), paragraphs with text:s, text:tab and
    text:line-break, a comment on a cell, float and date values, a state
    merged over two rows (spanned cell, covered cell), and the empty
    rest of the sheet as one row repeated a million times."""
    header = "".join(ods_text(h) for h in ["state", "received_on"]) + \
        "<table:table-cell table:number-columns-repeated='2'/>" + \
        "".join(ods_text(h) for h in ["amount", "currency", "note"])

    def row(state, day, amount, cur, note, state_cell=None):
        return ("<table:table-row>%s<table:table-cell office:value-type="
                "'date' office:date-value='%s'><text:p>x</text:p>"
                "</table:table-cell><table:table-cell"
                " table:number-columns-repeated='2'/><table:table-cell"
                " office:value-type='float' office:value='%s'><text:p>%s"
                "</text:p></table:table-cell>%s%s</table:table-row>" % (
                    state_cell or ods_text(state), day, amount, amount,
                    ods_text(cur), note))
    body = (
        "<table:table table:name='Взносы'>"
        "<table:table-column table:number-columns-repeated='7'/>"
        "<table:table-row>%s</table:table-row>" % header +
        row("KAZ", "2023-01-15", "5000", "USD",
            "<table:table-cell office:value-type='string'>"
            "<office:annotation><dc:creator>A</dc:creator><text:p>a comment"
            "</text:p></office:annotation><text:p>two<text:s text:c='3'/>"
            "spaces<text:tab/>tab<text:line-break/>second line</text:p>"
            "<text:p>second paragraph</text:p></table:table-cell>") +
        row("KOR", "2023-02-01T10:30:00", "1234.56", "USD",
            ods_text("merged below"),
            "<table:table-cell office:value-type='string'"
            " table:number-rows-spanned='2'><text:p>Republic of Korea"
            "</text:p></table:table-cell>") +
        row(None, "2023-02-02", "7", "USD", ods_text("covered state"),
            "<table:covered-table-cell/>") +
        "<table:table-row table:number-rows-repeated='1048572'>"
        "<table:table-cell table:number-columns-repeated='1024'/>"
        "</table:table-row></table:table>")
    content = ("<?xml version='1.0' encoding='UTF-8'?>"
               "<office:document-content%s><office:body><office:spreadsheet>"
               "%s</office:spreadsheet></office:body>"
               "</office:document-content>" % (ODS_NS, body))
    manifest = (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<manifest:manifest xmlns:manifest='urn:oasis:names:tc:opendocument"
        ":xmlns:manifest:1.0' manifest:version='1.3'><manifest:file-entry "
        "manifest:full-path='/' manifest:media-type='application/vnd.oasis."
        "opendocument.spreadsheet'/><manifest:file-entry manifest:full-path="
        "'content.xml' manifest:media-type='text/xml'/></manifest:manifest>")
    write_zip("features.ods", [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content),
        ("META-INF/manifest.xml", manifest),
    ])


def text_files():
    """Excel's "Unicode text" (UTF-16LE with a BOM, tabs, CRLF), the same
    in UTF-16BE, and a Windows-1251 file with a byte that is no character
    in it (0x98) on line 3."""
    text = ("state\treceived_on\tamount\tcurrency\tnote\r\n"
            "Казахстан\t2023-01-15\t1 000,00\tUSD\tҚазақстан: ә ғ қ ң ө\r\n"
            "Республика Корея\t2023-02-01\t250\tUSD\t\"two\r\nlines\"\r\n")
    with open(os.path.join(HERE, "unicode_text_le.txt"), "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    with open(os.path.join(HERE, "unicode_text_be.txt"), "wb") as f:
        f.write(b"\xfe\xff" + text.encode("utf-16-be"))
    bad = ("state;received_on;amount;currency\r\n"
           "Казахстан;15.01.2023;1 000,00;USD\r\n").encode("cp1251") + \
        b"\xc8\xf0\x98\xed;01.02.2023;2,50;USD\r\n" + \
        "Иран;02.02.2023;3,50;USD\r\n".encode("cp1251")
    with open(os.path.join(HERE, "cp1251_bad_byte.csv"), "wb") as f:
        f.write(bad)


if __name__ == "__main__":
    typed_ok()
    typed_errors()
    date1904()
    two_sheets()
    merged_header()
    corrupt()
    ods_features()
    text_files()
