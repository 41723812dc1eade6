"""Word tables keep their header rows: a row marked in Word as a header row ("Repeat as header
row at the top of each page", w:tblHeader) becomes th cells in a thead, through conversion and
the sanitiser, into the saved report."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument
from docx.oxml.shared import OxmlElement, qn

from committees.models import Document
from committees.services import documents as document_services
from committees.uploads import check_upload
from tests.factories import AgendaItemFactory


def word_table(*, header_row):
    word = WordDocument()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Directorate", "Variation £m"
    table.cell(1, 0).text, table.cell(1, 1).text = "Finance", "0.417"
    if header_row:
        marker = OxmlElement("w:tblHeader")
        marker.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(marker)
    buffer = io.BytesIO()
    word.save(buffer)
    return SimpleUploadedFile("report.docx", buffer.getvalue())


@pytest.mark.django_db
def test_a_word_header_row_is_a_table_header_in_the_saved_report():
    document = Document(item=AgendaItemFactory(), kind=Document.Kind.REPORT, title="Budget")

    document_services.document_create(
        document=document, upload=check_upload(word_table(header_row=True))
    )

    document.refresh_from_db()
    assert "<thead><tr><th><p>Directorate</p></th><th><p>Variation £m</p></th></tr></thead>" in (
        document.body
    )
    assert "<tbody><tr><td><p>Finance</p></td>" in document.body


def test_a_table_without_a_header_row_has_only_cells():
    html = check_upload(word_table(header_row=False)).html

    assert "<th>" not in html and "<thead>" not in html
    assert "<td><p>Directorate</p></td>" in html
