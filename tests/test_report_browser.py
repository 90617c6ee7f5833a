"""The report in a real browser: Debian's headless Chromium driven by selenium.

It fails (never skips) without Chromium: `make unit` installs it first, so a
missing browser is a broken set-up, not an optional feature.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from extract.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "raw" / "annuaire-2021.pdf"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1600",
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-out")
    assert main(["extract", str(SAMPLE), "--out", str(out), "--jobs", "1"]) == 0
    return out / "report.html"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not binary.is_file():
            pytest.fail(f"{binary} is missing: run `make browser` (apt chromium chromium-driver)")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(browser: WebDriver, report: Path) -> WebDriver:
    browser.get(report.as_uri())
    return browser


def _loaded(driver: WebDriver, image: WebElement) -> bool:
    return bool(
        driver.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth > 0", image
        )
    )


def _visible_records(driver: WebDriver) -> list[WebElement]:
    return [
        r
        for r in driver.find_elements(By.CSS_SELECTOR, "#laureates-2021 tbody.rec")
        if r.is_displayed()
    ]


def test_no_console_errors(page: WebDriver) -> None:
    severe = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []


def test_tier_mismatch_shows_both_printed_places(page: WebDriver) -> None:
    rows = [
        a
        for a in page.find_elements(By.CSS_SELECTOR, 'article.issue[data-kind="tier_mismatch"]')
        if "CCAS de Montpellier" in a.text
    ]
    assert len(rows) == 1
    images = rows[0].find_elements(By.TAG_NAME, "img")
    assert len(images) == 2
    assert all(_loaded(page, image) for image in images)
    assert [c.text for c in rows[0].find_elements(By.TAG_NAME, "figcaption")] == [
        "page 6",
        "page 7",
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    rows[0].screenshot(str(ARTIFACTS / "report-2021-tier-mismatch.png"))


def test_shared_crops_of_info_notes_load(page: WebDriver) -> None:
    page.find_element(By.CSS_SELECTOR, "details.infos > summary").click()
    images = page.find_elements(By.CSS_SELECTOR, "details.infos img")
    assert images and any(i.get_attribute("data-same") for i in images)
    assert all(_loaded(page, image) for image in images)


def test_search_filters_the_laureates(page: WebDriver) -> None:
    search = page.find_element(By.ID, "search-2021")
    assert len(_visible_records(page)) == 25
    search.send_keys("Arras")
    visible = _visible_records(page)
    assert len(visible) == 1 and "Ville d’Arras" in visible[0].text
    assert page.find_element(By.CSS_SELECTOR, ".shown").text == "1 of 25 shown"
    visible[0].find_element(By.CSS_SELECTOR, "tr.row").click()
    record = visible[0].find_element(By.CSS_SELECTOR, "tr.full")
    assert record.is_displayed() and "Description du projet" in record.text
    page.execute_script("arguments[0].scrollIntoView()", search)
    ARTIFACTS.mkdir(exist_ok=True)
    page.save_screenshot(str(ARTIFACTS / "report-2021-search.png"))
    search.clear()
    search.send_keys(" ")  # clear() fires no input event; a blank query shows every row
    assert len(_visible_records(page)) == 25


def test_headers_sort_the_laureates(page: WebDriver) -> None:
    page.find_element(By.CSS_SELECTOR, '#laureates-2021 button.sort[data-col="3"]').click()
    cells = page.find_elements(By.CSS_SELECTOR, "#laureates-2021 tr.row td:nth-child(4)")
    names = [c.get_attribute("data-sort") or "" for c in cells]
    keys = page.execute_script(
        "const c = new Intl.Collator('fr', {numeric: true, sensitivity: 'base'});"
        "return arguments[0].slice().sort(c.compare);",
        names,
    )
    assert names == keys
    header = page.find_element(By.CSS_SELECTOR, "#laureates-2021 th:nth-child(4)")
    assert header.get_attribute("aria-sort") == "ascending"


def test_top_of_report_screenshot_and_no_errors_after_use(page: WebDriver) -> None:
    assert [e for e in page.get_log("browser") if e["level"] == "SEVERE"] == []
    page.execute_script("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "report-2021-top.png"
    assert page.save_screenshot(str(path)) and path.stat().st_size > 0
