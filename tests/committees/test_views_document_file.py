"""Uploaded appendix files (committees/views.py, `document_file`): the public gets the copy
frozen at publication, and exempt files reach only those entitled to read them; on the demo."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from committees import roles
from committees.models import Committee, PublishedFile
from committees.services import documents as document_services
from committees.uploads import CheckedUpload
from tests.factories import AgendaItemFactory, CouncillorFactory, DocumentFactory, MeetingFactory
from tests.support.demo import PFCF_SLUG
from tests.support.files import text_pdf
from tests.support.users import make_user, user

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def meeting(demo):
    """A meeting of the committee the demo councillor sits on, a month ahead."""
    meeting = MeetingFactory(
        committee=Committee.objects.get(slug=PFCF_SLUG),
        starts_at=timezone.now() + dt.timedelta(days=30),
    )
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget"), title="Report")
    return meeting


def appendix(meeting, text="VALUATION-CANARY", **fields):
    document = DocumentFactory(
        item=AgendaItemFactory(meeting=meeting, title="Land sale", **fields.pop("item", {})),
        kind="appendix",
        title="Valuation",
        **fields,
    )
    document.upload.save("valuation.pdf", ContentFile(text_pdf(text)))
    return document


def file_url(document):
    return reverse("committees:document_file", args=[document.pk])


def test_public_appendix_of_a_published_agenda_is_served_to_anyone(client, meeting, publish):
    document = appendix(meeting)
    publish(meeting)
    response = client.get(file_url(document))
    assert response.status_code == 200
    assert response.content == document.upload.open("rb").read()
    assert "public" in response["Cache-Control"]


def test_replaced_upload_is_not_served_until_republished(client, meeting, publish):
    """Finding 1: after publication the officer replaces the PDF and does not republish; the
    file URL served the new draft to anyone while the pack still had the old one."""
    document = appendix(meeting, text="ORIGINAL-VALUATION")
    original = document.upload.open("rb").read()
    publish(meeting)
    replacement = text_pdf("DRAFT-CANARY-REVISED-VALUATION")
    document_services.document_update(
        document=document,
        expected_version=document.version,
        upload=CheckedUpload(kind="pdf", name="new.pdf", content=replacement, pages=1),
    )
    response = client.get(file_url(document))
    assert response.status_code == 200
    assert response.content == original
    assert response.content != replacement

    publish(meeting)
    assert client.get(file_url(document)).content == replacement


def test_published_file_is_served_after_the_draft_removes_its_document(client, meeting, publish):
    document = appendix(meeting)
    original = document.upload.open("rb").read()
    publish(meeting)
    url = file_url(document)
    document.delete()
    assert client.get(url).content == original


def test_identical_uploads_are_stored_once_across_republications(meeting, publish):
    document = appendix(meeting)
    first = publish(meeting)
    second = publish(meeting)
    assert (
        first.files.get().file
        == second.files.get().file
        == (PublishedFile.objects.filter(document_pk=document.pk).first().file)
    )


def test_exempt_appendix_sends_the_public_to_sign_in(client, meeting, publish):
    document = appendix(meeting, exempt=True, exempt_paragraph=3)
    publish(meeting)
    response = client.get(file_url(document))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_appendix_of_an_exempt_item_is_refused_to_the_public(client, meeting, publish):
    document = appendix(meeting, item={"exempt": True, "exempt_paragraph": 3})
    publish(meeting)
    assert client.get(file_url(document)).status_code == 302


def test_councillor_not_on_the_committee_gets_403(client, meeting, publish):
    document = appendix(meeting, exempt=True, exempt_paragraph=3)
    publish(meeting)
    outsider = make_user("outsider", roles.COUNCILLORS)
    CouncillorFactory(user=outsider)
    client.force_login(outsider)
    assert client.get(file_url(document)).status_code == 403


def test_councillor_on_the_committee_reads_the_exempt_appendix_privately(client, meeting, publish):
    document = appendix(meeting, exempt=True, exempt_paragraph=3)
    publish(meeting)
    client.force_login(user("councillor"))
    response = client.get(file_url(document))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_unpublished_appendix_is_not_found_and_its_draft_is_for_editors_only(client, meeting):
    document = appendix(meeting)
    assert client.get(file_url(document)).status_code == 404
    draft = reverse("officer:document_upload", args=[document.pk])
    assert client.get(draft).status_code == 302
    client.force_login(user("councillor"))
    assert client.get(draft).status_code == 403
    client.force_login(user("officer"))
    response = client.get(draft)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_appendix_added_after_publication_is_not_found_until_republished(client, meeting, publish):
    publish(meeting)
    document = appendix(meeting)
    assert client.get(file_url(document)).status_code == 404
    publish(meeting)
    assert client.get(file_url(document)).status_code == 200


def test_missing_stored_file_gives_a_styled_503_and_is_logged(client, meeting, publish, caplog):
    document = appendix(meeting)
    publication = publish(meeting)
    default_storage.delete(publication.files.get().file.name)
    response = client.get(file_url(document))
    assert response.status_code == 503
    assert "temporarily unavailable" in response.content.decode()
    assert "is missing or unreadable" in caplog.text


def test_damaged_stored_pack_gives_503_never_the_damaged_bytes(client, meeting, publish, caplog):
    publication = publish(meeting)
    name = publication.public_pdf.name
    damaged = default_storage.open(name, "rb").read()[:-500]
    default_storage.delete(name)
    default_storage.save(name, ContentFile(damaged))
    for url in (
        reverse("committees:pack_pdf", args=[meeting.pk]),
        reverse("committees:pack", args=[meeting.pk]),
    ):
        response = client.get(url)
        if url.endswith(".pdf"):
            assert response.status_code == 503
            assert damaged not in response.content
        else:  # the HTML page is stored apart, undamaged
            assert response.status_code == 200
    assert "is damaged" in caplog.text


def test_stored_names_cannot_be_derived_from_the_public_etag(meeting, publish):
    publication = publish(meeting)
    for stored in (publication.public_pdf, publication.restricted_pdf, publication.public_html):
        assert publication.content_hash[:12] not in stored.name
        assert stored.sha256 not in stored.name
