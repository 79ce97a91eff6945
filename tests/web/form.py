"""Checks the «Реквизиты» form of `prikaz serve` in headless Chromium (Debian's chromium
and chromedriver, through selenium): every value of every built-in sample (and of the other
files in samples/) is shown by a form control, visible and labelled; a point's addressee is shown and can be removed, and
the preview follows; server messages stand under their fields in the form's words.
Writes screenshots (form.png: the «order» sample's form).

Usage: form.py URL OUT_DIR   (URL as `prikaz serve` printed it, started without a file)
Exit status 0 when every step holds; the failing step is printed otherwise.
"""
import json
import os
import re
import statistics
import sys

from browser import chromium, poll
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

# Values of a document the form does not show, and why.
ELSEWHERE = [
    (r"^\$schema$", "адрес схемы — для редакторов JSON; в документ не печатается"),
    (r"^appendices\.\d+\.table\.(items|sections)(\.|$)", "строки плана правит вкладка «План», форма ведёт туда"),
]
# Groups folded by default even when they hold values (their summary says how many).
FOLDED = [r"^style(\.|$)"]

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "..", "samples")

url, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
if os.path.exists(os.path.join(out, "failed.png")):
    os.remove(os.path.join(out, "failed.png"))  # from an earlier run

driver = chromium()
driver.set_script_timeout(30)
step = "запуск"


class Failed(Exception):
    pass


def check(ok, what):
    if not ok:
        raise Failed(what)


def wait(what, test, seconds=30):
    value = poll(test, seconds)
    if not value:
        raise Failed(f"не дождались: {what}")
    return value


def js(script, *args):
    return driver.execute_script(script, *args)


def api(path):
    """GET through the page, with the run's token."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {headers: {authorization: 'Bearer ' + (sessionStorage.getItem('prikaz-token') || '')}})"
        ".then((r) => r.text()).then(done, (e) => done('ERROR ' + e));",
        path,
    )


def set_text(text):
    # As typing does: the value changes and an input event follows.
    js("const t = document.getElementById('text'); t.value = arguments[0];"
       "t.dispatchEvent(new Event('input', {bubbles: true}));", text)


def text():
    return js("return document.getElementById('text').value")


def form_tab():
    driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="form"]').click()
    wait("форма построена", lambda: js("return document.querySelectorAll('#form [data-path]').length") > 0)


def generation():
    return int(js("return +(document.body.dataset.generation || 0)"))


def first_page_text():
    return js("return document.getElementById('pages').dataset.firstPageText || ''")


def squash(s):
    """Text without spaces and hyphens: the PDF's lines and hyphenation do not matter."""
    return re.sub(r"[\s\u00ad\u2010\u2011-]", "", s)


def control(path):
    found = driver.find_elements(By.CSS_SELECTOR, f'#form [data-path="{path}"]')
    check(found, f"нет поля {path}")
    return found[0]


def retype(element, value):
    element.click()
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(value)


def field_message(path):
    return js("const m = document.querySelector(`#form .field-msg[data-for='${arguments[0]}']`);"
              "return m ? m.textContent : null", path)


def leaves(value, path=()):
    """(path, value) of every string, number and boolean; lists of strings as one leaf."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, path + (k,))
    elif isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            yield path, value
        else:
            for i, v in enumerate(value):
                yield from leaves(v, path + (str(i),))
    elif value is not None:
        yield path, value


CONTROLS_JS = """
return [...document.querySelectorAll('#form [data-path]')].map((e) => ({
  path: e.dataset.path, tag: e.tagName, type: e.type || '', value: e.value, checked: !!e.checked,
  join: e.dataset.join || '',
  folded: !!e.closest('details:not([open])'),
  labelled: !!(e.labels && [...e.labels].some((l) => l.textContent.trim() && l.getClientRects().length)),
}));
"""


def shows(c, leaf):
    if isinstance(leaf, bool):
        return c["type"] == "checkbox" and c["checked"] == leaf
    if isinstance(leaf, (int, float)):
        try:
            return float(c["value"].replace(",", ".")) == leaf
        except ValueError:
            return False
    return c["value"] == leaf


def check_sample(name, doc_text):
    set_text(doc_text)
    form_tab()
    controls = js(CONTROLS_JS)
    by_path = {}
    for c in controls:
        check(c["path"] not in by_path, f"{name}: два поля с путём {c['path']}")
        by_path[c["path"]] = c
    checked = 0
    for path, leaf in leaves(json.loads(doc_text)):
        p = ".".join(path)
        if any(re.search(rx, p) for rx, _ in ELSEWHERE):
            continue
        strings = leaf if isinstance(leaf, list) else None
        c = by_path.get(p)
        if strings is not None and c is None:
            # A list of strings shown item by item (people: each a name or a name by parts).
            for i, item in enumerate(strings):
                ci = by_path.get(f"{p}.{i}")
                check(ci is not None, f"{name}: значение {p}.{i} = {item!r} не показано ни одним полем формы")
                check(shows(ci, item), f"{name}: {p}.{i}: в поле {ci['value']!r}, а в документе {item!r}")
                check(ci["labelled"], f"{name}: у поля {p}.{i} нет видимой подписи")
                check(not ci["folded"], f"{name}: поле {p}.{i} со значением спрятано в свёрнутой группе")
            checked += len(strings)
            continue
        if c is None and not strings and path and path[-1].isdigit() and isinstance(leaf, str):
            # A string of a list shown as one text.
            parent = by_path.get(".".join(path[:-1]))
            if parent and parent["join"]:
                c, strings, leaf = parent, None, leaf
                parts = c["value"].split("\n\n" if c["join"] == "paragraphs" else "\n")
                check(parts[int(path[-1])] == leaf, f"{name}: {p}: в поле «{parts[int(path[-1])]}», а в документе «{leaf}»")
                checked += 1
                continue
        check(c is not None, f"{name}: значение {p} = {leaf!r} не показано ни одним полем формы")
        if strings is not None:
            check(c["join"], f"{name}: список {p} — не текст по строкам")
            parts = c["value"].split("\n\n" if c["join"] == "paragraphs" else "\n")
            check(parts == strings, f"{name}: {p}: в поле {parts!r}, а в документе {strings!r}")
            count = len(strings)
        else:
            check(shows(c, leaf), f"{name}: {p}: в поле {c['value']!r} (отмечено: {c['checked']}), а в документе {leaf!r}")
            count = 1
        check(c["labelled"], f"{name}: у поля {p} нет видимой подписи")
        if not any(re.search(rx, p) for rx in FOLDED):
            check(not c["folded"], f"{name}: поле {p} со значением спрятано в свёрнутой группе")
        checked += count
    return checked


try:
    driver.get(url)
    step = "стартовая страница"
    wait("стартовая страница (схема загружена)", lambda: js("return !document.getElementById('start').hidden"))
    samples = json.loads(api("/api/samples"))
    counts = {}
    order_text = None
    for s in samples:
        step = f"образец «{s['id']}»: все значения в форме"
        t = api(f"/api/samples/{s['id']}")
        if s["id"] == "order":
            order_text = t
        counts[s["id"]] = check_sample(s["id"], t)
        print(f"{s['id']}: проверено значений: {counts[s['id']]}")
    check(order_text, "нет образца «order»")
    # The other documents of samples/ too: more shapes of the same format.
    built_in = {json.dumps(json.loads(api(f"/api/samples/{s['id']}")), sort_keys=True) for s in samples}
    for file in sorted(os.listdir(SAMPLES)):
        if not file.endswith(".json") or file.endswith(".schema.json"):
            continue
        t = open(os.path.join(SAMPLES, file), encoding="utf-8").read()
        if json.dumps(json.loads(t), sort_keys=True) in built_in:
            continue
        step = f"файл samples/{file}: все значения в форме"
        counts[file] = check_sample(file, t)
        print(f"{file}: проверено значений: {counts[file]}")

    step = "большой документ: время построения формы"
    g = generation()
    set_text(open(os.path.join(SAMPLES, "large-200.json"), encoding="utf-8").read())
    # Timed once the preview is drawn: its rendering would share the processor.
    wait("предпросмотр большого документа", lambda: generation() > g, 60)
    times = []
    for _ in range(7):
        form_tab()
        times.append(float(js("return +document.getElementById('form').dataset.buildMs")))
    build_ms = statistics.median(times)
    print(f"large-200: форма строится за {build_ms:.1f} мс (медиана из 7)")
    # Printed, not asserted: timings belong to benchmarks (a loaded CI machine is slower).

    step = "«order»: форма и предпросмотр"
    g = generation()
    set_text(order_text)
    form_tab()
    wait("предпросмотр образца «order»", lambda: generation() > g and "Васильевой" in first_page_text())
    js("document.getElementById('tab-form').scrollTop = 0")
    driver.save_screenshot(os.path.join(out, "form.png"))

    step = "«order»: пункт 2 перепечатан — адресат остаётся в предпросмотре"
    base = "order.body.points.1"
    dative = control(f"{base}.addressee.person.cases.dative").get_attribute("value")
    position = control(f"{base}.addressee.position_dative").get_attribute("value")
    check(dative and position, "адресат пункта 2 не показан")
    check(Select(driver.find_element(By.CSS_SELECTOR, f'#form select[data-variant="{base}.addressee"]'))
          .first_selected_option.text == "Должностное лицо", "вид адресата не «Должностное лицо»")
    new = "опубликовать План на сайте Центра."
    g = generation()
    point = control(f"{base}.text")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", point)
    retype(point, new)
    check(json.loads(text())["order"]["body"]["points"][1]["text"] == new, "текст пункта 2 не записан в документ")
    expected = squash(f"{dative}, {position}, {new}")
    wait("адресат и новый текст пункта 2 в предпросмотре",
         lambda: generation() > g and expected in squash(first_page_text()))
    driver.save_screenshot(os.path.join(out, "point-2.png"))

    step = "«order»: адресат удалён в форме — и из предпросмотра"
    g = generation()
    Select(driver.find_element(By.CSS_SELECTOR, f'#form select[data-variant="{base}.addressee"]')).select_by_value("")
    check("addressee" not in json.loads(text())["order"]["body"]["points"][1], "адресат остался в документе")
    check(not driver.find_elements(By.CSS_SELECTOR, f'#form [data-path^="{base}.addressee."]'), "поля адресата остались")
    check(js("return document.activeElement.dataset.variant") == f"{base}.addressee",
          "после перестройки формы фокус не вернулся на список вида адресата")
    wait("предпросмотр без адресата", lambda: generation() > g and squash(new) in squash(first_page_text())
         and squash(dative) not in squash(first_page_text()) and squash(position) not in squash(first_page_text()))

    step = "«order»: новый ответственный — фокус в новом поле"
    driver.find_element(By.CSS_SELECTOR, '#form button[data-key="add:order.body.points.0.responsible"]').click()
    check(js("return document.activeElement.dataset.path") == "order.body.points.0.responsible.0",
          "фокус не в поле нового ответственного")
    driver.switch_to.active_element.send_keys("И.И. Иванов")
    check(json.loads(text())["order"]["body"]["points"][0]["responsible"] == ["И.И. Иванов"], "ответственный не записан")

    step = "неверная дата: сообщение под полем"
    date = control("order.date")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", date)
    retype(date, "2023-02-30")
    wait("сообщение под полем даты", lambda: "несуществующая дата" in (field_message("order.date") or ""))
    check("invalid" in control("order.date").get_attribute("class"), "поле даты не отмечено как ошибочное")
    driver.save_screenshot(os.path.join(out, "date-error.png"))
    retype(control("order.date"), "2023-08-28")
    wait("сообщение о дате ушло", lambda: not field_message("order.date"))

    step = "сообщение с ключом JSON — словами формы"
    doc = json.loads(text())
    del doc["order"]["title"]
    set_text(json.dumps(doc, ensure_ascii=False, indent=2))
    form_tab()
    message = wait("сообщение об отсутствующем заголовке",
                   lambda: (lambda m: m if m and "нет обязательного поля" in m else None)(field_message("order.title")))
    check("«Заголовок к тексту»" in message and "«title»" not in message, f"ключ не заменён подписью поля: {message}")
    check("invalid" in control("order.title").get_attribute("class"), "поле заголовка не отмечено как ошибочное")
    label = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "import('/static/form.js').then((f) => done(f.fieldLabel('order.body.points[2].responsible')), (e) => done(String(e)));")
    check(label == "Текст › Пункт 3 › Ответственные", f"fieldLabel: {label}")
    driver.save_screenshot(os.path.join(out, "key-message.png"))

    step = "логотип: загрузка картинки"
    set_text(order_text)
    form_tab()
    logo = driver.find_element(By.CSS_SELECTOR, '#form details[data-for="blank.logo"] > summary')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", logo)
    logo.click()
    wait("поле загрузки логотипа", lambda: driver.find_elements(By.CSS_SELECTOR, '#form input[data-upload="blank.logo.path"]'))
    driver.find_element(By.CSS_SELECTOR, '#form input[data-upload="blank.logo.path"]').send_keys(
        os.path.abspath(os.path.join(SAMPLES, "logo-sad.png")))
    path = wait("путь логотипа в документе", lambda: (json.loads(text()).get("blank", {}).get("logo") or {}).get("path"))
    check(control("blank.logo.path").get_attribute("value") == path, "поле пути логотипа не показывает загруженный файл")
    # The document with the stored picture renders (the server finds the file by that path).
    rendered = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/api/render?format=pdf', {method: 'POST', body: arguments[0],"
        " headers: {authorization: 'Bearer ' + (sessionStorage.getItem('prikaz-token') || '')}})"
        ".then(async (r) => done(r.ok ? 'ok' : await r.text()), (e) => done(String(e)));", text())
    check(rendered == "ok", f"документ с логотипом не собирается: {rendered}")
    driver.save_screenshot(os.path.join(out, "logo.png"))

    print(json.dumps({"проверено значений": counts, "large-200, мс": round(build_ms, 1)}, ensure_ascii=False))
except Exception as e:  # noqa: BLE001 — any failure names its step
    driver.save_screenshot(os.path.join(out, "failed.png"))
    why = str(e) if isinstance(e, Failed) else f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
    sys.exit(f"шаг «{step}» не выполнен: {why}")
finally:
    driver.quit()
