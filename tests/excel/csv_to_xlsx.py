"""Writes a CSV (UTF-8, «,») as an .xlsx with openpyxl, as a user's spreadsheet would hold
it: dates in date columns (*_date) as real Excel dates, the rest as text.

Usage: python3 csv_to_xlsx.py IN.csv OUT.xlsx
"""
import csv
import datetime
import sys

import openpyxl


def main(src, out):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Школы"
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    sheet.append(header)
    for row in rows[1:]:
        cells = []
        for name, value in zip(header, row):
            if name.endswith("_date") and value:
                cells.append(datetime.date.fromisoformat(value))
            else:
                cells.append(value)
        sheet.append(cells)
    for cell in sheet["F"][1:]:
        cell.number_format = "DD.MM.YYYY"
    book.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
