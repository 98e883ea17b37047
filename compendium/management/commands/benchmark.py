import argparse
import json
import math
import os
import subprocess
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ... import benchmark
from ...benchmark_report import write_report
from ...models import Practice, PracticeCountry
from ...synthetic import PUBLISHED_SHARE

DATABASES = {
    "postgresql": "postgres://postgres@127.0.0.1:5432/compendium_bench",
    "sqlite": "sqlite:////tmp/compendium-bench.sqlite3",
}
PORT = 8765
EXPORT_SIZE = 10_000
UNCACHED_MAX_SECONDS = 60


class Command(BaseCommand):
    help = "Benchmark the site under gunicorn and wrk; write docs/performance.md (make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
        parser.add_argument("--databases", nargs="+", choices=DATABASES, default=list(DATABASES))
        parser.add_argument("--seconds", type=int, default=5, help="wrk run per endpoint.")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument(
            "--output", default=str(Path(settings.BASE_DIR) / "docs/performance.md")
        )
        # Used by the benchmark itself, in a process pointed at the benchmark database.
        parser.add_argument("--describe", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument("--count-queries", metavar="SAMPLE", help=argparse.SUPPRESS)
        parser.add_argument("--time-search", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        if options["describe"]:
            self.stdout.write(json.dumps(describe()))
        elif options["time_search"]:
            self.stdout.write(json.dumps(benchmark.time_search()))
        elif options["count_queries"]:
            self.stdout.write(json.dumps(count_queries(json.loads(options["count_queries"]))))
        else:
            started = time.perf_counter()
            results = {name: self.run_database(name, options) for name in options["databases"]}
            minutes = (time.perf_counter() - started) / 60
            write_report(Path(options["output"]), results, options, minutes)
            self.stdout.write(f"Wrote {options['output']} after {minutes:.1f} minutes.")

    def run_database(self, name: str, options) -> list:
        url = DATABASES[name]
        fresh_database(name, url)
        env = benchmark.environment(url, PORT, workers=os.cpu_count() or 1)
        self.stdout.write(f"== {name}: migrate, load the compendium, collect static files")
        benchmark.manage(env, "migrate", "--no-input")
        benchmark.manage(env, "load_compendium", "--verbosity", "0")
        benchmark.manage(env, "collectstatic", "--no-input", "--verbosity", "0")
        subprocess.run(["redis-cli", "-n", "5", "flushdb"], check=True, capture_output=True)
        results = []
        for size in options["sizes"]:
            results.append(self.run_size(env, url, size, options))
        return results

    def run_size(self, env, url: str, size: int, options) -> benchmark.SizeResult:
        current = json.loads(benchmark.manage(env, "benchmark", "--describe"))["practices"]
        started = time.perf_counter()
        if size > current:
            benchmark.manage(env, "seed_synthetic", "--practices", str(size - current))
        result = benchmark.SizeResult(size, time.perf_counter() - started)
        sample = json.loads(benchmark.manage(env, "benchmark", "--describe"))
        counted = json.loads(
            benchmark.manage(env, "benchmark", "--count-queries", json.dumps(sample))
        )
        page_bytes = counted.pop("_list_bytes")
        uncached_env = benchmark.environment(url, PORT, 1, cached=False)
        result.search = json.loads(benchmark.manage(uncached_env, "benchmark", "--time-search"))
        self.stdout.write(
            f"   search with no cache: p95 {result.search['p95']:.1f} ms "
            f"over {result.search['queries']} queries"
        )
        cold = {
            key.removeprefix("_cold "): counted.pop(key)
            for key in list(counted)
            if key.startswith("_cold ")
        }
        (Path(settings.STATIC_ROOT) / benchmark.CEILING_FILE).write_bytes(b"x" * page_bytes)
        self.stdout.write(f"-- {size} practices (seeded in {result.seconds_to_seed:.0f} s)")
        server_env = benchmark.environment(url, PORT, os.cpu_count() or 1, page_bytes)
        with benchmark.Server(server_env, PORT) as server:
            addresses = benchmark.endpoints(sample)
            ceilings = {
                "bare Django view": "/bench/bare/",
                "static file": f"/static/{benchmark.CEILING_FILE}",
            }
            for path in [*addresses.values(), *ceilings.values()]:
                for _ in range(3):  # warm both workers' caches and connections
                    benchmark.urllib.request.urlopen(server.url + path, timeout=60).read()
            for label, path in addresses.items():
                measure = benchmark.wrk(server.url + path, **self.load(options))
                measure.queries = counted[label]
                measure.cold_ms = cold[label]
                result.measures[label] = measure
                self.stdout.write(
                    f"   {label}: {measure.requests_per_second:.0f}/s p95 {measure.p95:.1f} ms"
                )
            for label, path in ceilings.items():
                result.ceilings[label] = benchmark.wrk(server.url + path, **self.load(options))
        if size == max(options["sizes"]):
            self.measure_uncached(url, sample, page_bytes, result, options)
        if size == closest(options["sizes"], EXPORT_SIZE):
            publish_at_least(env, EXPORT_SIZE)
            with benchmark.Server(benchmark.environment(url, PORT + 1, 1), PORT + 1) as single:
                result.export = benchmark.measure_export(single, "/practices/export.csv")
        return result

    def measure_uncached(self, url: str, sample: dict, page_bytes: int, result, options):
        """Drive every endpoint again with every cache off: what a first request costs."""
        env = benchmark.environment(url, PORT, os.cpu_count() or 1, page_bytes, cached=False)
        with benchmark.Server(env, PORT) as server:
            for label, path in benchmark.endpoints(sample).items():
                started = time.perf_counter()
                benchmark.urllib.request.urlopen(server.url + path, timeout=60).read()
                load = self.load(options)
                # Long enough for every connection to get a few answers from the workers.
                rounds = options["connections"] / (os.cpu_count() or 1) * 3
                load["seconds"] = min(
                    UNCACHED_MAX_SECONDS,
                    max(load["seconds"], math.ceil((time.perf_counter() - started) * rounds)),
                )
                measure = benchmark.wrk(server.url + path, **load, timeout=60)
                result.uncached[label] = measure
                self.stdout.write(
                    f"   {label}, no cache: {measure.requests_per_second:.1f}/s "
                    f"p95 {measure.p95:.0f} ms"
                )

    @staticmethod
    def load(options) -> dict:
        return {"seconds": options["seconds"], "connections": options["connections"], "threads": 2}


def publish_at_least(env: dict, count: int) -> None:
    """Top the compendium up until `count` practices are published, for the export."""
    while True:
        missing = count - json.loads(benchmark.manage(env, "benchmark", "--describe"))["published"]
        if missing <= 0:
            return
        extra = math.ceil(missing / PUBLISHED_SHARE)
        benchmark.manage(env, "seed_synthetic", "--practices", str(extra), "--seed", str(missing))


def closest(sizes: list[int], target: int) -> int:
    return min(sizes, key=lambda size: abs(size - target))


def fresh_database(name: str, url: str) -> None:
    if name == "sqlite":
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    for command in (["dropdb", "--if-exists"], ["createdb"]):
        subprocess.run(
            [*command, "-h", "127.0.0.1", "-U", "postgres", "compendium_bench"], check=True
        )


def describe() -> dict:
    """Name the practice, country, pillar and theme that the measured addresses use."""
    published = Practice.objects.published()
    busiest = (
        PracticeCountry.objects.filter(practice__in=published)
        .values("country")
        .annotate(n=Count("practice"))
        .order_by("-n")
        .first()
    )
    practice = published.filter(is_synthetic=False, countries__country=busiest["country"]).first()
    theme = practice.themes.first()
    return {
        "practices": Practice.objects.count(),
        "published": published.count(),
        "practice": practice.slug,
        "country": busiest["country"],
        "pillar": practice.primary_pillar.slug,
        "theme": theme.slug,
        "engine": connection.vendor,
        "server_version": describe_server(),
    }


def describe_server() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return cursor.fetchone()[0]


def count_queries(sample: dict) -> dict:
    """Count each endpoint's queries and time it on a cold cache; measure the list's size."""
    client = Client()
    addresses = benchmark.endpoints(sample)
    for path in addresses.values():
        client.get(path)  # compile the templates and load the catalogues, as a server has
    counts = {}
    for label, path in addresses.items():
        cache.clear()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[f"_cold {label}"] = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (path, response.status_code)
        counts[label] = len(queries)
        if label == "list":
            counts["_list_bytes"] = len(response.content)
    return counts
