"""The synthetic council, its rooms and priorities, its officers and councillors."""

import random

from django.utils.text import slugify

from committees.models import CorporatePlanPriority, Council, Councillor, Officer, Venue

FORENAMES = [
    "Alex", "Amira", "Ben", "Carys", "Daniel", "Eleanor", "Farid", "Grace", "Harvey", "Imogen",
    "Jack", "Kiran", "Laura", "Mohammed", "Niamh", "Oliver", "Priya", "Rhys", "Sophie", "Tom",
    "Una", "Vikram", "Wendy", "Yusuf", "Zoe",
]  # fmt: skip
SURNAMES = [
    "Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal",
    "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Owen", "Patel", "Quinn", "Roberts", "Smith",
    "Taylor", "Upton", "Vaughan", "Walker", "Young", "Zielinski",
]  # fmt: skip
PARTIES = ["Labour", "Conservative", "Liberal Democrat", "Green", "Independent"]
JOB_TITLES = [
    "Democratic Support Officer",
    "Head of Financial Planning and Reporting",
    "Strategic Director for Place",
    "Service Director for Customer Services",
    "Head of Housing",
    "Policy and Intelligence Advisor",
    "Scrutiny Officer",
    "Head of Procurement",
]
PRIORITIES = [
    "Spending money wisely",
    "A green, sustainable city",
    "Keeping children and adults protected",
    "Homes for everyone",
    "A vibrant economy",
    "Healthier communities",
]
OFFICERS = 60
COUNCILLORS = 57


def council() -> Council:
    return Council.objects.create(
        name="Exampleshire County Council",
        department="Democratic Services",
        address="County Hall\nMarket Street\nExampleton\nEX1 1AA",
        web_address="https://www.exampleshire.gov.uk",
        chief_executive="Jordan Ellis",
        democratic_services_email="democratic.services@exampleshire.gov.uk",
        democratic_services_phone="01632 960000",
    )


def venues() -> list[Venue]:
    return Venue.objects.bulk_create(
        Venue(name=f"{room}, County Hall", address="Market Street, Exampleton EX1 1AA")
        for room in ("Council Chamber", "Committee Room 1", "Committee Room 2", "Warspite Room")
    )


def priorities() -> list[CorporatePlanPriority]:
    return CorporatePlanPriority.objects.bulk_create(
        CorporatePlanPriority(title=title, position=position)
        for position, title in enumerate(PRIORITIES, start=1)
    )


def names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """`count` distinct (forename, surname) pairs."""
    pairs = [(forename, surname) for surname in SURNAMES for forename in FORENAMES]
    return rng.sample(pairs, count)


def officers(rng: random.Random) -> list[Officer]:
    return Officer.objects.bulk_create(
        Officer(
            name=f"{forename} {surname}",
            job_title=JOB_TITLES[number % len(JOB_TITLES)],
            email=f"{forename}.{surname}{number}@exampleshire.gov.uk".lower(),
            phone=f"01632 96{number:04d}",
        )
        for number, (forename, surname) in enumerate(names(rng, OFFICERS))
    )


def councillors(rng: random.Random) -> list[Councillor]:
    people = []
    for number, (forename, surname) in enumerate(names(rng, COUNCILLORS)):
        full_name = f"{forename} {surname}"
        people.append(
            Councillor(
                name=full_name,
                full_name=full_name,
                slug=slugify(f"{full_name}-{number}"),
                sort_name=surname.lower(),
                party=rng.choice(PARTIES),
                ward=f"{surname} Ward",
            )
        )
    return Councillor.objects.bulk_create(people)
