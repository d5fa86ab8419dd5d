"""The key policy (core/controller.py): what each action would do, or the refusal that says why not."""

import dataclasses

from gradstep.core.controller import ACTIONS, check_edit, moves, named
from gradstep.core.courses import find_lesson
from gradstep.core.limits import LARGEST_RATE
from gradstep.core.refusals import Refusal
from gradstep.core.session import Session


def start(name: str, **changes) -> Session:
    return Session.begin(dataclasses.replace(find_lesson(name), questions=(), **changes))


def refusal(session: Session, action: str, **facts) -> tuple[str, dict] | None:
    said = moves(session, **facts)[action].refusal
    return None if said is None else (said.key, said.values)


def test_every_action_is_answered_and_a_binding_names_its_own():
    assert set(moves(start("alpha"))) == set(ACTIONS)
    assert named("rate", (1,)) == "rate(1)" and named("rate", (-1,)) == "rate(-1)" and named("step", ()) == "step"


def test_play_is_refused_in_predict_mode_and_where_the_run_can_go_no_further_but_pausing_never_is():
    session = start("alpha")
    assert refusal(session, "play", predicting=True) == ("predict.no_play", {})
    diverged = start("divergence")
    diverged = dataclasses.replace(diverged, history=diverged.history.jump(1000))
    assert refusal(diverged, "play") == ("play.diverged", {})
    assert refusal(diverged, "play", playing=True) is None  # p pauses
    assert refusal(diverged, "step") == ("cannot_step", {})
    landed = session.with_rate(1).with_rate(1)  # alpha 0.25: r = 0, the first step lands
    assert landed.problem.alpha == 0.25
    landed = dataclasses.replace(landed, history=landed.history.jump(3))
    assert refusal(landed, "play") == ("play.landed", {"iteration": 1})


def test_a_change_of_problem_is_decided_by_its_problem_and_builds_no_session(monkeypatch):
    session = start("multi-weight")
    built = []
    original = Session.__init__
    monkeypatch.setattr(Session, "__init__", lambda self, *a, **k: built.append(1) or original(self, *a, **k))
    answered = moves(session, followed=2)
    assert built == []
    assert answered["rate(1)"].problem == session.with_rate(1).problem
    assert answered["freeze"].problem.frozen == (2,)
    assert answered["rule"].refusal.key == "problem.hot_cold_one_weight"  # several weights: gradient descent only
    assert answered["rule"].refusal.field == "method"


def test_the_teachers_lock_is_the_reason_before_any_other():
    at_the_top = start("alpha", locked=("rate",)).with_problem(find_lesson("alpha").problem.replace(alpha=LARGEST_RATE))
    assert refusal(at_the_top, "rate(1)") == ("locked.rate", {"by": "locked_by.course"})
    assert refusal(start("multi-weight", locked=("edit",)), "freeze") == ("locked.edit", {"by": "locked_by.course"})
    assert refusal(start("alpha", locked=("predict",)), "predict") == ("locked.predict", {"by": "locked_by.course"})


def test_weight_keys_beyond_the_problems_weights_are_not_offered_and_back_at_the_start_has_nothing():
    answered = moves(start("multi-weight"))
    assert [answered[f"select({index})"].offered for index in range(4)] == [True, True, True, False]
    assert answered["back"].refusal.key == "nothing_to_undo"
    assert not answered["select(3)"].allowed and answered["select(2)"].allowed


def test_each_answer_is_worked_out_when_first_asked_for_and_once(monkeypatch):
    """Keys read together ask only for the key pressed, of states the screen never shows: a
    burst of 300 steps worked out every answer of every state (6,000, twice the CPU time)."""
    session = start("alpha")
    rated = []
    original = Session.rated
    monkeypatch.setattr(Session, "rated", lambda self, direction: rated.append(direction) or original(self, direction))
    answered = moves(session)
    assert answered["step"].allowed and rated == []
    assert dict(answered)["rate(1)"].problem.alpha == 0.2 and sorted(rated) == [-1, 1]
    answered["rate(1)"], answered["rate(-1)"]
    assert sorted(rated) == [-1, 1]


def test_a_refusal_kept_for_the_key_bar_holds_no_frames():
    """A Move keeps why a key would do nothing, not where that was found: the traceback held
    every frame up to the event loop (the key bar's binding map among them) in a cycle that
    only the collector's full pass frees, some 0.4 MB more in each student's process."""
    answered = moves(start("alpha"))
    refused = [answered[action].refusal for action in ("freeze", "back")]
    assert [said.key for said in refused] == ["freeze.one_weight", "nothing_to_undo"]
    assert all(said.__traceback__ is None for said in refused)


def test_an_edit_is_refused_at_the_first_field_a_lock_holds_and_any_other_goes_through():
    lesson = find_lesson("hot-cold")  # the course locks m here: gradient descent is lesson 3's
    problem = lesson.problem
    assert "rule" in lesson.locked
    try:
        check_edit(lesson, problem, dataclasses.replace(problem, method="gd"))
    except Refusal as refusal:
        assert (refusal.key, refusal.field) == ("locked.rule", "method")
    else:
        raise AssertionError("typing gd into the rule field went round m's lock")
    check_edit(lesson, problem, dataclasses.replace(problem, goal=0.5))  # no lock holds the goal
    unlocked = dataclasses.replace(lesson, locked=())
    check_edit(unlocked, problem, dataclasses.replace(problem, method="gd"))
