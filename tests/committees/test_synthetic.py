"""The synthetic council (committees/synthetic, `manage.py load_synthetic`): deterministic from
its seed, realistic in shape, and open to the apps that plug in."""

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import transaction

from committees import synthetic
from committees.models import AgendaItem, Committee, Council, Document, Meeting
from committees.synthetic import load_synthetic

TODAY = dt.date(2026, 11, 26)


def fingerprint():
    """What a reader would see of the data: meetings, agendas and reports, in order."""
    rows = [
        *Meeting.objects.order_by("starts_at", "committee__name").values_list(
            "committee__name", "starts_at", "status", "published_on"
        ),
        *AgendaItem.objects.order_by("meeting__starts_at", "meeting__committee__name", "position")
        .values_list("title", "verbal", "exempt"),
        *Document.objects.order_by("item__meeting__starts_at", "item__position", "position")
        .values_list("title", "body"),
    ]  # fmt: skip
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def loaded_fingerprint(**options):
    with transaction.atomic():
        load_synthetic(years=2, committees=2, today=TODAY, publish=False, **options)
        digest = fingerprint()
        transaction.set_rollback(True)
    return digest


def test_the_same_seed_and_day_give_the_same_council(db):
    assert loaded_fingerprint() == loaded_fingerprint()
    assert loaded_fingerprint(seed=7) != loaded_fingerprint()


def test_each_committee_meets_eight_times_a_year_with_agendas_of_8_to_15_items(db):
    load_synthetic(years=2, committees=3, today=TODAY, publish=False)
    assert Committee.objects.count() == 3
    for committee in Committee.objects.all():
        assert committee.meetings.count() == 16
    sizes = {meeting.items.count() for meeting in Meeting.objects.all()}
    assert min(sizes) >= 8 and max(sizes) <= 15
    assert Meeting.objects.filter(status=Meeting.Status.HELD).exists()
    assert Meeting.objects.filter(starts_at__date__gt=TODAY).exists()
    assert Document.objects.filter(kind=Document.Kind.APPENDIX).exists()


def test_an_apps_loader_gets_the_council_before_the_agendas_are_published(db):
    seen = {}

    def load(ctx: synthetic.SyntheticContext):
        seen["meetings"] = len(ctx.meetings)
        seen["published"] = Meeting.objects.filter(publications__isnull=False).exists()
        seen["draw"] = ctx.rng.random()

    with synthetic.registered("sample_app", load):
        load_synthetic(years=1, committees=1, today=TODAY)
    assert seen["meetings"] == 8
    assert seen["published"] is False
    assert Meeting.objects.filter(publications__isnull=False).exists()


def test_an_app_registers_one_loader_only(db):
    refused = pytest.raises(ImproperlyConfigured, match="“sample_app” already has a synthetic")
    with synthetic.registered("sample_app", lambda ctx: None), refused:
        synthetic.register("sample_app", lambda ctx: None)


def test_the_command_loads_into_an_empty_portal_only(db):
    out = StringIO()
    call_command("load_synthetic", "--years", "1", "--committees", "1", "--no-publish", stdout=out)
    assert "Loaded 1 committees, 8 meetings" in out.getvalue()
    assert Council.objects.count() == 1
    with pytest.raises(CommandError, match="already set up"):
        call_command("load_synthetic", "--years", "1", stdout=StringIO())
