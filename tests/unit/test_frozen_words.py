"""A frozen weight's weight_delta, told one way on every panel.

The core works weight_delta = delta x input out for every weight, then sets a frozen
weight's to 0 (core.rules, np.where(learns, ...)), so the weight does not move. A Chinese
walker met three stories on lesson 8: the lesson said its 权重改变量 "是 0", the help defined
权重改变量 as 差值 × 输入, and the worked step said it is replaced ("取 0"). Every sentence
that speaks of freezing says "set to 0" / "改为 0", and the help's definition says so too.
"""

import re

import numpy as np
import pytest
from gradstep.core.courses import course, find_lesson
from gradstep.core.rules import gradient_descent_step
from gradstep.tui.words.catalogue import SENTENCES

FREEZING = {"en": re.compile(r"frozen|freez", re.IGNORECASE), "zh": re.compile("冻结")}
WEIGHT_DELTA = {"en": "weight_delta", "zh": "权重改变量"}
SET_TO_0 = {"en": "set to 0", "zh": "改为 0"}
# A frozen weight's weight_delta said to BE 0 (as though delta x input made it so), or zeroed in other words
OTHER_WAYS = {"en": re.compile(r"weight_delta is 0|but 0 for frozen|weight_delta to freeze"),
              "zh": re.compile(r"权重改变量(是|为) ?0|取 ?0|可以冻结的权重改变量")}
DEFINED = {"en": "delta x input", "zh": "差值 × 输入"}


def sentences(language: str):
    """Every sentence of the catalogue and of the course's lessons and questions, in `language`."""
    yield from ((key, text) for key, text in SENTENCES[language].items() if isinstance(text, str))
    for lesson in course():
        words = lesson.texts.get(language)
        if words:
            yield from ((f"{lesson.name}.{field}", text) for field, text in vars(words).items() if text)
        for number, question in enumerate(lesson.questions):
            asked = question.texts.get(language)
            if asked:
                yield from ((f"{lesson.name}.q{number}.{field}", text) for field, text in vars(asked).items()
                            if isinstance(text, str))


def test_the_core_sets_a_frozen_weights_worked_out_weight_delta_to_0():
    """What the words below say, in the core's own numbers: lesson 8's first step."""
    problem = find_lesson("freeze-weight").problem
    inputs, weights = np.array(problem.inputs), np.array(problem.weights)
    learns = np.array([index not in problem.frozen for index in range(problem.size)])
    step = gradient_descent_step(weights, inputs, problem.goals[0], problem.alpha, 0, learns)
    assert step.delta * inputs[0] == pytest.approx(-1.19) and step.weight_delta[0] == 0
    assert step.weights_after[0] == weights[0] and list(step.weight_delta[1:]) == list(step.delta * inputs[1:])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_sentence_on_freezing_says_its_weight_delta_is_set_to_0(language):
    told = [(key, text) for key, text in sentences(language) if FREEZING[language].search(text)]
    assert told, "no sentence speaks of freezing"
    other = [key for key, text in told if OTHER_WAYS[language].search(text)]
    assert not other, f"a frozen weight's weight_delta told another way in {other}"
    about_it = [key for key, text in told if WEIGHT_DELTA[language] in text and SET_TO_0[language] not in text
                and "delta x 0" not in text and "差值 × 0" not in text]
    assert not about_it, f"freezing and weight_delta without 'set to 0' in {about_it}"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_help_and_lesson_8_define_it_as_delta_x_input_then_set_to_0(language):
    definition = SENTENCES[language]["term.weight_delta.text"]
    assert definition.startswith(DEFINED[language]) and SET_TO_0[language] in definition
    teaches = find_lesson("freeze-weight").text(language).teaches
    assert DEFINED[language] in teaches and SET_TO_0[language] in teaches
