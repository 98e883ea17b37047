import json
from pathlib import Path

import pytest
from django_countries import countries

WORLD = Path(__file__).resolve().parents[1] / "compendium" / "geodata" / "world.json"

# Kosovo's user-assigned code, which django-countries does not list unless told to.
KOSOVO = "XK"


@pytest.fixture(scope="module")
def world():
    return json.loads(WORLD.read_text())


def codes(world):
    return [country["code"] for country in world["countries"] if country["code"]]


def test_the_world_map_is_valid_json_with_its_source_and_projection(world):
    assert world["source"].startswith("Natural Earth 1:110m admin-0 countries via world-atlas")
    assert world["projection"] == "Equal Earth"


def test_the_view_box_is_a_thousand_units_wide_and_less_than_half_as_high(world):
    x, y, width, height = (int(number) for number in world["viewBox"].split())
    assert (x, y, width) == (0, 0, 1000)
    assert 300 < height < 500


def test_the_map_draws_at_least_170_countries(world):
    assert len(world["countries"]) >= 170


def test_no_code_is_drawn_twice(world):
    assert len(codes(world)) == len(set(codes(world)))


def test_every_code_is_a_django_countries_code_or_kosovo(world):
    unknown = {code for code in codes(world) if code != KOSOVO and code not in countries}
    assert unknown == set()
    assert KOSOVO in codes(world)


def test_mexico_the_philippines_morocco_and_turkey_are_on_the_map(world):
    assert {"MX", "PH", "MA", "TR"} <= set(codes(world))


def test_countries_are_sorted_by_name(world):
    names = [country["name"] for country in world["countries"]]
    assert names == sorted(names)


def test_every_path_starts_with_a_move(world):
    assert all(country["d"].startswith("M") for country in world["countries"])
