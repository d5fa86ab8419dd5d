"""One growth factor is written one way on every panel.

A diverging lesson 10 said "x 2.06e+04, about r^2" in the story under the worked step and
"grows 20600.5-fold" in the lesson's text beside it: the story wrote the factor at four
digits (e-notation), the opening as not_falsely_whole writes r^2."""

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.lessons import LANGUAGES
from gradstep.tui.words.figures import not_falsely_whole, r_value
from gradstep.tui.words.prose import commentary, opening

DIVERGING = [("weight-matrix", {"inputs": (85.0, 0.65, 1.2), "alpha": 0.02}),
             ("divergence", {"inputs": (15.0,)}),
             ("multi-weight", {"inputs": (85.0, 65.0, 1.2)})]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "changes"), DIVERGING)
def test_the_storys_factor_is_written_as_the_openings(name, changes, language):
    lesson = find_lesson(name)
    problem = lesson.problem.replace(**changes)
    r = r_value(problem if problem.outputs == 1 else problem.output_problem(0))
    fold = not_falsely_whole(r * r)
    assert r * r > 100 and "e" not in fold  # diverging, and below a million: written plainly
    told = " ".join(opening(lesson, History.start(problem), language))
    story = " ".join(commentary(History.start(problem).jump(2), language))
    assert fold in told, told
    assert fold in story, story
