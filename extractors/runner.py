"""Run extractors over one text, so a broken or slow extractor costs only its own facts.

Each extractor's output for a document is all-or-nothing: if it times out,
raises, or returns a span that does not match the text, none of its facts for
that document are kept and the reason is reported. The other extractors'
facts stand.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractors.base import Context, DocumentResult, Extraction, ExtractorProtocol
from extractors.errors import BadExtraction


def run_one(extractor: ExtractorProtocol, text: str, context: Context) -> list[Extraction]:
    """Run one extractor and check every span; raises on timeout or a bad extraction."""
    out = []
    for ex in extractor.extract(text, context):
        if not isinstance(ex, Extraction):
            raise BadExtraction(f"{extractor.name} yielded {type(ex).__name__}, not Extraction")
        if ex.kind not in extractor.kinds:
            raise BadExtraction(f"{extractor.name} yielded kind {ex.kind!r} it does not declare")
        ex.check(text)
        out.append(ex)
    out.sort(key=lambda e: (e.start, e.end, e.kind))
    return out


def run(text: str, context: Context, extractors: Iterable[ExtractorProtocol]) -> DocumentResult:
    result = DocumentResult()
    for extractor in extractors:
        try:
            facts = run_one(extractor, text, context)
        except TimeoutError:
            result.errors[extractor.name] = "regular expression timed out (pathological text?)"
            continue
        except BadExtraction as exc:
            result.errors[extractor.name] = f"bad extraction: {exc}"
            continue
        except Exception as exc:  # a plugin bug must not stop the run
            result.errors[extractor.name] = f"{type(exc).__name__}: {exc}"
            continue
        result.extractions.extend((extractor, f) for f in facts)
    return result
