"""Drives the editor of `prikaz serve` in headless Chromium (Debian's chromium and
chromedriver, through selenium), as a methodist would: the opened file's preview, a new
title typed in the form, rows added in the plan's grid, a wrong date with its message
under the field, the downloads, saving, and a conflicting save.
Writes a screenshot of each state.

Usage: editor.py URL FILE OUT_DIR   (FILE: the file the server opened)
Exit status 0 when every step holds; the failing step is printed otherwise.
"""
import json
import os
import sys

import browser
from browser import chromium, wait_or_stop
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

url, opened, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
# A rerun starts with no downloads: the counts below are of this run's files.
downloads = browser.empty_folder(os.path.join(out, "downloads"))

driver = chromium(downloads)


def wait(what, check, seconds=30):
    return wait_or_stop(driver, what, check, os.path.join(out, "failed.png"), seconds)


def status():
    return driver.find_element(By.ID, "status").text


def pages():
    return browser.pages(driver)


def first_page_text():
    return driver.execute_script("return document.getElementById('pages').dataset.firstPageText || ''")


def generation():
    return int(driver.execute_script("return +(document.body.dataset.generation || 0)"))


def alert():
    try:
        return driver.switch_to.alert
    except NoAlertPresentException:
        return None


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

    # Fields left empty whose printed value comes from elsewhere show it: the mark's issuer
    # (the бланк's short name), the automatic acquaintance label.
    def placeholder(path):
        return driver.execute_script(
            "const c = document.querySelector(`[data-path=\"${arguments[0]}\"]`); return c ? c.placeholder : null", path)
    wait("контекст документа", lambda: driver.execute_script("return +(document.body.dataset.contextGeneration || 0)"))
    # The mark's rarely used fields are folded («Дополнительно»): opened as a user would.
    # The rarely used fields are folded («Дополнительно»): every fold opened, as a curious
    # user would (nested folds appear as their parents open).
    for _ in range(4):
        driver.execute_script("for (const d of document.querySelectorAll('#form details')) d.open = true;")
    wait("напечатанное в пустых полях", lambda: "МКУ ДПО" in (placeholder("appendices.0.mark.issuer") or ""))
    wait("надпись листа ознакомления", lambda: "С приказом ознакомлена:" in (placeholder("order.body.acquaintance.label") or ""))

    # A new title typed in the form: the preview's first page shows it.
    g = generation()
    title = driver.find_element(By.CSS_SELECTOR, 'textarea[data-path="order.title"]')
    title.click()
    driver.execute_script("arguments[0].setSelectionRange(0, 0)", title)
    title.send_keys("Новое: ")
    wait("новый заголовок в предпросмотре", lambda: generation() > g and "Новое:" in first_page_text())
    driver.save_screenshot(os.path.join(out, "2-title.png"))

    # Rows added in the plan's grid: more pages.
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="grid"]').click()
    wait("таблица плана", lambda: driver.find_elements(By.CSS_SELECTOR, "#grid table.pg tbody tr"))
    g = generation()
    for _ in range(30):
        driver.find_element(By.ID, "add-row").click()
    wait("новые строки в документе", lambda: text().count("Новое мероприятие") == 30)
    # The grid shows them.
    wait("новые строки в таблице", lambda: driver.execute_script(
        "return [...document.querySelectorAll('#grid tbody td')]"
        ".filter((c) => c.textContent === 'Новое мероприятие').length") == 30)
    wait("больше страниц", lambda: generation() > g and pages() > start_pages)
    grown = pages()
    driver.save_screenshot(os.path.join(out, "3-rows.png"))

    # A wrong date in the form: the Russian message stands under the date field.
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="form"]').click()
    date = driver.find_element(By.CSS_SELECTOR, 'input[data-path="order.date"]')
    good = text()
    date.clear()
    date.send_keys("2023-02-30")
    message = wait(
        "сообщение под полем даты",
        lambda: (lambda m: m.text if "несуществующая дата" in m.text else None)(
            driver.find_element(By.CSS_SELECTOR, '.field-msg[data-for="order.date"]')),
    )
    assert "invalid" in date.get_attribute("class"), "the field is marked"
    # In the form the list names the field as the form labels it, not by its JSON path.
    listed = driver.find_element(By.CSS_SELECTOR, "#messages li.error").text
    assert "Дата" in listed and "order.date" not in listed, listed
    driver.save_screenshot(os.path.join(out, "4-error.png"))

    # In the form the message in the list leads to its field; on the JSON tab, to its line.
    driver.find_element(By.CSS_SELECTOR, "#messages li.error").click()
    focused = driver.execute_script("return document.activeElement.dataset.path")
    assert focused == "order.date", f"the message leads to the field, not to {focused}"
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="json"]').click()
    listed = driver.find_element(By.CSS_SELECTOR, "#messages li.error").text
    assert "order.date" in listed and "строка" in listed, listed
    driver.find_element(By.CSS_SELECTOR, "#messages li.error").click()
    line = driver.execute_script(
        "const t = document.getElementById('text'); return t.value.slice(0, t.selectionStart).split('\\n').length")
    assert '"2023-02-30"' in text().split("\n")[line - 1], f"the message leads to line {line}"
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="form"]').click()
    date = driver.find_element(By.CSS_SELECTOR, 'input[data-path="order.date"]')
    g = generation()
    date.clear()
    date.send_keys("2023-08-28")
    wait("предпросмотр после исправления", lambda: generation() > g and pages() == grown)
    good = text()

    # The downloads.
    # One click at a time, as a person clicks: Chromium holds back a second download that
    # a page starts while the first is still on its way (the «multiple downloads» prompt).
    done = lambda: [f for f in os.listdir(downloads) if not f.endswith(".crdownload") and not f.startswith(".")]
    for n, button in enumerate(["dl-docx", "dl-pdf", "dl-json"], start=1):
        driver.find_element(By.ID, button).click()
        wait(f"скачан файл {n} ({button})", lambda: len(done()) == n)

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

    # Unsaved work and a reload: the browser asks first, then the draft is offered back.
    title = driver.find_element(By.CSS_SELECTOR, 'textarea[data-path="order.title"]')
    title.click()
    title.send_keys(" НЕСОХРАНЁННОЕ")
    wait("правка в тексте", lambda: "НЕСОХРАНЁННОЕ" in text())
    driver.refresh()
    leave = alert()
    if leave:
        leave.accept()
    wait("предложение восстановить черновик", lambda: driver.find_element(By.ID, "draft-bar").is_displayed())
    assert "НЕСОХРАНЁННОЕ" not in text(), "the file is shown as it is on disk until the user decides"
    driver.save_screenshot(os.path.join(out, "6-draft.png"))
    driver.find_element(By.ID, "draft-restore").click()
    wait("черновик восстановлен", lambda: "НЕСОХРАНЁННОЕ" in text())

    # A sample chosen over the opened file (after the question) is a new document: saving
    # it never writes it over the opened file.
    on_disk = open(opened, encoding="utf-8").read()
    Select(driver.find_element(By.ID, "new")).select_by_value("kindergarten")
    wait("вопрос перед заменой документа", alert).accept()
    wait("образец открыт", lambda: "Солнышко" in text())
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
    # Its logo is found although the opened file's folder has none (the page says scratch=1).
    wait("предпросмотр образца с логотипом", lambda: "Солнышко" in first_page_text())
    assert open(opened, encoding="utf-8").read() == on_disk, "the opened file is not overwritten by a sample"
    assert driver.find_element(By.ID, "name").text == "Новый документ"
    print(json.dumps({"pages": [start_pages, grown], "downloads": sorted(os.listdir(downloads))}, ensure_ascii=False))
finally:
    driver.quit()
