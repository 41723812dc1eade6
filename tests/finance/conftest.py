"""Fixtures of the finance tests: the committees' module-scoped demo (loaded once per module,
rolled back after it), which loads the finance demo with it, and the synthetic council."""

from decimal import Decimal

import pytest

from finance.models import FinancialYear, Line, Monitor
from tests.committees.conftest import (  # noqa: F401  (fixtures)
    council,
    council_media,
    demo,
    module_demo,
    module_published_seed,
    officer,
    officer_client,
    officer_user,
    published_seed,
)


@pytest.fixture
def monitor_2031(db):
    """A monitor of 2031/32, Month 4, with one line (9.999 spent), that no agenda presents."""
    year = FinancialYear.objects.create(start_year=2031)
    finance = year.directorates.create(name="Finance", position=1)
    monitor = Monitor.objects.create(year=year, period=4)
    Line.objects.create(
        monitor=monitor,
        directorate=finance,
        gross_expenditure=Decimal("9.999"),
        gross_income=Decimal("-1.000"),
        forecast_outturn=Decimal("8.999"),
    )
    return monitor
