"""Reading a rendered agenda pack back with pypdf, as a reader would read it."""

import io
import re

from pypdf import PdfReader

from committees.models import AgendaItem
from committees.packs.preview import preview_source, render_preview

NOTICE = "This page is intentionally left blank"
RESTRICTED_MARKER = "Restricted: includes exempt information"
FOOTER = re.compile(r"(?:^|\s)Page (\d+)\s*$")
RANGE = r"\((?:Pages (\d+) - (\d+)|Page (\d+))\)"


def squash(text):
    """`text` with each run of white space as one space, as words compare across line breaks."""
    return " ".join(text.split())


def all_text(pdf):
    """Every page's text of a PackPdf, squashed."""
    return squash(" ".join(pdf.texts))


class PackPdf:
    """A rendered pack, page by page, with the front sheet's ranges and the real item pages."""

    def __init__(self, data, meeting, *, restricted):
        self.data = data
        self.restricted = restricted
        self.reader = PdfReader(io.BytesIO(data))
        self.texts = [page.extract_text() for page in self.reader.pages]
        self.numbers = [self.printed_number(text) for text in self.texts]
        self.first_numbered = self.numbers.index(1)
        self.items = list(AgendaItem.objects.filter(meeting=meeting).numbered())

    @staticmethod
    def printed_number(text):
        match = FOOTER.search(text)
        return int(match[1]) if match else None

    def body(self, index):
        """What a page says besides its footer, blank-page notice and restricted marker."""
        text = self.texts[index].replace(NOTICE, "").replace(RESTRICTED_MARKER, "")
        return squash(FOOTER.sub("", squash(text)))

    @property
    def front(self):
        return squash(" ".join(self.texts[: self.first_numbered]))

    def printed_ranges(self):
        """{item number: (first, last)} as the front sheet prints them."""
        ranges = {}
        for item in self.items:
            match = re.search(
                re.escape(squash(item.title)) + r"(?: – To Follow)? " + RANGE, self.front
            )
            if match:
                first = int(match[1] or match[3])
                last = int(match[2] or match[3])
                ranges[item.number] = (first, last)
        return ranges

    def item_starts(self):
        """{item number: page index} of the pages that open with an item's heading."""
        starts = {}
        for index in range(self.first_numbered, len(self.texts)):
            body = self.body(index)
            for item in self.items:
                if body.startswith(f"{item.number}. {squash(item.title)}"):
                    assert item.number not in starts, f"item {item.number} opens twice"
                    starts[item.number] = index
        return starts

    def withheld(self, item):
        return item.exempt and not self.restricted

    def real_ranges(self):
        """{item number: (first, last)} page numbers where the items really stand.

        A withheld exempt item has a page saying so in the public pack, but no range: the
        front sheet says "Not for publication" under its title instead.
        """
        starts = sorted(self.item_starts().items(), key=lambda pair: pair[1])
        withheld = {item.number for item in self.items if self.withheld(item)}
        ranges = {}
        for position, (number, first) in enumerate(starts):
            end = starts[position + 1][1] - 1 if position + 1 < len(starts) else len(self.texts) - 1
            while NOTICE in self.texts[end]:
                end -= 1
            if number not in withheld:
                ranges[number] = (self.numbers[first], self.numbers[end])
        return ranges

    def outline(self):
        """[(level, title, page index)] of the bookmarks."""

        def walk(entries, level):
            for entry in entries:
                if isinstance(entry, list):
                    yield from walk(entry, level + 1)
                else:
                    yield level, entry.title, self.reader.get_destination_page_number(entry)

        return list(walk(self.reader.outline, 0))

    def assert_laid_out_like_a_council_pack(self):
        # The front sheet and agenda are unnumbered; page 1 is the first item's first page,
        # on a right-hand page; every later page carries its own number.
        assert all(number is None for number in self.numbers[: self.first_numbered])
        assert self.first_numbered % 2 == 0
        for index in range(self.first_numbered, len(self.texts)):
            assert self.numbers[index] == index - self.first_numbered + 1, self.texts[index]
        # Every item opens on a right-hand page: odd in the printed numbering and the file.
        starts = self.item_starts()
        for number, index in starts.items():
            assert index % 2 == 0, f"item {number} opens on a left-hand page"
            assert self.numbers[index] % 2 == 1
        # Blank pages, and only they, say so.
        for index in range(len(self.texts)):
            if NOTICE in self.texts[index]:
                assert self.body(index) == "", self.texts[index]
            else:
                assert self.body(index), f"page {index + 1} is empty without the notice"
        # The front sheet's ranges are where the items really are.
        printed = self.printed_ranges()
        assert printed == self.real_ranges()
        # Items with pages have a range; items without (apologies, verbal) have none.
        assert set(printed) == {
            item.number
            for item in self.items
            if item.documents.exists() and not self.withheld(item) and item.number in starts
        }
        return printed


def preview_pdf(meeting, *, restricted):
    """The officer's preview of the meeting's pack as it stands now."""
    return render_preview(preview_source(meeting, restricted=restricted))


def reading(pdf):
    """What a reader of a pack sees on each page and on its front sheet."""
    return {
        "pages": [(pdf.printed_number(text), NOTICE in text) for text in pdf.texts],
        "bodies": [pdf.body(index) for index in range(len(pdf.texts))],
        "ranges": pdf.printed_ranges(),
        "item starts": pdf.item_starts(),
        "bookmarks": pdf.outline(),
        "title": pdf.reader.metadata.title,
    }


def assert_preview_reads_like(published, meeting, *, restricted):
    """The preview and the published pack agree on every page, number and range."""
    preview = PackPdf(
        preview_pdf(meeting, restricted=restricted).data, meeting, restricted=restricted
    )
    published = PackPdf(published, meeting, restricted=restricted)
    preview.assert_laid_out_like_a_council_pack()
    assert reading(preview) == reading(published)
    return preview
