"""The plugin registry: discovery through entry points, validation, enable/disable, broken plugins."""

from __future__ import annotations

import pytest

from extractors.base import Extractor
from extractors.errors import ExtractorLoadError, UnknownExtractor
from extractors.registry import Registry, discover, validate
from tests.plugins import SHOUTING, install_plugin

BUILT_INS = {"casualties", "troops", "dates", "sanctions"}


def test_built_ins_are_registered_through_our_own_entry_points():
    assert BUILT_INS <= {ep.name for ep in discover()}


def test_discovery_is_sorted_and_does_not_load():
    eps = discover()
    assert [ep.name for ep in eps] == sorted(ep.name for ep in eps)


def test_third_party_plugin_is_found_and_a_broken_one_is_reported_by_name(tmp_path, monkeypatch):
    install_plugin(
        tmp_path,
        monkeypatch,
        {"shouting": "shout_plugin:ShoutingExtractor", "broken": "broken_plugin:Nope"},
        {"shout_plugin": SHOUTING.format(version="0.1"), "broken_plugin": "raise ImportError('no such luck')\n"},
    )
    registry = Registry.load(enabled=["shouting", "broken", "troops"])
    assert list(registry.extractors) == ["shouting", "troops"]
    assert "broken" in registry.errors and "no such luck" in registry.errors["broken"]
    assert registry.get("shouting").kinds == ("shout",)


def test_enabled_name_that_no_plugin_provides_is_an_error_naming_what_exists():
    with pytest.raises(UnknownExtractor) as exc:
        Registry.load(enabled=["casualtis"])
    assert "casualtis" in str(exc.value) and "casualties" in str(exc.value)


def test_disabled_extractors_are_not_loaded():
    registry = Registry.load(enabled=["troops", "dates"], disabled=["dates"])
    assert list(registry.extractors) == ["troops"]


class _Good(Extractor):
    name = "good"
    version = "1"
    kinds = ("thing",)

    def extract(self, text, context):
        return iter(())


@pytest.mark.parametrize(
    "attrs, message",
    [
        ({"name": "other"}, "registered as 'good'"),
        ({"version": ""}, "'version' must be"),
        ({"kinds": "thing"}, "'kinds' must be"),
        ({"kinds": ()}, "'kinds' must be"),
    ],
    ids=["name-mismatch", "empty-version", "kinds-a-string", "no-kinds"],
)
def test_validation_rejects_a_plugin_that_breaks_the_contract(attrs, message):
    broken = type("Broken", (_Good,), attrs)
    with pytest.raises(ExtractorLoadError, match=message):
        validate("good", broken)


def test_validation_accepts_a_class_or_an_instance_and_needs_extract():
    assert validate("good", _Good).name == "good"
    assert validate("good", _Good()).name == "good"
    with pytest.raises(ExtractorLoadError, match="missing extract"):
        validate("good", type("NoExtract", (), {"name": "good", "version": "1", "kinds": ("x",)}))


def test_select_keeps_only_named_extractors_and_rejects_unknown_names():
    registry = Registry.from_extractors([_Good()])
    assert registry.select(None) is registry
    assert list(registry.select(["good"]).extractors) == ["good"]
    with pytest.raises(UnknownExtractor):
        registry.select(["bad"])
