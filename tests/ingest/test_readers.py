"""Each reader on small fictional inputs, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyscope.ingest import load_articles
from tests.conftest import MILLBROOK_A, MILLBROOK_B

PAGE = """<!doctype html><html><head><title>Council closes ferry | Millbrook Courier</title>
<meta property="og:site_name" content="Millbrook Courier">
<meta property="og:title" content="Council closes ferry">
<meta property="article:published_time" content="2024-05-08T10:00:00Z">
<link rel="canonical" href="https://www.millbrookcourier.example/news/ferry"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Council closes ferry</h1>
<p>The Millbrook City Council voted 6-1 on Tuesday to close the Eastside ferry terminal after sixty years of service to the
neighbourhood.</p>
<p>Mayor Clara Voss said the city would spend $3 million on a replacement bus line, which she described as painful but
necessary for the budget.</p>
<p>Transit director Omar Haddad warned that about 900 daily riders would lose their direct route across the bay.</p>
</article><footer>Copyright Millbrook Courier</footer></body></html>"""


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_html_page(tmp_path):
    result = load_articles([str(_write(tmp_path / "page.html", PAGE))])
    assert not result.errors
    (article,) = result.articles
    assert article.title == "Council closes ferry"
    assert article.outlet == "Millbrook Courier"
    assert article.published == "2024-05-08"
    assert "voted 6-1 on Tuesday" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text


def test_json_jsonl_csv_keep_text_exactly(tmp_path):
    record = {"id": "x1", "outlet": "Valley Sentinel", "title": "T", "published": "2024-05-09T08:00:00Z",
              "text": "  " + MILLBROOK_B + "\n"}
    _write(tmp_path / "one.json", json.dumps(record))
    _write(tmp_path / "many.jsonl", json.dumps({**record, "id": "x2", "text": MILLBROOK_A}) + "\n")
    _write(tmp_path / "t.csv", 'id,outlet,title,published,text\nx3,Courier,T,2024-05-10,"A line, with ""quotes"".\nSecond."\n')
    result = load_articles([str(tmp_path)])
    assert not result.errors
    by_id = {a.id: a for a in result.articles}
    assert by_id["x1"].text == record["text"]
    assert by_id["x1"].published == "2024-05-09"
    assert by_id["x2"].text == MILLBROOK_A
    assert by_id["x3"].text == 'A line, with "quotes".\nSecond.'


def test_rss_feed(tmp_path):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Sentinel</title>
<item><title>Ferry shut</title><link>https://valleysentinel.example/ferry</link>
<pubDate>Thu, 09 May 2024 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{MILLBROOK_B.split(chr(10))[0]}</p><p>Residents asked the council to wait before closing the
terminal that has served the neighbourhood for six decades.</p>]]></description></item></channel></rss>"""
    result = load_articles([str(_write(tmp_path / "feed.rss", feed))])
    assert not result.errors
    (article,) = result.articles
    assert article.outlet == "Valley Sentinel"
    assert article.published == "2024-05-09"
    assert article.url == "https://valleysentinel.example/ferry"
    assert "heated meeting" in article.text


def _warc(records: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buffer.getvalue()


def test_warc_html_responses(tmp_path):
    data = _warc([("https://millbrookcourier.example/a", PAGE)])
    result = load_articles([str(_write(tmp_path / "crawl.warc.gz", data))])
    assert not result.errors
    assert result.articles[0].url == "https://millbrookcourier.example/a"


def test_truncated_warc_keeps_earlier_records_and_reports(tmp_path):
    second = PAGE.replace("Millbrook Courier", "Harbor Post").replace("6-1", "5-2")
    data = _warc([("https://a.example/1", PAGE), ("https://b.example/2", second)])
    path = _write(tmp_path / "cut.warc.gz", data[: len(data) - 200])
    result = load_articles([str(path)])
    assert len(result.articles) == 1
    assert len(result.errors) == 1 and "cut.warc.gz" in result.errors[0].source
    assert "truncated" in result.errors[0].reason


def test_bad_inputs_each_get_one_error_and_the_rest_goes_on(tmp_path):
    good = _write(tmp_path / "good.txt", MILLBROOK_A)
    bad = {
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
        "empty.txt": b"",
        "latin1.txt": "Caf\xe9 society".encode("latin-1"),
        "notes.docx": b"whatever",
        "broken.jsonl": b'{"id": "ok", "text": "Fine text here."}\n{"id": \n',
        "broken.json": b'{"id": "x", "text": ',
        "feed.rss": b"<rss><channel><item>",
        "huge.html": b"<html>" + b"a" * (50 * 1024 * 1024) + b"</html>",
        "trunc.warc.gz": gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:20],
    }
    for name, content in bad.items():
        _write(tmp_path / name, content)
    paths = [str(good)] + [str(tmp_path / name) for name in bad]
    result = load_articles(paths)
    texts = {a.text for a in result.articles}
    assert MILLBROOK_A in texts and "Fine text here." in texts
    failed = {Path(e.source.split(":")[0]).name for e in result.errors}
    assert failed == set(bad)
    reasons = {Path(e.source.split(":")[0]).name: e.reason for e in result.errors}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "unsupported" in reasons["notes.docx"]
    assert "line 2" in reasons["broken.jsonl"]
    assert "too large" in reasons["huge.html"]


def test_directories_recurse_and_globs_expand(tmp_path):
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "a.txt", MILLBROOK_A)
    _write(tmp_path / "b.txt", MILLBROOK_B)
    _write(tmp_path / "sub" / "ignored.png", b"\x89PNG")
    assert len(load_articles([str(tmp_path)]).articles) == 2
    assert len(load_articles([str(tmp_path / "**" / "*.txt")]).articles) == 2
    missing = load_articles([str(tmp_path / "nothing*.txt")])
    assert missing.errors and "no input matched" in missing.errors[0].reason


def test_exact_repeat_is_dropped_and_near_duplicate_linked(tmp_path):
    repost = "Reposted from the Millbrook Courier.\n\n" + MILLBROOK_A + "\n\nThis story first ran in the Courier."
    _write(tmp_path / "a.txt", MILLBROOK_A)
    _write(tmp_path / "a_copy.txt", MILLBROOK_A)
    _write(tmp_path / "b.txt", MILLBROOK_B)
    _write(tmp_path / "c.txt", repost)
    result = load_articles([str(tmp_path / n) for n in ("a.txt", "a_copy.txt", "b.txt", "c.txt")])
    assert len(result.articles) == 3
    by_path = {Path(a.source_path).name: a for a in result.articles}
    assert by_path["c.txt"].duplicate_of == by_path["a.txt"].id
    assert by_path["b.txt"].duplicate_of is None
