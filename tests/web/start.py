"""The start page of `prikaz serve` without a file, in headless Chromium, as a methodist
meets it: the samples to start from; a sample opened; the downloads named after the
document; a reload that brings the unsaved draft back; «Новый документ» over unsaved work
asking first; the undo buttons; screenshots of the start page.

Usage: start.py URL OUT_DIR   (URL as the server printed it, with the token)
Exit status 0 when every step holds; the failing step is printed otherwise.
"""
import json
import os
import shutil
import sys

from browser import chromium, wait_or_stop
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

url, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
downloads = os.path.join(out, "start-downloads")
shutil.rmtree(downloads, ignore_errors=True)
os.makedirs(downloads)

driver = chromium(downloads)


def wait(what, check, seconds=30):
    return wait_or_stop(driver, what, check, os.path.join(out, "start-failed.png"), seconds)


def js(script, *args):
    return driver.execute_script(script, *args)


def text():
    return js("return document.getElementById('text').value")


def generation():
    return int(js("return +(document.body.dataset.generation || 0)"))


def alert():
    try:
        return driver.switch_to.alert
    except NoAlertPresentException:
        return None


try:
    driver.get(url)
    # The address's token is taken in and removed from the address bar.
    wait("токен убран из адреса", lambda: "token=" not in driver.current_url)
    start = wait("стартовая страница", lambda: driver.find_element(By.ID, "start").is_displayed())
    samples = driver.find_elements(By.CSS_SELECTOR, "#start-samples button")
    assert len(samples) >= 5, f"образцов на стартовой странице: {len(samples)}"
    driver.save_screenshot(os.path.join(out, "start.png"))

    # A sample opened from the start page: the editor shows it and draws its pages.
    driver.find_element(By.CSS_SELECTOR, '#start-samples button[data-sample="order"]').click()
    wait("предпросмотр образца", lambda: generation() > 0)
    assert not driver.find_element(By.ID, "start").is_displayed()
    assert "Солнечногорск" in text()

    # Downloads are named after the document: kind, date, number.
    # Chromium writes into a hidden temporary file first, then renames it.
    done = lambda: [f for f in os.listdir(downloads) if not f.endswith(".crdownload") and not f.startswith(".")]
    driver.find_element(By.ID, "dl-docx").click()
    wait("скачан DOCX", lambda: len(done()) == 1)
    name = done()[0]
    assert name == "Приказ от 28.08.2023 № 15 а.docx", name

    # Unsaved work: a title typed in the form.
    g = generation()
    title = driver.find_element(By.CSS_SELECTOR, '[data-path="order.title"]')
    title.click()
    title.send_keys(" ЧЕРНОВИК-1")
    wait("правка в тексте", lambda: "ЧЕРНОВИК-1" in text())
    # Undo takes it back, redo brings it again (the buttons; the keys are in grid.py).
    driver.find_element(By.ID, "undo").click()
    wait("отмена", lambda: "ЧЕРНОВИК-1" not in text())
    driver.find_element(By.ID, "redo").click()
    wait("возврат", lambda: "ЧЕРНОВИК-1" in text())

    # «Новый документ» over unsaved work asks first; «Отмена» keeps everything.
    Select(driver.find_element(By.ID, "new")).select_by_value("kindergarten")
    question = wait("вопрос перед заменой документа", alert)
    assert "несохранённые" in question.text, question.text
    question.dismiss()
    assert "ЧЕРНОВИК-1" in text(), "the document is kept when the user says no"

    # A reload (the browser asks first: unsaved work), then the draft is offered back.
    driver.refresh()
    leave = alert()
    if leave:
        leave.accept()
    wait("стартовая страница после перезагрузки", lambda: driver.find_element(By.ID, "start").is_displayed())
    resume = wait("черновик на стартовой странице", lambda: driver.find_element(By.CSS_SELECTOR, "#start-draft button.draft"))
    assert "Приказ от 28.08.2023 № 15 а" in resume.text, resume.text
    wait("кнопка черновика видна", lambda: resume.is_displayed())
    driver.save_screenshot(os.path.join(out, "start-draft.png"))
    resume.click()
    wait("черновик восстановлен", lambda: "ЧЕРНОВИК-1" in text())
    wait("предпросмотр черновика", lambda: generation() > 0)

    # Saying yes replaces the document.
    Select(driver.find_element(By.ID, "new")).select_by_value("kindergarten")
    wait("вопрос перед заменой", alert).accept()
    wait("новый образец открыт", lambda: "ЧЕРНОВИК-1" not in text() and "Солнышко" in text())
    print(json.dumps({"download": name}, ensure_ascii=False))
finally:
    driver.quit()
