"""The sum of the squared inputs is written as a sum, in ASCII-safe words.

With several inputs r = 1 - alpha x (x1^2 + x2^2 + ...). The course wrote it "input^2"
(输入^2) and added that input^2 "means" the sum: a Chinese walker read 输入^2 as one input
squared, where a textbook writes Σ输入². Σ and ² are not for terminals without UTF-8, so
the words name it: "sum of input^2", "输入平方和"."""

import re

import pytest
from gradstep.core.courses import course
from gradstep.tui.words.catalogue import SENTENCES

SQUARED = {"en": "input^2", "zh": "输入^2"}
SUM = {"en": "sum of input^2", "zh": "输入平方和"}
# input^2 said to stand for the sum: the one name for two things
REDEFINED = {"en": re.compile(r"input\^2 (is|being|means) the sum|inputs input\^2"),
             "zh": re.compile(r"输入\^2 ?(指|是|换成)")}


def texts(lesson, language):
    words = lesson.texts.get(language)
    yield from (text for text in vars(words).values() if text) if words else ()
    for question in lesson.questions:
        asked = question.texts.get(language)
        yield from (text for text in vars(asked).values() if isinstance(text, str) and text) if asked else ()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_lesson_of_several_inputs_writes_their_squares_as_a_sum(language):
    several = [lesson for lesson in course() if len(lesson.problem.inputs) > 1]
    assert {lesson.name for lesson in several} >= {"multi-weight", "freeze-weight", "weight-matrix"}
    for lesson in several:
        for text in texts(lesson, language):
            assert SQUARED[language] not in text.replace(SUM[language], ""), (lesson.name, text)
    assert any(SUM[language] in text for lesson in several for text in texts(lesson, language))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_sentence_makes_input_squared_stand_for_the_sum(language):
    said = [text for text in SENTENCES[language].values() if isinstance(text, str)]
    said += [text for lesson in course() for text in texts(lesson, language)]
    assert not [text for text in said if REDEFINED[language].search(text)]
    for term in ("term.r.text", "term.best_alpha.text", "term.edge.text"):  # the help: one input, then several
        assert SUM[language] in SENTENCES[language][term]


def test_the_sum_needs_no_glyph_a_plain_terminal_lacks():
    """English is what a terminal without UTF-8 shows (the language's fallback): ASCII."""
    assert SUM["en"].isascii()
    assert all(text.isascii() for text in SENTENCES["en"].values() if isinstance(text, str))
