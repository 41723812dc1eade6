"""Uploaded files by their names: officers see the name the file was uploaded under, downloads
are named after the document with its appendix letter, and officer pages give the letters."""

import html
import re
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from committees.models import AgendaItem
from committees.services.publication import agenda_publish
from tests.committees.test_reports import form_values
from tests.committees.test_uploads import pdf_bytes
from tests.factories import AgendaItemFactory, CoverSheetFactory, DocumentFactory

pytestmark = pytest.mark.django_db

FILE_NAME = "Customer contact data 2026-27 FINAL v3.pdf"


def words(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def download_name(response):
    """The file name a browser saves a download under, from Content-Disposition."""
    disposition = response["Content-Disposition"]
    encoded = re.search(r"filename\*=utf-8''(\S+)", disposition)
    return unquote(encoded[1]) if encoded else re.search(r'filename="(.+)"', disposition)[1]


@pytest.fixture
def officer():
    return get_user_model().objects.create_superuser(
        "officer", password="unused", first_name="Jamie", last_name="Sheldon"
    )


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def appendix(officer_client):
    """The second appendix of a report, its PDF uploaded through the form under FILE_NAME."""
    report = CoverSheetFactory(document__title="Customer experience").document
    DocumentFactory(item=report.item, kind="appendix", title="Complaints by month")
    url = reverse("officer:document_add", args=[report.item_id, "appendix"])
    upload = SimpleUploadedFile(FILE_NAME, pdf_bytes(pages=3), content_type="application/pdf")
    officer_client.post(
        url,
        form_values(officer_client.get(url), title="Customer contact data 2026/27", upload=upload),
    )
    return report.item.documents.get(title="Customer contact data 2026/27")


def test_the_officer_sees_the_name_the_file_was_uploaded_under(officer_client, appendix):
    page = words(officer_client.get(reverse("officer:document_edit", args=[appendix.pk])))

    assert f"This appendix is the PDF {FILE_NAME} (3 pages)" in page
    assert appendix.upload.name not in page  # its name in storage


def test_the_history_names_the_uploaded_file_not_its_storage_path(officer_client, appendix):
    page = words(officer_client.get(reverse("officer:document_history", args=[appendix.pk])))

    assert "Jamie Sheldon Appendix “Customer contact data 2026/27” created" in page
    replace = reverse("officer:document_edit", args=[appendix.pk])
    officer_client.post(
        replace,
        form_values(
            officer_client.get(replace),
            upload=SimpleUploadedFile("Contact data revised.pdf", pdf_bytes(pages=2)),
        ),
    )
    page = words(officer_client.get(reverse("officer:document_history", args=[appendix.pk])))
    assert f"Uploaded file {FILE_NAME} changed to → Contact data revised.pdf" in page
    assert "documents/" not in page


def test_the_draft_download_is_named_after_the_appendix(officer_client, appendix):
    response = officer_client.get(reverse("officer:document_upload", args=[appendix.pk]))

    assert download_name(response) == "Appendix B – Customer contact data 2026-27 (draft).pdf"


def test_the_published_download_is_named_after_the_appendix(client, officer, appendix):
    agenda_publish(meeting=appendix.item.meeting, by=officer)

    response = client.get(reverse("committees:document_file", args=[appendix.pk]))

    assert response.status_code == 200
    assert download_name(response) == "Appendix B – Customer contact data 2026-27.pdf"


def test_an_exempt_items_appendix_keeps_its_letter_for_those_who_may_read_it(
    officer_client, officer
):
    item = AgendaItemFactory(title="Land sale", exempt=True, exempt_paragraph=3)
    DocumentFactory(item=item, exempt=True, exempt_paragraph=3)
    url = reverse("officer:document_add", args=[item.pk, "appendix"])
    upload = SimpleUploadedFile("valuation.pdf", pdf_bytes())
    officer_client.post(url, form_values(officer_client.get(url), title="Valuation", upload=upload))
    agenda_publish(meeting=item.meeting, by=officer)

    response = officer_client.get(
        reverse("committees:document_file", args=[item.documents.get(title="Valuation").pk])
    )

    assert download_name(response) == "Appendix A – Valuation.pdf"


def test_officer_pages_give_the_appendix_letters(officer_client, appendix):
    agenda = words(officer_client.get(appendix.item.meeting.get_officer_url()))
    form = words(officer_client.get(reverse("officer:document_edit", args=[appendix.pk])))

    assert "Appendix A: Complaints by month (appendix)" in agenda
    assert "Appendix B: Customer contact data 2026/27 (appendix)" in agenda
    assert "Appendix B: Customer contact data 2026/27 Preview" in form


def test_appendices_after_z_are_lettered_aa_ab():
    item = AgendaItemFactory()
    DocumentFactory(item=item, position=0, title="The report")
    for position in range(1, 29):
        DocumentFactory(item=item, position=position, kind="appendix")

    letters = [letter for _, letter in AgendaItem.objects.get(pk=item.pk).lettered_documents()]

    assert letters[0] == ""
    assert letters[1:4] == ["A", "B", "C"]
    assert letters[-3:] == ["Z", "AA", "AB"]
