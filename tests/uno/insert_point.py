"""Edits a DOCX in LibreOffice as a user would: presses Enter at the end of the point whose
number reads FIRST, types TEXT into the new paragraph, and exports the result to PDF.

Usage: /usr/bin/python3 insert_point.py IN.docx OUT.pdf FIRST TEXT
Needs LibreOffice and its Python bridge (Debian: python3-uno). Prints the list labels of the
paragraphs after the edit, one per line, as «label<TAB>text».
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(src, out, first, text):
    profile = tempfile.mkdtemp(prefix="prikaz-uno-")
    pipe = "prikaz%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           (prop("Hidden", True),))
        body = doc.Text
        target = None
        for para in iter_paragraphs(body):
            if label(para) == first:
                target = para
                break
        if target is None:
            sys.exit("no paragraph numbered %r" % first)
        cursor = body.createTextCursorByRange(target.End)
        body.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        body.insertString(cursor, text, False)
        for para in iter_paragraphs(body):
            if label(para) or para.String.strip():
                print("%s\t%s" % (label(para), para.String[:60]))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)
    finally:
        office.terminate()
        office.wait(timeout=60)


def iter_paragraphs(text):
    e = text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            yield p


def label(para):
    try:
        return para.ListLabelString or ""
    except Exception:
        return ""


if __name__ == "__main__":
    main(*sys.argv[1:5])
