"""Drives the editor of `prikaz serve` in headless Chromium (Debian's chromium and
chromedriver, through selenium), as a methodist would: the opened file's preview, a new
title, more rows in the plan, a wrong date, the downloads, saving, and a conflicting save.
Writes a screenshot of each state.

Usage: editor.py URL FILE OUT_DIR   (FILE: the file the server opened)
Exit status 0 when every step holds; the failing step is printed otherwise.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

url, opened, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
downloads = os.path.join(out, "downloads")
os.makedirs(downloads, exist_ok=True)

options = webdriver.ChromeOptions()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900", "--lang=ru"]:
    options.add_argument(a)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(what, check, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    driver.save_screenshot(os.path.join(out, "failed.png"))
    sys.exit(f"не дождались: {what}; статус: {status()}")


def status():
    return driver.find_element(By.ID, "status").text


def pages():
    return int(driver.execute_script("return +(document.getElementById('pages').dataset.count || 0)"))


def first_page_text():
    return driver.execute_script("return document.getElementById('pages').dataset.firstPageText || ''")


def generation():
    return int(driver.execute_script("return +(document.body.dataset.generation || 0)"))


def set_text(text):
    # As typing does: the value changes and an input event follows.
    driver.execute_script(
        "const t = document.getElementById('text'); t.value = arguments[0];"
        "t.dispatchEvent(new Event('input', {bubbles: true}));",
        text,
    )


def text():
    return driver.execute_script("return document.getElementById('text').value")


try:
    driver.get(url)
    wait("первый предпросмотр", lambda: pages() > 0)
    start_pages = pages()
    assert "Об утверждении Плана мероприятий" in first_page_text(), first_page_text()[:200]
    driver.save_screenshot(os.path.join(out, "1-opened.png"))

    # A new title: the preview's first page shows it.
    g = generation()
    set_text(text().replace("Об утверждении Плана мероприятий", "Об утверждении обновлённого Плана мероприятий", 1))
    wait("новый заголовок в предпросмотре", lambda: generation() > g and "обновлённого" in first_page_text())
    driver.save_screenshot(os.path.join(out, "2-title.png"))

    # Rows added to the plan: more pages.
    doc = json.loads(text())
    section = doc["appendices"][0]["table"]["sections"][0]
    for k in range(25):
        section["items"].append({"values": {
            "activity": f"Дополнительное мероприятие № {k + 1}: методический семинар для наставников и наставляемых",
            "deadline": {"deadline": {"month": "2024-03"}},
            "responsible": "МКУ ДПО «Учебно-методический Центр»",
        }})
    g = generation()
    set_text(json.dumps(doc, ensure_ascii=False, indent=2))
    wait("больше страниц", lambda: generation() > g and pages() > start_pages)
    grown = pages()
    driver.save_screenshot(os.path.join(out, "3-rows.png"))

    # A wrong date: a Russian message naming the field and its line.
    good = text()
    set_text(good.replace('"date": "2023-08-28"', '"date": "2023-02-30"', 1))
    message = wait(
        "сообщение о дате",
        lambda: next((li.text for li in driver.find_elements(By.CSS_SELECTOR, "#messages li.error")
                      if "несуществующая дата" in li.text), None),
    )
    assert "order.date" in message and "строка" in message, message
    driver.find_element(By.CSS_SELECTOR, "#messages li.error").click()
    line = driver.execute_script(
        "const t = document.getElementById('text'); return t.value.slice(0, t.selectionStart).split('\\n').length")
    assert '"2023-02-30"' in text().split("\n")[line - 1], f"the message leads to line {line}"
    driver.save_screenshot(os.path.join(out, "4-error.png"))

    # Back to the good text; the downloads.
    g = generation()
    set_text(good)
    wait("предпросмотр после исправления", lambda: generation() > g and pages() == grown)
    for button in ["dl-docx", "dl-pdf", "dl-json"]:
        driver.find_element(By.ID, button).click()
    wait("три файла скачаны", lambda: len([f for f in os.listdir(downloads) if not f.endswith(".crdownload")]) == 3)

    # Saving: the file on disk gets the text, the previous one is kept as .bak.
    before = open(opened, encoding="utf-8").read()
    driver.find_element(By.ID, "save").click()
    wait("сохранено", lambda: "Сохранено" in status())
    assert open(opened, encoding="utf-8").read() == good
    assert open(opened + ".bak", encoding="utf-8").read() == before

    # Another program changes the file: the next save is refused, nothing is lost.
    with open(opened, "a", encoding="utf-8") as f:
        f.write("\n")
    driver.find_element(By.ID, "save").click()
    wait("конфликт", lambda: "изменён в другой вкладке или программе" in status())
    assert open(opened, encoding="utf-8").read() == good + "\n"
    driver.save_screenshot(os.path.join(out, "5-conflict.png"))
    print(json.dumps({"pages": [start_pages, grown], "downloads": sorted(os.listdir(downloads))}, ensure_ascii=False))
finally:
    driver.quit()
