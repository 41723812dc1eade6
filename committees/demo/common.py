"""What every part of the demo builds with: saving through validation, dates, the rich text.

Rich text comes from the HTML files in `content/`, transcribed from the seeds; it is sanitised on
save like any other document body.
"""

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from django.utils import timezone

from committees.models import AgendaItem, Document, Meeting
from committees.publication import latest_publication_date

CONTENT_DIR = Path(__file__).parent / "content"


def content(name: str) -> str:
    return (CONTENT_DIR / name).read_text(encoding="utf-8")


def saved(obj):
    obj.full_clean()
    obj.save()
    return obj


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def wednesday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(2 - day.weekday()) % 7)


def municipal_year_start(day: dt.date) -> int:
    """The calendar year in which the municipal year containing `day` began."""
    return day.year if day.month >= 5 else day.year - 1


def add_meeting(committee, starts_at, venue, status, **fields) -> Meeting:
    return saved(
        Meeting(committee=committee, starts_at=starts_at, venue=venue, status=status, **fields)
    )


def add_items(meeting, specs: Iterable[dict]) -> list[AgendaItem]:
    return [
        saved(AgendaItem(meeting=meeting, position=position, **spec))
        for position, spec in enumerate(specs, start=1)
    ]


def add_document(item, position, kind, title, **fields) -> Document:
    return saved(Document(item=item, position=position, kind=kind, title=title, **fields))


def published(day: dt.date) -> dt.date:
    """When the seeds do not say, the agenda went out on the statutory deadline."""
    return latest_publication_date(day)
