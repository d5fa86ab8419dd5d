"""Keys read together act exactly as the same keys typed one at a time, on every screen.

Over SSH several keys often arrive in one read. Random keys, over the lesson, the editor,
a question, a guess, the help and the lesson list, are written to the installed command's
pty in random pieces (one byte a write up to all in one), each piece handled before the
next is written; beside it, the same keys go to a second copy one byte at a time. Both
must end on the same screen (every field of the editor, the answer box, the notice) and,
once ended, with the same saved session.
"""

import json
import signal
import tempfile
import threading
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from .pseudo_terminal import PseudoTerminal
from .tmux import GRADSTEP

# Every key a byte, as a terminal sends it. No p: play steps on a clock. Between them: the
# lesson's keys; e, t (then space), ? and l open the editor, a guess, the help and the
# list; digits, ".", "-", Backspace, Tab and Enter fill them in; Escape closes them (read
# with the key after it, it was taken for Alt and that key, and both were lost).
KEYS = [b" ", b"n", b"b", b"0", b"1", b"2", b"5", b".", b"-", b"+", b"m", b"g", b"w", b"v", b"f",
        b"e", b"t", b"?", b"l", b"s", b"\r", b"\x7f", b"\t", b"\x1b"]


def pieces(keys: bytes, cuts: set[int]) -> list[bytes]:
    """`keys` cut before each index in `cuts`."""
    ends = sorted(cuts) + [len(keys)]
    starts = [0] + ends[:-1]
    return [keys[start:end] for start, end in zip(starts, ends)]


def typed_in(chunks: list[bytes], folder: Path, ended: dict[str, object], name: str) -> None:
    """Start gradstep (a lesson whose first question opens at once), write `chunks` a write
    each, waiting until each is handled; then read the screen, end it (SIGTERM saves) and
    read the saved session, into `ended[name]` (or what went wrong: this runs in a thread)."""
    state = folder / name
    term = PseudoTerminal([GRADSTEP, "--lesson", "gradient-descent"], {"XDG_STATE_HOME": str(state),
                                                                        "HOME": str(folder)})
    try:
        term.settle(0)  # drawn, and the terminal in raw mode: a byte written before is read another way
        term.wait_until_idle()
        for chunk in chunks:
            term.type(chunk)
            term.wait_until_idle()
        screen = term.screen()
        term.process.send_signal(signal.SIGTERM)
        assert term.wait() == 0
        saved = json.loads((state / "gradstep" / "session.json").read_text())
        saved.pop("saved")  # the time
        saved["view"].pop("run")  # each run's own random id (hand-ins and progress files name it)
        ended[name] = (screen, saved)
    except BaseException as error:  # pytest.fail's too: handed to the test's own thread
        ended[name] = error
    finally:
        term.close()


@settings(max_examples=20, deadline=None)
@given(keys=st.lists(st.sampled_from(KEYS), min_size=1, max_size=24).map(b"".join), data=st.data())
def test_keys_in_any_pieces_end_as_keys_typed_one_at_a_time(keys, data):
    cuts = data.draw(st.sets(st.integers(1, max(1, len(keys) - 1))), label="cuts") if len(keys) > 1 else set()
    ended: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="gradstep-keys-") as folder:
        runs = [threading.Thread(target=typed_in, args=(chunks, Path(folder), ended, name))
                for name, chunks in (("one by one", [bytes([key]) for key in keys]),
                                     ("in pieces", pieces(keys, cuts)))]
        for run in runs:
            run.start()
        for run in runs:
            run.join()
    for run in ended.values():
        if isinstance(run, BaseException):
            raise run
    (screen, saved), (screen_in_pieces, saved_in_pieces) = ended["one by one"], ended["in pieces"]
    assert screen_in_pieces == screen
    assert saved_in_pieces == saved


def test_spaces_read_with_the_step_that_opens_a_question_are_counted_aloud():
    """Lesson 4 over a slow link: five spaces in one read ran two steps, opened the question
    and the others vanished without a word. The question says each space it did not step
    for, counted, in the installed command with the bytes in one write."""
    with tempfile.TemporaryDirectory(prefix="gradstep-keys-") as folder:
        term = PseudoTerminal([GRADSTEP, "--lesson", "error-curve"], {"XDG_STATE_HOME": folder, "HOME": folder})
        try:
            term.settle(0)
            term.wait_until_idle()
            for chunk in (b"s", b"\r", b" "):  # the question before the lesson skipped; iteration 1
                term.type(chunk)
                term.wait_until_idle()
            term.type(b"     ")  # one read: the first space steps to iteration 2 and asks
            term.wait_until_idle()
            screen = "".join("".join(term.screen()).replace("│", "").split())
            assert "(pressed4times,notused)" in screen, term.screen()
            assert "iteration2" in screen, term.screen()
        finally:
            term.close()
