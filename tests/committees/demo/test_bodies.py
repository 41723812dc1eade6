"""The council's bodies as the demo loads them (committees/demo/bodies.py): scrutiny committees
with their responsibilities and standing items, the corporate plan, municipal years."""

import datetime as dt

import pytest
from django.utils import timezone

from committees.demo import PFCF
from committees.models import Committee, CorporatePlanPriority, Meeting

pytestmark = pytest.mark.usefixtures("demo")


def test_corporate_plan_mapping_has_four_scrutiny_committees_with_shared_priorities(demo):
    committees = {c.short_name: c for c in Committee.objects.scrutiny()}
    welcoming = CorporatePlanPriority.objects.get(title="A welcoming city")

    assert set(committees) == {
        "Brexit, Infrastructure and Legislative Change",
        "Performance, Finance and Customer Focus",
        "Education and Children's Social Care",
        "Health and Adult Social Care",
    }
    pfcf = committees["Performance, Finance and Customer Focus"]
    responsibilities = [r.title for r in pfcf.responsibilities.all()]
    assert responsibilities[1] == "Corporate Performance Monitoring"
    assert "Bereavement Services and Register Office" in responsibilities
    assert len(responsibilities) == 17
    assert welcoming.committees.count() == 3


def test_every_meeting_falls_in_a_contiguous_municipal_year(demo):
    years = list(Meeting.objects.values_list("municipal_year__label", flat=True).distinct())
    today = timezone.localdate()
    current_start = today.year if today.month >= 5 else today.year - 1

    assert {"2014/2015", "2018/2019", "2019/2020", f"{current_start}/{current_start + 1}"} <= set(
        years
    )
    for meeting in Meeting.objects.select_related("municipal_year"):
        year = meeting.municipal_year
        assert (year.start_date, year.end_date) == (
            dt.date(year.start_date.year, 5, 1),
            dt.date(year.start_date.year + 1, 4, 30),
        ), year
        assert year.start_date <= meeting.date <= year.end_date, meeting


def test_scrutiny_committees_open_and_close_with_the_seeds_standing_items(demo):
    pfcf = Committee.objects.get(name=PFCF)

    assert [(s.title, s.at_end) for s in pfcf.standing_items.all()] == [
        ("Apologies", False),
        ("Declarations of Interest", False),
        ("Minutes", False),
        ("Chair's Urgent Business", False),
        ("Work Programme", True),
        ("Tracking Decisions", True),
    ]
