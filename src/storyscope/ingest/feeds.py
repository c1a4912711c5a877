"""RSS and Atom feeds (feedparser): one article per entry.

The entry's own content (or summary) is used; when fetching is allowed, the linked
page is fetched and read as HTML instead, which usually has the full text.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser
import trafilatura

from storyscope.errors import Errors, InputFailure
from storyscope.ingest.dates import normalise_date


def _entry_text(entry: Any) -> str:
    html = ""
    if entry.get("content"):
        html = entry["content"][0].get("value", "")
    html = html or entry.get("summary", "")
    if not html.strip():
        return ""
    text = trafilatura.extract(f"<html><body><article>{html}</article></body></html>", favor_recall=True)
    return (text or "").strip()


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return normalise_date(entry.get("published") or entry.get("updated"))


def iter_feed(data: bytes) -> Iterator[dict[str, Any]]:
    """Entries of a feed as draft fields (``text`` may be empty when only a link is given)."""
    feed = feedparser.parse(data)
    usable = [e for e in feed.entries if e.get("link") or e.get("content") or e.get("summary")]
    if not usable:
        detail = str(feed.get("bozo_exception") or "no entries")
        raise InputFailure(Errors.E011.format(detail=detail))
    outlet = feed.feed.get("title") or None
    for entry in usable:
        yield {
            "id": None,
            "title": entry.get("title") or None,
            "outlet": outlet,
            "published": _entry_date(entry),
            "url": entry.get("link") or None,
            "text": _entry_text(entry),
        }


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
