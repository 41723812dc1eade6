"""Generated documents: the app that owns the data renders them; the pack only asks here.

The plug-in contract (STYLE.md, "Extension points"). An app registers each kind of generated
document it provides in its `AppConfig.ready()`, under a key namespaced by the app
(`finance.revenue_monitor`); a Document of kind "generated" names that key. Registering a key
twice is an error, and so is an unknown key, with a message naming the document; every callback
gets a `GeneratorContext`, so that the context can grow without changing the apps.

`committees` never imports the apps that plug in: the import contract in pyproject.toml,
checked by `make lint`, fails the build if it does.
"""

import datetime
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from django import forms

    from committees.models import Document, Meeting

# "<app label>.<name>": the app label says who to ask when the key is unknown.
KEY = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class GeneratorContext:
    """What a generator is told about the document it renders.

    `restricted` is True for the pack with exempt (Part II) information: a generator leaves
    exempt rows out of the public render itself. `record_id` is the record the officer chose
    for the document (which monitor, which programme), where the generator asks for one.
    """

    document: "Document"
    meeting: "Meeting"
    restricted: bool
    published_on: datetime.date | None
    record_id: int | None

    @classmethod
    def of(cls, document, *, meeting, restricted):
        return cls(
            document=document,
            meeting=meeting,
            restricted=restricted,
            published_on=meeting.published_on,
            record_id=document.generator_record,
        )


@dataclass(frozen=True)
class GeneratedDocument:
    """One kind of generated document, as an app registers it.

    - `context(ctx)` returns the context of `template`, rendered in the pack where the document
      stands (in the HTML pack, the PDF and the officer's preview alike).
    - `problems(ctx)`, if given, returns sentences that stop the agenda being published (a
      monitor that does not reconcile); the publish page shows them. It is asked with the
      restricted context, as publication renders both packs.
    - `print_css` is added to the PDF's print stylesheet when a pack shows this kind.
    - `record_field()`, if given, returns the form field on which an officer chooses the record
      the document renders (a ModelChoiceField, say); the chosen record's id is stored on the
      document and passed as `ctx.record_id`.
    """

    key: str
    label: str
    template: str
    context: Callable[[GeneratorContext], dict[str, Any]]
    problems: Callable[[GeneratorContext], list[str]] | None = None
    print_css: str = ""
    record_field: Callable[[], "forms.Field"] | None = None

    def __post_init__(self):
        if not KEY.fullmatch(self.key):
            raise ImproperlyConfigured(
                f"A generated document's key is “app_label.name”, in lower case: "
                f"“{self.key}” is not."
            )


class UnknownGenerator(LookupError):
    """No installed app provides a generated document of this key."""


_generators: dict[str, GeneratedDocument] = {}


def register(generator: GeneratedDocument) -> GeneratedDocument:
    """Add `generator`; another registration under the same key is an error."""
    # Django may run an AppConfig.ready() twice (tests that change INSTALLED_APPS): the same
    # registration again changes nothing.
    if _generators.get(generator.key) is not generator:
        _add(generator)
    return generator


def _add(generator):
    if (before := _generators.get(generator.key)) is not None:
        raise ImproperlyConfigured(
            f"A generated document is already registered as “{generator.key}” (“{before.label}”)."
        )
    _generators[generator.key] = generator


def get(key: str) -> GeneratedDocument:
    try:
        return _generators[key]
    except KeyError:
        raise UnknownGenerator(f"No installed app provides a generated document “{key}”.") from None


def for_document(document: "Document") -> GeneratedDocument:
    """The generator of `document`; UnknownGenerator, naming the document, if there is none."""
    try:
        return get(document.generator)
    except UnknownGenerator:
        raise UnknownGenerator(
            f"“{document.title}” cannot be generated: no installed app provides "
            f"“{document.generator}”. Remove it from its item, or ask the portal's "
            "administrators to install the app that provides it."
        ) from None


def choices() -> list[tuple[str, str]]:
    """(key, label) of every registered kind, by label: for choice fields."""
    return sorted(((g.key, g.label) for g in _generators.values()), key=lambda pair: pair[1])


@contextmanager
def registered(generator: GeneratedDocument) -> Iterator[GeneratedDocument]:
    """Register `generator` for the duration of a `with` block (tests)."""
    _add(generator)
    try:
        yield generator
    finally:
        del _generators[generator.key]
