"""`manage.py load_demo`: the demo data set from the seeds, loaded once into an empty portal."""

from django.core.management.base import BaseCommand

from committees.demo import demo_logins_text, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data (Plymouth, 2019) if no council is set up yet, then print the demo "
        "logins. Safe to run again: an existing council means nothing is loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-publish",
            action="store_false",
            dest="publish",
            help="Leave the published meetings without rendered, stored packs (faster).",
        )

    def handle(self, *args, publish, **options):
        if load_demo(publish=publish):
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        else:
            self.stdout.write("A council is already set up; demo data not loaded.")
        self.stdout.write(demo_logins_text())
