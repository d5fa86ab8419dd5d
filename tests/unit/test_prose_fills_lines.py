"""A line of prose is never left short for a word that fits it.

The worked step's story read "This step took the" / "error 225 -> 2.2052e+06: x 9801, ..."
at the panel's 38 cells: "error" was glued to its figure as though 225 named it ("error 3",
lesson 9's third output), so the formula began with a word of the prose, and kept whole it
took that word to the next line. A figure an arrow follows is a value, not a name: the
prose fills its line and the formula still is never broken inside."""

import re

import pytest
from gradstep.core.courses import course
from gradstep.core.history import History
from gradstep.tui.words.prose import commentary, opening
from gradstep.tui.words.wrap import OPERATORS, wrap, width

WIDTHS = (38, 78)  # the worked step's panel at 80x24, and the lesson panel's


def early_breaks(text: str, columns: int) -> list[tuple[str, str]]:
    """Pairs of lines where the second begins with a word of prose that fits the first: a
    word not followed by an operator ("r = ...", "alpha x ...": a formula's start) nor by
    a figure that names it ("output 1:", "error 3 =")."""
    lines = wrap(text, columns)
    found = []
    for line, after in zip(lines, lines[1:]):
        words = after.split()
        if not words or not re.fullmatch(r"[A-Za-z]+'?s?[,.;:]?", words[0]):
            continue
        following = words[1] if len(words) > 1 else ""
        if following in OPERATORS or (re.match(r"-?\d", following) and following[-1:] in ":=" or
                                      len(words) > 2 and re.match(r"-?\d", following) and words[2] in ("=", ":")):
            continue
        if width(line) + 1 + width(words[0]) <= columns:
            found.append((line, after))
    return found


def told(lesson, language: str) -> list[str]:
    start = History.start(lesson.problem)
    said = list(opening(lesson, start, language))
    for steps in (1, 2, 3):
        said += commentary(start.jump(steps), language)
    return said


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("lesson", course(), ids=lambda lesson: lesson.name)
def test_every_lesson_and_story_fills_its_lines(lesson, language):
    early = [pair for text in told(lesson, language) for columns in WIDTHS for pair in early_breaks(text, columns)]
    assert not early, early


@pytest.mark.parametrize(("text", "columns", "lines"), [
    ("This step took the error 225 -> 2.2052e+06: x 9801, which is r^2 = (-99)^2, as r = -99.", 38,
     ["This step took the error", "225 -> 2.2052e+06: x 9801, which is", "r^2 = (-99)^2, as r = -99."]),
    ("This step took output 1's error 0.009025 -> 0.0082785: x 0.91729.", 38,
     ["This step took output 1's error", "0.009025 -> 0.0082785: x 0.91729."]),
    ("error 3 = (0.10526 - 0.1)^2 = 2.7689e-05", 20, ["error 3", "= (0.10526 - 0.1)^2", "  = 2.7689e-05"]),
])
def test_a_figure_an_arrow_follows_is_a_value_not_a_name(text, columns, lines):
    assert wrap(text, columns) == lines
