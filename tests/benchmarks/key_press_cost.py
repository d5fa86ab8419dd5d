"""What one space press costs in asking which keys work: calls, Sessions built, and time.

    .venv/bin/python tests/benchmarks/key_press_cost.py [--presses N] [--reads N] [--burst N] [--lessons a,b]

Every key asks the App's check_action of every binding (Textual's active_bindings, read by
the key bar to dim keys that would do nothing). If each answer re-derived the policy (locks,
predict mode, refusals), building a Session to see whether building it would raise, a
press cost a couple of hundred checks and dozens of Sessions. This counts, per space press
in the app (80x24, headless, the lesson without its questions, the screen settled after
each press): check_action calls, why_not calls (where the App still has it), computations
of the key policy (core/controller.py, where it exists), Sessions built beyond the one the
step itself makes; then the time of one active_bindings read, median of --reads; then a
burst of --burst presses read together (as over SSH): its CPU time and counts. Figures
are this process's own; the floor beside each is what the press needs at the least.
"""

import argparse
import asyncio
import dataclasses
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.helpers, from a checkout

from gradstep.core.courses import find_lesson  # noqa: E402
from gradstep.core.session import Session  # noqa: E402
from gradstep.tui.app.app import GradstepApp  # noqa: E402
from tests.helpers import press_at_once  # noqa: E402

COUNTED = Counter()
LABELS = ("check_action", "why_not", "policy", "answers", "Session")


def counted(owner: object, name: str, label: str) -> None:
    """Wrap `owner.name` (if it has one) so each call adds to COUNTED[label]."""
    original = getattr(owner, name, None)
    if original is None:
        return

    def wrapper(*args, **kwargs):
        COUNTED[label] += 1
        return original(*args, **kwargs)

    setattr(owner, name, wrapper)


def count_everything() -> None:
    counted(GradstepApp, "check_action", "check_action")
    counted(GradstepApp, "why_not", "why_not")
    counted(Session, "__init__", "Session")
    try:
        from gradstep.core import controller
    except ImportError:
        return
    counted(controller, "moves", "policy")
    counted(controller, "_move", "answers")  # one action's answer worked out
    # The App and line mode import it by name: count theirs too.
    for module in [m for name, m in sys.modules.items() if name.startswith("gradstep.tui")]:
        if getattr(module, "moves", None) is not None and module is not controller:
            counted(module, "moves", "policy")


async def measure(lesson_name: str, presses: int, reads: int, burst: int) -> dict[str, float]:
    lesson = dataclasses.replace(find_lesson(lesson_name), questions=())
    app = GradstepApp(Session.begin(lesson))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        figures = {}
        COUNTED.clear()
        await pilot.press("space")  # the first: the log and the lesson's words come into view
        await pilot.pause()
        for label in LABELS:
            figures[f"first press: {label}"] = COUNTED[label] - (label == "Session")
        COUNTED.clear()
        for _ in range(presses):
            await pilot.press("space")
            await pilot.pause()  # the key bar catches up after the paint
        figures.update({label: COUNTED[label] / presses - (label == "Session") for label in LABELS})  # less the step's own Session
        times = []
        for _ in range(reads):
            start = time.perf_counter()
            app.screen.active_bindings
            times.append(time.perf_counter() - start)
        figures["ms per active_bindings read"] = 1000 * statistics.median(times)
        COUNTED.clear()
        start = time.process_time()
        await press_at_once(pilot, *["space"] * burst)  # read together, as over SSH
        figures[f"burst of {burst}: CPU ms"] = 1000 * (time.process_time() - start)
        for label in ("check_action", "why_not", "answers", "Session"):
            figures[f"burst of {burst}: {label}"] = COUNTED[label] - burst * (label == "Session")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--reads", type=int, default=200)
    parser.add_argument("--burst", type=int, default=300)
    parser.add_argument("--lessons", default="alpha,multi-weight")
    options = parser.parse_args()
    count_everything()
    floors = {"check_action": "bindings a read", "why_not": "0", "policy": "1", "answers": "actions a state",
              "Session": "0", "ms per active_bindings read": "", "CPU ms": ""}
    print(f"per space press, mean of {options.presses} (ms: median of {options.reads} reads)")
    for name in options.lessons.split(","):
        figures = asyncio.run(measure(name, options.presses, options.reads, options.burst))
        print(f"\n{name}")
        for label, value in figures.items():
            print(f"  {label:40} {value:8.2f}   floor {floors[label.split(': ')[-1]]}")


if __name__ == "__main__":
    main()
