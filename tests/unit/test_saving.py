"""Saves: private to their owner, refused when tampered with, named safely."""

import json
import os
import stat

import pytest
from gradstep.core.history import History, Trajectory
from gradstep.core.courses import course, find_lesson
from gradstep.core.limits import MAX_ITERATIONS
from gradstep.core.questions import RIGHT, Answer
from gradstep.core.refusals import Refusal
from gradstep.core.replay import replay
from gradstep.core.saving import UNDO_KEPT, CorruptSave, load, save, session_data
from gradstep.core.session import Session
from gradstep.tui.files.private import private_folder

from ..helpers import gradstep


@pytest.mark.parametrize("umask", [0o000, 0o002, 0o022, 0o077, 0o277])
def test_saves_are_private_to_their_owner_whatever_the_umask(tmp_path, umask):
    path = tmp_path / "state" / "gradstep" / "session.json"
    path.parent.parent.mkdir()  # the folders above are the user's business
    before = os.umask(umask)
    try:
        save(Session.begin(find_lesson("alpha")).step(), private_folder(path.parent) / path.name)
    finally:
        os.umask(before)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["session.json"]  # no temporary file left


def test_a_tampered_save_is_refused(tmp_path):
    path = tmp_path / "session.json"
    save(Session.begin(find_lesson("alpha")).step().step(), path)
    data = json.loads(path.read_text())
    data["iteration"] = 10**9  # a run no save may ask for: refused before replaying a step
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptSave) as refused:
        load(path)
    assert refused.value.key == "save.too_long"


@pytest.mark.parametrize("name", ["../x", "a/b", "", "x" * 41, "ana smith", ".hidden"])
def test_a_session_name_that_could_leave_the_folder_is_refused(name):
    result = gradstep("--session", name)
    assert result.status == 2 and len(result.err.splitlines()) == 1
    assert "a session name is 1 to 40 letters, digits, - or _" in result.err


def resumed(session: Session, tmp_path) -> Session:
    path = tmp_path / "session.json"
    save(session, path)
    return load(path)[0]


@pytest.mark.parametrize("lesson", course(), ids=lambda lesson: lesson.name)
def test_a_resumed_session_is_the_saved_one_bit_for_bit(lesson, tmp_path):
    session = Session.begin(lesson)
    for _ in range(40):  # the divergence lesson stops at its divergence
        if session.history.can_step:
            session = session.step()
    session = session.with_problem(session.problem)  # an undo chain of one earlier session
    session = session.step().step() if session.history.can_step else session
    again = resumed(session, tmp_path)
    for mine, theirs in ((session, again), (session.before, again.before)):
        assert mine.lesson == theirs.lesson and mine.lesson.texts == theirs.lesson.texts
        assert mine.history.weight_trail.tobytes() == theirs.history.weight_trail.tobytes()
        assert mine.history.errors.tobytes() == theirs.history.errors.tobytes()
        assert (mine.history.divergence is None) == (theirs.history.divergence is None)


def test_a_save_of_the_first_format_still_loads(tmp_path):
    lesson = find_lesson("alpha")
    texts = {language: {"title": text.title, "summary": text.summary, "teaches": text.teaches, "notice": ""}
             for language, text in lesson.texts.items()}
    first = {"name": "alpha", "source": "course", "tutorial_steps": 70, "texts": texts,
             "problem": {"weights": [0.5], "inputs": [2.0], "goal": 0.8, "method": "gd", "alpha": 0.1,
                         "step_amount": 0.1}}
    data = {"format": 1, "lesson": first, "problem": first["problem"], "iteration": 3,
            "log": {"weights": [], "predictions": [], "errors": []},  # no longer read
            "before": [{"lesson": first, "problem": first["problem"], "iteration": 1}], "view": {"language": "zh"}}
    path = tmp_path / "session.json"
    path.write_text(json.dumps(data))
    session, view = load(path)
    assert (session.lesson.name, session.history.iteration, session.before.history.iteration) == ("alpha", 3, 1)
    assert session.lesson.text("en").title == "Alpha tames the step" and view == {"language": "zh"}


def run_at(problem, iterations: int) -> History:
    """The run of `problem` at `iterations`, computed fast (the NumPy rules take ~100 us a step)."""
    trajectory = Trajectory(problem)
    trajectory.store(*replay(problem, iterations))
    return History(trajectory).jump(iterations)


def test_the_undo_chain_saved_fits_the_iterations_a_save_replays():
    session = Session.begin(find_lesson("alpha"))
    for iterations in (10, 60_000, 39_998, 3):  # oldest first
        session = Session(session.lesson, run_at(session.problem, iterations), session.before)
        session = session.with_problem(session.problem)
    data = session_data(session)
    assert [entry["iteration"] for entry in data["before"]] == [3, 39_998]  # 60,000 more would not fit
    for _ in range(2 * UNDO_KEPT):
        session = session.with_problem(session.problem)
    assert len(session_data(session)["before"]) == UNDO_KEPT


def test_a_run_stops_at_the_most_iterations_a_run_keeps():
    history = run_at(find_lesson("alpha").problem, MAX_ITERATIONS).jump(MAX_ITERATIONS + 5)
    session = Session(find_lesson("alpha"), history)
    assert session.history.iteration == MAX_ITERATIONS and not session.history.can_step
    with pytest.raises(Refusal) as refused:
        session.step()
    assert refused.value.key == "run.longest"
    assert session.step_back().step().history.iteration == MAX_ITERATIONS


def test_a_lesson_answered_beyond_the_undo_kept_keeps_its_answers_after_a_resume(tmp_path):
    """A newcomer answered hot and cold's questions, changed things in the next lesson more
    often than a save keeps for undo, resumed, and went back: the questions were asked again,
    and the keys typed ahead landed in the answer box."""
    hot_cold, next_lesson = find_lesson("hot-cold"), find_lesson("gradient-descent")
    session = Session.begin(find_lesson("measure-error")).with_lesson(hot_cold)
    while (index := session.pending_question()) is not None:
        question = hot_cold.questions[index]
        session = session.answered(Answer(index, question.at, question.answer, RIGHT, 1))
    answers = session.answers
    session = session.step().with_lesson(next_lesson)
    for _ in range(2 * UNDO_KEPT):
        session = session.with_rate(+1).with_rate(-1)
    path = tmp_path / "session.json"
    save(session, path)
    resumed, _ = load(path)
    back = resumed.with_lesson(hot_cold)
    assert back.answers == answers and back.pending_question() is None
    assert len(json.loads(path.read_text())["before"]) == UNDO_KEPT + 1  # hot and cold's start, past the undo kept
