"""Generated documents: the app that owns the data renders them; the pack only asks here.

Each app registers its generators in its `AppConfig.ready()`, so `committees` never imports
`finance` or `workprogramme` (DESIGN.md §3, step 2).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Generator:
    """How to render one kind of generated document."""

    key: str
    label: str
    template: str
    context: Callable  # (document) -> dict for the template


_generators: dict[str, Generator] = {}


def register(generator: Generator) -> None:
    _generators[generator.key] = generator


def get(key: str) -> Generator | None:
    return _generators.get(key)
