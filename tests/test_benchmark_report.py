"""make bench's verdicts: each target is judged on the figures it names."""

from compendium.benchmark import Measure, SizeResult
from compendium.benchmark_report import HTML_PAGES, search_targets, targets

ENDPOINTS = [*HTML_PAGES, "api list", "api practice"]


def measured(p95: float, requests_per_second: float = 1000, queries: int = 5) -> Measure:
    return Measure(requests_per_second, p95 / 2, p95, p95 * 2, errors=0, queries=queries)


def run(size: int, p95: float, uncached_p95: float | None = None) -> SizeResult:
    result = SizeResult(size, seconds_to_seed=1)
    result.measures = {label: measured(p95) for label in ENDPOINTS}
    result.ceilings = {"bare Django view": measured(1, 1500), "static file": measured(1, 3000)}
    if uncached_p95 is not None:
        result.uncached = {label: measured(uncached_p95, 10) for label in ENDPOINTS}
    return result


def test_targets_are_judged_with_and_without_the_cache():
    large = run(100_000, p95=10, uncached_p95=400)
    large.export = {"rows": 10_004, "seconds": 1.2, "memory_growth_mib": 9}

    lines = targets({"postgresql": [run(1_000, p95=8), large]})

    assert "- reached: 1,000 practices, every HTML page p95 under 30 ms (slowest 8.0 ms)" in lines
    assert "- reached: 1,000 practices, list at least half the bare view's throughput (0.67)" in (
        lines
    )
    assert "- reached: 100,000 practices, search p95 under 150 ms (10.0 ms)" in lines
    assert (
        "- **not reached**: 100,000 practices with every cache off, search p95 under 150 ms "
        "(400 ms)" in lines
    )
    assert any(line.startswith("- reached: CSV export of 10,004 practices") for line in lines)


def test_an_export_of_fewer_than_10000_practices_does_not_count():
    large = run(100_000, p95=10)
    large.export = {"rows": 9_025, "seconds": 1.0, "memory_growth_mib": 9}

    lines = targets({"postgresql": [large]})

    assert any(line.startswith("- **not reached**: CSV export of 9,025") for line in lines)


def test_uncached_search_is_judged_at_1000_practices_on_both_databases():
    fast, slow = run(1_000, p95=8), run(1_000, p95=8)
    fast.search = {"queries": 122, "p50": 6.0, "p95": 21.5, "max": 40.0}
    slow.search = {"queries": 122, "p50": 30.0, "p95": 64.0, "max": 90.0}

    lines = search_targets({"postgresql": [fast], "sqlite": [slow]})

    assert lines == [
        "- reached: postgresql, 1,000 practices, search with every cache off p95 under 50 ms "
        "(21.5 ms)",
        "- **not reached**: sqlite, 1,000 practices, search with every cache off p95 under "
        "50 ms (64.0 ms)",
    ]


def test_a_run_without_a_single_answer_is_not_reached():
    large = run(100_000, p95=10, uncached_p95=0)
    large.uncached["search"].requests = 0

    lines = targets({"postgresql": [large]})

    assert (
        "- **not reached**: 100,000 practices with every cache off, search p95 under 150 ms "
        "(no answer within the run)" in lines
    )
