"""Writing documents (committees/services/documents.py): versions and places in the item."""

import pytest

from committees.models import CoverSheet, Document
from committees.services import EditConflict
from committees.services import documents as document_services
from tests.factories import AgendaItemFactory, CoverSheetFactory

pytestmark = pytest.mark.django_db


def test_the_service_refuses_a_stale_version_before_writing_anything():
    report = CoverSheetFactory().document
    stale = report.version
    document_services.document_update(document=report, expected_version=stale)
    report.title = "Overwritten"

    with pytest.raises(EditConflict):
        document_services.document_update(document=report, expected_version=stale)

    assert Document.objects.get(pk=report.pk).title != "Overwritten"


def test_a_new_appendix_goes_last_and_a_new_report_before_the_appendices():
    item = AgendaItemFactory()
    appendix = document_services.document_create(
        document=Document(item=item, kind=Document.Kind.APPENDIX, title="A")
    )
    report = document_services.document_create(
        document=Document(item=item, kind=Document.Kind.REPORT, title="Report")
    )
    second = document_services.document_create(
        document=Document(item=item, kind=Document.Kind.APPENDIX, title="B")
    )

    assert list(item.documents.order_by("position")) == [report, appendix, second]
    assert CoverSheet.objects.filter(document=report).exists()
