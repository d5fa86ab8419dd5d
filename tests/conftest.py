"""The test tiers and what every test shares.

- tests/unit: the learner, the words, the files and the command line, in-process.
- tests/app: the app under Textual's Pilot, and snapshots of its screens.
- tests/terminal: the installed command in a real terminal (tmux, a pty, SSH), marked
  `terminal`: the slow tier, which CI runs with the rest.

The everyday loop is `pytest --everyday`, budgeted at 20 seconds alone on a 2-core machine
(docs/performance.md has its figures): it leaves out the terminal tier and the tests
marked `slow`, and tries each property on a few examples. CI runs everything, each
property on its full count. What is which:

- Everyday: every unit test but the ones below, and one app test per feature (a thing a
  student does or sees: stepping, undo, the rule, the editor, a lock, predictions,
  questions, keys read together, outside text, saving, the hand-in, the room, words that
  fit), the cheapest that shows it, with the first case of a parametrized one.
- Slow, with the reason beside the mark: the exhaustive ones (every lesson, size, theme,
  screen, shape, hostile file or character of Unicode); a second app test of a feature; an
  app test of what a unit test already checks (the App adds only keys to it); a test that
  starts another interpreter, beside the everyday one that does.

Why: an app test pays Pilot's idle checks, ~30 to 80 ms a key (Pilot's `press` waits for
the app to idle after every key, however many one call sends; tests/app/idle.py) and ~0.1 s
an App; a unit test pays a few milliseconds. So a check of pure state is a unit test, an app test reaches the state it
measures with keys read together (`press_at_once`, as SSH delivers them) when how the
keys arrive is not its subject, and a new app test of a feature that has one is `slow`.
"""

import importlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

EVERYDAY = "not terminal and not slow"

# CI's count is Hypothesis's own default; the everyday loop's is a few examples a property,
# enough to catch a property broken everywhere, in a second rather than five.
settings.register_profile("everyday", max_examples=12)


def _scrub_environment() -> None:
    """Forget the runner's colour and Textual settings, so screens do not depend on who tests.

    pytest-textual-snapshot imports Textual before this file, and Textual reads TEXTUAL_*
    when it is imported: after scrubbing, its constants are read again.
    """
    for name in list(os.environ):
        if name.startswith("TEXTUAL_") or name in ("NO_COLOR", "FORCE_COLOR", "COLORTERM"):
            del os.environ[name]
    import textual.constants

    importlib.reload(textual.constants)


_scrub_environment()

HERE = Path(__file__).parent
DATA = HERE / "data"


@pytest.fixture(autouse=True)
def _python_every_student_can_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """gradstep check warns when the Python it runs on is kept from other accounts, as a
    test machine's may be (a pyenv under /root): the warning would be beside every check's
    output. tests/unit/test_install.py tests it on its own."""
    monkeypatch.setattr("gradstep.tui.command.install.kept_from_others", lambda: None)


@pytest.fixture(scope="session")
def reference() -> dict:
    """seed-reference.json, copied from the course spec: the tutorial's own figures."""
    return json.loads((DATA / "seed-reference.json").read_text())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--everyday", action="store_true",
                     help=f"the everyday loop: -m '{EVERYDAY}', each property on a few examples")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("everyday"):
        config.option.markexpr = EVERYDAY
        settings.load_profile("everyday")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The everyday loop leaves the terminal tier out before importing it: every run would
    rewrite its modules' asserts (nothing keeps a rewrite under PYTHONDONTWRITEBYTECODE) and
    import pyte and its helpers, only to deselect every test in it."""
    if config.getoption("everyday") and collection_path == HERE / "terminal":
        return True
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/terminal is the slow tier."""
    for item in items:
        if (HERE / "terminal") in Path(item.fspath).parents:
            item.add_marker(pytest.mark.terminal)
