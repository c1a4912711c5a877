"""The CLI as a user runs it: real processes, exit codes, one error line per bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, MILLBROOK_A, MILLBROOK_B, OUTLETS, assert_offsets_exact


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyscope", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_analyze_writes_report_despite_bad_inputs(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "empty.html").write_bytes(b"")
    out = tmp_path / "r.json"
    proc = run("analyze", str(EXAMPLES), str(tmp_path / "bad.txt"), str(tmp_path / "empty.html"),
               "--outlets", str(OUTLETS), "--db", str(tmp_path / "s.duckdb"), "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and any("bad.txt" in e for e in errors) and any("empty.html" in e for e in errors)
    assert "Traceback" not in proc.stderr
    data = json.loads(out.read_text())
    assert len(data["articles"]) == 6
    assert_offsets_exact(data)


def test_analyze_html_default_and_markdown(tmp_path):
    proc = run("analyze", str(EXAMPLES), "--db", str(tmp_path / "s.duckdb"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "storyscope-report.html").read_text().startswith("<!doctype html>")
    proc = run("analyze", str(EXAMPLES), "--db", str(tmp_path / "s.duckdb"), "-o", "r.md", cwd=tmp_path)
    assert proc.returncode == 0 and (tmp_path / "r.md").read_text().startswith("# ")


def test_stories_batch_keeps_ids_and_texts(tmp_path):
    stories = tmp_path / "stories.jsonl"
    stories.write_text(
        json.dumps({"id": "s1", "articles": [{"id": "a", "title": "A", "text": MILLBROOK_A},
                                            {"id": "b", "title": "B", "text": MILLBROOK_B, "outlet": "Sentinel"}]})
        + "\n{not json\n"
        + json.dumps({"id": "s2", "articles": [{"id": "c", "title": "C", "text": MILLBROOK_B}]}) + "\n"
    )
    proc = run("analyze", "--stories", str(stories), "-o", str(tmp_path / "out.jsonl"), cwd=tmp_path)
    assert proc.returncode == 1 and "stories.jsonl:2" in proc.stderr
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [line["id"] for line in lines] == ["s1", "s2"]
    assert [a["id"] for a in lines[0]["articles"]] == ["a", "b"]
    assert lines[0]["articles"][0]["text"] == MILLBROOK_A
    assert_offsets_exact(lines[0])


def test_analyze_summary_length_option(tmp_path):
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps({"id": "s1", "articles": [{"id": "a", "text": MILLBROOK_A},
                                                           {"id": "b", "text": MILLBROOK_B}]}) + "\n")
    words = {}
    for budget in ("40", "200"):
        out = tmp_path / f"out{budget}.jsonl"
        proc = run("analyze", "--stories", str(stories), "--summary-words", budget, "-o", str(out), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        summary = json.loads(out.read_text())["summary"]
        words[budget] = sum(len(s["text"].split()) for s in summary)
    assert words["40"] < words["200"]
    assert run("analyze", "--stories", str(stories), "--summary-words", "0", "-o", str(tmp_path / "x.jsonl"),
               cwd=tmp_path).returncode == 2


def test_extract_streams_items_with_offsets(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": MILLBROOK_A}) + "\n\n" + '{"id": "b"}\n')
    proc = run("extract", str(src), "-o", str(tmp_path / "out.jsonl"), cwd=tmp_path)
    assert proc.returncode == 1 and "missing or empty 'text'" in proc.stderr
    (line,) = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert line["id"] == "a"
    for item in line["entities"] + line["sentences"]:
        assert MILLBROOK_A[item["start"] : item["end"]] == item["text"]


def test_ingest_twice_then_export(tmp_path):
    db = str(tmp_path / "s.duckdb")
    first = run("ingest", str(EXAMPLES), "--db", db, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "6 new articles (1 near-duplicates linked)" in first.stderr
    second = run("ingest", str(EXAMPLES), "--db", db, cwd=tmp_path)
    assert "0 new articles" in second.stderr
    proc = run("export", "--db", db, "--format", "jsonl", "-o", str(tmp_path / "a.jsonl"), cwd=tmp_path)
    assert proc.returncode == 0
    assert len((tmp_path / "a.jsonl").read_text().splitlines()) == 6


def test_user_errors_are_one_line_without_traceback(tmp_path):
    proc = run("analyze", str(tmp_path / "nothing-here.txt"), "--db", str(tmp_path / "s.duckdb"), cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "nothing-here.txt" in proc.stderr and "no articles" in proc.stderr
    proc = run("analyze", str(EXAMPLES), "-o", "r.pdf", cwd=tmp_path)
    assert proc.returncode == 1 and "unknown report format" in proc.stderr
