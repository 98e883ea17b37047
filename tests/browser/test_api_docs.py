"""The interactive API documentation works under the site's Content-Security-Policy."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_api_docs_render_every_operation_without_csp_violations(live_server, chromium_page):
    with chromium_page() as page:
        messages = []
        page.on("console", lambda message: messages.append(message.text))
        page.goto(f"{live_server.url}/api/docs/")
        page.wait_for_selector(".opblock", timeout=20_000)
        operations = page.locator(".opblock").count()

    assert operations == 16
    assert [m for m in messages if "Content Security Policy" in m] == []
