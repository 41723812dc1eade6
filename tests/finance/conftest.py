"""Fixtures of the finance tests: the committees' module-scoped demo (loaded once per module,
rolled back after it), which loads the finance demo with it."""

from tests.committees.conftest import (  # noqa: F401  (fixtures)
    demo,
    module_demo,
    module_published_seed,
    officer,
    officer_client,
    officer_user,
    published_seed,
)
