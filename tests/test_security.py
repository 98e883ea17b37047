"""Security headers on every public page, no inline script without a nonce, login lock-out."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver

from . import factories

pytestmark = pytest.mark.django_db

# One concrete address for every public URL pattern, by name.
PUBLIC_URLS = {
    "compendium:home": "/",
    "compendium:practice-detail": "/practices/mexico-tres-por-uno/",
    "compendium:practice-list": "/practices/?pillar=engage&country=mx",
    "compendium:practice-cite": "/practices/mexico-tres-por-uno/cite.bib",
    "compendium:export-csv": "/practices/export.csv?pillar=engage",
    "compendium:export-json": "/practices/export.json?country=MX",
    "compendium:pillar-detail": "/pillars/engage/",
    "compendium:theme-detail": "/themes/partnerships/",
    "compendium:instrument-detail": "/instruments/matching-grants/",
    "compendium:country-list": "/countries/",
    "compendium:country-detail": "/countries/mx/",
    "compendium:organisation-detail": "/organisations/iom/",
    "compendium:map": "/map/",
    "compendium:compare": "/compare/?p=mexico-tres-por-uno&p=philippines-balinkbayan",
    "compendium:about": "/about/",
    "compendium:feed": "/feed/?pillar=engage",
    "sitemap": "/sitemap.xml",
    "robots": "/robots.txt",
    "compendium:suggest": "/suggest/",
    "compendium:suggest-thanks": "/suggest/thanks/",
    "api:api-root": "/api/v1/",
    "api:practice-list": "/api/v1/practices/",
    "api:practice-detail": "/api/v1/practices/mexico-tres-por-uno/",
    "api:pillar-list": "/api/v1/pillars/",
    "api:pillar-detail": "/api/v1/pillars/engage/",
    "api:theme-list": "/api/v1/themes/",
    "api:theme-detail": "/api/v1/themes/partnerships/",
    "api:instrument-list": "/api/v1/instruments/",
    "api:instrument-detail": "/api/v1/instruments/matching-grants/",
    "api:gcm-objective-list": "/api/v1/gcm-objectives/",
    "api:gcm-objective-detail": "/api/v1/gcm-objectives/19/",
    "api:country-list": "/api/v1/countries/",
    "api:country-detail": "/api/v1/countries/mx/",
    "api:region-list": "/api/v1/regions/",
    "api:region-detail": "/api/v1/regions/19/",
    "api:organisation-list": "/api/v1/organisations/",
    "api:organisation-detail": "/api/v1/organisations/iom/",
    "api-schema": "/api/schema/",
    "api-docs": "/api/docs/",
    "healthz": "/healthz",
    "admin:login": "/admin/login/",
}
NOT_HTML = ("/feed/", "/sitemap.xml", "/robots.txt", "/practices/export.", "cite.bib", "/api/v1")
# Staff-only pages answer the public with a redirect to the login page.
STAFF_ONLY = {"compendium:practice-preview"}


def named_patterns(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace != "admin":
                yield from named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


@pytest.fixture
def site(published_practice):
    published_practice.themes.add(factories.ThemeFactory(slug="partnerships"))
    published_practice.instruments.add(factories.InstrumentTypeFactory(slug="matching-grants"))
    published_practice.gcm_objectives.add(factories.GcmObjectiveFactory(number=19))
    factories.PracticeCountryFactory(practice=published_practice, country="MX")
    factories.PracticeOrganisationFactory(
        practice=published_practice, organisation=factories.OrganisationFactory(slug="iom")
    )
    factories.PracticeFactory(slug="philippines-balinkbayan")


def test_every_public_url_pattern_is_checked():
    names = {name for name in named_patterns() if not name.endswith("-format")}
    assert names - STAFF_ONLY - set(PUBLIC_URLS) == set()


@pytest.mark.parametrize("url", PUBLIC_URLS.values())
def test_security_headers_on_every_public_page(client, site, url):
    response = client.get(url)

    assert response.status_code == 200, url
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "url", [url for url in PUBLIC_URLS.values() if not any(part in url for part in NOT_HTML)]
)
def test_no_inline_script_runs_without_the_nonce(client, site, url):
    response = client.get(url)
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])

    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        runs_inline = body.strip() and "src=" not in attributes
        is_data = re.search(r'type="application/(ld\+)?json"', attributes)
        if runs_inline and not is_data:
            assert nonce and f'nonce="{nonce.group(1)}"' in attributes, (url, attributes)
    assert not re.search(r"<[^>]+\son[a-z]+=", html), f"inline event handler on {url}"


def test_admin_locks_out_after_repeated_failed_logins(client, settings):
    User.objects.create_user("editor", password="correct-horse-battery", is_staff=True)
    attempts = [
        client.post("/admin/login/", {"username": "editor", "password": f"wrong-{n}"})
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]

    locked = client.post(
        "/admin/login/", {"username": "editor", "password": "correct-horse-battery"}
    )

    assert [a.status_code for a in attempts[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert attempts[-1].status_code == 429
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_oversized_query_strings_are_refused(client):
    response = client.get("/api/v1/practices/", {"q": "x" * 3000})
    assert response.status_code == 414
    assert response.json() == {"detail": "The query string is too long."}


def test_forms_are_protected_against_cross_site_requests(site):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/suggest/", {"title": "x"}).status_code == 403
    assert strict.post("/admin/login/", {"username": "a", "password": "b"}).status_code == 403


def test_text_from_editors_and_visitors_is_escaped(client):
    practice = factories.PracticeFactory(
        title="<b>Bold</b> title", description="<script>alert('x')</script>\n\nSecond paragraph."
    )

    html = client.get(practice.get_absolute_url()).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in html
