"""uvicorn's HTTP protocol with Nagle's algorithm off on every connection, however the socket was made.

`uvicorn --workers N` binds the listening socket itself without naming the TCP protocol, so asyncio
does not set TCP_NODELAY on accepted connections; each small response then waits for the client's
delayed ACK. Measured on loopback with 2 workers: GET /healthz p50 44 ms without this, 2 ms with it
(docs/benchmarks.md, "HTTP /match").
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayH11Protocol(H11Protocol):
    """H11Protocol that sets TCP_NODELAY on its connection's socket."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Turn Nagle's algorithm off, then let uvicorn take the connection."""
        connection = transport.get_extra_info("socket")
        if connection is not None and connection.family in (socket.AF_INET, socket.AF_INET6):
            # a socket that cannot take the option still serves, only slower
            with contextlib.suppress(OSError):
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
