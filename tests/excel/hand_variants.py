"""Writes fifteen orders and plans as clerks type them in Word (python-docx), each in another
way: the бланк as paragraphs or as a table, the date line centred, pushed apart by tabs,
in a table or typed over blanks, points typed «1.» or «1)» or as Word lists, the
signature with tabs or in a table, грифы in a table, a text box, the executor's line, a
note under the plan, two appendices, the date and the number on lines of
their own, a гриф typed as paragraphs, a РАСПОРЯЖЕНИЕ signed with underscores and
acquainted in a table, a бланк cell holding the kind, a plan alone under a mark. The import test asserts that every word of each
reaches the result or the summary.

Usage: python3 hand_variants.py OUT_DIR   (writes v01.docx … v15.docx)
"""
import os
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

BLANK = [
    "Управление образования Администрации города Энска",
    "Муниципальное бюджетное общеобразовательное учреждение",
    "«Гимназия № 3»",
    "ул. Садовая, д. 7, г. Энск, 123456",
    "тел. 8 (800) 555-01-02, e-mail: gym3@example.ru",
]


def centred(d, text, bold=False):
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = bold
    return p


def order_head(d, date_line="от 02.09.2024 № 101-о", title_bold=False):
    for line in BLANK:
        centred(d, line, bold=not line[0].isdigit() and not line.startswith(("ул.", "тел.")))
    centred(d, "ПРИКАЗ", bold=True)
    if date_line:
        centred(d, date_line)
    p = d.add_paragraph()
    p.add_run("Об организации наставничества в 2024/2025 учебном году").bold = title_bold


def typed_points(d, marker="."):
    d.add_paragraph("В соответствии с распоряжением Министерства просвещения о внедрении целевой модели")
    d.add_paragraph("ПРИКАЗЫВАЮ:")
    d.add_paragraph(f"1{marker} Назначить куратором наставничества Волкову Ирину Петровну.")
    d.add_paragraph(f"2{marker} Утвердить дорожную карту (приложение).")
    d.add_paragraph(f"3{marker} Контроль исполнения приказа оставляю за собой.")


def signature(d):
    d.add_paragraph("Директор гимназии\t\t\t\t\tА.С. Гончаров")


def acquaintance(d, names=("Волкова И.П.", "Сорокин Д.Л.")):
    d.add_paragraph("С приказом ознакомлены:")
    for n in names:
        d.add_paragraph(f"____________\t{n}")


def plan(d, mark=True, numbers=("1.1", "1.2", "2.1"), note=None):
    if mark:
        d.add_page_break()
        p = d.add_paragraph("Приложение к приказу от 02.09.2024 № 101-о")
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    centred(d, "Дорожная карта по внедрению наставничества", bold=True)
    t = d.add_table(rows=6, cols=4)
    t.style = "Table Grid"
    for i, h in enumerate(["№ п/п", "Мероприятие", "Срок исполнения", "Ответственный"]):
        t.cell(0, i).text = h
    rows = [
        ("Раздел 1. Нормативное обеспечение",),
        (numbers[0], "Разработка положения о наставничестве", "до 20.09.2024", "Волкова И.П."),
        (numbers[1], "Издание приказа о закреплении пар", "Октябрь 2024 г.", "Гончаров А.С."),
        ("Раздел 2. Методическое сопровождение",),
        (numbers[2], "Семинар для молодых педагогов", "Ноябрь 2024 г.", "Сорокин Д.Л."),
    ]
    for r, row in enumerate(rows, start=1):
        if len(row) == 1:
            merged = t.cell(r, 0).merge(t.cell(r, 3))
            merged.text = row[0]
        else:
            for c, v in enumerate(row):
                t.cell(r, c).text = v
    if note:
        d.add_paragraph(note)


def text_box(paragraph, text):
    """A VML text box (as Word writes for old readers) anchored in the paragraph."""
    run = paragraph.add_run()
    run._r.append(parse_xml(
        f'<w:pict {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><v:shape style="width:150pt;height:40pt"><v:textbox>'
        f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
        f'</v:textbox></v:shape></w:pict>'))


def v01(d):
    """Everything as paragraphs, a bold title, typed «1.» points."""
    order_head(d, title_bold=True)
    typed_points(d)
    signature(d)
    acquaintance(d)
    plan(d)


def v02(d):
    """The бланк, the date line and the signature in layout tables."""
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "\n".join(BLANK[1:4])
    t.cell(0, 1).text = "Начальнику управления образования"
    centred(d, "ПРИКАЗ", bold=True)
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "02.09.2024"
    t.cell(0, 1).text = "№ 101-о"
    d.add_paragraph("Об организации наставничества в 2024/2025 учебном году")
    typed_points(d)
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Директор гимназии"
    t.cell(0, 1).text = "А.С. Гончаров"
    acquaintance(d)
    plan(d)


def v03(d):
    """A draft: the date and the number typed over blanks."""
    order_head(d, date_line="от «___» __________ 20__ г.\t\t\t№ ______")
    typed_points(d)
    signature(d)
    plan(d)


def v04(d):
    """Points as a Word list, sub-points typed «2.1.» under it."""
    order_head(d)
    d.add_paragraph("В целях повышения профессионального мастерства педагогов")
    d.add_paragraph("ПРИКАЗЫВАЮ:")
    d.add_paragraph("Назначить куратором наставничества Волкову Ирину Петровну.", style="List Number")
    d.add_paragraph("Утвердить:", style="List Number")
    d.add_paragraph("2.1. дорожную карту (приложение);")
    d.add_paragraph("2.2. состав наставнических пар.")
    d.add_paragraph("Контроль исполнения приказа оставляю за собой.", style="List Number")
    signature(d)
    plan(d)


def v05(d):
    """Points typed «1)», the decree word at the end of the preamble."""
    order_head(d, date_line="02.09.2024\t\t\t\t\t№ 101-о")
    d.add_paragraph("В соответствии с распоряжением Министерства просвещения, приказываю:")
    for i, t in enumerate(["Назначить куратором Волкову Ирину Петровну.", "Утвердить дорожную карту (приложение).",
                           "Контроль оставляю за собой."], start=1):
        d.add_paragraph(f"{i}) {t}")
    signature(d)
    acquaintance(d, ("Волкова И.П.",))
    plan(d)


def v06(d):
    """A plan without an order: грифы in a table, sections merged across, typed numbers."""
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "СОГЛАСОВАНО\nПредседатель профкома\n________ Н.В. Лебедева\n30.08.2024"
    t.cell(0, 1).text = "УТВЕРЖДАЮ\nДиректор гимназии\n________ А.С. Гончаров\nПриказ от 02.09.2024 № 101-о"
    plan(d, mark=False, numbers=("1.1.", "1.2.", "2.1."))


def v07(d):
    """A text box beside the title («ПРОЕКТ»), as a draft is marked."""
    order_head(d)
    text_box(d.paragraphs[-1], "ПРОЕКТ для обсуждения на совещании")
    typed_points(d)
    signature(d)
    plan(d)


def v08(d):
    """The executor's line under the signature."""
    order_head(d)
    typed_points(d)
    signature(d)
    d.add_paragraph("Исп.: Волкова И.П., тел. 8 (800) 555-01-03")
    acquaintance(d)
    plan(d)


def v09(d):
    """A note under the plan's table."""
    order_head(d)
    typed_points(d)
    signature(d)
    plan(d, note="* Сроки мероприятий уточняются по согласованию с методическим советом.")


def v10(d):
    """Two appendices: a numbered list and the plan."""
    order_head(d)
    typed_points(d)
    signature(d)
    d.add_page_break()
    p = d.add_paragraph("Приложение 1 к приказу от 02.09.2024 № 101-о")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    centred(d, "Состав наставнических пар", bold=True)
    d.add_paragraph("1. Волкова И.П. — Сорокин Д.Л.")
    d.add_paragraph("2. Лебедева Н.В. — Орлов К.М.")
    d.add_page_break()
    p = d.add_paragraph("Приложение 2 к приказу от 02.09.2024 № 101-о")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    plan(d, mark=False)


def v11(d):
    """The date and the number on lines of their own; a гриф typed as paragraphs."""
    for line in BLANK:
        centred(d, line)
    centred(d, "ПРИКАЗ", bold=True)
    centred(d, "02.09.2024")
    centred(d, "№ 101-о")
    d.add_paragraph("Об организации наставничества в 2024/2025 учебном году")
    typed_points(d)
    signature(d)
    d.add_page_break()
    for t in ["УТВЕРЖДАЮ", "Директор гимназии", "__________ А.С. Гончаров", "«___» __________ 2024 г."]:
        d.add_paragraph(t).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    plan(d, mark=False)


def v12(d):
    """A kindergarten's РАСПОРЯЖЕНИЕ: the signature typed with underscores, dashes for
    points, «п р и к а з ы в а ю» spaced out, a line under a point, the note of what is
    attached, an acquaintance table, text in the header."""
    d.sections[0].header.paragraphs[0].text = "МБДОУ «Детский сад № 5» — для служебного пользования"
    centred(d, "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5»")
    centred(d, "РАСПОРЯЖЕНИЕ", bold=True)
    d.add_paragraph("02.09.2024\t\t\t\t\t№ 12")
    d.add_paragraph("О безопасности дорожного движения")
    d.add_paragraph("В целях профилактики детского дорожно-транспортного травматизма")
    d.add_paragraph("п р и к а з ы в а ю:")
    d.add_paragraph("- провести с воспитанниками беседы по правилам дорожного движения;")
    d.add_paragraph("Ответственный: старший воспитатель Кузнецова Е.В.")
    d.add_paragraph("- информировать родителей о безопасности на дорогах.")
    d.add_paragraph("Приложение: на 2 л. в 1 экз.")
    d.add_paragraph("Заведующий МБДОУ д/с № 5 ____________ О.В. Иванова")
    d.add_paragraph("С распоряжением ознакомлены:")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["ФИО", "Подпись", "Дата"], ["Кузнецова Е.В.", "", ""], ["Смирнова А.П.", "", ""]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v


def v13(d):
    """A corner бланк as a table whose left cell holds the kind and the requisites too;
    the points typed «1.» with no decree word; the list appendix kept as a table."""
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "АДМИНИСТРАЦИЯ ГОРОДА ЭНСКА\nУПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nПРИКАЗ\n12.09.2024 № 245\nг. Энск"
    d.add_paragraph("О создании рабочей группы")
    d.add_paragraph("1. Создать рабочую группу и утвердить её состав (приложение).")
    d.add_paragraph("2. Контроль за исполнением приказа оставляю за собой.")
    d.add_paragraph("Начальник управления\t\t\t\tГ.П. Соболев")
    d.add_page_break()
    p = d.add_paragraph("Приложение к приказу Управления образования от 12.09.2024 № 245")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    centred(d, "Состав рабочей группы", bold=True)
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["№", "Фамилия, имя, отчество", "Должность"], ["1.", "Соболев Г.П.", "начальник управления"],
                             ["2.", "Лебедева Н.В.", "методист"]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v


def v14(d):
    """A plan alone, approved by a mark typed flush left over four lines, signed under
    its table."""
    for t in ["УТВЕРЖДЕНО", "приказом директора", "МБОУ «Лицей № 2»", "от 29.08.2024 № 156"]:
        d.add_paragraph(t)
    plan(d, mark=False)
    d.add_paragraph("Заместитель директора по ВР\t\t\t\tК.С. Орлов")


def v15(d):
    """«ПРИКАЗ» with «по основной деятельности» under it, the date with a two-digit year."""
    for line in BLANK:
        centred(d, line)
    centred(d, "ПРИКАЗ", bold=True)
    centred(d, "по основной деятельности")
    d.add_paragraph("02.09.24\t\t\t\t\t№ 5")
    d.add_paragraph("Об организации наставничества в 2024/2025 учебном году")
    typed_points(d)
    signature(d)


VARIANTS = [v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14, v15]


def main(out):
    os.makedirs(out, exist_ok=True)
    for i, make in enumerate(VARIANTS, start=1):
        d = docx.Document()
        make(d)
        d.save(os.path.join(out, f"v{i:02d}.docx"))


if __name__ == "__main__":
    main(sys.argv[1])
