"""Stored web addresses are http or https wherever they enter, and only those become links."""

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.template import Context, Template

from compendium import content
from compendium.models import Organisation, Source

from . import factories

pytestmark = pytest.mark.django_db

SCRIPT_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
]


@pytest.mark.parametrize("address", SCRIPT_URLS)
def test_model_validation_refuses_every_scheme_but_http_and_https(address):
    organisation = factories.OrganisationFactory.build(website=address)

    with pytest.raises(ValidationError) as error:
        organisation.full_clean()

    assert "website" in error.value.message_dict
    assert "http:// or https://" in " ".join(error.value.message_dict["website"])


@pytest.mark.parametrize("address", ["https://www.iom.int/", "HTTP://example.org/a?b=c", ""])
def test_model_validation_accepts_web_addresses(address):
    factories.OrganisationFactory.build(website=address).full_clean()


@pytest.mark.parametrize("address", ["javascript:alert(1)", "ftp://example.org/"])
def test_the_database_refuses_what_the_shell_and_update_would_write(address):
    organisation = factories.OrganisationFactory(website="https://example.org/")
    source = factories.SourceFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(website=address)
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.filter(pk=source.pk).update(url=address)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.OrganisationFactory(website=address)

    organisation.refresh_from_db()
    assert organisation.website == "https://example.org/"


def test_admin_form_refuses_a_script_address(admin_client):
    response = admin_client.post(
        "/admin/compendium/organisation/add/",
        {"slug": "bad", "name": "Bad", "kind": "government", "website": "javascript:alert(1)"},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "website": ["Enter a web address that starts with http:// or https://."]
    }
    assert not Organisation.objects.filter(slug="bad").exists()


def test_suggestion_form_refuses_a_script_address(client):
    response = client.post(
        "/suggest/",
        {
            "title": "A practice",
            "description": "A practice that a visitor describes in enough words here.",
            "source_url": "javascript:alert(1)",
        },
    )

    assert response.status_code == 200
    assert "http:// or https://" in response.content.decode()


def test_load_compendium_names_the_row_and_field_of_a_script_address_and_loads_nothing(
    tmp_path, monkeypatch
):
    rows = [
        {"model": "compendium.organisation", "fields": {"slug": "good", "name": "Good"}},
        {
            "model": "compendium.organisation",
            "fields": {"slug": "evil", "name": "Evil", "website": "javascript:alert(1)"},
        },
    ]
    (tmp_path / "practices").mkdir()
    (tmp_path / "organisations.yaml").write_text(yaml.safe_dump(rows))
    pillar = {"model": "compendium.pillar", "fields": {"slug": "engage", "name": "Engage"}}
    gcm = {"model": "compendium.gcmobjective", "fields": {"number": 19, "title": "Diasporas"}}
    (tmp_path / "vocabularies.yaml").write_text(yaml.safe_dump([pillar]))
    (tmp_path / "gcm_objectives.yaml").write_text(yaml.safe_dump([gcm]))
    monkeypatch.setattr(content, "FIXTURES_DIR", tmp_path)

    with pytest.raises(CommandError) as error:
        call_command("load_compendium", verbosity=0)

    assert "compendium.Organisation 'evil', website 'javascript:alert(1)'" in str(error.value)
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("https://www.iom.int/", "https://www.iom.int/"),
        ("http://example.org/", "http://example.org/"),
        ("javascript:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_web_address_filter_gives_only_web_addresses(stored, shown):
    template = Template("{% load compendium %}{{ address|web_address }}")

    assert template.render(Context({"address": stored})) == shown


def test_organisation_page_links_its_website_escaped(client, published_practice):
    organisation = factories.OrganisationFactory(
        slug="iom", website='https://example.org/"><script>alert(1)</script>'
    )
    factories.PracticeOrganisationFactory(practice=published_practice, organisation=organisation)

    html = client.get("/organisations/iom/").content.decode()

    assert 'href="https://example.org/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "<script>alert(1)" not in html
