"""Synthetic practices for benchmarks, shaped like the real compendium and easy to remove.

Texts, countries, instruments, themes and organisations are drawn from the published
entries with their real frequencies, so that searches, facets and profiles see realistic
data. Every row is written with bulk inserts, and every practice is marked is_synthetic.
"""

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction

from . import freshness
from .models import (
    InstrumentType,
    KeyFigure,
    Organisation,
    Pillar,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    PracticeRelation,
    PracticeTranslation,
    Source,
    SourceReference,
    Suggestion,
    TargetGroup,
    Theme,
)
from .search import indexing

BATCH = 2000
PUBLISHED_SHARE = 0.9  # the rest are drafts, so that visibility filters have work to do
FALLBACK_COUNTRIES = ["MX", "PH", "MA", "TR", "IN", "SN", "ET", "GT", "IE", "RS"]
CHAPTERS = ["Chapter 1", "Chapter 2", "Chapter 3", "Chapter 4", "Chapter 5"]


class SeedError(Exception):
    """The database lacks what synthetic practices are made from."""


class Sampler:
    """Draw values with the frequencies they have among the published practices."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        real = Practice.objects.published()
        self.pillars = list(Pillar.objects.all())
        if not self.pillars:
            raise SeedError("Load the vocabularies first: manage.py load_compendium")
        self.texts = list(real.values_list("summary", "description")[:500]) or [
            ("A government works with its diaspora.", "A longer description.")
        ]
        self.pillar_weights = self._weights(real.values_list("primary_pillar", flat=True))
        self.countries = self._weights(
            PracticeCountry.objects.filter(practice__in=real).values_list("country", flat=True)
        ) or Counter(FALLBACK_COUNTRIES)
        self.themes = self._weights(
            Practice.themes.through.objects.filter(practice__in=real).values_list(
                "theme", flat=True
            )
        ) or Counter(Theme.objects.values_list("pk", flat=True))
        self.instruments = self._weights(
            Practice.instruments.through.objects.filter(practice__in=real).values_list(
                "instrumenttype", flat=True
            )
        ) or Counter(InstrumentType.objects.values_list("pk", flat=True))
        self.organisations = self._weights(
            PracticeOrganisation.objects.filter(practice__in=real).values_list(
                "organisation", flat=True
            )
        ) or Counter(Organisation.objects.values_list("pk", flat=True))
        self.targets = list(TargetGroup.objects.values_list("pk", flat=True))
        self.instrument_names = dict(InstrumentType.objects.values_list("pk", "name_en"))

    @staticmethod
    def _weights(values) -> Counter:
        return Counter(value for value in values if value is not None)

    def pick(self, counter: Counter, k: int = 1) -> list:
        if not counter:
            return []
        chosen = self.rng.choices(list(counter), weights=list(counter.values()), k=k)
        return list(dict.fromkeys(chosen))


def _practice(sampler: Sampler, number: int, now: datetime) -> tuple[Practice, dict]:
    rng = sampler.rng
    instruments = sampler.pick(sampler.instruments, rng.choice([1, 1, 2]))
    countries = sampler.pick(sampler.countries, rng.choice([1, 1, 1, 2, 3]))
    pillar = sampler.pick(sampler.pillar_weights)[0] if sampler.pillar_weights else None
    summary, description = rng.choice(sampler.texts)
    published = rng.random() < PUBLISHED_SHARE
    moment = now - timedelta(days=rng.randrange(3650))
    name = sampler.instrument_names.get(instruments[0], "Diaspora programme") if instruments else ""
    practice = Practice(
        title=f"{name} {number} ({', '.join(countries)})",
        slug=f"synthetic-{number}",
        summary=summary,
        description=description,
        primary_pillar_id=pillar or rng.choice(sampler.pillars).pk,
        scope=rng.choice(["national", "national", "bilateral", "regional", "local", ""]),
        start_year=rng.choice([None, *range(1990, 2014)]),
        implementation_status=rng.choice(["ongoing", "ongoing", "completed", "unknown"]),
        evidence_level=rng.choice(["not-evaluated"] * 8 + ["monitoring", "internal-review"]),
        editorial_status="published" if published else "draft",
        created_at=moment,
        updated_at=moment,
        first_published_at=moment if published else None,
        is_synthetic=True,
    )
    links = {
        "instruments": instruments,
        "countries": countries,
        "themes": sampler.pick(sampler.themes, rng.choice([1, 1, 2])),
        "organisations": sampler.pick(sampler.organisations, rng.choice([0, 1, 1, 2])),
        "targets": rng.sample(sampler.targets, k=min(len(sampler.targets), rng.choice([0, 1]))),
        "figure": rng.random() < 0.2,
    }
    return practice, links


def _link_rows(practice: Practice, links: dict, source: Source) -> dict[str, list]:
    pk = practice.pk
    roles = ["origin", "host", "partner"]
    return {
        "themes": [Practice.themes.through(practice_id=pk, theme_id=t) for t in links["themes"]],
        "instruments": [
            Practice.instruments.through(practice_id=pk, instrumenttype_id=i)
            for i in links["instruments"]
        ],
        "targets": [
            Practice.target_groups.through(practice_id=pk, targetgroup_id=t)
            for t in links["targets"]
        ],
        "countries": [
            PracticeCountry(practice_id=pk, country=code, role=roles[min(n, 2)])
            for n, code in enumerate(links["countries"])
        ],
        "organisations": [
            PracticeOrganisation(practice_id=pk, organisation_id=o) for o in links["organisations"]
        ],
        "figures": [KeyFigure(practice_id=pk, label="People reached", value=pk % 5000 + 10)]
        if links["figure"]
        else [],
        "sources": [
            SourceReference(
                practice_id=pk,
                source=source,
                chapter=CHAPTERS[pk % len(CHAPTERS)],
                section=f"Synthetic section {pk}",
            )
        ],
    }


def seed_synthetic(*, count: int, seed: int = 2013) -> int:
    """Add `count` synthetic practices with their countries, actors and sources; return count."""
    rng = random.Random(seed)
    sampler = Sampler(rng)
    source, _created = Source.objects.get_or_create(
        slug="synthetic-source", defaults={"title": "Synthetic source for benchmarks"}
    )
    start = Practice.objects.filter(is_synthetic=True).count()
    now = datetime.now(UTC)
    for offset in range(0, count, BATCH):
        # Index each batch once, after its countries and organisations are in.
        with transaction.atomic(), indexing.batch():
            drafts = [
                _practice(sampler, start + offset + n, now)
                for n in range(min(BATCH, count - offset))
            ]
            practices = Practice.objects.bulk_create([practice for practice, _links in drafts])
            rows: dict[str, list] = {}
            for practice, (_draft, links) in zip(practices, drafts, strict=True):
                for name, items in _link_rows(practice, links, source).items():
                    rows.setdefault(name, []).extend(items)
            for items in rows.values():
                if items:
                    type(items[0]).objects.bulk_create(items, batch_size=BATCH)
    freshness.touch()
    refresh_planner_statistics()
    return count


def refresh_planner_statistics() -> None:
    """Tell the database what a bulk load changed, as autovacuum would do some time later.

    Until then PostgreSQL plans with the old row counts (hundreds, not 100,000), and its
    index-only scans still visit the table; VACUUM cannot run inside a transaction.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")


def clear_synthetic() -> int:
    """Remove every synthetic practice and what belongs to it; return how many practices."""
    synthetic = Practice.objects.filter(is_synthetic=True)
    count = synthetic.count()
    owned = [
        Practice.themes.through,
        Practice.instruments.through,
        Practice.secondary_pillars.through,
        Practice.gcm_objectives.through,
        Practice.target_groups.through,
        PracticeCountry,
        PracticeOrganisation,
        KeyFigure,
        SourceReference,
        PracticeTranslation,
        Suggestion,
    ]
    with transaction.atomic():
        # Deleting through the ORM would load every row to send history signals; these
        # rows never had history (bulk inserts send no signals), so plain DELETEs do.
        for model in owned:
            model.objects.filter(practice__is_synthetic=True)._raw_delete(model.objects.db)
        for field in ("from_practice", "to_practice"):
            related = PracticeRelation.objects.filter(**{f"{field}__is_synthetic": True})
            related._raw_delete(PracticeRelation.objects.db)
        synthetic._raw_delete(Practice.objects.db)
        Source.objects.filter(slug="synthetic-source", references__isnull=True).delete()
        indexing.rebuild()  # raw deletes leave the documents and the vocabulary behind
    freshness.touch()
    refresh_planner_statistics()
    return count
