"""Every line of the worked step that says "=" adds up by hand at the digits it shows.

A student checks `delta = 183502 - 0.8 = 183500.8` with a pencil and gets 183501.2: the
line is false as written, whatever a note beside it says about rounding. Here the lines
are read back from the words as a student reads them, worked in exact fractions, and
rounded as a hand rounds (a tie away from zero) to the digits of the result; a line
whose figures do not give its result says "~=" instead.
"""

import re
from fractions import Fraction

import pytest
from gradstep.core.courses import find_lesson
from gradstep.core.history import History
from gradstep.core.lessons import LANGUAGES
from gradstep.core.numbers import rounded_by_hand
from gradstep.tui.words.say import say
from gradstep.tui.words.worked import worked_step
from hypothesis import example, given
from hypothesis import strategies as st

from ..strategies import examples

NUMBER = r"-?\d+(?:\.\d+)?(?:e[+-]\d+)?"
FIGURE = re.compile(rf"(?<![\w.]){NUMBER}")
LIST = re.compile(r"\[([^\]]*)\]")
GRADIENT_LESSONS = ["gradient-descent", "error-curve", "divergence", "alpha", "multi-weight", "freeze-weight",
                    "several-outputs", "weight-matrix"]


def significant(text: str) -> int:
    return len(text.lstrip("-").split("e")[0].replace(".", "").lstrip("0"))


def reads_as(worked: Fraction, result: str) -> bool:
    """Whether `worked` rounds by hand to `result` at the digits it shows (five at least)."""
    digits = max(5, significant(result))
    return worked == Fraction(result) or rounded_by_hand(worked, digits) == rounded_by_hand(Fraction(result), digits)


def figures(text: str) -> list[Fraction]:
    return [Fraction(figure) for figure in re.split(r"[ ,]+", text.strip())]


def worked_by_hand(expression: str, weight_delta: list[Fraction]) -> list[Fraction]:
    """`expression` as the worked step writes it ("(50 - 0.8)^2", "[0.1 0.2] - 0.01 x
    weight_delta", "1.2 x [8.5 0.65]"), worked out exactly, element by element for a list."""
    lists = [figures(found) for found in LIST.findall(expression)]
    size = max([len(values) for values in lists] + [1])
    results = []
    names = iter(range(len(lists)))
    text = LIST.sub(lambda _: f"L{next(names)}", expression)
    text = text.replace("weight_delta", "D").replace(" x ", " * ").replace("^2", " ** 2")
    text = FIGURE.sub(lambda found: f"F('{found[0]}')", text)
    for index in range(size):
        values = {f"L{k}": values[index] for k, values in enumerate(lists)}
        results.append(eval(text, {"F": Fraction, "D": weight_delta[index] if weight_delta else None, **values}))
    return results


def false_lines(lines: list[str], language: str) -> list[str]:
    """The lines that say "=" before a result their figures, worked by hand, do not give."""
    weight_delta: list[Fraction] = []
    wrong = []
    for line in lines:
        english = line.replace(" × ", " x ").replace("权重改变量", "weight_delta")
        parts = english.split(" = ")
        if english.startswith("weight_delta") and LIST.search(english):
            weight_delta = figures(LIST.findall(english)[-1])  # the weights' line goes on from it
        if line[:1] in "(（" or len(parts) < 3 or "overflow" in line:
            continue  # a note; a line marked ~= or a frozen weight's "set to 0 for frozen w1: [...]"
        expression, result = parts[-2], parts[-1]
        if not (LIST.fullmatch(result) or re.fullmatch(NUMBER, result)):
            continue
        texts = re.split(r"[ ,]+", result.strip("[]"))
        worked = worked_by_hand(expression, weight_delta)
        if not all(reads_as(value, text) for value, text in zip(worked, texts, strict=True)):
            wrong.append(line)
    return wrong


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "changes", "steps"), [
    ("gradient-descent", {"inputs": (100.0,), "alpha": 0.01}, 3),  # weight = 4998.5 - 0.01 x 4.9985e+07 = -494852.5
    ("gradient-descent", {"inputs": (37.0,), "alpha": 0.01}, 4),  # 37 x (-1077) = -39850
    ("alpha", {}, 20),  # 0.40001 - 0.1 x 2.4374e-05 = 0.4
    ("divergence", {}, 3),  # 14700.5 - 1 x 1.4702e+06 = -1.4554e+06
])
def test_a_line_whose_figures_do_not_give_its_result_says_about(name, changes, steps, language):
    lines = worked_step(History.start(find_lesson(name).problem.replace(**changes)).jump(steps), language)
    assert false_lines(lines, language) == [], lines
    assert any(say(language, "sign.about") in line for line in lines)
    assert say(language, "worked.shown_digits") in lines


@examples(0.5)
@given(name=st.sampled_from(GRADIENT_LESSONS), scale=st.sampled_from([1.0, 3.7, -23.7, 100.0, 850.0]),
       alpha=st.sampled_from([None, 0.01, 0.0001, 0.000123, 0.5]), steps=st.integers(1, 12),
       language=st.sampled_from(LANGUAGES))
@example(name="gradient-descent", scale=100.0, alpha=0.01, steps=3, language="en")
def test_every_line_that_says_equals_adds_up_by_hand(name, scale, alpha, steps, language):
    """Lessons 3-10 with their inputs scaled (large numbers, diverging runs): no line says "="
    where its figures as shown do not give its result at the digits it shows."""
    problem = find_lesson(name).problem
    changes = {"inputs": tuple(x * scale for x in problem.inputs)}
    if alpha is not None:
        changes["alpha"] = alpha
    history = History.start(problem.replace(**changes))
    for _ in range(steps):
        if not history.can_step:
            break
        history = history.step()
    if history.iteration == 0 or history.divergence is not None:
        return
    for output in range(history.problem.outputs):
        lines = worked_step(history, language, output)
        assert false_lines(lines, language) == [], lines


def _note_follows_its_line(lines: list[str], language: str) -> None:
    """What ~= means is said directly under the first line that writes it (not a note), and
    only where one does; the prediction line above it said a plain "=" (lesson 5's
    "10 x 14700.5 = 147005") and readers searched two pages on for the sign it explained."""
    note, about = say(language, "worked.shown_digits"), say(language, "sign.about").strip()
    marked = [index for index, line in enumerate(lines) if about in line and line[:1] not in "(（"]
    if note in lines:
        assert marked and lines.index(note) == marked[0] + 1, lines
    else:  # where a hair's miss is said under the error line, that note says rounding and f
        assert not marked or any("f" in line for line in lines if line[:1] in "(（"), lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_about_means_is_said_under_the_first_line_that_writes_it(language):
    third = worked_step(History.start(find_lesson("divergence").problem).jump(3), language)
    note = say(language, "worked.shown_digits")
    weight = say(language, "worked.weight", weight="14700.5", alpha="1", weight_delta="1.4702e+06",
                 value="-1.4554e+06", equals=say(language, "sign.about"))
    assert third[-2:] == [weight, note]  # not under "10 x 14700.5 = 147005", two pages before
    for name in GRADIENT_LESSONS:
        history = History.start(find_lesson(name).problem)
        for _ in range(12):
            history = history.step()
            _note_follows_its_line(worked_step(history, language), language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rows", [10, 9])  # the lesson panel at 80x24 after a step; a notice takes a row
def test_the_page_that_shows_a_line_marked_about_shows_what_it_means(language, rows):
    """Paged at the panel's size, the note is on one page with the line it explains."""
    import dataclasses

    from gradstep.core.session import Session
    from gradstep.tui.app.state import AppState
    from gradstep.tui.app.widgets.lesson import cut, paragraphs

    note, about, seen = say(language, "worked.shown_digits"), say(language, "sign.about").strip(), 0
    for name in GRADIENT_LESSONS:
        lesson = find_lesson(name)
        session = Session.begin(dataclasses.replace(lesson, questions=()))
        for _ in range(12):
            session = session.step()
            said = paragraphs(AppState(session, language=language))
            texts = [text for text, _ in said]
            if note not in texts:
                continue
            at = texts.index(note)
            assert about in texts[at - 1]
            wrapped, book = cut(said, 38, rows, language)
            page_of = {(index, row): number for number, page in enumerate(book)
                       for index, start, stop in page for row in range(start, stop)}
            shown = {page_of[(index, row)] for index in (at - 1, at) for row in range(len(wrapped[index][0]))}
            assert len(shown) == 1, (name, session.history.iteration)  # the line and its note, whole
            seen += 1
    assert seen
