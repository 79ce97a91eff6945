"""Writes a roadmap order as a person makes it in Word, with python-docx: a бланк in plain
paragraphs, typed point numbers, a plan table with a two-level header, typed numbers,
section rows merged across the table, a merged «Ответственный» cell and typed dashes.

Usage: word_plan.py OUT.docx
"""
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

doc = Document()
for line in ["Управление образования администрации города Энска",
             "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 7»"]:
    doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
doc.add_paragraph("ПРИКАЗ").alignment = WD_ALIGN_PARAGRAPH.CENTER
doc.add_paragraph("02.09.2024 № 118").alignment = WD_ALIGN_PARAGRAPH.CENTER
doc.add_paragraph("Об утверждении плана работы по наставничеству на 2024–2025 учебный год")
doc.add_paragraph("В целях организации наставничества в школе")
doc.add_paragraph("ПРИКАЗЫВАЮ:")
doc.add_paragraph("1. Утвердить план работы по наставничеству (приложение).")
doc.add_paragraph("2. Контроль за исполнением приказа оставляю за собой.")
doc.add_paragraph("Директор\tА.Б. Смирнова")
doc.add_page_break()
for line in ["Приложение", "к приказу МБОУ «СШ № 7»", "от 02.09.2024 № 118"]:
    doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
doc.add_heading("План работы по наставничеству на 2024–2025 учебный год", level=1)

t = doc.add_table(rows=2, cols=5)
t.style = "Table Grid"
h0, h1 = t.rows[0].cells, t.rows[1].cells
h0[0].merge(h1[0]).text = "№ п/п"
h0[1].merge(h1[1]).text = "Мероприятие"
h0[2].merge(h0[3]).text = "Срок"
h1[2].text = "Начало"
h1[3].text = "Окончание"
h0[4].merge(h1[4]).text = "Ответственный"

def section(title):
    row = t.add_row().cells
    row[0].merge(row[4]).text = title

def activity(no, what, start, end, who):
    row = t.add_row().cells
    for c, v in zip(row, [no, what, start, end, who]):
        c.text = v
    return row

section("1. Организационная работа")
activity("1.1.", "Издание приказа о наставничестве", "До 02.09.2024", "02.09.2024", "Директор")
r = activity("1.2.", "Формирование пар наставник — наставляемый", "Сентябрь 2024 г.", "Октябрь 2024 г.", "")
r2 = activity("1.3.", "Совещание для наставников по темам:", "Октябрь 2024 г.", "Октябрь 2024 г.", "")
who = r[4].merge(r2[4])
who.text = "Заместитель директора по УВР"
cell = r2[1]
cell.add_paragraph("- планирование работы;")
cell.add_paragraph("- ведение документации.")
section("2. Методическая работа")
activity("2.1.", "Открытые уроки наставников", "В течение года", "", "Наставники")
activity("2.2.", "Итоговая конференция", "Ежегодно, май", "", "Заместитель директора по УВР")
for row in t.rows:
    for c, w in zip(row.cells, [1.5, 7, 3, 3, 4]):
        c.width = Cm(w)
doc.save(sys.argv[1])
