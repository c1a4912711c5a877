"""Page furniture in article text: photo captions and web widgets, told apart from the body.

Text extracted from news pages keeps some of the page around the story: a caption
under a photo ("Protesters gather outside City Hall. Ana Ruiz/Harbor Post"), often
with a short title line above it, and widget labels on a line of their own
("LISTEN:", "WATCH:"). These are not the outlet's account of the story: the timeline
keeps caption dates apart, and claims and the summary leave them out. Each function
returns ``[start, end)`` character ranges into the text it was given.
"""

from __future__ import annotations

import re

#: A photo credit closing a paragraph: "Dana Holt/Coastline Wire", "(Luis Ferrante/The Calder Ledger)",
#: "AFP/Getty", "ANA RUIZ/AFP/Getty".
CREDIT_LINE = re.compile(
    r"(?:^|[\s(])(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s?/\s?(?:[A-Z][\w&.'’/-]*\s?){1,4}\)?\s*$"
)
#: Caption and credit cues at the start or inside a short paragraph.
CAPTION_CUE = re.compile(r"(?i)^(?:photo|photograph|image|file photo|caption)\s*:|\((?:photo|image|file photo)\b"
                         r"|\b(?:photo|photograph|image) (?:by|courtesy of|credit)\b|^file photo\b")
#: Longest paragraph (in characters) still treated as a caption.
MAX_CAPTION_CHARS = 600
#: A caption's title: a short line without closing punctuation right above the caption.
MAX_TITLE_WORDS = 8
#: A widget label: one to three words and a colon, alone on its line ("LISTEN:", "Related coverage:").
WIDGET_LABEL = re.compile(r"^[ \t]*(?:[A-Za-z][\w'’-]*[ \t]+){0,2}[A-Za-z][\w'’-]*:[ \t]*$", re.MULTILINE)
#: Labels a page puts before a link or a player ("Related: …", "LISTEN: … (4:12)"): the line
#: points at other coverage; it is not part of the story's account.
LINK_LABELS = frozenset(
    {"related", "related coverage", "see also", "watch", "listen", "video", "photos", "read more", "more"}
)
#: Labels a news page puts before a colon that name no speaker: the link labels and editorial notes
#: (corrections, updates, live-blog headings, source lines), whose text is still the outlet's.
PAGE_LABELS = LINK_LABELS | {
    "correction", "corrections", "clarification", "update", "updated", "editor's note", "editor\u2019s note",
    "note", "the latest", "source", "sources",
}
#: A line opening with a label and a colon, with text after it ("Related: Ferry fares explained").
_LABELLED_LINE = re.compile(r"^[ \t]*(?P<label>[A-Za-z][\w'’]*(?:[ \t]+[A-Za-z][\w'’]*){0,2})[ \t]*:[ \t]*\S[^\n]*$", re.MULTILINE)
_LINE = re.compile(r"[^\n]+")


def caption_paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines that read as photo captions (a credit line or a photo cue), each with the title
    line directly above it when there is one."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    ranges = []
    for k, (start, end) in enumerate(lines):
        body = text[start:end].strip()
        if not body or len(body) > MAX_CAPTION_CHARS or not (CREDIT_LINE.search(body) or CAPTION_CUE.search(body)):
            continue
        if k and _is_caption_title(text, lines[k - 1], start):
            start = lines[k - 1][0]
        ranges.append((start, end))
    return ranges


def _is_caption_title(text: str, line: tuple[int, int], caption_start: int) -> bool:
    """Whether ``line`` is a caption's title: on the line right above it (one line break
    between), short, and not ending like a sentence."""
    title = text[line[0] : line[1]].strip()
    return (
        text[line[1] : caption_start].count("\n") == 1
        and 0 < len(title.split()) <= MAX_TITLE_WORDS
        and not title.endswith((".", "!", "?", ":", ";", ",", "”", '"'))
    )


def widget_labels(text: str) -> list[tuple[int, int]]:
    """Lines holding only a short label and a colon ("LISTEN:")."""
    return [(m.start(), m.end()) for m in WIDGET_LABEL.finditer(text)]


def link_lines(text: str) -> list[tuple[int, int]]:
    """Lines a link label opens ("Related: What the letter says", "LISTEN: … (4:12)"): pointers to
    other coverage and players around the story, not its account."""
    return [(m.start(), m.end()) for m in _LABELLED_LINE.finditer(text) if m.group("label").lower() in LINK_LABELS]


def furniture(text: str) -> list[tuple[int, int]]:
    """Captions, widget labels and link lines, sorted by start."""
    return sorted(caption_paragraphs(text) + widget_labels(text) + link_lines(text))


def overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``ranges``."""
    return any(s < end and start < e for s, e in ranges)
