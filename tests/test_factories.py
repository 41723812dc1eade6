"""tests/factories.py: every factory makes a row that obeys the model's rules."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        getattr(factories, name)
        for name in sorted(dir(factories))
        if name.endswith("Factory") and name != "DjangoModelFactory"
    ],
)
def test_factories_make_rows_that_obey_the_model_rules(factory):
    row = factory()

    row.full_clean()
