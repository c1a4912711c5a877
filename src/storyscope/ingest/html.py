"""HTML pages: trafilatura finds the main text, htmldate the publication date."""

from __future__ import annotations

from dataclasses import dataclass

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
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise InputFailure(Errors.E007.format())
    title = document.title or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip()
    published = normalise_date(find_date(html, url=url, outputformat="%Y-%m-%d", original_date=True))
    return PageFields(
        title=title,
        sitename=document.sitename or None,
        published=published or normalise_date(document.date),
        url=url or document.url or None,
        text=text,
    )
