"""Meta-tests on the extractor package itself: pure Python, typed, every built-in documented and golden-tested."""

from __future__ import annotations

import subprocess
import sys

import pytest

from extractors.registry import Registry
from tests.conftest import ROOT

BUILT_INS = ["casualties", "dates", "sanctions", "troops"]


def test_importing_extractors_does_not_import_django():
    code = "import sys, extractors, extractors.registry, extractors.casualties, extractors.troops, " \
           "extractors.dates, extractors.sanctions; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("name", BUILT_INS)
def test_every_built_in_has_a_docstring_golden_cases_and_a_test_module(name):
    extractor = Registry.load(enabled=[name]).get(name)
    assert (type(extractor).__doc__ or "").strip(), f"{name} has no docstring"
    golden = ROOT / "fixtures" / "golden" / f"{name}.jsonl"
    assert golden.exists() and golden.read_text().count("\n") >= 40
    assert (ROOT / "tests" / "extractors" / f"test_{name}.py").exists()


def test_extractors_are_fully_typed():
    """mypy --strict over extractors/ (configured in pyproject.toml)."""
    from mypy import api  # in the test extra

    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "extractors")])
    assert status == 0, stdout + stderr
