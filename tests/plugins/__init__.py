"""Make a throwaway third-party extractor package, installed for real in a temp dir.

It is a real distribution (a ``.dist-info`` with ``entry_points.txt``) on
``sys.path``, so discovery goes through ``importlib.metadata`` exactly as it
does for a ``pip install``-ed plugin; nothing of ours is patched.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

SHOUTING = '''
import re
from extractors.base import Extraction, Extractor
from extractors import patterns

_WORD = patterns.compile(r"\\b[A-Z]{{5,}}\\b", 0)


class ShoutingExtractor(Extractor):
    """Finds words in capitals: "the EMBARGO holds" yields a shout fact for EMBARGO."""

    name = "shouting"
    version = "{version}"
    kinds = ("shout",)

    def extract(self, text, context):
        for m in patterns.finditer(_WORD, text):
            yield Extraction("shout", m.start(), m.end(), m.group(), {{"word": m.group().lower()}}, "caps")
'''


def install_plugin(
    root: Path,
    monkeypatch: pytest.MonkeyPatch,
    entry_points: dict[str, str],
    modules: dict[str, str],
    dist: str = "throwaway_plugin",
) -> None:
    """Write ``modules`` (name -> source) and a dist-info declaring ``entry_points`` (name -> target)."""
    root.mkdir(parents=True, exist_ok=True)
    for module, source in modules.items():
        (root / f"{module}.py").write_text(textwrap.dedent(source))
    info = root / f"{dist}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n")
    lines = "\n".join(f"{name} = {target}" for name, target in entry_points.items())
    (info / "entry_points.txt").write_text(f"[factcheck.extractors]\n{lines}\n")
    monkeypatch.syspath_prepend(str(root))
