"""`make bench`: the site under gunicorn and a real load generator, from 1,000 to 100,000 practices.

For each database and size it seeds synthetic practices, starts gunicorn with production
settings, drives every endpoint with wrk at a fixed concurrency, counts each endpoint's
database queries in-process, and measures a streamed CSV export and two ceilings: a bare
Django view and a static file of the practice list's size.
"""

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse

ROOT = Path(settings.BASE_DIR)
LUA = ROOT / "compendium" / "benchmark.lua"
CEILING_FILE = "bench-ceiling.html"
REDIS_URL = "redis://127.0.0.1:6379/5"


def bare_page(request):
    """Answer with fixed bytes through Django alone: the ceiling a page cannot beat."""
    return HttpResponse(b"x" * int(os.environ.get("BENCH_PAGE_BYTES", "50000")))


def endpoints(sample: dict[str, str]) -> dict[str, str]:
    """Name every measured address; `sample` names a practice, a country and a pillar."""
    return {
        "home": "/",
        "list": "/practices/",
        "list, 3 filters": f"/practices/?pillar={sample['pillar']}&country={sample['country']}"
        f"&theme={sample['theme']}",
        "search": "/practices/?q=diaspora+remittances",
        "practice": f"/practices/{sample['practice']}/",
        "country": f"/countries/{sample['country'].lower()}/",
        "map": "/map/",
        "api list": "/api/v1/practices/",
        "api practice": f"/api/v1/practices/{sample['practice']}/",
    }


@dataclass
class Measure:
    requests_per_second: float
    p50: float
    p95: float
    p99: float
    errors: int
    socket_errors: int = 0
    requests: int | None = None  # answered within the run: with none, latencies mean nothing
    queries: int | None = None
    cold_ms: float | None = None  # one request on an empty cache, timed in-process


@dataclass
class SizeResult:
    size: int
    seconds_to_seed: float
    measures: dict[str, Measure] = field(default_factory=dict)
    ceilings: dict[str, Measure] = field(default_factory=dict)
    uncached: dict[str, Measure] = field(default_factory=dict)  # with every cache off
    export: dict | None = None
    search: dict | None = None  # the relevance queries, timed in-process with no cache


def environment(
    database_url: str, port: int, workers: int, page_bytes: int = 0, cached: bool = True
) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="60",
        DJANGO_ENV="production",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-" + "k" * 60,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",  # wrk speaks plain HTTP on loopback
        API_ANON_RATE="off",
        BENCHMARK="1",
        BENCH_PAGE_BYTES=str(page_bytes),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_THREADS="1",
        # A recycled worker starts with cold caches: keep workers for the whole run.
        GUNICORN_MAX_REQUESTS="0",
        # As in production: one cache shared by the workers (database 5, emptied first).
        REDIS_URL=REDIS_URL,
    )
    if not cached:
        env["DJANGO_CACHE"] = "none"
    return env


def manage(env: dict, *args: str) -> str:
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


class Server:
    """A gunicorn serving the site; a context manager that waits until it answers."""

    def __init__(self, env: dict, port: int):
        self.env, self.port = env, port

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2)
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()  # or it would keep the port for the next run
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


def wrk(url: str, *, seconds: int, connections: int, threads: int, timeout: int = 2) -> Measure:
    command = [
        *("wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}s"),
        *("-s", str(LUA), url),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    data = json.loads(re.search(r"^BENCH (.*)$", output, re.M).group(1))
    return Measure(
        requests_per_second=data["requests"] / data["seconds"],
        requests=data["requests"],
        p50=data["p50"] / 1000,
        p95=data["p95"] / 1000,
        p99=data["p99"] / 1000,
        errors=data["errors"],
        socket_errors=data["socket"],
    )


def memory_kib(pid: int, field_name: str) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{field_name}:\s+(\d+) kB", status, re.M).group(1))


def measure_export(server: Server, path: str) -> dict:
    """Time one streamed CSV export and the growth of its worker's peak memory."""
    (worker,) = server.worker_pids()
    before = memory_kib(worker, "VmRSS")
    started = time.perf_counter()
    with urllib.request.urlopen(server.url + path, timeout=600) as response:
        rows = sum(1 for _row in csv.reader(io.TextIOWrapper(response, encoding="utf-8"))) - 1
    seconds = time.perf_counter() - started
    growth = memory_kib(worker, "VmHWM") - before
    return {"rows": rows, "seconds": seconds, "memory_growth_mib": growth / 1024}


def time_search(rounds: int = 3) -> dict:
    """Time the list page's search work for every query of the relevance set, no cache.

    Each query is run as the page runs it (its count and first page of 20), `rounds` times,
    after one query that loads the synonym groups, as a worker's first search does.
    Returns milliseconds.
    """
    from .search import evaluation

    judgements = evaluation.load_judgements(ROOT / "tests" / "search_relevance.yaml")
    evaluation.first_page(judgements[0].query)
    timings = []
    for _ in range(rounds):
        for judgement in judgements:
            started = time.perf_counter()
            evaluation.first_page(judgement.query)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "queries": len(judgements),
        "p50": timings[len(timings) // 2],
        "p95": timings[int(len(timings) * 0.95)],
        "max": timings[-1],
    }
