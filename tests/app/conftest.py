"""The app tier: in the everyday loop, one test per feature and one case of each.

A Pilot key press costs about 80 ms of Textual's idle checks, so the everyday loop keeps
one test of each feature (the list and the reasons are in tests/conftest.py); a second
test of a feature is marked `slow`. A test run once per lesson, language or key checks
the same code each time; its first case stays in the loop and the others are marked
`slow` here. CI runs every test and every case.
"""

from pathlib import Path

import pytest
import textual.app
import textual.pilot

from . import idle

HERE = Path(__file__).parent


@pytest.fixture(autouse=True, scope="session")
def _pilot_waits_for_idle_every_5_ms():
    """Pilot's idle wait (tests/app/idle.py has why) in place of Textual's, which Pilot's
    press and pause, and the App's key presses for Pilot, import by name. Only where the
    system says how long a thread waited for a CPU: without that a 5 ms look could take a
    starved app for an idle one, and Textual's 20 ms looks stay."""
    if idle.run_queue_delay() is None:
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual.pilot, "wait_for_idle", idle.wait_for_idle)
        patch.setattr(textual.app, "wait_for_idle", idle.wait_for_idle)
        yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The hook sees every test collected, not only this folder's: it marks only those under
    tests/app (by where this file is, not by a folder's name: a checkout can live in ~/app)."""
    seen: set[str] = set()
    for item in items:
        case = getattr(item, "callspec", None)
        if case is None or HERE not in Path(item.fspath).parents:
            continue
        if item.originalname in seen:
            item.add_marker(pytest.mark.slow)
        seen.add(item.originalname)
