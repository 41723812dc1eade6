"""`manage.py load_synthetic --years N`: a synthetic council at scale, for tests and benchmarks."""

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError

from committees.synthetic import DEFAULT_SEED, load_synthetic


class Command(BaseCommand):
    help = (
        "Load a synthetic council (20 committees, about 8 meetings each a year, agendas, "
        "reports, publications) into an empty portal; the same seed and day give the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=10, help="municipal years (default 10)")
        parser.add_argument("--committees", type=int, default=20, help="committees (default 20)")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            help="the day the data is built around (YYYY-MM-DD; default today)",
        )
        parser.add_argument(
            "--no-publish",
            action="store_false",
            dest="publish",
            help="Leave the published meetings without stored publications (faster).",
        )

    def handle(self, *args, years, committees, seed, today, publish, **options):
        started = time.monotonic()
        try:
            loaded = load_synthetic(
                years=years, committees=committees, seed=seed, today=today, publish=publish
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if loaded is None:
            raise CommandError("A council is already set up; synthetic data not loaded.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {loaded.committees} committees, {loaded.meetings} meetings, "
                f"{loaded.items} agenda items, {loaded.documents} documents, "
                f"{loaded.minutes} minutes and {loaded.publications} publications in "
                f"{time.monotonic() - started:.1f} s."
            )
        )
