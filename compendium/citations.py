"""How to cite a practice (plain text, BibTeX, RIS) and describe it to machines (JSON-LD)."""

import re
from datetime import date

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

from .models import Practice

SITE_NAME = "Diaspora Good Practices Compendium"
BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_])")


def _sources(practice: Practice) -> list[str]:
    seen = []
    for reference in practice.source_references.all():
        source = reference.source
        text = ", ".join(
            str(part) for part in (source.publisher, source.title, source.year) if part
        )
        if text not in seen:
            seen.append(text)
    return seen


def _title(practice: Practice) -> str:
    """Return the title shown, followed by the English original where it is a translation."""
    if practice.original_title:
        return f"{practice.local_title} [{practice.original_title}]"
    return practice.title


def plain_text(practice: Practice, url: str, accessed: date) -> str:
    """Return a reference to the entry in an author–date style, titled in the active language.

    A translated title is followed by the English original in brackets, so that the
    reference still finds the entry in the English edition.
    """
    updated = formats.date_format(practice.updated_at, "j F Y")
    text = _(
        "%(site)s (%(year)s). %(title)s. Last updated %(updated)s. %(url)s (accessed %(accessed)s)."
    ) % {
        "site": SITE_NAME,
        "year": practice.updated_at.year,
        "title": _title(practice),
        "updated": updated,
        "url": url,
        "accessed": formats.date_format(accessed, "j F Y"),
    }
    sources = _sources(practice)
    if sources:
        text += " " + _("Based on: %(sources)s.") % {"sources": "; ".join(sources)}
    return text


def _bibtex_escape(text: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def bibtex(practice: Practice, url: str, accessed: date) -> str:
    """Return a BibTeX @misc entry for the practice."""
    fields = {
        "title": "{" + _bibtex_escape(practice.local_title) + "}",
        "author": "{" + SITE_NAME + "}",
        "year": str(practice.updated_at.year),
        "url": url,
        "urldate": accessed.isoformat(),
        "note": _bibtex_escape(
            "; ".join(
                [f"Last updated {practice.updated_at.date().isoformat()}", *_sources(practice)]
            )
        ),
    }
    if practice.original_title:
        fields["origtitle"] = "{" + _bibtex_escape(practice.original_title) + "}"
        fields["language"] = practice.local_language
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{compendium-{practice.slug},\n{body}\n}}\n"


def ris(practice: Practice, url: str, accessed: date) -> str:
    """Return an RIS record (type ELEC) for the practice, with the CRLF line ends RIS expects."""
    lines = [
        ("TY", "ELEC"),
        ("TI", practice.local_title),
        *((("OP", practice.original_title),) if practice.original_title else ()),
        ("LA", practice.local_language),
        ("AU", SITE_NAME),
        ("PY", str(practice.updated_at.year)),
        ("DA", practice.updated_at.strftime("%Y/%m/%d")),
        ("Y2", accessed.strftime("%Y/%m/%d")),
        ("UR", url),
        ("AB", " ".join(practice.local_summary.split())),
        *(("KW", theme.name) for theme in practice.themes.all()),
        *(("N1", f"Based on: {source}") for source in _sources(practice)),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def json_ld(practice: Practice, url: str) -> dict:
    """Return schema.org metadata for the practice page."""
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": practice.local_title,
        "description": practice.local_summary,
        "url": url,
        "inLanguage": practice.local_language,
        "dateModified": practice.updated_at.isoformat(),
        "publisher": {"@type": "Organization", "name": SITE_NAME},
        "keywords": [term.name for term in (*practice.themes.all(), *practice.instruments.all())],
        "spatialCoverage": [
            {"@type": "Country", "name": link.country.name, "identifier": link.country.code}
            for link in practice.countries.all()
        ],
        "isBasedOn": [{"@type": "CreativeWork", "name": source} for source in _sources(practice)],
    }
    if practice.original_title:
        data["translationOfWork"] = {
            "@type": "CreativeWork",
            "name": practice.original_title,
            "inLanguage": settings.LANGUAGE_CODE,
        }
    if practice.first_published_at:
        data["datePublished"] = practice.first_published_at.isoformat()
    return data
