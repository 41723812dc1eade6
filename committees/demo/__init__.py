"""The demo data set, built from the two seed documents (DESIGN.md §1), and its loader.

`load_demo()` is what `manage.py load_demo` runs. The committees' demo comes first, a module for
each thing it loads:

- `people`: the officers and councillors of the seeds, and the demo logins;
- `bodies`: Plymouth City Council, its venues and municipal years, the scrutiny committees with
  their responsibilities, corporate plan priorities, standing items and members;
- `pack_2019`: the Performance, Finance and Customer Focus committee's meetings of March and June
  2019 and the seed's July 2019 agenda pack;
- `board_2015`: the Co-operative Scrutiny Board's 2015 programme update;
- `around_today`: a few meetings around today's date, so that the portal has something upcoming.

Then the demo of every other installed app that has one, in the order of INSTALLED_APPS: its
`demo` module (found with `autodiscover_modules("demo")`) registers a loader, which is given a
`DemoContext` with what the committees' demo loaded:

    # finance/demo.py
    from committees import demo

    def load(ctx: demo.DemoContext) -> None:
        july = ctx.meetings_2019[datetime.date(2019, 7, 24)]
        ...

    demo.register("finance", load)
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from committees.demo import around_today, board_2015, bodies, pack_2019, people
from committees.demo.bodies import PFCF
from committees.demo.common import content
from committees.demo.people import DEMO_LOGINS, DEMO_PASSWORD
from committees.loaders import AppLoaders
from committees.models import (
    Committee,
    Council,
    Councillor,
    Meeting,
    MunicipalYear,
    Officer,
    Venue,
)
from committees.services.publication import agenda_publish

__all__ = [
    "DEMO_LOGINS",
    "DEMO_PASSWORD",
    "PFCF",
    "DemoContext",
    "content",
    "demo_logins_text",
    "load_demo",
    "register",
    "registered",
]


@dataclass(frozen=True)
class DemoContext:
    """What the committees' demo loaded, for the demos of the apps that plug into it.

    Everything is keyed as the seeds name it: committees by full name, officers by name,
    councillors as the papers style them ("Kelly"), venues by name, municipal years by the
    calendar year they start in.
    """

    today: dt.date
    committees: dict[str, Committee]
    officers: dict[str, Officer]
    councillors: dict[str, Councillor]
    venues: dict[str, Venue]
    municipal_years: dict[int, MunicipalYear]
    # The Performance, Finance and Customer Focus committee's: 20 March, 12 June, 24 July.
    meetings_2019: dict[dt.date, Meeting]
    board_meeting_2015: Meeting


DemoLoader = Callable[[DemoContext], None]

_loaders = AppLoaders("demo loader")
register = _loaders.register  # register(app_label, load): one demo per app
registered = _loaders.registered  # for the length of a `with` block (tests)


def load_demo(*, today: dt.date | None = None, publish: bool = True) -> bool:
    """Load the demo data set into an empty portal; return False if a council already exists.

    The committees' demo, then every app's, in one transaction: an app's demo that fails leaves
    the portal empty. `publish` publishes the published meetings through the publication
    service, which renders and stores their packs (a few seconds; most tests do without).
    """
    if Council.objects.exists():
        return False
    autodiscover_modules("demo")
    with transaction.atomic():
        context = _load(today or timezone.localdate())
        for load in _loaders.in_app_order():
            load(context)
        if publish:
            _publish()
    return True


def demo_logins_text() -> str:
    lines = [f"Demo logins (password {DEMO_PASSWORD}):"]
    for login in DEMO_LOGINS:
        lines.append(f"  {login.username:<11} {login.person} – {login.group}")
    return "\n".join(lines)


def _load(today: dt.date) -> DemoContext:
    """The committees' demo."""
    bodies.council()
    officers = people.officers()
    councillors = people.councillors()
    venues = bodies.venues()
    years = bodies.municipal_years(today)
    committees = bodies.committees(venues, officers)
    bodies.memberships(committees, councillors, years, today)
    meetings_2019 = pack_2019.meetings(committees, venues, officers, councillors)
    board_meeting_2015 = board_2015.meeting(committees, venues)
    around_today.meetings(today, committees, venues)
    people.users(officers, councillors)
    return DemoContext(
        today=today,
        committees=committees,
        officers=officers,
        councillors=councillors,
        venues=venues,
        municipal_years=years,
        meetings_2019=meetings_2019,
        board_meeting_2015=board_meeting_2015,
    )


def _publish() -> None:
    """Publish every agenda the demo says was published, as an officer would, on the day each
    was published, so that the public is served their stored versions."""
    officer = get_user_model().objects.get(username="officer")
    for meeting in Meeting.objects.filter(published_on__isnull=False).order_by("starts_at"):
        agenda_publish(meeting=meeting, by=officer, on=meeting.published_on)
