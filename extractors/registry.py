"""Find, load and validate extractor plugins from the ``factcheck.extractors`` group.

Built-in extractors register through the same entry points as third-party
ones, so there is exactly one way in. Discovery does not import anything;
loading imports each plugin on its own, so one broken plugin is reported by
name and the others still load.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from extractors.base import ExtractorProtocol
from extractors.errors import ExtractorLoadError, UnknownExtractor

GROUP = "factcheck.extractors"


def discover(group: str = GROUP) -> list[EntryPoint]:
    """Discovers all plugins (but does not load them)."""
    # for determinism, sort the list; a name registered twice keeps its first distribution
    seen: dict[str, EntryPoint] = {}
    for ep in sorted(entry_points(group=group), key=lambda ep: (ep.name, ep.value)):
        seen.setdefault(ep.name, ep)
    return list(seen.values())


def validate(name: str, obj: object) -> ExtractorProtocol:
    """Instantiate a loaded entry point if it is a class and check the contract."""
    plugin: Any = obj() if isinstance(obj, type) else obj
    missing = [a for a in ("name", "version", "kinds", "extract") if not hasattr(plugin, a)]
    if missing:
        raise ExtractorLoadError(name, f"missing {', '.join(missing)}")
    if not callable(plugin.extract):
        raise ExtractorLoadError(name, "'extract' is not callable")
    if plugin.name != name:
        raise ExtractorLoadError(name, f"declares name {plugin.name!r} but is registered as {name!r}")
    if not isinstance(plugin.version, str) or not plugin.version:
        raise ExtractorLoadError(name, "'version' must be a non-empty string")
    kinds = plugin.kinds
    if isinstance(kinds, str) or not kinds or not all(isinstance(k, str) and k for k in kinds):
        raise ExtractorLoadError(name, "'kinds' must be a non-empty tuple of strings")
    return plugin  # type: ignore[no-any-return]


@dataclass
class Registry:
    """The loaded extractors, in name order, and the plugins that failed to load."""

    extractors: dict[str, ExtractorProtocol] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_extractors(cls, extractors: Iterable[ExtractorProtocol]) -> Registry:
        """Build a registry from explicit objects: what tests use, so installed plugins cannot leak in."""
        registry = cls()
        for ex in sorted(extractors, key=lambda e: e.name):
            registry.extractors[ex.name] = validate(ex.name, ex)
        return registry

    @classmethod
    def load(
        cls,
        enabled: Iterable[str] | None = None,
        disabled: Iterable[str] = (),
        group: str = GROUP,
    ) -> Registry:
        """Load every entry point of ``group``, or only ``enabled``, minus ``disabled``.

        An enabled name that no entry point provides raises
        :class:`UnknownExtractor`; a plugin that fails to import or validate is
        recorded in ``errors`` and skipped.
        """
        available = discover(group)
        names = [ep.name for ep in available]
        wanted = set(names) if enabled is None else set(enabled)
        for name in sorted(wanted - set(names)):
            raise UnknownExtractor(name, names)
        wanted -= set(disabled)
        registry = cls()
        for ep in available:
            if ep.name not in wanted:
                continue
            try:
                registry.extractors[ep.name] = validate(ep.name, ep.load())
            except ExtractorLoadError as exc:
                registry.errors[ep.name] = exc.reason
            except Exception as exc:  # a plugin's import error must not stop the others
                registry.errors[ep.name] = f"{type(exc).__name__}: {exc}"
        return registry

    def get(self, name: str) -> ExtractorProtocol:
        try:
            return self.extractors[name]
        except KeyError:
            raise UnknownExtractor(name, list(self.extractors)) from None

    def select(self, names: Iterable[str] | None) -> Registry:
        """A registry restricted to ``names`` (all when None), each of which must exist."""
        if names is None:
            return self
        return Registry({n: self.get(n) for n in sorted(set(names))}, dict(self.errors))

    def __iter__(self) -> Iterator[ExtractorProtocol]:
        return iter(self.extractors.values())

    def __len__(self) -> int:
        return len(self.extractors)

    def kinds(self) -> set[str]:
        return {k for ex in self for k in ex.kinds}
