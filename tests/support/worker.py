"""The task worker (`manage.py db_worker`), run in the test's process."""

from unittest import mock

from django.core.management import call_command


def run_worker():
    """Run every task waiting (publications, pack previews), then return.

    Between tasks the worker closes database connections it takes for stale, as Django does
    between requests, and a connection inside a transaction counts as stale. The test's
    connection holds the test's transaction: SQLite's in-memory test database ignores the close,
    PostgreSQL would lose the test's data. So the worker leaves it open here, as Django's test
    client does for requests.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
