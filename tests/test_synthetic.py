"""Synthetic practices for benchmarks: realistic, marked, and removed without a trace."""

import pytest
from django.core.management import CommandError, call_command

from compendium.models import Practice, PracticeCountry, SourceReference

from .factories import populate

pytestmark = pytest.mark.django_db


def test_seed_adds_marked_practices_shaped_like_the_real_ones():
    populate(6)

    call_command("seed_synthetic", practices=300, stdout=None)

    synthetic = Practice.objects.filter(is_synthetic=True)
    assert synthetic.count() == 300
    assert 240 <= synthetic.filter(editorial_status="published").count() < 300
    links = PracticeCountry.objects.values_list("country", flat=True)
    real_codes = set(links.filter(practice__is_synthetic=False))
    assert set(links.filter(practice__in=synthetic)) <= real_codes
    assert SourceReference.objects.filter(practice__in=synthetic).count() == 300
    assert not synthetic.filter(themes=None).exists()


def test_clear_removes_synthetic_practices_and_their_rows_only():
    populate(4)
    call_command("seed_synthetic", practices=50)

    call_command("seed_synthetic", clear=True)

    assert Practice.objects.count() == 4
    assert PracticeCountry.objects.count() == 8
    assert not Practice.objects.filter(slug__startswith="synthetic-").exists()


def test_seed_needs_the_vocabularies():
    with pytest.raises(CommandError, match="load_compendium"):
        call_command("seed_synthetic", practices=5)
