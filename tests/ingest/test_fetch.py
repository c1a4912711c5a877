"""URL fetching against a server on loopback only (no other network is used)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyscope.errors import InputFailure
from storyscope.ingest import ReadOptions, load_articles
from storyscope.ingest.fetch import MAX_REDIRECTS, check_host, fetch
from tests.ingest.test_readers import PAGE


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/page":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_loopback_is_refused_by_default(server):
    result = load_articles([f"{server}/page"])
    assert not result.articles
    assert "loopback" in result.errors[0].reason and "--allow-private" in result.errors[0].reason


@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://169.254.169.254/latest", "http://[::1]/", "file:///etc/passwd"])
def test_private_link_local_and_non_http_refused(url):
    with pytest.raises(InputFailure):
        check_host(url, allow_private=False)


def test_allowed_when_asked_and_redirect_followed(server):
    result = load_articles([f"{server}/redirect"], options=ReadOptions(allow_private=True))
    assert not result.errors
    assert result.articles[0].outlet == "Millbrook Courier"
    assert result.articles[0].url == f"{server}/page"  # the final URL after redirects


def test_redirect_loop_is_bounded(server):
    with pytest.raises(InputFailure, match=f"too many redirects \\(limit {MAX_REDIRECTS}\\)"):
        fetch(f"{server}/loop", allow_private=True)


def test_http_error_is_reported(server):
    result = load_articles([f"{server}/missing"], options=ReadOptions(allow_private=True))
    assert "HTTP 404" in result.errors[0].reason


def test_connection_goes_to_the_checked_address(server, monkeypatch):
    """DNS rebinding: the name resolves to the server once, then elsewhere; the fetch must
    connect where the check looked, and still send the name as Host."""
    import socket

    port = int(server.rsplit(":", 1)[1])
    answers = iter(["127.0.0.1"])
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host == "news.test":
            address = next(answers, "10.255.255.1")  # a second lookup would land on a private host
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    seen = {}
    original = Handler.do_GET

    def recording(self):
        seen["host"] = self.headers.get("Host")
        original(self)

    monkeypatch.setattr(Handler, "do_GET", recording)
    page = fetch(f"http://news.test:{port}/page", allow_private=True)
    assert page.url == f"http://news.test:{port}/page" and b"Millbrook" in page.body
    assert seen["host"] == f"news.test:{port}"
