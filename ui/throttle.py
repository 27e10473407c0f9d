"""Slowing down password guessing at gradio's sign-in route (`POST /login`), per client address.

After `attempts` failed sign-ins from one address (within `window` seconds of
each other), that address must wait before trying again: `wait` seconds, then
twice as long after each further failure, up to MAX_WAIT. While it waits, its
sign-ins are answered 429 with a Retry-After header and one sentence, without
looking at the password. A successful sign-in clears the address's record;
other addresses are never affected. Behind a reverse proxy on the same machine,
uvicorn takes the client address from X-Forwarded-For (it trusts 127.0.0.1).
"""

from __future__ import annotations

import json
import math
import threading
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

LOGIN_PATHS = frozenset({"/login", "/login/"})
MAX_WAIT = 3600.0
# Failures further apart than this start the count again.
DEFAULT_WINDOW = 900.0
# Addresses remembered at most; the stalest are dropped first (a flood of addresses can't exhaust memory).
MAX_ADDRESSES = 10_000

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0
    blocked_until: float = 0.0


class LoginThrottle:
    """The bookkeeping, free of HTTP: `check` before a sign-in, then `failed` or `succeeded` after it."""

    def __init__(
        self,
        attempts: int,
        wait: float,
        window: float = DEFAULT_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.attempts = attempts
        self.wait = wait
        self.window = window
        self.clock = clock
        self._failures: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def check(self, address: str) -> float:
        """Seconds `address` must still wait (0 when it may try now)."""
        with self._lock:
            record = self._failures.get(address)
            return max(0.0, record.blocked_until - self.clock()) if record else 0.0

    def failed(self, address: str) -> None:
        now = self.clock()
        with self._lock:
            record = self._failures.pop(address, None) or _Failures()  # re-inserted last: the freshest
            if now - record.last > max(self.window, record.blocked_until - record.last):
                record = _Failures()
            record.count += 1
            record.last = now
            if record.count >= self.attempts:
                record.blocked_until = now + min(self.wait * 2 ** (record.count - self.attempts), MAX_WAIT)
            self._failures[address] = record
            while len(self._failures) > MAX_ADDRESSES:
                del self._failures[next(iter(self._failures))]

    def succeeded(self, address: str) -> None:
        with self._lock:
            self._failures.pop(address, None)


def wait_message(seconds: float) -> str:
    shown = max(1, math.ceil(seconds))
    unit = "second" if shown == 1 else "seconds"
    return f"Too many failed sign-ins from your address; wait {shown} {unit} and try again."


class LoginThrottleMiddleware:
    """ASGI middleware putting a LoginThrottle in front of `POST /login`; every other request passes untouched."""

    def __init__(self, app: ASGIApp, throttle: LoginThrottle) -> None:
        self.app = app
        self.throttle = throttle

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or _route(scope) not in LOGIN_PATHS:
            await self.app(scope, receive, send)
            return
        address = (scope.get("client") or ("unknown", 0))[0]
        waiting = self.throttle.check(address)
        if waiting > 0:
            await _refuse(send, waiting)
            return
        status: list[int] = []

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            await send(message)

        await self.app(scope, receive, watch)
        if status and status[0] == 200:
            self.throttle.succeeded(address)
        elif status and status[0] in (400, 401, 403):  # wrong user or password (gradio answers 400)
            self.throttle.failed(address)


def _route(scope: Scope) -> str:
    path = str(scope.get("path", ""))
    root = str(scope.get("root_path", ""))
    return path[len(root) :] if root and path.startswith(root) else path


async def _refuse(send: Send, seconds: float) -> None:
    body = json.dumps({"detail": wait_message(seconds)}).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(max(1, math.ceil(seconds))).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
