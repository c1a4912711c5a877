"""HTTP fetching with the guards a tool that reads untrusted URLs needs.

Timeout, a size cap, at most :data:`MAX_REDIRECTS` redirects (each hop checked
again), and no loopback / private / link-local / reserved targets unless the
caller allows private addresses explicitly (``--allow-private``). The host is
resolved once and the connection goes to the address that was checked (the
``Host`` header and TLS server name stay the URL's), so a DNS answer that changes
between the check and the connection ("DNS rebinding") cannot redirect it.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from storyscope.errors import Errors, InputFailure

TIMEOUT_SECONDS = 15.0
MAX_RESPONSE_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "storyscope/0.1 (+news provenance analysis)"


@dataclass(frozen=True)
class FetchedPage:
    url: str
    content_type: str
    body: bytes


def _address_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is off limits by default, or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for kind, flag in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("private", address.is_private),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved or address.is_unspecified),
    ):
        if flag:
            return kind
    return None


def check_host(url: str, allow_private: bool) -> str:
    """Refuse non-HTTP schemes and hosts that resolve to non-public addresses; return the
    address to connect to (the first one resolved, all of them checked)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputFailure(Errors.E014.format(detail="only http(s) URLs with a host can be fetched"))
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputFailure(
            Errors.E014.format(detail=f"cannot resolve {parts.hostname} (offline or unknown host: {exc.strerror})")
        ) from exc
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    if not allow_private:
        for address in addresses:
            kind = _address_kind(address)
            if kind:
                raise InputFailure(Errors.E013.format(host=parts.hostname, kind=kind, address=address))
    return str(addresses[0])


def pinned_request(client: httpx.Client, url: str, address: str) -> httpx.Request:
    """A GET of ``url`` sent to ``address``, with the URL's host as ``Host`` and TLS server name."""
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    return client.build_request(
        "GET",
        parts._replace(netloc=netloc).geturl(),
        headers={"Host": parts.netloc.rpartition("@")[2]},
        extensions={"sni_hostname": parts.hostname},
    )


def fetch(url: str, allow_private: bool = False) -> FetchedPage:
    """GET ``url`` following at most MAX_REDIRECTS redirects, each target checked."""
    with httpx.Client(
        follow_redirects=False, timeout=TIMEOUT_SECONDS, headers={"User-Agent": USER_AGENT}, trust_env=False
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            address = check_host(url, allow_private)
            try:
                response = client.send(pinned_request(client, url, address), stream=True)
                try:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise InputFailure(Errors.E014.format(detail=f"HTTP {response.status_code}"))
                    body = _read_capped(response)
                    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    return FetchedPage(url=url, content_type=content_type, body=body)
                finally:
                    response.close()
            except httpx.TimeoutException as exc:
                raise InputFailure(Errors.E014.format(detail=f"timed out after {TIMEOUT_SECONDS:.0f} s")) from exc
            except httpx.HTTPError as exc:
                raise InputFailure(Errors.E014.format(detail=f"{type(exc).__name__}: {exc} (offline?)")) from exc
    raise InputFailure(Errors.E016.format(limit=MAX_REDIRECTS))


def _read_capped(response: httpx.Response) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise InputFailure(Errors.E015.format(limit=MAX_RESPONSE_BYTES / 2**20))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise InputFailure(Errors.E015.format(limit=MAX_RESPONSE_BYTES / 2**20))
        chunks.append(chunk)
    return b"".join(chunks)
