"""Project-wide safety nets."""

import base64
import hashlib
import io
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import django_prose_editor
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from tests.support.users import user

# What README.md's "Running in production" says production sets, besides its database;
# everything else is the default.
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "scrutiny.example.gov.uk",
    "CSRF_TRUSTED_ORIGINS": "https://scrutiny.example.gov.uk",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
    "CLIENT_IP_HEADER": "X-Forwarded-For",
}


def run_in_production(tmp_path, *args):
    """Run Python in a fresh process with the production environment and nothing else."""
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "scrutiny.settings",
        "VAR_DIR": str(tmp_path),
        **PRODUCTION_ENV,
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit:
        pytest.fail(f"Models have changes without a migration:\n{out.getvalue()}")


def test_deploy_check_is_clean_for_the_documented_production_environment(tmp_path):
    result = run_in_production(
        tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING"
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_500_leaves_its_traceback_on_stderr(tmp_path):
    # Any unhandled error will do: here the database has no tables yet.
    script = """
import logging
import django
django.setup()
from django.test import Client
logging.getLogger("committees.packs.render").info("Rendered the agenda pack in 1.2 s")
client = Client(raise_request_exception=False, SERVER_NAME="scrutiny.example.gov.uk")
print(client.get("/", secure=True).status_code)
"""
    result = run_in_production(tmp_path, "-c", script)

    assert result.stdout.strip() == "500", result.stderr
    assert "ERROR django.request: Internal Server Error: /" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr
    assert "no such table" in result.stderr
    assert "INFO committees.packs.render: Rendered the agenda pack in 1.2 s" in result.stderr


def test_csp_allows_the_base_stylesheet_of_the_installed_rich_text_editor():
    # Tiptap, inside django-prose-editor, adds its base stylesheet as an inline <style>; the
    # policy allows it by hash, so a new editor version with other rules needs a new hash.
    editor = Path(django_prose_editor.__file__).parent / "static/django_prose_editor/editor.js"
    stylesheets = re.findall(r"`(\.ProseMirror \{[^`]*)`", editor.read_text(encoding="utf-8"))
    digests = (hashlib.sha256(css.encode()).digest() for css in stylesheets)
    hashes = {f"'sha256-{base64.b64encode(digest).decode()}'" for digest in digests}

    assert hashes
    assert hashes <= set(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"])


def test_forbidden_page_is_styled_and_says_who_is_signed_in(client, demo):
    client.force_login(user("councillor"))

    response = client.get(reverse("officer:dashboard"))

    assert response.status_code == 403
    page = response.content.decode()
    assert '<h1 class="govuk-heading-xl">You cannot open this page</h1>' in page
    assert "You are signed in as councillor" in page
    assert "Skip to main content" in page and "govuk-footer" in page
