"""The task worker (`manage.py db_worker`), run in the test's process."""

from django.core.management import call_command


def run_worker():
    """Run every task waiting (publications, pack previews), then return."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
