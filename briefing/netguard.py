"""Network guards for feed fetching: refuse non-public addresses, redact credentials, cap bytes.

* ``check_url(url, allow)`` resolves the URL's host (every spelling of an address: ``127.1``,
  ``0x7f000001``, ``2130706433``, ``[::ffff:127.0.0.1]``, ``localhost`` ...) and raises
  ``UnsafeURLError`` when any address it resolves to is not public (loopback, private ranges,
  link-local, unspecified, multicast, reserved), unless the host name or the address is on the
  allow-list (``allowed_hosts`` setting: host names and CIDRs, e.g. ``["intranet.example",
  "10.1.0.0/16"]``). It runs for every request, redirects included.
* ``redact(text)`` removes ``user:password@`` from every URL in a text.
* ``CappedDecoder`` decodes ``Content-Encoding`` (gzip/deflate, chained) as it streams, in
  bounded pieces, and raises once the decoded size passes the cap: a gzip bomb never grows
  in memory.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import zlib
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from briefing.errors import FetchError

_CREDENTIALS = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://)[^/@\s?#]*@")
_PIECE = 64 * 1024


class UnsafeURLError(FetchError):
    """A URL points at a non-public address (or is malformed) and was not fetched."""


def redact(text: str) -> str:
    """``text`` with the credentials of every URL in it replaced by nothing."""
    return _CREDENTIALS.sub(r"\1", text) if "@" in text else text


def url_problem(url: str) -> str | None:
    """Why a URL cannot be fetched at all (bad port, no host), or None."""
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError for a port out of range or not a number
    except ValueError as exc:
        return f"InvalidURL: {exc}"
    if parts.scheme not in ("http", "https"):
        return "URL is not http(s)"
    if not parts.hostname:
        return "URL has no host"
    if port == 0:
        return "invalid URL: port 0"
    return None


def _allowed(host: str, addrs: Sequence[ipaddress._BaseAddress], allow: Sequence[str]) -> bool:
    host = host.lower().rstrip(".")
    for entry in allow:
        entry = entry.strip().lower()
        if not entry:
            continue
        if entry == host:
            return True
        try:
            net = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            continue
        if addrs and all(_plain(a) in net for a in addrs):
            return True
    return False


def _plain(addr: ipaddress._BaseAddress) -> ipaddress._BaseAddress:
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return addr.ipv4_mapped
        if addr.sixtofour is not None:
            return addr.sixtofour
    return addr


def is_public(addr: ipaddress._BaseAddress) -> bool:
    a = _plain(addr)
    return bool(a.is_global) and not a.is_multicast and not a.is_unspecified


def resolve(host: str, port: int) -> list[ipaddress._BaseAddress]:
    """Every address ``host`` resolves to (numeric spellings included). Raises UnsafeURLError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError, ValueError) as exc:
        raise UnsafeURLError(f"cannot resolve host {host!r}: {exc}") from None
    out = []
    for info in infos:
        text = info[4][0].split("%", 1)[0]
        try:
            out.append(ipaddress.ip_address(text))
        except ValueError:
            continue
    if not out:
        raise UnsafeURLError(f"host {host!r} has no address")
    return out


def check_url(url: str, allow: Sequence[str] = ()) -> None:
    """Raise UnsafeURLError unless every address ``url``'s host resolves to is public or allowed."""
    problem = url_problem(url)
    if problem:
        raise UnsafeURLError(problem)
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if _allowed(host, (), allow):
        return
    addrs = resolve(host, port)
    if _allowed(host, addrs, allow):
        return
    bad = [a for a in addrs if not is_public(a)]
    if bad:
        raise UnsafeURLError(
            f"refused: {host} resolves to the non-public address {bad[0]} "
            "(add it to allowed_hosts to fetch intranet feeds)"
        )


class CappedDecoder:
    """Decode a response body (Content-Encoding applied in order) within ``max_bytes``."""

    def __init__(self, encodings: str, max_bytes: int):
        names = [e.strip().lower() for e in encodings.split(",") if e.strip()]
        self.layers: list[str] = []
        for name in names:
            if name in ("identity", ""):
                continue
            if name not in ("gzip", "x-gzip", "deflate"):
                raise UnsafeURLError(f"unsupported content encoding {name!r}")
            self.layers.append(name)
        self.max_bytes = max_bytes
        self.size = 0
        # applied in reverse order of the header: the last encoding listed was applied last
        self._objs = [zlib.decompressobj(47) for _ in self.layers]

    def _through(self, i: int, data: bytes) -> Iterator[bytes]:
        if i < 0:
            yield data
            return
        obj = self._objs[i]
        buf = data
        while buf:
            if obj.eof:  # a further gzip member
                buf = obj.unused_data + buf if obj.unused_data else buf
                obj = self._objs[i] = zlib.decompressobj(47)
            try:
                out = obj.decompress(buf, _PIECE)
            except zlib.error as exc:
                raise UnsafeURLError(f"response cannot be decoded: {exc}") from None
            buf = obj.unconsumed_tail
            if out:
                yield from self._through(i - 1, out)
            if obj.eof:
                buf = obj.unused_data
                if buf:
                    obj = self._objs[i] = zlib.decompressobj(47)

    def feed(self, data: bytes) -> list[bytes]:
        pieces = []
        for piece in self._through(len(self._objs) - 1, data):
            self.size += len(piece)
            if self.size > self.max_bytes:
                raise UnsafeURLError(f"response is over the {self.max_bytes} byte limit (decoded)")
            pieces.append(piece)
        return pieces
