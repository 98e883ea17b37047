"""In a real browser, no script planted in a practice's texts or addresses ever runs."""

import pytest

from ..test_security_sweep import HTML_PAGES, plant

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_dialog_opens_on_any_public_page_holding_planted_scripts(live_server, chromium_page):
    plant()
    dialogs, errors, shown = [], [], {}

    with chromium_page() as page:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        for path in HTML_PAGES:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            page.mouse.move(200, 200)
            page.mouse.move(400, 300)
            shown[path] = page.inner_text("main")

    assert dialogs == []
    assert errors == []
    assert '<script>alert("planted")</script>' in shown["/practices/planted-practice/"]
