"""The work programme's part of the synthetic council (committees/synthetic; README, "Adding an
app"): a work programme for each scrutiny committee each municipal year, with scored topics
scheduled to its meetings and a few still to be scheduled; every asking outcome of the
synthetic minutes tracked, some with progress notes (none if there are no minutes); and a
programme reporting to the first committee, with an update at each of its meetings held.

Rows are inserted in bulk from `ctx.rng`: the same seed gives the same data."""

import datetime as dt
from itertools import groupby

from committees import synthetic
from committees.models import Committee, Outcome
from committees.synthetic.meetings import sentences
from workprogramme import prioritisation
from workprogramme.models import (
    AreaAnswer,
    Driver,
    Programme,
    ProgrammeUpdate,
    ProgressNote,
    RequestedArea,
    Topic,
    TrackedDecision,
    WorkProgramme,
    Workstream,
    WorkstreamStatus,
)
from workprogramme.services import TRACKED_KINDS

TOPICS_A_MEETING = (1, 3)
TO_BE_SCHEDULED = 2
WORKSTREAMS = ("Digital first", "Customer insight", "Workforce", "Accommodation")
AREAS = ("Savings delivered to date", "Impact on residents who do not use digital services")


def load(ctx: synthetic.SyntheticContext) -> None:
    scrutiny = [c for c in ctx.committees if c.kind == Committee.Kind.OVERVIEW_SCRUTINY]
    work_programmes(ctx, scrutiny)
    tracked_decisions(ctx, scrutiny)
    if scrutiny:
        programme(ctx, scrutiny[0])


def scored(ctx, **fields) -> Topic:
    """A topic with the six questions answered from `ctx.rng` and its score counted (bulk
    inserts skip `Topic.save`)."""
    answers = {c.name: ctx.rng.random() < 0.6 for c in prioritisation.CRITERIA}
    return Topic(**fields, **answers, score=prioritisation.score(answers))


def work_programmes(ctx, committees) -> None:
    """Each committee's programme for each year, its meetings' topics and those to schedule."""
    programmes = WorkProgramme.objects.bulk_create(
        WorkProgramme(committee=committee, municipal_year=year)
        for year in ctx.municipal_years
        for committee in committees
    )
    by_key = {(p.committee_id, p.municipal_year_id): p for p in programmes}
    names = {committee.pk: committee.short_name for committee in committees}
    topics = []
    for meeting in ctx.meetings:
        programme = by_key.get((meeting.committee_id, meeting.municipal_year_id))
        if programme is None:
            continue
        topics += [
            scored(
                ctx,
                programme=programme,
                title=f"{names[meeting.committee_id]}: {sentences(ctx.rng)[:80]}",
                reason=sentences(ctx.rng),
                kind=ctx.rng.choice(Topic.Kind.values),
                meeting=meeting,
                position=position,
            )
            for position in range(1, ctx.rng.randint(*TOPICS_A_MEETING) + 1)
        ]
    for programme in programmes:
        topics += [
            scored(ctx, programme=programme, title=f"Topic to schedule {n}", reason="Members asked")
            for n in range(1, TO_BE_SCHEDULED + 1)
        ]
    made = Topic.objects.bulk_create(topics)
    Topic.officers.through.objects.bulk_create(
        Topic.officers.through(topic_id=topic.pk, officer_id=ctx.rng.choice(ctx.officers).pk)
        for topic in made
    )


def tracked_decisions(ctx, committees) -> None:
    """Every asking outcome of the committees' minutes tracked, as `decision_track` would, and
    about half with a progress note or two since."""
    outcomes = list(
        Outcome.objects.filter(
            kind__in=TRACKED_KINDS,
            entry__minutes__meeting__committee__in=committees,
            tracked__isnull=True,
        )
        .select_related("entry__minutes__meeting")
        .order_by("pk")
    )
    decisions = TrackedDecision.objects.bulk_create(
        TrackedDecision(
            outcome=outcome,
            target_date=outcome.due_by,
            officer_id=outcome.officer_id,
            councillor_id=outcome.councillor_id,
        )
        for outcome in outcomes
    )
    notes = []
    for decision in decisions:
        made_on = decision.outcome.entry.minutes.meeting.starts_at.date()
        for n in range(ctx.rng.choice((0, 0, 1, 2))):
            on = min(ctx.today, made_on + dt.timedelta(days=30 * (n + 1)))
            notes.append(
                ProgressNote(decision=decision, on=on, text=sentences(ctx.rng), completes=n == 1)
            )
    ProgressNote.objects.bulk_create(notes)


def programme(ctx, committee) -> None:
    """A programme reporting to `committee`, with an update at each of its meetings held: each
    workstream's status and an answer to each area the committee asked for."""
    the_programme = Programme.objects.create(
        name="Synthetic Customer Programme",
        committee=committee,
        lead_member=ctx.rng.choice(ctx.councillors),
        lead_director=ctx.rng.choice(ctx.officers),
        purpose=sentences(ctx.rng),
    )
    Driver.objects.bulk_create(
        Driver(programme=the_programme, position=n, title=f"Driver {n}", description="")
        for n in range(1, 4)
    )
    workstreams = Workstream.objects.bulk_create(
        Workstream(programme=the_programme, position=n, title=title)
        for n, title in enumerate(WORKSTREAMS, start=1)
    )
    held = [
        meeting
        for meeting in ctx.meetings
        if meeting.committee_id == committee.pk and meeting.starts_at.date() < ctx.today
    ]
    if not held:
        return
    areas = RequestedArea.objects.bulk_create(
        RequestedArea(
            programme=the_programme,
            committee=committee,
            requested_on=held[0].starts_at.date(),
            position=n,
            text=text,
        )
        for n, text in enumerate(AREAS, start=1)
    )
    # One update a day at most (a constraint): the first meeting of each day.
    meetings = [next(group) for _, group in groupby(held, key=lambda m: m.starts_at.date())]
    updates = ProgrammeUpdate.objects.bulk_create(
        ProgrammeUpdate(
            programme=the_programme,
            meeting=meeting,
            dated=meeting.starts_at.date(),
            summary=f"<p>{sentences(ctx.rng)}</p>",
        )
        for meeting in meetings
    )
    WorkstreamStatus.objects.bulk_create(
        WorkstreamStatus(
            update=update,
            workstream=workstream,
            status=ctx.rng.choice(WorkstreamStatus.Status.values),
            narrative=sentences(ctx.rng),
        )
        for update in updates
        for workstream in workstreams
    )
    AreaAnswer.objects.bulk_create(
        AreaAnswer(update=update, area=area, text=f"<p>{sentences(ctx.rng)}</p>")
        for update in updates
        for area in areas
    )


synthetic.register("workprogramme", load)
