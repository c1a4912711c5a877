"""Quotation-mark pairing over raw text, robust to the marks news text really has.

Curly, straight and doubled-apostrophe marks (``''…''``, ````…''``) are paired in one
left-to-right pass per paragraph, so the work is linear in the text length however
many marks there are. A straight ``"`` opens when it follows the start of a paragraph,
whitespace or an opening bracket/dash, and closes otherwise. A paragraph that ends
inside a quotation continues it when the next paragraph opens with a quotation mark
(the news convention for quotes running over several paragraphs); otherwise the
quotation ends with the paragraph and is marked unclosed. A double quotation of the other
style inside an open one (curly inside straight, as in a pasted transcript: ``"HOLT: as
“The Harbor Ledger” wrote, …``) is nested in it, not the start of a new one. Single quotes are left to
the parser: at top level they are indistinguishable from apostrophes and in news
they mark nested quotations, which stay inside their enclosing double quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Double quotation marks: (pattern, kind) with kind "open", "close" or "either".
_MARK = re.compile(r"``|''|[\u201c\u201e\u00ab]|[\u201d\u00bb]|\"")
_OPENERS = frozenset({"\u201c", "\u201e", "\u00ab", "``"})
_CLOSERS = frozenset({"\u201d", "\u00bb"})
_OPEN_CONTEXT = frozenset("([{\u2014\u2013-/:")
_PARAGRAPH = re.compile(r"[^\n]+")

#: Every mark a content span may begin or end with (used to tell quoted text).
QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019`"


@dataclass
class Quotation:
    """One quotation: ``fragments`` are ``[start, end)`` offsets including the marks, one per paragraph."""

    fragments: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def _opens(text: str, at: int, mark: str) -> bool:
    """Whether an ambiguous mark at ``at`` reads as an opening mark."""
    if mark in _OPENERS:
        return True
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(mark)] if at + len(mark) < len(text) else " "
    if mark in _CLOSERS:
        # A closing mark typed where an opening one belongs: at a word start, before a letter.
        return before.isspace() and after.isalnum()
    if before.isspace() or before in _OPEN_CONTEXT:
        return not after.isspace()
    return False


def find_quotations(text: str) -> list[Quotation]:
    """Every double-quoted passage of ``text``, paired per paragraph with continuation."""
    quotations: list[Quotation] = []
    current: Quotation | None = None  # open quotation carried over from an earlier paragraph
    for paragraph in _PARAGRAPH.finditer(text):
        para_start, para_end = paragraph.span()
        line = paragraph.group()
        if not line.strip():
            continue
        opened_at: int | None = None
        style = ""  # typographic style of the mark that opened the quotation
        nested = False  # inside a quotation of the other style within the open one
        first_mark = True
        for match in _MARK.finditer(line):
            mark = match.group()
            at = para_start + match.start()
            leading = first_mark and not line[: match.start()].strip()
            first_mark = False
            if opened_at is None:
                if _opens(text, at, mark) or (current is not None and leading):
                    if current is not None and not leading:
                        _finish(quotations, current, closed=False)
                        current = None
                    opened_at, style, nested = at, _style(mark), False
                continue
            if _style(mark) != style:
                # '"HOLT: as “The Harbor Ledger” wrote, …': a quotation of the other style inside this one.
                if not nested and mark not in _CLOSERS and _opens(text, at, mark):
                    nested = True
                    continue
                if nested:
                    nested = False
                    continue
            if mark not in _CLOSERS and _opens(text, at, mark):
                # An opening mark inside an open quotation: the earlier one was never closed.
                _finish(quotations, _extend(current, opened_at, _rstrip(text, opened_at, at)), closed=False)
                current = None
                opened_at = at
                continue
            _finish(quotations, _extend(current, opened_at, match.end() + para_start), closed=True)
            current = None
            opened_at = None
        if opened_at is not None:
            current = _extend(current, opened_at, _rstrip(text, opened_at, para_end))
        elif current is not None:
            # The next paragraph did not open with a mark: the earlier quotation ends unclosed.
            _finish(quotations, current, closed=False)
            current = None
        if current is not None and not _next_paragraph_opens(text, para_end):
            _finish(quotations, current, closed=False)
            current = None
    if current is not None:
        _finish(quotations, current, closed=False)
    return quotations


def _style(mark: str) -> str:
    """A mark's typographic style: straight (``"``), curly or guillemet, or typewriter (``''``, ````)."""
    if mark == '"':
        return "straight"
    if mark in ("''", "``"):
        return "typewriter"
    return "curly"


def _rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved left past trailing whitespace, never before ``start + 1``."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _extend(current: Quotation | None, start: int, end: int) -> Quotation:
    quotation = current if current is not None else Quotation()
    quotation.fragments.append((start, end))
    return quotation


def _finish(quotations: list[Quotation], quotation: Quotation, closed: bool) -> None:
    quotation.closed = closed
    quotations.append(quotation)


def _next_paragraph_opens(text: str, para_end: int) -> bool:
    """Whether the paragraph after ``para_end`` starts with an opening quotation mark."""
    rest = text[para_end : para_end + 200].lstrip()
    match = _MARK.match(rest)
    return match is not None and (match.group() in _OPENERS or match.group() in ('"', "''"))
