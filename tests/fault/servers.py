"""Servers a fault test starts, owns and breaks: Redis, a database proxy, the app under gunicorn.

Each listens on a spare loopback port and is stopped only through its own handle, so a
test never touches the machine's shared Redis or PostgreSQL.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
REQUEST_TIMEOUT = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The PostgreSQL test database, as an app server in another process reaches it."""
    from django.db import connection

    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(check, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} within {seconds} s")


class RedisServer:
    """A redis-server of the test's own, keeping nothing on disk."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.answers, f"Redis on port {self.port} answers")

    def answers(self) -> bool:
        import redis

        try:
            return redis.Redis(port=self.port, socket_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def key_count(self) -> int:
        import redis

        return redis.Redis(port=self.port, socket_timeout=1).dbsize()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def pause(self) -> None:
        """Freeze the server: it keeps its data and connections but answers nothing."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


class TcpProxy:
    """Forward a spare port to an upstream server; stop() refuses and cuts every connection."""

    def __init__(self, upstream_port: int):
        self.upstream = ("127.0.0.1", upstream_port)
        self.port = free_port()
        self._listener = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener:
            # close() alone leaves a thread blocked in accept() accepting on Linux.
            with _quietly():
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            for connection in self._open:
                with _quietly():
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            self._open.clear()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # stopped
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._open |= {client, server}
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, target):
                with _quietly():
                    end.shutdown(socket.SHUT_RDWR)


class _quietly:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        return kind is not None and issubclass(kind, OSError)


class AppServer:
    """The site under gunicorn with production settings, on a spare port."""

    def __init__(self, *, database_url: str, workers: int = 2, log_path=None, **environment):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))},
            "DATABASE_URL": database_url,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "API_ANON_RATE": "100000/minute",  # the throttle runs, but never limits the load
            **environment,
        }
        self.workers = workers
        self.log_path = log_path
        self.process = None
        self.log = None

    def start(self) -> None:
        self.log = open(self.log_path or os.devnull, "a")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi"]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)]
            + ["--timeout", "60", "--graceful-timeout", "5"],
            cwd=PROJECT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
        )
        wait_for(lambda: get(self.base, "/healthz")[0] in (200, 503), "the app server answers")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        if self.log:
            self.log.close()


def get(base: str, path: str, **headers) -> tuple[int, dict, str]:
    """GET an address; return status, headers and body, or (0, {}, error) if none came."""
    request = urllib.request.Request(f"{base}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    except OSError as error:
        return 0, {}, repr(error)


@dataclass
class Load:
    """Readers that fetch addresses in a loop from several threads, counting the answers."""

    base: str
    paths: list[str]
    threads: int = 8
    statuses: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)
    slowest: float = 0.0

    def __post_init__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers = [
            threading.Thread(target=self._read, args=(number,), daemon=True)
            for number in range(self.threads)
        ]

    def __enter__(self):
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout=REQUEST_TIMEOUT + 5)

    def _read(self, number: int) -> None:
        index = number
        while not self._stop.is_set():
            path = self.paths[index % len(self.paths)]
            index += 1
            started = time.monotonic()
            status, _headers, body = get(self.base, path)
            took = time.monotonic() - started
            with self._lock:
                self.statuses[status] += 1
                self.slowest = max(self.slowest, took)
                if status == 0 or status >= 500:
                    self.failures.append((path, status, body[:200]))

    @property
    def answers(self) -> int:
        return sum(self.statuses.values())


class FormFields(HTMLParser):
    """The values a browser would submit for one form of a page."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image"):
                self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.fields.append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.fields


class Browser:
    """A client with cookies that signs in and posts Django forms with their CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(f"{self.base}{path}", timeout=REQUEST_TIMEOUT) as response:
            return response.read().decode()

    def post(self, path: str, fields: list[tuple[str, str]]) -> tuple[int, str]:
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            f"{self.base}{path}", data=body, headers={"Referer": f"{self.base}{path}"}
        )
        try:
            # A write may wait for another's lock (SQLite): allow it more than its busy timeout.
            with self.opener.open(request, timeout=REQUEST_TIMEOUT * 9) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post_form(self, path: str, data: dict) -> tuple[int, str]:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path))[1]
        fields = [*urllib.parse.parse_qsl(urllib.parse.urlencode(data, doseq=True))]
        return self.post(path, [*fields, ("csrfmiddlewaretoken", token)])

    def sign_in(self, username: str, password: str) -> None:
        status, html = self.post_form(
            "/admin/login/?next=/admin/", {"username": username, "password": password}
        )
        assert status == 200 and "logout" in html.lower(), html[:500]
