"""Whatever bytes arrive under whatever name, reading never raises: it yields articles or errors."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyscope.errors import InputError
from storyscope.ingest import read_input

SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".csv", ".rss", ".warc", ".warc.gz"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=600).map(str.encode)), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_yield_articles_or_errors(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        for item in read_input(str(path)):
            assert isinstance(item, (dict, InputError))
            if isinstance(item, InputError):
                assert str(path) in item.source and item.reason
            else:
                assert item["text"].strip()
