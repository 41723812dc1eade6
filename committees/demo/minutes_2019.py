"""The minutes of the Performance, Finance and Customer Focus committee's meeting of 12 June
2019 as data (seed 004, the pack of 24 July 2019, item 3), recorded through the same services
as an officer's forms: attendance with its three substitutions, minutes 54-60 with what the
committee noted, agreed, requested and scheduled, published as a draft on 14 June 2019 (the
24 July meeting, still to be held in the seed, is asked to confirm them)."""

import datetime as dt

from committees.models import Attendance, Meeting, MinuteEntry, Minutes, Outcome
from committees.services import minutes as services

PRESENT, APOLOGIES, ABSENT = (
    Attendance.Status.PRESENT,
    Attendance.Status.APOLOGIES,
    Attendance.Status.ABSENT,
)

OUTTURN = """\
<p>Councillor Mark Lowry (Cabinet Member for Finance), Paul Looby (Head of Financial Planning) and
Andrew Loton (Senior Performance Advisor) presented the Corporate Performance and Finance Outturn
Report -</p>
<ol type="a">
<li>In terms of performance against the Corporate Plan, this report provided analysis of quarter
four (January to March 2019) performance against the Council's key performance indicators (KPIs),
providing a detailed performance update against the Corporate Plan priorities.</li>
<li>This report formed part of the Council's Performance Framework and was a key part of our aim
to achieve a 'golden thread' from the Corporate Plan and its KPIs, through to service and team
level business plans, and ultimately to individual objectives.</li>
<li>The Council's gross revenue budget for 2018/19 was £501.679m which after allowing for income
and grants was £185.556m. The financial outturn position before any adjustments was an overspend
of £1.117m against the budget set in February 2018. Assuming the transfers to and from reserves a
breakeven position will be declared i.e. an outturn of £185.556m.</li>
<li>In comparison to 2017/18 the overspend before any adjustments (e.g. the use of section 106
grants) was £2.411m. This year represents an improvement although the £1.117m will be drawn from
the Council's working balance with the aim to repay this sum during the financial year starting
1 April 2019. This will be reflected within the developing Medium Term Financial Plan.</li>
<li>This report proposed a number of adjustments to the financial accounts following the
financial review always undertaken by the Section 151 Officer at the end of the year. Decisions
made as part of this report will feed into the Council's annual Statement of Accounts which was
subject to external audit. The external audit was expected to commence at the start of July 2019
with the final accounts approved and signed off by our external auditors at the end of July
2019.</li>
<li>As at 31 March 2019 the Working Balance stood at £8.050m and the final Capital outturn
position is £98.963m. The Working Balance has a recommended minimum set at 5% of the net revenue
budget.</li>
<li>This minimum was approved by Council. Due to the continued pressures felt, the Council has had
to make further use of its Working Balance reducing it to 4.3% of the net revenue budget.</li>
</ol>
<p>The key areas of questioning from Members related to -</p>
<ul>
<li>the total savings target for 2019/2020 and the total of all extra grants;</li>
<li>how do funds go back into the Working Balance;</li>
<li>the Climate Change Emergency Plan;</li>
<li>strategic Projects across Plymouth;</li>
<li>acquisition of assets;</li>
<li>Electoral Services Processes and Procedures.</li>
</ul>"""

# Minute 60: the work programme topics the committee agreed to schedule, as minuted.
SCHEDULED_TOPICS = [
    "Monthly Finance reports;",
    "Procurement Services update;",
    "Electoral Processes/ Performance data;",
    "Carbon Initiative;",
    "Communication Review report;",
    "The Homelessness Strategy;",
    "Street Services;",
    "People Directorate.",
]

PUBLISHED_ON = dt.date(2019, 6, 14)


def june(meeting: Meeting, officers, councillors) -> Minutes:
    """The minutes of 12 June 2019, numbered 54-60 by the committee's continuous numbering."""
    minutes = services.minutes_of(meeting)
    member = services.MemberAttendance
    services.attendance_save(
        minutes=minutes,
        expected_version=minutes.version,
        started_at=dt.time(15),
        finished_at=dt.time(17),
        members=[
            member(councillors["Kelly"], PRESENT, in_the_chair=True),
            member(councillors["Winter"], PRESENT),
            member(councillors["Derrick"], PRESENT),
            member(councillors["Hendy"], APOLOGIES, substitute=councillors["Murphy"]),
            member(councillors["Mrs Johnson"], PRESENT),
            # Neither present nor among the apologies in the minutes.
            member(councillors["Singh"], ABSENT),
            member(councillors["Vincent"], PRESENT),
            member(councillors["Ms Watkin"], APOLOGIES, substitute=councillors["Drean"]),
            member(councillors["Wigens"], APOLOGIES, substitute=councillors["Pengelly"]),
        ],
        others=[
            Attendance(
                status=Attendance.Status.IN_ATTENDANCE,
                officer=officers["Jamie Sheldon"],
                capacity="Democratic Advisor",
            ),
            Attendance(status=Attendance.Status.IN_ATTENDANCE, councillor=councillors["Lowry"]),
            Attendance(status=Attendance.Status.IN_ATTENDANCE, officer=officers["Andrew Loton"]),
            Attendance(status=Attendance.Status.IN_ATTENDANCE, officer=officers["Paul Looby"]),
        ],
    )
    minutes.refresh_from_db()
    entries = services.entries_from_agenda(minutes=minutes, expected_version=minutes.version)
    appointment, declarations, previous, urgent, terms, outturn, work_programme = entries
    noted, resolved = Outcome.Kind.NOTED, Outcome.Kind.RESOLVED

    _minute(
        appointment,
        outcomes=[
            Outcome(
                kind=noted,
                text="The Committee noted the appointment of Councillor Kelly as Chair and "
                "Councillor Winter as Vice Chair for the forthcoming municipal year 2019/ 2020.",
            )
        ],
    )
    _minute(
        declarations,
        text="<p>There were no declarations of interest made by Members in accordance with the "
        "code of conduct.</p>",
    )
    _minute(
        previous,
        outcomes=[
            Outcome(
                kind=resolved,
                text="Members agreed the minutes of the meeting held on 20 March 2019 as an "
                "accurate record.",
            )
        ],
    )
    _minute(
        urgent,
        text="<p>Under this item the Chair discussed the approach to recommendations and how all "
        "recommendations would be taken after each item and be open and transparent. The Chair "
        "also discussed with members the possibility of changing the time of the Performance, "
        "Finance and Customer Focus Overview and Scrutiny Committee from 3pm to 2pm to be in "
        "line with other Scrutiny Committees.</p>",
        outcomes=[
            Outcome(
                kind=resolved,
                text="Members agreed the change of time from 3pm to 2pm for all future "
                "Performance, Finance and Customer Focus Overview and Scrutiny Committees.",
            )
        ],
    )
    _minute(
        terms,
        text="<p>Under this item the Chair highlighted to Members the creation of the new "
        "Overview and Scrutiny Management Committee and drew attention to the specific terms of "
        "reference for the Performance, Finance and Customer Focus Overview and Scrutiny "
        "Committee.</p>",
        outcomes=[Outcome(kind=noted, text="Members noted the terms of reference document.")],
    )
    _minute(
        outturn,
        text=OUTTURN,
        outcomes=[
            Outcome(kind=noted, text="The Committee noted the report."),
            Outcome(
                kind=Outcome.Kind.REQUESTED,
                text="The Committee requested Monthly Finance Monitoring reports to be "
                "circulated to members and a report to come to each Committee meeting.",
                # Presented by the cabinet member and the head of financial planning.
                recipient=Outcome.Recipient.OFFICER,
                officer=officers["Paul Looby"],
                councillor=councillors["Lowry"],
            ),
        ],
    )
    _minute(
        work_programme,
        outcomes=[
            Outcome(
                kind=Outcome.Kind.SCHEDULED,
                text="The Performance, Finance and Customer Focus Overview and Scrutiny "
                "Committee agreed to schedule the following items -",
                topics="\n".join(SCHEDULED_TOPICS),
            ),
            Outcome(kind=noted, text="The Committee noted Work Programme."),
        ],
    )
    minutes.refresh_from_db()
    return services.minutes_publish(
        minutes=minutes, expected_version=minutes.version, on=PUBLISHED_ON
    )


def _minute(entry: MinuteEntry, *, text: str = "", outcomes=()) -> None:
    entry.text = text
    services.entry_save(entry=entry, expected_version=entry.version, outcomes=outcomes)
