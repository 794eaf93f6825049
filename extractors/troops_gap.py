"""The words between a troop figure and its troop noun, read without a pattern when they are plain.

"100,000 Russian troops", "28,500 U.S. troops", "tens of thousands of soldiers":
between a figure and the noun stand up to three modifiers, perhaps after
"of". :func:`gap_mods` reads plain ASCII gaps exactly as the gap pattern of
:mod:`extractors.troops` would, so that pattern runs only on the rest.
"""

from __future__ import annotations

from extractors.casualties_forward import Blocked
from extractors.casualties_gap import word_spans

_WORD_MARKS = frozenset("'-")
_OWNERS = frozenset(["its", "their", "our"])


def gap_mods(text: str, end: int, pos: int, blocked: Blocked) -> str | int | None:
    """The modifiers ``(?:\\s+of(?:\\s+(?:its|their|our))?)?(?P<mods>MOD{0,3}?)\\s+\\Z`` finds in ``text[end:pos]``; -1 when it surely
    does not match; None when unsure (non-ASCII text, "U.S."-like words that might be stop words)."""
    if not text[end:pos].isascii():
        return None
    tokens = word_spans(text, end, pos)
    if tokens is None:
        return -1  # every word follows white space, and white space ends the gap
    start = end
    if tokens and text[tokens[0][0] : tokens[0][1]].lower() == "of":
        start = tokens[0][1]
        tokens = tokens[1:]
        if tokens and text[tokens[0][0] : tokens[0][1]].lower() in _OWNERS:
            start = tokens[0][1]  # "800 to 1,000 of its soldiers"
            tokens = tokens[1:]
    if len(tokens) > 3:
        return -1
    for j, k in tokens:
        verdict = _word(text[j:k], blocked)
        if verdict is not True:
            return verdict
    return text[start : tokens[-1][1]] if tokens else ""


def _word(token: str, blocked: Blocked) -> bool | int | None:
    """True when ``token`` is a modifier word the look-ahead lets through; -1 when it is none; None if unsure."""
    if not token[0].isalpha():
        return -1
    if "." in token:
        pairs = len(token) // 2
        initialism = all(token[2 * n].isalpha() and token[2 * n + 1] == "." for n in range(pairs))
        if len(token) % 2 or pairs < 2 or not initialism:
            return -1  # only an initialism ("U.S.") may hold full stops
        head = token[0].lower()
    else:
        if not all(c.isalpha() or c in _WORD_MARKS for c in token):
            return -1
        k = 0
        while k < len(token) and token[k].isalpha():
            k += 1
        head = token[:k].lower()
    if head in blocked.words:
        return -1
    if head in blocked.heads:
        return None
    return True
