"""What tests share: running the command in-process, starting the app, reading its screen."""

import dataclasses
import io
import unicodedata
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from gradstep.core.history import History
from gradstep.core.courses import find_lesson
from gradstep.core.session import Session
from gradstep.tui.__main__ import main
from textual import events
from textual.app import App
from textual.keys import _character_to_key, _get_unicode_name_from_key

SIZE = (80, 24)  # the smallest window gradstep promises to fit


@dataclass
class Result:
    status: int
    out: str
    err: str


def gradstep(*argv: str) -> Result:
    """Run the `gradstep` command in this process and capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exit:  # argparse exits on a bad flag
            status = exit.code
    return Result(status, out.getvalue(), err.getvalue())


def taken(steps: int) -> str:
    """What the status line says after `steps` steps."""
    return "1 step taken" if steps == 1 else f"{steps} steps taken"


def app_for(name: str = "alpha", questions: bool = False, **options):
    """The app at the start of course lesson `name` (no save path: tests write no saves);
    without the lesson's questions unless asked for, so keys reach the lesson itself."""
    from gradstep.tui.app.app import GradstepApp

    lesson = find_lesson(name)
    return GradstepApp(Session.begin(lesson if questions else dataclasses.replace(lesson, questions=())), **options)


def same_state(history: History, other: History) -> bool:
    """Exactly the same place: iteration, weights bit for bit, the same log."""
    return (history.iteration == other.iteration
            and history.weights.tobytes() == other.weights.tobytes()
            and history.errors.tobytes() == other.errors.tobytes())


def screen_text(app: App) -> str:
    """Every cell of the current screen (modal screens included), one line a row."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "\n".join("".join(strip.text for strip in line) for line in update.strips)


async def resize(pilot, width: int, height: int) -> None:
    """Resize the terminal and wait until the screen has taken the size: Textual handles a
    resize once the App is idle, after Pilot's own wait may have ended."""
    await pilot.resize_terminal(width, height)
    for _ in range(100):  # a few pauses at most; a hundred means the resize was lost
        if tuple(pilot.app.screen.size) == (width, height):
            return
        await pilot.pause()
    raise AssertionError(f"the screen never took the size {width}x{height}")


def non_ascii(text: str) -> set[str]:
    """The characters a terminal without Unicode could not show."""
    return {char for char in text if ord(char) > 126 and char != "\n"}


def run_summary(out: str) -> str:
    """The sentence after `gradstep run`'s text table, its wrapped lines joined (the table's
    lines begin with a space: they are right-aligned)."""
    return " ".join(line for line in out.splitlines() if line and not line.startswith(" "))


async def settle(pilot) -> None:
    """Until every queued key is handled and the screen has drawn the result."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def key_event(key: str) -> events.Key:
    """The event Pilot makes for `key`, a key's name or a character ("space", "b", ".")."""
    typed = key if len(key) == 1 else None  # a character: what the terminal sends with it
    if typed is not None and not key.isalnum():
        key = _character_to_key(key)
    try:
        character = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:  # a name Textual spells its own way, such as "fullwidth_full_stop"
        character = typed
    return events.Key(key, character)


async def press_at_once(pilot, *keys: str) -> None:
    """Press `keys` as a burst that arrives in one read, as held keys and slow links
    deliver them, then wait once: Pilot's own `press` waits for the app to idle after
    every key (tens of milliseconds each). A burst that opens or closes screens waits
    for them on its way: `settle` after it, before reading the screen."""
    for key in keys:
        pilot.app.post_message(key_event(key))
    await pilot.pause()  # after the keys in the App's queue, then until the app idles


def progress_file(folder, name: str, now: float = 1_800_000_000.0, idle: float = 0.0, **fields):
    """Write `<name>.progress.json` into `folder` as a session would: the contract's record
    with ordinary values, `fields` changed, its last key `idle` seconds before `now`."""
    from gradstep.core.progress import progress_record, write_progress

    record = dict(account=name.partition("-")[0], session="", lesson="alpha", lessons_opened=["alpha"], iteration=3,
                  error=0.25, predictions_right=0, predictions=0, questions_right=0, questions_asked=0,
                  answers=[], last_key=now - idle, diverged=False, ended=False, updated=now) | fields
    path = folder / f"{name}.progress.json"
    path.write_text(write_progress(progress_record(**record)), encoding="utf-8")
    return path


def named_by_file(status, name: str) -> str:
    """The student a test's progress file stands for, from its name (`ana-1.progress.json`
    is ana's): a test cannot give files to other accounts, so the folder's owner lookup is
    swapped for this one."""
    return name.partition("-")[0].removesuffix(".progress.json")
