import pytest
from django.db import connection

from .servers import database_url


@pytest.fixture
def postgres():
    """Skip on SQLite, whose test database lives in this process's memory."""
    if connection.vendor != "postgresql":
        pytest.skip("an app server in another process needs the PostgreSQL test database")
    return database_url()
