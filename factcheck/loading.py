"""Text folders, JSONL and CSV in; documents out, deduplicated by the SHA-256 of their text.

Records stream from disk one at a time and are written in batches, each batch
in its own transaction, so memory stays flat and an interrupted load leaves
only whole batches behind; a rerun skips what is already stored (same corpus,
same text hash) and completes the rest. A bad record is rejected with the
file and line it came from and never stops the good ones.
"""

from __future__ import annotations

import csv
import datetime as dt
from array import array
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from factcheck.models import Corpus, Document, text_sha256

FIELDS = ("text", "title", "outlet", "url", "published")
METADATA_FILE = "metadata.csv"


@dataclass(frozen=True)
class Record:
    source: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None


@dataclass(frozen=True)
class Rejected:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class LoadStats:
    loaded: int = 0
    duplicate: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    #: Ids of the documents created, 8 bytes each (a list of ints costs 36): a load of millions stays small.
    documents: array[int] = field(default_factory=lambda: array("q"))


class RecordError(ValueError):
    """A record that cannot become a document; the message says why."""


def parse_published(value: Any) -> dt.date | None:
    """Accept ISO dates (``2021-12-02``) and ISO date-times; anything else is an error."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise RecordError(f"'published' must be a date string like 2021-12-02, not {type(value).__name__}")
    s = value.strip()
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        raise RecordError(f"unknown date format {s!r} in 'published': use YYYY-MM-DD") from None


def check_text(text: Any, max_bytes: int | None = None) -> str:
    """The document-text rules shared by every way in (files, the API)."""
    if max_bytes is None:
        max_bytes = settings.FACTCHECK["MAX_DOCUMENT_BYTES"]
    if not isinstance(text, str):
        raise RecordError("'text' must be a string")
    if "\x00" in text:
        raise RecordError("text contains NUL bytes: binary data, not a document")
    if not text.strip():
        raise RecordError("text is empty")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise RecordError(f"text is {size:,} bytes, over the limit of {max_bytes:,} (FACTCHECK_MAX_DOCUMENT_BYTES)")
    return text


def make_record(source: str, row: dict[str, Any], max_bytes: int | None = None) -> Record:
    if "text" not in row or row["text"] is None:
        raise RecordError("no 'text' field")
    text = check_text(row["text"], max_bytes)
    strings = {}
    for key in ("title", "outlet", "url"):
        v = row.get(key) or ""
        if not isinstance(v, str):
            raise RecordError(f"'{key}' must be a string")
        strings[key] = v.strip()
    if len(strings["title"]) > 500:
        strings["title"] = strings["title"][:499] + "…"
    return Record(source=source, text=text, published=parse_published(row.get("published")), **strings)


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data:
        raise RecordError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError(f"invalid UTF-8 at byte {exc.start}") from None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _read_metadata(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return {row["file"]: row for row in csv.DictReader(fh) if row.get("file")}
    except (UnicodeDecodeError, csv.Error) as exc:
        raise RecordError(f"unreadable {METADATA_FILE}: {exc}") from None


def _iter_folder(folder: Path, max_bytes: int | None) -> Iterator[Record | Rejected]:
    try:
        metadata = _read_metadata(folder)
    except RecordError as exc:
        yield Rejected(str(folder / METADATA_FILE), f"{exc}; no file of this folder was loaded")
        return
    for path in sorted(folder.rglob("*.txt")):
        source = str(path)
        try:
            text = _decode(path.read_bytes(), source)
            meta = dict(metadata.get(path.name, {}))
            meta.pop("file", None)
            meta["text"] = text
            meta.setdefault("title", "")
            if not meta["title"]:
                meta["title"] = _first_line(text)
            yield make_record(source, meta, max_bytes)
        except RecordError as exc:
            yield Rejected(source, str(exc))


def _iter_jsonl(path: Path, max_bytes: int | None) -> Iterator[Record | Rejected]:
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            source = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                line = _decode(raw, source)
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise RecordError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
                if not isinstance(row, dict):
                    raise RecordError("a JSONL line must be an object with a 'text' field")
                yield make_record(source, row, max_bytes)
            except RecordError as exc:
                yield Rejected(source, str(exc))


class _BadLine(Exception):
    def __init__(self, lineno: int, exc: UnicodeDecodeError) -> None:
        self.lineno = lineno
        self.exc = exc


def _decoded_lines(raw: Iterable[bytes]) -> Iterator[str]:
    """Decode line by line, so a bad byte is reported against its own line and every row before it is read."""
    for lineno, line in enumerate(raw, 1):
        try:
            yield line.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise _BadLine(lineno, exc) from None


def _iter_csv(path: Path, max_bytes: int | None) -> Iterator[Record | Rejected]:
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    with open(path, "rb") as raw:
        try:
            reader = csv.DictReader(_decoded_lines(raw))
            header = reader.fieldnames or []
            if "text" not in header:
                yield Rejected(f"{path}:1", f"CSV header has no 'text' column (columns: {', '.join(header) or 'none'})")
                return
            for row in reader:
                source = f"{path}:{reader.line_num}"
                if None in row:
                    yield Rejected(source, "more fields than the header has columns")
                    continue
                try:
                    yield make_record(source, row, max_bytes)
                except RecordError as exc:
                    yield Rejected(source, str(exc))
        except _BadLine as bad:
            yield Rejected(
                f"{path}:{bad.lineno}",
                f"invalid UTF-8 at byte {bad.exc.start} of the line; the rows before it were loaded, "
                "the rest of the file was not",
            )
        except csv.Error as exc:
            yield Rejected(f"{path}", f"malformed CSV: {exc}")


def iter_records(path: str | Path, max_bytes: int | None = None) -> Iterator[Record | Rejected]:
    """Every record a path holds, in file order: a folder of .txt files, .jsonl, .csv or one .txt."""
    p = Path(path)
    if p.is_dir():
        yield from _iter_folder(p, max_bytes)
    elif not p.exists():
        yield Rejected(str(p), "no such file or folder")
    elif p.suffix.lower() in {".jsonl", ".ndjson"}:
        yield from _iter_jsonl(p, max_bytes)
    elif p.suffix.lower() == ".csv":
        yield from _iter_csv(p, max_bytes)
    elif p.suffix.lower() == ".txt":
        yield from _iter_folder_file(p, max_bytes)
    else:
        yield Rejected(str(p), "unknown format: give a folder of .txt files, a .jsonl or a .csv file")


def _iter_folder_file(path: Path, max_bytes: int | None) -> Iterator[Record | Rejected]:
    try:
        text = _decode(path.read_bytes(), str(path))
        yield make_record(str(path), {"text": text, "title": _first_line(text)}, max_bytes)
    except RecordError as exc:
        yield Rejected(str(path), str(exc))


class Loader:
    """Writes records into one corpus in batches; ``add`` and then ``finish``."""

    def __init__(
        self,
        corpus: Corpus,
        published: dt.date | None = None,
        outlet: str = "",
        batch_size: int | None = None,
        on_batch: Callable[[list[Document]], None] | None = None,
    ) -> None:
        self.corpus = corpus
        self.published = published
        self.outlet = outlet
        self.batch_size = batch_size or settings.FACTCHECK["LOAD_BATCH_SIZE"]
        self.on_batch = on_batch
        self.stats = LoadStats()
        self._batch: list[Record] = []

    def add(self, item: Record | Rejected) -> None:
        if isinstance(item, Rejected):
            self.stats.rejected.append(item)
            return
        self._batch.append(item)
        if len(self._batch) >= self.batch_size:
            self.flush()

    def flush(self) -> list[Document]:
        batch, self._batch = self._batch, []
        if not batch:
            return []
        docs: dict[str, Document] = {}
        for r in batch:
            sha = text_sha256(r.text)
            if sha in docs:
                self.stats.duplicate += 1
                continue
            docs[sha] = Document(
                corpus=self.corpus,
                title=r.title,
                outlet=r.outlet or self.outlet,
                url=r.url,
                published=r.published or self.published,
                text=r.text,
                sha256=sha,
                source=r.source[:1000],
            )
        with transaction.atomic():
            known = set(
                Document.objects.filter(corpus=self.corpus, sha256__in=list(docs)).values_list("sha256", flat=True)
            )
            self.stats.duplicate += len(known)
            new = [d for sha, d in docs.items() if sha not in known]
            created = Document.objects.bulk_create(new)
            if created and created[0].pk is None:  # backends that don't return keys
                by_sha = dict(
                    Document.objects.filter(corpus=self.corpus, sha256__in=[d.sha256 for d in new]).values_list(
                        "sha256", "pk"
                    )
                )
                for d in created:
                    d.pk = by_sha[d.sha256]
            self.stats.loaded += len(created)
            self.stats.documents.extend(d.pk for d in created)
            if self.on_batch:
                self.on_batch(created)
        return created

    def finish(self) -> LoadStats:
        self.flush()
        return self.stats


def load_paths(
    paths: Iterable[str | Path],
    corpus_name: str,
    published: dt.date | None = None,
    outlet: str = "",
    batch_size: int | None = None,
    progress: Callable[[Iterator[Record | Rejected]], Iterator[Record | Rejected]] | None = None,
) -> LoadStats:
    corpus, _ = Corpus.objects.get_or_create(name=corpus_name)
    loader = Loader(corpus, published=published, outlet=outlet, batch_size=batch_size)
    for path in paths:
        records = iter_records(path)
        for item in progress(records) if progress else records:
            loader.add(item)
    return loader.finish()
