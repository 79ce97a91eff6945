"""Writes the sample school list (CSV) as a municipal methodologist keeps it in Excel: a
merged title row and an empty row above the header, a «№ п/п» column, the headers in her
own words, «Директор» merged over «ФИО» and «Телефон» (a two-level header), dates as real
dates.

Usage: python3 kept_list.py IN.csv OUT.xlsx
"""
import csv
import datetime
import sys

import openpyxl

# The sample's field → the methodologist's header (None: the field's column is left out).
WORDS = {
    "short_name": "Краткое наименование ОУ",
    "full_name": "Полное наименование ОУ:",
    "curator": "Куратор наставничества",
    "order_number": "№ приказа ОУ",
    "order_date": "Дата приказа ОУ",
    "address": "Юридический адрес",
    "drop": "Исключить мероприятия",
}


def main(src, out):
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    fields = rows[0]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ОУ"
    names = ["№ п/п"] + [WORDS[f] for f in fields if f != "director"] + ["Директор", None]
    sheet.append(["Список общеобразовательных организаций на 2023/2024 учебный год"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(names))
    sheet.append([])
    sheet.append(names)
    sheet.append([None] * (len(names) - 2) + ["ФИО", "Телефон"])
    # «Директор» over its two columns; every other header spans both header rows.
    sheet.merge_cells(start_row=3, start_column=len(names) - 1, end_row=3, end_column=len(names))
    for n, row in enumerate(rows[1:], start=1):
        record = dict(zip(fields, row))
        cells = [n]
        for f in fields:
            if f == "director":
                continue
            v = record[f]
            cells.append(datetime.date.fromisoformat(v) if f.endswith("_date") and v else v)
        cells += [record["director"], f"8 (863) 22-{n:02d}-00"]
        sheet.append(cells)
    book.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
