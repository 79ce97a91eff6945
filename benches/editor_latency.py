"""Keystroke → new preview drawn, in the editor of `prikaz serve`, over the built-in samples:
for each sample, 20 edits of the order's (or the plan's) title, each timed in the page from
the input event to the page in view redrawn by pdf.js (the 100 ms pause after typing included).
Prints the median and the 95th percentile, per sample and over all.

Usage: benches/editor.sh   (builds, starts the server, runs this)
       python3 benches/editor_latency.py URL
"""
import statistics
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

url = sys.argv[1]
options = webdriver.ChromeOptions()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"]:
    options.add_argument(a)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def generation():
    return int(driver.execute_script("return +(document.body.dataset.generation || 0)"))


def wait_generation(after):
    end = time.time() + 60
    while generation() <= after and time.time() < end:
        time.sleep(0.01)


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


driver.get(url)  # the address as printed, with the run's token; no file: the start page
time.sleep(0.5)
AUTH = "{headers: {authorization: 'Bearer ' + sessionStorage.getItem('prikaz-token')}}"
ids = driver.execute_async_script(
    f"const done = arguments[0]; fetch('/api/samples', {AUTH}).then(r => r.json()).then(l => done(l.map(s => s.id)))")
everything = []
for sid in ids:
    text = driver.execute_async_script(
        f"const done = arguments[1]; fetch('/api/samples/' + arguments[0], {AUTH}).then(r => r.text()).then(done)", sid)
    g = generation()
    driver.execute_script("const t = document.getElementById('text'); t.value = arguments[0]; t.dispatchEvent(new Event('input'))", text)
    wait_generation(g)
    times = []
    for k in range(20):
        g = generation()
        edited = text.replace('"title": "', f'"title": "{"Ж" * (k + 1)} ', 1)
        driver.execute_script("const t = document.getElementById('text'); t.value = arguments[0]; t.dispatchEvent(new Event('input'))", edited)
        wait_generation(g)
        times.append(int(driver.execute_script("return +document.body.dataset.sinceInputMs")))
    everything += times
    print(f"{sid:14} медиана {statistics.median(times):5.0f} мс   95-й процентиль {percentile(times, 95):5.0f} мс")
print(f"{'все образцы':14} медиана {statistics.median(everything):5.0f} мс   95-й процентиль {percentile(everything, 95):5.0f} мс")
driver.quit()
