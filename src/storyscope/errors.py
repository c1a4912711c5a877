"""Every user-facing error message, written once (spaCy style: a code and a text).

Input errors never raise out of a batch: readers turn them into :class:`InputError`
records naming the file and the reason, and the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Errors(StrEnum):
    E001 = "file not found"
    E002 = "empty file"
    E003 = "binary file, not text ({detail})"
    E004 = "invalid UTF-8 at byte {position}"
    E005 = "unsupported file type '{suffix}' (expected .txt, .html, .json, .jsonl, .csv, .xml/.rss/.atom, .warc, .warc.gz or a URL)"
    E006 = "file too large ({size:.1f} MB; limit {limit:.0f} MB)"
    E007 = "no article text found"
    E008 = "malformed JSON at line {line}: {detail}"
    E009 = "record {record}: {detail}"
    E010 = "malformed CSV: {detail}"
    E011 = "malformed feed: {detail}"
    E012 = "truncated or corrupt archive: {detail}"
    E013 = "refusing to fetch {host}: it resolves to a {kind} address {address} (use --allow-private to allow)"
    E014 = "cannot fetch URL: {detail}"
    E015 = "response too large (over {limit:.0f} MB)"
    E016 = "too many redirects (limit {limit})"
    E017 = "outlet table: {detail}"
    E018 = "no articles to analyse"
    E019 = "spaCy model '{name}' is not installed ({detail})"
    E020 = "store {path}: schema version {found} is newer than this storyscope supports ({supported})"
    E021 = "no input matched '{pattern}'"
    E022 = "summary length must be at least 1 word (got {value})"

    def format(self, **kwargs: object) -> str:  # type: ignore[override]
        return f"[{self.name}] {self.value.format(**kwargs)}"


class StoryscopeError(Exception):
    """An error storyscope reports to the user as one line, without a traceback."""


@dataclass(frozen=True)
class InputError:
    """One input that could not be read: which one and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class InputFailure(StoryscopeError):
    """Raised inside a reader; caught by the ingest loop and turned into an InputError."""
