"""The people of the demo: the seeds' officers and councillors, and the demo logins."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from committees import roles
from committees.demo.common import saved
from committees.models import Councillor, Officer

DEMO_PASSWORD = "demo-password-2019"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    person: str
    group: str


DEMO_LOGINS = (
    DemoLogin("officer", "Jamie Sheldon", roles.OFFICERS),
    DemoLogin("author", "Paul Looby", roles.AUTHORS),
    DemoLogin("councillor", "Councillor Kelly", roles.COUNCILLORS),
)


OFFICERS = [
    # name, job title, email, phone
    ("Jamie Sheldon", "Democratic Support Officer", "", "01752 305155"),
    ("Paul Looby", "Head of Financial Planning and Reporting", "paul.looby@plymouth.gov.uk", ""),
    ("Hannah West", "Finance Business Partner", "hannah.west@plymouth.gov.uk", ""),
    ("Andrew Hardingham", "Service Director for Finance", "", ""),
    ("Andy Ralphs", "Strategic Director of Customer and Corporate Services", "", ""),
    (
        "Pete Honeywell",
        "Transformation Architecture Manager",
        "peter.honeywell@plymouth.gov.uk",
        "",
    ),
    ("Andrew Loton", "Senior Performance Advisor", "", ""),
    ("Matt Garrett", "Service Director for Community Connections", "", ""),
]


def officers() -> dict[str, Officer]:
    return {
        name: saved(Officer(name=name, job_title=title, email=email, phone=phone))
        for name, title, email, phone in OFFICERS
    }


# As the papers style them. Parties and wards are not in the seeds, so they stay blank.
COUNCILLORS_STYLED = [
    # name, full name, portfolio
    ("Kelly", "", ""),
    ("Winter", "", ""),
    ("Derrick", "", ""),
    ("Hendy", "", ""),
    ("Mrs Johnson", "", ""),
    ("Singh", "", ""),
    ("Vincent", "", ""),
    ("Ms Watkin", "", ""),
    ("Wigens", "", ""),
    ("Drean", "", ""),
    ("Murphy", "", ""),
    ("Pengelly", "", ""),
    ("Lowry", "Mark Lowry", "Cabinet Member for Finance"),
    ("Taylor", "Jon Taylor", "Cabinet Member for Education, Skills and Transformation"),
    ("Haydon", "", ""),
    ("Penberthy", "", ""),
]


def councillors() -> dict[str, Councillor]:
    return {
        name: saved(
            Councillor(
                name=name,
                full_name=full_name,
                portfolio=portfolio,
                # Set here, not left to save(): full_clean() refuses a blank slug.
                slug=slugify(full_name or name),
            )
        )
        for name, full_name, portfolio in COUNCILLORS_STYLED
    }


def users(officers, councillors) -> None:
    User = get_user_model()
    # Migration 0005 creates the groups; a database flushed since (`manage.py flush`, the
    # live-server tests) has lost them.
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (roles.OFFICERS, roles.AUTHORS, roles.COUNCILLORS)
    }
    people = [
        # username, the person it belongs to, group, staff (the admin works for officers)
        ("officer", officers["Jamie Sheldon"], roles.OFFICERS, True),
        ("author", officers["Paul Looby"], roles.AUTHORS, False),
        ("councillor", councillors["Kelly"], roles.COUNCILLORS, False),
    ]
    for username, person, group, is_staff in people:
        if isinstance(person, Officer):
            first_name, _, last_name = person.name.partition(" ")
        else:
            first_name, last_name = "", person.full_name or person.name
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
            is_staff=is_staff,
        )
        user.groups.add(groups[group])
        person.user = user
        person.save(update_fields=["user"])
