"""`gradstep run` and `gradstep lessons`: formats, defaults, and bad input."""

import csv
import dataclasses
import io
import json

import pytest
from gradstep.core.courses import course
from gradstep.tui.command.app_parser import app_parser

from ..helpers import gradstep, run_summary


def test_text_format_is_a_table_then_a_summary():
    result = gradstep("run", "--lesson", "alpha", "--steps", "3")
    lines = result.out.splitlines()
    assert lines[0].split() == ["iteration", "weight", "prediction", "error", "delta", "weight_delta"]
    assert [line.split()[3] for line in lines[1:4]] == ["0.04", "0.0144", "0.005184"]
    assert run_summary(result.out) == ("final error 0.005184 at iteration 2; r = 1 - 0.1 x 2^2 = 0.6; "
                                       "0 < r < 1: converges, same side")
    assert all(len(line) <= 80 for line in lines)
    assert len({len(line) for line in lines[:4]}) == 1  # aligned


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("lesson", [lesson.name for lesson in course()])
def test_every_lessons_table_fits_80_columns_and_keeps_every_cell(lesson, language):
    # Lessons 7-10 printed one line a record, 133 to 416 columns wide: an 80-column terminal
    # folded every record over the next. Now tables of columns, each led by the iteration.
    from gradstep.core.courses import find_lesson
    from gradstep.core.formats import text_lines
    from gradstep.core.history import walk
    from gradstep.tui.words.say import headings
    from gradstep.tui.words.wrap import width

    result = gradstep("run", "--lesson", lesson, "--lang", language, "--steps", "4")
    tables = result.out.split("\n\n")
    tables[-1] = "\n".join(tables[-1].splitlines()[:5])  # the summary follows the last table
    assert all(width(line) <= 80 for line in result.out.splitlines())
    problem = find_lesson(lesson).problem
    whole = [line.split() for line in text_lines(walk(problem, 4), problem, headings(language, problem.outputs))]
    seen: dict[tuple[int, str], str] = {}
    for table in tables:
        head, *records = [line.split() for line in table.splitlines()]
        assert head[0] == whole[0][0] and len(records) == len(whole) - 1
        for number, record in enumerate(records):
            seen |= {(number, name): cell for name, cell in zip(head, record)}
    assert seen == {(number, name): cell for number, record in enumerate(whole[1:])
                    for name, cell in zip(whole[0], record)}
    if max(width(" ".join(line)) for line in whole) < 70:  # a table that fits is printed as before
        assert len(tables) == 1


def test_csv_and_jsonl_hold_the_same_exact_numbers():
    rows = list(csv.DictReader(io.StringIO(gradstep("run", "--lesson", "alpha", "--format", "csv").out)))
    objects = [json.loads(line) for line in gradstep("run", "--lesson", "alpha", "--format", "jsonl").out.splitlines()]
    assert len(rows) == len(objects) == 70
    for row, obj in zip(rows, objects):
        assert float(row["error"]) == obj["error"] and float(row["weight"]) == obj["weight"]
        assert row["note"] == ""


def test_several_weights_are_lists_in_jsonl_and_columns_in_csv():
    first = json.loads(gradstep("run", "--lesson", "multi-weight", "--format", "jsonl").out.splitlines()[0])
    assert first["weight"] == [0.1, 0.2, -0.1] and len(first["weight_delta"]) == 3
    header = gradstep("run", "--lesson", "multi-weight", "--format", "csv").out.splitlines()[0]
    assert ",iteration,weight_1,weight_2,weight_3,prediction,error,delta,weight_delta_1," in header


def test_hot_cold_logs_its_probes_and_cost():
    result = gradstep("run", "--lesson", "hot-cold", "--format", "jsonl")
    first = json.loads(result.out.splitlines()[0])
    assert first["up_error"] == (-1.0 - 1.0 * (0.5 + 0.1)) ** 2  # the spec's order, in float64
    assert first["down_error"] == (-1.0 - 1.0 * (0.5 - 0.1)) ** 2 and first["move"] == "down"
    summary = run_summary(gradstep("run", "--lesson", "hot-cold").out)
    assert "60 predictions (3 a step)" in summary and "bounces: rounding pushes it off goal" in summary


def test_flags_override_a_lesson():
    # The tutorial's own first try: input 2, goal 0.8, no alpha diverges with r = -3.
    summary = run_summary(gradstep("run", "--lesson", "alpha", "--alpha", "1").out)
    assert summary.endswith("r = 1 - 1 x 2^2 = -3; r < -1: diverges, growing")


def test_a_typed_in_problem_runs_five_steps_by_default():
    result = gradstep("run", "--weight", "0.5", "--input", "2", "--goal", "0.8", "--alpha", "0.1",
                      "--format", "jsonl")
    assert [json.loads(line)["error"] for line in result.out.splitlines()][:2] == [0.03999999999999998, 0.0144]
    assert len(result.out.splitlines()) == 5


def test_several_weights_on_the_command_line():
    result = gradstep("run", "--weight", "0.1,0.2,-0.1", "--input", "8.5,0.65,1.2", "--goal", "1",
                      "--alpha", "0.01", "--steps", "1", "--format", "jsonl")
    assert json.loads(result.out)["prediction"] == 0.8600000000000001


BAD_INPUT = {
    "not a number": ["--weight", "abc", "--input", "1", "--goal", "0"],
    "nan": ["--weight", "nan", "--input", "1", "--goal", "0"],
    "inf": ["--weight", "1", "--input", "inf", "--goal", "0"],
    "1e400": ["--weight", "1", "--input", "1", "--goal", "1e400"],
    "empty": ["--weight", "", "--input", "1", "--goal", "0"],
    "empty in a list": ["--weight", "1,,2", "--input", "1,1,1", "--goal", "0"],
    "negative steps": ["--lesson", "alpha", "--steps", "-1"],
    "steps not whole": ["--lesson", "alpha", "--steps", "2.5"],
    "more steps than a run keeps": ["--lesson", "alpha", "--steps", "1000000000000"],
    "unknown lesson": ["--lesson", "nope"],
    "unknown method": ["--lesson", "alpha", "--method", "sgd"],
    "unknown format": ["--lesson", "alpha", "--format", "xml"],
    "lengths differ": ["--weight", "1,2", "--input", "1", "--goal", "0"],
    "zero alpha": ["--lesson", "alpha", "--alpha", "0"],
    "negative alpha": ["--lesson", "alpha", "--alpha=-1"],
    "zero step amount": ["--lesson", "hot-cold", "--step-amount", "0"],
    "hot-cold, several weights": ["--lesson", "multi-weight", "--method", "hot-cold"],
    "missing goal": ["--weight", "1", "--input", "1"],
    "two sources": ["--lesson", "alpha", "--lesson-file", "x.toml"],
    "missing lesson file": ["--lesson-file", "/no/such/lesson.toml"],
    "unknown flag": ["--lesson", "alpha", "--speed", "2"],
}


@pytest.mark.parametrize("argv", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_one_line_on_stderr_and_exit_two(argv):
    result = gradstep("run", *argv)
    assert result.status == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1 and result.err.startswith("gradstep run: ")
    assert "Traceback" not in result.err


@pytest.mark.parametrize(("command", "flag"), [("", "--course"), ("", "--hand-in"), ("run", "--course")])
def test_an_empty_folder_is_refused_not_read_as_the_current_one(command, flag):
    prog = " ".join(["gradstep", command]).strip()
    result = gradstep(*filter(None, [command]), "--lesson", "alpha", flag, "")
    assert result.status == 2 and result.out == ""
    assert result.err == (f"{prog}: argument {flag}: an empty name is no folder: give the folder's path "
                          f"(. for this one) (see {prog} --help)\n")


def test_messages_say_what_is_wrong():
    assert "--weight: 'nan' is not a number" in gradstep("run", "--weight", "nan", "--input", "1", "--goal", "0").err
    assert "overflows" in gradstep("run", "--weight", "1e400", "--input", "1", "--goal", "0").err
    assert "did you mean 'alpha'" in gradstep("run", "--lesson", "alpah").err
    assert "(weights: 2, inputs: 1)" in gradstep("run", "--weight", "1,2", "--input", "1", "--goal", "0").err


def test_lessons_lists_every_lesson_with_a_line_about_it_and_its_questions():
    output = gradstep("lessons").out.splitlines()
    lines = [line for line in output if line.split()[0].isdigit()]
    assert [line.split()[:2] for line in lines] == [[str(n), lesson.name] for n, lesson in enumerate(course(), 1)]
    assert all(len(line.split(maxsplit=2)) == 3 for line in lines) and all(len(line) <= 80 for line in output)
    assert output[1].split() == ["questions:", "2"]  # under the first lesson
    assert "平方误差" in gradstep("lessons", "--lang", "zh").out


@pytest.mark.parametrize("language", ["en", "zh"])
def test_lessons_names_each_lesson_in_the_readers_words_names_in_one_column(language):
    # `gradstep lessons --lang zh` showed no Chinese title, and "10  weight-matrix" began one
    # column right of "9  several-outputs".
    from gradstep.tui.words.prose import lesson_names

    output = gradstep("lessons", "--lang", language).out.splitlines()
    firsts = [line for line in output if line.split()[0].isdigit()]
    assert len({line.index(lesson.name) for line, lesson in zip(firsts, course())}) == 1
    for lesson in course():
        shown, _ = lesson_names(lesson, language)
        assert any(f" {shown} " in line or line.rstrip().endswith("  " + shown) for line in output), shown
    if language == "zh":
        assert "测量误差" in output[0] and "冷热法" in " ".join(output)


def test_version_names_the_installed_package():
    from importlib.metadata import version

    result = gradstep("--version")
    assert (result.status, result.out, result.err) == (0, f"gradstep {version('gradstep')}\n", "")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_lessons_fit_80_columns_by_the_breakers_rules(language, monkeypatch):
    # Lesson 5's Chinese summary ends "（发散）。" at column 81: the terminal folded it, and "。" began a line.
    from gradstep.tui.words.wrap import CLOSING, width

    monkeypatch.setenv("COLUMNS", "80")
    output = gradstep("lessons", "--lang", language).out.splitlines()
    assert all(width(line) <= 80 for line in output), [line for line in output if width(line) > 80]
    assert all(line.strip()[0] not in CLOSING for line in output if line.strip())
    summary = course()[4].text(language).summary
    assert "".join(line.strip() for line in output).replace(" ", "").count(summary.replace(" ", "")) == 1


@pytest.mark.parametrize(("language", "entries"), [("en", ["Enter or n: step", "+ -: alpha", "q: quit"]),
                                                    ("zh", ["回车或 n：走一步", "+ -：学习率 α", "q：退出"])])
def test_line_modes_commands_keep_each_key_with_its_word_within_80_columns(language, entries, monkeypatch):
    # The help line was written unwrapped: at 80 columns the terminal left "q" on one line, "：退出" on the next.
    from gradstep.core.session import Session
    from gradstep.tui.plain.lines import run_lines
    from gradstep.tui.words.wrap import CLOSING, width

    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    lesson = dataclasses.replace(course()[5], questions=())  # alpha: its table fits 80 columns
    run_lines(Session.begin(lesson), language, io.StringIO("what\nq\n"), out)
    lines = [line.removeprefix("> ") for line in out.getvalue().splitlines()]
    assert all(width(line) <= 80 for line in lines), [line for line in lines if width(line) > 80]
    assert all(line[:1] not in CLOSING for line in lines)
    for entry in entries:  # the commands, at the start and after an unknown one
        assert sum(entry in line for line in lines) == 2, entry


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("command", [[], ["run"], ["lessons"], ["check"], ["class"]])
def test_help_fits_the_terminal_counting_chinese_as_two_columns(command, language, columns, monkeypatch):
    # argparse counted characters: the Chinese usage line and --session's help ran past 80 columns.
    from gradstep.tui.words.wrap import CLOSING, width

    monkeypatch.setenv("COLUMNS", str(columns))
    lines = gradstep(*command, "--help", "--lang", language).out.splitlines()
    assert all(width(line) <= columns for line in lines), [line for line in lines if width(line) > columns]
    assert all(line.strip()[0] not in CLOSING for line in lines if line.strip())


def test_usage_lines_align_under_a_chinese_prefix(monkeypatch):
    from gradstep.tui.words.wrap import width

    monkeypatch.setenv("COLUMNS", "80")
    for command in ([], ["run"]):
        usage = gradstep(*command, "--help", "--lang", "zh").out.split("\n\n")[0].splitlines()
        assert usage[0].startswith("用法：gradstep")
        first = width(usage[0][:usage[0].index("[")])  # argparse's own lines go under the first [
        assert all(width(line) - len(line.lstrip()) >= first for line in usage[1:] if line.lstrip().startswith("["))
        assert all(line.startswith(" " * 6 + "gradstep") for line in usage[1:] if "gradstep" in line)


def test_chinese_help_headings_end_in_a_full_width_colon():
    out = io.StringIO()
    app_parser("zh").print_help(out)
    assert "选项：\n" in out.getvalue() and "选项:" not in out.getvalue()


@pytest.mark.parametrize(("lesson", "language", "entry"), [(1, "en", "+ -: step"), (1, "zh", "+ -：步长"),
                                                            (5, "en", "+ -: alpha")])
def test_line_modes_commands_name_what_plus_and_minus_change(lesson, language, entry):
    from gradstep.core.session import Session
    from gradstep.tui.plain.lines import run_lines

    out = io.StringIO()
    run_lines(Session.begin(dataclasses.replace(course()[lesson], questions=())), language,
              io.StringIO("h\nq\n"), out)
    assert entry in out.getvalue()


def test_theme_is_one_of_textuals_and_a_wrong_one_is_one_line():
    result = gradstep("--theme", "textual-lite")
    assert result.status == 2 and result.out == ""
    assert result.err.startswith("gradstep: argument --theme: unknown theme 'textual-lite': did you mean "
                                 "'textual-light'?")
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize(("typed", "theme"), [("light", "textual-light"), ("dark", "textual-dark"),
                                              ("Light", "textual-light"), ("nord", "nord")])
def test_theme_light_and_dark_are_the_apps_own_two(typed, theme):
    """`--theme light`, as a teacher types it, was refused with "did you mean 'ansi-light'?",
    the terminal's palette, never checked for contrast; the docs named textual-light."""
    from gradstep.tui.command.app_parser import theme_name

    assert theme_name(typed) == theme


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_misspelt_light_theme_is_offered_light(language):
    result = gradstep("--theme", "ligth", "--lang", language)
    assert result.status == 2 and len(result.err.splitlines()) == 1
    assert "'light'" in result.err or "“light”" in result.err
    assert "ansi-light" not in result.err.split("light")[1]  # the light theme offered, not the palette
    assert {"en": "light, dark, textual-dark", "zh": "light、dark、textual-dark"}[language] in result.err


def test_the_saved_line_names_the_command_as_the_student_can_type_it(tmp_path, monkeypatch):
    """A student who started .venv/bin/gradstep, as the README says, was told to carry on with
    `gradstep --resume`, and the shell said "command not found"."""
    from gradstep.tui.command.runners import command_as_typed

    program = tmp_path / "venv" / "bin" / "gradstep"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/nonexistent")
    assert command_as_typed("venv/bin/gradstep") == "venv/bin/gradstep"
    assert command_as_typed(str(tmp_path / "my venv" / "bin" / "gradstep")) == f"'{tmp_path}/my venv/bin/gradstep'"
    monkeypatch.setenv("PATH", str(program.parent))
    assert command_as_typed("venv/bin/gradstep") == "gradstep"  # the name alone finds this one
    assert command_as_typed("gradstep") == "gradstep"
    assert command_as_typed(str(tmp_path / "gradstep" / "__main__.py")) == "gradstep"  # python -m gradstep


@pytest.mark.parametrize("language", ["en", "zh"])
def test_line_modes_reset_says_b_brings_the_steps_back_and_b_says_it_did(language):
    # 0 then b went forward to iteration 3 with no word why: newcomers read it as b misbehaving.
    from gradstep.core.session import Session
    from gradstep.tui.plain.lines import run_lines
    from gradstep.tui.words.say import say

    out = io.StringIO()
    run_lines(Session.begin(dataclasses.replace(course()[5], questions=())), language,
              io.StringIO("\n\n\n0\nb\nq\n"), out)
    text = "".join(out.getvalue().split())
    reset, undone = say(language, "reset.done", steps=3), say(language, "undone.reset", steps=3)
    assert "".join(reset.split()) in text and "".join(undone.split()) in text
    assert text.index("".join(reset.split())) < text.index("".join(undone.split()))
