"""uvicorn's HTTP protocol with two changes: Nagle's algorithm off, and a deadline for reading each request.

`uvicorn --workers N` binds the listening socket itself without naming the TCP protocol, so asyncio
does not set TCP_NODELAY on accepted connections; each small response then waits for the client's
delayed ACK. Measured on loopback with 2 workers: GET /healthz p50 44 ms without this, 2 ms with it
(docs/benchmarks.md, "HTTP /match").

uvicorn closes a connection that stays idle between requests (`timeout_keep_alive`), but any byte
resets that timer, and a new connection that sends nothing has none: a client sending its headers a
byte at a time holds a connection for ever. Here a connection has `read_timeout_seconds` (a setting,
30 s by default) from its opening, or from the first byte of each later request, to send the whole
request; past it the connection is answered 408 (when no response started) and closed, with a log line.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
from functools import cache

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("creatormatch.api")

_RECEIVED = (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR)
_TIMEOUT_RESPONSE = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


@cache
def read_timeout_seconds() -> float:
    """The setting `CREATORMATCH_READ_TIMEOUT_SECONDS` (read once per process)."""
    from api.settings import Settings

    return float(Settings().read_timeout_seconds)


class ServingH11Protocol(H11Protocol):
    """H11Protocol with TCP_NODELAY on its socket and a deadline for receiving each request."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Turn Nagle's algorithm off, let uvicorn take the connection, and start the first request's clock."""
        connection = transport.get_extra_info("socket")
        if connection is not None and connection.family in (socket.AF_INET, socket.AF_INET6):
            # a socket that cannot take the option still serves, only slower
            with contextlib.suppress(OSError):
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._read_deadline: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        self._arm()  # a new connection must send its first request in time

    def data_received(self, data: bytes) -> None:
        """Feed uvicorn, then start the clock at a request's first byte and stop it once the request is in."""
        super().data_received(data)
        their_state = self.conn.their_state
        if their_state in _RECEIVED:
            self._disarm()
        elif their_state is h11.SEND_BODY or self.conn.trailing_data[0]:
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        """Drop the clock with the connection."""
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._read_deadline is None:
            self._read_deadline = self.loop.call_later(read_timeout_seconds(), self._expired)

    def _disarm(self) -> None:
        if self._read_deadline is not None:
            self._read_deadline.cancel()
            self._read_deadline = None

    def _expired(self) -> None:
        self._read_deadline = None
        if self.transport.is_closing() or self.conn.their_state in _RECEIVED:
            return
        started = self.cycle is not None and self.cycle.response_started
        client = f"{self.client[0]}:{self.client[1]}" if self.client else None
        log.warning(json.dumps({"event": "request_timeout", "status": 408, "client": client,
                                "waited_seconds": read_timeout_seconds(),
                                "stage": "body" if self.conn.their_state is h11.SEND_BODY else "headers"}))
        if not started:
            self.transport.write(_TIMEOUT_RESPONSE)
        self.transport.close()
