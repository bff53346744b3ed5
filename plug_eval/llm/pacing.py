"""How fast and how far a run goes: the budget, the window of calls in flight, the status line.

* :class:`Budget` -- spent + reserved never exceeds ``--max-cost``: each call reserves its bound first;
* :class:`Window` -- how many calls may be in flight now (AIMD between 1 and ``--concurrency``);
* :class:`Progress` -- one status line on stderr.
"""

from __future__ import annotations

import asyncio
import time
from typing import TextIO


class Budget:
    """Spent + reserved never exceeds the limit: each call reserves its maximum cost first."""

    def __init__(self, limit: float | None, spent: float = 0.0) -> None:
        self.limit = limit
        self.spent = spent  #: what was spent before this run counts too: a budget is per store
        self.reserved = 0.0
        self.in_flight = 0
        self._changed = asyncio.Condition()

    async def reserve(self, amount: float) -> bool:
        """Wait until ``amount`` fits; False when it cannot fit even with nothing in flight."""
        async with self._changed:
            while self.limit is not None and self.spent + self.reserved + amount > self.limit:
                if self.in_flight == 0:
                    return False
                await self._changed.wait()
            self.reserved += amount
            self.in_flight += 1
            return True

    async def settle(self, amount: float, actual: float | None) -> None:
        async with self._changed:
            self.reserved -= amount
            self.in_flight -= 1
            self.spent += amount if actual is None else actual  # unknown usage: assume the maximum
            self._changed.notify_all()


class Window:
    """How many calls may be in flight now: additive increase, multiplicative decrease, up to
    ``--concurrency``.

    A provider's API absorbs any concurrency, but a server of the user's (``--base-url``) may
    answer one request at a time while the rest wait in its queue, where they can reach the
    attempt timeout before the server starts on them; their retries then queue behind requests
    nobody waits for any more.  So on such a server the window starts at 1.  After each round
    (as many replies as the window holds) it grows (doubling at first, then by one) only if the
    round's slowest reply, scaled to the larger window as if the server answered one at a time,
    stays under half the timeout; a timeout or a 429 halves it.  A server that answers in
    parallel keeps its replies quick and the window grows to ``--concurrency``; one that answers
    one at a time keeps its last queued request at about half the timeout or less.  Time spent
    waiting for a place in the window is not attempt time.
    """

    def __init__(self, limit: int, timeout: float, *, elastic: bool) -> None:
        self.limit, self.timeout = max(1, limit), timeout
        self.size = self.limit if elastic else 1
        self.active = 0
        self.doubling = not elastic
        self.replies, self.slowest = 0, 0.0  #: this round's replies and its slowest one
        self.lowered = 0  #: how many times timeouts or rate limits halved it
        self._changed = asyncio.Condition()

    async def acquire(self) -> None:
        async with self._changed:
            while self.active >= self.size:
                await self._changed.wait()
            self.active += 1

    async def release(self, latency: float, signal: str | None) -> None:
        """One attempt ended: ``signal`` is ``timeout`` or ``rate`` (too much), ``reply``, or None."""
        async with self._changed:
            self.active -= 1
            if signal in ("timeout", "rate"):
                self.size, self.doubling, self.replies, self.slowest = max(1, self.size // 2), False, 0, 0.0
                self.lowered += 1
            elif signal == "reply":
                self.replies, self.slowest = self.replies + 1, max(self.slowest, latency)
                if self.replies >= self.size:
                    self._grow()
            self._changed.notify_all()

    def _grow(self) -> None:
        larger = min(self.limit, self.size * 2 if self.doubling else self.size + 1)
        if self.slowest * larger / self.size < self.timeout / 2:
            self.size = larger
        else:
            self.doubling = False
        self.replies, self.slowest = 0, 0.0


class Progress:
    """One status line on stderr: done/total, calls per second, ETA, cost and errors by kind so far,
    the attempts that timed out (retried or not), and the window when a slow server lowered it.

    The first line is printed when the run starts; a terminal then redraws every 0.2 s, a log gets
    a line per 10% at most every 2 s, and the last one.
    """

    def __init__(self, total: int, stream: TextIO | None, what: str = "calls") -> None:
        self.total, self.stream, self.what, self.done, self.cost = total, stream, what, 0, 0.0
        self.start = time.monotonic()
        self.tty = stream is not None and stream.isatty()
        self._last = 0.0
        self._next_pct = 10
        self.errors: dict[str, int] = {}
        self.timeouts = 0  #: attempts that ran past --timeout
        self.window: Window | None = None
        self._show(self.start, final=False)

    def timed_out(self) -> None:
        """One attempt ran past the timeout: counted on the line at once."""
        self.timeouts += 1
        self._show(time.monotonic(), final=False)

    def update(self, cost: float | None, error_kind: str | None = None) -> None:
        self.done += 1
        self.cost += cost or 0.0
        if error_kind is not None:
            self.errors[error_kind] = self.errors.get(error_kind, 0) + 1
        now = time.monotonic()
        pct = 100 * self.done // max(self.total, 1)
        due = now - self._last > 0.2 if self.tty else (pct >= self._next_pct and now - self._last > 2)
        if self.stream is None or not (due or self.done == self.total):
            return
        self._next_pct = pct // 10 * 10 + 10
        self._show(now, final=self.done == self.total)

    def _show(self, now: float, final: bool) -> None:
        if self.stream is None:
            return
        self._last = now
        pct = 100 * self.done // max(self.total, 1)
        rate = self.done / max(now - self.start, 1e-9)
        eta = f"{int((self.total - self.done) / rate) // 60}:{int((self.total - self.done) / rate) % 60:02d}" \
            if rate else "?"
        bar = "#" * (pct // 5) + "-" * (20 - pct // 5)
        errors = ", ".join(f"{k} {n}" for k, n in sorted(self.errors.items()))
        line = (f"{self.what} [{bar}] {self.done}/{self.total} {rate:.1f} calls/s "
                f"ETA {eta} ${self.cost:.4f} errors {sum(self.errors.values())}" + (f" ({errors})" if errors else ""))
        if self.timeouts:
            line += f" timeouts {self.timeouts}"
        if self.window is not None and self.window.lowered:
            line += f" concurrency {self.window.size}/{self.window.limit} (lowered: the server is slow)"
        end = "\n" if not self.tty or final else ""
        print(("\r" if self.tty else "") + line, end=end, file=self.stream, flush=True)


