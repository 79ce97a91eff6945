"""Edits a DOCX in LibreOffice as a user would, and exports the result to PDF.

  point: presses Enter at the end of the point whose number reads FIRST and types TEXT into
         the new paragraph;
  row:   inserts a table row below the row whose number cell reads FIRST (as «Вставить
         строку ниже» does: the new row takes the row's formatting) and types TEXT into its
         second cell.

Usage: /usr/bin/python3 edit.py point|row IN.docx OUT.pdf FIRST TEXT
Needs LibreOffice and its Python bridge (Debian: python3-uno). Prints the list labels of the
paragraphs after the edit, one per line, as «label<TAB>text».
"""
import os
import re
import sys

import uno
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

from office import label, office, paragraphs, prop


def main(mode, src, out, first, text):
    with office() as lo:
        doc = lo.open(src)
        body = doc.Text
        if mode == "point":
            insert_point(body, first, text)
        elif mode == "row":
            insert_row(doc, first, text)
        else:
            sys.exit("unknown mode %r" % mode)
        for para in paragraphs(doc.Text):
            if label(para) or para.String.strip():
                print("%s\t%s" % (label(para), para.String[:60]))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)


def insert_point(body, first, text):
    target = next((p for p in iter_paragraphs(body) if label(p) == first), None)
    if target is None:
        sys.exit("no paragraph numbered %r" % first)
    cursor = body.createTextCursorByRange(target.End)
    body.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    body.insertString(cursor, text, False)


def insert_row(doc, first, text):
    for table in iter_tables(doc):
        names = set(table.CellNames)
        for name in table.CellNames:
            # Cell names read «A3»: the letters are the column, the digits the row. A section
            # row is one merged cell, with no «B3»: only activity rows are looked at.
            row = int(re.match(r"[A-Z]+(\d+)", name).group(1)) - 1
            if not name.startswith("A") or "B%d" % (row + 1) not in names:
                continue
            cell = table.getCellByName(name)
            if any(label(p) == first for p in iter_paragraphs(cell)):
                table.Rows.insertByIndex(row + 1, 1)
                new = table.getCellByName("B%d" % (row + 2))
                new.setString(text)
                return
    sys.exit("no table cell numbered %r" % first)


def iter_tables(doc):
    tables = doc.TextTables
    for i in range(tables.Count):
        yield tables.getByIndex(i)


def iter_paragraphs(text):
    """The paragraphs directly in `text` (not in its tables)."""
    e = text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            yield p


if __name__ == "__main__":
    main(*sys.argv[1:6])
