"""load_corpus: every input shape, dedup, and rejects that name the file and line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from factcheck.models import Corpus, Document
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def load(*args, **kwargs):
    return call_command("load_corpus", *map(str, args), "--no-progress", **kwargs)


def test_seed_folder_loads_with_titles_and_publication_dates(capsys):
    load(SEEDS, "--corpus", "seeds")
    docs = Document.objects.order_by("source")
    assert docs.count() == 5
    assert [d.published for d in docs] == [dt.date(2021, 12, 2)] * 4 + [dt.date(2021, 12, 30)]
    assert docs[2].title == "US, Russia seek to avoid nightmare confrontation over Ukraine"
    assert docs[0].text == (SEEDS / "000_34d693b449392de2.txt").read_text(encoding="utf-8")
    assert "5 loaded, 0 duplicate, 0 rejected" in capsys.readouterr().out


def test_loading_the_seeds_twice_loads_nothing_the_second_time(capsys):
    load(SEEDS, "--corpus", "seeds")
    capsys.readouterr()
    load(SEEDS, "--corpus", "seeds")
    assert "0 loaded, 5 duplicate, 0 rejected" in capsys.readouterr().out
    assert Document.objects.count() == 5


def test_the_same_text_may_live_in_two_corpora():
    load(SEEDS, "--corpus", "a")
    load(SEEDS, "--corpus", "b")
    assert Document.objects.count() == 10
    assert Corpus.objects.count() == 2


def test_jsonl_with_all_fields_and_defaults_from_options(tmp_path):
    path = tmp_path / "wire.jsonl"
    rows = [
        {"text": "Two soldiers were killed on Monday.", "title": "A", "url": "https://example.org/a",
         "outlet": "AP", "published": "2022-03-01"},
        {"text": "Another story."},
        {"text": "Another story."},  # duplicate within the file
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    load(path, "--corpus", "wire", "--published", "2022-01-01", "--outlet", "Reuters")
    a, b = Document.objects.order_by("pk")
    assert (a.outlet, a.published, a.url, a.source) == ("AP", dt.date(2022, 3, 1), "https://example.org/a", f"{path}:1")
    assert (b.outlet, b.published, b.title) == ("Reuters", dt.date(2022, 1, 1), "")


def test_csv_with_quoted_multiline_text(tmp_path):
    path = tmp_path / "wire.csv"
    path.write_text('title,text,published\nA,"Line one.\nLine two.",2020-05-05\nB,Second,\n', encoding="utf-8")
    load(path, "--corpus", "csv")
    assert list(Document.objects.order_by("pk").values_list("title", "text")) == [
        ("A", "Line one.\nLine two."), ("B", "Second")
    ]


def test_bad_records_are_rejected_with_file_and_line_and_good_ones_load(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "good one"}\n'
        b"not json\n"
        b'{"title": "no text"}\n'
        b'{"text": "bad date", "published": "02/12/2021"}\n'
        b'{"text": "\xff\xfe broken utf-8"}\n'
        b'{"text": "   "}\n'
        b'{"text": "good two"}\n'
    )
    with pytest.raises(CommandError, match="5 record"):
        load(path, "--corpus", "mixed")
    err = capsys.readouterr().err
    assert f"{path}:2: not valid JSON" in err
    assert f"{path}:3: no 'text' field" in err
    assert f"{path}:4: unknown date format '02/12/2021'" in err
    assert f"{path}:5: invalid UTF-8" in err
    assert f"{path}:6: text is empty" in err
    assert sorted(Document.objects.values_list("text", flat=True)) == ["good one", "good two"]


def test_csv_without_a_text_column_is_rejected_naming_the_columns(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("title,body\nA,B\n")
    with pytest.raises(CommandError):
        load(path, "--corpus", "x")
    assert "no 'text' column (columns: title, body)" in capsys.readouterr().err
    assert Document.objects.count() == 0


def test_binary_and_oversized_files_are_rejected(tmp_path, capsys, settings):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "b.txt").write_text("x" * 200)
    (folder / "c.txt").write_text("fine")
    settings.FACTCHECK = {**settings.FACTCHECK, "MAX_DOCUMENT_BYTES": 100}
    with pytest.raises(CommandError):
        load(folder, "--corpus", "x")
    err = capsys.readouterr().err
    assert "a.txt: binary file" in err and "b.txt: text is 200 bytes, over the limit of 100" in err
    assert list(Document.objects.values_list("text", flat=True)) == ["fine"]


def test_unknown_path_and_format_are_rejected(tmp_path, capsys):
    (tmp_path / "data.xml").write_text("<x/>")
    with pytest.raises(CommandError):
        load(tmp_path / "missing", tmp_path / "data.xml", "--corpus", "x")
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "unknown format" in err


def test_a_bad_published_option_is_a_command_error():
    with pytest.raises(CommandError, match="--published: unknown date format"):
        load(SEEDS, "--corpus", "x", "--published", "yesterday")


def test_small_batches_give_the_same_result(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"text": f"story {i % 7}"}) + "\n" for i in range(20)))
    load(path, "--corpus", "x", "--batch-size", "3")
    assert Document.objects.count() == 7


def test_invalid_utf8_in_a_csv_is_named_by_line_and_every_row_before_it_loads(tmp_path, capsys):
    path = tmp_path / "wire.csv"
    rows = "".join(f"row {i},story {i}\n" for i in range(2000))
    path.write_bytes(b"title,text\n" + rows.encode() + b"bad,\xff\xfe\n" + b"after,never read\n")
    with pytest.raises(CommandError):
        load(path, "--corpus", "x")
    assert f"{path}:2002: invalid UTF-8" in capsys.readouterr().err
    assert Document.objects.count() == 2000
    assert not Document.objects.filter(text="never read").exists()


def test_a_csv_row_with_more_fields_than_the_header_is_rejected(tmp_path, capsys):
    path = tmp_path / "wire.csv"
    path.write_text("title,text\nA,fine\nB,too,many\n")
    with pytest.raises(CommandError):
        load(path, "--corpus", "x")
    assert f"{path}:3: more fields than the header has columns" in capsys.readouterr().err
    assert list(Document.objects.values_list("text", flat=True)) == ["fine"]


def test_an_unreadable_metadata_file_rejects_the_folder_without_a_traceback(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("A story.")
    (tmp_path / "metadata.csv").write_bytes(b"file,title\na.txt,\xff\n")
    with pytest.raises(CommandError):
        load(tmp_path, "--corpus", "x")
    assert "metadata.csv: unreadable metadata.csv" in capsys.readouterr().err
    assert Document.objects.count() == 0
