"""The rules of documents (committees/models/documents.py): a body sanitised on save, a
generated document's generator, cover sheets on reports only."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from committees.models import CoverSheet, Document
from tests.factories import AgendaItemFactory, DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("hostile", "forbidden"),
    [
        ("<p>Budget</p><script>alert('x')</script>", ["<script", "alert"]),
        ('<p onclick="steal()">Budget</p>', ["onclick", "steal"]),
        ('<p><a href="javascript:alert(1)">Budget</a></p>', ["javascript:"]),
        ('<p><a href="JaVaScRiPt:alert(1)">Budget</a></p>', ["javascript:"]),
        ('<p>Budget<img src="x" onerror="alert(1)"></p>', ["onerror"]),
        ('<p>Budget</p><iframe src="https://evil.example"></iframe>', ["<iframe", "evil"]),
        ('<p style="background:url(javascript:alert(1))">Budget</p>', ["style", "javascript:"]),
        ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">Budget</a></p>', ["data:"]),
    ],
)
def test_document_body_is_sanitised_on_save(hostile, forbidden):
    document = DocumentFactory(body=hostile)
    document.refresh_from_db()

    assert "Budget" in document.body
    for text in forbidden:
        assert text not in document.body.lower()


def test_sanitising_keeps_the_structure_of_a_report():
    html = (
        '<h2>Table 1</h2><table><tr><th scope="col">Directorate</th>'
        '<td colspan="2">0.417</td></tr></table><ol type="a"><li><strong>a</strong></li></ol>'
    )

    document = DocumentFactory(body=html)
    document.refresh_from_db()

    assert '<th scope="col">Directorate</th>' in document.body
    assert '<td colspan="2">0.417</td>' in document.body
    assert '<ol type="a"><li><strong>a</strong></li></ol>' in document.body


def test_generated_document_must_name_its_generator():
    document = DocumentFactory.build(item=AgendaItemFactory(), kind=Document.Kind.GENERATED)

    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert error.value.message_dict["generator"] == ["Choose what this document is generated from."]

    with pytest.raises(IntegrityError), transaction.atomic():
        document.save()


def test_only_a_report_has_a_cover_sheet():
    appendix = DocumentFactory(kind=Document.Kind.APPENDIX)

    with pytest.raises(ValidationError) as error:
        CoverSheet(document=appendix).full_clean()

    assert error.value.messages == ["Only a report has a cover sheet."]
