"""The app tier: in the everyday loop, one test per feature and one case of each.

A Pilot key press costs tens of milliseconds of Textual's idle checks, so the everyday
loop keeps one test of each feature (stepping, undo, the rule, the editor, predictions,
questions, outside text, saving, the teacher's hand-in, words that fit); a second test of
a feature is marked `slow`. A test run once per lesson, language or key checks the same
code each time; its first case stays in the loop and the others are marked `slow` here.
CI runs every test and every case.
"""

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    seen: set[str] = set()
    for item in items:
        case = getattr(item, "callspec", None)
        if case is None or "/app/" not in str(item.fspath):
            continue
        if item.originalname in seen:
            item.add_marker(pytest.mark.slow)
        seen.add(item.originalname)
