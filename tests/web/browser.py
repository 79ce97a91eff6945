"""What the browser tests share: headless Chromium as the tests start it (Debian's
chromium and chromedriver, through selenium), and waiting for a condition on a page that
redraws itself."""
import os
import shutil
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service


def chromium(downloads=None):
    """Headless Chromium, 1400×900, Russian; downloads (if a folder is given) land there
    without asking."""
    options = webdriver.ChromeOptions()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900", "--lang=ru"]:
        options.add_argument(a)
    if downloads:
        options.add_experimental_option("prefs", {
            "download.default_directory": downloads,
            "download.prompt_for_download": False,
            "profile.default_content_setting_values.automatic_downloads": 1,
        })
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def poll(check, seconds, interval=0.05):
    """The first true value `check` returns within `seconds`, else None. An element the
    page redrew between finding and reading it is looked for again."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            value = check()
        except StaleElementReferenceException:
            value = None
        if value:
            return value
        time.sleep(interval)
    return None


def wait_or_stop(driver, what, check, screenshot, seconds=30):
    """The first true value of `check`, or the test stops: a screenshot of the page and the
    editor's status line, with what was waited for."""
    value = poll(check, seconds)
    if value:
        return value
    driver.save_screenshot(screenshot)
    status = driver.execute_script("const s = document.getElementById('status'); return s ? s.textContent : ''")
    sys.exit(f"не дождались: {what}; статус: {status}")


def pages(driver):
    """How many pages the editor's preview shows."""
    return int(driver.execute_script("return +(document.getElementById('pages').dataset.count || 0)"))


def empty_folder(path):
    """`path` as a new empty folder (downloads of an earlier run removed)."""
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path, exist_ok=True)
    return path
