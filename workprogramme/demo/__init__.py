"""The work programme app's demo (README, "Adding an app"), from the seeds:

- the Performance, Finance and Customer Focus committee's Work Programme 2019-2020 (seed 004),
  with the later 2019/20 meetings it names as scheduled meetings, its scores, the items to be
  scheduled and the member-request review. The seed prints only each topic's total ("(5)"),
  never the answers; the demo answers the questions so that they add up to it, without evidence
  (which the tool flags);
- its two tracked decisions, on minutes 59 and 60 of 12 June 2019, with their progress;
- the Customer Experience Programme with its drivers, workstreams and enablers, and its update
  of 24 July 2019 (seed 004's briefing report; the seed gives no RAG ratings, so the statuses
  are the demo's reading of its narrative);
- the 2015 update on the CCO programme to the Co-operative Scrutiny Board (seed 000), answering
  the three areas the board asked for on 17 December 2014.

The July 2019 pack's Work Programme and Tracking Decisions items, and the board's item, get
generated documents rendering these records.
"""

import datetime as dt
import re
from pathlib import Path

from committees import demo
from committees.demo import PFCF, DemoContext
from committees.demo.bodies import CO_OPERATIVE_SCRUTINY_BOARD
from committees.demo.common import at, saved
from committees.minutes import minute_numbers
from committees.models import Document, Meeting, Minutes, Outcome
from committees.services.agenda import meeting_create
from workprogramme import prioritisation, services
from workprogramme.models import (
    AreaAnswer,
    Driver,
    Programme,
    ProgrammeUpdate,
    RequestedArea,
    Topic,
    TopicEvent,
    WorkProgramme,
    Workstream,
    WorkstreamStatus,
)

CONTENT = Path(__file__).parent
# The later meetings of 2019/20 the seed's work programme names; from June the committee met at
# 2pm (minute 57).
LATER_MEETINGS = [
    dt.date(2019, 10, 2),
    dt.date(2019, 11, 27),
    dt.date(2020, 1, 22),
    dt.date(2020, 3, 18),
]
# The programme as the July 2019 pack published it.
AS_PUBLISHED = dt.date(2019, 7, 16)

FINANCE = (
    "To monitor the Council's financial position and identify areas of concern for further scrutiny"
)
PERFORMANCE = (
    "To monitor the Council's financial position and Performance and identify areas of concern "
    "for further scrutiny"
)
EXPERIENCE = "To receive an update on the Customer Experience Programme"
# Answers that add up to the seed's totals: which questions the committee answered yes to is
# not in the seed.
YES = {
    5: {"public_interest", "ability", "performance", "extent", "executive_decision"},
    4: {"public_interest", "ability", "extent", "executive_decision"},
}

S, U, M = Topic.Kind.STANDING, Topic.Kind.UPDATE, Topic.Kind.MEMBER_REQUEST
LOWRY = (["Lowry"], ["Andrew Hardingham"])
LOWRY_LOTON = (["Lowry"], ["Andrew Hardingham", "Andrew Loton"])
HAYDON = (["Haydon"], ["Andy Ralphs", "Pete Honeywell"])
NOBODY = ([], [])

# (meeting date, title, score, reason, kind, (cabinet members, officers), the agenda item a
# topic of a meeting already on the demo's agendas was taken under)
SCHEDULED = [
    (dt.date(2019, 6, 12), "Corporate Finance Monitoring Report Q4 and Outturn", 5, PERFORMANCE, S,
     LOWRY_LOTON, "Corporate Performance and Finance Outturn Report"),
    (dt.date(2019, 7, 24), "Monthly Finance Report Month 2", 5, FINANCE, S, LOWRY,
     "Revenue Monitor 2019/20 - Month 2"),
    (dt.date(2019, 7, 24), "Procurement Services", 5, "", U, LOWRY,
     "Update on the Corporate Procurement Services"),
    (dt.date(2019, 7, 24), "Customer Experience Programme update", 4, EXPERIENCE, U, HAYDON,
     "Customer Experience Programme Update"),
    (dt.date(2019, 10, 2), "Monthly Finance Report Month 5", None, FINANCE, S, LOWRY, None),
    (dt.date(2019, 10, 2), "Corporate Finance Monitoring Report Q1 and Outturn 2019/20", 5,
     PERFORMANCE, S, LOWRY_LOTON, None),
    (dt.date(2019, 10, 2), "The Homelessness Strategy", 5, "", U, ([], ["Matt Garrett"]), None),
    (dt.date(2019, 10, 2), "Update on Alliance Contract 6 month review", None, "To review progress",
     U, NOBODY, None),
    (dt.date(2019, 11, 27), "Monthly Finance Report Month 6", 5, FINANCE, S, LOWRY, None),
    (dt.date(2019, 11, 27), "Corporate Finance Monitoring Report Q2 and Outturn 2019/20", 5,
     PERFORMANCE, S, LOWRY_LOTON, None),
    (dt.date(2019, 11, 27), "Customer Experience Programme update", 4, EXPERIENCE, U, HAYDON, None),
    (dt.date(2020, 1, 22), "Monthly Finance Report Month 7", 5, FINANCE, S, LOWRY, None),
    (dt.date(2020, 3, 18), "Monthly Finance Report Month 10", 5, FINANCE, S, LOWRY, None),
    (dt.date(2020, 3, 18), "Corporate Finance Monitoring Report Q3 and Outturn 2019/20", 5,
     PERFORMANCE, S, LOWRY_LOTON, None),
    (dt.date(2020, 3, 18), "Customer Experience Programme update", 4, EXPERIENCE, U, HAYDON, None),
]  # fmt: skip
TO_BE_SCHEDULED = [
    "Customer Satisfaction Survey",
    "Staff Survey Update",
    "Electoral Processes/ Performance data",
    "Carbon Initiative",
    "Communication Review report",
    "Street Services",
    "People Directorate",
]


def load(ctx: DemoContext) -> None:
    pfcf = ctx.committees[PFCF]
    meetings = dict(ctx.meetings_2019)
    for day in LATER_MEETINGS:
        meetings[day] = meeting_create(
            meeting=Meeting(
                committee=pfcf,
                starts_at=at(day, 14),
                venue=pfcf.default_venue,
                status=Meeting.Status.SCHEDULED,
            )
        )
    programme = saved(
        WorkProgramme(
            committee=pfcf,
            municipal_year=ctx.municipal_years[2019],
            enquiries_officer=ctx.officers["Jamie Sheldon"],
            enquiries_role="Democratic Advisor",
            enquiries_phone="01752 304001",
        )
    )
    june = ctx.meetings_2019[dt.date(2019, 6, 12)]
    outcomes = june_outcomes(june)
    agreed = next(iter(outcomes.get(60, [])), None)
    work_programme(ctx, programme, meetings, agreed)
    tracked_decisions(ctx, outcomes)
    july = ctx.meetings_2019[dt.date(2019, 7, 24)]
    _generated(july, "Work Programme", "Work Programme 2019-2020", "workprogramme.programme")
    _generated(july, "Tracking Decisions", "Tracking Decisions", "workprogramme.tracker")
    customer_experience(ctx, july)
    cco_update(ctx)


def _generated(meeting, item_title, title, key, record=None):
    item = meeting.items.get(title=item_title)
    saved(
        Document(
            item=item,
            position=item.documents.count() + 1,
            kind=Document.Kind.GENERATED,
            title=title,
            generator=key,
            generator_record=record,
        )
    )


def _answers(score):
    if score is None:
        return {}
    return {c.name: c.name in YES[score] for c in prioritisation.CRITERIA}


def _people(ctx, people):
    councillors, officers = people
    return [ctx.councillors[n] for n in councillors], [ctx.officers[n] for n in officers]


def work_programme(ctx, programme, meetings, agreed: Outcome | None) -> None:
    """The seed's programme: topics already taken at June and July under those agendas' items,
    the later ones scheduled (adding their items to the later agendas), the rest to be
    scheduled."""
    from_minute = (
        {title.rstrip(";.").casefold() for title in agreed.topic_list} if agreed else set()
    )

    def topic(title, score=None, reason="", kind=U, people=NOBODY, **fields):
        source = agreed if title.casefold() in from_minute else None
        cabinet_members, officers = _people(ctx, people)
        return services.topic_save(
            topic=Topic(
                programme=programme,
                title=title,
                reason=reason,
                kind=kind,
                source_outcome=source,
                **_answers(score),
                **fields,
            ),
            cabinet_members=cabinet_members,
            officers=officers,
            on=dt.date(2019, 6, 12),
        )

    for day, title, score, reason, kind, people, item_title in SCHEDULED:
        meeting = meetings[day]
        if item_title:
            new = topic(title, score, reason, kind, people, meeting=meeting,
                        agenda_item=meeting.items.get(title=item_title))  # fmt: skip
            TopicEvent.objects.create(
                topic=new, kind=TopicEvent.Kind.CONSIDERED, meeting=meeting, on=day
            )
        else:
            services.topic_schedule(
                topic=topic(title, score, reason, kind, people), meeting=meeting, today=AS_PUBLISHED
            )
    for title in TO_BE_SCHEDULED:
        topic(title)
    topic(
        "Gypsy Roma and Travellers Unauthorised Camps",
        4,
        "Member request",
        Topic.Kind.SELECT_REVIEW,
        (["Penberthy"], ["Matt Garrett"]),
    )


def june_outcomes(june: Meeting) -> dict[int, list[Outcome]]:
    """The tracked outcomes of the minutes of 12 June 2019, by minute number: none while those
    minutes are not in the demo."""
    minutes = Minutes.objects.filter(meeting=june).first()
    if minutes is None:
        return {}
    numbers = minute_numbers(minutes)
    found = {}
    for outcome in Outcome.objects.filter(
        entry__minutes=minutes, kind__in=services.TRACKED_KINDS
    ).order_by("entry__position", "position", "pk"):
        found.setdefault(numbers[outcome.entry_id], []).append(outcome)
    return found


def tracked_decisions(ctx, outcomes) -> None:
    """Minutes 59 and 60 as the seed's Tracking Decisions table follows them up. The seed dates
    both 'June 2019': the demo reads that as the end of June."""
    services.decisions_pick_up()
    end_of_june = dt.date(2019, 6, 30)
    progress = {
        59: (
            ctx.officers["Paul Looby"],
            ctx.councillors["Lowry"],
            AS_PUBLISHED,
            "Month 2 Monitoring report added to July 2019 agenda.",
        ),
        60: (
            ctx.officers["Jamie Sheldon"],
            None,
            end_of_june,
            "Items have been added to the Work Programme.",
        ),
    }
    for number, (officer, councillor, on, text) in progress.items():
        for outcome in outcomes.get(number, []):
            decision = outcome.tracked
            decision.target_date = end_of_june
            decision.officer, decision.councillor = officer, councillor
            services.decision_update(decision=decision)
            services.progress_note_add(decision=decision, on=on, text=text, completes=True)


def customer_experience(ctx, july) -> None:
    """The Customer Experience Programme and its update to the July 2019 meeting."""
    programme = saved(
        Programme(
            name="Customer Experience Programme",
            committee=ctx.committees[PFCF],
            lead_member=ctx.councillors["Taylor"],
            lead_director=ctx.officers["Andy Ralphs"],
            purpose=(
                "To change how the Council works so that customers have a more consistent "
                "experience of its services."
            ),
        )
    )
    for position, (title, description) in enumerate(EXPERIENCE_DRIVERS, start=1):
        saved(Driver(programme=programme, position=position, title=title, description=description))
    workstreams = {}
    for position, (kind, title, description, _, _, _) in enumerate(EXPERIENCE_WORKSTREAMS, start=1):
        workstreams[title] = saved(
            Workstream(
                programme=programme,
                position=position,
                kind=kind,
                title=title,
                description=description,
            )
        )
    services.programme_update_create(
        update=ProgrammeUpdate(
            programme=programme,
            meeting=july,
            dated=july.date,
            summary=(
                "<p>Since the last update the focus of the programme has been to develop a "
                "structure to deliver on the outcomes required and to plan out the work. In the "
                "last few weeks we have started the first End to End Review focused on Street "
                "Scene and Waste.</p>"
            ),
        ),
        statuses=[
            WorkstreamStatus(
                workstream=workstreams[title], status=status, narrative=narrative, next_steps=steps
            )
            for _, title, _, status, narrative, steps in EXPERIENCE_WORKSTREAMS
        ],
    )


GREEN, AMBER = WorkstreamStatus.Status.GREEN, WorkstreamStatus.Status.AMBER
WORKSTREAM, ENABLER = Workstream.Kind.WORKSTREAM, Workstream.Kind.ENABLER
EXPERIENCE_DRIVERS = [
    ("Customer expectations", "The changes in what customers expect from Plymouth City Council "
     "and what that means for the Council."),
    ("Empowering and supporting communities", "The need to involve all stakeholders in the design "
     "and delivery of services, enabling access to the right information and best resources to "
     "meet customer needs."),
    ("Financial sustainability", "Spending wisely and maximising income to the Council in order "
     "to balance the books."),
    ("Reputation", "Being known for delivery."),
]  # fmt: skip
MOBILISING = "Resourcing the roles required to deliver the plans is underway."
# (kind, title, description, status, narrative, next steps), from the briefing report.
EXPERIENCE_WORKSTREAMS = [
    (WORKSTREAM, "End to End Reviews", "Reviews of services from the customer's side, in two "
     "phases: an opportunity assessment ending in a business case, then implementation.", GREEN,
     "The first review has started in Street Scene and Waste, with a drop-in room at Chelson "
     "Meadow.", "Members are welcome to drop in to the Opportunity Assessment and give their "
     "input."),
    (WORKSTREAM, "Operating Model", "The guidelines and policies that bring consistency to how "
     "the Council works and how customers experience its services.", GREEN, "Informing and "
     "informed by the opportunity assessments: standard measures such as customer satisfaction, "
     "one payment processing mechanism.", MOBILISING),
    (ENABLER, "Digital", "Digital inclusion, digital infrastructure, the Council's digital "
     "services and Digital Place.", GREEN, "Organised around its four sub sets of work.",
     MOBILISING),
    (ENABLER, "Workforce Modernisation", "Aligning the behaviours, values and talent of the "
     "workforce to the Council's goals.", GREEN, "Includes the delivery of a new HR/payroll "
     "system and organisation design principles.", MOBILISING),
    (ENABLER, "Community Engagement", "Identifying what people can do for themselves, and how "
     "best to engage and support them.", AMBER, "The programme mandate for this part of the work "
     "is not yet complete.", "Finalise the programme mandate."),
    (ENABLER, "Accommodation", "Responding to the operating model and the opportunity "
     "assessments where they create or vacate accommodation.", GREEN, "Accommodation is a "
     "significant part of the cost base; sharing desks and buildings with partners saves money.",
     MOBILISING),
    (ENABLER, "Procurement", "Reviewing contracts to consolidate suppliers as the Council works "
     "more consistently.", GREEN, "Around two thirds of the net budget is spent externally on "
     "goods and services.", MOBILISING),
]  # fmt: skip


CCO_AREAS = [
    "How measures for consultation and engagement will be built into the programme",
    "Role and function of the decision making network are to be made clearer",
    "Quick wins with timescales and present the CCO blueprint",
]
CCO_WORKSTREAMS = [
    ("Advise & Enable: working with citizens and communities", "Building the framework for "
     "working with citizens and communities with the \"Where I live\" initiative.",
     "Requirements found (150+) are being grouped into themes ready for validation.",
     "Clarify roles and responsibilities; deliver the framework."),
    ("Advise & Enable: knowledge and information management", "A framework to give decision "
     "makers the knowledge, expertise and advice they need.", "Business analysts are capturing "
     "the information needs of directors and assistant directors.", "Engage with Members on "
     "supporting their decision making; map the expertise the council has."),
    ("Quick wins", "The four 'Quick Win' mini-projects of FY15/16.", "Presented at the Members "
     "Briefing on 23 January 2015.", "Deliver in FY15/16, as set out in the CCO Overview."),
    ("CCO Blueprint", "The technical enterprise architecture for the CCO areas.", "Signed off by "
     "the CCO Programme Board on 28 January 2015.", "Detail design of the transformed services."),
]  # fmt: skip


def cco_update(ctx) -> None:
    """The CCO programme's update to the board of March 2015, answering its three areas."""
    board = ctx.committees[CO_OPERATIVE_SCRUTINY_BOARD]
    programme = saved(
        Programme(
            name="Co-operative Centre of Operations (CCO) Programme",
            committee=board,
            purpose="To transform the council's centre of operations (HR, Finance, Corporate "
            "Services) as set out in the CCO Blueprint.",
        )
    )
    areas = [
        saved(
            RequestedArea(
                programme=programme,
                committee=board,
                requested_on=dt.date(2014, 12, 17),
                position=position,
                text=text,
            )
        )
        for position, text in enumerate(CCO_AREAS, start=1)
    ]
    statuses = []
    for position, (title, description, narrative, steps) in enumerate(CCO_WORKSTREAMS, start=1):
        workstream = saved(
            Workstream(programme=programme, position=position, title=title, description=description)
        )
        statuses.append(
            WorkstreamStatus(
                workstream=workstream, status=GREEN, narrative=narrative, next_steps=steps
            )
        )
    introduction, *sections = re.split(
        r"<h2>.*?</h2>", (CONTENT / "cco_update_2015.html").read_text(encoding="utf-8")
    )[1:]
    meeting = ctx.board_meeting_2015
    update = services.programme_update_create(
        update=ProgrammeUpdate(
            programme=programme, meeting=meeting, dated=meeting.date, summary=introduction
        ),
        statuses=statuses,
        answers=[
            AreaAnswer(area=area, text=text.strip())
            for area, text in zip(areas, sections, strict=True)
        ],
    )
    _generated(
        meeting,
        "Co-operative Centre of Operations (CCO) Programme Update",
        "Co-operative Centre of Operations (CCO) Programme Update",
        "workprogramme.programme_update",
        record=update.pk,
    )


demo.register("workprogramme", load)
