"""Fixtures of the work programme's tests: the demo loaded once a module, as the committees'
tests load it, and the synthetic council (tests/committees/conftest.py, whose fixtures these
are)."""

from tests.committees.conftest import (  # noqa: F401
    council,
    council_media,
    demo,
    module_demo,
    module_published_seed,
    officer,
    published_seed,
    upcoming,
)
