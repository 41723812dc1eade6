"""Publication as one safe step (committees/services/publication.py: publication jobs run by the
task worker), written as the attacks that broke it: the double POST, the cancellation during a
render, the killed worker, the full disk. Published by the demo's officer."""

import datetime as dt
import errno
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from committees.models import Meeting, Publication, PublicationJob
from committees.packs import render
from committees.services import agenda as agenda_services
from committees.services.publication import (
    PublicationRefused,
    publication_job_run,
    publication_request,
)
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory
from tests.support.pages import text
from tests.support.users import user
from tests.support.worker import run_worker

pytestmark = pytest.mark.usefixtures("demo")

State = PublicationJob.State


@pytest.fixture
def meeting(db):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget"), title="Report")
    return meeting


def post_publish(client, meeting, token, action="publish"):
    url = reverse("officer:meeting_publish", args=[meeting.pk])
    return client.post(url, {"action": action, "token": token})


def test_the_same_form_sent_twice_publishes_once(client, officer, meeting):
    """Finding 4: two POSTs of one publish form gave two "Agenda published" records."""
    client.force_login(officer)
    first = post_publish(client, meeting, "form-1")
    again = post_publish(client, meeting, "form-1")
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    run_worker()
    again = post_publish(client, meeting, "form-1")  # a proxy's retry after it finished
    assert again["Location"] == first["Location"]
    run_worker()
    assert meeting.publications.count() == 1
    assert PublicationJob.objects.count() == 1


def test_a_second_publication_while_one_is_under_way_is_refused(client, officer, meeting):
    client.force_login(officer)
    job_url = post_publish(client, meeting, "form-1")["Location"]
    refused = post_publish(client, meeting, "form-2")
    assert refused.status_code == 200
    page = text(refused)
    assert "already being published" in page
    assert job_url in page  # the publish page links to the job under way
    run_worker()
    assert meeting.publications.count() == 1


def test_a_cancellation_during_the_render_wins(client, officer, meeting):
    """Finding 4: a meeting cancelled while its pack rendered was shown as "Agenda published"."""
    job = publication_request(meeting=meeting, by=officer, token="t")
    real = render.render_pack_files

    def render_while_the_officer_cancels(*args, **kwargs):
        agenda_services.meeting_set_status(
            meeting=Meeting.objects.get(pk=meeting.pk),
            status=Meeting.Status.CANCELLED,
            reason="Not quorate.",
        )
        return real(*args, **kwargs)

    with mock.patch.object(render, "render_pack_files", render_while_the_officer_cancels):
        publication_job_run(job=job)

    assert job.state == State.FAILED
    assert "cancelled while the pack was being rendered" in " ".join(job.problems)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    assert not meeting.publications.exists()
    page = text(client.get(meeting.get_absolute_url()))
    assert "Cancelled" in page and "Agenda published" not in page


def test_an_agenda_change_during_the_render_refuses_the_stale_version(officer, meeting):
    job = publication_request(meeting=meeting, by=officer, token="t")
    meeting.refresh_from_db()
    agenda_services.agenda_item_add(
        item=AgendaItemFactory.build(meeting=meeting, title="Late item", verbal=True),
        after=None,
        expected_meeting_version=meeting.version,
    )
    publication_job_run(job=job)
    assert job.state == State.FAILED
    assert "changed while the pack was being rendered" in " ".join(job.problems)
    assert not meeting.publications.exists()


class WorkerKilled(BaseException):
    """What the job sees of a worker process killed mid-render: nothing after this runs."""


def test_a_killed_supplement_keeps_its_items_to_follow_and_can_be_retried(
    client, officer, meeting, settings
):
    """Finding 4: killing the server during a supplement left the item's To Follow mark cleared
    with nothing published, and the retry was refused."""
    to_follow = AgendaItemFactory(meeting=meeting, title="Procurement update", to_follow=True)
    publication_job_run(job=publication_request(meeting=meeting, by=officer, token="first"))
    DocumentFactory(item=to_follow, title="Procurement report")

    job = publication_request(meeting=meeting, by=officer, token="supplement", supplement=True)
    with (
        mock.patch.object(render, "render_pack_files", side_effect=WorkerKilled),
        pytest.raises(WorkerKilled),
    ):
        publication_job_run(job=job)
    to_follow.refresh_from_db()
    assert to_follow.to_follow
    assert meeting.publications.count() == 1

    # While the dead job still looks alive, a retry is refused; once its heartbeat is older
    # than the stale limit, the retry goes ahead.
    with pytest.raises(PublicationRefused, match="already being published"):
        publication_request(meeting=meeting, by=officer, token="retry", supplement=True)
    PublicationJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(seconds=settings.PUBLICATION_STALE_SECONDS + 1)
    )
    retry = publication_request(meeting=meeting, by=officer, token="retry", supplement=True)
    publication_job_run(job=retry)
    assert retry.state == State.DONE
    assert retry.publication.kind == Publication.Kind.SUPPLEMENT
    assert list(retry.publication.items.all()) == [to_follow]
    to_follow.refresh_from_db()
    assert not to_follow.to_follow
    assert PublicationJob.objects.get(pk=job.pk).state == State.FAILED


def test_a_full_disk_leaves_no_partial_file_and_tells_the_officer(client, officer, meeting):
    """Finding 4: a full disk left a truncated PDF behind and gave the officer a raw 500."""
    first = publication_request(meeting=meeting, by=officer, token="first")
    publication_job_run(job=first)
    DocumentFactory(item=meeting.items.get(), kind="appendix", title="New", body="<p>New</p>")
    # Whichever storage the suite runs with (STORAGE: a folder, or memory).
    storage_class = default_storage.__class__
    real_save = storage_class._save

    def disk_fills_up(self, name, content):
        if not name.startswith("published/"):
            return real_save(self, name, content)
        real_save(self, name, ContentFile(content.read()[:100]))  # written before it filled
        raise OSError(errno.ENOSPC, "No space left on device")

    def stored_names():
        return {
            f"published/{folder}/{name}"
            for folder in default_storage.listdir("published")[0]
            for name in default_storage.listdir(f"published/{folder}")[1]
        }

    before = stored_names()
    job = publication_request(meeting=meeting, by=officer, token="second")
    with mock.patch.object(storage_class, "_save", disk_fills_up):
        publication_job_run(job=job)

    assert job.state == State.FAILED
    assert "could not be stored" in " ".join(job.problems)
    assert "previous version is still live" in " ".join(job.problems)
    names = stored_names()
    assert names == before
    live = first.publication
    assert {live.public_pdf.name, live.restricted_pdf.name, live.public_html.name} <= names
    assert list(meeting.publications.all()) == [live]
    client.force_login(officer)
    page = text(client.get(job.get_absolute_url()))
    assert "could not be stored" in page
    assert client.get(reverse("committees:pack_pdf", args=[meeting.pk])).status_code == 200


def test_the_progress_page_polls_until_the_job_is_finished(client, officer, meeting):
    client.force_login(officer)
    job_url = post_publish(client, meeting, "form-1")["Location"]
    page = text(client.get(job_url))
    assert "Waiting to start" in page
    assert 'hx-trigger="every 2s"' in page
    assert "Refresh to see progress" in page  # without JavaScript
    run_worker()
    partial = client.get(job_url, headers={"HX-Request": "true"})
    assert "<html" not in text(partial)
    assert "Agenda published" in text(partial)
    assert "hx-trigger" not in text(partial)


def test_only_officers_see_a_publication_job(client, officer, meeting):
    job = publication_request(meeting=meeting, by=officer, token="t")
    assert client.get(job.get_absolute_url()).status_code == 302
    client.force_login(user("councillor"))
    assert client.get(job.get_absolute_url()).status_code == 403


def test_a_document_made_exempt_during_the_render_is_not_published_openly(officer, meeting):
    document = meeting.items.get().documents.get()
    job = publication_request(meeting=meeting, by=officer, token="t")
    real = render.render_pack_files

    def render_then_the_officer_makes_it_exempt(*args, **kwargs):
        files = real(*args, **kwargs)
        document.exempt, document.exempt_paragraph = True, 1
        document.save()
        return files

    with mock.patch.object(render, "render_pack_files", render_then_the_officer_makes_it_exempt):
        publication_job_run(job=job)
    assert job.state == State.FAILED
    assert "What is exempt (Part II) changed" in " ".join(job.problems)
    assert not meeting.publications.exists()
