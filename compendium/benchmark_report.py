"""Write the benchmark's figures, the machine and the targets to docs/performance.md."""

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import django

HTML_PAGES = ["home", "list", "list, 3 filters", "search", "practice", "country", "map"]


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {int(memory) // 1024 // 1024} GiB",
        f"- Python {platform.python_version()}, Django {django.get_version()}, {wrk.strip()}",
        f"- gunicorn with {os.cpu_count()} workers (one per core), production settings (DEBUG off)",
    ]


def row(label, measure, ceilings) -> str:
    bare = ceilings["bare Django view"].requests_per_second
    static = ceilings["static file"].requests_per_second
    queries = "" if measure.queries is None else measure.queries
    cold = "" if measure.cold_ms is None else f"{measure.cold_ms:,.0f}"
    return (
        f"| {label} | {measure.requests_per_second:,.0f} | {measure.p50:.1f} | {measure.p95:.1f} "
        f"| {measure.p99:.1f} | {measure.errors} ({measure.socket_errors}) | {queries} | {cold} "
        f"| {measure.requests_per_second / bare:.2f} | {measure.requests_per_second / static:.3f} |"
    )


def targets(results: dict) -> list[str]:
    """Check the issue's targets on PostgreSQL; say which were reached."""
    runs = {result.size: result for result in results.get("postgresql", [])}
    lines = []

    def check(text, ok):
        lines.append(f"- {'reached' if ok else '**not reached**'}: {text}")

    if 1_000 in runs:
        small = runs[1_000]
        slowest = max(small.measures[page].p95 for page in HTML_PAGES)
        check(
            f"1,000 practices, every HTML page p95 under 30 ms (slowest {slowest:.1f} ms)",
            slowest < 30,
        )
        ratio = (
            small.measures["list"].requests_per_second
            / small.ceilings["bare Django view"].requests_per_second
        )
        check(
            f"1,000 practices, list at least half the bare view's throughput ({ratio:.2f})",
            ratio >= 0.5,
        )
    if 100_000 in runs:
        large = runs[100_000].measures
        for label, limit in [
            ("list, 3 filters", 150),
            ("search", 150),
            ("practice", 30),
            ("api practice", 30),
            ("api list", 60),
        ]:
            check(
                f"100,000 practices, {label} p95 under {limit} ms ({large[label].p95:.1f} ms)",
                large[label].p95 < limit,
            )
            if label in runs[100_000].uncached:
                uncached = runs[100_000].uncached[label]
                check(
                    f"100,000 practices with every cache off, {label} p95 under {limit} ms "
                    f"({_p95(uncached)})",
                    uncached.requests != 0 and uncached.p95 < limit,
                )
        errors = sum(measure.errors for measure in large.values())
        check(f"100,000 practices, no errors ({errors})", errors == 0)
    most = max(
        (m.queries or 0 for result in runs.values() for m in result.measures.values()), default=0
    )
    check(f"at most about 12 queries per request (most: {most})", most <= 12)
    for result in runs.values():
        if result.export:
            export = result.export
            check(
                f"CSV export of {export['rows']:,} practices in under 5 s "
                f"({export['seconds']:.1f} s) with under 50 MB worker memory growth "
                f"({export['memory_growth_mib']:.0f} MiB)",
                export["rows"] >= 10_000
                and export["seconds"] < 5
                and export["memory_growth_mib"] < 50,
            )
    return lines


def _p95(measure) -> str:
    return "no answer within the run" if measure.requests == 0 else f"{measure.p95:,.0f} ms"


def _uncached_row(label: str, m) -> str:
    if m.requests == 0:
        return f"| {label} | 0 | no answer within the run | | | {m.errors} ({m.socket_errors}) |"
    return (
        f"| {label} | {m.requests_per_second:,.1f} | {m.p50:,.0f} | {m.p95:,.0f} "
        f"| {m.p99:,.0f} | {m.errors} ({m.socket_errors}) |"
    )


SEARCH_LIMIT_MS = 50


def search_targets(results: dict) -> list[str]:
    """Check the search issue's target on both databases: uncached search at 1,000 practices."""
    lines = []
    for database, runs in results.items():
        for result in runs:
            if result.size == 1_000 and result.search:
                p95 = result.search["p95"]
                verdict = "reached" if p95 < SEARCH_LIMIT_MS else "**not reached**"
                lines.append(
                    f"- {verdict}: {database}, 1,000 practices, search with every cache off "
                    f"p95 under {SEARCH_LIMIT_MS} ms ({p95:.1f} ms)"
                )
    return lines


def search_line(search: dict) -> str:
    return (
        f"Search with every cache off, in-process, the {search['queries']} queries of "
        f"tests/search_relevance.yaml three times each (the page's count and first 20 "
        f"results): p50 {search['p50']:.1f} ms, p95 {search['p95']:.1f} ms, slowest "
        f"{search['max']:.1f} ms."
    )


def write_report(path: Path, results: dict, options: dict, minutes: float) -> None:
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`python manage.py benchmark`); do not edit by hand.",
        f"Last run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {minutes:.1f} minutes in all.",
        "",
        "## Machine and method",
        "",
        *machine(),
        f"- wrk from loopback, {options['connections']} connections, {options['seconds']} s per "
        "endpoint after a warm-up; latencies in milliseconds",
        "- errors: failed answers (non-2xx/3xx, timeouts, refused connections); in brackets, "
        "sockets cut by wrk itself when a run ends",
        "- queries and cold: one request on an empty cache, counted and timed (ms) in-process on "
        "the same database; the wrk figures are for repeated requests, which the page cache "
        "serves until the compendium changes; at the largest size wrk drives every endpoint a "
        "second time with every cache off",
        "- ceilings: a bare Django view and a static file (whitenoise), both as large as the "
        "practice list; the last two columns give each endpoint's throughput as a share of them",
        "",
        "## Targets (PostgreSQL)",
        "",
        *targets(results),
        "",
        "## Search targets (both databases)",
        "",
        *search_targets(results),
    ]
    for database, runs in results.items():
        for result in runs:
            lines += [
                "",
                f"## {database}, {result.size:,} practices",
                "",
                f"Seeding took {result.seconds_to_seed:.0f} s.",
                "",
                *([search_line(result.search), ""] if result.search else []),
                "| endpoint | req/s | p50 | p95 | p99 | errors | queries | cold | × bare | × static"
                " |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                *(row(label, m, result.ceilings) for label, m in result.measures.items()),
                *(row(label, m, result.ceilings) for label, m in result.ceilings.items()),
            ]
            if result.uncached:
                lines += [
                    "",
                    "With every cache off (`DJANGO_CACHE=none`), so that each request computes "
                    "its page as the first visitor after a change would:",
                    "",
                    "| endpoint | req/s | p50 | p95 | p99 | errors |",
                    "| --- | ---: | ---: | ---: | ---: | ---: |",
                    *(_uncached_row(label, m) for label, m in result.uncached.items()),
                ]
            if result.export:
                export = result.export
                lines += [
                    "",
                    f"CSV export of {export['rows']:,} practices: {export['seconds']:.1f} s, "
                    f"worker peak memory grew by {export['memory_growth_mib']:.0f} MiB.",
                ]
    path.write_text("\n".join(lines) + "\n")
