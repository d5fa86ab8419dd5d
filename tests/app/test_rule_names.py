"""A rule is named by its name in a sentence, by its code only where the student types codes.

Chinese lesson 10's m read "规则：3 个输出只能用梯度下降（gd）来学": an English code name
inside a Chinese sentence, where nothing asks the student to type it.
"""

import re

import pytest
from gradstep.core.problem import GRADIENT_DESCENT, METHODS, InvalidProblem
from gradstep.core.courses import find_lesson
from gradstep.tui.words.prose import refused
from gradstep.tui.words.say import explain

from tests.helpers import app_for, gradstep

CODES = re.compile(r"(?<![\w-])(" + "|".join(re.escape(method) for method in METHODS) + r")(?![\w-])")
# Every refusal a rule, or a frozen weight with another rule, can meet in the app
RULE_REFUSALS = [InvalidProblem("problem.outputs_need_gd", field="method", outputs=3),
                 InvalidProblem("problem.hot_cold_one_weight", field="method", size=3),
                 InvalidProblem("problem.frozen_needs_gd", field="frozen")]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("refusal", RULE_REFUSALS, ids=lambda refusal: refusal.key)
def test_the_apps_refusals_name_a_rule_without_its_code(refusal, language):
    lesson = find_lesson("weight-matrix")
    assert CODES.findall(refused(refusal, lesson, lesson.problem, language)) == []
    said = explain(language, refusal)  # the command line's, where --method takes the code
    assert CODES.findall(said) == ([] if refusal.key == "problem.frozen_needs_gd" else [GRADIENT_DESCENT]), said


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_m_in_lesson_10_names_the_rule_in_the_students_words(language):
    app = app_for("weight-matrix", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        notice = app.state.notice
        assert notice and CODES.findall(notice) == [], notice
        assert ("梯度下降" if language == "zh" else "gradient descent") in notice


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_command_line_names_the_code_it_takes(language):
    result = gradstep("--lesson", "weight-matrix", "--method", "hot-cold", "--lang", language)
    assert result.status == 2
    assert "(gd)" in result.err or "（gd）" in result.err, result.err
