"""Public pages cached by what they show (committees/public_cache.py): every publication,
republication, supplement, cancellation, postponement or edit of a public record is on every
page that shows it at the next request, however recently the page was cached; readers whose
copy is current get 304 Not Modified."""

import datetime as dt
import re

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone

from committees.models import Committee, Meeting, PublicVersion
from committees.public_cache import public_page
from committees.services.agenda import meeting_set_status
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory
from tests.support.demo import PFCF
from tests.support.pages import text
from tests.support.users import user

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def meeting():
    """A meeting of the seed's committee a month ahead: a budget report, and a procurement
    report To Follow."""
    meeting = MeetingFactory(
        committee=Committee.objects.get(name=PFCF),
        starts_at=timezone.now() + dt.timedelta(days=30),
    )
    DocumentFactory(
        item=AgendaItemFactory(meeting=meeting, title="Budget", position=1),
        title="Budget report",
        body="<p>The first budget text.</p>",
    )
    AgendaItemFactory(meeting=meeting, title="Procurement", to_follow=True, position=2)
    return meeting


def lists(meeting):
    """The pages that list the meeting with its status: home, its committee, its month."""
    return [
        reverse("committees:home"),
        meeting.committee.get_absolute_url(),
        reverse("committees:calendar_month", args=[meeting.date.year, meeting.date.month]),
    ]


def pages(meeting):
    return [
        *lists(meeting),
        meeting.get_absolute_url(),
        reverse("committees:pack", args=[meeting.pk]),
        reverse("committees:pack_pdf", args=[meeting.pk]),
    ]


def warm(client, meeting):
    """Ask for every page once, so that each one published is cached."""
    return {url: client.get(url) for url in pages(meeting)}


def status_in_list(client, url, meeting):
    """The status tag shown beside the meeting in the list at `url`."""
    page = text(client.get(url))
    link = page.index(f'href="{meeting.get_absolute_url()}"')
    return re.search(r'class="govuk-tag[^"]*">([^<]+)<', page[link:]).group(1)


def test_a_publication_is_on_every_page_at_once(client, meeting, publish):
    before = warm(client, meeting)
    assert before[reverse("committees:pack", args=[meeting.pk])].status_code == 404
    assert [status_in_list(client, url, meeting) for url in lists(meeting)] == ["Scheduled"] * 3

    publish(meeting, on=timezone.localdate())

    assert [status_in_list(client, url, meeting) for url in lists(meeting)] == [
        "Agenda published"
    ] * 3
    page = text(client.get(meeting.get_absolute_url()))
    assert "Budget report" in page and "Read the agenda pack" in page
    assert "The first budget text." in text(
        client.get(reverse("committees:pack", args=[meeting.pk]))
    )
    assert client.get(reverse("committees:pack_pdf", args=[meeting.pk])).status_code == 200


def test_a_republication_replaces_the_agenda_pack_and_its_pdf(client, meeting, publish):
    publish(meeting, on=timezone.localdate())
    before = warm(client, meeting)
    report = meeting.items.get(title="Budget").documents.get()
    report.body = "<p>The revised budget text.</p>"
    report.save()

    publish(meeting, on=timezone.localdate(), note="Budget revised.")

    assert "Agenda republished" in text(client.get(meeting.get_absolute_url()))
    pack = text(client.get(reverse("committees:pack", args=[meeting.pk])))
    assert "The revised budget text." in pack and "The first budget text." not in pack
    pdf_url = reverse("committees:pack_pdf", args=[meeting.pk])
    assert client.get(pdf_url)["ETag"] != before[pdf_url]["ETag"]


def test_a_supplement_releases_the_to_follow_item_on_every_page(client, meeting, publish):
    publish(meeting, on=timezone.localdate())
    warm(client, meeting)
    assert "Procurement – To Follow" in text(client.get(meeting.get_absolute_url()))
    DocumentFactory(
        item=meeting.items.get(title="Procurement"),
        title="Procurement report",
        body="<p>The procurement text.</p>",
    )

    publish(meeting, on=timezone.localdate(), supplement=True)

    page = text(client.get(meeting.get_absolute_url()))
    assert "Procurement – To Follow" not in page
    assert "Download supplement 1 to the agenda" in page
    assert "The procurement text." in text(
        client.get(reverse("committees:pack", args=[meeting.pk]))
    )


@pytest.mark.parametrize(
    "status, shown",
    [(Meeting.Status.CANCELLED, "Cancelled"), (Meeting.Status.POSTPONED, "Postponed")],
)
def test_a_cancellation_or_postponement_is_on_every_page_at_once(
    client, meeting, publish, status, shown
):
    publish(meeting, on=timezone.localdate())
    warm(client, meeting)

    meeting_set_status(meeting=meeting, status=status, reason="The chair is unwell.")

    assert [status_in_list(client, url, meeting) for url in lists(meeting)] == [shown] * 3
    page = text(client.get(meeting.get_absolute_url()))
    assert f"This meeting has been {shown.lower()}. The chair is unwell." in page


def test_an_edited_committee_is_renamed_on_every_page(client, meeting, publish):
    publish(meeting, on=timezone.localdate())
    warm(client, meeting)
    client.get(reverse("committees:committee_list"))
    committee = meeting.committee
    committee.name = "Performance and Finance Scrutiny Panel"
    committee.save()

    for url in [reverse("committees:committee_list"), *pages(meeting)[:-1]]:
        assert "Performance and Finance Scrutiny Panel" in text(client.get(url)), url


def test_a_current_copy_gets_not_modified_and_a_stale_one_the_new_page(client, meeting, publish):
    url = meeting.get_absolute_url()
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304

    publish(meeting, on=timezone.localdate())

    after = client.get(url, headers={"if-none-match": first["ETag"]})
    assert after.status_code == 200 and "Budget report" in text(after)
    assert after["ETag"] != first["ETag"]


def test_cached_pages_carry_a_new_nonce_each_time_matching_their_policy(client):
    url = reverse("committees:home")
    nonces = []
    for _ in range(2):
        response = client.get(url)
        nonce = re.search(r'<script nonce="([^"]+)"', text(response)).group(1)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_public_pages_may_be_kept_by_shared_caches_for_a_minute(client, meeting):
    response = client.get(meeting.get_absolute_url())
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=60" in cache_control
    assert "max-age=0" in cache_control
    assert "Cookie" in response["Vary"]
    assert not response.cookies  # no cookie of the reader's own, which no shared cache keeps


def test_a_signed_in_reader_is_never_served_the_anonymous_copy(client, meeting, publish):
    publish(meeting, on=timezone.localdate())
    assert "Signed in as" not in text(client.get(meeting.get_absolute_url()))
    client.force_login(user("councillor"))
    page = client.get(meeting.get_absolute_url())
    assert "Signed in as" in text(page)
    assert "private" in page["Cache-Control"]


def test_every_change_to_a_shown_record_is_a_new_public_version(meeting):
    before = PublicVersion.objects.get().token
    meeting.status_reason = "Moved to the Council Chamber."
    meeting.save()
    assert PublicVersion.objects.get().token != before


def test_a_page_carrying_a_readers_own_csrf_token_is_never_cached(rf):
    renders = []

    @public_page
    def page(request, *, token):
        renders.append(request)
        return HttpResponse(get_token(request) if token else "the same for everyone")

    for token in (True, True, False, False):
        page(rf.get("/a-page/"), token=token)
    assert len(renders) == 3  # the two with a token each rendered; the plain one once


def test_an_edited_minute_is_on_the_meeting_page_at_once(client):
    june = Meeting.objects.get(committee__name=PFCF, starts_at__date=dt.date(2019, 6, 12))
    entry = june.minutes.entries.filter(exempt=False).first()
    assert entry.title in text(client.get(june.get_absolute_url()))
    entry.title = "A corrected minute title"
    entry.save()
    assert "A corrected minute title" in text(client.get(june.get_absolute_url()))
