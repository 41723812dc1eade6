"""The rules of minutes: how they are numbered and what a meeting's record says of itself.

Numbers are computed, never typed. A committee's minutes run on from its first minute number
(`MinuteNumbering.CONTINUOUS`) or restart each municipal year (`MinuteNumbering.YEARLY`, each
year starting from the same first number). Confirmed minutes keep the numbers they were
confirmed with (`MinuteEntry.number`); the drafts after them count on from the last kept number,
so that removing an entry from a draft renumbers that draft and the drafts after it, and never
minutes already confirmed.
"""

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery

from committees.models import (
    Amendment,
    Attendance,
    Declaration,
    Meeting,
    Membership,
    MinuteEntry,
    MinuteNumbering,
    Minutes,
    Outcome,
)


def minute_numbers(minutes: Minutes) -> dict[int, int]:
    """{entry pk: minute number} for the entries of `minutes`, in three queries whatever the
    committee's history (one if they are confirmed): `minute_numbers_of` one set of minutes."""
    return minute_numbers_of([minutes])


def minute_numbers_of(minutes_list) -> dict[int, int]:
    """{entry pk: minute number} for the entries of every minutes in `minutes_list`, in three
    queries however many they are (one if all are confirmed): their entries; for each set of
    draft minutes, the last number kept before it in its sequence; and the draft entries of
    their committees, counted on from that number."""
    entries = list(
        MinuteEntry.objects.filter(minutes__in=[minutes.pk for minutes in minutes_list])
        .order_by("minutes", "position", "pk")
        .values_list("minutes_id", "pk", "number")
    )
    numbers = {pk: number for _, pk, number in entries if number is not None}
    drafts = {minutes_id for minutes_id, _, number in entries if number is None}
    if not drafts:
        return numbers
    in_scope = MinuteEntry.objects.filter(
        Q(minutes__meeting__committee__minute_numbering=MinuteNumbering.CONTINUOUS)
        | Q(minutes__meeting__municipal_year=OuterRef("meeting__municipal_year")),
        minutes__meeting__committee=OuterRef("meeting__committee"),
    )
    kept = in_scope.filter(
        number__isnull=False, minutes__meeting__starts_at__lt=OuterRef("meeting__starts_at")
    ).order_by("-minutes__meeting__starts_at", "-number")
    scopes = (
        Minutes.objects.filter(pk__in=drafts)
        .annotate(
            kept_number=Subquery(kept.values("number")[:1]),
            kept_start=Subquery(kept.values("minutes__meeting__starts_at")[:1]),
        )
        .values(
            "pk",
            "kept_number",
            "kept_start",
            "meeting__starts_at",
            "meeting__committee",
            "meeting__municipal_year",
            "meeting__committee__minute_numbering",
            "meeting__committee__first_minute_number",
        )
    )
    scopes = {scope["pk"]: scope for scope in scopes}
    unnumbered = list(
        MinuteEntry.objects.filter(
            number__isnull=True,
            minutes__meeting__committee__in={s["meeting__committee"] for s in scopes.values()},
        ).values_list(
            "minutes__meeting__committee", "minutes__meeting__municipal_year",
            "minutes__meeting__starts_at",
        )
    )  # fmt: skip
    for minutes_id in drafts:
        scope = scopes[minutes_id]
        yearly = scope["meeting__committee__minute_numbering"] == MinuteNumbering.YEARLY
        before = sum(
            1
            for committee, year, starts_at in unnumbered
            if committee == scope["meeting__committee"]
            and (not yearly or year == scope["meeting__municipal_year"])
            and starts_at < scope["meeting__starts_at"]
            and (scope["kept_start"] is None or starts_at > scope["kept_start"])
        )
        last = scope["kept_number"]
        if last is None:
            last = scope["meeting__committee__first_minute_number"] - 1
        own = [pk for of, pk, _ in entries if of == minutes_id]
        numbers.update({pk: last + before + offset for offset, pk in enumerate(own, start=1)})
    return numbers


def numbered_entries(minutes: Minutes):
    """The entries of `minutes` in order, each with its `minute_number` set."""
    numbers = minute_numbers(minutes)
    entries = list(minutes.entries.order_by("position", "pk"))
    for entry in entries:
        entry.minute_number = numbers[entry.pk]
    return entries


def keep_numbers(minutes: Minutes) -> None:
    """Store the computed numbers of `minutes` on their entries, as confirmation does."""
    for pk, number in minute_numbers(minutes).items():
        MinuteEntry.objects.filter(pk=pk).update(number=number)


def unconfirmed_before(minutes: Minutes):
    """Minutes earlier in the same numbering sequence that are not yet confirmed: confirming
    `minutes` first would fix numbers that those earlier minutes could still shift."""
    meeting = minutes.meeting
    earlier = Minutes.objects.filter(
        meeting__committee=meeting.committee_id,
        meeting__starts_at__lt=meeting.starts_at,
        entries__isnull=False,
    ).exclude(status=Minutes.Status.CONFIRMED)
    if meeting.committee.minute_numbering == MinuteNumbering.YEARLY:
        earlier = earlier.filter(meeting__municipal_year=meeting.municipal_year_id)
    return earlier.distinct().select_related("meeting__committee")


def record_status(meeting: Meeting, minutes: Minutes | None, today) -> str:
    """What the public reads of a meeting's record: 'Held — minutes to follow', 'Minutes
    published (draft)', 'Minutes confirmed on 24 July 2019'; a meeting that did not take place
    stays cancelled or postponed, and one still to come says so."""
    if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED):
        return meeting.get_status_display()
    if minutes is not None and minutes.status == Minutes.Status.CONFIRMED:
        confirmed_at = minutes.confirmed_by.minutes.meeting
        return f"Minutes confirmed on {confirmed_at.date:%-d %B %Y}"
    if minutes is not None and minutes.status == Minutes.Status.PUBLISHED:
        return "Minutes published (draft)"
    if meeting.date < today:
        return "Held — minutes to follow"
    return "Agenda published" if meeting.is_published else "Scheduled"


CAVEAT = (
    "At a future meeting, the committee will consider the accuracy of these draft minutes, so "
    "they may be subject to change. Please check the minutes of that meeting to confirm whether "
    "these minutes have been amended."
)
NO_DECLARATIONS = "There were no declarations of interest."


def clock(time) -> str:
    """'3.00 pm', as the council's minutes write a time."""
    hour = time.hour % 12 or 12
    return f"{hour}.{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _councillors(names: list[str]) -> str:
    """'Councillor Derrick' or 'Councillors Derrick, Mrs Johnson and Vincent'."""
    return f"Councillor{'s' if len(names) > 1 else ''} {_names(names)}"


def attendance_lines(attendance, roles: dict[int, str]) -> dict[str, str]:
    """The attendance paragraphs of the minutes, in the council's style, from the attendance
    records of a meeting and the roles {councillor pk: Membership.Role} of its members then:

    {"present": "Councillor Kelly, in the Chair. Councillor Winter, Vice Chair. Councillors
    Derrick, Drean (substituting for Ms Watkin) and Vincent.", "coopted": "…", "apologies":
    "Councillors Hendy (Councillor Murphy substituting) and …", "absent": "…",
    "in_attendance": "Jamie Sheldon (Democratic Advisor), …"}; a paragraph with nobody in it
    is left out.
    """
    by_name = sorted(
        attendance,
        key=lambda row: (
            (row.councillor.sort_name, row.councillor.name) if row.councillor_id else ("", "")
        ),
    )
    present = [
        row
        for row in by_name
        if row.councillor_id
        and row.status in (Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE)
    ]
    substitutes = {
        row.substitute_for_id: row.councillor for row in present if row.substitute_for_id
    }
    lines = {}
    leading = []
    others = []
    coopted = []
    for row in present:
        role = roles.get(row.councillor_id)
        if row.in_the_chair:
            leading.insert(0, f"Councillor {row.councillor.name}, in the Chair.")
        elif role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR):
            leading.append(f"Councillor {row.councillor.name}, {Membership.Role(role).label}.")
        elif role == Membership.Role.COOPTED:
            coopted.append(row.councillor.name)
        elif row.substitute_for_id:
            others.append(f"{row.councillor.name} (substituting for {row.substitute_for.name})")
        else:
            others.append(row.councillor.name)
    if others:
        leading.append(f"{_councillors(others)}.")
    if leading:
        lines["present"] = " ".join(leading)
    if coopted:
        lines["coopted"] = f"{_councillors(coopted)}."
    for status, key in (
        (Attendance.Status.APOLOGIES, "apologies"),
        (Attendance.Status.ABSENT, "absent"),
    ):
        names = [
            row.councillor.name
            + (
                f" (Councillor {substitutes[row.councillor_id].name} substituting)"
                if row.councillor_id in substitutes
                else ""
            )
            for row in by_name
            if row.councillor_id and row.status == status
        ]
        if names:
            lines[key] = f"{_councillors(names)}."
    also = [
        f"{row.person} ({capacity})" if (capacity := _capacity(row)) else str(row.person)
        for row in attendance
        if row.status == Attendance.Status.IN_ATTENDANCE
    ]
    if also:
        lines["in_attendance"] = f"{_names(also)}."
    return lines


def _capacity(row) -> str:
    if row.capacity:
        return row.capacity
    if row.officer_id:
        return row.officer.job_title
    if row.councillor_id:
        return row.councillor.portfolio
    return ""


def times_line(minutes: Minutes) -> str:
    """'The meeting started at 3.00 pm and finished at 5.00 pm.'; '' if not recorded."""
    if minutes.started_at and minutes.finished_at:
        return (
            f"The meeting started at {clock(minutes.started_at)} and finished at "
            f"{clock(minutes.finished_at)}."
        )
    if minutes.started_at:
        return f"The meeting started at {clock(minutes.started_at)}."
    return ""


@dataclass
class RecordEntry:
    """A minute as a reader sees it: withheld (its number and paragraph only) when exempt and
    the reader is not entitled to exempt information."""

    number: int
    entry: MinuteEntry
    withheld: bool
    is_declarations: bool


@dataclass
class Record:
    """The minutes of a meeting as the pack and the public meeting page print them."""

    minutes: Minutes
    attendance: dict[str, str]
    times: str
    entries: list[RecordEntry]
    declarations: list[Declaration]
    amendments: list[Amendment]

    @property
    def caveat(self):
        return "" if self.minutes.is_locked else CAVEAT

    confirmed_at: tuple[Meeting, int] | None = None


def is_declarations_item(entry: MinuteEntry) -> bool:
    """The minute of the standing item 'Declarations of Interest', under which the minutes
    list every declaration (or say there were none)."""
    return entry.title.strip().lower().startswith("declarations of interest")


def record(minutes: Minutes, *, restricted: bool) -> Record:
    """The printed record of `minutes`, in a fixed number of queries. Exempt minutes, and the
    declarations made on them, are withheld unless `restricted`. `minutes` should come with
    `confirmed_by__minutes__meeting` selected."""
    meeting = minutes.meeting
    attendance = list(
        minutes.attendance.select_related("councillor", "officer", "substitute_for").order_by("pk")
    )
    roles = dict(
        Membership.objects.filter(committee=meeting.committee_id)
        .current_on(meeting.date)
        .values_list("councillor", "role")
    )
    numbers = minute_numbers(minutes)
    entries = list(
        minutes.entries.order_by("position", "pk").prefetch_related(
            Prefetch("outcomes", queryset=Outcome.objects.select_related("councillor", "officer")),
            Prefetch("declarations", queryset=Declaration.objects.select_related("councillor")),
        )
    )
    shown = [
        RecordEntry(
            number=numbers[entry.pk],
            entry=entry,
            withheld=entry.exempt and not restricted,
            is_declarations=is_declarations_item(entry),
        )
        for entry in entries
    ]
    return Record(
        minutes=minutes,
        attendance=attendance_lines(attendance, roles),
        times=times_line(minutes),
        entries=shown,
        declarations=[
            declaration
            for part in shown
            if not part.withheld
            for declaration in part.entry.declarations.all()
        ],
        amendments=list(minutes.amendments.all()),
        confirmed_at=_confirmed_at(minutes),
    )


def _confirmed_at(minutes: Minutes) -> tuple[Meeting, int] | None:
    """The later meeting whose minute confirmed `minutes`, with that minute's number."""
    at = minutes.confirmed_by
    if at is None:
        return None
    return at.minutes.meeting, minute_numbers(at.minutes)[at.pk]


def attendance_figures(attendance):
    """Count `attendance` (an Attendance queryset) by what each record says, over the minutes
    the public reads: `expected` (a member's place at a meeting: present, apologies or absent),
    `present`, `substitute` (present in another member's place), `apologies` and `absent`.
    Group it first with `.values(...)`."""
    status = Attendance.Status
    return (
        attendance.filter(minutes__in=Minutes.objects.public())
        .annotate(
            expected=Count(
                "pk", filter=Q(status__in=[status.PRESENT, status.APOLOGIES, status.ABSENT])
            ),
            present=Count("pk", filter=Q(status=status.PRESENT)),
            substitute=Count("pk", filter=Q(status=status.SUBSTITUTE)),
            apologies=Count("pk", filter=Q(status=status.APOLOGIES)),
            absent=Count("pk", filter=Q(status=status.ABSENT)),
        )
        .filter(Q(expected__gt=0) | Q(substitute__gt=0))
    )


def attendance_by_year(councillor):
    """A councillor's attendance figures for each municipal year, the latest first: one query."""
    return attendance_figures(
        Attendance.objects.filter(councillor=councillor).values(
            year=F("minutes__meeting__municipal_year__label"),
            year_start=F("minutes__meeting__municipal_year__start_date"),
        )
    ).order_by("-year_start")


def attendance_by_member(committee):
    """Each councillor's attendance figures at the meetings of `committee`: one query."""
    return attendance_figures(
        Attendance.objects.filter(
            minutes__meeting__committee=committee, councillor__isnull=False
        ).values(
            "councillor__name",
            "councillor__slug",
            "councillor__sort_name",
        )
    ).order_by("councillor__sort_name", "councillor__name")
