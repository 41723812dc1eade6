"""The work programme as the council prints its 'live document': topics by meeting date, then
the items to be scheduled, then select committee reviews, then joint select committee reviews."""

from dataclasses import dataclass, field
from itertools import groupby

from workprogramme.models import Topic, WorkProgramme

LIVE_NOTE = (
    "Please note that the work programme is a 'live' document and subject to change at short "
    "notice. The information in this work programme is intended to be of strategic relevance."
)


@dataclass
class MeetingRows:
    """The topics of one meeting date: the date cell spans their rows."""

    label: str
    topics: list[Topic]


@dataclass
class Section:
    heading: str  # '' for the dated rows, which the table's own header introduces
    groups: list[MeetingRows] = field(default_factory=list)


def year_labels(programme: WorkProgramme) -> tuple[str, str]:
    """('2019-2020', '2019/20') for the municipal year 2019/2020."""
    start, end = programme.municipal_year.start_date.year, programme.municipal_year.end_date.year
    return f"{start}-{end}", f"{start}/{str(end)[2:]}"


def sections(programme: WorkProgramme, topics: list[Topic] | None = None) -> list[Section]:
    """The live document's sections; withdrawn topics are left out. `topics` may be given
    already fetched (with their meetings and people)."""
    if topics is None:
        topics = list(programme.topics.for_listing())
    topics = [t for t in topics if t.withdrawn_on is None]
    reviews = [t for t in topics if t.is_review]
    others = [t for t in topics if not t.is_review]
    scheduled = sorted(
        (t for t in others if t.meeting_id), key=lambda t: (t.meeting.starts_at, t.position, t.pk)
    )
    dated = Section(
        "",
        [
            MeetingRows(f"{meeting.date:%-d %B %Y}", list(group))
            for meeting, group in groupby(scheduled, key=lambda t: t.meeting)
        ],
    )
    unscheduled = [t for t in others if not t.meeting_id]
    _, short = year_labels(programme)
    result = [dated, Section(f"Items to be scheduled {short}", _undated(unscheduled))]
    for kind, heading in (
        (Topic.Kind.SELECT_REVIEW, "Select Committee Reviews"),
        (Topic.Kind.JOINT_REVIEW, "Joint Select Committee Reviews"),
    ):
        of_kind = [t for t in reviews if t.kind == kind]
        result.append(
            Section(
                heading,
                [
                    MeetingRows(
                        f"{t.meeting.date:%-d %B %Y}" if t.meeting_id else "To be scheduled", [t]
                    )
                    for t in of_kind
                ],
            )
        )
    return result


def _undated(topics):
    return [MeetingRows("", [topic]) for topic in topics]


def responsible(topic: Topic) -> str:
    """'Councillor Lowry/Andrew Hardingham/Andrew Loton', as the programme styles them. Reads
    the people through any prefetch."""
    names = [f"Councillor {c.name}" for c in topic.cabinet_members.all()]
    names += [o.name for o in topic.officers.all()]
    return "/".join(names)
