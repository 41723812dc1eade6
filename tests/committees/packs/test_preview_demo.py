"""The officer's preview of the seed's July 2019 agenda (committees/packs/preview.py) reads like
the packs the demo published, page for page."""

import pytest

from committees.stored import read_verified
from tests.support.demo import seed_meeting
from tests.support.pdf import assert_preview_reads_like

pytestmark = pytest.mark.usefixtures("published_seed")


@pytest.mark.parametrize("restricted", [False, True], ids=["public", "restricted"])
def test_demo_pack_preview_reads_like_the_published_pack(restricted):
    meeting = seed_meeting()
    publication = meeting.publications.newest()
    stored = publication.restricted_pdf if restricted else publication.public_pdf
    preview = assert_preview_reads_like(read_verified(stored), meeting, restricted=restricted)
    assert preview.printed_ranges()
