"""A supplement's own pack, read back with pypdf as a councillor would read it: a front sheet
naming the agenda it adds to and only the items it carries, page numbers going on from the
pack the councillor already holds, public and restricted alike."""

import datetime as dt
import io
import re

import pytest
import weasyprint
from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfReader

from committees.packs.render import first_page_after
from committees.stored import read_verified
from tests.factories import AgendaItemFactory, CouncilFactory, DocumentFactory, MeetingFactory

FOOTER = re.compile(r"(?:^|\s)Page (\d+)\s*$")
RANGE = re.compile(r"\((?:Pages (\d+) - (\d+)|Page (\d+))\)")


class Printed:
    """A pack PDF's pages: the printed page number of each (None on the front sheet)."""

    def __init__(self, data):
        self.texts = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
        self.numbers = [
            int(match[1]) if (match := FOOTER.search(text)) else None for text in self.texts
        ]
        numbered = [number for number in self.numbers if number is not None]
        self.first, self.last = numbered[0], numbered[-1]
        self.front = " ".join(" ".join(self.texts[: self.numbers.index(self.first)]).split())

    def consecutive(self):
        start = self.numbers.index(self.first)
        return self.numbers[start:] == list(range(self.first, self.first + len(self.texts) - start))

    def starts(self, title):
        """The printed number of the page that opens the item called `title`."""
        for text, number in zip(self.texts, self.numbers, strict=True):
            if number is not None and re.match(rf"\s*\d+\. {re.escape(title)}", text):
                return number
        raise AssertionError(f"no page opens {title}")


def lorem(paragraphs):
    sentence = "The committee considered the monitoring position and the measures proposed. "
    return "".join(f"<p>{sentence * 12}</p>" for _ in range(paragraphs))


def uploaded_pdf(label, pages):
    body = "".join(f"<p style='break-after: page'>{label} page {n}</p>" for n in range(pages))
    return ContentFile(weasyprint.HTML(string=body).write_pdf(), name="appendix.pdf")


@pytest.fixture
def meeting(db):
    """Published with two To Follow items; an exempt item whose report is longer than the
    public pack's one-page placeholder, so the public and restricted packs end apart."""
    CouncilFactory(name="Example City Council")
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    budget = AgendaItemFactory(meeting=meeting, position=1, title="Budget monitoring")
    DocumentFactory(item=budget, title="Budget report", body=lorem(9))
    AgendaItemFactory(meeting=meeting, position=2, title="Procurement update", to_follow=True)
    AgendaItemFactory(meeting=meeting, position=3, title="Housing allocations", to_follow=True)
    AgendaItemFactory(meeting=meeting, position=4, title="Performance discussion", verbal=True)
    restructure = AgendaItemFactory(
        meeting=meeting, position=5, title="Staffing restructure", exempt=True, exempt_paragraph=1
    )
    DocumentFactory(item=restructure, title="Restructure proposals", body=lorem(12))
    return meeting


def report_arrives(meeting, title, *, pages):
    item = meeting.items.get(title=title)
    DocumentFactory(item=item, title=f"{title} report", body=lorem(2))
    DocumentFactory(
        item=item, kind="appendix", title="Tables", body="", upload=uploaded_pdf(title, pages)
    )


def test_supplement_pages_go_on_from_the_agenda_packs_public_and_restricted(meeting, publish):
    agenda = publish(meeting)
    public, restricted = (
        Printed(read_verified(f)) for f in (agenda.public_pdf, agenda.restricted_pdf)
    )
    assert restricted.last > public.last  # the exempt report is longer than its placeholder
    assert (agenda.last_page, agenda.restricted_last_page) == (public.last, restricted.last)

    report_arrives(meeting, "Procurement update", pages=3)
    supplement = publish(meeting, supplement=True)

    for held, stored, last_page in [
        (public, supplement.supplement_public_pdf, supplement.last_page),
        (restricted, supplement.supplement_restricted_pdf, supplement.restricted_last_page),
    ]:
        pack = Printed(read_verified(stored))
        # On from the councillor's pack, the first item on a right-hand (odd) page as every
        # item opens; at most the blank back of the pack's last sheet is skipped.
        assert held.last < pack.first <= held.last + 2
        assert pack.first % 2 == 1
        assert pack.consecutive()
        assert pack.last == last_page
        # The front sheet's range is where the item really is, in the same numbering.
        first, last = map(int, RANGE.search(pack.front).group(1, 2))
        assert (first, last) == (pack.starts("Procurement update"), pack.last)


def test_a_second_supplement_goes_on_from_the_first(meeting, publish):
    publish(meeting)
    report_arrives(meeting, "Procurement update", pages=2)
    first = publish(meeting, supplement=True)
    report_arrives(meeting, "Housing allocations", pages=1)
    second = publish(meeting, supplement=True)

    assert (first.supplement_number, second.supplement_number) == (1, 2)
    earlier = Printed(read_verified(first.supplement_public_pdf))
    pack = Printed(read_verified(second.supplement_public_pdf))
    assert earlier.last < pack.first <= earlier.last + 2
    assert "Supplement 2 to the agenda" in pack.front
    assert list(second.items.values_list("title", flat=True)) == ["Housing allocations"]


def test_supplement_front_sheet_names_the_agenda_and_only_the_carried_items(meeting, publish):
    publish(meeting)
    report_arrives(meeting, "Procurement update", pages=1)
    supplement = publish(meeting, supplement=True)

    front = Printed(read_verified(supplement.supplement_public_pdf)).front
    committee = meeting.committee.name
    assert f"Supplement 1 to the agenda of the {committee}, {meeting.date:%A %-d %B %Y}" in front
    assert "2. Procurement update" in front
    for title in ("Budget monitoring", "Housing allocations", "Performance", "Staffing"):
        assert title not in front
    # The updated complete pack lists every item, the carried one no longer To Follow.
    complete = Printed(read_verified(supplement.public_pdf)).front
    assert "Budget monitoring" in complete and "Housing allocations – To Follow" in complete
    assert "Procurement update – To Follow" not in complete


def test_supplement_pack_withholds_an_exempt_carried_item_from_the_public(meeting, publish):
    publish(meeting)
    item = meeting.items.get(title="Housing allocations")
    item.exempt, item.exempt_paragraph = True, 3
    item.save()
    DocumentFactory(item=item, title="Tenancy cases", body="<p>CANARY-TENANCY-5151</p>")
    supplement = publish(meeting, supplement=True)

    public = read_verified(supplement.supplement_public_pdf)
    restricted = read_verified(supplement.supplement_restricted_pdf)
    public_text = " ".join(Printed(public).texts)
    assert "Housing allocations" in public_text and "Not for publication" in public_text
    assert "CANARY-TENANCY-5151" not in public_text
    assert "CANARY-TENANCY-5151" in " ".join(Printed(restricted).texts)


@pytest.mark.parametrize(
    ("last_page", "first_page"), [(None, 1), (0, 1), (34, 35), (33, 35), (1, 3)]
)
def test_a_supplement_starts_on_the_next_odd_page(last_page, first_page):
    assert first_page_after(last_page) == first_page
