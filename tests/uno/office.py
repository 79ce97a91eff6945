"""What the UNO scripts share: LibreOffice started headless with a profile of its own,
documents opened from copies, and a document's paragraphs in reading order.
Needs LibreOffice and its Python bridge (Debian: python3-uno)."""
import contextlib
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


class Office:
    """A running LibreOffice: its component context and desktop."""

    def __init__(self, ctx, profile):
        self.ctx = ctx
        self.profile = profile
        self.desktop = self.service("com.sun.star.frame.Desktop")

    def service(self, name):
        return self.ctx.ServiceManager.createInstanceWithContext(name, self.ctx)

    def open(self, src):
        """Opens a copy of `src`, hidden: the file stays as it was, and no lock file of an
        earlier run (LibreOffice leaves one beside the file) can stop the load."""
        copy = os.path.join(self.profile, os.path.basename(src))
        shutil.copyfile(src, copy)
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(copy)), "_blank", 0,
                                                (prop("Hidden", True),))
        if doc is None:
            sys.exit("LibreOffice did not open %s" % src)
        return doc


@contextlib.contextmanager
def office():
    """LibreOffice for the duration of a `with` block."""
    profile = tempfile.mkdtemp(prefix="prikaz-uno-")
    pipe = "prikaz%d" % os.getpid()
    process = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit("LibreOffice did not start")
        yield Office(ctx, profile)
    finally:
        process.terminate()
        process.wait(timeout=60)


def paragraphs(text):
    """The paragraphs of a text in order, each table's cell paragraphs where it stands."""
    e = text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            yield p
        elif p.supportsService("com.sun.star.text.TextTable"):
            for name in p.CellNames:
                yield from paragraphs(p.getCellByName(name))


def label(para):
    """The list label LibreOffice draws before a paragraph («1.2.»), or ""."""
    try:
        return para.ListLabelString or ""
    except Exception:
        return ""
