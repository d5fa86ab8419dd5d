"""What the key bar calls a key: the mode it would switch to, as the panels say it."""

import dataclasses

import pytest

from gradstep.core.courses import course, find_lesson
from gradstep.core.session import Session
from gradstep.tui.app.state import AppState
from gradstep.tui.app.widgets.key_bar import label
from gradstep.tui.words.say import say


@pytest.mark.parametrize(("language", "shown", "rounded"), [("en", "exact", "rounded"), ("zh", "精确", "舍入")])
def test_f_is_labelled_by_the_digits_it_would_switch_to(language, shown, rounded):
    """With every digit showing, the log's title said "f goes back" ("按 f 返回") while the
    key bar still offered "f exact" ("f 精确"), the mode already on."""
    state = AppState(Session.begin(find_lesson("gradient-descent")), language=language)
    assert say(language, label(state, "key.exact")) == shown
    assert say(language, label(state.replace(exact=True), "key.exact")) == rounded


@pytest.mark.parametrize(("language", "freeze", "unfreeze"), [("en", "freeze", "unfreeze"), ("zh", "冻结", "解冻")])
def test_z_is_labelled_by_what_it_would_do_to_the_weight_the_chart_follows(language, freeze, unfreeze):
    """Lesson 8's chart follows w1, which is frozen, and the key bar offered "z freeze"
    ("z 冻结"): pressed, it unfroze w1."""
    state = AppState(Session.begin(find_lesson("freeze-weight")), language=language)
    frozen = state.session.problem.frozen
    assert state.followed in frozen
    assert say(language, label(state, "key.freeze")) == unfreeze
    learning = next(index for index in range(state.session.problem.size) if index not in frozen)
    assert say(language, label(state.replace(selected=learning), "key.freeze")) == freeze


def test_in_predict_mode_the_bar_needs_t_the_way_out_of_it():
    """Lesson 4 in predict mode: after the first guess the crowded bar dropped 't guess off',
    and nothing on screen said how to leave predict mode."""
    from gradstep.tui.app.widgets.key_bar import needed

    state = AppState(Session.begin(find_lesson("error-curve")))
    assert "predict" not in needed(state) and "predict" in needed(state.replace(predicting=True))


def _screens(name: str):
    """Lesson `name`'s states as a student meets them: its own numbers, every alpha the
    +/- keys reach (the ones that diverge among them), the other rule, where the lesson
    allows them; at iterations 0 to 12 and 300."""
    from gradstep.core.problem import InvalidProblem
    from gradstep.core.refusals import Refusal

    session = Session.begin(find_lesson(name))
    sessions = [session]
    try:
        sessions.append(session.with_other_rule())
    except (InvalidProblem, Refusal):
        pass  # several weights or outputs learn by gradient descent only
    for direction in (1, -1):
        rated = session
        for _ in range(6):
            try:
                rated = rated.with_rate(direction)
            except Refusal:
                break  # the lesson only measures, or the last rung
            sessions.append(rated)
    for each in sessions:
        for iteration in (*range(13), 300):  # 300: past where a diverging run stops
            yield AppState(dataclasses.replace(each, history=each.history.jump(iteration)))


# Every lesson's screens in both languages, some 0.2 s a case: lesson 5 (diverges at once) in the
# everyday loop, the rest in CI.
EVERY_LESSON_IN_CI = [name if name == "divergence" else pytest.param(name, marks=pytest.mark.slow)
                      for name in (lesson.name for lesson in course())]


@pytest.mark.parametrize("language", ["en", pytest.param("zh", marks=pytest.mark.slow)])
@pytest.mark.parametrize("name", EVERY_LESSON_IN_CI)
def test_the_bar_offers_an_edit_wherever_the_screen_says_the_run_diverges_or_is_on_its_goal(name, language):
    """Lessons 3, 5, 6, 7, 9 and 10 said "gradient descent; run diverges" over the
    parameters, and lesson 3 landed on its goal (steps to go 0), with no e on the bar: the
    README says e shows where the run diverges, has ended or is on its goal, or the lesson
    only measures. Read from the words on screen, not from the rule the bar uses."""
    from gradstep.core.problem import MEASURE
    from gradstep.tui.app.widgets.key_bar import needed
    from gradstep.tui.app.widgets.parameters import parameters_title
    from gradstep.tui.words.readout import readout_lines

    whole = say(language, "to_go.error")
    on_goal = {say(language, "exactly_zero", error=whole), say(language, "at_goal"), say(language, "at_goal_region"),
               say(language, "below_tolerance", error=whole, tolerance="0.000001")}
    edits = set()
    for state in _screens(name):
        history = state.session.history
        diverges = say(language, "run.diverges") in parameters_title(history, language, 80)
        arrived = bool(on_goal & set(readout_lines(history, language)))
        ended = history.divergence is not None or not history.can_step
        measures = history.problem.method == MEASURE
        offered = "edit" in needed(state)
        if diverges or arrived or ended or measures:
            assert offered, (history.problem, history.iteration)
        edits.add(offered)
    assert edits == {True, False}  # not on every screen, only where it is invited (lesson 1: m's gradient descent)
