"""A count and its noun agree: "1 number", "2 numbers" (issue 24: the editor's refusal of a
row of one weight read "weights: row 2 has 1 numbers").

English writes `{count:one|many}` where a count may be 1, or the code chooses a singular
sentence (step_taken beside steps_taken); Chinese counts need no plural (第 2 行有 1 个数).
"""

import re
import string

import pytest
from gradstep.core.numbers import InvalidNumber, parse_rows
from gradstep.tui.words.catalogue import SENTENCES
from gradstep.tui.words.say import explain, say

NOT_NOUNS = {"is", "does", "gives", "means", "vs", "starts", "reads", "belongs", "continues", "says", "lands",
             "converges", "less", "has", "was", "as", "its", "grows", "learns", "diverges", "stays", "rests"}  # verbs after {whose}
NEVER_ONE = {  # a plural whose count cannot be 1, or whose singular is its own sentence
    "problem.too_many_weights": "more values than the limit, at most the limit's 9",
    "problem.too_many_outputs": "more values than the limit, at most the limit's 9",
    "problem.outputs_need_gd": "said of two outputs or more",
    "run.longest": "the iterations a run keeps",
    "save.too_long": "the iterations a run keeps",
    "lesson.too_few_choices": "the fewest choices a question takes",
    "lesson.too_many_choices": "the most choices a question takes",
    "lesson.bad_name": "the longest name",
    "session.bad_name": "the longest name",
    "lesson.repeated": "a word met twice or more",
    "class.over_budget": "past a budget counted in megabytes",
    "steps_taken": "step_taken says 1",
    "measured_times": "measured_once says 1",
    "count.measurements": "count.measurement says 1",
    "count.steps_of": "count.step_of says 1",
    "count.steps": "count.step says 1",
    "hot_cold_to_goal": "hot and cold's 3 predictions a step",
    "hot_cold_to_goal.between": "hot and cold's 3 predictions a step",
    "story.hot_cold_bouncing": "a count of steps that is not whole",
    "reached": "a growth past the divergence limit",
    "worked.e_notation": "e-notation moves the point 5 places or more",
    "reset.done": "reset.done.one says 1",
    "undone.reset": "undone.reset.one says 1",
}


def test_every_english_count_of_one_takes_its_singular():
    """Each English sentence filled with 1 for every value: a "1 <plural noun>" left is a
    count that forgot its noun's number, unless the count cannot be 1 (NEVER_ONE)."""
    fields = string.Formatter()
    wrong = []
    for key, text in SENTENCES["en"].items():
        names = {name for _, name, _, _ in fields.parse(text) if name}
        said = say("en", key, **dict.fromkeys(names, 1))
        plurals = [found[0] for found in re.finditer(r"(?<![\d.\w])1 ([a-z][a-z_-]*s)\b", said)
                   if found[1] not in NOT_NOUNS]
        if plurals and key not in NEVER_ONE:
            wrong.append((key, plurals))
    assert wrong == []


@pytest.mark.parametrize(("language", "said"), [("en", "row 2 has 1 number, row 1 has 2"), ("zh", "第 2 行有 1 个数")])
def test_a_row_of_one_number_is_refused_in_the_singular(language, said):
    with pytest.raises(InvalidNumber) as refusal:
        parse_rows("0.1,0.2;0.3")
    assert said in explain(language, refusal.value)


def test_the_check_counts_one_file_one_error_and_one_warning_in_the_singular():
    assert say("en", "check.summary", files=1, errors=1, warnings=1) == "1 file checked: 1 error, 1 warning"
    assert say("en", "check.summary", files=2, errors=0, warnings=3) == "2 files checked: 0 errors, 3 warnings"
