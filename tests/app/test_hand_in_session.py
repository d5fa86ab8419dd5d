"""The hand-in is the whole session: every lesson opened, every step, guess and answer (a
question asked again after a step back included), whichever way the app ends."""

import csv
import json
import time

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.progress import read_progress
from gradstep.core.session import Session
from gradstep.tui.app.app import GradstepApp
from gradstep.tui.app.screens.ask import QuestionScreen
from gradstep.tui.files.hand_in import HandIn
from gradstep.tui.files.owner import Owner

from ..helpers import SIZE


async def answer(pilot, *keys: str) -> None:
    """Press `keys` at the question on screen, then Enter to close it."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, QuestionScreen)
    await pilot.press(*keys, "enter")
    await pilot.pause()


async def a_session_of_two_lessons(pilot) -> None:
    """measure-error: its first question wrong then right, a step, the second question right;
    back a step and on again, so the second is asked again (wrong, then right); then the
    lesson list, hot-cold, both its questions skipped, and a step."""
    await answer(pilot, *"3", "enter", *"4", "enter")
    await pilot.press("space")
    await answer(pilot, "2")
    await pilot.press("b", "space")
    await answer(pilot, "1", "2")
    await pilot.press("l", "2")
    await answer(pilot, "s")
    await answer(pilot, "s")
    await pilot.press("space")


def rows(path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


@pytest.mark.slow  # twenty keys and two lessons; the everyday hand-in is test_teacher's quit: in CI
@pytest.mark.parametrize("end", ["q", "ctrl+c", "gone"])
async def test_every_lesson_and_every_answer_is_handed_in_at_every_end(tmp_path, end):
    handing_in = HandIn(tmp_path, Owner("ana", "s1", "feed"))
    app = GradstepApp(Session.begin(find_lesson("measure-error")), hand_in=handing_in)
    async with app.run_test(size=SIZE) as pilot:
        await a_session_of_two_lessons(pilot)
        if end == "gone":  # the terminal went away: run() returns and launch saves (a closed tab)
            app.exit()
        else:
            await pilot.press(end)
    if end == "gone":
        assert not app.ended
        app.save_session()
    assert handing_in.paths == [tmp_path / "ana-s1-measure-error-feed.csv", tmp_path / "ana-s1-hot-cold-feed.csv"]
    measured, hot = (rows(path) for path in handing_in.paths)
    assert [(row["kind"], row["iteration"]) for row in measured] == [
        ("answer", "0"), ("answer", "0"), ("step", "0"), ("answer", "1"),
        ("step", "0"), ("answer", "1"), ("answer", "1")]
    answers = [(row["question"], row["answer"] or row["choice"], row["answer_result"], row["attempt"], row["first"])
               for row in measured if row["kind"] == "answer"]
    assert answers == [("1", "3", "wrong", "1", "1"), ("1", "4", "right", "2", "0"),
                       ("2", "no", "right", "1", "1"),
                       ("2", "yes", "wrong", "1", "0"), ("2", "no", "right", "2", "0")]
    assert [(row["kind"], row["answer_result"]) for row in hot] == [("answer", "skipped"), ("answer", "skipped"),
                                                                  ("step", "")]
    progress = read_progress((tmp_path / "ana-s1-feed.progress.json").read_text())
    assert progress.ended and progress.lessons_opened == ("measure-error", "hot-cold")
    assert (progress.lesson, progress.iteration) == ("hot-cold", 1)
    assert (progress.questions_right, progress.questions_asked) == (1, 4)  # first tries only
    assert [(seen.question, seen.answer, seen.first) for seen in progress.answers][:3] == \
           [(1, "3", True), (1, "4", False), (2, "no", True)]


@pytest.mark.slow  # beside the everyday hand-in of a whole session: in CI
async def test_an_answer_with_no_step_is_handed_in(tmp_path):
    """Before, a session that answered a question and took no step handed nothing in."""
    handing_in = HandIn(tmp_path, Owner("bo"))
    app = GradstepApp(Session.begin(find_lesson("measure-error")), hand_in=handing_in)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, *"4", "enter")
        await pilot.press("q")
    [path] = handing_in.paths
    assert [(row["kind"], row["answer"], row["answer_result"]) for row in rows(path)] == [("answer", "4", "right")]


@pytest.mark.slow  # beside the everyday hand-in (test_teacher's quit); the one write a burst is a unit test (test_line_keeping): in CI
async def test_the_progress_file_follows_the_session_at_most_once_a_second(tmp_path, monkeypatch):
    """Kept by the App's one-second timer, not by each key: a burst of steps is one write."""
    writes = []
    import gradstep.tui.files.hand_in as hand_in_module

    real = hand_in_module.replace_progress

    def counted(folder, stem, record):
        writes.append(record)
        return real(folder, stem, record)

    monkeypatch.setattr(hand_in_module, "replace_progress", counted)
    handing_in = HandIn(tmp_path, Owner("cy", id="feed"))
    lesson = find_lesson("alpha")
    from dataclasses import replace

    app = GradstepApp(Session.begin(replace(lesson, questions=())), hand_in=handing_in)
    async with app.run_test(size=SIZE) as pilot:
        # Written once as the session starts: the room sees a student who has not yet
        # pressed a key as started, not as missing from the roster.
        assert [(record["iteration"], record["ended"]) for record in writes] == [(0, False)]
        writes.clear()
        began, before = time.monotonic(), app.last_key
        await pilot.press(*["space"] * 5)
        assert app.last_key > before  # every key is timed as it arrives
        app.keep_up()  # what the timer does each second
        assert len(writes) <= 1 + (time.monotonic() - began) // 1  # five keys: not five writes
        assert writes[-1]["iteration"] == 5 and not writes[-1]["ended"]
        count = len(writes)
        app.keep_up()  # nothing happened since: no write
        assert len(writes) == count
        on_disk = json.loads((tmp_path / "cy-feed.progress.json").read_text())
        assert on_disk["iteration"] == 5 and on_disk["lesson"] == "alpha"
        await pilot.press("q")
    assert writes[-1]["ended"] and len(writes) == count + 1


@pytest.mark.slow  # beside the everyday hand-in; STUCK itself is a unit test (test_room): in CI
async def test_two_wrong_tries_flag_the_student_stuck_while_the_answer_box_is_still_open(tmp_path):
    """Before, the tries reached the journal (and the teacher's desk) only once the student
    closed the answer box: a student staring at the second verdict was not flagged."""
    from gradstep.core.room import STUCK, Seen, flags, stuck_on

    handing_in = HandIn(tmp_path, Owner("dee"))
    app = GradstepApp(Session.begin(find_lesson("measure-error")), hand_in=handing_in)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"3", "enter")
        await pilot.pause()
        first_try = time.time()
        await pilot.press(*"5", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen.answer is not None  # the box is open
        app.keep_up()  # what the one-second timer does
        [path] = tmp_path.glob("*.progress.json")
        progress = read_progress(path.read_text())
        assert [(seen.answer, seen.right, seen.first) for seen in progress.answers] == \
               [("3", False, True), ("5", False, False)]
        assert stuck_on(progress) == [1]
        assert STUCK in flags(Seen("dee", progress, time.time()), time.time())
        tries = [entry.time for entry in app.journal.entries]
        assert len(tries) == 2 and tries[0] <= first_try <= tries[1]  # each try at its own time
        await pilot.press("enter", "space")  # read the answer, step on: no longer stuck
        await pilot.pause()
        app.keep_up()
        progress = read_progress(path.read_text())
        assert progress.iteration == progress.answers[-1].at + 1 and stuck_on(progress) == []
        await pilot.press("s", "enter", "q")  # the next question, skipped and closed
    [handed] = handing_in.paths
    assert [(row["kind"], row["answer"], row["attempt"]) for row in rows(handed) if row["question"] == "1"] == \
           [("answer", "3", "1"), ("answer", "5", "2")]  # noted once each, not again at the close


@pytest.mark.slow  # beside the everyday hand-in (test_teacher's quit): in CI
async def test_a_reset_undone_hands_in_each_step_once(tmp_path):
    """0 (reset) then b (undo it): the run's steps were taken once, and the hand-in and the
    progress file say so (they said `steps 4` of a two-step run)."""
    handing_in = HandIn(tmp_path, Owner("cy", "", "c0ffee"))
    app = GradstepApp(Session.begin(find_lesson("multi-weight")), hand_in=handing_in)
    async with app.run_test(size=SIZE) as pilot:
        await answer(pilot, "s")
        await pilot.press("space", "space", "0", "b")
        await pilot.pause()
        assert app.state.session.history.iteration == 2  # the undo took the student back to where they were
        await pilot.press("q")
    handed = rows(handing_in.paths[0])
    assert [(row["kind"], row["iteration"]) for row in handed if row["kind"] == "step"] == [("step", "0"), ("step", "1")]
