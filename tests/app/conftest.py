"""The app tier: in the everyday loop, one case of each parametrised test.

A test run once per lesson, language or key checks the same code each time; its first
case keeps the everyday loop honest in seconds, and CI runs every case (they are marked
`slow`, like the exhaustive modules).
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
