"""One factory per model, with minimal valid defaults."""

import factory
from factory.django import DjangoModelFactory

from compendium import models
from compendium.search import indexing


class TermFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    description = "A term of the compendium's vocabulary."


class PillarFactory(TermFactory):
    class Meta:
        model = models.Pillar
        django_get_or_create = ["slug"]

    slug = "engage"
    name = "Engage"


class ThemeFactory(TermFactory):
    class Meta:
        model = models.Theme


class InstrumentFamilyFactory(TermFactory):
    class Meta:
        model = models.InstrumentFamily


class InstrumentTypeFactory(TermFactory):
    class Meta:
        model = models.InstrumentType

    family = factory.SubFactory(InstrumentFamilyFactory)


class TargetGroupFactory(TermFactory):
    class Meta:
        model = models.TargetGroup


class GcmObjectiveFactory(DjangoModelFactory):
    class Meta:
        model = models.GcmObjective
        django_get_or_create = ["number"]

    number = 19
    title = "Diaspora contributions to development"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = models.Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = models.Source
        django_get_or_create = ["slug"]

    slug = "dmc-2013-report"
    title = "Diaspora Ministerial Conference report"
    year = 2013


class PracticeFactory(DjangoModelFactory):
    class Meta:
        model = models.Practice

    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = "A government works with its diaspora."
    description = "A longer description of the practice."
    primary_pillar = factory.SubFactory(PillarFactory)
    editorial_status = models.Practice.EditorialStatus.PUBLISHED


class PracticeCountryFactory(DjangoModelFactory):
    class Meta:
        model = models.PracticeCountry

    practice = factory.SubFactory(PracticeFactory)
    country = "MX"


class PracticeOrganisationFactory(DjangoModelFactory):
    class Meta:
        model = models.PracticeOrganisation

    practice = factory.SubFactory(PracticeFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class KeyFigureFactory(DjangoModelFactory):
    class Meta:
        model = models.KeyFigure

    practice = factory.SubFactory(PracticeFactory)
    label = factory.Sequence(lambda n: f"Figure {n}")
    value = 132


class SourceReferenceFactory(DjangoModelFactory):
    class Meta:
        model = models.SourceReference

    practice = factory.SubFactory(PracticeFactory)
    source = factory.SubFactory(SourceFactory)
    chapter = "Chapter 2"
    section = factory.Sequence(lambda n: f"Section {n}")
    excerpt = "A short quotation."


class PracticeRelationFactory(DjangoModelFactory):
    class Meta:
        model = models.PracticeRelation

    from_practice = factory.SubFactory(PracticeFactory)
    to_practice = factory.SubFactory(PracticeFactory)


COUNTRY_CYCLE = ["MX", "PH", "MA", "TR", "IN", "US", "FR", "SN", "GT", "NG"]


def _term(model, slug: str, **extra):
    return model.objects.get_or_create(slug=slug, defaults={"name": slug.title(), **extra})[0]


def populate(total: int) -> None:
    """Grow the published compendium to `total` practices, each with what pages show.

    Practices rotate through three pillars, two themes, two instruments, ten countries
    (an origin and a host each), three organisations and a source, so that every page
    has facets, related practices and profiles to fill at any size.
    """
    pillars = [_term(models.Pillar, slug) for slug in ("engage", "enable", "empower")]
    themes = [_term(models.Theme, f"theme-{n}") for n in range(2)]
    family = _term(models.InstrumentFamily, "family")
    instruments = [_term(models.InstrumentType, f"instrument-{n}", family=family) for n in range(2)]
    organisations = [
        models.Organisation.objects.get_or_create(slug=f"org-{n}", defaults={"name": f"Org {n}"})[0]
        for n in range(3)
    ]
    target = _term(models.TargetGroup, "youth")
    gcm = models.GcmObjective.objects.get_or_create(number=19, defaults={"title": "Diasporas"})[0]
    for n in range(models.Practice.objects.count(), total):
        practice = PracticeFactory(
            primary_pillar=pillars[n % 3],
            start_year=2000 + n % 20,
            scope="national",
            implementation_status="ongoing",
        )
        practice.themes.add(themes[n % 2])
        practice.instruments.add(instruments[n % 2])
        practice.target_groups.add(target)
        practice.gcm_objectives.add(gcm)
        models.PracticeCountry.objects.bulk_create(
            [
                models.PracticeCountry(practice=practice, country=COUNTRY_CYCLE[n % 10]),
                models.PracticeCountry(
                    practice=practice, country=COUNTRY_CYCLE[(n + 5) % 10], role="host"
                ),
            ]
        )
        models.PracticeOrganisation.objects.create(
            practice=practice, organisation=organisations[n % 3]
        )
        SourceReferenceFactory(practice=practice)
    indexing.flush()  # index now, so that no page measured next pays for it


class SearchSynonymFactory(DjangoModelFactory):
    class Meta:
        model = models.SearchSynonym

    slug = factory.Sequence(lambda n: f"synonym-{n}")
    terms = "dual citizenship\ndouble nationality"
