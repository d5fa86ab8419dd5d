"""A lesson with one input calls it "input", never "inputs", wherever its rows are named.

Lesson 9 (one input, three outputs) labelled its 0.65 "inputs" on the parameters panel,
in the editor's form and in the help, because it has several weights.
"""

import pytest
from gradstep.core.courses import course, find_lesson
from gradstep.core.history import History
from gradstep.tui.app.widgets.parameters import parameter_table
from gradstep.tui.words.help import panel_help
from gradstep.tui.words.say import field_names, say

ONE_INPUT = [lesson.name for lesson in course() if len(lesson.problem.inputs) == 1]


def test_the_course_has_a_lesson_of_several_weights_and_one_input():
    assert "several-outputs" in ONE_INPUT and find_lesson("several-outputs").problem.size > 1


@pytest.mark.parametrize("name", ONE_INPUT)
def test_one_input_is_an_input_on_the_panel_in_the_form_and_in_the_help(name):
    problem = find_lesson(name).problem
    labels = [label for label, _ in parameter_table(History.start(problem), "en", 38).rows]
    assert "input" in labels and "inputs" not in labels, labels
    assert field_names("en", problem)["inputs"] == "input"
    for hidden in ((), ("forecast",)):
        words = panel_help("en", "parameters", problem, hidden)
        assert "inputs" not in words and "input" in words, words


@pytest.mark.parametrize("language", ["en", "zh"])
def test_several_are_named_as_several(language):
    problem = find_lesson("weight-matrix").problem
    names = field_names(language, problem)
    assert [names[field] for field in ("weights", "inputs", "goal")] == [
        say(language, "weights"), say(language, "inputs"), say(language, "goals")]
    assert say(language, "inputs") in panel_help(language, "parameters", problem, ())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_one_input_of_0_is_said_of_one_input_where_several_weights_share_it(language):
    """Lesson 9 with input 0 said "every input is 0" and 输入全为 0 (inputs all 0) of its one
    input, in its story, its figures and r's sentence."""
    from gradstep.tui.words.prose import commentary as story, facts

    problem = find_lesson("several-outputs").problem.replace(inputs=(0.0,))
    history = History.start(problem).jump(3)
    words = " ".join([*story(history, language), *facts(problem, language).values()])
    for plural in (say(language, "regime.no-signal"), "every input", "Every input", "Inputs of 0", "输入全为", "所有输入"):
        assert plural not in words, plural
    told = " ".join(story(history, language))
    whose = say(language, "whose.output_error", output=1)  # output 1's, as the worked step's heading: not the sum's 1.02
    assert say(language, "story.no_signal.one_input", iteration=0, error="0.01", whose=whose) in told, told


@pytest.mark.parametrize("language", ["en", "zh"])
def test_one_input_of_0_shared_by_several_weights_is_spoken_of_with_its_weights(language):
    """Lesson 9 with input 0 said "the prediction is 0 whatever the weight" beside three
    weights and three predictions; a lone weight on input 0 is still "the weight"."""
    import dataclasses

    from gradstep.tui.words.prose import downhill, r_says

    shared = find_lesson("several-outputs").problem
    shared = dataclasses.replace(shared, inputs=(0.0,))
    alone = dataclasses.replace(find_lesson("gradient-descent").problem, inputs=(0.0,))
    several = {"en": "whatever the weights", "zh": "不管这些权重"}[language]
    assert several in r_says(shared, language) and several not in r_says(alone, language)
    assert r_says(alone, language) == say(language, "r_says.no-signal.one")
    assert downhill(shared, language) == say(language, "downhill.no-signal.one_input")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_steps_to_go_of_one_output_name_it(language):
    """Lesson 9 with output 1 started on its goal, the chart on it: "error already below
    0.000001" stood under "error sum 1.9764" and read as of the sum. The line of one output
    names it; the run's, with the chart on an output like the others, is the run's."""
    import dataclasses

    from gradstep.tui.words.readout import readout_lines

    problem = dataclasses.replace(find_lesson("several-outputs").problem, inputs=(-1.0,), goal=(-0.3, 1.0, 0.1))
    history = History.start(problem)
    assert readout_lines(history, language, output=0)[-1] == say(language, "exactly_zero",
                                                                 error=say(language, "to_go.output", output=1))
    run = readout_lines(history, language, output=1)[-1]
    steps = int(run.split()[0] if language == "en" else run.split()[1])  # "70 more steps", "再走 70 步"
    assert run == say(language, "steps_to_go", steps=steps, tolerance="0.000001", error=say(language, "to_go.error"))
