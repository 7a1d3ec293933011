"""The serving protocol on a real socket: a client that sends its request too slowly is answered 408 and
dropped; a client that keeps a connection alive, or waits on a slow answer, is not."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from api.transport import ServingH11Protocol, read_timeout_seconds

TIMEOUT = 1.0


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Echoes the body length; '/slow' takes 1.5 timeouts to answer."""
    if scope["type"] != "http":
        return
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    if scope["path"] == "/slow":
        await asyncio.sleep(TIMEOUT * 1.5)
    body = str(size).encode()
    headers = [(b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@pytest.fixture
def port(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("CREATORMATCH_READ_TIMEOUT_SECONDS", str(TIMEOUT))
    read_timeout_seconds.cache_clear()  # the setting is read once per process
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free, http=ServingH11Protocol,
                                           log_config=None, access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.02)
    yield free
    server.should_exit = True
    thread.join(timeout=30)
    read_timeout_seconds.cache_clear()


def _read_all(connection: socket.socket, limit: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes, and how long that took."""
    started = time.monotonic()
    connection.settimeout(limit)
    data = b""
    while True:
        chunk = connection.recv(4096)
        if not chunk:
            return data, time.monotonic() - started
        data += chunk


def test_an_idle_new_connection_is_closed_with_a_408(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as connection:
        data, waited = _read_all(connection, 10)
    assert data.startswith(b"HTTP/1.1 408") and TIMEOUT * 0.8 <= waited < TIMEOUT * 3


def test_headers_sent_a_byte_at_a_time_are_cut_off(port: int) -> None:
    request = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100 + b"\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port)) as connection:
        started = time.monotonic()
        sent = 0
        try:
            for byte in request:
                connection.sendall(bytes([byte]))
                sent += 1
                time.sleep(TIMEOUT / 8)  # every byte well within the time, the whole far past it
        except OSError:
            pass  # closed under us
        data, _ = _read_all(connection, 10)
        elapsed = time.monotonic() - started
    assert sent < len(request) and elapsed < TIMEOUT * 4
    assert data.startswith(b"HTTP/1.1 408")


def test_a_body_that_stops_arriving_is_cut_off(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + b"x" * 10)
        data, waited = _read_all(connection, 10)
    assert data.startswith(b"HTTP/1.1 408") and waited < TIMEOUT * 3


def _response(connection: socket.socket) -> tuple[bytes, bytes]:
    """One whole response on a kept-alive connection: its status line and its body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        assert chunk, "closed before the response"
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(
        b"content-length"))
    while len(body) < length:
        body += connection.recv(4096)
    return head.split(b"\r\n")[0], body


def test_keep_alive_requests_and_slow_answers_are_not_cut_off(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.settimeout(10)
        for _ in range(3):  # three requests on one connection, spaced out over more than the timeout
            connection.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
            assert _response(connection) == (b"HTTP/1.1 200 OK", b"3")
            time.sleep(TIMEOUT * 0.6)
        # the deadline covers receiving the request, not the answer: a slow answer still comes
        connection.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        assert _response(connection) == (b"HTTP/1.1 200 OK", b"0")
