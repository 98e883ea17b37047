import os
import subprocess
import sys
from pathlib import Path

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


PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": GOOD_KEY + "-not-a-repeated-character-only-key",
    "DJANGO_ALLOWED_HOSTS": "compendium.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://compendium.example.org",
}


def test_deploy_checks_pass_with_the_documented_production_environment():
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean, **PRODUCTION},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_serves_hashed_compressed_static_files_through_whitenoise():
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    script = (
        "import config.settings as s; "
        "print(s.STORAGES['staticfiles']['BACKEND']); print(s.MIDDLEWARE[2])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, **PRODUCTION},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ], result.stderr


def test_env_example_documents_every_production_variable():
    example = (Path(__file__).parent.parent / ".env.example").read_text()
    for name in PRODUCTION:
        assert f"{name}=" in example


def test_admin_path_comes_from_the_environment():
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    script = (
        "import django; django.setup(); from django.urls import reverse; "
        "print(reverse('admin:index'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_ADMIN_URL": "backoffice/",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "/backoffice/", result.stderr
