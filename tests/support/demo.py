"""What tests read in the demo data set (committees/demo/)."""

import datetime as dt

from committees.demo import PFCF
from committees.models import Meeting

# The seed's committee, as its pages' addresses name it.
PFCF_SLUG = "performance-finance-and-customer-focus-overview-and-scrutiny-committee"

# The seed's agenda of 24 July 2019, in its order.
SEED_AGENDA = [
    "Apologies",
    "Declarations of Interest",
    "Minutes",
    "Chair's Urgent Business",
    "Mapping of Corporate Plan to Scrutiny Committees",
    "Revenue Monitor 2019/20 - Month 2",
    "Update on the Corporate Procurement Services",
    "Customer Experience Programme Update",
    "Performance discussion",
    "Work Programme",
    "Tracking Decisions",
]


def seed_meeting():
    """The Performance, Finance and Customer Focus committee's meeting of 24 July 2019."""
    return Meeting.objects.get(committee__name=PFCF, starts_at__date=dt.date(2019, 7, 24))
