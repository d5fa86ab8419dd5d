"""The chart's shortcut: a step's points laid over the kept curve are plotext's own picture."""

import math
import re

import pytest
from gradstep.core.courses import find_lesson

from ..helpers import SIZE, app_for, press_at_once, screen_text, settle


def full_picture(chart, state):
    """The chart drawn without its kept curve, as plotext draws it in one go."""
    kept = chart._curve, chart._layers
    chart._curve = ()
    try:
        return chart.draw(state)
    finally:
        chart._curve, chart._layers = kept


@pytest.mark.parametrize("lesson, options", [("alpha", {}), ("hot-cold", {"ascii_only": True}),
                                             ("error-curve", {"low_bandwidth": True}), ("divergence", {})])
@pytest.mark.slow  # beside the everyday set: in CI
async def test_points_laid_over_the_kept_curve_are_the_whole_picture(lesson, options):
    app = app_for(lesson, **options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chart = app.query_one("#chart")
        laid = 0
        for _ in range(30):
            state = app.state
            picture = chart.draw(state)
            laid += chart._layers is not None
            whole = full_picture(chart, state)
            assert picture.plain == whole.plain and picture.spans == whole.spans
            if state.session.history.can_step:
                app.state = state.replace(session=state.session.step())
        assert laid > (0 if lesson == "divergence" else 20)  # the shortcut was taken (the diverging curve keeps moving)


def chart_rows(app) -> list[str]:
    """The chart's rows on screen: the right half, under the top border."""
    from ..helpers import screen_text

    return [line[-40:] for line in screen_text(app).split("\n")[2:12]]  # its cells are one wide each


def axis_labels(app) -> str:
    """The weight axis's labels on screen: the chart's row under its bottom rule."""
    rows = chart_rows(app)
    return next(rows[place + 1] for place, row in enumerate(rows) if "└" in row)


@pytest.mark.slow  # a second test of the chart, beside the everyday ones of its labels; the trail's errors are core.curve's unit tests: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_7s_trail_is_drawn_at_the_errors_in_the_log_and_says_so(language):
    """w2 = 0.2 was drawn near 0.0015, on the curve of now, where the log says 0.0196; then
    drawn where it happened, off today's curve, with nothing saying why."""
    app = app_for("multi-weight", language=language)
    caption = {"en": "o: error at its step (others as then)", "zh": "o：当时的误差（其余权重取当时的值）"}[language]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        from ..helpers import screen_text

        assert caption not in screen_text(app), "no past point (o) drawn yet: nothing to explain"
        await pilot.press("space", "space", "space")
        rows = chart_rows(app)
        assert any("0.02┤" in row and "o" in row for row in rows), rows  # iteration 0's error, 0.0196, on 0.02's row
        title = {"en": "w2 (others as now)", "zh": "w2 变化（其余不变）"}[language]
        lines = screen_text(app).split("\n")
        assert title in lines[1]
        # Why the o stands off the curve, said where the student looks: under the chart,
        # not in the lesson's text (in Chinese it pushed w1's explanation off the screen).
        assert lines[11].rstrip().endswith(" " + caption), lines[11]
        assert "┘" in lines[9], lines[9]  # the plot kept its axis, above the caption


@pytest.mark.slow  # beside the everyday chart test (lesson 7's trail): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_chart_title_is_shortened_to_fit_80_columns_never_cut(language):
    """Lesson 8's diverging run read "Error vs weight w1, the others as now…", lesson 10's
    frozen weight "误差 2 对 w2,1（其余取当前值）（已冻 …": Textual cut them at the border,
    and the cut part was the one that mattered (log10, frozen)."""
    from ..helpers import press_at_once, screen_text, settle

    for name, keys, wanted in (("freeze-weight", ("z", *["space"] * 4), {"en": "log10", "zh": "对数坐标"}),
                               ("weight-matrix", ("2", "z"), {"en": "frozen w2,1", "zh": "冻结的 w2,1"})):
        app = app_for(name, language=language)
        async with app.run_test(size=SIZE) as pilot:
            await press_at_once(pilot, *keys)
            await settle(pilot)
            title = app.query_one("#chart").border_title
            top = screen_text(app).split("\n")[1]
            assert wanted[language] in title and title in top and "…" not in top, (title, top)


@pytest.mark.slow  # beside the everyday chart test; the log weight axis is a unit test (test_curve): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_5s_log_chart_spreads_its_points_and_reads_its_ticks(language):
    """Lesson 5's markers stacked in one column under ticks "-2e+06 -1e+06 -1 1e+06 2e+06"."""
    app = app_for("divergence", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["space"] * 5)
        rows = chart_rows(app)
        plot = rows[1:next(place for place, row in enumerate(rows) if "└" in row)]  # not the caption's o: and @:
        columns = {index for row in plot for index, char in enumerate(row) if char in "o@"}
        assert len(columns) == 6, rows  # the start and five steps, each in a column of its own
        # the axis's 32 columns beside the error labels: 1e+05 is nearer halfway than 10000
        assert axis_labels(app).split() == ["-1e+10", "-1e+05", "-1", "1e+05", "1e+10"]


@pytest.mark.slow  # the ticks are a unit test (test_curve); this one reads them on screen: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_lesson_5s_weight_ticks_read_round_figures_on_screen(language):
    """After three steps they read "-1e+06 -1e+03 -1 999 1e+06"."""
    from ..helpers import press_at_once, settle

    app = app_for("divergence", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *["space"] * 3)
        await settle(pilot)
        assert axis_labels(app).split() == ["-1e+06", "-1000", "-1", "1000", "1e+06"]  # 1e+06 has room at 32 columns


@pytest.mark.slow  # beside the everyday chart test (lesson 7's trail); the ticks are a unit test (test_curve): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_every_tick_keeps_its_label_when_labels_crowd(language):
    """Lesson 8 unfrozen: the weight axis read "-1 0.2 2", "-1000 0 200 1000", its bottom's
    label (0.303, 84.3) left out for touching the round figure written before it; then,
    straight or counting powers of ten, every label the axis has is on screen."""
    from ..helpers import press_at_once, settle

    app = app_for("freeze-weight", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, "z")
        for _ in range(6):
            await press_at_once(pilot, "space")
            await settle(pilot)
            ticked = next(row for row in chart_rows(app) if "└" in row)
            shown = axis_labels(app).split()
            assert ticked.count("┬") == len(shown) >= 3, (ticked, shown)  # -10000 -1.79e+03 10000 left one
            assert set(shown) <= set(app.query_one("#chart").frame(app.state).x.labels)


@pytest.mark.parametrize("lesson, changes, keys", [
    ("weight-matrix", {}, ("space",) * 3),  # read "-0.0535         0.0465 0.0965  0.146"
    pytest.param("multi-weight", {}, ("3",), marks=pytest.mark.slow),  # w3: a label left out
    pytest.param("measure-error", {"inputs": (1000.0,)}, (), marks=pytest.mark.slow),  # "-0.998 -0.498 0.0018"
])
@pytest.mark.slow  # a second test of the chart's axes, beside the everyday test_the_error_labels_sit_on_rows_evenly_and_the_point_on_its_nearest: in CI
async def test_the_weight_axis_reads_round_values_every_one_labelled(lesson, changes, keys):
    """The ticks stood at the curve's bottom plus fractions of the window: figures no one
    would mark on an axis, crowded, so that plotext left one out."""
    import dataclasses

    from gradstep.core.session import Session
    from gradstep.tui.app.app import GradstepApp

    from ..helpers import press_at_once, settle

    course = find_lesson(lesson)
    course = dataclasses.replace(course, questions=(), problem=course.problem.replace(**changes))
    app = GradstepApp(Session.begin(course))
    async with app.run_test(size=SIZE) as pilot:
        if keys:
            await press_at_once(pilot, *keys)
        await settle(pilot)
        axis = app.query_one("#chart").frame(app.state).x
        shown = axis_labels(app).split()
        ticked = next(row for row in chart_rows(app) if "└" in row)
        assert shown == list(axis.labels) and ticked.count("┬") == len(shown) >= 3, (ticked, shown)
        values = [float(label) for label in shown]
        step = values[1] - values[0]
        assert all(math.isclose(value / step, round(value / step), abs_tol=1e-9) for value in values), shown
        assert f"{step:.0e}"[0] in "125" and math.isclose(float(f"{step:.0e}"), step), shown  # a 1-2-5 step


@pytest.mark.slow  # a second test of the chart's axes, beside the everyday ones of its error and weight labels: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_e_notation_on_an_axis_and_every_digit_say_what_they_are(language):
    """Lesson 1 with input 1000: the error axis read 1e+06 with nothing saying what it is;
    under f, 808201.0 and 813243.2399999999 appeared with no word on why."""
    import dataclasses

    from gradstep.core.session import Session
    from gradstep.tui.app.app import GradstepApp
    from gradstep.tui.words.say import say

    from ..helpers import screen_text, settle

    lesson = find_lesson("measure-error")
    lesson = dataclasses.replace(lesson, questions=(), problem=lesson.problem.replace(inputs=(1000.0,)))
    app = GradstepApp(Session.begin(lesson), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = screen_text(app).split("\n")
        assert "1e+06┤" in lines[3]
        assert lines[11].rstrip().endswith(say(language, "chart.e_notation", label="1e+06", mantissa="1", exponent=6))
        await pilot.press("f")
        await settle(pilot)
        assert say(language, "exact.why") in screen_text(app).split("\n")[-2]  # above the key bar
        assert "0.30000000000000004" in say(language, "exact.why") and 0.1 + 0.2 == 0.30000000000000004


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "steps"), [("divergence", 0), ("divergence", 1), ("error-curve", 2), ("alpha", 3),
                                             ("hot-cold", 4)])
async def test_the_error_labels_sit_on_rows_evenly_and_the_point_on_its_nearest(name, steps, language):
    """At 80x24 lesson 5's chart labelled its 7 rows 400, 300, 200, 100, 0 one or two rows
    apart (a row was 57), and drew the error 225 on the row labelled 200."""
    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(steps):
            await pilot.press("space")
        await pilot.pause()
        rows = chart_rows(app)
        plot = rows[1:next(place for place, row in enumerate(rows) if "└" in row)]  # under the top rule
        labelled = {place: float(found[1]) for place, row in enumerate(plot)
                    if (found := re.match(r"\s*(-?[\d.]+(?:e[+-]\d+)?)┤", row))}
        places = sorted(labelled)
        assert len(places) >= 3 and len({b - a for a, b in zip(places, places[1:])}) == 1, plot  # evenly
        row_worth = (labelled[places[0]] - labelled[places[-1]]) / (places[-1] - places[0])
        error = float(app.state.session.history.error)
        point = next(place for place, row in enumerate(plot) if "@" in row)
        nearest = min(labelled.values(), key=lambda label: abs(label - error))
        read = labelled[min(places, key=lambda place: abs(place - point))]
        assert abs(read - error) <= abs(nearest - error) + row_worth * (1 + 1e-9), (plot, error)
        assert abs(labelled[places[-1]] + row_worth * (places[-1] - point) - error) <= row_worth / 2 * (1 + 1e-9)


@pytest.mark.slow  # a second test of the chart, beside the everyday test_the_error_labels_sit_on_rows_evenly_and_the_point_on_its_nearest: in CI
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize(("name", "keys"), [("weight-matrix", ["space"] * 5), ("freeze-weight", ["z", "space", "space"])])
async def test_the_charts_labels_keep_a_gap_from_the_parameters_rows(name, keys, language):
    """Lesson 10's row read "row 2 of w  0.10214 0.20016 0.00030213 5┤", as if 5 were one
    more weight: a full row and the widest label had one cell between them. Two now, at any
    label's width: the panel's last two cells are blank on every row."""
    from rich.cells import set_cell_size

    from gradstep.tui.app.widgets.parameters import ParametersPanel

    app = app_for(name, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *keys)
        await settle(pilot)
        panel = app.query_one(ParametersPanel).region
        right = panel.x + panel.width  # where the chart begins
        lines = screen_text(app).splitlines()[panel.y + 1:panel.y + panel.height]
        gaps = [set_cell_size(line, right)[len(set_cell_size(line, right - 2)):] for line in lines]  # cells, not characters
        assert all(gap == "  " for gap in gaps), [line for line, gap in zip(lines, gaps) if gap != "  "]


@pytest.mark.slow  # beside the everyday chart test (lesson 7's trail); the bottom off the chart and the paired ticks are unit tests (test_curve): in CI
@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_valley_whose_bottom_is_off_the_chart_says_where_under_symmetric_ticks(language):
    """Lesson 10, inputs 100, 0.65, 1.2, 4 steps, w1,2: the curve ran flat at 1e+18 over
    "-10000 -100 0.1 10000" while the help said the middle tick is the bottom; its bottom,
    -1.42e+09, lay far off. The chart says where, under ticks paired about the middle."""
    app = app_for("weight-matrix", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#inputs").value = "100,0.65,1.2"
        await pilot.press("enter")
        await press_at_once(pilot, "space", "space", "space", "space", "1")
        await settle(pilot)
        assert axis_labels(app).split() == ["-10000", "0.1", "10000"]
        said = {"en": "bottom at -1.42e+09, off the chart", "zh": "谷底在 -1.42e+09，不在图上"}[language]
        assert said in screen_text(app)
        assert any("┤" in row and "@" in row for row in chart_rows(app))  # the plot kept its rows above both captions


@pytest.mark.parametrize(("language", "options", "said"), [
    ("en", {}, "middle tick -1: the goal weight"),
    pytest.param("zh", {}, "中间刻度 -1：目标权重", marks=pytest.mark.slow),  # a second language: in CI
    pytest.param("en", {"ascii_only": True}, "middle tick -1: the goal weight", marks=pytest.mark.slow),
])
async def test_a_log_weight_axis_says_its_middle_tick_is_the_goal_weight(language, options, said):
    """Lesson 5 after five steps: "-1e+10 -1e+05 -1 1e+05 1e+10", and what the middle -1
    is was said in the help (?) alone, where no newcomer looked. The chart says it under
    its axis, whole at 80x24, above the trail's legend and the e-notation's line; in ASCII on a terminal without
    Unicode."""
    from gradstep.tui.words.say import say

    app = app_for("divergence", language=language, **options)
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *["space"] * 5)
        await settle(pilot)
        rows = chart_rows(app)
        axis = next(place for place, row in enumerate(rows) if "-1e+05" in row)
        assert rows[axis + 1].rstrip().endswith(said), rows  # whole
        assert rows[axis + 2].rstrip().endswith(say(language, "chart.trail")), rows  # the trail's o's, drawn
        assert "1e+" in rows[axis + 3] and any("┤" in row or "|" in row for row in rows[:axis]), rows
        if options:
            assert all(row.isascii() for row in rows[:axis + 4]), rows


@pytest.mark.parametrize("height", [8, *(pytest.param(height, marks=pytest.mark.slow) for height in (6, 9, 10, 13))])  # more: in CI
async def test_the_plot_is_laid_on_the_rows_its_caption_leaves_it(height):
    """The rows the caption takes are the caption's lines: the chart kept a separate count of
    them, and under 7 rows it wrote a caption line on a plot framed as if it had the row
    (its error axis laid on 3 rows and drawn on 2). Each height: the plot's rows, its frame,
    its weight labels and its caption fill the chart, and the error axis is laid on the
    plot's rows."""
    from gradstep.core.curve import error_vs_weight
    from gradstep.tui.app.widgets.chart import FEWEST_PLOT_ROWS, PLOT_MARGIN, axis_cells

    app = app_for("divergence")
    async with app.run_test(size=SIZE) as pilot:
        await press_at_once(pilot, *["space"] * 5)
        chart = app.query_one("#chart")
        chart.styles.height = height
        await settle(pilot)
        state, inside = app.state, chart.size.height  # within the chart's border
        caption = chart.caption(state).splitlines()
        plot = chart.draw(state).plain.splitlines()[:inside - len(caption)]
        rows = sum(1 for line in plot if "┤" in line or line.rstrip().endswith("│") and "┌" not in line)
        assert rows == inside - PLOT_MARGIN - len(caption), (plot, caption)
        assert rows >= FEWEST_PLOT_ROWS or not caption, (plot, caption)
        frame = chart.frame(state)
        laid = error_vs_weight(state.session.history, 0, rows, axis_cells(frame, chart.size.width))
        assert frame.y.labels == laid.y.labels and frame.y.ticks == laid.y.ticks, (frame.y.labels, laid.y.labels)
