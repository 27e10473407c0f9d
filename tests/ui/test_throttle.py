"""The sign-in throttle's bookkeeping (ui/throttle.py), on a clock the test moves by hand."""

from __future__ import annotations

import pytest

from ui.throttle import MAX_ADDRESSES, MAX_WAIT, LoginThrottle, wait_message


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def clock() -> Clock:
    return Clock()


def test_an_address_waits_after_its_allowed_failures_and_each_further_one_doubles_the_wait(clock: Clock) -> None:
    throttle = LoginThrottle(attempts=3, wait=10.0, window=900.0, clock=clock)
    for _ in range(2):
        throttle.failed("203.0.113.7")
        assert throttle.check("203.0.113.7") == 0
    throttle.failed("203.0.113.7")
    assert throttle.check("203.0.113.7") == 10.0
    assert throttle.check("198.51.100.2") == 0  # other addresses are not affected
    clock.now += 10.0
    assert throttle.check("203.0.113.7") == 0
    throttle.failed("203.0.113.7")
    assert throttle.check("203.0.113.7") == 20.0
    clock.now += 20.0
    throttle.failed("203.0.113.7")
    assert throttle.check("203.0.113.7") == 40.0


def test_the_wait_is_capped_and_a_success_or_a_quiet_window_clears_the_count(clock: Clock) -> None:
    throttle = LoginThrottle(attempts=1, wait=100.0, window=900.0, clock=clock)
    for _ in range(12):
        throttle.failed("203.0.113.7")
        clock.now += throttle.check("203.0.113.7")
    throttle.failed("203.0.113.7")
    assert throttle.check("203.0.113.7") == MAX_WAIT
    throttle.succeeded("203.0.113.7")
    assert throttle.check("203.0.113.7") == 0

    throttle = LoginThrottle(attempts=2, wait=5.0, window=60.0, clock=clock)
    throttle.failed("203.0.113.7")
    clock.now += 61.0  # longer than the window since the last failure: start again
    throttle.failed("203.0.113.7")
    assert throttle.check("203.0.113.7") == 0


def test_a_flood_of_addresses_is_bounded(clock: Clock) -> None:
    throttle = LoginThrottle(attempts=1, wait=5.0, clock=clock)
    for n in range(MAX_ADDRESSES + 50):
        throttle.failed(f"10.{n // 65536}.{n // 256 % 256}.{n % 256}")
    assert len(throttle._failures) == MAX_ADDRESSES
    assert throttle.check("10.0.0.0") == 0 and throttle.check(f"10.0.{(MAX_ADDRESSES + 49) // 256}.{(MAX_ADDRESSES + 49) % 256}") == 5.0


def test_the_wait_is_said_in_whole_seconds() -> None:
    assert wait_message(0.2) == "Too many failed sign-ins from your address; wait 1 second and try again."
    assert wait_message(29.1) == "Too many failed sign-ins from your address; wait 30 seconds and try again."
