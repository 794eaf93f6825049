"""The contract between the framework and every extractor plugin.

A plugin is any object with ``name``, ``version``, ``kinds`` and
``extract(text, context)``; subclassing :class:`Extractor` is a convenience,
not a requirement, so third parties need not import anything of ours to
honour it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from extractors.errors import BadExtraction


@dataclass(frozen=True)
class Context:
    """What an extractor may know about a document besides its text.

    ``published`` anchors relative dates (``yesterday``, ``on Thursday``);
    without it relative dates are still facts, with a null value.
    """

    published: dt.date | None = None
    lang: str = "en"


@dataclass(frozen=True)
class Extraction:
    """One fact as an extractor reports it, before it meets the database.

    ``start``/``end`` are Python ``str`` offsets (end exclusive) into the text
    the extractor was given, and ``text`` must equal ``document[start:end]``.
    ``rule`` names the pattern that fired, so a reviewer can ask why.
    """

    kind: str
    start: int
    end: int
    text: str
    value: Mapping[str, Any] | None
    rule: str = ""

    def check(self, document: str) -> None:
        """Raise :class:`BadExtraction` unless the span is honest."""
        if not (0 <= self.start < self.end <= len(document)):
            raise BadExtraction(
                f"span {self.start}:{self.end} of {self.kind!r} lies outside a text of {len(document)} characters"
            )
        if document[self.start : self.end] != self.text:
            raise BadExtraction(
                f"text {self.text!r} does not match the document at {self.start}:{self.end} "
                f"({document[self.start:self.end]!r})"
            )

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": dict(self.value) if self.value is not None else None,
            "rule": self.rule,
        }


@runtime_checkable
class ExtractorProtocol(Protocol):
    name: str
    version: str
    kinds: tuple[str, ...]

    def extract(self, text: str, context: Context) -> Iterator[Extraction]: ...


class Extractor:
    """Convenience base class for plugins.

    Subclasses set the three class attributes and implement :meth:`extract`.
    Bump ``version`` whenever the same text yields different output: stored
    facts are reproducible from (document, extractor, version).
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = "0"
    kinds: ClassVar[tuple[str, ...]] = ()

    def extract(self, text: str, context: Context) -> Iterator[Extraction]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.version}>"


@dataclass
class DocumentResult:
    """What running every extractor over one document produced.

    ``errors`` maps an extractor name to the reason it produced nothing for
    this document (a regex timeout, a crash, a broken span); the other
    extractors' facts are still kept.
    """

    extractions: list[tuple[ExtractorProtocol, Extraction]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
