"""Whatever output the worked step's heading names, the lines under it speak of that output.

Lesson 9 with every goal set to its start output: output 3's goal of 0.585 leaves a rounding
hair of 1.2326e-32 in the error sum, and under "output 2 of 3" the story said "the error
rests at 1.2326e-32", output 3's hair, though output 2 stood exactly on its goal."""

import pytest

from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.lessons import LANGUAGES
from gradstep.core.numbers import readable
from gradstep.tui.words.prose import commentary
from gradstep.tui.words.say import say
from gradstep.tui.words.worked import worked_step

ON_START = (0.195, 0.13, 0.585)  # 0.65 x (0.3, 0.2, 0.9), as a student types them


def on_goal_history(steps: int) -> History:
    problem = find_lesson("several-outputs").problem.replace(goal=ON_START)
    return History.start(problem).jump(steps)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("output", [0, 1, 2])
@pytest.mark.parametrize("steps", [1, 5])
def test_the_story_under_an_outputs_heading_tells_that_outputs_error(language, output, steps):
    history = on_goal_history(steps)
    errors = history.record(0).errors  # every output's own: nothing moves
    assert errors[0] == errors[1] == 0 < errors[2]  # the hair is output 3's alone
    heading = worked_step(history, language, output)[0]
    assert say(language, "worked.output", iteration=steps - 1, next=steps, output=output + 1, outputs=3) == heading
    story = " ".join(commentary(history, language, output=output))
    assert say(language, "whose.output_error", output=output + 1) in story
    others = {readable(error) for index, error in enumerate(errors) if index != output} - {readable(errors[output]), "0"}
    assert not [figure for figure in others if figure in story], story  # "0" is in "iteration 0" too
    assert errors[output] == 0 or readable(errors[output]) in story
    own = say(language, "story.on_goal", iteration=0, whose=say(language, "whose.output_error", output=output + 1))
    assert (own in story) == (errors[output] == 0)
