"""JSON, JSONL and CSV exports: one record per article, text stored exactly as given.

Recognised fields: ``id``, ``url``, ``outlet`` (or ``source``), ``title``,
``published`` (or ``date``), ``text``. A bad record is reported with its line or
record number and the others go on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from storyscope.errors import Errors, InputError, InputFailure
from storyscope.ingest.dates import normalise_date
from storyscope.ingest.files import decode_utf8

RecordResult = dict[str, Any] | InputError


def normalise_record(raw: object, where: str) -> dict[str, Any]:
    """Check one record and map its field aliases; raises InputFailure."""
    if not isinstance(raw, dict):
        raise InputFailure(Errors.E009.format(record=where, detail="not a JSON object"))
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputFailure(Errors.E009.format(record=where, detail="missing or empty 'text'"))
    record_id = raw.get("id")
    return {
        "id": str(record_id) if record_id not in (None, "") else None,
        "title": _str_or_none(raw.get("title")),
        "outlet": _str_or_none(raw.get("outlet") or raw.get("source")),
        "published": normalise_date(raw.get("published") or raw.get("date")),
        "url": _str_or_none(raw.get("url")),
        "text": text,
    }


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def iter_json(data: bytes, source: str) -> Iterator[RecordResult]:
    """A JSON object, a list of objects, or ``{"articles": [...]}``."""
    text = decode_utf8(data)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFailure(Errors.E008.format(line=exc.lineno, detail=exc.msg)) from exc
    if isinstance(parsed, dict) and isinstance(parsed.get("articles"), list):
        parsed = parsed["articles"]
    items = parsed if isinstance(parsed, list) else [parsed]
    for index, raw in enumerate(items, 1):
        yield _checked(raw, f"#{index}", source)


def iter_jsonl(lines: Iterator[bytes], source: str) -> Iterator[RecordResult]:
    """One JSON object per line; blank lines are skipped, bad lines reported."""
    for lineno, raw_line in enumerate(lines, 1):
        if not raw_line.strip():
            continue
        try:
            raw = json.loads(decode_utf8(raw_line))
        except InputFailure as exc:
            yield InputError(f"{source}:{lineno}", str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield InputError(source, Errors.E008.format(line=lineno, detail=exc.msg))
            continue
        yield _checked(raw, f"line {lineno}", source)


def iter_csv(data: bytes, source: str) -> Iterator[RecordResult]:
    """A CSV export with a header row."""
    text = decode_utf8(data)
    csv.field_size_limit(2**31 - 1)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not reader.fieldnames or "text" not in reader.fieldnames:
            raise InputFailure(Errors.E010.format(detail="needs a header row with a 'text' column"))
        for index, row in enumerate(reader, 2):
            yield _checked(row, f"row {index}", source)
    except csv.Error as exc:
        raise InputFailure(Errors.E010.format(detail=str(exc))) from exc


def _checked(raw: object, where: str, source: str) -> RecordResult:
    try:
        return normalise_record(raw, where)
    except InputFailure as exc:
        return InputError(source, str(exc))
