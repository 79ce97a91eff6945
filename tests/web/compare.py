"""«Сравнить…» in headless Chromium, as a deputy director would use it after signing:
the signed file chosen, the order's title retyped in the form and a row added in the plan's
grid; the change list beside the preview names both, follows each further edit, and the
amending order downloads and reads «О внесении изменений в приказ …».

Usage: compare.py URL SIGNED_FILE OUT_DIR
Exit status 0 when every step holds; the failing step is printed otherwise.
"""
import json
import os
import sys

import browser
from browser import chromium, wait_or_stop
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

url, signed, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
downloads = browser.empty_folder(os.path.join(out, "compare-downloads"))
driver = chromium(downloads)


def wait(what, check, seconds=30):
    return wait_or_stop(driver, what, check, os.path.join(out, "compare-failed.png"), seconds)


def changes():
    return [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#changes-list li")]


def pages():
    return browser.pages(driver)


try:
    driver.get(url)
    wait("первый предпросмотр", lambda: pages() > 0)
    # The signed version chosen through «Сравнить…» (its file input, as the dialog fills it).
    driver.find_element(By.ID, "compare-file").send_keys(signed)
    wait("сравнение без различий", lambda: "Различий с" in driver.find_element(By.ID, "changes-title").text)

    # The title retyped in the form: the list names the order's title, old and new.
    title = driver.find_element(By.CSS_SELECTOR, 'textarea[data-path="order.title"]')
    title.click()
    title.send_keys(Keys.CONTROL, Keys.END)
    title.send_keys(" (с изменениями)")
    wait("изменение заголовка в списке", lambda: any("заголовок" in c and "(с изменениями)" in c for c in changes()))

    # A row added in the grid, its text typed: one added row, said after the row it follows.
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="grid"]').click()
    wait("таблица плана", lambda: driver.find_elements(By.CSS_SELECTOR, "#grid table.pg tbody tr"))
    driver.find_element(By.ID, "add-row").click()
    # The grid adds it at the start of the first section: said so, not «в начало таблицы».
    wait("добавленная строка в списке",
         lambda: any("в начало раздела 1 добавлена строка" in c and "Новое мероприятие" in c for c in changes()))
    assert len(changes()) == 2, changes()
    driver.save_screenshot(os.path.join(out, "compare-1-changes.png"))

    # The amending order, with its own date and number.
    driver.find_element(By.ID, "amend-date").send_keys("01.10.2024")
    driver.find_element(By.ID, "amend-number").send_keys("120")
    driver.find_element(By.ID, "amend").click()
    done = lambda: [f for f in os.listdir(downloads) if f.endswith(".json")]
    wait("скачан приказ о внесении изменений", lambda: done())
    amend = json.load(open(os.path.join(downloads, done()[0]), encoding="utf-8"))
    assert amend["order"]["title"].startswith("О внесении изменений в приказ"), amend["order"]["title"]
    assert amend["order"]["number"] == "120" and amend["order"]["date"] == "2024-10-01", amend["order"]
    points = json.dumps(amend["order"]["body"]["points"], ensure_ascii=False)
    assert "в начале раздела 1 дополнить строкой 1" in points, points
    assert "наименование приказа изложить в следующей редакции" in points, points

    # The DOCX with the changes as Word revisions: the new title inserted, the new row too.
    driver.find_element(By.ID, "tracked").click()
    docx = lambda: [f for f in os.listdir(downloads) if f.endswith("-изменения.docx")]
    wait("скачан DOCX с исправлениями", lambda: docx())
    import zipfile
    xml = zipfile.ZipFile(os.path.join(downloads, docx()[0])).read("word/document.xml").decode("utf-8")
    # (Words may carry soft hyphens: the check looks at short ones.)
    assert "<w:ins " in xml and "Новое" in xml, "no revisions in the tracked DOCX"

    # Closing the comparison hides the list.
    driver.find_element(By.ID, "changes-close").click()
    wait("список закрыт", lambda: not driver.find_element(By.ID, "changes").is_displayed())
    print(json.dumps({"changes": 2, "amend": done()[0], "tracked": docx()[0]}, ensure_ascii=False))
finally:
    driver.quit()
