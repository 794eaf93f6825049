"""The other management commands end to end: extract, extract_text, evaluate, export, plugins in the database."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from factcheck.models import Document, Fact
from factcheck.registry import configured_registry
from tests.conftest import SEEDS
from tests.plugins import SHOUTING, install_plugin


@pytest.fixture
def shouting(tmp_path, monkeypatch, settings):
    """Only the throwaway third-party plugin is enabled, found through its entry point."""
    install_plugin(tmp_path / "site", monkeypatch, {"shouting": "shout_plugin:ShoutingExtractor"},
                   {"shout_plugin": SHOUTING.format(version="0.1")})
    settings.FACTCHECK = {**settings.FACTCHECK, "EXTRACTORS_ENABLED": ["shouting"]}
    configured_registry.cache_clear()
    yield
    configured_registry.cache_clear()


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_a_third_party_plugins_facts_reach_the_database(shouting, tmp_path):
    path = tmp_path / "doc.jsonl"
    path.write_text(json.dumps({"text": "The EMBARGO holds, said the MINISTRY."}) + "\n")
    run("load_corpus", path, "--corpus", "c", "--no-progress")
    out, _ = run("extract")
    assert "2 facts created" in out
    assert list(Fact.objects.values_list("kind", "text", "extractor", "extractor_version", "value")) == [
        ("shout", "EMBARGO", "shouting", "0.1", {"word": "embargo"}),
        ("shout", "MINISTRY", "shouting", "0.1", {"word": "ministry"}),
    ]
    out, _ = run("extract")
    assert "0 facts created, 2 unchanged" in out


@pytest.mark.django_db
def test_extract_rejects_unknown_corpus_and_extractor(shouting):
    with pytest.raises(CommandError, match="No corpus named 'nope'"):
        run("extract", "--corpus", "nope")
    with pytest.raises(CommandError, match="Available names: shouting"):
        run("extract", "--extractor", "nope")


def test_list_extractors_names_the_plugin_and_its_kinds(shouting):
    out, _ = run("list_extractors")
    assert "shouting" in out and "shout" in out and "Finds words in capitals" in out


def test_extract_text_prints_one_json_fact_per_line(shouting, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("An EMBARGO and a BLOCKADE.")
    out, _ = run("extract_text", path)
    facts = [json.loads(line) for line in out.splitlines()]
    assert facts == [
        {"kind": "shout", "start": 3, "end": 10, "text": "EMBARGO", "value": {"word": "embargo"},
         "extractor": "shouting", "version": "0.1"},
        {"kind": "shout", "start": 17, "end": 25, "text": "BLOCKADE", "value": {"word": "blockade"},
         "extractor": "shouting", "version": "0.1"},
    ]


def test_extract_text_jsonl_carries_ids_and_names_a_bad_line(shouting, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "x1", "text": "no shouting"}\n{"id": 3}\n{"id": "x2", "text": "ALERT ALERT"}\n')
    with pytest.raises(CommandError, match=r"1 line\(s\) rejected, the others extracted; first: .*docs.jsonl:2: no 'text'"):
        run("extract_text", "--jsonl", path)
    out = io.StringIO()
    try:
        call_command("extract_text", "--jsonl", str(path), stdout=out)
    except CommandError:
        pass
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["x2", "x2"]


def test_evaluate_prints_per_kind_scores(shouting, tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "An EMBARGO and a BLOCKADE and a SIEGE."
    gold.write_text(json.dumps({"id": "d1", "text": text, "facts": [
        {"kind": "shout", "start": 3, "end": 10, "text": "EMBARGO", "value": {"word": "embargo"}},
        {"kind": "shout", "start": 17, "end": 25, "text": "BLOCKADE", "value": {"word": "siege"}},
    ]}) + "\n")
    out, _ = run("evaluate", gold, "--json")
    scores = json.loads(out)["scores"]["shout"]
    # 3 predicted (SIEGE is spurious), 2 gold, both found, 1 of 2 values right
    assert (scores["tp"], scores["predicted"], scores["gold"]) == (2, 3, 2)
    assert scores["precision"] == pytest.approx(2 / 3) and scores["recall"] == 1.0
    assert scores["value_accuracy"] == 0.5
    out, _ = run("evaluate", gold, "--misses")
    assert "precision" in out and "spurious" in out and "SIEGE" in out


def test_evaluate_names_a_bad_gold_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "ok", "facts": []}\n{oops\n')
    with pytest.raises(CommandError, match="gold.jsonl:2: not JSON"):
        run("evaluate", gold)


@pytest.mark.django_db
def test_export_facts_as_jsonl_and_csv_with_status_filter(shouting, tmp_path, reviewer):
    from factcheck.reviewing import review_fact

    run("load_corpus", SEEDS, "--corpus", "seeds", "--no-progress")
    Document.objects.create(corpus=Document.objects.first().corpus, text="A TRUCE and a CEASEFIRE.", title="t")
    run("extract")
    fact = Fact.objects.get(text="CEASEFIRE")
    review_fact(fact, reviewer, "confirmed", "ok")
    out, err = run("export_facts", "--status", "confirmed")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["text"], r["status"], r["reviewer"], r["extractor"], r["version"]) for r in rows] == [
        ("CEASEFIRE", "confirmed", "rita", "shouting", "0.1")
    ]
    assert "1 facts exported" in err
    target = tmp_path / "facts.csv"
    run("export_facts", "--format", "csv", "--output", target)
    table = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(table) == Fact.objects.count() > 1
    assert json.loads(table[0]["value"]) == Fact.objects.order_by("pk").first().value
