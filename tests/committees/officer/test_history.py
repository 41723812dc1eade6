"""What the history pages show of changes to related rows (committees/officer/history.py): a
report's authors and background papers, on the demo's report."""

import pytest
from django.urls import reverse

from committees.models import BackgroundPaper, Document, Officer
from tests.support.users import user

pytestmark = pytest.mark.usefixtures("demo")


def test_history_records_changes_to_authors_and_background_papers(client, demo):
    document = Document.objects.get(title__startswith="Revenue Monitoring 2019/20")
    client.force_login(user("officer"))
    document.cover.authors.add(Officer.objects.get(name="Jamie Sheldon"))
    BackgroundPaper.objects.create(cover=document.cover, title="Budget book 2019/20")
    page = client.get(reverse("officer:document_history", args=[document.pk])).content.decode()
    assert "Hannah West, Jamie Sheldon, Paul Looby" in page
    assert "Budget book 2019/20" in page
