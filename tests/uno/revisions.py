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
import sys

import uno

from office import label, office, paragraphs, prop


def main(action, files):
    with office() as lo:
        dispatcher = lo.service("com.sun.star.frame.DispatchHelper")
        for src in files:
            doc = lo.open(src)
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
            for p in paragraphs(doc.Text):
                print(label(p) + p.String)
            doc.close(True)


def count(doc):
    e = doc.Redlines.createEnumeration()
    n = 0
    while e.hasMoreElements():
        e.nextElement()
        n += 1
    return n


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
