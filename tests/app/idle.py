"""Pilot's wait for the app to be idle, looking every 5 ms rather than Textual's 20 ms, and
not fooled by a shared machine.

Pilot waits after every key, and at every `pause`, until the app is idle: Textual's own test
(textual/_wait.py) sleeps 20 ms at a time until the process used under 1/20 of a CPU in one
such look, so a key costs two looks or more (~80 ms) however little work it made. This test
asks the same question every 5 ms, and two more, so a shorter look is no less sure:

- whether the process was kept off a CPU for part of the look (the run queue delay in
  /proc/thread-self/schedstat), as other work on a busy machine keeps it: an app waiting for
  a CPU uses none, and would pass for idle however much work it had left;
- whether Textual holds work back on a timer that a 20 ms look used to outlast: a resize it
  gathers for 1/120 s before the screen hears of it, updates held in a batch, and the current
  screen's layout, repaint or recompose, done on its update timer (1/60 s) after the app idles.

Idle is then what it was, a look in which the app used under 1/20 of a CPU, and one in
which Textual holds nothing back for later.
"""

import asyncio
import time

from textual._context import active_app

LOOK = 0.005  # seconds a look
BUSY = LOOK / 20  # CPU seconds in a look above which the app was still working (Textual's ratio)
KEPT_OFF = LOOK / 2  # seconds of a look spent waiting for a CPU, beyond which it tells nothing


def run_queue_delay() -> float | None:
    """Seconds this thread has waited for a CPU so far (None where the system does not say:
    not Linux, or a kernel without schedstats)."""
    try:
        with open("/proc/thread-self/schedstat") as stats:
            return int(stats.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def held_back() -> bool:
    """Whether the running app holds a resize, a batch of updates, or its screen's layout,
    scroll, repaint or recompose for a timer (Textual's own flags, textual==8.2.8 pinned)."""
    try:
        app = active_app.get()
        screen = app.screen
    except Exception:  # no app, or no screen yet: nothing held
        return False
    if not app.is_running:  # a key ended it (q, Ctrl-C): its timers will never fire
        return False
    return bool(app._resize_event is not None or app._resize_timer is not None or app._batch_count
                or screen._layout_required or screen._scroll_required or screen._repaint_required
                or screen._recompose_required or screen._dirty_widgets)


async def wait_for_idle(min_sleep: float = LOOK, max_sleep: float = 1) -> None:
    """As textual._wait.wait_for_idle, whose place it takes in Pilot: until a look after
    `min_sleep` finds the app idle, or `max_sleep` has passed."""
    start = time.monotonic()
    while True:
        cpu, delay = time.process_time(), run_queue_delay() or 0.0
        await asyncio.sleep(LOOK)
        working = time.process_time() - cpu >= BUSY
        kept_off = (run_queue_delay() or 0.0) - delay >= KEPT_OFF
        elapsed = time.monotonic() - start
        if elapsed >= max_sleep:
            break
        if elapsed > min_sleep and not working and not kept_off and not held_back():
            break
