"""Writes an order as a clerk types it in Word (python-docx): the бланк as a two-cell
layout table (the organisation, its address and phone with Shift+Enter, on the left; the
right cell empty or holding an addressee), «ПРИКАЗ», the date and № on one line with tabs,
typed «1.» points, a signature line with tabs, an acquaintance list of «_____ Фамилия И.О.»
lines (with a tab, with spaces, with a date blank), and a plan with typed «1.1» numbers.

Usage: python3 hand_order.py OUT.docx [ADDRESSEE]
"""
import sys

import docx


def main(out, addressee):
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    left = t.cell(0, 0).paragraphs[0]
    for i, line in enumerate([
        "Муниципальное бюджетное общеобразовательное учреждение",
        "«Средняя школа № 5»",
        "156000, г. Кострома, ул. Ленина, д. 10",
        "тел. 8 (4942) 31-22-33",
    ]):
        run = left.add_run(line)
        if i < 3:
            run.add_break()
    t.cell(0, 1).text = addressee
    d.add_paragraph("ПРИКАЗ")
    d.add_paragraph("30.08.2024\t\t\t\t\t№ 98-о")
    d.add_paragraph("Об утверждении плана мероприятий по наставничеству")
    d.add_paragraph("В целях реализации целевой модели наставничества")
    d.add_paragraph("ПРИКАЗЫВАЮ:")
    d.add_paragraph("1. Утвердить план мероприятий (приложение).")
    d.add_paragraph("2. Контроль оставляю за собой.")
    d.add_paragraph("Директор\t\t\t\t\tИ.И. Петров")
    d.add_paragraph("С приказом ознакомлены:")
    d.add_paragraph("_____________ Смирнова Е.А.")
    d.add_paragraph("_____________\tКузнецов П.В.")
    d.add_paragraph("Орлова Т.М. ____________ «___» ________ 2024 г.")
    d.add_paragraph("учитель ____________ Белова Н.С.")
    d.add_page_break()
    d.add_paragraph("Приложение к приказу от 30.08.2024 № 98-о")
    d.add_paragraph("План мероприятий")
    t = d.add_table(rows=4, cols=4)
    for i, h in enumerate(["№", "Мероприятие", "Срок", "Ответственный"]):
        t.cell(0, i).text = h
    rows = [["1.1", "Совещание наставников", "Сентябрь 2024", "Петров И.И."],
            ["1.2", "Семинар для молодых педагогов", "Октябрь 2024", "Смирнова Е.А."],
            ["1.3", "Отчёт о работе", "Май 2025", "Кузнецов П.В."]]
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
