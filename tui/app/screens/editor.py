"""The parameter editor: type new numbers, Enter applies them, a mistake is refused in place.

Nothing changes until every field is valid; a refused field keeps what was typed, gets
a one-line reason under the form, and the session is exactly as it was.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static
from textual.widgets.input import Selection

from ....core.controller import check_edit
from ....core.lessons import LANGUAGES, Lesson
from ....core.numbers import as_typed, parse_goal, parse_number, parse_numbers, parse_positions, parse_weights
from ....core.outside import ONE_LINE
from ....core.problem import GRADIENT_DESCENT, HOT_COLD, METHODS, InvalidProblem, Problem
from ....core.refusals import Refusal
from ...words.language import LANGUAGES as SPOKEN
from ...words.prose import refused
from ...words.say import alone, explain, field_names, say
from ..widgets.wrapped import Wrapped

FIELDS = tuple(field.name for field in dataclasses.fields(Problem))  # weights, inputs, goal, method, ...
USED_BY = {"alpha": (GRADIENT_DESCENT,), "frozen": (GRADIENT_DESCENT,), "step_amount": (HOT_COLD,)}  # the rest: every rule
# The rates do nothing under the other rules: what cannot be used there is not refused, it keeps
# the value it had (lesson 6's step of -1 blocked a change of alpha under gradient descent, where
# the hint says the step does nothing). Frozen weights stay refused under hot and cold: a lock.
RATES = ("alpha", "step_amount")


def shown(values, language: str) -> str:
    """A number as the form shows it: every digit, so applying an untouched form changes
    nothing, and as a student types it ("1", not the "1.0" beside the panels' 1); a list
    apart as the panels write one ("0.1 0.2", Chinese "0.1,0.2"), which the form reads back."""
    if not isinstance(values, tuple):
        return as_typed(values)
    return SPOKEN[language].numbers.join(as_typed(v) for v in values)


def shown_field(problem: Problem, field: str, language: str) -> str:
    """A field as the form shows it: a matrix of weights row by row ("0.1 0.2; 0.3 0.4"), as
    the panel writes them (one input: a weight an output, one row, "0.3 0.2 0.9"), the frozen
    weights counted from 1 as on screen."""
    if field == "weights" and problem.outputs > 1 and len(problem.inputs) > 1:
        return say(language, "sep.matrix").join(shown(row, language) for row in problem.rows())
    if field == "frozen":
        return shown(tuple(index + 1 for index in problem.frozen), language)
    return shown(getattr(problem, field), language)


def read_field(field: str, text: str) -> object:
    """A typed field as the Problem takes it (weights as one flat row, row after row)."""
    if field == "weights":
        return parse_weights(text)
    if field == "inputs":
        return parse_numbers(text)
    if field == "goal":
        return parse_goal(text)
    if field == "frozen":
        return parse_positions(text)
    if field == "method":
        return read_rule(text)
    return parse_number(text)


def rule_names() -> dict[str, str]:
    """Every way to type a rule, lower-cased: its code (gd) and its name in each language."""
    return {name.casefold(): method for method in METHODS
            for name in (method, *(say(language, method) for language in LANGUAGES))}


def read_rule(text: str) -> str:
    """The rule typed as gd, "gradient descent" or 梯度下降; a Refusal for anything else."""
    method = rule_names().get(" ".join(text.split()).casefold())
    if method is None:
        raise InvalidProblem("problem.not_a_rule", field="method", text=text.strip())
    return method


def editor_hint(problem: Problem, language: str) -> str:
    """The form's hint for the lesson open: the keys, then only what applies to it. Rows of
    weights split by ; where there are several goals and inputs, and how weight numbers count
    along them, in its own numbers; with one input, a weight a goal, listed as the goals are
    (lesson 9 was told of rows split by ; beside "0.3 0.2 0.9", and could not tell one row
    from three); what frozen takes where the rule can freeze one of several
    weights; which fields the rule does not read, and that a rate there that cannot be used
    keeps its value rather than blocking the change. Lesson 1 (one weight, measuring) was
    told about rows, matrix numbers and freezing, none of which it has."""
    parts = [say(language, "edit_help")]
    shape = "" if problem.outputs == 1 else ".rows" if len(problem.inputs) > 1 else ".goals"
    if shape:
        parts.append(say(language, f"edit_help{shape}"))
    if problem.method in USED_BY["frozen"] and problem.size > 1:  # freezing one of one learns nothing
        parts.append(say(language, f"edit_help.frozen{shape}",
                         next=len(problem.inputs) + 1))  # row 2's first weight, counted from 1
    names = field_names(language, problem)
    unused = [names[field] for field in FIELDS if problem.method not in USED_BY.get(field, METHODS)]
    if unused:  # so the form does not seem to offer what it cannot do
        parts.append(say(language, "edit_unused", rule=say(language, problem.method),
                         fields=say(language, "sep.list").join(unused)))
        kept = [names[field] for field in RATES if problem.method not in USED_BY[field]]
        parts.append(say(language, "edit_unused.kept", fields=say(language, "sep.list").join(kept)))
    return "".join(part if part.endswith(FULL_STOPS) else part + " " for part in parts).rstrip()


FULL_STOPS = ("。", "）", "？", "！")  # a sentence ended in full width: the next follows with no space


class EditorScreen(ModalScreen[Problem | None]):
    """A form over the lesson; Enter in any field applies, Escape leaves it unchanged."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "cancel", key_display="esc"),
        # Enter is the form's, taken before the field's own, which would only post a message:
        # handled after the keys read with Enter, the next of which may be the lesson's.
        Binding("enter", "apply", show=False, priority=True),
    ]

    def __init__(self, problem: Problem, language: str, lesson: Lesson | None = None) -> None:
        super().__init__()
        self.problem = problem  # the starting point being edited (the session keeps its own)
        self.language = language
        self.lesson = lesson  # whose locks hold here too: the rule field was a way round m's lock

    def compose(self) -> ComposeResult:
        with Vertical(id="editor"):
            yield Static(Text(say(self.language, "key.edit")), classes="heading")
            with Grid(id="fields"):
                names = field_names(self.language, self.problem)  # "input" where the lesson has one
                for field in FIELDS:
                    yield Label(Text(names[field]))
                    value = getattr(self.problem, field)
                    placeholders = {"method": " / ".join(say(self.language, method) for method in METHODS)}
                    field_input = Input(value=say(self.language, value) if field == "method"
                                        else shown_field(self.problem, field, self.language),
                                        id=field, placeholder=placeholders.get(field, ""),
                                        restrict=ONE_LINE)  # a paste with an escape sequence is refused
                    field_input.cursor_blink = False  # a blinking cursor is a redraw twice a second over SSH
                    yield field_input
            yield Wrapped([], id="refusal")
            yield Wrapped([("", editor_hint(self.problem, self.language), "")], classes="hint")

    def action_apply(self) -> None:
        """Enter: a new run from the form's numbers; with nothing changed, just close (so the
        form can be left without Escape, which is slow over SSH)."""
        try:
            problem = self.read_problem()
            if self.lesson is not None:
                check_edit(self.lesson, self.problem, problem)
        except Refusal as refusal:
            self.refuse(refusal)
            return
        self.dismiss(None if problem == self.problem else problem)

    def read_problem(self) -> Problem:
        """The problem the form describes, or InvalidProblem naming the first bad field."""
        values: dict[str, Any] = {}  # each read and checked by read_field, then by Problem
        for field in FIELDS:
            text = self.query_one(f"#{field}", Input).value
            try:
                values[field] = read_field(field, text)
            except Refusal as refusal:
                if field not in RATES or values["method"] in USED_BY[field]:
                    raise refusal.at(field=field) from None
                values[field] = getattr(self.problem, field)  # read after the rule: unused, kept as it was
        for _ in RATES:  # one unused rate kept a turn
            try:
                return Problem(**values)
            except InvalidProblem as refusal:
                if refusal.field not in RATES or values["method"] in USED_BY[refusal.field]:
                    raise
                values[refusal.field] = getattr(self.problem, refusal.field)
        return Problem(**values)

    def changed(self) -> list[str]:
        """The fields the student has typed in, in the form's order."""
        return [field for field in FIELDS if self.query_one(f"#{field}", Input).value != self.shown(field)]

    def shown(self, field: str) -> str:
        return say(self.language, self.problem.method) if field == "method" else shown_field(self.problem, field, self.language)

    def refuse(self, refusal: Refusal) -> None:
        """Say why in place, mark the field, and keep what was typed. A refusal between fields
        (3 weights do not fill 2 rows) is the changed field's when the student left the one
        it names as it was: lesson 9 with only the goal changed to 0.1,1 blamed the weights,
        and focus jumped there, so the student typed over weights that were fine."""
        changed = self.changed()
        if refusal.field is not None and refusal.field not in changed and changed:
            blamed, here = refusal.field, self.focused.id if isinstance(self.focused, Input) else None
            refusal = copy.copy(refusal)
            refusal.field = here if here in changed else changed[-1]
            message = say(self.language, "edit_with", field=field_names(self.language, self.problem).get(blamed, blamed),
                          reason=explain(self.language, refusal, names=field_names(self.language, self.problem)))
        else:
            message = refused(refusal, self.lesson, self.problem, self.language)
        for name in FIELDS:
            self.query_one(f"#{name}", Input).set_class(name == refusal.field, "-invalid")
        self.query_one("#refusal", Wrapped).update([("", alone(self.language, message), "")])
        self.show_typing(self.query_one(f"#{refusal.field}", Input))

    def show_typing(self, field: Input) -> None:
        """Move to the refused field with what was typed there kept and the cursor after it,
        in view. Focus that the student did not ask for selected the whole field, so the keys
        typed ahead of the refusal replaced it unseen: lesson 9's inputs went blank at the
        first backspace. Tab still selects a field: a move the student made and can see."""
        field.select_on_focus = False  # until the student leaves it (restored in unselected)
        self.set_focus(field)  # now: focus() would wait behind the keys
        field.selection = Selection.cursor(len(field.value))
        field.scroll_visible(animate=False)

    @on(Input.Blurred)
    def unselected(self, event: Input.Blurred) -> None:
        """A field left after a refusal selects itself again on Tab, as every other does."""
        event.input.select_on_focus = True
