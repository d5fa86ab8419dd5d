"""The line breaker every panel and line mode use: English at spaces, Chinese between
characters, punctuation never at the wrong end of a line, formulas whole where they fit."""

import re
import sys

import pytest
from gradstep.tui.words import wrap as breaker
from gradstep.tui.words.wrap import CLOSING, OPENING, width, wrap, wrap_entries
from hypothesis import given
from hypothesis import strategies as st

CHINESE = ("alpha 是学习率，它缩放每一步，所以 r = 1 - alpha × 输入^2。输入为 2 时，alpha = 1 会得到 r = -3。"
           "最佳 alpha 是 1/输入^2 = 1/2^2 = 0.25：r = 0，一步到位。稳定的边界是 2/输入^2 = 2/2^2 = 0.5：r = -1，"
           "永远来回振荡；再大就会发散。这里 r = 1 - 0.1 × 2^2 = 0.6。（见帮助）")


def test_widths_count_chinese_as_two_cells():
    assert width("abc") == 3 and width("误差") == 4 and width("误差 0.01，") == 11


def test_english_breaks_at_spaces_only():
    assert wrap("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"]


def test_chinese_breaks_between_characters_and_fills_each_line():
    lines = wrap("梯度下降让误差本身决定每一步的方向和大小", 10)
    assert lines == ["梯度下降让", "误差本身决", "定每一步的", "方向和大小"]
    assert all(width(line) == 10 for line in lines)


@pytest.mark.parametrize("columns", range(12, 61))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(columns):
    lines = wrap(CHINESE, columns)
    assert "".join(lines).replace(" ", "") == CHINESE.replace(" ", "")  # nothing lost
    for line in lines:
        assert line and line[0] not in CLOSING and line[-1] not in OPENING, line
        assert width(line) <= columns


@pytest.mark.parametrize("columns", range(25, 41))  # the formula and the 。 that must not start a line
def test_a_short_formula_stays_on_one_line_where_it_fits(columns):
    lines = wrap(CHINESE, columns)
    assert any("r = 1 - 0.1 × 2^2 = 0.6" in line for line in lines)
    assert any("-alpha x weight_delta" in line for line in wrap("the weight moves by -alpha x weight_delta.", columns))


def test_a_formula_longer_than_a_line_breaks_before_its_operators_with_a_hanging_indent():
    """Before every operator but a minus, which ends its line instead (as TeX breaks after a
    binary operator): "  - 0.1" at a line's start reads as a list's bullet."""
    assert wrap("r = 1 - 0.1 x 2^2 = 0.6", 10) == ["r = 1 -", "  0.1", "  x 2^2", "  = 0.6"]
    assert wrap("r = 1 - 0.1 x 2^2 = 0.6", 14) == ["r = 1 -", "  0.1 x 2^2", "  = 0.6"]  # a term whole


def test_a_word_longer_than_a_line_is_cut_where_it_must_be():
    assert wrap("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_newlines_start_new_lines():
    assert wrap("one\ntwo three", 20) == ["one", "two three"]


@given(st.text(alphabet="ab 误差，。（）=x1", max_size=60), st.integers(4, 30))
def test_any_text_wraps_within_the_width_and_keeps_every_character(text, columns):
    lines = wrap(text, columns)
    assert all(width(line) <= columns for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_entries_stay_whole_and_apart_by_their_gap():
    entries = ["回车或 n：走一步", "b：后退", "0：重置", "+ -：alpha", "m：规则", "t：先猜后看", "l：课程", "q：退出"]
    assert wrap_entries(entries, 80) == ["回车或 n：走一步  b：后退  0：重置  + -：alpha  m：规则  t：先猜后看  l：课程",
                                         "q：退出"]
    assert wrap_entries(["Enter or n: step", "+ -: alpha", "q: quit"], 20) == ["Enter or n: step", "+ -: alpha  q: quit"]
    assert wrap_entries(["一个比一行还长的条目", "q：退出"], 10) == ["一个比一行", "还长的条目", "q：退出"]


def test_a_full_stop_between_two_formulas_ends_the_first_which_stays_whole():
    text = "所以 r = 1 - 0.01 × 74.1125 = 0.258875。0 < r < 1：每一步差值都缩小"
    for columns in (36, 38, 40):
        lines = wrap(text, columns)
        assert any("r = 1 - 0.01 × 74.1125 = 0.258875" in line for line in lines), lines


def test_a_figure_that_ends_a_paragraph_stays_with_its_word():
    """A question's first line left "iteration" at the end of one line and "0" alone below."""
    text = "weights 0.1 0.2 -0.1, inputs 8.5 0.65 1.2, goal 1, alpha 0.01, iteration 0"
    assert wrap(text, 72) == ["weights 0.1 0.2 -0.1, inputs 8.5 0.65 1.2, goal 1, alpha 0.01,", "iteration 0"]


def test_a_chinese_paragraph_never_ends_on_one_character_and_its_stop():
    """A student read "正好落在目标" / "上。": the line above now gives the last one a character."""
    assert wrap("当 r = 0 时第一步就正好落在目标上。", 30) == ["当 r = 0 时第一步就正好落在", "目标上。"]  # 目标 whole
    assert wrap("one two three four five six", 11)[-1] == "five six"  # English is left as it was


def test_a_figure_too_long_to_share_a_line_keeps_its_own():
    assert wrap("iteration 123456789012", 12) == ["iteration", "123456789012"]
    assert wrap("abcdefghi 1.", 11) == ["abcdefghi", "1."]  # no line starts with the stop


SHAPES = ["a + ", "= ", "0.5 ", "x", "ab ", "每一步", "。", "（", "1/输入^2 ", "a\n", "a  ", "x。"]


def steps_of(text: str, columns: int = 76) -> int:
    """How many lines of the breaker run to wrap `text` (its cache passed by): a count of the
    work done, the same on any machine however busy, unlike a time."""
    count = 0

    def tracer(frame, event, _):
        nonlocal count
        if frame.f_code.co_filename == breaker.__file__:
            count += event == "line"
            return tracer
        return None

    sys.settrace(tracer)
    try:
        breaker._wrapped.__wrapped__(text, columns)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("piece", [SHAPES[0], *(pytest.param(shape, marks=pytest.mark.slow) for shape in SHAPES[1:])])
def test_wrapping_takes_work_in_proportion_to_the_text_whatever_its_shape(piece):  # one shape everyday, every shape in CI
    """A lesson file of one long formula, word or run of punctuation took minutes to show:
    four times the text took up to sixteen times the work. Now it takes four."""
    small, large = steps_of(piece * 500), steps_of(piece * 2000)
    assert large <= 4.5 * small


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("columns", [38, 46, 60])  # the worked step's width at 80 columns and wider
def test_the_worked_steps_formulas_never_break_inside(language, columns):
    """Lesson 7's worked step broke after "x", inside its lists ("[0.1, 0.2," / "-0.1]") and
    after "="; Chinese broke inside words beside formulas (预/测, 发/散)."""
    from gradstep.core.history import History
    from gradstep.core.courses import find_lesson
    from gradstep.tui.words.prose import commentary, opening
    from gradstep.tui.words.worked import worked_step

    for name in ("multi-weight", "weight-matrix", "divergence", "gradient-descent"):
        lesson = find_lesson(name)
        history = History.start(lesson.problem).jump(2)
        text = worked_step(history, language) + opening(lesson, History.start(lesson.problem), language)
        for paragraph in text + commentary(history, language):
            lines = wrap(paragraph, columns)
            for line, following in zip(lines, lines[1:]):
                assert line.rsplit(" ", 1)[-1] not in breaker.OPERATORS - {"-"}, (line, following)  # no line ends on one
                assert not following.lstrip().startswith("- "), (line, following)  # a minus reads as a bullet there
                opened = line.rsplit("]", 1)[-1]
                if "[" in opened:  # a list begun on this line and not closed: only one too long for a line
                    whole = opened[opened.index("["):] + " " + following.strip().split("]", 1)[0] + "]"
                    assert width(whole) > columns - len(breaker.HANG), (line, following)
                for word in breaker.WORDS:  # a word of the vocabulary is never split between lines
                    assert not any(line.endswith(word[:cut]) and following.lstrip().startswith(word[cut:])
                                   for cut in range(1, len(word))), (word, line, following)


def test_a_folder_cut_to_fit_starts_where_a_folders_name_begins():
    """"…p/walk-zh2": the p left of /tmp read as a folder of its own."""
    from gradstep.tui.words.wrap import end_of_path

    assert end_of_path("/tmp/walk-zh2", 12) == "…/walk-zh2"
    assert end_of_path("/tmp/walk-zh2", 13) == "/tmp/walk-zh2"  # it fits: whole
    assert end_of_path("/tmp/a-very-long-name", 8) == "…ng-name"  # no whole name fits: its end, as end_of
    assert end_of_path("C:\\tmp\\walk", 8, "...", "\\") == "...\\walk"


def test_a_long_formula_breaks_at_its_equals_signs_before_its_minus_signs():
    # Lesson 3's worked step read "... the miss by r = 1" / "  - alpha x input^2 = ...": the
    # "-" at the start of a line read as a minus sign, or a list's dash.
    lines = wrap("Each step multiplies the miss by r = 1 - alpha x input^2 = 1 - 1 x 1^2 = 0. While", 38)
    assert not any(line.strip().startswith(("- ", "+ ")) for line in lines), lines
    assert any(line.strip().startswith("= 1 - alpha x input^2") for line in lines), lines
    long_sum = "prediction = " + " + ".join(f"{x} x (-1776.{x})" for x in range(1, 6)) + " = 5"
    assert all(len(line) <= 38 for line in wrap(long_sum, 38))  # one side too long still breaks at +


@pytest.mark.parametrize("columns", range(20, 81))
def test_a_name_keeps_its_index_letter(columns):
    """Lesson 10 at 80x24 read "... is delta" / "i x input j": "delta i" is one quantity (the
    delta of output i), and a break between the two reads as a different formula."""
    text = "output 3: 0.965 - 0.1 = 0.865. weight_delta in row i, column j is delta i x input j."
    lines = wrap(text, columns)
    assert " ".join(lines) == text
    for line in lines:
        assert not line.startswith(("i ", "i,", "j ", "j.")) and not line.endswith((" delta", " input", " row", " column"))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_worked_steps_continued_lines_keep_the_hanging_indent_and_start_with_no_bullet(language):
    """Lessons 7 and 10's worked steps read "  - 0.01 x weight_delta" (a list's bullet) and
    "= (-0.14) x [8.5, 0.65, 1.2], but 0" went on at the margin: "for frozen w1: [0, ...]"."""
    from gradstep.core.history import History
    from gradstep.core.courses import find_lesson
    from gradstep.core.problem import Problem
    from gradstep.tui.words.worked import worked_step
    import dataclasses

    lesson = find_lesson("multi-weight")
    frozen = dataclasses.replace(lesson.problem, frozen=(0,))
    for problem in (lesson.problem, frozen, find_lesson("weight-matrix").problem):
        for paragraph in worked_step(History.start(problem).jump(1), language):
            lines = wrap(paragraph, 38)  # the worked step's width at 80 columns
            assert not any(line.startswith(("- ", "  - ")) for line in lines), lines
            assert all(line.startswith(breaker.HANG) for line in lines[2:] if lines[1].startswith(breaker.HANG)), lines


@pytest.mark.parametrize("word", ["抵消", "绝对值", "下一课", "下坡", "权重改变量", "学习", "记录", "如果", "越来越小",
                                  "失控", "多少", "这个", "规则", "之和", "正负号"])
def test_chinese_words_the_newcomer_saw_split_stay_whole(word):
    """"互相抵 / 消吗", "绝 / 对值", "进入下 / 一课", "往 / 下坡走", "每个权重 / 改变量": at
    every width where the word could be cut, it is whole on one line."""
    for before in range(1, 12):
        text = "这" * before + word + "吗？"
        for columns in range(max(2 * before + 1, 2 * len(word) + 2), 2 * (before + len(word)) + 1):  # room for the word
            lines = wrap(text, columns)
            assert any(word in line for line in lines), (text, columns, lines)


@pytest.mark.parametrize("columns", [20, 30, 38])
@pytest.mark.parametrize("label", ["down:", "up:", "向下："])
def test_a_label_stays_with_its_formula(label, columns):
    """Lesson 2's worked step read "down:" at the end of one line and "0.1 - 0.1 =
    2.7756e-17 -> error 1" on the next: a line's label keeps at least the formula's first term.
    (Within prose, "output 3:" may still end a line: breaking the formula there would hang
    the prose after it, test_a_name_keeps_its_index_letter.)"""
    lines = wrap(f"{label} 0.1 - 0.1 = 2.7756e-17 -> error 1", columns)
    assert not any(line.strip().endswith(label) for line in lines), lines
    assert any(f"{label} 0.1 - 0.1" in line for line in lines), lines


@pytest.mark.parametrize("columns", [20, 38, 39, 40])
def test_a_chinese_label_keeps_its_number(columns):
    """Lesson 10's opening, wrapped to the worked panel's width, read "输出" at a line's end
    and "2：8.5 × 0.1 + ..." on the next: "输出 2" is one name, and keeps its formula's start."""
    text = "每个输出有自己的一行权重：\n输出 1：8.5 × 0.1 + 0.65 × 0.1 + 1.2 × (-0.3) = 0.555；\n输出 2：8.5 × 0.1 + 0.65 × 0.2 + 1.2 × 0 = 0.98；"
    lines = wrap(text, columns)
    assert not any(re.search(r"(输出|第)$", line) for line in lines), lines
    assert not any(re.fullmatch(r"输出 \d：", line.strip()) for line in lines), lines


def test_a_label_that_ends_a_chinese_word_does_not_take_it_apart():
    """Keeping "（加权和）：" with its formula moved only "和）：" down ("（加权" / "和）：8.5 × ..."):
    the end of a word is no label of its own; the formula goes down alone, as before."""
    lines = wrap("预测是各输入乘以各自的权重再相加（加权和）：8.5 × 0.1 + 0.65 × 0.2 + 1.2 × (-0.1) = 0.86。所有权重", 78)
    assert not any(line.startswith("和") for line in lines), lines


LESSON_7 = ("The prediction is the weighted sum of the inputs: 8.5 x 0.1 + 0.65 x 0.2 + 1.2 x (-0.1) = 0.86. "
            "All weights share one delta")


def test_prose_keeps_its_words_on_the_line_before_a_formula_that_goes_down():
    """Lesson 7's first line ended at "weighted sum of the", half empty: "inputs:" went down
    with the formula it names, though it fitted the line. The label ends the line."""
    lines = wrap(LESSON_7, 78)
    assert lines[0] == "The prediction is the weighted sum of the inputs:"
    assert lines[1].startswith("8.5 x 0.1 + 0.65 x 0.2 + 1.2 x (-0.1) = 0.86.")


@given(st.lists(st.sampled_from(["the", "weighted", "sum", "of", "a", "prediction", "is", "all"]), min_size=1, max_size=14),
       st.sampled_from(["inputs:", "（加权和）："]), st.integers(48, 90))
def test_a_label_goes_down_with_its_formula_only_where_the_line_has_no_room_for_it(words, label, columns):
    """Within prose (a label that begins a paragraph keeps its formula's start: the worked step's "down:")."""
    formula = "8.5 x 0.1 + 0.65 x 0.2 + 1.2 x (-0.1) = 0.86."
    lines = wrap(" ".join([*words, label, formula, "All weights"]), columns)
    at = next(index for index, line in enumerate(lines) if "8.5 x" in line)
    assert formula in lines[at]  # whole: it fits a line
    if lines[at].startswith(label) and at > 0:  # the label went down with it: there was no room above
        assert width(lines[at - 1]) + 1 + width(label) > columns, lines


@pytest.mark.parametrize(("text", "name"), [
    ("(figures rounded to 5 digits) error 3 = (0.10526 - 0.1)^2 = 2.7689e-05", "error 3"),
    ("误差 3 = (0.10526 - 0.1)^2 = 2.7689e-05", "误差 3"),
    ("then row 2 of w = [0.1 0.2 0.3] - 0.01 x weight_delta = [0.10214 0.20016 0.00030213]", "row 2 of w")])
def test_a_name_and_its_index_are_never_split(text, name):
    """Lessons 9 and 10's worked step ended a line with "error" and began the next with
    "3 = (0.10526 - 0.1)^2 = 2.7689e-05", read as a formula for 3."""
    for columns in range(width(name), 60):
        lines = wrap(text, columns)
        assert any(name in line for line in lines), (columns, lines)


@given(st.lists(st.sampled_from(["the", "weighted", "sum", "is", "=", "0.1", "(0.5 - 1)^2", "误差", "的", "x"]), max_size=10),
       st.sampled_from(["error", "row", "误差", "输出", "行"]), st.integers(1, 12),
       st.lists(st.sampled_from(["=", "0.1", "is", "of", "w", "误差", "-", "0.25"]), max_size=8), st.integers(8, 40))
def test_a_numbered_name_keeps_its_figure_at_any_width(before, word, index, after, columns):
    """Whatever comes before and after, and at any width that holds it, a numbered name is
    on one line with its figure: never "error" / "3 = ...", "误差" / "3"."""
    lines = wrap(" ".join([*before, word, str(index), *after]), columns)
    assert not any(re.search(rf"(^|\s){word}$", line) and re.match(rf"\s*{index}\b", following)
                   for line, following in zip(lines, lines[1:])), lines


EQUATION = re.compile(r"^[^(（ ][^=]*? (=|~=|≈) ")  # a worked line: what it works out, then = or ~=


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", ["error-curve", "multi-weight", "freeze-weight", "several-outputs", "weight-matrix"])
def test_every_continued_line_of_a_worked_equation_hangs_and_every_equation_starts_flush(name, language):
    """Lessons 4, 7, 9 and 10 at 80x24: "= -0.20625" was indented under "weight_delta =
    (-0.4125) x 0.5", but "~= 0.29531" went on flush left under "weight_delta = (-0.59063) x
    (-0.5)" (~= was no operator), and "= [0.1 0.2 -0.1] - 0.01 x weight_delta" under "weights"
    fitted the line only flush (measured without its indent): each read as a new equation."""
    from gradstep.core.courses import find_lesson
    from gradstep.core.history import History
    from gradstep.tui.words.worked import worked_step

    lesson = find_lesson(name)
    start = History.start(lesson.problem)
    for steps in range(1, 7):
        history = start.jump(steps)
        for output in range(lesson.problem.outputs):
            equations = [line for line in worked_step(history, language, output) if EQUATION.match(line)]
            assert equations
            for columns in range(38, 61):  # the worked step's width at 80 columns and wider
                for paragraph in equations:
                    lines = wrap(paragraph, columns)
                    assert not lines[0].startswith(" "), (columns, lines)
                    assert all(line.startswith(breaker.HANG) and line[len(breaker.HANG)] != " "
                               for line in lines[1:]), (columns, lines)
