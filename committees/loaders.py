"""Data sets the apps add to: each installed app may register one loader for the demo
(`committees.demo`) and one for the synthetic council (`committees.synthetic`), found in its
`demo.py` or `synthetic.py` and called in the order of INSTALLED_APPS."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured


class AppLoaders:
    """One loader per app for a data set; registering a second for one app is an error."""

    def __init__(self, what: str):
        self.what = what  # "demo loader": what the error message calls a loader
        self._loaders: dict[str, Callable] = {}

    def register(self, app_label: str, load: Callable) -> Callable:
        """Add `load` as the app `app_label`'s loader."""
        if (before := self._loaders.get(app_label)) is not None:
            raise ImproperlyConfigured(
                f"The app “{app_label}” already has a {self.what} ({before.__module__}."
                f"{before.__qualname__})."
            )
        self._loaders[app_label] = load
        return load

    @contextmanager
    def registered(self, app_label: str, load: Callable) -> Iterator[Callable]:
        """Register `load` for the duration of a `with` block (tests)."""
        self.register(app_label, load)
        try:
            yield load
        finally:
            del self._loaders[app_label]

    def in_app_order(self) -> list[Callable]:
        installed = [config.label for config in apps.get_app_configs()]
        # An app that is not installed has its loader registered only by a test: it goes last.
        return [
            self._loaders[label]
            for label in sorted(
                self._loaders,
                key=lambda label: installed.index(label) if label in installed else len(installed),
            )
        ]
