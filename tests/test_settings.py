import os
import subprocess
import sys

import pytest

GOOD_KEY = "k" * 60


def import_settings(**env):
    """Import the settings in a fresh interpreter, as a server would at start-up."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_development_defaults_need_no_environment():
    result = import_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False")


def test_debug_is_on_only_when_asked():
    assert import_settings(DJANGO_DEBUG="1").stdout.startswith("True")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "example.org"}, "DJANGO_SECRET_KEY"),
        (
            {"DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "example.org"},
            "DJANGO_SECRET_KEY",
        ),
        (
            {
                "DJANGO_SECRET_KEY": GOOD_KEY,
                "DJANGO_ALLOWED_HOSTS": "example.org",
                "DJANGO_DEBUG": "1",
            },
            "DJANGO_DEBUG",
        ),
        ({"DJANGO_SECRET_KEY": GOOD_KEY}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_unsafe_configuration(env, message):
    result = import_settings(DJANGO_ENV="production", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_safe_configuration():
    result = import_settings(
        DJANGO_ENV="production", DJANGO_SECRET_KEY=GOOD_KEY, DJANGO_ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['example.org']"
