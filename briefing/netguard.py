"""Network guards for feed fetching: refuse non-public addresses, redact credentials, cap bytes.

* ``check_url(url, allow)`` resolves the URL's host (every spelling of an address: ``127.1``,
  ``0x7f000001``, ``2130706433``, ``[::ffff:127.0.0.1]``, ``localhost`` ...) and raises
  ``UnsafeURLError`` when any address it resolves to is not public (loopback, private ranges,
  link-local, unspecified, multicast, reserved), unless the host name or the address is on the
  allow-list (``allowed_hosts`` setting: host names and CIDRs, e.g. ``["intranet.example",
  "10.1.0.0/16"]``). It runs for every request, redirects included.
* ``PinnedBackend`` (an httpcore network backend) makes the connection go to the very address
  that was checked: the request hook records the checked addresses per host (``AddressPins``)
  and the connection is opened to one of them, never to a fresh look-up, so a name that
  resolves to a public address when checked and to 127.0.0.1 a moment later (DNS rebinding)
  still reaches only the checked public address. A host with no recorded check is resolved
  and checked at connect time. TLS still uses the host name (SNI, certificate) and the Host
  header is the URL's.
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


def check_url(url: str, allow: Sequence[str] = (), pins: AddressPins | None = None) -> list[str]:
    """Raise UnsafeURLError unless every address ``url``'s host resolves to is public or allowed.
    Returns the addresses checked ([] for a host allowed by name); with ``pins``, records them
    as the only addresses a connection to that host may use."""
    problem = url_problem(url)
    if problem:
        raise UnsafeURLError(problem)
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addrs = checked_addresses(host, port, allow)
    if pins is not None and addrs:
        pins.pin(host, addrs)
    return addrs


def checked_addresses(host: str, port: int, allow: Sequence[str] = ()) -> list[str]:
    """The addresses of host, each one checked (UnsafeURLError unless all are public or
    allowed); [] for a host allowed by name (it is not looked up here)."""
    if _allowed(host, (), allow):
        return []
    addrs = resolve(host, port)
    if not _allowed(host, addrs, allow):
        bad = [a for a in addrs if not is_public(a)]
        if bad:
            raise UnsafeURLError(
                f"refused: {host} resolves to the non-public address {bad[0]} "
                "(add it to allowed_hosts to fetch intranet feeds)"
            )
    return list(dict.fromkeys(str(a) for a in addrs))


class AddressPins:
    """Host name -> the addresses its last check approved (shared by a request hook and the
    connections it guards)."""

    def __init__(self) -> None:
        self._pins: dict[str, tuple[str, ...]] = {}

    @staticmethod
    def _key(host: str) -> str:
        return host.lower().rstrip(".").strip("[]")

    def pin(self, host: str, addrs: Sequence[str]) -> None:
        self._pins[self._key(host)] = tuple(addrs)

    def get(self, host: str) -> tuple[str, ...]:
        return self._pins.get(self._key(host), ())


class PinnedBackend:
    """An httpcore network backend that connects only to checked addresses (see the module
    docstring); everything else is the wrapped backend's (httpcore's default when None)."""

    def __init__(self, pins: AddressPins, allow: Sequence[str] = (), inner: object = None):
        if inner is None:
            from httpcore._backends.auto import AutoBackend

            inner = AutoBackend()
        self.pins = pins
        self.allow = tuple(allow)
        self.inner = inner
        self.connected: list[tuple[str, int]] = []  # (address, port) of each connection opened

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: object = None) -> object:
        import asyncio

        addrs = list(self.pins.get(host))
        if not addrs:  # no check recorded for this host: resolve and check it now
            addrs = await asyncio.get_running_loop().run_in_executor(
                None, checked_addresses, host.strip("[]"), port, self.allow
            )
        if not addrs:  # a host allowed by name: connect to what it resolves to
            stream = await self.inner.connect_tcp(  # type: ignore[attr-defined]
                host, port, timeout=timeout, local_address=local_address, socket_options=socket_options
            )
            self.connected.append((host, port))
            return stream
        error: Exception | None = None
        for addr in addrs:
            try:
                stream = await self.inner.connect_tcp(  # type: ignore[attr-defined]
                    addr, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except OSError as exc:
                error = exc
                continue
            except Exception as exc:  # httpcore.ConnectError and friends: try the next address
                error = exc
                continue
            self.connected.append((addr, port))
            return stream
        assert error is not None
        raise error

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: object = None) -> object:
        raise UnsafeURLError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)  # type: ignore[attr-defined]


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
