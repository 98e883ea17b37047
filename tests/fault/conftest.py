import pytest
from django.db import connection


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
