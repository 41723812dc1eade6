"""A report author's pages lead only to pages they may open (finding 2)."""

import re

import pytest
from django.urls import reverse

from committees import roles
from tests.factories import CoverSheetFactory, OfficerFactory
from tests.support.users import make_user

pytestmark = pytest.mark.django_db


def test_every_link_on_an_authors_report_pages_opens_for_them(client):
    user = make_user("author", roles.AUTHORS)
    report = CoverSheetFactory(authors=[OfficerFactory(user=user)]).document
    client.force_login(user)

    for name in ("document_edit", "document_preview", "document_history"):
        page = client.get(reverse(f"officer:{name}", args=[report.pk])).content.decode()
        for href in set(re.findall(r'href="(/officer/[^"#?]*)', page)):
            assert client.get(href).status_code == 200, f"{name} links to {href}"
