"""The test app's demo, as finance/demo.py and workprogramme/demo.py will write theirs: a loader
that `load_demo` calls after the committees' demo, with what that loaded (README, "Adding an app").

An installed app registers its loader at the end of its demo module, which `load_demo` imports;
this app is not installed, so tests register `load` with `committees.demo.registered`.
"""

import datetime as dt

from committees.demo import PFCF, DemoContext
from committees.models import Document
from tests.sample_app import KEY

TITLE = "Sample rows of the committee"


def load(ctx: DemoContext) -> None:
    """The app's generated document in the seed's July 2019 pack, after the revenue monitor."""
    july = ctx.meetings_2019[dt.date(2019, 7, 24)]
    item = july.items.get(title="Revenue Monitor 2019/20 - Month 2")
    document = Document(
        item=item,
        position=item.documents.count() + 1,
        kind=Document.Kind.GENERATED,
        title=TITLE,
        generator=KEY,
        generator_record=ctx.committees[PFCF].pk,
    )
    document.full_clean()
    document.save()
