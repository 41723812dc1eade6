"""Fixtures of the finance tests: the committees' module-scoped demo (loaded once per module,
rolled back after it), which loads the finance demo with it, and the synthetic council."""

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
