"""What two DOCX readers no one here wrote see in a file: mammoth's HTML (headings, lists)
and python-docx's style of every paragraph, body and table cells.

Usage: python3 structure.py FILE.docx
Prints one line: «h1 h2 ol ul paragraphs unnamed» — mammoth's counts of <h1>, <h2>, <ol>,
<ul>, then python-docx's count of paragraphs and of those whose style has no name.
"""
import re
import sys

import docx
import mammoth


def main(path):
    with open(path, "rb") as f:
        html = mammoth.convert_to_html(f).value
    counts = [len(re.findall("<%s[ >]" % tag, html)) for tag in ("h1", "h2", "ol", "ul")]
    d = docx.Document(path)
    paragraphs = list(d.paragraphs)
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    unnamed = sum(1 for p in paragraphs if p.style is None or not p.style.name)
    print(*counts, len(paragraphs), unnamed)


if __name__ == "__main__":
    main(sys.argv[1])
