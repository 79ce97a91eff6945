"""The department server in headless Chromium, as a school's deputy director uses it: the
login page (a wrong password first), the school's document list, a new document from a
sample, the order's title retyped with real keys and saved with Ctrl+S as version 2, the
versions page with version 1 marked signed, the changes since it, and logging out. A
screenshot of the login page, the list and the versions.

Usage: team.py URL LOGIN PASSWORD OUT_DIR
Exit status 0 when every step holds; the failing step is printed otherwise.
"""
import os
import sys

from browser import chromium, pages, wait_or_stop
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

url, login, password, out = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
os.makedirs(out, exist_ok=True)
driver = chromium()


def wait(what, check, seconds=30):
    return wait_or_stop(driver, what, check, os.path.join(out, "team-failed.png"), seconds)


def status():
    return driver.find_element(By.ID, "status").text


def rows():
    return [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#list tr")]


try:
    # Any page sends a browser without a session to the login page.
    driver.get(url + "/")
    wait("страница входа", lambda: driver.current_url.endswith("/login"))
    driver.find_element(By.ID, "login").send_keys(login, Keys.TAB, "не тот пароль", Keys.ENTER)
    wait("отказ при неверном пароле", lambda: "неверный логин или пароль" in status())
    driver.save_screenshot(os.path.join(out, "team-login.png"))
    field = driver.find_element(By.ID, "password")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(password, Keys.ENTER)
    wait("список документов", lambda: driver.current_url.rstrip("/") == url and rows() and "загружаю" not in rows()[0])
    listed = "\n".join(rows())
    if "Дорожная карта СОШ 2" in listed:
        sys.exit(f"в списке школы документ другой школы:\n{listed}")
    if "Шаблон" not in listed:
        sys.exit(f"в списке нет шаблона управления:\n{listed}")
    # A new document from a sample.
    driver.find_element(By.ID, "title").send_keys("Приказ о наставничестве")
    Select(driver.find_element(By.ID, "from")).select_by_value("order")
    driver.find_element(By.CSS_SELECTOR, "#new button[type=submit]").click()
    wait("редактор документа", lambda: "/documents/" in driver.current_url and pages(driver) > 0)
    doc = driver.current_url.rstrip("/").split("/")[-1]
    # The order's title retyped in the JSON with real keys, then Ctrl+S.
    driver.find_element(By.CSS_SELECTOR, "#tabs button[data-tab=json]").click()
    text = driver.find_element(By.ID, "text")
    start = driver.execute_script(
        "const t = document.getElementById('text'); const i = t.value.indexOf('\"title\": \"') + 10;"
        "t.focus(); t.setSelectionRange(i, t.value.indexOf('\"', i)); return i;")
    if start < 10:
        sys.exit("в документе нет заголовка приказа")
    text.send_keys("О наставничестве в 2026/2027 учебном году")
    driver.find_element(By.ID, "version-comment").send_keys("новый заголовок")
    text.click()
    text.send_keys(Keys.CONTROL, "s")
    # Saved as version 2 on the server (the status line may already show the next preview).
    wait("сохранено как версия 2", lambda: driver.execute_script(
        "const x = new XMLHttpRequest(); x.open('GET', `/api/documents/${arguments[0]}`, false); x.send();"
        "return JSON.parse(x.responseText).version", doc) == 2)
    # The versions: version 1 marked signed, then the changes since it.
    driver.find_element(By.LINK_TEXT, "Версии").click()
    wait("список версий", lambda: len(rows()) == 2)
    driver.find_elements(By.XPATH, "//button[text()='Отметить подписанной']")[-1].click()
    wait("версия 1 отмечена", lambda: "подписана" in rows()[-1])
    if "новый заголовок" not in rows()[0]:
        sys.exit(f"у версии 2 нет комментария: {rows()[0]}")
    driver.save_screenshot(os.path.join(out, "team-versions.png"))
    driver.find_element(By.ID, "changes").click()
    title = lambda: driver.find_element(By.ID, "changes-title").text
    wait("изменения с подписанной версией", lambda: "подписанной версией 1" in title())
    items = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#changes-list li")]
    if not any("О наставничестве в 2026/2027 учебном году" in i for i in items):
        sys.exit(f"в изменениях нет нового заголовка: {title()} {items}")
    # Back to the list: the document at version 2, signed at 1.
    driver.find_element(By.LINK_TEXT, "← Документы").click()
    wait("список с версией 2", lambda: any("Приказ о наставничестве" in r and "версия 1" in r for r in rows()))
    driver.save_screenshot(os.path.join(out, "team-documents.png"))
    driver.find_element(By.ID, "logout").click()
    wait("выход", lambda: driver.current_url.endswith("/login"))
    driver.get(url + f"/documents/{doc}")
    wait("после выхода документ не открывается", lambda: driver.current_url.endswith("/login"))
    print(doc)
finally:
    driver.quit()
