"""Plain-text articles, with the metadata people leave inside them.

Bare ``.txt`` exports often carry their metadata in the first lines: a headline,
a ``date 2018-03-16`` prefix, a ``Source: <outlet>`` line, a ``Posted by <author> on January 18, 2018`` line,
``Categories: …`` furniture, and a dateline (``OAKLAND, Calif. (AP) —``).
Header metadata is taken out of the stored text; the dateline stays (it is part
of the lead sentence) and is recorded. The stored body is a contiguous slice of
the file, and ``source_offset`` says where it starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyscope.ingest.dates import normalise_date

_DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_POSTED = re.compile(
    r"\A[ \t]*(?:Posted|Published|Updated)(?:\s+by\s*(?P<author>[^\n]*?))?\s+on\s+(?P<date>[^\n]{6,40}?)[ \t]*(?:\n|\Z)",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"\A[ \t]*(?:Source|Outlet|Publisher|Publication)[ \t]*:[ \t]*(?P<outlet>[^\n]{2,80}?)[ \t]*(?:\n|\Z)")
_FURNITURE = re.compile(r"\A[ \t]*(?:Categories|Category|Tags|Filed under)\s*:[^\n]*(?:\n|\Z)", re.IGNORECASE)
_DATELINE = re.compile(
    r"\A(?P<dateline>[A-Z][A-Z.'\- ]{1,40}(?:,\s+[A-Z][A-Za-z.]{1,15}\.?)?(?:\s+\([A-Za-z .]{1,30}\))?)\s+(?:—|–|--|-)\s+"
)
_SENTENCE_END = ("." , "!", ":", ";", ",", "”", '"')


@dataclass(frozen=True)
class TextFields:
    title: str | None
    published: str | None
    outlet: str | None
    dateline: str | None
    body: str
    offset: int


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _headline(text: str, pos: int) -> tuple[str | None, int]:
    """A first line that reads as a headline: short, several words, no sentence end,
    and followed by more text."""
    end = text.find("\n", pos)
    if end == -1:
        return None, pos
    line = text[pos:end].strip()
    words = line.split()
    rest = text[end:].strip()
    if (
        2 <= len(words) <= 30
        and len(line) <= 200
        and not line.endswith(_SENTENCE_END)
        and rest
        and not _DATELINE.match(line + " — ")  # a lone dateline is not a headline
    ):
        return line, end
    return None, pos


def split_text_metadata(text: str) -> TextFields:
    """Separate header metadata from the article body of a plain-text file."""
    pos = 0
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    # Header lines may come in any order; stop at the first line that is none of them.
    while True:
        pos = _skip_blank(text, pos)
        rest = text[pos:]
        if match := _DATE_PREFIX.match(rest):
            published = published or normalise_date(match.group(1))
        elif match := _POSTED.match(rest):
            published = published or normalise_date(match.group("date"))
        elif match := _SOURCE.match(rest):
            outlet = outlet or match.group("outlet")
        elif match := _FURNITURE.match(rest):
            pass
        elif title is None and published is None and (found := _headline(text, pos))[0]:
            title, pos = found
            continue
        else:
            break
        pos += match.end()
    pos = _skip_blank(text, pos)
    body = text[pos:].rstrip()
    dateline_match = _DATELINE.match(body)
    dateline = dateline_match.group("dateline").strip() if dateline_match else None
    return TextFields(title=title, published=published, outlet=outlet, dateline=dateline, body=body, offset=pos)
