"""The embedded SQLite default under gunicorn: concurrent writers wait their turn, none fails.

Four workers take 50 suggestions at once while an editor saves a practice in the admin
again and again and load_compendium reloads the whole compendium in one transaction.
Every answer must succeed and every write must be there afterwards.
"""

import os
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from .servers import PROJECT, AppServer, Browser, form_fields, wait_for

pytestmark = pytest.mark.fault

SUGGESTIONS = 50
ADMIN_SAVES = 6


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def holds_write_lock(database) -> bool:
    """Whether another connection holds the database's write lock right now."""
    probe = sqlite3.connect(database, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.rollback()
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()


def suggest(base: str, number: int) -> int:
    status, html = Browser(base).post_form(
        "/suggest/",
        {
            "title": f"Concurrent suggestion {number}",
            "description": "A practice sent while others write too.",
            "countries": ["MX"],
            "source_url": "https://example.org/report",
        },
    )
    return status if "Thank you" in html else -status


def save_in_admin(base: str, path: str, edition: int) -> bool:
    editor = Browser(base)
    editor.sign_in("editor", "a-long-test-password")
    fields = [
        (name, value)
        for name, value in form_fields(editor.get(path), "practice_form")
        if name != "summary"
    ]
    fields += [("summary", f"Admin edition {edition}."), ("_continue", "1")]
    status, html = editor.post(path, fields)
    return status == 200 and "was changed successfully" in html


@pytest.mark.timeout(300)
def test_suggestions_admin_saves_and_a_reload_all_land_on_sqlite(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("runs once, in the SQLite pass; it makes its own database file")
    database = tmp_path / "compendium.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--no-input"], ["load_compendium", "--verbosity", "0"]):
        assert manage(env, *command).returncode == 0
    created = manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "from compendium.models import Pillar, Practice; "
        "User.objects.create_superuser('editor', 'e@example.org', 'a-long-test-password'); "
        "print(Practice.objects.create(slug='an-editors-own-entry', title='An editor entry', "
        "summary='First.', description='Not shipped, so a reload leaves it alone.', "
        "primary_pillar=Pillar.objects.get(slug='engage')).pk)",
    )
    assert created.returncode == 0, created.stderr
    practice_id = int(created.stdout.split()[-1])
    path = f"/admin/compendium/practice/{practice_id}/change/"

    app = AppServer(
        database_url=f"sqlite:///{database}",
        workers=4,
        SUGGESTIONS_PER_WINDOW="1000",
        log_path=tmp_path / "gunicorn.log",
    )
    app.start()
    reload_result = {}

    def reload():
        reload_result["run"] = manage(env, "load_compendium", "--force", "--verbosity", "0")

    try:
        loader = threading.Thread(target=reload)
        loader.start()
        # Write while the reload holds the lock, not before it has begun.
        wait_for(lambda: holds_write_lock(database), "load_compendium holds the lock", 60)
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=SUGGESTIONS) as pool:
            suggested = pool.map(lambda n: suggest(app.base, n), range(SUGGESTIONS))
            saved = [save_in_admin(app.base, path, n) for n in range(ADMIN_SAVES)]
            suggested = list(suggested)
            writes_done = time.monotonic() - started
        loader.join(timeout=200)
        reload_done = time.monotonic() - started
    finally:
        app.stop()
    print(f"\nSQLite: writes done {writes_done:.1f} s, reload done {reload_done:.1f} s after")

    log = (tmp_path / "gunicorn.log").read_text()
    assert "database is locked" not in log
    assert suggested == [200] * SUGGESTIONS
    assert saved == [True] * ADMIN_SAVES
    assert reload_result["run"].returncode == 0, reload_result["run"].stderr[-2000:]
    rows = sqlite3.connect(database)
    titles = {
        title
        for (title,) in rows.execute(
            "SELECT title FROM compendium_practice WHERE title LIKE 'Concurrent suggestion %'"
        )
    }
    assert titles == {f"Concurrent suggestion {n}" for n in range(SUGGESTIONS)}
    assert rows.execute("SELECT count(*) FROM compendium_suggestion").fetchone()[0] == SUGGESTIONS
    summary = rows.execute("SELECT summary FROM compendium_practice WHERE id = ?", [practice_id])
    assert summary.fetchone()[0] == f"Admin edition {ADMIN_SAVES - 1}."
