"""The generated documents in the pack: the work programme, the tracker and a programme update,
with exempt minutes kept out of the public pack."""

import datetime as dt

import pytest
from django.utils import timezone

from committees.models import Document, Outcome
from committees.packs.render import render_pack_html
from committees.services.publication import agenda_problems
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.support.pdf import squash
from tests.workprogramme.factories import TopicFactory, WorkProgrammeFactory, outcome
from workprogramme import services
from workprogramme.models import Programme, ProgrammeUpdate, Workstream, WorkstreamStatus

pytestmark = pytest.mark.django_db


def generated(meeting, key, record=None, title="Generated"):
    item = AgendaItemFactory(meeting=meeting, title=title)
    return Document.objects.create(
        item=item, kind=Document.Kind.GENERATED, title=title, generator=key, generator_record=record
    )


def test_a_work_programme_document_needs_the_committees_programme_for_the_year():
    meeting = MeetingFactory()
    generated(meeting, "workprogramme.programme", title="Work Programme")

    assert any("has no work programme" in p for p in agenda_problems(meeting))

    programme = WorkProgrammeFactory(committee=meeting.committee)
    yes = dict.fromkeys(["public_interest", "ability", "performance", "extent"], True)
    TopicFactory(
        programme=programme,
        title="Street Services",
        replication=True,
        executive_decision=False,
        **yes,
    )
    assert not any("work programme" in p for p in agenda_problems(meeting))
    html = squash(render_pack_html(meeting, restricted=False))
    assert f"Items to be scheduled {programme.municipal_year.start_date.year}/" in html
    assert 'Street Services</td> <td class="govuk-table__cell">(5)</td>' in html


def test_the_public_pack_leaves_out_decisions_of_exempt_minutes():
    public = outcome(kind=Outcome.Kind.REQUESTED, text="PUBLIC-REQUEST-7731")
    committee = public.entry.minutes.meeting.committee
    secret = outcome(kind=Outcome.Kind.REQUESTED, committee=committee, text="EXEMPT-REQUEST-7732")
    secret.entry.exempt, secret.entry.exempt_paragraph = True, 3
    secret.entry.save()
    meeting = MeetingFactory(committee=committee)
    generated(meeting, "workprogramme.tracker", title="Tracking Decisions")

    public_pack = render_pack_html(meeting, restricted=False)
    restricted_pack = render_pack_html(meeting, restricted=True)

    assert "PUBLIC-REQUEST-7731" in public_pack and "EXEMPT-REQUEST-7732" not in public_pack
    assert "EXEMPT-REQUEST-7732" in restricted_pack


def test_a_programme_update_document_shows_what_changed_since_the_last(
    django_capture_on_commit_callbacks,
):
    meeting = MeetingFactory()
    programme = Programme.objects.create(name="Digital First", committee=meeting.committee)
    website = Workstream.objects.create(programme=programme, title="Website", position=1)
    payments = Workstream.objects.create(programme=programme, title="Payments", position=2)
    first_day = timezone.localdate() - dt.timedelta(days=90)
    services.programme_update_create(
        update=ProgrammeUpdate(programme=programme, dated=first_day),
        statuses=[WorkstreamStatus(workstream=website, status="green")],
    )
    latest = services.programme_update_create(
        update=ProgrammeUpdate(programme=programme, dated=meeting.date, meeting=meeting),
        statuses=[
            WorkstreamStatus(workstream=website, status="amber", next_steps="Relaunch in May"),
            WorkstreamStatus(workstream=payments, status="green"),
        ],
    )
    generated(meeting, "workprogramme.programme_update", record=latest.pk, title="Update")

    html = squash(render_pack_html(meeting, restricted=False))

    assert f"Changes since the update of {first_day:%-d %B %Y}" in html
    assert "Website: from Green: on track to Amber: at risk" in html
    assert "New workstream: Payments" in html
    assert "Relaunch in May" in html
