"""The document editor (committees/officer/documents.py): cover sheets, rich text, uploads,
optimistic locking, preview, removal, and who may do what."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from committees import roles
from committees.models import BackgroundPaper, CoverSheet, Document, Meeting
from committees.packs.render import render_pack_html
from tests.factories import (
    AgendaItemFactory,
    BackgroundPaperFactory,
    CouncillorFactory,
    CoverSheetFactory,
    DocumentFactory,
    OfficerFactory,
)
from tests.support.files import BAD_FILES, bad_file, docx_bytes, pdf_bytes
from tests.support.pages import form_values
from tests.support.users import make_user

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()" style="position:fixed">Budget <strong>overspend</strong></p>'
    "<script>alert('x')</script>"
    '<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(1)">details</a>'
    '<iframe src="https://evil.example/"></iframe>'
    '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="chart"></p>'
)


# --- people ------------------------------------------------------------------------------------


@pytest.fixture
def author():
    """A report author (user and officer) and the report whose cover sheet names them."""
    user = make_user("author", roles.AUTHORS)
    officer = OfficerFactory(user=user, name="Paul Looby")
    report = CoverSheetFactory(authors=[officer]).document
    return user, report


def stored_files(settings):
    media = Path(settings.MEDIA_ROOT)
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def edit_url(document):
    return reverse("officer:document_edit", args=[document.pk])


def add_url(item, kind):
    return reverse("officer:document_add", args=[item.pk, kind])


# --- adding and editing ------------------------------------------------------------------------


def test_officer_adds_a_report_with_its_cover_sheet_and_background_papers(officer_client):
    item = AgendaItemFactory(title="Finance Monitoring Report")
    existing_appendix = DocumentFactory(item=item, kind=Document.Kind.APPENDIX, position=1)
    director, author = OfficerFactory(), OfficerFactory()
    lead_member = CouncillorFactory()
    page = officer_client.get(add_url(item, "report"))
    assert page.status_code == 200

    response = officer_client.post(
        add_url(item, "report"),
        form_values(
            page,
            title="Revenue Monitoring 2019/20 – Month 2",
            lead_member=lead_member.pk,
            lead_director=director.pk,
            authors=[author.pk],
            reference="M2",
            purpose="This report outlines the finance monitoring position.",
            recommendations="1. That Scrutiny note the month two monitoring position.",
            finance_ref="djn.19.20.57",
            director_agreed_on_day="8",
            director_agreed_on_month="7",
            director_agreed_on_year="2019",
            body="<p>Table 1 shows the position.</p>",
            **{"papers-0-title": "Budget book 2019/20", "papers-0-exempt_paragraph": "3"},
        ),
    )

    report = Document.objects.get(title="Revenue Monitoring 2019/20 – Month 2")
    assert response.status_code == 302
    assert response.url == edit_url(report)
    assert report.kind == Document.Kind.REPORT
    assert report.body == "<p>Table 1 shows the position.</p>"
    cover = report.cover
    assert (cover.lead_member, cover.lead_director, cover.reference) == (
        lead_member,
        director,
        "M2",
    )
    assert list(cover.authors.all()) == [author]
    assert str(cover.director_agreed_on) == "2019-07-08"
    paper = cover.background_papers.get()
    assert (paper.title, paper.exempt, paper.exempt_paragraph) == ("Budget book 2019/20", True, 3)
    # The report goes before the item's appendices.
    ordered = list(item.documents.order_by("position"))
    assert ordered == [report, existing_appendix]


def test_the_cover_sheet_form_mirrors_the_council_template(officer_client):
    report = CoverSheetFactory().document

    page = officer_client.get(edit_url(report)).content.decode()

    headings = [
        "Date of meeting",
        "Title of report",
        "Lead member",
        "Lead strategic director",
        "Authors",
        "Your reference",
        "Key decision",
        "Confidentiality",
        "Purpose of report",
        "Recommendations and reasons",
        "Alternative options considered and rejected",
        "Relevance to the Corporate Plan",
        "Implications for the Medium Term Financial Plan",
        "Carbon footprint (environmental) implications",
        "Other implications",
        "Appendices",
        "Background papers",
        "Sign off",
        "Finance sign-off reference",
        "Originating Senior Leadership Team member",
    ]
    positions = [page.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert report.item.meeting.starts_at.strftime("%-d %B %Y") in page


def test_the_body_is_a_plain_textarea_of_html_without_javascript(officer_client):
    report = DocumentFactory(kind=Document.Kind.APPENDIX, body="<p>Hello</p>")

    page = officer_client.get(edit_url(report)).content.decode()

    assert '<textarea name="body"' in page
    assert "&lt;p&gt;Hello&lt;/p&gt;" in page
    assert "data-django-prose-editor-configurable" in page  # the editor enhances it


def test_hostile_html_in_the_body_is_stripped_on_save(officer_client):
    appendix = DocumentFactory(kind=Document.Kind.APPENDIX)
    page = officer_client.get(edit_url(appendix))

    officer_client.post(edit_url(appendix), form_values(page, body=HOSTILE))

    body = Document.objects.get(pk=appendix.pk).body
    for hostile in ("<script", "onclick", "onerror", "javascript:", "<iframe", "style="):
        assert hostile not in body
    assert "Budget <strong>overspend</strong>" in body
    assert '<img src="data:image/png;base64,iVBORw0KGgo=" alt="chart">' in body


def test_a_word_document_replaces_the_report_body_with_clean_html(officer_client):
    report = CoverSheetFactory().document
    page = officer_client.get(edit_url(report))
    word = SimpleUploadedFile("report.docx", docx_bytes(hostile_link=True))

    response = officer_client.post(edit_url(report), form_values(page, upload=word))

    assert response.status_code == 302
    body = Document.objects.get(pk=report.pk).body
    assert "<h2>Month 2 monitoring</h2>" in body
    assert "<table>" in body
    assert re.search(r'<img [^>]*src="data:image/png;base64,', body)
    assert "javascript:" not in body
    assert not Document.objects.get(pk=report.pk).upload


def test_a_report_cannot_be_a_pdf(officer_client):
    report = CoverSheetFactory().document
    page = officer_client.get(edit_url(report))

    response = officer_client.post(
        edit_url(report),
        form_values(page, upload=SimpleUploadedFile("report.pdf", pdf_bytes())),
    )

    assert response.status_code == 200
    assert "The file must be a Word document (.docx)" in response.content.decode()
    assert not Document.objects.get(pk=report.pk).upload


def test_a_pdf_appendix_is_stored_with_its_page_count(officer_client):
    item = AgendaItemFactory()
    content = pdf_bytes(pages=3)
    page = officer_client.get(add_url(item, "appendix"))

    response = officer_client.post(
        add_url(item, "appendix"),
        form_values(
            page,
            title="Month 2 Revenue Monitoring Report",
            upload=SimpleUploadedFile("monitoring.pdf", content),
        ),
    )

    appendix = Document.objects.get(title="Month 2 Revenue Monitoring Report")
    assert response.status_code == 302
    assert appendix.kind == Document.Kind.APPENDIX
    assert appendix.upload_pages == 3
    assert appendix.upload.name.endswith(".pdf")
    with appendix.upload.open("rb") as stored:
        assert stored.read() == content


def test_a_pdf_appendix_can_go_back_to_text(officer_client):
    appendix = DocumentFactory(kind=Document.Kind.APPENDIX, body="", upload_pages=2)
    appendix.upload.save("appendix.pdf", ContentFile(pdf_bytes()))
    page = officer_client.get(edit_url(appendix))

    officer_client.post(
        edit_url(appendix), form_values(page, remove_upload="on", body="<p>Now text</p>")
    )

    appendix.refresh_from_db()
    assert (appendix.upload.name, appendix.upload_pages) == ("", None)
    assert appendix.body == "<p>Now text</p>"


@pytest.mark.parametrize("key", [key for key in BAD_FILES if key != "spreadsheet"])
def test_a_bad_upload_is_refused_at_its_field_and_nothing_is_saved(officer_client, settings, key):
    item = AgendaItemFactory()
    name, content, message = bad_file(key)
    page = officer_client.get(add_url(item, "appendix"))

    response = officer_client.post(
        add_url(item, "appendix"),
        form_values(
            page, title="Appendix A", body="<p>Kept</p>", upload=SimpleUploadedFile(name, content)
        ),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert f'<a href="#id_upload">{message}' in html  # the summary links to the field
    assert "govuk-file-upload--error" in html
    assert html.count(message) == 2  # in the summary and at the field
    assert "&lt;p&gt;Kept&lt;/p&gt;" in html  # the officer's text is still in the form
    assert f"You chose “{name}” but it has not been saved" in html
    assert not Document.objects.exists()
    assert stored_files(settings) == []


def test_a_bad_upload_to_an_existing_report_changes_nothing(officer_client, settings):
    report = CoverSheetFactory(purpose="Original purpose").document
    before = (report.body, report.version)
    page = officer_client.get(edit_url(report))
    name, content, _message = bad_file("password docx")

    officer_client.post(
        edit_url(report),
        form_values(page, purpose="New purpose", upload=SimpleUploadedFile(name, content)),
    )

    report.refresh_from_db()
    assert (report.body, report.version) == before
    assert CoverSheet.objects.get(pk=report.pk).purpose == "Original purpose"
    assert stored_files(settings) == []


def test_a_pdf_taking_the_pack_past_its_uploaded_page_limit_is_refused_at_its_field(
    officer_client, settings
):
    settings.MAX_PACK_UPLOAD_PAGES = 5
    item = AgendaItemFactory()
    DocumentFactory(item=item, kind=Document.Kind.APPENDIX, body="", upload_pages=2)
    later_item = AgendaItemFactory(meeting=item.meeting)
    DocumentFactory(item=later_item, kind=Document.Kind.APPENDIX, body="", upload_pages=2)
    DocumentFactory(kind=Document.Kind.APPENDIX, body="", upload_pages=100)  # another meeting
    page = officer_client.get(add_url(item, "appendix"))

    response = officer_client.post(
        add_url(item, "appendix"),
        form_values(
            page, title="Appendix C", upload=SimpleUploadedFile("tables.pdf", pdf_bytes(pages=2))
        ),
    )

    html = response.content.decode()
    message = (
        "The agenda pack can include at most 5 uploaded pages, and the other PDFs of this "
        "meeting already have 4: this one has 2"
    )
    assert f'<a href="#id_upload">{message}' in html
    assert not Document.objects.filter(title="Appendix C").exists()
    assert stored_files(settings) == []


def test_replacing_an_appendix_pdf_does_not_count_the_pages_it_replaces(officer_client, settings):
    settings.MAX_PACK_UPLOAD_PAGES = 5
    appendix = DocumentFactory(kind=Document.Kind.APPENDIX, body="", upload_pages=4)
    appendix.upload.save("appendix.pdf", ContentFile(pdf_bytes(pages=4)))
    page = officer_client.get(edit_url(appendix))

    response = officer_client.post(
        edit_url(appendix),
        form_values(page, upload=SimpleUploadedFile("appendix-v2.pdf", pdf_bytes(pages=5))),
    )

    appendix.refresh_from_db()
    assert response.status_code == 302
    assert appendix.upload_pages == 5


def test_part_two_needs_its_schedule_12a_paragraph(officer_client):
    appendix = DocumentFactory(kind=Document.Kind.APPENDIX)
    page = officer_client.get(edit_url(appendix))

    response = officer_client.post(edit_url(appendix), form_values(page, exempt="True"))

    assert "Choose the Schedule 12A paragraph" in response.content.decode()
    assert not Document.objects.get(pk=appendix.pk).exempt

    officer_client.post(edit_url(appendix), form_values(page, exempt="True", exempt_paragraph="3"))

    appendix.refresh_from_db()
    assert (appendix.exempt, appendix.exempt_paragraph) == (True, 3)
    assert appendix.confidentiality.startswith("Part II")


def test_background_papers_are_removed_and_added(officer_client):
    report = CoverSheetFactory().document
    old = BackgroundPaperFactory(cover=report.cover, title="Old paper")
    page = officer_client.get(edit_url(report))

    officer_client.post(
        edit_url(report),
        form_values(page, **{"papers-0-DELETE": "on", "papers-1-title": "New paper"}),
    )

    titles = list(
        BackgroundPaper.objects.filter(cover=report.cover).values_list("title", flat=True)
    )
    assert titles == ["New paper"]
    assert not BackgroundPaper.objects.filter(pk=old.pk).exists()


# --- two editors at once -----------------------------------------------------------------------


def test_second_of_two_editors_is_refused_and_keeps_their_text(client, officer_user):
    report = CoverSheetFactory().document
    second_officer = make_user("second", roles.OFFICERS)
    first, second = client, Client()
    first.force_login(officer_user)
    second.force_login(second_officer)
    first_page, second_page = first.get(edit_url(report)), second.get(edit_url(report))

    saved = first.post(
        edit_url(report), form_values(first_page, body="<p>The first editor's text.</p>")
    )
    refused = second.post(
        edit_url(report),
        form_values(second_page, body="<p>The second editor's text.</p>", purpose="Second"),
    )

    assert saved.status_code == 302
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "govuk-error-summary" in html
    assert "Someone else changed" in html
    assert "&lt;p&gt;The second editor&#x27;s text.&lt;/p&gt;" in html
    report.refresh_from_db()
    assert report.body == "<p>The first editor's text.</p>"
    assert report.cover.purpose != "Second"
    # Saving the refused form again replaces the first editor's text knowingly.
    again = second.post(edit_url(report), form_values(refused))
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.body == "<p>The second editor's text.</p>"


# --- preview, history, removal -----------------------------------------------------------------


def test_preview_shows_the_document_as_the_pack_does(officer_client):
    report = CoverSheetFactory(reference="M2").document
    report.body = "<p>The projected revenue overspend is £3.958m.</p>"
    report.save()
    DocumentFactory(item=report.item, kind=Document.Kind.APPENDIX, title="Month 2 tables")

    page = officer_client.get(reverse("officer:document_preview", args=[report.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "pack-cover" in html  # committees/pack/_cover_sheet.html
    assert "Date of meeting:" in html and "Your Reference:" in html
    assert "Month 2 tables" in html
    # The cover sheet's appendix table, lettered by the pack.
    assert re.search(r">A</td>\s*<td[^>]*>Month 2 tables</td>", html)
    assert "The projected revenue overspend is £3.958m." in html


def test_history_lists_who_changed_which_fields(officer_client, officer_user):
    officer_user.first_name, officer_user.last_name = "Jamie", "Sheldon"
    officer_user.save()
    report = CoverSheetFactory(purpose="Old purpose").document
    page = officer_client.get(edit_url(report))
    officer_client.post(
        edit_url(report), form_values(page, title="New title", purpose="New purpose")
    )

    html = officer_client.get(reverse("officer:document_history", args=[report.pk]))
    html = html.content.decode()

    assert "Jamie Sheldon" in html  # who, by name
    assert "Title" in html and "New title" in html
    assert "Purpose of report" in html and "Old purpose" in html and "New purpose" in html
    assert "Version" not in html


def test_an_officer_removes_a_document_after_confirming(officer_client):
    report = CoverSheetFactory().document
    url = reverse("officer:document_delete", args=[report.pk])

    assert officer_client.get(url).status_code == 200
    response = officer_client.post(url, {"version": report.version})

    assert response.status_code == 302
    assert not Document.objects.filter(pk=report.pk).exists()


def test_removing_a_document_that_changed_meanwhile_is_refused(officer_client):
    report = CoverSheetFactory().document
    url = reverse("officer:document_delete", args=[report.pk])

    officer_client.post(url, {"version": report.version - 1 if report.version > 1 else 99})

    assert Document.objects.filter(pk=report.pk).exists()


# --- who may do what ---------------------------------------------------------------------------


def report_urls(document):
    return [
        add_url(document.item, "report"),
        add_url(document.item, "appendix"),
        edit_url(document),
        reverse("officer:document_preview", args=[document.pk]),
        reverse("officer:document_history", args=[document.pk]),
        reverse("officer:document_delete", args=[document.pk]),
    ]


def test_a_report_author_edits_their_own_report(client, author):
    user, report = author
    client.force_login(user)

    page = client.get(edit_url(report))
    assert page.status_code == 200
    saved = client.post(edit_url(report), form_values(page, purpose="Written by the author"))

    assert saved.status_code == 302
    assert CoverSheet.objects.get(pk=report.pk).purpose == "Written by the author"
    for name in ("document_preview", "document_history"):
        assert client.get(reverse(f"officer:{name}", args=[report.pk])).status_code == 200


CANARY_EXEMPT_BODY = "CANARY-EXEMPT-REPORT-4417"


def test_a_report_author_cannot_take_their_report_out_of_part_two(client, author):
    user, report = author
    report.exempt, report.exempt_paragraph = True, 3
    report.body = f"<p>{CANARY_EXEMPT_BODY}: the valuation of the site.</p>"
    report.save()
    # Published before the portal kept publication records: its pack is rendered from the data.
    meeting = report.item.meeting
    Meeting.objects.filter(pk=meeting.pk).update(
        published_on=timezone.localdate(), status=Meeting.Status.AGENDA_PUBLISHED
    )
    client.force_login(user)
    page = client.get(edit_url(report))

    html = page.content.decode()
    assert "Part II - Not for publication (Schedule 12A, paragraph 3)" in html
    assert "Only democratic services can change whether this report is exempt" in html
    assert 'name="exempt"' not in html and 'name="exempt_paragraph"' not in html
    # The forged POST: Part I, no paragraph, alongside an ordinary edit.
    saved = client.post(
        edit_url(report),
        form_values(page, exempt="False", exempt_paragraph="", purpose="Updated by the author"),
    )

    assert saved.status_code == 302
    report.refresh_from_db()
    assert (report.exempt, report.exempt_paragraph) == (True, 3)
    assert CoverSheet.objects.get(pk=report.pk).purpose == "Updated by the author"
    client.logout()
    pack = client.get(reverse("committees:pack", args=[meeting.pk])).content.decode()
    assert CANARY_EXEMPT_BODY not in pack
    assert CANARY_EXEMPT_BODY not in render_pack_html(meeting, restricted=False)


def test_a_report_author_edits_background_paper_titles_but_not_their_exemption(client, author):
    user, report = author
    paper = BackgroundPaperFactory(
        cover=report.cover, title="Valuation advice", exempt=True, exempt_paragraph=3
    )
    client.force_login(user)
    page = client.get(edit_url(report))
    assert "Part II - Not for publication (Schedule 12A, paragraph 3)" in page.content.decode()

    client.post(
        edit_url(report),
        form_values(
            page,
            **{
                "papers-0-title": "Valuation advice, March 2019",
                "papers-0-exempt_paragraph": "",
                "papers-1-title": "Budget book 2019/20",
                "papers-1-exempt_paragraph": "1",
            },
        ),
    )

    paper.refresh_from_db()
    assert (paper.title, paper.exempt, paper.exempt_paragraph) == (
        "Valuation advice, March 2019",
        True,
        3,
    )
    added = BackgroundPaper.objects.get(title="Budget book 2019/20")
    assert (added.exempt, added.exempt_paragraph) == (False, None)


def test_a_report_author_cannot_edit_another_authors_report(client, author):
    user, _own = author
    other = CoverSheetFactory().document
    client.force_login(user)

    for url in (
        edit_url(other),
        reverse("officer:document_preview", args=[other.pk]),
        reverse("officer:document_history", args=[other.pk]),
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(edit_url(other), {"title": "Hijacked"}).status_code == 403
    assert Document.objects.get(pk=other.pk).title != "Hijacked"


def test_a_report_author_cannot_add_or_remove_documents(client, author):
    user, report = author
    client.force_login(user)

    for url in (
        add_url(report.item, "report"),
        add_url(report.item, "appendix"),
        reverse("officer:document_delete", args=[report.pk]),
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"version": report.version}).status_code == 403, url
    assert Document.objects.filter(pk=report.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    report = CoverSheetFactory().document

    for url in report_urls(report):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


def test_a_councillor_gets_403_on_every_report_url(client):
    client.force_login(make_user("councillor", roles.COUNCILLORS))
    report = CoverSheetFactory().document

    for url in report_urls(report):
        assert client.get(url).status_code == 403, url


def test_a_generated_document_has_only_its_title_and_confidentiality_edited(officer_client):
    minutes = DocumentFactory(kind=Document.Kind.GENERATED, generator="minutes", body="")
    page = officer_client.get(edit_url(minutes))

    assert page.status_code == 200
    assert 'name="body"' not in page.content.decode()
    officer_client.post(edit_url(minutes), form_values(page, title="Minutes of 12 June 2019"))
    assert Document.objects.get(pk=minutes.pk).title == "Minutes of 12 June 2019"


def test_unknown_document_kinds_are_not_found(officer_client):
    item = AgendaItemFactory()

    assert officer_client.get(add_url(item, "minutes")).status_code == 404
