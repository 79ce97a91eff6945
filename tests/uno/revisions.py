"""Opens a DOCX in LibreOffice, does what a reviewer clicks in Правка → Отслеживание
изменений, and prints the document's text.

  accept: «Принять все» (.uno:AcceptAllTrackedChanges);
  reject: «Отклонить все» (.uno:RejectAllTrackedChanges);
  none:   nothing (the text of a document without revisions, to compare with).

Usage: /usr/bin/python3 revisions.py accept|reject|none IN.docx [IN2.docx …]
For each file: a line «== FILE revisions=N left=M» (N revisions when opened, M after the
action), then the text: every body paragraph and every table cell's paragraphs in order, one
line each, after its list label (the number LibreOffice draws, renumbered by accepting or
rejecting).
With PRIKAZ_UNO_PDF=FOLDER, each result is also exported there as FILE-ACTION.pdf.
Needs LibreOffice and its Python bridge (Debian: python3-uno).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.5)
    sys.exit("LibreOffice did not start")


def main(action, files):
    profile = tempfile.mkdtemp(prefix="prikaz-uno-")
    pipe = "prikaz%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for src in files:
            # A copy is opened, so no lock file of an earlier run can stop the load.
            copy = os.path.join(profile, os.path.basename(src))
            shutil.copyfile(src, copy)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(copy)), "_blank", 0,
                                               (prop("Hidden", True),))
            if doc is None:
                sys.exit("LibreOffice did not open %s" % src)
            before = count(doc)
            frame = doc.getCurrentController().getFrame()
            if action == "accept":
                dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
            elif action == "reject":
                dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
            elif action != "none":
                sys.exit("unknown action %r" % action)
            print("== %s revisions=%d left=%d" % (os.path.basename(src), before, count(doc)))
            if os.environ.get("PRIKAZ_UNO_PDF"):
                # The result as pages too, to look at: PRIKAZ_UNO_PDF is a folder.
                pdf = os.path.join(os.environ["PRIKAZ_UNO_PDF"], "%s-%s.pdf" % (os.path.splitext(os.path.basename(src))[0], action))
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(pdf)), (prop("FilterName", "writer_pdf_Export"),))
            for text in texts(doc):
                print(text)
            doc.close(True)
    finally:
        office.terminate()
        office.wait(timeout=60)


def count(doc):
    e = doc.Redlines.createEnumeration()
    n = 0
    while e.hasMoreElements():
        e.nextElement()
        n += 1
    return n


def texts(doc):
    """The body's paragraphs in order, each table's cell paragraphs where the table stands."""
    e = doc.Text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            yield label(p) + p.String
        elif p.supportsService("com.sun.star.text.TextTable"):
            for name in p.CellNames:
                yield from paragraphs(p.getCellByName(name))


def label(para):
    try:
        return para.ListLabelString or ""
    except Exception:
        return ""


def paragraphs(text):
    e = text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            yield label(p) + p.String
        elif p.supportsService("com.sun.star.text.TextTable"):
            for name in p.CellNames:
                yield from paragraphs(p.getCellByName(name))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
