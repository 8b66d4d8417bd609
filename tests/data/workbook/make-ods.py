#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Builds an .ods from a folder of CSV tables as LibreOffice Calc would
save it: small.ods from ../csv/small/, and filled.ods from filled/ (the
folder `staffmatch init` writes, filled in as an HR adviser would, in the
Dutch form: dd-mm-jjjj dates, decimal commas, identifiers with leading
zeros).

Run from this folder: python3 make-ods.py. The results are committed;
the test suite reads them (tests/test-workbook.c, tests/cli-workbook.sh)
and must get the same scenario as from the CSV folder.

What it exercises, as LibreOffice writes it: the mimetype entry stored
first and uncompressed, one <table:table> per CSV file, numbers as
office:value-type="float" with office:value (an FTE of 0,8 is shown as
"0,8" but stored as 0.8), dates as office:value-type="date" with
office:date-value, text in <text:p> with <text:s/> for repeated blanks,
empty cells folded into table:number-columns-repeated, every sheet ended
by an empty row repeated to row 1048576, a README sheet that is not a
table, and a comment (office:annotation) that is not a cell's text.
"""
import csv
import os
import re
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
BUILDS = ((os.path.join(HERE, "..", "csv", "small"),
           os.path.join(HERE, "small.ods")),
          (os.path.join(HERE, "filled"), os.path.join(HERE, "filled.ods")))

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:'
      'xmlns:calcext:1.0" office:version="1.3"')
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DUTCH = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")
NUMBER = re.compile(r"^-?\d+(,\d+)?$")


def text_cell(value, note=None):
    # Runs of blanks as LibreOffice writes them: one blank, then <text:s/>.
    body = escape(value).replace("  ", " <text:s/>")
    annotation = ""
    if note:
        annotation = ("<office:annotation><dc:creator>HR</dc:creator>"
                      "<text:p>%s</text:p></office:annotation>" % note)
    return ('<table:table-cell office:value-type="string" '
            'calcext:value-type="string">%s<text:p>%s</text:p>'
            '</table:table-cell>' % (annotation, body))


def cell(value, column):
    if value == "":
        return None
    dutch = DUTCH.match(value)
    if dutch:  # a date typed as dd-mm-jjjj is a date cell
        value = "%s-%s-%s" % (dutch.group(3), dutch.group(2), dutch.group(1))
    if ISO.match(value):
        d, m, y = value[8:10], value[5:7], value[0:4]
        return ('<table:table-cell office:value-type="date" '
                'office:date-value="%s" calcext:value-type="date">'
                '<text:p>%s-%s-%s</text:p></table:table-cell>'
                % (value, d, m, y))
    # Identifiers stay text (so 00412 keeps its zeros); so does the seed.
    if NUMBER.match(value) and column not in ("id", "employee", "position",
                                              "value"):
        number = value.replace(",", ".")
        return ('<table:table-cell office:value-type="float" '
                'office:value="%s" calcext:value-type="float">'
                '<text:p>%s</text:p></table:table-cell>' % (number, value))
    return text_cell(value, "check" if column == "reason" else None)


def row(values, header):
    cells, empty = [], 0
    for value, column in zip(values, header):
        c = cell(value, column)
        if c is None:
            empty += 1
            continue
        if empty:
            cells.append('<table:table-cell table:number-columns-repeated='
                         '"%d"/>' % empty)
            empty = 0
        cells.append(c)
    cells.append('<table:table-cell table:number-columns-repeated='
                 '"%d"/>' % (1024 - len(values) + empty))
    return "<table:table-row>%s</table:table-row>" % "".join(cells)


def table(name, rows):
    header = rows[0]
    body = [row(header, [""] * len(header))]
    body += [row(r, header) for r in rows[1:]]
    body.append('<table:table-row table:number-rows-repeated="%d">'
                '<table:table-cell table:number-columns-repeated="1024"/>'
                '</table:table-row>' % (1048576 - len(rows)))
    return ('<table:table table:name="%s">%s</table:table>'
            % (escape(name), "".join(body)))


def build(source, out):
    tables = ['<table:table table:name="README"><table:table-row>%s'
              '</table:table-row></table:table>'
              % text_cell("Vul elke tabel in.")]
    for name in sorted(os.listdir(source)):
        with open(os.path.join(source, name), encoding="utf-8") as f:
            rows = [r for r in csv.reader(f, delimiter=";")]
        tables.append(table(name[:-4], rows))
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content %s><office:body>'
               '<office:spreadsheet>%s</office:spreadsheet></office:body>'
               '</office:document-content>' % (NS, "".join(tables)))
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
        'xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>')
    fixed = (2018, 10, 1, 0, 0, 0)
    with zipfile.ZipFile(out, "w") as z:
        info = zipfile.ZipInfo("mimetype", fixed)
        z.writestr(info, "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        for name, data in (("content.xml", content),
                           ("META-INF/manifest.xml", manifest)):
            info = zipfile.ZipInfo(name, fixed)
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    for source, out in BUILDS:
        build(source, out)
