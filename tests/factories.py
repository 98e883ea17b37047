"""One factory per model, with minimal valid defaults."""

import factory
from factory.django import DjangoModelFactory

from compendium import models


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
