"""The rules of minutes: how they are numbered and what a meeting's record says of itself.

Numbers are computed, never typed. A committee's minutes run on from its first minute number
(`MinuteNumbering.CONTINUOUS`) or restart each municipal year (`MinuteNumbering.YEARLY`, each
year starting from the same first number). Confirmed minutes keep the numbers they were
confirmed with (`MinuteEntry.number`); the drafts after them count on from the last kept number,
so that removing an entry from a draft renumbers that draft and the drafts after it, and never
minutes already confirmed.
"""

from committees.models import Meeting, MinuteEntry, MinuteNumbering, Minutes


def _in_scope(minutes: Minutes):
    """The minute entries that share a numbering sequence with `minutes`."""
    meeting = minutes.meeting
    entries = MinuteEntry.objects.filter(minutes__meeting__committee=meeting.committee_id)
    if meeting.committee.minute_numbering == MinuteNumbering.YEARLY:
        entries = entries.filter(minutes__meeting__municipal_year=meeting.municipal_year_id)
    return entries


def minute_numbers(minutes: Minutes) -> dict[int, int]:
    """{entry pk: minute number} for the entries of `minutes`, in three queries whatever the
    committee's history: the last kept number before them, the draft entries between it and
    them, and their own entries."""
    entries = list(minutes.entries.order_by("position", "pk").values_list("pk", "number"))
    if entries and all(number is not None for _, number in entries):
        return dict(entries)
    earlier = _in_scope(minutes).filter(minutes__meeting__starts_at__lt=minutes.meeting.starts_at)
    kept = (
        earlier.filter(number__isnull=False)
        .order_by("-minutes__meeting__starts_at", "-number")
        .values_list("number", "minutes__meeting__starts_at")
        .first()
    )
    if kept is None:
        before = earlier.count()
        last = minutes.meeting.committee.first_minute_number - 1
    else:
        last, kept_start = kept
        before = earlier.filter(
            number__isnull=True, minutes__meeting__starts_at__gt=kept_start
        ).count()
    return {pk: last + before + offset for offset, (pk, _) in enumerate(entries, start=1)}


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
