"""Minutes on the public pages (committees/views.py): the meeting page shows them, draft or
confirmed, with per-item outcomes and amendments; councillors' pages their attendance and
declarations; committees an attendance table. Exempt minutes never reach the public. The demo
(with the minutes of 12 June 2019 published as a draft) is loaded once for the module."""

import datetime as dt

import pytest
from django.urls import reverse

from committees import minutes as rules
from committees.models import Councillor, Declaration, Meeting, MinuteEntry, Minutes, Outcome
from committees.packs.render import render_pack_pdf
from committees.services import minutes as services
from tests.support.demo import PFCF_SLUG, seed_meeting
from tests.support.pages import text
from tests.support.pdf import PackPdf, all_text
from tests.support.users import user

pytestmark = pytest.mark.usefixtures("demo")

CANARY = "CANARY-EXEMPT-MINUTE-7d1f"


def june_meeting():
    return Meeting.objects.get(committee__slug=PFCF_SLUG, starts_at__date=dt.date(2019, 6, 12))


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return text(response)


def test_meeting_page_shows_the_draft_minutes_with_their_outcomes_and_caveat(client):
    html = page(client, june_meeting().get_absolute_url())

    assert "Minutes published (draft)" in html
    assert "Draft minutes" in html
    assert rules.CAVEAT in html
    assert "59. Corporate Performance and Finance Outturn Report (To Follow)" in html
    assert "The Committee requested Monthly Finance Monitoring reports" in html
    assert "Councillor Kelly, in the Chair." in html
    assert "<li>Carbon Initiative;</li>" in html
    assert '<ol type="a">' in html


def test_meeting_page_and_lists_say_held_minutes_to_follow_before_minutes_are_published(client):
    Minutes.objects.filter(meeting=june_meeting()).update(status=Minutes.Status.DRAFT)

    assert "Held — minutes to follow" in page(client, june_meeting().get_absolute_url())
    assert "Draft minutes" not in page(client, june_meeting().get_absolute_url())
    committee_page = page(client, reverse("committees:committee", args=[PFCF_SLUG]))
    assert "Held — minutes to follow" in committee_page


def confirm_june(officer, *, correction=""):
    """Record the 24 July 2019 meeting's minute on its Minutes item, confirming June's."""
    july = services.minutes_of(seed_meeting())
    item = seed_meeting().items.get(title="Minutes")
    at = services.entry_save(
        entry=MinuteEntry(minutes=july, agenda_item=item, title="Minutes"),
        expected_version=july.version,
    )
    june = Minutes.objects.get(meeting=june_meeting())
    return services.minutes_confirm(
        minutes=june,
        at=at,
        expected_version=june.version,
        by=officer,
        correction=correction,
        correction_reason="The Vice Chair's name was misspelt." if correction else "",
    )


def test_confirmed_minutes_are_labelled_with_their_confirmation_and_amendments(client):
    confirm_june(user("officer"), correction="Minute 54: the year 2019/2020")

    html = page(client, june_meeting().get_absolute_url())
    assert "Minutes confirmed on 24 July 2019" in html
    assert "Confirmed as an accurate record at the meeting on 24 July 2019 (minute 61)." in html
    assert rules.CAVEAT not in html
    assert "Minute 54: the year 2019/2020. Reason: The Vice Chair&#x27;s name" in html or (
        "Minute 54: the year 2019/2020. Reason: The Vice Chair's name was misspelt." in html
    )


def test_councillors_attendance_figures_come_from_the_published_minutes(client):
    figures = {
        name: page(client, Councillor.objects.get(name=name).get_absolute_url())
        for name in ("Kelly", "Hendy", "Murphy", "Singh")
    }

    def row(html):
        start = html.index("2019/2020</th>")
        cells = html[start : html.index("</tr>", start)].split('numeric">')[1:]
        return [int(cell.split("<")[0]) for cell in cells]

    # expected, present, substitute, apologies, absent
    assert row(figures["Kelly"]) == [1, 1, 0, 0, 0]
    assert row(figures["Hendy"]) == [1, 0, 0, 1, 0]
    assert row(figures["Murphy"]) == [0, 0, 1, 0, 0]
    assert row(figures["Singh"]) == [1, 0, 0, 0, 1]


def test_committee_attendance_table_sorts_by_any_column(client):
    url = reverse("committees:committee", args=[PFCF_SLUG])
    by_name = page(client, url)
    by_absent = page(client, f"{url}?attendance-sort=-absent")

    assert "Members&#x27; attendance" in by_name or "Members' attendance" in by_name
    table = by_absent[by_absent.index('id="attendance"') :]
    assert table.index(">Singh</a>") < table.index(">Kelly</a>")
    assert 'aria-sort="descending"' in by_absent


def test_declarations_show_on_the_councillors_page(client):
    minutes = Minutes.objects.get(meeting=june_meeting())
    entry = minutes.entries.get(title="Terms of Reference")
    Declaration.objects.create(
        minutes=minutes,
        entry=entry,
        councillor=Councillor.objects.get(name="Derrick"),
        kind=Declaration.Kind.OTHER_REGISTRABLE,
        text="Governor of a school named in the terms of reference.",
        left_room=True,
    )
    html = page(client, Councillor.objects.get(name="Derrick").get_absolute_url())

    assert "Other registrable interest. Governor of a school" in html
    assert "Left the room for the item." in html
    meeting_page = page(client, june_meeting().get_absolute_url())
    assert "Councillor Derrick declared an interest (other registrable interest)" in meeting_page


def make_exempt_minute():
    """An exempt minute, planted with canaries in every part a reader could see."""
    minutes = Minutes.objects.get(meeting=june_meeting())
    entry = MinuteEntry.objects.create(
        minutes=minutes,
        position=99,
        title=f"Land sale {CANARY}",
        text=f"<p>Price {CANARY}</p>",
        urgency_reason=f"Urgent {CANARY}",
        exempt=True,
        exempt_paragraph=3,
    )
    Outcome.objects.create(entry=entry, kind=Outcome.Kind.NOTED, text=f"Noted {CANARY}")
    Declaration.objects.create(
        minutes=minutes,
        entry=entry,
        councillor=Councillor.objects.get(name="Kelly"),
        kind=Declaration.Kind.DISCLOSABLE_PECUNIARY,
        text=f"Owns land {CANARY}",
    )
    return entry


def test_exempt_minutes_never_reach_the_public(client):
    make_exempt_minute()
    councillor = user("councillor")
    urls = [
        june_meeting().get_absolute_url(),
        reverse("committees:committee", args=[PFCF_SLUG]),
        Councillor.objects.get(name="Kelly").get_absolute_url(),
        reverse("committees:home"),
    ]
    for reader in (None, councillor):
        if reader:
            client.force_login(reader)
        for url in urls:
            assert CANARY not in page(client, url), url
    html = page(client, june_meeting().get_absolute_url())
    assert "61. Exempt minute" in html
    assert "Not for publication" in html
    # The next meeting's public pack withholds it; the restricted pack carries it.
    meeting = seed_meeting()
    public = PackPdf(render_pack_pdf(meeting, restricted=False).data, meeting, restricted=False)
    assert CANARY not in all_text(public)
    assert CANARY not in public.data.decode("latin-1")
    restricted = PackPdf(render_pack_pdf(meeting, restricted=True).data, meeting, restricted=True)
    assert f"61. Land sale {CANARY}" in all_text(restricted)


def test_meeting_page_with_minutes_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    url = june_meeting().get_absolute_url()
    with django_assert_max_num_queries(14) as before:  # the public version included
        client.get(url)
    minutes = Minutes.objects.get(meeting=june_meeting())
    for position in range(20):
        entry = MinuteEntry.objects.create(minutes=minutes, position=100 + position, title="More")
        Outcome.objects.create(entry=entry, kind=Outcome.Kind.NOTED, text="Noted.")
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert client.get(url).status_code == 200
