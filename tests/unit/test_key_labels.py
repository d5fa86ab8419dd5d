"""What the key bar calls a key: the mode it would switch to, as the panels say it."""

import pytest

from gradstep.core.courses import find_lesson
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
