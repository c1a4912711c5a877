"""WARC / WARC.gz archives (warcio): every HTML response is read as an HTML page.

Records before a truncation are kept; the truncation itself is reported once.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyscope.errors import Errors, InputFailure
from storyscope.ingest.files import MAX_DOCUMENT_BYTES


def iter_html_responses(stream: BinaryIO) -> Iterator[tuple[str | None, bytes]]:
    """``(target URI, HTML body)`` of each successful HTML response record."""
    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type is None:
                raise InputFailure(Errors.E012.format(detail=f"record {records} has no WARC header"))
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or "html" not in content_type:
                continue
            body = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            if len(body) > MAX_DOCUMENT_BYTES or not body:
                continue
            # warcio stops quietly at a cut; bytes the record declared but never gave mean truncation.
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise InputFailure(Errors.E012.format(detail=f"record {records} ends early"))
            yield record.rec_headers.get_header("WARC-Target-URI"), body
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputFailure(Errors.E012.format(detail=detail)) from exc
    if records == 0:
        raise InputFailure(Errors.E012.format(detail="no WARC records"))
