"""Browser tests drive Debian's Chromium through Playwright; no browser is ever downloaded."""

import os
import shutil
from contextlib import contextmanager

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium_page():
    """Return a context manager that opens a page in a fresh headless Chromium.

    Playwright's sync API runs an event loop while it is open, and Django refuses ORM
    calls made under a running loop: set data up before the block, check it after.
    """
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs it with apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    @contextmanager
    def open_page():
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.set_default_timeout(15_000)
            try:
                yield page
            finally:
                browser.close()

    return open_page
