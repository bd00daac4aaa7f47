"""A headless Chromium driven by selenium for the preview page tests.

The browser is Debian's ``chromium`` with ``chromium-driver`` (``apt-get install -y chromium
chromium-driver``; ``.ci/run`` installs them when it runs as root). Where selenium, Chromium or
chromedriver cannot be found, the browser tests skip and say which one is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
DRIVERS = ("chromedriver", "chromium.chromedriver")
DEBIAN_DRIVER = Path("/usr/lib/chromium/chromedriver")


def _find(names: tuple[str, ...], env: str) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (one per test session)."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install 'teamtool[test]')")
    binary = _find(BROWSERS, "TEAMTOOL_CHROMIUM")
    driver_path = _find(DRIVERS, "TEAMTOOL_CHROMEDRIVER") or (
        str(DEBIAN_DRIVER) if DEBIAN_DRIVER.exists() else None
    )
    if binary is None:
        pytest.skip("no Chromium found (apt-get install -y chromium chromium-driver)")
    if driver_path is None:
        pytest.skip("no chromedriver found (apt-get install -y chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1300"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


class PreviewPage:
    """One preview page file opened in the browser; reads and sets the form as a student does."""

    def __init__(self, driver: Any, path: Path) -> None:
        self.driver = driver
        self.path = path

    def open(self, fragment: str = "") -> PreviewPage:
        self.driver.get("about:blank")
        self.driver.get(self.path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        return self

    def by_id(self, element_id: str) -> Any:
        return self.driver.find_element("id", element_id)

    def select(self, element_id: str, index: int) -> None:
        """Choose option ``index`` of a <select> by clicking it, as a mouse user does."""
        from selenium.webdriver.support.ui import Select

        Select(self.by_id(element_id)).select_by_index(index)

    def type_into(self, element_id: str, text: str) -> None:
        field = self.by_id(element_id)
        field.clear()
        field.send_keys(text)

    def results(self) -> list[tuple[str, str, str]]:
        """(member, factor, grade) of every row of the results table, as shown."""
        rows = self.driver.execute_script(
            "return [...document.querySelectorAll('#results-body tr')].map(row =>"
            " [row.querySelector('th'), row.querySelector('td.factor'),"
            " row.querySelector('td.grade')].map(cell => cell.innerText));"
        )
        return [(str(name), str(factor), str(grade)) for name, factor, grade in rows]

    def problems(self) -> str:
        box = self.by_id("fragment-problems")
        return str(box.text) if box.is_displayed() else ""

    def errors_in_console(self) -> list[str]:
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Any:
    """``open_page(html_text, fragment="")``: write the page and open it in the browser."""
    count = [0]

    def _open(html_text: str, fragment: str = "") -> PreviewPage:
        count[0] += 1
        path = tmp_path / f"preview-{count[0]}.html"
        path.write_text(html_text, encoding="utf-8")
        return PreviewPage(browser, path).open(fragment)

    return _open
