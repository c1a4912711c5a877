"""HTML pages: trafilatura finds the main text, htmldate the publication date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura
from htmldate import find_date

from storyscope.errors import Errors, InputFailure
from storyscope.ingest.dates import normalise_date
from storyscope.ingest.files import check_not_binary


@dataclass(frozen=True)
class PageFields:
    title: str | None
    sitename: str | None
    published: str | None
    url: str | None
    text: str


def extract_page(html: bytes | str, url: str | None = None) -> PageFields:
    """Main text and metadata of one HTML page.

    trafilatura repeats the headline as the first line of the text; it is dropped
    there because it is kept as ``title``.
    """
    if isinstance(html, bytes):
        check_not_binary(html)
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    fields: dict[str, Any] = {}
    if document is not None:
        fields = document if isinstance(document, dict) else document.as_dict()
    text = (fields.get("text") or "").strip()
    if not text:
        raise InputFailure(Errors.E007.format())
    title = fields.get("title") or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()
    published = normalise_date(find_date(html, url=url, outputformat="%Y-%m-%d", original_date=True))
    return PageFields(
        title=title,
        sitename=fields.get("sitename") or None,
        published=published or normalise_date(fields.get("date")),
        url=url or fields.get("url") or None,
        text=text,
    )
