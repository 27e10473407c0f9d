"""Slowing down password guessing at gradio's sign-in route (`POST /login`) and at the JSON API's HTTP Basic
credentials (`/api/...`, ui/rest.py), per client address: both count against one record per address.

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
# The JSON API (ui/rest.py): a request there carrying an Authorization header is a sign-in too; 401 means wrong.
CREDENTIAL_PATH_PREFIX = "/api/"
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
        sign_in = _sign_in(scope)
        if sign_in is None:
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
        if not status:
            return
        refused, accepted = sign_in
        if status[0] in refused:
            self.throttle.failed(address)
        elif status[0] in accepted:
            self.throttle.succeeded(address)


_LOGIN = (frozenset({400, 401, 403}), frozenset({200}))  # wrong user or password: gradio answers 400
# Any answer past the credential check but 401 means they were right (a 400 is about the request's body).
_API_CREDENTIALS = (frozenset({401}), frozenset(range(200, 500)) - {401, 403, 429})


def _sign_in(scope: Scope) -> tuple[frozenset[int], frozenset[int]] | None:
    """(statuses meaning a failed sign-in, statuses meaning a good one) when `scope` is a sign-in attempt, else None."""
    if scope["type"] != "http":
        return None
    route = _route(scope)
    if scope.get("method") == "POST" and route in LOGIN_PATHS:
        return _LOGIN
    if route.startswith(CREDENTIAL_PATH_PREFIX) and any(name == b"authorization" for name, _ in scope.get("headers", ())):
        return _API_CREDENTIALS
    return None


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
