import os
import shutil

import pytest
from django.db import connection

from .servers import RedisServer


def database_url() -> str:
    """The test database, as an app server in another process reaches it."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def postgres():
    """Skip on SQLite, whose test database lives in this process's memory."""
    if connection.vendor != "postgresql":
        pytest.skip("an app server in another process needs the PostgreSQL test database")
    return database_url()


@pytest.fixture
def own_redis():
    if not shutil.which("redis-server"):
        if os.environ.get("CI"):
            pytest.fail("the fault tests need redis-server (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    yield server
    server.stop()
