"""Fixtures of the work programme's tests: the demo loaded once a module, as the committees'
tests load it (tests/committees/conftest.py, whose fixtures these are)."""

from tests.committees.conftest import (  # noqa: F401
    demo,
    module_demo,
    module_published_seed,
    officer,
    published_seed,
    upcoming,
)
